/* page.c - the page model (see page.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <yaml.h>

/* Exported by libcmark-gfm, declared only in its internal registry.h. */
void cmark_release_plugins(void);

#include "alias.h"
#include "link.h"
#include "mem.h"
#include "page.h"
#include "utf8.h"

/* The text being read, and where each of its lines starts. */
struct src {
	const char *text;
	size_t len;
	size_t *line;   /* line[k] is the offset of line k + 1 */
	size_t nlines;
	struct diag *d;
	size_t cap;     /* of page.ch */
	unsigned full;  /* rows found over PAGE_MAX_CHANNELS */
	unsigned half_table;      /* line of a table with Name or Link, not both */
	const char *half_missing; /* the column it lacks */
};

/* Line endings as CommonMark counts them: LF, CRLF or CR. */
static size_t line_end(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

static size_t next_line(const char *s, size_t n, size_t i)
{
	i = line_end(s, n, i);
	if (i + 1 < n && s[i] == '\r' && s[i + 1] == '\n')
		return i + 2;
	return i < n ? i + 1 : i;
}

static void index_lines(struct src *s)
{
	size_t cap = 0;

	for (size_t i = 0;;) {
		s->line = xgrow(s->line, &cap, s->nlines + 1, sizeof *s->line);
		s->line[s->nlines++] = i;
		if (i >= s->len)
			break;
		i = next_line(s->text, s->len, i);
		if (i >= s->len)
			break;
	}
}

/* Line and column (from 1) of byte offset off. */
static void position(const struct src *s, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = s->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->line[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)(off - s->line[lo]) + 1;
}

/* Checks that the page is UTF-8 text with no control characters. */
static int check_text(const struct src *s)
{
	size_t at;
	unsigned line, col;
	int fault = utf8_check(s->text, s->len, "\t\n\r", &at);

	if (fault == UTF8_OK)
		return 0;
	position(s, at, &line, &col);
	if (fault == UTF8_INVALID)
		diag_error(s->d, line, col, "invalid UTF-8 (byte 0x%02x): the page must be "
		           "UTF-8 text", (unsigned char)s->text[at]);
	else if (s->text[at] == '\0')
		diag_error(s->d, line, col, "NUL byte: the page must be UTF-8 text");
	else
		diag_error(s->d, line, col, "control character (byte 0x%02x): the page must be "
		           "text without control characters but tabs", (unsigned char)s->text[at]);
	return -1;
}

/* ---- Front matter ---------------------------------------------------- */

/* Does the line at offset i hold exactly "---"? */
static int is_fence(const struct src *s, size_t i)
{
	return s->len - i >= 3 && memcmp(s->text + i, "---", 3) == 0 &&
	       line_end(s->text, s->len, i) == i + 3;
}

static char *normalize(const char *t, size_t n);

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
 * Reads the YAML mapping (n bytes at yaml, whose first line is the page's
 * line first) and keeps its title and date.  libyaml's events carry no
 * key/value roles: at the top mapping's depth, keys and values alternate.
 */
static int front_matter(const struct src *s, struct page *pg, const char *yaml,
                        size_t n, unsigned first)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, rc = 0, is_value = 0;
	char **dest = NULL;     /* where the current key's value goes */
	struct { char *key; unsigned line, col; } *keys = NULL;
	size_t nkeys = 0, cap = 0;

	if (!yaml_parser_initialize(&p)) {
		diag_error(s->d, first, 0, "cannot start the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)yaml, n);
	while (rc == 0) {
		unsigned line, col;
		const char *k;

		if (!yaml_parser_parse(&p, &ev)) {
			yaml_fail(s, &p, first);
			rc = -1;
			break;
		}
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		line = first + (unsigned)ev.start_mark.line;
		col = (unsigned)ev.start_mark.column + 1;
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if (depth == 0 && ev.type != YAML_MAPPING_START_EVENT) {
				diag_error(s->d, line, col, "front matter is not a mapping of keys to values");
				rc = -1;
			} else if (depth == 1 && !is_value) {
				k = ev.type == YAML_SCALAR_EVENT ? (const char *)ev.data.scalar.value : NULL;
				if (!k) {
					diag_error(s->d, line, col, "front matter has a key that is not a string");
					rc = -1;
					break;
				}
				/* YAML escapes ("\n", "\0") can make what the page may not hold. */
				if (utf8_check(k, ev.data.scalar.length, NULL, NULL) != UTF8_OK) {
					diag_error(s->d, line, col, "front matter has a key with a control "
					           "character (written as a YAML escape)");
					rc = -1;
					break;
				}
				for (size_t i = 0; i < nkeys && rc == 0; i++)
					if (strcmp(keys[i].key, k) == 0) {
						diag_error(s->d, line, col, "front matter has the key '%s' twice", k);
						diag_note(s->d, keys[i].line, keys[i].col, "'%s' first set here", k);
						rc = -1;
					}
				keys = xgrow(keys, &cap, nkeys + 1, sizeof *keys);
				keys[nkeys].key = xmemdup(k, strlen(k));
				keys[nkeys].line = line;
				keys[nkeys++].col = col;
				dest = !strcmp(k, "title") ? &pg->title : !strcmp(k, "date") ? &pg->date : NULL;
				is_value = 1;
			} else if (depth == 1) {
				if (dest && ev.type != YAML_SCALAR_EVENT) {
					diag_error(s->d, line, col, "front matter: '%s' is not a string",
					           keys[nkeys - 1].key);
					rc = -1;
				} else if (dest && utf8_check((const char *)ev.data.scalar.value,
				                              ev.data.scalar.length, "\t\n\v\f\r",
				                              NULL) != UTF8_OK) {
					diag_error(s->d, line, col, "front matter: '%s' has a control "
					           "character (written as a YAML escape)", keys[nkeys - 1].key);
					rc = -1;
				} else if (dest) {
					*dest = normalize((const char *)ev.data.scalar.value,
					                  ev.data.scalar.length);
					if (strlen(*dest) > PAGE_MAX_CELL) {
						diag_error(s->d, line, col, "front matter: '%s' is %zu bytes, "
						           "over the limit of %u", keys[nkeys - 1].key,
						           strlen(*dest), PAGE_MAX_CELL);
						rc = -1;
					}
				}
				is_value = 0;
			}
			if (ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_SEQUENCE_START_EVENT)
				depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i].key);
	free(keys);
	return rc;
}

/*
 * Finds the front matter at the start of the page and reads it.  Returns
 * the offset where the markdown starts (0 if there is no front matter), or
 * (size_t)-1 on error.
 */
static size_t split_front_matter(const struct src *s, struct page *pg)
{
	size_t body, close;

	if (!is_fence(s, 0))
		return 0;
	body = next_line(s->text, s->len, 0);
	for (close = body; close < s->len; close = next_line(s->text, s->len, close))
		if (is_fence(s, close))
			break;
	if (close >= s->len) {
		diag_error(s->d, 1, 1, "front matter opened here is never closed "
		           "(no line '---' after it)");
		return (size_t)-1;
	}
	if (front_matter(s, pg, s->text + body, close - body, 2) < 0)
		return (size_t)-1;
	return next_line(s->text, s->len, close);
}

/* ---- Plain text of inlines ------------------------------------------- */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A copy of t (n bytes) with whitespace runs collapsed to one space, trimmed. */
static char *normalize(const char *t, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t len = 0;
	int space = 0;

	for (size_t i = 0; i < n; i++) {
		if (is_space((unsigned char)t[i])) {
			space = len > 0;
			continue;
		}
		if (space)
			out[len++] = ' ';
		space = 0;
		out[len++] = t[i];
	}
	out[len] = '\0';
	return out;
}

/*
 * The plain text of node's inlines: text and code literals, breaks as
 * spaces, markup flattened to its text, raw HTML dropped.
 */
static char *plain_text(cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	char *raw = NULL, *out;
	size_t len = 0, cap = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit = NULL;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			lit = " ";
			break;
		default:
			break;
		}
		if (lit) {
			size_t l = strlen(lit);

			raw = xgrow(raw, &cap, len + l + 1, 1);
			memcpy(raw + len, lit, l);
			len += l;
		}
	}
	cmark_iter_free(it);
	out = normalize(raw ? raw : "", len);
	free(raw);
	return out;
}

