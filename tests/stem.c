/*
 * stem.c - tests of the English stemmer (src/stem.h), against Snowball's
 * own, libstemmer's "english" (Debian's libstemmer-dev):
 *
 * - cases of each step and exception of Porter2, and the forms a search
 *   must bring together, each stemmed as written here and as libstemmer
 *   stems it;
 * - every word of the dictionary, /usr/share/dict/american-english
 *   (Debian's wamerican), that is all a-z once lower-cased, stemmed as
 *   libstemmer stems it; and Snowball's sample vocabulary, where it is
 *   installed (Debian's snowball-data: not a dependency, 80 MB), stemmed
 *   as its output and libstemmer say;
 * - forms no dictionary holds, as libstemmer stems them: its words with
 *   each suffix the steps know, its words with a digit, and every word of
 *   four letters or less;
 * - what is left unchanged: words with bytes other than a-z and 0-9, and
 *   words longer than STEM_WORD_MAX bytes.
 *
 * With every word stemmed: the stem is never longer than the word, and no
 * byte past the word is written.  Each mismatch is a failure; the first
 * few are printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "auxchan.h"
#include "check.h"
#include "key.h"
#include "stem.h"

_Static_assert(STEM_WORD_MAX >= AUXCHAN_SEARCH_WORD_MAX, "every query word can be stemmed");

#define DICTIONARY "/usr/share/dict/american-english"
#define VOCABULARY "/usr/share/snowball/data/english/voc.txt"
#define VOCABULARY_STEMS "/usr/share/snowball/data/english/output.txt"
#define SHOWN_MAX 10 /* mismatches printed */

static struct sb_stemmer *snowball;
static unsigned shown;

/*
 * Does stem_english() stem the n bytes at word as want (want_len bytes)
 * says, within the word's bytes?  One check; a failure is printed only
 * for the first SHOWN_MAX of them.
 */
static void compare_with(const char *what, const char *word, size_t n, const char *want,
                         size_t want_len)
{
	char buf[STEM_WORD_MAX + 16];
	size_t got;
	int ok;

	memcpy(buf, word, n);
	memset(buf + n, '#', sizeof buf - n);
	got = stem_english(buf, n);
	ok = got <= n && got == want_len && memcmp(buf, want, got) == 0;
	for (size_t i = n; i < sizeof buf; i++)
		ok &= buf[i] == '#';
	if (ok || shown++ < SHOWN_MAX)
		check(ok, "%s: '%.*s': expected '%.*s', got '%.*s'%s", what, (int)n, word,
		      (int)want_len, want, (int)(got <= n ? got : n), buf,
		      got > n ? " (longer than the word)" : "");
	else
		check_failed++;
}

/* Does stem_english() stem the n bytes at word as libstemmer does? */
static void compare(const char *what, const char *word, size_t n)
{
	const sb_symbol *want = sb_stemmer_stem(snowball, (const sb_symbol *)word, (int)n);

	if (!want) {
		check(0, "%s: libstemmer stems '%.*s'", what, (int)n, word);
		return;
	}
	compare_with(what, word, n, (const char *)want, (size_t)sb_stemmer_length(snowball));
}

/* ---- Cases ------------------------------------------------------------ */

