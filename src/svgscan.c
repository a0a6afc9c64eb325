/*
 * SVG scan: parse the SVG with libxml2 (the parser librsvg itself uses,
 * so entities and character references read the same), visit every
 * element, and check each reference that would load something:
 *
 *     href / xlink:href (but not on <a>, a link)   ─┐
 *     url(…) in any attribute or <style> text       ├─▶ check_ref()
 *     <?xml-stylesheet href?>, @import in styles   ─┘
 *
 *     check_ref:  #frag → nothing loaded;  data: → decode the bytes;
 *                 other scheme → librsvg refuses it;  else a file in
 *                 the SVG's folder (librsvg loads no other), opened
 *                 without blocking
 *     the bytes:  PNG / JPEG → size from the header, against the
 *                 limits;  SVG → scanned in turn;  a style sheet →
 *                 its url()s;  anything else → refused
 *
 * Nothing here decodes pixels.  Limits on depth and on the number of
 * files keep the scan itself cheap whatever the input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "confine.h"
#include "image.h"
#include "jpeg.h"
#include "svgscan.h"

#define MAX_DEPTH	4	/* SVG in SVG in …, and style sheets */
#define MAX_FILES	64	/* distinct files read by one scan */

struct scan {
	GHashTable	*seen;		/* paths already checked */
	char		*why;
	size_t		 whylen;
	bool		 refused;
};

static void	scan_bytes(struct scan *, const unsigned char *, size_t,
		    const char *dir, const char *what, bool css, int depth);

bool
svgscan_is_svg(const unsigned char *b, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && i < 256 && g_ascii_isspace(b[i]))
		i++;
	return (len - i >= 5 && memcmp(b + i, "<?xml", 5) == 0) ||
	    (len - i >= 4 && memcmp(b + i, "<svg", 4) == 0) ||
	    (len - i >= 9 && memcmp(b + i, "<!DOCTYPE", 9) == 0);
}

