/*
 * gen.c - tests of auxchan-gen as a program: exit status, nothing written
 * on error (and nothing earlier overwritten), byte-identical output from any
 * path, and a make that fails on a bad page and fails again when rerun.
 * Usage: MAKE=make gen PAGE BUILDDIR (the generator is BUILDDIR/auxchan-gen;
 * PAGE, the page under test, is the good page of the tests that need one).
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* wait4(): the peak memory of one child */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "files.h"
#include "../gen/gperf.h" /* src/ has a gperf.h too: the library's */
#include "pages.h"
#include "run.h"

/* A header and delimiter row of 500 columns. */
#define H10 "h|h|h|h|h|h|h|h|h|h|"
#define H100 H10 H10 H10 H10 H10 H10 H10 H10 H10 H10
#define BIG_HEADER H100 H100 H100 H100 H100
#define D10 "-|-|-|-|-|-|-|-|-|-|"
#define D100 D10 D10 D10 D10 D10 D10 D10 D10 D10 D10
#define BIG_DELIMITER D100 D100 D100 D100 D100

static const char *const outputs[] = {
	"room_data.h", "gperf/room-0.gperf", "gperf.mk",
};
#define NOUT (sizeof outputs / sizeof *outputs)

#define BAD_DIR "tests/bad"
#define MAX_BAD 64

static char *bad_pages[MAX_BAD];
static size_t nbad;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every page of the catalogue tests/bad/, sorted. */
static void list_bad_pages(void)
{
	DIR *dir = opendir(BAD_DIR);
	struct dirent *e;

	if (!dir) {
		perror(BAD_DIR);
		exit(2);
	}
	while ((e = readdir(dir)) && nbad < MAX_BAD)
		if (strlen(e->d_name) > 3 && !strcmp(e->d_name + strlen(e->d_name) - 3, ".md")) {
			bad_pages[nbad] = malloc(strlen(BAD_DIR) + strlen(e->d_name) + 2);
			sprintf(bad_pages[nbad++], "%s/%s", BAD_DIR, e->d_name);
		}
	closedir(dir);
	qsort(bad_pages, nbad, sizeof *bad_pages, by_name);
}

static const char *gen, *work;
static const char *page_file; /* the page under test, a good page */
static char errfile[4096];

/* buf = a + sep + b, or the test ends: paths here are short. */
static void join(char *buf, size_t size, const char *a, const char *sep, const char *b)
{
	if ((size_t)snprintf(buf, size, "%s%s%s", a, sep, b) >= size) {
		fprintf(stderr, "gen: path too long: %s%s%s\n", a, sep, b);
		exit(2);
	}
}

/* buf = p made absolute. */
static void absolute(char *buf, size_t size, const char *p)
{
	char cwd[4096];

	if (p[0] == '/')
		join(buf, size, p, "", "");
	else if (getcwd(cwd, sizeof cwd))
		join(buf, size, cwd, "/", p);
	else
		exit(2);
}

/* A path: dir/name. */
struct path {
	char s[4096];
};

static struct path path(const char *dir, const char *name)
{
	struct path p;

	join(p.s, sizeof p.s, dir, "/", name);
	return p;
}

static int exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0;
}

/* Runs auxchan-gen with up to two arguments, then -o dir and the page. */
static int run_gen(const char *dir, const char *page, const char *a1, const char *a2)
{
	char *argv[8];
	int n = 0;

	argv[n++] = (char *)gen;
	if (a1)
		argv[n++] = (char *)a1;
	if (a2)
		argv[n++] = (char *)a2;
	if (dir) {
		argv[n++] = "-o";
		argv[n++] = (char *)dir;
	}
	if (page)
		argv[n++] = (char *)page;
	argv[n] = NULL;
	return spawn(argv, "/dev/null", errfile);
}

static void clean(const char *dir)
{
	mkdir(dir, 0755);
	for (size_t i = 0; i < NOUT; i++) {
		char tmp[4096];

		remove(path(dir, outputs[i]).s);
		join(tmp, sizeof tmp, path(dir, outputs[i]).s, "", ".tmp");
		remove(tmp);
	}
}

static void test_bad_pages(void)
{
	struct path bad = path(work, "bad");
	const char *dir = bad.s;

	check(nbad >= 20, "the catalogue has at least 20 bad pages: %zu", nbad);
	for (size_t i = 0; i < nbad; i++) {
		char *err;

		clean(dir);
		check_num(bad_pages[i], run_gen(dir, bad_pages[i], NULL, NULL), 1);
		for (size_t k = 0; k < NOUT; k++)
			check(!exists(path(dir, outputs[k]).s), "%s: no %s written", bad_pages[i], outputs[k]);
		err = check_read(errfile, NULL);
		check(err && !strncmp(err, bad_pages[i], strlen(bad_pages[i])) &&
		      strstr(err, ": error: "), "%s: diagnostic 'FILE:LINE: error: ...', got: %s",
		      bad_pages[i], err ? err : "nothing");
		free(err);
	}
}

/* A failure after a success leaves the earlier files as they were. */
static void test_no_partial_output(void)
{
	struct path d = path(work, "partial"), r = path(work, "partial-ref");
	const char *dir = d.s, *ref = r.s;

	clean(dir);
	clean(ref);
	check_num("good page", run_gen(dir, page_file, NULL, NULL), 0);
	check_num("good page again", run_gen(ref, page_file, NULL, NULL), 0);
	check_num("then a bad page", run_gen(dir, "tests/bad/duplicate-alias.md", NULL, NULL), 1);
	for (size_t k = 0; k < NOUT; k++) {
		char tmp[4096];

		check(check_same_file(path(dir, outputs[k]).s, path(ref, outputs[k]).s),
		      "%s unchanged by the failed run", outputs[k]);
		join(tmp, sizeof tmp, path(dir, outputs[k]).s, "", ".tmp");
		check(!exists(tmp), "no %s left", tmp);
	}
	check_num("no output directory", run_gen(path(work, "no/such/dir").s, page_file,
	                                         NULL, NULL), 2);
}

