/*
 * Unit tests for paint.c: a fragment of a paragraph (a text box with a
 * line range, made when text flows on into another frame) draws its
 * lines and nothing of the others.
 *
 * Runs from the repository root, for the bundled fonts in "fonts".
 */
#include <math.h>

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "fonts.h"
#include "layout.h"
#include "paint.h"
#include "style.h"
#include "text.h"
#include "testfonts.h"

#define LH	20.0	/* [pt] the line height: one pixel a point */

/* Rows [from, to) of the surface holding any ink. */
static int
ink_rows(cairo_surface_t *s, int from, int to)
{
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	int w = cairo_image_surface_get_width(s), x, y, n = 0;

	cairo_surface_flush(s);
	for (y = from; y < to; y++)
		for (x = 0; x < w; x++)
			if (px[y * stride + 4 * x + 3] != 0) {
				n++;
				break;
			}
	return n;
}

/*
 * Four lines, lines 1 and 2 drawn at y = 100: ink in both their line
 * bands (100..120, 120..140), none above or below them, and none of
 * the first line's text at the box's own place.
 */
static void
fragment_draws_its_lines(void **state)
{
	struct group *g = *state;
	struct style s = style_default;
	struct text_metrics m;
	struct lpage p = { 0 };
	struct box b = { 0 };
	cairo_surface_t *surf;
	cairo_t *cr;

	s.size = 10;
	s.line_height_factor = 0;
	s.line_height = LH;
	b.kind = BOX_TEXT;
	b.layout = text_layout(g->ctx, &s, "가나다라 마바사아 자차카타 "
	    "파하가나 다라마바 사아자차 카타파하", 100, &m);
	assert_int_equal(m.lines, 4);
	b.x = 10;
	b.y = 100;
	b.w = 100;
	b.h = 2 * LH;
	b.line_first = 1;
	b.line_end = 3;
	b.fill.a = 1;
	p.boxes = &b;
	p.n = 1;
	surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 120, 240);
	cr = cairo_create(surf);
	paint_page(cr, &p);
	cairo_destroy(cr);
	assert_int_equal(ink_rows(surf, 0, 100), 0);
	assert_true(ink_rows(surf, 100, 120) > 5);
	assert_true(ink_rows(surf, 120, 140) > 5);
	assert_int_equal(ink_rows(surf, 140, 240), 0);
	cairo_surface_destroy(surf);
	g_object_unref(b.layout);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fragment_draws_its_lines),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
