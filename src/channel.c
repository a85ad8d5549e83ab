/*
 * channel.c - the library: the channel table written by auxchan-gen (see
 * gen/channel.h), served without allocation or writable state.
 *
 * A query is encoded once (key.h) and looked up in two gperf tables:
 *   keys   aliases without '#' ("sigpy-gen:auxolotl.org"), display names,
 *          group stems and topics: the query whole, or a room reference's
 *          alias ("#sigpy-gen:auxolotl.org", a matrix.to link) without '#';
 *   rooms  localparts alone: "SIGPY-GEN", "#SIGPY-GEN".
 * A slot holds a key's number; the key is compared with its bytes in the
 * string pool, so the keys are stored once.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "auxchan.h"
#include "key.h"
#include "link.h"

#include "channel_data.h"

/*
 * gperf's output.  Its lookup functions compare a key with gperf's own copy
 * of the keys; this file uses only its hash functions and slot tables, so
 * they are declared static and unused (a prior static declaration gives
 * their definitions internal linkage): the compiler drops them, and gperf's
 * copy of the keys with them.  The warnings gperf's code is known to raise
 * are silenced for it alone.
 */
static const struct ch_word *ch_keys_lookup(const char *, size_t) __attribute__((unused));
static const struct ch_word *ch_rooms_lookup(const char *, size_t) __attribute__((unused));

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include "channel_keys.c"
#include "channel_rooms.c"
#pragma GCC diagnostic pop

/* A query longer than any key can only be a link: with a long "?via=". */
#define KEY_MAX (CH_KEYS_MAX_WORD_LENGTH > CH_ROOMS_MAX_WORD_LENGTH ? \
                 CH_KEYS_MAX_WORD_LENGTH : CH_ROOMS_MAX_WORD_LENGTH)
#define BUF_MAX (KEY_MAX > LINK_ALIAS_MAX ? KEY_MAX : LINK_ALIAS_MAX)

size_t auxchan_count(void)
{
	return CH_COUNT;
}

const char *auxchan_field(size_t i, enum auxchan_field field)
{
	if (i >= CH_COUNT || (unsigned)field >= AUXCHAN_FIELD_COUNT)
		return NULL;
	return CH_POOL + ch_channels[i][field];
}

const char *auxchan_title(void)
{
	return CH_POOL + CH_TITLE;
}

const char *auxchan_date(void)
{
	return CH_POOL + CH_DATE;
}

/*
 * key.h's loops, one copy each: inlined at every call they would make the
 * library larger, for a call's cost saved.  ch_encode() returns whether
 * the key holds a ':'.
 */
static __attribute__((noinline)) int ch_encode(char *buf, const char *s, size_t n)
{
	return key_encode(buf, s, n, CH_SWAP, ':');
}

/*
 * The key in slot h of a gperf table (words, max its last slot) if it is
 * the encoded query q (len bytes), or NULL.
 */
static __attribute__((noinline)) const struct ch_key *
ch_probe(const struct ch_word *words, unsigned h, unsigned max, const char *q, size_t len)
{
	const struct ch_key *k;

	if (h > max || words[h].name < 0)
		return NULL;
	k = &ch_keys[words[h].key];
	return k->len == len && key_matches(q, CH_POOL + k->off, len, CH_SWAP) ? k : NULL;
}

static const struct ch_key *ch_main(const char *q, size_t len)
{
	if (len < CH_KEYS_MIN_WORD_LENGTH || len > CH_KEYS_MAX_WORD_LENGTH)
		return NULL;
	return ch_probe(ch_keys_words, ch_keys_hash(q, len), CH_KEYS_MAX_HASH_VALUE, q, len);
}

static const struct ch_key *ch_room(const char *q, size_t len)
{
	if (len < CH_ROOMS_MIN_WORD_LENGTH || len > CH_ROOMS_MAX_WORD_LENGTH)
		return NULL;
	return ch_probe(ch_rooms_words, ch_rooms_hash(q, len), CH_ROOMS_MAX_HASH_VALUE, q, len);
}

