/* diff.c - room-level changes between two revisions of a page (see diff.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "json.h"
#include "key.h"
#include "mem.h"

#define NONE ((size_t)-1)

/* The fields of a room that are compared, by the names the output gives. */
enum field { SECTION, NAME, PURPOSE, URL, FIELD_COUNT };

static const char *const field_names[FIELD_COUNT] = { "section", "name", "purpose", "url" };

static const char *field(const struct room *c, enum field f)
{
	switch (f) {
	case SECTION: return c->section;
	case NAME: return c->name;
	case PURPOSE: return c->purpose;
	default: return c->url;
	}
}

/* ---- Matching rooms by alias ------------------------------------------- */

struct sorted_alias {
	const char *alias;
	size_t len, room;
};

/* Orders aliases ignoring ASCII case. */
static int by_alias(const void *a, const void *b)
{
	const struct sorted_alias *x = a, *y = b;

	return key_order_fold(x->alias, x->len, y->alias, y->len);
}

/* The rooms of pg, sorted by alias (to free). */
static struct sorted_alias *sorted_rooms(const struct page *pg)
{
	struct sorted_alias *r = xmalloc((pg->n + 1) * sizeof *r);

	for (size_t i = 0; i < pg->n; i++)
		r[i] = (struct sorted_alias){ pg->rooms[i].alias, strlen(pg->rooms[i].alias), i };
	xsort(r, pg->n, sizeof *r, by_alias);
	return r;
}

/*
 * Sets a_match[i] to the room of b with the alias of room i of a
 * (NONE if b has none), and b_match likewise: a merge of both pages'
 * rooms sorted by alias.  Aliases are unique in a page, ignoring case.
 */
static void match(const struct page *a, const struct page *b, size_t *a_match, size_t *b_match)
{
	struct sorted_alias *x = sorted_rooms(a), *y = sorted_rooms(b);
	size_t i = 0, j = 0;

	for (size_t k = 0; k < a->n; k++)
		a_match[k] = NONE;
	for (size_t k = 0; k < b->n; k++)
		b_match[k] = NONE;
	while (i < a->n && j < b->n) {
		int c = by_alias(&x[i], &y[j]);

		if (c == 0) {
			a_match[x[i].room] = y[j].room;
			b_match[y[j].room] = x[i].room;
		}
		i += c <= 0;
		j += c >= 0;
	}
	free(x);
	free(y);
}

/* The fields that differ between two rooms, one bit each. */
static unsigned changed_fields(const struct room *a, const struct room *b)
{
	unsigned mask = 0;

	for (int f = 0; f < FIELD_COUNT; f++)
		if (strcmp(field(a, (enum field)f), field(b, (enum field)f)) != 0)
			mask |= 1u << f;
	return mask;
}

/* ---- Output --------------------------------------------------------------- */

struct diff {
	FILE *out;
	struct diff_side old, new;
	size_t *old_match, *new_match;
	size_t added, removed, changed;
	int title, date; /* changed */
};

static void json_string(FILE *f, const char *s)
{
	json_put_string(f, s, strlen(s));
}

/* A room as auxchan --format=json writes it, and its line. */
static void json_room(FILE *f, const struct page *pg, size_t i)
{
	const struct room *c = &pg->rooms[i];
	const char *value[AUXCHAN_FIELD_COUNT] = {
		[AUXCHAN_SECTION] = c->section, [AUXCHAN_NAME] = c->name,
		[AUXCHAN_ALIAS] = c->alias,     [AUXCHAN_URL] = c->url,
		[AUXCHAN_PURPOSE] = c->purpose,
		[AUXCHAN_GROUP] = c->group == NO_GROUP ? "" : pg->groups[c->group].topic,
	};

	json_put_room(f, value);
	fprintf(f, ", \"line\": %u}", c->line);
}

/* "NAME": [the rooms of side that the other side lacks]. */
static void json_rooms(const struct diff *d, const char *name, struct diff_side side,
                       const size_t *other)
{
	int first = 1;

	fprintf(d->out, "  \"%s\": [", name);
	for (size_t i = 0; i < side.pg->n; i++)
		if (other[i] == NONE) {
			fputs(first ? "\n    " : ",\n    ", d->out);
			json_room(d->out, side.pg, i);
			first = 0;
		}
	fputs(first ? "],\n" : "\n  ],\n", d->out);
}

static void json_change(FILE *f, const char *name, const char *old, const char *new)
{
	fprintf(f, "\"%s\": {\"old\": ", name);
	json_string(f, old);
	fputs(", \"new\": ", f);
	json_string(f, new);
}

