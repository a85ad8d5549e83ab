/* group.c - groups of rooms (see group.h). */
#include <string.h>

#include "group.h"
#include "key.h"
#include "mem.h"

unsigned long group_steps;

size_t group_stem(const char *lp, size_t n)
{
	while (n > 0 && lp[n - 1] != '-')
		n--;
	return n ? n - 1 : 0;
}

size_t group_topic(const char *name, const char **start)
{
	const char *colon = strchr(name, ':'), *last;

	/* "SIG:" or "Committee: ": a first word ending in ':' is a prefix. */
	if (colon && colon > name && !memchr(name, ' ', (size_t)(colon - name))) {
		name = colon + 1;
		while (*name == ' ')
			name++;
	}
	*start = name;
	last = strrchr(name, ' ');
	return last ? (size_t)(last - name) : strlen(name);
}

/* ---- Rooms by key -------------------------------------------------------
 * Room indices sorted by key (ignoring ASCII case), then page order: equal
 * keys form runs, whose first member is the first room in page order.
 */
static const struct page *sort_page;
static group_key *sort_key; /* qsort has no context argument in C11 */

static int key_order(size_t x, size_t y)
{
	size_t n, m;
	const char *a = sort_key(&sort_page->rooms[x], &n), *b = sort_key(&sort_page->rooms[y], &m);

	group_steps++;
	return key_order_fold(a, n, b, m);
}

static int by_key(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int order = key_order(x, y);

	return order ? order : x < y ? -1 : x > y;
}

void group_by(const struct page *pg, group_key *key, size_t *first)
{
	size_t *ix = xmalloc(pg->n * sizeof *ix), n;

	for (size_t i = 0; i < pg->n; i++)
		ix[i] = i;
	sort_page = pg;
	sort_key = key;
	xsort(ix, pg->n, sizeof *ix, by_key);
	for (size_t i = 0, run = 0; i < pg->n; i++) {
		if (key_order(ix[run], ix[i]) != 0 || (key(&pg->rooms[ix[i]], &n), n == 0))
			run = i;
		first[ix[i]] = ix[run];
	}
	free(ix);
}

static const char *stem(const struct room *c, size_t *n)
{
	*n = group_stem(c->alias + 1, c->lplen);
	return c->alias + 1;
}

void group_assign(struct page *pg)
{
	size_t *first = xmalloc(pg->n * sizeof *first), cap = 0;

	group_by(pg, stem, first);
	for (size_t i = 0; i < pg->n; i++) {
		struct room *c = &pg->rooms[i];
		size_t n;
		const char *topic;

		c->group = NO_GROUP;
		if (stem(c, &n), n == 0)
			continue;
		if (first[i] < i) { /* a room of a group seen before */
			c->group = pg->rooms[first[i]].group;
			continue;
		}
		pg->groups = xgrow(pg->groups, &cap, pg->ngroups + 1, sizeof *pg->groups);
		pg->groups[pg->ngroups] = (struct group){ .first = i, .stemlen = n };
		n = group_topic(c->name, &topic);
		pg->groups[pg->ngroups].topic = xmemdup(topic, n);
		c->group = pg->ngroups++;
	}
	free(first);
}
