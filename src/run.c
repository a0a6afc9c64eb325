/*
 * The pipeline of one command:
 *
 *   spec_load (each -l) ─┐
 *   data_load ───────────┴─ data_validate ─ page list ─ selection
 *        (--only, --shard) ─▶ pool: layout_page ─ paint_page ─▶ file
 *                                  (worker threads)     │ or recording
 *                           in page order, main thread: ◀┘
 *                           messages, PDF pages, manifest, progress
 *
 * Both input files are loaded even when the first fails, so one run
 * reports the problems of both.  `check` lays every page out (to find
 * overflows) but paints nothing and writes nothing.
 *
 * Threads: each worker has its own fonts (Pango font map) and image
 * cache; nothing Pango made crosses threads.  A page for a folder is
 * painted and written by its worker.  A page of a single PDF is painted
 * by its worker into a cairo recording surface, which the main thread
 * replays into the PDF in page order: layout runs in parallel with the
 * PDF writing, and the file is the same at any --jobs.
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
#include "gate.h"
#include "gallery.h"
#include "image.h"
#include "layout.h"
#include "manifest.h"
#include "mem.h"
#include "out.h"
#include "outfile.h"
#include "paint.h"
#include "pages.h"
#include "pool.h"
#include "progress.h"
#include "run.h"
#include "spec.h"
#include "report.h"
#include "template.h"
#include "text.h"

_Static_assert(RUN_MAX_LAYOUTS == GATE_MAX_LAYOUTS, "one limit");

/* Images a folder render's worker keeps decoded between pages. */
#define RUN_IMAGE_CACHE	64

/* One layout of the run, with what its pages share. */
struct lay {
	const char	*path;
	struct spec	*spec;
	char		*stem;		/* "social-square" */
	char		*meta[META__MAX];
	struct out_opts	 oo;
	int		 npages;	/* its whole document: page.count */
	struct fonts	*fonts;		/* the gate's; workers clone it */
	int		 fontset;	/* the gate's: one set per folder */
};

/* What a worker made of a job, for the main thread. */
struct result {
	enum status		 st;
	struct report_log	*log;		/* its diagnostics */
	int			 count[DIAG__MAX];
	char			*dump;		/* --dump-tree text */
	/* A page of a single PDF: */
	struct paint_rec	*rec;
	double			 w, h;		/* media [pt] */
	char			*outline;
	bool			 has_record;
	struct paint_link	*links;
	size_t			 nlinks;
	/* A file written (folder or single page): */
	char			*path;
	double			 fw, fh;	/* its size, px or pt */
	char			 sha[65];
	long long		 bytes;
	/* --gallery: a PNG of a page whose file is no picture (PDF) */
	char			*thumb;
	int			 tw, th;
};

enum mode {
	MODE_CHECK,	/* lay out only */
	MODE_FILES,	/* each page its own file, written by a worker */
	MODE_PDF,	/* one PDF: pages recorded, replayed in order */
};

struct render {
	const struct run_opts		*o;
	struct gate			 gate;		/* the inputs */
	const struct data		*data;
	struct lay			 lays[RUN_MAX_LAYOUTS];
	int				 nlays;
	struct page			*jobs;		/* the selection */
	int				 njobs;
	int				 whole_jobs, whole_keys;
	enum mode			 mode;
	bool				 dir;		/* output is a folder */
	const struct out_backend	*be;
	const struct confine		*confine;
	struct outdoc			*doc;		/* MODE_PDF */
	struct result			*res;
	struct diag			*d;
	struct report			*rep;
	struct progress			*prog;
	struct manifest			*man;
	FILE				*dump;		/* --dump-tree */
	struct outfile			*dumpf;		/* its file, or NULL
							   for stdout */
	struct gallery			*gal;		/* --gallery */
	bool				 thumbs;	/* pages need thumbnails */
	int				 written;	/* files committed */
	enum status			 st;
};

/* The worse of two statuses: output failures over input ones. */
static enum status
worst(enum status a, enum status b)
{
	return a > b ? a : b;
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

	return report_new(d->out, d->quiet && !d->strict, tty,
	    tty && (nc == NULL || *nc == '\0'));
}

