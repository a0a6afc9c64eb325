/*
 * The review gallery: one static HTML page, no external resource, that
 * works from file:// and in a CI artifact viewer.  Each picture is a
 * figure: the image (scaled by CSS, linked to the full file), the key
 * and layout under it, and the diagnostics about that page beside it.
 * A small inline script outlines any image that failed to load and
 * records the count on <body data-images="N BAD">, which the tests read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "gallery.h"
#include "mem.h"
#include "outfile.h"
#include "report.h"

/* A figure, kept until the page is written: a link may yet go. */
struct figure {
	char			*image, *link, *fragment, *caption, *detail;
	int			 width, height;
	bool			 flagged;	/* a warning or an error */
	bool			 failed;	/* not written; pictured */
	char			**msgs;
	enum diag_level		*levels;
	size_t			 nmsgs;
};

struct gallery {
	char		*title;
	char		*dir;		/* gallery_open's folder, or NULL */
	GPtrArray	*figures;	/* struct figure * */
	GPtrArray	*links;		/* file, text, file, text, …: above
					   the grid (the PDF) */
	int		 flagged;
	int		 failed;
};

static const char style[] =
"body{font:14px/1.45 system-ui,-apple-system,'Noto Sans KR',sans-serif;"
"margin:24px;background:#f3f3f0;color:#1a1a1a}"
"h1{font-size:20px;margin:0 0 4px}p{margin:0 0 16px;color:#4a4a4a}"
".grid{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}"
"figure{margin:0;background:#fff;border:1px solid #d8d8d4;padding:10px;"
"width:260px}"
"figure.flagged{border-color:#c77700;box-shadow:0 0 0 2px #ffd28a}"
"figure.failed{border-color:#b00020;box-shadow:0 0 0 2px #f4b4be}"
"figure.failed a{position:relative;display:block}"
"figure.failed a::after{content:'not written';position:absolute;top:6px;"
"left:6px;background:#b00020;color:#fff;font-size:11px;font-weight:600;"
"padding:1px 6px;border-radius:3px}"
"figure img{display:block;max-width:100%;height:auto;"
"border:1px solid #eee;background:#fafafa}"
"figcaption{margin-top:8px;font-weight:600;word-break:break-all}"
"figcaption span{font-weight:400;color:#666;margin-left:6px}"
"ul{margin:6px 0 0;padding-left:16px;font-size:12px;color:#8a4b00}"
"li.error{color:#b00020}li.note{color:#666}"
"img.missing{outline:3px solid #b00020;min-height:40px}";

static const char script[] =
"window.addEventListener('load',function(){"
"var m=document.images,b=0,i;"
"for(i=0;i<m.length;i++)if(!m[i].complete||m[i].naturalWidth===0)"
"{b++;m[i].className+=' missing';}"
"document.body.setAttribute('data-images',m.length+' '+b);});";

static void
html(GString *s, const char *text)
{
	for (; *text; text++)
		switch (*text) {
		case '&':
			g_string_append(s, "&amp;");
			break;
		case '<':
			g_string_append(s, "&lt;");
			break;
		case '>':
			g_string_append(s, "&gt;");
			break;
		case '"':
			g_string_append(s, "&quot;");
			break;
		default:
			g_string_append_c(s, *text);
		}
}

/* A file name as a relative URL: every byte outside a safe set is
 * percent-encoded (ids are [a-z0-9-], but the PDF's name is the user's). */
static void
url(GString *s, const char *path)
{
	char *e = g_uri_escape_string(path, "/", FALSE);

	html(s, e);
	g_free(e);
}

static void
free_figure(gpointer v)
{
	struct figure *f = v;
	size_t i;

	g_free(f->image);
	g_free(f->link);
	g_free(f->fragment);
	g_free(f->caption);
	g_free(f->detail);
	for (i = 0; i < f->nmsgs; i++)
		g_free(f->msgs[i]);
	free(f->msgs);
	free(f->levels);
	free(f);
}

struct gallery *
gallery_new(const char *title)
{
	struct gallery *g = xcalloc(1, sizeof(*g));

	g->title = g_strdup(title);
	g->figures = g_ptr_array_new_with_free_func(free_figure);
	g->links = g_ptr_array_new_with_free_func(g_free);
	return g;
}

void
gallery_link(struct gallery *g, const char *file, const char *text)
{
	g_ptr_array_add(g->links, g_strdup(file));
	g_ptr_array_add(g->links, g_strdup(text));
}

