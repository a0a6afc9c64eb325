/*
 * The fonts of a PDF of our own (pdffont.h): the faces the pages drew
 * with, gathered on the main thread in page order, then each written at
 * the document's end as a Type 0 font over a CIDFont whose CIDs are the
 * font file's glyph ids, embedded as a HarfBuzz subset (hb-subset) with
 * the glyph ids kept, its exact widths and a ToUnicode CMap.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "pdffont.h"
#include "pdfw.h"

/* One face, keyed by (file, index), with every glyph the pages used. */
struct face {
	char		*file;
	int		 index;
	int		 obj;		/* the Type 0 font's number */
	GHashTable	*glyphs;	/* gid → struct pdfglyph * */
};

struct pdffonts {
	GPtrArray	*faces;		/* struct face *, in order of first use */
	GHashTable	*byname;	/* "index:file" → struct face * */
};

void
pdffont_use_free(struct pdffont_use *u)
{
	if (u == NULL)
		return;
	for (guint i = 0; u->glyphs != NULL && i < u->glyphs->len; i++)
		g_free(g_array_index(u->glyphs, struct pdfglyph, i).text);
	if (u->glyphs != NULL)
		g_array_free(u->glyphs, TRUE);
	g_free(u->file);
	u->file = NULL;
	u->glyphs = NULL;
}

static void
glyph_free(void *p)
{
	struct pdfglyph *g = p;

	g_free(g->text);
	g_free(g);
}

static void
face_free(void *p)
{
	struct face *f = p;

	g_hash_table_destroy(f->glyphs);
	g_free(f->file);
	g_free(f);
}

struct pdffonts *
pdffonts_new(void)
{
	struct pdffonts *fs = g_new0(struct pdffonts, 1);

	fs->faces = g_ptr_array_new_with_free_func(face_free);
	fs->byname = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	return fs;
}

void
pdffonts_free(struct pdffonts *fs)
{
	if (fs == NULL)
		return;
	g_hash_table_destroy(fs->byname);
	g_ptr_array_free(fs->faces, TRUE);
	g_free(fs);
}

int
pdffonts_add(struct pdffonts *fs, struct pdfw *w, const struct pdffont_use *u)
{
	char *key = g_strdup_printf("%d:%s", u->index, u->file);
	struct face *f = g_hash_table_lookup(fs->byname, key);

	if (f == NULL) {
		f = g_new0(struct face, 1);
		f->file = g_strdup(u->file);
		f->index = u->index;
		f->obj = pdfw_reserve(w);
		f->glyphs = g_hash_table_new_full(g_direct_hash,
		    g_direct_equal, NULL, glyph_free);
		g_ptr_array_add(fs->faces, f);
		g_hash_table_insert(fs->byname, key, f);
	} else
		g_free(key);
	for (guint i = 0; u->glyphs != NULL && i < u->glyphs->len; i++) {
		const struct pdfglyph *g = &g_array_index(u->glyphs,
		    struct pdfglyph, i);
		gpointer k = GUINT_TO_POINTER(g->gid);
		struct pdfglyph *copy;

		if (g_hash_table_contains(f->glyphs, k))
			continue;
		copy = g_new(struct pdfglyph, 1);
		copy->gid = g->gid;
		copy->width = g->width;
		copy->text = g_strdup(g->text != NULL ? g->text : "");
		g_hash_table_insert(f->glyphs, k, copy);
	}
	return f->obj;
}

static int
by_gid(const void *a, const void *b)
{
	const struct pdfglyph *x = *(const struct pdfglyph *const *)a;
	const struct pdfglyph *y = *(const struct pdfglyph *const *)b;

	return (x->gid > y->gid) - (x->gid < y->gid);
}

/* The face's glyphs sorted by gid (the face keeps them); g_free() it. */
static struct pdfglyph **
sorted_glyphs(const struct face *f, size_t *n)
{
	GHashTableIter it;
	gpointer v;
	struct pdfglyph **gs;
	size_t i = 0;

	*n = g_hash_table_size(f->glyphs);
	gs = g_new(struct pdfglyph *, *n + 1);
	g_hash_table_iter_init(&it, f->glyphs);
	while (g_hash_table_iter_next(&it, NULL, &v))
		gs[i++] = v;
	qsort(gs, *n, sizeof(*gs), by_gid);
	return gs;
}

