/*
 * Unit tests for spec.c (with style.c and schema.c under it): small
 * layouts loaded with yload_buffer(), parsed into a struct spec, and
 * the exact diagnostics a layout author reads when one is wrong.
 */
#include "spec.h"
#include "template.h"
#include "testutil.h"

#define MM	(72.0 / 25.4)
#define EPS	1e-6

/* Parses layout yaml; spec_parse() takes the document either way. */
static struct spec *
parse(struct capture *c, const char *yaml)
{
	struct ydoc *doc = load("layout.yaml", yaml, &c->d);

	assert_non_null(doc);
	return spec_parse(doc, &c->d);
}

static const char minimal[] =
    "page:\n"
    "  size: A4\n"
    "  margin: [20mm, 15mm]\n"
    "styles:\n"
    "  body:\n"
    "    font: [NanumGothic, Noto Sans KR]\n"
    "    size: 10pt\n"
    "    line-height: 170%\n"
    "    letter-spacing: -0.02em\n"
    "    weight: bold\n"
    "    color: \"#1a1a1a\"\n"
    "    align: justify\n"
    "  caption:\n"
    "    base: body\n"
    "    size: 8pt\n"
    "    weight: 300\n"
    "pages:\n"
    "  - frames:\n"
    "      - blocks:\n"
    "          - text: \"{{name|이/가}} 알려주는 노하우\"\n"
    "            style: caption\n";

static void
test_minimal(void **state)
{
	struct capture c;
	struct spec *s;
	const struct style *body, *cap;
	const struct frame *f;
	const struct block *b;

	(void)state;
	capture_begin(&c);
	s = parse(&c, minimal);
	assert_non_null(s);
	assert_string_equal(capture_text(&c), "");
	assert_int_equal(c.d.count[DIAG_ERROR], 0);
	assert_int_equal(c.d.count[DIAG_WARNING], 0);

	assert_float_equal(s->width, 595.28, 0.01);
	assert_float_equal(s->height, 841.89, 0.01);
	/* Two margins: vertical, horizontal. */
	assert_float_equal(s->margin[0], 20 * MM, EPS);
	assert_float_equal(s->margin[1], 15 * MM, EPS);
	assert_float_equal(s->margin[2], 20 * MM, EPS);
	assert_float_equal(s->margin[3], 15 * MM, EPS);

	assert_int_equal(s->nstyles, 2);
	body = spec_find_style(s, "body");
	assert_non_null(body);
	assert_string_equal(body->font, "NanumGothic, Noto Sans KR");
	assert_float_equal(body->size, 10, EPS);
	assert_float_equal(style_line_height(body), 1.7 * 10, EPS);
	assert_float_equal(style_letter_spacing(body), -0.02 * 10, EPS);
	assert_int_equal(body->weight, 700);
	assert_int_equal(body->align, ALIGN_JUSTIFY);
	assert_float_equal(body->color.value.r, 0x1a / 255.0, EPS);

	/* A base style gives everything the derived one does not set. */
	cap = spec_find_style(s, "caption");
	assert_non_null(cap);
	assert_string_equal(cap->name, "caption");
	assert_float_equal(cap->size, 8, EPS);
	assert_int_equal(cap->weight, 300);
	assert_string_equal(cap->font, "NanumGothic, Noto Sans KR");
	assert_int_equal(cap->align, ALIGN_JUSTIFY);
	assert_float_equal(style_line_height(cap), 1.7 * 8, EPS);
	assert_float_equal(style_letter_spacing(cap), -0.02 * 8, EPS);
	assert_null(spec_find_style(s, "Body"));

	/* The frame fills the page inside the margins. */
	assert_int_equal(s->npages, 1);
	assert_null(s->pages[0]->each);
	assert_int_equal(s->pages[0]->nframes, 1);
	f = s->pages[0]->frames[0];
	assert_string_equal(f->name, "#1");
	assert_float_equal(f->x, 15 * MM, EPS);
	assert_float_equal(f->y, 20 * MM, EPS);
	assert_float_equal(f->w, s->width - 30 * MM, EPS);
	assert_float_equal(f->h, s->height - 40 * MM, EPS);

	assert_int_equal(f->nblocks, 1);
	b = f->blocks[0];
	assert_int_equal(b->kind, BLOCK_TEXT);
	assert_ptr_equal(b->style, cap);
	assert_int_equal(b->as.text.ntexts, 1);
	assert_non_null(b->as.text.texts[0]);
	assert_false(tmpl_is_literal(b->as.text.texts[0]));
	assert_string_equal(b->as.text.texts[0]->parts[0].path, "name");
	assert_string_equal(b->as.text.texts[0]->parts[0].particle, "이/가");

	spec_free(s);
	capture_end(&c);
}

