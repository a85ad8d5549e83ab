/*
 * bench.c - `make bench`: the figures behind auxchan's claims, from one run.
 *
 *   bench PAGE BUILDDIR            everything, for the table built from PAGE
 *                                  in BUILDDIR (this program is linked with
 *                                  it), then the build and lookups of
 *                                  synthetic pages; ends with a RESULT line
 *   bench --lookups PAGE BUILDDIR  lookups and footprint only: what the
 *                                  full run asks of a synthetic page's build
 *
 * The full run takes from the environment BENCH_MAKE (how to run make) and
 * BENCH_SYNTH (tests/bench/synth, which writes synthetic pages).
 *
 * Queries: every key of the table (auxchan_key()), and each room's alias
 * with its '#' and its link, in mixed case, shuffled; as many misses, half
 * near keys with one byte changed, half random keys of the same lengths.
 * In one process, interleaved repetition by repetition, each timed by its
 * median over the repetitions:
 *   auxchan       auxchan_lookup(), the public API
 *   auxchan hot   the same, each query HOT times in a row: its code and
 *                 data in cache, its branches predicted; what a lookup
 *                 costs when nothing waits on memory or a wrong guess
 *   gperf icase   gperf used directly on the same keys, with its own
 *                 --ignore-case lookup (tests/bench/peer.c; linked into the
 *                 seed's benchmark only: gperf alone cannot hash the keys
 *                 of a large page in reasonable time)
 *   bsearch       bsearch() over the same keys, sorted, comparing like
 *                 strcasecmp() with ASCII folding (the keys' rule: no locale)
 *   linear        a scan of the same keys with the same comparison
 *   floor         what any lookup must do at least: compare the query with
 *                 its known answer (a length check, then the same comparison)
 *   ... libc      the same three with glibc's strcasecmp() and
 *                 strncasecmp() (vectorised, locale-dependent)
 *   runtime       what a command would do without auxchan: read the page
 *                 with cmark-gfm and libyaml (the generator's own reader),
 *                 then scan its rows; per query, fewer iterations
 * Every method but runtime copies the rooms it finds, as a lookup must.
 * Ratios are taken on an even mix of hits and misses.
 */
#define _GNU_SOURCE /* strcasestr(), the peer of the search */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "../check.h"
#include "../object.h"
#include "../questions.h"
#include "../run.h"
#include "auxchan.h"
#include "group.h"
#include "key.h"
#include "page.h"

#define REPS 21          /* repetitions of each timing; the median is kept */
#define REP_NS 2000000.0 /* how long one repetition of one method runs */
#define SAMPLE 200       /* keys of a large page timed as the seed's: about as many */
#define HOT 16           /* times in a row each query is asked, for "auxchan hot" */

enum {
	AUXCHAN, AUXCHAN_HOT, GPERF_ICASE, BSEARCH, LINEAR, FLOOR, BSEARCH_LIBC, LINEAR_LIBC, FLOOR_LIBC,
	NMETHODS
};
static const char *const method_names[NMETHODS] = {
	"auxchan", "auxchan hot", "gperf icase", "bsearch", "linear", "floor", "bsearch libc",
	"linear libc", "floor libc",
};

/* The peer, gperf's own lookup (tests/bench/peer.c), when it is linked. */
struct peer_word {
	int name;
	unsigned rooms;
};
extern const struct peer_word *peer_lookup(const char *, size_t) __attribute__((weak));
extern const unsigned short peer_rooms[] __attribute__((weak));

/* A key and the rooms it finds. */
struct key {
	char *s;             /* NUL-terminated, for the libc baselines */
	size_t len;
	size_t rooms[4];     /* the first of them */
	size_t nrooms;
};

struct query {
	char *s;             /* NUL-terminated, for the libc baselines */
	size_t len;
	const struct key *answer; /* the key it is, or was made from */
};

static struct key *keys; /* every key, once (ignoring case), sorted for bsearch */
static size_t nkeys, keycap;
static struct query *hits, *misses;
static size_t nhits, nmisses;
static volatile size_t sink; /* results go here: nothing is optimised away */

/* ---- Deterministic randomness ----------------------------------------- */

#define RND_SEED 0x243f6a8885a308d3ull
#include "rnd.h"

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, by_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- The comparisons ---------------------------------------------------- */

/* strcasecmp() as the keys define it: ASCII letters folded, byte by byte. */
static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int c = key_fold((unsigned char)*a), d = key_fold((unsigned char)*b);

		if (c != d || c == 0)
			return c - d;
	}
}

static int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int c = key_fold((unsigned char)a[i]), d = key_fold((unsigned char)b[i]);

		if (c != d || c == 0)
			return c - d;
	}
	return 0;
}

static int by_key(const void *a, const void *b)
{
	return ascii_casecmp(((const struct key *)a)->s, ((const struct key *)b)->s);
}

static int by_key_libc(const void *a, const void *b)
{
	return strcasecmp(((const struct key *)a)->s, ((const struct key *)b)->s);
}

/* Copies the rooms of a key found, as a lookup must: how many it finds. */
static size_t found_key(const struct key *k, size_t *out)
{
	for (size_t i = 0; i < k->nrooms && i < 4; i++)
		out[i] = k->rooms[i];
	return k->nrooms;
}

/* ---- The query set ------------------------------------------------------ */

static int is_key(const char *s)
{
	struct key k = { .s = (char *)s };

	return bsearch(&k, keys, nkeys, sizeof *keys, by_key) != NULL;
}

static void add_key(const char *s, size_t len)
{
	struct key *k;

	if (nkeys == keycap)
		keys = realloc(keys, (keycap = keycap ? keycap * 2 : 256) * sizeof *keys);
	k = &keys[nkeys++];
	k->s = malloc(len + 1);
	memcpy(k->s, s, len);
	k->s[len] = '\0';
	k->len = len;
	k->nrooms = auxchan_lookup(s, len, k->rooms, 4);
}

