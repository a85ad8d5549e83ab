/*
 * words.h - the vocabulary page: words people type that the room page
 * lacks, each with what it means on the room page (data/words.md).
 *
 * The page is markdown read as the room page is (the same limits, the same
 * cmark-gfm reading): every table whose header has a "Word" and a "Means"
 * column holds entries, one a row.  A Word is one term (word.h: no space);
 * what it Means is a group topic of the room page ("Go", "Code of
 * Conduct"), a group stem ("SIGGO") or a word of the room page, ignoring
 * ASCII case.  The search finds a Word's rooms as it finds those of what it
 * means, and the command says so ("golang: Go").
 *
 * Entry points: words_parse() reads the page; words_check() checks it
 * against the room page, after group_assign().
 */
#ifndef AUXCHAN_WORDS_H
#define AUXCHAN_WORDS_H

#include <stddef.h>

#include "diag.h"
#include "page.h"

struct word_entry {
	char *word, *means;     /* as the cells say them, plain text */
	unsigned line, word_col, means_col;
	size_t group;           /* the group it means, or NO_GROUP: a word */
	int unused;             /* it means nothing of the room page: left out */
};

struct vocabulary {
	struct word_entry *e;   /* in page order */
	size_t n;
};

/*
 * Reads the vocabulary page text (len bytes) into v, reporting through d.
 * Returns 0, or -1 if an error was reported; either way v must be
 * released with words_free().
 */
int words_parse(struct vocabulary *v, const char *text, size_t len, struct diag *d);

/*
 * Checks v against the room page pg (grouped): a word twice, a word that
 * means another word of v (a chain, or a cycle) are errors; a word that
 * means nothing of pg is a warning [vocabulary-meaning], and left out (the
 * room page may lose a group the vocabulary has); a word pg has already is
 * a warning [vocabulary-word].
 * Returns 0, or -1 if an error was reported.
 */
int words_check(struct vocabulary *v, const struct page *pg, struct diag *d);

void words_free(struct vocabulary *v);

#endif /* AUXCHAN_WORDS_H */
