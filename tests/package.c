/*
 * package.c - tests of auxchan as it ships: make install and uninstall, the
 * shared library's exports and soname, a host program built four ways
 * (pkg-config against a DESTDIR install, libauxchan.a, the amalgamation,
 * C++), the amalgamation under -std=c99 -Wpedantic, the man pages, the
 * bash completion, the release tarball (built and checked without gperf or
 * the generator, and itself reproducible), and byte-identical builds from
 * two directories at two times.
 * Usage: package PAGE BUILDDIR, with MAKE, CC, CXX and VERSION in the
 * environment, from the top of the tree (CC and CXX may carry flags: make
 * check-sanitize builds every host with its sanitizers).  Builds of other
 * trees (the tarball's, the copies) start with an empty MAKEFLAGS: this
 * tree's command-line variables (BUILDDIR...) must not reach them.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static const char *make, *build, *cc, *cxx, *version;
static char work[4096], out[4200];

/* Runs the shell command (printf-style) with its output in the file out;
 * returns its exit status. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	char cmd[16384] = "{ ";
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(cmd + 2, sizeof cmd - 2, fmt, ap);
	va_end(ap);
	if (strlen(cmd) + strlen(out) + 16 >= sizeof cmd) {
		fputs("package: command too long\n", stderr);
		exit(2);
	}
	/* The whole command's output, not only its last part's. */
	strcat(cmd, "\n} >");
	strcat(cmd, out);
	strcat(cmd, " 2>&1");
	rc = system(cmd);
	return rc == -1 ? -1 : WEXITSTATUS(rc);
}

/* The output of the last command, as a string (to free). */
static char *output(void)
{
	char *s = check_read(out, NULL);

	return s ? s : calloc(1, 1);
}

/* Checks that the last command's output holds every one of the strings. */
static void check_output(const char *what, const char *const *want)
{
	char *s = output();

	for (; *want; want++)
		check(strstr(s, *want) != NULL, "%s: output has '%s', got: %.400s", what, *want, s);
	free(s);
}

static void test_install(void)
{
	static const char *const files[] = {
		"usr/bin/auxchan", "usr/include/auxchan.h", "usr/lib/libauxchan.a",
		"usr/lib/libauxchan.so.%s", "usr/lib/libauxchan.so.0", "usr/lib/libauxchan.so",
		"usr/lib/pkgconfig/auxchan.pc", "usr/share/man/man1/auxchan.1",
		"usr/share/man/man3/auxchan.3", "usr/share/bash-completion/completions/auxchan",
		"usr/share/zsh/vendor-completions/_auxchan",
		"usr/share/fish/vendor_completions.d/auxchan.fish", NULL,
	};
	static const char *const found[] = { "#SIGPY-GEN:auxolotl.org", "#SIGPY-GOV:auxolotl.org", NULL };

	check_num("make install", sh("%s -s BUILDDIR=%s install DESTDIR=%s/stage PREFIX=/usr",
	                             make, build, work), 0);
	for (const char *const *f = files; *f; f++) {
		char name[256];

		snprintf(name, sizeof name, *f, version);
		check_num(name, sh("test -f %s/stage/%s", work, name), 0);
	}
	check_num("soname link", sh("test \"$(readlink %s/stage/usr/lib/libauxchan.so.0)\" = "
	                            "libauxchan.so.%s", work, version), 0);
	check_num("development link", sh("test \"$(readlink %s/stage/usr/lib/libauxchan.so)\" = "
	                                 "libauxchan.so.0", work), 0);

	/* The host program against the installed package, through pkg-config. */
	check_num("host through pkg-config", sh(
		"PKG_CONFIG_SYSROOT_DIR=%s/stage PKG_CONFIG_PATH=%s/stage/usr/lib/pkgconfig "
		"%s -std=c99 -Wall -Wextra -Wpedantic -Werror tests/host.c "
		"$(PKG_CONFIG_SYSROOT_DIR=%s/stage PKG_CONFIG_PATH=%s/stage/usr/lib/pkgconfig "
		"pkg-config --keep-system-cflags --keep-system-libs --cflags --libs auxchan) "
		"-o %s/host-pc", work, work, cc, work, work, work), 0);
	check_num("host through pkg-config runs", sh("LD_LIBRARY_PATH=%s/stage/usr/lib %s/host-pc",
	                                             work, work), 0);
	check_output("host through pkg-config", found);
	check_num("it uses the shared library", sh("LD_LIBRARY_PATH=%s/stage/usr/lib ldd %s/host-pc "
	                                           "| grep -q libauxchan.so.0", work, work), 0);

	/*
	 * Static embeds of the same install, where libauxchan.so stands beside
	 * libauxchan.a and -lauxchan alone would take it: the archive asked
	 * for by -Wl,-Bstatic, or the whole program -static (not under
	 * AddressSanitizer, which cannot be).  pkg-config --static adds
	 * nothing: the library needs no other.  Either program runs with no
	 * LD_LIBRARY_PATH and needs no libauxchan.so.
	 */
	for (int whole = 0; whole < 2; whole++) {
		const char *what = whole ? "host, -static, through pkg-config --static"
		                          : "host, -Wl,-Bstatic, through pkg-config --static";
		char name[64];

		if (whole && CHECK_SANITIZED)
			continue;
		snprintf(name, sizeof name, "host-pc-static%d", whole);
		check_num(what, sh("PC='env PKG_CONFIG_SYSROOT_DIR=%s/stage PKG_CONFIG_PATH="
		          "%s/stage/usr/lib/pkgconfig pkg-config --keep-system-cflags --keep-system-libs'; "
		          "%s -std=c99 -Wall -Werror %s tests/host.c $($PC --cflags auxchan) %s "
		          "$($PC --static --libs auxchan) %s -o %s/%s && env -u LD_LIBRARY_PATH %s/%s",
		          work, work, cc, whole ? "-static" : "", whole ? "" : "-Wl,-Bstatic",
		          whole ? "" : "-Wl,-Bdynamic", work, name, work, name), 0);
		check_output(what, found);
		check_num(what, sh("! readelf -d %s/%s | grep NEEDED | grep libauxchan", work, name), 0);
	}

	check_num("make uninstall", sh("%s -s BUILDDIR=%s uninstall DESTDIR=%s/stage PREFIX=/usr",
	                               make, build, work), 0);
	check_num("nothing left but directories", sh("test -z \"$(find %s/stage ! -type d)\"", work), 0);
}