/* The keys of the table, and each room's alias and link. */
static void build_keys(void)
{
	size_t n = 0;

	for (size_t i = 0; i < auxchan_key_count(); i++) {
		size_t len;
		const char *s = auxchan_key(i, &len);

		add_key(s, len);
	}
	for (size_t i = 0; i < auxchan_count(); i++) {
		add_key(auxchan_field(i, AUXCHAN_ALIAS), strlen(auxchan_field(i, AUXCHAN_ALIAS)));
		add_key(auxchan_field(i, AUXCHAN_URL), strlen(auxchan_field(i, AUXCHAN_URL)));
	}
	qsort(keys, nkeys, sizeof *keys, by_key);
	for (size_t i = 0; i < nkeys; i++) /* once each, ignoring case */
		if (n == 0 || ascii_casecmp(keys[n - 1].s, keys[i].s))
			keys[n++] = keys[i];
		else
			free(keys[i].s);
	nkeys = n;
}

static struct query make_query(const char *s, size_t len, const struct key *answer)
{
	struct query q = { malloc(len + 1), len, answer };

	memcpy(q.s, s, len);
	q.s[len] = '\0';
	return q;
}

static void shuffle(struct query *q, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rnd((unsigned)i);
		struct query t = q[i - 1];

		q[i - 1] = q[j];
		q[j] = t;
	}
}

/*
 * Moves the n queries into one block, in the order they are asked: a
 * program looks up a query it has just read, so its bytes are in cache;
 * what the timings see of memory is then the tables' own.
 */
static void pack(struct query *q, size_t n)
{
	size_t total = 0;
	char *block, *at;

	for (size_t i = 0; i < n; i++)
		total += q[i].len + 1;
	at = block = malloc(total + 1);
	for (size_t i = 0; i < n; i++) {
		memcpy(at, q[i].s, q[i].len + 1);
		free(q[i].s);
		q[i].s = at;
		at += q[i].len + 1;
	}
}

static void build_queries(void)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789-:.#";

	hits = malloc(nkeys * sizeof *hits);
	misses = malloc(nkeys * sizeof *misses);
	for (size_t i = 0; i < nkeys; i++) {
		struct query q = make_query(keys[i].s, keys[i].len, &keys[i]);

		for (size_t k = 0; k < q.len; k++) /* mixed case */
			if (rnd(2) && ((q.s[k] >= 'a' && q.s[k] <= 'z') || (q.s[k] >= 'A' && q.s[k] <= 'Z')))
				q.s[k] ^= 0x20;
		hits[nhits++] = q;
	}
	for (size_t i = 0; i < nkeys; i++) {
		struct query q = make_query(keys[i].s, keys[i].len, &keys[i]);

		do {
			if (i % 2) { /* a near key: one byte changed */
				memcpy(q.s, keys[i].s, q.len);
				q.s[rnd((unsigned)q.len)] = alphabet[rnd(sizeof alphabet - 1)];
			} else { /* a random key of the same length */
				for (size_t k = 0; k < q.len; k++)
					q.s[k] = alphabet[rnd(sizeof alphabet - 1)];
			}
		} while (is_key(q.s) || auxchan_lookup(q.s, q.len, NULL, 0));
		misses[nmisses++] = q;
	}
	shuffle(hits, nhits);
	shuffle(misses, nmisses);
	pack(hits, nhits);
	pack(misses, nmisses);
}

/* ---- Timing --------------------------------------------------------------- */

/*
 * Each method's loop over the n queries: how many it found.  A function of
 * its own each (never inlined), so that the code the compiler makes of one
 * does not change with another, as it did when they shared a function.
 */
#define METHOD(name) static __attribute__((noinline)) size_t name(const struct query *q, size_t n)

METHOD(run_auxchan)
{
	size_t found = 0, out[4];

	for (size_t i = 0; i < n; i++)
		found += auxchan_lookup(q[i].s, q[i].len, out, 4) != 0;
	sink += out[0];
	return found;
}

METHOD(run_auxchan_hot) /* found once a query, if found every time */
{
	size_t found = 0, out[4];

	for (size_t i = 0; i < n; i++) {
		size_t times = 0;

		for (int h = 0; h < HOT; h++)
			times += auxchan_lookup(q[i].s, q[i].len, out, 4) != 0;
		found += times == HOT;
	}
	sink += out[0];
	return found;
}

METHOD(run_gperf_icase)
{
	size_t found = 0, out[4] = { 0 };

	for (size_t i = 0; i < n; i++) {
		const struct peer_word *w = peer_lookup(q[i].s, q[i].len);

		if (w) {
			const unsigned short *r = peer_rooms + w->rooms;

			for (size_t j = 0; j < r[0] && j < 4; j++)
				out[j] = r[1 + j];
			found += r[0] != 0;
		}
	}
	sink += out[0];
	return found;
}

/*
 * The three ways of finding a key, each with a comparison of ours (ASCII
 * folding) or glibc's, then the rooms copied.  Inlined in each method, so
 * that the comparison is called directly (and glibc's inline bsearch()
 * calls it directly too), as a program's would.
 */
#define INLINE static inline __attribute__((always_inline))

INLINE size_t run_bsearch(const struct query *q, size_t n, int (*cmp)(const void *, const void *))
{
	size_t found = 0, out[4] = { 0 };
	const struct key *k;

	for (size_t i = 0; i < n; i++) {
		struct key x = { .s = q[i].s };

		if ((k = bsearch(&x, keys, nkeys, sizeof *keys, cmp)))
			found += found_key(k, out) != 0;
	}
	sink += out[0];
	return found;
}

INLINE size_t run_linear(const struct query *q, size_t n, int (*cmp)(const char *, const char *))
{
	size_t found = 0, out[4] = { 0 };

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < nkeys; j++)
			if (cmp(q[i].s, keys[j].s) == 0) {
				found += found_key(&keys[j], out) != 0;
				break;
			}
	sink += out[0];
	return found;
}

INLINE size_t run_floor(const struct query *q, size_t n,
                        int (*cmp)(const char *, const char *, size_t))
{
	size_t found = 0, out[4] = { 0 };

	for (size_t i = 0; i < n; i++)
		if (q[i].len == q[i].answer->len && cmp(q[i].s, q[i].answer->s, q[i].len) == 0)
			found += found_key(q[i].answer, out) != 0;
	sink += out[0];
	return found;
}

METHOD(run_bsearch_ascii)
{
	return run_bsearch(q, n, by_key);
}

METHOD(run_bsearch_libc)
{
	return run_bsearch(q, n, by_key_libc);
}

METHOD(run_linear_ascii)
{
	return run_linear(q, n, ascii_casecmp);
}

METHOD(run_linear_libc)
{
	return run_linear(q, n, strcasecmp);
}

