/*
 * stem.h - the stem of an English word, as Snowball's English stemmer
 * (Porter2, https://snowballstem.org/algorithms/english/stemmer.html)
 * gives it.  For the generator, which stems the words of the page, and
 * the library, which stems a query's words the same way, so that
 * "packages", "package" and "packaging" all find "packag".
 *
 * stem_english() gives exactly what libstemmer's "english" stemmer of
 * Snowball 2.2 (Debian's libstemmer) gives for every word of ASCII
 * letters and digits: tests/stem.c compares them over a dictionary.  The
 * algorithm is written here from its description, one function a step,
 * because the library may not allocate and may depend on no library but
 * libc's string functions; its tables are `static const`, without a
 * pointer (no relocation), and it keeps no state between calls.
 *
 * What it leaves unchanged, returning the word as it came:
 * - a word with any byte that is not a lower-case ASCII letter or a
 *   digit: upper case (the caller folds case first), UTF-8, apostrophes
 *   and other punctuation.  Digits are consonants to Porter2, as they are
 *   to libstemmer ("ipv6s" gives "ipv6"); an apostrophe, which only Step 0
 *   and the prelude handle, never gets here: it splits words (word.h).
 * - a word of more than STEM_WORD_MAX bytes: no query word is longer
 *   (AUXCHAN_SEARCH_WORD_MAX).
 *
 * The stem is never longer than the word, and stem_english() writes only
 * the word's own bytes.  It calls no function, libc's neither (the
 * library needs no relocation).
 *
 * Snowball's English stemmer has changed since 2.2 (its later rules add
 * beginnings to R1's exceptions, past, univers, inter...): on a Debian
 * whose libstemmer has them, tests/stem.c shows the words that differ.
 */
#ifndef AUXCHAN_STEM_H
#define AUXCHAN_STEM_H

#include <stddef.h>

#include "word.h"

/* The longest word stemmed, in bytes: AUXCHAN_SEARCH_WORD_MAX. */
#define STEM_WORD_MAX 64

/*
 * Byte loops (and word.h's word_same(), word_copy()), not libc's functions:
 * the library calls nothing, so that
 * libauxchan.so needs no relocation of its own (src/search.c, which
 * includes this file after gperf.h's pragma that keeps GCC from turning
 * such loops back into calls).
 */
static inline size_t stem_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static inline int stem_has(const char *set, char c)
{
	for (; *set; set++)
		if (*set == c)
			return 1;
	return 0;
}

/*
 * The word while it is stemmed: its bytes (each y that is a consonant
 * written Y, as Porter2 marks it), its length now, and where its regions
 * R1 and R2 start (a region that starts at or past the end is empty).  The
 * steps change only the end of the word, so r1 and r2 stay right.
 */
struct stem_word {
	char *s;
	size_t n;
	size_t r1, r2;
};

/*
 * A rule of a step: a suffix; what replaces it; the region it must be in
 * (1 for R1, 2 for R2, 0 for none); and, if not empty, the letters one of
 * which must come right before it.  Arrays, not pointers: a table of
 * rules is read-only data with no relocation.
 */
struct stem_rule {
	char suffix[8], to[8];
	unsigned char region;
	char after[11];
};

/* Is c a vowel (a e i o u y)?  The marked Y is a consonant. */
static inline int stem_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Is the word made of the bytes stem_english() handles, a-z and 0-9? */
static inline int stem_plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned)(s[i] - 'a') >= 26u && (unsigned)(s[i] - '0') >= 10u)
			return 0;
	return 1;
}

/* Does the word end with suffix? */
static inline int stem_ends(const struct stem_word *w, const char *suffix)
{
	size_t k = stem_strlen(suffix);

	return k <= w->n && word_same(w->s + w->n - k, suffix, k);
}

/*
 * Replaces the last k bytes of the word with to.  Porter2 never makes a
 * word longer than it came (an e added in Step 1b follows a deletion), so
 * this writes within the word's bytes.
 */
static inline void stem_replace(struct stem_word *w, size_t k, const char *to)
{
	size_t m = stem_strlen(to);

	word_copy(w->s + w->n - k, to, m);
	w->n = w->n - k + m;
}

/* Is the part of the word from byte at on in region 1 (R1) or 2 (R2)? */
static inline int stem_in(const struct stem_word *w, size_t at, unsigned region)
{
	return region == 2 ? at >= w->r2 : region == 1 ? at >= w->r1 : 1;
}

/*
 * Does the word's first k bytes end in a short syllable?  That is (a) a
 * vowel followed by a non-vowel other than w, x or Y and preceded by a
 * non-vowel, or (b) a vowel at the beginning of the word followed by a
 * non-vowel.
 */