/*
 * The room reference of a matrix.to link (len bytes at key): its fragment
 * up to any '?', %XX escapes decoded, encoded into buf.  Its length, or
 * LINK_BAD.
 */
static __attribute__((cold)) size_t ch_link(const char *key, size_t len, char *buf)
{
	char decoded[LINK_ALIAS_MAX] = { 0 }; /* compilers cannot tell what is set */
	size_t n = link_decode(key + LINK_PREFIX_LEN, len - LINK_PREFIX_LEN,
	                       decoded, sizeof decoded);

	if (n != LINK_BAD)
		ch_encode(buf, decoded, n);
	return n;
}

/* Stores channel c as the found-th match if there is room; counts it. */
static size_t put(size_t *out, size_t cap, size_t found, size_t c)
{
	if (found < cap)
		out[found] = c;
	return found + 1;
}

/*
 * Is channel c's alias without '#' the encoded q (len bytes)?  True of
 * every channel of a key whose count is odd; the others (a key that is an
 * alias and also a name, say) are compared byte by byte: rare.
 */
static int is_alias(const struct ch_key *k, size_t c, const char *q, size_t len)
{
	const char *alias = CH_POOL + ch_channels[c][AUXCHAN_ALIAS] + 1;

	if (k->count & 1)
		return 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)alias[i];

		if (!b || (CH_SWAP ? key_byte(b) : key_fold(b)) != (unsigned char)q[i])
			return 0;
	}
	return alias[len] == '\0';
}

size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap)
{
	char buf[BUF_MAX];
	const struct ch_key *whole = NULL, *room = NULL;
	const char *ref = buf;
	size_t n = len, found = 0, i, j, na, nb;
	int link = 0, colon = 0;

	if (len == 0)
		return 0;
	if (len >= LINK_PREFIX_LEN && key_matches(LINK_PREFIX, key, LINK_PREFIX_LEN, 0)) {
		/* A matrix.to link ("https://matrix.to/#/" is its own encoding). */
		const char *frag = key + LINK_PREFIX_LEN;

		link = 1;
		n = key_find(frag, len - LINK_PREFIX_LEN, '?');
		if (n > LINK_ALIAS_MAX || key_find(frag, n, '%') < n)
			n = ch_link(key, len, buf), colon = n != LINK_BAD && key_find(buf, n, ':') < n;
		else
			colon = ch_encode(buf, frag, n);
	} else if (len <= sizeof buf) {
		colon = ch_encode(buf, key, len);
		if (CH_HASH_KEYS || key[0] != '#')
			whole = ch_main(buf, len);
	} else {
		return 0;
	}
	/* As a room reference: "#local:server" (the whole key, if without
	 * '#'), "#local" or "local" (not the whole key again). */
	if (n != LINK_BAD) {
		if (n > 0 && ref[0] == '#')
			ref++, n--;
		if (!colon)
			room = ch_room(ref, n);
		else if (link || ref != buf) /* not the key looked up whole */
			room = ch_main(ref, n);
	}

	na = whole ? whole->count / 2 : 0;
	nb = room ? room->count / 2 : 0;
	if (!nb || (!na && (!colon || (room->count & 1)))) { /* one list: copy it */
		const struct ch_key *k = na ? whole : room;

		for (i = 0; i < na + nb; i++)
			found = put(out, cap, found, ch_refs[k->first + i]);
		return found;
	}
	/* Both channel lists are in page order: merge them, each channel once,
	 * keeping of an alias key the channels whose alias it is. */
	for (i = j = 0; i < na || j < nb;) {
		size_t a = i < na ? ch_refs[whole->first + i] : CH_COUNT;
		size_t b = j < nb ? ch_refs[room->first + j] : CH_COUNT;

		if (j < nb && colon && !is_alias(room, b, ref, n))
			j++;
		else if (a <= b)
			found = put(out, cap, found, a), i++, j += a == b;
		else
			found = put(out, cap, found, b), j++;
	}
	return found;
}
