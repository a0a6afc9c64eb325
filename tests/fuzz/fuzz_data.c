/*
 * libFuzzer target: a data file, loaded and checked against a fixed
 * layout (the sample brochure's shape), then every page laid out, as
 * `brochure check` does.  Nothing may crash, leak or hang.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "data.h"
#include "fonts.h"
#include "fuzz.h"
#include "run.h"
#include "spec.h"

static struct spec *spec;
static struct fonts *fonts;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	spec = fuzz_spec(fuzz_layout_text);
	fonts = fuzz_fonts();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct diag d;
	struct ydoc *doc;
	struct data *data;

	diag_init(&d, NULL);
	doc = yload_buffer("fuzz.yaml", (const char *)buf, len, &d);
	if (doc == NULL)
		return 0;
	data = data_parse(doc, &d);
	if (data != NULL)
		run_check(spec, data, fonts, &d);
	data_free(data);
	return 0;
}
