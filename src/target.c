/*
 * Target: the output's name → backend, mode and file names, checked
 * before any page is made (see target.h).  Plain inputs: the options,
 * the layouts' sizes and stems, the page count.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

#include "out.h"
#include "spec.h"
#include "target.h"

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

/*
 * The backend and the mode from the output's name: a folder (ends in
 * '/' or exists; decided once, a stat here and not one per page) or a
 * file by its extension.
 */
static enum status
output_kind(struct target *t, const struct run_opts *o, struct diag *d)
{
	const char *out = o->output;

	t->dir = ends_with(out, "/") || is_dir(out);
	if (t->dir && !ends_with(out, "/") && (ends_with(out, ".pdf") ||
	    ends_with(out, ".png") || ends_with(out, ".svg"))) {
		diag_error(d, NULL, "output '%s' is a folder: end it with "
		    "'/' to render into it, or name a file", out);
		return STATUS_USAGE;
	}
	if (t->dir) {
		t->be = o->format ? out_find(o->format) : &out_png;
		t->mode = TARGET_FILES;
	} else if (ends_with(out, ".pdf")) {
		t->be = &out_pdf;
		t->mode = TARGET_PDF;
	} else if (ends_with(out, ".png") || ends_with(out, ".svg")) {
		t->be = ends_with(out, ".png") ? &out_png : &out_svg;
		t->mode = TARGET_FILES;
	} else {
		diag_error(d, NULL, "output '%s' must end in .pdf, .png or "
		    ".svg, or be a folder (end it with '/')", out);
		return STATUS_USAGE;
	}
	if (t->be == &out_pdf && o->pdf_native)
		t->be = &out_pdfn;
	return STATUS_OK;
}

/* What one output file cannot hold; usage errors. */
static enum status
check_single(const struct target *t, const struct run_opts *o, int nlays,
    struct diag *d)
{
	const char *out = o->output;

	if (o->format != NULL && strcmp(o->format, t->be->name) != 0) {
		diag_error(d, NULL, "--format %s does not match the output "
		    "'%s'", o->format, out);
		return STATUS_USAGE;
	}
	if (nlays > 1) {
		diag_error(d, NULL, "%d layouts make %d kinds of file: render "
		    "them into a folder ('%s/'), not '%s'", nlays, nlays,
		    "out", out);
		return STATUS_USAGE;
	}
	if (o->shards > 0) {
		diag_error(d, NULL, "--shard splits a render into a folder; "
		    "'%s' is one file", out);
		return STATUS_USAGE;
	}
	return STATUS_OK;
}

/* A raster page over RUN_MAX_PIXELS: a usage error. */
static enum status
check_pixels(const struct target *t, double scale,
    const struct spec *const *specs, int nlays, struct diag *d)
{
	size_t j;
	int i;

	for (i = 0; t->be->raster && i < nlays; i++)
		for (j = 0; j < specs[i]->npages; j++) {
			const struct page_spec *ps = specs[i]->pages[j];

			if (scale * ps->width * scale * ps->height <=
			    RUN_MAX_PIXELS)
				continue;
			diag_error(d, NULL, "a page of %.0f × %.0f pixels is "
			    "over the limit of %d megapixels: lower --scale "
			    "or --dpi", scale * ps->width, scale * ps->height,
			    RUN_MAX_PIXELS / 1000000);
			return STATUS_USAGE;
		}
	return STATUS_OK;
}

enum status
target_choose(struct target *t, const struct run_opts *o,
    const struct spec *const *specs, int nlays, int npages, struct diag *d)
{
	const char *out = o->output;
	enum status st;

	memset(t, 0, sizeof(*t));
	if (o->cmd == RUN_CHECK) {
		t->mode = TARGET_CHECK;
		return STATUS_OK;
	}
	if ((st = output_kind(t, o, d)) != STATUS_OK ||
	    (!t->dir && (st = check_single(t, o, nlays, d)) != STATUS_OK) ||
	    (st = check_pixels(t, o->scale, specs, nlays, d)) != STATUS_OK)
		return st;
	if (!t->dir && !t->be->multipage && npages != 1) {
		diag_error(d, NULL, "the layout makes %d pages but '%s' holds "
		    "one: render into a folder ('%s/') or a .pdf, or choose "
		    "one page with --only ID", npages, out, "out");
		return STATUS_USAGE;
	}
	if (t->dir && g_mkdir_with_parents(out, 0777) != 0) {
		struct diag_pos pos = { out, 0, 0 };

		diag_error(d, &pos, "cannot create the folder: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	/* Written at the end: its folder (maybe the output's) must be. */
	if (o->manifest != NULL) {
		char *mdir = g_path_get_dirname(o->manifest);
		bool ok = is_dir(mdir);

		g_free(mdir);
		if (!ok) {
			diag_error(d, NULL, "--manifest: no such folder for "
			    "'%s'", o->manifest);
			return STATUS_USAGE;
		}
	}
	return STATUS_OK;
}

char *
target_path(const struct target *t, const char *out, const char *key,
    const char *stem)
{
	if (!t->dir)
		return g_strdup(out);
	if (stem != NULL)
		return g_strdup_printf("%s/%s-%s.%s", out, key, stem,
		    t->be->name);
	return g_strdup_printf("%s/%s.%s", out, key, t->be->name);
}

char *
target_stem(const char *path)
{
	char *base = g_path_get_basename(path);
	char *dot = strrchr(base, '.');

	if (dot != NULL && dot != base)
		*dot = '\0';
	return base;
}

bool
target_check_stems(const char *const *paths, const char *const *stems,
    int n, struct diag *d)
{
	int i, k;

	for (i = 0; i < n; i++)
		for (k = 0; k < i; k++)
			if (strcmp(stems[i], stems[k]) == 0) {
				diag_error(d, NULL, "layouts '%s' and '%s' "
				    "have one name, '%s': their files would "
				    "clash", paths[k], paths[i], stems[i]);
				return false;
			}
	return true;
}
