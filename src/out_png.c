/*
 * PNG backend: a cairo image surface per page, encoded by pngenc.c
 * (ISA-L igzip; see there for the measurements behind its choices).
 * Pages are opaque (paper is white), so the file is 8-bit RGB.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "out.h"
#include "outfile.h"
#include "pngenc.h"

/* Ties the malloc'd pixels to their surface, freed with it. */
static const cairo_user_data_key_t pixels_key;

/* Round to the pixel: 1080px × 0.75 = 810pt gives 1080 again. */
static double
png_pixels(double pt, double scale)
{
	return ceil(pt * scale - 1e-6);
}

static cairo_t *
png_page_begin(struct outdoc *doc, double w, double h)
{
	int pw = (int)png_pixels(w, doc->scale);
	int ph = (int)png_pixels(h, doc->scale);
	int stride;
	unsigned char *pixels;
	cairo_t *cr;

	/*
	 * Pixels from malloc, not cairo's zeroed ones: the white paint
	 * below covers every pixel anyway, and zeroing 4.7 MB per card
	 * cost as much as compressing it.
	 */
	stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, pw);
	pixels = pw > 0 && ph > 0 && stride > 0 ?
	    malloc((size_t)stride * (size_t)ph) : NULL;
	if (pixels == NULL) {
		doc->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    pw, ph);
	} else {
		doc->surface = cairo_image_surface_create_for_data(pixels,
		    CAIRO_FORMAT_RGB24, pw, ph, stride);
		if (cairo_surface_set_user_data(doc->surface, &pixels_key,
		    pixels, free) != CAIRO_STATUS_SUCCESS)
			free(pixels);
	}
	cr = cairo_create(doc->surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, doc->scale, doc->scale);
	return cr;
}

static bool
encode(struct outdoc *doc)
{
	cairo_surface_t *s = doc->surface;
	size_t len;
	unsigned char *png = pngenc_rgb24(cairo_image_surface_get_data(s),
	    cairo_image_surface_get_width(s), cairo_image_surface_get_height(s),
	    cairo_image_surface_get_stride(s), &len);
	bool ok = png != NULL &&
	    fwrite(png, 1, len, outfile_fp(doc->of)) == len;

	free(png);
	return ok;
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

		diag_error(doc->d, &pos, "cannot write: %s", ferror(
		    outfile_fp(doc->of)) ? "write error" : "out of memory");
		ok = false;
	}
	cairo_surface_destroy(doc->surface);
	doc->surface = NULL;
	return ok;
}

const struct out_backend out_png = {
	.name = "png",
	.unit = "px",
	.nouns = "images",
	.rate = "img/s",
	.raster = true,
	.picture = true,
	.open = out_doc_open,
	.page_begin = png_page_begin,
	.page_end = png_page_end,
	.pixels = png_pixels,
	.close = out_doc_close,
};
