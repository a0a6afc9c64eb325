/*
 * The worker side of a render: on a pool thread, one page is laid out
 * and then painted into its own file (a folder, or a single PNG/SVG)
 * or into a cairo recording that the main thread replays into the PDF.
 * Each worker has its own fonts (Pango font map) and image cache;
 * nothing Pango made leaves the thread.  Diagnostics go to the page's
 * result, printed by the main thread in page order.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "fonts.h"
#include "gallery.h"
#include "image.h"
#include "layout.h"
#include "manifest.h"
#include "mem.h"
#include "paginate.h"
#include "paint.h"
#include "pdfpage.h"
#include "render.h"
#include "report.h"
#include "text.h"

/* Where page j's file goes, in TARGET_FILES. */
char *
render_path(const struct render *r, const struct page *j)
{
	return target_path(&r->t, r->o->output, j->key, r->nlays > 1 ?
	    r->lays[j->lay].stem : NULL);
}

struct worker {
	struct render		*r;
	struct fonts		*fonts[RUN_MAX_LAYOUTS]; /* by fontset */
	struct image_cache	*images;
	struct pdfpage_cache	*pdf;		/* the native PDF writer's */
};

void *
render_worker_new(void *arg)
{
	struct worker *w = xcalloc(1, sizeof(*w));

	w->r = arg;
	w->images = image_cache_new();
	w->pdf = pdfpage_cache_new();
	return w;
}

void
render_worker_free(void *v, void *arg)
{
	struct worker *w = v;
	int i;

	(void)arg;
	for (i = 0; i < RUN_MAX_LAYOUTS; i++)
		fonts_free(w->fonts[i]);
	image_cache_free(w->images);
	pdfpage_cache_free(w->pdf);
	free(w);
}

/*
 * Paints page p into its own file at path through backend be, with its
 * outline entry and links (a writer of its own: the page made as it
 * takes it, with what the worker's cache keeps); false if the file was
 * not written.
 */
static bool
page_file(const struct out_backend *be, const char *path,
    const struct out_opts *oo, const struct lpage *p,
    struct pdfpage_cache *cache, struct diag *d)
{
	struct outdoc *doc = be->open(path, oo, d);
	struct paint_link *links;
	size_t nlinks;
	cairo_t *cr;
	bool ok;

	if (doc == NULL)
		return false;
	if (be->page_add != NULL) {
		struct pdfpage *pg = pdfpage_make(p, cache, d);

		ok = pg != NULL && be->page_add(doc, pg);
		return be->close(doc, ok) && ok;
	}
	cr = be->page_begin(doc, p->width + 2 * p->offset,
	    p->height + 2 * p->offset);
	if (be->outline != NULL && p->outline != NULL)
		be->outline(doc, p->outline, false);
	paint_page(cr, p);
	links = paint_links_of(p, &nlinks);
	paint_links(cr, links, nlinks);
	paint_links_free(links, nlinks);
	ok = be->page_end(doc, cr);
	if (be->close_locked) {
		bool closed;

		text_lock();
		closed = be->close(doc, ok);
		text_unlock();
		return closed && ok;
	}
	return be->close(doc, ok) && ok;
}

/* Writes page p to its own file (TARGET_FILES); the status. */
static enum status
write_file(struct render *r, struct worker *wk, const struct page *j,
    struct lpage *p, struct result *res, struct diag *d)
{
	double w = p->width + 2 * p->offset, h = p->height + 2 * p->offset;

	res->path = render_path(r, j);
	if (!page_file(r->t.be, res->path, &r->lays[j->lay].oo, p,
	    wk->pdf, d))
		return STATUS_OUTPUT;
	res->fw = r->t.be->raster ? r->t.be->pixels(w, r->o->scale) : w;
	res->fh = r->t.be->raster ? r->t.be->pixels(h, r->o->scale) : h;
	if (r->o->manifest != NULL &&
	    !manifest_hash_file(res->path, res->sha, &res->bytes)) {
		struct diag_pos pos = { res->path, 0, 0 };

		diag_error(d, &pos, "cannot read back: %s", strerror(errno));
		return STATUS_OUTPUT;
	}
	return STATUS_OK;
}

/*
 * --gallery: a picture of a page whose file is a PDF, 400px wide, or of
 * a page that failed (so not written), large enough to read the words
 * that spill: 1240px wide (A4 at 150 dpi), or the output's own size if
 * larger, with its frames and blocks outlined (--debug-boxes); in the
 * gallery's pages/.
 */
#define THUMB_PX	400
#define FAILED_PX	1240

static void
write_thumb(struct render *r, const struct page *j, struct lpage *p,
    struct result *res, struct diag *d)
{
	struct out_opts oo = r->lays[j->lay].oo;
	double w = p->width + 2 * p->offset, h = p->height + 2 * p->offset;