static const struct {
	const char *description, *word, *stem;
} cases[] = {
	/* The forms a search must bring together. */
	{ .description = "a plural", .word = "packages", .stem = "packag" },
	{ .description = "-ing", .word = "packaging", .stem = "packag" },
	{ .description = "e in R2 (Step 5)", .word = "package", .stem = "packag" },
	{ .description = "-ator to -ate (Step 2), -ate in R2 (Step 4)", .word = "moderator",
	  .stem = "moder" },
	{ .description = "-ation to -ate (Step 2)", .word = "moderation", .stem = "moder" },
	{ .description = "a plural of -ator", .word = "moderators", .stem = "moder" },
	{ .description = "-s", .word = "reports", .stem = "report" },
	{ .description = "-ing after a consonant", .word = "reporting", .stem = "report" },
	{ .description = "-ings", .word = "meetings", .stem = "meet" },
	{ .description = "-ing after a double vowel", .word = "meeting", .stem = "meet" },
	{ .description = "-ation, then -ate", .word = "documentation", .stem = "document" },
	{ .description = "-ment kept out of R2", .word = "documents", .stem = "document" },

	/* Two letters or less: left as they are. */
	{ .description = "two letters", .word = "as", .stem = "as" },
	{ .description = "one letter", .word = "s", .stem = "s" },

	/* Exceptional forms, before anything else. */
	{ .description = "special change skis", .word = "skis", .stem = "ski" },
	{ .description = "special change skies", .word = "skies", .stem = "sky" },
	{ .description = "special change dying", .word = "dying", .stem = "die" },
	{ .description = "special change lying", .word = "lying", .stem = "lie" },
	{ .description = "special change tying", .word = "tying", .stem = "tie" },
	{ .description = "special -ly idly", .word = "idly", .stem = "idl" },
	{ .description = "special -ly gently", .word = "gently", .stem = "gentl" },
	{ .description = "special -ly ugly", .word = "ugly", .stem = "ugli" },
	{ .description = "special -ly early", .word = "early", .stem = "earli" },
	{ .description = "special -ly only", .word = "only", .stem = "onli" },
	{ .description = "special -ly singly", .word = "singly", .stem = "singl" },
	{ .description = "invariant sky", .word = "sky", .stem = "sky" },
	{ .description = "invariant news", .word = "news", .stem = "news" },
	{ .description = "invariant howe", .word = "howe", .stem = "howe" },
	{ .description = "invariant atlas", .word = "atlas", .stem = "atlas" },
	{ .description = "invariant cosmos", .word = "cosmos", .stem = "cosmos" },
	{ .description = "invariant bias", .word = "bias", .stem = "bias" },
	{ .description = "invariant andes", .word = "andes", .stem = "andes" },
	{ .description = "an exceptional form only as a whole word", .word = "skiing",
	  .stem = "ski" },

	/* The prelude: initial y, and y after a vowel, are consonants (Y). */
	{ .description = "initial y", .word = "youth", .stem = "youth" },
	{ .description = "y after a vowel, -ing", .word = "saying", .stem = "say" },
	{ .description = "y after a vowel, -ed", .word = "toyed", .stem = "toy" },
	{ .description = "y after a vowel, -s", .word = "monkeys", .stem = "monkey" },
	{ .description = "Y not a vowel: R1 after it", .word = "beyond", .stem = "beyond" },
	{ .description = "y after y", .word = "dyed", .stem = "dy" },

	/* R1 and R2, and the beginnings gener, commun and arsen. */
	{ .description = "gener: R1 after it", .word = "generously", .stem = "generous" },
	{ .description = "gener: -ate deleted in R2", .word = "generate", .stem = "generat" },
	{ .description = "gener: -al not in R2", .word = "generals", .stem = "general" },
	{ .description = "commun: -ication", .word = "communication", .stem = "communic" },
	{ .description = "commun: -ism not in R2", .word = "communism", .stem = "communism" },
	{ .description = "arsen: -ic not in R2", .word = "arsenic", .stem = "arsenic" },
	{ .description = "arsen: -al not in R2", .word = "arsenals", .stem = "arsenal" },

	/* Step 1a. */
	{ .description = "sses to ss", .word = "caresses", .stem = "caress" },
	{ .description = "ies after one letter to ie", .word = "ties", .stem = "tie" },
	{ .description = "ies after two letters to i", .word = "cries", .stem = "cri" },
	{ .description = "ied after one letter to ie", .word = "tied", .stem = "tie" },
	{ .description = "ied after two letters to i", .word = "spied", .stem = "spi" },
	{ .description = "s after a vowel right before it kept", .word = "gas", .stem = "gas" },
	{ .description = "s after a vowel right before it kept (this)", .word = "this",
	  .stem = "this" },
	{ .description = "s deleted", .word = "gaps", .stem = "gap" },
	{ .description = "s deleted after a vowel", .word = "kiwis", .stem = "kiwi" },
	{ .description = "us kept", .word = "bus", .stem = "bus" },
	{ .description = "ss kept", .word = "kiss", .stem = "kiss" },

	/* Exceptional forms in post-Step 1a. */
	{ .description = "inning after Step 1a", .word = "innings", .stem = "inning" },
	{ .description = "outing after Step 1a", .word = "outings", .stem = "outing" },
	{ .description = "canning", .word = "canning", .stem = "canning" },
	{ .description = "herring after Step 1a", .word = "herrings", .stem = "herring" },
	{ .description = "earring after Step 1a", .word = "earrings", .stem = "earring" },
	{ .description = "proceed after Step 1a", .word = "proceeds", .stem = "proceed" },
	{ .description = "exceed", .word = "exceed", .stem = "exceed" },
	{ .description = "succeed", .word = "succeed", .stem = "succeed" },

	/* Step 1b. */
	{ .description = "eed in R1 to ee", .word = "agreed", .stem = "agre" },
	{ .description = "eedly in R1 to ee", .word = "agreedly", .stem = "agre" },
	{ .description = "eed not in R1 kept (not ed)", .word = "feed", .stem = "feed" },
	{ .description = "ed without a vowel before it kept", .word = "bed", .stem = "bed" },
	{ .description = "ing without a vowel before it kept", .word = "sing", .stem = "sing" },
	{ .description = "-at gets e", .word = "rated", .stem = "rate" },
	{ .description = "-bl gets e", .word = "troubled", .stem = "troubl" },
	{ .description = "-iz gets e", .word = "sized", .stem = "size" },
	{ .description = "a double loses a letter", .word = "hopping", .stem = "hop" },
	{ .description = "ll is not a double here", .word = "rolling", .stem = "roll" },
	{ .description = "a short word gets e", .word = "hoped", .stem = "hope" },
	{ .description = "a short word gets e (filing)", .word = "filing", .stem = "file" },
	{ .description = "short syllable at the start", .word = "owed", .stem = "owe" },
	{ .description = "w ends no short syllable", .word = "bowed", .stem = "bow" },
	{ .description = "edly", .word = "reportedly", .stem = "report" },
	{ .description = "ingly", .word = "exceedingly", .stem = "exceed" },

	/* Step 1c. */
	{ .description = "y after a consonant to i", .word = "happy", .stem = "happi" },
	{ .description = "y after a consonant to i (cry)", .word = "cry", .stem = "cri" },
	{ .description = "y after a vowel kept", .word = "say", .stem = "say" },
	{ .description = "y after the first letter kept", .word = "bye", .stem = "bye" },

	/* Step 2. */
	{ .description = "tional to tion", .word = "conditional", .stem = "condit" },
	{ .description = "enci to ence", .word = "valency", .stem = "valenc" },
	{ .description = "anci to ance", .word = "hesitancy", .stem = "hesit" },
	{ .description = "abli to able", .word = "undeniably", .stem = "undeni" },
	{ .description = "entli to ent", .word = "differently", .stem = "differ" },
	{ .description = "izer to ize", .word = "digitizer", .stem = "digit" },
	{ .description = "ization to ize", .word = "realization", .stem = "realiz" },
	{ .description = "ational to ate", .word = "relational", .stem = "relat" },
	{ .description = "ator to ate", .word = "operator", .stem = "oper" },
	{ .description = "alism to al", .word = "feudalism", .stem = "feudal" },
	{ .description = "aliti to al", .word = "formality", .stem = "formal" },
	{ .description = "alli to al", .word = "radically", .stem = "radic" },
	{ .description = "fulness to ful", .word = "hopefulness", .stem = "hope" },
	{ .description = "ousli to ous", .word = "analogously", .stem = "analog" },
	{ .description = "ousness to ous", .word = "callousness", .stem = "callous" },
	{ .description = "iveness to ive", .word = "decisiveness", .stem = "decis" },
	{ .description = "iviti to ive", .word = "sensitivity", .stem = "sensit" },
	{ .description = "biliti to ble", .word = "sensibility", .stem = "sensibl" },
	{ .description = "bli to ble", .word = "possibly", .stem = "possibl" },
	{ .description = "ogi after l to og", .word = "archaeology", .stem = "archaeolog" },
	{ .description = "ogi not after l kept", .word = "pedagogy", .stem = "pedagogi" },
	{ .description = "fulli to ful", .word = "beautifully", .stem = "beauti" },
	{ .description = "lessli to less", .word = "hopelessly", .stem = "hopeless" },
	{ .description = "li after a valid li-ending deleted", .word = "quickly",
	  .stem = "quick" },
	{ .description = "li after another letter kept", .word = "dryly", .stem = "dryli" },

	/* Step 3. */
	{ .description = "alize to al", .word = "formalize", .stem = "formal" },
	{ .description = "icate to ic", .word = "triplicate", .stem = "triplic" },
	{ .description = "iciti to ic", .word = "electricity", .stem = "electr" },
	{ .description = "ical to ic", .word = "electrical", .stem = "electr" },
	{ .description = "ful deleted", .word = "hopeful", .stem = "hope" },
	{ .description = "ness deleted", .word = "goodness", .stem = "good" },
	{ .description = "ative in R2 deleted", .word = "formative", .stem = "format" },
	{ .description = "ative in R1, not R2, kept (then -ive)", .word = "sedative",
	  .stem = "sedat" },

	/* Step 4. */
	{ .description = "al", .word = "revival", .stem = "reviv" },
	{ .description = "ance", .word = "allowance", .stem = "allow" },
	{ .description = "ence", .word = "inference", .stem = "infer" },
	{ .description = "er", .word = "airliner", .stem = "airlin" },
	{ .description = "ic", .word = "gyroscopic", .stem = "gyroscop" },
	{ .description = "able", .word = "adjustable", .stem = "adjust" },
	{ .description = "ible", .word = "defensible", .stem = "defens" },
	{ .description = "ant", .word = "irritant", .stem = "irrit" },
	{ .description = "ement", .word = "replacement", .stem = "replac" },
	{ .description = "ment", .word = "adjustment", .stem = "adjust" },
	{ .description = "ent", .word = "dependent", .stem = "depend" },
	{ .description = "ion after t", .word = "adoption", .stem = "adopt" },
	{ .description = "ate", .word = "activate", .stem = "activ" },
	{ .description = "iti", .word = "angularity", .stem = "angular" },
	{ .description = "ous", .word = "homologous", .stem = "homolog" },
	{ .description = "ive", .word = "effective", .stem = "effect" },
	{ .description = "ize", .word = "bowdlerize", .stem = "bowdler" },
	{ .description = "a suffix out of R2 kept", .word = "national", .stem = "nation" },

	/* Step 5. */
	{ .description = "e in R2 deleted", .word = "probate", .stem = "probat" },
	{ .description = "e after a short syllable kept", .word = "rate", .stem = "rate" },
	{ .description = "e in R1 after a long syllable deleted", .word = "cease",
	  .stem = "ceas" },
	{ .description = "ll in R2 to l", .word = "controlled", .stem = "control" },
	{ .description = "ll out of R2 kept", .word = "roll", .stem = "roll" },

	/* Digits: consonants, as libstemmer has them. */
	{ .description = "a digit before s", .word = "ipv6s", .stem = "ipv6" },
	{ .description = "no vowel before s", .word = "mp3s", .stem = "mp3s" },
	{ .description = "digits only", .word = "1990s", .stem = "1990s" },
};

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i].word);

		compare_with(cases[i].description, cases[i].word, n, cases[i].stem,
		             strlen(cases[i].stem));
		compare(cases[i].description, cases[i].word, n);
	}
}