/* Same page, same bytes: from another path, another working directory. */
static void test_determinism(void)
{
	struct path pa = path(work, "det-a"), pb = path(work, "det-b");
	const char *a = pa.s, *b = pb.s;
	const char *base = strrchr(page_file, '/') ? strrchr(page_file, '/') + 1 : page_file;
	char page[4096], cwd[4096], absb[4096], *text;
	size_t len;
	FILE *f;

	clean(a);
	clean(b);
	mkdir(path(work, "elsewhere").s, 0755);
	join(page, sizeof page, path(work, "elsewhere").s, "/", base); /* the banner names it */
	text = check_read(page_file, &len);
	f = fopen(page, "wb");
	if (!text || !f || fwrite(text, 1, len, f) != len || fclose(f)) {
		check(0, "copy the page to %s", page);
		free(text);
		return;
	}
	free(text);
	if (!getcwd(cwd, sizeof cwd))
		return;
	absolute(absb, sizeof absb, b);
	check_num("from the tree", run_gen(a, page_file, NULL, NULL), 0);
	if (chdir("/") == 0) {
		check_num("from / with absolute paths", run_gen(absb, page, NULL, NULL), 0);
		if (chdir(cwd) != 0)
			exit(2);
	}
	for (size_t k = 0; k < NOUT; k++)
		check(check_same_file(path(a, outputs[k]).s, path(b, outputs[k]).s),
		      "%s is the same from either path", outputs[k]);
}

static void test_options(void)
{
	struct path o = path(work, "options");
	const char *dir = o.s;
	char *err;

	clean(dir);
	check_num("--help", run_gen(NULL, NULL, "--help", NULL), 0);
	check_num("no page", run_gen(NULL, NULL, NULL, NULL), 2);
	check_num("unknown option", run_gen(dir, page_file, "--frobnicate", NULL), 2);
	check_num("missing page", run_gen(dir, "tests/no-such-page.md", NULL, NULL), 2);

	check_num("warnings", run_gen(dir, "tests/pages/non-matrix-row.md", NULL, NULL), 0);
	err = check_read(errfile, NULL);
	check(err && strstr(err, ":5:24: warning: ") && strstr(err, "[no-link]"),
	      "a warning names its check");
	free(err);
	check_num("--strict", run_gen(dir, "tests/pages/non-matrix-row.md", "--strict", NULL), 1);
	err = check_read(errfile, NULL);
	check(err && strstr(err, ":5:24: error: ") && strstr(err, "[no-link]"),
	      "--strict makes warnings errors");
	free(err);
	check_num("--no-warn", run_gen(dir, "tests/pages/non-matrix-row.md", "--strict",
	                               "--no-warn=no-link"), 0);
	err = check_read(errfile, NULL);
	check(err && *err == '\0', "--no-warn=no-link silences it, got: %s", err ? err : "");
	free(err);
	check_num("--no-warn of no check", run_gen(dir, page_file, "--no-warn=duplicate-nam", NULL),
	          2);
	err = check_read(errfile, NULL);
	check_str("--no-warn of no check: the checks listed", err,
	          "auxchan-gen: --no-warn=duplicate-nam: no such check; the checks are: no-link "
	          "many-links link-text extra-cells empty-name empty-table stray-link "
	          "non-ascii-alias duplicate-name name-group purpose-group other-server vocabulary-meaning "
	          "vocabulary-word unjoined-group unjoined-meeting no-group-row\n");
	free(err);
}

/* Does s end with want? */
static int ends_with(const char *s, const char *want)
{
	return s && strlen(s) >= strlen(want) && !strcmp(s + strlen(s) - strlen(want), want);
}

/* Standard output on a full disk: exit status 2, and why, whatever wrote
 * (PAGE stands for the page under test). */
static const struct {
	const char *description;
	const char *args[4];
	const char *err;
} full_cases[] = {
	{ .description = "--help", .args = { "--help" },
	  .err = "auxchan-gen: cannot write the help: No space left on device\n" },
	{ .description = "--keys", .args = { "--keys", "PAGE" },
	  .err = "auxchan-gen: cannot write the keys: No space left on device\n" },
	{ .description = "--diff", .args = { "--diff", "PAGE", "PAGE" },
	  .err = "auxchan-gen: cannot write the comparison: No space left on device\n" },
};

static void test_full_disk(void)
{
	for (size_t i = 0; i < sizeof full_cases / sizeof *full_cases; i++) {
		char *argv[5] = { (char *)gen }, what[128], *err;
		size_t n = 1;

		for (const char *const *a = full_cases[i].args; *a; a++)
			argv[n++] = (char *)(strcmp(*a, "PAGE") ? *a : page_file);
		snprintf(what, sizeof what, "%s on a full disk", full_cases[i].description);
		check_num(what, spawn(argv, "/dev/full", errfile), 2);
		/* the last line: the page's warnings may come before it */
		err = check_read(errfile, NULL);
		check(ends_with(err, full_cases[i].err), "%s: says '%s', got: %s", what,
		      full_cases[i].err, err ? err : "nothing");
		free(err);
	}
}

/* Lines in s. */
static size_t count_lines(const char *s)
{
	size_t n = 0;

	while (s && (s = strchr(s, '\n')))
		n++, s++;
	return n;
}

/* Writes the page: a header, then first (if not NULL), then 100,000 rows without a link. */
static int write_bad_rows(const char *page, const char *first, const char *last)
{
	FILE *f = fopen(page, "w");

	if (!f)
		return check(0, "write %s", page);
	fputs("| Name | Link |\n|---|---|\n", f);
	if (first)
		fputs(first, f);
	for (int i = 0; i < 100000; i++)
		fputs("| S | - |\n", f);
	if (last)
		fputs(last, f);
	return fclose(f) == 0 || check(0, "write %s", page);
}

/*
 * A page of 100,000 rows without a link: the first DIAG_MAX_SHOWN (100)
 * warnings are printed, then how many more there are; --strict the same,
 * as errors, which hide no error of the page's.  Without the room above them, the page's one error (no room)
 * still shows after the 100 warnings, and the last line counts both.
 */
