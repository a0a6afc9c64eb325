/*
 * The data model: a YAML document whose top level is a mapping; any key
 * holding a list of mappings can be the record list a page iterates
 * over.  The schema is open: records may carry fields no layout uses.
 */
#ifndef DATA_H
#define DATA_H

#include <stdbool.h>

#include "diag.h"
#include "ynode.h"

struct spec;

/* At most this many records in a list, and pages in a document. */
#define DATA_MAX_RECORDS	100000

/*
 * At most this much text (bytes, aliases counted at every use) in one
 * record, and in the document's fields outside the record lists: what
 * one page can draw on.  Four of the longest texts; a full A4 page
 * holds some 10 KB.  It bounds the work of one page, which grows with
 * its text (one paragraph aliased 50 times took 5.8 GB).
 */
#define DATA_MAX_PAGE_TEXT	(256u << 10)

struct data {
	struct ydoc	*doc;
	const char	*dir;	/* the data file's folder (photos) */
};

/* Loads a data file; NULL after reporting if it is not usable. */
struct data	*data_load(const char *path, struct diag *);
/* The same from a loaded document, which it takes over (dir: "." ). */
struct data	*data_parse(struct ydoc *, struct diag *);
void		 data_free(struct data *);

/*
 * Checks the data against what the layout needs: each record list a
 * page iterates over exists and holds mappings with a valid, unique
 * `id` and the fields the layout requires.  Reports every problem;
 * false if there was an error.
 */
bool	data_validate(const struct data *, const struct spec *,
	    struct diag *);

/* The record list named key (validated), or NULL. */
const struct ynode	*data_records(const struct data *, const char *key);

/* The record's id (validated records always have one). */
const char	*data_record_id(const struct ynode *record);

/* True for a text that prints nothing: only white space (any Unicode
 * space) or zero-width characters. */
bool		 data_is_blank_text(const char *);

#endif
