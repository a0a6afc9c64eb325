/*
 * The PDF backend of our own (--pdf-writer native): pages arrive as
 * struct pdfpage, made on the workers (pdfpage.c), and are written as
 * they come, in page order, each content stream already deflated.
 * Fonts are written at the end, subset to what every page used
 * (pdffont.c); an image is written at its first use and named again
 * after (pdfimg.c).  Print boxes, links, the outline and the metadata
 * are written here directly.  Memory holds, past the page being
 * written, only the fonts' glyph sets, the image table and one small
 * record per page and outline entry.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "mem.h"
#include "cmyk.h"
#include "out.h"
#include "outfile.h"
#include "pdffont.h"
#include "pdfimg.h"
#include "pdfpage.h"
#include "pdfw.h"

struct entry {			/* an outline entry */
	char		*title;
	int		 page;		/* its page's object */
	double		 top;		/* [pt] the page's height */
	int		 parent;	/* index + 1 of a top entry, or 0 */
};

struct pdfn {
	struct pdfw	*w;
	int		 catalog, pages, info;
	GArray		*kids;		/* int: page objects */
	struct pdffonts	*fonts;
	GHashTable	*images;	/* key → object number */
	GHashTable	*forms;		/* key → object number */
	GHashTable	*spots;		/* "name\nc m y k" → object number */
	unsigned	 standards;	/* what it claims: enum pdf_standard */
	int		 icc_cmyk, icc_rgb;	/* ICC profile streams, or 0 */
	int		 space_cmyk, space_rgb;	/* their /ICCBased arrays */
	int		 ocg;		/* the --debug-boxes layer, or 0 */
	int		 rgb_pages;	/* pages that paint in RGB */
	GArray		*outline;	/* struct entry */
	int		 top;		/* index + 1 of the last top entry */
	long		 hangul, latin;	/* letters of the pages' text */
	/* The structure tree: made with the first page that has text. */
	int		 root, document;	/* object numbers, or 0 */
	GArray		*elems;		/* int: the paragraphs' objects */
	GString		*nums;		/* the parent tree: "K ARRAY 0 R " */
	int		 parents;	/* pages in it so far */
};

static struct outdoc *
pdfn_open(const char *path, const struct out_opts *o, struct diag *d)
{
	struct outdoc *doc = out_doc_open(path, o, d);
	struct pdfn *n;

	if (doc == NULL)
		return NULL;
	n = xcalloc(1, sizeof(*n));
	/* PDF/X-4 is PDF 1.6's (ISO 15930-7); PDF/A-2 1.7's. */
	n->w = pdfw_new(outfile_fp(doc->of), o->standards & PDF_X4 ? "1.6" :
	    "1.7");
	n->standards = o->standards;
	n->catalog = pdfw_reserve(n->w);
	n->pages = pdfw_reserve(n->w);
	n->info = pdfw_reserve(n->w);
	n->kids = g_array_new(FALSE, FALSE, sizeof(int));
	n->elems = g_array_new(FALSE, FALSE, sizeof(int));
	n->nums = g_string_new(NULL);
	n->fonts = pdffonts_new();
	n->images = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	n->spots = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	n->forms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	n->outline = g_array_new(FALSE, FALSE, sizeof(struct entry));
	doc->own = n;
	return doc;
}

/* "[x0 y0 x1 y1] " for a box inset by in from a page of w × h, to a
 * millionth of a point: a print shop's tools read it to the hundredth,
 * and 3 decimals would round 881.5748 up to the next one. */
static void
box(GString *s, double w, double h, double in)
{
	g_string_append_c(s, '[');
	pdf_num_fine(s, in);
	pdf_num_fine(s, in);
	pdf_num_fine(s, w - in);
	pdf_num_fine(s, h - in);
	g_string_append(s, "] ");
}

/* The object of form f, written at its first use. */
static int
form_obj(struct pdfn *n, const struct pdfform *f)
{
	gpointer obj = g_hash_table_lookup(n->forms, f->key);
	char *dict;
	int k;

	if (obj != NULL)
		return GPOINTER_TO_INT(obj);
	k = pdfw_reserve(n->w);
	dict = g_strdup_printf("/Type /XObject /Subtype /Form /BBox [0 0 %g "
	    "%g] /Filter /FlateDecode", f->w, f->h);
	pdfw_stream_raw(n->w, k, dict, f->content, f->len);
	g_free(dict);
	g_hash_table_insert(n->forms, g_strdup(f->key), GINT_TO_POINTER(k));
	return k;
}

/*
 * Spot colour c's Separation, written once for the document: its ink
 * by name, DeviceCMYK the alternate, a tint from none to its CMYK.
 */
