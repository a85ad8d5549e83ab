/*
 * auxchan.c - tests of the auxchan command: each case runs it with
 * arguments and checks its exit status, standard output and standard error.
 * Usage: auxchan PAGE BUILDDIR: the command is BUILDDIR/auxchan, built from
 * PAGE.  On any page, what the command shows is checked against the page
 * (tests/reference.h): every room listed in each format, each found by its
 * alias and its name, the counts of --keys and --version.  The cases that
 * know the seed page's rooms run only on the seed (tests/seed.h); those of
 * the hostile page only on it.
 */
#define _XOPEN_SOURCE 700 /* posix_openpt() and its kin */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "auxchan.h"
#include "check.h"
#include "reference.h"
#include "run.h"
#include "seed.h"

#define HOSTILE_PAGE "tests/pages/hostile.md"

/*
 * The hostile page's rooms, as every field must come back from
 * --format=json (section, name, alias, url, purpose, group).  "?\?" is how a
 * C string says "??" without a trigraph; LONG stands for the 255-byte alias.
 */
#define S "\"Quotes\", \\backslash\\, */ ?\?/ %% %{"
#define LONG "LONG"
static const char *const hostile[][6] = {
	{ S, "\"Quoted\", with, commas", "#quote:x.org", "https://matrix.to/#/#quote:x.org",
	  "it's a \"quote\" and a back\\slash", "" },
	{ S, "*/ end of a comment /*", "#trigraph?\?/?\?=:x.org",
	  "https://matrix.to/#/%23trigraph%3F%3F%2F%3F%3F%3D%3Ax.org",
	  "?\?/ ?\?= ?\?( ?\?) ?\?' ?\?< ?\?! ?\?> ?\?- trigraphs", "" },
	{ S, "%%", "#%%-GEN:x.org", "https://matrix.to/#/%23%25%25-GEN%3Ax.org",
	  "%{ at the start, %} too", "%%" },
	{ S, "%{ brace", "#%%-GOV:x.org", "https://matrix.to/#/%23%25%25-GOV%3Ax.org",
	  "#include <stdio.h>", "%%" },
	{ S, "#define X 1", "#hash:x.org", "https://matrix.to/#/#hash:x.org",
	  "# at the start of a cell", "" },
	{ S, "Tab and spaces", "#tab:x.org", "https://matrix.to/#/#tab:x.org",
	  "A B, tabs collapse", "" },
	{ S, "a \xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e", "#utf8-\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e:x.org",
	  "https://matrix.to/#/#utf8-\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e:x.org", "1, 2, 3 and 4 bytes",
	  "a \xc3\xa9 \xe2\x82\xac" },
	{ S, "Long alias", LONG, "https://matrix.to/#/" LONG, "255 bytes", "" },
	{ S, "\"Entities\" \\ */", "#ent:x.org", "https://matrix.to/#/#ent:x.org", "<b> &amp;", "" },
	{ S, "Backslash\\", "#back\\slash\":x.org", "https://matrix.to/#/%23back%5Cslash%22%3Ax.org",
	  "code \\ with ?\?/ and */", "" },
	{ S, "\"); system(\"id\"); (\"", "#c:x.org", "https://matrix.to/#/#c:x.org",
	  "','/*, */", "" },
#define C(name, lp, purpose) { "Keys that collide", name, "#" lp ":x.org", \
	                       "https://matrix.to/#/#" lp ":x.org", purpose, "" }
	C("collideb:x.org", "collidea", "a name that is the alias of the next room, without '#'"),
	C("Room B", "collideb", "found by its alias, and with the room above by its name"),
	C("#collidec", "collided", "a name that is '#' and the localpart of the next room"),
	C("Room C", "collidec", "found by its localpart, and with the room above by its name"),
	C("#collideb:x.org", "collidee", "a name that is the alias of Room B"),
	C("collidea", "collidef", "a name that is the localpart of the first room here"),
	C("https://matrix.to/#/#collideb:x.org", "collideg", "a name that is a link to Room B"),
	{ "Keys that collide", "SIG: https://matrix.to/#/#collidea:x.org General",
	  "#collidei-gen:x.org", "https://matrix.to/#/#collidei-gen:x.org", "a topic that is a link",
	  "https://matrix.to/#/#collidea:x.org" },
	C("Room H", "#collideh", "a localpart that starts with '#': \"#collideh\" is another room's"),
#undef C
};
#undef S

static const char python_text[] =
	"SIG:Python General\n"
	"  alias    #SIGPY-GEN:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGPY-GEN:auxolotl.org\n"
	"  purpose  Discuss or ask for help with Python support on Aux\n"
	"\n"
	"SIG:CLI Governance\n"
	"  alias    #SIGPY-GOV:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGPY-GOV:auxolotl.org\n"
	"  purpose  Discuss how the Python SIG is run, etc.\n"
	"\n"
	"The Python group\n"
	"  does     Maintains pythonPackages, python packaging support, and other python support "
	"for Aux\n";

/* What the group pages say of the Python group, in JSON and in TSV. */
#define PYTHON_DOES "Maintains pythonPackages, python packaging support, and other python " \
                    "support for Aux"
#define PYTHON_JSON_GROUP "\"responsibility\": \"" PYTHON_DOES "\", \"leaders\": [], \"meetings\": []"
#define PYTHON_TSV_GROUP "\t" PYTHON_DOES "\t\t\t\t\t"
/* The TSV header, and the group columns of a room of no group. */
#define TSV_HEAD "section\tname\talias\turl\tpurpose\tgroup\tmatch\tscore\tresponsibility\t" \
                 "leaders\tmeeting_time\tmeeting_length\tmeeting_join\tmeeting_url\n"
#define NO_GROUP_TSV "\t\t\t\t\t\t"

#define DARWIN_DOES "Maintains Aux code for Darwin (MacOS) systems, for example they would be " \
                    "in charge of nix-darwin-like projects"

/* Haskell's two rooms, and its group's fields once, under the last. */
static const char haskell_text[] =
	"SIG:Haskell General\n"
	"  alias    #SIGHASKELL-GEN:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGHASKELL-GEN:auxolotl.org\n"
	"  purpose  Discuss or ask for help with Haskell support on Aux\n"
	"\n"
	"SIG:Haskell Governance\n"
	"  alias    #SIGHASKELL-GOV:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGHASKELL-GOV:auxolotl.org\n"
	"  purpose  Discuss how the Haskell SIG is run, etc.\n"
	"\n"
	"The Haskell group\n"
	"  does     Maintains haskellPackages and other Haskell support for Aux\n"
	"  led by   @ptitfred\n";