static void test_diagnostic_limit(void)
{
	struct path page = path(work, "many-bad-rows.md");
	char *err, want[4 * sizeof page.s + 512];

	if (!write_bad_rows(page.s, "| R | https://matrix.to/#/#r:x.org |\n", NULL))
		return;
	check_num("100,000 warnings", run_gen(work, page.s, NULL, NULL), 0);
	err = check_read(errfile, NULL);
	check_num("100,000 warnings: 100 shown, and a summary", (long long)count_lines(err), 101);
	snprintf(want, sizeof want, "%s:103:7: warning: row has no https://matrix.to/#/ link in "
	         "its Link cell: skipped [no-link]\nauxchan-gen: %s: 99900 more warnings "
	         "not shown (the first 100 are)\n", page.s, page.s);
	check(ends_with(err, want), "100,000 warnings: the last shown, then the summary:\n"
	      "  expected: ...%s  got: %s", want, err ? err : "");
	free(err);
	check_num("100,000 errors (--strict)", run_gen(work, page.s, "--strict", NULL), 1);
	err = check_read(errfile, NULL);
	check_num("100,000 errors: 100 shown, the summary, the count",
	          (long long)count_lines(err), 102);
	snprintf(want, sizeof want, "auxchan-gen: %s: 99900 more warnings (errors, --strict) not "
	         "shown (the first 100 are)\nauxchan-gen: %s: 100000 errors, nothing written\n",
	         page.s, page.s);
	check(ends_with(err, want), "100,000 errors: all counted:\n  expected: ...%s  got: %s",
	      want, err ? strrchr(err, ':') : "");
	free(err);

	/* --strict: an error after them is shown too. */
	if (!write_bad_rows(page.s, "| R | https://matrix.to/#/#r:x.org |\n",
	                    "| Q | https://matrix.to/#/#r:x.org |\n"))
		return;
	check_num("100,000 errors (--strict), then a duplicate",
	          run_gen(work, page.s, "--strict", NULL), 1);
	err = check_read(errfile, NULL);
	snprintf(want, sizeof want, "%s:100004:7: error: duplicate alias '#r:x.org' (also on line "
	         "3)\n%s:3:7: note: '#r:x.org' first used here\nauxchan-gen: %s: 99900 more "
	         "warnings (errors, --strict) not shown (the first 100 are)\nauxchan-gen: %s: "
	         "100001 errors, nothing written\n", page.s, page.s, page.s, page.s);
	check(ends_with(err, want), "100,000 errors (--strict), then a duplicate: shown, all "
	      "counted:\n  expected: ...%s  got: ...%s", want,
	      err ? err + (strlen(err) > 600 ? strlen(err) - 600 : 0) : "");
	free(err);

	if (!write_bad_rows(page.s, NULL, NULL))
		return;
	check_num("100,000 warnings, then an error", run_gen(work, page.s, NULL, NULL), 1);
	err = check_read(errfile, NULL);
	check_num("100,000 warnings, then an error: 100 warnings, the error, the summary, "
	          "the count", (long long)count_lines(err), 103);
	snprintf(want, sizeof want, "%s:102:7: warning: row has no https://matrix.to/#/ link in "
	         "its Link cell: skipped [no-link]\n%s:1: error: no room: no row of a room table "
	         "has a https://matrix.to/#/ link\nauxchan-gen: %s: 99900 more warnings not shown "
	         "(the first 100 are)\nauxchan-gen: %s: 1 error and 100000 warnings, nothing "
	         "written\n", page.s, page.s, page.s, page.s);
	check(ends_with(err, want), "100,000 warnings, then an error: the error shown, both "
	      "counted:\n  expected: ...%s  got: %s", want, err ? err : "");
	free(err);
	remove(page.s);
}

/*
 * make fails on each bad page, and fails again when rerun: no stale output
 * to trust.  One build directory serves them all: none may leave a table.
 * The generator is the build's under test (GEN_B).
 */
static void test_make(const char *make, const char *build)
{
	char bdir[4096], data[4096], bvar[4200];
	char genb[4200], *argv[] = { (char *)make, "--no-print-directory", "-s", data, bvar, genb,
	                             NULL };

	join(genb, sizeof genb, "GEN_B=", "", build);
	join(bdir, sizeof bdir, work, "/", "make");
	spawn((char *[]){ "rm", "-rf", bdir, NULL }, NULL, NULL); /* a fresh start */
	join(bvar, sizeof bvar, "BUILDDIR=", "", bdir);
	for (size_t i = 0; i < nbad; i++)
		for (int round = 1; round <= 2; round++) {
			char *err;

			join(data, sizeof data, "DATA=", "", bad_pages[i]);
			check(spawn(argv, "/dev/null", errfile) != 0, "make on %s fails (run %d)",
			      bad_pages[i], round);
			err = check_read(errfile, NULL);
			check(err && !strncmp(err, bad_pages[i], strlen(bad_pages[i])) &&
			      strstr(err, ": error: "), "make on %s fails for the page's error "
			      "(run %d), got: %s", bad_pages[i], round, err ? err : "");
			free(err);
			check(!exists(path(bdir, "room_data.h").s), "%s: no table (run %d)",
			      bad_pages[i], round);
			check(!exists(path(bdir, "auxchan").s), "%s: no command (run %d)",
			      bad_pages[i], round);
		}
}

/*
 * make and make -j2 write the same table, byte for byte, whatever order the
 * gperf runs of its buckets end in: a page of 400 rooms, several buckets,
 * each build with the generator of the build under test (GEN_B).  (The
 * objects differ: their debug information names the build directory.)
 */
static void test_parallel(const char *make, const char *build)
{
	static const char *const files[] = { "gperf.mk", "room_data.h", "room_gperf.c" };
	struct path page = path(work, "buckets.md");
	char dir[2][4096], data[4200], genb[4200], bvar[2][4200], target[2][4200], *mk;
	FILE *f = fopen(page.s, "w");
	long buckets = 0;

	for (int i = 0; f && i < 400; i++)
		fprintf(f, "%s| Room %d | https://matrix.to/#/#room-%d:x.org |\n",
		        i ? "" : "| Name | Link |\n|---|---|\n", i, i);
	if (!f || fclose(f)) {
		check(0, "write %s", page.s);
		return;
	}
	join(data, sizeof data, "DATA=", "", page.s);
	join(genb, sizeof genb, "GEN_B=", "", build);
	for (int j = 0; j < 2; j++) {
		char *argv[] = { (char *)make, "--no-print-directory", "-s", j ? "-j2" : "-j1", data,
		                 genb, bvar[j], target[j], NULL };

		join(dir[j], sizeof dir[j], work, "/", j ? "parallel" : "serial");
		join(bvar[j], sizeof bvar[j], "BUILDDIR=", "", dir[j]);
		join(target[j], sizeof target[j], dir[j], "/", "room.o");
		check_num(j ? "make -j2" : "make -j1", spawn(argv, "/dev/null", errfile), 0);
	}
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		check(check_same_file(path(dir[0], files[i]).s, path(dir[1], files[i]).s),
		      "%s: the same from make and make -j2", files[i]);
	mk = check_read(path(dir[0], "gperf.mk").s, NULL);
	for (char *p = mk ? strstr(mk, "ROOM_GPERF =") : NULL; p && (p = strstr(p, "room-")); p++)
		buckets++;
	free(mk);
	check(buckets > 1, "the page has several buckets: %ld", buckets);
}