static int
spot_obj(struct pdfn *n, const struct color *c)
{
	GString *s = g_string_new(NULL);
	gpointer at;
	int obj, i;

	g_string_append_printf(s, "%s\n", c->spot);
	for (i = 0; i < 4; i++)
		pdf_num(s, c->cmyk[i]);
	if ((at = g_hash_table_lookup(n->spots, s->str)) != NULL) {
		g_string_free(s, TRUE);
		return GPOINTER_TO_INT(at);
	}
	obj = pdfw_reserve(n->w);
	g_hash_table_insert(n->spots, g_strdup(s->str), GINT_TO_POINTER(obj));
	g_string_assign(s, "[/Separation ");
	pdf_name(s, c->spot);
	g_string_append(s, "/DeviceCMYK <</FunctionType 2 /Domain [0 1] "
	    "/C0 [0 0 0 0] /C1 [");
	for (i = 0; i < 4; i++)
		pdf_num(s, c->cmyk[i]);
	g_string_append(s, "] /N 1>>]");
	pdfw_object(n->w, obj, s->str, s->len);
	g_string_free(s, TRUE);
	return obj;
}

/*
 * An ICC profile (cmyk.h) as a stream, written once: the press's CMYK
 * one, or sRGB; its object number.
 */
static int
icc_stream(struct pdfn *n, bool cmyk)
{
	int *obj = cmyk ? &n->icc_cmyk : &n->icc_rgb;
	const unsigned char *data;
	size_t len;
	char dict[32];

	if (*obj != 0)
		return *obj;
	data = cmyk ? cmyk_profile(&len) : cmyk_srgb_profile(&len);
	*obj = pdfw_reserve(n->w);
	snprintf(dict, sizeof(dict), "/N %d", cmyk ? 4 : 3);
	pdfw_stream(n->w, *obj, dict, data, len);
	return *obj;
}

/* [/ICCBased profile], written once; its object number. */
static int
icc_space(struct pdfn *n, bool cmyk)
{
	int *obj = cmyk ? &n->space_cmyk : &n->space_rgb;
	char arr[32];

	if (*obj == 0) {
		int len = snprintf(arr, sizeof(arr), "[/ICCBased %d 0 R]",
		    icc_stream(n, cmyk));

		*obj = pdfw_reserve(n->w);
		pdfw_object(n->w, *obj, arr, (size_t)len);
	}
	return *obj;
}

/* The page's resources: its fonts, images, forms and opacities. */
static void
resources(struct pdfn *n, const struct pdfpage *pg, GString *s)
{
	size_t i;

	g_string_append(s, "/Resources <<");
	if (pg->nfonts > 0) {
		g_string_append(s, "/Font <<");
		for (i = 0; i < pg->nfonts; i++)
			g_string_append_printf(s, "/F%zu %d 0 R ", i,
			    pdffonts_add(n->fonts, n->w, &pg->fonts[i]));
		g_string_append(s, ">> ");
	}
	if (pg->nimages > 0 || pg->nforms > 0) {
		g_string_append(s, "/XObject <<");
		for (i = 0; i < pg->nforms; i++)
			g_string_append_printf(s, "/Fm%zu %d 0 R ", i,
			    form_obj(n, &pg->forms[i]));
		for (i = 0; i < pg->nimages; i++) {
			const char *key = pdfimg_key(pg->images[i]);
			gpointer obj = g_hash_table_lookup(n->images, key);

			if (obj == NULL) {
				obj = GINT_TO_POINTER(pdfimg_write(
				    pg->images[i], n->w));
				g_hash_table_insert(n->images, g_strdup(key),
				    obj);
			}
			g_string_append_printf(s, "/Im%zu %d 0 R ", i,
			    GPOINTER_TO_INT(obj));
		}
		g_string_append(s, ">> ");
	}
	if (pg->nspots > 0 || (n->standards & (PDF_X4 | PDF_A2U))) {
		g_string_append(s, "/ColorSpace <<");
		for (i = 0; i < pg->nspots; i++)
			g_string_append_printf(s, "/CS%zu %d 0 R ", i,
			    spot_obj(n, &pg->spots[i]));
		/* The device colours the output intent does not describe,
		 * as ICC colours: RGB as sRGB for the press, CMYK as the
		 * press profile's for an archive (PDF/X-4 6.2.4.3, PDF/A-2
		 * 6.2.4.3). */
		if (n->standards & PDF_X4)
			g_string_append_printf(s, "/DefaultRGB %d 0 R ",
			    icc_space(n, false));
		if (n->standards & PDF_A2U)
			g_string_append_printf(s, "/DefaultCMYK %d 0 R ",
			    icc_space(n, true));
		g_string_append(s, ">> ");
	}
	if (pg->debug) {
		if (n->ocg == 0)
			n->ocg = pdfw_reserve(n->w);
		g_string_append_printf(s, "/Properties <</Debug %d 0 R>> ",
		    n->ocg);
	}
	if (pg->nalphas > 0) {
		g_string_append(s, "/ExtGState <<");
		for (i = 0; i < pg->nalphas; i++) {
			g_string_append_printf(s, "/GS%zu <</ca ", i);
			pdf_num(s, pg->alphas[i]);
			g_string_append(s, "/CA ");
			pdf_num(s, pg->alphas[i]);
			g_string_append(s, ">> ");
		}
		g_string_append(s, ">> ");
	}
	g_string_append(s, ">> ");
}

