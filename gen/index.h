/*
 * index.h - a sorted index of folded texts (ASCII case), each with a
 * number: the vocabulary's words, the groups' topics and stems, the room
 * page's terms, the group pages' names.  The pages' checks look entries up
 * in it, in time that grows as the pages do, not as their product.
 *
 * Use: index_add() every entry, index_sort() once, then index_find() or
 * index_lookup(); index_free() at the end.
 */
#ifndef AUXCHAN_INDEX_H
#define AUXCHAN_INDEX_H

#include <stddef.h>

struct name {
	char *s;        /* folded, NUL-terminated */
	size_t len, at;
};

struct index {
	struct name *v;
	size_t n, cap;
};

/*
 * Adds the n bytes at s, case folded (as_term: as word_fold_term() folds a
 * term, joiners left out), numbered at.
 */
void index_add(struct index *x, const char *s, size_t n, size_t at, int as_term);

/* Sorts the entries: by text, then number. */
void index_sort(struct index *x);

/*
 * The entries whose text is s's (NUL-terminated, folded as index_add()
 * folds): the first, in number order, and their count in *count (0: none).
 */
const struct name *index_lookup(const struct index *x, const char *s, int as_term,
                                size_t *count);

/* The lowest number of the text s, or -1. */
long index_find(const struct index *x, const char *s, int as_term);

void index_free(struct index *x);

/* Entries index_lookup() compared, never reset: for the tests that the
 * pages' checks grow as the pages, not as their product. */
extern unsigned long index_steps;

#endif /* AUXCHAN_INDEX_H */
