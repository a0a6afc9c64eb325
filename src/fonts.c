/*
 * Private font map: FcConfigCreate() with only our folders, handed to a
 * pangocairo FreeType font map (KOREAN.md: no system font is opened).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "confine.h"
#include "fonts.h"
#include "mem.h"
#include "text.h"

/* Larger font files are refused unopened; the biggest CJK collections
 * are about 120 MB. */
#define FONT_MAX_FILE	((off_t)256 << 20)

static int
cmp_names(const char **a, const char **b)
{
	return strcmp(*a, *b);
}

struct fonts {
	FcConfig	*cfg;
	PangoFontMap	*map;
	PangoContext	*ctx;
};

/*
 * Adds every font file of dir, in name order.  File by file rather than
 * FcConfigAppFontAddDir(): that one writes a fontconfig cache, and
 * without a writable cache folder prints "No writable cache
 * directories"; scanning a handful of files costs a few milliseconds.
 * Each file is first opened here without blocking and must be a
 * regular file: fontconfig's own open() of a FIFO would wait forever,
 * and a folder named *.ttf would send it looking for a cache.  What
 * cannot be read is reported at pos, the node naming the folder, with
 * the reason.  False if the folder or a file could not be read.
 */
static bool
add_dir(FcConfig *cfg, const char *dir, const char *whose,
    const struct diag_pos *pos, struct diag *d)
{
	GError *err = NULL;
	GDir *gd = g_dir_open(dir, 0, &err);
	GPtrArray *names;
	const char *name;
	bool ok = true;
	guint i;

	if (gd == NULL) {
		diag_error(d, pos, "cannot read the %s fonts folder: %s", whose,
		    err->message);
		g_error_free(err);
		return false;
	}
	names = g_ptr_array_new_with_free_func(g_free);
	while ((name = g_dir_read_name(gd)) != NULL)
		if (g_str_has_suffix(name, ".ttf") ||
		    g_str_has_suffix(name, ".otf") ||
		    g_str_has_suffix(name, ".ttc") ||
		    g_str_has_suffix(name, ".otc"))
			g_ptr_array_add(names, g_build_filename(dir, name,
			    NULL));
	g_dir_close(gd);
	g_ptr_array_sort(names, (GCompareFunc)cmp_names);
	for (i = 0; i < names->len; i++) {
		const char *path = names->pdata[i];
		char why[256];
		off_t size;
		int fd = confine_open(path, FONT_MAX_FILE, &size, why,
		    sizeof(why));

		if (fd < 0) {
			diag_error(d, pos, "cannot open font '%s': %s", path,
			    why);
			ok = false;
			continue;
		}
		close(fd);
		if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path)) {
			diag_error(d, pos, "cannot read font '%s': not a font "
			    "fontconfig can load", path);
			ok = false;
		}
	}
	g_ptr_array_free(names, TRUE);
	return ok;
}

/*
 * Makes the first font set built fontconfig's current configuration,
 * once per process.  Pango's font map starts a thread that calls
 * FcInit(), which otherwise reads the machine's fontconfig setup and
 * every system font (tens of MB, and the one thread start that fails
 * first under an address-space limit); with a current configuration
 * already set, FcInit() returns at once.  Anything that still asks for
 * fontconfig's default (librsvg's text in an SVG) then sees our fonts,
 * not the machine's.  fontconfig's global, not ours: set once, never
 * changed after, so threads started later only read it.
 */
static void
make_current(FcConfig *cfg)
{
	static gsize done;

	if (g_once_init_enter(&done)) {
		FcConfigSetCurrent(cfg);
		g_once_init_leave(&done, 1);
	}
}

/*
 * Glyph extents from HarfBuzz, not cairo.  pangocairo measures each
 * glyph through cairo's glyph caches, shared by every thread of the
 * process (text.c says why that needs a lock); Pango's own font data
 * (pango_font_get_hb_font()) gives the same numbers a glyph's place on
 * a line is made of: the logical box is the font's ascent and descent,
 * as pangocairo makes it, and its width the advance HarfBuzz shaped
 * with; the ink box is the outline's, unhinted, as cairo's is with
 * hinting off (make_map()); an empty glyph has no ink and no width.
 * An ink box is read to find glyphs that draw nothing (text.c) and by
 * --debug-boxes.  A glyph the font lacks (a hex box, which pangocairo
 * measures in a font of its own) is left to pangocairo, under the lock.
 */
