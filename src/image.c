/*
 * Image loading: PNG through cairo's reader, JPEG through jpeg.c (kept
 * whole for the PDF), SVG through librsvg (drawn as vectors).  The format comes from the signature, not the
 * name, and the size from the header, checked before decoding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <librsvg/rsvg.h>

#include "confine.h"
#include "jpeg.h"
#include "svgscan.h"

#include "image.h"
#include "mem.h"
#include "text.h"

struct image {
	cairo_surface_t	*surface;	/* PNG, JPEG; or NULL for SVG */
	RsvgHandle	*svg;		/* SVG, drawn as vectors */
	double		 svg_w, svg_h;	/* SVG intrinsic size [px] */
	int		 orientation;	/* EXIF, 1 (upright) to 8 */
	char		*path;		/* as loaded */
};

/*
 * The PNG signature and the IHDR chunk: the size is known, and refused
 * when too large, before anything is decoded or allocated.
 */
static bool
png_header(const unsigned char *b, size_t len, unsigned long *w,
    unsigned long *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };

	if (len < 24 || memcmp(b, sig, 8) != 0 ||
	    memcmp(b + 12, "IHDR", 4) != 0)
		return false;
	*w = (unsigned long)b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19];
	*h = (unsigned long)b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23];
	return true;
}

static bool
is_jpeg(const unsigned char *b, size_t len)
{
	return len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}

static struct image *
load_svg(const char *path, const unsigned char *buf, size_t len,
    const struct diag_pos *pos, struct diag *d)
{
	GError *err = NULL;
	GInputStream *in;
	GFile *base;
	RsvgHandle *h;
	struct image *img;
	double w, h_;
	char why[512];
	enum svgscan scan = svgscan_check(buf, len, path, why, sizeof(why));

	if (scan == SVGSCAN_REFUSED) {
		diag_error(d, pos, "cannot read image '%s': %s", path, why);
		return NULL;
	}
	/* From the bytes already read, with the file as the base that
	 * relative references resolve against. */
	in = g_memory_input_stream_new_from_data(buf, (gssize)len, NULL);
	base = g_file_new_for_path(path);
	h = rsvg_handle_new_from_stream_sync(in, base, RSVG_HANDLE_FLAGS_NONE,
	    NULL, &err);
	g_object_unref(in);
	g_object_unref(base);
	if (h == NULL) {
		/* One line: librsvg's messages end in a newline. */
		diag_error(d, pos, "cannot read image '%s': %s", path,
		    err ? g_strstrip(err->message) : "not an SVG file");
		g_clear_error(&err);
		return NULL;
	}
	if (scan == SVGSCAN_UNPARSED) {
		/* librsvg read what the scan could not: nothing inside it
		 * was checked, so nothing of it is drawn. */
		diag_error(d, pos, "cannot read image '%s': its images could "
		    "not be checked (not well-formed XML)", path);
		g_object_unref(h);
		return NULL;
	}
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &h_) ||
	    w <= 0 || h_ <= 0) {
		diag_error(d, pos, "image '%s' has no usable size: give the "
		    "SVG a width and height (or a viewBox with them)", path);
		g_object_unref(h);
		return NULL;
	}
	if (w > IMAGE_MAX_SIDE || h_ > IMAGE_MAX_SIDE ||
	    w * h_ > IMAGE_MAX_PIXELS) {
		diag_error(d, pos, "image '%s' is %.0f × %.0f pixels; the limit "
		    "is %d megapixels and %d pixels a side", path, w, h_,
		    IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
		g_object_unref(h);
		return NULL;
	}
	img = xcalloc(1, sizeof(*img));
	img->svg = h;
	img->svg_w = w;
	img->svg_h = h_;
	img->orientation = 1;
	return img;
}

static struct image *
load_jpeg(const char *path, const unsigned char *buf, size_t len,
    const struct diag_pos *pos, struct diag *d)
{
	char err[256];
	cairo_surface_t *s;
	struct image *img;
	int orientation;

	s = jpeg_decode(buf, len, IMAGE_MAX_PIXELS, IMAGE_MAX_SIDE,
	    &orientation, err, sizeof(err));
	if (s == NULL) {
		diag_error(d, pos, "cannot read image '%s': %s", path, err);
		return NULL;
	}
	img = xcalloc(1, sizeof(*img));
	img->surface = s;
	img->orientation = orientation;
	return img;
}

