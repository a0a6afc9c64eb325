/*
 * The manifest (--manifest FILE.json): every output of a run with its
 * record ids, layout, type, size and SHA-256, so that a merge step can
 * check the parts of a sharded render (scripts/merge-manifests).  The
 * format is documented in README.md, "Batches".
 */
#ifndef MANIFEST_H
#define MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct manifest;

struct manifest_entry {
	const char	*file;		/* relative to the output folder */
	const char	*key;		/* record id or page name; NULL */
	const char	*const *ids;	/* record ids on it */
	size_t		 nids;
	const char	*layout;	/* the layout's file stem */
	const char	*type;		/* "png", "svg", "pdf" */
	double		 width, height;
	const char	*unit;		/* "px" or "pt" */
	int		 pages;
	long long	 bytes;
	const char	*sha256;	/* 64 hex digits */
};

struct manifest	*manifest_new(const char *generator, const char *data,
		    const char *const *layouts, size_t nlayouts, int shard,
		    int shards, int whole_keys, int whole_outputs);
void		 manifest_add(struct manifest *, const struct manifest_entry *);

struct ynode;

/*
 * Adds the file at path as e says, with e.file its base name and e.ids
 * the ids of records[0..nrec).  If e.sha256 is NULL, hashes the file
 * first (e.bytes too): false, reported, if it cannot be read back.
 */
bool		 manifest_add_file(struct manifest *, const char *path,
		    const struct ynode *const *records, size_t nrec,
		    const struct manifest_entry *e, struct diag *);
/* Writes it atomically to path; false (reported) on failure. */
bool		 manifest_write(struct manifest *, const char *path,
		    struct diag *);
void		 manifest_free(struct manifest *);

/* The SHA-256 of a file in hex and its size; false if unreadable. */
bool		 manifest_hash_file(const char *path, char hex[65],
		    long long *bytes);

#endif
