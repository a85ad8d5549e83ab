/*
 * room.c - tests of the library (src/room.c), built from the page
 * given as argv[1]; argv[2] is the build directory.
 *
 * - Round trip: the page read again by the generator's parser gives the
 *   rooms the library serves, field by field.  Built with
 *   ROOM_NO_PAGE (a release tarball, without cmark-gfm), the records
 *   come from the library's own fields instead, grouped by the generator's
 *   rule (gen/group.c): the lookups are still checked against them.
 * - Every key of every room, in three cases, and near misses of each,
 *   give exactly what a linear scan over the page's records gives
 *   (tests/reference.h).
 * - Table-driven hits and misses of the seed page, when the page is the
 *   seed (tests/seed.h).
 * - No allocation: malloc is replaced by a counter for the whole process,
 *   and the library's objects reference no allocator, only string
 *   functions, and have no writable data.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "check.h"
#include "allocations.h"
#include "key.h"
#include "link.h"
#include "object.h"
#include "reference.h"
#include "seed.h"

/* Checks the library's answer for a query against the reference. */
static void check_query(const char *q, size_t n, const char *what)
{
	size_t got[64], want[64], ngot, nwant;

	ngot = auxchan_lookup(q, n, got, 64);
	nwant = ref_lookup(q, n, want, 64);
	check(ngot == nwant && !memcmp(got, want, (ngot < 64 ? ngot : 64) * sizeof *got),
	      "%s '%.*s': the library gives %zu rooms, a scan of the page %zu",
	      what, (int)n, q, ngot, nwant);
}

static int contains(const size_t *a, size_t n, size_t x)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] == x)
			return 1;
	return 0;
}

static void with_case(char *dst, const char *src, size_t n, int mode)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		dst[i] = (char)(mode == 0 ? c : mode == 1 ? key_fold(c)
		              : (c >= 'a' && c <= 'z' ? c - 32 : c));
	}
}

/*
 * Every key of every room, as written, lower and upper case, finds it; but
 * those a query reads as another thing (auxchan.h): a form of the alias
 * without its '#' that starts with '#' (of "##x:y.org", "#x:y.org" and "#x"
 * are the alias of the localpart "x"), and a name or topic that is a
 * matrix.to link (the room it links to).
 */
static void test_keys(void)
{
	for (size_t c = 0; c < ref_pg.n; c++) {
		const struct room *ch = &ref_pg.rooms[c];
		char hashed[LINK_ALIAS_MAX + 2] = "#";
		const char *keys[8];
		size_t lens[8], nk = 0, named;
		int bare = ch->alias[1] == '#'; /* the alias's forms without '#' start with one */

		keys[nk] = ch->alias, lens[nk++] = strlen(ch->alias);
		keys[nk] = ch->alias + 1, lens[nk++] = strlen(ch->alias + 1);
		keys[nk] = ch->alias + 1, lens[nk++] = ch->lplen;
		memcpy(hashed + 1, ch->alias + 1, ch->lplen);
		keys[nk] = hashed, lens[nk++] = ch->lplen + 1;
		keys[nk] = ch->url, lens[nk++] = strlen(ch->url);
		named = nk;
		keys[nk] = ch->name, lens[nk++] = strlen(ch->name);
		if (ch->group != NO_GROUP) {
			const struct group *g = &ref_pg.groups[ch->group];

			keys[nk] = ref_pg.rooms[g->first].alias + 1, lens[nk++] = g->stemlen;
			keys[nk] = g->topic, lens[nk++] = strlen(g->topic);
		}
		for (size_t k = 0; k < nk; k++) {
			char q[2048];
			size_t found[64], n;
			/* what a query reads as another thing may find other rooms */
			int other = k < named ? bare && (k == 1 || k == 2) : ref_is_link(keys[k], lens[k]);

			if (lens[k] == 0 || lens[k] > sizeof q)
				continue;
			for (int mode = 0; mode < 3; mode++) {
				with_case(q, keys[k], lens[k], mode);
				n = auxchan_lookup(q, lens[k], found, 64);
				check(other || (n > 0 && contains(found, n < 64 ? n : 64, c)),
				      "room %zu key '%.*s': found", c, (int)lens[k], q);
				check_query(q, lens[k], "key");
			}
			/* Near misses: each byte changed (0x20 is the case bit of
			 * letters only), one byte more, one less. */
			for (size_t i = 0; i < lens[k]; i++)
				for (int bit = 0x01; bit <= 0x20; bit += 0x1f) {
					memcpy(q, keys[k], lens[k]);
					q[i] = (char)(q[i] ^ bit);
					check_query(q, lens[k], "near key");
				}
			memcpy(q, keys[k], lens[k]);
			q[lens[k]] = 'x';
			check_query(q, lens[k] + 1, "longer key");
			check_query(q, lens[k] - 1, "shorter key");
		}
	}
}

