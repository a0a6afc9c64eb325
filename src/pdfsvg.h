/*
 * An SVG image as a PDF Form XObject, for pdfimg.c (pdfsvg.c): drawn
 * by librsvg into a one-page cairo PDF in memory on the worker, read
 * back with libqpdf, and kept as plain data (the page's content and
 * every object its resources reach, their references numbered locally)
 * until the main thread writes it into its own PDF.
 */
#ifndef PDFSVG_H
#define PDFSVG_H

#include <stddef.h>

struct image;
struct pdfw;

struct pdfsvg;

/*
 * img (an SVG) as a form of image_width() × image_height() units, or
 * NULL with the reason in err.  The caller frees it with pdfsvg_free().
 */
struct pdfsvg	*pdfsvg_encode(const struct image *img, char *err,
		    size_t errlen);
void		 pdfsvg_free(struct pdfsvg *);

/* Writes the form and what it uses into w; the form's object number. */
int		 pdfsvg_write(const struct pdfsvg *, struct pdfw *w);

#endif
