/* diag.c - diagnostics of auxchan-gen (see diag.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

const char *const diag_checks[] = {
	"no-link", "many-links", "link-text", "extra-cells", "empty-name", "empty-table",
	"stray-link", "non-ascii-alias", "duplicate-name", "name-group", "purpose-group",
	"other-server", "vocabulary-meaning", "vocabulary-word", "unjoined-group",
	"unjoined-meeting", "no-group-row", NULL,
};

int diag_is_check(const char *name)
{
	for (const char *const *c = diag_checks; *c; c++)
		if (strcmp(*c, name) == 0)
			return 1;
	return 0;
}

/*
 * Prints one message, unless it is an error or a warning (shown: the count
 * of those printed, NULL for a note) past the limit d->max: then it is
 * counted in *hidden, and its notes are muted with it.
 */
static void vreport(struct diag *d, const char *severity, const char *check, unsigned *shown,
                    unsigned *hidden, unsigned line, unsigned col, const char *fmt, va_list ap)
{
	if (shown) {
		d->muted = d->max && *shown >= d->max;
		if (d->muted) {
			++*hidden;
			return;
		}
		++*shown;
	}
	fprintf(d->out, "%s:%u", d->file, line);
	if (col)
		fprintf(d->out, ":%u", col);
	fprintf(d->out, ": %s: ", severity);
	vfprintf(d->out, fmt, ap);
	if (check)
		fprintf(d->out, " [%s]", check);
	fputc('\n', d->out);
}

void diag_error(struct diag *d, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, "error", NULL, &d->shown_errors, &d->hidden_errors, line, col, fmt, ap);
	va_end(ap);
	d->errors++;
}

static int silenced(const struct diag *d, const char *check)
{
	for (const char *const *p = d->off; p && *p; p++)
		if (strcmp(*p, check) == 0)
			return 1;
	return 0;
}

void diag_warning(struct diag *d, const char *check, unsigned line, unsigned col,
                  const char *fmt, ...)
{
	va_list ap;

	if (!diag_is_check(check)) /* a check missing from diag_checks: a bug */
		abort();
	d->muted = silenced(d, check) || (d->errors_only && !d->strict);
	if (d->muted)
		return;
	va_start(ap, fmt);
	/* Made an error by --strict, a warning is still capped with the
	 * warnings: it hides no error. */
	vreport(d, d->strict ? "error" : "warning", check, &d->shown_warnings, &d->hidden_warnings,
	        line, col, fmt, ap);
	va_end(ap);
	if (d->strict)
		d->errors++;
	else
		d->warnings++;
}

void diag_note(struct diag *d, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	if (d->muted)
		return;
	va_start(ap, fmt);
	vreport(d, "note", NULL, NULL, NULL, line, col, fmt, ap);
	va_end(ap);
}
