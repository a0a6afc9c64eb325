/*
 * Layout: frames and their flow of blocks → placed boxes.
 *
 *   frame (x, y, w, h) ─ padding ─┐
 *   │ block   ↕ space-before     │   Each block is measured at the
 *   │ ████████  its height       │   flow's width and placed below the
 *   │ block   ↕ space-after      │   previous one; a row splits the
 *   │ row: [ col │ col ]          │   width by weights, a box adds
 *   └────────────────────────────┘   padding and a fill around a flow.
 *
 * A block whose field is missing is left out with its spacing.  When
 * the flow ends below the frame, that is an overflow: one warning at the
 * text that caused it (overflow.c), a note at the frame with what each
 * block took.  With valign middle or bottom the placed boxes are shifted
 * down afterwards (they are appended to the page first).
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "block.h"
#include "choose.h"
#include "confine.h"
#include "data.h"
#include "ellipsis.h"
#include "flow.h"
#include "image.h"
#include "layout.h"
#include "mem.h"
#include "overflow.h"
#include "pages.h"
#include "qr.h"
#include "style.h"
#include "template.h"
#include "text.h"


struct box *
flow_box_add(struct flow *f, enum box_kind kind, const char *label)
{
	struct lpage *p = f->page;
	struct box *b;

	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->boxes = xrealloc(p->boxes, p->cap * sizeof(*p->boxes));
	}
	b = &p->boxes[p->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->label = label;
	b->src = f->at;
	b->rank = f->rank;
	return b;
}

/* Drops the boxes from index n on (a box left out after all). */
void
flow_truncate(struct lpage *p, size_t n)
{
	while (p->n > n) {
		struct box *b = &p->boxes[--p->n];

		if (b->layout != NULL)
			g_object_unref(b->layout);
		g_free(b->uri);
		g_free(b->alt);
		qr_free(b->qr);
	}
}

const char *
flow_record_id(const struct flow *f)
{
	return f->scope.record ? data_record_id(f->scope.record) : NULL;
}

/* "(page 3, record 'gina', field 'story')" */
char *
flow_where(const struct flow *f, const char *field)
{
	const char *id = flow_record_id(f);

	f->d->where.page = f->page->number;
	f->d->where.record = id;
	f->d->where.field = field;
	return g_strdup_printf("page %d%s%s%s%s%s%s", f->page->number,
	    id ? ", record '" : "", id ? id : "", id ? "'" : "",
	    field ? ", field '" : "", field ? field : "", field ? "'" : "");
}

/*
 * What a paragraph's metrics say is wrong, reported with its first
 * fragment: a paragraph over the size limit (once, not again in each
 * muted trial of a fitting frame), a font that could not be loaded,
 * characters no font draws.
 */
static void
report_text(struct flow *f, const struct text_metrics *m, int from,
    const struct ynode *src, const char *field)
{
	if (from > 0)
		return;
	if (m->cut > 0 && f->d->mute == 0) {
		char *at = flow_where(f, field);

		diag_error(f->d, src ? &src->pos : NULL, "a paragraph of %zu "
		    "bytes; the limit is %u KiB: split it (%s)", m->cut,
		    TEXT_MAX_PARAGRAPH >> 10, at);
		g_free(at);
	}
	if (m->font_error[0] != '\0') {
		char *at = flow_where(f, field);

		diag_error(f->d, src ? &src->pos : NULL, "%s (%s)",
		    m->font_error, at);
		g_free(at);
	} else if (m->unknown_glyphs > 0) {
		char *at = flow_where(f, field);
		char c[8] = { 0 };

		g_unichar_to_utf8(m->first_unknown, c);
		if (m->unknown_glyphs == 1)
			diag_warning(f->d, src ? &src->pos : NULL, "no bundled "
			    "font draws '%s' (U+%04X) (%s)", c,
			    m->first_unknown, at);
		else
			diag_warning(f->d, src ? &src->pos : NULL, "no bundled "
			    "font draws '%s' (U+%04X) nor %d more characters "
			    "(%s)", c, m->first_unknown, m->unknown_glyphs - 1,
			    at);
		g_free(at);
	}
}

/*
 * Places one paragraph from byte `from` of text (0, or where a flow
 * broke in it in the frame before); returns the height of the lines
 * placed.  A justified paragraph is placed line by line (text_justify),
 * each line a box of its own.  In a threaded frame, the lines that do
 * not fit are left for the next frame: f->brk_byte says from which
 * byte.  With tags, its markup is read first (`from` is a byte of the
 * text without tags).
 */
