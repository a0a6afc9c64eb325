/*
 * Run: the pipeline for one command — load and validate the layout and
 * the data, lay out each page, paint it and hand it to the output
 * backend, one page at a time.
 */
#ifndef RUN_H
#define RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

#define BROCHURE_VERSION	"0.6.0"

/* A PNG page may have at most this many pixels (memory: 4 bytes each). */
#define RUN_MAX_PIXELS	100000000

enum run_cmd {
	RUN_RENDER,
	RUN_CHECK,
	RUN_INIT,
	RUN_WATCH,
	RUN_SCHEMA,	/* print the layouts' JSON Schema (layschema.c) */
	RUN__MAX
};

/* Exit statuses (SPEC.md). */
enum status {
	STATUS_OK = 0,
	STATUS_INPUT = 1,	/* invalid data, layout, font or image */
	STATUS_USAGE = 2,
	STATUS_OUTPUT = 3,	/* an output could not be written */
};

/* Layouts in one run (one output format each). */
#define RUN_MAX_LAYOUTS	16

struct run_opts {
	enum run_cmd	 cmd;
	const char	*data;
	const char	*layouts[RUN_MAX_LAYOUTS];
	size_t		 nlayouts;
	const char	*output;
	const char	*format;	/* for a directory: png, svg, pdf */
	double		 scale;		/* raster pixels per point */
	const char	*fonts;		/* bundled fonts folder */
	const char	*dump;		/* --dump-tree FILE, or NULL */
	FILE		*dump_to;	/* or the stream it names ('-') */
	const char	*allow[16];	/* --allow-path folders */
	size_t		 nallow;
	int		 jobs;		/* worker threads, >= 1 */
	const char	**only;		/* --only IDs, or NULL */
	size_t		 nonly;
	int		 shard, shards;	/* --shard K/N; shards 0: none */
	const char	*manifest;	/* --manifest FILE, or NULL */
	const char	*report;	/* --report FILE (Code Quality), or
					   NULL */
	bool		 debug;		/* --debug-boxes */
	bool		 watching;	/* under watch: no summary line */
	bool		 gallery;	/* --gallery: OUT/index.html */
	bool		 pdf_native;	/* --pdf-writer native */
	unsigned	 standards;	/* --pdf-standard: enum pdf_standard
					   bits */
};

/* Runs the command; reports to d; returns an exit status. */
enum status	run(const struct run_opts *, struct diag *);

struct data;
struct fonts;
struct spec;

/*
 * `check` on inputs already loaded, for the fuzzers: the gate's
 * cross-checks (gate_check, as `brochure check` runs them) and its
 * notes on the data's quotes, then every page laid out and freed.
 * False if anything was reported as an error.
 */
bool		run_check(const struct spec *, const struct data *,
		    struct fonts *, struct diag *);

#endif