void
gallery_unlink(struct gallery *g, const char *file)
{
	guint i;

	for (i = 0; i < g->links->len; i += 2)
		if (strcmp(g_ptr_array_index(g->links, i), file) == 0) {
			g_ptr_array_remove_range(g->links, i, 2);
			i -= 2;
		}
	for (i = 0; i < g->figures->len; i++) {
		struct figure *f = g_ptr_array_index(g->figures, i);

		if (f->link != NULL && strcmp(f->link, file) == 0) {
			g_clear_pointer(&f->link, g_free);
			g_clear_pointer(&f->fragment, g_free);
		}
	}
}

void
gallery_add(struct gallery *g, const struct gallery_item *it)
{
	struct figure *f = xcalloc(1, sizeof(*f));
	size_t i;

	f->image = g_strdup(it->image);
	f->link = g_strdup(it->link);
	f->fragment = g_strdup(it->fragment);
	f->caption = g_strdup(it->caption);
	f->detail = g_strdup(it->detail);
	f->width = it->width;
	f->height = it->height;
	f->nmsgs = it->nmsgs;
	f->msgs = xcalloc(it->nmsgs + 1, sizeof(*f->msgs));
	f->levels = xcalloc(it->nmsgs + 1, sizeof(*f->levels));
	for (i = 0; i < it->nmsgs; i++) {
		f->msgs[i] = g_strdup(it->msgs[i]);
		f->levels[i] = it->levels[i];
		f->flagged = f->flagged || it->levels[i] != DIAG_NOTE;
	}
	f->failed = it->failed;
	g->flagged += f->flagged;
	g->failed += f->failed;
	g_ptr_array_add(g->figures, f);
}

/* One figure: the picture (or "(not written)"), its caption, its
 * diagnostics. */
static void
write_figure(GString *s, const struct figure *f)
{
	size_t i;

	g_string_append_printf(s, "<figure%s><a href=\"",
	    f->failed ? " class=\"flagged failed\"" :
	    f->flagged ? " class=\"flagged\"" : "");
	url(s, f->link ? f->link : f->image ? f->image : "");
	if (f->link != NULL && f->fragment != NULL) {
		g_string_append_c(s, '#');
		html(s, f->fragment);
	}
	if (f->image != NULL) {
		g_string_append(s, "\"><img src=\"");
		url(s, f->image);
		g_string_append(s, "\" alt=\"");
		html(s, f->caption);
		g_string_append_printf(s, "\" width=\"%d\" height=\"%d\">"
		    "</a>", f->width, f->height);
	} else
		g_string_append(s, "\">(not written)</a>");
	g_string_append(s, "<figcaption>");
	html(s, f->caption);
	if (f->detail != NULL) {
		g_string_append(s, "<span>");
		html(s, f->detail);
		g_string_append(s, "</span>");
	}
	g_string_append(s, "</figcaption>");
	if (f->nmsgs > 0) {
		static const char *const cls[DIAG__MAX] = {
			[DIAG_NOTE] = "note", [DIAG_WARNING] = "warning",
			[DIAG_ERROR] = "error",
		};

		g_string_append(s, "<ul>");
		for (i = 0; i < f->nmsgs; i++) {
			g_string_append_printf(s, "<li class=\"%s\">",
			    cls[f->levels[i]]);
			html(s, f->msgs[i]);
			g_string_append(s, "</li>");
		}
		g_string_append(s, "</ul>");
	}
	g_string_append(s, "</figure>\n");
}

bool
gallery_write(struct gallery *g, const char *path, struct diag *d)
{
	struct outfile *of = outfile_open(path, d);
	GString *s;
	guint i;

	if (of == NULL)
		return false;
	s = g_string_new("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>");
	html(s, g->title);
	g_string_append_printf(s, "</title>\n<style>%s</style>\n</head>\n"
	    "<body>\n<h1>", style);
	html(s, g->title);
	g_string_append_printf(s, "</h1>\n<p>%u page%s, %d with "
	    "diagnostics", g->figures->len,
	    g->figures->len == 1 ? "" : "s", g->flagged);
	if (g->failed > 0)
		g_string_append_printf(s, ", %d not written", g->failed);
	g_string_append(s, "</p>\n");
	for (i = 0; i < g->links->len; i += 2) {
		g_string_append(s, "<p><a href=\"");
		url(s, g_ptr_array_index(g->links, i));
		g_string_append(s, "\">");
		html(s, g_ptr_array_index(g->links, i + 1));
		g_string_append(s, "</a></p>\n");
	}
	g_string_append(s, "<div class=\"grid\">\n");
	for (i = 0; i < g->figures->len; i++)
		write_figure(s, g_ptr_array_index(g->figures, i));
	g_string_append_printf(s, "</div>\n<script>%s</script>\n</body>\n"
	    "</html>\n", script);
	fputs(s->str, outfile_fp(of));
	g_string_free(s, TRUE);
	return outfile_commit(of, d);
}

