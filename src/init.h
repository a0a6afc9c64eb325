/*
 * `brochure init DIR [-l NAME]`: a starter project that renders at once.
 */
#ifndef INIT_H
#define INIT_H

#include <stdbool.h>

#include "diag.h"
#include "run.h"

/* A shipped layout that init can start from (`-l NAME`). */
struct init_layout {
	const char	*name;		/* square, a4, …: what -l takes */
	const char	*layout;	/* its file in the layouts folder */
	const char	*data;		/* its starter data in the starter
					   folder, written as data.yaml */
	const char	*readme;	/* in the starter folder, as README */
	const char	*output;	/* what to render it into: out/ or
					   out/brochure.pdf */
	bool		 logo;		/* draws logo.svg: copied beside */
};

/* The shipped layout called name, or NULL. */
const struct init_layout *init_find_layout(const char *name);

/* "square, portrait, …": the names -l takes, for messages. */
const char	*init_layout_names(void);

/*
 * Writes a starter project into dir, which must not exist or be empty:
 * with l NULL the starter card (data.yaml, layout.yaml, README from
 * the folder `starter`); else the shipped layout l from the folder
 * `layouts` as layout.yaml (with logo.svg if it draws it), its starter
 * data and README.  Nothing is overwritten.  The layout's editor line
 * (`# yaml-language-server: $schema=…`, relative to the shipped file)
 * names the file `schema` instead, the layouts' JSON Schema where
 * brochure is installed, or goes if schema is NULL.  Returns an exit
 * status; problems are reported to d.
 */
enum status	init_project(const char *starter, const char *layouts,
		    const char *schema, const struct init_layout *l,
		    const char *dir, struct diag *);

#endif