/* The number of rooms of the command built in dir, from --version. */
static long rooms_of(const char *dir)
{
	struct path cmd = path(dir, "auxchan"), out = path(work, "version.out");
	char *argv[] = { cmd.s, "--version", NULL }, *text, *at;
	long n = -1;

	if (spawn(argv, out.s, "/dev/null") != 0 || !(text = check_read(out.s, NULL)))
		return -1;
	if ((at = strstr(text, " rooms")))
		for (n = 0; at > text && at[-1] >= '0' && at[-1] <= '9';)
			at--;
	if (at && at > text)
		n = strtol(at, NULL, 10);
	free(text);
	return n;
}

/* The number of rooms of the page file, as the generator reads it. */
static long rooms_in(const char *file)
{
	struct page pg;
	char *diag;
	long n;

	parse_page(file, &pg, &diag, (struct diag){ 0 });
	n = (long)pg.n;
	free(diag);
	page_free(&pg);
	return n;
}

/* Copies the file from to to, dated like from or, if older, a day back. */
static int copy_page(const char *from, const char *to, int older)
{
	size_t len;
	char *text = check_read(from, &len);
	FILE *f = fopen(to, "wb");
	struct timespec times[2] = { { .tv_sec = 0 }, { .tv_sec = 0 } };
	int ok = text && f && fwrite(text, 1, len, f) == len;

	if (f && fclose(f))
		ok = 0;
	free(text);
	times[0].tv_sec = times[1].tv_sec = time(NULL) - (older ? 86400 : 0);
	return ok && utimensat(AT_FDCWD, to, times, 0) == 0 ? 0 : -1;
}

/*
 * The build never serves a stale page: another page, or other bytes at
 * the same path, older than the tables, is read again (the page's path and
 * checksum are part of what the tables depend on).  And a build directory
 * or page make cannot handle is refused at once, with nothing created.
 */
static void test_stale(const char *make, const char *build)
{
	struct path dir = path(work, "stale"), a = path(work, "stale-a.md");
	struct path b = path(work, "stale-b.md"), err = path(work, "stale.err");
	char data[4200], bvar[4200], genb[4200], *text;
	char *argv[] = { (char *)make, "--no-print-directory", "-s", data, bvar, genb, NULL, NULL };
	struct path command = path(dir.s, "auxchan");
	/* The page under test, and another with another number of rooms. */
	long na = rooms_in(page_file), nb = rooms_in("tests/pages/groups.md");
	const char *other = na != nb ? "tests/pages/groups.md" : "tests/pages/links.md";

	nb = rooms_in(other);
	join(bvar, sizeof bvar, "BUILDDIR=", "", dir.s);
	join(genb, sizeof genb, "GEN_B=", "", build);
	if (!check(copy_page(page_file, a.s, 0) == 0 && copy_page(other, b.s, 1) == 0,
	           "write the pages"))
		return;
	join(data, sizeof data, "DATA=", "", a.s);
	check_num("make from one page", spawn(argv, "/dev/null", "/dev/null"), 0);
	check_num("its rooms", rooms_of(dir.s), na);
	{
		struct path cmd = path(dir.s, "auxchan.bash");

		check(exists(cmd.s), "make with no target builds all: %s", cmd.s);
	}
	/* Then only the command, which says how many rooms it serves: what it
	 * is built from (the tables, the library) must follow the page. */
	argv[6] = command.s;
	join(data, sizeof data, "DATA=", "", b.s);
	check_num("make from another page, older", spawn(argv, "/dev/null", "/dev/null"), 0);
	check_num("the other page's rooms, not the first page's", rooms_of(dir.s), nb);
	join(data, sizeof data, "DATA=", "", a.s);
	if (!check(copy_page(other, a.s, 1) == 0, "replace the first page"))
		return;
	check_num("make from the first path, other bytes, older",
	          spawn(argv, "/dev/null", "/dev/null"), 0);
	check_num("the new bytes' rooms", rooms_of(dir.s), nb);

	/* A path make cannot handle: one error, nothing made. */
	{
		struct path odd = path(work, "stale odd");
		char *odd_argv[] = { (char *)make, "--no-print-directory", "-s", bvar, NULL };

		join(bvar, sizeof bvar, "BUILDDIR=", "", odd.s);
		check(spawn(odd_argv, "/dev/null", err.s) != 0, "BUILDDIR with a space: refused");
		text = check_read(err.s, NULL);
		check(text && strstr(text, "is a path make cannot handle"),
		      "BUILDDIR with a space: says why, got: %s", text ? text : "");
		free(text);
		check(!exists(odd.s) && !exists("stale"), "BUILDDIR with a space: nothing made");
		join(bvar, sizeof bvar, "DATA=", "", "page$with'quote.md");
		check(spawn(odd_argv, "/dev/null", err.s) != 0, "DATA with a quote: refused");
	}
}


/*
 * make's variables are data, never code: a value with the shell's or make's
 * syntax (quotes, commands, '$', a newline, a space in a path) is refused
 * before any rule runs, with one message naming the variable, or reaches
 * its command as text (ARGS, URL: tests/update.c): the marker file is never
 * created, and nothing is made.  In .assign, %s is the marker's path.
 */
