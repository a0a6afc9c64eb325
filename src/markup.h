/*
 * Markup: character styles inside a text, <accent>카카오브레인</accent>.
 * A text with tags → the text without them and the byte ranges each
 * named style covers.  No Pango: text.c turns the ranges into
 * attributes; spans.c checks the layout's templates up front.
 */
#ifndef MARKUP_H
#define MARKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

/* Spans inside one another, at most (a tag deeper is an error). */
#define MARKUP_MAX_DEPTH	8

struct markup_span {
	size_t	start, end;	/* bytes of markup.text, end excluded */
	size_t	style;		/* index in the spans it was parsed with */
};

struct markup {
	char			*text;	/* without tags; g_free()d by */
	struct markup_span	*spans;	/* markup_clear(), in the order */
	size_t			 n;	/* their tags open */
};

/*
 * Parses in: `<name>` opens the character style name (one of the n
 * spans), `</name>` closes it, `<<` is a '<'; a '<' not followed by a
 * letter, '/' or '<' stays as it is.  Spans nest (close the inner one
 * first).  On success fills *out (empty spans are left out).  On an
 * unknown, unbalanced, crossed or unfinished tag returns false, fills
 * nothing and writes the message (no position) into err.
 */
bool	markup_parse(const char *in, const struct span_style *spans,
	    size_t n, struct markup *out, char *err, size_t errlen);
void	markup_clear(struct markup *);

/* s with every '<' doubled, so that markup_parse() reads it as it is;
 * the caller g_free()s it. */
char	*markup_escape(const char *s);

/*
 * Moves m's spans onto to, a text with the same characters, one for
 * one, as m->text but other bytes (quotes curled: ' → ‘), and makes
 * to (g_strdup()ed) m's text.
 */
void	markup_move(struct markup *m, const char *to);

#endif
