/*
 * Text: one paragraph of a style → a PangoLayout in points, with Korean
 * word breaking (keep-all), absolute line height and letter spacing.
 */
#ifndef TEXT_H
#define TEXT_H

#include <pango/pango.h>

#include "spec.h"

struct text_metrics {
	double	width;		/* widest line [pt] */
	double	height;		/* lines × line height [pt] */
	int	lines;
	int	unknown_glyphs;	/* characters no font draws */
	unsigned int first_unknown; /* the first of them, a code point */
	char	font_error[320];	/* a font that could not be loaded,
					   and why; "" if none */
};

/*
 * Lays out text (UTF-8, NFC) in style s, wrapped at width [pt] (or not
 * at all if width <= 0), with the break rules of breaks.c and, unless
 * the style allows them, no runt.  Justified styles come out ragged
 * here: text_justify() sets the lines.  The caller unrefs the layout.
 */
PangoLayout	*text_layout(PangoContext *, const struct style *s,
		    const char *text, double width, struct text_metrics *);

/*
 * Justifies the lines of l (from text_layout() with the same style and
 * width): returns their number and sets *lines to that many one-line
 * layouts, every one but the last flush at both edges unless its word
 * gaps would pass s->max_gap.  Line i goes i line heights below the
 * first.  The caller unrefs each and g_free()s the array.
 */
int		 text_justify(PangoContext *, const struct style *s,
		    PangoLayout *l, double width, PangoLayout ***lines);

#endif
