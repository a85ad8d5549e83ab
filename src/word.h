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
 * The terms of a text: its words, and what people join or run together.
 * Words joined by one '-', '.', '_' or '/' ("home-manager", "crates.io")
 * make a group; a word of several parts, at a change from lower to upper
 * case ("pythonPackages"), before the last of several capitals followed
 * by a lower-case letter ("XMLParser"), or between letters and digits
 * ("x11"), is split.  Each part is a term, then each word of several
 * parts whole, then each group of several words joined: "home-manager"
 * gives "home", "manager" and "homemanager"; "buildGoModule" gives
 * "build", "go", "module" and "buildgomodule".  Both sides split so: the
 * generator the page's texts, the library the queries.
 */
struct word_terms {
	const char *s;
	size_t n, at;      /* the text, and where the next group starts */
	size_t ge, c;      /* the group's end, the next word's start in it */
	size_t gs, cs, ce; /* the group, the word */
	size_t p;          /* the next part's start in the word */
	size_t words, parts;
	int phase;         /* 0: a new group, 1: a new word, 2: its parts */
};

static inline int word_joiner(unsigned char c)
{
	return c == '-' || c == '.' || c == '_' || c == '/';
}

static inline int word_upper(unsigned char c)
{
	return (unsigned)(c - 'A') < 26u;
}

static inline int word_digit(unsigned char c)
{
	return (unsigned)(c - '0') < 10u;
}

static inline void word_terms_start(struct word_terms *t, const char *s, size_t n)
{
	*t = (struct word_terms){ .s = s, .n = n };
}

/* Where the part of the word [i, e) that starts at i ends. */
static inline size_t word_part_end(const char *s, size_t i, size_t e)
{
	for (i++; i < e; i++) {
		unsigned char a = (unsigned char)s[i - 1], b = (unsigned char)s[i];

		if (word_digit(a) != word_digit(b) || (!word_upper(a) && word_upper(b)) ||
		    (word_upper(a) && word_upper(b) && i + 1 < e && !word_upper((unsigned char)s[i + 1]) &&
		     !word_digit((unsigned char)s[i + 1])))
			return i;
	}
	return e;
}

/*
 * The next term: sets *start to where it begins and returns the length of
 * the text it spans (0 at the end), joining bytes included, which
 * word_fold_term() leaves out.
 */
static inline size_t word_terms_next(struct word_terms *t, size_t *start)
{
	const char *s = t->s;

	for (;;) {
		if (t->phase == 0) {
			size_t i = t->at;

			while (i < t->n && !word_byte((unsigned char)s[i]))
				i++;
			if (i == t->n)
				return 0;
			t->gs = t->c = i;
			while (i < t->n && (word_byte((unsigned char)s[i]) ||
			                    (word_joiner((unsigned char)s[i]) && i + 1 < t->n &&
			                     word_byte((unsigned char)s[i + 1]))))
				i++;
			t->ge = t->at = i;
			t->words = 0;
			t->phase = 1;
		} else if (t->phase == 1) {
			size_t i = t->c;

			if (i >= t->ge) {
				t->phase = 0;
				if (t->words > 1) {
					*start = t->gs;
					return t->ge - t->gs;
				}
				continue;
			}
			t->cs = t->p = i;
			while (i < t->ge && word_byte((unsigned char)s[i]))
				i++;
			t->ce = i;
			t->c = i + 1; /* past the joiner */
			t->words++;
			t->parts = 0;
			t->phase = 2;
		} else {
			size_t e;

			if (t->p >= t->ce) {
				t->phase = 1;
				if (t->parts > 1) {
					*start = t->cs;
					return t->ce - t->cs;
				}
				continue;
			}
			e = word_part_end(s, t->p, t->ce);
			*start = t->p;
			t->p = e;
			t->parts++;
			return e - *start;
		}
	}
}

/* The length of the term of n bytes at s once folded: its word bytes. */
static inline size_t word_term_len(const char *s, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++)
		len += word_byte((unsigned char)s[i]);
	return len;
}

/*
 * Copies the term of n bytes at s into buf (n bytes at least), ASCII
 * letters folded to lower case and joining bytes left out; returns its
 * length.
 */
static inline size_t word_fold_term(char *buf, const char *s, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++)
		if (word_byte((unsigned char)s[i]))
			buf[len++] = (char)key_fold((unsigned char)s[i]);
	return len;
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

/* Are the n bytes at a and b the same? */
static inline int word_same(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* Copies the n bytes at from to to (a loop: the library calls nothing). */
static inline void word_copy(char *to, const char *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		to[i] = from[i];
}

/* Are a (n bytes) and b (m bytes) one edit apart: an insertion, a deletion,
 * a substitution, or neighbours swapped? */
static inline int word_one_edit(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0;

	if (n > m)
		return word_one_edit(b, m, a, n);
	while (i < n && a[i] == b[i])
		i++;
	if (m == n + 1) /* b has one byte more: at i */
		return word_same(a + i, b + i + 1, n - i);
	if (m != n || i == n)
		return 0;
	if (word_same(a + i + 1, b + i + 1, n - i - 1)) /* substitution */
		return 1;
	return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && /* swap */
	       word_same(a + i + 2, b + i + 2, n - i - 2);
}

/*
 * What an entry of the word table is: a word of the page, with its rooms;
 * a stop word (gen/search.c), which a query word that is it drops; or a
 * known English word one edit from a word of the page, which a query word
 * that is it is not taken for a typo of (and finds nothing by itself).
 */
enum word_kind { WORD_PAGE, WORD_STOP, WORD_KNOWN };

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
