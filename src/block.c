/*
 * Blocks of the layout spec: YAML mapping → struct block, one parse
 * function per kind, all reached through block_kinds[] — the one place
 * that says what a kind is called, which keys it takes and which of
 * them hold templates (see "Adding a block kind" in src/README).
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "block.h"
#include "color.h"
#include "schema.h"
#include "spans.h"
#include "specparse.h"
#include "style.h"
#include "template.h"
#include "units.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

static const struct keyword masks[] = {
	{ "circle", MASK_CIRCLE }, { "none", MASK_NONE },
	{ "rounded", MASK_ROUNDED },
};
static const struct keyword fits[] = {
	{ "contain", FIT_CONTAIN }, { "cover", FIT_COVER },
};
static const struct keyword shows[] = {
	{ "initial", SHOWS_INITIAL }, { "initials", SHOWS_INITIALS },
	{ "text", SHOWS_TEXT },
};
static const struct keyword roles[] = {
	{ "artifact", STAG_NONE }, { "h1", STAG_H1 }, { "h2", STAG_H2 },
	{ "h3", STAG_H3 }, { "h4", STAG_H4 }, { "h5", STAG_H5 },
	{ "h6", STAG_H6 }, { "p", STAG_P }, { "quote", STAG_QUOTE },
};
static const struct keyword hpos[] = {
	{ "center", ALIGN_CENTER }, { "centre", ALIGN_CENTER },
	{ "left", ALIGN_LEFT }, { "right", ALIGN_RIGHT },
};

/* align: left, center or right, for blocks narrower than their flow. */
static void
parse_align(struct spec_parser *p, const struct ynode *m, enum align *out)
{
	const struct ynode *n = ynode_get(m, "align");
	int a;

	if (n != NULL && schema_keyword(p->d, n, "align", hpos, N(hpos), &a))
		*out = (enum align)a;
}

/*
 * fit-warn: SIZE — a fitted size under it is a warning (so --strict
 * fails when the text grows).  At the fit minimum or below it could
 * never warn, over the maximum it always would: within (MIN, MAX].
 */
static void
parse_fit_warn(struct spec_parser *p, struct block *b, const struct ynode *m)
{
	const struct ynode *n = ynode_get(m, "fit-warn"), *fit;
	double v;

	if (n == NULL || !schema_length(p->d, n, "fit-warn", 0, false, &v))
		return;
	fit = ynode_get(m, "fit");
	if (fit == NULL) {
		diag_error(p->d, &n->pos, "fit-warn needs a fit: [MAX, MIN] "
		    "on the same text");
	} else if (b->as.text.fit_max > 0 && (v <= b->as.text.fit_min ||
	    v > b->as.text.fit_max)) {
		diag_error(p->d, &n->pos, "fit-warn must be above the fit "
		    "minimum and at most its maximum (over %s, up to %s), "
		    "not %s", fit->items[1]->str, fit->items[0]->str, n->str);
	} else {
		b->as.text.fit_warn = v;
		(void)units_length_unit(n->str, &b->as.text.fit_unit);
	}
}

/*
 * fit: [MAX, MIN] — the text takes the largest size in the range at
 * which its frame's flow fits; max-lines: N caps its lines; ellipsis:
 * "…" cuts it there, or at its frame's foot (ellipsis.c).
 */
