/*
 * package.c - tests of auxchan as it ships: make install and uninstall, the
 * shared library's exports and soname, a host program built four ways
 * (pkg-config against a DESTDIR install, libauxchan.a, the amalgamation,
 * C++) and with a run path from an install the dynamic linker does not
 * search, the amalgamation under -std=c99 -Wpedantic, the man pages
 * (auxchan(3) against include/auxchan.h; the usage lines of auxchan --help,
 * auxchan(1) and the README alike), the bash completion, the release
 * tarball (built and checked without gperf or the generator, and itself
 * reproducible), and byte-identical builds from two directories at two
 * times; the group pages in each (the leaders tests/host.c prints, the
 * tarball's data/, another page's group page through NAMESPACE=infra).
 * What the programs must find is read from PAGE (tests/reference.h), the
 * page of BUILDDIR, whatever page it is, and the library it is linked with.
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
#include "reference.h"
#include "seed.h"

#ifndef TEST_GROUP_PAGES
#error "TEST_GROUP_PAGES: the group pages of the build, as the Makefile defines it"
#endif
/* The build's group pages, for the makes that build on it (install,
 * amalgamation): the same tables. */
#define GROUPS "GROUP_PAGES='" TEST_GROUP_PAGES "'"
/* The seed's first group and its leaders, on the seed with its group pages. */
#define SEED_HOST_LINE "#SIGDOCS-GEN:auxolotl.org led by @minion, @coded\n"

static const char *make, *build, *cc, *cxx, *version, *page;
static char work[4096], out[4200];

/* s single-quoted for the shell, in buf. */
static const char *quoted(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	buf[n++] = '\'';
	for (; *s && n + 6 < size; s++)
		if (*s == '\'') {
			memcpy(buf + n, "'\\''", 4);
			n += 4;
		} else {
			buf[n++] = *s;
		}
	buf[n++] = '\'';
	buf[n] = '\0';
	return buf;
}

/* A key of the page, quoted for the shell, and what tests/host.c prints for
 * it (the aliases it finds, one a line, each with its group's leaders, as
 * the library this test is linked with, the build's, has them): the topic
 * of the page's first group, or the alias of its first room.  The group
 * pages reach every host (installed, static, amalgamated, C++, the
 * tarball's) or the line differs. */
static char host_key[2200], host_found[8 * 300 + 8 * 1100];

static void host_expect(void)
{
	const char *key = ref_pg.ngroups && *ref_pg.groups[0].topic ? ref_pg.groups[0].topic
	                                                            : ref_pg.rooms[0].alias;
	size_t found[8], n = ref_lookup(key, strlen(key), found, 8);

	quoted(key, host_key, sizeof host_key);
	for (size_t i = 0; i < n && i < 8; i++) {
		size_t g = auxchan_group_of(found[i]);

		snprintf(host_found + strlen(host_found), sizeof host_found - strlen(host_found),
		         "%s", ref_pg.rooms[found[i]].alias);
		for (size_t k = 0; g != AUXCHAN_NO_GROUP && k < auxchan_group_leader_count(g); k++)
			snprintf(host_found + strlen(host_found), sizeof host_found - strlen(host_found),
			         "%s%s", k ? ", " : " led by ", auxchan_group_leader(g, k));
		snprintf(host_found + strlen(host_found), sizeof host_found - strlen(host_found), "\n");
	}
}

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
	const char *const found[] = { host_found, NULL };

	check_num("make install", sh("%s -s BUILDDIR=%s DATA=%s " GROUPS " install DESTDIR=%s/stage PREFIX=/usr",
	                             make, build, page, work), 0);
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
	check_num("host through pkg-config runs", sh("LD_LIBRARY_PATH=%s/stage/usr/lib %s/host-pc %s",
	                                             work, work, host_key), 0);
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
		          "$($PC --static --libs auxchan) %s -o %s/%s && env -u LD_LIBRARY_PATH %s/%s %s",
		          work, work, cc, whole ? "-static" : "", whole ? "" : "-Wl,-Bstatic",
		          whole ? "" : "-Wl,-Bdynamic", work, name, work, name, host_key), 0);
		check_output(what, found);
		check_num(what, sh("! readelf -d %s/%s | grep NEEDED | grep libauxchan", work, name), 0);
	}

	/*
	 * Installed under a prefix the dynamic linker does not search, with
	 * no DESTDIR: a program linked as the README says, with a run path
	 * from pkg-config's libdir, runs with no LD_LIBRARY_PATH.
	 */
	check_num("make install under a prefix not searched", sh("%s -s BUILDDIR=%s DATA=%s " GROUPS " install "
	          "PREFIX=%s/prefix", make, build, page, work), 0);
	check_num("host with -Wl,-rpath from pkg-config", sh("export PKG_CONFIG_PATH=%s/prefix/lib/"
	          "pkgconfig; %s -std=c99 -Wall -Werror tests/host.c $(pkg-config --cflags --libs "
	          "auxchan) -Wl,-rpath,\"$(pkg-config --variable=libdir auxchan)\" -o %s/host-rpath && "
	          "env -u LD_LIBRARY_PATH %s/host-rpath %s", work, cc, work, work, host_key), 0);
	check_output("host with -Wl,-rpath from pkg-config", found);

	check_num("make uninstall", sh("%s -s BUILDDIR=%s DATA=%s " GROUPS " uninstall DESTDIR=%s/stage "
	                               "PREFIX=/usr", make, build, page, work), 0);
	check_num("nothing left but directories", sh("test -z \"$(find %s/stage ! -type d)\"", work), 0);
}

