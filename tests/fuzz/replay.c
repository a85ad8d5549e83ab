/*
 * replay.c - runs a fuzz target over saved inputs, without libFuzzer: the
 * regression tests of make check (tests/fuzz/TARGET/, one input a file:
 * the corpus seeds that matter and every finding fixed).
 *
 * Usage: TARGET PAGE BUILDDIR, as make check runs every test.  The inputs
 * are PAGE and the files of the target's fuzz_replay directories.  Each
 * input is handed over in a buffer exactly its size, as libFuzzer does.  A
 * target that finds a fault aborts; every input it returns from counts as
 * one check passed.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The directories of saved inputs, NULL-terminated: the target's. */
extern const char *const fuzz_replay[];

static void replay(const char *path)
{
	size_t len = 0;
	char *text = check_read(path, &len);
	uint8_t *exact;

	if (!check(text != NULL, "read %s", path))
		return;
	exact = malloc(len ? len : 1);
	if (!exact)
		abort();
	memcpy(exact, text, len);
	free(text);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	check(1, "%s", path);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of the directory, in name order. */
static void replay_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	struct stat st;
	char **names = NULL;
	size_t n = 0;

	if (!check(d != NULL, "open directory %s", path))
		return;
	while ((e = readdir(d))) {
		char **grown;

		if (e->d_name[0] == '.')
			continue;
		if (!(grown = realloc(names, (n + 1) * sizeof *names)))
			abort();
		names = grown;
		names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!names[n])
			abort();
		sprintf(names[n], "%s/%s", path, e->d_name);
		if (stat(names[n], &st) == 0 && S_ISDIR(st.st_mode)) { /* a directory of its own */
			free(names[n]);
			continue;
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		replay(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: TARGET PAGE BUILDDIR\n", stderr);
		return 2;
	}
	replay(argv[1]);
	for (const char *const *d = fuzz_replay; *d; d++)
		replay_dir(*d);
	return check_done("replay");
}
