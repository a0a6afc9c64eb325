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
#include "spec.h"

struct lpage;
struct pdffont_use;
struct pdfimg;

struct pdflink {
	double		 x, y, w, h;	/* [pt] from the media's top left */
	char		*uri;
	char		*text;		/* its text, or NULL */
};

/*
 * A marked-content sequence of the page, for the structure tree: its
 * MCID is its index.  What it is, whether it goes on with the element
 * of the one before it, and what that element says.
 */
struct pdfmark {
	enum stag	 tag;		/* never STAG_NONE */
	int		 rank;		/* its frame's in the reading order */
	bool		 cont;
	bool		 list;		/* LBODY: the first item of a list */
	int		 link;		/* in links: its element's link, or -1 */
	char		*alt;		/* FIGURE: its text, or NULL */
	const char	*lang;		/* BCP 47 (the spec's), or NULL */
};

/* The structure types of enum stag, as the PDF names them. */
extern const char *const pdf_stag[STAG__MAX];

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
	struct color		*spots;		/* /CS0, …: Separations */
	size_t			 nspots;
	struct pdflink		*links;
	size_t			 nlinks;
	char			*outline;	/* its outline title, or NULL */
	/* Letters of its text in Hangul and in Latin script, for the
	 * document's language when the layout gives none. */
	long			 hangul, latin;
	struct pdfmark		*marks;		/* in reading order */
	size_t			 nmarks;
	bool			 has_record;
	bool			 debug;		/* its --debug-boxes layer */
	int			 rgb;		/* colours it paints in RGB */
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
