/*
 * markdown.c - cmark-gfm reading the page's markdown, within a memory
 * budget.  Entry point: markdown_read() (see markdown.h).
 */
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

/* Exported by libcmark-gfm, declared only in its internal registry.h. */
void cmark_release_plugins(void);

#include "key.h"
#include "markdown.h"
#include "mem.h"
#include "page.h"
#include "utf8.h"

/*
 * cmark-gfm allocates through budget_mem: every block is counted, and
 * linked in a list, so that reading a page that would take more than
 * PAGE_MAX_PARSE_MEMORY stops (cmark-gfm itself aborts the process when
 * memory runs out) and all that cmark-gfm held is freed.  To stop, the
 * allocator jumps back to markdown_read() with longjmp(): cmark-gfm's frames
 * are left behind; none holds anything but memory from here.  One page is
 * read at a time: the generator, and its fuzz target, are single-threaded.
 */
union block {
	struct {
		union block *prev, *next;
		size_t size;
	} h;
	max_align_t align;
};

static struct {
	union block all;        /* the list of live blocks (a ring) */
	size_t used;            /* bytes cmark-gfm asked for, live */
	size_t max;             /* the most it may have */
	jmp_buf *out;           /* where to go past max; NULL: exit as xmalloc() */
} budget = { .all.h = { &budget.all, &budget.all, 0 }, .max = SIZE_MAX };

/* Leaves cmark-gfm for markdown_read(), or the process as xmalloc() does. */
static void budget_exceeded(void)
{
	if (budget.out)
		longjmp(*budget.out, 1);
	fputs("auxchan-gen: out of memory\n", stderr);
	exit(2);
}

static void *budget_link(union block *b, size_t size)
{
	if (!b)
		budget_exceeded();
	b->h.size = size;
	b->h.prev = &budget.all;
	b->h.next = budget.all.h.next;
	b->h.next->h.prev = b;
	budget.all.h.next = b;
	budget.used += size;
	return b + 1;
}

static void budget_unlink(union block *b)
{
	b->h.prev->h.next = b->h.next;
	b->h.next->h.prev = b->h.prev;
	budget.used -= b->h.size;
}

static void *budget_calloc(size_t n, size_t size)
{
	if (size && n > (SIZE_MAX - sizeof(union block)) / size)
		budget_exceeded();
	if (n * size > budget.max - budget.used)
		budget_exceeded();
	return budget_link(calloc(1, sizeof(union block) + n * size), n * size);
}

static void *budget_realloc(void *p, size_t size)
{
	union block *b = p ? (union block *)p - 1 : NULL, *grown;

	if (!b)
		return budget_calloc(1, size);
	if (size > SIZE_MAX - sizeof *b || size > budget.max - budget.used + b->h.size)
		budget_exceeded();
	budget_unlink(b);
	grown = realloc(b, sizeof *b + size);
	if (!grown) { /* b is still there: back in the list, to be freed */
		budget_link(b, b->h.size);
		budget_exceeded();
	}
	return budget_link(grown, size);
}

static void budget_free(void *p)
{
	if (p) {
		budget_unlink((union block *)p - 1);
		free((union block *)p - 1);
	}
}

/* Frees every block cmark-gfm left when it was stopped. */
static void budget_release(void)
{
	while (budget.all.h.next != &budget.all)
		budget_free(budget.all.h.next + 1);
}

static cmark_mem budget_mem = { budget_calloc, budget_realloc, budget_free };

cmark_node *markdown_read(const struct src *s, size_t body, cmark_parser **parser)
{
	static const char *const ext[] = { "table", "strikethrough", "autolink" };
	cmark_parser *volatile p = NULL;
	volatile int finishing = 0;
	cmark_node *doc;
	jmp_buf out;

	cmark_gfm_core_extensions_ensure_registered();
	if (setjmp(out)) {
		int line = p && !finishing ? cmark_parser_get_line_number(p) : 0;

		budget.out = NULL;
		budget.max = SIZE_MAX;
		budget_release();
		diag_error(s->d, line > 0 && (size_t)line <= s->nlines ? (unsigned)line : 1, 0,
		           "cmark-gfm needs more than %u MiB to read the page: over the limit",
		           PAGE_MAX_PARSE_MEMORY >> 20);
		return NULL;
	}
	budget.out = &out;
	budget.max = PAGE_MAX_PARSE_MEMORY;
	p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &budget_mem);
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(ext[i]));
	/* The front matter's lines stay as blank lines: same line numbers. */
	for (size_t i = 0; i < body; i = text_next_line(s->text, s->len, i))
		cmark_parser_feed(p, "\n", 1);
	cmark_parser_feed(p, s->text + body, s->len - body);
	finishing = 1;
	doc = cmark_parser_finish(p);
	/* What reads the document from here allocates little: no limit. */
	budget.out = NULL;
	budget.max = SIZE_MAX;
	*parser = p;
	return doc;
}

void markdown_cleanup(void)
{
	cmark_release_plugins();
}

/* ---- Cells and their text ------------------------------------------------ */

/* Appends the n bytes at t to *raw (*len of *cap bytes). */
static void append(char **raw, size_t *len, size_t *cap, const char *t, size_t n)
{
	*raw = xgrow(*raw, cap, *len + n + 1, 1);
	memcpy(*raw + *len, t, n);
	*len += n;
}

/*
 * The plain text of node's inlines: text and code literals, breaks as
 * spaces, markup flattened to its text, raw HTML dropped; with links, each
 * link's target after its text, " <url>", unless the text is the target.
 */
