/*
 * search.c - tests of the search (src/search.c), built from the page given
 * as argv[1]; argv[2] is the build directory.
 *
 * - Natural queries on the seed page, as people type them, with the rooms
 *   they mean.
 * - Every query of that table, and queries made of the page's own words
 *   (each word, its prefixes, its typos, pairs of words of a room, words
 *   of no room), give exactly what the reference scorer gives
 *   (tests/score.h, which shares no code with the search).
 * - Nothing in the word table is dead: each of its words, and each entry
 *   of its index of deletions (words one edit away), is reached by a
 *   query.
 * - Suggestions for queries nothing answers.
 * - No allocation during a search or a suggestion, no writable data in the
 *   search's objects.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "check.h"
#include "allocations.h"
#include "object.h"
#include "questions.h"
#include "rank.h"
#include "reference.h"
#include "seed.h"
/* The word table as the library holds it (auxchan-gen's search_data.h, of
 * the page the library is built from): its words and its index of
 * deletions are read here and by the reference (score.h), not the index of keys for suggestions. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-const-variable"
#include "search_data.h"
#pragma GCC diagnostic pop
#include "score.h"
#include "word.h"


/* The aliases of the rooms found, space-separated, in buf. */
static void aliases(const size_t *found, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", k ? " " : "",
		         auxchan_field(found[k], AUXCHAN_ALIAS));
}

/* ---- Natural queries on the seed ------------------------------------- */

#define PY "#SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org"
#define JS "#SIGJS-GEN:auxolotl.org #SIGJS-GOV:auxolotl.org"
#define DOCS "#SIGDOCS-GEN:auxolotl.org #SIGDOCS-GOV:auxolotl.org"
#define COC "#COMCOC-GEN:auxolotl.org #COMCOC-GOV:auxolotl.org"
#define HOME "#SIGHOME-GEN:auxolotl.org #SIGHOME-GOV:auxolotl.org"

