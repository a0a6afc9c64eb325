/*
 * Line-break rules for Korean text, as Pango attributes: keep-all word
 * breaking and the klreq punctuation rules (금칙), applied to one
 * paragraph before it is wrapped.
 */
#ifndef BREAKS_H
#define BREAKS_H

#include <stdbool.h>

#include <pango/pango.h>

/*
 * Keep-all: a word attribute over every space-delimited word of text
 * that is no wider than width [pt] alone.  adv[i] is the advance of
 * text's first i bytes in Pango units (text_advances()), so a word
 * [a, b) is adv[b] - adv[a] wide; NULL when every word is known to fit.
 */
void	breaks_keep_all(PangoAttrList *, const int *adv, const char *text,
	    double width);

/*
 * Forbids the breaks klreq forbids, in both breaking modes: before a
 * closing bracket or quote, · : ; . , ? ! or a dash (no such line head);
 * after an opening bracket or quote (no such line end); inside a digit
 * run with its $, %, commas and points ($1,000, 35%, 3.5), "……" and
 * "——".  These attributes come after the word ones, so they win.
 */
void	breaks_punctuation(PangoAttrList *, const char *text);

/* The rules as predicates, for tests: c may not start / end a line. */
bool	breaks_no_head(gunichar c);
bool	breaks_no_end(gunichar c);

#endif
