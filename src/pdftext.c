/*
 * Text as PDF: Pango's glyph strings at their unrounded positions, in
 * a face embedded by pdffont.c.  A run's glyphs go as a TJ array of
 * glyph ids (Identity-H, two bytes each) against the font's own
 * advances (its /W widths), the run's common spacing set as Tc, and a
 * number wherever the viewer would drift from Pango's place: letter
 * spacing, justification and kerning come out as Pango set them.
 * Runs of a line continue one array; lines and consecutive texts
 * share one text object, moved by Td.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "fonts.h"
#include "mem.h"
#include "pdfemit.h"
#include "pdffont.h"
#include "pdfimg.h"
#include "pdfw.h"
#include "text.h"

/* A face used on the page: its use, and what measures its glyphs. */
struct face {
	struct pdffont_use	 use;
	GHashTable		*seen;		/* gid → 1 */
	hb_font_t		*unscaled;	/* advances in font units */
	double			 upem;
	unsigned int		 space;		/* U+0020's glyph, or 0 */
	GHashTable		*chars;		/* gid + 1 → code point, the
						   cache's */
};

/*
 * What a text object has set: a glyph's place is off by less than
 * DRIFT [pt] before the TJ array moves it (1/100 pt, a sixth of a
 * device pixel at 1200 dpi): the viewer's and Pango's positions never
 * part by more, and the numbers that letter spacing and rounding would
 * put between most glyphs go.
 */
#define DRIFT	0.01

static void
face_free(gpointer v)
{
	struct face *f = v;

	g_free(f->use.file);
	if (f->use.glyphs != NULL) {
		guint i;

		for (i = 0; i < f->use.glyphs->len; i++)
			g_free(g_array_index(f->use.glyphs, struct pdfglyph,
			    i).text);
		g_array_free(f->use.glyphs, TRUE);
	}
	g_hash_table_destroy(f->seen);
	hb_font_destroy(f->unscaled);
	free(f);
}

/*
 * The character each glyph of a face stands for in its cmap: the least
 * code point that maps to it, control characters aside (fonts give
 * their space glyph to a carriage return), made once per worker (some
 * 11,000 code points for NanumGothic).  A glyph that two characters share (U+FF5E
 * and U+301C, a space and a no-break space) has one ToUnicode entry
 * for the whole document, whatever page first used it.
 */
static GHashTable *
face_chars(struct pdfpage_cache *c, const char *key, hb_font_t *font)
{
	GHashTable *m = g_hash_table_lookup(c->chars, key);
	hb_set_t *all;
	hb_codepoint_t u = HB_SET_VALUE_INVALID, g;

	if (m != NULL)
		return m;
	m = g_hash_table_new(g_direct_hash, g_direct_equal);
	all = hb_set_create();
	hb_face_collect_unicodes(hb_font_get_face(font), all);
	while (hb_set_next(all, &u))
		if (!g_unichar_iscntrl(u) &&
		    hb_font_get_nominal_glyph(font, u, &g) &&
		    !g_hash_table_contains(m, GUINT_TO_POINTER(g + 1)))
			g_hash_table_insert(m, GUINT_TO_POINTER(g + 1),
			    GUINT_TO_POINTER(u));
	hb_set_destroy(all);
	g_hash_table_insert(c->chars, g_strdup(key), m);
	return m;
}

struct pdfpage_cache *
pdfpage_cache_new(void)
{
	struct pdfpage_cache *c = xcalloc(1, sizeof(*c));

	c->images = pdfimg_cache_new();
	c->chars = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    (GDestroyNotify)g_hash_table_destroy);
	return c;
}

void
pdfpage_cache_free(struct pdfpage_cache *c)
{
	if (c == NULL)
		return;
	pdfimg_cache_free(c->images);
	g_hash_table_destroy(c->chars);
	free(c);
}

/* The /F number of font's face, made on first use; -1 if it has no
 * file (nothing to embed: the run is not drawn). */
static int
face_new(struct emit *e, PangoFont *font)
{
	const char *file;
	int index;
	char *key;
	gpointer at;
	struct face *f;
	hb_face_t *hb;

	if (!fonts_font_file(font, &file, &index))
		return -1;
	key = g_strdup_printf("%s\n%d", file, index);
	if ((at = g_hash_table_lookup(e->face_of, key)) != NULL) {
		g_free(key);
		return GPOINTER_TO_INT(at) - 1;
	}
	f = xcalloc(1, sizeof(*f));
	f->use.file = g_strdup(file);
	f->use.index = index;
	f->use.glyphs = g_array_new(FALSE, FALSE, sizeof(struct pdfglyph));
	f->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	hb = hb_font_get_face(pango_font_get_hb_font(font));
	f->unscaled = hb_font_create(hb);	/* its scale: the upem */
	f->upem = hb_face_get_upem(hb);
	if (!hb_font_get_nominal_glyph(f->unscaled, ' ', &f->space))
		f->space = 0;
	f->chars = face_chars(e->cache, key, f->unscaled);
	g_ptr_array_add(e->faces, f);
	g_hash_table_insert(e->face_of, key, GINT_TO_POINTER(e->faces->len));
	return (int)e->faces->len - 1;
}