static double
place_text(struct flow *f, const struct style *s, const char *text,
    bool tags, int from, double x, double y, double w, const char *label,
    const struct ynode *src, const char *field)
{
	struct text_metrics m;
	struct style rest;
	struct markup mk = { 0 };
	struct text_span *spans = NULL;
	PangoLayout *l;
	struct box *b;
	char *part = NULL;
	size_t len, nspans;
	int k;

	/* Curled once per paragraph, the same way every time: `from`, a
	 * byte of the text as curled, means the same in the next frame. */
	text = flow_text_prepare(f, s, text, tags, src, from, &mk, &spans,
	    &nspans);
	if (from > 0) {
		/* The paragraph's first-line indent stays with its start;
		 * a paragraph over the size limit ends at its cut. */
		rest = *s;
		rest.indent = 0;
		s = &rest;
		if ((len = strlen(text)) > TEXT_MAX_PARAGRAPH)
			part = g_strndup(text + from,
			    text_cut(text, len) - (size_t)from);
	}
	l = text_layout_spans(f->ctx->pango, s, part ? part : text + from,
	    spans, nspans, w, &m);
	ellipsis_place(f, s, &l, part ? part : text + from, spans, nspans, w,
	    y, &m, src, field);
	g_free(part);
	g_free(spans);
	k = thread_lines(f, s, m.lines, y);
	if (k < m.lines) {
		f->broke = true;
		f->brk_byte = from + text_source_index(l, text + from,
		    pango_layout_get_line_readonly(l, k)->start_index);
		m.height = k * style_line_height(s);
	}
	if (k == 0) {
		g_object_unref(l);
		markup_clear(&mk);
		return 0;
	}

	/* Justifying moves no line break: counting pages, it is left
	 * out. */
	if (s->align == ALIGN_JUSTIFY && m.lines > 1 && !f->count_only) {
		PangoLayout **lines;
		int i, n = text_justify(f->ctx->pango, s, l, w, &lines);

		for (i = 0; i < n; i++) {
			if (i >= k) {
				g_object_unref(lines[i]);
				continue;
			}
			b = flow_box_add(f, BOX_TEXT, label);
			b->layout = lines[i];
			b->tag_cont = i > 0;
			b->x = x;
			b->y = y + i * style_line_height(s);
			b->w = w;
			b->h = style_line_height(s);
			flow_box_style(b, s);
		}
		g_free(lines);
		g_object_unref(l);
	} else {
		b = flow_box_add(f, BOX_TEXT, label);
		b->layout = l;
		b->x = x;
		b->y = y;
		b->w = w;
		b->h = m.height;
		if (k < m.lines)
			b->line_end = k;
		flow_box_style(b, s);
	}
	report_text(f, &m, from, src, field);
	/* A run that may not be split (a number, a glued mark) can be
	 * wider than its column: it would run into the margin, or off the
	 * page. */
	if (!f->wide && m.width > w + 0.01) {
		f->wide = true;
		f->wide_src = src;
		f->wide_field = field;
		f->wide_by = m.width - w;
	}
	f->lines += k;
	overflow_text(&f->parts, src, field, m.height,
	    y + m.height > f->limit + 0.01);
	markup_clear(&mk);
	return m.height;
}

/*
 * Whether a list item is a text that prints nothing (a bare '-', "",
 * "  "): left out, and a warning, since it is most likely a paragraph
 * deleted in a hurry.
 */
static bool
empty_item(struct flow *f, const struct ynode *item, const char *field)
{
	char *at;

	if (item->kind != YNODE_SCALAR || !(ynode_is_null(item) ||
	    data_is_blank_text(item->str)))
		return false;
	at = flow_where(f, field);
	diag_warning(f->d, &item->pos, "an empty item of '%s' is left out (%s)",
	    field ? field : "?", at);
	g_free(at);
	return true;
}

/* The first field a template names, for messages. */
const char *
flow_first_field(const struct tmpl *t)
{
	size_t i;

	for (i = 0; t != NULL && i < t->n; i++)
		if (t->parts[i].path != NULL)
			return t->parts[i].path;
	return NULL;
}

/*
 * Makes the boxes of kind from index first on elements tag (in
 * language lang, or NULL: the document's) of a tagged PDF.
 */
static void
tag_boxes(struct flow *f, size_t first, enum box_kind kind, enum stag tag,
    const char *lang)
{
	size_t i;

	for (i = first; i < f->page->n; i++)
		if (f->page->boxes[i].kind == kind) {
			f->page->boxes[i].tag = tag;
			f->page->boxes[i].lang = lang;
		}
}

