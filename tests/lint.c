/*
 * lint.c - tests of the checks across rows (gen/lint.c) and of the single
 * row warnings (gen/page.c): each fixture page gives exactly its
 * diagnostics, the seed page exactly its three real mistakes (when the page
 * under test, argv[1], is the seed: tests/seed.h); on these and on the page
 * under test, --strict makes them errors and --no-warn silences each.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "group.h"
#include "page.h"
#include "pages.h"
#include "seed.h"

#define P "tests/pages/"

static const struct {
	const char *file, *check, *diag;
} cases[] = {
	{ P "warn-duplicate-name.md", "duplicate-name",
	  P "warn-duplicate-name.md:5:3: warning: display name 'LOBBY' is also used on line 3 "
	  "[duplicate-name]\n"
	  P "warn-duplicate-name.md:3:3: note: 'Lobby' first used here\n" },
	{ P "warn-name-group.md", "name-group",
	  P "warn-name-group.md:4:3: warning: name 'SIG:Go Governance' is about 'Go', but "
	  "#SIGRUST-GOV:x.org is in the group 'Rust' (of line 3): did you mean "
	  "'SIG:Rust Governance'? [name-group]\n" },
	{ P "warn-purpose-group.md", "purpose-group",
	  P "warn-purpose-group.md:4:23: warning: purpose names 'JavaScript', the topic of "
	  "another group, not its own 'Go' [purpose-group]\n" },
	{ P "warn-link-text.md", "link-text",
	  P "warn-link-text.md:3:10: warning: link text '#SIGPY-GOV:x.org' is not the alias it "
	  "links to, '#SIGPY-GEN:x.org' [link-text]\n" },
	{ P "warn-many-links.md", "many-links",
	  P "warn-many-links.md:3:57: warning: Link cell has more than one https://matrix.to/#/ "
	  "link: the first is used [many-links]\n" },
	{ P "warn-extra-cells.md", "extra-cells",
	  P "warn-extra-cells.md:3:54: warning: row has more cells than the header's 2: "
	  "cmark-gfm ignores the rest [extra-cells]\n" },
	{ P "warn-empty-name.md", "empty-name",
	  P "warn-empty-name.md:3:4: warning: row has an empty Name: it cannot be found by "
	  "name [empty-name]\n" },
	{ P "warn-link-name.md", "empty-name",
	  P "warn-link-name.md:4:3: warning: name 'HTTPS://MATRIX.TO/#/@bob:x.org' is a matrix.to "
	  "link, and a query that is one is read as the room it links to: this room cannot be "
	  "found by name [empty-name]\n" },
	{ P "warn-other-server.md", "other-server",
	  P "warn-other-server.md:5:7: warning: #c:y.org is on the server 'y.org', where 2 of "
	  "the page's 3 rooms are on 'x.org' [other-server]\n" },
	{ P "warn-empty-table.md", "empty-table",
	  P "warn-empty-table.md:3:1: warning: room table has no rows [empty-table]\n" },
	{ P "warn-non-ascii-alias.md", "non-ascii-alias",
	  P "warn-non-ascii-alias.md:3:28: warning: alias '#\xd0\xb0:x.org' has characters outside "
	  "ASCII: letters of another script can look like those of a room it would impersonate "
	  "[non-ascii-alias]\n" },
	{ P "warn-stray-link.md", "stray-link",
	  P "warn-stray-link.md:7:28: warning: link to a room on a line that looks like a table "
	  "row but is not in a table (a blank line, an indented row or a heading line ends a "
	  "table): the room is not read [stray-link]\n"
	  P "warn-stray-link.md:8:19: warning: link to a room on a line that looks like a table "
	  "row but is not in a table (a blank line, an indented row or a heading line ends a "
	  "table): the room is not read [stray-link]\n" },
	{ P "non-matrix-row.md", "no-link",
	  P "non-matrix-row.md:5:24: warning: row has no https://matrix.to/#/ link in its Link "
	  "cell: skipped [no-link]\n"
	  P "non-matrix-row.md:7:27: warning: row has no https://matrix.to/#/ link in its Link "
	  "cell: skipped [no-link]\n" },
};

/* The seed's warnings, the wiki's real mistakes, each line after the name
 * of the page. */
static const char seed_diag[] =
	":38:3: warning: display name 'SIG:CLI Governance' is also used on line 37 "
	"[duplicate-name]\n"
	":37:3: note: 'SIG:CLI Governance' first used here\n"
	":38:3: warning: name 'SIG:CLI Governance' is about 'CLI', but #SIGPY-GOV:auxolotl.org is "
	"in the group 'Python' (of line 25): did you mean 'SIG:Python Governance'? [name-group]\n"
	":42:34: warning: purpose names 'JavaScript', the topic of another group, not its own "
	"'Go' [purpose-group]\n";

