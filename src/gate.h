/*
 * The gate: inputs loaded and checked against each other before any
 * page is laid out — one path for render, check, watch and the
 * fuzzers.  Past the gate, the data fits every layout and every font a
 * layout names is there.
 */
#ifndef GATE_H
#define GATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct data;
struct fonts;
struct spec;

#define GATE_MAX_LAYOUTS	16

/* A run's inputs, owned: gate_free() frees them. */
struct gate {
	size_t		 n;				/* layouts */
	struct spec	*specs[GATE_MAX_LAYOUTS];
	struct fonts	*fonts[GATE_MAX_LAYOUTS];
	/* The first layout with the same fonts folder: workers make one
	 * font map per set, not per layout. */
	int		 fontset[GATE_MAX_LAYOUTS];
	struct data	*data;
};

/*
 * Loads the n layouts and the data (both, even when one fails, so one
 * run reports the problems of both), checks them against each other
 * (gate_check) and makes each layout's fonts from the bundled folder
 * and its own.  False if an error was reported; g holds what was
 * loaded either way.
 */
bool	gate_load(struct gate *g, const char *data,
	    const char *const *layouts, size_t n, const char *bundled,
	    struct diag *);
void	gate_free(struct gate *g);

/*
 * The cross-checks on loaded inputs: the data against each layout
 * (records, required and unknown fields, data keys one edit from a
 * used one), then each layout's fonts[i] against its styles.  Warnings
 * made errors by --strict do not stop it: the pages may say more.
 * False if d holds an error.
 */
bool	gate_check(const struct spec *const *specs, size_t n,
	    const struct data *, struct fonts *const *fonts, struct diag *);

#endif
