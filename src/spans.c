/*
 * Character styles: the layout's `spans:` (a name → weight, color,
 * size, background) read into spec->spans, and the markup of a text
 * block's layout text checked against them while the layout is parsed,
 * so that a bad tag there is the layout's error, reported once.
 */
#include <string.h>

#include <glib.h>

#include "markup.h"
#include "schema.h"
#include "specparse.h"
#include "spans.h"
#include "style.h"
#include "template.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* Sorted, for schema_keys(). */
static const char *const span_keys[] = {
	"background", "color", "size", "weight",
};

const struct schema_keyset spans_keyset = {
	"span", span_keys, N(span_keys)
};

static void
parse_span(struct spec_parser *p, const struct ynode *key,
    const struct ynode *m, struct span_style *sp)
{
	const struct ynode *n;
	enum field_scope scope = p->scope;

	sp->name = key->str;
	sp->node = key;
	/* Unknown keys reported, the known ones still read. */
	if (!schema_keys(p->d, m, span_keys, N(span_keys),
	    "a character style") && m->kind != YNODE_MAP)
		return;
	if ((n = ynode_get(m, "weight")) != NULL)
		style_parse_weight(p->d, n, &sp->weight);
	if ((n = ynode_get(m, "size")) != NULL &&
	    schema_length(p->d, n, "size", 0, false, &sp->size) &&
	    sp->size <= 0) {
		diag_error(p->d, &n->pos, "size must be more than 0");
		sp->size = 0;
	}
	/* Like a style's colour, a template is read in the scope of the
	 * record whose text uses the span. */
	p->scope = SCOPE_RECORD;
	if ((n = ynode_get(m, "color")) != NULL) {
		sp->has_color = true;
		spec_parse_color(p, n, "color", &sp->color);
	}
	if ((n = ynode_get(m, "background")) != NULL) {
		sp->has_background = true;
		spec_parse_color(p, n, "background", &sp->background);
	}
	p->scope = scope;
}

void
spans_parse(struct spec_parser *p, const struct ynode *m)
{
	struct span_style *sp;
	size_t i;

	if (m->kind != YNODE_MAP) {
		diag_error(p->d, &m->pos, "'spans' must be a mapping of "
		    "character style names to their keys, not %s",
		    ynode_kind_name(m));
		return;
	}
	sp = arena_alloc(p->a, (m->n ? m->n : 1) * sizeof(*sp));
	for (i = 0; i < m->n; i++) {
		const struct ynode *k = m->pairs[i].key;
		const char *c;

		parse_span(p, k, m->pairs[i].val, &sp[i]);
		for (c = k->str; *c != '\0'; c++)
			if (!g_ascii_isalnum(*c) && *c != '-' && *c != '_')
				break;
		if (!g_ascii_isalpha(k->str[0]) || *c != '\0')
			diag_error(p->d, &k->pos, "a character style's name "
			    "is a tag: a letter, then letters, digits, '-' "
			    "or '_', not '%s'", k->str);
	}
	p->spec->spans = sp;
	p->spec->nspans = m->n;
}

/*
 * Checks the markup of text s, written at node n under key (for the
 * message): true if it holds a tag or a '<<' and they read well (a
 * bullet with bad tags is then drawn as written, never read again).
 */
static bool
check_markup(struct spec_parser *p, const char *s, const struct ynode *n,
    const char *key)
{
	struct markup mk;
	char err[200];

	if (strchr(s, '<') == NULL)
		return false;
	if (!markup_parse(s, p->spec->spans, p->spec->nspans, &mk, err,
	    sizeof(err))) {
		diag_error(p->d, &n->pos, "%s: %s", key, err);
		return false;
	}
	markup_clear(&mk);
	return true;
}

/*
 * Checks the markup of template t: its literal text with each field
 * standing as {{path}}, a plain word to markup, since a span may hold a field
 * (<accent>{{name}}</accent>).  True if t holds a tag or a '<<'.
 */
static bool
check_template(struct spec_parser *p, const struct tmpl *t, const char *key)
{
	GString *s = g_string_new(NULL);
	bool tagged = false;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const char *lit = t->parts[i].lit;

		if (lit == NULL) {
			g_string_append_printf(s, "{{%s}}", t->parts[i].path);
			continue;
		}
		g_string_append(s, lit);
		if (strchr(lit, '<') != NULL)
			tagged = true;
	}
	/* Tagged even where the tags are bad: the layout has failed. */
	if (tagged)
		check_markup(p, s->str, t->node, key);
	g_string_free(s, TRUE);
	return tagged;
}

void
spans_check_text(struct spec_parser *p, struct block *b)
{
	size_t i;

	for (i = 0; i < b->as.text.ntexts; i++)
		if (b->as.text.texts[i] != NULL &&
		    check_template(p, b->as.text.texts[i], "text"))
			b->as.text.tagged = true;
}

void
spans_check_list(struct spec_parser *p, struct block *b,
    const struct ynode *bullet)
{
	if (b->as.list.item != NULL)
		b->as.list.tagged = check_template(p, b->as.list.item, "item");
	if (bullet != NULL)
		b->as.list.bullet_tagged = check_markup(p, b->as.list.bullet,
		    bullet, "bullet");
}
