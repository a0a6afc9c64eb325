/*
 * Unit tests for text.c and breaks.c: Korean line breaking (keep-all
 * and normal) swept over box widths, then line height, letter spacing,
 * indent and alignment.
 *
 * The sweep lays every fixture out at every box width from 40pt to
 * 400pt in steps of 3pt, in both breaking modes, once, in the group
 * setup; each rule test then reports what the sweep found for its rule
 * (fixture, mode, width, line, and the two lines around a bad break):
 *
 *   1  no line but the first starts with a breaks_no_head() character
 *      or a closing straight quote (leading spaces skipped);
 *   2  no line but the last ends with a breaks_no_end() character or
 *      an opening straight quote (trailing spaces skipped);
 *   3  no break inside a digit run with its $ % , . or in "……", "——";
 *   4  keep-all: no break inside a word that fits the box, unless the
 *      marks rules 1 and 2 bind to it across a space make it too wide;
 *   5  no line wider than the box + 0.5pt, unless the line is one unit
 *      of rule 3 that is itself wider than the box ("1,000,000" is
 *      46pt: rule 3 wins in a 40pt box);
 *      and no line but the first starts with a space (a break before a
 *      space instead of after it).
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
#define TESTFONTS_OWN_GROUP	/* with the sweep's counts */
#include "testfonts.h"

#define W_MIN		40.0	/* [pt] the sweep's box widths */
#define W_MAX		400.0
#define W_STEP		3.0
#define SLACK		0.5	/* [pt] a line may pass its box by this */
#define MAX_SHOWN	2	/* violations described per rule, fixture
				   and mode */

struct fixture {
	const char	*name;
	const char	*text;
	bool		 sample;	/* a real paragraph (rule 6) */
};

static const struct fixture fixtures[] = {
	{ "curly quotes",
	    "그는 “안녕하세요, 반갑습니다”라고 말했고 ‘미니컨퍼런스’에서 "
	    "만난 ‘라이언’이 “정말요?” 하고 되물었다. 그가 “ 인용 ” 하고 "
	    "띄어 쓴 ‘ 따옴표 ’도 있다." },
	{ "straight quotes",
	    "인턴을 시작하자 마자 '역시 라이언 전무가 있는 곳은 다르구나' "
	    "라고 생각했어요. 그는 \"좋아요\"라고 말했고 \"정말 그랬다\" "
	    "하고 '미니컨'에서 다시 말했다." },
	{ "brackets",
	    "회의 (오후 세 시) 자료는 「연구 보고서」와 《인공지능의 미래》 "
	    "그리고 [부록]을 참고하세요(필수). 『전집』과 〈단편〉도 "
	    "{선택} 목록에 있습니다." },
	{ "marks",
	    "사과·배·귤 세 가지: 첫째; 둘째. 셋째, 넷째? 다섯째! 정말 "
	    "그렇습니다 · 가나다 : 라마바 ; 사아자 . 차카타 , 파하 ? "
	    "가나 ! 끝입니다." },
	{ "dashes",
	    "그것은 — 적어도 내 생각에는 — 옳았다. 서울‐부산 구간, 오전 "
	    "아홉시〜열한시, 가나다라—마바사 그리고 가나-다라 연결 〜 끝." },
	{ "digits",
	    "2021년 여름 인턴은 $1,000 지원금과 35% 할인을 받고 성능은 "
	    "3.5배 좋아졌으며 상금은 1,000,000원입니다. 다시 2021년, "
	    "$1,000, 35%, 3.5배, 1,000,000원." },
	{ "ellipsis and dash runs",
	    "그래서…… 우리는 기다렸다—— 그리고 또…… 기다렸다. 말없이 "
	    "—— 조용히 …… 끝까지 기다렸다……." },
	{ "latin words",
	    "Neuro-Symbolic AI팀에서 Flex를 느꼈어요. Large Scale팀과 "
	    "Representation Learning팀, UNIST AI대학원 Vision&Learning "
	    "연구실의 Flex를 보세요." },
	{ "hanja",
	    "韓國語 文章을 漢字와 함께 쓰면 意味가 分明해진다고 하는 "
	    "사람도 있다." },
	{ "over-long word",
	    "가나다라마바사아자차카타파하가나다라마바사아자차카타파하" },
	{ "over-long word in text",
	    "짧은 말 가나다라마바사아자차카타파하가나다라마바사아자차카타파하"
	    " 다음 말." },
	/* data/interns.yaml, verbatim: gina, wilson and jwoong stories. */
	{ "gina story 1",
	    "사내에서 상시로 열리는 기술 공유 세미나 ‘미니컨퍼런스’ 시간을 "
	    "통해 CEO와 이야기하고 의견을 나눠본다던가 하는 것이 "
	    "신선했어요. 다른 연구자들의 발표를 듣다 보면 업계 지식도 늘고 "
	    "자극이 되기도 하더라고요.", true },
	{ "wilson story 1",
	    "인턴을 시작하자 마자 '역시 라이언 전무가 있는 곳은 다르구나' "
	    "라고 생각했어요. AI 연구를 위한 풍족한 인프라는 물론 뛰어난 "
	    "인재, 사내에서 상시로 열리는 기술 공유 세미나 ‘미니컨'에서 "
	    "공유되는 수많은 정보를 접해보고, ‘AI 계에서 제대로 플렉스 "
	    "하는구나!’ 라고 생각했어요.", true },
	{ "jwoong story 2",
	    "연구원들과 함께 일하고 대화하면서 많은 것을 느꼈습니다. 의견이 "
	    "충돌되더라도 누구 하나 흥분하지 않고 토의를 이어나가며 최고의 "
	    "결과를 도출해 내는 것을 보고 인품과 실력이 함께 만났을 때의 "
	    "최종 결과물을 확인한 느낌이였습니다. 한꺼번에 진행되는 수많은 "
	    "연구를 모두 팔로우하고 매니징하는 Sam 팀장의 모습도 배우고 "
	    "싶었어요.", true },
};