/*
 * The subset tag (PDF 9.6.4): six capitals from a hash (FNV-1a) of the
 * glyph set, so the same pages always give the same tag and another
 * subset of the same font another one.
 */
static void
subset_tag(struct pdfglyph *const *gs, size_t n, char tag[7])
{
	uint64_t h = 14695981039346656037u;

	for (size_t i = 0; i < n; i++)
		for (int b = 0; b < 4; b++) {
			h ^= (gs[i]->gid >> (8 * b)) & 0xff;
			h *= 1099511628211u;
		}
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/*
 * Subset font file as HarfBuzz writes it: the glyphs of gs and .notdef,
 * their ids kept (the content streams use them as CIDs), hinting kept,
 * and none of the tables a PDF viewer never reads.  NULL if it failed.
 */
static hb_blob_t *
subset_face(hb_face_t *face, struct pdfglyph *const *gs, size_t n)
{
	/*
	 * Layout, kerning and metamorphosis tables shape text, which is
	 * done; cmap maps characters the content streams never use (they
	 * name glyphs; PDF 9.9: a CIDFontType2 needs no cmap); hdmx, VDMX,
	 * LTSH and gasp serve hinted rasterising, gone with the hints.
	 */
	static const char *const drop[] = {
		"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern",
		"morx", "mort", "kerx", "feat", "trak", "cmap", "DSIG",
		"hdmx", "VDMX", "LTSH", "gasp", "PCLT", "vhea", "vmtx",
		"VORG",
	};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_set_t *set;
	hb_face_t *sub;
	hb_blob_t *blob;

	if (in == NULL)
		return NULL;
	set = hb_subset_input_glyph_set(in);
	hb_set_add(set, 0);
	for (size_t i = 0; i < n; i++)
		hb_set_add(set, gs[i]->gid);
	set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < G_N_ELEMENTS(drop); i++)
		hb_set_add(set, hb_tag_from_string(drop[i], 4));
	/*
	 * Hinting kept, as cairo's subsets keep it: Ghostscript hints
	 * TrueType glyphs at screen resolutions, and without the
	 * instructions its 100 dpi pages drift from every other
	 * renderer's (tests/pdf.sh measured 9.3% of pixels against
	 * 7.8%, justified Hangul uneven).  It costs about 30 KB a face.
	 */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS);
	sub = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL)
		return NULL;
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	return blob;
}

/* The metrics of a FontDescriptor, in 1/1000 em. */
struct metrics {
	double	bbox[4];
	double	italic;
	double	ascent, descent, capheight;
};

static int
s16(const uint8_t *p)
{
	return (int16_t)(uint16_t)(p[0] << 8 | p[1]);
}

/* Table tag of face, its bytes into *len; NULL when absent or shorter
 * than need.  The blob goes into *b (destroy it). */
static const uint8_t *
table(hb_face_t *face, const char *tag, unsigned int need, hb_blob_t **b)
{
	unsigned int len;
	const char *p;

	*b = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
	p = hb_blob_get_data(*b, &len);
	return len >= need ? (const uint8_t *)p : NULL;
}

/*
 * Read from the tables themselves, as PDF Table 122 asks: the bounding
 * box from head, the italic angle from post, ascent, descent and cap
 * height from OS/2's typographic values, else from hhea (cap height
 * then the ascent: OS/2 before version 2 has none).
 */