static void test_library(void)
{
	static const char *const found[] = { "#SIGPY-GEN:auxolotl.org", "#SIGPY-GOV:auxolotl.org", NULL };
	static const char *const api[] = {
		"auxchan_count", "auxchan_date", "auxchan_field", "auxchan_key", "auxchan_key_count",
		"auxchan_lookup", "auxchan_search", "auxchan_search_scored", "auxchan_suggest",
		"auxchan_title", "auxchan_version", NULL,
	};
	char *s, *line;
	int n = 0;

	/* Exports: the API, and nothing else. */
	check_num("nm -D", sh("nm -D --defined-only %s/libauxchan.so | awk '{print $3}'", build), 0);
	s = output();
	for (line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
		int ok = 0;

		for (const char *const *a = api; *a; a++)
			ok |= !strcmp(line, *a);
		check(ok, "libauxchan.so exports '%s', not an auxchan_ function", line);
		n++;
	}
	check_num("libauxchan.so exports every function of the API", n, 11);
	free(s);
	check_num("soname", sh("readelf -d %s/libauxchan.so | grep -q 'SONAME.*\\[libauxchan.so.0\\]'",
	                       build), 0);

	check_num("host against libauxchan.a", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-Iinclude tests/host.c %s/libauxchan.a -o %s/host-static && %s/host-static",
	          cc, build, work, work), 0);
	check_output("host against libauxchan.a", found);
	check_num("host as C++", sh("%s -x c++ -Wall -Wextra -Werror -pedantic -Iinclude tests/host.c "
	          "-x none %s/libauxchan.a -o %s/host-cxx && %s/host-cxx", cxx, build, work, work), 0);
	check_output("host as C++", found);
	check_num("make amalgamation", sh("%s -s BUILDDIR=%s amalgamation", make, build), 0);
	check_num("amalgamation, -std=c99 -Wpedantic -Werror", sh("%s -std=c99 -Wall -Wextra "
	          "-Wpedantic -Werror -c %s/amalgamation/auxchan.c -o %s/amalg.o", cc, build, work), 0);
	check_num("amalgamation, -Os", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror -Os -c "
	          "%s/amalgamation/auxchan.c -o %s/amalg-os.o", cc, build, work), 0);
	check_num("host from the amalgamation alone", sh("%s -std=c99 -Wall -Werror -I%s/amalgamation "
	          "tests/host.c %s/amalgamation/auxchan.c -o %s/host-amalg && "
	          "env -u LD_LIBRARY_PATH %s/host-amalg", cc, build, build, work, work), 0);
	check_output("host from the amalgamation", found);
	check_num("host from the amalgamation needs no libauxchan.so",
	          sh("! readelf -d %s/host-amalg | grep NEEDED | grep libauxchan", work), 0);
}