/* The Documentation group's meeting, as text and as JSON. */
#define DOCS_MEETS "  meets    Saturdays at 17:00 UTC (around 1 hour): AuxSigDocs on Jitsi " \
                   "<https://meet.jit.si/AuxDocs>\n"
#define DOCS_MEETING_JSON "\"meetings\": [{\"time\": \"Saturdays at 17:00 UTC\", " \
	"\"length\": \"around 1 hour\", \"join\": \"AuxSigDocs on Jitsi\", " \
	"\"url\": \"https://meet.jit.si/AuxDocs\"}]}"

static const char python_json[] =
	"{\n"
	"  \"title\": \"Matrix\",\n"
	"  \"date\": \"2024-05-07T00:02:24.648Z\",\n"
	"  \"channels\": [\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:Python General\", "
	"\"alias\": \"#SIGPY-GEN:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGPY-GEN:auxolotl.org\", "
	"\"purpose\": \"Discuss or ask for help with Python support on Aux\", "
	"\"group\": \"Python\", \"match\": \"key\", \"score\": null, " PYTHON_JSON_GROUP "},\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:CLI Governance\", "
	"\"alias\": \"#SIGPY-GOV:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGPY-GOV:auxolotl.org\", "
	"\"purpose\": \"Discuss how the Python SIG is run, etc.\", "
	"\"group\": \"Python\", \"match\": \"key\", \"score\": null, " PYTHON_JSON_GROUP "}\n"
	"  ]\n"
	"}\n";

static const char python_tsv[] =
	TSV_HEAD
	"For SIGs\tSIG:Python General\t#SIGPY-GEN:auxolotl.org\t"
	"https://matrix.to/#/#SIGPY-GEN:auxolotl.org\t"
	"Discuss or ask for help with Python support on Aux\tPython\tkey\t" PYTHON_TSV_GROUP "\n"
	"For SIGs\tSIG:CLI Governance\t#SIGPY-GOV:auxolotl.org\t"
	"https://matrix.to/#/#SIGPY-GOV:auxolotl.org\t"
	"Discuss how the Python SIG is run, etc.\tPython\tkey\t" PYTHON_TSV_GROUP "\n";

/* A query that matches no room of the pages of the tests: a word of none,
 * far from their keys. */
#define MISS "qzxjvwqk"

/* The heading of an answer that a search gives. */
#define BEST(q) "best match for '" q "':\n\n"

/* Ends the standard error of a miss: a line that names the page's general
 * rooms, "auxchan: for anything else, ask in ALIAS (NAME)..." (checked by
 * check_err()). */
#define FALLBACK "@fallback@"
#define FALLBACK_LINE "auxchan: for anything else, ask in "

/*
 * Checks the standard error e against want, exactly; a want that ends with
 * FALLBACK wants, in its place, the line that names the page's general
 * rooms: each alias and name as the page has them (unless a control byte
 * would be escaped), or nothing on a page without one.
 */
static void check_err(const char *what, const char *e, const char *want)
{
	size_t n = strlen(want), fixed = n, general[4], ng;
	const char *rest;

	if (n < strlen(FALLBACK) || strcmp(want + n - strlen(FALLBACK), FALLBACK) != 0) {
		check_str(what, e, want);
		return;
	}
	fixed = n - strlen(FALLBACK);
	check(strncmp(e, want, fixed) == 0, "%s: '%s' does not start with '%.*s'", what, e,
	      (int)fixed, want);
	if (strncmp(e, want, fixed) != 0)
		return;
	rest = e + fixed;
	ng = auxchan_general(general, 4);
	if (ng == 0) {
		check_str(what, rest, "");
		return;
	}
	check(strncmp(rest, FALLBACK_LINE, strlen(FALLBACK_LINE)) == 0 &&
	      strchr(rest, '\n') == rest + strlen(rest) - 1,
	      "%s: one line '%s...' expected, got '%s'", what, FALLBACK_LINE, rest);
	for (size_t k = 0; k < ng && k < 4; k++) {
		const char *alias = auxchan_field(general[k], AUXCHAN_ALIAS);
		int plain = 1;

		for (const char *p = alias; *p; p++)
			plain &= (unsigned char)*p >= 0x20 && *p != 0x7f;
		if (plain)
			check(strstr(rest, alias) != NULL, "%s: the general room %s not named in '%s'",
			      what, alias, rest);
	}
}

