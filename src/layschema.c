/*
 * The layout's JSON Schema (draft-07) for `brochure schema`.  The keys
 * of every map and the values of every keyword come from the parse
 * tables (spec_keysets, block_kinds, style_key, spans_keyset,
 * theme_keyset and the keyword tables beside them); what those do not
 * say, each key's kind of value and a line of help for an editor's
 * hover, is the table `entries` below.  The two must agree key for
 * key, or layschema_json() fails (tests/unit/test_layschema.c).
 *
 * Never stricter than `check`: a length is a number and a unit, a
 * colour any text (a name from the layout's `colors` is one), a
 * template any text; only keys, keywords and shapes are closed.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "block.h"
#include "json.h"
#include "layschema.h"
#include "schema.h"
#include "spans.h"
#include "spec.h"
#include "style.h"
#include "theme.h"
#include "units.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* What a key's value is: each kind is one fragment of schema. */
enum vkind {
	V_TEXT,		/* a text (any scalar but null) */
	V_TEMPLATE,	/* a text with {{fields}} */
	V_TEXTS,	/* a template, or a list of alternatives */
	V_TEXT_OR_LIST,	/* a text or a list of texts */
	V_NAMES,	/* a list of texts */
	V_PAGE_NAME,	/* a-z, 0-9 and '-' */
	V_LANG,		/* a BCP 47 tag */
	V_LENGTH,
	V_LENGTH_EM,	/* a length, or em of the size */
	V_LENGTH_PAIR,	/* [A, B] */
	V_LENGTH_OR_PAIR, /* A or [A, B] */
	V_RULE,		/* a length, or nothing */
	V_BOX,		/* 1, 2 or 4 lengths */
	V_LINE_HEIGHT,	/* a factor, a percentage or a length */
	V_LETTER_SPACING, /* a length, em or % */
	V_FACTOR,	/* a factor or a percentage */
	V_EM,		/* em only */
	V_NUMBER,	/* lo..hi */
	V_INTEGER,	/* a whole number lo..hi */
	V_WEIGHT,	/* a keyword or 100..1000 */
	V_WEIGHTS,	/* a list of numbers or lengths */
	V_KEYWORD,	/* arg: a keyword table */
	V_COLOR,	/* a colour, a template, or [template, colour] */
	V_COLOR_FIXED,	/* a colour, not from the data */
	V_COLORS,	/* names → colours */
	V_PAGE_SIZE,
	V_STANDARDS,	/* one PDF standard or a list */
	V_SLOTS,	/* a list of [x, y] */
	V_FOCUS,
	V_COND,		/* if, unless */
	V_BLOCKS,
	V_BLOCK_OR_BLOCKS,
	V_FRAMES,
	V_PAGES,
	V_SEQ_PAGES,
	V_STYLES,
	V_SPANS,
	V_PARTS,
	V_MAP,		/* arg: a keyset, closed */
	V__MAX
};

struct entry {
	const char	*map;	/* a keyset's name, a block kind's, or
				   "block": the keys every kind has */
	const char	*key;
	enum vkind	 kind;
	const char	*arg;	/* V_KEYWORD: "module:table"; V_MAP: a
				   keyset */
	double		 lo, hi; /* V_NUMBER, V_INTEGER */
	const char	*help;
};

#define E(m, k, v, h)		{ m, k, v, NULL, 0, 0, h }
#define K(m, k, t, h)		{ m, k, V_KEYWORD, t, 0, 0, h }
#define R(m, k, v, lo, hi, h)	{ m, k, v, NULL, lo, hi, h }

/*
 * The help follows docs/layout.md's wording, shortened.  Sorted by map
 * as the parse tables are, for the reader; the lookup does not care.
 */
