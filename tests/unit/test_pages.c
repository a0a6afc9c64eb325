/*
 * Page selection (pages.c): which pages a run makes with --only and
 * --shard, over small layouts and data parsed from inline YAML.
 */
#include "testutil.h"

#include <glib.h>

#include "data.h"
#include "mem.h"
#include "pages.h"
#include "spec.h"

/* A cover, a card per intern, a back page. */
static const char single[] =
    "page: {size: A5}\n"
    "styles: {body: {font: NanumGothic, size: 10pt}}\n"
    "pages:\n"
    "  - {name: cover, frames: []}\n"
    "  - {name: card, each: interns, frames: []}\n"
    "  - {name: back, frames: []}\n";

/* Two interns to a sheet. */
static const char nup[] =
    "page: {size: A4}\n"
    "styles: {body: {font: NanumGothic, size: 10pt}}\n"
    "pages:\n"
    "  - name: sheet\n"
    "    each: interns\n"
    "    per-page: 2\n"
    "    slots: [[0mm, 0mm], [0mm, 148.5mm]]\n"
    "    frames: []\n";

/* A cover, then each intern's front and back in turn. */
static const char spread[] =
    "page: {size: A5}\n"
    "styles: {body: {font: NanumGothic, size: 10pt}}\n"
    "pages:\n"
    "  - {name: cover, size: A4, frames: []}\n"
    "  - each: interns\n"
    "    pages:\n"
    "      - {name: front, frames: []}\n"
    "      - {name: back, size: [100mm, 100mm], frames: []}\n";

struct fixture {
	struct capture	 c;
	struct spec	*spec[2];
	struct data	*data;
	struct page	*all;
	int		 n;
};

/* Five interns a..e, the layouts given (NULL: none), every page. */
static void
setup(struct fixture *f, const char *l0, const char *l1)
{
	static const char data[] =
	    "interns:\n"
	    "  - {id: a, name: A}\n  - {id: b, name: B}\n"
	    "  - {id: c, name: C}\n  - {id: d, name: D}\n"
	    "  - {id: e, name: E}\n";
	const char *l[2] = { l0, l1 };
	int i;

	memset(f, 0, sizeof(*f));
	capture_begin(&f->c);
	f->data = data_parse(load("data.yaml", data, &f->c.d), &f->c.d);
	assert_non_null(f->data);
	for (i = 0; i < 2 && l[i] != NULL; i++) {
		f->spec[i] = spec_parse(load("l.yaml", l[i], &f->c.d),
		    &f->c.d);
		assert_non_null(f->spec[i]);
		f->all = pages_list(f->all, &f->n, i, f->spec[i], f->data);
	}
	assert_string_equal(capture_text(&f->c), "");
}

static void
teardown(struct fixture *f)
{
	pages_free(f->all, f->n);
	spec_free(f->spec[0]);
	spec_free(f->spec[1]);
	data_free(f->data);
	capture_end(&f->c);
}

/* The keys of pages[0..n) joined by spaces, with page numbers. */
static char *
keys(const struct page *pages, int n)
{
	GString *s = g_string_new(NULL);
	int i;

	for (i = 0; i < n; i++)
		g_string_append_printf(s, "%s%s:%d", i ? " " : "",
		    pages[i].key, pages[i].number);
	return g_string_free(s, FALSE);
}

static char *
select_keys(struct fixture *f, const char *const *only, size_t nonly,
    int shard, int shards, bool *ok)
{
	struct pages_selection s = { only, nonly, shard, shards };
	struct page *sel;
	int nsel, nkeys;
	char *text;

	*ok = pages_select(f->all, f->n, &s, &sel, &nsel, &nkeys, &f->c.d);
	text = keys(sel, nsel);
	free(sel);
	return text;
}

static void
test_whole_set_in_document_order(void **state)
{
	struct fixture f;
	char *k;

	(void)state;
	setup(&f, single, NULL);
	k = keys(f.all, f.n);
	assert_string_equal(k, "cover:1 a:2 b:3 c:4 d:5 e:6 back:7");
	g_free(k);
	teardown(&f);
}

/*
 * For every N up to the number of keys, the shards cover every key
 * exactly once, in order, and their sizes differ by one at most.
 */
