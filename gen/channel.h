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

#include "diag.h"
#include "page.h"

/*
 * Writes the table of pg into dir.  label names the page in the files'
 * banners.  Each file is written to a temporary name and renamed only when
 * all of them are complete.  Returns 0, or -1 after reporting an I/O error
 * on stderr.
 */
int channel_write(const struct page *pg, const char *label, const char *dir);

#endif /* AUXCHAN_CHANNEL_H */
