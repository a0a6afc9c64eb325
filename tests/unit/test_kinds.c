/*
 * Unit tests for block.c's table of kinds and the field check: every
 * template key of every kind in block_kinds[] (and every `if`, a page's
 * outline, each metadata key) is checked against the data's fields.
 * The layouts are built from the table, so a kind or template key
 * added there is covered here with no edit to this file or to
 * validate.c.
 */
#include <glib.h>

#include "block.h"
#include "data.h"
#include "spec.h"
#include "validate.h"
#include "testutil.h"

static const char data_yaml[] =
    "people:\n"
    "  - id: a\n"
    "    items: [x, y]\n";

/* Parses layout and checks its fields against data_yaml; returns the
 * diagnostics (g_free them).  The layout must parse with no error. */
static char *
check(const char *layout)
{
	struct capture c, cd;
	struct spec *s;
	struct data *data;
	char *out;

	capture_begin(&cd);
	data = data_parse(load("data.yaml", data_yaml, &cd.d), &cd.d);
	assert_non_null(data);
	capture_end(&cd);
	capture_begin(&c);
	s = spec_parse(load("layout.yaml", layout, &c.d), &c.d);
	if (s == NULL)
		fail_msg("layout did not parse:\n%s\n%s", layout,
		    capture_text(&c));
	validate_fields(s, data, &c.d);
	out = g_strdup(capture_text(&c));
	spec_free(s);
	data_free(data);
	capture_end(&c);
	return out;
}

/* Asserts the one line of got is the unknown field warning at line:col. */
static void
assert_unknown_at(const char *got, int line, int col, const char *layout)
{
	char *want = g_strdup_printf("layout.yaml:%d:%d: warning: field "
	    "'nosuch' is in no record and the layout does not list it under "
	    "'optional' (a typo?)\n", line, col);

	if (strcmp(got, want) != 0)
		fail_msg("layout:\n%s\nwant: %sgot:  %s", layout, want, got);
	g_free(want);
}

#define HEAD	"pages:\n" \
		"  - each: people\n" \
		"    frames:\n" \
		"      - blocks:\n"

/*
 * One block of kind k at indent ind (its dash's column - 1) with
 * `{{nosuch}}` in key (k's own key or another beside it); *line and
 * *col get where that value is, counting from line first.
 */
static void
block_with(GString *g, const struct block_kind_desc *k, const char *key,
    int ind, int first, int *line, int *col)
{
	if (strcmp(key, k->name) == 0) {
		g_string_append_printf(g, "%*s- %s: \"{{nosuch}}\"\n", ind, "",
		    k->name);
		*line = first;
	} else {
		g_string_append_printf(g, "%*s- %s: %s\n%*s  %s: "
		    "\"{{nosuch}}\"\n", ind, "", k->name, k->example, ind, "",
		    key);
		*line = first + 1;
	}
	*col = ind + 3 + (int)strlen(key) + 2;
}

/* Every template key of every kind, in a frame and nested in each
 * kind that holds blocks. */
static void
test_every_template_key(void **state)
{
	size_t k, t, c, checked = 0;

	(void)state;
	for (k = 0; k < BLOCK__MAX; k++)
		for (t = 0; t < block_kinds[k].ntemplates; t++) {
			const char *key = block_kinds[k].templates[t];
			GString *g = g_string_new(HEAD);
			char *got;
			int line, col;

			block_with(g, &block_kinds[k], key, 10, 5, &line,
			    &col);
			got = check(g->str);
			assert_unknown_at(got, line, col, g->str);
			g_free(got);
			g_string_free(g, TRUE);
			checked++;
			for (c = 0; c < BLOCK__MAX; c++) {
				if (!block_kinds[c].nests)
					continue;
				g = g_string_new(HEAD);
				g_string_append_printf(g, "          - %s:\n",
				    block_kinds[c].name);
				block_with(g, &block_kinds[k], key, 14, 6,
				    &line, &col);
				got = check(g->str);
				assert_unknown_at(got, line, col, g->str);
				g_free(got);
				g_string_free(g, TRUE);
				checked++;
			}
		}
	/* text, link, item, image, placeholder, qr; then nested twice. */
	assert_true(checked >= 6 * 3);
}

