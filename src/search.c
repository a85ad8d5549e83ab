/*
 * search.c - the search: the rooms a person means by a few words
 * (auxchan_search()), and the keys closest to a query nothing answers
 * (auxchan_suggest()), from the word table auxchan-gen writes
 * (gen/search.h), without allocation or writable state.  A library object
 * of its own: a program that never searches does not link the words.
 */
#include "gperf.h" /* first: its pragma comes before any function */

#include <stddef.h>
#include <stdint.h>

#include "auxchan.h"
#include "key.h"
#include "link.h"
#include "rank.h"
#include "stem.h"
#include "word.h"

#include "search_data.h"

GPERF_OUTPUT_BEGIN
#include "search_gperf.c"
GPERF_OUTPUT_END

GPERF_PROBE_FUNCTION(sw_probe, SW_BUCKETS)

/* ---- Bytes ---------------------------------------------------------- */

/*
 * Byte loops for the search's short strings: as the lookup, the search
 * calls nothing, not even libc (so libauxchan.so needs no relocation of its
 * own); GCC is kept from turning such loops back into calls (gperf.h).
 */
static int bytes_compare(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
	return 0;
}


/* ---- Words ---------------------------------------------------------- */

/* Orders word w of the table before (< 0) or after the n bytes at s. */
static int sw_compare(size_t w, const char *s, size_t n)
{
	size_t len = sw_word_len(w);
	int c = bytes_compare(SW_POOL + sw_word_text(w), s, len < n ? len : n);

	return c ? c : len < n ? -1 : len > n;
}

/* The number of the word (folded, n bytes) in the table, or -1. */
static long sw_find(const char *w, size_t n)
{
	long id;

	if (n == 0 || n > SW_WORD_MAX)
		return -1;
	id = sw_probe(key_bucket(key_hash(w, n, 0, SW_SEED), SW_BUCKET_COUNT), w, n);
	return id >= 0 && sw_compare((size_t)id, w, n) == 0 ? id : -1;
}

