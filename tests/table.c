/*
 * table.c - tests of the packed tables: what the generator writes
 * (gen/table.c: bytes in rows of string literals, numbers and records
 * packed little-endian) compiles with -std=c99 -Wpedantic -Werror, and
 * the library's reader (src/table.h) gives back every byte and number as
 * written.  The tables are written to BUILDDIR/tests/table/, with a
 * program that prints them, which $CC compiles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../gen/table.h" /* src/ has a table.h too: the library's */
#include "check.h"
#include "run.h"

static const struct {
	const char *description;
	size_t n;
	size_t v[8];
} numbers[] = {
	{ .description = "bytes", .n = 4, .v = { 0, 1, 200, 255 } },
	{ .description = "two bytes from 256", .n = 3, .v = { 0, 256, 65535 } },
	{ .description = "four bytes from 65,536", .n = 5,
	  .v = { 65536, 16777216, 4294967295u, 7, 0x01020304 } },
	{ .description = "one number", .n = 1, .v = { 42 } },
};

/* Byte i of a table: every value, '"', '\\', '?' and NUL among them. */
static unsigned char byte_at(size_t i)
{
	return (unsigned char)(i * 7 + 3);
}

static const struct {
	const char *description;
	const char *type;
	size_t n;
} tables[] = {
	{ .description = "no byte: one NUL", .type = "unsigned char", .n = 0 },
	{ .description = "one byte", .type = "unsigned char", .n = 1 },
	{ .description = "a row but one byte", .type = "unsigned char", .n = TABLE_ROW - 1 },
	{ .description = "a row", .type = "unsigned char", .n = TABLE_ROW },
	{ .description = "a row and a byte", .type = "char", .n = TABLE_ROW + 1 },
	{ .description = "two rows and a half", .type = "char", .n = 5 * TABLE_ROW / 2 },
};

static const struct table_field fields[] = {
	{ "one", 255 }, { "two", 65535 }, { "four", 4294967295u },
};

/* The records: record i's field k. */
static unsigned long long record_field(size_t i, size_t k)
{
	return (i * 2654435761u + k * 40503u) % (fields[k].max + 1);
}

#define RECORDS 5

/* Writes the tables to h, and to c a program that prints them as want has
 * them: a line a number, after the description of its table. */
static void write_tables(FILE *h, FILE *c, FILE *want)
{
	fprintf(h, "#include <stddef.h>\n#include <stdint.h>\n\n#include \"table.h\"\n\n");
	fprintf(c, "#include <stdio.h>\n\n#include \"tables.h\"\n\nint main(void)\n{\n");
	for (size_t t = 0; t < sizeof numbers / sizeof *numbers; t++) {
		char name[32];

		for (size_t i = 0; i < numbers[t].n; i++)
			fprintf(want, "%s: %zu\n", numbers[t].description, numbers[t].v[i]);
		snprintf(name, sizeof name, "numbers_%zu", t);
		table_put_numbers(h, name, numbers[t].v, numbers[t].n);
		fprintf(c, "\tfor (size_t i = 0; i < %zu; i++)\n\t\tprintf(\"%s: %%lu\\n\", "
		        "(unsigned long)%s(i));\n", numbers[t].n, numbers[t].description, name);
	}
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		size_t n = tables[t].n;
		unsigned char *b = malloc(n + 1);
		char name[32], upper[32];

		if (!b)
			exit(2);
		for (size_t i = 0; i < n; i++)
			fprintf(want, "%s: %u\n", tables[t].description, b[i] = byte_at(i));
		if (n == 0)
			fprintf(want, "%s: 0\n", tables[t].description);
		snprintf(name, sizeof name, "bytes_%zu", t);
		snprintf(upper, sizeof upper, "BYTES_%zu", t);
		table_put_bytes(h, tables[t].type, name, upper, b, n);
		fprintf(c, "\tfor (size_t i = 0; i < sizeof %s_rows; i++)\n\t\tprintf(\"%s: %%u\\n\", "
		        "(unsigned)(unsigned char)%s[i]);\n", name, tables[t].description, upper);
		free(b);
	}
	{
		struct table_records r;
		size_t nf = sizeof fields / sizeof *fields;

		table_records_init(&r, fields, nf);
		for (size_t i = 0; i < RECORDS; i++) {
			unsigned long long v[sizeof fields / sizeof *fields];

			for (size_t k = 0; k < nf; k++)
				fprintf(want, "records: %llu\n", v[k] = record_field(i, k));
			table_record(&r, v);
		}
		table_put_records(h, "records", "record", &r);
		fprintf(c, "\tfor (size_t i = 0; i < %d; i++)\n\t\tprintf(\"records: %%lu\\n"
		        "records: %%lu\\nrecords: %%lu\\n\", (unsigned long)record_one(i),\n"
		        "\t\t       (unsigned long)record_two(i), (unsigned long)record_four(i));\n",
		        RECORDS);
	}
	fprintf(c, "\treturn 0;\n}\n");
}

/* Checks got against want, table by table (the description before ':'). */
static void compare(const char *got, const char *want)
{
	char *g = check_read(got, NULL), *w = check_read(want, NULL);
	char *gp = g, *wp = w;

	if (!check(g && w, "%s and %s can be read", got, want))
		goto done;
	while (*wp) {
		size_t k = strcspn(wp, ":"), ok = 1;
		const char *table = wp;

		while (*wp && !strncmp(wp, table, k + 1)) { /* a line of this table */
			size_t line = strcspn(wp, "\n") + 1, have = strcspn(gp, "\n");

			ok = ok && have + 1 == line && !strncmp(gp, wp, line);
			gp += have + (gp[have] == '\n');
			wp += line;
		}
		check(ok, "%.*s: every value read back as written", (int)k, table);
	}
	check(!*gp, "no value more than written");
done:
	free(g);
	free(w);
}

int main(int argc, char **argv)
{
	const char *cc = getenv("CC") ? getenv("CC") : "cc";
	char dir[1024], path[1100], cmd[4096];
	FILE *h, *c, *want;

	if (argc != 3 || (size_t)snprintf(dir, sizeof dir, "%s/tests/table.d", argv[2]) >= sizeof dir) {
		fprintf(stderr, "usage: table PAGE BUILDDIR\n");
		return 2;
	}
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
	if (spawn((char *[]){ "sh", "-c", cmd, NULL }, NULL, NULL) != 0)
		return 2;
	snprintf(path, sizeof path, "%s/tables.h", dir);
	h = fopen(path, "w");
	snprintf(path, sizeof path, "%s/print.c", dir);
	c = fopen(path, "w");
	snprintf(path, sizeof path, "%s/want", dir);
	want = fopen(path, "w");
	if (!h || !c || !want)
		return 2;
	write_tables(h, c, want);
	if (fclose(h) || fclose(c) || fclose(want))
		return 2;

	snprintf(cmd, sizeof cmd, "%s -std=c99 -Wall -Wextra -Wpedantic -Werror -Isrc "
	         "'%s/print.c' -o '%s/print'", cc, dir, dir);
	if (check_num("the tables compile with -std=c99 -Wpedantic -Werror",
	              spawn((char *[]){ "sh", "-c", cmd, NULL }, NULL, NULL), 0)) {
		char got[1100], wanted[1100];

		snprintf(path, sizeof path, "%s/print", dir);
		snprintf(got, sizeof got, "%s/got", dir);
		snprintf(wanted, sizeof wanted, "%s/want", dir);
		check_num("the program that prints them", spawn((char *[]){ path, NULL }, got, NULL), 0);
		compare(got, wanted);
	}
	return check_done("table");
}
