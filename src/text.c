/*
 * Paragraph layout with Pango.  The recipe for Korean (KOREAN.md):
 *
 *   - language "ko" over the paragraph;
 *   - the break rules of breaks.c: keep-all words, then the klreq
 *     punctuation rules, over a wrap of PANGO_WRAP_WORD_CHAR;
 *   - line height as an absolute attribute, so 160% means 1.6 × size
 *     baseline to baseline (the relative attributes multiply the font's
 *     own line gap instead).
 *
 * The word widths come from one unwrapped layout of the paragraph, not
 * one scratch layout per word.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "breaks.h"
#include "fonts.h"
#include "justify.h"
#include "latin.h"
#include "text.h"

/*
 * Points to Pango units, clamped: validated styles stay far inside, but
 * a fitted size times a factor must never overflow an int.
 */
int
text_units(double pt)
{
	double u = pt * PANGO_SCALE;

	return u > 1e9 ? 1000000000 : u < -1e9 ? -1000000000 :
	    (int)(u < 0 ? u - 0.5 : u + 0.5);
}

PangoFontDescription *
text_font(const struct style *s)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, s->font);
	pango_font_description_set_weight(fd, (PangoWeight)s->weight);
	pango_font_description_set_absolute_size(fd, text_units(s->size));
	return fd;
}

/* The width of text alone in style s, as shaped [Pango units]. */
static int
shaped_width(PangoContext *ctx, const struct style *s, const char *text)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = text_font(s);
	PangoRectangle logical;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_extents(l, NULL, &logical);
	g_object_unref(l);
	return logical.width;
}

/*
 * The middle dot Korean IMEs type, U+318D ㆍ (a compatibility jamo), is
 * as wide as a syllable in NanumGothic, a 1pt dot in a 9pt box, where
 * the middle dot U+00B7 takes 3pt: "사과ㆍ배ㆍ귤" read as three words.
 * Each one gets a letter spacing that takes the difference off, half
 * on each side of its dot (Pango pads a run of one character on both
 * sides), so it is set like "·" and stays the character it is.
 */
#define IME_DOT	"\u318D"

static void
narrow_ime_dots(PangoContext *ctx, PangoAttrList *attrs,
    const struct style *s, const char *text, int len)
{
	const char *p = text, *stop = text + len;
	int less = -1;

	while ((p = g_strstr_len(p, stop - p, IME_DOT)) != NULL) {
		PangoAttribute *a;

		if (less < 0)
			less = shaped_width(ctx, s, IME_DOT) -
			    shaped_width(ctx, s, "\u00B7");
		if (less <= 0)
			return;
		a = pango_attr_letter_spacing_new(
		    text_units(style_letter_spacing(s)) - less);
		a->start_index = (guint)(p - text);
		a->end_index = (guint)(p - text) + strlen(IME_DOT);
		pango_attr_list_insert(attrs, a);
		p += strlen(IME_DOT);
	}
}

static void
insert_span(PangoAttrList *attrs, PangoAttribute *a, int start, int end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

static guint16
color16(double c)
{
	return (guint16)lround(c * 65535);
}

/*
 * A print colour (CMYK or a spot colour) over a run, beside the sRGB
 * Pango draws: Pango's colours are RGB, and the PDF writer draws with
 * this one (text_print_color).
 */
struct print_attr {
	PangoAttribute	 attr;
	struct color	 color;
	bool		 background;
};

static PangoAttribute *
print_copy(const PangoAttribute *a)
{
	struct print_attr *p = g_memdup2(a, sizeof(struct print_attr));

	return &p->attr;
}

static void
print_destroy(PangoAttribute *a)
{
	g_free(a);
}

static gboolean
print_equal(const PangoAttribute *a, const PangoAttribute *b)
{
	const struct print_attr *x = (const struct print_attr *)a;
	const struct print_attr *y = (const struct print_attr *)b;

	return x->background == y->background &&
	    units_color_same(&x->color, &y->color);
}

static gpointer
print_register(gpointer klass)
{
	((PangoAttrClass *)klass)->type = pango_attr_type_register(
	    "brochure-print-color");
	return NULL;
}

static PangoAttrClass print_class = {
	PANGO_ATTR_INVALID, print_copy, print_destroy, print_equal,
};

static PangoAttrType
print_type(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, print_register, &print_class);
	return print_class.type;
}

