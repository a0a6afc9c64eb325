/*
 * Cross checks between the layout, the data and the fonts.  Field names
 * are checked against every key the data has anywhere (any record, any
 * nesting), which keeps the check simple and free of false alarms while
 * still catching typos such as {{taem}}.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data.h"
#include "schema.h"
#include "spec.h"
#include "template.h"
#include "validate.h"

/*
 * Called for every field path a layout names, at the node naming it, on
 * page ps (NULL: in the metadata).
 */
typedef void	(*path_fn)(void *, const char *path, const struct ynode *at,
		    enum field_scope, const struct page_spec *ps);

/*
 * Calls fn for every field path the layout names, in the order the
 * parser met them: every template and field list is in spec->uses.
 */
static void
each_path(const struct spec *spec, path_fn fn, void *arg)
{
	size_t i, j;

	for (i = 0; i < spec->nuses; i++) {
		const struct field_use *u = spec->uses[i];
		const struct ynode *f = u->fields;

		if (u->tmpl != NULL) {
			for (j = 0; j < u->tmpl->n; j++)
				if (u->tmpl->parts[j].path != NULL)
					fn(arg, u->tmpl->parts[j].path,
					    u->tmpl->node, u->scope, u->page);
		} else if (f->kind == YNODE_SCALAR) {
			fn(arg, f->str, f, u->scope, u->page);
		} else {
			for (j = 0; j < f->n; j++)
				fn(arg, f->items[j]->str, f->items[j],
				    u->scope, u->page);
		}
	}
}

struct fields {
	GHashTable		*keys;		/* every key in the data */
	const struct ynode	*root;
	const struct spec	*spec;
	struct diag		*d;
};

static void
collect_keys(GHashTable *keys, const struct ynode *n, int depth)
{
	size_t i;

	if (n == NULL || depth > 64)
		return;
	if (n->kind == YNODE_MAP) {
		for (i = 0; i < n->n; i++) {
			g_hash_table_add(keys, (gpointer)n->pairs[i].key->str);
			collect_keys(keys, n->pairs[i].val, depth + 1);
		}
	} else if (n->kind == YNODE_SEQ) {
		for (i = 0; i < n->n; i++)
			collect_keys(keys, n->items[i], depth + 1);
	}
}