METHOD(run_floor_ascii)
{
	return run_floor(q, n, ascii_ncasecmp);
}

METHOD(run_floor_libc)
{
	return run_floor(q, n, strncasecmp);
}

static size_t (*const method_run[NMETHODS])(const struct query *, size_t) = {
	[AUXCHAN] = run_auxchan, [AUXCHAN_HOT] = run_auxchan_hot,
	[GPERF_ICASE] = run_gperf_icase, [BSEARCH] = run_bsearch_ascii, [LINEAR] = run_linear_ascii,
	[FLOOR] = run_floor_ascii, [BSEARCH_LIBC] = run_bsearch_libc, [LINEAR_LIBC] = run_linear_libc,
	[FLOOR_LIBC] = run_floor_libc,
};

/* Runs method m over the n queries, iters times: how many it found. */
static size_t run(int m, const struct query *q, size_t n, size_t iters)
{
	size_t found = 0;

	for (size_t it = 0; it < iters; it++)
		found += method_run[m](q, n);
	return found;
}

/* Median ns per query of each method timed, on hits [0] and misses [1]. */
static double ns[NMETHODS][2];
static int timed[NMETHODS];

static void time_lookups(void)
{
	static double t[NMETHODS][2][REPS];
	size_t iters[NMETHODS][2];

	for (int m = 0; m < NMETHODS; m++)
		for (int k = 0; k < 2 && timed[m]; k++) {
			const struct query *q = k ? misses : hits;
			size_t n = k ? nmisses : nhits;
			double t0 = now_ns();

			sink += run(m, q, n, 1); /* warm up, and calibrate */
			iters[m][k] = (size_t)(REP_NS / (now_ns() - t0 + 1)) + 1;
		}
	for (int r = 0; r < REPS; r++)
		for (int m = 0; m < NMETHODS; m++)
			for (int k = 0; k < 2 && timed[m]; k++) {
				const struct query *q = k ? misses : hits;
				size_t n = k ? nmisses : nhits, found;
				double t0 = now_ns();

				found = run(m, q, n, iters[m][k]);
				t[m][k][r] = (now_ns() - t0) / (double)(n * iters[m][k]) /
				             (m == AUXCHAN_HOT ? HOT : 1);
				if (found != (k ? 0 : n * iters[m][k])) {
					fprintf(stderr, "bench: %s finds %zu of %zu %s\n", method_names[m],
					        found, n * iters[m][k], k ? "misses" : "hits");
					exit(1);
				}
			}
	for (int m = 0; m < NMETHODS; m++)
		for (int k = 0; k < 2 && timed[m]; k++)
			ns[m][k] = median(t[m][k], REPS);
}

/* The run-time alternative: read the page, then scan its rows, per query. */
static double time_runtime(const char *text, size_t len)
{
	double t[5];
	FILE *null = fopen("/dev/null", "w");
	size_t n = nhits < 10 ? nhits : 10;

	for (int r = 0; r < 5; r++) {
		double t0 = now_ns();

		for (size_t i = 0; i < n; i++) {
			struct diag d = { .out = null, .file = "page" };
			struct page pg;

			page_parse(&pg, text, len, &d);
			group_assign(&pg);
			for (size_t c = 0; c < pg.n; c++)
				sink += !strcasecmp(hits[i].s, pg.rooms[c].alias) ||
				        !strcasecmp(hits[i].s, pg.rooms[c].name) ||
				        !strcasecmp(hits[i].s, pg.rooms[c].url);
			page_free(&pg);
		}
		t[r] = (now_ns() - t0) / (double)n;
	}
	fclose(null);
	return median(t, 5);
}

/* ---- Size ------------------------------------------------------------------ */

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Bytes of the distinct name, purpose, alias, URL and section strings. */
static size_t raw_content(void)
{
	static const enum auxchan_field fields[] = {
		AUXCHAN_NAME, AUXCHAN_PURPOSE, AUXCHAN_ALIAS, AUXCHAN_URL, AUXCHAN_SECTION,
	};
	size_t n = 0, total = 0, nf = sizeof fields / sizeof *fields;
	const char **s = malloc(auxchan_count() * nf * sizeof *s);

	for (size_t i = 0; i < auxchan_count(); i++)
		for (size_t f = 0; f < nf; f++)
			s[n++] = auxchan_field(i, fields[f]);
	qsort(s, n, sizeof *s, by_string);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(s[i - 1], s[i]))
			total += strlen(s[i]) + 1;
	free(s);
	return total;
}

static struct elf_sizes object_sizes(const char *path)
{
	struct elf_sizes sz = { 0 };

	if (elf_scan(path, &sz, NULL, NULL) != 0) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		exit(1);
	}
	return sz;
}

/* A formatted string, of any length (to free). */
static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Footprint of the library object of build: its sizes, and its ratio to
 * the raw content of the table linked in (the same page). */
static double footprint(const char *build, struct elf_sizes *lib, size_t *raw)
{
	char *obj = format("%s/room.o", build);

	*lib = object_sizes(obj);
	*raw = raw_content();
	free(obj);
	return (double)(lib->text + lib->rodata + lib->data) / (double)*raw;
}

/* Bytes of code and tables of the search's object: the word table. */
static size_t words_size(const char *build)
{
	char *obj = format("%s/search.o", build);
	struct elf_sizes sz = object_sizes(obj);

	free(obj);
	return sz.text + sz.rodata + sz.data;
}

/* ---- Processes ---------------------------------------------------------------- */

/* Median wall time of running each command, alternately, n times each. */
static void time_processes(char *const *a, char *const *b, int n, double *ta, double *tb)
{
	double *va = malloc(n * sizeof *va), *vb = malloc(n * sizeof *vb);

	for (int i = 0; i < n; i++) {
		double t0 = now_ns();

		spawn(a, "/dev/null", "/dev/null");
		va[i] = now_ns() - t0;
		t0 = now_ns();
		spawn(b, "/dev/null", "/dev/null");
		vb[i] = now_ns() - t0;
	}
	*ta = median(va, n);
	*tb = median(vb, n);
	free(va);
	free(vb);
}

/* Runs the shell command (freeing it); returns its wall time in seconds. */
static double timed_run(char *cmd)
{
	double t0 = now_ns();

	if (system(cmd) != 0) {
		fprintf(stderr, "bench: failed: %s\n", cmd);
		exit(1);
	}
	free(cmd);
	return (now_ns() - t0) / 1e9;
}

