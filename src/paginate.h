/*
 * Continuation pages: how many a page's flow takes is known only once
 * it is laid out, so a layout that has them (spec->continues) is laid
 * out once before the job list is final.  Page numbers, page.count,
 * the outline, --only, --shard and file names then count them like
 * any other page.
 */
#ifndef PAGINATE_H
#define PAGINATE_H

#include "diag.h"
#include "layout.h"
#include "pages.h"

struct fonts;

/* How to lay the pages out: with lc on the calling thread, or on jobs
 * threads, each with a copy of fonts (lc's). */
struct paginate_ctx {
	const struct layout_ctx	*lc;
	struct fonts		*fonts;
	int			 jobs;
};

/*
 * Inserts after each page of layout lay in all[0..*n) whose flow goes
 * on its continuation pages, as many as the flow takes, and numbers
 * the layout's pages again.  Lays the pages out as pc says, their
 * messages dropped (the render reports them); reports to d a flow that
 * stops going forward and a document past DATA_MAX_RECORDS pages
 * (false).  Returns the array (g_renew'd).
 */
struct page	*paginate(struct page *all, int *n, int lay,
		    const struct paginate_ctx *pc, struct diag *d, bool *ok);

/* The layout job of page p of a document of count pages. */
struct layout_job paginate_job(const struct page *p, int count);

#endif
