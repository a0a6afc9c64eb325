/*
 * Pages: the whole set of pages of the layouts over the data, the
 * selection of --only and --shard, and the file-name clash check of a
 * folder render.  Plain inputs, plain outputs: run.c decides what to
 * do with them, tests/unit/test_pages.c pins them down.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data.h"
#include "layout.h"
#include "mem.h"
#include "pages.h"
#include "schema.h"
#include "spec.h"

char *
pages_name(const struct page_spec *ps, const struct ynode *first,
    int sheet, int part)
{
	char *name;

	if (ps->per_page > 1)
		name = g_strdup_printf("%s-%d", ps->name, sheet);
	else if (first != NULL && ps->seq != NULL)
		name = g_strdup_printf("%s-%s", data_record_id(first),
		    ps->name);
	else
		name = g_strdup(first ? data_record_id(first) : ps->name);
	if (part > 1) {
		char *whole = g_strdup_printf("%s-%d", name, part);

		g_free(name);
		name = whole;
	}
	return name;
}

/* Appends one page of ps, the sheet-th, for recs[0..nrec), in room
 * made by the caller. */
static void
add_page(struct page *pages, int *n, int first, int lay,
    const struct page_spec *ps, const struct ynode *const *recs, int nrec,
    int sheet)
{
	struct page *p = &pages[*n];

	memset(p, 0, sizeof(*p));
	p->lay = lay;
	p->ps = ps;
	p->records = nrec > 0 ? recs : NULL;
	p->nrec = nrec;
	p->sheet = sheet;
	p->number = *n - first + 1;
	p->part = 1;
	p->key = pages_name(ps, nrec ? recs[0] : NULL, sheet, 1);
	p->group = ps->seq != NULL ? data_record_id(recs[0]) : p->key;
	(*n)++;
}

struct page *
pages_list(struct page *pages, int *n, int lay, const struct spec *spec,
    const struct data *data)
{
	size_t i, j;
	int first = *n, k;

	for (i = 0; i < spec->npages; i++) {
		const struct page_spec *ps = spec->pages[i];
		const struct ynode *recs = ps->each ?
		    data_records(data, ps->each) : NULL;
		const struct ynode *const *items = recs ?
		    (const struct ynode *const *)recs->items : NULL;
		size_t per = (size_t)ps->per_page;
		size_t sheets = recs ? (recs->n + per - 1) / per : 1;

		if (ps->continuation)
			continue;
		if (ps->seq != NULL) {
			/* Record by record, its pages in order. */
			pages = g_renew(struct page, pages, (size_t)*n +
			    recs->n * (size_t)ps->seq_len);
			for (j = 0; j < recs->n; j++)
				for (k = 0; k < ps->seq_len; k++)
					add_page(pages, n, first, lay,
					    spec->pages[i + (size_t)k],
					    items + j, 1, (int)j + 1);
			i += (size_t)ps->seq_len - 1;
			continue;
		}
		pages = g_renew(struct page, pages, (size_t)*n + sheets);
		for (j = 0; j < sheets; j++)
			add_page(pages, n, first, lay, ps, items ? items +
			    j * per : NULL, recs ? (int)MIN(per, recs->n -
			    j * per) : 0, (int)j + 1);
	}
	return pages;
}

void
pages_free(struct page *pages, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		g_free(pages[i].key);
		layout_rest_free(pages[i].from);
	}
	g_free(pages);
}

bool
pages_has(const struct page *p, const char *id)
{
	int k;

	if (strcmp(p->key, id) == 0)
		return true;
	for (k = 0; k < p->nrec; k++)
		if (strcmp(data_record_id(p->records[k]), id) == 0)
			return true;
	return false;
}

/* Numbers the groups in order of first appearance; how many. */
static int
number_keys(struct page *all, int n)
{
	GHashTable *keys = g_hash_table_new(g_str_hash, g_str_equal);
	int i, nk = 0;

	for (i = 0; i < n; i++) {
		gpointer v;

		if (g_hash_table_lookup_extended(keys, all[i].group, NULL,
		    &v)) {
			all[i].key_index = GPOINTER_TO_INT(v);
			continue;
		}
		all[i].key_index = nk;
		g_hash_table_insert(keys, (gpointer)all[i].group,
		    GINT_TO_POINTER(nk++));
	}
	g_hash_table_destroy(keys);
	return nk;
}

/* --only: keeps what shows one of the IDs; false if one shows nowhere. */
static bool
keep_only(const struct page *all, int n, const char *const *only,
    size_t nonly, bool *keep, struct diag *d)
{
	bool ok = true;
	size_t k;
	int i;

	for (i = 0; i < n; i++)
		keep[i] = nonly == 0;
	for (k = 0; k < nonly; k++) {
		bool found = false;
		const char **names;
		const char *near;

		for (i = 0; i < n; i++)
			if (pages_has(&all[i], only[k]))
				keep[i] = found = true;
		if (found)
			continue;
		names = xcalloc((size_t)n + 1, sizeof(*names));
		for (i = 0; i < n; i++)
			names[i] = all[i].key;
		near = schema_suggest(only[k], names, (size_t)n);
		diag_error(d, NULL, "--only '%s' matches no record id or page "
		    "name%s%s%s", only[k], near ? " (did you mean '" : "",
		    near ? near : "", near ? "'?)" : "");
		free(names);
		ok = false;
	}
	return ok;
}