/*
 * The page's links as annotations, objects annots[], "/Annots […]"; one
 * whose text is tagged has its Link element's parent-tree key.
 */
static void
links(struct pdfn *n, const struct pdfpage *pg, const int *annots,
    const int *keys, GString *s)
{
	size_t i;

	if (pg->nlinks == 0)
		return;
	g_string_append(s, "/Annots [");
	for (i = 0; i < pg->nlinks; i++) {
		const struct pdflink *l = &pg->links[i];
		GString *a = g_string_new("<</Type /Annot /Subtype /Link "
		    "/Border [0 0 0] /Rect [");

		pdf_num(a, l->x + pg->offset);
		pdf_num(a, pg->h - pg->offset - l->y - l->h);
		pdf_num(a, l->x + pg->offset + l->w);
		pdf_num(a, pg->h - pg->offset - l->y);
		/* PDF/A: an annotation prints as it shows (its flag 4). */
		g_string_append(a, n->standards & PDF_A2U ? "] /F 4 /A <</S "
		    "/URI /URI " : "] /A <</S /URI /URI ");
		pdf_literal(a, l->uri, strlen(l->uri));
		g_string_append(a, ">>");
		if (keys[i] >= 0) {
			g_string_append_printf(a, " /StructParent %d /Contents ",
			    keys[i]);
			pdf_text_string(a, l->text != NULL ? l->text : l->uri);
		}
		g_string_append(a, ">>");
		pdfw_object(n->w, annots[i], a->str, a->len);
		g_string_free(a, TRUE);
		g_string_append_printf(s, "%d 0 R ", annots[i]);
	}
	g_string_append(s, "] ");
}

/* A structure element being made: written when its page ends. */
struct elem {
	int		 obj;
	int		 parent;	/* its parent's object */
	const char	*type;
	GString		*kids;		/* "7 0 R ", MCIDs, OBJR dictionaries */
	int		 nkids;
	bool		 marked;	/* an MCID among them: needs /Pg */
	bool		 has_lbl;	/* LI */
	enum stag	 tag;		/* P…LBody: what marks go on in */
	const char	*alt;
	const char	*lang;
	int		 rank;		/* the document's: its frame's reading
					   rank, or -1 for another's kid */
};

/*
 * A new element of type under parent, or the document's (parent 0) in
 * the reading order of frames at rank rank.
 */
static int
elem_new(struct pdfn *n, GArray *elems, const char *type, int parent,
    int rank)
{
	struct elem e = { 0 };

	e.obj = pdfw_reserve(n->w);
	e.type = type;
	e.kids = g_string_new(NULL);
	e.rank = -1;
	if (parent == 0) {
		e.parent = n->document;
		e.rank = rank;
	} else {
		struct elem *p = &g_array_index(elems, struct elem, parent - 1);

		e.parent = p->obj;
		g_string_append_printf(p->kids, "%d 0 R ", e.obj);
		p->nkids++;
	}
	g_array_append_val(elems, e);
	return (int)elems->len;	/* index + 1 */
}

/* Orders top-level elements a, b by their frames' reading rank, then
 * as drawn. */
static int
cmp_rank(const void *a, const void *b)
{
	const struct elem *x = *(const struct elem *const *)a;
	const struct elem *y = *(const struct elem *const *)b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->obj < y->obj ? -1 : x->obj > y->obj;
}

/* The page's top-level elements, in reading order, to the document's. */
static void
reading_order(struct pdfn *n, GArray *elems)
{
	GPtrArray *top = g_ptr_array_new();
	guint i;

	for (i = 0; i < elems->len; i++)
		if (g_array_index(elems, struct elem, i).rank >= 0)
			g_ptr_array_add(top, &g_array_index(elems, struct elem,
			    i));
	qsort(top->pdata, top->len, sizeof(gpointer), cmp_rank);
	for (i = 0; i < top->len; i++)
		g_array_append_val(n->elems, ((struct elem *)
		    g_ptr_array_index(top, i))->obj);
	g_ptr_array_free(top, TRUE);
}

