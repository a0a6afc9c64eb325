/*
 * Particle agreement.  A particle's form depends on whether the word
 * before it ends in a consonant (받침):
 *
 *     Wilson이   Gina가   서울로 (ㄹ takes the vowel form of 으로/로)
 *
 * Hangul: the last syllable decides; (c - 0xAC00) % 28 is its final
 * consonant, 0 for none, 8 for ㄹ.  Units written in Hangul (원, 년,
 * 개, 명) are syllables like any other.
 *
 * Everything else is read aloud in Korean, so the reading decides:
 *
 *   Digits: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구;
 *   trailing zeros read as 십, 백, 천, 만 (10 십, 200 이백).  A
 *   currency sign before the number is read after it: $10 십 달러 (ㄹ),
 *   ₩500 오백 원, €5 오 유로.
 *
 *   Symbols at the end are read: % 퍼센트, ‰ 퍼밀, ℃ ℉ ° 도, # 샵
 *   (C# 씨샵), + 플러스 (C++), $ 달러, ₩ 원, ¥ 엔, € 유로, £ 파운드, and
 *   the unit signs ㎞ ㎝ ㎜ ㎏ ㎡.  Other punctuation (quotes, brackets,
 *   '.', '!') is skipped, and what comes before it decides.
 *
 *   Units after a number (10km, 5 kg): the `units` table below, by how
 *   they are read: km 킬로미터, kg 킬로그램, px 픽셀.  °C and °F 도.
 *
 *   Acronyms (all capitals, 2+ letters, or one letter alone) are read
 *   letter by letter, so the last letter's name decides: A 에이 … Z 제트;
 *   only L 엘, R 알 (ㄹ) and M 엠, N 엔 end in a consonant (HR이, HR로,
 *   SQL이, AI가, UX가).  Capitals ending in a vowel and NG (JUNG, KANG,
 *   SAMSUNG) are words: a Korean surname in capitals reads as the name.
 *
 *   A word with capitals inside (iPhone, GitHub, KakaoTalk, OpenAI) is
 *   read by its last part: Phone, Hub, Talk; trailing capitals (OpenAI,
 *   iOS) are an acronym.
 *
 *   English words and names follow the loanword rules (외래어 표기법,
 *   제3장 제1절) as people write them after names:
 *
 *     m, n, ng, mb          a consonant     Kim 킴, Wilson 윌슨, Jung 정,
 *                                           Lamb 램
 *     l, le                 ㄹ               Paul 폴, Apple 애플, Google 구글
 *     -ne, -me after a      a consonant     Jane 제인, iPhone 아이폰, Anne 앤,
 *     vowel (silent e)                      game 게임 (but Daphne, Acme)
 *     k, ck, c, p, b, t     a consonant     Jack 잭, Nick 닉, Bob 밥, Mac 맥,
 *     after a short vowel                   app 앱, Matt 맷, Slack 슬랙
 *     (one vowel letter, a doubled          (Korean romanisation too:
 *     consonant, or oo ou eo ae eu io ia)   Kwak 곽, Baek 백, Minseok 민석,
 *                                           book 북, about 어바웃)
 *     the same after r, another consonant   Mark 마크, Robert 로버트,
 *     or a long vowel (ee ea oa ai …)       desk 데스크, Kate 케이트, Jeep 지프
 *     every other ending    a vowel         Gina 지나, Ted 테드, Steve 스티브,
 *                                           James 제임스, Lee 이, Naver 네이버
 *
 * The `words` table holds what the rules get wrong and people often
 * write: Park 박 (the surname, not 파크), Hub 허브 (GitHub), Talk 톡
 * (KakaoTalk), big 빅.  What no rule can know a record says with
 * `readings:` (template.c), which reads the word as the Hangul given.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "josa.h"

enum coda {
	CODA_NONE,	/* ends in a vowel */
	CODA_RIEUL,	/* ends in ㄹ */
	CODA_OTHER,	/* ends in any other consonant */
};

