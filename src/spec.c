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

#include <assert.h>

#include "block.h"
#include "color.h"
#include "mem.h"
#include "schema.h"
#include "spans.h"
#include "spec.h"
#include "specparse.h"
#include "style.h"
#include "template.h"
#include "theme.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))


/* All sorted, for schema_keys(). */
static const char *const top_keys[] = {
	"colors", "fonts", "include", "metadata", "optional", "page",
	"pages", "parts", "required", "spans", "styles",
};
/* Indexed by enum meta. */
static const char *const meta_keys[META__MAX] = {
	"author", "keywords", "lang", "subject", "title",
};
static const char *const page_keys[] = {
	"bleed", "crop-marks", "margin", "min-dpi", "pdf-standard", "size",
};
static const char *const page_spec_keys[] = {
	"background", "continuation", "each", "frames", "name", "outline",
	"pages", "per-page", "reading-order", "size", "slots",
};
/* A page of a sequence: its `each` is the sequence's; no N-up. */
static const char *const seq_page_keys[] = {
	"background", "frames", "name", "outline", "reading-order", "size",
};
static const char *const frame_keys[] = {
	"blocks", "bottom", "continue", "continue-page", "continued-marker",
	"else", "fill", "flow", "height", "if", "name", "padding", "radius",
	"right", "stroke", "stroke-width", "unless", "valign", "width", "x",
	"y",
};

static const struct keyword valigns[] = {
	{ "bottom", VALIGN_BOTTOM }, { "middle", VALIGN_MIDDLE },
	{ "top", VALIGN_TOP },
};
static const struct keyword bools[] = {
	{ "false", 0 }, { "no", 0 }, { "true", 1 }, { "yes", 1 },
};

const struct schema_keyset spec_keysets[] = {
	{ "layout", top_keys, N(top_keys) },
	{ "metadata", meta_keys, N(meta_keys) },
	{ "page", page_keys, N(page_keys) },
	{ "page-spec", page_spec_keys, N(page_spec_keys) },
	{ "seq-page", seq_page_keys, N(seq_page_keys) },
	{ "frame", frame_keys, N(frame_keys) },
	{ NULL, NULL, 0 },
};
const struct schema_keywords spec_keywords[] = {
	{ "valign", valigns, N(valigns) },
	{ "bool", bools, N(bools) },
	{ NULL, NULL, 0 },
};

static const struct style *
find_style(const void *ctx, const char *name)
{
	const struct spec_parser *p = ctx;
	size_t i;

	for (i = 0; i < p->styles.n; i++) {
		const struct style *s = p->styles.items[i];

		if (strcmp(s->name, name) == 0)
			return s;
	}
	return NULL;
}