static void
parse_fit(struct spec_parser *p, struct block *b, const struct ynode *m)
{
	const struct ynode *n;
	double v;

	if ((n = ynode_get(m, "fit")) != NULL) {
		double hi = 0, lo = 0;

		if (n->kind != YNODE_SEQ || n->n != 2) {
			diag_error(p->d, &n->pos, "fit must be a list of two "
			    "sizes, the largest and the smallest: [64pt, "
			    "40pt]");
		} else if (schema_length(p->d, n->items[0], "fit", 0, false,
		    &hi) && schema_length(p->d, n->items[1], "fit", 0, false,
		    &lo)) {
			if (lo <= 0 || hi <= lo)
				diag_error(p->d, &n->pos, "fit must go from a "
				    "larger size down to a smaller one above "
				    "0, not [%s, %s]", n->items[0]->str,
				    n->items[1]->str);
			else {
				b->as.text.fit_max = hi;
				b->as.text.fit_min = lo;
				/* Sizes are reported as the type is set. */
				b->as.text.fit_unit = p->spec->unit;
				(void)units_length_unit(n->items[0]->str,
				    &b->as.text.fit_unit);
			}
		}
	}
	parse_fit_warn(p, b, m);
	if ((n = ynode_get(m, "max-lines")) != NULL &&
	    schema_number(p->d, n, "max-lines", 1, 1000, &v)) {
		if (v != (int)v)
			diag_error(p->d, &n->pos, "max-lines must be a whole "
			    "number");
		else
			b->as.text.max_lines = (int)v;
	}
	if ((n = ynode_get(m, "ellipsis")) != NULL &&
	    schema_text(p->d, n, "ellipsis", &b->as.text.ellipsis)) {
		const char *e = b->as.text.ellipsis;

		/* A marker ends a line: one line, and short, or it would
		 * leave no room for the words it follows. */
		if (*e == '\0' || strpbrk(e, "\n\r\v\f") != NULL ||
		    g_utf8_strlen(e, -1) > SPEC_ELLIPSIS_MAX) {
			diag_error(p->d, &n->pos, "ellipsis must be one line "
			    "of 1 to %d characters, such as '…' or "
			    "'… 더 보기'", SPEC_ELLIPSIS_MAX);
			b->as.text.ellipsis = NULL;
		}
	}
}

/*
 * columns: N (2..6) balanced columns, column-gap: LENGTH between them
 * (1em by default, CSS's `normal`).  Cutting counts lines and looks for
 * the frame's foot in one column, so it is refused beside columns
 * rather than half kept.
 */
static void
parse_columns(struct spec_parser *p, struct block *b, const struct ynode *m)
{
	static const char *const refused[] = { "max-lines", "ellipsis" };
	const struct ynode *n = ynode_get(m, "columns"), *g;
	double v;
	size_t i;

	b->as.text.column_gap = b->style->size;
	if ((g = ynode_get(m, "column-gap")) != NULL &&
	    schema_length(p->d, g, "column-gap", b->style->size, false, &v))
		b->as.text.column_gap = v;
	if (n == NULL) {
		if (g != NULL)
			diag_error(p->d, &g->pos, "column-gap needs columns: N "
			    "on the same text");
		return;
	}
	if (!schema_number(p->d, n, "columns", 2, 6, &v))
		return;
	if (v != (int)v) {
		diag_error(p->d, &n->pos, "columns must be a whole number");
		return;
	}
	for (i = 0; i < N(refused); i++)
		if (ynode_get(m, refused[i]) != NULL) {
			diag_error(p->d, &n->pos, "columns cannot be combined "
			    "with %s: leave one of the two out", refused[i]);
			return;
		}
	b->as.text.columns = (int)v;
}

static const struct keyword bools[] = {
	{ "false", 0 }, { "no", 0 }, { "true", 1 }, { "yes", 1 },
};

const struct schema_keywords block_keywords[] = {
	{ "mask", masks, N(masks) },
	{ "fit", fits, N(fits) },
	{ "shows", shows, N(shows) },
	{ "role", roles, N(roles) },
	{ "hpos", hpos, N(hpos) },
	{ "bool", bools, N(bools) },
	{ NULL, NULL, 0 },
};

/* `markup`, whether tags in the data apply too (text, list). */
static void
parse_markup(struct spec_parser *p, const struct ynode *m, bool *markup)
{
	const struct ynode *n = ynode_get(m, "markup");
	int on;

	if (n != NULL && schema_keyword(p->d, n, "markup", bools, N(bools),
	    &on))
		*markup = on != 0;
}

/*
 * What a text is in a tagged PDF: its `role`, by default a paragraph,
 * or an artifact if it prints the page's number or count (a folio is
 * page furniture); its `lang` where it is not the document's.
 */
static void
parse_role(struct spec_parser *p, struct block *b, const struct ynode *m)
{
	const struct ynode *n;
	size_t i;
	int k;

	b->as.text.role = STAG_P;
	for (i = 0; i < b->as.text.ntexts; i++)
		if (tmpl_names(b->as.text.texts[i], "page.number") ||
		    tmpl_names(b->as.text.texts[i], "page.count"))
			b->as.text.role = STAG_NONE;
	if ((n = ynode_get(m, "role")) != NULL &&
	    schema_keyword(p->d, n, "role", roles, N(roles), &k))
		b->as.text.role = (enum stag)k;
	if ((n = ynode_get(m, "lang")) != NULL && spec_check_lang(p->d, n))
		b->as.text.lang = n->str;
}

