/*
 * channel.h - the channel table that src/channel.c serves, as auxchan-gen
 * writes it: three files in one directory.
 *
 *   channel_data.h       the string pool, each channel's fields as pool
 *                        offsets, its keys (where in the pool) and the
 *                        channel lists they lead to (C)
 *   channel_keys.gperf   the keywords of gperf's main table: each alias
 *                        without '#', display name, group stem and topic
 *   channel_rooms.gperf  the keywords of the second: each localpart (on a
 *                        page of over 1,000 keys; else they are main keys
 *                        and this table is empty)
 *
 * Keywords are encoded with key_byte() (src/key.h); each one's value is
 * its key number.  gperf turns each .gperf into a perfect hash (.c);
 * src/channel.c includes them all.
 */
#ifndef AUXCHAN_CHANNEL_H
#define AUXCHAN_CHANNEL_H

#include <stdio.h>

#include "diag.h"
#include "page.h"

/*
 * Writes the table of pg into dir.  label names the page in the files'
 * banners.  Each file is written to a temporary name and renamed only when
 * all of them are complete.  Returns 0, or -1 after reporting an I/O error
 * on stderr.
 */
int channel_write(const struct page *pg, const char *label, const char *dir);

/*
 * Writes to out the keys of pg's table, one a line, in the order and the
 * form of auxchan --keys (of a library built from pg): the completions'
 * keys in a cross build, where the command cannot run.  Returns 0, or -1
 * if out could not be written.
 */
int channel_keys(const struct page *pg, FILE *out);

#endif /* AUXCHAN_CHANNEL_H */