static void test_library(void)
{
	const char *const found[] = { host_found, NULL };
	static const char *const api[] = {
		"auxchan_count", "auxchan_date", "auxchan_field", "auxchan_general", "auxchan_key",
		"auxchan_key_count", "auxchan_means",
		"auxchan_lookup", "auxchan_search", "auxchan_search_scored", "auxchan_suggest",
		"auxchan_group_count", "auxchan_group_of", "auxchan_group_field",
		"auxchan_group_rooms", "auxchan_group_leader_count", "auxchan_group_leader",
		"auxchan_group_meeting_count", "auxchan_group_meeting",
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
	check_num("libauxchan.so exports every function of the API", n, 21);
	free(s);
	check_num("soname", sh("readelf -d %s/libauxchan.so | grep -q 'SONAME.*\\[libauxchan.so.0\\]'",
	                       build), 0);

	check_num("host against libauxchan.a", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-Iinclude tests/host.c %s/libauxchan.a -o %s/host-static && %s/host-static %s",
	          cc, build, work, work, host_key), 0);
	check_output("host against libauxchan.a", found);
	check_num("host as C++", sh("%s -x c++ -Wall -Wextra -Werror -pedantic -Iinclude tests/host.c "
	          "-x none %s/libauxchan.a -o %s/host-cxx && %s/host-cxx %s", cxx, build, work, work,
	          host_key), 0);
	check_output("host as C++", found);
	check_num("make amalgamation", sh("%s -s BUILDDIR=%s DATA=%s " GROUPS " amalgamation", make, build, page),
	          0);
	check_num("amalgamation, -std=c99 -Wpedantic -Werror", sh("%s -std=c99 -Wall -Wextra "
	          "-Wpedantic -Werror -c %s/amalgamation/auxchan.c -o %s/amalg.o", cc, build, work), 0);
	check_num("amalgamation, -Os", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror -Os -c "
	          "%s/amalgamation/auxchan.c -o %s/amalg-os.o", cc, build, work), 0);
	check_num("host from the amalgamation alone", sh("%s -std=c99 -Wall -Werror -I%s/amalgamation "
	          "tests/host.c %s/amalgamation/auxchan.c -o %s/host-amalg && "
	          "env -u LD_LIBRARY_PATH %s/host-amalg %s", cc, build, build, work, work, host_key), 0);
	check_output("host from the amalgamation", found);
	check_num("host from the amalgamation needs no libauxchan.so",
	          sh("! readelf -d %s/host-amalg | grep NEEDED | grep libauxchan", work), 0);
}

/* ---- auxchan(3) against include/auxchan.h ----------------------------- */

/* What a name of the header is, told by the code around it. */
enum api_kind { API_FUNCTION, API_MACRO, API_TYPE, API_ENUMERATOR };

#define API_MAX 64
#define API_NAME_MAX 48

/* The names the header declares, each once a kind. */
struct api {
	char name[API_MAX][API_NAME_MAX];
	enum api_kind kind[API_MAX];
	size_t n;
};

static int is_name_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Does a name of the API start at p (in the text that starts at s)? */
static int is_api_name(const char *s, const char *p)
{
	return (p == s || !is_name_byte(p[-1])) &&
	       (!strncmp(p, "auxchan_", 8) || !strncmp(p, "AUXCHAN_", 8));
}

/* The length of the name at p. */
static size_t name_length(const char *p)
{
	size_t n = 0;

	while (is_name_byte(p[n]))
		n++;
	return n;
}

/* Is name in text, not as the start of a longer name? */
static int has_name(const char *text, const char *name)
{
	for (const char *at = text; (at = strstr(at, name)); at++)
		if (!is_name_byte(at[strlen(name)]))
			return 1;
	return 0;
}

/* Is text in s, followed by one of the bytes of ends or by the end of s? */
static int has_text(const char *s, const char *text, const char *ends)
{
	for (const char *at = s; (at = strstr(at, text)); at++)
		if (!at[strlen(text)] || strchr(ends, at[strlen(text)]))
			return 1;
	return 0;
}

/* The index of the len bytes at name among the header's names (of any
 * kind), or api->n. */
static size_t api_find(const struct api *api, const char *name, size_t len)
{
	size_t k = 0;

	while (k < api->n && (strlen(api->name[k]) != len || strncmp(api->name[k], name, len)))
		k++;
	return k;
}

/* Does word, then only blanks, come right before at (in code)? */
static int follows(const char *code, const char *at, const char *word)
{
	size_t n = strlen(word);

	while (at > code && (at[-1] == ' ' || at[-1] == '\t'))
		at--;
	return (size_t)(at - code) >= n && !strncmp(at - n, word, n);
}

/* Blanks the comments of the C code s (newlines kept), not its strings. */
static void blank_comments(char *s)
{
	for (char *p = s; *p; p++) {
		if (*p == '"') {
			while (*++p && *p != '"')
				p += *p == '\\' && p[1];
		} else if (p[0] == '/' && p[1] == '*') {
			for (; *p && !(p[0] == '*' && p[1] == '/'); p++)
				*p = *p == '\n' ? '\n' : ' ';
			if (*p)
				*p++ = ' ', *p = ' ';
		}
		if (!*p)
			break;
	}
}

