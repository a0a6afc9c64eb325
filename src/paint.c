/*
 * Paint: box list → cairo drawing.  Boxes are in paint order already.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include <pango/pangocairo.h>

#include "image.h"
#include "paint.h"
#include "qr.h"
#include "text.h"

static void
set_color(cairo_t *cr, const struct color *c)
{
	cairo_set_source_rgba(cr, c->r, c->g, c->b, c->a);
}

static void
rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	r = fmin(r, fmin(w, h) / 2);
	if (r <= 0) {
		cairo_rectangle(cr, x, y, w, h);
		return;
	}
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

/* Fills and strokes the current path as box b says, then clears it. */
static void
fill_and_stroke(cairo_t *cr, const struct box *b)
{
	if (b->fill.a > 0) {
		set_color(cr, &b->fill);
		cairo_fill_preserve(cr);
	}
	if (b->stroke_width > 0 && b->stroke.a > 0) {
		set_color(cr, &b->stroke);
		cairo_set_line_width(cr, b->stroke_width);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

static void
paint_rect(cairo_t *cr, const struct box *b)
{
	rounded_rect(cr, b->x, b->y, b->w, b->h, b->radius);
	fill_and_stroke(cr, b);
}

static void
paint_ellipse(cairo_t *cr, const struct box *b)
{
	/* A unit circle scaled to the box, the path kept when the scale is
	 * undone: the stroke's width then stays even all round. */
	cairo_save(cr);
	cairo_translate(cr, b->x + b->w / 2, b->y + b->h / 2);
	cairo_scale(cr, b->w / 2, b->h / 2);
	cairo_new_path(cr);
	cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
	cairo_close_path(cr);
	cairo_restore(cr);
	fill_and_stroke(cr, b);
}

/*
 * A fragment of a paragraph (text that flows on into another frame)
 * draws only its lines, one by one, at their place in the layout moved
 * up by the top of its first: never the whole layout under a clip,
 * which would put the hidden lines into the PDF (pdftotext would read
 * them twice).
 */
static void
paint_lines(cairo_t *cr, const struct box *b)
{
	PangoLayoutIter *it = pango_layout_get_iter(b->layout);
	PangoRectangle r;
	int i = 0, top = 0;

	do {
		if (i < b->line_first)
			continue;
		pango_layout_iter_get_line_extents(it, NULL, &r);
		if (i == b->line_first)
			top = r.y;
		cairo_move_to(cr, b->x + r.x / (double)PANGO_SCALE, b->y +
		    (pango_layout_iter_get_baseline(it) - top) /
		    (double)PANGO_SCALE);
		pango_cairo_show_layout_line(cr,
		    pango_layout_iter_get_line_readonly(it));
	} while (++i < b->line_end && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void
paint_text(cairo_t *cr, const struct box *b)
{
	set_color(cr, &b->fill);
	text_lock();
	if (b->line_end > 0) {
		paint_lines(cr, b);
	} else {
		cairo_move_to(cr, b->x, b->y);
		pango_cairo_show_layout(cr, b->layout);
	}
	text_unlock();
}

static void
paint_line(cairo_t *cr, const struct box *b)
{
	set_color(cr, &b->stroke);
	cairo_rectangle(cr, b->x, b->y, b->w, b->h);
	cairo_fill(cr);
}

/*
 * Scales the image into the box: contain shows all, cover fills; the
 * focus (CSS object-position) places what is left over or cut off.
 */
static void
paint_image(cairo_t *cr, const struct box *b)
{
	cairo_surface_t *s = image_surface(b->image);
	double iw = image_width(b->image), ih = image_height(b->image);
	double sx = b->w / iw, sy = b->h / ih;
	double k = b->fit == FIT_COVER ? fmax(sx, sy) : fmin(sx, sy);
	double rw = s ? cairo_image_surface_get_width(s) : iw;
	double rh = s ? cairo_image_surface_get_height(s) : ih, v[6];
	cairo_matrix_t m;

	cairo_save(cr);
	/*
	 * A text leaves its start as the current point, and cairo_arc()
	 * after a current point first draws a line to the arc: in the
	 * clip, a hairline beside the photo in PDF and SVG.
	 */
	cairo_new_path(cr);
	if (b->mask == MASK_CIRCLE)
		cairo_arc(cr, b->x + b->w / 2, b->y + b->h / 2,
		    /*radius*/ fmin(b->w, b->h) / 2, 0, 2 * M_PI);
	else
		rounded_rect(cr, b->x, b->y, b->w, b->h,
		    b->mask == MASK_ROUNDED ? b->radius : 0);
	cairo_clip(cr);
	cairo_translate(cr, b->x + (b->w - iw * k) * b->focus_x,
	    b->y + (b->h - ih * k) * b->focus_y);
	cairo_scale(cr, k, k);
	if (image_draw_svg(b->image, cr, iw, ih)) {
		cairo_restore(cr);
		return;
	}
	image_orientation_matrix(image_orientation(b->image), rw, rh, v);
	cairo_matrix_init(&m, v[0], v[1], v[2], v[3], v[4], v[5]);
	cairo_transform(cr, &m);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	/* A fill, not cairo_paint(): see paint_page(). */
	cairo_rectangle(cr, 0, 0, rw, rh);
	cairo_fill(cr);
	cairo_restore(cr);
}

struct qr_rects {
	cairo_t	*cr;
	double	 x, y, m;	/* the code's top left, a module [user] */
};

static void
qr_rect(void *arg, int x, int y, int len)
{
	struct qr_rects *q = arg;

	cairo_rectangle(q->cr, q->x + (QR_QUIET + x) * q->m,
	    q->y + (QR_QUIET + y) * q->m, len * q->m, q->m);
}

/*
 * A QR code: runs of dark modules as rectangles, vector in PDF and SVG.
 * On a raster the module is snapped to whole pixels without
 * antialiasing, so every module is crisp (the code may come out a few
 * pixels smaller than its box, centred in it).
 */
static void
paint_qr(cairo_t *cr, const struct box *b)
{
	int all = qr_width(b->qr) + 2 * QR_QUIET;
	double m = b->w / all, ox = b->x, oy = b->y;
	struct qr_rects q;

	cairo_save(cr);
	if (cairo_surface_get_type(cairo_get_target(cr)) ==
	    CAIRO_SURFACE_TYPE_IMAGE) {
		double bw = b->w, zero = 0, dx = b->x, dy = b->y, cs;

		cairo_user_to_device_distance(cr, &bw, &zero);
		cairo_user_to_device(cr, &dx, &dy);
		m = fmax(1, floor(bw / all));	/* whole device pixels */
		cs = m * all;
		ox = round(dx + (bw - cs) / 2);
		oy = round(dy + (bw - cs) / 2);
		cairo_identity_matrix(cr);
		cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
	}
	if (b->stroke.a > 0) {
		/* The ground, quiet zone included: light under any page. */
		set_color(cr, &b->stroke);
		cairo_rectangle(cr, ox, oy, m * all, m * all);
		cairo_fill(cr);
	}
	set_color(cr, &b->fill);
	q.cr = cr;
	q.x = ox;
	q.y = oy;
	q.m = m;
	qr_each_run(b->qr, qr_rect, &q);
	cairo_fill(cr);
	cairo_restore(cr);
}

/*
 * Crop marks: at each trim corner, two hairlines along the trim edges,
 * in the slug outside the bleed (they start 1mm past it), pointing at
 * the corner:
 *
 *          |                |
 *     ──   ┌ ─ bleed ─ ─ ─ ┐   ──
 *          ¦ ┌── trim ───┐ ¦
 */
int
paint_crop_segments(const struct lpage *p, double seg[8][4])
{
	double gap = p->bleed + 72 / 25.4, len = 5 * 72 / 25.4;
	double xs[2] = { 0, p->width }, ys[2] = { 0, p->height };
	int i, j, n = 0;

	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			double sx = i ? 1 : -1, sy = j ? 1 : -1;
			double h[4] = { xs[i] + sx * gap, ys[j],
			    xs[i] + sx * (gap + len), ys[j] };
			double v[4] = { xs[i], ys[j] + sy * gap, xs[i],
			    ys[j] + sy * (gap + len) };

			memcpy(seg[n++], h, sizeof(h));
			memcpy(seg[n++], v, sizeof(v));
		}
	return n;
}

static void
crop_marks(cairo_t *cr, const struct lpage *p)
{
	double seg[8][4];
	int i, n = paint_crop_segments(p, seg);

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.25);
	for (i = 0; i < n; i++) {
		cairo_move_to(cr, seg[i][0], seg[i][1]);
		cairo_line_to(cr, seg[i][2], seg[i][3]);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* The baselines of a text box's lines, dotted. */
static void
baselines(cairo_t *cr, const struct box *b)
{
	PangoLayoutIter *it = pango_layout_get_iter(b->layout);
	static const double dots[] = { 1, 2 };

	cairo_set_source_rgba(cr, 0, 0.65, 0.9, 0.8);
	cairo_set_line_width(cr, 0.3);
	cairo_set_dash(cr, dots, 2, 0);
	do {
		double y = b->y + pango_layout_iter_get_baseline(it) /
		    (double)PANGO_SCALE;

		cairo_move_to(cr, b->x, y);
		cairo_line_to(cr, b->x + b->w, y);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

/*
 * A box's name on a white tag: a frame's in its top right corner, a
 * block's in its top left, so that a frame and its first block do not
 * print their names over each other.
 */
static void
label(cairo_t *cr, const struct box *b)
{
	PangoRectangle ink, logical;
	double x;

	pango_layout_get_pixel_extents(b->layout, &ink, &logical);
	x = b->of_frame ? b->x + b->w - logical.width - 3 : b->x + 1;
	cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
	cairo_rectangle(cr, x, b->y + 0.5, logical.width + 2,
	    logical.height);
	cairo_fill(cr);
	set_color(cr, &b->stroke);
	cairo_move_to(cr, x + 1, b->y + 0.5);
	text_lock();
	pango_cairo_show_layout(cr, b->layout);
	text_unlock();
}

/*
 * --debug-boxes, over the page: every frame (magenta) and block (cyan)
 * outlined in a hairline with its name, and every text line's baseline.
 * Guide colours, as layout programs draw them; they are in the file,
 * though, so such a render is for looking, not for printing.
 */
static void
paint_debug(cairo_t *cr, const struct lpage *p)
{
	size_t i;

	cairo_save(cr);
	for (i = 0; i < p->n; i++)
		if (p->boxes[i].kind == BOX_TEXT)
			baselines(cr, &p->boxes[i]);
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];

		if (b->kind != BOX_DEBUG)
			continue;
		set_color(cr, &b->stroke);
		cairo_set_line_width(cr, b->stroke_width);
		cairo_rectangle(cr, b->x, b->y, b->w, b->h);
		cairo_stroke(cr);
		label(cr, b);
	}
	cairo_restore(cr);
}

void
paint_page(cairo_t *cr, const struct lpage *p)
{
	size_t i;

	cairo_save(cr);
	cairo_translate(cr, p->offset, p->offset);
	if (p->background.a > 0) {
		/* Over the bleed too, but not the slug with the marks. */
		set_color(cr, &p->background);
		cairo_rectangle(cr, -p->bleed, -p->bleed, p->width + 2 * p->bleed,
		    p->height + 2 * p->bleed);
		cairo_fill(cr);
	}
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];

		switch (b->kind) {
		case BOX_RECT:
			paint_rect(cr, b);
			break;
		case BOX_TEXT:
			paint_text(cr, b);
			break;
		case BOX_LINE:
			paint_line(cr, b);
			break;
		case BOX_IMAGE:
			paint_image(cr, b);
			break;
		case BOX_ELLIPSE:
			paint_ellipse(cr, b);
			break;
		case BOX_QR:
			paint_qr(cr, b);
			break;
		case BOX_DEBUG:		/* over everything, below */
		case BOX__MAX:
			break;
		}
	}
	if (p->crop_marks)
		crop_marks(cr, p);
	if (p->debug)
		paint_debug(cr, p);
	cairo_restore(cr);
}

struct paint_link *
paint_links_of(const struct lpage *p, size_t *n)
{
	struct paint_link *l = NULL;
	size_t i;

	*n = 0;
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];

		if (b->uri == NULL)
			continue;
		l = g_renew(struct paint_link, l, *n + 1);
		l[*n].x = b->x + p->offset;
		l[*n].y = b->y + p->offset;
		l[*n].w = b->w;
		l[*n].h = b->h;
		l[*n].uri = g_strdup(b->uri);
		(*n)++;
	}
	return l;
}

