/* channel.c - writes the channel table (see channel.h). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "auxchan.h"
#include "channel.h"
#include "group.h"
#include "key.h"
#include "link.h"
#include "gperf.h"
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
 * Every string that finds channels is a key, compared ignoring ASCII case:
 * each room's alias without '#' ("sigpy-gen:auxolotl.org") and localpart
 * ("sigpy-gen"), and each display name, group stem and topic.  An entry
 * says that a key finds a channel, and how.  Entries sorted by key, then
 * channel, form runs: a key and its channels in page order.  Keys are not
 * stored again: each is bytes of the pool (the alias without '#' inside the
 * alias, the localpart and the stem at its start), which the library
 * compares with the query, ignoring case.
 */
enum kind {
	NAMED,  /* a display name, group stem or topic: found as typed */
	ROOM,   /* an alias without '#' or a localpart: also as a room reference */
	HASHED, /* a name, stem or topic "#K", entered as the key K: "#K" finds it */
};

/*
 * A query that starts with '#' (but "#" alone) is looked up without it, as
 * a room reference: so a name, stem or topic "#K" is entered as the key K
 * (HASHED), found after the '#', never as "#K" itself.
 */

struct entry {
	char *enc;       /* key_encode()d: the bytes gperf hashes */
	size_t len;
	size_t off;      /* where the key's bytes are in the pool */
	size_t channel;
	enum kind kind;
};

struct entries {
	struct entry *e;
	size_t n, cap;
};

static void entry_add(struct entries *k, const char *s, size_t len, size_t off,
                      size_t channel, enum kind kind)
{
	struct entry *e;

	if (len == 0) /* gperf has no empty keys; the library looks none up */
		return;
	k->e = xgrow(k->e, &k->cap, k->n + 1, sizeof *k->e);
	e = &k->e[k->n++];
	e->enc = xmalloc(len);
	key_encode(e->enc, s, len, 1, 0);
	e->len = len;
	e->off = off;
	e->channel = channel;
	e->kind = kind;
}

/* Orders by encoded bytes, shorter first among equal prefixes. */
static int compare_enc(const char *a, size_t n, const char *b, size_t m)
{
	int c = memcmp(a, b, n < m ? n : m);

	return c ? c : n < m ? -1 : n > m;
}

static int by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = compare_enc(x->enc, x->len, y->enc, y->len);

	if (c)
		return c;
	return x->channel < y->channel ? -1 : x->channel > y->channel;
}

/* Enters a name, stem or topic: "#K" as K after a '#' (see enum kind). */
static void entry_add_named(struct entries *k, const char *s, size_t len, size_t off,
                            size_t channel)
{
	if (len > 1 && s[0] == '#')
		entry_add(k, s + 1, len - 1, off + 1, channel, HASHED);
	else
		entry_add(k, s, len, off, channel, NAMED);
}

static void entries_free(struct entries *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->e[i].enc);
	free(k->e);
}

/* ---- Channel lists ------------------------------------------------------
 *
 * lists[] holds each list as its length, then its channels in page order:
 * the empty list at 0, then each channel alone (channel c at 1 + 2c), then
 * the longer lists, each stored once (found again through a hash set).
 */
struct lists {
	size_t *v, n, cap;
	size_t *set, setcap;  /* offsets of the longer lists; 0 is free */
	size_t nset, max;     /* longer lists stored; the longest's length */
	size_t *build, nbuild;    /* the list being built */
	size_t *seen, stamp;      /* seen[c] == stamp: c is in it */
};

static void lists_init(struct lists *l, size_t nchannels)
{
	l->cap = 1 + 2 * nchannels;
	l->v = xmalloc(l->cap * sizeof *l->v);
	l->v[0] = 0;
	for (size_t c = 0; c < nchannels; c++)
		l->v[1 + 2 * c] = 1, l->v[2 + 2 * c] = c;
	l->n = l->cap;
	l->max = nchannels > 0;
	l->build = xmalloc((nchannels + 1) * sizeof *l->build);
	l->seen = xmalloc((nchannels + 1) * sizeof *l->seen);
	for (size_t c = 0; c < nchannels; c++)
		l->seen[c] = 0;
	l->stamp = 1;
}

