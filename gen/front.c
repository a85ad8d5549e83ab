/*
 * front.c - the page's YAML front matter, read with libyaml: the only file
 * that includes <yaml.h>.  Entry point: front_read() (see front.h).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "front.h"
#include "mem.h"
#include "utf8.h"

/* Does the line at offset i hold exactly "---"? */
static int is_fence(const struct src *s, size_t i)
{
	return s->len - i >= 3 && memcmp(s->text + i, "---", 3) == 0 &&
	       text_line_end(s->text, s->len, i) == i + 3;
}

/*
 * text_char_fault() with an article, for text of the front matter: a control
 * character there can only come from a YAML escape ("\x01"), which the
 * message says.
 */
static const char *char_fault_yaml(const char *t, size_t n, char *buf, size_t size)
{
	size_t len;

	text_char_fault(t, n, 1, buf, size);
	len = strlen(buf);
	if (!strncmp(buf, "a control", 9))
		snprintf(buf + len, size - len, " (written as a YAML escape)");
	return buf;
}

/* Reports libyaml's error, mapping its mark to the page's lines. */
static void yaml_fail(const struct src *s, const yaml_parser_t *p, unsigned first)
{
	const yaml_mark_t *m = &p->problem_mark;

	diag_error(s->d, first + (unsigned)m->line, (unsigned)m->column + 1,
	           "front matter is not valid YAML: %s%s%s",
	           p->problem ? p->problem : "unknown error",
	           p->context ? " " : "", p->context ? p->context : "");
}

/*
 * A table of names (the front matter's keys, its anchors), hashed: a page
 * of 600,000 keys is checked for duplicates in linear time.  Each entry
 * keeps where it was set and, for an anchor, the string it names.
 */
struct names {
	struct name {
		char *name;
		unsigned line, col;
		int is_string;  /* an anchor of a string (YAML_STRING) */
		char *value;    /* that string */
		size_t len;
	} *e;
	size_t n, cap;
	size_t *slot;       /* 1 + index into e, 0 if free; nslots a power of 2 */
	size_t nslots;
};

/* FNV-1a: deterministic, no seed. */
static size_t name_hash(const char *t)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (; *t; t++)
		h = (h ^ (unsigned char)*t) * 0x100000001b3u;
	return (size_t)h;
}

/* The slot where name is, or the free one where it would go. */
static size_t *names_slot(const struct names *t, const char *name)
{
	size_t i = name_hash(name) & (t->nslots - 1);

	while (t->slot[i] && strcmp(t->e[t->slot[i] - 1].name, name))
		i = (i + 1) & (t->nslots - 1);
	return &t->slot[i];
}

/* The entry for name, or NULL. */
static struct name *names_find(const struct names *t, const char *name)
{
	size_t *slot = t->nslots ? names_slot(t, name) : NULL;

	return slot && *slot ? &t->e[*slot - 1] : NULL;
}

/* The entry for name, added (empty) if it is not there yet. */
static struct name *names_add(struct names *t, const char *name)
{
	struct name *e = names_find(t, name);
	size_t *slot;

	if (e)
		return e;
	if (2 * (t->n + 1) > t->nslots) { /* grow, and rehash: load at most 1/2 */
		free(t->slot);
		t->nslots = t->nslots ? 2 * t->nslots : 64;
		t->slot = xmalloc(t->nslots * sizeof *t->slot);
		memset(t->slot, 0, t->nslots * sizeof *t->slot);
		for (size_t i = 0; i < t->n; i++)
			*names_slot(t, t->e[i].name) = i + 1;
	}
	t->e = xgrow(t->e, &t->cap, t->n + 1, sizeof *t->e);
	e = &t->e[t->n];
	memset(e, 0, sizeof *e);
	e->name = xmemdup(name, strlen(name));
	slot = names_slot(t, name);
	*slot = ++t->n;
	return e;
}

static void names_free(struct names *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->e[i].name);
		free(t->e[i].value);
	}
	free(t->e);
	free(t->slot);
	memset(t, 0, sizeof *t);
}

/*
 * One rule says what a YAML node is, for the keys of the front matter and
 * the values kept (title, date): plain, quoted and block scalars are
 * strings, and so are scalars tagged !!str or "!" and aliases of strings.
 * A null (nothing, ~, null, Null, NULL, written plain), a scalar of another
 * tag, a merge key (<<) and a mapping or sequence are not.
 */
enum { YAML_STRING, YAML_NULL, YAML_TAGGED, YAML_MERGE, YAML_COLLECTION, YAML_NO_ANCHOR };

