/* diff.c - the rooms and groups changed between two revisions of a page (see diff.h). */
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

/* ---- Matching by a name, ignoring case ---------------------------------- */

/* A name (an alias, a group's topic) and what it names (a room, a group). */
struct sorted_name {
	const char *s;
	size_t len, at;
};

/* Orders names ignoring ASCII case. */
static int by_name(const void *a, const void *b)
{
	const struct sorted_name *x = a, *y = b;

	return key_order_fold(x->s, x->len, y->s, y->len);
}

/*
 * Sets a_match[x[i].at] to y[j].at where x[i] and y[j] are the same name
 * (NONE where the other side has none), and b_match likewise: a merge of
 * the two sorted lists x (na names) and y (nb), names unique in each.
 */
static void merge(const struct sorted_name *x, size_t na, const struct sorted_name *y, size_t nb,
                  size_t *a_match, size_t *b_match)
{
	size_t i = 0, j = 0;

	for (size_t k = 0; k < na; k++)
		a_match[k] = NONE;
	for (size_t k = 0; k < nb; k++)
		b_match[k] = NONE;
	while (i < na && j < nb) {
		int c = by_name(&x[i], &y[j]);

		if (c == 0) {
			a_match[x[i].at] = y[j].at;
			b_match[y[j].at] = x[i].at;
		}
		i += c <= 0;
		j += c >= 0;
	}
}

/* The rooms of pg, sorted by alias (to free). */
static struct sorted_name *sorted_rooms(const struct page *pg)
{
	struct sorted_name *r = xmalloc((pg->n + 1) * sizeof *r);

	for (size_t i = 0; i < pg->n; i++)
		r[i] = (struct sorted_name){ pg->rooms[i].alias, strlen(pg->rooms[i].alias), i };
	xsort(r, pg->n, sizeof *r, by_name);
	return r;
}

/*
 * Sets a_match[i] to the room of b with the alias of room i of a
 * (NONE if b has none), and b_match likewise.  Aliases are unique in a
 * page, ignoring case.
 */
