/*
 * `brochure init DIR`: a starter project that renders at once.
 */
#ifndef INIT_H
#define INIT_H

#include "diag.h"
#include "run.h"

/*
 * Copies the starter files (data.yaml, layout.yaml, README) from the
 * folder `starter` into dir, which must not exist or be empty.
 * Returns an exit status; problems are reported to d.
 */
enum status	init_project(const char *starter, const char *dir,
		    struct diag *);

#endif
