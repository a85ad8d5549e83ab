/* words.c - the vocabulary page (see words.h). */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "index.h"
#include "markdown.h"
#include "mem.h"
#include "page.h"
#include "text.h"
#include "word.h"
#include "words.h"

/* The vocabulary being read, and the room of its entries. */
struct reading {
	struct vocabulary *v;
	size_t cap;
};

/* Adds the rows of a table whose header has Word and Means columns
 * (page_table_fn); returns whether it is one. */
static int read_table(const struct src *s, cmark_node *header, void *arg)
{
	struct vocabulary *v = ((struct reading *)arg)->v;
	size_t *cap = &((struct reading *)arg)->cap;
	int word = markdown_column(header, "Word"), means = markdown_column(header, "Means");

	if (word < 0 || means < 0)
		return 0;
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
	return 1;
}

int words_parse(struct vocabulary *v, const char *text, size_t len, struct diag *d)
{
	struct reading r = { .v = v };
	unsigned errors = d->errors;

	memset(v, 0, sizeof *v);
	if (page_tables(text, len, d, read_table, &r) >= 0 && v->n == 0 && d->errors == errors)
		diag_error(d, 1, 0, "no vocabulary: no table has a header with Word and Means");
	return d->errors == errors ? 0 : -1;
}

/* Adds the terms of the text s (word.h) to x. */
static void index_terms(struct index *x, const char *s)
{
	struct word_terms it;
	size_t start, span;

	word_terms_start(&it, s, strlen(s));
	while ((span = word_terms_next(&it, &start)) > 0)
		index_add(x, s + start, span, 0, 1);
}

int words_check(struct vocabulary *v, const struct page *pg, struct diag *d)
{
	unsigned errors = d->errors;
	struct index words = { 0 }, groups = { 0 }, terms = { 0 };

	for (size_t i = 0; i < v->n; i++)
		index_add(&words, v->e[i].word, strlen(v->e[i].word), i, 0);
	for (size_t g = 0; g < pg->ngroups; g++) {
		index_add(&groups, pg->groups[g].topic, strlen(pg->groups[g].topic), g, 0);
		index_add(&groups, pg->rooms[pg->groups[g].first].alias + 1, pg->groups[g].stemlen, g,
		          0);
	}
	for (size_t i = 0; i < pg->n; i++) {
		const struct room *r = &pg->rooms[i];

		index_terms(&terms, r->name);
		index_terms(&terms, r->purpose);
		index_terms(&terms, r->section);
		if (r->group != NO_GROUP)
			index_terms(&terms, pg->groups[r->group].topic);
	}
	index_sort(&words);
	index_sort(&groups);
	index_sort(&terms);
	for (size_t i = 0; i < v->n; i++) {
		struct word_entry *e = &v->e[i];
		long k = index_find(&words, e->word, 0), g;

		if (k >= 0 && (size_t)k < i) {
			diag_error(d, e->line, e->word_col, "word '%s' is also on line %u", e->word,
			           v->e[k].line);
			continue;
		}
		if ((k = index_find(&words, e->means, 0)) >= 0) {
			diag_error(d, e->line, e->means_col, "'%s' means '%s', itself a word of the "
			           "vocabulary (line %u): a word means what the room page has",
			           e->word, e->means, v->e[k].line);
			continue;
		}
		g = index_find(&groups, e->means, 0);
		e->group = g >= 0 ? (size_t)g : NO_GROUP;
		if (g < 0 && (strcspn(e->means, " ") < strlen(e->means) ||
		              index_find(&terms, e->means, 1) < 0)) {
			/* A warning: the room page may lose a group the vocabulary still has. */
			diag_warning(d, "vocabulary-meaning", e->line, e->means_col, "'%s' means '%s', "
			             "which is no group topic, group stem or word of the room page: left "
			             "out", e->word, e->means);
			e->unused = 1;
			continue;
		}
		if (index_find(&groups, e->word, 0) >= 0 || index_find(&terms, e->word, 1) >= 0)
			diag_warning(d, "vocabulary-word", e->line, e->word_col,
			             "'%s' is on the room page already: the search finds it there",
			             e->word);
	}
	index_free(&words);
	index_free(&groups);
	index_free(&terms);
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
