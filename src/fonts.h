/*
 * Fonts: a Pango font map that sees only the project's fonts (the
 * bundled fonts/ folder and a layout's own folder) through a private
 * fontconfig configuration, so output never depends on the machine.
 */
#ifndef FONTS_H
#define FONTS_H

#include <pango/pango.h>

#include "diag.h"

struct fonts;

/*
 * Builds the font map from the folders (extra may be NULL; extra_pos,
 * which may be NULL, is the node naming it).  Every file must be a
 * regular file that can be read.  Reports and returns NULL if a font
 * file cannot be read or none could be loaded.  Free with fonts_free().
 */
struct fonts	*fonts_new(const char *bundled, const char *extra,
		    const struct diag_pos *extra_pos, struct diag *);
/*
 * Another font map over the same fonts, for another thread: Pango's
 * objects are not shared between threads, the fontconfig set of
 * fonts (read-only once built, as the default one is in any program)
 * is, so a worker does not scan the font files again.
 */
struct fonts	*fonts_clone(const struct fonts *);
void		 fonts_free(struct fonts *);

/*
 * A context for layout in points: 72 dpi, no hinting, so that line
 * breaks are the same on every output (PDF, PNG at any scale, SVG).
 * The fonts object owns it.
 */
PangoContext	*fonts_context(struct fonts *);

/* True if some font of the map has the family name (case-insensitive). */
bool		 fonts_has_family(struct fonts *, const char *family);

/*
 * True if font (from a layout of this map) could not be loaded, so
 * that it draws nothing: its file could not be opened (out of file
 * descriptors) or cairo ran out of memory.  Then why gets a message
 * naming the font, its file and the reason.
 */
bool		 fonts_font_error(PangoFont *font, char *why, size_t len);

/*
 * The face font is drawn in, as its file names it ("NanumGothic
 * ExtraBold"): its first family and its style; the caller g_free()s.
 */
char		*fonts_face_name(PangoFont *font);

/*
 * The file font was loaded from and the face in it (for a PDF to embed
 * it); false if it has none.  *file lives as long as font.
 */
bool		 fonts_font_file(PangoFont *font, const char **file,
		    int *index);

#endif
