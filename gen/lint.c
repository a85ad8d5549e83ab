/* lint.c - checks that compare rows (see lint.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"
#include "key.h"
#include "lint.h"
#include "mem.h"

static int same(const char *a, size_t n, const char *b, size_t m)
{
	return n == m && key_strn_equal(a, b, n);
}

/* ---- Duplicates ------------------------------------------------------- */

static const char *alias(const struct room *c, size_t *n)
{
	*n = strlen(c->alias);
	return c->alias;
}

static const char *name(const struct room *c, size_t *n)
{
	*n = strlen(c->name);
	return c->name;
}

/*
 * Finds the rooms whose key equals an earlier room's (group_by()): stores
 * them in page order in dup[], the room each repeats in first[dup[i]].
 * Returns how many there are.
 */
static size_t duplicates(const struct page *pg, group_key *key, size_t *dup, size_t *first)
{
	size_t n = 0;

	group_by(pg, key, first);
	for (size_t i = 0; i < pg->n; i++)
		if (first[i] != i)
			dup[n++] = i;
	return n;
}

/* Aliases equal ignoring ASCII case: an error, a key must be unique. */
static void duplicate_aliases(const struct page *pg, struct diag *d, size_t *dup, size_t *first)
{
	size_t n = duplicates(pg, alias, dup, first);

	for (size_t i = 0; i < n; i++) {
		const struct room *c = &pg->rooms[dup[i]], *f = &pg->rooms[first[dup[i]]];

		diag_error(d, c->line, c->link_col, "duplicate alias '%s' (also on line %u%s)",
		           c->alias, f->line, strcmp(c->alias, f->alias) ? ", ignoring case" : "");
		diag_note(d, f->line, f->link_col, "'%s' first used here", f->alias);
	}
}

static void duplicate_names(const struct page *pg, struct diag *d, size_t *dup, size_t *first)
{
	size_t n = duplicates(pg, name, dup, first);

	for (size_t i = 0; i < n; i++) {
		const struct room *c = &pg->rooms[dup[i]], *f = &pg->rooms[first[dup[i]]];

		diag_warning(d, "duplicate-name", c->line, c->name_col,
		             "display name '%s' is also used on line %u", c->name, f->line);
		diag_note(d, f->line, f->name_col, "'%s' first used here", f->name);
	}
}

/* A name that says another topic than its group: "SIG:CLI Governance". */
static void name_group(const struct page *pg, struct diag *d)
{
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];
		const struct group *g;
		const char *topic;
		size_t len, at;
		char *hint;

		if (c->group == NO_GROUP || pg->groups[c->group].first == i)
			continue;
		g = &pg->groups[c->group];
		len = group_topic(c->name, &topic);
		if (same(topic, len, g->topic, strlen(g->topic)))
			continue;
		/* The name meant: its topic replaced by the group's. */
		at = (size_t)(topic - c->name);
		hint = xmalloc(strlen(c->name) - len + strlen(g->topic) + 1);
		memcpy(hint, c->name, at);
		strcpy(hint + at, g->topic);
		strcat(hint, topic + len);
		diag_warning(d, "name-group", c->line, c->name_col,
		             "name '%s' is about '%.*s', but %s is in the group '%s' "
		             "(of line %u): did you mean '%s'?", c->name, (int)len, topic,
		             c->alias, g->topic, pg->rooms[g->first].line, hint);
		free(hint);
	}
}

/* ---- Topics in purposes --------------------------------------------------
 * A purpose names a topic if it holds the topic as whole words, ignoring
 * ASCII case: where the topic starts, the purpose starts or has a byte that
 * is not a word byte before it; where it ends, the purpose ends or has one
 * after it.  Every purpose is asked about every group's topic: an
 * Aho-Corasick automaton of the topics answers for all of them in one pass
 * over the purpose, so the cost grows with the page, not with rooms times
 * groups.
 *
 * Its symbols are the text's bytes folded, each with a bit that says
 * whether a topic may start there (SYM_START): a topic's first symbol has
 * it.  A node is a prefix of topics; its fail link, the longest suffix of
 * it that is a node too.  The topics that end at a node are the node's and
 * those down its fail chain: the node keeps the first of their groups, and
 * its place in the tree of fail links tells in one step whether a given
 * topic (the room's own) is among them.
 */
#define SYM_START 0x100u
#define NOTHING UINT32_MAX

