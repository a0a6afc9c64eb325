/*
 * The PDF writer's core: a PDF 1.7 file written front to back, object
 * by object, each one's offset kept for the cross-reference table at
 * the end (PDF 32000-1:2008, 7.5).  Objects may be numbered before
 * they are written (a page names its fonts, written last), so the
 * table is filled by number.  The /ID is the SHA-256 of the bytes
 * before it: the same document, the same file.
 *
 * Objects that are no stream (pages, links, outline entries: a fifth
 * of a brochure's bytes, alike from page to page) go, a hundred at a
 * time, into compressed object streams, and the table is then an xref
 * stream (7.5.7, 7.5.8): PDF 1.5 and later.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "mem.h"
#include "pdfw.h"

/* Objects an object stream holds at most. */
#define OBJSTM_MAX	500

struct pdfw {
	FILE		*fp;
	long long	 at;		/* bytes written */
	bool		 failed;	/* a write failed */
	GArray		*offsets;	/* long long by object number; -1
					   reserved, not written; for one
					   in an object stream, -2 -
					   (stream << 16 | index) */
	GChecksum	*sum;		/* of every byte, for the /ID */
	GString		*pending;	/* the open object stream's bodies */
	GString		*heads;		/*   its "number offset" pairs */
	GArray		*order;		/*   its objects, as written (int) */
	int		 npending;
};

