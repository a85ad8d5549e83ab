/*
 * table.h - the numbers of the generated tables that are packed (gen/table.h):
 * an array of numbers is written as bytes, which the compiler reads several
 * times faster than numbers in braces, each number in NAME_WIDTH bytes,
 * little-endian whatever the machine, read by table_get().
 */
#ifndef AUXCHAN_TABLE_SRC_H
#define AUXCHAN_TABLE_SRC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Number i of the packed array a, of width bytes (1, 2 or 4) a number.  The
 * width is a constant: the compiler makes this one load.
 */
static inline uint32_t table_get(const unsigned char *a, size_t width, size_t i)
{
	const unsigned char *p = a + i * width;

	switch (width) {
	case 1:
		return p[0];
	case 2:
		return (uint32_t)p[0] | (uint32_t)p[1] << 8;
	default:
		return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		       (uint32_t)p[3] << 24;
	}
}

#endif /* AUXCHAN_TABLE_SRC_H */
