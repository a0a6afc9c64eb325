/*
 * Source excerpts for diagnostics on a terminal: the line a problem is
 * on, with a caret under its column, as clang and rustc show them.
 */
#ifndef SRCVIEW_H
#define SRCVIEW_H

#include <stdbool.h>
#include <stdio.h>

struct srcview;

struct srcview	*srcview_new(void);
void		 srcview_free(struct srcview *);

/*
 * Prints line `line` of file and a caret under column `col` (1-based,
 * in characters), in colour if asked; nothing if the file or the line
 * cannot be read.
 */
void		 srcview_show(struct srcview *, FILE *, const char *file,
		    int line, int col, bool color);

#endif