bool
text_print_color(const PangoItem *item, bool background, struct color *c)
{
	GSList *l;
	PangoAttrType type = print_type();

	for (l = item->analysis.extra_attrs; l != NULL; l = l->next) {
		const struct print_attr *p = l->data;

		if (p->attr.klass->type == type && p->background == background) {
			*c = p->color;
			return true;
		}
	}
	return false;
}

/* A colour over bytes [start, end): the colour, and its alpha if any;
 * a print colour's CMYK beside them. */
static void
insert_color(PangoAttrList *attrs, const struct color *c,
    PangoAttribute *(*rgb)(guint16, guint16, guint16),
    PangoAttribute *(*alpha)(guint16), int start, int end)
{
	insert_span(attrs, rgb(color16(c->r), color16(c->g), color16(c->b)),
	    start, end);
	if (c->a < 1)
		insert_span(attrs, alpha(color16(c->a)), start, end);
	if (c->space != COLOR_RGB) {
		struct print_attr *p = g_new0(struct print_attr, 1);

		print_type();	/* the class's type, before its first use */
		pango_attribute_init(&p->attr, &print_class);
		p->color = *c;
		p->background = rgb == pango_attr_background_new;
		insert_span(attrs, &p->attr, start, end);
	}
}

/*
 * The spans' attributes over bytes [at, at + len) of the text they
 * were given for, moved to start at 0: one per thing a span changes.
 */
static void
span_attrs(PangoAttrList *attrs, const GArray *spans, int at, int len)
{
	guint i;

	for (i = 0; spans != NULL && i < spans->len; i++) {
		const struct text_span *sp = &g_array_index(spans,
		    struct text_span, i);
		int a = MAX(sp->start, at) - at, b = MIN(sp->end, at + len) - at;

		if (a >= b)
			continue;
		if (sp->weight > 0)
			insert_span(attrs, pango_attr_weight_new(
			    (PangoWeight)sp->weight), a, b);
		if (sp->size > 0)
			insert_span(attrs, pango_attr_size_new_absolute(
			    text_units(sp->size)), a, b);
		if (sp->has_color)
			insert_color(attrs, &sp->color,
			    pango_attr_foreground_new,
			    pango_attr_foreground_alpha_new, a, b);
		if (sp->has_background)
			insert_color(attrs, &sp->background,
			    pango_attr_background_new,
			    pango_attr_background_alpha_new, a, b);
	}
}

/*
 * The attributes of every run of text's first len bytes, with those of
 * spans over [at, at + len) of the paragraph (NULL: none).
 */
static PangoAttrList *
base_attrs(PangoContext *ctx, const struct style *s, const char *text,
    int len, const GArray *spans, int at)
{
	PangoAttrList *attrs = pango_attr_list_new();
	double ls = style_letter_spacing(s);

	pango_attr_list_insert(attrs,
	    pango_attr_language_new(pango_language_from_string("ko")));
	pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
	    text_units(style_line_height(s))));
	pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
	if (ls != 0)
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
		    text_units(ls)));
	latin_attrs(attrs, s, text, len);
	narrow_ime_dots(ctx, attrs, s, text, len);
	span_attrs(attrs, spans, at, len);
	return attrs;
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

/*
 * Characters of l that no font draws: those Pango has no glyph for,
 * and those whose glyph is empty although the character is visible
 * (NanumSquare maps U+2022 BULLET to an empty glyph).  Returns how
 * many; *first gets the first of them.
 */
