/*
 * word.h - the words of a text, as the search sees them.  Shared by the
 * generator, which indexes the words of the page, and the library, which
 * splits queries the same way.
 *
 * A word is a run of ASCII letters and digits and of bytes outside ASCII
 * (other UTF-8 kept as it is): every other byte splits ("large-scale",
 * "~home", "MacOS (Darwin)", "SIG:Python" all give words).  Words compare
 * with their ASCII letters folded to lower case (never tolower(): locales).
 */
#ifndef AUXCHAN_WORD_H
#define AUXCHAN_WORD_H

#include <stddef.h>
#include <stdint.h>

#include "key.h"

/* Is the byte c part of a word? */
static inline int word_byte(unsigned char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c >= 0x80;
}

/*
 * The next word of s (n bytes) at or after *at: sets *start to where it
 * begins and *at past it, and returns its length; 0 when there is none.
 */
static inline size_t word_next(const char *s, size_t n, size_t *at, size_t *start)
{
	size_t i = *at;

	while (i < n && !word_byte((unsigned char)s[i]))
		i++;
	*start = i;
	while (i < n && word_byte((unsigned char)s[i]))
		i++;
	*at = i;
	return i - *start;
}

/* Copies the n bytes at s into buf, ASCII letters folded to lower case. */
static inline void word_fold(char *buf, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)key_fold((unsigned char)s[i]);
}

/*
 * The kinds of byte s (n bytes) holds, as bits: a letter (ASCII case
 * folded), a digit of four kinds, another ASCII byte, a byte outside ASCII.
 * An edit adds or removes two bits at most, so strings whose sets differ
 * in more than 2d bits are more than d edits apart.
 */
static inline uint32_t word_letters(const char *s, size_t n)
{
	uint32_t set = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned c = key_fold((unsigned char)s[i]);

		set |= 1u << (c - 'a' < 26 ? c - 'a' : c - '0' < 10 ? 26 + (c - '0') % 4
		              : c < 0x80 ? 30 : 31);
	}
	return set;
}

/*
 * A 32-bit hash of the n bytes at s (FNV-1a): what the index of words
 * within one edit of a query word is sorted by.
 */
static inline uint32_t word_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

#endif /* AUXCHAN_WORD_H */
