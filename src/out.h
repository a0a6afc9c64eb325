/*
 * The output seam: one small table of functions per format (PDF, PNG,
 * SVG), like mandoc's output devices.  A document is opened, pages are
 * begun and ended one at a time (nothing holds every page), and the
 * document is closed, committing the file atomically or discarding it.
 * PDF-only features live in out_pdf.c.
 */
#ifndef OUT_H
#define OUT_H

#include <stdbool.h>

#include <cairo.h>

#include "diag.h"

struct out_opts {
	double		 scale;		/* raster pixels per point */
	const char	*title;		/* PDF metadata, or NULL */
	const char	*author;
	const char	*subject;
	const char	*keywords;
	const char	*lang;		/* /Lang, or NULL: from the text */
	const char	*date;		/* "YYYY-MM-DDTHH:MM:SS" */
	double		 bleed;		/* [pt] 0: no PDF print boxes */
	double		 offset;	/* [pt] trim from the media's edge */
	unsigned	 standards;	/* what it claims: enum pdf_standard */
};

struct outfile;
struct pdfpage;

/*
 * One open output file: the state every backend shares.  run.c only
 * passes it around.
 */
struct outdoc {
	struct outfile	*of;		/* written atomically */
	cairo_surface_t	*surface;	/* PDF: the document; else the page */
	struct diag	*d;
	double		 scale;		/* raster pixels per point */
	int		 pages;		/* pages begun so far */
	int		 outline_top;	/* PDF: the last top-level entry */
	double		(*media)[2];	/* PDF: each page's size [pt], for
					   its print boxes */
	struct out_opts	 opts;		/* as opened */
	void		*own;		/* a writer of its own: its state */
};

/*
 * A backend describes itself (unit, nouns, what it needs) so that the
 * driver never asks for one by name.
 */
struct out_backend {
	const char	*name;		/* "pdf", "png", "svg"; the extension */
	bool		 multipage;
	const char	*unit;		/* a file's size in "px" or "pt" */
	const char	*nouns;		/* "images", "SVG files", … */
	const char	*rate;		/* "img/s", "files/s" */
	bool		 raster;	/* pixels: --scale applies, size limit */
	bool		 picture;	/* a browser shows the file as an image */
	/*
	 * Measures its glyphs when the file is closed (cairo's PDF and SVG
	 * surfaces): close under text_lock(), as text.c explains.
	 */
	bool		 close_locked;
	/* A raster's side in pixels for pt points at scale; NULL if not
	 * raster (sizes stay in points). */
	double		 (*pixels)(double pt, double scale);
	struct outdoc	*(*open)(const char *path, const struct out_opts *,
			    struct diag *);
	/* A context for one page of w × h points, origin top left. */
	cairo_t		*(*page_begin)(struct outdoc *, double w, double h);
	bool		 (*page_end)(struct outdoc *, cairo_t *);
	/*
	 * A writer of its own (out_pdfn.c), instead of page_begin and
	 * page_end: the page as made on a worker (pdfpage.h), taken
	 * over; false if writing failed.
	 */
	bool		 (*page_add)(struct outdoc *, struct pdfpage *);
	/*
	 * PDF only (NULL elsewhere): an outline entry for the page begun
	 * last, at the top level or under the last top-level entry.
	 */
	void		 (*outline)(struct outdoc *, const char *title,
			    bool child);
	/*
	 * Commits the file if commit, else discards it; false only on a
	 * write error (reported), never for a discard.
	 */
	bool		 (*close)(struct outdoc *, bool commit);
};

extern const struct out_backend out_pdf;
extern const struct out_backend out_pdfn;	/* --pdf-writer native */
extern const struct out_backend out_png;
extern const struct out_backend out_svg;

/* The backend for "pdf", "png" or "svg", or NULL. */
const struct out_backend	*out_find(const char *name);

/* cairo write callback into a FILE * (closure). */
cairo_status_t	out_write_fp(void *, const unsigned char *, unsigned int);

/* For the backends: open and close as struct out_backend says. */
struct outdoc	*out_doc_open(const char *path, const struct out_opts *,
		    struct diag *);
bool		 out_doc_close(struct outdoc *, bool commit);

/*
 * Ends a page's drawing (show page, destroy cr) and returns the first
 * failure of cr or the surface; CAIRO_STATUS_SUCCESS if none.
 */
cairo_status_t	out_page_finish(struct outdoc *, cairo_t *cr);

/* Reports st as a write failure of the document; false if it is one. */
bool		 out_check(struct outdoc *, cairo_status_t st);

#endif
