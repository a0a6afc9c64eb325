/*
 * The layout spec model: what spec.c builds from a layout's YAML tree
 * and every later stage reads.  Lengths are in points, resolved and
 * validated; templates are parsed.  Nothing here knows cairo or Pango.
 *
 *   spec ─┬─ styles[]            named text styles
 *         ├─ spans[]             character styles (<name>…</name>)
 *         ├─ pages[] ── frames[] ── blocks[] (text, list, image,
 *         │                        rule, spacer, row, box, qr,
 *         │                        ellipse, first-fit; row, box and
 *         │                        first-fit
 *         │                        nest; see block.h)
 *         └─ uses[]              every template, for field checks
 */
#ifndef SPEC_H
#define SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "schema.h"
#include "theme.h"
#include "units.h"
#include "ynode.h"

struct tmpl;

/*
 * A colour key of the layout: a colour, or a template that gives one
 * per record ("{{accent}}": expanded at layout, read as '#rgb',
 * '#rrggbb', '#rrggbbaa' or a name from `colors`; see color.h).  With
 * a template, value is the key's default, used where a field is
 * missing.  Only keys whose colour may change per record hold one.
 */
struct spec_color {
	struct color		 value;
	const struct tmpl	*tmpl;		/* or NULL: value */
	bool			 fallback;	/* tmpl's field missing: value,
						   not the key's default */
};

enum align {
	ALIGN_LEFT,
	ALIGN_CENTER,
	ALIGN_RIGHT,
	ALIGN_JUSTIFY,
	ALIGN__MAX
};

enum wordbreak {
	BREAK_KEEP_ALL,		/* Korean by words (어절), the default */
	BREAK_NORMAL,		/* between any two syllables */
	BREAK__MAX
};

enum valign {
	VALIGN_TOP,
	VALIGN_MIDDLE,
	VALIGN_BOTTOM,
	VALIGN__MAX
};

enum fit {
	FIT_CONTAIN,
	FIT_COVER,
	FIT__MAX
};

/* What a placeholder shows of its text (`placeholder-shows`). */
enum shows {
	SHOWS_INITIAL,		/* its first letter, the default */
	SHOWS_INITIALS,		/* the first letters of its first two words */
	SHOWS_TEXT,		/* all of it */
	SHOWS__MAX
};

enum mask {
	MASK_NONE,
	MASK_CIRCLE,
	MASK_ROUNDED,
	MASK__MAX
};

/* PDF document metadata, in the order of their sorted key names. */
enum meta {
	META_AUTHOR,
	META_KEYWORDS,
	META_LANG,
	META_SUBJECT,
	META_TITLE,
	META__MAX
};

struct style {
	const char		*name;
	const struct ynode	*node;
	const char		*font;		/* family list, "A, B" */
	const struct ynode	*font_node;	/* where it was set, or NULL */
	int			 weight;	/* 100..1000 */
	double			 size;		/* [pt] */
	struct spec_color	 color;
	double			 line_height;	/* [pt] baseline to baseline */
	double			 line_height_factor; /* or × size, if > 0 */
	double			 letter_spacing; /* [pt], or: */
	double			 letter_spacing_em; /* × size */
	enum align		 align;
	enum wordbreak		 wordbreak;
	double			 paragraph_spacing; /* [pt] */
	double			 indent;	/* [pt] first line */
	bool			 runts;		/* allow a short last line */
	double			 max_gap;	/* justify: word gap before tracking [pt] */
	double			 max_gap_em;	/* or × size, if > 0 */
	double			 max_tracking;	/* justify: most added between letters [pt] */
	double			 max_tracking_em; /* or × size, if >= 0 */
	double			 latin_scale;	/* Latin beside Hangul: × size */
	double			 latin_rise_em;	/* and its baseline shift, em */
	bool			 curl_quotes;	/* quotes: typographic */
};

/*
 * A character style (`spans:`): what a run of text tagged with its
 * name changes in the paragraph's style; the rest is the paragraph's.
 */
struct span_style {
	const char		*name;
	const struct ynode	*node;
	int			 weight;	/* 100..1000, or 0: as is */
	double			 size;		/* [pt], or 0: as is */
	struct spec_color	 color;		/* if has_color */
	struct spec_color	 background;	/* a highlight, if has_background */
	bool			 has_color;
	bool			 has_background;
};

/* Line height in points, whichever way the style gave it. */
double	style_line_height(const struct style *);
double	style_letter_spacing(const struct style *);
double	style_max_gap(const struct style *);
double	style_max_tracking(const struct style *);