struct topics {
	size_t mask;            /* edge table: mask + 1 slots, a power of two, */
	unsigned bits;          /* 1 << bits of them */
	uint64_t *edge;         /* node << 9 | symbol, plus 1; 0: a free slot */
	uint32_t *child;        /* the node the edge leads to */
	uint32_t *fail;         /* per node */
	uint32_t *group;        /* the first group of the topics that end there */
	uint32_t *pre, *size;   /* the node's place in the tree of fail links:
	                           preorder number, nodes in its subtree */
	uint32_t *topic;        /* the node of each group's topic, or 0 (none) */
	size_t nodes;
};

static int is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c >= 0x80;
}

/* The symbol of byte i of the NUL-terminated text t. */
static unsigned symbol(const char *t, size_t i)
{
	return key_fold((unsigned char)t[i]) |
	       (i == 0 || !is_word_byte((unsigned char)t[i - 1]) ? SYM_START : 0);
}

/* May a topic end before byte i of the NUL-terminated text t? */
static int word_ends(const char *t, size_t i)
{
	return !t[i] || !is_word_byte((unsigned char)t[i]);
}

/* The slot of the edge from node on sym: the edge's or a free one. */
static size_t slot(const struct topics *x, uint32_t node, unsigned sym)
{
	uint64_t key = ((uint64_t)node << 9 | sym) + 1;
	/* Fibonacci hashing: the product's top bits. */
	size_t h = (size_t)((key * 0x9e3779b97f4a7c15ull) >> (64 - x->bits));

	for (; x->edge[h] && x->edge[h] != key; h = (h + 1) & x->mask)
		group_steps++;
	return h;
}

/* The node the edge from node on sym leads to, or 0 (the root: none). */
static uint32_t next(const struct topics *x, uint32_t node, unsigned sym)
{
	size_t h = slot(x, node, sym);

	return x->edge[h] ? x->child[h] : 0;
}

/* The node after node on sym, following fail links until an edge has it. */
static uint32_t step(const struct topics *x, uint32_t node, unsigned sym)
{
	uint32_t to;

	while (!(to = next(x, node, sym)) && node)
		node = x->fail[node], group_steps++;
	return to;
}

static void topics_build(struct topics *x, const struct page *pg)
{
	size_t nodes = 1, slots = 1, maxdepth = 0;
	uint32_t *parent, *depth, *order, *count;
	unsigned *sym;

	for (size_t g = 0; g < pg->ngroups; g++)
		nodes += strlen(pg->groups[g].topic);
	for (x->bits = 0; slots < 2 * nodes; x->bits++)
		slots *= 2;
	x->mask = slots - 1;
	x->edge = xmalloc(slots * sizeof *x->edge);
	memset(x->edge, 0, slots * sizeof *x->edge);
	x->child = xmalloc(slots * sizeof *x->child);
	x->fail = xmalloc(nodes * sizeof *x->fail);
	x->group = xmalloc(nodes * sizeof *x->group);
	x->pre = xmalloc(nodes * sizeof *x->pre);
	x->size = xmalloc(nodes * sizeof *x->size);
	x->topic = xmalloc((pg->ngroups + 1) * sizeof *x->topic);
	parent = xmalloc(nodes * sizeof *parent);
	depth = xmalloc(nodes * sizeof *depth);
	sym = xmalloc(nodes * sizeof *sym);
	order = xmalloc(nodes * sizeof *order);

	/* The trie of the topics, each group at the end of its topic. */
	x->nodes = 1;
	x->group[0] = NOTHING;
	depth[0] = 0;
	for (size_t g = 0; g < pg->ngroups; g++) {
		const char *t = pg->groups[g].topic;
		uint32_t node = 0;

		for (size_t i = 0; t[i]; i++) {
			size_t h = slot(x, node, symbol(t, i));

			if (!x->edge[h]) {
				x->edge[h] = ((uint64_t)node << 9 | symbol(t, i)) + 1;
				x->child[h] = (uint32_t)x->nodes;
				parent[x->nodes] = node;
				sym[x->nodes] = symbol(t, i);
				depth[x->nodes] = depth[node] + 1;
				x->group[x->nodes++] = NOTHING;
				if (depth[node] + 1 > maxdepth)
					maxdepth = depth[node] + 1;
			}
			node = x->child[h];
		}
		if (node && x->group[node] == NOTHING)
			x->group[node] = (uint32_t)g;
		x->topic[g] = node;
	}

	/* The nodes by depth (counting sort): a fail link leads to a shallower node. */
	count = xmalloc((maxdepth + 2) * sizeof *count);
	memset(count, 0, (maxdepth + 2) * sizeof *count);
	for (size_t v = 0; v < x->nodes; v++)
		count[depth[v] + 1]++;
	for (size_t d = 1; d <= maxdepth + 1; d++)
		count[d] += count[d - 1];
	for (size_t v = 0; v < x->nodes; v++)
		order[count[depth[v]]++] = (uint32_t)v;

	/* Fail links, and the first group of each node's topics. */
	x->fail[0] = 0;
	for (size_t k = 1; k < x->nodes; k++) {
		uint32_t v = order[k], f = parent[v] ? step(x, x->fail[parent[v]], sym[v]) : 0;

		x->fail[v] = f;
		if (x->group[f] < x->group[v])
			x->group[v] = x->group[f];
	}

	/* Preorder numbers in the tree of fail links: subtree sizes from the
	 * deepest nodes up, then each child numbered after its parent's earlier children. */
	for (size_t v = 0; v < x->nodes; v++)
		x->size[v] = 1;
	for (size_t k = x->nodes - 1; k > 0; k--)
		x->size[x->fail[order[k]]] += x->size[order[k]];
	x->pre[0] = 0;
	parent[0] = 1; /* parent[v] from here: the number of v's next child */
	for (size_t k = 1; k < x->nodes; k++) {
		uint32_t v = order[k], f = x->fail[v];

		x->pre[v] = parent[f];
		parent[f] += x->size[v];
		parent[v] = x->pre[v] + 1;
	}
	free(parent);
	free(depth);
	free(sym);
	free(order);
	free(count);
}

