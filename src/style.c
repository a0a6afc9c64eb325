/*
 * Text styles: one mapping of the layout's `styles:` into a struct
 * style, inheriting from a `base` style parsed before it.
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "mem.h"
#include "schema.h"
#include "style.h"

/* Sorted: schema_keys() searches it. */
static const char *const style_keys[] = {
	"align", "base", "break", "color", "font", "indent",
	"letter-spacing", "line-height", "max-gap", "paragraph-spacing",
	"runts", "size", "weight",
};

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

static const struct keyword runts[] = {
	{ "allow", 1 }, { "avoid", 0 },
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

const struct style style_default = {
	.name = "default",
	.font = "NanumGothic",
	.weight = 400,
	.size = 10,
	.color = { 0.1, 0.1, 0.1, 1 },
	.line_height_factor = 1.6,
	.align = ALIGN_LEFT,
	.wordbreak = BREAK_KEEP_ALL,
	/* A normal space is about 0.25em: up to 3× that, then ragged. */
	.max_gap_em = 0.8,
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

/* line-height: "160%", "1.6" (× size) or a length ("16pt"). */
static void
parse_line_height(struct diag *d, const struct ynode *n, struct style *s)
{
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
parse_letter_spacing(struct diag *d, const struct ynode *n, struct style *s)
{
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

struct style *
style_parse(struct arena *a, struct diag *d, const struct ynode *colors,
    const struct ynode *key, const struct ynode *m,
    const struct style *(*find)(const void *, const char *), const void *ctx)
{
	struct style *s = arena_alloc(a, sizeof(*s));
	const struct ynode *n;
	const char *str;
	int v;
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
	if (!schema_keys(d, m, style_keys, N(style_keys), "a style") &&
	    m->kind != YNODE_MAP)
		return s;
	for (i = 0; i < m->n; i++) {
		const char *k = m->pairs[i].key->str;

		n = m->pairs[i].val;
		if (strcmp(k, "font") == 0) {
			s->font_node = n;
			if (n->kind == YNODE_SEQ) {
				char *joined = arena_strdup(a, "");
				size_t j;

				for (j = 0; j < n->n; j++)
					if (schema_text(d, n->items[j],
					    "a font family", &str))
						joined = arena_printf(a,
						    "%s%s%s", joined,
						    *joined ? ", " : "", str);
				s->font = joined;
			} else if (schema_text(d, n, "font", &str)) {
				s->font = str;
			}
		} else if (strcmp(k, "weight") == 0) {
			double w;

			if (n->kind == YNODE_SCALAR &&
			    g_ascii_isdigit(n->str[0])) {
				if (schema_number(d, n, "weight", 100, 1000,
				    &w))
					s->weight = (int)w;
			} else if (schema_keyword(d, n, "weight", weights,
			    N(weights), &v)) {
				s->weight = v;
			}
		} else if (strcmp(k, "size") == 0) {
			double sz;

			if (schema_length(d, n, "size", 0, false, &sz)) {
				if (sz <= 0)
					diag_error(d, &n->pos,
					    "size must be more than 0");
				else
					s->size = sz;
			}
		} else if (strcmp(k, "color") == 0) {
			schema_color(d, colors, n, "color", &s->color);
		} else if (strcmp(k, "line-height") == 0) {
			parse_line_height(d, n, s);
		} else if (strcmp(k, "letter-spacing") == 0) {
			parse_letter_spacing(d, n, s);
		} else if (strcmp(k, "align") == 0) {
			if (schema_keyword(d, n, "align", aligns, N(aligns),
			    &v))
				s->align = (enum align)v;
		} else if (strcmp(k, "break") == 0) {
			if (schema_keyword(d, n, "break", breaks, N(breaks),
			    &v))
				s->wordbreak = (enum wordbreak)v;
		} else if (strcmp(k, "paragraph-spacing") == 0) {
			schema_length(d, n, "paragraph-spacing", 0, false,
			    &s->paragraph_spacing);
		} else if (strcmp(k, "runts") == 0) {
			if (schema_keyword(d, n, "runts", runts, N(runts), &v))
				s->runts = v != 0;
		} else if (strcmp(k, "max-gap") == 0) {
			double g;

			if (schema_length(d, n, "max-gap", 1, false, &g)) {
				if (n->len > 2 &&
				    strcmp(n->str + n->len - 2, "em") == 0) {
					if (em_in_range(d, n, "max-gap", g))
						s->max_gap_em = g;
				} else {
					s->max_gap = g;
					s->max_gap_em = 0;
				}
			}
		} else if (strcmp(k, "indent") == 0) {
			schema_length(d, n, "indent", 0, true, &s->indent);
		}
	}
	return s;
}
