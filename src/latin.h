/*
 * Latin beside Hangul (latin.c), private to text.c: latin-scale and
 * latin-rise over a paragraph's Latin runs, and an even line pitch.
 */
#ifndef LATIN_H
#define LATIN_H

#include <pango/pango.h>

#include "spec.h"

/* Adds the scale and rise of s over each Latin run of text[0, len). */
void		 latin_attrs(PangoAttrList *, const struct style *s,
		    const char *text, int len);

/*
 * Returns l, or a copy of it (l unref'd) whose lines are each exactly
 * the style's line height apart although their runs come from fonts of
 * other heights.  The same lines either way.
 */
PangoLayout	*latin_even_pitch(PangoLayout *l, const struct style *s);

/* From text.c: points to Pango units, clamped; the font of s. */
int		 text_units(double pt);
PangoFontDescription *text_font(const struct style *s);

#endif
