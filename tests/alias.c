/* alias.c - tests of room aliases (gen/alias.c). */
#include <string.h>

#include "alias.h"
#include "check.h"
#include "link.h"

static const struct {
	const char *description, *alias;
	const char *problem; /* NULL: valid */
} aliases[] = {
	{ "the seed's form", "#SIGPY-GEN:auxolotl.org", NULL },
	{ "server with port", "#room:example.org:8448", NULL },
	{ "IPv4 server", "#room:1.2.3.4", NULL },
	{ "IPv6 server with port", "#room:[1234:5678::abcd]:8448", NULL },
	{ "UTF-8 localpart", "#caf\xc3\xa9:example.org", NULL },
	{ "localpart with symbols", "#a/b_c=d.e~f:x.org", NULL },
	{ "no '#'", "room:example.org", "does not start with '#'" },
	{ "room ID, not alias", "!abc:example.org", "does not start with '#'" },
	{ "no server", "#room", "has no ':server' part" },
	{ "empty localpart", "#:example.org", "has an empty localpart" },
	{ "empty server", "#room:", "has an empty server name" },
	{ "empty server before port", "#room::80", "has an empty server name" },
	{ "space in server", "#room:exa mple.org",
	  "has a server name that is not a host name (letters, digits, '-' and '.')" },
	{ "highest port", "#room:x.org:65535", NULL },
	{ "port 1", "#room:x.org:1", NULL },
	{ "port with leading zeros", "#room:x.org:08448", NULL },
	{ "port too long", "#room:x.org:123456", "has a server port that is not a number from 1 to 65535" },
	{ "port over 65535", "#room:x.org:65536", "has a server port that is not a number from 1 to 65535" },
	{ "port 99999", "#room:x.org:99999", "has a server port that is not a number from 1 to 65535" },
	{ "port 0", "#room:x.org:0", "has a server port that is not a number from 1 to 65535" },
	{ "port 00000", "#room:x.org:00000", "has a server port that is not a number from 1 to 65535" },
	{ "port not digits", "#room:x.org:http", "has a server port that is not a number from 1 to 65535" },
	{ "empty port", "#room:x.org:", "has a server port that is not a number from 1 to 65535" },
	{ "IPv6 server, port over 65535", "#room:[::1]:70000",
	  "has a server port that is not a number from 1 to 65535" },
	{ "unclosed IPv6", "#room:[::1", "has a malformed IPv6 address in its server name" },
	{ "text after IPv6", "#room:[::1]x", "has text after the IPv6 address of its server name" },
	{ "control character", "#ro\x01om:x.org", "is not UTF-8 text without control characters" },
	{ "invalid UTF-8", "#ro\xffom:x.org", "is not UTF-8 text without control characters" },
	{ "empty", "", "is empty" },
	{ "zero width space", "#a\xe2\x80\x8b:x.org", "has an invisible or direction-changing character" },
	{ "right-to-left override", "#a\xe2\x80\xae:x.org",
	  "has an invisible or direction-changing character" },
	{ "zero width no-break space inside text", "#a\xef\xbb\xbf:x.org",
	  "has an invisible or direction-changing character" },
	{ "letters of another script", "#\xd0\xb0:x.org", NULL },
};

static void test_aliases(void)
{
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		check_str(aliases[i].description,
		          alias_check(aliases[i].alias, strlen(aliases[i].alias)),
		          aliases[i].problem);

	/* The 255-byte limit, at the boundary. */
	char a[LINK_ALIAS_MAX + 2];

	memset(a, 'x', sizeof a);
	a[0] = '#';
	memcpy(a + LINK_ALIAS_MAX - 6, ":x.org", 6);
	check_str("alias of 255 bytes", alias_check(a, LINK_ALIAS_MAX), NULL);
	memcpy(a + LINK_ALIAS_MAX - 5, ":x.org", 6);
	check_str("alias of 256 bytes", alias_check(a, LINK_ALIAS_MAX + 1),
	          "is longer than 255 bytes");
}

int main(void)
{
	test_aliases();
	return check_done("alias");
}
