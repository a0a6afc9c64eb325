/*
 * The blocks of a flow that are no text: images (and the placeholder
 * drawn for a missing photo), QR codes and rules.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "confine.h"
#include "data.h"
#include "flow.h"
#include "image.h"
#include "qr.h"
#include "style.h"
#include "text.h"
#include "units.h"

/*
 * What a placeholder shows of its text t into buf: the initial (the
 * default), the initials of its first two words, or all of it (then
 * t itself is returned).
 */
static const char *
placeholder_text(enum shows shows, const char *t, char *buf)
{
	const char *w;
	char *o = buf;
	int words = 0;

	if (shows == SHOWS_TEXT)
		return t;
	for (w = t; *w != '\0' && words < (shows == SHOWS_INITIALS ? 2 : 1);
	    words++) {
		while (*w != '\0' && g_unichar_isspace(g_utf8_get_char(w)))
			w = g_utf8_next_char(w);
		if (*w == '\0')
			break;
		o += g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(w)),
		    o);
		while (*w != '\0' && !g_unichar_isspace(g_utf8_get_char(w)))
			w = g_utf8_next_char(w);
	}
	*o = '\0';
	return buf;
}

/*
 * A placeholder for a missing photo that looks intended: the initial of
 * the placeholder text (the name) in white on a disc, or a square with
 * the block's mask, coloured by the record's id.  The palette's colours
 * all carry white large text at WCAG AA (3:1 and more).  The layout (or
 * the data, through templates) may set the ground, the text's colour
 * and what it shows: initials are set a little smaller, a whole text
 * smaller still, wrapped inside the ground.
 */
static double
place_initial(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	static const struct color palette[] = {
		{ 0.80, 0.29, 0.20, 1 }, { 0.16, 0.45, 0.70, 1 },
		{ 0.20, 0.52, 0.33, 1 }, { 0.52, 0.30, 0.65, 1 },
		{ 0.75, 0.38, 0.05, 1 }, { 0.05, 0.50, 0.55, 1 },
		{ 0.70, 0.20, 0.45, 1 }, { 0.35, 0.38, 0.45, 1 },
	};
	const char *id = flow_record_id(f);
	double bw = b->as.image.width > 0 ? fmin(b->as.image.width, w) : w;
	double bh = b->as.image.height > 0 ? b->as.image.height : bw;
	struct style s = style_default;
	struct text_metrics m;
	struct box *disc, *t;
	struct tval v;
	guint hash = g_str_hash(id ? id : "");
	char buf[16];
	const char *shown;
	double inset;

	tmpl_expand(b->as.image.placeholder, &f->scope, &v, f->d);
	if (v.kind != TVAL_TEXT) {
		tval_clear(&v);
		return -1;
	}
	shown = placeholder_text(b->as.image.shows, v.text, buf);
	disc = flow_box_add(f, BOX_RECT, b->name);
	disc->w = bw;
	disc->h = bh;
	disc->y = y;
	disc->x = b->as.image.align == ALIGN_CENTER ? x + (w - bw) / 2 :
	    b->as.image.align == ALIGN_RIGHT ? x + w - bw : x;
	disc->fill = palette[hash % (sizeof(palette) / sizeof(palette[0]))];
	if (b->as.image.ground.tmpl != NULL || b->as.image.ground.value.a > 0)
		flow_color(f, &b->as.image.ground, &disc->fill);
	disc->radius = b->as.image.mask == MASK_CIRCLE ? fmin(bw, bh) / 2 :
	    b->as.image.mask == MASK_ROUNDED ? b->as.image.radius : 0;
	s.size = fmin(bw, bh) * (b->as.image.shows == SHOWS_INITIAL ? 0.46 :
	    b->as.image.shows == SHOWS_INITIALS ? 0.38 : 0.14);
	s.weight = b->as.image.shows == SHOWS_TEXT ? 700 : 800;
	s.align = ALIGN_CENTER;
	s.line_height_factor = 1.2;
	s.color.value = b->as.image.ink.value;
	flow_color(f, &b->as.image.ink, &s.color.value);
	/* A whole text keeps clear of a round ground's edge. */
	inset = b->as.image.shows == SHOWS_TEXT ? bw * 0.15 : 0;
	t = flow_box_add(f, BOX_TEXT, b->name);
	t->layout = text_layout(f->ctx->pango, &s, shown, bw - 2 * inset, &m);
	tval_clear(&v);
	t->x = disc->x + inset;
	t->y = y + (bh - m.height) / 2;
	t->w = bw - 2 * inset;
	t->h = m.height;
	flow_box_style(t, &s);
	return bh;
}

