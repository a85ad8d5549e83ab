/*
 * questions.h - the blind questions of tests/questions.txt, asked of the
 * library and judged: tests/search.c holds a floor on their rate in make
 * check, tests/bench/bench.c reports it (question_rate).
 *
 * A question is asked as auxchan_search() asks it (a key is looked up);
 * its answer is right when it gives at least one room and only acceptable
 * ones, or no room where the line accepts `fallback` (the command then
 * names the general rooms) or `none` (a question unrelated to Aux).
 */
#ifndef AUXCHAN_QUESTIONS_H
#define AUXCHAN_QUESTIONS_H

#include <stdio.h>
#include <string.h>

#include "auxchan.h"

#define QUESTIONS_FILE "tests/questions.txt"
#define QUESTIONS_ROOMS 64 /* rooms of an answer read */

struct questions {
	size_t asked, right;
};

/* Is the word w (n bytes) one of the space-separated words of list? */
static int questions_has(const char *list, const char *w, size_t n)
{
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, " \n");

		if (len == n && memcmp(p, w, n) == 0)
			return 1;
		p += len;
		p += strspn(p, " \n");
	}
	return 0;
}

/*
 * Asks every question of path and counts the right answers in *q; writes
 * each wrong one to wrong (if not NULL) as "QUERY: ROOMS (wanted
 * ACCEPTABLE)".  Returns -1 if path cannot be read, else 0.
 */
static int questions_ask(const char *path, FILE *wrong, struct questions *q)
{
	FILE *f = fopen(path, "r");
	char line[1024];

	*q = (struct questions){ 0 };
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t'), *ok;
		size_t out[QUESTIONS_ROOMS], n, shown;
		int right;

		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		ok = tab + 1;
		ok[strcspn(ok, "\n")] = '\0';
		n = auxchan_search(line, strlen(line), out, QUESTIONS_ROOMS);
		shown = n < QUESTIONS_ROOMS ? n : QUESTIONS_ROOMS;
		right = n == 0 ? questions_has(ok, "fallback", 8) || questions_has(ok, "none", 4)
		               : n <= QUESTIONS_ROOMS;
		for (size_t k = 0; k < shown && right; k++) {
			const char *alias = auxchan_field(out[k], AUXCHAN_ALIAS);

			right = questions_has(ok, alias, strlen(alias));
		}
		q->asked++;
		q->right += right;
		if (!right && wrong) {
			fprintf(wrong, "%s:", line);
			for (size_t k = 0; k < shown; k++)
				fprintf(wrong, " %s", auxchan_field(out[k], AUXCHAN_ALIAS));
			fprintf(wrong, "%s (wanted %s)\n", n ? "" : " no room", ok);
		}
	}
	fclose(f);
	return 0;
}

#endif /* AUXCHAN_QUESTIONS_H */
