/*
 * Confinement of input paths: an image named by a data file or a layout
 * must lie inside that file's folder (symbolic links resolved), or in a
 * folder the user allowed with --allow-path.
 */
#ifndef CONFINE_H
#define CONFINE_H

#include <stdbool.h>
#include <stddef.h>

struct confine {
	const char	**allow;	/* realpath()s of --allow-path DIRs */
	size_t		  nallow;
};

/*
 * True if path (which must exist) resolves inside dir or an allowed
 * folder.  False also when it cannot be resolved.
 */
bool	confine_inside(const struct confine *, const char *dir,
	    const char *path);

#endif
