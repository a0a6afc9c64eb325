/*
 * YAML loader: the only file that includes <yaml.h>.  Turns libyaml's
 * event stream into the ynode tree (ynode.h), normalising every scalar
 * to NFC and keeping 1-based positions.  Anchors and aliases share the
 * aliased subtree; duplicate mapping keys are errors.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <yaml.h>

#include "mem.h"
#include "ynode.h"

/* Mapping keys are collected in a growable list while parsing. */
struct build {
	struct ydoc	*doc;
	struct diag	*d;
	const char	*buf;	/* the input, for reader errors */
	size_t		 len;
	yaml_parser_t	 parser;
	struct anchor {
		const char	*name;
		struct ynode	*node;
	}		*anchors;
	size_t		 nanchors;
	int		 depth;
	size_t		 expanded;	/* nodes so far, aliases expanded */
	bool		 failed;
};

/* libyaml marks are 0-based: this is the one place that adds 1. */
static struct diag_pos
mark_pos(const struct build *b, yaml_mark_t m)
{
	struct diag_pos p = { b->doc->file, (int)m.line + 1, (int)m.column + 1 };

	return p;
}

/*
 * libyaml reports a bad byte (invalid UTF-8, a control character) by
 * its offset only: count lines and characters up to it, as its marks
 * do ("\r\n" is one line end).
 */
static struct diag_pos
offset_pos(const struct build *b, size_t offset)
{
	struct diag_pos p = { b->doc->file, 1, 1 };
	const char *s, *end = b->buf + (offset < b->len ? offset : b->len);

	for (s = b->buf; s < end; s++) {
		if (*s == '\n' || (*s == '\r' &&
		    (s + 1 == b->buf + b->len || s[1] != '\n'))) {
			p.line++;
			p.col = 1;
		} else if (*s != '\r' && ((unsigned char)*s & 0xc0) != 0x80) {
			p.col++;
		}
	}
	return p;
}

static struct ynode *
node_new(struct build *b, enum ynode_kind kind, yaml_mark_t m)
{
	struct ynode *n = arena_alloc(b->doc->arena, sizeof(*n));

	n->kind = kind;
	n->pos = mark_pos(b, m);
	n->weight = 1;
	return n;
}

/*
 * Counts w more nodes toward the expanded size of the document.  Nodes
 * an alias stands for count again at each use, so later stages, which
 * walk the tree as if expanded, never face a "billion laughs".
 */
static bool
count_nodes(struct build *b, size_t w, const struct diag_pos *pos)
{
	b->expanded += w;
	if (b->expanded <= YLOAD_MAX_NODES)
		return true;
	diag_error(b->d, pos, "the document grows past %d nodes here (aliases "
	    "count once per use); that is the limit", YLOAD_MAX_NODES);
	b->failed = true;
	return false;
}

static void
anchor_add(struct build *b, const yaml_char_t *name, struct ynode *n)
{
	if (name == NULL)
		return;
	b->anchors = xrealloc(b->anchors,
	    (b->nanchors + 1) * sizeof(*b->anchors));
	b->anchors[b->nanchors].name =
	    arena_strdup(b->doc->arena, (const char *)name);
	b->anchors[b->nanchors].node = n;
	b->nanchors++;
}

static void
parser_error(struct build *b)
{
	yaml_parser_t *p = &b->parser;
	struct diag_pos pos = p->error == YAML_READER_ERROR ?
	    offset_pos(b, p->problem_offset) : mark_pos(b, p->problem_mark);
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_MEMORY_ERROR) {
		diag_error(b->d, &pos, "out of memory while reading YAML");
	} else if (p->error == YAML_READER_ERROR && p->problem_value >= 0) {
		diag_error(b->d, &pos, "the file is not valid UTF-8 text: "
		    "%s (byte 0x%02x)", problem, p->problem_value & 0xff);
	} else if (p->context != NULL && strstr(problem, "end of stream") &&
	    strstr(p->context, "quoted scalar")) {
		/* Where the quote opened is what the user must fix. */
		pos = mark_pos(b, p->context_mark);
		diag_error(b->d, &pos, "unclosed quote: the text that starts "
		    "here has no closing quote before the end of the file");
	} else if (p->context != NULL) {
		diag_error(b->d, &pos, "%s %s (line %zu, column %zu)",
		    problem, p->context, p->context_mark.line + 1,
		    p->context_mark.column + 1);
	} else {
		diag_error(b->d, &pos, "%s", problem);
	}
	b->failed = true;
}

static bool
next_event(struct build *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev)) {
		parser_error(b);
		return false;
	}
	return true;
}

static struct ynode *parse_node(struct build *, yaml_event_t *);

