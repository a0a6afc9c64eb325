/*
 * Paragraph layout with Pango.  The recipe for Korean (KOREAN.md):
 *
 *   - language "ko" over the paragraph;
 *   - keep-all: a word attribute (pango_attr_word_new) over every
 *     space-delimited word that fits the box on its own, so Pango breaks
 *     only at spaces; a word wider than the box gets none, and
 *     PANGO_WRAP_WORD_CHAR splits it between syllables instead of
 *     letting it overflow;
 *   - line height as an absolute attribute, so 160% means 1.6 × size
 *     baseline to baseline (the relative attributes multiply the font's
 *     own line gap instead).
 *
 * The word widths come from one unwrapped layout of the paragraph, not
 * one scratch layout per word.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "text.h"

static PangoFontDescription *
font_for(const struct style *s)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, s->font);
	pango_font_description_set_weight(fd, (PangoWeight)s->weight);
	pango_font_description_set_absolute_size(fd, s->size * PANGO_SCALE);
	return fd;
}

static PangoAttrList *
base_attrs(const struct style *s)
{
	PangoAttrList *attrs = pango_attr_list_new();
	double ls = style_letter_spacing(s);

	pango_attr_list_insert(attrs,
	    pango_attr_language_new(pango_language_from_string("ko")));
	pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
	    (int)(style_line_height(s) * PANGO_SCALE + 0.5)));
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	if (ls != 0)
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
		    (int)(ls * PANGO_SCALE)));
	return attrs;
}

static bool
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x3000;
}

/*
 * Adds a word attribute over every word of text that is no wider than
 * width; `flat` is the same text laid out on one line.
 */
static void
keep_all(PangoAttrList *attrs, PangoLayout *flat, const char *text,
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

static PangoAlignment
pango_align(enum align a)
{
	switch (a) {
	case ALIGN_CENTER:
		return PANGO_ALIGN_CENTER;
	case ALIGN_RIGHT:
		return PANGO_ALIGN_RIGHT;
	case ALIGN_LEFT:
	case ALIGN_JUSTIFY:
	case ALIGN__MAX:
		break;
	}
	return PANGO_ALIGN_LEFT;
}

/* The first character of l that no font has (Pango's unknown glyph). */
static unsigned int
first_unknown(PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	unsigned int found = 0;

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		int i;

		for (i = 0; run != NULL && found == 0 &&
		    i < run->glyphs->num_glyphs; i++) {
			PangoGlyph g = run->glyphs->glyphs[i].glyph;

			if (g & PANGO_GLYPH_UNKNOWN_FLAG)
				found = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
		}
	} while (found == 0 && pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	return found;
}

PangoLayout *
text_layout(PangoContext *ctx, const struct style *s, const char *text,
    double width, struct text_metrics *m)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = font_for(s);
	PangoAttrList *attrs = base_attrs(s);
	PangoRectangle ink, logical;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	if (width > 0 && s->wordbreak == BREAK_KEEP_ALL) {
		/*
		 * l is still unwrapped here: measure the words on it.  A new
		 * list, since Pango ignores setting the same list again.
		 */
		PangoAttrList *words = pango_attr_list_copy(attrs);

		keep_all(words, l, text, width - fmax(s->indent, 0));
		pango_layout_set_attributes(l, words);
		pango_attr_list_unref(words);
	}
	pango_attr_list_unref(attrs);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, pango_align(s->align));
	pango_layout_set_justify(l, s->align == ALIGN_JUSTIFY);
	if (s->indent != 0)
		pango_layout_set_indent(l, (int)(s->indent * PANGO_SCALE));
	if (m != NULL) {
		pango_layout_get_extents(l, &ink, &logical);
		m->width = logical.width / (double)PANGO_SCALE;
		m->lines = pango_layout_get_line_count(l);
		m->height = m->lines * style_line_height(s);
		m->unknown_glyphs = pango_layout_get_unknown_glyphs_count(l);
		m->first_unknown = m->unknown_glyphs ? first_unknown(l) : 0;
	}
	return l;
}
