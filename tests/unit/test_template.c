/*
 * Unit tests for template.c: {{field}} templates parsed from a layout
 * scalar and expanded over a data tree loaded with yload_buffer().
 */
#include <glib.h>

#include "mem.h"
#include "template.h"
#include "testutil.h"

static const char data_yaml[] =
    "brochure:\n"					/*  1 */
    "  title: 인턴 회고\n"				/*  2 */
    "  year: 2024\n"					/*  3 */
    "name: root-name\n"					/*  4 */
    "only-root: 루트\n"					/*  5 */
    "interns:\n"					/*  6 */
    "  - name: Wilson\n"				/*  7 */
    "    team: 검색\n"					/*  8 */
    "    link:\n"					/*  9 */
    "      url: https://example.com/wilson\n"		/* 10 */
    "    story:\n"					/* 11 */
    "      - \"‘정말 좋았어요.’ 그리고 다음 문장입니다.\"\n"	/* 12 */
    "      - 'He said \"Yes.\" Then he left.'\n"		/* 13 */
    "      - 물음표로 끝나요? 네.\n"			/* 14 */
    "      - 마침표 없는 문장\n"			/* 15 */
    "      - 버전 2.5를 냈다. 끝.\n"			/* 16 */
    "    skills: [C, YAML]\n"				/* 17 */
    "    raw: \"{{x}} <b>bold</b> &amp; {{name}}\"\n"	/* 18 */
    "    empty: \"\"\n"					/* 19 */
    "    nothing: ~\n"					/* 20 */
    "    none-list: []\n"				/* 21 */
    "  - name: Gina\n"					/* 22 */
    "items:\n"						/* 23 */
    "  - name: item-name\n"				/* 24 */
    "people:\n"					/* 25 */
    "  - name: Isaac\n"					/* 26 */
    "    readings: {Isaac: 아이작}\n";			/* 27 */

struct fixture {
	struct capture	 c;
	struct ydoc	*doc;
	struct arena	*a;
	struct scope	 sc;
	struct ynode	 node;	/* the layout scalar being parsed */
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	capture_begin(&f->c);
	f->doc = load("data.yaml", data_yaml, &f->c.d);
	assert_non_null(f->doc);
	f->a = arena_new();
	f->sc.root = f->doc->root;
	f->sc.record = ynode_get(f->doc->root, "interns")->items[0];
	f->sc.page_number = 3;
	f->sc.page_count = 12;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	ydoc_free(f->doc);
	capture_end(&f->c);
	free(f);
	return 0;
}

/* Parses s as if it were a layout scalar at layout.yaml:12:13. */
static struct tmpl *
parse(struct fixture *f, const char *s)
{
	struct ynode *n = arena_alloc(f->a, sizeof(*n));

	n->kind = YNODE_SCALAR;
	n->pos.file = "layout.yaml";
	n->pos.line = 12;
	n->pos.col = 13;
	n->str = arena_strdup(f->a, s);
	n->len = strlen(s);
	return tmpl_parse(f->a, n, &f->c.d);
}

/* Expands template s and checks it gives exactly the text want. */
static void
expands_to(struct fixture *f, const char *s, const char *want)
{
	struct tmpl *t = parse(f, s);
	struct tval v;

	assert_non_null(t);
	tmpl_expand(t, &f->sc, &v, &f->c.d);
	if (v.kind != TVAL_TEXT)
		fail_msg("'%s' gave kind %d, not text '%s'", s, v.kind, want);
	assert_string_equal(v.text, want);
	tval_clear(&v);
	assert_null(v.text);
}

static void
is_missing(struct fixture *f, const char *s, const char *field)
{
	struct tmpl *t = parse(f, s);
	struct tval v;

	assert_non_null(t);
	tmpl_expand(t, &f->sc, &v, &f->c.d);
	assert_int_equal(v.kind, TVAL_MISSING);
	assert_null(v.text);
	assert_non_null(v.missing);
	assert_string_equal(v.missing, field);
	tval_clear(&v);
}

