/*
 * Character styles in the layout: `spans:` and the markup of text and
 * list blocks' layout text (markup.h has the syntax).  Inside the layout
 * parser only.
 */
#ifndef SPANS_H
#define SPANS_H

#include "spec.h"

struct spec_parser;

/* Reads the `spans` mapping m into the spec, reporting bad keys. */
/* The keys of a character style, for layschema.c. */
extern const struct schema_keyset	spans_keyset;

void	spans_parse(struct spec_parser *, const struct ynode *m);

/* Checks the tags in text block b's layout text (an error at the
 * template) and sets b->as.text.tagged if it has any. */
void	spans_check_text(struct spec_parser *, struct block *b);

/* The same for list block b's item template (an error at it) and its
 * bullet, a text, at node bullet (or NULL): sets b->as.list.tagged and
 * bullet_tagged. */
void	spans_check_list(struct spec_parser *, struct block *b,
	    const struct ynode *bullet);

#endif