/*
 * The names the header's code (its comments blanked) declares: a macro
 * follows "#define" (not the include guard, which has no value), a
 * function is followed by '(', a type follows "enum" or "struct", and any
 * other name is an enumerator.  Other preprocessor lines (#ifndef, #endif)
 * declare nothing.
 */
static void api_names(const char *code, struct api *api)
{
	const char *line = code;

	api->n = 0;
	for (const char *p = code; *p; p++) {
		size_t len = name_length(p), k;
		const char *after = p + len;
		enum api_kind kind;

		if (*p == '\n')
			line = p + 1;
		if (!is_api_name(code, p))
			continue;
		while (*after == ' ' || *after == '\t')
			after++;
		if (*line == '#' && (!follows(code, p, "#define") || *after == '\n')) {
			p += len - 1;
			continue;
		}
		kind = follows(code, p, "#define") ? API_MACRO
		     : *after == '(' ? API_FUNCTION
		     : follows(code, p, "enum") || follows(code, p, "struct") ? API_TYPE
		     : API_ENUMERATOR;
		for (k = 0; k < api->n; k++)
			if (api->kind[k] == kind && strlen(api->name[k]) == len &&
			    !strncmp(api->name[k], p, len))
				break;
		if (k == api->n && api->n < API_MAX && len < API_NAME_MAX) {
			memcpy(api->name[k], p, len);
			api->name[k][len] = '\0';
			api->kind[k] = kind;
			api->n++;
		}
		p += len - 1;
	}
}

/* s with every run of white space made one space, and none at either end,
 * in place. */
static char *collapse(char *s)
{
	char *to = s;

	for (const char *p = s; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			*to++ = *p;
		else if (to > s && to[-1] != ' ')
			*to++ = ' ';
	if (to > s && to[-1] == ' ')
		to--;
	*to = '\0';
	return s;
}

/* The text of the section name of the man page man (to free), or NULL. */
static char *man_section(const char *man, const char *name)
{
	char head[64];
	const char *at, *end;
	char *text;

	snprintf(head, sizeof head, "\n.SH %s\n", name);
	if (!(at = strstr(man, head)))
		return NULL;
	at += strlen(head);
	end = strstr(at, "\n.SH ");
	end = end ? end : at + strlen(at);
	if ((text = malloc((size_t)(end - at) + 1))) {
		memcpy(text, at, (size_t)(end - at));
		text[end - at] = '\0';
	}
	return text;
}

/*
 * Where auxchan(3) must name each name of the header, by its kind, beyond
 * its declaration in the SYNOPSIS.
 */
static const struct {
	const char *description;
	enum api_kind kind;
	const char *section; /* a section of auxchan(3), as its .SH line names it */
} man3_names[] = {
	{ .description = "a function is in NAME", .kind = API_FUNCTION, .section = "NAME" },
	{ .description = "a function is described", .kind = API_FUNCTION,
	  .section = "DESCRIPTION" },
	{ .description = "a type is described", .kind = API_TYPE, .section = "DESCRIPTION" },
	{ .description = "a macro is described", .kind = API_MACRO, .section = "DESCRIPTION" },
	{ .description = "an enumerator is described", .kind = API_ENUMERATOR,
	  .section = "DESCRIPTION" },
};

/*
 * auxchan(3) documents the header, all of it and nothing else: each
 * declaration of the header's code (a macro's #define, or the text up to a
 * ';'), white space aside, is in the SYNOPSIS as man shows it; each name is
 * in the sections man3_names[] says; and each auxchan_ or AUXCHAN_ name of
 * the page is one the header declares.
 */
static void test_man3(void)
{
	static struct api api;
	char *code = check_read("include/auxchan.h", NULL);
	char *man = check_read("include/auxchan.3", NULL);
	char *synopsis, *decl, *line, *next;
	size_t ndecl = 0;

	if (!check(code && man, "include/auxchan.h and include/auxchan.3 can be read")) {
		free(code);
		free(man);
		return;
	}
	blank_comments(code);
	api_names(code, &api);
	check(api.n >= 10, "auxchan.h declares %zu names", api.n);

	check_num("auxchan(3), SYNOPSIS", sh("groff -man -Tascii -P-cbou include/auxchan.3 | "
	          "sed -n '/^SYNOPSIS$/,/^DESCRIPTION$/p'"), 0);
	synopsis = collapse(output());
	/* Macros line by line; the rest joined, then cut at each ';'.  The
	 * include guard, #include and C++'s linkage are no declarations. */
	decl = calloc(strlen(code) + 1, 1);
	for (line = code; decl && line && *line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		collapse(line);
		if (!strncmp(line, "#define ", 8) && strchr(line + 8, ' ')) {
			check(has_text(synopsis, line, " "), "auxchan(3), SYNOPSIS: has '%s'", line);
			ndecl++;
		} else if (line[0] != '#' && strcmp(line, "extern \"C\" {") && strcmp(line, "}")) {
			strcat(strcat(decl, line), " ");
		}
	}
	for (char *d = decl, *semi; d && (semi = strchr(d, ';')); d = semi + 1) {
		*semi = '\0';
		collapse(d);
		check(has_text(synopsis, d, ";"), "auxchan(3), SYNOPSIS: has '%s;'", d);
		ndecl++;
	}
	check(ndecl >= 15, "auxchan.h has %zu declarations", ndecl);

	for (size_t i = 0; i < sizeof man3_names / sizeof *man3_names; i++) {
		char *text = man_section(man, man3_names[i].section);

		for (size_t k = 0; k < api.n; k++)
			if (api.kind[k] == man3_names[i].kind)
				check(text && has_name(text, api.name[k]), "auxchan(3): %s: %s",
				      man3_names[i].description, api.name[k]);
		free(text);
	}
	/* Nothing stale: every name of the page is the header's. */
	for (const char *p = man; *p; p++) {
		size_t len = name_length(p);

		if (!is_api_name(man, p))
			continue;
		check(api_find(&api, p, len) < api.n,
		      "auxchan(3) names %.*s, which auxchan.h does not declare", (int)len, p);
		p += len - 1;
	}
	free(decl);
	free(synopsis);
	free(code);
	free(man);
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
	          "| grep -F '{\"title\", \"date\", \"vocabulary\": [{\"word\", \"means\"}, "
	          "...],'"), 0);
	test_man3();
	test_usage_lines();
}

