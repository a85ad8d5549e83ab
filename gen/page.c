/*
 * page.c - the page model (see page.h).  page_parse() reads a page in five
 * steps, each in a file of its own but the last:
 *
 *   text_index()     text.c      the text and its lines: UTF-8, no control
 *                                characters
 *   front_read()     front.c     the YAML front matter: the title and date
 *   scan_markdown()  scan.c      the markdown measured against the limits
 *                                of what reaches cmark-gfm
 *   markdown_read()  markdown.c  cmark-gfm's document, in a memory budget
 *   walk()           page.c      the document: headings, room tables,
 *                                stray room links
 *
 * Here, after page_parse(), the page model in the order it runs for a
 * table: its header, its cells, the room links in them, its rows; then the
 * room links outside room tables, and the walk that calls them all.
 * Rows, links and stray links share cmark-gfm's nodes (a room table's
 * node holds its Link column, which tells stray links from the rows'), so
 * they stay in one file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "alias.h"
#include "charter.h"
#include "front.h"
#include "link.h"
#include "markdown.h"
#include "mem.h"
#include "page.h"
#include "scan.h"
#include "text.h"
#include "utf8.h"

/* What reading the room tables keeps from one row, and table, to the next. */
struct table_state {
	size_t cap;     /* of page.rooms */
	unsigned full;  /* rows found over PAGE_MAX_ROOMS */
	unsigned half_table;      /* line of a table with Name or Link, not both */
	const char *half_missing; /* the column it lacks */
};

static int parse_markdown(const struct src *s, struct page *pg, cmark_node *doc);
static void walk(const struct src *s, struct table_state *ts, struct page *pg, cmark_node *doc,
                 int *tables);

/* ---- The page --------------------------------------------------------- */

/*
 * The steps of page_parse() up to cmark-gfm's document: its byte order
 * mark, its size, its lines (s, whose d the caller sets; s->line to free),
 * its front matter (into pg's title and date), its limits, its markdown.
 * Returns the document and its parser in *parser (both to free), or NULL
 * with an error reported.
 */
static cmark_node *page_document(struct src *s, const char *text, size_t len, struct page *pg,
                                 cmark_parser **parser)
{
	size_t body;

	s->text = text, s->len = len;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		s->text += 3, s->len -= 3; /* a byte order mark: accepted, ignored */
	if (s->len == 0) {
		diag_error(s->d, 1, 0, "empty page");
		return NULL;
	}
	if (len > PAGE_MAX_BYTES) {
		diag_error(s->d, 1, 0, "page is larger than the limit of %u bytes", PAGE_MAX_BYTES);
		return NULL;
	}
	if (text_index(s) != 0 || (body = front_read(s, pg)) == (size_t)-1 ||
	    scan_markdown(s, body) < 0)
		return NULL;
	return markdown_read(s, body, parser);
}

int page_tables(const char *text, size_t len, struct diag *d, page_table_fn *table, void *arg)
{
	struct src s = { .d = d };
	struct page front = { 0 };
	cmark_parser *parser;
	cmark_node *doc;
	int n = -1;

	if ((doc = page_document(&s, text, len, &front, &parser))) {
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;

		for (n = 0; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
			cmark_node *t = cmark_iter_get_node(it), *header = cmark_node_first_child(t);

			if (ev == CMARK_EVENT_ENTER && markdown_type_is(t, "table") && header &&
			    cmark_gfm_extensions_get_table_row_is_header(header))
				n += table(&s, header, arg);
		}
		cmark_iter_free(it);
		cmark_node_free(doc);
		cmark_parser_free(parser);
	}
	free(front.title);
	free(front.date);
	free(s.line);
	return n;
}

int page_parse(struct page *pg, const char *text, size_t len, struct diag *d)
{
	struct src s = { .d = d };
	unsigned errors = d->errors;
	cmark_parser *parser;
	cmark_node *doc;

	memset(pg, 0, sizeof *pg);
	if ((doc = page_document(&s, text, len, pg, &parser))) {
		parse_markdown(&s, pg, doc);
		cmark_node_free(doc);
		cmark_parser_free(parser);
	}
	if (!pg->title)
		pg->title = xmemdup("", 0);
	if (!pg->date)
		pg->date = xmemdup("", 0);
	free(s.line);
	return d->errors == errors ? 0 : -1;
}

