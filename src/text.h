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
	int	unknown_glyphs;	/* characters no font has */
	unsigned int first_unknown; /* the first of them, a code point */
};

/*
 * Lays out text (UTF-8, NFC) in style s, wrapped at width [pt] (or not
 * at all if width <= 0).  The caller unrefs the layout.
 */
PangoLayout	*text_layout(PangoContext *, const struct style *s,
		    const char *text, double width, struct text_metrics *);

#endif