/*
 * key_mem_equal() (key.h), which compares eight bytes at a time, against a
 * byte's ASCII folding: every pair of bytes, at every place of keys of 1
 * to 17 bytes (short keys are read in overlapping halves, long ones in
 * words, the last overlapping).
 */
static void test_key_mem_equal(void)
{
	char a[17], b[17];

	memset(a, 'k', sizeof a);
	memset(b, 'K', sizeof b);
	for (size_t n = 1; n <= sizeof a; n++) {
		size_t wrong = 0;

		for (size_t at = 0; at < n; at++) {
			for (unsigned x = 0; x < 256; x++)
				for (unsigned y = 0; y < 256; y++) {
					a[at] = (char)x, b[at] = (char)y;
					wrong += key_mem_equal(a, b, n) != (key_fold(x) == key_fold(y));
				}
			a[at] = 'k', b[at] = 'K';
		}
		check(wrong == 0, "key_mem_equal() of %zu bytes: %zu pairs of bytes wrong", n, wrong);
	}
}

/*
 * The first-level hash (key.h) with the seed in every word: two keys made
 * to collide under one seed (each step of the hash can be undone, so the
 * second word is solved for) do not collide under others.  With the seed
 * only at the start, they did under all of them, and a page could crowd
 * any number of keys into one bucket.
 */
static uint64_t rotl27(uint64_t h)
{
	return h << 27 | h >> 37;
}

static void test_key_hash_seeds(void)
{
	uint64_t inverse = KEY_MUL, seed = 0x94d049bb133111ebull, a[2], b[2], h;
	char x[16], y[16];
	size_t differ = 0, tries = 0;

	for (int i = 0; i < 6; i++) /* Newton: KEY_MUL's inverse mod 2^64 */
		inverse *= 2 - KEY_MUL * inverse;
	memcpy(x, "name of the room", 16);
	memcpy(a, x, 16);
	h = key_mix(key_mix(seed, a[0], seed), a[1], seed);
	do { /* a second word without upper case, which hashing would fold */
		memcpy(y, "another.", 8);
		y[0] = (char)('a' + tries % 26), y[1] = (char)('a' + tries / 26 % 26);
		memcpy(b, y, 8);
		b[1] = (h ^ rotl27(key_mix(seed, b[0], seed))) * inverse ^ seed;
		memcpy(y + 8, &b[1], 8);
	} while (++tries < 100000 && key_word(b[1], 0) != b[1]);
	check(key_hash(x, 16, 0, seed) == key_hash(y, 16, 0, seed),
	      "keys made to collide under one seed collide");
	for (uint64_t s = 2; s <= 65; s++)
		differ += key_hash(x, 16, 0, s * seed) != key_hash(y, 16, 0, s * seed);
	check_num("... and under 64 other seeds, they differ", (long long)differ, 64);
}

/* Is the query (n bytes) one of the strings room c is found by? */
static int names_room(const char *q, size_t n, size_t c)
{
	const struct room *ch = &ref_pg.rooms[c];
	char hashed[LINK_ALIAS_MAX + 2] = "#";
	const char *forms[8];
	size_t lens[8], nf = 0;

	forms[nf] = ch->alias, lens[nf++] = strlen(ch->alias);
	forms[nf] = ch->alias + 1, lens[nf++] = strlen(ch->alias + 1);
	forms[nf] = ch->alias + 1, lens[nf++] = ch->lplen;
	memcpy(hashed + 1, ch->alias + 1, ch->lplen);
	forms[nf] = hashed, lens[nf++] = ch->lplen + 1;
	forms[nf] = ch->name, lens[nf++] = strlen(ch->name);
	if (ch->group != NO_GROUP) {
		const struct group *g = &ref_pg.groups[ch->group];

		forms[nf] = ref_pg.rooms[g->first].alias + 1, lens[nf++] = g->stemlen;
		forms[nf] = g->topic, lens[nf++] = strlen(g->topic);
	}
	for (size_t f = 0; f < nf; f++)
		if (ref_same(q, n, forms[f], lens[f]))
			return 1;
	return 0;
}

static int by_folded(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	size_t n = strlen(*x) < strlen(*y) ? strlen(*x) : strlen(*y);

	for (size_t i = 0; i < n; i++)
		if (ref_fold((unsigned char)(*x)[i]) != ref_fold((unsigned char)(*y)[i]))
			return ref_fold((unsigned char)(*x)[i]) - ref_fold((unsigned char)(*y)[i]);
	return strlen(*x) < strlen(*y) ? -1 : strlen(*x) > strlen(*y);
}

