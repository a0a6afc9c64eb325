/*
 * Overflow accounting (overflow.c): which block an overflow warning
 * blames, which of its paragraphs it points at, and the note that says
 * what each block took.  The calls are the ones layout.c makes while a
 * frame's flow is laid out.
 */
#include "testutil.h"

#include <glib.h>

#include "overflow.h"
#include "spec.h"

static const struct block text = { .kind = BLOCK_TEXT };
static const struct block name = { .kind = BLOCK_TEXT, .name = "name" };
static const struct block rule = { .kind = BLOCK_RULE };
static const struct block row = { .kind = BLOCK_ROW };
static const struct ynode p1 = { .pos = { "d.yaml", 8, 9 } };
static const struct ynode p2 = { .pos = { "d.yaml", 9, 9 } };
static const struct ynode nm = { .pos = { "d.yaml", 6, 11 } };
static const struct ynode lit = { .pos = { "l.yaml", 20, 13 } };

/* One block holding one paragraph. */
static void
one(struct overflow *o, const struct block *b, const struct ynode *src,
    const char *field, double h, bool crosses)
{
	overflow_begin(o, b);
	overflow_text(o, src, field, h, crosses);
	overflow_end(o, h);
}

/* The new user's case: a story ends inside, the name after it crosses. */
static void
test_tallest_block_not_first_to_cross(void **state)
{
	struct overflow o = { 0 };
	char *note;

	(void)state;
	overflow_begin(&o, &text);
	overflow_text(&o, &p1, "story", 86.4, false);
	overflow_text(&o, &p2, "story", 86.4, false);
	overflow_end(&o, 172.8);
	one(&o, &name, &nm, "name", 25.6, true);
	one(&o, &rule, NULL, NULL, 1, true);
	assert_ptr_equal(overflow_cause(&o)->src, &p1);
	assert_string_equal(overflow_cause(&o)->field, "story");
	note = overflow_note(&o, "body", UNIT_PT, 180, 210.4);
	assert_string_equal(note, "frame 'body' has 180.0pt, its flow takes "
	    "210.4pt: text 172.8pt (field 'story'), 'name' 25.6pt (field "
	    "'name'), rule 1.0pt, spacing 11.0pt");
	g_free(note);
	overflow_free(&o);
}

/* Within the block: the paragraph that crosses, else the tallest. */
static void
test_paragraph_that_crosses_then_tallest(void **state)
{
	struct overflow o = { 0 };

	(void)state;
	overflow_begin(&o, &text);
	overflow_text(&o, &p1, "story", 90, false);
	overflow_text(&o, &p2, "story", 40, true);
	overflow_end(&o, 130);
	assert_ptr_equal(overflow_cause(&o)->src, &p2);
	overflow_clear(&o);
	overflow_begin(&o, &text);
	overflow_text(&o, &p1, "story", 40, false);
	overflow_text(&o, &p2, "story", 90, false);
	overflow_end(&o, 130);
	assert_ptr_equal(overflow_cause(&o)->src, &p2);
	overflow_free(&o);
}

/* Data text before literal text; no text at all: the frame. */
static void
test_data_before_literal_before_frame(void **state)
{
	struct overflow o = { 0 };

	(void)state;
	one(&o, &text, &lit, NULL, 300, true);
	one(&o, &name, &nm, "name", 20, false);
	assert_ptr_equal(overflow_cause(&o)->src, &nm);
	overflow_clear(&o);
	one(&o, &text, &lit, NULL, 300, true);
	one(&o, &rule, NULL, NULL, 1, true);
	assert_ptr_equal(overflow_cause(&o)->src, &lit);
	assert_null(overflow_cause(&o)->field);
	overflow_clear(&o);
	one(&o, &rule, NULL, NULL, 400, true);
	assert_null(overflow_cause(&o));
	overflow_free(&o);
}

/* A row's columns are one part; a block left out is not listed. */
static void
test_nested_blocks_and_left_out(void **state)
{
	struct overflow o = { 0 };
	char *note;

	(void)state;
	overflow_begin(&o, &row);
	one(&o, &text, &p1, "story", 50, false);
	one(&o, &text, &nm, "name", 10, false);
	overflow_end(&o, 50);
	overflow_begin(&o, &name);
	overflow_end(&o, -1);
	assert_int_equal(o.n, 1);
	assert_ptr_equal(overflow_cause(&o)->src, &p1);
	note = overflow_note(&o, "f", UNIT_PT, 40, 50);
	assert_string_equal(note, "frame 'f' has 40.0pt, its flow takes "
	    "50.0pt: row 50.0pt (field 'story')");
	g_free(note);
	overflow_free(&o);
}

/* Beyond ten blocks the note sums the rest: one line still. */
static void
test_note_sums_the_rest(void **state)
{
	struct overflow o = { 0 };
	char *note;
	int i;

	(void)state;
	for (i = 0; i < 12; i++)
		one(&o, &rule, NULL, NULL, 2, true);
	note = overflow_note(&o, "f", UNIT_PT, 10, 24);
	assert_non_null(strstr(note, "rule 2.0pt, 2 more blocks 4.0pt"));
	assert_null(strstr(note, "spacing"));
	g_free(note);
	overflow_free(&o);
}

/*
 * In the layout's unit: a card in px hears px; spacing that rounds to
 * nothing in the unit (0.1pt is 0.0mm) is left out, so no "spacing
 * 0.0mm" asks to be removed.
 */
static void
test_note_in_the_layout_unit(void **state)
{
	struct overflow o = { 0 };
	char *note;

	(void)state;
	one(&o, &rule, NULL, NULL, 30, true);
	note = overflow_note(&o, "f", UNIT_PX, 22.5, 36);
	assert_string_equal(note, "frame 'f' has 30.0px, its flow takes "
	    "48.0px: rule 40.0px, spacing 8.0px");
	g_free(note);
	note = overflow_note(&o, "f", UNIT_MM, 22.5, 30.1);
	assert_string_equal(note, "frame 'f' has 7.9mm, its flow takes "
	    "10.6mm: rule 10.6mm");
	g_free(note);
	overflow_free(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tallest_block_not_first_to_cross),
		cmocka_unit_test(test_paragraph_that_crosses_then_tallest),
		cmocka_unit_test(test_data_before_literal_before_frame),
		cmocka_unit_test(test_nested_blocks_and_left_out),
		cmocka_unit_test(test_note_sums_the_rest),
		cmocka_unit_test(test_note_in_the_layout_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