/*
 * An alt text that a record leaves empty (its field missing or blank):
 * a figure a screen reader says nothing of, in a PDF that claims to be
 * accessible an error.  At the data's node if it gave the text.
 */
static void
empty_alt(struct flow *f, const struct tmpl *alt, const struct tval *v)
{
	const char *field = flow_first_field(alt);
	char *at = flow_where(f, field);
	const struct ynode *src = v->src ? v->src : alt->node;

	diag_report(f->d, f->ctx->ua ? DIAG_ERROR : DIAG_WARNING, &src->pos,
	    "the image's alt text is empty: a screen reader says nothing of "
	    "it%s (%s)", f->ctx->ua ? ", and PDF/UA-1 needs one" : "", at);
	g_free(at);
}

/*
 * Makes the boxes an image or QR block made from index first on one
 * figure with its alt text (a QR code's by default what it encodes), or
 * leaves them artifacts for a decorative image.
 */
static void
tag_figure(struct flow *f, const struct block *b, size_t first)
{
	const struct tmpl *alt = b->kind == BLOCK_QR ? (b->as.qr.alt ?
	    b->as.qr.alt : b->as.qr.text) : b->as.image.alt;
	struct box *boxes = f->page->boxes;
	struct tval v = { 0 };
	size_t i;

	if (first >= f->page->n || f->count_only ||
	    (b->kind == BLOCK_IMAGE && b->as.image.decorative))
		return;
	for (i = first; i < f->page->n; i++) {
		boxes[i].tag = STAG_FIGURE;
		boxes[i].tag_cont = i > first;
	}
	if (alt == NULL)
		return;
	tmpl_expand(alt, &f->scope, &v, f->d);
	if (v.kind == TVAL_TEXT && !data_is_blank_text(v.text))
		boxes[first].alt = g_strdup(v.text);
	else if (f->ctx->tagged && f->d->mute == 0)
		empty_alt(f, alt, &v);
	tval_clear(&v);
}

/* Makes the text boxes from index first on open the block's link. */
static void
set_link(struct flow *f, const struct block *b, size_t first)
{
	struct tval v;
	size_t i;

	tmpl_expand(b->as.text.link, &f->scope, &v, f->d);
	for (i = first; v.kind == TVAL_TEXT && i < f->page->n; i++)
		if (f->page->boxes[i].kind == BOX_TEXT)
			f->page->boxes[i].uri = g_strdup(v.text);
	tval_clear(&v);
}

/*
 * The style of a fitting text at the flow's point of its size range.
 * Line height and letter spacing given in points scale with the size;
 * given as a factor or in em they follow it anyway.
 */
static struct style
fit_style(struct flow *f, const struct block *b)
{
	struct style s = flow_style(f, b->style);
	double k;

	if (b->as.text.fit_max <= 0)
		return s;
	s.size = fit_size(f, b);
	k = s.size / b->style->size;
	s.line_height *= k;
	s.letter_spacing *= k;
	s.max_gap *= k;
	s.max_tracking *= k;
	return s;
}

static double
flow_text(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	const struct style fs = fit_style(f, b), *s = &fs;
	const char *field = NULL;
	struct tval v = { 0 };
	double h = 0, gap, ih;
	size_t i, first = f->page->n, item = 0;
	int lines = f->lines;	/* lines placed before this block */
	int from = 0;		/* its first paragraph's first byte */
	struct columns cols = { 0 };	/* its paragraphs, in columns */
	double cw = columns_width(&cols, b, s, w);

	if (f->res != NULL) {
		item = f->res->item;
		from = f->res->byte;
	}

	for (i = 0; i < b->as.text.ntexts && v.kind == TVAL_MISSING; i++) {
		tval_clear(&v);
		/* Tags in the layout text, but the data's text as it is. */
		tmpl_expand_escaped(b->as.text.texts[i], &f->scope, &v, f->d,
		    b->as.text.tagged && !b->as.text.markup ?
		    markup_escape : NULL);
		field = flow_first_field(b->as.text.texts[i]);
	}
	ellipsis_begin(f, b);
	switch (v.kind) {
	case TVAL_MISSING:
		f->cutting = NULL;
		return -1;
	case TVAL_TEXT:
		h = place_text(f, s, v.text, b->as.text.tagged ||
		    b->as.text.markup, from, x, y, cw, b->name,
		    v.src ? v.src : b->as.text.texts[0]->node, field);
		break;
	case TVAL_LIST:
		for (i = item; i < v.list->n && !f->broke && !f->cut_done;
		    i++) {
			const struct ynode *it = v.list->items[i];
			const char *t = tmpl_scalar(it);

			f->cut_more = i + 1 < v.list->n;
			/* Reported in the frame the item would begin in. */
			if ((i > item || from == 0) && empty_item(f, it, field))
				continue;
			if (t == NULL)
				continue;
			gap = h > 0 ? s->paragraph_spacing : 0;
			f->brk_item = i;
			columns_para(&cols, f->page->n);
			ih = place_text(f, s, t, b->as.text.markup,
			    i == item ? from : 0, x,
			    y + h + gap, cw, b->name, it, field);
			/* A paragraph that went on whole: no gap before it. */
			if (ih > 0 || !f->broke)
				h += gap + ih;
		}
		break;
	}
	f->cutting = NULL;
	if (cols.n > 0)
		h = columns_place(f, &cols, first, x, y);
	if (b->as.text.link != NULL)
		set_link(f, b, first);
	tag_boxes(f, first, BOX_TEXT, b->as.text.role, b->as.text.lang);
	for (i = first; b->as.text.fit_max > 0 && i < f->page->n; i++) {
		f->page->boxes[i].fit_min = b->as.text.fit_min;
		f->page->boxes[i].fit_max = b->as.text.fit_max;
	}
	fitwarn_note(f, b, s->size, v.src ? v.src : b->as.text.texts[0]->node,
	    field);
	lines = f->lines - lines;
	if (b->as.text.max_lines > 0 && f->too_long == NULL) {
		if (lines > b->as.text.max_lines) {
			f->too_long = b;
			f->too_long_src = v.src ? v.src :
			    b->as.text.texts[0]->node;
			f->too_long_lines = lines;
		}
	}
	tval_clear(&v);
	return h;
}