/*
 * The keys the library lists: each once, ignoring case; each a string of
 * the rooms it finds (alias, localpart, name, stem, topic, with or without
 * '#'); and every alias, localpart, name, stem and topic of the page finds
 * its rooms.
 */
static void test_key_list(void)
{
	size_t n = auxchan_key_count(), len;
	char **k = calloc(n + 1, sizeof *k);

	check(auxchan_key(n, &len) == NULL, "key past the end is NULL");
	for (size_t i = 0; i < n; i++) {
		const char *s = auxchan_key(i, &len);
		size_t found[64], nf;

		if (!check(s && len > 0, "key %zu: not empty", i))
			continue;
		k[i] = strndup(s, len);
		nf = auxchan_lookup(s, len, found, 64);
		check(nf > 0, "key '%s' finds a room", k[i]);
		for (size_t f = 0; f < nf && f < 64; f++)
			check(names_room(s, len, found[f]), "key '%s' is a string of room %zu",
			      k[i], found[f]);
		check_query(s, len, "listed key");
	}
	qsort(k, n, sizeof *k, by_folded);
	for (size_t i = 1; i < n; i++)
		check(!k[i - 1] || !k[i] || by_folded(&k[i - 1], &k[i]) != 0,
		      "key '%s' listed once", k[i]);
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

/* The page read again gives the rooms the library serves. */
static void test_round_trip(void)
{
	static const char *const names[] = { "section", "name", "alias", "url", "purpose", "group" };

	check_num("room count", (long long)auxchan_count(), (long long)ref_pg.n);
	check_str("title", auxchan_title(), ref_pg.title);
	check_str("date", auxchan_date(), ref_pg.date);
	for (size_t c = 0; c < ref_pg.n && c < auxchan_count(); c++) {
		const struct room *ch = &ref_pg.rooms[c];
		const char *want[AUXCHAN_FIELD_COUNT] = {
			ch->section, ch->name, ch->alias, ch->url, ch->purpose,
			ch->group == NO_GROUP ? "" : ref_pg.groups[ch->group].topic,
		};

		for (int f = 0; f < AUXCHAN_FIELD_COUNT; f++) {
			char what[64];

			snprintf(what, sizeof what, "room %zu %s", c, names[f]);
			check_str(what, auxchan_field(c, (enum auxchan_field)f), want[f]);
		}
	}
	check(auxchan_field(auxchan_count(), AUXCHAN_NAME) == NULL, "field past the end is NULL");
	check(auxchan_field(0, AUXCHAN_FIELD_COUNT) == NULL, "field out of range is NULL");
}

/* Keys no page has: empty, too long, every high byte, NUL inside. */
static void test_misses(void)
{
	static char longkey[5000];
	size_t found[4];

	memset(longkey, 'a', sizeof longkey);
	check_num("empty key", (long long)auxchan_lookup("", 0, found, 4), 0);
	check_num("NULL key of length 0", (long long)auxchan_lookup(NULL, 0, NULL, 0), 0);
	check_query(longkey, sizeof longkey, "key longer than any");
	for (unsigned b = 0x80; b < 0x100; b++) {
		char q[2] = { (char)b, 'x' };

		check_query(q, 1, "high byte");
		check_query(q, 2, "high byte");
	}
	if (ref_pg.n > 0) {
		char q[LINK_ALIAS_MAX + 2];
		size_t n = strlen(ref_pg.rooms[0].alias);

		memcpy(q, ref_pg.rooms[0].alias, n);
		q[n] = '\0';
		check_query(q, n + 1, "alias with a NUL after it");
	}
}

/* ---- The seed page -------------------------------------------------------- */

static const struct {
	const char *description, *key;
	const char *aliases; /* the rooms found, by alias, space-separated */
} seed[] = {
	{ "group topic", "python", "#SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org" },
	{ "group topic, any case", "PyThOn", "#SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org" },
	{ "group stem", "sigpy", "#SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org" },
	{ "topic of several words", "code of conduct",
	  "#COMCOC-GEN:auxolotl.org #COMCOC-GOV:auxolotl.org" },
	{ "name used twice", "SIG:CLI Governance",
	  "#SIGCLI-GOV:auxolotl.org #SIGPY-GOV:auxolotl.org" },
	{ "alias", "#SIGPY-GEN:auxolotl.org", "#SIGPY-GEN:auxolotl.org" },
	{ "alias without '#'", "sigpy-gen:AUXOLOTL.ORG", "#SIGPY-GEN:auxolotl.org" },
	{ "localpart", "sigpy-gov", "#SIGPY-GOV:auxolotl.org" },
	{ "localpart with '#'", "#general", "#general:auxolotl.org" },
	{ "link", "https://matrix.to/#/#SIGPY-GEN:auxolotl.org", "#SIGPY-GEN:auxolotl.org" },
	{ "link, any case", "HTTPS://MATRIX.TO/#/#sigpy-gen:auxolotl.org", "#SIGPY-GEN:auxolotl.org" },
	{ "link, percent-encoded", "https://matrix.to/#/%23SIGPY-GEN%3Aauxolotl.org",
	  "#SIGPY-GEN:auxolotl.org" },
	{ "link with via", "https://matrix.to/#/#general:auxolotl.org?via=auxolotl.org",
	  "#general:auxolotl.org" },
	{ "name", "Committee: Marketing Governance", "#COMMARKET-GOV:auxolotl.org" },
	{ "near topic", "pytho", "" },
	{ "near topic, longer", "pythonn", "" },
	{ "near localpart", "sigpy-ge", "" },
	{ "other server", "#sigpy-gen:auxolotl.or", "" },
	{ "empty server", "sigpy-gen:", "" },
	{ "bare '#'", "#", "" },
	{ "bare ':'", ":", "" },
	{ "bare link prefix", "https://matrix.to/#/", "" },
	{ "malformed escape", "https://matrix.to/#/%2", "" },
	{ "link to a user", "https://matrix.to/#/@someone:auxolotl.org", "" },
	{ "topic of a name, not a group", "Auxolotl", "" },
	{ "name prefix", "SIG:", "" },
};

static int on_seed; /* the page is the seed (seed.h) */

static int is_seed(void)
{
	return on_seed;
}

static void test_seed(void)
{
	if (!is_seed())
		return;
	for (size_t i = 0; i < sizeof seed / sizeof *seed; i++) {
		size_t found[8], n = auxchan_lookup(seed[i].key, strlen(seed[i].key), found, 8);
		char got[512] = "";

		for (size_t k = 0; k < n && k < 8; k++) {
			strcat(got, k ? " " : "");
			strcat(got, auxchan_field(found[k], AUXCHAN_ALIAS));
		}
		check_str(seed[i].description, got, seed[i].aliases);
	}

	size_t one[1], n = auxchan_lookup("python", 6, one, 1);

	check(n == 2 && !strcmp(auxchan_field(one[0], AUXCHAN_ALIAS), "#SIGPY-GEN:auxolotl.org"),
	      "a short array gets the first match and the full count");
	check_num("count only, no array", (long long)auxchan_lookup("python", 6, NULL, 0), 2);
	/* Keys need no NUL: a key inside a longer buffer. */
	check_num("key not NUL-terminated", (long long)auxchan_lookup("pythonic", 6, one, 1), 2);
}

/* ---- No allocation, no writable data ----------------------------------- */

/* valgrind replaces malloc, this file's included: it counts for us then.
 * Under a sanitizer the counter is not built: the plain build counts. */
static int under_valgrind(void)
{
	const char *preload = getenv("LD_PRELOAD");

	return preload && strstr(preload, "vgpreload");
}

static void test_allocation(void)
{
	if (under_valgrind() || CHECK_SANITIZED) {
		test_keys();
		test_misses();
		test_seed();
		return;
	}
	/* Through a pointer the compiler cannot see through: no elision. */
	void *(*volatile alloc)(size_t) = malloc;
	unsigned long before = allocations;

	free(alloc(16));
	check(allocations == before + 2, "the counter sees an allocation and its free");

	before = allocations;
	test_keys();
	test_misses();
	test_seed();
	check_num("allocations during every lookup above", (long long)(allocations - before), 0);
}

/* The library's objects may call these and nothing else (no malloc). */
static const char *const allowed[] = {
	"memchr", "memcmp", "bcmp", "memcpy", "memmove", "memset", "strlen", "strcmp", "strncmp",
	"_GLOBAL_OFFSET_TABLE_", NULL,
};

int main(int argc, char **argv)
{
	static char outbuf[1 << 16];

	/* A buffer of its own: stdout allocating one inside a counted window
	 * would count against the library. */
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	if (argc != 3) {
		fputs("usage: room PAGE BUILDDIR\n", stderr);
		return 2;
	}
	if (ref_load(argv[1]) != 0) {
		fprintf(stderr, "room: cannot read the page %s\n", argv[1]);
		return 2;
	}

	on_seed = seed_is(argv[1]);
	test_key_mem_equal();
	test_key_hash_seeds();
	test_round_trip();
	test_key_list();
	test_allocation();
	object_check_module(argv[2], "room", allowed, NULL);
	if (!is_seed()) {
		char what[128];

		snprintf(what, sizeof what, "the %zu cases written for the seed's rooms are",
		         sizeof seed / sizeof *seed);
		seed_note(argv[1], what);
	}
	ref_free();
	return check_done("room");
}
