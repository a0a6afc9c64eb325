/*
 * Unit tests for yload.c: the YAML tree every later stage reads.  The
 * positions here are the ones users see in "FILE:LINE:COL:" messages,
 * so they are checked node by node.
 */
#include "testutil.h"

static void
assert_pos(const struct ynode *n, int line, int col)
{
	assert_non_null(n);
	assert_string_equal(n->pos.file, "t.yaml");
	assert_int_equal(n->pos.line, line);
	assert_int_equal(n->pos.col, col);
}

static void
assert_scalar(const struct ynode *n, const char *s, int line, int col)
{
	assert_non_null(n);
	assert_int_equal(n->kind, YNODE_SCALAR);
	assert_string_equal(n->str, s);
	assert_int_equal(n->len, strlen(s));
	assert_pos(n, line, col);
}

static void
test_tree_and_positions(void **state)
{
	static const char yaml[] =
	    "title: Hello\n"		/* 1 */
	    "list:\n"			/* 2 */
	    "  - one\n"			/* 3 */
	    "  - two\n"			/* 4 */
	    "map:\n"			/* 5 */
	    "  key: value\n"		/* 6 */
	    "inline: [a, \"b c\"]\n"	/* 7 */
	    "flow: {x: 1}\n";		/* 8 */
	struct capture c;
	struct ydoc *doc;
	const struct ynode *root, *n;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	assert_int_equal(c.d.count[DIAG_ERROR], 0);
	assert_string_equal(capture_text(&c), "");
	assert_string_equal(doc->file, "t.yaml");

	root = doc->root;
	assert_int_equal(root->kind, YNODE_MAP);
	assert_int_equal(root->n, 5);
	assert_pos(root, 1, 1);
	/* Keys keep file order and their own positions. */
	assert_scalar(root->pairs[0].key, "title", 1, 1);
	assert_scalar(root->pairs[1].key, "list", 2, 1);
	assert_scalar(root->pairs[4].key, "flow", 8, 1);

	assert_scalar(ynode_get(root, "title"), "Hello", 1, 8);
	assert_true(ynode_get(root, "title")->plain);

	n = ynode_get(root, "list");
	assert_int_equal(n->kind, YNODE_SEQ);
	assert_int_equal(n->n, 2);
	assert_pos(n, 3, 3);
	assert_scalar(n->items[0], "one", 3, 5);
	assert_scalar(n->items[1], "two", 4, 5);

	n = ynode_get(root, "map");
	assert_int_equal(n->kind, YNODE_MAP);
	assert_int_equal(n->n, 1);
	assert_pos(n, 6, 3);
	assert_scalar(n->pairs[0].key, "key", 6, 3);
	assert_scalar(ynode_get(n, "key"), "value", 6, 8);

	n = ynode_get(root, "inline");
	assert_int_equal(n->kind, YNODE_SEQ);
	assert_pos(n, 7, 9);
	assert_scalar(n->items[0], "a", 7, 10);
	assert_scalar(n->items[1], "b c", 7, 13);
	assert_true(n->items[0]->plain);
	assert_false(n->items[1]->plain);

	n = ynode_get(root, "flow");
	assert_int_equal(n->kind, YNODE_MAP);
	assert_pos(n, 8, 7);
	assert_scalar(ynode_get(n, "x"), "1", 8, 11);

	ydoc_free(doc);
	capture_end(&c);
}

static void
test_scalar_root(void **state)
{
	struct capture c;
	struct ydoc *doc;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", "\n\n  just text\n", &c.d);
	assert_non_null(doc);
	assert_scalar(doc->root, "just text", 3, 3);
	ydoc_free(doc);
	capture_end(&c);
}

/* Decomposed jamo (as macOS file names and some editors write them). */
static void
test_nfc(void **state)
{
	static const char yaml[] =
	    "escaped: \"\\u1100\\u1161\"\n"
	    "raw: \xe1\x84\x80\xe1\x85\xa1\xe1\x84\x82\xe1\x85\xa1\n"
	    "\xe1\x84\x80\xe1\x85\xa1: key\n";
	struct capture c;
	struct ydoc *doc;
	const struct ynode *n;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	n = ynode_get(doc->root, "escaped");
	assert_string_equal(n->str, "\xea\xb0\x80");	/* 가 U+AC00 */
	assert_string_equal(n->str, "가");
	assert_int_equal(n->len, 3);
	assert_string_equal(ynode_get(doc->root, "raw")->str, "가나");
	/* Keys are normalised too, so a composed lookup finds them. */
	assert_non_null(ynode_get(doc->root, "가"));
	assert_string_equal(ynode_get(doc->root, "가")->str, "key");
	ydoc_free(doc);
	capture_end(&c);
}

