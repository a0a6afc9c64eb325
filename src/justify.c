/*
 * Justification after klreq 3.8: the space a line lacks is shared
 * between its word spaces and its characters.  The spaces grow first,
 * up to max-gap; then each place between two characters where klreq
 * lets space in (next to a Hangul syllable or an ideograph, not before
 * a closing mark or after an opening one, never inside a Latin word or
 * a number) takes up to max-tracking; what is still missing goes to
 * the spaces.  A line with no space that tracking cannot fill, the last
 * line, and a line that ends in a forced break stay ragged.
 *
 *     spaces only, to 0.8em:   공부하고    싶은    분야에    대해
 *     klreq:                   공 부 하 고  싶 은  분 야 에  대 해
 *
 * Breaks come from the ragged layout; text.c lays each line out again
 * alone, without its trailing spaces (Pango 1.50 counts a trailing
 * space when it justifies, and leaves lines short), and its glyphs are
 * widened in place: exact to a Pango unit, and no second shaping.
 */
#include <math.h>
#include <string.h>

#include <glib.h>
#include <pango/pango.h>

#include "breaks.h"
#include "justify.h"
#include "spec.h"

struct spread {
	int	gaps;		/* word spaces */
	int	letters;	/* places between characters that may grow */
	int	natural;	/* the line's width as shaped [Pango units] */
	int	space;		/* a space's width as shaped, or 0 */
};

static bool
is_wide(gunichar c)
{
	return (c >= 0x1100 && c < 0x1200) || (c >= 0x2E80 && c < 0xA000) ||
	    (c >= 0xAC00 && c < 0xD7B0) || (c >= 0xF900 && c < 0xFB00) ||
	    (c >= 0xFF00 && c < 0xFF61);
}

static bool
may_track(gunichar a, gunichar b)
{
	if (a == ' ' || b == ' ' || breaks_no_head(b) || breaks_no_end(a))
		return false;
	return is_wide(a) || is_wide(b);
}

/*
 * Walks the glyphs of line (text is the layout's), counting into *sp,
 * and widening: each space's glyph by gap, the last glyph of each
 * cluster that may be tracked by track [Pango units].
 */
static void
spread_line(PangoLayoutLine *line, const char *text, int end,
    struct spread *sp, int gap, int track)
{
	GSList *r;

	sp->gaps = sp->letters = sp->natural = sp->space = 0;
	for (r = line->runs; r != NULL; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		int g;

		for (g = 0; g < gs->num_glyphs; g++) {
			int at = run->item->offset + gs->log_clusters[g];
			int next = g + 1 < gs->num_glyphs ?
			    run->item->offset + gs->log_clusters[g + 1] :
			    run->item->offset + run->item->length;
			gunichar c = g_utf8_get_char(text + at);

			sp->natural += gs->glyphs[g].geometry.width;
			if (next == at)
				continue;	/* not the cluster's last glyph */
			if (c == ' ') {
				if (sp->gaps++ == 0)
					sp->space = gs->glyphs[g].geometry.width;
				gs->glyphs[g].geometry.width += gap;
			} else if (next < end && may_track(c,
			    g_utf8_get_char(text + next))) {
				sp->letters++;
				gs->glyphs[g].geometry.width += track;
			}
		}
	}
}

void
justify_line(const struct style *s, PangoLayout *one, double room)
{
	PangoLayoutLine *line = pango_layout_get_line(one, 0);
	const char *text = pango_layout_get_text(one);
	int end = (int)strlen(text);
	double extra, cap, gap = 0, track = 0;
	struct spread sp;

	spread_line(line, text, end, &sp, 0, 0);
	extra = room * PANGO_SCALE - sp.natural;
	if (extra <= 0 || (sp.gaps == 0 && sp.letters == 0))
		return;
	cap = fmax(style_max_gap(s) * PANGO_SCALE - sp.space, 0);
	if (sp.gaps > 0)
		gap = fmin(extra / sp.gaps, cap);
	extra -= gap * sp.gaps;
	if (sp.letters > 0)
		track = fmin(extra / sp.letters,
		    style_max_tracking(s) * PANGO_SCALE);
	extra -= track * sp.letters;
	if (sp.gaps > 0)
		gap += extra / sp.gaps;
	else if (extra > 0.5 * PANGO_SCALE)
		return;		/* one word: ragged rather than spaced out */
	spread_line(line, text, end, &sp, (int)gap, (int)track);
}

