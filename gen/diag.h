/*
 * diag.h - diagnostics of auxchan-gen, in the form compilers use:
 *
 *     FILE:LINE[:COL]: error: message
 *     FILE:LINE[:COL]: warning: message [check-name]
 *
 * Lines and columns count from 1; a column is a byte offset in the line.
 */
#ifndef AUXCHAN_DIAG_H
#define AUXCHAN_DIAG_H

#include <stdio.h>

/*
 * The most errors, and the most warnings, a run of auxchan-gen prints, like
 * a compiler's error limit: a page of 100,000 bad rows gives a report one
 * can read, and auxchan-gen says how many more it found (diag.hidden_*).
 * Errors and warnings are capped apart, so warnings never hide an error:
 * the one error of a page of 100,000 warnings is printed, in its place.
 * Warnings made errors by --strict keep the warnings' cap.
 */
#define DIAG_MAX_SHOWN 100u

struct diag {
	FILE *out;          /* where messages go */
	const char *file;   /* the page's name as the user gave it */
	int strict;         /* report warnings as errors */
	const char *const *off; /* NULL-terminated names of silenced checks */
	unsigned max;       /* the most errors, and the most warnings, to print; 0: all */
	unsigned errors;    /* errors reported, strict warnings included */
	unsigned warnings;  /* warnings reported */
	int errors_only;    /* report no warning (but strict ones, errors) */
	unsigned shown_errors, shown_warnings;   /* printed (strict warnings: warnings) */
	unsigned hidden_errors, hidden_warnings; /* counted but not printed (max) */
	int muted;          /* the last message was not printed: nor are its notes */
};

/*
 * Every check a warning can name, NULL-terminated: the one list that
 * --no-warn, the tests and doc/page.md follow.
 */
extern const char *const diag_checks[];

/* Is name one of diag_checks? */
int diag_is_check(const char *name);

/* Reports an error at line (and col, if not 0). */
void diag_error(struct diag *d, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * Reports a warning of the named check (one of diag_checks), unless the
 * check is silenced; in strict mode it is reported, and counted, as an error.
 */
void diag_warning(struct diag *d, const char *check, unsigned line, unsigned col,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Adds a note to the previous message (where something else was). */
void diag_note(struct diag *d, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif /* AUXCHAN_DIAG_H */