static void lists_free(struct lists *l)
{
	free(l->v);
	free(l->set);
	free(l->build);
	free(l->seen);
}

static uint64_t list_hash(const size_t *c, size_t n)
{
	uint64_t h = n;

	for (size_t i = 0; i < n; i++)
		h = (h ^ c[i]) * KEY_MUL;
	return h ^ h >> 29;
}

/* Puts the list at offset off into the hash set (of a power-of-two size). */
static void set_put(struct lists *l, size_t off)
{
	size_t i = list_hash(l->v + off + 1, l->v[off]) & (l->setcap - 1);

	while (l->set[i])
		i = (i + 1) & (l->setcap - 1);
	l->set[i] = off;
}

/* Stores the n channels at c (sorted, distinct): returns the list's offset. */
static size_t list_store(struct lists *l, const size_t *c, size_t n)
{
	size_t i;

	if (n <= 1)
		return n ? 1 + 2 * c[0] : 0;
	if (2 * (l->nset + 1) > l->setcap) { /* grow, rehash */
		size_t *old = l->set, oldcap = l->setcap;

		l->setcap = oldcap ? 2 * oldcap : 64;
		l->set = xmalloc(l->setcap * sizeof *l->set);
		memset(l->set, 0, l->setcap * sizeof *l->set);
		for (i = 0; i < oldcap; i++)
			if (old[i])
				set_put(l, old[i]);
		free(old);
	}
	for (i = list_hash(c, n) & (l->setcap - 1); l->set[i]; i = (i + 1) & (l->setcap - 1))
		if (l->v[l->set[i]] == n && !memcmp(l->v + l->set[i] + 1, c, n * sizeof *c))
			return l->set[i];
	l->v = xgrow(l->v, &l->cap, l->n + 1 + n, sizeof *l->v);
	l->set[i] = l->n;
	l->nset++;
	l->v[l->n] = n;
	memcpy(l->v + l->n + 1, c, n * sizeof *c);
	l->n += 1 + n;
	if (n > l->max)
		l->max = n;
	return l->n - 1 - n;
}

/* Adds the channels of the entries [from, to) of e whose kind is in kinds. */
static void list_add(struct lists *l, const struct entries *e, size_t from, size_t to,
                     unsigned kinds)
{
	for (size_t i = from; i < to; i++) {
		size_t c = e->e[i].channel;

		if ((kinds >> e->e[i].kind & 1) && l->seen[c] != l->stamp) {
			l->seen[c] = l->stamp;
			l->build[l->nbuild++] = c;
		}
	}
}

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Stores the list built, in page order, and starts a new one. */
static size_t list_end(struct lists *l)
{
	size_t off;

	qsort(l->build, l->nbuild, sizeof *l->build, by_size);
	off = list_store(l, l->build, l->nbuild);
	l->nbuild = 0;
	l->stamp++;
	return off;
}

/* ---- The table ---------------------------------------------------------- */

/*
 * A key of the table, as the library reads it: its bytes, and three lists,
 * the channels it finds
 *   typed  as typed: "python", "sigpy-gen", "SIG:Python General";
 *   hash   after a '#': "#sigpy-gen" (a room reference, and the names,
 *          stems and topics "#K" of the key K);
 *   link   as the room a matrix.to link names.
 * A key that starts with '#' is never typed (a query "#K" is K after a
 * '#'), but "#" alone; typed is empty then, as for a key that only "#K"
 * finds: the library lists both with a '#' before them (auxchan_key()).
 */
struct key {
	size_t entry, nentries;       /* its entries */
	size_t typed, hash, link;     /* its lists: offsets in lists.v */
	size_t bucket;
};

/* Keys of more than this many per bucket on average take gperf long. */
#define BUCKET_KEYS 160
/* First-level hash seeds tried, for buckets of at most twice that. */
#define SEEDS 64

