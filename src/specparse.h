/*
 * Inside the layout parser: the context spec.c (pages, frames, the
 * document) and block.c (blocks) share while they build a struct spec.
 * Not for later stages: they read the finished struct spec.
 */
#ifndef SPECPARSE_H
#define SPECPARSE_H

#include "mem.h"
#include "spec.h"

struct block_kind_desc;

struct spec_parser {
	struct spec		*spec;
	struct arena		*a;
	struct diag		*d;
	const struct ynode	*colors;
	struct ptrvec		 styles;
	struct ptrvec		 uses;		/* → spec->uses */
	const struct page_spec	*page;		/* being parsed, or NULL */
	const struct frame	*frame;		/* being parsed, or NULL */
	enum field_scope	 scope;		/* of the page being parsed */
	const struct block_kind_desc *kind;	/* of the block being parsed,
						   or NULL */
	bool			 bad_size;	/* the page size was wrong: no
						   frame is checked against
						   the A4 put in its place */
};

/*
 * Parses the template at n (a string; `what` names it in messages) and
 * records it in spec->uses, scoped by the page being parsed, or by the
 * list item for spec_parse_item().  NULL after reporting if n is not a
 * string or the template is bad.  Inside a block, `what` must be one of
 * the kind's template keys (block_kinds[].templates): the table says
 * which keys hold templates, and the unit tests trust it.
 */
struct tmpl	*spec_parse_template(struct spec_parser *,
		    const struct ynode *n, const char *what);
struct tmpl	*spec_parse_item(struct spec_parser *, const struct ynode *n,
		    const char *what);

/*
 * The colour at n into out->value, or, if n holds a template, the
 * template into out->tmpl (recorded in spec->uses as a colour's, see
 * color.h); out->value is left as the default the caller set.  Inside
 * a block `what` must be one of the kind's template keys.
 */
void		 spec_parse_color(struct spec_parser *, const struct ynode *n,
		    const char *what, struct spec_color *out);

/* Whether v is a language tag (BCP 47, units_lang); an error at it
 * if not. */
bool		 spec_check_lang(struct diag *, const struct ynode *v);

/* Records n, a field name or a list of them, in spec->uses. */
void		 spec_use_fields(struct spec_parser *, const struct ynode *n);

/*
 * `if` or `unless` (key) of mapping m: FIELD, {FIELD: VALUE},
 * {FIELD: [VALUE, ...]} or a list of these; checked, its fields
 * recorded; or NULL.
 */
const struct ynode	*spec_parse_cond(struct spec_parser *,
			    const struct ynode *m, const char *key);

/* padding, fill, stroke, stroke-width, radius: frames and boxes. */
void		 spec_parse_decor(struct spec_parser *, const struct ynode *m,
		    struct decor *);

/* The style named under m's `style`, the first style, or the default. */
const struct style	*spec_block_style(struct spec_parser *,
			    const struct ynode *m);

/*
 * Threads the frames of ps by their `continue:` (specflow.c): each
 * names another frame of the page, flowed into by no other, with no
 * blocks (nor if, unless, else) of its own; a thread may not come back
 * to a frame it has passed (a loop).  A bad thread is reported and
 * left out.
 */
void		 spec_thread_frames(struct spec_parser *, struct page_spec *);

/*
 * Links every `continue-page` of the pages to its continuation page
 * and checks both ends (specflow.c); the continuation pages' templates
 * take the scope of the pages they continue.
 */
void		 spec_link_pages(struct spec_parser *, const struct ptrvec *);

#endif
