/* channel.c - writes the channel table (see channel.h). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "channel.h"
#include "group.h"
#include "key.h"
#include "link.h"
#include "mem.h"

/* ---- String pool -------------------------------------------------------
 *
 * Every string the library returns lives in one pool, addressed by offset.
 * Equal strings are stored once, and a string that ends another one is
 * stored inside it: an alias inside its matrix.to URL, "" in any NUL.
 * Sorted by their reversed bytes, a string is a suffix of another exactly
 * when it is a suffix of its successor, as in SQLite's mkkeywordhash.
 */
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

static size_t pool_add(struct pool *p, const char *s)
{
	size_t cap = p->cap;

	p->s = xgrow(p->s, &cap, p->n + 1, sizeof *p->s);
	p->len = xrealloc(p->len, cap * sizeof *p->len);
	p->cap = cap;
	p->s[p->n] = s;
	p->len[p->n] = strlen(s);
	return p->n++;
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
static void pool_layout(struct pool *p)
{
	size_t *ix = xmalloc(p->n * sizeof *ix);

	p->off = xmalloc(p->n * sizeof *p->off);
	p->root = xmalloc(p->n * sizeof *p->root);
	p->order = xmalloc(p->n * sizeof *p->order);
	for (size_t i = 0; i < p->n; i++)
		ix[i] = i;
	sort_pool = p;
	qsort(ix, p->n, sizeof *ix, by_reversed);
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

static void pool_free(struct pool *p)
{
	free(p->s);
	free(p->len);
	free(p->off);
	free(p->root);
	free(p->order);
}

/* ---- Keys ---------------------------------------------------------------
 *
 * Two gperf tables, their keys encoded with key_byte():
 *   keys   each room's alias without '#' ("sigpy-gen:auxolotl.org"), and
 *          each display name, group stem and topic;
 *   rooms  each room's localpart alone ("sigpy-gen").
 * Entries (key, channel) are sorted by key, then channel: each run is a
 * key, its channels in page order.  Keys are not stored again: each is
 * bytes of the pool (the alias without '#' inside the alias, the localpart
 * and stem at its start), which the library compares, ignoring case.
 */
enum { KIND_OTHER, KIND_ALIAS, KIND_LOCAL };
#define KINDS 7 /* all of them, as a set */

struct entry {
	char *enc;     /* key_encode()d, NUL-terminated: what gperf hashes */
	size_t len;
	size_t off;    /* where the key's bytes are in the pool */
	size_t channel;
	int kind;      /* KIND_OTHER, KIND_ALIAS (without '#') or KIND_LOCAL */
};

struct entries {
	struct entry *e;
	size_t n, cap;
};

static void entry_add(struct entries *k, const char *s, size_t len, size_t off,
                      size_t channel, int kind)
{
	struct entry *e;

	if (len == 0) /* gperf has no empty keys; nobody looks for "" */
		return;
	k->e = xgrow(k->e, &k->cap, k->n + 1, sizeof *k->e);
	e = &k->e[k->n++];
	e->enc = xmalloc(len + 1);
	key_encode(e->enc, s, len, 1);
	e->enc[len] = '\0';
	e->len = len;
	e->off = off;
	e->channel = channel;
	e->kind = kind;
}

static int same_key(const struct entry *x, const struct entry *y)
{
	return x->len == y->len && memcmp(x->enc, y->enc, x->len) == 0;
}

static int by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->enc, y->enc, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->channel < y->channel ? -1 : x->channel > y->channel;
}

static void entries_free(struct entries *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->e[i].enc);
	free(k->e);
}

/* ---- The table ---------------------------------------------------------- */

/*
 * A key leads to two channel lists.  Looked up whole, a main key K finds
 * every channel it is the alias without '#', name, stem or topic of; and
 * also, if K starts with '#', the channels of the room reference after it;
 * otherwise, if K holds no ':', the channels whose localpart K is.  As a
 * room reference (after a '#', or in a link), K finds only the channels
 * whose alias without '#' it is, or if K holds no ':', whose localpart it
 * is: on a page with a rooms table, such a reference is a rooms key.  Both
 * lists are computed here, so that the library only copies one.  Main keys
 * are numbered by class:
 *   0  both lists are the same (an alias, only);
 *   1  the room list, the key's "view", is shorter, not empty;
 *   2  the room list is empty ("SIG:Python General");
 *   3  a room reference is a rooms key: K holds no ':', two tables.
 * The library tells the class by the number; the views of class 1 follow
 * the rooms keys, as keys of their own, in the same order.
 */
