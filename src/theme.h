/*
 * Themes and parts (theme.c): a layout's `include:` merges in the
 * colours, styles, fonts, page setup, metadata, field lists and parts
 * of other files; `use: NAME` stands for a part.  Resolved on the YAML
 * tree, before spec.c parses it; every node keeps the file and line it
 * was written at, so diagnostics point into the theme.
 */
#ifndef THEME_H
#define THEME_H

#include "schema.h"
#include "ynode.h"

/* Themes including themes, and parts using parts, nest this deep. */
#define THEME_MAX_DEPTH	16

/* The included documents, which the merged tree points into. */
struct theme_set {
	struct ydoc	**docs;
	size_t		  n;
};

/*
 * The root spec.c parses for the layout doc: its own root when it
 * includes nothing and uses no part, else a tree made in doc's arena
 * with the themes merged in (a name in a mapping the layout and a
 * theme both give: the layout's value, at the place the name first
 * came) and every `use` made into its part.  Loads the themes into set
 * (theme_set_free() them after the spec).  NULL after reporting an
 * error: a theme that cannot be read, includes that loop, a `use` of
 * no part.
 */
const struct ynode	*theme_apply(struct ydoc *doc, struct theme_set *set,
			    struct diag *d);

/* Only the parts: every `use` under root's pages made into its part. */
const struct ynode	*theme_use_parts(struct ydoc *doc,
			    const struct ynode *root, struct diag *d);

/* The keys a theme may hold, for layschema.c (a layout's, `pages`
 * refused by name). */
extern const struct schema_keyset	theme_keyset;

void			 theme_set_free(struct theme_set *);

#endif