/* ---- Left unchanged ---------------------------------------------------- */

static const struct {
	const char *description, *word;
} unchanged[] = {
	{ .description = "empty", .word = "" },
	{ .description = "upper case (the caller folds it)", .word = "Packages" },
	{ .description = "UTF-8", .word = "caf\303\251s" },
	{ .description = "an apostrophe", .word = "package's" },
	{ .description = "a hyphen", .word = "re-packaging" },
	{ .description = "a space", .word = "packages " },
};

static void test_unchanged(void)
{
	char word[STEM_WORD_MAX + 2];

	for (size_t i = 0; i < sizeof unchanged / sizeof *unchanged; i++)
		compare_with(unchanged[i].description, unchanged[i].word, strlen(unchanged[i].word),
		             unchanged[i].word, strlen(unchanged[i].word));

	/* The longest word stemmed, and one byte longer: unchanged. */
	memset(word, 'a', sizeof word);
	memcpy(word + STEM_WORD_MAX - 4, "ings", 4);
	compare("STEM_WORD_MAX bytes", word, STEM_WORD_MAX);
	memcpy(word + STEM_WORD_MAX + 1 - 4, "ings", 4);
	compare_with("STEM_WORD_MAX + 1 bytes, unchanged", word, STEM_WORD_MAX + 1, word,
	             STEM_WORD_MAX + 1);
}

