/*
 * gen.c - auxchan-gen: reads the wiki page, checks it, and writes the
 * room table for gperf and the library (see room.h).  main() is the
 * pipeline: read, parse, group, lint, write; or, with --check, write
 * nothing; or, with --diff, compare two revisions (see diff.h).
 *
 * Exit status: 0 written, 1 the page has errors (nothing written),
 * 2 usage or I/O error.  --diff: 0 no change, 1 changes, 2 an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "room.h"
#include "charter.h"
#include "diag.h"
#include "diff.h"
#include "files.h"
#include "gperf.h"
#include "group.h"
#include "lint.h"
#include "mem.h"
#include "page.h"
#include "search.h"
#include "words.h"

#define MAX_SILENCED 64
#define MAX_GROUP_PAGES 64

static const char usage[] =
	"usage: auxchan-gen [--strict] [--no-warn=CHECK]... [--words=WORDS]\n"
	"                   [--groups=GROUPS]... [-o DIR | --check | --keys] PAGE\n"
	"       auxchan-gen [--strict] --diff [--format=text|json] [--old-groups=GROUPS]...\n"
	"                   [--groups=GROUPS]... OLD NEW\n"
	"       auxchan-gen --join-gperf GPERF_OUTPUT...\n"
	"\n"
	"Reads the wiki page PAGE (\"-\" for standard input), reports its problems\n"
	"as FILE:LINE:COL: error|warning: message, and unless there is an error\n"
	"writes the tables in DIR (default: the current directory): room_data.h\n"
	"and search_data.h, gperf/TABLE-N.gperf for each bucket of their keys, and\n"
	"gperf.mk, which names the buckets for make.\n"
	"\n"
	"  -o DIR           where to write the files\n"
	"  --check          check the page, write nothing\n"
	"  --words=WORDS    the vocabulary page: words people type that PAGE lacks,\n"
	"                   each with the group or word of PAGE it means\n"
	"  --groups=GROUPS  a group page: what each group of PAGE's rooms does, who\n"
	"                   leads it, when it meets (tables Name | Responsibility |\n"
	"                   Current Leaders and SIG | Meeting Time | Meeting length\n"
	"                   | Join Link), joined to PAGE's groups by topic; repeat\n"
	"                   for each page\n"
	"  --keys           check the page, and print the keys of its table as\n"
	"                   auxchan --keys would (for a cross build's completions)\n"
	"  --strict         treat warnings as errors\n"
	"  --no-warn=CHECK  do not report the warning CHECK (its name ends the\n"
	"                   warning's line, in brackets)\n"
	"  --diff           compare two revisions of the page, OLD and NEW: the\n"
	"                   rooms added, removed and changed (matched by alias,\n"
	"                   ignoring case), and the title and date; with group\n"
	"                   pages, the groups added, removed and changed (matched\n"
	"                   by name, ignoring case: responsibility, leaders,\n"
	"                   meetings); reports the pages' errors, not their warnings\n"
	"  --old-groups=GROUPS\n"
	"                   with --diff, a group page of OLD, as --groups names\n"
	"                   NEW's; repeat for each page (a side with none has no\n"
	"                   groups)\n"
	"  --format=FORMAT  of the comparison: text (default) or json\n"
	"  --join-gperf     write what the library uses of gperf's outputs of a\n"
	"                   table's buckets, in their order: each one's constants,\n"
	"                   hash function and slots (make runs it)\n"
	"  --help           show this help\n"
	"\n"
	"At most 100 errors and 100 warnings are shown; then the number of the others.\n"
	"\n"
	"Exit status: 0 written, 1 the page has errors, 2 usage or I/O error;\n"
	"with --diff, like diff(1): 0 no change, 1 changes, 2 an error.\n";

/*
 * Reads f into *buf, but never more than max bytes: memory stays bounded
 * whatever the file's size.  Returns the length read.
 */
static size_t read_at_most(FILE *f, char **buf, size_t max)
{
	size_t len = 0, cap = 0;

	*buf = NULL;
	for (;;) {
		size_t n;

		*buf = xgrow(*buf, &cap, len + 65536 < max ? len + 65536 : max, 1);
		n = fread(*buf + len, 1, cap - len, f);
		len += n;
		if (n == 0 || len == max)
			return len;
	}
}

/*
 * Reads the page file ("-": standard input) into *text, at most one byte
 * more than PAGE_MAX_BYTES, which is enough for page_parse() to refuse it.
 * Returns 0, or 2 after reporting why it cannot be read.
 */
