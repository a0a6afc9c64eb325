/*
 * Line-break rules for Korean text, as Pango attributes: keep-all word
 * breaking and the klreq punctuation rules (금칙), applied to one
 * paragraph before it is wrapped.
 */
#ifndef BREAKS_H
#define BREAKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pango/pango.h>

/*
 * One rule over text[start, end): a word (keep-all) or a glue (no break
 * inside).  The rules of a paragraph are collected in a GArray of these
 * and turned into Pango attributes at once by breaks_apply().
 */
struct breaks_rule {
	guint	start, end;	/* byte indices */
	bool	word;		/* a word attribute, else allow_breaks(FALSE) */
};

/*
 * Keep-all: a word rule over every space-delimited word of text that is
 * no wider than width [pt] alone.  adv[i] is the advance of text's
 * first i bytes in Pango units (64 bits: a long word set large passes
 * INT_MAX), so a word [a, b) is adv[b] - adv[a] wide; NULL when every
 * word is known to fit.  Appends to rules.
 */
void	breaks_keep_all(GArray *rules, const int64_t *adv, const char *text,
	    double width);

/*
 * Forbids the breaks klreq forbids, in both breaking modes: before a
 * closing bracket or quote, · : ; . , ? ! or a dash (no such line head);
 * after an opening bracket or quote (no such line end); inside a digit
 * run with its $, %, commas and points ($1,000, 35%, 3.5), "……" and
 * "——", and on either side of a no-break space or word joiner.  These attributes come after the word ones, so they win.
 */
void	breaks_punctuation(GArray *rules, const char *text);

/*
 * Inserts rules (from the two functions above, in that order) into
 * attrs as Pango attributes, in order of their start, with the glues
 * that overlap merged into one where that leaves every break as it
 * was.  Sorts rules in place.
 */
void	breaks_apply(PangoAttrList *attrs, GArray *rules, const char *text);

/*
 * Whether c is a space a line may break at: not the no-break spaces
 * U+00A0, U+2007 and U+202F, which g_unichar_isspace() counts, but
 * U+3000.  Words are what these spaces delimit.
 */
bool	breaks_is_space(gunichar c);

/* Whether c joins its neighbours: a no-break space, U+2060, U+FEFF. */
bool	breaks_is_joiner(gunichar c);

/*
 * The particle a quotation takes when it is set off by a space, at p:
 * "‘…하는구나!’ 라고 생각했어요", "“좋아요” 하고 답했다".  One of 라고
 * 라는 라며 이라고 이라는 이라며 하고 하며 starting a word, or 고 as a
 * word of its own.  breaks_punctuation() keeps a closing quote, the
 * spaces after it and such a particle on one line.  Returns the
 * particle's length in bytes, or 0.
 */
size_t	breaks_particle(const char *p);

/* The rules as predicates, for tests: c may not start / end a line. */
bool	breaks_no_head(gunichar c);
bool	breaks_no_end(gunichar c);

#endif
