/*
 * Layout spec: YAML tree → struct spec (spec.h).  The schema is closed:
 * every unknown key is an error with a suggestion.  Every problem of the
 * file is reported in one pass; a bad value keeps a safe default so the
 * rest can still be checked, and spec_load() fails at the end.
 */
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "mem.h"
#include "schema.h"
#include "spec.h"
#include "style.h"
#include "template.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

struct parse {
	struct spec		*spec;
	struct arena		*a;
	struct diag		*d;
	const struct ynode	*colors;
	struct ptrvec		 styles;
	bool			 bad_size;	/* the page size was wrong: no
						   frame is checked against
						   the A4 put in its place */
};

/* All sorted, for schema_keys(). */
static const char *const top_keys[] = {
	"colors", "fonts", "metadata", "optional", "page", "pages",
	"required", "styles",
};
/* Indexed by enum meta. */
static const char *const meta_keys[META__MAX] = {
	"author", "keywords", "subject", "title",
};
static const char *const page_keys[] = {
	"bleed", "crop-marks", "margin", "size",
};
static const char *const page_spec_keys[] = {
	"background", "each", "frames", "name", "outline", "per-page",
	"slots",
};
static const char *const frame_keys[] = {
	"blocks", "bottom", "fill", "height", "if", "name", "padding",
	"radius", "right", "stroke", "stroke-width", "valign", "width",
	"x", "y",
};

/*
 * Block keys: the common ones and each kind's own.  A block is a
 * mapping with exactly one kind key; `kinds` is sorted by name.
 */
static const struct block_schema {
	const char		*kind;
	enum block_kind		 value;
	const char *const	*keys;	/* sorted, with the common ones */
	size_t			 nkeys;
} kinds[] = {
#define K(name, v, ...) { name, v, (const char *const[]){ __VA_ARGS__ }, \
	N(((const char *const[]){ __VA_ARGS__ })) }
	K("box", BLOCK_BOX, "border-color", "border-left", "box", "fill",
	    "if", "name", "padding", "radius", "space-after", "space-before",
	    "stroke", "stroke-width"),
	K("image", BLOCK_IMAGE, "align", "fit", "height", "if", "image",
	    "mask", "name", "placeholder", "radius", "space-after",
	    "space-before", "width"),
	K("list", BLOCK_LIST, "bullet", "bullet-color", "if", "indent",
	    "item", "item-spacing", "list", "name", "space-after",
	    "space-before", "style"),
	K("qr", BLOCK_QR, "align", "background", "color", "if", "name", "qr",
	    "size", "space-after", "space-before"),
	K("row", BLOCK_ROW, "gap", "if", "name", "row", "space-after",
	    "space-before", "weights"),
	K("rule", BLOCK_RULE, "align", "color", "if", "name", "rule",
	    "space-after", "space-before", "width"),
	K("spacer", BLOCK_SPACER, "if", "name", "spacer"),
	K("text", BLOCK_TEXT, "fit", "if", "link", "max-lines", "name",
	    "space-after", "space-before", "style", "text"),
#undef K
};

static const char *const kind_names[] = {
	"box", "image", "list", "qr", "row", "rule", "spacer", "text",
};

static const struct keyword valigns[] = {
	{ "bottom", VALIGN_BOTTOM }, { "middle", VALIGN_MIDDLE },
	{ "top", VALIGN_TOP },
};
static const struct keyword bools[] = {
	{ "false", 0 }, { "no", 0 }, { "true", 1 }, { "yes", 1 },
};
static const struct keyword masks[] = {
	{ "circle", MASK_CIRCLE }, { "none", MASK_NONE },
	{ "rounded", MASK_ROUNDED },
};
static const struct keyword fits[] = {
	{ "contain", FIT_CONTAIN }, { "cover", FIT_COVER },
};
static const struct keyword hpos[] = {
	{ "center", ALIGN_CENTER }, { "centre", ALIGN_CENTER },
	{ "left", ALIGN_LEFT }, { "right", ALIGN_RIGHT },
};