/* The output of the shell command (freeing it), as a string (to free). */
static char *output_of(char *cmd)
{
	char *path = format("/tmp/auxchan-bench-%ld.out", (long)getpid()), *s;
	char *full = format("%s > %s", cmd, path);

	timed_run(full);
	s = check_read(path, NULL);
	remove(path);
	free(path);
	free(cmd);
	return s ? s : calloc(1, 1);
}

/* The number after "name" in s, or -1. */
static double number_of(const char *s, const char *name)
{
	const char *at = strstr(s, name);

	return at ? strtod(at + strlen(name), NULL) : -1;
}

/* The sum, over the lines "#define ROOM_N_NAME V" of file, of V; how many
 * there are in *count. */
static long sum_defines(const char *file, const char *name, long *count)
{
	char *text = check_read(file, NULL), *p = text;
	long sum = 0;

	*count = 0;
	while (p && (p = strstr(p, "#define ROOM_"))) {
		char *end;

		strtol(p + strlen("#define ROOM_"), &end, 10);
		p = end;
		if (!strncmp(p, name, strlen(name))) {
			sum += strtol(p + strlen(name), &p, 10);
			++*count;
		}
	}
	free(text);
	return sum;
}

/* ---- Synthetic pages ------------------------------------------------------ */

static const int growth_rows[] = { 30, 300, 1000, 3000, 5000, 10000, 20000 };
#define NGROWTH (sizeof growth_rows / sizeof *growth_rows)

struct growth {
	double gen, gperf, cc, rest; /* wall seconds of each step */
	long keys, buckets, slots;
	size_t object;              /* bytes of code and tables */
	double hit, miss, ratio;    /* lookups of SAMPLE keys, footprint ratio */
	double hot;                 /* hits of the same keys, each HOT times in a row */
	double all_hit, all_miss;   /* lookups of every key */
	double search, suggest;     /* ns a search, us a suggestion */
	double worst;               /* us of the costliest search (worst_search()) */
	double peak_mb;             /* the most memory of a process of the builds so far */
	size_t words;               /* bytes of the search's object */
};

/* Wall seconds of a synthetic page's whole serial make all. */
static double build_seconds(const struct growth *g)
{
	return g->gen + g->gperf + g->cc + g->rest;
}

/*
 * Builds a synthetic page of rows rooms of the shape (synth's seed,
 * shared...), all of make all, step by step, with the seed build's
 * generator (build), serially, then times its lookups.
 */
static struct growth grow(const char *build, int rows, const char *shape)
{
	const char *make = getenv("BENCH_MAKE"), *synth = getenv("BENCH_SYNTH");
	char *dir = format("%s/bench/%s-%d", build, shape, rows), *page = format("%s.md", dir);
	char *m = format("MAKEFLAGS= %s -s BUILDDIR=%s DATA=%s GEN_B=%s BENCH_PEER=", make, dir,
	                 page, build);
	struct growth g = { 0 };
	struct elf_sizes sz;
	char *gperf_c = format("%s/room_gperf.c", dir), *obj = format("%s/room.o", dir);

	timed_run(format("rm -rf %s && %s %d %s > %s", dir, synth, rows, shape, page));
	g.gen = timed_run(format("%s %s/gperf.mk 2>/dev/null", m, dir));
	/* Both tables, the rooms' and the search's: each bucket's gperf run,
	 * then both objects; then the rest of make all (both libraries, the
	 * command and its completions). */
	g.gperf = timed_run(format("%s %s/room_gperf.c %s/search_gperf.c", m, dir, dir));
	g.cc = timed_run(format("%s %s/room.o %s/search.o", m, dir, dir));
	g.rest = timed_run(format("%s all 2>/dev/null", m));
	{
		struct rusage ru;

		if (getrusage(RUSAGE_CHILDREN, &ru) == 0)
			g.peak_mb = (double)ru.ru_maxrss / 1024;
	}
	g.keys = sum_defines(gperf_c, "_TOTAL_KEYWORDS ", &g.buckets);
	/* MAX_HASH_VALUE is a table's last slot. */
	g.slots = sum_defines(gperf_c, "_MAX_HASH_VALUE ", &g.buckets) + g.buckets;
	sz = object_sizes(obj);
	g.object = sz.text + sz.rodata + sz.data;
	{
		char *out;

		timed_run(format("%s %s/bench/bench", m, dir));
		out = output_of(format("%s/bench/bench --lookups %s %s", dir, page, dir));
		g.hit = number_of(out, "hit_ns=");
		g.hot = number_of(out, "hot_ns=");
		g.miss = number_of(out, "miss_ns=");
		g.all_hit = number_of(out, "all_hit_ns=");
		g.all_miss = number_of(out, "all_miss_ns=");
		g.search = number_of(out, "search_ns=");
		g.suggest = number_of(out, "suggest_us=");
		g.worst = number_of(out, "worst_search_us=");
		g.words = (size_t)number_of(out, "words_bytes=");
		g.ratio = number_of(out, "footprint_ratio=");
		free(out);
	}
	free(m);
	free(dir);
	free(page);
	free(gperf_c);
	free(obj);
	return g;
}

/* The row of a synthetic page, named; its time per row if rows is not 0. */
static void shape_row(const char *name, const struct growth *x, int rows)
{
	char per_row[32] = "";

	if (rows)
		snprintf(per_row, sizeof per_row, "%.3f", 1e3 * build_seconds(x) / rows);
	printf("%6s %7ld %7ld %8ld %6.2f %6.2f %6.2f %6.2f %7.2f %8s %9zu", name, x->keys,
	       x->buckets, x->slots, x->gen, x->gperf, x->cc, x->rest, build_seconds(x), per_row,
	       x->object);
	printf(" %6.2f %6.1f %6.1f %6.1f %6.1f %6.1f %7.0f %7.1f %8zu\n", x->ratio, x->hit, x->hot,
	       x->miss, x->all_hit, x->all_miss, x->search, x->suggest, x->words);
	fflush(stdout);
}

/* ---- main ----------------------------------------------------------------------- */

/* ---- The search -------------------------------------------------------------- */

/*
 * Questions people ask of the seed page, written down before the search
 * answered them, with the rooms that would answer each (any of them, and
 * only them).  Their hit rate is how often the search gives such rooms;
 * the multi-word ones are also the queries the search is timed on.
 */
