/*
 * YAML loader: the only file that includes <yaml.h>.  Turns libyaml's
 * event stream into the ynode tree (ynode.h), normalising every scalar
 * to NFC and keeping 1-based positions.  Anchors and aliases share the
 * aliased subtree; duplicate mapping keys are errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <yaml.h>

#include "confine.h"
#include "mem.h"
#include "schema.h"
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
	size_t		 text;		/* bytes of text so far, the same */
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
 * libyaml reports a bad byte by its offset only: count lines and
 * characters up to it, as its marks do ("\r\n" is one line end).
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

enum utf8_bad {
	UTF8_OK,
	UTF8_LEAD,	/* a byte that cannot start a character */
	UTF8_SHORT,	/* a sequence cut short */
	UTF8_OVERLONG,
	UTF8_SURROGATE,
	UTF8_BEYOND,	/* past U+10FFFF */
};

/*
 * Decodes the character at s (n > 0 bytes left) into *cp and returns
 * its length; for a bad sequence, *bad says why and the length is that
 * of the bytes to name and skip.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned long *cp,
    enum utf8_bad *bad)
{
	unsigned long c = s[0];
	size_t len, i;

	*bad = UTF8_OK;
	*cp = c;
	if (c < 0x80)
		return 1;
	if (c < 0xc0 || c >= 0xf8) {
		*bad = UTF8_LEAD;
		return 1;
	}
	len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	c &= 0x3fu >> (len - 1);
	for (i = 1; i < len; i++) {
		if (i >= n || (s[i] & 0xc0) != 0x80) {
			*bad = UTF8_SHORT;
			return i;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	*cp = c;
	if (c < (len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u))
		*bad = UTF8_OVERLONG;
	else if (c >= 0xd800 && c <= 0xdfff)
		*bad = UTF8_SURROGATE;
	else if (c > 0x10ffff)
		*bad = UTF8_BEYOND;
	return len;
}

/*
 * Why no text may hold the character c, or NULL.  Tab and line feed
 * are text; so are, in the file itself, the other line ends YAML knows
 * (CR, NEL, which it turns into line feeds).  Controls have no glyph
 * and could steer a terminal; cairo refuses noncharacters when it
 * writes a PDF's outline and metadata.
 */
static const char *
forbidden(unsigned long c, bool raw)
{
	if (c == '\t' || c == '\n' || (raw && (c == '\r' || c == 0x85)))
		return NULL;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return "a control character (only tab and line break are "
		    "allowed)";
	if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
		return "a Unicode noncharacter, which no PDF can hold";
	return NULL;
}

/* Names bytes in messages: "byte 0xff", "bytes 0xe4 0xb8". */
static void
name_bytes(char *out, size_t size, const unsigned char *s, size_t n)
{
	size_t i, at;

	at = (size_t)snprintf(out, size, "byte%s", n > 1 ? "s" : "");
	for (i = 0; i < n && at < size; i++)
		at += (size_t)snprintf(out + at, size - at, " 0x%02x", s[i]);
}

static void
report_bytes(struct build *b, const struct diag_pos *pos,
    const unsigned char *s, size_t n, size_t len, unsigned long c,
    enum utf8_bad bad)
{
	static const char *const bad_utf8 = "the file is not valid UTF-8 "
	    "text: ";
	char bytes[64];

	name_bytes(bytes, sizeof(bytes), s, len);
	switch (bad) {
	case UTF8_LEAD:
		diag_error(b->d, pos, "%s%s cannot start a character",
		    bad_utf8, bytes);
		break;
	case UTF8_SHORT:
		if (len < n)
			diag_error(b->d, pos, "%s%s start%s a character of %d "
			    "bytes, cut short by byte 0x%02x", bad_utf8, bytes,
			    len > 1 ? "" : "s", s[0] < 0xe0 ? 2 :
			    s[0] < 0xf0 ? 3 : 4, s[len]);
		else
			diag_error(b->d, pos, "%s%s start%s a character of %d "
			    "bytes, cut short by the end of the file", bad_utf8,
			    bytes, len > 1 ? "" : "s", s[0] < 0xe0 ? 2 :
			    s[0] < 0xf0 ? 3 : 4);
		break;
	case UTF8_OVERLONG:
		diag_error(b->d, pos, "%s%s are an overlong form of U+%04lX",
		    bad_utf8, bytes, c);
		break;
	case UTF8_SURROGATE:
		diag_error(b->d, pos, "%s%s encode U+%04lX, a surrogate",
		    bad_utf8, bytes, c);
		break;
	case UTF8_BEYOND:
		diag_error(b->d, pos, "%s%s encode a number past U+10FFFF",
		    bad_utf8, bytes);
		break;
	case UTF8_OK:
		diag_error(b->d, pos, "text contains U+%04lX, %s", c,
		    forbidden(c, true));
		break;
	}
}

