/*
 * Manifest: JSON written by hand (json.h), hashes by GLib's GChecksum.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "data.h"
#include "json.h"
#include "manifest.h"
#include "mem.h"
#include "outfile.h"

struct manifest {
	GString	*head;		/* everything before "outputs" */
	GString	*outputs;	/* the entries, comma-separated */
	int	 n;
};

struct manifest *
manifest_new(const char *generator, const char *data,
    const char *const *layouts, size_t nlayouts, int shard, int shards,
    int whole_keys, int whole_outputs)
{
	struct manifest *m = xcalloc(1, sizeof(*m));
	size_t i;

	m->head = g_string_new("{\n  \"manifest\": 1,\n  \"generator\": ");
	json_str(m->head, generator);
	g_string_append(m->head, ",\n  \"data\": ");
	json_str(m->head, data);
	g_string_append(m->head, ",\n  \"layouts\": [");
	for (i = 0; i < nlayouts; i++) {
		if (i > 0)
			g_string_append(m->head, ", ");
		json_str(m->head, layouts[i]);
	}
	g_string_append(m->head, "],\n  \"shard\": ");
	if (shards > 0)
		g_string_append_printf(m->head, "{\"index\": %d, \"count\": "
		    "%d}", shard, shards);
	else
		g_string_append(m->head, "null");
	g_string_append_printf(m->head, ",\n  \"whole\": {\"keys\": %d, "
	    "\"outputs\": %d},\n  \"outputs\": [", whole_keys, whole_outputs);
	m->outputs = g_string_new(NULL);
	return m;
}

void
manifest_add(struct manifest *m, const struct manifest_entry *e)
{
	GString *s = m->outputs;
	size_t i;

	g_string_append(s, m->n++ ? ",\n    {\"file\": " : "\n    {\"file\": ");
	json_str(s, e->file);
	g_string_append(s, ", \"key\": ");
	json_str(s, e->key);
	g_string_append(s, ", \"ids\": [");
	for (i = 0; i < e->nids; i++) {
		if (i > 0)
			g_string_append(s, ", ");
		json_str(s, e->ids[i]);
	}
	g_string_append(s, "], \"layout\": ");
	json_str(s, e->layout);
	g_string_append(s, ", \"type\": ");
	json_str(s, e->type);
	g_string_append_printf(s, ", \"width\": %g, \"height\": %g, "
	    "\"unit\": \"%s\", \"pages\": %d, \"bytes\": %lld, "
	    "\"sha256\": \"%s\"}", e->width, e->height, e->unit, e->pages,
	    e->bytes, e->sha256);
}

bool
manifest_write(struct manifest *m, const char *path, struct diag *d)
{
	struct outfile *of = outfile_open(path, d);

	if (of == NULL)
		return false;
	fputs(m->head->str, outfile_fp(of));
	fputs(m->outputs->str, outfile_fp(of));
	fputs(m->n ? "\n  ]\n}\n" : "]\n}\n", outfile_fp(of));
	return outfile_commit(of, d);
}

void
manifest_free(struct manifest *m)
{
	if (m == NULL)
		return;
	g_string_free(m->head, TRUE);
	g_string_free(m->outputs, TRUE);
	free(m);
}

bool
manifest_hash_file(const char *path, char hex[65], long long *bytes)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	unsigned char buf[65536];
	FILE *f = fopen(path, "rb");
	size_t n;
	long long total = 0;

	if (f == NULL) {
		g_checksum_free(c);
		return false;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		g_checksum_update(c, buf, (gssize)n);
		total += (long long)n;
	}
	fclose(f);
	memcpy(hex, g_checksum_get_string(c), 65);
	g_checksum_free(c);
	*bytes = total;
	return true;
}

bool
manifest_add_file(struct manifest *m, const char *path,
    const struct ynode *const *records, size_t nrec,
    const struct manifest_entry *e, struct diag *d)
{
	const char **ids = xcalloc(nrec + 1, sizeof(*ids));
	struct manifest_entry f = *e;
	char *file = g_path_get_basename(path);
	char sha[65] = "";
	bool ok = true;
	size_t k;

	for (k = 0; k < nrec; k++)
		ids[k] = data_record_id(records[k]);
	if (f.sha256 == NULL) {
		struct diag_pos pos = { path, 0, 0 };

		if (!(ok = manifest_hash_file(path, sha, &f.bytes)))
			diag_error(d, &pos, "cannot read back: %s",
			    strerror(errno));
		f.sha256 = sha;
	}
	f.file = file;
	f.ids = ids;
	f.nids = nrec;
	manifest_add(m, &f);
	g_free(file);
	free(ids);
	return ok;
}