static void write_json(const struct diff *d)
{
	const struct page *o = d->old.pg, *n = d->new.pg;
	int first = 1;

	fputs("{\n", d->out);
	json_rooms(d, "added", d->new, d->new_match);
	json_rooms(d, "removed", d->old, d->old_match);
	fputs("  \"changed\": [", d->out);
	for (size_t j = 0; j < n->n; j++) {
		const struct room *nc = &n->rooms[j], *oc;
		unsigned mask;
		const char *sep = "";

		if (d->new_match[j] == NONE)
			continue;
		oc = &o->rooms[d->new_match[j]];
		if (!(mask = changed_fields(oc, nc)))
			continue;
		fputs(first ? "\n    {\"alias\": " : ",\n    {\"alias\": ", d->out);
		json_string(d->out, nc->alias);
		fputs(", \"fields\": {", d->out);
		for (int f = 0; f < FIELD_COUNT; f++)
			if (mask >> f & 1) {
				fputs(sep, d->out);
				json_change(d->out, field_names[f], field(oc, (enum field)f),
				            field(nc, (enum field)f));
				fprintf(d->out, ", \"old_line\": %u, \"new_line\": %u}", oc->line, nc->line);
				sep = ", ";
			}
		fputs("}}", d->out);
		first = 0;
	}
	fputs(first ? "],\n" : "\n  ],\n", d->out);
	fputs("  \"meta\": {", d->out);
	if (d->title) {
		json_change(d->out, "title", o->title, n->title);
		fputs("}", d->out);
	}
	if (d->date) {
		fputs(d->title ? ", " : "", d->out);
		json_change(d->out, "date", o->date, n->date);
		fputs("}", d->out);
	}
	fputs("}\n}\n", d->out);
}

/* A value for people: "(empty)" for "". */
static const char *shown(const char *s)
{
	return *s ? s : "(empty)";
}

/* A field that changed: its old value, then its new one under it. */
static void text_change(FILE *f, const char *name, const char *old, const char *new)
{
	fprintf(f, "    %-8s - %s\n", name, shown(old));
	fprintf(f, "    %-8s + %s\n", "", shown(new));
}

/* A room added ('+') or removed ('-'): where, and every field. */
static void text_room(FILE *f, char mark, struct diff_side side, size_t i)
{
	const struct room *c = &side.pg->rooms[i];

	fprintf(f, "%c %s  (%s:%u)\n", mark, c->alias, side.file, c->line);
	for (int k = 0; k < FIELD_COUNT; k++)
		fprintf(f, "    %-8s %s\n", field_names[k], shown(field(c, (enum field)k)));
}

static void write_text(const struct diff *d)
{
	const struct page *o = d->old.pg, *n = d->new.pg;

	if (d->title || d->date) {
		fputs("~ front matter\n", d->out);
		if (d->title)
			text_change(d->out, "title", o->title, n->title);
		if (d->date)
			text_change(d->out, "date", o->date, n->date);
	}
	for (size_t i = 0; i < o->n; i++)
		if (d->old_match[i] == NONE)
			text_room(d->out, '-', d->old, i);
	for (size_t j = 0; j < n->n; j++)
		if (d->new_match[j] == NONE)
			text_room(d->out, '+', d->new, j);
	for (size_t j = 0; j < n->n; j++) {
		const struct room *nc = &n->rooms[j], *oc;
		unsigned mask;

		if (d->new_match[j] == NONE)
			continue;
		oc = &o->rooms[d->new_match[j]];
		if (!(mask = changed_fields(oc, nc)))
			continue;
		fprintf(d->out, "~ %s  (%s:%u, %s:%u)\n", nc->alias, d->old.file, oc->line,
		        d->new.file, nc->line);
		for (int f = 0; f < FIELD_COUNT; f++)
			if (mask >> f & 1)
				text_change(d->out, field_names[f], field(oc, (enum field)f),
				            field(nc, (enum field)f));
	}
	fprintf(d->out, "%zu added, %zu removed, %zu changed%s\n", d->added, d->removed,
	        d->changed, d->title || d->date ? "; the front matter changed" : "");
}

int diff_write(FILE *out, enum diff_format fmt, struct diff_side old, struct diff_side new)
{
	struct diff d = { .out = out, .old = old, .new = new };

	d.old_match = xmalloc((old.pg->n + 1) * sizeof *d.old_match);
	d.new_match = xmalloc((new.pg->n + 1) * sizeof *d.new_match);
	match(old.pg, new.pg, d.old_match, d.new_match);
	for (size_t i = 0; i < old.pg->n; i++)
		d.removed += d.old_match[i] == NONE;
	for (size_t j = 0; j < new.pg->n; j++)
		if (d.new_match[j] == NONE)
			d.added++;
		else
			d.changed += changed_fields(&old.pg->rooms[d.new_match[j]], &new.pg->rooms[j]) != 0;
	d.title = strcmp(old.pg->title, new.pg->title) != 0;
	d.date = strcmp(old.pg->date, new.pg->date) != 0;
	if (fmt == DIFF_JSON)
		write_json(&d);
	else
		write_text(&d);
	free(d.old_match);
	free(d.new_match);
	return d.added || d.removed || d.changed || d.title || d.date;
}
