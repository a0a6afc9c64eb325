/*
 * Command line parsing with getopt_long.  Usage errors are exit 2 and
 * name the option at fault; paths are checked to exist here, so a
 * mistyped DATA or LAYOUT is a usage error rather than an input one.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "cli.h"
#include "confine.h"
#include "init.h"
#include "units.h"

static const char usage_text[] =
"usage: brochure render DATA.yaml -l LAYOUT.yaml [-l LAYOUT.yaml ...]\n"
"                       -o OUTPUT [options]\n"
"       brochure check  DATA.yaml -l LAYOUT.yaml [-l ...] [options]\n"
"       brochure watch  DATA.yaml -l LAYOUT.yaml -o OUTPUT [options]\n"
"       brochure init   DIR [-l NAME]\n"
"       brochure schema [-o FILE.json]\n"
"       brochure --help | --version\n"
"\n"
"Renders YAML data through YAML layout specs into a PDF brochure, PNG\n"
"images or SVG files, with Korean typography (word breaking by 어절).\n"
"\n"
"Commands:\n"
"  render   lay out and write OUTPUT\n"
"  check    validate the data and layouts and lay every page out (to\n"
"           find overflowing text); write nothing, and print nothing\n"
"           but notes (advice, a text cut by its ellipsis) when all\n"
"           is well (exit 0)\n"
"  watch    render, then render again whenever the data, a layout, an\n"
"           image or a font changes, until Ctrl-C; a broken save keeps\n"
"           the last good output\n"
"  init     write a starter project (data.yaml, layout.yaml, README)\n"
"           into DIR, a new or empty folder: a square card, or with\n"
"           -l NAME a shipped layout (square, portrait, story, og,\n"
"           a4, a5-print, handout) with data for it\n"
"  schema   print the JSON Schema of layout files (to stdout, or -o\n"
"           FILE), for an editor to complete keys and flag misspelt\n"
"           ones as a layout is typed (yaml-language-server)\n"
"\n"
"Options:\n"
"  -l, --layout FILE   a layout spec (required; repeat it to render\n"
"                      several formats in one run, into a folder)\n"
"                      init -l NAME: the shipped layout to start from\n"
"  -o, --output PATH   FILE.pdf: one PDF with every page;\n"
"                      FILE.png or FILE.svg: a single page;\n"
"                      DIR/ (or an existing folder): one file per page,\n"
"                      named after the record id (gina.png) or the page\n"
"                      name (cover.png), continuation pages -2, -3, …\n"
"                      (gina-2.png); with several layouts\n"
"                      <id>-<layout>.png (gina-og.png)\n"
"                      schema -o FILE.json: where the schema goes\n"
"  -f, --format FMT    file format in a folder: png (default), svg, pdf\n"
"  -j, --jobs N        pages rendered at once, on N threads (default:\n"
"                      all CPUs); the output is the same at any N\n"
"      --only ID       only the pages of record (or page) ID; repeatable\n"
"      --shard K/N     only the K-th of N equal parts of the records, for\n"
"                      CI matrices (a record's formats stay together)\n"
"      --manifest FILE.json  list every output with its size and\n"
"                      SHA-256 (merge-manifests checks the parts: in\n"
"                      scripts/, or installed in PREFIX/share/brochure/)\n"
"      --scale N       raster pixels per layout px (default 1: a 1080px\n"
"                      page is a 1080-pixel PNG)\n"
"      --dpi N         raster pixels per inch (default 96)\n"
"      --strict        warnings (overflowing text, missing glyphs) are\n"
"                      errors\n"
"  -q, --quiet         hide warnings, notes, the progress bar and the\n"
"                      summary; errors always show\n"
"      --diagnostics F  how problems are printed on stderr: text\n"
"                      (FILE:LINE:COLUMN: error: MESSAGE, the default) or\n"
"                      json (one JSON object a line: level, file, line,\n"
"                      column, message, note, page, record, field,\n"
"                      layout; and nothing else)\n"
"      --report FILE.json  also write every problem to FILE.json as a\n"
"                      GitLab Code Quality report, failed run or not\n"
"      --dump-tree FILE  write the laid-out boxes of every page as text\n"
"                      ('-': to stdout), replacing FILE at the end\n"
"      --gallery       also write index.html beside the output: every\n"
"                      page as a thumbnail with its record id and the\n"
"                      warnings about it, for review (a static page)\n"
"      --debug-boxes   outline every frame (magenta) and block (cyan)\n"
"                      with its name (a fitted text's with its size, in\n"
"                      red under its fit-warn), and mark each text\n"
"                      line's baseline (in a PDF: a layer marked not to\n"
"                      print)\n"
"      --pdf-writer W  how a PDF is written: native (brochure's own\n"
"                      writer, the default) or cairo (cairo's PDF\n"
"                      surface, kept as the reference)\n"
"      --pdf-standard S  claim a standard (repeatable; a layout's page:\n"
"                      pdf-standard adds its own): ua-1 (PDF/UA-1,\n"
"                      accessible: an image without alt text, or a\n"
"                      layout without metadata title and lang, is an\n"
"                      error), x-4 (PDF/X-4 for the press: CMYK output\n"
"                      intent, TrimBox) or a-2u (PDF/A-2u for archives:\n"
"                      sRGB output intent); the PDF is tagged either way\n""      --allow-path DIR  images may also come from DIR (repeatable); else\n"
"                      an image must lie in the folder of the data file\n"
"                      (photos) or of the layout (logos) that names it\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"On a terminal (not in a pipe, not when CI is set) a progress bar shows\n"
"on stderr, and each diagnostic is followed by its source line with a\n"
"caret under the column, in colour (NO_COLOR=1: without).  A render\n"
"ends with a summary line unless --quiet.\n"
"\n"
"Exit status: 0 success, 1 invalid input, 2 bad usage, 3 output not\n"
"written.  Diagnostics: FILE:LINE:COLUMN: error|warning: MESSAGE.\n"
"\n"
"Examples:\n"
"  brochure render data/interns.yaml -l layouts/brochure-a4.yaml \\\n"
"      -o out/brochure.pdf\n"
"  brochure render data/interns.yaml -l layouts/social-square.yaml \\\n"
"      -o out/social/\n"
"  brochure render data/interns.yaml -l layouts/social-square.yaml \\\n"
"      -l layouts/social-portrait.yaml -l layouts/social-story.yaml \\\n"
"      -l layouts/og.yaml -o out/cards/ --manifest out/cards/manifest.json\n"
"  brochure render data/interns.yaml -l layouts/og.yaml -o out/part2/ \\\n"
"      --shard 2/4 --manifest out/part2/manifest-2.json\n"
"  brochure render data/interns.yaml -l layouts/brochure-a4.yaml \\\n"
"      -o out/gina.pdf --only gina\n"
"  brochure check data/interns.yaml -l layouts/brochure-a4.yaml --strict\n"
"  brochure watch data/interns.yaml -l layouts/social-square.yaml \\\n"
"      -o out/social/ --only gina\n"
"  brochure init my-cards && cd my-cards && \\\n"
"      brochure render data.yaml -l layout.yaml -o out/\n"
"  brochure init my-brochure -l a4 && cd my-brochure && \\\n"
"      brochure render data.yaml -l layout.yaml -o out/brochure.pdf\n";

enum {
	OPT_SCALE = 256,
	OPT_DPI,
	OPT_STRICT,
	OPT_DUMP,
	OPT_ALLOW,
	OPT_ONLY,
	OPT_SHARD,
	OPT_MANIFEST,
	OPT_DEBUG,
	OPT_GALLERY,
	OPT_PDF_WRITER,
	OPT_PDF_STANDARD,
	OPT_DIAGNOSTICS,
	OPT_REPORT,
};

static const struct option longopts[] = {
	{ "layout", required_argument, NULL, 'l' },
	{ "output", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, 'f' },
	{ "scale", required_argument, NULL, OPT_SCALE },
	{ "dpi", required_argument, NULL, OPT_DPI },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "quiet", no_argument, NULL, 'q' },
	{ "dump-tree", required_argument, NULL, OPT_DUMP },
	{ "allow-path", required_argument, NULL, OPT_ALLOW },
	{ "jobs", required_argument, NULL, 'j' },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "manifest", required_argument, NULL, OPT_MANIFEST },
	{ "debug-boxes", no_argument, NULL, OPT_DEBUG },
	{ "gallery", no_argument, NULL, OPT_GALLERY },
	{ "pdf-writer", required_argument, NULL, OPT_PDF_WRITER },
	{ "pdf-standard", required_argument, NULL, OPT_PDF_STANDARD },
	{ "diagnostics", required_argument, NULL, OPT_DIAGNOSTICS },
	{ "report", required_argument, NULL, OPT_REPORT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* The hint after a usage error; not among JSON lines. */
