/*
 * Latin beside Hangul, for text.c: the latin-scale and latin-rise
 * attributes of a paragraph, and an even line pitch when its runs come
 * from fonts of other heights.
 */
#include <glib.h>
#include <pango/pangocairo.h>

#include "latin.h"

/*
 * Latin beside Hangul (latin-scale, latin-rise).  A Latin face set at
 * the Hangul face's size looks heavier and larger (Lato's stems are
 * about 29% heavier than NanumGothic's), and sits on another baseline;
 * the style may scale and shift it.  Wherever the style is used, not
 * only in paragraphs that have Hangul: justify_locked() lays each line
 * out alone, without the rest of its paragraph, and a line must get
 * the attributes it had in the paragraph or its width changes.  A
 * style for text all in Latin leaves the keys out.
 *
 * One attribute of each kind per maximal Latin run, since Pango 1.50
 * handles attributes in quadratic time: a run is Latin letters and
 * digits, with the ASCII punctuation and spaces between and around
 * them ("Neuro-Symbolic AI", "(3", "100%,"), without its outer spaces.
 *
 *     수료한 Gina는 Neuro-Symbolic AI팀에서 GPU 서버
 *            ^^^^   ^^^^^^^^^^^^^^^^^    ^^^        three runs
 */
static bool
is_latin_core(gunichar c)
{
	return (c >= '0' && c <= '9') ||
	    g_unichar_get_script(c) == G_UNICODE_SCRIPT_LATIN;
}

static bool
is_latin_glue(gunichar c)
{
	/* The zero-width spaces split_long_words() puts into a URL. */
	return (c >= 0x20 && c < 0x7F) || c == 0xA0 || c == 0x200B;
}

static bool
is_run_space(gunichar c)
{
	return c == ' ' || c == 0xA0 || c == 0x200B;
}

static void
add_latin_run(PangoAttrList *attrs, const struct style *s, guint start,
    guint end)
{
	PangoAttribute *a;

	if (s->latin_scale != 1) {
		a = pango_attr_scale_new(s->latin_scale);
		a->start_index = start;
		a->end_index = end;
		pango_attr_list_insert(attrs, a);
	}
	if (s->latin_rise_em != 0) {
		a = pango_attr_rise_new(text_units(s->latin_rise_em * s->size));
		a->start_index = start;
		a->end_index = end;
		pango_attr_list_insert(attrs, a);
	}
}

void
latin_attrs(PangoAttrList *attrs, const struct style *s, const char *text,
    int len)
{
	const char *p, *stop = text + len, *start = NULL, *end = NULL;

	if (s->latin_scale == 1 && s->latin_rise_em == 0)
		return;
	for (p = text; ; p = g_utf8_next_char(p)) {
		gunichar c = p < stop ? g_utf8_get_char(p) : 0;

		if (c != 0 && is_latin_core(c)) {
			if (start == NULL)
				start = p;
			end = g_utf8_next_char(p);
		} else if (c != 0 && is_latin_glue(c)) {
			if (start == NULL && !is_run_space(c))
				start = p;
			if (start != NULL && !is_run_space(c) && end != NULL)
				end = g_utf8_next_char(p);
		} else {
			if (end != NULL)
				add_latin_run(attrs, s, (guint)(start - text),
				    (guint)(end - text));
			start = end = NULL;
		}
		if (c == 0)
			break;
	}
}

/*
 * Even line pitch in mixed fonts.  Pango gives each run a logical
 * rectangle line-height tall, centred on the run's own font (its
 * ascent and descent, moved by its rise), and a line is as tall as
 * the union of its runs.  Lato's centre is 0.04em below NanumGothic's,
 * and Pango lowers a Latin run a further 0.02em in a line that starts
 * with Hangul (its dominant-baseline alignment), so mixed lines were
 * up to 0.06em taller than line-height (±0.8pt at 20pt/130%):
 *
 *      ┌──────┐            the window: the Hangul font's rectangle
 *      │ 한글 │┌─────┐
 *      │      ││Latin│    a Latin run's, centred lower: sticks out
 *      └──────┘│     │
 *              └─────┘
 *
 * So each run not centred on the window gets its own line height,
 * the largest that keeps it inside the window; a line with a Hangul
 * run (or with runs on both sides of the window's centre) is then
 * exactly line-height tall.  A line without one (all Latin) is given
 * a Hangul-font space at its end when it ends in a space; the last
 * line's runs reach the window's top instead (only its top sets a
 * baseline).  Only a line that is all Latin with no space and not the
 * last (a long word split) keeps Pango's pitch, off by the centres'
 * distance.  Returns l, or a copy with those attributes (same lines).
 */
struct pitch {
	int	top;		/* the window's top, y down from the baseline */
	int	height;		/* line-height [Pango units] */
};

/* The rise the attributes gave run [Pango units]. */
static int
run_rise(const PangoLayoutRun *run)
{
	const GSList *a;
	int rise = 0;

	for (a = run->item->analysis.extra_attrs; a != NULL; a = a->next)
		if (((PangoAttribute *)a->data)->klass->type == PANGO_ATTR_RISE)
			rise = ((PangoAttrInt *)a->data)->value;
	return rise;
}

/*
 * Twice the centre of run's logical rectangle, y down from baseline,
 * once run is back at the rise its attributes gave it: Pango 1.50
 * lines up the runs of a line on the baseline of the line's first
 * script, so a Latin run after Hangul at a line's start went 0.02em
 * lower than the same run elsewhere.  *undo: what to add to its rise.
 */
