/*
 * Units and values of the layout language: lengths ("12pt", "18mm",
 * "1080px"), colours ("#1a1a1a", "#ffd400cc"), page sizes ("A4").
 * Parsing ignores the locale: "12.5pt" reads the same everywhere.
 * Every length comes out in points.
 */
#ifndef UNITS_H
#define UNITS_H

#include <stdbool.h>
#include <stddef.h>

/* How a colour is given: sRGB, or for the press CMYK (DeviceCMYK in a
 * PDF) or a spot colour (a Separation named for its ink, CMYK its
 * fallback). */
enum color_space {
	COLOR_RGB,
	COLOR_CMYK,
	COLOR_SPOT,
};

struct color {
	double		 r, g, b, a;	/* 0..1: sRGB, as screens show it
					   (CMYK through the press profile,
					   cmyk.h) */
	double		 cmyk[4];	/* CMYK, SPOT: 0..1 */
	const char	*spot;		/* SPOT: its ink's name, interned */
	int		 space;		/* enum color_space */
};

/* Points per unit; 1px = 0.75pt (the CSS convention). */
#define PT_PER_PX	0.75

/* The units a length may be written in, sorted by name. */
enum unit {
	UNIT_CM,
	UNIT_IN,
	UNIT_MM,
	UNIT_PT,
	UNIT_PX,
	UNIT__MAX
};

/* A length as text for a message, held by value: "9.1px". */
struct units_text {
	char	s[32];
};

/*
 * Parses a length with its unit into *pt.  `em` is allowed only when
 * em_size > 0 (then 1em = em_size points).  False if the text is not a
 * number followed by a known unit.
 */
bool	units_parse_length(const char *, double em_size, double *pt);

/*
 * The unit a length is written in ("12px": UNIT_PX); false for what
 * units_parse_length() refuses, and for "0" and em, which name none.
 */
bool	units_length_unit(const char *, enum unit *);

/*
 * pt points written in unit u, with the decimals that unit needs
 * (one for pt, mm and px, two for cm and in): units_format(UNIT_PX,
 * 6.8).s is "9.1px".  The text lives in the returned value, so it may
 * be an argument of a printf-like call (the temporary lives until the
 * call's end) and no thread shares it.
 */
struct units_text	units_format(enum unit u, double pt);

/* Parses a plain number ("1.6"), or a percentage ("160%") as 1.6. */
bool	units_parse_factor(const char *, double *);

/*
 * Parses "#rgb", "#rrggbb" or "#rrggbbaa"; "cmyk(C, M, Y, K)", each a
 * percentage or a number from 0 to 1; or "spot(NAME, cmyk(…))", an ink
 * by name with the CMYK that stands for it.
 */
bool	units_parse_color(const char *, struct color *);

/* The PDF standards a document can claim (--pdf-standard, a layout's
 * page: pdf-standard), as bits. */
enum pdf_standard {
	PDF_UA1 = 1,	/* PDF/UA-1: accessible */
	PDF_X4 = 2,	/* PDF/X-4: for the press, CMYK output intent */
	PDF_A2U = 4,	/* PDF/A-2u: for archives, sRGB output intent */
};

/* The standard named s ("ua-1", "x-4", "a-2u") as its bit, or 0. */
unsigned	units_pdf_standard(const char *s);
/* The i-th standard's name, or NULL past the last (layschema.c). */
const char	*units_pdf_standard_name(size_t i);

/* The forms of a colour, for messages. */
#define UNITS_COLOR_FORMS	"'#rgb', '#rrggbb', '#rrggbbaa', " \
				"'cmyk(C, M, Y, K)' or " \
				"'spot(NAME, cmyk(C, M, Y, K))'"

/*
 * What to add to a message about s, which is no colour: for a cmyk(…)
 * or spot(…) the rule its parts broke ("; a part is from 0 to 1, or a
 * percentage: …"), else "".
 */
const char	*units_color_hint(const char *s);

/* Whether a and b are the same colour, given the same way. */
bool	units_color_same(const struct color *a, const struct color *b);

/* The longest name of a spot colour's ink (a PDF name: 127 bytes). */
#define UNITS_SPOT_MAX	100

/*
 * Parses an image's focus, CSS object-position: one or two of left,
 * right, top, bottom, center and percentages 0%..100% ("top",
 * "30% 20%", "left bottom") into *x, *y, fractions (0.5 is the middle).
 */
bool	units_parse_focus(const char *, double *x, double *y);
/* What units_parse_focus reads, for messages. */
#define FOCUS_FORMS	"give one or two of top, bottom, left, right, " \
			"center, or percentages, x then y: [50%, 30%]"

/*
 * Whether s is a language tag as PDF's /Lang takes one (BCP 47, in
 * its common shape): a language of 2 or 3 letters (ISO 639: BCP 47's
 * longer ones are reserved, so "english" is a mistake), then subtags
 * of 1 to 8 letters or digits, each after a hyphen ("ko-KR", "en",
 * "zh-Hant").
 */
bool	units_lang(const char *s);

/* Looks up a named page size ("A4", case-insensitive), portrait. */
bool	units_page_size(const char *, double *w, double *h);

/* A unit's name ("mm"), and the i-th page size's name ("A4", NULL
 * past the last): for layschema.c. */
const char	*units_name(enum unit u);
const char	*units_page_name(size_t i);

/* The units and page names, for messages. */
extern const char units_list[];
extern const char units_page_list[];

#endif
