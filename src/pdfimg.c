/*
 * Images of brochure's own PDF: each image (image.h) encoded on the
 * worker that draws it, once per worker (a cache by path), as plain
 * bytes the main thread writes once per document.  A JPEG goes as its
 * file (/DCTDecode); other pixels deflated, their alpha an /SMask; an
 * SVG a Form XObject of vectors (pdfsvg.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "image.h"
#include "jpeg.h"
#include "mem.h"
#include "pdfimg.h"
#include "pdfsvg.h"
#include "pdfw.h"

/*
 * A cache that grows past this many images is emptied (as the image
 * cache is, RUN_IMAGE_CACHE): a campaign of photos does not keep every
 * one encoded.  Pages still holding theirs keep them by reference.
 */
#define CACHE_MAX	64

enum kind {
	KIND_JPEG,	/* data: the file */
	KIND_PIXELS,	/* data: deflated RGB or gray; mask: alpha */
	KIND_FORM,	/* svg */
};

struct pdfimg {
	gint		 refs;		/* g_atomic: any thread unrefs */
	char		*key;
	enum kind	 kind;
	int		 w, h;		/* stored pixels */
	unsigned char	*data;
	size_t		 len;
	int		 components;	/* 1 gray, 3 RGB, 4 CMYK */
	bool		 inverted;	/* Adobe's CMYK, stored inverted */
	unsigned char	*mask;		/* deflated alpha, or NULL */
	size_t		 masklen;
	struct pdfsvg	*svg;
};

struct pdfimg_cache {
	GHashTable	*by_key;	/* key → pdfimg (a reference), or
					   NULL if it could not be encoded */
};

static void
unref_value(gpointer p)
{
	pdfimg_unref(p);
}

struct pdfimg_cache *
pdfimg_cache_new(void)
{
	struct pdfimg_cache *c = xcalloc(1, sizeof(*c));

	c->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    unref_value);
	return c;
}

void
pdfimg_cache_free(struct pdfimg_cache *c)
{
	if (c == NULL)
		return;
	g_hash_table_destroy(c->by_key);
	free(c);
}

void
pdfimg_unref(struct pdfimg *pi)
{
	if (pi == NULL || !g_atomic_int_dec_and_test(&pi->refs))
		return;
	free(pi->key);
	g_free(pi->data);
	g_free(pi->mask);
	pdfsvg_free(pi->svg);
	free(pi);
}

/* The JPEG file a surface carries (jpeg.c keeps it), passed through. */
static bool
encode_jpeg(struct pdfimg *pi, cairo_surface_t *s, char *err,
    size_t errlen)
{
	const unsigned char *data;
	unsigned long len;

	cairo_surface_get_mime_data(s, CAIRO_MIME_TYPE_JPEG, &data, &len);
	if (!jpeg_components(data, len, &pi->components, &pi->inverted) ||
	    (pi->components != 1 && pi->components != 3 &&
	    pi->components != 4)) {
		snprintf(err, errlen, "its JPEG header cannot be read");
		return false;
	}
	pi->kind = KIND_JPEG;
	pi->data = g_memdup2(data, len);
	pi->len = len;
	return true;
}

/*
 * cairo's pixels are premultiplied: each colour is undone as cairo's
 * own PDF surface does (_cairo_pdf_surface_emit_image), rounded to the
 * nearest, and 0 where nothing shows.
 */
static inline unsigned char
unpremultiply(uint32_t c, uint32_t a)
{
	return (unsigned char)((c * 255 + a / 2) / a);
}

/* Deflated, or an error in err. */
static unsigned char *
deflate_or_fail(const unsigned char *p, size_t n, size_t *outlen, char *err,
    size_t errlen)
{
	unsigned char *z = pdf_deflate(p, n, outlen);

	if (z == NULL)
		snprintf(err, errlen, "out of memory compressing its pixels");
	return z;
}

static bool
encode_pixels(struct pdfimg *pi, cairo_surface_t *s, char *err,
    size_t errlen)
{
	cairo_format_t f = cairo_image_surface_get_format(s);
	const unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	size_t n = (size_t)pi->w * (size_t)pi->h, i = 0;
	unsigned char *rgb, *alpha;
	bool opaque = true, gray = true;
	int x, y;

	if (f != CAIRO_FORMAT_ARGB32 && f != CAIRO_FORMAT_RGB24) {
		snprintf(err, errlen, "its pixel format cannot be written");
		return false;
	}
	rgb = xmalloc(3 * n);
	alpha = xmalloc(n);
	for (y = 0; y < pi->h; y++) {
		const uint32_t *row = (const uint32_t *)(px +
		    (size_t)stride * (size_t)y);

		for (x = 0; x < pi->w; x++, i++) {
			uint32_t p = row[x];
			uint32_t a = f == CAIRO_FORMAT_RGB24 ? 255 : p >> 24;
			unsigned char r = p >> 16 & 0xFF, g = p >> 8 & 0xFF,
			    b = p & 0xFF;

			if (a == 0) {
				r = g = b = 0;
			} else if (a < 255) {
				r = unpremultiply(r, a);
				g = unpremultiply(g, a);
				b = unpremultiply(b, a);
			}
			rgb[3 * i] = r;
			rgb[3 * i + 1] = g;
			rgb[3 * i + 2] = b;
			alpha[i] = (unsigned char)a;
			opaque = opaque && a == 255;
			gray = gray && r == g && g == b;
		}
	}
	/* Gray pixels as one channel: a third of the bytes to deflate. */
	if (gray)
		for (i = 0; i < n; i++)
			rgb[i] = rgb[3 * i];
	pi->kind = KIND_PIXELS;
	pi->components = gray ? 1 : 3;
	pi->data = deflate_or_fail(rgb, gray ? n : 3 * n, &pi->len, err,
	    errlen);
	if (pi->data != NULL && !opaque)
		pi->mask = deflate_or_fail(alpha, n, &pi->masklen, err,
		    errlen);
	free(rgb);
	free(alpha);
	return pi->data != NULL && (opaque || pi->mask != NULL);
}

