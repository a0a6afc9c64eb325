/*
 * What a tagged PDF needs of a layout that the format does not ask of
 * every layout (a social card is an image, not a document): alt text
 * for each image, or `decorative: true`; and for a document that
 * claims PDF/UA-1 (--pdf-standard ua-1), its title and language in the
 * layout's metadata.  Warnings, or errors for ua-1.
 */
#ifndef A11Y_H
#define A11Y_H

#include <stdbool.h>

#include "diag.h"

struct spec;

/*
 * Reports what spec lacks to d, for the standards (enum pdf_standard
 * bits) its PDF claims; false if that was an error.  PDF/X-4 and PDF/A
 * need a title too, and their profiles installed.
 */
bool	a11y_check(const struct spec *, unsigned standards, struct diag *d);

#endif
