/*
 * score.h - what auxchan_search() must answer, computed the slow and
 * obvious way from the rules of include/auxchan.h and gen/search.h: every
 * word of every room scored against every query word, by brute force.
 * The tests of the search and its fuzz target compare the library with it.
 *
 * It shares no code with the library's search or the generator's word
 * table: its own word splitting, its own stems' kinds, its own edit
 * distance, its own ranking.  Only the page's records (tests/reference.h)
 * and the constants of the public header are common.
 */
#ifndef AUXCHAN_SCORE_H
#define AUXCHAN_SCORE_H

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "reference.h"
#include "stem.h"
#include "word.h"

/* A word of a room. */
struct score_word {
	char *w;         /* folded, NUL-terminated */
	size_t room;
	unsigned weight;
	int charter;     /* from a group page */
};

/* A distinct word of the page, with its points in each room. */
struct score_term {
	char *w;
	unsigned *points; /* per room, 0 where it is not */
	unsigned max;
	size_t rooms;     /* where it is */
};

static struct score_term *score_terms;
static size_t score_nterms;

static int score_is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

/* Calls add(term, ctx) for the term of n bytes at s, folded, joiners left
 * out, if it is not too long for any page (a cell holds 1024 bytes). */
static void score_emit(const char *s, size_t n, void (*add)(const char *, void *), void *ctx)
{
	char buf[2048];
	size_t len = 0;

	for (size_t k = 0; k < n && len + 1 < sizeof buf; k++)
		if (score_is_word((unsigned char)s[k]))
			buf[len++] = (char)ref_fold((unsigned char)s[k]);
	buf[len] = '\0';
	if (len > 0 && len < 2000)
		add(buf, ctx);
}

static int score_joiner(char c)
{
	return c == '-' || c == '.' || c == '_' || c == '/';
}

/* Is there a part boundary between s[i - 1] and s[i] (of n)? */
static int score_boundary(const char *s, size_t i, size_t n)
{
	int a_up = s[i - 1] >= 'A' && s[i - 1] <= 'Z', b_up = s[i] >= 'A' && s[i] <= 'Z';
	int a_dig = s[i - 1] >= '0' && s[i - 1] <= '9', b_dig = s[i] >= '0' && s[i] <= '9';

	if (a_dig != b_dig)
		return 1;
	if (!a_up && b_up)
		return 1;
	/* "XMLParser": before the P of a capital run that ends with a word */
	return a_up && b_up && i + 1 < n && !(s[i + 1] >= 'A' && s[i + 1] <= 'Z') &&
	       !(s[i + 1] >= '0' && s[i + 1] <= '9');
}

/* Calls add(term, ctx) for each term of s (n bytes), as word.h says:
 * each part of each word, each word of several parts, each group of
 * several words joined by one '-', '.', '_' or '/'. */
static void score_split(const char *s, size_t n, void (*add)(const char *, void *), void *ctx)
{
	size_t i = 0;

	while (i < n) {
		size_t gs, ge, words = 0;

		while (i < n && !score_is_word((unsigned char)s[i]))
			i++;
		if (i == n)
			break;
		gs = i;
		while (i < n && (score_is_word((unsigned char)s[i]) ||
		                 (score_joiner(s[i]) && i + 1 < n && score_is_word((unsigned char)s[i + 1]))))
			i++;
		ge = i;
		for (size_t ws = gs; ws < ge;) {
			size_t we = ws, parts = 0, ps = ws;

			while (we < ge && score_is_word((unsigned char)s[we]))
				we++;
			for (size_t k = ws + 1; k <= we; k++)
				if (k == we || score_boundary(s, k, we)) {
					score_emit(s + ps, k - ps, add, ctx);
					parts++;
					ps = k;
				}
			if (parts > 1)
				score_emit(s + ws, we - ws, add, ctx);
			words++;
			ws = we + 1;
		}
		if (words > 1)
			score_emit(s + gs, ge - gs, add, ctx);
	}
}

struct score_words {
	struct score_word *v;
	size_t n;
	size_t room;
	unsigned weight;
	int charter;
};

static void score_add_one(const char *w, size_t n, struct score_words *ws)
{
	ws->v = realloc(ws->v, (ws->n + 1) * sizeof *ws->v);
	ws->v[ws->n].w = memcpy(calloc(n + 1, 1), w, n);
	ws->v[ws->n].room = ws->room;
	ws->v[ws->n].charter = ws->charter;
	ws->v[ws->n++].weight = ws->weight;
}

