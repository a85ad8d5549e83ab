/*
 * json.h - JSON string literals, shared by the command (--format=json) and
 * the generator (auxchan-gen --diff --format=json): one escaper for both.
 */
#ifndef AUXCHAN_JSON_H
#define AUXCHAN_JSON_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes the n bytes at s to f as a JSON string, quotes included: '"' and
 * '\' escaped, control characters (below 0x20, and DEL) as \u00XX, every
 * other byte as it is (the text is UTF-8, checked by the generator).
 */
static inline void json_put_string(FILE *f, const char *s, size_t n)
{
	putc('"', f);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			putc(c, f);
	}
	putc('"', f);
}

#endif /* AUXCHAN_JSON_H */