/* --shard K/N over the nk keys kept, in order. */
static void
keep_shard(const struct page *all, int n, int nk, int shard, int shards,
    bool *keep)
{
	int *rank = xcalloc((size_t)nk + 1, sizeof(*rank)), kept = 0;
	int i, lo, hi;

	for (i = 0; i < nk; i++)
		rank[i] = -1;
	for (i = 0; i < n; i++)
		if (keep[i] && rank[all[i].key_index] < 0)
			rank[all[i].key_index] = kept++;
	lo = (int)((long long)(shard - 1) * kept / shards);
	hi = (int)((long long)shard * kept / shards);
	for (i = 0; i < n; i++)
		keep[i] = keep[i] && rank[all[i].key_index] >= lo &&
		    rank[all[i].key_index] < hi;
	free(rank);
}

bool
pages_select(struct page *all, int n, const struct pages_selection *s,
    struct page **sel, int *nsel, int *nkeys, struct diag *d)
{
	bool *keep = xcalloc((size_t)n + 1, sizeof(*keep));
	bool ok;
	int i;

	*nkeys = number_keys(all, n);
	ok = keep_only(all, n, s->only, s->nonly, keep, d);
	if (s->shards > 0)
		keep_shard(all, n, *nkeys, s->shard, s->shards, keep);
	*sel = xcalloc((size_t)n + 1, sizeof(**sel));
	*nsel = 0;
	for (i = 0; i < n; i++)
		if (keep[i])
			(*sel)[(*nsel)++] = all[i];	/* keys stay all's */
	free(keep);
	return ok;
}

/* "page 'card' of 'og' (record 'gina')", for messages. */
static char *
describe(const struct page *p, const char *const *stems)
{
	return g_strdup_printf("page '%s'%s%s%s%s%s%s", p->ps->name,
	    stems ? " of '" : "", stems ? stems[p->lay] : "", stems ? "'" : "",
	    p->nrec == 1 ? " (record '" : "",
	    p->nrec == 1 ? data_record_id(p->records[0]) : "",
	    p->nrec == 1 ? "')" : "");
}

/*
 * Where a clash is best fixed: the record's id when two records meet
 * (two lists sharing an id, names across layouts), else the page.
 */
static const struct diag_pos *
blame(const struct page *p, const struct page *other)
{
	if (p->nrec == 1 && other->nrec == 1 && p->records[0] !=
	    other->records[0])
		return &ynode_get(p->records[0], "id")->pos;
	return &p->ps->node->pos;
}

/* Two pages that would write one file: the first such pair of two
 * page specs, and how many more pairs of the same two. */
struct clash {
	int	a, b;		/* indexes in the whole set, a < b */
	int	more;
};

/* The clashing pairs of all, one per pair of page specs. */
static GArray *
find_clashes(const struct page *all, int n, char *const *paths)
{
	GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
	GArray *clashes = g_array_new(FALSE, FALSE, sizeof(struct clash));
	int i;
	guint k;

	for (i = 0; i < n; i++) {
		struct clash c = { 0, i, 0 };
		gpointer v;

		if (!g_hash_table_lookup_extended(names, paths[i], NULL, &v)) {
			g_hash_table_insert(names, paths[i],
			    GINT_TO_POINTER(i));
			continue;
		}
		c.a = GPOINTER_TO_INT(v);
		for (k = 0; k < clashes->len; k++) {
			struct clash *o = &g_array_index(clashes, struct clash,
			    k);

			if (all[o->a].ps == all[c.a].ps &&
			    all[o->b].ps == all[i].ps) {
				o->more++;
				break;
			}
		}
		if (k == clashes->len)
			g_array_append_val(clashes, c);
	}
	g_hash_table_destroy(names);
	return clashes;
}

bool
pages_check_names(const struct page *all, int n, char *const *paths,
    const char *const *stems, struct diag *d)
{
	GArray *clashes = find_clashes(all, n, paths);
	guint k;
	bool ok = clashes->len == 0;

	for (k = 0; k < clashes->len; k++) {
		const struct clash *c = &g_array_index(clashes, struct clash,
		    k);
		const struct page *a = &all[c->a], *b = &all[c->b];
		char *da = describe(a, stems), *db = describe(b, stems);
		char *base = g_path_get_basename(paths[c->b]);
		char *more = c->more ? g_strdup_printf(", and %d more like it",
		    c->more) : g_strdup("");

		diag_error(d, blame(b, a), "%s would overwrite '%s', the "
		    "file of %s%s: every file in a folder needs a name of its "
		    "own", db, base, da, more);
		if (blame(a, b) == &a->ps->node->pos)
			diag_note(d, blame(a, b), "page '%s' is here",
			    a->ps->name);
		else
			diag_note(d, blame(a, b), "record '%s' is here",
			    data_record_id(a->records[0]));
		g_free(da);
		g_free(db);
		g_free(base);
		g_free(more);
	}
	g_array_free(clashes, TRUE);
	return ok;
}