/* What a scalar event is, by the rule above. */
static int scalar_kind(const yaml_event_t *ev)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	const char *tag = (const char *)ev->data.scalar.tag;
	const char *v = (const char *)ev->data.scalar.value;

	if (tag && strcmp(tag, "!") && strcmp(tag, YAML_STR_TAG))
		return YAML_TAGGED;
	if (tag || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return YAML_STRING;
	for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
		if (!strcmp(v, nulls[i]))
			return YAML_NULL;
	return strcmp(v, "<<") ? YAML_STRING : YAML_MERGE;
}

/* The front matter being read: where it is, what it holds so far. */
struct yaml {
	const struct src *s;
	struct page *pg;
	unsigned first;       /* the page's line of the YAML's first line */
	int depth;            /* of mappings and sequences */
	int is_value;         /* at depth 1: the next node is a value */
	struct name *key;     /* the key of that value */
	struct names keys, anchors;
};

/*
 * The string a scalar or alias event stands for (by scalar_kind()), in
 * *t and *len, or why there is none (YAML_NULL...).  An alias stands for
 * what its anchor does.
 */
static int yaml_string(const struct yaml *y, const yaml_event_t *ev, const char **t, size_t *len)
{
	const struct name *a;
	int kind;

	if (ev->type == YAML_ALIAS_EVENT) {
		a = names_find(&y->anchors, (const char *)ev->data.alias.anchor);
		if (!a)
			return YAML_NO_ANCHOR;
		*t = a->value, *len = a->len;
		return a->is_string ? YAML_STRING : YAML_COLLECTION;
	}
	if (ev->type != YAML_SCALAR_EVENT)
		return YAML_COLLECTION;
	kind = scalar_kind(ev);
	*t = (const char *)ev->data.scalar.value, *len = ev->data.scalar.length;
	return kind == YAML_MERGE ? YAML_STRING : kind; /* "<<" only means merge as a key */
}

/* Remembers the anchor an event sets, and the string it names if any. */
static void yaml_anchor(struct yaml *y, const yaml_event_t *ev)
{
	const unsigned char *anchor = ev->type == YAML_SCALAR_EVENT ? ev->data.scalar.anchor
	                            : ev->type == YAML_MAPPING_START_EVENT
	                            ? ev->data.mapping_start.anchor
	                            : ev->type == YAML_SEQUENCE_START_EVENT
	                            ? ev->data.sequence_start.anchor : NULL;
	struct name *a;
	const char *t;
	size_t len;

	if (!anchor)
		return;
	a = names_add(&y->anchors, (const char *)anchor);
	free(a->value);
	a->value = NULL;
	a->is_string = yaml_string(y, ev, &t, &len) == YAML_STRING;
	if (a->is_string) {
		a->value = xmemdup(t, len);
		a->len = len;
	}
}

/* "!!int" for tag:yaml.org,2002:int, the tag itself for others. */
static void tag_text(const char *tag, char *buf, size_t size)
{
	static const char yaml_org[] = "tag:yaml.org,2002:";

	if (!strncmp(tag, yaml_org, sizeof yaml_org - 1))
		snprintf(buf, size, "!!%s", tag + sizeof yaml_org - 1);
	else
		snprintf(buf, size, "%s", tag);
	if (utf8_check_visible(buf, strlen(buf), NULL, NULL) != UTF8_OK) /* %-escapes */
		snprintf(buf, size, "%s", "with a tag");
}

/* Why the node of ev is not a string, as a phrase: "is null". */
static const char *not_string(int kind, const yaml_event_t *ev, char *buf, size_t size)
{
	char tag[128];

	switch (kind) {
	case YAML_NULL:
		if (*ev->data.scalar.value)
			snprintf(buf, size, "is null (written '%s'), not a string: quote it",
			         (const char *)ev->data.scalar.value);
		else
			snprintf(buf, size, "has no value (null), not a string");
		break;
	case YAML_TAGGED:
		tag_text((const char *)ev->data.scalar.tag, tag, sizeof tag);
		snprintf(buf, size, "is tagged %s, not a string", tag);
		break;
	case YAML_NO_ANCHOR:
		snprintf(buf, size, "is an alias of no anchor before it");
		break;
	default:
		snprintf(buf, size, "is not a string");
	}
	return buf;
}

/* Reads a key of the top mapping: a string, set once. */
static int yaml_key(struct yaml *y, const yaml_event_t *ev, unsigned line, unsigned col)
{
	const struct src *s = y->s;
	const char *k = NULL;
	size_t len = 0, at;
	char what[160];
	int kind = ev->type == YAML_SCALAR_EVENT ? scalar_kind(ev) : YAML_COLLECTION;

	if (kind == YAML_MERGE) {
		diag_error(s->d, line, col, "front matter has a merge key '<<': write the keys "
		           "themselves");
		return -1;
	}
	if (kind != YAML_TAGGED)
		kind = yaml_string(y, ev, &k, &len);
	if (kind != YAML_STRING) {
		diag_error(s->d, line, col, "front matter has a key that is not a string");
		return -1;
	}
	/* YAML escapes ("\n", "\0") can make what the page may not hold. */
	if (utf8_check_visible(k, len, NULL, &at) != UTF8_OK) {
		diag_error(s->d, line, col, "front matter has a key with %s",
		           char_fault_yaml(k + at, len - at, what, sizeof what));
		return -1;
	}
	if (names_find(&y->keys, k)) {
		const struct name *first = names_find(&y->keys, k);

		diag_error(s->d, line, col, "front matter has the key '%s' twice", k);
		diag_note(s->d, first->line, first->col, "'%s' first set here", k);
		return -1;
	}
	y->key = names_add(&y->keys, k);
	y->key->line = line;
	y->key->col = col;
	return 0;
}

