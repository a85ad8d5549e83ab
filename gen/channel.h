/*
 * channel.h - the channel table that src/channel.c serves, as auxchan-gen
 * writes it: three files in one directory.
 *
 *   channel_data.h      the string pool, each channel's fields as pool
 *                       offsets, and the channel lists keys lead to (C)
 *   channel_room.gperf  keywords: localparts ("sigpy-gen")
 *   channel_name.gperf  keywords: display names, group stems and topics
 *
 * gperf turns each .gperf file into a perfect hash (channel_room.c,
 * channel_name.c); src/channel.c includes all of them.  Keywords are
 * encoded with key_byte() (see src/key.h).
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
