/* charter.c - the group pages, joined to the room page's groups (see charter.h). */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "charter.h"
#include "group.h"
#include "index.h"
#include "markdown.h"
#include "mem.h"
#include "page.h"
#include "text.h"

/* ---- Reading a group page ----------------------------------------------- */

/* The first of the columns names (NULL-terminated) the header has, or -1. */
static int column(cmark_node *header, const char *const *names)
{
	int k = -1;

	for (; *names && k < 0; names++)
		k = markdown_column(header, *names);
	return k;
}

/*
 * The group a name cell names (to free), or NULL after an error: its plain
 * text, without the brackets of a link that leads nowhere ("[Security]").
 */
static char *group_name(const struct src *s, cmark_node *cell, unsigned line, unsigned col)
{
	char *t = markdown_cell_text(s, cell, "group name", line, col);
	size_t n = t ? strlen(t) : 0;

	if (n >= 2 && t[0] == '[' && t[n - 1] == ']' && !memchr(t + 1, ']', n - 2)) {
		char *bare = text_normalize(t + 1, n - 2);

		free(t);
		t = bare;
	}
	if (t && !*t) {
		diag_error(s->d, line, col, "row has no group name");
		free(t);
		t = NULL;
	}
	return t;
}

/* Can c be in a handle after its '@'?  What forum and Matrix handles hold. */
static int handle_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("._=-/+:", c);
}

/*
 * Splits a leaders cell's text t ("@minion, @coded") into r's handles.
 * Returns 0, or -1 after an error at line:col.
 */
static int read_leaders(const struct src *s, struct charter_row *r, const char *t, unsigned col)
{
	size_t cap = 0;

	for (const char *p = t; *p;) {
		size_t n = strcspn(p, ","), k = 1;

		while (n && *p == ' ')
			p++, n--;
		while (n && p[n - 1] == ' ')
			n--;
		while (k < n && handle_char(p[k]))
			k++;
		if (n < 2 || p[0] != '@' || k < n) {
			diag_error(s->d, r->line, col, "leaders cell holds '%.*s', which is no "
			           "handle: write handles like @name, separated by commas", (int)n, p);
			return -1;
		}
		if (r->nleaders == CHARTER_MAX_LEADERS) {
			diag_error(s->d, r->line, col, "more than %u leaders in one cell",
			           CHARTER_MAX_LEADERS);
			return -1;
		}
		r->leaders = xgrow(r->leaders, &cap, r->nleaders + 1, sizeof *r->leaders);
		r->leaders[r->nleaders++] = xmemdup(p, n);
		p += strcspn(p, ",");
		p += *p == ',';
	}
	return 0;
}

/*
 * The text of the code spans in node, separated by spaces (to free): the
 * names a responsibility writes as code ("`nix-darwin`-like"), which the
 * search takes whole as well as in parts.  Its bytes are the cell text's,
 * checked with it.
 */
static char *code_spans(cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	char *out = xmemdup("", 0);
	size_t len = 0, cap = 1;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;
		size_t k;

		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_CODE ||
		    !(lit = cmark_node_get_literal(n)) || !(k = strlen(lit)))
			continue;
		out = xgrow(out, &cap, len + k + 2, 1);
		if (len)
			out[len++] = ' ';
		memcpy(out + len, lit, k);
		out[len += k] = '\0';
	}
	cmark_iter_free(it);
	return out;
}

/* The target of the first link in node, or "" (to free). */
static char *first_link(cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	const char *url = NULL;

	while (!url && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) ==
		                               CMARK_NODE_LINK)
			url = cmark_node_get_url(cmark_iter_get_node(it));
	url = url ? url : "";
	url = xmemdup(url, strlen(url));
	cmark_iter_free(it);
	return (char *)url;
}

/* The target of the join link cell's first link (to free), or "", checked
 * as cell text is: NULL after an error. */
static char *join_url(const struct src *s, cmark_node *cell, unsigned line, unsigned col)
{
	return markdown_checked(s, cell ? first_link(cell) : xmemdup("", 0), "join link's target",
	                        line, col);
}

static void row_free(struct charter_row *r)
{
	free(r->name);
	free(r->responsibility);
	free(r->plain);
	free(r->code);
	for (size_t i = 0; i < r->nleaders; i++)
		free(r->leaders[i]);
	free(r->leaders);
	free(r->meeting.time);
	free(r->meeting.length);
	free(r->meeting.join);
	free(r->meeting.url);
}

