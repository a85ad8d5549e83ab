/*
 * rank.h - the constants of the search's ranking, shared by the generator,
 * which gives each word of each room its points (gen/search.c), and the
 * library, which adds up what a query's words match (src/search.c).
 *
 * The rule they make is written once, in the comment above points() in
 * gen/search.c.  Its other constants are public, in auxchan.h: the bytes
 * a query word needs, AUXCHAN_SEARCH_PREFIX to match the words it starts
 * and AUXCHAN_SEARCH_TYPO to match words one edit away, and the most it may
 * have, AUXCHAN_SEARCH_WORD_MAX; the query words read,
 * AUXCHAN_SEARCH_WORDS, and the words each matches, AUXCHAN_SEARCH_MATCHES;
 * and the bounds of a search's work (AUXCHAN_SEARCH_QUERY_MAX,
 * AUXCHAN_SEARCH_PREFIX_READ, AUXCHAN_SEARCH_MATCHES_ALL,
 * AUXCHAN_SEARCH_POSTINGS, AUXCHAN_SEARCH_WORK: budget() in src/search.c).
 */
#ifndef AUXCHAN_RANK_H
#define AUXCHAN_RANK_H

#include "auxchan.h"

/* A word's points: the scale, and the weight of the text it is in. */
#define RANK_SCALE 16       /* points of a word of idf 1 and weight 1 */
#define RANK_NAME_WEIGHT 3  /* in a room's name, topic, localpart or stem */
#define RANK_TEXT_WEIGHT 1  /* in its purpose or section */

/* What a match brings, in halves of the word's points. */
#define RANK_FULL 2         /* the query word itself */
#define RANK_HALF 1         /* a word it starts, or one edit away */

/*
 * An answer says which rooms: a top tier of more than a quarter of the
 * page's rooms (and more than RANK_VAGUE_MIN) says the query is too vague
 * to choose ("aux", "sig", "help"), and the search finds nothing (the
 * command then names the general rooms).
 */
#define RANK_VAGUE_SHARE 4
#define RANK_VAGUE_MIN 4

/*
 * The search reads the rooms of the query word that counts most first,
 * up to this many, for a first threshold: the time a search takes, not
 * its answer.
 */
#define RANK_FIRST_ROOMS 64

#endif /* AUXCHAN_RANK_H */
