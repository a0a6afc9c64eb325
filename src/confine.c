/*
 * Confinement: realpath() both sides, then a prefix test on whole path
 * components, so "/data/photos-old" is not inside "/data/photos" and a
 * symbolic link that leaves the folder counts as leaving it.  Input
 * files are opened here too: regular files only, never waited on.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "confine.h"
#include "mem.h"

static bool
under(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strncmp(real, dir, n) != 0)
		return false;
	return real[n] == '/' || real[n] == '\0' || (n == 1 && *dir == '/');
}

bool
confine_inside(const struct confine *c, const char *dir, const char *path)
{
	char *real = realpath(path, NULL), *base = realpath(dir, NULL);
	bool ok = false;
	size_t i;

	if (real != NULL && base != NULL)
		ok = under(real, base);
	for (i = 0; real != NULL && !ok && c != NULL && i < c->nallow; i++)
		ok = under(real, c->allow[i]);
	free(real);
	free(base);
	return ok;
}

const char *
confine_kind_name(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a file";
}

int
confine_open(const char *path, off_t max, off_t *size, char *why,
    size_t whylen)
{
	struct stat st;
	int fd;

	/*
	 * O_NONBLOCK: opening a FIFO for reading otherwise waits for a
	 * writer, forever.  On a regular file it changes nothing.
	 */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, whylen, "%s", strerror(EISDIR));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "not a regular file (%s)",
		    confine_kind_name(st.st_mode));
		close(fd);
		return -1;
	}
	if (st.st_size > max) {
		snprintf(why, whylen, "the file is %.1f MiB; the limit is "
		    "%lld MiB", st.st_size / 1048576.0,
		    (long long)(max >> 20));
		close(fd);
		return -1;
	}
	*size = st.st_size;
	return fd;
}

bool
confine_read(const char *path, off_t max, unsigned char **buf,
    size_t *len, char *why, size_t whylen)
{
	off_t size;
	size_t n = 0;
	ssize_t got;
	unsigned char *p;
	int fd = confine_open(path, max, &size, why, whylen);

	if (fd < 0)
		return false;
	p = xmalloc((size_t)size + 1);
	/* Read up to the size fstat() gave: a file that grows meanwhile
	 * is read as it was, one that shrinks as it is. */
	while (n < (size_t)size) {
		got = read(fd, p + n, (size_t)size - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(why, whylen, "%s", strerror(errno));
			free(p);
			close(fd);
			return false;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	p[n] = '\0';
	*buf = p;
	*len = n;
	return true;
}
