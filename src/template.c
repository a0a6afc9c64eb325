/*
 * Template parsing and expansion.  Syntax:
 *
 *     인턴 '{{name}}'의 회고          field
 *     {{link.url}}                    nested field
 *     {{name|이/가}} 알려주는 노하우!  field + agreeing particle
 *                                     (read as the data's `readings`
 *                                     say: {Park: 박} gives Park이)
 *     {{story.0|sentence}}            first item, first sentence
 *     {{name|upper|이/가}}             filters, then a particle last
 *     {{{{ and }}}} are not special; "{{" without "}}" is an error.
 *
 * Data text is never parsed as a template: expansion copies values
 * verbatim, so "{{" or "<b>" in the data print as themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "josa.h"
#include "mem.h"
#include "template.h"

static bool
valid_path(const char *p)
{
	bool seg = false;

	for (; *p; p++) {
		if (g_ascii_isalnum(*p) || *p == '_' || *p == '-') {
			seg = true;
		} else if (*p == '.' && seg) {
			seg = false;
		} else {
			return false;
		}
	}
	return seg;
}

/*
 * What follows the field's '|': filters, then at most one particle,
 * last ("{{name|upper|이/가}}": the particle agrees with the word, so
 * a filter after it would have nothing to act on).  `upper` and
 * `lower` together would undo each other: refused.
 */
static bool
parse_filters(struct arena *a, struct tmpl_part *part, const char *field,
    const struct ynode *node, struct diag *d)
{
	char **seg = g_strsplit(part->particle, "|", -1);
	const char *whole = part->particle;
	bool ok = true;
	size_t i;

	part->particle = NULL;
	for (i = 0; ok && seg[i] != NULL; i++) {
		const char *f = g_strstrip(seg[i]);

		if (part->particle != NULL) {
			diag_error(d, &node->pos, "'%s' after the particle "
			    "'%s' in '{{%s|%s}}': the particle comes last",
			    f, part->particle, field, whole);
			ok = false;
		} else if (strcmp(f, "sentence") == 0) {
			part->filters |= FILTER_SENTENCE;
		} else if (strcmp(f, "upper") == 0 ||
		    strcmp(f, "lower") == 0) {
			unsigned bit = f[0] == 'u' ? FILTER_UPPER :
			    FILTER_LOWER;

			if (part->filters & (FILTER_UPPER | FILTER_LOWER) &
			    ~bit) {
				diag_error(d, &node->pos, "'upper' and 'lower' "
				    "in '{{%s|%s}}': choose one", field, whole);
				ok = false;
			}
			part->filters |= bit;
		} else if (josa_is_known(f)) {
			part->particle = seg[i];
		} else {
			diag_error(d, &node->pos, "unknown particle '%s' in "
			    "'{{%s|%s}}' (known: 이/가, 은/는, 을/를, 과/와, "
			    "이나/나, 으로/로, 이에요/예요, 아/야, 이랑/랑; "
			    "filters: sentence, upper, lower)", f, field,
			    whole);
			ok = false;
		}
	}
	/* The particle points into seg: copy it beside its template. */
	if (part->particle != NULL)
		part->particle = arena_strdup(a, part->particle);
	g_strfreev(seg);
	return ok;
}

struct tmpl *
tmpl_parse(struct arena *a, const struct ynode *node, struct diag *d)
{
	struct tmpl *t = arena_alloc(a, sizeof(*t));
	const char *s = node->str, *open, *close;
	size_t cap = 4;

	t->node = node;
	t->parts = arena_alloc(a, cap * sizeof(*t->parts));
	while (*s) {
		struct tmpl_part part = { 0 };

		open = strstr(s, "{{");
		if (open != s) {
			size_t n = open ? (size_t)(open - s) : strlen(s);

			part.lit = arena_strndup(a, s, n);
			s += n;
		} else {
			char *inner, *bar;

			close = strstr(open + 2, "}}");
			if (close == NULL) {
				diag_error(d, &node->pos,
				    "'{{' without a closing '}}' in template");
				return NULL;
			}
			inner = arena_strndup(a, open + 2,
			    (size_t)(close - open - 2));
			g_strstrip(inner);
			bar = strchr(inner, '|');
			if (bar != NULL) {
				*bar = '\0';
				part.particle = g_strstrip(bar + 1);
				g_strstrip(inner);
				if (!parse_filters(a, &part, inner, node, d))
					return NULL;
			}
			if (!valid_path(inner)) {
				diag_error(d, &node->pos,
				    "'{{%s}}' is not a field name (letters, "
				    "digits, '-', '_', and '.' between names)",
				    inner);
				return NULL;
			}
			part.path = inner;
			s = close + 2;
		}
		if (t->n == cap) {
			struct tmpl_part *p = arena_alloc(a,
			    2 * cap * sizeof(*p));

			memcpy(p, t->parts, cap * sizeof(*p));
			t->parts = p;
			cap *= 2;
		}
		t->parts[t->n++] = part;
	}
	return t;
}

