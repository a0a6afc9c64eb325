/*
 * Atomic output: mkstemp() beside the target, rename() at the end.  A
 * short hidden name (".brochure-XXXXXX", whatever the target is called)
 * keeps the temporary out of globs and lets a target name of up to the
 * file system's 255 bytes be written; watch.c skips hidden names.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
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

static pthread_once_t umask_once = PTHREAD_ONCE_INIT;
/*
 * The process's umask, read once.  umask() can only be read by setting
 * it, and setting it from worker threads let one thread's umask(0)
 * leak into another's files (world-writable outputs at -j 16); Linux
 * shows it in /proc/self/status, and where that is missing the toggle
 * happens once, before any output file exists.  Written once under
 * pthread_once, read-only after.
 */
static mode_t file_umask;

static void
read_umask(void)
{
	FILE *f = fopen("/proc/self/status", "re");
	char line[128];
	unsigned int m;

	if (f != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (sscanf(line, "Umask: %o", &m) == 1) {
				file_umask = (mode_t)m & 0777;
				fclose(f);
				return;
			}
		fclose(f);
	}
	file_umask = umask(022);
	umask(file_umask);
}

struct outfile *
outfile_open(const char *path, struct diag *d)
{
	struct diag_pos pos = { path, 0, 0 };
	struct outfile *of;
	char *dir;
	int fd;

	pthread_once(&umask_once, read_umask);
	dir = g_path_get_dirname(path);
	/* out/brochure.pdf on a fresh clone: make out/ first. */
	g_mkdir_with_parents(dir, 0777);
	of = xcalloc(1, sizeof(*of));
	of->path = xstrdup(path);
	of->tmp = g_strdup_printf("%s/.brochure-XXXXXX", dir);
	g_free(dir);
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
	fchmod(fd, 0666 & ~file_umask);
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