	res->thumb = r->t.mode == TARGET_PDF ?
	    g_strdup_printf("%s/pages/%d.png", gallery_dir(r->gal),
	    j->number) :
	    g_strdup_printf("%s/pages/%s%s%s.png", gallery_dir(r->gal), j->key,
	    r->nlays > 1 ? "-" : "", r->nlays > 1 ? r->lays[j->lay].stem :
	    "");
	if (!r->thumbs) {	/* the first failed page makes pages/ */
		char *dir = g_path_get_dirname(res->thumb);

		g_mkdir_with_parents(dir, 0777);
		g_free(dir);
	}
	if (res->st == STATUS_OK)
		oo.scale = THUMB_PX / w;
	else if (!r->t.be->raster ||
	    r->t.be->pixels(w, oo.scale) < FAILED_PX)
		oo.scale = FAILED_PX / w;
	if (!page_file(&out_png, res->thumb, &oo, p, NULL, d)) {
		g_free(res->thumb);
		res->thumb = NULL;
		return;
	}
	res->tw = (int)out_png.pixels(w, oo.scale);
	res->th = (int)out_png.pixels(h, oo.scale);
}

/*
 * Paints page p into a recording for the main thread (TARGET_PDF), or
 * for a writer of its own makes the page it takes; the status.
 */
static enum status
record_page(struct render *r, struct worker *w, struct lpage *p,
    struct result *res, struct diag *d)
{
	res->w = p->width + 2 * p->offset;
	res->h = p->height + 2 * p->offset;
	if (r->t.be->page_add != NULL)
		return (res->pdf = pdfpage_make(p, w->pdf, d)) != NULL ?
		    STATUS_OK : STATUS_INPUT;
	res->rec = paint_record(p);
	res->links = paint_links_of(p, &res->nlinks);
	res->outline = g_strdup(p->outline);
	res->has_record = p->record != NULL;
	return STATUS_OK;
}

void
render_work(void *v, int i, void *arg)
{
	struct worker *w = v;
	struct render *r = arg;
	const struct page *j = &r->jobs[i];
	const struct lay *l = &r->lays[j->lay];
	struct result *res = &r->res[i];
	struct layout_ctx lc = { 0 };
	struct diag d;
	struct lpage *p;
	struct layout_job job;

	/* Every line is kept, warnings too: the printer hides them under
	 * --quiet, the gallery shows them. */
	diag_init(&d, NULL);
	d.strict = r->d->strict;
	d.layout = l->path;
	res->log = report_log_new();
	d.sink = report_log_sink;
	d.sink_arg = res->log;
	if (w->fonts[l->fontset] == NULL)
		w->fonts[l->fontset] = fonts_clone(l->fonts);
	lc.spec = l->spec;
	lc.data = r->data;
	lc.pango = fonts_context(w->fonts[l->fontset]);
	lc.images = w->images;
	lc.confine = &r->confine;
	lc.debug = r->o->debug;
	lc.tagged = l->tagged;
	lc.ua = (l->standards & PDF_UA1) != 0;
	job = paginate_job(j, l->npages);
	p = layout_page(&lc, &job, &d);
	if (r->dump != NULL) {
		size_t len;
		FILE *f = open_memstream(&res->dump, &len);

		if (f != NULL) {
			lpage_dump(p, f);
			fclose(f);
		}
	}
	if (diag_fatal_count(&d) > 0)
		res->st = STATUS_INPUT;
	else if (r->t.mode == TARGET_FILES)
		res->st = write_file(r, w, j, p, res, &d);
	else if (r->t.mode == TARGET_PDF)
		res->st = record_page(r, w, p, res, &d);
	if (r->gal != NULL && res->st == STATUS_INPUT && !lc.debug) {
		/* its picture shows the frames, and so what spills out */
		struct diag silent;

		diag_init_silent(&silent);
		lc.debug = true;
		lpage_free(p);
		p = layout_page(&lc, &job, &silent);
	}
	if (r->gal != NULL && (res->st == STATUS_OK ? r->thumbs :
	    res->st == STATUS_INPUT))
		write_thumb(r, j, p, res, &d);
	lpage_free(p);
	if (r->t.mode == TARGET_FILES)
		image_cache_trim(w->images, RUN_IMAGE_CACHE);
	memcpy(res->count, d.count, sizeof(res->count));
}

void
render_result_free(struct result *res)
{
	report_log_free(res->log);
	free(res->dump);
	paint_record_free(res->rec);
	pdfpage_free(res->pdf);
	g_free(res->outline);
	paint_links_free(res->links, res->nlinks);
	g_free(res->path);
	g_free(res->thumb);
	memset(res, 0, sizeof(*res));
}

