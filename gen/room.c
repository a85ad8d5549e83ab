/* room.c - writes the room table (see room.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "room.h"
#include "group.h"
#include "key.h"
#include "link.h"
#include "gperf.h"
#include "mem.h"
#include "pool.h"
#include "table.h"

/* ---- Keys ---------------------------------------------------------------
 *
 * Every string that finds rooms is a key, compared ignoring ASCII case:
 * each room's alias without '#' ("sigpy-gen:auxolotl.org") and localpart
 * ("sigpy-gen"), and each display name, group stem and topic.  An entry
 * says that a key finds a room, and how.  Entries sorted by key, then
 * room, form runs: a key and its rooms in page order.  Keys are not
 * stored again: each is bytes of the pool (the alias without '#' inside the
 * alias, the localpart and the stem at its start), which the library
 * compares with the query, ignoring case.
 */
enum kind {
	NAMED,       /* a display name, group stem or topic: found as typed */
	ROOM,        /* an alias without '#' or a localpart: also as a room reference */
	AFTER_SIGIL, /* a name, stem or topic "#K", entered as the key K: "#K" finds it */
};

/*
 * A query that starts with '#' (but "#" alone) is looked up without it, as
 * a room reference: so a name, stem or topic "#K" is entered as the key K
 * (AFTER_SIGIL), found after the '#', never as "#K" itself.
 */

struct entry {
	char *enc;       /* key_encode()d: the bytes gperf hashes */
	size_t len;
	size_t off;      /* where the key's bytes are in the pool */
	size_t room;
	enum kind kind;
};

struct entries {
	struct entry *e;
	size_t n, cap;
};

static void entry_add(struct entries *k, const char *s, size_t len, size_t off,
                      size_t room, enum kind kind)
{
	struct entry *e;

	if (len == 0) /* gperf has no empty keys; the library looks none up */
		return;
	k->e = xgrow(k->e, &k->cap, k->n + 1, sizeof *k->e);
	e = &k->e[k->n++];
	e->enc = xmalloc(len);
	key_encode(e->enc, s, len, 1);
	e->len = len;
	e->off = off;
	e->room = room;
	e->kind = kind;
}

static int by_key(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = table_compare(x->enc, x->len, y->enc, y->len);

	if (c)
		return c;
	return x->room < y->room ? -1 : x->room > y->room;
}

/*
 * Enters a name, stem or topic: "#K" as K after a '#' (see enum kind).  One
 * that is a matrix.to link is no key: a query that is a link is read as the
 * room it names (auxchan_lookup()), so it would never be found, only listed
 * (the page reader warns of such a name).
 */
static void entry_add_named(struct entries *k, const char *s, size_t len, size_t off,
                            size_t room)
{
	if (link_has_prefix(s, len, 1))
		return;
	if (len > 1 && s[0] == '#')
		entry_add(k, s + 1, len - 1, off + 1, room, AFTER_SIGIL);
	else
		entry_add(k, s, len, off, room, NAMED);
}

static void entries_free(struct entries *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->e[i].enc);
	free(k->e);
}

/* ---- Room lists ------------------------------------------------------
 *
 * lists[] holds each list as its length, then its rooms in page order:
 * the empty list at 0, then each room alone (room c at 1 + 2c), then
 * the longer lists, each stored once (found again through a hash set).
 */
struct lists {
	size_t *v, n, cap;
	size_t *set, setcap;  /* offsets of the longer lists; 0 is free */
	size_t nset;          /* longer lists stored */
	size_t *build, nbuild;    /* the list being built */
	size_t *seen, stamp;      /* seen[c] == stamp: c is in it */
};

