/*
 * Press colours on screens: CMYK converted to sRGB through the press's
 * ICC profile, the one a PDF/X names as its output intent, so that a
 * PNG, an SVG and the PDF's CMYK colour look alike.
 */
#ifndef CMYK_H
#define CMYK_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The CMYK profile: Ghostscript's "Artifex CMYK SWOP Profile" (Debian's
 * libgs-common, AGPL-3+ as Ghostscript; installed with ghostscript),
 * characterising SWOP coated stock (CGATS TR 001).
 */
#define CMYK_PROFILE	"/usr/share/color/icc/ghostscript/default_cmyk.icc"

/*
 * cmyk[4] (0..1) as sRGB rgb[3] (0..1), relative colorimetric with
 * black point compensation.  Without the profile, the naive formula
 * (1 - c)(1 - k) …; thread-safe.
 */
void		 cmyk_to_srgb(const double cmyk[4], double rgb[3]);

/* The profile's bytes (owned here, for the run), or NULL if missing. */
const unsigned char *cmyk_profile(size_t *len);

/* The sRGB profile a PDF/A names as its output intent, and PDF/X-4
 * gives RGB as its DefaultRGB: Ghostscript's, beside the CMYK one. */
#define SRGB_PROFILE	"/usr/share/color/icc/ghostscript/srgb.icc"

/* Its bytes (owned here, for the run), or NULL if missing. */
const unsigned char *cmyk_srgb_profile(size_t *len);

#endif
