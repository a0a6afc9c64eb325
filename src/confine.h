/*
 * Confinement of input paths: an image named by a data file or a layout
 * must lie inside that file's folder (symbolic links resolved), or in a
 * folder the user allowed with --allow-path; and what is read there
 * must be a regular file (a FIFO would block a render forever).
 */
#ifndef CONFINE_H
#define CONFINE_H

#include <stdbool.h>
#include <stddef.h>

#include <sys/types.h>

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

/*
 * Opens path for reading without blocking, then checks on that open
 * descriptor (so what is checked is what is read) that it is a regular
 * file of at most max bytes.  Returns the descriptor, which the caller
 * closes, and the size in *size; or -1 with the reason in why (errno's
 * text, or "not a regular file (a FIFO)" and the like).
 */
/* What a file that is not a regular one is, for messages: "a FIFO". */
const char	*confine_kind_name(mode_t);

int	confine_open(const char *path, off_t max, off_t *size, char *why,
	    size_t whylen);

/*
 * Reads the whole of path (through confine_open) into *buf, which the
 * caller frees with free().  False with the reason in why.
 */
bool	confine_read(const char *path, off_t max, unsigned char **buf,
	    size_t *len, char *why, size_t whylen);

#endif