/* Reads the value of the current key: kept if it is the title or the date. */
static int yaml_value(struct yaml *y, const yaml_event_t *ev, unsigned line, unsigned col)
{
	const struct src *s = y->s;
	const char *key = y->key->name, *t = NULL;
	char **dest = !strcmp(key, "title") ? &y->pg->title : !strcmp(key, "date") ? &y->pg->date
	            : NULL;
	size_t len = 0, at;
	char why[200];
	int kind;

	if (!dest)
		return 0;
	kind = yaml_string(y, ev, &t, &len);
	if (kind != YAML_STRING) {
		diag_error(s->d, line, col, "front matter: '%s' %s", key,
		           not_string(kind, ev, why, sizeof why));
		return -1;
	}
	if (utf8_check_visible(t, len, "\t\n\v\f\r", &at) != UTF8_OK) {
		diag_error(s->d, line, col, "front matter: '%s' has %s", key,
		           char_fault_yaml(t + at, len - at, why, sizeof why));
		return -1;
	}
	free(*dest);
	*dest = text_normalize(t, len);
	if (strlen(*dest) > PAGE_MAX_CELL) {
		diag_error(s->d, line, col, "front matter: '%s' is %zu bytes, over the limit of %u",
		           key, strlen(*dest), PAGE_MAX_CELL);
		return -1;
	}
	return 0;
}

/*
 * Reads one event.  libyaml's events carry no key/value roles: at the top
 * mapping's depth, keys and values alternate.
 */
static int yaml_event(struct yaml *y, const yaml_event_t *ev)
{
	unsigned line = y->first + (unsigned)ev->start_mark.line;
	unsigned col = (unsigned)ev->start_mark.column + 1;
	int rc = 0;

	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
		if (y->depth == 0 && ev->type != YAML_MAPPING_START_EVENT) {
			diag_error(y->s->d, line, col, "front matter is not a mapping of keys to values");
			return -1;
		}
		if (y->depth == 1)
			rc = y->is_value ? yaml_value(y, ev, line, col) : yaml_key(y, ev, line, col);
		if (y->depth == 1)
			y->is_value = !y->is_value;
		yaml_anchor(y, ev);
		if (ev->type == YAML_MAPPING_START_EVENT || ev->type == YAML_SEQUENCE_START_EVENT) {
			/* Before libyaml's cost grows with the depth (see page.h). */
			if (++y->depth > (int)PAGE_MAX_YAML_DEPTH) {
				diag_error(y->s->d, line, col, "front matter nests mappings and sequences "
				           "deeper than %u levels: over the limit", PAGE_MAX_YAML_DEPTH);
				return -1;
			}
		}
		return rc;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		y->depth--;
		return 0;
	default:
		return 0;
	}
}

/*
 * Reads the YAML mapping (n bytes at yaml, whose first line is the page's
 * line first) and keeps its title and date.
 */
static int front_matter(const struct src *s, struct page *pg, const char *yaml,
                        size_t n, unsigned first)
{
	struct yaml y = { .s = s, .pg = pg, .first = first };
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = 0;

	if (!yaml_parser_initialize(&p)) {
		diag_error(s->d, first, 0, "cannot start the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, n);
	while (rc == 0) {
		if (!yaml_parser_parse(&p, &ev)) {
			yaml_fail(s, &p, first);
			rc = -1;
			break;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		rc = yaml_event(&y, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	names_free(&y.keys);
	names_free(&y.anchors);
	return rc;
}

size_t front_read(const struct src *s, struct page *pg)
{
	size_t body, close;

	if (!is_fence(s, 0))
		return 0;
	body = text_next_line(s->text, s->len, 0);
	for (close = body; close < s->len; close = text_next_line(s->text, s->len, close))
		if (is_fence(s, close))
			break;
	if (close >= s->len) {
		diag_error(s->d, 1, 1, "front matter opened here is never closed "
		           "(no line '---' after it)");
		return (size_t)-1;
	}
	if (front_matter(s, pg, s->text + body, close - body, 2) < 0)
		return (size_t)-1;
	return text_next_line(s->text, s->len, close);
}
