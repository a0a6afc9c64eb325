/*
 * Units: lengths, factors, colours and named page sizes, each a sorted
 * keyword table.  Numbers are read with g_ascii_strtod, which ignores
 * LC_NUMERIC, so a German locale cannot turn "12.5pt" into 12.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>

#include "cmyk.h"
#include "units.h"

/* Indexed by enum unit, which follows the names' sort order. */
static const struct unit_def {
	const char	*name;
	double		 pt;	/* points per unit */
	const char	*fmt;	/* in messages: a tenth of a pt, mm or px
				   is finer than anyone measures by eye */
} units[] = {
	[UNIT_CM] = { "cm", 72.0 / 2.54, "%.2f" },
	[UNIT_IN] = { "in", 72.0, "%.2f" },
	[UNIT_MM] = { "mm", 72.0 / 25.4, "%.1f" },
	[UNIT_PT] = { "pt", 1.0, "%.1f" },
	[UNIT_PX] = { "px", PT_PER_PX, "%.1f" },
};

const char units_list[] = "pt, mm, cm, in, px";

static const struct page_size {
	const char	*name;
	double		 w, h;	/* [mm], except Letter in inches below */
} page_sizes[] = {
	{ "A3", 297, 420 },
	{ "A4", 210, 297 },
	{ "A5", 148, 210 },
	{ "A6", 105, 148 },
	{ "B5", 176, 250 },
	{ "Letter", 215.9, 279.4 },
};

const char units_page_list[] = "A3, A4, A5, A6, B5, Letter";

const char *
units_name(enum unit u)
{
	assert(u < UNIT__MAX);
	return units[u].name;
}

const char *
units_page_name(size_t i)
{
	return i < sizeof(page_sizes) / sizeof(page_sizes[0]) ?
	    page_sizes[i].name : NULL;
}

/*
 * Reads a decimal number at the start of s; *end points past it.  Only
 * [+-]digits[.digits][e[+-]digits] is accepted: strtod alone would also
 * take "0x1p3", "inf" and "nan".
 */
static bool
parse_number(const char *s, double *v, const char **end)
{
	const char *p = s;
	char *e;

	if (*p == '+' || *p == '-')
		p++;
	if (!g_ascii_isdigit(*p) && !(*p == '.' && g_ascii_isdigit(p[1])))
		return false;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return false;
	*v = g_ascii_strtod(s, &e);
	if (e == s || !isfinite(*v))
		return false;
	*end = e;
	return true;
}

/* The unit named u, or UNIT__MAX. */
static enum unit
find_unit(const char *u)
{
	size_t i;

	for (i = 0; i < UNIT__MAX; i++)
		if (strcmp(u, units[i].name) == 0)
			return (enum unit)i;
	return UNIT__MAX;
}

bool
units_parse_length(const char *s, double em_size, double *pt)
{
	const char *u;
	double v;
	enum unit k;

	if (!parse_number(s, &v, &u))
		return false;
	if (*u == '\0') {
		if (v != 0)
			return false;
		*pt = 0;		/* "0" needs no unit */
		return true;
	}
	if (em_size > 0 && strcmp(u, "em") == 0) {
		*pt = v * em_size;
		return true;
	}
	if ((k = find_unit(u)) == UNIT__MAX)
		return false;
	*pt = v * units[k].pt;
	return true;
}

bool
units_length_unit(const char *s, enum unit *out)
{
	const char *u;
	double v;
	enum unit k;

	if (!parse_number(s, &v, &u) || (k = find_unit(u)) == UNIT__MAX)
		return false;
	*out = k;
	return true;
}

struct units_text
units_format(enum unit u, double pt)
{
	struct units_text t;

	assert(u < UNIT__MAX);
	/* g_ascii_formatd: a decimal point under any locale. */
	g_ascii_formatd(t.s, sizeof(t.s) - 3, units[u].fmt, pt / units[u].pt);
	/* No "-0.0": a length that rounds to nothing has no sign. */
	if (t.s[0] == '-' && g_ascii_strtod(t.s, NULL) == 0)
		memmove(t.s, t.s + 1, strlen(t.s));
	g_strlcat(t.s, units[u].name, sizeof(t.s));
	return t;
}

