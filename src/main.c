/*
 * brochure: YAML data + YAML layout spec → PDF brochure, PNG social
 * images, SVG.  main() only wires the command line to the pipeline.
 */
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "cli.h"
#include "diag.h"
#include "init.h"
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

/* After init: how to render, and where the reference and examples are
 * (in the source tree, or installed). */
static void
init_done(const char *dir)
{
	char *layouts = real(cli_find_share("layouts"));
	char *docs = real(cli_find_share("docs"));
	char *doc = docs ? NULL : real(cli_find_share("../doc/brochure"));

	printf("A starter project is in %s/; render it with\n"
	    "  brochure render %s/data.yaml -l %s/layout.yaml -o %s/out/\n",
	    dir, dir, dir, dir);
	if (docs != NULL || doc != NULL)
		printf("Layout reference: %s/layout.md\n", docs ? docs : doc);
	if (layouts != NULL)
		printf("Example layouts (brochure, print, social formats): %s/\n",
		    layouts);
	g_free(layouts);
	g_free(docs);
	g_free(doc);
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
	diag_init(&d, stderr);
	if ((st = cli_parse(argc, argv, &o, &d)) < 0 && o.cmd == RUN_INIT) {
		char *starter = cli_find_share("starter");

		if (starter == NULL) {
			diag_error(&d, NULL, "cannot find the starter files "
			    "next to the program");
			st = STATUS_INPUT;
		} else if ((st = init_project(starter, o.data, &d)) == 0)
			init_done(o.data);
		g_free(starter);
	} else if (st < 0) {
		fonts = cli_find_share("fonts");
		if (fonts == NULL) {
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