/*
 * The completions, each run by its shell (when installed) on the word
 * typed: bash calls _auxchan as complete -F would; zsh runs the function's
 * body with compadd replaced by a printer; fish completes the command line
 * itself.  With turkish, under a Turkish locale, where 'I' folds to a
 * dotless 'ı' (made with localedef, when it can be).  The seed's (when the
 * page is the seed), then a key of any page.
 */
struct completion {
	const char *description;
	const char *shell, *word;
	int turkish;
	const char *found[3];
};

static const struct completion seed_completions[] = {
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
};

static int turkish; /* a Turkish locale is there */

static void check_completion(const struct completion *c)
{
	char what[256], locale[4500] = "";

	if (sh("command -v %s", c->shell) != 0 || (c->turkish && !turkish))
		return;
	if (c->turkish)
		snprintf(locale, sizeof locale, "LOCPATH=%s/locale LC_ALL=tr_TR.UTF-8 ", work);
	snprintf(what, sizeof what, "completion, %s: %s", c->shell, c->description);
	if (!strcmp(c->shell, "bash"))
		check_num(what, sh("W='%s' %sbash -c 'source %s/auxchan.bash; COMP_LINE=\"auxchan "
		          "$W\"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(auxchan \"$W\"); COMP_CWORD=1; "
		          "_auxchan; printf \"%%s\\n\" \"${COMPREPLY[@]}\"'", c->word, locale, build), 0);
	else if (!strcmp(c->shell, "zsh"))
		check_num(what, sh("W='%s' %szsh -f -c 'compadd() { local i=${@[(i)--]}; print -rl "
		          "-- \"${@[i+1,-1]}\"; }; _t() { PREFIX=$W; source %s/auxchan.zsh; }; _t'",
		          c->word, locale, build), 0);
	else
		check_num(what, sh("W='%s' %sfish --no-config -c 'source %s/auxchan.fish; "
		          "complete -C \"auxchan $W\"'", c->word, locale, build), 0);
	check_output(what, c->found);
}

/* A key every shell takes as it is: letters, digits and '-', a letter first. */
static int plain_key(const char *key)
{
	return ((*key | 32) >= 'a' && (*key | 32) <= 'z') &&
	       strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
	       strlen(key);
}

/* The word w with its ASCII letters in the other case, in out (size bytes). */
static void other_case(const char *w, char *out, size_t size)
{
	size_t i;

	for (i = 0; w[i] && i + 1 < size; i++)
		out[i] = (char)((w[i] | 32) >= 'a' && (w[i] | 32) <= 'z' ? w[i] ^ 32 : w[i]);
	out[i] = '\0';
}

/*
 * A plain key of the page (auxchan --keys), its first bytes typed as they
 * are and in the other case, and options, complete in each shell.  fish
 * shows only the keys the word begins in its own case when there are any:
 * the key taken is one whose first bytes in the other case begin no key
 * (else fish's case is left out).
 */
static void test_page_completions(void)
{
	const char *const shells[] = { "bash", "zsh", "fish" };
	char path[4300], word[4], other[4], *text, **keys;
	const char *key = NULL, *first = NULL;
	size_t n = 0;

	snprintf(path, sizeof path, "%s/auxchan.keys", build);
	if (!check((text = check_read(path, NULL)) != NULL, "read %s", path))
		return;
	keys = malloc((strlen(text) + 1) * sizeof *keys);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		keys[n++] = line;
	for (size_t i = 0; i < n && !key; i++) {
		int begins = 0;

		if (!plain_key(keys[i]))
			continue;
		first = first ? first : keys[i];
		snprintf(word, sizeof word, "%.3s", keys[i]);
		other_case(word, other, sizeof other);
		for (size_t j = 0; j < n; j++)
			begins |= !strncmp(keys[j], other, strlen(other));
		key = begins ? NULL : keys[i];
	}
	if (!key && !first)
		printf("note: %s has no key of letters, digits and '-' alone: the completions of its "
		       "keys are not run\n", page);
	for (size_t s = 0; (key || first) && s < sizeof shells / sizeof *shells; s++) {
		const char *k = key ? key : first;

		snprintf(word, sizeof word, "%.3s", k);
		other_case(word, other, sizeof other);
		check_completion(&(struct completion){ .description = "a key's first bytes",
		                 .shell = shells[s], .word = word, .found = { k } });
		if (key || strcmp(shells[s], "fish"))
			check_completion(&(struct completion){ .description = "a key's first bytes, other "
			                 "case", .shell = shells[s], .word = other, .found = { k } });
	}
	check_completion(&(struct completion){ .description = "options", .shell = "fish",
	                 .word = "--form", .found = { "--format" } });
	free(keys);
	free(text);
}