static void
try_help(struct diag *d)
{
	if (!d->json)
		fputs("Try 'brochure --help'.\n", d->out);
}

static int
usage_error(struct diag *d, const char *msg, const char *arg)
{
	diag_error(d, NULL, "%s%s%s", msg, arg ? arg : "", arg ? "'" : "");
	try_help(d);
	return STATUS_USAGE;
}

/*
 * A DATA or LAYOUT path that cannot be read: "no such" only when there
 * is none, otherwise the real failure ("Permission denied", "Is a
 * directory").  -1 if it can be read.
 */
static int
input_error(struct diag *d, const char *what, const char *path)
{
	struct stat st;
	char why[128];
	off_t size;
	int fd;

	if (stat(path, &st) != 0 && errno == ENOENT) {
		diag_error(d, NULL, "no such %s file '%s'", what, path);
	} else if ((fd = confine_open(path, (off_t)1 << 62, &size, why,
	    sizeof(why))) < 0) {
		/* A FIFO too: it would be waited on forever. */
		diag_error(d, NULL, "cannot read %s file '%s': %s", what, path,
		    why);
	} else {
		close(fd);
		return -1;
	}
	try_help(d);
	return STATUS_USAGE;
}

static bool
parse_positive(const char *s, double lo, double hi, double *v)
{
	return units_parse_factor(s, v) && strchr(s, '%') == NULL &&
	    *v >= lo && *v <= hi;
}

