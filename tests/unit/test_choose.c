/*
 * First-fit choices (choose.c): how many layouts of a frame it takes to
 * choose, and which alternatives are drawn, with a stand-in layout that
 * says which picks fit.
 */
#include "testutil.h"

#include <string.h>

#include "choose.h"
#include "spec.h"

/* A frame with first-fit blocks a and b, three alternatives each. */
struct trial {
	struct choices	 c;
	struct scope	 s;
	struct block	 a, b, alt[3], *alts[3];
	int		 fits_a, fits_b;	/* the pick that fits, or -1 */
	int		 lays;
	int		 got_a, got_b;
};

static bool
lay(void *arg)
{
	struct trial *t = arg;

	t->lays++;
	t->got_a = choose_pick(&t->c, &t->a, &t->s);
	t->got_b = choose_pick(&t->c, &t->b, &t->s);
	return t->got_a == t->fits_a && (t->fits_b < 0 ? false :
	    t->got_b >= t->fits_b);
}

static void
setup(struct trial *t, int fits_a, int fits_b)
{
	int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < 3; i++)
		t->alts[i] = &t->alt[i];
	t->a.kind = t->b.kind = BLOCK_FIRST_FIT;
	t->a.children = t->b.children = t->alts;
	t->a.nchildren = t->b.nchildren = 3;
	t->fits_a = fits_a;
	t->fits_b = fits_b;
}

/* The first alternatives fit: one layout, and the final one draws them. */
static void
test_first_fits(void **state)
{
	struct trial t;

	(void)state;
	setup(&t, 0, 0);
	choose_frame(&t.c, &t.s, lay, &t);
	assert_int_equal(t.lays, 1);
	lay(&t);
	assert_int_equal(t.got_a, 0);
	choose_clear(&t.c);
}

/* a fits at its second: two layouts; b stays at its first. */
static void
test_second_fits(void **state)
{
	struct trial t;

	(void)state;
	setup(&t, 1, 0);
	choose_frame(&t.c, &t.s, lay, &t);
	assert_int_equal(t.lays, 2);
	lay(&t);
	assert_int_equal(t.got_a, 1);
	assert_int_equal(t.got_b, 0);
	choose_clear(&t.c);
}

/*
 * Nothing fits: each block tries each of its alternatives once and
 * keeps its last: 1 + 2 + 2 layouts to choose, then the one drawn,
 * 2 + (6 alternatives - 2 blocks) in all, the bound the docs give.
 */
static void
test_none_fits(void **state)
{
	struct trial t;

	(void)state;
	setup(&t, 2, -1);
	choose_frame(&t.c, &t.s, lay, &t);
	lay(&t);
	assert_int_equal(t.lays, 2 + (6 - 2));
	assert_int_equal(t.got_a, 2);
	assert_int_equal(t.got_b, 2);
	choose_clear(&t.c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_fits),
		cmocka_unit_test(test_second_fits),
		cmocka_unit_test(test_none_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
