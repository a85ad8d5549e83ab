/*
 * seed.h - is the page under test the seed page?  The facts of the seed
 * (its counts, its rooms, its three upstream mistakes and their lines) are
 * checked only on it; every other check is derived from the page under
 * test or from fixtures, so that make check passes after make update-page
 * and with DATA= any valid page.
 *
 * The seed is known by its bytes, not by its path: data/matrix.md after
 * make update-page is another page.  SEED_CKSUM and SEED_BYTES are what
 * `cksum data/matrix.md` printed for the seed, the one place they are
 * recorded (and those of its group pages); a new seed (the page committed
 * again, on purpose) is recorded
 * by writing there what cksum prints for it, then updating the cases that
 * know its rooms.
 */
#ifndef AUXCHAN_SEED_H
#define AUXCHAN_SEED_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

#define SEED_PAGE "data/matrix.md"
#define SEED_CKSUM 2451373071u
#define SEED_BYTES 7098u
/* The seed's group pages, recorded the same way. */
#define SEED_SIGS "data/sigs.md"
#define SEED_SIGS_CKSUM 4221532187u
#define SEED_SIGS_BYTES 3997u
#define SEED_COMMITTEES "data/committees.md"
#define SEED_COMMITTEES_CKSUM 3273994157u
#define SEED_COMMITTEES_BYTES 2498u

/* One byte into a CRC of POSIX cksum (the CRC-32 polynomial, most
 * significant bit first). */
static inline uint32_t seed_crc_byte(uint32_t crc, unsigned char b)
{
	crc ^= (uint32_t)b << 24;
	for (int k = 0; k < 8; k++)
		crc = crc & 0x80000000u ? (crc << 1) ^ 0x04c11db7u : crc << 1;
	return crc;
}

/* What cksum prints first for the len bytes at s: their CRC, then the
 * length's (least significant byte first, as few bytes as it takes),
 * complemented. */
static inline uint32_t seed_cksum(const char *s, size_t len)
{
	uint32_t crc = 0;

	for (size_t i = 0; i < len; i++)
		crc = seed_crc_byte(crc, (unsigned char)s[i]);
	for (size_t n = len; n; n >>= 8)
		crc = seed_crc_byte(crc, (unsigned char)(n & 0xff));
	return ~crc;
}

/* Does the file hold the bytes cksum printed as cksum and bytes? */
static inline int seed_file_is(const char *file, uint32_t cksum, size_t bytes)
{
	size_t len;
	char *text = check_read(file, &len);
	int seed = text && len == bytes && seed_cksum(text, len) == cksum;

	free(text);
	return seed;
}

/* Does the file page hold the seed's bytes? */
static inline int seed_is(const char *page)
{
	return seed_file_is(page, SEED_CKSUM, SEED_BYTES);
}

/* The one note of a test on another page: what it left out. */
static inline void seed_note(const char *page, const char *left_out)
{
	printf("note: %s is not the seed page (" SEED_PAGE " of cksum %u %u): %s not run on it\n",
	       page, SEED_CKSUM, SEED_BYTES, left_out);
}

#endif /* AUXCHAN_SEED_H */
