/*
 * brochure: YAML data + YAML layout spec → PDF brochure, PNG social
 * images, SVG.  main() only wires the command line to the pipeline.
 */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/resource.h>

#include <glib.h>

#include "cli.h"
#include "diag.h"
#include "init.h"
#include "layschema.h"
#include "outfile.h"
#include "watch.h"
#include "run.h"

/* The canonical form of a path from cli_find_share() (no "build/.."). */
static char *
real(char *path)
{
	char *r = path ? realpath(path, NULL) : NULL;
	char *out = r ? g_strdup(r) : path ? g_strdup(path) : NULL;

	free(r);
	g_free(path);
	return out;
}

/* The installed (or source tree's) schema/layout.json, or NULL. */
static char *
schema_file(void)
{
	char *dir = real(cli_find_share("schema"));
	char *file = dir ? g_build_filename(dir, "layout.json", NULL) : NULL;

	g_free(dir);
	if (file != NULL && !g_file_test(file, G_FILE_TEST_IS_REGULAR)) {
		g_free(file);
		file = NULL;
	}
	return file;
}

/*
 * After init: how to render, and where the reference, the examples and
 * the second campaign are: under the source tree's root, or installed
 * under share/doc/brochure, which mirrors it (docs/, campaigns/lumen/,
 * README.md), so the README's links hold there too.
 */
static void
init_done(const char *dir, const struct init_layout *l)
{
	char *layouts = real(cli_find_share("layouts"));
	char *root = real(cli_find_share("../doc/brochure"));

	if (root == NULL && (root = real(cli_find_share("docs"))) != NULL) {
		char *up = g_path_get_dirname(root);

		g_free(root);
		root = up;
	}
	printf("A starter project is in %s/; render it with\n"
	    "  brochure render %s/data.yaml -l %s/layout.yaml -o %s/%s\n",
	    dir, dir, dir, dir, l ? l->output : "out/");
	if (root != NULL)
		printf("Layout reference: %s/docs/layout.md\n"
		    "Examples of each feature: %s/docs/examples/\n"
		    "A whole campaign (theme, A5 brochure, social cards): "
		    "%s/campaigns/lumen/\n", root, root, root);
	if (layouts != NULL)
		printf("Shipped layouts (brochure, print, social formats): %s/\n",
		    layouts);
	g_free(layouts);
	g_free(root);
}

/*
 * `brochure schema`: the JSON Schema of layouts to stdout, or to -o
 * FILE, written atomically.  An exit status.
 */
static int
schema(const char *path, struct diag *d)
{
	char *json = layschema_json(d);
	struct outfile *of;
	size_t len;
	bool ok;

	if (json == NULL)
		return STATUS_OUTPUT;
	len = strlen(json);
	if (path == NULL) {
		ok = fwrite(json, 1, len, stdout) == len && fflush(stdout) == 0;
		if (!ok)
			diag_error(d, NULL, "cannot write the schema to the "
			    "standard output");
	} else if ((of = outfile_open(path, d)) != NULL) {
		ok = fwrite(json, 1, len, outfile_fp(of)) == len;
		ok = outfile_commit(of, d) && ok;
	} else {
		ok = false;
	}
	g_free(json);
	return ok ? STATUS_OK : STATUS_OUTPUT;
}

/*
 * A fatal GLib error: in practice an allocation or a thread start that
 * failed (Pango starts two threads per new font pattern, and aborts
 * when it cannot).  One line and exit 3, as xmalloc() does, instead of
 * a trap signal and a core.
 */
static void
fatal_glib(const gchar *domain, GLogLevelFlags level, const gchar *msg,
    gpointer unused)
{
	(void)domain;
	(void)level;
	(void)unused;
	fprintf(stderr, "brochure: out of memory: %s\n", msg);
	fflush(stderr);
	_exit(3);
}

/*
 * Address space needed to render with jobs threads [bytes]: the
 * libraries and fonts mapped, a stack and a malloc arena per thread,
 * and Pango's short-lived matching threads (measured: the sample
 * brochure at 2 jobs needs about 400 MB; below that Pango failed to
 * start a thread or to make a font).
 */
#define AS_BASE		((rlim_t)384 << 20)
#define AS_PER_JOB	((rlim_t)64 << 20)

/*
 * Under too low a limit (ulimit -v) Pango dies inside, where no check
 * of ours can reach: refuse up front, clearly, instead.  True if the
 * limit leaves enough.
 */
static bool
enough_memory(int jobs, struct diag *d)
{
	struct rlimit rl;
	rlim_t need = AS_BASE + AS_PER_JOB * (rlim_t)jobs;

	if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= need)
		return true;
	diag_error(d, NULL, "out of memory: the address-space limit (ulimit "
	    "-v) is %lu MB; rendering on %d thread%s needs %lu MB (fewer "
	    "--jobs need less)", (unsigned long)(rl.rlim_cur >> 20), jobs,
	    jobs == 1 ? "" : "s", (unsigned long)(need >> 20));
	return false;
}

int
main(int argc, char **argv)
{
	struct run_opts o;
	struct diag d;
	char *fonts;
	int st;

	/* Messages are UTF-8 whatever the locale; numbers never localised. */
	setlocale(LC_ALL, "C.UTF-8");
	/*
	 * Page-sized buffers (a 1080 × 1080 surface is 4.7 MB; the PNG
	 * encoder's are 3.5 MB) come and go with every page.  Above
	 * glibc's mmap threshold each one was a fresh mapping, zeroed
	 * page by page by the kernel: 21% of a card's time.  From the heap
	 * they are reused.
	 */
	mallopt(M_MMAP_THRESHOLD, 512 << 20);
	mallopt(M_TRIM_THRESHOLD, 1024 << 20);
	g_log_set_handler("GLib", G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL,
	    fatal_glib, NULL);
	diag_init(&d, stderr);
	/* Killed mid-render: no temporary file left.  Before any thread. */
	outfile_catch_signals();
	if ((st = cli_parse(argc, argv, &o, &d)) < 0 && o.cmd == RUN_SCHEMA) {
		st = schema(o.output, &d);
	} else if (st < 0 && o.cmd == RUN_INIT) {
		char *starter = cli_find_share("starter");
		char *layouts = cli_find_share("layouts");
		char *schema = schema_file();
		const struct init_layout *l = o.nlayouts == 1 ?
		    init_find_layout(o.layouts[0]) : NULL;

		if (starter == NULL || (l != NULL && layouts == NULL)) {
			diag_error(&d, NULL, "cannot find the starter files "
			    "next to the program");
			st = STATUS_INPUT;
		} else if ((st = init_project(starter, layouts, schema, l,
		    o.data, &d)) == 0)
			init_done(o.data, l);
		g_free(starter);
		g_free(layouts);
		g_free(schema);
	} else if (st < 0) {
		/*
		 * One malloc arena per worker and one to share: glibc's
		 * default of 8 per CPU reserves 64 MB of address space each
		 * for threads that never need them.  Set before any thread.
		 */
		mallopt(M_ARENA_MAX, o.jobs + 1);
		fonts = cli_find_share("fonts");
		if (!enough_memory(o.jobs, &d)) {
			st = STATUS_OUTPUT;
		} else if (fonts == NULL) {
			diag_error(&d, NULL, "cannot find the bundled fonts "
			    "folder next to the program");
			st = STATUS_INPUT;
		} else {
			o.fonts = fonts;
			o.watching = o.cmd == RUN_WATCH;
			st = o.watching ? watch(&o, &d) : run(&o, &d);
		}
		g_free(fonts);
	}
	g_free(o.only);
	return st;
}
