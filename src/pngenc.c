/*
 * PNG writer: signature, IHDR, one IDAT, IEND.  Rows are written with
 * filter 0 (none) and compressed at libdeflate level 1.  Measured on
 * the sample cards (1080 × 1080, flat colour and anti-aliased text):
 * no filter gives both the smallest files and the fastest encoding;
 * the Sub, Up and Paeth filters and the per-row "smallest sum" choice
 * make the data less repetitive for the matcher (17-20% larger files)
 * and cost 1-3 ms more to compute; levels above 1 save 2-6% of the
 * bytes for 10-40% more time.  KOREAN.md: the encoder was 90% of a
 * card's cost with zlib.
 */
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "pngenc.h"

#define PNGENC_LEVEL	1

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* A chunk of n data bytes already at p + 8: length, type, CRC. */
static size_t
chunk(unsigned char *p, const char *type, size_t n)
{
	put32(p, (uint32_t)n);
	memcpy(p + 4, type, 4);
	put32(p + 8 + n, (uint32_t)libdeflate_crc32(0, p + 4, n + 4));
	return n + 12;
}

/*
 * One row: the filter byte (0, none), then R, G, B per pixel.  On a
 * little-endian machine a pixel 0x00RRGGBB byte-swapped is the four
 * bytes 00 R G B: stored one byte early, right to left, each store's
 * 00 lands on the byte the next (left) pixel then overwrites, and the
 * first pixel's lands on the filter byte, which is 0.  One load, one
 * swap and one store per pixel instead of three byte stores.
 */
static void
pack_row(const uint32_t *px, unsigned char *o, int w)
{
	int x;

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (x = w - 1; x >= 0; x--) {
		uint32_t v = __builtin_bswap32(px[x]) & 0xffffff00u;

		memcpy(o + 3 * x, &v, 4);
	}
	if (w == 0)
		o[0] = 0;
#else
	*o++ = 0;
	for (x = 0; x < w; x++, o += 3) {
		o[0] = (unsigned char)(px[x] >> 16);
		o[1] = (unsigned char)(px[x] >> 8);
		o[2] = (unsigned char)px[x];
	}
#endif
}

unsigned char *
pngenc_rgb24(const unsigned char *data, int w, int h, int stride,
    size_t *len)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	};
	size_t row = 1 + 3 * (size_t)w, raw_len = row * (size_t)h;
	struct libdeflate_compressor *c;
	unsigned char *raw, *out = NULL, *p;
	size_t bound, n;
	int y;

	if ((raw = malloc(raw_len)) == NULL)
		return NULL;
	for (y = 0; y < h; y++)
		pack_row((const uint32_t *)(const void *)(data + (size_t)y *
		    (size_t)stride), raw + (size_t)y * row, w);
	if ((c = libdeflate_alloc_compressor(PNGENC_LEVEL)) == NULL)
		goto done;
	bound = libdeflate_zlib_compress_bound(c, raw_len);
	/* Signature, IHDR (13), IDAT header and CRC, IEND. */
	if ((out = malloc(8 + 25 + 12 + bound + 12)) == NULL)
		goto done;
	memcpy(out, sig, 8);
	p = out + 8;
	put32(p + 8, (uint32_t)w);
	put32(p + 12, (uint32_t)h);
	p[16] = 8;	/* bits per sample */
	p[17] = 2;	/* RGB */
	p[18] = p[19] = p[20] = 0;	/* deflate, adaptive filters, no interlace */
	p += chunk(p, "IHDR", 13);
	n = libdeflate_zlib_compress(c, raw, raw_len, p + 8, bound);
	if (n == 0) {
		free(out);
		out = NULL;
		goto done;
	}
	p += chunk(p, "IDAT", n);
	p += chunk(p, "IEND", 0);
	*len = (size_t)(p - out);
done:
	if (c != NULL)
		libdeflate_free_compressor(c);
	free(raw);
	return out;
}