static void (*pangocairo_extents)(PangoFont *, PangoGlyph,
    PangoRectangle *, PangoRectangle *);

/*
 * What a font's glyphs measured, kept on the font as pangocairo kept
 * it: Pango asks for the same glyphs' boxes again and again (every
 * line's extents, every text checked for empty glyphs), and HarfBuzz
 * reads a glyph's box from the font's tables each time.  A slot per
 * glyph id modulo BOX_SLOTS, the last glyph measured there.
 */
#define BOX_SLOTS	256

struct glyph_boxes {
	int		 top, height;	/* the font's logical box */
	struct {
		PangoGlyph	 glyph;
		int		 width;
		PangoRectangle	 ink;
	}		 slot[BOX_SLOTS];
};

static GQuark boxes_key;

static struct glyph_boxes *
glyph_boxes(PangoFont *font, hb_font_t *hb)
{
	struct glyph_boxes *b = g_object_get_qdata(G_OBJECT(font), boxes_key);
	hb_font_extents_t fe;
	int i;

	if (b != NULL)
		return b;
	b = g_new(struct glyph_boxes, 1);
	hb_font_get_h_extents(hb, &fe);
	b->top = -fe.ascender;
	b->height = fe.ascender - fe.descender;
	for (i = 0; i < BOX_SLOTS; i++)
		b->slot[i].glyph = PANGO_GLYPH_EMPTY;	/* never measured */
	g_object_set_qdata_full(G_OBJECT(font), boxes_key, b, g_free);
	return b;
}

static void
glyph_extents(PangoFont *font, PangoGlyph glyph, PangoRectangle *ink,
    PangoRectangle *logical)
{
	hb_font_t *hb;
	hb_glyph_extents_t ge;
	struct glyph_boxes *b;
	unsigned int k;

	if (glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
		text_lock();
		pangocairo_extents(font, glyph, ink, logical);
		text_unlock();
		return;
	}
	hb = pango_font_get_hb_font(font);
	b = glyph_boxes(font, hb);
	if (glyph == PANGO_GLYPH_EMPTY) {
		if (ink != NULL)
			*ink = (PangoRectangle){ 0, 0, 0, 0 };
		if (logical != NULL)
			*logical = (PangoRectangle){ 0, b->top, 0, b->height };
		return;
	}
	k = glyph % BOX_SLOTS;
	if (b->slot[k].glyph != glyph) {
		if (!hb_font_get_glyph_extents(hb, glyph, &ge))
			memset(&ge, 0, sizeof(ge));
		b->slot[k].glyph = glyph;
		b->slot[k].width = hb_font_get_glyph_h_advance(hb, glyph);
		b->slot[k].ink = (PangoRectangle){ ge.x_bearing, -ge.y_bearing,
		    ge.width, -ge.height };
	}
	if (ink != NULL)
		*ink = b->slot[k].ink;
	if (logical != NULL)
		*logical = (PangoRectangle){ 0, b->top, b->slot[k].width,
		    b->height };
}

/*
 * A font's metrics, measured first under the lock.  pangocairo
 * measures a font's average character width once per language, by
 * laying out a sample, and guards that against recursion with one
 * static flag for the whole process: a thread that measured a font
 * while another was inside that block got no width at all (0), kept
 * with the font for the rest of the run.  Pango's line breaker reads
 * that width (three of it is how far from a line's end it looks at
 * breaks closely), so the same paragraph broke differently at --jobs 2
 * (scripts/detdiff).  A font is used by one thread only (each worker
 * has its own font map), so what it has been measured for is kept on
 * it, and later asks go straight to pangocairo's cache.
 */
static PangoFontMetrics *(*pangocairo_metrics)(PangoFont *,
    PangoLanguage *);