/* The look of a frame or a box: an inset, a fill, an outline. */
struct decor {
	double			 padding[4];	/* [pt] top right bottom left */
	struct spec_color	 fill;		/* value.a == 0, no tmpl: none */
	struct spec_color	 stroke;	/* likewise */
	double			 stroke_width;	/* [pt] */
	double			 radius;	/* [pt] */
};

/*
 * What a block is in a tagged PDF's structure tree (ISO 32000-1,
 * 14.8.4): a text's role (its `role`), a figure (an image, a QR code),
 * a list's parts.  STAG_NONE is an artifact: drawn, not read out (a
 * background, a rule, a page number).
 */
enum stag {
	STAG_NONE,
	STAG_P,
	STAG_H1, STAG_H2, STAG_H3, STAG_H4, STAG_H5, STAG_H6,
	STAG_QUOTE,	/* BlockQuote */
	STAG_FIGURE,
	STAG_LBODY,	/* a list item's text: with its LI, in an L */
	STAG_LBL,	/* a list item's bullet */
	STAG__MAX
};

enum block_kind {
	BLOCK_TEXT,
	BLOCK_LIST,
	BLOCK_IMAGE,
	BLOCK_RULE,
	BLOCK_SPACER,
	BLOCK_ROW,
	BLOCK_BOX,
	BLOCK_QR,
	BLOCK_ELLIPSE,
	BLOCK_FIRST_FIT,
	BLOCK__MAX
};

/*
 * A block: the fields every kind has, then the kind's own in `as`
 * (one member per kind, named after it, as cmark's node->as).  What
 * each kind accepts and how it is parsed is its entry in block_kinds[]
 * (block.h).
 */
struct block {
	enum block_kind		 kind;
	const struct ynode	*node;
	const char		*name;		/* or NULL */
	const struct ynode	*if_node;	/* leave out unless one of
						   these tests holds */
	const struct ynode	*unless_node;	/* leave out if one holds */
	struct block		**else_blocks;	/* drawn in its place when
						   left out by if/unless */
	size_t			 nelse;
	const struct style	*style;		/* TEXT, LIST */
	double			 space_before;	/* [pt] */
	double			 space_after;	/* [pt] */
	struct block		**children;	/* ROW, BOX; FIRST_FIT: its
						   alternatives; else none */
	size_t			 nchildren;

	/* Each kind's own fields: b->as.text for BLOCK_TEXT, … */
	union {
		struct {
			struct tmpl	**texts;	/* the first of these
							   whose fields are
							   all there */
			size_t		  ntexts;	/* at least 1 */
			struct tmpl	 *link;		/* URI, or NULL */
			double		  fit_max;	/* [pt] size range */
			double		  fit_min;	/*   to fit in, or 0 */
			double		  fit_warn;	/* [pt] a fitted size
							   under it warns,
							   or 0 */
			enum unit	  fit_unit;	/* fit-warn's as
							   written, else the
							   fit maximum's: type
							   sizes in messages */
			int		  max_lines;	/* or 0 for any */
			bool		  markup;	/* tags in the data too */
			bool		  tagged;	/* a tag or '<<' in its
							   layout text */
			const char	 *ellipsis;	/* ends a cut text,
							   or NULL: no cut */
			int		  columns;	/* 2..6 balanced
							   columns, or 0 */
			double		  column_gap;	/* [pt] between them,
							   at the style's
							   size */
			enum stag	  role;		/* P, H1…H6, QUOTE or
							   NONE (by default a
							   text that prints
							   page.number) */
			const char	 *lang;		/* BCP 47, or NULL:
							   the document's */
		} text;
		struct {
			const char	 *field;	/* path of the list */
			const struct ynode *field_node;
			struct tmpl	 *item;		/* or NULL: the item */
			const char	 *bullet;	/* "" for none */
			struct spec_color bullet_color;
			bool		  bullet_colored;
			double		  item_spacing;	/* [pt] */
			double		  indent;	/* [pt] hanging */
			bool		  markup;	/* tags in the data too */
			bool		  tagged;	/* a tag or '<<' in its
							   item template */
			bool		  bullet_tagged; /* in its bullet */
		} list;
		struct {
			struct tmpl	 *path;
			bool		  from_data;	/* path from a field */
			const char	 *dir;		/* else relative to this:
							   the folder of the file
							   it is written in */
			double		  width;	/* [pt]; 0 = full */
			double		  height;	/* [pt]; 0: by width */
			enum fit	  fit;
			double		  focus_x;	/* the point kept in */
			double		  focus_y;	/*   view, 0..1 */
			struct tmpl	 *focus;	/* or from the data */
			enum mask	  mask;
			double		  radius;	/* rounded [pt] */
			struct tmpl	 *placeholder;	/* whose initial to
							   draw when the image
							   is missing, or
							   NULL */
			enum shows	  shows;	/* what of it */
			struct spec_color ground;	/* of the placeholder;
							   a == 0 and no tmpl:
							   by the record's id */
			struct spec_color ink;		/* its text's */
			enum align	  align;
			struct tmpl	 *alt;		/* its text in a tagged
							   PDF, or NULL */
			bool		  decorative;	/* an artifact */
		} image;
		struct {
			double		  thickness;	/* [pt] */
			struct spec_color color;
			double		  width;	/* [pt]; 0 = full */
			enum align	  align;
		} rule;
		struct {
			double		  height;	/* [pt] */
		} spacer;
		struct {
			double		 *weights;	/* one per child */
			double		 *fixed;	/* [pt] per child, or 0:
							   by its weight */
			double		  gap;		/* [pt] */
			bool		  collapse;	/* a left-out column
							   gives its width */
		} row;
		struct {
			struct decor	  decor;
			double		  border_left;	/* [pt] */
			struct spec_color border_color;
		} box;
		struct {
			struct tmpl	 *text;		/* what it encodes */
			double		  size;		/* [pt] */
			struct color	  color;
			struct color	  background;	/* behind it, quiet
							   zone included
							   (default white) */
			enum align	  align;
			struct tmpl	 *alt;		/* or NULL: what it
							   encodes */
		} qr;
		struct {
			double		  width;	/* [pt] > 0 */
			double		  height;	/* [pt] > 0 */
			struct spec_color fill;		/* a == 0: none */
			struct spec_color stroke;	/* a == 0: none */
			double		  stroke_width;	/* [pt] */
			enum align	  align;
		} ellipse;
	} as;
};

