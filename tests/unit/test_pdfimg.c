/*
 * Unit tests for pdfimg.c and pdfsvg.c: a PNG with alpha, two JPEGs
 * (one EXIF-turned) and the sample's SVG logo placed on PDF pages, then
 * read back by real tools: qpdf --check, pdfimages (the JPEGs passed
 * through byte for byte, the PNG an image and its smask, the logo no
 * image at all), pdftoppm's pixels against cairo's own.
 */
#include <unistd.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "image.h"
#include "pdfimg.h"
#include "pdfw.h"
#include "testutil.h"

/* ---- the tests ---- */

static char *tmp;	/* a folder of this run's files */

static char *
in_tmp(const char *name)
{
	return g_build_filename(tmp, name, NULL);
}

/*
 * A 64 × 48 PNG with every alpha from 0 to 255 across it and colours
 * down it: what premultiplication would spoil if not undone.
 */
static char *
make_alpha_png(void)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
	    64, 48);
	cairo_t *cr = cairo_create(s);
	cairo_pattern_t *across = cairo_pattern_create_linear(0, 0, 64, 0);
	char *path = in_tmp("alpha.png");

	cairo_pattern_add_color_stop_rgba(across, 0, 0, 0, 0, 0);
	cairo_pattern_add_color_stop_rgba(across, 1, 0, 0, 0, 1);
	cairo_push_group(cr);
	cairo_set_source_rgb(cr, 0.9, 0.2, 0.1);
	cairo_rectangle(cr, 0, 0, 64, 16);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.1, 0.6, 0.3);
	cairo_rectangle(cr, 0, 16, 64, 16);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.2, 0.3, 0.95);
	cairo_rectangle(cr, 0, 32, 64, 16);
	cairo_fill(cr);
	cairo_pop_group_to_source(cr);
	cairo_mask(cr, across);
	cairo_pattern_destroy(across);
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png(s, path),
	    CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return path;
}

/* One image on a page: where, and at what size [pt]. */
struct place {
	const struct pdfimg	*img;
	double			 x, y, w, h;
};

/*
 * A one-page PDF at path of pw × ph points placing each image, its
 * content written as a page's would be: an image maps the unit square,
 * a form its /BBox (w × h units, the image's size).
 */
static void
write_pdf(const char *path, double pw, double ph, const struct place *p,
    size_t n)
{
	FILE *fp = fopen(path, "wb");
	struct pdfw *w;
	GString *content = g_string_new(NULL), *res = g_string_new(NULL);
	int catalog, pages, page, body;
	size_t i;

	assert_non_null(fp);
	w = pdfw_new(fp, "1.7");
	catalog = pdfw_reserve(w);
	pages = pdfw_reserve(w);
	page = pdfw_reserve(w);
	body = pdfw_reserve(w);
	for (i = 0; i < n; i++) {
		int obj = pdfimg_write(p[i].img, w);
		double sx = p[i].w, sy = p[i].h;

		if (pdfimg_is_form(p[i].img))
			sx = sy = 1;
		g_string_append_printf(res, "/Im%zu %d 0 R ", i, obj);
		g_string_append(content, "q ");
		pdf_num(content, sx);
		g_string_append(content, "0 0 ");
		pdf_num(content, sy);
		pdf_num(content, p[i].x);
		pdf_num(content, p[i].y);
		g_string_append_printf(content, "cm /Im%zu Do Q\n", i);
	}
	pdfw_begin(w, catalog);
	pdfw_printf(w, "<</Type /Catalog /Pages %d 0 R>>", pages);
	pdfw_end(w);
	pdfw_begin(w, pages);
	pdfw_printf(w, "<</Type /Pages /Kids [%d 0 R] /Count 1>>", page);
	pdfw_end(w);
	pdfw_begin(w, page);
	pdfw_printf(w, "<</Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] "
	    "/Resources <</XObject <<%s>>>> /Contents %d 0 R>>", pages, pw,
	    ph, res->str, body);
	pdfw_end(w);
	pdfw_stream(w, body, "", content->str, content->len);
	assert_true(pdfw_finish(w, catalog, 0));
	pdfw_free(w);
	assert_int_equal(fclose(fp), 0);
	g_string_free(content, TRUE);
	g_string_free(res, TRUE);
}