static const struct entry entries[] = {
	E("layout", "colors", V_COLORS, "Names for colours, used wherever "
	    "a colour goes: '#rrggbb', cmyk(...), spot(...)."),
	E("layout", "fonts", V_TEXT, "A folder of fonts of the layout's "
	    "own (.ttf, .otf, .ttc, .otc), relative to the file."),
	E("layout", "include", V_TEXT_OR_LIST, "A theme file, or a list of "
	    "them, relative to this file: their colors, styles, spans, "
	    "fonts, page, metadata, required, optional and parts are "
	    "shared."),
	{ "layout", "metadata", V_MAP, "metadata", 0, 0, "The PDF's "
	    "document properties: templates over the document-level "
	    "data." },
	E("layout", "optional", V_NAMES, "Fields the layout uses that the "
	    "data may lack (no warning when no record has them)."),
	{ "layout", "page", V_MAP, "page", 0, 0, "Page size, margins, "
	    "bleed and the print set-up of every page." },
	E("layout", "pages", V_PAGES, "The pages, in order: each made once, "
	    "or once per record with 'each'.  Required in a layout; a theme "
	    "holds none."),
	E("layout", "parts", V_PARTS, "Named frames, blocks or pages that "
	    "'use: NAME' stands for."),
	E("layout", "required", V_NAMES, "Fields every record of an 'each' "
	    "list must have, not empty."),
	E("layout", "spans", V_SPANS, "Character styles: <name>...</name> "
	    "in a text sets its run in them."),
	E("layout", "styles", V_STYLES, "Named text styles; the first is "
	    "the default of blocks without 'style'."),

	E("metadata", "author", V_TEMPLATE, "The document's author (a "
	    "template)."),
	E("metadata", "keywords", V_TEMPLATE, "The document's keywords (a "
	    "template)."),
	E("metadata", "lang", V_TEMPLATE, "The document's language, a BCP "
	    "47 tag such as ko-KR or en."),
	E("metadata", "subject", V_TEMPLATE, "The document's subject (a "
	    "template)."),
	E("metadata", "title", V_TEMPLATE, "The document's title (a "
	    "template), shown in the viewer's window."),

	E("page", "bleed", V_LENGTH, "Bleed past the trim edge for the "
	    "print shop, at most 20mm: fills and images that touch the "
	    "edge run on; crop marks are drawn."),
	K("page", "crop-marks", "spec:bool", "Crop marks outside the bleed "
	    "(default: with bleed)."),
	E("page", "margin", V_BOX, "Where frames go by default: one length, "
	    "[vertical, horizontal] or [top, right, bottom, left]."),
	R("page", "min-dpi", V_NUMBER, 0, 2400, "Photos drawn under this "
	    "many dots per inch warn (default 150 in print, 48 on "
	    "screen; 0: off)."),
	E("page", "pdf-standard", V_STANDARDS, "A PDF standard the layout "
	    "claims, or a list of them, as --pdf-standard."),
	E("page", "size", V_PAGE_SIZE, "A name (A4, the default) or "
	    "[width, height]."),

	E("page-spec", "background", V_COLOR, "Colour filling the whole "
	    "page."),
	K("page-spec", "continuation", "spec:bool", "true: the page is made "
	    "only where a frame's continue-page names it, as many times as "
	    "its flow takes."),
	E("page-spec", "each", V_TEXT, "A top-level data key holding a list "
	    "of records: the page is made once per record."),
	E("page-spec", "frames", V_FRAMES, "The page's frames, painted in "
	    "order."),
	E("page-spec", "name", V_PAGE_NAME, "The page's name (a-z, 0-9, "
	    "'-'): names its output files."),
	E("page-spec", "outline", V_TEMPLATE, "The page's entry in the "
	    "PDF outline (bookmarks), a template."),
	E("page-spec", "pages", V_SEQ_PAGES, "With 'each', in place of "
	    "'frames': a record's pages in sequence."),
	R("page-spec", "per-page", V_INTEGER, 1, 64, "With 'each': how many "
	    "records share one sheet (N-up)."),
	E("page-spec", "reading-order", V_NAMES, "The page's frame names in "
	    "the order a screen reader reads them."),
	E("page-spec", "size", V_PAGE_SIZE, "This page's own size: a name "
	    "or [width, height]."),
	E("page-spec", "slots", V_SLOTS, "With per-page: N, N offsets "
	    "[x, y], one per record on the sheet."),

	E("seq-page", "name", V_PAGE_NAME, "The page's name (a-z, 0-9, "
	    "'-'), required: a record's files are named after it."),

	E("frame", "blocks", V_BLOCKS, "The frame's flow of blocks, top to "
	    "bottom."),
	E("frame", "bottom", V_LENGTH, "Distance of the frame's bottom edge "
	    "from the page's."),
	E("frame", "continue", V_TEXT, "Another frame of the page, by name: "
	    "what does not fit flows on there."),
	E("frame", "continue-page", V_TEXT, "A page with continuation: "
	    "true, by name: what does not fit goes on there."),
	E("frame", "continued-marker", V_BLOCK_OR_BLOCKS, "With "
	    "continue-page: a block or blocks set at the frame's foot "
	    "where the flow goes on."),
	E("frame", "else", V_BLOCKS, "Blocks drawn instead of 'blocks' when "
	    "'if' or 'unless' fails."),
	E("frame", "fill", V_COLOR, "Colour filling the frame."),
	K("frame", "flow", "spec:bool", "true on the frame of a continuation "
	    "page where the flow enters."),
	E("frame", "height", V_LENGTH, "The frame's height (default: to the "
	    "bottom margin)."),
	E("frame", "if", V_COND, "Draw the frame only if a field is present "
	    "(or a test holds): a field, {field: value} or a list."),
	E("frame", "name", V_TEXT, "The frame's name, in messages and "
	    "--dump-tree."),
	E("frame", "padding", V_BOX, "Insets the flow: one length, "
	    "[vertical, horizontal] or [top, right, bottom, left]."),
	E("frame", "radius", V_LENGTH, "Corner radius of the fill and "
	    "outline."),
	E("frame", "right", V_LENGTH, "Distance of the frame's right edge "
	    "from the page's."),
	E("frame", "stroke", V_COLOR, "Colour of the outline."),
	E("frame", "stroke-width", V_LENGTH, "Width of the outline "
	    "(0.75pt)."),
	E("frame", "unless", V_COND, "Draw the frame only if no test holds: "
	    "a field, {field: value} or a list."),
	K("frame", "valign", "spec:valign", "Where the flow sits: top, "
	    "middle or bottom."),
	E("frame", "width", V_LENGTH, "The frame's width (default: to the "
	    "right margin)."),
	E("frame", "x", V_LENGTH, "From the page's left edge (default: the "
	    "left margin)."),
	E("frame", "y", V_LENGTH, "From the page's top edge (default: the "
	    "top margin)."),

	K("style", "align", "style:align", "left, center, right or "
	    "justify."),
	E("style", "base", V_TEXT, "A style defined above this one: its "
	    "keys, overridden by these."),
	K("style", "break", "style:break", "keep-all (Korean between words, "
	    "the default) or normal (between any two syllables)."),
	E("style", "color", V_COLOR, "The text's colour."),
	E("style", "font", V_TEXT_OR_LIST, "A family, or a list: each "
	    "character takes the first that draws it (NanumGothic)."),
	E("style", "indent", V_LENGTH, "The first line's indent; negative: "
	    "hanging."),
	E("style", "latin-rise", V_EM, "Baseline shift of Latin runs beside "
	    "Hangul, in em, up to 0.5em either way."),
	E("style", "latin-scale", V_FACTOR, "Size of Latin runs beside "
	    "Hangul: a factor or % of size, 50-150%."),
	E("style", "letter-spacing", V_LETTER_SPACING, "Space after every "
	    "character: em, % of the size, or a length."),
	E("style", "line-height", V_LINE_HEIGHT, "Baseline to baseline: % "
	    "or a factor of the size, or a length (160%)."),
	E("style", "max-gap", V_LENGTH_EM, "Justified: how wide a word gap "
	    "grows before syllables are spaced (0.36em)."),
	E("style", "max-tracking", V_LENGTH_EM, "Justified: the most added "
	    "between two syllables (0.05em; 0: spaces only)."),
	E("style", "paragraph-spacing", V_LENGTH, "Between the paragraphs "
	    "of one text; a list's item-spacing."),
	K("style", "quotes", "style:quotes", "typographic: straight quotes "
	    "become curly ones; as-written."),
	K("style", "runts", "style:runts", "avoid: no last line of one short "
	    "word; allow."),
	E("style", "size", V_LENGTH, "Type size, more than 0 (10pt)."),
	E("style", "weight", V_WEIGHT, "A keyword (bold) or a number "
	    "100-1000."),

	E("span", "background", V_COLOR, "A highlight behind the run."),
	E("span", "color", V_COLOR, "The run's colour."),
	E("span", "size", V_LENGTH, "The run's type size, more than 0."),
	E("span", "weight", V_WEIGHT, "A keyword (bold) or a number "
	    "100-1000."),

	E("block", "else", V_BLOCK_OR_BLOCKS, "A block or blocks drawn in "
	    "this one's place when 'if' or 'unless' fails."),
	E("block", "if", V_COND, "Draw the block only if a field is present "
	    "(or a test holds): a field, {field: value} or a list."),
	E("block", "name", V_TEXT, "A label for --dump-tree and "
	    "messages."),
	E("block", "space-after", V_LENGTH, "Space below the block; may be "
	    "negative."),
	E("block", "space-before", V_LENGTH, "Space above the block; may be "
	    "negative."),
	E("block", "unless", V_COND, "Draw the block only if no test holds: "
	    "a field, {field: value} or a list."),

	E("text", "column-gap", V_LENGTH_EM, "Between the columns (1em)."),
	R("text", "columns", V_INTEGER, 2, 6, "The text in that many balanced "
	    "columns."),
	E("text", "ellipsis", V_TEXT, "1 to 32 characters ending a text cut "
	    "after max-lines or at the frame's foot."),
	E("text", "fit", V_LENGTH_PAIR, "[MAX, MIN]: the text takes the "
	    "largest size in the range at which its frame fits."),
	E("text", "fit-warn", V_LENGTH, "A size within the fit range: a "
	    "text fitted under it warns."),
	E("text", "lang", V_LANG, "The text's language where it is not the "
	    "document's (BCP 47)."),
	E("text", "link", V_TEMPLATE, "A template giving a URL: the text "
	    "links there in the PDF."),
	K("text", "markup", "block:bool", "true: character-style tags in the "
	    "data's text apply too."),
	R("text", "max-lines", V_INTEGER, 1, 1000, "The most lines the text "
	    "may take."),
	K("text", "role", "block:role", "What the text is for screen "
	    "readers: p, h1-h6, quote or artifact."),
	E("text", "style", V_TEXT, "A style name (default: the first "
	    "style)."),
	E("text", "text", V_TEXTS, "A template, or a list of alternative "
	    "templates (the first whose fields all exist)."),

	E("list", "bullet", V_TEXT, "disc, any other text, or \"\" for "
	    "none."),
	E("list", "bullet-color", V_COLOR, "The bullet's colour."),
	E("list", "indent", V_LENGTH, "Width of the bullet column (1.2 x "
	    "size)."),
	E("list", "item", V_TEMPLATE, "A template for each item, when the "
	    "items are mappings."),
	E("list", "item-spacing", V_LENGTH, "Between items (the style's "
	    "paragraph-spacing)."),
	E("list", "list", V_TEXT, "The name of a list field (not a "
	    "template)."),
	K("list", "markup", "block:bool", "true: character-style tags in the "
	    "data's items apply too."),
	E("list", "style", V_TEXT, "The items' style (default: the first "
	    "style)."),

	K("image", "align", "block:hpos", "left, center or right."),
	E("image", "alt", V_TEMPLATE, "What a screen reader says in the "
	    "image's place (a template)."),
	K("image", "decorative", "block:bool", "true: ornament, left out of "
	    "what is read."),
	K("image", "fit", "block:fit", "contain (shows it all) or cover "
	    "(fills the box, cropped)."),
	E("image", "focus", V_FOCUS, "The point kept in view: top, left, "
	    "... or percentages x then y, or a template."),
	E("image", "height", V_LENGTH, "The image's height (default: from "
	    "its proportions)."),
	E("image", "image", V_TEMPLATE, "A path, or a template giving one "
	    "(from the data file's folder)."),
	K("image", "mask", "block:mask", "none, circle or rounded."),
	E("image", "placeholder", V_TEMPLATE, "A template (a name): drawn "
	    "when the image field is missing."),
	E("image", "placeholder-color", V_COLOR, "The placeholder text's "
	    "colour (white)."),
	E("image", "placeholder-fill", V_COLOR, "The placeholder's ground "
	    "(a colour from the record's id)."),
	K("image", "placeholder-shows", "block:shows", "initial, initials or "
	    "text."),
	E("image", "radius", V_LENGTH, "Corner radius for mask: rounded "
	    "(3mm)."),
	E("image", "width", V_LENGTH, "The image's width (the column's)."),

	K("rule", "align", "block:hpos", "left, center or right."),
	E("rule", "color", V_COLOR, "The rule's colour."),
	E("rule", "rule", V_RULE, "Thickness (0.75pt when empty)."),
	E("rule", "width", V_LENGTH, "The rule's width (the column's)."),

	E("spacer", "spacer", V_LENGTH, "Empty vertical space."),

	K("row", "collapse", "block:bool", "true: a column left out gives "
	    "its width to the others."),
	E("row", "gap", V_LENGTH, "Between columns."),
	E("row", "row", V_BLOCKS, "The columns: a block each."),
	E("row", "weights", V_WEIGHTS, "One per column: a number (a share) "
	    "or a length (a fixed width)."),

	E("box", "border-color", V_COLOR, "The left bar's colour."),
	E("box", "border-left", V_LENGTH, "Width of a bar along the left "
	    "edge."),
	E("box", "box", V_BLOCKS, "The blocks inside the box."),
	E("box", "fill", V_COLOR, "Colour filling the box."),
	E("box", "padding", V_BOX, "One length, [vertical, horizontal] or "
	    "[top, right, bottom, left]."),
	E("box", "radius", V_LENGTH, "Corner radius of the fill and "
	    "outline."),
	E("box", "stroke", V_COLOR, "Colour of the outline."),
	E("box", "stroke-width", V_LENGTH, "Width of the outline "
	    "(0.75pt)."),

	K("qr", "align", "block:hpos", "left, center or right."),
	E("qr", "alt", V_TEMPLATE, "What a screen reader says in its place "
	    "(default: the text encoded)."),
	E("qr", "background", V_COLOR_FIXED, "The ground under the code "
	    "(#ffffff); none for the page; not from the data."),
	E("qr", "color", V_COLOR_FIXED, "The dark modules' colour; not from "
	    "the data."),
	E("qr", "qr", V_TEMPLATE, "The text to encode (a template), such as "
	    "a URL."),
	E("qr", "size", V_LENGTH, "The code's side, quiet zone included "
	    "(25mm)."),

	K("ellipse", "align", "block:hpos", "left, center or right."),
	E("ellipse", "ellipse", V_LENGTH_OR_PAIR, "A length (a circle) or "
	    "[WIDTH, HEIGHT]."),
	E("ellipse", "fill", V_COLOR, "Colour inside."),
	E("ellipse", "stroke", V_COLOR, "Colour of the outline."),
	E("ellipse", "stroke-width", V_LENGTH, "Width of the outline "
	    "(0.75pt)."),

	E("first-fit", "first-fit", V_BLOCKS, "Alternatives tried in order: "
	    "the first with which the frame fits is drawn."),
};