static const struct {
	const char *description;
	int seed;              /* needs the seed page */
	const char *args[8];
	int status;
	const char *out;       /* exact standard output, if not NULL */
	const char *out_has[4];/* or pieces of it */
	int out_lines;         /* number of lines, if not 0 */
	const char *err;       /* exact standard error, if not NULL */
} cases[] = {
	{ "no query", 0, { NULL }, 2, "", { NULL }, 0,
	  "auxchan: no query (try --list, or --help)\n" },
	{ "--list with a query", 0, { "--list", "x" }, 2, "", { NULL }, 0,
	  "auxchan: --list takes no query (see auxchan --help)\n" },
	{ "--keys with a query", 0, { "--keys", "x" }, 2, "", { NULL }, 0,
	  "auxchan: --keys takes no query (see auxchan --help)\n" },
	{ "--version with a query", 0, { "x", "--version" }, 2, "", { NULL }, 0,
	  "auxchan: --version takes no query (see auxchan --help)\n" },
	{ "--keys with --list", 0, { "--keys", "--list" }, 2, "", { NULL }, 0,
	  "auxchan: --list, --groups, --keys and --version go alone (see auxchan --help)\n" },
	{ "--groups with --list", 0, { "--groups", "-l" }, 2, "", { NULL }, 0,
	  "auxchan: --list, --groups, --keys and --version go alone (see auxchan --help)\n" },
	{ "--groups with a query", 0, { "-g", "x" }, 2, "", { NULL }, 0,
	  "auxchan: --groups takes no query (see auxchan --help)\n" },
	{ "an empty query", 0, { "python", "" }, 2, "", { NULL }, 0,
	  "auxchan: empty query (see auxchan --help)\n" },
	{ "unknown format", 0, { "--format=xml", "x" }, 2, "", { NULL }, 0,
	  "auxchan: unknown format 'xml': text, json or tsv (see auxchan --help)\n" },
	{ "unknown option", 0, { "--frobnicate=1" }, 2, "", { NULL }, 0,
	  "auxchan: unknown option '--frobnicate' (see auxchan --help)\n" },
	{ "unknown short option, in a cluster", 0, { "x", "-lq" }, 2, "", { NULL }, 0,
	  "auxchan: unknown option '-q' (see auxchan --help)\n" },
	{ "unknown short option, a control byte", 0, { "-\033" }, 2, "", { NULL }, 0,
	  "auxchan: unknown option '-\\x1b' (see auxchan --help)\n" },
	{ "an argument to an option that takes none", 0, { "--list=all" }, 2, "", { NULL }, 0,
	  "auxchan: option '--list' takes no argument (see auxchan --help)\n" },
	{ "a missing argument, long", 0, { "x", "--format" }, 2, "", { NULL }, 0,
	  "auxchan: option '--format' needs an argument (see auxchan --help)\n" },
	{ "a missing argument, short", 0, { "x", "-f" }, 2, "", { NULL }, 0,
	  "auxchan: option '-f' needs an argument (see auxchan --help)\n" },
	{ "help", 0, { "--help" }, 0, NULL, { "usage: auxchan", "--list", "--format" }, 0, "" },
	{ "version", 0, { "--version" }, 0, NULL, { "auxchan 0.1.0", "rooms" }, 2, "" },
	{ "a miss", 0, { MISS }, 1, "", { NULL }, 0,
	  "auxchan: no room matches '" MISS "'\n"
	  "auxchan: no key is close to it; auxchan --list shows every room\n" FALLBACK },
	{ "a miss: the general room named", 1, { MISS }, 1, "", { NULL }, 0,
	  "auxchan: no room matches '" MISS "'\n"
	  "auxchan: no key is close to it; auxchan --list shows every room\n"
	  FALLBACK_LINE "#general:auxolotl.org (Auxolotl General)\n" },
	{ "a miss with control bytes, escaped", 0, { MISS "\033[31m\x7f" MISS }, 1, "", { NULL },
	  0, "auxchan: no room matches '" MISS "\\x1b[31m\\x7f" MISS "'\n"
	  "auxchan: no key is close to it; auxchan --list shows every room\n" FALLBACK },
	{ "a miss, JSON: no room, the general ones apart", 0, { "-f", "json", MISS }, 1, NULL,
	  { "\"channels\": [],\n  \"fallback\": [", "\"match\": \"fallback\", \"score\": null, " },
	  0, NULL },
	{ "a miss, JSON: the general room", 1, { "-f", "json", MISS }, 1, NULL,
	  { "\"fallback\": [\n    {\"section\": \"Our channels\", \"name\": \"Auxolotl General\"" },
	  9, NULL },
	{ "a miss, TSV: the general room marked", 1, { "-f", "tsv", MISS }, 1,
	  NULL, { "\tAuxolotl General\t#general:auxolotl.org\t", "\tfallback\t" NO_GROUP_TSV "\n" }, 2,
	  NULL },

	{ "python, text", 1, { "python" }, 0, python_text, { NULL }, 0, "" },
	{ "python, JSON", 1, { "--format=json", "python" }, 0, python_json, { NULL }, 0, "" },
	{ "python, TSV", 1, { "--format", "tsv", "PYTHON" }, 0, python_tsv, { NULL }, 0, "" },
	{ "two queries, one room each time", 1, { "sigpy", "#SIGPY-GEN:auxolotl.org" }, 0,
	  python_text, { NULL }, 0, "" },
	{ "a key with whitespace around it: found by key, no heading", 1, { " python\t" }, 0,
	  python_text, { NULL }, 0, "" },
	{ "a key with whitespace around it, JSON: a key match, no score", 1,
	  { "-fjson", " python" }, 0, python_json, { NULL }, 0, "" },
	{ "keys with whitespace around them: each found by key", 1, { " sigpy", "python " }, 0,
	  python_text, { NULL }, 0, "" },
	{ "queries that together are a key: a key match", 1, { "-ftsv", "code", "of", "conduct" },
	  0, NULL, { "\tCommittee: Code of Conduct General\t", "\tkey\t\tDetermines the Code of "
	  "Conduct and oversees moderation\t@axel\\n@isabel\t\t\t\t\n" }, 3, "" },
	{ "a key and a word not a key: one search", 1, { "python", "pyhton" }, 0, NULL,
	  { BEST("python pyhton") "SIG:Python General\n", "\nSIG:CLI Governance\n" }, 14, "" },
	{ "a search one word of which matches: rooms found, status 0", 1, { "python", "qwzx" }, 0,
	  NULL, { BEST("python qwzx") "SIG:Python General\n", "\nSIG:CLI Governance\n" }, 14, "" },
	{ "a search no word of which matches: status 1", 1, { "qwzx", "zzqx" }, 1, "", { NULL }, 0,
	  "auxchan: no room matches 'qwzx zzqx'\n"
	  "auxchan: no key is close to it; auxchan --list shows every room\n" FALLBACK },
	{ "a question, unquoted", 1, { "where", "can", "I", "ask", "about", "macOS" }, 0,
	  BEST("where can I ask about macOS") "SIG:Darwin General\n"
	  "  alias    #SIGDARWIN-GEN:auxolotl.org\n"
	  "  url      https://matrix.to/#/#SIGDARWIN-GEN:auxolotl.org\n"
	  "  purpose  Discuss or ask for help with using Aux on MacOS (Darwin)\n"
	  "\n"
	  "The Darwin group\n"
	  "  does     " DARWIN_DOES "\n"
	  "  led by   @yamashitax\n", { NULL }, 0, "" },
	{ "a search, JSON: how each matched, and the score", 1, { "-f", "json", "js" }, 0,
	  NULL, { "\"alias\": \"#SIGJS-GEN:auxolotl.org\"", "\"match\": \"search\", \"score\": ",
	  "\"alias\": \"#SIGJS-GOV:auxolotl.org\"" }, 11, "" },
	{ "a search, TSV", 1, { "-f", "tsv", "gnome", "sig" }, 0, NULL,
	  { "\tmatch\tscore\tresponsibility\t", "\tGnome\tsearch\t" }, 3, "" },
	{ "an alias on another server: not searched, its room suggested", 1,
	  { "#sigpy-gen:matrix.org" }, 1, "", { NULL }, 0,
	  "auxchan: no room matches '#sigpy-gen:matrix.org'\n"
	  "auxchan: closest keys: SIGPY-GEN:auxolotl.org\n" FALLBACK },
	{ "suggestions for a miss", 1, { "pyhtno" }, 1, "", { NULL }, 0,
	  "auxchan: no room matches 'pyhtno'\nauxchan: closest keys: Python\n" FALLBACK },
	{ "nothing close", 1, { "minecraft" }, 1, "", { NULL }, 0,
	  "auxchan: no room matches 'minecraft'\n"
	  "auxchan: no key is close to it; auxchan --list shows every room\n" FALLBACK },
	{ "list, text, by section", 1, { "--list" }, 0, NULL,
	  { "# Our channels\n\nAuxolotl General\n", "\n# For SIGs\n\n", "\n# For Committees\n\n" },
	  /* rooms, headings; 16 groups of 3 lines (a blank, the heading, what it
	   * does), 7 leader lines, 3 meetings */
	  33 * 5 + 3 * 2 - 1 + 16 * 3 + 7 + 3, "" },
	{ "a group's fields once, under the last of its two rooms", 1, { "haskell" }, 0,
	  haskell_text, { NULL }, 0, "" },
	{ "a group's fields for one of its rooms: a leader each, a meeting", 1, { "SIGDOCS-GEN" }, 0,
	  NULL, { "  purpose  Discuss our documentation or suggest and coordinate improvements\n"
	  "\nThe Documentation group\n  does     Manages documentation",
	  "\n  led by   @minion, @coded\n" DOCS_MEETS }, 9, "" },
	{ "two groups: each one's fields under its last room", 1, { "sigpy", "sigjs" }, 0, NULL,
	  { "is run, etc.\n\nThe JavaScript group\n  does     Maintains javascript package "
	    "support for Aux\n\nSIG:CLI Governance\n",
	    "the Python SIG is run, etc.\n\nThe Python group\n" }, 4 * 4 + 3 + 2 * 3, "" },
	{ "a room of no group: nothing under it", 1, { "general" }, 0, NULL, { "Auxolotl General\n" },
	  4, "" },
	{ "a search, JSON: the group's responsibility, leaders, meetings", 1,
	  { "--format=json", "nix-darwin" }, 0, NULL,
	  { "\"alias\": \"#SIGDARWIN-GEN:auxolotl.org\"", "\"match\": \"search\", \"score\": ",
	    ", \"responsibility\": \"" DARWIN_DOES "\", \"leaders\": [\"@yamashitax\"], "
	    "\"meetings\": []}\n" }, 0, "" },
	{ "a group's meeting, JSON", 1, { "-fjson", "SIGDOCS" }, 0, NULL,
	  { "\"leaders\": [\"@minion\", \"@coded\"], " DOCS_MEETING_JSON ",\n",
	    "\"leaders\": [\"@minion\", \"@coded\"], " DOCS_MEETING_JSON "\n" }, 8, "" },
	{ "a group's meeting, TSV: a list one item a line, written \\n", 1, { "-ftsv", "SIGDOCS-GOV" },
	  0, NULL, { TSV_HEAD, "\tDocumentation\tkey\t\tManages documentation and examples to help "
	  "users understand Aux as quickly and well as possible\t@minion\\n@coded\t"
	  "Saturdays at 17:00 UTC\taround 1 hour\tAuxSigDocs on Jitsi\thttps://meet.jit.si/AuxDocs\n" },
	  2, "" },
	{ "groups, text", 1, { "--groups" }, 0, NULL,
	  { "The Documentation group\n  stem     SIGDOCS\n"
	    "  rooms    #SIGDOCS-GEN:auxolotl.org, #SIGDOCS-GOV:auxolotl.org\n",
	    "\n\nThe Haskell group\n  stem     SIGHASKELL\n", "  led by   @jakehamilton, @isabel, @minion\n",
	    "\n\nThe Marketing group\n" }, 16 * 5 - 1 + 7 + 3, "" },
	{ "groups, JSON", 1, { "-g", "-fjson" }, 0, NULL,
	  { "{\n  \"title\": \"Matrix\",\n", ",\n  \"groups\": [\n    {\"topic\": \"Documentation\", "
	    "\"stem\": \"SIGDOCS\", \"rooms\": [\"#SIGDOCS-GEN:auxolotl.org\", "
	    "\"#SIGDOCS-GOV:auxolotl.org\"], \"responsibility\": \"Manages ",
	    "{\"topic\": \"Code of Conduct\", \"stem\": \"COMCOC\", ", "\n  ]\n}\n" }, 16 + 6, "" },
	{ "groups, TSV", 1, { "--format=tsv", "--groups" }, 0, NULL,
	  { "topic\tstem\trooms\tresponsibility\tleaders\tmeeting_time\tmeeting_length\t"
	    "meeting_join\tmeeting_url\n", "\nHaskell\tSIGHASKELL\t#SIGHASKELL-GEN:auxolotl.org\\n"
	    "#SIGHASKELL-GOV:auxolotl.org\tMaintains haskellPackages and other Haskell support for "
	    "Aux\t@ptitfred\t\t\t\t\n" }, 17, "" },
	{ "list, JSON", 1, { "--list", "--format=json" }, 0, NULL,
	  { "{\n  \"title\": \"Matrix\",\n", "\"alias\": \"#general:auxolotl.org\"",
	    "\"alias\": \"#COMMARKET-GOV:auxolotl.org\"" }, 33 + 6, "" },
	{ "list, TSV", 1, { "--list", "--format=tsv" }, 0, NULL,
	  { TSV_HEAD, "\tPython\tlist\t" PYTHON_TSV_GROUP "\n" }, 34, "" },
	{ "keys", 1, { "--keys" }, 0, NULL, { "\nSIGPY-GEN:auxolotl.org\nSIGPY-GOV\n",
	  "\nSIG:Python General\n", "\nSIGPY\n" }, 130, "" },
	{ "version names the page", 1, { "--version" }, 0, NULL,
	  { "\"Matrix\"", "2024-05-07T00:02:24.648Z", "33 rooms" }, 2, "" },
	{ "keys, JSON", 1, { "--keys", "--format=json" }, 0, NULL,
	  { "[\n  \"", "\",\n  \"SIGPY-GEN:auxolotl.org\",\n  \"SIGPY-GOV\",\n", "\"\n]\n" },
	  132, "" },
	{ "keys, TSV", 1, { "--format=tsv", "--keys" }, 0, NULL,
	  { "key\n", "\nSIGPY-GEN:auxolotl.org\nSIGPY-GOV\n" }, 131, "" },
};

