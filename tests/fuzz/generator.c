/*
 * generator.c - fuzz target "generator": any bytes as a wiki page, through
 * the generator's own code (page_parse(), its checks, room_write()).
 *
 * Either the page is refused, with diagnostics in the form
 * FILE:LINE[:COL]: severity: message whose lines and columns lie in the
 * page, at least one of them an error; or it is accepted, and its records
 * obey the page model (gen/page.h): every alias a valid room alias, unique
 * ignoring ASCII case, the one its link names; every field UTF-8 without
 * control, invisible or direction-changing characters, whitespace
 * collapsed, within the cell limit; groups consistent.  An accepted page's
 * table is then written, to a directory of the process's own.  The input is
 * also read as a group page (charter.h) and joined to the groups of the
 * page FUZZ_PAGE: refused with an error, or giving each group fields of
 * the same text rules, handles and the limits.  Any fault aborts (a finding); leaks are the
 * sanitizer's to report.
 *
 * Built with libFuzzer (make fuzz), or with tests/fuzz/replay.c to run
 * saved inputs (make check).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alias.h"
#include "charter.h"
#include "room.h"
#include "diag.h"
#include "files.h"
#include "group.h"
#include "key.h"
#include "link.h"
#include "page.h"
#include "search.h"
#include "words.h"
#include "pages.h"
#include "utf8.h"

#define LABEL "fuzz.md"

static const uint8_t *page;
static size_t page_len;

/* Reports a finding, with the page, and aborts. */
static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "generator: %s%s%s\n--- page (%zu bytes) ---\n", what,
	        detail ? ": " : "", detail ? detail : "", page_len);
	fwrite(page, 1, page_len, stderr);
	fputs("\n--- end ---\n", stderr);
	abort();
}

/*
 * Length of line number line (from 1) of the page, or -1 past its end.
 * Lines end as CommonMark (and YAML) say: LF, CRLF or a lone CR.
 */
static long line_length(unsigned long line)
{
	size_t i = 0, end;

	for (unsigned long l = 1;; l++) {
		for (end = i; end < page_len && page[end] != '\n' && page[end] != '\r'; end++)
			;
		if (l == line)
			return (long)(end - i);
		if (end == page_len)
			return -1;
		i = end + (page[end] == '\r' && end + 1 < page_len && page[end + 1] == '\n') + 1;
	}
}

/*
 * Checks the diagnostics (out, one per line) against the page and the
 * result: returns how many errors they hold.
 */
static unsigned check_diagnostics(char *out)
{
	unsigned errors = 0;

	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		char *p = line + strlen(LABEL ":"), *end;
		unsigned long l, col = 0;
		long len;

		if (strncmp(line, LABEL ":", strlen(LABEL ":")))
			fail("a diagnostic does not start with the page's name", line);
		l = strtoul(p, &end, 10);
		if (end == p || l == 0 || (len = line_length(l)) < 0)
			fail("a diagnostic's line is not a line of the page", line);
		if (*end == ':' && end[1] >= '0' && end[1] <= '9') {
			col = strtoul(end + 1, &end, 10);
			if (col == 0 || col > (unsigned long)len + 1)
				fail("a diagnostic's column is not in its line", line);
		}
		if (!strncmp(end, ": error: ", 9))
			errors++;
		else if (strncmp(end, ": warning: ", 11) && strncmp(end, ": note: ", 8))
			fail("a diagnostic is not an error, a warning or a note", line);
		if (utf8_check_visible(line, strlen(line), NULL, NULL) != UTF8_OK)
			fail("a diagnostic is not UTF-8 text without control, invisible or "
			     "direction-changing characters", line);
	}
	return errors;
}

/* Is s UTF-8 text without control characters, its spaces collapsed? */
static void check_text(const char *what, const char *s)
{
	size_t n = strlen(s);

	if (n > PAGE_MAX_CELL)
		fail(what, "longer than a cell may be");
	if (utf8_check_visible(s, n, NULL, NULL) != UTF8_OK)
		fail(what, "not UTF-8 text without control, invisible or direction-changing "
		     "characters");
	if (n && (s[0] == ' ' || s[n - 1] == ' ' || strstr(s, "  ")))
		fail(what, "whitespace not collapsed");
}

