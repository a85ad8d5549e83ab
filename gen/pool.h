/*
 * pool.h - a string pool for generated tables: every string stored once,
 * addressed by its offset.  Equal strings are stored once, and a string
 * that ends another one is stored inside it: an alias inside its matrix.to
 * URL, "" in any NUL.  Sorted by their reversed bytes, a string is a suffix
 * of another exactly when it is a suffix of its successor, as in SQLite's
 * mkkeywordhash.
 */
#ifndef AUXCHAN_POOL_H
#define AUXCHAN_POOL_H

#include <stddef.h>
#include <stdio.h>

struct pool {
	const char **s;  /* strings, in the order added */
	size_t *len;
	size_t *off;     /* their offsets, once laid out */
	size_t *root;    /* the string each one is stored in */
	size_t *order;   /* the roots, in pool order */
	size_t n, cap, nroots;
	size_t size;     /* bytes of the pool */
	size_t distinct; /* bytes of the distinct strings, with their NULs */
};

/* Adds the NUL-terminated s (kept, not copied): returns its number. */
size_t pool_add(struct pool *p, const char *s);

/* Adds the n bytes at s (kept, not copied; no NUL among them). */
size_t pool_add_bytes(struct pool *p, const char *s, size_t n);

/* Lays out the pool: sets off[] of every string, size and distinct. */
void pool_layout(struct pool *p);

/*
 * Writes the pool as C: its bytes, each string followed by a NUL, as
 * NAME (table_put_bytes()), and UPPER, a const char * to them.
 */
void pool_write(FILE *f, const struct pool *p, const char *name, const char *upper);

void pool_free(struct pool *p);

#endif /* AUXCHAN_POOL_H */