static void
refuse(struct scan *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
refuse(struct scan *s, const char *fmt, ...)
{
	va_list ap;

	if (s->refused)
		return;
	s->refused = true;
	va_start(ap, fmt);
	vsnprintf(s->why, s->whylen, fmt, ap);
	va_end(ap);
}

/* A raster inside: its size from the header, against the limits. */
static void
check_size(struct scan *s, const char *what, const char *kind,
    unsigned long w, unsigned long h)
{
	if (w == 0 || h == 0 || w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE ||
	    (double)w * h > IMAGE_MAX_PIXELS)
		refuse(s, "it holds a %s image (%s) of %lu × %lu pixels; the "
		    "limit is %d megapixels and %d pixels a side", kind, what,
		    w, h, IMAGE_MAX_PIXELS / 1000000, IMAGE_MAX_SIDE);
}

/* "data:[type][;base64],payload" → the payload's bytes, or NULL. */
static GBytes *
data_uri(const char *uri)
{
	const char *comma = strchr(uri, ',');
	bool b64;

	if (comma == NULL)
		return NULL;
	b64 = comma - uri >= 12 &&
	    g_ascii_strncasecmp(comma - 7, ";base64", 7) == 0;
	if (b64) {
		gsize n;
		guchar *p = g_base64_decode(comma + 1, &n);

		return g_bytes_new_take(p, n);
	}
	return g_uri_unescape_bytes(comma + 1, -1, NULL, NULL);
}

/* A file reference, resolved in dir: checked if librsvg would load it. */
static void
check_file(struct scan *s, const char *ref, const char *dir, bool css,
    int depth)
{
	char *rel, *path, *sub, *cut, why[256];
	unsigned char *buf;
	size_t len;

	rel = g_str_has_prefix(ref, "file://") ? g_strdup(ref + 7) :
	    g_strdup(ref);
	if ((cut = strpbrk(rel, "#?")) != NULL)
		*cut = '\0';
	path = g_uri_unescape_string(rel, NULL);
	g_free(rel);
	if (path == NULL || *path == '\0') {
		g_free(path);
		return;
	}
	if (!g_path_is_absolute(path)) {
		char *abs = g_build_filename(dir, path, NULL);

		g_free(path);
		path = abs;
	}
	/* librsvg loads nothing from outside the SVG's folder, nor what
	 * does not exist; each file is checked once. */
	if (!confine_inside(NULL, dir, path) ||
	    g_hash_table_contains(s->seen, path)) {
		g_free(path);
		return;
	}
	if (g_hash_table_size(s->seen) >= MAX_FILES) {
		refuse(s, "it refers to more than %d files", MAX_FILES);
		g_free(path);
		return;
	}
	g_hash_table_add(s->seen, path);
	if (!confine_read(path, IMAGE_MAX_FILE, &buf, &len, why,
	    sizeof(why))) {
		refuse(s, "it refers to '%s': %s", ref, why);
		return;
	}
	sub = g_path_get_dirname(path);
	scan_bytes(s, buf, len, sub, ref, css, depth);
	g_free(sub);
	free(buf);
}

static void
check_ref(struct scan *s, const char *ref, const char *dir, bool css,
    int depth)
{
	const char *p;

	while (g_ascii_isspace(*ref) || *ref == '"' || *ref == '\'')
		ref++;
	if (*ref == '\0' || *ref == '#')
		return;
	if (g_ascii_strncasecmp(ref, "data:", 5) == 0) {
		GBytes *b = data_uri(ref);

		if (b != NULL) {
			gsize n;
			const unsigned char *p2 = g_bytes_get_data(b, &n);

			scan_bytes(s, p2 ? p2 : (const unsigned char *)"", n,
			    dir, "a data: URI", css, depth);
			g_bytes_unref(b);
		}
		return;
	}
	/* Another scheme than file: librsvg does not load it. */
	for (p = ref; g_ascii_isalnum(*p) || *p == '+' || *p == '-' ||
	    *p == '.'; p++)
		;
	if (*p == ':' && p > ref + 1 && !g_str_has_prefix(ref, "file:"))
		return;
	check_file(s, ref, dir, css, depth);
}

/*
 * The url(…) references in CSS or an attribute's text, and with css
 * also @import "…": each checked as a reference.
 */
static void
scan_css(struct scan *s, const char *text, const char *dir, int depth)
{
	const char *p = text;

	while (!s->refused && (p = strstr(p, "url(")) != NULL) {
		const char *end = strchr(p + 4, ')');
		char *ref, *q;

		if (end == NULL)
			break;
		ref = g_strndup(p + 4, (gsize)(end - p - 4));
		g_strstrip(ref);
		if ((q = strpbrk(ref, "\"'")) != NULL && q != ref)
			*q = '\0';
		else if (q == ref && (q = strpbrk(ref + 1, "\"'")) != NULL)
			*q = '\0';
		check_ref(s, ref, dir, false, depth);
		g_free(ref);
		p = end;
	}
	for (p = text; !s->refused && (p = strstr(p, "@import")) != NULL;
	    p += 7) {
		const char *q = p + 7, *end;
		char *ref;

		while (g_ascii_isspace(*q))
			q++;
		if (*q != '"' && *q != '\'')
			continue;	/* url(…): done above */
		if ((end = strchr(q + 1, *q)) == NULL)
			break;
		ref = g_strndup(q + 1, (gsize)(end - q - 1));
		check_ref(s, ref, dir, true, depth);
		g_free(ref);
	}
}

static void
scan_node(struct scan *s, xmlDocPtr doc, xmlNodePtr n, const char *dir,
    int depth)
{
	for (; n != NULL && !s->refused; n = n->next) {
		xmlAttrPtr a;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL && n->parent != NULL &&
			    xmlStrcmp(n->parent->name, BAD_CAST "style") == 0)
				scan_css(s, (const char *)n->content, dir,
				    depth);
			continue;
		}
		if (n->type == XML_PI_NODE) {
			const char *c = (const char *)n->content, *h;

			if (c != NULL && xmlStrcmp(n->name,
			    BAD_CAST "xml-stylesheet") == 0 &&
			    (h = strstr(c, "href=")) != NULL && h[5] != '\0') {
				const char *end = strchr(h + 6, h[5]);
				char *ref = end ? g_strndup(h + 6,
				    (gsize)(end - h - 6)) : NULL;

				if (ref != NULL)
					check_ref(s, ref, dir, true, depth);
				g_free(ref);
			}
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL && !s->refused; a = a->next) {
			xmlChar *v = xmlNodeListGetString(doc, a->children, 1);

			if (v == NULL)
				continue;
			if (xmlStrcmp(a->name, BAD_CAST "href") == 0 &&
			    xmlStrcmp(n->name, BAD_CAST "a") != 0)
				check_ref(s, (const char *)v, dir, false,
				    depth);
			else
				scan_css(s, (const char *)v, dir, depth);
			xmlFree(v);
		}
		scan_node(s, doc, n->children, dir, depth);
	}
}

