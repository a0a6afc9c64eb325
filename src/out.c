/*
 * The output seam's shared part: the backend table, the open file with
 * its atomic commit, and cairo status checks.  Each backend (out_pdf.c,
 * out_png.c, out_svg.c) adds only what its format needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "out.h"
#include "outfile.h"

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

struct outdoc *
out_doc_open(const char *path, const struct out_opts *o, struct diag *d)
{
	struct outdoc *doc = xcalloc(1, sizeof(*doc));

	if ((doc->of = outfile_open(path, d)) == NULL) {
		free(doc);
		return NULL;
	}
	doc->d = d;
	doc->scale = o->scale;
	doc->opts = *o;
	doc->outline_top = 0;	/* CAIRO_PDF_OUTLINE_ROOT */
	return doc;
}

bool
out_doc_close(struct outdoc *doc, bool commit)
{
	bool ok = true;

	if (commit)
		ok = outfile_commit(doc->of, doc->d);
	else
		outfile_abort(doc->of);
	free(doc->media);
	free(doc);
	return ok;
}

cairo_status_t
out_page_finish(struct outdoc *doc, cairo_t *cr)
{
	cairo_status_t st;

	cairo_show_page(cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surface);
	return st;
}

bool
out_check(struct outdoc *doc, cairo_status_t st)
{
	struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

	if (st == CAIRO_STATUS_SUCCESS)
		return true;
	diag_error(doc->d, &pos, "cannot write: %s",
	    cairo_status_to_string(st));
	return false;
}
