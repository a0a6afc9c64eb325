/*
 * libFuzzer target: an image file (PNG, JPEG with EXIF, SVG), loaded
 * as an image block would load it, then drawn into a small PDF and a
 * small raster.  Limits must refuse what is too large before decoding.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "fuzz.h"
#include "image.h"

static cairo_status_t
discard(void *c, const unsigned char *d, unsigned int n)
{
	(void)c;
	(void)d;
	(void)n;
	return CAIRO_STATUS_SUCCESS;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	char path[] = "/tmp/brochure-fuzz-image-XXXXXX";
	struct diag_pos pos = { "fuzz.yaml", 1, 1 };
	struct diag d;
	struct image *img;
	int fd = mkstemp(path);
	FILE *fp;

	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL)
		return 0;
	fwrite(buf, 1, len, fp);
	fclose(fp);
	diag_init(&d, NULL);
	img = image_load(path, &pos, &d);
	unlink(path);
	if (img != NULL) {
		cairo_surface_t *targets[2] = {
			cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64),
			cairo_pdf_surface_create_for_stream(discard, NULL, 64,
			    64),
		};
		size_t i;

		for (i = 0; i < 2; i++) {
			cairo_t *cr = cairo_create(targets[i]);
			cairo_surface_t *s = image_surface(img);

			cairo_scale(cr, 64 / image_width(img),
			    64 / image_height(img));
			if (!image_draw_svg(img, cr, image_width(img),
			    image_height(img)) && s != NULL) {
				cairo_set_source_surface(cr, s, 0, 0);
				cairo_paint(cr);
			}
			cairo_destroy(cr);
			cairo_surface_finish(targets[i]);
			cairo_surface_destroy(targets[i]);
		}
		image_free(img);
	}
	return 0;
}