static char *plain_text(cmark_node *node, int links)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	char *raw = NULL, *out;
	size_t len = 0, cap = 0, link_start = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit = NULL;

		if (links && cmark_node_get_type(n) == CMARK_NODE_LINK) {
			const char *url = cmark_node_get_url(n);
			size_t u = url ? strlen(url) : 0;

			if (ev == CMARK_EVENT_ENTER)
				link_start = len; /* links do not nest */
			else if (u && !(len - link_start == u && !memcmp(raw + link_start, url, u))) {
				append(&raw, &len, &cap, " <", 2);
				append(&raw, &len, &cap, url, u);
				append(&raw, &len, &cap, ">", 1);
			}
			continue;
		}
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
		if (lit)
			append(&raw, &len, &cap, lit, strlen(lit));
	}
	cmark_iter_free(it);
	out = text_normalize(raw ? raw : "", len);
	free(raw);
	return out;
}

char *markdown_text(cmark_node *node)
{
	return plain_text(node, 0);
}

int markdown_type_is(cmark_node *n, const char *type)
{
	const char *t = cmark_node_get_type_string(n);

	return t && strcmp(t, type) == 0;
}

/* Column of the first non-blank byte of a cell (0 if cmark padded it). */
unsigned markdown_cell_col(const struct src *s, cmark_node *cell)
{
	int line = cell ? cmark_node_get_start_line(cell) : 0;
	int col = cmark_node_get_start_column(cell);
	int last = cmark_node_get_end_column(cell);
	size_t i, end;

	if (line < 1 || col < 1 || (size_t)line > s->nlines)
		return 0;
	i = s->line[line - 1] + (size_t)col - 1;
	end = text_line_end(s->text, s->len, s->line[line - 1]);
	if (cmark_node_get_end_line(cell) == line && last >= col &&
	    s->line[line - 1] + (size_t)last < end)
		end = s->line[line - 1] + (size_t)last; /* the cell's last byte */
	while (i + 1 < end && (s->text[i] == ' ' || s->text[i] == '\t'))
		i++;
	return (unsigned)(i - s->line[line - 1]) + 1;
}

cmark_node *markdown_nth_child(cmark_node *n, int k)
{
	cmark_node *c = k >= 0 ? cmark_node_first_child(n) : NULL;

	while (c && k-- > 0)
		c = cmark_node_next(c);
	return c;
}

/*
 * The plain text of a cell or heading (what) at line:col, "" if node is
 * NULL, checked: for text over PAGE_MAX_CELL bytes, with a control
 * character (which only an entity such as &#7; can bring), or with an
 * invisible or direction-changing one (utf8_is_invisible()), an error is
 * reported and NULL returned, so that the text goes nowhere else (into
 * another diagnostic, say, or a terminal).
 */
char *markdown_checked(const struct src *s, char *t, const char *what, unsigned line,
                       unsigned col)
{
	size_t len = strlen(t), at;
	char fault[128];

	if (len > PAGE_MAX_CELL)
		diag_error(s->d, line, col, "%s text is %zu bytes, over the limit of %u",
		           what, len, PAGE_MAX_CELL);
	else if (utf8_check_visible(t, len, NULL, &at) != UTF8_OK)
		diag_error(s->d, line, col, "%s in %s", text_char_fault(t + at, len - at, 0, fault,
		           sizeof fault), what);
	else
		return t;
	free(t);
	return NULL;
}

static char *cell_text(const struct src *s, cmark_node *node, const char *what, unsigned line,
                       unsigned col, int links)
{
	return markdown_checked(s, node ? plain_text(node, links) : xmemdup("", 0), what, line,
	                        col);
}

char *markdown_cell_text(const struct src *s, cmark_node *node, const char *what,
                         unsigned line, unsigned col)
{
	return cell_text(s, node, what, line, col, 0);
}

char *markdown_cell_text_links(const struct src *s, cmark_node *node, const char *what,
                               unsigned line, unsigned col)
{
	return cell_text(s, node, what, line, col, 1);
}

/*
 * Warns about a row with more cells than its table's header: cmark-gfm drops
 * the extra cells silently, so look in the source line for text after the
 * pipe that ends the last cell it kept (cmark-gfm has split the row: this
 * only looks past its end).
 */
void markdown_check_extra_cells(const struct src *s, cmark_node *row, size_t ncols)
{
	cmark_node *last = NULL;
	int line = cmark_node_get_start_line(row);
	size_t i, end;

	/* cmark-gfm pads a short row with empty cells at column 0 of its line. */
	for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c))
		if (cmark_node_get_start_line(c) > 0 && cmark_node_get_start_column(c) > 0)
			last = c;
	if (!last || line < 1 || (size_t)line > s->nlines || cmark_node_get_end_line(last) != line)
		return;
	i = s->line[line - 1] + (size_t)cmark_node_get_end_column(last);
	end = text_line_end(s->text, s->len, s->line[line - 1]);
	/* Empty cells lose nothing: only text after them is dropped. */
	while (i < end && (s->text[i] == '|' || s->text[i] == ' ' || s->text[i] == '\t'))
		i++;
	if (i < end)
		diag_warning(s->d, "extra-cells", (unsigned)line, (unsigned)(i - s->line[line - 1]) + 1,
		             "row has more cells than the header's %zu: cmark-gfm ignores the rest",
		             ncols);
}

int markdown_column(cmark_node *header, const char *name)
{
	int k = 0;

	for (cmark_node *c = cmark_node_first_child(header); c; c = cmark_node_next(c), k++) {
		char *t = markdown_text(c);
		int is = strlen(t) == strlen(name) && key_strn_equal(t, name, strlen(name));

		free(t);
		if (is)
			return k;
	}
	return -1;
}