/* A term of the page, and its stem (stem.h, tested against Snowball's own
 * by tests/stem.c) when that differs. */
static void score_add(const char *w, void *ctx)
{
	size_t n = strlen(w), stem;
	char *copy = strcpy(malloc(n + 1), w);

	score_add_one(w, n, ctx);
	if ((stem = stem_english(copy, n)) != n || memcmp(copy, w, n) != 0)
		score_add_one(copy, stem, ctx);
	free(copy);
}

/* The stem of group g, folded, in buf. */
static size_t score_stem(size_t g, char *buf)
{
	const struct group *gr = &ref_pg.groups[g];

	for (size_t i = 0; i < gr->stemlen; i++)
		buf[i] = (char)ref_fold((unsigned char)ref_pg.rooms[gr->first].alias[1 + i]);
	buf[gr->stemlen] = '\0';
	return gr->stemlen;
}

/* The stem of group g without the longest prefix, leaving a byte, that at
 * least 3 stems start with (in buf; "" if none). */
static void score_kind_rest(size_t g, char *buf)
{
	char s[300], t[300];
	size_t n = score_stem(g, s);

	buf[0] = '\0';
	for (size_t k = n - 1; k > 0; k--) {
		size_t sharing = 0;

		for (size_t h = 0; h < ref_pg.ngroups; h++)
			if (score_stem(h, t) >= k && memcmp(t, s, k) == 0)
				sharing++;
		if (sharing >= 3) {
			strcpy(buf, s + k);
			return;
		}
	}
}

static int score_by_word(const void *a, const void *b)
{
	return strcmp(((const struct score_word *)a)->w, ((const struct score_word *)b)->w);
}

/*
 * The kind auxchan-gen gave the term w in the word table (word.h: a page
 * word, a stop word, a known English word), or -1 if it has none: the
 * reference takes the page's stop words and the known words from the
 * table (search_data.h, which the includer includes first), and
 * tests/search.c checks them against their sources.
 */
