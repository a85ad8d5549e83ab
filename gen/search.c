/* search.c - writes the word table of the search (see search.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "diag.h"
#include "gperf.h"
#include "group.h"
#include "key.h"
#include "link.h"
#include "mem.h"
#include "pool.h"
#include "rank.h"
#include "search.h"
#include "stem.h"
#include "table.h"
#include "word.h"
#include "words.h"

/* ---- The words of each room ------------------------------------------- */

/* A word of a room, folded, with the weight of the text it came from. */
struct occ {
	char *w;
	size_t len, room;
	unsigned weight;
};

struct occs {
	struct occ *o;
	size_t n, cap;
};

/* A stem, folded, for the kinds of stems. */
struct stem {
	char *s;
	size_t len;
};

/* ---- The table -------------------------------------------------------- */

/* A word of the page: its rooms are postings [first, first + count). */
struct word {
	const char *w;   /* folded; one of its occurrences' */
	size_t len;
	size_t first, count;
	unsigned max;    /* its most points in a room */
	size_t text;     /* its string in the pool */
	enum word_kind kind;
	size_t stem;     /* the entry of its stem (stem.h), or its own number */
	size_t room;     /* the first room that has it (check_limits()) */
};

/* A word of the vocabulary, folded as a query term is, and its entry; the
 * pool strings of the three. */
struct vocab_key {
	char *k;
	size_t len;
	const struct word_entry *e;
	size_t key, word, means;
};

/* A word one deletion away from a word of the page: the index of typos. */
struct deletion {
	uint32_t hash;   /* word_hash() of the word with one byte deleted */
	size_t word;
};

struct word_table {
	const struct page *pg;
	struct occs os;
	struct word *words;          /* sorted */
	size_t nwords, max_len;
	size_t *room;             /* postings: rooms, in page order within a word */
	unsigned *points;            /* and the word's points in each */
	size_t nposts, max_points;
	struct deletion *del;
	size_t ndel, cap;
	struct pool pool;
	struct gperf_table gperf;    /* the words a query word can be */
	size_t *key_word;            /* the word of each of its keys */
	const struct vocabulary *v;  /* may be NULL */
	struct vocab_key *vocab;     /* its words, sorted by key */
	size_t nvocab;
	struct stem *kept;           /* never stop words here (sorted) */
	size_t nkept;
	char **extra;                /* the words of entries not on the page */
	size_t nextra, extracap, wcap;
	size_t nstop, nknown;
	size_t ncommon;              /* stop words for the share of rooms they are on */
	size_t over;                 /* the group whose group page words pass
	                                SEARCH_MAX_POSTINGS, or NO_GROUP */
	size_t charter_posts;        /* their postings, up to it */
	size_t over_rooms;           /* the rooms of that group */
};


/* Adds the word of n bytes at w (folded) of room c, of weight weight. */
static void add_occ(struct occs *os, const char *w, size_t n, size_t c, unsigned weight)
{
	struct occ *o;

	os->o = xgrow(os->o, &os->cap, os->n + 1, sizeof *os->o);
	o = &os->o[os->n++];
	o->w = xmemdup(w, n);
	o->len = n;
	o->room = c;
	o->weight = weight;
}

/*
 * Adds the term of n bytes at s (word_fold_term(): folded, joiners left
 * out) to room c, of weight w, and its stem (stem.h) if that differs.
 */
static void add_term(struct occs *os, const char *s, size_t n, size_t c, unsigned w)
{
	char *buf = xmalloc(n + 1), *copy = xmalloc(n + 1);
	size_t len, stem;

	memset(buf, 0, n + 1);
	if ((len = word_fold_term(buf, s, n)) > 0) {
		add_occ(os, buf, len, c, w);
		if (stem_other(copy, buf, len, &stem))
			add_occ(os, copy, stem, c, w);
	}
	free(buf);
	free(copy);
}

/*
 * Adds the terms of text (n bytes) of room c, of weight w (word.h), each
 * also by its stem (stem.h), as a query's are looked up.
 */
static void add_words(struct occs *os, const char *text, size_t n, size_t c, unsigned w)
{
	struct word_terms t;
	size_t start, span;

	word_terms_start(&t, text, n);
	while ((span = word_terms_next(&t, &start)) > 0)
		add_term(os, text + start, span, c, w);
}

static int by_word(const void *a, const void *b)
{
	const struct occ *x = a, *y = b;
	int c = table_compare(x->w, x->len, y->w, y->len);

	if (c)
		return c;
	return x->room < y->room ? -1 : x->room > y->room;
}


/*
 * Sorts the occurrences from on by word (by_word()), those before being
 * sorted already, as one run: the new ones sorted apart, then the two
 * merged, instead of sorting the whole again.
 */
static void sort_added(struct occs *os, size_t from)
{
	struct occ *merged;
	size_t i = 0, j = from, k = 0;

	if (from == os->n)
		return;
	xsort(os->o + from, os->n - from, sizeof *os->o, by_word);
	merged = xmalloc(os->n * sizeof *merged);
	while (i < from || j < os->n)
		merged[k++] = j == os->n || (i < from && by_word(&os->o[i], &os->o[j]) <= 0)
		              ? os->o[i++] : os->o[j++];
	free(os->o);
	os->o = merged;
	os->cap = os->n;
}

static int by_stem(const void *a, const void *b)
{
	const struct stem *x = a, *y = b;

	return table_compare(x->s, x->len, y->s, y->len);
}

