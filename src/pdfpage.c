/*
 * A laid-out page as a PDF content stream, box by box in paint.c's
 * order and geometry.  The user space is paint.c's: points from the
 * media's top left, y down (the stream's first operator flips PDF's);
 * each box draws inside q … Q so no state leaks to the next.
 * Text is pdftext.c's.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "image.h"
#include "layout.h"
#include "mem.h"
#include "paint.h"
#include "pdfemit.h"
#include "pdffont.h"
#include "pdfimg.h"
#include "pdfpage.h"
#include "pdfw.h"
#include "qr.h"

void
emit_num(struct emit *e, double v)
{
	pdf_num(e->s, v);
}

void
emit_op(struct emit *e, const char *o)
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

/* The /CS name of spot colour c's Separation, made on first use. */
static guint
spot_space(struct emit *e, const struct color *c)
{
	guint i;

	for (i = 0; i < e->spots->len; i++) {
		const struct color *s = &g_array_index(e->spots, struct color,
		    i);

		if (s->spot == c->spot &&
		    memcmp(s->cmyk, c->cmyk, sizeof(c->cmyk)) == 0)
			return i;
	}
	g_array_append_val(e->spots, *c);
	return e->spots->len - 1;
}

/*
 * The colour for filling or stroking, as it was given: sRGB (rg, RG),
 * CMYK (k, K) or a spot colour at full tint (cs and scn, CS and SCN);
 * with its opacity.
 */
void
emit_color(struct emit *e, const struct color *c, bool stroke)
{
	int i;

	switch (c->space) {
	case COLOR_CMYK:
		for (i = 0; i < 4; i++)
			emit_num(e, c->cmyk[i]);
		emit_op(e, stroke ? "K" : "k");
		break;
	case COLOR_SPOT:
		g_string_append_printf(e->s, "/CS%u %s 1 %s\n",
		    spot_space(e, c), stroke ? "CS" : "cs",
		    stroke ? "SCN" : "scn");
		break;
	default:
		emit_num(e, c->r);
		emit_num(e, c->g);
		emit_num(e, c->b);
		emit_op(e, stroke ? "RG" : "rg");
		e->pg->rgb++;
		break;
	}
	if (c->a < 1)
		g_string_append_printf(e->s, "/GS%u gs\n",
		    alpha_state(e, c->a));
}

static void
move(struct emit *e, double x, double y, const char *o)
{
	emit_num(e, x);
	emit_num(e, y);
	emit_op(e, o);
}

void
emit_rect(struct emit *e, double x, double y, double w, double h)
{
	emit_num(e, x);
	emit_num(e, y);
	emit_num(e, w);
	emit_num(e, h);
	emit_op(e, "re");
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

	emit_num(e, cx + rx * (x0 - k * y0));
	emit_num(e, cy + ry * (y0 + k * x0));
	emit_num(e, cx + rx * (x1 + k * y1));
	emit_num(e, cy + ry * (y1 - k * x1));
	emit_num(e, cx + rx * x1);
	emit_num(e, cy + ry * y1);
	emit_op(e, "c");
}

static void
ellipse_path(struct emit *e, double cx, double cy, double rx, double ry)
{
	int a;

	move(e, cx + rx, cy, "m");
	for (a = 0; a < 4; a++)
		quarter(e, cx, cy, rx, ry, a);
	emit_op(e, "h");
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
		emit_rect(e, x, y, w, h);
		return;
	}
	if (moved) {
		g_string_append(e->s, "1 0 0 1 ");
		emit_num(e, x);
		emit_num(e, y);
		emit_op(e, "cm");
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
	emit_op(e, "h");
}

/* Box b's fill and stroke of the path path() draws (twice: a PDF path
 * is gone once painted). */
