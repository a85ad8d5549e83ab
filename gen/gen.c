/*
 * gen.c - auxchan-gen: reads the wiki page, checks it, and writes the
 * channel table for gperf and the library (see channel.h).  main() is the
 * pipeline: read, parse, group, lint, write.
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
#include "files.h"
#include "group.h"
#include "lint.h"
#include "mem.h"
#include "page.h"
#include "search.h"

#define MAX_SILENCED 64

static const char usage[] =
	"usage: auxchan-gen [--strict] [--no-warn=CHECK]... [-o DIR] PAGE\n"
	"\n"
	"Reads the wiki page PAGE (\"-\" for standard input), reports its problems\n"
	"as FILE:LINE:COL: error|warning: message, and unless there is an error\n"
	"writes the channel table in DIR (default: the current directory):\n"
	"channel_data.h, gperf/channel-N.gperf for each bucket of keys, and\n"
	"gperf.mk, which names the buckets for make.\n"
	"\n"
	"  -o DIR           where to write the files\n"
	"  --strict         treat warnings as errors\n"
	"  --no-warn=CHECK  do not report the warning CHECK (its name ends the\n"
	"                   warning's line, in brackets)\n"
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

/* The last component of path: banners must not depend on where we build. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	const char *dir = ".", *file = NULL, *silenced[MAX_SILENCED + 1] = { 0 };
	struct diag d = { .out = stderr, .off = silenced };
	struct page pg;
	size_t nsilenced = 0, len;
	char *text;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "--strict")) {
			d.strict = 1;
		} else if (!strncmp(a, "--no-warn=", 10) && a[10] && nsilenced < MAX_SILENCED) {
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
	d.file = strcmp(file, "-") ? file : "<stdin>";

	/* Read, parse, group, lint, write. */
	if ((rc = read_page(file, &text, &len)) == 0) {
		struct files fs = { .dir = dir, .label = base_name(d.file) };

		page_parse(&pg, text, len, &d);
		group_assign(&pg);
		lint_page(&pg, &d);
		if (d.errors > 0)
			rc = 1;
		else if ((channel_write(&pg, &fs), search_write(&pg, &fs), files_commit(&fs)) != 0)
			rc = 2;
		page_free(&pg);
	}
	free(text);
	page_cleanup();
	if (rc == 1)
		fprintf(stderr, "auxchan-gen: %s: %u error%s, nothing written\n", d.file,
		        d.errors, d.errors == 1 ? "" : "s");
	return rc;
}
