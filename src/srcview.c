/*
 * Source excerpts: files are read once (they are the inputs of this
 * run, at most 64 MiB each) and kept by path.  The caret is placed by
 * display width: a Hangul syllable takes two terminal columns, and a
 * tab in the line is copied as a tab so that it lines up.
 *
 *        24 |     story: "…"
 *           |     ^
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "mem.h"
#include "srcview.h"

#define GUTTER	"\033[1;34m"
#define CARET	"\033[1;32m"
#define RESET	"\033[0m"

#define SHOW_PAST	60	/* characters shown after the caret */

struct srcview {
	GHashTable	*files;		/* path → contents, or NULL */
};

struct srcview *
srcview_new(void)
{
	struct srcview *v = xcalloc(1, sizeof(*v));

	v->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    g_free);
	return v;
}

void
srcview_free(struct srcview *v)
{
	if (v == NULL)
		return;
	g_hash_table_destroy(v->files);
	free(v);
}

static const char *
contents(struct srcview *v, const char *file)
{
	gpointer text;
	gchar *s = NULL;

	if (g_hash_table_lookup_extended(v->files, file, NULL, &text))
		return text;
	if (!g_file_get_contents(file, &s, NULL, NULL) ||
	    !g_utf8_validate(s, -1, NULL)) {
		g_free(s);
		s = NULL;
	}
	g_hash_table_insert(v->files, g_strdup(file), s);
	return s;
}

void
srcview_show(struct srcview *v, FILE *out, const char *file, int line,
    int col, bool color)
{
	const char *s = file ? contents(v, file) : NULL, *end, *p;
	int n, c;

	if (s == NULL || line < 1)
		return;
	for (n = 1; n < line && s != NULL; n++)
		if ((s = strchr(s, '\n')) != NULL)
			s++;
	if (s == NULL || *s == '\0')
		return;
	end = s + strcspn(s, "\r\n");
	/* A long line (a paragraph) is cut some way past the caret. */
	for (p = s, c = 1; p < end && c < col + SHOW_PAST; c++)
		p = g_utf8_next_char(p);
	fprintf(out, "%s%5d |%s %.*s%s\n", color ? GUTTER : "", line,
	    color ? RESET : "", (int)(p - s), s, p < end ? " …" : "");
	if (col < 1)
		return;
	fprintf(out, "%s      |%s ", color ? GUTTER : "", color ? RESET : "");
	for (p = s, c = 1; p < end && c < col; p = g_utf8_next_char(p), c++) {
		gunichar u = g_utf8_get_char(p);

		if (u == '\t')
			fputc('\t', out);
		else
			fputs(g_unichar_iswide(u) ? "  " : " ", out);
	}
	fprintf(out, "%s^%s\n", color ? CARET : "", color ? RESET : "");
}