void
gallery_free(struct gallery *g)
{
	if (g == NULL)
		return;
	g_free(g->title);
	g_free(g->dir);
	g_ptr_array_free(g->figures, TRUE);
	g_ptr_array_free(g->links, TRUE);
	free(g);
}

/* The real path of the gallery's folder, made if need be; or NULL. */
static char *
find_dir(const char *out, bool dir)
{
	char *parent, *real;

	if (dir)
		return realpath(out, NULL);
	parent = g_path_get_dirname(out);
	g_mkdir_with_parents(parent, 0777);
	real = realpath(parent, NULL);
	g_free(parent);
	return real;
}

struct gallery *
gallery_open(const char *out, bool dir, const char *data,
    const char *const *stems, size_t nstems, bool pdf, bool thumbs,
    struct diag *d)
{
	char *real = find_dir(out, dir);
	GString *title;
	struct gallery *g;
	size_t i;

	if (real == NULL) {
		struct diag_pos pos = { out, 0, 0 };

		diag_error(d, &pos, "cannot find the folder for the "
		    "gallery: %s", strerror(errno));
		return NULL;
	}
	if (thumbs) {
		char *pages = g_build_filename(real, "pages", NULL);

		g_mkdir_with_parents(pages, 0777);
		g_free(pages);
	}
	title = g_string_new(data);
	for (i = 0; i < nstems; i++)
		g_string_append_printf(title, "%s%s", i ? ", " : " × ",
		    stems[i]);
	g = gallery_new(title->str);
	g_string_free(title, TRUE);
	g->dir = g_strdup(real);
	free(real);
	if (pdf) {
		char *base = g_path_get_basename(out);

		gallery_link(g, base, base);
		g_free(base);
	}
	return g;
}

const char *
gallery_dir(const struct gallery *g)
{
	return g->dir;
}

/* A path under the gallery's folder, relative to it. */
static const char *
rel(const struct gallery *g, const char *path)
{
	size_t n = g->dir != NULL ? strlen(g->dir) : 0;

	if (n > 0 && strncmp(path, g->dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

void
gallery_add_page(struct gallery *g, const struct gallery_page *p)
{
	struct gallery_item it = { 0 };
	size_t k, n = report_log_len(p->log);
	const char **msgs = xcalloc(n + 1, sizeof(*msgs));
	enum diag_level *levels = xcalloc(n + 1, sizeof(*levels));
	char *caption = NULL, *link = NULL, *fragment = NULL;

	for (k = 0; k < n; k++) {
		const struct diag_msg *m = report_log_get(p->log, k);

		msgs[k] = m->line;
		levels[k] = m->shown;	/* as the line says it */
	}
	it.msgs = msgs;
	it.levels = levels;
	it.nmsgs = n;
	it.caption = p->key;
	it.detail = p->layout;
	if (p->number > 0) {
		caption = g_strdup_printf("%d · %s", p->number, p->key);
		it.caption = caption;
		link = g_path_get_basename(p->pdf);
		fragment = g_strdup_printf("page=%d", p->number);
		it.fragment = fragment;
	} else if (p->file != NULL)
		link = g_path_get_basename(p->file);	/* in the folder */
	it.link = link;
	if (!p->ok && p->thumb != NULL) {
		/* no file to open: the picture opens itself */
		it.image = it.link = rel(g, p->thumb);
		it.fragment = NULL;
		it.width = p->tw;
		it.height = p->th;
		it.failed = true;
	} else if (p->ok && p->thumb != NULL) {
		it.image = rel(g, p->thumb);
		it.width = p->tw;
		it.height = p->th;
	} else if (p->ok && p->number == 0 && p->picture) {
		it.image = link;
		it.width = (int)p->w;
		it.height = (int)p->h;
	}
	gallery_add(g, &it);
	g_free(fragment);
	g_free(caption);
	g_free(link);
	free(msgs);
	free(levels);
}
