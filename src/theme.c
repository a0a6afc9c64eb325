/*
 * Themes: a layout's `include:` names files (themes) whose colours,
 * styles, fonts, page setup, metadata, field lists and `parts` (named
 * frames and blocks) it shares; `use: NAME` in a list of frames or
 * blocks stands for a part.  Both are resolved on the YAML tree before
 * spec.c reads it, so the parser sees one layout, each node still
 * pointing into the file where it is written.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "confine.h"
#include "mem.h"
#include "schema.h"
#include "theme.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* What a theme may hold: what a layout holds (its pages are refused
 * by name, below).  Sorted. */
static const char *const theme_keys[] = {
	"colors", "fonts", "include", "metadata", "optional", "page",
	"pages", "parts", "required", "spans", "styles",
};

const struct schema_keyset theme_keyset = {
	"theme", theme_keys, N(theme_keys)
};

/* The keys whose mappings merge name by name, later files winning. */
static const char *const merged_maps[] = {
	"colors", "metadata", "page", "parts", "spans", "styles",
};

/* The keys whose lists join. */
static const char *const joined_lists[] = {
	"optional", "required",
};

/* What the files of a layout give, gathered in include order. */
struct gather {
	struct ydoc	*top;		/* the layout: owns the new nodes */
	struct theme_set *set;		/* the included documents */
	struct diag	*d;
	GPtrArray	*maps[N(merged_maps)];	/* of struct ypair * */
	GPtrArray	*lists[N(joined_lists)]; /* of struct ynode * */
	const struct ynode *fonts;	/* the last `fonts` */
	char		*chain[THEME_MAX_DEPTH + 1]; /* real paths, open */
	int		 depth;
	bool		 failed;
};

static void	gather_file(struct gather *, const struct ynode *root,
		    bool theme);

/* The folder of the file a node was read from; g_free() it. */
static char *
node_dir(const struct ynode *n)
{
	return g_path_get_dirname(n->pos.file);
}

/* "a.yaml → b.yaml → a.yaml" from the open chain and path. */
static char *
chain_text(const struct gather *g, int from, const char *path)
{
	GString *s = g_string_new(NULL);
	int i;

	for (i = from; i < g->depth; i++) {
		char *b = g_path_get_basename(g->chain[i]);

		g_string_append_printf(s, "%s → ", b);
		g_free(b);
	}
	{
		char *b = g_path_get_basename(path);

		g_string_append(s, b);
		g_free(b);
	}
	return g_string_free(s, FALSE);
}

/* Loads the file an include names (n, a scalar) and gathers it. */
static void
include_one(struct gather *g, const struct ynode *n)
{
	char *dir, *path, *real, why[256];
	unsigned char *buf;
	size_t len;
	struct ydoc *doc;
	int i;

	if (n->kind != YNODE_SCALAR || *n->str == '\0') {
		diag_error(g->d, &n->pos, "include names a theme file, or a "
		    "list of them, not %s", ynode_kind_name(n));
		g->failed = true;
		return;
	}
	dir = node_dir(n);
	path = g_path_is_absolute(n->str) ? g_strdup(n->str) :
	    g_build_filename(dir, n->str, NULL);
	g_free(dir);
	if ((real = realpath(path, NULL)) == NULL) {
		diag_error(g->d, &n->pos, "include: cannot read '%s': %s",
		    n->str, g_strerror(errno));
		g->failed = true;
		g_free(path);
		return;
	}
	for (i = 0; i < g->depth; i++)
		if (strcmp(g->chain[i], real) == 0) {
			char *loop = chain_text(g, i, real);

			diag_error(g->d, &n->pos, "include: the themes include "
			    "each other in a loop (%s)", loop);
			g_free(loop);
			g->failed = true;
			goto done;
		}
	if (g->depth == THEME_MAX_DEPTH) {
		diag_error(g->d, &n->pos, "include: themes nest more than %d "
		    "deep", THEME_MAX_DEPTH);
		g->failed = true;
		goto done;
	}
	/* A FIFO or device would be waited on or read for ever. */
	if (!confine_read(path, YLOAD_MAX_FILE, &buf, &len, why,
	    sizeof(why))) {
		diag_error(g->d, &n->pos, "include: cannot read '%s': %s",
		    n->str, why);
		g->failed = true;
		goto done;
	}
	doc = yload_buffer(path, (const char *)buf, len, g->d);
	free(buf);
	if (doc == NULL) {
		g->failed = true;
		goto done;
	}
	g->set->docs = g_renew(struct ydoc *, g->set->docs, g->set->n + 1);
	g->set->docs[g->set->n++] = doc;
	g->chain[g->depth++] = real;
	real = NULL;
	gather_file(g, doc->root, true);
	free(g->chain[--g->depth]);
done:
	free(real);
	g_free(path);
}

