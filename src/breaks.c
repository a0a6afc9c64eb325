/*
 * Korean line-break rules on top of Pango's UAX #14 breaker.
 *
 * Keep-all (KOREAN.md): Pango breaks between any two Hangul syllables;
 * a word attribute (Pango 1.50) over a space-delimited word leaves only
 * the breaks at its edges.  A word wider than its box gets no attribute,
 * so PANGO_WRAP_WORD_CHAR can split it between syllables rather than
 * let it overflow.
 *
 * Punctuation (W3C klreq): allow_breaks(FALSE) over two neighbouring
 * characters removes the break between them.  For a character that may
 * not start a line the range is [previous character, it]; for one that
 * may not end a line, [it, next character]:
 *
 *     …했어요 .  → no break before "."       ‘미니컨’ → none after "‘"
 *
 * A mark set off by a space ("그렇습니다 · 가나다", "“ 인용") is glued
 * across the space to the nearest syllable.  Straight quotes ' and "
 * are read by their neighbours: after a non-space they close, else
 * they open.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "breaks.h"

/*
 * Breakable spaces only: g_unichar_isspace() is true for the no-break
 * spaces U+00A0, U+202F (and U+2007), and a word split there would end
 * at a word attribute's edge, where Pango 1.50 then breaks.
 */
bool
breaks_is_space(gunichar c)
{
	return (g_unichar_isspace(c) && c != 0x00A0 && c != 0x2007 &&
	    c != 0x202F) || c == 0x3000;
}

bool
breaks_is_joiner(gunichar c)
{
	return c == 0x00A0 || c == 0x2007 || c == 0x202F || c == 0x2060 ||
	    c == 0xFEFF;
}

static void
add(GArray *rules, size_t start, size_t end, bool word)
{
	struct breaks_rule r = { (guint)start, (guint)end, word };

	g_array_append_val(rules, r);
}

static void
glue(GArray *rules, size_t start, size_t end)
{
	add(rules, start, end, false);
}

