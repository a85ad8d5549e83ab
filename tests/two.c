/*
 * two.c - a program that embeds the tables of two pages: the seed's, as
 * the library of the default namespace (auxchan_), and tests/pages/infra.md,
 * built with make NAMESPACE=infra (infra_).  The package test links both
 * libraries into it, static, shared and as amalgamations.  It prints each
 * table's page and what each finds for a key of either page; exits 0 when
 * each answers its own page, and only its own.
 */
#include <stdio.h>
#include <string.h>

#include <auxchan.h>
#include <infra.h>

int main(void)
{
	static const char *const keys[] = { "python", "servers" };
	size_t found[2][2];

	printf("auxchan: \"%s\", %zu rooms\n", auxchan_title(), auxchan_count());
	printf("infra: \"%s\", %zu rooms\n", infra_title(), infra_count());
	for (int k = 0; k < 2; k++) {
		size_t a[8], b[8];
		size_t na = auxchan_lookup(keys[k], strlen(keys[k]), a, 8);
		size_t nb = infra_lookup(keys[k], strlen(keys[k]), b, 8);

		printf("%s: auxchan finds %zu", keys[k], na);
		for (size_t i = 0; i < na && i < 8; i++)
			printf(" %s", auxchan_field(a[i], AUXCHAN_ALIAS));
		printf("; infra finds %zu", nb);
		for (size_t i = 0; i < nb && i < 8; i++)
			printf(" %s", infra_field(b[i], INFRA_ALIAS));
		printf("\n");
		found[k][0] = na;
		found[k][1] = nb;
	}
	return strcmp(auxchan_title(), "Matrix") == 0 && strcmp(infra_title(), "Infrastructure") == 0 &&
	       found[0][0] > 0 && found[0][1] == 0 && found[1][0] == 0 && found[1][1] > 0 ? 0 : 1;
}
