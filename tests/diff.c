/*
 * diff.c - tests of the room-level comparison of two revisions of a page
 * (gen/diff.c): fixture revisions of the seed in tests/revisions/ (padding
 * and prose only, eight rooms added, two removed, fields and front matter
 * changed, an invalid page) and of its group pages in tests/revisions/groups/
 * (a leader added, a responsibility and a meeting changed, a group added
 * and one removed, a name's case changed, every group on one page, a group
 * named twice), compared in process, then through auxchan-gen --diff (exit
 * status, diagnostics) and make diff.  Without group pages the output is
 * the rooms' alone, as it was before group pages.
 * Usage: [MAKE=make] diff PAGE BUILDDIR (the generator is
 * BUILDDIR/auxchan-gen; without MAKE, as make check-valgrind runs it, make
 * diff is not tested).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charter.h"
#include "check.h"
#include "diff.h"
#include "pages.h"
#include "run.h"

#define R "tests/revisions/"
#define G R "groups/"

static const char removed_text[] =
	"- #SIGHOME-GEN:auxolotl.org  (" R "base.md:32)\n"
	"    section  For SIGs\n"
	"    name     SIG:Home General\n"
	"    purpose  Discuss or ask for help with managing your ~home using Aux\n"
	"    url      https://matrix.to/#/#SIGHOME-GEN:auxolotl.org\n"
	"- #SIGHOME-GOV:auxolotl.org  (" R "base.md:44)\n"
	"    section  For SIGs\n"
	"    name     SIG:Home Governance\n"
	"    purpose  Discuss how the Home SIG is run, etc.\n"
	"    url      https://matrix.to/#/#SIGHOME-GOV:auxolotl.org\n"
	"0 added, 2 removed, 0 changed\n";

static const char removed_json[] =
	"{\n"
	"  \"added\": [],\n"
	"  \"removed\": [\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:Home General\", "
	"\"alias\": \"#SIGHOME-GEN:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGHOME-GEN:auxolotl.org\", "
	"\"purpose\": \"Discuss or ask for help with managing your ~home using Aux\", "
	"\"group\": \"Home\", \"line\": 32},\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:Home Governance\", "
	"\"alias\": \"#SIGHOME-GOV:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGHOME-GOV:auxolotl.org\", "
	"\"purpose\": \"Discuss how the Home SIG is run, etc.\", "
	"\"group\": \"Home\", \"line\": 44}\n"
	"  ],\n"
	"  \"changed\": [],\n"
	"  \"meta\": {}\n"
	"}\n";

static const char changed_text[] =
	"~ front matter\n"
	"    title    - Matrix\n"
	"             + Matrix chat\n"
	"    date     - 2024-05-07T00:02:24.648Z\n"
	"             + 2024-06-01T09:30:00.000Z\n"
	"~ #general:auxolotl.org  (" R "base.md:15, " R "changed.md:15)\n"
	"    section  - Our channels\n"
	"             + Start here\n"
	"~ #SIGKDE-GEN:auxolotl.org  (" R "base.md:33, " R "changed.md:33)\n"
	"    url      - https://matrix.to/#/#SIGKDE-GEN:auxolotl.org\n"
	"             + https://matrix.to/#/%23SIGKDE-GEN%3Aauxolotl.org\n"
	"~ #sigrust-gen:auxolotl.org  (" R "base.md:34, " R "changed.md:34)\n"
	"    url      - https://matrix.to/#/#SIGRUST-GEN:auxolotl.org\n"
	"             + https://matrix.to/#/#sigrust-gen:auxolotl.org\n"
	"~ #SIGPY-GOV:auxolotl.org  (" R "base.md:38, " R "changed.md:38)\n"
	"    name     - SIG:CLI Governance\n"
	"             + SIG:Python Governance\n"
	"~ #SIGGO-GOV:auxolotl.org  (" R "base.md:42, " R "changed.md:42)\n"
	"    purpose  - Discuss how the JavaScript SIG is run, etc.\n"
	"             + Discuss how the Go SIG is run, etc.\n"
	"0 added, 0 removed, 5 changed; the front matter changed\n";

static const char changed_json[] =
	"{\n"
	"  \"added\": [],\n"
	"  \"removed\": [],\n"
	"  \"changed\": [\n"
	"    {\"alias\": \"#general:auxolotl.org\", \"fields\": {\"section\": {\"old\": \"Our "
	"channels\", \"new\": \"Start here\", \"old_line\": 15, \"new_line\": 15}}},\n"
	"    {\"alias\": \"#SIGKDE-GEN:auxolotl.org\", \"fields\": {\"url\": {\"old\": "
	"\"https://matrix.to/#/#SIGKDE-GEN:auxolotl.org\", \"new\": "
	"\"https://matrix.to/#/%23SIGKDE-GEN%3Aauxolotl.org\", \"old_line\": 33, "
	"\"new_line\": 33}}},\n"
	"    {\"alias\": \"#sigrust-gen:auxolotl.org\", \"fields\": {\"url\": {\"old\": "
	"\"https://matrix.to/#/#SIGRUST-GEN:auxolotl.org\", \"new\": "
	"\"https://matrix.to/#/#sigrust-gen:auxolotl.org\", \"old_line\": 34, "
	"\"new_line\": 34}}},\n"
	"    {\"alias\": \"#SIGPY-GOV:auxolotl.org\", \"fields\": {\"name\": {\"old\": "
	"\"SIG:CLI Governance\", \"new\": \"SIG:Python Governance\", \"old_line\": 38, "
	"\"new_line\": 38}}},\n"
	"    {\"alias\": \"#SIGGO-GOV:auxolotl.org\", \"fields\": {\"purpose\": {\"old\": "
	"\"Discuss how the JavaScript SIG is run, etc.\", \"new\": \"Discuss how the Go SIG "
	"is run, etc.\", \"old_line\": 42, \"new_line\": 42}}}\n"
	"  ],\n"
	"  \"meta\": {\"title\": {\"old\": \"Matrix\", \"new\": \"Matrix chat\"}, "
	"\"date\": {\"old\": \"2024-05-07T00:02:24.648Z\", \"new\": "
	"\"2024-06-01T09:30:00.000Z\"}}\n"
	"}\n";

/* The seed's group pages against a revision of its SIGs page. */
static const char groups_changed_text[] =
	"- group Rust  (" G "sigs.md:32)\n"
	"    responsibility Maintains rust and rust packaging support for Aux\n"
	"    leaders        (empty)\n"
	"    meetings       (empty)\n"
	"+ group Nix  (" G "sigs-changed.md:31)\n"
	"    responsibility Maintains nix for Aux\n"
	"    leaders        @newleader\n"
	"    meetings       (empty)\n"
	"~ group CLI  (" G "sigs.md:22, " G "sigs-changed.md:22)\n"
	"    responsibility - Maintains the Aux CLI and our fork of the Nix CLI\n"
	"                   + Maintains the Aux CLI, our fork of the Nix CLI\n"
	"~ group Documentation  (" G "sigs.md:24, " G "sigs-changed.md:24)\n"
	"    meetings       - Saturdays at 17:00 UTC | around 1 hour | AuxSigDocs on Jitsi "
	"<https://meet.jit.si/AuxDocs>\n"
	"                   + Sundays at 18:00 UTC | around 1 hour | AuxSigDocs on Jitsi "
	"<https://meet.jit.si/AuxDocs>\n"
	"~ group Haskell  (" G "sigs.md:27, " G "sigs-changed.md:27)\n"
	"    leaders        - @ptitfred\n"
	"                   + @ptitfred, @someone\n"
	"0 added, 0 removed, 0 changed; groups: 1 added, 1 removed, 3 changed\n";

