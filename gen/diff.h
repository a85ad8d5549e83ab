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
 * tables change no field.  Groups are not compared: they follow from the
 * aliases and names.
 */
#ifndef AUXCHAN_DIFF_H
#define AUXCHAN_DIFF_H

#include <stdio.h>

#include "page.h"

enum diff_format {
	DIFF_TEXT, /* for people: a block a room, marked '+', '-' or '~' */
	DIFF_JSON, /* {"added", "removed", "changed", "meta"} */
};

/* A revision of the page: parsed and grouped, and the name of its file. */
struct diff_side {
	const struct page *pg;
	const char *file;
};

/*
 * Writes the changes from old to new (both free of errors) to out.
 * Returns 0 if nothing changed, 1 if something did, like diff(1).
 */
int diff_write(FILE *out, enum diff_format fmt, struct diff_side old, struct diff_side new);

#endif /* AUXCHAN_DIFF_H */