/*
 * Mark i's element: the one before it if it goes on, else a new one in
 * its list or under the document.  Indexes + 1 into elems; *list and
 * *item are the page's open L and LI, or 0.
 */
static int
mark_elem(struct pdfn *n, GArray *elems, const struct pdfmark *m, int cur,
    int *list, int *item)
{
	struct elem *e;
	int at;

	if (m->cont && cur > 0 &&
	    g_array_index(elems, struct elem, cur - 1).tag == m->tag)
		return cur;
	if (m->tag == STAG_LBL && *item > 0 &&
	    !g_array_index(elems, struct elem, *item - 1).has_lbl) {
		/* The bullet, drawn after its item's text, reads first. */
		struct elem *li = &g_array_index(elems, struct elem, *item - 1);
		GString *was = g_string_new(li->kids->str);

		li->has_lbl = true;
		g_string_truncate(li->kids, 0);
		at = elem_new(n, elems, "Lbl", *item, 0);
		li = &g_array_index(elems, struct elem, *item - 1);
		g_string_append(li->kids, was->str);
		g_string_free(was, TRUE);
	} else if (m->tag == STAG_LBODY) {
		if (m->list || *list == 0)
			*list = elem_new(n, elems, "L", 0, m->rank);
		*item = elem_new(n, elems, "LI", *list, 0);
		at = elem_new(n, elems, "LBody", *item, 0);
	} else {
		*list = *item = 0;
		at = elem_new(n, elems, pdf_stag[m->tag == STAG_LBL ? STAG_P :
		    m->tag], 0, m->rank);
	}
	e = &g_array_index(elems, struct elem, at - 1);
	e->tag = m->tag;
	e->alt = m->alt;
	e->lang = m->lang;
	return at;
}

/*
 * Page pg's marked content as structure elements under the document's,
 * in reading order, and its entry in the parent tree (MCID → element);
 * a tagged link is a Link element holding its text and annotation
 * (annots[], whose parent-tree keys go to keys[]).  Appends the page's
 * /StructParents and /Tabs to its dictionary s.
 */
static void
page_structure(struct pdfn *n, const struct pdfpage *pg, int page,
    const int *annots, int *keys, GString *s)
{
	GArray *elems = g_array_new(FALSE, FALSE, sizeof(struct elem));
	GString *parents = g_string_new("["), *e = g_string_new(NULL);
	GString *nums = g_string_new(NULL);	/* the links' keys */
	int cur = 0, list = 0, item = 0, arr, key = n->parents++;
	size_t i;

	if (n->root == 0) {
		n->root = pdfw_reserve(n->w);
		n->document = pdfw_reserve(n->w);
	}
	for (i = 0; i < pg->nmarks; i++) {
		const struct pdfmark *m = &pg->marks[i];
		struct elem *to;
		int at;

		cur = mark_elem(n, elems, m, cur, &list, &item);
		at = cur;
		if (m->link >= 0) {
			at = elem_new(n, elems, "Link", cur, 0);
			g_string_append_printf(g_array_index(elems, struct elem,
			    at - 1).kids, "<</Type /OBJR /Obj %d 0 R>> ",
			    annots[m->link]);
			g_array_index(elems, struct elem, at - 1).nkids++;
			keys[m->link] = n->parents++;
			g_string_append_printf(nums, "%d %d 0 R ",
			    keys[m->link], g_array_index(elems, struct elem,
			    at - 1).obj);
		}
		to = &g_array_index(elems, struct elem, at - 1);
		g_string_append_printf(to->kids, "%zu ", i);
		to->nkids++;
		to->marked = true;
		g_string_append_printf(parents, "%d 0 R ", to->obj);
	}
	reading_order(n, elems);
	for (i = 0; i < elems->len; i++) {
		struct elem *el = &g_array_index(elems, struct elem, i);

		/* /Type StructElem is optional, and a lone kid needs no
		 * array: a few bytes of each of thousands of elements. */
		g_string_truncate(el->kids, el->kids->len - 1);
		g_string_printf(e, "<</S /%s /P %d 0 R ", el->type, el->parent);
		if (el->marked)
			g_string_append_printf(e, "/Pg %d 0 R ", page);
		if (el->alt != NULL) {
			g_string_append(e, "/Alt ");
			pdf_text_string(e, el->alt);
		}
		if (el->lang != NULL) {
			g_string_append(e, "/Lang ");
			pdf_text_string(e, el->lang);
		}
		g_string_append_printf(e, el->nkids > 1 ? "/K [%s]>>" :
		    "/K %s>>", el->kids->str);
		pdfw_object(n->w, el->obj, e->str, e->len);
		g_string_free(el->kids, TRUE);
	}
	g_string_append(parents, "]");
	arr = pdfw_reserve(n->w);
	pdfw_object(n->w, arr, parents->str, parents->len);
	/* Keys in order: this page's before its links'. */
	g_string_append_printf(n->nums, "%d %d 0 R %s", key, arr, nums->str);
	g_string_append_printf(s, "/StructParents %d /Tabs /S ", key);
	g_string_free(nums, TRUE);
	g_array_free(elems, TRUE);
	g_string_free(e, TRUE);
	g_string_free(parents, TRUE);
}