/*
 * The default bullet: a disc drawn, not a glyph (fonts differ in their
 * U+2022, and NanumSquare's is empty), a third of an em across, centred
 * on the x-height of the item's first line.
 */
static void
place_disc(struct flow *f, const struct style *s, const struct box *line,
    double x)
{
	double d = s->size / 3;
	double baseline = pango_layout_get_baseline(line->layout) /
	    (double)PANGO_SCALE;
	struct box *b = flow_box_add(f, BOX_RECT, NULL);

	b->x = x + d / 2;
	/* Centre at half the x-height, about 0.27em above the baseline. */
	b->y = line->y + baseline - 0.27 * s->size - d / 2;
	b->w = d;
	b->h = d;
	b->radius = d / 2;
	b->fill = s->color.value;
}

static double
flow_list(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	const struct ynode *list = tmpl_lookup(&f->scope, b->as.list.field);
	const struct ynode *saved = f->scope.item;
	struct style is = flow_style(f, b->style), bullet_style = is;
	double h = 0, gap, indent = *b->as.list.bullet ? b->as.list.indent : 0;
	size_t i, first, start = f->res != NULL ? f->res->item : 0;
	int from = f->res != NULL ? f->res->byte : 0;
	bool opened = false;	/* its first item placed */

	if (list == NULL || list->kind != YNODE_SEQ || list->n == 0)
		return -1;
	if (b->as.list.bullet_colored)
		flow_color(f, &b->as.list.bullet_color,
		    &bullet_style.color.value);
	bullet_style.indent = 0;
	for (i = start; i < list->n && !f->broke; i++) {
		const struct ynode *item = list->items[i];
		struct tval v = { 0 };
		const char *text = tmpl_scalar(item);
		int byte = i == start ? from : 0;
		double ih;

		if (byte == 0 && empty_item(f, item, b->as.list.field))
			continue;
		if (b->as.list.item != NULL) {
			f->scope.item = item;
			/* Tags in the layout text, the data's as it is. */
			tmpl_expand_escaped(b->as.list.item, &f->scope, &v,
			    f->d, b->as.list.tagged && !b->as.list.markup ?
			    markup_escape : NULL);
			f->scope.item = saved;
			text = v.kind == TVAL_TEXT ? v.text : NULL;
		}
		if (text == NULL) {
			tval_clear(&v);
			continue;
		}
		gap = h > 0 ? b->as.list.item_spacing : 0;
		first = f->page->n;
		f->brk_item = i;
		ih = place_text(f, &is, text, b->as.list.tagged ||
		    b->as.list.markup, byte, x + indent,
		    y + h + gap, w - indent, b->name, v.src ? v.src : item,
		    b->as.list.field);
		tag_boxes(f, first, BOX_TEXT, STAG_LBODY, NULL);
		if (first < f->page->n && !opened) {
			f->page->boxes[first].tag_list = true;
			opened = true;
		}
		/* The bullet goes with the item's first line, not its rest. */
		if (ih > 0 && byte == 0) {
			size_t bullet = f->page->n;

			if (strcmp(b->as.list.bullet, "disc") == 0)
				place_disc(f, &bullet_style,
				    &f->page->boxes[first], x);
			else if (indent > 0)
				place_text(f, &bullet_style, b->as.list.bullet,
				    b->as.list.bullet_tagged, 0, x, y + h + gap,
				    indent, NULL, NULL, NULL);
			tag_boxes(f, bullet, BOX_TEXT, STAG_LBL, NULL);
		}
		/* An item that went on whole: no gap before it. */
		if (ih > 0 || !f->broke)
			h += gap + ih;
		tval_clear(&v);
	}
	return h > 0 ? h : -1;
}