/* Standard output on a full disk: exit status 2, and why, whatever wrote. */
static const struct {
	const char *description;
	const char *args[3];
} full_cases[] = {
	{ .description = "help", .args = { "--help" } },
	{ .description = "version", .args = { "--version" } },
	{ .description = "keys", .args = { "--keys" } },
	{ .description = "keys, JSON", .args = { "--keys", "--format=json" } },
	{ .description = "a list", .args = { "--list" } },
	{ .description = "a list, JSON", .args = { "--list", "-fjson" } },
	{ .description = "groups", .args = { "--groups" } },
	{ .description = "groups, JSON", .args = { "--groups", "-fjson" } },
};

/* Runs the command with args; its outputs go to the files out and err. */
static int run(const char *cmd, const char *const *args, const char *out, const char *err)
{
	char *argv[10] = { (char *)cmd };
	int n = 1;

	for (const char *const *a = args; *a && n < 7; a++)
		argv[n++] = (char *)*a;
	return spawn(argv, out, err);
}

/*
 * Reads the next JSON string at or after *p into out (cap bytes, escapes
 * decoded, \\u included), advancing *p.  Returns 0 when there is none.
 */
static int json_string(const char **p, char *out, size_t cap)
{
	const char *s = strchr(*p, '"');
	size_t n = 0;

	if (!s)
		return 0;
	for (s++; *s && *s != '"' && n + 4 < cap; s++) {
		unsigned long cp;

		if (*s != '\\') {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'r': out[n++] = '\r'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'u': /* control characters only, in this output */
			cp = strtoul((char[5]){ s[1], s[2], s[3], s[4], 0 }, NULL, 16);
			out[n++] = (char)cp;
			s += 4;
			break;
		default: out[n++] = *s; /* " \\ / */
		}
	}
	out[n] = '\0';
	*p = *s ? s + 1 : s;
	return 1;
}

