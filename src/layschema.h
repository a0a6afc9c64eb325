/*
 * `brochure schema`: a JSON Schema (draft-07) of layout files, for
 * editors (yaml-language-server, VS Code's YAML extension) to complete
 * keys and flag a misspelt one as the layout is typed.  It is built
 * from the parse tables themselves (spec.c, block.c, style.c, spans.c,
 * theme.c), so that it cannot drift from what `check` accepts.
 */
#ifndef LAYSCHEMA_H
#define LAYSCHEMA_H

#include "diag.h"

/*
 * The schema as JSON text: two-space indentation, a key a line, the
 * same bytes on every run; the caller g_free()s it.  NULL after an
 * error to d when the tables disagree: a key of a parse table with no
 * entry in layschema.c's table, or an entry for a key no parse table
 * has (so a key added to the parser and not to the schema fails the
 * unit test and the command).
 */
char	*layschema_json(struct diag *d);

#endif
