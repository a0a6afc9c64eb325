/*
 * Rows and boxes, the blocks that hold blocks: a row's columns side by
 * side (widths from choose_row), a box's padding, fill and border
 * around a flow.  On a threaded frame's chain both break (thread.c).
 */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>

#include "choose.h"
#include "color.h"
#include "flow.h"
#include "mem.h"
#include "quotes.h"
#include "text.h"

/* A row's columns and its way back, for choose_row(). */
struct row_try {
	struct flow		*f, before;
	const struct block	*b;
	double			 y;
	size_t			 first;
	double			*h;	/* each column's height */
	bool			*broke;	/* and whether it broke */
};

/*
 * A column of a row.  On a threaded frame's chain, each column keeps
 * what fits and goes on in the same column of the row's next fragment.
 * A column done in an earlier fragment keeps its width there (DBL_MIN:
 * not "out" to choose_row) unless it was left out of the row then; one
 * that broke with nothing placed here is not empty either.
 */
static double
row_column(void *arg, size_t i, double x, double w)
{
	struct row_try *r = arg;
	struct flow *f = r->f;
	const struct flow_mark *m = f->chain ? thread_mark(&f->from, r->b, i) :
	    NULL;
	double h;

	if (m != NULL && m->block == SIZE_MAX) {
		h = m->item ? -1 : DBL_MIN;
	} else {
		f->next_chain = f->chain;
		f->next_owner = r->b;
		f->next_col = i;
		h = flow_blocks(f, &r->b->children[i], 1, x, r->y, w);
		if (f->broke && h <= 0)
			h = DBL_MIN;
	}
	r->h[i] = h;
	r->broke[i] = f->broke;
	f->broke = false;
	return h;
}

static void
row_rewind(void *arg)
{
	struct row_try *r = arg;

	flow_truncate(r->f->page, r->first);
	*r->f = r->before;
}

double
flow_row(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	struct row_try r = { f, *f, b, y, f->page->n, NULL, NULL };
	size_t i, marks = f->stop.n;
	double h;
	bool fresh;

	r.h = xcalloc(b->nchildren + 1, sizeof(*r.h));
	r.broke = xcalloc(b->nchildren + 1, sizeof(*r.broke));
	h = choose_row(b, x, w, f->d, f->ctx->spec->unit, row_column,
	    row_rewind, &r);
	for (i = 0; i < b->nchildren; i++)
		f->broke |= r.broke[i];
	/* Nothing of it here, and it had not begun: the whole row begins
	 * in the next frame. */
	fresh = f->broke && f->page->n == r.first &&
	    thread_mark(&f->from, b, 0) == NULL;
	if (fresh)
		f->stop.n = marks;
	/* The columns that are done stay done in the fragments after. */
	for (i = 0; f->broke && !fresh && i < b->nchildren; i++)
		if (!r.broke[i])
			thread_mark_add(&f->stop, b, i, SIZE_MAX, r.h[i] <= 0,
			    0);
	free(r.h);
	free(r.broke);
	return h > 0 ? h : -1;
}

bool
flow_color(struct flow *f, const struct spec_color *c, struct color *out)
{
	struct color got;
	struct tval v;
	enum color_got g;

	if (c->tmpl == NULL) {
		*out = c->value;
		return true;
	}
	g = color_get(c, f->ctx->spec->colors, &f->scope, &got, &v, f->d);
	/* The data was checked (color_check): what is bad here comes from
	 * page.number or page.count. */
	if (g == COLOR_BAD && f->d->mute == 0) {
		char *at = flow_where(f, NULL);

		color_report(f->d, c, &v, at);
		g_free(at);
	}
	tval_clear(&v);
	if (g == COLOR_SET)
		*out = got;
	return g == COLOR_SET;
}

struct style
flow_style(struct flow *f, const struct style *s)
{
	struct style r = *s;

	flow_color(f, &s->color, &r.color.value);
	return r;
}

/* A text box's colour and, for the dump, the style it was set in. */
void
flow_box_style(struct box *b, const struct style *s)
{
	b->fill = s->color.value;	/* flow_style() gave the record's */
	b->font = s->font;
	b->weight = s->weight;
	b->size = s->size;
}

bool
flow_has_decor(const struct decor *dc)
{
	return dc->fill.value.a > 0 || dc->stroke.value.a > 0 ||
	    dc->fill.tmpl != NULL || dc->stroke.tmpl != NULL;
}