static const char groups_changed_json[] =
	"{\n"
	"  \"added\": [],\n"
	"  \"removed\": [],\n"
	"  \"changed\": [],\n"
	"  \"groups\": {\n"
	"    \"added\": [\n"
	"      {\"topic\": \"Nix\", \"responsibility\": \"Maintains nix for Aux\", "
	"\"leaders\": [\"@newleader\"], \"meetings\": [], \"file\": \"" G "sigs-changed.md\", "
	"\"line\": 31}\n"
	"    ],\n"
	"    \"removed\": [\n"
	"      {\"topic\": \"Rust\", \"responsibility\": \"Maintains rust and rust packaging "
	"support for Aux\", \"leaders\": [], \"meetings\": [], \"file\": \"" G "sigs.md\", "
	"\"line\": 32}\n"
	"    ],\n"
	"    \"changed\": [\n"
	"      {\"topic\": \"CLI\", \"fields\": {\"responsibility\": {\"old\": \"Maintains the "
	"Aux CLI and our fork of the Nix CLI\", \"new\": \"Maintains the Aux CLI, our fork of "
	"the Nix CLI\"}}, \"old_file\": \"" G "sigs.md\", \"old_line\": 22, \"new_file\": \""
	G "sigs-changed.md\", \"new_line\": 22},\n"
	"      {\"topic\": \"Documentation\", \"fields\": {\"meetings\": {\"old\": [{\"time\": "
	"\"Saturdays at 17:00 UTC\", \"length\": \"around 1 hour\", \"join\": \"AuxSigDocs on "
	"Jitsi\", \"url\": \"https://meet.jit.si/AuxDocs\", \"file\": \"" G "sigs.md\", "
	"\"line\": 43}], \"new\": [{\"time\": \"Sundays at 18:00 UTC\", \"length\": \"around 1 "
	"hour\", \"join\": \"AuxSigDocs on Jitsi\", \"url\": \"https://meet.jit.si/AuxDocs\", "
	"\"file\": \"" G "sigs-changed.md\", \"line\": 43}]}}, \"old_file\": \"" G "sigs.md\", "
	"\"old_line\": 24, \"new_file\": \"" G "sigs-changed.md\", \"new_line\": 24},\n"
	"      {\"topic\": \"Haskell\", \"fields\": {\"leaders\": {\"old\": [\"@ptitfred\"], "
	"\"new\": [\"@ptitfred\", \"@someone\"]}}, \"old_file\": \"" G "sigs.md\", "
	"\"old_line\": 27, \"new_file\": \"" G "sigs-changed.md\", \"new_line\": 27}\n"
	"    ]\n"
	"  },\n"
	"  \"meta\": {}\n"
	"}\n";

