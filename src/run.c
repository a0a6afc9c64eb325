/*
 * The pipeline of one command:
 *
 *   spec_load ─┐
 *   data_load ─┴─ data_validate ─ page list ─┬─ layout_page ─ paint_page
 *                                            └─ (one page at a time) ─▶
 *                                               out backend (atomic)
 *
 * Both input files are loaded even when the first fails, so one run
 * reports the problems of both.  `check` lays every page out (to find
 * overflows) but paints nothing and writes nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <glib.h>

#include "confine.h"
#include "data.h"
#include "fonts.h"
#include "image.h"
#include "layout.h"
#include "out.h"
#include "paint.h"
#include "run.h"
#include "spec.h"
#include "template.h"
#include "validate.h"

/*
 * One page to make: a page spec and, for `each` pages, its records (one,
 * or up to per-page for N-up, the last sheet maybe fewer).
 */
struct job {
	const struct page_spec	*ps;
	const struct ynode	*const *records;
	int			 nrec;
	int			 sheet;		/* 1-based among this spec's */
};

static struct job *
list_pages(const struct spec *spec, const struct data *data, int *count)
{
	struct job *jobs = NULL;
	size_t i, j, n = 0;

	for (i = 0; i < spec->npages; i++) {
		const struct page_spec *ps = spec->pages[i];
		const struct ynode *recs = ps->each ?
		    data_records(data, ps->each) : NULL;
		size_t per = (size_t)ps->per_page;
		size_t k = ps->each ? (recs->n + per - 1) / per : 1;

		jobs = g_renew(struct job, jobs, n + k);
		for (j = 0; j < k; j++) {
			jobs[n].ps = ps;
			jobs[n].records = ps->each ?
			    (const struct ynode *const *)recs->items + j * per :
			    NULL;
			jobs[n].nrec = ps->each ?
			    (int)MIN(per, recs->n - j * per) : 0;
			jobs[n].sheet = (int)j + 1;
			n++;
		}
	}
	*count = (int)n;
	return jobs;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && g_ascii_strcasecmp(s + a - b, suffix) == 0;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "YYYY-MM-DDTHH:MM:SS" from SOURCE_DATE_EPOCH, else the epoch. */
static void
pdf_date(char *buf, size_t size)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t t = 0;
	struct tm tm;

	if (env != NULL && *env != '\0') {
		char *end;
		long long v = strtoll(env, &end, 10);

		if (*end == '\0' && v >= 0)
			t = (time_t)v;
	}
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
}

static char *
expand_meta(const struct spec *spec, const struct data *data, enum meta m,
    struct diag *d)
{
	struct scope sc = { 0 };
	struct tval v;

	if (spec->meta[m] == NULL)
		return NULL;
	sc.root = data->doc->root;
	tmpl_expand(spec->meta[m], &sc, &v, d);
	if (v.kind != TVAL_TEXT) {
		tval_clear(&v);
		return NULL;
	}
	return v.text;
}

static bool
has_family(void *fonts, const char *family)
{
	return fonts_has_family(fonts, family);
}

struct render {
	const struct run_opts		*o;
	const struct out_backend	*be;
	struct out_opts			 oo;
	struct layout_ctx		 lc;
	struct job			*jobs;
	int				 njobs;
	struct diag			*d;
};

/*
 * Lays out and paints page i into an open document (or only lays it
 * out, for check).  An input error found on the way (an unreadable
 * image) fails the page, so its file is not committed.
 */
static enum status
render_page(struct render *r, struct outdoc *doc, int i)
{
	int errors = diag_fatal_count(r->d);
	struct lpage *p = layout_page(&r->lc, r->jobs[i].ps,
	    r->jobs[i].records, r->jobs[i].nrec, r->jobs[i].sheet, i + 1,
	    r->njobs, r->d);
	enum status st = STATUS_OK;
	cairo_t *cr;

	if (r->o->dump != NULL)
		lpage_dump(p, r->o->dump);
	if (diag_fatal_count(r->d) > errors)
		st = STATUS_INPUT;
	else if (doc != NULL) {
		cr = r->be->page_begin(doc, p->width + 2 * p->offset,
		    p->height + 2 * p->offset);
		if (r->be->outline != NULL && p->outline != NULL)
			r->be->outline(doc, p->outline, p->record != NULL &&
			    doc->outline_top != 0);
		paint_page(cr, p);
		if (!r->be->page_end(doc, cr))
			st = STATUS_OUTPUT;
	}
	lpage_free(p);
	return st;
}

