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
#include "fonts.h"
#include "image.h"
#include "mem.h"
#include "paginate.h"
#include "pool.h"
#include "text.h"

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

/* Where each continuation of one page begins, as its flow was laid out. */
struct flowed {
	GPtrArray	*rests;		/* struct layout_rest *, in order */
	bool		 stalled;	/* the last one went no further */
};

/*
 * Lays out page p, then its continuation page from where it left off,
 * again and again until the flow ends (or stops going forward, or
 * passes the document's page limit), as the render will lay them out:
 * each numbered from number, in a document of count pages.
 */
static struct flowed
flow_page(const struct page *p, int number, int count,
    const struct layout_ctx *lc)
{
	struct flowed fl = { g_ptr_array_new(), false };
	struct diag quiet;
	struct layout_job j = paginate_job(p, count);
	struct page c = *p;
	struct lpage *lp;
	struct layout_rest *rest;

	diag_init_silent(&quiet);
	j.number = number;
	j.count_only = true;
	lp = layout_page(lc, &j, &quiet);
	while ((rest = lp->rest) != NULL &&
	    fl.rests->len <= DATA_MAX_RECORDS) {
		lp->rest = NULL;
		lpage_free(lp);
		g_ptr_array_add(fl.rests, rest);
		c.ps = p->ps->out->cont;
		c.part = (int)fl.rests->len + 1;
		c.number = number + (int)fl.rests->len;
		c.from = rest;
		j = paginate_job(&c, count);
		j.count_only = true;
		lp = layout_page(lc, &j, &quiet);
		if ((fl.stalled = layout_rest_same(rest, lp)))
			break;
	}
	lpage_free(lp);
	return fl;
}

/*
 * Appends to v the continuation pages of page p, whose flow fl holds
 * (taken over), numbered on from *number.
 */
static void
continuations(struct pagevec *v, const struct page *p, int *number,
    struct flowed *fl)
{
	guint k;

	for (k = 0; k < fl->rests->len; k++) {
		struct page *c = push(v, p);

		c->ps = p->ps->out->cont;
		c->part = (int)k + 2;
		c->number = ++*number;
		c->from = fl->rests->pdata[k];
		c->key = pages_name(p->ps, p->nrec ? p->records[0] : NULL,
		    p->sheet, c->part);
		c->stalled = fl->stalled && k + 1 == fl->rests->len;
	}
	g_ptr_array_free(fl->rests, TRUE);
	fl->rests = NULL;
}

/*
 * Counting on several threads, when no flow that goes on prints the
 * page's number or count (so each page's flow is laid out the same
 * whatever came before it): each worker lays out first pages with a
 * font map of its own (as the render's workers do), and the pages are
 * put together in order on the calling thread.
 */
struct counting {
	const struct page	*all;
	int			 lay;		/* the layout counted */
	int			 count;
	const struct layout_ctx	*lc;
	struct fonts		*fonts;
	struct flowed		*flowed;	/* by index in all */
};

struct counter {
	struct fonts		*fonts;
	struct layout_ctx	 lc;
};

static void *
counter_new(void *arg)
{
	struct counting *cg = arg;
	struct counter *w = xcalloc(1, sizeof(*w));

	w->fonts = fonts_clone(cg->fonts);
	w->lc = *cg->lc;
	w->lc.pango = fonts_context(w->fonts);
	w->lc.images = image_cache_new();
	return w;
}

static void
counter_free(void *state, void *arg)
{
	struct counter *w = state;

	(void)arg;
	image_cache_free(w->lc.images);
	fonts_free(w->fonts);
	free(w);
}

static void
count_one(void *state, int i, void *arg)
{
	struct counting *cg = arg;
	struct counter *w = state;

	if (cg->all[i].lay == cg->lay && cg->all[i].ps->out != NULL)
		cg->flowed[i] = flow_page(&cg->all[i], 0, cg->count, &w->lc);
}

static bool
counted(int i, void *arg)
{
	(void)i;
	(void)arg;
	return true;
}

static const struct pool_ops counting_ops = {
	counter_new, counter_free, count_one, counted, NULL
};

/* The pages of all[0..n) with layout lay's continuations, count being
 * that layout's page count as assumed; sets *made to its new count. */
static struct pagevec
count_pages(const struct page *all, int n, int lay, int count,
    const struct paginate_ctx *pc, int *made)
{
	struct pagevec v = { 0 };
	struct counting cg = { all, lay, count, pc->lc, pc->fonts, NULL };
	const struct spec *spec = pc->lc->spec;
	int i, number = 0;
	bool parallel = pc->jobs > 1 && !spec->counts && !spec->numbers;

	cg.flowed = xcalloc((size_t)n + 1, sizeof(*cg.flowed));
	if (parallel) {
		text_concurrent(true);
		pool_run(n, pc->jobs, 4 * pc->jobs, &counting_ops, &cg);
		text_concurrent(false);
	}
	for (i = 0; i < n; i++) {
		struct page *p = push(&v, &all[i]);

		if (p->lay != lay)
			continue;
		p->number = ++number;
		if (p->ps->out == NULL)
			continue;
		if (!parallel)
			cg.flowed[i] = flow_page(&all[i], number, count,
			    pc->lc);
		continuations(&v, &all[i], &number, &cg.flowed[i]);
	}
	free(cg.flowed);
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
paginate(struct page *all, int *n, int lay, const struct paginate_ctx *pc,
    struct diag *d, bool *ok)
{
	const struct layout_ctx *lc = pc->lc;
	struct pagevec v;
	int i, first, count = 0, made, pass;

	for (i = 0; i < *n; i++)
		count += all[i].lay == lay;
	for (pass = 1; ; pass++) {
		v = count_pages(all, *n, lay, count, pc, &made);
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