/* ---- Tables ----------------------------------------------------------- */

static int type_is(cmark_node *n, const char *type)
{
	const char *t = cmark_node_get_type_string(n);

	return t && strcmp(t, type) == 0;
}

/* Column of the first non-blank byte of a cell (0 if cmark padded it). */
static unsigned cell_col(const struct src *s, cmark_node *cell)
{
	int line = cell ? cmark_node_get_start_line(cell) : 0;
	int col = cmark_node_get_start_column(cell);
	int last = cmark_node_get_end_column(cell);
	size_t i, end;

	if (line < 1 || col < 1 || (size_t)line > s->nlines)
		return 0;
	i = s->line[line - 1] + (size_t)col - 1;
	end = line_end(s->text, s->len, s->line[line - 1]);
	if (cmark_node_get_end_line(cell) == line && last >= col &&
	    s->line[line - 1] + (size_t)last < end)
		end = s->line[line - 1] + (size_t)last; /* the cell's last byte */
	while (i + 1 < end && (s->text[i] == ' ' || s->text[i] == '\t'))
		i++;
	return (unsigned)(i - s->line[line - 1]) + 1;
}

static cmark_node *nth_child(cmark_node *n, int k)
{
	cmark_node *c = k >= 0 ? cmark_node_first_child(n) : NULL;

	while (c && k-- > 0)
		c = cmark_node_next(c);
	return c;
}

