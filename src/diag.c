/*
 * Diagnostics sink: formats one line per problem and counts them by
 * level.  Everything the user reads about their input passes here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "diag.h"
#include "json.h"

static const char *const level_names[DIAG__MAX] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

size_t
diag_escape(const char *s, size_t len, size_t *n, char buf[8])
{
	unsigned char b = (unsigned char)s[0];
	gunichar c;

	*n = 1;
	if (b < 0x80)
		return b < 0x20 || b == 0x7f ?
		    (size_t)snprintf(buf, 8, "\\x%02x", b) : 0;
	/* Overlong forms, surrogates and cut sequences count as bytes. */
	c = g_utf8_get_char_validated(s, (gssize)len);
	if (c == (gunichar)-1 || c == (gunichar)-2)
		return (size_t)snprintf(buf, 8, "\\x%02x", b);
	*n = (size_t)g_utf8_skip[b];
	/* C1; ALM, LRM, RLM; LRE..RLO; LRI..PDI. */
	if (c < 0xa0 || c == 0x61c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
		return (size_t)snprintf(buf, 8, "\\u%04x", (unsigned)c);
	return 0;
}

/* s with what diag_escape() names escaped; the caller frees it. */
static char *
escaped(const char *s, size_t len)
{
	GString *out = g_string_sized_new(len);
	char buf[8];
	size_t i, n, e;

	for (i = 0; i < len; i += n) {
		if ((e = diag_escape(s + i, len - i, &n, buf)) > 0)
			g_string_append_len(out, buf, (gssize)e);
		else
			g_string_append_len(out, s + i, (gssize)n);
	}
	return g_string_free(out, FALSE);
}

const char *
diag_level_name(enum diag_level level)
{
	return level_names[level];
}

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

/* What a silent diag does with a message: nothing. */
static void
drop(void *arg, const struct diag_msg *m)
{
	(void)arg;
	(void)m;
}

void
diag_init_silent(struct diag *d)
{
	diag_init(d, NULL);
	d->sink = drop;
}

void
diag_report(struct diag *d, enum diag_level level,
    const struct diag_pos *pos, const char *fmt, ...)
{
	struct diag_msg m = { level, level, pos, NULL, NULL, NULL,
	    d->where, d->advice };
	va_list ap;
	char *raw, *place, *text, *line;

	m.where.layout = d->layout;
	memset(&d->where, 0, sizeof(d->where));
	d->advice = false;
	if (d->mute > 0 && level != DIAG_ERROR)
		return;
	d->count[level]++;
	if (level == DIAG_NOTE ? !d->last_shown :
	    level == DIAG_WARNING && d->quiet && !d->strict) {
		d->last_shown = false;
		return;
	}
	d->last_shown = true;
	if (d->out == NULL && d->sink == NULL)
		return;
	if (pos != NULL && pos->file != NULL && pos->line > 0)
		raw = g_strdup_printf("%s:%d:%d", pos->file, pos->line,
		    pos->col);
	else
		raw = g_strdup(pos != NULL && pos->file != NULL ? pos->file :
		    "brochure");
	/*
	 * Messages quote input (values, paths): escaping here covers what
	 * could reach the terminal raw, for every message at once.
	 */
	place = escaped(raw, strlen(raw));
	g_free(raw);
	va_start(ap, fmt);
	raw = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	text = escaped(raw, strlen(raw));
	g_free(raw);
	if (level == DIAG_WARNING && d->strict)
		m.shown = DIAG_ERROR;
	line = g_strdup_printf("%s: %s: %s", place, level_names[m.shown],
	    text);
	m.place = place;
	m.text = text;
	m.line = line;
	if (d->sink != NULL)
		d->sink(d->sink_arg, &m);
	else if (d->json) {
		GString *s = g_string_new(NULL);

		diag_json(s, &m, NULL, 0);
		fprintf(d->out, "%s\n", s->str);
		g_string_free(s, TRUE);
	} else
		fprintf(d->out, "%s\n", line);
	g_free(place);
	g_free(text);
	g_free(line);
}

/* v as a JSON string, with what diag_escape() names escaped. */
static void
json_escaped(GString *s, const char *v)
{
	char *e = v != NULL ? escaped(v, strlen(v)) : NULL;

	json_str(s, e);
	g_free(e);
}

/* "file": …, "line": …, "column": …, "message": … of m. */
static void
json_place(GString *s, const struct diag_msg *m)
{
	const struct diag_pos *pos = m->pos;
	bool lc = pos != NULL && pos->file != NULL && pos->line > 0;

	g_string_append(s, "\"file\": ");
	json_escaped(s, pos != NULL ? pos->file : NULL);
	if (lc)
		g_string_append_printf(s, ", \"line\": %d, \"column\": %d",
		    pos->line, pos->col);
	else
		g_string_append(s, ", \"line\": null, \"column\": null");
	g_string_append(s, ", \"message\": ");
	json_str(s, m->text);
}

void
diag_json(GString *s, const struct diag_msg *m,
    const struct diag_msg *const *notes, size_t nnotes)
{
	const struct diag_where *w = &m->where;
	size_t i;

	g_string_append_printf(s, "{\"level\": \"%s\", ",
	    level_names[m->shown]);
	json_place(s, m);
	g_string_append(s, ", \"note\": [");
	for (i = 0; i < nnotes; i++) {
		g_string_append(s, i ? ", {" : "{");
		json_place(s, notes[i]);
		g_string_append_c(s, '}');
	}
	g_string_append(s, "], \"page\": ");
	if (w->page > 0)
		g_string_append_printf(s, "%d", w->page);
	else
		g_string_append(s, "null");
	g_string_append(s, ", \"record\": ");
	json_escaped(s, w->record);
	g_string_append(s, ", \"field\": ");
	json_escaped(s, w->field);
	g_string_append(s, ", \"layout\": ");
	json_escaped(s, w->layout);
	g_string_append_c(s, '}');
}

void
diag_advice(struct diag *d, const struct diag_pos *pos, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	d->last_shown = !d->quiet;
	d->advice = true;
	diag_note(d, pos, "%s", text);
	g_free(text);
}

int
diag_fatal_count(const struct diag *d)
{
	return d->count[DIAG_ERROR] +
	    (d->strict ? d->count[DIAG_WARNING] : 0);
}

bool
diag_failed(const struct diag *d)
{
	return diag_fatal_count(d) > 0;
}
