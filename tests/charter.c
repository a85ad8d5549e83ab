/*
 * charter.c - tests of the group pages (gen/charter.c): small pages through
 * charter_parse() and charter_join(), with every diagnostic, exactly, and
 * the fields each group gets; the catalogue of bad group pages
 * (tests/bad/groups/), refused by auxchan-gen with exactly these lines and
 * nothing written; then the library's groups (auxchan_group_*) against the
 * group pages the build was made with (TEST_GROUP_PAGES, the make variable
 * GROUP_PAGES): on any page, byte for byte what the generator read; on the
 * seed's pages, what an independent reading of them says (its own table
 * reader, no cmark-gfm, no code of the generator), and the seed's facts;
 * on the hostile group page, every field as written by hand; with no group
 * page, every field empty.
 * Usage: charter PAGE BUILDDIR, from the top of the tree.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "auxchan.h"
#include "charter.h"
#include "index.h"
#include "check.h"
#include "pages.h"
#include "run.h"
#include "seed.h"

#ifndef TEST_GROUP_PAGES
#error "TEST_GROUP_PAGES: the group pages of the build, as the Makefile defines it"
#endif

/* ---- Small pages: charter_parse() and charter_join() --------------------- */

/* A room page of three groups: Go (SIGGO, two rooms), Security (COMSEC)
 * and Code of Conduct (COMCOC). */
static const char rooms[] =
	"| Name | Purpose | Link |\n"
	"| --- | --- | --- |\n"
	"| SIG:Go General | Go support | [#SIGGO-GEN:x.org](https://matrix.to/#/#SIGGO-GEN:x.org) |\n"
	"| SIG:Go Governance | How it is run | [#SIGGO-GOV:x.org](https://matrix.to/#/#SIGGO-GOV:x.org) |\n"
	"| Committee: Security General | Reports | [#COMSEC-GEN:x.org](https://matrix.to/#/#COMSEC-GEN:x.org) |\n"
	"| Committee: Code of Conduct General | Moderation | "
	"[#COMCOC-GEN:x.org](https://matrix.to/#/#COMCOC-GEN:x.org) |\n";

#define GROUPS "| Name | Responsibility | Current Leaders |\n| --- | --- | --- |\n"
#define MEETINGS "| SIG | Meeting Time | Meeting length | Join Link |\n| --- | --- | --- | --- |\n"
/* Rows for the two committees, so that only Go is the case's business. */
#define COMMITTEES "| Security | Audits | @s |\n| Code of Conduct | Moderates | @m |\n"
#define GO_ROW "| Go | Maintains Go | @a |\n"
#define NO_HANDLE "which is no handle: write handles like @name, separated by commas"
#define NO_ROOMS "has no rooms: no group of rooms has that topic [unjoined-group]"
#define DONE_COMMITTEES \
	"Security: Audits\n  row g1.md\n  leader @s\n" \
	"Code of Conduct: Moderates\n  row g1.md\n  leader @m\n"

