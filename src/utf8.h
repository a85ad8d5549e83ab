/*
 * utf8.h - UTF-8 validation, shared by the generator (which refuses pages
 * that are not UTF-8 text) and the command (which never writes a raw control
 * byte to a terminal).  Static, allocation-free, locale-free.
 */
#ifndef AUXCHAN_UTF8_H
#define AUXCHAN_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Decodes the code point at s (n > 0 bytes) into *cp.  Returns its length
 * in bytes, or 0 if s does not start with a well-formed UTF-8 sequence
 * (overlong forms, surrogates and code points above U+10FFFF are not).
 */
static inline size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[0], min;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Is cp a control character: C0, DEL or C1? */
static inline int utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/*
 * Does cp change the direction in which a terminal shows the text around
 * it: a direction mark (U+200E, U+200F), embedding or override (U+202A to
 * U+202E) or isolate (U+2066 to U+2069)?  An override in a room's name
 * shows the rest of the line reversed.
 */
static inline int utf8_is_direction(uint32_t cp)
{
	return cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/*
 * Is cp invisible or direction-changing: a zero width space, non-joiner or
 * joiner (U+200B to U+200D), a direction character (utf8_is_direction), a
 * line or paragraph separator (U+2028, U+2029) or a zero width no-break
 * space (U+FEFF: a byte order mark inside text)?  Two names that differ
 * only by one look the same.
 */
static inline int utf8_is_invisible(uint32_t cp)
{
	return (cp >= 0x200b && cp <= 0x200d) || utf8_is_direction(cp) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xfeff;
}

enum { UTF8_OK, UTF8_INVALID, UTF8_CONTROL, UTF8_INVISIBLE };

/* utf8_check(), and utf8_check_visible() if visible is not 0. */
static inline int utf8_check_text(const char *s, size_t n, const char *ok, size_t *at,
                                  int visible)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		int fault = !len ? UTF8_INVALID
		          : utf8_is_control(cp) && !(cp && ok && strchr(ok, (int)cp))
		          ? UTF8_CONTROL
		          : visible && utf8_is_invisible(cp) ? UTF8_INVISIBLE : UTF8_OK;

		if (fault) {
			if (at)
				*at = i;
			return fault;
		}
		i += len;
	}
	return UTF8_OK;
}

/*
 * Checks that s (n bytes) is UTF-8 text without control characters, except
 * the ASCII ones listed in ok (may be NULL).  Returns UTF8_OK, or the kind of
 * the first fault with its byte offset in *at (if at is not NULL).
 */
static inline int utf8_check(const char *s, size_t n, const char *ok, size_t *at)
{
	return utf8_check_text(s, n, ok, at, 0);
}

/* utf8_check(), and invisible characters (utf8_is_invisible) are faults too. */
static inline int utf8_check_visible(const char *s, size_t n, const char *ok, size_t *at)
{
	return utf8_check_text(s, n, ok, at, 1);
}

#endif /* AUXCHAN_UTF8_H */