static void test_completions(void)
{
	turkish = sh("mkdir -p %s/locale && localedef -i tr_TR -f UTF-8 %s/locale/tr_TR.UTF-8",
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
	for (size_t i = 0; seed_is(page) && i < sizeof seed_completions / sizeof *seed_completions;
	     i++)
		check_completion(&seed_completions[i]);
	test_page_completions();
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

	check_num("a cross build's completions", sh("%s -s BUILDDIR=%s/cross DATA=%s CC='%s -DCROSS' "
	          "BUILD_CC='%s' %s/cross/auxchan.bash %s/cross/auxchan.zsh %s/cross/auxchan.fish",
	          make, work, page, cc, cc, work, work, work), 0);
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
		         "&& chmod +x %s/keys/auxchan && %s -s BUILDDIR=%s/keys DATA=%s GEN_B=%s "
		         "-o %s/keys/auxchan %s/keys/auxchan.bash", work, work, fakes[i][1], work, work,
		         make, work, page, build, work, work) != 0, "%s", what);
		snprintf(what, sizeof what, "no keys and no completion when auxchan --keys %s",
		         fakes[i][0]);
		check_num(what, sh("test -z \"$(ls %s/keys | grep -v '^auxchan$' | grep '^auxchan')\"",
		                   work), 0);
	}
}

#define INFRA "tests/pages/infra.md"
#define INFRA_GROUPS "tests/pages/infra-groups.md"

/* The records of INFRA, read as the reference reads a page. */
static struct page infra_pg;

/* How many rooms of pg (the page's, or INFRA's) key finds: " ALIAS" each
 * (at most 8, as tests/two.c prints them) in buf. */
static size_t finds(const struct page *pg, const char *key, char *buf, size_t size)
{
	struct page mine = ref_pg;
	size_t found[8], n;

	ref_pg = *pg;
	n = ref_lookup(key, strlen(key), found, 8);
	ref_pg = mine;
	*buf = '\0';
	for (size_t i = 0; i < n && i < 8; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), " %s", pg->rooms[found[i]].alias);
	return n;
}

/*
 * A key of pg that other does not answer, for tests/two.c: a group's topic
 * or a room's alias.  NULL if there is none (the same page).
 */
static const char *own_key(const struct page *pg, const struct page *other)
{
	char buf[8 * 300];

	for (size_t g = 0; g < pg->ngroups; g++)
		if (*pg->groups[g].topic && !finds(other, pg->groups[g].topic, buf, sizeof buf))
			return pg->groups[g].topic;
	for (size_t i = 0; i < pg->n; i++)
		if (!finds(other, pg->rooms[i].alias, buf, sizeof buf))
			return pg->rooms[i].alias;
	return NULL;
}

/* tests/two.c with the page's library and INFRA's (make NAMESPACE=infra in
 * work/infra), linked three ways: what it prints for a key of each page. */
static void test_two(void)
{
	const char *mine, *theirs;
	char keys[4500], qa[2200], qb[2200], lines[4][8 * 300 + 600], found[8 * 300];
	const char *const two[] = { lines[0], lines[1], lines[2], lines[3], NULL };

	mine = own_key(&ref_pg, &infra_pg);
	theirs = own_key(&infra_pg, &ref_pg);
	if (!mine || !theirs) {
		printf("note: %s answers every key of %s or the other way round: two pages in one "
		       "program are not run\n", page, INFRA);
		return;
	}
	snprintf(keys, sizeof keys, "%s %s", quoted(mine, qa, sizeof qa),
	         quoted(theirs, qb, sizeof qb));
	snprintf(lines[0], sizeof lines[0], "auxchan: \"%s\", %zu rooms\n", ref_pg.title, ref_pg.n);
	snprintf(lines[1], sizeof lines[1], "infra: \"%s\", %zu rooms\n", infra_pg.title, infra_pg.n);
	snprintf(lines[2], sizeof lines[2], "%s: auxchan finds %zu", mine,
	         finds(&ref_pg, mine, found, sizeof found));
	snprintf(lines[2] + strlen(lines[2]), sizeof lines[2] - strlen(lines[2]), "%s; infra finds 0\n",
	         found);
	snprintf(lines[3], sizeof lines[3], "%s: auxchan finds 0; infra finds %zu", theirs,
	         finds(&infra_pg, theirs, found, sizeof found));
	snprintf(lines[3] + strlen(lines[3]), sizeof lines[3] - strlen(lines[3]), "%s\n", found);

	check_num("two pages, static libraries", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-Iinclude -I%s/infra/infra/include tests/two.c %s/libauxchan.a %s/infra/libinfra.a "
	          "-o %s/two-static && %s/two-static %s", cc, work, build, work, work, work, keys), 0);
	check_output("two pages, static libraries", two);
	check_num("two pages, shared libraries", sh("%s -std=c99 -Wall -Werror -Iinclude "
	          "-I%s/infra/infra/include tests/two.c -L%s -L%s/infra -lauxchan -linfra "
	          "-o %s/two-shared && LD_LIBRARY_PATH=%s:%s/infra %s/two-shared %s", cc, work, build,
	          work, work, build, work, work, keys), 0);
	check_output("two pages, shared libraries", two);
	check_num("two pages, amalgamations", sh("%s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-I%s/amalgamation -I%s/infra/amalgamation tests/two.c %s/amalgamation/auxchan.c "
	          "%s/infra/amalgamation/infra.c -o %s/two-amalg && %s/two-amalg %s", cc, build, work,
	          build, work, work, work, keys), 0);
	check_output("two pages, amalgamations", two);
}


