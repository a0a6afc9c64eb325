/*
 * Text styles: one mapping of the layout's `styles:` into a struct
 * style, inheriting from a `base` style parsed before it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "color.h"
#include "mem.h"
#include "schema.h"
#include "style.h"

static const struct keyword weights[] = {
	{ "black", 900 }, { "bold", 700 }, { "extra-bold", 800 },
	{ "extra-light", 200 }, { "light", 300 }, { "medium", 500 },
	{ "regular", 400 }, { "semi-bold", 600 }, { "thin", 100 },
};

static const struct keyword aligns[] = {
	{ "center", ALIGN_CENTER }, { "centre", ALIGN_CENTER },
	{ "justify", ALIGN_JUSTIFY }, { "left", ALIGN_LEFT },
	{ "right", ALIGN_RIGHT },
};

static const struct keyword breaks[] = {
	{ "keep-all", BREAK_KEEP_ALL }, { "normal", BREAK_NORMAL },
};

static const struct keyword quote_kinds[] = {
	{ "as-written", 0 }, { "typographic", 1 },
};

static const struct keyword runts[] = {
	{ "allow", 1 }, { "avoid", 0 },
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

const struct style style_default = {
	.name = "default",
	.font = "NanumGothic",
	.weight = 400,
	.size = 10,
	.color = { { 0.1, 0.1, 0.1, 1 }, NULL },
	.line_height_factor = 1.6,
	.align = ALIGN_LEFT,
	.wordbreak = BREAK_KEEP_ALL,
	/*
	 * Justifying: NanumGothic's space is 0.28em; it grows to 0.36em
	 * (about InDesign's 133% for Korean), then the places between
	 * syllables take up to 0.05em each (klreq 3.8), then the spaces
	 * take the rest.
	 */
	.max_gap_em = 0.36,
	.max_tracking_em = 0.05,
	.latin_scale = 1,
};

double
style_line_height(const struct style *s)
{
	return s->line_height_factor > 0 ?
	    s->line_height_factor * s->size : s->line_height;
}

double
style_max_gap(const struct style *s)
{
	return s->max_gap_em > 0 ? s->max_gap_em * s->size : s->max_gap;
}

double
style_max_tracking(const struct style *s)
{
	return s->max_tracking_em >= 0 ? s->max_tracking_em * s->size :
	    s->max_tracking;
}

double
style_letter_spacing(const struct style *s)
{
	return s->letter_spacing_em != 0 ?
	    s->letter_spacing_em * s->size : s->letter_spacing;
}

static bool
em_in_range(struct diag *d, const struct ynode *n, const char *what,
    double em)
{
	if (fabs(em) <= SCHEMA_MAX_EM)
		return true;
	diag_error(d, &n->pos, "%s must be at most %gem either way", what,
	    SCHEMA_MAX_EM);
	return false;
}

/* What a style key's parse function reads and writes. */
struct style_ctx {
	struct arena		*a;
	struct diag		*d;
	const struct ynode	*colors;
	struct style		*s;
};

/* line-height: "160%", "1.6" (× size) or a length ("16pt"). */
static void
parse_line_height(struct style_ctx *c, const struct ynode *n)
{
	struct diag *d = c->d;
	struct style *s = c->s;
	double v;

	if (n->kind == YNODE_SCALAR && units_parse_factor(n->str, &v)) {
		if (v <= 0 || v > 10) {
			diag_error(d, &n->pos, "line-height must be between "
			    "0 and 1000%%");
			return;
		}
		s->line_height_factor = v;
	} else if (schema_length(d, n, "line-height", 0, false, &v)) {
		if (v == 0) {
			diag_error(d, &n->pos, "line-height must be more "
			    "than 0");
			return;
		}
		s->line_height = v;
		s->line_height_factor = 0;
	}
}

/* letter-spacing: a length, or em / % of the size ("-0.02em", "-2%"). */
static void
parse_letter_spacing(struct style_ctx *c, const struct ynode *n)
{
	struct diag *d = c->d;
	struct style *s = c->s;
	double v;
	size_t len = n->kind == YNODE_SCALAR ? n->len : 0;

	if (len > 2 && strcmp(n->str + len - 2, "em") == 0) {
		if (schema_length(d, n, "letter-spacing", 1, true, &v) &&
		    em_in_range(d, n, "letter-spacing", v)) {
			s->letter_spacing_em = v;
			s->letter_spacing = 0;
		}
	} else if (len > 1 && n->str[len - 1] == '%' &&
	    units_parse_factor(n->str, &v)) {
		if (em_in_range(d, n, "letter-spacing", v)) {
			s->letter_spacing_em = v;
			s->letter_spacing = 0;
		}
	} else if (n->kind == YNODE_SCALAR &&
	    units_parse_length(n->str, 0, &v)) {
		s->letter_spacing = v;
		s->letter_spacing_em = 0;
	} else {
		diag_error(d, &n->pos, "letter-spacing must be a length (%s), "
		    "or em or %% of the size (-0.02em, -2%%), not '%s'",
		    units_list, n->kind == YNODE_SCALAR ? n->str :
		    ynode_kind_name(n));
	}
}

