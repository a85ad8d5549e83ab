/* diag.c - diagnostics of auxchan-gen (see diag.h). */
#include <stdarg.h>
#include <string.h>

#include "diag.h"

static void vreport(struct diag *d, const char *severity, const char *check,
                    unsigned line, unsigned col, const char *fmt, va_list ap)
{
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
	vreport(d, "error", NULL, line, col, fmt, ap);
	va_end(ap);
	d->errors++;
	d->muted = 0;
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

	d->muted = silenced(d, check) || (d->errors_only && !d->strict);
	if (d->muted)
		return;
	va_start(ap, fmt);
	vreport(d, d->strict ? "error" : "warning", check, line, col, fmt, ap);
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
	vreport(d, "note", NULL, line, col, fmt, ap);
	va_end(ap);
}
