/*
 * Overflow accounting: what each block of a frame's flow took, so that
 * an overflow warning can name its cause and the note at the frame can
 * say where the height went.  Filled by layout.c while a frame's flow
 * is laid out (one entry per top-level block, one call per paragraph),
 * read when the flow is taller than the frame.
 */
#ifndef OVERFLOW_H
#define OVERFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "units.h"

struct block;
struct ynode;

/* One top-level block of the flow: a row or box counts as one. */
struct overflow_part {
	const char		*label;	/* block name, else its kind's */
	bool			 named;	/* label is the block's name */
	double			 h;	/* its height, spacing apart [pt] */
	const struct ynode	*src;	/* its paragraph to blame, or NULL
					   (no text: an image, a rule) */
	const char		*field;	/* src's field; NULL: literal text */
	double			 tallest; /* src's height [pt] */
	bool			 crosses; /* src crosses the frame's foot */
};

struct overflow {
	struct overflow_part	*parts;	/* [0, n): the blocks placed */
	size_t			 n, cap;
	int			 level;	/* of the blocks begun: 1 while a
					   top-level one is laid out */
};

/* Forgets the parts (before each trial layout of a frame). */
void	overflow_clear(struct overflow *);
/* Frees the parts' storage; the struct itself is the caller's. */
void	overflow_free(struct overflow *);
/*
 * A block begins: a part of its own at the top level; the paragraphs
 * of the blocks nested in it (a row's, a box's) go to that part.
 */
void	overflow_begin(struct overflow *, const struct block *);
/* The block ends with height h [pt], or was left out (h < 0). */
void	overflow_end(struct overflow *, double h);
/*
 * A paragraph of height h [pt] from src (field NULL: literal text) was
 * placed in the open block; crosses: it ends below the frame's foot.
 */
void	overflow_text(struct overflow *, const struct ynode *src,
	    const char *field, double h, bool crosses);
/* The block that made the flow overflow (see overflow.c), or NULL. */
const struct overflow_part *overflow_cause(const struct overflow *);
/*
 * "frame 'body' has 180.0pt, its flow takes 245.2pt: text 172.8pt
 * (field 'story'), 'name' 25.6pt (field 'name'), rule 1.0pt, spacing
 * 17.0pt", lengths given in pt and written in unit u; g_free() it.
 */
char	*overflow_note(const struct overflow *, const char *frame,
	    enum unit u, double has, double takes);

#endif