/* font: a family, or a list of them (tried in order). */
static void
parse_font(struct style_ctx *c, const struct ynode *n)
{
	const char *str;
	size_t j;

	c->s->font_node = n;
	if (n->kind == YNODE_SEQ) {
		char *joined = arena_strdup(c->a, "");

		for (j = 0; j < n->n; j++)
			if (schema_text(c->d, n->items[j], "a font family",
			    &str))
				joined = arena_printf(c->a, "%s%s%s", joined,
				    *joined ? ", " : "", str);
		c->s->font = joined;
	} else if (schema_text(c->d, n, "font", &str)) {
		c->s->font = str;
	}
}

/* weight: 100..1000, or a name (bold). */
bool
style_parse_weight(struct diag *d, const struct ynode *n, int *out)
{
	double w;

	if (n->kind == YNODE_SCALAR && g_ascii_isdigit(n->str[0])) {
		if (!schema_number(d, n, "weight", 100, 1000, &w))
			return false;
		*out = (int)w;
		return true;
	}
	return schema_keyword(d, n, "weight", weights, N(weights), out);
}

static void
parse_weight(struct style_ctx *c, const struct ynode *n)
{
	int v;

	if (style_parse_weight(c->d, n, &v))
		c->s->weight = v;
}

static void
parse_size(struct style_ctx *c, const struct ynode *n)
{
	double sz;

	if (!schema_length(c->d, n, "size", 0, false, &sz))
		return;
	if (sz <= 0)
		diag_error(c->d, &n->pos, "size must be more than 0");
	else
		c->s->size = sz;
}

static void
parse_color(struct style_ctx *c, const struct ynode *n)
{
	/* A template (a colour from the data) is read by spec.c, which
	 * records it; a plain colour overrides the base's template. */
	if (color_is_template(n))
		return;
	c->s->color.tmpl = NULL;
	schema_color(c->d, c->colors, n, "color", &c->s->color.value);
}

static void
parse_align(struct style_ctx *c, const struct ynode *n)
{
	int v;

	if (schema_keyword(c->d, n, "align", aligns, N(aligns), &v))
		c->s->align = (enum align)v;
}

static void
parse_break(struct style_ctx *c, const struct ynode *n)
{
	int v;

	if (schema_keyword(c->d, n, "break", breaks, N(breaks), &v))
		c->s->wordbreak = (enum wordbreak)v;
}

static void
parse_paragraph_spacing(struct style_ctx *c, const struct ynode *n)
{
	schema_length(c->d, n, "paragraph-spacing", 0, false,
	    &c->s->paragraph_spacing);
}

static void
parse_runts(struct style_ctx *c, const struct ynode *n)
{
	int v;

	if (schema_keyword(c->d, n, "runts", runts, N(runts), &v))
		c->s->runts = v != 0;
}

/* quotes: typographic curls straight quotes (quotes.c). */
static void
parse_quotes(struct style_ctx *c, const struct ynode *n)
{
	int v;

	if (schema_keyword(c->d, n, "quotes", quote_kinds, N(quote_kinds),
	    &v))
		c->s->curl_quotes = v != 0;
}

/*
 * A length that may be em of the size: *em gets it (*pt unset) for em,
 * else *pt gets it and *em is set to unset, which is 0 for max-gap and
 * -1 for max-tracking (0em tracking is a value: none).
 */
static void
parse_em_length(struct style_ctx *c, const struct ynode *n, const char *what,
    double *pt, double *em, double unset)
{
	double g;

	if (!schema_length(c->d, n, what, 1, false, &g))
		return;
	if (n->len > 2 && strcmp(n->str + n->len - 2, "em") == 0) {
		if (em_in_range(c->d, n, what, g))
			*em = g;
	} else {
		*pt = g;
		*em = unset;
	}
}

static void
parse_max_gap(struct style_ctx *c, const struct ynode *n)
{
	parse_em_length(c, n, "max-gap", &c->s->max_gap, &c->s->max_gap_em, 0);
}

static void
parse_max_tracking(struct style_ctx *c, const struct ynode *n)
{
	parse_em_length(c, n, "max-tracking", &c->s->max_tracking,
	    &c->s->max_tracking_em, -1);
}