struct key {
	size_t entry;        /* its first entry (its string) */
	size_t off, len;     /* its bytes in the pool */
	size_t ref, count;   /* its channels: refs[ref .. ref + count) */
	size_t vref, vcount; /* its room list, unless of class 3 */
	int class;
};

struct table {
	const struct page *pg;
	const char *label;
	struct pool pool;
	size_t (*field)[AUXCHAN_FIELD_COUNT]; /* pool string of each field */
	size_t title, date;
	struct entries main, rooms;  /* entries of the two gperf tables */
	struct key *keys;            /* main keys, rooms keys, views, sentinel */
	size_t nkeys, nmain, nreal;  /* all keys, main keys, main and rooms keys */
	size_t nclass[4];            /* main keys of each class */
	size_t *refs, nrefs;         /* channel lists (see add_list) */
	size_t *list, *seen, stamp;  /* the list being built, and its channels */
	size_t nlist;
	size_t max_count, max_len;
	int swap;                    /* a key holds a '?' (key.h) */
	int hash_keys;               /* a main key starts with '#' */
	int one;                     /* localparts are main keys: no rooms keys */
};

/*
 * Channel lists.  refs[] starts with 0 .. nchannels - 1, so that a key of
 * one channel c is the list (c, 1); longer lists follow, each stored once.
 * Returns where list (n channels at l) starts.
 */
static size_t add_list(struct table *t, const size_t *l, size_t n)
{
	size_t nch = t->pg->n;

	if (n == 1)
		return l[0];
	for (size_t i = nch; i + n <= t->nrefs; i++)
		if (memcmp(t->refs + i, l, n * sizeof *l) == 0)
			return i;
	t->refs = xrealloc(t->refs, (t->nrefs + n) * sizeof *t->refs);
	memcpy(t->refs + t->nrefs, l, n * sizeof *l);
	t->nrefs += n;
	return t->nrefs - n;
}

/* The first entry of e whose key is enc (len bytes), or e->n. */
static size_t find_key(const struct entries *e, const char *enc, size_t len)
{
	struct entry x = { (char *)enc, len, 0, 0, 0 }; /* sorts first of its key */
	size_t lo = 0, hi = e->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (by_key(&e->e[mid], &x) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->n && same_key(&e->e[lo], &x) ? lo : e->n;
}

/* Adds the channels of the entries of key enc (len bytes) in e to the list
 * being built: of those whose kind is in kinds (1 << KIND_...). */
static void list_key(struct table *t, const struct entries *e, const char *enc, size_t len,
                     int kinds)
{
	for (size_t i = find_key(e, enc, len); i < e->n && e->e[i].len == len &&
	     memcmp(e->e[i].enc, enc, len) == 0; i++) {
		size_t c = e->e[i].channel;

		if ((kinds >> e->e[i].kind & 1) && t->seen[c] != t->stamp) {
			t->seen[c] = t->stamp;
			t->list[t->nlist++] = c;
		}
	}
}

/* Adds the channels of the room reference enc (len bytes, without '#'). */
static void list_ref(struct table *t, const char *enc, size_t len)
{
	if (memchr(enc, ':', len))
		list_key(t, &t->main, enc, len, 1 << KIND_ALIAS);
	else
		list_key(t, t->one ? &t->main : &t->rooms, enc, len, 1 << KIND_LOCAL);
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Stores the list built, in page order; starts a new one.  Its start. */
static size_t list_end(struct table *t, size_t *count)
{
	size_t ref;

	qsort(t->list, t->nlist, sizeof *t->list, by_size);
	ref = t->nlist ? add_list(t, t->list, t->nlist) : 0;
	*count = t->nlist;
	if (t->nlist > t->max_count)
		t->max_count = t->nlist;
	t->nlist = 0;
	t->stamp++;
	return ref;
}

/* Turns sorted entries (t->main or t->rooms) into keys, appended. */
static void add_keys(struct table *t, const struct entries *e, size_t *cap)
{
	for (size_t i = 0, j; i < e->n; i = j) {
		const char *enc = e->e[i].enc;
		size_t len = e->e[i].len;
		struct key k = { i, e->e[i].off, len, 0, 0, 0, 0, 3 };

		for (j = i; j < e->n && same_key(&e->e[i], &e->e[j]); j++)
			;
		if (e == &t->main && enc[0] == '#') {
			list_key(t, e, enc, len, KINDS & ~(1 << KIND_LOCAL));
			list_ref(t, enc + 1, len - 1);
		} else {
			list_key(t, e, enc, len, KINDS);
			if (e == &t->main && !t->one && !memchr(enc, ':', len))
				list_key(t, &t->rooms, enc, len, KINDS);
		}
		k.ref = list_end(t, &k.count);
		if (e == &t->main && (t->one || memchr(enc, ':', len))) {
			list_ref(t, enc, len);
			k.vref = list_end(t, &k.vcount);
			/* add_list() stores a list once: the same list, the same place */
			k.class = k.vref == k.ref && k.vcount == k.count ? 0 : k.vcount ? 1 : 2;
		}
		t->keys = xgrow(t->keys, cap, t->nkeys + 1, sizeof *t->keys);
		t->keys[t->nkeys++] = k;
		if (len > t->max_len)
			t->max_len = len;
		if (memchr(enc, 0xff, len))
			t->swap = 1;
	}
}

/* Tables of at most this many keys are searched ten times for density. */
#define GPERF_DENSE_KEYS 1000

/* How many keys sorted entries hold. */
static size_t count_keys(const struct entries *e)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++)
		n += i == 0 || !same_key(&e->e[i - 1], &e->e[i]);
	return n;
}

