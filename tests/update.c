/*
 * update.c - tests of make update-page (gen/update-page.sh), offline: each
 * case copies tests/revisions/base.md to a page of its own and updates it
 * from a file:// URL of a fixture revision.  A valid revision replaces the
 * page, after its diff; a failure (an invalid page, a missing file, an
 * interrupt while curl waits) leaves the page as it was, and no temporary
 * file beside it.  URLs are text, never code: quotes, commands, newlines
 * run nothing; /dev/zero is read to the limit only; a page that is a
 * symbolic link is refused.  Then sets of pages, the room page and two
 * group pages (GROUP_PAGES, GROUP_URLS): a good set replaces every page
 * that changed; a bad page, a missing one, a symbolic link, a URL too few
 * or a rename that fails after another leave every page as it was.
 * Usage: MAKE=make update PAGE BUILDDIR.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "page.h"
#include "run.h"

extern char **environ;

#define R "tests/revisions/"
#define G R "groups/"

static const struct {
	const char *description;
	const char *url;        /* a revision, made a file:// URL; or a URL as it is */
	int fails;              /* make update-page fails, the page stays */
	const char *now;        /* what the page holds then */
	const char *out_has[3]; /* pieces of the output (both streams) */
} cases[] = {
	{ .description = "rooms added, and the page's warnings shown", .url = R "added.md",
	  .now = R "added.md",
	  .out_has = { "8 added, 0 removed, 0 changed\n", "matrix.md updated\n",
	               ":38:3: warning: display name 'SIG:CLI Governance' is also used" } },
	{ .description = "rooms removed", .url = R "removed.md", .now = R "removed.md",
	  .out_has = { "- #SIGHOME-GEN:auxolotl.org", "0 added, 2 removed, 0 changed\n",
	               "matrix.md updated\n" } },
	{ .description = "rooms changed", .url = R "changed.md", .now = R "changed.md",
	  .out_has = { "~ #SIGPY-GOV:auxolotl.org", "0 added, 0 removed, 5 changed;",
	               "matrix.md updated\n" } },
	{ .description = "padding only: the page replaced, no room changed",
	  .url = R "repadded.md", .now = R "repadded.md",
	  .out_has = { "0 added, 0 removed, 0 changed\n", "matrix.md updated\n" } },
	{ .description = "the same page", .url = R "base.md", .now = R "base.md",
	  .out_has = { "matrix.md is current\n" } },
	{ .description = "an invalid page: refused", .url = R "invalid.md", .fails = 1,
	  .now = R "base.md",
	  .out_has = { "error: duplicate alias '#SIGRUST-gen:auxolotl.org'",
	               "the fetched page has errors: ", "matrix.md unchanged\n" } },
	{ .description = "not a page of rooms: refused", .url = "tests/bad/no-table.md",
	  .fails = 1, .now = R "base.md", .out_has = { "matrix.md unchanged\n" } },
	{ .description = "a file that is not there: refused", .url = R "no-such-revision.md",
	  .fails = 1, .now = R "base.md",
	  .out_has = { "auxchan: cannot fetch file://", "matrix.md unchanged\n" } },
};

static const char *make, *cwd;
static char dir[2048], page[2100], log_file[2100];

/* Does the directory hold only matrix.md (no temporary file left)? */
static int only_page(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int ok = 1;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, "matrix.md"))
			ok = 0;
	closedir(d);
	return ok;
}

/* Is the page the file want, byte for byte? */
static int page_is(const char *want)
{
	return check_same_file(page, want);
}

static int reset(void)
{
	char cmd[8192];

	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && cp %s '%s'", dir, dir,
	         R "base.md", page);
	return system(cmd);
}

/* The shell command that updates the page from url, its output in log_file. */
static void update_cmd(char *cmd, size_t size, const char *build, const char *url)
{
	snprintf(cmd, size, "%s -s --no-print-directory BUILDDIR=%s update-page DATA='%s' "
	         "URL='%s' > %s 2>&1", make, build, page, url, log_file);
}

