/*
 * Unit tests for outfile.c: the temporary beside an output has a short
 * name of its own, and every file gets 0666 less the umask even when
 * many threads open files at once (the umask was once toggled from
 * worker threads, and one thread's umask(0) leaked into another's
 * files: 13 of 2,000 were 0666 at -j 16).  That race is too narrow to
 * lose reliably on a small machine, so umask() is wrapped here and
 * counts every call that changes the process-wide mask.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "testutil.h"
#include "outfile.h"

static atomic_int umask_changes;

/* Linked before libc's, so outfile.c calls this one. */
mode_t
umask(mode_t mask)
{
	mode_t old = (mode_t)syscall(SYS_umask, mask);

	if (old != mask)
		atomic_fetch_add(&umask_changes, 1);
	return old;
}

#define THREADS	8
#define FILES	300

struct job {
	char	dir[64];
	int	 t;
	int	 bad;	/* files whose mode was not 0644 */
};

static void *
open_many(void *v)
{
	struct job *j = v;
	struct diag d;
	char path[128];
	struct stat st;
	int i;

	diag_init(&d, stderr);
	for (i = 0; i < FILES; i++) {
		struct outfile *of;

		snprintf(path, sizeof(path), "%s/t%d-%d.png", j->dir, j->t, i);
		of = outfile_open(path, &d);
		if (of == NULL) {
			j->bad++;
			continue;
		}
		fputs("x", outfile_fp(of));
		if (!outfile_commit(of, &d) || stat(path, &st) != 0 ||
		    (st.st_mode & 07777) != 0644)
			j->bad++;
		unlink(path);
	}
	return NULL;
}

static void
test_modes_under_threads(void **state)
{
	char dir[] = "/tmp/outfile-test-XXXXXX";
	pthread_t tid[THREADS];
	struct job jobs[THREADS];
	mode_t old = umask(022);
	int i, bad = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	atomic_store(&umask_changes, 0);
	for (i = 0; i < THREADS; i++) {
		snprintf(jobs[i].dir, sizeof(jobs[i].dir), "%s", dir);
		jobs[i].t = i;
		jobs[i].bad = 0;
		assert_int_equal(pthread_create(&tid[i], NULL, open_many,
		    &jobs[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		pthread_join(tid[i], NULL);
		bad += jobs[i].bad;
	}
	rmdir(dir);
	if (atomic_load(&umask_changes) != 0)
		fail_msg("opening files changed the process's umask %d times "
		    "(a thread opening a file then may use umask 0)",
		    atomic_load(&umask_changes));
	assert_int_equal(umask(old), 022);	/* and left as it was */
	if (bad != 0)
		fail_msg("%d of %d files were not 0644 under umask 022", bad,
		    THREADS * FILES);
}

static void
test_long_name(void **state)
{
	char dir[] = "/tmp/outfile-test-XXXXXX";
	char path[512], name[256];
	struct capture c;
	struct outfile *of;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* 255 bytes: the longest name the file system takes. */
	memset(name, 'a', 251);
	memcpy(name + 251, ".png", 5);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	capture_begin(&c);
	of = outfile_open(path, &c.d);
	assert_non_null(of);
	assert_true(strlen(strrchr(outfile_tmp(of), '/')) < 32);
	assert_true(outfile_commit(of, &c.d));
	capture_end(&c);
	assert_int_equal(access(path, F_OK), 0);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modes_under_threads),
		cmocka_unit_test(test_long_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
