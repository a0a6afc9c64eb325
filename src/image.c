/*
 * Image loading through cairo's PNG reader.  The format is checked by
 * its signature first, so a JPEG named .png gets a clear message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "image.h"
#include "mem.h"

struct image {
	cairo_surface_t	*surface;
};

/*
 * Reads the PNG signature and the IHDR chunk: the size is known, and
 * refused when too large, before anything is decoded or allocated.
 */
static bool
png_header(FILE *fp, unsigned long *w, unsigned long *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };
	unsigned char b[24];

	if (fread(b, 1, 24, fp) != 24 || memcmp(b, sig, 8) != 0 ||
	    memcmp(b + 12, "IHDR", 4) != 0)
		return false;
	*w = (unsigned long)b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19];
	*h = (unsigned long)b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23];
	return true;
}

struct image *
image_load(const char *path, const struct diag_pos *pos, struct diag *d)
{
	cairo_surface_t *s;
	struct image *img;
	unsigned long w, h;
	FILE *fp;
	bool png;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_error(d, pos, "cannot open image '%s': %s", path,
		    strerror(errno));
		return NULL;
	}
	png = png_header(fp, &w, &h);
	fclose(fp);
	if (!png) {
		diag_error(d, pos, "image '%s' is not a PNG file", path);
		return NULL;
	}
	if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
	    (double)w * h > IMAGE_MAX_PIXELS) {
		diag_error(d, pos, "image '%s' is %lu × %lu pixels; the limit "
		    "is %d megapixels and %d pixels a side", path, w, h,
		    IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
		return NULL;
	}
	s = cairo_image_surface_create_from_png(path);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		diag_error(d, pos, "cannot read image '%s': %s", path,
		    cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	img = xcalloc(1, sizeof(*img));
	img->surface = s;
	return img;
}

void
image_free(struct image *img)
{
	if (img == NULL)
		return;
	cairo_surface_destroy(img->surface);
	free(img);
}

int
image_width(const struct image *img)
{
	return cairo_image_surface_get_width(img->surface);
}

int
image_height(const struct image *img)
{
	return cairo_image_surface_get_height(img->surface);
}

void *
image_surface(const struct image *img)
{
	return img->surface;
}

struct image_cache {
	GHashTable	*by_path;	/* path → image, or NULL if it failed */
};

static void
free_value(gpointer p)
{
	image_free(p);
}

struct image_cache *
image_cache_new(void)
{
	struct image_cache *c = xcalloc(1, sizeof(*c));

	c->by_path = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    free_value);
	return c;
}

void
image_cache_free(struct image_cache *c)
{
	if (c == NULL)
		return;
	g_hash_table_destroy(c->by_path);
	free(c);
}

struct image *
image_cache_get(struct image_cache *c, const char *path,
    const struct diag_pos *pos, struct diag *d)
{
	gpointer found;
	struct image *img;

	if (g_hash_table_lookup_extended(c->by_path, path, NULL, &found))
		return found;
	img = image_load(path, pos, d);
	g_hash_table_insert(c->by_path, g_strdup(path), img);
	return img;
}