#undef E
#undef K
#undef R

/* A map whose keys are not in entries falls back to another's. */
static const struct {
	const char	*map;
	const char	*fallback;
} fallbacks[] = {
	{ "seq-page", "page-spec" },
	{ "theme", "layout" },
};

/* What the definitions of the maps and block kinds say. */
static const struct {
	const char	*name;
	const char	*help;
} maps[] = {
	{ "page-spec", "A page: made once, or once per record with "
	    "'each'." },
	{ "seq-page", "A page of a record's sequence: name and frames "
	    "required." },
	{ "frame", "A frame: a rectangle on the page, with a fill, an "
	    "outline and a flow of blocks." },
	{ "style", "A text style." },
	{ "span", "A character style." },
	{ "text", "A text: a template, set in a style." },
	{ "list", "A bullet list of a list field's items." },
	{ "image", "An image: a path or a template giving one." },
	{ "rule", "A horizontal rule." },
	{ "spacer", "Empty vertical space (0 or more)." },
	{ "row", "Columns side by side, a block each." },
	{ "box", "A nested flow with padding, fill, outline or a left "
	    "bar." },
	{ "qr", "A QR code." },
	{ "ellipse", "An ellipse or circle." },
	{ "first-fit", "Alternatives: the first that fits is drawn." },
};