static void lists_init(struct lists *l, size_t nrooms)
{
	l->cap = 1 + 2 * nrooms;
	l->v = xmalloc(l->cap * sizeof *l->v);
	l->v[0] = 0;
	for (size_t c = 0; c < nrooms; c++)
		l->v[1 + 2 * c] = 1, l->v[2 + 2 * c] = c;
	l->n = l->cap;
	l->build = xmalloc((nrooms + 1) * sizeof *l->build);
	l->seen = xmalloc((nrooms + 1) * sizeof *l->seen);
	for (size_t c = 0; c < nrooms; c++)
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

/* Stores the n rooms at c (sorted, distinct): returns the list's offset. */
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
	return l->n - 1 - n;
}

/* Adds the rooms of the entries [from, to) of e whose kind is in kinds. */
static void list_add(struct lists *l, const struct entries *e, size_t from, size_t to,
                     unsigned kinds)
{
	for (size_t i = from; i < to; i++) {
		size_t c = e->e[i].room;

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

	xsort(l->build, l->nbuild, sizeof *l->build, by_size);
	off = list_store(l, l->build, l->nbuild);
	l->nbuild = 0;
	l->stamp++;
	return off;
}

/* ---- The table ---------------------------------------------------------- */

/*
 * A key of the table, as the library reads it: its bytes, and three lists,
 * the rooms it finds
 *   typed  as typed: "python", "sigpy-gen", "SIG:Python General";
 *   sigil  after the sigil '#': "#sigpy-gen" (a room reference, and the
 *          names, stems and topics "#K" of the key K);
 *   link   as the room a matrix.to link names.
 * A key that starts with '#' is never typed (a query "#K" is K after a
 * '#'), but "#" alone; typed is empty then, as for a key that only "#K"
 * finds: the library lists both with a '#' before them (auxchan_key()).
 */
struct key {
	size_t entry;                 /* its first entry: its bytes */
	size_t typed, sigil, link;    /* its lists: offsets in lists.v */
};

struct key_table {
	const struct page *pg;
	struct pool pool;
	size_t (*field)[AUXCHAN_FIELD_COUNT]; /* pool string of each field */
	size_t title, date;
	/* The groups: pool strings of their fields, leaders and meetings
	 * (their first in leader[] and meeting[]), and their room lists. */
	size_t (*gfield)[AUXCHAN_GROUP_FIELD_COUNT];
	size_t *leader, nleaders, *first_leader;
	size_t (*meeting)[AUXCHAN_MEETING_FIELD_COUNT], nmeetings, *first_meeting;
	size_t *grooms;
	struct entries e;
	struct lists lists;
	struct key *keys;         /* in the order of their bytes */
	size_t nkeys, max_len;
	struct gperf_table gperf; /* the keys in buckets */
	size_t *local;            /* each key's number in its bucket */
	int swap;                 /* a key holds a '?' (key.h) */
};

/* Turns the sorted entries into keys, with their lists. */
static void add_keys(struct key_table *t)
{
	const struct entries *e = &t->e;
	struct lists *l = &t->lists;
	size_t cap = 0;

	for (size_t i = 0, j; i < e->n; i = j) {
		const struct entry *x = &e->e[i];
		struct key k = { .entry = i };

		for (j = i; j < e->n && !table_compare(x->enc, x->len, e->e[j].enc, e->e[j].len); j++)
			;
		list_add(l, e, i, j, 1u << ROOM);
		k.link = list_end(l);
		list_add(l, e, i, j, 1u << ROOM | 1u << AFTER_SIGIL);
		k.sigil = list_end(l);
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

/* Splits the keys into buckets, each key numbered in its bucket. */
static void bucket(struct key_table *t)
{
	struct gperf_table *g = &t->gperf;
	const char **key = xmalloc((t->nkeys + 1) * sizeof *key);
	size_t *len = xmalloc((t->nkeys + 1) * sizeof *len);

	for (size_t k = 0; k < t->nkeys; k++) {
		key[k] = t->e.e[t->keys[k].entry].enc;
		len[k] = t->e.e[t->keys[k].entry].len;
	}
	*g = (struct gperf_table){ .name = "room", .prefix = "room", .upper = "ROOM",
	                           .n = t->nkeys, .key = key, .len = len,
	                           .bucket_keys = GPERF_BUCKET_KEYS };
	gperf_bucket(g);
	t->local = xmalloc((t->nkeys + 1) * sizeof *t->local);
	for (size_t b = 0; b < g->nbuckets; b++)
		for (size_t i = g->first[b]; i < g->first[b + 1]; i++)
			t->local[g->order[i]] = i - g->first[b];
}

/* Adds the groups' strings to the pool, after the rooms'. */
static void add_groups(struct key_table *t)
{
	const struct page *pg = t->pg;
	struct pool *p = &t->pool;
	size_t ng = pg->ngroups, nl = 0, nm = 0;

	for (size_t g = 0; g < ng; g++)
		nl += pg->groups[g].nleaders, nm += pg->groups[g].nmeetings;
	t->gfield = xmalloc((ng + 1) * sizeof *t->gfield);
	t->first_leader = xmalloc((ng + 1) * sizeof *t->first_leader);
	t->first_meeting = xmalloc((ng + 1) * sizeof *t->first_meeting);
	t->leader = xmalloc((nl + 1) * sizeof *t->leader);
	t->meeting = xmalloc((nm + 1) * sizeof *t->meeting);
	for (size_t g = 0; g < ng; g++) {
		const struct group *x = &pg->groups[g];

		t->gfield[g][AUXCHAN_GROUP_TOPIC] = pool_add(p, x->topic);
		t->gfield[g][AUXCHAN_GROUP_STEM] = pool_add_bytes(p, pg->rooms[x->first].alias + 1,
		                                                  x->stemlen);
		t->gfield[g][AUXCHAN_GROUP_RESPONSIBILITY] = pool_add(p, x->responsibility ?
		                                                      x->responsibility : "");
		t->first_leader[g] = t->nleaders;
		for (size_t i = 0; i < x->nleaders; i++)
			t->leader[t->nleaders++] = pool_add(p, x->leaders[i]);
		t->first_meeting[g] = t->nmeetings;
		for (size_t i = 0; i < x->nmeetings; i++) {
			const struct meeting *m = &x->meetings[i];
			size_t *f = t->meeting[t->nmeetings++];

			f[AUXCHAN_MEETING_TIME] = pool_add(p, m->time);
			f[AUXCHAN_MEETING_LENGTH] = pool_add(p, m->length);
			f[AUXCHAN_MEETING_JOIN] = pool_add(p, m->join);
			f[AUXCHAN_MEETING_URL] = pool_add(p, m->url);
		}
	}
	t->first_leader[ng] = t->nleaders;
	t->first_meeting[ng] = t->nmeetings;
}

/* Stores the room list of each group (after the keys' lists). */
static void group_lists(struct key_table *t)
{
	const struct page *pg = t->pg;
	struct lists *l = &t->lists;
	size_t *start = xmalloc((pg->ngroups + 1) * sizeof *start), *next;
	size_t *rooms = xmalloc((pg->n + 1) * sizeof *rooms);

	/* The rooms of each group in page order: a counting sort. */
	for (size_t g = 0; g <= pg->ngroups; g++)
		start[g] = 0;
	for (size_t i = 0; i < pg->n; i++)
		if (pg->rooms[i].group != NO_GROUP)
			start[pg->rooms[i].group + 1]++;
	for (size_t g = 0; g < pg->ngroups; g++)
		start[g + 1] += start[g];
	next = xmalloc((pg->ngroups + 1) * sizeof *next);
	memcpy(next, start, (pg->ngroups + 1) * sizeof *next);
	for (size_t i = 0; i < pg->n; i++)
		if (pg->rooms[i].group != NO_GROUP)
			rooms[next[pg->rooms[i].group]++] = i;
	t->grooms = xmalloc((pg->ngroups + 1) * sizeof *t->grooms);
	for (size_t g = 0; g < pg->ngroups; g++)
		t->grooms[g] = list_store(l, rooms + start[g], start[g + 1] - start[g]);
	free(start);
	free(next);
	free(rooms);
}

static void build(struct key_table *t)
{
	const struct page *pg = t->pg;
	struct pool *p = &t->pool;

	/* Strings in page order, so the pool reads like the page. */
	t->title = pool_add(p, pg->title);
	t->date = pool_add(p, pg->date);
	t->field = xmalloc(pg->n * sizeof *t->field);
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];

		t->field[i][AUXCHAN_SECTION] = pool_add(p, c->section);
		t->field[i][AUXCHAN_NAME] = pool_add(p, c->name);
		t->field[i][AUXCHAN_URL] = pool_add(p, c->url);
		t->field[i][AUXCHAN_ALIAS] = pool_add(p, c->alias);
		t->field[i][AUXCHAN_PURPOSE] = pool_add(p, c->purpose);
		t->field[i][AUXCHAN_GROUP] = pool_add(p, c->group == NO_GROUP ? ""
		                                      : pg->groups[c->group].topic);
	}
	add_groups(t);
	pool_layout(p);

	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];
		size_t alias = p->off[t->field[i][AUXCHAN_ALIAS]];

		entry_add(&t->e, c->alias + 1, strlen(c->alias + 1), alias + 1, i, ROOM);
		entry_add(&t->e, c->alias + 1, c->lplen, alias + 1, i, ROOM);
		entry_add_named(&t->e, c->name, strlen(c->name), p->off[t->field[i][AUXCHAN_NAME]], i);
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];

			entry_add_named(&t->e, pg->rooms[g->first].alias + 1, g->stemlen,
			                p->off[t->field[g->first][AUXCHAN_ALIAS]] + 1, i);
			entry_add_named(&t->e, g->topic, strlen(g->topic),
			                p->off[t->field[i][AUXCHAN_GROUP]], i);
		}
	}
	xsort(t->e.e, t->e.n, sizeof *t->e.e, by_key);
	lists_init(&t->lists, pg->n);
	add_keys(t);
	group_lists(t);
	bucket(t);
}