/*
 * The plain text of a cell or heading (what) at line:col, "" if node is
 * NULL, checked: for text over PAGE_MAX_CELL bytes or with a control
 * character (which only an entity such as &#7; can bring), an error is
 * reported and NULL returned, so that the text goes nowhere else (into
 * another diagnostic, say).
 */
static char *cell_text(const struct src *s, cmark_node *node, const char *what,
                       unsigned line, unsigned col)
{
	char *t = node ? plain_text(node) : xmemdup("", 0);
	size_t len = strlen(t), at;
	uint32_t cp;

	if (len > PAGE_MAX_CELL)
		diag_error(s->d, line, col, "%s text is %zu bytes, over the limit of %u",
		           what, len, PAGE_MAX_CELL);
	else if (utf8_check(t, len, NULL, &at) != UTF8_OK && utf8_decode(t + at, len - at, &cp))
		diag_error(s->d, line, col, "control character U+%04X in %s", (unsigned)cp, what);
	else
		return t;
	free(t);
	return NULL;
}

/* Is the NUL-terminated t the word w (lower case), ignoring ASCII case? */
static int word_is(const char *t, const char *w)
{
	return strlen(t) == strlen(w) && key_eq_fold(t, w, strlen(w));
}

/*
 * The first link in cell whose destination starts with LINK_PREFIX (NULL
 * if none); the second such link, if any, in *second.
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
		    (url = cmark_node_get_url(n)) && link_has_prefix(url, strlen(url), 0)) {
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

/*
 * Warns about a row with more cells than its table's header: cmark-gfm drops
 * the extra cells silently, so look in the source line for text after the
 * pipe that ends the last cell it kept (cmark-gfm has split the row: this
 * only looks past its end).
 */
static void check_extra_cells(const struct src *s, cmark_node *row, size_t ncols)
{
	cmark_node *last = NULL;
	int line = cmark_node_get_start_line(row);
	size_t i, end;

	for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c))
		if (cmark_node_get_start_line(c) > 0) /* padded cells have no position */
			last = c;
	if (!last || line < 1 || (size_t)line > s->nlines || cmark_node_get_end_line(last) != line)
		return;
	i = s->line[line - 1] + (size_t)cmark_node_get_end_column(last);
	end = line_end(s->text, s->len, s->line[line - 1]);
	/* Empty cells lose nothing: only text after them is dropped. */
	while (i < end && (s->text[i] == '|' || s->text[i] == ' ' || s->text[i] == '\t'))
		i++;
	if (i < end)
		diag_warning(s->d, "extra-cells", (unsigned)line, (unsigned)(i - s->line[line - 1]) + 1,
		             "row has more cells than the header's %zu: cmark-gfm ignores the rest",
		             ncols);
}