static void test_cases(const char *build)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *what = cases[i].description;
		char url[4500], cmd[16384];
		int rc;
		char *o;

		if (reset() != 0)
			exit(2);
		snprintf(url, sizeof url, "file://%s/%s", cwd, cases[i].url);
		update_cmd(cmd, sizeof cmd, build, url);
		rc = system(cmd);
		check(cases[i].fails ? rc != 0 : rc == 0, "%s: make update-page %s", what,
		      cases[i].fails ? "fails" : "succeeds");
		check(page_is(cases[i].now), "%s: the page is now %s", what, cases[i].now);
		check(only_page(), "%s: no temporary file left in %s", what, dir);
		o = check_read(log_file, NULL);
		for (int k = 0; k < 3 && cases[i].out_has[k]; k++)
			check(o && strstr(o, cases[i].out_has[k]), "%s: output has '%s', got:\n%s", what,
			      cases[i].out_has[k], o);
		free(o);
	}
}

/*
 * An interrupt while curl waits (on a FIFO that nobody writes): SIGINT to
 * the whole process group, as a terminal's ^C sends it.
 */
static void test_interrupt(const char *build)
{
	char fifo[4300], url[4400], cmd[16384];
	char *argv[] = { "sh", "-c", cmd, NULL };
	posix_spawnattr_t attr;
	sigset_t deflt;
	pid_t pid;
	int status = 0, waited = 0, started = 0;

	if (reset() != 0)
		exit(2);
	snprintf(fifo, sizeof fifo, "%s.fifo", dir);
	remove(fifo);
	if (mkfifo(fifo, 0600) != 0) {
		perror(fifo);
		exit(2);
	}
	snprintf(url, sizeof url, "file://%s", fifo);
	update_cmd(cmd, sizeof cmd, build, url);
	/* Its own process group, with ^C's default action, as a terminal's
	 * foreground job has even when this test runs in the background
	 * (make check runs several at once: a shell's background job ignores
	 * SIGINT). */
	sigemptyset(&deflt);
	sigaddset(&deflt, SIGINT);
	sigaddset(&deflt, SIGQUIT);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setsigdefault(&attr, &deflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
	if (posix_spawnp(&pid, "sh", NULL, &attr, argv, environ) != 0) {
		perror("sh");
		exit(2);
	}
	posix_spawnattr_destroy(&attr);
	/* Wait (10 s at most) for the temporary file: curl is running then. */
	for (int t = 0; t < 1000 && !started; t++) {
		struct timespec ms10 = { 0, 10000000 };

		started = !only_page();
		nanosleep(&ms10, NULL);
	}
	check(started, "interrupted: the temporary file appears");
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL); /* curl starts */
	kill(-pid, SIGINT);
	for (int t = 0; t < 1000 && !waited; t++) {
		struct timespec ms10 = { 0, 10000000 };

		waited = waitpid(pid, &status, WNOHANG) == pid;
		if (!waited)
			nanosleep(&ms10, NULL);
	}
	if (!waited) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	check(waited, "interrupted: make update-page ends");
	check(!WIFEXITED(status) || WEXITSTATUS(status) != 0, "interrupted: a failure");
	check(page_is(R "base.md"), "interrupted: the page is untouched");
	check(only_page(), "interrupted: no temporary file left in %s", dir);
	remove(fifo);
}


/*
 * URLs are text, never code (make passes URL in the environment): shell
 * quotes, commands, a newline, make's own '$(...)' are fetched as they are,
 * or refused, and the marker file is never created.  A real file whose name
 * has a quote is fetched.  A URL that gives more than PAGE_MAX_BYTES is read
 * no further (/dev/zero never ends) and refused.
 */
static const struct {
	const char *description;
	const char *url; /* %s: the marker's path; with .quoted, the quoted file's folder */
	int quoted;      /* the page becomes R "added.md", fetched from a file named it's.md */
	const char *out_has;
} hostile_urls[] = {
	{ .description = "a quote and a command", .url = "file:///x'; touch %s; echo '",
	  .out_has = "auxchan: cannot fetch file:///x'; touch " },
	{ .description = "double quotes and a command", .url = "file:///x\"; touch %s; echo \"",
	  .out_has = "cannot fetch" },
	{ .description = "backquotes", .url = "file:///x`touch %s`", .out_has = "cannot fetch" },
	{ .description = "a newline", .url = "file:///x\ntouch %s", .out_has = "cannot fetch" },
	{ .description = "make's $(shell)", .url = "$(shell touch %s)",
	  .out_has = "is refused: make would expand its '$'" },
	{ .description = "a file whose name has a quote", .url = "file://%s/it's.md", .quoted = 1,
	  .out_has = "8 added, 0 removed, 0 changed\n" },
	{ .description = "/dev/zero: read to the limit only, refused", .url = "file:///dev/zero",
	  .out_has = "the fetched page is larger than the limit of %u bytes" },
};

