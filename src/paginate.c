/*
 * Continuation pages (paginate.h): each page whose flow goes on is laid
 * out, then its continuation page from where it left off, again and
 * again until the flow ends.  Each lays out only its own share of the
 * flow (from the cursor in struct layout_rest), so a story costs time
 * linear in its length, and once more when the pages are rendered.
 */
#include <string.h>

#include <glib.h>

#include "data.h"
#include "mem.h"
#include "paginate.h"

struct layout_job
paginate_job(const struct page *p, int count)
{
	return (struct layout_job){ p->ps, p->records, p->nrec, p->sheet,
	    p->number, count, p->part, p->from, false };
}

/* The pages made so far. */
struct pagevec {
	struct page	*p;
	int		 n, cap;
};

static struct page *
push(struct pagevec *v, const struct page *p)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 64;
		v->p = g_renew(struct page, v->p, (size_t)v->cap);
	}
	v->p[v->n] = *p;
	return &v->p[v->n++];
}

/*
 * Appends to v the continuation pages of page p, as many as its flow
 * takes (within the document's page limit), laid out as the render
 * will lay them out: each with its page number (*number, the layout's
 * pages so far) and the document's page count as far as it is known.
 */
static void
continuations(struct pagevec *v, const struct page *p, int *number,
    int count, const struct layout_ctx *lc)
{
	struct diag quiet;
	struct layout_job j = paginate_job(p, count);
	struct lpage *lp;
	struct layout_rest *rest;
	const struct page_spec *cont = p->ps->out->cont;
	int part = 1;

	diag_init_silent(&quiet);
	j.number = *number;
	j.count_only = true;
	lp = layout_page(lc, &j, &quiet);
	while ((rest = lp->rest) != NULL && v->n <= DATA_MAX_RECORDS) {
		struct page *c;

		lp->rest = NULL;
		lpage_free(lp);
		c = push(v, p);
		c->ps = cont;
		c->part = ++part;
		c->number = ++*number;
		c->from = rest;
		c->key = pages_name(p->ps, p->nrec ? p->records[0] : NULL,
		    p->sheet, part);
		j = paginate_job(c, count);
		j.count_only = true;
		lp = layout_page(lc, &j, &quiet);
		if ((c->stalled = layout_rest_same(rest, lp)))
			break;
	}
	lpage_free(lp);
}

/* The pages of all[0..n) with layout lay's continuations, count being
 * that layout's page count as assumed; sets *made to its new count. */
static struct pagevec
count_pages(const struct page *all, int n, int lay, int count,
    const struct layout_ctx *lc, int *made)
{
	struct pagevec v = { 0 };
	int i, number = 0;

	for (i = 0; i < n; i++) {
		struct page *p = push(&v, &all[i]);

		if (p->lay != lay)
			continue;
		p->number = ++number;
		if (p->ps->out != NULL)
			continuations(&v, &all[i], &number, count, lc);
	}
	*made = number;
	return v;
}

/* Frees what count_pages added to all's pages: layout lay's
 * continuations (another layout's belong to all). */
static void
free_counted(struct pagevec *v, int lay)
{
	int i;

	for (i = 0; i < v->n; i++)
		if (v->p[i].lay == lay && v->p[i].part > 1) {
			g_free(v->p[i].key);
			layout_rest_free(v->p[i].from);
		}
	g_free(v->p);
}

/* Passes at most: page.count in a flow changes where it breaks, which
 * may change the count again; it settles in two unless a number's
 * digits keep moving a break back and forth. */
#define PAGINATE_PASSES	4

struct page *
paginate(struct page *all, int *n, int lay, const struct layout_ctx *lc,
    struct diag *d, bool *ok)
{
	struct pagevec v;
	int i, first, count = 0, made, pass;

	for (i = 0; i < *n; i++)
		count += all[i].lay == lay;
	for (pass = 1; ; pass++) {
		v = count_pages(all, *n, lay, count, lc, &made);
		if (made == count || !lc->spec->counts ||
		    pass == PAGINATE_PASSES)
			break;
		free_counted(&v, lay);
		count = made;
	}
	for (i = 0, first = 0; i < v.n; i++) {
		if (v.p[i].part == 1)
			first = i;
		if (v.p[i].stalled)
			diag_warning(d, &v.p[i].ps->entry->node->pos, "the "
			    "flow of frame '%s' goes no further on continuation "
			    "page '%s' (%s): what is left of it is not drawn",
			    v.p[first].ps->out->name, v.p[i].ps->name,
			    v.p[i].key);
	}
	if (lc->spec->counts && made != count)
		diag_warning(d, &lc->spec->doc->root->pos, "page.count does "
		    "not settle: with %d pages, the flows that print it break "
		    "where they make %d", count, made);
	g_free(all);
	*n = v.n;
	if (v.n > DATA_MAX_RECORDS) {
		diag_error(d, NULL, "with their continuation pages, the "
		    "layouts make more than %d pages", DATA_MAX_RECORDS);
		*ok = false;
	}
	return v.p;
}
