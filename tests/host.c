/*
 * host.c - a program that embeds auxchan, as the Aux CLI would: the
 * package test builds it against the installed library (pkg-config),
 * against libauxchan.a, from the amalgamation, and as C++.  It prints the
 * aliases its argument, a key, finds; exits 0 if it finds any.
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
	for (size_t i = 0; i < n && i < 8; i++)
		printf("%s\n", auxchan_field(found[i], AUXCHAN_ALIAS));
	return n ? 0 : 1;
}