/* "0" needs no unit, and must come out as 0, not as what was there. */
static void
test_zero_lengths_and_pixel_page(void **state)
{
	struct capture c;
	struct spec *s;
	const struct frame *f;

	(void)state;
	capture_begin(&c);
	s = parse(&c,
	    "page:\n"
	    "  size: [1080px, 1080px]\n"
	    "  margin: 0\n"
	    "styles:\n"
	    "  body: {size: 12pt, indent: 0, letter-spacing: 0}\n"
	    "pages:\n"
	    "  - name: card\n"
	    "    frames:\n"
	    "      - padding: [0, 10pt, 0, 0]\n"
	    "        blocks:\n"
	    "          - text: Hello\n"
	    "            space-before: 0\n");
	assert_non_null(s);
	assert_string_equal(capture_text(&c), "");
	assert_float_equal(s->width, 810, EPS);
	assert_float_equal(s->height, 810, EPS);
	assert_float_equal(s->margin[0], 0, 0);
	assert_float_equal(s->margin[1], 0, 0);
	assert_float_equal(s->margin[2], 0, 0);
	assert_float_equal(s->margin[3], 0, 0);
	assert_float_equal(s->styles[0]->indent, 0, 0);
	assert_float_equal(style_letter_spacing(s->styles[0]), 0, 0);
	assert_string_equal(s->pages[0]->name, "card");
	f = s->pages[0]->frames[0];
	assert_float_equal(f->w, 810, EPS);
	assert_float_equal(f->h, 810, EPS);
	assert_float_equal(f->decor.padding[0], 0, 0);
	assert_float_equal(f->decor.padding[1], 10, EPS);
	assert_float_equal(f->blocks[0]->space_before, 0, 0);
	/* A block without a style takes the first one. */
	assert_ptr_equal(f->blocks[0]->style, s->styles[0]);
	spec_free(s);
	capture_end(&c);
}

static void
test_unknown_style_key(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "styles:\n"
	    "  body:\n"
	    "    size: 10pt\n"
	    "    line-hieght: 170%\n"
	    "pages:\n"
	    "  - frames:\n"
	    "      - blocks:\n"
	    "          - text: x\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c),
	    "layout.yaml:4:5: error: unknown key 'line-hieght' in a style; "
	    "did you mean 'line-height'?\n");
	capture_end(&c);
}

static void
test_unknown_key_without_suggestion(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "styles:\n"
	    "  body: {size: 10pt, shadow: yes}\n"
	    "pages:\n"
	    "  - frames: [{blocks: [{text: x}]}]\n"));
	assert_string_equal(capture_text(&c),
	    "layout.yaml:2:22: error: unknown key 'shadow' in a style\n");
	capture_end(&c);
}

static void
test_unknown_style_in_block(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "styles:\n"
	    "  body: {size: 10pt}\n"
	    "  heading: {size: 14pt}\n"
	    "pages:\n"
	    "  - frames:\n"
	    "      - blocks:\n"
	    "          - text: x\n"
	    "            style: bdy\n"
	    "          - text: y\n"
	    "            style: footnote\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 2);
	assert_string_equal(capture_text(&c),
	    "layout.yaml:8:20: error: unknown style 'bdy'; did you mean "
	    "'body'?\n"
	    "layout.yaml:10:20: error: unknown style 'footnote' (not in "
	    "'styles')\n");
	capture_end(&c);
}

/* A base style must be defined before the style that uses it. */
static void
test_base_style_order(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "styles:\n"
	    "  caption: {base: body, size: 8pt}\n"
	    "  body: {size: 10pt}\n"
	    "pages:\n"
	    "  - frames: [{blocks: [{text: x}]}]\n"));
	assert_string_equal(capture_text(&c), "layout.yaml:2:19: error: "
	    "base style 'body' is not defined above this style\n");
	capture_end(&c);
}

static void
test_frame_outside_page(void **state)
{
	struct capture c;
	const char *out;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "page: {size: A4, margin: 20mm}\n"
	    "pages:\n"
	    "  - frames:\n"
	    "      - name: sidebar\n"
	    "        x: 500pt\n"
	    "        width: 200pt\n"
	    "        blocks: [{text: x}]\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	out = capture_text(&c);
	assert_true(strncmp(out, "layout.yaml:4:9: error: frame 'sidebar' "
	    "reaches outside the page (200.0pt × ", 61) == 0);
	assert_non_null(strstr(out, " at 500.0pt, 56.7pt on a 595.3pt × "
	    "841.9pt page)\n"));
	capture_end(&c);
}

