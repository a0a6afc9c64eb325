/*
 * Layout spec, the keys of text that flows on: threads of frames on a
 * page (`continue: FRAME`) and continuation pages (`continue-page:
 * PAGE` on a thread's last frame, `continuation: true` on the page,
 * `flow: true` on the frame the flow enters there).  Called by spec.c
 * once a page's frames, then every page, are parsed; the design is in
 * docs/design/flow.md.
 */
#include <string.h>

#include <glib.h>

#include "specparse.h"
#include "template.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* What a frame flowed into may not have, the flow coming from another. */
static const char *const thread_refused[] = {
	"blocks", "else", "if", "unless",
};

/* The frame of ps named name, or NULL. */
static struct frame *
find_frame(const struct page_spec *ps, const char *name)
{
	size_t i;

	for (i = 0; i < ps->nframes; i++)
		if (strcmp(ps->frames[i]->name, name) == 0)
			return ps->frames[i];
	return NULL;
}

/* Reports what frame to, flowed into from what, may not have. */
static void
refuse_own_blocks(struct spec_parser *p, const struct frame *to,
    const char *from)
{
	const struct ynode *n;
	size_t k;

	for (k = 0; k < N(thread_refused); k++)
		if ((n = ynode_get(to->node, thread_refused[k])) != NULL)
			diag_error(p->d, &n->pos, "frame '%s' takes its flow "
			    "from %s: it has no '%s' of its own", to->name,
			    from, thread_refused[k]);
}

void
spec_thread_frames(struct spec_parser *p, struct page_spec *ps)
{
	const struct frame *c;
	size_t i, k;

	for (i = 0; i < ps->nframes; i++) {
		struct frame *f = ps->frames[i], *to;
		const struct ynode *n = f->continue_node;
		char *from;

		if (n == NULL)
			continue;
		if ((to = find_frame(ps, n->str)) == NULL) {
			GString *names = g_string_new(NULL);

			for (k = 0; k < ps->nframes; k++)
				g_string_append_printf(names, "%s'%s'", k ?
				    ", " : "", ps->frames[k]->name);
			diag_error(p->d, &n->pos, "continue: no frame '%s' on "
			    "this page (its frames: %s)", n->str, names->str);
			g_string_free(names, TRUE);
			continue;
		}
		if (to->prev != NULL) {
			diag_error(p->d, &n->pos, "continue: frame '%s' is "
			    "already continued from frame '%s'; a frame takes "
			    "the flow of one other", to->name, to->prev->name);
			continue;
		}
		for (c = to; c != NULL && c != f; c = c->next)
			;
		if (c == f) {
			GString *loop = g_string_new(f->name);

			for (c = to; c != f; c = c->next)
				g_string_append_printf(loop, " → %s", c->name);
			diag_error(p->d, &n->pos, "continue: the flow goes round "
			    "in a loop (%s → %s)", loop->str, f->name);
			g_string_free(loop, TRUE);
			continue;
		}
		from = g_strdup_printf("frame '%s' (its continue)", f->name);
		refuse_own_blocks(p, to, from);
		g_free(from);
		if (to->flow)
			diag_error(p->d, &n->pos, "continue: frame '%s' takes "
			    "the flow from another page (flow: true), not from "
			    "frame '%s'", to->name, f->name);
		f->next = to;
		to->prev = f;
	}
}

/*
 * The marks a cursor may need where a flow through blocks[n] breaks:
 * one for the list, and inside the block it breaks in, a box's list or
 * every column of a row (each either done or broken); an else or a
 * first-fit moves whole.
 */
static size_t
flow_marks(struct block *const *blocks, size_t n)
{
	size_t i, k, most = 0, m;

	for (i = 0; i < n; i++) {
		const struct block *b = blocks[i];

		if (b->kind == BLOCK_BOX)
			m = flow_marks(b->children, b->nchildren);
		else if (b->kind == BLOCK_ROW)
			for (k = 0, m = 0; k < b->nchildren; k++)
				m += flow_marks(&b->children[k], 1);
		else
			m = 0;
		most = m > most ? m : most;
	}
	return 1 + most;
}

/* A frame whose flow goes on must not need more marks than a cursor
 * holds. */
static void
check_marks(struct spec_parser *p, const struct frame *f)
{
	size_t m = flow_marks(f->blocks, f->nblocks);
	size_t e = flow_marks(f->else_blocks, f->nelse);

	if (m < e)
		m = e;
	if (m > SPEC_FLOW_MARKS)
		diag_error(p->d, &f->node->pos, "frame '%s' flows on, and a "
		    "break in it would have to keep its place in %zu lists of "
		    "blocks (the frame's, each column of a row, each box); at "
		    "most %d: use fewer columns or nest fewer boxes", f->name,
		    m, SPEC_FLOW_MARKS);
}

