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
};

struct gallery	*gallery_new(const char *title);
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