static int
count_missing(PangoLayout *l, unsigned int *first, char *font_error,
    size_t errlen)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	const char *text = pango_layout_get_text(l);
	int count = 0;

	*first = 0;
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		int i;

		/* Not a missing glyph: a font that could not be loaded
		 * (out of file descriptors or memory) draws nothing. */
		if (run != NULL && *font_error == '\0')
			fonts_font_error(run->item->analysis.font, font_error,
			    errlen);

		for (i = 0; run != NULL && i < run->glyphs->num_glyphs; i++) {
			PangoGlyph g = run->glyphs->glyphs[i].glyph;
			gunichar c = g_utf8_get_char(text + run->item->offset +
			    run->glyphs->log_clusters[i]);
			PangoRectangle ink;

			if (g & PANGO_GLYPH_UNKNOWN_FLAG) {
				c = g & ~PANGO_GLYPH_UNKNOWN_FLAG;
			} else {
				if (g == PANGO_GLYPH_EMPTY ||
				    !g_unichar_isgraph(c))
					continue;
				pango_font_get_glyph_extents(
				    run->item->analysis.font, g, &ink, NULL);
				if (ink.width > 0 || ink.height > 0)
					continue;
			}
			if (count++ == 0)
				*first = c;
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	return count;
}

/*
 * Runts: when the last line holds one short word and the line above
 * can give up its last word, glue the two words (no break at the space
 * between them) so that both go down together:
 *
 *     …못지않은 AI 시스템과 풍부한          …못지않은 AI 시스템과
 *     자원들에                      →       풍부한 자원들에
 *
 * Kept only if the paragraph keeps its number of lines and the new last
 * line starts after a space (in a box too narrow for the two words,
 * Pango would split one instead).
 */
#define RUNT_CHARS	6	/* a last word this short is a runt */

static PangoLayout *
avoid_runt(PangoLayout *l, PangoAttrList *attrs, const char *text)
{
	int n = pango_layout_get_line_count(l);
	PangoLayoutLine *last, *prev;
	const char *start, *end, *sp;
	PangoAttrList *glued;
	PangoAttribute *a;
	PangoLayout *g;

	if (n < 2)
		return l;
	last = pango_layout_get_line_readonly(l, n - 1);
	prev = pango_layout_get_line_readonly(l, n - 2);
	start = text + last->start_index;
	end = start + last->length;
	while (end > start && end[-1] == ' ')
		end--;
	if (memchr(start, ' ', (size_t)(end - start)) != NULL ||
	    g_utf8_strlen(start, end - start) > RUNT_CHARS)
		return l;	/* more than one word, or a long one */
	/* The space before the last word, and a word before it on prev. */
	sp = start;
	while (sp > text + prev->start_index && sp[-1] == ' ')
		sp--;
	if (sp == start || memchr(text + prev->start_index, ' ',
	    (size_t)(sp - (text + prev->start_index))) == NULL)
		return l;
	/*
	 * The trial on a copy: when it fails, l keeps its lines, where
	 * setting attrs back would break the whole paragraph once more.
	 */
	g = pango_layout_copy(l);
	glued = pango_attr_list_copy(attrs);
	a = pango_attr_allow_breaks_new(FALSE);
	a->start_index = (guint)(g_utf8_find_prev_char(text, sp) - text);
	a->end_index = (guint)(g_utf8_next_char(start) - text);
	pango_attr_list_insert(glued, a);
	pango_layout_set_attributes(g, glued);
	pango_attr_list_unref(glued);
	/* Keep it only if no line was added and the words moved whole. */
	last = pango_layout_get_line_readonly(g, n - 1);
	if (pango_layout_get_line_count(g) != n || last->start_index == 0 ||
	    text[last->start_index - 1] != ' ') {
		g_object_unref(g);
		return l;
	}
	g_object_unref(l);
	return g;
}

/*
 * The advance of text's first i bytes, for every i, in Pango units,
 * from flat (text laid out unwrapped): each glyph's width is counted at
 * the byte its cluster starts at, then summed.  A word [a, b) is
 * adv[b] - adv[a] wide, in constant time; pango_layout_index_to_pos()
 * walks the line from its start at each call, which made measuring
 * every word of a paragraph quadratic.  64 bits, since 64 KiB of digits
 * at 64pt pass INT_MAX Pango units.  The caller frees the array.
 */
