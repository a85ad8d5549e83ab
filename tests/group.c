/* group.c - tests of groups of rooms (gen/group.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "group.h"

static const struct {
	const char *localpart, *stem; /* stem NULL: none */
} stems[] = {
	{ "SIGPY-GEN", "SIGPY" },
	{ "a-b-c", "a-b" },
	{ "general", NULL },
	{ "-GEN", NULL },
	{ "x-", "x" },
	{ "", NULL },
};

static const struct {
	const char *name, *topic;
} topics[] = {
	{ "SIG:Python General", "Python" },
	{ "Committee: Code of Conduct General", "Code of Conduct" },
	{ "SIG:CLI Governance", "CLI" },
	{ "Auxolotl General", "Auxolotl" },
	{ "Python", "Python" },
	{ "SIG:Python", "Python" },
	{ "Not a prefix: Foo Bar", "Not a prefix: Foo" },
	{ ":odd Name", ":odd" },
	{ "SIG:", "" },
	{ "", "" },
};

static void test_stems(void)
{
	for (size_t i = 0; i < sizeof stems / sizeof *stems; i++) {
		const char *lp = stems[i].localpart;
		size_t n = group_stem(lp, strlen(lp));
		const char *want = stems[i].stem;

		if (want)
			check(n == strlen(want) && !memcmp(lp, want, n),
			      "stem of '%s': expected '%s', got %zu bytes", lp, want, n);
		else
			check(n == 0, "stem of '%s': expected none, got %zu bytes", lp, n);
	}
}

static void test_topics(void)
{
	for (size_t i = 0; i < sizeof topics / sizeof *topics; i++) {
		const char *start;
		size_t n = group_topic(topics[i].name, &start);
		char got[64];

		snprintf(got, sizeof got, "%.*s", (int)n, start);
		check_str(topics[i].name, got, topics[i].topic);
	}
}

/* The groups of a few rooms, as page_parse() would leave them. */
static void test_assign(void)
{
	struct room ch[] = {
		{ .name = "SIG:Python General", .alias = "#SIGPY-GEN:x.org", .lplen = 9 },
		{ .name = "General", .alias = "#general:x.org", .lplen = 7 },
		{ .name = "SIG:CLI Governance", .alias = "#sigpy-GOV:y.org", .lplen = 9 },
		{ .name = "SIG:CLI General", .alias = "#SIGCLI-GEN:x.org", .lplen = 10 },
	};
	struct page pg = { .rooms = ch, .n = 4 };

	group_assign(&pg);
	check_num("groups", (long long)pg.ngroups, 2);
	check(ch[0].group == 0 && ch[2].group == 0, "SIGPY-GEN and sigpy-GOV share a group");
	check(ch[1].group == NO_GROUP, "a localpart without '-' has no group");
	check(ch[3].group == 1, "SIGCLI-GEN has its own group");
	if (pg.ngroups == 2) {
		check_str("topic from the first room", pg.groups[0].topic, "Python");
		check_num("stem length", (long long)pg.groups[0].stemlen, 5);
		check_num("first room", (long long)pg.groups[0].first, 0);
		check_str("second topic", pg.groups[1].topic, "CLI");
	}
	for (size_t g = 0; g < pg.ngroups; g++)
		free(pg.groups[g].topic);
	free(pg.groups);
}

int main(void)
{
	test_stems();
	test_topics();
	test_assign();
	return check_done("group");
}