bool
tmpl_is_literal(const struct tmpl *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->parts[i].path != NULL)
			return false;
	return true;
}

bool
tmpl_names(const struct tmpl *t, const char *path)
{
	size_t i;

	for (i = 0; t != NULL && i < t->n; i++)
		if (t->parts[i].path != NULL &&
		    strcmp(t->parts[i].path, path) == 0)
			return true;
	return false;
}

/* A path segment of digits indexes a list from 0: "story.0". */
static const struct ynode *
lookup_in(const struct ynode *n, const char *path)
{
	char seg[256];

	while (n != NULL && *path) {
		const char *dot = strchr(path, '.');
		size_t len = dot ? (size_t)(dot - path) : strlen(path);

		if (len >= sizeof(seg))
			return NULL;
		memcpy(seg, path, len);
		seg[len] = '\0';
		if (n->kind == YNODE_SEQ) {
			char *end;
			unsigned long i = strtoul(seg, &end, 10);

			if (*end != '\0' || !g_ascii_isdigit(seg[0]))
				return NULL;
			n = i < n->n ? n->items[i] : NULL;
		} else {
			n = ynode_get(n, seg);
		}
		path += len + (dot != NULL);
	}
	return n;
}

/*
 * Words that take a quotation before them: after one, a quote's closing
 * mark ends no sentence ("‘…하는구나!’ 라고 생각했어요.").
 */
static const char *const quote_words[] = {
	"라고", "라는", "라며", "라면서", "이라고", "이라는", "이라며",
	"하고", "하는", "하며", "하면서",
};

static bool
is_quote_word(const char *p)
{
	size_t i;

	while (*p == ' ')
		p++;
	for (i = 0; i < sizeof(quote_words) / sizeof(quote_words[0]); i++)
		if (g_str_has_prefix(p, quote_words[i]))
			return true;
	return false;
}

/* The start of the run of ASCII digits that ends at p (p itself: none). */
static const char *
digits_before(const char *s, const char *p)
{
	while (p > s && g_ascii_isdigit(p[-1]))
		p--;
	return p;
}

/*
 * Whether the '.' at dot, right after a number, belongs to it: a
 * numbered item at the start of a line ("1. 첫째"), or a part of a
 * Korean date "2021. 7. 1." (a number follows, or two came before).
 */
static bool
dot_in_number(const char *s, const char *dot)
{
	const char *num = digits_before(s, dot), *p = dot + 1, *q;
	int parts;

	if (num == dot)
		return false;
	for (q = num; q > s && (q[-1] == ' ' || q[-1] == '\t'); q--)
		continue;
	if (q == s || q[-1] == '\n')
		return true;
	while (*p == ' ')
		p++;
	if (p > dot + 1 && g_ascii_isdigit(*p))
		return true;
	/* Back over "D. D. " before it: the day of a date. */
	for (parts = 0, q = num; parts < 2; parts++) {
		while (q > s && q[-1] == ' ')
			q--;
		if (q == s || q[-1] != '.' || digits_before(s, q - 1) == q - 1)
			break;
		q = digits_before(s, q - 1);
	}
	return parts == 2;
}

