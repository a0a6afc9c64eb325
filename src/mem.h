/*
 * Memory: allocation that never returns NULL (it prints one line and
 * exits), and arenas that let a stage free its whole tree at once.
 */
#ifndef MEM_H
#define MEM_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);

struct arena;

/* An arena owns every block allocated from it; arena_free() frees them. */
struct arena	*arena_new(void);
void		 arena_free(struct arena *);
void		*arena_alloc(struct arena *, size_t);	/* zeroed */
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * A growable array of pointers inside an arena: push, then read
 * v->items[0 .. v->n).  The storage belongs to the arena.
 */
struct ptrvec {
	void	**items;
	size_t	  n;
	size_t	  cap;
};
void	ptrvec_push(struct arena *, struct ptrvec *, void *);

#endif
