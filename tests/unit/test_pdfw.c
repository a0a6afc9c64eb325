/*
 * Unit tests for pdfw.c: the number and string syntax a PDF viewer
 * reads, deflate that inflates back to its input, and a whole small
 * document that qpdf --check passes.
 */
#include <unistd.h>

#include <glib.h>
#include <isa-l/igzip_lib.h>

#include "pdfw.h"
#include "testutil.h"

static void
test_pdf_num(void **state)
{
	static const struct {
		double		 v;
		const char	*want;
	} rows[] = {
		{ 0, "0 " }, { 12, "12 " }, { 0.5, "0.5 " }, { -3.125, "-3.125 " },
		{ 841.8898, "841.89 " }, { 1e-4, "0 " }, { -1e-4, "0 " },
		{ 0.0005, "0.001 " }, { -0.25, "-0.25 " }, { 100.1, "100.1 " },
		{ 595.2756, "595.276 " }, { 123456789.5, "123456789.5 " },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		GString *s = g_string_new(NULL);

		pdf_num(s, rows[i].v);
		assert_string_equal(s->str, rows[i].want);
		g_string_free(s, TRUE);
	}
}

static void
test_pdf_strings(void **state)
{
	GString *s = g_string_new(NULL);

	(void)state;
	pdf_literal(s, "a(b)\\c\r", 7);
	assert_string_equal(s->str, "(a\\(b\\)\\\\c\\r)");
	g_string_truncate(s, 0);
	pdf_text_string(s, "Gina 카카오 😀");
	/* UTF-16BE with its byte order mark; U+1F600 as a pair. */
	assert_string_equal(s->str,
	    "<FEFF00470069006E00610020CE74CE74C6240020D83DDE00>");
	g_string_free(s, TRUE);
}

/* Inflates z (a zlib stream) back; the bytes, of *len. */
static unsigned char *
inflate_all(const unsigned char *z, size_t zlen, size_t max, size_t *len)
{
	struct inflate_state st;
	unsigned char *out = g_malloc(max);

	isal_inflate_init(&st);
	st.crc_flag = ISAL_ZLIB;
	st.next_in = (uint8_t *)(uintptr_t)z;
	st.avail_in = (uint32_t)zlen;
	st.next_out = out;
	st.avail_out = (uint32_t)max;
	assert_int_equal(isal_inflate(&st), ISAL_DECOMP_OK);
	assert_int_equal(st.block_state, ISAL_BLOCK_FINISH);
	*len = max - st.avail_out;
	return out;
}

static void
test_pdf_deflate(void **state)
{
	GString *in = g_string_new(NULL);
	unsigned char *z, *z2, *back;
	size_t zlen, zlen2, len;
	int i;

	(void)state;
	for (i = 0; i < 20000; i++)
		g_string_append_printf(in, "BT /F1 9 Tf %d 0 Td (x) Tj ET\n",
		    i % 97);
	z = pdf_deflate(in->str, in->len, &zlen);
	assert_non_null(z);
	assert_true(zlen < in->len / 10);
	back = inflate_all(z, zlen, in->len + 16, &len);
	assert_int_equal(len, in->len);
	assert_memory_equal(back, in->str, len);
	/* The same bytes again: the same stream. */
	z2 = pdf_deflate(in->str, in->len, &zlen2);
	assert_int_equal(zlen, zlen2);
	assert_memory_equal(z, z2, zlen);
	g_free(back);
	g_free(z);
	g_free(z2);
	/* Short and empty inputs go through too. */
	z = pdf_deflate("q", 1, &zlen);
	back = inflate_all(z, zlen, 16, &len);
	assert_int_equal(len, 1);
	g_free(back);
	g_free(z);
	z = pdf_deflate("", 0, &zlen);
	back = inflate_all(z, zlen, 16, &len);
	assert_int_equal(len, 0);
	g_free(back);
	g_free(z);
	g_string_free(in, TRUE);
}

/* A one-page document with a filled square: qpdf finds nothing wrong. */
static void
test_pdfw_document(void **state)
{
	char path[] = "/tmp/test_pdfw.XXXXXX";
	int fd = g_mkstemp(path), st = -1, root, pages, page, content;
	FILE *fp = fdopen(fd, "wb");
	struct pdfw *w = pdfw_new(fp, "1.7");
	static const char draw[] = "1 0 0 rg 10 10 50 50 re f\n";
	char *out = NULL, *argv[] = { "qpdf", "--check", path, NULL };

	(void)state;
	root = pdfw_reserve(w);
	pages = pdfw_reserve(w);
	page = pdfw_reserve(w);
	content = pdfw_reserve(w);
	(void)pdfw_reserve(w);		/* never written: a free entry */
	pdfw_stream(w, content, "", draw, sizeof(draw) - 1);
	pdfw_begin(w, page);
	pdfw_printf(w, "<</Type /Page /Parent %d 0 R /MediaBox [0 0 100 100] "
	    "/Contents %d 0 R>>", pages, content);
	pdfw_end(w);
	pdfw_begin(w, pages);
	pdfw_printf(w, "<</Type /Pages /Kids [%d 0 R] /Count 1>>", page);
	pdfw_end(w);
	pdfw_begin(w, root);
	pdfw_printf(w, "<</Type /Catalog /Pages %d 0 R>>", pages);
	pdfw_end(w);
	assert_true(pdfw_finish(w, root, 0));
	pdfw_free(w);
	fclose(fp);
	assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &st, NULL));
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	assert_int_equal(st, 0);
	g_free(out);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_num),
		cmocka_unit_test(test_pdf_strings),
		cmocka_unit_test(test_pdf_deflate),
		cmocka_unit_test(test_pdfw_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
