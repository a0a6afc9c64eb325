/*
 * The state of one render, shared by its two sides: run.c (the main
 * thread: plan, consume results in page order, finish) and work.c (the
 * pool's workers: lay out, paint and write one page each).  Internal
 * to those two files.
 */
#ifndef RENDER_H
#define RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include <glib.h>

#include "confine.h"
#include "diag.h"
#include "gate.h"
#include "out.h"
#include "pages.h"
#include "run.h"
#include "spec.h"
#include "target.h"

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
	bool		 tagged;	/* written as a tagged PDF (run.c) */
	unsigned	 standards;	/* what its PDF claims: the command
					   line's and its own */
};

/* What a worker made of a job, for the main thread. */
struct result {
	enum status		 st;
	struct report_log	*log;		/* its diagnostics */
	int			 count[DIAG__MAX];
	char			*dump;		/* --dump-tree text */
	/* A page of a single PDF: */
	struct paint_rec	*rec;
	struct pdfpage		*pdf;		/* or, --pdf-writer native */
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

struct render {
	const struct run_opts		*o;
	struct gate			 gate;		/* the inputs */
	const struct data		*data;
	struct lay			 lays[RUN_MAX_LAYOUTS];
	int				 nlays;
	char				 date[32];	/* the PDFs' dates: the
							   workers read it */
	struct page			*all;		/* every page */
	int				 nall;
	struct page			*jobs;		/* the selection */
	int				 njobs;
	int				 whole_jobs, whole_keys;
	struct target			 t;		/* what is written */
	struct confine			 confine;	/* --allow-path */
	char				*allow[16];	/* its real paths */
	GPtrArray			*warm[RUN_MAX_LAYOUTS];	/* faces */
	struct outdoc			*doc;		/* TARGET_PDF */
	struct result			*res;
	struct diag			*d;
	struct report			*rep;
	struct progress			*prog;
	double				 began;		/* progress_clock() at
							   the start: the summary's
							   time is the whole run's */
	struct manifest			*man;
	FILE				*dump;		/* --dump-tree */
	struct outfile			*dumpf;		/* its file, or NULL
							   for stdout */
	struct gallery			*gal;		/* --gallery */
	bool				 thumbs;	/* pages need thumbnails */
	int				 written;	/* files committed */
	enum status			 st;
};

/* The file page j goes to (TARGET_FILES); the caller frees it. */
char	*render_path(const struct render *, const struct page *j);

/* The pool's worker side (struct pool_ops): arg is the render. */
void	*render_worker_new(void *arg);
void	 render_worker_free(void *worker, void *arg);
/* Makes job i into r->res[i]: lays it out, then paints and writes it
 * or records it for the PDF. */
void	 render_work(void *worker, int i, void *arg);

/* Frees what a result holds and zeroes it. */
void	 render_result_free(struct result *);

#endif