static void
test_frame_without_room(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "page: {size: A4, margin: 20mm}\n"
	    "pages:\n"
	    "  - frames:\n"
	    "      - x: 590pt\n"
	    "        blocks: [{text: x}]\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_non_null(strstr(capture_text(&c),
	    "layout.yaml:4:9: error: frame '#1' has no room: "));
	capture_end(&c);
}

/* One pass reports every problem of the file, each at its place. */
static void
test_all_errors_reported(void **state)
{
	struct capture c;
	const char *out;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c,
	    "page:\n"				/*  1 */
	    "  size: A4\n"			/*  2 */
	    "  margin: 20\n"			/*  3 */
	    "styles:\n"				/*  4 */
	    "  body:\n"				/*  5 */
	    "    size: 10pt\n"			/*  6 */
	    "    line-hieght: 170%\n"		/*  7 */
	    "    color: \"#12345\"\n"		/*  8 */
	    "    weight: heavy\n"		/*  9 */
	    "pages:\n"				/* 10 */
	    "  - frames:\n"			/* 11 */
	    "      - x: 500pt\n"		/* 12 */
	    "        width: 200pt\n"		/* 13 */
	    "        blocks:\n"			/* 14 */
	    "          - text: \"{{name}}\"\n"	/* 15 */
	    "            style: bdy\n"		/* 16 */
	    "          - text: \"{{name|의}}\"\n"	/* 17 */
	    "          - txt: hello\n"));		/* 18 */
	out = capture_text(&c);
	assert_int_equal(c.d.count[DIAG_ERROR], 8);
	assert_non_null(strstr(out, "layout.yaml:3:11: error: margin must "
	    "be a length with a unit"));
	assert_non_null(strstr(out, "layout.yaml:7:5: error: unknown key "
	    "'line-hieght'"));
	assert_non_null(strstr(out, "layout.yaml:8:12: error: color must "
	    "be a colour"));
	assert_non_null(strstr(out, "layout.yaml:9:13: error: weight must "
	    "be one of "));
	assert_non_null(strstr(out, "layout.yaml:12:9: error: frame '#1' "
	    "reaches outside the page"));
	assert_non_null(strstr(out, "layout.yaml:16:20: error: unknown "
	    "style 'bdy'"));
	assert_non_null(strstr(out, "layout.yaml:17:19: error: unknown "
	    "particle '의'"));
	/* The list of kinds grows with block_kinds[]: only its ends. */
	assert_non_null(strstr(out, "layout.yaml:18:13: error: a block "
	    "needs one of the keys text, list, "));
	assert_non_null(strstr(out, "; did you mean 'text'?"));
	capture_end(&c);
}

static void
test_needs_pages(void **state)
{
	struct capture c;

	(void)state;
	capture_begin(&c);
	assert_null(parse(&c, "page: {size: A4}\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	assert_string_equal(capture_text(&c), "layout.yaml:1:1: error: a "
	    "layout needs 'pages': a list of at least one page\n");
	capture_end(&c);

	capture_begin(&c);
	assert_null(parse(&c, "pages: []\nsyles: {}\n"));
	assert_int_equal(c.d.count[DIAG_ERROR], 2);
	assert_string_equal(capture_text(&c),
	    "layout.yaml:2:1: error: unknown key 'syles' in a layout; did "
	    "you mean 'styles'?\n"
	    "layout.yaml:1:8: error: a layout needs 'pages': a list of at "
	    "least one page\n");
	capture_end(&c);
}

/* Errors reported before spec_parse (another file) do not fail it. */
static void
test_earlier_errors_not_counted(void **state)
{
	struct capture c;
	struct spec *s;

	(void)state;
	capture_begin(&c);
	diag_error(&c.d, NULL, "an earlier problem");
	s = parse(&c, minimal);
	assert_non_null(s);
	assert_int_equal(c.d.count[DIAG_ERROR], 1);
	spec_free(s);
	spec_free(NULL);
	capture_end(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_zero_lengths_and_pixel_page),
		cmocka_unit_test(test_unknown_style_key),
		cmocka_unit_test(test_unknown_key_without_suggestion),
		cmocka_unit_test(test_unknown_style_in_block),
		cmocka_unit_test(test_base_style_order),
		cmocka_unit_test(test_frame_outside_page),
		cmocka_unit_test(test_frame_without_room),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_needs_pages),
		cmocka_unit_test(test_earlier_errors_not_counted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
