/* words.c - the vocabulary page (see words.h). */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "front.h"
#include "key.h"
#include "markdown.h"
#include "mem.h"
#include "page.h"
#include "scan.h"
#include "text.h"
#include "word.h"
#include "words.h"

/* Is the plain text t the header's name (ignoring ASCII case)? */
static int is_column(const char *t, const char *name)
{
	return strlen(t) == strlen(name) && key_strn_equal(t, name, strlen(name));
}

/* Adds the rows of a table whose header has Word and Means columns. */
static void read_table(const struct src *s, struct vocabulary *v, size_t *cap, cmark_node *table)
{
	cmark_node *header = cmark_node_first_child(table);
	int word = -1, means = -1, k = 0;

	if (!header || !cmark_gfm_extensions_get_table_row_is_header(header))
		return;
	for (cmark_node *c = cmark_node_first_child(header); c; c = cmark_node_next(c), k++) {
		char *t = markdown_text(c);

		if (is_column(t, "Word"))
			word = k;
		else if (is_column(t, "Means"))
			means = k;
		free(t);
	}
	if (word < 0 || means < 0)
		return;
	for (cmark_node *row = cmark_node_next(header); row; row = cmark_node_next(row)) {
		cmark_node *wc = markdown_nth_child(row, word), *mc = markdown_nth_child(row, means);
		unsigned line = (unsigned)cmark_node_get_start_line(row);
		struct word_entry e = { .line = line, .word_col = markdown_cell_col(s, wc),
			                .means_col = markdown_cell_col(s, mc), .group = NO_GROUP };

		e.word = markdown_cell_text(s, wc, "word", line, e.word_col);
		e.means = markdown_cell_text(s, mc, "meaning", line, e.means_col);
		if (e.word && !*e.word)
			diag_error(s->d, line, e.word_col, "row has no word");
		else if (e.word && strcspn(e.word, " ") < strlen(e.word))
			diag_error(s->d, line, e.word_col, "word '%s' has a space: a word is one term",
			           e.word);
		else if (e.means && !*e.means)
			diag_error(s->d, line, e.means_col, "word '%s' means nothing", e.word);
		else if (e.word && e.means) {
			v->e = xgrow(v->e, cap, v->n + 1, sizeof *v->e);
			v->e[v->n++] = e;
			continue;
		}
		free(e.word);
		free(e.means);
	}
}

int words_parse(struct vocabulary *v, const char *text, size_t len, struct diag *d)
{
	struct src s = { .text = text, .len = len, .d = d };
	struct page front = { 0 };
	unsigned errors = d->errors;
	cmark_parser *parser = NULL;
	cmark_node *doc;
	size_t body, cap = 0;

	memset(v, 0, sizeof *v);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		s.text += 3, s.len -= 3;
	if (len > PAGE_MAX_BYTES) {
		diag_error(d, 1, 0, "page is larger than the limit of %u bytes", PAGE_MAX_BYTES);
		return -1;
	}
	/* The room page's steps: its lines, its front matter, its limits. */
	if (text_index(&s) == 0 && (body = front_read(&s, &front)) != (size_t)-1 &&
	    scan_markdown(&s, body) == 0 && (doc = markdown_read(&s, body, &parser))) {
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;

		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
			if (ev == CMARK_EVENT_ENTER && markdown_type_is(cmark_iter_get_node(it), "table"))
				read_table(&s, v, &cap, cmark_iter_get_node(it));
		cmark_iter_free(it);
		cmark_node_free(doc);
		cmark_parser_free(parser);
		if (v->n == 0 && d->errors == errors)
			diag_error(d, 1, 0, "no vocabulary: no table has a header with Word and Means");
	}
	free(front.title);
	free(front.date);
	free(s.line);
	return d->errors == errors ? 0 : -1;
}

/* The n bytes at a and b folded the same? (Both NUL-terminated.) */
static int same_text(const char *a, const char *b)
{
	return strlen(a) == strlen(b) && key_strn_equal(a, b, strlen(a));
}

/* Is the folded term t (n bytes) a term of the text s? */
static int has_term(const char *s, const char *t, size_t n)
{
	struct word_terms it;
	size_t start, span;
	int joined;
	char buf[PAGE_MAX_CELL + 1];

	word_terms_start(&it, s, strlen(s));
	while ((span = word_terms_next(&it, &start, &joined)) > 0)
		if (span <= PAGE_MAX_CELL && word_fold_term(buf, s + start, span) == n &&
		    memcmp(buf, t, n) == 0)
			return 1;
	return 0;
}

/* Is the text w (one term, any case) a term of a room of pg? */
static int page_has(const struct page *pg, const char *w)
{
	char t[PAGE_MAX_CELL + 1];
	size_t n;

	if (strlen(w) > PAGE_MAX_CELL)
		return 0;
	n = word_fold_term(t, w, strlen(w));
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *r = &pg->rooms[i];

		if (has_term(r->name, t, n) || has_term(r->purpose, t, n) ||
		    has_term(r->section, t, n) ||
		    (r->group != NO_GROUP && has_term(pg->groups[r->group].topic, t, n)))
			return 1;
	}
	return 0;
}

/* The group whose topic or stem is t (ignoring ASCII case), or NO_GROUP. */
static size_t group_named(const struct page *pg, const char *t)
{
	for (size_t g = 0; g < pg->ngroups; g++) {
		const char *stem = pg->rooms[pg->groups[g].first].alias + 1;

		if (same_text(pg->groups[g].topic, t) ||
		    (strlen(t) == pg->groups[g].stemlen && key_strn_equal(stem, t, strlen(t))))
			return g;
	}
	return NO_GROUP;
}

int words_check(struct vocabulary *v, const struct page *pg, struct diag *d)
{
	unsigned errors = d->errors;

	for (size_t i = 0; i < v->n; i++) {
		struct word_entry *e = &v->e[i];
		size_t k;

		for (k = 0; k < i && !same_text(v->e[k].word, e->word); k++)
			;
		if (k < i) {
			diag_error(d, e->line, e->word_col, "word '%s' is also on line %u", e->word,
			           v->e[k].line);
			continue;
		}
		for (k = 0; k < v->n && !same_text(v->e[k].word, e->means); k++)
			;
		if (k < v->n) {
			diag_error(d, e->line, e->means_col, "'%s' means '%s', itself a word of the "
			           "vocabulary (line %u): a word means what the room page has",
			           e->word, e->means, v->e[k].line);
			continue;
		}
		if ((e->group = group_named(pg, e->means)) == NO_GROUP &&
		    (strcspn(e->means, " ") < strlen(e->means) || !page_has(pg, e->means))) {
			/* A warning: the room page may lose a group the vocabulary still has. */
			diag_warning(d, "vocabulary-meaning", e->line, e->means_col, "'%s' means '%s', "
			             "which is no group topic, group stem or word of the room page: left "
			             "out", e->word, e->means);
			e->unused = 1;
			continue;
		}
		if (group_named(pg, e->word) != NO_GROUP || page_has(pg, e->word))
			diag_warning(d, "vocabulary-word", e->line, e->word_col,
			             "'%s' is on the room page already: the search finds it there",
			             e->word);
	}
	return d->errors == errors ? 0 : -1;
}

void words_free(struct vocabulary *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->e[i].word);
		free(v->e[i].means);
	}
	free(v->e);
	memset(v, 0, sizeof *v);
}
