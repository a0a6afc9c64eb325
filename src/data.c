/*
 * Data: loading (through yload) and validation of records against the
 * layout's needs.  Ids name output files, so they are checked to be
 * [a-z0-9-]+ here, before any path is built from them.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "color.h"
#include "data.h"
#include "josa.h"
#include "mem.h"
#include "schema.h"
#include "spec.h"
#include "template.h"

struct data *
data_load(const char *path, struct diag *d)
{
	struct ydoc *doc = yload_file(path, d);

	return doc ? data_parse(doc, d) : NULL;
}

struct data *
data_parse(struct ydoc *doc, struct diag *d)
{
	struct data *data;
	char *copy;

	if (doc->root->kind != YNODE_MAP) {
		diag_error(d, &doc->root->pos, "the data must be a mapping "
		    "at the top level, not %s", ynode_kind_name(doc->root));
		ydoc_free(doc);
		return NULL;
	}
	data = xcalloc(1, sizeof(*data));
	data->doc = doc;
	copy = xstrdup(doc->file);
	data->dir = arena_strdup(doc->arena, dirname(copy));
	free(copy);
	return data;
}

void
data_free(struct data *data)
{
	if (data == NULL)
		return;
	ydoc_free(data->doc);
	free(data);
}

const struct ynode *
data_records(const struct data *data, const char *key)
{
	return ynode_get(data->doc->root, key);
}

const char *
data_record_id(const struct ynode *record)
{
	const struct ynode *id = ynode_get(record, "id");

	return id != NULL && id->kind == YNODE_SCALAR ? id->str : "";
}

static bool
valid_id(const char *s)
{
	if (*s == '\0' || strlen(s) > 100)
		return false;
	for (; *s; s++)
		if (!g_ascii_islower(*s) && !g_ascii_isdigit(*s) && *s != '-')
			return false;
	return true;
}

bool
data_is_blank_text(const char *s)
{
	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (!g_unichar_isspace(c) && c != 0x200b && c != 0x2060 &&
		    c != 0xfeff)
			return false;
	}
	return true;
}

/* A value that has content but would print nothing: "  ", ["", " "]. */
static bool
is_blank(const struct ynode *v)
{
	size_t i;

	if (v->kind == YNODE_SCALAR)
		return data_is_blank_text(v->str);
	if (v->kind != YNODE_SEQ)
		return false;
	for (i = 0; i < v->n; i++)
		if (v->items[i]->kind != YNODE_SCALAR ||
		    !data_is_blank_text(v->items[i]->str))
			return false;
	return true;
}

/* A list of mappings: a record list, whether a layout iterates it or not. */
static bool
is_record_list(const struct ynode *v)
{
	size_t i;

	if (v->kind != YNODE_SEQ || v->n == 0)
		return false;
	for (i = 0; i < v->n; i++)
		if (v->items[i]->kind != YNODE_MAP)
			return false;
	return true;
}

/*
 * The pair of m with which its text grows past DATA_MAX_PAGE_TEXT, or
 * NULL; with skip_lists, record lists do not count (each record is
 * checked on its own).
 */
static const struct ypair *
text_overflow(const struct ynode *m, bool skip_lists)
{
	size_t i, sum = 0;

	for (i = 0; i < m->n; i++) {
		const struct ypair *p = &m->pairs[i];

		if (skip_lists && is_record_list(p->val))
			continue;
		sum += p->key->text + p->val->text;
		if (sum > DATA_MAX_PAGE_TEXT)
			return p;
	}
	return NULL;
}

/*
 * The key of record rec that is a likely misspelling of the missing
 * field f ("nmae" for "name"), or NULL: its error then points there,
 * since the warning that names unused fields waits for the errors.
 */
static const struct ynode *
near_key(const struct ynode *rec, const char *f)
{
	const char *hit;
	size_t i;

	if (rec->kind != YNODE_MAP || strchr(f, '.') != NULL ||
	    (hit = schema_suggest_key(f, rec)) == NULL)
		return NULL;
	for (i = 0; i < rec->n; i++)
		if (rec->pairs[i].key->str == hit)
			return rec->pairs[i].key;
	return NULL;
}

