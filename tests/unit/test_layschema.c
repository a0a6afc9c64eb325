/*
 * Unit tests for layschema.c: the layouts' JSON Schema covers every
 * key of every parse table (so a key added to the parser without an
 * entry in layschema.c's table fails here), every keyword of the
 * keyword tables, and comes out the same bytes each time.
 */
#include <glib.h>

#include "block.h"
#include "layschema.h"
#include "spans.h"
#include "spec.h"
#include "style.h"
#include "theme.h"
#include "testutil.h"

/* The schema, with nothing reported on the way. */
static char *
schema(void)
{
	struct capture c;
	char *json;

	capture_begin(&c);
	json = layschema_json(&c.d);
	if (json == NULL || *capture_text(&c) != '\0')
		fail_msg("layschema_json() failed:\n%s", capture_text(&c));
	capture_end(&c);
	return json;
}

/* Whether json has key as a property: "key": { */
static bool
has_property(const char *json, const char *key)
{
	char *p = g_strdup_printf("\"%s\": {", key);
	bool found = strstr(json, p) != NULL;

	g_free(p);
	return found;
}

static void
keys_present(const char *json, const struct schema_keyset *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++)
		if (!has_property(json, ks->keys[i]))
			fail_msg("key '%s' of %s is not in the schema",
			    ks->keys[i], ks->name);
}

static void
keywords_present(const char *json, const struct schema_keywords *k)
{
	size_t i;

	for (; k->name != NULL; k++)
		for (i = 0; i < k->n; i++) {
			char *q = g_strdup_printf("\"%s\"", k->table[i].name);

			if (strstr(json, q) == NULL)
				fail_msg("keyword '%s' of %s is not in the "
				    "schema", k->table[i].name, k->name);
			g_free(q);
		}
}

/* Every parse table's keys are properties of the schema. */
static void
test_every_key(void **state)
{
	char *json = schema();
	const struct schema_keyset *ks;
	const char *key;
	size_t i;
	int k;

	(void)state;
	for (ks = spec_keysets; ks->name != NULL; ks++)
		keys_present(json, ks);
	keys_present(json, &spans_keyset);
	keys_present(json, &theme_keyset);
	for (i = 0; (key = style_key(i)) != NULL; i++)
		assert_true(has_property(json, key));
	for (k = 0; k < BLOCK__MAX; k++) {
		struct schema_keyset b = { block_kinds[k].name,
		    block_kinds[k].keys, block_kinds[k].nkeys };
		char *def = g_strdup_printf("%s-block", block_kinds[k].name);

		keys_present(json, &b);
		assert_true(has_property(json, def));
		g_free(def);
	}
	g_free(json);
}

/* Every keyword of the keyword tables is one of an enum's values. */
static void
test_every_keyword(void **state)
{
	char *json = schema();

	(void)state;
	keywords_present(json, spec_keywords);
	keywords_present(json, block_keywords);
	keywords_present(json, style_keywords);
	g_free(json);
}

/* Closed maps: a misspelt key is flagged, as check flags it. */
static void
test_closed(void **state)
{
	char *json = schema();
	const char *p = json;
	size_t objects = 0, closed = 0;

	(void)state;
	while ((p = strstr(p, "\"properties\": {")) != NULL) {
		objects++;
		p++;
	}
	for (p = json; (p = strstr(p, "\"additionalProperties\": false"));
	    p++)
		closed++;
	/* Every map with properties but `use` (its keys are the part's). */
	assert_int_equal(closed, objects - 1);
	g_free(json);
}

static void
test_same_bytes(void **state)
{
	char *a = schema(), *b = schema();

	(void)state;
	assert_string_equal(a, b);
	assert_true(g_str_has_suffix(a, "}\n"));
	assert_non_null(strstr(a, "\n  \"$schema\": \"http://json-schema.org/"
	    "draft-07/schema#\",\n"));
	g_free(a);
	g_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_every_keyword),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_same_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
