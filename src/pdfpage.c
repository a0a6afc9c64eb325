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

/* A face used on the page: its use, and what measures its glyphs. */
struct face {
	struct pdffont_use	 use;
	GHashTable		*seen;		/* gid → 1 */
	hb_font_t		*unscaled;	/* advances in font units */
	double			 upem;
};

struct emit {
	GString			*s;
	struct pdfpage		*pg;
	GPtrArray		*faces;		/* struct face, by /F number */
	GHashTable		*face_of;	/* "file\nindex" → number + 1 */
	GArray			*alphas;	/* double */
	GArray			*links;		/* struct pdflink */
	GPtrArray		*images;	/* struct pdfimg, by /Im number */
	struct pdfimg_cache	*cache;
	struct diag		*d;
	bool			 failed;
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

/* paint.c's rounded_rect(): corners clockwise from the top right. */
static void
rounded_path(struct emit *e, double x, double y, double w, double h,
    double r)
{
	r = fmin(r, fmin(w, h) / 2);
	if (r <= 0) {
		rect(e, x, y, w, h);
		return;
	}
	move(e, x + w - r, y, "m");
	quarter(e, x + w - r, y + r, r, r, 3);
	move(e, x + w, y + h - r, "l");
	quarter(e, x + w - r, y + h - r, r, r, 0);
	move(e, x + r, y + h, "l");
	quarter(e, x + r, y + h - r, r, r, 1);
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
	rounded_path(e, b->x, b->y, b->w, b->h, b->radius);
}

static void
ellipse_of(struct emit *e, const struct box *b)
{
	ellipse_path(e, b->x + b->w / 2, b->y + b->h / 2, b->w / 2, b->h / 2);
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
	g_ptr_array_add(e->faces, f);
	g_hash_table_insert(e->face_of, key, GINT_TO_POINTER(e->faces->len));
	return (int)e->faces->len - 1;
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

/* Ends the TJ array begun (if any): the string so far, then "] TJ". */
static void
tj_flush(struct emit *e, GString *str, bool *open)
{
	if (!*open)
		return;
	if (str->len > 0)
		pdf_literal(e->s, str->str, str->len);
	g_string_truncate(str, 0);
	op(e, "] TJ");
	*open = false;
}

/*
 * One run's glyphs with their baseline origin at (x, y) [pt], in the
 * run's font at size: a text matrix there, then a TJ array.
 */
static void
show_run(struct emit *e, PangoGlyphItem *run, const char *text, double x,
    double y, struct face *f, int fnum, double size)
{
	PangoGlyphString *gs = run->glyphs;
	GString *str = g_string_new(NULL);
	double pen = 0, pdf = 0;	/* Pango's and the viewer's [em] */
	bool open = false;
	int g, item_end = run->item->offset + run->item->length;

	g_string_append_printf(e->s, "/F%d 1 Tf\n", fnum);
	for (g = 0; g < gs->num_glyphs; g++) {
		PangoGlyphInfo *gi = &gs->glyphs[g];
		int at = run->item->offset + gs->log_clusters[g];
		int next = item_end, k;
		double want, adj;
		bool first = g == 0 || gs->log_clusters[g - 1] !=
		    gs->log_clusters[g];

		if (gi->glyph == PANGO_GLYPH_EMPTY ||
		    (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
			pen += gi->geometry.width / (double)PANGO_SCALE / size;
			continue;
		}
		for (k = g + 1; k < gs->num_glyphs; k++)
			if (gs->log_clusters[k] != gs->log_clusters[g]) {
				next = run->item->offset + gs->log_clusters[k];
				break;
			}
		want = pen + gi->geometry.x_offset / (double)PANGO_SCALE / size;
		if (!open || gi->geometry.y_offset != 0) {
			tj_flush(e, str, &open);
			num(e, size);
			num(e, 0);
			num(e, 0);
			num(e, -size);
			num(e, x + want * size);
			num(e, y + gi->geometry.y_offset / (double)PANGO_SCALE);
			op(e, "Tm");
			g_string_append_c(e->s, '[');
			open = true;
			pdf = want;
		}
		/* TJ moves left by adj/1000 em: the viewer is at pdf. */
		adj = round((pdf - want) * 1000 * 1000) / 1000;
		if (fabs(adj) >= 0.001) {
			if (str->len > 0)
				pdf_literal(e->s, str->str, str->len);
			g_string_truncate(str, 0);
			num(e, adj);
			pdf -= adj / 1000;
		}
		put_gid(str, gi->glyph);
		pdf += glyph_use(f, gi->glyph, text + at, first ? next - at :
		    0) / 1000;
		pen += gi->geometry.width / (double)PANGO_SCALE / size;
		if (gi->geometry.y_offset != 0)
			tj_flush(e, str, &open);
	}
	tj_flush(e, str, &open);
	g_string_free(str, TRUE);
}

/* The em size of font [pt], from cairo's font matrix (what a PNG is
 * drawn with); 0 if it cannot be had. */
static double
font_size(PangoFont *font)
{
	cairo_scaled_font_t *sf;
	cairo_matrix_t m;

	if (!PANGO_IS_CAIRO_FONT(font) || (sf = pango_cairo_font_get_scaled_font(
	    PANGO_CAIRO_FONT(font))) == NULL ||
	    cairo_scaled_font_status(sf) != CAIRO_STATUS_SUCCESS)
		return 0;
	cairo_scaled_font_get_font_matrix(sf, &m);
	return m.yy;
}

/*
 * One line of a layout, its baseline's left at (x, y): each run's
 * highlight, then its glyphs, in the run's colour or fg.
 */
static void
show_line(struct emit *e, PangoLayoutLine *line, const char *text,
    double x, double y, const struct color *fg)
{
	PangoRectangle overall;
	GSList *r;
	double at = x;

	pango_layout_line_get_extents(line, NULL, &overall);
	for (r = line->runs; r != NULL; r = r->next) {
		PangoGlyphItem *run = r->data;
		double w = pango_glyph_string_get_width(run->glyphs) /
		    (double)PANGO_SCALE;
		double rise = run->y_offset / (double)PANGO_SCALE;
		struct color c = { 0, 0, 0, 1 }, bg = { 0, 0, 0, 1 };
		double size = font_size(run->item->analysis.font);
		int fnum = face_of(e, run->item->analysis.font);

		if (run_color(run->item, PANGO_ATTR_BACKGROUND,
		    PANGO_ATTR_BACKGROUND_ALPHA, &bg)) {
			op(e, "q");
			color(e, &bg, false);
			rect(e, at, y + overall.y / (double)PANGO_SCALE, w,
			    overall.height / (double)PANGO_SCALE);
			op(e, "f");
			op(e, "Q");
		}
		if (fnum >= 0 && size > 0) {
			c.a = fg->a;
			if (!run_color(run->item, PANGO_ATTR_FOREGROUND,
			    PANGO_ATTR_FOREGROUND_ALPHA, &c))
				c = *fg;
			op(e, "q");
			color(e, &c, false);
			op(e, "BT");
			show_run(e, run, text, at, y - rise,
			    g_ptr_array_index(e->faces, fnum), fnum, size);
			op(e, "ET");
			op(e, "Q");
		}
		at += w;
	}
}

/*
 * The lines [first, end) of layout l (end 0: all) as paint.c draws
 * them: the layout's top left at (x, y), or for a fragment the top of
 * its first line there.
 */
static void
show_layout(struct emit *e, PangoLayout *l, double x, double y, int first,
    int end, const struct color *fg)
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
		show_line(e, pango_layout_iter_get_line_readonly(it), text,
		    x + r.x / (double)PANGO_SCALE, y +
		    (pango_layout_iter_get_baseline(it) - top) /
		    (double)PANGO_SCALE, fg);
	} while ((end <= 0 || ++i < end) && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
draw_text(struct emit *e, const struct box *b)
{
	text_lock();
	show_layout(e, b->layout, b->x, b->y, b->line_end > 0 ?
	    b->line_first : 0, b->line_end, &b->fill);
	text_unlock();
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
	struct pdfimg *pi = pdfimg_get(e->cache, img, e->d);
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
		    b->mask == MASK_ROUNDED ? b->radius : 0);
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

struct qr_emit {
	struct emit	*e;
	double		 x, y, m;
};

static void
qr_run(void *arg, int x, int y, int len)
{
	struct qr_emit *q = arg;

	rect(q->e, q->x + (QR_QUIET + x) * q->m, q->y + (QR_QUIET + y) *
	    q->m, len * q->m, q->m);
}

/* A QR code as paint.c draws it on a vector surface: its ground, then
 * each run of dark modules a rectangle, one fill. */
static void
draw_qr(struct emit *e, const struct box *b)
{
	int all = qr_width(b->qr) + 2 * QR_QUIET;
	struct qr_emit q = { e, b->x, b->y, b->w / all };

	if (b->stroke.a > 0) {
		color(e, &b->stroke, false);
		rect(e, b->x, b->y, q.m * all, q.m * all);
		op(e, "f");
	}
	color(e, &b->fill, false);
	qr_each_run(b->qr, qr_run, &q);
	op(e, "f");
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

	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		PangoLayoutIter *it;

		if (b->kind != BOX_TEXT)
			continue;
		op(e, "q");
		color(e, &base, true);
		op(e, "0.3 w [1 2] 0 d");
		text_lock();
		it = pango_layout_get_iter(b->layout);
		do {
			double y = b->y + pango_layout_iter_get_baseline(it) /
			    (double)PANGO_SCALE;

			move(e, b->x, y, "m");
			move(e, b->x + b->w, y, "l");
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		text_unlock();
		op(e, "S Q");
	}
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		PangoRectangle ink, logical;
		double x;

		if (b->kind != BOX_DEBUG)
			continue;
		op(e, "q");
		color(e, &b->stroke, true);
		num(e, b->stroke_width);
		op(e, "w");
		rect(e, b->x, b->y, b->w, b->h);
		op(e, "S");
		text_lock();
		pango_layout_get_pixel_extents(b->layout, &ink, &logical);
		text_unlock();
		x = b->of_frame ? b->x + b->w - logical.width - 3 : b->x + 1;
		color(e, &tag, false);
		rect(e, x, b->y + 0.5, logical.width + 2, logical.height);
		op(e, "f Q");
		text_lock();
		show_layout(e, b->layout, x + 1, b->y + 0.5, 0, 0, &b->stroke);
		text_unlock();
	}
}

static void
draw_box(struct emit *e, const struct box *b)
{
	op(e, "q");
	switch (b->kind) {
	case BOX_RECT:
		fill_and_stroke(e, b, rect_of);
		break;
	case BOX_TEXT:
		draw_text(e, b);
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
	if (p->crop_marks)
		crop_marks(e, p);
	if (p->debug)
		draw_debug(e, p);
}

struct pdfpage *
pdfpage_make(const struct lpage *p, struct pdfimg_cache *cache,
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
	e.cache = cache;
	e.d = d;
	draw_page(&e, p);
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
	g_free(pg->images);
	g_free(pg->alphas);
	for (i = 0; i < pg->nlinks; i++)
		g_free(pg->links[i].uri);
	g_free(pg->links);
	g_free(pg->outline);
	free(pg);
}