/* s with its LONG, if any, replaced by alias, in buf. */
static const char *expand(char *buf, size_t size, const char *s, const char *alias)
{
	const char *at = strstr(s, LONG);

	if (!at)
		return s;
	snprintf(buf, size, "%.*s%s%s", (int)(at - s), s, alias, at + strlen(LONG));
	return buf;
}

/* Lookups on the hostile page's colliding keys: the TSV lines they print. */
#define R(name, lp) name "\t#" lp ":x.org\thttps://matrix.to/#/#" lp ":x.org\t"
#define K "\tkey\t" NO_GROUP_TSV "\n" /* no group; found by a key, no score */
#define PA "a name that is the alias of the next room, without '#'\t" K
#define PB "found by its alias, and with the room above by its name\t" K
#define PC "a name that is '#' and the localpart of the next room\t" K
#define PD "found by its localpart, and with the room above by its name\t" K
#define PH "a localpart that starts with '#': \"#collideh\" is another room's\t" K
#define S "Keys that collide\t"
static const struct {
	const char *query, *rooms;
} collisions[] = {
	{ "collideb:x.org", S R("collideb:x.org", "collidea") PA S R("Room B", "collideb") PB },
	{ "#COLLIDEB:x.org", S R("Room B", "collideb") PB
	  S R("#collideb:x.org", "collidee") "a name that is the alias of Room B\t" K },
	{ "https://matrix.to/#/collideb:x.org", S R("Room B", "collideb") PB },
	{ "#collidec", S R("#collidec", "collided") PC S R("Room C", "collidec") PD },
	{ "https://matrix.to/#/%23collidec", S R("Room C", "collidec") PD },
	{ "collidea", S R("collideb:x.org", "collidea") PA
	  S R("collidea", "collidef") "a name that is the localpart of the first room here\t" K },
	{ "#collidea", S R("collideb:x.org", "collidea") PA },
	/* a link is the room it links to, not a name or topic spelt like it */
	{ "https://matrix.to/#/#collideb:x.org", S R("Room B", "collideb") PB },
	{ "https://matrix.to/#/#collidea:x.org", S R("collideb:x.org", "collidea") PA },
	{ "##collideh", S R("Room H", "#collideh") PH },
};
#undef R
#undef PA
#undef PB
#undef PC
#undef PD
#undef PH
#undef S

/*
 * Checks the group members of room i in JSON at *p, after its "score":
 * "responsibility", "leaders" and "meetings", as the library has them
 * (the group pages are not the reference's: tests/charter checks the
 * library's fields against them).
 */
static void check_json_group(const char **p, size_t i, const char *what)
{
	static const char *const meeting[] = { "time", "length", "join", "url" };
	size_t g = auxchan_group_of(i);
	const char *r = auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY);
	char got[4096], w[256];

	json_string(p, got, sizeof got);
	check_str(what, got, "responsibility");
	json_string(p, got, sizeof got);
	snprintf(w, sizeof w, "%s: room %zu responsibility", what, i);
	check_str(w, got, r ? r : "");
	json_string(p, got, sizeof got);
	check_str(what, got, "leaders");
	for (size_t k = 0; k < auxchan_group_leader_count(g); k++) {
		json_string(p, got, sizeof got);
		snprintf(w, sizeof w, "%s: room %zu leader %zu", what, i, k);
		check_str(w, got, auxchan_group_leader(g, k));
	}
	json_string(p, got, sizeof got);
	check_str(what, got, "meetings");
	for (size_t k = 0; k < auxchan_group_meeting_count(g); k++)
		for (int f = 0; f < 4; f++) {
			json_string(p, got, sizeof got);
			check_str(what, got, meeting[f]);
			json_string(p, got, sizeof got);
			snprintf(w, sizeof w, "%s: room %zu meeting %zu %s", what, i, k, meeting[f]);
			check_str(w, got, auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f));
		}
}