/*
 * Preflight: a photo drawn coarser than the layout's min-dpi is a
 * warning at the node that names it.  The dots per inch are those of
 * the part shown: cover crops, so its scale is the larger one.  An SVG
 * is vectors: any size is sharp.  A print layout (bleed or crop marks:
 * bound for a press) speaks in dpi; a screen layout in its own px
 * (1/96 in, 0.75pt, whatever --scale or --dpi renders it at): how many
 * times a photo is enlarged, which is what a reader sees pixelated.
 */
static void
preflight(struct flow *f, const struct block *b, const struct image *img,
    const struct ynode *src, const struct box *box)
{
	const struct spec *spec = f->ctx->spec;
	double iw = image_width(img), ih = image_height(img);
	double sx = box->w / iw, sy = box->h / ih, dpi, times;
	char *at, limit[64];

	if (spec->min_dpi <= 0 || image_surface(img) == NULL)
		return;
	dpi = 72 / (b->as.image.fit == FIT_COVER ? fmax(sx, sy) :
	    fmin(sx, sy));
	if (dpi >= spec->min_dpi)
		return;
	at = flow_where(f, b->as.image.from_data ?
	    flow_first_field(b->as.image.path) : NULL);
	if (spec->bleed > 0 || spec->crop_marks) {
		diag_warning(f->d, &src->pos, "image printed at %.0f dpi, "
		    "under %.0f dpi: a %.0f×%.0f px image over %.1fmm (%s)",
		    floor(dpi), spec->min_dpi, iw, ih, box->w * 25.4 / 72, at);
	} else {
		/* Rounded up, so the figure is never the limit it passed. */
		times = ceil(96 / dpi * 10 - 1e-6) / 10;
		if (spec->min_dpi_set)
			snprintf(limit, sizeof(limit), "the %.1f times min-dpi: "
			    "%g allows", 96 / spec->min_dpi, spec->min_dpi);
		else
			snprintf(limit, sizeof(limit), "twice its size");
		diag_warning(f->d, &src->pos, "image enlarged %.1f times: a "
		    "%.0f×%.0f px image drawn %.0f×%.0f px, more than %s (%s)",
		    times, iw, ih, iw * 96 / dpi, ih * 96 / dpi, limit, at);
	}
	diag_note(f->d, &b->node->pos, "the image block is here; page: "
	    "min-dpi sets the threshold%s", spec->min_dpi_set ||
	    spec->bleed > 0 || spec->crop_marks ? "" : " (48 dpi unless "
	    "it says: twice the layout's px)");
	g_free(at);
}

/* The block's focus: its own, or the record's where the data gives it
 * (checked up front, color.c; a bad one keeps the centre). */
static void
image_focus(struct flow *f, const struct block *b, struct box *box)
{
	struct tval v;

	box->focus_x = b->as.image.focus_x;
	box->focus_y = b->as.image.focus_y;
	if (b->as.image.focus == NULL)
		return;
	tmpl_expand(b->as.image.focus, &f->scope, &v, f->d);
	if (v.kind == TVAL_TEXT)
		units_parse_focus(v.text, &box->focus_x, &box->focus_y);
	tval_clear(&v);
}

double
flow_image(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	struct tval v;
	struct image *img;
	struct box *box;
	double iw, ih, bw, bh;
	const struct ynode *at;
	const char *base;
	char *path;

	tmpl_expand(b->as.image.path, &f->scope, &v, f->d);
	if (v.kind != TVAL_TEXT) {
		tval_clear(&v);
		return b->as.image.placeholder ?
		    place_initial(f, b, x, y, w) : -1;
	}
	base = b->as.image.from_data ? f->ctx->data->dir : b->as.image.dir;
	path = g_path_is_absolute(v.text) ? g_strdup(v.text) :
	    g_build_filename(base, v.text, NULL);
	at = v.src ? v.src : b->as.image.path->node;
	if (g_file_test(path, G_FILE_TEST_EXISTS) &&
	    !confine_inside(f->ctx->confine, base, path)) {
		diag_error(f->d, &at->pos, "image '%s' is outside the folder of the "
		    "%s that names it ('%s'); --allow-path DIR allows a folder",
		    v.text, b->as.image.from_data ? "data file" :
		    b->as.image.dir != f->ctx->spec->dir ? "theme" : "layout",
		    base);
		img = NULL;
	} else {
		img = image_cache_get(f->ctx->images, path, &at->pos, f->d);
	}
	g_free(path);
	tval_clear(&v);
	if (img == NULL)
		return -1;
	iw = image_width(img);
	ih = image_height(img);
	bw = b->as.image.width > 0 ? fmin(b->as.image.width, w) : w;
	if (b->as.image.height > 0 && b->as.image.width <= 0)
		bw = fmin(w, b->as.image.height * iw / ih);
	bh = b->as.image.height > 0 ? b->as.image.height : bw * ih / iw;
	box = flow_box_add(f, BOX_IMAGE, b->name);
	box->image = img;
	box->fit = b->as.image.fit;
	image_focus(f, b, box);
	box->mask = b->as.image.mask;
	box->radius = b->as.image.radius;
	box->w = bw;
	box->h = bh;
	box->y = y;
	box->x = b->as.image.align == ALIGN_CENTER ? x + (w - bw) / 2 :
	    b->as.image.align == ALIGN_RIGHT ? x + w - bw : x;
	preflight(f, b, img, at, box);
	return bh;
}