/*
 * Length in bytes of the first sentence of s: up to a '.', '!' or '?'
 * (or their full-width forms) followed by a space or the end, with any
 * closing quotes after it.  Not an end: a decimal point (3.5), the dot
 * of a numbered item or of a Korean date ("2021. 7. 1.(목)"), and a
 * closing quote followed by a word that takes a quotation (‘…!’ 라고).
 */
size_t
tmpl_first_sentence(const char *s)
{
	const char *p = s, *mark;

	while (*p) {
		gunichar c = g_utf8_get_char(p);
		bool quoted = false;

		mark = p;
		p = g_utf8_next_char(p);
		if (c != '.' && c != '!' && c != '?' && c != 0x3002 &&
		    c != 0xFF01 && c != 0xFF1F)
			continue;
		if (c == '.' && dot_in_number(s, mark))
			continue;
		while (*p && strchr("'\")", *p) != NULL) {
			quoted = quoted || *p != ')';
			p++;
		}
		while (g_str_has_prefix(p, "’") || g_str_has_prefix(p, "”")) {
			p += strlen("’");
			quoted = true;
		}
		if (quoted && is_quote_word(p))
			continue;
		if (*p == '\0' || g_unichar_isspace(g_utf8_get_char(p)))
			return (size_t)(p - s);
	}
	return strlen(s);
}

/*
 * The mapping that holds the field at path: "interns.0" for
 * "interns.0.name", a page made once reaching a record by path.  NULL
 * for a path of one segment (its holder is the scope's own).
 */
static const struct ynode *
holder_of(const struct scope *sc, const char *path)
{
	const char *dot = strrchr(path, '.');
	const struct ynode *n;
	char *up;

	if (dot == NULL)
		return NULL;
	up = g_strndup(path, (gsize)(dot - path));
	n = tmpl_lookup(sc, up);
	g_free(up);
	return n != NULL && n->kind == YNODE_MAP ? n : NULL;
}

/*
 * The reading of the word s ends with, from `readings: {Park: 박}` in
 * the record that holds the field (at path), else the scope's record,
 * else the document: the longest word given that is s or ends s after
 * a space ("Jimin Park").  s itself if none is given; validation
 * (data.c) made sure every record's and the document's reading is
 * Hangul, and a reading from another mapping is only read aloud.
 */
static const char *
reading_of(const struct scope *sc, const char *path, const char *s)
{
	const struct ynode *holder = path ? holder_of(sc, path) : NULL;
	const struct ynode *maps[] = {
		holder ? ynode_get(holder, "readings") : NULL,
		sc->record ? ynode_get(sc->record, "readings") : NULL,
		sc->root ? ynode_get(sc->root, "readings") : NULL,
	};
	size_t len = strlen(s), i, j, best = 0;
	const char *found = NULL;

	for (i = 0; i < 3 && found == NULL; i++) {
		const struct ynode *m = maps[i];

		for (j = 0; m != NULL && m->kind == YNODE_MAP && j < m->n; j++) {
			const struct ypair *p = &m->pairs[j];
			size_t klen = strlen(p->key->str);

			if (klen == 0 || klen > len || klen <= best ||
			    p->val->kind != YNODE_SCALAR ||
			    strcmp(s + len - klen, p->key->str) != 0 ||
			    (klen < len && s[len - klen - 1] != ' '))
				continue;
			best = klen;
			found = p->val->str;
		}
	}
	return found ? found : s;
}

const struct ynode *
tmpl_lookup(const struct scope *sc, const char *path)
{
	const struct ynode *n;

	if ((n = lookup_in(sc->item, path)) != NULL)
		return n;
	if ((n = lookup_in(sc->record, path)) != NULL)
		return n;
	return lookup_in(sc->root, path);
}

const char *
tmpl_scalar(const struct ynode *n)
{
	if (n == NULL || n->kind != YNODE_SCALAR || ynode_is_null(n))
		return NULL;
	return n->str;
}

bool
tmpl_has_value(const struct ynode *n)
{
	if (n == NULL || ynode_is_null(n))
		return false;
	return n->kind == YNODE_SCALAR ? n->len > 0 : n->n > 0;
}

/*
 * s through its filters onto out: the first sentence, then the case of
 * its Latin (Hangul has no case: unchanged).
 */
