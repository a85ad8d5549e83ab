/*
 * differ.h - what the differential fuzz targets (lookup, search) share:
 * the page's records loaded once, arrays for the library's answer and the
 * reference's, and the report of a difference.
 *
 * FUZZ_TARGET names the target in its messages; FUZZ_PAGE the page the
 * library's tables were built from (a path relative to the top of the
 * tree, where make runs it).  Include after reference.h.
 */
#ifndef AUXCHAN_DIFFER_H
#define AUXCHAN_DIFFER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"

#ifndef FUZZ_PAGE
#error "FUZZ_PAGE must name the page of the library's tables"
#endif

static size_t *got, *want; /* the library's rooms, the reference's */

static void differ_unload(void)
{
	free(got);
	free(want);
	ref_free();
}

/* Reads the page's records once; checks they are the library's page. */
static void differ_load(void)
{
	size_t n = auxchan_count();

	if (ref_load(FUZZ_PAGE) != 0 || ref_pg.n != n || strcmp(ref_pg.title, auxchan_title())) {
		fprintf(stderr, FUZZ_TARGET ": %s is not the page of the library's tables\n",
		        FUZZ_PAGE);
		exit(2);
	}
	atexit(differ_unload);
	got = malloc((n + 1) * sizeof *got);
	want = malloc((n + 1) * sizeof *want);
	if (!got || !want)
		abort();
}

/* Starts the report of a difference for an input (what it is: "key",
 * "query"), quoted byte for byte. */
static void differ_begin(const char *what, const char *input, const uint8_t *q, size_t len)
{
	fprintf(stderr, FUZZ_TARGET ": %s for the %s '", what, input);
	for (size_t i = 0; i < len; i++)
		fprintf(stderr, q[i] >= 0x20 && q[i] < 0x7f && q[i] != '\\' ? "%c" : "\\x%02x", q[i]);
	fprintf(stderr, "' (%zu bytes)", len);
}

/* Reports a difference in the rooms found, got[] and want[], and
 * aborts: a finding. */
static void differ_fail(const char *what, const char *input, const uint8_t *q, size_t len,
                        size_t ngot, size_t nwant)
{
	differ_begin(what, input, q, len);
	fprintf(stderr, ": the library finds %zu rooms, the reference %zu:\n", ngot, nwant);
	for (size_t i = 0; i < ngot && i <= ref_pg.n; i++)
		fprintf(stderr, "  library:   %s\n", auxchan_field(got[i], AUXCHAN_ALIAS));
	for (size_t i = 0; i < nwant && i <= ref_pg.n; i++)
		fprintf(stderr, "  reference: %s\n", ref_pg.rooms[want[i]].alias);
	abort();
}

#endif
