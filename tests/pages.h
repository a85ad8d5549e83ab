/*
 * pages.h - reads a page as the generator does (parse, group, lint),
 * capturing its diagnostics, for the tests of the page model and the linter
 * and the generator's fuzz target.
 */
#ifndef AUXCHAN_PAGES_H
#define AUXCHAN_PAGES_H

#include <stdio.h>
#include <stdlib.h>

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

#endif /* AUXCHAN_PAGES_H */