static int read_page(const char *file, char **text, size_t *len)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	int rc = 0;

	*text = NULL;
	if (!f) {
		fprintf(stderr, "auxchan-gen: cannot open %s: %s\n", file, strerror(errno));
		return 2;
	}
	*len = read_at_most(f, text, PAGE_MAX_BYTES + 1);
	if (ferror(f)) {
		fprintf(stderr, "auxchan-gen: cannot read %s: %s\n", file, strerror(errno));
		rc = 2;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

/*
 * Reads the page file and checks it: parses it into *pg, groups its
 * rooms and lints them, reporting through d (whose file it sets).
 * Returns 0, 1 if the page has errors, or 2 if it cannot be read.  Either
 * way *pg must be released with page_free().
 */
static int read_check(const char *file, struct page *pg, struct diag *d)
{
	unsigned errors = d->errors;
	size_t len;
	char *text;
	int rc;

	memset(pg, 0, sizeof *pg);
	d->file = strcmp(file, "-") ? file : "<stdin>";
	if ((rc = read_page(file, &text, &len)) == 0) {
		page_parse(pg, text, len, d);
		group_assign(pg);
		lint_page(pg, d);
		rc = d->errors > errors;
	}
	free(text);
	return rc;
}

/*
 * Reads the vocabulary page file into *v and checks it against pg,
 * reporting through d (whose file it sets).  Returns 0, 1 if it has
 * errors, or 2 if it cannot be read; *v must be released either way.
 */
static int read_words(const char *file, struct vocabulary *v, const struct page *pg,
                      struct diag *d)
{
	unsigned errors = d->errors;
	size_t len;
	char *text;
	int rc;

	memset(v, 0, sizeof *v);
	d->file = file;
	if ((rc = read_page(file, &text, &len)) == 0) {
		if (words_parse(v, text, len, d) == 0)
			words_check(v, pg, d);
		rc = d->errors > errors;
	}
	free(text);
	return rc;
}

/*
 * Reads the n group pages files[] and joins them to pg's groups (their rows
 * then in pg->charters), reporting through d (whose file it sets;
 * room_file is pg's).  Returns 0, 1 if they have errors, or 2 if one
 * cannot be read.
 */
static int read_groups(const char *const *files, size_t n, struct page *pg,
                       const char *room_file, struct diag *d)
{
	unsigned errors = d->errors;
	struct charters rows = { 0 }, *c = &rows;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t len;
		char *text;

		d->file = files[i];
		if ((rc = read_page(files[i], &text, &len)) == 0)
			charter_parse(c, files[i], text, len, d);
		free(text);
	}
	if (rc == 0) /* the rows read: every error at once */
		charter_join(c, pg, room_file, d);
	charter_free(c);
	return rc ? rc : d->errors > errors;
}

/* Prints the checks --no-warn knows, after an unknown one: a usage error. */
static void unknown_check(const char *name)
{
	fprintf(stderr, "auxchan-gen: --no-warn=%s: no such check; the checks are:", name);
	for (const char *const *c = diag_checks; *c; c++)
		fprintf(stderr, " %s", *c);
	fputc('\n', stderr);
}

/* n and the noun, plural unless n is 1: "1 error", "2 warnings". */
static void count(unsigned n, const char *noun)
{
	fprintf(stderr, "%u %s%s", n, noun, n == 1 ? "" : "s");
}

/* Says how many diagnostics of d were not shown (the cap, diag.h). */
static void report_hidden(const struct diag *d)
{
	unsigned e = d->hidden_errors, w = d->hidden_warnings;

	if (!e && !w)
		return;
	fprintf(stderr, "auxchan-gen: %s: ", d->file);
	if (e)
		count(e, "more error");
	if (e && w)
		fputs(" and ", stderr);
	if (w)
		count(w, "more warning");
	if (w && d->strict)
		fputs(" (errors, --strict)", stderr);
	fprintf(stderr, " not shown (the first %u%s are)\n", d->max, e && w ? " of each" : "");
}

/*
 * The end of d's report, after a page with errors: the diagnostics not
 * shown, then the errors and warnings counted, and what became of the output.
 */
static void report_errors(const struct diag *d, const char *outcome)
{
	report_hidden(d);
	fprintf(stderr, "auxchan-gen: %s: ", d->file);
	count(d->errors, "error");
	if (d->warnings)
		fputs(" and ", stderr), count(d->warnings, "warning");
	fprintf(stderr, "%s\n", outcome);
}

/*
 * The exit status once what goes to standard output (what) is complete:
 * rc, or 2 if it could not all be written (a full disk, a closed
 * descriptor), after saying why.  Closes standard output.
 */
static int finish_output(int rc, const char *what)
{
	int failed = fflush(stdout) != 0 || ferror(stdout), err = errno;

	if (fclose(stdout) != 0 && !failed)
		failed = 1, err = errno;
	if (!failed)
		return rc;
	fprintf(stderr, "auxchan-gen: cannot write %s: %s\n", what, strerror(err));
	return 2;
}

