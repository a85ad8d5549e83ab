/*
 * host.c - a program that embeds auxchan, as the Aux CLI would: the
 * package test builds it against the installed library (pkg-config),
 * against libauxchan.a, from the amalgamation, as C++, and from the
 * release tarball.  It prints the aliases its argument, a key, finds, one
 * a line, each with the leaders of its group from the group pages (" led
 * by @a, @b"); exits 0 if it finds any.
 */
#include <stdio.h>
#include <string.h>

#include <auxchan.h>

int main(int argc, char **argv)
{
	size_t found[8], n;

	if (argc != 2) {
		fputs("usage: host KEY\n", stderr);
		return 2;
	}
	n = auxchan_lookup(argv[1], strlen(argv[1]), found, 8);
	for (size_t i = 0; i < n && i < 8; i++) {
		size_t g = auxchan_group_of(found[i]), k;

		printf("%s", auxchan_field(found[i], AUXCHAN_ALIAS));
		for (k = 0; g != AUXCHAN_NO_GROUP && k < auxchan_group_leader_count(g); k++)
			printf("%s%s", k ? ", " : " led by ", auxchan_group_leader(g, k));
		printf("\n");
	}
	return n ? 0 : 1;
}