static const struct {
	const char *query, *rooms;
} asked[] = {
	{ "where do i talk about nix packages", "#SIGCORE-GEN:auxolotl.org" },
	{ "help with gnome", "#SIGGNOME-GEN:auxolotl.org" },
	{ "javascript help", "#SIGJS-GEN:auxolotl.org" },
	{ "how do I report someone", "#COMCOC-GEN:auxolotl.org" },
	{ "code of conduct violation", "#COMCOC-GEN:auxolotl.org" },
	{ "governance of the rust sig", "#SIGRUST-GOV:auxolotl.org" },
	{ "mac os", "#SIGDARWIN-GEN:auxolotl.org" },
	{ "documentation", "#SIGDOCS-GEN:auxolotl.org #SIGDOCS-GOV:auxolotl.org" },
	{ "improve the docs", "#SIGDOCS-GEN:auxolotl.org" },
	{ "kde", "#SIGKDE-GEN:auxolotl.org #SIGKDE-GOV:auxolotl.org" },
	{ "window manager", "#SIGGNOME-GEN:auxolotl.org" },
	{ "desktop environment", "#SIGGNOME-GEN:auxolotl.org #SIGKDE-GEN:auxolotl.org" },
	{ "who decides the project direction",
	  "#COMSTEER-GEN:auxolotl.org #COMSTEER-GOV:auxolotl.org" },
	{ "logo design", "#COMMARKET-GEN:auxolotl.org" },
	{ "publicity", "#COMMARKET-GEN:auxolotl.org" },
	{ "vulnerability report", "#COMSEC-GEN:auxolotl.org" },
	{ "cli bugs", "#SIGCLI-GEN:auxolotl.org" },
	{ "command line", "#SIGCLI-GEN:auxolotl.org" },
	{ "haskell", "#SIGHASKELL-GEN:auxolotl.org #SIGHASKELL-GOV:auxolotl.org" },
	{ "go language", "#SIGGO-GEN:auxolotl.org #SIGGO-GOV:auxolotl.org" },
	{ "golang", "#SIGGO-GEN:auxolotl.org #SIGGO-GOV:auxolotl.org" },
	{ "home-manager", "#SIGHOME-GEN:auxolotl.org #SIGHOME-GOV:auxolotl.org" },
	{ "dotfiles", "#SIGHOME-GEN:auxolotl.org" },
	{ "general discussion", "#general:auxolotl.org" },
	{ "aux project", "#general:auxolotl.org" },
	{ "python governance", "#SIGPY-GOV:auxolotl.org" },
	{ "pythn", "#SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org" },
	{ "darwin", "#SIGDARWIN-GEN:auxolotl.org #SIGDARWIN-GOV:auxolotl.org" },
	{ "moderation team", "#COMCOC-GOV:auxolotl.org" },
	{ "apply the rules", "#COMCOC-GOV:auxolotl.org" },
	{ "security committee", "#COMSEC-GEN:auxolotl.org #COMSEC-GOV:auxolotl.org" },
	{ "marketing meeting", "#COMMARKET-GEN:auxolotl.org #COMMARKET-GOV:auxolotl.org" },
	{ "i have a question about rust", "#SIGRUST-GEN:auxolotl.org" },
	{ "kde sig governance", "#SIGKDE-GOV:auxolotl.org" },
};
#define NASKED (sizeof asked / sizeof *asked)

/* How many of the questions the search answers with rooms that answer
 * them, and only such rooms; each miss printed. */
static size_t hit_rate(void)
{
	size_t hits = 0;

	for (size_t i = 0; i < NASKED; i++) {
		size_t found[64], n = auxchan_search(asked[i].query, strlen(asked[i].query), found, 64);
		int ok = n > 0 && n <= 64;

		for (size_t k = 0; ok && k < n; k++) {
			const char *alias = auxchan_field(found[k], AUXCHAN_ALIAS), *at = asked[i].rooms;

			ok = 0;
			while ((at = strstr(at, alias)) && !ok) {
				ok = (at == asked[i].rooms || at[-1] == ' ') &&
				     (at[strlen(alias)] == ' ' || at[strlen(alias)] == '\0');
				at++;
			}
		}
		if (ok)
			hits++;
		else {
			printf("  missed '%s':", asked[i].query);
			for (size_t k = 0; k < n && k < 4; k++)
				printf(" %s", auxchan_field(found[k], AUXCHAN_ALIAS));
			printf("%s%s\n", n > 4 ? " ..." : "", n ? "" : " nothing");
		}
	}
	return hits;
}

/* Queries of a page for timing: on the seed, the multi-word questions;
 * on another page, for some 200 rooms, as people ask for a room of a
 * group: its topic and the last word of its name ("kata lomi
 * governance"), its topic with a letter doubled (a typo) and "help". */
static char **search_queries(int seed, size_t *n)
{
	char **q = malloc((NASKED + 401) * sizeof *q);

	*n = 0;
	if (seed) {
		for (size_t i = 0; i < NASKED; i++)
			if (strchr(asked[i].query, ' '))
				q[(*n)++] = strcpy(malloc(strlen(asked[i].query) + 1), asked[i].query);
		return q;
	}
	for (size_t c = 0; c < auxchan_count() && *n < 400; c += auxchan_count() / 200 + 1) {
		const char *name = auxchan_field(c, AUXCHAN_NAME), *role = strrchr(name, ' ');
		const char *topic = auxchan_field(c, AUXCHAN_GROUP);
		size_t tl = strlen(topic);

		if (!tl || !role)
			continue;
		q[(*n)++] = format("%s %s", topic, role + 1);
		q[(*n)++] = format("%.*s%s help", (int)(tl / 2 + 1), topic, topic + tl / 2);
	}
	return q;
}

/* The obvious search a user would write: each room's name and purpose
 * scanned for each word of the query with strcasestr(); the rooms with the
 * most words found.  How many rooms it finds. */
