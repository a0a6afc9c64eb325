/*
 * A laid-out page as a PDF content stream, box by box in paint.c's
 * order and geometry.  The user space is paint.c's: points from the
 * media's top left, y down (the stream's first operator flips PDF's);
 * each box draws inside q … Q so no state leaks to the next.
 *
 * Text is Pango's glyph strings at their unrounded positions: per run,
 * one text matrix at the run's origin and a TJ array of glyph ids
 * (Identity-H, two bytes each) with, between glyphs, the difference
 * between where Pango put the next glyph and where the font's own
 * advance (the /W width) would: letter spacing, justification and
 * kerning come out exact, not rounded to a grid.  The rounding of
 * each adjustment to 1/1000 em is carried on, never summed.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "fonts.h"
#include "image.h"
#include "layout.h"
#include "mem.h"
#include "paint.h"
#include "pdffont.h"
#include "pdfimg.h"
#include "pdfpage.h"
#include "pdfw.h"
#include "qr.h"
#include "text.h"

struct pdfpage_cache {
	struct pdfimg_cache	*images;
	GHashTable		*chars;		/* "file\nindex" → GHashTable
						   gid + 1 → code point */
};

/* A face used on the page: its use, and what measures its glyphs. */
struct face {
	struct pdffont_use	 use;
	GHashTable		*seen;		/* gid → 1 */
	hb_font_t		*unscaled;	/* advances in font units */
	double			 upem;
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

struct tstate {
	int		 font;		/* /F number set, or -1 */
	double		 tc;		/* character spacing set [em] */
	struct color	 color;		/* fill colour set */
	bool		 colored;
	double		 size;		/* the text matrix's scale, or 0 */
	double		 x, y;		/* its origin [pt], as written */
	double		 line;		/* the baseline asked for [pt] */
	bool		 open;		/* a TJ array is open: */
	GString		*str;		/*   its glyphs not yet written */
	double		 pen;		/*   where the viewer is [pt] */
};

struct emit {
	GString			*s;
	struct pdfpage		*pg;
	GPtrArray		*faces;		/* struct face, by /F number */
	GHashTable		*face_of;	/* "file\nindex" → number + 1 */
	GArray			*alphas;	/* double */
	GArray			*links;		/* struct pdflink */
	GPtrArray		*images;	/* struct pdfimg, by /Im number */
	GArray			*forms;		/* struct pdfform, by /Fm */
	struct pdfpage_cache	*cache;
	struct diag		*d;
	bool			 failed;
	bool			 bt;		/* in a text object: */
	struct tstate		 ts;		/*   what it has set */
};

static void
num(struct emit *e, double v)
{
	pdf_num(e->s, v);
}

static void
op(struct emit *e, const char *o)
{
	g_string_append(e->s, o);
	g_string_append_c(e->s, '\n');
}

/* The /GS name of opacity a, made on first use. */
static guint
alpha_state(struct emit *e, double a)
{
	guint i;

	for (i = 0; i < e->alphas->len; i++)
		if (g_array_index(e->alphas, double, i) == a)
			return i;
	g_array_append_val(e->alphas, a);
	return e->alphas->len - 1;
}

/* The colour for filling (rg) or stroking (RG), with its opacity. */
static void
color(struct emit *e, const struct color *c, bool stroke)
{
	num(e, c->r);
	num(e, c->g);
	num(e, c->b);
	op(e, stroke ? "RG" : "rg");
	if (c->a < 1)
		g_string_append_printf(e->s, "/GS%u gs\n",
		    alpha_state(e, c->a));
}

static void
move(struct emit *e, double x, double y, const char *o)
{
	num(e, x);
	num(e, y);
	op(e, o);
}

static void
rect(struct emit *e, double x, double y, double w, double h)
{
	num(e, x);
	num(e, y);
	num(e, w);
	num(e, h);
	op(e, "re");
}

/* A quarter ellipse as one Bézier, from the current point at angle a
 * (a multiple of π/2) to a + π/2, around (cx, cy) with radii rx, ry. */
static void
quarter(struct emit *e, double cx, double cy, double rx, double ry, int a)
{
	/* 4/3·tan(π/8): the control points of a quarter circle. */
	static const double k = 0.5522847498307936;
	static const int dx[5] = { 1, 0, -1, 0, 1 }, dy[5] = { 0, 1, 0, -1, 0 };
	double x0 = dx[a], y0 = dy[a], x1 = dx[a + 1], y1 = dy[a + 1];

	num(e, cx + rx * (x0 - k * y0));
	num(e, cy + ry * (y0 + k * x0));
	num(e, cx + rx * (x1 + k * y1));
	num(e, cy + ry * (y1 - k * x1));
	num(e, cx + rx * x1);
	num(e, cy + ry * y1);
	op(e, "c");
}

static void
ellipse_path(struct emit *e, double cx, double cy, double rx, double ry)
{
	int a;

	move(e, cx + rx, cy, "m");
	for (a = 0; a < 4; a++)
		quarter(e, cx, cy, rx, ry, a);
	op(e, "h");
}

/*
 * paint.c's rounded_rect(): corners clockwise from the top right.  With
 * moved, the curves are drawn about the origin and moved to (x, y) by
 * a matrix (the current one changes: the caller is in q … Q): a shape
 * met again (a list's bullets, a card's corners) is then the same run
 * of bytes, which deflate takes for almost nothing.  Straight sides of
 * no length (a disc) are left out.
 */
static void
rounded_path(struct emit *e, double x, double y, double w, double h,
    double r, bool moved)
{
	r = fmin(r, fmin(w, h) / 2);
	if (r <= 0) {
		rect(e, x, y, w, h);
		return;
	}
	if (moved) {
		g_string_append(e->s, "1 0 0 1 ");
		num(e, x);
		num(e, y);
		op(e, "cm");
		x = y = 0;
	}
	move(e, x + w - r, y, "m");
	quarter(e, x + w - r, y + r, r, r, 3);
	if (h > 2 * r)
		move(e, x + w, y + h - r, "l");
	quarter(e, x + w - r, y + h - r, r, r, 0);
	if (w > 2 * r)
		move(e, x + r, y + h, "l");
	quarter(e, x + r, y + h - r, r, r, 1);
	if (h > 2 * r)
		move(e, x, y + r, "l");
	quarter(e, x + r, y + r, r, r, 2);
	op(e, "h");
}

/* Box b's fill and stroke of the path path() draws (twice: a PDF path
 * is gone once painted). */
static void
fill_and_stroke(struct emit *e, const struct box *b,
    void (*path)(struct emit *, const struct box *))
{
	if (b->fill.a > 0) {
		op(e, "q");
		color(e, &b->fill, false);
		path(e, b);
		op(e, "f");
		op(e, "Q");
	}
	if (b->stroke_width > 0 && b->stroke.a > 0) {
		op(e, "q");
		color(e, &b->stroke, true);
		num(e, b->stroke_width);
		op(e, "w");
		path(e, b);
		op(e, "S");
		op(e, "Q");
	}
}

static void
rect_of(struct emit *e, const struct box *b)
{
	rounded_path(e, b->x, b->y, b->w, b->h, b->radius, true);
}

static void
ellipse_of(struct emit *e, const struct box *b)
{
	g_string_append(e->s, "1 0 0 1 ");
	num(e, b->x + b->w / 2);
	num(e, b->y + b->h / 2);
	op(e, "cm");
	ellipse_path(e, 0, 0, b->w / 2, b->h / 2);
}

/* ---- text ---- */

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
 * code point that maps to it, made once per worker (some 11,000 code
 * points for NanumGothic).  A glyph that two characters share (U+FF5E
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
		if (hb_font_get_nominal_glyph(font, u, &g) &&
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
face_of(struct emit *e, PangoFont *font)
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
	f->chars = face_chars(e->cache, key, f->unscaled);
	g_ptr_array_add(e->faces, f);
	g_hash_table_insert(e->face_of, key, GINT_TO_POINTER(e->faces->len));
	return (int)e->faces->len - 1;
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
	op(e, "] TJ");
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
	op(e, "BT");
	e->bt = true;
	e->ts.size = 0;		/* BT resets the text matrix */
}

static void
text_end(struct emit *e)
{
	if (!e->bt)
		return;
	tj_flush(e, &e->ts);
	op(e, "ET");
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
		num(e, size);
		num(e, 0);
		num(e, 0);
		num(e, -size);
		num(e, x);
		num(e, y);
		op(e, "Tm");
		ts->size = size;
		ts->x = round(x * 1000) / 1000;
		ts->y = round(y * 1000) / 1000;
		return;
	}
	dx = round((x - ts->x) / size * 1000) / 1000;
	dy = round((ts->y - y) / size * 1000) / 1000;
	num(e, dx);
	num(e, dy);
	op(e, "Td");
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
		op(e, ">> BDC");
		g_free(t);
	}
	if (ts->font != fnum) {
		g_string_append_printf(e->s, "/F%d 1 Tf\n", fnum);
		ts->font = fnum;
	}
	if (ts->tc != tc) {
		pdf_num_fine(e->s, tc);
		op(e, "Tc");
		ts->tc = tc;
	}
	for (g = 0; g < gs->num_glyphs; g++) {
		PangoGlyphInfo *gi = &gs->glyphs[g];
		int at = run->item->offset + gs->log_clusters[g];
		int next = item_end;
		double want = pen + gi->geometry.x_offset / (double)PANGO_SCALE;
		double gy = y + gi->geometry.y_offset / (double)PANGO_SCALE;
		bool first = g == 0 || gs->log_clusters[g - 1] !=
		    gs->log_clusters[g];

		pen += gi->geometry.width / (double)PANGO_SCALE;
		if (gi->glyph == PANGO_GLYPH_EMPTY ||
		    (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
			continue;
		for (k = g + 1; k < gs->num_glyphs; k++)
			if (gs->log_clusters[k] != gs->log_clusters[g]) {
				next = run->item->offset + gs->log_clusters[k];
				break;
			}
		if (ts->open && !same_line(ts, gy))
			tj_flush(e, ts);	/* a mark moved up or down */
		canon = glyph_char(f, gi->glyph, ch);
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
			op(e, ">> BDC");
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
			num(e, adj);
			ts->pen -= adj / 1000 * size;
		}
		put_gid(ts->str, gi->glyph);
		ts->pen += (glyph_use(f, gi->glyph, canon != NULL && first ?
		    canon : text + at, canon != NULL && first ?
		    (int)strlen(canon) : first ? next - at : 0) / 1000 + tc) *
		    size;
		if (actual) {
			tj_flush(e, ts);
			op(e, "EMC");
		}
	}
	if (spaced) {
		tj_flush(e, ts);
		op(e, "EMC");
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
			text_end(e);
			op(e, "q");
			color(e, &bg, false);
			rect(e, x, y + overall.y / (double)PANGO_SCALE, w,
			    overall.height / (double)PANGO_SCALE);
			op(e, "f Q");
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
			if (!ts->colored || memcmp(&c, &ts->color,
			    sizeof(c)) != 0) {
				tj_flush(e, ts);
				color(e, &c, false);
				ts->color = c;
				ts->colored = true;
			}
			show_run(e, ts, run, text, x, y - run->y_offset /
			    (double)PANGO_SCALE, fnum, size);
		}
		x += w;
	}
}

