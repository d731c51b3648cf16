/*
 * bigmem.c - huge-page backed memory for large tables, malloc elsewhere (bigmem.h).
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE  /* MAP_ANONYMOUS, MADV_HUGEPAGE (the build asks for POSIX only) */
#endif

#include "bigmem.h"

#include <stdint.h>
#include <stdlib.h>

/* Under AddressSanitizer the block comes from malloc, so that its end keeps a redzone. */
#if defined(__SANITIZE_ADDRESS__)
#define DY_BIG_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DY_BIG_ASAN 1
#endif
#endif

#if defined(__linux__) && !defined(DY_BIG_ASAN)
#include <sys/mman.h>
#include <unistd.h>
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
#define DY_BIG_HUGE 1
#endif
#endif

#if defined(DY_BIG_HUGE)

/* The huge page size of x86-64 and of arm64 with 4 KiB pages. Elsewhere the advice
 * just buys fewer or no huge pages: the block is still a plain mapping. */
#define HUGE_PAGE ((size_t)2 << 20)

void *dy_big_alloc(size_t n, size_t *map)
{
    long pg = sysconf(_SC_PAGESIZE);
    size_t page = pg > 0 ? (size_t)pg : 0;
    *map = 0;
    if (n >= HUGE_PAGE && n <= SIZE_MAX / 4 && page > 0 && (page & (page - 1)) == 0 && page <= HUGE_PAGE) {
        /* Huge pages over the whole 2 MiB pages of the block; the last, partial one too
         * when that holds at most 1/8 of the block more than small pages would (the
         * default lexicon's 5.6 MiB automaton: 3 huge pages, 0.4 MiB unused, instead of
         * 2 and 470 small ones, which cost about 0.6 ms of page faults), else the tail
         * keeps small pages. */
        size_t up = (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        size_t huge = (up - n <= n / 8) ? up : n & ~(HUGE_PAGE - 1);
        size_t keep = huge > n ? huge : (n + page - 1) & ~(page - 1);
        size_t len = keep + HUGE_PAGE;  /* room to align: keep the aligned part, give back the rest */
        char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p != MAP_FAILED) {
            char *b = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
            if (b > p) munmap(p, (size_t)(b - p));
            if (p + len > b + keep) munmap(b + keep, (size_t)(p + len - (b + keep)));
            /* advice only: without it (THP off, old kernel) the block is still good */
            (void)madvise(b, huge, MADV_HUGEPAGE);
            *map = keep;
            return b;
        }
    }
    return malloc(n);
}

void dy_big_free(void *p, size_t map)
{
    if (p == NULL) return;
    if (map > 0) munmap(p, map);
    else free(p);
}

#else

void *dy_big_alloc(size_t n, size_t *map)
{
    *map = 0;
    return malloc(n);
}

void dy_big_free(void *p, size_t map)
{
    (void)map;
    free(p);
}

#endif