/* A whole number in [lo, hi], nothing else. */
static bool
parse_count(const char *s, long lo, long hi, int *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0 || n < lo || n > hi ||
	    !g_ascii_isdigit(*s))
		return false;
	*v = (int)n;
	return true;
}

static bool
parse_shard(const char *s, int *k, int *n)
{
	const char *slash = strchr(s, '/');
	char *ks;
	bool ok;

	if (slash == NULL)
		return false;
	ks = g_strndup(s, (gsize)(slash - s));
	ok = parse_count(ks, 1, 10000, k) && parse_count(slash + 1, 1, 10000,
	    n) && *k <= *n;
	g_free(ks);
	return ok;
}

static bool
ends_json(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && g_ascii_strcasecmp(s + n - 5, ".json") == 0 &&
	    s[n - 6] != '/';
}

/* Whether a and b name one file: the same inode, or the same path. */
static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (b == NULL)
		return false;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return strcmp(a, b) == 0;
}

/*
 * --dump-tree FILE and --report FILE replace FILE at the end of the
 * run: it must not be an input of the run, or another of its outputs.
 * -1 if it is a file of its own, else exit status 2.
 */
static int
check_own(const struct run_opts *o, const char *opt, const char *path,
    struct diag *d)
{
	const char *const outs[] = { o->output, o->manifest, o->dump,
	    o->report };
	const char *what = NULL;
	size_t i;

	if (path == NULL)
		return -1;
	if (same_file(path, o->data))
		what = "the data file";
	for (i = 0; what == NULL && i < o->nlayouts; i++)
		if (same_file(path, o->layouts[i]))
			what = "a layout";
	for (i = 0; what == NULL && i < sizeof(outs) / sizeof(outs[0]); i++)
		if (outs[i] != path && same_file(path, outs[i]))
			what = "an output of the run";
	if (what == NULL && g_file_test(path, G_FILE_TEST_IS_DIR))
		what = "a folder";
	if (what == NULL)
		return -1;
	diag_error(d, NULL, "%s '%s' is %s: name a file of its own", opt,
	    path, what);
	try_help(d);
	return STATUS_USAGE;
}

