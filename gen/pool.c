/* pool.c - a string pool for generated tables (see pool.h). */
#include <stdlib.h>
#include <string.h>

#include "gperf.h"
#include "mem.h"
#include "pool.h"
#include "table.h"

size_t pool_add_bytes(struct pool *p, const char *s, size_t n)
{
	size_t cap = p->cap;

	p->s = xgrow(p->s, &cap, p->n + 1, sizeof *p->s);
	p->len = xrealloc(p->len, cap * sizeof *p->len);
	p->cap = cap;
	p->s[p->n] = s;
	p->len[p->n] = n;
	return p->n++;
}

size_t pool_add(struct pool *p, const char *s)
{
	return pool_add_bytes(p, s, strlen(s));
}

static const struct pool *sort_pool;

/* Orders strings by their bytes read backwards; then by order added. */
static int by_reversed(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const char *s = sort_pool->s[x], *t = sort_pool->s[y];
	size_t i = sort_pool->len[x], j = sort_pool->len[y];

	while (i > 0 && j > 0) {
		unsigned char c = (unsigned char)s[--i], d = (unsigned char)t[--j];

		if (c != d)
			return c < d ? -1 : 1;
	}
	if (i != j)
		return i < j ? -1 : 1; /* the shorter, a suffix of the other, first */
	return x < y ? -1 : x > y;
}

static int is_suffix(const struct pool *p, size_t a, size_t b)
{
	return p->len[a] <= p->len[b] &&
	       memcmp(p->s[a], p->s[b] + p->len[b] - p->len[a], p->len[a]) == 0;
}

/* Lays out the pool: roots in the order their first string was added. */
void pool_layout(struct pool *p)
{
	size_t *ix = xmalloc(p->n * sizeof *ix);

	p->off = xmalloc(p->n * sizeof *p->off);
	p->root = xmalloc(p->n * sizeof *p->root);
	p->order = xmalloc(p->n * sizeof *p->order);
	for (size_t i = 0; i < p->n; i++)
		ix[i] = i;
	sort_pool = p;
	xsort(ix, p->n, sizeof *ix, by_reversed);
	for (size_t k = p->n; k-- > 0;) {
		size_t i = ix[k], next = k + 1 < p->n ? ix[k + 1] : i;
		int shared = next != i && is_suffix(p, i, next);

		p->root[i] = shared ? p->root[next] : i;
		if (!shared || p->len[i] != p->len[next]) /* not a repeat */
			p->distinct += p->len[i] + 1;
	}
	for (size_t i = 0; i < p->n; i++)
		p->off[i] = (size_t)-1;
	for (size_t i = 0; i < p->n; i++) {
		size_t r = p->root[i];

		if (p->off[r] == (size_t)-1) {
			p->off[r] = p->size;
			p->size += p->len[r] + 1;
			p->order[p->nroots++] = r;
		}
	}
	for (size_t i = 0; i < p->n; i++)
		p->off[i] = p->off[p->root[i]] + p->len[p->root[i]] - p->len[i];
	free(ix);
}

void pool_free(struct pool *p)
{
	free(p->s);
	free(p->len);
	free(p->off);
	free(p->root);
	free(p->order);
}

void pool_write(FILE *f, const struct pool *p, const char *name, const char *upper)
{
	char *b = xmalloc(p->size);

	for (size_t k = 0; k < p->nroots; k++) {
		size_t i = p->order[k];

		memcpy(b + p->off[i], p->s[i], p->len[i]);
		b[p->off[i] + p->len[i]] = '\0';
	}
	table_put_bytes(f, "char", name, upper, b, p->size);
	free(b);
}
