/*
 * auxchan.c - the auxchan command: finds the Aux community's Matrix rooms
 * and shows them as text, JSON or TSV.
 *
 * Exit status: 0 rooms found (by keys, or by a search that found any,
 * whether or not every word matched) or --list, --groups, --keys, --help or
 * --version done; 1 no room found; 2 usage or output error.
 */
#define _POSIX_C_SOURCE 200809L /* fileno(), isatty() */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "auxchan.h"
#include "json.h"
#include "key.h"
#include "utf8.h"
#include "word.h"


static const char usage[] =
	"usage: auxchan [--format=text|json|tsv] QUERY...\n"
	"       auxchan [--format=text|json|tsv] --list\n"
	"       auxchan [--format=text|json|tsv] --groups\n"
	"       auxchan [--format=text|json|tsv] --keys\n"
	"       auxchan --help | --version\n"
	"\n"
	"Shows the Aux community's Matrix rooms a query finds.  When every QUERY\n"
	"is a key, the rooms of each, ignoring ASCII case: a room alias\n"
	"(#SIGPY-GEN:auxolotl.org, with or without '#' or server), a matrix.to\n"
	"link, a display name (\"SIG:Python General\"), or a group by stem or\n"
	"topic (sigpy, python).  Otherwise all of them together are one search,\n"
	"by words, abbreviations, prefixes and typos: the best-matching rooms\n"
	"(auxchan where can I ask about macOS; auxchan js; auxchan pyhton).  A\n"
	"query that starts with '#' must be quoted in a shell: '#SIGPY-GEN'.\n"
	"Under the rooms, what the SIGs and Committees pages say of their groups:\n"
	"what each does, who leads it, when it meets.\n"
	"\n"
	"  -l, --list           show every room, by section\n"
	"  -g, --groups         show every group: its topic, stem, rooms,\n"
	"                       responsibility, leaders and meetings\n"
	"  -f, --format=FORMAT  text (default), json, or tsv (a header line, then\n"
	"                       section, name, alias, url, purpose, group, match,\n"
	"                       score, and the group's responsibility, leaders,\n"
	"                       meeting_time, meeting_length, meeting_join and\n"
	"                       meeting_url, a list's items one a line; tab,\n"
	"                       newline and backslash written \\t, \\n and \\\\); JSON and\n"
	"                       TSV say how each room matched (key, search or\n"
	"                       list) and a search's score\n"
	"      --keys           print every key, one a line (or as --format says):\n"
	"                       aliases (without '#'), localparts, display names,\n"
	"                       group stems and topics\n"
	"  -h, --help           show this help\n"
	"  -V, --version        show the version and the page the rooms come from\n"
	"\n"
	"--list, --groups, --keys and --version take no query.\n"
	"\n"
	"Exit status: 0 rooms found (by keys, or by a search that found any), or\n"
	"--list, --groups, --keys, --help or --version done; 1 no room found\n"
	"(stderr names the closest keys, if any, and the page's general rooms);\n"
	"2 a usage error, or the output could not be written.\n";

enum format { TEXT, JSON, TSV };

/* JSON member names, in the order of enum auxchan_field. */

/* TSV columns. */
static const enum auxchan_field tsv_fields[] = {
	AUXCHAN_SECTION, AUXCHAN_NAME, AUXCHAN_ALIAS, AUXCHAN_URL, AUXCHAN_PURPOSE, AUXCHAN_GROUP,
};

/*
 * Writes the n bytes at s for a person: a control character or a byte that
 * is not UTF-8 comes out as \xHH, never raw.
 */
static void put_safe(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (len == 0 || utf8_is_control(cp)) {
			fprintf(f, "\\x%02x", (unsigned char)s[i]);
			i++;
		} else {
			fwrite(s + i, 1, len, f);
			i += len;
		}
	}
}

static void put_json_string(const char *s)
{
	json_put_string(stdout, s, strlen(s));
}

/* The n bytes at s as a TSV field: tab, newline, backslash escaped. */
static void put_tsv_bytes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		switch (s[i]) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(s[i]);
		}
}

static void put_tsv_field(const char *s)
{
	put_tsv_bytes(s, strlen(s));
}