/*
 * face_new() through a table by font: Pango makes a run of every word,
 * and its fonts are few, so the file name, key and lookup by key are
 * made once a font, not once a run.  The fonts live as long as the
 * page's layouts.
 */
static int
face_of(struct emit *e, PangoFont *font)
{
	gpointer at = g_hash_table_lookup(e->font_of, font);
	int n;

	if (at != NULL)
		return GPOINTER_TO_INT(at) - 2;
	n = face_new(e, font);
	g_hash_table_insert(e->font_of, font, GINT_TO_POINTER(n + 2));
	return n;
}

/* The character glyph gid stands for in f's cmap, as UTF-8 in buf (8
 * bytes), or NULL if none maps to it (a ligature, a shaped form). */
static const char *
glyph_char(const struct face *f, unsigned int gid, char *buf)
{
	gpointer u = g_hash_table_lookup(f->chars, GUINT_TO_POINTER(gid + 1));

	if (u == NULL && !g_hash_table_contains(f->chars,
	    GUINT_TO_POINTER(gid + 1)))
		return NULL;
	buf[g_unichar_to_utf8((gunichar)GPOINTER_TO_UINT(u), buf)] = '\0';
	return buf;
}

/* Glyph gid of face f, standing for text[0, len): its width [1/1000
 * em], the glyph recorded with its text at first use. */
static double
glyph_use(struct face *f, unsigned int gid, const char *text, int len)
{
	struct pdfglyph g;

	g.gid = gid;
	g.width = hb_font_get_glyph_h_advance(f->unscaled, gid) * 1000.0 /
	    f->upem;
	if (!g_hash_table_contains(f->seen, GUINT_TO_POINTER(gid + 1))) {
		g_hash_table_add(f->seen, GUINT_TO_POINTER(gid + 1));
		g.text = g_strndup(text, (gsize)MAX(len, 0));
		g_array_append_val(f->use.glyphs, g);
	}
	return g.width;
}

/* The colour an attribute of the run gives part (foreground or
 * background), with its alpha; false if none. */
static bool
run_color(const PangoItem *item, PangoAttrType type, PangoAttrType alpha,
    struct color *c)
{
	GSList *l;
	bool set = false;

	for (l = item->analysis.extra_attrs; l != NULL; l = l->next) {
		const PangoAttribute *a = l->data;

		if (a->klass->type == type) {
			const PangoColor *pc = &((const PangoAttrColor *)a)->color;

			c->r = pc->red / 65535.0;
			c->g = pc->green / 65535.0;
			c->b = pc->blue / 65535.0;
			set = true;
		} else if (a->klass->type == alpha) {
			c->a = ((const PangoAttrInt *)a)->value / 65535.0;
		}
	}
	if (set) {
		double alpha = c->a;

		if (text_print_color(item, type == PANGO_ATTR_BACKGROUND, c))
			c->a = alpha;
	}
	return set;
}

/* Two bytes of a glyph id into the run's string. */
static void
put_gid(GString *str, unsigned int gid)
{
	unsigned char b[2] = { (unsigned char)(gid >> 8),
	    (unsigned char)gid };

	g_string_append_len(str, (const char *)b, 2);
}

/* Ends the TJ array, if one is open: its glyphs, then "] TJ". */
static void
tj_flush(struct emit *e, struct tstate *ts)
{
	if (!ts->open)
		return;
	if (ts->str->len > 0)
		pdf_literal(e->s, ts->str->str, ts->str->len);
	g_string_truncate(ts->str, 0);
	emit_op(e, "] TJ");
	ts->open = false;
}

/*
 * The text object: begun for a text, ended for anything else (paths
 * and q … Q have no place in one).  Consecutive texts share one, so a
 * justified paragraph's lines (a box each) move by Td, not Tm.  The
 * font, spacing and colour it set stay set after it ends: the boxes
 * between draw inside q … Q.
 */
