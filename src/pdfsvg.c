/*
 * SVG images kept as vectors in brochure's own PDF: librsvg draws the
 * image into a one-page cairo PDF in memory (the worker's), libqpdf
 * reads that page back, and its content (decoded) becomes a Form
 * XObject's, its /Resources the form's, with every object they reach
 * copied (streams raw, with their filters).  References are kept as
 * local indices until the main thread numbers them in its writer:
 *
 *   worker:  image ─▶ cairo PDF bytes ─▶ qpdf ─▶ struct pdfsvg (text +
 *            where each reference goes)
 *   main:    pdfsvg_write: numbers reserved, references filled in
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "image.h"
#include "mem.h"
#include "pdfsvg.h"
#include "pdfw.h"
#include "text.h"

/* A reference in an object's text: "N 0 R" goes at byte `at`. */
struct svgref {
	size_t	 at;
	int	 index;		/* into pdfsvg.objs */
};

/* One object: its text (a stream's dictionary entries, without << >>
 * or /Length), the references in it, and a stream's raw bytes. */
struct svgobj {
	GString		*text;
	GArray		*refs;		/* struct svgref, by at */
	unsigned char	*data;		/* malloc'd by qpdf, or NULL */
	size_t		 len;
	bool		 stream;
};

struct pdfsvg {
	struct svgobj	 form;		/* its text: the form's entries;
					   data: the content, decoded */
	GArray		*objs;		/* struct svgobj, by local index */
};

/* The walk over qpdf's objects, from the page's resources outwards. */
struct walk {
	qpdf_data	 q;
	GHashTable	*ids;		/* qpdf object id → local index + 1 */
	GArray		*pending;	/* qpdf_oh by local index */
};

static void
obj_init(struct svgobj *o)
{
	o->text = g_string_new(NULL);
	o->refs = g_array_new(FALSE, FALSE, sizeof(struct svgref));
	o->data = NULL;
	o->len = 0;
	o->stream = false;
}

static void
obj_clear(struct svgobj *o)
{
	g_string_free(o->text, TRUE);
	g_array_free(o->refs, TRUE);
	free(o->data);
}

void
pdfsvg_free(struct pdfsvg *s)
{
	guint i;

	if (s == NULL)
		return;
	obj_clear(&s->form);
	for (i = 0; i < s->objs->len; i++)
		obj_clear(&g_array_index(s->objs, struct svgobj, i));
	g_array_free(s->objs, TRUE);
	free(s);
}

/* The local index of an indirect object, queued at its first sight. */
static int
local_index(struct walk *k, qpdf_oh oh)
{
	int id = qpdf_oh_get_object_id(k->q, oh);
	gpointer v = g_hash_table_lookup(k->ids, GINT_TO_POINTER(id));
	int index;

	if (v != NULL)
		return GPOINTER_TO_INT(v) - 1;
	index = (int)k->pending->len;
	g_array_append_val(k->pending, oh);
	g_hash_table_insert(k->ids, GINT_TO_POINTER(id),
	    GINT_TO_POINTER(index + 1));
	return index;
}

static void put_value(struct walk *, qpdf_oh, bool top, struct svgobj *);

/*
 * A dictionary's entries, "/Key value" each, skipping `skip` (a
 * stream's /Length, which the writer puts itself).  The keys are read
 * first: qpdf's C API iterates over one dictionary at a time.
 */
static void
put_entries(struct walk *k, qpdf_oh dict, const char *skip,
    struct svgobj *o)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	bool first = true;
	guint i;

	qpdf_oh_begin_dict_key_iter(k->q, dict);
	while (qpdf_oh_dict_more_keys(k->q))
		g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(k->q)));
	for (i = 0; i < keys->len; i++) {
		const char *key = g_ptr_array_index(keys, i);

		if (skip != NULL && strcmp(key, skip) == 0)
			continue;
		if (!first)
			g_string_append_c(o->text, ' ');
		first = false;
		g_string_append(o->text,
		    qpdf_oh_unparse(k->q, qpdf_oh_new_name(k->q, key)));
		g_string_append_c(o->text, ' ');
		put_value(k, qpdf_oh_get_key(k->q, dict, key), false, o);
	}
	g_ptr_array_free(keys, TRUE);
}

