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

#endif /* AUXCHAN_MARKDOWN_H */