/* The hostile page: every field of --format=json, and every room found. */
static void test_hostile(const char *cmd, const char *out, const char *err)
{
	static const char *const names[6] = { "section", "name", "alias", "url", "purpose", "group" };
	char alias[256], got[2048], what[128];
	const char *const args[] = { "--list", "--format=json", NULL };
	char *o;
	const char *p;
	size_t n = sizeof hostile / sizeof *hostile;

	memset(alias, 'a', 255);
	alias[0] = '#';
	memcpy(alias + 249, ":x.org", 7);
	check_num("hostile: --list --format=json", run(cmd, args, out, err), 0);
	if (!(p = o = check_read(out, NULL)))
		return;
	json_string(&p, got, sizeof got);
	json_string(&p, got, sizeof got);
	check_str("hostile: title", got, "Hostile \"page\" \\ */ ?\?/ %% tab");
	json_string(&p, got, sizeof got);
	json_string(&p, got, sizeof got);
	check_str("hostile: date", got, "2024-05-07 ?\?= */ #");
	json_string(&p, got, sizeof got); /* "channels" */
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < 6; f++) {
			char want[512];

			json_string(&p, got, sizeof got);
			check_str("hostile: member name", got, names[f]);
			json_string(&p, got, sizeof got);
			snprintf(what, sizeof what, "hostile: room %zu %s", i, names[f]);
			check_str(what, got, expand(want, sizeof want, hostile[i][f], alias));
			if (f == 5) { /* how it was found: listed, no score (null) */
				json_string(&p, got, sizeof got);
				check_str("hostile: member name", got, "match");
				json_string(&p, got, sizeof got);
				check_str("hostile: match", got, "list");
				json_string(&p, got, sizeof got);
				check_str("hostile: member name", got, "score");
				check_json_group(&p, i, "hostile: member name");
			}
		}
	check(!json_string(&p, got, sizeof got), "hostile: %zu rooms, no more", n);
	free(o);

	/* Each room by its alias and its name, as the command's arguments. */
	for (size_t i = 0; i < n; i++)
		for (int f = 1; f < 3; f++) {
			char key[512];
			const char *const a[] = { "--format=tsv",
			                          expand(key, sizeof key, hostile[i][f], alias), NULL };

			snprintf(what, sizeof what, "hostile: room %zu by %s", i, names[f]);
			check_num(what, run(cmd, a, out, err), 0);
		}

	/* Keys that are two things at once: each finds what each thing finds. */
	for (size_t i = 0; i < sizeof collisions / sizeof *collisions; i++) {
		const char *const a[] = { "--format=tsv", collisions[i].query, NULL };

		snprintf(what, sizeof what, "hostile: %s", collisions[i].query);
		check_num(what, run(cmd, a, out, err), 0);
		o = check_read(out, NULL);
		check_str(what, o ? strchr(o, '\n') + 1 : "", collisions[i].rooms);
		free(o);
	}
}

/* ---- Any page: what the command shows, against the page ----------------- */

/* The group of room i of the page, as the library names it. */
static const char *ref_group(size_t i)
{
	const struct room *c = &ref_pg.rooms[i];

	return c->group == NO_GROUP ? "" : ref_pg.groups[c->group].topic;
}

/* Appends s (printf-style) to the text at *t (*len bytes; to free). */
static void append(char **t, size_t *len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append(char **t, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(*t = realloc(*t, *len + (size_t)n + 1)))
		exit(2);
	va_start(ap, fmt);
	vsnprintf(*t + *len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	*len += (size_t)n;
}

/* Appends s as a TSV field: tab, newline and backslash escaped. */
static void append_tsv(char **t, size_t *len, const char *s)
{
	for (; *s; s++)
		append(t, len, "%s", *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\\' ? "\\\\"
		                     : (char[2]){ *s, 0 });
}

/*
 * Appends room i as a line of TSV, found how (list, key): the page's
 * fields, then its group's as the library has them, a list's items one a
 * line.
 */
static void append_tsv_room(char **t, size_t *len, size_t i, const char *how)
{
	const struct room *c = &ref_pg.rooms[i];
	const char *field[] = { c->section, c->name, c->alias, c->url, c->purpose, ref_group(i) };
	size_t g = auxchan_group_of(i);
	const char *r = auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY);

	for (size_t f = 0; f < sizeof field / sizeof *field; f++) {
		append(t, len, f ? "\t" : "");
		append_tsv(t, len, field[f]);
	}
	append(t, len, "\t%s\t\t", how);
	append_tsv(t, len, r ? r : "");
	append(t, len, "\t");
	for (size_t k = 0; k < auxchan_group_leader_count(g); k++) {
		append(t, len, k ? "\\n" : "");
		append_tsv(t, len, auxchan_group_leader(g, k));
	}
	for (int f = 0; f < AUXCHAN_MEETING_FIELD_COUNT; f++) {
		append(t, len, "\t");
		for (size_t k = 0; k < auxchan_group_meeting_count(g); k++) {
			append(t, len, k ? "\\n" : "");
			append_tsv(t, len, auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f));
		}
	}
	append(t, len, "\n");
}


/* Runs the command; checks its status is 0, its output want and nothing on
 * standard error. */
static void check_run(const char *what, const char *cmd, const char *const *args, const char *want,
                      const char *out, const char *err)
{
	char *o, *e, w[256];

	check(run(cmd, args, out, err) == 0, "%s: exit status 0", what);
	o = check_read(out, NULL);
	e = check_read(err, NULL);
	snprintf(w, sizeof w, "%s: standard output", what);
	check_str(w, o, want);
	snprintf(w, sizeof w, "%s: standard error", what);
	check_str(w, e, "");
	free(o);
	free(e);
}

/*
 * Appends, if room i is the last of its group, what the group pages say
 * of the group (the library's fields), as text: a blank line, "The TOPIC
 * group", then "does", "led by" (the handles, ", " between) and a
 * "meets" a meeting ("TIME (LENGTH): JOIN <URL>").  A group with none of
 * them, as on a page built without group pages, shows nothing.
 */
static void append_text_group(char **t, size_t *len, size_t i)
{
	size_t g = auxchan_group_of(i), n, last;
	const char *topic, *does;

	if (g == AUXCHAN_NO_GROUP || (n = auxchan_group_rooms(g, &last, 1)) == 0)
		return;
	if (n > 1) {
		size_t *r = malloc(n * sizeof *r);

		if (!r)
			exit(2);
		auxchan_group_rooms(g, r, n);
		last = r[n - 1];
		free(r);
	}
	does = auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY);
	if (last != i || (!*does && !auxchan_group_leader_count(g) && !auxchan_group_meeting_count(g)))
		return;
	topic = auxchan_group_field(g, AUXCHAN_GROUP_TOPIC);
	append(t, len, "\nThe %s group\n", *topic ? topic : auxchan_group_field(g, AUXCHAN_GROUP_STEM));
	if (*does)
		append(t, len, "  does     %s\n", does);
	for (size_t k = 0; k < auxchan_group_leader_count(g); k++)
		append(t, len, "%s%s%s", k ? ", " : "  led by   ", auxchan_group_leader(g, k),
		       k + 1 < auxchan_group_leader_count(g) ? "" : "\n");
	for (size_t k = 0; k < auxchan_group_meeting_count(g); k++) {
		const char *m[4];

		for (int f = 0; f < 4; f++)
			m[f] = auxchan_group_meeting(g, k, (enum auxchan_meeting_field)f);
		append(t, len, "  meets    %s%s%s%s", m[0], *m[1] && *m[0] ? " (" : *m[1] ? "(" : "",
		       m[1], *m[1] ? ")" : "");
		append(t, len, "%s%s%s%s%s\n", (*m[2] || *m[3]) && (*m[0] || *m[1]) ? ": " : "", m[2],
		       *m[3] ? *m[2] ? " <" : "<" : "", m[3], *m[3] ? ">" : "");
	}
}

