/*
 * reference.h - what auxchan_lookup() must answer, computed the slow and
 * obvious way: a linear scan over the page's records, applying the rules of
 * auxchan.h to each room.  The tests of the library and the lookup fuzz
 * target compare the library with it.
 *
 * It shares no code with the library's lookup: its own ASCII folding, its
 * own matrix.to decoding.  Only the records come from the generator's
 * reader (gen/page.c, and gen/charter.c for the group pages that
 * TEST_GROUP_PAGES names, separated by spaces, those the tables were built
 * with), or, built with ROOM_NO_PAGE (a release tarball, without
 * cmark-gfm), from the library's own fields, grouped by the generator's
 * rule (gen/group.c).
 */
#ifndef AUXCHAN_REFERENCE_H
#define AUXCHAN_REFERENCE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auxchan.h"
#include "check.h"
#include "group.h"
#include "page.h"
#ifndef ROOM_NO_PAGE
#include "charter.h"
#endif

#ifndef TEST_GROUP_PAGES
#define TEST_GROUP_PAGES "" /* none: the groups have no fields */
#endif

static struct page ref_pg;

static unsigned char ref_fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Are s (n bytes) and t (m bytes) equal, ignoring ASCII case? */
static int ref_same(const char *s, size_t n, const char *t, size_t m)
{
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ref_fold((unsigned char)s[i]) != ref_fold((unsigned char)t[i]))
			return 0;
	return 1;
}

static int ref_hex(unsigned char c)
{
	static const char digits[] = "0123456789abcdef";
	const char *d = c ? strchr(digits, ref_fold(c)) : NULL;

	return d ? (int)(d - digits) : -1;
}

static const char ref_prefix[] = "https://matrix.to/#/";
#define REF_PREFIX_LEN (sizeof ref_prefix - 1)

/* Is the query (q, n bytes) a matrix.to link (its prefix in any ASCII case)? */
static int ref_is_link(const char *q, size_t n)
{
	return n >= REF_PREFIX_LEN && ref_same(q, REF_PREFIX_LEN, ref_prefix, REF_PREFIX_LEN);
}

/*
 * The room reference a query names: a matrix.to link's fragment (up to its
 * '?', %XX decoded, at most 255 bytes), or the query itself.  Returns its
 * length in out (cap bytes), or -1 for a link that names nothing.
 */
static long ref_room(const char *q, size_t n, char *out, size_t cap)
{
	size_t len = 0;

	if (!ref_is_link(q, n)) {
		if (n > cap)
			return -1;
		memcpy(out, q, n);
		return (long)n;
	}
	for (size_t i = REF_PREFIX_LEN; i < n && q[i] != '?'; i++) {
		int c = (unsigned char)q[i];

		if (c == '%') {
			if (n - i < 3 || ref_hex((unsigned char)q[i + 1]) < 0 ||
			    ref_hex((unsigned char)q[i + 2]) < 0)
				return -1;
			c = ref_hex((unsigned char)q[i + 1]) * 16 + ref_hex((unsigned char)q[i + 2]);
			i += 2;
		}
		if (len == 255 || len == cap)
			return -1;
		out[len++] = (char)c;
	}
	return (long)len;
}

/* Is the query (q, n bytes) the name, group stem or group topic of room ch? */
static int ref_named(const char *q, size_t n, const struct room *ch)
{
	const struct group *g = ch->group != NO_GROUP ? &ref_pg.groups[ch->group] : NULL;

	return ref_same(q, n, ch->name, strlen(ch->name)) ||
	       (g && (ref_same(q, n, ref_pg.rooms[g->first].alias + 1, g->stemlen) ||
	              (*g->topic && ref_same(q, n, g->topic, strlen(g->topic)))));
}

/* A query as the rules of auxchan.h read it, whatever the room: read once
 * (ref_read()), matched with each room (ref_matches()). */
struct ref_query {
	const char *q;
	size_t n;
	int link;           /* a matrix.to link: never a name or topic */
	char room[1024];    /* the room reference it names (ref_room()) */
	const char *local;  /* its localpart, without '#'; NULL: none */
	size_t llen;
	const char *server; /* after its ':'; NULL: no ':' */
	size_t slen;
};

static void ref_read(struct ref_query *r, const char *q, size_t n)
{
	const char *colon;
	long len;

	r->q = q, r->n = n, r->link = ref_is_link(q, n);
	r->local = r->server = NULL;
	if (n == 0 || (len = ref_room(q, n, r->room, sizeof r->room)) <= 0)
		return;
	/* "#local:server", "local:server", "#local" or "local". */
	r->local = r->room[0] == '#' ? r->room + 1 : r->room;
	r->llen = (size_t)len - (r->room[0] == '#');
	colon = memchr(r->local, ':', r->llen);
	if (colon) {
		r->server = colon + 1;
		r->slen = r->llen - (size_t)(colon - r->local) - 1;
		r->llen = (size_t)(colon - r->local);
	}
}

/* Does the query r name room c?  The rules of auxchan.h. */
static int ref_matches(const struct ref_query *r, size_t c)
{
	const struct room *ch = &ref_pg.rooms[c];
	const char *server = ch->alias + 1 + ch->lplen + 1;

	/* A link is the room it names, never a name or topic spelt like it. */
	if (!r->link && ref_named(r->q, r->n, ch))
		return 1;
	return r->local && ref_same(r->local, r->llen, ch->alias + 1, ch->lplen) &&
	       (!r->server || ref_same(r->server, r->slen, server, strlen(server)));
}