/* s with every ": warning: " made ": error: ". */
static char *as_errors(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	while (*s) {
		if (!strncmp(s, ": warning: ", 11)) {
			o += sprintf(o, ": error: ");
			s += 11;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

/* Pages with nothing to warn about: even --strict accepts them. */
static const char *const clean[] = {
	P "short-rows.md",      /* rows that leave out the last cells: no extra-cells */
	P "link-spellings.md",  /* room links spelt otherwise than https://matrix.to/#/ */
};

static void test_clean(void)
{
	for (size_t i = 0; i < sizeof clean / sizeof *clean; i++) {
		struct page pg;
		char *diag, what[128];

		snprintf(what, sizeof what, "%s: --strict", clean[i]);
		check_num(what, parse_page(clean[i], &pg, &diag, (struct diag){ .strict = 1 }), 0);
		check_str(what, diag, "");
		free(diag);
		page_free(&pg);
	}
}

/* s with file before each line (to free). */
static char *named(const char *file, const char *s)
{
	char *out = malloc(strlen(s) * (strlen(file) + 1) + 1), *o = out;

	for (const char *line = s; *line;) {
		size_t n = strcspn(line, "\n");

		o += sprintf(o, "%s%.*s\n", file, (int)n, line);
		line += n + (line[n] == '\n');
	}
	*o = '\0';
	return out;
}

/*
 * The page gives the diagnostics want (NULL: whatever it gives, the page
 * under test); --strict makes its warnings errors; --no-warn of each check
 * it names silences that check; every check silenced, even --strict
 * accepts it.
 */
static void check_page(const char *file, const char *want)
{
	struct page pg;
	char *diag, *got, *errors, what[128];

	snprintf(what, sizeof what, "%s: warnings", file);
	check_num(what, parse_page(file, &pg, &diag, (struct diag){ 0 }), 0);
	if (want)
		check_str(what, diag, want);
	page_free(&pg);

	snprintf(what, sizeof what, "%s: --strict", file);
	check_num(what, parse_page(file, &pg, &got, (struct diag){ .strict = 1 }),
	          strstr(diag, ": warning: ") ? -1 : 0);
	errors = as_errors(diag);
	check_str(what, got, errors);
	free(errors);
	free(got);
	page_free(&pg);

	for (const char *const *c = diag_checks; *c; c++) {
		const char *const off[] = { *c, NULL };
		char tag[64];

		snprintf(tag, sizeof tag, "[%s]", *c);
		if (!strstr(diag, tag))
			continue;
		snprintf(what, sizeof what, "%s: --no-warn=%s", file, *c);
		parse_page(file, &pg, &got, (struct diag){ .off = off });
		check(!strstr(got, tag), "%s: silenced, got: %s", what, got);
		free(got);
		page_free(&pg);
	}

	snprintf(what, sizeof what, "%s: every check silenced, --strict", file);
	check_num(what, parse_page(file, &pg, &got, (struct diag){ .strict = 1, .off = diag_checks }),
	          0);
	check_str(what, got, "");
	free(got);
	free(diag);
	page_free(&pg);
}

/*
 * The steps of group_assign() and lint_page() (group_steps) on a page of n
 * rooms, each its own group "SIG:Tk General", with one purpose naming
 * no topic: every purpose is asked about every group's topic.
 */
static unsigned long page_steps(size_t n)
{
	static const char purpose[] = "Discuss or ask for help with this topic, how you use it, "
		"what you would change, and how the group should be run today";
	size_t len = 0, cap = 64 + n * (sizeof purpose + 100);
	char *text = malloc(cap);
	struct page pg;
	struct diag d = { .file = "steps.md", .out = fopen("/dev/null", "w") };
	unsigned long before;

	len += (size_t)sprintf(text, "| Name | Purpose | Link |\n|---|---|---|\n");
	for (size_t k = 0; k < n; k++)
		len += (size_t)sprintf(text + len, "| SIG:T%zu General | %s | "
		                       "[#T%zu-GEN:x.org](https://matrix.to/#/#T%zu-GEN:x.org) |\n",
		                       k, purpose, k, k);
	page_parse(&pg, text, len, &d);
	check_num("rooms of the steps page", (long long)pg.n, (long long)n);
	before = group_steps;
	group_assign(&pg);
	lint_page(&pg, &d);
	check_num("steps page: diagnostics", d.errors + d.warnings, 0);
	fclose(d.out);
	page_free(&pg);
	free(text);
	return group_steps - before;
}

/*
 * Grouping and the checks across rows grow with the page, not its square:
 * twice the rooms, at most 2.5 times the steps (sorting's n log n leaves
 * room above 2; rooms times groups would give 4).
 */
static void test_steps(void)
{
	unsigned long one = page_steps(2000), two = page_steps(4000);

	check(two <= one * 5 / 2, "2000 rooms: %lu steps, 4000 rooms: %lu steps (%.2f times): "
	      "expected at most 2.5 times", one, two, (double)two / (double)one);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: lint PAGE BUILDDIR\n", stderr);
		return 2;
	}
	test_clean();
	test_steps();
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char tag[64];

		snprintf(tag, sizeof tag, "[%s]", cases[i].check);
		check(strstr(cases[i].diag, tag) != NULL, "%s: a page of the check %s", cases[i].file,
		      cases[i].check);
		check_page(cases[i].file, cases[i].diag);
	}
	if (seed_is(argv[1])) {
		char *want = named(argv[1], seed_diag);

		check_page(argv[1], want);
		free(want);
	} else {
		seed_note(argv[1], "the seed's own warnings (the wiki's three mistakes, line by line) "
		          "are");
		check_page(argv[1], NULL);
	}
	page_cleanup();
	return check_done("lint");
}
