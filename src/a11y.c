/*
 * The accessibility checks of a layout (a11y.h): a walk over every
 * block it can draw, at any depth, in every frame's blocks, else and
 * continued-marker.
 */
#include <stddef.h>

#include "a11y.h"
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
a11y_check(const struct spec *spec, bool ua, struct diag *d)
{
	struct a11y a = { d, ua, true };
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
	return a.ok;
}
