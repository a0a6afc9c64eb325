/*
 * init: the starter project is three files kept in the repository's
 * starter/ folder (installed as PREFIX/share/brochure/starter/), copied
 * atomically into a new or empty folder.  Nothing is ever overwritten.
 */
#include <errno.h>
#include <string.h>

#include <glib.h>

#include "init.h"
#include "outfile.h"

static const char *const files[] = { "data.yaml", "layout.yaml", "README" };

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

enum status
init_project(const char *starter, const char *dir, struct diag *d)
{
	size_t i;

	if (!usable(dir, d))
		return STATUS_USAGE;
	if (g_mkdir_with_parents(dir, 0777) != 0) {
		struct diag_pos pos = { dir, 0, 0 };

		diag_error(d, &pos, "cannot create the folder: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *from = g_build_filename(starter, files[i], NULL);
		char *to = g_build_filename(dir, files[i], NULL);
		gchar *text = NULL;
		gsize len = 0;
		struct outfile *of = NULL;
		bool ok;

		ok = g_file_get_contents(from, &text, &len, NULL);
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
		if (!ok)
			return STATUS_OUTPUT;
	}
	return STATUS_OK;
}