#define NFIXTURES	(sizeof(fixtures) / sizeof(fixtures[0]))

enum rule {
	R_HEAD,		/* 1: no forbidden line head */
	R_END,		/* 2: no forbidden line end */
	R_UNIT,		/* 3: numbers, "……", "——" whole */
	R_WORD,		/* 4: keep-all keeps words that fit */
	R_WIDTH,	/* 5: no line wider than its box */
	R_SPACE,	/* no line but the first starts with a space */
	R__MAX
};

static const char *const rule_name[R__MAX] = {
	"forbidden line head", "forbidden line end", "split number or run",
	"break inside a word that fits", "line wider than its box",
	"line starts with a space",
};

/*
 * A space-delimited word of a fixture, its width laid out alone, and
 * the width of its klreq unit: the word with the neighbours that rules
 * 1 and 2 bind to it across a space, as in "그렇습니다 ·" (a mark that
 * may not start a line) or "“ 인용" (one that may not end a line).
 * When even the unit is wider than the box, no breaking satisfies
 * rules 1, 2 and 4 together, and a break inside the word is allowed.
 */
struct word {
	size_t	 start, end;	/* bytes into the text */
	double	 width;		/* [pt] */
	double	 unit_width;	/* [pt], >= width */
};

struct sweep {
	int	 layouts;
	int	 breaks;		/* line starts checked */
	int	 lines;			/* line widths checked */
	int	 bad[R__MAX];
	int	 by[R__MAX][NFIXTURES][2]; /* per fixture and mode */
	GPtrArray *shown[R__MAX];	/* the first few, described */
	int	 inword_normal[NFIXTURES]; /* normal mode, in fitting words */
	int	 split_wide;		/* keep-all breaks in too-wide words */
	int	 split_bound;		/* in words whose unit is too wide */
	int	 number_breaks;		/* breaks next to a digit run, legal */
	int	 unit_overflows;	/* lines that are one unit, too wide */
	int	 unknown[NFIXTURES];	/* glyphs no bundled font has */
};

struct group {
	struct fonts	*fonts;
	PangoContext	*ctx;
	struct sweep	 sw;
};

static bool
is_space(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x3000;
}

static bool
is_straight_quote(gunichar c)
{
	return c == '\'' || c == '"';
}

static bool
in_number(gunichar c)
{
	return (c >= '0' && c <= '9') || c == '$' || c == '%' || c == ',' ||
	    c == '.';
}

static bool
is_digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

/* The character before byte i of text, or ' ' at the start. */
static gunichar
char_before(const char *text, size_t i)
{
	return i == 0 ? ' ' :
	    g_utf8_get_char(g_utf8_prev_char(text + i));
}

static const char *
mode_name(enum wordbreak mode)
{
	return mode == BREAK_KEEP_ALL ? "keep-all" : "normal";
}

static struct style
style_for(enum wordbreak mode)
{
	struct style s = style_default;

	s.wordbreak = mode;
	return s;
}

/* Natural width of text in s, unwrapped. */
static double
natural_width(PangoContext *ctx, const struct style *s, const char *text)
{
	struct text_metrics m;
	PangoLayout *l = text_layout(ctx, s, text, 0, &m);

	assert_non_null(l);
	assert_int_equal(m.lines, 1);
	g_object_unref(l);
	return m.width;
}

/* Whether word a binds to the word after it (a opening mark last). */
static bool
binds_next(const char *text, const struct word *a)
{
	size_t last = (size_t)(g_utf8_prev_char(text + a->end) - text);
	gunichar c = g_utf8_get_char(text + last);

	return breaks_no_end(c) || (is_straight_quote(c) &&
	    is_space(char_before(text, last)));
}

/*
 * Whether word b binds to the word before it: a closing mark first, or
 * a particle after a closing quote and a space ("다르구나' 라고").
 */
static bool
binds_prev(const char *text, const struct word *b)
{
	size_t i = b->start;
	gunichar q;

	if (breaks_no_head(g_utf8_get_char(text + b->start)))
		return true;
	while (i > 0 && is_space(char_before(text, i)))
		i = (size_t)(g_utf8_prev_char(text + i) - text);
	q = char_before(text, i);
	return i < b->start && breaks_particle(text + b->start) > 0 &&
	    (q == 0x2019 || q == 0x201D || is_straight_quote(q));
}

/* Measures the klreq unit of each of the n words (struct word). */
static void
units_of(PangoContext *ctx, const struct style *s, const char *text,
    struct word *w, size_t n)
{
	size_t k, lo, hi;

	for (k = 0; k < n; k++) {
		char *unit;

		for (lo = k; lo > 0 && (binds_prev(text, &w[lo]) ||
		    binds_next(text, &w[lo - 1])); lo--)
			;
		for (hi = k; hi + 1 < n && (binds_next(text, &w[hi]) ||
		    binds_prev(text, &w[hi + 1])); hi++)
			;
		if (lo == k && hi == k) {
			w[k].unit_width = w[k].width;
			continue;
		}
		unit = g_strndup(text + w[lo].start,
		    (gsize)(w[hi].end - w[lo].start));
		w[k].unit_width = natural_width(ctx, s, unit);
		g_free(unit);
	}
}

