/*
 * Ellipsis: a paragraph cut to a number of lines, its last kept line
 * ended with a marker ("…", "… 더 보기"), for a text block's
 * `ellipsis:` key.  Between text.c (it lays the cut text out with
 * text_layout) and layout.c (which decides how many lines a text may
 * take and reports the cut).
 */
#ifndef ELLIPSIS_H
#define ELLIPSIS_H

#include "text.h"

struct flow;
struct block;
struct ynode;

/*
 * l is text laid out by text_layout() in style s at width [pt], in n
 * (>= 1) lines or more.  Returns the text's first n lines as a new
 * layout, the last of them ended with marker: the last line's words
 * (whole words, as keep-all breaks them; characters only where the line
 * holds a single word) are dropped, with spaces and the punctuation
 * they leave at the end, until the marker fits on it.  The marker never
 * starts a line, unless it is wider than the column.  The text's
 * nspans spans (of character styles) keep what of them is kept.  m
 * describes the new layout.  The caller unrefs it.
 */
PangoLayout	*ellipsis_cut(PangoContext *, const struct style *s,
		    PangoLayout *l, const char *text,
		    const struct text_span *spans, size_t nspans,
		    double width, int n, const char *marker,
		    struct text_metrics *m);

/*
 * Before text block b's paragraphs are placed in flow f: whether they
 * cut (b has an ellipsis, the frame does not continue and the frame is
 * not being fitted: fit first, then cut).  Sets f->cutting.
 */
void		 ellipsis_begin(struct flow *f, const struct block *b);

/*
 * The paragraph text (laid out as *l, metrics *m) placed at y in width
 * w [pt], of the block ellipsis_begin() let cut: if it takes more lines
 * than the block's max-lines or the frame's foot leave, or as many
 * while a paragraph follows (f->cut_more) that gets none, *l is
 * replaced by the cut layout and *m describes it (0 lines: the
 * paragraph is left out), the cut is kept for ellipsis_report() and
 * f->cut_done set: the block's later paragraphs are left out.  Does
 * nothing, false, if the paragraph stays whole.
 */
bool		 ellipsis_place(struct flow *f, const struct style *s,
		    PangoLayout **l, const char *text,
		    const struct text_span *spans, size_t nspans, double w,
		    double y, struct text_metrics *m, const struct ynode *src,
		    const char *field);

/* Reports the frame's first cut, if any, as a note at its data, with
 * how many more the frame has. */
void		 ellipsis_report(struct flow *f, const char *frame_name);

#endif
