/*
 * Block kinds: one descriptor per kind (text, list, image, …), indexed
 * by enum block_kind, holding everything that differs by kind up to
 * the layout: its key, how messages name it, the keys it accepts, the
 * keys that hold templates, and its parse function (block.c).  Every
 * name of a kind in messages, suggestions and --debug-boxes comes from
 * here.  Layout (layout.c) and paint (paint.c) switch on the kind.
 */
#ifndef BLOCK_H
#define BLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"

struct spec_parser;

struct block_kind_desc {
	const char		*name;		/* its key ("text"), and what
						   --debug-boxes and the dump
						   call an unnamed block */
	const char		*what;		/* "an image block" */
	const char *const	*keys;		/* sorted, the common ones
						   (if, name, …) included */
	size_t			 nkeys;
	const char *const	*templates;	/* the keys parsed as templates,
						   in the order parsed */
	size_t			 ntemplates;
	const char		*example;	/* a valid value of the kind's
						   key, as YAML (for tests) */
	bool			 nests;		/* its key holds blocks */
	/* Reads the kind's own keys of mapping m; v is the kind key's
	 * value.  The common keys are read before. */
	void			(*parse)(struct spec_parser *, struct block *,
				    const struct ynode *m,
				    const struct ynode *v);
};

/*
 * Indexed by enum block_kind, in the order messages list the kinds
 * ("one of the keys text, list, image, …").
 */
extern const struct block_kind_desc block_kinds[BLOCK__MAX];

/* The keyword tables of block keys (mask, fit, shows, role, hpos,
 * bool), for layschema.c; the array ends with a NULL name. */
extern const struct schema_keywords block_keywords[];

/*
 * Parses the list of blocks at seq (a frame's `blocks`, a row's or a
 * box's); reports what is wrong and leaves bad blocks out.  The array
 * lives in the parser's arena.
 */
struct block	**block_parse_list(struct spec_parser *,
		    const struct ynode *seq, size_t *count);

/*
 * The `else` of mapping m (a block or a list of them), parsed like a
 * list; an error at the key if m has neither `if` nor `unless`.  NULL
 * and *count 0 without one.
 */
struct block	**block_parse_else(struct spec_parser *,
		    const struct ynode *m, size_t *count);

/* A block (mapping n) or a list of them, as block_parse_list. */
struct block	**block_parse_blocks(struct spec_parser *,
		    const struct ynode *n, size_t *count);

/* True if a block of blocks[n] (at any depth) fits (has a size range)
 * or, unless range, caps its lines. */
bool		 block_any_fit(struct block *const *blocks, size_t n,
		    bool range);

/* True if a first-fit block is among blocks[n], at any depth. */
bool		 block_any_choice(struct block *const *blocks, size_t n);

#endif
