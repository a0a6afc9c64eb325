/*
 * SVG backend: one page per file, through cairo's SVG surface.  Text
 * becomes glyph outlines, so the file needs no fonts to display.
 */
#include <cairo-svg.h>

#include "out.h"
#include "outfile.h"

static cairo_t *
svg_page_begin(struct outdoc *doc, double w, double h)
{
	doc->surface = cairo_svg_surface_create_for_stream(out_write_fp,
	    outfile_fp(doc->of), w, h);
	cairo_svg_surface_restrict_to_version(doc->surface,
	    CAIRO_SVG_VERSION_1_1);
	return cairo_create(doc->surface);
}

static bool
svg_page_end(struct outdoc *doc, cairo_t *cr)
{
	cairo_status_t st = out_page_finish(doc, cr);

	cairo_surface_finish(doc->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surface);
	cairo_surface_destroy(doc->surface);
	doc->surface = NULL;
	return out_check(doc, st);
}

const struct out_backend out_svg = {
	"svg", false, out_doc_open, svg_page_begin, svg_page_end, NULL,
	out_doc_close,
};