static const struct {
	const char *description, *query;
	const char *rooms; /* the aliases found, space-separated; "" for none */
} natural[] = {
	{ .description = "a group and its kind", .query = "gnome sig",
	  .rooms = "#SIGGNOME-GEN:auxolotl.org #SIGGNOME-GOV:auxolotl.org" },
	{ .description = "a topic and a room's role", .query = "darwin governance",
	  .rooms = "#SIGDARWIN-GOV:auxolotl.org" },
	{ .description = "a typo: two letters swapped", .query = "javascirpt", .rooms = JS },
	{ .description = "a question in the words of a purpose",
	  .query = "how is the python sig run", .rooms = "#SIGPY-GOV:auxolotl.org" },
	{ .description = "words of a purpose", .query = "coordinate improvements",
	  .rooms = "#SIGDOCS-GEN:auxolotl.org" },
	{ .description = "no room for it", .query = "minecraft", .rooms = "" },
	{ .description = "a word in a purpose only", .query = "macos",
	  .rooms = "#SIGDARWIN-GEN:auxolotl.org" },
	{ .description = "what a committee does: its general room", .query = "moderation",
	  .rooms = "#COMCOC-GEN:auxolotl.org" },
	{ .description = "a word of one purpose", .query = "plasma",
	  .rooms = "#SIGKDE-GEN:auxolotl.org" },
	{ .description = "what marketing does", .query = "branding",
	  .rooms = "#COMMARKET-GEN:auxolotl.org" },
	{ .description = "an abbreviation: the stem without SIG", .query = "js", .rooms = JS },
	{ .description = "another abbreviation", .query = "docs", .rooms = DOCS },
	{ .description = "a committee's abbreviation: the stem without COM", .query = "coc",
	  .rooms = COC },
	{ .description = "a language and 'sig'", .query = "python sig", .rooms = PY },
	{ .description = "a name, in any case", .query = "Python General",
	  .rooms = "#SIGPY-GEN:auxolotl.org" },
	{ .description = "the name the page should have had", .query = "SIG:Python Governance",
	  .rooms = "#SIGPY-GOV:auxolotl.org" },
	{ .description = "a question, unquoted words", .query = "where can I ask about macOS",
	  .rooms = "#SIGDARWIN-GEN:auxolotl.org" },
	{ .description = "the start of a word", .query = "mac",
	  .rooms = "#SIGDARWIN-GEN:auxolotl.org" },
	{ .description = "a typo in a language", .query = "pyhton", .rooms = PY },
	{ .description = "another typo, a letter left out", .query = "haskel",
	  .rooms = "#SIGHASKELL-GEN:auxolotl.org #SIGHASKELL-GOV:auxolotl.org" },
	{ .description = "a language", .query = "rust",
	  .rooms = "#SIGRUST-GEN:auxolotl.org #SIGRUST-GOV:auxolotl.org" },
	{ .description = "asking for help with a language", .query = "haskell help",
	  .rooms = "#SIGHASKELL-GEN:auxolotl.org" },
	{ .description = "a committee's subject", .query = "security",
	  .rooms = "#COMSEC-GEN:auxolotl.org #COMSEC-GOV:auxolotl.org" },
	{ .description = "a word of a purpose, singular", .query = "logo",
	  .rooms = "#COMMARKET-GEN:auxolotl.org" },
	{ .description = "a desktop and its part", .query = "kde plasma",
	  .rooms = "#SIGKDE-GEN:auxolotl.org" },
	{ .description = "a desktop", .query = "gnome desktop",
	  .rooms = "#SIGGNOME-GEN:auxolotl.org" },
	{ .description = "a committee by its name",  .query = "steering committee",
	  .rooms = "#COMSTEER-GEN:auxolotl.org #COMSTEER-GOV:auxolotl.org" },
	{ .description = "a whole sentence of words", .query = "i want to help with documentation",
	  .rooms = DOCS },
	{ .description = "a tool of a group: the room about managing one's ~home",
	  .query = "home manager", .rooms = "#SIGHOME-GEN:auxolotl.org" },
	{ .description = "a word with a tilde", .query = "~home", .rooms = HOME },
	{ .description = "a hyphenated word", .query = "large-scale direction",
	  .rooms = "#COMSTEER-GEN:auxolotl.org" },
	{ .description = "the start of a word of a purpose", .query = "report a problem",
	  .rooms = "#COMCOC-GEN:auxolotl.org" },
	{ .description = "a group's key", .query = "cli",
	  .rooms = "#SIGCLI-GEN:auxolotl.org #SIGCLI-GOV:auxolotl.org" },
	{ .description = "the Aux CLI", .query = "aux cli", .rooms = "#SIGCLI-GEN:auxolotl.org" },
	{ .description = "packages of the core", .query = "core packages",
	  .rooms = "#SIGCORE-GEN:auxolotl.org" },
	{ .description = "a two-letter language", .query = "go sig",
	  .rooms = "#SIGGO-GEN:auxolotl.org #SIGGO-GOV:auxolotl.org" },
	{ .description = "words of a purpose", .query = "talk about security",
	  .rooms = "#COMSEC-GEN:auxolotl.org #COMSEC-GOV:auxolotl.org" },
	{ .description = "what a committee wants", .query = "make aux more secure",
	  .rooms = "#COMSEC-GEN:auxolotl.org" },
	{ .description = "the project's direction", .query = "project direction",
	  .rooms = "#COMSTEER-GEN:auxolotl.org" },
	{ .description = "a display manager", .query = "display manager",
	  .rooms = "#SIGGNOME-GEN:auxolotl.org" },
	{ .description = "a language's governance", .query = "javascript governance",
	  .rooms = "#SIGJS-GOV:auxolotl.org" },
	{ .description = "an alias: a key", .query = "#SIGPY-GEN:auxolotl.org",
	  .rooms = "#SIGPY-GEN:auxolotl.org" },
	{ .description = "a link: a key", .query = "https://matrix.to/#/#general:auxolotl.org",
	  .rooms = "#general:auxolotl.org" },
	{ .description = "a key with spaces around", .query = "  python  ", .rooms = PY },
	{ .description = "a display name: a key", .query = "Committee: Marketing Governance",
	  .rooms = "#COMMARKET-GOV:auxolotl.org" },
	{ .description = "a language and a word no room has", .query = "rust language",
	  .rooms = "#SIGRUST-GEN:auxolotl.org #SIGRUST-GOV:auxolotl.org" },
	{ .description = "a word of the topic's stem: both Security rooms", .query = "secure",
	  .rooms = "#COMSEC-GEN:auxolotl.org #COMSEC-GOV:auxolotl.org" },
	{ .description = "the project's name", .query = "auxolotl",
	  .rooms = "#general:auxolotl.org" },
	{ .description = "nothing but spaces and marks", .query = " ?! ", .rooms = "" },
	{ .description = "an empty query", .query = "", .rooms = "" },
};

/*
 * Questions the group pages answer (issue 20), as people type them, on the
 * seed built with its group pages (data/sigs.md, data/committees.md):
 * their words are those of a group's responsibility or leaders, or say
 * how a question is put ("who", "leads", "when", "meet": stop words or
 * words of no room, which leave the topic to decide).  Without the group
 * pages, a leader's handle finds nothing (without).
 */
#define CORE "#SIGCORE-GEN:auxolotl.org #SIGCORE-GOV:auxolotl.org"
#define HASKELL "#SIGHASKELL-GEN:auxolotl.org #SIGHASKELL-GOV:auxolotl.org"
#define CLI "#SIGCLI-GEN:auxolotl.org #SIGCLI-GOV:auxolotl.org"

