/*
 * text.c - the page's source text: its lines, the line and column of an
 * offset, the characters diagnostics name.  Entry point: text_index()
 * (see text.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"
#include "utf8.h"

size_t text_line_end(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

size_t text_next_line(const char *s, size_t n, size_t i)
{
	i = text_line_end(s, n, i);
	if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
		return i + 2;
	return i < n ? i + 1 : i;
}

static void index_lines(struct src *s)
{
	size_t cap = 0;

	for (size_t i = 0;;) {
		s->line = xgrow(s->line, &cap, s->nlines + 1, sizeof *s->line);
		s->line[s->nlines++] = i;
		if (i >= s->len)
			break;
		i = text_next_line(s->text, s->len, i);
		if (i >= s->len)
			break;
	}
}

void text_position(const struct src *s, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = s->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->line[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)(off - s->line[lo]) + 1;
}

/* ---- Characters diagnostics name --------------------------------------- */

/* The Unicode name of cp if a diagnostic may need it, else NULL. */
static const char *char_name(uint32_t cp)
{
	static const struct { uint32_t cp; const char *name; } names[] = {
		{ 0x85, "NEXT LINE" }, { 0xa0, "NO-BREAK SPACE" }, { 0xad, "SOFT HYPHEN" },
		{ 0x2002, "EN SPACE" }, { 0x2003, "EM SPACE" }, { 0x2009, "THIN SPACE" },
		{ 0x200b, "ZERO WIDTH SPACE" }, { 0x200c, "ZERO WIDTH NON-JOINER" },
		{ 0x200d, "ZERO WIDTH JOINER" }, { 0x200e, "LEFT-TO-RIGHT MARK" },
		{ 0x200f, "RIGHT-TO-LEFT MARK" }, { 0x2028, "LINE SEPARATOR" },
		{ 0x2029, "PARAGRAPH SEPARATOR" }, { 0x202a, "LEFT-TO-RIGHT EMBEDDING" },
		{ 0x202b, "RIGHT-TO-LEFT EMBEDDING" }, { 0x202c, "POP DIRECTIONAL FORMATTING" },
		{ 0x202d, "LEFT-TO-RIGHT OVERRIDE" }, { 0x202e, "RIGHT-TO-LEFT OVERRIDE" },
		{ 0x202f, "NARROW NO-BREAK SPACE" }, { 0x2060, "WORD JOINER" },
		{ 0x2066, "LEFT-TO-RIGHT ISOLATE" }, { 0x2067, "RIGHT-TO-LEFT ISOLATE" },
		{ 0x2068, "FIRST STRONG ISOLATE" }, { 0x2069, "POP DIRECTIONAL ISOLATE" },
		{ 0x3000, "IDEOGRAPHIC SPACE" }, { 0xfeff, "ZERO WIDTH NO-BREAK SPACE" },
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].cp == cp)
			return names[i].name;
	return NULL;
}

const char *text_char_code(uint32_t cp, char *buf, size_t size)
{
	const char *name = char_name(cp);

	snprintf(buf, size, "U+%04X%s%s%s", (unsigned)cp, name ? " (" : "", name ? name : "",
	         name ? ")" : "");
	return buf;
}

const char *text_char_fault(const char *t, size_t n, int article, char *buf, size_t size)
{
	uint32_t cp = 0;
	char code[64];
	const char *kind = "invisible";

	utf8_decode(t, n, &cp);
	if (utf8_is_control(cp))
		kind = "control";
	else if (utf8_is_direction(cp))
		kind = "direction-changing";
	snprintf(buf, size, "%s%s character %s", !article ? "" : *kind == 'i' ? "an " : "a ",
	         kind, text_char_code(cp, code, sizeof code));
	return buf;
}

/* Checks that the page is UTF-8 text with no control characters. */
static int check_text(const struct src *s)
{
	size_t at;
	unsigned line, col;
	char what[128];
	int fault = utf8_check(s->text, s->len, "\t\n\r", &at);

	if (fault == UTF8_OK)
		return 0;
	text_position(s, at, &line, &col);
	if (fault == UTF8_INVALID)
		diag_error(s->d, line, col, "invalid UTF-8 (byte 0x%02x): the page must be "
		           "UTF-8 text", (unsigned char)s->text[at]);
	else if (s->text[at] == '\0')
		diag_error(s->d, line, col, "NUL byte: the page must be UTF-8 text");
	else
		diag_error(s->d, line, col, "%s: the page must be text without control characters "
		           "but tabs", text_char_fault(s->text + at, s->len - at, 0, what, sizeof what));
	return -1;
}

int text_index(struct src *s)
{
	index_lines(s);
	return check_text(s);
}

/* ---- Whitespace ------------------------------------------------------- */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *text_normalize(const char *t, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t len = 0;
	int space = 0;

	for (size_t i = 0; i < n; i++) {
		if (is_space((unsigned char)t[i])) {
			space = len > 0;
			continue;
		}
		if (space)
			out[len++] = ' ';
		space = 0;
		out[len++] = t[i];
	}
	out[len] = '\0';
	return out;
}
