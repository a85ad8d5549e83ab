/*
 * link.h - room references: matrix.to links and room aliases.
 *
 * Shared by the generator, which derives each room's alias from the link
 * on the page, and by the library, which accepts the same links as lookup
 * keys: one decoder, so a link on the page always finds its own room.
 * Everything here is static, allocation-free and locale-free.
 */
#ifndef AUXCHAN_LINK_H
#define AUXCHAN_LINK_H

#include <stddef.h>
#include <string.h>

#include "key.h"

#define LINK_PREFIX "https://matrix.to/#/"
#define LINK_PREFIX_LEN (sizeof LINK_PREFIX - 1)
#define LINK_ALIAS_MAX 255 /* bytes: the Matrix spec's limit for an alias */
#define LINK_BAD ((size_t)-1)

/*
 * Does s (n bytes) start with LINK_PREFIX?  The page must spell it exactly
 * (fold = 0); a query may use any ASCII case (fold = 1).  Most strings are
 * told apart by their first byte, before the whole prefix is compared.
 */
static inline int link_has_prefix(const char *s, size_t n, int fold)
{
	if (n < LINK_PREFIX_LEN || (s[0] | 0x20) != 'h')
		return 0;
	return fold ? key_mem_equal(LINK_PREFIX, s, LINK_PREFIX_LEN)
	            : memcmp(s, LINK_PREFIX, LINK_PREFIX_LEN) == 0;
}

/*
 * The length of the matrix.to prefix a person may type before a room
 * reference, in any ASCII case: "https://matrix.to/#/", "http://matrix.to/#/"
 * or "matrix.to/#/"; 0 if s (n bytes) starts with none of them.
 */
static inline size_t link_typed_prefix(const char *s, size_t n)
{
	size_t scheme = 0;

	if (n >= 8 && key_strn_equal(s, "https://", 8))
		scheme = 8;
	else if (n >= 7 && key_strn_equal(s, "http://", 7))
		scheme = 7;
	return n - scheme >= 12 && key_strn_equal(s + scheme, "matrix.to/#/", 12) ? scheme + 12 : 0;
}

static inline int link_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = key_fold(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * Decodes the fragment of a matrix.to link, that is what follows LINK_PREFIX
 * (s, n bytes), into buf (cap bytes, not NUL-terminated): the fragment ends
 * at the first '?' (the "?via=..." query), and %XX escapes are decoded.
 * Returns the decoded length, or LINK_BAD if it exceeds cap or an escape is
 * malformed.
 */
static inline size_t link_decode(const char *s, size_t n, char *buf, size_t cap)
{
	size_t len = 0;

	for (size_t i = 0; i < n && s[i] != '?'; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int hi = i + 2 < n ? link_hex((unsigned char)s[i + 1]) : -1;
			int lo = hi >= 0 ? link_hex((unsigned char)s[i + 2]) : -1;

			if (lo < 0)
				return LINK_BAD;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		}
		if (len == cap)
			return LINK_BAD;
		buf[len++] = (char)c;
	}
	return len;
}

/*
 * Splits a room reference "#localpart:server" (s, n bytes) at its first ':'
 * (the server part may carry a ":port").  The '#' is optional.  *srv is set
 * to NULL when there is no ':' at all.
 */
static inline void link_split(const char *s, size_t n, const char **lp,
                              size_t *lplen, const char **srv, size_t *srvlen)
{
	const char *colon;

	if (n > 0 && s[0] == '#')
		s++, n--;
	colon = s + key_find(s, n, ':', ':');
	if (colon == s + n)
		colon = NULL;
	*lp = s;
	*lplen = colon ? (size_t)(colon - s) : n;
	*srv = colon ? colon + 1 : NULL;
	*srvlen = colon ? n - *lplen - 1 : 0;
}

#endif /* AUXCHAN_LINK_H */