/*
 * The markdown (from offset body): measured, read by cmark-gfm and walked
 * into pg's rooms; a page without a room table, or without a
 * room, is an error.  Returns 0, or -1 if an error was reported.
 */
static int parse_markdown(const struct src *s, struct page *pg, cmark_node *doc)
{
	struct table_state ts = { 0 };
	int tables = 0;

	walk(s, &ts, pg, doc, &tables);
	if (!tables) {
		diag_error(s->d, 1, 0, "no room table: no table has a header with "
		           "'Name' and 'Link' columns");
		if (ts.half_table)
			diag_note(s->d, ts.half_table, 1, "this table has no '%s' column",
			          ts.half_missing);
		return -1;
	}
	if (pg->n == 0 && s->d->errors == 0) {
		diag_error(s->d, 1, 0, "no room: no row of a room table has a "
		           LINK_PREFIX " link");
		return -1;
	}
	return 0;
}

void page_free(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		struct room *c = &pg->rooms[i];

		free(c->section);
		free(c->name);
		free(c->purpose);
		free(c->url);
		free(c->alias);
	}
	for (size_t g = 0; g < pg->ngroups; g++)
		charter_free_group(&pg->groups[g]), free(pg->groups[g].topic);
	if (pg->charters)
		charter_free(pg->charters);
	free(pg->charters);
	free(pg->rooms);
	free(pg->groups);
	free(pg->title);
	free(pg->date);
	memset(pg, 0, sizeof *pg);
}

void page_cleanup(void)
{
	markdown_cleanup();
}

/* ---- Plain text of inlines -------------------------------------------- */



/* ---- Headers ---------------------------------------------------------- */

/* Column indices of the header's Name, Link and Purpose cells (-1: none). */
struct columns { int name, link, purpose, count; };

/*
 * Is cp a space other than ASCII's, or an invisible character: what can
 * stand unseen beside a header's word?
 */
static int is_unseen(uint32_t cp)
{
	return cp == 0xa0 || cp == 0xad || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x3000 || cp == 0xfeff;
}

/*
 * t without the characters is_unseen() finds (to free); the first of them
 * in *first, 0 if there is none.
 */
static char *without_unseen(const char *t, uint32_t *first)
{
	size_t n = strlen(t), len = 0;
	char *out = xmalloc(n + 1);

	*first = 0;
	for (size_t i = 0, k; i < n; i += k) {
		uint32_t cp = 0;

		k = utf8_decode(t + i, n - i, &cp);
		if (!k)
			k = 1, cp = (unsigned char)t[i];
		if (is_unseen(cp) && !*first)
			*first = cp;
		if (!is_unseen(cp)) {
			memcpy(out + len, t + i, k);
			len += k;
		}
	}
	out[len] = '\0';
	return out;
}

/*
 * The line of a table's header row: the one above its delimiter row, which
 * is above its first row (or its last line).  cmark-gfm gives a header the
 * position of the paragraph it was split from, when glued to one.
 */
static unsigned header_line(const struct src *s, cmark_node *header)
{
	cmark_node *row = cmark_node_next(header);
	int delimiter = row ? cmark_node_get_start_line(row) - 1
	              : cmark_node_get_end_line(cmark_node_parent(header));

	if (delimiter < 2 || (size_t)delimiter > s->nlines)
		return 1;
	return (unsigned)delimiter - 1;
}

/* Column of the first byte of line that is not a space, a tab or a '>'. */
static unsigned first_col(const struct src *s, unsigned line)
{
	size_t start = s->line[line - 1], i = start, end = text_line_end(s->text, s->len, start);

	while (i < end && (s->text[i] == ' ' || s->text[i] == '\t' || s->text[i] == '>'))
		i++;
	return (unsigned)(i - start) + 1;
}

