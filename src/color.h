/*
 * Colours that come from the data: a layout's colour key holding a
 * template (`fill: "{{accent}}"`, struct spec_color) is expanded per
 * record and read as '#rgb', '#rrggbb', '#rrggbbaa' or a name from the
 * layout's `colors`.  The data is checked up front (color_check), so
 * `check` reports a bad colour where the data gives it; layout then
 * only expands.
 */
#ifndef COLOR_H
#define COLOR_H

#include <stdbool.h>

#include "diag.h"
#include "spec.h"
#include "template.h"

struct data;

/* True if n is a scalar holding a template ("{{"). */
bool	color_is_template(const struct ynode *n);

/* Reads text as '#rgb', '#rrggbb', '#rrggbbaa' or a name of colors. */
bool	color_parse(const struct ynode *colors, const char *text,
	    struct color *out);

enum color_got {
	COLOR_SET,	/* *out is the key's colour */
	COLOR_MISSING,	/* a field of the template is missing or empty */
	COLOR_BAD,	/* its text is no colour */
};

/*
 * The colour of c in scope: its value (no template: COLOR_SET at no
 * cost), or its template expanded and read.  On COLOR_MISSING and
 * COLOR_BAD *out is c->value, the key's default.  v gets the expansion
 * for a message; the caller tval_clear()s it.
 */
enum color_got	color_get(const struct spec_color *c,
		    const struct ynode *colors, const struct scope *,
		    struct color *out, struct tval *v, struct diag *d);

/*
 * Reports v, the expansion of c's template, as no colour: at the data
 * node that gave it, " (where)" added unless where is NULL.
 */
void	color_report(struct diag *, const struct spec_color *c,
	    const struct tval *v, const char *where);

/*
 * Expands every colour template of the layout for every record of the
 * lists its pages go through (the document's fields once for pages
 * made once) and reports each data value that is no colour, once.
 * False on an error.
 */
bool	color_check(const struct spec *, const struct data *, struct diag *);

#endif
