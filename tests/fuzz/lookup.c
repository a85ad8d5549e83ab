/*
 * lookup.c - fuzz target "lookup": any bytes as a key to auxchan_lookup(),
 * the buffer exactly as long as the key (no NUL after it).
 *
 * Differential: the rooms found, and their count, must be those of the
 * reference, a linear scan of the page's records (tests/reference.h), and
 * every room found must match the key by the reference's rules.  A
 * smaller output array must get the same first rooms and the same count.
 * Any difference aborts (a finding); out-of-bounds reads are the
 * sanitizer's to report.
 *
 * The records are read from FUZZ_PAGE, the page the library's tables were
 * built from (a path relative to the top of the tree, where make runs it).
 * Built with libFuzzer (make fuzz), or with tests/fuzz/replay.c to run
 * saved inputs (make check).
 */
#define _POSIX_C_SOURCE 200809L
#define FUZZ_TARGET "lookup"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"
#include "differ.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The saved inputs make check replays (replay.c). */
const char *const fuzz_replay[] = { "tests/fuzz/lookup", NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *key = (const char *)data;
	size_t n = auxchan_count(), ngot, nwant, cap;
	struct ref_query r;

	if (!got)
		differ_load();
	ngot = auxchan_lookup(key, size, got, n + 1);
	nwant = ref_lookup(key, size, want, n + 1);
	if (ngot != nwant || ngot > n || memcmp(got, want, ngot * sizeof *got))
		differ_fail("a different answer", "key", data, size, ngot, nwant);
	ref_read(&r, key, size);
	for (size_t i = 0; i < ngot; i++)
		if (got[i] >= n || (i && got[i] <= got[i - 1]) || !ref_matches(&r, got[i]))
			differ_fail("a room found that does not match, or out of order", "key", data,
			            size, ngot, nwant);
	/* A smaller array: the first rooms only, the whole count. */
	if (ngot > 0) {
		cap = size % ngot;
		if (auxchan_lookup(key, size, cap ? got : NULL, cap) != ngot ||
		    memcmp(got, want, cap * sizeof *got))
			differ_fail("a different answer with a smaller array", "key", data, size, ngot, nwant);
	}
	return 0;
}
