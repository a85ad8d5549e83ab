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

const struct name *index_lookup(const struct index *x, const char *s, int as_term,
                                size_t *count)
{
	size_t lo = 0, hi = x->n, end;
	struct index key = { 0 };
	const struct name *k;

	index_add(&key, s, strlen(s), 0, as_term);
	k = &key.v[0];
	while (lo < hi) { /* the first not below the key */
		size_t mid = lo + (hi - lo) / 2;

		if (table_compare(x->v[mid].s, x->v[mid].len, k->s, k->len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < x->n && !table_compare(x->v[end].s, x->v[end].len, k->s, k->len);
	     end++)
		;
	*count = end - lo;
	index_free(&key);
	return lo < x->n ? &x->v[lo] : NULL;
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