/* Places one block; returns its height, or -1 if it is left out. */
static double
flow_block(struct flow *f, const struct block *b, double x, double y,
    double w)
{
	double h = 0;
	size_t first;
	int k;

	if (!choose_holds(&f->scope, b->if_node, b->unless_node)) {
		/* else: drawn in its place, inside its spacing */
		if (b->nelse > 0)
			h = flow_blocks(f, b->else_blocks, b->nelse, x, y, w);
		return h > 0 ? h : -1;
	}
	switch (b->kind) {
	case BLOCK_TEXT:
		return flow_text(f, b, x, y, w);
	case BLOCK_LIST:
		return flow_list(f, b, x, y, w);
	case BLOCK_IMAGE:
		first = f->page->n;
		h = flow_image(f, b, x, y, w);
		tag_figure(f, b, first);
		return h;
	case BLOCK_RULE:
		return flow_rule(f, b, x, y, w);
	case BLOCK_SPACER:
		return b->as.spacer.height;
	case BLOCK_ROW:
		return flow_row(f, b, x, y, w);
	case BLOCK_BOX:
		return flow_box(f, b, x, y, w);
	case BLOCK_QR:
		first = f->page->n;
		h = flow_qr(f, b, x, y, w);
		tag_figure(f, b, first);
		return h;
	case BLOCK_ELLIPSE:
		return flow_ellipse(f, b, x, y, w);
	case BLOCK_FIRST_FIT:
		if ((k = choose_pick(&f->choices, b, &f->scope)) >= 0)
			h = flow_blocks(f, &b->children[k], 1, x, y, w);
		return h > 0 ? h : -1;
	case BLOCK__MAX:
		break;
	}
	abort();
}

/*
 * Flows blocks top to bottom from y; returns the height they take, up
 * to the bottom of the last block drawn: its space-after separates it
 * from a block that would follow, so it cannot overflow a frame.
 */
double
flow_blocks(struct flow *f, struct block *const *blocks, size_t n,
    double x, double y, double w)
{
	const struct ynode *outer = f->at;
	const struct block *owner = f->next_owner;
	const struct flow_mark *m = NULL;
	size_t col = f->next_col, i = 0, mark;
	bool chain = f->next_chain, outer_chain = f->chain;
	bool breaks = chain && f->threaded;
	double at = 0, bottom = 0, h, before;

	/* Any other list (an else, a first-fit's) moves whole. */
	f->next_chain = false;
	f->chain = chain;
	f->depth++;
	if (chain && (m = thread_mark(&f->from, owner, col)) != NULL)
		i = m->block;
	for (; i < n; i++) {
		const struct block *b = blocks[i];

		/* A flow going on begins at the frame's top. */
		f->res = m != NULL && i == m->block ? m : NULL;
		before = f->res != NULL ? 0 : b->space_before;
		f->at = b->node;
		mark = f->page->n;
		overflow_begin(&f->parts, b);
		h = flow_block(f, b, x, y + at + before, w);
		overflow_end(&f->parts, h);
		f->res = NULL;
		if (breaks && !f->broke && h > 0 && (bottom > 0 ||
		    y > f->top + 0.01) && y + at + before + h > f->limit + 0.01) {
			/* Moves whole to the next frame: an image, a rule, a
			 * first-fit, an else (docs/design/flow.md). */
			flow_truncate(f->page, mark);
			f->broke = true;
			f->brk_item = 0;
			f->brk_byte = 0;
		}
		if (f->broke)
			thread_mark_add(&f->stop, owner, col, i, f->brk_item,
			    f->brk_byte);
		/* What broke off placed nothing here: left out. */
		if (h >= 0 && (!f->broke || f->page->n > mark)) {
			debug_block(f, b, x, y + at + before, w, h);
			bottom = at + before + h;
			at = bottom + b->space_after;
		}
		if (f->broke)
			break;
	}
	f->depth--;
	f->chain = outer_chain;
	f->at = outer;
	return bottom;
}

