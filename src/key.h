/*
 * key.h - how keys are compared and hashed.  Shared by the generator, which
 * writes the keys gperf hashes, and the library, which encodes each query
 * the same way before hashing it.
 *
 * Keys match ignoring ASCII case only (never tolower(): locales).  The
 * encoding given to gperf also swaps '?' with 0xff, a byte UTF-8 text never
 * holds: gperf copies keys into C string literals with '?' unescaped, and a
 * "??/" there would be a trigraph under -std=c11, changing the key or even
 * ending the literal early.  With the swap no key reaches gperf with a '?'.
 * When no key has a '?', the swap changes no key, and a query that has one
 * matches nothing either way: the library then skips it (swap = 0).
 *
 * The loops work eight bytes at a time in a uint64_t ("SWAR"): every step
 * is bytewise, so byte order does not matter, and loads go through memcpy(),
 * which compilers turn into one unaligned load.  Nothing here reads outside
 * the bytes it is given: the last word of a key overlaps the one before,
 * and a key shorter than eight bytes is read in two overlapping halves, or
 * byte by byte if shorter than four (key_load_short()): without a loop,
 * whose exit a processor would mispredict as lengths vary.
 *
 * key_hash() is a key's first-level hash, which picks its bucket (one
 * gperf table each, see gen/gperf.c): every encoded word, mixed with a
 * seed the generator picks for the page, is multiplied by an odd constant
 * and folded in with a rotation, then the length is mixed in.  The
 * multiplications do not wait on each other, so the hash costs little
 * more than reading the key.  gperf's hash of a bucket ignores ASCII case
 * itself (--ignore-case), so a query reaches it as typed; only the '?'
 * swap needs a copy, key_encode(), and only on a page with a '?' in a key.
 */
#ifndef AUXCHAN_KEY_H
#define AUXCHAN_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ASCII lower case of c; other bytes unchanged. */
static inline unsigned char key_fold(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c;
}

/*
 * Do the n bytes at a and b match, ignoring ASCII case?  As strncmp()
 * reads: byte by byte, stopping at the first byte that differs, so a may be
 * a NUL-terminated string shorter than n (the generator asks "does this
 * text start with ...?" so).  Where both have n bytes, key_mem_equal() is
 * the faster one.
 */
static inline int key_strn_equal(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (key_fold((unsigned char)a[i]) != key_fold((unsigned char)b[i]))
			return 0;
	return 1;
}

/*
 * Orders a (n bytes) and b (m bytes) ignoring ASCII case, a prefix first:
 * 0 for the same key in any case.
 */
static inline int key_order_fold(const char *a, size_t n, const char *b, size_t m)
{
	for (size_t i = 0; i < n && i < m; i++)
		if (key_fold((unsigned char)a[i]) != key_fold((unsigned char)b[i]))
			return key_fold((unsigned char)a[i]) - key_fold((unsigned char)b[i]);
	return n < m ? -1 : n > m;
}

/*
 * key_order_fold(), then, for keys equal but for case, by bytes: the order
 * of auxchan --keys, and of the keys the generator lists for completions
 * (auxchan-gen --keys).
 */
static inline int key_compare_fold(const char *a, size_t n, const char *b, size_t m)
{
	int c = key_order_fold(a, n, b, m);

	return c ? c : memcmp(a, b, n);
}

/* A key's bytes (not NUL-terminated), as auxchan_key() gives them. */
struct key_text {
	const char *s;
	size_t len;
};

/* The qsort() order of struct key_text: key_compare_fold(). */
static inline int key_text_order(const void *a, const void *b)
{
	const struct key_text *x = a, *y = b;

	return key_compare_fold(x->s, x->len, y->s, y->len);
}

/* The byte gperf hashes for c: c folded, '?' and 0xff swapped. */
static inline unsigned char key_byte(unsigned char c)
{
	c = key_fold(c);
	return c == '?' ? 0xff : c == 0xff ? '?' : c;
}

#define KEY_ONES 0x0101010101010101ull
#define KEY_HIGH 0x8080808080808080ull

/* 0x80 in each byte of w equal to c, 0 elsewhere (exact: no carries). */
static inline uint64_t key_bytes_eq(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (KEY_ONES * c);

	return ~(((x & ~KEY_HIGH) + ~KEY_HIGH) | x | ~KEY_HIGH);
}

/* key_byte() of each byte of w; without the '?' swap if swap is 0. */
static inline uint64_t key_word(uint64_t w, int swap)
{
	uint64_t low = w & ~KEY_HIGH;
	uint64_t upper = (low + KEY_ONES * (0x80 - 'A')) & ~(low + KEY_ONES * (0x80 - 'Z' - 1));

	w |= (upper & ~w & KEY_HIGH) >> 2; /* 'A'..'Z' get 0x20 */
	if (swap)
		w ^= ((key_bytes_eq(w, '?') | key_bytes_eq(w, 0xff)) >> 7) * 0xc0;
	return w;
}

static inline uint64_t key_load8(const char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	return v;
}