/*
 * Gathers a file's root: first what it includes, in order, then its
 * own mergeable keys.  A theme (not the layout itself) holds no pages.
 */
static void
gather_file(struct gather *g, const struct ynode *root, bool theme)
{
	const struct ynode *inc = ynode_get(root, "include"), *n;
	size_t i, k;

	if (theme && !schema_keys(g->d, root, theme_keys, N(theme_keys),
	    "a theme")) {
		g->failed = true;
		if (root->kind != YNODE_MAP)
			return;
	}
	if (theme && (n = ynode_get(root, "pages")) != NULL) {
		diag_error(g->d, &n->pos, "a theme holds no pages: it gives "
		    "what layouts share (colors, styles, fonts, page, "
		    "metadata, parts); the pages are each layout's");
		g->failed = true;
	}
	if (inc != NULL && inc->kind == YNODE_SEQ)
		for (i = 0; i < inc->n; i++)
			include_one(g, inc->items[i]);
	else if (inc != NULL)
		include_one(g, inc);
	for (k = 0; k < N(merged_maps); k++) {
		if ((n = ynode_get(root, merged_maps[k])) == NULL)
			continue;
		if (n->kind != YNODE_MAP) {
			/* spec.c says what is wrong with the layout's own. */
			if (theme) {
				diag_error(g->d, &n->pos, "'%s' must be a "
				    "mapping, not %s", merged_maps[k],
				    ynode_kind_name(n));
				g->failed = true;
			}
			continue;
		}
		for (i = 0; i < n->n; i++)
			g_ptr_array_add(g->maps[k], &n->pairs[i]);
	}
	for (k = 0; k < N(joined_lists); k++) {
		if ((n = ynode_get(root, joined_lists[k])) == NULL)
			continue;
		if (n->kind != YNODE_SEQ) {
			/* spec.c says what is wrong with the layout's own. */
			if (theme) {
				diag_error(g->d, &n->pos, "'%s' must be a list "
				    "of field names", joined_lists[k]);
				g->failed = true;
			}
			continue;
		}
		for (i = 0; i < n->n; i++)
			g_ptr_array_add(g->lists[k], n->items[i]);
	}
	if ((n = ynode_get(root, "fonts")) != NULL)
		g->fonts = n;
}

/* A new node of kind at pos, in the layout's arena. */
static struct ynode *
new_node(struct gather *g, enum ynode_kind kind, const struct diag_pos *pos)
{
	struct ynode *n = arena_alloc(g->top->arena, sizeof(*n));

	n->kind = kind;
	n->pos = *pos;
	n->weight = 1;
	return n;
}

/*
 * A mapping of pairs, each key once: a name keeps the place where it
 * first came (the first style stays the default) and the value it was
 * given last (the layout's over its themes').
 */
static struct ynode *
merge_map(struct gather *g, GPtrArray *pairs, const struct ynode *at)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	struct ynode *m = new_node(g, YNODE_MAP, &at->pos);
	guint i;

	m->pairs = arena_alloc(g->top->arena, (pairs->len + 1) *
	    sizeof(*m->pairs));
	for (i = 0; i < pairs->len; i++) {
		const struct ypair *p = g_ptr_array_index(pairs, i);
		gpointer slot;

		if (g_hash_table_lookup_extended(seen, p->key->str, NULL,
		    &slot)) {
			m->pairs[GPOINTER_TO_SIZE(slot)] = *p;
			continue;
		}
		g_hash_table_insert(seen, (gpointer)p->key->str,
		    GSIZE_TO_POINTER(m->n));
		m->pairs[m->n++] = *p;
	}
	for (i = 0; i < m->n; i++)
		m->weight += m->pairs[i].val->weight + 1;
	g_hash_table_destroy(seen);
	return m;
}

