/*
 * Quotes: straight ' and " curled into ‘ ’ “ ” for a style that asks
 * (`quotes: typographic`), after templates are expanded and before
 * layout; and the notes `check` gives on the quotes in the data.
 */
#ifndef QUOTES_H
#define QUOTES_H

#include <stddef.h>

#include "diag.h"
#include "ynode.h"

struct spec;

/*
 * text (UTF-8) with every straight quote curled by its context: ' and "
 * open (‘ “) at the start, after a space and after an opening bracket,
 * quote or dash, and close (’ ”) everywhere else, which also makes the
 * apostrophe of don't a ’.  NULL if text holds no straight quote;
 * otherwise the caller g_free()s the result.
 */
char	*quotes_curl(const char *text);

/*
 * Notes (advice: no warning, no error, --strict passes) on the quotes of
 * every text of the data under root, at the text's node, if a style of
 * one of the n layouts curls quotes (a layout that sets them as written
 * shows them as written): a quote opened and never closed, a closing
 * quote that closes none, and a space between a closing quote and a
 * particle such as 라고, which lets the particle begin a line.
 * Straight quotes are read as quotes_curl() curls them, so ‘…' is a
 * pair.  At most five notes a text.
 */
void	quotes_check(const struct spec *const *specs, size_t n,
	    const struct ynode *root, struct diag *d);

#endif