/*
 * Balanced columns are laid out whole, as tall as their text needs: a
 * text in columns in a flow that goes on would have to break in every
 * column at once, so it is refused there (blocks, their else and
 * children: rows, boxes, first-fit alternatives).
 */
static void
refuse_columns(struct spec_parser *p, const struct frame *f,
    struct block *const *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct block *b = blocks[i];

		if (b->kind == BLOCK_TEXT && b->as.text.columns > 0)
			diag_error(p->d, &ynode_get(b->node, "columns")->pos,
			    "columns: frame '%s' flows on, and columns are "
			    "balanced within one frame: put this text in a "
			    "frame that does not continue", f->name);
		refuse_columns(p, f, b->else_blocks, b->nelse);
		refuse_columns(p, f, b->children, b->nchildren);
	}
}

/* The names of the continuation pages, "'a', 'b'", or NULL; g_free(). */
static char *
continuation_names(const struct ptrvec *pages)
{
	GString *s = g_string_new(NULL);
	size_t i;

	for (i = 0; i < pages->n; i++) {
		const struct page_spec *ps = pages->items[i];

		if (ps->continuation)
			g_string_append_printf(s, "%s'%s'", s->len ? ", " : "",
			    ps->name);
	}
	return g_string_free(s, s->len == 0);
}

/* The continuation page frame f's continue-page names, or NULL. */
static struct page_spec *
find_continuation(struct spec_parser *p, const struct ptrvec *pages,
    const struct frame *f)
{
	const struct ynode *n = f->page_node;
	char *names;
	size_t i;

	for (i = 0; i < pages->n; i++) {
		struct page_spec *ps = pages->items[i];

		if (strcmp(ps->name, n->str) != 0)
			continue;
		if (ps->continuation)
			return ps;
		diag_error(p->d, &n->pos, "continue-page: page '%s' is made by "
		    "itself; to take the flow, and be made only then, it "
		    "needs 'continuation: true'", ps->name);
		return NULL;
	}
	names = continuation_names(pages);
	diag_error(p->d, &n->pos, "continue-page: no page '%s' (%s%s)",
	    n->str, names ? "continuation pages: " : "the layout has no "
	    "page with 'continuation: true'", names ? names : "");
	g_free(names);
	return NULL;
}

/*
 * Frame f of page ps goes on to the page its continue-page names,
 * which then prints the fields of ps's records (or the document's).
 */
static void
link_frame(struct spec_parser *p, const struct ptrvec *pages,
    struct page_spec *ps, struct frame *f)
{
	const struct ynode *n = f->page_node;
	struct page_spec *to;
	const struct page_spec *other;

	if (ps->continuation) {
		diag_error(p->d, &n->pos, "continue-page on a continuation "
		    "page: its flow goes on to more pages like it by itself");
		return;
	}
	if (f->next != NULL) {
		diag_error(p->d, &n->pos, "continue-page: frame '%s' continues "
		    "into frame '%s'; put continue-page on the last frame of "
		    "the thread, where the flow leaves the page", f->name,
		    f->next->name);
		return;
	}
	if (ps->per_page > 1) {
		diag_error(p->d, &n->pos, "continue-page does not combine with "
		    "per-page (N-up): a record's text would push the others' "
		    "off the sheet");
		return;
	}
	if (ps->out != NULL) {
		diag_error(p->d, &n->pos, "continue-page: frame '%s' (line %d) "
		    "already takes this page's flow to other pages; a page "
		    "has one", ps->out->name, ps->out->page_node->pos.line);
		return;
	}
	if ((to = find_continuation(p, pages, f)) == NULL)
		return;
	if ((other = to->cont_of) != NULL &&
	    g_strcmp0(other->each, ps->each) != 0) {
		diag_error(p->d, &n->pos, "continue-page: page '%s' already "
		    "continues page '%s' (line %d), made %s%s%s; give each "
		    "its own continuation page", to->name, other->name,
		    other->node->pos.line, other->each ? "for each of '" :
		    "once", other->each ? other->each : "", other->each ?
		    "'" : "");
		return;
	}
	to->cont_of = ps;
	to->each = ps->each;
	to->each_node = ps->each_node;
	f->cont = to;
	ps->out = f;
	p->spec->continues = true;
}