static int64_t *
advances(PangoLayout *flat, const char *text)
{
	size_t i, len = strlen(text);
	int64_t *adv = g_new0(int64_t, len + 1);
	PangoLayoutIter *it = pango_layout_get_iter(flat);

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		int g;

		for (g = 0; run != NULL && g < run->glyphs->num_glyphs; g++) {
			size_t at = (size_t)run->item->offset +
			    (size_t)run->glyphs->log_clusters[g];

			if (at < len)
				adv[at + 1] += run->glyphs->glyphs[g].geometry.width;
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	for (i = 1; i <= len; i++)
		adv[i] += adv[i - 1];
	return adv;
}

/*
 * Pango wraps a word wider than its box character by character, in
 * time that grows with the square of the word's length: a 20,000-letter
 * word took a second per layout.  Such words (over LONG_WORD characters
 * and wider than the box) get zero-width spaces, so ordinary line
 * breaking splits them, in linear time.  A URL first: after / - ? & .
 * = _ # (not inside "://", not in "3.5", not before a mark that may not
 * start a line); then only a piece between those still wider than the
 * box gets one between characters:
 *
 *     https://www.kakaobrain.com/careers/intern-program?lang=ko
 *     https://|www.|kakaobrain.|com/|careers/|intern-|program?|lang=ko
 *
 * Never next to a no-break space or word joiner, never before a
 * combining mark.  Returns the new text, or NULL if none needs it.
 */
#define LONG_WORD	32

/* Whether a zero-width space may go between a and b. */
static bool
may_split(gunichar a, gunichar b)
{
	return !g_unichar_ismark(b) && !breaks_is_joiner(a) &&
	    !breaks_is_joiner(b);
}

/* Whether a URL breaks after c when b follows. */
static bool
url_break(gunichar c, gunichar b)
{
	if (c >= 0x80 || strchr("/-?&.=_#", (int)c) == NULL || c == 0)
		return false;
	if ((c == '/' && b == '/') || (c == '.' && g_unichar_isdigit(b)))
		return false;
	return !breaks_no_head(b) && may_split(c, b);
}

/* Appends text[a, b) to out, split between characters if split. */
static void
append_piece(GString *out, const char *a, const char *b, bool split)
{
	const char *q;

	if (!split) {
		g_string_append_len(out, a, b - a);
		return;
	}
	for (q = a; q < b; q = g_utf8_next_char(q)) {
		const char *next = g_utf8_next_char(q);

		g_string_append_len(out, q, next - q);
		if (next < b && may_split(g_utf8_get_char(q),
		    g_utf8_get_char(next)))
			g_string_append(out, "\u200b");
	}
}

/* Appends the word text[start, end) to out, split as above. */
static void
append_split(GString *out, const int64_t *adv, const char *text,
    const char *start, const char *end, double width)
{
	const char *a = start, *q;

	for (q = start; q < end; q = g_utf8_next_char(q)) {
		const char *next = g_utf8_next_char(q);
		gunichar c = g_utf8_get_char(q);
		gunichar b = next < end ? g_utf8_get_char(next) : 0;
		bool wide;

		if (next < end && !url_break(c, b))
			continue;
		/* The piece [a, next): split it if it is still too wide. */
		wide = (adv[next - text] - adv[a - text]) /
		    (double)PANGO_SCALE > width;
		append_piece(out, a, next, wide);
		if (next < end)
			g_string_append(out, "\u200b");
		a = next;
	}
}

static char *
split_long_words(const int64_t *adv, const char *text, double width)
{
	GString *out = NULL;
	const char *p = text, *start, *done = text;

	while (*p) {
		long n;

		while (*p && breaks_is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		start = p;
		for (n = 0; *p && !breaks_is_space(g_utf8_get_char(p)); n++)
			p = g_utf8_next_char(p);
		if (n <= LONG_WORD || (adv[p - text] - adv[start - text]) /
		    (double)PANGO_SCALE <= width)
			continue;
		if (out == NULL)
			out = g_string_new(NULL);
		g_string_append_len(out, done, start - done);
		append_split(out, adv, text, start, p, width);
		done = p;
	}
	if (out == NULL)
		return NULL;
	g_string_append(out, done);
	return g_string_free(out, FALSE);
}

/*
 * Whether every word of text surely fits in width without measuring:
 * each character of the common scripts (Hangul, Latin, digits, CJK
 * ideographs, ordinary punctuation) is narrower than 1.5em in any sane
 * font, so a word of n of them is narrower than n × (1.5em + letter
 * spacing).  Most paragraphs pass, and skip the unwrapped layout that
 * measuring needs (it costs a full shaping of the paragraph).  Any
 * other character, or a word over LONG_WORD characters, says measure.
 */
static bool
words_surely_fit(const struct style *s, const char *text, double width)
{
	double per = 1.5 * s->size + fmax(style_letter_spacing(s), 0);
	const char *p = text;

	while (*p) {
		long n = 0;

		while (*p && breaks_is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		for (; *p && !breaks_is_space(g_utf8_get_char(p)); n++) {
			gunichar c = g_utf8_get_char(p);

			if (!(c < 0x250 || (c >= 0x2000 && c < 0x2070) ||
			    (c >= 0x3000 && c < 0x3040) ||
			    (c >= 0x3130 && c < 0x3190) ||
			    (c >= 0x4E00 && c < 0xA000) ||
			    (c >= 0xAC00 && c < 0xD7A4)))
				return false;
			p = g_utf8_next_char(p);
		}
		if (n > LONG_WORD || n * per > width)
			return false;
	}
	return true;
}

/*
 * One lock for all layout in the process, a mutable global on purpose,
 * taken when a run paints text through cairo (PNG, SVG, cairo's PDF):
 * cairo 1.16's glyph caches are shared by every thread, and a thread
 * measuring glyphs of one font while another evicts a glyph page of it
 * took their two locks in opposite orders and hung for ever (seen in
 * `check -j 2` on 200 generated records, when Pango still measured
 * glyphs through cairo).  So painting text and finishing a vector file
 * (which measures its glyphs to subset them) take it too (text_lock()),
 * and layout takes it so that no font it lets go of is freed while a
 * painter holds cairo's caches.  Every layout made here is shaped (its
 * lines counted) before the lock is let go, so nothing shapes later
 * outside it.
 *
 * A run that paints no text through cairo (`check`, our own PDF
 * writer, the count of continuation pages) lays out on every worker at
 * once (text_concurrent()): Pango measures glyphs through HarfBuzz
 * (fonts.c), each worker has fonts of its own, and what pangocairo
 * still shares between threads (a font's first metrics) is measured
 * under this lock, recursive since that may happen inside a layout
 * that holds it.  Lines once differed at --jobs 2 because of that
 * sharing, not of Pango's shared HarfBuzz buffer as was thought
 * (scripts/detdiff finds such differences).
 */
static GRecMutex shape_lock;
static bool concurrent;		/* set before any worker starts */

static void
lock_layout(void)
{
	if (!concurrent)
		g_rec_mutex_lock(&shape_lock);
}

static void
unlock_layout(void)
{
	if (!concurrent)
		g_rec_mutex_unlock(&shape_lock);
}

/* Where a layout keeps its spans (a GArray of struct text_span). */
#define SPANS_KEY	"brochure-spans"
/* Where a justified line says it ended at a space (text_space_after). */
#define SPACE_KEY	"brochure-space-after"

static PangoLayout	*layout_locked(PangoContext *, const struct style *,
			    const char *, GArray *, double,
			    struct text_metrics *);
static int		 justify_locked(PangoContext *, const struct style *,
			    PangoLayout *, double, PangoLayout ***);

PangoLayout *
text_layout(PangoContext *ctx, const struct style *s, const char *text,
    double width, struct text_metrics *m)
{
	return text_layout_spans(ctx, s, text, NULL, 0, width, m);
}

PangoLayout *
text_layout_spans(PangoContext *ctx, const struct style *s,
    const char *text, const struct text_span *spans, size_t n,
    double width, struct text_metrics *m)
{
	GArray *arr = NULL;
	PangoLayout *l;

	if (n > 0) {
		arr = g_array_sized_new(FALSE, FALSE, sizeof(*spans),
		    (guint)n);
		g_array_append_vals(arr, spans, (guint)n);
	}
	lock_layout();
	l = layout_locked(ctx, s, text, arr, width, m);
	pango_layout_get_line_count(l);
	unlock_layout();
	if (arr != NULL)
		g_array_unref(arr);
	return l;
}

int
text_justify(PangoContext *ctx, const struct style *s, PangoLayout *l,
    double width, PangoLayout ***out)
{
	int i, n;

	lock_layout();
	n = justify_locked(ctx, s, l, width, out);
	for (i = 0; i < n; i++)
		pango_layout_get_line_count((*out)[i]);
	unlock_layout();
	return n;
}

void
text_lock(void)
{
	g_rec_mutex_lock(&shape_lock);
}

void
text_unlock(void)
{
	g_rec_mutex_unlock(&shape_lock);
}

void
text_concurrent(bool on)
{
	concurrent = on;
}

void
text_shape(PangoLayout *l)
{
	lock_layout();
	pango_layout_get_line_count(l);
	unlock_layout();
}

const struct text_span *
text_spans(PangoLayout *l, size_t *n)
{
	const GArray *spans = g_object_get_data(G_OBJECT(l), SPANS_KEY);

	*n = spans != NULL ? spans->len : 0;
	return spans != NULL ? (const struct text_span *)(void *)spans->data :
	    NULL;
}

int
text_source_index(PangoLayout *l, const char *src, int index)
{
	const char *t = pango_layout_get_text(l), *end = t + index;
	const char *o = src;

	if (strncmp(t, src, (size_t)index) == 0)
		return index;
	/* Skip the zero-width spaces split_long_words() put in. */
	while (t < end && *o != '\0') {
		if (g_utf8_get_char(t) == 0x200B && g_utf8_get_char(o) != 0x200B) {
			t = g_utf8_next_char(t);
			continue;
		}
		t = g_utf8_next_char(t);
		o = g_utf8_next_char(o);
	}
	return (int)(o - src);
}

size_t
text_cut(const char *text, size_t len)
{
	const char *end = text + TEXT_MAX_PARAGRAPH;

	if (len <= TEXT_MAX_PARAGRAPH)
		return len;
	if ((*end & 0xC0) == 0x80)
		end = g_utf8_find_prev_char(text, end);
	return (size_t)(end - text);
}

/*
 * Moves spans (over src) onto split, which is src with zero-width
 * spaces put in (split_long_words()): a span grows over those inside.
 */
/* The byte of split, src with zero-width spaces put in
 * (split_long_words()), that byte at of src stands for. */
static int
split_index(const char *src, const char *split, int at)
{
	const char *o = src, *t = split;

	while (*o != '\0' && (int)(o - src) < at) {
		if (g_utf8_get_char(t) != 0x200B ||
		    g_utf8_get_char(o) == 0x200B)
			o = g_utf8_next_char(o);
		t = g_utf8_next_char(t);
	}
	return (int)(t - split);
}

/* Moves spans over src onto split: a span grows over the spaces put in
 * inside it. */
static void
spans_to_split(GArray *spans, const char *src, const char *split)
{
	guint i;

	for (i = 0; spans != NULL && i < spans->len; i++) {
		struct text_span *sp = &g_array_index(spans, struct text_span,
		    i);

		sp->start = split_index(src, split, sp->start);
		sp->end = split_index(src, split, sp->end);
	}
}

/* Whether a span sets text larger than s: words_surely_fit() measures
 * by s's size. */
static bool
spans_grow(const GArray *spans, const struct style *s)
{
	guint i;

	for (i = 0; spans != NULL && i < spans->len; i++)
		if (g_array_index(spans, struct text_span, i).size > s->size)
			return true;
	return false;
}

static PangoLayout *
layout_locked(PangoContext *ctx, const struct style *s, const char *text,
    GArray *spans, double width, struct text_metrics *m)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = text_font(s);
	PangoAttrList *attrs, *rules;
	PangoRectangle logical;
	size_t len = strlen(text);

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (len > TEXT_MAX_PARAGRAPH) {
		pango_layout_set_text(l, text, (int)text_cut(text, len));
		text = pango_layout_get_text(l);
	} else {
		pango_layout_set_text(l, text, -1);
		len = 0;
	}
	attrs = base_attrs(ctx, s, text, (int)strlen(text), spans, 0);
	pango_layout_set_attributes(l, attrs);
	pango_layout_set_alignment(l, pango_align(s->align));
	if (s->indent != 0)
		pango_layout_set_indent(l, text_units(s->indent));
	if (width > 0) {
		/*
		 * Letter spacing goes half before and half after each
		 * character, and Pango takes the halves off at a line's two
		 * ends only after breaking it: a negative spacing makes a
		 * full line |spacing| wider than Pango measured, so it breaks
		 * in a box that much narrower (a right or centred line sits
		 * at most that far in, a fifth of a point at 10pt and -2%).
		 *
		 * l is still unwrapped here: measure the words on it.  A new
		 * list each time, since Pango ignores setting the same list.
		 */
		double room = width - fmax(s->indent, 0);
		int64_t *adv = NULL;
		GArray *found = g_array_new(FALSE, FALSE,
		    sizeof(struct breaks_rule));

		if (spans_grow(spans, s) ||
		    !words_surely_fit(s, text, fmin(width, room))) {
			char *split;

			adv = advances(l, text);
			split = split_long_words(adv, text, width);
			if (split != NULL) {
				spans_to_split(spans, text, split);
				pango_layout_set_text(l, split, -1);
				g_free(split);
				text = pango_layout_get_text(l);
				pango_attr_list_unref(attrs);
				attrs = base_attrs(ctx, s, text, (int)strlen(text),
				    spans, 0);
				/* Measured with its own attributes: the old
				 * text's fall inside the new one's characters,
				 * and Pango reads past its arrays there. */
				pango_layout_set_attributes(l, attrs);
				g_free(adv);
				adv = advances(l, text);
			}
		}
		rules = pango_attr_list_copy(attrs);
		if (s->wordbreak == BREAK_KEEP_ALL)
			breaks_keep_all(found, adv, text, room);
		g_free(adv);
		breaks_punctuation(found, text);
		breaks_apply(rules, found, text);
		g_array_free(found, TRUE);
		pango_layout_set_attributes(l, rules);
		pango_layout_set_width(l, text_units(width + fmin(
		    style_letter_spacing(s), 0)));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		if (!s->runts)
			l = avoid_runt(l, rules, text);
		pango_attr_list_unref(rules);
	}
	pango_attr_list_unref(attrs);
	l = latin_even_pitch(l, s);
	/* For text_justify(): over the text l holds. */
	if (spans != NULL)
		g_object_set_data_full(G_OBJECT(l), SPANS_KEY,
		    g_array_ref(spans), (GDestroyNotify)g_array_unref);
	if (m != NULL) {
		m->cut = len;
		pango_layout_get_extents(l, NULL, &logical);
		m->width = logical.width / (double)PANGO_SCALE;
		m->lines = pango_layout_get_line_count(l);
		m->height = m->lines * style_line_height(s);
		m->font_error[0] = '\0';
		m->unknown_glyphs = count_missing(l, &m->first_unknown,
		    m->font_error, sizeof(m->font_error));
	}
	return l;
}

/*
 * A one-line layout of text[0, len) in style s, which is
 * [at, at + len) of the paragraph spans are over.
 */
static PangoLayout *
line_layout(PangoContext *ctx, const struct style *s, const char *text,
    int len, const GArray *spans, int at)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = text_font(s);
	PangoAttrList *attrs = base_attrs(ctx, s, text, len, spans, at);
	GArray *mine = NULL;
	guint i;

	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(l, text, len);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	/* The line's part of the spans, over its own text. */
	for (i = 0; spans != NULL && i < spans->len; i++) {
		struct text_span sp = g_array_index(spans, struct text_span, i);

		sp.start = MAX(sp.start, at) - at;
		sp.end = MIN(sp.end, at + len) - at;
		if (sp.start >= sp.end)
			continue;
		if (mine == NULL)
			mine = g_array_new(FALSE, FALSE, sizeof(sp));
		g_array_append_val(mine, sp);
	}
	/* Kept on the layout latin_even_pitch() gives, maybe a copy. */
	l = latin_even_pitch(l, s);
	if (mine != NULL)
		g_object_set_data_full(G_OBJECT(l), SPANS_KEY, mine,
		    (GDestroyNotify)g_array_unref);
	return l;
}

/*
 * The lines of the ragged layout l, each laid out alone and, but for
 * the last and one ending in a forced break, justified (justify.c).
 */
static int
justify_locked(PangoContext *ctx, const struct style *s, PangoLayout *l,
    double width, PangoLayout ***out)
{
	const char *text = pango_layout_get_text(l);
	int i, n = pango_layout_get_line_count(l);
	PangoLayout **lines = g_new0(PangoLayout *, n);
	const GArray *spans = g_object_get_data(G_OBJECT(l), SPANS_KEY);

	for (i = 0; i < n; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
		const char *start = text + line->start_index;
		int len = line->length;
		double indent = i == 0 ? s->indent : 0;
		bool forced = len > 0 && start[len - 1] == '\n', space;

		while (len > 0 && (start[len - 1] == ' ' ||
		    start[len - 1] == '\n'))
			len--;
		space = len < line->length && start[len] == ' ';
		lines[i] = line_layout(ctx, s, start, len, spans,
		    line->start_index);
		if (space)
			g_object_set_data(G_OBJECT(lines[i]), SPACE_KEY,
			    GINT_TO_POINTER(1));
		if (indent != 0)
			pango_layout_set_indent(lines[i], text_units(indent));
		if (i < n - 1 && !forced)
			justify_line(s, lines[i], width - indent);
	}
	*out = lines;
	return n;
}
/*
 * cairo 1.16 makes a font's face (one per font file and load options,
 * shared by every thread) without a lock: two workers that first reach
 * a font at the same moment can each make one, and a PDF or SVG then
 * embeds that font twice, with other names (measured: about one A4
 * brochure in 150 at --jobs 3, more under load).  So every face the
 * layouts can reach is made first, here, on one thread, before any
 * worker starts, and kept until the run ends: the workers then only
 * find faces, and none is freed and made again meanwhile.  Each family
 * of each style is laid out on its own, with a sample of every script
 * the bundled fonts draw, so fallback fonts are reached too.
 */
/* Makes the cairo scaled font, and so the face, of every run of l. */
static PangoLayout *
make_faces(PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);

		if (run != NULL && PANGO_IS_CAIRO_FONT(run->item->analysis.font))
			(void)pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(
			    run->item->analysis.font));
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	return l;
}

bool
text_space_after(PangoLayout *l)
{
	return g_object_get_data(G_OBJECT(l), SPACE_KEY) != NULL;
}

GPtrArray *
text_warm(PangoContext *ctx, struct style *const *styles, size_t n)
{
	static const char sample[] = "가나다 ABC abc 0123 漢字 "
	    "·…“”‘’→%&?!()「」";
	GPtrArray *held = g_ptr_array_new_with_free_func(g_object_unref);
	size_t i, j;

	for (i = 0; i < n; i++) {
		char **fams = g_strsplit(styles[i]->font, ",", -1);

		for (j = 0; fams[j] != NULL; j++) {
			struct style one = *styles[i];

			g_strstrip(fams[j]);
			if (*fams[j] == '\0')
				continue;
			one.font = fams[j];
			g_ptr_array_add(held, make_faces(text_layout(ctx, &one,
			    sample, 0, NULL)));
		}
		g_strfreev(fams);
	}
	return held;
}