static void table_free(struct key_table *t)
{
	free((void *)t->gperf.key);
	free((void *)t->gperf.len);
	gperf_free(&t->gperf);
	free(t->local);
	pool_free(&t->pool);
	entries_free(&t->e);
	lists_free(&t->lists);
	free(t->keys);
	free(t->field);
	free(t->gfield);
	free(t->leader);
	free(t->first_leader);
	free(t->meeting);
	free(t->first_meeting);
	free(t->grooms);
}

/* ---- Output ------------------------------------------------------------ */

/* The groups: their fields, leaders, meetings and rooms, and each room's. */
static void write_groups(FILE *f, const struct key_table *t)
{
	const struct page *pg = t->pg;
	const size_t *off = t->pool.off;
	size_t ng = pg->ngroups;
	size_t *of = xmalloc((pg->n + 1) * sizeof *of);

	fprintf(f, "#define ROOM_GROUP_COUNT %zu\n", ng);
	fprintf(f, "typedef %s room_leader_ref; /* offsets in room_leaders */\n",
	        table_uint_type(t->nleaders));
	fprintf(f, "typedef %s room_meeting_ref; /* offsets in room_meetings */\n\n",
	        table_uint_type(t->nmeetings));
	fprintf(f, "/* Each group's fields (enum auxchan_group_field), its room list, and\n"
	        " * its leaders and meetings: from the first of the group to the next's. */\n");
	fprintf(f, "static const struct room_group {\n\troom_off field[%d];\n\troom_list rooms;\n"
	        "\troom_leader_ref leaders;\n\troom_meeting_ref meetings;\n"
	        "} room_groups[ROOM_GROUP_COUNT + 1] = {\n", AUXCHAN_GROUP_FIELD_COUNT);
	for (size_t g = 0; g <= ng; g++) {
		fprintf(f, "\t{ {");
		for (int k = 0; k < AUXCHAN_GROUP_FIELD_COUNT; k++)
			fprintf(f, "%s%zu", k ? ", " : " ", g < ng ? off[t->gfield[g][k]] : 0);
		fprintf(f, " }, %zu, %zu, %zu },\n", g < ng ? t->grooms[g] : 0, t->first_leader[g],
		        t->first_meeting[g]);
	}
	fprintf(f, "};\n\n/* The leaders' handles, group by group. */\n");
	fprintf(f, "static const room_off room_leaders[%zu] = {", t->nleaders + 1);
	for (size_t i = 0; i < t->nleaders; i++)
		table_put_number(f, i, 16, off[t->leader[i]]);
	fprintf(f, "%s0,\n};\n\n", t->nleaders % 16 ? " " : "\n\t");
	fprintf(f, "/* The meetings' fields (enum auxchan_meeting_field), group by group. */\n");
	fprintf(f, "static const room_off room_meetings[%zu][%d] = {\n", t->nmeetings + 1,
	        AUXCHAN_MEETING_FIELD_COUNT);
	for (size_t i = 0; i <= t->nmeetings; i++) {
		fprintf(f, "\t{");
		for (int k = 0; k < AUXCHAN_MEETING_FIELD_COUNT; k++)
			fprintf(f, "%s%zu", k ? ", " : " ", i < t->nmeetings ? off[t->meeting[i][k]] : 0);
		fprintf(f, " },\n");
	}
	fprintf(f, "};\n\n/* The group of each room. */\n");
	for (size_t i = 0; i < pg->n; i++)
		of[i] = pg->rooms[i].group == NO_GROUP ? ng : pg->rooms[i].group;
	table_put_numbers(f, "room_group_of", of, pg->n);
	free(of);
}