bool
spec_check_lang(struct diag *d, const struct ynode *v)
{
	if (v->kind == YNODE_SCALAR && units_lang(v->str))
		return true;
	diag_error(d, &v->pos, "'lang' must be a language tag such as ko-KR "
	    "or en (BCP 47), not '%s'", v->kind == YNODE_SCALAR ? v->str :
	    "a list or mapping");
	return false;
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

/*
 * A page size at n: a name (A4) or [width, height]; false, reported,
 * if it is neither or out of range (*w, *h untouched then).
 */
static bool
parse_size(struct spec_parser *p, const struct ynode *n, double *w,
    double *h)
{
	double x, y;

	if (n->kind == YNODE_SCALAR && units_page_size(n->str, w, h))
		return true;
	if (n->kind != YNODE_SEQ || n->n != 2) {
		diag_error(p->d, &n->pos, "page size must be a name (%s) or a "
		    "list [width, height]", units_page_list);
		return false;
	}
	if (!schema_length(p->d, n->items[0], "page width", 0, false, &x) ||
	    !schema_length(p->d, n->items[1], "page height", 0, false, &y))
		return false;
	/* 3pt: the smallest page PDF allows. */
	if (!(x >= 3 && y >= 3 && x <= 14400 && y <= 14400)) {
		diag_error(p->d, &n->pos, "page size must be at least 3pt and "
		    "at most 200in (14400pt) a side");
		return false;
	}
	*w = x;
	*h = y;
	return true;
}

/* page: pdf-standard: a standard (x-4) or a list of them ([x-4, ua-1]),
 * as --pdf-standard names them; added to the command line's. */
static void
parse_standards(struct spec_parser *p, const struct ynode *n)
{
	const struct ynode *one = n;
	unsigned bit;
	size_t i;

	for (i = 0; n->kind == YNODE_SEQ ? i < n->n : i < 1; i++) {
		one = n->kind == YNODE_SEQ ? n->items[i] : n;
		if (one->kind != YNODE_SCALAR ||
		    (bit = units_pdf_standard(one->str)) == 0) {
			diag_error(p->d, &one->pos, "pdf-standard must be ua-1, "
			    "x-4 or a-2u (or a list of them), not '%s'",
			    one->kind == YNODE_SCALAR ? one->str :
			    ynode_kind_name(one));
			continue;
		}
		p->spec->standards |= bit;
	}
	if ((p->spec->standards & PDF_X4) && (p->spec->standards & PDF_A2U))
		diag_error(p->d, &n->pos, "pdf-standard: x-4 and a-2u name "
		    "output intents of their own (CMYK for the press, sRGB for "
		    "archives): claim one");
}

static void
parse_page_setup(struct spec_parser *p, const struct ynode *m)
{
	struct spec *s = p->spec;
	const struct ynode *n;

	if (!schema_keys(p->d, m, page_keys, N(page_keys), "'page'") &&
	    m->kind != YNODE_MAP)
		return;
	if ((n = ynode_get(m, "size")) != NULL)
		p->bad_size = !parse_size(p, n, &s->width, &s->height);
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
	if ((n = ynode_get(m, "min-dpi")) != NULL)
		s->min_dpi_set = schema_number(p->d, n, "min-dpi", 0, 2400,
		    &s->min_dpi);
	if ((n = ynode_get(m, "pdf-standard")) != NULL)
		parse_standards(p, n);
}

static void
parse_styles(struct spec_parser *p, const struct ynode *m)
{
	size_t i;

	if (m->kind != YNODE_MAP) {
		diag_error(p->d, &m->pos, "'styles' must be a mapping of "
		    "style names to styles, not %s", ynode_kind_name(m));
		return;
	}
	for (i = 0; i < m->n; i++) {
		struct style *s = style_parse(p->a, p->d, p->colors,
		    m->pairs[i].key, m->pairs[i].val, find_style, p);
		const struct ynode *n = ynode_get(m->pairs[i].val, "color");

		/* A style serves every page: its colour template is
		 * expanded in the scope of the page that sets text in it. */
		if (n != NULL && color_is_template(n)) {
			enum field_scope scope = p->scope;

			p->scope = SCOPE_RECORD;
			spec_parse_color(p, n, "color", &s->color);
			p->scope = scope;
		}
		ptrvec_push(p->a, &p->styles, s);
	}
	p->spec->styles = (struct style **)p->styles.items;
	p->spec->nstyles = p->styles.n;
}

const struct style *
spec_block_style(struct spec_parser *p, const struct ynode *m)
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

static void
add_use(struct spec_parser *p, const struct tmpl *t, const struct ynode *fields,
    enum field_scope scope)
{
	struct field_use *u = arena_alloc(p->a, sizeof(*u));

	u->tmpl = t;
	u->fields = fields;
	u->page = p->page;
	u->frame = p->frame;
	u->scope = scope;
	ptrvec_push(p->a, &p->uses, u);
}

/* Whether `what` is one of the template keys of the block being read. */
static bool
is_kind_template(const struct spec_parser *p, const char *what)
{
	size_t i;

	for (i = 0; i < p->kind->ntemplates; i++)
		if (strcmp(p->kind->templates[i], what) == 0)
			return true;
	return false;
}

/*
 * The one door to templates of the layout: every one is recorded in
 * spec->uses as it is made, so no check of field names can miss one.
 */
static struct tmpl *
parse_tmpl(struct spec_parser *p, const struct ynode *n, const char *what,
    enum field_scope scope)
{
	struct tmpl *t;
	const char *s;

	assert(p->kind == NULL || is_kind_template(p, what));
	if (!schema_text(p->d, n, what, &s))
		return NULL;
	if ((t = tmpl_parse(p->a, n, p->d)) != NULL)
		add_use(p, t, NULL, scope);
	return t;
}

struct tmpl *
spec_parse_template(struct spec_parser *p, const struct ynode *n,
    const char *what)
{
	return parse_tmpl(p, n, what, p->scope);
}

struct tmpl *
spec_parse_item(struct spec_parser *p, const struct ynode *n,
    const char *what)
{
	return parse_tmpl(p, n, what, SCOPE_ITEM);
}

void
spec_parse_color(struct spec_parser *p, const struct ynode *n,
    const char *what, struct spec_color *out)
{
	const struct tmpl *t;

	/* ["{{field}}", COLOUR]: the field's colour, or that one. */
	if (n->kind == YNODE_SEQ) {
		if (n->n != 2 || !color_is_template(n->items[0]) ||
		    color_is_template(n->items[1])) {
			diag_error(p->d, &n->pos, "%s: a colour with a fallback "
			    "is a list of two, a template and a colour: "
			    "[\"{{accent}}\", brand]", what);
			return;
		}
		if (schema_color(p->d, p->colors, n->items[1], what,
		    &out->value))
			out->fallback = true;
		n = n->items[0];
	}
	if (!color_is_template(n)) {
		schema_color(p->d, p->colors, n, what, &out->value);
		return;
	}
	if ((t = parse_tmpl(p, n, what, p->scope)) != NULL) {
		out->tmpl = t;
		((struct field_use *)p->uses.items[p->uses.n - 1])->color =
		    true;
	}
}

void
spec_use_fields(struct spec_parser *p, const struct ynode *n)
{
	add_use(p, NULL, n, p->scope);
}

/*
 * One test of an `if` or `unless`: FIELD (present and not empty), or
 * {FIELD: VALUE} or {FIELD: [VALUE, ...]} (its text is one of them).
 */
static bool
parse_test(struct spec_parser *p, const struct ynode *n, const char *key)
{
	const struct ynode *v;
	const char *s;
	size_t i;

	if (n->kind != YNODE_MAP)
		return schema_text(p->d, n, "a field name", &s);
	if (n->n != 1) {
		diag_error(p->d, &n->pos, "a test names one field, as in "
		    "{team: Vision팀}; for any of several, list them: "
		    "%s: [{team: Vision팀}, {name: Ted}]", key);
		return false;
	}
	v = n->pairs[0].val;
	if (v->kind != YNODE_SEQ || v->n == 0)
		return schema_text(p->d, v, "the value a test compares with "
		    "(a text or a list of them)", &s);
	for (i = 0; i < v->n; i++)
		if (!schema_text(p->d, v->items[i], "a value to compare with",
		    &s))
			return false;
	return true;
}

/*
 * `if` or `unless` (key) of mapping m: a test or a list of tests, one
 * of which must hold (see parse_test).  A plain field list is recorded
 * whole, as it always was; the field of each test on its own.
 */
const struct ynode *
spec_parse_cond(struct spec_parser *p, const struct ynode *m,
    const char *key)
{
	const struct ynode *n = ynode_get(m, key), *t;
	const char *s;
	char *what;
	bool tests = n != NULL && n->kind == YNODE_MAP, ok = true;
	size_t i;

	if (n == NULL)
		return NULL;
	if (n->kind == YNODE_SEQ && n->n > 0) {
		for (i = 0; i < n->n && ok; i++) {
			ok = parse_test(p, n->items[i], key);
			tests |= n->items[i]->kind == YNODE_MAP;
		}
	} else if (tests) {
		ok = parse_test(p, n, key);
	} else {
		what = g_strdup_printf("%s (a field name, a test such as "
		    "{team: Vision팀}, or a list of them)", key);
		ok = schema_text(p->d, n, what, &s);
		g_free(what);
	}
	if (!ok)
		return NULL;
	if (!tests)
		spec_use_fields(p, n);
	for (i = 0; tests && i < (n->kind == YNODE_SEQ ? n->n : 1); i++) {
		t = n->kind == YNODE_SEQ ? n->items[i] : n;
		spec_use_fields(p, t->kind == YNODE_MAP ? t->pairs[0].key : t);
	}
	return n;
}

void
spec_parse_decor(struct spec_parser *p, const struct ynode *m, struct decor *dc)
{
	const struct ynode *n;

	if ((n = ynode_get(m, "padding")) != NULL)
		schema_box(p->d, n, "padding", dc->padding);
	if ((n = ynode_get(m, "fill")) != NULL)
		spec_parse_color(p, n, "fill", &dc->fill);
	if ((n = ynode_get(m, "stroke")) != NULL)
		spec_parse_color(p, n, "stroke", &dc->stroke);
	dc->stroke_width = 0.75;
	if ((n = ynode_get(m, "stroke-width")) != NULL)
		schema_length(p->d, n, "stroke-width", 0, false,
		    &dc->stroke_width);
	if ((n = ynode_get(m, "radius")) != NULL)
		schema_length(p->d, n, "radius", 0, false, &dc->radius);
}

/*
 * Frame geometry.  x and y default to the margins; width and height to
 * what is left up to the right and bottom margins.  `right` and
 * `bottom` place a frame from the far edges instead.
 */
static void
parse_frame_box(struct spec_parser *p, struct frame *f, const struct ynode *m)
{
	const struct spec *s = p->spec;
	const double pw = p->page->width, ph = p->page->height;
	const enum unit u = s->unit;
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
		w = pw - (right >= 0 ? right : s->margin[1]) - x;
	else if (right >= 0 && ynode_get(m, "x") == NULL)
		x = pw - right - w;
	if (h < 0)
		h = ph - (bottom >= 0 ? bottom : s->margin[2]) - y;
	else if (bottom >= 0 && ynode_get(m, "y") == NULL)
		y = ph - bottom - h;
	if (w <= 0 || h <= 0)
		diag_error(p->d, &m->pos, "frame '%s' has no room: %s × %s",
		    f->name, units_format(u, w).s, units_format(u, h).s);
	else if (!p->bad_size &&
	    (x + w > pw + 0.01 || y + h > ph + 0.01))
		diag_error(p->d, &m->pos, "frame '%s' reaches outside the "
		    "page (%s × %s at %s, %s on a %s × %s page)", f->name,
		    units_format(u, w).s, units_format(u, h).s,
		    units_format(u, x).s, units_format(u, y).s,
		    units_format(u, pw).s, units_format(u, ph).s);
	f->x = x;
	f->y = y;
	f->w = w;
	f->h = h;
}

/* continue, continue-page, continued-marker, flow (specflow.c links
 * them once every page is read). */
static void
parse_frame_flow(struct spec_parser *p, struct frame *f, const struct ynode *m)
{
	const struct ynode *n;
	const char *to;
	int v;

	if ((n = ynode_get(m, "continue")) != NULL &&
	    schema_text(p->d, n, "continue", &to))
		f->continue_node = n;
	if ((n = ynode_get(m, "continue-page")) != NULL &&
	    schema_text(p->d, n, "continue-page", &to))
		f->page_node = n;
	if ((n = ynode_get(m, "continued-marker")) != NULL)
		f->marker = block_parse_blocks(p, n, &f->nmarker);
	if ((n = ynode_get(m, "flow")) != NULL &&
	    schema_keyword(p->d, n, "flow", bools, N(bools), &v))
		f->flow = v;
}

static struct frame *
parse_frame(struct spec_parser *p, const struct ynode *m, size_t index)
{
	struct frame *f = arena_alloc(p->a, sizeof(*f));
	const struct ynode *n;

	f->node = m;
	f->name = arena_printf(p->a, "#%zu", index + 1);
	if (!schema_keys(p->d, m, frame_keys, N(frame_keys), "a frame") &&
	    m->kind != YNODE_MAP)
		return NULL;
	p->frame = f;
	if ((n = ynode_get(m, "name")) != NULL)
		schema_text(p->d, n, "name", &f->name);
	f->if_node = spec_parse_cond(p, m, "if");
	f->unless_node = spec_parse_cond(p, m, "unless");
	f->else_blocks = block_parse_else(p, m, &f->nelse);
	parse_frame_box(p, f, m);
	spec_parse_decor(p, m, &f->decor);
	if ((n = ynode_get(m, "valign")) != NULL) {
		int v;

		if (schema_keyword(p->d, n, "valign", valigns, N(valigns), &v))
			f->valign = (enum valign)v;
	}
	if ((n = ynode_get(m, "blocks")) != NULL)
		f->blocks = block_parse_list(p, n, &f->nblocks);
	parse_frame_flow(p, f, m);
	f->fits = block_any_fit(f->blocks, f->nblocks, false) ||
	    block_any_fit(f->else_blocks, f->nelse, false);
	f->ranged = block_any_fit(f->blocks, f->nblocks, true) ||
	    block_any_fit(f->else_blocks, f->nelse, true);
	f->chooses = block_any_choice(f->blocks, f->nblocks) ||
	    block_any_choice(f->else_blocks, f->nelse);
	p->frame = NULL;
	return f;
}

/*
 * N-up: `per-page: N` puts N records on one sheet, the page's frames
 * drawn once per record, moved by `slots: [[x, y], ...]`.
 */
static void
parse_slots(struct spec_parser *p, struct page_spec *ps, const struct ynode *m)
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
	if (ps->continuation)	/* parse_continuation said why not */
		return;
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

/* `name`: a page's name names output files, so a-z, 0-9 and '-'. */
static void
parse_page_name(struct spec_parser *p, const struct ynode *m,
    const char **name)
{
	const struct ynode *n = ynode_get(m, "name");
	const char *c;

	if (n == NULL || !schema_text(p->d, n, "name", name))
		return;
	for (c = *name; *c; c++)
		if (!g_ascii_islower(*c) && !g_ascii_isdigit(*c) && *c != '-')
			break;
	if (*c != '\0' || **name == '\0')
		diag_error(p->d, &n->pos, "a page name names output files: use "
		    "only a-z, 0-9 and '-', not '%s'", *name);
}

/* What a continuation page cannot hold, and why. */
static const struct {
	const char	*key;
	const char	*why;
} continuation_refused[] = {
	{ "each", "a continuation page takes 'each' from the page it "
	    "continues: it is made for that page's record" },
	{ "per-page", "a continuation page holds one record's flow: no "
	    "per-page (N-up)" },
	{ "slots", "a continuation page holds one record's flow: no slots "
	    "(N-up)" },
};

/*
 * `continuation: true`: the page is made only where another page's
 * flow goes on (spec_link_pages), named by that page's frame.
 */
static void
parse_continuation(struct spec_parser *p, struct page_spec *ps,
    const struct ynode *m, const struct ynode *n)
{
	const struct ynode *k;
	size_t i;
	int v;

	if (!schema_keyword(p->d, n, "continuation", bools, N(bools), &v) ||
	    !v)
		return;
	ps->continuation = true;
	for (i = 0; i < N(continuation_refused); i++)
		if ((k = ynode_get(m, continuation_refused[i].key)) != NULL)
			diag_error(p->d, &k->pos, "%s",
			    continuation_refused[i].why);
	if (ynode_get(m, "name") == NULL)
		diag_error(p->d, &n->pos, "a continuation page needs a 'name': "
		    "a frame's continue-page names it");
}

/*
 * A page, alone in `pages:` or (seq not NULL) one of a sequence's,
 * whose `each`, size and background it takes unless it sets its own.
 */
/*
 * `reading-order`: the page's frames in the order a screen reader is
 * to read them (the PDF's structure tree); the frames it does not name
 * follow, in the file's order, as they all do without it.  They are
 * drawn in the file's order either way.
 */
static void
parse_reading_order(struct spec_parser *p, struct page_spec *ps,
    const struct ynode *n)
{
	size_t i, k, named = 0;
	const char *name;

	for (k = 0; k < ps->nframes; k++)
		ps->frames[k]->rank = -1;
	if (n != NULL && n->kind != YNODE_SEQ)
		diag_error(p->d, &n->pos, "reading-order must be a list of "
		    "the page's frame names, not %s", ynode_kind_name(n));
	for (i = 0; n != NULL && n->kind == YNODE_SEQ && i < n->n; i++) {
		if (!schema_text(p->d, n->items[i], "reading-order (a frame's "
		    "name)", &name))
			continue;
		for (k = 0; k < ps->nframes; k++)
			if (ps->frames[k]->name != NULL &&
			    strcmp(ps->frames[k]->name, name) == 0)
				break;
		if (k == ps->nframes)
			diag_error(p->d, &n->items[i]->pos, "reading-order "
			    "names no frame of this page: '%s'", name);
		else if (ps->frames[k]->rank >= 0)
			diag_error(p->d, &n->items[i]->pos, "reading-order "
			    "names frame '%s' twice", name);
		else
			ps->frames[k]->rank = (int)named++;
	}
	for (k = 0; k < ps->nframes; k++)
		if (ps->frames[k]->rank < 0)
			ps->frames[k]->rank = (int)(named + k);
}

static struct page_spec *
parse_page(struct spec_parser *p, const struct ynode *m, size_t index,
    const struct page_spec *seq)
{
	struct page_spec *ps = arena_alloc(p->a, sizeof(*ps));
	const struct ynode *n;
	struct ptrvec frames = { 0 };
	bool bad_size = p->bad_size;
	size_t i;

	ps->node = m;
	ps->name = arena_printf(p->a, "page-%zu", index + 1);
	ps->background.value.a = 0;
	ps->width = seq ? seq->width : p->spec->width;
	ps->height = seq ? seq->height : p->spec->height;
	if (!schema_keys(p->d, m, seq ? seq_page_keys : page_spec_keys,
	    seq ? N(seq_page_keys) : N(page_spec_keys), seq ? "a page of a "
	    "sequence" : "a page") && m->kind != YNODE_MAP)
		return NULL;
	parse_page_name(p, m, &ps->name);
	if (seq != NULL) {
		ps->seq = seq;
		ps->each = seq->each;
		ps->each_node = seq->each_node;
		ps->background = seq->background;
		if (ynode_get(m, "name") == NULL)
			diag_error(p->d, &m->pos, "a page of a sequence needs "
			    "a 'name': a record's files are named after its "
			    "pages (<id>-<name>.png)");
	} else {
		if ((n = ynode_get(m, "continuation")) != NULL)
			parse_continuation(p, ps, m, n);
		if (!ps->continuation && (n = ynode_get(m, "each")) != NULL &&
		    schema_text(p->d, n, "each", &ps->each))
			ps->each_node = n;
	}
	if ((n = ynode_get(m, "size")) != NULL)
		p->bad_size = !parse_size(p, n, &ps->width, &ps->height);
	p->page = ps;
	p->scope = ps->each != NULL ? SCOPE_RECORD : SCOPE_ONCE;
	if ((n = ynode_get(m, "background")) != NULL)
		spec_parse_color(p, n, "background", &ps->background);
	parse_slots(p, ps, m);
	if ((n = ynode_get(m, "outline")) != NULL)
		ps->outline = spec_parse_template(p, n, "outline");
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
	parse_reading_order(p, ps, ynode_get(m, "reading-order"));
	spec_thread_frames(p, ps);
	p->bad_size = bad_size;
	return ps;
}

/* What a sequence cannot hold besides `pages`, and why. */
static const struct {
	const char	*key;
	const char	*why;
} seq_refused[] = {
	{ "continuation", "continuation does not combine with 'pages': a "
	    "sequence gives each record pages of its own; a continuation "
	    "page is a page by itself that a frame's continue-page names" },
	{ "frames", "a page holds 'frames' or 'pages' (a record's pages in "
	    "sequence), not both: put the frames in one of its pages" },
	{ "per-page", "per-page (N-up) does not combine with 'pages': a "
	    "sequence gives each record pages of its own" },
	{ "slots", "slots (N-up) do not combine with 'pages': a sequence "
	    "gives each record pages of its own" },
};

/*
 * A record's pages in sequence: `each` with `pages:` in place of
 * `frames:`.  The sequence holds what its pages share (`each`; a size
 * and a background they may override; the outline entry of a record's
 * first page); its pages go into spec->pages one after the other, and
 * pages.c makes them record by record.
 */
static void
parse_sequence(struct spec_parser *p, const struct ynode *m, size_t index,
    struct ptrvec *pages)
{
	struct page_spec *seq = arena_alloc(p->a, sizeof(*seq));
	const struct ynode *list = ynode_get(m, "pages"), *n;
	bool bad_size = p->bad_size;
	size_t i, first = pages->n;

	seq->node = m;
	seq->name = arena_printf(p->a, "page-%zu", index + 1);
	seq->width = p->spec->width;
	seq->height = p->spec->height;
	schema_keys(p->d, m, page_spec_keys, N(page_spec_keys), "a page");
	parse_page_name(p, m, &seq->name);
	for (i = 0; i < N(seq_refused); i++)
		if ((n = ynode_get(m, seq_refused[i].key)) != NULL)
			diag_error(p->d, &n->pos, "%s", seq_refused[i].why);
	if ((n = ynode_get(m, "each")) == NULL)
		diag_error(p->d, &list->pos, "'pages' in a page needs 'each': "
		    "a record's pages in sequence are made once per record "
		    "of the list");
	else if (schema_text(p->d, n, "each", &seq->each))
		seq->each_node = n;
	if ((n = ynode_get(m, "size")) != NULL)
		p->bad_size = !parse_size(p, n, &seq->width, &seq->height);
	p->page = seq;
	p->scope = SCOPE_RECORD;
	if ((n = ynode_get(m, "background")) != NULL)
		spec_parse_color(p, n, "background", &seq->background);
	if ((n = ynode_get(m, "outline")) != NULL)
		seq->outline = spec_parse_template(p, n, "outline");
	if (list->kind != YNODE_SEQ || list->n == 0)
		diag_error(p->d, &list->pos, "'pages' must be a list of at "
		    "least one page: a record's pages, in order");
	for (i = 0; list->kind == YNODE_SEQ && i < list->n; i++) {
		struct page_spec *ps = parse_page(p, list->items[i], i, seq);

		if (ps != NULL)
			ptrvec_push(p->a, pages, ps);
	}
	for (i = first; i < pages->n; i++) {
		struct page_spec *ps = pages->items[i];

		ps->seq_index = (int)(i - first);
		ps->seq_len = (int)(pages->n - first);
	}
	/* The record's entry, once, on its first page unless that page
	 * gives its own. */
	if (pages->n > first &&
	    ((struct page_spec *)pages->items[first])->outline == NULL)
		((struct page_spec *)pages->items[first])->outline =
		    seq->outline;
	p->bad_size = bad_size;
}

/* Page names name output files: two pages made once must differ. */
static void
check_page_names(struct spec_parser *p, const struct ptrvec *pages)
{
	size_t i, j;

	for (i = 0; i < pages->n; i++)
		for (j = 0; j < i; j++) {
			const struct page_spec *a = pages->items[i];
			const struct page_spec *b = pages->items[j];

			/* Made once, N-up, or pages of one sequence. */
			if ((((a->each == NULL || a->per_page > 1) &&
			    (b->each == NULL || b->per_page > 1)) ||
			    (a->seq != NULL && a->seq == b->seq)) &&
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
parse_field_list(struct spec_parser *p, const struct ynode *n, const char *what,
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

/* colors: names for colours ('#rrggbb', cmyk(…), spot(…)), used
 * wherever a colour is. */
static void
parse_colors(struct spec_parser *p, const struct ynode *n)
{
	struct color c;
	size_t i;

	if (n->kind != YNODE_MAP) {
		diag_error(p->d, &n->pos, "'colors' must be a mapping of "
		    "names to colours ('#rrggbb', 'cmyk(…)', 'spot(…)')");
		return;
	}
	for (i = 0; i < n->n; i++) {
		const struct ynode *v = n->pairs[i].val;

		if (v->kind == YNODE_SCALAR && v->plain && *v->str == '\0')
			diag_error(p->d, &v->pos, "colour '%s' is empty: in "
			    "YAML ' #' starts a comment, so quote it: "
			    "\"#16181f\"", n->pairs[i].key->str);
		else if (v->kind != YNODE_SCALAR ||
		    !units_parse_color(v->str, &c))
			diag_error(p->d, &v->pos, "colour '%s' must be "
			    UNITS_COLOR_FORMS ", not '%s'%s",
			    n->pairs[i].key->str, v->kind == YNODE_SCALAR ?
			    v->str : ynode_kind_name(v), v->kind ==
			    YNODE_SCALAR ? units_color_hint(v->str) : "");
	}
	p->colors = n;
	p->spec->colors = n;
}

/* Adds to count[] the unit of each length written in the tree at n. */
static void
count_units(const struct ynode *n, size_t count[UNIT__MAX])
{
	enum unit u;
	size_t i;

	if (n->kind == YNODE_SCALAR && units_length_unit(n->str, &u))
		count[u]++;
	for (i = 0; n->kind == YNODE_SEQ && i < n->n; i++)
		count_units(n->items[i], count);
	for (i = 0; n->kind == YNODE_MAP && i < n->n; i++)
		count_units(n->pairs[i].val, count);
}

/*
 * The unit messages give lengths in, so that a card written in px hears
 * "by 9.1px", not "by 6.8pt": the unit of the page's width when `size`
 * is written as lengths; for a named size (A4), the unit most of the
 * layout's lengths are written in (a print layout's mm, though its
 * type sizes are in pt); pt when there are none, and on a tie.
 */
static enum unit
display_unit(const struct ynode *root)
{
	const struct ynode *n = ynode_get(ynode_get(root, "page"), "size");
	size_t count[UNIT__MAX] = { 0 };
	enum unit u, best = UNIT_PT;

	if (n != NULL && n->kind == YNODE_SEQ && n->n > 0 &&
	    n->items[0]->kind == YNODE_SCALAR &&
	    units_length_unit(n->items[0]->str, &u))
		return u;
	count_units(root, count);
	for (u = 0; u < UNIT__MAX; u++)
		if (count[u] > count[best])
			best = u;
	return best;
}

struct spec *
spec_parse(struct ydoc *doc, struct diag *d)
{
	struct spec *s = xcalloc(1, sizeof(*s));
	struct spec_parser p = { 0 };
	const struct ynode *root, *n;
	struct ptrvec pages = { 0 };
	int errors = d->count[DIAG_ERROR];
	char *copy;
	size_t i;

	s->doc = doc;
	s->arena = arena_new();
	if ((root = theme_apply(doc, &s->themes, d)) == NULL)
		goto fail;
	s->file = doc->file;
	copy = xstrdup(doc->file);
	s->dir = arena_strdup(s->arena, dirname(copy));
	free(copy);
	units_page_size("A4", &s->width, &s->height);
	p.spec = s;
	p.a = s->arena;
	p.d = d;
	p.scope = SCOPE_ONCE;	/* the metadata's */
	if (!schema_keys(d, root, top_keys, N(top_keys), "a layout") &&
	    root->kind != YNODE_MAP)
		goto fail;
	s->unit = display_unit(root);
	if ((n = ynode_get(root, "colors")) != NULL)
		parse_colors(&p, n);
	if ((n = ynode_get(root, "page")) != NULL)
		parse_page_setup(&p, n);
	/*
	 * Print shops ask 150 dpi of photos at least.  A screen layout's
	 * px is 1/96 in, so 48 dpi is a photo drawn at more than twice its
	 * own pixels: visibly soft on a card.
	 */
	if (!s->min_dpi_set)
		s->min_dpi = s->bleed > 0 || s->crop_marks ? 150 : 48;
	if ((n = ynode_get(root, "fonts")) != NULL &&
	    schema_text(d, n, "fonts", &s->fonts_dir)) {
		s->fonts_node = n;
		/* Beside the file it is written in: a theme's, maybe. */
		if (!g_path_is_absolute(s->fonts_dir)) {
			char *dir = g_path_get_dirname(n->pos.file);

			s->fonts_dir = arena_printf(s->arena, "%s/%s", dir,
			    s->fonts_dir);
			g_free(dir);
		}
		if (!g_file_test(s->fonts_dir, G_FILE_TEST_IS_DIR))
			diag_error(d, &n->pos, "fonts folder '%s' does not "
			    "exist", s->fonts_dir);
	}
	if ((n = ynode_get(root, "metadata")) != NULL &&
	    schema_keys(d, n, meta_keys, N(meta_keys), "'metadata'")) {
		for (i = 0; i < N(meta_keys); i++) {
			const struct ynode *v = ynode_get(n, meta_keys[i]);

			if (v != NULL)
				s->meta[i] = spec_parse_template(&p, v,
				    meta_keys[i]);
		}
		if (s->meta[META_LANG] != NULL &&
		    tmpl_is_literal(s->meta[META_LANG]))
			spec_check_lang(d, s->meta[META_LANG]->node);
	}
	if ((n = ynode_get(root, "required")) != NULL)
		parse_field_list(&p, n, "required", &s->required);
	if ((n = ynode_get(root, "optional")) != NULL)
		parse_field_list(&p, n, "optional", &s->optional);
	if ((n = ynode_get(root, "styles")) != NULL)
		parse_styles(&p, n);
	if ((n = ynode_get(root, "spans")) != NULL)
		spans_parse(&p, n);
	n = ynode_get(root, "pages");
	if (n == NULL || n->kind != YNODE_SEQ || n->n == 0) {
		diag_error(d, n ? &n->pos : &root->pos, "a layout needs "
		    "'pages': a list of at least one page");
	} else {
		for (i = 0; i < n->n; i++) {
			const struct ynode *m = n->items[i];
			struct page_spec *ps;

			if (m->kind == YNODE_MAP &&
			    ynode_get(m, "pages") != NULL)
				parse_sequence(&p, m, i, &pages);
			else if ((ps = parse_page(&p, m, i, NULL)) != NULL)
				ptrvec_push(s->arena, &pages, ps);
		}
	}
	check_page_names(&p, &pages);
	spec_link_pages(&p, &pages);
	s->pages = (struct page_spec **)pages.items;
	s->npages = pages.n;
	s->uses = (struct field_use **)p.uses.items;
	s->nuses = p.uses.n;
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
	theme_set_free(&s->themes);
	ydoc_free(s->doc);
	arena_free(s->arena);
	free(s);
}