/*
 * `readings:` of a record or the document: a mapping from a word as
 * written to its reading in Hangul, which particles then agree with.
 */
static void
check_readings(const struct ynode *r, struct diag *d)
{
	size_t i;

	if (r == NULL || ynode_is_null(r))
		return;
	if (r->kind != YNODE_MAP) {
		diag_error(d, &r->pos, "'readings' must be a mapping from a "
		    "word as written to its reading in Hangul (readings: "
		    "{Park: 박}), not %s", ynode_kind_name(r));
		return;
	}
	for (i = 0; i < r->n; i++) {
		const struct ynode *k = r->pairs[i].key, *v = r->pairs[i].val;

		if (data_is_blank_text(k->str))
			diag_error(d, &k->pos, "a word in 'readings' must not "
			    "be empty");
		else if (v->kind != YNODE_SCALAR || !josa_is_reading(v->str))
			diag_error(d, &v->pos, "the reading of '%s' must be "
			    "written in Hangul syllables (Park: 박), not %s%s%s",
			    k->str, v->kind == YNODE_SCALAR ? "'" : "",
			    v->kind == YNODE_SCALAR ? v->str :
			    ynode_kind_name(v), v->kind == YNODE_SCALAR ?
			    "'" : "");
	}
}

static void
check_record(const struct ynode *rec, const struct spec *spec,
    const char *key, struct diag *d)
{
	const struct ynode *id = ynode_get(rec, "id");
	const struct ypair *big;
	size_t i;

	if (id == NULL) {
		diag_error(d, &rec->pos, "a record of '%s' needs an 'id'", key);
	} else if (id->kind != YNODE_SCALAR || !valid_id(id->str)) {
		diag_error(d, &id->pos, "id must be 1 to 100 characters of "
		    "a-z, 0-9 and '-' (it names output files), not '%s'",
		    id->kind == YNODE_SCALAR ? id->str : ynode_kind_name(id));
	}
	if ((big = text_overflow(rec, false)) != NULL)
		diag_error(d, &big->key->pos, "%s%s%s holds more than %u KiB of "
		    "text with '%s' (aliases count once per use); that is the "
		    "limit for one page", *data_record_id(rec) ? "record '" :
		    "the record", data_record_id(rec),
		    *data_record_id(rec) ? "'" : "", DATA_MAX_PAGE_TEXT >> 10,
		    big->key->str);
	check_readings(ynode_get(rec, "readings"), d);
	if (spec->required == NULL)
		return;
	for (i = 0; i < spec->required->n; i++) {
		const char *f = spec->required->items[i]->str;
		struct scope sc = { .record = rec };
		const struct ynode *v = tmpl_lookup(&sc, f), *near;
		const char *id = data_record_id(rec);

		if (strcmp(f, "id") == 0)
			continue;	/* checked above */
		if (tmpl_has_value(v) && !is_blank(v))
			continue;
		if (tmpl_has_value(v))
			diag_error(d, &v->pos, "%s%s%s has only white space in "
			    "'%s', which the layout requires", *id ? "record '" :
			    "the record", id, *id ? "'" : "", f);
		else if (v == NULL && (near = near_key(rec, f)) != NULL)
			diag_error(d, &near->pos, "%s%s%s has '%s' but no '%s', "
			    "which the layout requires; did you mean '%s'?",
			    *id ? "record '" : "the record", id, *id ? "'" : "",
			    near->str, f, f);
		else
			diag_error(d, v ? &v->pos : &rec->pos, "%s%s%s has %s "
			    "'%s', which the layout requires", *id ?
			    "record '" : "the record", id, *id ? "'" : "",
			    v ? "an empty" : "no", f);
	}
}

/* In a folder, a record named like a page would overwrite its file. */
static void
check_name_clash(const struct ynode *rec, const struct spec *spec,
    struct diag *d)
{
	const struct ynode *id = ynode_get(rec, "id");
	size_t i;

