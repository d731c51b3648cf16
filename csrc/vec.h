/*
 * vec.h - overflow-checked growth for the plain C arrays every stage keeps.
 *
 * One helper instead of a realloc dance in each file: dy_grow() makes room for
 * `need` more elements and reports failure instead of wrapping or crashing.
 */
#ifndef DYADIC_VEC_H
#define DYADIC_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Ensure *cap >= n + need for an array of elements of size `size`. Returns 0, or -1 when
 * the size would overflow or memory is exhausted (the array is then left untouched). */
static inline int dy_grow(void **v, size_t *cap, size_t n, size_t need, size_t size)
{
    size_t want, newcap;
    void *p;
    if (need > SIZE_MAX - n) return -1;
    want = n + need;
    if (want <= *cap) return 0;
    newcap = *cap ? *cap : 8;
    while (newcap < want) {
        if (newcap > SIZE_MAX / 2) { newcap = want; break; }
        newcap *= 2;
    }
    if (newcap > SIZE_MAX / size) return -1;
    p = realloc(*v, newcap * size);
    if (p == NULL) return -1;
    *v = p;
    *cap = newcap;
    return 0;
}

/* Typed convenience: DY_GROW(arr, cap, n, need) on `T *arr; size_t cap, n;`. */
#define DY_GROW(arr, cap, n, need) dy_grow((void **)&(arr), &(cap), (n), (need), sizeof(*(arr)))

#endif