/* Online CPUs: the default for --jobs. */
static int
cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

char *
cli_find_share(const char *what)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir, *p;
	const char *const tries[] = { "..", "../share/brochure" };
	size_t i;

	if (exe == NULL)
		return NULL;
	dir = g_path_get_dirname(exe);
	g_free(exe);
	for (i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
		p = g_build_filename(dir, tries[i], what, NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR)) {
			g_free(dir);
			return p;
		}
		g_free(p);
	}
	g_free(dir);
	return NULL;
}

/*
 * An option with a value that must be checked: -1 to go on, else exit
 * status 2.
 */
static int
parse_value(int c, char **argv, struct run_opts *o, struct diag *d)
{
	double v;

	switch (c) {
	case 'l':
		if (o->nlayouts == RUN_MAX_LAYOUTS)
			return usage_error(d, "too many layouts (16 at most)",
			    NULL);
		o->layouts[o->nlayouts++] = optarg;
		break;
	case 'f':
		if (strcmp(optarg, "png") != 0 && strcmp(optarg, "svg") != 0 &&
		    strcmp(optarg, "pdf") != 0)
			return usage_error(d, "--format must be png, svg or "
			    "pdf, not '", optarg);
		o->format = optarg;
		break;
	case OPT_SCALE:
		if (!parse_positive(optarg, 0.01, 100, &v))
			return usage_error(d, "--scale must be a number from "
			    "0.01 to 100, not '", optarg);
		o->scale = v / PT_PER_PX;
		break;
	case OPT_DPI:
		if (!parse_positive(optarg, 1, 7200, &v))
			return usage_error(d, "--dpi must be a number from 1 "
			    "to 7200, not '", optarg);
		o->scale = v / 72;
		break;
	case OPT_DUMP:
		if (*optarg == '\0')
			return usage_error(d, "--dump-tree needs a file name, "
			    "or '-' for the standard output", NULL);
		/* Written after the pages, not opened here. */
		o->dump = strcmp(optarg, "-") == 0 ? NULL : optarg;
		o->dump_to = o->dump ? NULL : stdout;
		break;
	case OPT_ALLOW:
		if (!g_file_test(optarg, G_FILE_TEST_IS_DIR))
			return usage_error(d, "--allow-path needs a folder "
			    "that exists, not '", optarg);
		if (o->nallow == sizeof(o->allow) / sizeof(o->allow[0]))
			return usage_error(d, "too many --allow-path folders "
			    "(16 at most)", NULL);
		o->allow[o->nallow++] = optarg;
		break;
	case 'j':
		if (!parse_count(optarg, 1, 256, &o->jobs))
			return usage_error(d, "--jobs must be a whole number "
			    "from 1 to 256, not '", optarg);
		break;
	case OPT_ONLY:
		if (*optarg == '\0')
			return usage_error(d, "--only needs a record id or "
			    "page name", NULL);
		o->only = g_renew(const char *, o->only, o->nonly + 1);
		o->only[o->nonly++] = optarg;
		break;
	case OPT_SHARD:
		if (!parse_shard(optarg, &o->shard, &o->shards))
			return usage_error(d, "--shard must be K/N with 1 <= K "
			    "<= N <= 10000, not '", optarg);
		break;
	case OPT_PDF_WRITER:
		if (strcmp(optarg, "native") != 0 && strcmp(optarg, "cairo") != 0)
			return usage_error(d, "--pdf-writer must be native or "
			    "cairo, not '", optarg);
		o->pdf_native = strcmp(optarg, "native") == 0;
		break;
	case OPT_PDF_STANDARD:
		if (units_pdf_standard(optarg) == 0)
			return usage_error(d, "--pdf-standard must be ua-1, "
			    "x-4 or a-2u, not '", optarg);
		o->standards |= units_pdf_standard(optarg);
		break;
	case OPT_DIAGNOSTICS:
		if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
			return usage_error(d, "--diagnostics must be text or "
			    "json, not '", optarg);
		d->json = strcmp(optarg, "json") == 0;
		break;
	case OPT_REPORT:
		if (!ends_json(optarg))
			return usage_error(d, "--report must name a .json "
			    "file, not '", optarg);
		o->report = optarg;
		break;
	case OPT_MANIFEST:
		if (!ends_json(optarg))
			return usage_error(d, "--manifest must name a .json "
			    "file, not '", optarg);
		o->manifest = optarg;
		break;
	default:
		return usage_error(d, "unknown option or missing value: '",
		    argv[optind - 1]);
	}
	return -1;
}

