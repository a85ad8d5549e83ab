/* lint.c - checks that compare rows (see lint.h). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"
#include "key.h"
#include "lint.h"
#include "mem.h"

static int same(const char *a, size_t n, const char *b, size_t m)
{
	return n == m && key_strn_equal(a, b, n);
}

/* ---- Duplicates ---------------------------------------------------------
 * Rooms sorted by a field (ignoring ASCII case), then page order: equal
 * fields form runs, whose first member is the one first used.
 */
static const struct page *sort_page;
static size_t sort_field; /* offset of the char * field in struct room */

static const char *field(const struct room *c, size_t off)
{
	return *(char *const *)((const char *)c + off);
}

static int by_field(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const unsigned char *p = (const unsigned char *)field(&sort_page->rooms[x], sort_field);
	const unsigned char *q = (const unsigned char *)field(&sort_page->rooms[y], sort_field);

	for (; key_fold(*p) == key_fold(*q); p++, q++)
		if (!*p) /* equal: page order */
			return x < y ? -1 : x > y;
	return key_fold(*p) - key_fold(*q);
}

static int by_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Finds the rooms whose field (at offset off; "" never counts) equals an
 * earlier room's: stores them in page order in dup[], the room each
 * repeats in first[dup[i]].  Returns how many there are.
 */
static size_t duplicates(const struct page *pg, size_t off, size_t *dup, size_t *first)
{
	size_t *ix = xmalloc(pg->n * sizeof *ix), n = 0;

	for (size_t i = 0; i < pg->n; i++)
		ix[i] = i;
	sort_page = pg; /* qsort has no context argument in C11 */
	sort_field = off;
	xsort(ix, pg->n, sizeof *ix, by_field);
	for (size_t i = 1, run = 0; i < pg->n; i++) {
		const char *a = field(&pg->rooms[ix[run]], off), *b = field(&pg->rooms[ix[i]], off);

		if (*a && same(a, strlen(a), b, strlen(b))) {
			first[ix[i]] = ix[run];
			dup[n++] = ix[i];
		} else {
			run = i;
		}
	}
	xsort(dup, n, sizeof *dup, by_index);
	free(ix);
	return n;
}

/* Aliases equal ignoring ASCII case: an error, a key must be unique. */
static void duplicate_aliases(const struct page *pg, struct diag *d, size_t *dup, size_t *first)
{
	size_t n = duplicates(pg, offsetof(struct room, alias), dup, first);

	for (size_t i = 0; i < n; i++) {
		const struct room *c = &pg->rooms[dup[i]], *f = &pg->rooms[first[dup[i]]];

		diag_error(d, c->line, c->link_col, "duplicate alias '%s' (also on line %u%s)",
		           c->alias, f->line, strcmp(c->alias, f->alias) ? ", ignoring case" : "");
		diag_note(d, f->line, f->link_col, "'%s' first used here", f->alias);
	}
}

static void duplicate_names(const struct page *pg, struct diag *d, size_t *dup, size_t *first)
{
	size_t n = duplicates(pg, offsetof(struct room, name), dup, first);

	for (size_t i = 0; i < n; i++) {
		const struct room *c = &pg->rooms[dup[i]], *f = &pg->rooms[first[dup[i]]];

		diag_warning(d, "duplicate-name", c->line, c->name_col,
		             "display name '%s' is also used on line %u", c->name, f->line);
		diag_note(d, f->line, f->name_col, "'%s' first used here", f->name);
	}
}