static void check_records(const struct page *pg)
{
	char decoded[LINK_ALIAS_MAX];

	if (pg->n > PAGE_MAX_ROOMS)
		fail("more rooms than the limit", NULL);
	check_text("title", pg->title);
	check_text("date", pg->date);
	for (size_t c = 0; c < pg->n; c++) {
		const struct room *ch = &pg->rooms[c];
		size_t alen = strlen(ch->alias), n;

		check_text("section", ch->section);
		check_text("name", ch->name);
		check_text("purpose", ch->purpose);
		if (alias_check(ch->alias, alen))
			fail("an alias is not a room alias", ch->alias);
		if (ch->lplen == 0 || ch->lplen + 1 >= alen || ch->alias[ch->lplen + 1] != ':' ||
		    memchr(ch->alias + 1, ':', ch->lplen))
			fail("an alias's localpart length is wrong", ch->alias);
		if (strncmp(ch->url, LINK_PREFIX, LINK_PREFIX_LEN) ||
		    utf8_check(ch->url, strlen(ch->url), NULL, NULL) != UTF8_OK)
			fail("a link is not a matrix.to link of UTF-8 text", ch->url);
		n = link_decode(ch->url + LINK_PREFIX_LEN, strlen(ch->url) - LINK_PREFIX_LEN,
		                decoded, sizeof decoded);
		if (n != alen || memcmp(decoded, ch->alias, n))
			fail("an alias is not the one its link names", ch->url);
		if (ch->line == 0 || line_length(ch->line) < 0 || (c && ch->line < ch[-1].line))
			fail("a room's line is not in the page, in order", ch->alias);
		for (size_t k = 0; k < c; k++)
			if (strlen(pg->rooms[k].alias) == alen && key_strn_equal(pg->rooms[k].alias, ch->alias, alen))
				fail("two aliases equal ignoring case", ch->alias);
		if (ch->group != NO_GROUP) {
			const struct group *g = &pg->groups[ch->group];
			const struct room *first = &pg->rooms[g->first];

			if (ch->group >= pg->ngroups || g->first > c || first->group != ch->group ||
			    group_stem(ch->alias + 1, ch->lplen) != g->stemlen ||
			    !key_strn_equal(ch->alias + 1, first->alias + 1, g->stemlen))
				fail("a room's group is not its stem's", ch->alias);
			check_text("topic", g->topic);
		} else if (group_stem(ch->alias + 1, ch->lplen)) {
			fail("a room with a stem has no group", ch->alias);
		}
	}
}

/* The room page the input is joined to as a group page: FUZZ_PAGE, read once. */
static struct page rooms;

static void free_rooms(void)
{
	page_free(&rooms);
}

/* The input as a group page of FUZZ_PAGE's groups, through auxchan-gen's steps. */
static void check_group_page(const uint8_t *data, size_t size)
{
	static const char *const off[] = { "no-group-row", NULL }; /* of FUZZ_PAGE */
	struct charters c = { 0 };
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	struct diag d = { .out = f, .file = LABEL, .off = off };
	unsigned errors;
	int rc;

	if (!f)
		abort();
	/* As gen.c's read_groups(): joined even after an error. */
	rc = charter_parse(&c, LABEL, (const char *)data, size, &d);
	if (charter_join(&c, &rooms, FUZZ_PAGE, &d) != 0)
		rc = -1;
	charter_free(&c);
	if (fclose(f))
		abort();
	errors = check_diagnostics(out);
	free(out);
	if ((rc != 0) != (d.errors != 0) || (rc != 0 && errors == 0))
		fail("a group page refused without an error, or accepted with one", NULL);
	for (size_t g = 0; g < rooms.ngroups; g++) {
		struct group *x = &rooms.groups[g];

		if (rc == 0 && x->file) {
			check_text("responsibility", x->responsibility);
			check_text("responsibility", x->plain);
		}
		if (rc == 0 && x->nleaders > CHARTER_MAX_LEADERS)
			fail("more leaders than the limit", x->topic);
		for (size_t k = 0; rc == 0 && k < x->nleaders; k++) {
			check_text("leader", x->leaders[k]);
			if (x->leaders[k][0] != '@' || !x->leaders[k][1] || strpbrk(x->leaders[k] + 1, " ,@"))
				fail("a leader is not a handle", x->leaders[k]);
		}
		if (rc == 0 && x->nmeetings > CHARTER_MAX_MEETINGS)
			fail("more meetings than the limit", x->topic);
		for (size_t k = 0; rc == 0 && k < x->nmeetings; k++) {
			check_text("meeting time", x->meetings[k].time);
			check_text("meeting length", x->meetings[k].length);
			check_text("join link", x->meetings[k].join);
			check_text("join link's target", x->meetings[k].url);
		}
		/* FUZZ_PAGE again as it was read, for the next input. */
		charter_free_group(x);
		*x = (struct group){ .first = x->first, .stemlen = x->stemlen, .topic = x->topic };
	}
	/* The rows, which charter_join() gave the page. */
	if (rooms.charters)
		charter_free(rooms.charters);
	free(rooms.charters);
	rooms.charters = NULL;
}