bool
units_parse_factor(const char *s, double *f)
{
	const char *u;
	double v;

	if (!parse_number(s, &v, &u))
		return false;
	if (strcmp(u, "%") == 0)
		v /= 100;
	else if (*u != '\0')
		return false;
	*f = v;
	return true;
}

/* A focus keyword's place and axis ('x', 'y', or 0 for either). */
static const struct focus_word {
	const char	*name;
	double		 at;
	char		 axis;
} focus_words[] = {	/* sorted */
	{ "bottom", 1, 'y' }, { "center", 0.5, 0 }, { "left", 0, 'x' },
	{ "right", 1, 'x' }, { "top", 0, 'y' },
};

static int
focus_word_cmp(const void *key, const void *w)
{
	return strcmp(key, ((const struct focus_word *)w)->name);
}

/* One word of a focus: a keyword, or a percentage ('%' for its axis). */
static bool
focus_token(const char *t, double *at, char *axis)
{
	const struct focus_word *w = bsearch(t, focus_words,
	    sizeof(focus_words) / sizeof(focus_words[0]),
	    sizeof(focus_words[0]), focus_word_cmp);
	const char *end;

	if (w != NULL) {
		*at = w->at;
		*axis = w->axis;
		return true;
	}
	if (!parse_number(t, at, &end) || strcmp(end, "%") != 0 ||
	    *at < 0 || *at > 100)
		return false;
	*at /= 100;
	*axis = '%';
	return true;
}

bool
units_parse_focus(const char *s, double *x, double *y)
{
	char **w = g_strsplit_set(s, " \t", -1);
	double at[2] = { 0.5, 0.5 }, tmp;
	char axis[2] = { 0, 0 }, c;
	size_t i, n = 0;
	bool ok = true;

	for (i = 0; w[i] != NULL && ok; i++) {
		if (w[i][0] == '\0')
			continue;
		if (n == 2 || !focus_token(w[i], &at[n], &axis[n]))
			ok = false;
		else
			n++;
	}
	g_strfreev(w);
	if (!ok || n == 0)
		return false;
	/* One word: a percentage or left/right is x, top/bottom is y. */
	if (n == 1) {
		if (axis[0] == 'y') {
			at[1] = at[0];
			at[0] = 0.5;
			axis[1] = 'y';
			axis[0] = 0;
		}
	} else if (axis[0] == 'y' || axis[1] == 'x') {
		/* "top left": keywords may come in either order, but a
		 * percentage keeps its place (x first). */
		if (axis[0] == '%' || axis[1] == '%')
			return false;
		tmp = at[0], at[0] = at[1], at[1] = tmp;
		c = axis[0], axis[0] = axis[1], axis[1] = c;
	}
	if (axis[0] == 'y' || axis[1] == 'x')
		return false;
	*x = at[0];
	*y = at[1];
	return true;
}

static int
hexval(char c)
{
	return g_ascii_xdigit_value(c);
}

/*
 * "cmyk(C, M, Y, K)" at s into cmyk[4]; the end of it at *end.  Each
 * part a percentage (0% to 100%) or a number from 0 to 1.
 */
static bool
parse_cmyk(const char *s, double cmyk[4], const char **end)
{
	int i;

	if (strncmp(s, "cmyk(", 5) != 0)
		return false;
	s += 5;
	for (i = 0; i < 4; i++) {
		char *e;
		double v;

		while (*s == ' ')
			s++;
		v = g_ascii_strtod(s, &e);
		if (e == s || !isfinite(v))
			return false;
		s = e;
		if (*s == '%') {
			v /= 100;
			s++;
		}
		if (v < 0 || v > 1)
			return false;
		cmyk[i] = v;
		while (*s == ' ')
			s++;
		if (*s != (i < 3 ? ',' : ')'))
			return false;
		s++;
	}
	*end = s;
	return true;
}

