/*
 * Target: what a render writes, decided from the output's name before
 * any page is made — one PDF, one PNG or SVG, or a folder of files in
 * one format — and the name of each page's file.  Usage problems (a
 * folder named like a file, a page too big for a raster, several pages
 * for one picture) are reported here, before anything is written.
 */
#ifndef TARGET_H
#define TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "run.h"

struct out_backend;
struct spec;

enum target_mode {
	TARGET_CHECK,	/* lay out only */
	TARGET_FILES,	/* each page its own file, written by a worker */
	TARGET_PDF,	/* one PDF: pages recorded, replayed in order */
	TARGET__MAX
};

struct target {
	enum target_mode		 mode;
	bool				 dir;	/* the output is a folder */
	const struct out_backend	*be;	/* NULL under check */
};

/*
 * Chooses the target of o (a folder when the output ends in '/' or is
 * one; created here) for the layouts' specs[0..nlays) making npages
 * pages, and checks that it can hold them; a status, reported.
 */
enum status	target_choose(struct target *, const struct run_opts *o,
		    const struct spec *const *specs, int nlays, int npages,
		    struct diag *);

/*
 * The file of the page named key (record id or page name) of the layout
 * stem (NULL: one layout, no suffix): out itself for a single file.
 * The caller frees it.
 */
char		*target_path(const struct target *, const char *out,
		    const char *key, const char *stem);

/* A layout's file name without folder and extension; caller frees. */
char		*target_stem(const char *layout_path);

/* Two layouts with one stem would write each other's files: false,
 * reported, if any two of stems[0..n) meet. */
bool		 target_check_stems(const char *const *paths,
		    const char *const *stems, int n, struct diag *);

#endif