/* Comparisons in process: exact output, or pieces of it. */
static const struct {
	const char *description;
	const char *old, *new;
	const char *old_groups[3], *new_groups[3]; /* each side's group pages, if any */
	enum diff_format format;
	int status;
	const char *out;         /* exact output, if not NULL */
	const char *out_has[4];  /* or pieces of it */
	int out_lines;           /* its number of lines, if not 0 */
} cases[] = {
	{ .description = "a page and itself", .old = R "base.md", .new = R "base.md",
	  .status = 0, .out = "0 added, 0 removed, 0 changed\n" },
	{ .description = "padding, column widths and prose are no change", .old = R "base.md",
	  .new = R "repadded.md", .status = 0, .out = "0 added, 0 removed, 0 changed\n" },
	{ .description = "no change, JSON", .old = R "repadded.md", .new = R "base.md",
	  .format = DIFF_JSON, .status = 0,
	  .out = "{\n  \"added\": [],\n  \"removed\": [],\n  \"changed\": [],\n  \"meta\": {}\n}\n" },
	{ .description = "eight rooms added at once, tables re-padded", .old = R "base.md",
	  .new = R "added.md", .status = 1,
	  .out_has = { "+ #SIGNIX-GEN:auxolotl.org  (" R "added.md:47)\n"
	               "    section  For SIGs\n    name     SIG:Nix General\n",
	               "+ #COMINFRA-GOV:auxolotl.org  (" R "added.md:67)\n"
	               "    section  For Committees\n",
	               "\n8 added, 0 removed, 0 changed\n" },
	  .out_lines = 8 * 5 + 1 },
	{ .description = "eight rooms added, JSON", .old = R "base.md", .new = R "added.md",
	  .format = DIFF_JSON, .status = 1,
	  .out_has = { "{\n  \"added\": [\n    {\"section\": \"For SIGs\", \"name\": \"SIG:Nix "
	               "General\", \"alias\": \"#SIGNIX-GEN:auxolotl.org\", \"url\": "
	               "\"https://matrix.to/#/#SIGNIX-GEN:auxolotl.org\", \"purpose\": \"Discuss "
	               "or ask for help with Nix on Aux\", \"group\": \"Nix\", \"line\": 47},\n",
	               "\"group\": \"Infrastructure\", \"line\": 67}\n  ],\n  \"removed\": [],\n" },
	  .out_lines = 8 + 7 },
	{ .description = "two rooms removed", .old = R "base.md", .new = R "removed.md",
	  .status = 1, .out = removed_text },
	{ .description = "two rooms removed, JSON", .old = R "base.md", .new = R "removed.md",
	  .format = DIFF_JSON, .status = 1, .out = removed_json },
	{ .description = "the other way, two rooms added", .old = R "removed.md",
	  .new = R "base.md", .status = 1,
	  .out_has = { "+ #SIGHOME-GEN:auxolotl.org  (" R "base.md:32)\n",
	               "\n2 added, 0 removed, 0 changed\n" }, .out_lines = 11 },
	{ .description = "fields and front matter changed; aliases matched ignoring case",
	  .old = R "base.md", .new = R "changed.md", .status = 1, .out = changed_text },
	{ .description = "fields and front matter changed, JSON", .old = R "base.md",
	  .new = R "changed.md", .format = DIFF_JSON, .status = 1, .out = changed_json },
	{ .description = "added and removed at once", .old = R "added.md", .new = R "removed.md",
	  .status = 1, .out_has = { "\n0 added, 10 removed, 0 changed\n" } },
	{ .description = "JSON escapes the hostile page's text", .old = "tests/pages/no-purpose.md",
	  .new = "tests/pages/hostile.md", .format = DIFF_JSON, .status = 1,
	  .out_has = { "\"name\": \"\\\"Quoted\\\", with, commas\"",
	               "\"purpose\": \"it's a \\\"quote\\\" and a back\\\\slash\"",
	               "\"meta\": {\"title\": {\"old\": \"\", \"new\": \"Hostile \\\"page\\\" \\\\ "
	               "*/ ?\?/ %% tab\"}, \"date\": {\"old\": \"\", \"new\": \"2024-05-07 ?\?= "
	               "*/ #\"}}\n}\n" } },
	{ .description = "group pages: a leader added, a responsibility and a meeting changed, "
	                 "a group added and one removed, 'Go' now 'GO' (no change)",
	  .old = R "base.md", .new = R "base.md",
	  .old_groups = { G "sigs.md", G "committees.md" },
	  .new_groups = { G "sigs-changed.md", G "committees.md" }, .status = 1,
	  .out = groups_changed_text },
	{ .description = "group pages changed, JSON", .old = R "base.md", .new = R "base.md",
	  .old_groups = { G "sigs.md", G "committees.md" },
	  .new_groups = { G "sigs-changed.md", G "committees.md" }, .format = DIFF_JSON,
	  .status = 1, .out = groups_changed_json },
	{ .description = "group pages unchanged: the rooms' line, and the groups'",
	  .old = R "base.md", .new = R "removed.md",
	  .old_groups = { G "sigs.md", G "committees.md" },
	  .new_groups = { G "sigs.md", G "committees.md" }, .status = 1,
	  .out_has = { "- #SIGHOME-GOV:auxolotl.org  (",
	               "\n0 added, 2 removed, 0 changed; groups: 0 added, 0 removed, 0 changed\n" },
	  .out_lines = 11 },
	{ .description = "the groups of a set, whatever page holds them: all on one page is no "
	                 "change", .old = R "base.md", .new = R "base.md",
	  .old_groups = { G "sigs.md", G "committees.md" }, .new_groups = { G "all-in-one.md" },
	  .status = 0, .out = "0 added, 0 removed, 0 changed; groups: 0 added, 0 removed, 0 changed\n" },
	{ .description = "group pages unchanged, JSON: empty lists",
	  .old = R "base.md", .new = R "base.md",
	  .old_groups = { G "committees.md", G "sigs.md" }, .new_groups = { G "all-in-one.md" },
	  .format = DIFF_JSON, .status = 0,
	  .out = "{\n  \"added\": [],\n  \"removed\": [],\n  \"changed\": [],\n  \"groups\": {\n"
	         "    \"added\": [],\n    \"removed\": [],\n    \"changed\": []\n  },\n"
	         "  \"meta\": {}\n}\n" },
	{ .description = "no group pages on the old side: every group is added",
	  .old = R "base.md", .new = R "base.md", .new_groups = { G "committees.md" },
	  .status = 1,
	  .out_has = { "+ group Security  (" G "committees.md:24)\n"
	               "    responsibility Determines security guidelines for SIGs, and aims to make "
	               "security both excellent and accessible\n"
	               "    leaders        @c8h4, @dfh\n"
	               "    meetings       Thursdays at 18:00 UTC | around 1 hour | dfh's opentalk room "
	               "<https://opentalk.mailbox.org/room/",
	               "\n0 added, 0 removed, 0 changed; groups: 4 added, 0 removed, 0 changed\n" },
	  .out_lines = 4 * 4 + 1 },
	{ .description = "no group pages on the new side: every group is removed, JSON",
	  .old = R "base.md", .new = R "changed.md", .old_groups = { G "committees.md" },
	  .format = DIFF_JSON, .status = 1,
	  .out_has = { "  \"groups\": {\n    \"added\": [],\n    \"removed\": [\n      {\"topic\": "
	               "\"Code of Conduct\", \"responsibility\": \"Determines the Code of Conduct and "
	               "oversees moderation\", \"leaders\": [\"@axel\", \"@isabel\"], \"meetings\": "
	               "[], \"file\": \"" G "committees.md\", \"line\": 22},\n",
	               "\n    ],\n    \"changed\": []\n  },\n  \"meta\": {\"title\": " } },
};