/* Column of the first word w (ASCII case ignored) on line, or 0. */
static unsigned word_col(const struct src *s, unsigned line, const char *w)
{
	size_t start = s->line[line - 1], end = text_line_end(s->text, s->len, start);

	for (size_t i = start; i + strlen(w) <= end; i++)
		if (key_strn_equal(s->text + i, w, strlen(w)))
			return (unsigned)(i - start) + 1;
	return 0;
}

/* Is the NUL-terminated t the word w, ignoring ASCII case? */
static int word_is(const char *t, const char *w)
{
	return strlen(t) == strlen(w) && key_strn_equal(t, w, strlen(w));
}

/*
 * The header's columns.  A cell that reads Name, Link or Purpose but for a
 * space or invisible character other than ASCII's ("Name" and a no-break
 * space) is an error, which names the character; it still counts as that
 * column, so that nothing else is reported about the table.
 */
static struct columns header_columns(const struct src *s, cmark_node *header)
{
	static const char *const words[] = { "Name", "Link", "Purpose" };
	struct columns c = { -1, -1, -1, 0 };
	int k = 0;

	for (cmark_node *cell = cmark_node_first_child(header); cell;
	     cell = cmark_node_next(cell), k++, c.count++) {
		char *t = markdown_text(cell), *bare, code[64];
		int *slots[] = { &c.name, &c.link, &c.purpose }, w;
		uint32_t unseen;

		for (w = 0; w < 3 && !word_is(t, words[w]); w++)
			;
		if (w == 3 && (bare = without_unseen(t, &unseen))) {
			for (w = 0; w < 3 && !(unseen && word_is(bare, words[w])); w++)
				;
			if (w < 3)
				diag_error(s->d, header_line(s, header),
				           word_col(s, header_line(s, header), words[w]), "header cell "
				           "'%s' holds %s, which is not a plain space: write the word alone "
				           "to make it the %s column", words[w],
				           text_char_code(unseen, code, sizeof code), words[w]);
			free(bare);
		}
		if (w < 3 && *slots[w] < 0)
			*slots[w] = k;
		free(t);
	}
	return c;
}

/* ---- Cells ------------------------------------------------------------ */




/* ---- Room links ------------------------------------------------------- */

enum { NOT_MATRIX, MATRIX_TO, MATRIX_URI };

/*
 * Is url a link into Matrix: a matrix.to link (https://matrix.to/#/...,
 * http too, in any letter case) or a matrix: URI (MSC2312: matrix:r/...)?
 * Returns MATRIX_TO or MATRIX_URI with what follows "#/" or "matrix:" in
 * *rest (if rest is not NULL), or NOT_MATRIX.
 */
static int matrix_url(const char *url, const char **rest)
{
	static const char *const to[] = { "https://matrix.to/#/", "http://matrix.to/#/" };
	size_t n = strlen(url);

	for (size_t i = 0; i < 2; i++)
		if (n >= strlen(to[i]) && key_strn_equal(url, to[i], strlen(to[i]))) {
			if (rest)
				*rest = url + strlen(to[i]);
			return MATRIX_TO;
		}
	if (n >= 7 && key_strn_equal(url, "matrix:", 7)) {
		if (rest)
			*rest = url + 7;
		return MATRIX_URI;
	}
	return NOT_MATRIX;
}

/*
 * Reads the room link url into ch->url and ch->alias (and ch->lplen), or
 * reports what it is instead and returns -1.  A matrix.to link spelt
 * otherwise than LINK_PREFIX, and a matrix:r/ URI, name their room like
 * the link https://matrix.to/#/ + their fragment (or "#" + their alias),
 * which ch->url then holds: the command shows it, and looks it up.
 */
