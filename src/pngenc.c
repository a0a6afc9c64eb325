/*
 * PNG writer: signature, IHDR, one IDAT, IEND.  Rows are written with
 * filter 0 (none) and compressed by ISA-L's igzip (Intel's deflate,
 * SIMD, a strip of rows at a time) at its level 1; its first bytes go
 * alone, or the file would depend on where the heap lies (PRIME_BYTES).
 * KOREAN.md: the encoder was 90% of a card's cost with libpng and
 * zlib.  Measured on 20 synthetic square cards (1080 × 1080, flat
 * colour and anti-aliased text; per card, one core of the CI machine):
 *
 *   zlib level 1 (libpng)         ~12 ms          55 KB
 *   libdeflate level 1            8.5-9.7 ms      48 KB
 *   libdeflate level 6            10 ms           45 KB
 *   igzip level 1                 1.4 ms          68 KB
 *   igzip level 3                 15 ms           67 KB
 *
 * libdeflate hashes every input byte, even inside long runs (8.5 ms
 * for 3.5 MB of zeros); igzip does not.  Its files are 40% larger than
 * libdeflate's, far under the 150 KB a card may take.  Unfiltered rows
 * beat the Sub, Up and Paeth filters and the per-row "smallest sum"
 * choice on both size and time for such pages (those make the flat
 * colour less repetitive: 10-20% larger, 1-3 ms more to compute).
 */
#include <stdlib.h>
#include <string.h>

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include "pngenc.h"

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
	/* PNG's CRC is gzip's: ISA-L's crc32_gzip_refl from 0. */
	put32(p + 8 + n, crc32_gzip_refl(0, p + 4, n + 4));
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

/*
 * Same pixels, same bytes: igzip's level-1 body (ISA-L 2.30
 * igzip_icf_body_h1_gr_bt.asm, in every SIMD variant, and upstream
 * still) takes the first byte of a fresh stream at .write_first_byte,
 * which hashes for the third byte a register it never loaded: the
 * address of the struct isal_zstream, shifted right 16 bits.  It then
 * stores position 2 in that slot of the match finder's table, so where
 * malloc put the struct (ASLR: each run, each thread) picked, now and
 * then, which of two valid matches a later byte got -- one card in a
 * few hundred differed in a byte of its stream.  igzip's end-of-input
 * routine (igzip_icf_finish.asm) hashes the first byte rightly and
 * marks the stream as having history, after which the body never takes
 * that path.  So the first PRIME_BYTES go alone, with SYNC_FLUSH:
 * fewer than the 16 bytes of slop the body leaves to that routine,
 * more than the 3 it writes as plain literals without hashing.  The
 * cost is a tiny first block and an empty stored one (a few bytes,
 * sometimes fewer: the rest gets a block of its own) and one more call.
 */
#define PRIME_BYTES	4

/* Rows are packed a strip at a time, into a buffer that stays in the
 * cache while igzip reads it: the packed image never goes to memory. */
#define STRIP_BYTES	(128 * 1024)

/* The file, with igzip's stream state at z (see pngenc_rgb24_at). */
static unsigned char *
encode(const unsigned char *data, int w, int h, int stride, size_t *len,
    struct isal_zstream *z)
{
	static const unsigned char sig[8] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	};
	size_t row = 1 + 3 * (size_t)w, raw_len = row * (size_t)h;
	/* Stored blocks at worst: 5 bytes a 64 KiB block, and headers. */
	size_t bound = raw_len + raw_len / 8 + 4096;
	int rows = row >= STRIP_BYTES ? 1 : (int)(STRIP_BYTES / row);
	unsigned char *strip, *level_buf = NULL, *out = NULL, *p;
	int y, k;

	if (raw_len > UINT32_MAX / 2 ||
	    (strip = malloc(row * (size_t)rows)) == NULL)
		return NULL;
	/* Signature, IHDR (13), IDAT header and CRC, IEND. */
	if ((out = malloc(8 + 25 + 12 + bound + 12)) == NULL ||
	    (level_buf = malloc(ISAL_DEF_LVL1_DEFAULT)) == NULL)
		goto fail;
	memcpy(out, sig, 8);
	p = out + 8;
	put32(p + 8, (uint32_t)w);
	put32(p + 12, (uint32_t)h);
	p[16] = 8;	/* bits per sample */
	p[17] = 2;	/* RGB */
	p[18] = p[19] = p[20] = 0;	/* deflate, adaptive filters, no interlace */
	p += chunk(p, "IHDR", 13);
	isal_deflate_init(z);
	z->level = 1;
	z->level_buf = level_buf;
	z->level_buf_size = ISAL_DEF_LVL1_DEFAULT;
	z->gzip_flag = IGZIP_ZLIB;
	z->flush = NO_FLUSH;
	z->next_out = p + 8;
	z->avail_out = (uint32_t)bound;
	for (y = 0; y < h; y += rows) {
		int m = h - y < rows ? h - y : rows;

		for (k = 0; k < m; k++)
			pack_row((const uint32_t *)(const void *)(data +
			    (size_t)(y + k) * (size_t)stride),
			    strip + (size_t)k * row, w);
		z->next_in = strip;
		z->avail_in = (uint32_t)(row * (size_t)m);
		if (y == 0 && raw_len > PRIME_BYTES) {
			uint32_t rest = z->avail_in - PRIME_BYTES;

			z->avail_in = PRIME_BYTES;
			z->flush = SYNC_FLUSH;
			if (isal_deflate(z) != COMP_OK || z->avail_in != 0)
				goto fail;
			z->flush = NO_FLUSH;
			z->avail_in = rest;
		}
		z->end_of_stream = y + m == h;
		if (isal_deflate(z) != COMP_OK || z->avail_in != 0)
			goto fail;
	}
	if (z->internal_state.state != ZSTATE_END)
		goto fail;
	p += chunk(p, "IDAT", z->total_out);
	p += chunk(p, "IEND", 0);
	*len = (size_t)(p - out);
	free(level_buf);
	free(strip);
	return out;
fail:
	free(level_buf);
	free(out);
	free(strip);
	return NULL;
}

unsigned char *
pngenc_rgb24(const unsigned char *data, int w, int h, int stride,
    size_t *len)
{
	struct isal_zstream *z = malloc(sizeof(*z));
	unsigned char *png = z != NULL ?
	    encode(data, w, h, stride, len, z) : NULL;

	free(z);
	return png;
}

unsigned char *
pngenc_rgb24_at(const unsigned char *data, int w, int h, int stride,
    size_t *len, void *zmem, size_t zlen)
{
	if (zlen < sizeof(struct isal_zstream) ||
	    (uintptr_t)zmem % _Alignof(struct isal_zstream) != 0)
		return NULL;
	return encode(data, w, h, stride, len, zmem);
}
