/*
 * page.c - tests of the page model (gen/page.c): fixture pages in
 * tests/pages/ and the records they must give, and bad pages in tests/bad/
 * and the exact diagnostics they must give.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "page.h"
#include "pages.h"

struct row {
	const char *section, *name, *purpose, *url, *alias, *group;
	unsigned line;
};

static const struct {
	const char *file, *title, *date;
	size_t n;
	struct row rows[4];
	const char *diag; /* every diagnostic, in order */
} pages[] = {
	{
		.file = "tests/pages/columns-reordered.md", .title = "Reordered", .date = "2024-01-02",
		.n = 1, .rows = { { "Rooms", "Room A", "Talk about A", "https://matrix.to/#/#a:x.org",
		                    "#a:x.org", "", 10 } },
	}, {
		.file = "tests/pages/extra-column.md", .title = "", .date = "",
		.n = 1, .rows = { { "Rooms", "Room B", "About B", "https://matrix.to/#/#b:x.org",
		                    "#b:x.org", "", 5 } },
	}, {
		.file = "tests/pages/no-purpose.md", .title = "", .date = "",
		.n = 1, .rows = { { "", "Room C", "", "https://matrix.to/#/#c:x.org",
		                    "#c:x.org", "", 3 } },
	}, {
		.file = "tests/pages/escaped-pipe.md", .title = "", .date = "",
		.n = 1, .rows = { { "Pipes", "A | B", "Either | or", "https://matrix.to/#/#ab:x.org",
		                    "#ab:x.org", "", 5 } },
	}, {
		.file = "tests/pages/inline-markup.md", .title = "", .date = "",
		.n = 1, .rows = { { "Marked up", "Bold em code gone", "linked image alt html text",
		                    "https://matrix.to/#/#m:x.org", "#m:x.org", "", 5 } },
	}, {
		.file = "tests/pages/entities.md", .title = "", .date = "",
		.n = 1, .rows = { { "Caf\xc3\xa9", "Caf\xc3\xa9 & Bar", "<tag> \xc2\xa9 AB",
		                    "https://matrix.to/#/#caf\xc3\xa9:x.org", "#caf\xc3\xa9:x.org", "", 5 } },
	}, {
		.file = "tests/pages/non-channel-table.md", .title = "", .date = "",
		.n = 1, .rows = { { "Rooms", "Room Y", "", "https://matrix.to/#/#y:x.org",
		                    "#y:x.org", "", 11 } },
	}, {
		.file = "tests/pages/non-matrix-row.md", .title = "", .date = "",
		.n = 1, .rows = { { "Rooms", "Room Z", "A room", "https://matrix.to/#/#z:x.org",
		                    "#z:x.org", "", 6 } },
		.diag = "tests/pages/non-matrix-row.md:5:24: warning: row has no https://matrix.to/#/ "
		        "link in its Link cell: skipped [no-link]\n"
		        "tests/pages/non-matrix-row.md:7:27: warning: row has no https://matrix.to/#/ "
		        "link in its Link cell: skipped [no-link]\n",
	}, {
		.file = "tests/pages/links.md", .title = "", .date = "",
		.n = 3, .rows = {
			{ "", "Spaced out name", "Two links: the first matrix.to one wins",
			  "https://matrix.to/#/#one:x.org?via=x.org", "#one:x.org", "", 5 },
			{ "", "Encoded", "Percent-encoded alias", "https://matrix.to/#/%23enc%3Ax.org",
			  "#enc:x.org", "", 6 },
			{ "", "Port", "Server with a port", "https://matrix.to/#/#port:x.org:8448",
			  "#port:x.org:8448", "", 7 },
		},
		.diag = "tests/pages/links.md:5:154: warning: Link cell has more than one "
		        "https://matrix.to/#/ link: the first is used [many-links]\n"
		        "tests/pages/links.md:7:31: warning: #port:x.org:8448 is on the server "
		        "'x.org:8448', where 2 of the page's 3 rooms are on 'x.org' [other-server]\n",
	}, {
		.file = "tests/pages/groups.md", .title = "Groups", .date = "",
		.n = 4, .rows = {
			{ "SIGs", "SIG:Python General", "Python help",
			  "https://matrix.to/#/#SIGPY-GEN:x.org", "#SIGPY-GEN:x.org", "Python", 9 },
			{ "SIGs", "SIG:CLI Governance", "How the Python SIG is run",
			  "https://matrix.to/#/#SIGPY-GOV:x.org", "#SIGPY-GOV:x.org", "Python", 10 },
			{ "SIGs", "Committee: Code of Conduct General", "Moderation",
			  "https://matrix.to/#/#COMCOC-GEN:x.org", "#COMCOC-GEN:x.org",
			  "Code of Conduct", 11 },
			{ "SIGs", "General", "No group", "https://matrix.to/#/#general:x.org",
			  "#general:x.org", "", 12 },
		},
		.diag = "tests/pages/groups.md:10:3: warning: name 'SIG:CLI Governance' is about "
		        "'CLI', but #SIGPY-GOV:x.org is in the group 'Python' (of line 9): did you "
		        "mean 'SIG:Python Governance'? [name-group]\n",
	},
};

