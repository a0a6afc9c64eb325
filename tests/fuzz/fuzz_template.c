/*
 * libFuzzer target: a template and a word.  The input's first line is
 * a template, expanded over the sample record; the rest is a word given
 * every particle.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "fuzz.h"
#include "josa.h"
#include "mem.h"
#include "template.h"

static struct ydoc *doc;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	doc = fuzz_data_doc();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	static const char *const particles[] = { "이/가", "은/는", "을/를",
	    "과/와", "이나/나", "으로/로", "이에요/예요", "아/야", "이랑/랑" };
	char *text = g_strndup((const char *)buf, len);
	char *nl = strchr(text, '\n'), *word = nl ? nl + 1 : "";
	struct arena *a = arena_new();
	struct ynode node = { .kind = YNODE_SCALAR, .pos = { "t", 1, 1 } };
	struct scope sc = { 0 };
	struct diag d;
	struct tmpl *t;
	size_t i;

	if (nl != NULL)
		*nl = '\0';
	if (!g_utf8_validate(text, -1, NULL))
		goto out;
	node.str = text;
	node.len = strlen(text);
	diag_init(&d, NULL);
	sc.record = ynode_get(doc->root, "interns")->items[0];
	sc.root = doc->root;
	sc.page_number = 1;
	sc.page_count = 1;
	if ((t = tmpl_parse(a, &node, &d)) != NULL) {
		struct tval v;

		tmpl_expand(t, &sc, &v, &d);
		tval_clear(&v);
	}
	if (g_utf8_validate(word, -1, NULL))
		for (i = 0; i < sizeof(particles) / sizeof(particles[0]); i++)
			if (josa_pick(word, particles[i]) == NULL)
				abort();	/* every listed particle is known */
out:
	arena_free(a);
	g_free(text);
	return 0;
}