/* cairo's PNG reader over bytes in memory. */
struct membuf {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
read_mem(void *closure, unsigned char *data, unsigned int n)
{
	struct membuf *m = closure;

	if (n > m->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, m->p, n);
	m->p += n;
	m->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

static struct image *
load_png(const char *path, const unsigned char *buf, size_t len,
    const struct diag_pos *pos, struct diag *d)
{
	struct membuf m = { buf, len };
	cairo_surface_t *s;
	struct image *img;
	unsigned long w, h;

	if (!png_header(buf, len, &w, &h))
		return NULL;
	if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
	    (double)w * h > IMAGE_MAX_PIXELS) {
		diag_error(d, pos, "image '%s' is %lu × %lu pixels; the limit "
		    "is %d megapixels and %d pixels a side", path, w, h,
		    IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
		return NULL;
	}
	s = cairo_image_surface_create_from_png_stream(read_mem, &m);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		diag_error(d, pos, "cannot read image '%s': %s", path,
		    cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	img = xcalloc(1, sizeof(*img));
	img->surface = s;
	img->orientation = 1;
	return img;
}

struct image *
image_load(const char *path, const struct diag_pos *pos, struct diag *d)
{
	struct image *img = NULL;
	unsigned long w, h;
	unsigned char *buf;
	size_t len;
	char why[256];

	/* One descriptor for the check and the bytes: see confine_open(). */
	if (!confine_read(path, IMAGE_MAX_FILE, &buf, &len, why,
	    sizeof(why))) {
		diag_error(d, pos, "cannot open image '%s': %s", path, why);
		return NULL;
	}
	if (png_header(buf, len, &w, &h))
		img = load_png(path, buf, len, pos, d);
	else if (is_jpeg(buf, len))
		img = load_jpeg(path, buf, len, pos, d);
	else if (svgscan_is_svg(buf, len))
		img = load_svg(path, buf, len, pos, d);
	else
		diag_error(d, pos, "image '%s' is not PNG, JPEG or SVG", path);
	free(buf);
	if (img != NULL)
		img->path = xstrdup(path);
	return img;
}

void
image_free(struct image *img)
{
	if (img == NULL)
		return;
	if (img->surface != NULL)
		cairo_surface_destroy(img->surface);
	if (img->svg != NULL)
		g_object_unref(img->svg);
	free(img->path);
	free(img);
}

/* EXIF orientations 5 to 8 turn the image a quarter. */
static bool
turned(const struct image *img)
{
	return img->orientation >= 5;
}

double
image_width(const struct image *img)
{
	if (img->svg != NULL)
		return img->svg_w;
	return turned(img) ? cairo_image_surface_get_height(img->surface) :
	    cairo_image_surface_get_width(img->surface);
}

double
image_height(const struct image *img)
{
	if (img->svg != NULL)
		return img->svg_h;
	return turned(img) ? cairo_image_surface_get_width(img->surface) :
	    cairo_image_surface_get_height(img->surface);
}

bool
image_draw_svg(const struct image *img, void *cr, double w, double h)
{
	RsvgRectangle vp = { 0, 0, w, h };

	if (img->svg == NULL)
		return false;
	text_lock();	/* an SVG's text goes through cairo's glyph caches */
	rsvg_handle_render_document(img->svg, cr, &vp, NULL);
	text_unlock();
	return true;
}

const char *
image_path(const struct image *img)
{
	return img->path;
}

int
image_orientation(const struct image *img)
{
	return img->orientation;
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
	if (img != NULL && img->surface != NULL) {
		/*
		 * Each thread has its own cache: the same file loaded by
		 * two is one image to cairo's PDF writer, embedded once.
		 */
		char *id = g_strdup(path);

		cairo_surface_set_mime_data(img->surface,
		    CAIRO_MIME_TYPE_UNIQUE_ID, (const unsigned char *)id,
		    strlen(id), g_free, id);
	}
	g_hash_table_insert(c->by_path, g_strdup(path), img);
	return img;
}

void
image_cache_trim(struct image_cache *c, unsigned int max)
{
	if (g_hash_table_size(c->by_path) > max)
		g_hash_table_remove_all(c->by_path);
}

/*
 * The EXIF orientations as the matrix from the stored pixels (rw × rh)
 * to the upright picture: 2 mirrors, 3 turns half, 4 flips, 5 to 8 add
 * a quarter turn (6 is the usual phone portrait, turned clockwise).
 */
void
image_orientation_matrix(int o, double rw, double rh, double m[6])
{
	static const double t[9][6] = {
		[1] = { 1, 0, 0, 1, 0, 0 },	[2] = { -1, 0, 0, 1, 1, 0 },
		[3] = { -1, 0, 0, -1, 1, 1 },	[4] = { 1, 0, 0, -1, 0, 1 },
		[5] = { 0, 1, 1, 0, 0, 0 },	[6] = { 0, 1, -1, 0, 1, 0 },
		[7] = { 0, -1, -1, 0, 1, 1 },	[8] = { 0, -1, 1, 0, 0, 1 },
	};
	const double *v = t[o >= 1 && o <= 8 ? o : 1];
	/* The translations are in units of the turned side. */
	double tx = o >= 5 ? rh : rw, ty = o >= 5 ? rw : rh;

	m[0] = v[0];
	m[1] = v[1];
	m[2] = v[2];
	m[3] = v[3];
	m[4] = v[4] * tx;
	m[5] = v[5] * ty;
}