static const struct josa {
	const char	*with;		/* after a consonant */
	const char	*without;	/* after a vowel */
	bool		 rieul_as_vowel;/* ㄹ takes the vowel form */
} josa_table[] = {
	{ "과", "와", false },
	{ "아", "야", false },
	{ "으로", "로", true },
	{ "은", "는", false },
	{ "을", "를", false },
	{ "이", "가", false },
	{ "이나", "나", false },
	{ "이랑", "랑", false },
	{ "이에요", "예요", false },
};

#define NJOSA	(sizeof(josa_table) / sizeof(josa_table[0]))

/* A symbol read aloud, sorted by code point. */
static const struct symbol {
	gunichar	 c;
	const char	*reading;
	enum coda	 coda;
	bool		 currency;	/* also read when written before a
					   number: $10 십 달러 */
} symbols[] = {
	{ '#', "샵", CODA_OTHER, false },
	{ '$', "달러", CODA_RIEUL, true },
	{ '%', "퍼센트", CODA_NONE, false },
	{ '+', "플러스", CODA_NONE, false },
	{ 0x00A3, "파운드", CODA_NONE, true },		/* £ */
	{ 0x00A5, "엔", CODA_OTHER, true },		/* ¥ */
	{ 0x00B0, "도", CODA_NONE, false },		/* ° */
	{ 0x2030, "퍼밀", CODA_RIEUL, false },		/* ‰ */
	{ 0x20A9, "원", CODA_OTHER, true },		/* ₩ */
	{ 0x20AC, "유로", CODA_NONE, true },		/* € */
	{ 0x2103, "도", CODA_NONE, false },		/* ℃ */
	{ 0x2109, "도", CODA_NONE, false },		/* ℉ */
	{ 0x338F, "킬로그램", CODA_OTHER, false },	/* ㎏ */
	{ 0x339C, "밀리미터", CODA_NONE, false },	/* ㎜ */
	{ 0x339D, "센티미터", CODA_NONE, false },	/* ㎝ */
	{ 0x339E, "킬로미터", CODA_NONE, false },	/* ㎞ */
	{ 0x33A1, "제곱미터", CODA_NONE, false },	/* ㎡ */
};

/*
 * Units after a number, as written (case matters: mB is no unit),
 * sorted by strcmp.  One-letter units count only right after a digit
 * (5m, not "5 m"), where a letter alone would read by its name.
 */
static const struct unit {
	const char	*unit;
	const char	*reading;
	enum coda	 coda;
} units[] = {
	{ "A", "암페어", CODA_NONE },
	{ "B", "바이트", CODA_NONE },
	{ "GB", "기가바이트", CODA_NONE },
	{ "GHz", "기가헤르츠", CODA_NONE },
	{ "Hz", "헤르츠", CODA_NONE },
	{ "KB", "킬로바이트", CODA_NONE },
	{ "L", "리터", CODA_NONE },
	{ "MB", "메가바이트", CODA_NONE },
	{ "MHz", "메가헤르츠", CODA_NONE },
	{ "TB", "테라바이트", CODA_NONE },
	{ "V", "볼트", CODA_NONE },
	{ "W", "와트", CODA_NONE },
	{ "cal", "칼로리", CODA_NONE },
	{ "cm", "센티미터", CODA_NONE },
	{ "g", "그램", CODA_OTHER },
	{ "h", "시간", CODA_OTHER },
	{ "kB", "킬로바이트", CODA_NONE },
	{ "kW", "킬로와트", CODA_NONE },
	{ "kcal", "킬로칼로리", CODA_NONE },
	{ "kg", "킬로그램", CODA_OTHER },
	{ "km", "킬로미터", CODA_NONE },
	{ "l", "리터", CODA_NONE },
	{ "m", "미터", CODA_NONE },
	{ "mAh", "밀리암페어시", CODA_NONE },
	{ "mL", "밀리리터", CODA_NONE },
	{ "mg", "밀리그램", CODA_OTHER },
	{ "min", "분", CODA_OTHER },
	{ "ml", "밀리리터", CODA_NONE },
	{ "mm", "밀리미터", CODA_NONE },
	{ "ms", "밀리초", CODA_NONE },
	{ "nm", "나노미터", CODA_NONE },
	{ "pt", "포인트", CODA_NONE },
	{ "px", "픽셀", CODA_RIEUL },
	{ "s", "초", CODA_NONE },
	{ "sec", "초", CODA_NONE },
	{ "t", "톤", CODA_OTHER },
	{ "x", "배", CODA_NONE },
};