static void write_data(FILE *f, const char *label, const struct key_table *t)
{
	const struct page *pg = t->pg;
	const struct pool *p = &t->pool;
	const struct gperf_table *g = &t->gperf;
	struct table_records keys;

	fprintf(f, "/* Generated by auxchan-gen from %s: do not edit. */\n", label);
	/* No page text in comments: a comment end in it would end them. */
	fprintf(f, "/*\n * %zu rooms, %zu groups, %zu keys in %zu buckets (at most %zu keys\n"
	        " * in one).  String pool: %zu bytes for %zu bytes of distinct strings.\n"
	        " * Room lists: %zu entries.\n */\n", pg->n, pg->ngroups, t->nkeys,
	        g->nbuckets, g->max_bucket, p->size, p->distinct, t->lists.n);
	fprintf(f, "#include <stddef.h>\n#include <stdint.h>\n\n"
	        "#include \"table.h\" /* src/table.h: the packed numbers */\n\n");
	fprintf(f, "typedef %s room_off;   /* offsets in the string pool */\n", table_uint_type(p->size));
	fprintf(f, "typedef %s room_list;  /* offsets in room_lists: a room list */\n\n",
	        table_uint_type(t->lists.n));
	fprintf(f, "#define ROOM_COUNT %zu\n#define ROOM_TITLE %zu\n#define ROOM_DATE %zu\n"
	        "#define ROOM_POOL_SIZE %zu\n", pg->n, p->off[t->title], p->off[t->date], p->size);
	fprintf(f, "#define ROOM_KEY_COUNT %zu\n#define ROOM_KEY_MAX %zu /* bytes of the longest */\n",
	        t->nkeys, t->max_len);
	fprintf(f, "/* The general rooms, those of the page's first room table: the first. */\n");
	fprintf(f, "#define ROOM_GENERAL_COUNT %zu\n", pg->general);
	fprintf(f, "/* Whether a key has a '?': if not, queries skip the '?' swap (key.h). */\n");
	fprintf(f, "#define ROOM_SWAP %d\n", t->swap);
	fprintf(f, "/* The first-level hash: its seed, and how many buckets it picks from. */\n");
	fprintf(f, "#define ROOM_SEED 0x%016llxull\n#define ROOM_BUCKET_COUNT %zu\n",
	        (unsigned long long)g->seed, g->nbuckets);
	gperf_write_buckets(f, g, g->first);
	pool_write(f, p, "room_pool", "ROOM_POOL");

	fprintf(f, "/* Fields of each room, in the order of enum auxchan_field. */\n");
	fprintf(f, "static const room_off room_fields[ROOM_COUNT][%d] = {\n", AUXCHAN_FIELD_COUNT);
	for (size_t i = 0; i < pg->n; i++) {
		fprintf(f, "\t{");
		for (int k = 0; k < AUXCHAN_FIELD_COUNT; k++)
			fprintf(f, "%s%zu", k ? ", " : " ", p->off[t->field[i][k]]);
		fprintf(f, " }, /* line %u */\n", pg->rooms[i].line);
	}
	fprintf(f, "};\n\n");

	write_groups(f, t);

	fprintf(f, "/* Room lists: each its length, then its rooms in page order. */\n");
	table_put_numbers(f, "room_lists", t->lists.v, t->lists.n);

	fprintf(f, "\n/*\n * The keys, bucket by bucket: where each one's bytes are in the pool,\n"
	        " * and the rooms it finds typed, after a '#', and as the room a link\n"
	        " * names.  A last key of length 0, which no query is, ends them.\n */\n");
	table_records_init(&keys, (const struct table_field[]){
		{ "text", p->size }, { "len", t->max_len }, { "typed", t->lists.n },
		{ "sigil", t->lists.n }, { "link", t->lists.n } }, 5);
	for (size_t i = 0; i < t->nkeys; i++) {
		const struct key *x = &t->keys[g->order[i]];

		table_record(&keys, (const unsigned long long[]){ t->e.e[x->entry].off,
		                                                  t->e.e[x->entry].len, x->typed,
		                                                  x->sigil, x->link });
	}
	table_record(&keys, (const unsigned long long[5]){ 0 }); /* the last */
	table_put_records(f, "room_keys", "room_key", &keys);
}

