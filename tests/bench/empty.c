/* empty.c - a shared object with nothing of its own: make bench measures
 * the relocations the toolchain adds to any, to count only the library's. */
typedef int empty;
