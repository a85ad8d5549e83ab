/*
 * auxchan.h - the Aux community's Matrix rooms, compiled into a table.
 *
 * The rooms come from the Aux wiki's "Matrix" page, parsed at build time by
 * auxchan-gen and hashed by gperf.  At run time nothing is read, nothing is
 * allocated and nothing is written: every function below only reads constant
 * tables, so all of them are thread-safe and async-signal-safe.
 *
 * Ownership: every string returned points into a read-only table that lives
 * as long as the program.  Never free or modify it.  Strings are UTF-8 and
 * NUL-terminated; none contains a control character.
 *
 * Keys: a room is found, ignoring ASCII case, by
 *   - its room alias in any usual form: "#SIGPY-GEN:auxolotl.org",
 *     "SIGPY-GEN:auxolotl.org", "SIGPY-GEN", or a matrix.to link to it
 *     ("https://matrix.to/#/#SIGPY-GEN:auxolotl.org", percent-encoded or
 *     not, with or without "?via=...");
 *   - its display name ("SIG:Python General");
 *   - its group: the stem its localpart shares with other rooms ("sigpy")
 *     or the group's topic ("python").
 * A '#' before a localpart makes a room reference: "#x" is the localpart
 * x, so the alias "##x:y.org" (localpart "#x") is found as "##x:y.org" or
 * "##x", never as "#x:y.org" or "#x".  A matrix.to link finds the room it
 * links to, never a display name or topic spelt like it.
 * One key may name several rooms; they are returned in page order.  A
 * search (auxchan_search()) finds rooms by the words of a question.
 *
 * Example:
 *
 *     #include <stdio.h>
 *     #include <string.h>
 *     #include <auxchan.h>
 *
 *     int main(int argc, char **argv)
 *     {
 *         const char *q = argc > 1 ? argv[1] : "where can I ask about macOS";
 *         size_t found[8], n = auxchan_search(q, strlen(q), found, 8);
 *
 *         for (size_t i = 0; i < n && i < 8; i++)
 *             printf("%s\t%s\n", auxchan_field(found[i], AUXCHAN_ALIAS),
 *                    auxchan_field(found[i], AUXCHAN_NAME));
 *         if (n == 0) {
 *             const char *key[3];
 *             size_t len[3], k = auxchan_suggest(q, strlen(q), key, len, 3);
 *
 *             for (size_t i = 0; i < k; i++)
 *                 printf("did you mean %.*s?\n", (int)len[i], key[i]);
 *         }
 *         return n ? 0 : 1;
 *     }
 *
 * Build with: cc prog.c -Iinclude build/libauxchan.a
 */
#ifndef AUXCHAN_H
#define AUXCHAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; auxchan_version() gives the library's. */
#define AUXCHAN_VERSION "0.1.0"

/* The fields of a room, as auxchan_field() returns them. */
enum auxchan_field {
	AUXCHAN_SECTION, /* heading above the room's table, or "" */
	AUXCHAN_NAME,    /* display name, "SIG:Python General" */
	AUXCHAN_ALIAS,   /* room alias, "#SIGPY-GEN:auxolotl.org" */
	AUXCHAN_URL,     /* matrix.to link as the page writes it */
	AUXCHAN_PURPOSE, /* purpose text, or "" */
	AUXCHAN_GROUP,   /* topic of the room's group, "Python", or "" */
	AUXCHAN_FIELD_COUNT
};

/* Number of rooms on the page. */
size_t auxchan_count(void);

/*
 * A field of room i (0 <= i < auxchan_count(), in page order).
 * Returns NULL if i or field is out of range.
 */
const char *auxchan_field(size_t i, enum auxchan_field field);

/*
 * Looks up the key (len bytes at key; no NUL needed, any bytes allowed).
 * Stores the indices of up to cap matching rooms in out[], in page order,
 * and returns how many rooms match in all (0 when none), which may be
 * more than cap: call again with a larger array to get the rest.  out may
 * be NULL when cap is 0.
 */
size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap);

/*
 * The page's general rooms, where anything about the project that no room
 * is about can be asked: the rooms of the page's first room table (the
 * first that has any), #general on the Aux wiki's page.  Stores the
 * indices of up to cap of them in out[] and returns how many there are.
 * A program can offer them when a query finds nothing, as auxchan does.
 */
size_t auxchan_general(size_t *out, size_t cap);

