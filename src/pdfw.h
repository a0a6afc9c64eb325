/*
 * The PDF writer's core (pdfw.c): objects numbered and written one
 * after another into a FILE, their offsets kept for the cross-reference
 * table, streams deflated; and the number and string syntax that page
 * contents (pdfpage.c), fonts (pdffont.c) and images (pdfimg.c) share.
 * The writer is the main thread's; the syntax helpers are pure and any
 * thread may call them.  Nothing here knows cairo or Pango.
 */
#ifndef PDFW_H
#define PDFW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <glib.h>

struct pdfw;

/* A writer on fp, the header written; never NULL. */
struct pdfw	*pdfw_new(FILE *fp, const char *version);
/* Frees the writer (not fp). */
void		 pdfw_free(struct pdfw *);

/* A new object number, written later with pdfw_begin() (any order). */
int		 pdfw_reserve(struct pdfw *);
/* "N 0 obj": object n begins here; pdfw_end() closes it. */
void		 pdfw_begin(struct pdfw *, int n);
void		 pdfw_end(struct pdfw *);
void		 pdfw_write(struct pdfw *, const void *, size_t);
/*
 * Object n, no stream, its body given whole ("<</Type /Page …>>"): kept
 * with others in a compressed object stream.  Cheaper than begin …
 * end for the many small objects of a document.
 */
void		 pdfw_object(struct pdfw *, int n, const char *body,
		    size_t len);
void		 pdfw_puts(struct pdfw *, const char *);
void		 pdfw_printf(struct pdfw *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * Object n as a whole stream: dict holds its entries but /Length (and
 * /Filter when deflated), as "/Type /XObject /Subtype /Image …" or "".
 * pdfw_stream() deflates data; pdfw_stream_raw() writes it as given
 * (data already filtered: dict names its /Filter).
 */
void		 pdfw_stream(struct pdfw *, int n, const char *dict,
		    const void *data, size_t len);
void		 pdfw_stream_raw(struct pdfw *, int n, const char *dict,
		    const void *data, size_t len);

/*
 * The cross-reference stream that ends the file (root, info: object
 * numbers; info 0 for none), with an /ID made from the file's bytes.
 * False if a write failed (then or before): the file is bad.
 */
bool		 pdfw_finish(struct pdfw *, int root, int info);
/* Bytes written so far. */
long long	 pdfw_tell(const struct pdfw *);

/*
 * Syntax, for any thread.  A number with at most 3 decimals, its
 * trailing zeros dropped ("12", "0.5", "-3.125"), then a space;
 * deterministic, whatever the locale.
 */
void		 pdf_num(GString *, double);
/* The same with at most 6 decimals: a character spacing in em. */
void		 pdf_num_fine(GString *, double);
/* A text string for metadata and outlines: <FEFF…> UTF-16BE hex. */
void		 pdf_text_string(GString *, const char *utf8);
/* A name: "/" then s, its bytes outside ! to ~ and its delimiters as
 * #xx ("/PANTONE#20485#20C"), then a space. */
void		 pdf_name(GString *, const char *s);
/* A literal byte string "(…)" with ( ) \ and controls escaped. */
void		 pdf_literal(GString *, const void *, size_t);

/*
 * Deflates len bytes into a zlib stream (RFC 1950, as /FlateDecode
 * reads it) with ISA-L's igzip; the same bytes always give the same
 * output.  NULL if memory ran out; g_free() the result.
 */
unsigned char	*pdf_deflate(const void *, size_t len, size_t *outlen);

#endif
