/*
 * Unit tests for pdffont.c: a one-page PDF drawing a few glyphs of the
 * bundled fonts (its content stream written here by hand), read back
 * with the tools a user has: qpdf --check passes, pdffonts shows each
 * font embedded, subset, with a ToUnicode map, as a CID TrueType (or
 * CFF) font, pdftotext gives the Korean and Latin text back, text
 * boxes are as wide as the widths given, and the file is a small
 * fraction of the 4.7 MB NanumGothic.
 */
#define _GNU_SOURCE	/* memmem */
#include <math.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <hb.h>

#include "testutil.h"
#include "pdffont.h"
#include "pdfw.h"

#define NANUM	"fonts/NanumGothic.ttf"
#define LATO	"fonts/Lato-Regular.ttf"
/* A CFF font from Debian's fonts-urw-base35 (Ghostscript's fonts). */
#define NIMBUS	"/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf"

/* One run of text: a font file, its face, the text and its glyphs. */
struct run {
	const char	*file;
	const char	*text;
	bool		 shape;		/* through hb_shape (ligatures), else
					   one glyph per character (cmap) */
};

/* A use the test allocated: what it holds, then itself. */
static void
use_free(struct pdffont_use *u)
{
	pdffont_use_free(u);
	g_free(u);
}

/* The glyphs of r's text in r's font, their widths from hmtx. */
static struct pdffont_use *
use_make(const struct run *r)
{
	hb_blob_t *blob = hb_blob_create_from_file(r->file);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	struct pdffont_use *u = g_new0(struct pdffont_use, 1);
	double k = 1000.0 / hb_face_get_upem(face);

	u->file = g_strdup(r->file);
	u->glyphs = g_array_new(FALSE, TRUE, sizeof(struct pdfglyph));
	if (r->shape) {
		hb_buffer_t *buf = hb_buffer_create();
		unsigned int n;
		hb_glyph_info_t *info;

		hb_buffer_add_utf8(buf, r->text, -1, 0, -1);
		hb_buffer_guess_segment_properties(buf);
		hb_shape(font, buf, NULL, 0);
		info = hb_buffer_get_glyph_infos(buf, &n);
		for (unsigned int i = 0; i < n; i++) {
			unsigned int end = i + 1 < n ? info[i + 1].cluster :
			    (unsigned int)strlen(r->text);
			struct pdfglyph g = { info[i].codepoint,
			    hb_font_get_glyph_h_advance(font,
			    info[i].codepoint) * k,
			    g_strndup(r->text + info[i].cluster,
			    end - info[i].cluster) };

			g_array_append_val(u->glyphs, g);
		}
		hb_buffer_destroy(buf);
	} else
		for (const char *p = r->text; *p != '\0';
		    p = g_utf8_next_char(p)) {
			hb_codepoint_t gid = 0;
			struct pdfglyph g;

			hb_font_get_nominal_glyph(font,
			    g_utf8_get_char(p), &gid);
			g.gid = gid;
			g.width = hb_font_get_glyph_h_advance(font, gid) * k;
			g.text = g_strndup(p,
			    (size_t)(g_utf8_next_char(p) - p));
			g_array_append_val(u->glyphs, g);
		}
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return u;
}

/*
 * A one-page A4 document at path: each run a line of 12pt text in its
 * font /F<i>.  The uses are kept as given (a glyph may repeat in the
 * content; pdffonts_add keeps its first).  False, with d's lines, if
 * the fonts could not be written.
 */
static bool
doc_write(const char *path, struct pdffont_use **uses, size_t n,
    struct diag *d)
{
	FILE *fp = fopen(path, "wb");
	struct pdfw *w = pdfw_new(fp, "1.7");
	struct pdffonts *fs = pdffonts_new();
	int catalog = pdfw_reserve(w), pages = pdfw_reserve(w);
	int page = pdfw_reserve(w), content = pdfw_reserve(w);
	GString *res = g_string_new("/Font <<"), *s = g_string_new(NULL);
	bool ok;

