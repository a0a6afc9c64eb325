/*
 * Schema helpers for the layout's closed YAML schema: each reads one
 * node as a typed value, or reports at the node what was expected and
 * returns false, leaving the output untouched (a safe default stays).
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "units.h"
#include "ynode.h"

/* A keyword and its value, in tables sorted by name. */
struct keyword {
	const char	*name;
	int		 value;
};

/*
 * A parse table by name, for `brochure schema` (layschema.c), which
 * builds the layout's JSON Schema from the tables that drive parsing:
 * a map's keys (sorted, as schema_keys() takes them), or a keyword
 * table.  Arrays of them end with an entry whose name is NULL.
 */
struct schema_keyset {
	const char		*name;		/* "frame" */
	const char *const	*keys;
	size_t			 n;
};
struct schema_keywords {
	const char		*name;		/* "valign" */
	const struct keyword	*table;
	size_t			 n;
};

/*
 * Reports every key of map m that is not in the sorted list keys[n],
 * with "did you mean ...?" when one is close.  `what` names the map
 * ("a style").  False if m is not a mapping or a key is unknown.
 */
bool	schema_keys(struct diag *, const struct ynode *m,
	    const char *const keys[], size_t n, const char *what);

/* The closest of names[n] to s within a small edit distance, or NULL. */
const char	*schema_suggest(const char *s, const char *const names[],
		    size_t n);
/* The same among the keys of mapping m. */
const char	*schema_suggest_key(const char *s, const struct ynode *m);

bool	schema_text(struct diag *, const struct ynode *, const char *what,
	    const char **out);
/* Lengths beyond 200in either way are errors (so are em values past
 * 10em, checked where em is allowed). */
#define SCHEMA_MAX_LENGTH	14400.0	/* [pt] */
#define SCHEMA_MAX_EM		10.0
bool	schema_length(struct diag *, const struct ynode *, const char *what,
	    double em_size, bool negative_ok, double *out);
/* 1, 2 or 4 lengths, CSS order: top right bottom left. */
bool	schema_box(struct diag *, const struct ynode *, const char *what,
	    double out[4]);
bool	schema_number(struct diag *, const struct ynode *, const char *what,
	    double lo, double hi, double *out);
/* "#rrggbb" or a name from the colours mapping (may be NULL). */
bool	schema_color(struct diag *, const struct ynode *colors,
	    const struct ynode *, const char *what, struct color *out);
bool	schema_keyword(struct diag *, const struct ynode *, const char *what,
	    const struct keyword *table, size_t count, int *out);

#endif