static void
parse_text(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;
	size_t i;

	b->style = spec_block_style(p, m);
	if (v->kind == YNODE_SEQ && v->n > 0) {
		/* Alternatives: the first one whose fields exist. */
		b->as.text.ntexts = v->n;
		b->as.text.texts = arena_alloc(p->a, v->n *
		    sizeof(*b->as.text.texts));
		for (i = 0; i < v->n; i++)
			b->as.text.texts[i] = spec_parse_template(p,
			    v->items[i], "text");
	} else {
		b->as.text.ntexts = 1;
		b->as.text.texts = arena_alloc(p->a,
		    sizeof(*b->as.text.texts));
		b->as.text.texts[0] = spec_parse_template(p, v, "text");
	}
	parse_fit(p, b, m);
	if ((n = ynode_get(m, "link")) != NULL)
		b->as.text.link = spec_parse_template(p, n, "link");
	parse_markup(p, m, &b->as.text.markup);
	parse_columns(p, b, m);
	spans_check_text(p, b);
	parse_role(p, b, m);
}

static void
parse_list(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n, *bullet;

	b->style = spec_block_style(p, m);
	if (schema_text(p->d, v, "list (the name of a list field)",
	    &b->as.list.field)) {
		b->as.list.field_node = v;
		spec_use_fields(p, v);
		if (strstr(b->as.list.field, "{{") != NULL) {
			char *name = g_strdup(b->as.list.field);

			g_strstrip(g_strdelimit(name, "{}", ' '));
			diag_error(p->d, &v->pos, "list takes a field name, "
			    "not a template: write 'list: %s'", name);
			g_free(name);
		}
	}
	b->as.list.bullet = "disc";
	if ((bullet = ynode_get(m, "bullet")) != NULL)
		schema_text(p->d, bullet, "bullet", &b->as.list.bullet);
	if ((n = ynode_get(m, "bullet-color")) != NULL)
	{
		b->as.list.bullet_color.value = b->style->color.value;
		spec_parse_color(p, n, "bullet-color",
		    &b->as.list.bullet_color);
		b->as.list.bullet_colored = true;
	}
	if ((n = ynode_get(m, "item")) != NULL)
		b->as.list.item = spec_parse_item(p, n, "item");
	b->as.list.item_spacing = b->style->paragraph_spacing;
	if ((n = ynode_get(m, "item-spacing")) != NULL)
		schema_length(p->d, n, "item-spacing", 0, false,
		    &b->as.list.item_spacing);
	b->as.list.indent = b->style->size * 1.2;
	if ((n = ynode_get(m, "indent")) != NULL)
		schema_length(p->d, n, "indent", 0, false, &b->as.list.indent);
	parse_markup(p, m, &b->as.list.markup);
	spans_check_list(p, b, bullet);
}

/*
 * The look of an image block's placeholder: its ground (by default a
 * colour picked by the record's id), its text's colour (white) and
 * what it shows of its text (the initial).  They serve `placeholder`
 * only: without it a missing image leaves the block out.
 */
static void
parse_placeholder(struct spec_parser *p, struct block *b,
    const struct ynode *m)
{
	const struct ynode *n;
	int k;

	b->as.image.ink.value = (struct color){ 1, 1, 1, 1 };
	if ((n = ynode_get(m, "placeholder-fill")) != NULL)
		spec_parse_color(p, n, "placeholder-fill", &b->as.image.ground);
	if ((n = ynode_get(m, "placeholder-color")) != NULL)
		spec_parse_color(p, n, "placeholder-color", &b->as.image.ink);
	if ((n = ynode_get(m, "placeholder-shows")) != NULL &&
	    schema_keyword(p->d, n, "placeholder-shows", shows, N(shows), &k))
		b->as.image.shows = (enum shows)k;
}

/*
 * Where a cover crop keeps the image (CSS object-position): keywords,
 * percentages as a string or a list of two, or a template read per
 * record (checked with the data, color.c).
 */