/* --list in each format: every room of the page, every field. */
static void test_list(const char *cmd, const char *out, const char *err)
{
	static const char *const names[6] = { "section", "name", "alias", "url", "purpose", "group" };
	const char *prev = NULL, *p;
	char *want = NULL, *o, got[4096], what[128];
	size_t len = 0, n = ref_pg.n, i;

	/* Text: by section, a heading where it changes, the purpose if any. */
	for (i = 0; i < n; i++) {
		const struct room *c = &ref_pg.rooms[i];

		append(&want, &len, "%s", i ? "\n" : "");
		if (*c->section && (!prev || strcmp(c->section, prev)))
			append(&want, &len, "# %s\n\n", c->section);
		prev = c->section;
		append(&want, &len, "%s\n  alias    %s\n  url      %s\n", c->name, c->alias, c->url);
		if (*c->purpose)
			append(&want, &len, "  purpose  %s\n", c->purpose);
		append_text_group(&want, &len, i);
	}
	check_run("the page: --list", cmd, (const char *const[]){ "--list", NULL }, want ? want : "",
	          out, err);

	/* TSV: a line a room. */
	len = 0;
	append(&want, &len, TSV_HEAD);
	for (i = 0; i < n; i++)
		append_tsv_room(&want, &len, i, "list");
	check_run("the page: --list --format=tsv", cmd,
	          (const char *const[]){ "--list", "--format=tsv", NULL }, want, out, err);
	free(want);

	/* JSON: the title, the date, then each field of each room. */
	check_num("the page: --list --format=json",
	          run(cmd, (const char *const[]){ "--list", "--format=json", NULL }, out, err), 0);
	if (!(p = o = check_read(out, NULL)))
		return;
	json_string(&p, got, sizeof got);
	json_string(&p, got, sizeof got);
	check_str("the page, JSON: title", got, ref_pg.title);
	json_string(&p, got, sizeof got);
	json_string(&p, got, sizeof got);
	check_str("the page, JSON: date", got, ref_pg.date);
	json_string(&p, got, sizeof got); /* "channels" */
	for (i = 0; i < n; i++) {
		const struct room *c = &ref_pg.rooms[i];
		const char *field[6] = { c->section, c->name, c->alias, c->url, c->purpose,
		                         ref_group(i) };

		for (int f = 0; f < 6; f++) {
			json_string(&p, got, sizeof got);
			check_str("the page, JSON: member name", got, names[f]);
			json_string(&p, got, sizeof got);
			snprintf(what, sizeof what, "the page, JSON: room %zu %s", i, names[f]);
			check_str(what, got, field[f]);
		}
		json_string(&p, got, sizeof got);
		json_string(&p, got, sizeof got);
		check_str("the page, JSON: match", got, "list");
		json_string(&p, got, sizeof got); /* "score", null */
		check_json_group(&p, i, "the page, JSON: member name");
	}
	check(!json_string(&p, got, sizeof got), "the page, JSON: %zu rooms, no more", n);
	free(o);
}

/* Each room by its alias and by its name: the rooms the reference finds. */
static void test_rooms(const char *cmd, const char *out, const char *err)
{
	size_t step = ref_pg.n / 100 + 1; /* at most 100 rooms, or 200 runs */

	for (size_t i = 0; i < ref_pg.n; i += step)
		for (int by_name = 0; by_name < 2; by_name++) {
			const char *key = by_name ? ref_pg.rooms[i].name : ref_pg.rooms[i].alias;
			size_t found[64], k = ref_lookup(key, strlen(key), found, 64), len = 0;
			char *want = NULL, what[512];

			if (!*key || k > 64)
				continue;
			append(&want, &len, TSV_HEAD);
			for (size_t j = 0; j < k; j++)
				append_tsv_room(&want, &len, found[j], "key");
			snprintf(what, sizeof what, "the page: room %zu by its %s '%.300s'", i,
			         by_name ? "name" : "alias", key);
			check_run(what, cmd, (const char *const[]){ "--format=tsv", "--", key, NULL }, want,
			          out, err);
			free(want);
		}
}

/* --keys in each format, and --version: the page's counts, title and date. */
static void test_counts(const char *cmd, const char *out, const char *err)
{
	static const struct {
		const char *format;
		int more; /* lines beyond a key a line */
	} keys[] = { { "--format=text", 0 }, { "--format=tsv", 1 }, { "--format=json", 2 } };
	char *o, want[4096];

	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char what[64];

		snprintf(what, sizeof what, "the page: --keys %s", keys[i].format);
		check_num(what, run(cmd, (const char *const[]){ "--keys", keys[i].format, NULL }, out,
		                    err), 0);
		o = check_read(out, NULL);
		check_num(what, o ? check_lines(o) : -1, (long long)auxchan_key_count() + keys[i].more);
		free(o);
	}
	snprintf(want, sizeof want, "%zu rooms, from the page \"%s\" of %s\n", ref_pg.n,
	         ref_pg.title, *ref_pg.date ? ref_pg.date : "no date");
	check_num("the page: --version", run(cmd, (const char *const[]){ "--version", NULL }, out, err),
	          0);
	o = check_read(out, NULL);
	check_str("the page: --version, its second line", o && strchr(o, '\n') ? strchr(o, '\n') + 1
	          : o, want);
	free(o);
}

/*
 * A page built without group pages (the pages of the tests have none):
 * no group has a field, and the command shows none: no "does", "led by"
 * or "meets" line in text, empty members in JSON and empty columns in TSV.
 * --groups still lists the groups, each with its stem and rooms.
 */
