/*
 * charter.h - the group pages: what each group of rooms does, who leads it
 * and when it meets (the Aux wiki's "SIGs" and "Committees" pages,
 * data/sigs.md and data/committees.md), joined to the room page's groups.
 *
 * A group page is markdown read as the room page is (the same limits, the
 * same cmark-gfm reading).  Two kinds of its tables are read:
 *   - a group table, whose header has "Name" and "Responsibility" columns
 *     (and "Current Leaders", or "Leaders"): one group a row;
 *   - a meeting table, whose header has a "Meeting Time" column: its group
 *     in the column "SIG", "Committee", "Group" or "Name" (else the first),
 *     then "Meeting length" and "Join Link": one meeting a row.
 * A row joins the room groups whose topic its name is (group.h), ignoring
 * ASCII case and inline markup ("[Security]" is Security).  A leaders cell
 * is handles separated by commas, "@minion, @coded".
 *
 * Entry points: charter_parse() reads each group page; charter_join() then
 * gives the room page's groups their fields, after group_assign().
 */
#ifndef AUXCHAN_CHARTER_H
#define AUXCHAN_CHARTER_H

#include <stddef.h>

#include "diag.h"
#include "page.h"

/* Limits, past which a group page is refused with an error naming them. */
#define CHARTER_MAX_LEADERS 64u   /* handles in one leaders cell */
#define CHARTER_MAX_MEETINGS 16u  /* meetings of one group */

/* A row of a group table, or of a meeting table (then leaders is NULL). */
struct charter_row {
	const char *file;       /* its group page, as the user named it */
	unsigned line, name_col;
	char *name;             /* the group it names, markup and brackets left out */
	char *responsibility, *plain, *code; /* group rows: struct group's fields */
	char **leaders;
	size_t nleaders;
	struct meeting meeting; /* meeting rows */
	int is_meeting;
};

struct charters {
	struct charter_row *row; /* in the order of the pages, then of their rows */
	size_t n, cap;
	size_t pages;            /* group pages read */
	size_t refused;          /* rows, or pages, left out after an error */
};

/*
 * Reads the group page file (text, len bytes) into c, after the rows of
 * the pages read before, reporting through d (whose file the caller set).
 * Returns 0, or -1 if an error was reported; either way c must be
 * released with charter_free().
 */
int charter_parse(struct charters *c, const char *file, const char *text, size_t len,
                  struct diag *d);

/*
 * Joins c's rows to pg's groups, which point to their fields, and moves the
 * rows to pg->charters (c is left empty; page_free() frees them): a group named
 * twice on the group pages is an error; a row that joins no group, a
 * meeting of no group, and (when a group page was read) a group of the room
 * page room_file that no row names are warnings [unjoined-group,
 * unjoined-meeting, no-group-row; not when a row was refused: the group
 * may be its].  Returns 0, or -1 if an error was reported.
 */
int charter_join(struct charters *c, struct page *pg, const char *room_file, struct diag *d);

void charter_free(struct charters *c);

/* Frees what charter_join() gave the group g (not the rows' strings). */
void charter_free_group(struct group *g);

#endif /* AUXCHAN_CHARTER_H */