struct table {
	const struct page *pg;
	const char *label;
	struct pool pool;
	size_t (*field)[AUXCHAN_FIELD_COUNT]; /* pool string of each field */
	size_t title, date;
	struct entries e;
	struct lists lists;
	struct key *keys;       /* in bucket order */
	size_t nkeys, max_len;
	size_t nbuckets, *first; /* each bucket's first key; first[nbuckets] = nkeys */
	size_t max_bucket;
	uint64_t seed;
	int swap;               /* a key holds a '?' (key.h) */
};

/* The first-level hash of key k with seed: the library's, of the query. */
static uint64_t key_hash(const struct table *t, const struct key *k, uint64_t seed)
{
	const struct entry *x = &t->e.e[k->entry];
	char *scratch = xmalloc(x->len);
	/* The words hashed are the encoded ones: encoding the encoded key
	 * again without the '?' swap gives the same words. */
	uint64_t h = key_encode(scratch, x->enc, x->len, 0, seed);

	free(scratch);
	return h;
}

/*
 * Sorts the keys into buckets: as many as keep them BUCKET_KEYS at most on
 * average, picked by the first-level hash with the first of SEEDS seeds
 * that puts at most twice that in any bucket (or the seed that comes
 * closest).  Deterministic: the same keys, the same buckets.  Within a
 * bucket, keys keep their order (by their encoded bytes).
 */
static void bucket(struct table *t)
{
	size_t nb = t->nkeys ? (t->nkeys + BUCKET_KEYS - 1) / BUCKET_KEYS : 1, best = (size_t)-1;
	size_t *count = xmalloc((nb + 1) * sizeof *count);
	struct key *sorted = xmalloc((t->nkeys + 1) * sizeof *sorted);

	for (size_t s = 0; s < SEEDS && best > 2 * BUCKET_KEYS; s++) {
		uint64_t seed = s * 0x94d049bb133111ebull;
		size_t max = 0;

		memset(count, 0, nb * sizeof *count);
		for (size_t k = 0; k < t->nkeys; k++) {
			size_t b = key_bucket(key_hash(t, &t->keys[k], seed), nb);

			if (++count[b] > max)
				max = count[b];
		}
		if (max < best)
			best = max, t->seed = seed;
	}
	/* A counting sort by bucket. */
	memset(count, 0, (nb + 1) * sizeof *count);
	for (size_t k = 0; k < t->nkeys; k++) {
		t->keys[k].bucket = key_bucket(key_hash(t, &t->keys[k], t->seed), nb);
		count[t->keys[k].bucket + 1]++;
	}
	t->first = xmalloc((nb + 1) * sizeof *t->first);
	t->first[0] = 0;
	for (size_t b = 0; b < nb; b++)
		t->first[b + 1] = t->first[b] + count[b + 1];
	memcpy(count, t->first, (nb + 1) * sizeof *count);
	for (size_t k = 0; k < t->nkeys; k++)
		sorted[count[t->keys[k].bucket]++] = t->keys[k];
	free(t->keys);
	t->keys = sorted;
	t->nbuckets = nb;
	t->max_bucket = t->nkeys ? best : 0;
	free(count);
}

/* Turns the sorted entries into keys, with their lists. */
static void add_keys(struct table *t)
{
	const struct entries *e = &t->e;
	struct lists *l = &t->lists;
	size_t cap = 0;

	for (size_t i = 0, j; i < e->n; i = j) {
		const struct entry *x = &e->e[i];
		struct key k = { .entry = i };

		for (j = i; j < e->n && !compare_enc(x->enc, x->len, e->e[j].enc, e->e[j].len); j++)
			;
		k.nentries = j - i;
		list_add(l, e, i, j, 1u << ROOM);
		k.link = list_end(l);
		list_add(l, e, i, j, 1u << ROOM | 1u << HASHED);
		k.hash = list_end(l);
		if (x->enc[0] != '#')
			list_add(l, e, i, j, 1u << NAMED | 1u << ROOM);
		else if (x->len == 1) /* "#": its names; the room after '#' is empty */
			list_add(l, e, i, j, 1u << NAMED);
		k.typed = list_end(l);
		t->keys = xgrow(t->keys, &cap, t->nkeys + 1, sizeof *t->keys);
		t->keys[t->nkeys++] = k;
		if (x->len > t->max_len)
			t->max_len = x->len;
		if (memchr(x->enc, 0xff, x->len))
			t->swap = 1;
	}
}