static const struct {
	const char *description, *query;
	const char *rooms, *without; /* with the group pages, and without them */
} charter[] = {
	{ .description = "who leads a SIG", .query = "who leads the haskell sig",
	  .rooms = HASKELL, .without = HASKELL },
	{ .description = "when a SIG meets", .query = "when does the documentation sig meet",
	  .rooms = DOCS, .without = DOCS },
	{ .description = "when a SIG meets, its short name", .query = "when does the docs sig meet",
	  .rooms = DOCS, .without = DOCS },
	{ .description = "the CLI's responsibility: our fork of the Nix CLI", .query = "nix cli",
	  .rooms = CLI, .without = "#SIGCLI-GEN:auxolotl.org" },
	{ .description = "a function the Go SIG maintains", .query = "buildGoModule",
	  .rooms = "#SIGGO-GEN:auxolotl.org", .without = "#SIGGO-GEN:auxolotl.org" },
	{ .description = "a leader's handle", .query = "@vlinkz", .rooms = CORE, .without = "" },
	{ .description = "a leader's handle without its @", .query = "vlinkz", .rooms = CORE,
	  .without = "" },
	{ .description = "a handle of letters and digits", .query = "@c8h4",
	  .rooms = "#COMSEC-GEN:auxolotl.org #COMSEC-GOV:auxolotl.org", .without = "" },
	{ .description = "a leader of two groups", .query = "minion",
	  .rooms = DOCS " #COMSTEER-GEN:auxolotl.org #COMSTEER-GOV:auxolotl.org", .without = "" },
	{ .description = "who a leader is", .query = "who is ptitfred",
	  .rooms = HASKELL, .without = "" },
	{ .description = "a code span of a responsibility", .query = "home-manager",
	  .rooms = "#SIGHOME-GEN:auxolotl.org", .without = "#SIGHOME-GEN:auxolotl.org" },
	{ .description = "a code span, camelCase", .query = "haskellPackages",
	  .rooms = "#SIGHASKELL-GEN:auxolotl.org", .without = "#SIGHASKELL-GEN:auxolotl.org" },
	{ .description = "a code span before '-like'", .query = "nix-darwin",
	  .rooms = "#SIGDARWIN-GEN:auxolotl.org", .without = "#SIGDARWIN-GEN:auxolotl.org" },
	{ .description = "a word of a purpose and a responsibility: its purpose's room only",
	  .query = "macos", .rooms = "#SIGDARWIN-GEN:auxolotl.org",
	  .without = "#SIGDARWIN-GEN:auxolotl.org" },
};

static int on_seed; /* the page is the seed (seed.h) */

static int is_seed(void)
{
	return on_seed;
}

/*
 * The blind questions (tests/questions.txt, judged on the seed): a floor on
 * the rate answered right, not 100%: they measure the search, they are not
 * what it was tuned on.  The wrong answers are listed in
 * BUILDDIR/questions-wrong.txt.
 */
#define QUESTIONS_FLOOR 0.80

static void test_questions(const char *build)
{
	char path[4096];
	struct questions q;
	FILE *wrong;

	if (!is_seed())
		return;
	snprintf(path, sizeof path, "%s/questions-wrong.txt", build);
	wrong = fopen(path, "w");
	check(questions_ask(QUESTIONS_FILE, wrong, &q) == 0, "cannot read %s", QUESTIONS_FILE);
	if (wrong)
		fclose(wrong);
	printf("note: %zu of %zu blind questions answered right (%.0f%%; the others in %s)\n",
	       q.right, q.asked, q.asked ? 100.0 * q.right / q.asked : 0, path);
	check(q.asked >= 100 && q.right >= QUESTIONS_FLOOR * q.asked,
	      "blind questions: %zu of %zu right, under the floor of %.0f%%", q.right, q.asked,
	      100 * QUESTIONS_FLOOR);
}

static void test_natural(void)
{
	if (!is_seed())
		return;
	for (size_t i = 0; i < sizeof natural / sizeof *natural; i++) {
		size_t found[40], n = auxchan_search(natural[i].query, strlen(natural[i].query),
		                                     found, 40);
		char got[2048];

		aliases(found, n < 40 ? n : 40, got, sizeof got);
		check(!strcmp(got, natural[i].rooms), "%s: '%s'\n  expected: %s\n  got:      %s",
		      natural[i].description, natural[i].query, natural[i].rooms, got);
	}
	check(sizeof natural / sizeof *natural >= 40, "at least 40 natural queries");
}

/* Has the reference read group pages (tests/reference.h)? */
static int has_charters(void)
{
	for (size_t g = 0; g < ref_pg.ngroups; g++)
		if (ref_pg.groups[g].plain)
			return 1;
	return 0;
}

static void agree(const char *q, size_t n, const char *what);

static void test_charter(void)
{
	int with = has_charters();

	if (!is_seed())
		return;
	for (size_t i = 0; i < sizeof charter / sizeof *charter; i++) {
		const char *want = with ? charter[i].rooms : charter[i].without;
		size_t found[40], n = auxchan_search(charter[i].query, strlen(charter[i].query),
		                                     found, 40);
		char got[2048];

		aliases(found, n < 40 ? n : 40, got, sizeof got);
		check(!strcmp(got, want), "%s: '%s' (%s group pages)\n  expected: %s\n  got:      %s",
		      charter[i].description, charter[i].query, with ? "with" : "without", want, got);
		agree(charter[i].query, strlen(charter[i].query), "group page question");
	}
}

/* ---- Against the reference ------------------------------------------- */

static unsigned long compared;

/* The search and the reference give the same rooms for the query. */
static void agree(const char *q, size_t n, const char *what)
{
	size_t got[64], want[64], ngot, nwant, one[1];

	ngot = auxchan_search(q, n, got, 64);
	nwant = score_search(q, n, want, 64);
	compared++;
	check(ngot == nwant && !memcmp(got, want, (ngot < 64 ? ngot : 64) * sizeof *got),
	      "%s '%.*s': the search gives %zu rooms, the reference %zu", what, (int)n, q,
	      ngot, nwant);
	for (size_t k = 1; k < ngot && k < 64; k++)
		if (!check(got[k - 1] < got[k] && got[k] < auxchan_count(),
		           "%s '%.*s': rooms in range, in page order", what, (int)n, q))
			break;
	check(auxchan_search(q, n, one, ngot ? 1 : 0) == ngot && (!ngot || one[0] == got[0]),
	      "%s '%.*s': a smaller array gets the first room and the count", what, (int)n, q);
}