static void topics_free(struct topics *x)
{
	free(x->edge);
	free(x->child);
	free(x->fail);
	free(x->group);
	free(x->pre);
	free(x->size);
	free(x->topic);
}

/*
 * The first group whose topic the text names, or NOTHING if it names none
 * or names the topic of group own.
 */
static uint32_t topics_named(const struct topics *x, const char *text, size_t own)
{
	uint32_t node = 0, first = NOTHING, o = x->topic[own];

	for (size_t i = 0; text[i]; i++) {
		node = step(x, node, symbol(text, i));
		group_steps++;
		if (!word_ends(text, i + 1))
			continue;
		if (x->pre[o] <= x->pre[node] && x->pre[node] < x->pre[o] + x->size[o])
			return NOTHING; /* own topic ends here */
		if (x->group[node] < first)
			first = x->group[node];
	}
	return first;
}

/* A purpose that names another group's topic, not its own. */
static void purpose_group(const struct page *pg, struct diag *d)
{
	struct topics x;

	topics_build(&x, pg);
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];
		uint32_t g;

		if (c->group == NO_GROUP || !x.topic[c->group])
			continue;
		if ((g = topics_named(&x, c->purpose, c->group)) != NOTHING)
			diag_warning(d, "purpose-group", c->line, c->purpose_col,
			             "purpose names '%s', the topic of another group, not its "
			             "own '%s'", pg->groups[g].topic, pg->groups[c->group].topic);
	}
	topics_free(&x);
}

/* ---- Servers ------------------------------------------------------------ */

static const char *server(const struct room *c, size_t *n)
{
	const char *s = c->alias + 1 + c->lplen + 1;

	*n = strlen(s);
	return s;
}

/* An alias on another server than most rooms of the page use. */
static void other_server(const struct page *pg, struct diag *d)
{
	size_t *first = xmalloc(pg->n * sizeof *first), *count = xmalloc(pg->n * sizeof *count);
	size_t nservers = 0, best = 0, n;
	int tie = 0;

	group_by(pg, server, first);
	memset(count, 0, pg->n * sizeof *count);
	for (size_t i = 0; i < pg->n; i++)
		count[first[i]]++;
	/* The servers in order of their first room. */
	for (size_t i = 0; i < pg->n; i++) {
		if (first[i] != i)
			continue;
		if (nservers++ == 0 || count[i] > count[best])
			best = i, tie = 0;
		else if (count[i] == count[best])
			tie = 1;
	}
	for (size_t i = 0; i < pg->n && !tie && nservers > 1; i++)
		if (first[i] != best)
			diag_warning(d, "other-server", pg->rooms[i].line, pg->rooms[i].link_col,
			             "%s is on the server '%s', where %zu of the page's %zu rooms "
			             "are on '%s'", pg->rooms[i].alias, server(&pg->rooms[i], &n),
			             count[best], pg->n, server(&pg->rooms[best], &n));
	free(first);
	free(count);
}

void lint_page(const struct page *pg, struct diag *d)
{
	size_t *dup = xmalloc(pg->n * sizeof *dup), *first = xmalloc(pg->n * sizeof *first);

	duplicate_aliases(pg, d, dup, first);
	duplicate_names(pg, d, dup, first);
	free(dup);
	free(first);
	name_group(pg, d);
	purpose_group(pg, d);
	other_server(pg, d);
}