/*
 * A namespace is a lower-case C identifier prefix that takes no name the
 * build uses (mk/namespace.mk): anything else is refused by make before any
 * work, with the rule, nothing made and no command run (%s: a marker's
 * path).  An accepted name beside the private room.h, rooms, gives an
 * amalgamation that a program using it compiles with; a name holding
 * libauxchan is renamed once.
 */
static const struct {
	const char *description;
	const char *name;
} refused_namespaces[] = {
	{ "a private header of the library", "key" },
	{ "another", "word" },
	{ "another", "link" },
	{ "the library's gperf header", "gperf" },
	{ "a module of the generator", "lint" },
	{ "a generated table", "room_data" },
	{ "a folder of the build directory", "tests" },
	{ "a standard C header", "string" },
	{ "the default's library name", "libauxchan" },
	{ "capitals", "Infra" },
	{ "a digit first", "1abc" },
	{ "a slash", "a/b" },
	{ "a space", "a b" },
	{ "a pipe", "a|b" },
	{ "a command", "x;touch %s" },
	{ "a quote and a command", "x'; touch %s; '" },
	{ "a newline", "x\ntouch %s" },
	{ "make's $(shell)", "$(shell touch %s)" },
	{ "empty", "" },
};

static void test_namespace_names(void)
{
	char marker[4300], name[4500], q[9000], key[600];
	const char *alias = infra_pg.rooms[0].alias;

	snprintf(marker, sizeof marker, "%s/pwned", work);
	for (size_t i = 0; i < sizeof refused_namespaces / sizeof *refused_namespaces; i++) {
		char what[128];

		snprintf(what, sizeof what, "NAMESPACE, %s: refused", refused_namespaces[i].description);
		snprintf(name, sizeof name, refused_namespaces[i].name, marker);
		check(sh("rm -f %s; %s -s NAMESPACE=%s BUILDDIR=%s/ns-refused DATA=%s amalgamation", marker,
		         make, quoted(name, q, sizeof q), work, INFRA) != 0, "%s", what);
		check_output(what, (const char *const[]){ "NAMESPACE='", strchr(name, '$') ?
		             "' is refused: make would expand its '$'" : "' is refused: a namespace is a "
		             "lower-case C identifier prefix (a letter, then letters, digits or '_') that is "
		             "none of: ", NULL });
		check(sh("test ! -e %s/ns-refused && test ! -e %s", work, marker) == 0,
		      "%s: nothing made, no command run", what);
	}

	check_num("make NAMESPACE=rooms amalgamation", sh("%s -s NAMESPACE=rooms BUILDDIR=%s/infra "
	          "DATA=%s amalgamation", make, work, INFRA), 0);
	check_num("a program of the rooms amalgamation", sh("sh src/namespace.sh rooms tests/host.c > "
	          "%s/rooms-host.c && %s -std=c99 -Wall -Wextra -Wpedantic -Werror "
	          "-I%s/infra/amalgamation %s/rooms-host.c %s/infra/amalgamation/rooms.c -o "
	          "%s/rooms-host && %s/rooms-host %s", work, cc, work, work, work, work, work,
	          quoted(alias, key, sizeof key)), 0);
	snprintf(name, sizeof name, "%s\n", alias);
	check_output("a program of the rooms amalgamation", (const char *const[]){ name, NULL });
	check_num("a name holding libauxchan, renamed once", sh("sh src/namespace.sh my_libauxchan "
	          "include/auxchan.h | grep -q 'my_libauxchan_lookup(' && ! sh src/namespace.sh "
	          "my_libauxchan include/auxchan.h | grep my_libmy_"), 0);
}

/*
 * Two pages' tables in one program: the page's library, and INFRA's built
 * with make NAMESPACE=infra, linked into tests/two.c statically, shared and
 * as two amalgamations; each answers its own page's key (test_two()).  The
 * renamed library exports infra_ names only, its header holds no auxchan_
 * name, and it installs as the pkg-config module infra.
 */