static int by_rooms_desc(const void *a, const void *b)
{
	size_t x = score_terms[*(const size_t *)a].rooms, y = score_terms[*(const size_t *)b].rooms;

	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * The budget of a search (include/auxchan.h): queries of the page's most
 * common words, whole and as prefixes, whose rooms add up to more than
 * AUXCHAN_SEARCH_POSTINGS or whose matches are more than
 * AUXCHAN_SEARCH_MATCHES_ALL on a large page; and queries longer than
 * AUXCHAN_SEARCH_QUERY_MAX bytes.
 */
static void test_budget(void)
{
	size_t *order = malloc((score_nterms + 1) * sizeof *order), most = 0;
	char q[4 * AUXCHAN_SEARCH_QUERY_MAX];

	for (size_t t = 0; t < score_nterms; t++)
		order[t] = t;
	qsort(order, score_nterms, sizeof *order, by_rooms_desc);
	for (size_t k = 1; k <= 3 * AUXCHAN_SEARCH_WORDS / 2 && k <= score_nterms; k++)
		for (size_t prefix = 0; prefix < 2; prefix++) {
			size_t n = 0, rooms = 0;

			for (size_t j = 0; j < k; j++) {
				const char *w = score_terms[order[j]].w;
				size_t len = strlen(w);

				if (prefix && len > AUXCHAN_SEARCH_PREFIX)
					len = AUXCHAN_SEARCH_PREFIX;
				if (n + len + 2 > sizeof q)
					break;
				n += (size_t)snprintf(q + n, sizeof q - n, "%s%.*s", n ? " " : "", (int)len, w);
				rooms += score_terms[order[j]].rooms;
			}
			if (rooms > most)
				most = rooms;
			agree(q, n, prefix ? "the most common words' prefixes" : "the most common words");
		}
	/* A long query: its words past AUXCHAN_SEARCH_QUERY_MAX bytes are not read. */
	for (size_t t = 0, n = 0; t < score_nterms && n < 3 * AUXCHAN_SEARCH_QUERY_MAX; t++) {
		n += (size_t)snprintf(q + n, sizeof q - n, "%s%s", n ? " " : "",
		                      score_terms[order[score_nterms - 1 - t]].w);
		if (n > AUXCHAN_SEARCH_QUERY_MAX - 40)
			agree(q, n, "a long query");
	}
	printf("note: budget queries of up to %zu rooms of matched words (AUXCHAN_SEARCH_POSTINGS "
	       "%d)\n", most, AUXCHAN_SEARCH_POSTINGS);
	free(order);
}

/* Queries made of the page's own words, as people mistype them too. */
static void test_reference(void)
{
	static const char *const noise[] = { "the", "xyzzy", "room", "chat", "a", "qqqq" };
	char q[600];

	/* Some 400 words of a large page: the reference is slow. */
	size_t step = score_nterms / 400 + 1;

	for (size_t i = 0; i < sizeof natural / sizeof *natural; i++)
		agree(natural[i].query, strlen(natural[i].query), "natural query");
	for (size_t t = 0; t < score_nterms; t += step) {
		const char *w = score_terms[t].w;
		size_t n = strlen(w);

		if (n > 200)
			continue;
		agree(w, n, "word");
		for (size_t k = 1; k < n; k++)
			agree(w, k, "prefix");
		for (size_t k = 0; k < n; k++) { /* a letter left out, doubled, changed */
			memcpy(q, w, k);
			memcpy(q + k, w + k + 1, n - k - 1);
			agree(q, n - 1, "typo");
			memcpy(q, w, k + 1);
			memcpy(q + k + 1, w + k, n - k);
			agree(q, n + 1, "typo");
			memcpy(q, w, n);
			q[k] = q[k] == 'z' ? 'a' : 'z';
			agree(q, n, "typo");
			if (k + 1 < n) { /* two swapped */
				memcpy(q, w, n);
				q[k] = w[k + 1], q[k + 1] = w[k];
				agree(q, n, "typo");
			}
		}
		for (size_t k = 0; k < sizeof noise / sizeof *noise; k++) {
			snprintf(q, sizeof q, "%s %s", w, noise[k]);
			agree(q, strlen(q), "word and noise");
		}
	}
	/* Two words of a room: its name's first and its purpose's last. */
	for (size_t c = 0; c < ref_pg.n; c++) {
		const char *purpose = ref_pg.rooms[c].purpose, *last = strrchr(purpose, ' ');

		snprintf(q, sizeof q, "%.*s %s", (int)strcspn(ref_pg.rooms[c].name, " :"),
		         ref_pg.rooms[c].name, last ? last + 1 : purpose);
		agree(q, strlen(q), "two words of a room");
		snprintf(q, sizeof q, "%s %s", ref_pg.rooms[c].purpose, ref_pg.rooms[c].section);
		agree(q, strlen(q), "a purpose and a section");
	}
	test_budget();
	printf("note: %lu queries compared with the reference\n", compared);
}

/* ---- Nothing in the word table dead ----------------------------------- */

/*
 * Query words that reach an entry of the word table, made from its word x
 * (n bytes) and, for an entry of the index of deletions, from the byte i
 * whose deletion it holds: x with byte i changed shares that deletion with
 * x and no other, x without byte i is that deletion.  Each writes the
 * query word in q and returns its length, 0 if it makes none.
 */
static size_t reach_same(char *q, const char *x, size_t n, size_t i)
{
	(void)i;
	memcpy(q, x, n);
	return n;
}

static size_t reach_cut(char *q, const char *x, size_t n, size_t i)
{
	(void)i;
	if (n <= AUXCHAN_SEARCH_WORD_MAX)
		return 0;
	memcpy(q, x, AUXCHAN_SEARCH_WORD_MAX);
	return AUXCHAN_SEARCH_WORD_MAX;
}

static size_t reach_changed(char *q, const char *x, size_t n, size_t i)
{
	memcpy(q, x, n);
	q[i] = (char)0xff; /* never in UTF-8: no word has it */
	return n;
}

static size_t reach_deleted(char *q, const char *x, size_t n, size_t i)
{
	memcpy(q, x, i);
	memcpy(q + i, x + i + 1, n - i - 1);
	return n - 1;
}

static const struct {
	const char *description;
	int deletion;  /* reaches an entry of the index of deletions, not a word */
	unsigned half; /* what x matches as */
	size_t (*query)(char *q, const char *x, size_t n, size_t i);
} reaches[] = {
	{ .description = "the word itself", .half = RANK_FULL, .query = reach_same },
	{ .description = "a word too long for a query: its first bytes", .half = RANK_HALF,
	  .query = reach_cut },
	{ .description = "byte i changed", .deletion = 1, .half = RANK_HALF,
	  .query = reach_changed },
	{ .description = "byte i deleted", .deletion = 1, .half = RANK_HALF,
	  .query = reach_deleted },
};

static size_t *reach_got, *reach_want;
static unsigned long reach_alone, reach_outranked;

/* The query word w (n bytes) in q, with what keeps the query from being a
 * key (then answered as auxchan_lookup() answers it): its length, 0 if
 * nothing does. */
static size_t no_key(char *q, const char *w, size_t n)
{
	static const char *const after[] = { "", ".", "!", "..." };

	for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
		memcpy(q, w, n);
		memcpy(q + n, after[k], strlen(after[k]));
		if (auxchan_lookup(q, n + strlen(after[k]), NULL, 0) == 0)
			return n + strlen(after[k]);
	}
	return 0;
}