/* A name that says another topic than its group: "SIG:CLI Governance". */
static void name_group(const struct page *pg, struct diag *d)
{
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];
		const struct group *g;
		const char *topic;
		size_t len, at;
		char *hint;

		if (c->group == NO_GROUP || pg->groups[c->group].first == i)
			continue;
		g = &pg->groups[c->group];
		len = group_topic(c->name, &topic);
		if (same(topic, len, g->topic, strlen(g->topic)))
			continue;
		/* The name meant: its topic replaced by the group's. */
		at = (size_t)(topic - c->name);
		hint = xmalloc(strlen(c->name) - len + strlen(g->topic) + 1);
		memcpy(hint, c->name, at);
		strcpy(hint + at, g->topic);
		strcat(hint, topic + len);
		diag_warning(d, "name-group", c->line, c->name_col,
		             "name '%s' is about '%.*s', but %s is in the group '%s' "
		             "(of line %u): did you mean '%s'?", c->name, (int)len, topic,
		             c->alias, g->topic, pg->rooms[g->first].line, hint);
		free(hint);
	}
}

static int is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c >= 0x80;
}

/* Does text hold phrase (n bytes) as whole words, ignoring ASCII case? */
static int mentions(const char *text, const char *phrase, size_t n)
{
	size_t len = strlen(text);

	for (size_t i = 0; n && i + n <= len; i++)
		if ((i == 0 || !is_word_byte((unsigned char)text[i - 1])) &&
		    (i + n == len || !is_word_byte((unsigned char)text[i + n])) &&
		    key_strn_equal(text + i, phrase, n))
			return 1;
	return 0;
}

/* A purpose that names another group's topic, not its own. */
static void purpose_group(const struct page *pg, struct diag *d)
{
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *c = &pg->rooms[i];
		const char *own;

		if (c->group == NO_GROUP)
			continue;
		own = pg->groups[c->group].topic;
		if (!*own || mentions(c->purpose, own, strlen(own)))
			continue;
		for (size_t g = 0; g < pg->ngroups; g++) {
			const char *other = pg->groups[g].topic;

			if (*other && !same(other, strlen(other), own, strlen(own)) &&
			    mentions(c->purpose, other, strlen(other))) {
				diag_warning(d, "purpose-group", c->line, c->purpose_col,
				             "purpose names '%s', the topic of another group, not its "
				             "own '%s'", other, own);
				break;
			}
		}
	}
}

static const char *server(const struct room *c)
{
	return c->alias + 1 + c->lplen + 1;
}

/* An alias on another server than most rooms of the page use. */
static void other_server(const struct page *pg, struct diag *d)
{
	/* Distinct servers (by a room on each) and their rooms: a handful. */
	size_t *on = xmalloc(pg->n * sizeof *on), *count = xmalloc(pg->n * sizeof *count);
	size_t nservers = 0, best = 0;
	int tie = 0;

	for (size_t i = 0; i < pg->n; i++) {
		const char *s = server(&pg->rooms[i]);
		size_t k = 0;

		while (k < nservers && !same(s, strlen(s), server(&pg->rooms[on[k]]),
		                             strlen(server(&pg->rooms[on[k]]))))
			k++;
		if (k == nservers)
			on[nservers] = i, count[nservers++] = 0;
		count[k]++;
	}
	for (size_t k = 1; k < nservers; k++)
		if (count[k] > count[best])
			best = k, tie = 0;
		else if (count[k] == count[best])
			tie = 1;
	for (size_t i = 0; i < pg->n && !tie && nservers > 1; i++) {
		const char *s = server(&pg->rooms[i]), *usual = server(&pg->rooms[on[best]]);

		if (!same(s, strlen(s), usual, strlen(usual)))
			diag_warning(d, "other-server", pg->rooms[i].line, pg->rooms[i].link_col,
			             "%s is on the server '%s', where %zu of the page's %zu rooms "
			             "are on '%s'", pg->rooms[i].alias, s, count[best], pg->n, usual);
	}
	free(on);
	free(count);
}

void lint_page(const struct page *pg, struct diag *d)
{
	size_t *dup = xmalloc(pg->n * sizeof *dup), *first = xmalloc(pg->n * sizeof *first);

	duplicate_aliases(pg, d, dup, first);
	duplicate_names(pg, d, dup, first);
	free(dup);
	free(first);
	name_group(pg, d);
	purpose_group(pg, d);
	other_server(pg, d);
}