/* Layout l's lines [first, end) at (x, y) in colour fg: highlights
 * first, then the glyphs, in the text object open or a new one. */
static void
show_layout(struct emit *e, PangoLayout *l, double x, double y, int first,
    int end, const struct color *fg)
{
	each_line(e, l, x, y, first, end, line_highlights, NULL);
	text_begin(e);
	each_line(e, l, x, y, first, end, line_glyphs, (void *)fg);
}

/*
 * No text_lock() here: every layout was shaped, its lines made, under
 * the lock when it was laid out (text.c), and reading its glyphs
 * shapes nothing nor touches cairo's glyph caches.
 */
static void
draw_text(struct emit *e, const struct box *b)
{
	show_layout(e, b->layout, b->x, b->y, b->line_end > 0 ?
	    b->line_first : 0, b->line_end, &b->fill);
}

static void
draw_line(struct emit *e, const struct box *b)
{
	color(e, &b->stroke, false);
	rect(e, b->x, b->y, b->w, b->h);
	op(e, "f");
}

/* The image's /Im number, its encoding held by the page (the cache
 * gives the same image the same encoding). */
static int
image_of(struct emit *e, const struct image *img)
{
	struct pdfimg *pi = pdfimg_get(e->cache->images, img, e->d);
	guint i;

	if (pi == NULL) {
		e->failed = true;
		return -1;
	}
	for (i = 0; i < e->images->len; i++)
		if (g_ptr_array_index(e->images, i) == pi) {
			pdfimg_unref(pi);
			return (int)i;
		}
	g_ptr_array_add(e->images, pi);
	return (int)e->images->len - 1;
}

