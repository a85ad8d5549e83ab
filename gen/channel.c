/* channel.c - writes the channel table (see channel.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "channel.h"
#include "group.h"
#include "key.h"
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
	p->distinct = 0;
	for (size_t k = p->n; k-- > 0;) {
		size_t i = ix[k];

		if (k + 1 < p->n && is_suffix(p, i, ix[k + 1])) {
			p->root[i] = p->root[ix[k + 1]];
			if (p->len[i] != p->len[ix[k + 1]] || memcmp(p->s[i], p->s[ix[k + 1]], p->len[i]))
				p->distinct += p->len[i] + 1;
		} else {
			p->root[i] = i;
			p->distinct += p->len[i] + 1;
		}
	}
	/* Roots are placed when the first string stored in them comes. */
	for (size_t i = 0; i < p->n; i++)
		p->off[i] = (size_t)-1;
	p->size = 0;
	for (size_t i = 0; i < p->n; i++) {
		size_t r = p->root[i];

		if (p->off[r] == (size_t)-1) {
			p->off[r] = p->size;
			p->size += p->len[r] + 1;
			p->order[p->nroots++] = r;
		}
	}
	for (size_t i = 0; i < p->n; i++) {
		size_t r = p->root[i];

		p->off[i] = p->off[r] + p->len[r] - p->len[i];
	}
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
 * A key is a string of one table and the channels it leads to.  Entries
 * (string, channel) are sorted by encoded string, then channel: each run is
 * a key, its channels in page order.
 */
struct entry {
	char *key;      /* key_encode()d, NUL-terminated */
	size_t len;
	size_t channel;
};

struct keys {
	struct entry *e;
	size_t n, cap;
};

static void key_add(struct keys *k, const char *s, size_t len, size_t channel)
{
	struct entry *e;

	if (len == 0) /* gperf has no empty keys; nobody looks for "" */
		return;
	k->e = xgrow(k->e, &k->cap, k->n + 1, sizeof *k->e);
	e = &k->e[k->n++];
	e->key = xmalloc(len + 1);
	key_encode(e->key, s, len);
	e->key[len] = '\0';
	e->len = len;
	e->channel = channel;
}

static int same_key(const struct entry *x, const struct entry *y)
{
	return x->len == y->len && memcmp(x->key, y->key, x->len) == 0;
}

static int by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->channel < y->channel ? -1 : x->channel > y->channel;
}

static void keys_free(struct keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->e[i].key);
	free(k->e);
}

/*
 * Channel lists.  refs[] starts with 0 .. nchannels - 1, so that a key of
 * one channel c is the list (c, 1); longer lists follow, each stored once.
 */
struct refs {
	size_t *r;
	size_t n, cap;
	size_t maxcount;
};