static void build(struct table *t)
{
	const struct page *pg = t->pg;
	struct pool *p = &t->pool;

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

		entry_add(&t->e, c->alias + 1, strlen(c->alias + 1), alias + 1, i, ROOM);
		entry_add(&t->e, c->alias + 1, c->lplen, alias + 1, i, ROOM);
		entry_add_named(&t->e, c->name, strlen(c->name), p->off[t->field[i][AUXCHAN_NAME]], i);
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];

			entry_add_named(&t->e, pg->ch[g->first].alias + 1, g->stemlen,
			                p->off[t->field[g->first][AUXCHAN_ALIAS]] + 1, i);
			entry_add_named(&t->e, g->topic, strlen(g->topic),
			                p->off[t->field[i][AUXCHAN_GROUP]], i);
		}
	}
	qsort(t->e.e, t->e.n, sizeof *t->e.e, by_key);
	lists_init(&t->lists, pg->n);
	add_keys(t);
	bucket(t);
}

static void table_free(struct table *t)
{
	pool_free(&t->pool);
	entries_free(&t->e);
	lists_free(&t->lists);
	free(t->keys);
	free(t->first);
	free(t->field);
}

/* ---- Output ------------------------------------------------------------ */

/* The smallest unsigned type that holds max. */
static const char *uint_type(size_t max)
{
	return max <= UINT8_MAX ? "uint8_t" : max <= UINT16_MAX ? "uint16_t" : "uint32_t";
}

static void banner(FILE *f, const struct table *t)
{
	fprintf(f, "/* Generated by auxchan-gen from %s: do not edit. */\n", t->label);
}

/* An array of n size_t values as C, sixteen a line. */
static void put_array(FILE *f, const char *type, const char *name, const size_t *v, size_t n)
{
	fprintf(f, "static const %s %s[%zu] = {", type, name, n);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%zu,", i % 16 ? " " : "\n\t", v[i]);
	fprintf(f, "\n};\n");
}

