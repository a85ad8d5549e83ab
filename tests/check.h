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

/*
 * CHECK_SANITIZED is 1 in a build with AddressSanitizer (make
 * check-sanitize, the fuzz targets): it brings its own allocator, and
 * instruments objects and memory, so the tests that count allocations, read
 * the library's objects or measure memory leave those checks to the plain
 * build.
 */
#if defined(__SANITIZE_ADDRESS__)
#define CHECK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHECK_SANITIZED 1
#endif
#endif
#ifndef CHECK_SANITIZED
#define CHECK_SANITIZED 0
#endif

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

/* Do the files a and b hold the same bytes (and can both be read)? */
static inline int check_same_file(const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	char *x = check_read(a, &la), *y = check_read(b, &lb);
	int same = x && y && la == lb && memcmp(x, y, la) == 0;

	free(x);
	free(y);
	return same;
}

/* The number of lines of s (its newlines). */
static inline int check_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Prints the summary line; the exit status for main. */
static inline int check_done(const char *name)
{
	printf("%s: %u passed, %u failed\n", name, check_passed, check_failed);
	return check_failed ? 1 : 0;
}

#endif /* AUXCHAN_CHECK_H */
