/*
 * room.h - the room table that src/room.c serves, as auxchan-gen
 * writes it:
 *
 *   room_data.h       the string pool, each room's fields as pool
 *                        offsets, the room lists, and the keys (where
 *                        in the pool, and the lists they lead to), bucket
 *                        by bucket (C)
 *   gperf/room-N.gperf  the keywords of bucket N, each key encoded
 *                        with key_encode() (src/key.h), its value its
 *                        number in the bucket (gen/gperf.h)
 *
 * Every string that finds rooms is a key: each alias without '#',
 * localpart, display name, group stem and topic.  gperf turns each bucket
 * into a perfect hash; src/room.c includes them all (src/gperf.h).
 */
#ifndef AUXCHAN_ROOM_H
#define AUXCHAN_ROOM_H

#include <stdio.h>

#include "files.h"
#include "key.h"
#include "page.h"

/* The keys of a table as the library lists them (auxchan_key()). */
struct key_list {
	size_t n;
	struct key_text *k; /* key i */
	char *text;         /* what they point into */
};

/*
 * Writes the table of pg among the files fs (see files.h), and if keys is
 * not NULL, lists its keys there (free them with key_list_free()).
 * Returns 0, or -1 after reporting an I/O error on stderr.
 */
int room_write(const struct page *pg, struct files *fs, struct key_list *keys);

void key_list_free(struct key_list *k);

/*
 * Writes to out the keys of pg's table, one a line, in the order and the
 * form of auxchan --keys (of a library built from pg): the completions'
 * keys in a cross build, where the command cannot run.  The caller checks
 * that out was written.
 */
void room_keys(const struct page *pg, FILE *out);

#endif /* AUXCHAN_ROOM_H */