static int by_class(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->class != y->class)
		return x->class - y->class;
	return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static void build(struct table *t)
{
	const struct page *pg = t->pg;
	struct pool *p = &t->pool;
	size_t cap = 0;

	/* Strings in page order, so the pool reads like the page. */
	t->title = pool_add(p, pg->title);
	t->date = pool_add(p, pg->date);
	t->field = xmalloc(pg->n * sizeof *t->field);
	for (size_t i = 0; i < pg->n; i++) {
		const struct channel *c = &pg->ch[i];

		t->field[i][AUXCHAN_SECTION] = pool_add(p, c->section);
		t->field[i][AUXCHAN_NAME] = pool_add(p, c->name);
		t->field[i][AUXCHAN_URL] = pool_add(p, c->url);
		t->field[i][AUXCHAN_ALIAS] = pool_add(p, c->alias);
		t->field[i][AUXCHAN_PURPOSE] = pool_add(p, c->purpose);
		t->field[i][AUXCHAN_GROUP] = pool_add(p, c->group == NO_GROUP ? ""
		                                      : pg->groups[c->group].topic);
	}
	pool_layout(p);

	for (size_t i = 0; i < pg->n; i++) {
		const struct channel *c = &pg->ch[i];
		size_t alias = p->off[t->field[i][AUXCHAN_ALIAS]];

		entry_add(&t->main, c->alias + 1, strlen(c->alias + 1), alias + 1, i, KIND_ALIAS);
		entry_add(&t->main, c->name, strlen(c->name), p->off[t->field[i][AUXCHAN_NAME]], i,
		          KIND_OTHER);
		entry_add(&t->rooms, c->alias + 1, c->lplen, alias + 1, i, KIND_LOCAL);
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];
			size_t first = g->first;

			entry_add(&t->main, pg->ch[first].alias + 1, g->stemlen,
			          p->off[t->field[first][AUXCHAN_ALIAS]] + 1, i, KIND_OTHER);
			entry_add(&t->main, g->topic, strlen(g->topic),
			          p->off[t->field[i][AUXCHAN_GROUP]], i, KIND_OTHER);
		}
	}
	qsort(t->main.e, t->main.n, sizeof *t->main.e, by_key);
	qsort(t->rooms.e, t->rooms.n, sizeof *t->rooms.e, by_key);
	/* A small page gets one table: one probe for a localpart too. */
	if (count_keys(&t->main) + count_keys(&t->rooms) <= GPERF_DENSE_KEYS) {
		t->main.e = xgrow(t->main.e, &t->main.cap, t->main.n + t->rooms.n, sizeof *t->main.e);
		memcpy(t->main.e + t->main.n, t->rooms.e, t->rooms.n * sizeof *t->rooms.e);
		t->main.n += t->rooms.n;
		t->rooms.n = 0;
		qsort(t->main.e, t->main.n, sizeof *t->main.e, by_key);
		t->one = 1;
	}
	t->refs = xmalloc((pg->n + 1) * sizeof *t->refs);
	for (size_t i = 0; i < pg->n; i++)
		t->refs[i] = i;
	t->nrefs = pg->n;
	t->list = xmalloc((pg->n + 1) * sizeof *t->list);
	t->seen = xmalloc((pg->n + 1) * sizeof *t->seen);
	for (size_t i = 0; i < pg->n; i++)
		t->seen[i] = 0;
	t->stamp = 1;
	add_keys(t, &t->main, &cap);
	t->nmain = t->nkeys;
	qsort(t->keys, t->nmain, sizeof *t->keys, by_class);
	for (size_t k = 0; k < t->nmain; k++)
		t->nclass[t->keys[k].class]++;
	add_keys(t, &t->rooms, &cap);
	t->nreal = t->nkeys;
	for (size_t k = t->nclass[0]; k < t->nclass[0] + t->nclass[1]; k++) { /* the views */
		struct key v = t->keys[k];

		v.ref = v.vref;
		v.count = v.vcount;
		t->keys = xgrow(t->keys, &cap, t->nkeys + 1, sizeof *t->keys);
		t->keys[t->nkeys++] = v;
	}
	for (size_t k = 0; k < t->nmain; k++)
		t->hash_keys |= t->main.e[t->keys[k].entry].enc[0] == '#';
	/* The sentinel: the key of gperf's empty slots (and of the placeholder
	 * of a table with no key), which no query matches: nothing of length
	 * 0 is looked up. */
	t->keys = xgrow(t->keys, &cap, t->nkeys + 1, sizeof *t->keys);
	t->keys[t->nkeys++] = (struct key){ 0, 0, 0, 0, 0, 0, 0, 0 };
	free(t->list);
	free(t->seen);
}

