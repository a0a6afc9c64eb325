/*
 * The accessibility checks of a layout (a11y.h): a walk over every
 * block it can draw, at any depth, in every frame's blocks, else and
 * continued-marker.
 */
#include <stddef.h>

#include "a11y.h"
#include "cmyk.h"
#include "spec.h"
#include "ynode.h"

struct a11y {
	struct diag	*d;
	bool		 ua;
	bool		 ok;
};

/* A warning, or an error when ua-1 is claimed, at pos. */
static void
report(struct a11y *a, const struct diag_pos *pos, const char *msg)
{
	if (a->ua) {
		diag_error(a->d, pos, "PDF/UA-1 needs %s", msg);
		a->ok = false;
	} else {
		diag_warning(a->d, pos, "a tagged PDF needs %s", msg);
	}
}

static void
walk(struct a11y *a, struct block *const *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct block *b = blocks[i];

		/* A photo from the data is most often a person's: their
		 * name; a logo's is what it shows. */
		if (b->kind == BLOCK_IMAGE && b->as.image.alt == NULL &&
		    !b->as.image.decorative)
			report(a, &b->node->pos, b->as.image.from_data ?
			    "alt text for this image (alt: \"{{name}}\", read "
			    "out in its place) or decorative: true (not read "
			    "out)" : "alt text for this image (alt: \"what it "
			    "shows\", read out in its place) or decorative: "
			    "true (not read out)");
		walk(a, b->children, b->nchildren);
		walk(a, b->else_blocks, b->nelse);
	}
}

bool
a11y_check(const struct spec *spec, unsigned standards, struct diag *d)
{
	bool ua = (standards & PDF_UA1) != 0;
	struct a11y a = { d, ua, true };
	size_t len;
	const struct ynode *meta = ynode_get(spec->doc->root, "metadata");
	const struct diag_pos *at = meta ? &meta->pos : &spec->doc->root->pos;
	size_t i, k;

	for (i = 0; i < spec->npages; i++)
		for (k = 0; k < spec->pages[i]->nframes; k++) {
			const struct frame *f = spec->pages[i]->frames[k];

			walk(&a, f->blocks, f->nblocks);
			walk(&a, f->else_blocks, f->nelse);
			walk(&a, f->marker, f->nmarker);
		}
	if (ua && spec->meta[META_TITLE] == NULL)
		report(&a, at, "a title: metadata: title (its "
		    "viewers show it in place of the file name)");
	if (ua && spec->meta[META_LANG] == NULL)
		report(&a, at, "the document's language: metadata: "
		    "lang (ko-KR, en, …)");
	/* What the print and archive standards need besides. */
	if ((standards & PDF_X4) && (standards & PDF_A2U)) {
		diag_error(d, at, "PDF/X-4 and PDF/A-2u name output intents "
		    "of their own (CMYK for the press, sRGB for archives): "
		    "claim one (the layout's pdf-standard and the command "
		    "line's)");
		a.ok = false;
	}
	if ((standards & (PDF_X4 | PDF_A2U)) &&
	    spec->meta[META_TITLE] == NULL) {
		diag_error(d, at, "PDF/%s needs a title: metadata: title",
		    standards & PDF_X4 ? "X-4" : "A-2u");
		a.ok = false;
	}
	if ((standards & PDF_X4) && cmyk_profile(&len) == NULL) {
		diag_error(d, at, "PDF/X-4 needs the press profile %s (Debian's "
		    "libgs-common, with ghostscript): it is not installed",
		    CMYK_PROFILE);
		a.ok = false;
	}
	if ((standards & PDF_A2U) && cmyk_srgb_profile(&len) == NULL) {
		diag_error(d, at, "PDF/A-2u needs the sRGB profile %s (Debian's "
		    "libgs-common, with ghostscript): it is not installed",
		    SRGB_PROFILE);
		a.ok = false;
	}
	return a.ok;
}