/*
 * One option of cli_parse, c as getopt_long returned it, its value in
 * optarg: -1 to go on, else the exit status.  Options are taken in
 * order, so a bad value before --help is still reported.
 */
static int
parse_option(int c, char **argv, struct run_opts *o, struct diag *d)
{
	switch (c) {
	case 'o':
		o->output = optarg;
		break;
	case OPT_STRICT:
		d->strict = true;
		break;
	case 'q':
		d->quiet = true;
		break;
	case OPT_DEBUG:
		o->debug = true;
		break;
	case OPT_GALLERY:
		o->gallery = true;
		break;
	case 'h':
		fputs(usage_text, stdout);
		return STATUS_OK;
	case 'V':
		printf("brochure %s\n", BROCHURE_VERSION);
		return STATUS_OK;
	default:
		return parse_value(c, argv, o, d);
	}
	return -1;
}

/* The command and DATA: two arguments at most.  -1, or exit status 2. */
static int
add_positional(const char **pos, int *npos, const char *arg, struct diag *d)
{
	if (*npos == 2)
		return usage_error(d, "unexpected argument '", arg);
	pos[(*npos)++] = arg;
	return -1;
}

/* Sorted by name (bsearch). */
static const struct command {
	const char	*name;
	enum run_cmd	 cmd;
} commands[] = {
	{ "check", RUN_CHECK },
	{ "init", RUN_INIT },
	{ "render", RUN_RENDER },
	{ "schema", RUN_SCHEMA },
	{ "watch", RUN_WATCH },
};

static int
command_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct command *)elem)->name);
}

/*
 * What each command needs, once every option is read: init a folder
 * and nothing else; render and watch DATA, -l and -o; check DATA and
 * -l but no output of any kind.  Inputs are checked to be readable
 * here, after the arguments, so a missing -l is named before a missing
 * file.  -1 to run, else exit status 2.
 */
