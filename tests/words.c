/*
 * words.c - tests of the vocabulary page (gen/words.c): a room page of two
 * groups, and vocabulary pages, good and bad, each with the diagnostics
 * auxchan-gen gives it, exactly; then the seed's vocabulary (data/words.md)
 * against the seed, clean even with --strict.
 * Usage: words PAGE BUILDDIR, from the top of the tree.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pages.h"
#include "seed.h"

#include "words.h"

/* A room page of two groups, Go (SIGGO) and Rust, whose purposes have the
 * words "support" and "compiler". */
static const char rooms[] =
	"| Name | Purpose | Link |\n"
	"| --- | --- | --- |\n"
	"| SIG:Go General | Go support | [#SIGGO-GEN:x.org](https://matrix.to/#/#SIGGO-GEN:x.org) |\n"
	"| SIG:Go Governance | How it is run | [#SIGGO-GOV:x.org](https://matrix.to/#/#SIGGO-GOV:x.org) |\n"
	"| SIG:Rust General | The compiler | [#SIGRUST-GEN:x.org](https://matrix.to/#/#SIGRUST-GEN:x.org) |\n";

#define HEAD "| Word | Means |\n| --- | --- |\n"

static const struct {
	const char *description;
	const char *text;  /* the vocabulary page */
	int rc;            /* of words_parse() then words_check() */
	const char *diag;  /* every diagnostic, exactly */
} cases[] = {
	{ .description = "a topic, a stem and a word", .rc = 0, .diag = "",
	  .text = HEAD "| golang | Go |\n| cargo | SIGRUST |\n| rustc | compiler |\n" },
	{ .description = "a topic in another case, markup, front matter", .rc = 0, .diag = "",
	  .text = "---\ntitle: Words\n---\n# Words\n\n" HEAD "| **golang** | go |\n" },
	{ .description = "several tables, other columns", .rc = 0, .diag = "",
	  .text = "| Word | Note | Means |\n| - | - | - |\n| golang | x | Go |\n\n"
	          "| Other | Table |\n| - | - |\n| a | b |\n\n" HEAD "| cargo | Rust |\n" },
	{ .description = "no table with Word and Means", .rc = -1,
	  .text = "| Word | Meaning |\n| - | - |\n| golang | Go |\n",
	  .diag = "w.md:1: error: no vocabulary: no table has a header with Word and Means\n" },
	{ .description = "a word twice, in any case", .rc = -1,
	  .text = HEAD "| golang | Go |\n| GoLang | Go |\n",
	  .diag = "w.md:4:3: error: word 'GoLang' is also on line 3\n" },
	{ .description = "a meaning that is not on the page: left out, a warning", .rc = 0,
	  .text = HEAD "| npm | JavaScript |\n",
	  .diag = "w.md:3:9: warning: 'npm' means 'JavaScript', which is no group topic, group "
	          "stem or word of the room page: left out [vocabulary-meaning]\n" },
	{ .description = "a phrase that is no topic", .rc = 0,
	  .text = HEAD "| gc | Go support |\n",
	  .diag = "w.md:3:8: warning: 'gc' means 'Go support', which is no group topic, group stem "
	          "or word of the room page: left out [vocabulary-meaning]\n" },
	{ .description = "a chain: a meaning that is a word of the vocabulary", .rc = -1,
	  .text = HEAD "| golang | Go |\n| gopher | golang |\n",
	  .diag = "w.md:4:12: error: 'gopher' means 'golang', itself a word of the vocabulary "
	          "(line 3): a word means what the room page has\n" },
	{ .description = "a cycle", .rc = -1,
	  .text = HEAD "| aa | bb |\n| bb | aa |\n",
	  .diag = "w.md:3:8: error: 'aa' means 'bb', itself a word of the vocabulary (line 4): a "
	          "word means what the room page has\n"
	          "w.md:4:8: error: 'bb' means 'aa', itself a word of the vocabulary (line 3): a "
	          "word means what the room page has\n" },
	{ .description = "a word with a space", .rc = -1,
	  .text = HEAD "| go lang | Go |\n",
	  .diag = "w.md:3:3: error: word 'go lang' has a space: a word is one term\n" },
	{ .description = "a row without a word, one without a meaning", .rc = -1,
	  .text = HEAD "|  | Go |\n| golang |  |\n",
	  .diag = "w.md:3:3: error: row has no word\n"
	          "w.md:4:12: error: word 'golang' means nothing\n" },
	{ .description = "a word the page has already: a warning", .rc = 0,
	  .text = HEAD "| compiler | Rust |\n",
	  .diag = "w.md:3:3: warning: 'compiler' is on the room page already: the search finds it "
	          "there [vocabulary-word]\n" },
	{ .description = "an invisible character in a word", .rc = -1,
	  .text = HEAD "| go\xe2\x80\x8blang | Go |\n",
	  .diag = "w.md:3:3: error: invisible character U+200B (ZERO WIDTH SPACE) in word\n" },
};

/* words_parse() then words_check() of text against pg; the diagnostics in
 * *diag (to free). */
static int vocabulary(const struct page *pg, const char *text, char **diag, struct diag d)
{
	struct vocabulary v;
	size_t dlen;
	int rc;

	d.file = "w.md";
	d.out = open_memstream(diag, &dlen);
	rc = words_parse(&v, text, strlen(text), &d);
	if (rc == 0)
		rc = words_check(&v, pg, &d);
	fclose(d.out);
	words_free(&v);
	return rc;
}

static void test_cases(void)
{
	struct page pg;
	struct diag d = { .out = stderr, .file = "rooms.md" };

	check_num("the room page", pages_check(&pg, rooms, sizeof rooms - 1, &d), 0);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *diag;

		check_num(cases[i].description, vocabulary(&pg, cases[i].text, &diag, (struct diag){ 0 }),
		          cases[i].rc);
		check_str(cases[i].description, diag, cases[i].diag);
		free(diag);
	}
	page_free(&pg);
}

/* The seed's vocabulary against the seed: clean, --strict. */
static void test_seed(const char *page)
{
	struct page pg;
	char *diag, *text;
	size_t len;

	if (!seed_is(page)) /* the seed's vocabulary, on the seed */
		return;
	check_num("the seed", parse_page(page, &pg, &diag, (struct diag){ 0 }), 0);
	free(diag);
	text = check_read("data/words.md", &len);
	check(text != NULL, "data/words.md: cannot read it");
	if (text) {
		check_num("data/words.md, --strict",
		          vocabulary(&pg, text, &diag, (struct diag){ .strict = 1 }), 0);
		check_str("data/words.md, --strict", diag, "");
		free(diag);
	}
	free(text);
	page_free(&pg);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: words PAGE BUILDDIR\n", stderr);
		return 2;
	}
	test_cases();
	test_seed(argv[1]);
	page_cleanup();
	return check_done("words");
}