static int
run_centre2(PangoLayoutRun *run, int *undo)
{
	PangoRectangle log;
	int i;

	/*
	 * A run's logical box is its font's ascent and descent, the same
	 * for every glyph the font has: one glyph tells, unless a glyph is
	 * missing (a hex box has a box of its own).
	 */
	for (i = 0; i < run->glyphs->num_glyphs; i++)
		if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
			break;
	pango_glyph_string_extents_range(run->glyphs, 0,
	    i < run->glyphs->num_glyphs ? run->glyphs->num_glyphs :
	    MIN(run->glyphs->num_glyphs, 1), run->item->analysis.font,
	    NULL, &log);
	*undo = run_rise(run) - run->y_offset;
	return 2 * (log.y - run->y_offset - *undo) + log.height;
}

static void
add_line_height(PangoAttrList *attrs, int h, int start, int end)
{
	PangoAttribute *a = pango_attr_line_height_new_absolute(h < 1 ? 1 : h);

	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

/* The attributes of one line; false if it needs none. */
static bool
pitch_line(PangoAttrList *attrs, const struct pitch *p, const char *family,
    PangoLayoutLine *line, bool last, const char *text)
{
	int w2 = 2 * p->top + p->height, above = 0, below = 0, end;
	bool changed = false;
	GSList *r;

	for (r = line->runs; r != NULL; r = r->next) {
		int undo, c2 = run_centre2(r->data, &undo);

		above += c2 <= w2;
		below += c2 >= w2;
	}
	for (r = line->runs; r != NULL; r = r->next) {
		PangoLayoutRun *run = r->data;
		int undo, c2 = run_centre2(run, &undo);
		int h = p->height - abs(c2 - w2);

		if (undo != 0) {
			PangoAttribute *a = pango_attr_rise_new(run_rise(run) +
			    undo);

			a->start_index = (guint)run->item->offset;
			a->end_index = (guint)(run->item->offset +
			    run->item->length);
			pango_attr_list_insert(attrs, a);
			changed = true;
		}
		if (c2 == w2)
			continue;
		if (last && c2 > w2 && above == 0)
			h = c2 - 2 * p->top;	/* reach the top */
		add_line_height(attrs, h, run->item->offset,
		    run->item->offset + run->item->length);
		changed = true;
	}
	end = line->start_index + line->length;
	if (changed && !last && (above == 0 || below == 0) && end > 0 &&
	    text[end - 1] == ' ') {
		/* Unscaled and unrisen too, if it is in a Latin run. */
		PangoAttribute *a[] = { pango_attr_family_new(family),
		    pango_attr_scale_new(1), pango_attr_rise_new(0) };
		size_t k;

		for (k = 0; k < sizeof(a) / sizeof(a[0]); k++) {
			a[k]->start_index = (guint)end - 1;
			a[k]->end_index = (guint)end;
			pango_attr_list_insert(attrs, a[k]);
		}
		add_line_height(attrs, p->height, end - 1, end);
	}
	return changed;
}

/* Whether l's runs are all centred alike (one font, no rise). */
static bool
one_centre(PangoLayout *l)
{
	GSList *lines = pango_layout_get_lines_readonly(l), *i, *r;
	int first = 0;
	bool seen = false;

	for (i = lines; i != NULL; i = i->next)
		for (r = ((PangoLayoutLine *)i->data)->runs; r; r = r->next) {
			int undo, c2 = run_centre2(r->data, &undo);

			if ((seen && c2 != first) || undo != 0)
				return false;
			first = c2;
			seen = true;
		}
	return true;
}

PangoLayout *
latin_even_pitch(PangoLayout *l, const struct style *s)
{
	PangoContext *ctx = pango_layout_get_context(l);
	PangoLanguage *ko = pango_language_from_string("ko");
	PangoFontDescription *fd, *refd;
	PangoFontset *fs;
	PangoFont *ref;
	PangoFontMetrics *m;
	PangoAttrList *attrs;
	PangoLayout *even;
	struct pitch p;
	GSList *lines, *i, *j;
	const char *text = pango_layout_get_text(l);
	bool changed = false;
	int asc, desc;

	if (one_centre(l))
		return l;
	/* The window: what the font that draws Hangul would take. */
	fd = text_font(s);
	fs = pango_context_load_fontset(ctx, fd, ko);
	pango_font_description_free(fd);
	ref = pango_fontset_get_font(fs, 0xAC00);
	m = pango_font_get_metrics(ref, ko);
	asc = pango_font_metrics_get_ascent(m);
	desc = pango_font_metrics_get_descent(m);
	pango_font_metrics_unref(m);
	refd = pango_font_describe(ref);
	p.height = text_units(style_line_height(s));
	p.top = -asc - (p.height - (asc + desc)) / 2;

	attrs = pango_attr_list_copy(pango_layout_get_attributes(l));
	lines = pango_layout_get_lines_readonly(l);
	for (i = lines; i != NULL; i = i->next)
		changed |= pitch_line(attrs, &p,
		    pango_font_description_get_family(refd), i->data,
		    i->next == NULL, text);
	pango_font_description_free(refd);
	g_object_unref(ref);
	g_object_unref(fs);
	if (!changed) {
		pango_attr_list_unref(attrs);
		return l;
	}
	even = pango_layout_copy(l);
	pango_layout_set_attributes(even, attrs);
	pango_attr_list_unref(attrs);
	/* Heights only: keep it only if every line starts where it did. */
	j = pango_layout_get_lines_readonly(even);
	for (i = lines; i != NULL && j != NULL; i = i->next, j = j->next)
		if (((PangoLayoutLine *)i->data)->start_index !=
		    ((PangoLayoutLine *)j->data)->start_index)
			break;
	if (i != NULL || j != NULL) {
		g_object_unref(even);
		return l;
	}
	g_object_unref(l);
	return even;
}