static unsigned *reach_points; /* of each room, zero between calls */

/* Does the query (n bytes) find page word x, matched as half, as if x were
 * all it matched: the rooms where x has its most points, of that score?
 * x itself (half RANK_FULL) is matched with its stem's entry too (the
 * table's stem of x), of which a room gets the more. */
static int finds_alone(const char *q, size_t n, size_t x, unsigned half)
{
	size_t nwant = 0, got, same[2] = { x, sw_word_stem(x) }, nsame;
	unsigned score, top = 0;

	nsame = half == RANK_FULL && same[1] != x && sw_word_kind(same[1]) == WORD_PAGE ? 2 : 1;
	for (size_t k = 0; k < nsame; k++)
		for (size_t p = sw_word_first(same[k]);
		     p < sw_word_first(same[k]) + sw_word_count(same[k]); p++) {
			unsigned *r = &reach_points[sw_post_room(p)];

			if (sw_post_points(p) > *r)
				*r = sw_post_points(p);
			if (*r > top)
				top = *r;
		}
	for (size_t c = 0; c < auxchan_count(); c++) {
		if (reach_points[c] == top && top > 0)
			reach_want[nwant++] = c;
		reach_points[c] = 0;
	}
	got = auxchan_search_scored(q, n, reach_got, auxchan_count(), &score);
	return score == top * half && got == nwant &&
	       !memcmp(reach_got, reach_want, got * sizeof *reach_got);
}

/* Does the reference match page word x, as half, for a word of the query
 * (n bytes)? */
static int reference_matches(const char *q, size_t n, size_t x, unsigned half)
{
	static struct score_words_of_query words;
	const char *w = SW_POOL + sw_word_text(x);
	size_t len = sw_word_len(x);

	words.n = 0;
	score_split(q, n, score_query_word, &words);
	for (size_t i = 0; i < words.n; i++)
		for (size_t k = 0; k < words.m[i].n; k++) {
			const char *t = score_terms[words.m[i].term[k]].w;

			if (words.m[i].half[k] == half && strlen(t) == len && !memcmp(t, w, len))
				return 1;
		}
	return 0;
}

/*
 * Is the entry (named by entry) of page word x, for an entry of the index
 * of deletions x without byte i, reached by a query of reaches[]: one that
 * finds x alone (no other entry of the table can have made that answer),
 * or else, x outranked by other words that query matches, one for which
 * the reference matches x (and then the search must agree with the
 * reference)?
 */