static void
parse_indent(struct style_ctx *c, const struct ynode *n)
{
	schema_length(c->d, n, "indent", 0, true, &c->s->indent);
}

/*
 * latin-scale: the size of Latin letters and digits beside Hangul, a
 * factor or a percentage of the style's size (0.95, 95%).
 */
static void
parse_latin_scale(struct style_ctx *c, const struct ynode *n)
{
	double v;

	if (n->kind != YNODE_SCALAR || !units_parse_factor(n->str, &v)) {
		diag_error(c->d, &n->pos, "latin-scale must be a factor or a "
		    "percentage of the size (0.95, 95%%), not '%s'",
		    n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n));
		return;
	}
	/* Wider would break words_surely_fit()'s 1.5em bound in text.c. */
	if (v < 0.5 || v > 1.5) {
		diag_error(c->d, &n->pos, "latin-scale must be between 50%% "
		    "and 150%%");
		return;
	}
	c->s->latin_scale = v;
}

/* latin-rise: the baseline shift of Latin runs beside Hangul, in em. */
static void
parse_latin_rise(struct style_ctx *c, const struct ynode *n)
{
	double v;

	if (n->kind != YNODE_SCALAR || n->len < 3 ||
	    strcmp(n->str + n->len - 2, "em") != 0 ||
	    !units_parse_length(n->str, 1, &v)) {
		diag_error(c->d, &n->pos, "latin-rise must be em of the size "
		    "(-0.02em), not '%s'", n->kind == YNODE_SCALAR ? n->str :
		    ynode_kind_name(n));
		return;
	}
	if (fabs(v) > 0.5) {
		diag_error(c->d, &n->pos, "latin-rise must be at most 0.5em "
		    "either way");
		return;
	}
	c->s->latin_rise_em = v;
}

/*
 * The style keys, sorted (schema_keys() and bsearch() search them).
 * `base` is read before the others (see style_parse()).
 */
static const struct style_key {
	const char	*name;
	void		(*parse)(struct style_ctx *, const struct ynode *);
} style_keys[] = {
	{ "align", parse_align },
	{ "base", NULL },
	{ "break", parse_break },
	{ "color", parse_color },
	{ "font", parse_font },
	{ "indent", parse_indent },
	{ "latin-rise", parse_latin_rise },
	{ "latin-scale", parse_latin_scale },
	{ "letter-spacing", parse_letter_spacing },
	{ "line-height", parse_line_height },
	{ "max-gap", parse_max_gap },
	{ "max-tracking", parse_max_tracking },
	{ "paragraph-spacing", parse_paragraph_spacing },
	{ "quotes", parse_quotes },
	{ "runts", parse_runts },
	{ "size", parse_size },
	{ "weight", parse_weight },
};

static int
cmp_key(const void *key, const void *entry)
{
	return strcmp(key, ((const struct style_key *)entry)->name);
}

const char *
style_key(size_t i)
{
	return i < N(style_keys) ? style_keys[i].name : NULL;
}

const struct schema_keywords style_keywords[] = {
	{ "weight", weights, N(weights) },
	{ "align", aligns, N(aligns) },
	{ "break", breaks, N(breaks) },
	{ "quotes", quote_kinds, N(quote_kinds) },
	{ "runts", runts, N(runts) },
	{ NULL, NULL, 0 },
};

struct style *
style_parse(struct arena *a, struct diag *d, const struct ynode *colors,
    const struct ynode *key, const struct ynode *m,
    const struct style *(*find)(const void *, const char *), const void *ctx)
{
	struct style *s = arena_alloc(a, sizeof(*s));
	struct style_ctx c = { a, d, colors, s };
	const char *names[N(style_keys)], *str;
	const struct ynode *n;
	size_t i;

	*s = style_default;
	if ((n = ynode_get(m, "base")) != NULL &&
	    schema_text(d, n, "base", &str)) {
		const struct style *base = find(ctx, str);

		if (base == NULL)
			diag_error(d, &n->pos, "base style '%s' is not "
			    "defined above this style", str);
		else
			*s = *base;
	}
	s->name = key->str;
	s->node = key;
	s->font_node = NULL;	/* the base's font was checked there */
	for (i = 0; i < N(style_keys); i++)
		names[i] = style_keys[i].name;
	if (!schema_keys(d, m, names, N(names), "a style") &&
	    m->kind != YNODE_MAP)
		return s;
	for (i = 0; i < m->n; i++) {
		const struct style_key *k = bsearch(m->pairs[i].key->str,
		    style_keys, N(style_keys), sizeof(*k), cmp_key);

		if (k != NULL && k->parse != NULL)
			k->parse(&c, m->pairs[i].val);
	}
	return s;
}
