/*
 * Unit tests for josa.c: Korean particles that agree with the word
 * before them.  The rows follow the rules documented at the top of
 * src/josa.c: Hangul by its last syllable's final consonant (ㄹ takes
 * the vowel form of 으로/로 only); digits by their Korean reading
 * (영 일 이 삼 사 오 육 칠 팔 구, trailing zeros 십 백 천 만); Latin
 * words ending in m, n, ng, l or "le" as a consonant, all others as a
 * vowel; trailing punctuation and quotes skipped.
 */
#include "testutil.h"
#include "josa.h"

static const struct row {
	const char	*word;
	const char	*particle;
	const char	*expected;
} rows[] = {
	/* 이/가: Hangul without and with a final consonant. */
	{ "사과", "이/가", "가" },
	{ "나무", "이/가", "가" },
	{ "책", "이/가", "이" },
	{ "서울", "이/가", "이" },	/* ㄹ is a consonant here */
	{ "선생님", "이/가", "이" },
	/* 이/가: Latin names, read aloud. */
	{ "Wilson", "이/가", "이" },	/* 윌슨 */
	{ "Gina", "이/가", "가" },	/* 지나 */
	{ "Ted", "이/가", "가" },	/* 테드 */
	{ "Jwoong", "이/가", "이" },	/* 중 */
	{ "Kim", "이/가", "이" },	/* 킴 */
	{ "Mark", "이/가", "가" },	/* 마크 */
	{ "Paul", "이/가", "이" },	/* 폴 */
	{ "Apple", "이/가", "이" },	/* 애플 */
	{ "KIM", "이/가", "이" },	/* case does not matter */
	{ "Mike", "이/가", "가" },	/* 마이크: "e" reads as a vowel */
	/* 이/가: digits by their reading. */
	{ "0", "이/가", "이" },		/* 영 */
	{ "1", "이/가", "이" },		/* 일 */
	{ "2", "이/가", "가" },		/* 이 */
	{ "3", "이/가", "이" },		/* 삼 */
	{ "4", "이/가", "가" },		/* 사 */
	{ "5", "이/가", "가" },		/* 오 */
	{ "6", "이/가", "이" },		/* 육 */
	{ "7", "이/가", "이" },		/* 칠 */
	{ "8", "이/가", "이" },		/* 팔 */
	{ "9", "이/가", "가" },		/* 구 */
	{ "10", "이/가", "이" },		/* 십 */
	{ "12", "이/가", "가" },		/* 십이 */
	{ "200", "이/가", "이" },	/* 이백 */
	{ "1000", "이/가", "이" },	/* 천 */
	{ "2024년", "이/가", "이" },	/* Hangul after digits decides */
	/* 은/는 */
	{ "책", "은/는", "은" },
	{ "나무", "은/는", "는" },
	{ "서울", "은/는", "은" },
	{ "Paul", "은/는", "은" },	/* 폴은: only 으로/로 treats ㄹ
					   as a vowel */
	{ "Gina", "은/는", "는" },
	{ "3", "은/는", "은" },
	{ "2", "은/는", "는" },
	/* 을/를 */
	{ "밥", "을/를", "을" },
	{ "사과", "을/를", "를" },
	{ "길", "을/를", "을" },
	{ "Wilson", "을/를", "을" },
	{ "Ted", "을/를", "를" },
	{ "4", "을/를", "를" },
	/* 과/와 */
	{ "책", "과/와", "과" },
	{ "나무", "과/와", "와" },
	{ "서울", "과/와", "과" },
	{ "Kim", "과/와", "과" },
	{ "Gina", "과/와", "와" },
	/* 이나/나 */
	{ "밥", "이나/나", "이나" },
	{ "커피", "이나/나", "나" },
	{ "물", "이나/나", "이나" },
	{ "Ted", "이나/나", "나" },
	/* 으로/로, with the ㄹ rule */
	{ "서울", "으로/로", "로" },
	{ "길", "으로/로", "로" },
	{ "집", "으로/로", "으로" },
	{ "학교", "으로/로", "로" },
	{ "부산", "으로/로", "으로" },
	{ "Paul", "으로/로", "로" },	/* 폴로 */
	{ "Apple", "으로/로", "로" },	/* 애플로 */
	{ "Kim", "으로/로", "으로" },
	{ "Gina", "으로/로", "로" },
	{ "1", "으로/로", "로" },		/* 일로 */
	{ "7", "으로/로", "로" },		/* 칠로 */
	{ "8", "으로/로", "로" },		/* 팔로 */
	{ "3", "으로/로", "으로" },	/* 삼으로 */
	{ "6", "으로/로", "으로" },	/* 육으로 */
	{ "0", "으로/로", "으로" },	/* 영으로 */
	{ "2", "으로/로", "로" },		/* 이로 */
	{ "10", "으로/로", "으로" },	/* 십으로 */
	/* 이에요/예요 */
	{ "학생", "이에요/예요", "이에요" },
	{ "의사", "이에요/예요", "예요" },
	{ "서울", "이에요/예요", "이에요" },
	{ "Gina", "이에요/예요", "예요" },
	{ "Wilson", "이에요/예요", "이에요" },
	/* 아/야 */
	{ "지민", "아/야", "아" },
	{ "민수", "아/야", "야" },
	{ "길동", "아/야", "아" },
	{ "Gina", "아/야", "야" },
	/* 이랑/랑 */
	{ "엄마", "이랑/랑", "랑" },
	{ "동생", "이랑/랑", "이랑" },
	{ "서울", "이랑/랑", "이랑" },
	{ "Kim", "이랑/랑", "이랑" },
	/* Trailing punctuation, quotes and spaces are skipped. */
	{ "‘빠르다’", "이/가", "가" },
	{ "“서울”", "으로/로", "로" },
	{ "'Kim'", "이/가", "이" },
	{ "\"Gina\"", "은/는", "는" },
	{ "Gina.", "이/가", "가" },
	{ "밥!", "을/를", "을" },
	{ "(주)", "이/가", "가" },
	{ "책 ", "은/는", "은" },
	{ "10%", "이/가", "이" },		/* the digits before '%' */
	/* Either order, or one form alone. */
	{ "Gina", "가/이", "가" },
	{ "Wilson", "가/이", "이" },
	{ "책", "는/은", "은" },
	{ "나무", "를/을", "를" },
	{ "집", "로/으로", "으로" },
	{ "서울", "로/으로", "로" },
	{ "Kim", "와/과", "과" },
	{ "의사", "예요/이에요", "예요" },
	{ "Gina", "가", "가" },
	{ "Wilson", "가", "이" },
	{ "Gina", "이", "가" },
	{ "학교", "으로", "로" },
	{ "집", "로", "으로" },
	{ "동생", "랑", "이랑" },
	{ "의사", "이에요", "예요" },
	{ "Gina", "은", "는" },
	{ "민수", "아", "야" },
};