/* A list of the items gathered. */
static struct ynode *
join_list(struct gather *g, GPtrArray *items, const struct ynode *at)
{
	struct ynode *l = new_node(g, YNODE_SEQ, &at->pos);
	guint i;

	l->items = arena_alloc(g->top->arena, (items->len + 1) *
	    sizeof(*l->items));
	for (i = 0; i < items->len; i++) {
		l->items[l->n++] = g_ptr_array_index(items, i);
		l->weight += l->items[i]->weight;
	}
	return l;
}

/* The key node for name: the layout's own, or a new one at pos. */
static struct ynode *
key_node(struct gather *g, const struct ynode *root, const char *name,
    const struct diag_pos *pos)
{
	size_t i;
	struct ynode *k;

	for (i = 0; i < root->n; i++)
		if (strcmp(root->pairs[i].key->str, name) == 0)
			return root->pairs[i].key;
	k = new_node(g, YNODE_SCALAR, pos);
	k->str = name;
	k->len = strlen(name);
	k->plain = true;
	return k;
}

/* Whether key is one of names[n]. */
static bool
among(const char *key, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, names[i]) == 0)
			return true;
	return false;
}

/*
 * The layout's root with what its themes give merged in: its own pairs
 * but `include` and the merged keys, then each merged key that any file
 * gives.
 */
static struct ynode *
merged_root(struct gather *g, const struct ynode *root)
{
	struct ynode *m = new_node(g, YNODE_MAP, &root->pos);
	size_t i, k, cap = root->n + N(merged_maps) + N(joined_lists) + 2;
	const struct diag_pos *pos = &root->pos;

	m->pairs = arena_alloc(g->top->arena, cap * sizeof(*m->pairs));
	for (i = 0; i < root->n; i++) {
		const char *key = root->pairs[i].key->str;

		if (strcmp(key, "include") == 0 || strcmp(key, "fonts") == 0 ||
		    among(key, merged_maps, N(merged_maps)) ||
		    among(key, joined_lists, N(joined_lists)))
			continue;
		m->pairs[m->n++] = root->pairs[i];
	}
	for (k = 0; k < N(merged_maps); k++)
		if (g->maps[k]->len > 0) {
			const struct ypair *first = g_ptr_array_index(
			    g->maps[k], 0);
			const struct ynode *own = ynode_get(root, merged_maps[k]);

			m->pairs[m->n].key = key_node(g, root, merged_maps[k],
			    pos);
			/* The layout's own, not a mapping: spec.c reports it. */
			m->pairs[m->n++].val = own != NULL &&
			    own->kind != YNODE_MAP ? (struct ynode *)own :
			    merge_map(g, g->maps[k], own ? own : first->key);
		} else if ((m->pairs[m->n].val = (struct ynode *)ynode_get(root,
		    merged_maps[k])) != NULL) {
			/* Not a mapping, or empty: spec.c reports it. */
			m->pairs[m->n++].key = key_node(g, root, merged_maps[k],
			    pos);
		}
	for (k = 0; k < N(joined_lists); k++) {
		const struct ynode *own = ynode_get(root, joined_lists[k]);

		if (g->lists[k]->len == 0 || (own != NULL &&
		    own->kind != YNODE_SEQ)) {
			if (own != NULL) {
				m->pairs[m->n].key = key_node(g, root,
				    joined_lists[k], pos);
				m->pairs[m->n++].val = (struct ynode *)own;
			}
			continue;
		}
		m->pairs[m->n].key = key_node(g, root, joined_lists[k], pos);
		m->pairs[m->n++].val = join_list(g, g->lists[k], own ? own :
		    g_ptr_array_index(g->lists[k], 0));
	}
	if (g->fonts != NULL) {
		m->pairs[m->n].key = key_node(g, root, "fonts", pos);
		m->pairs[m->n++].val = (struct ynode *)g->fonts;
	}
	for (i = 0; i < m->n; i++)
		m->weight += m->pairs[i].val->weight + 1;
	return m;
}

/* Parts in use: the names open (a loop check) and the nodes made. */
struct parts {
	struct ydoc		*top;
	struct diag		*d;
	const struct ynode	*parts;		/* the merged `parts` */
	const char		*open[THEME_MAX_DEPTH];
	int			 depth;
	size_t			 made;		/* nodes copied in */
	bool			 failed;
};