/*
 * A block of every kind with the condition line cond (naming the field
 * nosuch) under it: the unknown field is reported at line 6, column col.
 */
static void
on_every_kind(const char *cond, int col)
{
	size_t k;

	for (k = 0; k < BLOCK__MAX; k++) {
		GString *g = g_string_new(HEAD);
		char *got;

		g_string_append_printf(g, "          - %s: %s\n"
		    "            %s\n", block_kinds[k].name,
		    block_kinds[k].example, cond);
		got = check(g->str);
		assert_unknown_at(got, 6, col, g->str);
		g_free(got);
		g_string_free(g, TRUE);
	}
}

/* `if: nosuch` on a block of every kind, and on a frame. */
static void
test_every_if(void **state)
{
	char *got;

	(void)state;
	on_every_kind("if: nosuch", 17);
	got = check("pages:\n"
	    "  - each: people\n"
	    "    frames:\n"
	    "      - if: [id, nosuch]\n"
	    "        blocks: []\n");
	assert_unknown_at(got, 4, 18, "frame if");
	g_free(got);
}

/*
 * The field of an equality test under `unless` on a block of every
 * kind, under `if` in a list beside a plain name on a frame, and in a
 * block's `else`: each is checked at its key.
 */
static void
test_every_test(void **state)
{
	char *got;

	(void)state;
	on_every_kind("unless: {nosuch: [a, b]}", 22);
	got = check("pages:\n"
	    "  - each: people\n"
	    "    frames:\n"
	    "      - if: [id, {nosuch: x}]\n"
	    "        blocks: []\n");
	assert_unknown_at(got, 4, 19, "frame if test");
	g_free(got);
	got = check("pages:\n"
	    "  - each: people\n"
	    "    frames:\n"
	    "      - blocks:\n"
	    "          - text: a\n"
	    "            if: id\n"
	    "            else: {text: \"{{nosuch}}\"}\n");
	assert_unknown_at(got, 7, 26, "else");
	g_free(got);
}

static void
test_outline_and_metadata(void **state)
{
	static const char *const meta[] = {
		"author", "keywords", "subject", "title",
	};
	char *got, *layout;
	size_t i;

	(void)state;
	got = check("pages:\n"
	    "  - each: people\n"
	    "    outline: \"{{nosuch}}\"\n"
	    "    frames: []\n");
	assert_unknown_at(got, 3, 14, "outline");
	g_free(got);
	for (i = 0; i < sizeof(meta) / sizeof(meta[0]); i++) {
		layout = g_strdup_printf("metadata:\n"
		    "  %s: \"{{nosuch}}\"\n"
		    "pages:\n"
		    "  - frames: []\n", meta[i]);
		got = check(layout);
		assert_unknown_at(got, 2, 3 + (int)strlen(meta[i]) + 2,
		    layout);
		g_free(got);
		g_free(layout);
	}
}

/* The table itself: keys sorted (schema_keys() searches them), each
 * kind takes its own key, and every template key is an accepted key. */
static void
test_table(void **state)
{
	size_t k, i, j;

	(void)state;
	for (k = 0; k < BLOCK__MAX; k++) {
		const struct block_kind_desc *d = &block_kinds[k];
		bool own = false;

		assert_non_null(d->name);
		assert_non_null(d->parse);
		for (i = 0; i < d->nkeys; i++) {
			if (i > 0)
				assert_true(strcmp(d->keys[i - 1],
				    d->keys[i]) < 0);
			own = own || strcmp(d->keys[i], d->name) == 0;
		}
		assert_true(own);
		for (j = 0; j < d->ntemplates; j++) {
			for (i = 0; i < d->nkeys; i++)
				if (strcmp(d->keys[i], d->templates[j]) == 0)
					break;
			assert_true(i < d->nkeys);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_every_template_key),
		cmocka_unit_test(test_every_if),
		cmocka_unit_test(test_every_test),
		cmocka_unit_test(test_outline_and_metadata),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