/* The worse of two statuses: output failures over input ones. */
static enum status
worst(enum status a, enum status b)
{
	return a > b ? a : b;
}

static enum status
render_one_file(struct render *r, const char *path)
{
	struct outdoc *doc = r->be->open(path, &r->oo, r->d);
	enum status st = doc ? STATUS_OK : STATUS_OUTPUT;
	int i;

	for (i = 0; st == STATUS_OK && i < r->njobs; i++)
		st = render_page(r, doc, i);
	if (doc != NULL && !r->be->close(doc, st == STATUS_OK))
		st = worst(st, STATUS_OUTPUT);
	return st;
}

/*
 * One file per page, named after the record's id or the page's name.
 * A failure leaves the other pages written; the status is the worst.
 */
static enum status
render_dir(struct render *r, const char *dir)
{
	enum status st = STATUS_OK;
	int i;

	if (g_mkdir_with_parents(dir, 0777) != 0) {
		struct diag_pos pos = { dir, 0, 0 };

		diag_error(r->d, &pos, "cannot create the folder: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	for (i = 0; i < r->njobs; i++) {
		const struct job *j = &r->jobs[i];
		char *name = layout_page_name(j->ps, j->nrec ? j->records[0] :
		    NULL, j->sheet);
		char *path = g_strdup_printf("%s/%s.%s", dir, name,
		    r->be->name);
		struct outdoc *doc = r->be->open(path, &r->oo, r->d);
		enum status pst = doc ? STATUS_OK : STATUS_OUTPUT;

		g_free(path);
		g_free(name);
		if (doc != NULL) {
			pst = render_page(r, doc, i);
			if (!r->be->close(doc, pst == STATUS_OK))
				pst = worst(pst, STATUS_OUTPUT);
		}
		st = worst(st, pst);
	}
	return st;
}

/* Picks the backend and the shape of the output from its name. */
static enum status
choose_output(struct render *r, bool *dir, struct diag *d)
{
	const char *out = r->o->output;

	*dir = ends_with(out, "/") || is_dir(out);
	if (*dir) {
		r->be = out_find(r->o->format ? r->o->format : "png");
		if (r->be == NULL) {
			diag_error(d, NULL, "unknown --format '%s' (pdf, png "
			    "or svg)", r->o->format);
			return STATUS_USAGE;
		}
		return STATUS_OK;
	}
	if (ends_with(out, ".pdf"))
		r->be = &out_pdf;
	else if (ends_with(out, ".png"))
		r->be = &out_png;
	else if (ends_with(out, ".svg"))
		r->be = &out_svg;
	else {
		diag_error(d, NULL, "output '%s' must end in .pdf, .png or "
		    ".svg, or be a folder (end it with '/')", out);
		return STATUS_USAGE;
	}
	if (r->o->format != NULL && strcmp(r->o->format, r->be->name) != 0) {
		diag_error(d, NULL, "--format %s does not match the output "
		    "'%s'", r->o->format, out);
		return STATUS_USAGE;
	}
	if (strcmp(r->be->name, "png") == 0 &&
	    r->o->scale * r->lc.spec->width * r->o->scale *
	    r->lc.spec->height > RUN_MAX_PIXELS) {
		diag_error(d, NULL, "a page of %.0f × %.0f pixels is over the "
		    "limit of %d megapixels: lower --scale or --dpi",
		    r->o->scale * r->lc.spec->width,
		    r->o->scale * r->lc.spec->height, RUN_MAX_PIXELS / 1000000);
		return STATUS_USAGE;
	}
	if (!r->be->multipage && r->njobs != 1) {
		diag_error(d, NULL, "the layout makes %d pages but '%s' holds "
		    "one: render into a folder ('%s/') or a .pdf", r->njobs,
		    out, "out");
		return STATUS_USAGE;
	}
	return STATUS_OK;
}

bool
run_check(const struct spec *spec, const struct data *data,
    struct fonts *fonts, struct diag *d)
{
	struct run_opts o = { .cmd = RUN_CHECK };
	struct render r = { 0 };
	int i;

	if (data_validate(data, spec, d))
		validate_fields(spec, data, d);
	if (diag_failed(d) || !validate_fonts(spec, has_family, fonts, d))
		return false;
	r.o = &o;
	r.d = d;
	r.jobs = list_pages(spec, data, &r.njobs);
	r.lc.spec = spec;
	r.lc.data = data;
	r.lc.pango = fonts_context(fonts);
	r.lc.images = image_cache_new();
	for (i = 0; i < r.njobs; i++)
		render_page(&r, NULL, i);
	image_cache_free(r.lc.images);
	g_free(r.jobs);
	return !diag_failed(d);
}

enum status
run(const struct run_opts *o, struct diag *d)
{
	struct spec *spec = spec_load(o->layout, d);
	struct data *data = data_load(o->data, d);
	struct fonts *fonts = NULL;
	struct render r = { 0 };
	enum status st = STATUS_OK;
	char date[32];
	char *meta[META__MAX] = { 0 };
	char *allow[16];
	size_t nallow = 0;
	struct confine confine;
	bool dir = false;
	int i;

	if (spec != NULL && data != NULL && data_validate(data, spec, d))
		validate_fields(spec, data, d);
	if (diag_failed(d) || spec == NULL || data == NULL) {
		st = STATUS_INPUT;
		goto done;
	}
	r.o = o;
	r.d = d;
	r.lc.spec = spec;
	r.jobs = list_pages(spec, data, &r.njobs);
	if (o->cmd == RUN_RENDER &&
	    (st = choose_output(&r, &dir, d)) != STATUS_OK)
		goto done;
	fonts = fonts_new(o->fonts, spec->fonts_dir, d);
	if (fonts == NULL || !validate_fonts(spec, has_family, fonts, d)) {
		st = STATUS_INPUT;
		goto done;
	}
	r.lc.spec = spec;
	r.lc.data = data;
	r.lc.pango = fonts_context(fonts);
	r.lc.images = image_cache_new();
	for (i = 0; i < (int)o->nallow; i++) {
		char *real = realpath(o->allow[i], NULL);

		if (real != NULL)
			allow[nallow++] = real;
	}
	confine.allow = (const char **)allow;
	confine.nallow = nallow;
	r.lc.confine = &confine;
	if (o->cmd == RUN_CHECK) {
		for (i = 0; i < r.njobs; i++)
			render_page(&r, NULL, i);
		st = diag_failed(d) ? STATUS_INPUT : STATUS_OK;
		goto done;
	}
	for (i = 0; i < META__MAX; i++)
		meta[i] = expand_meta(spec, data, (enum meta)i, d);
	pdf_date(date, sizeof(date));
	r.oo.scale = o->scale;
	r.oo.title = meta[META_TITLE];
	r.oo.author = meta[META_AUTHOR];
	r.oo.subject = meta[META_SUBJECT];
	r.oo.keywords = meta[META_KEYWORDS];
	r.oo.date = date;
	r.oo.trim_w = spec->width;
	r.oo.trim_h = spec->height;
	r.oo.bleed = spec->bleed;
	r.oo.offset = spec->bleed + (spec->crop_marks && spec->bleed > 0 ?
	    LAYOUT_SLUG : 0);
	st = dir ? render_dir(&r, o->output) : render_one_file(&r, o->output);
done:
	for (i = 0; i < META__MAX; i++)
		g_free(meta[i]);
	while (nallow > 0)
		free(allow[--nallow]);
	g_free(r.jobs);
	image_cache_free(r.lc.images);
	fonts_free(fonts);
	data_free(data);
	spec_free(spec);
	return st;
}
