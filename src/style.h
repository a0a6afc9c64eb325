/*
 * Text style parsing (the model struct is in spec.h).
 */
#ifndef STYLE_H
#define STYLE_H

#include "spec.h"

struct arena;

/* What a style is before the layout says anything. */
extern const struct style style_default;

/*
 * Parses the style mapping m named by key.  `find` looks a base style
 * up among those parsed so far.  Reports problems and keeps defaults;
 * never returns NULL.  The style lives in arena a.
 */
struct style	*style_parse(struct arena *a, struct diag *d,
		    const struct ynode *colors, const struct ynode *key,
		    const struct ynode *m,
		    const struct style *(*find)(const void *, const char *),
		    const void *ctx);

/* A weight, 100..1000 or a name (bold), into *out; false after
 * reporting a bad one. */
/* The i-th style key in sorted order, or NULL past the last (for
 * layschema.c). */
const char	*style_key(size_t i);

/* The keyword tables of style keys (weight, align, break, quotes,
 * runts), for layschema.c; the array ends with a NULL name. */
extern const struct schema_keywords style_keywords[];

bool		 style_parse_weight(struct diag *d, const struct ynode *n,
		    int *out);

#endif
