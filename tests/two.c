/*
 * two.c - a program that embeds the tables of two pages: the page of the
 * build, as the library of the default namespace (auxchan_), and
 * tests/pages/infra.md, built with make NAMESPACE=infra (infra_).  The
 * package test links both libraries into it, static, shared and as
 * amalgamations, and gives it a key of each page.  It prints each table's
 * page and what each finds for either key; exits 0 when each answers its
 * own page's key, and only its own.
 */
#include <stdio.h>
#include <string.h>

#include <auxchan.h>
#include <infra.h>

int main(int argc, char **argv)
{
	size_t found[2][2];

	if (argc != 3) {
		fputs("usage: two AUXCHAN-KEY INFRA-KEY\n", stderr);
		return 2;
	}
	printf("auxchan: \"%s\", %zu rooms\n", auxchan_title(), auxchan_count());
	printf("infra: \"%s\", %zu rooms\n", infra_title(), infra_count());
	for (int k = 0; k < 2; k++) {
		const char *key = argv[1 + k];
		size_t a[8], b[8];
		size_t na = auxchan_lookup(key, strlen(key), a, 8);
		size_t nb = infra_lookup(key, strlen(key), b, 8);

		printf("%s: auxchan finds %zu", key, na);
		for (size_t i = 0; i < na && i < 8; i++)
			printf(" %s", auxchan_field(a[i], AUXCHAN_ALIAS));
		printf("; infra finds %zu", nb);
		for (size_t i = 0; i < nb && i < 8; i++)
			printf(" %s", infra_field(b[i], INFRA_ALIAS));
		printf("\n");
		found[k][0] = na;
		found[k][1] = nb;
	}
	return found[0][0] > 0 && found[0][1] == 0 && found[1][0] == 0 && found[1][1] > 0 ? 0 : 1;
}