static const struct {
	const char *description;
	const char *page[2];  /* the group pages g1.md and g2.md (NULL: none) */
	int rc;               /* 0, or -1: an error was reported */
	const char *diag;     /* every diagnostic, exactly */
	const char *groups;   /* the groups with a row or a meeting, as dump() writes them */
	int rows_warn;        /* [no-group-row] is reported (else silenced) */
} cases[] = {
	{ .description = "a group row and a meeting: every field, link targets kept",
	  .page = { GROUPS "| Go | Maintains [buildGoModule](https://go.dev/) and `gopls` | "
	            "@a, @b.c |\n" COMMITTEES "\n" MEETINGS "| Go | Mondays at 10:00 "
	            "([UTC](https://time.is/UTC)) | 1 hour | [Go on Jitsi](https://meet.jit.si/Go) |\n" },
	  .diag = "",
	  .groups = "Go: Maintains buildGoModule <https://go.dev/> and gopls\n  row g1.md\n"
	            "  plain: Maintains buildGoModule and gopls\n  leader @a\n  leader @b.c\n"
	            "  meeting Mondays at 10:00 (UTC <https://time.is/UTC>) | 1 hour | Go on Jitsi | "
	            "https://meet.jit.si/Go\n" DONE_COMMITTEES },
	{ .description = "'[Security]' is Security, `Code of Conduct` is Code of Conduct, case "
	                 "ignored",
	  .page = { GROUPS "| GO | Go things | |\n| [Security] | Audits | @s |\n"
	            "| `Code of Conduct` | Moderates | @m |\n\n"
	            "| Committee | Meeting Time | Meeting length | Join Link |\n| - | - | - | - |\n"
	            "| [Security](/community/security.md) | Thursdays | | |\n"
	            "| **code of CONDUCT** | Fridays | 2 hours | [room](https://x.org/r) |\n" },
	  .diag = "",
	  .groups = "Go: Go things\n  row g1.md\n"
	            "Security: Audits\n  row g1.md\n  leader @s\n  meeting Thursdays |  |  | \n"
	            "Code of Conduct: Moderates\n  row g1.md\n  leader @m\n"
	            "  meeting Fridays | 2 hours | room | https://x.org/r\n" },
	{ .description = "two pages, meetings in page order, a group meeting twice",
	  .page = { GROUPS GO_ROW "\n" MEETINGS "| Go | Mondays | | |\n",
	            GROUPS COMMITTEES "\n" MEETINGS "| Go | Tuesdays | | |\n| go | Fridays | | |\n" },
	  .diag = "",
	  .groups = "Go: Maintains Go\n  row g1.md\n  leader @a\n  meeting Mondays |  |  | \n"
	            "  meeting Tuesdays |  |  | \n  meeting Fridays |  |  | \n"
	            "Security: Audits\n  row g2.md\n  leader @s\n"
	            "Code of Conduct: Moderates\n  row g2.md\n  leader @m\n" },
	{ .description = "a group named twice on one page", .rc = -1,
	  .page = { GROUPS GO_ROW COMMITTEES "| go | Again | @b |\n" },
	  .diag = "g1.md:6:3: error: group 'go' is named twice: also on g1.md:3\n" },
	{ .description = "a group named twice, on two pages", .rc = -1,
	  .page = { GROUPS GO_ROW COMMITTEES, GROUPS "| [Go] | Again | @b |\n" },
	  .diag = "g2.md:3:3: error: group 'Go' is named twice: also on g1.md:3\n" },
	{ .description = "a row with too many cells: a pipe in the responsibility moves the "
	                 "leaders", .rc = -1,
	  .page = { GROUPS "| Go | Maintains a|b | @a |\n" COMMITTEES },
	  .diag = "g1.md:3:24: warning: row has more cells than the header's 3: cmark-gfm ignores "
	          "the rest [extra-cells]\n"
	          "g1.md:3:20: error: leaders cell holds 'b', " NO_HANDLE "\n" },
	{ .description = "a row with too many cells, the extra one dropped: a warning",
	  .page = { GROUPS "| Go | Maintains Go | @a | @b |\n" COMMITTEES },
	  .diag = "g1.md:3:28: warning: row has more cells than the header's 3: cmark-gfm ignores "
	          "the rest [extra-cells]\n",
	  .groups = "Go: Maintains Go\n  row g1.md\n  leader @a\n" DONE_COMMITTEES },
	{ .description = "leaders cells that are not handles", .rc = -1,
	  .page = { GROUPS "| Go | x | vlinkz |\n| Security | x | @a @b |\n"
	            "| Code of Conduct | x | @a,, @b |\n| Other | x | @ |\n| More | x | @a!b |\n" },
	  .diag = "g1.md:3:12: error: leaders cell holds 'vlinkz', " NO_HANDLE "\n"
	          "g1.md:4:18: error: leaders cell holds '@a @b', " NO_HANDLE "\n"
	          "g1.md:5:25: error: leaders cell holds '', " NO_HANDLE "\n"
	          "g1.md:6:15: error: leaders cell holds '@', " NO_HANDLE "\n"
	          "g1.md:7:14: error: leaders cell holds '@a!b', " NO_HANDLE "\n" },
	{ .description = "a leader in markup is a handle", .page = { GROUPS "| Go | x | `@a`, "
	            "**@b** |\n" COMMITTEES },
	  .diag = "", .groups = "Go: x\n  row g1.md\n  leader @a\n  leader @b\n" DONE_COMMITTEES },
	{ .description = "an empty name, in a group table and in a meeting table", .rc = -1,
	  .page = { GROUPS "|  | Nothing | @a |\n| [] | Brackets | |\n\n" MEETINGS "| | Mondays | | |\n" },
	  .diag = "g1.md:3:3: error: row has no group name\n"
	          "g1.md:4:3: error: row has no group name\n"
	          "g1.md:8:2: error: row has no group name\n" },
	{ .description = "a meeting of an unknown group: a warning",
	  .page = { GROUPS GO_ROW COMMITTEES "\n" MEETINGS "| Gopher | Mondays | | |\n" },
	  .diag = "g1.md:9:3: warning: meeting of 'Gopher', which is the topic of no group of "
	          "rooms: not shown [unjoined-meeting]\n",
	  .groups = "Go: Maintains Go\n  row g1.md\n  leader @a\n" DONE_COMMITTEES },
	{ .description = "a group row with no rooms: a warning",
	  .page = { GROUPS GO_ROW COMMITTEES "| Rust | Maintains Rust | |\n" },
	  .diag = "g1.md:6:3: warning: group 'Rust' " NO_ROOMS "\n",
	  .groups = "Go: Maintains Go\n  row g1.md\n  leader @a\n" DONE_COMMITTEES },
	{ .description = "a room group with no row: a warning at its first room",
	  .page = { GROUPS GO_ROW }, .rows_warn = 1,
	  .diag = "rooms.md:5:3: warning: group 'Security' (COMSEC) is on no group page: its rooms "
	          "are shown without what it does [no-group-row]\n"
	          "rooms.md:6:3: warning: group 'Code of Conduct' (COMCOC) is on no group page: its "
	          "rooms are shown without what it does [no-group-row]\n",
	  .groups = "Go: Maintains Go\n  row g1.md\n  leader @a\n" },
	{ .description = "a meeting alone is no row", .page = { GROUPS COMMITTEES "\n" MEETINGS
	            "| Go | Mondays | | |\n" }, .rows_warn = 1,
	  .diag = "rooms.md:3:3: warning: group 'Go' (SIGGO) is on no group page: its rooms are "
	          "shown without what it does [no-group-row]\n",
	  .groups = "Go: \n  meeting Mondays |  |  | \n" DONE_COMMITTEES },
	{ .description = "no group table", .rc = -1,
	  .page = { "# SIGs\n\n| Name | Purpose |\n| - | - |\n| Go | x |\n" },
	  .diag = "g1.md:1: error: no group table: no table has a header with 'Name' and "
	          "'Responsibility' columns, or a 'Meeting Time' column\n" },
	{ .description = "the page's own limits: a control character", .rc = -1,
	  .page = { GROUPS "| Go | a\x01 | |\n" },
	  .diag = "g1.md:3:9: error: control character U+0001: the page must be text without "
	          "control characters but tabs\n" },
	{ .description = "a join link's target with a control or an invisible character (entities)",
	  .rc = -1, .page = { MEETINGS "| Go | Mondays | | [j](https://x.org/&#27;[31m) |\n"
	                      "| Go | Fridays | | [j](https://x.org/&#x200B;) |\n" },
	  .diag = "g1.md:3:20: error: control character U+001B in join link's target\n"
	          "g1.md:4:20: error: invisible character U+200B (ZERO WIDTH SPACE) in join link's "
	          "target\n" },
	{ .description = "front matter, other tables, columns in another order",
	  .page = { "---\ntitle: SIGs\n---\n\n| Other | Table |\n| - | - |\n| a | b |\n\n"
	            "| Current Leaders | Name | Responsibility |\n| - | - | - |\n| @z | Go | x |\n\n"
	            GROUPS COMMITTEES },
	  .diag = "", .groups = "Go: x\n  row g1.md\n  leader @z\n" DONE_COMMITTEES },
};

