/*
 * search.c - fuzz target "search": any bytes as a query to
 * auxchan_search(), the buffer exactly as long as the query (no NUL after
 * it), and to auxchan_suggest().
 *
 * Differential: the channels found, and their count, must be those of the
 * reference scorer (tests/score.h), in page order; a smaller output array
 * must get the same first channels and the same count.  Suggestions must be
 * keys of the table, or aliases, no more than asked.  Any difference
 * aborts (a finding); out-of-bounds reads are the sanitizer's to report.
 *
 * The records are read from FUZZ_PAGE, the page the library's tables were
 * built from.  Built with libFuzzer (make fuzz), or with
 * tests/fuzz/replay.c to run saved inputs (make check).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"
#include "score.h"

#ifndef FUZZ_PAGE
#error "FUZZ_PAGE must name the page of the library's tables"
#endif

static size_t *got, *want;

static void unload(void)
{
	free(got);
	free(want);
	score_free();
	ref_free();
}

/* Reads the page's records once; checks they are the library's page. */
static void load(void)
{
	size_t n = auxchan_count();

	if (ref_load(FUZZ_PAGE) != 0 || ref_pg.n != n || strcmp(ref_pg.title, auxchan_title())) {
		fprintf(stderr, "search: %s is not the page of the library's tables\n", FUZZ_PAGE);
		exit(2);
	}
	score_load();
	atexit(unload);
	got = malloc((n + 1) * sizeof *got);
	want = malloc((n + 1) * sizeof *want);
	if (!got || !want)
		abort();
}

static void fail(const char *what, const uint8_t *q, size_t len, size_t ngot, size_t nwant)
{
	fprintf(stderr, "search: %s for the query '", what);
	for (size_t i = 0; i < len; i++)
		fprintf(stderr, q[i] >= 0x20 && q[i] < 0x7f && q[i] != '\\' ? "%c" : "\\x%02x", q[i]);
	fprintf(stderr, "' (%zu bytes): the library finds %zu channels, the reference %zu\n",
	        len, ngot, nwant);
	abort();
}

/* Is s (n bytes) a key of the table, or an alias? */
static int is_key(const char *s, size_t n)
{
	for (size_t i = 0; i < auxchan_key_count(); i++) {
		size_t len;
		const char *k = auxchan_key(i, &len);

		if (k == s && len == n)
			return 1;
	}
	for (size_t i = 0; i < auxchan_count(); i++)
		if (auxchan_field(i, AUXCHAN_ALIAS) == s && strlen(s) == n)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The saved inputs make check replays (replay.c). */
const char *const fuzz_replay[] = { "tests/fuzz/search", NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *q = (const char *)data, *keys[AUXCHAN_SUGGEST_MAX + 1];
	size_t n = auxchan_count(), ngot, nwant, cap, lens[AUXCHAN_SUGGEST_MAX + 1], k;

	if (!got)
		load();
	ngot = auxchan_search(q, size, got, n + 1);
	nwant = score_search(q, size, want, n + 1);
	if (ngot != nwant || ngot > n || memcmp(got, want, ngot * sizeof *got))
		fail("a different answer", data, size, ngot, nwant);
	for (size_t i = 1; i < ngot; i++)
		if (got[i] <= got[i - 1])
			fail("channels out of order", data, size, ngot, nwant);
	/* A smaller array: the first channels only, the whole count. */
	if (ngot > 0) {
		cap = size % ngot;
		if (auxchan_search(q, size, cap ? got : NULL, cap) != ngot ||
		    memcmp(got, want, cap * sizeof *got))
			fail("a different answer with a smaller array", data, size, ngot, nwant);
	}
	cap = size % (AUXCHAN_SUGGEST_MAX + 2);
	k = auxchan_suggest(q, size, keys, lens, cap);
	if (k > cap || k > AUXCHAN_SUGGEST_MAX)
		fail("more suggestions than asked", data, size, k, cap);
	for (size_t i = 0; i < k; i++)
		if (!is_key(keys[i], lens[i]))
			fail("a suggestion that is neither a key nor an alias", data, size, k, cap);
	{
		const char *want[AUXCHAN_SUGGEST_MAX + 1];
		size_t wlen[AUXCHAN_SUGGEST_MAX + 1], nw = score_suggest(q, size, want, wlen, cap);

		if (nw != k)
			fail("other suggestions than the reference's", data, size, k, nw);
		for (size_t i = 0; i < k; i++)
			if (!ref_same(keys[i], lens[i], want[i], wlen[i]))
				fail("other suggestions than the reference's", data, size, k, nw);
	}
	return 0;
}
