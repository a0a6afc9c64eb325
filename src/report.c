/*
 * Report: prints the diagnostics of a run, each once, after quiet and
 * dedupe, in colour on a terminal with the source line and a caret.
 * The colour comes from the message's level and place, never from
 * searching its text.  Only this file and diag.c print diagnostics.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "json.h"
#include "mem.h"
#include "outfile.h"
#include "progress.h"
#include "report.h"
#include "srcview.h"

/* An owned copy of a struct diag_msg, and a view of it. */
struct msg {
	struct diag_msg	 m;		/* points into the fields below */
	struct diag_pos	 pos;
	char		*file, *place, *text, *line;
	char		*layout, *record, *field;
};

struct report {
	FILE		*out;
	GHashTable	*seen;		/* groups printed, as text */
	GPtrArray	*group;		/* struct msg *: the one being read */
	struct progress	*prog;
	struct srcview	*src;		/* non-NULL: show source lines */
	bool		 color;
	bool		 quiet;
	bool		 json;		/* --diagnostics json */
	GString		*quality;	/* --report: the issues so far, or
					   NULL */
	GHashTable	*prints;	/* their fingerprints */
	const char	*fallback;	/* the path of an issue in no file */
};

struct report_log {
	GPtrArray	*msgs;		/* struct msg * */
};

static struct msg *
msg_new(const struct diag_msg *from)
{
	struct msg *m = xcalloc(1, sizeof(*m));

	m->m = *from;
	if (from->pos != NULL) {
		m->pos = *from->pos;
		m->pos.file = m->file = g_strdup(from->pos->file);
		m->m.pos = &m->pos;
	}
	m->m.place = m->place = g_strdup(from->place);
	m->m.text = m->text = g_strdup(from->text);
	m->m.line = m->line = g_strdup(from->line);
	m->m.where.layout = m->layout = g_strdup(from->where.layout);
	m->m.where.record = m->record = g_strdup(from->where.record);
	m->m.where.field = m->field = g_strdup(from->where.field);
	return m;
}

static void
msg_free(gpointer v)
{
	struct msg *m = v;

	g_free(m->file);
	g_free(m->place);
	g_free(m->text);
	g_free(m->line);
	g_free(m->layout);
	g_free(m->record);
	g_free(m->field);
	free(m);
}

struct report *
report_new(FILE *out, bool quiet, bool source, bool color, bool json)
{
	struct report *r = xcalloc(1, sizeof(*r));

	r->out = out;
	r->json = json;
	r->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	r->group = g_ptr_array_new_with_free_func(msg_free);
	r->src = source ? srcview_new() : NULL;
	r->color = color;
	r->quiet = quiet;
	return r;
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	g_hash_table_destroy(r->seen);
	g_ptr_array_free(r->group, TRUE);
	srcview_free(r->src);
	if (r->quality != NULL) {
		g_string_free(r->quality, TRUE);
		g_hash_table_destroy(r->prints);
	}
	free(r);
}

void
report_set_progress(struct report *r, struct progress *prog)
{
	r->prog = prog;
}

/* The line in colour: bold place, the level's word in its colour. */
static void
print_colored(FILE *out, const struct diag_msg *m)
{
	static const char *const colors[DIAG__MAX] = {
		[DIAG_NOTE] = "\033[1;36m",
		[DIAG_WARNING] = "\033[1;35m",
		[DIAG_ERROR] = "\033[1;31m",
	};

	fprintf(out, "\033[1m%s:\033[0m %s%s:\033[0m %s\n", m->place,
	    colors[m->shown], diag_level_name(m->shown), m->text);
}

/*
 * A path as the report gives it: relative to the working folder (the
 * repository's root, where CI runs), without "./".
 */
static char *
issue_path(const char *file, const char *fallback)
{
	char *cwd, *rel;
	size_t n;

	if (file == NULL)
		file = fallback;
	cwd = g_get_current_dir();
	n = strlen(cwd);
	if (g_path_is_absolute(file) && strncmp(file, cwd, n) == 0 &&
	    file[n] == '/')
		file += n + 1;
	while (strncmp(file, "./", 2) == 0)
		file += 2;
	rel = g_strdup(file);
	g_free(cwd);
	return rel;
}

/*
 * One Code Quality issue of the group: its head's text (with its
 * notes, each after its place), a severity from the level shown, and a
 * fingerprint that does not move with the line, unique in the report.
 */
