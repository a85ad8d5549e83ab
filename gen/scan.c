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
	size_t count[9];        /* of each character of MARKUP (of '*', '_', '~': runs) */
	size_t www;             /* "www." */
	size_t link_emphasis;   /* runs of '*', '_', '~' in link texts */
	unsigned char in[PAGE_MAX_LINE]; /* of the line's bytes: IN_TEXT, IN_DESTINATION */
};

enum { IN_TEXT = 1, IN_DESTINATION };

/* The characters on which cmark-gfm's time grows faster than the page. */
#define MARKUP "[<*_~)@"

/* ASCII punctuation: what a backslash escapes. */
#define PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

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

/* Is c an ASCII letter or digit? */
static int alnum(char c)
{
	return (c >= '0' && c <= '9') || ((unsigned)c | 32) - 'a' < 26u;
}

/*
 * The end of the link destination "(...)" at t + k, before e: past its ')'
 * if it has no space, control character or '<' (none of the forms with a
 * title or angle brackets) and fewer than 32 nested parentheses, as
 * cmark-gfm reads it; else k.
 */
static size_t destination(const char *t, size_t k, size_t e)
{
	unsigned depth = 0;

	for (size_t j = k + 1; j < e; j++) {
		if (t[j] == '\\' && j + 1 < e && strchr(PUNCT, t[j + 1]))
			j++;
		else if (t[j] == '(' && ++depth >= 32)
			return k;
		else if (t[j] == ')' && depth-- == 0)
			return j + 1;
		else if ((unsigned char)t[j] <= ' ' || t[j] == '<')
			return k;
	}
	return k;
}

/*
 * Marks in sc->in the inline links of the line [i, e) that cmark-gfm
 * surely reads as links: "[text](destination)", no escape before its
 * brackets, and nothing between its '[' and ']' that could take the '[' or
 * end the text: another bracket, '`' (a code span), '<' to '>' (HTML, an
 * autolink), "www." or "://" to a space (the autolink extension's), '|'
 * (another table cell).  What is not marked is counted as text: a link
 * missed costs a count, a link that is not one could hide a blow-up.
 */
static void find_links(struct scan *sc, size_t i, size_t e)
{
	const char *t = sc->s->text;
	size_t open = 0, end; /* open: the '[' + 1, or 0 */

	memset(sc->in, 0, e - i);
	for (size_t k = i; k < e; k++) {
		if (t[k] == '\\' && k + 1 < e && strchr(PUNCT, t[k + 1])) {
			k++, open = 0;
		} else if (t[k] == '[') {
			open = k + 1;
		} else if (t[k] == ']' && open && k + 1 < e && t[k + 1] == '(' &&
		           (end = destination(t, k + 1, e)) > k + 1) {
			memset(sc->in + (open - i), IN_TEXT, k - open);
			memset(sc->in + (k + 1 - i), IN_DESTINATION, end - (k + 1));
			k = end - 1, open = 0;
		} else if (t[k] == '<') {
			const char *gt = memchr(t + k, '>', e - k);

			k = gt ? (size_t)(gt - t) : e, open = 0;
		} else if ((e - k >= 4 && key_strn_equal(t + k, "www.", 4)) ||
		           (e - k >= 3 && !memcmp(t + k, "://", 3))) {
			while (k + 1 < e && (unsigned char)t[k + 1] > ' ' && t[k + 1] != '<')
				k++;
			open = 0;
		} else if (strchr("]`>|", t[k])) {
			open = 0;
		}
	}
}

/*
 * Counts the line's markup characters: 0, or -1 with an error past a
 * limit.  Of '*', '_' and '~', what cmark-gfm may put on its stack of
 * emphasis delimiters, whose matching takes time quadratic in its size:
 * runs (one delimiter each), not a '_' inside a word (it can neither open
 * nor close), nothing in a link's destination (read as a URL); and a link
 * text's apart (matched alone, at its ']': a line bounds the cost of each).
 */
static int count_markup(struct scan *sc, size_t i, size_t e, unsigned line)
{
	const char *t = sc->s->text;

	find_links(sc, i, e);
	for (size_t k = i; k < e; k++) {
		const char *m = strchr(MARKUP, t[k]);
		size_t *n = m && t[k] ? &sc->count[m - MARKUP]
		          : e - k >= 4 && key_strn_equal(t + k, "www.", 4) ? &sc->www : NULL;
		size_t run = k;
		unsigned limit = PAGE_MAX_MARKUP;

		if (n && strchr("*_~", t[k])) {
			while (run + 1 < e && t[run + 1] == t[k])
				run++;
			if (sc->in[k - i] == IN_DESTINATION || (t[k] == '_' && k > i && alnum(t[k - 1]) &&
			                                        run + 1 < e && alnum(t[run + 1])))
				n = NULL;
			else if (sc->in[k - i] == IN_TEXT)
				n = &sc->link_emphasis, limit = PAGE_MAX_LINK_EMPHASIS;
		}
		if (n && ++*n > limit) {
			if (n == &sc->link_emphasis)
				diag_error(sc->s->d, line, (unsigned)(k - i) + 1, "more than %u runs of "
				           "'*', '_' and '~' in link texts on the page: over the limit",
				           limit);
			else
				diag_error(sc->s->d, line, (unsigned)(k - i) + 1, "more than %u '%.*s' on "
				           "the page: over the limit", limit, n == &sc->www ? 4 : 1, t + k);
			return -1;
		}
		k = run;
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
