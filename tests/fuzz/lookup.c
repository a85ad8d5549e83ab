/*
 * lookup.c - fuzz target "lookup": any bytes as a key to auxchan_lookup(),
 * the buffer exactly as long as the key (no NUL after it).
 *
 * Differential: the channels found, and their count, must be those of the
 * reference, a linear scan of the page's records (tests/reference.h), and
 * every channel found must match the key by the reference's rules.  A
 * smaller output array must get the same first channels and the same count.
 * Any difference aborts (a finding); out-of-bounds reads are the
 * sanitizer's to report.
 *
 * The records are read from FUZZ_PAGE, the page the library's tables were
 * built from (a path relative to the top of the tree, where make runs it).
 * Built with libFuzzer (make fuzz), or with tests/fuzz/replay.c to run
 * saved inputs (make check).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"

#ifndef FUZZ_PAGE
#error "FUZZ_PAGE must name the page of the library's tables"
#endif

static size_t *got, *want;

static void unload(void)
{
	free(got);
	free(want);
	ref_free();
}

/* Reads the page's records once; checks they are the library's page. */
static void load(void)
{
	size_t n = auxchan_count();

	if (ref_load(FUZZ_PAGE) != 0 || ref_pg.n != n || strcmp(ref_pg.title, auxchan_title())) {
		fprintf(stderr, "lookup: %s is not the page of the library's tables\n", FUZZ_PAGE);
		exit(2);
	}
	atexit(unload);
	got = malloc((n + 1) * sizeof *got);
	want = malloc((n + 1) * sizeof *want);
	if (!got || !want)
		abort();
}

static void fail(const char *what, const uint8_t *key, size_t len, size_t ngot, size_t nwant)
{
	fprintf(stderr, "lookup: %s for the key '", what);
	for (size_t i = 0; i < len; i++)
		fprintf(stderr, key[i] >= 0x20 && key[i] < 0x7f && key[i] != '\\' ? "%c" : "\\x%02x",
		        key[i]);
	fprintf(stderr, "' (%zu bytes): the library finds %zu channels, the reference %zu:\n",
	        len, ngot, nwant);
	for (size_t i = 0; i < ngot && i <= ref_pg.n; i++)
		fprintf(stderr, "  library:   %s\n", auxchan_field(got[i], AUXCHAN_ALIAS));
	for (size_t i = 0; i < nwant && i <= ref_pg.n; i++)
		fprintf(stderr, "  reference: %s\n", ref_pg.ch[want[i]].alias);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The saved inputs make check replays (replay.c). */
const char *const fuzz_replay[] = { "tests/fuzz/lookup", NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *key = (const char *)data;
	size_t n = auxchan_count(), ngot, nwant, cap;

	if (!got)
		load();
	ngot = auxchan_lookup(key, size, got, n + 1);
	nwant = ref_lookup(key, size, want, n + 1);
	if (ngot != nwant || ngot > n || memcmp(got, want, ngot * sizeof *got))
		fail("a different answer", data, size, ngot, nwant);
	for (size_t i = 0; i < ngot; i++)
		if (got[i] >= n || (i && got[i] <= got[i - 1]) || !ref_matches(key, size, got[i]))
			fail("a channel found that does not match, or out of order", data, size, ngot,
			     nwant);
	/* A smaller array: the first channels only, the whole count. */
	if (ngot > 0) {
		cap = size % ngot;
		if (auxchan_lookup(key, size, cap ? got : NULL, cap) != ngot ||
		    memcmp(got, want, cap * sizeof *got))
			fail("a different answer with a smaller array", data, size, ngot, nwant);
	}
	return 0;
}