static bool
pdfn_page_add(struct outdoc *doc, struct pdfpage *pg)
{
	struct pdfn *n = doc->own;
	int page = pdfw_reserve(n->w), content = pdfw_reserve(n->w);
	int *annots, *keys;
	GString *s = g_string_new(NULL);
	size_t i;

	pdfw_stream_raw(n->w, content, "/Filter /FlateDecode", pg->content,
	    pg->len);
	g_string_printf(s, "<</Type /Page /Parent %d 0 R /MediaBox ",
	    n->pages);
	box(s, pg->w, pg->h, 0);
	if (pg->bleed > 0) {
		g_string_append(s, "/BleedBox ");
		box(s, pg->w, pg->h, pg->offset - pg->bleed);
	}
	/* PDF/X: every page says where it is cut. */
	if (pg->bleed > 0 || (n->standards & PDF_X4)) {
		g_string_append(s, "/TrimBox ");
		box(s, pg->w, pg->h, pg->offset);
	}
	resources(n, pg, s);
	annots = g_new(int, pg->nlinks + 1);
	keys = g_new(int, pg->nlinks + 1);
	for (i = 0; i < pg->nlinks; i++) {
		annots[i] = pdfw_reserve(n->w);
		keys[i] = -1;
	}
	if (pg->nmarks > 0)
		page_structure(n, pg, page, annots, keys, s);
	links(n, pg, annots, keys, s);
	g_free(annots);
	g_free(keys);
	g_string_append_printf(s, "/Contents %d 0 R>>", content);
	pdfw_object(n->w, page, s->str, s->len);
	g_string_free(s, TRUE);
	g_array_append_val(n->kids, page);
	n->hangul += pg->hangul;
	n->latin += pg->latin;
	doc->pages++;
	n->rgb_pages += pg->rgb > 0;
	if (pg->outline != NULL) {
		/* A record's page goes under the page made once before it
		 * (a cover or a section page), as out_pdf.c's. */
		struct entry e = { g_strdup(pg->outline), page, pg->h,
		    pg->has_record ? n->top : 0 };

		g_array_append_val(n->outline, e);
		if (e.parent == 0)
			n->top = (int)n->outline->len;
	}
	pdfpage_free(pg);
	return true;
}

/* The entries whose parent is p (0: the top), as one level. */
static void
outline_level(struct pdfn *n, const int *obj, int parent_obj, int p)
{
	struct entry *es = (struct entry *)(void *)n->outline->data;
	int i, prev = -1, count;

	for (i = 0; i < (int)n->outline->len; i++) {
		GString *s;
		int k, next = -1, first = -1, last = -1;

		if (es[i].parent != p)
			continue;
		for (k = i + 1; k < (int)n->outline->len && next < 0; k++)
			if (es[k].parent == p)
				next = k;
		count = 0;
		for (k = 0; k < (int)n->outline->len; k++)
			if (es[k].parent == i + 1) {
				if (first < 0)
					first = k;
				last = k;
				count++;
			}
		s = g_string_new("<</Title ");
		pdf_text_string(s, es[i].title);
		g_string_append_printf(s, " /Parent %d 0 R /Dest [%d 0 R /XYZ "
		    "0 ", parent_obj, es[i].page);
		pdf_num(s, es[i].top);
		g_string_append(s, "0]");
		if (prev >= 0)
			g_string_append_printf(s, " /Prev %d 0 R", obj[prev]);
		if (next >= 0)
			g_string_append_printf(s, " /Next %d 0 R", obj[next]);
		if (first >= 0)
			g_string_append_printf(s, " /First %d 0 R /Last %d 0 R "
			    "/Count %d", obj[first], obj[last], count);
		g_string_append(s, ">>");
		pdfw_object(n->w, obj[i], s->str, s->len);
		g_string_free(s, TRUE);
		if (first >= 0)
			outline_level(n, obj, obj[i], i + 1);
		prev = i;
	}
}