static void
add_issue(struct report *r, GPtrArray *group)
{
	static const char *const severity[DIAG__MAX] = {
		[DIAG_NOTE] = "info",
		[DIAG_WARNING] = "minor",
		[DIAG_ERROR] = "major",
	};
	const struct msg *head = g_ptr_array_index(group, 0);
	const char *level = diag_level_name(head->m.shown);
	GString *desc = g_string_new(head->text);
	char *path = issue_path(head->file, r->fallback);
	GString *key;
	char *print;
	gsize n;
	guint i, k;

	for (i = 1; i < group->len; i++) {
		const struct msg *m = g_ptr_array_index(group, i);

		g_string_append_printf(desc, "; %s: %s", m->place, m->text);
	}
	/* path, level, text and the how-manieth, NUL between them */
	key = g_string_new(path);
	g_string_append_len(key, "", 1);
	g_string_append(key, level);
	g_string_append_len(key, "", 1);
	g_string_append(key, desc->str);
	g_string_append_len(key, "", 1);
	n = key->len;
	for (k = 0;; k++) {
		g_string_truncate(key, n);
		g_string_append_printf(key, "%u", k);
		print = g_compute_checksum_for_data(G_CHECKSUM_MD5,
		    (const guchar *)key->str, key->len);
		if (g_hash_table_add(r->prints, print))
			break;
	}
	g_string_free(key, TRUE);
	g_string_append(r->quality, r->quality->len ? ",\n  {" : "\n  {");
	g_string_append(r->quality, "\"description\": ");
	json_str(r->quality, desc->str);
	g_string_append_printf(r->quality, ", \"check_name\": "
	    "\"brochure/%s\", \"fingerprint\": \"%s\", \"severity\": "
	    "\"%s\", \"location\": {\"path\": ", level, print,
	    severity[head->m.shown]);
	json_str(r->quality, path);
	g_string_append_printf(r->quality, ", \"lines\": {\"begin\": %d}}}",
	    head->file != NULL && head->pos.line > 0 ? head->pos.line : 1);
	g_string_free(desc, TRUE);
	g_free(path);
}

void
report_quality(struct report *r, const char *fallback)
{
	r->fallback = fallback;
	r->quality = g_string_new(NULL);
	r->prints = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
}

bool
report_write_quality(struct report *r, const char *path, struct diag *d)
{
	struct outfile *of;

	report_flush(r);
	if ((of = outfile_open(path, d)) == NULL)
		return false;
	fprintf(outfile_fp(of), "[%s%s]\n", r->quality->str,
	    r->quality->len ? "\n" : "");
	return outfile_commit(of, d);
}

/* The group as one JSON object on a line (--diagnostics json). */
static void
print_json(FILE *out, GPtrArray *group)
{
	const struct diag_msg **notes = g_new(const struct diag_msg *,
	    group->len);
	const struct msg *head = g_ptr_array_index(group, 0);
	GString *s = g_string_new(NULL);
	guint i;

	for (i = 1; i < group->len; i++)
		notes[i - 1] = &((const struct msg *)
		    g_ptr_array_index(group, i))->m;
	diag_json(s, &head->m, notes, group->len - 1);
	fprintf(out, "%s\n", s->str);
	g_string_free(s, TRUE);
	g_free(notes);
}

/* The group's lines, in colour and with source lines where told. */
static void
print_text(struct report *r, GPtrArray *group)
{
	guint i;

	for (i = 0; i < group->len; i++) {
		const struct msg *m = g_ptr_array_index(group, i);

		if (r->color)
			print_colored(r->out, &m->m);
		else
			fprintf(r->out, "%s\n", m->line);
		if (r->src != NULL && m->file != NULL && m->pos.line > 0)
			srcview_show(r->src, r->out, m->file, m->pos.line,
			    m->pos.col, r->color);
	}
}

void
report_flush(struct report *r)
{
	const struct msg *head;
	GString *key;
	guint i;

	if (r->group->len == 0)
		return;
	head = g_ptr_array_index(r->group, 0);
	key = g_string_new(NULL);
	for (i = 0; i < r->group->len; i++) {
		const struct msg *m = g_ptr_array_index(r->group, i);

		g_string_append(key, m->line);
		g_string_append_c(key, '\n');
	}
	/* Each group once; quiet hides warnings and the notes that stand
	 * alone (advice, a text cut by its ellipsis), never errors, and
	 * never from the Code Quality report. */
	if (g_hash_table_add(r->seen, g_string_free(key, FALSE))) {
		if (r->quality != NULL)
			add_issue(r, r->group);
		if (head->m.level == DIAG_ERROR || head->m.shown == DIAG_ERROR ||
		    !r->quiet) {
			progress_clear(r->prog);
			if (r->json)
				print_json(r->out, r->group);
			else
				print_text(r, r->group);
		}
	}
	g_ptr_array_set_size(r->group, 0);
}

void
report_sink(void *arg, const struct diag_msg *m)
{
	struct report *r = arg;

	if (m->level != DIAG_NOTE || m->alone)
		report_flush(r);
	g_ptr_array_add(r->group, msg_new(m));
}

struct report_log *
report_log_new(void)
{
	struct report_log *l = xcalloc(1, sizeof(*l));

	l->msgs = g_ptr_array_new_with_free_func(msg_free);
	return l;
}

void
report_log_free(struct report_log *l)
{
	if (l == NULL)
		return;
	g_ptr_array_free(l->msgs, TRUE);
	free(l);
}

void
report_log_sink(void *arg, const struct diag_msg *m)
{
	struct report_log *l = arg;

	g_ptr_array_add(l->msgs, msg_new(m));
}

size_t
report_log_len(const struct report_log *l)
{
	return l->msgs->len;
}

const struct diag_msg *
report_log_get(const struct report_log *l, size_t i)
{
	const struct msg *m = g_ptr_array_index(l->msgs, i);

	return &m->m;
}

void
report_replay(struct report *r, const struct report_log *l)
{
	guint i;

	for (i = 0; i < l->msgs->len; i++)
		report_sink(r, report_log_get(l, i));
	report_flush(r);
}