/* paint.c's paint_image(): clipped to the box (or its circle), scaled
 * to contain or cover, placed by its focus, turned upright. */
static void
draw_image(struct emit *e, const struct box *b)
{
	double iw = image_width(b->image), ih = image_height(b->image);
	double sx = b->w / iw, sy = b->h / ih, m[6];
	double k = b->fit == FIT_COVER ? fmax(sx, sy) : fmin(sx, sy);
	int n = image_of(e, b->image), rw, rh, i;
	struct pdfimg *pi;

	if (n < 0)
		return;
	pi = g_ptr_array_index(e->images, n);
	if (b->mask == MASK_CIRCLE)
		ellipse_path(e, b->x + b->w / 2, b->y + b->h / 2,
		    fmin(b->w, b->h) / 2, fmin(b->w, b->h) / 2);
	else
		rounded_path(e, b->x, b->y, b->w, b->h,
		    b->mask == MASK_ROUNDED ? b->radius : 0, false);
	op(e, "W n");
	num(e, k);
	num(e, 0);
	num(e, 0);
	num(e, k);
	num(e, b->x + (b->w - iw * k) * b->focus_x);
	num(e, b->y + (b->h - ih * k) * b->focus_y);
	op(e, "cm");
	if (pdfimg_is_form(pi)) {
		/* The form is y-up over [0 0 iw ih]. */
		num(e, 1);
		num(e, 0);
		num(e, 0);
		num(e, -1);
		num(e, 0);
		num(e, ih);
		op(e, "cm");
	} else {
		pdfimg_pixels(pi, &rw, &rh);
		image_orientation_matrix(image_orientation(b->image), rw, rh,
		    m);
		for (i = 0; i < 6; i++)
			num(e, m[i]);
		op(e, "cm");
		/* The unit square, its first row at the top. */
		num(e, rw);
		num(e, 0);
		num(e, 0);
		num(e, -rh);
		num(e, 0);
		num(e, rh);
		op(e, "cm");
	}
	g_string_append_printf(e->s, "/Im%d Do\n", n);
}

