/*
 * bigmem.h - memory for the large tables an automaton build writes in full at once.
 *
 * A table of several MiB written entry by entry costs one page fault per 4 KiB page
 * (about half of building the default lexicon's automaton went to the kernel). Where
 * the system has transparent huge pages (Linux madvise(MADV_HUGEPAGE)), dy_big_alloc
 * maps a table of 2 MiB or more at a 2 MiB boundary and asks for huge pages over its
 * whole 2 MiB pages, and over the last, partial one when that holds at most 1/8 of the
 * table more than small pages would (else the tail keeps small pages); elsewhere, and
 * for smaller tables, it is malloc.
 */
#ifndef DYADIC_BIGMEM_H
#define DYADIC_BIGMEM_H

#include <stddef.h>

/* n bytes (n > 0), or NULL. *map receives what dy_big_free needs: the bytes mapped,
 * or 0 when the block came from malloc. */
void *dy_big_alloc(size_t n, size_t *map);
/* Release a block of dy_big_alloc (p may be NULL). */
void dy_big_free(void *p, size_t map);

#endif