/*
 * Reads the group pages files[] (NULL-terminated) into c and joins them to
 * pg as auxchan-gen does; returns pg's rows, or NULL if there are none.
 */
static struct charters *read_groups(const char *const *files, struct page *pg,
                                    struct charters *c)
{
	struct diag d = { .out = fopen("/dev/null", "w") };

	memset(c, 0, sizeof *c);
	for (; *files; files++) {
		size_t len;
		char *text = check_read(*files, &len);

		d.file = *files;
		check(text && charter_parse(c, *files, text, len, &d) == 0, "%s: no error", *files);
		free(text);
	}
	check(charter_join(c, pg, "page", &d) == 0, "group pages joined with no error");
	fclose(d.out);
	/* The page keeps the rows now (charter_join()). */
	return pg->charters && pg->charters->pages ? pg->charters : NULL;
}

/* Compares two pages as auxchan-gen --diff does; its output (to free). */
static char *compare(const char *old, const char *new, const char *const *old_groups,
                     const char *const *new_groups, enum diff_format fmt, int *status)
{
	struct page po, pn;
	struct charters co, cn;
	char *diag, *out = NULL;
	size_t len;
	FILE *f;

	check(parse_page(old, &po, &diag, (struct diag){ 0 }) == 0, "%s: no error", old);
	free(diag);
	check(parse_page(new, &pn, &diag, (struct diag){ 0 }) == 0, "%s: no error", new);
	free(diag);
	f = open_memstream(&out, &len);
	*status = diff_write(f, fmt, (struct diff_side){ &po, old, read_groups(old_groups, &po, &co) },
	                     (struct diff_side){ &pn, new, read_groups(new_groups, &pn, &cn) });
	fclose(f);
	charter_free(&co);
	charter_free(&cn);
	page_free(&po);
	page_free(&pn);
	return out;
}