/* Sets the rect box r to the decor's fill and outline over x, y, w, h. */
void
flow_decor(struct flow *f, struct box *r, const struct decor *dc, double x,
    double y, double w, double h)
{
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = h;
	r->fill = dc->fill.value;
	flow_color(f, &dc->fill, &r->fill);
	r->stroke = dc->stroke.value;
	flow_color(f, &dc->stroke, &r->stroke);
	r->stroke_width = r->stroke.a > 0 ? dc->stroke_width : 0;
	r->radius = dc->radius;
}

/*
 * A box.  On a threaded frame's chain it breaks with its children, its
 * decor drawn on each fragment, its padding top on the first and its
 * padding bottom on the last (room for it is kept at every foot).
 */
double
flow_box(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	const double *pad = b->as.box.decor.padding;
	size_t at = f->page->n, bar = 0, marks = f->stop.n;
	double h, top = f->top, limit = f->limit, ptop = pad[0];
	bool breaks = f->chain && f->threaded;
	bool begun = f->chain && thread_mark(&f->from, b, 0) != NULL;
	struct box *r;

	if (begun)
		ptop = 0;
	/* The fill goes under the content: reserve it, size it after. */
	flow_box_add(f, BOX_RECT, b->name);
	if (b->as.box.border_left > 0) {
		bar = f->page->n;
		flow_box_add(f, BOX_RECT, b->name);
	}
	if (breaks) {
		/* A box at the frame's top has its content there too. */
		if (y <= f->top + 0.01)
			f->top = y + ptop;
		f->limit -= pad[2];
	}
	f->next_chain = f->chain;
	f->next_owner = b;
	f->next_col = 0;
	h = flow_blocks(f, b->children, b->nchildren,
	    x + pad[3] + b->as.box.border_left, y + ptop,
	    w - pad[1] - pad[3] - b->as.box.border_left);
	f->top = top;
	f->limit = limit;
	if (h <= 0) {
		/* Nothing inside, or all of it further on: left out; if it
		 * had not begun, it begins (padding top) in the next frame. */
		flow_truncate(f->page, at);
		if (!begun)
			f->stop.n = marks;
		return -1;
	}
	h += ptop + (f->broke ? 0 : pad[2]);
	flow_decor(f, &f->page->boxes[at], &b->as.box.decor, x, y, w, h);
	if (bar) {
		r = &f->page->boxes[bar];
		r->x = x;
		r->y = y;
		r->w = b->as.box.border_left;
		r->h = h;
		r->fill = b->as.box.border_color.value;
		flow_color(f, &b->as.box.border_color, &r->fill);
	}
	return h;
}


static void
flow_markup(struct flow *f, const char *text, const struct ynode *src,
    struct markup *mk)
{
	const struct spec *sp = f->ctx->spec;
	char err[200], *at;

	if (markup_parse(text, sp->spans, sp->nspans, mk, err, sizeof(err)))
		return;
	at = flow_where(f, NULL);
	diag_error(f->d, &src->pos, "%s (%s)", err, at);
	g_free(at);
	mk->text = g_strdup(text);
	mk->spans = NULL;
	mk->n = 0;
}

static struct text_span *
flow_spans(struct flow *f, const struct markup *mk, int from, size_t *n)
{
	struct text_span *out = g_new0(struct text_span, mk->n ? mk->n : 1);
	size_t i;

	*n = 0;
	for (i = 0; i < mk->n; i++) {
		const struct markup_span *m = &mk->spans[i];
		const struct span_style *st = &f->ctx->spec->spans[m->style];
		struct text_span *t = &out[*n];

		if ((int)m->end <= from)
			continue;
		t->name = st->name;
		t->start = MAX((int)m->start - from, 0);
		t->end = (int)m->end - from;
		t->weight = st->weight;
		t->size = st->size;
		if ((t->has_color = st->has_color)) {
			t->color = st->color.value;
			flow_color(f, &st->color, &t->color);
		}
		if ((t->has_background = st->has_background)) {
			t->background = st->background.value;
			flow_color(f, &st->background, &t->background);
		}
		(*n)++;
	}
	return out;
}

const char *
flow_text_prepare(struct flow *f, const struct style *s, const char *text,
    bool tags, const struct ynode *src, int from, struct markup *mk,
    struct text_span **spans, size_t *n)
{
	char *curled;

	if (tags) {
		flow_markup(f, text, src, mk);
	} else {
		mk->text = g_strdup(text);
		mk->spans = NULL;
		mk->n = 0;
	}
	/* Curling keeps the characters: the spans move with them. */
	if (s->curl_quotes && (curled = quotes_curl(mk->text)) != NULL) {
		markup_move(mk, curled);
		g_free(curled);
	}
	*spans = flow_spans(f, mk, from, n);
	return mk->text;
}
