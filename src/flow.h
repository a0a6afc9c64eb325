/*
 * The flow of a frame, shared by the files that lay blocks out:
 * layout.c (frames, text, lists, rows, boxes), flowmedia.c (images,
 * placeholders, QR codes, rules), thread.c (frames that continue),
 * flowbox.c, fitwarn.c, ellipsis.c and debugbox.c.  Private to layout: no other
 * module includes it.
 */
#ifndef FLOW_H
#define FLOW_H

#include "choose.h"
#include "layout.h"
#include "markup.h"
#include "overflow.h"
#include "template.h"

struct text_span;

/*
 * Where a threaded frame's flow broke, for the next frame to begin
 * there.  A tree, kept flat: one mark per list of blocks the break
 * runs through (the frame's, a box's children, each column of a row),
 * named by the block that owns the list (NULL: the frame) and the
 * column.  A mark says which block of its list goes on (SIZE_MAX: the
 * list is done), and for a text or a list its paragraph (a list's
 * item, a text's paragraph in a list field) and the byte of that
 * paragraph's text the first line begins at.  Plain data: no pointer
 * into a page, only into the spec, which every thread shares.
 */
struct flow_mark {
	const struct block	*owner;	/* row or box; NULL: the frame */
	size_t			 col;	/* the row's column, or 0 */
	size_t			 block;	/* SIZE_MAX: nothing left */
	size_t			 item;	/* a done column: 1 if it was
					   left out (collapsed) */
	int			 byte;
};

/* Marks: a break runs through a list for each row or box it is in,
 * plus the columns that are done; rows and boxes nested this deep in a
 * threaded frame are no layout anyone draws. */
#define FLOW_MARKS SPEC_FLOW_MARKS

struct flow_cursor {
	bool			 set;
	size_t			 n;
	struct flow_mark	 m[FLOW_MARKS];
};

/* Where a page's flow goes on (layout.h): the flow's blocks are those
 * of head, a frame of page first, whose frame out goes on to pages. */
struct layout_rest {
	const struct page_spec	*first;
	const struct frame	*head;
	const struct frame	*out;
	size_t			 n;	/* the cursor's marks */
	struct flow_mark	*m;
};

struct flow {
	const struct layout_ctx	*ctx;
	struct lpage		*page;
	struct scope		 scope;
	struct diag		*d;
	double			 limit;	/* bottom of the frame's flow [pt] */
	struct overflow		 parts;	/* what each block of it took */
	double			 fit;	/* 0..1: where fitting texts are in
					   their size range (1: largest) */
	const struct block	*too_long; /* first text over max-lines */
	const struct ynode	*too_long_src;
	int			 too_long_lines;
	const struct block	*small;	/* first text fitted under its
					   fit-warn, or NULL */
	const struct ynode	*small_src;
	const char		*small_field;
	double			 small_size; /* [pt] */
	bool			 no_cut; /* fitting: texts do not cut yet */
	const struct block	*cutting; /* the text block being placed, if
					   it cuts (ellipsis.c) */
	int			 cut_base; /* f->lines before it */
	bool			 cut_more; /* a paragraph of it follows */
	bool			 cut_done; /* it was cut: no more of it */
	const struct block	*cut;	/* the frame's first cut text: */
	const struct ynode	*cut_src; /* its paragraph, field and */
	const char		*cut_field;
	int			 cut_lines; /* lines kept */
	int			 ncut;	/* texts cut in the frame */
	bool			 wide;	/* a text wider than its column: */
	const struct ynode	*wide_src; /* the first, or NULL */
	const char		*wide_field;
	double			 wide_by; /* by how much [pt] */
	int			 lines;	/* lines placed so far */
	int			 rank;	/* the frame's reading rank */
	const struct ynode	*at;	/* the block or frame being laid out:
					   the source of the boxes made */
	struct block *const	*blocks; /* the frame's (or its else) */
	size_t			 nblocks;
	struct choices		 choices; /* its first-fit blocks' */
	bool			 threaded; /* the frame continues: a block
					   crossing its foot breaks there */
	double			 top;	/* the frame's flow begins here [pt] */
	struct flow_cursor	 from;	/* where the frame begins, or unset */
	struct flow_cursor	 stop;	/* where its flow broke, or unset */
	const struct flow_mark	*res;	/* the block being laid out goes
					   on from here, or NULL */
	bool			 broke;	/* the list being laid out broke */
	size_t			 brk_item; /* where: its paragraph and */
	int			 brk_byte; /* byte (a text, a list) */
	bool			 chain;	/* the list being laid out is the
					   frame's own, a row's column or a
					   box's in one: it goes on from a
					   mark and, threaded, may break */
	bool			 next_chain; /* the next flow_blocks' list */
	const struct block	*next_owner; /* is on the chain, and its */
	size_t			 next_col; /* mark's owner and column */
	int			 depth;	/* of flow_blocks */
	bool			 count_only; /* only where the flow breaks
					   matters (layout_job) */
	struct block *const	*marker; /* set at the foot of the frame */
	size_t			 nmarker; /* where the flow leaves the page */
};

/* A new box on the flow's page, made by the block or frame at f->at. */
struct box	*flow_box_add(struct flow *, enum box_kind, const char *label);
/* Style s with the flow's record's colour (its template expanded, once
 * for a block: styles are shared). */
