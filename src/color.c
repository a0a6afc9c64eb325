/*
 * Colours that come from the data (color.h): a colour key's template
 * expanded in a record's scope and read against the layout's `colors`.
 * Between the model and layout: color_check runs in the gate with the
 * other data checks, color_get at layout for each block that has one.
 * An image's focus from the data is checked here the same way.
 */
#include <string.h>

#include <glib.h>

#include "color.h"
#include "data.h"

bool
color_is_template(const struct ynode *n)
{
	/* ["{{accent}}", brand]: a template with a fallback. */
	if (n->kind == YNODE_SEQ)
		return n->n > 0 && color_is_template(n->items[0]);
	return n->kind == YNODE_SCALAR && strstr(n->str, "{{") != NULL;
}

bool
color_parse(const struct ynode *colors, const char *text, struct color *out)
{
	const struct ynode *named;

	if (units_parse_color(text, out))
		return true;
	named = ynode_get(colors, text);
	return named != NULL && named->kind == YNODE_SCALAR &&
	    units_parse_color(named->str, out);
}

enum color_got
color_get(const struct spec_color *c, const struct ynode *colors,
    const struct scope *sc, struct color *out, struct tval *v,
    struct diag *d)
{
	memset(v, 0, sizeof(*v));
	*out = c->value;
	if (c->tmpl == NULL)
		return COLOR_SET;
	tmpl_expand(c->tmpl, sc, v, d);
	if (v->kind == TVAL_MISSING)
		return c->fallback ? COLOR_SET : COLOR_MISSING;
	if (v->kind == TVAL_TEXT && color_parse(colors, v->text, out))
		return COLOR_SET;
	*out = c->value;
	return COLOR_BAD;
}

/* The first field a template names. */
static const char *
first_field(const struct tmpl *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->parts[i].path != NULL)
			return t->parts[i].path;
	return "?";
}

void
color_report(struct diag *d, const struct spec_color *c, const struct tval *v,
    const char *where)
{
	const struct ynode *at = v->src ? v->src : c->tmpl->node;

	if (v->kind == TVAL_LIST)
		diag_error(d, &at->pos, "field '%s' holds a list, not a "
		    "colour%s%s%s", first_field(c->tmpl), where ? " (" : "",
		    where ? where : "", where ? ")" : "");
	else
		diag_error(d, &at->pos, "colour '%s' (field '%s') is not a "
		    "colour (" UNITS_COLOR_FORMS ") or a name from the "
		    "layout's 'colors'%s%s%s%s", v->text, first_field(c->tmpl),
		    where ? " (" : "", where ? where : "", where ? ")" : "",
		    units_color_hint(v->text));
	diag_note(d, &c->tmpl->node->pos, "the layout takes the colour "
	    "from it here");
}

/*
 * An image's focus from the data (block.c parse_focus): its text read
 * as the layout's would be, reported at the data node once (seen).
 */
static void
check_focus(const struct field_use *u, const struct scope *sc,
    GHashTable *seen, struct diag *d)
{
	const struct ynode *at;
	struct tval v;
	double x, y;

	d->mute++;	/* a field that is no text: warned at layout */
	tmpl_expand(u->tmpl, sc, &v, d);
	d->mute--;
	at = v.src ? v.src : u->tmpl->node;
	if ((v.kind == TVAL_TEXT && !units_parse_focus(v.text, &x, &y)) ||
	    v.kind == TVAL_LIST) {
		if (!g_hash_table_contains(seen, at)) {
			g_hash_table_add(seen, (gpointer)at);
			diag_error(d, &at->pos, "focus '%s' (field '%s') is no "
			    "point of the image: %s",
			    v.kind == TVAL_TEXT ? v.text : "[…]",
			    first_field(u->tmpl), FOCUS_FORMS);
			diag_note(d, &u->tmpl->node->pos, "the layout takes "
			    "the image's focus from it here");
		}
	}
	tval_clear(&v);
}

/*
 * The colour templates of the pages made for each record of list each
 * (NULL: of the pages made once) in scope sc; each bad data node
 * reported once (seen).
 */
static void
check_scope(const struct spec *spec, const char *each,
    const struct scope *sc, GHashTable *seen, struct diag *d)
{
	size_t i;

	for (i = 0; i < spec->nuses; i++) {
		const struct field_use *u = spec->uses[i];
		struct spec_color c = { { 0, 0, 0, 0 }, u->tmpl };
		struct color out;
		struct tval v;

		if (!u->color && !u->focus)
			continue;
		/* A style's colour serves every page; a page's, its own
		 * records (or the document alone). */
		if ((u->scope == SCOPE_ONCE) != (each == NULL))
			continue;
		if (each != NULL && u->page != NULL &&
		    g_strcmp0(u->page->each, each) != 0)
			continue;
		if (u->focus) {
			check_focus(u, sc, seen, d);
			continue;
		}
		d->mute++;	/* a field that is no text: warned at layout */
		if (color_get(&c, spec->colors, sc, &out, &v, d) == COLOR_BAD &&
		    !g_hash_table_contains(seen, v.src ? (gpointer)v.src :
		    (gpointer)u)) {
			g_hash_table_add(seen, v.src ? (gpointer)v.src :
			    (gpointer)u);
			d->mute--;
			color_report(d, &c, &v, NULL);
			d->mute++;
		}
		d->mute--;
		tval_clear(&v);
	}
}

bool
color_check(const struct spec *spec, const struct data *data, struct diag *d)
{
	int errors = d->count[DIAG_ERROR];
	GHashTable *seen = g_hash_table_new(NULL, NULL), *lists;
	struct scope sc = { .root = data->doc->root, .page_number = 1,
	    .page_count = 1 };
	size_t i, j;

	lists = g_hash_table_new(g_str_hash, g_str_equal);
	check_scope(spec, NULL, &sc, seen, d);
	for (i = 0; i < spec->npages; i++) {
		const char *each = spec->pages[i]->each;
		const struct ynode *list;

		if (each == NULL || g_hash_table_contains(lists, each))
			continue;
		g_hash_table_add(lists, (gpointer)each);
		list = data_records(data, each);
		for (j = 0; list != NULL && list->kind == YNODE_SEQ &&
		    j < list->n; j++) {
			sc.record = list->items[j];
			if (sc.record->kind == YNODE_MAP)
				check_scope(spec, each, &sc, seen, d);
		}
	}
	g_hash_table_destroy(lists);
	g_hash_table_destroy(seen);
	return d->count[DIAG_ERROR] == errors;
}