/* Picks the backend and the shape of the output from its name. */
static enum status
choose_output(struct render *r)
{
	const char *out = r->o->output;
	struct diag *d = r->d;
	bool dir;
	int i;

	/* Decided once: a stat here, not one per page. */

	if (r->o->cmd == RUN_CHECK) {
		r->mode = MODE_CHECK;
		return STATUS_OK;
	}
	dir = r->dir = ends_with(out, "/") || is_dir(out);
	if (dir && !ends_with(out, "/") && (ends_with(out, ".pdf") ||
	    ends_with(out, ".png") || ends_with(out, ".svg"))) {
		diag_error(d, NULL, "output '%s' is a folder: end it with '/' "
		    "to render into it, or name a file", out);
		return STATUS_USAGE;
	}
	if (dir) {
		r->be = r->o->format ? out_find(r->o->format) : &out_png;
		r->mode = MODE_FILES;
	} else if (ends_with(out, ".pdf")) {
		r->be = &out_pdf;
		r->mode = MODE_PDF;
	} else if (ends_with(out, ".png") || ends_with(out, ".svg")) {
		r->be = ends_with(out, ".png") ? &out_png : &out_svg;
		r->mode = MODE_FILES;
	} else {
		diag_error(d, NULL, "output '%s' must end in .pdf, .png or "
		    ".svg, or be a folder (end it with '/')", out);
		return STATUS_USAGE;
	}
	if (!dir && r->o->format != NULL && out_find(r->o->format) != r->be) {
		diag_error(d, NULL, "--format %s does not match the output "
		    "'%s'", r->o->format, out);
		return STATUS_USAGE;
	}
	if (!dir && r->nlays > 1) {
		diag_error(d, NULL, "%d layouts make %d kinds of file: render "
		    "them into a folder ('%s/'), not '%s'", r->nlays, r->nlays,
		    "out", out);
		return STATUS_USAGE;
	}
	if (!dir && r->o->shards > 0) {
		diag_error(d, NULL, "--shard splits a render into a folder; "
		    "'%s' is one file", out);
		return STATUS_USAGE;
	}
	for (i = 0; r->be->raster && i < r->nlays; i++) {
		const struct spec *s = r->lays[i].spec;

		if (r->o->scale * s->width * r->o->scale * s->height <=
		    RUN_MAX_PIXELS)
			continue;
		diag_error(d, NULL, "a page of %.0f × %.0f pixels is over the "
		    "limit of %d megapixels: lower --scale or --dpi",
		    r->o->scale * s->width, r->o->scale * s->height,
		    RUN_MAX_PIXELS / 1000000);
		return STATUS_USAGE;
	}
	if (!dir && !r->be->multipage && r->njobs != 1) {
		diag_error(d, NULL, "the layout makes %d pages but '%s' holds "
		    "one: render into a folder ('%s/') or a .pdf, or choose "
		    "one page with --only ID", r->njobs, out, "out");
		return STATUS_USAGE;
	}
	if (dir && g_mkdir_with_parents(out, 0777) != 0) {
		struct diag_pos pos = { out, 0, 0 };

		diag_error(d, &pos, "cannot create the folder: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	/* Written at the end: its folder (maybe the output's) must be. */
	if (r->o->manifest != NULL) {
		char *mdir = g_path_get_dirname(r->o->manifest);
		bool ok = is_dir(mdir);

		g_free(mdir);
		if (!ok) {
			diag_error(d, NULL, "--manifest: no such folder for "
			    "'%s'", r->o->manifest);
			return STATUS_USAGE;
		}
	}
	return STATUS_OK;
}

/* Where job j's file goes, in MODE_FILES. */
static char *
job_path(const struct render *r, const struct page *j)
{
	const char *out = r->o->output;

	if (!r->dir)
		return g_strdup(out);
	if (r->nlays > 1)
		return g_strdup_printf("%s/%s-%s.%s", out, j->key,
		    r->lays[j->lay].stem, r->be->name);
	return g_strdup_printf("%s/%s.%s", out, j->key, r->be->name);
}

/* ---- worker side ---- */

struct worker {
	struct render		*r;
	struct fonts		*fonts[RUN_MAX_LAYOUTS]; /* by fontset */
	struct image_cache	*images;
};

static void *
worker_new(void *arg)
{
	struct worker *w = xcalloc(1, sizeof(*w));

	w->r = arg;
	w->images = image_cache_new();
	return w;
}

static void
worker_free(void *v, void *arg)
{
	struct worker *w = v;
	int i;

	(void)arg;
	for (i = 0; i < RUN_MAX_LAYOUTS; i++)
		fonts_free(w->fonts[i]);
	image_cache_free(w->images);
	free(w);
}

/* Writes page p to its own file (MODE_FILES); the status. */
/*
 * Paints page p into its own file at path through backend be, with its
 * outline entry and links; false if the file was not written.
 */
static bool
page_file(const struct out_backend *be, const char *path,
    const struct out_opts *oo, const struct lpage *p, struct diag *d)
{
	struct outdoc *doc = be->open(path, oo, d);
	struct paint_link *links;
	size_t nlinks;
	cairo_t *cr;
	bool ok;

	if (doc == NULL)
		return false;
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

/* Writes page p to its own file (MODE_FILES); the status. */
static enum status
write_file(struct render *r, const struct page *j, struct lpage *p,
    struct result *res, struct diag *d)
{
	double w = p->width + 2 * p->offset, h = p->height + 2 * p->offset;

	res->path = job_path(r, j);
	if (!page_file(r->be, res->path, &r->lays[j->lay].oo, p, d))
		return STATUS_OUTPUT;
	res->fw = r->be->raster ? r->be->pixels(w, r->o->scale) : w;
	res->fh = r->be->raster ? r->be->pixels(h, r->o->scale) : h;
	if (r->o->manifest != NULL &&
	    !manifest_hash_file(res->path, res->sha, &res->bytes)) {
		struct diag_pos pos = { res->path, 0, 0 };

		diag_error(d, &pos, "cannot read back: %s", strerror(errno));
		return STATUS_OUTPUT;
	}
	return STATUS_OK;
}

/* --gallery: a picture of a page whose file is a PDF, 400px wide. */
#define THUMB_PX	400

static void
write_thumb(struct render *r, const struct page *j, struct lpage *p,
    struct result *res, struct diag *d)
{
	struct out_opts oo = r->lays[j->lay].oo;
	double w = p->width + 2 * p->offset, h = p->height + 2 * p->offset;

	res->thumb = r->mode == MODE_PDF ?
	    g_strdup_printf("%s/pages/%d.png", gallery_dir(r->gal),
	    j->number) :
	    g_strdup_printf("%s/pages/%s%s%s.png", gallery_dir(r->gal), j->key,
	    r->nlays > 1 ? "-" : "", r->nlays > 1 ? r->lays[j->lay].stem :
	    "");
	oo.scale = THUMB_PX / w;
	if (!page_file(&out_png, res->thumb, &oo, p, d)) {
		g_free(res->thumb);
		res->thumb = NULL;
		return;
	}
	res->tw = (int)out_png.pixels(w, oo.scale);
	res->th = (int)out_png.pixels(h, oo.scale);
}

/* Paints page p into a recording for the main thread (MODE_PDF). */
static void
record_page(struct lpage *p, struct result *res)
{
	res->w = p->width + 2 * p->offset;
	res->h = p->height + 2 * p->offset;
	res->rec = paint_record(p);
	res->links = paint_links_of(p, &res->nlinks);
	res->outline = g_strdup(p->outline);
	res->has_record = p->record != NULL;
}

static void
work(void *v, int i, void *arg)
{
	struct worker *w = v;
	struct render *r = arg;
	const struct page *j = &r->jobs[i];
	const struct lay *l = &r->lays[j->lay];
	struct result *res = &r->res[i];
	struct layout_ctx lc = { 0 };
	struct diag d;
	struct lpage *p;

	/* Every line is kept, warnings too: the printer hides them under
	 * --quiet, the gallery shows them. */
	diag_init(&d, NULL);
	d.strict = r->d->strict;
	res->log = report_log_new();
	d.sink = report_log_sink;
	d.sink_arg = res->log;
	if (w->fonts[l->fontset] == NULL)
		w->fonts[l->fontset] = fonts_clone(l->fonts);
	lc.spec = l->spec;
	lc.data = r->data;
	lc.pango = fonts_context(w->fonts[l->fontset]);
	lc.images = w->images;
	lc.confine = r->confine;
	lc.debug = r->o->debug;
	p = layout_page(&lc, j->ps, j->records, j->nrec, j->sheet, j->number,
	    l->npages, &d);
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
	else if (r->mode == MODE_FILES)
		res->st = write_file(r, j, p, res, &d);
	else if (r->mode == MODE_PDF)
		record_page(p, res);
	if (res->st == STATUS_OK && r->thumbs)
		write_thumb(r, j, p, res, &d);
	lpage_free(p);
	if (r->mode == MODE_FILES)
		image_cache_trim(w->images, RUN_IMAGE_CACHE);
	memcpy(res->count, d.count, sizeof(res->count));
}

/* ---- main thread side ---- */

static void
free_result(struct result *res)
{
	report_log_free(res->log);
	free(res->dump);
	paint_record_free(res->rec);
	g_free(res->outline);
	paint_links_free(res->links, res->nlinks);
	g_free(res->path);
	g_free(res->thumb);
	memset(res, 0, sizeof(*res));
}

/* Replays a recorded page into the PDF; false if writing failed. */
static bool
replay(struct render *r, struct result *res)
{
	struct outdoc *doc = r->doc;
	cairo_t *cr = r->be->page_begin(doc, res->w, res->h);

	if (res->outline != NULL)
		r->be->outline(doc, res->outline, res->has_record &&
		    doc->outline_top != 0);
	paint_replay(cr, res->rec);
	paint_links(cr, res->links, res->nlinks);
	return r->be->page_end(doc, cr);
}

/* The manifest entry of page j's own file. */
static void
add_entry(struct render *r, const struct page *j, const struct result *res)
{
	struct manifest_entry e = { 0 };

	e.key = j->key;
	e.layout = r->lays[j->lay].stem;
	e.type = r->be->name;
	e.width = res->fw;
	e.height = res->fh;
	e.unit = r->be->unit;
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
	p.number = r->mode == MODE_PDF ? j->number : 0;
	p.pdf = r->o->output;
	p.file = res->path;
	p.picture = r->be->picture;
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
	if (r->mode == MODE_PDF && res->st == STATUS_OK &&
	    r->st == STATUS_OK && !replay(r, res))
		res->st = STATUS_OUTPUT;
	if (r->mode == MODE_FILES && res->st == STATUS_OK) {
		r->written++;
		if (r->man != NULL)
			add_entry(r, &r->jobs[i], res);
	}
	r->st = worst(r->st, res->st);
	if (r->gal != NULL)
		gallery_item(r, &r->jobs[i], res);
	free_result(res);
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

	free_result(&r->res[i]);
}

static const struct pool_ops render_ops = {
	worker_new, worker_free, work, consume, discard,
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
	e.type = r->be->name;
	e.width = r->lays[0].spec->width;
	e.height = r->lays[0].spec->height;
	e.unit = r->be->unit;
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
	if (r->mode == MODE_CHECK)
		return "pages checked";
	if (r->mode == MODE_PDF)
		return "pages";
	return r->be->nouns;
}

/* "1000 images, 4 formats, 7.9 s, 127 img/s" on stderr. */
static void
summary(struct render *r, double secs)
{
	int n = r->mode == MODE_PDF ? r->njobs : r->written;
	const char *unit = unit_name(r);
	const char *rate = r->mode == MODE_PDF ? "pages/s" : r->be->rate;

	if (r->d->quiet || r->o->watching || n == 0)
		return;
	if (r->mode == MODE_PDF)
		fprintf(r->d->out, "%s: ", r->o->output);
	/* "1 image", "1 SVG file", "1 page": the unit without its 's'. */
	fprintf(r->d->out, "%d %.*s, %d format%s, %.1f s, %.0f %s", n,
	    (int)strlen(unit) - (n == 1), unit, r->nlays,
	    r->nlays == 1 ? "" : "s", secs, secs > 0 ? n / secs : 0, rate);
	if (r->mode == MODE_FILES && r->written < r->njobs)
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
	r->thumbs = !r->be->picture;
	r->gal = gallery_open(r->o->output, r->dir, r->o->data, stems,
	    (size_t)r->nlays, r->mode == MODE_PDF, r->thumbs, r->d);
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

/* The layout's file name without folder and extension. */
static char *
stem_of(const char *path)
{
	char *base = g_path_get_basename(path);
	char *dot = strrchr(base, '.');

	if (dot != NULL && dot != base)
		*dot = '\0';
	return base;
}

/* Sets up layout i's output options (metadata, print boxes). */
static void
setup_lay(struct render *r, struct lay *l, const char *date)
{
	const struct spec *spec = l->spec;
	int m;

	for (m = 0; m < META__MAX; m++)
		l->meta[m] = expand_meta(spec, r->data, (enum meta)m, r->d);
	l->oo.scale = r->o->scale;
	l->oo.title = l->meta[META_TITLE];
	l->oo.author = l->meta[META_AUTHOR];
	l->oo.subject = l->meta[META_SUBJECT];
	l->oo.keywords = l->meta[META_KEYWORDS];
	l->oo.date = date;
	l->oo.trim_w = spec->width;
	l->oo.trim_h = spec->height;
	l->oo.bleed = spec->bleed;
	l->oo.offset = spec->bleed + (spec->crop_marks && spec->bleed > 0 ?
	    LAYOUT_SLUG : 0);
}

/* Two layouts with one stem would write each other's files. */
static enum status
check_stems(struct render *r)
{
	int i, k;

	for (i = 0; i < r->nlays; i++)
		for (k = 0; k < i; k++)
			if (strcmp(r->lays[i].stem, r->lays[k].stem) == 0) {
				diag_error(r->d, NULL, "layouts '%s' and '%s' "
				    "have one name, '%s': their files would "
				    "clash", r->lays[k].path, r->lays[i].path,
				    r->lays[i].stem);
				return STATUS_USAGE;
			}
	return STATUS_OK;
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

	if (r->mode != MODE_FILES || !r->dir)
		return STATUS_OK;
	for (i = 0; i < r->nlays; i++)
		stems[i] = r->lays[i].stem;
	paths = xcalloc((size_t)n + 1, sizeof(*paths));
	for (i = 0; i < n; i++)
		paths[i] = job_path(r, &all[i]);
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

	if (!gate_check(&spec, 1, data, &fonts, d))
		return false;
	pages = pages_list(NULL, &n, 0, spec, data);
	lc.spec = spec;
	lc.data = data;
	lc.pango = fonts_context(fonts);
	lc.images = image_cache_new();
	for (i = 0; i < n; i++)
		lpage_free(layout_page(&lc, pages[i].ps, pages[i].records,
		    pages[i].nrec, pages[i].sheet, pages[i].number, n, d));
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

	for (i = 0; i < (int)r->gate.n; i++) {
		struct lay *l = &r->lays[r->nlays++];

		l->path = o->layouts[i];
		l->spec = r->gate.specs[i];
		l->stem = stem_of(l->path);
		l->fonts = r->gate.fonts[i];
		l->fontset = r->gate.fontset[i];
	}
	return ok;
}

enum status
run(const struct run_opts *o, struct diag *d)
{
	struct render r = { 0 };
	struct page *all = NULL;
	char date[32];
	char *allow[16];
	size_t nallow = 0;
	struct confine confine;
	GPtrArray *warm[RUN_MAX_LAYOUTS] = { NULL };
	int i, m, nall = 0;

	r.o = o;
	r.d = d;
	r.rep = new_report(d);
	/* Until the end of run(): every line goes through the report. */
	d->sink = report_sink;
	d->sink_arg = r.rep;
	if (!load(&r)) {
		r.st = STATUS_INPUT;
		goto done;
	}
	r.data = r.gate.data;
	for (i = 0; i < r.nlays; i++) {
		all = pages_list(all, &nall, i, r.lays[i].spec, r.data);
		r.lays[i].npages = 0;
	}
	for (i = 0; i < nall; i++)
		r.lays[all[i].lay].npages++;
	if ((r.st = select_pages(&r, all, nall)) != STATUS_OK ||
	    (r.st = check_stems(&r)) != STATUS_OK ||
	    (r.st = choose_output(&r)) != STATUS_OK ||
	    (r.st = check_names(&r, all, nall)) != STATUS_OK)
		goto done;
	for (i = 0; i < (int)o->nallow; i++) {
		char *real = realpath(o->allow[i], NULL);

		if (real != NULL)
			allow[nallow++] = real;
	}
	confine.allow = (const char **)allow;
	confine.nallow = nallow;
	r.confine = &confine;
	pdf_date(date, sizeof(date));
	for (i = 0; r.mode != MODE_CHECK && i < r.nlays; i++)
		setup_lay(&r, &r.lays[i], date);
	if (o->manifest != NULL && r.mode != MODE_CHECK)
		r.man = manifest_new("brochure " BROCHURE_VERSION, o->data,
		    o->layouts, o->nlayouts, o->shard, o->shards, r.whole_keys,
		    r.mode == MODE_PDF ? 1 : r.whole_jobs);
	if (o->gallery && r.mode != MODE_CHECK && !gallery_setup(&r)) {
		r.st = STATUS_OUTPUT;
		goto done;
	}
	if (r.mode == MODE_PDF &&
	    (r.doc = r.be->open(o->output, &r.lays[0].oo, d)) == NULL) {
		r.st = STATUS_OUTPUT;
		goto done;
	}
	if ((o->dump != NULL || o->dump_to != NULL) && !open_dump(&r)) {
		r.st = STATUS_OUTPUT;
		goto done;
	}
	/* Every font face the workers can reach, made here first. */
	for (i = 0; i < r.nlays; i++)
		warm[i] = text_warm(fonts_context(r.lays[i].fonts),
		    r.lays[i].spec->styles, r.lays[i].spec->nstyles);
	r.res = xcalloc((size_t)r.njobs + 1, sizeof(*r.res));
	r.prog = progress_new(d->out, r.njobs, unit_name(&r),
	    !d->quiet && progress_wanted(d->out));
	report_set_progress(r.rep, r.prog);
	pool_run(r.njobs, o->jobs, 4 * o->jobs, &render_ops, &r);
	if (r.mode == MODE_PDF && !r.be->close(r.doc, r.st == STATUS_OK))
		r.st = worst(r.st, STATUS_OUTPUT);
	if (r.mode == MODE_PDF && r.gal != NULL && r.st != STATUS_OK) {
		char *base = g_path_get_basename(o->output);

		gallery_unlink(r.gal, base);
		g_free(base);
	}
	if (r.mode == MODE_PDF && r.st == STATUS_OK && r.man != NULL)
		add_pdf_entry(&r);
	if (r.mode == MODE_CHECK && diag_failed(d))
		r.st = STATUS_INPUT;
	progress_clear(r.prog);
	if (r.man != NULL && (r.written > 0 || r.mode == MODE_PDF) &&
	    !manifest_write(r.man, o->manifest, d))
		r.st = worst(r.st, STATUS_OUTPUT);
	if (r.gal != NULL) {
		char *index = g_build_filename(gallery_dir(r.gal),
		    "index.html", NULL);

		if (!gallery_write(r.gal, index, d))
			r.st = worst(r.st, STATUS_OUTPUT);
		g_free(index);
	}
	if (r.dumpf != NULL && !outfile_commit(r.dumpf, d))
		r.st = worst(r.st, STATUS_OUTPUT);
	r.dumpf = NULL;
	report_flush(r.rep);
	if (r.mode != MODE_CHECK && (r.mode != MODE_PDF || r.st == STATUS_OK))
		summary(&r, progress_elapsed(r.prog));
done:
	report_flush(r.rep);
	outfile_abort(r.dumpf);
	pages_free(all, nall);
	free(r.jobs);
	free(r.res);
	report_set_progress(r.rep, NULL);
	progress_free(r.prog);
	manifest_free(r.man);
	gallery_free(r.gal);
	while (nallow > 0)
		free(allow[--nallow]);
	for (i = 0; i < r.nlays; i++) {
		if (warm[i] != NULL)
			g_ptr_array_free(warm[i], TRUE);
		for (m = 0; m < META__MAX; m++)
			g_free(r.lays[i].meta[m]);
		g_free(r.lays[i].stem);
	}
	gate_free(&r.gate);
	d->sink = NULL;
	d->sink_arg = NULL;
	report_free(r.rep);
	return r.st;
}
