/*
 * watch: render, then render again whenever an input changes, until
 * Ctrl-C.  Inputs are watched by folder with inotify: the data file's
 * and each layout's folder with their subfolders (photos, logos), the
 * bundled fonts and a layout's fonts folder.  The output folder, hidden
 * files (the atomic writer's temporaries, editors' swap files) and
 * backups ending in '~' are not inputs.  Events that come together (an
 * editor's save is several) make one render: after the first, the loop
 * waits until the folders have been quiet for QUIET_MS.
 *
 * SIGINT and SIGTERM are blocked and read from a signalfd, so Ctrl-C
 * never cuts a render short (that would leave no temporary behind, but
 * a half-updated folder): the render in progress finishes, then watch
 * stops with status 0.  SIGHUP (the terminal closed) ends it at once,
 * as it ends any render: outfile.c removes the temporaries first.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "theme.h"
#include "watch.h"

#define QUIET_MS	150
#define MAX_WATCHES	2048
#define EVENTS		(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
			    IN_CREATE | IN_DELETE | IN_ATTRIB)

struct watcher {
	int		 fd;
	GHashTable	*dirs;		/* watch descriptor → folder */
	char		*skip[2];	/* the output and the manifest,
					   absolute (a folder or a file) */
	int		 n;
};

/* Whether path is (in) what the render writes: not an input. */
static bool
is_output(const struct watcher *w, const char *path)
{
	size_t i, n;

	for (i = 0; i < 2; i++) {
		if (w->skip[i] == NULL)
			continue;
		n = strlen(w->skip[i]);
		if (strncmp(path, w->skip[i], n) == 0 &&
		    (path[n] == '\0' || path[n] == '/'))
			return true;
	}
	return false;
}

/* Watches dir and, if deep, its subfolders (not hidden, not output). */
static void
add_dir(struct watcher *w, const char *dir, bool deep)
{
	char *real = realpath(dir, NULL);
	GDir *g;
	const char *name;
	int wd;

	if (real == NULL || is_output(w, real) || w->n >= MAX_WATCHES) {
		free(real);
		return;
	}
	wd = inotify_add_watch(w->fd, real, EVENTS | IN_ONLYDIR);
	if (wd < 0 || g_hash_table_contains(w->dirs, GINT_TO_POINTER(wd))) {
		free(real);
		return;
	}
	g_hash_table_insert(w->dirs, GINT_TO_POINTER(wd), g_strdup(real));
	w->n++;
	if (deep && (g = g_dir_open(real, 0, NULL)) != NULL) {
		while ((name = g_dir_read_name(g)) != NULL) {
			char *sub = g_build_filename(real, name, NULL);

			if (name[0] != '.' &&
			    g_file_test(sub, G_FILE_TEST_IS_DIR))
				add_dir(w, sub, true);
			g_free(sub);
		}
		g_dir_close(g);
	}
	free(real);
}

static void
add_file_dir(struct watcher *w, const char *file)
{
	char *dir = g_path_get_dirname(file);

	add_dir(w, dir, true);
	g_free(dir);
}

/*
 * Watches the folders of the themes the layouts include (a theme may
 * live beside the campaign, not the layout), read anew before each
 * render: a save may add an include.
 */
static void
add_themes(struct watcher *w, const struct run_opts *o)
{
	struct diag quiet;
	size_t i, k;

	/* What reading the layouts says, the render reports. */
	diag_init_silent(&quiet);
	for (i = 0; i < o->nlayouts; i++) {
		struct ydoc *doc = yload_file(o->layouts[i], &quiet);
		struct theme_set set = { 0 };

		if (doc == NULL)
			continue;
		theme_apply(doc, &set, &quiet);
		for (k = 0; k < set.n; k++)
			add_file_dir(w, set.docs[k]->file);
		theme_set_free(&set);
		ydoc_free(doc);
	}
}

/*
 * Reads the pending events; true if one is about an input.  A new
 * folder is watched too.
 */
