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
 */
#ifndef AUXCHAN_KEY_H
#define AUXCHAN_KEY_H

#include <stddef.h>

/* ASCII lower case of c; other bytes unchanged. */
static inline unsigned char key_fold(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c;
}

/* Do the n bytes at a and b match, ignoring ASCII case? */
static inline int key_eq_fold(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (key_fold((unsigned char)a[i]) != key_fold((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The byte gperf hashes for c: c folded, '?' and 0xff swapped. */
static inline unsigned char key_byte(unsigned char c)
{
	c = key_fold(c);
	return c == '?' ? 0xff : c == 0xff ? '?' : c;
}

/* Encodes the n bytes at s into buf. */
static inline void key_encode(char *buf, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)key_byte((unsigned char)s[i]);
}

#endif /* AUXCHAN_KEY_H */
