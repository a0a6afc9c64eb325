/*
 * The report: what a user reads of the diagnostics — each once with
 * its notes, warnings hidden under --quiet, and colour that follows the
 * level, not the text.
 */
#include "testutil.h"

#include "report.h"

struct out {
	FILE	*f;
	char	*buf;
	size_t	 len;
};

static struct report *
open_report(struct out *o, bool quiet, bool color)
{
	memset(o, 0, sizeof(*o));
	o->f = open_memstream(&o->buf, &o->len);
	assert_non_null(o->f);
	return report_new(o->f, quiet, false, color, false);
}

/* Everything printed; frees the report and the stream. */
static char *
close_report(struct out *o, struct report *r)
{
	report_flush(r);
	report_free(r);
	fclose(o->f);
	return o->buf;
}

/* Reports through a struct diag into sink(arg), as run.c does. */
static void
emit(struct diag *d, enum diag_level level, const char *file, int line,
    const char *text)
{
	struct diag_pos pos = { file, line, 3 };

	diag_report(d, level, file ? &pos : NULL, "%s", text);
}

static void
to(struct diag *d, void (*sink)(void *, const struct diag_msg *),
    void *arg)
{
	diag_init(d, NULL);
	d->sink = sink;
	d->sink_arg = arg;
}

static void
test_same_twice_once(void **state)
{
	struct out o;
	struct report *r = open_report(&o, false, false);
	struct diag d;
	char *text;

	(void)state;
	to(&d, report_sink, r);
	emit(&d, DIAG_WARNING, "a.yaml", 4, "text overflows");
	emit(&d, DIAG_NOTE, "l.yaml", 9, "frame is here");
	emit(&d, DIAG_WARNING, "a.yaml", 4, "text overflows");
	emit(&d, DIAG_NOTE, "l.yaml", 9, "frame is here");
	text = close_report(&o, r);
	assert_string_equal(text, "a.yaml:4:3: warning: text overflows\n"
	    "l.yaml:9:3: note: frame is here\n");
	free(text);
}

/* The same line with another note (a second layout) is no repeat. */
static void
test_notes_belong_to_their_line(void **state)
{
	struct out o;
	struct report *r = open_report(&o, false, false);
	struct diag d;
	char *text;

	(void)state;
	to(&d, report_sink, r);
	emit(&d, DIAG_WARNING, "a.yaml", 4, "text overflows");
	emit(&d, DIAG_NOTE, "one.yaml", 9, "frame is here");
	emit(&d, DIAG_WARNING, "a.yaml", 4, "text overflows");
	emit(&d, DIAG_NOTE, "two.yaml", 7, "frame is here");
	emit(&d, DIAG_ERROR, NULL, 0, "no pages");
	text = close_report(&o, r);
	assert_string_equal(text, "a.yaml:4:3: warning: text overflows\n"
	    "one.yaml:9:3: note: frame is here\n"
	    "a.yaml:4:3: warning: text overflows\n"
	    "two.yaml:7:3: note: frame is here\n"
	    "brochure: error: no pages\n");
	free(text);
}

/* --quiet hides a warning with its notes; errors always show. */
static void
test_quiet_hides_warnings_not_errors(void **state)
{
	struct out o;
	struct report *r = open_report(&o, true, false);
	struct diag d;
	char *text;

	(void)state;
	to(&d, report_sink, r);
	emit(&d, DIAG_WARNING, "a.yaml", 4, "text overflows");
	emit(&d, DIAG_NOTE, "l.yaml", 9, "frame is here");
	emit(&d, DIAG_ERROR, "a.yaml", 5, "bad id");
	emit(&d, DIAG_NOTE, "a.yaml", 2, "the other is here");
	text = close_report(&o, r);
	assert_string_equal(text, "a.yaml:5:3: error: bad id\n"
	    "a.yaml:2:3: note: the other is here\n");
	free(text);
}

/*
 * The colour follows the level and the place, whatever the text or the
 * file name says: a file named like a level does not move it.
 */
static void
test_color_from_level(void **state)
{
	struct out o;
	struct report *r = open_report(&o, false, true);
	struct diag d;
	char *text;

	(void)state;
	to(&d, report_sink, r);
	emit(&d, DIAG_WARNING, "x: error: y.yaml", 4, "says: note: here");
	d.strict = true;
	emit(&d, DIAG_WARNING, "a.yaml", 1, "under strict");
	text = close_report(&o, r);
	assert_string_equal(text,
	    "\033[1mx: error: y.yaml:4:3:\033[0m \033[1;35mwarning:\033[0m "
	    "says: note: here\n"
	    "\033[1ma.yaml:1:3:\033[0m \033[1;31merror:\033[0m "
	    "under strict\n");
	free(text);
}

/* A worker's log, replayed, prints as the messages would have. */
static void
test_log_replays_in_order(void **state)
{
	struct out o;
	struct report *r = open_report(&o, false, false);
	struct report_log *log = report_log_new();
	struct diag d;
	char *text;

	(void)state;
	to(&d, report_log_sink, log);
	emit(&d, DIAG_ERROR, "a.yaml", 4, "one\033[2J");
	emit(&d, DIAG_NOTE, NULL, 0, "two");
	assert_int_equal(report_log_len(log), 2);
	assert_int_equal(report_log_get(log, 1)->level, DIAG_NOTE);
	report_replay(r, log);
	report_replay(r, log);
	report_log_free(log);
	text = close_report(&o, r);
	assert_string_equal(text, "a.yaml:4:3: error: one\\x1b[2J\n"
	    "brochure: note: two\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_twice_once),
		cmocka_unit_test(test_notes_belong_to_their_line),
		cmocka_unit_test(test_quiet_hides_warnings_not_errors),
		cmocka_unit_test(test_color_from_level),
		cmocka_unit_test(test_log_replays_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
