/*
 * channel.c - the library: the channel table written by auxchan-gen (see
 * gen/channel.h), served without allocation or writable state.
 *
 * A key is looked up twice, in two gperf tables: whole, among display
 * names and group stems and topics; and as a room reference (a matrix.to
 * link, "#local:server", "local:server" or "local"), by its localpart,
 * keeping the channels whose server matches when the key names one.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "auxchan.h"
#include "key.h"
#include "link.h"

#include "channel_data.h"

/*
 * gperf's output, with its lookup functions made static (a prior static
 * declaration gives the definition internal linkage) and the warnings its
 * code is known to raise silenced for it alone.
 */
static const struct ch_word *ch_room_lookup(const char *str, size_t len);
static const struct ch_word *ch_name_lookup(const char *str, size_t len);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include "channel_room.c"
#include "channel_name.c"
#pragma GCC diagnostic pop

#define MAX(a, b) ((a) > (b) ? (a) : (b))

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

/* Does the NUL-terminated c equal the n bytes at s, ignoring ASCII case? */
static int equals(const char *c, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!c[i] || key_fold((unsigned char)c[i]) != key_fold((unsigned char)s[i]))
			return 0;
	return c[n] == '\0';
}

/* The channels of a gperf slot, those of room lookups filtered by server. */
struct hits {
	const ch_ref *ref;
	size_t n, at;
	const char *srv;  /* NULL: all of them */
	size_t srvlen, lplen;
};

/* The next channel of h (in page order), or CH_COUNT when there is none. */
static size_t next_hit(struct hits *h)
{
	while (h->at < h->n) {
		size_t c = h->ref[h->at++];
		const char *alias = CH_POOL + ch_channels[c][AUXCHAN_ALIAS];

		/* The alias is "#" localpart ":" server. */
		if (!h->srv || equals(alias + 1 + h->lplen + 1, h->srv, h->srvlen))
			return c;
	}
	return CH_COUNT;
}

static void set_hits(struct hits *h, const struct ch_word *w)
{
	if (w) {
		h->ref = ch_refs + w->first;
		h->n = w->count;
	}
}

size_t auxchan_lookup(const char *key, size_t len, size_t *out, size_t cap)
{
	char buf[MAX(CH_NAME_MAX_WORD_LENGTH, CH_ROOM_MAX_WORD_LENGTH)];
	char decoded[LINK_ALIAS_MAX];
	struct hits byname = { 0 }, byroom = { 0 };
	const char *ref = key, *lp;
	size_t n = len, found = 0, a, b;

	if (len >= CH_NAME_MIN_WORD_LENGTH && len <= CH_NAME_MAX_WORD_LENGTH) {
		key_encode(buf, key, len);
		set_hits(&byname, ch_name_lookup(buf, len));
	}

	if (link_has_prefix(key, len, 1)) {
		n = link_decode(key + LINK_PREFIX_LEN, len - LINK_PREFIX_LEN,
		                decoded, sizeof decoded);
		ref = decoded;
	}
	if (n != LINK_BAD) {
		link_split(ref, n, &lp, &byroom.lplen, &byroom.srv, &byroom.srvlen);
		if (byroom.lplen >= CH_ROOM_MIN_WORD_LENGTH &&
		    byroom.lplen <= CH_ROOM_MAX_WORD_LENGTH) {
			key_encode(buf, lp, byroom.lplen);
			set_hits(&byroom, ch_room_lookup(buf, byroom.lplen));
		}
	}

	/* Both lists are in page order: merge them, each channel once. */
	a = next_hit(&byname);
	b = next_hit(&byroom);
	while (a < CH_COUNT || b < CH_COUNT) {
		size_t c = a < b ? a : b;

		if (found < cap)
			out[found] = c;
		found++;
		if (a == c)
			a = next_hit(&byname);
		if (b == c)
			b = next_hit(&byroom);
	}
	return found;
}