static int reached(const char *entry, size_t x, int deletion, size_t i)
{
	const char *w = SW_POOL + sw_word_text(x);
	size_t n = sw_word_len(x);
	char word[SW_WORD_MAX + 1], q[SW_WORD_MAX + 4], what[200];

	for (int alone = 1; alone >= 0; alone--)
		for (size_t k = 0; k < sizeof reaches / sizeof *reaches; k++) {
			size_t len, qlen;

			if (reaches[k].deletion != deletion ||
			    (len = reaches[k].query(word, w, n, i)) == 0 || (qlen = no_key(q, word, len)) == 0)
				continue;
			if (alone && finds_alone(q, qlen, x, reaches[k].half)) {
				reach_alone++;
				return 1;
			}
			if (!alone && reference_matches(q, qlen, x, reaches[k].half)) {
				snprintf(what, sizeof what, "%s, %s (i = %zu)", entry, reaches[k].description, i);
				agree(q, qlen, what);
				reach_outranked++;
				return 1;
			}
		}
	return 0;
}

static void test_reached(void)
{
	char d[SW_WORD_MAX + 1], entry[64];

	reach_got = malloc((auxchan_count() + 1) * sizeof *reach_got);
	reach_want = malloc((auxchan_count() + 1) * sizeof *reach_want);
	reach_points = calloc(auxchan_count() + 1, sizeof *reach_points);
	for (size_t x = 0; x < SW_WORD_COUNT; x++) {
		if (sw_word_kind(x) != WORD_PAGE) /* stop and known words: test_word_kinds() */
			continue;
		snprintf(entry, sizeof entry, "word %zu", x);
		check(reached(entry, x, 0, 0), "%s, '%.*s': no query finds it", entry,
		      (int)sw_word_len(x), SW_POOL + sw_word_text(x));
	}
	for (size_t e = 0, count = SW_DELETION_COUNT; e < count; e++) { /* count may be 0 */
		size_t x = sw_deletion_word(e), n = sw_word_len(x), i;
		const char *w = SW_POOL + sw_word_text(x);

		for (i = 0; i < n; i++) { /* the byte whose deletion the entry holds */
			memcpy(d, w, i);
			memcpy(d + i, w + i + 1, n - i - 1);
			if (word_hash(d, n - 1) == sw_deletion_hash(e))
				break;
		}
		snprintf(entry, sizeof entry, "deletion %zu", e);
		if (check(i < n, "%s: of no byte of its word '%.*s'", entry, (int)n, w))
			check(reached(entry, x, 1, i), "%s, '%.*s' without byte %zu: no query reaches it",
			      entry, (int)n, w, i);
	}
	printf("note: %d words and %d deletions of the word table reached: %lu found alone, %lu "
	       "outranked by other words (as the reference has it)\n", SW_WORD_COUNT,
	       SW_DELETION_COUNT, reach_alone, reach_outranked);
	free(reach_got);
	free(reach_want);
	free(reach_points);
}

/* ---- Stop and known words ------------------------------------------- */

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is the folded w a whole room name, group topic or stem of the page? */
static int whole_name(const char *w)
{
	char buf[2048];

	for (size_t c = 0; c < ref_pg.n; c++) {
		const char *names[] = { ref_pg.rooms[c].name,
			                ref_pg.rooms[c].group == NO_GROUP
			                        ? "" : ref_pg.groups[ref_pg.rooms[c].group].topic };

		for (size_t k = 0; k < 2; k++) {
			size_t n = strlen(names[k]);

			for (size_t i = 0; i < n && i + 1 < sizeof buf; i++)
				buf[i] = (char)ref_fold((unsigned char)names[k][i]);
			buf[n < sizeof buf ? n : sizeof buf - 1] = '\0';
			if (!strcmp(buf, w))
				return 1;
		}
		if (ref_pg.rooms[c].group != NO_GROUP) {
			score_stem(ref_pg.rooms[c].group, buf);
			if (!strcmp(buf, w))
				return 1;
		}
	}
	return 0;
}

/*
 * The entries of the word table that are not words of the page, which the
 * reference takes from it: a stop word is never a whole name, topic or
 * stem of the page, and the words of a question's form are stop words
 * where they are not; a known word is a word of the English word list, not
 * of the page, one edit from a word of the page.
 */
