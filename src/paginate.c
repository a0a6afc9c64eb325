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
	    p->number, count, p->part, p->from };
}

/* Drops what a muted layout says. */
static void
drop(void *arg, const struct diag_msg *m)
{
	(void)arg;
	(void)m;
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
 * takes (within the document's page limit).
 */
static void
continuations(struct pagevec *v, const struct page *p,
    const struct layout_ctx *lc, struct diag *d)
{
	struct diag quiet;
	struct layout_job j = paginate_job(p, 0);
	struct lpage *lp;
	struct layout_rest *rest;
	const struct page_spec *cont = p->ps->out->cont;
	int part = 1;

	diag_init(&quiet, NULL);
	quiet.sink = drop;
	lp = layout_page(lc, &j, &quiet);
	while ((rest = lp->rest) != NULL && v->n <= DATA_MAX_RECORDS) {
		struct page *c;

		lp->rest = NULL;
		lpage_free(lp);
		c = push(v, p);
		c->ps = cont;
		c->part = ++part;
		c->from = rest;
		c->key = pages_name(p->ps, p->nrec ? p->records[0] : NULL,
		    p->sheet, part);
		j = paginate_job(c, 0);
		lp = layout_page(lc, &j, &quiet);
		if (layout_rest_same(rest, lp)) {
			diag_warning(d, &cont->entry->node->pos, "the flow of "
			    "frame '%s' goes no further on continuation page "
			    "'%s' (%s): what is left of it is not drawn",
			    p->ps->out->name, cont->name, c->key);
			break;
		}
	}
	lpage_free(lp);
}

struct page *
paginate(struct page *all, int *n, int lay, const struct layout_ctx *lc,
    struct diag *d, bool *ok)
{
	struct pagevec v = { 0 };
	int i, number = 0;

	for (i = 0; i < *n; i++) {
		const struct page *p = push(&v, &all[i]);

		if (p->lay == lay && p->ps->out != NULL)
			continuations(&v, &all[i], lc, d);
	}
	for (i = 0; i < v.n; i++)
		if (v.p[i].lay == lay)
			v.p[i].number = ++number;
	g_free(all);
	*n = v.n;
	if (v.n > DATA_MAX_RECORDS) {
		diag_error(d, NULL, "with their continuation pages, the "
		    "layouts make more than %d pages", DATA_MAX_RECORDS);
		*ok = false;
	}
	return v.p;
}