struct style	 flow_style(struct flow *, const struct style *s);
/* A text box's colour and, for the dump, the style it was set in. */
void		 flow_box_style(struct box *, const struct style *);
/*
 * "page 3, record 'gina', field 'story'" for messages; g_free() it.
 * The flow's diag's next message takes the page, record and field
 * (struct diag_where): call it just before the message it goes in.
 */
char		*flow_where(const struct flow *, const char *field);
/* fitwarn.c: the size of a fitting text at the flow's point of its
 * range [pt]; whether a size is under the text's fit-warn; a text
 * fitted under it, noted, then reported */
double		 fit_size(const struct flow *, const struct block *);
bool		 fitwarn_under(const struct block *, double size);
void		 fitwarn_note(struct flow *, const struct block *, double size,
		    const struct ynode *src, const char *field);
void		 fitwarn_report(struct flow *);
const char	*flow_record_id(const struct flow *);
/* debugbox.c: --debug-boxes outlines, when asked for */
void		 debug_frame(struct flow *, const struct frame *);
void		 debug_block(struct flow *, const struct block *, double x,
		    double y, double w, double h);
/* The first field a template names, or NULL. */
const char	*flow_first_field(const struct tmpl *);

/* Drops the boxes of the page from index n on. */
void		 flow_truncate(struct lpage *, size_t n);
/*
 * The colour of key c for the flow's record into *out (flowbox.c): its
 * value, or its template expanded; false, *out left as it was (the
 * caller's default), where a field of it is missing (or its text is no
 * colour: reported).
 */
bool		 flow_color(struct flow *, const struct spec_color *c,
		    struct color *out);
/*
 * The text of a paragraph as place_text() lays it out, in mk->text:
 * with tags, its markup read (markup.h; a bad tag is reported at src
 * and the text kept as it is), then its quotes curled if s says so.
 * *spans (*n of them, g_free() it) are mk's from byte from on, as
 * text_layout_spans() takes them, in the record's colours.
 * markup_clear() mk.
 */
const char	*flow_text_prepare(struct flow *, const struct style *s,
		    const char *text, bool tags, const struct ynode *src,
		    int from, struct markup *mk, struct text_span **spans,
		    size_t *n);
/* Whether the decor draws anything (or may, for some record). */
bool		 flow_has_decor(const struct decor *);
/* Sets the rect box r to the decor's fill and outline over x, y, w, h. */
void		 flow_decor(struct flow *, struct box *r, const struct decor *,
		    double x, double y, double w, double h);
/*
 * columns.c: a text's balanced columns (columns:).  columns_width()
 * sets c up for text block b in style s (its size fitted) in width w
 * and returns the width to lay its paragraphs out at: a column's, or
 * w where b has no columns (c->n stays 0).  columns_para() notes that
 * a paragraph begins at box index box.  columns_place() moves the text
 * boxes of the page from index first on (one column, its top at y)
 * into the balanced columns from x, and returns their height (the
 * tallest column's) [pt]; it frees what c holds.
 */
struct columns {
	int		 n;		/* columns, or 0 */
	double		 width, gap;	/* [pt] */
	size_t		*para;		/* box indexes where paragraphs */
	size_t		 npara, cap;	/*   begin (besides the first) */
};
double		 columns_width(struct columns *c, const struct block *b,
		    const struct style *s, double w);
void		 columns_para(struct columns *c, size_t box);
double		 columns_place(struct flow *, struct columns *c, size_t first,
		    double x, double y);
/* Flows blocks top to bottom from y; the height they take. */
double		 flow_blocks(struct flow *, struct block *const *, size_t n,
		    double x, double y, double w);

/* Each places its block at x, y in width w; its height, or -1 if it
 * is left out. */
double	flow_image(struct flow *, const struct block *, double x, double y,
	    double w);
double	flow_qr(struct flow *, const struct block *, double x, double y,
	    double w);
double	flow_ellipse(struct flow *, const struct block *, double x,
	    double y, double w);
double	flow_rule(struct flow *, const struct block *, double x, double y,
	    double w);
double	flow_row(struct flow *, const struct block *, double x, double y,
	    double w);
double	flow_box(struct flow *, const struct block *, double x, double y,
	    double w);

/*
 * Lays frame fr out with the blocks of head, the first frame of its
 * thread (fr itself when it has none), from f->from on (layout.c).
 */
void	layout_frame(struct flow *, const struct frame *fr,
	    const struct frame *head);
/*
 * Lays out frame first and the frames its flow continues into, with
 * the blocks of head, from cursor from (NULL: their top); true if the
 * flow broke off at the last frame, f->stop saying where.
 */
bool	thread_layout(struct flow *, const struct frame *first,
	    const struct frame *head, const struct flow_cursor *from);
/* The mark of owner's list col in c, or NULL. */
const struct flow_mark *thread_mark(const struct flow_cursor *c,
	    const struct block *owner, size_t col);
/* Adds a mark to c (a break): false if c is full. */
bool	thread_mark_add(struct flow_cursor *c, const struct block *owner,
	    size_t col, size_t block, size_t item, int byte);
/* How many of a paragraph's n lines, its top at y, go into the frame. */
int	thread_lines(const struct flow *, const struct style *, int n,
	    double y);

#endif