/* The columns of the two kinds of tables. */
static const char *const NAME[] = { "Name", NULL };
static const char *const RESPONSIBILITY[] = { "Responsibility", NULL };
static const char *const LEADERS[] = { "Current Leaders", "Leaders", NULL };
static const char *const MEETING_GROUP[] = { "SIG", "Committee", "Group", "Name", NULL };
static const char *const TIME[] = { "Meeting Time", NULL };
static const char *const LENGTH[] = { "Meeting length", NULL };
static const char *const JOIN[] = { "Join Link", NULL };

/* Reads one row of a group table (meeting: of a meeting table) into r. */
static int read_row(const struct src *s, struct charter_row *r, cmark_node *row,
                    const int *col, int meeting)
{
	cmark_node *cell[4];
	unsigned at[4];
	char *t;

	for (int k = 0; k < 4; k++) {
		cell[k] = col[k] >= 0 ? markdown_nth_child(row, col[k]) : NULL;
		at[k] = markdown_cell_col(s, cell[k]);
	}
	r->name_col = at[0];
	if (!(r->name = group_name(s, cell[0], r->line, at[0])))
		return -1;
	if (meeting) {
		struct meeting *m = &r->meeting;

		r->is_meeting = 1;
		m->line = r->line;
		m->time = markdown_cell_text_links(s, cell[1], "meeting time", r->line, at[1]);
		m->length = markdown_cell_text(s, cell[2], "meeting length", r->line, at[2]);
		m->join = markdown_cell_text(s, cell[3], "join link", r->line, at[3]);
		m->url = join_url(s, cell[3], r->line, at[3]);
		return m->time && m->length && m->join && m->url ? 0 : -1;
	}
	/* Its text without the targets once it passed the checks with them:
	 * one error for a cell, not two. */
	r->responsibility = markdown_cell_text_links(s, cell[1], "responsibility", r->line, at[1]);
	r->plain = r->responsibility ? markdown_cell_text(s, cell[1], "responsibility", r->line,
	                                                  at[1]) : NULL;
	r->code = cell[1] ? code_spans(cell[1]) : xmemdup("", 0);
	t = markdown_cell_text(s, cell[2], "leaders", r->line, at[2]);
	if (!r->responsibility || !r->plain || !t || read_leaders(s, r, t, at[2]) != 0) {
		free(t);
		return -1;
	}
	free(t);
	return 0;
}

/* The rows being read, and the group page they are on. */
struct reading {
	struct charters *c;
	const char *file;
};

/* Adds the rows of a group or meeting table (page_table_fn); returns
 * whether it is one. */
static int read_table(const struct src *s, cmark_node *header, void *arg)
{
	struct charters *c = ((struct reading *)arg)->c;
	const char *file = ((struct reading *)arg)->file;
	int col[4], meeting, ncols = 0;

	for (cmark_node *k = cmark_node_first_child(header); k; k = cmark_node_next(k))
		ncols++;
	if ((col[1] = column(header, TIME)) >= 0) {
		meeting = 1;
		col[0] = column(header, MEETING_GROUP);
		col[0] = col[0] >= 0 ? col[0] : 0;
		col[2] = column(header, LENGTH);
		col[3] = column(header, JOIN);
	} else if ((col[0] = column(header, NAME)) >= 0 &&
	           (col[1] = column(header, RESPONSIBILITY)) >= 0) {
		meeting = 0;
		col[2] = column(header, LEADERS);
		col[3] = -1;
	} else {
		return 0;
	}
	for (cmark_node *row = cmark_node_next(header); row; row = cmark_node_next(row)) {
		struct charter_row r = { .file = file,
		                         .line = (unsigned)cmark_node_get_start_line(row) };

		markdown_check_extra_cells(s, row, (size_t)ncols);
		if (read_row(s, &r, row, col, meeting) != 0) {
			row_free(&r);
			c->refused++;
			continue;
		}
		c->row = xgrow(c->row, &c->cap, c->n + 1, sizeof *c->row);
		c->row[c->n++] = r;
	}
	return 1;
}

int charter_parse(struct charters *c, const char *file, const char *text, size_t len,
                  struct diag *d)
{
	struct reading r = { c, file };
	unsigned errors = d->errors;