static size_t strcasestr_search(const char *query)
{
	char words[AUXCHAN_SEARCH_WORDS][AUXCHAN_SEARCH_WORD_MAX + 1];
	size_t nw = 0, best = 0, found = 0;
	const char *p = query;

	while (*p && nw < AUXCHAN_SEARCH_WORDS) {
		size_t n = strcspn(p, " ");

		if (n && n <= AUXCHAN_SEARCH_WORD_MAX)
			memcpy(words[nw], p, n), words[nw++][n] = '\0';
		p += n + (p[n] == ' ');
	}
	for (size_t c = 0; c < auxchan_count(); c++) {
		const char *name = auxchan_field(c, AUXCHAN_NAME);
		const char *purpose = auxchan_field(c, AUXCHAN_PURPOSE);
		size_t hits = 0;

		for (size_t w = 0; w < nw; w++)
			hits += strcasestr(name, words[w]) || strcasestr(purpose, words[w]);
		if (hits > best)
			best = hits, found = 0;
		found += hits && hits == best;
	}
	return found;
}

/* Median ns per query of auxchan_search() (peer 0) or the strcasestr scan
 * (peer 1) over the n queries. */
static double time_search(char **q, size_t n, int peer)
{
	double t[REPS];
	size_t iters = 1, out[8];

	for (int r = -1; r < REPS; r++) {
		double t0 = now_ns();

		for (size_t it = 0; it < iters; it++)
			for (size_t i = 0; i < n; i++)
				sink += peer ? strcasestr_search(q[i]) : auxchan_search(q[i], strlen(q[i]),
				                                                        out, 8);
		if (r < 0) /* warm up, and calibrate */
			iters = (size_t)(REP_NS / (now_ns() - t0 + 1)) + 1;
		else
			t[r] = (now_ns() - t0) / (double)(n * iters);
	}
	return median(t, REPS);
}

/* A word of the page and how many rooms have it in their name or purpose. */
struct common {
	char w[AUXCHAN_SEARCH_WORD_MAX + 1];
	size_t rooms;
};

static int by_common(const void *a, const void *b)
{
	const struct common *x = a, *y = b;

	return x->rooms != y->rooms ? (x->rooms < y->rooms ? 1 : -1) : strcmp(x->w, y->w);
}

static int by_common_word(const void *a, const void *b)
{
	return strcmp(((const struct common *)a)->w, ((const struct common *)b)->w);
}

/*
 * The words of the page's names and purposes (runs of ASCII letters,
 * lower-cased), most rooms first: *n of them.  A crude split, the bench's
 * own, only to pick the queries that cost a search most.
 */
static struct common *common_words(size_t *n)
{
	size_t cap = 1024, count = 0;
	struct common *all = malloc(cap * sizeof *all);

	for (size_t c = 0; c < auxchan_count(); c++)
		for (int f = 0; f < 2; f++) {
			const char *p = auxchan_field(c, f ? AUXCHAN_PURPOSE : AUXCHAN_NAME);

			while (*p) {
				size_t len = 0;

				while (*p && !isalpha((unsigned char)*p))
					p++;
				while (isalpha((unsigned char)p[len]))
					len++;
				if (len >= 3 && len <= AUXCHAN_SEARCH_WORD_MAX) {
					if (count == cap)
						all = realloc(all, (cap *= 2) * sizeof *all);
					for (size_t i = 0; i < len; i++)
						all[count].w[i] = (char)tolower((unsigned char)p[i]);
					all[count].w[len] = '\0';
					all[count++].rooms = c; /* the room, for now */
				}
				p += len;
			}
		}
	qsort(all, count, sizeof *all, by_common_word);
	*n = 0;
	for (size_t i = 0, j; i < count; i = j) { /* distinct words, with their rooms */
		size_t rooms = 1;

		for (j = i + 1; j < count && !strcmp(all[j].w, all[i].w); j++)
			rooms += all[j].rooms != all[j - 1].rooms;
		all[*n] = all[i];
		all[(*n)++].rooms = rooms;
	}
	qsort(all, *n, sizeof *all, by_common);
	return all;
}

/* Times one query of worst_search(), the slowest so far in *worst. */
static void worst_query(char *q, double *worst)
{
	double t = time_search(&q, 1, 0) / 1e3;

	if (getenv("BENCH_WORST")) /* which query it is */
		fprintf(stderr, "%.1f us: %.80s\n", t, q);
	if (t > *worst)
		*worst = t;
}

/*
 * Median us of auxchan_search() on the queries that cost it most on this
 * page, the slowest of them: the k words most rooms have, for every k up
 * to AUXCHAN_SEARCH_WORDS (the budget reads the more rooms, the fewer the
 * matches), whole, as their first 3 bytes (a prefix each), each with a
 * byte changed (a typo each), and with one more (all three at once); a
 * query of AUXCHAN_SEARCH_QUERY_MAX bytes of made-up words (every one a
 * miss, its typos looked up); and long words of AUXCHAN_SEARCH_WORD_MAX
 * bytes.
 */
static double worst_search(void)
{
	size_t n;
	struct common *w = common_words(&n);
	char q[4 * AUXCHAN_SEARCH_QUERY_MAX + 1];
	double worst = 0;

	for (size_t k = 1; k <= AUXCHAN_SEARCH_WORDS && k <= n; k++)
		for (int kind = 0; kind < 4; kind++) {
			size_t len = 0;

			for (size_t i = 0; i < k; i++) {
				const char *x = w[i].w;
				size_t l = strlen(x);

				if (kind == 0)
					len += (size_t)sprintf(q + len, "%s ", x);
				else if (kind == 1)
					len += (size_t)sprintf(q + len, "%.3s ", x);
				else if (kind == 2)
					len += (size_t)sprintf(q + len, "%.*s%c%s ", (int)(l / 2), x,
					                       x[l / 2] == 'q' ? 'x' : 'q', x + l / 2 + 1);
				else
					len += (size_t)sprintf(q + len, "%sq ", x);
			}
			worst_query(q, &worst);
		}
	{
		size_t len = 0;

		for (unsigned long x = 7; len < AUXCHAN_SEARCH_QUERY_MAX; x = x * 2654435761ul % 4093)
			len += (size_t)sprintf(q + len, "%c%c%c%c%c ", 'a' + (int)(x % 26),
			                       'a' + (int)(x / 26 % 26), 'a' + (int)(x / 7 % 26),
			                       'a' + (int)(x / 11 % 26), 'a' + (int)(x / 13 % 26));
		worst_query(q, &worst);
		len = 0;
		while (len + AUXCHAN_SEARCH_WORD_MAX + 1 < AUXCHAN_SEARCH_QUERY_MAX) {
			for (size_t i = 0; i < AUXCHAN_SEARCH_WORD_MAX; i++, len++)
				q[len] = (char)('a' + (len * 7 + i) % 26);
			q[len++] = ' ';
		}
		q[len] = '\0';
		worst_query(q, &worst);
	}
	free(w);
	return worst;
}

