/*
 * Quotes: between template expansion and layout, a style with
 * `quotes: typographic` has its straight quotes curled (layout.c calls
 * quotes_curl on each paragraph it places); and `check` reads the
 * quotes of the data for notes (quotes_check).  Both decide what a
 * straight quote is the same way, so what check calls a pair is a pair
 * once curled.
 */
#include <string.h>

#include <glib.h>

#include "quotes.h"
#include "spec.h"

#define OPEN1	0x2018	/* ‘ */
#define CLOSE1	0x2019	/* ’ */
#define OPEN2	0x201C	/* “ */
#define CLOSE2	0x201D	/* ” */

/* Notes on one text at most: a text of a thousand stray marks is one
 * problem, not a thousand lines. */
#define MAX_NOTES	5

/*
 * Particles that a quotation takes without a space: with one, the line
 * may break before the particle, which then begins a line.  (하고 after
 * a quotation is the verb 하다, written apart.)
 */
static const char *const particles[] = {
	"라고", "라는", "라며", "라면서", "이라고", "이라는", "이라며",
};

/*
 * Whether a straight quote after prev (0: at the start) opens: after a
 * space, an opening bracket or quote, or a dash.  (An if-chain: a switch
 * over GUnicodeType would have to name all thirty types.)
 */
static bool
opens_after(gunichar prev)
{
	GUnicodeType t = g_unichar_type(prev);

	return prev == 0 || g_unichar_isspace(prev) ||
	    t == G_UNICODE_OPEN_PUNCTUATION ||
	    t == G_UNICODE_INITIAL_PUNCTUATION ||
	    t == G_UNICODE_DASH_PUNCTUATION;
}

char *
quotes_curl(const char *text)
{
	GString *out;
	const char *p, *next;
	gunichar prev = 0, c;

	if (strpbrk(text, "'\"") == NULL)
		return NULL;
	out = g_string_sized_new(strlen(text) + 16);
	for (p = text; *p != '\0'; p = next) {
		c = g_utf8_get_char(p);
		next = g_utf8_next_char(p);
		if (c == '\'')
			c = opens_after(prev) ? OPEN1 : CLOSE1;
		else if (c == '"')
			c = opens_after(prev) ? OPEN2 : CLOSE2;
		else {
			g_string_append_len(out, p, next - p);
			prev = c;
			continue;
		}
		g_string_append_unichar(out, c);
		prev = c;
	}
	return g_string_free(out, FALSE);
}

static bool
is_latin_letter(gunichar c)
{
	return g_unichar_isalpha(c) &&
	    g_unichar_get_script(c) == G_UNICODE_SCRIPT_LATIN;
}

/* The particle of particles[] that p begins with, or NULL. */
static const char *
particle_at(const char *p)
{
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(particles); i++)
		if (g_str_has_prefix(p, particles[i]))
			return particles[i];
	return NULL;
}

/*
 * The text from `before` characters ahead of from to `after` characters
 * past it, with … where it was cut: for a message.  g_free() it.
 */
static char *
excerpt(const char *s, const char *from, int before, int after)
{
	const char *a = from, *b = from;
	int i;

	for (i = 0; i < before && a > s; i++)
		a = g_utf8_prev_char(a);
	for (i = 0; i < after && *b != '\0'; i++)
		b = g_utf8_next_char(b);
	return g_strdup_printf("%s%.*s%s", a > s ? "…" : "", (int)(b - a), a,
	    *b != '\0' ? "…" : "");
}

/* One text being read: its open quotes, innermost last. */
struct scan {
	const struct ynode	*n;
	struct diag		*d;
	const char		*open[32];	/* where each opened */
	gunichar		 mark[32];	/* OPEN1 or OPEN2 */
	int			 depth;		/* may pass 32: not kept */
	int			 notes;
};

/* Reports msg (g_free()d here) about the text, if it has room. */
static void
note(struct scan *sc, char *msg)
{
	if (sc->notes++ < MAX_NOTES)
		diag_advice(sc->d, &sc->n->pos, "%s", msg);
	g_free(msg);
}