/* The start of list (n channels at l) in refs, adding it if new. */
static size_t refs_find(struct refs *rf, size_t nchannels, const size_t *l, size_t n)
{
	if (n == 1)
		return l[0];
	for (size_t i = nchannels; i + n <= rf->n; i++)
		if (memcmp(rf->r + i, l, n * sizeof *l) == 0)
			return i;
	rf->r = xgrow(rf->r, &rf->cap, rf->n + n, sizeof *rf->r);
	memcpy(rf->r + rf->n, l, n * sizeof *l);
	rf->n += n;
	return rf->n - n;
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

struct table {
	const struct page *pg;
	const char *label;
	struct pool pool;
	size_t (*field)[AUXCHAN_FIELD_COUNT]; /* pool string of each field */
	size_t title, date;
	struct keys room, name;
	struct refs refs;
};

static void banner(FILE *f, const struct table *t, const char *open, const char *close)
{
	fprintf(f, "%s Generated by auxchan-gen from %s: do not edit. %s\n", open, t->label, close);
}

/*
 * Writes the keywords of one gperf table, whose functions, arrays and
 * constants are named after name ("room") and prefix ("ROOM").
 */
static void write_gperf(FILE *f, struct table *t, const struct keys *k,
                        const char *name, const char *prefix)
{
	size_t *list = xmalloc((t->pg->n + 1) * sizeof *list);

	banner(f, t, "/*", "*/");
	fprintf(f, "%%struct-type\n%%omit-struct-type\n%%readonly-tables\n%%global-table\n"
	        "%%pic\n%%compare-lengths\n");
	fprintf(f, "%%define hash-function-name ch_%s_hash\n", name);
	fprintf(f, "%%define lookup-function-name ch_%s_lookup\n", name);
	fprintf(f, "%%define word-array-name ch_%s_words\n", name);
	fprintf(f, "%%define string-pool-name ch_%s_pool\n", name);
	fprintf(f, "%%define length-table-name ch_%s_lengths\n", name);
	fprintf(f, "%%define constants-prefix CH_%s_\n", prefix);
	fprintf(f, "%%define initializer-suffix ,0,0\n");
	fprintf(f, "struct ch_word;\n%%%%\n");
	if (k->n == 0) /* gperf wants a key: one no encoded query equals */
		fprintf(f, "\"A\", 0, 0\n");
	for (size_t i = 0, j; i < k->n; i = j) {
		size_t n = 0;

		for (j = i; j < k->n && same_key(&k->e[i], &k->e[j]); j++)
			if (n == 0 || list[n - 1] != k->e[j].channel)
				list[n++] = k->e[j].channel;
		if (n > t->refs.maxcount)
			t->refs.maxcount = n;
		putc('"', f);
		put_escaped(f, k->e[i].key, k->e[i].len);
		fprintf(f, "\", %zu, %zu\n", refs_find(&t->refs, t->pg->n, list, n), n);
	}
	fprintf(f, "%%%%\n");
	free(list);
}

static void write_data(FILE *f, struct table *t)
{
	const struct page *pg = t->pg;
	const struct pool *p = &t->pool;

	banner(f, t, "/*", "*/");
	/* No page text in comments: a comment end in it would end them. */
	fprintf(f, "/*\n * %zu channels, %zu groups.\n", pg->n, pg->ngroups);
	fprintf(f, " * String pool: %zu bytes for %zu bytes of distinct strings.\n",
	        p->size, p->distinct);
	fprintf(f, " * Keys: %zu room keys, %zu name keys; channel lists: %zu entries.\n */\n",
	        t->room.n, t->name.n, t->refs.n);
	fprintf(f, "#include <stdint.h>\n\n");
	fprintf(f, "typedef %s ch_off; /* pool offsets */\n", uint_type(p->size));
	fprintf(f, "typedef %s ch_ref; /* channel numbers */\n", uint_type(pg->n));
	fprintf(f, "typedef %s ch_rix; /* indices of ch_refs */\n", uint_type(t->refs.n));
	fprintf(f, "typedef %s ch_cnt; /* channel counts */\n\n", uint_type(t->refs.maxcount));
	fprintf(f, "/* A gperf slot: the key (in its own pool) and its channels. */\n");
	fprintf(f, "struct ch_word {\n\tint name;\n\tch_rix first; /* in ch_refs */\n"
	        "\tch_cnt count;\n};\n\n");
	fprintf(f, "#define CH_COUNT %zu\n#define CH_TITLE %zu\n#define CH_DATE %zu\n"
	        "#define CH_POOL_SIZE %zu\n\n", pg->n, p->off[t->title], p->off[t->date], p->size);

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
	fprintf(f, "static const ch_ref ch_refs[%zu] = {", t->refs.n);
	for (size_t i = 0; i < t->refs.n; i++)
		fprintf(f, "%s%zu,", i % 16 ? " " : "\n\t", t->refs.r[i]);
	fprintf(f, "\n};\n");
}

/* ---- Files ------------------------------------------------------------- */

static const char *const file_names[] = {
	"channel_data.h", "channel_room.gperf", "channel_name.gperf",
};
#define NFILES (sizeof file_names / sizeof *file_names)

static char *path_of(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
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

		key_add(&t->room, c->alias + 1, c->lplen, i);
		key_add(&t->name, c->name, strlen(c->name), i);
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];

			key_add(&t->name, pg->ch[g->first].alias + 1, g->stemlen, i);
			key_add(&t->name, g->topic, strlen(g->topic), i);
		}
	}
	qsort(t->room.e, t->room.n, sizeof *t->room.e, by_key);
	qsort(t->name.e, t->name.n, sizeof *t->name.e, by_key);
	t->refs.r = xgrow(NULL, &t->refs.cap, pg->n + 1, sizeof *t->refs.r);
	for (size_t i = 0; i < pg->n; i++)
		t->refs.r[i] = i;
	t->refs.n = pg->n;
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
		/* The gperf files first: they complete the channel lists. */
		write_gperf(f[1], &t, &t.room, "room", "ROOM");
		write_gperf(f[2], &t, &t.name, "name", "NAME");
		write_data(f[0], &t);
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
	keys_free(&t.room);
	keys_free(&t.name);
	free(t.refs.r);
	free(t.field);
	return rc;
}