static bool
is_optional(const struct spec *spec, const char *field)
{
	size_t i;

	for (i = 0; spec->optional != NULL && i < spec->optional->n; i++)
		if (strcmp(spec->optional->items[i]->str, field) == 0)
			return true;
	return false;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A key of the records only, named where only the document is seen. */
static void
check_once(struct fields *f, const char *path, const char *first,
    const struct ynode *at, const struct page_spec *ps)
{
	if (strcmp(first, "page") == 0 || ynode_get(f->root, first) != NULL)
		return;
	if (ps != NULL)
		diag_warning(f->d, &at->pos, "field '%s' is a record's, but "
		    "page '%s' is made once (no 'each'): it prints nothing "
		    "there", path, ps->name);
	else
		diag_warning(f->d, &at->pos, "field '%s' is a record's: it "
		    "prints nothing in the document's metadata", path);
}

/* Checks a dotted path: every name in it must be a key of the data. */
static void
check_path(void *arg, const char *path, const struct ynode *at,
    enum field_scope u, const struct page_spec *ps)
{
	struct fields *f = arg;
	char **segs = g_strsplit(path, ".", -1);
	size_t i;

	if (strcmp(segs[0], "page") == 0 || is_optional(f->spec, path) ||
	    is_optional(f->spec, segs[0]))
		goto once;
	for (i = 0; segs[i] != NULL; i++) {
		if (g_ascii_isdigit(segs[i][0]))
			continue;	/* a list index */
		if (!g_hash_table_contains(f->keys, segs[i])) {
			guint n;
			const char **keys = (const char **)
			    g_hash_table_get_keys_as_array(f->keys, &n);
			const char *near;

			/* Sorted, so the suggestion is the same each run. */
			qsort(keys, n, sizeof(*keys), cmp_str);
			near = schema_suggest(segs[i], keys, n);
			if (near != NULL)
				diag_warning(f->d, &at->pos, "field '%s' is in "
				    "no record; did you mean '%s'?", path,
				    near);
			else
				diag_warning(f->d, &at->pos, "field '%s' is in "
				    "no record and the layout does not list it "
				    "under 'optional' (a typo?)", path);
			g_free(keys);
			g_strfreev(segs);
			return;
		}
	}
once:
	if (u == SCOPE_ONCE && g_hash_table_contains(f->keys, segs[0]))
		check_once(f, path, segs[0], at, ps);
	g_strfreev(segs);
}

void
validate_fields(const struct spec *spec, const struct data *data,
    struct diag *d)
{
	struct fields f = { g_hash_table_new(g_str_hash, g_str_equal),
	    data->doc->root, spec, d };

	collect_keys(f.keys, data->doc->root, 0);
	each_path(spec, check_path, &f);
	g_hash_table_destroy(f.keys);
}

/*
 * Data keys that look like typos: a key that no layout uses, one edit
 * away from a key a layout uses at the same place ("keywrod" beside
 * "keyword", "link.lable" beside "link.label").  The keys used are
 * every prefix of every field path of every layout ("link",
 * "link.url"), list indexes left out, with "id" and the record lists.
 */
/* What the data says of a key a layout uses. */
enum found {
	FOUND_IN_DATA = 1,	/* a key of the data (somewhere) */
	FOUND_OPTIONAL,		/* in no record, but listed as optional */
	FOUND_NOWHERE,		/* a likely typo in the layout, reported by
				   validate_fields(): no suggestion */
};

struct keys {
	GHashTable		*used;		/* path → enum found */
	GHashTable		*data;		/* every key in the data */
	const struct spec	*spec;		/* the one being walked */
	const char		**sorted;	/* used, sorted: suggestions are
						   the same each run */
	guint			 nsorted;
	GHashTable		*near;		/* path → suggestion or "" */
	struct diag		*d;
};

static void
add_used(void *arg, const char *path, const struct ynode *at,
    enum field_scope u, const struct page_spec *ps)
{
	struct keys *k = arg;
	char **segs = g_strsplit(path, ".", -1);
	GString *p = g_string_new(NULL);
	bool in_data = true, optional = is_optional(k->spec, segs[0]);
	size_t i;

	(void)at;
	(void)u;
	(void)ps;
	for (i = 0; segs[i] != NULL; i++) {
		enum found f;
		gpointer had;

		if (g_ascii_isdigit(segs[i][0]))
			continue;
		if (p->len > 0)
			g_string_append_c(p, '.');
		g_string_append(p, segs[i]);
		in_data = in_data && g_hash_table_contains(k->data, segs[i]);
		f = in_data ? FOUND_IN_DATA : optional || is_optional(k->spec,
		    p->str) ? FOUND_OPTIONAL : FOUND_NOWHERE;
		/* The best word any layout gives for it. */
		if (g_hash_table_lookup_extended(k->used, p->str, NULL, &had) &&
		    GPOINTER_TO_INT(had) <= (int)f)
			continue;
		g_hash_table_insert(k->used, g_strdup(p->str),
		    GINT_TO_POINTER(f));
	}
	g_string_free(p, TRUE);
	g_strfreev(segs);
}

/*
 * Whether a and b are one edit apart (a character added, removed or
 * changed, or two neighbours swapped), counted in characters.
 */
static bool
one_edit(const char *a, const char *b)
{
	glong la, lb, i = 0, j;
	gunichar *x = g_utf8_to_ucs4_fast(a, -1, &la);
	gunichar *y = g_utf8_to_ucs4_fast(b, -1, &lb);
	bool one = false;

	if (la > lb) {
		gunichar *t = x;
		glong lt = la;

		x = y, y = t, la = lb, lb = lt;
	}
	while (i < la && x[i] == y[i])
		i++;
	if (lb - la == 1)	/* one added: the rest the same */
		one = memcmp(x + i, y + i + 1, (size_t)(la - i) *
		    sizeof(*x)) == 0;
	else if (la == lb && i < la) {
		j = i + 1;
		if (memcmp(x + j, y + j, (size_t)(la - j) * sizeof(*x)) == 0)
			one = true;	/* one changed */
		else if (j < la && x[i] == y[j] && x[j] == y[i])
			one = memcmp(x + j + 1, y + j + 1, (size_t)(la - j -
			    1) * sizeof(*x)) == 0;	/* a swap */
	}
	g_free(x);
	g_free(y);
	return one;
}

/* The used key beside path one edit from it, or NULL; remembered. */
static const char *
near_key(struct keys *k, const char *path)
{
	const char *dot = strrchr(path, '.'), *last = dot ? dot + 1 : path;
	size_t plen = dot ? (size_t)(dot - path) : 0;
	const char *found = "";
	gpointer v;
	guint i;

	if (g_hash_table_lookup_extended(k->near, path, NULL, &v))
		return *(const char *)v ? v : NULL;
	for (i = 0; i < k->nsorted && *found == '\0'; i++) {
		const char *u = k->sorted[i], *ulast = u + plen + (plen > 0);

		/* A sibling: the same parent, no deeper. */
		if (strncmp(u, path, plen) != 0 || (plen > 0 && u[plen] != '.')
		    || strchr(ulast, '.') != NULL)
			continue;
		if ((strlen(last) >= 3 || strlen(ulast) >= 3) &&
		    GPOINTER_TO_INT(g_hash_table_lookup(k->used, u)) !=
		    FOUND_NOWHERE && one_edit(last, ulast))
			found = u;
	}
	g_hash_table_insert(k->near, g_strdup(path), (gpointer)found);
	return *found ? found : NULL;
}

static void
check_map(struct keys *k, const struct ynode *m, const char *prefix,
    int depth)
{
	size_t i;

	if (m == NULL || m->kind != YNODE_MAP || depth > 64)
		return;
	for (i = 0; i < m->n; i++) {
		const struct ynode *key = m->pairs[i].key;
		char *path = *prefix ? g_strconcat(prefix, ".", key->str, NULL) :
		    g_strdup(key->str);
		const char *near;

		if (g_hash_table_contains(k->used, path))
			check_map(k, m->pairs[i].val, path, depth + 1);
		else if ((near = near_key(k, path)) != NULL &&
		    ynode_get(m, strrchr(near, '.') ? strrchr(near, '.') + 1 :
		    near) == NULL) {
			if (GPOINTER_TO_INT(g_hash_table_lookup(k->used,
			    near)) == FOUND_IN_DATA)
				diag_warning(k->d, &key->pos, "field '%s' is "
				    "used by no layout; did you mean '%s'?",
				    path, near);
			else
				diag_warning(k->d, &key->pos, "field '%s' is "
				    "used by no layout, and '%s', which a layout "
				    "uses, is in no record: is one of them "
				    "misspelt?", path, near);
		}
		g_free(path);
	}
}

void
validate_keys(const struct spec *const *specs, size_t nspecs,
    const struct data *data, struct diag *d)
{
	struct keys k = { 0 };
	GHashTable *lists = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i, j;

	k.used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	k.data = g_hash_table_new(g_str_hash, g_str_equal);
	k.near = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	k.d = d;
	collect_keys(k.data, data->doc->root, 0);
	g_hash_table_insert(k.used, g_strdup("id"),
	    GINT_TO_POINTER(FOUND_IN_DATA));
	/* Read by every particle: a misspelt 'reading' is a typo too. */
	g_hash_table_insert(k.used, g_strdup("readings"),
	    GINT_TO_POINTER(FOUND_IN_DATA));
	for (i = 0; i < nspecs; i++) {
		const struct spec *s = specs[i];
		const struct ynode *lists_of[] = { s->required, s->optional };

		k.spec = s;
		each_path(s, add_used, &k);
		for (j = 0; j < 2; j++) {
			size_t n;

			for (n = 0; lists_of[j] != NULL && n < lists_of[j]->n;
			    n++)
				add_used(&k, lists_of[j]->items[n]->str, NULL,
				    SCOPE_RECORD, NULL);
		}
		for (j = 0; j < s->npages; j++)
			if (s->pages[j]->each != NULL) {
				g_hash_table_add(lists,
				    (gpointer)s->pages[j]->each);
				add_used(&k, s->pages[j]->each, NULL,
				    SCOPE_RECORD, NULL);
			}
	}
	k.sorted = (const char **)g_hash_table_get_keys_as_array(k.used,
	    &k.nsorted);
	qsort(k.sorted, k.nsorted, sizeof(*k.sorted), cmp_str);
	check_map(&k, data->doc->root, "", 0);
	/* The records, in the order of the data. */
	for (i = 0; i < data->doc->root->n; i++) {
		const struct ynode *list = data->doc->root->pairs[i].val;

		if (!g_hash_table_contains(lists,
		    data->doc->root->pairs[i].key->str) ||
		    list->kind != YNODE_SEQ)
			continue;
		for (j = 0; j < list->n; j++)
			check_map(&k, list->items[j], "", 1);
	}
	g_free(k.sorted);
	g_hash_table_destroy(k.used);
	g_hash_table_destroy(k.data);
	g_hash_table_destroy(k.near);
	g_hash_table_destroy(lists);
}

bool
validate_fonts(const struct spec *spec,
    bool (*has_family)(void *, const char *), void *ctx, struct diag *d)
{
	bool ok = true;
	size_t i, j;

	for (i = 0; i < spec->nstyles; i++) {
		const struct style *s = spec->styles[i];
		char **fams;

		/* A style that inherits its font was checked at its base. */
		if (s->font_node == NULL)
			continue;
		fams = g_strsplit(s->font, ",", -1);
		for (j = 0; fams[j] != NULL; j++) {
			g_strstrip(fams[j]);
			if (*fams[j] == '\0' || has_family(ctx, fams[j]))
				continue;
			diag_error(d, &s->font_node->pos, "font '%s' is not "
			    "among the bundled fonts or the layout's 'fonts' "
			    "folder", fams[j]);
			ok = false;
		}
		g_strfreev(fams);
	}
	return ok;
}
