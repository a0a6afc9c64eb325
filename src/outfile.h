/*
 * Atomic output files: written to a temporary file in the same folder
 * and renamed over the target only when complete, so a failed run
 * leaves any earlier file at that path untouched and no temporary file
 * behind, even when it is killed by SIGTERM, SIGINT or SIGHUP.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

struct outfile;

/*
 * From then on, SIGTERM, SIGINT and SIGHUP remove every temporary file
 * in progress, then end the process as the signal would (status 128 +
 * N).  A signal ignored at start (nohup) stays ignored; one blocked
 * (watch reads SIGINT and SIGTERM from a signalfd) never reaches this.
 * Call once from main(), before any thread.
 */
void		 outfile_catch_signals(void);

/* Opens a temporary file beside path; reports and returns NULL. */
struct outfile	*outfile_open(const char *path, struct diag *);
FILE		*outfile_fp(struct outfile *);
const char	*outfile_path(const struct outfile *);
/* The temporary file's path, for a tool that rewrites it in place. */
const char	*outfile_tmp(const struct outfile *);
/*
 * A path under which a library (qpdf) can write the temporary of, even
 * opening it with O_CREAT | O_TRUNC, without making a new file should a
 * signal have removed it: /proc/self/fd/N, else the temporary's path.
 * The caller frees it (g_free).
 */
char		*outfile_write_path(const struct outfile *);

/*
 * Flushes, closes and renames into place; reports a write error with
 * the path and returns false (the temporary is removed).  Frees of.
 */
bool		 outfile_commit(struct outfile *, struct diag *);

/* Closes and removes the temporary file; frees of (NULL is fine). */
void		 outfile_abort(struct outfile *);

#endif