static void test_word_kinds(void)
{
	static const char *const stop[] = { "the", "where", "can", "and", "on", "how", "i" };
	FILE *f = fopen("/usr/share/dict/american-english", "r");
	char line[256], **dict = NULL;
	size_t ndict = 0, nstop = 0, nknown = 0;

	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		dict = realloc(dict, (ndict + 1) * sizeof *dict);
		dict[ndict++] = strcpy(malloc(strlen(line) + 1), line);
	}
	if (f)
		fclose(f);
	check(ndict > 1000, "the English word list: %zu words", ndict);
	qsort(dict, ndict, sizeof *dict, by_string);
	for (size_t x = 0; x < SW_WORD_COUNT; x++) {
		char w[SW_WORD_MAX + 1];
		const char *key = w;

		memcpy(w, SW_POOL + sw_word_text(x), sw_word_len(x));
		w[sw_word_len(x)] = '\0';
		if (sw_word_kind(x) == WORD_STOP) {
			nstop++;
			check(!whole_name(w) && sw_word_count(x) == 0,
			      "stop word '%s': a whole name, topic or stem, or with rooms", w);
		} else if (sw_word_kind(x) == WORD_KNOWN) {
			int near = 0;

			nknown++;
			for (size_t t = 0; t < score_nterms && !near; t++)
				near = score_one_edit(w, score_terms[t].w);
			check(bsearch(&key, dict, ndict, sizeof *dict, by_string) && near &&
			      sw_word_count(x) == 0,
			      "known word '%s': not in the word list, or not one edit from the page's", w);
		}
	}
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		check(whole_name(stop[i]) || score_kind(stop[i]) == WORD_STOP,
		      "'%s' is a stop word here", stop[i]);
	if (is_seed()) {
		size_t out[4], n = auxchan_search("apple", 5, out, 4);

		check(n > 0 && strcmp(auxchan_field(out[0], AUXCHAN_ALIAS), "#COMCOC-GOV:auxolotl.org"),
		      "'apple' is not 'apply' (the moderation team's governance room)");
		check(score_kind("aplly") != WORD_KNOWN && score_kind("apples") == WORD_KNOWN,
		      "'apples' is a known word, 'aplly' a typo");
		check(score_kind("python") == WORD_PAGE && score_kind("go") == WORD_PAGE,
		      "'python' and 'go' are words of the page");
	}
	printf("note: %zu stop words and %zu known English words in the word table\n", nstop,
	       nknown);
	for (size_t i = 0; i < ndict; i++)
		free(dict[i]);
	free(dict);
}

/* ---- Suggestions ----------------------------------------------------- */

static const struct {
	const char *description, *query;
	const char *keys; /* the suggestions, comma-separated */
} suggestions[] = {
	{ .description = "a localpart cut short", .query = "sigpy-ge",
	  .keys = "SIGPY-GEN, SIGPY-GOV" },
	{ .description = "a topic with a typo", .query = "pyhton", .keys = "Python" },
	{ .description = "an alias on another server", .query = "#sigpy-gen:matrix.org",
	  .keys = "SIGPY-GEN:auxolotl.org" },
	{ .description = "far from every key", .query = "minecraft", .keys = "" },
	{ .description = "nothing", .query = "   ", .keys = "" },
};

static void test_suggest(void)
{
	if (!is_seed())
		return;
	for (size_t i = 0; i < sizeof suggestions / sizeof *suggestions; i++) {
		const char *key[AUXCHAN_SUGGEST_MAX];
		size_t len[AUXCHAN_SUGGEST_MAX], n;
		char got[512] = "";

		n = auxchan_suggest(suggestions[i].query, strlen(suggestions[i].query), key, len, 2);
		for (size_t k = 0; k < n; k++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s", k ? ", " : "",
			         (int)len[k], key[k]);
		check_str(suggestions[i].description, got, suggestions[i].keys);
	}
}

/*
 * Room references that are not keys: never answered by the words of their
 * parts ("auxolotl", "gen" would find #general), but by suggestions, the
 * room they mean first.
 */
static const struct {
	const char *description, *query, *first;
} references[] = {
	{ .description = "an alias with two letters swapped", .query = "#SIGRUTS-GEN:auxolotl.org",
	  .first = "SIGRUST-GEN:auxolotl.org" },
	{ .description = "no '#', a typo in the localpart", .query = "COMCOC-GNE:auxolotl.org",
	  .first = "COMCOC-GEN:auxolotl.org" },
	{ .description = "the wrong server", .query = "#SIGPY-GEN:auxolotl.com",
	  .first = "SIGPY-GEN:auxolotl.org" },
	{ .description = "a link to a misspelt alias",
	  .query = "https://matrix.to/#/#SIGRUTS-GEN:auxolotl.org", .first = "SIGRUST-GEN:auxolotl.org" },
	{ .description = "a link without its scheme", .query = "matrix.to/#/#SIGKDE-GOV:auxolotl.org",
	  .first = "SIGKDE-GOV:auxolotl.org" },
	{ .description = "a link over http, percent-encoded",
	  .query = "http://matrix.to/#/%23SIGKDE-GOV%3Aauxolotl.org", .first = "SIGKDE-GOV:auxolotl.org" },
};

/*
 * Checks that q is not searched, and that want is among its first `within`
 * suggestions (the first, unless the localpart is also a name or stem of
 * other rooms: their aliases come in page order).
 */
static void check_reference(const char *what, const char *q, const char *want, size_t within)
{
	size_t out[4], len[AUXCHAN_SUGGEST_MAX], n = auxchan_search(q, strlen(q), out, 4), k;
	const char *key[AUXCHAN_SUGGEST_MAX];

	check(n == 0, "%s '%s': searched, %zu rooms found", what, q, n);
	n = auxchan_suggest(q, strlen(q), key, len, within);
	for (k = 0; k < n && !(len[k] == strlen(want) && memcmp(key[k], want, len[k]) == 0); k++)
		;
	check(k < n, "%s '%s': '%s' not in its first %zu suggestions (the first: '%.*s')", what,
	      q, want, within, n ? (int)len[0] : 0, n ? key[0] : "");
}