/* The groups of pg with a row or a meeting, one field a line (to free). */
static char *dump(const struct page *pg)
{
	char *s;
	size_t n;
	FILE *f = open_memstream(&s, &n);

	for (size_t g = 0; g < pg->ngroups; g++) {
		const struct group *x = &pg->groups[g];

		if (!x->file && !x->nmeetings)
			continue;
		fprintf(f, "%s: %s\n", x->topic, x->responsibility ? x->responsibility : "");
		if (x->file)
			fprintf(f, "  row %s\n", x->file);
		if (x->plain && strcmp(x->plain, x->responsibility))
			fprintf(f, "  plain: %s\n", x->plain);
		for (size_t k = 0; k < x->nleaders; k++)
			fprintf(f, "  leader %s\n", x->leaders[k]);
		for (size_t k = 0; k < x->nmeetings; k++)
			fprintf(f, "  meeting %s | %s | %s | %s\n", x->meetings[k].time,
			        x->meetings[k].length, x->meetings[k].join, x->meetings[k].url);
	}
	fclose(f);
	return s;
}

/*
 * What auxchan-gen does with group pages (gen.c's read_groups()): each
 * page through charter_parse(), then charter_join() to the room page pg
 * (rooms.md), even after an error (every error at once).  The diagnostics
 * in *diag (to free).
 */
static int join_pages(struct page *pg, const char *const *text, size_t n, int rows_warn,
                      char **diag)
{
	static const char *const off[] = { "no-group-row", NULL };
	static const char *const file[] = { "g1.md", "g2.md", "g3.md" };
	struct charters c = { 0 };
	size_t dlen;
	struct diag d = { .off = rows_warn ? NULL : off };
	int rc = 0;

	d.out = open_memstream(diag, &dlen);
	for (size_t i = 0; i < n; i++) {
		d.file = file[i];
		if (charter_parse(&c, file[i], text[i], strlen(text[i]), &d) != 0)
			rc = -1;
	}
	if (charter_join(&c, pg, "rooms.md", &d) != 0)
		rc = -1;
	charter_free(&c);
	fclose(d.out);
	return rc;
}

/* The room page of the cases, read as auxchan-gen reads it. */
static void read_rooms(struct page *pg)
{
	struct diag d = { .out = stderr, .file = "rooms.md" };

	if (pages_check(pg, rooms, sizeof rooms - 1, &d) != 0) {
		fputs("charter: the cases' room page is refused\n", stderr);
		exit(2);
	}
}

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct page pg;
		char *diag, *groups;
		size_t n = cases[i].page[1] ? 2 : 1;
		int rc;

		read_rooms(&pg);
		rc = join_pages(&pg, cases[i].page, n, cases[i].rows_warn, &diag);
		check_num(cases[i].description, rc, cases[i].rc);
		check_str(cases[i].description, diag, cases[i].diag);
		if (rc == 0) {
			groups = dump(&pg);
			check_str(cases[i].description, groups, cases[i].groups);
			free(groups);
		}
		free(diag);
		page_free(&pg);
	}
}

/* A group page of a Go row with `leaders` handles and `meetings` meetings. */
static char *limit_page(unsigned leaders, unsigned meetings)
{
	char *s;
	size_t n;
	FILE *f = open_memstream(&s, &n);

	fputs(GROUPS "| Go | x | ", f);
	for (unsigned i = 0; i < leaders; i++)
		fprintf(f, "%s@l%u", i ? ", " : "", i);
	fputs(" |\n" COMMITTEES "\n" MEETINGS, f);
	for (unsigned i = 0; i < meetings; i++)
		fprintf(f, "| Go | Day %u | | |\n", i);
	fclose(f);
	return s;
}

/* CHARTER_MAX_LEADERS and CHARTER_MAX_MEETINGS pass; one more is refused. */
static void test_limits(void)
{
	static const struct {
		const char *description;
		unsigned leaders, meetings;
		int rc;
		const char *diag;
	} limits[] = {
		{ "64 leaders and 16 meetings: the limits", CHARTER_MAX_LEADERS, CHARTER_MAX_MEETINGS, 0,
		  "" },
		{ "65 leaders", CHARTER_MAX_LEADERS + 1, 1, -1,
		  "g1.md:3:12: error: more than 64 leaders in one cell\n" },
		{ "17 meetings", 1, CHARTER_MAX_MEETINGS + 1, -1,
		  "g1.md:25:3: error: group 'Go' has more than 16 meetings\n" },
	};

	for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
		struct page pg;
		char *text = limit_page(limits[i].leaders, limits[i].meetings), *diag;
		const char *pages[] = { text };
		int rc;

		read_rooms(&pg);
		rc = join_pages(&pg, pages, 1, 0, &diag);
		check_num(limits[i].description, rc, limits[i].rc);
		check_str(limits[i].description, diag, limits[i].diag);
		if (rc == 0) {
			check_num("leaders", (long long)pg.groups[0].nleaders, limits[i].leaders);
			check_num("meetings", (long long)pg.groups[0].nmeetings, limits[i].meetings);
		}
		free(diag);
		free(text);
		page_free(&pg);
	}
}

