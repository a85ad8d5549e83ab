/*
 * search.h - the word table that the library's search (src/search.c)
 * ranks rooms with, as auxchan-gen writes it:
 *
 *   search_data.h          the words of the page, sorted, in a pool of
 *                          their own; each word's rooms with its points
 *                          for each; the words one deletion away (C)
 *   gperf/search-N.gperf   the words of bucket N, their values their
 *                          numbers in the sorted list (gen/gperf.h): the
 *                          words a query word can be, of
 *                          AUXCHAN_SEARCH_WORD_MAX bytes at most
 *
 * The words of a room (src/word.h splits them) come from its display name,
 * its group's topic, the parts of its localpart, its group's stem, and the
 * stem without the prefix that the stems of its kind share (SIGJS -> js:
 * the longest prefix that at least SEARCH_KIND stems share), all weighing
 * RANK_NAME_WEIGHT; and from its purpose and section, RANK_TEXT_WEIGHT
 * (src/rank.h); and, with the same weight, the words of what the group
 * pages say of its group (its responsibility, code spans and leaders'
 * handles) that the room page and the vocabulary lack.  A word's points in
 * a room: the rule above points() in gen/search.c.
 */
#ifndef AUXCHAN_SEARCH_H
#define AUXCHAN_SEARCH_H

#include "room.h"
#include "files.h"
#include "page.h"
#include "words.h"

#define SEARCH_KIND 3 /* stems that share a prefix for it to be their kind's */

/*
 * The word table's limits: what it may hold, so that any page within the
 * page's own limits (page.h) builds in bounded time and memory, and its
 * library stays proportionate.  A page past one is refused, at the row
 * that passes it (the group pages' words, given to every room of their
 * group, are counted before they are: at the group page's row).  A seed-shaped page of 20,000 rooms (tests/bench/synth)
 * has 49,351 words, 281,281 postings and 478,033 deletions; 20,000 rooms
 * "SIG:T1 General" to "SIG:T20000 General", 80,029 words; 20,000 rooms
 * whose purposes share 200 words, 534,266 postings.
 */
#define SEARCH_MAX_WORDS 100000u     /* distinct words of the rooms */
#define SEARCH_MAX_POSTINGS 600000u  /* (word, room) pairs */
#define SEARCH_MAX_DELETIONS 1000000u /* the typo index: a word's bytes, each left out */

struct diag;
struct word_table;

/*
 * The words of pg's rooms (and of the vocabulary v, if not NULL), checked
 * against the limits: the table to write, or NULL after reporting each
 * limit passed through d.
 */
struct word_table *search_words(const struct page *pg, const struct vocabulary *v,
                                struct diag *d);

/*
 * Writes the word table t among the files fs (see files.h), with the
 * index of its keys (as the library lists them) that suggestions read:
 * their numbers by length, and the kinds of byte each holds
 * (word_letters()).  Returns 0, or -1 after reporting an I/O error.
 */
int search_write(struct word_table *t, const struct key_list *keys, struct files *fs);

/* Releases t (NULL: nothing). */
void search_free(struct word_table *t);

/* Releases what the search's writer keeps for the process (the English
 * word list, read once): call once, at exit. */
void search_cleanup(void);

#endif /* AUXCHAN_SEARCH_H */
