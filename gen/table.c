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
	fprintf(f, "\n};\n");
	if (upper)
		fprintf(f, "#define %s ((const %s *)&%s_rows)\n", upper, type, name);
	fprintf(f, "typedef char %s_rows_are_packed[sizeof(struct %s_rows) == %zu ? 1 : -1];\n\n",
	        name, name, n);
}

/* Adds v in width bytes, little-endian. */
static void pack(struct table_packed *p, unsigned long long v, size_t width)
{
	if (width < sizeof v && v >> 8 * width) /* the caller's largest number is wrong */
		abort();
	p->b = xgrow(p->b, &p->cap, p->n + width, 1);
	for (size_t i = 0; i < width; i++, v >>= 8)
		p->b[p->n++] = (unsigned char)v;
}

void table_pack(struct table_packed *p, unsigned long long v)
{
	pack(p, v, p->width);
}

void table_put_packed(FILE *f, const char *name, struct table_packed *p)
{
	table_put_bytes(f, "unsigned char", name, NULL, p->b, p->n);
	fprintf(f, "static inline uint32_t %s(size_t i)\n{\n"
	        "\treturn table_get((const unsigned char *)&%s_rows, %zu, i);\n}\n\n",
	        name, name, p->width);
	free(p->b);
	*p = (struct table_packed){ 0 };
}

void table_put_numbers(FILE *f, const char *name, const size_t *v, size_t n)
{
	struct table_packed p = { 0 };
	size_t max = 0;

	for (size_t i = 0; i < n; i++)
		max = v[i] > max ? v[i] : max;
	p.width = table_width(max);
	for (size_t i = 0; i < n; i++)
		table_pack(&p, v[i]);
	table_put_packed(f, name, &p);
}

void table_records_init(struct table_records *r, const struct table_field *field, size_t n)
{
	if (n > TABLE_FIELDS_MAX)
		abort();
	*r = (struct table_records){ .nfields = n };
	for (size_t k = 0; k < n; k++) {
		r->field[k] = field[k];
		r->size += table_width(field[k].max);
	}
}

void table_record(struct table_records *r, const unsigned long long *v)
{
	for (size_t k = 0; k < r->nfields; k++)
		pack(&r->p, v[k], table_width(r->field[k].max));
}

void table_put_records(FILE *f, const char *name, const char *prefix, struct table_records *r)
{
	size_t at = 0;

	table_put_bytes(f, "unsigned char", name, NULL, r->p.b, r->p.n);
	for (size_t k = 0; k < r->nfields; k++) {
		size_t width = table_width(r->field[k].max);

		fprintf(f, "static inline uint32_t %s_%s(size_t i)\n{\n"
		        "\treturn table_get((const unsigned char *)&%s_rows + %zu * i + %zu, %zu, 0);\n"
		        "}\n", prefix, r->field[k].name, name, r->size, at, width);
		at += width;
	}
	fprintf(f, "\n");
	free(r->p.b);
	r->p = (struct table_packed){ 0 };
}
