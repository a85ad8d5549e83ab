/* alias.c - Matrix room aliases (see alias.h). */
#include <string.h>

#include "alias.h"
#include "link.h"
#include "utf8.h"

static int all_of(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

#define DIGITS "0123456789"
#define HEX DIGITS "abcdefABCDEF"
#define DNS DIGITS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-."

/* Checks server_name (n bytes at s). */
static const char *server_check(const char *s, size_t n)
{
	const char *port = NULL;
	size_t hostlen = n;

	if (n > 0 && s[0] == '[') {
		const char *end = memchr(s, ']', n);

		if (!end || end - s < 3 || end - s > 46 ||
		    !all_of(s + 1, (size_t)(end - s) - 1, HEX ":."))
			return "has a malformed IPv6 address in its server name";
		hostlen = (size_t)(end - s) + 1;
		if (hostlen < n && s[hostlen] != ':')
			return "has text after the IPv6 address of its server name";
	} else {
		const char *colon = memchr(s, ':', n);

		if (colon)
			hostlen = (size_t)(colon - s);
		if (hostlen == 0)
			return "has an empty server name";
		if (!all_of(s, hostlen, DNS))
			return "has a server name that is not a host name "
			       "(letters, digits, '-' and '.')";
	}
	if (hostlen < n) {
		unsigned long value = 0;

		port = s + hostlen + 1;
		if (n - hostlen - 1 < 1 || n - hostlen - 1 > 5 ||
		    !all_of(port, n - hostlen - 1, DIGITS))
			return "has a server port that is not a number from 1 to 65535";
		for (size_t i = 0; i < n - hostlen - 1; i++)
			value = value * 10 + (unsigned long)(port[i] - '0');
		if (value < 1 || value > 65535)
			return "has a server port that is not a number from 1 to 65535";
	}
	return NULL;
}

const char *alias_check(const char *a, size_t n)
{
	const char *lp, *srv;
	size_t lplen, srvlen;

	if (n == 0)
		return "is empty";
	if (n > LINK_ALIAS_MAX)
		return "is longer than 255 bytes";
	if (a[0] != '#')
		return "does not start with '#'";
	if (utf8_check(a, n, NULL, NULL) != UTF8_OK)
		return "is not UTF-8 text without control characters";
	if (utf8_check_visible(a, n, NULL, NULL) != UTF8_OK)
		return "has an invisible or direction-changing character";
	link_split(a, n, &lp, &lplen, &srv, &srvlen);
	if (!srv)
		return "has no ':server' part";
	if (lplen == 0)
		return "has an empty localpart";
	return server_check(srv, srvlen);
}
