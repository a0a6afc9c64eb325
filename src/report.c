/*
 * Report: prints the diagnostics of a run, each once, after quiet and
 * dedupe, in colour on a terminal with the source line and a caret.
 * The colour comes from the message's level and place, never from
 * searching its text.  Only this file and diag.c print diagnostics.
 */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "mem.h"
#include "progress.h"
#include "report.h"
#include "srcview.h"

/* An owned copy of a struct diag_msg, and a view of it. */
struct msg {
	struct diag_msg	 m;		/* points into the fields below */
	struct diag_pos	 pos;
	char		*file, *place, *text, *line;
};

struct report {
	FILE		*out;
	GHashTable	*seen;		/* groups printed, as text */
	GPtrArray	*group;		/* struct msg *: the one being read */
	struct progress	*prog;
	struct srcview	*src;		/* non-NULL: show source lines */
	bool		 color;
	bool		 quiet;
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
	free(m);
}

struct report *
report_new(FILE *out, bool quiet, bool source, bool color)
{
	struct report *r = xcalloc(1, sizeof(*r));

	r->out = out;
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
	/* Quiet hides warnings and the notes that stand alone (advice,
	 * a text cut by its ellipsis), never errors. */
	if (head->m.level != DIAG_ERROR && head->m.shown != DIAG_ERROR &&
	    r->quiet)
		g_string_free(key, TRUE);
	else if (g_hash_table_add(r->seen, g_string_free(key, FALSE))) {
		progress_clear(r->prog);
		for (i = 0; i < r->group->len; i++) {
			const struct msg *m = g_ptr_array_index(r->group, i);

			if (r->color)
				print_colored(r->out, &m->m);
			else
				fprintf(r->out, "%s\n", m->line);
			if (r->src != NULL && m->file != NULL &&
			    m->pos.line > 0)
				srcview_show(r->src, r->out, m->file,
				    m->pos.line, m->pos.col, r->color);
		}
	}
	g_ptr_array_set_size(r->group, 0);
}

void
report_sink(void *arg, const struct diag_msg *m)
{
	struct report *r = arg;

	if (m->level != DIAG_NOTE)
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