static inline int stem_short_syllable(const char *s, size_t k)
{
	if (k >= 3 && !stem_vowel(s[k - 3]) && stem_vowel(s[k - 2]) && !stem_vowel(s[k - 1]) &&
	    s[k - 1] != 'w' && s[k - 1] != 'x' && s[k - 1] != 'Y')
		return 1;
	return k == 2 && stem_vowel(s[0]) && !stem_vowel(s[1]);
}

/* Is the word short: does it end in a short syllable, with R1 empty? */
static inline int stem_short(const struct stem_word *w)
{
	return w->r1 >= w->n && stem_short_syllable(w->s, w->n);
}

/*
 * The rule of rules[] (count of them) whose suffix is the longest that
 * the word ends with, or NULL if it ends with none.
 */
static inline const struct stem_rule *stem_longest(const struct stem_word *w,
                                                   const struct stem_rule *rules, size_t count)
{
	const struct stem_rule *best = NULL;

	for (size_t i = 0; i < count; i++)
		if (stem_ends(w, rules[i].suffix) &&
		    (!best || stem_strlen(rules[i].suffix) > stem_strlen(best->suffix)))
			best = &rules[i];
	return best;
}

/*
 * How Steps 2, 3 and 4 read their rules: "search for the longest among
 * the suffixes" and, if it is in its region and comes after what the rule
 * asks, replace it; if not, the step does nothing (a shorter suffix is not
 * tried).
 */
static inline void stem_apply(struct stem_word *w, const struct stem_rule *rules, size_t count)
{
	const struct stem_rule *r = stem_longest(w, rules, count);
	size_t k, at;

	if (!r)
		return;
	k = stem_strlen(r->suffix);
	at = w->n - k;
	if (!stem_in(w, at, r->region))
		return;
	if (r->after[0] && (at == 0 || !stem_has(r->after, w->s[at - 1])))
		return;
	stem_replace(w, k, r->to);
}

/*
 * Exceptional forms: words stemmed as a whole, before anything else (the
 * special changes, the special -ly cases and the invariant forms).  Returns
 * 1 if the word was one of them.
 */
static inline int stem_exception1(struct stem_word *w)
{
	static const struct {
		char word[8], stem[8];
	} forms[] = {
		{ "skis", "ski" },     { "skies", "sky" },   { "dying", "die" },   { "lying", "lie" },
		{ "tying", "tie" },    { "idly", "idl" },    { "gently", "gentl" }, { "ugly", "ugli" },
		{ "early", "earli" },  { "only", "onli" },   { "singly", "singl" }, { "sky", "sky" },
		{ "news", "news" },    { "howe", "howe" },   { "atlas", "atlas" }, { "cosmos", "cosmos" },
		{ "bias", "bias" },    { "andes", "andes" },
	};

	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (w->n && w->s[0] == forms[i].word[0] && w->n == stem_strlen(forms[i].word) &&
		    word_same(w->s, forms[i].word, w->n)) {
			w->n = stem_strlen(forms[i].stem);
			word_copy(w->s, forms[i].stem, w->n);
			return 1;
		}
	return 0;
}

/*
 * The prelude: set initial y, or y after a vowel, to Y (a consonant from
 * then on).  (Removing an initial apostrophe has nothing to do here.)
 */
static inline void stem_prelude(struct stem_word *w)
{
	if (w->s[0] == 'y')
		w->s[0] = 'Y';
	for (size_t i = 1; i < w->n; i++)
		if (w->s[i] == 'y' && stem_vowel(w->s[i - 1]))
			w->s[i] = 'Y';
}

/*
 * Where the region after the first non-vowel following a vowel, from byte
 * from on, starts: the end of the word if there is no such non-vowel.
 */
static inline size_t stem_region(const char *s, size_t n, size_t from)
{
	size_t i = from;

	while (i < n && !stem_vowel(s[i]))
		i++;
	while (i < n && stem_vowel(s[i]))
		i++;
	return i < n ? i + 1 : n;
}

/*
 * R1 and R2: R1 is the region after the first non-vowel following a
 * vowel, or, for a word that begins with gener, commun or arsen, the
 * rest after that beginning; R2 is the region after the first non-vowel
 * following a vowel in R1.
 */
static inline void stem_mark_regions(struct stem_word *w)
{
	static const char prefixes[][7] = { "gener", "commun", "arsen" };

	w->r1 = stem_region(w->s, w->n, 0);
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t k = stem_strlen(prefixes[i]);

		if (k <= w->n && word_same(w->s, prefixes[i], k))
			w->r1 = k;
	}
	w->r2 = stem_region(w->s, w->n, w->r1);
}