/* Median us of auxchan_suggest() on misses: keys with their middle byte
 * changed and two bytes added (farther than the search's typos). */
static double time_suggest(void)
{
	double t[REPS];
	const char *key[4];
	size_t len[4], n = 0, step = nkeys / 20 + 1;
	char q[20][600];

	for (size_t i = 0; i < nkeys && n < 20; i += step)
		if (keys[i].len > 4 && keys[i].len < 500) {
			snprintf(q[n], sizeof q[n], "%sqz", keys[i].s);
			q[n][keys[i].len / 2] = 'x';
			n++;
		}
	for (int r = 0; r < REPS; r++) {
		double t0 = now_ns();

		for (size_t i = 0; i < n; i++)
			sink += auxchan_suggest(q[i], strlen(q[i]), key, len, 4);
		t[r] = (now_ns() - t0) / (double)n / 1e3;
	}
	return median(t, REPS);
}

static void print_lookups(double runtime)
{
	printf("Lookups, median ns per query over %d repetitions:\n", REPS);
	printf("%-12s %9s %9s %9s %12s\n", "method", "hit", "miss", "mix", "mix/auxchan");
	for (int m = 0; m < NMETHODS; m++) {
		double mix = (ns[m][0] + ns[m][1]) / 2, base = (ns[AUXCHAN][0] + ns[AUXCHAN][1]) / 2;

		if (timed[m])
			printf("%-12s %9.1f %9.1f %9.1f %12.2f\n", method_names[m], ns[m][0], ns[m][1],
			       mix, mix / base);
	}
	if (runtime > 0)
		printf("%-12s %9.0f %9s %9s %12.0f\n", "runtime", runtime, "", "",
		       runtime / ns[AUXCHAN][0]);
}

static double mix(int m)
{
	return (ns[m][0] + ns[m][1]) / 2;
}

