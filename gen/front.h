/*
 * front.h - the page's front matter: the YAML (read with libyaml, in
 * front.c alone) between a first line "---" and the next line "---", where
 * Wiki.js keeps a page's title, date and other properties.
 *
 * It must be a mapping whose keys are strings, each set once (no merge key
 * '<<').  Its title and date, which the page keeps, must be strings with no
 * control, invisible or direction-changing character, of at most
 * PAGE_MAX_CELL bytes once their whitespace is collapsed; its other values
 * are not read.  Mappings and sequences nest at most PAGE_MAX_YAML_DEPTH
 * deep, checked as libyaml reads, before its cost grows with the depth.
 *
 * Entry point: front_read(), the step of page_parse() after text_index().
 */
#ifndef AUXCHAN_FRONT_H
#define AUXCHAN_FRONT_H

#include <stddef.h>

#include "page.h"
#include "text.h"

/*
 * Finds the front matter at the start of the page and reads it: its title
 * and date into pg->title and pg->date.  Returns the offset where the
 * markdown starts (0 if there is no front matter), or (size_t)-1 with
 * errors reported through s->d.
 */
size_t front_read(const struct src *s, struct page *pg);

#endif /* AUXCHAN_FRONT_H */
