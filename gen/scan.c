/*
 * scan.c - the limits of what reaches cmark-gfm, measured in the page's
 * markdown as plain text.  Entry point: scan_markdown() (see scan.h).
 */
#include <stddef.h>
#include <string.h>

#include "key.h"
#include "page.h"
#include "scan.h"

/* The measures that run from line to line. */
struct scan {
	const struct src *s;
	size_t lead;            /* lines since a blank line, heading or fence */
	size_t count[9];        /* of each character of MARKUP */
	size_t www;             /* "www." */
};

/* The characters on which cmark-gfm's time grows faster than the page. */
#define MARKUP "[<*_~)@"

/* Is c a space or a tab? */
static int blank_char(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * How deep the line at [i, e) may nest blocks: each '>' and list marker
 * of its start opens one, and indentation continues at most one list item
 * per two columns.  Returns the offset where the count passes max, or e.
 */
static size_t nesting(const char *t, size_t i, size_t e, unsigned max)
{
	unsigned levels = 0, cols = 0;

	while (i < e) {
		size_t k = i;

		if (t[k] == ' ' || t[k] == '\t') {
			cols += t[k] == ' ' ? 1 : 4 - cols % 4;
			k++;
		} else if (t[k] == '>') {
			levels++, k++;
		} else {
			while (k < e && k - i < 9 && t[k] >= '0' && t[k] <= '9')
				k++;
			if (k > i && k < e && (t[k] == '.' || t[k] == ')'))
				k++;
			else if (k == i && strchr("-+*", t[k]))
				k++;
			else
				return e;
			if (k < e && !blank_char(t[k]))
				return e; /* not a list marker: text */
			levels++;
		}
		if (levels + cols / 2 > max)
			return i;
		i = k;
	}
	return e;
}

/*
 * Could the line [i, e) be the delimiter row of a table below a paragraph,
 * once its quote markers and indentation are taken away: only spaces, '|',
 * ':' and '-', with a '-' and a '|' or ':'?  (A line of '-' alone is a list
 * item, a thematic break or a heading's underline, which cmark-gfm tries
 * before a table.)  Returns its columns (cells with a '-'), or 0.
 */
static size_t delimiter_columns(const char *t, size_t i, size_t e)
{
	size_t columns = 0;
	int dash = 0, sign = 0;

	while (i < e && (blank_char(t[i]) || t[i] == '>'))
		i++;
	for (; i < e; i++) {
		if (!strchr(" \t|:-", t[i]))
			return 0;
		if (t[i] == '-')
			dash = 1;
		else if (t[i] == '|')
			columns += dash, dash = 0, sign = 1;
		else if (t[i] == ':')
			sign = 1;
	}
	return sign ? columns + dash : 0;
}

/*
 * Does the line [i, e) end any paragraph above it: a heading (#), a code
 * fence or a bullet item with text, or "1." (which other numbers cannot)?
 */
static int ends_paragraph(const char *t, size_t i, size_t e)
{
	size_t k = i;

	while (k < e && k - i < 3 && t[k] == ' ')
		k++;
	if (k + 3 <= e && (!memcmp(t + k, "```", 3) || !memcmp(t + k, "~~~", 3)))
		return 1;
	if (k < e && t[k] == '#') {
		size_t h = k;

		while (h < e && t[h] == '#')
			h++;
		return h - k <= 6 && (h == e || blank_char(t[h]));
	}
	if (k + 1 < e && t[k] == '1' && (t[k + 1] == '.' || t[k + 1] == ')'))
		k++;
	else if (!(k < e && strchr("-+*", t[k])))
		return 0;
	k++;
	while (k < e && blank_char(t[k]))
		k++;
	return k > i + 1 && k < e && blank_char(t[k - 1]);
}

/* Counts the line's markup characters: 0, or -1 with an error past the limit. */
static int count_markup(struct scan *sc, size_t i, size_t e, unsigned line)
{
	const char *t = sc->s->text;

	for (size_t k = i; k < e; k++) {
		const char *m = strchr(MARKUP, t[k]);
		size_t *n = m && t[k] ? &sc->count[m - MARKUP]
		          : e - k >= 4 && key_strn_equal(t + k, "www.", 4) ? &sc->www : NULL;

		if (n && ++*n > PAGE_MAX_MARKUP) {
			diag_error(sc->s->d, line, (unsigned)(k - i) + 1, "more than %u '%.*s' on the "
			           "page: over the limit", PAGE_MAX_MARKUP, n == &sc->www ? 4 : 1,
			           t + k);
			return -1;
		}
	}
	return 0;
}

/* Measures the line [i, e) (number line): 0, or -1 with an error. */
static int scan_line(struct scan *sc, size_t i, size_t e, unsigned line)
{
	const struct src *s = sc->s;
	const char *t = s->text;
	size_t k, columns;

	if (e - i > PAGE_MAX_LINE) {
		size_t pipes = 0;

		for (k = i; k < e; k++)
			pipes += t[k] == '|';
		diag_error(s->d, line, PAGE_MAX_LINE + 1, "line is %zu bytes long, over the limit "
		           "of %u%s", e - i, PAGE_MAX_LINE, pipes >= 65535 ? " (as a table row of "
		           "more than 65535 cells, cmark-gfm would drop it and every row after it)"
		           : "");
		return -1;
	}
	if ((k = nesting(t, i, e, PAGE_MAX_NESTING)) < e) {
		diag_error(s->d, line, (unsigned)(k - i) + 1, "line opens more than %u nested "
		           "blocks (quotes, list items, indentation): over the limit", PAGE_MAX_NESTING);
		return -1;
	}
	for (k = i; k < e && blank_char(t[k]); k++)
		;
	if (k == e) {
		sc->lead = 0;
		return 0;
	}
	if ((columns = delimiter_columns(t, i, e)) > PAGE_MAX_COLUMNS) {
		diag_error(s->d, line, 1, "table delimiter row of %zu columns, over the limit of %u",
		           columns, PAGE_MAX_COLUMNS);
		return -1;
	}
	if (columns && sc->lead > PAGE_MAX_TABLE_LEAD) {
		diag_error(s->d, line, 1, "table delimiter row %zu lines below a blank line or "
		           "heading, over the limit of %u: cmark-gfm reads them all again for it",
		           sc->lead, PAGE_MAX_TABLE_LEAD);
		return -1;
	}
	sc->lead = ends_paragraph(t, i, e) ? 1 : sc->lead + 1;
	return count_markup(sc, i, e, line);
}

int scan_markdown(const struct src *s, size_t body)
{
	struct scan sc = { .s = s };
	unsigned line, col;

	text_position(s, body, &line, &col);
	for (size_t i = body; i < s->len; i = text_next_line(s->text, s->len, i), line++)
		if (scan_line(&sc, i, text_line_end(s->text, s->len, i), line) < 0)
			return -1;
	return 0;
}