/*
 * The usage lines, as each place writes them: all must be those of
 * auxchan --help.  Each command prints them, one a line, without their
 * indentation; $B is the build directory.
 */
static const struct {
	const char *description;
	const char *command;
} usage_lines[] = {
	{ .description = "auxchan --help",
	  .command = "\"$B/auxchan\" --help | sed -n '1,/^$/{s/^usage: //;s/^ *//;/./p}'" },
	{ .description = "auxchan(1), SYNOPSIS",
	  .command = "groff -man -Tascii -P-cbou src/auxchan.1 | "
	             "sed -n '/^SYNOPSIS$/,/^[A-Z]/{/^[A-Z]/d;s/^ *//;/./p}'" },
	{ .description = "README.md, The command",
	  .command = "sed -n '/^## The command$/,/^[^ ]/{s/^    //p}' README.md" },
};

static void test_usage_lines(void)
{
	char *help = NULL;

	for (size_t i = 0; i < sizeof usage_lines / sizeof *usage_lines; i++) {
		char *got;

		check_num(usage_lines[i].description, sh("B='%s'; %s", build,
		                                         usage_lines[i].command), 0);
		got = output();
		if (i == 0) {
			check(check_lines(got) >= 4, "auxchan --help: usage lines, got: '%s'", got);
			help = got;
			continue;
		}
		check(!strcmp(got, help), "%s: the usage lines of auxchan --help\n"
		      "  expected:\n%s  got:\n%s", usage_lines[i].description, help, got);
		free(got);
	}
	free(help);
}

static void test_docs(void)
{
	static const char *const pages[] = { "src/auxchan.1", "include/auxchan.3", NULL };

	for (const char *const *p = pages; *p; p++) {
		check_num(*p, sh("groff -man -ww -Tutf8 -z %s && test ! -s %s", *p, out), 0);
		check_num("its version", sh("grep -q '^\\.TH .*\"auxchan %s\"' %s", version, *p), 0);
	}
	/* The JSON example of auxchan(1) renders with its quotes. */
	check_num("auxchan(1) renders its JSON example", sh("groff -man -Tutf8 -P-cbou src/auxchan.1 "
	          "| grep -F '{\"title\", \"date\", \"channels\": [{\"section\", \"name\", "
	          "\"alias\",'"), 0);
	/* Every function of the header is in auxchan(3). */
	check_num("auxchan(3) has the API", sh("for f in $(grep -o '^[a-z].*auxchan_[a-z]*(' "
	          "include/auxchan.h | grep -o 'auxchan_[a-z]*'); do grep -q \"$f\" include/auxchan.3 "
	          "|| echo \"missing $f\"; done | grep . && exit 1 || exit 0"), 0);	test_usage_lines();
}

/*
 * The completions, each run by its shell (when installed) on the word
 * typed: bash calls _auxchan as complete -F would; zsh runs the function's
 * body with compadd replaced by a printer; fish completes the command line
 * itself.  With turkish, under a Turkish locale, where 'I' folds to a
 * dotless 'ı' (made with localedef, when it can be).
 */
static const struct {
	const char *description;
	const char *shell, *word;
	int turkish;
	const char *found[3];
} completions[] = {
	{ .description = "an alias after '#'", .shell = "bash", .word = "#SIGPY-G",
	  .found = { "\\#SIGPY-GEN:auxolotl.org", "\\#SIGPY-GOV:auxolotl.org" } },
	{ .description = "any case", .shell = "bash", .word = "pyth", .found = { "Python" } },
	{ .description = "a Turkish locale", .shell = "bash", .word = "sigpy", .turkish = 1,
	  .found = { "SIGPY", "SIGPY-GEN:auxolotl.org" } },
	{ .description = "an alias after '#'", .shell = "zsh", .word = "\\#SIGPY-G",
	  .found = { "#SIGPY-GEN:auxolotl.org", "#SIGPY-GOV:auxolotl.org" } },
	{ .description = "any case", .shell = "zsh", .word = "pyth", .found = { "Python" } },
	{ .description = "a Turkish locale", .shell = "zsh", .word = "sigpy", .turkish = 1,
	  .found = { "SIGPY", "SIGPY-GEN:auxolotl.org" } },
	{ .description = "an alias after '#'", .shell = "fish", .word = "\\#SIGPY-G",
	  .found = { "#SIGPY-GEN:auxolotl.org", "#SIGPY-GOV:auxolotl.org" } },
	{ .description = "any case", .shell = "fish", .word = "pyth", .found = { "Python" } },
	{ .description = "a Turkish locale", .shell = "fish", .word = "sigpy", .turkish = 1,
	  .found = { "SIGPY", "SIGPY-GEN:auxolotl.org" } },
	{ .description = "options", .shell = "fish", .word = "--form",
	  .found = { "--format" } },
};

