/*
 * Pages: the whole set of pages of a run's layouts and the selection
 * of --only and --shard, as pure functions of the specs and the data
 * (no output, no threads), and the check that every page of a folder
 * render gets a file name of its own.
 */
#ifndef PAGES_H
#define PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct data;
struct layout_rest;
struct page_spec;
struct spec;
struct ynode;

/*
 * One page to make: a layout's page spec and, for `each` pages, its
 * records (one, or up to per-page for N-up, the last sheet maybe
 * fewer).
 */
struct page {
	int			 lay;		/* the layout's index */
	const struct page_spec	*ps;
	const struct ynode	*const *records;
	int			 nrec;
	int			 sheet;		/* 1-based among this spec's */
	int			 number;	/* 1-based in its document */
	char			*key;		/* its file's name: record id,
						   page name, id-page for a
						   sequence (pages_name) */
	const char		*group;		/* what --shard keeps together:
						   the record's id on a page of
						   a sequence, else key */
	int			 key_index;	/* group's, among the whole
						   set's groups */
	int			 part;		/* 1, or 2, 3, … for the
						   continuation pages of a
						   page (paginate.h): ps is
						   then the continuation */
	struct layout_rest	*from;		/* part > 1: where its flow
						   begins (owned) */
	bool			 stalled;	/* its flow went no further
						   here: the rest is lost */
};

/*
 * Appends the pages of layout lay (spec, over data) to *pages, n so far,
 * in the layout's order; a sequence's pages record by record (front(a),
 * back(a), front(b), …).  Continuation pages are not among them: they
 * are counted by laying pages out (paginate.h).  Returns the array (g_renew'd); pages_free()
 * frees the keys and it.
 */
struct page	*pages_list(struct page *pages, int *n, int lay,
		    const struct spec *, const struct data *);
void		 pages_free(struct page *, int n);

/*
 * The output name of a page: the record's id ("gina"), the page's name
 * ("cover"), for N-up the page's name and the sheet ("cards-2"), on a
 * page of a record's sequence the id and the page's name ("gina-back").
 * part is 1 but for the continuation pages one page spec may make for
 * one record (text flowing on, issue 13): the part-th is the name and
 * "-part" ("gina-back-2", "gina-2").  The caller g_free()s.
 */
char		*pages_name(const struct page_spec *,
		    const struct ynode *first, int sheet, int part);

/* Whether page p shows id: its key, or a record on it (N-up). */
bool		 pages_has(const struct page *p, const char *id);

struct pages_selection {
	const char	*const *only;	/* --only IDs */
	size_t		 nonly;
	int		 shard, shards;	/* --shard K/N; shards 0: none */
};

/*
 * The selection from the whole set all[0..n): --only keeps the pages
 * that show one of its IDs (an unknown one is reported, with a
 * suggestion); --shard splits the groups left (see struct page), in
 * order of first appearance, into N contiguous runs of sizes differing
 * by one at most, and keeps the K-th.  A group's pages in all layouts
 * go together (a record's whole sequence too); page numbers stay those
 * of the whole document.  Sets every key_index and *nkeys (the whole
 * set's groups); returns a new array of *nsel copies
 * (keys shared with all; free() it), and false if an --only matched
 * nothing.
 */
bool		 pages_select(struct page *all, int n,
		    const struct pages_selection *, struct page **sel,
		    int *nsel, int *nkeys, struct diag *);

/*
 * Every page of the whole set (not just the selection, so that shards
 * agree) writes paths[i]; two pages with one path would overwrite each
 * other.  Reports each pair of page specs that clash once, naming the
 * layouts by stems[] when there are several (stems NULL: one layout);
 * false if any.
 */
bool		 pages_check_names(const struct page *all, int n,
		    char *const *paths, const char *const *stems,
		    struct diag *);

#endif
