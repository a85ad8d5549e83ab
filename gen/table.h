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

/*
 * Bytes in the generated C: a string literal is the C the compiler reads
 * fastest (a 565,057-number table: 0.2 s as a literal, 1.6 s as numbers
 * in braces), but ISO C asks compilers for literals of 4,095 bytes at
 * most.  So an array of bytes is written as a struct of rows of
 * TABLE_ROW bytes, each a literal, the last as long as what is left:
 * there is no padding between arrays of char, which a check of the
 * struct's size proves when the library compiles.
 */
#define TABLE_ROW 4000

/*
 * Writes the n bytes at b (one NUL if n is 0) as static const struct
 * NAME_rows { TYPE r0[TABLE_ROW]; ... } NAME_rows, with the check of its
 * size, and, if upper is not NULL, #define UPPER ((const TYPE *)&NAME_rows).
 * TYPE is char or unsigned char.
 */
void table_put_bytes(FILE *f, const char *type, const char *name, const char *upper,
                     const void *b, size_t n);

/*
 * Numbers packed in width bytes each, little-endian whatever the machine
 * (src/table.h reads them): table_pack() adds one, table_put_packed()
 * writes them with table_put_bytes(), and NAME(i), the function that
 * reads number i, and frees them; table_put_numbers() does it all for an
 * array, in the width of its largest number.  The file includes
 * src/table.h, and <stddef.h> and <stdint.h>.
 */
struct table_packed {
	unsigned char *b;
	size_t n, cap;   /* bytes */
	size_t width;    /* table_width() of the largest number */
};

/* The bytes that hold max: 1, 2 or 4, as table_uint_type(). */
static inline size_t table_width(unsigned long long max)
{
	return max <= UINT8_MAX ? 1 : max <= UINT16_MAX ? 2 : 4;
}

void table_pack(struct table_packed *p, unsigned long long v);
void table_put_packed(FILE *f, const char *name, struct table_packed *p);
void table_put_numbers(FILE *f, const char *name, const size_t *v, size_t n);

/*
 * Records packed as bytes: their fields one after the other, each in the
 * width of the largest number it holds, so a record is read from one
 * place.  table_records_init() names the fields, table_record() adds a
 * record (its fields' numbers in order), table_put_records() writes them
 * as NAME with PREFIX_FIELD(i), a function a field that reads it of record
 * i, and frees them.
 */
#define TABLE_FIELDS_MAX 8

struct table_field {
	const char *name;
	unsigned long long max; /* the largest number it holds */
};

struct table_records {
	struct table_packed p;
	size_t nfields;
	size_t size; /* bytes a record */
	struct table_field field[TABLE_FIELDS_MAX];
};

void table_records_init(struct table_records *r, const struct table_field *field, size_t n);
void table_record(struct table_records *r, const unsigned long long *v);
void table_put_records(FILE *f, const char *name, const char *prefix, struct table_records *r);

#endif /* AUXCHAN_TABLE_H */
