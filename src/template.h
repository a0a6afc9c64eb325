/*
 * Templates: text with {{field}} references over the data, nested
 * fields ({{link.url}}, {{brochure.title}}), list items ({{story.0}}),
 * particles that agree with the inserted word ({{name|이/가}} gives
 * "Wilson이", "Gina가") and filters ({{story.0|sentence}},
 * {{name|upper}}).
 * Parsed once with the layout; expanded per record.
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "ynode.h"

struct arena;

/*
 * Filters, bits of tmpl_part.filters: several may follow a field
 * ({{story.0|sentence|upper}}); the sentence is cut first, then the
 * case mapped, whatever their order.
 */
enum tmpl_filter {
	FILTER_NONE = 0,
	FILTER_SENTENCE = 1 << 0,	/* the first sentence of the value */
	FILTER_UPPER = 1 << 1,		/* Latin in capitals */
	FILTER_LOWER = 1 << 2,		/* Latin in small letters */
};

struct tmpl_part {
	const char	*lit;		/* literal text, or NULL for a field */
	const char	*path;		/* field path "link.url", "story.0" */
	const char	*particle;	/* "이/가", or NULL; after the filters */
	unsigned	 filters;	/* enum tmpl_filter bits */
};

struct tmpl {
	const struct ynode	*node;	/* the layout scalar */
	struct tmpl_part	*parts;
	size_t			 n;
};

/*
 * Where fields are looked up, innermost first: the list item being
 * drawn, the record of the page, the document root.  `page.number` and
 * `page.count` are built in.
 */
struct scope {
	const struct ynode	*item;
	const struct ynode	*record;
	const struct ynode	*root;
	int			 page_number;	/* 1-based */
	int			 page_count;
};

enum tval_kind {
	TVAL_MISSING,	/* a field is absent, null or empty: leave out */
	TVAL_TEXT,
	TVAL_LIST,	/* the template is one field holding a list */
};

struct tval {
	enum tval_kind		 kind;
	char			*text;	/* TVAL_TEXT; caller g_free()s */
	const struct ynode	*list;	/* TVAL_LIST: the sequence node */
	const struct ynode	*src;	/* data node of the first field */
	const char		*missing; /* TVAL_MISSING: the field */
};

/* Parses a template scalar; reports syntax errors and returns NULL. */
struct tmpl	*tmpl_parse(struct arena *, const struct ynode *,
		    struct diag *);

/* True if the template has no field reference. */
bool		 tmpl_is_literal(const struct tmpl *);
/* Whether t (or NULL) names field path ("page.number"). */
bool		 tmpl_names(const struct tmpl *t, const char *path);

/*
 * Looks a dotted path up in scope (item, record, root); NULL if absent.
 */
const struct ynode	*tmpl_lookup(const struct scope *, const char *path);

/*
 * Expands t in scope into *v.  A field that holds a mapping, or a list
 * inside other text, is reported to d (at the data node, with a note
 * at the template) and left out.
 */
void		 tmpl_expand(const struct tmpl *, const struct scope *,
		    struct tval *v, struct diag *d);
/* tmpl_expand() with each field's text passed through escape (which
 * returns a string to g_free()): a field's text kept as it is in
 * markup (markup_escape()). */
void		 tmpl_expand_escaped(const struct tmpl *, const struct scope *,
		    struct tval *v, struct diag *d,
		    char *(*escape)(const char *));
void		 tval_clear(struct tval *);

/*
 * True if the node is there and not empty: a non-empty text, list or
 * mapping.  Null, "" and [] count as missing everywhere.
 */
bool		 tmpl_has_value(const struct ynode *);

/*
 * Length in bytes of the first sentence of s ({{x|sentence}}): the
 * whole of s if no sentence end is found.
 */
size_t		 tmpl_first_sentence(const char *s);

/* Text of a list item or scalar node; NULL if it is not a scalar. */
const char	*tmpl_scalar(const struct ynode *);

#endif