/* The directory an accepted page's table is written to; removed at exit. */
static char dir[] = "/tmp/auxchan-fuzz-XXXXXX";

static void remove_dir(void)
{
	static const char *const files[] = { "room_data.h", "search_data.h", "gperf.mk" };
	static const char *const tables[] = { "room", "search" };
	char path[sizeof dir + 64];

	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		remove(path);
	}
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
		for (unsigned b = 0;; b++) {
			snprintf(path, sizeof path, "%s/gperf/%s-%u.gperf", dir, tables[t], b);
			if (remove(path) != 0)
				break;
		}
	snprintf(path, sizeof path, "%s/gperf", dir);
	rmdir(path);
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The saved inputs make check replays (replay.c), every test page, and the
 * pages of data/ (the seed's group pages). */
const char *const fuzz_replay[] = { "tests/fuzz/generator", "tests/pages", "tests/bad",
                                     "tests/bad/groups", "data", NULL };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int started, have_dir;
	struct page pg;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	struct diag d = { .out = f, .file = LABEL };
	unsigned errors;
	int rc;

	if (!f)
		abort();
	if (!started) { /* the first input: what the process keeps, released at exit */
		atexit(page_cleanup);
		atexit(search_cleanup);
		if (parse_page(FUZZ_PAGE, &rooms, &out, (struct diag){ 0 }) != 0)
			fail("the room page " FUZZ_PAGE " is refused", NULL);
		free(out);
		atexit(free_rooms);
		started = 1;
	}
	page = data, page_len = size;
	check_group_page(data, size);
	rc = pages_check(&pg, (const char *)data, size, &d);
	if (fclose(f))
		abort();
	errors = check_diagnostics(out);
	free(out);
	if (rc != 0 && (errors == 0 || d.errors == 0))
		fail("a page refused without an error", NULL);
	if (rc == 0 && (errors != 0 || d.errors != 0))
		fail("a page accepted with an error", NULL);
	if (rc == 0) {
		check_records(&pg);
		if (!have_dir) {
			if (!mkdtemp(dir))
				abort();
			atexit(remove_dir);
			have_dir = 1;
		}
		struct files fs = { .dir = dir, .label = LABEL };
		struct key_list keys = { 0 };
		struct vocabulary v;
		FILE *w = open_memstream(&out, &outlen);
		struct diag dw = { .out = w, .file = LABEL };
		struct word_table *t;
		int vrc;

		/* The input as a vocabulary page of itself too (| Word | Means |). */
		if (!w)
			abort();
		vrc = words_parse(&v, (const char *)data, size, &dw);
		if (vrc == 0)
			vrc = words_check(&v, &pg, &dw);
		if (fclose(w))
			abort();
		errors = check_diagnostics(out);
		free(out);
		if ((vrc != 0) != (dw.errors != 0) || (vrc != 0 && errors == 0))
			fail("a vocabulary page refused without an error, or accepted with one", NULL);
		/* The word table's limits: a page past one gets an error. */
		if (!(w = open_memstream(&out, &outlen)))
			abort();
		dw = (struct diag){ .out = w, .file = LABEL };
		t = search_words(&pg, vrc == 0 ? &v : NULL, &dw);
		if (fclose(w))
			abort();
		if (!t && check_diagnostics(out) == 0)
			fail("a page past the word table's limits refused without an error", NULL);
		free(out);
		if (t) {
			room_write(&pg, &fs, &keys);
			search_write(t, &keys, &fs);
			if (files_commit(&fs) != 0)
				fail("the table of an accepted page was not written", NULL);
		}
		search_free(t);
		words_free(&v);
		key_list_free(&keys);
	}
	page_free(&pg);
	return 0;
}
