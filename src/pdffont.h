/*
 * Fonts of a PDF written by brochure (pdffont.c): each font file (and
 * face in it) a page draws with becomes one Type 0 font, Identity-H,
 * its glyph ids the character codes, embedded at the end of the file
 * as a HarfBuzz subset of the glyphs every page used (hb-subset, glyph
 * ids kept), with exact widths and a ToUnicode map.
 *
 * A page's contents are made on a worker thread (pdfpage.c), which
 * records what it uses of each font as plain data (struct
 * pdffont_use); the main thread adds the uses to the document's fonts
 * in page order, and writes the fonts when the document closes.
 */
#ifndef PDFFONT_H
#define PDFFONT_H

#include <stdbool.h>

#include <glib.h>

#include "diag.h"

struct pdfw;

struct pdfglyph {
	unsigned int	 gid;		/* the glyph id, in the font file */
	double		 width;		/* its advance [1/1000 em], as the
					   font's hmtx (or CFF) gives it */
	char		*text;		/* the characters it stands for
					   (UTF-8; "" for the second glyph
					   of a cluster), owned */
};

/* What one page uses of one face: plain data, any thread. */
struct pdffont_use {
	char		*file;		/* the font file, owned */
	int		 index;		/* the face in it */
	GArray		*glyphs;	/* struct pdfglyph, each gid once */
};

/* Frees what u holds (its file name, its glyphs), not u itself. */
void		 pdffont_use_free(struct pdffont_use *u);

/* The fonts of one document (main thread). */
struct pdffonts;

struct pdffonts	*pdffonts_new(void);
void		 pdffonts_free(struct pdffonts *);

/*
 * The object number of the font for u's face (reserved in w at the
 * face's first use), u's glyphs added to it; a glyph's first text
 * stands.
 */
int		 pdffonts_add(struct pdffonts *, struct pdfw *w,
		    const struct pdffont_use *u);

/*
 * Writes every font added: the Type 0 font, its CIDFont with /W, the
 * descriptor, the subset font file (FontFile2 for TrueType outlines,
 * FontFile3 /OpenType for CFF) and the ToUnicode CMap.  In the order
 * the faces were first used, so the same pages give the same bytes.
 * False, reported to d, if a font file cannot be read or subset.
 */
bool		 pdffonts_write(struct pdffonts *, struct pdfw *w,
		    struct diag *d);

#endif