static void test_hostile_urls(const char *build)
{
	char marker[2200], quoted[2200], bvar[2200], dvar[2200], uvar[4500], err[2200];
	char *argv[] = { (char *)make, "-s", "--no-print-directory", bvar, "update-page", dvar,
	                 uvar, NULL };

	snprintf(marker, sizeof marker, "%s.pwned", dir);
	snprintf(quoted, sizeof quoted, "%s.quoted", dir);
	snprintf(bvar, sizeof bvar, "BUILDDIR=%s", build);
	snprintf(dvar, sizeof dvar, "DATA=%s", page);
	snprintf(err, sizeof err, "%s.err", log_file);
	for (size_t i = 0; i < sizeof hostile_urls / sizeof *hostile_urls; i++) {
		const char *what = hostile_urls[i].description;
		int fails = !hostile_urls[i].quoted, rc;
		char cmd[8192], want[256], *o, *e;

		snprintf(cmd, sizeof cmd, "rm -f '%s' && mkdir -p '%s' && cp %s \"%s/it's.md\"",
		         marker, quoted, R "added.md", quoted);
		if (reset() != 0 || system(cmd) != 0)
			exit(2);
		strcpy(uvar, "URL=");
		snprintf(uvar + 4, sizeof uvar - 4, hostile_urls[i].url,
		         hostile_urls[i].quoted ? quoted : marker);
		rc = spawn(argv, log_file, err);
		check(fails ? rc != 0 : rc == 0, "%s: make update-page %s", what,
		      fails ? "fails" : "succeeds");
		check(access(marker, F_OK) != 0, "%s: no command ran (%s)", what, marker);
		check(page_is(fails ? R "base.md" : R "added.md"), "%s: the page is %s", what,
		      fails ? "unchanged" : "the fetched one");
		check(only_page(), "%s: no temporary file left in %s", what, dir);
		o = check_read(log_file, NULL), e = check_read(err, NULL);
		snprintf(want, sizeof want, hostile_urls[i].out_has, PAGE_MAX_BYTES);
		check((o && strstr(o, want)) || (e && strstr(e, want)), "%s: output has '%s', got:\n%s%s",
		      what, want, o ? o : "", e ? e : "");
		free(o);
		free(e);
	}
}

/* A page that is a symbolic link: refused, the link and its file kept. */
static void test_symlink(const char *build)
{
	char target[2200], cmd[16384], url[4500];
	struct stat st;
	int rc;

	if (reset() != 0)
		exit(2);
	snprintf(target, sizeof target, "%s.target.md", dir);
	snprintf(cmd, sizeof cmd, "mv '%s' '%s' && ln -s '%s' '%s'", page, target, target, page);
	if (system(cmd) != 0)
		exit(2);
	snprintf(url, sizeof url, "file://%s/%s", cwd, R "added.md");
	update_cmd(cmd, sizeof cmd, build, url);
	rc = system(cmd);
	check(rc != 0, "a page that is a symbolic link: make update-page fails");
	check(lstat(page, &st) == 0 && S_ISLNK(st.st_mode), "a symbolic link: still a link");
	check(check_same_file(target, R "base.md"), "a symbolic link: the file it points to unchanged");
	check(only_page(), "a symbolic link: no temporary file left in %s", dir);
	{
		char *o = check_read(log_file, NULL);

		check(o && strstr(o, "a symbolic link (the rename would replace it by a file)"),
		      "a symbolic link: says why, got:\n%s", o ? o : "");
		free(o);
	}
	remove(target);
}

