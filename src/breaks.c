/*
 * Korean line-break rules on top of Pango's UAX #14 breaker.
 *
 * Keep-all (KOREAN.md): Pango breaks between any two Hangul syllables;
 * a word attribute (Pango 1.50) over a space-delimited word leaves only
 * the breaks at its edges.  A word wider than its box gets no attribute,
 * so PANGO_WRAP_WORD_CHAR can split it between syllables rather than
 * let it overflow.
 *
 * Punctuation (W3C klreq): allow_breaks(FALSE) over two neighbouring
 * characters removes the break between them.  For a character that may
 * not start a line the range is [previous character, it]; for one that
 * may not end a line, [it, next character]:
 *
 *     …했어요 .  → no break before "."       ‘미니컨’ → none after "‘"
 *
 * Straight quotes ' and " are read by their neighbours: after a letter
 * and before a space or the end they close; after a space or the start
 * they open.
 */
#include <string.h>

#include <glib.h>

#include "breaks.h"

static bool
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x3000;
}

void
breaks_keep_all(PangoAttrList *attrs, PangoLayout *flat, const char *text,
    double width)
{
	const char *p = text, *start;
	int limit = (int)(width * PANGO_SCALE);

	while (*p) {
		PangoRectangle a, b;
		const char *last;

		while (*p && is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (*p == '\0')
			break;
		start = last = p;
		while (*p && !is_space(g_utf8_get_char(p))) {
			last = p;
			p = g_utf8_next_char(p);
		}
		if (g_utf8_strlen(start, p - start) < 2)
			continue;
		pango_layout_index_to_pos(flat, (int)(start - text), &a);
		pango_layout_index_to_pos(flat, (int)(last - text), &b);
		if (b.x + b.width - a.x <= limit) {
			PangoAttribute *w = pango_attr_word_new();

			w->start_index = (guint)(start - text);
			w->end_index = (guint)(p - text);
			pango_attr_list_insert(attrs, w);
		}
	}
}

/* Closing brackets and quotes, middle dots, stops, marks, dashes. */
static const char no_head[] =
    ")]}｝）］〕〉》」』】〙〗〟’”"
    "·・:;：；.,。、，．?!？！"
    "‐-–—〜~…‥"
    "%％";

/* Opening brackets and quotes. */
static const char no_end[] =
    "([{｛（［〔〈《「『【〘〖〝‘“";

static bool
in_set(const char *set, gunichar c)
{
	const char *p;

	for (p = set; *p; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == c)
			return true;
	return false;
}

bool
breaks_no_head(gunichar c)
{
	return in_set(no_head, c);
}

bool
breaks_no_end(gunichar c)
{
	return in_set(no_end, c);
}

static void
glue(PangoAttrList *attrs, size_t start, size_t end)
{
	PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);

	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

/* The start of the word before the spaces that end at p (exclusive). */
static const char *
word_start(const char *text, const char *p)
{
	while (p > text && is_space(g_utf8_get_char(p)))
		p = g_utf8_find_prev_char(text, p);
	while (p > text) {
		const char *q = g_utf8_find_prev_char(text, p);

		if (is_space(g_utf8_get_char(q)))
			break;
		p = q;
	}
	return p;
}

/* The end of the word after the spaces that start at p. */
static const char *
word_end(const char *p)
{
	while (*p && is_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	while (*p && !is_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/* Digits with what belongs to them: $1,000  35%  3.5  ₩10,000. */
static bool
in_number(gunichar c)
{
	return g_unichar_isdigit(c) || c == ',' || c == '.' || c == '$' ||
	    c == '%' || c == 0x20A9 || c == 0xFFE6;
}

void
breaks_punctuation(PangoAttrList *attrs, const char *text)
{
	const char *p, *prev = NULL;

	for (p = text; *p; prev = p, p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *next = g_utf8_next_char(p);
		gunichar b = prev ? g_utf8_get_char(prev) : ' ';
		bool head = breaks_no_head(c), end = breaks_no_end(c);

		if (c == '\'' || c == '"') {
			/* Closing after a non-space, else opening. */
			head = !is_space(b);
			end = !head;
		}
		if (head && prev != NULL) {
			/*
			 * After a space ("그렇습니다 · 가나다") the mark
			 * belongs to the word before: glue the word, the
			 * space and the mark, or in a box too narrow for
			 * all three the forced break would fall before the
			 * space and start a line with " ·".  Such a box
			 * gets the mark hanging past its edge instead.
			 */
			const char *from = prev;

			if (is_space(b))
				from = word_start(text, prev);
			glue(attrs, (size_t)(from - text), (size_t)(next - text));
		}
		if (end && *next != '\0') {
			/* Likewise "“ 인용": the mark, the space, the word. */
			const char *to = g_utf8_next_char(next);

			if (is_space(g_utf8_get_char(next)))
				to = word_end(next);
			glue(attrs, (size_t)(p - text), (size_t)(to - text));
		}
		/* Runs that are one unit: numbers, "……", "——". */
		if (prev != NULL && ((in_number(b) && in_number(c) &&
		    (g_unichar_isdigit(b) || g_unichar_isdigit(c))) ||
		    (b == c && (c == 0x2026 || c == 0x2014))))
			glue(attrs, (size_t)(prev - text), (size_t)(next - text));
	}
}
