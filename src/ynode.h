/*
 * The YAML document tree: what yload.c builds from libyaml events and
 * every later stage reads.  Each node keeps its file, line and column
 * so that any stage can point a diagnostic at it.  Scalars are valid
 * UTF-8 in NFC.  The tree is read-only after loading.
 */
#ifndef YNODE_H
#define YNODE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum ynode_kind {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
	YNODE__MAX
};

struct ypair;

struct ynode {
	enum ynode_kind	 kind;
	struct diag_pos	 pos;
	bool		 plain;	/* scalar written without quotes */
	const char	*str;	/* YNODE_SCALAR: the text, NFC */
	size_t		 len;	/* YNODE_SCALAR: strlen(str) */
	struct ynode	**items;/* YNODE_SEQ */
	struct ypair	*pairs;	/* YNODE_MAP, in file order */
	size_t		 n;	/* number of items or pairs */
	size_t		 weight;/* nodes below, aliases expanded, self too */
	size_t		 text;	/* bytes of text in them (keys too) */
};

struct ypair {
	struct ynode	*key;	/* always a scalar */
	struct ynode	*val;
};

struct ydoc {
	struct arena	*arena;	/* owns every node and string */
	const char	*file;	/* the name diagnostics use */
	struct ynode	*root;	/* a mapping, sequence or scalar */
};

/*
 * Limits on what a YAML file may hold; each is an error with its
 * figure.  Generous: the 10,000-record benchmark stays far below.
 */
#define YLOAD_MAX_FILE		(64u << 20)	/* bytes in a file */
#define YLOAD_MAX_DEPTH		64		/* nesting of lists, maps */
#define YLOAD_MAX_NODES		2000000		/* after alias expansion */
#define YLOAD_MAX_TEXT		(64u << 10)	/* bytes in one text */
/*
 * Bytes of text in the document, each alias counted at every use: the
 * same as a file may hold, so aliases cannot make a document that no
 * file of the limit's size could be.
 */
#define YLOAD_MAX_EXPANDED	(64u << 20)

/*
 * Loads a YAML file (or a buffer, named `name` in diagnostics).
 * Reports every problem to d and returns NULL if there was any;
 * otherwise the caller frees the result with ydoc_free().
 */
struct ydoc	*yload_file(const char *path, struct diag *d);
struct ydoc	*yload_buffer(const char *name, const char *buf, size_t len,
		    struct diag *d);
void		 ydoc_free(struct ydoc *);

/* The value of key in a mapping, or NULL (also when m is not a map). */
const struct ynode	*ynode_get(const struct ynode *m, const char *key);

/* True for a plain `~`, `null`, `Null`, `NULL` or empty scalar. */
bool	ynode_is_null(const struct ynode *);

/* A short name of the node's kind for messages: "a mapping", ... */
const char	*ynode_kind_name(const struct ynode *);

#endif
