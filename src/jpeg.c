/*
 * JPEG decoding through libjpeg(-turbo), the only file that includes
 * <jpeglib.h>.  libjpeg reports errors by calling error_exit, which
 * must not return: it longjmps back here with the message.
 *
 * EXIF orientation is read by hand from the APP1 segment: "Exif\0\0",
 * a TIFF header (II little-endian or MM big-endian), IFD0, tag 0x0112.
 * Every offset is checked against the segment, so a hostile file can
 * only make it answer 1.
 */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "jpeg.h"
#include "mem.h"

struct jerr {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jump;
	char			 msg[JMSG_LENGTH_MAX];
};

static void
error_exit(j_common_ptr c)
{
	struct jerr *e = (struct jerr *)c->err;

	(*c->err->format_message)(c, e->msg);
	longjmp(e->jump, 1);
}

/*
 * libjpeg only warns about a file cut short or damaged data, and fills
 * the rest with grey: here a warning is an error, the file is corrupt.
 */
static void
warning_is_error(j_common_ptr c, int level)
{
	if (level < 0)
		error_exit(c);
}

static unsigned
get16(const unsigned char *p, int le)
{
	return le ? p[0] | p[1] << 8 : p[0] << 8 | p[1];
}

static unsigned long
get32(const unsigned char *p, int le)
{
	return le ? (unsigned long)p[0] | (unsigned long)p[1] << 8 |
	    (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24 :
	    (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* Orientation in a TIFF block t of n bytes, or 1. */
static int
tiff_orientation(const unsigned char *t, size_t n)
{
	unsigned long ifd;
	unsigned count, i;
	int le;

	if (n < 8 || (memcmp(t, "II*\0", 4) != 0 &&
	    memcmp(t, "MM\0*", 4) != 0))
		return 1;
	le = t[0] == 'I';
	ifd = get32(t + 4, le);
	if (ifd > n - 2)
		return 1;
	count = get16(t + ifd, le);
	for (i = 0; i < count; i++) {
		const unsigned char *e = t + ifd + 2 + 12 * (size_t)i;
		unsigned v;

		if ((size_t)(e - t) + 12 > n)
			break;
		if (get16(e, le) != 0x0112)
			continue;
		v = get16(e + 8, le);
		return v >= 1 && v <= 8 ? (int)v : 1;
	}
	return 1;
}

int
jpeg_orientation(const unsigned char *buf, size_t len)
{
	size_t p = 2;

	if (len < 4 || buf[0] != 0xFF || buf[1] != 0xD8)
		return 1;
	/* Walk the markers up to the image data. */
	while (p + 4 <= len && buf[p] == 0xFF) {
		unsigned marker = buf[p + 1];
		size_t seg = (size_t)buf[p + 2] << 8 | buf[p + 3];

		if (marker == 0xDA || seg < 2 || p + 2 + seg > len)
			break;
		if (marker == 0xE1 && seg >= 8 &&
		    memcmp(buf + p + 4, "Exif\0\0", 6) == 0)
			return tiff_orientation(buf + p + 10, seg - 8);
		p += 2 + seg;
	}
	return 1;
}

static void
free_copy(void *p)
{
	free(p);
}

cairo_surface_t *
jpeg_decode(const unsigned char *buf, size_t len, double max_pixels,
    int max_side, int *orientation, char *err, size_t errlen)
{
	struct jpeg_decompress_struct c;
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	struct jerr e;
	unsigned char *copy, *px;
	int stride, x;

	memset(&c, 0, sizeof(c));
	c.err = jpeg_std_error(&e.pub);
	e.pub.error_exit = error_exit;
	e.pub.emit_message = warning_is_error;
	if (setjmp(e.jump)) {
		snprintf(err, errlen, "%s", e.msg);
		jpeg_destroy_decompress(&c);
		free(row);
		if (s != NULL)
			cairo_surface_destroy(s);
		return NULL;
	}
	jpeg_create_decompress(&c);
	jpeg_mem_src(&c, (unsigned char *)buf, (unsigned long)len);
	jpeg_read_header(&c, TRUE);
	if (c.image_width == 0 || c.image_height == 0 ||
	    c.image_width > (unsigned)max_side ||
	    c.image_height > (unsigned)max_side ||
	    (double)c.image_width * c.image_height > max_pixels) {
		snprintf(err, errlen, "%u × %u pixels; the limit is %.0f "
		    "megapixels and %d pixels a side", c.image_width,
		    c.image_height, max_pixels / 1e6, max_side);
		jpeg_destroy_decompress(&c);
		return NULL;
	}
	c.out_color_space = JCS_RGB;
	jpeg_start_decompress(&c);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)c.output_width, (int)c.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "%s",
		    cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		jpeg_destroy_decompress(&c);
		return NULL;
	}
	cairo_surface_flush(s);
	px = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	row = xmalloc((size_t)c.output_width * 3);
	while (c.output_scanline < c.output_height) {
		unsigned char *rp = row;
		uint32_t *out = (uint32_t *)(px + (size_t)stride *
		    c.output_scanline);

		jpeg_read_scanlines(&c, (JSAMPARRAY)&rp, 1);
		for (x = 0; x < (int)c.output_width; x++)
			out[x] = 0xFF000000u | (uint32_t)row[3 * x] << 16 |
			    (uint32_t)row[3 * x + 1] << 8 | row[3 * x + 2];
	}
	jpeg_finish_decompress(&c);
	jpeg_destroy_decompress(&c);
	free(row);
	cairo_surface_mark_dirty(s);
	/* The PDF backend embeds these bytes instead of the pixels. */
	copy = xmalloc(len);
	memcpy(copy, buf, len);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, len,
	    free_copy, copy);
	*orientation = jpeg_orientation(buf, len);
	return s;
}

/* The JPEG's header: size, components, an Adobe marker; false if it
 * cannot be read. */
static bool
read_header(const unsigned char *buf, size_t len, unsigned int *w,
    unsigned int *h, int *n, bool *adobe)
{
	struct jpeg_decompress_struct c;
	struct jerr e;

	memset(&c, 0, sizeof(c));
	c.err = jpeg_std_error(&e.pub);
	e.pub.error_exit = error_exit;
	e.pub.emit_message = warning_is_error;
	if (setjmp(e.jump)) {
		jpeg_destroy_decompress(&c);
		return false;
	}
	jpeg_create_decompress(&c);
	jpeg_mem_src(&c, (unsigned char *)buf, (unsigned long)len);
	jpeg_read_header(&c, TRUE);
	*w = c.image_width;
	*h = c.image_height;
	*n = c.num_components;
	*adobe = c.saw_Adobe_marker;
	jpeg_destroy_decompress(&c);
	return true;
}

bool
jpeg_size(const unsigned char *buf, size_t len, unsigned int *w,
    unsigned int *h)
{
	int n;
	bool adobe;

	return read_header(buf, len, w, h, &n, &adobe);
}

bool
jpeg_components(const unsigned char *buf, size_t len, int *n, bool *adobe)
{
	unsigned int w, h;

	return read_header(buf, len, &w, &h, n, adobe);
}
