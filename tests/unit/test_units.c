/*
 * Unit tests for units.c: the lengths, factors, colours and page sizes
 * a layout is written in.  Every length comes out in points, and
 * parsing must not depend on the locale.
 */
#include <locale.h>
#include <math.h>

#include "testutil.h"
#include "units.h"

#define EPS	1e-9

static double
length(const char *s, double em_size)
{
	double pt = -12345;

	assert_true(units_parse_length(s, em_size, &pt));
	return pt;
}

static void
rejects_length(const char *s, double em_size)
{
	double pt = -12345;

	if (units_parse_length(s, em_size, &pt))
		fail_msg("'%s' was accepted as %gpt", s, pt);
	assert_float_equal(pt, -12345, 0);	/* output left alone */
}

static void
test_length_units(void **state)
{
	(void)state;
	assert_float_equal(length("12pt", 0), 12, EPS);
	assert_float_equal(length("25.4mm", 0), 72, EPS);
	assert_float_equal(length("2.54cm", 0), 72, EPS);
	assert_float_equal(length("1in", 0), 72, EPS);
	assert_float_equal(length("1px", 0), 0.75, EPS);
	assert_float_equal(length("1080px", 0), 810, EPS);
	assert_float_equal(length("-3pt", 0), -3, EPS);
	assert_float_equal(length(".5in", 0), 36, EPS);
	assert_float_equal(length("+1.5pt", 0), 1.5, EPS);
}

static void
test_length_zero_needs_no_unit(void **state)
{
	(void)state;
	assert_float_equal(length("0", 0), 0, EPS);
	assert_float_equal(length("0.0", 0), 0, EPS);
	rejects_length("12", 0);
	rejects_length("0.5", 0);
}

static void
test_length_rejects_malformed(void **state)
{
	(void)state;
	rejects_length("12 pt", 0);
	rejects_length(" 12pt", 0);
	rejects_length("12pt ", 0);
	rejects_length("0x10pt", 0);
	rejects_length("inf", 0);
	rejects_length("infpt", 0);
	rejects_length("nan", 0);
	rejects_length("nanpt", 0);
	rejects_length("1e999pt", 0);	/* overflows to infinity */
	rejects_length("12PT", 0);
	rejects_length("12furlong", 0);
	rejects_length("pt", 0);
	rejects_length("", 0);
	rejects_length("-", 0);
	rejects_length("12,5pt", 0);
}

static void
test_length_em_needs_em_size(void **state)
{
	(void)state;
	rejects_length("2em", 0);
	assert_float_equal(length("2em", 10), 20, EPS);
	assert_float_equal(length("-0.02em", 10), -0.2, EPS);
	assert_float_equal(length("1em", 8.5), 8.5, EPS);
}

/*
 * Under a locale whose decimal separator is a comma, strtod would read
 * "12.5pt" as 12 with ".5pt" left over.  tests/unit.sh builds a
 * private de_DE.UTF-8 locale (LOCPATH) for this; without one the test
 * is skipped, and the suite says so.
 */
static void
test_length_ignores_locale(void **state)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8" };
	const char *set = NULL;
	double pt = 0, f = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]) && set == NULL; i++)
		set = setlocale(LC_NUMERIC, names[i]);
	if (set == NULL) {
		print_message("# de_DE.UTF-8 locale not available\n");
		skip();
	}
	assert_string_equal(localeconv()->decimal_point, ",");
	assert_true(units_parse_length("12.5pt", 0, &pt));
	assert_true(units_parse_factor("1.25", &f));
	assert_float_equal(pt, 12.5, EPS);
	assert_float_equal(f, 1.25, EPS);
	assert_string_equal(units_format(UNIT_MM, 6.8).s, "2.4mm");
}

/* Runs even when the test fails, so later tests see the C locale. */
static int
restore_locale(void **state)
{
	(void)state;
	setlocale(LC_NUMERIC, "C");
	return 0;
}

static void
test_factor(void **state)
{
	double f = -1;

	(void)state;
	assert_true(units_parse_factor("160%", &f));
	assert_float_equal(f, 1.6, EPS);
	assert_true(units_parse_factor("1.6", &f));
	assert_float_equal(f, 1.6, EPS);
	assert_true(units_parse_factor("-2%", &f));
	assert_float_equal(f, -0.02, EPS);
	f = -1;
	assert_false(units_parse_factor("160 %", &f));
	assert_false(units_parse_factor("1.6pt", &f));
	assert_false(units_parse_factor("%", &f));
	assert_false(units_parse_factor("nan", &f));
	assert_float_equal(f, -1, 0);
}