/* The longest ellipsis marker [characters]: "… 더 보기" is 6; a longer
 * one would crowd out the words it ends. */
#define SPEC_ELLIPSIS_MAX	32

/*
 * Where a flow breaks, the cursor keeps a mark for each list of blocks
 * the break runs through (a frame's, a box's, each column of a row):
 * at most this many, which a frame that flows on is checked against.
 */
#define SPEC_FLOW_MARKS	48

struct frame {
	const char		*name;
	const struct ynode	*node;
	int			 rank;		/* where its blocks come in the
						   page's reading order (its
						   `reading-order`), from 0 */
	const struct ynode	*if_node;	/* as in struct block */
	const struct ynode	*unless_node;
	struct block		**else_blocks;	/* drawn instead of blocks
						   when left out by if/unless */
	size_t			 nelse;
	double			 x, y, w, h;	/* [pt] from the top left */
	struct decor		 decor;
	enum valign		 valign;
	struct block		**blocks;
	size_t			 nblocks;
	bool			 fits;		/* a block in it has fit or
						   max-lines */
	bool			 ranged;	/* one has fit: a size range */
	bool			 chooses;	/* a first-fit block in it */
	/* Threads (`continue: NAME`): what does not fit flows on into
	 * next, a frame of the same page; a frame flowed into has no
	 * blocks of its own and is laid out right after the one before
	 * it (src/layout.c, docs/design/flow.md). */
	const struct ynode	*continue_node;	/* or NULL */
	const struct frame	*next;		/* or NULL */
	const struct frame	*prev;		/* or NULL */
	/* Continuation pages (`continue-page: PAGE` on the last frame of
	 * a thread): what its flow leaves over goes on to copies of that
	 * page, as many as it takes, entering each at its `flow: true`
	 * frame; the marker's blocks stand at the foot of every frame
	 * after which the flow goes on to another page. */
	const struct ynode	*page_node;	/* `continue-page`, or NULL */
	const struct page_spec	*cont;		/* the page it names */
	struct block		**marker;	/* `continued-marker` */
	size_t			 nmarker;
	bool			 flow;		/* `flow: true`: a continuation
						   page's flow enters here */
};

/*
 * A page of the layout.  A page with `pages:` (a record's pages in
 * sequence) is not one itself: its pages are, one after the other in
 * spec->pages, each with seq pointing at it and `each` copied, and
 * pages.c makes them record by record (front(a), back(a), front(b), …).
 */