static const struct {
	const char *description;
	const char *target;
	const char *assign[2]; /* VAR=value */
	const char *says;      /* in make's error; NULL: not refused, data */
} variables[] = {
	{ .description = "NO_WARN: a quote and a command", .target = "all",
	  .assign = { "NO_WARN=x';touch %s;'" }, .says = "NO_WARN='x';touch " },
	{ .description = "NO_WARN: make's '$$', the shell's ${IFS}", .target = "all",
	  .assign = { "NO_WARN=x';touch$${IFS}%s;'" }, .says = "make would expand its '$'" },
	{ .description = "NO_WARN: a newline", .target = "all",
	  .assign = { "NO_WARN=no-link\ntouch %s" }, .says = "is refused: the names of warnings" },
	{ .description = "OLD: a quote and a command", .target = "diff",
	  .assign = { "OLD=x'; touch %s; echo '" }, .says = "OLD='x'; touch" },
	{ .description = "DATA: a command", .target = "all", .assign = { "DATA=x;touch %s" },
	  .says = "is a path make cannot handle" },
	{ .description = "BUILDDIR: backquotes", .target = "all",
	  .assign = { "BUILDDIR=b`touch %s`" }, .says = "BUILDDIR='b`touch" },
	{ .description = "WORDS: make's $(shell)", .target = "all",
	  .assign = { "WORDS=w$(shell touch %s)" }, .says = "make would expand its '$'" },
	{ .description = "PREFIX: a space", .target = "install",
	  .assign = { "PREFIX=/opt/my dir", "DESTDIR=%s.stage" }, .says = "PREFIX='/opt/my dir'" },
	{ .description = "DESTDIR: a newline and a command", .target = "install",
	  .assign = { "DESTDIR=/tmp/x\ntouch %s" }, .says = "is a path make cannot handle" },
	{ .description = "BINDIR: a command", .target = "install",
	  .assign = { "BINDIR=/usr/bin;touch %s" }, .says = "BINDIR='/usr/bin;touch" },
	{ .description = "VERSION: a quote and a command", .target = "all",
	  .assign = { "VERSION=1'; touch %s; '" }, .says = "is refused: a version is" },
	{ .description = "FUZZ_SECONDS: a command", .target = "fuzz",
	  .assign = { "FUZZ_SECONDS=1; touch %s" }, .says = "is refused: a number of seconds" },
	{ .description = "CFLAGS: make's $(shell)", .target = "all",
	  .assign = { "CFLAGS=-O2 $(shell touch %s)" }, .says = "make would expand its '$'" },
	{ .description = "ARGS: a command, as words of the query", .target = "run",
	  .assign = { "ARGS=python; touch %s" } },
	{ .description = "a step's packages: a command in the target's name", .target = "all",
	  .assign = { "deps-check;touch %s" }, .says = "No rule to make target 'deps-check;touch" },
};

static void test_variables(const char *make, const char *build)
{
	struct path marker = path(work, "pwned"), stage = path(work, "pwned.stage");
	char bvar[4200], data[4200], assign[2][4200];

	join(bvar, sizeof bvar, "BUILDDIR=", "", build);
	join(data, sizeof data, "DATA=", "", page_file);
	for (size_t i = 0; i < sizeof variables / sizeof *variables; i++) {
		const char *what = variables[i].description;
		char *argv[9] = { (char *)make, "-s", "--no-print-directory", bvar, data,
		                  (char *)variables[i].target }, *err;
		int n = 6, rc;

		for (int k = 0; k < 2 && variables[i].assign[k]; k++) {
			snprintf(assign[k], sizeof assign[k], variables[i].assign[k], marker.s);
			argv[n++] = assign[k];
		}
		argv[n] = NULL;
		remove(marker.s);
		rc = spawn(argv, "/dev/null", errfile);
		check(!exists(marker.s), "%s: no command ran", what);
		check(!exists("dir") && !exists(stage.s), "%s: nothing made", what);
		if (!variables[i].says)
			continue;
		err = check_read(errfile, NULL);
		/* One message: make's "*** ... Stop." once. */
		check(rc != 0 && err && strstr(err, variables[i].says) && strstr(err, "***") &&
		      !strstr(strstr(err, "***") + 3, "***"), "%s: refused, one message saying '%s', "
		      "got %d: %s", what, variables[i].says, rc, err ? err : "");
		free(err);
	}
}

/*
 * Pages within the page's limits past one of the word table's
 * (gen/search.h): each refused, at a row, with that limit named and no
 * other, and nothing written.  Their words are made of letters by a fixed
 * rule, so the pages are the same on every run.
 */
static void test_table_limits(void)
{
	static const struct {
		const char *description, *limit;
		unsigned rooms, words, len, pool; /* words a purpose, of len letters; 0: all distinct */
	} cases[] = {
		{ .description = "distinct words", .limit = "SEARCH_MAX_WORDS",
		  .rooms = 700, .words = 160, .len = 5 },
		{ .description = "postings", .limit = "SEARCH_MAX_POSTINGS",
		  .rooms = 16000, .words = 44, .len = 2, .pool = 676 },
		{ .description = "typo deletions", .limit = "SEARCH_MAX_DELETIONS",
		  .rooms = 1200, .words = 20, .len = 45 },
	};
	static const char *const limits[] = { "SEARCH_MAX_WORDS", "SEARCH_MAX_POSTINGS",
		                              "SEARCH_MAX_DELETIONS" };

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct path page = path(work, "limit.md"), out = path(work, "limit-out");
		struct path data = path(out.s, "room_data.h"), mk = path(out.s, "gperf.mk");
		FILE *f = fopen(page.s, "w");
		unsigned long x = 1;
		char *err;

		if (f)
			fputs("---\ntitle: Limits\n---\n\n| Name | Purpose | Link |\n| - | - | - |\n", f);
		for (unsigned r = 0; f && r < cases[i].rooms; r++) {
			fprintf(f, "| Room %u | ", r);
			for (unsigned w = 0; w < cases[i].words; w++) {
				/* The next word: a new one, or one of the pool at random. */
				unsigned long k = x++;

				if (cases[i].pool)
					k = (k * 2654435761ul >> 7) % cases[i].pool;
				for (unsigned b = 0; b < cases[i].len; b++, k /= 26)
					fputc('a' + (int)(k % 26), f);
				fputc(' ', f);
			}
			fprintf(f, "| [#r%u-gen:x.org](https://matrix.to/#/#r%u-gen:x.org) |\n", r, r);
		}
		if (!check(f && fclose(f) == 0, "write %s", page.s))
			continue;
		mkdir(out.s, 0755);
		check_num(cases[i].description, run_gen(out.s, page.s, NULL, NULL), 1);
		err = check_read(errfile, NULL);
		for (size_t l = 0; l < sizeof limits / sizeof *limits; l++)
			check(err && (strstr(err, limits[l]) != NULL) == !strcmp(limits[l], cases[i].limit),
			      "%s: %s %s", cases[i].description, limits[l],
			      strcmp(limits[l], cases[i].limit) ? "not named" : "named");
		check(err && strstr(err, "limit.md:") && strstr(err, ": error: the page's") &&
		      strstr(err, "this row passes the limit"), "%s: at a row, got: %s",
		      cases[i].description, err ? err : "");
		check(!exists(data.s) && !exists(mk.s), "%s: nothing written", cases[i].description);
		free(err);
		remove(page.s);
	}
}

