/*
 * files.h - the files of one run of auxchan-gen, written all or none.
 *
 * Each file is written to NAME.tmp; files_commit() renames them all into
 * place only if every one was written, so that a failed run leaves no
 * partial table that a later make would take as up to date.  Last, it
 * writes gperf.mk, the makefile fragment that names the gperf inputs of
 * each table, for make to run gperf on each.
 */
#ifndef AUXCHAN_FILES_H
#define AUXCHAN_FILES_H

#include <stddef.h>
#include <stdio.h>

struct files {
	const char *dir;    /* where they go */
	const char *label;  /* the page, for banners */
	char **tmp;         /* the files written, as their .tmp names */
	size_t n, cap;
	char *mk;           /* the lines of gperf.mk, one a table */
	size_t mklen;
	int failed;         /* one could not be written (reported) */
};

/* Opens DIR/name.tmp for writing: NULL (reported, and every later file
 * refused) on failure.  Creates the directory gperf/ when name is in it. */
FILE *files_open(struct files *fs, const char *name);

/* Closes a file files_open() gave, reporting a write error. */
void files_close(struct files *fs, FILE *f);

/* Adds to gperf.mk the gperf inputs of a table: gperf/TABLE-0 ... -n-1,
 * as the variable VAR. */
void files_gperf(struct files *fs, const char *var, const char *table, size_t n);

/* Writes gperf.mk, then renames every file into place; if one failed,
 * removes them all.  Returns 0, or -1 after reporting an error. */
int files_commit(struct files *fs);

#endif /* AUXCHAN_FILES_H */
