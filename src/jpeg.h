/*
 * JPEG images: decoded with libjpeg-turbo for rasters, and kept whole
 * so the PDF embeds the file itself (no re-encoding).
 */
#ifndef JPEG_H
#define JPEG_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

/*
 * Decodes buf (a whole JPEG file) into an RGB24 surface carrying buf as
 * its JPEG MIME data (the surface keeps its own copy).  The size is
 * read and checked against max_pixels before decoding.  *orientation
 * gets the EXIF orientation, 1 (upright) to 8.  On failure returns
 * NULL with a reason in err.  The caller destroys the surface.
 */
cairo_surface_t	*jpeg_decode(const unsigned char *buf, size_t len,
		    double max_pixels, int max_side, int *orientation,
		    char *err, size_t errlen);

/* The size of a JPEG file's bytes from its header, nothing decoded;
 * false if the header cannot be read. */
bool		 jpeg_size(const unsigned char *buf, size_t len,
		    unsigned int *w, unsigned int *h);

/*
 * The number of colour components a JPEG file's bytes store (1 gray,
 * 3 YCbCr or RGB, 4 CMYK or YCCK) and whether an Adobe APP14 marker
 * was seen (Adobe's CMYK is stored inverted); false if the header
 * cannot be read.
 */
bool		 jpeg_components(const unsigned char *buf, size_t len,
		    int *n, bool *adobe);

/* The EXIF orientation of a JPEG file's bytes, 1 when none is given. */
int		 jpeg_orientation(const unsigned char *buf, size_t len);

#endif
