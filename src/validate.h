/*
 * Cross checks of a layout against the data and the fonts, after each
 * has been validated on its own: fields that no record has, font
 * families that no bundled font has.
 */
#ifndef VALIDATE_H
#define VALIDATE_H

#include <stdbool.h>

#include "diag.h"

struct data;
struct spec;

/*
 * Warns at each template that names a field the data has nowhere and
 * the layout does not list under `optional` (a likely typo).
 */
void	validate_fields(const struct spec *, const struct data *,
	    struct diag *);

/*
 * Warns at each data key that no layout of specs uses and that is one
 * edit from a key one of them uses at the same place ("keywrod" beside
 * "keyword"): a typo in the data is never silent.  Checks the document
 * level and the records of the lists the layouts' pages go through.
 */
void	validate_keys(const struct spec *const *specs, size_t nspecs,
	    const struct data *, struct diag *);

/*
 * Reports an error at each style whose font family is not among the
 * fonts; has_family answers for one family name.  False on an error.
 */
bool	validate_fonts(const struct spec *,
	    bool (*has_family)(void *, const char *), void *ctx,
	    struct diag *);

#endif
