/*
 * The gate between loading and layout: data_validate, validate_fields,
 * validate_keys and validate_fonts in one order for every command, so
 * `check`, `render`, `watch` and the fuzzers pass the same checks.
 */
#include <string.h>

#include "data.h"
#include "fonts.h"
#include "gate.h"
#include "spec.h"
#include "validate.h"

/*
 * The data against the layouts; false if d holds an error (from here
 * or from loading: a data key is only judged by layouts that loaded
 * cleanly).
 */
static bool
check_data(const struct spec *const *specs, size_t n,
    const struct data *data, struct diag *d)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (data_validate(data, specs[i], d))
			validate_fields(specs[i], data, d);
	if (d->count[DIAG_ERROR] == 0)
		validate_keys(specs, n, data, d);
	return d->count[DIAG_ERROR] == 0;
}

static bool
has_family(void *fonts, const char *family)
{
	return fonts_has_family(fonts, family);
}

/* Each layout's fonts against its styles, all of them; false on an
 * error (fonts[i] NULL: they could not be made, already reported). */
static bool
check_fonts(const struct spec *const *specs, size_t n,
    struct fonts *const *fonts, struct diag *d)
{
	bool ok = true;
	size_t i;

	for (i = 0; i < n; i++)
		ok = fonts[i] != NULL && validate_fonts(specs[i], has_family,
		    fonts[i], d) && ok;
	return ok;
}

bool
gate_check(const struct spec *const *specs, size_t n,
    const struct data *data, struct fonts *const *fonts, struct diag *d)
{
	return check_data(specs, n, data, d) &&
	    check_fonts(specs, n, fonts, d);
}

/*
 * The fonts of each layout.  Layouts with the same fonts folder
 * (usually none: the bundled fonts) share one scan of the font files.
 */
static void
make_fonts(struct gate *g, const char *bundled, struct diag *d)
{
	size_t i, k;

	for (i = 0; i < g->n; i++) {
		const struct spec *spec = g->specs[i];
		const char *dir = spec->fonts_dir;

		for (k = 0; k < i; k++) {
			const char *other = g->specs[k]->fonts_dir;

			if (dir == other || (dir != NULL && other != NULL &&
			    strcmp(dir, other) == 0))
				break;
		}
		g->fontset[i] = (int)k;
		if (k < i)
			g->fonts[i] = g->fonts[k] ? fonts_clone(g->fonts[k]) :
			    NULL;
		else
			g->fonts[i] = fonts_new(bundled, dir, spec->fonts_node ?
			    &spec->fonts_node->pos : NULL, d);
	}
}

bool
gate_load(struct gate *g, const char *data, const char *const *layouts,
    size_t n, const char *bundled, struct diag *d)
{
	bool ok = true;
	size_t i;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < n && i < GATE_MAX_LAYOUTS; i++) {
		g->specs[g->n++] = spec_load(layouts[i], d);
		ok = ok && g->specs[i] != NULL;
	}
	g->data = data_load(data, d);
	if (!ok || g->data == NULL)
		return false;
	if (!check_data((const struct spec *const *)g->specs, g->n, g->data,
	    d))
		return false;
	make_fonts(g, bundled, d);
	return check_fonts((const struct spec *const *)g->specs, g->n,
	    g->fonts, d);
}

void
gate_free(struct gate *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		fonts_free(g->fonts[i]);
		spec_free(g->specs[i]);
	}
	data_free(g->data);
	memset(g, 0, sizeof(*g));
}