/*
 * The steps of charter_join() (group_steps, index_steps) for n rooms,
 * each a group of the topic X, and a group page of X's row and n meetings
 * of X: every meeting names every group.  Nothing is joined past the
 * first CHARTER_MAX_MEETINGS meetings.
 */
static unsigned long join_steps(size_t n)
{
	char *rooms_text = malloc(64 + n * 100), *groups_text = malloc(256 + n * 32), *diag;
	const char *pages[] = { groups_text };
	size_t len = 0, glen = 0;
	struct diag d = { .file = "steps.md", .out = fopen("/dev/null", "w") };
	struct page pg;
	unsigned long before;

	len += (size_t)sprintf(rooms_text, "| Name | Purpose | Link |\n|---|---|---|\n");
	for (size_t k = 0; k < n; k++)
		len += (size_t)sprintf(rooms_text + len, "| SIG:X General | p | "
		                       "[#T%zu-GEN:x.org](https://matrix.to/#/#T%zu-GEN:x.org) |\n", k, k);
	glen += (size_t)sprintf(groups_text, "| Name | Responsibility |\n|---|---|\n| X | x |\n\n"
	                        "| SIG | Meeting Time |\n|---|---|\n");
	for (size_t k = 0; k < n; k++)
		glen += (size_t)sprintf(groups_text + glen, "| X | t%zu |\n", k);
	pages_check(&pg, rooms_text, len, &d);
	check_num("groups of the steps page", (long long)pg.ngroups, (long long)n);
	before = group_steps + index_steps;
	join_pages(&pg, pages, 1, 0, &diag);
	before = group_steps + index_steps - before;
	check_num("steps page: every group has the most meetings",
	          (long long)pg.groups[n - 1].nmeetings, CHARTER_MAX_MEETINGS);
	free(diag);
	fclose(d.out);
	page_free(&pg);
	free(rooms_text);
	free(groups_text);
	return before;
}

/* Joining grows with the pages, not their product: twice the groups and
 * the meetings, at most 2.5 times the steps (their product would give 4). */
static void test_steps(void)
{
	unsigned long one = join_steps(1000), two = join_steps(2000);

	check(two <= one * 5 / 2, "joining 2,000 groups and meetings: %lu steps, 1,000: %lu",
	      two, one);
}

/* The room page's limits of what reaches libyaml and cmark-gfm (page.h)
 * hold for a group page: it goes through the same steps. */
static void test_parser_limits(void)
{
	static const struct {
		const char *description, *head, *unit, *tail;
		unsigned repeat;
		const char *diag;
	} limits[] = {
		{ "front matter nested 65 deep", "---\nx: ", "[", "\n---\n" GROUPS GO_ROW, 65,
		  "g1.md:2:67: error: front matter nests mappings and sequences deeper than 64 levels: "
		  "over the limit\n" },
		{ "a line of 16,385 bytes", GROUPS "| Go | ", "x", " | |\n", 16385 - 11,
		  "g1.md:3:16385: error: line is 16385 bytes long, over the limit of 16384\n" },
		{ "a table of 65 columns", "| Name | Responsibility |", " x |", "\n", 63, NULL },
	};

	for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
		struct page pg;
		char *text, *diag;
		size_t n;
		FILE *f = open_memstream(&text, &n);

		fputs(limits[i].head, f);
		for (unsigned k = 0; k < limits[i].repeat; k++)
			fputs(limits[i].unit, f);
		fputs(limits[i].tail, f);
		if (!limits[i].diag) { /* the delimiter row of as many columns */
			fputs("|", f);
			for (unsigned k = 0; k < limits[i].repeat + 2; k++)
				fputs(" - |", f);
			fputs("\n", f);
		}
		fclose(f);
		read_rooms(&pg);
		check_num(limits[i].description, join_pages(&pg, (const char *const[]){ text }, 1, 0,
		                                            &diag), -1);
		check_str(limits[i].description, diag, limits[i].diag ? limits[i].diag :
		          "g1.md:2:1: error: table delimiter row of 65 columns, over the limit of 64\n");
		free(diag);
		free(text);
		page_free(&pg);
	}
}

/* ---- The catalogue of bad group pages -------------------------------- */

#define BG "tests/bad/groups/"
#define GROUP_ROOMS "tests/pages/group-rooms.md"
#define GEN "auxchan-gen: "
#define NONE ", nothing written\n"

/* Each is refused by auxchan-gen --groups=FILE on GROUP_ROOMS with exactly
 * these lines on standard error, and nothing written. */
static const struct {
	const char *file, *diag;
} bad[] = {
	{ BG "duplicate-group.md", BG "duplicate-group.md:15:3: error: group 'python' is named "
	  "twice: also on " BG "duplicate-group.md:12\n" GEN BG "duplicate-group.md: 1 error" NONE },
	{ BG "too-many-cells.md", BG "too-many-cells.md:12:47: warning: row has more cells than "
	  "the header's 3: cmark-gfm ignores the rest [extra-cells]\n"
	  BG "too-many-cells.md:12:41: error: leaders cell holds 'pip', " NO_HANDLE "\n"
	  GEN BG "too-many-cells.md: 1 error and 1 warning" NONE },
	{ BG "leaders-not-handles.md", BG "leaders-not-handles.md:14:43: error: leaders cell holds "
	  "'Jane Doe', " NO_HANDLE "\n" GEN BG "leaders-not-handles.md: 1 error" NONE },
	{ BG "empty-name.md", BG "empty-name.md:13:3: error: row has no group name\n"
	  GEN BG "empty-name.md: 1 error" NONE },
};