/*
 * Searches the rooms a person means by a few words ("python sig", "where
 * can I ask about macOS", "js", "pyhton"): stores the indices of up to cap
 * of the best-matching rooms in out[], in page order, and returns how
 * many there are in all (0 when no word of the query matches).  The best
 * are the top tier: every room of the highest score, and only those; a
 * top tier of more than a quarter of the page's rooms (and more than 4)
 * is no answer: the query says too little to choose ("aux", "sig"), and
 * the search finds nothing.
 * Any bytes; no NUL needed.
 *
 * A query that is a key, once trimmed of surrounding whitespace, is
 * answered as auxchan_lookup() answers it.  A room reference that is not
 * a key (a matrix.to link, with https://, http:// or no scheme, or one
 * token that starts with '#' or holds a ':') finds nothing: the words of
 * its parts are not searched; auxchan_suggest() gives the rooms it may
 * mean.  Otherwise the query is split into terms as the page is (words,
 * ASCII case folded; their camelCase and digit parts; words joined by
 * - . _ /), each once, the first AUXCHAN_SEARCH_WORDS of at most
 * AUXCHAN_SEARCH_WORD_MAX bytes that match a word of the page counting.
 * A term matches the words of rooms' names, topics, localparts, stems,
 * purposes and sections that are the same word or stem ("packages":
 * "packaging"), with their points; only when there is none, those it
 * starts (AUXCHAN_SEARCH_PREFIX bytes or more: "mac") or is one edit from
 * (AUXCHAN_SEARCH_TYPO or more, and not itself an English word: "pyhton"),
 * with half; a stop word ("where", "can", "the") matches nothing.  A
 * room's score is the sum over the terms of the most points one of its
 * matches brings it; a word's points are higher the fewer rooms have it,
 * and in a name than in a purpose.  The work is bounded: only the first
 * AUXCHAN_SEARCH_QUERY_MAX bytes are split into terms; a term matches at
 * most AUXCHAN_SEARCH_PREFIX_READ words it starts (the first in byte
 * order), and a query at most AUXCHAN_SEARCH_MATCHES_ALL words in all,
 * taken by rank (each term's best match, then each term's second...); the
 * rooms scored are those of the matches whose rooms, in that order, fit in
 * AUXCHAN_SEARCH_POSTINGS (or in AUXCHAN_SEARCH_WORK divided by the number
 * of matches taken, if that is less: a room scored costs a look at each),
 * the other matches adding their points to those rooms only.  The rule in full: doc/search.md; the formula: points() in
 * gen/search.c.
 *
 * Uses about 8 KiB of stack, whatever the page.
 */
size_t auxchan_search(const char *query, size_t len, size_t *out, size_t cap);

/*
 * auxchan_search(), which also stores in *score the top tier's score: 0
 * when the query is a key, or found nothing; otherwise points, in halves
 * (the more, the more the query's words say of the rooms found).
 */
size_t auxchan_search_scored(const char *query, size_t len, size_t *out, size_t cap,
                             unsigned *score);

/*
 * What a word of the vocabulary means: the words people type that the
 * page lacks (the vocabulary page the library was built with, data/words.md
 * for the Aux wiki's page), each found by the search as what it means.  For
 * word (len bytes, a term of a query: "golang", "crates.io"; any ASCII
 * case), returns what it means ("Go"), its length in *mlen (not
 * NUL-terminated), or NULL if it is no word of the vocabulary.  A program
 * can say so under a search's answer, as auxchan does ("golang: Go").
 */
const char *auxchan_means(const char *word, size_t len, size_t *mlen);

#define AUXCHAN_SEARCH_QUERY_MAX 256   /* bytes of a query searched for words */
#define AUXCHAN_SEARCH_WORDS 12        /* query words read, at most */
#define AUXCHAN_SEARCH_WORD_MAX 64     /* bytes of a query word: longer ones are left out */
#define AUXCHAN_SEARCH_MATCHES 32      /* page words a query word matches, at most */
#define AUXCHAN_SEARCH_PREFIX 3        /* bytes a query word needs to match as a prefix */
#define AUXCHAN_SEARCH_PREFIX_READ 256 /* words it starts read, at most (in byte order) */
#define AUXCHAN_SEARCH_TYPO 4          /* bytes a query word needs to match with a typo */
#define AUXCHAN_SEARCH_MATCHES_ALL 64  /* page words a query matches in all, at most */
#define AUXCHAN_SEARCH_POSTINGS 2048   /* rooms of matches read, at most: the others looked up */
#define AUXCHAN_SEARCH_WORK 8192       /* rooms read times matches taken, at most */

/*
 * Suggestions for a query nothing answers: stores up to cap (at most
 * AUXCHAN_SUGGEST_MAX) keys close to it in keys[], their lengths in
 * lens[] (they are not NUL-terminated), closest first, and returns how
 * many.  A matrix.to link is read as the reference it holds (%XX
 * decoded).  For "room:server" whose localpart is a room's (the server
 * wrong), that room's alias (without its '#', as keys are written) comes
 * first; then the keys a few edits away
 * (ignoring ASCII case and a leading '#'): one for a query under 6 bytes,
 * two under 12, three from there; at one distance, in the order of
 * auxchan_key().  A query of over AUXCHAN_SUGGEST_LEN_MAX bytes gets
 * none.  Uses about 1 KiB of stack; reads the keys of lengths close to the
 * query's (under a millisecond for 20,000 rooms: doc/bench.md).
 */