/*
 * A group page's words go to every room of their group: 20,000 rooms of
 * one group and a responsibility of 100 words would be 2,000,000
 * postings.  They are counted before they are made: refused at the group
 * page's row, with SEARCH_MAX_POSTINGS named, and nothing written.
 */
static void test_group_limit(void)
{
	struct path page = path(work, "group-limit.md"), groups = path(work, "group-sigs.md");
	struct path out = path(work, "group-limit-out"), data = path(out.s, "room_data.h");
	char arg[4200], *err;
	FILE *f = fopen(page.s, "w"), *g;

	if (f)
		fputs("| Name | Purpose | Link |\n| - | - | - |\n", f);
	for (unsigned r = 0; f && r < 20000; r++)
		fprintf(f, "| SIG:Big R%u | x | [#BIG-%u:x.org](https://matrix.to/#/#BIG-%u:x.org) |\n",
		        r, r, r);
	if ((g = fopen(groups.s, "w"))) {
		fputs("| Name | Responsibility | Current Leaders |\n| - | - | - |\n| Big |", g);
		for (unsigned w = 0; w < 100; w++)
			fprintf(g, " %c%c%c", 'a' + w % 26, 'a' + w / 26, 'q');
		fputs(" | @a |\n", g);
	}
	if (!check(f && fclose(f) == 0 && g && fclose(g) == 0, "write %s", page.s))
		return;
	mkdir(out.s, 0755);
	join(arg, sizeof arg, "--groups=", "", groups.s);
	check_num("group page words past the postings", run_gen(out.s, page.s, arg, NULL), 1);
	err = check_read(errfile, NULL);
	check(err && strstr(err, "group-sigs.md:3: error:") && strstr(err, "SEARCH_MAX_POSTINGS") &&
	      strstr(err, "20000 rooms"), "group page words past the postings: at the group's row, "
	      "got: %s", err ? err : "");
	check(!exists(data.s), "group page words past the postings: nothing written");
	free(err);
	remove(page.s);
	remove(groups.s);
}

/* A 10 MB page is refused with the limit, in bounded memory. */
static void test_huge_page(void)
{
	struct path page = path(work, "huge.md");
	FILE *f = fopen(page.s, "w");
	struct rusage ru;
	char *err;

	for (int i = 0; f && i < 10 * 1024; i++)
		fprintf(f, "%01023d\n", i);
	if (!f || fclose(f)) {
		check(0, "write %s", page.s);
		return;
	}
	/* First child of this process: its peak is the children's peak. */
	check_num("10 MB page", run_gen(work, page.s, NULL, NULL), 1);
	err = check_read(errfile, NULL);
	check(err && strstr(err, "huge.md:1: error: page is larger than the limit of 4194304 "
	      "bytes\n"), "10 MB page: the limit named, got: %s", err ? err : "");
	free(err);
	/* (A sanitizer's shadow memory and quarantine would be measured too.) */
	if (!CHECK_SANITIZED && getrusage(RUSAGE_CHILDREN, &ru) == 0)
		check(ru.ru_maxrss < 16 * 1024, "10 MB page read in bounded memory: %ld KiB at most",
		      ru.ru_maxrss);
	remove(page.s);
}

/* ---- Blow-ups: the parsers' known worst cases, at the page limit ---------- */

/*
 * Pages that made cmark-gfm 0.29.0.gfm.6, libyaml 0.2.5 or the generator
 * take minutes or gigabytes (the findings, and the shapes of
 * cmark-gfm's advisories, their proofs of concept made as large as
 * PAGE_MAX_BYTES allows): head, then unit repeated, [then middle and unit2
 * repeated as often,] then tail.  The page under test comes first, or last
 * after front matter (front).
 */
