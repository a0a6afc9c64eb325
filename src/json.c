/*
 * JSON strings (RFC 8259, section 7).
 */
#include "json.h"

void
json_str(GString *s, const char *v)
{
	const unsigned char *p;

	if (v == NULL) {
		g_string_append(s, "null");
		return;
	}
	g_string_append_c(s, '"');
	for (p = (const unsigned char *)v; *p; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_printf(s, "\\%c", *p);
		else if (*p == '\n')
			g_string_append(s, "\\n");
		else if (*p < 0x20)
			g_string_append_printf(s, "\\u%04x", *p);
		else
			g_string_append_c(s, (char)*p);
	}
	g_string_append_c(s, '"');
}
