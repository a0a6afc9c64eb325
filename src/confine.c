/*
 * Confinement: realpath() both sides, then a prefix test on whole path
 * components, so "/data/photos-old" is not inside "/data/photos" and a
 * symbolic link that leaves the folder counts as leaving it.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "confine.h"

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