/* The words of text, each measured alone; free with g_free(). */
static struct word *
words_of(PangoContext *ctx, const char *text, size_t *n)
{
	struct style s = style_for(BREAK_KEEP_ALL);
	struct word *w = g_new0(struct word, strlen(text) / 2 + 1);
	const char *p = text;

	*n = 0;
	while (*p) {
		const char *start;
		char *word;

		while (*p && is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (*p == '\0')
			break;
		start = p;
		while (*p && !is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		word = g_strndup(start, (gsize)(p - start));
		w[*n].start = (size_t)(start - text);
		w[*n].end = (size_t)(p - text);
		w[*n].width = natural_width(ctx, &s, word);
		g_free(word);
		(*n)++;
	}
	units_of(ctx, &s, text, w, *n);
	return w;
}

/* The word with a byte strictly inside it at i, or NULL. */
static const struct word *
word_around(const struct word *w, size_t n, size_t i)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (w[k].start < i && i < w[k].end)
			return &w[k];
	return NULL;
}

/* Line text for a message: at most 60 characters, in brackets. */
static char *
snip(const char *text, const PangoLayoutLine *line)
{
	const char *p = text + line->start_index;
	glong n = g_utf8_strlen(p, line->length);
	char *s = g_utf8_substring(p, 0, MIN(n, 60));
	char *out = g_strdup_printf("[%s]%s", s, n > 60 ? "…" : "");

	g_free(s);
	return out;
}

/*
 * Records one violation of rule r; describes the first few, each in a
 * string short enough for print_error() (cmocka cuts at 1024 bytes).
 * a and b are the lines around the break, or b alone for a wide line.
 */
static void
violation(struct sweep *sw, enum rule r, const struct fixture *fx,
    enum wordbreak mode, double width, int line, const char *text,
    const PangoLayoutLine *a, const PangoLayoutLine *b, const char *what,
    ...) __attribute__((format(printf, 10, 11)));

static void
violation(struct sweep *sw, enum rule r, const struct fixture *fx,
    enum wordbreak mode, double width, int line, const char *text,
    const PangoLayoutLine *a, const PangoLayoutLine *b, const char *what,
    ...)
{
	GString *msg;
	va_list ap;
	char *sa, *sb;

	sw->bad[r]++;
	if (sw->by[r][fx - fixtures][mode == BREAK_NORMAL]++ >= MAX_SHOWN)
		return;
	msg = g_string_new(NULL);
	g_string_append_printf(msg, "%s: %s, %s, width %gpt, line %d: ",
	    rule_name[r], fx->name, mode_name(mode), width, line + 1);
	va_start(ap, what);
	g_string_append_vprintf(msg, what, ap);
	va_end(ap);
	sb = snip(text, b);
	if (a != NULL) {
		sa = snip(text, a);
		g_string_append_printf(msg, "\n    line %d: %s\n    line %d: "
		    "%s\n", line, sa, line + 1, sb);
		g_free(sa);
	} else {
		g_string_append_printf(msg, "\n    line %d: %s\n", line + 1,
		    sb);
	}
	g_free(sb);
	g_ptr_array_add(sw->shown[r], g_string_free(msg, FALSE));
}

/* Rules 1 to 4 at the break between line n - 1 (a) and line n (b). */
static void
check_break(struct sweep *sw, size_t fi, const struct word *words,
    size_t nwords, enum wordbreak mode, double width, const char *text,
    int n, const PangoLayoutLine *a, const PangoLayoutLine *b)
{
	const struct fixture *fx = &fixtures[fi];
	size_t at = (size_t)b->start_index, i, e;
	gunichar before = char_before(text, at);
	gunichar after = g_utf8_get_char(text + at);
	gunichar c;

	sw->breaks++;
	if (is_space(after))
		violation(sw, R_SPACE, fx, mode, width, n, text, a, b,
		    "the break is before a space, not after it");
	/* 1: the head, after any spaces. */
	for (i = at; i < at + (size_t)b->length &&
	    is_space(g_utf8_get_char(text + i));
	    i = (size_t)(g_utf8_next_char(text + i) - text))
		;
	if (i < at + (size_t)b->length) {
		c = g_utf8_get_char(text + i);
		if (breaks_no_head(c) || (is_straight_quote(c) &&
		    !is_space(char_before(text, i))))
			violation(sw, R_HEAD, fx, mode, width, n, text, a, b,
			    "starts with U+%04X", c);
	}
	/* 2: the end of the line above, before any spaces. */
	e = (size_t)a->start_index + (size_t)a->length;
	while (e > (size_t)a->start_index && is_space(char_before(text, e)))
		e = (size_t)(g_utf8_prev_char(text + e) - text);
	if (e > (size_t)a->start_index) {
		size_t last = (size_t)(g_utf8_prev_char(text + e) - text);

		c = g_utf8_get_char(text + last);
		if (breaks_no_end(c) || (is_straight_quote(c) &&
		    is_space(char_before(text, last))))
			violation(sw, R_END, fx, mode, width, n - 1, text,
			    a, b, "ends with U+%04X", c);
	}
	/* 3: digit runs with $ % , . and the doubled marks. */
	if ((in_number(before) && in_number(after) &&
	    (is_digit(before) || is_digit(after))) ||
	    (before == after && (after == 0x2026 || after == 0x2014)))
		violation(sw, R_UNIT, fx, mode, width, n, text, a, b,
		    "break between U+%04X and U+%04X", before, after);
	else if (is_digit(before) || is_digit(after))
		sw->number_breaks++;
	/* 4: inside a word. */
	if (!is_space(before) && !is_space(after)) {
		const struct word *w = word_around(words, nwords, at);

		assert_non_null(w);
		if (w->width > width) {
			if (mode == BREAK_KEEP_ALL)
				sw->split_wide++;
		} else if (w->unit_width > width) {
			if (mode == BREAK_KEEP_ALL)
				sw->split_bound++;
		} else if (mode == BREAK_NORMAL) {
			sw->inword_normal[fi]++;
		} else {
			violation(sw, R_WORD, fx, mode, width, n, text, a, b,
			    "split [%.*s] (%.2fpt alone, %.2fpt with the "
			    "marks bound to it)", (int)(w->end - w->start),
			    text + w->start, w->width, w->unit_width);
		}
	}
}

/*
 * Whether line is one unit that rule 3 keeps whole (a number such as
 * "1,000,000", or "……", "——"), spaces aside, that is wider than width
 * alone.  Rule 3 wins over rule 5 there: such a line may overflow.
 */
static bool
indivisible_wider(PangoContext *ctx, const struct style *s, const char *text,
    const PangoLayoutLine *line, double width)
{
	const char *p = text + line->start_index;
	const char *end = p + line->length, *q;
	bool digits = false, numeric = true, ellipses = true, dashes = true;
	char *unit;
	double w;

	while (p < end && is_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	while (end > p && is_space(g_utf8_get_char(g_utf8_prev_char(end))))
		end = g_utf8_prev_char(end);
	if (p == end)
		return false;
	for (q = p; q < end; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		digits |= is_digit(c);
		numeric &= in_number(c);
		ellipses &= c == 0x2026;
		dashes &= c == 0x2014;
	}
	if (!(numeric && digits) && !ellipses && !dashes)
		return false;
	unit = g_strndup(p, (gsize)(end - p));
	w = natural_width(ctx, s, unit);
	g_free(unit);
	return w > width + SLACK;
}

/* Lays fixture fi out at one width and checks every rule. */
static void
check_layout(struct group *g, size_t fi, const struct word *words,
    size_t nwords, enum wordbreak mode, double width)
{
	struct sweep *sw = &g->sw;
	struct style s = style_for(mode);
	struct text_metrics m;
	PangoLayout *l = text_layout(g->ctx, &s, fixtures[fi].text, width, &m);
	const char *text = pango_layout_get_text(l);
	const PangoLayoutLine *prev = NULL;
	GSList *it;
	double widest = 0;
	int n = 0;

	sw->layouts++;
	assert_string_equal(text, fixtures[fi].text);
	for (it = pango_layout_get_lines_readonly(l); it != NULL;
	    it = it->next, n++) {
		PangoLayoutLine *line = it->data;
		PangoRectangle log;
		double lw;

		pango_layout_line_get_extents(line, NULL, &log);
		lw = log.width / (double)PANGO_SCALE;
		widest = fmax(widest, lw);
		sw->lines++;
		/* 5: logical width, trailing spaces included. */
		if (lw > width + SLACK && indivisible_wider(g->ctx, &s, text,
		    line, width))
			sw->unit_overflows++;
		else if (lw > width + SLACK)
			violation(sw, R_WIDTH, fixtures + fi, mode, width, n,
			    text, NULL, line, "%.2fpt wide", lw);
		if (prev != NULL)
			check_break(sw, fi, words, nwords, mode, width, text,
			    n, prev, line);
		prev = line;
	}
	/* text_metrics agrees with the lines. */
	assert_int_equal(n, m.lines);
	assert_float_equal(m.width, widest, 0.01);
	sw->unknown[fi] = MAX(sw->unknown[fi], m.unknown_glyphs);
	g_object_unref(l);
}

static void
run_sweep(struct group *g)
{
	size_t fi;
	int r;

	for (r = 0; r < R__MAX; r++)
		g->sw.shown[r] = g_ptr_array_new_with_free_func(g_free);
	for (fi = 0; fi < NFIXTURES; fi++) {
		size_t nwords;
		struct word *words = words_of(g->ctx, fixtures[fi].text,
		    &nwords);
		double w;
		int k;

		for (k = 0; (w = W_MIN + k * W_STEP) <= W_MAX + 1e-9; k++) {
			check_layout(g, fi, words, nwords, BREAK_KEEP_ALL, w);
			check_layout(g, fi, words, nwords, BREAK_NORMAL, w);
		}
		g_free(words);
	}
}

static int
group_setup(void **state)
{
	struct group *g = g_new0(struct group, 1);

	if (fonts_open(&g->fonts, &g->ctx) != 0) {
		g_free(g);
		return -1;
	}
	run_sweep(g);
	*state = g;
	return 0;
}

static int
group_teardown(void **state)
{
	struct group *g = *state;
	int r;

	for (r = 0; r < R__MAX; r++)
		if (g->sw.shown[r] != NULL)
			g_ptr_array_free(g->sw.shown[r], TRUE);
	fonts_free(g->fonts);
	g_free(g);
	return 0;
}

/* Fails with the described violations of rule r, if any. */
static void
expect_none(const struct sweep *sw, enum rule r)
{
	GString *sum;
	size_t fi;
	guint i;
	int k;

	if (sw->bad[r] == 0)
		return;
	sum = g_string_new(NULL);
	g_string_printf(sum, "%d × %s in %d layouts (%d breaks, %d lines "
	    "checked):", sw->bad[r], rule_name[r], sw->layouts, sw->breaks,
	    sw->lines);
	for (fi = 0; fi < NFIXTURES; fi++)
		for (k = 0; k < 2; k++)
			if (sw->by[r][fi][k] > 0)
				g_string_append_printf(sum, " %s/%s %d",
				    fixtures[fi].name, k ? "normal" :
				    "keep-all", sw->by[r][fi][k]);
	print_error("%s\n", sum->str);
	g_string_free(sum, TRUE);
	for (i = 0; i < sw->shown[r]->len; i++)
		print_error("%s", (const char *)sw->shown[r]->pdata[i]);
	fail_msg("%d × %s", sw->bad[r], rule_name[r]);
}

/* The sweep covered every fixture, width and mode, and broke lines. */
static void
test_sweep_ran(void **state)
{
	const struct group *g = *state;
	int widths = (int)((W_MAX - W_MIN) / W_STEP) + 1;

	assert_int_equal(widths, 121);
	assert_int_equal(g->sw.layouts, (int)NFIXTURES * widths * 2);
	assert_true(g->sw.breaks > 10000);
}

/* 1: no line but the first starts with a klreq line-head character. */
static void
test_no_forbidden_line_head(void **state)
{
	const struct group *g = *state;

	expect_none(&g->sw, R_HEAD);
}

/* 2: no line but the last ends with an opening bracket or quote. */
static void
test_no_forbidden_line_end(void **state)
{
	const struct group *g = *state;

	expect_none(&g->sw, R_END);
}

/* 3: $1,000 35% 3.5 1,000,000 "……" "——" are never split. */
static void
test_numbers_and_runs_whole(void **state)
{
	const struct group *g = *state;

	/* There were breaks next to digits, just not inside the runs. */
	assert_true(g->sw.number_breaks > 0);
	expect_none(&g->sw, R_UNIT);
}

/*
 * 4: keep-all breaks only at spaces, unless a word is wider than the
 * box alone; then it is split (and rule 5 says every piece fits).
 */
static void
test_keep_all_keeps_words(void **state)
{
	const struct group *g = *state;

	assert_true(g->sw.split_wide > 0);
	expect_none(&g->sw, R_WORD);
}

/* 5: no line wider than the box + 0.5pt, over-long words included. */
static void
test_no_line_wider_than_box(void **state)
{
	const struct group *g = *state;

	/*
	 * "1,000,000" is 46pt: rule 3 keeps it whole in the 40 and 43pt
	 * boxes, and it is then the only thing on its line.
	 */
	assert_true(g->sw.unit_overflows > 0);
	expect_none(&g->sw, R_WIDTH);
}

/*
 * Not one of the klreq rules but the same kind of fault: a break
 * before a space instead of after it leaves the space at the head of
 * the next line, a ragged left edge (rule 1 skips such spaces).
 */
static void
test_no_line_starts_with_space(void **state)
{
	const struct group *g = *state;

	expect_none(&g->sw, R_SPACE);
}

/* 6: normal mode does break inside words that fit: rule 4 can fail. */
static void
test_normal_breaks_inside_words(void **state)
{
	const struct group *g = *state;
	size_t fi;
	int samples = 0;

	for (fi = 0; fi < NFIXTURES; fi++) {
		if (!fixtures[fi].sample)
			continue;
		samples++;
		if (g->sw.inword_normal[fi] == 0)
			fail_msg("%s: normal mode never broke inside a word",
			    fixtures[fi].name);
	}
	assert_true(samples >= 2);
}

/* The over-long word is split at every width narrower than it. */
static void
test_over_long_word_split(void **state)
{
	const struct group *g = *state;
	const char *word = fixtures[9].text;
	struct style s = style_default;
	double natural, w;

	assert_string_equal(fixtures[9].name, "over-long word");
	natural = natural_width(g->ctx, &s, word);
	assert_true(natural > 4 * W_MIN);
	for (w = W_MIN; w < natural - SLACK; w += W_STEP) {
		struct text_metrics m;
		PangoLayout *l = text_layout(g->ctx, &s, word, w, &m);

		g_object_unref(l);
		if (m.lines < 2 || m.width > w + SLACK)
			fail_msg("width %gpt: %d lines, %.2fpt wide", w,
			    m.lines, m.width);
	}
}

/*
 * A word set large and wider than INT_MAX Pango units: 12,000 "가a"
 * at 200pt are about 3.6e9 units (one item per letter, as the script
 * changes, so Pango's own widths stay small).  Its width was summed in
 * an int: signed overflow, which UBSan stops at, and a word that seemed
 * to fit.  It must be split to the box like any over-long word.
 */
static void
test_huge_word_split(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;
	struct text_metrics m;
	GString *word = g_string_new(NULL);
	PangoLayout *l;
	int i;

	for (i = 0; i < 12000; i++)
		g_string_append(word, "가a");
	s.size = 200;
	l = text_layout(g->ctx, &s, word->str, 500, &m);
	g_object_unref(l);
	g_string_free(word, TRUE);
	assert_true(m.lines > 1000);
	assert_true(m.width <= 500 + SLACK);
}

/*
 * Every fixture, Hanja included, is drawn with the bundled fonts: no
 * missing or empty glyphs (NanumSquare, bundled first, drew its Hanja
 * as nothing; NanumGothic has them).
 */
static void
test_fixtures_have_glyphs(void **state)
{
	const struct group *g = *state;
	size_t fi;

	for (fi = 0; fi < NFIXTURES; fi++)
		if (g->sw.unknown[fi] != 0)
			fail_msg("%s: %d glyphs missing", fixtures[fi].name,
			    g->sw.unknown[fi]);
}

/* 7: baseline to baseline is the line height; height = lines × it. */
static void
check_line_height(PangoContext *ctx, const struct style *s, double lh)
{
	struct text_metrics m;
	PangoLayout *l = text_layout(ctx, s, fixtures[11].text, 150, &m);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle log;
	double prev = 0;
	int n = 0, bad = 0;

	do {
		double base = pango_layout_iter_get_baseline(it) /
		    (double)PANGO_SCALE;

		if (n > 0 && fabs(base - prev - lh) > 0.01) {
			print_error("line %d: baseline %.3fpt below line %d, "
			    "not %gpt\n", n + 1, base - prev, n, lh);
			bad++;
		}
		prev = base;
		n++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pango_layout_get_extents(l, NULL, &log);
	g_object_unref(l);
	assert_float_equal(style_line_height(s), lh, 1e-9);
	assert_int_equal(bad, 0);
	assert_true(n >= 4);
	assert_int_equal(n, m.lines);
	assert_float_equal(m.height, n * lh, 0.01);
	/* Pango's own height: every line, the last too, is lh high. */
	assert_float_equal(log.height / (double)PANGO_SCALE, n * lh, 0.01);
}

static void
test_line_height(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;

	s.size = 10;
	s.line_height_factor = 1.6;
	check_line_height(g->ctx, &s, 16);
	s.line_height_factor = 0;
	s.line_height = 18;
	check_line_height(g->ctx, &s, 18);
}

/*
 * 7b: a paragraph mixing Lato and NanumGothic, 20pt at 130%: every
 * baseline exactly 26pt below the one above (KOREAN.md measured
 * ±0.8pt, from the fonts' own ascents and descents).
 */
static const char mixed_text[] =
    "2021 Summer AI 영입 연계형 인턴과정을 수료한 Gina는 "
    "Neuro-Symbolic AI팀에서 PyTorch로 GPU 서버 여러 대를 돌렸고, "
    "Kakao Brain의 멘토링 덕분에 ICML 2022 workshop 논문을 "
    "썼습니다. 이런 분들에게 추천! Wilson, Jwoong, Ted도 "
    "함께였어요 (3개월, 100% remote).";

#define N_WIDTHS	5

static void
test_mixed_line_pitch(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;
	double widths[N_WIDTHS] = { 150, 200, 260, 330, 420 }, prev = 0;
	size_t w;
	int bad = 0, lines = 0;

	s.font = "Lato, NanumGothic";
	s.size = 20;
	s.line_height_factor = 1.3;
	/* As the fonts come, then with the Latin scaled and lowered. */
	for (w = 0; w < 2 * N_WIDTHS; w++) {
		double width = widths[w % N_WIDTHS];
		PangoLayout *l;
		PangoLayoutIter *it;
		int n = 0;

		if (w == N_WIDTHS) {
			s.latin_scale = 0.92;
			s.latin_rise_em = -0.03;
		}
		l = text_layout(g->ctx, &s, mixed_text, width, NULL);
		it = pango_layout_get_iter(l);
		do {
			double base = pango_layout_iter_get_baseline(it) /
			    (double)PANGO_SCALE;

			if (n > 0 && fabs(base - prev - 26) > 0.01) {
				print_error("width %g, line %d: baseline "
				    "%.3fpt below line %d, not 26pt\n",
				    width, n + 1, base - prev, n);
				bad++;
			}
			prev = base;
			n++;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		g_object_unref(l);
		lines += n;
	}
	assert_true(lines >= 40);
	assert_int_equal(bad, 0);
}

/*
 * 7c: latin-scale and latin-rise: one attribute of each per maximal
 * Latin run, none over Hangul, none in a paragraph without Latin; the
 * Latin glyphs come out at the scaled size and shifted.
 */
static int
count_attrs(PangoLayout *l, PangoAttrType type)
{
	GSList *all = pango_attr_list_get_attributes(
	    pango_layout_get_attributes(l)), *a;
	int n = 0;

	for (a = all; a != NULL; a = a->next)
		n += ((PangoAttribute *)a->data)->klass->type == type;
	g_slist_free_full(all, (GDestroyNotify)pango_attribute_destroy);
	return n;
}

/* The run that draws text[at], its font size [pt] and rise [pt]. */
static void
run_at(PangoLayout *l, int at, double *size, double *rise)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	*size = *rise = -1;
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		PangoFontDescription *fd;

		if (run == NULL || at < run->item->offset ||
		    at >= run->item->offset + run->item->length)
			continue;
		fd = pango_font_describe(run->item->analysis.font);
		*size = pango_font_description_get_size(fd) /
		    (double)PANGO_SCALE;
		*rise = run->y_offset / (double)PANGO_SCALE;
		pango_font_description_free(fd);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

static void
test_latin_scale_rise(void **state)
{
	const struct group *g = *state;
	static const char text[] = "Neuro-Symbolic AI팀 수료한 Gina는 GPU "
	    "서버 (3개월, 100% remote). 추천!";
	static const char hangul[] = "한글만 있는 문단, 라틴 문자는 없다.";
	struct style s = style_default;
	PangoLayout *l;
	double size, rise, rise0;
	int scales, rises, gina = (int)(strstr(text, "Gina") - text);

	s.font = "Lato, NanumGothic";
	s.size = 20;
	l = text_layout(g->ctx, &s, text, 0, NULL);
	assert_int_equal(count_attrs(l, PANGO_ATTR_SCALE), 0);
	run_at(l, gina, &size, &rise0);
	assert_float_equal(size, 20, 0.01);
	g_object_unref(l);

	s.latin_scale = 0.9;
	s.latin_rise_em = -0.02;
	l = text_layout(g->ctx, &s, text, 0, NULL);
	/* Neuro-Symbolic AI, Gina, GPU, (3, 100% remote). */
	assert_int_equal(count_attrs(l, PANGO_ATTR_SCALE), 5);
	assert_int_equal(count_attrs(l, PANGO_ATTR_RISE), 5);
	run_at(l, gina, &size, &rise);
	assert_float_equal(size, 18, 0.01);
	assert_float_equal(rise - rise0, -0.4, 0.01);
	run_at(l, (int)(strstr(text, "수료") - text), &size, &rise);
	assert_float_equal(size, 20, 0.01);
	g_object_unref(l);

	/* Without Latin, the keys add nothing (even_pitch() may add a
	 * rise of its own, to the Latin-font period and comma). */
	l = text_layout(g->ctx, &s, hangul, 0, NULL);
	scales = count_attrs(l, PANGO_ATTR_SCALE);
	rises = count_attrs(l, PANGO_ATTR_RISE);
	g_object_unref(l);
	s.latin_scale = 1;
	s.latin_rise_em = 0;
	l = text_layout(g->ctx, &s, hangul, 0, NULL);
	assert_int_equal(scales, 0);
	assert_int_equal(rises, count_attrs(l, PANGO_ATTR_RISE));
	g_object_unref(l);
}

/*
 * 7d: a Latin word sits on the same baseline whatever script its line
 * starts with (Pango 1.50 lowered it 0.02em after Hangul).
 */
static void
test_latin_same_baseline(void **state)
{
	const struct group *g = *state;
	static const char *texts[] = { "수료한 Gina는", "Intern Gina는" };
	struct style s = style_default;
	double size, rise[2];
	size_t i;

	s.font = "Lato, NanumGothic";
	s.size = 20;
	for (i = 0; i < 2; i++) {
		PangoLayout *l = text_layout(g->ctx, &s, texts[i], 0, NULL);

		run_at(l, (int)(strstr(texts[i], "Gina") - texts[i]), &size,
		    &rise[i]);
		g_object_unref(l);
	}
	assert_float_equal(rise[0], 0, 0.001);
	assert_float_equal(rise[1], 0, 0.001);
}

/* 8: letter spacing, negative in em and positive in points. */
static void
test_letter_spacing(void **state)
{
	const struct group *g = *state;
	static const char word[] = "카카오브레인인재영입";	/* 10 */
	struct style s = style_default;
	double plain, tight, loose;

	assert_int_equal(g_utf8_strlen(word, -1), 10);
	plain = natural_width(g->ctx, &s, word);
	s.letter_spacing_em = -0.05;
	assert_float_equal(style_letter_spacing(&s), -0.5, 1e-9);
	tight = natural_width(g->ctx, &s, word);
	s.letter_spacing_em = 0;
	s.letter_spacing = 1;
	loose = natural_width(g->ctx, &s, word);
	assert_true(tight < plain);
	assert_float_equal(plain - tight, 10 * 0.5, 1);
	assert_true(loose > plain);
	assert_float_equal(loose - plain, 10 * 1.0, 1);
}

/* x of the first character of each line, in layout coordinates. */
static double
line_x(PangoLayout *l, const PangoLayoutLine *line)
{
	PangoRectangle pos;

	pango_layout_index_to_pos(l, line->start_index, &pos);
	return pos.x / (double)PANGO_SCALE;
}

/* 9: the first line starts indent to the right of the others. */
static void
test_indent(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;
	const double width = 150;
	struct text_metrics m;
	PangoLayout *l;
	GSList *it;
	double first = 0, first_end = 0;
	int n = 0, bad = 0;

	s.indent = 20;
	l = text_layout(g->ctx, &s, fixtures[11].text, width, &m);
	for (it = pango_layout_get_lines_readonly(l); it != NULL;
	    it = it->next, n++) {
		PangoLayoutLine *line = it->data;
		PangoRectangle log;
		double x = line_x(l, line);

		pango_layout_line_get_extents(line, NULL, &log);
		if (n == 0) {
			first = x;
			first_end = x + log.width / (double)PANGO_SCALE;
		} else if (fabs(first - x - s.indent) > 0.01) {
			print_error("line %d starts at %.3fpt, the first at "
			    "%.3fpt\n", n + 1, x, first);
			bad++;
		}
	}
	g_object_unref(l);
	assert_int_equal(bad, 0);
	assert_true(n >= 3);
	assert_float_equal(first, s.indent, 0.01);
	/* The indented first line still fits its box. */
	assert_true(first_end <= width + SLACK);
}

/* 10: a short line's x offset under left, centre and right alignment. */
static void
check_align(PangoContext *ctx, enum align a, const char *text, int line)
{
	struct style s = style_default;
	const double width = 200;
	PangoLayout *l;
	PangoLayoutIter *it;
	PangoRectangle log;
	double x, lw, want;
	int i;

	s.align = a;
	l = text_layout(ctx, &s, text, width, NULL);
	it = pango_layout_get_iter(l);
	if (line < 0)
		line = pango_layout_get_line_count(l) - 1;
	for (i = 0; i < line; i++)
		assert_true(pango_layout_iter_next_line(it));
	pango_layout_iter_get_line_extents(it, NULL, &log);
	x = log.x / (double)PANGO_SCALE;
	lw = log.width / (double)PANGO_SCALE;
	want = a == ALIGN_CENTER ? (width - lw) / 2 :
	    a == ALIGN_RIGHT ? width - lw : 0;
	pango_layout_iter_free(it);
	g_object_unref(l);
	assert_true(lw < width / 2);
	if (fabs(x - want) > SLACK)
		fail_msg("align %d, line %d [%s]: x %.2fpt, not %.2fpt "
		    "(line %.2fpt wide)", a, line + 1, text, x, want, lw);
}

static void
test_alignment(void **state)
{
	const struct group *g = *state;
	enum align a[] = { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };
	size_t i;

	for (i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
		check_align(g->ctx, a[i], "짧은 한 줄", 0);
		/* The last line of a paragraph: ends with no space. */
		check_align(g->ctx, a[i], "카카오브레인은 매머드 조직이 "
		    "아니지만 큰 조직 못지않은 AI", -1);
	}
}

/*
 * klreq justification over a sweep of widths, on the story fixtures:
 * every line but the last flush at both edges (within 0.5pt) unless it
 * is one word that tracking within max-tracking cannot fill; the last
 * line at its natural width.  Pango's own justification of the same
 * paragraphs leaves lines short: counted, to show what the workaround
 * mends (KOREAN.md measured about 28%).
 */
static void
test_justify(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;
	int flush = 0, ragged = 0, short_native = 0, native_lines = 0;
	size_t fi;
	double w;

	s.align = ALIGN_JUSTIFY;
	for (fi = 0; fi < NFIXTURES; fi++) {
		if (strstr(fixtures[fi].name, "story") == NULL)
			continue;
		for (w = 150; w <= 480; w += 7) {
			struct text_metrics m;
			PangoLayout *l = text_layout(g->ctx, &s,
			    fixtures[fi].text, w, &m);
			PangoLayout **lines, *native;
			int i, n = text_justify(g->ctx, &s, l, w, &lines);

			assert_int_equal(n, m.lines);
			for (i = 0; i < n; i++) {
				PangoRectangle log;
				PangoLayoutLine *ln =
				    pango_layout_get_line_readonly(lines[i], 0);
				double lw;

				assert_int_equal(
				    pango_layout_get_line_count(lines[i]), 1);
				pango_layout_line_get_extents(ln, NULL, &log);
				lw = log.width / (double)PANGO_SCALE;
				if (i == n - 1) {
					assert_true(lw <= w);
				} else if (fabs(lw - w) <= 0.5) {
					flush++;
				} else if (strchr(pango_layout_get_text(
				    lines[i]), ' ') != NULL) {
					fail_msg("%s, width %.0f, line %d: "
					    "%.2fpt, not flush", fixtures[fi].name,
					    w, i + 1, lw);
				} else {
					ragged++;	/* one word */
				}
				g_object_unref(lines[i]);
			}
			g_free(lines);
			g_object_unref(l);
			/* Pango alone, for the record. */
			native = text_layout(g->ctx, &style_default,
			    fixtures[fi].text, w, NULL);
			pango_layout_set_justify(native, TRUE);
			for (i = 0; i + 1 < pango_layout_get_line_count(native);
			    i++) {
				PangoRectangle log;

				pango_layout_line_get_extents(
				    pango_layout_get_line_readonly(native, i),
				    NULL, &log);
				native_lines++;
				short_native += log.width / (double)PANGO_SCALE <
				    w - 0.5;
			}
			g_object_unref(native);
		}
	}
	print_message("# justify: %d lines flush, %d ragged (one word); "
	    "Pango alone: %d of %d lines short\n", flush, ragged,
	    short_native, native_lines);
	assert_true(flush > 0);
}

/*
 * The middle dot Korean IMEs type, U+318D ㆍ, is a full-width glyph in
 * NanumGothic (a 1pt dot in a 9pt box at 10pt): set no wider than the
 * middle dot U+00B7, so that 사과ㆍ배 reads as one list, not three words.
 */
static void
test_ime_middle_dot(void **state)
{
	const struct group *g = *state;
	struct style s = style_default;
	struct text_metrics ime, dot;
	PangoLayout *a, *b;

	s.letter_spacing_em = -0.02;
	a = text_layout(g->ctx, &s, "사과ㆍ배ㆍ귤", 0, &ime);
	b = text_layout(g->ctx, &s, "사과·배·귤", 0, &dot);
	print_message("# ㆍ: %.2fpt, · %.2fpt\n", ime.width, dot.width);
	assert_true(fabs(ime.width - dot.width) < 0.2);
	g_object_unref(a);
	g_object_unref(b);
}

/* True if the last line of l holds one word of at most 6 characters
 * and the line above holds more than one word. */
static bool
ends_in_runt(PangoLayout *l)
{
	const char *text = pango_layout_get_text(l);
	int n = pango_layout_get_line_count(l);
	PangoLayoutLine *last, *prev;
	const char *a, *e;

	if (n < 2)
		return false;
	last = pango_layout_get_line_readonly(l, n - 1);
	prev = pango_layout_get_line_readonly(l, n - 2);
	a = text + last->start_index;
	e = a + last->length;
	while (e > a && e[-1] == ' ')
		e--;
	if (memchr(a, ' ', (size_t)(e - a)) != NULL ||
	    g_utf8_strlen(a, e - a) > 6)
		return false;
	e = text + prev->start_index + prev->length;
	while (e > text + prev->start_index && e[-1] == ' ')
		e--;
	return memchr(text + prev->start_index, ' ',
	    (size_t)(e - (text + prev->start_index))) != NULL;
}

/*
 * Whether the last line of l follows a particle bound to a closing
 * quote ("…하는구나!’ 라고" / "생각했어요."): the runt cannot move down
 * alone, and the quote, its particle and the runt are too wide to.
 */
static bool
after_quoted(PangoLayout *l)
{
	const char *text = pango_layout_get_text(l);
	PangoLayoutLine *last = pango_layout_get_line_readonly(l,
	    pango_layout_get_line_count(l) - 1);
	const char *e = text + last->start_index, *w;
	gunichar q;

	while (e > text && e[-1] == ' ')
		e--;
	for (w = e; w > text && w[-1] != ' ';)
		w--;
	if (breaks_particle(w) == 0)
		return false;
	while (w > text && w[-1] == ' ')
		w--;
	q = char_before(text, (size_t)(w - text));
	return q == 0x2019 || q == 0x201D || is_straight_quote(q);
}

/*
 * Runts: over the sweep of widths, the story paragraphs end on a lone
 * short word many times with `runts: allow`, and never with the default
 * (avoid), which keeps the number of lines, but after a quote's
 * particle (after_quoted()).
 */
static void
test_runts(void **state)
{
	const struct group *g = *state;
	struct style avoid = style_default, allow = style_default;
	int with = 0, without = 0;
	size_t fi;
	double w;

	allow.runts = true;
	for (fi = 0; fi < NFIXTURES; fi++) {
		if (strstr(fixtures[fi].name, "story") == NULL)
			continue;
		for (w = 100; w <= 480; w += 3) {
			struct text_metrics ma, mb;
			PangoLayout *a = text_layout(g->ctx, &allow,
			    fixtures[fi].text, w, &ma);
			PangoLayout *b = text_layout(g->ctx, &avoid,
			    fixtures[fi].text, w, &mb);

			with += ends_in_runt(a);
			if (ends_in_runt(b) && !after_quoted(b)) {
				without++;
				print_message("# runt left: %s at %.0fpt\n",
				    fixtures[fi].name, w);
			}
			assert_int_equal(ma.lines, mb.lines);
			g_object_unref(a);
			g_object_unref(b);
		}
	}
	print_message("# runts: %d with runts: allow, %d avoided\n", with,
	    with - without);
	assert_true(with > 10);
	assert_int_equal(without, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_ran),
		cmocka_unit_test(test_fixtures_have_glyphs),
		cmocka_unit_test(test_no_forbidden_line_head),
		cmocka_unit_test(test_no_forbidden_line_end),
		cmocka_unit_test(test_numbers_and_runs_whole),
		cmocka_unit_test(test_keep_all_keeps_words),
		cmocka_unit_test(test_no_line_wider_than_box),
		cmocka_unit_test(test_no_line_starts_with_space),
		cmocka_unit_test(test_normal_breaks_inside_words),
		cmocka_unit_test(test_over_long_word_split),
		cmocka_unit_test(test_huge_word_split),
		cmocka_unit_test(test_line_height),
		cmocka_unit_test(test_mixed_line_pitch),
		cmocka_unit_test(test_latin_scale_rise),
		cmocka_unit_test(test_latin_same_baseline),
		cmocka_unit_test(test_letter_spacing),
		cmocka_unit_test(test_indent),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_justify),
		cmocka_unit_test(test_runts),
		cmocka_unit_test(test_ime_middle_dot),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
