/*
 * QR codes for qr blocks: libqrencode's module matrix, kept behind an
 * opaque type so that layout and paint need not know the library.
 */
#ifndef QR_H
#define QR_H

#include <stdbool.h>

struct qr;

/* Encodes text (UTF-8) at error correction level M; NULL if too long. */
struct qr	*qr_encode(const char *text);
void		 qr_free(struct qr *);

/* Modules a side, without the quiet zone. */
int		 qr_width(const struct qr *);
/* True if the module at column x, row y is dark. */
bool		 qr_dark(const struct qr *, int x, int y);

/* Calls fn for each run of dark modules, row by row: its first
 * column x, its row y and its length. */
void		 qr_each_run(const struct qr *, void (*fn)(void *arg, int x,
		    int y, int len), void *arg);

/* The quiet zone the standard asks for, in modules on each side. */
#define QR_QUIET	4

#endif