/* Lays the frame's flow out once at f->fit; its height [pt]. */
static double
flow_frame(struct flow *f, const struct frame *fr, size_t first)
{
	const double *pad = fr->decor.padding;

	flow_truncate(f->page, first);
	overflow_clear(&f->parts);
	f->too_long = NULL;
	f->small = NULL;
	f->cut = NULL;
	f->ncut = 0;
	f->wide = false;
	f->stop.set = false;
	f->stop.n = 0;
	f->broke = false;
	f->next_chain = true;
	f->next_owner = NULL;
	f->next_col = 0;
	return flow_blocks(f, f->blocks, f->nblocks, fr->x + pad[3],
	    fr->y + pad[0], fr->w - pad[1] - pad[3]);
}

/*
 * Fitting: the texts with a size range take the largest size at which
 * the flow fits the frame and no text passes its max-lines.  Smaller
 * text never takes more room, so the answer is found by bisection on
 * one parameter shared by the frame's fitting texts (0: every one at
 * its smallest, 1: at its largest), to 1/256 of their ranges: eight
 * trial layouts, whatever the range, instead of one per size step.
 * The first trial, at the largest size, is kept when it fits (the usual
 * case) and reports the warnings a flow raises, none of which depends
 * on the size; the trials after it are muted (errors still show, and
 * image loads are cached, so each is reported once).
 */
static double
fit_frame(struct flow *f, const struct frame *fr, size_t first, double ih)
{
	double lo = 0, hi = 1, h;
	int i;

	f->fit = 1;
	f->no_cut = fr->ranged;	/* fit first, then cut */
	h = flow_frame(f, fr, first);
	if (h <= ih + 0.01 && f->too_long == NULL && !f->wide) {
		f->no_cut = false;
		return h;
	}
	f->d->mute++;
	for (i = 0; i < 8; i++) {
		f->fit = (lo + hi) / 2;
		h = flow_frame(f, fr, first);
		if (h > ih + 0.01 || f->too_long != NULL || f->wide)
			hi = f->fit;
		else
			lo = f->fit;
	}
	f->fit = lo;
	f->no_cut = false;
	h = flow_frame(f, fr, first);
	f->d->mute--;
	return h;
}

struct frame_try {
	struct flow		*f;
	const struct frame	*fr;
	size_t			 first;		/* its first box */
	double			 ih, h;		/* room and height [pt] */
};

/*
 * Lays the frame out, fitted if it fits text; true if it fits: no
 * overflow, no text over its max-lines, and none cut by its ellipsis
 * (a cut text fits the frame but is not all there, so a first-fit
 * tries its next alternative; fit_frame has already shrunk what it
 * could before cutting).
 */
static bool
try_frame(void *arg)
{
	struct frame_try *t = arg;

	t->h = t->fr->fits ? fit_frame(t->f, t->fr, t->first, t->ih) :
	    flow_frame(t->f, t->fr, t->first);
	return t->h <= t->ih + 0.01 && t->f->too_long == NULL &&
	    t->f->ncut == 0;
}

/*
 * The flow leaves the page at frame t->fr: the frame is laid out again
 * with room for the continued-marker at its foot, and the marker set
 * there.
 */
static void
mark_break(struct flow *f, struct frame_try *t)
{
	const double *pad = t->fr->decor.padding;
	double x = t->fr->x + pad[3], w = t->fr->w - pad[1] - pad[3], mh;
	bool chain = f->next_chain;

	f->next_chain = false;
	f->d->mute++;
	mh = flow_blocks(f, f->marker, f->nmarker, x, 0, w);
	f->d->mute--;
	flow_truncate(f->page, t->first);
	t->ih -= mh;
	f->limit -= mh;
	if (t->fr->chooses) {
		f->d->mute++;
		choose_frame(&f->choices, &f->scope, try_frame, t);
		f->d->mute--;
	}
	try_frame(t);
	f->limit += mh;
	f->next_chain = false;
	flow_blocks(f, f->marker, f->nmarker, x, f->limit - mh, w);
	f->next_chain = chain;
	t->ih += mh;
}

/*
 * Lays frame fr out with the blocks of head, the first frame of its
 * thread (fr itself when it has none), from f->from on.
 */
