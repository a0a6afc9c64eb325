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

#include "diag.h"
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

/*
 * Prints s up to end, or as many blanks as it takes on a terminal
 * (a tab stays a tab so that a caret lines up).
 */
static void
put_line(FILE *out, const char *s, const char *end, bool blank)
{
	char buf[8];
	size_t n, e;

	for (; s < end; s += n) {
		gunichar u;

		if (*s == '\t') {
			fputc('\t', out);
			n = 1;
		} else if ((e = diag_escape(s, (size_t)(end - s), &n,
		    buf)) > 0) {
			fprintf(out, "%*s", blank ? (int)e : 0,
			    blank ? "" : buf);
		} else if (blank) {
			u = g_utf8_get_char(s);
			fputs(g_unichar_iswide(u) ? "  " : " ", out);
		} else {
			fwrite(s, 1, n, out);
		}
	}
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
	/* The line is input: shown with diag's escapes, as messages are. */
	fprintf(out, "%s%5d |%s ", color ? GUTTER : "", line,
	    color ? RESET : "");
	put_line(out, s, p, false);
	fprintf(out, "%s\n", p < end ? " …" : "");
	if (col < 1)
		return;
	fprintf(out, "%s      |%s ", color ? GUTTER : "", color ? RESET : "");
	for (p = s, c = 1; p < end && c < col; p = g_utf8_next_char(p), c++)
		;
	put_line(out, s, p, true);
	fprintf(out, "%s^%s\n", color ? CARET : "", color ? RESET : "");
}
