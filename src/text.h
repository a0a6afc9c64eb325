/*
 * Text: one paragraph of a style → a PangoLayout in points, with Korean
 * word breaking (keep-all), absolute line height and letter spacing.
 */
#ifndef TEXT_H
#define TEXT_H

#include <pango/pango.h>

#include "spec.h"

/*
 * The longest paragraph laid out [bytes].  Pango 1.50 applies line-break
 * attributes (one a word under keep-all, one a glued mark) in time that
 * grows with their number times the paragraph's length, and copies
 * them all into every line of an item: a paragraph costs the square of
 * its length in time and memory while it is one PangoLayout.  At
 * 8 KiB (about 2,700 Hangul syllables, more than an A4 page of body
 * text) the worst case measured, a fitted run of 2,700 closing marks (」),
 * takes about two seconds.
 */
#define TEXT_MAX_PARAGRAPH	(8u << 10)

struct text_metrics {
	double	width;		/* widest line [pt] */
	double	height;		/* lines × line height [pt] */
	int	lines;
	int	unknown_glyphs;	/* characters no font draws */
	unsigned int first_unknown; /* the first of them, a code point */
	char	font_error[320];	/* a font that could not be loaded,
					   and why; "" if none */
	size_t	cut;		/* > 0: the text's length [bytes], longer than
				 * TEXT_MAX_PARAGRAPH; only its start was laid out */
};

/*
 * A run of a paragraph in a character style: bytes [start, end) of the
 * text given to text_layout_spans(), with what it changes.
 */
struct text_span {
	const char	*name;		/* its character style's, for the dump */
	int		start, end;
	int		weight;		/* or 0: the style's */
	double		size;		/* [pt], or 0 */
	struct color	color;		/* if has_color */
	struct color	background;	/* if has_background */
	bool		has_color;
	bool		has_background;
};

/*
 * Lays out text (UTF-8, NFC) in style s, wrapped at width [pt] (or not
 * at all if width <= 0), with the break rules of breaks.c and, unless
 * the style allows them, no runt.  Justified styles come out ragged
 * here: text_justify() sets the lines.  A text longer than
 * TEXT_MAX_PARAGRAPH is cut there (at a character), and m->cut says so:
 * the caller reports it.  The caller unrefs the layout.
 */
PangoLayout	*text_layout(PangoContext *, const struct style *s,
		    const char *text, double width, struct text_metrics *);

/*
 * text_layout() with the n spans set as Pango attributes, one each per
 * thing it changes.  The layout keeps them (in its own text's bytes),
 * so that text_justify() sets each line with its part of them.
 */
PangoLayout	*text_layout_spans(PangoContext *, const struct style *s,
		    const char *text, const struct text_span *spans,
		    size_t n, double width, struct text_metrics *);

/*
 * The byte of src (the text given to text_layout) that byte index of
 * layout l's text stands for: they differ where a long word was split
 * with zero-width spaces.
 */
int		 text_source_index(PangoLayout *l, const char *src, int index);

/* How much of text, len bytes, text_layout() lays out: all of it, or
 * its first TEXT_MAX_PARAGRAPH bytes less a split character. */
size_t		 text_cut(const char *text, size_t len);

/* The spans l was laid out with, over its own text (a justified line's
 * over its line), and *n; NULL if none.  l owns them. */
const struct text_span *text_spans(PangoLayout *l, size_t *n);

/*
 * Justifies the lines of l (from text_layout() with the same style and
 * width): returns their number and sets *lines to that many one-line
 * layouts, every one but the last flush at both edges unless its word
 * gaps would pass s->max_gap.  Line i goes i line heights below the
 * first.  The caller unrefs each and g_free()s the array.
 */
int		 text_justify(PangoContext *, const struct style *s,
		    PangoLayout *l, double width, PangoLayout ***lines);

/*
 * Lays out a sample of every script in each family of each of the n
 * styles, on the calling thread, and returns the layouts (g_object_unref
 * each, then g_ptr_array_free): while they live, every cairo font face
 * those styles can reach exists and stays.  See text.c for why.
 */
GPtrArray	*text_warm(PangoContext *, struct style *const *styles,
		    size_t n);

/*
 * Shapes l (a layout made elsewhere, such as a --debug-boxes label)
 * under the lock text_layout() shapes under, so that painting it later
 * shapes nothing.  Pango layouts are shaped one at a time in the
 * process: see text.c.
 */
void		 text_shape(PangoLayout *l);

/*
 * The lock text_layout() shapes under, for any other use of cairo's
 * glyph caches: painting text, finishing a PDF or SVG.  See text.c.
 */
void		 text_lock(void);
void		 text_unlock(void);

/*
 * on: no text is painted through cairo in this run (check, our own PDF
 * writer), so layouts are made on every worker at once, without the
 * lock.  Called before any worker starts.
 */
void		 text_concurrent(bool on);

/*
 * The print colour (CMYK or spot) of item's text, or of its highlight
 * if background, where its span gave one; false if it has none (its
 * RGB, or the box's colour, stands).
 */
bool		 text_print_color(const PangoItem *item, bool background,
		    struct color *c);

/*
 * Whether justified line l (of text_justify) ended at a space, which
 * the line left out: its text for a PDF's reader goes on with one.
 */
bool		 text_space_after(PangoLayout *l);

#endif
