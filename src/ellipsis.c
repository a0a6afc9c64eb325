/*
 * Ellipsis: a text block's paragraphs cut after a number of lines (its
 * max-lines, or what its frame's foot leaves) and ended with a marker.
 * Part of layout (flow.h): how many lines a paragraph may take, the cut
 * text laid out again with text_layout(), so the kept lines break as
 * they did and the last one stays ragged under justify (it is the
 * paragraph's last), and the cut kept for the frame's report.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "ellipsis.h"
#include "flow.h"

/*
 * Where the kept text ends if it ends before byte end: spaces and the
 * punctuation a dropped word leaves ("말했다," → "말했다…") go too, not
 * closing brackets or quotes, which belong to the word they close.
 */
static size_t
trim_end(const char *text, size_t end, size_t start)
{
	while (end > start) {
		const char *p = g_utf8_find_prev_char(text, text + end);
		gunichar c = g_utf8_get_char(p);
		GUnicodeType t = g_unichar_type(c);

		if (!g_unichar_isspace(c) && t != G_UNICODE_OTHER_PUNCTUATION &&
		    t != G_UNICODE_DASH_PUNCTUATION &&
		    t != G_UNICODE_CONNECT_PUNCTUATION)
			break;
		end = (size_t)(p - text);
	}
	return end;
}

/*
 * The end of the word before byte end, after start (the last line's
 * first byte): the space before it, or where the line holds one word,
 * the character before end.
 */
static size_t
drop_word(const char *text, size_t end, size_t start)
{
	size_t e = end;

	while (e > start && !g_unichar_isspace(g_utf8_get_char(
	    g_utf8_find_prev_char(text, text + e))))
		e = (size_t)(g_utf8_find_prev_char(text, text + e) - text);
	if (e > start)
		return e;
	return (size_t)(g_utf8_find_prev_char(text, text + end) - text);
}

PangoLayout *
ellipsis_cut(PangoContext *pc, const struct style *s, PangoLayout *l,
    const char *text, const struct text_span *spans, size_t nspans,
    double width, int n, const char *marker, struct text_metrics *m)
{
	size_t start = (size_t)text_source_index(l, text,
	    pango_layout_get_line_readonly(l, n - 1)->start_index);
	size_t end = n < pango_layout_get_line_count(l) ?
	    (size_t)text_source_index(l, text,
	    pango_layout_get_line_readonly(l, n)->start_index) : strlen(text);
	GString *g = g_string_new(NULL);
	struct text_span *kept = g_new(struct text_span, nspans + 1);
	PangoLayout *cut;

	/* Each turn drops a word: a line holds a few, so this lays the
	 * text out a few times (a line of one long word, once for each
	 * character it gives up). */
	for (;;) {
		size_t keep = trim_end(text, end, start), i, k = 0;

		g_string_truncate(g, 0);
		g_string_append_len(g, text, (gssize)keep);
		g_string_append(g, marker);
		/* The spans of what is kept, ended where the text is. */
		for (i = 0; i < nspans; i++)
			if ((size_t)spans[i].start < keep) {
				kept[k] = spans[i];
				if ((size_t)kept[k].end > keep)
					kept[k].end = (int)keep;
				k++;
			}
		cut = text_layout_spans(pc, s, g->str, kept, k, width, m);
		if (m->lines <= n || keep <= start)
			break;
		g_object_unref(cut);
		end = drop_word(text, keep, start);
	}
	g_string_free(g, TRUE);
	g_free(kept);
	return cut;
}

void
ellipsis_begin(struct flow *f, const struct block *b)
{
	f->cutting = b->as.text.ellipsis != NULL && !f->threaded &&
	    !f->no_cut ? b : NULL;
	f->cut_base = f->lines;
	f->cut_more = false;
	f->cut_done = false;
}

/*
 * How many lines the paragraph at y may take: what the block's
 * max-lines leaves and what fits above the frame's foot, but its
 * block's first line always (a text that starts below the foot
 * overflows, warned, rather than vanish).
 */
static int
room(const struct flow *f, const struct style *s, double y)
{
	const struct block *b = f->cutting;
	int n = INT_MAX, k = (int)floor((f->limit - y + 0.01) /
	    style_line_height(s));

	if (b->as.text.max_lines > 0)
		n = b->as.text.max_lines - (f->lines - f->cut_base);
	if (k < n)
		n = k;
	if (n < 1 && f->lines == f->cut_base)
		n = 1;
	return n > 0 ? n : 0;
}

bool
ellipsis_place(struct flow *f, const struct style *s, PangoLayout **l,
    const char *text, const struct text_span *spans, size_t nspans,
    double w, double y, struct text_metrics *m, const struct ynode *src,
    const char *field)
{
	const struct block *b = f->cutting;
	bool more = f->cut_more;
	int n;

	if (b == NULL)
		return false;
	n = room(f, s, y);
	if (n >= m->lines) {
		/* Whole; but the marker goes here if the next paragraph
		 * gets no line. */
		f->lines += m->lines;
		more = more && room(f, s, y + m->height +
		    s->paragraph_spacing) == 0;
		f->lines -= m->lines;
		if (!more)
			return false;
		n = m->lines;
	}
	if (n > 0) {
		PangoLayout *cut = ellipsis_cut(f->ctx->pango, s, *l, text,
		    spans, nspans, w, n, b->as.text.ellipsis, m);

		g_object_unref(*l);
		*l = cut;
	} else {
		m->lines = 0;
		m->height = 0;
	}
	f->ncut++;
	if (f->cut == NULL) {
		f->cut = b;
		f->cut_src = src;
		f->cut_field = field;
		f->cut_lines = f->lines - f->cut_base + n;
	}
	f->cut_done = true;
	return true;
}

void
ellipsis_report(struct flow *f, const char *fr_name)
{
	char *at;

	if (f->cut == NULL)
		return;
	at = flow_where(f, f->cut_field);
	if (f->ncut > 1)
		diag_advice(f->d, f->cut_src ? &f->cut_src->pos :
		    &f->cut->node->pos, "text cut after %d line%s with '%s', "
		    "and %d more in frame '%s' (%s)", f->cut_lines,
		    f->cut_lines == 1 ? "" : "s", f->cut->as.text.ellipsis,
		    f->ncut - 1, fr_name, at);
	else
		diag_advice(f->d, f->cut_src ? &f->cut_src->pos :
		    &f->cut->node->pos, "text cut after %d line%s with '%s' "
		    "(%s)", f->cut_lines, f->cut_lines == 1 ? "" : "s",
		    f->cut->as.text.ellipsis, at);
	g_free(at);
}
