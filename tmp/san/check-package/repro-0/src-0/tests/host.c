/*
 * host.c - a program that embeds auxchan, as the Aux CLI would: the
 * package test builds it against the installed library (pkg-config),
 * against libauxchan.a, from the amalgamation, and as C++.  It prints the
 * aliases "python" finds; exits 0 if it finds any.
 */
#include <stdio.h>
#include <string.h>

#include <auxchan.h>

int main(void)
{
	size_t found[8];
	size_t n = auxchan_lookup("python", strlen("python"), found, 8);

	for (size_t i = 0; i < n && i < 8; i++)
		printf("%s\n", auxchan_field(found[i], AUXCHAN_ALIAS));
	return n ? 0 : 1;
}
