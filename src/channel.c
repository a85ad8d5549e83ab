/*
 * channel.c - the library: the channel table written by auxchan-gen (see
 * gen/channel.h), served without allocation or writable state.
 *
 * A query is encoded once (key.h) and looked up in two gperf tables:
 *   keys   aliases without '#' ("sigpy-gen:auxolotl.org"), display names,
 *          group stems and topics: the query whole, or a room reference's
 *          alias ("#sigpy-gen:auxolotl.org", a matrix.to link) without '#';
 *   rooms  localparts alone: "SIGPY-GEN", "#SIGPY-GEN".
 * A page of at most 1,000 keys has one table: its localparts are keys too.
 * A slot holds a key's number; the key is compared with its bytes in the
 * string pool, so the keys are stored once.  Each key leads to one channel
 * list, which the generator has merged from all a key can mean (see
 * gen/channel.c): a lookup is at most two probes and a copy.
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
/* A key and its '#', or a link's room reference. */
#define BUF_MAX (KEY_MAX + 1 > LINK_ALIAS_MAX ? KEY_MAX + 1 : LINK_ALIAS_MAX)

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
 * The key in slot h of a gperf table (words, max its last slot) if it is
 * the encoded query q (len bytes), or -1.
 */
static inline long ch_probe(const struct ch_word *words, unsigned h, unsigned max,
                            const char *q, size_t len)
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
 * The fragment of a matrix.to link (n bytes at frag) with %XX escapes,
 * decoded up to any '?' into buf (LINK_ALIAS_MAX bytes): a rare path, kept
 * apart.  Its length, or LINK_BAD.
 */
static __attribute__((noinline, cold)) size_t ch_decode(const char *frag, size_t n, char *buf)
{
	return link_decode(frag, n, buf, LINK_ALIAS_MAX);
}

/* Does the key (len bytes) start with LINK_PREFIX, in any case? */
static int is_link(const char *key, size_t len)
{
	return len >= LINK_PREFIX_LEN && (key[0] | 0x20) == 'h' &&
	       key_matches(LINK_PREFIX, key, LINK_PREFIX_LEN, 0);
}

/*
 * A key is looked up whole ("SIG:Python General", "python", or an alias
 * without '#', "sigpy-gen:auxolotl.org"), else as a localpart (main keys
 * hold the channels of their localpart too); a key that starts with '#',
 * or a link's fragment, as a room reference: "sigpy-gen:auxolotl.org" or
 * "sigpy-gen" after the '#' (the main key's view, or a localpart).  If a
 * main key starts with '#' (CH_HASH_KEYS), a key that does is looked up
 * whole first: its list holds the channels of the reference too.  Each
 * gperf function is called from one place, so that it is inlined once.
 */
size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap)
{
	char buf[BUF_MAX], dec[LINK_ALIAS_MAX];
	const char *q = buf;
	size_t n = len, first, i;
	int ref;
	long k;

	if (is_link(key, len)) {
		key += LINK_PREFIX_LEN, len -= LINK_PREFIX_LEN;
		n = key_find(key, len, '?', '%');
		if (n < len && key[n] == '%') {
			if ((n = ch_decode(key, len, dec)) == LINK_BAD)
				return 0;
			key = dec;
		} else if (n > LINK_ALIAS_MAX) { /* link_decode() would fail */
			return 0;
		}
		ref = 1;
	} else if (len - 1 > KEY_MAX) { /* empty, or longer than any key and a '#' */
		return 0;
	} else {
		ref = key[0] == '#' && !CH_HASH_KEYS;
	}
	key_encode(buf, key, n, CH_SWAP);
	if (ref && n > 0 && q[0] == '#')
		q++, n--;
again:
	k = ch_main(q, n);
	if (CH_HASH_KEYS && k < 0 && !ref && key[0] == '#') {
		q++, n--, ref = 1;
		goto again;
	}
	if (ref && k >= 0 && k < CH_REF_KEYS)
		k = k < CH_ALIAS_KEYS ? k : k < CH_VIEW_KEYS ? CH_VIEW(k) : -1;
	else if (!CH_ONE_TABLE && (k < 0 || ref))
		k = ch_room(q, n);
	if (k < 0)
		return 0;
	first = ch_key_first[k];
	for (i = 0; i < ch_key_count[k] && i < cap; i++)
		out[i] = ch_refs[first + i];
	return ch_key_count[k];
}