static void
test_field(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "{{name}}", "Wilson");
	expands_to(f, "인턴 '{{name}}'의 회고", "인턴 'Wilson'의 회고");
	expands_to(f, "{{ name }}", "Wilson");
	expands_to(f, "{{name}}/{{team}}", "Wilson/검색");
	expands_to(f, "no fields at all", "no fields at all");
	assert_int_equal(f->c.d.count[DIAG_ERROR], 0);
	assert_int_equal(f->c.d.count[DIAG_WARNING], 0);
}

static void
test_nested_and_index(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "<{{link.url}}>", "<https://example.com/wilson>");
	expands_to(f, "{{brochure.title}}", "인턴 회고");
	expands_to(f, "{{story.0}}",
	    "‘정말 좋았어요.’ 그리고 다음 문장입니다.");
	expands_to(f, "{{story.3}}", "마침표 없는 문장");
	expands_to(f, "{{interns.1.name}}", "Gina");
	is_missing(f, "{{story.9}}", "story.9");
	is_missing(f, "{{story.first}}", "story.first");
	is_missing(f, "{{link.url.x}}", "link.url.x");
}

static void
test_sentence(void **state)
{
	struct fixture *f = *state;

	/* The closing quote after the full stop belongs to the sentence. */
	expands_to(f, "{{story.0|sentence}}", "‘정말 좋았어요.’");
	expands_to(f, "“{{story.0|sentence}}”", "“‘정말 좋았어요.’”");
	expands_to(f, "{{story.1|sentence}}", "He said \"Yes.\"");
	expands_to(f, "{{story.2|sentence}}", "물음표로 끝나요?");
	expands_to(f, "{{story.3|sentence}}", "마침표 없는 문장");
	/* A decimal point is not the end of a sentence. */
	expands_to(f, "{{story.4|sentence}}", "버전 2.5를 냈다.");
	expands_to(f, "{{name|sentence}}", "Wilson");
}

/*
 * |upper and |lower map Latin's case and leave Hangul as it is; with
 * |sentence the sentence is cut first; a particle comes last and agrees
 * with the word (its readings are the data's, whatever the case).
 */
static void
test_case_filters(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "{{name|upper}}", "WILSON");
	expands_to(f, "{{name|lower}}", "wilson");
	expands_to(f, "{{ team | upper }}", "검색");
	expands_to(f, "{{story.1|sentence|upper}}", "HE SAID \"YES.\"");
	expands_to(f, "{{story.1|upper|sentence}}", "HE SAID \"YES.\"");
	expands_to(f, "{{name|upper|이/가}} 알려주는", "WILSON이 알려주는");
	expands_to(f, "{{name|lower|sentence|은/는}}", "wilson은");
	f->sc.record = NULL;
	expands_to(f, "{{people.0.name|upper|이/가}}", "ISAAC이");
	assert_int_equal(f->c.d.count[DIAG_ERROR], 0);
}

static void
test_case_filters_refused(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "{{name|upper|lower}}"));
	assert_null(parse(f, "{{name|이/가|upper}}"));
	assert_null(parse(f, "{{name|capitals}}"));
	assert_int_equal(f->c.d.count[DIAG_ERROR], 3);
	assert_string_equal(capture_text(&f->c),
	    "layout.yaml:12:13: error: 'upper' and 'lower' in "
	    "'{{name|upper|lower}}': choose one\n"
	    "layout.yaml:12:13: error: 'upper' after the particle '이/가' "
	    "in '{{name|이/가|upper}}': the particle comes last\n"
	    "layout.yaml:12:13: error: unknown particle 'capitals' in "
	    "'{{name|capitals}}' (known: 이/가, 은/는, 을/를, 과/와, "
	    "이나/나, 으로/로, 이에요/예요, 아/야, 이랑/랑; filters: "
	    "sentence, upper, lower)\n");
}

/*
 * |sentence over Korean text: where the first sentence ends, and where
 * a full stop or a closing quote only looks like an end.
 */