static void
test_shards_cover_every_key_once(void **state)
{
	struct fixture f;
	int shards, k;

	(void)state;
	setup(&f, single, NULL);
	for (shards = 1; shards <= f.n; shards++) {
		GString *joined = g_string_new(NULL);
		int min = f.n, max = 0;

		for (k = 1; k <= shards; k++) {
			struct pages_selection s = { NULL, 0, k, shards };
			struct page *sel;
			int nsel, nkeys, i;

			assert_true(pages_select(f.all, f.n, &s, &sel, &nsel,
			    &nkeys, &f.c.d));
			assert_int_equal(nkeys, f.n);
			for (i = 0; i < nsel; i++)
				g_string_append_printf(joined, "%s ",
				    sel[i].key);
			min = nsel < min ? nsel : min;
			max = nsel > max ? nsel : max;
			free(sel);
		}
		assert_string_equal(joined->str, "cover a b c d e back ");
		assert_true(max - min <= 1);
		g_string_free(joined, TRUE);
	}
	teardown(&f);
}

/* With two layouts, a key's pages in both go to one shard. */
static void
test_shard_keeps_a_key_together(void **state)
{
	struct fixture f;
	char *k;
	bool ok;

	(void)state;
	setup(&f, single, single);
	k = select_keys(&f, NULL, 0, 2, 3, &ok);
	assert_true(ok);
	/* Seven keys in three shards: 2, 2, 3; the second is b and c. */
	assert_string_equal(k, "b:3 c:4 b:3 c:4");
	g_free(k);
	teardown(&f);
}

/* --only a record on an N-up sheet keeps the sheet, numbered as in
 * the whole document. */
static void
test_only_record_on_nup_sheet(void **state)
{
	static const char *const only[] = { "d" };
	struct fixture f;
	char *k;
	bool ok;

	(void)state;
	setup(&f, nup, NULL);
	k = keys(f.all, f.n);
	assert_string_equal(k, "sheet-1:1 sheet-2:2 sheet-3:3");
	g_free(k);
	k = select_keys(&f, only, 1, 0, 0, &ok);
	assert_true(ok);
	assert_string_equal(k, "sheet-2:2");
	g_free(k);
	teardown(&f);
}

/* Shards split what --only kept. */
static void
test_shard_over_only(void **state)
{
	static const char *const only[] = { "e", "back", "b" };
	struct fixture f;
	char *k;
	bool ok;

	(void)state;
	setup(&f, single, NULL);
	k = select_keys(&f, only, 3, 2, 2, &ok);
	assert_true(ok);
	assert_string_equal(k, "e:6 back:7");
	g_free(k);
	teardown(&f);
}

static void
test_unknown_only_suggests(void **state)
{
	static const char *const only[] = { "covr" };
	struct fixture f;
	char *k;
	bool ok;

	(void)state;
	setup(&f, single, NULL);
	k = select_keys(&f, only, 1, 0, 0, &ok);
	assert_false(ok);
	assert_string_equal(k, "");
	assert_string_equal(capture_text(&f.c), "brochure: error: --only "
	    "'covr' matches no record id or page name (did you mean "
	    "'cover'?)\n");
	g_free(k);
	teardown(&f);
}

/* Two layouts' pages that would write one file are named, once per
 * pair of page specs. */
static void
test_clashing_names(void **state)
{
	struct fixture f;
	char **paths;
	int i;

	(void)state;
	setup(&f, single, single);
	paths = xcalloc((size_t)f.n, sizeof(*paths));
	for (i = 0; i < f.n; i++)
		paths[i] = g_strdup_printf("out/%s.png", f.all[i].key);
	assert_false(pages_check_names(f.all, f.n, paths, NULL, &f.c.d));
	assert_string_equal(capture_text(&f.c),
	    "l.yaml:4:5: error: page 'cover' would overwrite 'cover.png', "
	    "the file of page 'cover': every file in a folder needs a name "
	    "of its own\n"
	    "l.yaml:4:5: note: page 'cover' is here\n"
	    "l.yaml:5:5: error: page 'card' (record 'a') would overwrite "
	    "'a.png', the file of page 'card' (record 'a'), and 4 more like "
	    "it: every file in a folder needs a name of its own\n"
	    "l.yaml:5:5: note: page 'card' is here\n"
	    "l.yaml:6:5: error: page 'back' would overwrite 'back.png', "
	    "the file of page 'back': every file in a folder needs a name "
	    "of its own\n"
	    "l.yaml:6:5: note: page 'back' is here\n");
	for (i = 0; i < f.n; i++)
		g_free(paths[i]);
	free(paths);
	teardown(&f);
}

/*
 * A record's pages in sequence come record by record, each page named
 * after the record and the page, numbered in the document, at its own
 * size or the layout's.
 */