/*
 * Checks every byte before libyaml reads them.  libyaml stops at the
 * first bad byte and names it by a value that is not always a byte (a
 * surrogate came out as "byte 0x00"), and it passes noncharacters,
 * which then fail the PDF with no position.  Positions count as
 * libyaml's marks do: characters, and CR LF, CR, LF, NEL, U+2028 and
 * U+2029 end lines.  The first bad character of each line is reported
 * (a Latin-1 file would give one per accent); false if there was any.
 */
static bool
check_bytes(struct build *b)
{
	const unsigned char *s = (const unsigned char *)b->buf;
	struct diag_pos pos = { b->doc->file, 1, 1 };
	int reported = 0;
	size_t i = 0, len;
	unsigned long c;
	enum utf8_bad bad;

	while (i < b->len) {
		len = utf8_decode(s + i, b->len - i, &c, &bad);
		if ((bad != UTF8_OK || forbidden(c, true)) &&
		    reported != pos.line) {
			report_bytes(b, &pos, s + i, b->len - i, len, c, bad);
			reported = pos.line;
		}
		i += len;
		if (bad == UTF8_OK && (c == '\n' || c == 0x85 ||
		    c == 0x2028 || c == 0x2029 || (c == '\r' &&
		    (i == b->len || s[i] != '\n')))) {
			pos.line++;
			pos.col = 1;
		} else if (c != '\r') {
			pos.col++;
		}
	}
	return reported == 0;
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
 * Counts w more nodes and t more bytes of text toward the expanded size
 * of the document.  What an alias stands for counts again at each use,
 * so later stages, which walk the tree as if expanded, never face a
 * "billion laughs", nor one paragraph aliased a thousand times.
 */
static bool
count_nodes(struct build *b, size_t w, size_t t, const struct diag_pos *pos)
{
	b->expanded += w;
	b->text += t;
	if (b->expanded > YLOAD_MAX_NODES) {
		diag_error(b->d, pos, "the document grows past %d nodes here "
		    "(aliases count once per use); that is the limit",
		    YLOAD_MAX_NODES);
	} else if (b->text > YLOAD_MAX_EXPANDED) {
		diag_error(b->d, pos, "the document's text grows past %u MiB "
		    "here (aliases count once per use); that is the limit",
		    YLOAD_MAX_EXPANDED >> 20);
	} else {
		return true;
	}
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
	} else if (p->error == YAML_READER_ERROR) {
		/* check_bytes() has named any bad byte already. */
		diag_error(b->d, &pos, "the file cannot be read as text: %s",
		    problem);
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

/*
 * check_bytes() has let no such character through as written, so one
 * here comes from an escape ("\e", "\uFDD0"): reported at its text,
 * the first one only.
 */
static void
check_text(struct build *b, const struct ynode *n)
{
	const char *p;

	for (p = n->str; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *why = forbidden(c, false);

		if (why != NULL) {
			diag_error(b->d, &n->pos, "text contains U+%04lX, %s",
			    (unsigned long)c, why);
			b->failed = true;
			return;
		}
	}
}

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
	check_text(b, n);
	if (n->len > YLOAD_MAX_TEXT) {
		diag_error(b->d, &n->pos, "a text of %zu bytes; the limit is "
		    "%u KiB", n->len, YLOAD_MAX_TEXT >> 10);
		b->failed = true;
	}
	n->text = n->len;
	anchor_add(b, ev->data.scalar.anchor, n);
	return count_nodes(b, 1, n->len, &n->pos) ? n : NULL;
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
		n->text += c->text;
		ptrvec_push(b->doc->arena, &v, c);
	}
	n->items = (struct ynode **)v.items;
	n->n = v.n;
	/* Only now: an alias inside its own anchor would make a cycle. */
	anchor_add(b, ev->data.sequence_start.anchor, n);
	return n;
}

/* The YAML 1.1 merge key: a plain '<<' (quoted, it is an ordinary key). */
static bool
is_merge_key(const struct ynode *k)
{
	return k->kind == YNODE_SCALAR && k->plain && strcmp(k->str, "<<") == 0;
}

/*
 * What an unknown alias stands for (the document fails anyway): known
 * by its address, so that '<<: *typo' gives no second error about what
 * a merge key takes.
 */