static void test_completions(void)
{
	int turkish = sh("mkdir -p %s/locale && localedef -i tr_TR -f UTF-8 %s/locale/tr_TR.UTF-8",
	                 work, work) == 0;

	if (!turkish)
		printf("note: no Turkish locale (localedef): its completion cases skipped\n");
	for (const char *const *shell = (const char *const[]){ "bash", "zsh", "fish", NULL }; *shell;
	     shell++) {
		char what[128];

		if (sh("command -v %s", *shell) != 0) {
			printf("note: no %s: its completion is not tested\n", *shell);
			continue;
		}
		snprintf(what, sizeof what, "completion: %s -n", *shell);
		check_num(what, sh("%s -n %s/auxchan.%s", *shell, build, *shell), 0);
	}
	for (size_t i = 0; i < sizeof completions / sizeof *completions; i++) {
		const char *shell = completions[i].shell;
		char what[128], locale[4500] = "";

		if (sh("command -v %s", shell) != 0 || (completions[i].turkish && !turkish))
			continue;
		if (completions[i].turkish)
			snprintf(locale, sizeof locale, "LOCPATH=%s/locale LC_ALL=tr_TR.UTF-8 ", work);
		snprintf(what, sizeof what, "completion, %s: %s", shell, completions[i].description);
		if (!strcmp(shell, "bash"))
			check_num(what, sh("W='%s' %sbash -c 'source %s/auxchan.bash; COMP_LINE=\"auxchan "
			          "$W\"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(auxchan \"$W\"); COMP_CWORD=1; "
			          "_auxchan; printf \"%%s\\n\" \"${COMPREPLY[@]}\"'", completions[i].word,
			          locale, build), 0);
		else if (!strcmp(shell, "zsh"))
			check_num(what, sh("W='%s' %szsh -f -c 'compadd() { local i=${@[(i)--]}; print -rl "
			          "-- \"${@[i+1,-1]}\"; }; _t() { PREFIX=$W; source %s/auxchan.zsh; }; _t'",
			          completions[i].word, locale, build), 0);
		else
			check_num(what, sh("W='%s' %sfish --no-config -c 'source %s/auxchan.fish; "
			          "complete -C \"auxchan $W\"'", completions[i].word, locale, build), 0);
		check_output(what, completions[i].found);
	}
}

/*
 * The keys of the completions.  A cross build (BUILD_CC is not CC) takes
 * them from the generator, and never builds or runs the command for them:
 * the same keys, the same completions.  A native build fails when
 * auxchan --keys fails or prints nothing (a command that cannot run, as a
 * 32-bit build's once did), and leaves no completion.
 */
static void test_keys(void)
{
	static const char *const fakes[][2] = {
		{ "fails", "exit 3" },
		{ "prints nothing", "exit 0" },
	};

	check_num("a cross build's completions", sh("%s -s BUILDDIR=%s/cross CC='%s -DCROSS' "
	          "BUILD_CC='%s' %s/cross/auxchan.bash %s/cross/auxchan.zsh %s/cross/auxchan.fish",
	          make, work, cc, cc, work, work, work), 0);
	check_num("a cross build does not build the command for its keys",
	          sh("test ! -e %s/cross/auxchan", work), 0);
	for (const char *const *f = (const char *const[]){ "keys", "bash", "zsh", "fish", NULL }; *f;
	     f++) {
		char what[128];

		snprintf(what, sizeof what, "a cross build: auxchan.%s as a native one's", *f);
		check_num(what, sh("cmp %s/cross/auxchan.%s %s/auxchan.%s", work, *f, build, *f), 0);
	}
	for (size_t i = 0; i < sizeof fakes / sizeof *fakes; i++) {
		char what[128];

		snprintf(what, sizeof what, "make fails when auxchan --keys %s", fakes[i][0]);
		check(sh("rm -rf %s/keys && mkdir %s/keys && printf '#!/bin/sh\n%s\n' > %s/keys/auxchan "
		         "&& chmod +x %s/keys/auxchan && %s -s BUILDDIR=%s/keys GEN_B=%s -o %s/keys/auxchan "
		         "%s/keys/auxchan.bash", work, work, fakes[i][1], work, work, make, work, build, work,
		         work) != 0, "%s", what);
		snprintf(what, sizeof what, "no keys and no completion when auxchan --keys %s",
		         fakes[i][0]);
		check_num(what, sh("test -z \"$(ls %s/keys | grep -v '^auxchan$' | grep '^auxchan')\"",
		                   work), 0);
	}
}

