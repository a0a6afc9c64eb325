/*
 * pngdiff: compares two PNG files pixel by pixel, for the golden tests.
 *
 *   pngdiff [-c] EXPECTED ACTUAL [MAX_SHARE]
 *
 * A pixel differs when any channel differs by more than 16 of 255.
 * Exits 0 when the images have the same size and at most MAX_SHARE
 * (default 0.001, a tenth of a percent) of the pixels differ; prints
 * the figures either way.  Exit 1 on a difference, 2 on a read error.
 * -c compares the top-left area the two share when their sizes differ
 * by at most a pixel each way: Ghostscript rounds a page's size in
 * pixels down where poppler, MuPDF and brochure round it up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

static unsigned char *
load(const char *path, png_image *img)
{
	unsigned char *buf;

	memset(img, 0, sizeof(*img));
	img->version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(img, path)) {
		fprintf(stderr, "pngdiff: %s: %s\n", path, img->message);
		return NULL;
	}
	img->format = PNG_FORMAT_RGBA;
	buf = malloc(PNG_IMAGE_SIZE(*img));
	if (buf == NULL || !png_image_finish_read(img, NULL, buf, 0, NULL)) {
		fprintf(stderr, "pngdiff: %s: %s\n", path, img->message);
		free(buf);
		return NULL;
	}
	return buf;
}

int
main(int argc, char **argv)
{
	png_image a, b;
	unsigned char *pa, *pb;
	double max_share, share;
	size_t i, n, bad = 0, ia, ib;
	unsigned w, h;
	int c, worst = 0, crop = argc > 1 && strcmp(argv[1], "-c") == 0;

	argc -= crop;
	argv += crop;
	if (argc < 3) {
		fputs("usage: pngdiff [-c] EXPECTED ACTUAL [MAX_SHARE]\n",
		    stderr);
		return 2;
	}
	max_share = argc > 3 ? atof(argv[3]) : 0.001;
	if ((pa = load(argv[1], &a)) == NULL ||
	    (pb = load(argv[2], &b)) == NULL)
		return 2;
	if ((a.width != b.width || a.height != b.height) &&
	    (!crop || abs((int)a.width - (int)b.width) > 1 ||
	    abs((int)a.height - (int)b.height) > 1)) {
		printf("size differs: %ux%u, %ux%u\n", a.width, a.height,
		    b.width, b.height);
		return 1;
	}
	w = a.width < b.width ? a.width : b.width;
	h = a.height < b.height ? a.height : b.height;
	n = (size_t)w * h;
	for (i = 0; i < n; i++) {
		int d = 0;

		ia = 4 * ((i / w) * a.width + i % w);
		ib = 4 * ((i / w) * b.width + i % w);
		for (c = 0; c < 4; c++) {
			int x = abs(pa[ia + c] - pb[ib + c]);

			d = x > d ? x : d;
		}
		worst = d > worst ? d : worst;
		bad += d > 16;
	}
	share = (double)bad / (double)n;
	printf("%zu of %zu pixels differ (%.4f%%), largest channel "
	    "difference %d\n", bad, n, 100 * share, worst);
	free(pa);
	free(pb);
	return share <= max_share ? 0 : 1;
}
