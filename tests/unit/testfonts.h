/*
 * The bundled fonts and a Pango context over them, for the unit tests
 * that lay text out: fonts_open(), and a cmocka group setup and
 * teardown.  Header-only, like testutil.h.
 */
#ifndef TESTFONTS_H
#define TESTFONTS_H

#include <glib.h>
#include <pango/pango.h>

#include "fonts.h"
#include "testutil.h"

/* The bundled fonts into *fonts, a context over them into *ctx; -1 if
 * they cannot be loaded. */
static inline int
fonts_open(struct fonts **fonts, PangoContext **ctx)
{
	struct diag d;

	diag_init(&d, stderr);
	if ((*fonts = fonts_new("fonts", NULL, NULL, &d)) == NULL)
		return -1;
	*ctx = fonts_context(*fonts);
	return 0;
}

/* A test file with a group of its own defines TESTFONTS_OWN_GROUP. */
#ifndef TESTFONTS_OWN_GROUP
struct group {
	struct fonts	*fonts;
	PangoContext	*ctx;
};

static inline int
group_setup(void **state)
{
	struct group *g = g_new0(struct group, 1);

	if (fonts_open(&g->fonts, &g->ctx) != 0) {
		g_free(g);
		return -1;
	}
	*state = g;
	return 0;
}

static inline int
group_teardown(void **state)
{
	struct group *g = *state;

	fonts_free(g->fonts);
	g_free(g);
	return 0;
}
#endif

#endif
