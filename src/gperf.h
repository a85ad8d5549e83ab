/*
 * gperf.h - finds a key in the key table: the one file that includes
 * gperf's output (channel_gperf.c: the tables of every bucket, from the
 * inputs gen/gperf.c writes, in bucket order).
 *
 * The keys are split into buckets by a first-level hash (key.h), each
 * bucket a gperf table of its own, so that gperf, whose search grows
 * steeply with keys, always has a few dozen: the build grows linearly with
 * the page and the tables stay dense.  A lookup picks the bucket, asks its
 * gperf hash for the slot, and compares the query with the key the slot
 * names (ch_find() below).
 *
 * gperf's quirks, all of them handled between gen/gperf.c and this file:
 *   1. A keyword line starting with '#' is a comment: every key is quoted.
 *   2. It writes '?' raw into C string literals, where "??/" would be a
 *      trigraph under -std=c11: keys reach it with '?' and 0xff swapped
 *      (key.h), and queries are encoded the same way.
 *   3. Its escapes: '\x' is greedy and "\q" an error, so every byte out of
 *      printable ASCII, '"', '\\' and '?' is a three-digit octal escape.
 *   4. It wants a key per table: an empty bucket gets a placeholder key,
 *      a control byte no query that reaches that bucket can match.
 *   5. %pic (no relocation) needs a first field of the slot struct for the
 *      offset of the key in gperf's own pool.  That copy of the keys serves
 *      only its lookup functions, which are left unused (a prior static,
 *      unused declaration gives them internal linkage, and the compiler
 *      drops them and the copy); so the field is as small as the key
 *      number beside it, and gperf's offsets are cut short in it.
 *   6. Its code raises warnings our flags make errors: fall-through,
 *      unused parameters, missing field initialisers, the offsets cut short
 *      (-Woverflow; clang's -Wconstant-conversion).  They are silenced for
 *      its code alone.
 *   7. Its output names its input path: make runs it on a relative name,
 *      so the output is the same from any build directory.  Its options
 *      are the Makefile's GPERF_TABLE_FLAGS.
 *   8. CRLF line ends in its input break it: gen/ writes '\n' only.
 *   9. GCC 12's strlen pass, on the reads of the query that many gperf
 *      hash functions make, takes time and memory that grow steeply with
 *      the buckets (a 20,000-room page: 13 s and 2.7 GB to compile, 5 s
 *      without it): it is off for the library (src/channel.c, first line).
 */
#ifndef AUXCHAN_GPERF_SRC_H
#define AUXCHAN_GPERF_SRC_H

#include <stddef.h>

#include "channel_data.h"
#include "key.h"

#define CH_DECLARE(b, first) \
	static const struct ch_slot *ch_lookup_##b(const char *, size_t) __attribute__((unused));
CH_BUCKETS(CH_DECLARE)

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Woverflow"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wconstant-conversion"
#endif
#include "channel_gperf.c"
#pragma GCC diagnostic pop

/*
 * Bucket b: if the encoded query q (n bytes) is as long as some key of the
 * bucket, its gperf hash gives the slot, and the slot the key it must be.
 */
#define CH_PROBE(b, first) \
	case b: \
		if (n < CH_##b##_MIN_WORD_LENGTH || n > CH_##b##_MAX_WORD_LENGTH) \
			return -1; \
		h = ch_hash_##b(q, n); \
		return h <= CH_##b##_MAX_HASH_VALUE ? (long)(first + ch_slots_##b[h].key) : -1;

/*
 * The number of the key that the encoded query q (n bytes) can only be,
 * in the bucket its first-level hash picked; -1 if none.  Apart from
 * ch_find(), so that a large page's many buckets make a function of their
 * own and ch_find() stays small enough to inline what it calls.
 */
static __attribute__((flatten)) long ch_probe(size_t bucket, const char *q, size_t n)
{
	unsigned h;

	switch (bucket) {
		CH_BUCKETS(CH_PROBE)
	}
	return -1;
}

/*
 * The key that the n bytes at s are, ignoring ASCII case, or NULL.  Uses
 * CH_KEY_MAX bytes of stack.
 */
static inline const struct ch_key *ch_find(const char *s, size_t n)
{
	char q[CH_KEY_MAX];
	const struct ch_key *k;
	uint64_t hash;
	long key;

	/* Reject what no key can be. */
	if (n == 0 || n > CH_KEY_MAX)
		return NULL;
	/* Fold case (and swap '?'), hashing as we go: the hash picks the bucket. */
	hash = key_encode(q, s, n, CH_SWAP, CH_SEED);
	/* Its gperf table names the one key the query can be. */
	if ((key = ch_probe(key_bucket(hash, CH_BUCKET_COUNT), q, n)) < 0)
		return NULL;
	/* Compare: the query must be that key. */
	k = &ch_keys[key];
	return k->len == n && key_matches(q, CH_POOL + k->text, n, CH_SWAP) ? k : NULL;
}

#endif /* AUXCHAN_GPERF_SRC_H */