/* ---- The dictionary and the sample vocabulary ---------------------------- */

/*
 * The suffixes of Porter2's steps (and some of their beginnings), which
 * the dictionary's words are given in turn, for forms it does not hold.
 */
static const char suffixes[][8] = {
	"s",      "es",      "ed",     "ing",   "ly",      "edly",    "ingly",  "eed",
	"eedly",  "ied",     "ies",    "sses",  "us",      "ss",      "y",      "ness",
	"ful",    "ation",   "ational", "tional", "ization", "izer",   "ator",   "alism",
	"aliti",  "alli",    "ousli",  "ousness", "iveness", "iviti", "biliti", "bli",
	"ogi",    "logi",    "fulli",  "lessli", "li",      "enci",    "anci",   "abli",
	"entli",  "alize",   "icate",  "iciti", "ical",    "ative",   "al",     "ance",
	"ence",   "er",      "ic",     "able",  "ible",    "ant",     "ement",  "ment",
	"ent",    "ism",     "ate",    "iti",   "ous",     "ive",     "ize",    "ion",
	"sion",   "tion",    "e",      "l",     "ll",      "at",      "bl",     "iz",
};

#define SUFFIX_COUNT (sizeof suffixes / sizeof *suffixes)
#define SUFFIXES_EACH 4 /* suffixes given to each word, in turn */

