/*
 * SVG backend: one page per file, through cairo's SVG surface.  Text
 * becomes glyph outlines, so the file needs no fonts to display.  On
 * its way to the file, the SVG's surface and image ids are renumbered
 * (below), so the bytes do not depend on --jobs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>
#include <glib.h>

#include "mem.h"
#include "out.h"
#include "outfile.h"

/*
 * cairo 1.16 names most of an SVG's ids from counters of the document
 * (glyphN-M, clipN, maskN, patternN, linearN, radialN), but two from
 * the process-wide unique id of a cairo surface:
 *
 *	<g id="surface751">		<use xlink:href="#surface751"/>
 *	<image id="image748" …>		<use xlink:href="#image748"/>
 *
 * Threads painting pages side by side draw those numbers from the same
 * counter, so at --jobs 2 and up a page got other numbers than at
 * --jobs 1.  The writer below maps them to 1, 2, … in order of first
 * appearance in the file, separately for each prefix, which depends on
 * the page alone.
 *
 * It is a byte-at-a-time matcher over the stream cairo writes, so a
 * chunk boundary may fall anywhere: a match starts at '"' or '#', then
 * "surface" or "image", digits, and ends at '"' or ')'.  Bytes that
 * might still match are held back; on a mismatch they go out as they
 * were.  None of the matched characters is '"' or '#' except the first,
 * so a mismatch can only start a new match at the byte that broke it.
 * Nothing else cairo writes looks like this: paths are numbers, text is
 * glyph outlines, embedded images are base64 (no '"' nor '#').
 */
static const char *const prefixes[] = { "surface", "image" };
#define NPREFIX	(sizeof(prefixes) / sizeof(prefixes[0]))
#define MAXDIGITS 10	/* an unsigned int */

struct svg_ids {
	FILE		*fp;
	GHashTable	*ids[NPREFIX];	/* cairo's number → ours */
	unsigned int	 next[NPREFIX];	/* the last number given */
	char		 held[1 + 7 + MAXDIGITS + 1];	/* '#' "surface" digits, NUL */
	size_t		 nheld;
	int		 prefix;	/* -1: not yet told apart */
	size_t		 digits;
	bool		 failed;	/* a write failed */
};

static void
emit(struct svg_ids *s, const char *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, s->fp) != n)
		s->failed = true;
}

/* The held bytes go out unchanged. */
static void
flush_held(struct svg_ids *s)
{
	emit(s, s->held, s->nheld);
	s->nheld = 0;
}

/* The held id is complete: write it renumbered. */
static void
renumber(struct svg_ids *s)
{
	const char *name = prefixes[s->prefix];
	size_t lead = 1 + strlen(name);
	GHashTable *ids = s->ids[s->prefix];
	unsigned long v;
	gpointer ours;
	char buf[sizeof(s->held) + 1];
	int n;

	s->held[s->nheld] = '\0';
	v = strtoul(s->held + lead, NULL, 10);
	if (!g_hash_table_lookup_extended(ids, GUINT_TO_POINTER(v), NULL,
	    &ours)) {
		ours = GUINT_TO_POINTER(++s->next[s->prefix]);
		g_hash_table_insert(ids, GUINT_TO_POINTER(v), ours);
	}
	n = snprintf(buf, sizeof(buf), "%c%s%u", s->held[0], name,
	    GPOINTER_TO_UINT(ours));
	emit(s, buf, (size_t)n);
	s->nheld = 0;
}

/* True if c may start a match: hold it. */
static bool
starts(struct svg_ids *s, unsigned char c)
{
	if (c != '"' && c != '#')
		return false;
	s->held[0] = (char)c;
	s->nheld = 1;
	s->prefix = -1;
	s->digits = 0;
	return true;
}

