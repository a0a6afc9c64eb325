/*
 * Diagnostics sink: formats one line per problem and counts them by
 * level.  Everything the user reads about their input passes here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *const level_names[DIAG__MAX] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

void
diag_report(struct diag *d, enum diag_level level,
    const struct diag_pos *pos, const char *fmt, ...)
{
	va_list ap;
	FILE *f;
	char *line = NULL;
	size_t len = 0;

	if (d->mute > 0 && level != DIAG_ERROR)
		return;
	d->count[level]++;
	if (level == DIAG_NOTE ? !d->last_shown :
	    level == DIAG_WARNING && d->quiet && !d->strict) {
		d->last_shown = false;
		return;
	}
	d->last_shown = true;
	if (d->out == NULL && d->sink == NULL)
		return;
	if ((f = open_memstream(&line, &len)) == NULL)
		return;
	if (pos != NULL && pos->file != NULL && pos->line > 0)
		fprintf(f, "%s:%d:%d: ", pos->file, pos->line, pos->col);
	else if (pos != NULL && pos->file != NULL)
		fprintf(f, "%s: ", pos->file);
	else
		fputs("brochure: ", f);
	fprintf(f, "%s: ", level == DIAG_WARNING && d->strict ?
	    "error" : level_names[level]);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
	if (d->sink != NULL)
		d->sink(d->sink_arg, level, pos, line);
	else
		fprintf(d->out, "%s\n", line);
	free(line);
}

int
diag_fatal_count(const struct diag *d)
{
	return d->count[DIAG_ERROR] +
	    (d->strict ? d->count[DIAG_WARNING] : 0);
}

bool
diag_failed(const struct diag *d)
{
	return diag_fatal_count(d) > 0;
}