#define NROWS	(sizeof(rows) / sizeof(rows[0]))

static void
test_table(void **state)
{
	size_t i, failed = 0;

	(void)state;
	assert_true(NROWS >= 60);
	for (i = 0; i < NROWS; i++) {
		const struct row *r = &rows[i];
		const char *got = josa_pick(r->word, r->particle);

		if (got == NULL || strcmp(got, r->expected) != 0) {
			print_error("row %zu: %s + {%s}: expected %s%s, "
			    "got %s%s\n", i + 1, r->word, r->particle,
			    r->word, r->expected, r->word,
			    got ? got : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* josa_pick gives the particle only, never the word with it. */
static void
test_returns_particle_only(void **state)
{
	(void)state;
	assert_string_equal(josa_pick("Wilson", "이/가"), "이");
	assert_string_equal(josa_pick("서울", "으로/로"), "로");
	/* An empty word reads as ending in a vowel. */
	assert_string_equal(josa_pick("", "이/가"), "가");
}

static void
test_unknown_particles(void **state)
{
	static const char *const bad[] = {
		"의", "이/나", "가/가", "이/가/", "이 / 가", "", "/",
		"으로/", "/로", "을/는",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/가",
	};
	static const char *const good[] = {
		"이/가", "가/이", "가", "이", "은/는", "을/를", "과/와",
		"이나/나", "나", "으로/로", "로", "이에요/예요", "아/야",
		"이랑/랑", "랑",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (josa_is_known(bad[i]))
			fail_msg("'%s' is taken as a particle", bad[i]);
		assert_null(josa_pick("책", bad[i]));
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!josa_is_known(good[i]))
			fail_msg("'%s' is not taken as a particle", good[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_returns_particle_only),
		cmocka_unit_test(test_unknown_particles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
