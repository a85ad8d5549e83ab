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
 * copy of the keys with them (see struct ch_word).  The warnings gperf's code is known to raise
 * are silenced for it alone.
 */
static const struct ch_word *ch_keys_lookup(const char *, size_t) __attribute__((unused));
static const struct ch_word *ch_rooms_lookup(const char *, size_t) __attribute__((unused));

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
/* gperf's offsets, cut short into struct ch_word's unread name: */
#pragma GCC diagnostic ignored "-Woverflow"
#ifdef __clang__
#pragma clang diagnostic ignored "-Wconstant-conversion"
#endif
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

const char *auxchan_version(void)
{
	return AUXCHAN_VERSION;
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
static __attribute__((noinline)) long
ch_probe(const struct ch_word *words, unsigned h, unsigned max, const char *q, size_t len)
{
	size_t k;

	if (h > max)
		return -1;
	k = words[h].key;
	return ch_key_len[k] == len && key_matches(q, CH_POOL + ch_key_off[k], len, CH_SWAP)
	       ? (long)k : -1;
}

static long ch_main(const char *q, size_t len)
{
	if (len < CH_KEYS_MIN_WORD_LENGTH || len > CH_KEYS_MAX_WORD_LENGTH)
		return -1;
	return ch_probe(ch_keys_words, ch_keys_hash(q, len), CH_KEYS_MAX_HASH_VALUE, q, len);
}

static long ch_room(const char *q, size_t len)
{
	if (len < CH_ROOMS_MIN_WORD_LENGTH || len > CH_ROOMS_MAX_WORD_LENGTH)
		return -1;
	return ch_probe(ch_rooms_words, ch_rooms_hash(q, len), CH_ROOMS_MAX_HASH_VALUE, q, len);
}

/*
 * The room reference of a matrix.to link (len bytes at key): its fragment
 * up to any '?', %XX escapes decoded, encoded into buf (LINK_ALIAS_MAX
 * bytes at least), one byte at a time: a rare path, kept small.  Its
 * length, or LINK_BAD; *colon tells whether it holds a ':'.
 */
static __attribute__((cold)) size_t ch_link(const char *key, size_t len, char *buf, int *colon)
{
	size_t n = link_decode(key + LINK_PREFIX_LEN, len - LINK_PREFIX_LEN, buf, LINK_ALIAS_MAX);

	for (size_t i = 0; i < n && n != LINK_BAD; i++) {
		*colon |= buf[i] == ':';
		buf[i] = (char)key_byte_swap((unsigned char)buf[i], CH_SWAP);
	}
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
static int is_alias(long k, size_t c, const char *q, size_t len)
{
	const char *alias = CH_POOL + ch_channels[c][AUXCHAN_ALIAS] + 1;

	if (ch_key_count[k] & 1)
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
	long whole = -1, room = -1;
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
			n = ch_link(key, len, buf, &colon);
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

	na = whole < 0 ? 0 : ch_key_count[whole] / 2u;
	nb = room < 0 ? 0 : ch_key_count[room] / 2u;
	if (!nb || (!na && (!colon || (ch_key_count[room] & 1)))) { /* one list: copy it */
		long k = na ? whole : room;

		for (i = 0; i < na + nb; i++)
			found = put(out, cap, found, ch_refs[ch_key_first[k] + i]);
		return found;
	}
	/* Both channel lists are in page order: merge them, each channel once,
	 * keeping of an alias key the channels whose alias it is. */
	for (i = j = 0; i < na || j < nb;) {
		size_t a = i < na ? ch_refs[ch_key_first[whole] + i] : CH_COUNT;
		size_t b = j < nb ? ch_refs[ch_key_first[room] + j] : CH_COUNT;

		if (j < nb && colon && !is_alias(room, b, ref, n))
			j++;
		else if (a <= b)
			found = put(out, cap, found, a), i++, j += a == b;
		else
			found = put(out, cap, found, b), j++;
	}
	return found;
}
