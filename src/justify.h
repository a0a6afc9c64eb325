/*
 * klreq justification of one line (justify.c), private to text.c:
 * its word spaces and the places between its characters widened.
 */
#ifndef JUSTIFY_H
#define JUSTIFY_H

#include <pango/pango.h>

#include "spec.h"

/*
 * Widens the glyphs of one, a one-line layout in style s, so that the
 * line is room wide [pt]; leaves it ragged where klreq would.
 */
void		 justify_line(const struct style *s, PangoLayout *one,
		    double room);

#endif