static const struct {
	const char *file, *diag; /* every diagnostic, in order */
} bad[] = {
	{ "tests/bad/empty.md", "tests/bad/empty.md:1: error: empty page\n" },
	{ "tests/bad/no-table.md", "tests/bad/no-table.md:1: error: no channel table: no table "
	  "has a header with 'Name' and 'Link' columns\n"
	  "tests/bad/no-table.md:9:1: note: this table has no 'Link' column\n" },
	{ "tests/bad/duplicate-alias.md",
	  "tests/bad/duplicate-alias.md:7:12: error: duplicate alias '#SAME:x.org' "
	  "(also on line 5, ignoring case)\n"
	  "tests/bad/duplicate-alias.md:5:11: note: '#same:x.org' first used here\n" },
	{ "tests/bad/bad-alias.md", "tests/bad/bad-alias.md:6:15: error: link "
	  "'https://matrix.to/#/#room' does not name a room alias (#localpart:server): "
	  "the alias has no ':server' part\n" },
	{ "tests/bad/invalid-utf8.md", "tests/bad/invalid-utf8.md:5:6: error: invalid UTF-8 "
	  "(byte 0xe9)\n" },
	{ "tests/bad/front-matter-unclosed.md", "tests/bad/front-matter-unclosed.md:1:1: error: "
	  "front matter opened here is never closed (no line '---' after it)\n" },
	{ "tests/bad/front-matter-invalid.md", "tests/bad/front-matter-invalid.md:2:14: error: "
	  "front matter is not valid YAML: mapping values are not allowed in this context\n" },
};

static void test_pages(void)
{
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		struct page pg;
		char *diag, what[256];
		int rc = parse_page(pages[i].file, &pg, &diag, (struct diag){ 0 });

		check(rc == 0, "%s: parses", pages[i].file);
		snprintf(what, sizeof what, "%s: diagnostics", pages[i].file);
		check_str(what, diag, pages[i].diag ? pages[i].diag : "");
		snprintf(what, sizeof what, "%s: title", pages[i].file);
		check_str(what, pg.title, pages[i].title);
		snprintf(what, sizeof what, "%s: date", pages[i].file);
		check_str(what, pg.date, pages[i].date);
		snprintf(what, sizeof what, "%s: channels", pages[i].file);
		if (!check_num(what, (long long)pg.n, (long long)pages[i].n))
			goto next;
		for (size_t k = 0; k < pg.n; k++) {
			const struct channel *c = &pg.ch[k];
			const struct row *r = &pages[i].rows[k];

#define FIELD(f, got, want) \
	snprintf(what, sizeof what, "%s: channel %zu: " f, pages[i].file, k), check_str(what, got, want)
			FIELD("section", c->section, r->section);
			FIELD("name", c->name, r->name);
			FIELD("purpose", c->purpose, r->purpose);
			FIELD("url", c->url, r->url);
			FIELD("alias", c->alias, r->alias);
			FIELD("group", c->group == NO_GROUP ? "" : pg.groups[c->group].topic, r->group);
#undef FIELD
			snprintf(what, sizeof what, "%s: channel %zu: line", pages[i].file, k);
			check_num(what, c->line, r->line);
		}
next:
		free(diag);
		page_free(&pg);
	}
}

static void test_bad(void)
{
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct page pg;
		char *diag;
		int rc = parse_page(bad[i].file, &pg, &diag, (struct diag){ 0 });

		check(rc == -1, "%s: refused", bad[i].file);
		check_str(bad[i].file, diag, bad[i].diag);
		free(diag);
		page_free(&pg);
	}
}

int main(void)
{
	test_pages();
	test_bad();
	return check_done("page");
}
