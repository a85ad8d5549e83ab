/* diag.c - diagnostics of auxchan-gen (see diag.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

const char *const diag_checks[] = {
	"no-link", "many-links", "link-text", "extra-cells", "empty-name", "empty-table",
	"stray-link", "non-ascii-alias", "duplicate-name", "name-group", "purpose-group",
	"other-server", "vocabulary-meaning", "vocabulary-word", NULL,
};

int diag_is_check(const char *name)
{
	for (const char *const *c = diag_checks; *c; c++)
		if (strcmp(*c, name) == 0)
			return 1;
	return 0;
}

/*
 * Prints one message, unless an error or warning (check_limit) would pass
 * the limit d->max: then it is counted in d->hidden, and its notes are
 * muted with it.
 */
static void vreport(struct diag *d, const char *severity, const char *check, int check_limit,
                    unsigned line, unsigned col, const char *fmt, va_list ap)
{
	if (check_limit) {
		d->muted = d->max && d->shown >= d->max;
		if (d->muted) {
			d->hidden++;
			return;
		}
		d->shown++;
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
	vreport(d, "error", NULL, 1, line, col, fmt, ap);
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
	vreport(d, d->strict ? "error" : "warning", check, 1, line, col, fmt, ap);
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
	vreport(d, "note", NULL, 0, line, col, fmt, ap);
	va_end(ap);
}