/*
 * Step 1a: the longest of sses (replace by ss); ied and ies (replace by i
 * if preceded by more than one letter, otherwise by ie: ties, cries); s
 * (delete if the preceding word part contains a vowel not immediately
 * before the s: gas and this keep it, gaps and kiwis lose it); us and ss
 * (do nothing).
 */
static inline void stem_step1a(struct stem_word *w)
{
	if (stem_ends(w, "sses")) {
		stem_replace(w, 4, "ss");
	} else if (stem_ends(w, "ied") || stem_ends(w, "ies")) {
		stem_replace(w, 3, w->n > 4 ? "i" : "ie");
	} else if (stem_ends(w, "s") && !stem_ends(w, "us") && !stem_ends(w, "ss")) {
		for (size_t i = 0; i + 2 < w->n; i++)
			if (stem_vowel(w->s[i])) {
				w->n--;
				break;
			}
	}
}

/*
 * Exceptional forms in post-Step 1a: words that, as they are after Step
 * 1a, are stems already.  Returns 1 if the word is one of them.
 */
static inline int stem_exception2(const struct stem_word *w)
{
	static const char words[][8] = { "inning", "outing",  "canning", "herring",
		                         "earring", "proceed", "exceed",  "succeed" };

	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (w->n && w->s[0] == words[i][0] && w->n == stem_strlen(words[i]) &&
		    word_same(w->s, words[i], w->n))
			return 1;
	return 0;
}

/*
 * Step 1b: the longest of eed and eedly (replace by ee if in R1); ed,
 * edly, ing and ingly (delete if the preceding word part contains a
 * vowel, and after the deletion: if the word ends at, bl or iz add e, so
 * luxuriat gives luxuriate; or if it ends with a double, bb dd ff gg mm nn
 * pp rr tt, remove the last letter, so hopp gives hop; or if the word is
 * short, add e, so hop gives hope).
 */
static inline void stem_step1b(struct stem_word *w)
{
	static const char eed[][6] = { "eedly", "eed" };
	static const char ed[][6] = { "ingly", "edly", "ing", "ed" };
	static const char doubles[][3] = { "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt" };
	size_t i, k, at;

	for (i = 0; i < sizeof eed / sizeof *eed; i++)
		if (stem_ends(w, eed[i])) {
			if (stem_in(w, w->n - stem_strlen(eed[i]), 1))
				stem_replace(w, stem_strlen(eed[i]), "ee");
			return;
		}
	for (i = 0; i < sizeof ed / sizeof *ed && !stem_ends(w, ed[i]); i++)
		;
	if (i == sizeof ed / sizeof *ed)
		return;
	k = stem_strlen(ed[i]);
	for (at = 0; at < w->n - k && !stem_vowel(w->s[at]); at++)
		;
	if (at == w->n - k)
		return;
	w->n -= k;
	if (stem_ends(w, "at") || stem_ends(w, "bl") || stem_ends(w, "iz")) {
		stem_replace(w, 0, "e");
		return;
	}
	for (i = 0; i < sizeof doubles / sizeof *doubles; i++)
		if (stem_ends(w, doubles[i])) {
			w->n--;
			return;
		}
	if (stem_short(w))
		stem_replace(w, 0, "e");
}

/*
 * Step 1c: replace a suffix y or Y by i if preceded by a non-vowel which
 * is not the first letter of the word (cry gives cri, by stays by, say
 * stays say).
 */
static inline void stem_step1c(struct stem_word *w)
{
	if (w->n > 2 && (w->s[w->n - 1] == 'y' || w->s[w->n - 1] == 'Y') &&
	    !stem_vowel(w->s[w->n - 2]))
		w->s[w->n - 1] = 'i';
}

/*
 * Step 2: the longest of these suffixes, if in R1, replaced as shown; ogi
 * only after l, and li (deleted) only after a valid li-ending, one of c d
 * e g h k m n r t.
 */