static const struct style *
find_style(const void *ctx, const char *name)
{
	const struct parse *p = ctx;
	size_t i;

	for (i = 0; i < p->styles.n; i++) {
		const struct style *s = p->styles.items[i];

		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

const struct style *
spec_find_style(const struct spec *spec, const char *name)
{
	size_t i;

	for (i = 0; i < spec->nstyles; i++)
		if (strcmp(spec->styles[i]->name, name) == 0)
			return spec->styles[i];
	return NULL;
}

static void
parse_page_setup(struct parse *p, const struct ynode *m)
{
	struct spec *s = p->spec;
	const struct ynode *n;

	if (!schema_keys(p->d, m, page_keys, N(page_keys), "'page'") &&
	    m->kind != YNODE_MAP)
		return;
	if ((n = ynode_get(m, "size")) != NULL) {
		double w, h;

		p->bad_size = true;
		if (n->kind == YNODE_SCALAR && units_page_size(n->str, &w, &h)) {
			s->width = w;
			s->height = h;
			p->bad_size = false;
		} else if (n->kind == YNODE_SEQ && n->n == 2) {
			if (schema_length(p->d, n->items[0], "page width", 0,
			    false, &w) &&
			    schema_length(p->d, n->items[1], "page height", 0,
			    false, &h)) {
				/* 3pt: the smallest page PDF allows. */
				if (!(w >= 3 && h >= 3 && w <= 14400 &&
				    h <= 14400))
					diag_error(p->d, &n->pos, "page size "
					    "must be at least 3pt and at most "
					    "200in (14400pt) a side");
				else {
					s->width = w;
					s->height = h;
					p->bad_size = false;
				}
			}
		} else {
			diag_error(p->d, &n->pos, "page size must be a name "
			    "(%s) or a list [width, height]", units_page_list);
		}
	}
	if ((n = ynode_get(m, "margin")) != NULL)
		schema_box(p->d, n, "margin", s->margin);
	if ((n = ynode_get(m, "bleed")) != NULL &&
	    schema_length(p->d, n, "bleed", 0, false, &s->bleed) &&
	    s->bleed > 72 / 25.4 * 20)
		diag_error(p->d, &n->pos, "bleed must be at most 20mm");
	s->crop_marks = s->bleed > 0;
	if ((n = ynode_get(m, "crop-marks")) != NULL) {
		int v;

		if (schema_keyword(p->d, n, "crop-marks", bools, N(bools), &v))
			s->crop_marks = v != 0;
	}
}

static void
parse_styles(struct parse *p, const struct ynode *m)
{
	size_t i;

	if (m->kind != YNODE_MAP) {
		diag_error(p->d, &m->pos, "'styles' must be a mapping of "
		    "style names to styles, not %s", ynode_kind_name(m));
		return;
	}
	for (i = 0; i < m->n; i++)
		ptrvec_push(p->a, &p->styles, style_parse(p->a, p->d,
		    p->colors, m->pairs[i].key, m->pairs[i].val, find_style,
		    p));
	p->spec->styles = (struct style **)p->styles.items;
	p->spec->nstyles = p->styles.n;
}

static const struct style *
block_style(struct parse *p, const struct ynode *m)
{
	const struct ynode *n = ynode_get(m, "style");
	const struct style *s;
	const char *name;

	if (n == NULL)
		return p->styles.n > 0 ? p->styles.items[0] : &style_default;
	if (!schema_text(p->d, n, "style", &name))
		return &style_default;
	if ((s = find_style(p, name)) != NULL)
		return s;
	{
		const char **names = xmalloc((p->styles.n + 1) *
		    sizeof(*names));
		const char *near;
		size_t i;

		for (i = 0; i < p->styles.n; i++)
			names[i] = ((struct style *)p->styles.items[i])->name;
		near = schema_suggest(name, names, p->styles.n);
		if (near != NULL)
			diag_error(p->d, &n->pos, "unknown style '%s'; did "
			    "you mean '%s'?", name, near);
		else
			diag_error(p->d, &n->pos, "unknown style '%s' (not in "
			    "'styles')", name);
		free(names);
	}
	return &style_default;
}

static struct tmpl *
parse_template(struct parse *p, const struct ynode *n, const char *what)
{
	const char *s;

	if (!schema_text(p->d, n, what, &s))
		return NULL;
	return tmpl_parse(p->a, n, p->d);
}

/*
 * `if: FIELD` or `if: [FIELD, ...]`: draw only when the field (or one
 * of the fields) is present and not empty.
 */
static const struct ynode *
parse_if(struct parse *p, const struct ynode *m)
{
	const struct ynode *n = ynode_get(m, "if");
	const char *s;
	size_t i;

	if (n == NULL)
		return NULL;
	if (n->kind == YNODE_SEQ && n->n > 0) {
		for (i = 0; i < n->n; i++)
			if (!schema_text(p->d, n->items[i], "a field name", &s))
				return NULL;
		return n;
	}
	return schema_text(p->d, n, "if (a field name or a list of them)",
	    &s) ? n : NULL;
}

static struct block	**parse_blocks(struct parse *, const struct ynode *,
			    size_t *);

/*
 * fit: [MAX, MIN] — the text takes the largest size in the range at
 * which its frame's flow fits; max-lines: N caps its lines.
 */
static void
parse_fit(struct parse *p, struct block *b, const struct ynode *m)
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
				    "0, not [%g, %g]pt", hi, lo);
			else {
				b->fit_max = hi;
				b->fit_min = lo;
			}
		}
	}
	if ((n = ynode_get(m, "max-lines")) != NULL &&
	    schema_number(p->d, n, "max-lines", 1, 1000, &v)) {
		if (v != (int)v)
			diag_error(p->d, &n->pos, "max-lines must be a whole "
			    "number");
		else
			b->max_lines = (int)v;
	}
}

