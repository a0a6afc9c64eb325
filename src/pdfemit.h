/*
 * What pdfpage.c and pdftext.c share, private to them: the content
 * stream being made for a page, what it uses, the state of its text
 * object, and the few operators both write.
 */
#ifndef PDFEMIT_H
#define PDFEMIT_H

#include <stdbool.h>

#include <glib.h>
#include <pango/pango.h>

#include "diag.h"
#include "pdfpage.h"
#include "spec.h"

struct pdfpage_cache {
	struct pdfimg_cache	*images;
	GHashTable		*chars;		/* "file\nindex" → GHashTable
						   gid + 1 → code point */
};

/* What a text object has set (pdftext.c). */
struct tstate {
	int		 font;		/* /F number set, or -1 */
	double		 tc;		/* character spacing set [em] */
	struct color	 color;		/* fill colour set */
	bool		 colored;
	double		 size;		/* the text matrix's scale, or 0 */
	double		 x, y;		/* its origin [pt], as written */
	double		 line;		/* the baseline asked for [pt] */
	bool		 open;		/* a TJ array is open: */
	GString		*str;		/*   its glyphs not yet written */
	double		 pen;		/*   where the viewer is [pt] */
};

struct emit {
	GString			*s;
	struct pdfpage		*pg;
	GPtrArray		*faces;		/* struct face, by /F number */
	GHashTable		*face_of;	/* "file\nindex" → number + 1 */
	GHashTable		*font_of;	/* PangoFont → number + 2 */
	GArray			*alphas;	/* double */
	GArray			*spots;		/* struct color, by /CS number */
	GArray			*links;		/* struct pdflink */
	GPtrArray		*images;	/* struct pdfimg, by /Im number */
	GArray			*forms;		/* struct pdfform, by /Fm */
	GArray			*marks;		/* struct pdfmark, by MCID */
	bool			 artifact;	/* an artifact is open */
	struct pdfpage_cache	*cache;
	struct diag		*d;
	bool			 failed;
	bool			 bt;		/* in a text object: */
	struct tstate		 ts;		/*   what it has set */
};

/* A number, then a space; an operator, then a line end. */
void	emit_num(struct emit *, double);
void	emit_op(struct emit *, const char *);
/* The colour for filling (rg) or stroking (RG), with its opacity. */
void	emit_color(struct emit *, const struct color *, bool stroke);
void	emit_rect(struct emit *, double x, double y, double w, double h);

/*
 * pdftext.c: layout l's lines [first, end) (end 0: all) as paint.c
 * draws them, its top left at (x, y) [pt], in colour fg unless a span
 * gives another; in the text object open, or a new one.
 */
void	pdftext_layout(struct emit *, PangoLayout *l, double x, double y,
	    int first, int end, const struct color *fg);
/* Ends the text object, if one is open. */
void	pdftext_end(struct emit *);
/* Moves the faces' uses into the page (its /F0, /F1, …). */
void	pdftext_fonts(struct emit *, struct pdfpage *);

#endif