/*
 * Sets of pages: matrix.md, sigs.md and committees.md in a folder of their
 * own, R "base.md", G "sigs.md" and G "committees.md" at first, updated
 * from the file:// URLs of url[] (a revision; or .group_urls as it is).
 * .fail_mv: that call of mv fails (a mv before the real one in PATH), as a
 * rename can (a folder made read-only, a full inode table, an interrupt).
 */
#define SET_PAGES 3
static const char *const set_names[SET_PAGES] = { "matrix.md", "sigs.md", "committees.md" };
static const char *const set_base[SET_PAGES] = { R "base.md", G "sigs.md", G "committees.md" };

static const struct {
	const char *description;
	const char *url[SET_PAGES];  /* the revision each page is fetched from */
	const char *group_urls;      /* GROUP_URLS as it is, if not NULL (%s: the marker) */
	int fail_mv;                 /* the call of mv that fails, if not 0 */
	int fails;                   /* make update-page fails, every page stays */
	const char *now[SET_PAGES];  /* what the pages hold then (NULL: as at first) */
	const char *out_has[3];
} sets[] = {
	{ .description = "a good set: every page replaced",
	  .url = { R "changed.md", G "sigs-changed.md", G "committees-changed.md" },
	  .now = { R "changed.md", G "sigs-changed.md", G "committees-changed.md" },
	  .out_has = { "0 added, 0 removed, 5 changed; groups: 1 added, 1 removed, 4 changed; the "
	               "front matter changed\n",
	               "~ group Haskell  (", "set/committees.md updated\n" } },
	{ .description = "a good set, one group page changed: it alone replaced",
	  .url = { R "base.md", G "sigs-changed.md", G "committees.md" },
	  .now = { R "base.md", G "sigs-changed.md", G "committees.md" },
	  .out_has = { "    leaders        - @ptitfred\n                   + @ptitfred, @someone\n",
	               "set/matrix.md is current\n", "set/sigs.md updated\n" } },
	{ .description = "the same set: every page current",
	  .url = { R "base.md", G "sigs.md", G "committees.md" },
	  .out_has = { "groups: 0 added, 0 removed, 0 changed\n", "set/sigs.md is current\n",
	               "set/committees.md is current\n" } },
	{ .description = "a group page with an error (a group named twice): every page unchanged",
	  .url = { R "changed.md", G "sigs-invalid.md", G "committees-changed.md" }, .fails = 1,
	  .out_has = { "error: group 'haskell' is named twice",
	               "the fetched pages have errors: ",
	               "set/matrix.md, ", } },
	{ .description = "a group page of no group table: every page unchanged",
	  .url = { R "changed.md", G "sigs-changed.md", "tests/bad/no-table.md" }, .fails = 1,
	  .out_has = { "error: no group table", "set/committees.md unchanged\n" } },
	{ .description = "an invalid room page, good group pages: every page unchanged",
	  .url = { R "invalid.md", G "sigs-changed.md", G "committees-changed.md" }, .fails = 1,
	  .out_has = { "error: duplicate alias", "set/committees.md unchanged\n" } },
	{ .description = "a group page that is not there: every page unchanged",
	  .url = { R "changed.md", G "no-such-page.md", G "committees-changed.md" }, .fails = 1,
	  .out_has = { "auxchan: cannot fetch file://", "no-such-page.md: ",
	               "set/committees.md unchanged\n" } },
	{ .description = "a rename that fails after another: the page renamed put back",
	  .url = { R "changed.md", G "sigs-changed.md", G "committees-changed.md" },
	  .fail_mv = 2, .fails = 1,
	  .out_has = { "cannot rename ", "set/matrix.md put back as it was\n" } },
	{ .description = "a rename that fails, the last: both renamed put back",
	  .url = { R "changed.md", G "sigs-changed.md", G "committees-changed.md" },
	  .fail_mv = 3, .fails = 1,
	  .out_has = { "set/matrix.md put back as it was\n", "set/sigs.md put back as it was\n" } },
	{ .description = "one URL for two group pages: refused",
	  .url = { R "changed.md" }, .group_urls = "file:///nowhere/sigs.md", .fails = 1,
	  .out_has = { "2 group pages and 1 URLs for them" } },
	{ .description = "GROUP_URLS: a quote and a command, split at blanks, run nothing",
	  .url = { R "changed.md" }, .group_urls = "file:///x';touch %s;' file:///y", .fails = 1,
	  .out_has = { "2 group pages and 3 URLs for them" } },
	{ .description = "GROUP_URLS: a quote and a command, fetched as text",
	  .url = { R "changed.md" }, .group_urls = "file:///x';touch${IFS}%s;' file:///y",
	  .fails = 1, .out_has = { "is refused: make would expand its '$'" } },
	{ .description = "GROUP_URLS: backquotes, fetched as text",
	  .url = { R "changed.md" }, .group_urls = "file:///x`touch%s` file:///y", .fails = 1,
	  .out_has = { "auxchan: cannot fetch file:///x`touch" } },
};

