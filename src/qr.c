/*
 * QR encoding through libqrencode (the only file that includes it):
 * the module matrix is copied out so the QRcode can be freed at once.
 */
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "mem.h"
#include "qr.h"

struct qr {
	int		 width;
	unsigned char	*dark;	/* width × width, 1 for a dark module */
};

struct qr *
qr_encode(const char *text)
{
	QRcode *c = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	struct qr *q;
	int i, n;

	if (c == NULL)
		return NULL;
	q = xcalloc(1, sizeof(*q));
	q->width = c->width;
	n = c->width * c->width;
	q->dark = xmalloc((size_t)n);
	for (i = 0; i < n; i++)
		q->dark[i] = c->data[i] & 1;
	QRcode_free(c);
	return q;
}

void
qr_free(struct qr *q)
{
	if (q == NULL)
		return;
	free(q->dark);
	free(q);
}

int
qr_width(const struct qr *q)
{
	return q->width;
}

bool
qr_dark(const struct qr *q, int x, int y)
{
	return q->dark[y * q->width + x] != 0;
}

void
qr_each_run(const struct qr *q, void (*fn)(void *, int, int, int),
    void *arg)
{
	int n = qr_width(q), x, y, run;

	for (y = 0; y < n; y++)
		for (x = 0; x < n; x = run) {
			if (!qr_dark(q, x, y)) {
				run = x + 1;
				continue;
			}
			for (run = x; run < n && qr_dark(q, run, y); run++)
				;
			fn(arg, x, y, run - x);
		}
}