static void
append_filtered(GString *out, const char *s, unsigned filters,
    char *(*escape)(const char *))
{
	gssize n = filters & FILTER_SENTENCE ?
	    (gssize)tmpl_first_sentence(s) : -1;
	char *m = filters & FILTER_UPPER ? g_utf8_strup(s, n) :
	    filters & FILTER_LOWER ? g_utf8_strdown(s, n) :
	    g_strndup(s, n < 0 ? strlen(s) : (gsize)n);

	if (escape != NULL) {
		char *e = escape(m);

		g_free(m);
		m = e;
	}
	g_string_append(out, m);
	g_free(m);
}

void
tmpl_expand(const struct tmpl *t, const struct scope *sc, struct tval *v,
    struct diag *d)
{
	tmpl_expand_escaped(t, sc, v, d, NULL);
}

void
tmpl_expand_escaped(const struct tmpl *t, const struct scope *sc,
    struct tval *v, struct diag *d, char *(*escape)(const char *))
{
	GString *out;
	size_t i;

	memset(v, 0, sizeof(*v));
	/* One field alone that holds a list: the list itself. */
	if (t->n == 1 && t->parts[0].path != NULL &&
	    t->parts[0].particle == NULL &&
	    t->parts[0].filters == FILTER_NONE) {
		const struct ynode *n = tmpl_lookup(sc, t->parts[0].path);

		if (n != NULL && n->kind == YNODE_SEQ && n->n > 0) {
			v->kind = TVAL_LIST;
			v->list = n;
			v->src = n;
			return;
		}
	}
	out = g_string_new(NULL);
	for (i = 0; i < t->n; i++) {
		const struct tmpl_part *p = &t->parts[i];
		const struct ynode *n;
		char num[32];
		const char *s = NULL;

		if (p->lit != NULL) {
			g_string_append(out, p->lit);
			continue;
		}
		if (strcmp(p->path, "page.number") == 0 ||
		    strcmp(p->path, "page.count") == 0) {
			snprintf(num, sizeof(num), "%d", p->path[5] == 'n' ?
			    sc->page_number : sc->page_count);
			s = num;
		} else {
			n = tmpl_lookup(sc, p->path);
			if (!tmpl_has_value(n)) {
				v->kind = TVAL_MISSING;
				v->missing = p->path;
				g_string_free(out, TRUE);
				return;
			}
			if (v->src == NULL)
				v->src = n;
			if (n->kind != YNODE_SCALAR) {
				diag_warning(d, &n->pos, "field '%s' is %s, "
				    "not a text; left out", p->path,
				    ynode_kind_name(n));
				diag_note(d, &t->node->pos,
				    "the template using it is here");
				v->kind = TVAL_MISSING;
				v->missing = p->path;
				g_string_free(out, TRUE);
				return;
			}
			s = n->str;
		}
		append_filtered(out, s, p->filters, escape);
		/* The particle agrees with the word, whatever its case. */
		if (p->particle != NULL)
			g_string_append(out, josa_pick(reading_of(sc, p->path, s),
			    p->particle));
		/*
		 * A template repeating a field would multiply what the data
		 * may hold, and the layout of a paragraph grows faster than
		 * its length: one expanded text has the limit of one text.
		 */
		if (out->len > YLOAD_MAX_TEXT) {
			diag_error(d, &t->node->pos, "this template makes a text "
			    "of more than %u KiB (at '%s'); that is the limit "
			    "of one text", YLOAD_MAX_TEXT >> 10, p->path ?
			    p->path : "its own text");
			v->kind = TVAL_MISSING;
			v->missing = p->path;
			g_string_free(out, TRUE);
			return;
		}
	}
	if (out->len == 0) {
		/* Nothing to draw: `text: ""` is left out like a missing field. */
		v->kind = TVAL_MISSING;
		g_string_free(out, TRUE);
		return;
	}
	v->kind = TVAL_TEXT;
	v->text = g_string_free(out, FALSE);
}

void
tval_clear(struct tval *v)
{
	g_free(v->text);
	memset(v, 0, sizeof(*v));
}