static void test_references(void)
{
	size_t step = auxchan_count() / 100 + 1;
	char q[4 * AUXCHAN_SUGGEST_LEN_MAX];

	for (size_t i = 0; is_seed() && i < sizeof references / sizeof *references; i++)
		check_reference(references[i].description, references[i].query, references[i].first, 1);
	/* On any page: each room's alias on another server, and as a link that
	 * is not a key (no scheme; http, every byte escaped). */
	for (size_t c = 0; c < auxchan_count(); c += step) {
		const char *alias = auxchan_field(c, AUXCHAN_ALIAS);
		/* As keys are written: without the '#', unless another follows. */
		const char *key = alias + (alias[1] != '#');
		size_t lp = strcspn(alias, ":"), at;

		if (strlen(alias) + 20 > AUXCHAN_SUGGEST_LEN_MAX)
			continue;
		snprintf(q, sizeof q, "%.*s:elsewhere.invalid", (int)lp, alias);
		check_reference("an alias on another server", q, key, AUXCHAN_SUGGEST_MAX);
		for (size_t form = 0; form < 2; form++) {
			at = (size_t)snprintf(q, sizeof q, form ? "http://matrix.to/#/" : "MATRIX.to/#/");
			for (const char *p = alias; *p; p++)
				at += (size_t)snprintf(q + at, sizeof q - at, "%%%02X", (unsigned char)*p);
			check_reference(form ? "an http link" : "a link without its scheme", q, key,
			                AUXCHAN_SUGGEST_MAX);
		}
	}
}

/* The suggestions and the reference's agree, for q (n bytes). */
static void agree_suggest(const char *q, size_t n, const char *what)
{
	const char *got[AUXCHAN_SUGGEST_MAX], *want[AUXCHAN_SUGGEST_MAX];
	size_t glen[AUXCHAN_SUGGEST_MAX], wlen[AUXCHAN_SUGGEST_MAX], ng, nw, k;

	ng = auxchan_suggest(q, n, got, glen, 4);
	nw = score_suggest(q, n, want, wlen, 4);
	for (k = 0; k < ng && k < nw && ref_same(got[k], glen[k], want[k], wlen[k]); k++)
		;
	check(ng == nw && k == ng, "%s '%.*s': %zu suggestions, the reference %zu (%.*s / %.*s)",
	      what, (int)n, q, ng, nw, ng ? (int)glen[0] : 0, ng ? got[0] : "",
	      nw ? (int)wlen[0] : 0, nw ? want[0] : "");
}

/* Suggestions against the reference: keys two and three edits away. */
static void test_suggest_reference(void)
{
	size_t step = auxchan_key_count() / 150 + 1;
	char q[400];

	for (size_t i = 0; i < sizeof natural / sizeof *natural; i++)
		agree_suggest(natural[i].query, strlen(natural[i].query), "natural query");
	for (size_t i = 0; i < auxchan_key_count(); i += step) {
		size_t len;
		const char *k = auxchan_key(i, &len);

		if (len < 3 || len > 300)
			continue;
		snprintf(q, sizeof q, "%.*sxq", (int)len, k); /* two bytes more */
		agree_suggest(q, len + 2, "a key, two bytes more");
		q[len / 2] = q[len / 2] == 'z' ? 'y' : 'z'; /* and one changed */
		agree_suggest(q, len + 2, "a key, three edits");
		snprintf(q, sizeof q, "#%.*s:elsewhere.org", (int)len, k);
		agree_suggest(q, strlen(q), "a key on another server");
	}
}

/* ---- No allocation, no writable data ----------------------------------- */

static int under_valgrind(void)
{
	const char *preload = getenv("LD_PRELOAD");

	return preload && strstr(preload, "vgpreload");
}

static void test_allocation(void)
{
	const char *key[4];
	size_t found[8], len[4];
	unsigned long before = allocations;

	if (under_valgrind() || CHECK_SANITIZED)
		return;
	for (size_t i = 0; i < sizeof natural / sizeof *natural; i++) {
		auxchan_search(natural[i].query, strlen(natural[i].query), found, 8);
		auxchan_suggest(natural[i].query, strlen(natural[i].query), key, len, 4);
	}
	check_num("allocations during searches and suggestions", (long long)(allocations - before), 0);
}

/* The search's objects may call these and the library (no malloc). */
static const char *const allowed[] = {
	"memchr", "memcmp", "bcmp", "memcpy", "memmove", "memset", "strlen",
	"_GLOBAL_OFFSET_TABLE_", NULL,
};

int main(int argc, char **argv)
{
	static char outbuf[1 << 16];

	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	if (argc != 3) {
		fputs("usage: search PAGE BUILDDIR\n", stderr);
		return 2;
	}
	if (ref_load(argv[1]) != 0) {
		fprintf(stderr, "search: cannot read the page %s\n", argv[1]);
		return 2;
	}
	score_load();
	on_seed = seed_is(argv[1]);
	if (!is_seed()) {
		char what[160];

		snprintf(what, sizeof what, "the %zu natural queries and %zu suggestions written for "
		         "the seed's rooms are", sizeof natural / sizeof *natural,
		         sizeof suggestions / sizeof *suggestions);
		seed_note(argv[1], what);
	}
	test_natural();
	test_charter();
	test_questions(argv[2]);
	test_suggest();
	test_references();
	test_allocation();
	test_reference();
	test_reached();
	test_word_kinds();
	test_suggest_reference();
	object_check_module(argv[2], "search", allowed, "auxchan_");
	score_free();
	ref_free();
	return check_done("search");
}
