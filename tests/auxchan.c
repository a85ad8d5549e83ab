/*
 * auxchan.c - tests of the auxchan command: each case runs it with
 * arguments and checks its exit status, standard output and standard error.
 * argv[1] is the command; argv[2] the page it was built from (the cases
 * that know the seed page's rooms run only for data/matrix.md).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "spawn.h"

#define SEED_PAGE "data/matrix.md"

static const char python_text[] =
	"SIG:Python General\n"
	"  alias    #SIGPY-GEN:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGPY-GEN:auxolotl.org\n"
	"  purpose  Discuss or ask for help with Python support on Aux\n"
	"\n"
	"SIG:CLI Governance\n"
	"  alias    #SIGPY-GOV:auxolotl.org\n"
	"  url      https://matrix.to/#/#SIGPY-GOV:auxolotl.org\n"
	"  purpose  Discuss how the Python SIG is run, etc.\n";

static const char python_json[] =
	"{\n"
	"  \"title\": \"Matrix\",\n"
	"  \"date\": \"2024-05-07T00:02:24.648Z\",\n"
	"  \"channels\": [\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:Python General\", "
	"\"alias\": \"#SIGPY-GEN:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGPY-GEN:auxolotl.org\", "
	"\"purpose\": \"Discuss or ask for help with Python support on Aux\", "
	"\"group\": \"Python\"},\n"
	"    {\"section\": \"For SIGs\", \"name\": \"SIG:CLI Governance\", "
	"\"alias\": \"#SIGPY-GOV:auxolotl.org\", "
	"\"url\": \"https://matrix.to/#/#SIGPY-GOV:auxolotl.org\", "
	"\"purpose\": \"Discuss how the Python SIG is run, etc.\", "
	"\"group\": \"Python\"}\n"
	"  ]\n"
	"}\n";

static const char python_tsv[] =
	"section\tname\talias\turl\tpurpose\n"
	"For SIGs\tSIG:Python General\t#SIGPY-GEN:auxolotl.org\t"
	"https://matrix.to/#/#SIGPY-GEN:auxolotl.org\t"
	"Discuss or ask for help with Python support on Aux\n"
	"For SIGs\tSIG:CLI Governance\t#SIGPY-GOV:auxolotl.org\t"
	"https://matrix.to/#/#SIGPY-GOV:auxolotl.org\t"
	"Discuss how the Python SIG is run, etc.\n";

static const struct {
	const char *description;
	int seed;              /* needs the seed page */
	const char *args[5];
	int status;
	const char *out;       /* exact standard output, if not NULL */
	const char *out_has[4];/* or pieces of it */
	int out_lines;         /* number of lines, if not 0 */
	const char *err;       /* exact standard error, if not NULL */
} cases[] = {
	{ "no query", 0, { NULL }, 2, "", { NULL }, 0,
	  "auxchan: no query (try --list, or --help)\n" },
	{ "--list with a query", 0, { "--list", "x" }, 2, "", { NULL }, 0,
	  "auxchan: --list takes no query\n" },
	{ "unknown format", 0, { "--format=xml", "x" }, 2, "", { NULL }, 0,
	  "auxchan: unknown format 'xml' (text, json or tsv)\n" },
	{ "unknown option", 0, { "--frobnicate" }, 2, "", { "" }, 0, NULL },
	{ "help", 0, { "--help" }, 0, NULL, { "usage: auxchan", "--list", "--format" }, 0, "" },
	{ "version", 0, { "--version" }, 0, NULL, { "auxchan 0.1.0", "channels" }, 2, "" },
	{ "a miss", 0, { "no-such-room-anywhere" }, 1, "", { NULL }, 0,
	  "auxchan: no channel matches 'no-such-room-anywhere'\n" },
	{ "a miss with control bytes, escaped", 0, { "x\033[31m\x7fy" }, 1, "", { NULL }, 0,
	  "auxchan: no channel matches 'x\\x1b[31m\\x7fy'\n" },
	{ "a miss, JSON", 0, { "-f", "json", "no-such-room-anywhere" }, 1, NULL,
	  { "\"channels\": []\n}\n" }, 0, NULL },

	{ "python, text", 1, { "python" }, 0, python_text, { NULL }, 0, "" },
	{ "python, JSON", 1, { "--format=json", "python" }, 0, python_json, { NULL }, 0, "" },
	{ "python, TSV", 1, { "--format", "tsv", "PYTHON" }, 0, python_tsv, { NULL }, 0, "" },
	{ "two queries, one channel each time", 1, { "sigpy", "#SIGPY-GEN:auxolotl.org" }, 0,
	  python_text, { NULL }, 0, "" },
	{ "a hit and a miss", 1, { "python", "pyhton" }, 1, python_text, { NULL }, 0,
	  "auxchan: no channel matches 'pyhton'\nauxchan: closest keys: Python\n" },
	{ "suggestions", 1, { "sigpy-ge" }, 1, "", { NULL }, 0,
	  "auxchan: no channel matches 'sigpy-ge'\nauxchan: closest keys: SIGPY-GEN, SIGPY-GOV\n" },
	{ "wrong server", 1, { "#sigpy-gen:matrix.org" }, 1, "", { NULL }, 0,
	  "auxchan: no channel matches '#sigpy-gen:matrix.org'\n"
	  "auxchan: closest keys: #SIGPY-GEN:auxolotl.org\n" },
	{ "list, text, by section", 1, { "--list" }, 0, NULL,
	  { "# Our channels\n\nAuxolotl General\n", "\n# For SIGs\n\n", "\n# For Committees\n\n" },
	  33 * 5 + 3 * 2 - 1, "" },
	{ "list, JSON", 1, { "--list", "--format=json" }, 0, NULL,
	  { "{\n  \"title\": \"Matrix\",\n", "\"alias\": \"#general:auxolotl.org\"",
	    "\"alias\": \"#COMMARKET-GOV:auxolotl.org\"" }, 33 + 6, "" },
	{ "list, TSV", 1, { "--list", "--format=tsv" }, 0, NULL,
	  { "section\tname\talias\turl\tpurpose\n" }, 34, "" },
	{ "version names the page", 1, { "--version" }, 0, NULL,
	  { "\"Matrix\"", "2024-05-07T00:02:24.648Z", "33 channels" }, 2, "" },
};

