/*
 * Images for image blocks: loaded once, drawn at any size.  PNG, JPEG,
 * SVG;
 * the decoded surface stays behind this opaque type so that the layout
 * stage need not know cairo.
 */
#ifndef IMAGE_H
#define IMAGE_H

#include <stdbool.h>

#include "diag.h"

struct image;

/* Larger images are refused from their header, before decoding. */
#define IMAGE_MAX_PIXELS	40000000
#define IMAGE_MAX_SIDE		32767	/* cairo's own limit */
#define IMAGE_MAX_FILE		(64 << 20)	/* bytes */

/* Loads path; reports at pos (the node naming it) and returns NULL. */
struct image	*image_load(const char *path, const struct diag_pos *pos,
		    struct diag *);
void		 image_free(struct image *);

/*
 * A cache of loaded images by path, so that a logo on every page is
 * decoded once and a missing file is reported once per run.  It owns
 * its images; images from it stay valid until image_cache_free().
 */
struct image_cache;

struct image_cache	*image_cache_new(void);
void			 image_cache_free(struct image_cache *);
/* Like image_load(), through the cache: NULL (reported once) or an
 * image the cache owns. */
struct image		*image_cache_get(struct image_cache *,
			    const char *path, const struct diag_pos *,
			    struct diag *);

/*
 * Empties the cache if it holds more than max images (between pages:
 * the images of pages still held must stay), so that a campaign of
 * photos does not keep every one decoded.
 */
void			 image_cache_trim(struct image_cache *,
			    unsigned int max);

/* Size in pixels, as shown (after the EXIF orientation). */
double		 image_width(const struct image *);
double		 image_height(const struct image *);
/* The path it was loaded from: what names it in a PDF (pdfimg.c). */
const char	*image_path(const struct image *);
/* EXIF orientation: 1 upright, 2–8 the flips and turns to undo. */
int		 image_orientation(const struct image *);
/*
 * The matrix (xx yx xy yy x0 y0, cairo's order) from the stored pixels
 * (rw × rh) to the upright picture, for orientation o.
 */
void		 image_orientation_matrix(int o, double rw, double rh,
		    double m[6]);

/* The cairo surface (cairo_surface_t *), for paint.c; NULL for SVG. */
void		*image_surface(const struct image *);

/*
 * For an SVG: draws it as vectors on cr (a cairo_t *) into w × h from
 * the current origin and returns true; false for other images.
 */
bool		 image_draw_svg(const struct image *, void *cr, double w,
		    double h);

#endif
