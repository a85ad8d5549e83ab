/*
 * bench.c - `make bench`: the figures behind auxchan's claims, from one run.
 *
 *   bench PAGE BUILDDIR          lookups and footprint of the table built
 *                                from PAGE in BUILDDIR (linked with it)
 *   bench --all PAGE BUILDDIR    also dynamic relocations, the command
 *                                against a bare process, the generator's
 *                                growth; ends with the RESULT line
 *
 * For --all the environment gives BENCH_CC and BENCH_CFLAGS (how the
 * library is compiled), BENCH_GPERF and BENCH_SYNTH (tests/bench/synth).
 *
 * Lookups: every key of every channel (alias, alias without '#',
 * localpart, link, name, group stem and topic) in mixed case, shuffled;
 * as many misses, half near keys with one byte changed, half random keys of
 * the same lengths.  In one process, interleaved repetition by repetition,
 * each timed by its median over the repetitions:
 *   auxchan   auxchan_lookup(), the public API
 *   bsearch   bsearch() over the same keys, sorted, comparing like
 *             strcasecmp() with ASCII folding (the keys' rule: no locale)
 *   linear    a scan of the same keys with the same comparison
 *   floor     what any lookup must do at least: compare the query with its
 *             known answer (a length check, then the same comparison)
 *   runtime   what a command would do without auxchan: read the page with
 *             cmark-gfm and libyaml (the generator's own reader), then scan
 *             its rows; per query, fewer iterations
 * The same three baselines with glibc's strcasecmp() and strncasecmp()
 * (vectorised, locale-dependent) are shown too, marked "libc".  Ratios are
 * taken on an even mix of hits and misses, against the ASCII baselines.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../check.h"
#include "../object.h"
#include "../run.h"
#include "auxchan.h"
#include "group.h"
#include "key.h"
#include "page.h"

#define REPS 21          /* repetitions of each timing; the median is kept */
#define REP_NS 2000000.0 /* how long one repetition of one method runs */

enum { AUXCHAN, BSEARCH, LINEAR, FLOOR, BSEARCH_LIBC, LINEAR_LIBC, FLOOR_LIBC, NMETHODS };
static const char *const method_names[NMETHODS] = {
	"auxchan", "bsearch", "linear", "floor", "bsearch libc", "linear libc", "floor libc",
};

struct query {
	char *s;            /* NUL-terminated, for the libc baselines */
	size_t len;
	const char *answer; /* the key it is, or was made from */
	size_t answer_len;
};

static char **keys;     /* every key, once (ignoring case), sorted for bsearch */
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
	return ascii_casecmp(*(char *const *)a, *(char *const *)b);
}

static int by_key_libc(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* ---- The query set ------------------------------------------------------ */

static int is_key(const char *s)
{
	return bsearch(&s, keys, nkeys, sizeof *keys, by_key) != NULL;
}

static void add_key(const char *s, size_t len)
{
	if (len == 0)
		return;
	if (nkeys == keycap)
		keys = realloc(keys, (keycap = keycap ? keycap * 2 : 256) * sizeof *keys);
	keys[nkeys] = malloc(len + 1);
	memcpy(keys[nkeys], s, len);
	keys[nkeys++][len] = '\0';
}

static void build_keys(const struct page *pg)
{
	size_t n = 0;

	for (size_t i = 0; i < pg->n; i++) {
		const struct channel *c = &pg->ch[i];

		add_key(c->alias, strlen(c->alias));
		add_key(c->alias + 1, strlen(c->alias + 1));
		add_key(c->alias + 1, c->lplen);
		add_key(c->url, strlen(c->url));
		add_key(c->name, strlen(c->name));
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];

			add_key(pg->ch[g->first].alias + 1, g->stemlen);
			add_key(g->topic, strlen(g->topic));
		}
	}
	qsort(keys, nkeys, sizeof *keys, by_key);
	for (size_t i = 0; i < nkeys; i++) /* once each, ignoring case */
		if (n == 0 || ascii_casecmp(keys[n - 1], keys[i]))
			keys[n++] = keys[i];
		else
			free(keys[i]);
	nkeys = n;
}

