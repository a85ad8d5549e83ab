/*
 * page.c - tests of the page model (gen/page.c and the files of its steps,
 * gen/text.c, front.c, scan.c, markdown.c): fixture pages in tests/pages/
 * and the records they must give, bad pages in tests/bad/ and the exact
 * diagnostics they must give, a BOM and CRLF line ends that change
 * nothing (on the fixtures that have them, and on the page under test,
 * argv[1], given them), the limits at their boundaries, and the limits
 * measured before cmark-gfm reads a page (gen/scan.c) alone.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "page.h"
#include "pages.h"
#include "scan.h"
#include "text.h"

struct row {
	const char *section, *name, *purpose, *url, *alias, *group;
	unsigned line;
};

#define STRAY "link to a room outside the Link column of a room table: the room is not " \
	"read [stray-link]"
#define STRAY_ROW "link to a room on a line that looks like a table row but is not in a " \
	"table (a blank line, an indented row or a heading line ends a table): the room is " \
	"not read [stray-link]"

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
		/* Strings by one rule: an alias of a string, !!str, a quoted "~". */
		.file = "tests/pages/front-matter-strings.md", .title = "Matrix rooms",
		.date = "2024-05-07",
		.n = 1, .rows = { { "", "Room", "", "https://matrix.to/#/#r:x.org", "#r:x.org", "", 13 } },
	}, {
		.file = "tests/pages/front-matter-quoted-null.md", .title = "null", .date = "~",
		.n = 1, .rows = { { "", "Room", "", "https://matrix.to/#/#r:x.org", "#r:x.org", "", 8 } },
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
		.diag = "tests/pages/entities.md:5:59: warning: alias '#caf\xc3\xa9:x.org' has characters "
		        "outside ASCII: letters of another script can look like those of a room it "
		        "would impersonate [non-ascii-alias]\n",
	}, {
		/* Other spellings of a room link: kept as the matrix.to link they mean. */
		.file = "tests/pages/link-spellings.md", .title = "", .date = "",
		.n = 4, .rows = {
			{ "Spellings", "Upper", "Upper case", "https://matrix.to/#/#a:x.org", "#a:x.org", "", 5 },
			{ "Spellings", "Plain", "HTTP", "https://matrix.to/#/#b:x.org", "#b:x.org", "", 6 },
			{ "Spellings", "URI", "MSC2312", "https://matrix.to/#/#c:x.org", "#c:x.org", "", 7 },
			{ "Spellings", "Via", "With via", "https://matrix.to/#/#d%3Ax.org?via=x.org",
			  "#d:x.org", "", 8 },
		},
	}, {
		/* Rows that leave out the last cells: padded, no extra-cells warning. */
		.file = "tests/pages/short-rows.md", .title = "", .date = "",
		.n = 3, .rows = {
			{ "", "Short", "", "https://matrix.to/#/#a:x.org", "#a:x.org", "", 3 },
			{ "", "Shorter", "", "https://matrix.to/#/#b:x.org", "#b:x.org", "", 4 },
			{ "", "Full", "Everything", "https://matrix.to/#/#c:x.org", "#c:x.org", "", 5 },
		},
	}, {
		.file = "tests/pages/non-room-table.md", .title = "", .date = "",
		.n = 1, .rows = { { "Rooms", "Room Y", "", "https://matrix.to/#/#y:x.org",
		                    "#y:x.org", "", 11 } },
		.diag = "tests/pages/non-room-table.md:5:12: warning: " STRAY "\n",
	}, {
		/* An indented row is code: it ends the table, and its room is reported. */
		.file = "tests/pages/table-indented-row.md", .title = "", .date = "",
		.n = 1, .rows = { { "", "A", "First", "https://matrix.to/#/#a:x.org", "#a:x.org", "", 3 } },
		.diag = "tests/pages/table-indented-row.md:4:33: warning: " STRAY_ROW "\n"
		        "tests/pages/table-indented-row.md:5:18: warning: " STRAY_ROW "\n",
	}, {
		/* A heading line ends the table; rooms written anywhere are reported. */
		.file = "tests/pages/table-heading-line.md", .title = "", .date = "",
		.n = 1, .rows = { { "", "A", "First", "https://matrix.to/#/#a:x.org", "#a:x.org", "", 3 } },
		.diag = "tests/pages/table-heading-line.md:5:18: warning: " STRAY_ROW "\n"
		        "tests/pages/table-heading-line.md:6:16: warning: " STRAY_ROW "\n"
		        "tests/pages/table-heading-line.md:6:35: warning: " STRAY_ROW "\n"
		        "tests/pages/table-heading-line.md:8:7: warning: " STRAY "\n",
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

#define B "tests/bad/"
#define NOT_ALIAS "does not name a room alias (#localpart:server): the alias "
#define A10 "aaaaaaaaaa"
#define A50 A10 A10 A10 A10 A10

/* The catalogue of bad pages: each is refused with exactly these lines. */
static const struct {
	const char *file, *diag; /* every diagnostic, in order */
} bad[] = {
	{ B "empty.md", B "empty.md:1: error: empty page\n" },
	{ B "only-front-matter.md", B "only-front-matter.md:1: error: no room table: no "
	  "table has a header with 'Name' and 'Link' columns\n" },
	{ B "front-matter-unclosed.md", B "front-matter-unclosed.md:1:1: error: front matter "
	  "opened here is never closed (no line '---' after it)\n" },
	{ B "front-matter-invalid.md", B "front-matter-invalid.md:2:14: error: front matter is "
	  "not valid YAML: mapping values are not allowed in this context\n" },
	{ B "front-matter-duplicate-key.md", B "front-matter-duplicate-key.md:4:1: error: front "
	  "matter has the key 'title' twice\n"
	  B "front-matter-duplicate-key.md:2:1: note: 'title' first set here\n" },
	{ B "front-matter-list.md", B "front-matter-list.md:2:1: error: front matter is not a "
	  "mapping of keys to values\n" },
	{ B "front-matter-title-list.md", B "front-matter-title-list.md:2:8: error: front "
	  "matter: 'title' is not a string\n" },
	/* One rule for the front matter's strings: plain, quoted, block, aliased. */
	{ B "front-matter-title-null.md", B "front-matter-title-null.md:2:8: error: front matter: "
	  "'title' is null (written '~'), not a string: quote it\n" },
	{ B "front-matter-date-null.md", B "front-matter-date-null.md:3:7: error: front matter: "
	  "'date' is null (written 'null'), not a string: quote it\n" },
	{ B "front-matter-title-empty.md", B "front-matter-title-empty.md:2:7: error: front "
	  "matter: 'title' has no value (null), not a string\n" },
	{ B "front-matter-title-int.md", B "front-matter-title-int.md:2:8: error: front matter: "
	  "'title' is tagged !!int, not a string\n" },
	{ B "front-matter-title-binary.md", B "front-matter-title-binary.md:2:8: error: front "
	  "matter: 'title' is tagged !!binary, not a string\n" },
	{ B "front-matter-title-alias-list.md", B "front-matter-title-alias-list.md:3:8: error: "
	  "front matter: 'title' is not a string\n" },
	{ B "front-matter-title-unknown-alias.md", B "front-matter-title-unknown-alias.md:2:8: "
	  "error: front matter: 'title' is an alias of no anchor before it\n" },
	{ B "front-matter-merge-key.md", B "front-matter-merge-key.md:3:1: error: front matter "
	  "has a merge key '<<': write the keys themselves\n" },
	{ B "front-matter-null-key.md", B "front-matter-null-key.md:3:1: error: front matter has "
	  "a key that is not a string\n" },
	{ B "front-matter-too-deep.md", B "front-matter-too-deep.md:2:67: error: front matter "
	  "nests mappings and sequences deeper than 64 levels: over the limit\n" },
	/* Found by fuzzing: YAML escapes make control characters. */
	{ B "front-matter-key-control.md", B "front-matter-key-control.md:3:1: error: front "
	  "matter has a key with a control character U+000A (written as a YAML escape)\n" },
	{ B "front-matter-title-control.md", B "front-matter-title-control.md:2:8: error: front "
	  "matter: 'title' has a control character U+0007 (written as a YAML escape)\n" },
	/* Found by fuzzing: the row was linted, its name quoted raw in a warning. */
	{ B "control-in-name.md", B "control-in-name.md:4:3: error: control character U+0001 "
	  "in cell\n" },
	/* Found by fuzzing: the limit of a cell did not hold for the title. */
	{ B "front-matter-title-too-long.md", B "front-matter-title-too-long.md:2:8: error: "
	  "front matter: 'title' is 1025 bytes, over the limit of 1024\n" },
	{ B "invalid-utf8.md", B "invalid-utf8.md:5:6: error: invalid UTF-8 (byte 0xe9): the "
	  "page must be UTF-8 text\n" },
	{ B "nul-byte.md", B "nul-byte.md:5:5: error: NUL byte: the page must be UTF-8 text\n" },
	{ B "binary.md", B "binary.md:1:1: error: control character U+001F: the page must "
	  "be text without control characters but tabs\n" },
	{ B "control-character.md", B "control-character.md:5:3: error: control character "
	  "U+001B: the page must be text without control characters but tabs\n" },
	/* A C1 control is named, not shown as its first byte (0xc2). */
	{ B "nel.md", B "nel.md:3:16: error: control character U+0085 (NEXT LINE): the page must "
	  "be text without control characters but tabs\n" },
	/* Invisible and direction-changing characters, like control characters. */
	{ B "invisible-in-name.md", B "invisible-in-name.md:3:3: error: invisible character "
	  "U+200B (ZERO WIDTH SPACE) in cell\n" },
	{ B "override-in-name.md", B "override-in-name.md:3:3: error: direction-changing "
	  "character U+202E (RIGHT-TO-LEFT OVERRIDE) in cell\n" },
	{ B "invisible-in-purpose.md", B "invisible-in-purpose.md:3:10: error: invisible "
	  "character U+FEFF (ZERO WIDTH NO-BREAK SPACE) in cell\n" },
	{ B "line-separator-in-name.md", B "line-separator-in-name.md:3:3: error: invisible "
	  "character U+2028 (LINE SEPARATOR) in cell\n" },
	{ B "isolate-in-heading.md", B "isolate-in-heading.md:1:1: error: direction-changing "
	  "character U+2066 (LEFT-TO-RIGHT ISOLATE) in heading\n" },
	{ B "invisible-in-link.md", B "invisible-in-link.md:3:19: error: link has an invisible "
	  "character U+200D (ZERO WIDTH JOINER)\n" },
	{ B "override-in-alias.md", B "override-in-alias.md:3:20: error: link "
	  "'https://matrix.to/#/%23a%E2%80%AEb%3Ax.org' " NOT_ALIAS "has an invisible or "
	  "direction-changing character\n" },
	{ B "front-matter-title-override.md", B "front-matter-title-override.md:2:8: error: "
	  "front matter: 'title' has a direction-changing character U+202E (RIGHT-TO-LEFT "
	  "OVERRIDE)\n" },
	/* A header word beside an unseen character: say which. */
	{ B "header-no-break-space.md", B "header-no-break-space.md:1:3: error: header cell "
	  "'Name' holds U+00A0 (NO-BREAK SPACE), which is not a plain space: write the word "
	  "alone to make it the Name column\n" },
	/* Found by fuzzing: a header glued to a paragraph has its position; say its own. */
	{ B "header-glued-zero-width-space.md", B "header-glued-zero-width-space.md:3:10: error: "
	  "header cell 'Link' holds U+200B (ZERO WIDTH SPACE), which is not a plain space: write "
	  "the word alone to make it the Link column\n" },
	{ B "header-zero-width-space.md", B "header-zero-width-space.md:1:20: error: header cell "
	  "'Link' holds U+200B (ZERO WIDTH SPACE), which is not a plain space: write the word "
	  "alone to make it the Link column\n" },
	{ B "control-entity.md", B "control-entity.md:3:10: error: control character U+0007 in "
	  "cell\n" },
	{ B "link-control.md", B "link-control.md:3:10: error: link has a control character "
	  "U+001B (written as an entity)\n" },
	/* Links into Matrix that name no room alias: what they name instead. */
	{ B "event-link.md", B "event-link.md:3:22: error: link "
	  "'https://matrix.to/#/#a:x.org/$ev3nt:x.org?via=x.org' links to an event in the room "
	  "#a:x.org, not to the room: link the room, https://matrix.to/#/#a:x.org\n" },
	{ B "room-id-link.md", B "room-id-link.md:3:18: error: link "
	  "'https://matrix.to/#/!abcdef:x.org' names a room by its ID, not by an alias "
	  "(#localpart:server)\n" },
	{ B "matrix-uri-user.md", B "matrix-uri-user.md:3:22: error: link "
	  "'matrix:u/someone:x.org' names a user, not a room\n" },
	{ B "no-table.md", B "no-table.md:1: error: no room table: no table has a header "
	  "with 'Name' and 'Link' columns\n" },
	{ B "header-without-link.md", B "header-without-link.md:5:19: warning: " STRAY "\n"
	  B "header-without-link.md:1: error: no room table: no "
	  "table has a header with 'Name' and 'Link' columns\n"
	  B "header-without-link.md:3:1: note: this table has no 'Link' column\n" },
	{ B "no-room.md",
	  B "no-room.md:5:11: warning: row has no https://matrix.to/#/ link in its Link "
	  "cell: skipped [no-link]\n"
	  B "no-room.md:6:10: warning: row has no https://matrix.to/#/ link in its Link "
	  "cell: skipped [no-link]\n"
	  B "no-room.md:1: error: no room: no row of a room table has a "
	  "https://matrix.to/#/ link\n" },
	{ B "duplicate-alias.md", B "duplicate-alias.md:7:12: error: duplicate alias "
	  "'#SAME:x.org' (also on line 5, ignoring case)\n"
	  B "duplicate-alias.md:5:11: note: '#same:x.org' first used here\n" },
	{ B "alias-without-server.md", B "alias-without-server.md:6:15: error: link "
	  "'https://matrix.to/#/#room' " NOT_ALIAS "has no ':server' part\n" },
	{ B "alias-too-long.md", B "alias-too-long.md:3:10: error: link 'https://matrix.to/#/#"
	  A50 A50 A50 A50 A10 A10 A10 A10 "aaaaaaaaa:x.org' " NOT_ALIAS
	  "is longer than 255 bytes\n" },
	{ B "empty-alias.md", B "empty-alias.md:3:13: error: link 'https://matrix.to/#/' "
	  NOT_ALIAS "is empty\n" },
	{ B "malformed-escape.md", B "malformed-escape.md:3:12: error: link "
	  "'https://matrix.to/#/%23room%3Ax.org%2' " NOT_ALIAS "has a malformed %-escape\n" },
	{ B "bad-server.md", B "bad-server.md:3:12: error: link "
	  "'https://matrix.to/#/%23room%3Aexa%20mple.org' " NOT_ALIAS "has a server name that "
	  "is not a host name (letters, digits, '-' and '.')\n" },
	{ B "bad-port.md", B "bad-port.md:3:10: error: link 'https://matrix.to/#/#room:x.org:http' "
	  NOT_ALIAS "has a server port that is not a number from 1 to 65535\n" },
	{ B "port-out-of-range.md", B "port-out-of-range.md:3:7: error: link "
	  "'https://matrix.to/#/#a:x.org:99999' " NOT_ALIAS "has a server port that is not a "
	  "number from 1 to 65535\n" },
	{ B "user-link.md", B "user-link.md:3:14: error: link 'https://matrix.to/#/@someone:x.org' "
	  "names a user, not a room\n" },
	/* What reaches cmark-gfm (page.h): limits it stays linear within. */
	{ B "line-too-long.md", B "line-too-long.md:5:16385: error: line is 16513 bytes long, "
	  "over the limit of 16384\n" },
	{ B "nesting-too-deep.md", B "nesting-too-deep.md:5:44: error: line opens more than 32 "
	  "nested blocks (quotes, list items, indentation): over the limit\n" },
	{ B "table-too-wide.md", B "table-too-wide.md:6:1: error: table delimiter row of 65 "
	  "columns, over the limit of 64\n" },
	{ B "table-lead-too-long.md", B "table-lead-too-long.md:22:1: error: table delimiter row "
	  "17 lines below a blank line or heading, over the limit of 16: cmark-gfm reads them all "
	  "again for it\n" },
	{ B "too-many-brackets.md", B "too-many-brackets.md:404:397: error: more than 40000 '[' "
	  "on the page: over the limit\n" },
	{ B "cell-too-long.md", B "cell-too-long.md:3:10: error: cell text is 1025 bytes, over "
	  "the limit of 1024\n" },
};

/* Oddities accepted: pages with a BOM, with CRLF line ends (and the page
 * under test, given them). */
static const char *const same_as[] = { "tests/pages/seed-bom.md", "tests/pages/seed-crlf.md" };

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
		snprintf(what, sizeof what, "%s: rooms", pages[i].file);
		if (!check_num(what, (long long)pg.n, (long long)pages[i].n))
			goto next;
		for (size_t k = 0; k < pg.n; k++) {
			const struct room *c = &pg.rooms[k];
			const struct row *r = &pages[i].rows[k];

#define FIELD(f, got, want) \
	snprintf(what, sizeof what, "%s: room %zu: " f, pages[i].file, k), check_str(what, got, want)
			FIELD("section", c->section, r->section);
			FIELD("name", c->name, r->name);
			FIELD("purpose", c->purpose, r->purpose);
			FIELD("url", c->url, r->url);
			FIELD("alias", c->alias, r->alias);
			FIELD("group", c->group == NO_GROUP ? "" : pg.groups[c->group].topic, r->group);
#undef FIELD
			snprintf(what, sizeof what, "%s: room %zu: line", pages[i].file, k);
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

/* Parses the page text (len bytes) as the file: its diagnostics (to free). */
static char *parse_as(const char *file, const char *text, size_t len, struct page *pg)
{
	struct diag d = { .file = file };
	char *diag;
	size_t dlen;

	d.out = open_memstream(&diag, &dlen);
	pages_check(pg, text, len, &d);
	fclose(d.out);
	return diag;
}

/* The file and its text made as pages_variant() makes it give the same rooms,
 * at the same places, and the same diagnostics. */
static void check_variant(const char *file, const char *text, size_t len, int bom, int crlf)
{
	static const char *const names[2][2] = { { "without BOM or CR", "with CRLF" },
	                                         { "with a BOM", "with a BOM and CRLF" } };
	struct page pg, other;
	size_t n;
	char *v = pages_variant(text, len, bom, crlf, &n), *diag, *vdiag, what[512];

	snprintf(what, sizeof what, "%s, %s", file, names[bom][crlf]);
	diag = parse_as(file, text, len, &pg);
	vdiag = parse_as(file, v, n, &other);
	check_str(what, vdiag, diag);
	check_str("title", other.title, pg.title);
	check_str("date", other.date, pg.date);
	if (check_num("rooms", (long long)other.n, (long long)pg.n))
		for (size_t k = 0; k < pg.n; k++) {
			const struct room *a = &other.rooms[k], *b = &pg.rooms[k];

			check(!strcmp(a->section, b->section) && !strcmp(a->name, b->name) &&
			      !strcmp(a->purpose, b->purpose) && !strcmp(a->url, b->url) &&
			      !strcmp(a->alias, b->alias) && a->line == b->line &&
			      a->name_col == b->name_col && a->group == b->group,
			      "%s: room %zu as in the file", what, k);
		}
	free(v);
	free(diag);
	free(vdiag);
	page_free(&pg);
	page_free(&other);
}

/* The pages of same_as[] and the page under test: each as if without BOM
 * and CR, with a BOM, with CRLF, and both. */
static void test_same_as(const char *page)
{
	for (size_t i = 0; i <= sizeof same_as / sizeof *same_as; i++) {
		const char *file = i < sizeof same_as / sizeof *same_as ? same_as[i] : page;
		size_t len = 0;
		char *text = check_read(file, &len), *diag;
		struct page pg;

		if (!check(text != NULL, "read %s", file))
			continue;
		check_num(file, parse_page(file, &pg, &diag, (struct diag){ 0 }), 0); /* accepted */
		free(diag);
		page_free(&pg);
		for (int bom = 0; bom < 2; bom++)
			for (int crlf = 0; crlf < 2; crlf++)
				check_variant(file, text, len, bom, crlf);
		free(text);
	}
}

/* ---- Limits, at their boundaries --------------------------------------- */

struct text {
	char *s;
	size_t len, cap;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	while (t->len + (size_t)n + 1 > t->cap)
		t->s = realloc(t->s, t->cap = t->cap ? t->cap * 2 : 4096);
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

/* Parses t as a page named "limit.md": returns its result, the first line of diagnostics. */
static int parse_text(const struct text *t, struct page *pg, char *first, size_t size)
{
	struct diag d = { .file = "limit.md" };
	char *diag;
	size_t dlen;
	int rc;

	d.out = open_memstream(&diag, &dlen);
	rc = pages_check(pg, t->s, t->len, &d);
	fclose(d.out);
	snprintf(first, size, "%.*s", (int)strcspn(diag, "\n"), diag);
	free(diag);
	return rc;
}

#define ROOM "| Name | Link |\n|---|---|\n| R | https://matrix.to/#/#r:x.org |\n"

/*
 * The limits of what reaches cmark-gfm, at N and N + 1 (page.h): t holds the
 * page, line 5 of which is the line measured.
 */
static void test_parser_limits(struct text *t)
{
	static const struct {
		const char *description;
		const char *head, *unit, *tail; /* line 5: head, unit N or N + 1 times, tail */
		unsigned n;
		const char *error;              /* for N + 1 */
	} limits[] = {
		{ .description = "line of PAGE_MAX_LINE bytes", .unit = "a", .n = PAGE_MAX_LINE,
		  .error = "limit.md:5:16385: error: line is 16385 bytes long, over the limit of "
		  "16384" },
		{ .description = "line of PAGE_MAX_NESTING blocks", .unit = ">", .tail = " x",
		  .n = PAGE_MAX_NESTING, .error = "limit.md:5:33: error: line opens more than 32 "
		  "nested blocks (quotes, list items, indentation): over the limit" },
		{ .description = "list items of PAGE_MAX_NESTING blocks", .unit = "- ", .tail = "x",
		  .n = PAGE_MAX_NESTING * 2 / 3, .error = "limit.md:5:44: error: line opens more "
		  "than 32 nested blocks (quotes, list items, indentation): over the limit" },
		{ .description = "table of PAGE_MAX_COLUMNS columns", .head = "|", .unit = "-|",
		  .n = PAGE_MAX_COLUMNS, .error = "limit.md:5:1: error: table delimiter row of 65 "
		  "columns, over the limit of 64" },
		{ .description = "delimiter row PAGE_MAX_TABLE_LEAD lines below a blank line",
		  .unit = "lead\n", .tail = "|-|", .n = PAGE_MAX_TABLE_LEAD,
		  .error = "limit.md:22:1: error: table delimiter row 17 lines below a blank line or "
		  "heading, over the limit of 16: cmark-gfm reads them all again for it" },
		{ .description = "PAGE_MAX_MARKUP '['", .unit = "[a]\n", .n = PAGE_MAX_MARKUP,
		  .error = "limit.md:40005:1: error: more than 40000 '[' on the page: over the limit" },
		{ .description = "PAGE_MAX_MARKUP '*' runs", .unit = "*a\n", .n = PAGE_MAX_MARKUP,
		  .error = "limit.md:40005:1: error: more than 40000 '*' on the page: over the limit" },
		{ .description = "PAGE_MAX_MARKUP '_' runs, not in words", .unit = "a_b _a\n",
		  .n = PAGE_MAX_MARKUP, .error = "limit.md:40005:5: error: more than 40000 '_' on the "
		  "page: over the limit" },
		{ .description = "PAGE_MAX_LINK_EMPHASIS", .unit = "[*a*b**c _d~e](u*v)\n",
		  .n = PAGE_MAX_LINK_EMPHASIS / 5, .error = "limit.md:20005:2: error: more than "
		  "100000 runs of '*', '_' and '~' in link texts on the page: over the limit" },
		{ .description = "PAGE_MAX_MARKUP 'www.' on lines", .unit = "WWW.\n",
		  .n = PAGE_MAX_MARKUP, .error = "limit.md:40005:1: error: more than 40000 'WWW.' on "
		  "the page: over the limit" },
	};
	struct page pg;
	char first[256], what[256];

	for (size_t i = 0; i < sizeof limits / sizeof *limits; i++)
		for (unsigned extra = 0; extra < 2; extra++) {
			t->len = 0;
			add(t, ROOM "\n%s", limits[i].head ? limits[i].head : "");
			for (unsigned k = 0; k < limits[i].n + extra; k++)
				add(t, "%s", limits[i].unit);
			add(t, "%s\n", limits[i].tail ? limits[i].tail : "");
			snprintf(what, sizeof what, "%s%s", limits[i].description, extra ? " + 1" : "");
			check_num(what, parse_text(t, &pg, first, sizeof first), extra ? -1 : 0);
			if (extra)
				check_str(what, first, limits[i].error);
			page_free(&pg);
		}

	/*
	 * PAGE_MAX_ROOMS rooms whose aliases hold two '_', '*' or '~': within
	 * PAGE_MAX_MARKUP, which counts what cmark-gfm may take for emphasis
	 * (not the bytes of a link's destination, nor a '_' inside a word).
	 */
	for (const char *c = "_*~"; *c; c++) {
		t->len = 0;
		add(t, "| Name | Purpose | Link |\n|---|---|---|\n");
		for (unsigned k = 0; k < PAGE_MAX_ROOMS; k++)
			add(t, "| Room %u | purpose %u | [#r%ca%c%u-gen:x.org](https://matrix.to/#/#r%ca%c%u-gen:"
			    "x.org) |\n", k, k, *c, *c, k, *c, *c, k);
		snprintf(what, sizeof what, "%u rooms with '%c' in their aliases", PAGE_MAX_ROOMS, *c);
		check_num(what, parse_text(t, &pg, first, sizeof first), 0);
		check(!strstr(first, ": error: "), "%s: got %s", what, first);
		check_num(what, (long long)pg.n, PAGE_MAX_ROOMS);
		page_free(&pg);
	}

	/* Lines of '-' alone are list items or underlines to cmark-gfm, not delimiter rows. */
	t->len = 0;
	add(t, ROOM "\nA paragraph\n");
	for (unsigned k = 0; k < 2 * PAGE_MAX_TABLE_LEAD; k++)
		add(t, "%s\n", k % 2 ? " -" : "---");
	check_num("lines of '-' below a paragraph: not delimiter rows",
	          parse_text(t, &pg, first, sizeof first), 0);
	page_free(&pg);

	/* A table row of 65,536 cells would end its table in cmark-gfm: refused. */
	t->len = 0;
	add(t, ROOM);
	for (unsigned k = 0; k < 65536; k++)
		add(t, "|");
	add(t, "|\n");
	check_num("row of 65,536 cells: refused", parse_text(t, &pg, first, sizeof first), -1);
	check_str("row of 65,536 cells", first, "limit.md:4:16385: error: line is 65537 bytes "
	          "long, over the limit of 16384 (as a table row of more than 65535 cells, "
	          "cmark-gfm would drop it and every row after it)");
	page_free(&pg);

	/* What cmark-gfm allocates: a page that would need more is refused. */
	t->len = 0;
	add(t, ROOM);
	while (t->len + 2 <= PAGE_MAX_BYTES)
		add(t, "a\n");
	check_num("page needing more than PAGE_MAX_PARSE_MEMORY: refused",
	          parse_text(t, &pg, first, sizeof first), -1);
	check(!strncmp(first, "limit.md:", 9) && strstr(first, ": error: cmark-gfm needs more than "
	      "256 MiB to read the page: over the limit"), "page needing more than "
	      "PAGE_MAX_PARSE_MEMORY: got %s", first);
	page_free(&pg);
}

#define QUOTES_32 ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>" /* PAGE_MAX_NESTING quote markers */
#define LINES_16 "a\na\na\na\na\na\na\na\na\na\na\na\na\na\na\na\n" /* PAGE_MAX_TABLE_LEAD */
#define NESTING_ERROR "nested blocks (quotes, list items, indentation): over the limit\n"

/*
 * The limits measured before cmark-gfm reads a page (gen/scan.c), alone: on
 * markdown that page_parse() would refuse for another reason (it has no
 * room table), or would never measure (the front matter, before body).
 */
static void test_scan(void)
{
	static const struct {
		const char *description;
		const char *text;
		unsigned skip;    /* lines before the markdown (the front matter's) */
		const char *diag; /* what scan_markdown() reports, "" if nothing */
	} cases[] = {
		{ .description = "no table: within the limits", .text = "A paragraph.\n",
		  .diag = "" },
		{ .description = "empty markdown", .text = "", .diag = "" },
		{ .description = "PAGE_MAX_NESTING quote markers", .text = "A paragraph.\n\n"
		  QUOTES_32 " x\n", .diag = "" },
		{ .description = "PAGE_MAX_NESTING + 1 quote markers", .text = "A paragraph.\n\n>"
		  QUOTES_32 " x\n", .diag = "scan.md:3:33: error: line opens more than 32 "
		  NESTING_ERROR },
		{ .description = "over a limit on the first line", .text = ">" QUOTES_32 "\n\n>"
		  QUOTES_32 " x\n", .diag = "scan.md:1:33: error: line opens more than 32 "
		  NESTING_ERROR },
		{ .description = "lines before the markdown: not measured, but counted",
		  .text = ">" QUOTES_32 "\n\n>" QUOTES_32 " x\n", .skip = 2,
		  .diag = "scan.md:3:33: error: line opens more than 32 " NESTING_ERROR },
		{ .description = "CRLF ends a line", .text = ">" QUOTES_32 "\r\n\r\n>" QUOTES_32
		  " x\r\n", .skip = 2, .diag = "scan.md:3:33: error: line opens more than 32 "
		  NESTING_ERROR },
		{ .description = "delimiter row PAGE_MAX_TABLE_LEAD lines below a blank line",
		  .text = "\n" LINES_16 "|-|\n", .diag = "" },
		{ .description = "delimiter row PAGE_MAX_TABLE_LEAD + 1 lines below a blank line",
		  .text = "\n" LINES_16 "a\n|-|\n", .diag = "scan.md:19:1: error: table delimiter "
		  "row 17 lines below a blank line or heading, over the limit of 16: cmark-gfm reads "
		  "them all again for it\n" },
		{ .description = "a heading ends the lines above a delimiter row",
		  .text = LINES_16 LINES_16 "# Heading\n|-|\n", .diag = "" },
	};

	check_num("QUOTES_32", (long long)strlen(QUOTES_32), PAGE_MAX_NESTING);
	check_num("LINES_16", (long long)strlen(LINES_16), 2 * PAGE_MAX_TABLE_LEAD);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct diag d = { .file = "scan.md" };
		struct src s = { .text = cases[i].text, .len = strlen(cases[i].text), .d = &d };
		size_t body = 0, dlen;
		char *diag;
		int rc;

		d.out = open_memstream(&diag, &dlen);
		rc = text_index(&s);
		for (unsigned k = 0; k < cases[i].skip; k++)
			body = text_next_line(s.text, s.len, body);
		if (rc == 0)
			rc = scan_markdown(&s, body);
		fclose(d.out);
		check_num(cases[i].description, rc, *cases[i].diag ? -1 : 0);
		check_str(cases[i].description, diag, cases[i].diag);
		free(diag);
		free(s.line);
	}
}

static void test_limits(void)
{
	struct text t = { 0 };
	struct page pg;
	char first[256];

	/* Pages: PAGE_MAX_BYTES is accepted, one byte more is not. */
	add(&t, "| Name | Link |\n|---|---|\n| R | https://matrix.to/#/#r:x.org |\n\n");
	while (t.len < PAGE_MAX_BYTES - 81)
		add(&t, "%080d\n", 0);
	add(&t, "%.*s", (int)(PAGE_MAX_BYTES - t.len), "................................................................................................");
	check_num("page of PAGE_MAX_BYTES", (long long)t.len, PAGE_MAX_BYTES);
	check_num("page of PAGE_MAX_BYTES: accepted", parse_text(&t, &pg, first, sizeof first), 0);
	check_num("page of PAGE_MAX_BYTES: its room", (long long)pg.n, 1);
	page_free(&pg);
	add(&t, ".");
	check_num("page of PAGE_MAX_BYTES + 1: refused", parse_text(&t, &pg, first, sizeof first), -1);
	check_str("page of PAGE_MAX_BYTES + 1", first,
	          "limit.md:1: error: page is larger than the limit of 4194304 bytes");
	page_free(&pg);

	/* Cells: PAGE_MAX_CELL bytes of text are accepted, one more is not. */
	for (unsigned extra = 0; extra < 2; extra++) {
		t.len = 0;
		add(&t, "| Name | Link |\n|---|---|\n| %0*d | https://matrix.to/#/#r:x.org |\n",
		    (int)(PAGE_MAX_CELL + extra), 0);
		check_num(extra ? "cell of PAGE_MAX_CELL + 1: refused" : "cell of PAGE_MAX_CELL",
		          parse_text(&t, &pg, first, sizeof first), extra ? -1 : 0);
		if (extra)
			check_str("cell of PAGE_MAX_CELL + 1", first, "limit.md:3:3: error: cell text is "
			          "1025 bytes, over the limit of 1024");
		page_free(&pg);
	}

	/* The title too, and a heading. */
	for (unsigned extra = 0; extra < 2; extra++) {
		t.len = 0;
		add(&t, "---\ntitle: %0*d\n---\n| Name | Link |\n|---|---|\n"
		    "| R | https://matrix.to/#/#r:x.org |\n", (int)(PAGE_MAX_CELL + extra), 0);
		check_num(extra ? "title of PAGE_MAX_CELL + 1: refused" : "title of PAGE_MAX_CELL",
		          parse_text(&t, &pg, first, sizeof first), extra ? -1 : 0);
		page_free(&pg);
		t.len = 0;
		add(&t, "# %0*d\n\n| Name | Link |\n|---|---|\n| R | https://matrix.to/#/#r:x.org |\n",
		    (int)(PAGE_MAX_CELL + extra), 0);
		check_num(extra ? "heading of PAGE_MAX_CELL + 1: refused" : "heading of PAGE_MAX_CELL",
		          parse_text(&t, &pg, first, sizeof first), extra ? -1 : 0);
		if (extra)
			check_str("heading of PAGE_MAX_CELL + 1", first, "limit.md:1:1: error: heading "
			          "text is 1025 bytes, over the limit of 1024");
		page_free(&pg);
	}

	/* The front matter: PAGE_MAX_YAML_DEPTH levels are accepted, one more is not. */
	for (unsigned extra = 0; extra < 2; extra++) {
		unsigned brackets = PAGE_MAX_YAML_DEPTH - 1 + extra; /* and the top mapping */

		t.len = 0;
		add(&t, "---\nx: ");
		for (unsigned i = 0; i < brackets; i++)
			add(&t, "[");
		for (unsigned i = 0; i < brackets; i++)
			add(&t, "]");
		add(&t, "\n---\n| Name | Link |\n|---|---|\n| R | https://matrix.to/#/#r:x.org |\n");
		check_num(extra ? "YAML of PAGE_MAX_YAML_DEPTH + 1 levels: refused"
		                : "YAML of PAGE_MAX_YAML_DEPTH levels",
		          parse_text(&t, &pg, first, sizeof first), extra ? -1 : 0);
		if (extra)
			check_str("YAML of PAGE_MAX_YAML_DEPTH + 1 levels", first, "limit.md:2:67: error: "
			          "front matter nests mappings and sequences deeper than 64 levels: over "
			          "the limit");
		page_free(&pg);
	}

	test_parser_limits(&t);

	/* Rooms: PAGE_MAX_ROOMS are accepted, one more is not. */
	t.len = 0;
	add(&t, "| Name | Link |\n|---|---|\n");
	for (unsigned i = 0; i < PAGE_MAX_ROOMS; i++)
		add(&t, "| Room %u | https://matrix.to/#/#room%u:x.org |\n", i, i);
	check_num("PAGE_MAX_ROOMS rooms", parse_text(&t, &pg, first, sizeof first), 0);
	check_num("PAGE_MAX_ROOMS rooms: all read", (long long)pg.n, PAGE_MAX_ROOMS);
	page_free(&pg);
	add(&t, "| One more | https://matrix.to/#/#more:x.org |\n");
	check_num("PAGE_MAX_ROOMS + 1 rooms: refused", parse_text(&t, &pg, first, sizeof first), -1);
	check_str("PAGE_MAX_ROOMS + 1 rooms", first, "limit.md:20003: error: more than 20000 "
	          "rooms: over the limit of a page");
	page_free(&pg);
	free(t.s);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: page PAGE BUILDDIR\n", stderr);
		return 2;
	}
	test_pages();
	test_bad();
	test_same_as(argv[1]);
	test_limits();
	test_scan();
	page_cleanup();
	return check_done("page");
}