static void test_bad(const char *build)
{
	char gen[4096], dir[4200], err[4200], arg[512];
	struct stat st;

	snprintf(gen, sizeof gen, "%s/auxchan-gen", build);
	snprintf(dir, sizeof dir, "%s/tests/charter-bad", build);
	snprintf(err, sizeof err, "%s/tests/charter-bad.err", build);
	mkdir(dir, 0755);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *argv[] = { gen, arg, "-o", dir, GROUP_ROOMS, NULL }, *got, room_data[4300];

		snprintf(arg, sizeof arg, "--groups=%s", bad[i].file);
		snprintf(room_data, sizeof room_data, "%s/room_data.h", dir);
		remove(room_data);
		check_num(bad[i].file, spawn(argv, "/dev/null", err), 1);
		got = check_read(err, NULL);
		check_str(bad[i].file, got, bad[i].diag);
		check(stat(room_data, &st) != 0, "%s: nothing written", bad[i].file);
		free(got);
	}
	/* The room page of the catalogue is clean, with its group page. */
	snprintf(arg, sizeof arg, "--groups=tests/pages/group-page.md");
	check_num("the catalogue's room page, --strict",
	          spawn((char *[]){ gen, "--strict", arg, "--check", GROUP_ROOMS, NULL }, "/dev/null",
	                err), 0);
}

/* ---- The library against the group pages of the build ----------------- */

#define MAX_PAGES 16

/* The build's group pages (TEST_GROUP_PAGES), split at spaces. */
static char pages_buf[] = TEST_GROUP_PAGES;
static const char *group_page[MAX_PAGES];
static size_t ngroup_pages;

static void split_pages(void)
{
	for (char *p = strtok(pages_buf, " "); p && ngroup_pages < MAX_PAGES; p = strtok(NULL, " "))
		group_page[ngroup_pages++] = p;
}

/* Checks the library's group g against what the generator gives it, x. */
static void check_group(size_t g, const struct group *x, const struct page *pg)
{
	char what[256];
	size_t out[64], n = auxchan_group_rooms(g, out, 64), rooms = 0;

	snprintf(what, sizeof what, "group %zu (%s)", g, x->topic);
	check_str(what, auxchan_group_field(g, AUXCHAN_GROUP_TOPIC), x->topic);
	check(!strncmp(auxchan_group_field(g, AUXCHAN_GROUP_STEM), pg->rooms[x->first].alias + 1,
	               x->stemlen) && strlen(auxchan_group_field(g, AUXCHAN_GROUP_STEM)) == x->stemlen,
	      "%s: stem", what);
	check_str(what, auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY),
	          x->responsibility ? x->responsibility : "");
	check_num(what, (long long)auxchan_group_leader_count(g), (long long)x->nleaders);
	for (size_t k = 0; k < x->nleaders; k++)
		check_str(what, auxchan_group_leader(g, k), x->leaders[k]);
	check(auxchan_group_leader(g, x->nleaders) == NULL, "%s: no leader after the last", what);
	check_num(what, (long long)auxchan_group_meeting_count(g), (long long)x->nmeetings);
	for (size_t k = 0; k < x->nmeetings; k++) {
		const struct meeting *m = &x->meetings[k];

		check_str(what, auxchan_group_meeting(g, k, AUXCHAN_MEETING_TIME), m->time);
		check_str(what, auxchan_group_meeting(g, k, AUXCHAN_MEETING_LENGTH), m->length);
		check_str(what, auxchan_group_meeting(g, k, AUXCHAN_MEETING_JOIN), m->join);
		check_str(what, auxchan_group_meeting(g, k, AUXCHAN_MEETING_URL), m->url);
	}
	check(auxchan_group_meeting(g, x->nmeetings, AUXCHAN_MEETING_TIME) == NULL,
	      "%s: no meeting after the last", what);
	/* Its rooms: those whose group it is, in page order. */
	for (size_t i = 0; i < pg->n; i++)
		if (pg->rooms[i].group == g) {
			check(rooms < n && rooms < 64 && out[rooms] == i, "%s: room %zu", what, i);
			check_num(what, (long long)auxchan_group_of(i), (long long)g);
			rooms++;
		}
	check_num(what, (long long)n, (long long)rooms);
}

/*
 * The page and the build's group pages read in process, as auxchan-gen
 * read them; every group of the library holds its fields byte for byte.
 * Without group pages every field is empty.  Returns the page (to free).
 */