static void
parse_focus(struct spec_parser *p, struct block *b, const struct ynode *n)
{
	GString *text = g_string_new(NULL);
	size_t i;

	b->as.image.focus_x = b->as.image.focus_y = 0.5;
	if (n == NULL)
		goto out;
	if (n->kind == YNODE_SCALAR && strstr(n->str, "{{") != NULL) {
		if ((b->as.image.focus = spec_parse_template(p, n, "focus")))
			((struct field_use *)p->uses.items[p->uses.n - 1])->
			    focus = true;
		goto out;
	}
	if (n->kind == YNODE_SCALAR)
		g_string_append(text, n->str);
	for (i = 0; n->kind == YNODE_SEQ && i < n->n; i++)
		if (n->items[i]->kind == YNODE_SCALAR)
			g_string_append_printf(text, " %s", n->items[i]->str);
		else
			g_string_append(text, " ?");
	if (!units_parse_focus(text->str, &b->as.image.focus_x,
	    &b->as.image.focus_y))
		diag_error(p->d, &n->pos, "focus is no point of the "
		    "image: %s", FOCUS_FORMS);
out:
	g_string_free(text, TRUE);
}

static void
parse_image(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;
	int k;

	b->as.image.path = spec_parse_template(p, v, "image");
	b->as.image.from_data = b->as.image.path != NULL &&
	    !tmpl_is_literal(b->as.image.path);
	b->as.image.dir = p->spec->dir;
	if (strcmp(v->pos.file, p->spec->file) != 0) {
		char *dir = g_path_get_dirname(v->pos.file);

		b->as.image.dir = arena_strdup(p->a, dir);
		g_free(dir);
	}
	if ((n = ynode_get(m, "width")) != NULL)
		schema_length(p->d, n, "width", 0, false, &b->as.image.width);
	if ((n = ynode_get(m, "height")) != NULL)
		schema_length(p->d, n, "height", 0, false,
		    &b->as.image.height);
	if ((n = ynode_get(m, "fit")) != NULL &&
	    schema_keyword(p->d, n, "fit", fits, N(fits), &k))
		b->as.image.fit = (enum fit)k;
	parse_focus(p, b, ynode_get(m, "focus"));
	if ((n = ynode_get(m, "mask")) != NULL &&
	    schema_keyword(p->d, n, "mask", masks, N(masks), &k))
		b->as.image.mask = (enum mask)k;
	b->as.image.radius = 3 * 72 / 25.4;
	if ((n = ynode_get(m, "radius")) != NULL)
		schema_length(p->d, n, "radius", 0, false,
		    &b->as.image.radius);
	if ((n = ynode_get(m, "placeholder")) != NULL)
		b->as.image.placeholder = spec_parse_template(p, n,
		    "placeholder");
	parse_placeholder(p, b, m);
	parse_align(p, m, &b->as.image.align);
	if ((n = ynode_get(m, "decorative")) != NULL &&
	    schema_keyword(p->d, n, "decorative", bools, N(bools), &k))
		b->as.image.decorative = k;
	if ((n = ynode_get(m, "alt")) != NULL) {
		b->as.image.alt = spec_parse_template(p, n, "alt");
		if (b->as.image.decorative)
			diag_error(p->d, &n->pos, "an image is either "
			    "decorative or has alt text, not both");
	}
}

static void
parse_rule(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;

	b->as.rule.thickness = 0.75;
	if (!ynode_is_null(v))
		schema_length(p->d, v, "rule (its thickness)", 0, false,
		    &b->as.rule.thickness);
	b->as.rule.color.value = style_default.color.value;
	if ((n = ynode_get(m, "color")) != NULL)
		spec_parse_color(p, n, "color", &b->as.rule.color);
	if ((n = ynode_get(m, "width")) != NULL)
		schema_length(p->d, n, "width", 0, false, &b->as.rule.width);
	parse_align(p, m, &b->as.rule.align);
}

static void
parse_spacer(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	(void)m;
	schema_length(p->d, v, "spacer (its height)", 0, false,
	    &b->as.spacer.height);
}

/*
 * weights: one per column, a number (a share of what is left) or a
 * length (a fixed width); collapse: a left-out column gives its width.
 */