static int read_link(const struct src *s, struct room *ch, const char *url)
{
	const char *rest, *why, *lp, *srv, *slash;
	size_t n, len = strlen(url), at, srvlen;
	char fault[128], *link, *alias;

	if (utf8_check_visible(url, len, NULL, &at) != UTF8_OK) {
		diag_error(s->d, ch->line, ch->link_col, "link has %s%s",
		           text_char_fault(url + at, len - at, 1, fault, sizeof fault),
		           utf8_check(url, len, NULL, NULL) ? " (written as an entity)" : "");
		return -1;
	}
	if (matrix_url(url, &rest) == MATRIX_URI) {
		if (rest[0] == 'u' && rest[1] == '/')
			why = "names a user, not a room";
		else if (!strncmp(rest, "roomid/", 7))
			why = "names a room by its ID, not by an alias (#localpart:server)";
		else if (rest[0] != 'r' || rest[1] != '/')
			why = "is not a matrix:r/ URI of a room alias";
		else
			why = NULL;
		if (why) {
			diag_error(s->d, ch->line, ch->link_col, "link '%s' %s", url, why);
			return -1;
		}
		link = xmalloc(LINK_PREFIX_LEN + strlen(rest + 2) + 2);
		sprintf(link, "%s#%s", LINK_PREFIX, rest + 2);
	} else {
		link = xmalloc(LINK_PREFIX_LEN + strlen(rest) + 1);
		sprintf(link, "%s%s", LINK_PREFIX, rest);
	}
	/* Decoding never lengthens: LINK_BAD can only mean a bad escape. */
	alias = xmalloc(strlen(link));
	n = link_decode(link + LINK_PREFIX_LEN, strlen(link) - LINK_PREFIX_LEN, alias, strlen(link));
	why = n == LINK_BAD ? "has a malformed %-escape" : NULL;
	/* A permalink: #room:server/$event, matrix:r/room:server/e/event. */
	srv = n == LINK_BAD ? NULL : memchr(alias, ':', n);
	slash = srv ? memchr(srv, '/', n - (size_t)(srv - alias)) : NULL;
	if (!why && slash && !alias_check(alias, (size_t)(slash - alias))) {
		diag_error(s->d, ch->line, ch->link_col, "link '%s' links to an event in the room "
		           "%.*s, not to the room: link the room, %s%.*s", url,
		           (int)(slash - alias), alias, LINK_PREFIX, (int)(slash - alias), alias);
		why = ""; /* reported */
	} else if (!why && n && (alias[0] == '@' || alias[0] == '!')) {
		diag_error(s->d, ch->line, ch->link_col, "link '%s' %s", url, alias[0] == '@'
		           ? "names a user, not a room"
		           : "names a room by its ID, not by an alias (#localpart:server)");
		why = ""; /* reported */
	} else if (!why && (why = alias_check(alias, n)) == NULL) {
		link_split(alias, n, &lp, &ch->lplen, &srv, &srvlen);
		ch->alias = xmemdup(alias, n);
		ch->url = xmemdup(link, strlen(link)); /* the page's, if spelt LINK_PREFIX */
	}
	if (why && *why) /* "": reported above */
		diag_error(s->d, ch->line, ch->link_col, "link '%s' does not name a room alias "
		           "(#localpart:server): the alias %s", url, why);
	free(alias);
	free(link);
	return why ? -1 : 0;
}

/*
 * The first link in cell into Matrix (matrix_url(); NULL if none); the
 * second such link, if any, in *second.
 */
static cmark_node *matrix_link(cmark_node *cell, cmark_node **second)
{
	cmark_iter *it = cmark_iter_new(cell);
	cmark_node *found = NULL;
	cmark_event_type ev;

	*second = NULL;
	while (!*second && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *url;

		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK &&
		    (url = cmark_node_get_url(n)) && matrix_url(url, NULL)) {
			if (found)
				*second = n;
			else
				found = n;
		}
	}
	cmark_iter_free(it);
	return found;
}

/* Column of node if it starts on line, else fallback (autolinks have none). */
static unsigned node_col(cmark_node *n, unsigned line, unsigned fallback)
{
	int col = cmark_node_get_start_column(n);

	return cmark_node_get_start_line(n) == (int)line && col > 0 ? (unsigned)col : fallback;
}

/* ---- Rows and tables -------------------------------------------------- */