static const struct shape {
	const char *description;
	const char *head, *unit, *middle, *unit2, *tail;
	size_t count;   /* of unit (and unit2), or 0: as many as fit */
	int front;      /* front matter: the page under test after the tail */
} shapes[] = {
	{ .description = "500-column table, 1-cell rows (7.7 GB before)",
	  .head = "\n|" BIG_HEADER "\n|" BIG_DELIMITER "\n", .unit = "x\n" },
	{ .description = "YAML x: [[[[ (1M: over 10 minutes before)", .head = "---\nx: ",
	  .unit = "[", .tail = "\n---\n", .front = 1 },
	{ .description = "YAML x: {{{{", .head = "---\nx: ", .unit = "{", .tail = "\n---\n",
	  .front = 1 },
	{ .description = "YAML 600,000 keys (538 s before)", .head = "---\n", .unit = "%u: v\n",
	  .tail = "---\n", .front = 1 },
	{ .description = "table header of 1M columns", .head = "\n|", .unit = "x|",
	  .middle = "\n|", .unit2 = "-|", .tail = "\n" },
	{ .description = "table header of 25,000 columns (12.6 s at 400 KB before)",
	  .head = "\n|", .unit = "x|", .middle = "\n|", .unit2 = "-|", .tail = "\n",
	  .count = 25000 },
	{ .description = "CVE-2022-39209 ![l", .head = "\n", .unit = "![l", .tail = "\n" },
	{ .description = "CVE-2023-22486 ![[]()", .head = "\n", .unit = "![[]()", .tail = "\n" },
	{ .description = "CVE-2023-22484 <!--", .head = "\n</", .unit = "<!--", .tail = "\n" },
	{ .description = "CVE-2023-22483 <?x", .head = "\n-1", .unit = "<?x", .tail = "y\n" },
	{ .description = "CVE-2023-22483 |-/t>|-", .head = "\n", .unit = "|-\nt>|-\n",
	  .tail = "y\n" },
	{ .description = "CVE-2023-22483 *t _t*_", .head = "\n", .unit = "*t ", .middle = "",
	  .unit2 = "_t*_ ", .tail = "\n" },
	{ .description = "CVE-2023-22483 x | - | |||", .head = "\nx\n| - |\n", .unit = "|",
	  .tail = "y\n" },
	{ .description = "CVE-2023-22483 z_www.", .head = "\n", .unit = "z_www.", .tail = "\n" },
	{ .description = "CVE-2023-22483 [f] references", .head = "\n[f]:u\n\"\n", .unit = "[f]\n",
	  .tail = "[f]:u \"t\n" },
	{ .description = "CVE-2023-22483 www.))))", .head = "\nwww.", .unit = ")", .tail = "\n" },
	{ .description = "CVE-2023-22483 :- : :-", .head = "\n:-\n", .unit = ":\n",
	  .tail = ":-\n" },
	{ .description = "CVE-2023-22483 <http://s", .head = "\n", .unit = "<http://s",
	  .tail = "\n" },
	{ .description = "CVE-2023-22483 ~e,z~~", .head = "\n~e", .unit = ",z~~", .tail = "\n" },
	{ .description = "CVE-2023-22483 >>>>....", .head = "\n", .unit = ">", .middle = "",
	  .unit2 = ".", .tail = "\n" },
	{ .description = "CVE-2023-24824 >>>>a*a*", .head = "\n", .unit = ">", .middle = "",
	  .unit2 = "a*", .tail = "\n" },
	{ .description = "CVE-2023-24824 - - - x, blank lines", .head = "\n", .unit = " -",
	  .middle = "x", .unit2 = "\n", .tail = "" },
	{ .description = "CVE-2023-26485 ____.____", .head = "\n", .unit = "_", .middle = ".",
	  .unit2 = "_", .tail = "\n" },
	{ .description = "CVE-2023-26485 1. 2. 2.", .head = "\n1.\n", .unit = " 2.\n", .tail = "" },
	{ .description = "CVE-2023-26485 - - - x", .head = "\n", .unit = " -\n", .tail = "x\n" },
	{ .description = "CVE-2023-37463 |x|x| |-|-| and rows", .head = "\n|", .unit = "x|",
	  .middle = "\n|", .unit2 = "-|", .tail = "\na\n" },
	{ .description = "CVE-2023-37463 [^1]: and blank lines", .head = "\n", .unit = "[^1]:\n",
	  .middle = "", .unit2 = "\n", .tail = "" },
	{ .description = "nested brackets [[[a]]]", .head = "\n", .unit = "[", .middle = "a",
	  .unit2 = "]", .tail = "\n" },
	{ .description = "references to a long title", .head = "\n\n[f]\n[f]\n[f]\n[f]\n\n[f]: u \"",
	  .unit = "x\n", .tail = "\"\n" },
	{ .description = "short lines (memory)", .head = "\n", .unit = "a\n", .tail = "" },
	{ .description = "1-byte table cells (memory)", .head = "\n|a|b|c|\n|-|-|-|\n",
	  .unit = "|||\n", .tail = "" },
};

/* Writes the shape as a page of at most PAGE_MAX_BYTES (4 MiB) to path. */
static int write_shape(const struct shape *sh, const char *seed, size_t seedlen, const char *path)
{
	size_t max = 4u << 20, fixed = seedlen + strlen(sh->head) + (sh->tail ? strlen(sh->tail) : 0);
	size_t unit = strlen(sh->unit) + (sh->unit2 ? strlen(sh->unit2) : 0), n;
	FILE *f = fopen(path, "wb");
	char key[32];

	if (!f)
		return -1;
	fixed += sh->middle ? strlen(sh->middle) : 0;
	n = sh->count ? sh->count : (max - fixed) / unit;
	if (!sh->front)
		fwrite(seed, 1, seedlen, f);
	fputs(sh->head, f);
	for (size_t i = 0, len = 0; i < n; i++) {
		if (strchr(sh->unit, '%')) { /* numbered keys, as many as fit */
			len += (size_t)snprintf(key, sizeof key, sh->unit, (unsigned)i);
			if (len > max - fixed)
				break;
			fputs(key, f);
		} else {
			fputs(sh->unit, f);
		}
	}
	if (sh->middle)
		fputs(sh->middle, f);
	for (size_t i = 0; sh->unit2 && i < n; i++)
		fputs(sh->unit2, f);
	if (sh->tail)
		fputs(sh->tail, f);
	if (sh->front)
		fwrite(seed, 1, seedlen, f);
	return fclose(f);
}

/*
 * Runs the generator on page with at most cpu seconds of CPU and, unless
 * a sanitizer's shadow memory makes it meaningless, as bytes of address
 * space.  Returns its exit status (128 + signal if killed), its CPU
 * seconds and peak memory (KiB) in *ru.
 */
static int run_limited(const char *page, rlim_t cpu, rlim_t as, struct rusage *ru)
{
	pid_t pid = fork();
	int status;

	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		struct rlimit lc = { cpu, cpu + 1 }, la = { as, as };

		setrlimit(RLIMIT_CPU, &lc);
		if (!CHECK_SANITIZED)
			setrlimit(RLIMIT_AS, &la);
		if (!freopen("/dev/null", "w", stdout) || !freopen(errfile, "w", stderr))
			_exit(126);
		execl(gen, gen, "-o", work, page, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, ru) < 0) {
		perror("wait4");
		exit(2);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/*
 * Each blow-up finishes, accepted or refused with an error, under limits
 * generous enough never to fail on a slow machine: 60 s of CPU (the worst
 * page takes about 1 s here; a blow-up takes minutes), 1 GiB of address
 * space and 512 MiB of peak memory (the worst takes about 400 MiB).
 */
static void test_blowups(void)
{
	struct path page = path(work, "blowup.md");
	size_t seedlen;
	char *seed = check_read(page_file, &seedlen), *err;

	if (!check(seed != NULL, "read %s", page_file))
		return;
	for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
		const struct shape *sh = &shapes[i];
		struct rusage ru;
		int rc;

		if (!check(write_shape(sh, seed, seedlen, page.s) == 0, "%s: write %s",
		           sh->description, page.s))
			continue;
		fflush(stdout); /* the child must not write it again */
		rc = run_limited(page.s, 60, (rlim_t)1 << 30, &ru);
		err = check_read(errfile, NULL);
		check(rc == 0 || (rc == 1 && err && strstr(err, ": error: ")),
		      "%s: finishes, accepted or refused with an error: exit status %d, %s",
		      sh->description, rc, err ? err : "");
		if (!CHECK_SANITIZED)
			check(ru.ru_maxrss <= 512 * 1024, "%s: at most 512 MiB: %ld KiB",
			      sh->description, ru.ru_maxrss);
		if (getenv("AUXCHAN_TEST_TIMES"))
			printf("note: %s: %.2f s, %ld MiB\n", sh->description,
			       ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
			       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6, ru.ru_maxrss / 1024);
		free(err);
	}
	free(seed);
	remove(page.s);
}