static void
parse_row(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;
	double f;
	size_t i;
	int k;

	b->children = block_parse_list(p, v, &b->nchildren);
	b->as.row.weights = arena_alloc(p->a, (b->nchildren + 1) *
	    sizeof(double));
	b->as.row.fixed = arena_alloc(p->a, (b->nchildren + 1) *
	    sizeof(double));
	for (i = 0; i < b->nchildren; i++)
		b->as.row.weights[i] = 1;
	if ((n = ynode_get(m, "gap")) != NULL)
		schema_length(p->d, n, "gap", 0, false, &b->as.row.gap);
	if ((n = ynode_get(m, "collapse")) != NULL &&
	    schema_keyword(p->d, n, "collapse", bools, N(bools), &k))
		b->as.row.collapse = k;
	if ((n = ynode_get(m, "weights")) == NULL)
		return;
	if (n->kind != YNODE_SEQ || n->n != b->nchildren) {
		diag_error(p->d, &n->pos, "weights must be a list of %zu "
		    "numbers or widths, one per block of the row",
		    b->nchildren);
		return;
	}
	for (i = 0; i < n->n; i++) {
		const struct ynode *w = n->items[i];

		if (w->kind != YNODE_SCALAR || units_parse_factor(w->str, &f))
			schema_number(p->d, w, "a weight", 0.01, 1000,
			    &b->as.row.weights[i]);
		else if (schema_length(p->d, w, "a weight or width", 0, false,
		    &b->as.row.fixed[i]) && b->as.row.fixed[i] <= 0)
			diag_error(p->d, &w->pos, "a fixed width must be more "
			    "than 0");
	}
}

/* first-fit: [BLOCK, ...], the alternatives in the order tried. */
static void
parse_first_fit(struct spec_parser *p, struct block *b,
    const struct ynode *m, const struct ynode *v)
{
	(void)m;
	if (v->kind == YNODE_SEQ && v->n == 0)
		diag_error(p->d, &v->pos, "first-fit needs at least one block "
		    "to choose from");
	else
		b->children = block_parse_list(p, v, &b->nchildren);
}

static void
parse_box(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;

	b->children = block_parse_list(p, v, &b->nchildren);
	spec_parse_decor(p, m, &b->as.box.decor);
	if ((n = ynode_get(m, "border-left")) != NULL)
		schema_length(p->d, n, "border-left", 0, false,
		    &b->as.box.border_left);
	b->as.box.border_color.value = style_default.color.value;
	if ((n = ynode_get(m, "border-color")) != NULL)
		spec_parse_color(p, n, "border-color",
		    &b->as.box.border_color);
}