/* img encoded, or NULL with the reason in err. */
static struct pdfimg *
encode(const struct image *img, char *err, size_t errlen)
{
	struct pdfimg *pi = xcalloc(1, sizeof(*pi));
	cairo_surface_t *s = image_surface(img);
	bool ok;

	pi->refs = 1;
	pi->key = xstrdup(image_path(img));
	if (s == NULL) {
		pi->kind = KIND_FORM;
		pi->svg = pdfsvg_encode(img, err, errlen);
		ok = pi->svg != NULL;
	} else {
		const unsigned char *jpeg;
		unsigned long len;

		/* No cairo_surface_flush(): it drops the mime data, the
		 * JPEG's file, that the next page needs. */
		pi->w = cairo_image_surface_get_width(s);
		pi->h = cairo_image_surface_get_height(s);
		cairo_surface_get_mime_data(s, CAIRO_MIME_TYPE_JPEG, &jpeg,
		    &len);
		ok = jpeg != NULL ? encode_jpeg(pi, s, err, errlen) :
		    encode_pixels(pi, s, err, errlen);
	}
	if (!ok) {
		pdfimg_unref(pi);
		return NULL;
	}
	return pi;
}

struct pdfimg *
pdfimg_get(struct pdfimg_cache *c, const struct image *img, struct diag *d)
{
	const char *key = image_path(img);
	gpointer found;
	struct pdfimg *pi;
	char err[512];

	if (!g_hash_table_lookup_extended(c->by_key, key, NULL, &found)) {
		struct diag_pos pos = { key, 0, 0 };

		if (g_hash_table_size(c->by_key) >= CACHE_MAX)
			g_hash_table_remove_all(c->by_key);
		found = encode(img, err, sizeof(err));
		if (found == NULL)
			diag_error(d, &pos, "cannot write image '%s' into the "
			    "PDF: %s", key, err);
		g_hash_table_insert(c->by_key, g_strdup(key), found);
	}
	pi = found;
	if (pi != NULL)
		g_atomic_int_inc(&pi->refs);
	return pi;
}

const char *
pdfimg_key(const struct pdfimg *pi)
{
	return pi->key;
}

bool
pdfimg_is_form(const struct pdfimg *pi)
{
	return pi->kind == KIND_FORM;
}

void
pdfimg_pixels(const struct pdfimg *pi, int *w, int *h)
{
	*w = pi->w;
	*h = pi->h;
}

static const char *const color_spaces[] = {
	[1] = "/DeviceGray", [3] = "/DeviceRGB", [4] = "/DeviceCMYK",
};

int
pdfimg_write(const struct pdfimg *pi, struct pdfw *w)
{
	GString *dict;
	int n, mask = 0;

	if (pi->kind == KIND_FORM)
		return pdfsvg_write(pi->svg, w);
	n = pdfw_reserve(w);
	if (pi->mask != NULL) {
		mask = pdfw_reserve(w);
		dict = g_string_new(NULL);
		g_string_printf(dict, "/Type /XObject /Subtype /Image "
		    "/Width %d /Height %d /ColorSpace /DeviceGray "
		    "/BitsPerComponent 8 /Filter /FlateDecode", pi->w, pi->h);
		pdfw_stream_raw(w, mask, dict->str, pi->mask, pi->masklen);
		g_string_free(dict, TRUE);
	}
	dict = g_string_new(NULL);
	g_string_printf(dict, "/Type /XObject /Subtype /Image /Width %d "
	    "/Height %d /ColorSpace %s /BitsPerComponent 8 /Filter %s",
	    pi->w, pi->h, color_spaces[pi->components],
	    pi->kind == KIND_JPEG ? "/DCTDecode" : "/FlateDecode");
	if (pi->kind == KIND_JPEG && pi->components == 4 && pi->inverted)
		g_string_append(dict, " /Decode [1 0 1 0 1 0 1 0]");
	if (mask != 0)
		g_string_append_printf(dict, " /SMask %d 0 R", mask);
	pdfw_stream_raw(w, n, dict->str, pi->data, pi->len);
	g_string_free(dict, TRUE);
	return n;
}