size_t auxchan_suggest(const char *query, size_t len, const char **keys, size_t *lens,
                       size_t cap);

#define AUXCHAN_SUGGEST_MAX 8
#define AUXCHAN_SUGGEST_LEN_MAX 128

/*
 * The keys: every string auxchan_lookup() finds rooms by, each once
 * (ignoring ASCII case), in no particular order: aliases (written without
 * their '#'), localparts, display names, group stems and topics.
 * auxchan_key() returns key i (0 <= i < auxchan_key_count()) and stores
 * its length in *len (if len is not NULL): the bytes are not
 * NUL-terminated.  Returns NULL if i is out of range.
 */
size_t auxchan_key_count(void);
const char *auxchan_key(size_t i, size_t *len);

/*
 * Groups.  The rooms whose localparts share the stem before their last
 * '-' ("SIGPY-GEN", "SIGPY-GOV") form a group, whose topic comes from its
 * first room's name ("SIG:Python General": "Python").  The group pages the
 * library was built with (the Aux wiki's "SIGs" and "Committees" pages,
 * data/sigs.md and data/committees.md) say what a group does, who leads it
 * and when it meets; a group no page names has those fields empty.
 * Groups are numbered 0 <= g < auxchan_group_count(), in the order of
 * their first rooms.
 *
 * Example: what the group of room i does, and who leads it.
 *
 *     size_t g = auxchan_group_of(i);
 *
 *     if (g != AUXCHAN_NO_GROUP) {
 *         printf("%s: %s\n", auxchan_group_field(g, AUXCHAN_GROUP_TOPIC),
 *                auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY));
 *         for (size_t k = 0; k < auxchan_group_leader_count(g); k++)
 *             printf("  led by %s\n", auxchan_group_leader(g, k));
 *         for (size_t k = 0; k < auxchan_group_meeting_count(g); k++)
 *             printf("  meets %s\n", auxchan_group_meeting(g, k, AUXCHAN_MEETING_TIME));
 *     }
 */
#define AUXCHAN_NO_GROUP ((size_t)-1)

enum auxchan_group_field {
	AUXCHAN_GROUP_TOPIC,          /* "Python", as AUXCHAN_GROUP of its rooms; may be "" */
	AUXCHAN_GROUP_STEM,           /* "SIGPY", as its first room's localpart writes it */
	AUXCHAN_GROUP_RESPONSIBILITY, /* what it does, plain text, each link's target after
	                                 its text: "Maintains KDE <https://kde.org/> ...", or "" */
	AUXCHAN_GROUP_FIELD_COUNT
};

enum auxchan_meeting_field {
	AUXCHAN_MEETING_TIME,   /* "Saturdays at 17:00 UTC" (link targets as above) */
	AUXCHAN_MEETING_LENGTH, /* "around 1 hour", or "" */
	AUXCHAN_MEETING_JOIN,   /* the join link's text, "AuxSigDocs on Jitsi", or "" */
	AUXCHAN_MEETING_URL,    /* its target, "https://meet.jit.si/AuxDocs", or "" */
	AUXCHAN_MEETING_FIELD_COUNT
};

/* Number of groups. */
size_t auxchan_group_count(void);

/* The group of room i, or AUXCHAN_NO_GROUP (none, or i out of range). */
size_t auxchan_group_of(size_t i);

/* A field of group g; NULL if g or field is out of range. */
const char *auxchan_group_field(size_t g, enum auxchan_group_field field);

/*
 * The rooms of group g: stores up to cap of them in out[], in page order,
 * and returns how many there are (0 if g is out of range).
 */
size_t auxchan_group_rooms(size_t g, size_t *out, size_t cap);

/* The leaders of group g: their number, and leader k's handle, "@vlinkz"
 * (NULL if g or k is out of range). */
size_t auxchan_group_leader_count(size_t g);
const char *auxchan_group_leader(size_t g, size_t k);

/* The regular meetings of group g: their number, and a field of meeting k
 * (NULL if g, k or field is out of range). */
size_t auxchan_group_meeting_count(size_t g);
const char *auxchan_group_meeting(size_t g, size_t k, enum auxchan_meeting_field field);

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *auxchan_version(void);

/* The page's front matter: its title and date ("" if it has none). */
const char *auxchan_title(void);
const char *auxchan_date(void);

#ifdef __cplusplus
}
#endif

#endif /* AUXCHAN_H */