static struct ynode	*expand(struct parts *, struct ynode *);

/* The names of the parts, for a suggestion; g_free() the array. */
static const char **
part_names(const struct ynode *parts, size_t *n)
{
	const char **names = g_new0(const char *, parts ? parts->n + 1 : 1);
	size_t i;

	*n = 0;
	for (i = 0; parts != NULL && i < parts->n; i++)
		names[(*n)++] = parts->pairs[i].key->str;
	return names;
}

/* The part a `use` names, or NULL after saying why not. */
static const struct ynode *
find_part(struct parts *u, const struct ynode *use)
{
	const struct ynode *part;
	const char **names, *near;
	size_t n;
	int i;

	if (use->kind != YNODE_SCALAR) {
		diag_error(u->d, &use->pos, "use names a part, not %s",
		    ynode_kind_name(use));
		return NULL;
	}
	if ((part = ynode_get(u->parts, use->str)) == NULL) {
		names = part_names(u->parts, &n);
		near = schema_suggest(use->str, names, n);
		diag_error(u->d, &use->pos, "use: no part '%s'%s%s%s", use->str,
		    near ? "; did you mean '" : n ? " (the parts: in "
		    "'parts' of the layout or its themes)" : " (no 'parts' "
		    "in the layout or its themes)", near ? near : "",
		    near ? "'?" : "");
		g_free(names);
		return NULL;
	}
	if (part->kind != YNODE_MAP) {
		diag_error(u->d, &part->pos, "part '%s' must be a mapping (a "
		    "frame, a block or a page), not %s", use->str,
		    ynode_kind_name(part));
		return NULL;
	}
	for (i = 0; i < u->depth; i++)
		if (strcmp(u->open[i], use->str) == 0) {
			GString *loop = g_string_new(NULL);

			for (; i < u->depth; i++)
				g_string_append_printf(loop, "%s → ",
				    u->open[i]);
			diag_error(u->d, &use->pos, "use: the parts use each "
			    "other in a loop (%s%s)", loop->str, use->str);
			g_string_free(loop, TRUE);
			return NULL;
		}
	if (u->depth == THEME_MAX_DEPTH) {
		diag_error(u->d, &use->pos, "use: parts nest more than %d "
		    "deep", THEME_MAX_DEPTH);
		return NULL;
	}
	return part;
}

/*
 * The mapping m (with `use: NAME`) made into the part it names: the
 * part's keys, each replaced by m's own of the same name, then m's
 * others.  m's own keys are made in the scope of m (a use of the same
 * part there is no loop); the part's with its name open, so that a
 * part built on another (`use:` in the part) or using others inside is
 * made whole, and one that comes back to itself is a loop.
 */
static struct ynode *
use_part(struct parts *u, const struct ynode *m)
{
	const struct ynode *use = ynode_get(m, "use");
	const struct ynode *part = find_part(u, use);
	struct ynode *r, *made;
	struct ypair *own;
	size_t i, n = 0;

	if (part == NULL) {
		u->failed = true;
		return (struct ynode *)m;
	}
	if ((u->made += part->weight) > YLOAD_MAX_NODES) {
		diag_error(u->d, &use->pos, "use: the parts make more than %d "
		    "nodes in all", YLOAD_MAX_NODES);
		u->failed = true;
		return (struct ynode *)m;
	}
	own = arena_alloc(u->top->arena, (m->n + 1) * sizeof(*own));
	for (i = 0; i < m->n; i++)
		if (strcmp(m->pairs[i].key->str, "use") != 0) {
			own[n].key = m->pairs[i].key;
			own[n++].val = expand(u, m->pairs[i].val);
		}
	u->open[u->depth++] = use->str;
	made = expand(u, (struct ynode *)part);
	u->depth--;
	r = arena_alloc(u->top->arena, sizeof(*r));
	r->kind = YNODE_MAP;
	r->pos = m->pos;
	r->pairs = arena_alloc(u->top->arena, (made->n + n + 1) *
	    sizeof(*r->pairs));
	for (i = 0; made->kind == YNODE_MAP && i < made->n; i++)
		if (ynode_get(m, made->pairs[i].key->str) == NULL)
			r->pairs[r->n++] = made->pairs[i];
	for (i = 0; i < n; i++)
		r->pairs[r->n++] = own[i];
	for (i = 0, r->weight = 1; i < r->n; i++)
		r->weight += r->pairs[i].val->weight + 1;
	return r;
}

