/*
 * synth.c - writes a synthetic page of N rooms, shaped like the seed:
 * groups of rooms (General, Governance, sometimes a third), SIG and
 * Committee names, purposes, one server.  Deterministic: the same N and
 * shape give the same page.
 *
 *   synth N [SHAPE] > page.md
 *
 * SHAPE is one of
 *   seed      the purposes of the seed's kinds of room (the default)
 *   shared    each purpose 15 words drawn from the same 200 made-up ones:
 *             each word on some 7.5% of the rooms (a search's worst case)
 *   distinct  each purpose 160 made-up words of its own, 5 letters each:
 *             as many distinct words as a page of N rooms can hold (the
 *             word table's worst case; 3,850 rooms fill 4 MiB)
 *   topics    each room a group of its own, topic T1, T2... (SIG:T1
 *             General), all of the same purpose: as many groups and
 *             topics as rooms (the lint's worst case, and the build's)
 *   budget    each purpose 15 words drawn from the same 440: at 20,000
 *             rooms, each word on some 680, what a search of 12 matches
 *             reads at most (AUXCHAN_SEARCH_WORK over 12): its worst case
 *             under that bound
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RND_SEED 0x9e3779b97f4a7c15ull
#include "rnd.h"

static const char *const syllables[] = {
	"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "shu", "gra", "flo",
	"bri", "ste", "dan", "mor", "vel", "kin", "jax", "que", "tor", "li", "sa", "po",
};

/* A made-up word of two or three syllables, capitalised. */
static void word(char *buf, size_t size)
{
	size_t n = 0;

	for (unsigned i = 0, k = 2 + rnd(2); i < k; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s",
		                      syllables[rnd(sizeof syllables / sizeof *syllables)]);
	buf[0] = (char)(buf[0] - 32);
}

/* A made-up word of n lowercase letters. */
static void letters(char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('a' + rnd(26));
	buf[n] = '\0';
}

enum shape { SEED, SHARED, DISTINCT, BUDGET, TOPICS };

#define SHARED_POOL 200
#define BUDGET_POOL 440
#define SHARED_WORDS 15
#define DISTINCT_WORDS 160

/* The purpose of a room of the shape (seed: format with the topic). */
static void purpose_of(char *buf, size_t size, enum shape shape, const char *format,
                       const char *topic)
{
	static char pool[BUDGET_POOL][6];
	static int made;
	int npool = shape == BUDGET ? BUDGET_POOL : SHARED_POOL, drawn = shape != DISTINCT;
	size_t n = 0;

	if (shape == SEED) {
		snprintf(buf, size, format, topic);
		return;
	}
	if (shape == TOPICS) {
		snprintf(buf, size, "Discuss or ask for help with this project, its packages and "
		         "everything else about it on Aux");
		return;
	}
	if (!made)
		for (int i = 0; i < npool; i++)
			letters(pool[i], 5);
	made = 1;
	for (int i = 0; i < (drawn ? SHARED_WORDS : DISTINCT_WORDS) && n + 7 < size; i++) {
		char w[6];

		if (drawn)
			memcpy(w, pool[rnd(npool)], sizeof w);
		else
			letters(w, 5);
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? " " : "", w);
	}
}

int main(int argc, char **argv)
{
	static const char *const kinds[][3] = { /* name, suffix, purpose */
		{ "General", "GEN", "Discuss or ask for help with %s on Aux" },
		{ "Governance", "GOV", "Discuss how the %s group is run, etc." },
		{ "Meetings", "MEET", "Agendas and notes of the %s meetings" },
	};
	static const char *const shapes[] = { "seed", "shared", "distinct", "budget", "topics" };
	long n = argc == 2 || argc == 3 ? strtol(argv[1], NULL, 10) : -1;
	long done = 0;
	enum shape shape = SEED;

	while (argc == 3 && strcmp(argv[2], shapes[shape]) != 0)
		if (++shape > TOPICS)
			n = -1, shape = SEED, argc = 0;
	if (n < 1) {
		fputs("usage: synth N [seed|shared|distinct|budget|topics] > page.md\n", stderr);
		return 2;
	}
	printf("---\ntitle: Synthetic %ld\ndate: 2024-01-01T00:00:00.000Z\n---\n\n", n);
	for (long section = 0; done < n; section++) {
		printf("## Section %ld\n\n| Name | Purpose | Link |\n|------|---------|------|\n",
		       section + 1);
		for (int g = 0; g < 40 && done < n; g++) {
			char topic[64], stem[32];
			int committee = rnd(4) == 0, rooms = 2 + (rnd(5) == 0);

			if (shape == TOPICS) { /* one room; topic and stem unique already */
				snprintf(topic, sizeof topic, "T%ld", done + 1);
				snprintf(stem, sizeof stem, "%s%s", committee ? "COM" : "SIG", topic);
				rooms = 1;
			} else {
				word(topic, sizeof topic);
				if (rnd(3) == 0) {
					size_t len = strlen(topic);

					topic[len] = ' ';
					word(topic + len + 1, sizeof topic - len - 1);
				}
				/* A unique stem: the group's number keeps it apart. */
				snprintf(stem, sizeof stem, "%s%.4s%ld", committee ? "COM" : "SIG", topic,
				         done);
			}
			for (char *p = stem; *p; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 32);
			for (int r = 0; r < rooms && done < n; r++, done++) {
				char purpose[1024];

				purpose_of(purpose, sizeof purpose, shape, kinds[r][2], topic);
				printf("| %s%s %s | %s | [#%s-%s:auxolotl.org](https://matrix.to/#/#%s-%s:auxolotl.org) |\n",
				       committee ? "Committee: " : "SIG:", topic, kinds[r][0], purpose,
				       stem, kinds[r][1], stem, kinds[r][1]);
			}
		}
		putchar('\n');
	}
	return 0;
}
