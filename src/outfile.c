/*
 * Atomic output: a temporary file beside the target, rename() at the
 * end.  A short hidden name (".brochure-XXXXXX", whatever the target is
 * called) keeps the temporary out of globs and lets a target name of up
 * to the file system's 255 bytes be written; watch.c skips hidden
 * names.  On SIGTERM, SIGINT and SIGHUP every temporary in progress is
 * removed before the process dies of the signal (below).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>

#include "confine.h"
#include "mem.h"
#include "outfile.h"

struct outfile {
	char	*path;
	char	*tmp;
	FILE	*fp;
	int	 slot;		/* in the signal registry */
};

static pthread_once_t umask_once = PTHREAD_ONCE_INIT;
/*
 * The process's umask, read once.  umask() can only be read by setting
 * it, and setting it from worker threads let one thread's umask(0)
 * leak into another's files (world-writable outputs at -j 16); Linux
 * shows it in /proc/self/status, and where that is missing the toggle
 * happens once, before any output file exists.  Written once under
 * pthread_once, read-only after.
 */
static mode_t file_umask;

static void
read_umask(void)
{
	FILE *f = fopen("/proc/self/status", "re");
	char line[128];
	unsigned int m;

	if (f != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (sscanf(line, "Umask: %o", &m) == 1) {
				file_umask = (mode_t)m & 0777;
				fclose(f);
				return;
			}
		fclose(f);
	}
	file_umask = umask(022);
	umask(file_umask);
}

/*
 * The signal registry: a signal handler reaches only what is global, so
 * this table is the program's one mutable global besides the umask.  A
 * slot per temporary file in progress, claimed and released with
 * atomics (a handler can take no lock):
 *
 *	FREE ─take─▶ TAKEN ─path set─▶ CLAIMED ─open()─▶ LIVE
 *	  ▲           (handler skips)   (file may exist)   │
 *	  └──────── release: after rename() or unlink() ───┘
 *
 * The handler sets `closing`, then removes the file of every CLAIMED or
 * LIVE slot.  A thread reads `closing` after it publishes a slot (before
 * it creates the file) and after it releases one (before it frees the
 * path); finding it set, it waits for the process to die instead.  Both
 * sides store then load, sequentially consistent, so at least one sees
 * the other: a file is either seen by the handler or never created,
 * and a path the handler may read is never freed.  Another thread's
 * CLAIMED slot may be inside open(): the handler waits for it (a second
 * at most, for all) so that a file made just then goes too; its own thread's is
 * removed at once (that thread runs no further).  The temporary's name
 * is made here, not by mkstemp(), so that it is published before the
 * file exists.
 */
#define SLOTS		512	/* --jobs is at most 256: a page file each,
				   and the PDF, its copy with print boxes,
				   the dump, manifest and gallery */
#define OPEN_WAIT_MS	1000

enum { SLOT_FREE, SLOT_TAKEN, SLOT_CLAIMED, SLOT_LIVE };

struct slot {
	atomic_int		 state;
	atomic_int		 owner;	/* the thread's id (gettid) */
	_Atomic(const char *)	 path;	/* the temporary, owned by its outfile */
};

_Static_assert(ATOMIC_INT_LOCK_FREE == 2 && ATOMIC_POINTER_LOCK_FREE == 2,
    "a signal handler may only use lock-free atomics");

static struct slot slots[SLOTS];
static atomic_int closing;

static int
thread_id(void)
{
	return (int)syscall(SYS_gettid);
}

/* The process is dying of a signal, on another thread: wait for it. */
static void
park(void)
{
	for (;;)
		pause();
}

static int
slot_take(void)
{
	int i, want;

	for (i = 0; i < SLOTS; i++) {
		want = SLOT_FREE;
		if (atomic_compare_exchange_strong(&slots[i].state, &want,
		    SLOT_TAKEN))
			return i;
	}
	return -1;
}

/* After the slot's file is renamed or removed. */
static void
slot_release(int i)
{
	atomic_store(&slots[i].state, SLOT_FREE);
	if (atomic_load(&closing))
		park();
}

/* Creates tmp (0600, O_EXCL) through slot i; the fd, or -1 and errno. */
static int
slot_create(int i, const char *tmp)
{
	struct slot *s = &slots[i];
	int fd, err;

	atomic_store(&s->path, tmp);
	atomic_store(&s->owner, thread_id());
	atomic_store(&s->state, SLOT_CLAIMED);
	if (atomic_load(&closing)) {
		atomic_store(&s->state, SLOT_FREE);
		park();
	}
	fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	err = errno;
	atomic_store(&s->state, fd >= 0 ? SLOT_LIVE : SLOT_TAKEN);
	errno = err;
	return fd;
}

/*
 * SIGTERM, SIGINT, SIGHUP: remove the temporaries, then die of the
 * signal as if never caught (the parent sees status 128 + sig).  Only
 * async-signal-safe calls.
 */