/* The JSON being written: one key a line, two spaces a level. */
struct jw {
	GString		*s;
	int		 depth;
	bool		 empty[64];	/* nothing yet at this depth */
	struct diag	*d;
	bool		 failed;
};

/* A new member (key "…": or an array item) at the current depth. */
static void
member(struct jw *w, const char *key)
{
	if (!w->empty[w->depth])
		g_string_append_c(w->s, ',');
	w->empty[w->depth] = false;
	g_string_append_printf(w->s, "\n%*s", 2 * (w->depth + 1), "");
	if (key != NULL) {
		json_str(w->s, key);
		g_string_append(w->s, ": ");
	}
}

static void
open_(struct jw *w, const char *key, char c)
{
	if (w->depth >= 0)
		member(w, key);
	g_string_append_c(w->s, c);
	w->empty[++w->depth] = true;
	g_assert(w->depth < (int)N(w->empty));
}

static void
obj(struct jw *w, const char *key)
{
	open_(w, key, '{');
}

static void
arr(struct jw *w, const char *key)
{
	open_(w, key, '[');
}

static void
end(struct jw *w, char c)
{
	if (!w->empty[w->depth--])
		g_string_append_printf(w->s, "\n%*s", 2 * (w->depth + 1), "");
	g_string_append_c(w->s, c);
}

static void
str(struct jw *w, const char *key, const char *v)
{
	member(w, key);
	json_str(w->s, v);
}

/* A literal: a number, true, false, null. */
static void
raw(struct jw *w, const char *key, const char *v)
{
	member(w, key);
	g_string_append(w->s, v);
}

static void
num(struct jw *w, const char *key, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	raw(w, key, g_ascii_dtostr(buf, sizeof(buf), v));
}

static void
ref(struct jw *w, const char *key, const char *def)
{
	char *r = g_strconcat("#/definitions/", def, NULL);

	obj(w, key);
	str(w, "$ref", r);
	end(w, '}');
	g_free(r);
}

/* {"type": ["string", "number", ...]} from a space-separated list. */
static void
types(struct jw *w, const char *list)
{
	char **t = g_strsplit(list, " ", -1);
	size_t i;

	if (t[1] == NULL) {
		str(w, "type", t[0]);
	} else {
		arr(w, "type");
		for (i = 0; t[i] != NULL; i++)
			str(w, NULL, t[i]);
		end(w, ']');
	}
	g_strfreev(t);
}

/* The regular expressions of the values `check` reads as text. */
#define NUMBER_RE	"[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
#define ZERO_RE		"[+-]?(?:0+\\.?0*|\\.0+)(?:[eE][+-]?[0-9]+)?"

/* "^(?:NUMBER(?:cm|in|…[|em])|ZERO)$": units from units.c. */
static char *
length_re(bool em)
{
	GString *s = g_string_new("^(?:" NUMBER_RE "(?:");
	int u;

	for (u = 0; u < UNIT__MAX; u++)
		g_string_append_printf(s, "%s%s", u ? "|" : "",
		    units_name((enum unit)u));
	g_string_append(s, em ? "|em)|" ZERO_RE ")$" : ")|" ZERO_RE ")$");
	return g_string_free(s, FALSE);
}

