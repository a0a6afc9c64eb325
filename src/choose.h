/*
 * Choices of the layout: whether a block's or frame's `if` and `unless`
 * hold for a record, and which alternative of each first-fit block a
 * frame draws.  Between the spec and the layout; no Pango: the layout
 * lays its frame out through a callback.
 */
#ifndef CHOOSE_H
#define CHOOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "spec.h"
#include "template.h"

/* A first-fit block and the alternative decided for it. */
struct choice {
	const struct block	*b;
	int			 pick;
};

/*
 * The choices of the frame being laid out; all zero to begin with,
 * choose_clear() after each frame.
 */
struct choices {
	const struct block	*open;	/* the first-fit block being tried, */
	int			 trial;	/*   at this alternative */
	const struct block	*next;	/* the first undecided one met in the
					   last layout that has a later
					   alternative, */
	int			 next_pick; /* and the one it drew */
	struct choice		*decided;
	size_t			 ndecided, cap;
};

/*
 * True if the `if` tests (if_node, or NULL for none) hold, one of them
 * at least, and none of the `unless` tests (unless_node, or NULL).
 */
bool	choose_holds(const struct scope *, const struct ynode *if_node,
	    const struct ynode *unless_node);

/*
 * The alternative of first-fit block b to draw in this layout of the
 * frame: decided, being tried, or else its first whose if and unless
 * hold.  -1 if none holds.
 */
int	choose_pick(struct choices *, const struct block *b,
	    const struct scope *);

/*
 * Decides the first-fit blocks of a frame.  lay(arg) lays the frame
 * out with the picks choose_pick() gives and says whether it fits
 * (the layout's test: no overflow, max-lines kept, no text cut).
 * The first layout draws every first-fit block's first alternative; if
 * it does not fit, the first block met with more alternatives tries
 * them in order, until the frame fits or its last is decided, then the
 * next such block the same way.  So lay runs at most 1 + the number of
 * alternatives in the frame, less one per first-fit block.  The
 * decisions stay in c for the layout to draw with.
 */
void	choose_frame(struct choices *, const struct scope *,
	    bool (*lay)(void *), void *arg);

/* Forgets the decisions and frees their memory. */
void	choose_clear(struct choices *);

/*
 * Lays row b out at x, width w [pt]: column(arg, i, x, w) lays column
 * i out and returns its height (0 or less: left out).  Fixed widths
 * (lengths in weights) first, then the weighted columns share what is
 * left after them and the gaps.  With collapse, when a column is left
 * out, rewind(arg) takes the row back and it is laid out once more
 * with that column's width and gap given to the others (what is left
 * out does not depend on width, so once is enough).  Returns the
 * height, 0 or less if nothing was drawn; no room for the columns is
 * an error to d, its lengths written in unit u.
 */
double	choose_row(const struct block *b, double x, double w, struct diag *d,
	    enum unit u, double (*column)(void *, size_t i, double x, double w),
	    void (*rewind)(void *), void *arg);

#endif
