/*
 * link.c - tests of what the generator and the library share: room
 * references and matrix.to links (src/link.h), key folding and encoding
 * (src/key.h).
 */
#include <string.h>

#include "check.h"
#include "key.h"
#include "link.h"

static const struct {
	const char *description, *fragment;
	const char *decoded; /* NULL: LINK_BAD */
} fragments[] = {
	{ "plain", "#a:b.org", "#a:b.org" },
	{ "query dropped", "#a:b.org?via=b.org", "#a:b.org" },
	{ "percent-encoded", "%23a%3Ab.org", "#a:b.org" },
	{ "lower-case hex", "%23a%3ab.org", "#a:b.org" },
	{ "escape at the end", "#a:b%2e", "#a:b." },
	{ "truncated escape", "#a:b%2", NULL },
	{ "bad hex", "%zz", NULL },
	{ "escape after '?' is not decoded", "#a:b?x=%zz", "#a:b" },
	{ "empty", "", "" },
};

static void test_fragments(void)
{
	for (size_t i = 0; i < sizeof fragments / sizeof *fragments; i++) {
		char buf[LINK_ALIAS_MAX];
		const char *f = fragments[i].fragment;
		size_t n = link_decode(f, strlen(f), buf, sizeof buf);

		if (!fragments[i].decoded)
			check(n == LINK_BAD, "%s: expected LINK_BAD", fragments[i].description);
		else
			check(n != LINK_BAD && n == strlen(fragments[i].decoded) &&
			      !memcmp(buf, fragments[i].decoded, n),
			      "%s: expected '%s'", fragments[i].description, fragments[i].decoded);
	}

	char small[3];

	check(link_decode("#abc", 4, small, sizeof small) == LINK_BAD,
	      "decoding into a buffer too small gives LINK_BAD");
}

static void test_split(void)
{
	static const struct {
		const char *ref, *lp, *srv; /* srv NULL: none */
	} cases[] = {
		{ "#a:b.org", "a", "b.org" },
		{ "a:b.org:8448", "a", "b.org:8448" },
		{ "#a", "a", NULL },
		{ "a", "a", NULL },
		{ "#", "", NULL },
		{ "", "", NULL },
		{ ":x", "", "x" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *lp, *srv;
		size_t lplen, srvlen;

		link_split(cases[i].ref, strlen(cases[i].ref), &lp, &lplen, &srv, &srvlen);
		check(lplen == strlen(cases[i].lp) && !memcmp(lp, cases[i].lp, lplen),
		      "split '%s': localpart '%s'", cases[i].ref, cases[i].lp);
		if (cases[i].srv)
			check(srv && srvlen == strlen(cases[i].srv) && !memcmp(srv, cases[i].srv, srvlen),
			      "split '%s': server '%s'", cases[i].ref, cases[i].srv);
		else
			check(srv == NULL, "split '%s': no server", cases[i].ref);
	}
}

static void test_keys(void)
{
	check(link_has_prefix("HTTPS://Matrix.TO/#/#a:b", 24, 1), "query prefix ignores case");
	check(!link_has_prefix("HTTPS://Matrix.TO/#/#a:b", 24, 0), "page prefix is exact");
	check(!link_has_prefix("https://matrix.to/#", 19, 1), "short prefix");
	check(key_fold('A') == 'a' && key_fold('Z') == 'z' && key_fold('@') == '@' &&
	      key_fold('[') == '[' && key_fold(0xc9) == 0xc9, "only ASCII letters fold");

	/* The encoding is one to one up to case, and never yields '?'. */
	unsigned seen[256] = { 0 };
	int question = 0;

	for (unsigned c = 0; c < 256; c++) {
		unsigned char e = key_byte((unsigned char)c);

		seen[e]++;
		question |= e == '?' && c != 0xff;
	}
	for (unsigned c = 0; c < 256; c++)
		if (c >= 'a' && c <= 'z')
			check(seen[c] == 2, "key_byte: '%c' comes from two bytes", c);
		else if (c >= 'A' && c <= 'Z')
			check(seen[c] == 0, "key_byte: no byte encodes to '%c'", c);
		else
			check(seen[c] == 1, "key_byte: byte 0x%02x comes from one byte", c);
	check(!question, "key_byte: only 0xff (never in UTF-8) becomes '?'");
}

int main(void)
{
	test_fragments();
	test_split();
	test_keys();
	return check_done("link");
}