/* "^(?:[Aa]4|…)$": the page names of units.c, in either case. */
static char *
page_size_re(void)
{
	GString *s = g_string_new("^(?:");
	const char *name, *c;
	size_t i;

	for (i = 0; (name = units_page_name(i)) != NULL; i++) {
		if (i > 0)
			g_string_append_c(s, '|');
		for (c = name; *c != '\0'; c++)
			if (g_ascii_isalpha(*c))
				g_string_append_printf(s, "[%c%c]",
				    g_ascii_toupper(*c), g_ascii_tolower(*c));
			else
				g_string_append_c(s, *c);
	}
	g_string_append(s, ")$");
	return g_string_free(s, FALSE);
}

/* The keyword table "module:name" names, or NULL. */
static const struct schema_keywords *
find_keywords(const char *arg)
{
	const struct schema_keywords *sets;
	const char *name = strchr(arg, ':');

	if (name == NULL)
		return NULL;
	if (strncmp(arg, "spec:", 5) == 0)
		sets = spec_keywords;
	else if (strncmp(arg, "block:", 6) == 0)
		sets = block_keywords;
	else if (strncmp(arg, "style:", 6) == 0)
		sets = style_keywords;
	else
		return NULL;
	for (name++; sets->name != NULL; sets++)
		if (strcmp(sets->name, name) == 0)
			return sets;
	return NULL;
}

/* A keyword YAML may read as a boolean: 1 true, 0 false, -1 neither. */
static int
yaml_bool(const char *s)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0 ||
	    strcmp(s, "on") == 0)
		return 1;
	if (strcmp(s, "false") == 0 || strcmp(s, "no") == 0 ||
	    strcmp(s, "off") == 0)
		return 0;
	return -1;
}

/*
 * {"enum": [...]} of a keyword table, in its order.  `check` reads
 * every value as written, so `true` is the keyword "true", whether an
 * editor's YAML makes it a boolean or not (YAML 1.1 reads yes and no
 * as booleans too): both are allowed.
 */
static void
keyword_enum(struct jw *w, const struct schema_keywords *k)
{
	bool b[2] = { false, false };
	size_t i;
	int v;

	arr(w, "enum");
	for (i = 0; i < k->n; i++) {
		str(w, NULL, k->table[i].name);
		if ((v = yaml_bool(k->table[i].name)) >= 0)
			b[v] = true;
	}
	if (b[0])
		raw(w, NULL, "false");
	if (b[1])
		raw(w, NULL, "true");
	end(w, ']');
}

/* A number in [lo, hi], or a text that reads as one. */
static void
number(struct jw *w, const char *type, double lo, double hi)
{
	arr(w, "anyOf");
	obj(w, NULL);
	str(w, "type", type);
	num(w, "minimum", lo);
	num(w, "maximum", hi);
	end(w, '}');
	ref(w, NULL, "number-text");
	end(w, ']');
}

/* An array of minItems..maxItems items of definition def (0: none). */
static void
array_of(struct jw *w, const char *key, const char *def, int min, int max)
{
	obj(w, key);
	str(w, "type", "array");
	if (min > 0)
		num(w, "minItems", min);
	if (max > 0)
		num(w, "maxItems", max);
	ref(w, "items", def);
	end(w, '}');
}

static void	map_schema(struct jw *, const char *keyset, const char *help);