/* Whether a frame of pages names ps in its continue-page, rightly or
 * not (a frame refused for another reason still names it). */
static bool
named(const struct ptrvec *pages, const struct page_spec *ps)
{
	size_t i, k;

	for (i = 0; i < pages->n; i++) {
		const struct page_spec *q = pages->items[i];

		for (k = 0; k < q->nframes; k++)
			if (q->frames[k]->page_node != NULL &&
			    strcmp(q->frames[k]->page_node->str, ps->name) == 0)
				return true;
	}
	return false;
}

/*
 * A continuation page: one frame with `flow: true`, flowed into from
 * no frame, with no blocks of its own; its thread's last frame is the
 * page's way out (to a page like it).
 */
static void
check_continuation(struct spec_parser *p, const struct ptrvec *pages,
    struct page_spec *ps)
{
	const struct frame *c;
	size_t i;

	for (i = 0; i < ps->nframes; i++) {
		const struct frame *f = ps->frames[i];

		if (!f->flow)
			continue;
		if (ps->entry != NULL) {
			diag_error(p->d, &ynode_get(f->node, "flow")->pos,
			    "flow: frame '%s' (line %d) already takes the "
			    "flow on this page; a continuation page has one",
			    ps->entry->name, ps->entry->node->pos.line);
			continue;
		}
		ps->entry = f;
		refuse_own_blocks(p, f, "another page (flow: true)");
	}
	if (ps->entry == NULL) {
		diag_error(p->d, &ps->node->pos, "continuation page '%s' needs "
		    "a frame with 'flow: true', where the flow goes on",
		    ps->name);
		return;
	}
	for (c = ps->entry; c->next != NULL; c = c->next)
		;
	ps->out = c;
	if (ps->cont_of == NULL && !named(pages, ps))
		diag_error(p->d, &ps->node->pos, "continuation page '%s' is "
		    "never used: no frame names it in 'continue-page'",
		    ps->name);
}

/* Whether frame f's flow goes on: into a frame or to other pages. */
static bool
flows_on_any(const struct frame *f)
{
	return f->next != NULL || f->cont != NULL;
}

/* Whether the blocks (or marker) of frame f flow on to other pages. */
static bool
flows_on(const struct frame *f)
{
	const struct frame *c;

	for (c = f; c != NULL; c = c->next)
		if (c->cont != NULL)
			return true;
	return false;
}

void
spec_link_pages(struct spec_parser *p, const struct ptrvec *pages)
{
	size_t i, k;

	for (i = 0; i < pages->n; i++) {
		struct page_spec *ps = pages->items[i];

		for (k = 0; k < ps->nframes; k++) {
			struct frame *f = ps->frames[k];

			if (f->page_node != NULL)
				link_frame(p, pages, ps, f);
			else if (f->nmarker > 0)
				diag_error(p->d, &ynode_get(f->node,
				    "continued-marker")->pos, "continued-marker "
				    "stands where the flow goes on to another "
				    "page: it needs 'continue-page' beside it");
			if (f->flow && !ps->continuation)
				diag_error(p->d, &ynode_get(f->node,
				    "flow")->pos, "flow: true marks where "
				    "another page's flow goes on: only on a page "
				    "with 'continuation: true'");
		}
	}
	for (i = 0; i < pages->n; i++) {
		const struct page_spec *ps = pages->items[i];

		for (k = 0; k < ps->nframes; k++)
			if (ps->frames[k]->prev == NULL &&
			    flows_on_any(ps->frames[k])) {
				const struct frame *f = ps->frames[k];

				check_marks(p, f);
				refuse_columns(p, f, f->blocks, f->nblocks);
				refuse_columns(p, f, f->else_blocks, f->nelse);
			}
	}
	for (i = 0; i < pages->n; i++)
		if (((struct page_spec *)pages->items[i])->continuation)
			check_continuation(p, pages, pages->items[i]);
	/* A continuation page's fields are its first page's records'. */
	for (i = 0; i < p->uses.n; i++) {
		struct field_use *u = p->uses.items[i];

		if (tmpl_names(u->tmpl, "page.count") && flows_on(u->frame))
			p->spec->counts = true;
		if (tmpl_names(u->tmpl, "page.number") && flows_on(u->frame))
			p->spec->numbers = true;
		if (u->page != NULL && u->page->continuation &&
		    u->scope != SCOPE_ITEM)
			u->scope = u->page->each ? SCOPE_RECORD : SCOPE_ONCE;
	}
}
