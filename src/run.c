/*
 * The pipeline of one command, the main thread's side:
 *
 *   gate_load (layouts, data, ─ pages_list ─ pages_select ─ target
 *     cross-checks, fonts)       (--only, --shard)     (output's name)
 *        ─▶ pool: render_work (work.c: layout, paint) ─▶ file
 *                  (worker threads)          │ or recording
 *           in page order, main thread:     ◀┘
 *           report, PDF pages, manifest, gallery, progress
 *
 * `check` lays every page out (to find overflows) but paints nothing
 * and writes nothing.  A page of a single PDF is painted by its worker
 * into a cairo recording surface, which the main thread replays into
 * the PDF in page order: layout runs in parallel with the PDF writing,
 * and the file is the same at any --jobs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "a11y.h"
#include "data.h"
#include "fonts.h"
#include "gallery.h"
#include "image.h"
#include "layout.h"
#include "manifest.h"
#include "mem.h"
#include "outfile.h"
#include "paginate.h"
#include "paint.h"
#include "pool.h"
#include "progress.h"
#include "quotes.h"
#include "render.h"
#include "report.h"
#include "template.h"
#include "text.h"

_Static_assert(RUN_MAX_LAYOUTS == GATE_MAX_LAYOUTS, "one limit");

/* The worse of two statuses: output failures over input ones. */
static enum status
worst(enum status a, enum status b)
{
	return a > b ? a : b;
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

/* Metadata m filled in from the data; *ok false if it is a bad lang. */
static char *
expand_meta(const struct spec *spec, const struct data *data, enum meta m,
    struct diag *d, bool *ok)
{
	struct scope sc = { 0 };
	struct tval v;

	if (spec->meta[m] == NULL)
		return NULL;
	sc.root = data->doc->root;
	tmpl_expand(spec->meta[m], &sc, &v, d);
	if (v.kind != TVAL_TEXT || *v.text == '\0') {
		tval_clear(&v);
		return NULL;
	}
	/* A literal lang was checked when the layout loaded. */
	if (m == META_LANG && !units_lang(v.text)) {
		diag_error(d, v.src ? &v.src->pos : &spec->meta[m]->node->pos,
		    "'lang' must be a language tag such as ko-KR or en "
		    "(BCP 47), not '%s'", v.text);
		if (v.src != NULL)
			diag_note(d, &spec->meta[m]->node->pos, "the layout's "
			    "metadata takes the language from it here");
		tval_clear(&v);
		*ok = false;
		return NULL;
	}
	return v.text;
}

/*
 * The whole set of pages of every layout, then the selection (see
 * pages_select); page numbers stay those of the whole document.
 */
static enum status
select_pages(struct render *r, struct page *all, int n)
{
	const struct run_opts *o = r->o;
	struct pages_selection s = { o->only, o->nonly, o->shard, o->shards };

	r->whole_jobs = n;
	return pages_select(all, n, &s, &r->jobs, &r->njobs, &r->whole_keys,
	    r->d) ? STATUS_OK : STATUS_USAGE;
}

/*
 * The report of a run on d's stream: on a terminal (not CI) with
 * source lines and, unless NO_COLOR is set, colours.
 */
static struct report *
new_report(const struct diag *d)
{
	const char *nc = getenv("NO_COLOR");
	bool tty = progress_wanted(d->out);

	return report_new(d->out, d->quiet, tty && !d->json,
	    tty && !d->json && (nc == NULL || *nc == '\0'), d->json);
}

/* ---- main thread side ---- */

/* Replays a recorded page into the PDF; false if writing failed. */
static bool
replay(struct render *r, struct result *res)
{
	struct outdoc *doc = r->doc;
	cairo_t *cr = r->t.be->page_begin(doc, res->w, res->h);

	if (res->outline != NULL)
		r->t.be->outline(doc, res->outline, res->has_record &&
		    doc->outline_top != 0);
	paint_replay(cr, res->rec);
	paint_links(cr, res->links, res->nlinks);
	return r->t.be->page_end(doc, cr);
}

/* The manifest entry of page j's own file. */
static void
add_entry(struct render *r, const struct page *j, const struct result *res)
{
	struct manifest_entry e = { 0 };

	e.key = j->key;
	e.layout = r->lays[j->lay].stem;
	e.type = r->t.be->name;
	e.width = res->fw;
	e.height = res->fh;
	e.unit = r->t.be->unit;
	e.pages = 1;
	e.bytes = res->bytes;
	e.sha256 = res->sha;
	manifest_add_file(r->man, res->path, j->records, (size_t)j->nrec, &e,
	    r->d);
}

/* The page of job j in the gallery, with its diagnostics. */
static void
gallery_item(struct render *r, const struct page *j,
    const struct result *res)
{
	struct gallery_page p = { 0 };

	p.key = j->key;
	p.layout = r->nlays > 1 ? r->lays[j->lay].stem : NULL;
	p.number = r->t.mode == TARGET_PDF ? j->number : 0;
	p.pdf = r->o->output;
	p.file = res->path;
	p.picture = r->t.be->picture;
	p.ok = res->st == STATUS_OK;
	p.thumb = res->thumb;
	p.tw = res->tw;
	p.th = res->th;
	p.w = res->fw;
	p.h = res->fh;
	p.log = res->log;
	gallery_add_page(r->gal, &p);
}

static bool
consume(int i, void *arg)
{
	struct render *r = arg;
	struct result *res = &r->res[i];
	int k;

	report_replay(r->rep, res->log);
	for (k = 0; k < DIAG__MAX; k++)
		r->d->count[k] += res->count[k];
	if (res->dump != NULL)
		fputs(res->dump, r->dump);
	if (r->t.mode == TARGET_PDF && res->st == STATUS_OK &&
	    r->st == STATUS_OK) {
		bool ok;

		if (r->t.be->page_add != NULL) {
			ok = r->t.be->page_add(r->doc, res->pdf);
			res->pdf = NULL;	/* taken */
		} else {
			ok = replay(r, res);
		}
		if (!ok)
			res->st = STATUS_OUTPUT;
	}
	if (r->t.mode == TARGET_FILES && res->st == STATUS_OK) {
		r->written++;
		if (r->man != NULL)
			add_entry(r, &r->jobs[i], res);
	}
	r->st = worst(r->st, res->st);
	if (r->gal != NULL)
		gallery_item(r, &r->jobs[i], res);
	render_result_free(res);
	if (r->prog != NULL)
		progress_step(r->prog, i + 1);
	/*
	 * One bad page spoils a single PDF, but the later pages are still
	 * laid out: every problem is reported, under --strict too.
	 */
	return r->st != STATUS_OUTPUT;
}

static void
discard(int i, void *arg)
{
	struct render *r = arg;

	render_result_free(&r->res[i]);
}

static const struct pool_ops render_ops = {
	render_worker_new, render_worker_free, render_work, consume, discard,
};

/* The manifest entry of a single PDF, once it is committed. */
static void
add_pdf_entry(struct render *r)
{
	const struct ynode **recs;
	struct manifest_entry e = { 0 };
	size_t n = 0;
	int i, k;

	for (i = 0; i < r->njobs; i++)
		n += (size_t)r->jobs[i].nrec;
	recs = xcalloc(n + 1, sizeof(*recs));
	for (n = 0, i = 0; i < r->njobs; i++)
		for (k = 0; k < r->jobs[i].nrec; k++)
			recs[n++] = r->jobs[i].records[k];
	e.layout = r->lays[0].stem;
	e.type = r->t.be->name;
	/* The first page's: a layout may mix sizes (README, "Batches"). */
	e.width = r->njobs > 0 ? r->jobs[0].ps->width : r->lays[0].spec->width;
	e.height = r->njobs > 0 ? r->jobs[0].ps->height :
	    r->lays[0].spec->height;
	e.unit = r->t.be->unit;
	e.pages = r->njobs;
	if (!manifest_add_file(r->man, r->o->output,
	    (const struct ynode *const *)recs, n, &e, r->d))
		r->st = worst(r->st, STATUS_OUTPUT);
	free(recs);
}

/* What a run makes, for the progress bar and the summary. */
static const char *
unit_name(const struct render *r)
{
	if (r->t.mode == TARGET_CHECK)
		return "pages checked";
	if (r->t.mode == TARGET_PDF)
		return "pages";
	return r->t.be->nouns;
}

/* "1000 images, 4 formats, 7.9 s, 127 img/s" on stderr. */
static void
summary(struct render *r, double secs)
{
	int n = r->t.mode == TARGET_PDF ? r->njobs : r->written;
	const char *unit = unit_name(r);
	const char *rate = r->t.mode == TARGET_PDF ? "pages/s" : r->t.be->rate;

	if (r->d->quiet || r->d->json || r->o->watching || n == 0)
		return;
	if (r->t.mode == TARGET_PDF)
		fprintf(r->d->out, "%s: ", r->o->output);
	/* "1 image", "1 SVG file", "1 page": the unit without its 's'. */
	fprintf(r->d->out, "%d %.*s, %d format%s, %.1f s, %.0f %s", n,
	    (int)strlen(unit) - (n == 1), unit, r->nlays,
	    r->nlays == 1 ? "" : "s", secs, secs > 0 ? n / secs : 0, rate);
	if (r->t.mode == TARGET_FILES && r->written < r->njobs)
		fprintf(r->d->out, " (%d not written)",
		    r->njobs - r->written);
	fputc('\n', r->d->out);
}

/*
 * --gallery: index.html in the output folder (a single file's folder);
 * pages whose file is no picture (PDF) get PNG thumbnails.
 */
static bool
gallery_setup(struct render *r)
{
	const char *stems[RUN_MAX_LAYOUTS];
	int i;

	for (i = 0; i < r->nlays; i++)
		stems[i] = r->lays[i].stem;
	r->thumbs = !r->t.be->picture;
	r->gal = gallery_open(r->o->output, r->t.dir, r->o->data, stems,
	    (size_t)r->nlays, r->t.mode == TARGET_PDF, r->thumbs, r->d);
	return r->gal != NULL;
}

/*
 * --dump-tree FILE: written beside FILE and renamed at the end, so a
 * run that stops before layout leaves FILE as it was.
 */
static bool
open_dump(struct render *r)
{
	if (r->o->dump_to != NULL) {
		r->dump = r->o->dump_to;
		return true;
	}
	if ((r->dumpf = outfile_open(r->o->dump, r->d)) == NULL)
		return false;
	r->dump = outfile_fp(r->dumpf);
	return true;
}

/*
 * Sets up layout i's output options (metadata, print boxes); false if
 * the language it takes from the data is no language tag (reported).
 */
static bool
setup_lay(struct render *r, struct lay *l, const char *date)
{
	const struct spec *spec = l->spec;
	bool ok = true;
	int m;

	for (m = 0; m < META__MAX; m++)
		l->meta[m] = expand_meta(spec, r->data, (enum meta)m, r->d,
		    &ok);
	l->oo.scale = r->o->scale;
	l->oo.title = l->meta[META_TITLE];
	l->oo.author = l->meta[META_AUTHOR];
	l->oo.subject = l->meta[META_SUBJECT];
	l->oo.keywords = l->meta[META_KEYWORDS];
	l->oo.lang = l->meta[META_LANG];
	l->oo.date = date;
	l->oo.standards = l->standards;
	l->oo.bleed = spec->bleed;
	l->oo.offset = spec->bleed + (spec->crop_marks && spec->bleed > 0 ?
	    LAYOUT_SLUG : 0);
	return ok;
}

/* The target of the run, and whether the layouts' files can meet. */
static enum status
choose_output(struct render *r)
{
	const char *paths[RUN_MAX_LAYOUTS], *stems[RUN_MAX_LAYOUTS];
	const struct spec *specs[RUN_MAX_LAYOUTS];
	int i;

	for (i = 0; i < r->nlays; i++) {
		paths[i] = r->lays[i].path;
		stems[i] = r->lays[i].stem;
		specs[i] = r->lays[i].spec;
	}
	if (!target_check_stems(paths, stems, r->nlays, r->d))
		return STATUS_USAGE;
	return target_choose(&r->t, r->o, specs, r->nlays, r->njobs, r->d);
}

/*
 * In a folder, every page of the whole set needs a file name of its
 * own (pages_check_names), checked before anything is written.
 */
static enum status
check_names(struct render *r, const struct page *all, int n)
{
	const char *stems[RUN_MAX_LAYOUTS];
	char **paths;
	bool ok;
	int i;

	if (r->t.mode != TARGET_FILES || !r->t.dir)
		return STATUS_OK;
	for (i = 0; i < r->nlays; i++)
		stems[i] = r->lays[i].stem;
	paths = xcalloc((size_t)n + 1, sizeof(*paths));
	for (i = 0; i < n; i++)
		paths[i] = render_path(r, &all[i]);
	ok = pages_check_names(all, n, paths, r->nlays > 1 ? stems : NULL,
	    r->d);
	for (i = 0; i < n; i++)
		g_free(paths[i]);
	free(paths);
	return ok ? STATUS_OK : STATUS_INPUT;
}

bool
run_check(const struct spec *spec, const struct data *data,
    struct fonts *fonts, struct diag *d)
{
	struct layout_ctx lc = { 0 };
	struct page *pages;
	int i, n = 0;
	bool ok = true;

	if (!gate_check(&spec, 1, data, &fonts, d))
		return false;
	quotes_check(&spec, 1, data->doc->root, d);
	pages = pages_list(NULL, &n, 0, spec, data);
	lc.spec = spec;
	lc.data = data;
	lc.pango = fonts_context(fonts);
	lc.images = image_cache_new();
	if (spec->continues) {
		struct paginate_ctx pc = { &lc, fonts, 1 };

		pages = paginate(pages, &n, 0, &pc, d, &ok);
	}
	for (i = 0; ok && i < n; i++) {
		struct layout_job j = paginate_job(&pages[i], n);

		lpage_free(layout_page(&lc, &j, d));
	}
	image_cache_free(lc.images);
	pages_free(pages, n);
	return !diag_failed(d);
}

/* Loads and checks the layouts and the data; false on any error. */
static bool
load(struct render *r)
{
	const struct run_opts *o = r->o;
	bool ok = gate_load(&r->gate, o->data, o->layouts, o->nlayouts,
	    o->fonts, r->d);
	int i;

	/*
	 * Advice on the data's quotes, from check only: a render's log is
	 * for what failed or may have, and the seed's text, kept verbatim,
	 * would repeat the same notes at every render.
	 */
	if (ok && o->cmd == RUN_CHECK)
		quotes_check((const struct spec *const *)r->gate.specs,
		    r->gate.n, r->gate.data->doc->root, r->d);

	for (i = 0; i < (int)r->gate.n; i++) {
		struct lay *l = &r->lays[r->nlays++];

		l->path = o->layouts[i];
		l->spec = r->gate.specs[i];
		l->stem = target_stem(l->path);
		l->fonts = r->gate.fonts[i];
		l->fontset = r->gate.fontset[i];
	}
	return ok;
}

/*
 * The continuation pages of layout i, counted by laying its pages out
 * here, on the main thread, before the job list is made.
 */
static bool
add_continuations(struct render *r, int i)
{
	struct layout_ctx lc = { 0 };
	struct paginate_ctx pc = { &lc, r->lays[i].fonts, r->o->jobs };
	bool ok = true;

	lc.spec = r->lays[i].spec;
	lc.data = r->data;
	lc.pango = fonts_context(r->lays[i].fonts);
	lc.images = image_cache_new();
	lc.confine = &r->confine;
	r->all = paginate(r->all, &r->nall, i, &pc, r->d, &ok);
	image_cache_free(lc.images);
	return ok;
}

/*
 * Whether the run writes spec's pages as a tagged PDF, or under check
 * would (a print layout, in mm, cm, in or pt): what it needs for one is
 * then checked (a11y.c).
 */
static bool
tagged(const struct render *r, const struct lay *l)
{
	const struct spec *spec = l->spec;

	if (l->standards != 0)
		return true;
	if (r->t.mode == TARGET_CHECK)
		return spec->unit != UNIT_PX;
	return r->t.mode == TARGET_PDF || (r->o->format != NULL &&
	    strcmp(r->o->format, "pdf") == 0);
}

/* The pages of every layout, the selection, the output: no file yet. */
static enum status
plan(struct render *r)
{
	const struct run_opts *o = r->o;
	enum status st;
	size_t k;
	int i;

	for (k = 0; k < o->nallow; k++) {
		char *real = realpath(o->allow[k], NULL);

		if (real != NULL)
			r->allow[r->confine.nallow++] = real;
	}
	r->confine.allow = (const char **)r->allow;
	for (i = 0; i < r->nlays; i++) {
		/* Every font face the workers can reach, made here first
		 * (before counting continuation pages on them too). */
		r->warm[i] = text_warm(fonts_context(r->lays[i].fonts),
		    r->lays[i].spec->styles, r->lays[i].spec->nstyles);
		r->all = pages_list(r->all, &r->nall, i, r->lays[i].spec,
		    r->data);
		if (r->lays[i].spec->continues && !add_continuations(r, i))
			return STATUS_INPUT;
	}
	for (i = 0; i < r->nall; i++)
		r->lays[r->all[i].lay].npages++;
	if ((st = select_pages(r, r->all, r->nall)) != STATUS_OK ||
	    (st = choose_output(r)) != STATUS_OK ||
	    (st = check_names(r, r->all, r->nall)) != STATUS_OK)
		return st;
	for (i = 0; i < r->nlays; i++) {
		struct lay *l = &r->lays[i];

		l->standards = o->standards | l->spec->standards;
		if (l->spec->standards != 0 && !o->pdf_native) {
			diag_error(r->d, &l->spec->doc->root->pos, "the layout "
			    "claims a PDF standard (page: pdf-standard), which "
			    "cairo's writer cannot meet: drop --pdf-writer cairo");
			return STATUS_USAGE;
		}
		if (o->debug && (l->standards & (PDF_X4 | PDF_A2U))) {
			diag_error(r->d, &l->spec->doc->root->pos, "the layout "
			    "claims PDF/%s (page: pdf-standard), and --debug-boxes "
			    "makes a proof: render the proof without it",
			    l->standards & PDF_X4 ? "X-4" : "A-2u");
			return STATUS_USAGE;
		}
		if ((l->tagged = tagged(r, l)) &&
		    !a11y_check(l->spec, l->standards, r->d))
			return STATUS_INPUT;
	}
	return STATUS_OK;
}

/* Opens what the pages go to: the PDF, manifest, gallery, dump. */
static enum status
prepare(struct render *r)
{
	const struct run_opts *o = r->o;
	size_t i;

	pdf_date(r->date, sizeof(r->date));
	/* check too: a language from the data is checked there. */
	for (i = 0; i < (size_t)r->nlays; i++)
		if (!setup_lay(r, &r->lays[i], r->date))
			return STATUS_INPUT;
	if (o->manifest != NULL && r->t.mode != TARGET_CHECK)
		r->man = manifest_new("brochure " BROCHURE_VERSION, o->data,
		    o->layouts, o->nlayouts, o->shard, o->shards,
		    r->whole_keys, r->t.mode == TARGET_PDF ? 1 : r->whole_jobs);
	if (o->gallery && r->t.mode != TARGET_CHECK && !gallery_setup(r))
		return STATUS_OUTPUT;
	if (r->t.mode == TARGET_PDF &&
	    (r->doc = r->t.be->open(o->output, &r->lays[0].oo, r->d)) == NULL)
		return STATUS_OUTPUT;
	if ((o->dump != NULL || o->dump_to != NULL) && !open_dump(r))
		return STATUS_OUTPUT;
	return STATUS_OK;
}

/* Lays out (and paints, and writes) every page of the selection. */
static void
make_pages(struct render *r)
{
	const struct run_opts *o = r->o;

	/* No text painted through cairo: layouts on every worker at once. */
	text_concurrent(r->t.mode == TARGET_CHECK ||
	    (r->t.be->page_add != NULL && !r->thumbs));
	r->res = xcalloc((size_t)r->njobs + 1, sizeof(*r->res));
	r->prog = progress_new(r->d->out, r->njobs, unit_name(r),
	    !r->d->quiet && !r->d->json && progress_wanted(r->d->out));
	report_set_progress(r->rep, r->prog);
	pool_run(r->njobs, o->jobs, 4 * o->jobs, &render_ops, r);
}

/* Closes the PDF, writes manifest, gallery and dump; the summary. */
static void
finish(struct render *r)
{
	const struct run_opts *o = r->o;

	if (r->t.mode == TARGET_PDF && !r->t.be->close(r->doc, r->st == STATUS_OK))
		r->st = worst(r->st, STATUS_OUTPUT);
	if (r->t.mode == TARGET_PDF && r->gal != NULL && r->st != STATUS_OK) {
		char *base = g_path_get_basename(o->output);

		gallery_unlink(r->gal, base);
		g_free(base);
	}
	if (r->t.mode == TARGET_PDF && r->st == STATUS_OK && r->man != NULL)
		add_pdf_entry(r);
	if (r->t.mode == TARGET_CHECK && diag_failed(r->d))
		r->st = STATUS_INPUT;
	progress_clear(r->prog);
	if (r->man != NULL && (r->written > 0 || r->t.mode == TARGET_PDF) &&
	    !manifest_write(r->man, o->manifest, r->d))
		r->st = worst(r->st, STATUS_OUTPUT);
	if (r->gal != NULL) {
		char *index = g_build_filename(gallery_dir(r->gal),
		    "index.html", NULL);

		if (!gallery_write(r->gal, index, r->d))
			r->st = worst(r->st, STATUS_OUTPUT);
		g_free(index);
	}
	if (r->dumpf != NULL && !outfile_commit(r->dumpf, r->d))
		r->st = worst(r->st, STATUS_OUTPUT);
	r->dumpf = NULL;
	report_flush(r->rep);
	if (r->t.mode != TARGET_CHECK && (r->t.mode != TARGET_PDF || r->st == STATUS_OK))
		summary(r, progress_clock() - r->began);
}

/* Frees everything r holds but the report. */
static void
render_clear(struct render *r)
{
	int i, m;

	outfile_abort(r->dumpf);
	pages_free(r->all, r->nall);
	free(r->jobs);
	free(r->res);
	report_set_progress(r->rep, NULL);
	progress_free(r->prog);
	manifest_free(r->man);
	gallery_free(r->gal);
	while (r->confine.nallow > 0)
		free(r->allow[--r->confine.nallow]);
	for (i = 0; i < r->nlays; i++) {
		if (r->warm[i] != NULL)
			g_ptr_array_free(r->warm[i], TRUE);
		for (m = 0; m < META__MAX; m++)
			g_free(r->lays[i].meta[m]);
		g_free(r->lays[i].stem);
	}
	gate_free(&r->gate);
}

enum status
run(const struct run_opts *o, struct diag *d)
{
	struct render r = { 0 };

	r.began = progress_clock();
	r.o = o;
	r.d = d;
	r.rep = new_report(d);
	if (o->report != NULL)
		report_quality(r.rep, o->data);
	/* Until the end of run(): every line goes through the report. */
	d->sink = report_sink;
	d->sink_arg = r.rep;
	if (!load(&r))
		r.st = STATUS_INPUT;
	else {
		r.data = r.gate.data;
		if ((r.st = plan(&r)) == STATUS_OK &&
		    (r.st = prepare(&r)) == STATUS_OK) {
			make_pages(&r);
			finish(&r);
		}
	}
	report_flush(r.rep);
	if (o->report != NULL && !report_write_quality(r.rep, o->report, d)) {
		r.st = worst(r.st, STATUS_OUTPUT);
		report_flush(r.rep);
	}
	render_clear(&r);
	d->sink = NULL;
	d->sink_arg = NULL;
	report_free(r.rep);
	return r.st;
}
