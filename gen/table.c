/* table.c - bytes and packed numbers in the generated C (see table.h). */
#include <stdlib.h>

#include "gperf.h"
#include "mem.h"
#include "table.h"

/* Bytes of a row on one line of the generated C. */
#define LINE 64

void table_put_bytes(FILE *f, const char *type, const char *name, const char *upper,
                     const void *b, size_t n)
{
	const char *s = n ? b : "";
	size_t rows;

	n += !n; /* ISO C has no empty struct: one NUL */
	rows = (n + TABLE_ROW - 1) / TABLE_ROW;

	fprintf(f, "static const struct %s_rows {\n", name);
	for (size_t r = 0; r < rows; r++)
		fprintf(f, "\t%s r%zu[%zu];\n", type, r, r + 1 < rows ? (size_t)TABLE_ROW
		                                                      : n - r * TABLE_ROW);
	fprintf(f, "} %s_rows = {", name);
	for (size_t r = 0; r < rows; r++) {
		size_t end = r + 1 < rows ? (r + 1) * TABLE_ROW : n;

		for (size_t at = r * TABLE_ROW; at < end; at += LINE) {
			fprintf(f, "\n\t\"");
			gperf_put_string(f, s + at, end - at < LINE ? end - at : LINE);
			putc('"', f);
		}
		if (r + 1 < rows)
			putc(',', f);
	}
	fprintf(f, "\n};\n#define %s ((const %s *)&%s_rows)\n", upper, type, name);
	fprintf(f, "typedef char %s_rows_are_packed[sizeof(struct %s_rows) == %zu ? 1 : -1];\n\n",
	        name, name, n);
}

void table_pack(struct table_packed *p, unsigned long long v)
{
	if (p->width < sizeof v && v >> 8 * p->width) /* the caller's width is wrong */
		abort();
	p->b = xgrow(p->b, &p->cap, p->n + p->width, 1);
	for (size_t i = 0; i < p->width; i++, v >>= 8)
		p->b[p->n++] = (unsigned char)v;
}

void table_put_packed(FILE *f, const char *name, const char *upper, struct table_packed *p)
{
	table_put_bytes(f, "unsigned char", name, upper, p->b, p->n);
	fprintf(f, "static inline uint32_t %s(size_t i)\n{\n\treturn table_get(%s, %zu, i);\n}\n\n",
	        name, upper, p->width);
	free(p->b);
	p->b = NULL;
	p->n = p->cap = 0;
}
