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

/* Copies line to f, escaping what diag_escape() names. */
static void
put_escaped(FILE *f, const char *line, size_t len)
{
	char buf[8];
	size_t i, n, e;

	for (i = 0; i < len; i += n) {
		if ((e = diag_escape(line + i, len - i, &n, buf)) > 0)
			fwrite(buf, 1, e, f);
		else
			fwrite(line + i, 1, n, f);
	}
}

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

void
diag_report(struct diag *d, enum diag_level level,
    const struct diag_pos *pos, const char *fmt, ...)
{
	va_list ap;
	FILE *f;
	char *raw = NULL, *line = NULL;
	size_t rawlen = 0, len = 0;

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
	if ((f = open_memstream(&raw, &rawlen)) == NULL)
		return;
	if (pos != NULL && pos->file != NULL && pos->line > 0)
		fprintf(f, "%s:%d:%d: ", pos->file, pos->line, pos->col);
	else if (pos != NULL && pos->file != NULL)
		fprintf(f, "%s: ", pos->file);
	else
		fputs("brochure: ", f);
	fprintf(f, "%s: ", level == DIAG_WARNING && d->strict ?
	    "error" : level_names[level]);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
	/*
	 * Messages quote input (values, paths): one pass here escapes
	 * what could reach the terminal raw, for every message at once.
	 */
	if ((f = open_memstream(&line, &len)) == NULL) {
		free(raw);
		return;
	}
	put_escaped(f, raw, rawlen);
	fclose(f);
	free(raw);
	if (d->sink != NULL)
		d->sink(d->sink_arg, level, pos, line);
	else
		fprintf(d->out, "%s\n", line);
	free(line);
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
