/*
 * --debug-boxes: an outline for each frame (magenta) and block (cyan),
 * with its name set small in its top left corner.  A text that fitting
 * sized says the size it got ("text 36.1pt"), and one under its
 * fit-warn is outlined in red with the mark ("text 28.4px < fit-warn
 * 30.0px"): the picture says what the warning says.
 */
#include <math.h>

#include <glib.h>
#include <pango/pango.h>

#include "block.h"
#include "flow.h"
#include "spec.h"
#include "text.h"
#include "units.h"

static struct box *
debug_box(struct flow *f, double x, double y, double w, double h,
    const char *name, bool frame)
{
	static const struct color magenta = { 1, 0, 1, 0.9 };
	static const struct color cyan = { 0, 0.65, 0.9, 0.9 };
	PangoFontDescription *fd;
	struct box *b;

	b = flow_box_add(f, BOX_DEBUG, name);
	b->of_frame = frame;
	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->stroke = frame ? magenta : cyan;
	b->stroke_width = frame ? 0.75 : 0.5;
	b->layout = pango_layout_new(f->ctx->pango);
	/* 7pt on A4, larger in proportion on a wider page (a 1080px card). */
	fd = pango_font_description_from_string("Lato, NanumGothic Bold");
	pango_font_description_set_absolute_size(fd, PANGO_SCALE *
	    fmax(7, 7 * f->page->width / 595));
	pango_layout_set_font_description(b->layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(b->layout, name, -1);
	text_shape(b->layout);
	f->page->debug = true;
	return b;
}

void
debug_frame(struct flow *f, const struct frame *fr)
{
	if (f->ctx->debug && !f->count_only)
		debug_box(f, fr->x, fr->y, fr->w, fr->h, fr->name, true);
}

void
debug_block(struct flow *f, const struct block *b, double x, double y,
    double w, double h)
{
	static const struct color red = { 0.9, 0.1, 0.1, 0.95 };
	const char *name = b->name ? b->name : block_kinds[b->kind].name;
	const enum unit u = b->as.text.fit_unit;
	struct box *box;
	double size;
	char *label;
	bool under;

	if (!f->ctx->debug || f->count_only)
		return;
	if (b->kind != BLOCK_TEXT || b->as.text.fit_max <= 0) {
		debug_box(f, x, y, w, h, name, false);
		return;
	}
	size = fit_size(f, b);
	under = fitwarn_under(b, size);
	label = under ? g_strdup_printf("%s %s < fit-warn %s", name,
	    units_format(u, size).s, units_format(u,
	    b->as.text.fit_warn).s) : g_strdup_printf("%s %s", name,
	    units_format(u, size).s);
	box = debug_box(f, x, y, w, h, label, false);
	if (under) {
		box->stroke = red;
		box->stroke_width = 1;
	}
	g_free(label);
}