static void test_library(const char *page, struct page *pg)
{
	const char *text[MAX_PAGES];
	char *diag = NULL;
	struct charters c = { 0 };
	struct diag d = { 0 };
	size_t dlen;
	int rc;

	check_num(page, parse_page(page, pg, &diag, (struct diag){ 0 }), 0);
	free(diag);
	d.out = open_memstream(&diag, &dlen);
	for (size_t i = 0; i < ngroup_pages; i++) {
		size_t len = 0;
		char *t = check_read(group_page[i], &len);

		if (!check(t != NULL, "%s: cannot read it", group_page[i]))
			exit(2);
		d.file = group_page[i];
		charter_parse(&c, group_page[i], t, len, &d);
		text[i] = t;
	}
	rc = charter_join(&c, pg, page, &d);
	charter_free(&c);
	fclose(d.out);
	check_num("the group pages of the build join", rc, 0);
	free(diag);
	for (size_t i = 0; i < ngroup_pages; i++)
		free((char *)text[i]);

	check_num("groups", (long long)auxchan_group_count(), (long long)pg->ngroups);
	for (size_t g = 0; g < pg->ngroups && g < auxchan_group_count(); g++) {
		check_group(g, &pg->groups[g], pg);
		if (!ngroup_pages) /* the build without group pages */
			check(!*auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY) &&
			      !auxchan_group_leader_count(g) && !auxchan_group_meeting_count(g),
			      "no group pages: group %zu has no field", g);
	}
	check(auxchan_group_field(auxchan_group_count(), AUXCHAN_GROUP_TOPIC) == NULL,
	      "no group after the last");
	check_num("no room past the last", (long long)auxchan_group_of(pg->n),
	          (long long)AUXCHAN_NO_GROUP);
}

/* ---- An independent reading of the group pages ------------------------- */

/*
 * The reading of a person: a table is a line of cells between '|' followed
 * by a line of dashes; a cell is its text with `code` and **strong** marks
 * left out, a link [text](url) read "text <url>" (or "text" plainly), and
 * spaces collapsed.  Enough for the wiki's pages; no cmark-gfm.
 */
#define IND_MAX_ROWS 256
#define IND_CELLS 8

struct ind_row {
	char cell[IND_CELLS][1024];   /* with link targets */
	char plain[IND_CELLS][1024];  /* without */
	char url[IND_CELLS][1024];    /* the first link's target */
	int ncells, meeting;
	int col[4];                   /* name, responsibility or time, leaders or length, join */
};

static struct ind_row ind[IND_MAX_ROWS];
static size_t nind;

/* Reduces the markup of the cell s (n bytes) into r's cell k. */
static void ind_cell(struct ind_row *r, int k, const char *s, size_t n)
{
	char *out = r->cell[k], *plain = r->plain[k];
	size_t o = 0, p = 0;

	for (size_t i = 0; i < n && o < 1000 && p < 1000; i++) {
		const char *close = s[i] == '[' ? memchr(s + i, ']', n - i) : NULL;

		if (close && (size_t)(close - s) + 1 < n && close[1] == '(' &&
		    memchr(close, ')', n - (size_t)(close - s))) {
			const char *url = close + 2, *end = memchr(url, ')', n - (size_t)(url - s));

			for (const char *t = s + i + 1; t < close; t++)
				if (*t != '`' && *t != '*')
					out[o++] = *t, plain[p++] = *t;
			if (!*r->url[k])
				snprintf(r->url[k], sizeof r->url[k], "%.*s", (int)(end - url), url);
			o += (size_t)snprintf(out + o, 1024 - o, " <%.*s>", (int)(end - url), url);
			i = (size_t)(end - s);
		} else if (s[i] == '\\' && i + 1 < n && strchr("|\\`*_[]", s[i + 1])) {
			out[o++] = plain[p++] = s[++i];
		} else if (s[i] == ' ' && (!o || out[o - 1] == ' ')) {
			continue;
		} else if (s[i] != '`' && !(s[i] == '*' && i + 1 < n && s[i + 1] == '*')) {
			out[o++] = plain[p++] = s[i];
		} else if (s[i] == '*') {
			i++;
		}
	}
	while (o && out[o - 1] == ' ')
		o--;
	while (p && plain[p - 1] == ' ')
		p--;
	out[o] = plain[p] = '\0';
}

/* The cells of a table line (starting with '|'); their number. */
static int ind_cells(struct ind_row *r, const char *line, size_t n)
{
	size_t start = 1;

	memset(r, 0, sizeof *r);
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		n--;
	for (size_t i = 1; i <= n && r->ncells < IND_CELLS; i++)
		if (i == n || (line[i] == '|' && line[i - 1] != '\\')) {
			if (i == n && start == n)
				break;
			ind_cell(r, r->ncells++, line + start, i - start);
			start = i + 1;
		}
	return r->ncells;
}

static int ind_column(const struct ind_row *header, const char *name)
{
	for (int k = 0; k < header->ncells; k++)
		if (!strcasecmp(header->cell[k], name))
			return k;
	return -1;
}

/* Reads the group and meeting tables of the file. */
static void ind_read(const char *file)
{
	char *text = check_read(file, NULL), *line, *next;
	struct ind_row header;
	int in_table = 0, in_front = 0, cols[4];

	if (!check(text != NULL, "%s: cannot read it", file))
		return;
	for (line = text; line && *line; line = next) {
		size_t n = strcspn(line, "\n");

		next = line[n] ? line + n + 1 : NULL;
		if (line == text && !strncmp(line, "---", 3)) {
			in_front = 1;
			continue;
		}
		if (in_front) {
			in_front = strncmp(line, "---", 3) != 0;
			continue;
		}
		if (line[0] != '|') {
			in_table = 0;
			continue;
		}
		if (in_table == 1) { /* the delimiter row */
			in_table = 2;
			continue;
		}
		if (in_table == 2 && nind < IND_MAX_ROWS) {
			struct ind_row *r = &ind[nind++];

			ind_cells(r, line, n);
			r->meeting = cols[1] < 0;
			memcpy(r->col, cols, sizeof cols);
			if (r->meeting)
				r->col[1] = ind_column(&header, "Meeting Time");
			continue;
		}
		ind_cells(&header, line, n);
		cols[0] = ind_column(&header, "Name");
		cols[1] = ind_column(&header, "Responsibility");
		cols[2] = ind_column(&header, "Current Leaders");
		cols[3] = -1;
		if (ind_column(&header, "Meeting Time") >= 0) {
			cols[0] = ind_column(&header, "SIG") >= 0 ? ind_column(&header, "SIG")
			          : ind_column(&header, "Committee");
			cols[1] = -1;
			cols[2] = ind_column(&header, "Meeting length");
			cols[3] = ind_column(&header, "Join Link");
			in_table = 1;
		} else {
			in_table = cols[0] >= 0 && cols[1] >= 0;
		}
	}
	free(text);
}