static void test_no_groups(const char *cmd, const char *out, const char *err)
{
	static const char *const bare[] = { "\n  does     ", "\n  led by   ", "\n  meets    ",
	                                    " group\n" };
	static const char empty[] = "\"responsibility\": \"\", \"leaders\": [], \"meetings\": []}";
	size_t g, rooms = 0;
	char *o;

	for (g = 0; g < auxchan_group_count(); g++)
		if (*auxchan_group_field(g, AUXCHAN_GROUP_RESPONSIBILITY) ||
		    auxchan_group_leader_count(g) || auxchan_group_meeting_count(g)) {
			printf("note: this page's build has group pages: the checks of none not run\n");
			return;
		}
	check_num("no group pages: --list", run(cmd, (const char *const[]){ "--list", NULL }, out,
	                                        err), 0);
	o = check_read(out, NULL);
	for (size_t i = 0; o && i < sizeof bare / sizeof *bare; i++)
		check(strstr(o, bare[i]) == NULL, "no group pages: --list shows '%s'", bare[i]);
	free(o);

	/* JSON: each room's line (they start "    {") ends with empty members. */
	check_num("no group pages: --list -fjson",
	          run(cmd, (const char *const[]){ "--list", "-fjson", NULL }, out, err), 0);
	o = check_read(out, NULL);
	for (char *l = o ? strtok(o, "\n") : NULL; l; l = strtok(NULL, "\n")) {
		size_t n = strlen(l) - (l[strlen(l) - 1] == ',');

		if (strncmp(l, "    {", 5) != 0)
			continue;
		rooms++;
		check(n >= strlen(empty) && strncmp(l + n - strlen(empty), empty, strlen(empty)) == 0,
		      "no group pages, JSON: '%s' ends with '%s'", l, empty);
	}
	check_num("no group pages, JSON: rooms", (long long)rooms, (long long)ref_pg.n);
	free(o);

	/* --groups: each group's heading, stem and rooms, nothing more. */
	check_num("no group pages: --groups",
	          run(cmd, (const char *const[]){ "--groups", NULL }, out, err), 0);
	o = check_read(out, NULL);
	g = auxchan_group_count();
	check_num("no group pages: --groups, 3 lines a group", o ? check_lines(o) : -1,
	          g ? (long long)(g * 4 - 1) : 0);
	free(o);
}

/*
 * Runs the command with stdout on a pseudo-terminal of the given width:
 * returns what it wrote, carriage returns removed (to free), or NULL.
 */
static char *run_on_terminal(const char *cmd, const char *arg, unsigned short cols)
{
	struct winsize ws = { .ws_row = 24, .ws_col = cols };
	char *argv[] = { (char *)cmd, (char *)arg, NULL }, *got = NULL, buf[4096];
	size_t len = 0;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	const char *slave;
	pid_t pid;

	if (master < 0 || grantpt(master) || unlockpt(master) || !(slave = ptsname(master)) ||
	    ioctl(master, TIOCSWINSZ, &ws))
		return NULL;
	if ((pid = fork()) == 0) {
		int fd = open(slave, O_RDWR);

		if (fd < 0 || dup2(fd, 1) < 0)
			_exit(127);
		execv(cmd, argv);
		_exit(127);
	}
	for (;;) { /* until the terminal closes (EIO once the child is gone) */
		ssize_t n = read(master, buf, sizeof buf);

		if (n <= 0)
			break;
		got = realloc(got, len + (size_t)n + 1);
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != '\r')
				got[len++] = buf[i];
		got[len] = '\0';
	}
	waitpid(pid, NULL, 0);
	close(master);
	return got;
}

int main(int argc, char **argv)
{
	char out[64], err[64], cmd[4096];
	int seed;

	if (argc != 3) {
		fputs("usage: auxchan PAGE BUILDDIR\n", stderr);
		return 2;
	}
	snprintf(cmd, sizeof cmd, "%s/auxchan", argv[2]);
	snprintf(out, sizeof out, "/tmp/auxchan-test-%ld.out", (long)getpid());
	snprintf(err, sizeof err, "/tmp/auxchan-test-%ld.err", (long)getpid());
	if (ref_load(argv[1]) != 0) {
		fprintf(stderr, "auxchan: cannot read the page %s\n", argv[1]);
		return 2;
	}
	seed = seed_is(argv[1]);
	if (strcmp(argv[1], HOSTILE_PAGE) == 0)
		test_hostile(cmd, out, err);
	test_list(cmd, out, err);
	test_rooms(cmd, out, err);
	test_counts(cmd, out, err);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char what[128];
		char *o, *e;
		int status;

		if (cases[i].seed && !seed)
			continue;
		status = run(cmd, cases[i].args, out, err);
		o = check_read(out, NULL);
		e = check_read(err, NULL);
		if (!o || !e) {
			fprintf(stderr, "cannot read the outputs of %s\n", cmd);
			return 2;
		}
		check(status == cases[i].status, "%s: exit status %d, expected %d",
		      cases[i].description, status, cases[i].status);
		snprintf(what, sizeof what, "%s: standard output", cases[i].description);
		if (cases[i].out)
			check_str(what, o, cases[i].out);
		for (int k = 0; k < 4 && cases[i].out_has[k]; k++)
			check(strstr(o, cases[i].out_has[k]) != NULL, "%s: has '%s'",
			      what, cases[i].out_has[k]);
		if (cases[i].out_lines)
			check(check_lines(o) == cases[i].out_lines, "%s: %d lines, expected %d",
			      what, check_lines(o), cases[i].out_lines);
		snprintf(what, sizeof what, "%s: standard error", cases[i].description);
		if (cases[i].err)
			check_err(what, e, cases[i].err);
		else
			check(*e != '\0', "%s: says something", what);
		free(o);
		free(e);
	}
	for (size_t i = 0; i < sizeof full_cases / sizeof *full_cases; i++) {
		char what[128];
		char *e;

		snprintf(what, sizeof what, "%s on a full disk", full_cases[i].description);
		check_num(what, run(cmd, full_cases[i].args, "/dev/full", err), 2);
		e = check_read(err, NULL);
		check_str(what, e, "auxchan: cannot write the output: No space left on device\n");
		free(e);
	}
	if (seed) { /* on a terminal of 40 columns the purpose wraps; piped, never */
		char *t = run_on_terminal(cmd, "python", 40);

		check_str("python on a terminal of 40 columns", t,
		          "SIG:Python General\n"
		          "  alias    #SIGPY-GEN:auxolotl.org\n"
		          "  url      https://matrix.to/#/#SIGPY-GEN:auxolotl.org\n"
		          "  purpose  Discuss or ask for help with\n"
		          "           Python support on Aux\n"
		          "\n"
		          "SIG:CLI Governance\n"
		          "  alias    #SIGPY-GOV:auxolotl.org\n"
		          "  url      https://matrix.to/#/#SIGPY-GOV:auxolotl.org\n"
		          "  purpose  Discuss how the Python SIG is\n"
		          "           run, etc.\n"
		          "\n"
		          "The Python group\n"
		          "  does     Maintains pythonPackages,\n"
		          "           python packaging support, and\n"
		          "           other python support for Aux\n");
		free(t);
	}
	if (!seed)
		test_no_groups(cmd, out, err);
	if (!seed) {
		size_t n = 1; /* python on a terminal, and the cases marked seed */
		char what[128];

		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
			n += cases[i].seed;
		snprintf(what, sizeof what, "the %zu cases written for the seed's rooms are", n);
		seed_note(argv[1], what);
	}
	remove(out);
	remove(err);
	ref_free();
	return check_done("auxchan");
}
