/*
 * The bundled fonts and a Pango context over them, for the unit tests
 * that lay text out: cmocka group setup and teardown.  Header-only,
 * like testutil.h.
 */
#ifndef TESTFONTS_H
#define TESTFONTS_H

#include <glib.h>
#include <pango/pango.h>

#include "fonts.h"
#include "testutil.h"

struct group {
	struct fonts	*fonts;
	PangoContext	*ctx;
};

static inline int
group_setup(void **state)
{
	struct group *g = g_new0(struct group, 1);
	struct diag d;

	diag_init(&d, stderr);
	g->fonts = fonts_new("fonts", NULL, NULL, &d);
	if (g->fonts == NULL) {
		g_free(g);
		return -1;
	}
	g->ctx = fonts_context(g->fonts);
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