/* Reads one row of a room table into a new room, or skips it. */
static void read_row(const struct src *s, struct table_state *ts, struct page *pg,
                     cmark_node *row, const struct columns *c, const char *section)
{
	struct room ch = { 0 };
	cmark_node *name = markdown_nth_child(row, c->name), *link = markdown_nth_child(row, c->link);
	cmark_node *purpose = markdown_nth_child(row, c->purpose), *a, *second;
	char *text;

	ch.line = (unsigned)cmark_node_get_start_line(row);
	ch.name_col = markdown_cell_col(s, name);
	ch.purpose_col = purpose ? markdown_cell_col(s, purpose) : 0;
	ch.link_col = markdown_cell_col(s, link);
	markdown_check_extra_cells(s, row, (size_t)c->count);
	if (!link || !(a = matrix_link(link, &second))) {
		diag_warning(s->d, "no-link", ch.line, ch.link_col,
		             "row has no " LINK_PREFIX " link in its Link cell: skipped");
		return;
	}
	ch.link_col = node_col(a, ch.line, ch.link_col);
	if (second)
		diag_warning(s->d, "many-links", ch.line, node_col(second, ch.line, ch.link_col),
		             "Link cell has more than one " LINK_PREFIX " link: the first is used");
	if (pg->n == PAGE_MAX_ROOMS) {
		if (!ts->full++)
			diag_error(s->d, ch.line, 0, "more than %u rooms: over the limit "
			           "of a page", PAGE_MAX_ROOMS);
		return;
	}
	if (read_link(s, &ch, cmark_node_get_url(a)) < 0)
		return;
	/* Link text that reads as an alias should be the alias linked to. */
	text = markdown_text(a);
	if (text[0] == '#' && !alias_check(text, strlen(text)) && strcmp(text, ch.alias))
		diag_warning(s->d, "link-text", ch.line, ch.link_col, "link text '%s' is not "
		             "the alias it links to, '%s'", text, ch.alias);
	free(text);
	for (const char *c = ch.alias; *c; c++)
		if ((unsigned char)*c >= 0x80) {
			diag_warning(s->d, "non-ascii-alias", ch.line, ch.link_col, "alias '%s' has "
			             "characters outside ASCII: letters of another script can look "
			             "like those of a room it would impersonate", ch.alias);
			break;
		}
	ch.name = markdown_cell_text(s, name, "cell", ch.line, ch.name_col);
	ch.purpose = markdown_cell_text(s, purpose, "cell", ch.line, ch.purpose_col);
	if (!ch.name || !ch.purpose) { /* reported: the row goes no further */
		free(ch.name);
		free(ch.purpose);
		free(ch.url);
		free(ch.alias);
		return;
	}
	if (!ch.name[0])
		diag_warning(s->d, "empty-name", ch.line, ch.name_col,
		             "row has an empty Name: it cannot be found by name");
	else if (link_has_prefix(ch.name, strlen(ch.name), 1)) /* no key: gen/room.c */
		diag_warning(s->d, "empty-name", ch.line, ch.name_col, "name '%s' is a matrix.to "
		             "link, and a query that is one is read as the room it links to: this "
		             "room cannot be found by name", ch.name);
	ch.section = xmemdup(section, strlen(section));
	pg->rooms = xgrow(pg->rooms, &ts->cap, pg->n + 1, sizeof *pg->rooms);
	pg->rooms[pg->n++] = ch;
}

/*
 * Reads a table: returns 1 if it is a room table, else 0 (remembering the
 * first table that has a Name or a Link column but not both).
 */
static int read_table(const struct src *s, struct table_state *ts, struct page *pg,
                      cmark_node *table, const char *section)
{
	cmark_node *header = cmark_node_first_child(table);
	unsigned line;
	struct columns c;

	if (!header || !cmark_gfm_extensions_get_table_row_is_header(header))
		return 0;
	line = header_line(s, header);
	c = header_columns(s, header);
	if (c.name < 0 || c.link < 0) {
		if ((c.name >= 0 || c.link >= 0) && !ts->half_table) {
			ts->half_table = line;
			ts->half_missing = c.name < 0 ? "Name" : "Link";
		}
		return 0;
	}
	/* Its Link column, for stray_link(): 1 + its index. */
	cmark_node_set_user_data(table, (void *)(uintptr_t)(c.link + 1));
	if (!cmark_node_next(header))
		diag_warning(s->d, "empty-table", line, first_col(s, line), "room table has no rows");
	for (cmark_node *row = cmark_node_next(header); row; row = cmark_node_next(row))
		read_row(s, ts, pg, row, &c, section);
	return 1;
}

