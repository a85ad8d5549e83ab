/*
 * allocations.h - counts every allocation of a test program, to prove the
 * library makes none.  glibc lets a program replace malloc: every
 * allocation of the process, libc's own included, comes through here.  A
 * sanitizer brings its own allocator: there nothing is counted (see
 * CHECK_SANITIZED in check.h, included first).
 */
#ifndef AUXCHAN_ALLOCATIONS_H
#define AUXCHAN_ALLOCATIONS_H

#include <stddef.h>

static unsigned long allocations;

#if !CHECK_SANITIZED
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

void *malloc(size_t n)
{
	allocations++;
	return __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
	allocations++;
	return __libc_calloc(n, m);
}

void *realloc(void *p, size_t n)
{
	allocations++;
	return __libc_realloc(p, n);
}

void free(void *p)
{
	if (p)
		allocations++;
	__libc_free(p);
}
#endif

#endif