	if (id == NULL || id->kind != YNODE_SCALAR)
		return;
	for (i = 0; i < spec->npages; i++)
		if (spec->pages[i]->each == NULL &&
		    strcmp(spec->pages[i]->name, id->str) == 0) {
			diag_error(d, &id->pos, "id '%s' is also the name of a "
			    "page of the layout: both would be written to "
			    "'%s.png'", id->str, id->str);
			diag_note(d, &spec->pages[i]->node->pos, "page '%s' "
			    "is here", id->str);
			return;
		}
}

static void
check_list(const struct data *data, const struct page_spec *ps,
    const struct spec *spec, struct diag *d)
{
	const struct ynode *list = data_records(data, ps->each);
	const struct ynode *o;
	GHashTable *ids;
	const char *a;
	size_t i;

	if (list == NULL) {
		diag_error(d, &data->doc->root->pos, "no record list '%s' in "
		    "the data (the layout's page '%s' iterates over it)",
		    ps->each, ps->name);
		diag_note(d, &ps->each_node->pos, "page '%s' is here",
		    ps->name);
		return;
	}
	if (list->kind != YNODE_SEQ || list->n == 0) {
		diag_error(d, &list->pos, "'%s' must be a list of records, not "
		    "%s", ps->each, list->kind == YNODE_SEQ ? "an empty list" :
		    ynode_kind_name(list));
		return;
	}
	if (list->n > DATA_MAX_RECORDS) {
		diag_error(d, &list->pos, "'%s' holds %zu records; the limit is "
		    "%d", ps->each, list->n, DATA_MAX_RECORDS);
		return;
	}
	ids = g_hash_table_new(g_str_hash, g_str_equal);
	for (i = 0; i < list->n; i++) {
		const struct ynode *rec = list->items[i];

		if (rec->kind != YNODE_MAP) {
			diag_error(d, &rec->pos, "a record of '%s' must be a "
			    "mapping, not %s", ps->each, ynode_kind_name(rec));
			continue;
		}
		check_record(rec, spec, ps->each, d);
		check_name_clash(rec, spec, d);
		/* Ids seen so far, in a hash: a pairwise scan took 5 s for
		 * 10,000 records. */
		a = data_record_id(rec);
		if (*a == '\0')
			continue;
		if ((o = g_hash_table_lookup(ids, a)) != NULL)
			diag_error(d, &ynode_get(rec, "id")->pos,
			    "duplicate id '%s' (first at line %d)", a,
			    ynode_get(o, "id")->pos.line);
		else
			g_hash_table_insert(ids, (gpointer)a, (gpointer)rec);
	}
	g_hash_table_destroy(ids);
}

bool
data_validate(const struct data *data, const struct spec *spec,
    struct diag *d)
{
	int errors = d->count[DIAG_ERROR];
	const struct ypair *big;
	size_t i, j, pages = 0;

	for (i = 0; i < spec->npages; i++) {
		const struct page_spec *ps = spec->pages[i];

		if (ps->each == NULL)
			continue;
		/* Check each list once, however many pages use it. */
		for (j = 0; j < i; j++)
			if (spec->pages[j]->each != NULL &&
			    strcmp(spec->pages[j]->each, ps->each) == 0)
				break;
		if (j == i)
			check_list(data, ps, spec, d);
	}
	if ((big = text_overflow(data->doc->root, true)) != NULL)
		diag_error(d, &big->key->pos, "the document's fields outside "
		    "its record lists hold more than %u KiB of text with '%s' "
		    "(aliases count once per use); every page may use them, "
		    "and that is the limit for one page",
		    DATA_MAX_PAGE_TEXT >> 10, big->key->str);
	check_readings(ynode_get(data->doc->root, "readings"), d);
	for (i = 0; i < spec->npages; i++) {
		const struct ynode *recs = spec->pages[i]->each ?
		    data_records(data, spec->pages[i]->each) : NULL;

		pages += recs == NULL ? 1 : recs->kind == YNODE_SEQ ? recs->n : 0;
	}
	if (pages > DATA_MAX_RECORDS) {
		struct diag_pos pos = { data->doc->file, 1, 1 };

		diag_error(d, &pos, "the layout would make %zu pages from this "
		    "data; the limit is %d", pages, DATA_MAX_RECORDS);
	}
	color_check(spec, data, d);
	return d->count[DIAG_ERROR] == errors;
}