/*
 * Words the rules read wrong, lower case, sorted: Korean surnames
 * written with a final k (박 백 곽 석 육 국: also in capitals, where
 * they would read as letters), and loanwords whose usual spelling
 * in Hangul is not the rule's.
 */
static const struct word {
	const char	*word;
	const char	*reading;
	enum coda	 coda;
} words[] = {
	{ "anime", "애니메", CODA_NONE },
	{ "baek", "백", CODA_OTHER },
	{ "baik", "백", CODA_OTHER },
	{ "big", "빅", CODA_OTHER },
	{ "github", "깃허브", CODA_NONE },
	{ "group", "그룹", CODA_OTHER },
	{ "hub", "허브", CODA_NONE },
	{ "kook", "국", CODA_OTHER },
	{ "kwak", "곽", CODA_OTHER },
	{ "paik", "백", CODA_OTHER },
	{ "park", "박", CODA_OTHER },
	{ "scout", "스카우트", CODA_NONE },
	{ "seok", "석", CODA_OTHER },
	{ "soup", "수프", CODA_NONE },
	{ "talk", "톡", CODA_OTHER },
	{ "yook", "육", CODA_OTHER },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Letter names: A 에이 … Z 제트 (지); L 엘 and R 알 end in ㄹ, M 엠 and
 * N 엔 in another consonant, all the others in a vowel. */
static enum coda
letter_coda(char c)
{
	c = g_ascii_toupper(c);
	if (c == 'L' || c == 'R')
		return CODA_RIEUL;
	return c == 'M' || c == 'N' ? CODA_OTHER : CODA_NONE;
}

static const struct symbol *
symbol_find(gunichar c)
{
	size_t lo = 0, hi = NELEM(symbols);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (symbols[mid].c == c)
			return &symbols[mid];
		if (symbols[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct unit *
unit_find(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NELEM(units); i++)
		if (strlen(units[i].unit) == n &&
		    memcmp(units[i].unit, s, n) == 0)
			return &units[i];
	return NULL;
}

static const struct word *
word_find(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NELEM(words); i++)
		if (strlen(words[i].word) == n &&
		    g_ascii_strncasecmp(words[i].word, s, n) == 0)
			return &words[i];
	return NULL;
}

static bool
is_vowel(char c)
{
	c = g_ascii_tolower(c);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static enum coda
digit_coda(const char *start, const char *end)
{
	/* Reading of the last digit, 0..9: 영 일 이 삼 사 오 육 칠 팔 구. */
	static const enum coda digits[10] = {
		CODA_OTHER, CODA_RIEUL, CODA_NONE, CODA_OTHER, CODA_NONE,
		CODA_NONE, CODA_OTHER, CODA_RIEUL, CODA_RIEUL, CODA_NONE,
	};
	/* Trailing zeros: 십 백 천 만. */
	static const enum coda powers[5] = {
		CODA_NONE, CODA_OTHER, CODA_OTHER, CODA_OTHER, CODA_OTHER,
	};
	const char *p = end;
	int zeros = 0;

	while (p > start && p[-1] == '0') {
		p--;
		zeros++;
	}
	if (p == start || !g_ascii_isdigit(p[-1]))
		return CODA_OTHER;	/* "0" alone: 영 */
	if (zeros == 0)
		return digits[p[-1] - '0'];
	return powers[zeros > 4 ? 4 : zeros];
}

/* A number ending at end: by a currency sign before it ($10 십 달러),
 * else by its digits. */
static enum coda
number_coda(const char *start, const char *end)
{
	const char *p = end;
	const struct symbol *sym;

	while (p > start && (g_ascii_isdigit(p[-1]) || p[-1] == ',' ||
	    p[-1] == '.' || p[-1] == ' '))
		p--;
	if (p > start) {
		sym = symbol_find(g_utf8_get_char(g_utf8_find_prev_char(start,
		    p)));
		if (sym != NULL && sym->currency)
			return sym->coda;
	}
	return digit_coda(start, end);
}

/*
 * Whether a final stop (b, c, k, p, t: the last letter of s) follows
 * a short vowel, and so is written as 받침 (Jack 잭, Bob 밥, Matt 맷)
 * rather than with 으 (Mark 마크, Kate 케이트, Jeep 지프).
 */
static bool
short_stop(const char *s, size_t n)
{
	static const char *const short_pairs[] = {
		"ae", "eo", "eu", "ia", "io", "oo", "ou",
	};
	char a = g_ascii_tolower(s[n - 1]);
	char v = n >= 2 ? g_ascii_tolower(s[n - 2]) : '\0';
	char u = n >= 3 ? g_ascii_tolower(s[n - 3]) : '\0';
	size_t i;

	if (v == a || (a == 'k' && v == 'c'))
		return true;		/* Matt, app, Webb; Jack, Nick */
	if (!is_vowel(v))
		return false;		/* Mark, desk, Robert */
	if (!is_vowel(u))
		return true;		/* one vowel letter: Bob, Kwak */
	for (i = 0; i < NELEM(short_pairs); i++)
		if (short_pairs[i][0] == u && short_pairs[i][1] == v)
			return true;	/* book 북, Baek 백 */
	return false;			/* Jeep, boat, wait */
}

/* An English word or a romanised Korean one, read aloud (see the top). */
static enum coda
english_coda(const char *s, size_t n)
{
	const struct word *w = word_find(s, n);
	char a = g_ascii_tolower(s[n - 1]);
	char b = n >= 2 ? g_ascii_tolower(s[n - 2]) : '\0';
	char c = n >= 3 ? g_ascii_tolower(s[n - 3]) : '\0';

	if (w != NULL)
		return w->coda;
	switch (a) {
	case 'l':
		return CODA_RIEUL;
	case 'm':
	case 'n':
		return CODA_OTHER;
	case 'g':
		return b == 'n' ? CODA_OTHER : CODA_NONE;
	case 'e':
		/* Silent e: Apple 애플, Jane 제인, game 게임; Daphne 대프니. */
		if (b == 'l')
			return CODA_RIEUL;
		if ((b == 'n' || b == 'm') && (is_vowel(c) || c == 'y' ||
		    c == b || (b == 'n' && c == 'r')))
			return CODA_OTHER;
		return CODA_NONE;
	case 'b':
		if (b == 'm')
			return CODA_OTHER;	/* lamb 램, climb 클라임 */
		/* FALLTHROUGH */
	case 'c':
	case 'k':
	case 'p':
	case 't':
		return short_stop(s, n) ? CODA_OTHER : CODA_NONE;
	default:
		return CODA_NONE;
	}
}

static bool
all_upper(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!g_ascii_isupper(s[i]))
			return false;
	return true;
}

/* Capitals: a word of the table, a word ending in a vowel and NG
 * (JUNG, SAMSUNG), else letter by letter (HR 에이치알, SQL 에스큐엘). */
static enum coda
caps_coda(const char *s, size_t n)
{
	const struct word *w = word_find(s, n);

	if (w != NULL)
		return w->coda;
	if (n >= 4 && s[n - 1] == 'G' && s[n - 2] == 'N' && is_vowel(s[n - 3]))
		return CODA_OTHER;
	return letter_coda(s[n - 1]);
}

/* A run of Latin letters [s, end) in word: a unit, an acronym or a
 * word, by its last part. */
static enum coda
latin_coda(const char *word, const char *s, const char *end)
{
	size_t n = (size_t)(end - s);
	const struct unit *u;
	const char *t;

	/* After a number: 10km, 5 kg; after a degree sign: °C. */
	if (s > word && g_ascii_isdigit(s[-1]) &&
	    (u = unit_find(s, n)) != NULL)
		return u->coda;
	if (n >= 2 && s - word >= 2 && s[-1] == ' ' &&
	    g_ascii_isdigit(s[-2]) && (u = unit_find(s, n)) != NULL)
		return u->coda;
	if (n == 1 && s - word >= 2 && memcmp(s - 2, "°", 2) == 0 &&
	    (*s == 'C' || *s == 'F'))
		return CODA_NONE;
	if (n == 1)
		return letter_coda(*s);
	if (all_upper(s, n))
		return caps_coda(s, n);
	if (word_find(s, n) != NULL)
		return word_find(s, n)->coda;
	/* Trailing capitals after small letters: OpenAI, iOS, PhD. */
	for (t = end; t > s + 1 && g_ascii_isupper(t[-1]); t--)
		;
	if (t < end)
		return caps_coda(t, (size_t)(end - t));
	/* Capitals inside: the last part (iPhone → Phone, GitHub → Hub). */
	for (t = end - 1; t > s && !g_ascii_isupper(*t); t--)
		;
	return english_coda(t, (size_t)(end - t));
}

static enum coda
word_coda(const char *word)
{
	const char *end = word + strlen(word);

	/* Skip closing punctuation, quotes and spaces at the end. */
	while (end > word) {
		const char *prev = g_utf8_find_prev_char(word, end);
		gunichar c = g_utf8_get_char(prev);
		const struct symbol *sym;

		if (c >= 0xAC00 && c <= 0xD7A3) {
			int jong = (int)((c - 0xAC00) % 28);

			return jong == 0 ? CODA_NONE :
			    jong == 8 ? CODA_RIEUL : CODA_OTHER;
		}
		if (c < 0x80 && g_ascii_isdigit((char)c))
			return number_coda(word, end);
		if (c < 0x80 && g_ascii_isalpha((char)c)) {
			const char *s = end;

			while (s > word && g_ascii_isalpha(s[-1]))
				s--;
			return latin_coda(word, s, end);
		}
		if ((sym = symbol_find(c)) != NULL)
			return sym->coda;
		end = prev;
	}
	return CODA_NONE;
}

static const struct josa *
find(const char *particle)
{
	char first[32];
	const char *slash = strchr(particle, '/');
	size_t i, n = slash ? (size_t)(slash - particle) : strlen(particle);

	if (n >= sizeof(first))
		return NULL;
	memcpy(first, particle, n);
	first[n] = '\0';
	for (i = 0; i < NJOSA; i++) {
		const struct josa *j = &josa_table[i];

		if (strcmp(first, j->with) != 0 &&
		    strcmp(first, j->without) != 0)
			continue;
		if (slash == NULL)
			return j;
		if (strcmp(slash + 1, strcmp(first, j->with) == 0 ?
		    j->without : j->with) == 0)
			return j;
	}
	return NULL;
}

bool
josa_is_known(const char *s)
{
	return find(s) != NULL;
}

const char *
josa_pick(const char *word, const char *particle)
{
	const struct josa *j = find(particle);
	enum coda c;

	if (j == NULL)
		return NULL;
	c = word_coda(word);
	if (c == CODA_NONE || (c == CODA_RIEUL && j->rieul_as_vowel))
		return j->without;
	return j->with;
}

bool
josa_is_reading(const char *s)
{
	bool syllable = false;

	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if (c >= 0xAC00 && c <= 0xD7A3)
			syllable = true;
		else if (c != ' ')
			return false;
	}
	return syllable;
}
