/*
 * room.c - the library: the room table written by auxchan-gen (see
 * gen/room.c), served without allocation or writable state.
 *
 * Every string that finds rooms is a key of one table (an alias without
 * '#', a localpart, a display name, a group stem or topic), and each key
 * row names, as three lists, the rooms it finds typed, after a '#', and
 * as the room of a link: the generator has worked out what each key means,
 * so a lookup is one probe (room_find()) and a copy.
 */
#include "gperf.h" /* first: its pragma comes before any function */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "auxchan.h"
#include "key.h"
#include "link.h"

#include "room_data.h"

GPERF_OUTPUT_BEGIN
#include "room_gperf.c"
GPERF_OUTPUT_END

GPERF_PROBE_FUNCTION(room_probe, ROOM_BUCKETS)

/*
 * The number of the key that the n bytes at s are, ignoring ASCII case, or
 * -1.  Uses ROOM_KEY_MAX bytes of stack on a page that has a key with a '?'.
 */
static inline long room_find(const char *s, size_t n)
{
	char q[ROOM_KEY_MAX];
	const char *h = s;
	long key;

	/* Reject what no key can be. */
	if (n == 0 || n > ROOM_KEY_MAX)
		return -1;
	/* gperf hashes keys with '?' and 0xff swapped (key.h): so the query. */
	if (ROOM_SWAP && key_find(s, n, '?', 0xff) < n)
		key_encode(q, s, n, ROOM_SWAP), h = q;
	/* The first-level hash picks a bucket, whose gperf hash (blind to
	 * ASCII case) names the one key the query can be. */
	key = room_probe(key_bucket(key_hash(s, n, ROOM_SWAP, ROOM_SEED), ROOM_BUCKET_COUNT), h, n);
	if (key < 0)
		return -1;
	/* Compare: the query must be that key. */
	return room_key_len(key) == n && key_mem_equal(s, ROOM_POOL + room_key_text(key), n) ? key : -1;
}

size_t auxchan_count(void)
{
	return ROOM_COUNT;
}

size_t auxchan_general(size_t *out, size_t cap)
{
	for (size_t i = 0; i < ROOM_GENERAL_COUNT && i < cap; i++)
		out[i] = i;
	return ROOM_GENERAL_COUNT;
}

const char *auxchan_field(size_t i, enum auxchan_field field)
{
	if (i >= ROOM_COUNT || (unsigned)field >= AUXCHAN_FIELD_COUNT)
		return NULL;
	return ROOM_POOL + room_fields[i][field];
}

size_t auxchan_group_count(void)
{
	return ROOM_GROUP_COUNT;
}

size_t auxchan_group_of(size_t i)
{
	return i < ROOM_COUNT && room_group_of(i) < ROOM_GROUP_COUNT ? room_group_of(i)
	                                                              : AUXCHAN_NO_GROUP;
}

const char *auxchan_group_field(size_t g, enum auxchan_group_field field)
{
	if (g >= ROOM_GROUP_COUNT || (unsigned)field >= AUXCHAN_GROUP_FIELD_COUNT)
		return NULL;
	return ROOM_POOL + room_groups[g].field[field];
}

size_t auxchan_group_rooms(size_t g, size_t *out, size_t cap)
{
	size_t list, n;

	if (g >= ROOM_GROUP_COUNT)
		return 0;
	list = room_groups[g].rooms;
	n = room_lists(list);
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = room_lists(list + 1 + i);
	return n;
}

size_t auxchan_group_leader_count(size_t g)
{
	return g < ROOM_GROUP_COUNT ? (size_t)(room_groups[g + 1].leaders - room_groups[g].leaders)
	                            : 0;
}

const char *auxchan_group_leader(size_t g, size_t k)
{
	if (k >= auxchan_group_leader_count(g))
		return NULL;
	return ROOM_POOL + room_leaders[room_groups[g].leaders + k];
}

size_t auxchan_group_meeting_count(size_t g)
{
	return g < ROOM_GROUP_COUNT
	       ? (size_t)(room_groups[g + 1].meetings - room_groups[g].meetings) : 0;
}

const char *auxchan_group_meeting(size_t g, size_t k, enum auxchan_meeting_field field)
{
	if (k >= auxchan_group_meeting_count(g) || (unsigned)field >= AUXCHAN_MEETING_FIELD_COUNT)
		return NULL;
	return ROOM_POOL + room_meetings[room_groups[g].meetings + k][field];
}

const char *auxchan_version(void)
{
	return AUXCHAN_VERSION;
}

const char *auxchan_title(void)
{
	return ROOM_POOL + ROOM_TITLE;
}

const char *auxchan_date(void)
{
	return ROOM_POOL + ROOM_DATE;
}

size_t auxchan_key_count(void)
{
	return ROOM_KEY_COUNT;
}

const char *auxchan_key(size_t i, size_t *len)
{
	size_t sigil;

	if (i >= ROOM_KEY_COUNT)
		return NULL;
	/* A key that finds nothing typed is found after a '#' (a name "#K" is
	 * the key K; a localpart "#x" is found by "##x"): it is written with
	 * one, which stands before it in the pool (gen/room.c). */
	sigil = room_key_typed(i) == 0;
	if (len)
		*len = room_key_len(i) + sigil;
	return ROOM_POOL + room_key_text(i) - sigil;
}

/*
 * The room a matrix.to link (n bytes at s, LINK_PREFIX included) names: its
 * fragment up to any '?', %XX escapes decoded into buf (LINK_ALIAS_MAX
 * bytes).  Sets *room; returns its length, or LINK_BAD.
 */
static size_t room_of_link(const char *s, size_t n, char *buf, const char **room)
{
	size_t end;

	s += LINK_PREFIX_LEN, n -= LINK_PREFIX_LEN;
	end = key_find(s, n, '?', '%');
	*room = s;
	if (end < n && s[end] == '%') { /* rare: decoded, the slow way */
		*room = buf;
		return link_decode(s, n, buf, LINK_ALIAS_MAX);
	}
	return end > LINK_ALIAS_MAX ? LINK_BAD : end;
}

size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap)
{
	char buf[LINK_ALIAS_MAX];
	long k;
	size_t list, n;
	enum { TYPED, SIGIL, LINK } as = TYPED;

	/* Normalise: a link is the room it names, "#K" is K after a '#'. */
	if (link_has_prefix(key, len, 1)) {
		if ((len = room_of_link(key, len, buf, &key)) == LINK_BAD)
			return 0;
		if (len > 0 && key[0] == '#') /* optional in a link */
			key++, len--;
		as = LINK;
	} else if (len > 1 && key[0] == '#') {
		key++, len--;
		as = SIGIL;
	}
	/* Find the key. */
	if ((k = room_find(key, len)) < 0)
		return 0;
	/* Copy the rooms it finds so. */
	list = as == TYPED ? room_key_typed(k) : as == SIGIL ? room_key_sigil(k) : room_key_link(k);
	n = room_lists(list);
	for (size_t i = 0; i < n && i < cap; i++)
		out[i] = room_lists(list + 1 + i);
	return n;
}
