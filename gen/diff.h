/*
 * diff.h - what changed between two revisions of a page, room by room
 * (auxchan-gen --diff OLD NEW).
 *
 * Rooms are matched by alias, ignoring ASCII case: a room of the new page
 * whose alias the old page lacks is added, one of the old page that the
 * new lacks is removed, and a room of both has changed when its section,
 * name, purpose or url differs.  The front matter's title and date are
 * compared too.  Nothing else counts: the wiki re-pads its tables on every
 * edit, and padding, column widths, row order and the prose around the
 * tables change no field.  The room page's groups are not compared: they
 * follow from the aliases and names.
 *
 * When a side has group pages (charter.h), their groups are compared too,
 * the set of each side as a whole: a group is a group row's name with the
 * meeting rows of that name, on any of its side's pages, and groups are
 * matched by that name (the topic it joins), ignoring ASCII case.  A group
 * has changed when its responsibility, its leaders or its meetings (time,
 * length, join link and its target, in order) differ; the page and line it
 * is on do not count, so a group moved from one page to another is no change.
 */
#ifndef AUXCHAN_DIFF_H
#define AUXCHAN_DIFF_H

#include <stdio.h>

#include "charter.h"
#include "page.h"

enum diff_format {
	DIFF_TEXT, /* for people: a block a room, marked '+', '-' or '~' */
	DIFF_JSON, /* {"added", "removed", "changed", ["groups",] "meta"} */
};

/*
 * A revision of the page: parsed and grouped, the name of its file, and
 * the rows of its group pages (NULL: none given).
 */
struct diff_side {
	const struct page *pg;
	const char *file;
	const struct charters *groups;
};

/*
 * Writes the changes from old to new (both free of errors) to out: the
 * rooms, the front matter, and if either side has group pages, the groups
 * (in text after the rooms, in JSON as "groups"; without group pages the
 * output is the rooms' alone).  Returns 0 if nothing changed, 1 if
 * something did, like diff(1).
 */
int diff_write(FILE *out, enum diff_format fmt, struct diff_side old, struct diff_side new);

#endif /* AUXCHAN_DIFF_H */