/* Column indices of the header's Name, Link and Purpose cells (-1: none). */
struct columns { int name, link, purpose, count; };

static struct columns header_columns(cmark_node *header)
{
	struct columns c = { -1, -1, -1, 0 };
	int k = 0;

	for (cmark_node *cell = cmark_node_first_child(header); cell;
	     cell = cmark_node_next(cell), k++, c.count++) {
		char *t = plain_text(cell);
		int *slot = word_is(t, "name") ? &c.name
		          : word_is(t, "link") ? &c.link
		          : word_is(t, "purpose") ? &c.purpose : NULL;

		if (slot && *slot < 0)
			*slot = k;
		free(t);
	}
	return c;
}

/* Reads one row of a channel table into a new channel, or skips it. */
static void read_row(struct src *s, struct page *pg, cmark_node *row,
                     const struct columns *c, const char *section)
{
	struct channel ch = { 0 };
	cmark_node *name = nth_child(row, c->name), *link = nth_child(row, c->link);
	cmark_node *purpose = nth_child(row, c->purpose), *a, *second;
	char *alias, *text;
	const char *why, *lp, *srv, *url;
	size_t n, srvlen;

	ch.line = (unsigned)cmark_node_get_start_line(row);
	ch.name_col = cell_col(s, name);
	ch.purpose_col = purpose ? cell_col(s, purpose) : 0;
	ch.link_col = cell_col(s, link);
	check_extra_cells(s, row, (size_t)c->count);
	if (!link || !(a = matrix_link(link, &second))) {
		diag_warning(s->d, "no-link", ch.line, ch.link_col,
		             "row has no " LINK_PREFIX " link in its Link cell: skipped");
		return;
	}
	ch.link_col = node_col(a, ch.line, ch.link_col);
	if (second)
		diag_warning(s->d, "many-links", ch.line, node_col(second, ch.line, ch.link_col),
		             "Link cell has more than one " LINK_PREFIX " link: the first is used");
	if (pg->n == PAGE_MAX_CHANNELS) {
		if (!s->full++)
			diag_error(s->d, ch.line, 0, "more than %u channels: over the limit "
			           "of a page", PAGE_MAX_CHANNELS);
		return;
	}
	url = cmark_node_get_url(a);
	if (utf8_check(url, strlen(url), NULL, NULL) != UTF8_OK) {
		diag_error(s->d, ch.line, ch.link_col, "link has a control character "
		           "(written as an entity)");
		return;
	}
	/* Decoding never lengthens: LINK_BAD can only mean a bad escape. */
	alias = xmalloc(strlen(url));
	n = link_decode(url + LINK_PREFIX_LEN, strlen(url) - LINK_PREFIX_LEN,
	                alias, strlen(url));
	why = n == LINK_BAD ? "has a malformed %-escape" : alias_check(alias, n);
	if (why) {
		diag_error(s->d, ch.line, ch.link_col, "link '%s' does not name a room alias "
		           "(#localpart:server): the alias %s", url, why);
		free(alias);
		return;
	}
	link_split(alias, n, &lp, &ch.lplen, &srv, &srvlen);
	ch.alias = xmemdup(alias, n);
	free(alias);
	/* Link text that reads as an alias should be the alias linked to. */
	text = plain_text(a);
	if (text[0] == '#' && !alias_check(text, strlen(text)) && strcmp(text, ch.alias))
		diag_warning(s->d, "link-text", ch.line, ch.link_col, "link text '%s' is not "
		             "the alias it links to, '%s'", text, ch.alias);
	free(text);
	ch.url = xmemdup(url, strlen(url));
	ch.name = cell_text(s, name, "cell", ch.line, ch.name_col);
	ch.purpose = cell_text(s, purpose, "cell", ch.line, ch.purpose_col);
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
	ch.section = xmemdup(section, strlen(section));
	pg->ch = xgrow(pg->ch, &s->cap, pg->n + 1, sizeof *pg->ch);
	pg->ch[pg->n++] = ch;
}

/*
 * Reads a table: returns 1 if it is a channel table, else 0 (remembering the
 * first table that has a Name or a Link column but not both).
 */
