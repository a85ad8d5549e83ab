/*
 * gperf.h - gperf's output in the library: the pragmas around it, and the
 * probe of a table whose keys are split into buckets, each bucket a gperf
 * table of its own (gen/gperf.h).  Include it first: its pragma must come
 * before any function.
 *
 * gperf's search for a perfect hash grows steeply with keys, so a table is
 * split by a first-level hash (key.h) into buckets of a few dozen keys:
 * the build grows linearly with the page and the tables stay dense.  The
 * generated data names the buckets in a macro, PREFIX_BUCKETS(X), of
 * X(prefix, PREFIX, bucket, first key); with it, GPERF_PROBE_FUNCTION
 * writes the function that asks a bucket's gperf hash for the slot of a
 * query, and the slot gives the one key the query can be.
 *
 * gperf's quirks, all of them handled between gen/gperf.c and this file:
 *   1. A keyword line starting with '#' is a comment: every key is quoted.
 *   2. It writes '?' raw into C string literals, where "??/" would be a
 *      trigraph under -std=c11: keys reach it with '?' and 0xff swapped
 *      (key.h), and so does a query that has one before it is hashed.
 *   3. Its escapes: '\x' is greedy and "\q" an error, so every byte out of
 *      printable ASCII, '"', '\\' and '?' is a three-digit octal escape.
 *   4. It wants a key per table: an empty bucket gets a placeholder key,
 *      a control byte no query that reaches that bucket can match.
 *   5. Its output holds, beside the hash and the slots, a copy of the keys
 *      (a pool, %pic, so no relocation), its lookup function, which reads
 *      them, a writable lower-case table (--ignore-case) and #line
 *      directives: two thirds of its bytes, which the compiler would
 *      parse and then drop.  auxchan-gen --join-gperf (gen/gperf.h) keeps
 *      of each bucket its constants, its hash function and its slots, the
 *      keys' numbers packed (src/table.h) and read by the function
 *      PREFIX_slots_B(h), and refuses output it does not know.
 *   6. Its hash functions raise warnings our flags make errors:
 *      fall-through, and unused parameters in a degenerate hash.  They are
 *      silenced for its code alone (GPERF_OUTPUT_BEGIN, GPERF_OUTPUT_END).
 *   7. Its output names its input path (in a comment and #line
 *      directives): the join keeps neither, so the tables are the same
 *      from any build directory.  Its options are the Makefile's
 *      GPERF_TABLE_FLAGS.
 *   8. CRLF line ends in its input break it: gen/ writes '\n' only.
 *   9. GCC 12's strlen pass, on the reads of the query that many gperf
 *      hash functions make, takes time and memory that grow steeply with
 *      the buckets (a 20,000-room page: 13 s and 2.7 GB to compile, 5 s
 *      without it): it is off for the files that include gperf's output.
 *  10. --ignore-case (each bucket's hash, blind to ASCII case, takes queries
 *      as typed) comes with a writable table, gperf_downcase, for the
 *      case-blind compare of its lookup functions: the join leaves both
 *      out (quirk 5).
 */
#ifndef AUXCHAN_GPERF_SRC_H
#define AUXCHAN_GPERF_SRC_H

/* Quirk 9; and (not gperf's) the library's byte loops stay loops, not
 * calls of libc (search.c). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-optimize-strlen", "no-tree-loop-distribute-patterns")
#endif

#include <stddef.h>

/* Around the #include of a table's gperf output, joined (quirk 6). */
#define GPERF_OUTPUT_BEGIN \
	_Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wimplicit-fallthrough\"") \
	_Pragma("GCC diagnostic ignored \"-Wunused-parameter\"")
#define GPERF_OUTPUT_END _Pragma("GCC diagnostic pop")

/*
 * Bucket b: if the query q (n bytes, '?' swapped if need be) is as long as
 * some key of the bucket, its gperf hash gives the slot, and the slot the
 * key it must be.
 */
#define GPERF_PROBE(p, P, b, first) \
	case b: \
		if (n < P##_##b##_MIN_WORD_LENGTH || n > P##_##b##_MAX_WORD_LENGTH) \
			return -1; \
		h = p##_hash_##b(q, n); \
		return h <= P##_##b##_MAX_HASH_VALUE ? (long)(first + p##_slots_##b(h)) : -1;

/*
 * Defines static long name(size_t bucket, const char *q, size_t n): the
 * number of the key that the query q (n bytes) can only be, in the
 * bucket its first-level hash picked; -1 if none.  A function of its own,
 * so that a large page's many buckets do not keep its caller from
 * inlining what it calls; flattened, so that each bucket's gperf hash is
 * inlined in it, unless the table has more buckets than
 * GPERF_INLINE_BUCKETS (16, gen/gperf.h: the join makes them noinline then).
 */
#define GPERF_PROBE_FUNCTION(name, BUCKETS) \
	static __attribute__((flatten)) long name(size_t bucket, const char *q, size_t n) \
	{ \
		unsigned h; \
		switch (bucket) { \
			BUCKETS(GPERF_PROBE) \
		} \
		return -1; \
	}

#endif /* AUXCHAN_GPERF_SRC_H */