static void
qr_run(void *arg, int x, int y, int len)
{
	GString *s = arg;

	g_string_append_printf(s, "%d %d %d 1 re\n", QR_QUIET + x,
	    QR_QUIET + y, len);
}

/* The /Fm number of a form with this content, made on first use. */
static int
form_of(struct emit *e, const GString *content, double w, double h)
{
	char *key = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)content->str, content->len);
	struct pdfform f = { key, w, h, NULL, 0 };
	guint i;

	for (i = 0; i < e->forms->len; i++)
		if (strcmp(g_array_index(e->forms, struct pdfform, i).key,
		    key) == 0) {
			g_free(key);
			return (int)i;
		}
	if ((f.content = pdf_deflate(content->str, content->len,
	    &f.len)) == NULL)
		e->failed = true;
	g_array_append_val(e->forms, f);
	return (int)e->forms->len - 1;
}

/*
 * A QR code as paint.c draws it on a vector surface: its ground, then
 * each run of dark modules a rectangle, one fill.  The runs, in
 * modules, are a form that the document writes once however many
 * pages show the same code (a brochure's one link on every page), in
 * the current colour, scaled to the box.
 */
static void
draw_qr(struct emit *e, const struct box *b)
{
	int all = qr_width(b->qr) + 2 * QR_QUIET;
	double m = b->w / all;
	GString *runs = g_string_new(NULL);

	if (b->stroke.a > 0) {
		color(e, &b->stroke, false);
		rect(e, b->x, b->y, m * all, m * all);
		op(e, "f");
	}
	color(e, &b->fill, false);
	num(e, m);
	num(e, 0);
	num(e, 0);
	num(e, m);
	num(e, b->x);
	num(e, b->y);
	op(e, "cm");
	qr_each_run(b->qr, qr_run, runs);
	g_string_append(runs, "f\n");
	g_string_append_printf(e->s, "/Fm%d Do\n", form_of(e, runs, all,
	    all));
	g_string_free(runs, TRUE);
}