static void
metrics_read(hb_face_t *face, struct metrics *m)
{
	hb_blob_t *b;
	const uint8_t *p;
	double k = 1000.0 / hb_face_get_upem(face);

	memset(m, 0, sizeof(*m));
	if ((p = table(face, "head", 44, &b)) != NULL)
		for (int i = 0; i < 4; i++)
			m->bbox[i] = s16(p + 36 + 2 * i) * k;
	hb_blob_destroy(b);
	if ((p = table(face, "post", 8, &b)) != NULL)
		m->italic = (int32_t)((uint32_t)p[4] << 24 | p[5] << 16 |
		    p[6] << 8 | p[7]) / 65536.0;
	hb_blob_destroy(b);
	if ((p = table(face, "hhea", 8, &b)) != NULL) {
		m->ascent = s16(p + 4) * k;
		m->descent = s16(p + 6) * k;
	}
	hb_blob_destroy(b);
	m->capheight = m->ascent;
	if ((p = table(face, "OS/2", 72, &b)) != NULL) {
		m->ascent = s16(p + 68) * k;
		m->descent = s16(p + 70) * k;
		m->capheight = m->ascent;
		if (s16(p) >= 2 && hb_blob_get_length(b) >= 90)
			m->capheight = s16(p + 88) * k;
	}
	hb_blob_destroy(b);
}

/*
 * The font's PostScript name as a PDF name may hold it: its characters
 * outside '!'..'~', PDF's delimiters and '#' made '-'; the file's name
 * if the font has none.
 */
static char *
ps_name(hb_face_t *face, const char *file)
{
	char buf[128];
	unsigned int len = sizeof(buf);
	char *s;

	if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &len, buf) > 0 && buf[0] != '\0')
		s = g_strdup(buf);
	else {
		const char *base = strrchr(file, '/');
		const char *dot;

		base = base != NULL ? base + 1 : file;
		dot = strrchr(base, '.');
		s = g_strndup(base, dot != NULL && dot != base ?
		    (size_t)(dot - base) : strlen(base));
	}
	for (char *c = s; *c != '\0'; c++)
		if (*c < '!' || *c > '~' || strchr("()<>[]{}/%#", *c) != NULL)
			*c = '-';
	return s;
}

/*
 * The width most glyphs have, the /DW, so that /W lists only the
 * others: in a Korean text nearly every Hangul syllable has one width.
 */
static double
common_width(struct pdfglyph *const *gs, size_t n)
{
	GHashTable *count = g_hash_table_new(g_int64_hash, g_int64_equal);
	gint64 *keys = g_new(gint64, n + 1);
	double best = 1000;
	guint most = 0;

	for (size_t i = 0; i < n; i++) {
		/* The widths as pdf_num writes them, in thousandths. */
		guint c;

		keys[i] = (gint64)(gs[i]->width * 1000 +
		    (gs[i]->width < 0 ? -0.5 : 0.5));
		c = GPOINTER_TO_UINT(g_hash_table_lookup(count, &keys[i])) + 1;
		g_hash_table_insert(count, &keys[i], GUINT_TO_POINTER(c));
		if (c > most || (c == most && keys[i] / 1000.0 < best)) {
			most = c;
			best = keys[i] / 1000.0;
		}
	}
	g_hash_table_destroy(count);
	g_free(keys);
	return best;
}

static bool
same_width(double a, double b)
{
	return (gint64)(a * 1000 + (a < 0 ? -0.5 : 0.5)) ==
	    (gint64)(b * 1000 + (b < 0 ? -0.5 : 0.5));
}

/*
 * /W in runs, "first [w1 w2 …]" for each run of consecutive gids whose
 * width is not the /DW (PDF 9.7.4.3).
 */
static void
widths_write(GString *s, struct pdfglyph *const *gs, size_t n, double dw)
{
	size_t i = 0;

	g_string_append(s, "/W [");
	while (i < n) {
		size_t j;

		if (same_width(gs[i]->width, dw)) {
			i++;
			continue;
		}
		g_string_append_printf(s, "%u [", gs[i]->gid);
		for (j = i; j < n && !same_width(gs[j]->width, dw) &&
		    gs[j]->gid == gs[i]->gid + (j - i); j++)
			pdf_num(s, gs[j]->width);
		g_string_append(s, "] ");
		i = j;
	}
	g_string_append(s, "]");
}

