/*
 * mem.h - allocation for auxchan-gen: a build tool, so running out of memory
 * ends the run with a message instead of threading NULL through every caller.
 */
#ifndef AUXCHAN_MEM_H
#define AUXCHAN_MEM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("auxchan-gen: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static inline void *xmalloc(size_t n)
{
	return xrealloc(NULL, n);
}

/* A NUL-terminated copy of the n bytes at s. */
static inline char *xmemdup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Grows *p (holding *cap elements of size sz) to hold at least need. */
static inline void *xgrow(void *p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return p;
	while (*cap < need)
		*cap = *cap ? *cap * 2 : 16;
	return xrealloc(p, *cap * sz);
}

/* qsort() for the arrays xgrow() builds: one never grown is NULL, which
 * qsort() must not be given even with no elements. */
static inline void xsort(void *p, size_t n, size_t sz, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(p, n, sz, cmp);
}

#endif /* AUXCHAN_MEM_H */