static int score_kind(const char *w)
{
	size_t n = strlen(w), lo = 0, hi = SW_WORD_COUNT;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, m = sw_word_len(mid);
		int c = memcmp(SW_POOL + sw_word_text(mid), w, m < n ? m : n);

		if (c == 0 && m == n)
			return sw_word_kind(mid);
		if (c < 0 || (c == 0 && m < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The group whose topic or stem is t, ignoring ASCII case, or NO_GROUP. */
static size_t score_group_named(const char *t, size_t n)
{
	char stem[300];

	for (size_t g = 0; g < ref_pg.ngroups; g++) {
		const char *topic = ref_pg.groups[g].topic;

		if (ref_same(topic, strlen(topic), t, n) ||
		    ref_same(stem, score_stem(g, stem), t, n))
			return g;
	}
	return NO_GROUP;
}

/*
 * The vocabulary's words (taken from the table, sw_vocab: the word and
 * what it means), each whole (joiners left out, not its parts) in the
 * rooms of what it means: a group's, its
 * first room weighing 3, the others 1; a word's, as that word weighs in
 * each room.
 */
static void score_vocabulary(struct score_words *ws)
{
	size_t page = ws->n, count = SW_VOCAB_COUNT;

	for (size_t v = 0; v < count; v++) {
		char word[300], means[300];
		size_t g;

		snprintf(word, sizeof word, "%.*s", (int)sw_vocab[v].word_len,
		         SW_POOL + sw_vocab[v].word);
		snprintf(means, sizeof means, "%.*s", (int)sw_vocab[v].means_len,
		         SW_POOL + sw_vocab[v].means);
		g = score_group_named(means, strlen(means));
		for (size_t c = 0; c < ref_pg.n && g != NO_GROUP; c++)
			if (ref_pg.rooms[c].group == g) {
				ws->room = c;
				ws->weight = c == ref_pg.groups[g].first ? 3 : 1;
				score_emit(word, strlen(word), score_add, ws); /* whole, no parts */
			}
		for (size_t k = 0; k < page && g == NO_GROUP; k++) {
			char folded[300];
			size_t n = strlen(means);

			for (size_t i = 0; i <= n; i++)
				folded[i] = (char)ref_fold((unsigned char)means[i]);
			if (!strcmp(ws->v[k].w, folded)) {
				ws->room = ws->v[k].room;
				ws->weight = ws->v[k].weight;
				score_emit(word, strlen(word), score_add, ws);
			}
		}
	}
}

/*
 * What the group pages say of each room's group, weighing 1 (as a
 * purpose), marked as theirs: their words count only where neither the
 * room page nor the vocabulary has them at all.  The responsibility's
 * terms, those of its code spans, each leader's handle whole (no '@', no
 * parts).
 */
static void score_charters(struct score_words *ws)
{
	ws->charter = 1;
	ws->weight = 1;
	for (size_t c = 0; c < ref_pg.n; c++) {
		const struct group *g = ref_pg.rooms[c].group == NO_GROUP ? NULL
		                        : &ref_pg.groups[ref_pg.rooms[c].group];

		if (!g || !g->plain)
			continue;
		ws->room = c;
		score_split(g->plain, strlen(g->plain), score_add, ws);
		score_split(g->code, strlen(g->code), score_add, ws);
		for (size_t k = 0; k < g->nleaders; k++)
			score_emit(g->leaders[k], strlen(g->leaders[k]), score_add, ws);
	}
	ws->charter = 0;
}

/* Builds the terms of the page (ref_pg, loaded), its stop words left out. */
static void score_load(void)
{
	struct score_words ws = { 0 };
	size_t n = ref_pg.n;

	for (size_t c = 0; c < n; c++) {
		const struct room *ch = &ref_pg.rooms[c];

		ws.room = c;
		ws.weight = 3;
		score_split(ch->name, strlen(ch->name), score_add, &ws);
		score_split(ch->alias + 1, ch->lplen, score_add, &ws);
		if (ch->group != NO_GROUP) {
			char stem[300], rest[300];

			score_split(ref_pg.groups[ch->group].topic, strlen(ref_pg.groups[ch->group].topic),
			            score_add, &ws);
			score_split(stem, score_stem(ch->group, stem), score_add, &ws);
			score_kind_rest(ch->group, rest);
			score_split(rest, strlen(rest), score_add, &ws);
		}
		ws.weight = 1;
		score_split(ch->section, strlen(ch->section), score_add, &ws);
		score_split(ch->purpose, strlen(ch->purpose), score_add, &ws);
	}
	score_vocabulary(&ws);
	score_charters(&ws);
	qsort(ws.v, ws.n, sizeof *ws.v, score_by_word);
	for (size_t i = 0, j; i < ws.n; i = j) {
		struct score_term t = { ws.v[i].w, calloc(n + 1, sizeof(unsigned)), 0, 0 };
		unsigned *weight = calloc(n + 1, sizeof(unsigned));
		size_t df = 0;
		int page = 0;

		for (j = i; j < ws.n && !strcmp(ws.v[j].w, t.w); j++)
			page |= !ws.v[j].charter;
		for (size_t k = i; k < j; k++)
			if (ws.v[k].weight > weight[ws.v[k].room] && !(page && ws.v[k].charter))
				weight[ws.v[k].room] = ws.v[k].weight;
		if (score_kind(t.w) == WORD_STOP) {
			for (size_t k = i; k < j; k++)
				free(ws.v[k].w);
			free(weight);
			free(t.points);
			continue;
		}
		for (size_t c = 0; c < n; c++)
			df += weight[c] > 0;
		for (size_t c = 0; c < n; c++)
			if (weight[c]) {
				double idf = log2(1.0 + (double)n / (double)df);
				long p = lround(16.0 * idf * idf * weight[c]);

				t.points[c] = p < 1 ? 1 : (unsigned)p;
				t.rooms++;
				if (t.points[c] > t.max)
					t.max = t.points[c];
			}
		free(weight);
		for (size_t k = i + 1; k < j; k++)
			free(ws.v[k].w);
		score_terms = realloc(score_terms, (score_nterms + 1) * sizeof *score_terms);
		score_terms[score_nterms++] = t;
	}
	free(ws.v);
}

static void score_free(void)
{
	for (size_t i = 0; i < score_nterms; i++) {
		free(score_terms[i].w);
		free(score_terms[i].points);
	}
	free(score_terms);
	score_terms = NULL;
	score_nterms = 0;
}

/* The optimal string alignment distance of a (m bytes) and b (n bytes). */
static size_t score_distance_n(const char *a, size_t m, const char *b, size_t n)
{
	size_t *d = malloc((m + 1) * (n + 1) * sizeof *d), r;

#define D(i, j) d[(i) * (n + 1) + (j)]
	for (size_t i = 0; i <= m; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= n; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= m; i++)
		for (size_t j = 1; j <= n; j++) {
			size_t v = D(i - 1, j - 1) + (a[i - 1] != b[j - 1]);

			if (D(i - 1, j) + 1 < v)
				v = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < v)
				v = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    D(i - 2, j - 2) + 1 < v)
				v = D(i - 2, j - 2) + 1;
			D(i, j) = v;
		}
	r = D(m, n);
#undef D
	free(d);
	return r;
}

/*
 * Are a and b one edit apart (OSA distance 1), ASCII as they are?  Counted
 * here position by position rather than with score_distance_n()'s table:
 * the same answer, for a question asked of every term a query meets.
 */
static int score_one_edit(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), diff = 0, first = 0;

	if (n + 1 == m || m + 1 == n) { /* the longer one without one byte */
		const char *l = n > m ? a : b, *s = n > m ? b : a;
		size_t k = 0;

		while (s[k] && l[k] == s[k])
			k++;
		return strcmp(l + k + 1, s + k) == 0; /* the byte at k left out */
	}
	if (n != m)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (a[k] != b[k] && diff++ == 0)
			first = k;
	return diff == 1 || (diff == 2 && first + 1 < n && a[first] == b[first + 1] &&
	                     a[first + 1] == b[first] &&
	                     strcmp(a + first + 2, b + first + 2) == 0);
}