/*
 * A value's syntax into o; an indirect object (unless top, the object
 * itself being written) becomes a reference.  The page tree is never
 * copied: resources should not reach it, and if they do, null.
 */
static void
put_value(struct walk *k, qpdf_oh oh, bool top, struct svgobj *o)
{
	qpdf_data q = k->q;

	if (!top && qpdf_oh_is_indirect(q, oh)) {
		struct svgref r;

		if (qpdf_oh_is_dictionary_of_type(q, oh, "/Page", "") ||
		    qpdf_oh_is_dictionary_of_type(q, oh, "/Pages", "") ||
		    qpdf_oh_is_dictionary_of_type(q, oh, "/Catalog", "")) {
			g_string_append(o->text, "null");
			return;
		}
		r.at = o->text->len;
		r.index = local_index(k, oh);
		g_array_append_val(o->refs, r);
		return;
	}
	if (qpdf_oh_is_array(q, oh)) {
		int i, n = qpdf_oh_get_array_n_items(q, oh);

		g_string_append_c(o->text, '[');
		for (i = 0; i < n; i++) {
			if (i > 0)
				g_string_append_c(o->text, ' ');
			put_value(k, qpdf_oh_get_array_item(q, oh, i), false,
			    o);
		}
		g_string_append_c(o->text, ']');
	} else if (qpdf_oh_is_dictionary(q, oh)) {
		g_string_append(o->text, "<<");
		put_entries(k, oh, NULL, o);
		g_string_append(o->text, ">>");
	} else {
		g_string_append(o->text, qpdf_oh_unparse(q, oh));
	}
}

/* An object the walk reached, as text (and raw bytes for a stream). */
static bool
put_object(struct walk *k, qpdf_oh oh, struct svgobj *o)
{
	if (!qpdf_oh_is_stream(k->q, oh)) {
		put_value(k, oh, true, o);
		return true;
	}
	o->stream = true;
	put_entries(k, qpdf_oh_get_dict(k->q, oh), "/Length", o);
	/* qpdf_dl_none: the bytes as stored; the dictionary keeps its
	 * /Filter and /DecodeParms, which still describe them. */
	return qpdf_oh_get_stream_data(k->q, oh, qpdf_dl_none, NULL, &o->data,
	    &o->len) == QPDF_SUCCESS;
}

/* The page's resources, inherited from the page tree if need be. */
static qpdf_oh
page_resources(qpdf_data q, qpdf_oh page)
{
	qpdf_oh node = page;
	int depth;

	/* A bound on the climb: a hostile tree may loop (ours is cairo's,
	 * one level, but the walk stays finite whatever it reads). */
	for (depth = 0; depth < 32; depth++) {
		if (qpdf_oh_has_key(q, node, "/Resources"))
			return qpdf_oh_get_key(q, node, "/Resources");
		if (!qpdf_oh_has_key(q, node, "/Parent"))
			break;
		node = qpdf_oh_get_key(q, node, "/Parent");
	}
	return qpdf_oh_parse(q, "<<>>");
}

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int n)
{
	g_byte_array_append(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* img drawn by librsvg into a one-page PDF of w × h points. */
static GByteArray *
draw_pdf(const struct image *img, double w, double h, char *err,
    size_t errlen)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes,
	    pdf, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_status_t st;

	text_lock();	/* finishing measures the SVG's glyphs, if any */
	image_draw_svg(img, cr, w, h);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	text_unlock();
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "%s", cairo_status_to_string(st));
		g_byte_array_free(pdf, TRUE);
		return NULL;
	}
	return pdf;
}