	assert_non_null(fp);
	for (size_t i = 0; i < n; i++) {
		g_string_append_printf(res, " /F%zu %d 0 R", i,
		    pdffonts_add(fs, w, uses[i]));
		g_string_append_printf(s, "BT /F%zu 12 Tf 72 %zu Td <", i,
		    770 - 20 * i);
		for (guint j = 0; j < uses[i]->glyphs->len; j++)
			g_string_append_printf(s, "%04X", g_array_index(
			    uses[i]->glyphs, struct pdfglyph, j).gid);
		g_string_append(s, "> Tj ET\n");
	}
	g_string_append(res, " >>");
	pdfw_stream(w, content, "", s->str, s->len);
	pdfw_begin(w, page);
	pdfw_printf(w, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
	    "/Resources << %s >> /Contents %d 0 R >>\n", pages, res->str,
	    content);
	pdfw_end(w);
	pdfw_begin(w, pages);
	pdfw_printf(w, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>\n", page);
	pdfw_end(w);
	pdfw_begin(w, catalog);
	pdfw_printf(w, "<< /Type /Catalog /Pages %d 0 R >>\n", pages);
	pdfw_end(w);
	ok = pdffonts_write(fs, w, d);
	ok = pdfw_finish(w, catalog, 0) && ok;
	pdffonts_free(fs);
	pdfw_free(w);
	fclose(fp);
	g_string_free(res, TRUE);
	g_string_free(s, TRUE);
	return ok;
}

/* A command's standard output (its status into *st); g_free() it. */
static char *
run_tool(const char *cmd, int *st)
{
	char *out = NULL, *err = NULL;
	int status = -1;

	if (!g_spawn_command_line_sync(cmd, &out, &err, &status, NULL))
		fail_msg("cannot run %s", cmd);
	*st = status;
	g_free(err);
	return out;
}

static void
need_tool(const char *name)
{
	char *p = g_find_program_in_path(name);

	if (p == NULL) {
		print_message("%s is missing (poppler-utils, qpdf)\n", name);
		skip();
	}
	g_free(p);
}

static char *
tmp_pdf(void)
{
	char *path = g_strdup("/tmp/test_pdffont.XXXXXX");
	int fd = g_mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	return path;
}

/* The uses of runs, written to a new temporary PDF; free the path. */
static char *
runs_write(const struct run *runs, size_t n)
{
	struct pdffont_use **uses = g_new(struct pdffont_use *, n);
	char *path = tmp_pdf();
	struct capture c;

	capture_begin(&c);
	for (size_t i = 0; i < n; i++)
		uses[i] = use_make(&runs[i]);
	assert_true(doc_write(path, uses, n, &c.d));
	assert_string_equal(capture_text(&c), "");
	capture_end(&c);
	for (size_t i = 0; i < n; i++)
		use_free(uses[i]);
	g_free(uses);
	return path;
}

static long long
file_size(const char *path)
{
	GStatBuf st;

	assert_int_equal(g_stat(path, &st), 0);
	return (long long)st.st_size;
}

static void
qpdf_clean(const char *path)
{
	char *cmd = g_strdup_printf("qpdf --check %s", path);
	int st;
	char *out = run_tool(cmd, &st);

	if (st != 0 || strstr(out, "WARNING") != NULL)
		fail_msg("qpdf --check: %s", out);
	g_free(out);
	g_free(cmd);
}

/*
 * The line of pdffonts for the font named NAME (after its tag): its
 * type, encoding, emb, sub and uni columns.
 */
static void
assert_font(const char *fonts, const char *name, const char *type)
{
	char **lines = g_strsplit(fonts, "\n", -1);
	bool found = false;

	for (char **l = lines; *l != NULL; l++) {
		char **f, *col[32];
		guint n;

		if (strlen(*l) < 8 || (*l)[6] != '+' ||
		    strncmp(*l + 7, name, strlen(name)) != 0)
			continue;
		for (int i = 0; i < 6; i++)
			assert_true(g_ascii_isupper((*l)[i]));
		found = true;
		assert_non_null(strstr(*l, type));
		assert_non_null(strstr(*l, "Identity-H"));
		f = g_strsplit_set(*l, " ", -1);
		n = 0;
		for (char **p = f; *p != NULL; p++)
			if (**p != '\0' && n < G_N_ELEMENTS(col))
				col[n++] = *p;
		/* name type… encoding emb sub uni object ID */
		assert_true(n >= 7);
		assert_string_equal(col[n - 5], "yes");
		assert_string_equal(col[n - 4], "yes");
		assert_string_equal(col[n - 3], "yes");
		g_strfreev(f);
	}
	if (!found)
		fail_msg("no %s in pdffonts:\n%s", name, fonts);
	g_strfreev(lines);
}

static char *
text_of(const char *path)
{
	char *cmd = g_strdup_printf("pdftotext -raw %s -", path);
	int st;
	char *out = run_tool(cmd, &st);

	assert_int_equal(st, 0);
	g_free(cmd);
	return out;
}

static void
test_korean_and_latin(void **state)
{
	static const struct run runs[] = {
		{ NANUM, "카카오브레인은 빠르다", false },
		{ LATO, "Unthinkable Question", false },
	};
	char *path, *out, *cmd;
	int st;

	(void)state;
	need_tool("qpdf");
	need_tool("pdffonts");
	need_tool("pdftotext");
	path = runs_write(runs, 2);
	qpdf_clean(path);
	cmd = g_strdup_printf("pdffonts %s", path);
	out = run_tool(cmd, &st);
	assert_int_equal(st, 0);
	assert_font(out, "NanumGothic", "CID TrueType");
	assert_font(out, "Lato-Regular", "CID TrueType");
	g_free(out);
	out = text_of(path);
	assert_non_null(strstr(out, "카카오브레인은 빠르다\n"));
	assert_non_null(strstr(out, "Unthinkable Question\n"));
	/* Far smaller than the 4.7 MB and 0.66 MB files it came from. */
	print_message("korean and latin: %lld bytes (the TTFs: %lld)\n",
	    file_size(path), file_size(NANUM) + file_size(LATO));
	assert_true(file_size(path) < 16 * 1024);
	unlink(path);
	g_free(out);
	g_free(cmd);
	g_free(path);
}

/*
 * A ligature gives its characters back; a glyph that stands for a
 * character past U+FFFF (a surrogate pair in the map) gives it back.
 */
static void
test_ligature_and_astral(void **state)
{
	static const struct run runs[] = {
		{ LATO, "office affine", true },
	};
	struct pdffont_use *u;
	struct pdfglyph g = { 0 };
	char *path = tmp_pdf(), *out;
	struct capture c;

	(void)state;
	need_tool("pdftotext");
	u = use_make(&runs[0]);
	/* The shaper made ligatures: fewer glyphs than characters. */
	assert_true(u->glyphs->len < strlen(runs[0].text));
	g.gid = 3;	/* a space in Lato; the map says what it stands for */
	g.width = 500;
	g.text = g_strdup(" \xF0\x9D\x92\x9C");	/* " 𝒜" */
	g_array_append_val(u->glyphs, g);
	capture_begin(&c);
	assert_true(doc_write(path, &u, 1, &c.d));
	capture_end(&c);
	out = text_of(path);
	assert_non_null(strstr(out, "office affine \xF0\x9D\x92\x9C"));
	use_free(u);
	unlink(path);
	g_free(out);
	g_free(path);
}

/*
 * The boxes pdftotext -bbox gives are as wide as the widths the page
 * gave (a selection in a viewer covers the glyphs drawn), also a
 * width that is not the font's own.
 */
static void
test_widths(void **state)
{
	static const struct run run = { LATO, "Unthinkable", false };
	struct pdffont_use *u = use_make(&run);
	char *path = tmp_pdf(), *cmd, *out, *x;
	double sum = 0, xmax;
	struct capture c;
	int st;

	(void)state;
	need_tool("pdftotext");
	g_array_index(u->glyphs, struct pdfglyph, 0).width = 777.5;
	for (guint i = 0; i < u->glyphs->len; i++) {
		const struct pdfglyph *g = &g_array_index(u->glyphs,
		    struct pdfglyph, i);
		/* A glyph twice in the run has its first width. */
		for (guint j = 0; j < i; j++)
			if (g_array_index(u->glyphs, struct pdfglyph,
			    j).gid == g->gid) {
				g = &g_array_index(u->glyphs,
				    struct pdfglyph, j);
				break;
			}
		sum += g->width;
	}
	capture_begin(&c);
	assert_true(doc_write(path, &u, 1, &c.d));
	capture_end(&c);
	cmd = g_strdup_printf("pdftotext -bbox %s -", path);
	out = run_tool(cmd, &st);
	assert_int_equal(st, 0);
	x = strstr(out, "xMax=\"");
	assert_non_null(x);
	xmax = g_ascii_strtod(x + 6, NULL);
	assert_float_equal(xmax, 72 + sum * 12 / 1000, 0.01);
	use_free(u);
	unlink(path);
	g_free(out);
	g_free(cmd);
	g_free(path);
}

/* n Hangul syllables from U+AC00 on, every 7th (a spread of gids). */
static char *
hangul(int n)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < n; i++)
		g_string_append_unichar(s, 0xac00 + 7 * (gunichar)i);
	return g_string_free(s, FALSE);
}