/* Runs argv; its stdout (g_free), NULL if the tool is missing. */
static char *
run(const char *const *argv, int *status)
{
	char *out = NULL, *err = NULL;
	GError *e = NULL;

	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
	    NULL, NULL, &out, &err, status, &e)) {
		g_clear_error(&e);
		return NULL;
	}
	/* What the tool said goes with its output: a warning fails. */
	if (err != NULL && *err != '\0') {
		char *both = g_strconcat(out, err, NULL);

		g_free(out);
		out = both;
	}
	g_free(err);
	return out;
}

static void
need(const char *tool)
{
	char *p = g_find_program_in_path(tool);

	if (p == NULL) {
		print_message("%s is not installed\n", tool);
		skip();
	}
	g_free(p);
}

static struct image *
load_image(const char *path)
{
	struct capture c;
	struct image *img;

	capture_begin(&c);
	img = image_load(path, NULL, &c.d);
	assert_string_equal(capture_text(&c), "");
	capture_end(&c);
	assert_non_null(img);
	return img;
}

static struct pdfimg *
get(struct pdfimg_cache *cache, const struct image *img)
{
	struct capture c;
	struct pdfimg *pi;

	capture_begin(&c);
	pi = pdfimg_get(cache, img, &c.d);
	assert_string_equal(capture_text(&c), "");
	capture_end(&c);
	assert_non_null(pi);
	return pi;
}

/* The file's bytes equal to those of want. */
static void
assert_same_file(const char *got, const char *want)
{
	char *a, *b;
	gsize alen, blen;

	assert_true(g_file_get_contents(got, &a, &alen, NULL));
	assert_true(g_file_get_contents(want, &b, &blen, NULL));
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	g_free(a);
	g_free(b);
}

/*
 * The four images on one page: qpdf finds nothing wrong, pdfimages
 * lists the JPEGs as jpeg and gives back their files' bytes, the PNG
 * as an image with its smask, and nothing of the logo.
 */
static void
images_on_a_page(void **state)
{
	struct pdfimg_cache *cache = pdfimg_cache_new();
	char *png = make_alpha_png(), *pdf = in_tmp("four.pdf");
	char *prefix = in_tmp("x"), *out, **lines;
	const char *files[] = { png, "data/photos/gina.jpg",
	    "tests/cases/image/turned.jpg", "layouts/logo.svg" };
	struct image *img[4];
	struct pdfimg *pi[4];
	struct place p[4];
	int i, st, w, h, n;

	(void)state;
	need("qpdf");
	need("pdfimages");
	for (i = 0; i < 4; i++) {
		img[i] = load_image(files[i]);
		pi[i] = get(cache, img[i]);
		assert_string_equal(pdfimg_key(pi[i]), files[i]);
	}
	/* A second page's get: the same encoding, not a new one. */
	{
		struct pdfimg *again = get(cache, img[1]);

		assert_ptr_equal(again, pi[1]);
		pdfimg_unref(again);
	}
	assert_false(pdfimg_is_form(pi[0]));
	assert_true(pdfimg_is_form(pi[3]));
	pdfimg_pixels(pi[1], &w, &h);
	assert_int_equal(w, 600);
	assert_int_equal(h, 750);
	/* Stored pixels: turned.jpg is 60 × 40 as stored, shown 40 × 60. */
	pdfimg_pixels(pi[2], &w, &h);
	assert_int_equal(w, 60);
	assert_int_equal(h, 40);
	assert_int_equal((int)image_width(img[2]), 40);
	/* The main thread may hold images after the worker's cache went. */
	pdfimg_cache_free(cache);
	for (i = 0; i < 4; i++)
		image_free(img[i]);
	p[0] = (struct place){ pi[0], 350, 650, 64, 48 };
	p[1] = (struct place){ pi[1], 20, 400, 300, 375 };
	p[2] = (struct place){ pi[2], 350, 500, 120, 80 };
	p[3] = (struct place){ pi[3], 20, 20, 96, 96 };
	write_pdf(pdf, 600, 800, p, 4);
	for (i = 0; i < 4; i++)
		pdfimg_unref(pi[i]);

	out = run((const char *[]){ "qpdf", "--check", pdf, NULL }, &st);
	assert_non_null(out);
	if (st != 0 || strstr(out, "No syntax or stream encoding errors") ==
	    NULL || strstr(out, "WARNING") != NULL)
		fail_msg("qpdf --check:\n%s", out);
	g_free(out);

	out = run((const char *[]){ "pdfimages", "-list", pdf, NULL }, &st);
	assert_non_null(out);
	assert_int_equal(st, 0);
	/* Two heading lines, then one per image (of smask included). */
	lines = g_strsplit(g_strstrip(out), "\n", -1);
	n = (int)g_strv_length(lines);
	if (n != 2 + 4)
		fail_msg("pdfimages -list:\n%s", out);
	{
		/* page num type width height color comp bpc enc ... */
		static const char *const want[][5] = {
			{ "image", "64", "48", "rgb", "image" },
			{ "smask", "64", "48", "gray", "image" },
			{ "image", "600", "750", "rgb", "jpeg" },
			{ "image", "60", "40", "rgb", "jpeg" },
		};

		for (i = 0; i < 4; i++) {
			char **f = g_strsplit_set(lines[2 + i], " ", -1);
			char *joined, *expect;
			GPtrArray *words = g_ptr_array_new();
			int k;

			for (k = 0; f[k] != NULL; k++)
				if (*f[k] != '\0')
					g_ptr_array_add(words, f[k]);
			g_ptr_array_add(words, NULL);
			/* type width height color enc */
			joined = g_strjoin(" ", words->pdata[2], words->pdata[3],
			    words->pdata[4], words->pdata[5], words->pdata[8],
			    NULL);
			expect = g_strjoin(" ", want[i][0], want[i][1],
			    want[i][2], want[i][3], want[i][4], NULL);
			assert_string_equal(joined, expect);
			g_free(joined);
			g_free(expect);
			g_ptr_array_free(words, TRUE);
			g_strfreev(f);
		}
	}
	g_strfreev(lines);
	g_free(out);

	/* -j: the JPEGs as the files they came from, byte for byte. */
	out = run((const char *[]){ "pdfimages", "-j", pdf, prefix, NULL },
	    &st);
	assert_non_null(out);
	assert_int_equal(st, 0);
	g_free(out);
	out = in_tmp("x-002.jpg");
	assert_same_file(out, "data/photos/gina.jpg");
	g_free(out);
	out = in_tmp("x-003.jpg");
	assert_same_file(out, "tests/cases/image/turned.jpg");
	g_free(out);
	g_free(png);
	g_free(pdf);
	g_free(prefix);
}