/* The first word of the table not before the n bytes at s. */
static size_t sw_lower_bound(const char *s, size_t n)
{
	size_t lo = 0, hi = SW_WORD_COUNT;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sw_compare(mid, s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- The words of a query and the words they match --------------------- */

/* A page word a query word matches, and its postings being read. */
struct match {
	uint32_t word;
	uint32_t pos, end;  /* postings of the word, pos the next to read */
	unsigned char half; /* RANK_FULL, the word itself, or RANK_HALF (rank.h) */
	unsigned char reads; /* its postings are read (budget()), else looked up */
};

/* A query word: the page words it matches, at most AUXCHAN_SEARCH_MATCHES,
 * and the most points it can bring a room. */
struct qword {
	struct match m[AUXCHAN_SEARCH_MATCHES];
	size_t n;
	unsigned bound;
};

/* What page word w matched as (half) brings at most. */
static unsigned match_value(size_t w, unsigned half)
{
	return sw_word_max(w) * half;
}

/* Does match x come before page word w, matched as half, of that value? */
static int match_before(const struct match *x, size_t w, unsigned half, unsigned value)
{
	unsigned v = match_value(x->word, x->half);

	if ((x->half == RANK_FULL) != (half == RANK_FULL)) /* the query word itself first */
		return x->half == RANK_FULL;
	return v > value || (v == value && x->word < w);
}

/*
 * Adds page word w, matched as half, to q: once (the better match), and
 * among the AUXCHAN_SEARCH_MATCHES that come first: the query word itself,
 * then the others that can bring the most (then of lowest number).
 */
static void add_match(struct qword *q, size_t w, unsigned half)
{
	unsigned value = match_value(w, half);
	size_t k;

	for (k = 0; k < q->n; k++)
		if (q->m[k].word == w) {
			if (q->m[k].half >= half)
				return;
			q->n--; /* found again, better: taken out, put back in its place */
			for (; k < q->n; k++)
				q->m[k] = q->m[k + 1];
			break;
		}
	for (k = q->n; k > 0 && !match_before(&q->m[k - 1], w, half, value); k--)
		;
	if (k == AUXCHAN_SEARCH_MATCHES)
		return;
	if (q->n == AUXCHAN_SEARCH_MATCHES)
		q->n--;
	for (size_t j = q->n; j > k; j--)
		q->m[j] = q->m[j - 1];
	q->m[k] = (struct match){ (uint32_t)w, sw_word_first(w),
	                          (uint32_t)(sw_word_first(w) + sw_word_count(w)), half, 1 };
	q->n++;
}

/* Adds the page words one edit from w (n bytes) whose hash is h, by the
 * index of words one deletion away. */
static void add_deleted(struct qword *q, uint32_t h, const char *w, size_t n)
{
	size_t count = SW_DELETION_COUNT, lo = 0, hi = count; /* 0 on some pages */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sw_deletion_hash(mid) < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < count && sw_deletion_hash(lo) == h; lo++) {
		size_t x = sw_deletion_word(lo);

		if (word_one_edit(w, n, SW_POOL + sw_word_text(x), sw_word_len(x)))
			add_match(q, x, RANK_HALF);
	}
}

/*
 * The page words the query word w (folded, n bytes) matches, by the rule
 * above points() in gen/search.c.  The words one edit away are found by
 * deletions: a word with one byte more has w among its deletions,
 * one with one byte less is a deletion of w, and one with a byte changed
 * or two swapped shares a deletion with w.
 */
static void match_word(struct qword *q, const char *w, size_t n)
{
	char d[AUXCHAN_SEARCH_WORD_MAX];
	long exact = sw_find(w, n), same;
	size_t stem;
	int known = 0, found;

	q->n = 0;
	/* The same stem ("packages", "packaging": "packag") is the word too:
	 * the table has the stem of its own entries, others are stemmed. */
	if (exact >= 0) {
		if (sw_word_kind(exact) == WORD_STOP) /* never decides: left out */
			return;
		if (sw_word_kind(exact) == WORD_PAGE)
			add_match(q, (size_t)exact, RANK_FULL);
		known = sw_word_kind(exact) == WORD_KNOWN; /* a word, not a typo */
		same = sw_word_stem(exact);
	} else {
		same = stem_other(d, w, n, &stem) ? sw_find(d, stem) : -1;
	}
	if (same >= 0 && same != exact && sw_word_kind(same) == WORD_PAGE)
		add_match(q, (size_t)same, RANK_FULL);
	/* A word found itself is never a prefix or a typo of another. */
	found = q->n > 0;
	if (!found && n >= AUXCHAN_SEARCH_PREFIX)
		for (size_t x = sw_lower_bound(w, n) + (exact >= 0), read = 0; x < SW_WORD_COUNT &&
		     read < AUXCHAN_SEARCH_PREFIX_READ && sw_word_len(x) > n &&
		     bytes_compare(SW_POOL + sw_word_text(x), w, n) == 0; x++)
			if (sw_word_kind(x) == WORD_PAGE) {
				add_match(q, x, RANK_HALF);
				read++;
			}
	if (!found && !known && n >= AUXCHAN_SEARCH_TYPO) {
		add_deleted(q, word_hash(w, n), w, n);
		for (size_t i = 0; i < n; i++) {
			long x;

			word_copy(d, w, i);
			word_copy(d + i, w + i + 1, n - i - 1);
			if ((x = sw_find(d, n - 1)) >= 0 && sw_word_kind(x) == WORD_PAGE)
				add_match(q, (size_t)x, RANK_HALF);
			add_deleted(q, word_hash(d, n - 1), w, n);
		}
	}
}

/*
 * The budget of a search (the rule in auxchan.h): the query words' matches
 * are taken by rank (each word's first, in query order, then each word's
 * second...), AUXCHAN_SEARCH_MATCHES_ALL at most, the others left out; of
 * those, a match whose postings fit in what is left of the rooms to read
 * (AUXCHAN_SEARCH_POSTINGS, or AUXCHAN_SEARCH_WORK over the matches taken
 * if less: each room read costs a look at every match) is read, the others
 * only looked up in the rooms read.  Then each word's bound: the most one
 * of its matches can bring.
 */
static void budget(struct qword *q, size_t nq)
{
	size_t taken = 0, left, most = 0, n[AUXCHAN_SEARCH_WORDS] = { 0 };

	for (size_t i = 0; i < nq; i++) /* the most matches of a word: the ranks */
		most = q[i].n > most ? q[i].n : most;
	for (size_t k = 0; k < most; k++)
		for (size_t i = 0; i < nq; i++)
			if (k < q[i].n && taken < AUXCHAN_SEARCH_MATCHES_ALL) {
				taken++;
				n[i]++;
			}
	left = taken ? AUXCHAN_SEARCH_WORK / taken : 0;
	if (left > AUXCHAN_SEARCH_POSTINGS)
		left = AUXCHAN_SEARCH_POSTINGS;
	for (size_t k = 0; k < most; k++)
		for (size_t i = 0; i < nq; i++) {
			struct match *m = &q[i].m[k];

			if (k >= n[i])
				continue;
			m->reads = m->end - m->pos <= left;
			if (m->reads)
				left -= m->end - m->pos;
		}
	for (size_t i = 0; i < nq; i++) {
		q[i].n = n[i];
		q[i].bound = 0;
		for (size_t k = 0; k < q[i].n; k++)
			if (match_value(q[i].m[k].word, q[i].m[k].half) > q[i].bound)
				q[i].bound = match_value(q[i].m[k].word, q[i].m[k].half);
	}
}

/* ---- Scores ---------------------------------------------------------- */

/*
 * The points of match m (one not read) in room c, or 0: its postings from
 * where the last lookup ended, gallopingly, as the rooms asked come in
 * page order (from its start again when c comes before).
 */
static unsigned looked_up(struct match *m, size_t c)
{
	size_t first = sw_word_first(m->word), end = m->end, lo = m->pos, hi, step = 1;

	if (lo > first && sw_post_room(lo - 1) >= c)
		lo = first;
	while (lo + step < end && sw_post_room(lo + step) < c) {
		lo += step;
		step *= 2;
	}
	hi = lo + step < end ? lo + step : end;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sw_post_room(mid) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	m->pos = (uint32_t)lo;
	return lo < end && sw_post_room(lo) == c ? sw_post_points(lo) : 0;
}

/* The points of page word w in room c, or 0. */
static unsigned word_points(size_t w, size_t c)
{
	struct match m = { .word = (uint32_t)w, .pos = sw_word_first(w),
	                   .end = (uint32_t)(sw_word_first(w) + sw_word_count(w)) };

	return looked_up(&m, c);
}

/*
 * A room's score (the rule above points() in gen/search.c).  The first
 * read words are read at c (their postings read up to c, in page
 * order): their points there need no search.  The matches not read are
 * looked up.  Once what the words left bring at most (rest[], by word)
 * cannot lift the room to floor, the count stops: the score returned is
 * then less than floor.
 */
static unsigned score(struct qword *q, size_t nq, size_t read, size_t c, const unsigned *rest,
                      unsigned floor)
{
	unsigned total = 0;

	for (size_t i = 0; i < nq && total + rest[i] >= floor; i++) {
		unsigned best = 0;

		for (size_t k = 0; k < q[i].n; k++) {
			struct match *m = &q[i].m[k];
			unsigned p;

			if (!m->reads)
				p = looked_up(m, c);
			else if (i < read)
				p = m->pos < m->end && sw_post_room(m->pos) == c ? sw_post_points(m->pos) : 0;
			else
				p = word_points(m->word, c);
			if (p * m->half > best)
				best = p * m->half;
		}
		total += best;
	}
	return total;
}

/*
 * The rooms of the top tier, those of the highest score, in page order
 * (the first cap of them in out[]): how many there are; their score in
 * *top.  Rooms are read in
 * page order from the postings of the query words that can still lift a
 * room to the best score found so far; the others' (whose bounds add up
 * to less: "max-score") are only looked up, for the rooms read.
 */
static size_t top_tier(struct qword *q, size_t nq, size_t *out, size_t cap, unsigned *top)
{
	unsigned rest[AUXCHAN_SEARCH_WORDS + 1], unread[AUXCHAN_SEARCH_WORDS + 1];
	unsigned best = 0, threshold = 0;
	size_t count = 0, essential = nq;

	/* The words that count most first. */
	for (size_t i = 1; i < nq; i++) {
		struct qword t;
		size_t j = i;

		if (q[i].bound <= q[i - 1].bound)
			continue;
		t = q[i];
		for (; j > 0 && t.bound > q[j - 1].bound; j--)
			q[j] = q[j - 1];
		q[j] = t;
	}
	rest[nq] = 0;
	for (size_t i = nq; i-- > 0;)
		rest[i] = rest[i + 1] + q[i].bound;
	/* unread[i]: what the matches not read of the words before i bring at
	 * most, to a room that none of their read matches has. */
	unread[0] = 0;
	for (size_t i = 0; i < nq; i++) {
		unsigned most = 0;

		for (size_t k = 0; k < q[i].n; k++)
			if (!q[i].m[k].reads && match_value(q[i].m[k].word, q[i].m[k].half) > most)
				most = match_value(q[i].m[k].word, q[i].m[k].half);
		unread[i + 1] = unread[i] + most;
	}
	/* A first threshold: the first RANK_FIRST_ROOMS rooms of the word that
	 * counts most. */
	for (size_t k = 0, n = 0; k < q[0].n && n < RANK_FIRST_ROOMS; k++)
		for (uint32_t p = q[0].m[k].pos; q[0].m[k].reads && p < q[0].m[k].end &&
		     n < RANK_FIRST_ROOMS;
		     p++, n++) {
			unsigned s = score(q, nq, 0, sw_post_room(p), rest, 0);

			if (s > threshold)
				threshold = s;
		}
	for (;;) {
		size_t c = (size_t)-1;
		unsigned s;

		/* The words whose read rooms are read: a room none of them has
		 * brings at most what the others do (rest[essential]) and what
		 * their matches not read do (unread[essential]). */
		while (essential > 0 && rest[essential - 1] + unread[essential - 1] < threshold)
			essential--;
		for (size_t i = 0; i < essential; i++)
			for (size_t k = 0; k < q[i].n; k++)
				if (q[i].m[k].reads && q[i].m[k].pos < q[i].m[k].end &&
				    sw_post_room(q[i].m[k].pos) < c)
					c = sw_post_room(q[i].m[k].pos);
		if (c == (size_t)-1)
			break;
		/* A room under the threshold is under the best: its count may stop. */
		s = score(q, nq, essential, c, rest, threshold);
		if (s >= threshold) {
			if (s > best)
				best = s, count = 0;
			if (s == best) {
				if (count < cap)
					out[count] = c;
				count++;
			}
			threshold = s;
		}
		for (size_t i = 0; i < essential; i++)
			for (size_t k = 0; k < q[i].n; k++)
				if (q[i].m[k].reads && q[i].m[k].pos < q[i].m[k].end &&
				    sw_post_room(q[i].m[k].pos) == c)
					q[i].m[k].pos++;
	}
	*top = best;
	return count;
}

/* ---- The search ------------------------------------------------------ */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The query trimmed of surrounding whitespace: its start, and length. */
static const char *trim(const char *s, size_t *len)
{
	size_t n = *len;

	while (n > 0 && is_space((unsigned char)s[0]))
		s++, n--;
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

const char *auxchan_means(const char *word, size_t len, size_t *mlen)
{
	char k[AUXCHAN_SEARCH_WORD_MAX];
	size_t n = word_term_len(word, len), lo = 0, hi = SW_VOCAB_COUNT;

	if (n == 0 || n > AUXCHAN_SEARCH_WORD_MAX)
		return NULL;
	n = word_fold_term(k, word, len);
	while (lo < hi) { /* by the folded term, as gen/search.c sorts them */
		size_t mid = lo + (hi - lo) / 2, m = sw_vocab[mid].key_len;
		int c = bytes_compare(SW_POOL + sw_vocab[mid].key, k, m < n ? m : n);

		if (c == 0 && m == n) {
			*mlen = sw_vocab[mid].means_len;
			return SW_POOL + sw_vocab[mid].means;
		}
		if (c < 0 || (c == 0 && m < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Is the query (trimmed) written as a room reference rather than words: a
 * matrix.to link (link_typed_prefix()), or one token that starts with '#'
 * or holds a ':' ("room:server")?  The words of its parts ("auxolotl",
 * "gen") would find rooms it does not name.
 */
static int is_reference(const char *q, size_t len)
{
	int colon = 0;

	if (link_typed_prefix(q, len) > 0)
		return 1;
	for (size_t i = 0; i < len; i++) {
		if (is_space((unsigned char)q[i]))
			return 0;
		colon |= q[i] == ':';
	}
	return len > 0 && (q[0] == '#' || colon);
}

size_t auxchan_search(const char *query, size_t len, size_t *out, size_t cap)
{
	unsigned score;

	return auxchan_search_scored(query, len, out, cap, &score);
}

size_t auxchan_search_scored(const char *query, size_t len, size_t *out, size_t cap,
                             unsigned *score)
{
	struct qword q[AUXCHAN_SEARCH_WORDS];
	char w[AUXCHAN_SEARCH_WORDS][AUXCHAN_SEARCH_WORD_MAX];
	size_t wlen[AUXCHAN_SEARCH_WORDS], nq = 0, start, span, n, found;
	struct word_terms terms;

	*score = 0;
	query = trim(query, &len);
	/* A key answers as auxchan_lookup() does; a room reference that is
	 * not a key finds nothing (auxchan_suggest() has its closest rooms). */
	if ((found = auxchan_lookup(query, len, out, cap)) > 0 || is_reference(query, len))
		return found;
	/* Each term once (word.h), folded, with the page words it matches. */
	if (len > AUXCHAN_SEARCH_QUERY_MAX)
		len = AUXCHAN_SEARCH_QUERY_MAX;
	word_terms_start(&terms, query, len);
	while (nq < AUXCHAN_SEARCH_WORDS && (span = word_terms_next(&terms, &start)) > 0) {
		size_t k;

		if ((n = word_term_len(query + start, span)) > AUXCHAN_SEARCH_WORD_MAX)
			continue;
		word_fold_term(w[nq], query + start, span);
		for (k = 0; k < nq && (wlen[k] != n || bytes_compare(w[k], w[nq], n)); k++)
			;
		if (k < nq)
			continue;
		wlen[nq] = n;
		match_word(&q[nq], w[nq], n);
		if (q[nq].n > 0) /* a word that matches nothing is left out */
			nq++;
	}
	budget(q, nq);
	found = nq ? top_tier(q, nq, out, cap, score) : 0;
	if (found > RANK_VAGUE_MIN && found > auxchan_count() / RANK_VAGUE_SHARE) { /* too vague */
		*score = 0;
		return 0;
	}
	return found;
}

/* ---- Suggestions ----------------------------------------------------- */

/* The number of bits set in x: in pairs, nibbles, then bytes summed. */
static unsigned bits(uint32_t x)
{
	x -= (x >> 1) & 0x55555555u;
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0f0f0f0fu;
	return (x * 0x01010101u) >> 24;
}

/*
 * The edit distance of a (m bytes) and b (n bytes), ignoring ASCII case:
 * insertions, deletions, substitutions and swaps of neighbours cost 1; any
 * distance over limit (under 128) is limit + 1.  Only the cells within
 * limit of the diagonal are computed (the others are over it), and a row
 * whose cells all exceed it ends the count.
 */
static size_t distance(const char *a, size_t m, const char *b, size_t n, size_t limit)
{
	unsigned char row[3][AUXCHAN_SUGGEST_LEN_MAX + 2], over = (unsigned char)(limit + 1);

	if (m > n + limit || n > m + limit)
		return limit + 1;
	for (size_t j = 0; j <= n; j++)
		row[0][j] = (unsigned char)(j <= limit ? j : over);
	for (size_t i = 1; i <= m; i++) {
		unsigned char *cur = row[i % 3], *prev = row[(i - 1) % 3], *pp = row[(i + 1) % 3];
		unsigned char x = key_fold((unsigned char)a[i - 1]), least = over;
		size_t lo = i > limit ? i - limit : 1, hi = i + limit < n ? i + limit : n;

		cur[lo - 1] = lo == 1 ? (unsigned char)(i <= limit ? i : over) : over;
		if (cur[lo - 1] < least)
			least = cur[lo - 1];
		for (size_t j = lo; j <= hi; j++) {
			unsigned char y = key_fold((unsigned char)b[j - 1]);
			unsigned d = prev[j - 1] + (x != y);

			if (prev[j] + 1u < d)
				d = prev[j] + 1u;
			if (cur[j - 1] + 1u < d)
				d = cur[j - 1] + 1u;
			if (i > 1 && j > 1 && x == key_fold((unsigned char)b[j - 2]) &&
			    key_fold((unsigned char)a[i - 2]) == y && pp[j - 2] + 1u < d)
				d = pp[j - 2] + 1u;
			cur[j] = (unsigned char)(d > over ? over : d);
			if (cur[j] < least)
				least = cur[j];
		}
		if (hi < n) /* beyond the band: over the limit */
			cur[hi + 1] = over;
		if (least > limit)
			return limit + 1;
	}
	return row[m % 3][n];
}

/*
 * Can key (klen bytes) be within limit edits of the query whose folded
 * bytes are counted in count[]?  Each edit leaves at most one more byte of
 * either string without its like in the other (a swap none), so the edit
 * distance is at least the larger of those two numbers: a pass over the
 * key, cheaper than distance(), tells most keys apart.  count[] is as it
 * was on return.
 */
static int may_be_close(int16_t count[256], size_t len, const char *key, size_t klen,
                        size_t limit)
{
	size_t i, matched = 0, most = len > klen ? len : klen;

	for (i = 0; i < klen && i - matched <= limit; i++)
		if (count[key_fold((unsigned char)key[i])]-- > 0)
			matched++;
	while (i-- > 0)
		count[key_fold((unsigned char)key[i])]++;
	return most - matched <= limit;
}

struct suggestion {
	const char *key;
	size_t len, dist;
	size_t order; /* the key's number, or 0 for the room's alias that comes first */
};

/* Adds key (its number order) at distance d to the sorted best[] (n of
 * them, at most max), once (ignoring case): closest first, then in the
 * order of the keys. */
static void suggest_add(struct suggestion *best, size_t *n, size_t max, const char *key,
                        size_t len, size_t d, size_t order)
{
	size_t k;

	for (k = 0; k < *n; k++)
		if (best[k].len == len && key_mem_equal(best[k].key, key, len))
			return;
	for (k = *n; k > 0 && (best[k - 1].dist > d ||
	                       (best[k - 1].dist == d && best[k - 1].order > order)); k--)
		;
	if (k == max)
		return;
	if (*n == max)
		(*n)--;
	for (size_t j = *n; j > k; j--)
		best[j] = best[j - 1];
	best[k] = (struct suggestion){ key, len, d, order };
	(*n)++;
}

size_t auxchan_suggest(const char *query, size_t len, const char **keys, size_t *lens,
                       size_t cap)
{
	struct suggestion best[AUXCHAN_SUGGEST_MAX];
	size_t n = 0, max = cap < AUXCHAN_SUGGEST_MAX ? cap : AUXCHAN_SUGGEST_MAX, limit;
	size_t colon, at, dlen;
	uint32_t set;
	char decoded[AUXCHAN_SUGGEST_LEN_MAX + 1];
	int16_t count[256] = { 0 }; /* the query's folded bytes */

	query = trim(query, &len);
	/* A link as the reference it holds: "https://matrix.to/#/%23x%3Ay"
	 * is "#x:y". */
	if ((at = link_typed_prefix(query, len)) > 0) {
		if ((dlen = link_decode(query + at, len - at, decoded, sizeof decoded)) == LINK_BAD)
			return 0;
		query = decoded, len = dlen;
	}
	if (len > 0 && query[0] == '#') /* as keys are written: aliases without it */
		query++, len--;
	if (len == 0 || len > AUXCHAN_SUGGEST_LEN_MAX || max == 0)
		return 0;
	/* "room:wrong.server": the rooms of that localpart come first. */
	colon = key_find(query, len, ':', ':');
	if (colon > 0 && colon < len) {
		char ref[AUXCHAN_SUGGEST_LEN_MAX + 1] = "#";
		size_t rooms[AUXCHAN_SUGGEST_MAX], found;

		word_copy(ref + 1, query, colon);
		found = auxchan_lookup(ref, colon + 1, rooms, max);
		for (size_t k = 0; k < found && k < max; k++) {
			const char *alias = auxchan_field(rooms[k], AUXCHAN_ALIAS);
			size_t alen = 0, skip = alias[1] != '#'; /* as keys are: "##x" keeps one */

			while (alias[alen])
				alen++;
			suggest_add(best, &n, max, alias + skip, alen - skip, 0, 0);
		}
	}
	/*
	 * The closest keys: a few edits away at most, no farther than the last
	 * of max found.  Keys by length (search_data.h): only those of lengths
	 * within the limit are read, and of those only the ones whose kinds of
	 * byte could be that close.
	 */
	limit = len < 6 ? 1 : len < 12 ? 2 : 3;
	set = word_letters(query, len);
	for (size_t k = 0; k < len; k++)
		count[key_fold((unsigned char)query[k])]++;
	for (size_t l = len > limit ? len - limit : 1; l <= len + limit &&
	     l <= AUXCHAN_SUGGEST_LEN_MAX; l++)
		for (size_t i = sw_suggest_first(l); i < sw_suggest_first(l + 1); i++) {
			size_t klen, d, key = sw_suggest_key(i);
			const char *text;

			if (n == max)
				limit = best[n - 1].dist;
			if (l + limit < len || len + limit < l || bits(set ^ sw_suggest_letters(i)) > 2 * limit)
				continue;
			text = auxchan_key(key, &klen);
			if (may_be_close(count, len, text, klen, limit) &&
			    (d = distance(query, len, text, klen, limit)) <= limit)
				suggest_add(best, &n, max, text, klen, d, key + 1);
		}
	for (size_t k = 0; k < n; k++) {
		keys[k] = best[k].key;
		lens[k] = best[k].len;
	}
	return n;
}