/* Beside dir (BUILDDIR/check-update/data): set/ and bin/ (the mv that fails). */
static char set_dir[2100], set_page[SET_PAGES][2200], fake_bin[2100];

/* The set at first; and a mv that fails at its call fail (0: none). */
static void set_reset(int fail)
{
	char cmd[16384];
	FILE *f;

	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s' && mkdir -p '%s' '%s'", set_dir, fake_bin,
	         set_dir, fake_bin);
	if (system(cmd) != 0)
		exit(2);
	for (int k = 0; k < SET_PAGES; k++) {
		snprintf(cmd, sizeof cmd, "cp %s '%s'", set_base[k], set_page[k]);
		if (system(cmd) != 0)
			exit(2);
	}
	if (!fail)
		return;
	/* The mv of PATH: counts its calls, fails at the one, else the next mv of PATH. */
	snprintf(cmd, sizeof cmd, "%s/mv", fake_bin);
	if (!(f = fopen(cmd, "w")))
		exit(2);
	fprintf(f, "#!/bin/sh\nn=$(($(cat \"$0.count\" 2>/dev/null || echo 0) + 1))\n"
	        "echo $n > \"$0.count\"\n"
	        "[ $n -ne %d ] || { echo 'mv: fails, for the test' >&2; exit 1; }\n"
	        "PATH=${PATH#*:} exec mv \"$@\"\n", fail);
	fclose(f);
	chmod(cmd, 0755);
}

/* Does the set's folder hold its pages only? */
static int only_set(void)
{
	DIR *d = opendir(set_dir);
	struct dirent *e;
	int ok = 1;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		int known = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");

		for (int k = 0; k < SET_PAGES; k++)
			known |= !strcmp(e->d_name, set_names[k]);
		ok &= known;
	}
	closedir(d);
	return ok;
}

static void test_sets(const char *build)
{
	char marker[2200];

	snprintf(marker, sizeof marker, "%s.pwned", set_dir);
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
		const char *what = sets[i].description;
		char bvar[2200], dvar[2300], gvar[4500], uvar[4500], guvar[9000], path[4500], *o;
		char *argv[] = { (char *)make, "-s", "--no-print-directory", bvar, "update-page",
		                 dvar, gvar, uvar, guvar, NULL };
		char *envp_path = NULL;
		int rc, n = 0;

		set_reset(sets[i].fail_mv);
		remove(marker);
		snprintf(bvar, sizeof bvar, "BUILDDIR=%s", build);
		snprintf(dvar, sizeof dvar, "DATA=%s", set_page[0]);
		snprintf(gvar, sizeof gvar, "GROUP_PAGES=%s %s", set_page[1], set_page[2]);
		snprintf(uvar, sizeof uvar, "URL=file://%s/%s", cwd, sets[i].url[0]);
		if (sets[i].group_urls) {
			n = snprintf(guvar, sizeof guvar, "GROUP_URLS=");
			snprintf(guvar + n, sizeof guvar - (size_t)n, sets[i].group_urls, marker);
		} else {
			snprintf(guvar, sizeof guvar, "GROUP_URLS=file://%s/%s file://%s/%s", cwd,
			         sets[i].url[1], cwd, sets[i].url[2]);
		}
		if (sets[i].fail_mv) {
			const char *old = getenv("PATH");

			snprintf(path, sizeof path, "%s:%s", fake_bin, old ? old : "/usr/bin:/bin");
			envp_path = strdup(old ? old : "");
			setenv("PATH", path, 1);
		}
		rc = spawn(argv, log_file, log_file);
		if (envp_path) {
			setenv("PATH", envp_path, 1);
			free(envp_path);
		}
		check(sets[i].fails ? rc != 0 : rc == 0, "%s: make update-page %s", what,
		      sets[i].fails ? "fails" : "succeeds");
		for (int k = 0; k < SET_PAGES; k++) {
			const char *want = sets[i].now[k] ? sets[i].now[k] : set_base[k];

			check(check_same_file(set_page[k], want), "%s: %s is now %s", what, set_names[k],
			      want);
		}
		check(only_set(), "%s: no temporary file left in %s", what, set_dir);
		check(access(marker, F_OK) != 0, "%s: no command ran (%s)", what, marker);
		o = check_read(log_file, NULL);
		for (int k = 0; k < 3 && sets[i].out_has[k]; k++)
			check(o && strstr(o, sets[i].out_has[k]), "%s: output has '%s', got:\n%s", what,
			      sets[i].out_has[k], o);
		free(o);
	}
}

