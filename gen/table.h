/*
 * table.h - what the writers of the library's tables share (room.c,
 * search.c): the order of their keys' bytes, and the C they write for
 * numbers.
 */
#ifndef AUXCHAN_TABLE_H
#define AUXCHAN_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Orders a (n bytes) and b (m bytes) by their bytes, a prefix first. */
static inline int table_compare(const char *a, size_t n, const char *b, size_t m)
{
	int c = memcmp(a, b, n < m ? n : m);

	return c ? c : n < m ? -1 : n > m;
}

/* The smallest unsigned type that holds max. */
static inline const char *table_uint_type(size_t max)
{
	return max <= UINT8_MAX ? "uint8_t" : max <= UINT16_MAX ? "uint16_t" : "uint32_t";
}

/* Writes v, element i of an array's initialiser, per_line a line. */
static inline void table_put_number(FILE *f, size_t i, size_t per_line, unsigned long long v)
{
	fprintf(f, "%s%llu,", i % per_line ? " " : "\n\t", v);
}

#endif /* AUXCHAN_TABLE_H */