/* One byte through the matcher, with something held. */
static void
step(struct svg_ids *s, unsigned char c)
{
	size_t at = s->nheld - 1;	/* letters matched so far */
	size_t i;

	if (s->prefix < 0) {
		for (i = 0; i < NPREFIX; i++)
			if (strncmp(prefixes[i], s->held + 1, at) == 0 &&
			    prefixes[i][at] == (char)c)
				break;
		if (i < NPREFIX) {
			s->held[s->nheld++] = (char)c;
			if (prefixes[i][at + 1] == '\0')
				s->prefix = (int)i;
			return;
		}
	} else if (c >= '0' && c <= '9' && s->digits < MAXDIGITS) {
		s->held[s->nheld++] = (char)c;
		s->digits++;
		return;
	} else if ((c == '"' || c == ')') && s->digits > 0) {
		renumber(s);
		emit(s, (const char *)&c, 1);
		return;
	}
	flush_held(s);
	if (!starts(s, c))
		emit(s, (const char *)&c, 1);
}

static cairo_status_t
svg_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct svg_ids *s = closure;
	const unsigned char *p = data, *end = data + len, *q;

	while (p < end) {
		if (s->nheld > 0) {
			step(s, *p++);
			continue;
		}
		/* Nothing held: copy up to the next possible start. */
		for (q = p; q < end && *q != '"' && *q != '#'; q++)
			;
		emit(s, (const char *)p, (size_t)(q - p));
		if (q < end)
			starts(s, *q++);
		p = q;
	}
	return s->failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void
svg_ids_free(void *v)
{
	struct svg_ids *s = v;
	size_t i;

	for (i = 0; i < NPREFIX; i++)
		g_hash_table_destroy(s->ids[i]);
	free(s);
}

static const cairo_user_data_key_t ids_key;

static cairo_t *
svg_page_begin(struct outdoc *doc, double w, double h)
{
	struct svg_ids *s = xcalloc(1, sizeof(*s));
	size_t i;

	s->fp = outfile_fp(doc->of);
	for (i = 0; i < NPREFIX; i++)
		s->ids[i] = g_hash_table_new(g_direct_hash, g_direct_equal);
	doc->surface = cairo_svg_surface_create_for_stream(svg_write, s, w,
	    h);
	/*
	 * Freed with the surface, after its last write.  Should cairo be
	 * out of memory here, a surface in error never writes and s goes;
	 * a working one may still write through s, so it stays (leaked),
	 * and svg_page_end() reports the failure.
	 */
	if (cairo_surface_set_user_data(doc->surface, &ids_key, s,
	    svg_ids_free) != CAIRO_STATUS_SUCCESS &&
	    cairo_surface_status(doc->surface) != CAIRO_STATUS_SUCCESS)
		svg_ids_free(s);
	cairo_svg_surface_restrict_to_version(doc->surface,
	    CAIRO_SVG_VERSION_1_1);
	return cairo_create(doc->surface);
}

static bool
svg_page_end(struct outdoc *doc, cairo_t *cr)
{
	cairo_status_t st = out_page_finish(doc, cr);
	struct svg_ids *s;

	cairo_surface_finish(doc->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surface);
	/* What is still held is no id: it ends the file as it was. */
	s = cairo_surface_get_user_data(doc->surface, &ids_key);
	if (s == NULL && st == CAIRO_STATUS_SUCCESS)
		st = CAIRO_STATUS_NO_MEMORY;
	if (s != NULL) {
		flush_held(s);
		if (s->failed && st == CAIRO_STATUS_SUCCESS)
			st = CAIRO_STATUS_WRITE_ERROR;
	}
	cairo_surface_destroy(doc->surface);
	doc->surface = NULL;
	return out_check(doc, st);
}

const struct out_backend out_svg = {
	.name = "svg",
	.unit = "pt",
	.nouns = "SVG files",
	.rate = "files/s",
	.picture = true,
	.close_locked = true,
	.open = out_doc_open,
	.page_begin = svg_page_begin,
	.page_end = svg_page_end,
	.close = out_doc_close,
};
