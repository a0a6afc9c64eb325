/*
 * Unit tests for pngenc.c: every PNG it writes decodes, with cairo's
 * own reader (libpng), to exactly the pixels it was given: noise (no
 * two neighbours alike), flat colour with anti-aliased text (a card),
 * and the odd widths 1 to 7 where the row packing's edges are; and the
 * same pixels give the same bytes wherever igzip's state lies in memory.
 */
#define _GNU_SOURCE	/* MAP_FIXED_NOREPLACE */
#include <sys/mman.h>

#include <errno.h>

#include <cairo.h>

#include "testutil.h"
#include "pngenc.h"

struct reader {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
read_mem(void *closure, unsigned char *data, unsigned int len)
{
	struct reader *r = closure;

	if (len > r->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->p, len);
	r->p += len;
	r->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

/* Encodes s, decodes the file, and compares every pixel. */
static void
round_trip(cairo_surface_t *s)
{
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	size_t len;
	unsigned char *png;
	struct reader r;
	cairo_surface_t *back;
	int x, y;

	cairo_surface_flush(s);
	png = pngenc_rgb24(cairo_image_surface_get_data(s), w, h, stride, &len);
	assert_non_null(png);
	r.p = png;
	r.left = len;
	back = cairo_image_surface_create_from_png_stream(read_mem, &r);
	assert_int_equal(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(back), w);
	assert_int_equal(cairo_image_surface_get_height(back), h);
	assert_int_equal(r.left, 0);	/* nothing after IEND */
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			uint32_t a = ((const uint32_t *)(const void *)(
			    cairo_image_surface_get_data(s) + y * stride))[x];
			uint32_t b = ((const uint32_t *)(const void *)(
			    cairo_image_surface_get_data(back) +
			    y * cairo_image_surface_get_stride(back)))[x];

			if ((a & 0xffffff) != (b & 0xffffff))
				fail_msg("%d×%d: pixel (%d, %d) is %06x, was "
				    "%06x", w, h, x, y, b & 0xffffff,
				    a & 0xffffff);
		}
	cairo_surface_destroy(back);
	free(png);
}

static void
test_noise(void **state)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    301, 97);
	unsigned char *d = cairo_image_surface_get_data(s);
	uint32_t seed = 12345;
	int i, n = cairo_image_surface_get_stride(s) * 97;

	(void)state;
	for (i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		d[i] = (unsigned char)(seed >> 16);
	}
	cairo_surface_mark_dirty(s);
	round_trip(s);
	cairo_surface_destroy(s);
}

static void
test_card(void **state)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    540, 540);
	cairo_t *cr = cairo_create(s);

	(void)state;
	cairo_set_source_rgb(cr, 1, 0.83, 0);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, 0, 300, 540, 240);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	cairo_select_font_face(cr, "sans", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_BOLD);
	cairo_set_font_size(cr, 90);
	cairo_move_to(cr, 40, 200);
	cairo_show_text(cr, "Flex!");
	cairo_arc(cr, 400, 420, 77.3, 0, 6.283);
	cairo_fill(cr);
	cairo_destroy(cr);
	round_trip(s);
	cairo_surface_destroy(s);
}

static void
test_odd_widths(void **state)
{
	int w;

	(void)state;
	for (w = 1; w <= 7; w++) {
		cairo_surface_t *s = cairo_image_surface_create(
		    CAIRO_FORMAT_RGB24, w, 3);
		cairo_t *cr = cairo_create(s);
		cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, w, 3);

		cairo_pattern_add_color_stop_rgb(g, 0, 0.9, 0.1, 0.5);
		cairo_pattern_add_color_stop_rgb(g, 1, 0.2, 0.7, 1);
		cairo_set_source(cr, g);
		cairo_paint(cr);
		cairo_pattern_destroy(g);
		cairo_destroy(cr);
		round_trip(s);
		cairo_surface_destroy(s);
	}
}

/*
 * igzip's level-1 body hashed the address of its stream state into
 * the match finder (see pngenc.c), so with ASLR about one card in a
 * few hundred came out with a byte of its stream different: pixels
 * equal, files not.  The card is a golden 1080 x 1080 render, copied
 * so that regenerating the goldens cannot take this test's teeth; the
 * state is mapped at fixed addresses, each in its own 64 KiB window,
 * the unit the old code's output depended on.  Before the fix the
 * second, third and fourth of these gave bytes different from the
 * first (found by a sweep of 2048 windows: 5 odd ones).
 */
static void
test_same_bytes_anywhere(void **state)
{
	static const uintptr_t at[] = {
		0x300000000000, 0x300002670000, 0x300002960000,
		0x300003bb0000, 0x300000010000, 0x3000ffff0000,
	};
	const size_t zlen = 256 * 1024;
	cairo_surface_t *s = cairo_image_surface_create_from_png(
	    "tests/unit/pngenc-card.png");
	unsigned char *first = NULL;
	size_t first_len = 0;
	size_t i;

	(void)state;
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		void *z = mmap((void *)at[i], zlen, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		unsigned char *png;
		size_t len;

		if (z == MAP_FAILED || z != (void *)at[i]) {
			/* Taken, or a kernel before 4.17 (a mere hint). */
			if (z != MAP_FAILED)
				munmap(z, zlen);
			free(first);
			cairo_surface_destroy(s);
			skip();
		}
		png = pngenc_rgb24_at(cairo_image_surface_get_data(s),
		    cairo_image_surface_get_width(s),
		    cairo_image_surface_get_height(s),
		    cairo_image_surface_get_stride(s), &len, z, zlen);
		munmap(z, zlen);
		assert_non_null(png);
		if (first == NULL) {
			first = png;
			first_len = len;
			continue;
		}
		if (len != first_len || memcmp(png, first, len) != 0)
			fail_msg("state at %#lx: %zu bytes, not the %zu bytes "
			    "it gave at %#lx", (unsigned long)at[i], len,
			    first_len, (unsigned long)at[0]);
		free(png);
	}
	free(first);
	cairo_surface_destroy(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_noise),
		cmocka_unit_test(test_card),
		cmocka_unit_test(test_odd_widths),
		cmocka_unit_test(test_same_bytes_anywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