struct page_spec {
	const char		*name;		/* names non-record outputs */
	const struct ynode	*node;
	const char		*each;		/* record list key, or NULL */
	const struct ynode	*each_node;
	double			 width, height;	/* [pt] its trim: its own
						   `size` or the layout's */
	const struct page_spec	*seq;		/* the sequence it is in, or
						   NULL */
	int			 seq_index;	/* 0-based in seq */
	int			 seq_len;	/* seq's pages */
	int			 per_page;	/* records on one sheet (N-up) */
	double			 (*slots)[2];	/* per_page offsets [pt] */
	struct spec_color	 background;	/* a sheet of several
						   records: the first's */
	struct tmpl		*outline;	/* PDF outline title, or NULL */
	struct frame		**frames;
	size_t			 nframes;
	/* `continuation: true`: made only where another page's flow goes
	 * on (a frame's `continue-page`), after that page, for the same
	 * records; never by itself. */
	bool			 continuation;
	const struct page_spec	*cont_of;	/* continuation: the first page
						   it continues, whose `each`
						   it takes */
	const struct frame	*entry;		/* continuation: its frame
						   with `flow: true` */
	const struct frame	*out;		/* its frame whose flow goes
						   on to other pages, or
						   NULL (a continuation:
						   the last of entry's
						   thread) */
};

/*
 * Where the fields of a template (or a field list) are looked up: on a
 * page made per record (the record, then the document), on a page made
 * once or in the metadata (the document only), or in a list's item
 * template (the item first).
 */
enum field_scope {
	SCOPE_RECORD,
	SCOPE_ONCE,
	SCOPE_ITEM,
};

/*
 * A place where the layout names fields: a template, or a node of
 * field names (`if: a` or `if: [a, b]`, `list: a`, the key of a test
 * `{team: A}`).  The parser
 * records one for every template it parses (spec.c, parse_tmpl: the
 * only door) and every field list, in the order it parses them (the
 * metadata, then each page's outline and frames in the order of the
 * file), so that checks of field names (validate.c) see every template
 * of every kind by construction.
 */
struct field_use {
	const struct tmpl	*tmpl;		/* or NULL: */
	const struct ynode	*fields;	/* a name or a list of names */
	const struct page_spec	*page;		/* or NULL: the metadata */
	const struct frame	*frame;		/* whose blocks hold it, or
						   NULL */
	enum field_scope	 scope;
	bool			 color;		/* the template gives a colour
						   (struct spec_color) */
	bool			 focus;		/* an image's focus */
};

struct spec {
	struct ydoc		*doc;		/* owns the YAML tree */
	struct theme_set	 themes;	/* the files it includes */
	struct arena		*arena;		/* owns everything else */
	const char		*file;
	char			*dir;		/* the layout's folder */
	double			 width, height;	/* [pt] */
	enum unit		 unit;		/* messages' lengths: the
						   author's (spec_parse) */
	double			 margin[4];	/* [pt] top right bottom left */
	double			 bleed;		/* [pt], 0 for none */
	bool			 crop_marks;	/* drawn outside the bleed */
	double			 min_dpi;	/* preflight: images drawn
						   coarser are a warning;
						   0: off */
	bool			 min_dpi_set;	/* given, not the default */
	unsigned		 standards;	/* page: pdf-standard, enum
						   pdf_standard bits */
	const struct ynode	*colors;	/* `colors`, or NULL */
	const char		*fonts_dir;	/* absolute, or NULL */
	const struct ynode	*fonts_node;
	struct style		**styles;
	size_t			 nstyles;
	struct span_style	*spans;		/* `spans`, in file order */
	size_t			 nspans;
	struct page_spec	**pages;
	size_t			 npages;
	struct tmpl		*meta[META__MAX]; /* PDF; or NULL */
	const struct ynode	*required;	/* list of field names, or NULL */
	const struct ynode	*optional;	/* list of field names, or NULL */
	struct field_use	**uses;		/* every template and field
						   list, in file order */
	size_t			 nuses;
	bool			 continues;	/* a page has continuation
						   pages */
	bool			 counts;	/* a flow that goes on to
						   other pages prints
						   page.count: where it breaks
						   depends on it */
	bool			 numbers;	/* … or page.number */
};

/*
 * Loads and validates a layout spec.  Reports every problem to d and
 * returns NULL if there was any error; the caller frees the result
 * with spec_free().
 */
struct spec	*spec_load(const char *path, struct diag *d);
struct spec	*spec_parse(struct ydoc *, struct diag *d); /* takes doc */
void		 spec_free(struct spec *);

const struct style	*spec_find_style(const struct spec *, const char *);

/*
 * The key lists spec.c checks maps against (layout, metadata, page,
 * page-spec, seq-page, frame) and its keyword tables (valign, bool),
 * for layschema.c; each array ends with a NULL name.
 */
extern const struct schema_keyset	spec_keysets[];
extern const struct schema_keywords	spec_keywords[];

#endif