static void
fill_and_stroke(struct emit *e, const struct box *b,
    void (*path)(struct emit *, const struct box *))
{
	if (b->fill.a > 0) {
		emit_op(e, "q");
		emit_color(e, &b->fill, false);
		path(e, b);
		emit_op(e, "f");
		emit_op(e, "Q");
	}
	if (b->stroke_width > 0 && b->stroke.a > 0) {
		emit_op(e, "q");
		emit_color(e, &b->stroke, true);
		emit_num(e, b->stroke_width);
		emit_op(e, "w");
		path(e, b);
		emit_op(e, "S");
		emit_op(e, "Q");
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
	emit_num(e, b->x + b->w / 2);
	emit_num(e, b->y + b->h / 2);
	emit_op(e, "cm");
	ellipse_path(e, 0, 0, b->w / 2, b->h / 2);
}

/*
 * No text_lock() here: every layout was shaped, its lines made, under
 * the lock when it was laid out (text.c), and reading its glyphs
 * shapes nothing nor touches cairo's glyph caches.
 */
/* Counts the Hangul and Latin letters of lines [first, end) of l. */
static void
count_scripts(struct pdfpage *pg, PangoLayout *l, int first, int end)
{
	const char *text = pango_layout_get_text(l);
	int i;

	if (end <= 0)
		end = pango_layout_get_line_count(l);
	for (i = first; i < end; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
		const char *p = text + line->start_index;
		const char *stop = p + line->length;

		for (; p < stop; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);

			GUnicodeScript script;

			if (!g_unichar_isalpha(c))
				continue;
			script = g_unichar_get_script(c);
			if (script == G_UNICODE_SCRIPT_HANGUL)
				pg->hangul++;
			else if (script == G_UNICODE_SCRIPT_LATIN)
				pg->latin++;
		}
	}
}

static void
draw_text(struct emit *e, const struct box *b)
{
	int first = b->line_end > 0 ? b->line_first : 0;

	count_scripts(e->pg, b->layout, first, b->line_end);
	pdftext_layout(e, b->layout, b->x, b->y, first, b->line_end,
	    &b->fill);
}

static void
draw_line(struct emit *e, const struct box *b)
{
	emit_color(e, &b->stroke, false);
	emit_rect(e, b->x, b->y, b->w, b->h);
	emit_op(e, "f");
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
	emit_op(e, "W n");
	emit_num(e, k);
	emit_num(e, 0);
	emit_num(e, 0);
	emit_num(e, k);
	emit_num(e, b->x + (b->w - iw * k) * b->focus_x);
	emit_num(e, b->y + (b->h - ih * k) * b->focus_y);
	emit_op(e, "cm");
	if (pdfimg_is_form(pi)) {
		/* The form is y-up over [0 0 iw ih]. */
		emit_num(e, 1);
		emit_num(e, 0);
		emit_num(e, 0);
		emit_num(e, -1);
		emit_num(e, 0);
		emit_num(e, ih);
		emit_op(e, "cm");
	} else {
		pdfimg_pixels(pi, &rw, &rh);
		image_orientation_matrix(image_orientation(b->image), rw, rh,
		    m);
		for (i = 0; i < 6; i++)
			emit_num(e, m[i]);
		emit_op(e, "cm");
		/* The unit square, its first row at the top. */
		emit_num(e, rw);
		emit_num(e, 0);
		emit_num(e, 0);
		emit_num(e, -rh);
		emit_num(e, 0);
		emit_num(e, rh);
		emit_op(e, "cm");
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
		emit_color(e, &b->stroke, false);
		emit_rect(e, b->x, b->y, m * all, m * all);
		emit_op(e, "f");
	}
	emit_color(e, &b->fill, false);
	emit_num(e, m);
	emit_num(e, 0);
	emit_num(e, 0);
	emit_num(e, m);
	emit_num(e, b->x);
	emit_num(e, b->y);
	emit_op(e, "cm");
	qr_each_run(b->qr, qr_run, runs);
	g_string_append(runs, "f\n");
	g_string_append_printf(e->s, "/Fm%d Do\n", form_of(e, runs, all,
	    all));
	g_string_free(runs, TRUE);
}

/*
 * Crop marks, in the registration colour: the Separation /All, which a
 * printer puts on every plate, so that they line up on each (CMYK black
 * would be on the black plate only; RGB black, converted, on some).
 */