/* The page of cairo's PDF, and every object its resources reach, in s. */
static bool
read_page(qpdf_data q, struct pdfsvg *s, double w, double h)
{
	struct walk k = { q, g_hash_table_new(NULL, NULL),
	    g_array_new(FALSE, FALSE, sizeof(qpdf_oh)) };
	qpdf_oh page;
	guint i;
	bool ok = true;

	page = qpdf_get_page_n(q, 0);
	if (qpdf_oh_get_page_content_data(q, page, &s->form.data,
	    &s->form.len) != QPDF_SUCCESS)
		ok = false;
	g_string_append(s->form.text, "/Type /XObject /Subtype /Form "
	    "/BBox [0 0 ");
	pdf_num(s->form.text, w);
	pdf_num(s->form.text, h);
	g_string_append(s->form.text, "] /Resources ");
	put_value(&k, page_resources(q, page), true, &s->form);
	/* pending grows as the walk finds objects: each is copied once. */
	for (i = 0; ok && i < k.pending->len; i++) {
		struct svgobj o;

		obj_init(&o);
		ok = put_object(&k, g_array_index(k.pending, qpdf_oh, i), &o);
		g_array_append_val(s->objs, o);
	}
	g_hash_table_destroy(k.ids);
	g_array_free(k.pending, TRUE);
	return ok && !qpdf_has_error(q);
}

struct pdfsvg *
pdfsvg_encode(const struct image *img, char *err, size_t errlen)
{
	double w = image_width(img), h = image_height(img);
	struct pdfsvg *s;
	GByteArray *pdf;
	qpdf_data q;
	bool ok;

	pdf = draw_pdf(img, w, h, err, errlen);
	if (pdf == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	obj_init(&s->form);
	s->form.stream = true;
	s->objs = g_array_new(FALSE, FALSE, sizeof(struct svgobj));
	q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	ok = qpdf_read_memory(q, "svg", (const char *)pdf->data, pdf->len,
	    NULL) == QPDF_SUCCESS && qpdf_get_num_pages(q) == 1 &&
	    read_page(q, s, w, h);
	if (!ok) {
		snprintf(err, errlen, "%s", qpdf_has_error(q) ?
		    qpdf_get_error_full_text(q, qpdf_get_error(q)) :
		    "cairo's PDF of it could not be read back");
		pdfsvg_free(s);
		s = NULL;
	}
	qpdf_cleanup(&q);
	g_byte_array_free(pdf, TRUE);
	return s;
}

/* o's text with each reference's "N 0 R", N from nums. */
static GString *
expand(const struct svgobj *o, const int *nums)
{
	GString *t = g_string_sized_new(o->text->len + 16 * o->refs->len);
	size_t from = 0;
	guint i;

	for (i = 0; i < o->refs->len; i++) {
		const struct svgref *r = &g_array_index(o->refs, struct svgref,
		    i);

		g_string_append_len(t, o->text->str + from,
		    (gssize)(r->at - from));
		g_string_append_printf(t, "%d 0 R", nums[r->index]);
		from = r->at;
	}
	g_string_append_len(t, o->text->str + from,
	    (gssize)(o->text->len - from));
	return t;
}

int
pdfsvg_write(const struct pdfsvg *s, struct pdfw *w)
{
	int form = pdfw_reserve(w);
	int *nums = g_new(int, s->objs->len + 1);
	GString *t;
	guint i;

	for (i = 0; i < s->objs->len; i++)
		nums[i] = pdfw_reserve(w);
	t = expand(&s->form, nums);
	pdfw_stream(w, form, t->str, s->form.data, s->form.len);
	g_string_free(t, TRUE);
	for (i = 0; i < s->objs->len; i++) {
		const struct svgobj *o = &g_array_index(s->objs,
		    struct svgobj, i);

		t = expand(o, nums);
		if (o->stream) {
			pdfw_stream_raw(w, nums[i], t->str, o->data, o->len);
		} else {
			pdfw_begin(w, nums[i]);
			pdfw_write(w, t->str, t->len);
			pdfw_end(w);
		}
		g_string_free(t, TRUE);
	}
	g_free(nums);
	return form;
}