static void
crop_marks(struct emit *e, const struct lpage *p)
{
	double seg[8][4];
	int i, n = paint_crop_segments(p, seg);

	op(e, "0 0 0 RG 0.25 w");
	for (i = 0; i < n; i++) {
		move(e, seg[i][0], seg[i][1], "m");
		move(e, seg[i][2], seg[i][3], "l");
	}
	op(e, "S");
}

/* --debug-boxes (paint.c's paint_debug): baselines dotted, then each
 * outline with its name on a white tag. */
static void
draw_debug(struct emit *e, const struct lpage *p)
{
	static const struct color base = { 0, 0.65, 0.9, 0.8 };
	static const struct color tag = { 1, 1, 1, 0.85 };
	size_t i;

	/* One path for every baseline, as cairo strokes them. */
	op(e, "q");
	color(e, &base, true);
	op(e, "0.3 w [1 2] 0 d");
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		PangoLayoutIter *it;

		if (b->kind != BOX_TEXT)
			continue;
		it = pango_layout_get_iter(b->layout);
		do {
			double y = b->y + pango_layout_iter_get_baseline(it) /
			    (double)PANGO_SCALE;

			move(e, b->x, y, "m");
			move(e, b->x + b->w, y, "l");
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
	op(e, "S Q");
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		PangoRectangle ink, logical;
		double x;

		if (b->kind != BOX_DEBUG)
			continue;
		text_end(e);
		op(e, "q");
		color(e, &b->stroke, true);
		num(e, b->stroke_width);
		op(e, "w");
		rect(e, b->x, b->y, b->w, b->h);
		op(e, "S");
		pango_layout_get_pixel_extents(b->layout, &ink, &logical);
		x = b->of_frame ? b->x + b->w - logical.width - 3 : b->x + 1;
		color(e, &tag, false);
		rect(e, x, b->y + 0.5, logical.width + 2, logical.height);
		op(e, "f Q");
		show_layout(e, b->layout, x + 1, b->y + 0.5, 0, 0, &b->stroke);
	}
	text_end(e);
}

static void
draw_box(struct emit *e, const struct box *b)
{
	if (b->kind == BOX_TEXT) {
		draw_text(e, b);
		goto link;
	}
	text_end(e);
	op(e, "q");
	switch (b->kind) {
	case BOX_RECT:
		fill_and_stroke(e, b, rect_of);
		break;
	case BOX_TEXT:		/* above */
		break;
	case BOX_LINE:
		draw_line(e, b);
		break;
	case BOX_IMAGE:
		draw_image(e, b);
		break;
	case BOX_ELLIPSE:
		fill_and_stroke(e, b, ellipse_of);
		break;
	case BOX_QR:
		draw_qr(e, b);
		break;
	case BOX_DEBUG:		/* over everything, below */
	case BOX__MAX:
		break;
	}
	op(e, "Q");
link:
	if (b->uri != NULL) {
		struct pdflink l = { b->x, b->y, b->w, b->h, g_strdup(b->uri) };

		g_array_append_val(e->links, l);
	}
}

