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

struct fields {
	GHashTable		*keys;		/* every key in the data */
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

/* Checks a dotted path: every name in it must be a key of the data. */
static void
check_path(struct fields *f, const char *path, const struct ynode *at)
{
	char **segs = g_strsplit(path, ".", -1);
	size_t i;

	if (strcmp(segs[0], "page") == 0 || is_optional(f->spec, path) ||
	    is_optional(f->spec, segs[0])) {
		g_strfreev(segs);
		return;
	}
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
			break;
		}
	}
	g_strfreev(segs);
}

static void
check_tmpl(struct fields *f, const struct tmpl *t)
{
	size_t i;

	for (i = 0; t != NULL && i < t->n; i++)
		if (t->parts[i].path != NULL)
			check_path(f, t->parts[i].path, t->node);
}

static void
check_if(struct fields *f, const struct ynode *cond)
{
	size_t i;

	if (cond == NULL)
		return;
	if (cond->kind == YNODE_SCALAR)
		check_path(f, cond->str, cond);
	else
		for (i = 0; i < cond->n; i++)
			check_path(f, cond->items[i]->str, cond->items[i]);
}

static void
check_blocks(struct fields *f, struct block *const *blocks, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct block *b = blocks[i];

		check_if(f, b->if_node);
		for (j = 0; j < b->ntexts; j++)
			check_tmpl(f, b->texts[j]);
		if (b->kind == BLOCK_IMAGE)
			check_tmpl(f, b->text);
		if (b->list_field != NULL)
			check_path(f, b->list_field, b->list_node);
		check_tmpl(f, b->item);
		check_blocks(f, b->children, b->nchildren);
	}
}

void
validate_fields(const struct spec *spec, const struct data *data,
    struct diag *d)
{
	struct fields f = { g_hash_table_new(g_str_hash, g_str_equal), spec,
	    d };
	size_t i, j;

	collect_keys(f.keys, data->doc->root, 0);
	for (i = 0; i < META__MAX; i++)
		check_tmpl(&f, spec->meta[i]);
	for (i = 0; i < spec->npages; i++) {
		const struct page_spec *ps = spec->pages[i];

		for (j = 0; j < ps->nframes; j++) {
			check_if(&f, ps->frames[j]->if_node);
			check_blocks(&f, ps->frames[j]->blocks,
			    ps->frames[j]->nblocks);
		}
	}
	g_hash_table_destroy(f.keys);
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