static void match(const struct page *a, const struct page *b, size_t *a_match, size_t *b_match)
{
	struct sorted_name *x = sorted_rooms(a), *y = sorted_rooms(b);

	merge(x, a->n, y, b->n, a_match, b_match);
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

/* ---- The groups of a side's group pages ------------------------------- */

/* A group: its group row and its meeting rows, all of one name. */
struct entry {
	const char *topic;                 /* the name, as its where row writes it */
	const struct charter_row *row;     /* its group row, or NULL: meetings only */
	const struct charter_row **meeting; /* its meeting rows, in the pages' order */
	size_t nmeetings;
	const struct charter_row *where;   /* its group row, else its first meeting */
};

struct entries {
	struct entry *v;
	size_t n;
	struct sorted_name *sorted; /* v's topics, in v's order: sorted */
	const struct charter_row **rows; /* what v's meetings point into */
};

/* Orders rows by name ignoring case, then as the pages have them. */
static int by_row_name(const void *a, const void *b)
{
	const struct charter_row *const *x = a, *const *y = b;
	int c = key_order_fold((*x)->name, strlen((*x)->name), (*y)->name, strlen((*y)->name));

	return c ? c : (*x > *y) - (*x < *y);
}

/* The groups of c's rows (c may be NULL: none), in the order of their names. */
static void entries_read(struct entries *e, const struct charters *c)
{
	size_t n = c ? c->n : 0;

	memset(e, 0, sizeof *e);
	e->rows = xmalloc((n + 1) * sizeof *e->rows);
	e->v = xmalloc((n + 1) * sizeof *e->v);
	e->sorted = xmalloc((n + 1) * sizeof *e->sorted);
	for (size_t i = 0; i < n; i++)
		e->rows[i] = &c->row[i];
	xsort(e->rows, n, sizeof *e->rows, by_row_name);
	for (size_t i = 0, j; i < n; i = j) {
		struct entry *g = &e->v[e->n];
		const char *name = e->rows[i]->name;

		*g = (struct entry){ .topic = name, .meeting = e->rows + i };
		for (j = i; j < n && !key_order_fold(name, strlen(name), e->rows[j]->name,
		                                     strlen(e->rows[j]->name)); j++)
			if (!e->rows[j]->is_meeting)
				g->row = e->rows[j]; /* one a name: charter_join() checked */
		/* Its meetings first, in order; the group row out of the way. */
		for (size_t k = i; k < j; k++)
			if (e->rows[k]->is_meeting)
				e->rows[i + g->nmeetings++] = e->rows[k];
		g->where = g->row ? g->row : g->meeting[0];
		g->topic = g->where->name;
		e->sorted[e->n] = (struct sorted_name){ g->topic, strlen(g->topic), e->n };
		e->n++;
	}
}

static void entries_free(struct entries *e)
{
	free(e->v);
	free(e->sorted);
	free(e->rows);
}

/* The fields of a group that are compared, by the names the output gives. */
enum group_field { RESPONSIBILITY, LEADERS, MEETINGS, GROUP_FIELD_COUNT };

static const char *const group_field_names[GROUP_FIELD_COUNT] = {
	"responsibility", "leaders", "meetings"
};

static const char *responsibility(const struct entry *g)
{
	return g->row ? g->row->responsibility : "";
}

static size_t nleaders(const struct entry *g)
{
	return g->row ? g->row->nleaders : 0;
}

static int same_meeting(const struct meeting *a, const struct meeting *b)
{
	return !strcmp(a->time, b->time) && !strcmp(a->length, b->length) &&
	       !strcmp(a->join, b->join) && !strcmp(a->url, b->url);
}

/* The fields that differ between two groups, one bit each. */
static unsigned changed_group_fields(const struct entry *a, const struct entry *b)
{
	unsigned mask = 0;

	if (strcmp(responsibility(a), responsibility(b)) != 0)
		mask |= 1u << RESPONSIBILITY;
	if (nleaders(a) != nleaders(b))
		mask |= 1u << LEADERS;
	for (size_t k = 0; !(mask & 1u << LEADERS) && k < nleaders(a); k++)
		if (strcmp(a->row->leaders[k], b->row->leaders[k]) != 0)
			mask |= 1u << LEADERS;
	if (a->nmeetings != b->nmeetings)
		mask |= 1u << MEETINGS;
	for (size_t k = 0; !(mask & 1u << MEETINGS) && k < a->nmeetings; k++)
		if (!same_meeting(&a->meeting[k]->meeting, &b->meeting[k]->meeting))
			mask |= 1u << MEETINGS;
	return mask;
}

/* ---- Output --------------------------------------------------------------- */

struct diff {
	FILE *out;
	struct diff_side old, new;
	size_t *old_match, *new_match;
	size_t added, removed, changed;
	int title, date; /* changed */
	/* The groups, if either side has group pages. */
	int groups;
	struct entries go, gn;
	size_t *gold_match, *gnew_match;
	size_t gadded, gremoved, gchanged;
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

/* A group's leaders, a JSON array of strings. */
static void json_leaders(FILE *f, const struct entry *g)
{
	fputc('[', f);
	for (size_t k = 0; k < nleaders(g); k++) {
		fputs(k ? ", " : "", f);
		json_string(f, g->row->leaders[k]);
	}
	fputc(']', f);
}

/* A group's meetings, a JSON array of objects, each with its page and line. */
static void json_meetings(FILE *f, const struct entry *g)
{
	fputc('[', f);
	for (size_t k = 0; k < g->nmeetings; k++) {
		const struct meeting *m = &g->meeting[k]->meeting;

		fputs(k ? ", {\"time\": " : "{\"time\": ", f);
		json_string(f, m->time);
		fputs(", \"length\": ", f);
		json_string(f, m->length);
		fputs(", \"join\": ", f);
		json_string(f, m->join);
		fputs(", \"url\": ", f);
		json_string(f, m->url);
		fputs(", \"file\": ", f);
		json_string(f, g->meeting[k]->file);
		fprintf(f, ", \"line\": %u}", m->line);
	}
	fputc(']', f);
}

/* A field of a group, as JSON. */
static void json_group_field(FILE *f, const struct entry *g, enum group_field k)
{
	if (k == RESPONSIBILITY)
		json_string(f, responsibility(g));
	else if (k == LEADERS)
		json_leaders(f, g);
	else
		json_meetings(f, g);
}

/* A group, every field, and where it is (its group row, else its first meeting). */
static void json_group(FILE *f, const struct entry *g)
{
	fputs("{\"topic\": ", f);
	json_string(f, g->topic);
	for (int k = 0; k < GROUP_FIELD_COUNT; k++) {
		fprintf(f, ", \"%s\": ", group_field_names[k]);
		json_group_field(f, g, (enum group_field)k);
	}
	fputs(", \"file\": ", f);
	json_string(f, g->where->file);
	fprintf(f, ", \"line\": %u}", g->where->line);
}

/* "NAME": [the groups of e that the other side lacks]. */
static void json_groups_of(const struct diff *d, const char *name, const struct entries *e,
                           const size_t *other)
{
	int first = 1;

	fprintf(d->out, "    \"%s\": [", name);
	for (size_t i = 0; i < e->n; i++)
		if (other[i] == NONE) {
			fputs(first ? "\n      " : ",\n      ", d->out);
			json_group(d->out, &e->v[i]);
			first = 0;
		}
	fputs(first ? "]" : "\n    ]", d->out);
}

/* "groups": {"added", "removed", "changed"}. */
static void json_groups(const struct diff *d)
{
	int first = 1;

	fputs("  \"groups\": {\n", d->out);
	json_groups_of(d, "added", &d->gn, d->gnew_match);
	fputs(",\n", d->out);
	json_groups_of(d, "removed", &d->go, d->gold_match);
	fputs(",\n    \"changed\": [", d->out);
	for (size_t j = 0; j < d->gn.n; j++) {
		const struct entry *ng = &d->gn.v[j], *og;
		unsigned mask;
		const char *sep = "";

		if (d->gnew_match[j] == NONE)
			continue;
		og = &d->go.v[d->gnew_match[j]];
		if (!(mask = changed_group_fields(og, ng)))
			continue;
		fputs(first ? "\n      {\"topic\": " : ",\n      {\"topic\": ", d->out);
		json_string(d->out, ng->topic);
		fputs(", \"fields\": {", d->out);
		for (int k = 0; k < GROUP_FIELD_COUNT; k++)
			if (mask >> k & 1) {
				fprintf(d->out, "%s\"%s\": {\"old\": ", sep, group_field_names[k]);
				json_group_field(d->out, og, (enum group_field)k);
				fputs(", \"new\": ", d->out);
				json_group_field(d->out, ng, (enum group_field)k);
				fputc('}', d->out);
				sep = ", ";
			}
		fputs("}, \"old_file\": ", d->out);
		json_string(d->out, og->where->file);
		fprintf(d->out, ", \"old_line\": %u, \"new_file\": ", og->where->line);
		json_string(d->out, ng->where->file);
		fprintf(d->out, ", \"new_line\": %u}", ng->where->line);
		first = 0;
	}
	fputs(first ? "]\n  },\n" : "\n    ]\n  },\n", d->out);
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
	if (d->groups)
		json_groups(d);
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

/*
 * A group's field, for people, its name first (labelled) or blanks, then
 * the mark ("- ", "+ " or ""): the responsibility, the leaders on one
 * line, each meeting on a line of its own ("time | length | join <url>").
 */
static void text_group_field(FILE *f, const struct entry *g, enum group_field k, int labelled,
                             const char *mark)
{
	const char *label = labelled ? group_field_names[k] : "";

	if (k == RESPONSIBILITY) {
		fprintf(f, "    %-14s %s%s\n", label, mark, shown(responsibility(g)));
	} else if (k == LEADERS) {
		fprintf(f, "    %-14s %s%s", label, mark, nleaders(g) ? "" : shown(""));
		for (size_t i = 0; i < nleaders(g); i++)
			fprintf(f, "%s%s", i ? ", " : "", g->row->leaders[i]);
		fputc('\n', f);
	} else if (!g->nmeetings) {
		fprintf(f, "    %-14s %s%s\n", label, mark, shown(""));
	}
	for (size_t i = 0; k == MEETINGS && i < g->nmeetings; i++) {
		const struct meeting *m = &g->meeting[i]->meeting;

		fprintf(f, "    %-14s %s%s | %s | %s", i ? "" : label, mark, shown(m->time),
		        shown(m->length), shown(m->join));
		fprintf(f, *m->url ? " <%s>\n" : "\n", m->url);
	}
}

/* A group added ('+') or removed ('-'): where, and every field. */
static void text_group(FILE *f, char mark, const struct entry *g)
{
	fprintf(f, "%c group %s  (%s:%u)\n", mark, g->topic, g->where->file, g->where->line);
	for (int k = 0; k < GROUP_FIELD_COUNT; k++)
		text_group_field(f, g, (enum group_field)k, 1, "");
}

/* The groups removed, added and changed. */
static void text_groups(const struct diff *d)
{
	for (size_t i = 0; i < d->go.n; i++)
		if (d->gold_match[i] == NONE)
			text_group(d->out, '-', &d->go.v[i]);
	for (size_t j = 0; j < d->gn.n; j++)
		if (d->gnew_match[j] == NONE)
			text_group(d->out, '+', &d->gn.v[j]);
	for (size_t j = 0; j < d->gn.n; j++) {
		const struct entry *ng = &d->gn.v[j], *og;
		unsigned mask;

		if (d->gnew_match[j] == NONE)
			continue;
		og = &d->go.v[d->gnew_match[j]];
		if (!(mask = changed_group_fields(og, ng)))
			continue;
		fprintf(d->out, "~ group %s  (%s:%u, %s:%u)\n", ng->topic, og->where->file,
		        og->where->line, ng->where->file, ng->where->line);
		for (int k = 0; k < GROUP_FIELD_COUNT; k++)
			if (mask >> k & 1) {
				text_group_field(d->out, og, (enum group_field)k, 1, "- ");
				text_group_field(d->out, ng, (enum group_field)k, 0, "+ ");
			}
	}
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
	if (d->groups)
		text_groups(d);
	fprintf(d->out, "%zu added, %zu removed, %zu changed", d->added, d->removed, d->changed);
	if (d->groups)
		fprintf(d->out, "; groups: %zu added, %zu removed, %zu changed", d->gadded,
		        d->gremoved, d->gchanged);
	fprintf(d->out, "%s\n", d->title || d->date ? "; the front matter changed" : "");
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
	if ((d.groups = old.groups || new.groups)) {
		entries_read(&d.go, old.groups);
		entries_read(&d.gn, new.groups);
		d.gold_match = xmalloc((d.go.n + 1) * sizeof *d.gold_match);
		d.gnew_match = xmalloc((d.gn.n + 1) * sizeof *d.gnew_match);
		merge(d.go.sorted, d.go.n, d.gn.sorted, d.gn.n, d.gold_match, d.gnew_match);
		for (size_t i = 0; i < d.go.n; i++)
			d.gremoved += d.gold_match[i] == NONE;
		for (size_t j = 0; j < d.gn.n; j++)
			if (d.gnew_match[j] == NONE)
				d.gadded++;
			else
				d.gchanged += changed_group_fields(&d.go.v[d.gnew_match[j]],
				                                   &d.gn.v[j]) != 0;
	}
	d.title = strcmp(old.pg->title, new.pg->title) != 0;
	d.date = strcmp(old.pg->date, new.pg->date) != 0;
	if (fmt == DIFF_JSON)
		write_json(&d);
	else
		write_text(&d);
	free(d.old_match);
	free(d.new_match);
	if (d.groups) {
		entries_free(&d.go);
		entries_free(&d.gn);
		free(d.gold_match);
		free(d.gnew_match);
	}
	return d.added || d.removed || d.changed || d.title || d.date || d.gadded || d.gremoved ||
	       d.gchanged;
}
