/*
 * Atomic output files: written to a temporary file in the same folder
 * and renamed over the target only when complete, so a failed run
 * leaves any earlier file at that path untouched and no temporary file
 * behind.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"

struct outfile;

/* Opens a temporary file beside path; reports and returns NULL. */
struct outfile	*outfile_open(const char *path, struct diag *);
FILE		*outfile_fp(struct outfile *);
const char	*outfile_path(const struct outfile *);
/* The temporary file's path, for a tool that rewrites it in place. */
const char	*outfile_tmp(const struct outfile *);

/*
 * Flushes, closes and renames into place; reports a write error with
 * the path and returns false (the temporary is removed).  Frees of.
 */
bool		 outfile_commit(struct outfile *, struct diag *);

/* Closes and removes the temporary file; frees of (NULL is fine). */
void		 outfile_abort(struct outfile *);

#endif
