/*
 * Unit tests for josa.c: Korean particles that agree with the word
 * before them.  The rows follow the rules documented at the top of
 * src/josa.c: Hangul by its last syllable's final consonant (ㄹ takes
 * the vowel form of 으로/로 only); digits by their Korean reading
 * (영 일 이 삼 사 오 육 칠 팔 구, trailing zeros 십 백 천 만), with a
 * currency sign before them read after; symbols and units read aloud
 * (% 퍼센트, kg 킬로그램, # 샵); acronyms by their last letter's name;
 * English and romanised Korean words by the loanword rules (Park 박,
 * Jack 잭, Jane 제인, Mark 마크); other punctuation skipped.  Each
 * reading is in the row's comment.
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
	/* Names, romanised Korean and English, as people write them. */
	{ "Park", "이/가", "이" },	/* 박, the surname */
	{ "Bob", "이/가", "이" },	/* 밥 */
	{ "Jack", "이/가", "이" },	/* 잭 */
	{ "Nick", "이/가", "이" },	/* 닉 */
	{ "Jane", "이/가", "이" },	/* 제인 */
	{ "Lee", "이/가", "가" },	/* 이 */
	{ "Choi", "이/가", "가" },	/* 최 */
	{ "Jung", "이/가", "이" },	/* 정 */
	{ "Kang", "이/가", "이" },	/* 강 */
	{ "Cho", "이/가", "가" },	/* 조 */
	{ "Yoon", "이/가", "이" },	/* 윤 */
	{ "Han", "이/가", "이" },	/* 한 */
	{ "Lim", "이/가", "이" },	/* 임 */
	{ "Shin", "이/가", "이" },	/* 신 */
	{ "Oh", "이/가", "가" },		/* 오 */
	{ "Song", "이/가", "이" },	/* 송 */
	{ "Jang", "이/가", "이" },	/* 장 */
	{ "Hwang", "이/가", "이" },	/* 황 */
	{ "Ahn", "이/가", "이" },	/* 안 */
	{ "Yoo", "이/가", "가" },	/* 유 */
	{ "Jeon", "이/가", "이" },	/* 전 */
	{ "Hong", "이/가", "이" },	/* 홍 */
	{ "Ko", "이/가", "가" },		/* 고 */
	{ "Moon", "이/가", "이" },	/* 문 */
	{ "Yang", "이/가", "이" },	/* 양 */
	{ "Son", "이/가", "이" },	/* 손 */
	{ "Bae", "이/가", "가" },	/* 배 */
	{ "Baek", "이/가", "이" },	/* 백 */
	{ "Heo", "이/가", "가" },	/* 허 */
	{ "Nam", "이/가", "이" },	/* 남 */
	{ "Sim", "이/가", "이" },	/* 심 */
	{ "Noh", "이/가", "가" },	/* 노 */
	{ "Ha", "이/가", "가" },		/* 하 */
	{ "Kwak", "이/가", "이" },	/* 곽 */
	{ "Seong", "이/가", "이" },	/* 성 */
	{ "Cha", "이/가", "가" },	/* 차 */
	{ "Joo", "이/가", "가" },	/* 주 */
	{ "Woo", "이/가", "가" },	/* 우 */
	{ "Ryu", "이/가", "가" },	/* 류 */
	{ "Min", "이/가", "이" },	/* 민 */
	{ "Jin", "이/가", "이" },	/* 진 */
	{ "Minseok", "이/가", "이" },	/* 민석 */
	{ "Jihyuk", "이/가", "이" },	/* 지혁 */
	{ "PARK", "이/가", "이" },	/* capitals: still 박 */
	{ "JUNG", "이/가", "이" },	/* 정, not 제이유엔지 */
	{ "Tom", "이/가", "이" },	/* 톰 */
	{ "John", "이/가", "이" },	/* 존 */
	{ "Steve", "이/가", "가" },	/* 스티브 */
	{ "James", "이/가", "가" },	/* 제임스 */
	{ "David", "이/가", "가" },	/* 데이비드 */
	{ "Chris", "이/가", "가" },	/* 크리스 */
	{ "Kate", "이/가", "가" },	/* 케이트 */
	{ "Emma", "이/가", "가" },	/* 엠마 */
	{ "Anne", "이/가", "이" },	/* 앤 */
	{ "Matt", "이/가", "이" },	/* 맷 */
	{ "Eric", "이/가", "이" },	/* 에릭 */
	{ "Robert", "이/가", "가" },	/* 로버트 */
	{ "Daphne", "이/가", "가" },	/* 대프니 */
	/* Brands and words. */
	{ "Google", "이/가", "이" },	/* 구글 */
	{ "Google", "으로/로", "로" },	/* 구글로 */
	{ "Naver", "이/가", "가" },	/* 네이버 */
	{ "Kakao", "이/가", "가" },	/* 카카오 */
	{ "Python", "이/가", "이" },	/* 파이썬 */
	{ "Java", "이/가", "가" },	/* 자바 */
	{ "Excel", "이/가", "이" },	/* 엑셀 */
	{ "Slack", "이/가", "이" },	/* 슬랙 */
	{ "Notion", "이/가", "이" },	/* 노션 */
	{ "GitHub", "이/가", "가" },	/* 깃허브 */
	{ "iPhone", "이/가", "이" },	/* 아이폰 */
	{ "KakaoTalk", "이/가", "이" },	/* 카카오톡 */
	{ "YouTube", "이/가", "가" },	/* 유튜브 */
	{ "LinkedIn", "이/가", "이" },	/* 링크드인 */
	{ "OpenAI", "이/가", "가" },	/* 오픈에이아이 */
	{ "iOS", "이/가", "가" },	/* 아이오에스 */
	{ "Facebook", "이/가", "이" },	/* 페이스북 */
	{ "Photoshop", "이/가", "이" },	/* 포토샵 */
	{ "Mac", "이/가", "이" },	/* 맥 */
	{ "app", "이/가", "이" },	/* 앱 */
	{ "web", "이/가", "이" },	/* 웹 */
	{ "game", "이/가", "이" },	/* 게임 */
	{ "desk", "이/가", "가" },	/* 데스크 */
	{ "Jeep", "이/가", "가" },	/* 지프 */
	{ "lamb", "이/가", "이" },	/* 램 */
	{ "SAMSUNG", "이/가", "이" },	/* 삼성 */
	/* Acronyms, letter by letter: the last letter's name. */
	{ "HR", "이/가", "이" },		/* 에이치알 */
	{ "HR", "으로/로", "로" },	/* 에이치알로 */
	{ "VR", "이/가", "이" },		/* 브이알 */
	{ "R", "이/가", "이" },		/* 알 */
	{ "AI", "이/가", "가" },		/* 에이아이 */
	{ "UX", "이/가", "가" },		/* 유엑스 */
	{ "SQL", "이/가", "이" },	/* 에스큐엘 */
	{ "SQL", "으로/로", "로" },	/* 에스큐엘로 */
	{ "PM", "이/가", "이" },		/* 피엠 */
	{ "CEO", "이/가", "가" },	/* 시이오 */
	{ "IT", "이/가", "가" },		/* 아이티 */
	{ "B", "이/가", "가" },		/* 비 */
	{ "N", "이/가", "이" },		/* 엔 */
	/* Symbols and units, read aloud. */
	{ "C#", "이/가", "이" },		/* 씨샵 */
	{ "C++", "이/가", "가" },	/* 씨플러스플러스 */
	{ "20%", "이/가", "가" },	/* 이십 퍼센트 */
	{ "(35%)", "이/가", "가" },	/* 삼십오 퍼센트 */
	{ "10km", "이/가", "가" },	/* 십 킬로미터 */
	{ "5kg", "이/가", "이" },	/* 오 킬로그램 */
	{ "5 kg", "이/가", "이" },	/* 오 킬로그램 */
	{ "3cm", "이/가", "가" },	/* 삼 센티미터 */
	{ "10mm", "이/가", "가" },	/* 십 밀리미터 */
	{ "100m", "이/가", "가" },	/* 백 미터 */
	{ "500g", "이/가", "이" },	/* 오백 그램 */
	{ "24h", "이/가", "이" },	/* 이십사 시간 */
	{ "1080px", "으로/로", "로" },	/* 천팔십 픽셀로 */
	{ "30℃", "이/가", "가" },	/* 삼십 도 */
	{ "30°C", "이/가", "가" },	/* 삼십 도 */
	{ "90°", "이/가", "가" },	/* 구십 도 */
	{ "5㎏", "이/가", "이" },	/* 오 킬로그램 */
	{ "$10", "이/가", "이" },	/* 십 달러 */
	{ "$10", "으로/로", "로" },	/* 십 달러로 */
	{ "€5", "이/가", "가" },		/* 오 유로 */
	{ "₩500", "이/가", "이" },	/* 오백 원 */
	{ "1,000원", "이/가", "이" },	/* 천 원 */
	{ "3개", "이/가", "가" },	/* 삼 개 */
	{ "3D", "이/가", "가" },		/* 쓰리디: not a unit */
	{ "5G", "이/가", "가" },		/* 파이브지 */
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
	{ "10%", "이/가", "가" },		/* 십 퍼센트: '%' is read */
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
	assert_true(NROWS >= 200);
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
