/*
 * Private font map: FcConfigCreate() with only our folders, handed to a
 * pangocairo FreeType font map (KOREAN.md: no system font is opened).
 * The fontconfig cache lives in the user's cache folder.
 */
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fonts.h"
#include "mem.h"

struct fonts {
	FcConfig	*cfg;
	PangoFontMap	*map;
	PangoContext	*ctx;
};

/*
 * fontconfig wants a writable cache folder ("No writable cache
 * directories" otherwise): the user's cache, as fontconfig itself
 * would use.  The cache only saves rescanning the font files.
 */
static void
set_cache_dir(FcConfig *cfg)
{
	char *dir = g_build_filename(g_get_user_cache_dir(), "brochure",
	    "fontconfig", NULL);
	char *xml = g_markup_printf_escaped("<?xml version=\"1.0\"?>"
	    "<fontconfig><cachedir>%s</cachedir></fontconfig>", dir);

	g_mkdir_with_parents(dir, 0700);
	FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml, FcFalse);
	g_free(xml);
	g_free(dir);
}

struct fonts *
fonts_new(const char *bundled, const char *extra, struct diag *d)
{
	struct fonts *f = xcalloc(1, sizeof(*f));
	cairo_font_options_t *opts;
	FcFontSet *set;

	f->cfg = FcConfigCreate();
	set_cache_dir(f->cfg);
	if (bundled != NULL && !FcConfigAppFontAddDir(f->cfg,
	    (const FcChar8 *)bundled)) {
		struct diag_pos pos = { bundled, 0, 0 };

		diag_error(d, &pos, "cannot read the bundled fonts folder");
	}
	if (extra != NULL && !FcConfigAppFontAddDir(f->cfg,
	    (const FcChar8 *)extra)) {
		struct diag_pos pos = { extra, 0, 0 };

		diag_error(d, &pos, "cannot read the layout's fonts folder");
	}
	set = FcConfigGetFonts(f->cfg, FcSetApplication);
	if (set == NULL || set->nfont == 0) {
		struct diag_pos pos = { bundled, 0, 0 };

		diag_error(d, &pos, "no fonts found");
		fonts_free(f);
		return NULL;
	}
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->cfg);
	f->ctx = pango_font_map_create_context(f->map);
	pango_cairo_context_set_resolution(f->ctx, 72);
	opts = cairo_font_options_create();
	cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(f->ctx, opts);
	cairo_font_options_destroy(opts);
	pango_context_set_language(f->ctx, pango_language_from_string("ko"));
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