/* The schema of one value of kind e->kind, into the open object. */
static void
value(struct jw *w, const struct entry *e)
{
	const struct schema_keywords *k;
	char *s;

	switch (e->kind) {
	case V_TEXT:
	case V_TEMPLATE:
		str(w, "$ref", "#/definitions/text");
		break;
	case V_TEXTS:
	case V_TEXT_OR_LIST:
		arr(w, "anyOf");
		ref(w, NULL, "text");
		array_of(w, NULL, "text", e->kind == V_TEXTS, 0);
		end(w, ']');
		break;
	case V_NAMES:
		str(w, "type", "array");
		ref(w, "items", "text");
		break;
	case V_PAGE_NAME:
		types(w, "string number");
		str(w, "pattern", "^[a-z0-9-]+$");
		break;
	case V_LANG:
		str(w, "type", "string");
		str(w, "pattern", "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$");
		break;
	case V_LENGTH:
		str(w, "$ref", "#/definitions/length");
		break;
	case V_LENGTH_EM:
		str(w, "$ref", "#/definitions/length-em");
		break;
	case V_LENGTH_PAIR:
		str(w, "$ref", "#/definitions/length-pair");
		break;
	case V_LENGTH_OR_PAIR:
		arr(w, "anyOf");
		ref(w, NULL, "length");
		ref(w, NULL, "length-pair");
		end(w, ']');
		break;
	case V_RULE:
		arr(w, "anyOf");
		ref(w, NULL, "length");
		obj(w, NULL);
		str(w, "type", "null");
		end(w, '}');
		end(w, ']');
		break;
	case V_BOX:
		str(w, "$ref", "#/definitions/box");
		break;
	case V_LINE_HEIGHT:
		arr(w, "anyOf");
		obj(w, NULL);
		str(w, "type", "number");
		num(w, "exclusiveMinimum", 0);
		num(w, "maximum", 10);
		end(w, '}');
		ref(w, NULL, "factor-text");
		ref(w, NULL, "length");
		end(w, ']');
		break;
	case V_LETTER_SPACING:
		arr(w, "anyOf");
		ref(w, NULL, "length-em");
		ref(w, NULL, "factor-text");
		end(w, ']');
		break;
	case V_FACTOR:
		arr(w, "anyOf");
		obj(w, NULL);
		str(w, "type", "number");
		num(w, "minimum", 0.5);
		num(w, "maximum", 1.5);
		end(w, '}');
		ref(w, NULL, "factor-text");
		end(w, ']');
		break;
	case V_EM:
		str(w, "type", "string");
		str(w, "pattern", "^" NUMBER_RE "em$");
		break;
	case V_NUMBER:
		number(w, "number", e->lo, e->hi);
		break;
	case V_INTEGER:
		number(w, "integer", e->lo, e->hi);
		break;
	case V_WEIGHT:
		str(w, "$ref", "#/definitions/weight");
		break;
	case V_WEIGHTS:
		str(w, "type", "array");
		obj(w, "items");
		arr(w, "anyOf");
		obj(w, NULL);
		str(w, "type", "number");
		num(w, "minimum", 0.01);
		num(w, "maximum", 1000);
		end(w, '}');
		ref(w, NULL, "number-text");
		ref(w, NULL, "length");
		end(w, ']');
		end(w, '}');
		break;
	case V_KEYWORD:
		if ((k = find_keywords(e->arg)) == NULL) {
			diag_error(w->d, NULL, "schema: %s: '%s' names no "
			    "keyword table", e->key, e->arg);
			w->failed = true;
			break;
		}
		keyword_enum(w, k);
		break;
	case V_COLOR:
		str(w, "$ref", "#/definitions/color");
		break;
	case V_COLOR_FIXED:
		types(w, "string number");
		break;
	case V_COLORS:
		str(w, "type", "object");
		obj(w, "additionalProperties");
		str(w, "type", "string");
		str(w, "pattern", "^(?:#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|"
		    "[0-9A-Fa-f]{8})|cmyk\\(.*\\)|spot\\(.*\\))$");
		end(w, '}');
		break;
	case V_PAGE_SIZE:
		arr(w, "anyOf");
		obj(w, NULL);
		str(w, "type", "string");
		s = page_size_re();
		str(w, "pattern", s);
		g_free(s);
		end(w, '}');
		ref(w, NULL, "length-pair");
		end(w, ']');
		break;
	case V_STANDARDS:
		arr(w, "anyOf");
		ref(w, NULL, "standard");
		array_of(w, NULL, "standard", 1, 0);
		end(w, ']');
		break;
	case V_SLOTS:
		str(w, "type", "array");
		ref(w, "items", "length-pair");
		break;
	case V_FOCUS:
		arr(w, "anyOf");
		ref(w, NULL, "text");
		array_of(w, NULL, "text", 1, 2);
		end(w, ']');
		break;
	case V_COND:
		str(w, "$ref", "#/definitions/condition");
		break;
	case V_BLOCKS:
		str(w, "$ref", "#/definitions/blocks");
		break;
	case V_BLOCK_OR_BLOCKS:
		arr(w, "anyOf");
		ref(w, NULL, "block");
		ref(w, NULL, "blocks");
		end(w, ']');
		break;
	case V_FRAMES:
		str(w, "type", "array");
		obj(w, "items");
		arr(w, "oneOf");
		ref(w, NULL, "frame");
		ref(w, NULL, "use");
		end(w, ']');
		end(w, '}');
		break;
	case V_PAGES:
	case V_SEQ_PAGES:
		str(w, "type", "array");
		if (e->kind == V_SEQ_PAGES)
			num(w, "minItems", 1);
		obj(w, "items");
		arr(w, "oneOf");
		ref(w, NULL, e->kind == V_PAGES ? "page-spec" : "seq-page");
		ref(w, NULL, "use");
		end(w, ']');
		end(w, '}');
		break;
	case V_STYLES:
	case V_SPANS:
		str(w, "type", "object");
		if (e->kind == V_SPANS) {
			obj(w, "propertyNames");
			str(w, "pattern", "^[A-Za-z][A-Za-z0-9_-]*$");
			end(w, '}');
		}
		ref(w, "additionalProperties", e->kind == V_STYLES ? "style" :
		    "span");
		break;
	case V_PARTS:
		str(w, "type", "object");
		obj(w, "additionalProperties");
		str(w, "description", "A frame, a block or a page, or part of "
		    "one that a use completes.");
		str(w, "type", "object");
		end(w, '}');
		break;
	case V_MAP:
		/* map_schema() writes the description. */
		break;
	case V__MAX:
		g_assert_not_reached();
	}
}

/* The entry for key of map, following fallbacks; NULL if none. */
static const struct entry *
find_entry(const char *map, const char *key)
{
	size_t i, j;

	for (j = 0; map != NULL; j++) {
		for (i = 0; i < N(entries); i++)
			if (strcmp(entries[i].map, map) == 0 &&
			    strcmp(entries[i].key, key) == 0)
				return &entries[i];
		for (i = 0; i < N(fallbacks); i++)
			if (strcmp(fallbacks[i].map, map) == 0)
				break;
		map = i < N(fallbacks) ? fallbacks[i].fallback : NULL;
	}
	return NULL;
}

