/*
 * Schema helpers: typed reads of layout nodes with one clear message at
 * the node when the value is wrong, and key checks with suggestions
 * ("unknown key 'line-hieght' in a style; did you mean 'line-height'?").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "schema.h"

/*
 * Edit distance with swaps of two neighbours counting as one edit
 * ("txet" is one edit from "text"), bounded: keys here are short.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[64][64];

	if (la >= 64 || lb >= 64)
		return 64;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *
schema_suggest(const char *s, const char *const names[], size_t n)
{
	size_t i, best = (size_t)-1, d, limit;
	const char *found = NULL;

	limit = strlen(s) <= 4 ? 1 : strlen(s) <= 8 ? 2 : 3;
	for (i = 0; i < n; i++) {
		d = distance(s, names[i]);
		if (d <= limit && d < best) {
			best = d;
			found = names[i];
		}
	}
	return found;
}

const char *
schema_suggest_key(const char *s, const struct ynode *m)
{
	const char **names = g_new(const char *, m->n + 1);
	const char *near;
	size_t i;

	for (i = 0; i < m->n; i++)
		names[i] = m->pairs[i].key->str;
	near = schema_suggest(s, names, m->n);
	g_free(names);
	return near;
}

static int
cmp_key(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

bool
schema_keys(struct diag *d, const struct ynode *m,
    const char *const keys[], size_t n, const char *what)
{
	bool ok = true;
	size_t i;

	if (m->kind != YNODE_MAP) {
		diag_error(d, &m->pos, "%s must be a mapping, not %s", what,
		    ynode_kind_name(m));
		return false;
	}
	for (i = 0; i < m->n; i++) {
		const struct ynode *k = m->pairs[i].key;
		const char *near;

		if (bsearch(k->str, keys, n, sizeof(keys[0]), cmp_key))
			continue;
		near = schema_suggest(k->str, keys, n);
		if (near != NULL)
			diag_error(d, &k->pos, "unknown key '%s' in %s; "
			    "did you mean '%s'?", k->str, what, near);
		else
			diag_error(d, &k->pos, "unknown key '%s' in %s",
			    k->str, what);
		ok = false;
	}
	return ok;
}

bool
schema_text(struct diag *d, const struct ynode *n, const char *what,
    const char **out)
{
	if (n->kind != YNODE_SCALAR || ynode_is_null(n)) {
		diag_error(d, &n->pos, "%s must be a text, not %s", what,
		    ynode_kind_name(n));
		return false;
	}
	*out = n->str;
	return true;
}

bool
schema_length(struct diag *d, const struct ynode *n, const char *what,
    double em_size, bool negative_ok, double *out)
{
	double v;

	if (n->kind != YNODE_SCALAR ||
	    !units_parse_length(n->str, em_size, &v)) {
		diag_error(d, &n->pos, "%s must be a length with a unit "
		    "(%s%s), not '%s'", what, units_list,
		    em_size > 0 ? ", em" : "",
		    n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n));
		return false;
	}
	if (v < 0 && !negative_ok) {
		diag_error(d, &n->pos, "%s must not be negative", what);
		return false;
	}
	if (fabs(v) > SCHEMA_MAX_LENGTH) {
		diag_error(d, &n->pos, "%s must be at most 200in (%gpt) either "
		    "way", what, SCHEMA_MAX_LENGTH);
		return false;
	}
	*out = v;
	return true;
}

bool
schema_box(struct diag *d, const struct ynode *n, const char *what,
    double out[4])
{
	double v[4];
	size_t i, count;

	if (n->kind == YNODE_SCALAR) {
		if (!schema_length(d, n, what, 0, false, &v[0]))
			return false;
		out[0] = out[1] = out[2] = out[3] = v[0];
		return true;
	}
	count = n->kind == YNODE_SEQ ? n->n : 0;
	if (count != 2 && count != 4) {
		diag_error(d, &n->pos, "%s must be one length, or a list of "
		    "2 (vertical, horizontal) or 4 (top, right, bottom, left)",
		    what);
		return false;
	}
	for (i = 0; i < count; i++)
		if (!schema_length(d, n->items[i], what, 0, false, &v[i]))
			return false;
	if (count == 2) {
		v[2] = v[0];
		v[3] = v[1];
	}
	memcpy(out, v, sizeof(v));
	return true;
}

bool
schema_number(struct diag *d, const struct ynode *n, const char *what,
    double lo, double hi, double *out)
{
	double v;

	if (n->kind != YNODE_SCALAR || !units_parse_factor(n->str, &v) ||
	    strchr(n->str, '%') != NULL) {
		diag_error(d, &n->pos, "%s must be a number", what);
		return false;
	}
	if (v < lo || v > hi) {
		diag_error(d, &n->pos, "%s must be between %g and %g", what,
		    lo, hi);
		return false;
	}
	*out = v;
	return true;
}

bool
schema_color(struct diag *d, const struct ynode *colors,
    const struct ynode *n, const char *what, struct color *out)
{
	const struct ynode *named;

	if (n->kind == YNODE_SCALAR) {
		if (units_parse_color(n->str, out))
			return true;
		if (strcmp(n->str, "none") == 0) {
			memset(out, 0, sizeof(*out));
			return true;
		}
		named = ynode_get(colors, n->str);
		if (named != NULL) {
			/* A bad entry was reported where it is defined. */
			return named->kind == YNODE_SCALAR &&
			    units_parse_color(named->str, out);
		}
		if (colors != NULL && colors->kind == YNODE_MAP) {
			const char *near = schema_suggest_key(n->str, colors);

			if (near != NULL) {
				diag_error(d, &n->pos, "%s '%s' is not in "
				    "'colors'; did you mean '%s'?", what,
				    n->str, near);
				return false;
			}
		}
	}
	if (n->kind == YNODE_SCALAR && n->plain && *n->str == '\0') {
		/* color: #16181f — YAML read a comment, and no value. */
		diag_error(d, &n->pos, "%s is empty: in YAML ' #' starts a "
		    "comment, so quote a colour: \"#16181f\"", what);
		return false;
	}
	diag_error(d, &n->pos, "%s must be a colour (" UNITS_COLOR_FORMS
	    "), 'none' or a name from 'colors', not '%s'%s", what,
	    n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n),
	    n->kind == YNODE_SCALAR ? units_color_hint(n->str) : "");
	return false;
}

static int
cmp_keyword(const void *k, const void *e)
{
	return strcmp(k, ((const struct keyword *)e)->name);
}

bool
schema_keyword(struct diag *d, const struct ynode *n, const char *what,
    const struct keyword *table, size_t count, int *out)
{
	const struct keyword *k = NULL;
	GString *list;
	size_t i;

	if (n->kind == YNODE_SCALAR)
		k = bsearch(n->str, table, count, sizeof(*table), cmp_keyword);
	if (k != NULL) {
		*out = k->value;
		return true;
	}
	list = g_string_new(NULL);
	for (i = 0; i < count; i++)
		g_string_append_printf(list, "%s%s", i ? ", " : "",
		    table[i].name);
	diag_error(d, &n->pos, "%s must be one of %s, not '%s'", what,
	    list->str, n->kind == YNODE_SCALAR ? n->str : ynode_kind_name(n));
	g_string_free(list, TRUE);
	return false;
}
