/*
 * libFuzzer target: a layout spec, parsed and checked, then the sample
 * data laid out through it as `brochure check` does.
 */
#include <stddef.h>
#include <stdint.h>

#include "data.h"
#include "fonts.h"
#include "fuzz.h"
#include "run.h"
#include "spec.h"

static struct data *data;
static struct fonts *fonts;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;

	(void)argc;
	(void)argv;
	diag_init(&d, NULL);
	data = data_parse(fuzz_data_doc(), &d);
	fonts = fuzz_fonts();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct diag d;
	struct ydoc *doc;
	struct spec *spec;

	diag_init(&d, NULL);
	doc = yload_buffer("fuzz.yaml", (const char *)buf, len, &d);
	if (doc == NULL)
		return 0;
	spec = spec_parse(doc, &d);
	if (spec != NULL && spec->npages <= 8)
		run_check(spec, data, fonts, &d);
	spec_free(spec);
	return 0;
}