/* ---- Stray room links ------------------------------------------------- */

/*
 * Does r start a room's reference: r follows "matrix.to/#/" (uri 0) and
 * starts with '#' or '!' (or their escapes), or follows "matrix:" (uri 1)
 * and starts with "r/" or "roomid/", in any letter case?  (Users and other
 * targets are not rooms to lose.)
 */
static int names_room(const char *r, int uri)
{
	if (uri)
		return key_strn_equal(r, "r/", 2) || key_strn_equal(r, "roomid/", 7);
	return *r == '#' || *r == '!' || key_strn_equal(r, "%23", 3) || key_strn_equal(r, "%21", 3);
}

/* Does the link destination t point to a room (names_room())? */
static int links_room(const char *t)
{
	const char *rest;
	int kind = matrix_url(t, &rest);

	return kind != NOT_MATRIX && names_room(rest, kind == MATRIX_URI);
}

/*
 * The first room reference in the text t written without a link (code, a
 * row cut off its table): "matrix.to/#/" or "matrix:" and a room
 * (names_room()).  Returns a pointer into t, or NULL.
 */
static const char *room_in_text(const char *t)
{
	for (const char *p = t; *p; p++)
		if ((key_strn_equal(p, "matrix.to/#/", 12) && names_room(p + 12, 0)) ||
		    (key_strn_equal(p, "matrix:", 7) && names_room(p + 7, 1)))
			return p;
	return NULL;
}

/* Is node n inside the Link cell of a row (not the header) of a room table? */
static int in_link_cell(cmark_node *n)
{
	cmark_node *cell = n, *row, *table;
	int k = 0;

	while (cell && !markdown_type_is(cell, "table_cell"))
		cell = cmark_node_parent(cell);
	row = cell ? cmark_node_parent(cell) : NULL;
	table = row ? cmark_node_parent(row) : NULL;
	if (!table || cmark_gfm_extensions_get_table_row_is_header(row) ||
	    !cmark_node_get_user_data(table))
		return 0;
	for (cmark_node *c = cmark_node_first_child(row); c && c != cell; c = cmark_node_next(c))
		k++;
	return (uintptr_t)cmark_node_get_user_data(table) == (uintptr_t)k + 1;
}

/* The block (not inline) node n is in, or n. */
static cmark_node *block_of(cmark_node *n)
{
	while (cmark_node_parent(n) && (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) ==
	                               CMARK_NODE_TYPE_INLINE)
		n = cmark_node_parent(n);
	return n;
}

/* Offset of the first "matrix" at or after from and before end, or end. */
static size_t find_matrix(const struct src *s, size_t from, size_t end)
{
	for (size_t i = from; i + 6 <= end; i++)
		if (key_strn_equal(s->text + i, "matrix", 6))
			return i;
	return end;
}

/*
 * Where on the page the stray reference in node n is: n's own position if
 * cmark-gfm gave it one (links written [text](url)); else the next "matrix"
 * on the lines of n's block after *cursor (the last one reported: text
 * nodes and autolinks have no position of their own); else the start of the
 * block.  Advances *cursor past what it found.
 */
