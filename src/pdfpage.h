/*
 * A laid-out page as PDF (pdfpage.c): on the worker that laid it out,
 * its boxes become a content stream (deflated there) and the list of
 * what it uses: fonts (with their glyphs), images, opacities, links.
 * The result is plain data, no Pango or cairo in it, that the main
 * thread writes into the document in page order (out_pdfn.c).  The
 * drawing follows paint.c box by box, so a page looks the same in
 * the PDF as in a PNG.
 */
#ifndef PDFPAGE_H
#define PDFPAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct lpage;
struct pdffont_use;
struct pdfimg;

struct pdflink {
	double		 x, y, w, h;	/* [pt] from the media's top left */
	char		*uri;
};

/*
 * Content drawn alike on many pages (a QR code of the same link): a
 * Form XObject the document writes once, by key.
 */
struct pdfform {
	char		*key;
	double		 w, h;		/* its /BBox [0 0 w h] */
	unsigned char	*content;	/* deflated */
	size_t		 len;
};

struct pdfpage {
	double			 w, h;		/* the media [pt] */
	double			 offset;	/* trim from the media's edge */
	double			 bleed;		/* [pt] past the trim, or 0 */
	unsigned char		*content;	/* deflated */
	size_t			 len;
	struct pdffont_use	*fonts;		/* /F0, /F1, … */
	size_t			 nfonts;
	struct pdfimg		**images;	/* /Im0, /Im1, … */
	size_t			 nimages;
	struct pdfform		*forms;		/* /Fm0, /Fm1, … */
	size_t			 nforms;
	double			*alphas;	/* /GS0, …: /ca and /CA */
	size_t			 nalphas;
	struct pdflink		*links;
	size_t			 nlinks;
	char			*outline;	/* its outline title, or NULL */
	/* Letters of its text in Hangul and in Latin script, for the
	 * document's language when the layout gives none. */
	long			 hangul, latin;
	bool			 has_record;
};

/*
 * What a worker keeps from page to page: its encoded images, and for
 * each face the character each glyph stands for in the font's own
 * cmap (the least code point that maps to it).
 */
struct pdfpage_cache;

struct pdfpage_cache	*pdfpage_cache_new(void);
void			 pdfpage_cache_free(struct pdfpage_cache *);

/*
 * Page p as PDF, with what cache keeps; NULL if memory ran out or an
 * image could not be encoded (reported to d).
 */
struct pdfpage	*pdfpage_make(const struct lpage *p,
		    struct pdfpage_cache *cache, struct diag *d);
void		 pdfpage_free(struct pdfpage *);

#endif
