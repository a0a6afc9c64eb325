/*
 * Report: how diagnostics reach the user.  It receives them in parts
 * (struct diag_msg: level, place, text) and prints each once — a
 * diagnostic is its line with the notes after it — hiding warnings
 * under --quiet, and on a terminal in colour with the source line and a
 * caret.  A log keeps a worker's diagnostics for the main thread, which
 * replays them into the report in page order.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct progress;
struct report;
struct report_log;

/*
 * Prints each group of diagnostics (a message and its notes) once, to
 * out: as lines, each followed by its source line and a caret (source),
 * in ANSI colours (color); or as one JSON object a line (json:
 * diag_json()).  quiet: hide warnings and their notes.
 */
struct report	*report_new(FILE *out, bool quiet, bool source, bool color,
		    bool json);
void		 report_free(struct report *);
/* A progress bar to wipe before printing (NULL: none). */
void		 report_set_progress(struct report *, struct progress *);
/* The diag sink (arg: the report): reads one message of a group. */
void		 report_sink(void *, const struct diag_msg *);
/* Prints the group read so far, unless hidden or printed before. */
void		 report_flush(struct report *);

/*
 * --report FILE: keeps every group, quiet or not, as an issue of a
 * GitLab Code Quality report (README.md, "Errors and limits"); an issue
 * in no file is given at fallback (the data file).  report_write_quality
 * writes them to path, replacing it whole; false if it could not.
 */
void		 report_quality(struct report *, const char *fallback);
bool		 report_write_quality(struct report *, const char *path,
		    struct diag *);

/* A worker's messages in order, copied. */
struct report_log	*report_log_new(void);
void			 report_log_free(struct report_log *);
/* The diag sink (arg: the log). */
void			 report_log_sink(void *, const struct diag_msg *);
size_t			 report_log_len(const struct report_log *);
/* Message i, valid as long as the log. */
const struct diag_msg	*report_log_get(const struct report_log *, size_t i);
/* Passes every message of the log to the report, then flushes it. */
void			 report_replay(struct report *,
			    const struct report_log *);

#endif
