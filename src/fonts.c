/*
 * Private font map: FcConfigCreate() with only our folders, handed to a
 * pangocairo FreeType font map (KOREAN.md: no system font is opened).
 */
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "fonts.h"
#include "mem.h"

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
 */
static bool
add_dir(FcConfig *cfg, const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *names;
	const char *name;
	bool ok = true;
	guint i;

	if (d == NULL)
		return false;
	names = g_ptr_array_new_with_free_func(g_free);
	while ((name = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(name, ".ttf") ||
		    g_str_has_suffix(name, ".otf") ||
		    g_str_has_suffix(name, ".ttc") ||
		    g_str_has_suffix(name, ".otc"))
			g_ptr_array_add(names, g_build_filename(dir, name,
			    NULL));
	g_dir_close(d);
	g_ptr_array_sort(names, (GCompareFunc)cmp_names);
	for (i = 0; i < names->len; i++)
		ok = FcConfigAppFontAddFile(cfg,
		    (const FcChar8 *)names->pdata[i]) && ok;
	g_ptr_array_free(names, TRUE);
	return ok;
}

/*
 * The Pango side: a font map over f->cfg and a context for layout at
 * 72 dpi (1 Pango point = 1 PDF point), unhinted so that line breaks
 * are the same at every size and on every surface.
 */
static void
make_map(struct fonts *f)
{
	cairo_font_options_t *opts;

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
}

struct fonts *
fonts_new(const char *bundled, const char *extra, struct diag *d)
{
	struct fonts *f = xcalloc(1, sizeof(*f));
	FcFontSet *set;

	f->cfg = FcConfigCreate();
	if (bundled != NULL && !add_dir(f->cfg, bundled)) {
		struct diag_pos pos = { bundled, 0, 0 };

		diag_error(d, &pos, "cannot read the bundled fonts folder");
	}
	if (extra != NULL && !add_dir(f->cfg, extra)) {
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