	c->pages++;
	if (page_tables(text, len, d, read_table, &r) == 0 && d->errors == errors)
		diag_error(d, 1, 0, "no group table: no table has a header with 'Name' and "
		           "'Responsibility' columns, or a 'Meeting Time' column");
	if (d->errors != errors) /* rows may be missing */
		c->refused++;
	return d->errors == errors ? 0 : -1;
}

/* ---- Joining the rows to the groups ------------------------------------- */

/* Gives group g the fields of the group row r. */
static void join_row(struct group *g, const struct charter_row *r)
{
	g->responsibility = r->responsibility;
	g->plain = r->plain;
	g->leaders = r->leaders;
	g->code = r->code;
	g->nleaders = r->nleaders;
	g->file = r->file;
	g->line = r->line;
}

/* Adds the meeting of row r to group g (which has fewer than
 * CHARTER_MAX_MEETINGS). */
static void join_meeting(struct group *g, const struct charter_row *r)
{
	g->meetings = xrealloc(g->meetings, (g->nmeetings + 1) * sizeof *g->meetings);
	g->meetings[g->nmeetings++] = r->meeting;
}

int charter_join(struct charters *c, struct page *pg, const char *room_file, struct diag *d)
{
	const char *file = d->file;
	unsigned errors = d->errors;
	struct index topics = { 0 }, names = { 0 };

	for (size_t g = 0; g < pg->ngroups; g++)
		if (*pg->groups[g].topic)
			index_add(&topics, pg->groups[g].topic, strlen(pg->groups[g].topic), g, 0);
	for (size_t i = 0; i < c->n; i++)
		if (!c->row[i].is_meeting)
			index_add(&names, c->row[i].name, strlen(c->row[i].name), i, 0);
	index_sort(&topics);
	index_sort(&names);
	for (size_t i = 0; i < c->n; i++) {
		const struct charter_row *r = &c->row[i];
		size_t count;
		const struct name *t = index_lookup(&topics, r->name, 0, &count);
		long first = index_find(&names, r->name, 0);

		d->file = r->file;
		if (!r->is_meeting && first >= 0 && (size_t)first < i) {
			diag_error(d, r->line, r->name_col, "group '%s' is named twice: also on %s:%u",
			           r->name, c->row[first].file, c->row[first].line);
			continue;
		}
		if (count == 0 && r->is_meeting)
			diag_warning(d, "unjoined-meeting", r->line, r->name_col, "meeting of '%s', "
			             "which is the topic of no group of rooms: not shown", r->name);
		else if (count == 0)
			diag_warning(d, "unjoined-group", r->line, r->name_col, "group '%s' has no "
			             "rooms: no group of rooms has that topic", r->name);
		/* The groups of a topic get the same meetings: when the first has
		 * all it may, so have the others, and the row is refused once (a
		 * page of many meetings of a topic of many groups stays linear). */
		if (count && r->is_meeting &&
		    pg->groups[t[0].at].nmeetings == CHARTER_MAX_MEETINGS) {
			diag_error(d, r->line, r->name_col, "group '%s' has more than %u meetings",
			           r->name, CHARTER_MAX_MEETINGS);
			continue;
		}
		group_steps++;
		for (size_t k = 0; k < count; k++) {
			struct group *g = &pg->groups[t[k].at];

			group_steps++;
			if (!r->is_meeting)
				join_row(g, r);
			else
				join_meeting(g, r);
		}
	}
	d->file = room_file;
	for (size_t g = 0; g < pg->ngroups && c->pages && !c->refused; g++) {
		const struct group *x = &pg->groups[g];
		const struct room *first = &pg->rooms[x->first];

		if (!x->file)
			diag_warning(d, "no-group-row", first->line, first->name_col, "group '%s' "
			             "(%.*s) is on no group page: its rooms are shown without what it "
			             "does", x->topic, (int)x->stemlen, first->alias + 1);
	}
	d->file = file;
	index_free(&topics);
	index_free(&names);
	/* The page keeps the rows, whose strings its groups point to. */
	pg->charters = xmalloc(sizeof *pg->charters);
	*pg->charters = *c;
	memset(c, 0, sizeof *c);
	return d->errors == errors ? 0 : -1;
}

void charter_free(struct charters *c)
{
	for (size_t i = 0; i < c->n; i++)
		row_free(&c->row[i]);
	free(c->row);
	memset(c, 0, sizeof *c);
}

void charter_free_group(struct group *g)
{
	free(g->meetings);
}