/*
 * Two pages' tables in one program: the seed's library, and
 * tests/pages/infra.md's built with make NAMESPACE=infra, linked into
 * tests/two.c statically, shared and as two amalgamations; each answers
 * its own page.  The renamed library exports infra_ names only, its
 * header holds no auxchan_ name, and it installs as the pkg-config module
 * infra.
 */
static void test_namespace(void)
{
	static const char *const two[] = {
		"auxchan: \"Matrix\", 33 rooms\n", "infra: \"Infrastructure\", 3 rooms\n",
		"python: auxchan finds 2 #SIGPY-GEN:auxolotl.org #SIGPY-GOV:auxolotl.org; infra finds 0\n",
		"servers: auxchan finds 0; infra finds 2 #SERVERS-GEN:infra.example "
		"#SERVERS-ALERTS:infra.example\n", NULL,
	};
	static const char *const files[] = {
		"usr/include/infra.h", "usr/lib/libinfra.a", "usr/lib/libinfra.so.%s",
		"usr/lib/libinfra.so.0", "usr/lib/libinfra.so", "usr/lib/pkgconfig/infra.pc", NULL,
	};

	check_num("make NAMESPACE=infra", sh("%s -s NAMESPACE=infra BUILDDIR=%s/infra "
	          "DATA=tests/pages/infra.md all amalgamation", make, work), 0);
	check_num("libinfra.a defines infra_ names only", sh("nm -g --defined-only %s/infra/libinfra.a "
	          "| awk 'NF == 3 { print $3 }' | grep -v '^infra_' | grep . && exit 1; "
	          "nm -g --defined-only %s/infra/libinfra.a | grep -q ' T infra_lookup$'", work, work), 0);
	check_num("libinfra.so exports infra_ names only", sh("nm -D --defined-only "
	          "%s/infra/libinfra.so | awk '{ print $3 }' | grep -v '^infra_' | grep . && exit 1; "
	          "readelf -d %s/infra/libinfra.so | grep -q 'SONAME.*\\[libinfra.so.0\\]'", work,
	          work), 0);
	check_num("infra.h names nothing auxchan_ or AUXCHAN_", sh("grep -q 'enum infra_field' "
	          "%s/infra/infra/include/infra.h && ! grep -n 'auxchan_\\|AUXCHAN_' "
	          "%s/infra/infra/include/infra.h", work, work), 0);

	check_num("two pages, static libraries", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-Iinclude -I%s/infra/infra/include tests/two.c %s/libauxchan.a %s/infra/libinfra.a "
	          "-o %s/two-static && %s/two-static", cc, work, build, work, work, work), 0);
	check_output("two pages, static libraries", two);
	check_num("two pages, shared libraries", sh("%s -std=c99 -Wall -Werror -Iinclude "
	          "-I%s/infra/infra/include tests/two.c -L%s -L%s/infra -lauxchan -linfra "
	          "-o %s/two-shared && LD_LIBRARY_PATH=%s:%s/infra %s/two-shared", cc, work, build, work,
	          work, build, work, work), 0);
	check_output("two pages, shared libraries", two);
	check_num("two pages, amalgamations", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-I%s/amalgamation -I%s/infra/amalgamation tests/two.c %s/amalgamation/auxchan.c "
	          "%s/infra/amalgamation/infra.c -o %s/two-amalg && %s/two-amalg", cc, build, work,
	          build, work, work, work), 0);
	check_output("two pages, amalgamations", two);

	check_num("make NAMESPACE=infra install", sh("%s -s NAMESPACE=infra BUILDDIR=%s/infra "
	          "DATA=tests/pages/infra.md install DESTDIR=%s/infra-stage PREFIX=/usr", make, work,
	          work), 0);
	for (const char *const *f = files; *f; f++) {
		char name[256];

		snprintf(name, sizeof name, *f, version);
		check_num(name, sh("test -e %s/infra-stage/%s", work, name), 0);
	}
	check_num("nothing else installed", sh("test \"$(find %s/infra-stage ! -type d | wc -l)\" = 6",
	                                       work), 0);
	check_num("pkg-config --libs infra", sh("PKG_CONFIG_SYSROOT_DIR=%s/infra-stage "
	          "PKG_CONFIG_PATH=%s/infra-stage/usr/lib/pkgconfig pkg-config --libs infra | "
	          "grep -q -- '-linfra'", work, work), 0);
	check_num("make NAMESPACE=infra uninstall", sh("%s -s NAMESPACE=infra BUILDDIR=%s/infra "
	          "DATA=tests/pages/infra.md uninstall DESTDIR=%s/infra-stage PREFIX=/usr && test -z "
	          "\"$(find %s/infra-stage ! -type d)\"", make, work, work, work), 0);
}

