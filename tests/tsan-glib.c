/*
 * make deep: linked into build-tsan/brochure-tsan only.  GLib 2.74 builds
 * GMutex and GCond on bare futexes, which ThreadSanitizer cannot see, so
 * every section under text.c's shape_lock (and Pango's own GMutexes)
 * looked unordered and TSan reported races in shaping that the lock
 * prevents.  These wrappers call GLib's functions and tell TSan what
 * they did: a lock is an acquire, an unlock a release.  Compiled
 * without -fsanitize=thread, so the lazy dlsym below is not itself
 * reported.  GLib's calls inside GLib do not come through here (it
 * binds them to itself): tests/tsan.supp covers what that leaves.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>
#include <sanitizer/tsan_interface.h>

typedef void (*lock_fn)(GMutex *);
typedef gboolean (*trylock_fn)(GMutex *);
typedef void (*wait_fn)(GCond *, GMutex *);
typedef gboolean (*wait_until_fn)(GCond *, GMutex *, gint64);

/* GLib's own function NAME, found once (every caller gets the same). */
#define REAL(type, name) \
	static type real; \
	if (real == NULL) \
		real = (type)dlsym(RTLD_NEXT, name)

void
g_mutex_lock(GMutex *m)
{
	REAL(lock_fn, "g_mutex_lock");
	real(m);
	__tsan_acquire(m);
}

gboolean
g_mutex_trylock(GMutex *m)
{
	REAL(trylock_fn, "g_mutex_trylock");
	if (!real(m))
		return FALSE;
	__tsan_acquire(m);
	return TRUE;
}

void
g_mutex_unlock(GMutex *m)
{
	REAL(lock_fn, "g_mutex_unlock");
	__tsan_release(m);
	real(m);
}

/* A wait lets the mutex go and takes it again. */
void
g_cond_wait(GCond *c, GMutex *m)
{
	REAL(wait_fn, "g_cond_wait");
	__tsan_release(m);
	real(c, m);
	__tsan_acquire(m);
}

gboolean
g_cond_wait_until(GCond *c, GMutex *m, gint64 end)
{
	gboolean r;

	REAL(wait_until_fn, "g_cond_wait_until");
	__tsan_release(m);
	r = real(c, m, end);
	__tsan_acquire(m);
	return r;
}
