/*
 * gperf.h - gperf's input: the keys of one bucket of the key table as a
 * gperf keyword file (gperf makes it a perfect hash), and the string
 * literals that gperf input and generated C share.
 *
 * Every quirk of gperf is handled between gen/gperf.c, which writes its
 * input, and src/gperf.h, which includes its output: the list is there.
 */
#ifndef AUXCHAN_GPERF_H
#define AUXCHAN_GPERF_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes s (n bytes, any bytes) as the body of a C or gperf string
 * literal: printable ASCII as itself, except '"', '\\' and '?'; every other
 * byte as a three-digit octal escape, which ends where it should.
 */
void gperf_put_string(FILE *f, const char *s, size_t n);

/*
 * Writes the gperf input of bucket b: the n keys key[i] (len[i] bytes,
 * key_encode()d, none empty, none twice), key i with the value i.  label
 * names the page in the banner.  A bucket may be empty: gperf then gets a
 * placeholder key (see src/gperf.h).
 */
void gperf_write(FILE *f, const char *label, size_t b, const char *const *key,
                 const size_t *len, size_t n);

#endif /* AUXCHAN_GPERF_H */
