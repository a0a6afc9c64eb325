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
	double	 h;	/* [pt] */
	double	 gap;	/* [pt] */
};

/* Lengths closer than this are equal (rounding of sums) [pt]. */
#define COL_EPS 0.01

/*
 * The lines of boxes [first, n) of the page, in order, into *out
 * (xmalloc'd: the caller frees it); how many.
 */
static size_t
col_lines(const struct lpage *p, size_t first, struct col_line **out)
{
	struct col_line *ln = NULL;
	size_t i, n = 0, cap = 0;
	double bottom = 0;

	for (i = first; i < p->n; i++) {
		const struct box *b = &p->boxes[i];
		int k, lo = b->line_first, hi;

		assert(b->kind == BOX_TEXT);
		hi = b->line_end > 0 ? b->line_end :
		    pango_layout_get_line_count(b->layout);
		for (k = lo; k < hi; k++) {
			double h = b->h / (hi - lo);
			double top = b->y + (k - lo) * h;

			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				ln = xrealloc(ln, cap * sizeof(*ln));
			}
			ln[n].box = i;
			ln[n].line = k;
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
	size_t i;
	int c = 0;

	*next = INFINITY;
	start[0] = 0;
	for (i = 0; i < n; i++) {
		double need = (i > start[c] ? ln[i].gap : 0) + ln[i].h;

		if (used + need <= hmax + COL_EPS) {
			used += need;
			continue;
		}
		*next = fmin(*next, used + need);
		if (i == start[c] || ++c == ncol)
			return false;
		start[c] = i;
		used = ln[i].h;
		if (used > hmax + COL_EPS) {
			*next = fmin(*next, used);
			return false;
		}
	}
	while (c < ncol)
		start[++c] = n;
	return true;
}

/*
 * The least height at which the lines fit ncol columns, the columns
 * in start[].  It starts at the total height over ncol (no smaller
 * height can hold them) and climbs to the next height that changes a
 * column until they fit; each climb puts a line more into some
 * column, so it ends (with one column per line at worst).
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
	if (shared)
		g_object_ref(b->layout);
	if (lo != was->line_first || hi != all) {
		b->line_first = lo;
		b->line_end = hi;
	}
	b->x = x;
	b->y = y;
	b->h = h;
}

double
columns_place(struct flow *f, size_t first, int ncol, double x, double y,
    double cw, double gap)
{
	struct lpage *p = f->page;
	struct col_line *ln;
	struct box *was;
	size_t n, nbox = p->n - first, *start, i;
	bool *used;
	double tallest = 0;
	int c;

	if ((n = col_lines(p, first, &ln)) == 0) {
		free(ln);
		return 0;
	}
	start = xmalloc((size_t)(ncol + 1) * sizeof(*start));
	col_balance(ln, n, ncol, start);
	/* The boxes move out of the page and come back as fragments. */
	was = xmalloc(nbox * sizeof(*was));
	memcpy(was, &p->boxes[first], nbox * sizeof(*was));
	used = xcalloc(nbox, sizeof(*used));
	p->n = first;
	for (c = 0; c < ncol; c++) {
		double top = 0, cx = x + c * (cw + gap);

		for (i = start[c]; i < start[c + 1];) {
			size_t k = ln[i].box, j = i;
			double h = 0;

			if (i > start[c])
				top += ln[i].gap;
			while (j < start[c + 1] && ln[j].box == k)
				h += ln[j++].h;
			col_fragment(f, &was[k - first], used[k - first],
			    ln[i].line, ln[j - 1].line + 1, cx, y + top, h);
			used[k - first] = true;
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