/* Row r's name: its plain text, without the brackets of "[Security]". */
static const char *ind_name(struct ind_row *r)
{
	char *s = r->plain[r->col[0]];
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		memmove(s, s + 1, n - 2);
		s[n - 2] = '\0';
	}
	return s;
}

/* Every joined field of every group of the library, against the reading. */
static void test_independent(void)
{
	size_t joined[IND_MAX_ROWS] = { 0 };

	for (size_t i = 0; i < ngroup_pages; i++)
		ind_read(group_page[i]);
	check(nind >= 16, "the independent reading finds the seed's rows: %zu", nind);
	for (size_t i = 0; i < nind; i++)
		ind_name(&ind[i]);
	for (size_t g = 0; g < auxchan_group_count(); g++) {
		const char *topic = auxchan_group_field(g, AUXCHAN_GROUP_TOPIC);
		const struct ind_row *row = NULL;
		size_t meetings = 0;
		char what[256];

		snprintf(what, sizeof what, "the reading of '%s'", topic);
		for (size_t i = 0; i < nind; i++) {
			const struct ind_row *r = &ind[i];

			if (!*topic || strcasecmp(r->plain[r->col[0]], topic))
				continue;
			joined[i]++;
			if (!r->meeting) {
				row = r;
				continue;
			}
			check_str(what, auxchan_group_meeting(g, meetings, AUXCHAN_MEETING_TIME),
			          r->cell[r->col[1]]);
			check_str(what, auxchan_group_meeting(g, meetings, AUXCHAN_MEETING_LENGTH),
			          r->plain[r->col[2]]);
			check_str(what, auxchan_group_meeting(g, meetings, AUXCHAN_MEETING_JOIN),
			          r->plain[r->col[3]]);
			check_str(what, auxchan_group_meeting(g, meetings, AUXCHAN_MEETING_URL),
			          r->url[r->col[3]]);
			meetings++;
		}
		check_num(what, (long long)auxchan_group_meeting_count(g), (long long)meetings);
		check_str(what, auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY),
		          row ? row->cell[row->col[1]] : "");
		/* The leaders: the cell split at commas. */
		{
			char leaders[1024] = "", *p = leaders, *h;
			size_t k = 0;

			if (row)
				snprintf(leaders, sizeof leaders, "%s", row->plain[row->col[2]]);
			while ((h = strtok(p, ", "))) {
				p = NULL;
				check_str(what, auxchan_group_leader(g, k), h);
				k++;
			}
			check_num(what, (long long)auxchan_group_leader_count(g), (long long)k);
		}
	}
	/* On the seed set, every row joins its rooms (the goal). */
	for (size_t i = 0; i < nind; i++)
		check(joined[i] == 1, "'%s' (%s) joins one group of rooms: %zu",
		      ind[i].plain[ind[i].col[0]], ind[i].meeting ? "a meeting" : "a group", joined[i]);
}

/* The library's group of the topic, or auxchan_group_count(): none. */
static size_t group_of_topic(const char *topic)
{
	size_t g = 0;

	while (g < auxchan_group_count() && strcmp(auxchan_group_field(g, AUXCHAN_GROUP_TOPIC), topic))
		g++;
	return g;
}

/* The seed set's facts, as a person reads the pages. */
static void test_seed_facts(void)
{
	static const struct {
		const char *topic, *responsibility, *leaders, *meeting;
	} facts[] = {
		{ "Haskell", "Maintains haskellPackages and other Haskell support for Aux", "@ptitfred",
		  NULL },
		{ "Documentation", NULL, "@minion @coded", "Saturdays at 17:00 UTC | around 1 hour | "
		  "AuxSigDocs on Jitsi | https://meet.jit.si/AuxDocs" },
		{ "Darwin", "Maintains Aux code for Darwin (MacOS) systems, for example they would be in "
		  "charge of nix-darwin-like projects", "@yamashitax", NULL },
		{ "Go", "Maintains buildGoPackage, buildGoModule <https://wiki.nixos.org/wiki/Go> and "
		  "other Go support for Aux", "", NULL },
		{ "Security", NULL, "@c8h4 @dfh", "Thursdays at 18:00 UTC | around 1 hour | dfh's "
		  "opentalk room | https://opentalk.mailbox.org/room/b7508d49-130c-48af-920d-"
		  "53ebd8e3891a?invite=96dd445c-0b88-4a78-9fa4-33f6f260bbd6" },
		{ "Code of Conduct", "Determines the Code of Conduct and oversees moderation",
		  "@axel @isabel", NULL },
		{ "Marketing", "Determines branding and public presence for Aux", "", NULL },
	};

	for (size_t i = 0; i < sizeof facts / sizeof *facts; i++) {
		size_t g = group_of_topic(facts[i].topic);
		char got[2048] = "";

		if (!check(g < auxchan_group_count(), "the seed has the group %s", facts[i].topic))
			continue;
		if (facts[i].responsibility)
			check_str(facts[i].topic, auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY),
			          facts[i].responsibility);
		for (size_t k = 0; k < auxchan_group_leader_count(g); k++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? " " : "",
			         auxchan_group_leader(g, k));
		check_str(facts[i].topic, got, facts[i].leaders);
		if (facts[i].meeting) {
			snprintf(got, sizeof got, "%s | %s | %s | %s",
			         auxchan_group_meeting(g, 0, AUXCHAN_MEETING_TIME),
			         auxchan_group_meeting(g, 0, AUXCHAN_MEETING_LENGTH),
			         auxchan_group_meeting(g, 0, AUXCHAN_MEETING_JOIN),
			         auxchan_group_meeting(g, 0, AUXCHAN_MEETING_URL));
			check_str(facts[i].topic, got, facts[i].meeting);
		}
	}
}