static void
test_sentence_table(void **state)
{
	static const struct {
		const char	*text;
		const char	*first;
	} rows[] = {
		{ "짧다. 길다.", "짧다." },
		{ "좋았어요! 다음.", "좋았어요!" },
		/* Korean dates: year. month. day. with or without a day */
		{ "접수 기간은 2021. 7. 1.(목)부터 7. 20.(화)까지입니다. 늦지 마세요.",
		  "접수 기간은 2021. 7. 1.(목)부터 7. 20.(화)까지입니다." },
		{ "마감은 2021. 7. 20. 자정입니다. 서둘러요.",
		  "마감은 2021. 7. 20. 자정입니다." },
		/* a numbered item at the start */
		{ "1. 첫째로 할 일은 계획입니다. 둘째는 실행.",
		  "1. 첫째로 할 일은 계획입니다." },
		{ "12. 열두 번째 항목. 다음.", "12. 열두 번째 항목." },
		/* decimals */
		{ "평점 3.5를 받았다. 좋다.", "평점 3.5를 받았다." },
		/* a quotation ending in a mark, then a particle: no end */
		{ "‘AI 계에서 제대로 플렉스 하는구나!’ 라고 생각했어요. 다음.",
		  "‘AI 계에서 제대로 플렉스 하는구나!’ 라고 생각했어요." },
		{ "“정말요?” 하고 물었어요. 다음.",
		  "“정말요?” 하고 물었어요." },
		{ "‘왜 그럴까?’ 하고 생각했다. 다음.",
		  "‘왜 그럴까?’ 하고 생각했다." },
		{ "“좋다!”라고 했다. 다음.", "“좋다!”라고 했다." },
		{ "그는 “좋다!”이라고 했다. 다음.",
		  "그는 “좋다!”이라고 했다." },
		/* a quotation that ends the sentence */
		{ "‘정말 좋았어요.’ 그리고 다음.", "‘정말 좋았어요.’" },
		{ "He said \"Yes.\" Then he left.", "He said \"Yes.\"" },
		/* no end at all */
		{ "마침표 없는 문장", "마침표 없는 문장" },
		{ "1.", "1." },
	};
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t n = tmpl_first_sentence(rows[i].text);
		char *got = g_strndup(rows[i].text, n);

		if (strcmp(got, rows[i].first) != 0) {
			print_error("row %zu: '%s'\n got '%s'\nwant '%s'\n",
			    i, rows[i].text, got, rows[i].first);
			bad++;
		}
		g_free(got);
	}
	assert_int_equal(bad, 0);
}

static void
test_particles(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "{{name|이/가}} 알려주는 노하우!",
	    "Wilson이 알려주는 노하우!");
	expands_to(f, "{{team|으로/로}} 왔어요", "검색으로 왔어요");
	expands_to(f, "{{brochure.year|으로/로}}", "2024로");
	f->sc.record = ynode_get(f->doc->root, "interns")->items[1];
	expands_to(f, "{{name|이/가}} 알려주는 노하우!",
	    "Gina가 알려주는 노하우!");
	expands_to(f, "{{ name | 은/는 }}", "Gina는");
	/* A record's readings where its field is reached by path, from a
	 * page made once: Isaac is read 아이작, not by the rules. */
	f->sc.record = NULL;
	expands_to(f, "{{people.0.name|이/가}}", "Isaac이");
}

static void
test_list(void **state)
{
	struct fixture *f = *state;
	const struct ynode *skills = ynode_get(f->sc.record, "skills");
	struct tmpl *t = parse(f, "{{skills}}");
	struct tval v;

	assert_non_null(t);
	tmpl_expand(t, &f->sc, &v, &f->c.d);
	assert_int_equal(v.kind, TVAL_LIST);
	assert_ptr_equal(v.list, skills);
	assert_ptr_equal(v.src, skills);
	assert_int_equal(v.list->n, 2);
	assert_string_equal(tmpl_scalar(v.list->items[1]), "YAML");
	assert_null(v.text);
	tval_clear(&v);
	/* An empty list is left out like any other empty field. */
	is_missing(f, "{{none-list}}", "none-list");
	assert_int_equal(f->c.d.count[DIAG_WARNING], 0);
}

/* A list inside other text cannot be printed: a warning, then left out. */
static void
test_list_inside_text(void **state)
{
	struct fixture *f = *state;

	is_missing(f, "Skills: {{skills}}", "skills");
	assert_int_equal(f->c.d.count[DIAG_WARNING], 1);
	assert_int_equal(f->c.d.count[DIAG_ERROR], 0);
	assert_string_equal(capture_text(&f->c),
	    "data.yaml:17:13: warning: field 'skills' is a list, not a "
	    "text; left out\n"
	    "layout.yaml:12:13: note: the template using it is here\n");
}

