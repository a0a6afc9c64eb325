/*
 * PDF backend: one cairo PDF surface streamed into an atomic outfile;
 * cairo writes each page as it is shown and keeps only the font
 * subsets until the end.  Fonts are embedded and subset by cairo, with
 * ToUnicode maps so pdftotext gives the text back.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "mem.h"
#include "out.h"
#include "outfile.h"

struct outdoc {
	struct outfile	*of;
	cairo_surface_t	*surface;
	struct diag	*d;
};

static const struct out_backend *const backends[] = {
	&out_pdf, &out_png, &out_svg,
};

const struct out_backend *
out_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++)
		if (strcmp(backends[i]->name, name) == 0)
			return backends[i];
	return NULL;
}

cairo_status_t
out_write_fp(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ?
	    CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value)
{
	if (value != NULL && *value != '\0')
		cairo_pdf_surface_set_metadata(s, key, value);
}

static struct outdoc *
pdf_open(const char *path, const struct out_opts *o, struct diag *d)
{
	struct outdoc *doc = xcalloc(1, sizeof(*doc));

	if ((doc->of = outfile_open(path, d)) == NULL) {
		free(doc);
		return NULL;
	}
	doc->d = d;
	/* The size is set again for every page. */
	doc->surface = cairo_pdf_surface_create_for_stream(out_write_fp,
	    outfile_fp(doc->of), 595, 842);
	meta(doc->surface, CAIRO_PDF_METADATA_TITLE, o->title);
	meta(doc->surface, CAIRO_PDF_METADATA_AUTHOR, o->author);
	meta(doc->surface, CAIRO_PDF_METADATA_SUBJECT, o->subject);
	meta(doc->surface, CAIRO_PDF_METADATA_KEYWORDS, o->keywords);
	meta(doc->surface, CAIRO_PDF_METADATA_CREATOR, "brochure");
	/* cairo would write the current time: fix it for reproducibility. */
	meta(doc->surface, CAIRO_PDF_METADATA_CREATE_DATE, o->date);
	meta(doc->surface, CAIRO_PDF_METADATA_MOD_DATE, o->date);
	return doc;
}

static cairo_t *
pdf_page_begin(struct outdoc *doc, double w, double h)
{
	cairo_pdf_surface_set_size(doc->surface, w, h);
	return cairo_create(doc->surface);
}

static bool
pdf_page_end(struct outdoc *doc, cairo_t *cr)
{
	cairo_status_t st;

	cairo_show_page(cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

		diag_error(doc->d, &pos, "cannot write: %s",
		    cairo_status_to_string(st));
		return false;
	}
	return true;
}

static bool
pdf_close(struct outdoc *doc, bool commit)
{
	bool ok = commit;
	cairo_status_t st;

	cairo_surface_finish(doc->surface);
	st = cairo_surface_status(doc->surface);
	cairo_surface_destroy(doc->surface);
	if (ok && st != CAIRO_STATUS_SUCCESS) {
		struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

		diag_error(doc->d, &pos, "cannot write: %s",
		    cairo_status_to_string(st));
		ok = false;
	}
	if (ok)
		ok = outfile_commit(doc->of, doc->d);
	else
		outfile_abort(doc->of);
	free(doc);
	return ok || !commit;
}

const struct out_backend out_pdf = {
	"pdf", true, pdf_open, pdf_page_begin, pdf_page_end, pdf_close,
};