/* ---- The keys as the library lists them ------------------------------- */

/*
 * The keys of the table as auxchan_key() gives them, in its order: their
 * bytes in a copy of the pool as the library holds it, a key that finds
 * nothing typed with the '#' before it.
 */
static void list_keys(const struct key_table *t, struct key_list *k)
{
	const struct gperf_table *g = &t->gperf;

	k->text = xmalloc(t->pool.size + 1);
	for (size_t r = 0; r < t->pool.nroots; r++) {
		size_t i = t->pool.order[r];

		memcpy(k->text + t->pool.off[i], t->pool.s[i], t->pool.len[i] + 1);
	}
	k->n = t->nkeys;
	k->k = xmalloc((t->nkeys + 1) * sizeof *k->k);
	for (size_t i = 0; i < t->nkeys; i++) {
		const struct key *x = &t->keys[g->order[i]];
		size_t sigil = x->typed == 0;

		k->k[i] = (struct key_text){ k->text + t->e.e[x->entry].off - sigil,
		                             t->e.e[x->entry].len + sigil };
	}
}

int room_write(const struct page *pg, struct files *fs, struct key_list *keys)
{
	struct key_table t = { .pg = pg };
	FILE *f;

	build(&t);
	if (keys)
		list_keys(&t, keys);
	if ((f = files_open(fs, "room_data.h"))) {
		write_data(f, fs->label, &t);
		files_close(fs, f);
	}
	gperf_write(fs, &t.gperf, t.local);
	table_free(&t);
	return fs->failed ? -1 : 0;
}

void key_list_free(struct key_list *k)
{
	free(k->text);
	free(k->k);
	memset(k, 0, sizeof *k);
}

void room_keys(const struct page *pg, FILE *out)
{
	struct key_table t = { .pg = pg };
	struct key_list list;

	build(&t);
	list_keys(&t, &list);
	xsort(list.k, list.n, sizeof *list.k, key_text_order);
	for (size_t i = 0; i < list.n; i++)
		fprintf(out, "%.*s\n", (int)list.k[i].len, list.k[i].s);
	key_list_free(&list);
	table_free(&t);
}
