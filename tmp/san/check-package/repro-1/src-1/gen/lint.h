/*
 * lint.h - the checks that compare rows, run by page_parse() once the rows
 * are read (page.c reports what it sees in a single row).  A duplicate
 * alias (ignoring ASCII case) is an error.  The others are warnings named
 * after their check, errors with --strict:
 *
 *   duplicate-name  a display name used by more than one row
 *   name-group      a name whose topic is not its group's ("SIG:CLI
 *                   Governance" for #SIGPY-GOV): suggests the name meant
 *   purpose-group   a purpose naming another group's topic and not its own
 *   other-server    an alias on another server than most rooms of the page
 */
#ifndef AUXCHAN_LINT_H
#define AUXCHAN_LINT_H

#include "diag.h"
#include "page.h"

void lint_page(const struct page *pg, struct diag *d);

#endif /* AUXCHAN_LINT_H */