static void
on_signal(int sig)
{
	const struct timespec ms = { 0, 1000000 };
	struct sigaction dfl;
	sigset_t set;
	int i, st, waited = 0, me = thread_id();

	atomic_store(&closing, 1);
	for (i = 0; i < SLOTS; i++) {
		st = atomic_load(&slots[i].state);
		/* OPEN_WAIT_MS for all of them: open() on a hung NFS. */
		for (; st == SLOT_CLAIMED && waited < OPEN_WAIT_MS &&
		    atomic_load(&slots[i].owner) != me; waited++) {
			nanosleep(&ms, NULL);
			st = atomic_load(&slots[i].state);
		}
		if (st == SLOT_CLAIMED || st == SLOT_LIVE)
			unlink(atomic_load(&slots[i].path));
	}
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

void
outfile_catch_signals(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		/* Ignored from the start (nohup, a background job): kept so. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

/* Six random letters or digits over the XXXXXX at the end of tmp. */
static void
name_tmp(char *tmp)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	char *x = tmp + strlen(tmp) - 6;
	int i;

	for (i = 0; i < 6; i++)
		x[i] = chars[g_random_int_range(0, sizeof(chars) - 1)];
}

#define NAME_TRIES	100

/*
 * What path is if it is not a file that a rename may replace: a FIFO, a
 * device or a socket (through any links), or one of this process's
 * descriptors (/dev/stdout, /dev/fd/1, /proc/self/fd/1), whatever it
 * leads to.  Renamed over, the new file would take the place of the
 * link or the node — as root, /dev/stdout's for everyone.  NULL if it
 * is a file, a folder (the rename reports that) or not there yet.
 */
static const char *
not_a_file(const char *path)
{
	struct stat st;
	char *dir = g_path_get_dirname(path), *real = realpath(dir, NULL);
	char *link = g_file_read_link(path, NULL);
	bool fd = (real != NULL && strncmp(real, "/proc/", 6) == 0) ||
	    (link != NULL && strncmp(link, "/proc/", 6) == 0);

	g_free(dir);
	free(real);
	g_free(link);
	if (fd)
		return "a descriptor of the process";
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		return confine_kind_name(st.st_mode);
	return NULL;
}

struct outfile *
outfile_open(const char *path, struct diag *d)
{
	struct diag_pos pos = { path, 0, 0 };
	struct outfile *of;
	const char *why;
	char *dir;
	int fd = -1, err = EMFILE, tries;

	pthread_once(&umask_once, read_umask);
	if ((why = not_a_file(path)) != NULL) {
		diag_error(d, &pos, "cannot write: not a regular file (%s); "
		    "an output is written whole, then moved into place", why);
		return NULL;
	}
	dir = g_path_get_dirname(path);
	/* out/brochure.pdf on a fresh clone: make out/ first. */
	g_mkdir_with_parents(dir, 0777);
	of = xcalloc(1, sizeof(*of));
	of->path = xstrdup(path);
	of->tmp = g_strdup_printf("%s/.brochure-XXXXXX", dir);
	g_free(dir);
	/* No slot: more files at once than SLOTS says can happen. */
	if ((of->slot = slot_take()) >= 0)
		err = EEXIST;
	for (tries = 0; fd < 0 && err == EEXIST && tries < NAME_TRIES;
	    tries++) {
		name_tmp(of->tmp);
		if ((fd = slot_create(of->slot, of->tmp)) < 0)
			err = errno;
	}
	if (fd >= 0 && (of->fp = fdopen(fd, "wb")) == NULL) {
		err = errno;
		close(fd);
		unlink(of->tmp);
		fd = -1;
	}
	if (fd < 0) {
		diag_error(d, &pos, "cannot write: %s", strerror(err));
		if (of->slot >= 0)
			slot_release(of->slot);
		g_free(of->tmp);
		free(of->path);
		free(of);
		return NULL;
	}
	/* Made 0600 as mkstemp() would; outputs are ordinary files. */
	fchmod(fd, 0666 & ~file_umask);
	return of;
}

FILE *
outfile_fp(struct outfile *of)
{
	return of->fp;
}

const char *
outfile_path(const struct outfile *of)
{
	return of->path;
}

const char *
outfile_tmp(const struct outfile *of)
{
	return of->tmp;
}

char *
outfile_write_path(const struct outfile *of)
{
	char *p = g_strdup_printf("/proc/self/fd/%d", fileno(of->fp));

	if (access(p, W_OK) == 0)
		return p;
	g_free(p);
	return g_strdup(of->tmp);
}

static void
release(struct outfile *of)
{
	g_free(of->tmp);
	free(of->path);
	free(of);
}

bool
outfile_commit(struct outfile *of, struct diag *d)
{
	struct diag_pos pos = { of->path, 0, 0 };
	bool bad = ferror(of->fp) != 0;
	int err = errno;

	if (fclose(of->fp) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (!bad && rename(of->tmp, of->path) != 0) {
		bad = true;
		err = errno;
	}
	if (bad) {
		diag_error(d, &pos, "cannot write: %s", strerror(err));
		unlink(of->tmp);
	}
	slot_release(of->slot);
	release(of);
	return !bad;
}

void
outfile_abort(struct outfile *of)
{
	if (of == NULL)
		return;
	fclose(of->fp);
	unlink(of->tmp);
	slot_release(of->slot);
	release(of);
}