/*
 * A glyph's text as UTF-16BE hex into u (at most 256 code units, PDF
 * 9.10.3 allows 512 bytes), its number of code units returned; 0 for
 * none ("" or not UTF-8).
 */
static size_t
utf16_units(const char *text, gunichar2 u[256])
{
	glong n = 0;
	gunichar2 *w = g_utf8_to_utf16(text, -1, NULL, &n, NULL);

	if (w == NULL)
		return 0;
	if (n > 256)
		n = 256;
	/* Never cut a surrogate pair in two. */
	if (n == 256 && w[255] >= 0xd800 && w[255] <= 0xdbff)
		n = 255;
	memcpy(u, w, (size_t)n * sizeof(*u));
	g_free(w);
	return (size_t)n;
}

static void
hex_units(GString *s, const gunichar2 *u, size_t n)
{
	g_string_append_c(s, '<');
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(s, "%04X", u[i]);
	g_string_append_c(s, '>');
}

/* One entry of the ToUnicode map: gids first..first+n-1 to the code
 * units unit, unit+1, … (n > 1 only for one BMP character each). */
struct tuentry {
	unsigned int	 first;
	size_t		 n;
	gunichar2	 u[256];
	size_t		 nu;
};

/*
 * Flushes the entries of one kind, in blocks of at most 100 as PDF
 * 9.10.3 asks.
 */
static void
cmap_block(GString *s, GArray *es, bool range)
{
	for (guint i = 0; i < es->len; i += 100) {
		guint m = MIN(es->len - i, 100);

		g_string_append_printf(s, "%u begin%s\n", m,
		    range ? "bfrange" : "bfchar");
		for (guint j = i; j < i + m; j++) {
			const struct tuentry *e = &g_array_index(es,
			    struct tuentry, j);

			g_string_append_printf(s, "<%04X> ", e->first);
			if (range)
				g_string_append_printf(s, "<%04X> ",
				    (unsigned int)(e->first + e->n - 1));
			hex_units(s, e->u, e->nu);
			g_string_append_c(s, '\n');
		}
		g_string_append_printf(s, "end%s\n", range ? "bfrange" :
		    "bfchar");
	}
}

/*
 * The ToUnicode CMap: consecutive gids whose texts are consecutive BMP
 * characters become one bfrange (within one 256 block of both gids and
 * characters: a range steps only the last byte); the rest bfchar, a
 * ligature to all its characters, a character past U+FFFF to its
 * surrogate pair.  A glyph with no text ("" for the second glyph of a
 * cluster) maps to nothing.
 */