static void
crop_marks(struct emit *e, const struct lpage *p)
{
	struct color all = { 0, 0, 0, 1, { 1, 1, 1, 1 }, NULL, COLOR_SPOT };
	double seg[8][4];
	int i, n = paint_crop_segments(p, seg);

	all.spot = g_intern_static_string("All");
	emit_color(e, &all, true);
	emit_op(e, "0.25 w");
	for (i = 0; i < n; i++) {
		move(e, seg[i][0], seg[i][1], "m");
		move(e, seg[i][2], seg[i][3], "l");
	}
	emit_op(e, "S");
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
	emit_op(e, "q");
	emit_color(e, &base, true);
	emit_op(e, "0.3 w [1 2] 0 d");
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
	emit_op(e, "S Q");
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		PangoRectangle ink, logical;
		double x;

		if (b->kind != BOX_DEBUG)
			continue;
		pdftext_end(e);
		emit_op(e, "q");
		emit_color(e, &b->stroke, true);
		emit_num(e, b->stroke_width);
		emit_op(e, "w");
		emit_rect(e, b->x, b->y, b->w, b->h);
		emit_op(e, "S");
		pango_layout_get_pixel_extents(b->layout, &ink, &logical);
		x = b->of_frame ? b->x + b->w - logical.width - 3 : b->x + 1;
		emit_color(e, &tag, false);
		emit_rect(e, x, b->y + 0.5, logical.width + 2, logical.height);
		emit_op(e, "f Q");
		pdftext_layout(e, b->layout, x + 1, b->y + 0.5, 0, 0, &b->stroke);
	}
	pdftext_end(e);
}

const char *const pdf_stag[STAG__MAX] = {
	[STAG_NONE] = "Artifact", [STAG_P] = "P", [STAG_H1] = "H1",
	[STAG_H2] = "H2", [STAG_H3] = "H3", [STAG_H4] = "H4",
	[STAG_H5] = "H5", [STAG_H6] = "H6", [STAG_QUOTE] = "BlockQuote",
	[STAG_FIGURE] = "Figure", [STAG_LBODY] = "LBody", [STAG_LBL] = "Lbl",
};

/* Opens a run of artifacts, unless one is open. */
static void
artifact_begin(struct emit *e)
{
	if (e->artifact)
		return;
	pdftext_end(e);
	emit_op(e, "/Artifact BMC");
	e->artifact = true;
}

/*
 * Opens box b's marked-content sequence: the next of its element's
 * (an MCID, numbered in page order), or an artifact.  A text object
 * is closed at both ends of a sequence; a run of artifacts is one.
 */
static void
mark_begin(struct emit *e, const struct box *b)
{
	struct pdfmark m = { b->tag, b->rank, b->tag_cont, b->tag_list, -1,
	    NULL, b->lang };

	if (b->tag == STAG_NONE) {
		artifact_begin(e);
		return;
	}
	pdftext_end(e);
	if (e->artifact)
		emit_op(e, "EMC");
	e->artifact = false;
	g_string_append_printf(e->s, "/%s <</MCID %u>> BDC\n", pdf_stag[b->tag],
	    e->marks->len);
	m.alt = g_strdup(b->alt);
	g_array_append_val(e->marks, m);
}

