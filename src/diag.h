/*
 * Diagnostics: the one sink every stage reports problems to, in the
 * compiler convention "FILE:LINE:COLUMN: error: MESSAGE".  No stage
 * writes to stderr itself; a context is passed explicitly (no globals),
 * so parallel renders each hold their own or share one under a lock.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include <glib.h>

enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG__MAX
};

/* A place in a source file; line and column are 1-based, 0 if unknown. */
struct diag_pos {
	const char	*file;
	int		 line;
	int		 col;
};

/*
 * What a message is about beyond its place in a file: the layout being
 * rendered, the page, record and field (for --diagnostics json and the
 * Code Quality report; the text says them too).  0 and NULL: unknown.
 */
struct diag_where {
	const char	*layout;
	int		 page;
	const char	*record;
	const char	*field;
};

/*
 * One diagnostic in parts, as a sink receives it.  Every string is
 * escaped (diag_escape) and lives until the sink returns.
 */
struct diag_msg {
	enum diag_level		 level;	/* as reported */
	enum diag_level		 shown;	/* as the line says: a warning is
					   an error under strict */
	const struct diag_pos	*pos;	/* or NULL */
	const char		*place;	/* "FILE:LINE:COL", "FILE" or
					   "brochure" */
	const char		*text;	/* the message */
	const char		*line;	/* "PLACE: LEVEL: TEXT", no newline */
	struct diag_where	 where;
	bool			 alone;	/* a note that follows nothing: advice
					   (diag_advice), its own problem */
};

struct diag {
	FILE	*out;		/* where lines go: stderr, from main */
	bool	 quiet;		/* hide warnings and notes, never errors */
	bool	 strict;	/* warnings count as errors */
	int	 count[DIAG__MAX];
	bool	 last_shown;	/* whether the previous line was printed */
	int	 mute;		/* > 0: drop warnings and notes (trials) */
	bool	 json;		/* --diagnostics json: one JSON object a
				   line (diag_json), nothing else */
	const char *layout;	/* the layout being rendered, or NULL */
	/*
	 * The next message's page, record and field: set just before it
	 * (flow_where), taken by that message and cleared.
	 */
	struct diag_where where;
	bool	 advice;	/* the next note stands alone (diag_advice) */
	/*
	 * If set, each diagnostic shown goes here instead of to out, in
	 * parts: a page rendered in a worker thread keeps its messages,
	 * and the main thread prints them in page order (report.c).
	 */
	void	(*sink)(void *, const struct diag_msg *);
	void	*sink_arg;
};

void	diag_init(struct diag *, FILE *);

/*
 * A diag that shows nothing (it still counts): for a pass whose
 * messages the render gives again, such as counting continuation pages.
 */
void	diag_init_silent(struct diag *);

/*
 * Reports one diagnostic at pos (NULL for none: "brochure: ...").  A
 * note is shown only if the diagnostic before it was.
 */
void	diag_report(struct diag *, enum diag_level, const struct diag_pos *,
	    const char *, ...) __attribute__((format(printf, 4, 5)));

#define diag_error(d, pos, ...)	  diag_report((d), DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_warning(d, pos, ...) diag_report((d), DIAG_WARNING, (pos), __VA_ARGS__)
#define diag_note(d, pos, ...)	  diag_report((d), DIAG_NOTE, (pos), __VA_ARGS__)

/*
 * A note that stands alone, advice such as check's notes on quotes:
 * shown unless quiet (a note otherwise follows a warning or an error),
 * counted as a note, so it never fails a run, --strict or not.
 */
void	diag_advice(struct diag *, const struct diag_pos *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * What a diagnostic shows in place of the character at s (len bytes
 * left), so that text from the input can neither steer a terminal nor
 * break the one-line form: C0 controls, DEL and bytes that are not
 * UTF-8 as "\x1b", C1 and bidirectional controls (which turn the rest
 * of a line around) as "\u202e".  Writes the escape to buf and returns
 * its length, or 0 if the character shows as it is; *n is set to the
 * bytes the character takes.
 */
size_t	diag_escape(const char *s, size_t len, size_t *n, char buf[8]);

/*
 * Appends a diagnostic as one JSON object, without a newline: level,
 * file, line, column, message, note (the notes that follow it, each
 * an object with file, line, column and message), page, record, field
 * and layout; null where unknown.  README.md, "Errors and limits",
 * documents it.
 */
void	diag_json(GString *, const struct diag_msg *,
	    const struct diag_msg *const *notes, size_t nnotes);

/* "error", "warning" or "note". */
const char	*diag_level_name(enum diag_level);

/* True when errors were reported (or warnings, under strict). */
bool	diag_failed(const struct diag *);

/* Errors so far, warnings included under strict: compare two counts to
 * see whether a step failed. */
int	diag_fatal_count(const struct diag *);

#endif