static void
text_begin(struct emit *e)
{
	if (e->bt)
		return;
	emit_op(e, "BT");
	e->bt = true;
	e->ts.size = 0;		/* BT resets the text matrix */
}

void
pdftext_end(struct emit *e)
{
	if (!e->bt)
		return;
	tj_flush(e, &e->ts);
	emit_op(e, "ET");
	e->bt = false;
}

/*
 * Moves the text to (x, y) [pt] at size: a whole text matrix the first
 * time and when the size changes, else a Td from the last origin, in
 * text space units.  The moves of a paragraph's lines repeat ("0 -1.7
 * Td") where their places would not, and deflate takes them almost for
 * nothing.  The origin kept is the one written, rounding included, so
 * no error adds up from line to line.
 */
static void
text_move(struct emit *e, struct tstate *ts, double x, double y,
    double size)
{
	double dx, dy;

	if (ts->size != size) {
		emit_num(e, size);
		emit_num(e, 0);
		emit_num(e, 0);
		emit_num(e, -size);
		emit_num(e, x);
		emit_num(e, y);
		emit_op(e, "Tm");
		ts->size = size;
		ts->x = round(x * 1000) / 1000;
		ts->y = round(y * 1000) / 1000;
		return;
	}
	dx = round((x - ts->x) / size * 1000) / 1000;
	dy = round((ts->y - y) / size * 1000) / 1000;
	emit_num(e, dx);
	emit_num(e, dy);
	emit_op(e, "Td");
	ts->x += dx * size;
	ts->y -= dy * size;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The spacing most glyphs of the run take past their font's advance
 * [em]: letter spacing, tracking of a justified line.  Set as Tc, it
 * leaves the TJ array numbers only where a glyph differs (a word space
 * widened, kerning, a word's last syllable that a justified line does
 * not track).  The mean of the largest group of values within a
 * hundredth of DRIFT of each other (Pango rounds each glyph to its own
 * unit), to 1e-4 em; the first such group on a tie.
 */
static double
run_spacing(PangoGlyphItem *run, struct face *f, double size)
{
	PangoGlyphString *gs = run->glyphs;
	double *d = g_new(double, gs->num_glyphs + 1), tc = 0, eps;
	int g, n = 0, i, j = 0, best = 0;

	for (g = 0; g < gs->num_glyphs; g++) {
		PangoGlyphInfo *gi = &gs->glyphs[g];

		if (gi->glyph == PANGO_GLYPH_EMPTY ||
		    (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
			continue;
		d[n++] = gi->geometry.width / (double)PANGO_SCALE / size -
		    hb_font_get_glyph_h_advance(f->unscaled, gi->glyph) /
		    f->upem;
	}
	qsort(d, (size_t)n, sizeof(*d), cmp_double);
	eps = DRIFT / 4 / size;
	for (i = 0; i < n; i++) {
		double sum = 0;

		if (j < i)
			j = i;
		while (j < n && d[j] - d[i] <= eps)
			j++;
		if (j - i > best) {
			best = j - i;
			for (g = i; g < j; g++)
				sum += d[g];
			tc = round(sum / best * 1e4) / 1e4;
		}
	}
	g_free(d);
	return tc;
}

/* Whether y [pt] is the baseline the text object is on (as asked for:
 * the origin written is rounded). */
static bool
same_line(const struct tstate *ts, double y)
{
	return fabs(ts->line - y) < 1e-9;
}

/*
 * Letter spacing from which a run's text is given as /ActualText [em]:
 * poppler (pdftotext, and viewers' search) reads glyphs a fifth of an
 * em apart as words of one letter ("U N T H I N K A B L E").
 */
#define SPACED	0.1

/*
 * One run's glyphs, its baseline origin at (x, y) [pt], in face fnum at
 * size, into the TJ array open if the run can go on in it (a run of a
 * line in the same font, spacing and colour: Pango makes one of each
 * word), else a new one; a number wherever the viewer would drift from
 * Pango's place.
 */
static void
show_run(struct emit *e, struct tstate *ts, PangoGlyphItem *run,
    const char *text, double x, double y, int fnum, double size)
{
	struct face *f = g_ptr_array_index(e->faces, fnum);
	PangoGlyphString *gs = run->glyphs;
	double pen = x, tc = run_spacing(run, f, size);
	int g, k, item_end = run->item->offset + run->item->length;
	bool spaced = tc >= SPACED, actual;
	const char *canon;
	char ch[8];

	if (ts->font != fnum || ts->tc != tc || ts->size != size ||
	    (ts->open && !same_line(ts, y)) || spaced)
		tj_flush(e, ts);
	if (spaced) {
		char *t = g_strndup(text + run->item->offset,
		    (gsize)run->item->length);

		g_string_append(e->s, "/Span <</ActualText ");
		pdf_text_string(e->s, t);
		emit_op(e, ">> BDC");
		g_free(t);
	}
	if (ts->font != fnum) {
		g_string_append_printf(e->s, "/F%d 1 Tf\n", fnum);
		ts->font = fnum;
	}
	if (ts->tc != tc) {
		pdf_num_fine(e->s, tc);
		emit_op(e, "Tc");
		ts->tc = tc;
	}
	for (g = 0; g < gs->num_glyphs; g++) {
		PangoGlyphInfo *gi = &gs->glyphs[g];
		PangoGlyph gid = gi->glyph;
		int at = run->item->offset + gs->log_clusters[g];
		int next = item_end;
		double want = pen + gi->geometry.x_offset / (double)PANGO_SCALE;
		double gy = y + gi->geometry.y_offset / (double)PANGO_SCALE;
		bool first = g == 0 || gs->log_clusters[g - 1] !=
		    gs->log_clusters[g];

		pen += gi->geometry.width / (double)PANGO_SCALE;
		/* Pango empties the space a line breaks at: kept, as it
		 * draws nothing, so that the text reads "a b", not "ab". */
		if (gid == PANGO_GLYPH_EMPTY && text[at] == ' ')
			gid = f->space;
		if (gid == PANGO_GLYPH_EMPTY || gid == 0 ||
		    (gid & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
			continue;
		for (k = g + 1; k < gs->num_glyphs; k++)
			if (gs->log_clusters[k] != gs->log_clusters[g]) {
				next = run->item->offset + gs->log_clusters[k];
				break;
			}
		if (ts->open && !same_line(ts, gy))
			tj_flush(e, ts);	/* a mark moved up or down */
		canon = glyph_char(f, gid, ch);
		/* A lone glyph for another character than its cmap's
		 * (the wave dash's glyph for a fullwidth tilde): its own
		 * text, as the document's ToUnicode cannot say it. */
		actual = !spaced && first && next - at > 0 &&
		    (k == gs->num_glyphs || gs->log_clusters[k] !=
		    gs->log_clusters[g]) && canon != NULL &&
		    (strlen(canon) != (size_t)(next - at) ||
		    memcmp(canon, text + at, (size_t)(next - at)) != 0);
		if (actual) {
			char *t = g_strndup(text + at, (gsize)(next - at));

			tj_flush(e, ts);
			g_string_append(e->s, "/Span <</ActualText ");
			pdf_text_string(e->s, t);
			emit_op(e, ">> BDC");
			g_free(t);
		}
		if (!ts->open) {
			text_move(e, ts, want, gy, size);
			ts->line = gy;
			g_string_append_c(e->s, '[');
			ts->open = true;
			ts->pen = ts->x;
		}
		/* TJ moves left by adj/1000 em: the viewer is at pen. */
		if (fabs(ts->pen - want) >= DRIFT) {
			double adj = round((ts->pen - want) / size * 1e6) / 1000;

			if (ts->str->len > 0)
				pdf_literal(e->s, ts->str->str, ts->str->len);
			g_string_truncate(ts->str, 0);
			emit_num(e, adj);
			ts->pen -= adj / 1000 * size;
		}
		put_gid(ts->str, gid);
		ts->pen += (glyph_use(f, gid, canon != NULL && first ?
		    canon : text + at, canon != NULL && first ?
		    (int)strlen(canon) : first ? next - at : 0) / 1000 + tc) *
		    size;
		if (actual) {
			tj_flush(e, ts);
			emit_op(e, "EMC");
		}
	}
	if (spaced) {
		tj_flush(e, ts);
		emit_op(e, "EMC");
	}
}

/* The em size of font [pt]: its absolute size (the font map draws at
 * 72 units an inch, so a unit is a point); 0 if it has none. */
static double
font_size(PangoFont *font)
{
	PangoFontDescription *fd = pango_font_describe_with_absolute_size(
	    font);
	double size = pango_font_description_get_size(fd) /
	    (double)PANGO_SCALE;

	pango_font_description_free(fd);
	return size;
}

/* A line of a layout, its baseline's left at (x, y) [pt]. */
typedef void	(*line_fn)(struct emit *, PangoLayoutLine *, const char *,
		    double x, double y, void *arg);

/*
 * The lines [first, end) of layout l (end 0: all) as paint.c draws
 * them: the layout's top left at (x, y), or for a fragment the top of
 * its first line there.
 */
static void
each_line(struct emit *e, PangoLayout *l, double x, double y, int first,
    int end, line_fn fn, void *arg)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	const char *text = pango_layout_get_text(l);
	PangoRectangle r;
	int i = 0, top = 0;

	do {
		if (i < first)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		if (i == first && end > 0)
			top = r.y;
		fn(e, pango_layout_iter_get_line_readonly(it), text,
		    x + r.x / (double)PANGO_SCALE, y +
		    (pango_layout_iter_get_baseline(it) - top) /
		    (double)PANGO_SCALE, arg);
	} while ((end <= 0 || ++i < end) && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* The highlights of a line's runs: the line's height, the run's width
 * (as Pango's renderer draws a background). */
static void
line_highlights(struct emit *e, PangoLayoutLine *line, const char *text,
    double x, double y, void *arg)
{
	PangoRectangle overall;
	GSList *r;
	bool got = false;

	(void)text;
	(void)arg;
	for (r = line->runs; r != NULL; r = r->next) {
		PangoGlyphItem *run = r->data;
		double w = pango_glyph_string_get_width(run->glyphs) /
		    (double)PANGO_SCALE;
		struct color bg = { 0, 0, 0, 1 };

		if (run_color(run->item, PANGO_ATTR_BACKGROUND,
		    PANGO_ATTR_BACKGROUND_ALPHA, &bg)) {
			if (!got)
				pango_layout_line_get_extents(line, NULL,
				    &overall);
			got = true;
			pdftext_end(e);
			emit_op(e, "q");
			emit_color(e, &bg, false);
			emit_rect(e, x, y + overall.y / (double)PANGO_SCALE, w,
			    overall.height / (double)PANGO_SCALE);
			emit_op(e, "f Q");
		}
		x += w;
	}
}

/* A line's glyphs, run by run, in each run's colour or fg (arg). */
static void
line_glyphs(struct emit *e, PangoLayoutLine *line, const char *text,
    double x, double y, void *arg)
{
	const struct color *fg = arg;
	struct tstate *ts = &e->ts;
	GSList *r;

	for (r = line->runs; r != NULL; r = r->next) {
		PangoGlyphItem *run = r->data;
		double w = pango_glyph_string_get_width(run->glyphs) /
		    (double)PANGO_SCALE;
		double size = font_size(run->item->analysis.font);
		int fnum = face_of(e, run->item->analysis.font);
		struct color c = { 0, 0, 0, fg->a };

		if (fnum >= 0 && size > 0) {
			if (!run_color(run->item, PANGO_ATTR_FOREGROUND,
			    PANGO_ATTR_FOREGROUND_ALPHA, &c))
				c = *fg;
			if (!ts->colored || !units_color_same(&c,
			    &ts->color)) {
				tj_flush(e, ts);
				emit_color(e, &c, false);
				ts->color = c;
				ts->colored = true;
			}
			show_run(e, ts, run, text, x, y - run->y_offset /
			    (double)PANGO_SCALE, fnum, size);
		}
		x += w;
	}
}

/* The space a justified line ended at (text_space_after), after its
 * last glyph, in its font: it draws nothing. */
static void
space_after(struct emit *e)
{
	struct tstate *ts = &e->ts;
	struct face *f;

	if (!ts->open || ts->font < 0)
		return;
	f = g_ptr_array_index(e->faces, ts->font);
	if (f->space == 0)
		return;
	put_gid(ts->str, f->space);
	ts->pen += (glyph_use(f, f->space, " ", 1) / 1000 + ts->tc) * ts->size;
}

/* Layout l's lines [first, end) at (x, y) in colour fg: highlights
 * first, then the glyphs, in the text object open or a new one. */
void
pdftext_layout(struct emit *e, PangoLayout *l, double x, double y, int first,
    int end, const struct color *fg)
{
	each_line(e, l, x, y, first, end, line_highlights, NULL);
	text_begin(e);
	each_line(e, l, x, y, first, end, line_glyphs, (void *)fg);
	if (text_space_after(l))
		space_after(e);
}

void
pdftext_fonts(struct emit *e, struct pdfpage *pg)
{
	guint i;

	/* The faces' uses move to the page; their measures go. */
	pg->nfonts = e->faces->len;
	pg->fonts = xcalloc(pg->nfonts + 1, sizeof(*pg->fonts));
	for (i = 0; i < e->faces->len; i++) {
		struct face *f = g_ptr_array_index(e->faces, i);

		pg->fonts[i] = f->use;
		f->use.file = NULL;
		f->use.glyphs = NULL;
		face_free(f);
	}
	g_ptr_array_free(e->faces, TRUE);
	e->faces = NULL;
}