/* ---- Output ------------------------------------------------------------ */


/* The smallest unsigned type that holds max. */
static const char *uint_type(size_t max)
{
	return max <= UINT8_MAX ? "uint8_t" : max <= UINT16_MAX ? "uint16_t" : "uint32_t";
}

/*
 * Writes s (n bytes) as the body of a C or gperf string literal: printable
 * ASCII as itself, except '"', '\\' and '?' (trigraphs); everything else as
 * a three-digit octal escape, which ends where it should.
 */
static void put_escaped(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
			putc(c, f);
		else
			fprintf(f, "\\%03o", c);
	}
}

static void banner(FILE *f, const struct table *t)
{
	fprintf(f, "/* Generated by auxchan-gen from %s: do not edit. */\n", t->label);
}

/*
 * Writes the keywords of one gperf table (keys from .. to of t->keys),
 * whose functions, arrays and constants are named after name ("keys") and
 * prefix ("KEYS").  Each keyword's value is its key number.
 */
static void write_gperf(FILE *f, const struct table *t, const struct entries *e,
                        size_t from, size_t to, const char *name, const char *prefix)
{
	banner(f, t);
	/*
	 * gperf's -m tries several searches and keeps the densest table; its
	 * time grows with them, so only small tables get it (see the README).
	 */
	if (to - from <= GPERF_DENSE_KEYS)
		fprintf(f, "/* gperf options: -m 10 */\n");
	fprintf(f, "%%struct-type\n%%omit-struct-type\n%%readonly-tables\n%%global-table\n%%pic\n");
	fprintf(f, "%%define hash-function-name ch_%s_hash\n", name);
	fprintf(f, "%%define lookup-function-name ch_%s_lookup\n", name);
	fprintf(f, "%%define word-array-name ch_%s_words\n", name);
	fprintf(f, "%%define string-pool-name ch_%s_pool\n", name);
	fprintf(f, "%%define constants-prefix CH_%s_\n", prefix);
	fprintf(f, "%%define initializer-suffix ,%zu\n", t->nkeys - 1);
	fprintf(f, "struct ch_word;\n%%%%\n");
	if (from == to) /* gperf wants a key: the sentinel, of length 0 */
		fprintf(f, "\"A\", %zu\n", t->nkeys - 1);
	for (size_t k = from; k < to; k++) {
		const struct entry *x = &e->e[t->keys[k].entry];

		putc('"', f);
		put_escaped(f, x->enc, x->len);
		fprintf(f, "\", %zu\n", k);
	}
	fprintf(f, "%%%%\n");
}

