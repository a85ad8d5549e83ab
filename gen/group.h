/*
 * group.h - groups of rooms.
 *
 * Rooms whose localparts share the stem before their last '-' form a
 * group ("SIGPY-GEN" and "SIGPY-GOV" form "SIGPY"), ignoring ASCII case.  A
 * group's topic comes from its first room's name: an optional leading
 * "Word:" and the last word dropped ("SIG:Python General" -> "Python").
 */
#ifndef AUXCHAN_GROUP_H
#define AUXCHAN_GROUP_H

#include <stddef.h>

#include "page.h"

/* Length of the stem of localpart lp (n bytes): 0 if it has none. */
size_t group_stem(const char *lp, size_t n);

/*
 * The topic of a display name (NUL-terminated, its whitespace already
 * collapsed): sets *start inside name and returns the topic's length.
 */
size_t group_topic(const char *name, const char **start);

/* Sets pg->groups, and the group of every room of pg. */
void group_assign(struct page *pg);

/* The part of room c a check compares: its *n bytes at the pointer returned. */
typedef const char *group_key(const struct room *c, size_t *n);

/*
 * Sets first[i] (pg->n of them) to the first room, in page order, whose key
 * equals room i's ignoring ASCII case: i itself if none before it, or if
 * its key is empty.  Sorts, so the cost grows as n log n, not n squared.
 */
void group_by(const struct page *pg, group_key *key, size_t *first);

/*
 * Steps counted by group_assign(), group_by(), lint_page() and
 * charter_join() (comparisons, bytes read, table probes, joins), never
 * reset: for the tests that their work grows in proportion to the pages,
 * not to their square.
 */
extern unsigned long group_steps;

#endif /* AUXCHAN_GROUP_H */