int main(int argc, char **argv)
{
	int lookups_only = argc == 4 && !strcmp(argv[1], "--lookups");
	const char *page = argv[argc - 2], *build = argv[argc - 1];
	struct elf_sizes lib, so, empty;
	struct growth g[NGROWTH], shared, budget, topics;
	char **sq;
	size_t nsq, hits;
	struct questions blind;
	double search, search_peer;
	double runtime, cli = 0, hello = 0, ratio, footprint_max, worst;
	size_t len, raw;
	char *text;

	if (argc != 3 && !lookups_only) {
		fputs("usage: bench [--lookups] PAGE BUILDDIR\n", stderr);
		return 2;
	}
	build_keys();
	build_queries();
	timed[AUXCHAN] = timed[AUXCHAN_HOT] = timed[BSEARCH_LIBC] = 1;
	if (lookups_only) { /* a synthetic page: the figures the full run reads */
		double all[2], libc_all;

		time_lookups(); /* every key: tables far larger than the caches */
		all[0] = ns[AUXCHAN][0], all[1] = ns[AUXCHAN][1], libc_all = ns[BSEARCH_LIBC][0];
		nhits = nhits < SAMPLE ? nhits : SAMPLE;
		nmisses = nmisses < SAMPLE ? nmisses : SAMPLE;
		time_lookups(); /* as many keys as the seed has: what the caches hold */
		ratio = footprint(build, &lib, &raw);
		sq = search_queries(0, &nsq);
		printf("LOOKUPS hit_ns=%.2f miss_ns=%.2f all_hit_ns=%.2f all_miss_ns=%.2f "
		       "libc_hit_ns=%.2f libc_all_hit_ns=%.2f footprint_ratio=%.3f search_ns=%.1f "
		       "suggest_us=%.1f words_bytes=%zu hot_ns=%.2f worst_search_us=%.1f\n",
		       ns[AUXCHAN][0], ns[AUXCHAN][1], all[0], all[1], ns[BSEARCH_LIBC][0], libc_all,
		       ratio, time_search(sq, nsq, 0), time_suggest(), words_size(build),
		       ns[AUXCHAN_HOT][0], worst_search());
		return 0;
	}
	for (int m = 0; m < NMETHODS; m++)
		timed[m] = m != GPERF_ICASE || peer_lookup;
	if (!(text = check_read(page, &len))) {
		fprintf(stderr, "bench: cannot read the page %s\n", page);
		return 2;
	}
	printf("Page %s: %zu rooms, %zu keys; %zu hit and %zu miss queries\n\n",
	       page, auxchan_count(), nkeys, nhits, nmisses);
	time_lookups();
	runtime = time_runtime(text, len);
	free(text);
	print_lookups(runtime);

	ratio = footprint(build, &lib, &raw);
	printf("\nFootprint of the library object: .text %zu + .rodata %zu + .data %zu = %zu bytes;"
	       " .bss %zu\n", lib.text, lib.rodata, lib.data, lib.text + lib.rodata + lib.data,
	       lib.bss);
	printf("Raw content (distinct names, purposes, aliases, URLs, sections, with NULs): %zu bytes;"
	       " ratio %.2f\n", raw, ratio);

	{
		char *sopath = format("%s/libauxchan.so", build);
		char *emptypath = format("%s/bench/empty.so", build);
		char *cmd = format("%s/auxchan", build), *hellop = format("%s/bench/hello", build);
		char *a[] = { cmd, "python", NULL }, *b[] = { hellop, NULL };

		so = object_sizes(sopath);
		empty = object_sizes(emptypath);
		printf("\nDynamic relocations: libauxchan.so %zu, an empty shared object %zu: %zu extra\n",
		       so.relocs, empty.relocs, so.relocs - empty.relocs);
		time_processes(a, b, 301, &cli, &hello);
		printf("\nWhole process, median of 301 runs: auxchan python %.0f us, hello world %.0f us;"
		       " ratio %.2f\n", cli / 1e3, hello / 1e3, cli / hello);
		free(sopath);
		free(emptypath);
		free(cmd);
		free(hellop);
	}

	sq = search_queries(1, &nsq);
	search = time_search(sq, nsq, 0);
	search_peer = time_search(sq, nsq, 1);
	printf("\nSearch, median ns a query over %zu questions of several words: auxchan_search "
	       "%.0f, a strcasestr() scan of names and purposes %.0f: %.1f times slower\n", nsq,
	       search, search_peer, search_peer / search);
	printf("Word table (search.o): %zu bytes\n", words_size(build));
	printf("Questions of people, answered with the rooms meant:\n");
	hits = hit_rate();
	printf("  %zu of %zu (%.0f%%)\n", hits, NASKED, 100.0 * (double)hits / NASKED);
	/* The blind questions, judged on the seed: on another page, no rate. */
	if (strcmp(page, "data/matrix.md") != 0 || questions_ask(QUESTIONS_FILE, NULL, &blind) != 0)
		blind = (struct questions){ 0 };
	printf("Blind questions (%s), answered right: %zu of %zu\n", QUESTIONS_FILE, blind.right,
	       blind.asked);

	printf("\nSynthetic pages (tests/bench/synth.c), built one step at a time, serially,\n"
	       "with this build's generator (wall seconds: the tables, gperf, the library's\n"
	       "objects, the rest of make all; their total); footprint ratio; lookups, median ns\n"
	       "of %d keys and as many misses (hit, miss: what the caches hold, as the seed's\n"
	       "keys; hot: each of those hits %d times in a row) and of every key (hit*,\n"
	       "miss*: tables larger than the caches); a search (ns) and a suggestion (us);\n"
	       "the word table (bytes):\n", SAMPLE, HOT);
	printf("%6s %7s %7s %8s %6s %6s %6s %6s %7s %8s %9s %6s %6s %6s %6s %6s %6s %7s %7s %8s\n",
	       "rows", "keys", "buckets", "slots", "gen", "gperf", "cc", "rest", "total", "ms/row",
	       "object",
	       "ratio", "hit", "hot", "miss", "hit*", "miss*", "search", "suggest", "words");
	footprint_max = ratio;
	for (size_t i = 0; i < NGROWTH; i++) {
		char name[16];

		g[i] = grow(build, growth_rows[i], "seed");
		snprintf(name, sizeof name, "%d", growth_rows[i]);
		shape_row(name, &g[i], growth_rows[i]);
		/* The footprint goal's sizes: the seed, 1,000 rows and more. */
		if (growth_rows[i] >= 1000 && g[i].ratio > footprint_max)
			footprint_max = g[i].ratio;
	}
	/* The search's worst pages: 20,000 rooms whose purposes share 200
	 * words, and 440 (each word on as many rooms as a search of 12
	 * matches reads). */
	shared = grow(build, 20000, "shared");
	shape_row("shared", &shared, 0);
	budget = grow(build, 20000, "budget");
	shape_row("budget", &budget, 0);
	/* The build's worst page: 20,000 rooms, each a group of its own. */
	topics = grow(build, 20000, "topics");
	shape_row("topics", &topics, 0);
	worst = worst_search();
	printf("The costliest search (worst_search(): the page's 1 to 12 most common words, whole, as "
	       "prefixes, as typos; %d bytes of misses; long words), median us: the seed %.1f, "
	       "20,000 seed-shaped rows %.1f, 20,000 rows sharing 200 words %.1f, 440 words %.1f\n",
	       AUXCHAN_SEARCH_QUERY_MAX, worst, g[NGROWTH - 1].worst, shared.worst, budget.worst);
	if (g[NGROWTH - 1].worst > worst)
		worst = g[NGROWTH - 1].worst;
	if (shared.worst > worst)
		worst = shared.worst;
	if (budget.worst > worst)
		worst = budget.worst;
	{
		const struct growth *small = &g[0], *k1 = &g[2], *k5 = &g[4], *k20 = &g[NGROWTH - 1];
		double big = k5->hit > k20->hit ? k5->hit : k20->hit;
		double per1 = build_seconds(k1) / 1000, per20 = build_seconds(k20) / 20000;

		printf("Time per row at 20,000 rows against 1,000: %.2f\n", per20 / per1);
		printf("The builds' largest process (generator, gperf or compiler): %.0f MB\n",
		       topics.peak_mb);
		printf("Hits at 5,000 and 20,000 rows, the slower, against the seed's: %.2f; against "
		       "30 synthetic rows' (keys of the same shapes, one bucket): %.2f\n",
		       big / ns[AUXCHAN][0], big / small->hit);
		printf("The same keys each asked %d times in a row (nothing waits on memory or a wrong "
		       "guess), 20,000 rows against 30: %.2f\n", HOT, k20->hot / small->hot);
		printf("\nRESULT hit_ns=%.1f miss_ns=%.1f libc_bsearch_ratio=%.2f gperf_icase_ratio=%.2f "
		       "bsearch_ratio=%.2f linear_ratio=%.2f floor_ratio=%.2f big_hit_ratio=%.2f "
		       "footprint_ratio=%.2f footprint_max=%.2f relocs_extra=%zu cli_ratio=%.2f "
		       "build5000_s=%.2f build20000_s=%.2f build_row_ratio=%.2f big_hit_synth_ratio=%.2f "
		       "big_all_hit_ns=%.1f search_ns=%.0f search_ratio=%.1f big_search_ns=%.0f "
		       "big_suggest_us=%.1f words_bytes=%zu hit_rate=%.2f big_hot_ratio=%.2f "
		       "question_rate=%.2f worst_search_us=%.1f build_shared_s=%.2f "
		       "build_topics_s=%.2f build_peak_mb=%.0f\n",
		       ns[AUXCHAN][0], ns[AUXCHAN][1], mix(BSEARCH_LIBC) / mix(AUXCHAN),
		       timed[GPERF_ICASE] ? mix(GPERF_ICASE) / mix(AUXCHAN) : 0,
		       mix(BSEARCH) / mix(AUXCHAN), mix(LINEAR) / mix(AUXCHAN),
		       mix(AUXCHAN) / mix(FLOOR), big / ns[AUXCHAN][0], ratio, footprint_max,
		       so.relocs - empty.relocs, cli / hello, build_seconds(k5),
		       build_seconds(k20), per20 / per1, big / small->hit, k20->all_hit,
		       search, search_peer / search, k20->search, k20->suggest, words_size(build),
		       (double)hits / NASKED, k20->hot / small->hot,
		       blind.asked ? (double)blind.right / (double)blind.asked : 0.0, worst,
		       build_seconds(&shared), build_seconds(&topics), topics.peak_mb);
	}
	page_cleanup();
	return 0;
}
