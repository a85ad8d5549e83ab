/*
 * alias.h - Matrix room aliases, checked against the Matrix specification
 * (appendices, "Room aliases" and "Server name"):
 *
 *     alias       = "#" localpart ":" server_name     (at most 255 bytes)
 *     localpart   = any Unicode except ":" and NUL    (here: not empty, no
 *                                                      control, invisible or
 *                                                      direction-changing
 *                                                      character: utf8.h)
 *     server_name = hostname [ ":" port ]          (port: 1 to 65535)
 *     hostname    = IPv4address / "[" IPv6address "]" / dns-name
 */
#ifndef AUXCHAN_ALIAS_H
#define AUXCHAN_ALIAS_H

#include <stddef.h>

/*
 * Checks the n bytes at a.  Returns NULL if they are a room alias, else what
 * is wrong with them, as a phrase: "has no ':server' part".
 */
const char *alias_check(const char *a, size_t n);

#endif /* AUXCHAN_ALIAS_H */