/* The bytes of a reference (or of the SVG itself at depth 0). */
static void
scan_bytes(struct scan *s, const unsigned char *b, size_t len,
    const char *dir, const char *what, bool css, int depth)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };
	unsigned int jw, jh;

	if (len >= 24 && memcmp(b, png, 8) == 0) {
		if (memcmp(b + 12, "IHDR", 4) != 0)
			refuse(s, "it holds a PNG image (%s) without a header",
			    what);
		else
			check_size(s, what, "PNG",
			    (unsigned long)b[16] << 24 | b[17] << 16 |
			    b[18] << 8 | b[19],
			    (unsigned long)b[20] << 24 | b[21] << 16 |
			    b[22] << 8 | b[23]);
		return;
	}
	if (len >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
		if (!jpeg_size(b, len, &jw, &jh))
			refuse(s, "it holds a JPEG image (%s) whose header "
			    "cannot be read", what);
		else
			check_size(s, what, "JPEG", jw, jh);
		return;
	}
	if (depth >= MAX_DEPTH) {
		refuse(s, "it nests images or style sheets more than %d "
		    "deep (%s)", MAX_DEPTH, what);
		return;
	}
	if (svgscan_is_svg(b, len)) {
		/* As librsvg parses: no network, entities kept as
		 * references and expanded when a value is read. */
		xmlDocPtr doc = xmlReadMemory((const char *)b, (int)len,
		    NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING);

		if (doc == NULL) {
			if (depth > 0)
				refuse(s, "it holds an SVG (%s) that is not "
				    "well-formed", what);
			else
				s->refused = true;	/* SVGSCAN_UNPARSED */
			return;
		}
		scan_node(s, doc, doc->children, dir, depth + 1);
		xmlFreeDoc(doc);
		return;
	}
	if (css && memchr(b, '\0', len) == NULL) {
		char *text = g_strndup((const char *)b, len);

		scan_css(s, text, dir, depth + 1);
		g_free(text);
		return;
	}
	refuse(s, "it holds an image (%s) that is not PNG, JPEG or SVG, "
	    "which an SVG here may not", what);
}

enum svgscan
svgscan_check(const unsigned char *buf, size_t len, const char *path,
    char *why, size_t whylen)
{
	static gsize inited;
	struct scan s = { NULL, why, whylen, false };
	char *dir = g_path_get_dirname(path);

	*why = '\0';
	/*
	 * libxml2 must be initialised once before threads use it; each
	 * worker passes here before it reaches librsvg (which uses
	 * libxml2 too), so this once is the first.
	 */
	if (g_once_init_enter(&inited)) {
		xmlInitParser();
		g_once_init_leave(&inited, 1);
	}
	s.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	scan_bytes(&s, buf, len, dir, "the SVG", false, 0);
	g_hash_table_destroy(s.seen);
	g_free(dir);
	if (s.refused && *why == '\0')
		return SVGSCAN_UNPARSED;
	return s.refused ? SVGSCAN_REFUSED : SVGSCAN_OK;
}