static struct ynode *
parse_scalar(struct build *b, yaml_event_t *ev)
{
	struct ynode *n = node_new(b, YNODE_SCALAR, ev->start_mark);
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	gchar *nfc;

	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (memchr(s, '\0', len) != NULL) {
		diag_error(b->d, &n->pos, "text contains a NUL character");
		b->failed = true;
		len = strlen(s);
	}
	/* libyaml has validated the UTF-8 already. */
	nfc = g_utf8_normalize(s, (gssize)len, G_NORMALIZE_NFC);
	if (nfc == NULL) {
		diag_error(b->d, &n->pos, "text is not valid UTF-8");
		b->failed = true;
		n->str = "";
	} else {
		n->str = arena_strdup(b->doc->arena, nfc);
		g_free(nfc);
	}
	n->len = strlen(n->str);
	if (n->len > YLOAD_MAX_TEXT) {
		diag_error(b->d, &n->pos, "a text of %zu bytes; the limit is "
		    "%u KiB", n->len, YLOAD_MAX_TEXT >> 10);
		b->failed = true;
	}
	anchor_add(b, ev->data.scalar.anchor, n);
	return count_nodes(b, 1, &n->pos) ? n : NULL;
}

static struct ynode *
parse_seq(struct build *b, yaml_event_t *ev)
{
	struct ynode *n = node_new(b, YNODE_SEQ, ev->start_mark);
	struct ptrvec v = { 0 };
	yaml_event_t item;

	for (;;) {
		struct ynode *c;

		if (!next_event(b, &item))
			return NULL;
		if (item.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&item);
			break;
		}
		c = parse_node(b, &item);
		yaml_event_delete(&item);
		if (c == NULL)
			return NULL;
		n->weight += c->weight;
		ptrvec_push(b->doc->arena, &v, c);
	}
	n->items = (struct ynode **)v.items;
	n->n = v.n;
	/* Only now: an alias inside its own anchor would make a cycle. */
	anchor_add(b, ev->data.sequence_start.anchor, n);
	return n;
}

static struct ynode *
parse_map(struct build *b, yaml_event_t *ev)
{
	struct ynode *n = node_new(b, YNODE_MAP, ev->start_mark);
	struct ptrvec keys = { 0 }, vals = { 0 };
	yaml_event_t kev, vev;
	size_t i;

	for (;;) {
		struct ynode *k, *v;

		if (!next_event(b, &kev))
			return NULL;
		if (kev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&kev);
			break;
		}
		k = parse_node(b, &kev);
		yaml_event_delete(&kev);
		if (k == NULL)
			return NULL;
		if (!next_event(b, &vev))
			return NULL;
		v = parse_node(b, &vev);
		yaml_event_delete(&vev);
		if (v == NULL)
			return NULL;
		n->weight += k->weight + v->weight;
		if (k->kind != YNODE_SCALAR) {
			diag_error(b->d, &k->pos,
			    "a mapping key must be a plain text, not %s",
			    ynode_kind_name(k));
			b->failed = true;
			continue;
		}
		for (i = 0; i < keys.n; i++) {
			const struct ynode *o = keys.items[i];

			if (strcmp(o->str, k->str) == 0) {
				diag_error(b->d, &k->pos,
				    "duplicate key '%s' (first at line %d)",
				    k->str, o->pos.line);
				b->failed = true;
				break;
			}
		}
		ptrvec_push(b->doc->arena, &keys, k);
		ptrvec_push(b->doc->arena, &vals, v);
	}
	n->n = keys.n;
	n->pairs = arena_alloc(b->doc->arena, (n->n ? n->n : 1) *
	    sizeof(*n->pairs));
	for (i = 0; i < n->n; i++) {
		n->pairs[i].key = keys.items[i];
		n->pairs[i].val = vals.items[i];
	}
	anchor_add(b, ev->data.mapping_start.anchor, n);
	return n;
}

static struct ynode *
parse_alias(struct build *b, yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	size_t i;

	for (i = b->nanchors; i-- > 0;)
		if (strcmp(b->anchors[i].name, name) == 0) {
			struct diag_pos pos = mark_pos(b, ev->start_mark);

			if (!count_nodes(b, b->anchors[i].node->weight, &pos))
				return NULL;
			return b->anchors[i].node;
		}
	/* libyaml's parser reports unknown anchors itself; be safe. */
	{
		struct diag_pos pos = mark_pos(b, ev->start_mark);

		diag_error(b->d, &pos, "unknown alias '*%s'", name);
	}
	b->failed = true;
	{
		struct ynode *n = node_new(b, YNODE_SCALAR, ev->start_mark);

		n->str = "";
		return n;
	}
}

static struct ynode *
parse_node(struct build *b, yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return parse_scalar(b, ev);
	case YAML_ALIAS_EVENT:
		return parse_alias(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (++b->depth > YLOAD_MAX_DEPTH) {
			struct diag_pos pos = mark_pos(b, ev->start_mark);

			diag_error(b->d, &pos, "lists and mappings nest deeper "
			    "than %d levels; that is the limit",
			    YLOAD_MAX_DEPTH);
			b->failed = true;
			return NULL;
		}
		{
			struct diag_pos pos = mark_pos(b, ev->start_mark);

			if (!count_nodes(b, 1, &pos))
				return NULL;
		}
		n = ev->type == YAML_MAPPING_START_EVENT ?
		    parse_map(b, ev) : parse_seq(b, ev);
		b->depth--;
		return n;
	case YAML_NO_EVENT:
	case YAML_STREAM_START_EVENT:
	case YAML_STREAM_END_EVENT:
	case YAML_DOCUMENT_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		break;
	}
	{
			struct diag_pos pos = mark_pos(b, ev->start_mark);

		diag_error(b->d, &pos, "unexpected YAML event");
	}
	b->failed = true;
	return NULL;
}