/* Runs the command with args; its outputs go to the files out and err. */
static int run(const char *cmd, const char *const *args, const char *out, const char *err)
{
	char *argv[8] = { (char *)cmd };
	int n = 1;

	for (const char *const *a = args; *a && n < 7; a++)
		argv[n++] = (char *)*a;
	return spawn(argv, out, err);
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

int main(int argc, char **argv)
{
	char out[64], err[64];
	int seed;

	if (argc != 3) {
		fputs("usage: auxchan COMMAND PAGE\n", stderr);
		return 2;
	}
	seed = strcmp(argv[2], SEED_PAGE) == 0;
	snprintf(out, sizeof out, "/tmp/auxchan-test-%ld.out", (long)getpid());
	snprintf(err, sizeof err, "/tmp/auxchan-test-%ld.err", (long)getpid());
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char what[128];
		char *o, *e;
		int status;

		if (cases[i].seed && !seed)
			continue;
		status = run(argv[1], cases[i].args, out, err);
		o = check_read(out, NULL);
		e = check_read(err, NULL);
		if (!o || !e) {
			fprintf(stderr, "cannot read the outputs of %s\n", argv[1]);
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
			check(lines(o) == cases[i].out_lines, "%s: %d lines, expected %d",
			      what, lines(o), cases[i].out_lines);
		snprintf(what, sizeof what, "%s: standard error", cases[i].description);
		if (cases[i].err)
			check_str(what, e, cases[i].err);
		else
			check(*e != '\0', "%s: says something", what);
		free(o);
		free(e);
	}
	if (!seed)
		printf("note: not the seed page: its cases skipped\n");
	remove(out);
	remove(err);
	return check_done("auxchan");
}