/*
 * A group page that is a symbolic link: the set refused before anything
 * is fetched, the link and its file kept, the other pages too.
 */
static void test_set_symlink(const char *build)
{
	char target[2200], cmd[16384];
	struct stat st;
	char *o;

	set_reset(0);
	snprintf(target, sizeof target, "%s.sigs.md", set_dir);
	snprintf(cmd, sizeof cmd, "mv '%s' '%s' && ln -s '%s' '%s'", set_page[1], target, target,
	         set_page[1]);
	if (system(cmd) != 0)
		exit(2);
	snprintf(cmd, sizeof cmd, "%s -s --no-print-directory BUILDDIR=%s update-page DATA=%s "
	         "GROUP_PAGES='%s %s' URL=file://%s/%s GROUP_URLS='file://%s/%s file://%s/%s' "
	         "> %s 2>&1", make, build, set_page[0], set_page[1], set_page[2], cwd,
	         R "changed.md", cwd, G "sigs-changed.md", cwd, G "committees-changed.md", log_file);
	check(system(cmd) != 0, "a group page that is a symbolic link: make update-page fails");
	check(lstat(set_page[1], &st) == 0 && S_ISLNK(st.st_mode),
	      "a group page that is a symbolic link: still a link");
	check(check_same_file(target, G "sigs.md"),
	      "a group page that is a symbolic link: the file it points to unchanged");
	check(check_same_file(set_page[0], R "base.md") &&
	      check_same_file(set_page[2], G "committees.md"),
	      "a group page that is a symbolic link: the other pages unchanged");
	check(only_set(), "a group page that is a symbolic link: no temporary file left");
	o = check_read(log_file, NULL);
	check(o && strstr(o, "sigs.md is a symbolic link (the rename would replace it by a file)"),
	      "a group page that is a symbolic link: says why, got:\n%s", o ? o : "");
	free(o);
	remove(target);
}

int main(int argc, char **argv)
{
	static char here[4096];

	make = getenv("MAKE");
	if (argc != 3 || !make || !(cwd = getcwd(here, sizeof here))) {
		fputs("usage: MAKE=make update PAGE BUILDDIR\n", stderr);
		return 2;
	}
	/* A relative BUILDDIR under the tree, an absolute one as it is. */
	snprintf(dir, sizeof dir, "%s%s%s/check-update/data", argv[2][0] == '/' ? "" : cwd,
	         argv[2][0] == '/' ? "" : "/", argv[2]);
	snprintf(page, sizeof page, "%s/matrix.md", dir);
	snprintf(log_file, sizeof log_file, "%s.log", dir);
	snprintf(set_dir, sizeof set_dir, "%.*s/set", (int)(strlen(dir) - 5), dir);
	for (int k = 0; k < SET_PAGES; k++)
		snprintf(set_page[k], sizeof set_page[k], "%s/%s", set_dir, set_names[k]);
	snprintf(fake_bin, sizeof fake_bin, "%.*s/bin", (int)(strlen(dir) - 5), dir);
	test_cases(argv[2]);
	test_interrupt(argv[2]);
	test_hostile_urls(argv[2]);
	test_symlink(argv[2]);
	test_sets(argv[2]);
	test_set_symlink(argv[2]);
	return check_done("update");
}
