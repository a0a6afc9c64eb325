/*
 * --dump-tree: a page's boxes as text, one line per box in paint order
 * with the YAML line:column that made it and, for text, the style it
 * was set in; its lines follow.  The format is in docs/layout.md
 * ("Diagnostics") and is what tests/cases/ and tests/golden/ compare:
 * deterministic, two decimals, the C locale's point.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "fonts.h"
#include "layout.h"
#include "text.h"

/*
 * The character styles of the lines a text box draws, each as
 * "    ~ name 'the text it covers'".
 */
static void
dump_spans(const struct box *b, FILE *out)
{
	PangoLayout *l = b->layout;
	const char *text = pango_layout_get_text(l);
	int n = pango_layout_get_line_count(l), lo, hi;
	const struct text_span *sp;
	PangoLayoutLine *line;
	size_t i, ns;

	if ((sp = text_spans(l, &ns)) == NULL)
		return;
	if (b->line_end > 0 && b->line_end < n)
		n = b->line_end;
	lo = pango_layout_get_line_readonly(l, b->line_first)->start_index;
	line = pango_layout_get_line_readonly(l, n - 1);
	hi = line->start_index + line->length;
	for (i = 0; i < ns; i++) {
		int a = MAX(sp[i].start, lo), z = MIN(sp[i].end, hi);

		if (a < z)
			fprintf(out, "    ~ %s '%.*s'\n", sp[i].name, z - a,
			    text + a);
	}
}

/*
 * Each line of a paragraph as "    | text", trailing spaces cut; of a
 * fragment, only the lines it draws; then its character styles.
 */
static void
dump_lines(const struct box *b, FILE *out)
{
	PangoLayout *l = b->layout;
	const char *text = pango_layout_get_text(l);
	int i, n = pango_layout_get_line_count(l);

	if (b->line_end > 0 && b->line_end < n)
		n = b->line_end;
	for (i = b->line_first; i < n; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
		int len = line->length;

		while (len > 0 && (text[line->start_index + len - 1] == ' ' ||
		    text[line->start_index + len - 1] == '\n'))
			len--;
		fprintf(out, "    | %.*s\n", len, text + line->start_index);
	}
	dump_spans(b, out);
}

/* A colour channel 0..1 as a byte, as it was written in the layout. */
static unsigned
dump_byte(double v)
{
	return (unsigned)lround(fmin(fmax(v, 0), 1) * 255);
}

/* " 'font' weight size #rrggbb[aa] [fit min..max]" of a text box. */
static void
dump_style(const struct box *b, FILE *out)
{
	fprintf(out, " '%s' %d %.2fpt #%02x%02x%02x", b->font ? b->font : "",
	    b->weight, b->size, dump_byte(b->fill.r), dump_byte(b->fill.g),
	    dump_byte(b->fill.b));
	if (b->fill.a < 1)
		fprintf(out, "%02x", dump_byte(b->fill.a));
	if (b->fit_max > 0)
		fprintf(out, " fit %.2f..%.2f", b->fit_min, b->fit_max);
}

/*
 * " = 'Face', 'Face'": the faces the text is drawn in, in order of
 * first use (a family list gives several: Latin from one, Hangul from
 * the next), as fontconfig names them.
 */
static void
dump_faces(const struct box *b, FILE *out)
{
	PangoLayout *l = b->layout;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	GPtrArray *seen = g_ptr_array_new_with_free_func(g_free);
	int from = 0, to = G_MAXINT;	/* a fragment's bytes */
	guint i;

	if (b->line_end > 0) {
		PangoLayoutLine *last = pango_layout_get_line_readonly(l,
		    b->line_end - 1);

		from = pango_layout_get_line_readonly(l,
		    b->line_first)->start_index;
		to = last->start_index + last->length;
	}
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		char *name;

		if (run == NULL || run->item->offset < from ||
		    run->item->offset >= to)
			continue;
		name = fonts_face_name(run->item->analysis.font);
		for (i = 0; i < seen->len; i++)
			if (strcmp(g_ptr_array_index(seen, i), name) == 0)
				break;
		if (i < seen->len)
			g_free(name);
		else
			g_ptr_array_add(seen, name);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	for (i = 0; i < seen->len; i++)
		fprintf(out, "%s'%s'", i ? ", " : " = ",
		    (const char *)g_ptr_array_index(seen, i));
	g_ptr_array_free(seen, TRUE);
}

/* A switch, not a table: -Wswitch-enum names a box kind left out. */
static const char *
box_kind_name(enum box_kind k)
{
	switch (k) {
	case BOX_RECT:
		return "rect";
	case BOX_TEXT:
		return "text";
	case BOX_LINE:
		return "line";
	case BOX_IMAGE:
		return "image";
	case BOX_QR:
		return "qr";
	case BOX_ELLIPSE:
		return "ellipse";
	case BOX_DEBUG:
	case BOX__MAX:
		break;
	}
	return "?";
}

void
lpage_dump(const struct lpage *p, FILE *out)
{
	size_t i;

	/* The layout once per page: the positions below are in it, but
	 * for those written in a theme, which name their file. */
	fprintf(out, "page %d '%s' %.2f x %.2f %s\n", p->number, p->name,
	    p->width, p->height, p->spec->node->pos.file);
	for (i = 0; i < p->n; i++) {
		const struct box *b = &p->boxes[i];

		if (b->kind == BOX_DEBUG)
			continue;
		fprintf(out, "  %s%s%s%s %.2f %.2f %.2f %.2f", box_kind_name(b->kind),
		    b->label ? " '" : "", b->label ? b->label : "",
		    b->label ? "'" : "", b->x, b->y, b->w, b->h);
		if (b->src != NULL && strcmp(b->src->pos.file,
		    p->spec->node->pos.file) != 0)
			fprintf(out, " @%s:%d:%d", b->src->pos.file,
			    b->src->pos.line, b->src->pos.col);
		else if (b->src != NULL)
			fprintf(out, " @%d:%d", b->src->pos.line,
			    b->src->pos.col);
		if (b->kind == BOX_IMAGE && (b->focus_x != 0.5 ||
		    b->focus_y != 0.5))
			fprintf(out, " focus %g%% %g%%", b->focus_x * 100,
			    b->focus_y * 100);
		if (b->kind == BOX_TEXT) {
			dump_style(b, out);
			dump_faces(b, out);
		}
		fputc('\n', out);
		if (b->kind == BOX_TEXT)
			dump_lines(b, out);
	}
}