/* A query word's matches: terms and halves (2 the word, 1 prefix or typo). */
struct score_query {
	size_t term[AUXCHAN_SEARCH_MATCHES];
	unsigned half[AUXCHAN_SEARCH_MATCHES];
	size_t n;
};

static void score_match(const char *q, struct score_query *m)
{
	size_t nq = strlen(q), n = 0;
	size_t *term = malloc((score_nterms + 1) * sizeof *term);
	unsigned *half = malloc((score_nterms + 1) * sizeof *half);

	char qs[2048];
	int exact = 0, kind = score_kind(q);

	strcpy(qs, q);
	qs[stem_english(qs, nq)] = '\0';
	/* A stop word: nothing.  The word itself, or its stem: nothing else.
	 * A known English word: not a typo. */
	for (size_t t = 0; t < score_nterms && kind != WORD_STOP; t++)
		if (!strcmp(score_terms[t].w, q) || !strcmp(score_terms[t].w, qs)) {
			term[n] = t, half[n++] = 2;
			exact = 1;
		}
	for (size_t t = 0, starts = 0; t < score_nterms && !exact && kind != WORD_STOP; t++) {
		const char *w = score_terms[t].w;
		int prefix = nq >= AUXCHAN_SEARCH_PREFIX && strlen(w) > nq && !strncmp(w, q, nq);

		/* The words it starts: the first AUXCHAN_SEARCH_PREFIX_READ, in
		 * byte order. */
		if (prefix && ++starts > AUXCHAN_SEARCH_PREFIX_READ)
			prefix = 0;
		if (prefix || (nq >= AUXCHAN_SEARCH_TYPO && kind != WORD_KNOWN && score_one_edit(q, w)))
			term[n] = t, half[n++] = 1;
	}
	/* The same word first, then by the most they can bring, then in order. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			unsigned va = score_terms[term[j - 1]].max * half[j - 1];
			unsigned vb = score_terms[term[j]].max * half[j];
			int first = half[j] == 2 && half[j - 1] != 2;
			int second = half[j - 1] == 2 && half[j] != 2;

			if (first || (!second && (vb > va || (vb == va && term[j] < term[j - 1])))) {
				size_t t = term[j];
				unsigned h = half[j];

				term[j] = term[j - 1], half[j] = half[j - 1];
				term[j - 1] = t, half[j - 1] = h;
			} else {
				break;
			}
		}
	m->n = n < AUXCHAN_SEARCH_MATCHES ? n : AUXCHAN_SEARCH_MATCHES;
	for (size_t i = 0; i < m->n; i++)
		m->term[i] = term[i], m->half[i] = half[i];
	free(term);
	free(half);
}

struct score_words_of_query {
	char w[AUXCHAN_SEARCH_WORDS][2048];
	struct score_query m[AUXCHAN_SEARCH_WORDS];
	size_t n;
};

static void score_query_word(const char *w, void *ctx)
{
	struct score_words_of_query *q = ctx;

	if (q->n == AUXCHAN_SEARCH_WORDS || strlen(w) > AUXCHAN_SEARCH_WORD_MAX)
		return;
	for (size_t k = 0; k < q->n; k++)
		if (!strcmp(q->w[k], w))
			return;
	strcpy(q->w[q->n], w);
	score_match(w, &q->m[q->n]);
	if (q->m[q->n].n > 0)
		q->n++;
}

/* The length of a matrix.to prefix at the start of s (n bytes), with
 * https://, http:// or no scheme, in any case; 0 if none. */
static size_t score_link_prefix(const char *s, size_t n)
{
	static const char *const forms[] = { "https://matrix.to/#/", "http://matrix.to/#/",
		                             "matrix.to/#/" };

	for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
		size_t k = 0, len = strlen(forms[f]);

		while (k < len && k < n && ref_fold((unsigned char)s[k]) == (unsigned char)forms[f][k])
			k++;
		if (k == len)
			return len;
	}
	return 0;
}

