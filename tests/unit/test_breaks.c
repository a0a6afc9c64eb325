/*
 * Unit tests for breaks.c (and the word splitting of text.c): where a
 * paragraph laid out by text_layout() breaks, swept over box widths in
 * both breaking modes, for the rules a Korean reader notices: no-break
 * spaces, dates, the marks Korean keyboards make, URLs, and a closing
 * quote with the particle after it.  Each test names the fixture, mode,
 * width and the two lines around a bad break.
 *
 * Runs from the repository root, for the bundled fonts in "fonts".
 */
#include <math.h>

#include <glib.h>
#include <pango/pango.h>

#include "breaks.h"
#include "fonts.h"
#include "style.h"
#include "text.h"
#include "testfonts.h"

#define W_MIN	40.0	/* [pt] the sweep's box widths */
#define W_MAX	480.0
#define W_STEP	3.0

/* One layout: its lines' starts as bytes of the source text. */
struct lines {
	const char	*text;
	double		 width;
	enum wordbreak	 mode;
	int		 n;
	size_t		 start[64];
	double		 line_width[64];	/* [pt] */
};

static struct style
style_for(enum wordbreak mode)
{
	struct style s = style_default;

	s.wordbreak = mode;
	return s;
}

static void
lay_out(const struct group *g, const char *text, double width,
    enum wordbreak mode, struct lines *out)
{
	struct style s = style_for(mode);
	PangoLayout *l = text_layout(g->ctx, &s, text, width, NULL);
	GSList *it;

	out->text = text;
	out->width = width;
	out->mode = mode;
	out->n = 0;
	for (it = pango_layout_get_lines_readonly(l); it != NULL;
	    it = it->next) {
		PangoLayoutLine *line = it->data;
		PangoRectangle log;

		assert_true(out->n < 64);
		pango_layout_line_get_extents(line, NULL, &log);
		out->start[out->n] = (size_t)text_source_index(l, text,
		    line->start_index);
		out->line_width[out->n] = log.width / (double)PANGO_SCALE;
		out->n++;
	}
	g_object_unref(l);
}

static double
natural_width(const struct group *g, const char *text, size_t len)
{
	struct text_metrics m;
	char *t = g_strndup(text, len);
	PangoLayout *l = text_layout(g->ctx, &style_default, t, 0, &m);

	g_object_unref(l);
	g_free(t);
	return m.width;
}

/* The lines around the break before line i, for a message. */
static char *
around(const struct lines *ls, int i)
{
	size_t a = ls->start[i - 1], b = ls->start[i];
	size_t e = i + 1 < ls->n ? ls->start[i + 1] : strlen(ls->text);

	return g_strdup_printf("%s, width %gpt, line %d:\n    [%.*s]\n    "
	    "[%.*s]", ls->mode == BREAK_KEEP_ALL ? "keep-all" : "normal",
	    ls->width, i + 1, (int)(b - a), ls->text + a, (int)(e - b),
	    ls->text + b);
}

static gunichar
char_before(const char *text, size_t i)
{
	return i == 0 ? 0 : g_utf8_get_char(g_utf8_prev_char(text + i));
}

static bool
is_no_break(gunichar c)
{
	return c == 0x00A0 || c == 0x202F || c == 0x2060;
}

/*
 * 1. No line breaks next to a no-break space (U+00A0, U+202F) or a
 * word joiner (U+2060), in either mode, at any width: the pieces they
 * join move as one, even where they must be split elsewhere.
 */
static void
test_no_break_spaces(void **state)
{
	static const char text[] =
	    "이번 달 지원금은 월\u00a0300만\u00a0원이고 회사는 "
	    "Kakao\u00a0Brain입니다. 발표는 2021.\u00a07.\u00a020.에 "
	    "있고 좁은\u202f간격과 단어\u2060잇기도 쓴다. 긴 말은 "
	    "가나다라마바사아자차카타파하가나다라마바사\u00a0아자차카타파하"
	    "가나다라마바사아자차카타파하\u2060가나다라마바사 끝.";
	const struct group *g = *state;
	int mode, i;
	double w;

	for (mode = 0; mode < 2; mode++)
		for (w = W_MIN; w <= W_MAX; w += W_STEP) {
			struct lines ls;

			lay_out(g, text, w, mode ? BREAK_NORMAL :
			    BREAK_KEEP_ALL, &ls);
			for (i = 1; i < ls.n; i++) {
				size_t b = ls.start[i];

				if (is_no_break(char_before(text, b)) ||
				    is_no_break(g_utf8_get_char(text + b)))
					fail_msg("a break at a no-break space: "
					    "%s", around(&ls, i));
			}
		}
}

