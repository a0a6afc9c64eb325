/*
 * Balanced columns (a text's `columns: N`): flow_text() lays the text
 * out as one column at the column width; its boxes are then moved into
 * N columns side by side, the shortest at which the lines fit, breaking
 * only between lines (CSS's column-fill: balance).  Layout stage;
 * private to it (flow.h).
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "mem.h"

/* One line of the laid-out column: the box it is in, its index in the
 * box's layout, its height and the space above it (a paragraph's
 * spacing, or 0 inside a paragraph), dropped at a column's top. */
struct col_line {
	size_t	 box;
	int	 line;
	size_t	 para;	/* the line its paragraph begins at */
	double	 h;	/* [pt] */
	double	 gap;	/* [pt] */
};

/* Lengths closer than this are equal (rounding of sums) [pt]. */
#define COL_EPS 0.01

/*
 * The lines of boxes [first, n) of the page, in order, into *out
 * (xmalloc'd: the caller frees it); how many.  A paragraph begins at
 * box first and at each box c names.
 */
static size_t
col_lines(const struct lpage *p, const struct columns *c, size_t first,
    struct col_line **out)
{
	struct col_line *ln = NULL;
	size_t i, n = 0, cap = 0, next = 0, para = 0;
	double bottom = 0;

	for (i = first; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		int k, lo = b->line_first, hi;

		assert(b->kind == BOX_TEXT);
		hi = b->line_end > 0 ? b->line_end :
		    pango_layout_get_line_count(b->layout);
		while (next < c->npara && c->para[next] < i)
			next++;
		if (next < c->npara && c->para[next] == i)
			para = n;
		for (k = lo; k < hi; k++) {
			double h = b->h / (hi - lo);
			double top = b->y + (k - lo) * h;

			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				ln = xrealloc(ln, cap * sizeof(*ln));
			}
			ln[n].box = i;
			ln[n].line = k;
			ln[n].para = para;
			ln[n].h = h;
			ln[n].gap = n > 0 && top > bottom ? top - bottom : 0;
			bottom = top + h;
			n++;
		}
	}
	*out = ln;
	return n;
}

/*
 * Where a column that would end before line i (i past its top, top)
 * ends, so that no line of a paragraph is left alone at its foot (an
 * orphan) or at the next column's head (a widow), as where a thread
 * breaks (thread_lines()): k of the paragraph's lines stay and one
 * would go: one more goes; one would stay: it goes too.  A paragraph
 * that begins at the column's top keeps one line at least (the next
 * column would be no better).
 */
static size_t
col_break(const struct col_line *ln, size_t n, size_t top, size_t i)
{
	size_t p = ln[i].para, from = p > top ? p : top, end = i, k;

	if (ln[i - 1].para != p)
		return i;
	while (end < n && ln[end].para == p)
		end++;
	k = i - from;
	if (end - i == 1 && (k > 2 || p > top))
		k--;
	if (p <= top)
		return from + (k > 1 ? k : 1);
	return from + (k > 1 ? k : 0);
}

/*
 * Fills ncol columns of height at most hmax with the lines, each as
 * full as it goes: true if they all go in, start[c] saying where
 * column c begins (start[ncol] is n).  Either way, *next is the least
 * height at which some column would take one line more: for any
 * height under it the columns come out the same.
 */
static bool
col_fill(const struct col_line *ln, size_t n, int ncol, double hmax,
    size_t *start, double *next)
{
	double used = 0;
	size_t i = 0;
	int c = 0;

	*next = INFINITY;
	start[0] = 0;
	while (i < n) {
		double need = (i > start[c] ? ln[i].gap : 0) + ln[i].h;

		if (used + need <= hmax + COL_EPS) {
			used += need;
			i++;
			continue;
		}
		*next = fmin(*next, used + need);
		if (i == start[c] || ++c == ncol)
			return false;
		/* The next column begins here, or a line or two before. */
		i = col_break(ln, n, start[c - 1], i);
		start[c] = i;
		used = 0;
	}
	while (c < ncol)
		start[++c] = n;
	return true;
}

