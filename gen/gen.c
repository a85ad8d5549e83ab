/*
 * gen.c - auxchan-gen: reads the wiki page, checks it, and writes the
 * channel table for gperf and the library (see channel.h).
 *
 * Exit status: 0 written, 1 the page has errors (nothing written),
 * 2 usage or I/O error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "channel.h"
#include "diag.h"
#include "mem.h"
#include "page.h"

#define MAX_SILENCED 64

static const char usage[] =
	"usage: auxchan-gen [--strict] [--no-warn=CHECK]... [-o DIR] PAGE\n"
	"\n"
	"Reads the wiki page PAGE (\"-\" for standard input), reports its problems\n"
	"as FILE:LINE:COL: error|warning: message, and unless there is an error\n"
	"writes channel_data.h, channel_keys.gperf and channel_rooms.gperf in DIR\n"
	"(default: the current directory).\n"
	"\n"
	"  -o DIR           where to write the files\n"
	"  --strict         treat warnings as errors\n"
	"  --no-warn=CHECK  do not report the warning CHECK (its name ends the\n"
	"                   warning's line, in brackets)\n"
	"\n"
	"At most 100 errors and warnings are shown; then the number of the others.\n"
	"  --help           show this help\n"
	"\n"
	"Exit status: 0 written, 1 the page has errors, 2 usage or I/O error.\n";

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

/* Prints the checks --no-warn knows, after an unknown one: a usage error. */
static void unknown_check(const char *name)
{
	fprintf(stderr, "auxchan-gen: --no-warn=%s: no such check; the checks are:", name);
	for (const char *const *c = diag_checks; *c; c++)
		fprintf(stderr, " %s", *c);
	fputc('\n', stderr);
}

/* The last component of path: banners must not depend on where we build. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	const char *dir = ".", *file = NULL, *silenced[MAX_SILENCED + 1] = { 0 };
	struct diag d = { .out = stderr, .off = silenced, .max = DIAG_MAX_SHOWN };
	struct page pg;
	size_t nsilenced = 0, len;
	char *text;
	FILE *f;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "--strict")) {
			d.strict = 1;
		} else if (!strncmp(a, "--no-warn=", 10) && !diag_is_check(a + 10)) {
			unknown_check(a + 10);
			return 2;
		} else if (!strncmp(a, "--no-warn=", 10) && nsilenced < MAX_SILENCED) {
			silenced[nsilenced++] = a + 10;
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			dir = argv[++i];
		} else if ((a[0] != '-' || !strcmp(a, "-")) && !file) {
			file = a;
		} else {
			fprintf(stderr, "auxchan-gen: unexpected argument '%s'\n%s", a, usage);
			return 2;
		}
	}
	if (!file) {
		fputs(usage, stderr);
		return 2;
	}
	f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "auxchan-gen: cannot open %s: %s\n", file, strerror(errno));
		return 2;
	}
	d.file = f == stdin ? "<stdin>" : file;
	/* One byte more than the limit is enough for page_parse() to refuse. */
	len = read_at_most(f, &text, PAGE_MAX_BYTES + 1);
	if (ferror(f)) {
		fprintf(stderr, "auxchan-gen: cannot read %s: %s\n", file, strerror(errno));
		rc = 2;
	} else if (page_parse(&pg, text, len, &d) != 0) {
		page_free(&pg);
		rc = 1;
	} else {
		rc = channel_write(&pg, base_name(d.file), dir) ? 2 : 0;
		page_free(&pg);
	}
	if (f != stdin)
		fclose(f);
	free(text);
	page_cleanup();
	if (d.hidden)
		fprintf(stderr, "auxchan-gen: %s: %u more error%s or warning%s not shown (the "
		        "first %u are)\n", d.file, d.hidden, d.hidden == 1 ? "" : "s",
		        d.hidden == 1 ? "" : "s", DIAG_MAX_SHOWN);
	if (rc == 1)
		fprintf(stderr, "auxchan-gen: %s: %u error%s, nothing written\n", d.file,
		        d.errors, d.errors == 1 ? "" : "s");
	return rc;
}
