/*
 * Images for image blocks: loaded once, drawn at any size.  PNG now;
 * the decoded surface stays behind this opaque type so that the layout
 * stage need not know cairo.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include "diag.h"

struct image;

/* Loads path; reports at pos (the node naming it) and returns NULL. */
struct image	*image_load(const char *path, const struct diag_pos *pos,
		    struct diag *);
void		 image_free(struct image *);

/* Size in pixels. */
int		 image_width(const struct image *);
int		 image_height(const struct image *);

/* The cairo surface (cairo_surface_t *), for paint.c. */
void		*image_surface(const struct image *);

#endif