static void test_dist(void)
{
	check_num("make dist", sh("%s -s BUILDDIR=%s dist", make, build), 0);
	check_num("make dist again, byte-identical", sh("cp auxchan-%s.tar.gz %s/first.tar.gz && "
	          "sleep 1 && %s -s BUILDDIR=%s dist && cmp auxchan-%s.tar.gz %s/first.tar.gz",
	          version, work, make, build, version, work), 0);
	/* Built and checked with gperf and pkg-config replaced by false: were
	 * the generator or gperf needed, the build would fail. */
	check_num("the tarball builds and passes make check without the generator", sh(
	          "rm -rf %s/dist && mkdir %s/dist && tar -xzf auxchan-%s.tar.gz -C %s/dist && "
	          "cd %s/dist/auxchan-%s && MAKEFLAGS= %s check CC='%s' GPERF=false PKG_CONFIG=false && "
	          "test ! -e build/auxchan-gen && build/auxchan python",
	          work, work, version, work, work, version, make, cc), 0);
	check_output("the tarball's make check", (const char *const[]){ " passed, 0 failed",
	             "SIG:Python General", NULL });
}

/* Two copies of the sources, built at two times: the same bytes. */
static void test_reproducible(void)
{
	static const char *const outputs[] = {
		"channel_data.h", "search_data.h", "gperf.mk", "gperf/channel-0.gperf",
		"gperf/channel-0.c", "channel_gperf.c", "search_gperf.c", "libauxchan.a",
		"libauxchan.so.%s", "auxchan", "auxchan.bash", "auxchan.zsh", "auxchan.fish",
		"amalgamation/auxchan.c", NULL,
	};

	for (int k = 0; k < 2; k++) {
		check_num(k ? "second build" : "first build", sh(
		          "rm -rf %s/repro-%d && mkdir -p %s/repro-%d/src-%d && "
		          "git ls-files -z | xargs -0 cp --parents -t %s/repro-%d/src-%d && "
		          "cd %s/repro-%d/src-%d && MAKEFLAGS= %s -s CC='%s' all amalgamation",
		          work, k, work, k, k, work, k, k, work, k, k, make, cc), 0);
		if (k == 0)
			sleep(1);
	}
	for (const char *const *o = outputs; *o; o++) {
		char name[256];

		snprintf(name, sizeof name, *o, version);
		check(sh("cmp %s/repro-0/src-0/build/%s %s/repro-1/src-1/build/%s", work, name, work,
		         name) == 0, "%s: byte-identical from two directories", name);
	}
}

int main(int argc, char **argv)
{
	make = getenv("MAKE"), cc = getenv("CC"), cxx = getenv("CXX"), version = getenv("VERSION");
	if (argc != 3 || !make || !cc || !cxx || !version) {
		fputs("usage: MAKE=... CC=... CXX=... VERSION=... package PAGE BUILDDIR\n", stderr);
		return 2;
	}
	build = argv[2];
	/* An absolute BUILDDIR as it is, a relative one under the tree. */
	if (build[0] != '/' && !getcwd(work, sizeof work))
		return 2;
	if ((size_t)snprintf(work + strlen(work), sizeof work - strlen(work), "%s%s/check-package",
	                     build[0] != '/' ? "/" : "", build) >= sizeof work - strlen(work))
		return 2;
	snprintf(out, sizeof out, "%s/out", work);
	{
		char cmd[8400];

		snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s", work, work);
		if (system(cmd) != 0) {
			fprintf(stderr, "package: cannot make %s\n", work);
			return 2;
		}
	}
	test_library();
	test_install();
	test_docs();
	test_completions();
	test_keys();
	test_namespace();
	test_dist();
	test_reproducible();
	return check_done("package");
}
