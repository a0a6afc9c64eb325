/*
 * Choices: `if` and `unless` tests over a record, the alternatives of
 * first-fit blocks, and the columns of a row that give way.  Read by
 * the layout (layout.c); reads the spec and the data, draws nothing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "choose.h"
#include "mem.h"

/*
 * One test: FIELD (present and not empty), or {FIELD: VALUE} and
 * {FIELD: [VALUE, ...]} (the field is a text equal to one of them,
 * byte for byte).
 */
static bool
test_holds(const struct scope *s, const struct ynode *t)
{
	const struct ynode *v, *want;
	size_t i;

	if (t->kind == YNODE_SCALAR)
		return tmpl_has_value(tmpl_lookup(s, t->str));
	v = tmpl_lookup(s, t->pairs[0].key->str);
	if (!tmpl_has_value(v) || v->kind != YNODE_SCALAR)
		return false;
	want = t->pairs[0].val;
	if (want->kind == YNODE_SCALAR)
		return strcmp(v->str, want->str) == 0;
	for (i = 0; i < want->n; i++)
		if (strcmp(v->str, want->items[i]->str) == 0)
			return true;
	return false;
}

/* A test, or a list of them: one holds. */
static bool
any_holds(const struct scope *s, const struct ynode *c)
{
	size_t i;

	if (c->kind != YNODE_SEQ)
		return test_holds(s, c);
	for (i = 0; i < c->n; i++)
		if (test_holds(s, c->items[i]))
			return true;
	return false;
}

bool
choose_holds(const struct scope *s, const struct ynode *if_node,
    const struct ynode *unless_node)
{
	return (if_node == NULL || any_holds(s, if_node)) &&
	    (unless_node == NULL || !any_holds(s, unless_node));
}

/* The first alternative of b from `from` on whose tests hold, or -1. */
static int
next_holding(const struct block *b, const struct scope *s, int from)
{
	size_t i;

	for (i = (size_t)from; i < b->nchildren; i++)
		if (choose_holds(s, b->children[i]->if_node,
		    b->children[i]->unless_node))
			return (int)i;
	return -1;
}

int
choose_pick(struct choices *c, const struct block *b,
    const struct scope *s)
{
	size_t i;
	int k;

	if (b == c->open)
		return c->trial;
	for (i = 0; i < c->ndecided; i++)
		if (c->decided[i].b == b)
			return c->decided[i].pick;
	k = next_holding(b, s, 0);
	if (k >= 0 && c->next == NULL && next_holding(b, s, k + 1) >= 0) {
		c->next = b;
		c->next_pick = k;
	}
	return k;
}

static void
decide(struct choices *c, const struct block *b, int pick)
{
	if (c->ndecided == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4;
		c->decided = xrealloc(c->decided, c->cap *
		    sizeof(*c->decided));
	}
	c->decided[c->ndecided++] = (struct choice){ b, pick };
}

/*
 * Each block taken up is decided before the next (no block is met as
 * `next` twice: it is open or decided), so this ends.
 */
void
choose_frame(struct choices *c, const struct scope *s,
    bool (*lay)(void *), void *arg)
{
	const struct block *b;
	bool fits;
	int k;

	c->next = NULL;
	fits = lay(arg);
	while (!fits && (b = c->next) != NULL) {
		c->open = b;
		c->trial = c->next_pick;
		while (!fits && (k = next_holding(b, s, c->trial + 1)) >= 0) {
			c->trial = k;
			c->next = NULL;
			fits = lay(arg);
		}
		c->open = NULL;
		decide(c, b, c->trial);
	}
}

void
choose_clear(struct choices *c)
{
	free(c->decided);
	memset(c, 0, sizeof(*c));
}

/*
 * The widths of row b's columns at width w into cw: fixed ones as
 * given, then the weighted ones share what the fixed ones and the gaps
 * between the columns leave.  Columns with out[i] (out may be NULL)
 * are left out and get -1, with no gap.  *taken is what the gaps and
 * fixed widths take [pt]; false if that leaves the weighted columns
 * no room (or the fixed ones are wider than the row).
 */
static bool
row_widths(const struct block *b, const bool *out, double w, double *cw,
    double *taken)
{
	double total = 0, fixed = 0, avail;
	size_t i, n = 0;

	for (i = 0; i < b->nchildren; i++) {
		if (out != NULL && out[i])
			continue;
		n++;
		if (b->as.row.fixed[i] > 0)
			fixed += b->as.row.fixed[i];
		else
			total += b->as.row.weights[i];
	}
	/* As before fixed widths: w less the gaps, then each its share. */
	avail = w - b->as.row.gap * (double)(n ? n - 1 : 0) - fixed;
	for (i = 0; i < b->nchildren; i++)
		cw[i] = out != NULL && out[i] ? -1 : b->as.row.fixed[i] > 0 ?
		    b->as.row.fixed[i] : avail * b->as.row.weights[i] / total;
	*taken = w - avail;
	return total > 0 ? avail > 0 : avail >= 0;
}

/* The columns of a row side by side; which came out empty in out. */
static double
place_columns(const struct block *b, const double *cw, double x,
    bool *out, double (*column)(void *, size_t, double, double), void *arg)
{
	double h = 0, ch;
	size_t i;

	for (i = 0; i < b->nchildren; i++) {
		if (cw[i] < 0)
			continue;
		ch = column(arg, i, x, cw[i]);
		out[i] = ch <= 0;
		h = fmax(h, ch);
		x += cw[i] + b->as.row.gap;
	}
	return h;
}

double
choose_row(const struct block *b, double x, double w, struct diag *d,
    enum unit u, double (*column)(void *, size_t i, double x, double w),
    void (*rewind)(void *), void *arg)
{
	double *cw = xcalloc(b->nchildren + 1, sizeof(*cw)), h = 0, taken;
	bool *out = xcalloc(b->nchildren + 1, sizeof(*out)), some = false;
	const struct ynode *n;
	size_t i;

	if (!row_widths(b, NULL, w, cw, &taken)) {
		for (i = 0; i < b->nchildren; i++)
			some |= b->as.row.fixed[i] > 0;
		n = ynode_get(b->node, some ? "weights" : "gap");
		diag_error(d, n ? &n->pos : &b->node->pos, "the row's %s "
		    "take %s of its %s: no room is left for its blocks",
		    some ? "fixed widths and gaps" : "gaps",
		    units_format(u, taken).s, units_format(u, w).s);
		goto done;
	}
	h = place_columns(b, cw, x, out, column, arg);
	for (i = 0; i < b->nchildren; i++)
		some |= out[i];
	if (b->as.row.collapse && some && h > 0) {
		rewind(arg);
		row_widths(b, out, w, cw, &taken);
		h = place_columns(b, cw, x, out, column, arg);
	}
done:
	free(cw);
	free(out);
	return h;
}
