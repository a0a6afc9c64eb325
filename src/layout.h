/*
 * Layout: one page of the spec, for one record, → a flat list of boxes
 * placed in points (the box tree, flattened in paint order).  Frames
 * hold a vertical flow of blocks whose heights follow their content;
 * text that does not fit its frame is a warning at the data node.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stdio.h>

#include <pango/pango.h>

#include "spec.h"

struct confine;
struct data;
struct fonts;
struct image;
struct qr;

enum box_kind {
	BOX_RECT,	/* fill and/or stroke, rounded corners */
	BOX_TEXT,	/* a paragraph */
	BOX_LINE,	/* a horizontal rule */
	BOX_IMAGE,
	BOX_QR,		/* a QR code, quiet zone included */
	BOX_ELLIPSE,	/* fill and/or stroke, inscribed in x, y, w, h */
	BOX_DEBUG,	/* --debug-boxes: a frame's or block's outline, its
			   name as a small layout; painted last */
	BOX__MAX
};

struct box {
	enum box_kind	 kind;
	double		 x, y, w, h;	/* [pt] from the page's top left */
	const char	*label;		/* frame or block name, for the dump */
	bool		 of_frame;	/* DEBUG: a frame's outline (label at
					   the top right), not a block's (top
					   left) */
	struct color	 fill;		/* RECT, ELLIPSE; TEXT: the text
					   colour */
	struct color	 stroke;	/* RECT, ELLIPSE; LINE: its colour;
					   QR: the ground behind it */
	double		 stroke_width;	/* RECT, LINE, ELLIPSE [pt] */
	double		 radius;	/* RECT, IMAGE (rounded) [pt] */
	PangoLayout	*layout;	/* TEXT, owned by the page */
	int		 line_first;	/* TEXT: a fragment draws only the */
	int		 line_end;	/*   layout's lines [first, end), line
					   first's top at y; end 0: all */
	/* What it is in a tagged PDF (0: an artifact), and whether it goes
	 * on with the element of the box before it (a justified
	 * paragraph's lines after its first, a placeholder's initial). */
	enum stag	 tag;
	int		 rank;		/* its frame's reading rank */
	bool		 tag_cont;
	bool		 tag_list;	/* LBODY: the first item of a list */
	const char	*lang;		/* its element's language, or NULL */
	char		*alt;		/* FIGURE: its text, owned by the page */
	struct image	*image;		/* IMAGE, owned by the image cache */
	char		*uri;		/* TEXT: a link, owned by the page */
	struct qr	*qr;		/* QR, owned by the page */
	enum fit	 fit;		/* IMAGE */
	double		 focus_x;	/* IMAGE: the point kept in view, */
	double		 focus_y;	/*   0..1 of its width, height */
	enum mask	 mask;		/* IMAGE */

	/* Where the box came from and how its text was set, for the dump. */
	const struct ynode *src;	/* the mapping of the block that made
					   it (of the frame for a frame's
					   fill or outline) */
	const char	*font;		/* TEXT: the style's family list */
	int		 weight;	/* TEXT: 100..1000 */
	double		 size;		/* TEXT [pt]: as set, after fitting */
	double		 fit_min;	/* TEXT [pt]: the block's fit range, */
	double		 fit_max;	/*   or both 0 */
};

/*
 * Where a page's flow goes on, on its next continuation page: made by
 * layout_page, read by the next part's (opaque: src/flow.h).
 */
struct layout_rest;

struct lpage {
	const struct page_spec	*spec;
	const struct ynode	*record;	/* the first, or NULL */
	const char		*name;		/* output stem: id, page name, or
						   page name-sheet for N-up */
	char			*name_buf;	/* owns name when made */
	char			*outline;	/* outline title, or NULL */
	int			 number;	/* 1-based in the document */
	double			 width, height;	/* [pt] the trim */
	double			 bleed;		/* [pt] past the trim, or 0 */
	double			 offset;	/* [pt] trim from the media's edge:
						   bleed and room for marks */
	bool			 crop_marks;
	bool			 debug;		/* has BOX_DEBUG boxes */
	struct color		 background;
	struct box		*boxes;
	size_t			 n, cap;
	struct layout_rest	*rest;		/* the flow goes on from here
						   (the page's continue-page,
						   or a continuation's), or
						   NULL */
};

/* Room past the bleed for crop marks [pt] (8mm). */
#define LAYOUT_SLUG	(8 * 72 / 25.4)

/* What layout needs besides the page: shared, read-only while used. */
struct layout_ctx {
	const struct spec	*spec;
	const struct data	*data;
	PangoContext		*pango;
	struct image_cache	*images;	/* shared, not thread-safe */
	const struct confine	*confine;	/* where images may be */
	bool			 debug;		/* --debug-boxes */
	bool			 tagged;	/* into a tagged PDF: an empty alt
						   text is a warning, */
	bool			 ua;		/*   an error for PDF/UA-1 */
};

/* A page to lay out (as pages.h's struct page says it). */
struct layout_job {
	const struct page_spec	*ps;		/* for part > 1 a continuation
						   page */
	const struct ynode *const *records;	/* nrec, none for a page made
						   once, up to ps->per_page
						   (one per slot) */
	int			 nrec;
	int			 sheet;		/* the sheet-th of its spec */
	int			 number, count;	/* page number of count */
	int			 part;		/* 1, or the continuation's 2,
						   3, … */
	const struct layout_rest *from;		/* part > 1: where its flow
						   begins */
	bool			 count_only;	/* lay out only the flow that
						   leaves the page (its rest
						   is all that is wanted) */
};

/*
 * Lays out job j.  Reports overflow and missing glyphs to d.  Never
 * NULL; free with lpage_free().
 */
struct lpage	*layout_page(const struct layout_ctx *,
		    const struct layout_job *j, struct diag *d);

void		 lpage_free(struct lpage *);

/* Whether the flow of page p goes on no further than rest r, where it
 * began (a continuation page that placed nothing). */
bool		 layout_rest_same(const struct layout_rest *r,
		    const struct lpage *p);
void		 layout_rest_free(struct layout_rest *);

/*
 * Writes a deterministic text dump of the page's boxes, one line each
 * (`kind ['name'] x y w h @line:col`, then for text the font, weight,
 * size, colour, fit range, faces drawn and its lines); docs/layout.md
 * describes it.
 */
void		 lpage_dump(const struct lpage *, FILE *);

#endif
