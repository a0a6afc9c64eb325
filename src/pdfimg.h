/*
 * Images of a PDF written by brochure (pdfimg.c): an image (image.h)
 * encoded once per worker as the bytes of its XObject, and written
 * once per document by the main thread.
 *
 *   - a JPEG is passed through (/DCTDecode), its stored pixels (the
 *     EXIF orientation is the page's business, as in paint.c);
 *   - other pixels are deflated RGB, with an /SMask of their alpha
 *     when not opaque (cairo's surfaces are premultiplied: undone);
 *   - an SVG stays vectors: a Form XObject whose /BBox is [0 0 W H]
 *     (W × H: image_width() × image_height()), drawing it upright in
 *     PDF's own y-up space, as a cairo PDF surface of that size would.
 */
#ifndef PDFIMG_H
#define PDFIMG_H

#include <stdbool.h>

#include "diag.h"

struct image;
struct pdfw;

struct pdfimg;

/* A worker's encoded images, by image (its path). */
struct pdfimg_cache;

struct pdfimg_cache	*pdfimg_cache_new(void);
void			 pdfimg_cache_free(struct pdfimg_cache *);

/*
 * The encoded img, from the cache or made and kept there: a reference
 * the caller gives back with pdfimg_unref() (the cache may be freed
 * first).  NULL, reported to d, if it cannot be encoded.
 */
struct pdfimg	*pdfimg_get(struct pdfimg_cache *, const struct image *img,
		    struct diag *d);
void		 pdfimg_unref(struct pdfimg *);

/* What names the image in a document: the same image, the same key. */
const char	*pdfimg_key(const struct pdfimg *);
/* A Form XObject (SVG), or an image XObject of w × h stored pixels. */
bool		 pdfimg_is_form(const struct pdfimg *);
void		 pdfimg_pixels(const struct pdfimg *, int *w, int *h);

/* Writes the XObject (and its mask) into w; its object number. */
int		 pdfimg_write(const struct pdfimg *, struct pdfw *w);

#endif