/* True if a block of the flow (at any depth) fits or caps its lines. */
static bool
any_fit(struct block *const *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (blocks[i]->fit_max > 0 || blocks[i]->max_lines > 0 ||
		    any_fit(blocks[i]->children, blocks[i]->nchildren))
			return true;
	return false;
}

/* padding, fill, stroke, stroke-width, radius: frames and boxes. */
static void
parse_decor(struct parse *p, const struct ynode *m, struct decor *dc)
{
	const struct ynode *n;

	if ((n = ynode_get(m, "padding")) != NULL)
		schema_box(p->d, n, "padding", dc->padding);
	if ((n = ynode_get(m, "fill")) != NULL)
		schema_color(p->d, p->colors, n, "fill", &dc->fill);
	if ((n = ynode_get(m, "stroke")) != NULL)
		schema_color(p->d, p->colors, n, "stroke", &dc->stroke);
	dc->stroke_width = 0.75;
	if ((n = ynode_get(m, "stroke-width")) != NULL)
		schema_length(p->d, n, "stroke-width", 0, false,
		    &dc->stroke_width);
	if ((n = ynode_get(m, "radius")) != NULL)
		schema_length(p->d, n, "radius", 0, false, &dc->radius);
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
qr_contrast(struct parse *p, const struct ynode *m, const struct block *b)
{
	double fg = luminance(&b->color), bg = luminance(&b->background);
	double ratio = (fmax(fg, bg) + 0.05) / (fmin(fg, bg) + 0.05);

	if (b->background.a < 1 || b->color.a == 0)
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

static void
parse_block_kind(struct parse *p, struct block *b, const struct ynode *m,
    const struct ynode *v)
{
	const struct ynode *n;

	switch (b->kind) {
	case BLOCK_TEXT:
		b->style = block_style(p, m);
		if (v->kind == YNODE_SEQ && v->n > 0) {
			/* Alternatives: the first one whose fields exist. */
			b->ntexts = v->n;
			b->texts = arena_alloc(p->a, v->n * sizeof(*b->texts));
			for (size_t i = 0; i < v->n; i++)
				b->texts[i] = parse_template(p, v->items[i],
				    "text");
		} else {
			b->ntexts = 1;
			b->texts = arena_alloc(p->a, sizeof(*b->texts));
			b->texts[0] = parse_template(p, v, "text");
		}
		b->text = b->texts[0];
		parse_fit(p, b, m);
		if ((n = ynode_get(m, "link")) != NULL)
			b->link = parse_template(p, n, "link");
		break;
	case BLOCK_LIST:
		b->style = block_style(p, m);
		if (schema_text(p->d, v, "list (the name of a list field)",
		    &b->list_field)) {
			b->list_node = v;
			if (strstr(b->list_field, "{{") != NULL) {
				char *name = g_strdup(b->list_field);

				g_strstrip(g_strdelimit(name, "{}", ' '));
				diag_error(p->d, &v->pos, "list takes a field "
				    "name, not a template: write 'list: %s'",
				    name);
				g_free(name);
			}
		}
		b->bullet = "disc";
		if ((n = ynode_get(m, "bullet")) != NULL)
			schema_text(p->d, n, "bullet", &b->bullet);
		if ((n = ynode_get(m, "bullet-color")) != NULL)
			b->bullet_colored = schema_color(p->d, p->colors, n,
			    "bullet-color", &b->bullet_color);
		if ((n = ynode_get(m, "item")) != NULL)
			b->item = parse_template(p, n, "item");
		b->item_spacing = b->style->paragraph_spacing;
		if ((n = ynode_get(m, "item-spacing")) != NULL)
			schema_length(p->d, n, "item-spacing", 0, false,
			    &b->item_spacing);
		b->bullet_indent = b->style->size * 1.2;
		if ((n = ynode_get(m, "indent")) != NULL)
			schema_length(p->d, n, "indent", 0, false,
			    &b->bullet_indent);
		break;
	case BLOCK_IMAGE:
		b->text = parse_template(p, v, "image");
		b->from_data = b->text != NULL && !tmpl_is_literal(b->text);
		if ((n = ynode_get(m, "width")) != NULL)
			schema_length(p->d, n, "width", 0, false, &b->width);
		if ((n = ynode_get(m, "height")) != NULL)
			schema_length(p->d, n, "height", 0, false, &b->height);
		if ((n = ynode_get(m, "fit")) != NULL) {
			int f;

			if (schema_keyword(p->d, n, "fit", fits, N(fits), &f))
				b->fit = (enum fit)f;
		}
		if ((n = ynode_get(m, "mask")) != NULL) {
			int k;

			if (schema_keyword(p->d, n, "mask", masks, N(masks),
			    &k))
				b->mask = (enum mask)k;
		}
		b->radius = 3 * 72 / 25.4;
		if ((n = ynode_get(m, "radius")) != NULL)
			schema_length(p->d, n, "radius", 0, false, &b->radius);
		if ((n = ynode_get(m, "placeholder")) != NULL)
			b->placeholder = parse_template(p, n, "placeholder");
		goto halign;
	case BLOCK_RULE:
		b->thickness = 0.75;
		if (!ynode_is_null(v))
			schema_length(p->d, v, "rule (its thickness)", 0,
			    false, &b->thickness);
		b->color = style_default.color;
		if ((n = ynode_get(m, "color")) != NULL)
			schema_color(p->d, p->colors, n, "color", &b->color);
		if ((n = ynode_get(m, "width")) != NULL)
			schema_length(p->d, n, "width", 0, false, &b->width);
	halign:
		if ((n = ynode_get(m, "align")) != NULL) {
			int a;

			if (schema_keyword(p->d, n, "align", hpos, N(hpos), &a))
				b->align = (enum align)a;
		}
		break;
	case BLOCK_SPACER:
		schema_length(p->d, v, "spacer (its height)", 0, false,
		    &b->height);
		break;
	case BLOCK_QR:
		b->text = parse_template(p, v, "qr");
		b->width = 25 * 72 / 25.4;
		if ((n = ynode_get(m, "size")) != NULL &&
		    schema_length(p->d, n, "size", 0, false, &b->width) &&
		    b->width <= 0)
			diag_error(p->d, &n->pos, "size must be more than 0");
		b->color = style_default.color;
		if ((n = ynode_get(m, "color")) != NULL)
			schema_color(p->d, p->colors, n, "color", &b->color);
		b->background = (struct color){ 1, 1, 1, 1 };
		if ((n = ynode_get(m, "background")) != NULL)
			schema_color(p->d, p->colors, n, "background",
			    &b->background);
		qr_contrast(p, m, b);
		goto halign;
	case BLOCK_ROW:
		b->children = parse_blocks(p, v, &b->nchildren);
		b->weights = arena_alloc(p->a, (b->nchildren + 1) *
		    sizeof(double));
		for (size_t i = 0; i < b->nchildren; i++)
			b->weights[i] = 1;
		if ((n = ynode_get(m, "gap")) != NULL)
			schema_length(p->d, n, "gap", 0, false, &b->gap);
		if ((n = ynode_get(m, "weights")) != NULL) {
			if (n->kind != YNODE_SEQ || n->n != b->nchildren) {
				diag_error(p->d, &n->pos, "weights must be a "
				    "list of %zu numbers, one per block of "
				    "the row", b->nchildren);
			} else {
				for (size_t i = 0; i < n->n; i++)
					schema_number(p->d, n->items[i],
					    "a weight", 0.01, 1000,
					    &b->weights[i]);
			}
		}
		break;
	case BLOCK_BOX:
		b->children = parse_blocks(p, v, &b->nchildren);
		parse_decor(p, m, &b->decor);
		if ((n = ynode_get(m, "border-left")) != NULL)
			schema_length(p->d, n, "border-left", 0, false,
			    &b->border_left);
		b->border_color = style_default.color;
		if ((n = ynode_get(m, "border-color")) != NULL)
			schema_color(p->d, p->colors, n, "border-color",
			    &b->border_color);
		break;
	case BLOCK__MAX:
		abort();
	}
}

static struct block *
parse_block(struct parse *p, const struct ynode *m)
{
	const struct block_schema *kind = NULL;
	const struct ynode *v = NULL, *n;
	struct block *b;
	size_t i, j;

	if (m->kind != YNODE_MAP) {
		diag_error(p->d, &m->pos, "a block must be a mapping with one "
		    "of the keys %s, not %s", "text, list, image, rule, "
		    "spacer, row, box, qr", ynode_kind_name(m));
		return NULL;
	}
	for (i = 0; i < m->n; i++)
		for (j = 0; j < N(kinds); j++)
			if (strcmp(m->pairs[i].key->str, kinds[j].kind) == 0) {
				if (kind != NULL) {
					diag_error(p->d, &m->pairs[i].key->pos,
					    "a block has one kind; this one is "
					    "both '%s' and '%s'", kind->kind,
					    kinds[j].kind);
					return NULL;
				}
				kind = &kinds[j];
				v = m->pairs[i].val;
			}
	if (kind == NULL) {
		const char *near = NULL;

		for (i = 0; i < m->n && near == NULL; i++)
			near = schema_suggest(m->pairs[i].key->str,
			    kind_names, N(kind_names));
		if (near != NULL)
			diag_error(p->d, &m->pos, "a block needs one of the "
			    "keys text, list, image, rule, spacer, row, box, qr; "
			    "did you mean '%s'?", near);
		else
			diag_error(p->d, &m->pos, "a block needs one of the "
			    "keys text, list, image, rule, spacer, row, box, qr");
		return NULL;
	}
	b = arena_alloc(p->a, sizeof(*b));
	b->kind = kind->value;
	b->node = m;
	schema_keys(p->d, m, kind->keys, kind->nkeys, arena_printf(p->a,
	    "%s %s block", kind->kind[0] == 'i' ? "an" : "a", kind->kind));
	if ((n = ynode_get(m, "name")) != NULL)
		schema_text(p->d, n, "name", &b->name);
	b->if_node = parse_if(p, m);
	if ((n = ynode_get(m, "space-before")) != NULL)
		schema_length(p->d, n, "space-before", 0, true,
		    &b->space_before);
	if ((n = ynode_get(m, "space-after")) != NULL)
		schema_length(p->d, n, "space-after", 0, true, &b->space_after);
	parse_block_kind(p, b, m, v);
	return b;
}

static struct block **
parse_blocks(struct parse *p, const struct ynode *seq, size_t *count)
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

/*
 * Frame geometry.  x and y default to the margins; width and height to
 * what is left up to the right and bottom margins.  `right` and
 * `bottom` place a frame from the far edges instead.
 */
static void
parse_frame_box(struct parse *p, struct frame *f, const struct ynode *m)
{
	const struct spec *s = p->spec;
	double x = s->margin[3], y = s->margin[0], w = -1, h = -1;
	double right = -1, bottom = -1;
	const struct ynode *n;

	if ((n = ynode_get(m, "x")) != NULL)
		schema_length(p->d, n, "x", 0, false, &x);
	if ((n = ynode_get(m, "y")) != NULL)
		schema_length(p->d, n, "y", 0, false, &y);
	if ((n = ynode_get(m, "width")) != NULL)
		schema_length(p->d, n, "width", 0, false, &w);
	if ((n = ynode_get(m, "height")) != NULL)
		schema_length(p->d, n, "height", 0, false, &h);
	if ((n = ynode_get(m, "right")) != NULL)
		schema_length(p->d, n, "right", 0, false, &right);
	if ((n = ynode_get(m, "bottom")) != NULL)
		schema_length(p->d, n, "bottom", 0, false, &bottom);
	if (w < 0)
		w = s->width - (right >= 0 ? right : s->margin[1]) - x;
	else if (right >= 0 && ynode_get(m, "x") == NULL)
		x = s->width - right - w;
	if (h < 0)
		h = s->height - (bottom >= 0 ? bottom : s->margin[2]) - y;
	else if (bottom >= 0 && ynode_get(m, "y") == NULL)
		y = s->height - bottom - h;
	if (w <= 0 || h <= 0)
		diag_error(p->d, &m->pos, "frame '%s' has no room: %.1fpt × "
		    "%.1fpt", f->name, w, h);
	else if (!p->bad_size &&
	    (x + w > s->width + 0.01 || y + h > s->height + 0.01))
		diag_error(p->d, &m->pos, "frame '%s' reaches outside the "
		    "page (%.1fpt × %.1fpt at %.1fpt, %.1fpt on a %.1fpt × "
		    "%.1fpt page)", f->name, w, h, x, y, s->width, s->height);
	f->x = x;
	f->y = y;
	f->w = w;
	f->h = h;
}

static struct frame *
parse_frame(struct parse *p, const struct ynode *m, size_t index)
{
	struct frame *f = arena_alloc(p->a, sizeof(*f));
	const struct ynode *n;

	f->node = m;
	f->name = arena_printf(p->a, "#%zu", index + 1);
	if (!schema_keys(p->d, m, frame_keys, N(frame_keys), "a frame") &&
	    m->kind != YNODE_MAP)
		return NULL;
	if ((n = ynode_get(m, "name")) != NULL)
		schema_text(p->d, n, "name", &f->name);
	f->if_node = parse_if(p, m);
	parse_frame_box(p, f, m);
	parse_decor(p, m, &f->decor);
	if ((n = ynode_get(m, "valign")) != NULL) {
		int v;

		if (schema_keyword(p->d, n, "valign", valigns, N(valigns), &v))
			f->valign = (enum valign)v;
	}
	if ((n = ynode_get(m, "blocks")) != NULL)
		f->blocks = parse_blocks(p, n, &f->nblocks);
	f->fits = any_fit(f->blocks, f->nblocks);
	return f;
}

/*
 * N-up: `per-page: N` puts N records on one sheet, the page's frames
 * drawn once per record, moved by `slots: [[x, y], ...]`.
 */
static void
parse_slots(struct parse *p, struct page_spec *ps, const struct ynode *m)
{
	const struct ynode *n = ynode_get(m, "per-page"), *sl;
	double v;
	size_t i;

	ps->per_page = 1;
	ps->slots = arena_alloc(p->a, sizeof(*ps->slots));
	if (n == NULL)
		return;
	if (!schema_number(p->d, n, "per-page", 1, 64, &v))
		return;
	if (v != (int)v) {
		diag_error(p->d, &n->pos, "per-page must be a whole number");
		return;
	}
	if (ynode_get(m, "each") == NULL) {
		diag_error(p->d, &n->pos, "per-page needs 'each': the records "
		    "to put on each sheet");
		return;
	}
	sl = ynode_get(m, "slots");
	if (sl == NULL || sl->kind != YNODE_SEQ || sl->n != (size_t)v) {
		diag_error(p->d, sl ? &sl->pos : &n->pos, "per-page: %d needs "
		    "'slots': a list of %d [x, y] offsets, one per record",
		    (int)v, (int)v);
		return;
	}
	ps->slots = arena_alloc(p->a, sl->n * sizeof(*ps->slots));
	for (i = 0; i < sl->n; i++) {
		const struct ynode *xy = sl->items[i];

		if (xy->kind != YNODE_SEQ || xy->n != 2) {
			diag_error(p->d, &xy->pos, "a slot is [x, y]");
			return;
		}
		if (!schema_length(p->d, xy->items[0], "a slot's x", 0, false,
		    &ps->slots[i][0]) ||
		    !schema_length(p->d, xy->items[1], "a slot's y", 0, false,
		    &ps->slots[i][1]))
			return;
	}
	ps->per_page = (int)v;
}

static struct page_spec *
parse_page(struct parse *p, const struct ynode *m, size_t index)
{
	struct page_spec *ps = arena_alloc(p->a, sizeof(*ps));
	const struct ynode *n;
	struct ptrvec frames = { 0 };
	size_t i;

	ps->node = m;
	ps->name = arena_printf(p->a, "page-%zu", index + 1);
	ps->background.a = 0;
	if (!schema_keys(p->d, m, page_spec_keys, N(page_spec_keys),
	    "a page") && m->kind != YNODE_MAP)
		return NULL;
	if ((n = ynode_get(m, "name")) != NULL &&
	    schema_text(p->d, n, "name", &ps->name)) {
		const char *c;

		for (c = ps->name; *c; c++)
			if (!g_ascii_islower(*c) && !g_ascii_isdigit(*c) &&
			    *c != '-')
				break;
		if (*c != '\0' || *ps->name == '\0')
			diag_error(p->d, &n->pos, "a page name names output "
			    "files: use only a-z, 0-9 and '-', not '%s'",
			    ps->name);
	}
	if ((n = ynode_get(m, "each")) != NULL &&
	    schema_text(p->d, n, "each", &ps->each))
		ps->each_node = n;
	if ((n = ynode_get(m, "background")) != NULL)
		schema_color(p->d, p->colors, n, "background", &ps->background);
	parse_slots(p, ps, m);
	if ((n = ynode_get(m, "outline")) != NULL)
		ps->outline = parse_template(p, n, "outline");
	n = ynode_get(m, "frames");
	if (n == NULL) {
		diag_error(p->d, &m->pos, "a page needs 'frames'");
	} else if (n->kind != YNODE_SEQ) {
		diag_error(p->d, &n->pos, "frames must be a list, not %s",
		    ynode_kind_name(n));
	} else {
		for (i = 0; i < n->n; i++) {
			struct frame *f = parse_frame(p, n->items[i], i);

			if (f != NULL)
				ptrvec_push(p->a, &frames, f);
		}
	}
	ps->frames = (struct frame **)frames.items;
	ps->nframes = frames.n;
	return ps;
}

/* Page names name output files: two pages made once must differ. */
static void
check_page_names(struct parse *p, const struct ptrvec *pages)
{
	size_t i, j;

	for (i = 0; i < pages->n; i++)
		for (j = 0; j < i; j++) {
			const struct page_spec *a = pages->items[i];
			const struct page_spec *b = pages->items[j];

			if ((a->each == NULL || a->per_page > 1) &&
			    (b->each == NULL || b->per_page > 1) &&
			    strcmp(a->name, b->name) == 0) {
				diag_error(p->d, &a->node->pos, "two pages "
				    "are named '%s' (first at line %d): "
				    "names must differ, they name output "
				    "files", a->name, b->node->pos.line);
				break;
			}
		}
}

static void
parse_field_list(struct parse *p, const struct ynode *n, const char *what,
    const struct ynode **out)
{
	size_t i;
	const char *s;

	if (n->kind != YNODE_SEQ) {
		diag_error(p->d, &n->pos, "'%s' must be a list of field "
		    "names", what);
		return;
	}
	for (i = 0; i < n->n; i++)
		schema_text(p->d, n->items[i], "a field name", &s);
	*out = n;
}

struct spec *
spec_parse(struct ydoc *doc, struct diag *d)
{
	struct spec *s = xcalloc(1, sizeof(*s));
	struct parse p = { 0 };
	const struct ynode *root = doc->root, *n;
	struct ptrvec pages = { 0 };
	int errors = d->count[DIAG_ERROR];
	char *copy;
	size_t i;

	s->doc = doc;
	s->arena = arena_new();
	s->file = doc->file;
	copy = xstrdup(doc->file);
	s->dir = arena_strdup(s->arena, dirname(copy));
	free(copy);
	units_page_size("A4", &s->width, &s->height);
	p.spec = s;
	p.a = s->arena;
	p.d = d;
	if (!schema_keys(d, root, top_keys, N(top_keys), "a layout") &&
	    root->kind != YNODE_MAP)
		goto fail;
	if ((n = ynode_get(root, "colors")) != NULL) {
		struct color c;

		if (n->kind != YNODE_MAP) {
			diag_error(d, &n->pos, "'colors' must be a mapping "
			    "of names to '#rrggbb'");
		} else {
			for (i = 0; i < n->n; i++) {
				const struct ynode *v = n->pairs[i].val;

				if (v->kind == YNODE_SCALAR && v->plain &&
				    *v->str == '\0')
					diag_error(d, &v->pos, "colour '%s' is "
					    "empty: in YAML ' #' starts a "
					    "comment, so quote it: \"#16181f\"",
					    n->pairs[i].key->str);
				else if (v->kind != YNODE_SCALAR ||
				    !units_parse_color(v->str, &c))
					diag_error(d, &v->pos, "colour '%s' "
					    "must be '#rgb', '#rrggbb' or "
					    "'#rrggbbaa', not '%s'",
					    n->pairs[i].key->str,
					    v->kind == YNODE_SCALAR ? v->str :
					    ynode_kind_name(v));
			}
			p.colors = n;
		}
	}
	if ((n = ynode_get(root, "page")) != NULL)
		parse_page_setup(&p, n);
	if ((n = ynode_get(root, "fonts")) != NULL &&
	    schema_text(d, n, "fonts", &s->fonts_dir)) {
		s->fonts_node = n;
		if (!g_path_is_absolute(s->fonts_dir))
			s->fonts_dir = arena_printf(s->arena, "%s/%s", s->dir,
			    s->fonts_dir);
		if (!g_file_test(s->fonts_dir, G_FILE_TEST_IS_DIR))
			diag_error(d, &n->pos, "fonts folder '%s' does not "
			    "exist", s->fonts_dir);
	}
	if ((n = ynode_get(root, "metadata")) != NULL &&
	    schema_keys(d, n, meta_keys, N(meta_keys), "'metadata'")) {
		for (i = 0; i < N(meta_keys); i++) {
			const struct ynode *v = ynode_get(n, meta_keys[i]);

			if (v != NULL)
				s->meta[i] = parse_template(&p, v, meta_keys[i]);
		}
	}
	if ((n = ynode_get(root, "required")) != NULL)
		parse_field_list(&p, n, "required", &s->required);
	if ((n = ynode_get(root, "optional")) != NULL)
		parse_field_list(&p, n, "optional", &s->optional);
	if ((n = ynode_get(root, "styles")) != NULL)
		parse_styles(&p, n);
	n = ynode_get(root, "pages");
	if (n == NULL || n->kind != YNODE_SEQ || n->n == 0) {
		diag_error(d, n ? &n->pos : &root->pos, "a layout needs "
		    "'pages': a list of at least one page");
	} else {
		for (i = 0; i < n->n; i++) {
			struct page_spec *ps = parse_page(&p, n->items[i], i);

			if (ps != NULL)
				ptrvec_push(s->arena, &pages, ps);
		}
	}
	check_page_names(&p, &pages);
	s->pages = (struct page_spec **)pages.items;
	s->npages = pages.n;
	if (d->count[DIAG_ERROR] > errors)
		goto fail;
	return s;
fail:
	spec_free(s);
	return NULL;
}

struct spec *
spec_load(const char *path, struct diag *d)
{
	struct ydoc *doc = yload_file(path, d);

	return doc ? spec_parse(doc, d) : NULL;
}

void
spec_free(struct spec *s)
{
	if (s == NULL)
		return;
	ydoc_free(s->doc);
	arena_free(s->arena);
	free(s);
}
