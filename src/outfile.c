/*
 * Atomic output: mkstemp() beside the target, rename() at the end.  A
 * hidden name (".gina.png.XXXXXX") keeps the temporary out of globs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "mem.h"
#include "outfile.h"

struct outfile {
	char	*path;
	char	*tmp;
	FILE	*fp;
};

struct outfile *
outfile_open(const char *path, struct diag *d)
{
	struct diag_pos pos = { path, 0, 0 };
	struct outfile *of;
	char *dir, *base;
	int fd;

	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	/* out/brochure.pdf on a fresh clone: make out/ first. */
	g_mkdir_with_parents(dir, 0777);
	of = xcalloc(1, sizeof(*of));
	of->path = xstrdup(path);
	of->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
	g_free(dir);
	g_free(base);
	fd = mkstemp(of->tmp);
	if (fd < 0 || (of->fp = fdopen(fd, "wb")) == NULL) {
		diag_error(d, &pos, "cannot write: %s", strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(of->tmp);
		}
		g_free(of->tmp);
		free(of->path);
		free(of);
		return NULL;
	}
	/* mkstemp makes 0600; outputs are ordinary files. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	return of;
}

FILE *
outfile_fp(struct outfile *of)
{
	return of->fp;
}

const char *
outfile_path(const struct outfile *of)
{
	return of->path;
}

const char *
outfile_tmp(const struct outfile *of)
{
	return of->tmp;
}

static void
release(struct outfile *of)
{
	g_free(of->tmp);
	free(of->path);
	free(of);
}

bool
outfile_commit(struct outfile *of, struct diag *d)
{
	struct diag_pos pos = { of->path, 0, 0 };
	bool bad = ferror(of->fp) != 0;
	int err = errno;

	if (fclose(of->fp) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (!bad && rename(of->tmp, of->path) != 0) {
		bad = true;
		err = errno;
	}
	if (bad) {
		diag_error(d, &pos, "cannot write: %s", strerror(err));
		unlink(of->tmp);
	}
	release(of);
	return !bad;
}

void
outfile_abort(struct outfile *of)
{
	if (of == NULL)
		return;
	fclose(of->fp);
	unlink(of->tmp);
	release(of);
}
