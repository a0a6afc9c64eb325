/*
 * Unit tests for quotes.c: straight quotes curled by their context.
 */
#include <glib.h>

#include "quotes.h"
#include "testutil.h"

static void
test_curl_table(void **state)
{
	static const struct {
		const char	*text;
		const char	*curled;	/* NULL: nothing to curl */
	} rows[] = {
		{ "인턴 'Gina'의 회고", "인턴 ‘Gina’의 회고" },
		{ "'시작'과 끝", "‘시작’과 끝" },
		{ "He said \"don't.\"", "He said “don’t.”" },
		{ "(\"괄호\") ['a']", "(“괄호”) [‘a’]" },
		{ "\"'겹친'\"", "“‘겹친’”" },
		{ "‘미니컨'에서", "‘미니컨’에서" },
		{ "줄\n'다음'", "줄\n‘다음’" },
		{ "90's —'dash'", "90’s —‘dash’" },
		{ "그냥 글", NULL },
	};
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *got = quotes_curl(rows[i].text);

		if (g_strcmp0(got, rows[i].curled) != 0) {
			print_error("row %zu: '%s'\n got '%s'\nwant '%s'\n",
			    i, rows[i].text, got ? got : "(null)",
			    rows[i].curled ? rows[i].curled : "(null)");
			bad++;
		}
		g_free(got);
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_curl_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
