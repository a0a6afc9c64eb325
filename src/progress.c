/*
 * The progress line: "  412/1000 images ━━━━━━━━────── 127/s  0:04 left",
 * redrawn with a carriage return and an erase-line, wiped when done.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"
#include "progress.h"

#define BAR	24	/* cells */

struct progress {
	FILE		*out;
	int		 total, done;
	const char	*unit;
	bool		 live, drawn;
	double		 start, last;
};

double
progress_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

bool
progress_wanted(FILE *f)
{
	const char *term = getenv("TERM");
	const char *ci = getenv("CI");

	return isatty(fileno(f)) && (ci == NULL || *ci == '\0') &&
	    (term == NULL || strcmp(term, "dumb") != 0);
}

struct progress *
progress_new(FILE *out, int total, const char *unit, bool live)
{
	struct progress *p = xcalloc(1, sizeof(*p));

	p->out = out;
	p->total = total;
	p->unit = unit;
	p->live = live;
	p->start = p->last = progress_clock();
	return p;
}

static void
draw(struct progress *p, double t)
{
	double el = t - p->start, rate = el > 0 ? p->done / el : 0;
	int cells = p->total ? (int)((long)p->done * BAR / p->total) : BAR;
	int left = rate > 0 ? (int)((p->total - p->done) / rate + 0.5) : 0;
	int i;

	fprintf(p->out, "\r\033[K%*d/%d %s ", 6, p->done, p->total, p->unit);
	for (i = 0; i < BAR; i++)
		fputs(i < cells ? "\u2501" : "\u2500", p->out);
	fprintf(p->out, " %.0f/s  %d:%02d left", rate, left / 60, left % 60);
	fflush(p->out);
	p->drawn = true;
	p->last = t;
}

void
progress_step(struct progress *p, int done)
{
	double t;

	p->done = done;
	if (!p->live)
		return;
	t = progress_clock();
	if (t - p->last >= 0.1 || (!p->drawn && t - p->start >= 0.1))
		draw(p, t);
}

void
progress_clear(struct progress *p)
{
	if (p == NULL || !p->drawn)
		return;
	fputs("\r\033[K", p->out);
	fflush(p->out);
	p->drawn = false;
	p->last = 0;	/* redraw at the next step */
}

double
progress_elapsed(const struct progress *p)
{
	return progress_clock() - p->start;
}

void
progress_free(struct progress *p)
{
	if (p == NULL)
		return;
	progress_clear(p);
	free(p);
}