/* How many of the sorted stems start with the n bytes at p. */
static size_t count_prefixed(const struct stem *st, size_t nst, const char *p, size_t n)
{
	size_t lo = 0, hi = nst, first;

	while (lo < hi) { /* the first stem not below p */
		size_t mid = lo + (hi - lo) / 2;

		if (table_compare(st[mid].s, st[mid].len, p, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < nst && st[lo].len >= n && memcmp(st[lo].s, p, n) == 0)
		lo++;
	return lo - first;
}

/*
 * The length of the prefix of the stem s (n bytes, folded) that the stems
 * of its kind share: the longest prefix, leaving at least one byte, that
 * SEARCH_KIND stems start with; 0 if none.
 */
static size_t kind_prefix(const struct stem *st, size_t nst, const char *s, size_t n)
{
	for (size_t k = n - 1; k > 0; k--)
		if (count_prefixed(st, nst, s, k) >= SEARCH_KIND)
			return k;
	return 0;
}

/* Adds the n bytes at s, folded, to the words never stop words. */
static void keep(struct word_table *t, const char *s, size_t n, size_t *cap)
{
	t->kept = xgrow(t->kept, cap, t->nkept + 1, sizeof *t->kept);
	t->kept[t->nkept].s = xmalloc(n + 1);
	word_fold(t->kept[t->nkept].s, s, n);
	t->kept[t->nkept++].len = n;
}

/*
 * The words that are never stop words on this page: each group's topic,
 * stem and stem without its kind's prefix, and each room's name, whole
 * ("go", "it" for a group IT); not a word inside a longer name (the "of"
 * of "Code of Conduct" stays a stop word).
 */
static void collect_kept(struct word_table *t, const struct stem *st)
{
	const struct page *pg = t->pg;
	size_t cap = 0;

	for (size_t i = 0; i < pg->n; i++)
		keep(t, pg->rooms[i].name, strlen(pg->rooms[i].name), &cap);
	for (size_t g = 0; g < pg->ngroups; g++) {
		const char *stem = pg->rooms[pg->groups[g].first].alias + 1;
		size_t len = pg->groups[g].stemlen, k;
		char folded[LINK_ALIAS_MAX + 1];

		keep(t, pg->groups[g].topic, strlen(pg->groups[g].topic), &cap);
		keep(t, stem, len, &cap);
		word_fold(folded, stem, len);
		if ((k = kind_prefix(st, pg->ngroups, folded, len)) > 0)
			keep(t, stem + k, len - k, &cap);
	}
	for (size_t i = 0; t->v && i < t->v->n; i++)
		keep(t, t->v->e[i].word, strlen(t->v->e[i].word), &cap);
	xsort(t->kept, t->nkept, sizeof *t->kept, by_stem);
}

/*
 * The words of the vocabulary (words.h), each whole (add_term(): not its
 * parts, "nix-build" is no "nix" nor "build") in the rooms of what it
 * means: a group's, the first of them as a word of its name
 * (RANK_NAME_WEIGHT), the others as a word of their purposes ("golang" is
 * the Go SIG's first room, its General one, before its Governance); a
 * word's, as that word is in each.  room, first: group_rooms().
 */
static void collect_vocabulary(struct word_table *t, const size_t *room, const size_t *first)
{
	const struct page *pg = t->pg;
	struct occs *os = &t->os;
	size_t page = os->n;

	/* The page's words in order, for the rooms of a word meant. */
	xsort(os->o, page, sizeof *os->o, by_word);
	for (size_t i = 0; t->v && i < t->v->n; i++) {
		const struct word_entry *e = &t->v->e[i];
		size_t g = e->group, lo = 0, hi = page, mlen;
		char *means;

		if (e->unused)
			continue;
		for (size_t k = g == NO_GROUP ? 0 : first[g]; g != NO_GROUP && k < first[g + 1]; k++)
			add_term(os, e->word, strlen(e->word), room[k],
			         room[k] == pg->groups[g].first ? RANK_NAME_WEIGHT : RANK_TEXT_WEIGHT);
		if (g != NO_GROUP)
			continue;
		means = xmalloc(strlen(e->means) + 1);
		mlen = word_fold_term(means, e->means, strlen(e->means));
		while (lo < hi) { /* the first occurrence not below the word meant */
			size_t mid = lo + (hi - lo) / 2;

			if (table_compare(os->o[mid].w, os->o[mid].len, means, mlen) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < page && !table_compare(os->o[lo].w, os->o[lo].len, means, mlen); lo++)
			add_term(os, e->word, strlen(e->word), os->o[lo].room, os->o[lo].weight);
		free(means);
	}
}

/*
 * The rooms of each group, in page order: those of group g are
 * room[first[g] .. first[g + 1]) (both to free).
 */
static size_t *group_rooms(const struct page *pg, size_t **firstp)
{
	size_t *room = xmalloc((pg->n + 1) * sizeof *room);
	size_t *first = xmalloc((pg->ngroups + 2) * sizeof *first);

	memset(first, 0, (pg->ngroups + 2) * sizeof *first);
	for (size_t c = 0; c < pg->n; c++)
		if (pg->rooms[c].group != NO_GROUP)
			first[pg->rooms[c].group + 2]++;
	for (size_t g = 0; g < pg->ngroups; g++)
		first[g + 2] += first[g + 1];
	for (size_t c = 0; c < pg->n; c++)
		if (pg->rooms[c].group != NO_GROUP)
			room[first[pg->rooms[c].group + 1]++] = c;
	*firstp = first;
	return room;
}

/*
 * Is the word of n bytes at w among count strings sorted by their bytes,
 * string i being at(v, i, &its length)?
 */
static int sorted_has(const void *v, size_t count,
                      const char *(*at)(const void *v, size_t i, size_t *len), const char *w,
                      size_t n)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, len;
		const char *x = at(v, mid, &len);
		int c = table_compare(x, len, w, n);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static const char *occ_at(const void *v, size_t i, size_t *len)
{
	const struct occ *o = &((const struct occs *)v)->o[i];

	*len = o->len;
	return o->w;
}

/* Is the word of n bytes at w among the first count occurrences (sorted)? */
static int has_word(const struct occs *os, size_t count, const char *w, size_t n)
{
	return sorted_has(os, count, occ_at, w, n);
}

/*
 * What the group pages say of each group (charter.h), in each of its rooms,
 * as a purpose says it (RANK_TEXT_WEIGHT): the terms of its responsibility
 * without link targets, and of each of its code spans, so that a name
 * written as code is whole too ("`nix-darwin`-like" gives "nixdarwin", not
 * only "nixdarwinlike"); each leader's handle whole, without its '@'
 * ("@vlinkz" and "vlinkz" are "vlinkz"; "@c8h4" is no "c" nor "8").  Only
 * the words that neither the room page nor the vocabulary has (os sorted,
 * all of theirs): those keep the rooms and points they have without group
 * pages, so that no answer of the room page changes ("macos", in the
 * Darwin SIG's responsibility, stays the word of its General room's
 * purpose only); the group pages bring the words it lacks ("vlinkz",
 * "nix", "nixdarwin").  Each group's words are found once, then given to
 * its rooms, each once a room: postings, counted first, so that a group
 * of many rooms cannot make more than SEARCH_MAX_POSTINGS (t->over).
 */
static void collect_charters(struct word_table *t, const size_t *room, const size_t *first)
{
	const struct page *pg = t->pg;
	struct occs *os = &t->os, one = { 0 };
	size_t page = os->n;

	for (size_t g = 0; g < pg->ngroups && t->over == NO_GROUP; g++) {
		const struct group *x = &pg->groups[g];
		size_t kept = 0, rooms = first[g + 1] - first[g];

		if (!x->plain)
			continue;
		add_words(&one, x->plain, strlen(x->plain), 0, RANK_TEXT_WEIGHT);
		add_words(&one, x->code, strlen(x->code), 0, RANK_TEXT_WEIGHT);
		for (size_t k = 0; k < x->nleaders; k++)
			add_term(&one, x->leaders[k], strlen(x->leaders[k]), 0, RANK_TEXT_WEIGHT);
		xsort(one.o, one.n, sizeof *one.o, by_word);
		for (size_t i = 0; i < one.n; i++)
			if ((kept && !table_compare(one.o[i].w, one.o[i].len, one.o[kept - 1].w,
			                            one.o[kept - 1].len)) ||
			    has_word(os, page, one.o[i].w, one.o[i].len))
				free(one.o[i].w);
			else
				one.o[kept++] = one.o[i];
		one.n = kept;
		if (rooms && kept > (SEARCH_MAX_POSTINGS - t->charter_posts) / rooms)
			t->over = g, t->over_rooms = rooms;
		else
			t->charter_posts += kept * rooms;
		for (size_t k = first[g]; k < first[g + 1] && t->over == NO_GROUP; k++)
			for (size_t i = 0; i < one.n; i++)
				add_occ(os, one.o[i].w, one.o[i].len, room[k], RANK_TEXT_WEIGHT);
		for (size_t i = 0; i < one.n; i++)
			free(one.o[i].w);
		one.n = 0;
	}
	free(one.o);
}

/* Every word of every room, sorted by word, then room. */
static void collect(struct word_table *t)
{
	const struct page *pg = t->pg;
	struct occs *os = &t->os;
	struct stem *st = xmalloc((pg->ngroups + 1) * sizeof *st);
	size_t *first, *room = group_rooms(pg, &first), sorted;

	for (size_t g = 0; g < pg->ngroups; g++) {
		st[g].len = pg->groups[g].stemlen;
		st[g].s = xmalloc(st[g].len + 1);
		word_fold(st[g].s, pg->rooms[pg->groups[g].first].alias + 1, st[g].len);
	}
	xsort(st, pg->ngroups, sizeof *st, by_stem);
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];

		add_words(os, c->name, strlen(c->name), i, RANK_NAME_WEIGHT);
		add_words(os, c->alias + 1, c->lplen, i, RANK_NAME_WEIGHT);
		if (c->group != NO_GROUP) {
			const struct group *g = &pg->groups[c->group];
			char stem[LINK_ALIAS_MAX + 1];
			size_t k;

			word_fold(stem, pg->rooms[g->first].alias + 1, g->stemlen);
			add_words(os, g->topic, strlen(g->topic), i, RANK_NAME_WEIGHT);
			add_words(os, stem, g->stemlen, i, RANK_NAME_WEIGHT);
			if ((k = kind_prefix(st, pg->ngroups, stem, g->stemlen)) > 0)
				add_words(os, stem + k, g->stemlen - k, i, RANK_NAME_WEIGHT);
		}
		add_words(os, c->section, strlen(c->section), i, RANK_TEXT_WEIGHT);
		add_words(os, c->purpose, strlen(c->purpose), i, RANK_TEXT_WEIGHT);
	}
	sorted = os->n;
	collect_vocabulary(t, room, first); /* sorts the page's, adds the vocabulary's */
	sort_added(os, sorted);
	sorted = os->n;
	collect_charters(t, room, first);
	sort_added(os, sorted);
	collect_kept(t, st);
	free(room);
	free(first);
	for (size_t g = 0; g < pg->ngroups; g++)
		free(st[g].s);
	free(st);
}

/*
 * The ranking rule, the one place it is written (src/rank.h names its
 * constants; gen/search.h says which words a room has, src/search.c
 * finds the top tier by it):
 *
 *   points(word, room) = max(1, round(RANK_SCALE * idf * idf * weight))
 *     idf     log2(1 + rooms / rooms with the word)
 *     weight  RANK_NAME_WEIGHT if the room has the word in its name, topic,
 *             localpart or stem, else RANK_TEXT_WEIGHT (purpose, section;
 *             its group's responsibility, code spans and leaders on the
 *             group pages, for words the room page and vocabulary lack)
 *
 *   words: the terms of a text (word.h: words, their camelCase and digit
 *     parts, words joined by - . _ /), each also by its stem (stem.h), but
 *     the stop words (stop_list[], and on a page of STOP_ROOMS_MIN rooms
 *     the purpose words of more than half of them; never a whole name,
 *     topic or stem), which have no rooms
 *
 *   match(query word, word), in halves of the word's points:
 *     RANK_FULL  the same word, or the query word's stem
 *     RANK_HALF  only if there is none: a word it starts, if the query
 *                word has AUXCHAN_SEARCH_PREFIX bytes or more; a word one
 *                edit away (a byte inserted, deleted, changed, or two
 *                neighbours swapped), if it has AUXCHAN_SEARCH_TYPO or
 *                more and is not an English word (WORD_LIST)
 *     at most AUXCHAN_SEARCH_MATCHES words: the same first, then those
 *     whose most points in a room times their match are highest, then in
 *     the order of their bytes; a stop word matches nothing
 *
 *   score(room) = the sum, over the query's terms (the first
 *     AUXCHAN_SEARCH_WORDS of at most AUXCHAN_SEARCH_WORD_MAX bytes that
 *     match a word, each once), of the most that one of its matches
 *     brings the room: match * points(word, room)
 *
 * The answer is the top tier: every room of the highest score.  A word
 * few rooms have counts more than one many have (squared, so that a word
 * many rooms have, "Aux", barely counts), and a word of a name more than
 * one of a purpose.
 */
static unsigned points(size_t n, size_t df, unsigned weight)
{
	double idf = log2(1.0 + (double)n / (double)df);
	long p = lround(RANK_SCALE * idf * idf * weight);

	return p < 1 ? 1 : (unsigned)p;
}

/* ---- Stop words ---------------------------------------------------------- */

/*
 * Snowball's English stop words (https://snowballstem.org/algorithms/
 * english/stop.txt), with what its contractions split into (word.h splits
 * at the apostrophe: "don't" is "don" and "t"), sorted: words that say
 * how a question is put, not what it is about.
 */
static const char *const stop_list[] = {
	"a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
	"are", "aren", "as", "at", "be", "because", "been", "before", "being", "below",
	"between", "both", "but", "by", "can", "cannot", "could", "couldn", "d", "did", "didn",
	"do", "does", "doesn", "doing", "don", "down", "during", "each", "few", "for", "from",
	"further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her", "here",
	"hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn",
	"it", "its", "itself", "let", "ll", "m", "me", "more", "most", "mustn", "my", "myself",
	"no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our",
	"ours", "ourselves", "out", "over", "own", "re", "s", "same", "shan", "she", "should",
	"shouldn", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them",
	"themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
	"under", "until", "up", "ve", "very", "was", "wasn", "we", "were", "weren", "what",
	"when", "where", "which", "while", "who", "whom", "why", "with", "won", "would",
	"wouldn", "you", "your", "yours", "yourself", "yourselves",
};

/*
 * A page of at least this many rooms also stops the words of purposes and
 * sections (never of names) that more than half of its rooms have
 * ("discuss" on the Aux wiki's page): they tell no room from the others.
 */
#define STOP_ROOMS_MIN 8

static const char *stop_at(const void *v, size_t i, size_t *len)
{
	const char *x = ((const char *const *)v)[i];

	*len = strlen(x);
	return x;
}

static int in_list(const char *w, size_t n)
{
	return sorted_has(stop_list, sizeof stop_list / sizeof *stop_list, stop_at, w, n);
}

static int is_kept(const struct word_table *t, const char *w, size_t n)
{
	struct stem key = { (char *)w, n };

	return bsearch(&key, t->kept, t->nkept, sizeof *t->kept, by_stem) != NULL;
}

/* Is the word w (n bytes, folded), in df of the page's rooms, a stop word
 * on this page? */
static int is_stop(const struct word_table *t, const char *w, size_t n, size_t df)
{
	size_t rooms = t->pg->n;

	return (in_list(w, n) || (rooms >= STOP_ROOMS_MIN && 2 * df > rooms)) &&
	       !is_kept(t, w, n);
}

/* Adds an entry of no rooms, of kind kind, for the n bytes at w. */
static void add_entry(struct word_table *t, const char *w, size_t n, enum word_kind kind)
{
	char *copy = xmemdup(w, n);

	t->extra = xgrow(t->extra, &t->extracap, t->nextra + 1, sizeof *t->extra);
	t->extra[t->nextra++] = copy;
	t->words = xgrow(t->words, &t->wcap, t->nwords + 1, sizeof *t->words);
	t->words[t->nwords++] = (struct word){ .w = copy, .len = n, .first = t->nposts,
	                                       .kind = kind };
	if (n > t->max_len)
		t->max_len = n;
	t->nstop += kind == WORD_STOP;
	t->nknown += kind == WORD_KNOWN;
}

static int by_text(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	return table_compare(x->w, x->len, y->w, y->len);
}

/* The number of the entry of n bytes at w among the first count (sorted),
 * or -1. */
static long find_word(const struct word_table *t, size_t count, const char *w, size_t n)
{
	struct word key = { .w = w, .len = n };
	const struct word *x = bsearch(&key, t->words, count, sizeof *t->words, by_text);

	return x ? x - t->words : -1;
}

/* The list's stop words the page lacks, so that a query's are known too;
 * then every entry in the order of its bytes. */
static void add_stop_words(struct word_table *t)
{
	size_t page = t->nwords;

	for (size_t i = 0; i < sizeof stop_list / sizeof *stop_list; i++) {
		size_t n = strlen(stop_list[i]);

		if (find_word(t, page, stop_list[i], n) < 0 && !is_kept(t, stop_list[i], n))
			add_entry(t, stop_list[i], n, WORD_STOP);
	}
	xsort(t->words, t->nwords, sizeof *t->words, by_text);
}

/* ---- The table, continued ------------------------------------------------ */

/* The words of the page, each with its rooms and its points in each; the
 * stop words among them without. */
static void build_words(struct word_table *t)
{
	const struct occs *os = &t->os;

	t->room = xmalloc((os->n + 1) * sizeof *t->room);
	t->points = xmalloc((os->n + 1) * sizeof *t->points);
	for (size_t i = 0, j; i < os->n; i = j) {
		struct word w = { .w = os->o[i].w, .len = os->o[i].len, .first = t->nposts,
		                  .kind = WORD_PAGE, .room = os->o[i].room };
		size_t df = 0;

		int named = 0;

		for (j = i; j < os->n && !table_compare(os->o[j].w, os->o[j].len, w.w, w.len); j++) {
			df += j == i || os->o[j].room != os->o[j - 1].room;
			named |= os->o[j].weight == RANK_NAME_WEIGHT;
		}
		if (is_stop(t, w.w, w.len, named ? 0 : df)) {
			w.kind = WORD_STOP;
			t->nstop++;
			t->ncommon += !in_list(w.w, w.len);
		}
		for (size_t k = i; k < j && w.kind == WORD_PAGE; k++) {
			unsigned weight = os->o[k].weight; /* a room once, with its largest weight */

			while (k + 1 < j && os->o[k + 1].room == os->o[k].room)
				if (os->o[++k].weight > weight)
					weight = os->o[k].weight;
			t->room[t->nposts] = os->o[k].room;
			t->points[t->nposts] = points(t->pg->n, df, weight);
			if (t->points[t->nposts] > w.max)
				w.max = t->points[t->nposts];
			t->nposts++;
		}
		w.count = t->nposts - w.first;
		if (w.max > t->max_points)
			t->max_points = w.max;
		if (w.len > t->max_len)
			t->max_len = w.len;
		t->words = xgrow(t->words, &t->wcap, t->nwords + 1, sizeof *t->words);
		t->words[t->nwords++] = w;
	}
}

/* ---- Known English words ------------------------------------------------- */

/*
 * The word list of Debian's wamerican: an English word one edit from a
 * word of the page ("apple", "apply") is not taken for a typo of it.  Only
 * the generator reads it; the library carries the few words it needs.
 */
#define WORD_LIST "/usr/share/dict/american-english"

/* Would the library take the n bytes at w (AUXCHAN_SEARCH_TYPO or more)
 * for a typo of a page word: one byte more than it, or sharing a deletion
 * with it (the index del), or a deletion of it? */
static int near_page_word(const struct word_table *t, size_t count, const char *w, size_t n,
                          const struct deletion *del, size_t ndel)
{
	char d[AUXCHAN_SEARCH_WORD_MAX + 1];

	for (size_t i = 0; i <= n; i++) {
		uint32_t h;
		size_t lo = 0, hi = ndel;
		long x;

		if (i < n) { /* w with byte i deleted: a page word, or sharing a deletion */
			memcpy(d, w, i);
			memcpy(d + i, w + i + 1, n - i - 1);
			if ((x = find_word(t, count, d, n - 1)) >= 0 && t->words[x].kind == WORD_PAGE)
				return 1;
			h = word_hash(d, n - 1);
		} else { /* w itself: a deletion of a longer page word */
			h = word_hash(w, n);
		}
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (del[mid].hash < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < ndel && del[lo].hash == h; lo++) {
			const struct word *p = &t->words[del[lo].word];

			if (word_one_edit(w, n, p->w, p->len))
				return 1;
		}
	}
	return 0;
}

static void build_deletions(struct word_table *t);

/*
 * WORD_LIST's words a query may be (lower-case ASCII letters only, of
 * AUXCHAN_SEARCH_TYPO to AUXCHAN_SEARCH_WORD_MAX bytes), read once a
 * process, in a hash set; search_cleanup() releases them.
 */
static struct {
	char *text;     /* the words, each NUL-terminated */
	char **slot;    /* the set: a power of two of slots */
	size_t nslots;
	int read;
} dict;

static void dict_read(void)
{
	FILE *f;
	char line[256];
	size_t len = 0, cap = 0, n = 0;

	if (dict.read)
		return;
	dict.read = 1;
	if (!(f = fopen(WORD_LIST, "r"))) {
		fprintf(stderr, "auxchan-gen: %s: cannot read the English word list (Debian package "
		        "wamerican): words one edit from the page's are taken for typos\n", WORD_LIST);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		size_t k = strcspn(line, "\n"), i;

		for (i = 0; i < k && line[i] >= 'a' && line[i] <= 'z'; i++)
			;
		if (i < k || k < AUXCHAN_SEARCH_TYPO || k > AUXCHAN_SEARCH_WORD_MAX)
			continue;
		dict.text = xgrow(dict.text, &cap, len + k + 1, 1);
		memcpy(dict.text + len, line, k);
		dict.text[len + k] = '\0';
		len += k + 1;
		n++;
	}
	fclose(f);
	for (dict.nslots = 16; dict.nslots < 2 * n; dict.nslots *= 2)
		;
	dict.slot = xmalloc(dict.nslots * sizeof *dict.slot);
	memset(dict.slot, 0, dict.nslots * sizeof *dict.slot);
	for (size_t at = 0; at < len; at += strlen(dict.text + at) + 1) {
		size_t i = word_hash(dict.text + at, strlen(dict.text + at)) & (dict.nslots - 1);

		while (dict.slot[i])
			i = (i + 1) & (dict.nslots - 1);
		dict.slot[i] = dict.text + at;
	}
}

static int dict_has(const char *w, size_t n)
{
	for (size_t i = word_hash(w, n) & (dict.nslots - 1); dict.nslots && dict.slot[i];
	     i = (i + 1) & (dict.nslots - 1))
		if (strncmp(dict.slot[i], w, n) == 0 && dict.slot[i][n] == '\0')
			return 1;
	return 0;
}

void search_cleanup(void)
{
	free(dict.text);
	free(dict.slot);
	memset(&dict, 0, sizeof dict);
}

/* Adds the n bytes at q to the candidates if WORD_LIST has them. */
static void candidate(struct occs *c, const char *q, size_t n)
{
	if (n >= AUXCHAN_SEARCH_TYPO && n <= AUXCHAN_SEARCH_WORD_MAX && dict_has(q, n))
		add_occ(c, q, n, 0, 0);
}

/*
 * Whether one edit can make the n bytes at p lower-case letters only, as
 * every word of WORD_LIST is: not if two of them are other bytes (a page
 * of version numbers or numbered rooms has thousands of such words).
 */
static int one_edit_from_letters(const char *p, size_t n)
{
	size_t other = 0;

	for (size_t i = 0; i < n && other < 2; i++)
		other += p[i] < 'a' || p[i] > 'z';
	return other < 2;
}

/*
 * The words of WORD_LIST a query may be, not on the page, that the library
 * would take for a typo of a word of it (near_page_word()): the
 * candidates, each page word with a byte deleted, inserted, changed, or
 * two neighbours swapped, looked up in the list, then checked.
 */
static void add_known_words(struct word_table *t)
{
	size_t page = t->nwords;
	struct occs c = { 0 };
	char q[AUXCHAN_SEARCH_WORD_MAX + 2];

	dict_read();
	if (!dict.nslots)
		return;
	build_deletions(t); /* of the page words, for near_page_word() */
	for (size_t w = 0; w < page; w++) {
		const char *p = t->words[w].w;
		size_t n = t->words[w].len;

		if (t->words[w].kind != WORD_PAGE || n + 1 < AUXCHAN_SEARCH_TYPO ||
		    n > AUXCHAN_SEARCH_WORD_MAX + 1 || !one_edit_from_letters(p, n))
			continue;
		for (size_t i = 0; i <= n; i++) {
			if (i < n) { /* deleted */
				memcpy(q, p, i);
				memcpy(q + i, p + i + 1, n - i - 1);
				candidate(&c, q, n - 1);
			}
			if (i + 1 < n) { /* swapped */
				memcpy(q, p, n);
				q[i] = p[i + 1], q[i + 1] = p[i];
				candidate(&c, q, n);
			}
			for (char l = 'a'; l <= 'z' && n + 1 <= AUXCHAN_SEARCH_WORD_MAX; l++) {
				memcpy(q, p, i); /* inserted */
				q[i] = l;
				memcpy(q + i + 1, p + i, n - i);
				candidate(&c, q, n + 1);
				if (i < n) { /* changed */
					memcpy(q, p, n);
					q[i] = l;
					candidate(&c, q, n);
				}
			}
		}
	}
	xsort(c.o, c.n, sizeof *c.o, by_word);
	for (size_t i = 0; i < c.n; i++)
		if ((i == 0 || table_compare(c.o[i].w, c.o[i].len, c.o[i - 1].w, c.o[i - 1].len)) &&
		    find_word(t, page, c.o[i].w, c.o[i].len) < 0 &&
		    near_page_word(t, page, c.o[i].w, c.o[i].len, t->del, t->ndel))
			add_entry(t, c.o[i].w, c.o[i].len, WORD_KNOWN);
	for (size_t i = 0; i < c.n; i++)
		free(c.o[i].w);
	free(c.o);
	free(t->del);
	t->del = NULL;
	t->ndel = t->cap = 0;
	xsort(t->words, t->nwords, sizeof *t->words, by_text);
}

static int by_deletion(const void *a, const void *b)
{
	const struct deletion *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->word < y->word ? -1 : x->word > y->word;
}

/*
 * The index of typos: for each word, each string one deleted byte away, by
 * its hash (the library verifies each candidate it finds there with an
 * edit distance).  The library reads a word's deletions for query words of
 * its length (a byte changed, two swapped) and of one byte less (a byte
 * left out), which get typos from AUXCHAN_SEARCH_TYPO bytes up to
 * AUXCHAN_SEARCH_WORD_MAX (longer query words are left out): the
 * deletions of a shorter word, or of one longer by more than a byte, would
 * never be read.  deletions(): how many a word has there.
 */
static size_t deletions(const struct word *x)
{
	return x->kind == WORD_PAGE && x->len >= AUXCHAN_SEARCH_TYPO &&
	       x->len <= AUXCHAN_SEARCH_WORD_MAX + 1 ? x->len : 0;
}

static void build_deletions(struct word_table *t)
{
	char *buf = xmalloc(t->max_len + 1);
	size_t kept = 0;

	for (size_t w = 0; w < t->nwords; w++) {
		const struct word *x = &t->words[w];

		for (size_t i = 0; i < deletions(x); i++) {
			memcpy(buf, x->w, i);
			memcpy(buf + i, x->w + i + 1, x->len - i - 1);
			t->del = xgrow(t->del, &t->cap, t->ndel + 1, sizeof *t->del);
			t->del[t->ndel++] = (struct deletion){ word_hash(buf, x->len - 1), w };
		}
	}
	xsort(t->del, t->ndel, sizeof *t->del, by_deletion);
	for (size_t i = 0; i < t->ndel; i++) /* "aab": "ab" twice */
		if (kept == 0 || by_deletion(&t->del[kept - 1], &t->del[i]))
			t->del[kept++] = t->del[i];
	t->ndel = kept;
	free(buf);
}

static int by_vocab_key(const void *a, const void *b)
{
	const struct vocab_key *x = a, *y = b;

	return table_compare(x->k, x->len, y->k, y->len);
}

/* The vocabulary's words by their folded terms, and their strings. */
static void build_vocabulary(struct word_table *t)
{
	size_t n = 0;

	t->vocab = xmalloc(((t->v ? t->v->n : 0) + 1) * sizeof *t->vocab);
	for (size_t i = 0; t->v && i < t->v->n; i++) {
		const struct word_entry *e = &t->v->e[i];
		struct vocab_key *k = &t->vocab[n];

		if (e->unused)
			continue;
		n++;

		k->k = xmalloc(strlen(e->word) + 1);
		k->len = word_fold_term(k->k, e->word, strlen(e->word));
		k->e = e;
		k->key = pool_add_bytes(&t->pool, k->k, k->len);
		k->word = pool_add_bytes(&t->pool, e->word, strlen(e->word));
		k->means = pool_add_bytes(&t->pool, e->means, strlen(e->means));
	}
	t->nvocab = n;
	xsort(t->vocab, n, sizeof *t->vocab, by_vocab_key);
}

/* ---- Limits ------------------------------------------------------------ */

static int by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The room of the page at which n things, each counted at the room in
 * at[] (count of them), pass limit: the (limit + 1)-th smallest of at[].
 */
static size_t passed_at(size_t *at, size_t count, size_t limit)
{
	xsort(at, count, sizeof *at, by_size);
	return at[limit];
}

/*
 * Reports each of the word table's limits (search.h) the page passes, at
 * the row where it is passed; returns their number.  Words are counted at
 * the first room that has them, postings and deletions at their room.
 */
static unsigned check_limits(const struct word_table *t, struct diag *d)
{
	const struct page *pg = t->pg;
	size_t ndel = 0, *at;
	unsigned errors = 0;

	for (size_t w = 0; w < t->nwords; w++)
		ndel += deletions(&t->words[w]);
	at = xmalloc((t->nwords + t->nposts + ndel + 1) * sizeof *at);
	if (t->nwords > SEARCH_MAX_WORDS) {
		for (size_t w = 0; w < t->nwords; w++)
			at[w] = t->words[w].room;
		diag_error(d, pg->rooms[passed_at(at, t->nwords, SEARCH_MAX_WORDS)].line, 0,
		           "the page's rooms have %zu distinct words, more than the %u the search's "
		           "word table holds (SEARCH_MAX_WORDS): this row passes the limit",
		           t->nwords, SEARCH_MAX_WORDS);
		errors++;
	}
	if (t->nposts > SEARCH_MAX_POSTINGS) {
		diag_error(d, pg->rooms[passed_at(memcpy(at, t->room, t->nposts * sizeof *at),
		                                  t->nposts, SEARCH_MAX_POSTINGS)].line, 0,
		           "the page's words are in rooms %zu times (each word once a room), more "
		           "than the %u the search's word table holds (SEARCH_MAX_POSTINGS): this "
		           "row passes the limit", t->nposts, SEARCH_MAX_POSTINGS);
		errors++;
	}
	if (ndel > SEARCH_MAX_DELETIONS) {
		size_t n = 0;

		for (size_t w = 0; w < t->nwords; w++)
			for (size_t k = 0; k < deletions(&t->words[w]); k++)
				at[n++] = t->words[w].room;
		diag_error(d, pg->rooms[passed_at(at, n, SEARCH_MAX_DELETIONS)].line, 0,
		           "the page's words have %zu forms with a byte left out (the index of "
		           "typos), more than the %u the search's word table holds "
		           "(SEARCH_MAX_DELETIONS): this row passes the limit", ndel,
		           SEARCH_MAX_DELETIONS);
		errors++;
	}
	free(at);
	return errors;
}

struct word_table *search_words(const struct page *pg, const struct vocabulary *v,
                                struct diag *d)
{
	struct word_table *t = xmalloc(sizeof *t);

	*t = (struct word_table){ .pg = pg, .v = v, .over = NO_GROUP };
	collect(t);
	if (t->over != NO_GROUP) { /* the postings were not made: the limit at the group's row */
		const struct group *g = &pg->groups[t->over];
		const char *file = d->file;

		d->file = g->file;
		diag_error(d, g->line, 0, "the group pages' words are in the rooms of their groups "
		           "more than the %u times the search's word table holds "
		           "(SEARCH_MAX_POSTINGS): this row's group, of %zu rooms, passes the limit",
		           SEARCH_MAX_POSTINGS, t->over_rooms);
		d->file = file;
		search_free(t);
		return NULL;
	}
	build_words(t);
	if (check_limits(t, d) > 0) {
		search_free(t);
		return NULL;
	}
	return t;
}

static void build(struct word_table *t)
{
	const char **key;
	size_t *len, nkeys = 0;

	add_stop_words(t);
	add_known_words(t);
	build_deletions(t);
	for (size_t w = 0; w < t->nwords; w++) {
		struct word *x = &t->words[w];
		char copy[AUXCHAN_SEARCH_WORD_MAX];
		size_t stem;
		long y = -1;

		x->text = pool_add_bytes(&t->pool, x->w, x->len);
		if (x->len <= AUXCHAN_SEARCH_WORD_MAX && stem_other(copy, x->w, x->len, &stem))
			y = find_word(t, t->nwords, copy, stem); /* a query word can be it */
		x->stem = y >= 0 ? (size_t)y : w;
	}
	build_vocabulary(t);
	pool_layout(&t->pool);
	/* The keys of the exact lookup: the words of AUXCHAN_SEARCH_WORD_MAX
	 * bytes at most, the longest a query word can be (a longer word is
	 * found by the words it starts). */
	key = xmalloc((t->nwords + 1) * sizeof *key);
	len = xmalloc((t->nwords + 1) * sizeof *len);
	t->key_word = xmalloc((t->nwords + 1) * sizeof *t->key_word);
	for (size_t w = 0; w < t->nwords; w++) /* folded words are encoded already */
		if (t->words[w].len <= AUXCHAN_SEARCH_WORD_MAX) {
			key[nkeys] = t->words[w].w, len[nkeys] = t->words[w].len;
			t->key_word[nkeys++] = w;
		}
	t->gperf = (struct gperf_table){ .name = "search", .prefix = "sw", .upper = "SW",
	                                 .n = nkeys, .key = key, .len = len,
	                                 .bucket_keys = GPERF_BUCKET_KEYS };
	gperf_bucket(&t->gperf);
}

/* ---- Output ------------------------------------------------------------ */

static void write_data(FILE *f, const char *label, const struct word_table *t)
{
	const struct pool *p = &t->pool;
	struct table_packed post, points, hash, word;
	struct table_records words;
	size_t maxcount = 0;

	for (size_t w = 0; w < t->nwords; w++)
		if (t->words[w].count > maxcount)
			maxcount = t->words[w].count;
	fprintf(f, "/* Generated by auxchan-gen from %s: do not edit. */\n", label);
	fprintf(f, "/*\n * %zu words in %zu buckets, in %zu rooms: %zu postings; %zu words one\n"
	        " * deletion away.  String pool: %zu bytes.\n", t->nwords,
	        t->gperf.nbuckets, t->pg->n, t->nposts, t->ndel, p->size);
	fprintf(f, " * %zu stop words, %zu of them the words of more than half of the rooms\n"
	        " * (no search word on this page); %zu English words.\n", t->nstop, t->ncommon,
	        t->nknown);
	if (t->gperf.n < t->nwords)
		fprintf(f, " * %zu words longer than a query word (in no bucket).\n",
		        t->nwords - t->gperf.n);
	fprintf(f, " */\n");
	fprintf(f, "#include <stddef.h>\n#include <stdint.h>\n\n"
	        "#include \"table.h\" /* src/table.h: the packed numbers */\n\n");
	fprintf(f, "typedef %s sw_off; /* offsets in the word pool */\n\n", table_uint_type(p->size));
	fprintf(f, "#define SW_WORD_COUNT %zu\n#define SW_WORD_MAX %zu /* bytes of the longest */\n",
	        t->nwords, t->max_len);
	fprintf(f, "#define SW_POOL_SIZE %zu\n#define SW_DELETION_COUNT %zu\n", p->size, t->ndel);
	fprintf(f, "/* The first-level hash: its seed, and how many buckets it picks from. */\n");
	fprintf(f, "#define SW_SEED 0x%016llxull\n#define SW_BUCKET_COUNT %zu\n",
	        (unsigned long long)t->gperf.seed, t->gperf.nbuckets);
	gperf_write_buckets(f, &t->gperf, NULL);
	pool_write(f, p, "sw_pool", "SW_POOL");

	fprintf(f, "/* The words, sorted by their bytes (folded): where each is in the pool,\n"
	        " * its rooms (postings first .. first + count - 1), and its most points\n"
	        " * in one. */\n");
	table_records_init(&words, (const struct table_field[]){
		{ "text", p->size }, { "len", t->max_len }, { "first", t->nposts },
		{ "count", maxcount }, { "max", t->max_points }, { "kind", WORD_KNOWN },
		{ "stem", t->nwords } }, 7);
	for (size_t w = 0; w < t->nwords; w++) {
		const struct word *x = &t->words[w];

		table_record(&words, (const unsigned long long[]){ p->off[x->text], x->len, x->first,
		                                                   x->count, x->max, x->kind, x->stem });
	}
	if (!t->nwords) /* a spare word: ISO C has no empty array */
		table_record(&words, (const unsigned long long[7]){ 0 });
	table_put_records(f, "sw_words", "sw_word", &words);
	fprintf(f, "/* Postings: the rooms of each word, in page order, and its points there\n"
	        " * (each with a spare 0 after the last), packed (src/table.h). */\n");
	post = (struct table_packed){ .width = table_width(t->pg->n) };
	points = (struct table_packed){ .width = table_width(t->max_points) };
	for (size_t i = 0; i <= t->nposts; i++) {
		table_pack(&post, i < t->nposts ? t->room[i] : 0);
		table_pack(&points, i < t->nposts ? t->points[i] : 0);
	}
	table_put_packed(f, "sw_post_room", &post);
	table_put_packed(f, "sw_post_points", &points);
	fprintf(f, "/* Words one deleted byte away from a word: their hash (word_hash()),\n"
	        " * sorted, and the word, packed. */\n");
	hash = (struct table_packed){ .width = 4 };
	word = (struct table_packed){ .width = table_width(t->nwords) };
	for (size_t i = 0; i <= t->ndel; i++) {
		table_pack(&hash, i < t->ndel ? t->del[i].hash : 0);
		table_pack(&word, i < t->ndel ? t->del[i].word : 0);
	}
	table_put_packed(f, "sw_deletion_hash", &hash);
	table_put_packed(f, "sw_deletion_word", &word);
}

/*
 * The vocabulary, for auxchan_means(): each word folded as a query term
 * is (sorted), the word as the page writes it and what it means, as
 * strings of the pool.
 */
static void write_vocabulary(FILE *f, const struct word_table *t)
{
	const struct pool *p = &t->pool;

	fprintf(f, "\n/* The vocabulary (the words page): each word folded as a query term is,\n"
	        " * sorted, the word as written and what it means, in the pool. */\n");
	fprintf(f, "#define SW_VOCAB_COUNT %zu\n", t->nvocab);
	fprintf(f, "static const struct sw_vocab {\n\tsw_off key, word, means;\n"
	        "\tuint16_t key_len, word_len, means_len;\n} sw_vocab[%zu] = {\n", t->nvocab + 1);
	for (size_t i = 0; i < t->nvocab; i++) {
		const struct vocab_key *k = &t->vocab[i];

		fprintf(f, "\t{ %zu, %zu, %zu, %zu, %zu, %zu },\n", p->off[k->key], p->off[k->word],
		        p->off[k->means], k->len, strlen(k->e->word), strlen(k->e->means));
	}
	fputs("\t{ 0, 0, 0, 0, 0, 0 }\n};\n", f);
}

/*
 * The keys for suggestions, by length: first[L] is where the keys of L
 * bytes start in order[] (keys longer than AUXCHAN_SUGGEST_LEN_MAX, which
 * get none, last), letters[] the kinds of byte of each.
 */
static void write_suggest(FILE *f, const struct key_list *k)
{
	size_t nlen = AUXCHAN_SUGGEST_LEN_MAX + 2, first[AUXCHAN_SUGGEST_LEN_MAX + 3] = { 0 };
	size_t *order = xmalloc((k->n + 1) * sizeof *order), *at = xmalloc((nlen + 1) * sizeof *at);
	struct table_packed letters = { .width = 4 };

	for (size_t i = 0; i < k->n; i++)
		first[(k->k[i].len < nlen ? k->k[i].len : nlen - 1) + 1]++;
	for (size_t l = 0; l < nlen; l++)
		first[l + 1] += first[l];
	memcpy(at, first, (nlen + 1) * sizeof *at);
	for (size_t i = 0; i < k->n; i++) /* in the table's order within a length */
		order[at[k->k[i].len < nlen ? k->k[i].len : nlen - 1]++] = i;
	fprintf(f, "\n/* The keys by length, for suggestions: where those of each length start,\n"
	        " * their numbers (auxchan_key()), and the kinds of byte of each\n"
	        " * (word_letters()). */\n");
	order[k->n] = 0; /* a spare key */
	table_put_numbers(f, "sw_suggest_first", first, nlen + 1);
	table_put_numbers(f, "sw_suggest_key", order, k->n + 1);
	for (size_t i = 0; i <= k->n; i++)
		table_pack(&letters, i < k->n ? word_letters(k->k[order[i]].s, k->k[order[i]].len) : 0);
	table_put_packed(f, "sw_suggest_letters", &letters);
	free(order);
	free(at);
}

int search_write(struct word_table *t, const struct key_list *keys, struct files *fs)
{
	FILE *f;

	build(t);
	if ((f = files_open(fs, "search_data.h"))) {
		write_data(f, fs->label, t);
		write_vocabulary(f, t);
		write_suggest(f, keys);
		files_close(fs, f);
	}
	gperf_write(fs, &t->gperf, t->key_word);
	return fs->failed ? -1 : 0;
}

void search_free(struct word_table *t)
{
	if (!t)
		return;
	free((void *)t->gperf.key);
	free((void *)t->gperf.len);
	gperf_free(&t->gperf);
	pool_free(&t->pool);
	for (size_t i = 0; i < t->os.n; i++)
		free(t->os.o[i].w);
	free(t->os.o);
	free(t->words);
	free(t->room);
	free(t->points);
	free(t->del);
	free(t->key_word);
	for (size_t i = 0; i < t->nextra; i++)
		free(t->extra[i]);
	free(t->extra);
	for (size_t i = 0; i < t->nkept; i++)
		free(t->kept[i].s);
	free(t->kept);
	for (size_t i = 0; i < t->nvocab; i++)
		free(t->vocab[i].k);
	free(t->vocab);
	free(t);
}