/*
 * 50 and 500 Hangul glyphs of the 4.7 MB NanumGothic: the file holds
 * a few KB per few glyphs.  Prints the sizes and the time taken (no
 * assertion on time).
 */
static void
test_subset_sizes(void **state)
{
	static const int counts[] = { 5, 50, 500 };
	/* A generous ceiling: far under the 4.7 MB file, by count. */
	static const long long ceiling[] = { 8 * 1024, 20 * 1024,
		100 * 1024 };

	(void)state;
	need_tool("qpdf");
	for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
		char *text = hangul(counts[i]);
		struct run r = { NANUM, text, false };
		struct timespec t0, t1;
		char *path;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		path = runs_write(&r, 1);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		qpdf_clean(path);
		print_message("%d Hangul glyphs: %lld bytes, %.1f ms\n",
		    counts[i], file_size(path), (t1.tv_sec - t0.tv_sec) *
		    1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
		assert_true(file_size(path) < ceiling[i]);
		unlink(path);
		g_free(path);
		g_free(text);
	}
}

/* CFF outlines: a CIDFontType0 with FontFile3 /OpenType. */
static void
test_cff(void **state)
{
	static const struct run run = { NIMBUS, "Hello CFF", false };
	char *path, *cmd, *out;
	int st;

	(void)state;
	if (access(NIMBUS, R_OK) != 0) {
		print_message("%s is missing (fonts-urw-base35)\n", NIMBUS);
		skip();
	}
	need_tool("qpdf");
	need_tool("pdffonts");
	need_tool("pdftotext");
	path = runs_write(&run, 1);
	qpdf_clean(path);
	cmd = g_strdup_printf("pdffonts %s", path);
	out = run_tool(cmd, &st);
	assert_font(out, "NimbusSans-Regular", "CID Type 0C (OT)");
	g_free(out);
	out = text_of(path);
	assert_non_null(strstr(out, "Hello CFF"));
	unlink(path);
	g_free(out);
	g_free(cmd);
	g_free(path);
}