/* Oddities accepted: the page under test without BOM and CR, with a BOM,
 * with CRLF (pages.h): the same table as from the page. */
static void test_same_output(void)
{
	static const char *const names[] = { "plain.md", "bom.md", "crlf.md" };
	struct path dirs[4], pages[4];
	size_t len, n;
	char *text = check_read(page_file, &len), *v;

	if (!check(text != NULL, "read %s", page_file))
		return;
	for (size_t i = 0; i < 4; i++) {
		char name[32];

		snprintf(name, sizeof name, "same-%zu", i);
		dirs[i] = path(work, name);
		clean(dirs[i].s);
		if (i == 0) {
			join(pages[0].s, sizeof pages[0].s, page_file, "", "");
		} else {
			FILE *f;
			int ok;

			pages[i] = path(work, names[i - 1]);
			v = pages_variant(text, len, i == 2, i == 3, &n);
			f = fopen(pages[i].s, "wb");
			ok = f && fwrite(v, 1, n, f) == n;
			if (f && fclose(f))
				ok = 0;
			check(ok, "write %s", pages[i].s);
			free(v);
		}
		check_num(pages[i].s, run_gen(dirs[i].s, pages[i].s, NULL, NULL), 0);
	}
	free(text);
	for (size_t i = 1; i < 4; i++)
		for (size_t k = 0; k < NOUT; k++) {
			size_t la, lb;
			char *a = check_read(path(dirs[0].s, outputs[k]).s, &la);
			char *b = check_read(path(dirs[i].s, outputs[k]).s, &lb);
			/* All but the banner, which names the page. */
			char *ra = a ? strchr(a, '\n') : NULL, *rb = b ? strchr(b, '\n') : NULL;

			check(ra && rb && !strcmp(ra, rb), "%s: %s as from %s", pages[i].s, outputs[k],
			      page_file);
			free(a);
			free(b);
		}
}

/*
 * auxchan-gen --keys (the keys of a cross build's completions) prints what
 * auxchan --keys of a library built from the same page prints: for the
 * page under test, and for the hostile page when its build is there (make
 * check builds it), whose keys start with '#', hold '?' and every UTF-8
 * length.
 */
static void test_keys(const char *build)
{
	static const char *const pages[][2] = {
		{ NULL, "" }, /* the page under test */
		{ "tests/pages/hostile.md", "/hostile" },
	};

	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		const char *file = pages[i][0] ? pages[i][0] : page_file;
		char cmd[16384], auxchan[4200], what[256];
		int rc;

		snprintf(auxchan, sizeof auxchan, "%s%s/auxchan", build, pages[i][1]);
		if (!exists(auxchan)) {
			printf("note: no %s: its keys not compared\n", auxchan);
			continue;
		}
		snprintf(cmd, sizeof cmd, "%s --keys %s 2>/dev/null > %s/keys.gen && %s --keys > "
		         "%s/keys.lib && test -s %s/keys.gen && cmp %s/keys.gen %s/keys.lib", gen,
		         file, work, auxchan, work, work, work, work);
		rc = system(cmd);
		snprintf(what, sizeof what, "%s: auxchan-gen --keys is auxchan --keys", file);
		check_num(what, rc, 0);
	}
}

/*
 * A bucket that holds more keys than it may fails the run, with nothing
 * written: a page whose keys crowd into one bucket would otherwise leave
 * gperf a table of any size.  Four keys, two buckets of at most one key:
 * one bucket must take two.
 */
static void test_crowded_bucket(void)
{
	static const char *const key[] = { "alpha", "beta", "gamma", "delta" };
	static const size_t len[] = { 5, 4, 5, 5 }, value[] = { 0, 1, 2, 3 };
	struct path d = path(work, "crowded");
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	for (size_t max = 1; max <= 2; max++) {
		struct gperf_table t = { .name = "t", .prefix = "t", .upper = "T", .n = 4,
		                         .key = (const char **)key, .len = len, .bucket_keys = 2,
		                         .bucket_max = max == 1 ? 1 : 0 };
		struct files fs = { .dir = d.s, .label = "crowded" };

		clean(d.s);
		mkdir(d.s, 0755);
		gperf_bucket(&t);
		dup2(null, 2); /* the error it reports */
		gperf_write(&fs, &t, value);
		check_num(max == 1 ? "crowded: fails" : "room enough: writes", files_commit(&fs),
		          max == 1 ? -1 : 0);
		dup2(saved, 2);
		check(exists(path(d.s, "gperf.mk").s) == (max == 2), "gperf.mk %s",
		      max == 1 ? "not written" : "written");
		gperf_free(&t);
	}
	close(null);
	close(saved);
}

int main(int argc, char **argv)
{
	static char genpath[4096], workdir[4096], bdir[4096];

	const char *make = getenv("MAKE");

	if (argc != 3 || !make) {
		fputs("usage: MAKE=make gen PAGE BUILDDIR\n", stderr);
		return 2;
	}
	/* Absolute paths: one test changes the working directory. */
	absolute(bdir, sizeof bdir, argv[2]);
	join(genpath, sizeof genpath, bdir, "/", "auxchan-gen");
	gen = genpath;
	join(workdir, sizeof workdir, bdir, "/", "check-gen");
	work = workdir;
	page_file = argv[1];
	{
		/* Afresh: what an earlier run made proves nothing. */
		char *rm[] = { "rm", "-rf", workdir, NULL };

		if (spawn(rm, NULL, NULL) != 0 || mkdir(work, 0755) != 0) {
			fprintf(stderr, "gen: cannot make %s\n", work);
			return 2;
		}
	}
	join(errfile, sizeof errfile, work, "/", "stderr");

	test_keys(bdir);
	test_crowded_bucket();
	test_huge_page();
	test_table_limits();
	test_group_limit();
	test_blowups();
	list_bad_pages();
	test_bad_pages();
	test_same_output();
	test_no_partial_output();
	test_options();
	test_full_disk();
	test_diagnostic_limit();
	test_make(make, bdir);
	test_parallel(make, bdir);
	test_stale(make, bdir);
	test_variables(make, bdir);
	test_determinism();
	for (size_t i = 0; i < nbad; i++)
		free(bad_pages[i]);
	page_cleanup();
	return check_done("gen");
}