/*
 * The n < 8 bytes at s as one word, loaded without a loop: for n >= 4 its
 * first and last four bytes, for n < 4 its first, middle and last byte
 * (0 for n = 0).  Every byte is in it, at a place that depends on n only:
 * two keys of the same length match when their words do.
 */
static inline uint64_t key_load_short(const char *s, size_t n)
{
	uint32_t a, b;

	if (n >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return a | (uint64_t)b << 32;
	}
	if (n == 0)
		return 0;
	return (unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
	       (uint64_t)(unsigned char)s[n - 1] << 16;
}

#define KEY_MUL 0x9e3779b97f4a7c15ull /* odd: each word's multiplier */

/*
 * The hash so far, h, with the encoded word w folded in.  The seed goes
 * into every word before its multiplication: started from the seed alone,
 * the rotations and xors would let keys that collide under one seed
 * collide under all of them, and a page could put any number of keys in
 * one bucket (gen/gperf.c refuses a bucket of more than GPERF_BUCKET_MAX
 * times its share).
 */
static inline uint64_t key_mix(uint64_t h, uint64_t w, uint64_t seed)
{
	return (h << 27 | h >> 37) ^ (w ^ seed) * KEY_MUL;
}

/* The hash of a key of n bytes, from h: the length mixed in. */
static inline uint64_t key_hash_end(uint64_t h, size_t n)
{
	h = (h ^ n) * 0xbf58476d1ce4e5b9ull;
	return h ^ h >> 31;
}

/*
 * Encodes the n bytes at s into buf (not overlapping s): key_byte() of
 * each, eight at a time, the last word overlapping the one before; a key
 * shorter than eight bytes as one key_load_short() word.
 */
static inline void key_encode(char *buf, const char *s, size_t n, int swap)
{
	uint64_t w;
	size_t i;

	if (n < 8) {
		w = key_word(key_load_short(s, n), swap);
		if (n >= 4) {
			uint32_t a = (uint32_t)w, b = (uint32_t)(w >> 32);

			memcpy(buf, &a, 4);
			memcpy(buf + n - 4, &b, 4);
		} else if (n > 0) {
			buf[0] = (char)w;
			buf[n / 2] = (char)(w >> 8);
			buf[n - 1] = (char)(w >> 16);
		}
		return;
	}
	for (i = 0; i + 8 < n; i += 8) {
		w = key_word(key_load8(s + i), swap);
		memcpy(buf + i, &w, 8);
	}
	w = key_word(key_load8(s + n - 8), swap);
	memcpy(buf + n - 8, &w, 8);
}

/*
 * The first-level hash, from seed, of the n bytes at s as key_encode()
 * with swap would write them, without writing them.
 */
static inline uint64_t key_hash(const char *s, size_t n, int swap, uint64_t seed)
{
	uint64_t h = seed;
	size_t i;

	if (n < 8)
		return key_hash_end(key_mix(h, key_word(key_load_short(s, n), swap), seed), n);
	for (i = 0; i + 8 < n; i += 8)
		h = key_mix(h, key_word(key_load8(s + i), swap), seed);
	return key_hash_end(key_mix(h, key_word(key_load8(s + n - 8), swap), seed), n);
}

/* The bucket, of count, that a key's first-level hash h picks. */
static inline size_t key_bucket(uint64_t h, size_t count)
{
	return (size_t)((h >> 32) * count >> 32);
}

/*
 * Do the words a and b match, ignoring ASCII case?  Where their bytes
 * differ, they may differ only in 0x20, and only where a's byte is a
 * letter: cheaper than folding both.
 */
static inline int key_word_equal(uint64_t a, uint64_t b)
{
	uint64_t d = a ^ b, low = (a | KEY_ONES * 0x20) & ~KEY_HIGH;
	uint64_t letter = (low + KEY_ONES * (0x80 - 'a')) & ~(low + KEY_ONES * (0x80 - 'z' - 1)) & ~a;

	return (d & ~((letter & KEY_HIGH) >> 2)) == 0;
}

/* Do the n bytes at a and b match, ignoring ASCII case?  As memcmp() reads:
 * all n bytes of both, eight at a time, so both must have n bytes (a
 * shorter NUL-terminated string is read past its end: key_strn_equal()). */
static inline int key_mem_equal(const char *a, const char *b, size_t n)
{
	size_t i;

	if (n < 8)
		return key_word_equal(key_load_short(a, n), key_load_short(b, n));
	for (i = 0; i + 8 < n; i += 8)
		if (!key_word_equal(key_load8(a + i), key_load8(b + i)))
			return 0;
	return key_word_equal(key_load8(a + n - 8), key_load8(b + n - 8));
}

/*
 * The index of the first byte c or d in the n bytes at s, or n.  Words
 * without either are skipped eight bytes at a time.
 */
static inline size_t key_find(const char *s, size_t n, unsigned char c, unsigned char d)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w = key_load8(s + i);

		if (key_bytes_eq(w, c) | key_bytes_eq(w, d))
			break;
	}
	while (i < n && (unsigned char)s[i] != c && (unsigned char)s[i] != d)
		i++;
	return i;
}

#endif /* AUXCHAN_KEY_H */
