/*
 * Paint: draws a laid-out page on a cairo context in points.  The same
 * call serves every output; the backend has set up the surface and any
 * scale.
 */
#ifndef PAINT_H
#define PAINT_H

#include <cairo.h>

#include "layout.h"

/* Draws everything but the links (tags, for the PDF). */
void	paint_page(cairo_t *, const struct lpage *);
/*
 * The crop marks of page p as n line segments (x0 y0 x1 y1, in the
 * trim's space): two hairlines at each trim corner, in the slug.
 */
int	paint_crop_segments(const struct lpage *p, double seg[8][4]);

/* A link: its rectangle on the media [pt] and where it goes. */
struct paint_link {
	double	 x, y, w, h;
	char	*uri;
};

/* The links of a page (*n of them), to tag after painting it. */
struct paint_link	*paint_links_of(const struct lpage *, size_t *n);
/* Tags the links on cr (PDF; other surfaces ignore tags). */
void			 paint_links(cairo_t *, const struct paint_link *,
			    size_t n);
void			 paint_links_free(struct paint_link *, size_t n);

/*
 * A page painted into a recording (in a worker thread), to replay on
 * another context later (the PDF, on the main thread), links apart.
 */
struct paint_rec;

struct paint_rec	*paint_record(const struct lpage *);
void			 paint_replay(cairo_t *, struct paint_rec *);
void			 paint_record_free(struct paint_rec *);

#endif