static void
test_duplicate_key(void **state)
{
	struct capture c;
	struct ydoc *doc;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", "a: 1\nb: 2\na: 3\n", &c.d);
	assert_null(doc);
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:3:1: error: duplicate key 'a' (first at line 1)\n");
	capture_end(&c);
}

/* Every duplicate is reported, nested ones at their own position. */
static void
test_duplicate_keys_all_reported(void **state)
{
	struct capture c;
	struct ydoc *doc;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml",
	    "style:\n"
	    "  size: 10pt\n"
	    "  size: 12pt\n"
	    "name: x\n"
	    "name: y\n", &c.d);
	assert_null(doc);
	assert_int_equal(c.d.count[DIAG_ERROR], 2);
	assert_string_equal(capture_text(&c),
	    "t.yaml:3:3: error: duplicate key 'size' (first at line 2)\n"
	    "t.yaml:5:1: error: duplicate key 'name' (first at line 4)\n");
	capture_end(&c);
}

static void
test_syntax_error(void **state)
{
	struct capture c;
	struct ydoc *doc;

	(void)state;
	capture_begin(&c);
	doc = load("layout.yaml", "size: 10pt\nname: a: b\n", &c.d);
	assert_null(doc);
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c), "layout.yaml:2:8: error: "
	    "mapping values are not allowed in this context\n");
	capture_end(&c);
}

/* An unclosed flow list: one line, pointing where the parser gave up. */
static void
test_syntax_error_unclosed(void **state)
{
	struct capture c;
	struct ydoc *doc;
	const char *out;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", "a: [1, 2\nb: 3\n", &c.d);
	assert_null(doc);
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	out = capture_text(&c);
	assert_true(strncmp(out, "t.yaml:2:2: error: ", 19) == 0);
	assert_non_null(strstr(out, "(line 1, column 4)"));
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);
	capture_end(&c);
}

static void
test_empty(void **state)
{
	static const char *const empties[] = { "", "# only a comment\n",
	    "\n\n" };
	struct capture c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(empties) / sizeof(empties[0]); i++) {
		struct ydoc *doc;

		capture_begin(&c);
		doc = load("t.yaml", empties[i], &c.d);
		assert_null(doc);
		ydoc_free(doc);		/* a caller may free what failed */
		assert_int_equal(c.d.count[DIAG_ERROR], 1);
		assert_string_equal(capture_text(&c),
		    "t.yaml:1:1: error: the file holds no YAML document "
		    "(it is empty or only comments)\n");
		capture_end(&c);
	}
}

static void
test_second_document(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(load("t.yaml", "a: 1\n---\nb: 2\n", &c.d));
	assert_string_equal(capture_text(&c), "t.yaml:2:1: error: a second "
	    "YAML document ('---') is not allowed here\n");
	capture_end(&c);
}