static GQuark measured;		/* a font's sample strings measured */

static PangoFontMetrics *
font_metrics(PangoFont *font, PangoLanguage *lang)
{
	const char *sample = pango_language_get_sample_string(lang);
	GPtrArray *done = g_object_get_qdata(G_OBJECT(font), measured);
	PangoFontMetrics *m;

	if (done != NULL && g_ptr_array_find(done, sample, NULL))
		return pangocairo_metrics(font, lang);
	text_lock();
	m = pangocairo_metrics(font, lang);
	text_unlock();
	if (done == NULL) {
		done = g_ptr_array_new();
		g_object_set_qdata_full(G_OBJECT(font), measured, done,
		    (GDestroyNotify)g_ptr_array_unref);
	}
	g_ptr_array_add(done, (gpointer)sample);
	return m;
}

/*
 * Puts glyph_extents() and font_metrics() in pangocairo's font class,
 * once in the process (a class is shared by every font map), from a
 * font of map.
 */
static void
measure_with_harfbuzz(PangoFontMap *map, PangoContext *ctx)
{
	static gsize done;

	if (g_once_init_enter(&done)) {
		PangoFontDescription *desc =
		    pango_font_description_from_string("sans 10");
		PangoFont *font = pango_font_map_load_font(map, ctx, desc);

		if (font != NULL) {
			PangoFontClass *klass = PANGO_FONT_GET_CLASS(font);

			pangocairo_extents = klass->get_glyph_extents;
			klass->get_glyph_extents = glyph_extents;
			pangocairo_metrics = klass->get_metrics;
			klass->get_metrics = font_metrics;
			measured = g_quark_from_static_string(
			    "brochure-measured");
			boxes_key = g_quark_from_static_string(
			    "brochure-glyph-boxes");
			g_object_unref(font);
		}
		pango_font_description_free(desc);
		g_once_init_leave(&done, 1);
	}
}

/*
 * The Pango side: a font map over f->cfg and a context for layout at
 * 72 dpi (1 Pango point = 1 PDF point), unhinted so that line breaks
 * are the same at every size and on every surface.  Glyph positions
 * unrounded: Pango rounds them (and the advances) to whole device units
 * by default, which at 72 dpi is whole points: 10pt Hangul set at 9.0pt
 * instead of NanumGothic's 9.4pt, Latin letters off by up to half a point
 * ("G ina" at 300 dpi), and breaks no other renderer would make.
 */
static void
make_map(struct fonts *f)
{
	cairo_font_options_t *opts;

	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->cfg);
	f->ctx = pango_font_map_create_context(f->map);
	pango_cairo_context_set_resolution(f->ctx, 72);
	pango_context_set_round_glyph_positions(f->ctx, FALSE);
	opts = cairo_font_options_create();
	cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(f->ctx, opts);
	cairo_font_options_destroy(opts);
	pango_context_set_language(f->ctx, pango_language_from_string("ko"));
	measure_with_harfbuzz(f->map, f->ctx);
}

struct fonts *
fonts_new(const char *bundled, const char *extra,
    const struct diag_pos *extra_pos, struct diag *d)
{
	struct fonts *f = xcalloc(1, sizeof(*f));
	struct diag_pos bpos = { bundled, 0, 0 }, epos = { extra, 0, 0 };
	FcFontSet *set;
	bool ok = true;

	if (extra_pos != NULL)
		epos = *extra_pos;
	f->cfg = FcConfigCreate();
	if (bundled != NULL)
		ok = add_dir(f->cfg, bundled, "bundled", &bpos, d);
	if (extra != NULL)
		ok = add_dir(f->cfg, extra, "layout's", &epos, d) && ok;
	set = FcConfigGetFonts(f->cfg, FcSetApplication);
	if (!ok || set == NULL || set->nfont == 0) {
		if (ok)
			diag_error(d, &bpos, "no fonts found");
		fonts_free(f);
		return NULL;
	}
	make_current(f->cfg);
	make_map(f);
	return f;
}