/*
 * 2. A date written 2021. 7. 20. (a year of four digits, a month 1-12,
 * a day 1-31, each with its point and a space) stays on one line, with
 * a weekday in brackets right after it (without the year only with
 * one: "7. 26.(월)"), in a box it fits; "3. 다음", "7. 26." alone,
 * "2021. 13. 5." and "12. 7. 3." are no dates and may break.
 */
static const char date_text[] =
    "접수 기간은 2021. 7. 1.(목)부터 2021. 12. 31.까지이며 결과는 "
    "2022. 1. 20. 오전에 나옵니다. 면접은 7. 26.(월)부터 합니다.";
static const char *const dates[] = {
	"2021. 7. 1.(목)", "2021. 12. 31.", "2022. 1. 20.", "7. 26.(월)",
};

static void
test_dates(void **state)
{
	const struct group *g = *state;
	size_t k;
	int mode, i;
	double w;

	for (mode = 0; mode < 2; mode++)
		for (w = W_MIN; w <= W_MAX; w += W_STEP) {
			struct lines ls;

			lay_out(g, date_text, w, mode ? BREAK_NORMAL :
			    BREAK_KEEP_ALL, &ls);
			for (k = 0; k < sizeof(dates) / sizeof(dates[0]); k++) {
				const char *d = strstr(date_text, dates[k]);
				size_t a = (size_t)(d - date_text);
				size_t e = a + strlen(dates[k]);

				assert_non_null(d);
				if (natural_width(g, d, e - a) > w)
					continue;
				for (i = 1; i < ls.n; i++)
					if (ls.start[i] > a && ls.start[i] < e)
						fail_msg("a date split: %s",
						    around(&ls, i));
			}
		}
}

/* Whether some width splits text right before its word at. */
static bool
ever_breaks_before(const struct group *g, const char *text,
    const char *at, enum wordbreak mode)
{
	size_t b = (size_t)(strstr(text, at) - text);
	double w;
	int i;

	for (w = W_MIN; w <= W_MAX; w += 1) {
		struct lines ls;

		lay_out(g, text, w, mode, &ls);
		for (i = 1; i < ls.n; i++)
			if (ls.start[i] == b)
				return true;
	}
	return false;
}

static void
test_not_dates(void **state)
{
	const struct group *g = *state;
	static const char *const cases[][2] = {
		{ "우리 팀은 올해 순위가 3. 다음 해에는 1. 그렇게 올랐다.",
		    "다음 해에는" },
		{ "점수표의 값은 2021. 13. 5. 그리고 다른 값이다.", "13. 5." },
		{ "점수표의 값은 2021. 12. 32. 그리고 다른 값이다.", "32." },
		{ "목록의 번호는 12. 7. 3. 그리고 다른 번호이다.", "7. 3." },
		{ "순서는 7. 26. 그리고 다른 번호이다.", "26." },
	};
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		if (!ever_breaks_before(g, cases[k][0], cases[k][1],
		    BREAK_KEEP_ALL))
			fail_msg("no width breaks before '%s' in '%s'",
			    cases[k][1], cases[k][0]);
}

/*
 * 3. The marks Korean keyboards make and klreq forbids at a line's
 * start (～ ― ㆍ, the ditto mark, the prolonged sound mark, small kana)
 * never start one, set solid or after a space.
 */
static void
test_line_start_marks(void **state)
{
	static const char text[] =
	    "오전 아홉시～열한시 그리고 오후 두시 ～ 다섯시, 그는―아마도―"
	    "옳았다. 사과ㆍ배ㆍ귤 세 가지 ㆍ 그리고 ―― 끝, 위와 같음 〃 표시, "
	    "ラーメン 한 그릇, キャッツ 공연과 ゝ 표시, 〃〃 끝.";
	static const gunichar head[] = {
		0x2015, 0x3003, 0x3005, 0x3041, 0x3063, 0x30A1, 0x30C3, 0x30E3,
		0x30FC, 0x318D, 0xFF5E, 0xFF63, 0xFF70,
	};
	static const gunichar end[] = { 0xFF62 };
	const struct group *g = *state;
	int mode, i;
	size_t k;
	double w;

	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		if (!breaks_no_head(head[k]))
			fail_msg("U+%04X may start a line", head[k]);
	for (k = 0; k < sizeof(end) / sizeof(end[0]); k++)
		if (!breaks_no_end(end[k]))
			fail_msg("U+%04X may end a line", end[k]);
	for (mode = 0; mode < 2; mode++)
		for (w = W_MIN; w <= W_MAX; w += W_STEP) {
			struct lines ls;

			lay_out(g, text, w, mode ? BREAK_NORMAL :
			    BREAK_KEEP_ALL, &ls);
			for (i = 1; i < ls.n; i++) {
				const char *p = text + ls.start[i];

				while (*p == ' ')
					p++;
				if (breaks_no_head(g_utf8_get_char(p)))
					fail_msg("a line starts with U+%04X: %s",
					    g_utf8_get_char(p), around(&ls, i));
			}
		}
}

