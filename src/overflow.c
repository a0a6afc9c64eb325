/*
 * Overflow accounting (overflow.h): the height each top-level block of
 * a frame took, and which of them to blame when the flow is taller than
 * the frame.  layout.c fills it in one pass; choosing and writing the
 * note are one more pass over the blocks, so the cost stays linear.
 */
#include <stdlib.h>

#include <glib.h>

#include "block.h"
#include "mem.h"
#include "overflow.h"

/* Beyond this many blocks the note sums the rest: one readable line. */
#define NOTE_PARTS	10

void
overflow_clear(struct overflow *o)
{
	o->n = 0;
	o->level = 0;
}

void
overflow_free(struct overflow *o)
{
	free(o->parts);
	o->parts = NULL;
	o->n = o->cap = 0;
	o->level = 0;
}

void
overflow_begin(struct overflow *o, const struct block *b)
{
	struct overflow_part *p;

	if (o->level++ > 0)
		return;
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 8;
		o->parts = xrealloc(o->parts, o->cap * sizeof(*o->parts));
	}
	p = &o->parts[o->n++];
	*p = (struct overflow_part){
		.label = b->name ? b->name : block_kinds[b->kind].name,
		.named = b->name != NULL,
	};
}

void
overflow_end(struct overflow *o, double h)
{
	if (--o->level > 0)
		return;
	if (h < 0)
		o->n--;
	else
		o->parts[o->n - 1].h = h;
}

/*
 * Within a block, the paragraph to point at: text from the data before
 * literal text (the data is what changes from record to record), then
 * the first paragraph that crosses the frame's foot (where the text
 * leaves the frame), else the tallest (where cutting helps most).
 */
void
overflow_text(struct overflow *o, const struct ynode *src, const char *field,
    double h, bool crosses)
{
	struct overflow_part *p;

	if (o->level == 0 || src == NULL)
		return;
	p = &o->parts[o->n - 1];
	if (p->src != NULL && p->field != NULL && field == NULL)
		return;
	if (p->src != NULL && (p->field != NULL) == (field != NULL) &&
	    (p->crosses || (!crosses && h <= p->tallest)))
		return;
	p->src = src;
	p->field = field;
	p->tallest = h;
	p->crosses = crosses;
}

/*
 * The cause: of the blocks holding text from the data, the one that
 * takes the most height (the first of equals); failing one, the tallest
 * block of literal text; failing any text, none (the frame is blamed).
 * Not "the first block to cross the foot": a long story that ends just
 * inside the frame pushes the name after it out, and it is the story a
 * user has to shorten.
 */
const struct overflow_part *
overflow_cause(const struct overflow *o)
{
	const struct overflow_part *best = NULL;
	size_t i;

	for (i = 0; i < o->n; i++) {
		const struct overflow_part *p = &o->parts[i];

		if (p->src == NULL)
			continue;
		if (best == NULL || (p->field != NULL && best->field == NULL) ||
		    ((p->field != NULL) == (best->field != NULL) &&
		    p->h > best->h))
			best = p;
	}
	return best;
}

char *
overflow_note(const struct overflow *o, const char *frame, enum unit u,
    double has, double takes)
{
	GString *s = g_string_new(NULL);
	double blocks = 0, rest = 0;
	struct units_text spacing;
	size_t i;

	g_string_append_printf(s, "frame '%s' has %s, its flow takes %s:",
	    frame, units_format(u, has).s, units_format(u, takes).s);
	for (i = 0; i < o->n; i++) {
		const struct overflow_part *p = &o->parts[i];

		blocks += p->h;
		if (i >= NOTE_PARTS) {
			rest += p->h;
			continue;
		}
		g_string_append_printf(s, "%s %s%s%s %s", i ? "," : "",
		    p->named ? "'" : "", p->label, p->named ? "'" : "",
		    units_format(u, p->h).s);
		if (p->field != NULL)
			g_string_append_printf(s, " (field '%s')", p->field);
	}
	if (i > NOTE_PARTS)
		g_string_append_printf(s, ", %zu more blocks %s",
		    i - NOTE_PARTS, units_format(u, rest).s);
	/* The space between blocks, so that the figures add up; left
	 * out when it rounds to nothing in the unit. */
	spacing = units_format(u, takes - blocks);
	if (takes - blocks > 0 && g_ascii_strtod(spacing.s, NULL) != 0)
		g_string_append_printf(s, ", spacing %s", spacing.s);
	return g_string_free(s, FALSE);
}
