/*
 * json.h - JSON for the command (--format=json) and the generator
 * (auxchan-gen --diff --format=json): one escaper, and one way to write a
 * room, for both.
 */
#ifndef AUXCHAN_JSON_H
#define AUXCHAN_JSON_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "auxchan.h"

/* The names of a room's fields, in the order of enum auxchan_field (also
 * the columns of the command's TSV). */
static const char *const json_field_names[AUXCHAN_FIELD_COUNT] = {
	"section", "name", "alias", "url", "purpose", "group",
};

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

/*
 * Writes a room's fields, value[] in the order of enum auxchan_field, as
 * the first members of a JSON object: '{' and "section": ... "group": ...
 * (the caller adds its own members, and the '}').
 */
static inline void json_put_room(FILE *f, const char *const value[AUXCHAN_FIELD_COUNT])
{
	for (int k = 0; k < AUXCHAN_FIELD_COUNT; k++) {
		fprintf(f, "%s\"%s\": ", k ? ", " : "{", json_field_names[k]);
		json_put_string(f, value[k], strlen(value[k]));
	}
}

#endif /* AUXCHAN_JSON_H */
