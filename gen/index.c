/* index.c - a sorted index of folded texts (see index.h). */
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "mem.h"
#include "table.h"
#include "word.h"

void index_add(struct index *x, const char *s, size_t n, size_t at, int as_term)
{
	struct name *m;

	x->v = xgrow(x->v, &x->cap, x->n + 1, sizeof *x->v);
	m = &x->v[x->n++];
	m->s = xmalloc(n + 1);
	if (as_term) {
		m->len = word_fold_term(m->s, s, n);
	} else {
		word_fold(m->s, s, n);
		m->len = n;
	}
	m->s[m->len] = '\0';
	m->at = at;
}

static int by_name(const void *a, const void *b)
{
	const struct name *x = a, *y = b;
	int c = table_compare(x->s, x->len, y->s, y->len);

	return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

void index_sort(struct index *x)
{
	xsort(x->v, x->n, sizeof *x->v, by_name);
}

unsigned long index_steps;

/* The first entry of x whose text is not below k's (above: if after). */
static size_t bound(const struct index *x, const struct name *k, int after)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = table_compare(x->v[mid].s, x->v[mid].len, k->s, k->len);

		index_steps++;
		if (c < 0 || (after && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct name *index_lookup(const struct index *x, const char *s, int as_term,
                                size_t *count)
{
	struct index key = { 0 };
	size_t first;

	/* Two binary searches: a text many entries share costs no more. */
	index_add(&key, s, strlen(s), 0, as_term);
	first = bound(x, &key.v[0], 0);
	*count = bound(x, &key.v[0], 1) - first;
	index_free(&key);
	return first < x->n ? &x->v[first] : NULL;
}

long index_find(const struct index *x, const char *s, int as_term)
{
	size_t count;
	const struct name *m = index_lookup(x, s, as_term, &count);

	return count ? (long)m->at : -1;
}

void index_free(struct index *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->v[i].s);
	free(x->v);
	memset(x, 0, sizeof *x);
}