/* The outline's root object, or 0 if the document has none. */
static int
outline_write(struct pdfn *n)
{
	int len = (int)n->outline->len, root, i, first = -1, last = -1;
	int *obj, tops = 0;
	char *s;

	if (len == 0)
		return 0;
	root = pdfw_reserve(n->w);
	obj = xcalloc((size_t)len, sizeof(*obj));
	for (i = 0; i < len; i++) {
		obj[i] = pdfw_reserve(n->w);
		if (g_array_index(n->outline, struct entry, i).parent == 0) {
			if (first < 0)
				first = i;
			last = i;
			tops++;
		}
	}
	outline_level(n, obj, root, 0);
	s = g_strdup_printf("<</Type /Outlines /First %d 0 R /Last %d 0 R "
	    "/Count %d>>", obj[first], obj[last], tops);
	pdfw_object(n->w, root, s, strlen(s));
	g_free(s);
	free(obj);
	return root;
}

/* "D:YYYYMMDDHHmmSSZ" from out_opts' "YYYY-MM-DDTHH:MM:SS" (UTC). */
static void
date(GString *s, const char *iso)
{
	char d[32];
	size_t i, k = 0;

	for (i = 0; iso[i] != '\0' && k < 14; i++)
		if (g_ascii_isdigit(iso[i]))
			d[k++] = iso[i];
	d[k] = '\0';
	g_string_append_printf(s, "(D:%sZ)", d);
}

static void
meta(GString *s, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	g_string_append_printf(s, "/%s ", key);
	pdf_text_string(s, value);
	g_string_append_c(s, ' ');
}

/* One XMP property of text (value XML-escaped), wrapped as open/close. */
static void
xmp_text(GString *x, const char *open, const char *value, const char *close)
{
	char *esc;

	if (value == NULL || *value == '\0')
		return;
	esc = g_markup_escape_text(value, -1);
	g_string_append_printf(x, "   %s%s%s\n", open, esc, close);
	g_free(esc);
}

/*
 * The document's XMP metadata (ISO 16684-1), saying what its info
 * dictionary says, as PDF/A and PDF/UA ask: title, author, subject,
 * keywords, language, creator tool and dates.  Written uncompressed, as
 * readers of XMP expect; returns its object number.
 */
