/*
 * markdown.h - cmark-gfm reading the page's markdown: its extensions
 * (table, strikethrough, autolink) attached, the front matter's lines fed
 * as blank lines so that cmark-gfm's line numbers are the page's, and all
 * it allocates counted against PAGE_MAX_PARSE_MEMORY (page.h), where
 * cmark-gfm would otherwise take what memory there is, then abort.
 *
 * Entry point: markdown_read(), the step of page_parse() after
 * scan_markdown() has measured what it will read.  One page at a time: the
 * budget is static state.
 */
#ifndef AUXCHAN_MARKDOWN_H
#define AUXCHAN_MARKDOWN_H

#include <stddef.h>

#include <cmark-gfm.h>

#include "text.h"

/*
 * Reads the page's markdown (from offset body) with cmark-gfm, in at most
 * PAGE_MAX_PARSE_MEMORY.  Returns the document, and its parser in *parser
 * (both to free), or NULL with an error reported.
 */
cmark_node *markdown_read(const struct src *s, size_t body, cmark_parser **parser);

/*
 * Releases cmark-gfm's registry of extensions (page_cleanup()): once, at
 * exit, after the last markdown_read().
 */
void markdown_cleanup(void);

/* ---- Reading the nodes: for the page and the vocabulary ----------------- */

/* The plain text of node's inlines: text and code literals, breaks as
 * spaces, markup flattened to its text, raw HTML dropped (to free). */
char *markdown_text(cmark_node *node);

/* Is n of the (extension's) type named type, "table" say? */
int markdown_type_is(cmark_node *n, const char *type);

/* Column of the first non-blank byte of a cell (0 if cmark padded it). */
unsigned markdown_cell_col(const struct src *s, cmark_node *cell);

/* Child k of n (from 0), or NULL. */
cmark_node *markdown_nth_child(cmark_node *n, int k);

/*
 * The plain text of a cell or heading (what) at line:col, "" if node is
 * NULL, checked (to free): text over PAGE_MAX_CELL bytes, or with a
 * control, invisible or direction-changing character, gets an error and
 * NULL, so that it goes nowhere else.
 */
char *markdown_cell_text(const struct src *s, cmark_node *node, const char *what, unsigned line,
                         unsigned col);

/*
 * t (to free) if it passes markdown_cell_text()'s checks, else NULL, t
 * freed and an error reported at line:col: for text taken from a cell
 * otherwise (a link's target).
 */
char *markdown_checked(const struct src *s, char *t, const char *what, unsigned line,
                       unsigned col);

/* markdown_cell_text() with each link's target kept after its text,
 * "the GNOME Desktop Environment <https://www.gnome.org/>". */
char *markdown_cell_text_links(const struct src *s, cmark_node *node, const char *what,
                               unsigned line, unsigned col);

/*
 * Warns (extra-cells) about a row with more cells than its table's header
 * (ncols): cmark-gfm drops the extra cells silently.
 */
void markdown_check_extra_cells(const struct src *s, cmark_node *row, size_t ncols);

/* The column of the table header whose text is name (ASCII case
 * ignored), or -1. */
int markdown_column(cmark_node *header, const char *name);

#endif /* AUXCHAN_MARKDOWN_H */