/* A query written as a room reference: a link, or one token that starts
 * with '#' or has a ':'. */
static int score_is_reference(const char *q, size_t n)
{
	if (score_link_prefix(q, n) > 0)
		return 1;
	if (n == 0 || memchr(q, ' ', n) || memchr(q, '\t', n) || memchr(q, '\n', n) ||
	    memchr(q, '\r', n) || memchr(q, '\f', n) || memchr(q, '\v', n))
		return 0;
	return q[0] == '#' || memchr(q, ':', n) != NULL;
}

/* auxchan_search(), by the reference. */
static size_t score_search(const char *query, size_t len, size_t *out, size_t cap)
{
	static struct score_words_of_query q;
	unsigned char *scored;
	unsigned best = 0;
	size_t found = 0;

	while (len > 0 && strchr(" \t\n\r\f\v", query[0]) && query[0])
		query++, len--;
	while (len > 0 && strchr(" \t\n\r\f\v", query[len - 1]) && query[len - 1])
		len--;
	if ((found = ref_lookup(query, len, out, cap)) > 0 || score_is_reference(query, len))
		return found;
	q.n = 0;
	score_split(query, len < AUXCHAN_SEARCH_QUERY_MAX ? len : AUXCHAN_SEARCH_QUERY_MAX,
	            score_query_word, &q);
	/* The budget: the matches by rank (every word's first, then every
	 * word's second...), AUXCHAN_SEARCH_MATCHES_ALL of them; those whose
	 * rooms fit in AUXCHAN_SEARCH_POSTINGS, or in AUXCHAN_SEARCH_WORK over
	 * the number of matches if less, taken in that order, say which rooms
	 * are scored. */
	{
		size_t taken = 0, left, kept[AUXCHAN_SEARCH_WORDS] = { 0 };

		scored = calloc(ref_pg.n + 1, 1);
		for (size_t k = 0; k < AUXCHAN_SEARCH_MATCHES; k++)
			for (size_t i = 0; i < q.n; i++)
				if (k < q.m[i].n && taken < AUXCHAN_SEARCH_MATCHES_ALL) {
					taken++;
					kept[i]++;
				}
		left = taken ? AUXCHAN_SEARCH_WORK / taken : 0;
		if (left > AUXCHAN_SEARCH_POSTINGS)
			left = AUXCHAN_SEARCH_POSTINGS;
		for (size_t k = 0; k < AUXCHAN_SEARCH_MATCHES; k++)
			for (size_t i = 0; i < q.n; i++) {
				const struct score_term *t = &score_terms[q.m[i].term[k]];

				if (k >= kept[i] || t->rooms > left)
					continue;
				left -= t->rooms;
				for (size_t c = 0; c < ref_pg.n; c++)
					scored[c] |= t->points[c] > 0;
			}
		for (size_t i = 0; i < q.n; i++)
			q.m[i].n = kept[i];
	}
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t c = 0; c < ref_pg.n; c++) {
			unsigned total = 0;

			if (!scored[c])
				continue;

			for (size_t i = 0; i < q.n; i++) {
				unsigned most = 0;

				for (size_t k = 0; k < q.m[i].n; k++) {
					unsigned p = score_terms[q.m[i].term[k]].points[c] * q.m[i].half[k];

					if (p > most)
						most = p;
				}
				total += most;
			}
			if (pass == 0 && total > best)
				best = total;
			else if (pass == 1 && best > 0 && total == best) {
				if (found < cap)
					out[found] = c;
				found++;
			}
		}
	free(scored);
	/* A best tier of more than a quarter of the rooms, and of more than 4:
	 * the query says too little to choose. */
	return found > 4 && 4 * found > 4 * (ref_pg.n / 4) + 3 ? 0 : found;
}

