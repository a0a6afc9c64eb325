/*
 * PNG backend: a cairo image surface per page, encoded with libpng at
 * compression level 1 and no row filter (KOREAN.md: about 4× faster
 * than cairo's own writer, and smaller).  Pages are opaque (paper is
 * white), so the file is 8-bit RGB; libpng drops cairo's padding byte
 * and swaps its BGR order as it writes, with no copy of the pixels.
 * No tIME chunk: the same page gives the same bytes.
 */
#include <math.h>
#include <setjmp.h>

#include <png.h>

#include "out.h"
#include "outfile.h"

static cairo_t *
png_page_begin(struct outdoc *doc, double w, double h)
{
	/* Round to the pixel: 1080px × 0.75 = 810pt gives 1080 again. */
	int pw = (int)ceil(w * doc->scale - 1e-6);
	int ph = (int)ceil(h * doc->scale - 1e-6);
	cairo_t *cr;

	doc->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    pw, ph);
	cr = cairo_create(doc->surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, doc->scale, doc->scale);
	return cr;
}

static void
png_error_fn(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void
png_warning_fn(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static bool
encode(struct outdoc *doc)
{
	cairo_surface_t *s = doc->surface;
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	unsigned char *data = cairo_image_surface_get_data(s);
	png_structp png;
	png_infop info;
	int y;

	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
	    png_error_fn, png_warning_fn);
	info = png_create_info_struct(png);
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return false;
	}
	png_init_io(png, outfile_fp(doc->of));
	png_set_compression_level(png, 1);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
	    PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
	png_write_info(png, info);
	/* cairo RGB24 is a native-endian 0xXXRRGGBB word per pixel. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	png_set_bgr(png);
	png_set_filler(png, 0, PNG_FILLER_AFTER);
#else
	png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
	for (y = 0; y < h; y++)
		png_write_row(png, data + (size_t)y * (size_t)stride);
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	return true;
}

static bool
png_page_end(struct outdoc *doc, cairo_t *cr)
{
	cairo_status_t st = cairo_status(cr);
	bool ok;

	cairo_destroy(cr);
	cairo_surface_flush(doc->surface);
	ok = out_check(doc, st);
	if (ok && !encode(doc)) {
		struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

		diag_error(doc->d, &pos, "cannot write: PNG encoding failed");
		ok = false;
	}
	cairo_surface_destroy(doc->surface);
	doc->surface = NULL;
	return ok;
}

const struct out_backend out_png = {
	"png", false, out_doc_open, png_page_begin, png_page_end, NULL,
	out_doc_close,
};