static void
note_unclosed(struct scan *sc, int i)
{
	char *at;

	if (i >= 32)
		return;
	at = excerpt(sc->n->str, sc->open[i], 0, 16);
	note(sc, g_strdup_printf("%s is never closed (%s)",
	    sc->mark[i] == OPEN1 ? "‘" : "“", at));
	g_free(at);
}

/*
 * A closing quote of kind open (OPEN1, OPEN2) at p, after prev: pairs
 * with the innermost quote of its kind; the quotes opened inside that
 * one were never closed.
 */
static void
close_quote(struct scan *sc, gunichar open, const char *p, gunichar prev)
{
	int i, j, kept = sc->depth < 32 ? sc->depth : 32;
	char *at;

	/* Inside quotes deeper than kept: it closes the innermost. */
	if (sc->depth > kept) {
		sc->depth--;
		return;
	}
	for (i = kept - 1; i >= 0; i--)
		if (sc->mark[i] == open)
			break;
	if (i >= 0) {
		for (j = i + 1; j < sc->depth; j++)
			note_unclosed(sc, j);
		sc->depth = i;
		return;
	}
	/* students’: an apostrophe after a word. */
	if (open == OPEN1 && is_latin_letter(prev))
		return;
	at = excerpt(sc->n->str, g_utf8_next_char(p), 16, 0);
	note(sc, g_strdup_printf("%s closes no quote (%s)", open == OPEN1 ?
	    "’" : "”", at));
	g_free(at);
}

/* The quotes of one text, read as quotes_curl() curls them. */
static void
check_text(const struct ynode *n, struct diag *d)
{
	struct scan sc = { .n = n, .d = d };
	const char *p, *next, *q, *part;
	gunichar prev = 0, c, open;
	int i;

	for (p = n->str; *p != '\0'; prev = c, p = next) {
		c = g_utf8_get_char(p);
		next = g_utf8_next_char(p);
		if (c == '\'' || c == '"')
			c = opens_after(prev) ? (c == '"' ? OPEN2 : OPEN1) :
			    (c == '"' ? CLOSE2 : CLOSE1);
		if (c == OPEN1 || c == OPEN2) {
			if (sc.depth < 32) {
				sc.open[sc.depth] = p;
				sc.mark[sc.depth] = c;
			}
			sc.depth++;
			continue;
		}
		if (c != CLOSE1 && c != CLOSE2)
			continue;
		/* don't, 90's: an apostrophe inside a word. */
		open = c == CLOSE1 ? OPEN1 : OPEN2;
		if (open == OPEN1 && is_latin_letter(g_utf8_get_char(next)) &&
		    (is_latin_letter(prev) || g_ascii_isdigit(prev)))
			continue;
		close_quote(&sc, open, p, prev);
		for (q = next; *q == ' '; q++)
			continue;
		if (q > next && (part = particle_at(q)) != NULL) {
			char *at = excerpt(n->str, q + strlen(part), 16, 0);

			note(&sc, g_strdup_printf("%s after a closing quote "
			    "is a particle, written close to the quote, not "
			    "after a space (%s)", part, at));
			g_free(at);
		}
	}
	for (i = 0; i < sc.depth; i++)
		note_unclosed(&sc, i);
}

/* Every text under n once (an alias names the same node again). */
static void
check_node(const struct ynode *n, struct diag *d, GHashTable *seen)
{
	size_t i;

	if (!g_hash_table_add(seen, (gpointer)n))
		return;
	switch (n->kind) {
	case YNODE_SCALAR:
		check_text(n, d);
		break;
	case YNODE_SEQ:
		for (i = 0; i < n->n; i++)
			check_node(n->items[i], d, seen);
		break;
	case YNODE_MAP:
		for (i = 0; i < n->n; i++)
			check_node(n->pairs[i].val, d, seen);
		break;
	case YNODE__MAX:
		break;
	}
}

void
quotes_check(const struct spec *const *specs, size_t n,
    const struct ynode *root, struct diag *d)
{
	GHashTable *seen;
	bool curls = false;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < specs[i]->nstyles; j++)
			curls = curls || specs[i]->styles[j]->curl_quotes;
	if (!curls || root == NULL)
		return;
	seen = g_hash_table_new(NULL, NULL);
	check_node(root, d, seen);
	g_hash_table_destroy(seen);
}