/* Relative luminance (WCAG 2) of a colour. */
static double
luminance(const struct color *c)
{
	const double v[3] = { c->r, c->g, c->b };
	double l[3];
	int i;

	for (i = 0; i < 3; i++)
		l[i] = v[i] <= 0.03928 ? v[i] / 12.92 :
		    pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/*
 * A QR code needs dark modules on a light ground to scan: warn when
 * the two are too close (under 3:1), or the code is light on dark
 * (many readers do not try the inverse).  No check over `none`: what
 * is behind depends on the page.
 */
static void
qr_contrast(struct spec_parser *p, const struct ynode *m,
    const struct block *b)
{
	double fg = luminance(&b->as.qr.color);
	double bg = luminance(&b->as.qr.background);
	double ratio = (fmax(fg, bg) + 0.05) / (fmin(fg, bg) + 0.05);

	if (b->as.qr.background.a < 1 || b->as.qr.color.a == 0)
		return;
	if (ratio < 3)
		diag_warning(p->d, &m->pos, "the QR code's color and "
		    "background are too alike to scan (contrast %.1f:1; "
		    "3:1 at least, dark on light)", ratio);
	else if (fg > bg)
		diag_warning(p->d, &m->pos, "the QR code is light on dark; "
		    "many readers scan only dark modules on a light "
		    "background");
}

/* A QR code's colours are checked for contrast as the layout is read:
 * they cannot come from the data. */
static bool
qr_fixed(struct spec_parser *p, const struct ynode *n)
{
	if (!color_is_template(n))
		return false;
	diag_error(p->d, &n->pos, "a QR code's colours cannot come from the "
	    "data ('%s'): whether it scans is checked as the layout is read; "
	    "use a colour or a name from 'colors'", n->kind == YNODE_SEQ ?
	    n->items[0]->str : n->str);
	return true;
}

static void
parse_qr(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;

	b->as.qr.text = spec_parse_template(p, v, "qr");
	b->as.qr.size = 25 * 72 / 25.4;
	if ((n = ynode_get(m, "size")) != NULL &&
	    schema_length(p->d, n, "size", 0, false, &b->as.qr.size) &&
	    b->as.qr.size <= 0)
		diag_error(p->d, &n->pos, "size must be more than 0");
	b->as.qr.color = style_default.color.value;
	if ((n = ynode_get(m, "color")) != NULL && !qr_fixed(p, n))
		schema_color(p->d, p->colors, n, "color", &b->as.qr.color);
	b->as.qr.background = (struct color){ 1, 1, 1, 1 };
	if ((n = ynode_get(m, "background")) != NULL && !qr_fixed(p, n))
		schema_color(p->d, p->colors, n, "background",
		    &b->as.qr.background);
	qr_contrast(p, m, b);
	parse_align(p, m, &b->as.qr.align);
	if ((n = ynode_get(m, "alt")) != NULL)
		b->as.qr.alt = spec_parse_template(p, n, "alt");
}

/* One size of an ellipse: a length more than 0. */
static void
ellipse_length(struct spec_parser *p, const struct ynode *n,
    const char *what, double *out)
{
	char key[40];

	snprintf(key, sizeof(key), "ellipse (its %s)", what);
	if (schema_length(p->d, n, key, 0, false, out) && *out <= 0)
		diag_error(p->d, &n->pos, "an ellipse's %s must be more "
		    "than 0", what);
}

/*
 * ellipse: [WIDTH, HEIGHT], or one length for a circle.  Filled if told;
 * stroked when told (stroke or stroke-width) or when it has no fill, so
 * that it shows: in the text colour, 0.75pt, as a rule.
 */
static void
parse_ellipse(struct spec_parser *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n, *sw = ynode_get(m, "stroke-width");

	if (v->kind == YNODE_SEQ && v->n == 2) {
		ellipse_length(p, v->items[0], "width", &b->as.ellipse.width);
		ellipse_length(p, v->items[1], "height",
		    &b->as.ellipse.height);
	} else if (v->kind == YNODE_SEQ) {
		diag_error(p->d, &v->pos, "ellipse must be a length (a circle) "
		    "or a list of two, the width and the height: [40mm, 20mm]");
	} else {
		ellipse_length(p, v, "size", &b->as.ellipse.width);
		b->as.ellipse.height = b->as.ellipse.width;
	}
	if ((n = ynode_get(m, "fill")) != NULL)
		spec_parse_color(p, n, "fill", &b->as.ellipse.fill);
	b->as.ellipse.stroke.value = style_default.color.value;
	if ((n = ynode_get(m, "stroke")) != NULL)
		spec_parse_color(p, n, "stroke", &b->as.ellipse.stroke);
	b->as.ellipse.stroke_width = n != NULL || sw != NULL ||
	    ynode_get(m, "fill") == NULL ? 0.75 : 0;
	if (sw != NULL)
		schema_length(p->d, sw, "stroke-width", 0, false,
		    &b->as.ellipse.stroke_width);
	parse_align(p, m, &b->as.ellipse.align);
}

#define LIST(...)	(const char *const[]){ __VA_ARGS__ }, \
			N(((const char *const[]){ __VA_ARGS__ }))
#define NONE		NULL, 0

/*
 * The kinds.  Keys sorted (schema_keys() searches them), each with the
 * common keys else, if, name, space-after, space-before and unless
 * (spacer takes only else, if, name and unless); templates in the
 * order the parse function reads them.
 */
const struct block_kind_desc block_kinds[BLOCK__MAX] = {
	[BLOCK_TEXT] = { "text", "a text block",
	    LIST("column-gap", "columns", "ellipsis", "else", "fit",
	    "fit-warn", "if", "lang", "link", "markup", "max-lines", "name",
	    "role", "space-after", "space-before",
	    "style", "text", "unless"),
	    LIST("text", "link"), "hello", false, parse_text },
	[BLOCK_LIST] = { "list", "a list block",
	    LIST("bullet", "bullet-color", "else", "if", "indent", "item",
	    "item-spacing", "list", "markup", "name", "space-after",
	    "space-before", "style", "unless"),
	    LIST("bullet-color", "item"), "items", false, parse_list },
	[BLOCK_IMAGE] = { "image", "an image block",
	    LIST("align", "alt", "decorative", "else", "fit", "focus",
	    "height", "if", "image", "mask", "name", "placeholder",
	    "placeholder-color", "placeholder-fill", "placeholder-shows",
	    "radius", "space-after", "space-before", "unless", "width"),
	    LIST("image", "focus", "placeholder", "placeholder-fill",
	    "placeholder-color", "alt"), "photo.png", false, parse_image },
	[BLOCK_RULE] = { "rule", "a rule block",
	    LIST("align", "color", "else", "if", "name", "rule", "space-after",
	    "space-before", "unless", "width"),
	    LIST("color"), "1pt", false, parse_rule },
	[BLOCK_SPACER] = { "spacer", "a spacer block",
	    LIST("else", "if", "name", "spacer", "unless"),
	    NONE, "4pt", false, parse_spacer },
	[BLOCK_ROW] = { "row", "a row block",
	    LIST("collapse", "else", "gap", "if", "name", "row",
	    "space-after", "space-before", "unless", "weights"),
	    NONE, "[{text: a}, {text: b}]", true,
	    parse_row },
	[BLOCK_BOX] = { "box", "a box block",
	    LIST("border-color", "border-left", "box", "else", "fill", "if",
	    "name", "padding", "radius", "space-after", "space-before",
	    "stroke", "stroke-width", "unless"),
	    LIST("fill", "stroke", "border-color"), "[{text: a}]", true,
	    parse_box },
	[BLOCK_QR] = { "qr", "a qr block",
	    LIST("align", "alt", "background", "color", "else", "if", "name",
	    "qr", "size", "space-after", "space-before", "unless"),
	    LIST("qr", "alt"), "https://example.org/", false, parse_qr },
	[BLOCK_ELLIPSE] = { "ellipse", "an ellipse block",
	    LIST("align", "ellipse", "else", "fill", "if", "name",
	    "space-after", "space-before", "stroke", "stroke-width",
	    "unless"),
	    LIST("fill", "stroke"), "[20mm, 10mm]", false, parse_ellipse },
	[BLOCK_FIRST_FIT] = { "first-fit", "a first-fit block",
	    LIST("else", "first-fit", "if", "name", "space-after",
	    "space-before", "unless"),
	    NONE, "[{text: a}, {text: b}]", true, parse_first_fit },
};

#undef LIST
#undef NONE

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * "a block needs one of the keys text, list, …", with a kind close to
 * one of m's keys if there is one.
 */
static void
no_kind(struct spec_parser *p, const struct ynode *m)
{
	const char *names[BLOCK__MAX], *near = NULL;
	GString *all = g_string_new(NULL);
	size_t i;

	for (i = 0; i < BLOCK__MAX; i++) {
		names[i] = block_kinds[i].name;
		g_string_append_printf(all, "%s%s", i ? ", " : "", names[i]);
	}
	/* Sorted: a tie between two kinds goes to the same one each time. */
	qsort(names, BLOCK__MAX, sizeof(*names), cmp_str);
	for (i = 0; m->kind == YNODE_MAP && i < m->n && near == NULL; i++)
		near = schema_suggest(m->pairs[i].key->str, names, BLOCK__MAX);
	if (m->kind != YNODE_MAP)
		diag_error(p->d, &m->pos, "a block must be a mapping with one "
		    "of the keys %s, not %s", all->str, ynode_kind_name(m));
	else if (near != NULL)
		diag_error(p->d, &m->pos, "a block needs one of the keys %s; "
		    "did you mean '%s'?", all->str, near);
	else
		diag_error(p->d, &m->pos, "a block needs one of the keys %s",
		    all->str);
	g_string_free(all, TRUE);
}

/*
 * The kind of block m: the one kind key it has.  Reports none or two
 * and returns BLOCK__MAX; *v is the kind key's value.
 */
static enum block_kind
find_kind(struct spec_parser *p, const struct ynode *m,
    const struct ynode **v)
{
	enum block_kind kind = BLOCK__MAX;
	size_t i;
	int k;

	if (m->kind != YNODE_MAP) {
		no_kind(p, m);
		return BLOCK__MAX;
	}
	for (i = 0; i < m->n; i++)
		for (k = 0; k < BLOCK__MAX; k++) {
			if (strcmp(m->pairs[i].key->str,
			    block_kinds[k].name) != 0)
				continue;
			if (kind != BLOCK__MAX) {
				diag_error(p->d, &m->pairs[i].key->pos, "a "
				    "block has one kind; this one is both "
				    "'%s' and '%s'", block_kinds[kind].name,
				    block_kinds[k].name);
				return BLOCK__MAX;
			}
			kind = (enum block_kind)k;
			*v = m->pairs[i].val;
		}
	if (kind == BLOCK__MAX)
		no_kind(p, m);
	return kind;
}

static struct block *
parse_block(struct spec_parser *p, const struct ynode *m)
{
	const struct block_kind_desc *outer = p->kind, *desc;
	const struct ynode *v = NULL, *n;
	enum block_kind kind = find_kind(p, m, &v);
	struct block *b;

	if (kind == BLOCK__MAX)
		return NULL;
	desc = &block_kinds[kind];
	b = arena_alloc(p->a, sizeof(*b));
	b->kind = kind;
	b->node = m;
	schema_keys(p->d, m, desc->keys, desc->nkeys, desc->what);
	if ((n = ynode_get(m, "name")) != NULL)
		schema_text(p->d, n, "name", &b->name);
	b->if_node = spec_parse_cond(p, m, "if");
	b->unless_node = spec_parse_cond(p, m, "unless");
	b->else_blocks = block_parse_else(p, m, &b->nelse);
	if ((n = ynode_get(m, "space-before")) != NULL)
		schema_length(p->d, n, "space-before", 0, true,
		    &b->space_before);
	if ((n = ynode_get(m, "space-after")) != NULL)
		schema_length(p->d, n, "space-after", 0, true, &b->space_after);
	p->kind = desc;
	desc->parse(p, b, m, v);
	p->kind = outer;
	return b;
}

struct block **
block_parse_list(struct spec_parser *p, const struct ynode *seq,
    size_t *count)
{
	struct ptrvec v = { 0 };
	size_t i;

	*count = 0;
	if (seq->kind != YNODE_SEQ) {
		diag_error(p->d, &seq->pos, "blocks must be a list, not %s",
		    ynode_kind_name(seq));
		return NULL;
	}
	for (i = 0; i < seq->n; i++) {
		struct block *b = parse_block(p, seq->items[i]);

		if (b != NULL)
			ptrvec_push(p->a, &v, b);
	}
	*count = v.n;
	return (struct block **)v.items;
}

struct block **
block_parse_else(struct spec_parser *p, const struct ynode *m,
    size_t *count)
{
	const struct ynode *n = ynode_get(m, "else");
	size_t i;

	*count = 0;
	if (n == NULL)
		return NULL;
	if (ynode_get(m, "if") == NULL && ynode_get(m, "unless") == NULL) {
		for (i = 0; strcmp(m->pairs[i].key->str, "else") != 0; i++)
			;
		diag_error(p->d, &m->pairs[i].key->pos, "else needs an 'if' "
		    "or 'unless' beside it, or it is never drawn");
		return NULL;
	}
	return block_parse_blocks(p, n, count);
}

struct block **
block_parse_blocks(struct spec_parser *p, const struct ynode *n,
    size_t *count)
{
	struct block **one;

	if (n->kind != YNODE_MAP)
		return block_parse_list(p, n, count);
	one = arena_alloc(p->a, sizeof(*one));
	one[0] = parse_block(p, n);
	*count = one[0] != NULL;
	return one;
}

bool
block_any_fit(struct block *const *blocks, size_t n, bool range)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct block *b = blocks[i];

		if (b->kind == BLOCK_TEXT && (b->as.text.fit_max > 0 ||
		    (!range && b->as.text.max_lines > 0)))
			return true;
		if (block_any_fit(b->children, b->nchildren, range) ||
		    block_any_fit(b->else_blocks, b->nelse, range))
			return true;
	}
	return false;
}

bool
block_any_choice(struct block *const *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (blocks[i]->kind == BLOCK_FIRST_FIT ||
		    block_any_choice(blocks[i]->children,
		    blocks[i]->nchildren) ||
		    block_any_choice(blocks[i]->else_blocks, blocks[i]->nelse))
			return true;
	return false;
}
