/*
 * --gallery: OUT/index.html, every rendered page as a thumbnail with
 * its record id and the diagnostics about it, for review.
 */
#ifndef GALLERY_H
#define GALLERY_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct gallery;

struct gallery_item {
	const char		*image;		/* relative to the page */
	const char		*link;		/* what a click opens, or NULL */
	const char		*fragment;	/* after '#' in the link, or NULL */
	const char		*caption;	/* the record id or page name */
	const char		*detail;	/* the layout, or NULL */
	int			 width, height;	/* of the image [px] */
	const char		*const *msgs;	/* diagnostics about it */
	const enum diag_level	*levels;
	size_t			 nmsgs;
	bool			 failed;	/* a picture of a page that
						   was not written */
};

struct gallery	*gallery_new(const char *title);

/*
 * The gallery of a render into out: a folder if dir, else a file whose
 * folder holds the gallery (made if need be).  The title names the
 * data file and the layouts' stems; pdf: out is one PDF, linked above
 * the grid; thumbs: make a pages/ folder for PNG pictures of the pages.
 * NULL (reported) if the folder cannot be found.
 */
struct gallery	*gallery_open(const char *out, bool dir, const char *data,
		    const char *const *stems, size_t nstems, bool pdf,
		    bool thumbs, struct diag *);
/* Its folder (absolute), or NULL if made by gallery_new(). */
const char	*gallery_dir(const struct gallery *);

struct report_log;

/* One rendered page, as the render knows it. */
struct gallery_page {
	const char		*key;		/* record id or page name */
	const char		*layout;	/* its stem; NULL: one layout */
	int			 number;	/* its page of the PDF, or 0 */
	const char		*pdf;		/* that PDF (number > 0) */
	const char		*file;		/* its own file, or NULL */
	bool			 picture;	/* file shows as an image */
	bool			 ok;		/* made without error */
	const char		*thumb;		/* a PNG of it, or NULL; if
						   not ok, of what failed */
	int			 tw, th;	/* its size [px] */
	double			 w, h;		/* file's size [px] */
	const struct report_log	*log;		/* its diagnostics */
};

/* Adds the page: its picture (thumbnail, or the file itself), caption,
 * link (the file, or the PDF at its page) and diagnostics. */
void		 gallery_add_page(struct gallery *,
		    const struct gallery_page *);
/* A link above the thumbnails (the PDF itself). */
void		 gallery_link(struct gallery *, const char *file,
		    const char *text);
/* Copies the item: the page is written by gallery_write(). */
void		 gallery_add(struct gallery *, const struct gallery_item *);
/* A file that was not written after all: links to it are dropped (a
 * figure then opens its own picture). */
void		 gallery_unlink(struct gallery *, const char *file);
/* Writes the page atomically; false (reported) on failure. */
bool		 gallery_write(struct gallery *, const char *path,
		    struct diag *);
void		 gallery_free(struct gallery *);

#endif