static void
test_sequence_record_by_record(void **state)
{
	struct fixture f;
	char *k;

	(void)state;
	setup(&f, spread, NULL);
	k = keys(f.all, f.n);
	assert_string_equal(k, "cover:1 a-front:2 a-back:3 b-front:4 "
	    "b-back:5 c-front:6 c-back:7 d-front:8 d-back:9 e-front:10 "
	    "e-back:11");
	g_free(k);
	assert_float_equal(f.all[0].ps->width, 595.2756, 0.001);
	assert_float_equal(f.all[1].ps->width, 419.5276, 0.001);
	assert_float_equal(f.all[2].ps->width, 283.4646, 0.001);
	assert_float_equal(f.all[2].ps->height, 283.4646, 0.001);
	teardown(&f);
}

/* --only an id keeps all of that record's pages; --shard never splits
 * them, whatever the number of shards. */
static void
test_sequence_stays_together(void **state)
{
	static const char *const only[] = { "c" };
	struct fixture f;
	char *k;
	bool ok;
	int shards, sh;

	(void)state;
	setup(&f, spread, NULL);
	k = select_keys(&f, only, 1, 0, 0, &ok);
	assert_true(ok);
	assert_string_equal(k, "c-front:6 c-back:7");
	g_free(k);
	/* Six groups (cover, a..e) in three shards: 2, 2, 2. */
	k = select_keys(&f, NULL, 0, 2, 3, &ok);
	assert_string_equal(k, "b-front:4 b-back:5 c-front:6 c-back:7");
	g_free(k);
	for (shards = 1; shards <= f.n; shards++)
		for (sh = 1; sh <= shards; sh++) {
			struct pages_selection s = { NULL, 0, sh, shards };
			struct page *sel;
			int nsel, nkeys, i;

			assert_true(pages_select(f.all, f.n, &s, &sel, &nsel,
			    &nkeys, &f.c.d));
			assert_int_equal(nkeys, 6);
			/* No shard starts with a back or ends with a front. */
			if (nsel > 0) {
				assert_null(strstr(sel[0].key, "-back"));
				assert_null(strstr(sel[nsel - 1].key,
				    "-front"));
			}
			for (i = 0; i < nsel; i++)
				assert_string_equal(sel[i].group, sel[i].nrec ?
				    data_record_id(sel[i].records[0]) :
				    "cover");
			free(sel);
		}
	teardown(&f);
}

/* The name of a continuation page (issue 13: text flowing on): the
 * page's name, then its part. */
static void
test_continuation_names(void **state)
{
	struct fixture f;
	char *name;

	(void)state;
	setup(&f, spread, NULL);
	name = pages_name(f.all[2].ps, f.all[2].records[0], 1, 2);
	assert_string_equal(name, "a-back-2");
	g_free(name);
	name = pages_name(f.all[0].ps, NULL, 1, 3);
	assert_string_equal(name, "cover-3");
	g_free(name);
	teardown(&f);
}

/* Two layouts with one sequence: the same record's pages clash, named
 * by page and record. */
static void
test_sequence_names_clash(void **state)
{
	struct fixture f;
	char **paths;
	int i;

	(void)state;
	setup(&f, spread, spread);
	paths = xcalloc((size_t)f.n, sizeof(*paths));
	for (i = 0; i < f.n; i++)
		paths[i] = g_strdup_printf("out/%s.png", f.all[i].key);
	assert_false(pages_check_names(f.all, f.n, paths, NULL, &f.c.d));
	assert_non_null(strstr(capture_text(&f.c), "error: page 'front' "
	    "(record 'a') would overwrite 'a-front.png', the file of page "
	    "'front' (record 'a'), and 4 more like it"));
	for (i = 0; i < f.n; i++)
		g_free(paths[i]);
	free(paths);
	teardown(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_set_in_document_order),
		cmocka_unit_test(test_shards_cover_every_key_once),
		cmocka_unit_test(test_shard_keeps_a_key_together),
		cmocka_unit_test(test_only_record_on_nup_sheet),
		cmocka_unit_test(test_shard_over_only),
		cmocka_unit_test(test_unknown_only_suggests),
		cmocka_unit_test(test_clashing_names),
		cmocka_unit_test(test_sequence_record_by_record),
		cmocka_unit_test(test_sequence_stays_together),
		cmocka_unit_test(test_continuation_names),
		cmocka_unit_test(test_sequence_names_clash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
