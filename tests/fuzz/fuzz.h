/*
 * Shared by the fuzz targets: a fixed layout and data to pair with the
 * fuzzed input, and the bundled fonts (run from the repository root).
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <string.h>

#include "diag.h"
#include "ynode.h"

struct fonts;
struct spec;

extern const char fuzz_layout_text[];
extern const char fuzz_data_text[];

struct spec	*fuzz_spec(const char *text);
struct ydoc	*fuzz_data_doc(void);	/* fuzz_data_text, loaded */
struct fonts	*fuzz_fonts(void);

#endif
