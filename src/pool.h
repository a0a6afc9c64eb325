/*
 * An ordered parallel loop: items 0 … n-1 are worked on by a pool of
 * threads in any order, and consumed on the calling thread strictly in
 * order, each as soon as it and all before it are done.  Rendering
 * uses it to lay out and paint pages in parallel while messages, the
 * PDF and the progress stay in page order: the output cannot depend on
 * the number of threads.
 */
#ifndef POOL_H
#define POOL_H

#include <stdbool.h>

struct pool_ops {
	/* Per-thread state, made in the thread that uses it; freed
	 * there once every item is consumed (results may use it). */
	void	*(*worker_new)(void *arg);
	void	 (*worker_free)(void *state, void *arg);
	/* Works on item i, in some thread. */
	void	 (*work)(void *state, int i, void *arg);
	/* Consumes item i, in order, on the calling thread; false stops
	 * the loop (no item after i is consumed). */
	bool	 (*consume)(int i, void *arg);
	/* An item worked on but not consumed, after a stop. */
	void	 (*discard)(int i, void *arg);
};

/*
 * Runs the loop on `threads` threads (1: everything on the calling
 * thread, no thread made).  At most `ahead` items are worked on or
 * waiting past the last consumed one, which bounds the memory their
 * results hold.  Returns the number of items consumed.
 */
int	pool_run(int n, int threads, int ahead, const struct pool_ops *,
	    void *arg);

#endif