/*
 * The least height at which the lines fit ncol columns, the columns
 * in start[].  It starts at the total height over ncol (no smaller
 * height can hold them) and climbs to the next height that changes a
 * column until they fit.  Each climb passes one of finitely many
 * heights (sums of runs of lines), and at the total height one column
 * holds them all, so it ends; in practice after a few climbs.
 */
static void
col_balance(const struct col_line *ln, size_t n, int ncol, size_t *start)
{
	double hmax = 0, next;
	size_t i;

	for (i = 0; i < n; i++)
		hmax += ln[i].h;
	hmax /= ncol;
	while (!col_fill(ln, n, ncol, hmax, start, &next))
		hmax = next;
}

/*
 * Adds the fragment of box `was` that draws lines [lo, hi) of its
 * layout at x, y.  A box split in two or more shares its layout: each
 * fragment after the first takes a reference (a box owns its layout).
 */
static void
col_fragment(struct flow *f, const struct box *was, bool shared, int lo,
    int hi, double x, double y, double h)
{
	struct box *b = flow_box_add(f, BOX_TEXT, was->label);
	int all = was->line_end > 0 ? was->line_end :
	    pango_layout_get_line_count(was->layout);

	*b = *was;
	if (shared) {
		g_object_ref(b->layout);
		b->tag_cont = true;	/* the same paragraph's */
	}
	if (lo != was->line_first || hi != all) {
		b->line_first = lo;
		b->line_end = hi;
	}
	b->x = x;
	b->y = y;
	b->h = h;
}

double
columns_width(struct columns *c, const struct block *b,
    const struct style *s, double w)
{
	c->n = b->kind == BLOCK_TEXT ? b->as.text.columns : 0;
	if (c->n == 0)
		return w;
	/* The gap scales with a fitted size, as line height does. */
	c->gap = b->as.text.column_gap * s->size / b->style->size;
	c->width = fmax(1, (w - c->gap * (c->n - 1)) / c->n);
	return c->width;
}

void
columns_para(struct columns *c, size_t box)
{
	if (c->n == 0)
		return;
	if (c->npara == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->para = xrealloc(c->para, c->cap * sizeof(*c->para));
	}
	c->para[c->npara++] = box;
}

double
columns_place(struct flow *f, struct columns *c, size_t first, double x,
    double y)
{
	struct lpage *p = f->page;
	struct col_line *ln;
	struct box *was;
	size_t n, nbox = p->n - first, *start, i;
	bool *used;
	double tallest = 0;
	int k;

	n = col_lines(p, c, first, &ln);
	free(c->para);
	if (n == 0) {
		free(ln);
		return 0;
	}
	start = xmalloc((size_t)(c->n + 1) * sizeof(*start));
	col_balance(ln, n, c->n, start);
	/* The boxes move out of the page and come back as fragments. */
	was = xmalloc(nbox * sizeof(*was));
	memcpy(was, &p->boxes[first], nbox * sizeof(*was));
	used = xcalloc(nbox, sizeof(*used));
	p->n = first;
	for (k = 0; k < c->n; k++) {
		double top = 0, cx = x + k * (c->width + c->gap);

		for (i = start[k]; i < start[k + 1];) {
			size_t b = ln[i].box, j = i;
			double h = 0;

			if (i > start[k])
				top += ln[i].gap;
			while (j < start[k + 1] && ln[j].box == b)
				h += ln[j++].h;
			col_fragment(f, &was[b - first], used[b - first],
			    ln[i].line, ln[j - 1].line + 1, cx, y + top, h);
			used[b - first] = true;
			top += h;
			i = j;
		}
		tallest = fmax(tallest, top);
	}
	for (i = 0; i < nbox; i++)
		if (!used[i])
			g_object_unref(was[i].layout);
	free(used);
	free(was);
	free(start);
	free(ln);
	return tallest;
}