/*
 * The n strings at part[] as one, sep between each (to free): the
 * arguments as one query, a group's leaders as one line.  NULL when out
 * of memory.
 */
static char *joined(const char *const *part, size_t n, const char *sep)
{
	size_t len = 0, at = 0, seplen = strlen(sep);
	char *q;

	for (size_t i = 0; i < n; i++)
		len += strlen(part[i]) + seplen;
	if (!(q = malloc(len + 1)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(part[i]);

		if (i) {
			memcpy(q + at, sep, seplen);
			at += seplen;
		}
		memcpy(q + at, part[i], l);
		at += l;
	}
	q[at] = '\0';
	return q;
}

/* p, unless it is NULL: then the command ends, saying it is out of memory. */
static void *need(void *p)
{
	if (!p) {
		fputs("auxchan: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

/* How the rooms shown were found: all of them, by keys, or by one search. */
struct answer {
	enum { LISTED, BY_KEY, BY_SEARCH, FALLBACK } how;
	unsigned score;    /* the search's (auxchan_search_scored()) */
	const char *query; /* the search's, for the heading of text */
	int missed;        /* nothing found: JSON and TSV add the general rooms */
};

static const char *const how_names[] = { "list", "key", "search", "fallback" };

#define LABEL_WIDTH 11 /* "  purpose  " */

/*
 * The width to wrap text to: the terminal's when standard output is one
 * (or $COLUMNS if it does not say), 0 (no wrapping) when it is not.
 */
static size_t text_width(void)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (!isatty(fileno(stdout)))
		return 0;
	if (ioctl(fileno(stdout), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns && atoi(columns) > 0)
		return (size_t)atoi(columns);
	return 80;
}

/*
 * Writes a labelled field; when width is not 0, wrapped at spaces to that
 * many columns (counting bytes), continuation lines under the value.
 */
static void put_text_field(const char *label, const char *value, size_t width)
{
	size_t room = width > LABEL_WIDTH + 20 ? width - LABEL_WIDTH : 20, col = 0;

	if (!*value)
		return;
	printf("  %-8s ", label);
	while (*value) {
		size_t word = strcspn(value, " ");

		if (width && col > 0 && col + 1 + word > room) {
			printf("\n%*s", LABEL_WIDTH, "");
			col = 0;
		} else if (col > 0) {
			putchar(' ');
			col++;
		}
		put_safe(stdout, value, word);
		col += word;
		value += word;
		value += *value == ' ';
	}
	putchar('\n');
}

/* ---- Groups: what the group pages say of the rooms' groups -------------- */

/* A field of group g, "" for AUXCHAN_NO_GROUP. */
static const char *group_field(size_t g, enum auxchan_group_field f)
{
	const char *s = auxchan_group_field(g, f);

	return s ? s : "";
}

/* Does a group page say anything of group g: what it does, who leads it,
 * when it meets? */
static int group_has_fields(size_t g)
{
	return *group_field(g, AUXCHAN_GROUP_RESPONSIBILITY) || auxchan_group_leader_count(g) ||
	       auxchan_group_meeting_count(g);
}

/* The rooms of group g (to free), their number in *n. */
static size_t *group_rooms(size_t g, size_t *n)
{
	size_t none, *r;

	*n = auxchan_group_rooms(g, &none, 0);
	r = need(malloc((*n ? *n : 1) * sizeof *r));
	auxchan_group_rooms(g, r, *n);
	return r;
}

/*
 * Meeting k of group g as a person reads it, each part only if the page
 * gives it: "Saturdays at 17:00 UTC (around 1 hour): AuxSigDocs on Jitsi
 * <https://meet.jit.si/AuxDocs>" (to free).
 */
static char *meeting_text(size_t g, size_t k)
{
	const char *time = auxchan_group_meeting(g, k, AUXCHAN_MEETING_TIME);
	const char *length = auxchan_group_meeting(g, k, AUXCHAN_MEETING_LENGTH);
	const char *join = auxchan_group_meeting(g, k, AUXCHAN_MEETING_JOIN);
	const char *url = auxchan_group_meeting(g, k, AUXCHAN_MEETING_URL);
	const char *part[9];
	size_t n = 0;

	part[n++] = time;
	if (*length) {
		part[n++] = *time ? " (" : "(";
		part[n++] = length;
		part[n++] = ")";
	}
	if (*join || *url)
		part[n++] = *time || *length ? ": " : "";
	if (*join)
		part[n++] = join;
	if (*url) {
		part[n++] = *join ? " <" : "<";
		part[n++] = url;
		part[n++] = ">";
	}
	return need(joined(part, n, ""));
}

/* The n strings at part[], ", " between each, as a labelled field of text. */
static void put_text_list(const char *label, const char *const *part, size_t n, size_t width)
{
	char *line = need(joined(part, n, ", "));

	put_text_field(label, line, width);
	free(line);
}

/*
 * Group g as text: the heading "The Haskell group" (its stem when it has
 * no topic), then what the group pages say of it, each a labelled field
 * wrapped as a purpose is: "does", "led by", and a "meets" a meeting.
 * With all (--groups), its stem and its rooms' aliases come first.
 */
static void put_text_group(size_t g, size_t width, int all)
{
	const char *topic = group_field(g, AUXCHAN_GROUP_TOPIC);
	const char *stem = group_field(g, AUXCHAN_GROUP_STEM);
	const char *heading = *topic ? topic : stem, **part;
	size_t n;

	fputs("The ", stdout);
	put_safe(stdout, heading, strlen(heading));
	fputs(" group\n", stdout);
	if (all) {
		size_t *room = group_rooms(g, &n);

		put_text_field("stem", stem, 0);
		part = need(malloc((n ? n : 1) * sizeof *part));
		for (size_t k = 0; k < n; k++)
			part[k] = auxchan_field(room[k], AUXCHAN_ALIAS);
		put_text_list("rooms", part, n, width);
		free(part);
		free(room);
	}
	put_text_field("does", group_field(g, AUXCHAN_GROUP_RESPONSIBILITY), width);
	n = auxchan_group_leader_count(g);
	part = need(malloc((n ? n : 1) * sizeof *part));
	for (size_t k = 0; k < n; k++)
		part[k] = auxchan_group_leader(g, k);
	put_text_list("led by", part, n, width);
	free(part);
	for (size_t k = 0; k < auxchan_group_meeting_count(g); k++) {
		char *line = meeting_text(g, k);

		put_text_field("meets", line, width);
		free(line);
	}
}

/* JSON member names of a meeting, in the order of enum auxchan_meeting_field. */
static const char *const meeting_names[AUXCHAN_MEETING_FIELD_COUNT] = {
	"time", "length", "join", "url",
};

/*
 * What the group pages say of group g (nothing, for AUXCHAN_NO_GROUP),
 * as JSON members: "responsibility": "...", "leaders": ["@x", ...],
 * "meetings": [{"time": ..., "length": ..., "join": ..., "url": ...}, ...].
 */
static void put_json_group(size_t g)
{
	fputs("\"responsibility\": ", stdout);
	put_json_string(group_field(g, AUXCHAN_GROUP_RESPONSIBILITY));
	fputs(", \"leaders\": [", stdout);
	for (size_t k = 0; k < auxchan_group_leader_count(g); k++) {
		fputs(k ? ", " : "", stdout);
		put_json_string(auxchan_group_leader(g, k));
	}
	fputs("], \"meetings\": [", stdout);
	for (size_t k = 0; k < auxchan_group_meeting_count(g); k++) {
		for (int f = 0; f < AUXCHAN_MEETING_FIELD_COUNT; f++) {
			fputs(f ? ", " : k ? ", {" : "{", stdout);
			printf("\"%s\": ", meeting_names[f]);
			put_json_string(auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f));
		}
		putchar('}');
	}
	putchar(']');
}

/* The TSV columns put_tsv_group() writes. */
#define TSV_GROUP_COLUMNS "responsibility\tleaders\tmeeting_time\tmeeting_length\t" \
                          "meeting_join\tmeeting_url"

/*
 * What the group pages say of group g as TSV fields, each after a tab
 * (empty for AUXCHAN_NO_GROUP): the responsibility, the leaders, then each
 * field of the meetings; a list's items come one a line, the newline
 * written \n as in any field ("@axel\n@isabel").
 */
static void put_tsv_group(size_t g)
{
	putchar('\t');
	put_tsv_field(group_field(g, AUXCHAN_GROUP_RESPONSIBILITY));
	putchar('\t');
	for (size_t k = 0; k < auxchan_group_leader_count(g); k++) {
		fputs(k ? "\\n" : "", stdout);
		put_tsv_field(auxchan_group_leader(g, k));
	}
	for (int f = 0; f < AUXCHAN_MEETING_FIELD_COUNT; f++) {
		putchar('\t');
		for (size_t k = 0; k < auxchan_group_meeting_count(g); k++) {
			fputs(k ? "\\n" : "", stdout);
			put_tsv_field(auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f));
		}
	}
}

/* Room i as a member of a JSON array, found as how says, with its group's
 * fields. */
static void put_json_line(size_t i, const struct answer *a, int first)
{
	const char *value[AUXCHAN_FIELD_COUNT];

	for (int k = 0; k < AUXCHAN_FIELD_COUNT; k++)
		value[k] = auxchan_field(i, (enum auxchan_field)k);
	fputs(first ? "\n    " : ",\n    ", stdout);
	json_put_room(stdout, value);
	printf(", \"match\": \"%s\", \"score\": ", how_names[a->how]);
	if (a->how == BY_SEARCH)
		printf("%u, ", a->score);
	else
		fputs("null, ", stdout);
	put_json_group(auxchan_group_of(i));
	putchar('}');
}

/* Room i as a line of TSV, found as how says, with its group's fields. */
static void put_tsv_line(size_t i, const struct answer *a)
{
	for (size_t k = 0; k < sizeof tsv_fields / sizeof *tsv_fields; k++) {
		if (k)
			putchar('\t');
		put_tsv_field(auxchan_field(i, tsv_fields[k]));
	}
	printf("\t%s\t", how_names[a->how]);
	if (a->how == BY_SEARCH)
		printf("%u", a->score);
	put_tsv_group(auxchan_group_of(i));
	putchar('\n');
}

/* The page's general rooms (auxchan_general()), GENERAL_MAX at most shown;
 * returns how many are in out. */
#define GENERAL_MAX 8

static size_t general_rooms(size_t out[GENERAL_MAX])
{
	size_t n = auxchan_general(out, GENERAL_MAX);

	return n < GENERAL_MAX ? n : GENERAL_MAX;
}

/*
 * The words of a search's query that the vocabulary has, each once, with
 * what it means: as text lines "golang: Go", or as the members of a JSON
 * array ({"word": ..., "means": ...}).  Returns how many.
 */
static size_t put_vocabulary(enum format fmt, const char *q)
{
	struct word_terms t;
	size_t start, span, n = 0, mlen;
	struct meant { size_t start, span, mlen; const char *means; } v[AUXCHAN_SEARCH_WORDS];

	/* One line a meaning, for its widest term: "crates.io", not "crates". */
	word_terms_start(&t, q, strlen(q));
	while ((span = word_terms_next(&t, &start)) > 0) {
		const char *means = auxchan_means(q + start, span, &mlen);
		size_t k;

		for (k = 0; means && k < n && v[k].means != means; k++)
			;
		if (means && k < n && span > v[k].span)
			v[k].start = start, v[k].span = span;
		else if (means && k == n && n < AUXCHAN_SEARCH_WORDS)
			v[n++] = (struct meant){ start, span, mlen, means };
	}
	for (size_t k = 0; k < n; k++) {
		if (fmt == JSON) {
			fputs(k == 0 ? "\n    {\"word\": " : ",\n    {\"word\": ", stdout);
			json_put_string(stdout, q + v[k].start, v[k].span);
			fputs(", \"means\": ", stdout);
			json_put_string(stdout, v[k].means, v[k].mlen);
			putchar('}');
		} else {
			put_safe(stdout, q + v[k].start, v[k].span);
			fputs(": ", stdout);
			put_safe(stdout, v[k].means, v[k].mlen);
			putchar('\n');
		}
	}
	return n;
}

/*
 * Shows the selected rooms (sel[i] set) in page order, as found (a):
 * JSON and TSV say for each how ("match": "list", "key" or "search") and
 * the search's score, then its group's fields; text heads a search's
 * answer with its query, and shows a group's fields once, under the last
 * of its rooms shown.  When nothing was found, JSON and TSV give the
 * general rooms apart ("fallback": a member of its own in JSON, the match
 * "fallback" in TSV); text has named them on standard error.
 */
static void show(enum format fmt, const unsigned char *sel, const struct answer *a)
{
	int by_section = a->how == LISTED;
	size_t count = auxchan_count(), width = fmt == TEXT ? text_width() : 0;
	size_t groups = auxchan_group_count(), *last = NULL;
	const char *section = NULL;
	int first = 1;

	/* Text shows a group's fields once, under the last of its rooms shown:
	 * last[g] is that room's index + 1. */
	if (fmt == TEXT) {
		last = need(calloc(groups ? groups : 1, sizeof *last));
		for (size_t i = 0; i < count; i++)
			if (sel[i] && auxchan_group_of(i) != AUXCHAN_NO_GROUP)
				last[auxchan_group_of(i)] = i + 1;
	}

	if (fmt == JSON) {
		fputs("{\n  \"title\": ", stdout);
		put_json_string(auxchan_title());
		fputs(",\n  \"date\": ", stdout);
		put_json_string(auxchan_date());
		if (a->how == BY_SEARCH) {
			fputs(",\n  \"vocabulary\": [", stdout);
			fputs(put_vocabulary(fmt, a->query) ? "\n  ]" : "]", stdout);
		}
		fputs(",\n  \"channels\": [", stdout);
	} else if (fmt == TSV) {
		for (size_t k = 0; k < sizeof tsv_fields / sizeof *tsv_fields; k++)
			printf("%s%s", k ? "\t" : "", json_field_names[tsv_fields[k]]);
		fputs("\tmatch\tscore\t" TSV_GROUP_COLUMNS "\n", stdout);
	} else if (a->how == BY_SEARCH && memchr(sel, 1, count)) {
		fputs("best match for '", stdout);
		put_safe(stdout, a->query, strlen(a->query));
		fputs("':\n", stdout);
		put_vocabulary(fmt, a->query);
		putchar('\n');
	}
	for (size_t i = 0; i < count; i++) {
		if (!sel[i])
			continue;
		if (fmt == JSON) {
			put_json_line(i, a, first);
		} else if (fmt == TSV) {
			put_tsv_line(i, a);
		} else {
			const char *s = auxchan_field(i, AUXCHAN_SECTION);
			size_t g;

			if (!first)
				putchar('\n');
			if (by_section && *s && (!section || strcmp(s, section))) {
				fputs("# ", stdout);
				put_safe(stdout, s, strlen(s));
				fputs("\n\n", stdout);
			}
			section = s;
			put_safe(stdout, auxchan_field(i, AUXCHAN_NAME),
			         strlen(auxchan_field(i, AUXCHAN_NAME)));
			putchar('\n');
			put_text_field("alias", auxchan_field(i, AUXCHAN_ALIAS), 0);
			put_text_field("url", auxchan_field(i, AUXCHAN_URL), 0);
			put_text_field("purpose", auxchan_field(i, AUXCHAN_PURPOSE), width);
			g = auxchan_group_of(i);
			if (g != AUXCHAN_NO_GROUP && last[g] == i + 1 && group_has_fields(g)) {
				putchar('\n');
				put_text_group(g, width, 0);
			}
		}
		first = 0;
	}
	free(last);
	if (fmt == JSON)
		fputs(first ? "]" : "\n  ]", stdout);
	if (a->missed && fmt != TEXT) {
		struct answer fallback = { .how = FALLBACK };
		size_t general[GENERAL_MAX], n = general_rooms(general);

		if (fmt == JSON)
			fputs(",\n  \"fallback\": [", stdout);
		for (size_t k = 0; k < n; k++) {
			if (fmt == JSON)
				put_json_line(general[k], &fallback, k == 0);
			else
				put_tsv_line(general[k], &fallback);
		}
		if (fmt == JSON)
			fputs(n ? "\n  ]" : "]", stdout);
	}
	if (fmt == JSON)
		fputs("\n}\n", stdout);
}

/* ---- Suggestions for a query that matches nothing --------------------- */

/* Prints the library's suggestions for the query q (n bytes), or what to
 * do when there is none. */
static void suggest(const char *q, size_t n)
{
	const char *key[3];
	size_t len[3], k = auxchan_suggest(q, n, key, len, 3);

	if (k == 0) {
		fputs("auxchan: no key is close to it; auxchan --list shows every room\n", stderr);
		return;
	}
	fputs("auxchan: closest keys:", stderr);
	for (size_t i = 0; i < k; i++) {
		fputs(i ? ", " : " ", stderr);
		put_safe(stderr, key[i], len[i]);
	}
	fputc('\n', stderr);
}

/*
 * The exit status once the output is complete: status, or 2 if it could
 * not all be written, after saying why.
 */
static int finish(int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	fprintf(stderr, "auxchan: cannot write the output: %s\n", strerror(errno));
	return 2;
}

/* Prints every key of the table, sorted (for completion): one a line, in
 * a JSON array, or as TSV under the header "key". */
static int print_keys(enum format fmt)
{
	size_t n = auxchan_key_count();
	struct key_text *k = need(malloc((n + 1) * sizeof *k));

	for (size_t i = 0; i < n; i++)
		k[i].s = auxchan_key(i, &k[i].len);
	qsort(k, n, sizeof *k, key_text_order);
	if (fmt == JSON)
		putchar('[');
	else if (fmt == TSV)
		puts("key");
	for (size_t i = 0; i < n; i++) {
		if (fmt == JSON) {
			fputs(i ? ",\n  " : "\n  ", stdout);
			json_put_string(stdout, k[i].s, k[i].len);
		} else if (fmt == TSV) {
			put_tsv_bytes(k[i].s, k[i].len);
			putchar('\n');
		} else {
			printf("%.*s\n", (int)k[i].len, k[i].s);
		}
	}
	if (fmt == JSON)
		fputs(n ? "\n]\n" : "]\n", stdout);
	free(k);
	return finish(0);
}

/*
 * Prints every group (--groups), in order: as text, a block a group (see
 * put_text_group()); in JSON, {"title", "date", "groups": [{"topic",
 * "stem", "rooms": [aliases], "responsibility", "leaders", "meetings"}]};
 * in TSV, a header line, then topic, stem, rooms (aliases one a line,
 * written \n) and the fields put_tsv_group() writes.
 */
static int print_groups(enum format fmt)
{
	size_t groups = auxchan_group_count(), width = fmt == TEXT ? text_width() : 0;

	if (fmt == JSON) {
		fputs("{\n  \"title\": ", stdout);
		put_json_string(auxchan_title());
		fputs(",\n  \"date\": ", stdout);
		put_json_string(auxchan_date());
		fputs(",\n  \"groups\": [", stdout);
	} else if (fmt == TSV) {
		puts("topic\tstem\trooms\t" TSV_GROUP_COLUMNS);
	}
	for (size_t g = 0; g < groups; g++) {
		size_t n, *room = group_rooms(g, &n);

		if (fmt == JSON) {
			fputs(g ? ",\n    {\"topic\": " : "\n    {\"topic\": ", stdout);
			put_json_string(group_field(g, AUXCHAN_GROUP_TOPIC));
			fputs(", \"stem\": ", stdout);
			put_json_string(group_field(g, AUXCHAN_GROUP_STEM));
			fputs(", \"rooms\": [", stdout);
			for (size_t k = 0; k < n; k++) {
				fputs(k ? ", " : "", stdout);
				put_json_string(auxchan_field(room[k], AUXCHAN_ALIAS));
			}
			fputs("], ", stdout);
			put_json_group(g);
			putchar('}');
		} else if (fmt == TSV) {
			put_tsv_field(group_field(g, AUXCHAN_GROUP_TOPIC));
			putchar('\t');
			put_tsv_field(group_field(g, AUXCHAN_GROUP_STEM));
			putchar('\t');
			for (size_t k = 0; k < n; k++) {
				fputs(k ? "\\n" : "", stdout);
				put_tsv_field(auxchan_field(room[k], AUXCHAN_ALIAS));
			}
			put_tsv_group(g);
			putchar('\n');
		} else {
			if (g)
				putchar('\n');
			put_text_group(g, width, 1);
		}
		free(room);
	}
	if (fmt == JSON)
		fputs(groups ? "\n  ]\n}\n" : "]\n}\n", stdout);
	return finish(0);
}

/* Prints the versions, and the page the rooms come from. */
static int print_version(void)
{
	printf("auxchan %s (libauxchan %s)\n", AUXCHAN_VERSION, auxchan_version());
	printf("%zu rooms, from the page \"%s\" of %s\n", auxchan_count(), auxchan_title(),
	       *auxchan_date() ? auxchan_date() : "no date");
	return finish(0);
}

/* Names the general rooms, where anything else can be asked. */
static void fallback(void)
{
	size_t general[GENERAL_MAX], n = general_rooms(general);

	if (n == 0)
		return;
	fputs("auxchan: for anything else, ask in", stderr);
	for (size_t k = 0; k < n; k++) {
		const char *alias = auxchan_field(general[k], AUXCHAN_ALIAS);
		const char *name = auxchan_field(general[k], AUXCHAN_NAME);

		fputs(k == 0 ? " " : k + 1 < n ? ", " : " or ", stderr);
		put_safe(stderr, alias, strlen(alias));
		fputs(" (", stderr);
		put_safe(stderr, name, strlen(name));
		fputc(')', stderr);
	}
	fputc('\n', stderr);
}

/* ---- Queries --------------------------------------------------------------- */

/*
 * Is each of the n arguments a key, once trimmed of surrounding
 * whitespace?  The search trims a query, and answers a key as
 * auxchan_lookup() does, with the score 0 (rooms a search finds score more).
 */
static int all_keys(char *const *arg, size_t n)
{
	unsigned score;

	for (size_t i = 0; i < n; i++)
		if (auxchan_search_scored(arg[i], strlen(arg[i]), NULL, 0, &score) == 0 || score)
			return 0;
	return 1;
}

/*
 * Selects in sel[] the rooms the search finds for the query q (n bytes),
 * its score in *score (0: q is a key, found as auxchan_lookup() finds
 * it).  On a miss, says so with the library's suggestions.  Returns 0, 1
 * for a miss, 2 out of memory.
 */
static int select_rooms(unsigned char *sel, const char *q, size_t n, unsigned *score)
{
	size_t buf[16], *ids = buf, found;

	found = auxchan_search_scored(q, n, buf, 16, score);
	/* Rare: more rooms than buf holds (a group as large as a page). */
	if (found > 16 && !(ids = malloc(found * sizeof *ids)))
		return 2;
	if (ids != buf)
		found = auxchan_search_scored(q, n, ids, found, score);
	for (size_t k = 0; k < found; k++)
		sel[ids[k]] = 1;
	if (ids != buf)
		free(ids);
	if (found > 0)
		return 0;
	fputs("auxchan: no room matches '", stderr);
	put_safe(stderr, q, n);
	fputs("'\n", stderr);
	suggest(q, n);
	fallback();
	return 1;
}

/* ---- main ----------------------------------------------------------------- */

#define KEYS_OPTION 256 /* --keys: no short option */

static const struct option options[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "groups", no_argument, NULL, 'g' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "keys", no_argument, NULL, KEYS_OPTION },
	{ NULL, 0, NULL, 0 },
};

/*
 * Reports a usage error on one line that starts "auxchan: " and points at
 * --help: message, its "%s" replaced by the len bytes at what, quoted and
 * escaped (see put_safe()).  Returns the exit status 2.
 */
static int usage_error(const char *message, const char *what, size_t len)
{
	const char *at = strstr(message, "%s");

	fputs("auxchan: ", stderr);
	if (at) {
		fprintf(stderr, "%.*s'", (int)(at - message), message);
		put_safe(stderr, what, len);
		fputc('\'', stderr);
		message = at + 2;
	}
	fprintf(stderr, "%s (see auxchan --help)\n", message);
	return 2;
}

/*
 * The usage error getopt_long() found (its own messages are off: they
 * start with argv[0]): opt is ':' or '?', arg the element it was reading
 * (when that element is done: the option's own for a long option or a
 * missing argument).
 */
static int option_error(int opt, const char *arg)
{
	char name[3] = { '-', (char)optopt, '\0' };
	int is_long = strncmp(arg, "--", 2) == 0;

	if (opt == ':') /* only --format has an argument */
		return usage_error("option %s needs an argument", is_long ? "--format" : name,
		                   is_long ? 8 : 2);
	if (optopt == 0) /* an unknown long option */
		return usage_error("unknown option %s", arg, strcspn(arg, "="));
	for (const struct option *o = options; o->name; o++)
		if (o->val == optopt && o->has_arg == no_argument) /* --list=x */
			return usage_error("option %s takes no argument", arg, strcspn(arg, "="));
	return usage_error("unknown option %s", name, 2);
}

int main(int argc, char **argv)
{
	enum format fmt = TEXT;
	struct answer answer = { .how = LISTED };
	int list = 0, groups = 0, keys = 0, version = 0, opt, status = 0;
	size_t count = auxchan_count();
	unsigned char *sel;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":lgf:hV", options, NULL)) != -1) {
		switch (opt) {
		case 'l':
			list = 1;
			break;
		case 'g':
			groups = 1;
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = JSON;
			else if (!strcmp(optarg, "tsv"))
				fmt = TSV;
			else
				return usage_error("unknown format %s: text, json or tsv", optarg,
				                   strlen(optarg));
			break;
		case 'h':
			fputs(usage, stdout);
			return finish(0);
		case KEYS_OPTION:
			keys = 1;
			break;
		case 'V':
			version = 1;
			break;
		default:
			return option_error(opt, argv[optind - 1]);
		}
	}
	/* --list, --groups, --keys and --version take no query, and go alone. */
	if (list + groups + keys + version > 1)
		return usage_error("--list, --groups, --keys and --version go alone", NULL, 0);
	if ((list || groups || keys || version) && optind < argc)
		return usage_error(list ? "--list takes no query" : groups ? "--groups takes no query"
		                   : keys ? "--keys takes no query" : "--version takes no query",
		                   NULL, 0);
	if (keys)
		return print_keys(fmt);
	if (groups)
		return print_groups(fmt);
	if (version)
		return print_version();
	if (!list && optind == argc) {
		fputs("auxchan: no query (try --list, or --help)\n", stderr);
		return 2;
	}
	for (int a = optind; a < argc; a++)
		if (!*argv[a])
			return usage_error("empty query", NULL, 0);

	sel = calloc(count ? count : 1, 1);
	if (!sel) {
		fputs("auxchan: out of memory\n", stderr);
		return 2;
	}
	if (list) {
		memset(sel, 1, count);
	} else if (all_keys(argv + optind, (size_t)(argc - optind))) {
		/* Keys: the rooms of each, as auxchan_lookup() finds them. */
		answer.how = BY_KEY;
		for (int a = optind; a < argc && status == 0; a++)
			status = select_rooms(sel, argv[a], strlen(argv[a]), &answer.score);
	} else {
		/* Anything else: every argument together, one search. */
		char *query = joined((const char *const *)(argv + optind), (size_t)(argc - optind),
		                     " ");

		if (!query) {
			fputs("auxchan: out of memory\n", stderr);
			free(sel);
			return 2;
		}
		answer = (struct answer){ .how = BY_SEARCH, .query = query };
		status = select_rooms(sel, query, strlen(query), &answer.score);
		if (status == 0 && answer.score == 0) /* a key: "code of conduct" */
			answer.how = BY_KEY;
	}
	if (status == 2) {
		fputs("auxchan: out of memory\n", stderr);
		free(sel);
		free((char *)answer.query);
		return 2;
	}
	answer.missed = status == 1;
	show(fmt, sel, &answer);
	free(sel);
	free((char *)answer.query);
	return finish(status);
}
