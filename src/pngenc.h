/*
 * A small PNG writer for rendered pages: the chunks are written here,
 * the pixels compressed by ISA-L's igzip (pngenc.c has the figures).
 */
#ifndef PNGENC_H
#define PNGENC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Encodes w × h pixels of native-endian 0xXXRRGGBB words (cairo's
 * RGB24), rows stride bytes apart, as an 8-bit RGB PNG with no
 * ancillary chunk (the same pixels give the same bytes).  Returns a
 * malloc'd buffer of *len bytes, or NULL if memory ran out.
 */
unsigned char	*pngenc_rgb24(const unsigned char *data, int w, int h,
		    int stride, size_t *len);

/*
 * For tests: as pngenc_rgb24, with igzip's stream state in the zlen
 * bytes at zmem instead of the heap, so that a test can show the bytes
 * do not depend on its address (igzip hashes it unless primed:
 * PRIME_BYTES in pngenc.c).  NULL as well if zlen is too small or
 * zmem badly aligned.
 */
unsigned char	*pngenc_rgb24_at(const unsigned char *data, int w, int h,
		    int stride, size_t *len, void *zmem, size_t zlen);

#endif