static bool
drain(struct watcher *w)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool changed = false;
	ssize_t len;

	while ((len = read(w->fd, buf, sizeof(buf))) > 0) {
		const char *p;

		for (p = buf; p < buf + len;
		    p += sizeof(struct inotify_event) +
		    ((const struct inotify_event *)(const void *)p)->len) {
			const struct inotify_event *e =
			    (const struct inotify_event *)(const void *)p;
			const char *dir = g_hash_table_lookup(w->dirs,
			    GINT_TO_POINTER(e->wd));
			char *path;
			size_t nl = e->len ? strlen(e->name) : 0;

			if (dir == NULL || nl == 0 || e->name[0] == '.' ||
			    e->name[nl - 1] == '~')
				continue;
			path = g_build_filename(dir, e->name, NULL);
			if (!is_output(w, path)) {
				changed = true;
				if ((e->mask & IN_ISDIR) &&
				    (e->mask & (IN_CREATE | IN_MOVED_TO)))
					add_dir(w, path, true);
			}
			g_free(path);
		}
	}
	return changed;
}

/* The absolute path of what the render writes at out (a folder when
 * it ends in '/' or is one); NULL if its folder does not exist. */
static char *
absolute(const char *out)
{
	size_t n = strlen(out);
	char *dir, *real, *base, *path;

	if ((n > 0 && out[n - 1] == '/') ||
	    g_file_test(out, G_FILE_TEST_IS_DIR)) {
		g_mkdir_with_parents(out, 0777);
		real = realpath(out, NULL);
		path = real ? g_strdup(real) : NULL;
		free(real);
		return path;
	}
	dir = g_path_get_dirname(out);
	base = g_path_get_basename(out);
	real = realpath(dir, NULL);
	path = real ? g_build_filename(real, base, NULL) : NULL;
	free(real);
	g_free(dir);
	g_free(base);
	return path;
}

static void
stamp(FILE *f)
{
	time_t t = time(NULL);
	struct tm tm;
	char buf[16];

	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
	fprintf(f, "[%s] ", buf);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One render, reported on one line after its diagnostics. */
static void
render_once(struct run_opts *o, struct diag *d)
{
	double t0 = now();
	enum status st;

	memset(d->count, 0, sizeof(d->count));
	d->last_shown = false;
	st = run(o, d);
	stamp(d->out);
	if (st == STATUS_OK)
		fprintf(d->out, "rendered %s in %.2f s%s\n", o->output,
		    now() - t0, d->count[DIAG_WARNING] ?
		    " (with warnings above)" : "");
	else
		fprintf(d->out, "not rendered (exit %d): fix the problems "
		    "above; the last good output is kept\n", st);
	fflush(d->out);
}

enum status
watch(struct run_opts *o, struct diag *d)
{
	struct watcher w = { 0 };
	struct pollfd pf[2];
	sigset_t mask;
	size_t i;
	int sfd;

	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) != 0 ||
	    (sfd = signalfd(-1, &mask, SFD_CLOEXEC)) < 0 ||
	    (w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0) {
		diag_error(d, NULL, "watch: cannot watch files: %s",
		    strerror(errno));
		return STATUS_OUTPUT;
	}
	w.dirs = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	    g_free);
	w.skip[0] = absolute(o->output);
	w.skip[1] = o->manifest ? absolute(o->manifest) : NULL;
	add_file_dir(&w, o->data);
	for (i = 0; i < o->nlayouts; i++)
		add_file_dir(&w, o->layouts[i]);
	if (o->fonts != NULL)
		add_dir(&w, o->fonts, false);
	for (i = 0; i < o->nallow; i++)
		add_dir(&w, o->allow[i], true);
	add_themes(&w, o);
	stamp(d->out);
	fprintf(d->out, "watching %d folder%s; Ctrl-C stops\n", w.n,
	    w.n == 1 ? "" : "s");
	render_once(o, d);
	pf[0].fd = w.fd;
	pf[0].events = POLLIN;
	pf[1].fd = sfd;
	pf[1].events = POLLIN;
	for (;;) {
		bool changed = false;

		if (poll(pf, 2, -1) < 0 && errno != EINTR)
			break;
		if (pf[1].revents & POLLIN)
			break;
		changed = drain(&w);
		/* Let a burst of events settle into one render. */
		while (poll(pf, 1, QUIET_MS) > 0)
			changed = drain(&w) || changed;
		if (changed) {
			add_themes(&w, o);
			render_once(o, d);
		}
	}
	stamp(d->out);
	fputs("stopped\n", d->out);
	close(sfd);
	close(w.fd);
	g_hash_table_destroy(w.dirs);
	g_free(w.skip[0]);
	g_free(w.skip[1]);
	return STATUS_OK;
}
