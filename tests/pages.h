/*
 * pages.h - reads a page as the generator does (parse, group, lint),
 * capturing its diagnostics, for the tests of the page model and the linter
 * and the generator's fuzz target; and writes a page again otherwise.
 */
#ifndef AUXCHAN_PAGES_H
#define AUXCHAN_PAGES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "group.h"
#include "lint.h"
#include "page.h"

/*
 * The steps of auxchan-gen's main() that check a page: page_parse(),
 * group_assign(), lint_page().  Returns 0, or -1 if any reported an error.
 */
static inline int pages_check(struct page *pg, const char *text, size_t len, struct diag *d)
{
	unsigned errors = d->errors;

	page_parse(pg, text, len, d);
	group_assign(pg);
	lint_page(pg, d);
	return d->errors == errors ? 0 : -1;
}

/*
 * Parses the file with diagnostics configured like d (strict, silenced
 * checks; the file name and output are set here).  Returns pages_check()'s
 * result; every diagnostic, in order, in *diag (to free).
 */
static inline int parse_page(const char *file, struct page *pg, char **diag, struct diag d)
{
	size_t len, dlen;
	char *text = check_read(file, &len);
	int rc;

	if (!text) {
		perror(file);
		exit(2);
	}
	d.file = file;
	d.out = open_memstream(diag, &dlen);
	rc = pages_check(pg, text, len, &d);
	fclose(d.out);
	free(text);
	return rc;
}

/*
 * The page text (len bytes) without its BOM and its CRLF line ends made LF,
 * then with a BOM before it (bom) or every line end made CRLF (crlf): pages
 * that must read as the same page.  Its length in *n (to free).
 */
static inline char *pages_variant(const char *text, size_t len, int bom, int crlf, size_t *n)
{
	char *out = malloc(3 + 2 * len + 1), *o = out;

	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		text += 3, len -= 3;
	if (bom)
		o += sprintf(o, "\xef\xbb\xbf");
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		if (text[i] == '\n' && crlf)
			*o++ = '\r';
		*o++ = text[i];
	}
	*n = (size_t)(o - out);
	return out;
}

#endif /* AUXCHAN_PAGES_H */
