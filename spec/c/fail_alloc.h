/*
 * fail_alloc.h - allocation failure injection for the C unit tests (spec/c/*_test.c).
 *
 * Each test links with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (see its .sh), so
 * every allocation of the library goes through the wrappers below: the allocation
 * numbered fail_at (counted from 1 in `allocs`) returns NULL; fail_at = 0 fails none.
 * A test sets both, runs one operation, and checks it failed cleanly (no leak: the
 * sanitizers run on every test). Included by exactly one file of each test program:
 * this is test-only state, the library itself has no mutable globals.
 */
#ifndef DYADIC_SPEC_FAIL_ALLOC_H
#define DYADIC_SPEC_FAIL_ALLOC_H

#include <stddef.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long allocs, fail_at;

static int fail_now(void)
{
    return ++allocs == fail_at;
}

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fail_now() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }

#endif
