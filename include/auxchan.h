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
 * Keys: a channel is found, ignoring ASCII case, by
 *   - its room alias in any usual form: "#SIGPY-GEN:auxolotl.org",
 *     "SIGPY-GEN:auxolotl.org", "SIGPY-GEN", or a matrix.to link to it
 *     ("https://matrix.to/#/#SIGPY-GEN:auxolotl.org", percent-encoded or
 *     not, with or without "?via=...");
 *   - its display name ("SIG:Python General");
 *   - its group: the stem its localpart shares with other rooms ("sigpy")
 *     or the group's topic ("python").
 * One key may name several channels; they are returned in page order.
 *
 * Example:
 *
 *     #include <stdio.h>
 *     #include <string.h>
 *     #include <auxchan.h>
 *
 *     int main(void)
 *     {
 *         size_t found[8];
 *         size_t n = auxchan_lookup("python", strlen("python"), found, 8);
 *
 *         for (size_t i = 0; i < n && i < 8; i++)
 *             printf("%s\t%s\n", auxchan_field(found[i], AUXCHAN_ALIAS),
 *                    auxchan_field(found[i], AUXCHAN_NAME));
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

/* The fields of a channel, as auxchan_field() returns them. */
enum auxchan_field {
	AUXCHAN_SECTION, /* heading above the channel's table, or "" */
	AUXCHAN_NAME,    /* display name, "SIG:Python General" */
	AUXCHAN_ALIAS,   /* room alias, "#SIGPY-GEN:auxolotl.org" */
	AUXCHAN_URL,     /* matrix.to link as the page writes it */
	AUXCHAN_PURPOSE, /* purpose text, or "" */
	AUXCHAN_GROUP,   /* topic of the channel's group, "Python", or "" */
	AUXCHAN_FIELD_COUNT
};

/* Number of channels on the page. */
size_t auxchan_count(void);

/*
 * A field of channel i (0 <= i < auxchan_count(), in page order).
 * Returns NULL if i or field is out of range.
 */
const char *auxchan_field(size_t i, enum auxchan_field field);

/*
 * Looks up the key (len bytes at key; no NUL needed, any bytes allowed).
 * Stores the indices of up to cap matching channels in out[], in page order,
 * and returns how many channels match in all (0 when none), which may be
 * more than cap: call again with a larger array to get the rest.  out may
 * be NULL when cap is 0.
 */
size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap);

/*
 * The keys: every string auxchan_lookup() finds channels by, each once
 * (ignoring ASCII case), in no particular order: aliases (written without
 * their '#'), localparts, display names, group stems and topics.
 * auxchan_key() returns key i (0 <= i < auxchan_key_count()) and stores
 * its length in *len (if len is not NULL): the bytes are not
 * NUL-terminated.  Returns NULL if i is out of range.
 */
size_t auxchan_key_count(void);
const char *auxchan_key(size_t i, size_t *len);

/* The library's version, "MAJOR.MINOR.PATCH". */
const char *auxchan_version(void);

/* The page's front matter: its title and date ("" if it has none). */
const char *auxchan_title(void);
const char *auxchan_date(void);

#ifdef __cplusplus
}
#endif

#endif /* AUXCHAN_H */