struct fonts *
fonts_clone(const struct fonts *src)
{
	struct fonts *f = xcalloc(1, sizeof(*f));

	f->cfg = FcConfigReference(src->cfg);
	make_map(f);
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (f == NULL)
		return;
	if (f->ctx != NULL)
		g_object_unref(f->ctx);
	if (f->map != NULL)
		g_object_unref(f->map);
	if (f->cfg != NULL)
		FcConfigDestroy(f->cfg);
	free(f);
}

PangoContext *
fonts_context(struct fonts *f)
{
	return f->ctx;
}

bool
fonts_has_family(struct fonts *f, const char *family)
{
	FcFontSet *set = FcConfigGetFonts(f->cfg, FcSetApplication);
	int i, j;

	for (i = 0; set != NULL && i < set->nfont; i++) {
		FcChar8 *name;

		for (j = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, j,
		    &name) == FcResultMatch; j++)
			if (g_ascii_strcasecmp((const char *)name, family) == 0)
				return true;
	}
	return false;
}

bool
fonts_font_error(PangoFont *font, char *why, size_t len)
{
	cairo_scaled_font_t *sf;
	PangoFontDescription *desc;
	FcPattern *pat;
	FcChar8 *file = NULL;
	const char *first;
	char *name, reason[256];
	off_t size;
	int fd;
	bool read;

	if (font == NULL || !PANGO_IS_CAIRO_FONT(font))
		return false;
	/* HarfBuzz (which shapes and measures) reads the file into a face
	 * of its own: none, no glyph, when it could not be opened. */
	read = hb_face_get_glyph_count(hb_font_get_face(
	    pango_font_get_hb_font(font))) > 0;
	sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	if (read && sf != NULL &&
	    cairo_scaled_font_status(sf) == CAIRO_STATUS_SUCCESS)
		return false;
	/*
	 * cairo says only "out of memory", also when the file could not
	 * be opened: opening it again tells which.
	 */
	first = !read ? "cannot read it" : sf != NULL ?
	    cairo_status_to_string(cairo_scaled_font_status(sf)) :
	    "out of memory";
	snprintf(reason, sizeof(reason), "%s", first);
	pat = PANGO_IS_FC_FONT(font) ?
	    pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
	if (pat != NULL)
		FcPatternGetString(pat, FC_FILE, 0, &file);
	if (file != NULL) {
		fd = confine_open((const char *)file, FONT_MAX_FILE, &size,
		    reason, sizeof(reason));
		if (fd >= 0) {
			close(fd);
			snprintf(reason, sizeof(reason), "%s", first);
		}
	}
	desc = pango_font_describe(font);
	name = pango_font_description_to_string(desc);
	snprintf(why, len, "cannot load font '%s'%s%s%s: %s", name,
	    file ? " ('" : "", file ? (const char *)file : "",
	    file ? "')" : "", reason);
	g_free(name);
	pango_font_description_free(desc);
	return true;
}

char *
fonts_face_name(PangoFont *font)
{
	FcPattern *pat = font != NULL && PANGO_IS_FC_FONT(font) ?
	    pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
	FcChar8 *family = NULL, *style = NULL;

	if (pat == NULL ||
	    FcPatternGetString(pat, FC_FAMILY, 0, &family) != FcResultMatch)
		return g_strdup("?");
	if (FcPatternGetString(pat, FC_STYLE, 0, &style) != FcResultMatch)
		return g_strdup((const char *)family);
	return g_strdup_printf("%s %s", family, style);
}

bool
fonts_font_file(PangoFont *font, const char **file, int *index)
{
	FcPattern *pat = font != NULL && PANGO_IS_FC_FONT(font) ?
	    pango_fc_font_get_pattern(PANGO_FC_FONT(font)) : NULL;
	FcChar8 *f = NULL;
	int i = 0;

	if (pat == NULL ||
	    FcPatternGetString(pat, FC_FILE, 0, &f) != FcResultMatch)
		return false;
	(void)FcPatternGetInteger(pat, FC_INDEX, 0, &i);
	*file = (const char *)f;
	*index = i;
	return true;
}