static int
xmp_write(struct pdfn *n, const struct out_opts *o, const char *lang)
{
	GString *x = g_string_new("<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
	int obj = pdfw_reserve(n->w);

	/* The standards it claims, as each identifies itself. */
	if (o->standards & PDF_UA1)
		g_string_append(x, "\n    xmlns:pdfuaid=\"http://www.aiim.org/"
		    "pdfua/ns/id/\"");
	if (o->standards & PDF_X4)
		g_string_append(x, "\n    xmlns:pdfxid=\"http://www.npes.org/"
		    "pdfx/ns/id/\"");
	if (o->standards & PDF_A2U)
		g_string_append(x, "\n    xmlns:pdfaid=\"http://www.aiim.org/"
		    "pdfa/ns/id/\"");
	if ((o->standards & PDF_A2U) && (o->standards & PDF_UA1))
		g_string_append(x, "\n    xmlns:pdfaExtension=\"http://www."
		    "aiim.org/pdfa/ns/extension/\"\n    xmlns:pdfaSchema=\""
		    "http://www.aiim.org/pdfa/ns/schema#\"\n    "
		    "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/"
		    "property#\"");
	g_string_append(x, ">\n   <dc:format>application/pdf</dc:format>\n");
	if (o->standards & PDF_UA1)
		g_string_append(x, "   <pdfuaid:part>1</pdfuaid:part>\n");
	/* PDF/A knows its own schemas only: pdfuaid is described. */
	if ((o->standards & PDF_A2U) && (o->standards & PDF_UA1))
		g_string_append(x, "   <pdfaExtension:schemas><rdf:Bag><rdf:li "
		    "rdf:parseType=\"Resource\">\n    <pdfaSchema:schema>PDF/UA "
		    "Universal Accessibility Schema</pdfaSchema:schema>\n    "
		    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
		    "</pdfaSchema:namespaceURI>\n    <pdfaSchema:prefix>pdfuaid"
		    "</pdfaSchema:prefix>\n    <pdfaSchema:property><rdf:Seq>"
		    "<rdf:li rdf:parseType=\"Resource\">\n     <pdfaProperty:"
		    "name>part</pdfaProperty:name>\n     <pdfaProperty:valueType>"
		    "Integer</pdfaProperty:valueType>\n     <pdfaProperty:"
		    "category>internal</pdfaProperty:category>\n     "
		    "<pdfaProperty:description>The part of ISO 14289 followed"
		    "</pdfaProperty:description>\n    </rdf:li></rdf:Seq>"
		    "</pdfaSchema:property>\n   </rdf:li></rdf:Bag>"
		    "</pdfaExtension:schemas>\n");
	if (o->standards & PDF_X4)
		g_string_append(x, "   <pdfxid:GTS_PDFXVersion>PDF/X-4"
		    "</pdfxid:GTS_PDFXVersion>\n   <pdf:Trapped>False"
		    "</pdf:Trapped>\n");
	if (o->standards & PDF_A2U)
		g_string_append(x, "   <pdfaid:part>2</pdfaid:part>\n"
		    "   <pdfaid:conformance>U</pdfaid:conformance>\n");
	xmp_text(x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    o->title, "</rdf:li></rdf:Alt></dc:title>");
	xmp_text(x, "<dc:creator><rdf:Seq><rdf:li>", o->author,
	    "</rdf:li></rdf:Seq></dc:creator>");
	xmp_text(x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    o->subject, "</rdf:li></rdf:Alt></dc:description>");
	xmp_text(x, "<dc:language><rdf:Bag><rdf:li>", lang,
	    "</rdf:li></rdf:Bag></dc:language>");
	xmp_text(x, "<pdf:Keywords>", o->keywords, "</pdf:Keywords>");
	xmp_text(x, "<xmp:CreatorTool>", "brochure", "</xmp:CreatorTool>");
	xmp_text(x, "<xmp:CreateDate>", o->date, "Z</xmp:CreateDate>");
	xmp_text(x, "<xmp:ModifyDate>", o->date, "Z</xmp:ModifyDate>");
	g_string_append(x, "  </rdf:Description>\n </rdf:RDF>\n"
	    "</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	pdfw_stream_raw(n->w, obj, "/Type /Metadata /Subtype /XML", x->str,
	    x->len);
	g_string_free(x, TRUE);
	return obj;
}

/*
 * The catalog's output intent for PDF/X-4 (the press: the CMYK profile
 * and the printing condition it characterises) or PDF/A-2u (sRGB).
 */
static void
output_intent(struct pdfn *n, GString *s)
{
	if (n->standards & PDF_X4)
		g_string_append_printf(s, " /OutputIntents [<</Type "
		    "/OutputIntent /S /GTS_PDFX /OutputConditionIdentifier "
		    "(CGATS TR 001) /RegistryName (http://www.color.org) "
		    "/OutputCondition (SWOP coated, Artifex CMYK SWOP Profile) "
		    "/Info (Artifex CMYK SWOP Profile) /DestOutputProfile "
		    "%d 0 R>>]", icc_stream(n, true));
	else if (n->standards & PDF_A2U)
		g_string_append_printf(s, " /OutputIntents [<</Type "
		    "/OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier "
		    "(sRGB IEC61966-2.1) /RegistryName (http://www.color.org) "
		    "/Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]",
		    icc_stream(n, false));
}

/*
 * --debug-boxes' layer (an optional content group): shown on screen,
 * left out when printing, and listed in a viewer's layers panel.
 */
static void
debug_layer(struct pdfn *n, GString *s)
{
	static const char ocg[] = "<</Type /OCG /Name (brochure --debug-boxes) "
	    "/Usage <</Print <</PrintState /OFF>> /View <</ViewState /ON>>>>>>";

	if (n->ocg == 0)
		return;
	pdfw_object(n->w, n->ocg, ocg, sizeof(ocg) - 1);
	g_string_append_printf(s, " /OCProperties <</OCGs [%d 0 R] /D <</Name "
	    "(brochure) /Order "
	    "[%d 0 R] /ON [%d 0 R] /AS [<</Event /Print /OCGs [%d 0 R] "
	    "/Category [/Print]>> <</Event /View /OCGs [%d 0 R] /Category "
	    "[/View]>>]>>>>", n->ocg, n->ocg, n->ocg, n->ocg, n->ocg);
}

/* The page tree, the outline, the metadata and the catalog. */
static void
finish_doc(struct outdoc *doc)
{
	struct pdfn *n = doc->own;
	const struct out_opts *o = &doc->opts;
	GString *s = g_string_new("<</Type /Pages /Kids [");
	int outlines = outline_write(n);
	const char *lang;
	guint i;

	for (i = 0; i < n->kids->len; i++)
		g_string_append_printf(s, "%d 0 R ", g_array_index(n->kids, int,
		    i));
	g_string_append_printf(s, "] /Count %u>>", n->kids->len);
	pdfw_object(n->w, n->pages, s->str, s->len);
	g_string_assign(s, "<<");
	meta(s, "Title", o->title);
	meta(s, "Author", o->author);
	meta(s, "Subject", o->subject);
	meta(s, "Keywords", o->keywords);
	meta(s, "Creator", "brochure");
	/* PDF/X: whether the file is trapped must be said (it is not). */
	if (o->standards & PDF_X4)
		g_string_append(s, "/Trapped /False ");
	if (o->date != NULL) {
		g_string_append(s, "/CreationDate ");
		date(s, o->date);
		g_string_append(s, " /ModDate ");
		date(s, o->date);
	}
	g_string_append(s, ">>");
	pdfw_object(n->w, n->info, s->str, s->len);
	if (n->root != 0) {
		g_string_printf(s, "<</Type /StructElem /S /Document /P %d 0 R "
		    "/K [", n->root);
		for (i = 0; i < n->elems->len; i++)
			g_string_append_printf(s, "%d 0 R ",
			    g_array_index(n->elems, int, i));
		g_string_append(s, "]>>");
		pdfw_object(n->w, n->document, s->str, s->len);
		g_string_printf(s, "<</Type /StructTreeRoot /K %d 0 R "
		    "/ParentTree <</Nums [%s]>> /ParentTreeNextKey %d>>",
		    n->document, n->nums->str, n->parents);
		pdfw_object(n->w, n->root, s->str, s->len);
	}
	g_string_printf(s, "<</Type /Catalog /Pages %d 0 R", n->pages);
	if (n->root != 0)
		g_string_append_printf(s, " /MarkInfo <</Marked true>> "
		    "/StructTreeRoot %d 0 R", n->root);
	if (outlines > 0)
		g_string_append_printf(s, " /Outlines %d 0 R /PageMode "
		    "/UseOutlines", outlines);
	/*
	 * The language a reader speaks the text in: the layout's, else
	 * Korean when most of the letters are Hangul (another language
	 * cannot be told from its script: the layout says it).
	 */
	lang = o->lang != NULL ? o->lang : n->hangul > 0 &&
	    n->hangul >= n->latin ? "ko-KR" : NULL;
	if (lang != NULL) {
		g_string_append(s, " /Lang ");
		pdf_literal(s, lang, strlen(lang));	/* ASCII: checked */
	}
	if (o->title != NULL && *o->title != '\0')
		g_string_append(s, " /ViewerPreferences "
		    "<</DisplayDocTitle true>>");
	g_string_append_printf(s, " /Metadata %d 0 R", xmp_write(n, o, lang));
	output_intent(n, s);
	debug_layer(n, s);
	g_string_append(s, ">>");
	pdfw_object(n->w, n->catalog, s->str, s->len);
	g_string_free(s, TRUE);
}

static bool
pdfn_close(struct outdoc *doc, bool commit)
{
	struct pdfn *n = doc->own;
	bool ok = true;
	guint i;

	if (commit) {
		ok = pdffonts_write(n->fonts, n->w, doc->d);
		if (ok) {
			struct diag_pos pos = { outfile_path(doc->of), 0, 0 };

			finish_doc(doc);
			if (!pdfw_finish(n->w, n->catalog, n->info)) {
				diag_error(doc->d, &pos, "cannot write: %s",
				    g_strerror(errno));
				ok = false;
			}
			/* PDF/X-4 allows RGB, described as sRGB: said, so
			 * that an all-CMYK file is a choice, not a hope. */
			if (ok && (n->standards & PDF_X4) && n->rgb_pages > 0)
				diag_advice(doc->d, &pos, "PDF/X-4: %d of %d "
				    "pages paint colours in RGB, described as "
				    "sRGB for the press to convert; give them "
				    "as cmyk(…) for an all-CMYK file (docs/"
				    "layout.md: For the print shop)",
				    n->rgb_pages, doc->pages);
		}
	}
	for (i = 0; i < n->outline->len; i++)
		g_free(g_array_index(n->outline, struct entry, i).title);
	g_array_free(n->outline, TRUE);
	g_array_free(n->kids, TRUE);
	g_array_free(n->elems, TRUE);
	g_string_free(n->nums, TRUE);
	g_hash_table_destroy(n->images);
	g_hash_table_destroy(n->forms);
	g_hash_table_destroy(n->spots);
	pdffonts_free(n->fonts);
	pdfw_free(n->w);
	free(n);
	doc->own = NULL;
	return out_doc_close(doc, commit && ok) && ok;
}

const struct out_backend out_pdfn = {
	.name = "pdf",
	.multipage = true,
	.unit = "pt",
	.nouns = "PDF files",
	.rate = "files/s",
	.open = pdfn_open,
	.page_add = pdfn_page_add,
	.close = pdfn_close,
};