/* "spot(NAME, cmyk(…))": the ink's name and its CMYK. */
static bool
parse_spot(const char *s, struct color *c)
{
	const char *comma, *end;
	char *name;

	if (strncmp(s, "spot(", 5) != 0 ||
	    (comma = strstr(s, ", cmyk(")) == NULL)
		return false;
	name = g_strstrip(g_strndup(s + 5, (gsize)(comma - s - 5)));
	if (*name == '\0' || strlen(name) > UNITS_SPOT_MAX ||
	    strpbrk(name, "()/") != NULL ||
	    !parse_cmyk(comma + 2, c->cmyk, &end) || strcmp(end, ")") != 0) {
		g_free(name);
		return false;
	}
	c->spot = g_intern_string(name);
	g_free(name);
	return true;
}

const char *
units_color_hint(const char *s)
{
	if (strncmp(s, "cmyk(", 5) != 0 && strncmp(s, "spot(", 5) != 0)
		return "";
	return "; each CMYK part is a number from 0 to 1 or a percentage, "
	    "and the four are parted by commas: cmyk(0%, 100%, 80%, 0%), "
	    "spot(PANTONE 485 C, cmyk(0, 0.95, 1, 0))";
}

/* In the order messages and --help name them. */
static const struct {
	const char	*name;
	unsigned	 bit;
} standards[] = {
	{ "ua-1", PDF_UA1 }, { "x-4", PDF_X4 }, { "a-2u", PDF_A2U },
};

unsigned
units_pdf_standard(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(standards) / sizeof(standards[0]); i++)
		if (strcmp(s, standards[i].name) == 0)
			return standards[i].bit;
	return 0;
}

const char *
units_pdf_standard_name(size_t i)
{
	return i < sizeof(standards) / sizeof(standards[0]) ?
	    standards[i].name : NULL;
}

bool
units_color_same(const struct color *a, const struct color *b)
{
	return a->r == b->r && a->g == b->g && a->b == b->b &&
	    a->a == b->a && a->space == b->space && a->spot == b->spot &&
	    memcmp(a->cmyk, b->cmyk, sizeof(a->cmyk)) == 0;
}

bool
units_parse_color(const char *s, struct color *c)
{
	size_t n = strlen(s), i, step;
	double v[4] = { 0, 0, 0, 1 }, rgb[3];
	struct color got = { 0 };
	const char *end;

	if (strncmp(s, "cmyk(", 5) == 0 || strncmp(s, "spot(", 5) == 0) {
		if (s[0] == 'c' ? !parse_cmyk(s, got.cmyk, &end) ||
		    *end != '\0' : !parse_spot(s, &got))
			return false;
		got.space = s[0] == 'c' ? COLOR_CMYK : COLOR_SPOT;
		cmyk_to_srgb(got.cmyk, rgb);
		got.r = rgb[0];
		got.g = rgb[1];
		got.b = rgb[2];
		got.a = 1;
		*c = got;
		return true;
	}
	if (s[0] != '#' || (n != 4 && n != 7 && n != 9))
		return false;
	for (i = 1; i < n; i++)
		if (hexval(s[i]) < 0)
			return false;
	step = n == 4 ? 1 : 2;
	for (i = 0; i * step + 1 < n; i++) {
		int x = hexval(s[1 + i * step]);

		x = step == 1 ? x * 17 : x * 16 + hexval(s[2 + i * step]);
		v[i] = x / 255.0;
	}
	*c = got;
	c->r = v[0];
	c->g = v[1];
	c->b = v[2];
	c->a = v[3];
	return true;
}

bool
units_lang(const char *s)
{
	size_t n = 0;
	bool first = true;

	for (;; s++) {
		if (*s == '-' || *s == '\0') {
			if (n < (first ? 2u : 1u) || n > (first ? 3u : 8u))
				return false;
			if (*s == '\0')
				return true;
			first = false;
			n = 0;
		} else if (g_ascii_isalpha(*s) ||
		    (!first && g_ascii_isdigit(*s))) {
			n++;
		} else {
			return false;
		}
	}
}

bool
units_page_size(const char *name, double *w, double *h)
{
	size_t i;

	for (i = 0; i < sizeof(page_sizes) / sizeof(page_sizes[0]); i++)
		if (strcasecmp(name, page_sizes[i].name) == 0) {
			*w = page_sizes[i].w * 72.0 / 25.4;
			*h = page_sizes[i].h * 72.0 / 25.4;
			return true;
		}
	return false;
}