void
layout_frame(struct flow *f, const struct frame *fr, const struct frame *head)
{
	const double *pad = fr->decor.padding;
	const enum unit u = f->ctx->spec->unit;	/* the messages' */
	double iy = fr->y + pad[0], ih = fr->h - pad[0] - pad[2];
	struct frame_try t = { f, fr, 0, ih, 0 };
	size_t first;
	double h, dy = 0;
	bool holds = choose_holds(&f->scope, head->if_node, head->unless_node);

	if (!holds && head->nelse == 0)
		return;
	f->blocks = holds ? head->blocks : head->else_blocks;
	f->nblocks = holds ? head->nblocks : head->nelse;
	f->threaded = fr->next != NULL || fr == f->page->spec->out;
	f->top = iy;
	f->at = fr->node;
	f->rank = fr->rank;
	if (flow_has_decor(&fr->decor))
		flow_decor(f, flow_box_add(f, BOX_RECT, fr->name), &fr->decor,
		    fr->x, fr->y, fr->w, fr->h);
	first = f->page->n;
	f->limit = iy + ih;
	f->fit = 1;
	t.first = first;
	/* The trials muted; the layout drawn made again, heard. */
	if (fr->chooses) {
		f->d->mute++;
		choose_frame(&f->choices, &f->scope, try_frame, &t);
		f->d->mute--;
	}
	try_frame(&t);
	if (f->stop.set && fr == f->page->spec->out && f->nmarker > 0)
		mark_break(f, &t);
	choose_clear(&f->choices);
	h = t.h;
	if (f->too_long != NULL) {
		char *at = flow_where(f, flow_first_field(f->too_long->as.text.texts[0]));

		diag_warning(f->d, &f->too_long_src->pos, "text takes %d lines, "
		    "more than its max-lines %d (%s)", f->too_long_lines,
		    f->too_long->as.text.max_lines, at);
		diag_note(f->d, &f->too_long->node->pos, "the text block is "
		    "here");
		g_free(at);
	}
	fitwarn_report(f);
	ellipsis_report(f, fr->name);
	if (f->wide) {
		char *at = flow_where(f, f->wide_field);

		diag_warning(f->d, f->wide_src ? &f->wide_src->pos :
		    &fr->node->pos, "text is wider than frame '%s' by %s%s "
		    "(%s)%s", fr->name, units_format(u, f->wide_by).s,
		    fr->ranged ? " even at its smallest fit size" : "", at,
		    fr->ranged ? ": lower the fit minimum, shorten the text "
		    "or make the frame wider" : "");
		diag_note(f->d, &fr->node->pos, "frame '%s' is here",
		    fr->name);
		g_free(at);
	}
	if (h > ih + 0.01) {
		const struct overflow_part *cause = overflow_cause(&f->parts);
		char *at = flow_where(f, cause ? cause->field : NULL);
		char *note = overflow_note(&f->parts, fr->name, u, ih, h);

		diag_warning(f->d, cause ? &cause->src->pos : &fr->node->pos,
		    "text overflows frame '%s' by %s%s (%s)%s", fr->name,
		    units_format(u, h - ih).s, fr->ranged ? " even at its "
		    "smallest fit size" : "", at, fr->ranged ? ": lower the "
		    "fit minimum, shorten the text or make the frame taller" :
		    "");
		diag_note(f->d, &fr->node->pos, "%s", note);
		g_free(note);
		g_free(at);
	} else if (fr->valign == VALIGN_MIDDLE) {
		dy = (ih - h) / 2;
	} else if (fr->valign == VALIGN_BOTTOM) {
		dy = ih - h;
	}
	for (; dy != 0 && first < f->page->n; first++)
		f->page->boxes[first].y += dy;
	debug_frame(f, fr);
}

/*
 * Fills and images that touch the trim edge run on into the bleed, so
 * that trimming a little off never shows white paper.
 */
static void
extend_into_bleed(struct lpage *p)
{
	double b = p->bleed, e = 0.01;
	size_t i;

	for (i = 0; i < p->n; i++) {
		struct box *x = &p->boxes[i];

		if ((x->kind != BOX_RECT || x->fill.a == 0) &&
		    x->kind != BOX_IMAGE)
			continue;
		if (x->x <= e) {
			x->x -= b;
			x->w += b;
		}
		if (x->y <= e) {
			x->y -= b;
			x->h += b;
		}
		if (x->x + x->w >= p->width - e)
			x->w += b;
		if (x->y + x->h >= p->height - e)
			x->h += b;
	}
}

/* The rest of page p's flow, whose first page is first, from f->stop. */
static struct layout_rest *
make_rest(const struct flow *f, const struct page_spec *first,
    const struct frame *head)
{
	struct layout_rest *r = xcalloc(1, sizeof(*r));

	r->first = first;
	r->head = head;
	r->out = first->out;
	r->n = f->stop.n;
	r->m = xcalloc(r->n + 1, sizeof(*r->m));
	memcpy(r->m, f->stop.m, r->n * sizeof(*r->m));
	return r;
}