static struct query make_query(const char *s, size_t len, const char *answer)
{
	struct query q = { malloc(len + 1), len, answer, strlen(answer) };

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

static void build_queries(void)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789-:.#";

	hits = malloc(nkeys * sizeof *hits);
	misses = malloc(nkeys * sizeof *misses);
	for (size_t i = 0; i < nkeys; i++) {
		struct query q = make_query(keys[i], strlen(keys[i]), keys[i]);

		for (size_t k = 0; k < q.len; k++) /* mixed case */
			if (rnd(2) && ((q.s[k] >= 'a' && q.s[k] <= 'z') || (q.s[k] >= 'A' && q.s[k] <= 'Z')))
				q.s[k] ^= 0x20;
		hits[nhits++] = q;
	}
	for (size_t i = 0; i < nkeys; i++) {
		struct query q = make_query(keys[i], strlen(keys[i]), keys[i]);

		do {
			if (i % 2) { /* a near key: one byte changed */
				memcpy(q.s, keys[i], q.len);
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
}

/* ---- Timing --------------------------------------------------------------- */

/* Runs method m over the n queries, iters times: how many were found. */
static size_t run(int m, const struct query *q, size_t n, size_t iters)
{
	size_t found = 0, out[8];

	for (size_t it = 0; it < iters; it++)
		switch (m) {
		case AUXCHAN:
			for (size_t i = 0; i < n; i++)
				found += auxchan_lookup(q[i].s, q[i].len, out, 8) != 0;
			break;
		case BSEARCH:
			for (size_t i = 0; i < n; i++)
				found += bsearch(&q[i].s, keys, nkeys, sizeof *keys, by_key) != NULL;
			break;
		case LINEAR:
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < nkeys; k++)
					if (ascii_casecmp(q[i].s, keys[k]) == 0) {
						found++;
						break;
					}
			break;
		case FLOOR:
			for (size_t i = 0; i < n; i++)
				found += q[i].len == q[i].answer_len &&
				         ascii_ncasecmp(q[i].s, q[i].answer, q[i].len) == 0;
			break;
		case BSEARCH_LIBC:
			for (size_t i = 0; i < n; i++)
				found += bsearch(&q[i].s, keys, nkeys, sizeof *keys, by_key_libc) != NULL;
			break;
		case LINEAR_LIBC:
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < nkeys; k++)
					if (strcasecmp(q[i].s, keys[k]) == 0) {
						found++;
						break;
					}
			break;
		case FLOOR_LIBC:
			for (size_t i = 0; i < n; i++)
				found += q[i].len == q[i].answer_len &&
				         strncasecmp(q[i].s, q[i].answer, q[i].len) == 0;
			break;
		}
	return found;
}

/* Median ns per query of each method, on hits [0] and misses [1]. */
static double ns[NMETHODS][2];

static void time_lookups(void)
{
	static double t[NMETHODS][2][REPS];
	size_t iters[NMETHODS][2];

	for (int m = 0; m < NMETHODS; m++)
		for (int k = 0; k < 2; k++) {
			const struct query *q = k ? misses : hits;
			size_t n = k ? nmisses : nhits;
			double t0 = now_ns();

			sink += run(m, q, n, 1); /* warm up, and calibrate */
			iters[m][k] = (size_t)(REP_NS / (now_ns() - t0 + 1)) + 1;
		}
	for (int r = 0; r < REPS; r++)
		for (int m = 0; m < NMETHODS; m++)
			for (int k = 0; k < 2; k++) {
				const struct query *q = k ? misses : hits;
				size_t n = k ? nmisses : nhits, found;
				double t0 = now_ns();

				found = run(m, q, n, iters[m][k]);
				t[m][k][r] = (now_ns() - t0) / (double)(n * iters[m][k]);
				sink += found;
				if (found != (k ? 0 : n * iters[m][k])) {
					fprintf(stderr, "bench: %s finds %zu of %zu %s\n", method_names[m],
					        found, n * iters[m][k], k ? "misses" : "hits");
					exit(1);
				}
			}
	for (int m = 0; m < NMETHODS; m++)
		for (int k = 0; k < 2; k++)
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
				sink += !strcasecmp(hits[i].s, pg.ch[c].alias) ||
				        !strcasecmp(hits[i].s, pg.ch[c].name) ||
				        !strcasecmp(hits[i].s, pg.ch[c].url);
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

static char *joined(const char *a, const char *b)
{
	return format("%s/%s", a, b);
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
static double timed(char *cmd)
{
	double t0 = now_ns();

	if (system(cmd) != 0) {
		fprintf(stderr, "bench: failed: %s\n", cmd);
		exit(1);
	}
	free(cmd);
	return (now_ns() - t0) / 1e9;
}

static long define_of(const char *file, const char *name)
{
	char *text = check_read(file, NULL), *at = text ? strstr(text, name) : NULL;
	long v = at ? strtol(at + strlen(name), NULL, 10) : -1;

	free(text);
	return v;
}

/* Generator, gperf and compiler time for synthetic pages: returns 1000's. */
static double growth(const char *build)
{
	static const int rows[] = { 30, 300, 1000, 3000, 5000 };
	const char *cc = getenv("BENCH_CC"), *cflags = getenv("BENCH_CFLAGS");
	const char *gperf = getenv("BENCH_GPERF"), *synth = getenv("BENCH_SYNTH");
	double at1000 = 0;

	if (!cc || !cflags || !gperf || !synth) {
		fputs("bench: --all needs BENCH_CC, BENCH_CFLAGS, BENCH_GPERF, BENCH_SYNTH\n", stderr);
		exit(2);
	}
	printf("\nGenerator growth (synthetic pages; wall seconds):\n");
	printf("%7s %8s %10s %8s %8s %8s %8s %10s\n", "rows", "keys", "slots", "gen", "gperf",
	       "cc", "total", "object");
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *dir = format("%s/bench/growth-%d", build, rows[i]);
		double tg, tp, tc;
		char *room, *name, *obj;
		struct elf_sizes sz;

		timed(format("mkdir -p %s && %s %d > %s/page.md", dir, synth, rows[i], dir));
		tg = timed(format("%s/auxchan-gen -o %s %s/page.md 2>/dev/null", build, dir, dir));
		tp = timed(format("cd %s && %s channel_keys.gperf > channel_keys.c && "
		                  "%s channel_rooms.gperf > channel_rooms.c", dir, gperf, gperf));
		tc = timed(format("%s %s -Iinclude -Isrc -I%s -c src/channel.c -o %s/channel.o",
		                  cc, cflags, dir, dir));
		room = joined(dir, "channel_rooms.c");
		name = joined(dir, "channel_keys.c");
		obj = joined(dir, "channel.o");
		sz = object_sizes(obj);
		printf("%7d %8ld %10ld %8.2f %8.2f %8.2f %8.2f %10zu\n", rows[i],
		       define_of(room, "CH_ROOMS_TOTAL_KEYWORDS ") + define_of(name, "CH_KEYS_TOTAL_KEYWORDS "),
		       define_of(room, "CH_ROOMS_MAX_HASH_VALUE ") + define_of(name, "CH_KEYS_MAX_HASH_VALUE ") + 2,
		       tg, tp, tc, tg + tp + tc, sz.text + sz.rodata + sz.data);
		if (rows[i] == 1000)
			at1000 = tg + tp + tc;
		free(room);
		free(name);
		free(obj);
		free(dir);
	}
	return at1000;
}

/* ---- main ----------------------------------------------------------------------- */

int main(int argc, char **argv)
{
	int all = argc == 4 && !strcmp(argv[1], "--all");
	const char *page = argv[argc - 2], *build = argv[argc - 1];
	struct diag d = { .file = page };
	struct page pg;
	struct elf_sizes lib, so, empty;
	double runtime, mix[NMETHODS], cli = 0, hello = 0, gen1000 = 0;
	size_t len, raw, footprint;
	char *text, *obj;

	if (argc != 3 && !all) {
		fputs("usage: bench [--all] PAGE BUILDDIR\n", stderr);
		return 2;
	}
	d.out = fopen("/dev/null", "w");
	if (!(text = check_read(page, &len)) || page_parse(&pg, text, len, &d) != 0) {
		fprintf(stderr, "bench: cannot read the page %s\n", page);
		return 2;
	}
	fclose(d.out);
	group_assign(&pg);
	build_keys(&pg);
	build_queries();
	page_free(&pg);

	printf("Page %s: %zu channels, %zu keys; %zu hit and %zu miss queries\n\n",
	       page, auxchan_count(), nkeys, nhits, nmisses);
	time_lookups();
	runtime = time_runtime(text, len);
	printf("Lookups, median ns per query over %d repetitions:\n", REPS);
	printf("%-10s %9s %9s %9s %12s\n", "method", "hit", "miss", "mix", "mix/auxchan");
	for (int m = 0; m < NMETHODS; m++) {
		mix[m] = (ns[m][0] + ns[m][1]) / 2;
		printf("%-10s %9.1f %9.1f %9.1f %12.2f\n", method_names[m], ns[m][0], ns[m][1],
		       mix[m], mix[m] / mix[AUXCHAN]);
	}
	printf("%-10s %9.0f %9s %9s %12.0f\n", "runtime", runtime, "", "", runtime / ns[AUXCHAN][0]);

	obj = joined(build, "channel.o");
	lib = object_sizes(obj);
	free(obj);
	raw = raw_content();
	footprint = lib.text + lib.rodata + lib.data;
	printf("\nFootprint of the library object: .text %zu + .rodata %zu + .data %zu = %zu bytes;"
	       " .bss %zu\n", lib.text, lib.rodata, lib.data, footprint, lib.bss);
	printf("Raw content (distinct names, purposes, aliases, URLs, sections, with NULs): %zu bytes;"
	       " ratio %.2f\n", raw, (double)footprint / raw);

	if (all) {
		char *sopath = joined(build, "libauxchan.so"), *emptypath = joined(build, "bench/empty.so");
		char *cmd = joined(build, "auxchan"), *hellop = joined(build, "bench/hello");
		char *a[] = { cmd, "python", NULL }, *b[] = { hellop, NULL };

		so = object_sizes(sopath);
		empty = object_sizes(emptypath);
		printf("\nDynamic relocations: libauxchan.so %zu, an empty shared object %zu: %zu extra\n",
		       so.relocs, empty.relocs, so.relocs - empty.relocs);
		time_processes(a, b, 301, &cli, &hello);
		printf("\nWhole process, median of 301 runs: auxchan python %.0f us, hello world %.0f us;"
		       " ratio %.2f\n", cli / 1e3, hello / 1e3, cli / hello);
		gen1000 = growth(build);
		printf("\nRESULT hit_ns=%.1f miss_ns=%.1f bsearch_ratio=%.2f linear_ratio=%.2f "
		       "floor_ratio=%.2f footprint_ratio=%.2f relocs_extra=%zu cli_ratio=%.2f "
		       "gen1000_s=%.2f\n", ns[AUXCHAN][0], ns[AUXCHAN][1], mix[BSEARCH] / mix[AUXCHAN],
		       mix[LINEAR] / mix[AUXCHAN], mix[AUXCHAN] / mix[FLOOR], (double)footprint / raw,
		       so.relocs - empty.relocs, cli / hello, gen1000);
		free(sopath);
		free(emptypath);
		free(cmd);
		free(hellop);
	}
	free(text);
	page_cleanup();
	return 0;
}
