/*
 * mkphotos: draws the sample portraits and the JPEG test images with
 * cairo and writes them with libjpeg-turbo (nothing downloaded).
 *
 *   mkphotos portrait OUT.jpg HUE          a 600×750 portrait
 *   mkphotos turned OUT.jpg                60×40 stored, EXIF 6: upright
 *                                          40×60 with a red bar on top
 *
 * `make photos` runs it; the outputs are committed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <jpeglib.h>

static void
hsv(double h, double s, double v, double *r, double *g, double *b)
{
	double c = v * s, x = c * (1 - fabs(fmod(h / 60, 2) - 1)), m = v - c;
	int i = (int)(h / 60) % 6;
	double rgb[6][3] = { { c, x, 0 }, { x, c, 0 }, { 0, c, x },
	    { 0, x, c }, { x, 0, c }, { c, 0, x } };

	*r = rgb[i][0] + m;
	*g = rgb[i][1] + m;
	*b = rgb[i][2] + m;
}

/* Writes s as a JPEG, with an EXIF orientation if exif > 0. */
static void
write_jpeg(cairo_surface_t *s, const char *path, int exif)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s), x;
	unsigned char *px = cairo_image_surface_get_data(s);
	unsigned char *row = malloc((size_t)w * 3);
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || row == NULL) {
		perror(path);
		exit(1);
	}
	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, fp);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 82, TRUE);
	c.write_JFIF_header = exif == 0;
	jpeg_start_compress(&c, TRUE);
	if (exif > 0) {
		/* "Exif\0\0", TIFF little-endian, IFD0 with one entry. */
		unsigned char app1[] = { 'E', 'x', 'i', 'f', 0, 0,
		    'I', 'I', 42, 0, 8, 0, 0, 0,
		    1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0,
		    (unsigned char)exif, 0, 0, 0, 0, 0, 0, 0 };

		jpeg_write_marker(&c, JPEG_APP0 + 1, app1, sizeof(app1));
	}
	while (c.next_scanline < c.image_height) {
		unsigned char *p = px + (size_t)stride * c.next_scanline;

		for (x = 0; x < w; x++) {
			row[3 * x] = p[4 * x + 2];
			row[3 * x + 1] = p[4 * x + 1];
			row[3 * x + 2] = p[4 * x];
		}
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	fclose(fp);
	free(row);
}

/* A friendly abstract portrait: background, shoulders, head. */
static void
portrait(const char *path, double hue)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    600, 750);
	cairo_t *cr = cairo_create(s);
	cairo_pattern_t *bg = cairo_pattern_create_linear(0, 0, 600, 750);
	double r, g, b;

	hsv(hue, 0.35, 0.95, &r, &g, &b);
	cairo_pattern_add_color_stop_rgb(bg, 0, r, g, b);
	hsv(fmod(hue + 30, 360), 0.55, 0.80, &r, &g, &b);
	cairo_pattern_add_color_stop_rgb(bg, 1, r, g, b);
	cairo_set_source(cr, bg);
	cairo_paint(cr);
	hsv(hue, 0.45, 0.35, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_arc(cr, 300, 860, 300, M_PI, 2 * M_PI);	/* shoulders */
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.96, 0.84, 0.72);
	cairo_arc(cr, 300, 330, 150, 0, 2 * M_PI);		/* head */
	cairo_fill(cr);
	hsv(fmod(hue + 200, 360), 0.5, 0.25, &r, &g, &b);
	cairo_set_source_rgb(cr, r, g, b);
	cairo_arc(cr, 300, 300, 160, M_PI * 1.05, M_PI * 1.95); /* hair */
	cairo_fill(cr);
	cairo_surface_flush(s);
	write_jpeg(s, path, 0);
	cairo_pattern_destroy(bg);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* Stored 60×40; EXIF 6 turns it upright to 40×60, the red bar on top. */
static void
turned(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    60, 40);
	cairo_t *cr = cairo_create(s);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	/* Turned clockwise on display, the left column becomes the top. */
	cairo_set_source_rgb(cr, 0.9, 0.1, 0.1);
	cairo_rectangle(cr, 0, 0, 10, 40);
	cairo_fill(cr);
	cairo_surface_flush(s);
	write_jpeg(s, path, 6);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "portrait") == 0)
		portrait(argv[2], atof(argv[3]));
	else if (argc == 3 && strcmp(argv[1], "turned") == 0)
		turned(argv[2]);
	else {
		fputs("usage: mkphotos portrait OUT.jpg HUE | turned OUT.jpg\n",
		    stderr);
		return 2;
	}
	return 0;
}