static void
test_color_forms(void **state)
{
	struct color c;

	(void)state;
	assert_true(units_parse_color("#fff", &c));
	assert_float_equal(c.r, 1, EPS);
	assert_float_equal(c.g, 1, EPS);
	assert_float_equal(c.b, 1, EPS);
	assert_float_equal(c.a, 1, EPS);

	assert_true(units_parse_color("#f80", &c));	/* = #ff8800 */
	assert_float_equal(c.r, 1, EPS);
	assert_float_equal(c.g, 0x88 / 255.0, EPS);
	assert_float_equal(c.b, 0, EPS);

	assert_true(units_parse_color("#1a1a1a", &c));
	assert_float_equal(c.r, 0x1a / 255.0, EPS);
	assert_float_equal(c.g, 0x1a / 255.0, EPS);
	assert_float_equal(c.b, 0x1a / 255.0, EPS);
	assert_float_equal(c.a, 1, EPS);

	assert_true(units_parse_color("#FFD400", &c));
	assert_float_equal(c.r, 1, EPS);
	assert_float_equal(c.g, 0xd4 / 255.0, EPS);
	assert_float_equal(c.b, 0, EPS);

	assert_true(units_parse_color("#ffd400cc", &c));
	assert_float_equal(c.g, 0xd4 / 255.0, EPS);
	assert_float_equal(c.a, 0xcc / 255.0, EPS);
}

/* CMYK and spot colours: as given, and as screens show them. */
static void
test_color_print(void **state)
{
	struct color c, d;

	(void)state;
	assert_true(units_parse_color("cmyk(0%, 100%, 80%, 0%)", &c));
	assert_int_equal(c.space, COLOR_CMYK);
	assert_float_equal(c.cmyk[1], 1, 0);
	assert_float_equal(c.cmyk[2], 0.8, 1e-12);
	assert_float_equal(c.a, 1, 0);
	/* A red on screen: the press profile's, not (1, 0, 0.2). */
	assert_true(c.r > 0.85 && c.g < 0.3 && c.b < 0.3);
	assert_true(c.g > 0.05 || c.b > 0.05);
	assert_true(units_parse_color("cmyk(0, 1, 0.8, 0)", &d));
	assert_true(units_color_same(&c, &d));
	assert_true(units_parse_color("cmyk(0,0,0,1)", &d));
	/* Black ink alone, on screen: a dark grey, near neutral. */
	assert_true(d.r < 0.3 && fabs(d.r - d.g) < 0.03 &&
	    fabs(d.g - d.b) < 0.03);
	assert_true(units_parse_color("spot(PANTONE 485 C, cmyk(0%, 95%, "
	    "100%, 0%))", &c));
	assert_int_equal(c.space, COLOR_SPOT);
	assert_string_equal(c.spot, "PANTONE 485 C");
	assert_float_equal(c.cmyk[1], 0.95, 1e-12);
	assert_true(units_parse_color("spot( PANTONE 485 C , cmyk(0, 0.95, "
	    "1, 0))", &d));
	assert_true(units_color_same(&c, &d));	/* interned: one name */
	assert_false(units_color_same(&c, &(struct color){ c.r, c.g, c.b,
	    c.a }));
}

