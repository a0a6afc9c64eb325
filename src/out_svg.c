/*
 * SVG backend: one page per file, through cairo's SVG surface.  Text
 * becomes glyph outlines, so the file needs no fonts to display.
 */
#include <stdlib.h>

#include <cairo-svg.h>

#include "mem.h"
#include "out.h"
#include "outfile.h"

struct outdoc {
	struct outfile	*of;
	cairo_surface_t	*surface;
	struct diag	*d;
	int		 pages;
};

static struct outdoc *
svg_open(const char *path, const struct out_opts *o, struct diag *d)
{
	struct outdoc *doc = xcalloc(1, sizeof(*doc));

	(void)o;
	if ((doc->of = outfile_open(path, d)) == NULL) {
		free(doc);
		return NULL;
	}
	doc->d = d;
	return doc;
}

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
	cairo_status_t st;

	cairo_show_page(cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(doc->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surface);
	cairo_surface_destroy(doc->surface);
	doc->surface = NULL;
	if (st != CAIRO_STATUS_SUCCESS) {
		struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

		diag_error(doc->d, &pos, "cannot write: %s",
		    cairo_status_to_string(st));
		return false;
	}
	return true;
}

static bool
svg_close(struct outdoc *doc, bool commit)
{
	bool ok = commit;

	if (ok)
		ok = outfile_commit(doc->of, doc->d);
	else
		outfile_abort(doc->of);
	free(doc);
	return ok || !commit;
}

const struct out_backend out_svg = {
	"svg", false, svg_open, svg_page_begin, svg_page_end, svg_close,
};
