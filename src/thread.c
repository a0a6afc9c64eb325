/*
 * Threads of frames (`continue:`): a flow laid out through a frame and
 * on into the frames it continues into, each from where the one before
 * broke (struct flow_cursor), and where a paragraph breaks between
 * lines.  The design and what remains: docs/design/flow.md.
 */

#include <math.h>
#include <stdint.h>

#include "flow.h"
#include "style.h"

const struct flow_mark *
thread_mark(const struct flow_cursor *c, const struct block *owner,
    size_t col)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->m[i].owner == owner && c->m[i].col == col)
			return &c->m[i];
	return NULL;
}

bool
thread_mark_add(struct flow_cursor *c, const struct block *owner,
    size_t col, size_t block, size_t item, int byte)
{
	if (c->n == FLOW_MARKS)
		return false;
	c->m[c->n++] = (struct flow_mark){ owner, col, block, item, byte };
	c->set = true;
	return true;
}

/*
 * How many of a paragraph's n lines, its top at y, go into the frame:
 * all of them unless they are on a threaded frame's chain of lists
 * (see struct flow) and pass its foot.
 * Then those that fit, but never one alone (a widow or an orphan): k
 * of n fit and n − k = 1 sends one more over, k = 1 sends it all.  At
 * the frame's top, where the next frame would be no better, the lines
 * that fit go (one at least), less one for a widow if two stay.
 */
int
thread_lines(const struct flow *f, const struct style *s, int n, double y)
{
	double lh = style_line_height(s);
	int k;

	if (!f->chain || !f->threaded || y + n * lh <= f->limit + 0.01)
		return n;
	k = (int)floor((f->limit - y + 0.01) / lh);
	if (k < 0)
		k = 0;
	if (n - k == 1 && (k > 2 || y > f->top + 0.01))
		k--;
	if (y <= f->top + 0.01)
		return k > 1 ? k : 1;
	return k > 1 ? k : 0;
}

/*
 * Lays out frame first and the frames its flow continues into
 * (`continue:`), each from where the one before broke off, one after
 * the other: their boxes follow each other in paint order.  A frame
 * the flow does not reach keeps its fill and outline.
 */
bool
thread_layout(struct flow *f, const struct frame *first,
    const struct frame *head, const struct flow_cursor *from)
{
	const struct frame *fr;
	bool left = false;

	f->from = from ? *from : (struct flow_cursor){ 0 };
	for (fr = first; fr != NULL; fr = fr->next) {
		f->stop.set = false;
		layout_frame(f, fr, head);
		if ((left = f->stop.set)) {
			f->from = f->stop;
			continue;
		}
		/* Past the last block: nothing more to flow. */
		f->from = (struct flow_cursor){ 0 };
		thread_mark_add(&f->from, NULL, 0, SIZE_MAX, 0, 0);
	}
	f->from = (struct flow_cursor){ 0 };
	if (!left)
		f->stop = (struct flow_cursor){ 0 };
	f->threaded = false;
	return left;
}