static void
test_color_rejects(void **state)
{
	static const char *const bad[] = {
		"red", "#12345", "#1234", "#1234567", "#ggg", "123456",
		"#", "", "#12345g", "# 12345", "#ffd400cc00",
		"cmyk(0, 1, 0.8)", "cmyk(0, 1, 0.8, 0, 0)", "cmyk(0, 101%, 0, 0)",
		"cmyk(0, 1.5, 0, 0)", "cmyk(-0.1, 0, 0, 0)", "cmyk(0 1 0 0)",
		"cmyk(0, 1, 0, 0) ", "cmyk(a, 0, 0, 0)", "cmyk(nan, 0, 0, 0)",
		"spot(, cmyk(0, 1, 0, 0))", "spot(PANTONE 485 C)",
		"spot(a/b, cmyk(0, 1, 0, 0))", "spot(x, cmyk(0, 1, 0, 2))",
		"spot(x, #ff0000)",
	};
	struct color c = { 0.5, 0.5, 0.5, 0.5 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (units_parse_color(bad[i], &c))
			fail_msg("'%s' was accepted as a colour", bad[i]);
	assert_float_equal(c.r, 0.5, 0);
	assert_float_equal(c.a, 0.5, 0);
}

static void
test_page_size(void **state)
{
	double w = 0, h = 0;

	(void)state;
	assert_true(units_page_size("a4", &w, &h));
	assert_float_equal(w, 595.28, 0.01);
	assert_float_equal(h, 841.89, 0.01);
	w = h = 0;
	assert_true(units_page_size("A4", &w, &h));
	assert_float_equal(w, 595.28, 0.01);
	assert_float_equal(h, 841.89, 0.01);
	assert_true(units_page_size("A5", &w, &h));
	assert_float_equal(w, 419.53, 0.01);
	assert_float_equal(h, 595.28, 0.01);
	assert_true(units_page_size("letter", &w, &h));
	assert_float_equal(w, 612, 0.01);
	assert_float_equal(h, 792, 0.01);
	assert_false(units_page_size("A7", &w, &h));
	assert_false(units_page_size("A4 ", &w, &h));
	assert_false(units_page_size("", &w, &h));
}

/* Messages give a length in the unit the layout is written in. */
static void
test_format(void **state)
{
	(void)state;
	assert_string_equal(units_format(UNIT_PX, 6.8).s, "9.1px");
	assert_string_equal(units_format(UNIT_PX, 810).s, "1080.0px");
	assert_string_equal(units_format(UNIT_MM, 6.8).s, "2.4mm");
	assert_string_equal(units_format(UNIT_PT, 6.8).s, "6.8pt");
	assert_string_equal(units_format(UNIT_CM, 72).s, "2.54cm");
	assert_string_equal(units_format(UNIT_IN, 36).s, "0.50in");
	assert_string_equal(units_format(UNIT_PT, -2.25).s, "-2.2pt");
	assert_string_equal(units_format(UNIT_PT, -0.01).s, "0.0pt");
	assert_string_equal(units_format(UNIT_PX, 1e7).s, "13333333.3px");
}

static void
test_length_unit(void **state)
{
	enum unit u = UNIT__MAX;

	(void)state;
	assert_true(units_length_unit("20px", &u));
	assert_int_equal(u, UNIT_PX);
	assert_true(units_length_unit("-1.5mm", &u));
	assert_int_equal(u, UNIT_MM);
	assert_true(units_length_unit("1e1pt", &u));
	assert_int_equal(u, UNIT_PT);
	u = UNIT__MAX;
	assert_false(units_length_unit("0", &u));
	assert_false(units_length_unit("2em", &u));
	assert_false(units_length_unit("12 pt", &u));
	assert_false(units_length_unit("A4", &u));
	assert_int_equal(u, UNIT__MAX);
}

/* A photo's focus as CSS object-position reads it. */
static void
test_focus(void **state)
{
	static const struct {
		const char	*text;
		double		 x, y;
	} good[] = {
		{ "center", 0.5, 0.5 }, { "top", 0.5, 0 }, { "left", 0, 0.5 },
		{ "bottom right", 1, 1 }, { "right bottom", 1, 1 },
		{ " 30%  20% ", 0.3, 0.2 }, { "25%", 0.25, 0.5 },
		{ "left 100%", 0, 1 }, { "0% top", 0, 0 },
		{ "center top", 0.5, 0 },
	};
	static const char *const bad[] = {
		"", "up", "left right", "top bottom", "top 30%", "30% left",
		"101%", "-1%", "50", "50% 50% 50%", "50px",
	};
	double x, y;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_true(units_parse_focus(good[i].text, &x, &y));
		assert_float_equal(x, good[i].x, 1e-9);
		assert_float_equal(y, good[i].y, 1e-9);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(units_parse_focus(bad[i], &x, &y));
}

/* Language tags as /Lang takes them (BCP 47's common shape). */
static void
test_lang(void **state)
{
	static const char *const good[] = {
		"ko", "ko-KR", "en", "en-GB", "zh-Hant-TW", "es-419", "kok",
		"de-CH-1901",
	};
	static const char *const bad[] = {
		"", "k", "ko_KR", "ko-", "-ko", "ko--KR", "한국어", "ko KR",
		"Korean (South Korea)", "toolonglang", "ko-toolongsub", "1a",
		"english", "korean-KR",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(units_lang(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(units_lang(bad[i]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_length_units),
		cmocka_unit_test(test_length_zero_needs_no_unit),
		cmocka_unit_test(test_length_rejects_malformed),
		cmocka_unit_test(test_length_em_needs_em_size),
		cmocka_unit_test_teardown(test_length_ignores_locale,
		    restore_locale),
		cmocka_unit_test(test_factor),
		cmocka_unit_test(test_color_forms),
		cmocka_unit_test(test_color_print),
		cmocka_unit_test(test_color_rejects),
		cmocka_unit_test(test_page_size),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_length_unit),
		cmocka_unit_test(test_focus),
		cmocka_unit_test(test_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