/* The keyset called name, or NULL. */
static const struct schema_keyset *
find_keyset(const char *name)
{
	const struct schema_keyset *k;

	for (k = spec_keysets; k->name != NULL; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	if (strcmp(name, spans_keyset.name) == 0)
		return &spans_keyset;
	if (strcmp(name, theme_keyset.name) == 0)
		return &theme_keyset;
	return NULL;
}

/* The style keys, from style.c, as a keyset. */
static struct schema_keyset
style_keyset(const char **names, size_t max)
{
	struct schema_keyset k = { "style", names, 0 };

	while (k.n < max && (names[k.n] = style_key(k.n)) != NULL)
		k.n++;
	return k;
}

static void
property(struct jw *w, const char *map, const char *key, const char *kind)
{
	const struct entry *e = find_entry(kind ? kind : map, key);

	if (e == NULL && kind != NULL)
		e = find_entry("block", key);
	if (e == NULL) {
		diag_error(w->d, NULL, "schema: key '%s' of %s has no entry in "
		    "src/layschema.c's table: add its kind of value and help",
		    key, kind ? kind : map);
		w->failed = true;
		return;
	}
	if (e->kind == V_MAP) {
		map_schema(w, e->arg, e->help);
		return;
	}
	obj(w, key);
	str(w, "description", e->help);
	value(w, e);
	end(w, '}');
}

/*
 * The body of a closed mapping: the keys of ks as properties (those of
 * block kind `kind`, if not NULL, with the common block keys' entries
 * beside its own), additionalProperties false.
 */
static void
map_body(struct jw *w, const struct schema_keyset *ks, const char *kind)
{
	size_t i;

	str(w, "type", "object");
	obj(w, "properties");
	for (i = 0; i < ks->n; i++)
		property(w, ks->name, ks->keys[i], kind);
	end(w, '}');
	raw(w, "additionalProperties", "false");
}

/* Key `keyset` of the open object: the closed mapping of that name. */
static void
map_schema(struct jw *w, const char *keyset, const char *help)
{
	const struct schema_keyset *ks = find_keyset(keyset);

	if (ks == NULL) {
		diag_error(w->d, NULL, "schema: no key list '%s'", keyset);
		w->failed = true;
		return;
	}
	obj(w, keyset);
	str(w, "description", help);
	map_body(w, ks, NULL);
	end(w, '}');
}

static const char *
map_help(const char *name)
{
	size_t i;

	for (i = 0; i < N(maps); i++)
		if (strcmp(maps[i].name, name) == 0)
			return maps[i].help;
	return name;
}

/* definitions/NAME: the closed mapping of keyset ks. */
static void
map_def(struct jw *w, const struct schema_keyset *ks, const char *name,
    const char *kind)
{
	obj(w, name);
	str(w, "description", map_help(kind ? kind : ks->name));
	map_body(w, ks, kind);
	if (kind != NULL) {
		arr(w, "required");
		str(w, NULL, kind);
		end(w, ']');
	}
	if (strcmp(ks->name, "seq-page") == 0) {
		arr(w, "required");
		str(w, NULL, "name");
		str(w, NULL, "frames");
		end(w, ']');
	}
	if (strcmp(ks->name, "page-spec") == 0) {
		arr(w, "anyOf");
		obj(w, NULL);
		arr(w, "required");
		str(w, NULL, "frames");
		end(w, ']');
		end(w, '}');
		obj(w, NULL);
		arr(w, "required");
		str(w, NULL, "pages");
		end(w, ']');
		end(w, '}');
		end(w, ']');
	}
	end(w, '}');
}

/* A definition {"description": help, "type": "string", "pattern": re}. */
static void
pattern_def(struct jw *w, const char *name, const char *help, const char *re)
{
	obj(w, name);
	str(w, "description", help);
	str(w, "type", "string");
	str(w, "pattern", re);
	end(w, '}');
}

/* definitions/length (em: length-em). */
static void
length_def(struct jw *w, bool em)
{
	char *re = length_re(em);

	obj(w, em ? "length-em" : "length");
	str(w, "description", em ? "A number and a unit (pt, mm, cm, in, "
	    "px, or em of the size), as 12pt or -0.02em; 0 alone." :
	    "A number and a unit (pt, mm, cm, in, px), as 12pt or 18mm; 0 "
	    "alone.");
	arr(w, "anyOf");
	obj(w, NULL);
	str(w, "type", "string");
	str(w, "pattern", re);
	end(w, '}');
	obj(w, NULL);
	arr(w, "enum");
	raw(w, NULL, "0");
	end(w, ']');
	end(w, '}');
	end(w, ']');
	end(w, '}');
	g_free(re);
}

/* The blocks: one definition per kind, and the block that is one. */
static void
block_defs(struct jw *w)
{
	char name[64];
	int k;

	obj(w, "block");
	str(w, "description", "A block: a mapping with one kind key (text, "
	    "list, image, rule, spacer, row, box, qr, ellipse, first-fit), "
	    "or a use of a part.");
	arr(w, "oneOf");
	for (k = 0; k < BLOCK__MAX; k++) {
		snprintf(name, sizeof(name), "%s-block", block_kinds[k].name);
		ref(w, NULL, name);
	}
	ref(w, NULL, "use");
	end(w, ']');
	end(w, '}');
	array_of(w, "blocks", "block", 0, 0);
	for (k = 0; k < BLOCK__MAX; k++) {
		const struct block_kind_desc *b = &block_kinds[k];
		struct schema_keyset ks = { b->name, b->keys, b->nkeys };

		snprintf(name, sizeof(name), "%s-block", b->name);
		map_def(w, &ks, name, b->name);
	}
}

static void
definitions(struct jw *w)
{
	const char *names[64];
	struct schema_keyset style = style_keyset(names, N(names));
	const struct schema_keywords *weights = find_keywords("style:weight");
	const char *s;
	size_t i;

	obj(w, "definitions");
	obj(w, "text");
	str(w, "description", "A text (a number or true is read as "
	    "written).");
	types(w, "string number boolean");
	end(w, '}');
	pattern_def(w, "number-text", "A number, quoted.", "^" NUMBER_RE "$");
	pattern_def(w, "factor-text", "A factor or a percentage: 1.6, "
	    "160%.", "^" NUMBER_RE "%?$");
	length_def(w, false);
	length_def(w, true);
	obj(w, "length-pair");
	str(w, "description", "Two lengths: [A, B].");
	str(w, "type", "array");
	num(w, "minItems", 2);
	num(w, "maxItems", 2);
	ref(w, "items", "length");
	end(w, '}');
	obj(w, "box");
	str(w, "description", "One length (all sides), [vertical, "
	    "horizontal] or [top, right, bottom, left].");
	arr(w, "anyOf");
	ref(w, NULL, "length");
	ref(w, NULL, "length-pair");
	array_of(w, NULL, "length", 4, 4);
	end(w, ']');
	end(w, '}');
	obj(w, "color");
	str(w, "description", "A colour: '#rrggbb', cmyk(C, M, Y, K), "
	    "spot(NAME, cmyk(...)), none, a name from 'colors', a template "
	    "(\"{{accent}}\"), or [template, colour] for a fallback.");
	arr(w, "anyOf");
	obj(w, NULL);
	types(w, "string number");
	end(w, '}');
	obj(w, NULL);
	str(w, "type", "array");
	num(w, "minItems", 2);
	num(w, "maxItems", 2);
	obj(w, "items");
	types(w, "string number");
	end(w, '}');
	end(w, '}');
	end(w, ']');
	end(w, '}');
	obj(w, "weight");
	str(w, "description", "A weight keyword, or a number 100-1000.");
	arr(w, "anyOf");
	obj(w, NULL);
	keyword_enum(w, weights);
	end(w, '}');
	obj(w, NULL);
	str(w, "type", "number");
	num(w, "minimum", 100);
	num(w, "maximum", 1000);
	end(w, '}');
	ref(w, NULL, "number-text");
	end(w, ']');
	end(w, '}');
	obj(w, "standard");
	str(w, "description", "A PDF standard.");
	arr(w, "enum");
	for (i = 0; (s = units_pdf_standard_name(i)) != NULL; i++)
		str(w, NULL, s);
	end(w, ']');
	end(w, '}');
	obj(w, "test");
	str(w, "description", "{field: value} or {field: [value, ...]}: the "
	    "field's text is one of them.");
	str(w, "type", "object");
	num(w, "minProperties", 1);
	num(w, "maxProperties", 1);
	obj(w, "additionalProperties");
	arr(w, "anyOf");
	ref(w, NULL, "text");
	array_of(w, NULL, "text", 1, 0);
	end(w, ']');
	end(w, '}');
	end(w, '}');
	obj(w, "condition");
	str(w, "description", "A field (present and not empty), a test "
	    "{field: value}, or a list of them of which one must hold.");
	arr(w, "anyOf");
	ref(w, NULL, "text");
	ref(w, NULL, "test");
	obj(w, NULL);
	str(w, "type", "array");
	num(w, "minItems", 1);
	obj(w, "items");
	arr(w, "anyOf");
	ref(w, NULL, "text");
	ref(w, NULL, "test");
	end(w, ']');
	end(w, '}');
	end(w, '}');
	end(w, ']');
	end(w, '}');
	obj(w, "use");
	str(w, "description", "A part of 'parts' by name; the keys beside "
	    "'use' replace the part's.");
	str(w, "type", "object");
	obj(w, "properties");
	obj(w, "use");
	str(w, "description", "The name of a part (in 'parts' of the layout "
	    "or its themes).");
	str(w, "$ref", "#/definitions/text");
	end(w, '}');
	end(w, '}');
	arr(w, "required");
	str(w, NULL, "use");
	end(w, ']');
	end(w, '}');
	block_defs(w);
	map_def(w, find_keyset("frame"), "frame", NULL);
	map_def(w, find_keyset("page-spec"), "page-spec", NULL);
	map_def(w, find_keyset("seq-page"), "seq-page", NULL);
	map_def(w, &style, "style", NULL);
	map_def(w, &spans_keyset, "span", NULL);
	end(w, '}');
}

/* Whether map (a keyset, a block kind, or "block") has key. */
static bool
table_has(const char *map, const char *key)
{
	const char *names[64];
	struct schema_keyset style = style_keyset(names, N(names));
	const struct schema_keyset *ks;
	size_t i;
	int k;

	for (k = 0; k < BLOCK__MAX; k++) {
		if (strcmp(map, "block") != 0 &&
		    strcmp(map, block_kinds[k].name) != 0)
			continue;
		for (i = 0; i < block_kinds[k].nkeys; i++)
			if (strcmp(block_kinds[k].keys[i], key) == 0)
				return true;
	}
	ks = strcmp(map, "style") == 0 ? &style : find_keyset(map);
	for (i = 0; ks != NULL && i < ks->n; i++)
		if (strcmp(ks->keys[i], key) == 0)
			return true;
	return false;
}

/* Reports each entry for a key that no parse table has. */
static bool
no_stale_entries(struct diag *d)
{
	bool ok = true;
	size_t i, j;

	for (i = 0; i < N(entries); i++) {
		if (!table_has(entries[i].map, entries[i].key)) {
			diag_error(d, NULL, "schema: src/layschema.c has an "
			    "entry for key '%s' of %s, which its parse table "
			    "does not have", entries[i].key, entries[i].map);
			ok = false;
		}
		for (j = 0; j < i; j++)
			if (strcmp(entries[i].map, entries[j].map) == 0 &&
			    strcmp(entries[i].key, entries[j].key) == 0) {
				diag_error(d, NULL, "schema: two entries for "
				    "key '%s' of %s", entries[i].key,
				    entries[i].map);
				ok = false;
			}
	}
	return ok;
}

char *
layschema_json(struct diag *d)
{
	struct jw w = { g_string_new(NULL), -1, { false }, d, false };
	const struct schema_keyset *top = find_keyset("layout");
	size_t i;

	/* A theme holds what a layout does; `pages` it refuses by name. */
	for (i = 0; i < theme_keyset.n; i++)
		if (find_entry("theme", theme_keyset.keys[i]) == NULL) {
			diag_error(d, NULL, "schema: theme key '%s' has no "
			    "entry in src/layschema.c's table",
			    theme_keyset.keys[i]);
			w.failed = true;
		}
	if (!no_stale_entries(d))
		w.failed = true;
	obj(&w, NULL);
	str(&w, "$schema", "http://json-schema.org/draft-07/schema#");
	str(&w, "$comment", "Written by `brochure schema` from the tables "
	    "its parser reads (make schema); see docs/layout.md.");
	str(&w, "title", "brochure layout");
	str(&w, "description", "A layout spec of brochure (docs/layout.md), "
	    "or a theme that layouts include.");
	map_body(&w, top, NULL);
	definitions(&w);
	end(&w, '}');
	g_string_append_c(w.s, '\n');
	if (w.failed) {
		g_string_free(w.s, TRUE);
		return NULL;
	}
	return g_string_free(w.s, FALSE);
}
