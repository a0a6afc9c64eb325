/*
 * Units and values of the layout language: lengths ("12pt", "18mm",
 * "1080px"), colours ("#1a1a1a", "#ffd400cc"), page sizes ("A4").
 * Parsing ignores the locale: "12.5pt" reads the same everywhere.
 * Every length comes out in points.
 */
#ifndef UNITS_H
#define UNITS_H

#include <stdbool.h>

struct color {
	double	r, g, b, a;	/* 0..1 */
};

/* Points per unit; 1px = 0.75pt (the CSS convention). */
#define PT_PER_PX	0.75

/*
 * Parses a length with its unit into *pt.  `em` is allowed only when
 * em_size > 0 (then 1em = em_size points).  False if the text is not a
 * number followed by a known unit.
 */
bool	units_parse_length(const char *, double em_size, double *pt);

/* Parses a plain number ("1.6"), or a percentage ("160%") as 1.6. */
bool	units_parse_factor(const char *, double *);

/* Parses "#rgb", "#rrggbb" or "#rrggbbaa". */
bool	units_parse_color(const char *, struct color *);

/* Looks up a named page size ("A4", case-insensitive), portrait. */
bool	units_page_size(const char *, double *w, double *h);

/* The units and page names, for messages. */
extern const char units_list[];
extern const char units_page_list[];

#endif