/* The OSA distance of a and b (n, m bytes), ASCII case folded. */
static size_t score_distance_fold(const char *a, size_t n, const char *b, size_t m)
{
	char *x = malloc(n + 1), *y = malloc(m + 1);
	size_t d;

	for (size_t i = 0; i < n; i++)
		x[i] = (char)ref_fold((unsigned char)a[i]);
	for (size_t i = 0; i < m; i++)
		y[i] = (char)ref_fold((unsigned char)b[i]);
	d = score_distance_n(x, n, y, m);
	free(x);
	free(y);
	return d;
}

/* auxchan_suggest(), by the reference: every key's distance computed. */
static size_t score_suggest(const char *q, size_t len, const char **keys, size_t *lens,
                            size_t cap)
{
	size_t max = cap < AUXCHAN_SUGGEST_MAX ? cap : AUXCHAN_SUGGEST_MAX, n = 0, limit;
	size_t nk = auxchan_key_count();

	while (len > 0 && strchr(" \t\n\r\f\v", q[0]) && q[0])
		q++, len--;
	while (len > 0 && strchr(" \t\n\r\f\v", q[len - 1]) && q[len - 1])
		len--;
	/* A link: what its fragment says, up to a '?', %XX decoded. */
	static char decoded[AUXCHAN_SUGGEST_LEN_MAX + 1];
	size_t at = score_link_prefix(q, len);

	if (at > 0) {
		size_t dn = 0;

		for (size_t i = at; i < len && q[i] != '?'; i++) {
			unsigned hex;

			if (dn == sizeof decoded)
				return 0;
			if (q[i] == '%') {
				char hx[3] = { q[i + 1 < len ? i + 1 : i], q[i + 2 < len ? i + 2 : i], 0 };

				if (i + 2 >= len || !isxdigit((unsigned char)hx[0]) ||
				    !isxdigit((unsigned char)hx[1]) || sscanf(hx, "%2x", &hex) != 1)
					return 0;
				decoded[dn++] = (char)hex;
				i += 2;
			} else {
				decoded[dn++] = q[i];
			}
		}
		q = decoded, len = dn;
	}
	if (len > 0 && q[0] == '#')
		q++, len--;
	if (len == 0 || len > AUXCHAN_SUGGEST_LEN_MAX || max == 0)
		return 0;
	/* "room:server": the aliases of that localpart's rooms first. */
	for (size_t colon = 0; colon < len; colon++)
		if (q[colon] == ':') {
			char ref[AUXCHAN_SUGGEST_LEN_MAX + 2] = "#";
			size_t rooms[AUXCHAN_SUGGEST_MAX], found;

			if (colon == 0)
				break;
			memcpy(ref + 1, q, colon);
			found = ref_lookup(ref, colon + 1, rooms, max);
			for (size_t k = 0; k < found && k < max; k++) {
				const char *alias = ref_pg.rooms[rooms[k]].alias;

				/* As keys are written: no '#', but before another. */
				keys[n] = alias + (alias[1] != '#');
				lens[n] = strlen(keys[n]);
				n++;
			}
			break;
		}
	limit = len < 6 ? 1 : len < 12 ? 2 : 3;
	/* Then the keys, closest first, in their order within a distance (a
	 * key of a length more than limit away is farther than limit). */
	size_t *dist = malloc((nk + 1) * sizeof *dist);

	for (size_t i = 0; i < nk; i++) {
		size_t klen;
		const char *k = auxchan_key(i, &klen);

		dist[i] = klen > AUXCHAN_SUGGEST_LEN_MAX || klen > len + limit || len > klen + limit
		                  ? limit + 1
		                  : score_distance_fold(q, len, k, klen);
	}
	for (size_t d = 0; d <= limit && n < max; d++)
		for (size_t i = 0; i < nk && n < max; i++) {
			size_t klen, dup = 0;
			const char *k = auxchan_key(i, &klen);

			if (dist[i] != d)
				continue;
			for (size_t j = 0; j < n; j++)
				dup |= ref_same(keys[j], lens[j], k, klen);
			if (!dup)
				keys[n] = k, lens[n++] = klen;
		}
	free(dist);
	return n;
}

#endif /* AUXCHAN_SCORE_H */