static void write_data(FILE *f, const struct table *t)
{
	const struct page *pg = t->pg;
	const struct pool *p = &t->pool;
	size_t max_ref = pg->n > t->lists.max ? pg->n : t->lists.max;

	banner(f, t);
	/* No page text in comments: a comment end in it would end them. */
	fprintf(f, "/*\n * %zu channels, %zu groups, %zu keys in %zu buckets (at most %zu keys\n"
	        " * in one).  String pool: %zu bytes for %zu bytes of distinct strings.\n"
	        " * Channel lists: %zu entries.\n */\n", pg->n, pg->ngroups, t->nkeys,
	        t->nbuckets, t->max_bucket, p->size, p->distinct, t->lists.n);
	fprintf(f, "#include <stdint.h>\n\n");
	fprintf(f, "typedef %s ch_off;   /* offsets in the string pool */\n", uint_type(p->size));
	fprintf(f, "typedef %s ch_len;   /* key lengths */\n", uint_type(t->max_len));
	fprintf(f, "typedef %s ch_list;  /* offsets in ch_lists: a channel list */\n",
	        uint_type(t->lists.n));
	fprintf(f, "typedef %s ch_ref;   /* channel numbers, list lengths */\n", uint_type(max_ref));
	fprintf(f, "typedef %s ch_local; /* key numbers within a bucket */\n\n",
	        uint_type(t->max_bucket));
	fprintf(f, "#define CH_COUNT %zu\n#define CH_TITLE %zu\n#define CH_DATE %zu\n"
	        "#define CH_POOL_SIZE %zu\n", pg->n, p->off[t->title], p->off[t->date], p->size);
	fprintf(f, "#define CH_KEY_COUNT %zu\n#define CH_KEY_MAX %zu /* bytes of the longest */\n",
	        t->nkeys, t->max_len);
	fprintf(f, "/* Whether a key has a '?': if not, queries skip the '?' swap (key.h). */\n");
	fprintf(f, "#define CH_SWAP %d\n", t->swap);
	fprintf(f, "/* The first-level hash: its seed, and how many buckets it picks from. */\n");
	fprintf(f, "#define CH_SEED 0x%016llxull\n#define CH_BUCKET_COUNT %zu\n",
	        (unsigned long long)t->seed, t->nbuckets);
	fprintf(f, "/* X(bucket, its first key) of each bucket, one gperf table each. */\n");
	fprintf(f, "#define CH_BUCKETS(X)");
	for (size_t b = 0; b < t->nbuckets; b++)
		fprintf(f, "%s X(%zu, %zu)", b % 6 ? "" : " \\\n\t", b, t->first[b]);
	fprintf(f, "\n\n");

	fprintf(f, "static const struct ch_pool {\n");
	for (size_t k = 0; k < p->nroots; k++)
		fprintf(f, "\tchar s%zu[%zu];\n", p->off[p->order[k]], p->len[p->order[k]] + 1);
	fprintf(f, "} ch_pool_data = {\n");
	for (size_t k = 0; k < p->nroots; k++) {
		fprintf(f, "\t\"");
		gperf_put_string(f, p->s[p->order[k]], p->len[p->order[k]]);
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

	fprintf(f, "/* Channel lists: each its length, then its channels in page order. */\n");
	put_array(f, "ch_ref", "ch_lists", t->lists.v, t->lists.n);

	fprintf(f, "\n/*\n * The keys, bucket by bucket: where each one's bytes are in the pool,\n"
	        " * and the channels it finds typed, after a '#', and as the room a link\n"
	        " * names.  A last key of length 0, which no query is, ends them.\n */\n");
	fprintf(f, "static const struct ch_key {\n\tch_off text;\n\tch_len len;\n"
	        "\tch_list typed, hash, link;\n} ch_keys[CH_KEY_COUNT + 1] = {\n");
	for (size_t k = 0; k < t->nkeys; k++) {
		const struct key *x = &t->keys[k];

		fprintf(f, "\t{ %zu, %zu, %zu, %zu, %zu },\n", t->e.e[x->entry].off,
		        t->e.e[x->entry].len, x->typed, x->hash, x->link);
	}
	fprintf(f, "\t{ 0, 0, 0, 0, 0 },\n};\n\n");
	fprintf(f, "/* A gperf slot: its key's number in the bucket, after gperf's own\n"
	        " * field, which only gperf's unused lookup functions read (src/gperf.h). */\n");
	fprintf(f, "struct ch_slot {\n\tch_local gperf;\n\tch_local key;\n};\n");
}

/* The makefile fragment: the buckets, whose gperf runs make schedules. */
static void write_mk(FILE *f, const struct table *t)
{
	fprintf(f, "# Generated by auxchan-gen from %s: do not edit.\n", t->label);
	fprintf(f, "# The buckets of the key table: gperf makes gperf/N.c of each gperf/N.gperf.\n");
	fprintf(f, "CH_BUCKETS =");
	for (size_t b = 0; b < t->nbuckets; b++)
		fprintf(f, "%s%zu", b % 16 ? " " : " \\\n\t", b);
	fprintf(f, "\n");
}

/* ---- Files ------------------------------------------------------------- */

/*
 * The files of one run, each written to NAME.tmp, then renamed, all of
 * them, only if every one was written: never a partial table.
 */
struct files {
	const char *dir;
	char **tmp;
	size_t n, cap;
	int failed;
};

static char *path_of(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

/* Opens dir/name.tmp for writing; NULL (reported) on failure. */
static FILE *file_open(struct files *fs, const char *name)
{
	char *tmp = path_of(fs->dir, name, ".tmp");
	FILE *f = fs->failed ? NULL : fopen(tmp, "w");

	if (!f) {
		if (!fs->failed)
			fprintf(stderr, "auxchan-gen: cannot create %s: %s\n", tmp, strerror(errno));
		fs->failed = 1;
		free(tmp);
		return NULL;
	}
	fs->tmp = xgrow(fs->tmp, &fs->cap, fs->n + 1, sizeof *fs->tmp);
	fs->tmp[fs->n++] = tmp;
	return f;
}

static void file_close(struct files *fs, FILE *f)
{
	if ((ferror(f) | fclose(f)) && !fs->failed) {
		fprintf(stderr, "auxchan-gen: cannot write %s: %s\n", fs->tmp[fs->n - 1],
		        strerror(errno));
		fs->failed = 1;
	}
}

/* Renames every file into place, or, if one failed, removes them all. */
static int files_commit(struct files *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		char *final = xmemdup(fs->tmp[i], strlen(fs->tmp[i]) - 4);

		if (!fs->failed && rename(fs->tmp[i], final) != 0) {
			fprintf(stderr, "auxchan-gen: cannot rename %s to %s: %s\n", fs->tmp[i], final,
			        strerror(errno));
			fs->failed = 1;
		}
		if (fs->failed)
			remove(fs->tmp[i]);
		free(final);
		free(fs->tmp[i]);
	}
	free(fs->tmp);
	return fs->failed ? -1 : 0;
}

int channel_write(const struct page *pg, const char *label, const char *dir)
{
	struct table t = { .pg = pg, .label = label };
	struct files fs = { .dir = dir };
	char *gperf_dir = path_of(dir, "gperf", "");
	const char **key = NULL;
	size_t *len = NULL;
	FILE *f;

	build(&t);
	if (mkdir(gperf_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "auxchan-gen: cannot create %s: %s\n", gperf_dir, strerror(errno));
		fs.failed = 1;
	}
	if ((f = file_open(&fs, "channel_data.h"))) {
		write_data(f, &t);
		file_close(&fs, f);
	}
	key = xmalloc((t.max_bucket + 1) * sizeof *key);
	len = xmalloc((t.max_bucket + 1) * sizeof *len);
	for (size_t b = 0; b < t.nbuckets && !fs.failed; b++) {
		char name[64];
		size_t n = t.first[b + 1] - t.first[b];

		for (size_t k = 0; k < n; k++) {
			const struct entry *x = &t.e.e[t.keys[t.first[b] + k].entry];

			key[k] = x->enc;
			len[k] = x->len;
		}
		snprintf(name, sizeof name, "gperf/%zu.gperf", b);
		if ((f = file_open(&fs, name))) {
			gperf_write(f, label, b, key, len, n);
			file_close(&fs, f);
		}
	}
	/* Last: make reads it to know the buckets. */
	if ((f = file_open(&fs, "channel.mk"))) {
		write_mk(f, &t);
		file_close(&fs, f);
	}
	free(key);
	free(len);
	free(gperf_dir);
	table_free(&t);
	return files_commit(&fs);
}

/* ---- The keys, for completions ------------------------------------------ */

struct key_text {
	const char *s;
	size_t len;
};

static int by_folded(const void *a, const void *b)
{
	const struct key_text *x = a, *y = b;

	return key_compare_fold(x->s, x->len, y->s, y->len);
}

int channel_keys(const struct page *pg, FILE *out)
{
	struct table t = { .pg = pg, .label = "" };
	struct key_text *k;
	char *pool;

	build(&t);
	/* The pool as the library holds it: a key's bytes are there, and a
	 * key that finds nothing typed is listed with the '#' before it, as
	 * auxchan_key() does. */
	pool = xmalloc(t.pool.size + 1);
	for (size_t r = 0; r < t.pool.nroots; r++) {
		size_t i = t.pool.order[r];

		memcpy(pool + t.pool.off[i], t.pool.s[i], t.pool.len[i] + 1);
	}
	k = xmalloc((t.nkeys + 1) * sizeof *k);
	for (size_t i = 0; i < t.nkeys; i++) {
		const struct entry *x = &t.e.e[t.keys[i].entry];
		size_t hash = t.keys[i].typed == 0;

		k[i] = (struct key_text){ pool + x->off - hash, x->len + hash };
	}
	qsort(k, t.nkeys, sizeof *k, by_folded);
	for (size_t i = 0; i < t.nkeys; i++)
		fprintf(out, "%.*s\n", (int)k[i].len, k[i].s);
	free(k);
	free(pool);
	table_free(&t);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