static const char unknown_alias[] = "";

static bool
merge_ok(struct build *b, const struct ynode *v)
{
	const struct ynode *bad = v;
	size_t i;

	if (v->kind == YNODE_MAP || v->str == unknown_alias)
		return true;
	if (v->kind == YNODE_SEQ) {
		for (i = 0; i < v->n && v->items[i]->kind == YNODE_MAP; i++)
			;
		if (i == v->n)
			return true;
		bad = v->items[i];
	}
	diag_error(b->d, &bad->pos, "a merge key '<<' takes a mapping (an "
	    "alias such as *base) or a list of mappings, not %s",
	    ynode_kind_name(bad));
	b->failed = true;
	return false;
}

static void
merge_from(struct build *b, const struct ynode *m, GHashTable *seen,
    struct ptrvec *keys, struct ptrvec *vals)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		struct ynode *k = m->pairs[i].key;

		if (g_hash_table_contains(seen, k->str))
			continue;
		g_hash_table_insert(seen, (gpointer)k->str, k);
		ptrvec_push(b->doc->arena, keys, k);
		ptrvec_push(b->doc->arena, vals, m->pairs[i].val);
	}
}

/*
 * Sets the pairs of n, expanding merge keys as YAML 1.1 does: in place
 * of each '<<', the pairs of its mapping, or of each mapping of its
 * list in turn, whose keys neither n itself nor an earlier source has.
 * Merged pairs are the source's own nodes, positions and all.
 */
static void
set_pairs(struct build *b, struct ynode *n, const struct ptrvec *keys,
    const struct ptrvec *vals, GHashTable *seen, bool merges)
{
	struct ptrvec k = { 0 }, v = { 0 };
	size_t i, j;

	if (!merges) {
		k = *keys;
		v = *vals;
	}
	for (i = 0; merges && i < keys->n; i++) {
		const struct ynode *val = vals->items[i];

		if (!is_merge_key(keys->items[i])) {
			ptrvec_push(b->doc->arena, &k, keys->items[i]);
			ptrvec_push(b->doc->arena, &v, vals->items[i]);
		} else if (val->kind == YNODE_MAP) {
			merge_from(b, val, seen, &k, &v);
		} else {
			for (j = 0; j < val->n; j++)
				merge_from(b, val->items[j], seen, &k, &v);
		}
	}
	n->n = k.n;
	n->pairs = arena_alloc(b->doc->arena, (n->n ? n->n : 1) *
	    sizeof(*n->pairs));
	for (i = 0; i < n->n; i++) {
		n->pairs[i].key = k.items[i];
		n->pairs[i].val = v.items[i];
	}
}

static struct ynode *
parse_map(struct build *b, yaml_event_t *ev)
{
	struct ynode *n = node_new(b, YNODE_MAP, ev->start_mark);
	struct ptrvec keys = { 0 }, vals = { 0 };
	/* Keys so far, hashed: a pairwise check took minutes for a
	 * mapping of 200,000 keys. */
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	yaml_event_t kev, vev;
	bool merges = false;

	for (;;) {
		struct ynode *k, *v;
		const struct ynode *o;

		if (!next_event(b, &kev))
			goto fail;
		if (kev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&kev);
			break;
		}
		k = parse_node(b, &kev);
		yaml_event_delete(&kev);
		if (k == NULL)
			goto fail;
		if (!next_event(b, &vev))
			goto fail;
		v = parse_node(b, &vev);
		yaml_event_delete(&vev);
		if (v == NULL)
			goto fail;
		n->weight += k->weight + v->weight;
		n->text += k->text + v->text;
		if (k->kind != YNODE_SCALAR) {
			diag_error(b->d, &k->pos,
			    "a mapping key must be a plain text, not %s",
			    ynode_kind_name(k));
			b->failed = true;
			continue;
		}
		if (is_merge_key(k)) {
			if (!merge_ok(b, v))
				continue;
			merges = true;
		}
		if ((o = g_hash_table_lookup(seen, k->str)) != NULL) {
			diag_error(b->d, &k->pos,
			    "duplicate key '%s' (first at line %d)",
			    k->str, o->pos.line);
			b->failed = true;
		} else {
			g_hash_table_insert(seen, (gpointer)k->str, k);
		}
		ptrvec_push(b->doc->arena, &keys, k);
		ptrvec_push(b->doc->arena, &vals, v);
	}
	set_pairs(b, n, &keys, &vals, seen, merges);
	g_hash_table_destroy(seen);
	anchor_add(b, ev->data.mapping_start.anchor, n);
	return n;
