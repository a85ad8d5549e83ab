/*
 * rnd.h - a small deterministic generator (xorshift64*) for the benchmark
 * programs: no seed from the clock, so the same run gives the same pages
 * and queries.  Define RND_SEED before including it.
 */
#ifndef AUXCHAN_RND_H
#define AUXCHAN_RND_H

static unsigned long long rnd_state = RND_SEED;

/* A number in 0 .. n - 1. */
static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (unsigned)((rnd_state * 0x2545f4914f6cdd1dull) >> 33) % n;
}

#endif /* AUXCHAN_RND_H */
