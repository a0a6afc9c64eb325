/*
 * Shared by the unit tests: a diagnostics sink that writes into memory
 * so a test can compare the exact lines a user would read, and a YAML
 * loader for inline test documents.  Header-only: the Makefile builds
 * each tests/unit/test_*.c on its own.
 */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "ynode.h"

struct capture {
	struct diag	 d;
	FILE		*f;
	char		*buf;
	size_t		 len;
};

static inline void
capture_begin(struct capture *c)
{
	memset(c, 0, sizeof(*c));
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
	diag_init(&c->d, c->f);
}

/* Everything reported so far; valid until the next report or the end. */
static inline const char *
capture_text(struct capture *c)
{
	fflush(c->f);
	return c->buf != NULL ? c->buf : "";
}

static inline void
capture_end(struct capture *c)
{
	fclose(c->f);
	free(c->buf);
	c->f = NULL;
	c->buf = NULL;
}

/* Loads a NUL-terminated inline YAML document named `name`. */
static inline struct ydoc *
load(const char *name, const char *yaml, struct diag *d)
{
	return yload_buffer(name, yaml, strlen(yaml), d);
}

#endif
