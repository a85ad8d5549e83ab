/*
 * text.h - the page's source text: where each of its lines starts, the line
 * and column of an offset, and the characters its diagnostics name.
 *
 * Entry point: text_index(), the first step of page_parse(): it indexes
 * the lines of the page's text and checks that the text is UTF-8 without
 * control characters.  The functions after it serve the readers of the
 * page (front.c, scan.c, markdown.c, page.c).  Lines end as CommonMark
 * counts them: at LF, CRLF or CR.
 */
#ifndef AUXCHAN_TEXT_H
#define AUXCHAN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* The text being read, and where each of its lines starts. */
struct src {
	const char *text;
	size_t len;
	size_t *line;   /* line[k] is the offset of line k + 1 */
	size_t nlines;
	struct diag *d;
};

/*
 * Indexes the lines of s->text (s->len bytes; s->line NULL and s->nlines 0
 * before), then checks that the page is UTF-8 text with no control
 * characters but tabs and line ends.  Returns 0, or -1 with an error
 * reported through s->d.  Either way s->line is the caller's to free.
 */
int text_index(struct src *s);

/*
 * The end of the line at offset i of the n bytes at s (its LF or CR, or n),
 * and the start of the line after it (n after the last line).
 */
size_t text_line_end(const char *s, size_t n, size_t i);
size_t text_next_line(const char *s, size_t n, size_t i);

/* Line and column (from 1) of byte offset off. */
void text_position(const struct src *s, size_t off, unsigned *line, unsigned *col);

/* "U+00A0 (NO-BREAK SPACE)", or "U+0001" for a character without a name here. */
const char *text_char_code(uint32_t cp, char *buf, size_t size);

/*
 * What the character at t (n > 0 bytes; a fault utf8_check_visible() found)
 * is, with its code: "control character U+0085 (NEXT LINE)", "invisible
 * character U+200B (ZERO WIDTH SPACE)", "direction-changing character
 * U+202E (RIGHT-TO-LEFT OVERRIDE)"; with "a " or "an " before it if
 * article is not 0.
 */
const char *text_char_fault(const char *t, size_t n, int article, char *buf, size_t size);

/*
 * A copy of t (n bytes) with whitespace runs collapsed to one space,
 * trimmed (to free): the text of a title, a date, a cell or a heading.
 */
char *text_normalize(const char *t, size_t n);

#endif /* AUXCHAN_TEXT_H */