void
breaks_keep_all(GArray *rules, const int64_t *adv, const char *text,
    double width)
{
	const char *p = text, *start;
	double limit = width * PANGO_SCALE;

	while (*p) {
		const char *last;

		while (*p && breaks_is_space(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (*p == '\0')
			break;
		start = last = p;
		while (*p && !breaks_is_space(g_utf8_get_char(p))) {
			last = p;
			p = g_utf8_next_char(p);
		}
		if (g_utf8_strlen(start, p - start) < 2)
			continue;
		if (adv == NULL || adv[p - text] - adv[start - text] <= limit) {
			const char *q;

			add(rules, (size_t)(start - text), (size_t)(p - text),
			    true);
			/*
			 * Pango 1.50 puts back the break after a hyphen
			 * (U+2010, U+2012, U+2013), a soft hyphen or '|'
			 * inside a word attribute: "서울‐부산" would split.
			 */
			for (q = start; q < last; q = g_utf8_next_char(q)) {
				gunichar c = g_utf8_get_char(q);

				if (c == 0x00AD || c == 0x2010 || c == 0x2012 ||
				    c == 0x2013 || c == '|')
					glue(rules, (size_t)(q - text), (size_t)(
					    g_utf8_next_char(g_utf8_next_char(q)) -
					    text));
			}
		}
	}
}

/*
 * May not start a line (klreq 4.3.4, its classes cl2 and cl4-cl12):
 * closing brackets and quotes ) ] } ） ］ ｝ 〕 〉 》 」 』 】 ｣ ’ ”;
 * hyphens and dashes - ‐ – — ― ~ 〜 ～ ゠; dividing marks ? ! ？ ！ ‼ ⁇
 * ⁈ ⁉; middle dots · ㆍ (the IME's) ・ ･ : ; ： ；; stops and commas
 * . , 。 、 ． ， ｡ ､; … ‥; iteration marks 〃 々 〻 ゝ ゞ ヽ ヾ; the
 * prolonged sound mark ー ｰ; small kana (ぁ ッ ㇰ ｧ …, jlreq's cl-11);
 * and what follows a number: % ％ ℃ (sorted: bsearch).
 */
static const gunichar no_head[] = {
	'!', '%', ')', ',', '-', '.', ':', ';', '?', ']', '}', '~', 0x00B7,
	0x2010, 0x2013, 0x2014, 0x2015, 0x2019, 0x201D, 0x2025, 0x2026,
	0x203C, 0x2047, 0x2048, 0x2049, 0x2103, 0x3001, 0x3002, 0x3003,
	0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017,
	0x3019, 0x301C, 0x301F, 0x303B, 0x3041, 0x3043, 0x3045, 0x3047,
	0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
	0x309D, 0x309E, 0x30A0, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,
	0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB,
	0x30FC, 0x30FD, 0x30FE, 0x318D, 0x31F0, 0x31F1, 0x31F2, 0x31F3,
	0x31F4, 0x31F5, 0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB,
	0x31FC, 0x31FD, 0x31FE, 0x31FF, 0xFF01, 0xFF05, 0xFF09, 0xFF0C,
	0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E, 0xFF60,
	0xFF61, 0xFF63, 0xFF64, 0xFF65, 0xFF67, 0xFF68, 0xFF69, 0xFF6A,
	0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70,
};

/*
 * May not end a line (klreq cl1, cl3): opening brackets and quotes
 * ( [ { （ ［ ｛ 〔 〈 《 「 『 【 〖 〘 〝 ｟ ｢ ‘ “ (sorted: bsearch).
 */
static const gunichar no_end[] = {
	'(', '[', '{', 0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
	0x3014, 0x3016, 0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F,
	0xFF62,
};

static int
cmp_char(const void *a, const void *b)
{
	gunichar x = *(const gunichar *)a, y = *(const gunichar *)b;

	return x < y ? -1 : x > y;
}

static bool
in_set(const gunichar *set, size_t n, gunichar c)
{
	return bsearch(&c, set, n, sizeof(*set), cmp_char) != NULL;
}

bool
breaks_no_head(gunichar c)
{
	return in_set(no_head, sizeof(no_head) / sizeof(no_head[0]), c);
}

bool
breaks_no_end(gunichar c)
{
	return in_set(no_end, sizeof(no_end) / sizeof(no_end[0]), c);
}


/* The last character before the spaces that end at p (p itself if none). */
static const char *
before_spaces(const char *text, const char *p)
{
	while (p > text && breaks_is_space(g_utf8_get_char(p)))
		p = g_utf8_find_prev_char(text, p);
	return p;
}

/* The end of the first character after the spaces that start at p. */
static const char *
after_spaces(const char *p)
{
	while (*p && breaks_is_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return *p ? g_utf8_next_char(p) : p;
}

/*
 * Digits with what belongs to them (klreq cl13, cl14): $1,000  35%
 * 3.5  ₩10,000  ¥500  36.5℃.
 */
static bool
in_number(gunichar c)
{
	return g_unichar_isdigit(c) || c == ',' || c == '.' || c == '$' ||
	    c == '%' || c == 0x00A5 || c == 0x20A9 || c == 0x2103 ||
	    c == 0xFF04 || c == 0xFF05 || c == 0xFFE5 || c == 0xFFE6;
}

/* Reads min to max ASCII digits at *p into *v, moving *p past them. */
static bool
read_number(const char **p, int min, int max, int *v)
{
	int n;

	for (n = 0, *v = 0; g_ascii_isdigit(**p); n++, (*p)++) {
		if (n == max)
			return false;
		*v = *v * 10 + (**p - '0');
	}
	return n >= min;
}

/* Past ". " and more spaces at p, or NULL if p holds no such thing. */
static const char *
point_space(const char *p)
{
	const char *q;

	if (*p != '.')
		return NULL;
	for (q = p + 1; *q && g_unichar_isspace(g_utf8_get_char(q));)
		q = g_utf8_next_char(q);
	return q > p + 1 ? q : NULL;
}

/* Past "7. 20" (a month 1-12, a point, spaces, a day 1-31), or NULL. */
static const char *
month_day(const char *q)
{
	int month, day;

	if (!read_number(&q, 1, 2, &month) || month < 1 || month > 12 ||
	    (q = point_space(q)) == NULL || !read_number(&q, 1, 2, &day) ||
	    day < 1 || day > 31)
		return NULL;
	return q;
}

/* Past a weekday in brackets, "(목)", or NULL. */
static const char *
weekday(const char *q)
{
	const char *r = q + 1;
	int n;

	if (*q != '(')
		return NULL;
	for (n = 0; n < 3 && *r && *r != ')' && *r != ' '; n++)
		r = g_utf8_next_char(r);
	return n > 0 && *r == ')' ? r + 1 : NULL;
}

/*
 * The end of a date written the Korean way at p, the first digit of a
 * run, or NULL: "2021. 7. 20." (a year of four digits, a month 1-12, a
 * day 1-31, the last point optional), and a weekday in brackets right
 * after it, "2021. 7. 1.(목)"; without the year only with the weekday,
 * "7. 26.(월)".  Narrow on purpose, so that "…3. 다음", "12. 7. 3." or
 * "7. 26." alone is no date.
 */
static const char *
date_end(const char *p)
{
	const char *q = p, *w;
	int year;

	if (read_number(&q, 4, 4, &year) && (q = point_space(q)) != NULL) {
		if ((q = month_day(q)) == NULL)
			return NULL;
		if (*q == '.')
			q++;
		return (w = weekday(q)) != NULL ? w : q;
	}
	if ((q = month_day(p)) == NULL || *q != '.')
		return NULL;
	return weekday(q + 1);
}

size_t
breaks_particle(const char *p)
{
	static const char *const particles[] = {
		"라고", "라는", "라며", "이라고", "이라는", "이라며", "하고",
		"하며",
	};
	size_t i, n;

	for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++) {
		n = strlen(particles[i]);
		if (strncmp(p, particles[i], n) == 0)
			return n;
	}
	/* "고" only as a word of its own: "“고맙습니다”" is no particle. */
	n = strlen("고");
	if (strncmp(p, "고", n) == 0 && (p[n] == '\0' ||
	    !g_unichar_isalpha(g_utf8_get_char(p + n))))
		return n;
	return 0;
}

void
breaks_punctuation(GArray *rules, const char *text)
{
	const char *p, *prev = NULL;

	for (p = text; *p; prev = p, p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *next = g_utf8_next_char(p), *date;
		gunichar b = prev ? g_utf8_get_char(prev) : ' ';
		bool head = breaks_no_head(c), end = breaks_no_end(c);

		if (c == '\'' || c == '"') {
			/* Closing after a non-space, else opening. */
			head = !breaks_is_space(b);
			end = !head;
		}
		if (head && prev != NULL) {
			/*
			 * After a space ("그렇습니다 · 가나다") the mark is
			 * glued across the space to the last syllable
			 * before it: in a box too narrow for the word and
			 * the mark, the forced break then falls inside the
			 * word, not before the space (" ·" starting a line).
			 */
			glue(rules, (size_t)(before_spaces(text, prev) - text),
			    (size_t)(next - text));
		}
		if (end && *next != '\0') {
			/* Likewise "“ 인용": to the first syllable after. */
			glue(rules, (size_t)(p - text),
			    (size_t)(after_spaces(next) - text));
		}
		/* A date "2021. 7. 20." as one unit. */
		if (g_ascii_isdigit(c) && (prev == NULL || !g_ascii_isdigit(b)) &&
		    (date = date_end(p)) != NULL)
			glue(rules, (size_t)(p - text), (size_t)(date - text));
		/* A closing quote, spaces, a particle: "’ 라고" as one. */
		if (head && (c == 0x2019 || c == 0x201D || c == '\'' ||
		    c == '"') && breaks_is_space(g_utf8_get_char(next))) {
			const char *w = after_spaces(next);
			size_t n;

			w = g_utf8_find_prev_char(text, w);
			if ((n = breaks_particle(w)) > 0)
				glue(rules, (size_t)(p - text),
				    (size_t)(w + n - text));
		}
		/* "월 300만 원" joined by U+00A0: no break either side. */
		if (breaks_is_joiner(c) && prev != NULL && *next != '\0')
			glue(rules, (size_t)(prev - text),
			    (size_t)(g_utf8_next_char(next) - text));
		/* Runs that are one unit: numbers, "……", "‥‥", "——", "――". */
		if (prev != NULL && ((in_number(b) && in_number(c) &&
		    (g_unichar_isdigit(b) || g_unichar_isdigit(c))) ||
		    (b == c && (c == 0x2014 || c == 0x2015 || c == 0x2025 ||
		    c == 0x2026))))
			glue(rules, (size_t)(prev - text), (size_t)(next - text));
	}
}

/*
 * Why merge, and why in order.  Pango 1.50 applies these attributes
 * in time that grows with their number times the paragraph's length:
 * for each one it counts the characters from the paragraph's start to
 * its ends (pango_attr_break), every item of a line copies all the
 * attributes over it when a line break splits it, and
 * pango_attr_list_insert() walks the list to keep it sorted unless the
 * new attribute starts last.  A number or a run of marks made one
 * glue per pair of characters, each overlapping the next.  (An
 * over-long word split by split_long_words() keeps one glue per mark:
 * the zero-width spaces between its characters stop the merging.)
 *
 * Glues that overlap ([a, c) and [b, d) with b < c) remove the breaks
 * strictly inside [a, d), as one glue over it does, with one exception:
 * inside a glue Pango puts back the break after a hyphen or a
 * zero-width space it passes (not after one at the glue's start), so
 * glues are merged only while no such character lies after the first
 * one's start.  The words never overlap.
 */
static bool
puts_back_break(gunichar c)
{
	return c == 0x00AD || c == 0x05A0 || c == 0x2010 || c == 0x2012 ||
	    c == 0x2013 || c == 0x05BE || c == 0x0F0B || c == 0x1361 ||
	    c == 0x17D8 || c == 0x17DA || c == 0x2027 || c == '|' ||
	    g_unichar_break_type(c) == G_UNICODE_BREAK_ZERO_WIDTH_SPACE;
}

/* Whether text[from, to) holds no character puts_back_break() names. */
static bool
is_plain(const char *text, size_t from, size_t to)
{
	const char *p;

	for (p = text + from; p < text + to; p = g_utf8_next_char(p))
		if (puts_back_break(g_utf8_get_char(p)))
			return false;
	return true;
}

static int
cmp_rule(const void *a, const void *b)
{
	const struct breaks_rule *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void
insert(PangoAttrList *attrs, const struct breaks_rule *r)
{
	PangoAttribute *a = r->word ? pango_attr_word_new() :
	    pango_attr_allow_breaks_new(FALSE);

	a->start_index = r->start;
	a->end_index = r->end;
	pango_attr_list_insert(attrs, a);
}

void
breaks_apply(PangoAttrList *attrs, GArray *rules, const char *text)
{
	GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(struct breaks_rule),
	    rules->len);
	struct breaks_rule cur = { 0, 0, false }, *r;
	bool open = false, plain = false;
	guint i;

	/*
	 * g_array_sort() is stable, so glues with one start stay in the
	 * order Pango would have kept them in.
	 */
	g_array_sort(rules, cmp_rule);
	r = (struct breaks_rule *)(void *)rules->data;
	for (i = 0; i < rules->len; i++) {
		if (r[i].word) {
			g_array_append_val(out, r[i]);
			continue;
		}
		if (open && r[i].start < cur.end) {
			if (r[i].start == cur.start && r[i].end == cur.end)
				continue;	/* the same glue twice */
			if (plain && r[i].end <= cur.end)
				continue;	/* inside cur */
			if (plain && is_plain(text, cur.end, r[i].end)) {
				cur.end = r[i].end;
				continue;
			}
		}
		if (open)
			g_array_append_val(out, cur);
		cur = r[i];
		open = true;
		plain = is_plain(text, (size_t)(g_utf8_next_char(text +
		    cur.start) - text), cur.end);
	}
	if (open)
		g_array_append_val(out, cur);
	/* A merged glue went out after the words it spans: sort again. */
	g_array_sort(out, cmp_rule);
	r = (struct breaks_rule *)(void *)out->data;
	for (i = 0; i < out->len; i++)
		insert(attrs, &r[i]);
	g_array_free(out, TRUE);
}