/*
 * The frames of the page for one record (or none), each thread where
 * its first frame is listed; on a continuation page the flow of
 * j->from enters at the page's entry frame.  Sets p->rest if the flow
 * that leaves the page (its out frame's) goes on.
 */
static void
layout_frames(struct flow *f, const struct layout_job *j)
{
	const struct page_spec *ps = j->ps;
	const struct layout_rest *from = j->from;
	struct flow_cursor at = { 0 };
	size_t i;

	if (from != NULL) {
		at.set = true;
		at.n = from->n;
		memcpy(at.m, from->m, from->n * sizeof(*at.m));
	}
	f->marker = ps->out ? (from ? from->out : ps->out)->marker : NULL;
	f->nmarker = ps->out ? (from ? from->out : ps->out)->nmarker : 0;
	for (i = 0; i < ps->nframes; i++) {
		const struct frame *fr = ps->frames[i], *last;
		bool entry = from != NULL && fr == ps->entry;

		if (fr->prev != NULL)
			continue;
		for (last = fr; last->next != NULL; last = last->next)
			;
		/* Counting pages, only the flow that leaves the page. */
		if (j->count_only && last != ps->out)
			continue;
		if (!thread_layout(f, fr, entry ? from->head : fr,
		    entry ? &at : NULL))
			continue;
		if (last == ps->out && f->page->rest == NULL)
			f->page->rest = make_rest(f, from ? from->first : ps,
			    entry ? from->head : fr);
	}
}

struct lpage *
layout_page(const struct layout_ctx *ctx, const struct layout_job *j,
    struct diag *d)
{
	const struct page_spec *ps = j->ps;
	struct lpage *p = xcalloc(1, sizeof(*p));
	struct flow f = { 0 };
	size_t i, first;
	int k;

	p->spec = ps;
	p->record = j->nrec > 0 ? j->records[0] : NULL;
	p->number = j->number;
	p->width = ps->width;
	p->height = ps->height;
	p->bleed = ctx->spec->bleed;
	p->crop_marks = ctx->spec->crop_marks && p->bleed > 0;
	p->offset = p->bleed + (p->crop_marks ? LAYOUT_SLUG : 0);
	p->background = ps->background.value;
	f.ctx = ctx;
	f.page = p;
	f.d = d;
	f.scope.root = ctx->data->doc->root;
	f.scope.page_number = j->number;
	f.scope.page_count = j->count;
	f.count_only = j->count_only;
	/* Each record in its slot: the frames laid out, then moved. */
	for (k = 0; k < (j->nrec > 0 ? j->nrec : 1); k++) {
		f.scope.record = j->nrec > 0 ? j->records[k] : NULL;
		first = p->n;
		layout_frames(&f, j);
		for (i = first; i < p->n; i++) {
			p->boxes[i].x += ps->slots[k][0];
			p->boxes[i].y += ps->slots[k][1];
			/* One record read whole before the next. */
			p->boxes[i].rank += (int)k * (int)(ps->nframes + 1);
		}
	}
	overflow_free(&f.parts);
	f.scope.record = p->record;
	flow_color(&f, &ps->background, &p->background);
	if (p->bleed > 0)
		extend_into_bleed(p);
	if (ps->outline != NULL) {
		struct tval v;

		tmpl_expand(ps->outline, &f.scope, &v, d);
		if (v.kind == TVAL_TEXT) {
			p->outline = v.text;
			v.text = NULL;
		}
		tval_clear(&v);
	}
	p->name_buf = pages_name(j->from ? j->from->first : ps, p->record,
	    j->sheet, j->part);
	p->name = p->name_buf;
	return p;
}

bool
layout_rest_same(const struct layout_rest *r, const struct lpage *p)
{
	const struct layout_rest *q = p->rest;
	size_t i;

	if (q == NULL || q->n != r->n)
		return false;
	for (i = 0; i < r->n; i++)
		if (q->m[i].owner != r->m[i].owner ||
		    q->m[i].col != r->m[i].col ||
		    q->m[i].block != r->m[i].block ||
		    q->m[i].item != r->m[i].item ||
		    q->m[i].byte != r->m[i].byte)
			return false;
	return true;
}

void
layout_rest_free(struct layout_rest *r)
{
	if (r == NULL)
		return;
	free(r->m);
	free(r);
}

void
lpage_free(struct lpage *p)
{
	if (p == NULL)
		return;
	flow_truncate(p, 0);
	layout_rest_free(p->rest);
	free(p->boxes);
	g_free(p->outline);
	g_free(p->name_buf);
	free(p);
}
