/*
 * update.c - tests of make update-page (gen/update-page.sh), offline: each
 * case copies tests/revisions/base.md to a page of its own and updates it
 * from a file:// URL of a fixture revision.  A valid revision replaces the
 * page, after its diff; a failure (an invalid page, a missing file, an
 * interrupt while curl waits) leaves the page as it was, and no temporary
 * file beside it.  URLs are text, never code: quotes, commands, newlines
 * run nothing; /dev/zero is read to the limit only; a page that is a
 * symbolic link is refused.
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
	test_cases(argv[2]);
	test_interrupt(argv[2]);
	test_hostile_urls(argv[2]);
	test_symlink(argv[2]);
	return check_done("update");
}