/* A bad byte is reported where it is, not at the start of the file. */
static void
test_invalid_utf8_position(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(load("t.yaml", "a: 1\nb: 2\nname: \xff\n", &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:3:7: error: the file is not valid UTF-8 text: "
	    "byte 0xff cannot start a character\n");
	capture_end(&c);

	/*
	 * Columns count characters, as libyaml's do: 이름 is two.  The
	 * character at fault is the lone lead byte (column 6) that '('
	 * cuts short.
	 */
	capture_begin(&c);
	assert_null(load("t.yaml", "이름: x\xc3(\n", &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:1:6: error: the file is not valid UTF-8 text: "
	    "byte 0xc3 starts a character of 2 bytes, cut short by byte "
	    "0x28\n");
	capture_end(&c);

	/* Windows line ends count once. */
	capture_begin(&c);
	assert_null(load("t.yaml", "a: 1\r\nb: \x01\r\n", &c.d));
	assert_true(strncmp(capture_text(&c), "t.yaml:2:4: error: ", 19) == 0);
	capture_end(&c);
}

/* Editors on Windows may start a file with a byte order mark. */
static void
test_bom(void **state)
{
	struct capture c;
	struct ydoc *doc;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", "\xef\xbb\xbftitle: Hello\nb: 2\n", &c.d);
	assert_non_null(doc);
	assert_scalar(doc->root->pairs[0].key, "title", 1, 1);
	assert_scalar(ynode_get(doc->root, "title"), "Hello", 1, 8);
	assert_scalar(ynode_get(doc->root, "b"), "2", 2, 4);
	ydoc_free(doc);
	capture_end(&c);

	capture_begin(&c);
	assert_null(load("t.yaml", "\xef\xbb\xbf" "a: b: c\n", &c.d));
	assert_true(strncmp(capture_text(&c), "t.yaml:1:5: error: ", 19) == 0);
	capture_end(&c);
}

static void
test_nul_character(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(load("t.yaml", "a: ok\nb: \"x\\0y\"\n", &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:2:4: error: text contains a NUL character\n");
	capture_end(&c);
}

/*
 * YAML 1.1 merge keys: '<<' brings in the pairs of a mapping, or of a
 * list of mappings (the earlier wins); the map's own keys win wherever
 * they stand.  Merged pairs keep the positions of their definition.
 */
static void
test_merge_keys(void **state)
{
	static const char yaml[] =
	    "base: &b {team: AI, name: Base, url: x}\n"	/* 1 */
	    "more: &m {team: Other, extra: y}\n"		/* 2 */
	    "one:\n"						/* 3 */
	    "  name: Gina\n"					/* 4 */
	    "  <<: *b\n"					/* 5 */
	    "two: {<<: [*m, *b], url: z}\n"			/* 6 */
	    "three: {\"<<\": quoted}\n";			/* 7 */
	struct capture c;
	struct ydoc *doc;
	const struct ynode *one, *two, *three;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	assert_string_equal(capture_text(&c), "");
	one = ynode_get(doc->root, "one");
	assert_int_equal(one->n, 3);
	assert_scalar(ynode_get(one, "name"), "Gina", 4, 9);
	assert_scalar(ynode_get(one, "team"), "AI", 1, 17);
	assert_scalar(ynode_get(one, "url"), "x", 1, 38);
	assert_null(ynode_get(one, "<<"));
	two = ynode_get(doc->root, "two");
	assert_int_equal(two->n, 4);
	assert_scalar(ynode_get(two, "team"), "Other", 2, 17);
	assert_scalar(ynode_get(two, "extra"), "y", 2, 31);
	assert_scalar(ynode_get(two, "name"), "Base", 1, 27);
	assert_scalar(ynode_get(two, "url"), "z", 6, 26);
	/* Quoted, "<<" is an ordinary key. */
	three = ynode_get(doc->root, "three");
	assert_scalar(ynode_get(three, "<<"), "quoted", 7, 15);
	ydoc_free(doc);
	capture_end(&c);
}

/* A file that exists but cannot be read says why, not "no such file". */
static void
test_read_error(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(yload_file("tests/unit", &c.d));
	assert_string_equal(capture_text(&c),
	    "tests/unit: error: cannot read: Is a directory\n");
	capture_end(&c);

	capture_begin(&c);
	assert_null(yload_file("tests/unit/none.yaml", &c.d));
	assert_string_equal(capture_text(&c), "tests/unit/none.yaml: error: "
	    "cannot read: No such file or directory\n");
	capture_end(&c);
}

static void
test_key_not_text(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(load("t.yaml", "c: 2\n? [a, b]\n: 1\n", &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c), "t.yaml:2:3: error: a mapping "
	    "key must be a plain text, not a list\n");
	capture_end(&c);
}

static void
test_aliases(void **state)
{
	static const char yaml[] =
	    "body: &body\n"
	    "  size: 10pt\n"
	    "  font: [A, B]\n"
	    "caption: *body\n"
	    "ink: &ink \"#1a1a1a\"\n"
	    "rule: *ink\n";
	struct capture c;
	struct ydoc *doc;
	const struct ynode *a, *b;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	a = ynode_get(doc->root, "body");
	b = ynode_get(doc->root, "caption");
	assert_ptr_equal(a, b);
	assert_int_equal(b->kind, YNODE_MAP);
	assert_string_equal(ynode_get(b, "size")->str, "10pt");
	assert_int_equal(ynode_get(b, "font")->n, 2);
	assert_string_equal(ynode_get(doc->root, "rule")->str, "#1a1a1a");
	assert_ptr_equal(ynode_get(doc->root, "rule"),
	    ynode_get(doc->root, "ink"));
	ydoc_free(doc);
	capture_end(&c);
}

static void
test_unknown_alias(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(load("t.yaml", "a: 1\nb: *nope\n", &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:2:4: error: unknown alias '*nope': no value before it "
	    "is marked '&nope' (an alias repeats a value anchored earlier "
	    "in the file)\n");
	capture_end(&c);
}

/* A deeply nested file is an error at the level that went too deep. */
static void
test_depth_limit(void **state)
{
	char yaml[200];
	struct capture c;
	struct ydoc *doc;
	int i;

	(void)state;
	for (i = 0; i < 64; i++)
		yaml[i] = '[';
	for (i = 0; i < 64; i++)
		yaml[64 + i] = ']';
	yaml[128] = '\0';
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	ydoc_free(doc);
	capture_end(&c);

	memmove(yaml + 1, yaml, 129);
	yaml[0] = '[';
	strcat(yaml, "]");
	capture_begin(&c);
	assert_null(load("t.yaml", yaml, &c.d));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "t.yaml:1:65: error: lists and mappings nest deeper than 64 "
	    "levels; that is the limit\n");
	capture_end(&c);
}

static void
test_get_and_null(void **state)
{
	static const char yaml[] =
	    "tilde: ~\n"
	    "null1: null\n"
	    "null2: Null\n"
	    "null3: NULL\n"
	    "empty:\n"
	    "quoted: \"null\"\n"
	    "quoted_empty: \"\"\n"
	    "nil: nil\n"
	    "zero: 0\n"
	    "map: {}\n"
	    "list: []\n";
	struct capture c;
	struct ydoc *doc;
	const struct ynode *r;

	(void)state;
	capture_begin(&c);
	doc = load("t.yaml", yaml, &c.d);
	assert_non_null(doc);
	r = doc->root;
	assert_true(ynode_is_null(ynode_get(r, "tilde")));
	assert_true(ynode_is_null(ynode_get(r, "null1")));
	assert_true(ynode_is_null(ynode_get(r, "null2")));
	assert_true(ynode_is_null(ynode_get(r, "null3")));
	assert_true(ynode_is_null(ynode_get(r, "empty")));
	/* Quoted text is what the user typed, even "null". */
	assert_false(ynode_is_null(ynode_get(r, "quoted")));
	assert_string_equal(ynode_get(r, "quoted")->str, "null");
	assert_false(ynode_is_null(ynode_get(r, "quoted_empty")));
	assert_false(ynode_is_null(ynode_get(r, "nil")));
	assert_false(ynode_is_null(ynode_get(r, "zero")));
	assert_false(ynode_is_null(ynode_get(r, "map")));
	assert_false(ynode_is_null(ynode_get(r, "list")));
	assert_false(ynode_is_null(NULL));

	assert_null(ynode_get(r, "absent"));
	assert_null(ynode_get(r, "Tilde"));	/* keys are case-sensitive */
	assert_null(ynode_get(NULL, "tilde"));
	assert_null(ynode_get(ynode_get(r, "zero"), "x"));
	assert_null(ynode_get(ynode_get(r, "list"), "0"));
	assert_null(ynode_get(ynode_get(r, "map"), "x"));

	assert_string_equal(ynode_kind_name(ynode_get(r, "map")),
	    "a mapping");
	assert_string_equal(ynode_kind_name(ynode_get(r, "list")), "a list");
	assert_string_equal(ynode_kind_name(ynode_get(r, "zero")), "a text");
	assert_string_equal(ynode_kind_name(ynode_get(r, "tilde")), "empty");
	ydoc_free(doc);
	capture_end(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree_and_positions),
		cmocka_unit_test(test_scalar_root),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_duplicate_keys_all_reported),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_syntax_error_unclosed),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_invalid_utf8_position),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_nul_character),
		cmocka_unit_test(test_key_not_text),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_merge_keys),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_unknown_alias),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_get_and_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