static void test_compare(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *what = cases[i].description;
		int status;
		char *out = compare(cases[i].old, cases[i].new, cases[i].old_groups,
		                    cases[i].new_groups, cases[i].format, &status);

		check_num(what, status, cases[i].status);
		if (cases[i].out)
			check_str(what, out, cases[i].out);
		for (int k = 0; k < 4 && cases[i].out_has[k]; k++)
			check(strstr(out, cases[i].out_has[k]) != NULL, "%s: has '%s', got:\n%s", what,
			      cases[i].out_has[k], out);
		if (cases[i].out_lines)
			check(check_lines(out) == cases[i].out_lines, "%s: %d lines, expected %d", what,
			      check_lines(out), cases[i].out_lines);
		free(out);
	}
}

/* auxchan-gen --diff as a program: exit status, output and diagnostics. */
static const struct {
	const char *description;
	const char *args[8];
	int status;
	const char *out;        /* exact standard output, if not NULL */
	const char *err;        /* exact standard error, if not NULL */
	const char *err_has;    /* or a piece of it */
} runs[] = {
	{ .description = "no change: 0, and no warning of the pages",
	  .args = { "--diff", R "base.md", R "repadded.md" }, .status = 0,
	  .out = "0 added, 0 removed, 0 changed\n", .err = "" },
	{ .description = "a change: 1", .args = { "--diff", R "base.md", R "removed.md" },
	  .status = 1, .out = removed_text, .err = "" },
	{ .description = "a change, JSON: 1",
	  .args = { "--diff", "--format=json", R "base.md", R "removed.md" }, .status = 1,
	  .out = removed_json, .err = "" },
	{ .description = "an invalid new page: 2, its errors, no output",
	  .args = { "--diff", R "base.md", R "invalid.md" }, .status = 2, .out = "",
	  .err = R "invalid.md:58:83: error: link 'https://matrix.to/#/#COMSEC-GOV' does not "
	         "name a room alias (#localpart:server): the alias has no ':server' part\n"
	         R "invalid.md:46:59: error: duplicate alias '#SIGRUST-gen:auxolotl.org' (also "
	         "on line 34, ignoring case)\n"
	         R "invalid.md:34:115: note: '#SIGRUST-GEN:auxolotl.org' first used here\n" },
	{ .description = "an invalid old page: 2",
	  .args = { "--diff", R "invalid.md", R "base.md" }, .status = 2, .out = "",
	  .err_has = R "invalid.md:46:59: error: duplicate alias" },
	{ .description = "a page that cannot be read: 2",
	  .args = { "--diff", R "base.md", R "no-such-page.md" }, .status = 2, .out = "",
	  .err_has = "auxchan-gen: cannot open " R "no-such-page.md: " },
	{ .description = "--strict: the warnings are errors",
	  .args = { "--strict", "--diff", R "base.md", R "repadded.md" }, .status = 2, .out = "",
	  .err_has = R "base.md:38:3: error: display name 'SIG:CLI Governance' is also used on "
	             "line 37 [duplicate-name]\n" },
	{ .description = "one page: a usage error", .args = { "--diff", R "base.md" },
	  .status = 2, .out = "", .err_has = "usage: auxchan-gen" },
	{ .description = "three pages: a usage error",
	  .args = { "--diff", R "base.md", R "base.md", R "base.md" }, .status = 2, .out = "",
	  .err_has = "usage: auxchan-gen" },
	{ .description = "--check: the warnings, nothing written", .args = { "--check", R "base.md" },
	  .status = 0, .out = "", .err_has = "[duplicate-name]\n" },
	{ .description = "--check on an invalid page: 1",
	  .args = { "--check", R "invalid.md" }, .status = 1, .out = "",
	  .err_has = "auxchan-gen: " R "invalid.md: 2 errors and 4 warnings\n" },
	{ .description = "group pages: their changes, and no warning of the pages",
	  .args = { "--diff", "--old-groups=" G "sigs.md", "--old-groups=" G "committees.md",
	            "--groups=" G "sigs-changed.md", "--groups=" G "committees.md", R "base.md",
	            R "base.md" },
	  .status = 1, .out = groups_changed_text, .err = "" },
	{ .description = "group pages, JSON",
	  .args = { "--diff", "--format=json", "--old-groups=" G "sigs.md",
	            "--old-groups=" G "committees.md", "--groups=" G "sigs-changed.md",
	            "--groups=" G "committees.md", R "base.md", R "base.md" },
	  .status = 1, .out = groups_changed_json, .err = "" },
	{ .description = "a new group page with an error: 2, its error, no output",
	  .args = { "--diff", "--old-groups=" G "sigs.md", "--groups=" G "sigs-invalid.md",
	            R "base.md", R "base.md" },
	  .status = 2, .out = "",
	  .err = G "sigs-invalid.md:28:3: error: group 'haskell' is named twice: also on "
	         G "sigs-invalid.md:27\n" },
	{ .description = "an old group page with an error: 2",
	  .args = { "--diff", "--old-groups=" G "sigs-invalid.md", "--groups=" G "sigs.md",
	            R "base.md", R "base.md" },
	  .status = 2, .out = "", .err_has = G "sigs-invalid.md:28:3: error: group 'haskell'" },
	{ .description = "a group page that cannot be read: 2",
	  .args = { "--diff", "--old-groups=" G "no-such-page.md", R "base.md", R "base.md" },
	  .status = 2, .out = "", .err_has = "auxchan-gen: cannot open " G "no-such-page.md: " },
	{ .description = "--old-groups without --diff: a usage error",
	  .args = { "--check", "--old-groups=" G "sigs.md", R "base.md" }, .status = 2, .out = "",
	  .err_has = "usage: auxchan-gen" },
};

