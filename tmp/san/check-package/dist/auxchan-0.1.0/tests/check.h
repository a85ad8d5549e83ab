/*
 * check.h - the test harness: every check prints what was expected and
 * what came when it fails; check_done() prints "NAME: P passed, F failed",
 * the line `make check` adds up.
 */
#ifndef AUXCHAN_CHECK_H
#define AUXCHAN_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned check_passed, check_failed;

/* Counts one check; on failure prints the printf-style message. */
static int check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int check(int ok, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		check_passed++;
		return 1;
	}
	check_failed++;
	fputs("FAIL: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return 0;
}

/* Checks that two strings (either may be NULL) are equal. */
static inline int check_str(const char *what, const char *got, const char *want)
{
	int ok = got && want ? strcmp(got, want) == 0 : got == want;

	return check(ok, "%s:\n  expected: %s%s%s\n  got:      %s%s%s", what,
	             want ? "'" : "", want ? want : "NULL", want ? "'" : "",
	             got ? "'" : "", got ? got : "NULL", got ? "'" : "");
}

static inline int check_num(const char *what, long long got, long long want)
{
	return check(got == want, "%s: expected %lld, got %lld", what, want, got);
}

/*
 * Reads a whole file into a NUL-terminated buffer (to free); its length in
 * *len if len is not NULL.  Returns NULL if the file cannot be read.
 */
static inline char *check_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *p;
	size_t n = 0, cap = 0;

	if (!f)
		return NULL;
	do {
		cap = cap ? cap * 2 : 4096;
		if (!(p = realloc(buf, cap + 1))) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = p;
		n += fread(buf + n, 1, cap - n, f);
	} while (n == cap);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

/* Prints the summary line; the exit status for main. */
static inline int check_done(const char *name)
{
	printf("%s: %u passed, %u failed\n", name, check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif /* AUXCHAN_CHECK_H */