static void
draw_box(struct emit *e, const struct box *b)
{
	mark_begin(e, b);
	if (b->kind == BOX_TEXT)
		draw_text(e, b);
	else
		pdftext_end(e);
	if (b->kind != BOX_TEXT && b->kind != BOX_DEBUG)
		emit_op(e, "q");
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
	if (b->kind != BOX_TEXT && b->kind != BOX_DEBUG)
		emit_op(e, "Q");
	if (b->tag != STAG_NONE) {
		pdftext_end(e);
		emit_op(e, "EMC");
	}
	if (b->uri != NULL) {
		struct pdflink l = { b->x, b->y, b->w, b->h, g_strdup(b->uri),
		    b->layout != NULL ? g_strdup(pango_layout_get_text(
		    b->layout)) : NULL };

		/* The link is its element's: Link, with its annotation. */
		if (b->tag != STAG_NONE)
			g_array_index(e->marks, struct pdfmark,
			    e->marks->len - 1).link = (int)e->links->len;
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
	emit_num(e, media);
	emit_op(e, "cm");
	emit_num(e, 1);
	emit_num(e, 0);
	emit_num(e, 0);
	emit_num(e, 1);
	emit_num(e, p->offset);
	emit_num(e, p->offset);
	emit_op(e, "cm");
	if (p->background.a > 0) {
		artifact_begin(e);
		emit_op(e, "q");
		emit_color(e, &p->background, false);
		emit_rect(e, -p->bleed, -p->bleed, p->width + 2 * p->bleed,
		    p->height + 2 * p->bleed);
		emit_op(e, "f Q");
	}
	for (i = 0; i < p->n; i++)
		draw_box(e, &p->boxes[i]);
	pdftext_end(e);
	if (p->crop_marks || p->debug)
		artifact_begin(e);
	if (p->crop_marks)
		crop_marks(e, p);
	/* The guides as optional content: a layer a viewer shows and a
	 * printer leaves out (out_pdfn.c). */
	if (p->debug) {
		emit_op(e, "/OC /Debug BDC");
		draw_debug(e, p);
		pdftext_end(e);
		emit_op(e, "EMC");
		e->pg->debug = true;
	}
	pdftext_end(e);
	if (e->artifact)
		emit_op(e, "EMC");
}

struct pdfpage *
pdfpage_make(const struct lpage *p, struct pdfpage_cache *cache,
    struct diag *d)
{
	struct pdfpage *pg = xcalloc(1, sizeof(*pg));
	struct emit e = { 0 };

	pg->w = p->width + 2 * p->offset;
	pg->h = p->height + 2 * p->offset;
	pg->offset = p->offset;
	pg->bleed = p->bleed;
	pg->outline = g_strdup(p->outline);
	pg->has_record = p->record != NULL;
	e.s = g_string_sized_new(16384);
	e.pg = pg;
	e.faces = g_ptr_array_new();
	e.font_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	e.face_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	e.alphas = g_array_new(FALSE, FALSE, sizeof(double));
	e.spots = g_array_new(FALSE, FALSE, sizeof(struct color));
	e.links = g_array_new(FALSE, FALSE, sizeof(struct pdflink));
	e.images = g_ptr_array_new();
	e.forms = g_array_new(FALSE, FALSE, sizeof(struct pdfform));
	e.marks = g_array_new(FALSE, FALSE, sizeof(struct pdfmark));
	e.cache = cache;
	e.d = d;
	e.ts.font = -1;
	e.ts.str = g_string_new(NULL);
	draw_page(&e, p);
	g_string_free(e.ts.str, TRUE);
	pg->content = pdf_deflate(e.s->str, e.s->len, &pg->len);
	g_string_free(e.s, TRUE);
	g_hash_table_destroy(e.face_of);
	g_hash_table_destroy(e.font_of);
	pdftext_fonts(&e, pg);
	pg->nalphas = e.alphas->len;
	pg->alphas = (double *)(void *)g_array_free(e.alphas, FALSE);
	pg->nspots = e.spots->len;
	pg->spots = (struct color *)(void *)g_array_free(e.spots, FALSE);
	pg->nlinks = e.links->len;
	pg->links = (struct pdflink *)(void *)g_array_free(e.links, FALSE);
	pg->nforms = e.forms->len;
	pg->forms = (struct pdfform *)(void *)g_array_free(e.forms, FALSE);
	pg->nimages = e.images->len;
	pg->images = (struct pdfimg **)g_ptr_array_free(e.images, FALSE);
	pg->nmarks = e.marks->len;
	pg->marks = (struct pdfmark *)(void *)g_array_free(e.marks, FALSE);
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
	g_free(pg->spots);
	for (i = 0; i < pg->nlinks; i++) {
		g_free(pg->links[i].uri);
		g_free(pg->links[i].text);
	}
	g_free(pg->links);
	g_free(pg->outline);
	for (i = 0; i < pg->nmarks; i++)
		g_free(pg->marks[i].alt);
	g_free(pg->marks);
	free(pg);
}