static void
draw_page(struct emit *e, const struct lpage *p)
{
	double media = p->height + 2 * p->offset;
	size_t i;

	/* paint.c's space: y down, the trim's top left at the origin. */
	g_string_append_printf(e->s, "1 0 0 -1 0 ");
	num(e, media);
	op(e, "cm");
	num(e, 1);
	num(e, 0);
	num(e, 0);
	num(e, 1);
	num(e, p->offset);
	num(e, p->offset);
	op(e, "cm");
	if (p->background.a > 0) {
		op(e, "q");
		color(e, &p->background, false);
		rect(e, -p->bleed, -p->bleed, p->width + 2 * p->bleed,
		    p->height + 2 * p->bleed);
		op(e, "f Q");
	}
	for (i = 0; i < p->n; i++)
		draw_box(e, &p->boxes[i]);
	text_end(e);
	if (p->crop_marks)
		crop_marks(e, p);
	if (p->debug)
		draw_debug(e, p);
}

struct pdfpage *
pdfpage_make(const struct lpage *p, struct pdfpage_cache *cache,
    struct diag *d)
{
	struct pdfpage *pg = xcalloc(1, sizeof(*pg));
	struct emit e = { 0 };
	guint i;

	pg->w = p->width + 2 * p->offset;
	pg->h = p->height + 2 * p->offset;
	pg->offset = p->offset;
	pg->bleed = p->bleed;
	pg->outline = g_strdup(p->outline);
	pg->has_record = p->record != NULL;
	e.s = g_string_sized_new(16384);
	e.pg = pg;
	e.faces = g_ptr_array_new();
	e.face_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	e.alphas = g_array_new(FALSE, FALSE, sizeof(double));
	e.links = g_array_new(FALSE, FALSE, sizeof(struct pdflink));
	e.images = g_ptr_array_new();
	e.forms = g_array_new(FALSE, FALSE, sizeof(struct pdfform));
	e.cache = cache;
	e.d = d;
	e.ts.font = -1;
	e.ts.str = g_string_new(NULL);
	draw_page(&e, p);
	g_string_free(e.ts.str, TRUE);
	pg->content = pdf_deflate(e.s->str, e.s->len, &pg->len);
	g_string_free(e.s, TRUE);
	g_hash_table_destroy(e.face_of);
	/* The faces' uses move to the page; their measures go. */
	pg->nfonts = e.faces->len;
	pg->fonts = xcalloc(pg->nfonts + 1, sizeof(*pg->fonts));
	for (i = 0; i < e.faces->len; i++) {
		struct face *f = g_ptr_array_index(e.faces, i);

		pg->fonts[i] = f->use;
		f->use.file = NULL;
		f->use.glyphs = NULL;
		face_free(f);
	}
	g_ptr_array_free(e.faces, TRUE);
	pg->nalphas = e.alphas->len;
	pg->alphas = (double *)(void *)g_array_free(e.alphas, FALSE);
	pg->nlinks = e.links->len;
	pg->links = (struct pdflink *)(void *)g_array_free(e.links, FALSE);
	pg->nforms = e.forms->len;
	pg->forms = (struct pdfform *)(void *)g_array_free(e.forms, FALSE);
	pg->nimages = e.images->len;
	pg->images = (struct pdfimg **)g_ptr_array_free(e.images, FALSE);
	if (pg->content == NULL || e.failed) {
		pdfpage_free(pg);
		return NULL;
	}
	return pg;
}

void
pdfpage_free(struct pdfpage *pg)
{
	size_t i;

	if (pg == NULL)
		return;
	g_free(pg->content);
	for (i = 0; i < pg->nfonts; i++)
		pdffont_use_free(&pg->fonts[i]);
	free(pg->fonts);
	for (i = 0; i < pg->nimages; i++)
		pdfimg_unref(pg->images[i]);
	for (i = 0; i < pg->nforms; i++) {
		g_free(pg->forms[i].key);
		g_free(pg->forms[i].content);
	}
	g_free(pg->forms);
	g_free(pg->images);
	g_free(pg->alphas);
	for (i = 0; i < pg->nlinks; i++)
		g_free(pg->links[i].uri);
	g_free(pg->links);
	g_free(pg->outline);
	free(pg);
}