static inline void stem_step2(struct stem_word *w)
{
	static const struct stem_rule rules[] = {
		{ "tional", "tion", 1, "" },  { "enci", "ence", 1, "" },    { "anci", "ance", 1, "" },
		{ "abli", "able", 1, "" },    { "entli", "ent", 1, "" },    { "izer", "ize", 1, "" },
		{ "ization", "ize", 1, "" },  { "ational", "ate", 1, "" },  { "ation", "ate", 1, "" },
		{ "ator", "ate", 1, "" },     { "alism", "al", 1, "" },     { "aliti", "al", 1, "" },
		{ "alli", "al", 1, "" },      { "fulness", "ful", 1, "" },  { "ousli", "ous", 1, "" },
		{ "ousness", "ous", 1, "" },  { "iveness", "ive", 1, "" },  { "iviti", "ive", 1, "" },
		{ "biliti", "ble", 1, "" },   { "bli", "ble", 1, "" },      { "ogi", "og", 1, "l" },
		{ "fulli", "ful", 1, "" },    { "lessli", "less", 1, "" },
		{ "li", "", 1, "cdeghkmnrt" },
	};

	stem_apply(w, rules, sizeof rules / sizeof *rules);
}

/*
 * Step 3: the longest of these suffixes, if in R1, replaced as shown;
 * ative (deleted) only if in R2 too.
 */
static inline void stem_step3(struct stem_word *w)
{
	static const struct stem_rule rules[] = {
		{ "tional", "tion", 1, "" }, { "ational", "ate", 1, "" }, { "alize", "al", 1, "" },
		{ "icate", "ic", 1, "" },    { "iciti", "ic", 1, "" },    { "ical", "ic", 1, "" },
		{ "ful", "", 1, "" },        { "ness", "", 1, "" },       { "ative", "", 2, "" },
	};

	stem_apply(w, rules, sizeof rules / sizeof *rules);
}

/*
 * Step 4: the longest of these suffixes, deleted if in R2; ion only after
 * s or t.
 */
static inline void stem_step4(struct stem_word *w)
{
	static const struct stem_rule rules[] = {
		{ "al", "", 2, "" },   { "ance", "", 2, "" }, { "ence", "", 2, "" }, { "er", "", 2, "" },
		{ "ic", "", 2, "" },   { "able", "", 2, "" }, { "ible", "", 2, "" }, { "ant", "", 2, "" },
		{ "ement", "", 2, "" }, { "ment", "", 2, "" }, { "ent", "", 2, "" }, { "ism", "", 2, "" },
		{ "ate", "", 2, "" },  { "iti", "", 2, "" },  { "ous", "", 2, "" },  { "ive", "", 2, "" },
		{ "ize", "", 2, "" },  { "ion", "", 2, "st" },
	};

	stem_apply(w, rules, sizeof rules / sizeof *rules);
}

/*
 * Step 5: e (delete if in R2, or in R1 and not preceded by a short
 * syllable); l (delete if in R2 and preceded by l).
 */
static inline void stem_step5(struct stem_word *w)
{
	size_t at = w->n - 1;

	if (w->n == 0)
		return;
	if (w->s[at] == 'e' &&
	    (stem_in(w, at, 2) || (stem_in(w, at, 1) && !stem_short_syllable(w->s, at))))
		w->n--;
	else if (w->s[at] == 'l' && stem_in(w, at, 2) && at > 0 && w->s[at - 1] == 'l')
		w->n--;
}

/*
 * Stems in place the word s of n bytes (ASCII letters in lower case, and
 * digits) and returns the stem's length, n at most.  A word of more than
 * STEM_WORD_MAX bytes, or with any other byte, is left as it is (n).
 */
static inline size_t stem_english(char *s, size_t n)
{
	struct stem_word w = { s, n, n, n };

	if (n > STEM_WORD_MAX || !stem_plain(s, n) || stem_exception1(&w))
		return w.n;
	/* If the word has two letters or less, leave it as it is. */
	if (n < 3)
		return n;
	stem_prelude(&w);
	stem_mark_regions(&w);
	/* Step 0 removes apostrophes: a word here has none. */
	stem_step1a(&w);
	if (!stem_exception2(&w)) {
		stem_step1b(&w);
		stem_step1c(&w);
		stem_step2(&w);
		stem_step3(&w);
		stem_step4(&w);
		stem_step5(&w);
	}
	/* Finally, turn any Y letters back into lower case (all the word's
	 * bytes, past the stem too). */
	for (size_t i = 0; i < n; i++)
		if (s[i] == 'Y')
			s[i] = 'y';
	return w.n;
}

/*
 * The stem of the word w (n bytes), into buf (n bytes at least), its
 * length in *len: is it another word than w?  Where it is not, the
 * generator indexes nothing more and the search looks nothing more up.
 */
static inline int stem_other(char *buf, const char *w, size_t n, size_t *len)
{
	word_copy(buf, w, n);
	*len = stem_english(buf, n);
	return *len != n || !word_same(buf, w, n);
}

#endif /* AUXCHAN_STEM_H */