static void test_program(const char *gen, const char *out, const char *err)
{
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
		char *argv[10] = { (char *)gen }, *o, *e;
		const char *what = runs[i].description;
		int n = 1, status;

		for (const char *const *a = runs[i].args; *a && n < 9; a++)
			argv[n++] = (char *)*a;
		status = spawn(argv, out, err);
		o = check_read(out, NULL);
		e = check_read(err, NULL);
		check_num(what, status, runs[i].status);
		if (runs[i].out)
			check_str(what, o, runs[i].out);
		if (runs[i].err)
			check_str(what, e, runs[i].err);
		if (runs[i].err_has)
			check(e && strstr(e, runs[i].err_has), "%s: standard error has '%s', got '%s'",
			      what, runs[i].err_has, e);
		free(o);
		free(e);
	}
}

/* make diff OLD=...: DATA is the new page; a change is no failure. */
static void test_make(const char *make, const char *build, const char *out)
{
	char cmd[8192];
	char *o;

	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff OLD=%s "
	         "DATA=%s > %s 2>&1", make, build, R "base.md", R "removed.md", out);
	check_num("make diff OLD=...: a change is no failure", system(cmd), 0);
	o = check_read(out, NULL);
	check_str("make diff OLD=...", o, removed_text);
	free(o);
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff OLD=%s "
	         "DATA=%s > %s 2>&1", make, build, R "base.md", R "invalid.md", out);
	check(system(cmd) != 0, "make diff with an invalid page fails");
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff > %s 2>&1", make,
	         build, out);
	check(system(cmd) != 0, "make diff without OLD fails");
	o = check_read(out, NULL);
	check(o && strstr(o, "make diff OLD=page.md"), "make diff without OLD says how: %s", o);
	free(o);
	/* Group pages: GROUP_PAGES the new ones, OLD_GROUP_PAGES the old (by
	 * default the same). */
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff OLD=%s DATA=%s "
	         "GROUP_PAGES='%s %s' OLD_GROUP_PAGES='%s %s' > %s 2>&1", make, build, R "base.md",
	         R "base.md", G "sigs-changed.md", G "committees.md", G "sigs.md", G "committees.md",
	         out);
	check_num("make diff OLD_GROUP_PAGES=...: a change is no failure", system(cmd), 0);
	o = check_read(out, NULL);
	check_str("make diff OLD_GROUP_PAGES=...", o, groups_changed_text);
	free(o);
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff OLD=%s DATA=%s "
	         "GROUP_PAGES='%s %s' > %s 2>&1", make, build, R "base.md", R "removed.md",
	         G "sigs.md", G "committees.md", out);
	check_num("make diff, GROUP_PAGES only", system(cmd), 0);
	o = check_read(out, NULL);
	check(o && strstr(o, "\n0 added, 2 removed, 0 changed; groups: 0 added, 0 removed, 0 "
	                     "changed\n"), "make diff, GROUP_PAGES only: the old side has them too, "
	      "got: %s", o);
	free(o);
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s diff OLD=%s DATA=%s "
	         "OLD_GROUP_PAGES='%s x;touch%s.pwned' > %s 2>&1", make, build, R "base.md",
	         R "base.md", G "sigs.md", out, out);
	check(system(cmd) != 0, "make diff, OLD_GROUP_PAGES with a command: refused");
	o = check_read(out, NULL);
	check(o && strstr(o, "OLD_GROUP_PAGES='" G "sigs.md x;touch") &&
	      strstr(o, "holds a path make cannot handle"), "OLD_GROUP_PAGES with a command: says "
	      "why, got: %s", o);
	free(o);
	snprintf(cmd, sizeof cmd, "%s.pwned", out);
	check(access(cmd, F_OK) != 0, "OLD_GROUP_PAGES with a command: no command ran");
}

int main(int argc, char **argv)
{
	char gen[4096], out[64], err[64];
	const char *make = getenv("MAKE");

	if (argc != 3) {
		fputs("usage: [MAKE=make] diff PAGE BUILDDIR\n", stderr);
		return 2;
	}
	snprintf(gen, sizeof gen, "%s/auxchan-gen", argv[2]);
	snprintf(out, sizeof out, "/tmp/auxchan-diff-%ld.out", (long)getpid());
	snprintf(err, sizeof err, "/tmp/auxchan-diff-%ld.err", (long)getpid());
	test_compare();
	test_program(gen, out, err);
	if (make)
		test_make(make, argv[2], out);
	else
		printf("note: no MAKE: make diff not tested\n");
	remove(out);
	remove(err);
	page_cleanup();
	return check_done("diff");
}