/*
 * One image alone on a page of its size, rasterised at `dpi` by
 * poppler (pdftoppm) or MuPDF (mutool draw) and compared by pngdiff
 * with what cairo draws itself at the same scale over white: the same
 * picture, within antialiasing (pngdiff's 16 of 255 a channel) on
 * at most `share` of the pixels.
 */
static void
same_pixels(const char *file, const char *name, double dpi, bool mupdf,
    const char *share)
{
	struct pdfimg_cache *cache = pdfimg_cache_new();
	struct image *img = load_image(file);
	struct pdfimg *pi = get(cache, img);
	double w = image_width(img), h = image_height(img), k = dpi / 72;
	char *pdf = g_strdup_printf("%s/%s.pdf", tmp, name);
	char *ppm = g_strdup_printf("%s/%s-reader", tmp, name);
	char *got = g_strdup_printf("%s.png", ppm);
	char *want = g_strdup_printf("%s/%s-cairo.png", tmp, name);
	char *res = g_strdup_printf("%g", dpi), *out;
	struct place p = { pi, 0, 0, w, h };
	cairo_surface_t *s;
	cairo_t *cr;
	int st;

	need(mupdf ? "mutool" : "pdftoppm");
	if (access("build/tests/pngdiff", X_OK) != 0) {
		print_message("build/tests/pngdiff is not built\n");
		skip();
	}
	write_pdf(pdf, w, h, &p, 1);
	pdfimg_unref(pi);
	pdfimg_cache_free(cache);
	if (mupdf)
		/* Its stderr has a line on ICC support, whatever the file. */
		out = run((const char *[]){ "mutool", "draw", "-q", "-r", res,
		    "-o", got, pdf, NULL }, &st);
	else
		out = run((const char *[]){ "pdftoppm", "-png", "-r", res,
		    "-singlefile", pdf, ppm, NULL }, &st);
	assert_non_null(out);
	if (st != 0 || (!mupdf && *out != '\0'))
		fail_msg("%s: %s", mupdf ? "mutool draw" : "pdftoppm", out);
	g_free(out);

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)(w * k + 0.5), (int)(h * k + 0.5));
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	if (!image_draw_svg(img, cr, w, h)) {
		cairo_set_source_surface(cr, image_surface(img), 0, 0);
		cairo_paint(cr);
	}
	cairo_destroy(cr);
	assert_int_equal(cairo_surface_write_to_png(s, want),
	    CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	image_free(img);

	out = run((const char *[]){ "build/tests/pngdiff", want, got, share,
	    NULL }, &st);
	assert_non_null(out);
	if (st != 0)
		fail_msg("%s: %s against cairo: %s", file,
		    mupdf ? "mutool draw" : "pdftoppm", out);
	g_free(out);
	g_free(pdf);
	g_free(ppm);
	g_free(got);
	g_free(want);
	g_free(res);
}