/*
 * Each link is a tag with its rectangle given, so it needs no drawing
 * inside: the page may have been painted from a recording.  cairo
 * reads the URI between single quotes, so a quote or backslash in it
 * is escaped.  cairo 1.16 writes a broken xref for a PDF whose only
 * tags are links (qpdf calls it damaged); a Document tag around them
 * avoids it (KOREAN.md).  Nothing is painted inside a tag: a
 * cairo_paint() there makes every tag of the next page fail.
 */
void
paint_links(cairo_t *cr, const struct paint_link *l, size_t n)
{
	GString *attr = g_string_new(NULL);
	size_t i;
	const char *c;

	cairo_tag_begin(cr, "Document", NULL);
	for (i = 0; i < n; i++) {
		g_string_assign(attr, "uri='");
		for (c = l[i].uri; *c; c++) {
			if (*c == '\'' || *c == '\\')
				g_string_append_c(attr, '\\');
			g_string_append_c(attr, *c);
		}
		g_string_append_printf(attr, "' rect=[%.3f %.3f %.3f %.3f]",
		    l[i].x, l[i].y, l[i].w, l[i].h);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr->str);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
	}
	cairo_tag_end(cr, "Document");
	g_string_free(attr, TRUE);
}

void
paint_links_free(struct paint_link *l, size_t n)
{
	while (n > 0)
		g_free(l[--n].uri);
	g_free(l);
}

/*
 * A recording surface is a list of cairo drawing calls: made in a
 * worker thread, replayed into the PDF by the main thread.  It holds
 * only cairo objects (glyphs and scaled fonts, image surfaces), none
 * of Pango's, which stay in the thread that made them.
 */
struct paint_rec *
paint_record(const struct lpage *p)
{
	cairo_rectangle_t ext = { 0, 0, p->width + 2 * p->offset,
	    p->height + 2 * p->offset };
	cairo_surface_t *rec = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cairo_t *cr = cairo_create(rec);

	paint_page(cr, p);
	cairo_destroy(cr);
	return (struct paint_rec *)rec;
}

void
paint_replay(cairo_t *cr, struct paint_rec *rec)
{
	cairo_set_source_surface(cr, (cairo_surface_t *)rec, 0, 0);
	text_lock();	/* its glyphs go through cairo's glyph caches */
	cairo_paint(cr);
	text_unlock();
}

void
paint_record_free(struct paint_rec *rec)
{
	if (rec == NULL)
		return;
	text_lock();	/* may let go of the last use of a font */
	cairo_surface_destroy((cairo_surface_t *)rec);
	text_unlock();
}
