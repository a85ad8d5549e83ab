/*
 * scan.h - the limits of what reaches cmark-gfm (page.h), measured in the
 * page's markdown as plain text, before cmark-gfm reads it.
 *
 * cmark-gfm 0.29.0.gfm.6 takes more than linear time, or memory, on some
 * input (its advisories, fixed in later versions: doc/security.md lists them).
 * Before it reads the page, the page's markdown is measured line by line
 * against the limits of page.h, and refused with an error at the first
 * line over one.  The measures are upper bounds of what cmark-gfm will see,
 * found without reading markdown: a line's container markers, a line made
 * only of the characters a table's delimiter row may hold, counts of
 * characters.  Nothing here calls cmark-gfm: a text indexed by text_index()
 * is all it needs, so the limits can be tested alone.
 *
 * Entry point: scan_markdown(), the step of page_parse() after
 * front_read(), before markdown_read().
 */
#ifndef AUXCHAN_SCAN_H
#define AUXCHAN_SCAN_H

#include <stddef.h>

#include "text.h"

/*
 * Measures the markdown of s (from offset body: past the front matter)
 * against the limits.  Returns 0, or -1 with an error reported through s->d
 * at the first line over a limit.
 */
int scan_markdown(const struct src *s, size_t body);

#endif /* AUXCHAN_SCAN_H */