static struct ydoc *
load(struct build *b)
{
	yaml_event_t ev;
	struct ydoc *doc = b->doc;

	/* STREAM-START, then DOCUMENT-START or STREAM-END (empty file). */
	if (!next_event(b, &ev))
		goto fail;
	yaml_event_delete(&ev);
	if (!next_event(b, &ev))
		goto fail;
	if (ev.type == YAML_STREAM_END_EVENT) {
		struct diag_pos pos = { doc->file, 1, 1 };

		yaml_event_delete(&ev);
		diag_error(b->d, &pos, "the file holds no YAML document (it is "
		    "empty or only comments)");
		goto fail;
	}
	yaml_event_delete(&ev);
	if (!next_event(b, &ev))
		goto fail;
	doc->root = parse_node(b, &ev);
	yaml_event_delete(&ev);
	if (doc->root == NULL)
		goto fail;
	/* DOCUMENT-END, then STREAM-END or a second document. */
	if (!next_event(b, &ev))
		goto fail;
	yaml_event_delete(&ev);
	if (!next_event(b, &ev))
		goto fail;
	if (ev.type != YAML_STREAM_END_EVENT) {
		struct diag_pos pos = mark_pos(b, ev.start_mark);

		yaml_event_delete(&ev);
		diag_error(b->d, &pos,
		    "a second YAML document ('---') is not allowed here");
		goto fail;
	}
	yaml_event_delete(&ev);
	if (b->failed)
		goto fail;
	free(b->anchors);
	return doc;
fail:
	free(b->anchors);
	ydoc_free(doc);
	return NULL;
}

struct ydoc *
yload_buffer(const char *name, const char *buf, size_t len, struct diag *d)
{
	struct build b;
	struct ydoc *doc;

	if (len > YLOAD_MAX_FILE) {
		struct diag_pos pos = { name, 0, 0 };

		diag_error(d, &pos, "the file is %.1f MiB; the limit is %u MiB",
		    len / 1048576.0, YLOAD_MAX_FILE >> 20);
		return NULL;
	}
	/* Told the encoding, libyaml would take a BOM for indentation. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	memset(&b, 0, sizeof(b));
	b.d = d;
	b.buf = buf;
	b.len = len;
	b.doc = doc = xcalloc(1, sizeof(*doc));
	doc->arena = arena_new();
	doc->file = arena_strdup(doc->arena, name);
	if (!yaml_parser_initialize(&b.parser)) {
		fputs("brochure: out of memory\n", stderr);
		exit(3);
	}
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)buf,
	    len);
	yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
	doc = load(&b);
	yaml_parser_delete(&b.parser);
	return doc;
}

struct ydoc *
yload_file(const char *path, struct diag *d)
{
	struct diag_pos pos = { path, 0, 0 };
	gchar *buf;
	gsize len;
	GError *err = NULL;
	struct ydoc *doc;
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > YLOAD_MAX_FILE) {
		diag_error(d, &pos, "the file is %.1f MiB; the limit is %u MiB",
		    st.st_size / 1048576.0, YLOAD_MAX_FILE >> 20);
		return NULL;
	}
	if (!g_file_get_contents(path, &buf, &len, &err)) {
		diag_error(d, &pos, "cannot read: %s", err->message);
		g_error_free(err);
		return NULL;
	}
	doc = yload_buffer(path, buf, len, d);
	g_free(buf);
	return doc;
}

void
ydoc_free(struct ydoc *doc)
{
	if (doc == NULL)
		return;
	arena_free(doc->arena);
	free(doc);
}

const struct ynode *
ynode_get(const struct ynode *m, const char *key)
{
	size_t i;

	if (m == NULL || m->kind != YNODE_MAP)
		return NULL;
	for (i = 0; i < m->n; i++)
		if (strcmp(m->pairs[i].key->str, key) == 0)
			return m->pairs[i].val;
	return NULL;
}

bool
ynode_is_null(const struct ynode *n)
{
	static const char *const nulls[] = { "", "NULL", "Null", "null", "~" };
	size_t i;

	if (n == NULL || n->kind != YNODE_SCALAR || !n->plain)
		return false;
	for (i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return true;
	return false;
}

const char *
ynode_kind_name(const struct ynode *n)
{
	static const char *const names[YNODE__MAX] = {
		[YNODE_SCALAR] = "a text",
		[YNODE_MAP] = "a mapping",
		[YNODE_SEQ] = "a list",
	};

	return ynode_is_null(n) ? "empty" : names[n->kind];
}
