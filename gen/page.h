/*
 * page.h - the page model: a Wiki.js page read into room records.
 *
 * A page is optional YAML front matter (between a first line "---" and the
 * next line "---", read with libyaml), then GFM markdown (read with
 * cmark-gfm and its table, strikethrough and autolink extensions).  Every
 * table whose header has a "Name" and a "Link" column is a room table;
 * each of its rows whose Link cell holds a matrix.to link is a room.
 */
#ifndef AUXCHAN_PAGE_H
#define AUXCHAN_PAGE_H

#include <stddef.h>

#include "diag.h"

/* Limits: larger pages are refused with an error naming the limit. */
#define PAGE_MAX_BYTES (4u << 20) /* bytes in the page file: 4 MiB */
#define PAGE_MAX_CELL 1024u       /* bytes of a cell's, heading's, title's text */
#define PAGE_MAX_ROOMS 20000u  /* rooms on a page */

/*
 * Limits of what reaches the parsers, which take more than linear time or
 * memory on some input (libyaml 0.2.5, cmark-gfm 0.29.0.gfm.6:
 * doc/security.md lists their advisories).  Each is far above what a page of rooms needs.
 */
#define PAGE_MAX_YAML_DEPTH 64u   /* nesting of the front matter: "x: [[[[..." */
#define PAGE_MAX_LINE 16384u      /* bytes of a line (cmark-gfm's autolinks, '<') */
#define PAGE_MAX_NESTING 32u      /* quotes, list items, indentation of a line */
#define PAGE_MAX_COLUMNS 64u      /* columns of a table (its header's cost) */
#define PAGE_MAX_TABLE_LEAD 16u   /* lines above a table's delimiter row, from a
                                     blank line or heading: cmark-gfm rereads them */
#define PAGE_MAX_MARKUP 40000u    /* of each of [ < * _ ~ ) @ www. on a page (of * _ ~:
                                     runs, not '_' in a word, nor in links: scan.c) */
#define PAGE_MAX_LINK_EMPHASIS 100000u /* runs of * _ ~ in link texts: 5 a room */
#define PAGE_MAX_PARSE_MEMORY (256u << 20) /* bytes cmark-gfm may allocate */

struct room {
	char *section;  /* plain text of the nearest heading above, or "" */
	char *name;     /* plain text of the Name cell */
	char *purpose;  /* plain text of the Purpose cell, or "" */
	char *url;      /* the Link cell's first matrix.to link, as written */
	char *alias;    /* the room alias it names: "#localpart:server" */
	size_t lplen;   /* bytes of the localpart, alias + 1 */
	size_t group;   /* index in page.groups, or NO_GROUP */
	unsigned line;  /* line of the row */
	unsigned name_col, purpose_col, link_col; /* columns of those cells */
};

#define NO_GROUP ((size_t)-1)

/*
 * A group: the rooms whose localparts share the stem before their last
 * '-' (ignoring ASCII case), found by that stem and by the topic taken from
 * its first room's name.
 */
struct meeting {
	char *time;     /* "Saturdays at 17:00 UTC", link targets kept */
	char *length;   /* "around 1 hour" */
	char *join;     /* the Join Link cell's text, "AuxSigDocs on Jitsi" */
	char *url;      /* its first link's target, or "" */
	unsigned line;  /* its row on its group page */
};

struct group {
	size_t first;   /* its first room */
	size_t stemlen; /* the stem: first room's alias + 1, stemlen bytes */
	char *topic;    /* "Python" from "SIG:Python General"; may be "" */
	/*
	 * What a group page says of it (charter.h), all empty without a row.
	 * The strings are the rows' (page.charters): a row may name many
	 * groups (of one topic), and is stored once.
	 */
	const char *responsibility; /* plain text, link targets kept: "text <url>" */
	const char *plain;          /* the same without the targets: what is searched */
	const char *code;           /* its code spans, separated by spaces: "nix-darwin" */
	char *const *leaders;       /* handles, "@vlinkz" */
	size_t nleaders;
	struct meeting *meetings;   /* the group's own array, of the rows' strings */
	size_t nmeetings;
	const char *file;      /* the group page of its row, or NULL: no row */
	unsigned line;         /* the row's line there */
};

struct page {
	char *title, *date;     /* from the front matter, or "" */
	struct room *rooms;     /* in page order */
	size_t n;
	size_t general;         /* the first rooms, those of the first room table
	                           with any: the page's general rooms */
	struct group *groups;   /* groups in order of their first room */
	size_t ngroups;
	struct charters *charters; /* the group pages' rows, or NULL (charter.h) */
};

/*
 * Reads the page text (len bytes, any bytes; more than PAGE_MAX_BYTES is
 * refused, so a reader may stop after PAGE_MAX_BYTES + 1) into pg's
 * rooms, reporting what is wrong in one row through d; groups
 * (group_assign()) and the checks across rows (lint_page()) are the
 * caller's next steps.  Returns 0 on success, -1 if an error was reported.
 * Either way pg holds what was read and must be released with page_free().
 * One page at a time: what cmark-gfm allocates is counted in static state
 * (markdown.c).
 */
int page_parse(struct page *pg, const char *text, size_t len, struct diag *d);

void page_free(struct page *pg);

/*
 * Reads a page of other tables (the vocabulary, words.h; a group page,
 * charter.h) as page_parse() reads the room page, up to cmark-gfm's
 * document (its byte order mark, size, lines, front matter, limits,
 * markdown), then calls table(s, header, arg) for each of its tables that
 * has a header row, in page order: s is the page's source (s->d is d),
 * header the table's header row, which its rows follow.  Returns the sum of
 * what table() returned, or -1 after an error that stopped the reading.
 */
struct src;
struct cmark_node;
typedef int page_table_fn(const struct src *s, struct cmark_node *header, void *arg);
int page_tables(const char *text, size_t len, struct diag *d, page_table_fn *table, void *arg);

/*
 * Releases what the page reader keeps for the whole process (cmark-gfm's
 * registry of extensions): call once, at exit, after the last page_parse().
 */
void page_cleanup(void);

#endif /* AUXCHAN_PAGE_H */