static int
check_command(const char *const *pos, struct run_opts *o, struct diag *d)
{
	const struct command *cmd;
	size_t i;
	int st;

	if (pos[0] == NULL)
		return usage_error(d, "no command: use 'render', 'check', "
		    "'watch', 'init' or 'schema'", NULL);
	cmd = bsearch(pos[0], commands, sizeof(commands) / sizeof(commands[0]),
	    sizeof(commands[0]), command_cmp);
	if (cmd == NULL)
		return usage_error(d, "unknown command '", pos[0]);
	o->cmd = cmd->cmd;
	o->data = pos[1];
	if (o->cmd == RUN_SCHEMA) {
		if (o->data != NULL)
			return usage_error(d, "schema takes no file: brochure "
			    "schema [-o FILE.json], not '", o->data);
		if (o->nlayouts > 0)
			return usage_error(d, "schema is the same for every "
			    "layout: drop -l", NULL);
		if (o->report != NULL)
			return usage_error(d, "schema checks nothing to report: "
			    "drop --report", NULL);
		return -1;
	}
	if (o->cmd == RUN_INIT) {
		if (o->data == NULL || *o->data == '\0')
			return usage_error(d, "init needs a folder: brochure "
			    "init DIR", NULL);
		if (o->output != NULL)
			return usage_error(d, "init writes only its folder: "
			    "drop -o", NULL);
		if (o->report != NULL)
			return usage_error(d, "init writes only its folder: "
			    "drop --report", NULL);
		if (o->nlayouts > 1)
			return usage_error(d, "init starts from one layout: "
			    "give -l once", NULL);
		if (o->nlayouts == 1 && init_find_layout(o->layouts[0]) ==
		    NULL) {
			diag_error(d, NULL, "init -l takes a shipped layout: "
			    "%s, not '%s'", init_layout_names(),
			    o->layouts[0]);
			try_help(d);
			return STATUS_USAGE;
		}
		return -1;
	}
	if (o->data == NULL)
		return usage_error(d, "no DATA file given", NULL);
	if (o->nlayouts == 0)
		return usage_error(d, "no layout given (-l LAYOUT.yaml)", NULL);
	if (o->cmd != RUN_CHECK && o->output == NULL)
		return usage_error(d, "no output given (-o OUTPUT)", NULL);
	if (o->cmd == RUN_CHECK && o->output != NULL)
		return usage_error(d, "check writes nothing: drop -o", NULL);
	if ((st = input_error(d, "data", o->data)) >= 0)
		return st;
	for (i = 0; i < o->nlayouts; i++)
		if ((st = input_error(d, "layout", o->layouts[i])) >= 0)
			return st;
	if (o->cmd == RUN_CHECK && o->manifest != NULL)
		return usage_error(d, "check writes nothing: drop --manifest",
		    NULL);
	if (o->cmd == RUN_CHECK && o->gallery)
		return usage_error(d, "check writes nothing: drop --gallery",
		    NULL);
	if (o->standards != 0 && !o->pdf_native)
		return usage_error(d, "--pdf-standard needs brochure's own PDF "
		    "writer: drop --pdf-writer cairo (it writes no structure "
		    "tree, output intent or CMYK)", NULL);
	if (o->debug && (o->standards & (PDF_X4 | PDF_A2U)))
		return usage_error(d, "--debug-boxes makes a proof, not a file "
		    "for the press or an archive: drop --pdf-standard x-4 or "
		    "a-2u (Ghostscript 10 and pdftops print the guides' layer)",
		    NULL);
	if ((o->standards & PDF_X4) && (o->standards & PDF_A2U))
		return usage_error(d, "--pdf-standard: x-4 and a-2u name "
		    "output intents of their own (CMYK for the press, sRGB for "
		    "archives): claim one", NULL);
	if (d->json && o->cmd == RUN_WATCH)
		return usage_error(d, "watch talks to a terminal: drop "
		    "--diagnostics json", NULL);
	if ((st = check_own(o, "--dump-tree", o->dump, d)) >= 0)
		return st;
	return check_own(o, "--report", o->report, d);
}

int
cli_parse(int argc, char **argv, struct run_opts *o, struct diag *d)
{
	const char *pos[2] = { NULL, NULL };
	int c, npos = 0, st;

	memset(o, 0, sizeof(*o));
	/* JSON from the first message on, a usage error before it too. */
	for (c = 1; c < argc && strcmp(argv[c], "--") != 0; c++)
		if (strcmp(argv[c], "--diagnostics=json") == 0 ||
		    (strcmp(argv[c], "--diagnostics") == 0 && c + 1 < argc &&
		    strcmp(argv[c + 1], "json") == 0))
			d->json = true;
	o->scale = 1 / PT_PER_PX;
	o->jobs = cpus();
	o->pdf_native = true;	/* --pdf-writer cairo: the reference */
	opterr = 0;
	for (;;) {
		/* "--": every argument after it is a command or a file. */
		if (optind < argc && strcmp(argv[optind], "--") == 0) {
			for (optind++; optind < argc; optind++)
				if ((st = add_positional(pos, &npos,
				    argv[optind], d)) >= 0)
					return st;
			break;
		}
		c = getopt_long(argc, argv, "+l:o:f:j:qhV", longopts, NULL);
		if (c == -1 && optind < argc) {
			/* "+": getopt stops at each argument; take it, go on. */
			if ((st = add_positional(pos, &npos, argv[optind],
			    d)) >= 0)
				return st;
			optind++;
			continue;
		}
		if (c == -1)
			break;
		if ((st = parse_option(c, argv, o, d)) >= 0)
			return st;
	}
	return check_command(pos, o, d);
}