/*
 * Compares every word of the dictionary made of a-z once lower-cased
 * (one line each; others are skipped), and forms of it: with each of
 * SUFFIXES_EACH suffixes, and with a digit.
 */
static void test_dictionary(void)
{
	size_t len, words = 0;
	char *text = check_read(DICTIONARY, &len);

	if (!check(text != NULL, "%s (Debian's wamerican) can be read", DICTIONARY))
		return;
	for (char *line = text, *end; line < text + len; line = end + 1) {
		char form[STEM_WORD_MAX + 1];
		size_t n, i;

		end = strchr(line, '\n');
		if (!end)
			end = text + len;
		n = (size_t)(end - line);
		for (i = 0; i < n; i++) {
			line[i] = (char)key_fold((unsigned char)line[i]);
			if ((unsigned)(line[i] - 'a') >= 26u)
				break;
		}
		if (n == 0 || i < n || n + 7 > STEM_WORD_MAX)
			continue;
		compare("the dictionary", line, n);
		for (size_t k = 0; k < SUFFIXES_EACH; k++) {
			const char *suffix = suffixes[(words * SUFFIXES_EACH + k) % SUFFIX_COUNT];

			memcpy(form, line, n);
			memcpy(form + n, suffix, strlen(suffix));
			compare("the dictionary, with a suffix", form, n + strlen(suffix));
		}
		i = words % (n + 1);
		memcpy(form, line, i);
		form[i] = (char)('0' + words % 10);
		memcpy(form + i + 1, line + i, n - i);
		compare("the dictionary, with a digit", form, n + 1);
		words++;
	}
	free(text);
	check(words > 50000, "%s: %zu words of a-z compared (more than 50,000)", DICTIONARY, words);
}

/*
 * Snowball's sample vocabulary, if installed: each word of a-z (one a
 * line), stemmed as its output (the same line of the other file) says,
 * and as libstemmer stems it.
 */
static void test_vocabulary(void)
{
	size_t vlen, slen, words = 0;
	char *voc = check_read(VOCABULARY, &vlen), *out = check_read(VOCABULARY_STEMS, &slen);
	char *v = voc, *s = out;

	if (!voc || !out) {
		printf("note: no %s (Debian's snowball-data): its words are not compared\n",
		       VOCABULARY);
		free(voc);
		free(out);
		return;
	}
	while (v < voc + vlen && s < out + slen) {
		size_t n = strcspn(v, "\n"), m = strcspn(s, "\n"), i;

		for (i = 0; i < n && (unsigned)(v[i] - 'a') < 26u; i++)
			;
		if (n > 0 && i == n && n <= STEM_WORD_MAX) {
			compare_with("Snowball's vocabulary", v, n, s, m);
			compare("Snowball's vocabulary", v, n);
			words++;
		}
		v += n + 1;
		s += m + 1;
	}
	check(v >= voc + vlen && s >= out + slen, "%s and %s have as many lines", VOCABULARY,
	      VOCABULARY_STEMS);
	check(words > 20000, "%s: %zu words compared (more than 20,000)", VOCABULARY, words);
	free(voc);
	free(out);
}

/* Every word of one to four letters a-z. */
static void test_short_words(void)
{
	char word[4];

	for (size_t n = 1; n <= sizeof word; n++) {
		size_t count = 1;

		for (size_t i = 0; i < n; i++)
			count *= 26;
		for (size_t k = 0; k < count; k++) {
			size_t x = k;

			for (size_t i = 0; i < n; i++, x /= 26)
				word[i] = (char)('a' + x % 26);
			compare("every short word", word, n);
		}
	}
}

int main(void)
{
	snowball = sb_stemmer_new("english", NULL);
	if (!check(snowball != NULL, "libstemmer has an English stemmer"))
		return check_done("stem");
	test_cases();
	test_unchanged();
	test_dictionary();
	test_vocabulary();
	test_short_words();
	if (shown > SHOWN_MAX)
		printf("(%u mismatches, %d shown)\n", shown, SHOWN_MAX);
	sb_stemmer_delete(snowball);
	return check_done("stem");
}