/*
 * A QR code of the expanded text, `size` across with its quiet zone.
 * Print wants modules of 0.4mm at least: a smaller one is a warning
 * that says the size that would do.
 */
double
flow_qr(struct flow *f, const struct block *b, double x, double y, double w)
{
	double size = fmin(b->as.qr.size, w), module;
	const struct ynode *src;
	struct tval v;
	struct box *box;
	struct qr *q;

	tmpl_expand(b->as.qr.text, &f->scope, &v, f->d);
	if (v.kind != TVAL_TEXT) {
		tval_clear(&v);
		return -1;
	}
	src = v.src ? v.src : b->as.qr.text->node;
	q = qr_encode(v.text);
	if (q == NULL) {
		diag_error(f->d, &src->pos,
		    "a QR code cannot hold %zu bytes", strlen(v.text));
		tval_clear(&v);
		return -1;
	}
	module = size / (qr_width(q) + 2 * QR_QUIET);
	if (module < 0.4 * 72 / 25.4) {
		char *at = flow_where(f, flow_first_field(b->as.qr.text));

		diag_warning(f->d, &src->pos,
		    "QR code modules are %.2fmm across; print needs 0.4mm: "
		    "make it at least %.0fmm (%s)", module * 25.4 / 72,
		    ceil((qr_width(q) + 2 * QR_QUIET) * 0.4), at);
		diag_note(f->d, &b->node->pos, "the qr block is here");
		g_free(at);
	}
	tval_clear(&v);
	box = flow_box_add(f, BOX_QR, b->name);
	box->qr = q;
	box->w = box->h = size;
	box->y = y;
	box->x = b->as.qr.align == ALIGN_CENTER ? x + (w - size) / 2 :
	    b->as.qr.align == ALIGN_RIGHT ? x + w - size : x;
	box->fill = b->as.qr.color;
	box->stroke = b->as.qr.background;	/* QR: the ground, see box */
	return size;
}

/*
 * An ellipse of its size, made smaller in proportion when it is wider
 * than the column (a circle stays a circle); its height is what it
 * takes in the flow.
 */
double
flow_ellipse(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	struct box *box = flow_box_add(f, BOX_ELLIPSE, b->name);
	double k = fmin(1, w / b->as.ellipse.width);
	double ew = b->as.ellipse.width * k, eh = b->as.ellipse.height * k;

	box->x = b->as.ellipse.align == ALIGN_CENTER ? x + (w - ew) / 2 :
	    b->as.ellipse.align == ALIGN_RIGHT ? x + w - ew : x;
	box->y = y;
	box->w = ew;
	box->h = eh;
	box->fill = b->as.ellipse.fill.value;
	flow_color(f, &b->as.ellipse.fill, &box->fill);
	box->stroke = b->as.ellipse.stroke.value;
	flow_color(f, &b->as.ellipse.stroke, &box->stroke);
	box->stroke_width = b->as.ellipse.stroke_width;
	return eh;
}

double
flow_rule(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	struct box *box = flow_box_add(f, BOX_LINE, b->name);
	double rw = b->as.rule.width > 0 ? fmin(b->as.rule.width, w) : w;

	box->x = b->as.rule.align == ALIGN_CENTER ? x + (w - rw) / 2 :
	    b->as.rule.align == ALIGN_RIGHT ? x + w - rw : x;
	box->y = y;
	box->w = rw;
	box->h = b->as.rule.thickness;
	box->stroke = b->as.rule.color.value;
	flow_color(f, &b->as.rule.color, &box->stroke);
	box->stroke_width = b->as.rule.thickness;
	return b->as.rule.thickness;
}