/* The logo stays vectors and draws as cairo draws it. */
static void
svg_form_pixels(void **state)
{
	char *pdf = in_tmp("logo.pdf"), *out, **lines;
	int st;

	(void)state;
	need("pdfimages");
	same_pixels("layouts/logo.svg", "logo", 288, false, "0.01");
	out = run((const char *[]){ "pdfimages", "-list", pdf, NULL }, &st);
	assert_non_null(out);
	/* The two heading lines and no image. */
	lines = g_strsplit(g_strstrip(out), "\n", -1);
	if (g_strv_length(lines) != 2)
		fail_msg("pdfimages -list:\n%s", out);
	g_strfreev(lines);
	g_free(out);
	g_free(pdf);
}

/*
 * Alpha undone exactly: over white, every pixel of the PNG as cairo
 * composites it.  MuPDF, since poppler smooths a soft-masked image's
 * hard edges (rows 16 and 32 here) even at one pixel a pixel.
 */
static void
alpha_pixels(void **state)
{
	char *png = make_alpha_png();

	(void)state;
	same_pixels(png, "alpha", 72, true, "0");
	g_free(png);
}

/*
 * An SVG whose cairo PDF has objects of its own (a gradient's pattern,
 * shading and function; a group's soft mask, a form with its stream):
 * copied into ours, qpdf finds nothing wrong, it draws as cairo does.
 */
static void
svg_form_objects(void **state)
{
	static const char svg[] =
	    "<svg xmlns='http://www.w3.org/2000/svg' width='80' height='60'>"
	    "<defs><linearGradient id='g'><stop offset='0' stop-color='#f00'/>"
	    "<stop offset='1' stop-color='#00f'/></linearGradient></defs>"
	    "<rect width='80' height='60' fill='url(#g)'/>"
	    "<g opacity='0.5'><circle cx='40' cy='30' r='20' fill='#0a0'/>"
	    "<rect x='30' y='5' width='30' height='20' fill='#fc0'/></g></svg>";
	char *path = in_tmp("objects.svg"), *pdf = in_tmp("objects.pdf");
	char *out, **lines;
	int st;

	(void)state;
	need("qpdf");
	assert_true(g_file_set_contents(path, svg, -1, NULL));
	same_pixels(path, "objects", 144, false, "0.01");
	out = run((const char *[]){ "qpdf", "--check", pdf, NULL }, &st);
	assert_non_null(out);
	if (st != 0 || strstr(out, "No syntax or stream encoding errors") ==
	    NULL || strstr(out, "WARNING") != NULL)
		fail_msg("qpdf --check:\n%s", out);
	g_free(out);
	/* Shading, function, soft mask: the walk copied objects. */
	out = run((const char *[]){ "qpdf", "--show-xref", pdf, NULL }, &st);
	assert_non_null(out);
	lines = g_strsplit(out, "\n", -1);
	if (g_strv_length(lines) < 8)
		fail_msg("qpdf --show-xref: few objects:\n%s", out);
	g_strfreev(lines);
	g_free(out);
	g_free(path);
	g_free(pdf);
}

static int
setup(void **state)
{
	(void)state;
	tmp = g_dir_make_tmp("test_pdfimg-XXXXXX", NULL);
	return tmp == NULL;
}

static int
teardown(void **state)
{
	char *argv[] = { "rm", "-rf", tmp, NULL };

	(void)state;
	g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
	    NULL, NULL, NULL);
	g_free(tmp);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(images_on_a_page),
		cmocka_unit_test(svg_form_pixels),
		cmocka_unit_test(svg_form_objects),
		cmocka_unit_test(alpha_pixels),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
