/*
 * pages.h - reads a fixture page with the generator's page_parse(),
 * capturing its diagnostics, for the tests of the page model and the linter.
 */
#ifndef AUXCHAN_PAGES_H
#define AUXCHAN_PAGES_H

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "page.h"

/*
 * Parses the file with diagnostics configured like d (strict, silenced
 * checks; the file name and output are set here).  Returns page_parse()'s
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
	rc = page_parse(pg, text, len, &d);
	fclose(d.out);
	free(text);
	return rc;
}

#endif /* AUXCHAN_PAGES_H */