/* One field (at offset off in struct key) of every key, as a C array. */
static void put_keys(FILE *f, const struct table *t, const char *type, const char *name,
                     size_t off)
{
	fprintf(f, "static const %s %s[%zu] = {", type, name, t->nkeys);
	for (size_t k = 0; k < t->nkeys; k++) {
		size_t v = *(const size_t *)((const char *)&t->keys[k] + off);

		fprintf(f, "%s%zu,", k % 16 ? " " : "\n\t", v);
	}
	fprintf(f, "\n};\n");
}

static void write_data(FILE *f, const struct table *t)
{
	const struct page *pg = t->pg;
	const struct pool *p = &t->pool;

	banner(f, t);
	/* No page text in comments: a comment end in it would end them. */
	fprintf(f, "/*\n * %zu channels, %zu groups.  Keys: %zu aliases, names, group stems and\n"
	        " * topics; %zu localparts.  String pool: %zu bytes for %zu bytes of distinct\n"
	        " * strings.  Channel lists: %zu entries.\n */\n", pg->n, pg->ngroups, t->nmain,
	        t->nreal - t->nmain, p->size, p->distinct, t->nrefs);
	fprintf(f, "#include <stdint.h>\n\n");
	fprintf(f, "typedef %s ch_off; /* pool offsets */\n", uint_type(p->size));
	fprintf(f, "typedef %s ch_ref; /* channel numbers */\n", uint_type(pg->n));
	fprintf(f, "typedef %s ch_rix; /* indices of ch_refs */\n", uint_type(t->nrefs));
	fprintf(f, "typedef %s ch_cnt; /* channel counts */\n", uint_type(t->max_count));
	fprintf(f, "typedef %s ch_kix; /* key numbers */\n", uint_type(t->nkeys));
	fprintf(f, "typedef %s ch_len; /* key lengths */\n\n", uint_type(t->max_len));
	fprintf(f, "/*\n * A gperf slot: its key's number (%zu in empty slots: a key of length\n"
	        " * 0).  gperf's struct begins with the key's offset in gperf's own pool,\n"
	        " * which only its lookup functions read; src/channel.c leaves them unused\n"
	        " * and compares keys with the bytes of the pool below, so that field is\n"
	        " * as small as can be, its values cut short.\n */\n", t->nkeys - 1);
	fprintf(f, "struct ch_word {\n\tch_kix name;\n\tch_kix key;\n};\n\n");
	fprintf(f, "#define CH_COUNT %zu\n#define CH_TITLE %zu\n#define CH_DATE %zu\n"
	        "#define CH_POOL_SIZE %zu\n", pg->n, p->off[t->title], p->off[t->date], p->size);
	fprintf(f, "/* Whether a key has a '?': if not, queries skip the '?' swap (key.h). */\n");
	fprintf(f, "#define CH_SWAP %d\n", t->swap);
	fprintf(f, "/* Whether a key starts with '#': if not, \"#...\" is only a room. */\n");
	fprintf(f, "#define CH_HASH_KEYS %d\n", t->hash_keys);
	fprintf(f, "/* Whether localparts are main keys: the rooms table is then empty. */\n");
	fprintf(f, "#define CH_ONE_TABLE %d\n", t->one);
	fprintf(f, "/*\n * Main keys by class (gen/channel.c): 0 .. CH_ALIAS_KEYS - 1 find the same\n"
	        " * channels as room references; up to CH_VIEW_KEYS - 1, fewer (their\n"
	        " * views); up to CH_REF_KEYS - 1, none; from CH_REF_KEYS on, room\n"
	        " * references are rooms keys.\n */\n");
	fprintf(f, "#define CH_ALIAS_KEYS %zu\n#define CH_VIEW_KEYS %zu\n#define CH_REF_KEYS %zu\n",
	        t->nclass[0], t->nclass[0] + t->nclass[1],
	        t->nclass[0] + t->nclass[1] + t->nclass[2]);
	fprintf(f, "/* Key number of the view of main key k, of class 1. */\n");
	fprintf(f, "#define CH_VIEW(k) ((k) + %zu)\n\n", t->nreal - t->nclass[0]);

	fprintf(f, "static const struct ch_pool {\n");
	for (size_t k = 0; k < p->nroots; k++)
		fprintf(f, "\tchar s%zu[%zu];\n", p->off[p->order[k]], p->len[p->order[k]] + 1);
	fprintf(f, "} ch_pool_data = {\n");
	for (size_t k = 0; k < p->nroots; k++) {
		fprintf(f, "\t\"");
		put_escaped(f, p->s[p->order[k]], p->len[p->order[k]]);
		fprintf(f, "\",\n");
	}
	fprintf(f, "};\n#define CH_POOL ((const char *)&ch_pool_data)\n\n");
	fprintf(f, "/* The offsets below assume no padding between the pool's members. */\n");
	fprintf(f, "typedef char ch_pool_is_packed[sizeof(struct ch_pool) == CH_POOL_SIZE ? 1 : -1];\n\n");

	fprintf(f, "/* Fields of each channel, in the order of enum auxchan_field. */\n");
	fprintf(f, "static const ch_off ch_channels[CH_COUNT][%d] = {\n", AUXCHAN_FIELD_COUNT);
	for (size_t i = 0; i < pg->n; i++) {
		fprintf(f, "\t{");
		for (int k = 0; k < AUXCHAN_FIELD_COUNT; k++)
			fprintf(f, "%s%zu", k ? ", " : " ", p->off[t->field[i][k]]);
		fprintf(f, " }, /* line %u */\n", pg->ch[i].line);
	}
	fprintf(f, "};\n\n");

	fprintf(f, "/* Channel lists of keys: 0 .. CH_COUNT - 1, then longer lists. */\n");
	fprintf(f, "static const ch_ref ch_refs[%zu] = {", t->nrefs);
	for (size_t i = 0; i < t->nrefs; i++)
		fprintf(f, "%s%zu,", i % 16 ? " " : "\n\t", t->refs[i]);
	fprintf(f, "\n};\n\n/*\n * Keys, by number: where in the pool, how long, their channel list\n"
	        " * (first, count).  Four arrays: a struct would be padded.\n */\n");
	put_keys(f, t, "ch_off", "ch_key_off", offsetof(struct key, off));
	put_keys(f, t, "ch_len", "ch_key_len", offsetof(struct key, len));
	put_keys(f, t, "ch_rix", "ch_key_first", offsetof(struct key, ref));
	put_keys(f, t, "ch_cnt", "ch_key_count", offsetof(struct key, count));
}

