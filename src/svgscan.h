/*
 * What an SVG would make librsvg load, checked before librsvg loads it:
 * the raster images inside (data: URIs, and files next to the SVG) are
 * held to the image limits of image.h from their headers, so that a
 * small SVG cannot make every worker decode a 20000 × 20000 PNG.
 */
#ifndef SVGSCAN_H
#define SVGSCAN_H

#include <stdbool.h>
#include <stddef.h>

enum svgscan {
	SVGSCAN_OK,		/* every image inside is within the limits */
	SVGSCAN_REFUSED,	/* one is not: why says which and why */
	SVGSCAN_UNPARSED	/* not well-formed XML: nothing checked */
};

/*
 * Scans the SVG in buf (len bytes) read from path: every reference an
 * element would load (href, url(…), xml-stylesheet, @import),
 * following nested SVGs and style sheets a few levels deep.  Files are
 * looked at only inside the SVG's folder, as librsvg only loads those.
 */
/* An SVG file: after any blanks, "<?xml", "<svg" or "<!DOCTYPE". */
bool		svgscan_is_svg(const unsigned char *, size_t);

enum svgscan	svgscan_check(const unsigned char *buf, size_t len,
		    const char *path, char *why, size_t whylen);

#endif