/* auxchan_lookup(), by the reference. */
static size_t ref_lookup(const char *q, size_t n, size_t *out, size_t cap)
{
	struct ref_query r;
	size_t found = 0;

	if (n == 0)
		return 0;
	ref_read(&r, q, n);
	for (size_t c = 0; c < ref_pg.n; c++)
		if (ref_matches(&r, c)) {
			if (found < cap)
				out[found] = c;
			found++;
		}
	return found;
}

#ifdef ROOM_NO_PAGE
static char *ref_copy(const char *s)
{
	return strcpy(malloc(strlen(s) + 1), s);
}

/*
 * What the library says of each group that a group page has (its
 * responsibility, whose link targets, " <url>", are left out for the
 * plain text, and its leaders); the code spans are not in the library:
 * none.
 */
static void ref_load_fields(void)
{
	for (size_t g = 0; g < ref_pg.ngroups; g++) {
		struct group *x = &ref_pg.groups[g];
		size_t lg = auxchan_group_of(x->first), n = 0;
		const char *r = lg == AUXCHAN_NO_GROUP ? NULL
		                : auxchan_group_field(lg, AUXCHAN_GROUP_RESPONSIBILITY);

		char *plain, **leaders;

		if (!r || (!*r && !auxchan_group_leader_count(lg)))
			continue;
		plain = calloc(strlen(r) + 1, 1);
		for (const char *p = r; *p; p++) {
			size_t k = p[0] == ' ' && p[1] == '<' ? strcspn(p + 2, " >") : 0;

			if (k && p[2 + k] == '>')
				p += 2 + k;
			else
				plain[n++] = *p;
		}
		x->nleaders = auxchan_group_leader_count(lg);
		leaders = calloc(x->nleaders + 1, sizeof *leaders);
		for (size_t k = 0; k < x->nleaders; k++)
			leaders[k] = ref_copy(auxchan_group_leader(lg, k));
		/* The group's fields are the generator's rows' (const); these are
		 * the reference's own, freed by ref_free(). */
		x->responsibility = ref_copy(r);
		x->plain = plain;
		x->code = ref_copy("");
		x->leaders = leaders;
	}
}

/* The records from the library's fields; the groups by gen/group.c. */
static int ref_load(const char *page)
{
	(void)page;
	ref_pg.n = auxchan_count();
	ref_pg.rooms = calloc(ref_pg.n + 1, sizeof *ref_pg.rooms);
	ref_pg.title = ref_copy(auxchan_title());
	ref_pg.date = ref_copy(auxchan_date());
	for (size_t i = 0; i < ref_pg.n; i++) {
		struct room *c = &ref_pg.rooms[i];

		c->section = ref_copy(auxchan_field(i, AUXCHAN_SECTION));
		c->name = ref_copy(auxchan_field(i, AUXCHAN_NAME));
		c->purpose = ref_copy(auxchan_field(i, AUXCHAN_PURPOSE));
		c->url = ref_copy(auxchan_field(i, AUXCHAN_URL));
		c->alias = ref_copy(auxchan_field(i, AUXCHAN_ALIAS));
		c->lplen = strcspn(c->alias + 1, ":");
	}
	group_assign(&ref_pg);
	ref_load_fields();
	return 0;
}

static void ref_free(void)
{
	for (size_t i = 0; i < ref_pg.n; i++) {
		free(ref_pg.rooms[i].section);
		free(ref_pg.rooms[i].name);
		free(ref_pg.rooms[i].purpose);
		free(ref_pg.rooms[i].url);
		free(ref_pg.rooms[i].alias);
	}
	for (size_t g = 0; g < ref_pg.ngroups; g++) {
		struct group *x = &ref_pg.groups[g];

		free(x->topic);
		free((char *)x->responsibility);
		free((char *)x->plain);
		free((char *)x->code);
		for (size_t k = 0; k < x->nleaders; k++)
			free(x->leaders[k]);
		free((char **)x->leaders);
	}
	free(ref_pg.rooms);
	free(ref_pg.groups);
	free(ref_pg.title);
	free(ref_pg.date);
}
#else
/* The group pages of TEST_GROUP_PAGES joined to ref_pg's groups, by the
 * generator's reader; returns 0, or -1 if one cannot be read or has
 * errors. */
static int ref_load_groups(struct diag *d, const char *page)
{
	static char files[] = TEST_GROUP_PAGES " "; /* the groups keep their file's name */
	struct charters c = { 0 };
	int rc = 0;

	for (char *p = files, *end; rc == 0 && *(p += strspn(p, " ")); p = end + 1) {
		char *text;
		size_t len;

		end = p + strcspn(p, " ");
		*end = '\0';
		d->file = p;
		if (!(text = check_read(p, &len)))
			rc = -1;
		else
			rc = charter_parse(&c, p, text, len, d);
		free(text);
	}
	if (rc == 0)
		rc = charter_join(&c, &ref_pg, page, d);
	d->file = page;
	charter_free(&c);
	return rc;
}

/* The records of the page, read by the generator's parser. */
static int ref_load(const char *page)
{
	struct diag d = { .file = page }; /* its warnings are the lint test's business */
	char *text;
	size_t len;
	int rc;

	d.out = fopen("/dev/null", "w");
	if (!d.out || !(text = check_read(page, &len))) {
		if (d.out)
			fclose(d.out);
		return -1;
	}
	rc = page_parse(&ref_pg, text, len, &d);
	group_assign(&ref_pg);
	if (rc == 0)
		rc = ref_load_groups(&d, page);
	free(text);
	fclose(d.out);
	return rc;
}

static void ref_free(void)
{
	page_free(&ref_pg);
	page_cleanup();
}
#endif

#endif /* AUXCHAN_REFERENCE_H */