/* The last component of path: banners must not depend on where we build. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	const char *dir = ".", *file[2] = { NULL }, *silenced[MAX_SILENCED + 1] = { 0 };
	const char *words = NULL, *groups[MAX_GROUP_PAGES], *old_groups[MAX_GROUP_PAGES];
	struct vocabulary v = { 0 };
	struct diag d = { .out = stderr, .off = silenced, .max = DIAG_MAX_SHOWN }, dn;
	struct page pg, pn;
	enum { WRITE, CHECK, KEYS, DIFF } mode = WRITE;
	enum diff_format fmt = DIFF_TEXT;
	size_t nsilenced = 0, nfiles = 0, ngroups = 0, nold_groups = 0;
	int rc;

	if (argc > 2 && !strcmp(argv[1], "--join-gperf"))
		return finish_output(gperf_join(stdout, (const char *const *)argv + 2,
		                                (size_t)(argc - 2)) ? 2 : 0, "gperf's tables");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help")) {
			fputs(usage, stdout);
			return finish_output(0, "the help");
		} else if (!strcmp(a, "--strict")) {
			d.strict = 1;
		} else if (!strncmp(a, "--no-warn=", 10) && !diag_is_check(a + 10)) {
			unknown_check(a + 10);
			return 2;
		} else if (!strncmp(a, "--no-warn=", 10) && nsilenced < MAX_SILENCED) {
			silenced[nsilenced++] = a + 10;
		} else if (!strncmp(a, "--words=", 8) && a[8]) {
			words = a + 8;
		} else if (!strncmp(a, "--groups=", 9) && a[9] && ngroups < MAX_GROUP_PAGES) {
			groups[ngroups++] = a + 9;
		} else if (!strncmp(a, "--old-groups=", 13) && a[13] && nold_groups < MAX_GROUP_PAGES) {
			old_groups[nold_groups++] = a + 13;
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(a, "--check") || !strcmp(a, "--keys") || !strcmp(a, "--diff")) {
			mode = a[2] == 'c' ? CHECK : a[2] == 'k' ? KEYS : DIFF;
		} else if (!strcmp(a, "--format=text") || !strcmp(a, "--format=json")) {
			fmt = a[9] == 't' ? DIFF_TEXT : DIFF_JSON;
		} else if ((a[0] != '-' || !strcmp(a, "-")) && nfiles < 2) {
			file[nfiles++] = a;
		} else {
			fprintf(stderr, "auxchan-gen: unexpected argument '%s'\n%s", a, usage);
			return 2;
		}
	}
	if (nfiles != (mode == DIFF ? 2u : 1u) || (nold_groups && mode != DIFF)) {
		fputs(usage, stderr);
		return 2;
	}

	if (mode == DIFF) {
		/* Read, parse, group, lint each revision, read and join its group
		 * pages; compare. */
		struct diag dgo, dgn;

		d.errors_only = 1;
		dn = dgo = dgn = d;
		rc = read_check(file[0], &pg, &d);
		rc |= read_check(file[1], &pn, &dn);
		if (nold_groups)
			rc |= read_groups(old_groups, nold_groups, &pg, d.file, &dgo);
		if (ngroups)
			rc |= read_groups(groups, ngroups, &pn, dn.file, &dgn);
		if (rc == 0)
			rc = finish_output(diff_write(stdout, fmt,
			                              (struct diff_side){ &pg, d.file,
			                                                  nold_groups ? pg.charters : NULL },
			                              (struct diff_side){ &pn, dn.file,
			                                                  ngroups ? pn.charters : NULL }),
			                   "the comparison");
		else
			rc = 2;
		report_hidden(&d);
		report_hidden(&dn);
		if (nold_groups)
			report_hidden(&dgo);
		if (ngroups)
			report_hidden(&dgn);
		page_free(&pn);
	} else {
		/* Read, parse, group, lint, write (the tables, or the keys). */
		struct files fs = { .dir = dir, .label = base_name(file[0]) };
		struct key_list keys = { 0 };

		struct diag dw = d, dg = d;
		struct word_table *t = NULL;

		if ((rc = read_check(file[0], &pg, &d)) == 0 && ngroups &&
		    (rc = read_groups(groups, ngroups, &pg, d.file, &dg)) == 1)
			report_errors(&dg, mode == WRITE ? ", nothing written" : "");
		else if (rc == 0 && ngroups)
			report_hidden(&dg);
		if (rc == 0 && words && (rc = read_words(words, &v, &pg, &dw)) == 1)
			report_errors(&dw, mode == WRITE ? ", nothing written" : "");
		/* The word table's limits are the page's too (search.h). */
		if (rc == 0 && !(t = search_words(&pg, words ? &v : NULL, &d)))
			rc = 1;
		if (rc == 0 && mode == WRITE) {
			/* The search lists the keys for suggestions as the table has them;
			 * a file that fails is reported, and files_commit() writes none. */
			room_write(&pg, &fs, &keys);
			search_write(t, &keys, &fs);
			if (files_commit(&fs) != 0)
				rc = 2;
		}
		search_free(t);
		key_list_free(&keys);
		if (rc == 0 && mode == KEYS) {
			room_keys(&pg, stdout);
			rc = finish_output(rc, "the keys");
		}
		if (rc == 1 && d.errors)
			report_errors(&d, mode == WRITE ? ", nothing written" : "");
		else
			report_hidden(&d);
	}
	words_free(&v);
	page_free(&pg);
	page_cleanup();
	search_cleanup();
	return rc;
}