/*
 * 4. A URL breaks after / - ? & . = _ # (never inside "://") in a box
 * where each piece between those fits; in a narrower box a piece is
 * split between characters, and no line passes the box.
 */
static const char url_text[] =
    "자세한 내용은 https://www.kakaobrain.com/careers/intern-program"
    "?lang=ko&page=2#apply_now 에서 확인하세요.";

static bool
is_url_break(const char *text, size_t b)
{
	gunichar c = char_before(text, b);

	if (c == '/' && g_utf8_get_char(text + b) == '/')
		return false;
	return c == '/' || c == '-' || c == '?' || c == '&' || c == '.' ||
	    c == '=' || c == '_' || c == '#' || c == ' ';
}

static void
test_url(void **state)
{
	const struct group *g = *state;
	const char *url = strstr(url_text, "https");
	size_t a = (size_t)(url - url_text);
	size_t e = (size_t)(strstr(url_text, " 에서") - url_text);
	int mode, i;
	double w;

	/* "kakaobrain." and "intern-" are the widest pieces: ~60pt. */
	for (mode = 0; mode < 2; mode++)
		for (w = 80; w <= W_MAX; w += W_STEP) {
			struct lines ls;

			lay_out(g, url_text, w, mode ? BREAK_NORMAL :
			    BREAK_KEEP_ALL, &ls);
			for (i = 1; i < ls.n; i++)
				if (ls.start[i] > a && ls.start[i] < e &&
				    !is_url_break(url_text, ls.start[i]))
					fail_msg("a URL split inside a piece: "
					    "%s", around(&ls, i));
		}
	for (w = 20; w < 80; w += 1) {
		struct lines ls;

		lay_out(g, url_text, w, BREAK_KEEP_ALL, &ls);
		for (i = 0; i < ls.n; i++)
			if (ls.line_width[i] > w + 0.5)
				fail_msg("width %gpt: line %d is %.1fpt wide",
				    w, i + 1, ls.line_width[i]);
	}
}

/*
 * 5. "‘…하는구나!’ 라고 생각했어요.": the particle after a closing quote
 * and a space never starts a line (curly or straight quotes).
 */
static void
test_quote_particle(void **state)
{
	static const char *const texts[] = {
		/* data/interns.yaml: wilson's and jwoong's stories. */
		"인턴을 시작하자 마자 '역시 라이언 전무가 있는 곳은 다르구나' "
		"라고 생각했어요. AI 연구를 위한 풍족한 인프라는 물론 뛰어난 "
		"인재, 사내에서 상시로 열리는 기술 공유 세미나 ‘미니컨'에서 "
		"공유되는 수많은 정보를 접해보고, ‘AI 계에서 제대로 플렉스 "
		"하는구나!’ 라고 생각했어요.",
		"카카오브레인 인턴생활을 하며 ‘여기는 비행기 내부와 비슷하구나' "
		"라고 생각했어요.",
		"그는 “정말 좋은 곳이다” 라며 웃었고 “여기가 바로 그곳” 이라는 "
		"말과 \"좋아요\" 하고 답한 뒤 “고맙습니다” 고 했다.",
	};
	static const char *const particles[] = {
		"라고", "이라고", "하고", "라는", "이라는", "라며", "고 ",
	};
	const struct group *g = *state;
	size_t t, k;
	int mode, i;
	double w;

	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
		for (mode = 0; mode < 2; mode++)
			for (w = 100; w <= W_MAX; w += W_STEP) {
				struct lines ls;

				lay_out(g, texts[t], w, mode ? BREAK_NORMAL :
				    BREAK_KEEP_ALL, &ls);
				for (i = 1; i < ls.n; i++) {
					size_t b = ls.start[i];
					gunichar q;

					while (b > 0 && texts[t][b - 1] == ' ')
						b--;
					q = char_before(texts[t], b);
					if (b == ls.start[i] || (q != 0x2019 &&
					    q != 0x201D && q != '\'' &&
					    q != '"'))
						continue;
					for (k = 0; k < sizeof(particles) /
					    sizeof(particles[0]); k++)
						if (strncmp(texts[t] +
						    ls.start[i], particles[k],
						    strlen(particles[k])) == 0)
							fail_msg("a particle "
							    "after a quote "
							    "starts a line: %s",
							    around(&ls, i));
				}
			}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_break_spaces),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_line_start_marks),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_quote_particle),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
