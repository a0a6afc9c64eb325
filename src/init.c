/*
 * init: a starter project copied atomically into a new or empty folder.
 * The starter card is three files kept in the repository's starter/
 * folder (installed as PREFIX/share/brochure/starter/); a project from
 * a shipped format takes that layout from layouts/ and its starter
 * data and README from starter/.  Nothing is ever overwritten.
 */
#include <errno.h>
#include <string.h>

#include <glib.h>

#include "init.h"
#include "outfile.h"

/*
 * The shipped formats, in the order --help lists them.  The social
 * formats share one starter data set, the printed ones another: the
 * layouts of each family read the same fields.
 */
static const struct init_layout layouts[] = {
	{ "square", "social-square.yaml", "cards.yaml", "cards.README",
	    "out/", false },
	{ "portrait", "social-portrait.yaml", "cards.yaml", "cards.README",
	    "out/", false },
	{ "story", "social-story.yaml", "cards.yaml", "cards.README",
	    "out/", false },
	{ "og", "og.yaml", "cards.yaml", "cards.README", "out/", false },
	{ "a4", "brochure-a4.yaml", "print.yaml", "print.README",
	    "out/brochure.pdf", true },
	{ "a5-print", "brochure-a5-print.yaml", "print.yaml", "print.README",
	    "out/brochure.pdf", true },
	{ "handout", "handout-a4.yaml", "print.yaml", "print.README",
	    "out/brochure.pdf", false },
};

const struct init_layout *
init_find_layout(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (strcmp(layouts[i].name, name) == 0)
			return &layouts[i];
	return NULL;
}

const char *
init_layout_names(void)
{
	return "square, portrait, story, og, a4, a5-print or handout";
}

/* Whether dir is absent or an empty folder. */
static bool
usable(const char *dir, struct diag *d)
{
	GDir *g;
	bool empty;

	if (!g_file_test(dir, G_FILE_TEST_EXISTS))
		return true;
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		diag_error(d, NULL, "init: '%s' is a file, not a folder", dir);
		return false;
	}
	if ((g = g_dir_open(dir, 0, NULL)) == NULL) {
		diag_error(d, NULL, "init: cannot read the folder '%s'", dir);
		return false;
	}
	empty = g_dir_read_name(g) == NULL;
	g_dir_close(g);
	if (!empty)
		diag_error(d, NULL, "init: '%s' is not empty; give a new "
		    "folder, so nothing is overwritten", dir);
	return empty;
}

#define MODELINE	"# yaml-language-server: $schema="

/*
 * The layout's line for editors names the schema relative to the
 * shipped file (../schema/layout.json), which does not hold in the new
 * folder: the schema's own path takes its place, or without one the
 * line goes.  text is replaced (g_free).
 */
static void
modeline(gchar **text, gsize *len, const char *schema)
{
	char *at = strstr(*text, MODELINE), *eol;
	GString *s;

	if (at == NULL || (at != *text && at[-1] != '\n'))
		return;
	eol = strchr(at, '\n');
	s = g_string_new_len(*text, at - *text);
	if (schema != NULL)
		g_string_append_printf(s, MODELINE "%s\n", schema);
	if (eol != NULL)
		g_string_append(s, eol + 1);
	g_free(*text);
	*len = s->len;
	*text = g_string_free(s, FALSE);
}

/*
 * Copies folder/name to dir/as; a layout (schema not NULL, or "" for
 * none) with its editor line made to name schema.  False if it failed
 * (reported).
 */
static bool
copy(const char *folder, const char *name, const char *dir, const char *as,
    const char *schema, struct diag *d)
{
	char *from = g_build_filename(folder, name, NULL);
	char *to = g_build_filename(dir, as, NULL);
	gchar *text = NULL;
	gsize len = 0;
	struct outfile *of = NULL;
	bool ok;

	ok = g_file_get_contents(from, &text, &len, NULL);
	if (ok && schema != NULL)
		modeline(&text, &len, *schema != '\0' ? schema : NULL);
	if (!ok) {
		struct diag_pos pos = { from, 0, 0 };

		diag_error(d, &pos, "cannot read the starter file");
	} else if ((of = outfile_open(to, d)) != NULL) {
		ok = fwrite(text, 1, len, outfile_fp(of)) == len;
		ok = outfile_commit(of, d) && ok;
	} else
		ok = false;
	g_free(text);
	g_free(from);
	g_free(to);
	return ok;
}

enum status
init_project(const char *starter, const char *shipped, const char *schema,
    const struct init_layout *l, const char *dir, struct diag *d)
{
	const char *sch = schema != NULL ? schema : "";
	bool ok;

	if (!usable(dir, d))
		return STATUS_USAGE;
	if (g_mkdir_with_parents(dir, 0777) != 0) {
		struct diag_pos pos = { dir, 0, 0 };

		diag_error(d, &pos, "cannot create the folder: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	if (l == NULL)
		ok = copy(starter, "data.yaml", dir, "data.yaml", NULL, d) &&
		    copy(starter, "layout.yaml", dir, "layout.yaml", sch, d) &&
		    copy(starter, "README", dir, "README", NULL, d);
	else
		ok = copy(starter, l->data, dir, "data.yaml", NULL, d) &&
		    copy(shipped, l->layout, dir, "layout.yaml", sch, d) &&
		    (!l->logo || copy(shipped, "logo.svg", dir, "logo.svg",
		    NULL, d)) && copy(starter, l->readme, dir, "README", NULL,
		    d);
	return ok ? STATUS_OK : STATUS_OUTPUT;
}
