/*
 * fit-warn: a fitting text that had to shrink under the size its
 * designer set as the least acceptable.  The size is chosen by trial
 * layouts, muted, so the text is noted in the flow as it is placed and
 * reported once the frame's layout is final, at the data it came from
 * (like the max-lines and overflow warnings): --strict then fails a
 * build whose text grew.
 */
#include <glib.h>

#include "flow.h"
#include "spec.h"
#include "units.h"

double
fit_size(const struct flow *f, const struct block *b)
{
	return b->as.text.fit_min + f->fit *
	    (b->as.text.fit_max - b->as.text.fit_min);
}

bool
fitwarn_under(const struct block *b, double size)
{
	/* A fitted size is exact at the top of its range: no epsilon
	 * needed there, and 0.001pt below the mark is under it. */
	return b->as.text.fit_warn > 0 &&
	    size < b->as.text.fit_warn - 0.001;
}

/* The first text of the frame's layout fitted under its fit-warn. */
void
fitwarn_note(struct flow *f, const struct block *b, double size,
    const struct ynode *src, const char *field)
{
	if (f->small != NULL || !fitwarn_under(b, size))
		return;
	f->small = b;
	f->small_src = src;
	f->small_field = field;
	f->small_size = size;
}

void
fitwarn_report(struct flow *f)
{
	const struct block *b = f->small;
	const enum unit u = b != NULL ? b->as.text.fit_unit : UNIT_PT;
	char *at;

	if (b == NULL)
		return;
	at = flow_where(f, f->small_field);
	diag_warning(f->d, &f->small_src->pos, "text fitted at %s, under its "
	    "fit-warn %s (%s)", units_format(u, f->small_size).s,
	    units_format(u, b->as.text.fit_warn).s, at);
	diag_note(f->d, &b->node->pos, "the text block is here");
	g_free(at);
}
