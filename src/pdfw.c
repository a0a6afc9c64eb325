/*
 * The PDF writer's core: a PDF 1.7 file written front to back, object
 * by object, each one's offset kept for the cross-reference table at
 * the end (PDF 32000-1:2008, 7.5).  Objects may be numbered before
 * they are written (a page names its fonts, written last), so the
 * table is filled by number.  The /ID is the SHA-256 of the bytes
 * before it: the same document, the same file.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <isa-l/igzip_lib.h>

#include "mem.h"
#include "pdfw.h"

struct pdfw {
	FILE		*fp;
	long long	 at;		/* bytes written */
	bool		 failed;	/* a write failed */
	GArray		*offsets;	/* long long by object number; -1
					   reserved, not written */
	GChecksum	*sum;		/* of every byte, for the /ID */
};

struct pdfw *
pdfw_new(FILE *fp)
{
	struct pdfw *w = xcalloc(1, sizeof(*w));
	long long none = -1;

	w->fp = fp;
	w->offsets = g_array_new(FALSE, FALSE, sizeof(long long));
	g_array_append_val(w->offsets, none);	/* object 0 is free */
	w->sum = g_checksum_new(G_CHECKSUM_SHA256);
	/* The binary comment tells transports the file is not text. */
	pdfw_puts(w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
	return w;
}

void
pdfw_free(struct pdfw *w)
{
	if (w == NULL)
		return;
	g_array_free(w->offsets, TRUE);
	if (w->sum != NULL)
		g_checksum_free(w->sum);
	free(w);
}

void
pdfw_write(struct pdfw *w, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (fwrite(p, 1, n, w->fp) != n)
		w->failed = true;
	if (w->sum != NULL)
		g_checksum_update(w->sum, p, (gssize)n);
	w->at += (long long)n;
}

void
pdfw_puts(struct pdfw *w, const char *s)
{
	pdfw_write(w, s, strlen(s));
}

void
pdfw_printf(struct pdfw *w, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	pdfw_puts(w, s);
	g_free(s);
}

int
pdfw_reserve(struct pdfw *w)
{
	long long none = -1;

	g_array_append_val(w->offsets, none);
	return (int)w->offsets->len - 1;
}

void
pdfw_begin(struct pdfw *w, int n)
{
	g_assert(n > 0 && (guint)n < w->offsets->len);
	g_array_index(w->offsets, long long, n) = w->at;
	pdfw_printf(w, "%d 0 obj\n", n);
}

void
pdfw_end(struct pdfw *w)
{
	pdfw_puts(w, "\nendobj\n");
}

void
pdfw_stream_raw(struct pdfw *w, int n, const char *dict, const void *data,
    size_t len)
{
	pdfw_begin(w, n);
	pdfw_printf(w, "<<%s%s/Length %zu>>\nstream\n", dict,
	    *dict != '\0' ? " " : "", len);
	pdfw_write(w, data, len);
	pdfw_puts(w, "\nendstream");
	pdfw_end(w);
}

void
pdfw_stream(struct pdfw *w, int n, const char *dict, const void *data,
    size_t len)
{
	size_t zlen;
	unsigned char *z = pdf_deflate(data, len, &zlen);
	char *d;

	if (z == NULL) {
		w->failed = true;
		return;
	}
	d = g_strdup_printf("%s%s/Filter /FlateDecode", dict,
	    *dict != '\0' ? " " : "");
	pdfw_stream_raw(w, n, d, z, zlen);
	g_free(d);
	g_free(z);
}

long long
pdfw_tell(const struct pdfw *w)
{
	return w->at;
}

bool
pdfw_finish(struct pdfw *w, int root, int info)
{
	long long xref = w->at;
	const char *hex;
	char id[33];
	guint i;

	pdfw_printf(w, "xref\n0 %u\n0000000000 65535 f \n", w->offsets->len);
	for (i = 1; i < w->offsets->len; i++) {
		long long at = g_array_index(w->offsets, long long, i);

		/* A number reserved and never written is a free entry. */
		if (at < 0)
			pdfw_puts(w, "0000000000 65535 f \n");
		else
			pdfw_printf(w, "%010lld 00000 n \n", at);
	}
	hex = g_checksum_get_string(w->sum);
	memcpy(id, hex, 32);
	id[32] = '\0';
	g_checksum_free(w->sum);	/* the trailer is not summed */
	w->sum = NULL;
	pdfw_printf(w, "trailer\n<</Size %u /Root %d 0 R", w->offsets->len,
	    root);
	if (info > 0)
		pdfw_printf(w, " /Info %d 0 R", info);
	pdfw_printf(w, " /ID [<%s> <%s>]>>\nstartxref\n%lld\n%%%%EOF\n", id,
	    id, xref);
	if (fflush(w->fp) != 0)
		w->failed = true;
	return !w->failed;
}

/* ---- syntax ---- */

void
pdf_num(GString *s, double v)
{
	long long m = llround(v * 1000);
	char buf[32], *p = buf + sizeof(buf);
	unsigned long long a = m < 0 ? (unsigned long long)-m :
	    (unsigned long long)m;
	int k, frac = (int)(a % 1000);

	/* Written from the right: digits, then the sign; no printf (the
	 * writer's hottest path) and no locale. */
	*--p = '\0';
	*--p = ' ';
	if (frac != 0) {
		int digits = 3;

		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (k = 0; k < digits; k++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	a /= 1000;
	do {
		*--p = (char)('0' + a % 10);
		a /= 10;
	} while (a != 0);
	if (m < 0)
		*--p = '-';
	g_string_append(s, p);
}

void
pdf_text_string(GString *s, const char *utf8)
{
	gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, NULL, NULL);
	size_t i;

	g_string_append(s, "<FEFF");
	for (i = 0; u != NULL && u[i] != 0; i++)
		g_string_append_printf(s, "%04X", u[i]);
	g_string_append_c(s, '>');
	g_free(u);
}

void
pdf_literal(GString *s, const void *v, size_t n)
{
	const unsigned char *p = v;
	size_t i;

	g_string_append_c(s, '(');
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c == '(' || c == ')' || c == '\\') {
			g_string_append_c(s, '\\');
			g_string_append_c(s, (char)c);
		} else if (c == '\r') {
			/* A bare CR in a string reads as a line end. */
			g_string_append(s, "\\r");
		} else {
			g_string_append_c(s, (char)c);
		}
	}
	g_string_append_c(s, ')');
}

