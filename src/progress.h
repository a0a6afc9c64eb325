/*
 * Progress on a terminal: one line redrawn in place on stderr with the
 * count, a bar, the rate and the time left; never in a pipe, under CI
 * or with --quiet.  And the closing summary, wherever stderr goes.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

struct progress;

/* total items of `unit` ("images", "pages"); live: draw the bar. */
struct progress	*progress_new(FILE *, int total, const char *unit,
		    bool live);
/* done items so far; redraws at most ten times a second. */
void		 progress_step(struct progress *, int done);
/* Wipes the bar (before a message is printed; it comes back). */
void		 progress_clear(struct progress *);
/* Seconds since progress_new(). */
double		 progress_elapsed(const struct progress *);
/* Seconds on a monotonic clock, from some fixed point. */
double		 progress_clock(void);
void		 progress_free(struct progress *);

/* Whether stderr is a terminal worth drawing on (not CI, not dumb). */
bool		 progress_wanted(FILE *);

#endif