static int read_table(struct src *s, struct page *pg, cmark_node *table, const char *section)
{
	cmark_node *header = cmark_node_first_child(table);
	unsigned line = (unsigned)cmark_node_get_start_line(table);
	struct columns c;

	if (!header || !cmark_gfm_extensions_get_table_row_is_header(header))
		return 0;
	c = header_columns(header);
	if (c.name < 0 || c.link < 0) {
		if ((c.name >= 0 || c.link >= 0) && !s->half_table) {
			s->half_table = line;
			s->half_missing = c.name < 0 ? "Name" : "Link";
		}
		return 0;
	}
	if (!cmark_node_next(header))
		diag_warning(s->d, "empty-table", line, (unsigned)cmark_node_get_start_column(table),
		             "channel table has no rows");
	for (cmark_node *row = cmark_node_next(header); row; row = cmark_node_next(row))
		read_row(s, pg, row, &c, section);
	return 1;
}

/* ---- The page --------------------------------------------------------- */

static void walk(struct src *s, struct page *pg, cmark_node *doc, int *tables)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	char *section = xmemdup("", 0);

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			unsigned line = (unsigned)cmark_node_get_start_line(n);

			free(section);
			section = cell_text(s, n, "heading", line,
			                    (unsigned)cmark_node_get_start_column(n));
			if (!section)
				section = xmemdup("", 0);
		} else if (type_is(n, "table")) {
			*tables += read_table(s, pg, n, section);
		}
	}
	cmark_iter_free(it);
	free(section);
}

static int parse_markdown(struct src *s, struct page *pg, size_t body)
{
	static const char *const ext[] = { "table", "strikethrough", "autolink" };
	cmark_parser *p;
	cmark_node *doc;
	int tables = 0;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(ext[i]));
	/* The front matter's lines stay as blank lines: same line numbers. */
	for (size_t i = 0; i < body; i = next_line(s->text, s->len, i))
		cmark_parser_feed(p, "\n", 1);
	cmark_parser_feed(p, s->text + body, s->len - body);
	doc = cmark_parser_finish(p);
	walk(s, pg, doc, &tables);
	cmark_node_free(doc);
	cmark_parser_free(p);
	if (!tables) {
		diag_error(s->d, 1, 0, "no channel table: no table has a header with "
		           "'Name' and 'Link' columns");
		if (s->half_table)
			diag_note(s->d, s->half_table, 1, "this table has no '%s' column",
			          s->half_missing);
		return -1;
	}
	if (pg->n == 0 && s->d->errors == 0) {
		diag_error(s->d, 1, 0, "no channel: no row of a channel table has a "
		           LINK_PREFIX " link");
		return -1;
	}
	return 0;
}

int page_parse(struct page *pg, const char *text, size_t len, struct diag *d)
{
	struct src s = { .text = text, .len = len, .d = d };
	size_t body;
	unsigned errors = d->errors;

	memset(pg, 0, sizeof *pg);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		s.text += 3, s.len -= 3; /* a byte order mark: accepted, ignored */
	if (s.len == 0) {
		diag_error(d, 1, 0, "empty page");
		return -1;
	}
	if (len > PAGE_MAX_BYTES) {
		diag_error(d, 1, 0, "page is larger than the limit of %u bytes", PAGE_MAX_BYTES);
		return -1;
	}
	index_lines(&s);
	if (check_text(&s) == 0 && (body = split_front_matter(&s, pg)) != (size_t)-1)
		parse_markdown(&s, pg, body);
	if (!pg->title)
		pg->title = xmemdup("", 0);
	if (!pg->date)
		pg->date = xmemdup("", 0);
	free(s.line);
	return d->errors == errors ? 0 : -1;
}

void page_free(struct page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		struct channel *c = &pg->ch[i];

		free(c->section);
		free(c->name);
		free(c->purpose);
		free(c->url);
		free(c->alias);
	}
	for (size_t g = 0; g < pg->ngroups; g++)
		free(pg->groups[g].topic);
	free(pg->ch);
	free(pg->groups);
	free(pg->title);
	free(pg->date);
	memset(pg, 0, sizeof *pg);
}

void page_cleanup(void)
{
	cmark_release_plugins();
}
