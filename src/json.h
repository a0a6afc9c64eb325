/*
 * JSON written by hand: the manifest, --diagnostics json and the
 * Code Quality report (--report) hold only strings, numbers, arrays
 * and objects, so a string's escaping is all they need.
 */
#ifndef JSON_H
#define JSON_H

#include <glib.h>

/* Appends v as a JSON string, escaped as RFC 8259 says; NULL as null. */
void	json_str(GString *, const char *v);

#endif