/* The seed set, read with --strict: no warning of the group pages. */
static void test_seed_clean(const char *build)
{
	char gen[4096], err[4200];
	char *argv[] = { gen, "--strict", "--no-warn=duplicate-name", "--no-warn=name-group",
	                 "--no-warn=purpose-group", "--groups=data/sigs.md",
	                 "--groups=data/committees.md", "--check", SEED_PAGE, NULL };
	char *got;

	snprintf(gen, sizeof gen, "%s/auxchan-gen", build);
	snprintf(err, sizeof err, "%s/tests/charter-seed.err", build);
	check_num("the seed set, --strict (but the room page's three mistakes)",
	          spawn(argv, "/dev/null", err), 0);
	got = check_read(err, NULL);
	check_str("the seed set, --strict: its diagnostics", got, "");
	free(got);
}

/* ---- The hostile group page --------------------------------------------- */

#define HOSTILE_GROUPS "tests/pages/hostile-groups.md"

/* Every field of the hostile page's groups, as the page means it (each
 * "??" written "?\?": no trigraph here either). */
static const struct {
	const char *topic, *responsibility, *leaders, *meetings;
} hostile[] = {
	{ "%%", "it's a \"quote\", a back\\slash, */ /* and ?\?/ ?\?= ?\?( ?\?) ?\?' ?\?< ?\?! ?\?> "
	  "?\?- trigraphs, %% %{ %} at the end %%", "@a/b\n@c+d=e:f\n@_x.y-z\n@//x\n",
	  "Mondays ?\?/ at \"17:00\" \\ */ %% \xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e | <1 hour> & ?\?= "
	  "| \"Join\" */ ?\?= \xc3\xa9 | https://meet.x.org/%22?a=%25%25&b=\\#x\n"
	  "Tuesdays at <https://x.org/*/> 10:00 |  | https://meet.x.org/?\?/ | "
	  "https://meet.x.org/?\?/\n" },
	{ "a \xc3\xa9 \xe2\x82\xac", "1, 2, 3 and 4 bytes: \xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e; "
	  "\"entities\" \\ */ <b> &amp;", "@a\n",
	  "Fridays ?\?/ | 1 hour | Jitsi | https://meet.jit.si/\xc3\xa9\n" },
	{ "https://matrix.to/#/#collidea:x.org", "a \"link\" \\ ?\?/ */ "
	  "<https://x.org/?q=\"a\\b\"&r=%25%25#?\?/> then code \\ ?\?/ */ \" and \"); system(\"id\"); "
	  "(\"", "@x\n", "" },
};

static void test_hostile(void)
{
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		size_t g = group_of_topic(hostile[i].topic);
		char got[4096] = "";

		if (!check(g < auxchan_group_count(), "the hostile page has the group '%s'",
		           hostile[i].topic))
			continue;
		check_str(hostile[i].topic, auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY),
		          hostile[i].responsibility);
		for (size_t k = 0; k < auxchan_group_leader_count(g); k++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s\n",
			         auxchan_group_leader(g, k));
		check_str(hostile[i].topic, got, hostile[i].leaders);
		got[0] = '\0';
		for (size_t k = 0; k < auxchan_group_meeting_count(g); k++)
			for (int f = 0; f < AUXCHAN_MEETING_FIELD_COUNT; f++)
				snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s",
				         auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f),
				         f + 1 < AUXCHAN_MEETING_FIELD_COUNT ? " | " : "\n");
		check_str(hostile[i].topic, got, hostile[i].meetings);
	}
}

int main(int argc, char **argv)
{
	struct page pg;

	if (argc != 3) {
		fputs("usage: charter PAGE BUILDDIR\n", stderr);
		return 2;
	}
	test_cases();
	test_limits();
	test_steps();
	test_parser_limits();
	test_bad(argv[2]);
	split_pages();
	test_library(argv[1], &pg);
	if (ngroup_pages == 1 && !strcmp(group_page[0], HOSTILE_GROUPS)) {
		test_hostile();
	} else if (ngroup_pages == 2 && !strcmp(group_page[0], "data/sigs.md") &&
	           !strcmp(group_page[1], "data/committees.md") && seed_is(argv[1])) {
		test_independent();
		if (seed_file_is(SEED_SIGS, SEED_SIGS_CKSUM, SEED_SIGS_BYTES) &&
		    seed_file_is(SEED_COMMITTEES, SEED_COMMITTEES_CKSUM, SEED_COMMITTEES_BYTES))
			test_seed_facts();
		else
			printf("note: " SEED_SIGS " or " SEED_COMMITTEES " is not the seed's: its "
			       "facts (Haskell led by @ptitfred...) are not checked\n");
		test_seed_clean(argv[2]);
	} else if (ngroup_pages) {
		printf("note: the group pages of the build are '%s', not the seed's (" SEED_PAGE
		       " with data/sigs.md and data/committees.md): the independent reading is not "
		       "run\n", TEST_GROUP_PAGES);
	}
	page_free(&pg);
	page_cleanup();
	return check_done("charter");
}
