/*
 * The ordered parallel loop of pool.h, on POSIX threads: one mutex,
 * one condition for "an item is done" (the consumer waits on it) and
 * one for "there is room ahead" (workers wait on it).  Workers take
 * the next item number under the lock; the consumer walks the done
 * flags in order.
 */
#include <pthread.h>
#include <stdlib.h>

#include "mem.h"
#include "pool.h"

struct pool {
	const struct pool_ops	*ops;
	void			*arg;
	int			 n, ahead;
	int			 next;		/* next item to hand out */
	int			 consumed;	/* items consumed so far */
	bool			 stop;
	bool			*done;
	pthread_mutex_t		 lock;
	pthread_cond_t		 done_cv, room_cv;
};

static void *
worker(void *v)
{
	struct pool *p = v;
	void *state = p->ops->worker_new(p->arg);

	for (;;) {
		int i;

		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->next < p->n &&
		    p->next >= p->consumed + p->ahead)
			pthread_cond_wait(&p->room_cv, &p->lock);
		if (p->stop || p->next >= p->n) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		p->ops->work(state, i, p->arg);
		pthread_mutex_lock(&p->lock);
		p->done[i] = true;
		pthread_cond_signal(&p->done_cv);
		pthread_mutex_unlock(&p->lock);
	}
	/*
	 * The state lives until every item is consumed: an item's result
	 * may still use it (a page's cairo recording draws the worker's
	 * cached image surfaces when the consumer replays it into the PDF;
	 * freeing them meanwhile was a double free under ASan, now and
	 * then, in cairo 1.16's snapshots).
	 */
	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->consumed < p->n)
		pthread_cond_wait(&p->room_cv, &p->lock);
	pthread_mutex_unlock(&p->lock);
	p->ops->worker_free(state, p->arg);
	return NULL;
}

static int
run_serial(int n, const struct pool_ops *ops, void *arg)
{
	void *state = ops->worker_new(arg);
	int i;

	for (i = 0; i < n; i++) {
		ops->work(state, i, arg);
		if (!ops->consume(i, arg)) {
			i++;
			break;
		}
	}
	ops->worker_free(state, arg);
	return i;
}

int
pool_run(int n, int threads, int ahead, const struct pool_ops *ops,
    void *arg)
{
	struct pool p = { 0 };
	pthread_t *tids;
	int i, made = 0;

	if (threads > n)
		threads = n;
	if (threads <= 1)
		return run_serial(n, ops, arg);
	p.ops = ops;
	p.arg = arg;
	p.n = n;
	p.ahead = ahead < threads ? threads : ahead;
	p.done = xcalloc((size_t)n, sizeof(*p.done));
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.done_cv, NULL);
	pthread_cond_init(&p.room_cv, NULL);
	tids = xcalloc((size_t)threads, sizeof(*tids));
	for (i = 0; i < threads; i++)
		if (pthread_create(&tids[made], NULL, worker, &p) == 0)
			made++;
	if (made == 0) {
		/* No thread could be made: do it all here. */
		free(tids);
		free(p.done);
		return run_serial(n, ops, arg);
	}
	for (i = 0; i < n; i++) {
		bool go;

		pthread_mutex_lock(&p.lock);
		while (!p.done[i])
			pthread_cond_wait(&p.done_cv, &p.lock);
		pthread_mutex_unlock(&p.lock);
		go = ops->consume(i, arg);
		pthread_mutex_lock(&p.lock);
		p.consumed = i + 1;
		if (!go)
			p.stop = true;
		pthread_cond_broadcast(&p.room_cv);
		pthread_mutex_unlock(&p.lock);
		if (!go)
			break;
	}
	for (i = 0; i < made; i++)
		pthread_join(tids[i], NULL);
	for (i = p.consumed; i < n; i++)
		if (p.done[i])
			ops->discard(i, arg);
	pthread_cond_destroy(&p.room_cv);
	pthread_cond_destroy(&p.done_cv);
	pthread_mutex_destroy(&p.lock);
	free(tids);
	free(p.done);
	return p.consumed;
}
