/*
 * Particle agreement.  A particle's form depends on whether the word
 * before it ends in a consonant (받침):
 *
 *     Wilson이   Gina가   서울로 (ㄹ takes the vowel form of 으로/로)
 *
 * Hangul: the last syllable decides; (c - 0xAC00) % 28 is its final
 * consonant, 0 for none, 8 for ㄹ.
 *
 * Latin letters and digits are read aloud in Korean, so the reading
 * decides.  Digits: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔,
 * 9 구; trailing zeros read as 십, 백, 천, 만 (10 십, 200 이백).  Latin
 * words: ending in m, n, ng or l read with a final consonant (Kim 킴,
 * Wilson 윌슨, Jwoong 중, Paul 폴; l as ㄹ), as does a final "le"
 * (Apple 애플); every other ending reads as a vowel (Gina 지나, Ted
 * 테드, Mark 마크).  A word ending in anything else (punctuation, a
 * symbol) is read by the last letter or digit before it.
 */
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

static enum coda
latin_coda(const char *start, const char *end)
{
	size_t n = (size_t)(end - start);
	char a = g_ascii_tolower(end[-1]);
	char b = n >= 2 ? g_ascii_tolower(end[-2]) : '\0';

	if (a == 'l')
		return CODA_RIEUL;
	if (a == 'e' && b == 'l')
		return CODA_RIEUL;
	if (a == 'm' || a == 'n' || (a == 'g' && b == 'n'))
		return CODA_OTHER;
	return CODA_NONE;
}

static enum coda
word_coda(const char *word)
{
	const char *end = word + strlen(word);

	/* Skip closing punctuation, quotes and spaces at the end. */
	while (end > word) {
		const char *prev = g_utf8_find_prev_char(word, end);
		gunichar c = g_utf8_get_char(prev);

		if (c >= 0xAC00 && c <= 0xD7A3) {
			int jong = (int)((c - 0xAC00) % 28);

			return jong == 0 ? CODA_NONE :
			    jong == 8 ? CODA_RIEUL : CODA_OTHER;
		}
		if (c < 0x80 && g_ascii_isdigit((char)c))
			return digit_coda(word, end);
		if (c < 0x80 && g_ascii_isalpha((char)c)) {
			const char *s = end;

			while (s > word && g_ascii_isalpha(s[-1]))
				s--;
			return latin_coda(s, end);
		}
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