/* ---- Files ------------------------------------------------------------- */

static const char *const file_names[] = {
	"channel_data.h", "channel_keys.gperf", "channel_rooms.gperf",
};
#define NFILES (sizeof file_names / sizeof *file_names)

static char *path_of(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

int channel_write(const struct page *pg, const char *label, const char *dir)
{
	struct table t = { .pg = pg, .label = label };
	FILE *f[NFILES] = { 0 };
	char *tmp[NFILES], *final[NFILES];
	int rc = 0;

	build(&t);
	for (size_t i = 0; i < NFILES; i++) {
		tmp[i] = path_of(dir, file_names[i], ".tmp");
		final[i] = path_of(dir, file_names[i], "");
		if (rc == 0 && !(f[i] = fopen(tmp[i], "w"))) {
			fprintf(stderr, "auxchan-gen: cannot create %s: %s\n", tmp[i], strerror(errno));
			rc = -1;
		}
	}
	if (rc == 0) {
		write_data(f[0], &t);
		write_gperf(f[1], &t, &t.main, 0, t.nmain, "keys", "KEYS");
		write_gperf(f[2], &t, &t.rooms, t.nmain, t.nreal, "rooms", "ROOMS");
	}
	for (size_t i = 0; i < NFILES; i++)
		if (f[i] && (ferror(f[i]) | fclose(f[i])) && rc == 0) {
			fprintf(stderr, "auxchan-gen: cannot write %s: %s\n", tmp[i], strerror(errno));
			rc = -1;
		}
	for (size_t i = 0; i < NFILES; i++) {
		if (rc == 0 && rename(tmp[i], final[i]) != 0) {
			fprintf(stderr, "auxchan-gen: cannot rename %s to %s: %s\n",
			        tmp[i], final[i], strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			remove(tmp[i]);
		free(tmp[i]);
		free(final[i]);
	}
	pool_free(&t.pool);
	entries_free(&t.main);
	entries_free(&t.rooms);
	free(t.keys);
	free(t.refs);
	free(t.field);
	return rc;
}
