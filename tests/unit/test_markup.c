/*
 * Unit tests for markup.c: character style tags read out of a text.
 * A row gives the text, then what it reads as: the text without tags
 * and its spans written "style@start-end" (bytes), or the error.
 */
#include <string.h>

#include <glib.h>

#include "markup.h"
#include "testutil.h"

static const struct span_style spans[] = {
	{ .name = "accent" }, { .name = "mark" }, { .name = "b-2" },
};

static char *
describe(const struct markup *m)
{
	GString *s = g_string_new(m->text);
	size_t i;

	for (i = 0; i < m->n; i++)
		g_string_append_printf(s, " %s@%zu-%zu",
		    spans[m->spans[i].style].name, m->spans[i].start,
		    m->spans[i].end);
	return g_string_free(s, FALSE);
}

static void
test_markup_table(void **state)
{
	static const struct {
		const char	*in;
		const char	*want;	/* text and spans, or the error */
	} rows[] = {
		/* good */
		{ "그냥 글", "그냥 글" },
		{ "<accent>카카오</accent>브레인", "카카오브레인 accent@0-9" },
		{ "a <accent>b <mark>c</mark></accent>",
		    "a b c accent@2-5 mark@4-5" },
		{ "<b-2>x</b-2><accent></accent>y", "xy b-2@0-1" },
		/* escaped and literal '<' */
		{ "a<<b <<accent>", "a<b <accent>" },
		{ "3 < 5, 1<2, <", "3 < 5, 1<2, <" },
		/* bad */
		{ "<accnt>x</accnt>",
		    "'<accnt>': no character style 'accnt' in 'spans'" },
		{ "x</accent>", "'</accent>' closes no '<accent>'" },
		{ "<accent><mark>x</accent></mark>",
		    "'</accent>' crosses '<mark>', opened inside it: "
		    "close '</mark>' first" },
		{ "<accent>x",
		    "'<accent>' is never closed (no '</accent>' after it)" },
		{ "<accent x>", "a tag '<accent x>' with no '>' after its "
		    "name (write '<<' for a '<')" },
		{ "<mark><mark><mark><mark><mark><mark><mark><mark><mark>",
		    "'<mark>' is more than 8 spans deep" },
	};
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct markup m;
		char err[200], *got;

		if (markup_parse(rows[i].in, spans, 3, &m, err, sizeof(err))) {
			got = describe(&m);
			markup_clear(&m);
		} else {
			got = g_strdup(err);
		}
		if (strcmp(got, rows[i].want) != 0) {
			print_error("row %zu: '%s'\n got '%s'\nwant '%s'\n",
			    i, rows[i].in, got, rows[i].want);
			bad++;
		}
		g_free(got);
	}
	assert_int_equal(bad, 0);
}

/* Escaped data reads back as it was; curled quotes move the spans. */
static void
test_markup_escape_move(void **state)
{
	struct markup m;
	char err[200], *e = markup_escape("x<y <<accent>");

	(void)state;
	assert_string_equal(e, "x<<y <<<<accent>");
	assert_true(markup_parse(e, spans, 3, &m, err, sizeof(err)));
	assert_string_equal(m.text, "x<y <<accent>");
	markup_clear(&m);
	g_free(e);

	assert_true(markup_parse("'<accent>a'</accent>b", spans, 3, &m,
	    err, sizeof(err)));
	markup_move(&m, "‘a’b");
	assert_int_equal(m.spans[0].start, 3);
	assert_int_equal(m.spans[0].end, 7);
	markup_clear(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markup_table),
		cmocka_unit_test(test_markup_escape_move),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
