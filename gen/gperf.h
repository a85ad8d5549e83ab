/*
 * gperf.h - gperf's input: a table of keys split into buckets by the
 * first-level hash (src/key.h), each bucket a gperf keyword file, which
 * gperf makes a perfect hash; and the string literals that gperf input
 * and generated C share.
 *
 * Every quirk of gperf is handled between gen/gperf.c, which writes its
 * input, and src/gperf.h, which includes its output: the list is there.
 */
#ifndef AUXCHAN_GPERF_H
#define AUXCHAN_GPERF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "files.h"

/*
 * Writes s (n bytes, any bytes) as the body of a C or gperf string
 * literal: printable ASCII as itself, except '"', '\\' and '?'; every other
 * byte as a three-digit octal escape, which ends where it should.
 */
void gperf_put_string(FILE *f, const char *s, size_t n);

/*
 * Keys a bucket holds at most on average, in the table of the rooms and
 * in that of the words: gperf's time grows steeply with keys.
 */
#define GPERF_BUCKET_KEYS 160

/*
 * How many times its share of keys a bucket may hold: gperf's time grows
 * steeply with keys, so a page whose keys crowd into one bucket (made to
 * collide: the first-level hash resists it, see src/key.h) is refused
 * rather than left to gperf for minutes.
 */
#define GPERF_BUCKET_MAX 4

struct gperf_table {
	const char *name;    /* its files, gperf/NAME-N.gperf, and make's NAME_GPERF */
	const char *prefix;  /* its C names: PREFIX_hash_N, PREFIX_slots_N... */
	const char *upper;   /* PREFIX in capitals: PREFIX_N_MAX_HASH_VALUE... */
	size_t n;            /* its keys, key_encode()d, none empty, none twice */
	const char **key;
	const size_t *len;
	size_t bucket_keys;  /* keys a bucket holds at most on average */
	size_t bucket_max;   /* the most a bucket may hold; 0: GPERF_BUCKET_MAX x bucket_keys */

	/* Set by gperf_bucket(): */
	size_t nbuckets, max_bucket;
	uint64_t seed;       /* of the first-level hash */
	size_t *bucket;      /* each key's bucket */
	size_t *order;       /* the keys, bucket by bucket (in their order within) */
	size_t *first;       /* where each bucket starts in order[]; then n */
};

/*
 * Splits the keys into buckets: as many as keep them bucket_keys on
 * average, picked by the first-level hash with the first of 64 seeds that
 * puts at most twice that in any bucket (or the seed that comes closest).
 * Deterministic: the same keys, the same buckets.
 */
void gperf_bucket(struct gperf_table *t);

/*
 * Writes the gperf input of each bucket, gperf/NAME-B.gperf, its slots of
 * struct PREFIX_slot each holding value[k] for its key k, and names the
 * files in gperf.mk (see files.h).  A bucket of more than bucket_max keys
 * is an error: it says so, and fails fs (nothing is written).
 */
void gperf_write(struct files *fs, const struct gperf_table *t, const size_t *value);

/*
 * Writes the macro UPPER_BUCKETS(X): X(PREFIX, UPPER, B, first[B]) for
 * each bucket B, which src/gperf.h turns into the probe of each.
 */
void gperf_write_buckets(FILE *f, const struct gperf_table *t, const size_t *first);

void gperf_free(struct gperf_table *t);

/*
 * Writes to out the gperf outputs of a table's buckets, the files in[0] to
 * in[n - 1] in that order, keeping of each what the library uses: its
 * constants (PREFIX_N_MAX_HASH_VALUE...), its hash function, and its
 * slots, each as {key number}.  Its lookup function and its copy of the
 * keys are left out: the compiler would drop them, after parsing them
 * (two thirds of the bytes).  The hash functions are inline, for the
 * probe to take them in (src/gperf.h), in a table of at most
 * GPERF_INLINE_BUCKETS buckets; in a larger one, each is a function of its
 * own: the compiler takes longest over the probe that holds them all (a
 * 20,000-room page of 625 buckets: room.o 12.3 s with them inline, 8.5 s
 * without), and a lookup in such a table waits on memory, not on a call.
 * Returns 0, or -1 having said which file it could not read or did not
 * recognise.
 */
#define GPERF_INLINE_BUCKETS 16 /* the seed's tables: inline; make check's 1,000 rooms: not */
int gperf_join(FILE *out, const char *const *in, size_t n);

#endif /* AUXCHAN_GPERF_H */
