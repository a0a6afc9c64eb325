/*
 * PDF backend: one cairo PDF surface streamed into an atomic outfile;
 * cairo writes each page as it is shown and keeps only the font
 * subsets until the end.  Fonts are embedded and subset by cairo, with
 * ToUnicode maps so pdftotext gives the text back.
 */
#include <stdio.h>

#include <cairo-pdf.h>
#include <glib.h>

#include "out.h"
#include "mem.h"
#include "outfile.h"
#include "pdfboxes.h"

static void
meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value)
{
	if (value != NULL && *value != '\0')
		cairo_pdf_surface_set_metadata(s, key, value);
}

static struct outdoc *
pdf_open(const char *path, const struct out_opts *o, struct diag *d)
{
	struct outdoc *doc = out_doc_open(path, o, d);

	if (doc == NULL)
		return NULL;
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
	doc->pages++;
	doc->media = xrealloc(doc->media, (size_t)doc->pages *
	    sizeof(*doc->media));
	doc->media[doc->pages - 1][0] = w;
	doc->media[doc->pages - 1][1] = h;
	cairo_pdf_surface_set_size(doc->surface, w, h);
	return cairo_create(doc->surface);
}

static void
pdf_outline(struct outdoc *doc, const char *title, bool child)
{
	char *dest = g_strdup_printf("page=%d", doc->pages);
	int id;

	id = cairo_pdf_surface_add_outline(doc->surface, child ?
	    doc->outline_top : CAIRO_PDF_OUTLINE_ROOT, title, dest,
	    child ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN);
	if (!child)
		doc->outline_top = id;
	g_free(dest);
}

static bool
pdf_page_end(struct outdoc *doc, cairo_t *cr)
{
	return out_check(doc, out_page_finish(doc, cr));
}

/*
 * The TrimBox and BleedBox: qpdf copies the temporary file into a second
 * one, which becomes the document's file.  That second one comes from
 * outfile too, so a signal removes it as well, and qpdf writes it through
 * outfile_write_path() so it cannot make it again after a signal.
 */
static bool
add_boxes(struct outdoc *doc)
{
	const struct out_opts *o = &doc->opts;
	struct outfile *boxed = outfile_open(outfile_path(doc->of), doc->d);
	char *to;
	bool ok;

	if (boxed == NULL)
		return false;
	fflush(outfile_fp(doc->of));
	to = outfile_write_path(boxed);
	ok = pdfboxes_write(outfile_tmp(doc->of), to, outfile_path(doc->of),
	    (const double (*)[2])doc->media, (size_t)doc->pages, o->offset,
	    o->bleed, doc->d);
	g_free(to);
	if (!ok) {
		outfile_abort(boxed);
		return false;
	}
	outfile_abort(doc->of);
	doc->of = boxed;
	return true;
}

static bool
pdf_close(struct outdoc *doc, bool commit)
{
	cairo_status_t st;

	/* Finishing writes the fonts and the trailer: it can fail too. */
	cairo_surface_finish(doc->surface);
	st = cairo_surface_status(doc->surface);
	cairo_surface_destroy(doc->surface);
	if (commit && !out_check(doc, st)) {
		out_doc_close(doc, false);
		return false;
	}
	if (commit && doc->opts.bleed > 0 && !add_boxes(doc)) {
		out_doc_close(doc, false);
		return false;
	}
	return out_doc_close(doc, commit);
}

const struct out_backend out_pdf = {
	.name = "pdf",
	.multipage = true,
	.unit = "pt",
	.nouns = "PDF files",
	.rate = "files/s",
	.close_locked = true,
	.open = pdf_open,
	.page_begin = pdf_page_begin,
	.page_end = pdf_page_end,
	.outline = pdf_outline,
	.close = pdf_close,
};