static void
test_missing(void **state)
{
	struct fixture *f = *state;
	struct tmpl *t = parse(f, "{{name}} ({{affiliation}})");
	struct tval v;

	assert_non_null(t);
	tmpl_expand(t, &f->sc, &v, &f->c.d);
	assert_int_equal(v.kind, TVAL_MISSING);
	assert_string_equal(v.missing, "affiliation");
	assert_null(v.text);
	tval_clear(&v);
	is_missing(f, "{{nothing}}", "nothing");
	is_missing(f, "x {{empty}} y", "empty");
	is_missing(f, "{{link.title}}", "link.title");
	/* Missing is not a problem to report: the block is left out. */
	assert_string_equal(capture_text(&f->c), "");
}

/* Data is copied, never parsed: no template or markup inside it runs. */
static void
test_data_copied_literally(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "[{{raw}}]", "[{{x}} <b>bold</b> &amp; {{name}}]");
	expands_to(f, "{{raw|sentence}}", "{{x}} <b>bold</b> &amp; {{name}}");
	assert_string_equal(capture_text(&f->c), "");
}

static void
test_unclosed(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "인턴 {{name"));
	assert_int_equal(f->c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&f->c), "layout.yaml:12:13: error: "
	    "'{{' without a closing '}}' in template\n");
}

static void
test_unknown_particle(void **state)
{
	struct fixture *f = *state;
	const char *out;
	static const char want[] = "layout.yaml:12:13: error: unknown "
	    "particle '의' in '{{name|의}}' (known: 이/가, ";

	assert_null(parse(f, "{{name|의}} 회고"));
	assert_int_equal(f->c.d.count[DIAG_ERROR], 1);
	out = capture_text(&f->c);
	assert_true(strncmp(out, want, strlen(want)) == 0);
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);
}

static void
test_bad_field_name(void **state)
{
	struct fixture *f = *state;

	assert_null(parse(f, "{{}}"));
	assert_null(parse(f, "{{na me}}"));
	assert_null(parse(f, "{{link..url}}"));
	assert_null(parse(f, "{{.name}}"));
	assert_int_equal(f->c.d.count[DIAG_ERROR], 4);
	assert_non_null(strstr(capture_text(&f->c), "layout.yaml:12:13: "
	    "error: '{{na me}}' is not a field name"));
}

static void
test_page_builtins(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "{{page.number}} / {{page.count}}", "3 / 12");
	f->sc.page_number = 1;
	expands_to(f, "p. {{page.number}}", "p. 1");
	expands_to(f, "{{page.count|이/가}}", "12가");
}

/* Innermost first: the list item, then the record, then the root. */
static void
test_lookup_order(void **state)
{
	struct fixture *f = *state;

	expands_to(f, "{{name}}", "Wilson");
	f->sc.item = ynode_get(f->doc->root, "items")->items[0];
	expands_to(f, "{{name}}", "item-name");
	expands_to(f, "{{team}}", "검색");		/* not in the item */
	expands_to(f, "{{only-root}}", "루트");	/* only in the root */
	f->sc.item = NULL;
	f->sc.record = NULL;
	expands_to(f, "{{name}}", "root-name");
	assert_string_equal(tmpl_scalar(tmpl_lookup(&f->sc, "brochure.year")),
	    "2024");
	assert_null(tmpl_lookup(&f->sc, "team"));
}

static void
test_is_literal(void **state)
{
	struct fixture *f = *state;

	assert_true(tmpl_is_literal(parse(f, "images/logo.png")));
	assert_true(tmpl_is_literal(parse(f, "")));
	assert_false(tmpl_is_literal(parse(f, "photos/{{id}}.jpg")));
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_field),
		T(test_nested_and_index),
		T(test_sentence),
		T(test_case_filters),
		T(test_case_filters_refused),
		T(test_sentence_table),
		T(test_particles),
		T(test_list),
		T(test_list_inside_text),
		T(test_missing),
		T(test_data_copied_literally),
		T(test_unclosed),
		T(test_unknown_particle),
		T(test_bad_field_name),
		T(test_page_builtins),
		T(test_lookup_order),
		T(test_is_literal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
