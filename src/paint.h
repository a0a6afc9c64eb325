/*
 * Paint: draws a laid-out page on a cairo context in points.  The same
 * call serves every output; the backend has set up the surface and any
 * scale.
 */
#ifndef PAINT_H
#define PAINT_H

#include <cairo.h>

#include "layout.h"

void	paint_page(cairo_t *, const struct lpage *);

#endif