static GString *
tounicode_make(struct pdfglyph *const *gs, size_t n)
{
	GString *s = g_string_new(
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	GArray *chars = g_array_new(FALSE, FALSE, sizeof(struct tuentry));
	GArray *ranges = g_array_new(FALSE, FALSE, sizeof(struct tuentry));
	struct tuentry e;

	for (size_t i = 0; i < n; i++) {
		if ((e.nu = utf16_units(gs[i]->text, e.u)) == 0)
			continue;
		e.first = gs[i]->gid;
		e.n = 1;
		while (e.nu == 1 && i + 1 < n && (e.u[0] & 0xff) + e.n <=
		    0xff && (e.first & 0xff) + e.n <= 0xff &&
		    gs[i + 1]->gid == e.first + e.n) {
			gunichar2 next[256];

			if (utf16_units(gs[i + 1]->text, next) != 1 ||
			    next[0] != e.u[0] + e.n)
				break;
			e.n++;
			i++;
		}
		g_array_append_val(e.n > 1 ? ranges : chars, e);
	}
	cmap_block(s, chars, false);
	cmap_block(s, ranges, true);
	g_string_append(s, "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\nend\nend\n");
	g_array_free(chars, TRUE);
	g_array_free(ranges, TRUE);
	return s;
}

/* The objects of one face, its subset font file in sub. */
static void
face_write(struct face *f, struct pdfw *w, hb_face_t *face, hb_blob_t *sub,
    struct pdfglyph *const *gs, size_t n)
{
	int cid = pdfw_reserve(w), desc = pdfw_reserve(w);
	int file = pdfw_reserve(w), tu = pdfw_reserve(w);
	bool cff;
	unsigned int len;
	const char *data = hb_blob_get_data(sub, &len);
	char tag[7], *name = ps_name(face, f->file);
	struct metrics m;
	GString *s = g_string_new(NULL);
	double dw = common_width(gs, n);
	hb_blob_t *b;

	/* Outlines in glyf make a CIDFontType2; CFF ones a CIDFontType0. */
	b = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	cff = hb_blob_get_length(b) == 0;
	hb_blob_destroy(b);
	subset_tag(gs, n, tag);
	metrics_read(face, &m);

	pdfw_begin(w, f->obj);
	pdfw_printf(w, "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s "
	    "/Encoding /Identity-H /DescendantFonts [%d 0 R] "
	    "/ToUnicode %d 0 R >>\n", tag, name, cid, tu);
	pdfw_end(w);

	g_string_printf(s, "<< /Type /Font /Subtype /CIDFontType%d "
	    "/BaseFont /%s+%s /CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
	    "/DW ", cff ? 0 : 2, tag, name, desc);
	pdf_num(s, dw);
	widths_write(s, gs, n, dw);
	if (!cff)
		g_string_append(s, " /CIDToGIDMap /Identity");
	g_string_append(s, " >>\n");
	pdfw_begin(w, cid);
	pdfw_puts(w, s->str);
	pdfw_end(w);

	g_string_printf(s, "<< /Type /FontDescriptor /FontName /%s+%s "
	    "/Flags 4 /FontBBox [", tag, name);
	for (int i = 0; i < 4; i++)
		pdf_num(s, m.bbox[i]);
	g_string_append(s, "] /ItalicAngle ");
	pdf_num(s, m.italic);
	g_string_append(s, "/Ascent ");
	pdf_num(s, m.ascent);
	g_string_append(s, "/Descent ");
	pdf_num(s, m.descent);
	g_string_append(s, "/CapHeight ");
	pdf_num(s, m.capheight);
	g_string_append_printf(s, "/StemV 80 /FontFile%s %d 0 R >>\n",
	    cff ? "3" : "2", file);
	pdfw_begin(w, desc);
	pdfw_puts(w, s->str);
	pdfw_end(w);

	/* /Length1: the font file's length before deflating (PDF 9.9). */
	g_string_printf(s, cff ? "/Subtype /OpenType" : "/Length1 %u", len);
	pdfw_stream(w, file, s->str, data, len);

	g_string_free(s, TRUE);
	s = tounicode_make(gs, n);
	pdfw_stream(w, tu, "", s->str, s->len);
	g_string_free(s, TRUE);
	g_free(name);
}

bool
pdffonts_write(struct pdffonts *fs, struct pdfw *w, struct diag *d)
{
	bool ok = true;

	for (guint i = 0; i < fs->faces->len; i++) {
		struct face *f = g_ptr_array_index(fs->faces, i);
		struct diag_pos pos = { f->file, 0, 0 };
		hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
		hb_face_t *face;
		hb_blob_t *sub = NULL;
		struct pdfglyph **gs;
		size_t n;

		if (blob == NULL) {
			diag_error(d, &pos, "cannot embed font '%s': cannot "
			    "read the file", f->file);
			ok = false;
			continue;
		}
		face = hb_face_create(blob, (unsigned int)f->index);
		hb_blob_destroy(blob);
		gs = sorted_glyphs(f, &n);
		if (hb_face_get_glyph_count(face) == 0)
			diag_error(d, &pos, "cannot embed font '%s': not a "
			    "font, or no face %d in it", f->file, f->index);
		else if ((sub = subset_face(face, gs, n)) == NULL)
			diag_error(d, &pos, "cannot embed font '%s': HarfBuzz "
			    "cannot subset it", f->file);
		else
			face_write(f, w, face, sub, gs, n);
		ok = ok && sub != NULL;
		hb_blob_destroy(sub);
		hb_face_destroy(face);
		g_free(gs);
	}
	return ok;
}