static void test_namespace(void)
{
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

	test_two();
	test_namespace_names();

	/* Another page with its group page, renamed: the leaders reach a program
	 * of its amalgamation. */
	check_num("make NAMESPACE=infra DATA=" INFRA " GROUP_PAGES=" INFRA_GROUPS " amalgamation",
	          sh("%s -s NAMESPACE=infra BUILDDIR=%s/infra-groups DATA=" INFRA " GROUP_PAGES="
	             INFRA_GROUPS " amalgamation", make, work), 0);
	check_num("a program of the infra amalgamation with group pages", sh("sh src/namespace.sh "
	          "infra tests/host.c > %s/infra-host.c && %s -std=c99 -Wall -Wextra -Wpedantic "
	          "-Werror -I%s/infra-groups/amalgamation %s/infra-host.c "
	          "%s/infra-groups/amalgamation/infra.c -o %s/infra-host && %s/infra-host Servers",
	          work, cc, work, work, work, work, work), 0);
	check_output("a program of the infra amalgamation with group pages", (const char *const[]){
	             "#SERVERS-GEN:infra.example led by @ops, @oncall\n"
	             "#SERVERS-ALERTS:infra.example led by @ops, @oncall\n", NULL });

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

/*
 * make dist: the tree's page (data/matrix.md) and its tables, built in
 * BUILDDIR when it is that page's, else in a build directory of its own.
 * The tarball is reproducible, builds and passes make check without the
 * generator, and its command lists what the build's lists.
 */
static void test_dist(void)
{
	char dist_build[4300];

	if (!strcmp(page, "data/matrix.md"))
		snprintf(dist_build, sizeof dist_build, "%s", build);
	else
		snprintf(dist_build, sizeof dist_build, "%s/dist-build", work);
	check_num("make dist", sh("%s -s BUILDDIR=%s dist", make, dist_build), 0);
	check_num("make dist again, byte-identical", sh("cp auxchan-%s.tar.gz %s/first.tar.gz && "
	          "sleep 1 && %s -s BUILDDIR=%s dist && cmp auxchan-%s.tar.gz %s/first.tar.gz",
	          version, work, make, dist_build, version, work), 0);
	/* Built and checked with gperf and pkg-config replaced by false: were
	 * the generator or gperf needed, the build would fail. */
	check_num("the tarball builds and passes make check without the generator", sh(
	          "rm -rf %s/dist && mkdir %s/dist && tar -xzf auxchan-%s.tar.gz -C %s/dist && "
	          "cd %s/dist/auxchan-%s && MAKEFLAGS= %s check CC='%s' GPERF=false PKG_CONFIG=false && "
	          "test ! -e build/auxchan-gen",
	          work, work, version, work, work, version, make, cc), 0);
	check_output("the tarball's make check", (const char *const[]){ " passed, 0 failed", NULL });
	check_num("the tarball's command lists the rooms the build's lists", sh("%s/auxchan --list "
	          "--format=tsv > %s/list.build && %s/dist/auxchan-%s/build/auxchan --list --format=tsv "
	          "| cmp - %s/list.build", dist_build, work, work, version, work), 0);
	/* The group pages: in the tarball, and in its tables (its library's
	 * leaders are the build's, when the build is the tarball's page's). */
	check_num("the tarball carries the seed's group pages", sh("tar -tzf auxchan-%s.tar.gz | "
	          "grep -c '^auxchan-%s/data/\\(sigs\\|committees\\).md$' | grep -qx 2", version,
	          version), 0);
	if (!strcmp(dist_build, build) && !strcmp(TEST_GROUP_PAGES, "data/sigs.md data/committees.md")) {
		check_num("host against the tarball's libauxchan.a", sh("%s -std=c99 -Wall -Werror "
		          "-Iinclude tests/host.c %s/dist/auxchan-%s/build/libauxchan.a -o %s/host-dist "
		          "&& %s/host-dist %s", cc, work, version, work, work, host_key), 0);
		check_output("host against the tarball's libauxchan.a",
		             (const char *const[]){ host_found, NULL });
	}
}

/*
 * Two copies of the sources, built at two times: the same bytes.  And each
 * copy built again in a build directory outside its tree, at another
 * absolute path (INFRA renamed infra, with the copy's generator): the same
 * bytes, with no path of either (-ffile-prefix-map, the amalgamation's
 * banner).
 */
static void test_reproducible(void)
{
	static const char *const outputs[] = {
		"room_data.h", "search_data.h", "gperf.mk", "gperf/room-0.gperf",
		"gperf/room-0.c", "room_gperf.c", "search_gperf.c", "libauxchan.a",
		"libauxchan.so.%s", "auxchan", "auxchan.bash", "auxchan.zsh", "auxchan.fish",
		"amalgamation/auxchan.c", NULL,
	};
	static const char *const outside[] = {
		"room_data.h", "search_gperf.c", "libinfra.a", "libinfra.so.%s", "infra/src/room.c",
		"amalgamation/infra.c", NULL,
	};

	for (int k = 0; k < 2; k++) {
		check_num(k ? "second build" : "first build", sh(
		          "rm -rf %s/repro-%d && mkdir -p %s/repro-%d/src-%d && "
		          "git ls-files -z | xargs -0 cp --parents -t %s/repro-%d/src-%d && "
		          "cd %s/repro-%d/src-%d && MAKEFLAGS= %s -s CC='%s' all amalgamation",
		          work, k, work, k, k, work, k, k, work, k, k, make, cc), 0);
		if (k == 0)
			sleep(1);
		check_num(k ? "second build, outside the tree" : "first build, outside the tree", sh(
		          "cd %s/repro-%d/src-%d && MAKEFLAGS= %s -s CC='%s' GEN_B=build "
		          "BUILDDIR=%s/repro-%d/out-%d NAMESPACE=infra DATA=%s all amalgamation", work, k,
		          k, make, cc, work, k, k, INFRA), 0);
	}
	for (const char *const *o = outputs; *o; o++) {
		char name[256];

		snprintf(name, sizeof name, *o, version);
		check(sh("cmp %s/repro-0/src-0/build/%s %s/repro-1/src-1/build/%s", work, name, work,
		         name) == 0, "%s: byte-identical from two directories", name);
	}
	for (const char *const *o = outside; *o; o++) {
		char name[256];

		snprintf(name, sizeof name, *o, version);
		/* A sanitizer's reports name each source as the compiler was given
		 * it, and NAMESPACE's renamed sources are in the build directory:
		 * a sanitized library holds that path. */
		if (CHECK_SANITIZED && !strncmp(name, "lib", 3))
			continue;
		check(sh("cmp %s/repro-0/out-0/%s %s/repro-1/out-1/%s", work, name, work, name) == 0,
		      "%s: byte-identical from two build directories outside the tree", name);
		check(sh("! grep -l repro- %s/repro-0/out-0/%s", work, name) == 0,
		      "%s: names no build directory", name);
	}
}

/*
 * The page with one room more (in a table of its own at the end, on the
 * server of its first room) and, where a room's purpose is written on its
 * line as it reads, that purpose changed: written to path.  Returns the
 * number of rooms changed (0 or 1), or -1 if it cannot be written.
 */
static int write_updated(const char *path)
{
	const struct room *first = &ref_pg.rooms[0];
	const char *server = first->alias + 1 + first->lplen + 1;
	size_t len, at = 0;
	char *text = check_read(page, &len);
	FILE *f = fopen(path, "wb");
	int changed = 0, ok;

	for (size_t k = 0; text && k < ref_pg.n && !changed; k++) {
		const char *purpose = ref_pg.rooms[k].purpose, *line = text, *end, *p;
		size_t plen = strlen(purpose);

		for (unsigned l = 1; line && l < ref_pg.rooms[k].line; l++)
			if ((line = strchr(line, '\n')))
				line++;
		end = line ? line + strcspn(line, "\n") : NULL;
		/* The purpose as a cell's whole text, on the room's line. */
		for (p = line; plen && p && (p = strstr(p, purpose)) && p + plen <= end; p++)
			if ((p == line || strchr(" |", p[-1])) && strchr(" |\r\n", p[plen])) {
				at = (size_t)(p - text) + plen; /* " (changed)" goes there */
				changed = 1;
				break;
			}
	}
	ok = text && f && fwrite(text, 1, at, f) == at;
	if (ok && changed)
		fputs(" (changed)", f);
	if (ok)
		ok = fwrite(text + at, 1, len - at, f) == len - at &&
		     fprintf(f, "\n\n| Name | Purpose | Link |\n| --- | --- | --- |\n| Room added by the "
		             "tests | Added to the page | [#auxchan-added:%s](https://matrix.to/#/"
		             "#auxchan-added:%s) |\n", server, server) > 0;
	if (f && fclose(f))
		ok = 0;
	free(text);
	return ok ? changed : -1;
}

/*
 * The README's workflow, on a copy of the tree (the second of
 * test_reproducible(), built) whose page is the page under test: make
 * update-page to it with one room more and a purpose changed (its group
 * pages current), then make check of the library, the command and the
 * page passes there, and says that the seed's own cases are not run: no
 * test may hold a fact of the seed but on the seed (tests/seed.h).
 */
static void test_updated_page(void)
{
	static const char tests[] = "link alias group room search auxchan page lint diff";
	char copy[4300], updated[4300], want[128];
	int changed;

	snprintf(copy, sizeof copy, "%s/repro-1/src-1", work);
	snprintf(updated, sizeof updated, "%s/updated.md", work);
	changed = write_updated(updated);
	if (!check(changed >= 0, "write %s", updated))
		return;
	/* The group pages fetched from themselves: current. */
	check_num("make update-page to the page, one room more", sh("cp %s %s/data/matrix.md && "
	          "cd %s && MAKEFLAGS= %s -s CC='%s' update-page URL=file://%s GROUP_URLS='file://%s/"
	          "data/sigs.md file://%s/data/committees.md'", page, copy, copy, make, cc, updated,
	          copy, copy), 0);
	snprintf(want, sizeof want, "1 added, 0 removed, %d changed", changed);
	check_output("make update-page to the page, one room more", (const char *const[]){ want,
	             "data/matrix.md updated", NULL });
	check(sh("cmp %s %s/data/matrix.md", updated, copy) == 0, "the copy's page is %s", updated);
	check_num("make check of the library, the command and the page, on the updated page",
	          sh("cd %s && MAKEFLAGS= %s -s CC='%s' check CHECK_TESTS='%s' PAGES= CHECK_BUILT=",
	             copy, make, cc, tests), 0);
	check_output("make check on the updated page", (const char *const[]){ " passed, 0 failed",
	             "data/matrix.md is not the seed page", NULL });
	snprintf(want, sizeof want, "%zu rooms, from the page", ref_pg.n + 1);
	check_num("the updated page's command", sh("%s/build/auxchan --version", copy), 0);
	check_output("the updated page's command", (const char *const[]){ want, NULL });
}

int main(int argc, char **argv)
{
	make = getenv("MAKE"), cc = getenv("CC"), cxx = getenv("CXX"), version = getenv("VERSION");
	if (argc != 3 || !make || !cc || !cxx || !version) {
		fputs("usage: MAKE=... CC=... CXX=... VERSION=... package PAGE BUILDDIR\n", stderr);
		return 2;
	}
	page = argv[1], build = argv[2];
	/* What the programs must find: the page's records, and INFRA's. */
	if (ref_load(INFRA) != 0) {
		fprintf(stderr, "package: cannot read the page %s\n", INFRA);
		return 2;
	}
	infra_pg = ref_pg;
	if (ref_load(page) != 0) {
		fprintf(stderr, "package: cannot read the page %s\n", page);
		return 2;
	}
	host_expect();
	if (seed_is(page) && !strcmp(TEST_GROUP_PAGES, "data/sigs.md data/committees.md"))
		check(strstr(host_found, SEED_HOST_LINE) != NULL, "the hosts print '%s', got: %s",
		      SEED_HOST_LINE, host_found);
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
	test_updated_page();
	if (!seed_is(page))
		seed_note(page, "the completions of the seed's keys are");
	page_free(&infra_pg);
	ref_free();
	return check_done("package");
}