/* n with every `use` under it made into its part: n itself if none. */
static struct ynode *
expand(struct parts *u, struct ynode *n)
{
	struct ynode *c = NULL, *e;
	size_t i;

	if (n->kind == YNODE_MAP && ynode_get(n, "use") != NULL)
		return use_part(u, n);
	for (i = 0; n->kind != YNODE_SCALAR && i < n->n && !u->failed; i++) {
		struct ynode *v = n->kind == YNODE_SEQ ? n->items[i] :
		    n->pairs[i].val;

		if ((e = expand(u, v)) == v)
			continue;
		if (c == NULL) {
			/* Copy on write: the file's tree stays as read. */
			c = arena_alloc(u->top->arena, sizeof(*c));
			*c = *n;
			if (n->kind == YNODE_SEQ) {
				c->items = arena_alloc(u->top->arena, n->n *
				    sizeof(*c->items));
				memcpy(c->items, n->items, n->n *
				    sizeof(*c->items));
			} else {
				c->pairs = arena_alloc(u->top->arena, n->n *
				    sizeof(*c->pairs));
				memcpy(c->pairs, n->pairs, n->n *
				    sizeof(*c->pairs));
			}
		}
		if (n->kind == YNODE_SEQ)
			c->items[i] = e;
		else
			c->pairs[i].val = e;
	}
	return c ? c : n;
}

const struct ynode *
theme_use_parts(struct ydoc *doc, const struct ynode *root, struct diag *d)
{
	struct parts u = { 0 };
	struct ynode *pages, *e, *r;
	size_t i;

	if (root->kind != YNODE_MAP ||
	    (pages = (struct ynode *)ynode_get(root, "pages")) == NULL)
		return root;
	u.top = doc;
	u.d = d;
	u.parts = ynode_get(root, "parts");
	if (u.parts != NULL && u.parts->kind != YNODE_MAP) {
		diag_error(d, &u.parts->pos, "'parts' must be a mapping of "
		    "names to frames, blocks or pages, not %s",
		    ynode_kind_name(u.parts));
		u.parts = NULL;
	}
	if ((e = expand(&u, pages)) == pages)
		return u.failed ? NULL : root;
	if (u.failed)
		return NULL;
	r = arena_alloc(doc->arena, sizeof(*r));
	*r = *root;
	r->pairs = arena_alloc(doc->arena, root->n * sizeof(*r->pairs));
	memcpy(r->pairs, root->pairs, root->n * sizeof(*r->pairs));
	for (i = 0; i < r->n; i++)
		if (r->pairs[i].val == pages)
			r->pairs[i].val = e;
	return r;
}

const struct ynode *
theme_apply(struct ydoc *doc, struct theme_set *set, struct diag *d)
{
	struct gather g = { 0 };
	const struct ynode *root = doc->root;
	struct ynode *m;
	size_t k;

	if (root->kind != YNODE_MAP || ynode_get(root, "include") == NULL)
		return theme_use_parts(doc, root, d);
	g.top = doc;
	g.set = set;
	g.d = d;
	for (k = 0; k < N(merged_maps); k++)
		g.maps[k] = g_ptr_array_new();
	for (k = 0; k < N(joined_lists); k++)
		g.lists[k] = g_ptr_array_new();
	g.chain[g.depth++] = realpath(doc->file, NULL);
	if (g.chain[0] == NULL)
		g.chain[0] = xstrdup(doc->file);
	gather_file(&g, root, false);
	m = g.failed ? NULL : merged_root(&g, root);
	free(g.chain[0]);
	for (k = 0; k < N(merged_maps); k++)
		g_ptr_array_free(g.maps[k], TRUE);
	for (k = 0; k < N(joined_lists); k++)
		g_ptr_array_free(g.lists[k], TRUE);
	return m ? theme_use_parts(doc, m, d) : NULL;
}

void
theme_set_free(struct theme_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		ydoc_free(set->docs[i]);
	g_free(set->docs);
	set->docs = NULL;
	set->n = 0;
}