static void stray_position(const struct src *s, cmark_node *n, size_t *cursor,
                           unsigned *line, unsigned *col)
{
	cmark_node *b = block_of(n);
	int first = cmark_node_get_start_line(b), last = cmark_node_get_end_line(b);
	size_t start, end, at;

	if (first < 1 || (size_t)first > s->nlines)
		first = 1;
	if (last < first || (size_t)last > s->nlines)
		last = first;
	start = s->line[first - 1];
	end = (size_t)last < s->nlines ? s->line[last] : s->len;
	if (cmark_node_get_type(n) == CMARK_NODE_LINK && cmark_node_get_start_line(n) > 0 &&
	    cmark_node_get_start_column(n) > 0 && (size_t)cmark_node_get_start_line(n) <= s->nlines) {
		*line = (unsigned)cmark_node_get_start_line(n);
		*col = (unsigned)cmark_node_get_start_column(n);
		at = s->line[*line - 1] + *col - 1;
		if (at <= text_line_end(s->text, s->len, s->line[*line - 1])) { /* in its line */
			*cursor = find_matrix(s, at > *cursor ? at : *cursor, end) + 1;
			return;
		}
	}
	at = find_matrix(s, *cursor > start ? *cursor : start, end);
	if (at == end) {
		at = start + (size_t)(cmark_node_get_start_column(b) > 0
		                      ? cmark_node_get_start_column(b) - 1 : 0);
	} else {
		*cursor = at + 1;
		/* Point at the link's start, its scheme. */
		if (at >= start + 8 && key_strn_equal(s->text + at - 8, "https://", 8))
			at -= 8;
		else if (at >= start + 7 && key_strn_equal(s->text + at - 7, "http://", 7))
			at -= 7;
	}
	text_position(s, at, line, col);
}

/* Does the line at line look like a table row: its text starts with '|'? */
static int looks_like_row(const struct src *s, unsigned line)
{
	size_t i = s->line[line - 1];

	while (i < s->len && (s->text[i] == ' ' || s->text[i] == '\t' || s->text[i] == '>'))
		i++;
	return i < s->len && s->text[i] == '|';
}

/*
 * Warns about a room linked, or written, outside the Link column of a
 * room table (stray-link): its room is not read.  Most often a row cut
 * off its table: a blank line, an indented row or a heading line ends a
 * GFM table, and the rows after it become a paragraph or code.
 */
static void stray_link(const struct src *s, cmark_node *n, size_t *cursor)
{
	unsigned line, col;

	stray_position(s, n, cursor, &line, &col);
	if (!block_of(n) || markdown_type_is(block_of(n), "table_cell") || !looks_like_row(s, line))
		diag_warning(s->d, "stray-link", line, col, "link to a room outside the Link "
		             "column of a room table: the room is not read");
	else
		diag_warning(s->d, "stray-link", line, col, "link to a room on a line that looks "
		             "like a table row but is not in a table (a blank line, an indented "
		             "row or a heading line ends a table): the room is not read");
}

/*
 * Checks node n for stray room links (stray_link()): a link into a room,
 * or text or code that names one.  Returns 1 if n is a link (its text
 * needs no check of its own).
 */
static int check_stray(const struct src *s, cmark_node *n, size_t *cursor)
{
	const char *t;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LINK:
		t = cmark_node_get_url(n);
		if (t && links_room(t) && !in_link_cell(n))
			stray_link(s, n, cursor);
		return 1;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		for (t = cmark_node_get_literal(n); t && (t = room_in_text(t)); t++)
			if (!in_link_cell(n))
				stray_link(s, n, cursor);
		return 0;
	default:
		return 0;
	}
}

/* ---- The walk --------------------------------------------------------- */

/*
 * Walks the document: checks each node for stray room links, keeps the
 * text of the last heading as the section of the rows below it, and reads
 * each table, adding the room tables to *tables.
 */
static void walk(const struct src *s, struct table_state *ts, struct page *pg, cmark_node *doc,
                 int *tables)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *section = xmemdup("", 0);
	size_t cursor = 0; /* of stray_position() */

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (check_stray(s, n, &cursor))
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT); /* skip the link's text */
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			unsigned line = (unsigned)cmark_node_get_start_line(n);

			free(section);
			section = markdown_cell_text(s, n, "heading", line,
			                    (unsigned)cmark_node_get_start_column(n));
			if (!section)
				section = xmemdup("", 0);
		} else if (markdown_type_is(n, "table")) {
			*tables += read_table(s, ts, pg, n, section);
			if (!pg->general) /* the first room table with rooms */
				pg->general = pg->n;
		}
	}
	cmark_iter_free(it);
	free(section);
}