struct pdfw *
pdfw_new(FILE *fp, const char *version)
{
	struct pdfw *w = xcalloc(1, sizeof(*w));
	long long none = -1;

	w->fp = fp;
	w->offsets = g_array_new(FALSE, FALSE, sizeof(long long));
	g_array_append_val(w->offsets, none);	/* object 0 is free */
	w->sum = g_checksum_new(G_CHECKSUM_SHA256);
	w->pending = g_string_new(NULL);
	w->heads = g_string_new(NULL);
	w->order = g_array_new(FALSE, FALSE, sizeof(int));
	/* The binary comment tells transports the file is not text. */
	pdfw_printf(w, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version);
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
	g_string_free(w->pending, TRUE);
	g_string_free(w->heads, TRUE);
	g_array_free(w->order, TRUE);
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

/* Writes the object stream gathered, if any. */
static void
objstm_flush(struct pdfw *w)
{
	int n, i;
	GString *body;
	char *dict;

	if (w->npending == 0)
		return;
	n = pdfw_reserve(w);
	for (i = 0; i < (int)w->order->len; i++)
		g_array_index(w->offsets, long long, g_array_index(w->order,
		    int, i)) = -2 - ((long long)n << 16 | i);
	g_array_set_size(w->order, 0);
	body = g_string_new(w->heads->str);
	g_string_append(body, w->pending->str);
	dict = g_strdup_printf("/Type /ObjStm /N %d /First %zu", w->npending,
	    w->heads->len);
	pdfw_stream(w, n, dict, body->str, body->len);
	g_free(dict);
	g_string_free(body, TRUE);
	g_string_truncate(w->pending, 0);
	g_string_truncate(w->heads, 0);
	w->npending = 0;
}

void
pdfw_object(struct pdfw *w, int n, const char *body, size_t len)
{
	g_assert(n > 0 && (guint)n < w->offsets->len);
	g_string_append_printf(w->heads, "%d %zu ", n, w->pending->len);
	g_string_append_len(w->pending, body, (gssize)len);
	g_string_append_c(w->pending, '\n');
	/* Its stream's number is known at the flush. */
	g_array_append_val(w->order, n);
	if (++w->npending == OBJSTM_MAX)
		objstm_flush(w);
}

long long
pdfw_tell(const struct pdfw *w)
{
	return w->at;
}

/* n as a big-endian field of width bytes. */
static void
put_be(GString *s, unsigned long long n, int width)
{
	while (width-- > 0)
		g_string_append_c(s, (char)(n >> (8 * width) & 0xff));
}

bool
pdfw_finish(struct pdfw *w, int root, int info)
{
	GString *x = g_string_new(NULL), *dict = g_string_new(NULL);
	const char *hex;
	long long at;
	char id[33];
	int self;
	guint i, k;

	objstm_flush(w);
	self = pdfw_reserve(w);
	hex = g_checksum_get_string(w->sum);
	memcpy(id, hex, 32);
	id[32] = '\0';
	g_checksum_free(w->sum);	/* the table is not summed */
	w->sum = NULL;
	g_array_index(w->offsets, long long, self) = w->at;
	/* Type (0 free, 1 at an offset, 2 in an object stream), then the
	 * offset or the stream's number, then the index in it; each row
	 * after a PNG filter byte, Up (2): the next row's difference from
	 * it, mostly 0 (objects in the same stream), deflates to little. */
	for (i = 0; i < w->offsets->len; i++) {
		g_string_append_c(x, '\0');	/* Up: filled in below */
		at = g_array_index(w->offsets, long long, i);
		if (at >= 0) {
			put_be(x, 1, 1);
			put_be(x, (unsigned long long)at, 5);
			put_be(x, 0, 2);
		} else if (at <= -2) {
			put_be(x, 2, 1);
			put_be(x, (unsigned long long)(-2 - at) >> 16, 5);
			put_be(x, (unsigned long long)(-2 - at) & 0xffff, 2);
		} else {
			/* Reserved and never written: a free entry. */
			put_be(x, 0, 1);
			put_be(x, 0, 5);
			put_be(x, i == 0 ? 0xffff : 0, 2);
		}
	}
	for (i = w->offsets->len; i-- > 0; ) {
		unsigned char *row = (unsigned char *)x->str + i * 9;

		row[0] = 2;
		for (k = 1; i > 0 && k < 9; k++)
			row[k] = (unsigned char)(row[k] - (row - 9)[k]);
	}
	g_string_printf(dict, "/Type /XRef /Size %u /W [1 5 2] /DecodeParms "
	    "<</Predictor 12 /Columns 8>> /Root %d 0 R", w->offsets->len,
	    root);
	if (info > 0)
		g_string_append_printf(dict, " /Info %d 0 R", info);
	g_string_append_printf(dict, " /ID [<%s> <%s>]", id, id);
	at = w->at;
	pdfw_stream(w, self, dict->str, x->str, x->len);
	pdfw_printf(w, "startxref\n%lld\n%%%%EOF\n", at);
	g_string_free(x, TRUE);
	g_string_free(dict, TRUE);
	if (fflush(w->fp) != 0)
		w->failed = true;
	return !w->failed;
}

/* ---- syntax ---- */

/* v with at most digits decimals (0 to 9), trailing zeros dropped,
 * then a space. */
static void
num_digits(GString *s, double v, int digits)
{
	static const unsigned long long scale[10] = { 1, 10, 100, 1000,
	    10000, 100000, 1000000, 10000000, 100000000, 1000000000 };
	long long m = llround(v * (double)scale[digits]);
	char buf[48], *p = buf + sizeof(buf);
	unsigned long long a = m < 0 ? (unsigned long long)-m :
	    (unsigned long long)m;
	unsigned long long frac = a % scale[digits];
	int k, n = digits;

	/* Written from the right: digits, then the sign; no printf (the
	 * writer's hottest path) and no locale. */
	*--p = '\0';
	*--p = ' ';
	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			n--;
		}
		for (k = 0; k < n; k++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	a /= scale[digits];
	do {
		*--p = (char)('0' + a % 10);
		a /= 10;
	} while (a != 0);
	if (m < 0)
		*--p = '-';
	g_string_append(s, p);
}

void
pdf_num(GString *s, double v)
{
	num_digits(s, v, 3);
}

void
pdf_num_fine(GString *s, double v)
{
	num_digits(s, v, 6);
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
pdf_name(GString *s, const char *name)
{
	const unsigned char *p;

	g_string_append_c(s, '/');
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if (*p < '!' || *p > '~' || strchr("#()<>[]{}/%", *p) != NULL)
			g_string_append_printf(s, "#%02X", *p);
		else
			g_string_append_c(s, (char)*p);
	g_string_append_c(s, ' ');
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
 * libdeflate at level PDF_DEFLATE_LEVEL: content streams are small,
 * text-like and compressed once, where a stronger match finder pays
 * (measured on the A4 layout over 1,364 generated pages, deflated
 * bytes a page: igzip level 2 3,067, zlib 6 2,701; see pdf_deflate's
 * figures in the issue note).  libdeflate keeps no state between
 * calls and hashes no address: the same bytes, the same stream.
 */
#ifndef PDF_DEFLATE_LEVEL
#define PDF_DEFLATE_LEVEL	9
#endif

unsigned char *
pdf_deflate(const void *data, size_t len, size_t *outlen)
{
	struct libdeflate_compressor *c =
	    libdeflate_alloc_compressor(PDF_DEFLATE_LEVEL);
	size_t bound;
	unsigned char *out;

	if (c == NULL)
		return NULL;
	bound = libdeflate_zlib_compress_bound(c, len);
	if ((out = g_try_malloc(bound)) != NULL &&
	    (*outlen = libdeflate_zlib_compress(c, data, len, out,
	    bound)) == 0) {
		g_free(out);
		out = NULL;
	}
	libdeflate_free_compressor(c);
	return out;
}
