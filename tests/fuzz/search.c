/*
 * search.c - fuzz target "search": any bytes as a query to
 * auxchan_search(), the buffer exactly as long as the query (no NUL after
 * it), and to auxchan_suggest().
 *
 * Differential: the rooms found, and their count, must be those of the
 * reference scorer (tests/score.h), in page order; a smaller output array
 * must get the same first rooms and the same count.  Suggestions must be
 * keys of the table, or aliases, no more than asked.  Any difference
 * aborts (a finding); out-of-bounds reads are the sanitizer's to report.
 *
 * The records are read from FUZZ_PAGE, the page the library's tables were
 * built from.  Built with libFuzzer (make fuzz), or with
 * tests/fuzz/replay.c to run saved inputs (make check).
 */
#define _POSIX_C_SOURCE 200809L
#define FUZZ_TARGET "search"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"
#include "differ.h"
/* The word table, whose stop and known words the reference takes. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-const-variable"
#include "search_data.h"
#pragma GCC diagnostic pop
#include "score.h"

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

/* Reports different suggestions, the library's and the reference's (or
 * the count asked for), and aborts. */
static void suggest_fail(const char *what, const uint8_t *q, size_t len, const char **keys,
                         const size_t *lens, size_t k, const char **want, const size_t *wlen,
                         size_t nw)
{
	differ_begin(what, "query", q, len);
	fprintf(stderr, ":\n");
	for (size_t i = 0; i < k && i < AUXCHAN_SUGGEST_MAX; i++)
		fprintf(stderr, "  library:   %.*s\n", (int)lens[i], keys[i]);
	for (size_t i = 0; i < nw && want; i++)
		fprintf(stderr, "  reference: %.*s\n", (int)wlen[i], want[i]);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The saved inputs make check replays (replay.c). */
const char *const fuzz_replay[] = { "tests/fuzz/search", NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *q = (const char *)data, *keys[AUXCHAN_SUGGEST_MAX + 1];
	const char *wkeys[AUXCHAN_SUGGEST_MAX + 1];
	size_t n = auxchan_count(), ngot, nwant, cap, k, nw;
	size_t lens[AUXCHAN_SUGGEST_MAX + 1], wlens[AUXCHAN_SUGGEST_MAX + 1];

	if (!got) {
		differ_load();
		score_load();
		atexit(score_free);
	}
	ngot = auxchan_search(q, size, got, n + 1);
	nwant = score_search(q, size, want, n + 1);
	if (ngot != nwant || ngot > n || memcmp(got, want, ngot * sizeof *got))
		differ_fail("a different answer", "query", data, size, ngot, nwant);
	for (size_t i = 1; i < ngot; i++)
		if (got[i] <= got[i - 1])
			differ_fail("rooms out of order", "query", data, size, ngot, nwant);
	/* A smaller array: the first rooms only, the whole count. */
	if (ngot > 0) {
		cap = size % ngot;
		if (auxchan_search(q, size, cap ? got : NULL, cap) != ngot ||
		    memcmp(got, want, cap * sizeof *got))
			differ_fail("a different answer with a smaller array", "query", data, size, ngot,
			            nwant);
	}
	/* Suggestions: keys or aliases, no more than asked, the reference's. */
	cap = size % (AUXCHAN_SUGGEST_MAX + 2);
	k = auxchan_suggest(q, size, keys, lens, cap);
	if (k > cap || k > AUXCHAN_SUGGEST_MAX)
		suggest_fail("more suggestions than asked", data, size, keys, lens, k, NULL, NULL, 0);
	for (size_t i = 0; i < k; i++)
		if (!is_key(keys[i], lens[i]))
			suggest_fail("a suggestion that is neither a key nor an alias", data, size, keys,
			             lens, k, NULL, NULL, 0);
	nw = score_suggest(q, size, wkeys, wlens, cap);
	for (size_t i = 0; i < k || i < nw; i++)
		if (nw != k || !ref_same(keys[i], lens[i], wkeys[i], wlens[i]))
			suggest_fail("other suggestions than the reference's", data, size, keys, lens, k,
			             wkeys, wlens, nw);
	return 0;
}