fail:
	g_hash_table_destroy(seen);
	return NULL;
}

static struct ynode *
parse_alias(struct build *b, yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	size_t i;

	for (i = b->nanchors; i-- > 0;)
		if (strcmp(b->anchors[i].name, name) == 0) {
			struct diag_pos pos = mark_pos(b, ev->start_mark);

			if (!count_nodes(b, b->anchors[i].node->weight,
			    b->anchors[i].node->text, &pos))
				return NULL;
			return b->anchors[i].node;
		}
	{
		struct diag_pos pos = mark_pos(b, ev->start_mark);
		const char **names = xcalloc(b->nanchors + 1, sizeof(*names));
		const char *near;

		for (i = 0; i < b->nanchors; i++)
			names[i] = b->anchors[i].name;
		near = schema_suggest(name, names, b->nanchors);
		if (near != NULL)
			diag_error(b->d, &pos, "unknown alias '*%s'; did you "
			    "mean '*%s'?", name, near);
		else
			diag_error(b->d, &pos, "unknown alias '*%s': no value "
			    "before it is marked '&%s' (an alias repeats a value "
			    "anchored earlier in the file)", name, name);
		free(names);
	}
	b->failed = true;
	{
		struct ynode *n = node_new(b, YNODE_SCALAR, ev->start_mark);

		n->str = unknown_alias;
		return n;
	}
}

/*
 * A tag would change what a value means (!!binary is base64, !!int a
 * number); values here are read as written, so a tag is an error,
 * except the ones that change nothing: !!str on a text, !!map on a
 * mapping, !!seq on a list, and the non-specific '!'.
 */
static void
check_tag(struct build *b, const yaml_char_t *tag, const struct ynode *n)
{
	static const char std[] = "tag:yaml.org,2002:";
	static const char *const fits[YNODE__MAX] = {
		[YNODE_SCALAR] = "str",
		[YNODE_MAP] = "map",
		[YNODE_SEQ] = "seq",
	};
	const char *t = (const char *)tag, *name;
	bool is_std;

	if (t == NULL || n == NULL || strcmp(t, "!") == 0)
		return;
	is_std = strncmp(t, std, sizeof(std) - 1) == 0;
	name = is_std ? t + sizeof(std) - 1 : t;
	if (is_std && strcmp(name, fits[n->kind]) == 0)
		return;
	if (is_std && (strcmp(name, "str") == 0 || strcmp(name, "map") == 0 ||
	    strcmp(name, "seq") == 0))
		diag_error(b->d, &n->pos, "the YAML tag '!!%s' does not fit "
		    "%s; drop the tag", name, ynode_kind_name(n));
	else
		diag_error(b->d, &n->pos, "the YAML tag '%s%s' is not "
		    "supported: values are read as they are written; drop "
		    "the tag", is_std ? "!!" : "", name);
	b->failed = true;
}

static struct ynode *
parse_node(struct build *b, yaml_event_t *ev)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = parse_scalar(b, ev);
		check_tag(b, ev->data.scalar.tag, n);
		return n;
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

			if (!count_nodes(b, 1, 0, &pos))
				return NULL;
		}
		n = ev->type == YAML_MAPPING_START_EVENT ?
		    parse_map(b, ev) : parse_seq(b, ev);
		b->depth--;
		check_tag(b, ev->type == YAML_MAPPING_START_EVENT ?
		    ev->data.mapping_start.tag : ev->data.sequence_start.tag,
		    n);
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
	if (check_bytes(&b)) {
		doc = load(&b);
	} else {
		ydoc_free(doc);
		doc = NULL;
	}
	yaml_parser_delete(&b.parser);
	return doc;
}

struct ydoc *
yload_file(const char *path, struct diag *d)
{
	struct diag_pos pos = { path, 0, 0 };
	unsigned char *buf;
	char why[128];
	size_t len;
	struct ydoc *doc;
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > YLOAD_MAX_FILE) {
		diag_error(d, &pos, "the file is %.1f MiB; the limit is %u MiB",
		    st.st_size / 1048576.0, YLOAD_MAX_FILE >> 20);
		return NULL;
	}
	/* Regular files only, never waited on (a FIFO). */
	if (!confine_read(path, YLOAD_MAX_FILE, &buf, &len, why,
	    sizeof(why))) {
		diag_error(d, &pos, "cannot read: %s", why);
		return NULL;
	}
	doc = yload_buffer(path, (const char *)buf, len, d);
	free(buf);
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
