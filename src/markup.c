/*
 * Markup: the tags of character styles read out of a text, before
 * layout.  In: UTF-8 with <name>…</name>; out: the text without tags
 * and, per span, its byte range and style.  See markup.h for the syntax.
 */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "markup.h"

static bool
is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_name(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' ||
	    c == '_';
}

static bool
find_span(const struct span_style *spans, size_t n, const char *name,
    size_t len, size_t *at)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(spans[i].name) == len &&
		    memcmp(spans[i].name, name, len) == 0) {
			*at = i;
			return true;
		}
	return false;
}

/*
 * Reads the tag at p ('<' then a letter or '/'): its name and length,
 * whether it closes, and the byte after its '>'.  False if it has no
 * '>' right after the name.
 */
static bool
read_tag(const char *p, const char **name, size_t *len, bool *closing,
    const char **after)
{
	const char *q = p + 1;

	*closing = *q == '/';
	if (*closing)
		q++;
	*name = q;
	if (!is_name_start(*q))
		return false;
	while (is_name(*q))
		q++;
	*len = (size_t)(q - *name);
	if (*q != '>')
		return false;
	*after = q + 1;
	return true;
}

bool
markup_parse(const char *in, const struct span_style *spans, size_t n,
    struct markup *out, char *err, size_t errlen)
{
	GString *text = g_string_new(NULL);
	GArray *found = g_array_new(FALSE, FALSE, sizeof(struct markup_span));
	size_t open[MARKUP_MAX_DEPTH];	/* indices into found */
	size_t depth = 0, len, st;
	const char *p = in, *name, *after;
	bool closing;

	while (*p != '\0') {
		struct markup_span sp;

		if (p[0] != '<' || !(p[1] == '<' || p[1] == '/' ||
		    is_name_start(p[1]))) {
			g_string_append_c(text, *p++);
			continue;
		}
		if (p[1] == '<') {
			g_string_append_c(text, '<');
			p += 2;
			continue;
		}
		if (!read_tag(p, &name, &len, &closing, &after)) {
			snprintf(err, errlen, "a tag '%.12s' with no '>' after "
			    "its name (write '<<' for a '<')", p);
			goto fail;
		}
		if (!find_span(spans, n, name, len, &st)) {
			snprintf(err, errlen, "'%.*s': no character style "
			    "'%.*s' in 'spans'", (int)(after - p), p, (int)len,
			    name);
			goto fail;
		}
		if (closing) {
			const struct markup_span *top;

			if (depth == 0) {
				snprintf(err, errlen, "'%.*s' closes no '<%.*s>'",
				    (int)(after - p), p, (int)len, name);
				goto fail;
			}
			top = &g_array_index(found, struct markup_span,
			    open[depth - 1]);
			if (top->style != st) {
				snprintf(err, errlen, "'%.*s' crosses '<%s>', "
				    "opened inside it: close '</%s>' first",
				    (int)(after - p), p, spans[top->style].name,
				    spans[top->style].name);
				goto fail;
			}
			g_array_index(found, struct markup_span,
			    open[--depth]).end = text->len;
		} else {
			if (depth == MARKUP_MAX_DEPTH) {
				snprintf(err, errlen, "'%.*s' is more than %d "
				    "spans deep", (int)(after - p), p,
				    MARKUP_MAX_DEPTH);
				goto fail;
			}
			sp.start = sp.end = text->len;
			sp.style = st;
			open[depth++] = found->len;
			g_array_append_val(found, sp);
		}
		p = after;
	}
	if (depth > 0) {
		st = g_array_index(found, struct markup_span,
		    open[depth - 1]).style;
		snprintf(err, errlen, "'<%s>' is never closed (no '</%s>' "
		    "after it)", spans[st].name, spans[st].name);
		goto fail;
	}
	/* Empty spans change nothing: left out. */
	for (len = 0, st = 0; st < found->len; st++) {
		struct markup_span sp = g_array_index(found,
		    struct markup_span, st);

		if (sp.end > sp.start)
			g_array_index(found, struct markup_span, len++) = sp;
	}
	out->n = len;
	out->spans = (struct markup_span *)g_array_free(found, FALSE);
	out->text = g_string_free(text, FALSE);
	return true;
fail:
	g_array_free(found, TRUE);
	g_string_free(text, TRUE);
	return false;
}

void
markup_clear(struct markup *m)
{
	g_free(m->text);
	g_free(m->spans);
	memset(m, 0, sizeof(*m));
}

char *
markup_escape(const char *s)
{
	GString *out = g_string_new(NULL);

	for (; *s != '\0'; s++) {
		if (*s == '<')
			g_string_append_c(out, '<');
		g_string_append_c(out, *s);
	}
	return g_string_free(out, FALSE);
}

/* The byte of to that byte at of from stands for (same characters). */
static size_t
moved(const char *from, const char *to, size_t at)
{
	const char *f = from, *t = to;

	while ((size_t)(f - from) < at && *f != '\0' && *t != '\0') {
		f = g_utf8_next_char(f);
		t = g_utf8_next_char(t);
	}
	return (size_t)(t - to);
}

void
markup_move(struct markup *m, const char *to)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		m->spans[i].start = moved(m->text, to, m->spans[i].start);
		m->spans[i].end = moved(m->text, to, m->spans[i].end);
	}
	g_free(m->text);
	m->text = g_strdup(to);
}