/*
 * igzip at level 2: content streams of text are small and repetitive,
 * where level 1's single hash misses much.  The first bytes go alone,
 * as in pngenc.c (PRIME_BYTES there): igzip's level-1 and level-2
 * bodies hash, for the first byte of a fresh stream, the stream's own
 * address, and the output would depend on where malloc put it.
 */
#define DEFLATE_PRIME	4

unsigned char *
pdf_deflate(const void *data, size_t len, size_t *outlen)
{
	struct isal_zstream *z = g_try_new(struct isal_zstream, 1);
	size_t bound = len + len / 8 + 4096;
	unsigned char *out = g_try_malloc(bound);
	unsigned char *level = g_try_malloc(ISAL_DEF_LVL2_DEFAULT);
	bool ok = z != NULL && out != NULL && level != NULL &&
	    len < UINT32_MAX / 2;
	size_t total = 0;

	if (ok) {
		isal_deflate_init(z);
		z->level = 2;
		z->level_buf = level;
		z->level_buf_size = ISAL_DEF_LVL2_DEFAULT;
		z->gzip_flag = IGZIP_ZLIB;
		z->next_out = out;
		z->avail_out = (uint32_t)bound;
		z->next_in = (uint8_t *)(uintptr_t)data;
		if (len > DEFLATE_PRIME) {
			z->avail_in = DEFLATE_PRIME;
			z->flush = SYNC_FLUSH;
			ok = isal_deflate(z) == COMP_OK && z->avail_in == 0;
			z->avail_in = (uint32_t)(len - DEFLATE_PRIME);
		} else {
			z->avail_in = (uint32_t)len;
		}
		z->flush = NO_FLUSH;
		z->end_of_stream = 1;
		ok = ok && isal_deflate(z) == COMP_OK && z->avail_in == 0 &&
		    z->internal_state.state == ZSTATE_END;
		total = z->total_out;
	}
	g_free(level);
	g_free(z);
	if (!ok) {
		g_free(out);
		return NULL;
	}
	*outlen = total;
	return out;
}