/* The same pages give the same bytes, a tag and all; another glyph set
 * another tag. */
static void
test_same_bytes(void **state)
{
	static const struct run a = { NANUM, "빠르다", false };
	static const struct run b = { NANUM, "비행기", false };
	char *p1 = runs_write(&a, 1), *p2 = runs_write(&a, 1);
	char *p3 = runs_write(&b, 1);
	char *d1, *d2, *d3;
	const char *tag;
	gsize n1, n2, n3;

	(void)state;
	assert_true(g_file_get_contents(p1, &d1, &n1, NULL));
	assert_true(g_file_get_contents(p2, &d2, &n2, NULL));
	assert_true(g_file_get_contents(p3, &d3, &n3, NULL));
	assert_int_equal(n1, n2);
	assert_memory_equal(d1, d2, n1);
	tag = memmem(d1, n1, "+NanumGothic", 12);
	assert_non_null(tag);
	assert_non_null(memmem(d3, n3, "+NanumGothic", 12));
	assert_null(memmem(d3, n3, tag - 6, 18));
	for (char **p = (char *[]){ p1, p2, p3, NULL }; *p != NULL; p++) {
		unlink(*p);
		g_free(*p);
	}
	g_free(d1);
	g_free(d2);
	g_free(d3);
}

/* A font that cannot be read or is no font: an error at the file. */
static void
test_bad_font(void **state)
{
	static const char *const files[] = { "fonts/nosuch.ttf",
		"fonts/README" };
	static const char *const why[] = { "cannot read the file",
		"not a font, or no face 0 in it" };

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
		struct pdffont_use *u = g_new0(struct pdffont_use, 1);
		struct pdfglyph g = { 36, 600, g_strdup("A") };
		char *path = tmp_pdf(), *want;
		struct capture c;

		u->file = g_strdup(files[i]);
		u->glyphs = g_array_new(FALSE, TRUE, sizeof(g));
		g_array_append_val(u->glyphs, g);
		capture_begin(&c);
		assert_false(doc_write(path, &u, 1, &c.d));
		want = g_strdup_printf("%s: error: cannot embed font '%s': "
		    "%s\n", files[i], files[i], why[i]);
		assert_string_equal(capture_text(&c), want);
		capture_end(&c);
		use_free(u);
		unlink(path);
		g_free(path);
		g_free(want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_korean_and_latin),
		cmocka_unit_test(test_ligature_and_astral),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_subset_sizes),
		cmocka_unit_test(test_cff),
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_bad_font),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
