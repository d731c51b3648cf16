/*
 * aggregate.c - exact int64 totals over many documents, their merge, and the
 * versioned text format (docs/AGGREGATE-FORMAT.md).
 */
#include "aggregate.h"
#include "vec.h"

#include <stdio.h>
#include <string.h>

const unsigned char dy_agg_nkeys[DY_T_COUNT] = { 1, 1, 3, 4, 2 };
const unsigned char dy_agg_nvals[DY_T_COUNT] = { 1, 1, DY_D_COUNT, 1, DY_A_COUNT };

/* ---------------------------------------------------------------- tables */

#define NONE ((size_t)-1)

static uint32_t hash_key(const uint32_t *key, int nkeys)
{
    uint32_t h = 2166136261u;
    int i;
    for (i = 0; i < nkeys; i++) {
        h ^= key[i];
        h *= 16777619u;
        h ^= h >> 15;
    }
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

static int same_key(const uint32_t *x, const uint32_t *y, int nkeys)
{
    int i;
    for (i = 0; i < nkeys; i++) if (x[i] != y[i]) return 0;
    return 1;
}

/* Slot holding key, or the empty slot where it would go. */
static size_t find_slot(const dy_agg_table *t, const uint32_t *key)
{
    size_t mask = t->nslots - 1, i = hash_key(key, t->nkeys) & mask;
    for (;;) {
        uint32_t s = t->slots[i];
        if (s == 0 || same_key(DY_AGG_KEYS(t, s - 1), key, t->nkeys)) return i;
        i = (i + 1) & mask;
    }
}

static void reslot(dy_agg_table *t)
{
    size_t i;
    if (t->nslots == 0) return;
    memset(t->slots, 0, t->nslots * sizeof *t->slots);
    for (i = 0; i < t->n; i++) t->slots[find_slot(t, DY_AGG_KEYS(t, i))] = (uint32_t)(i + 1);
}

static size_t tab_index(const dy_agg_table *t, const uint32_t *key)
{
    uint32_t s;
    if (t->nslots == 0) return NONE;
    s = t->slots[find_slot(t, key)];
    return s ? (size_t)s - 1 : NONE;
}

static int64_t *tab_find(const dy_agg_table *t, const uint32_t *key)
{
    size_t i = tab_index(t, key);
    return i == NONE ? NULL : DY_AGG_VALS(t, i);
}

/* Room in the slots for n entries (at most half full; sizes as adding one by one gives).
 * -1 when out of memory (the table is then unchanged). */
static int tab_reserve(dy_agg_table *t, size_t n)
{
    size_t nslots = t->nslots ? t->nslots : 16;
    uint32_t *slots;
    if (n > SIZE_MAX / 2) return -1;
    while (n * 2 > nslots) {
        if (nslots > SIZE_MAX / 2 / sizeof *slots) return -1;
        nslots *= 2;
    }
    if (nslots == t->nslots) return 0;
    slots = malloc(nslots * sizeof *slots);
    if (slots == NULL) return -1;
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    reslot(t);
    return 0;
}

/* A new entry at the end, values zero, NOT in the slots (the caller puts it there, or
 * rebuilds them with tab_reserve / reslot). NULL when out of memory. */
static int64_t *tab_append(dy_agg_table *t, const uint32_t *key)
{
    size_t nk = (size_t)t->nkeys, nv = (size_t)t->nvals;
    int64_t *v;
    if (t->n >= UINT32_MAX - 1) return NULL;
    if (DY_GROW(t->keys, t->capk, t->n * nk, nk) != 0) return NULL;
    if (DY_GROW(t->vals, t->capv, t->n * nv, nv) != 0) return NULL;
    memcpy(DY_AGG_KEYS(t, t->n), key, nk * sizeof *key);
    v = DY_AGG_VALS(t, t->n);
    memset(v, 0, nv * sizeof *v);
    t->n++;
    return v;
}

/* The values of the entry for key, created as zeros when new (*created set). NULL when out of memory. */
static int64_t *tab_get(dy_agg_table *t, const uint32_t *key, int *created)
{
    size_t i = 0;
    int64_t *v;
    if (created) *created = 0;
    if (t->nslots != 0) {
        i = find_slot(t, key);
        if (t->slots[i] != 0) return DY_AGG_VALS(t, t->slots[i] - 1);
    }
    if ((t->n + 1) * 2 > t->nslots) {
        if (tab_reserve(t, t->n + 1) != 0) return NULL;
        i = find_slot(t, key);
    }
    v = tab_append(t, key);
    if (v == NULL) return NULL;
    t->slots[i] = (uint32_t)t->n;
    t->sorted = t->n <= 1;
    if (created) *created = 1;
    return v;
}

static void tab_init(dy_agg_table *t, int table)
{
    memset(t, 0, sizeof *t);
    t->nkeys = dy_agg_nkeys[table];
    t->nvals = dy_agg_nvals[table];
    t->sorted = 1;
}

void dy_agg_init(dy_agg *a, dy_period_kind by)
{
    int i;
    memset(a, 0, sizeof *a);
    a->by = by;
    dy_strtab_init(&a->strings);
    for (i = 0; i < DY_T_COUNT; i++) tab_init(&a->t[i], i);
}

void dy_agg_free(dy_agg *a)
{
    int i;
    dy_strtab_free(&a->strings);
    for (i = 0; i < DY_T_COUNT; i++) {
        free(a->t[i].keys);
        free(a->t[i].vals);
        free(a->t[i].slots);
        tab_init(&a->t[i], i);
    }
    a->documents = a->skipped = 0;
}

static int add_overflows(int64_t x, int64_t y)
{
    return (y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y);
}

/* ---------------------------------------------------------------- order */

int dy_agg_strcmp(const dy_agg *a, uint32_t x, uint32_t y)
{
    size_t lx, ly, n, i;
    const char *sx, *sy;
    if (x == y) return 0;
    if (x == 0 || y == 0) return x == 0 ? -1 : 1;
    sx = dy_strtab_get(&a->strings, x, &lx);
    sy = dy_strtab_get(&a->strings, y, &ly);
    n = lx < ly ? lx : ly;
    for (i = 0; i < n; i++) {  /* keys are short: a loop beats a memcmp call */
        unsigned char cx = (unsigned char)sx[i], cy = (unsigned char)sy[i];
        if (cx != cy) return cx < cy ? -1 : 1;
    }
    return lx < ly ? -1 : lx > ly ? 1 : 0;
}

int dy_agg_cmp_keys(const dy_agg *a, const uint32_t *x, const uint32_t *y, int nkeys)
{
    int i, c;
    for (i = 0; i < nkeys; i++) {
        c = dy_agg_strcmp(a, x[i], y[i]);
        if (c != 0) return c;
    }
    return 0;
}

static void swap_bytes(unsigned char *x, unsigned char *y, size_t size)
{
    unsigned char t[64];
    while (size > 0) {
        size_t n = size < sizeof t ? size : sizeof t;
        memcpy(t, x, n);
        memcpy(x, y, n);
        memcpy(y, t, n);
        x += n;
        y += n;
        size -= n;
    }
}

/* The one heap sort (in place, allocates nothing): it sees only positions 0..n-1, and
 * less / swap say what comparing and exchanging two positions means, so it serves
 * plain arrays (dy_agg_heapsort) and tables of parallel key / value arrays alike. */
typedef struct {
    int (*less)(size_t x, size_t y, void *ctx);
    void (*swap)(size_t x, size_t y, void *ctx);
    void *ctx;
} heap_ops;

static void heapsort_ops(size_t n, const heap_ops *op)
{
    size_t start = n / 2, end = n, root, child;
    if (n < 2) return;
    for (;;) {
        if (start > 0) {
            start--;
        } else {
            end--;
            if (end == 0) return;
            op->swap(0, end, op->ctx);
        }
        root = start;
        while ((child = 2 * root + 1) < end) {
            if (child + 1 < end && op->less(child, child + 1, op->ctx)) child++;
            if (!op->less(root, child, op->ctx)) break;
            op->swap(root, child, op->ctx);
            root = child;
        }
    }
}

typedef struct {
    unsigned char *base;
    size_t size;
    int (*cmp)(const void *, const void *, void *);
    void *ctx;
} array_sort;

static int array_less(size_t x, size_t y, void *ctx)
{
    const array_sort *s = ctx;
    return s->cmp(s->base + x * s->size, s->base + y * s->size, s->ctx) < 0;
}

static void array_swap(size_t x, size_t y, void *ctx)
{
    const array_sort *s = ctx;
    swap_bytes(s->base + x * s->size, s->base + y * s->size, s->size);
}

void dy_agg_heapsort(void *base, size_t n, size_t size,
                     int (*cmp)(const void *, const void *, void *), void *ctx)
{
    array_sort s;
    heap_ops op;
    s.base = base;
    s.size = size;
    s.cmp = cmp;
    s.ctx = ctx;
    op.less = array_less;
    op.swap = array_swap;
    op.ctx = &s;
    heapsort_ops(n, &op);
}

static int cmp_ids(const void *x, const void *y, void *ctx)
{
    return dy_agg_strcmp((const dy_agg *)ctx, *(const uint32_t *)x, *(const uint32_t *)y);
}

/* rank[id] = position of string id in byte order, so that entries sort by integer
 * comparisons (string comparisons through the table are ~5x slower on big aggregates).
 * NULL when out of memory. */
static uint32_t *string_ranks(const dy_agg *a)
{
    size_t n = dy_strtab_size(&a->strings), i;
    uint32_t *ids, *rank;
    if (n + 1 > SIZE_MAX / (2 * sizeof *ids)) return NULL;
    ids = malloc((n + 1) * 2 * sizeof *ids);
    if (ids == NULL) return NULL;
    rank = ids + n + 1;
    for (i = 0; i < n; i++) ids[i] = (uint32_t)(i + 1);
    dy_agg_heapsort(ids, n, sizeof *ids, cmp_ids, (void *)a);
    rank[0] = 0;
    for (i = 0; i < n; i++) rank[ids[i]] = (uint32_t)(i + 1);
    memmove(ids, rank, (n + 1) * sizeof *ids);  /* keep the ranks at the start of the block */
    return ids;
}

/* A sort record: the entry's key ranks and its index (20 bytes, whatever the entry's size). */
typedef struct { uint32_t r[DY_AGG_MAXKEY]; uint32_t i; } sort_rec;

static int rec_less_eq(const sort_rec *x, const sort_rec *y)
{
    int k;
    for (k = 0; k < DY_AGG_MAXKEY; k++) {
        if (x->r[k] != y->r[k]) return x->r[k] < y->r[k];
    }
    return 1;
}

/* Stable counting sort of src by key k (ranks 0..nranks), into dst; count has nranks + 2 slots. */
static void count_pass(const sort_rec *src, sort_rec *dst, size_t n, int k, uint32_t *count, size_t nranks)
{
    size_t i;
    uint32_t sum = 0;
    memset(count, 0, (nranks + 2) * sizeof *count);
    for (i = 0; i < n; i++) count[src[i].r[k] + 1]++;
    for (i = 0; i <= nranks; i++) {
        sum += count[i + 1];
        count[i + 1] = sum;
    }
    for (i = 0; i < n; i++) dst[count[src[i].r[k]]++] = src[i];
}

/* Order a table by the ranks of its keys, then move keys and values into that order in one
 * pass. Keys are unique, so any correct sort gives the same order: a least-significant-key
 * counting sort when the ranks are few next to the entries (O(n) per key), else a bottom-up
 * merge sort. Returns 1 when the table was in order already (nothing moved), 0 when sorted,
 * -1 when out of memory (the table is then left as it was). */
static int sort_by_ranks(dy_agg_table *t, const uint32_t *rank, size_t nranks)
{
    size_t n = t->n, i, width, nk = (size_t)t->nkeys, nv = (size_t)t->nvals;
    sort_rec *src, *dst, *tmp;
    uint32_t *keys, *count = NULL;
    int64_t *vals;
    int k;
    if (n > SIZE_MAX / (2 * sizeof *src) || n > SIZE_MAX / (DY_AGG_MAXVAL * sizeof *vals)) return -1;
    src = malloc(2 * n * sizeof *src);
    if (src == NULL) return -1;
    dst = src + n;
    for (i = 0; i < n; i++) {
        const uint32_t *key = DY_AGG_KEYS(t, i);
        for (k = 0; k < DY_AGG_MAXKEY; k++) src[i].r[k] = k < t->nkeys ? rank[key[k]] : 0;
        src[i].i = (uint32_t)i;
    }
    for (i = 1; i < n && rec_less_eq(&src[i - 1], &src[i]); i++) continue;
    if (i >= n) {  /* in order already (loaded text, or entries added in key order) */
        free(src);
        return 1;
    }
    keys = malloc(n * nk * sizeof *keys);
    vals = malloc(n * nv * sizeof *vals);
    if (nranks / 4 <= n && nranks < SIZE_MAX / sizeof *count - 2) count = malloc((nranks + 2) * sizeof *count);
    if (keys == NULL || vals == NULL) {
        free(src);
        free(keys);
        free(vals);
        free(count);
        return -1;
    }
    if (count != NULL) {
        for (k = t->nkeys - 1; k >= 0; k--) {
            count_pass(src, dst, n, k, count, nranks);
            tmp = src; src = dst; dst = tmp;
        }
        free(count);
    } else {
        for (width = 1; width < n; width *= 2) {
            size_t lo;
            for (lo = 0; lo < n; lo += 2 * width) {
                size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
                size_t p = lo, q = mid, o = lo;
                while (p < mid && q < hi) dst[o++] = rec_less_eq(&src[p], &src[q]) ? src[p++] : src[q++];
                while (p < mid) dst[o++] = src[p++];
                while (q < hi) dst[o++] = src[q++];
            }
            tmp = src; src = dst; dst = tmp;
        }
    }
    for (i = 0; i < n; i++) {
        memcpy(keys + i * nk, DY_AGG_KEYS(t, src[i].i), nk * sizeof *keys);
        memcpy(vals + i * nv, DY_AGG_VALS(t, src[i].i), nv * sizeof *vals);
    }
    free(src < dst ? src : dst);
    free(t->keys);
    free(t->vals);
    t->keys = keys;
    t->vals = vals;
    t->capk = n * nk;
    t->capv = n * nv;
    return 0;
}

/* In-place heap sort of a table by key strings: the fallback that allocates nothing.
 * The same heapsort_ops, swapping an entry's keys and its values together. */
typedef struct {
    const dy_agg *a;
    dy_agg_table *t;
} table_sort;

static int table_less(size_t x, size_t y, void *ctx)
{
    const table_sort *s = ctx;
    return dy_agg_cmp_keys(s->a, DY_AGG_KEYS(s->t, x), DY_AGG_KEYS(s->t, y), s->t->nkeys) < 0;
}

static void table_swap(size_t x, size_t y, void *ctx)
{
    dy_agg_table *t = ((const table_sort *)ctx)->t;
    swap_bytes((unsigned char *)DY_AGG_KEYS(t, x), (unsigned char *)DY_AGG_KEYS(t, y),
               (size_t)t->nkeys * sizeof *t->keys);
    swap_bytes((unsigned char *)DY_AGG_VALS(t, x), (unsigned char *)DY_AGG_VALS(t, y),
               (size_t)t->nvals * sizeof *t->vals);
}

static void table_heapsort(const dy_agg *a, dy_agg_table *t)
{
    table_sort s;
    heap_ops op;
    s.a = a;
    s.t = t;
    op.less = table_less;
    op.swap = table_swap;
    op.ctx = &s;
    heapsort_ops(t->n, &op);
}

void dy_agg_sort(dy_agg *a)
{
    int i, rc;
    uint32_t *rank = NULL;
    for (i = 0; i < DY_T_COUNT; i++) {
        dy_agg_table *t = &a->t[i];
        if (t->sorted) continue;
        if (rank == NULL) rank = string_ranks(a);
        rc = rank == NULL ? -1 : sort_by_ranks(t, rank, dy_strtab_size(&a->strings));
        if (rc < 0) table_heapsort(a, t);
        if (rc != 1) reslot(t);  /* entries moved */
        t->sorted = 1;
    }
    free(rank);
}

size_t dy_agg_lower_bound(const dy_agg *a, int table, const uint32_t *key, int nkeys)
{
    const dy_agg_table *t = &a->t[table];
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dy_agg_cmp_keys(a, DY_AGG_KEYS(t, mid), key, nkeys) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const int64_t *dy_agg_lookup(const dy_agg *a, int table, const uint32_t key[DY_AGG_MAXKEY])
{
    return tab_find(&a->t[table], key);
}

static int cmp_pairs(const void *x, const void *y, void *ctx)
{
    const uint32_t *p = x, *q = y;
    (void)ctx;
    if (p[0] != q[0]) return p[0] < q[0] ? -1 : 1;
    if (p[1] != q[1]) return p[1] < q[1] ? -1 : 1;
    return 0;
}

size_t dy_agg_distinct_dyads(const dy_agg *a)
{
    const dy_agg_table *t = &a->t[DY_T_DYAD];
    uint32_t *pairs;
    size_t i, count = 0;
    if (t->n == 0) return 0;
    if (t->n > SIZE_MAX / (2 * sizeof *pairs)) return 0;
    pairs = malloc(t->n * 2 * sizeof *pairs);
    if (pairs == NULL) return 0;
    for (i = 0; i < t->n; i++) {
        pairs[2 * i] = DY_AGG_KEYS(t, i)[1];
        pairs[2 * i + 1] = DY_AGG_KEYS(t, i)[2];
    }
    dy_agg_heapsort(pairs, t->n, 2 * sizeof *pairs, cmp_pairs, NULL);
    for (i = 0; i < t->n; i++) {
        if (i == 0 || pairs[2 * i] != pairs[2 * i - 2] || pairs[2 * i + 1] != pairs[2 * i - 1]) count++;
    }
    free(pairs);
    return count;
}

size_t dy_agg_memory(const dy_agg *a)
{
    size_t m = sizeof *a + dy_strtab_memory(&a->strings);
    int i;
    for (i = 0; i < DY_T_COUNT; i++) {
        m += a->t[i].capk * sizeof(uint32_t) + a->t[i].capv * sizeof(int64_t) + a->t[i].nslots * sizeof(uint32_t);
    }
    return m;
}

/* ---------------------------------------------------------------- add and merge */

/* Add vals into the entry for key (in a's own ids), refusing an int64 overflow. */
static int put(dy_agg *a, int table, const uint32_t key[DY_AGG_MAXKEY], const int64_t *vals)
{
    int i, nv = dy_agg_nvals[table], created;
    int64_t *e = tab_get(&a->t[table], key, &created);
    if (e == NULL) return DY_AGG_ENOMEM;
    if (!created) {
        for (i = 0; i < nv; i++) {
            if (add_overflows(e[i], vals[i])) return DY_AGG_EOVERFLOW;
        }
    }
    for (i = 0; i < nv; i++) e[i] += vals[i];
    return DY_AGG_OK;
}

int dy_agg_merge(dy_agg *a, const dy_agg *b)
{
    size_t nb = dy_strtab_size(&b->strings), i, j, total = 0, fresh[DY_T_COUNT];
    uint32_t *map, *where;
    int tb, k, v;
    if (a->broken || b->broken) return DY_AGG_EBROKEN;
    if (a->by != b->by) return DY_AGG_EBY;
    if (add_overflows(a->documents, b->documents) || add_overflows(a->skipped, b->skipped)) {
        return DY_AGG_EOVERFLOW;
    }
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        if (b->t[tb].n > SIZE_MAX / sizeof *map - total) return DY_AGG_ENOMEM;
        total += b->t[tb].n;
    }
    if (nb >= SIZE_MAX / sizeof *map - total - 1) return DY_AGG_ENOMEM;
    map = malloc((nb + 1 + total) * sizeof *map);
    if (map == NULL) return DY_AGG_ENOMEM;
    /* where[j]: 1 + the index in a of b's entry j (tables one after the other), 0 when new */
    where = map + nb + 1;
    /* Phase 1: find b's strings and entries in a, and check every sum; nothing changes yet. */
    map[0] = 0;
    for (i = 1; i <= nb; i++) {
        size_t len;
        const char *s = dy_strtab_get(&b->strings, (uint32_t)i, &len);
        map[i] = dy_strtab_find(&a->strings, s, len);
    }
    for (tb = 0, j = 0; tb < DY_T_COUNT; tb++) {
        const dy_agg_table *t = &b->t[tb];
        const dy_agg_table *at = &a->t[tb];
        fresh[tb] = 0;
        for (i = 0; i < t->n; i++, j++) {
            uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
            const uint32_t *bk = DY_AGG_KEYS(t, i);
            const int64_t *bv = DY_AGG_VALS(t, i), *e;
            size_t at_i = NONE;
            int missing = 0;
            for (k = 0; k < t->nkeys; k++) {
                key[k] = map[bk[k]];
                if (key[k] == 0) missing = 1;
            }
            if (!missing) at_i = tab_index(at, key);
            if (at_i == NONE) {
                where[j] = 0;
                fresh[tb]++;
                continue;
            }
            where[j] = (uint32_t)(at_i + 1);
            e = DY_AGG_VALS(at, at_i);
            for (v = 0; v < t->nvals; v++) {
                if (add_overflows(e[v], bv[v])) { free(map); return DY_AGG_EOVERFLOW; }
            }
        }
    }
    /* Phase 2: intern b's new strings and make room for the new entries. Only running out of
     * memory can stop it, and it adds no figure. */
    for (i = 1; i <= nb; i++) {
        size_t len;
        const char *s = dy_strtab_get(&b->strings, (uint32_t)i, &len);
        if (map[i] == 0) {
            /* Interning may move a's bytes; when a == b every string is already there. */
            map[i] = dy_strtab_intern(&a->strings, s, len);
            if (map[i] == 0) { free(map); return DY_AGG_ENOMEM; }
        }
    }
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        dy_agg_table *at = &a->t[tb];
        size_t nk = (size_t)at->nkeys, nv = (size_t)at->nvals;
        if (fresh[tb] == 0) continue;
        if (fresh[tb] > UINT32_MAX - 1 - at->n || tab_reserve(at, at->n + fresh[tb]) != 0
            || DY_GROW(at->keys, at->capk, at->n * nk, fresh[tb] * nk) != 0
            || DY_GROW(at->vals, at->capv, at->n * nv, fresh[tb] * nv) != 0) {
            free(map);
            return DY_AGG_ENOMEM;
        }
    }
    /* Phase 3: add. Every sum was checked and every byte reserved: this cannot fail. */
    for (tb = 0, j = 0; tb < DY_T_COUNT; tb++) {
        const dy_agg_table *t = &b->t[tb];
        dy_agg_table *at = &a->t[tb];
        size_t n = t->n;  /* when a == b the table does not grow: every key exists */
        for (i = 0; i < n; i++, j++) {
            const int64_t *bv = DY_AGG_VALS(t, i);
            int64_t *e;
            if (where[j] != 0) {
                e = DY_AGG_VALS(at, where[j] - 1);
            } else {
                uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
                size_t slot;
                for (k = 0; k < t->nkeys; k++) key[k] = map[DY_AGG_KEYS(t, i)[k]];
                slot = find_slot(at, key);
                e = tab_append(at, key);  /* within the room reserved above */
                if (e == NULL) {
                    a->broken = 1;
                    free(map);
                    return DY_AGG_ENOMEM;
                }
                at->slots[slot] = (uint32_t)at->n;
                at->sorted = at->n <= 1;
            }
            for (v = 0; v < t->nvals; v++) e[v] += bv[v];
        }
    }
    a->documents += b->documents;
    a->skipped += b->skipped;
    free(map);
    return DY_AGG_OK;
}

int dy_agg_skip(dy_agg *a, const char *reason, size_t len, int64_t count)
{
    uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
    int rc;
    if (a->broken) return DY_AGG_EBROKEN;
    if (count < 0) return DY_AGG_EINPUT;
    if (add_overflows(a->skipped, count)) return DY_AGG_EOVERFLOW;
    key[0] = dy_strtab_intern(&a->strings, reason, len);
    if (key[0] == 0) return DY_AGG_ENOMEM;
    rc = put(a, DY_T_SKIP, key, &count);
    if (rc == DY_AGG_OK) a->skipped += count;
    return rc;
}

/* Intern summary string `id` into the scratch aggregate. */
static uint32_t intern_from(dy_agg *a, const dy_strtab *st, uint32_t id)
{
    size_t len;
    const char *s;
    if (id == 0 || id > dy_strtab_size(st)) return 0;
    s = dy_strtab_get(st, id, &len);
    return dy_strtab_intern(&a->strings, s, len);
}

/* Build the document's totals as an aggregate of one document, then merge: the
 * document is either added whole or not at all. */
static int build_summary(dy_agg *d, const dy_doc_summary *s)
{
    char label[32];
    size_t len, i;
    uint32_t period, key[DY_AGG_MAXKEY];
    int64_t one = 1;
    int rc;
    len = dy_period_label(d->by, s->date, label);
    period = dy_strtab_intern(&d->strings, label, len);
    if (period == 0) return DY_AGG_ENOMEM;
    key[0] = period; key[1] = key[2] = key[3] = 0;
    if ((rc = put(d, DY_T_PERIOD, key, &one)) != DY_AGG_OK) return rc;
    for (i = 0; i < s->ndyads; i++) {
        const dy_dyad_sum *r = &s->dyads[i];
        int64_t v[DY_AGG_MAXVAL];
        if (r->source == 0 || r->target == 0 || r->source > dy_strtab_size(s->strings)
            || r->target > dy_strtab_size(s->strings)) return DY_AGG_EINPUT;
        key[1] = intern_from(d, s->strings, r->source);
        key[2] = intern_from(d, s->strings, r->target);
        key[3] = 0;
        if (key[1] == 0 || key[2] == 0) return DY_AGG_ENOMEM;
        v[DY_D_N] = r->n; v[DY_D_HEDGED] = r->hedged; v[DY_D_COOP] = r->coop;
        v[DY_D_CONFLICT] = r->conflict; v[DY_D_DEPENDENCY] = r->dependency;
        v[DY_D_GSUM] = r->gsum; v[DY_D_WSUM] = r->wsum;
        if ((rc = put(d, DY_T_DYAD, key, v)) != DY_AGG_OK) return rc;
    }
    for (i = 0; i < s->nsectors; i++) {
        const dy_dyad_sector *r = &s->sectors[i];
        size_t ns = dy_strtab_size(s->strings);
        if (r->source == 0 || r->target == 0 || r->sector == 0 || r->source > ns || r->target > ns
            || r->sector > ns) return DY_AGG_EINPUT;
        key[1] = intern_from(d, s->strings, r->source);
        key[2] = intern_from(d, s->strings, r->target);
        key[3] = intern_from(d, s->strings, r->sector);
        if (key[1] == 0 || key[2] == 0 || key[3] == 0) return DY_AGG_ENOMEM;
        if ((rc = put(d, DY_T_SECTOR, key, &r->weight)) != DY_AGG_OK) return rc;
    }
    for (i = 0; i < s->nactors; i++) {
        const dy_actor_sum *r = &s->actors[i];
        int64_t v[DY_AGG_MAXVAL];
        if (r->actor == 0 || r->actor > dy_strtab_size(s->strings)) return DY_AGG_EINPUT;
        key[1] = intern_from(d, s->strings, r->actor);
        key[2] = key[3] = 0;
        if (key[1] == 0) return DY_AGG_ENOMEM;
        v[DY_A_MENTIONS] = r->mentions; v[DY_A_DOCUMENTS] = 0; v[DY_A_SALIENCE] = r->salience;
        v[DY_A_COOP] = r->coop; v[DY_A_CONFLICT] = r->conflict;
        v[DY_A_GSUM] = r->gsum; v[DY_A_WSUM] = r->wsum;
        if ((rc = put(d, DY_T_ACTOR, key, v)) != DY_AGG_OK) return rc;
    }
    /* One document: each actor it names counts it once, however often listed. */
    for (i = 0; i < d->t[DY_T_ACTOR].n; i++) DY_AGG_VALS(&d->t[DY_T_ACTOR], i)[DY_A_DOCUMENTS] = 1;
    d->documents = 1;
    return DY_AGG_OK;
}

int dy_agg_add_summary(dy_agg *a, const dy_doc_summary *s)
{
    dy_agg d;
    int rc;
    if (a->broken) return DY_AGG_EBROKEN;
    dy_agg_init(&d, a->by);
    rc = build_summary(&d, s);
    if (rc == DY_AGG_OK) rc = dy_agg_merge(a, &d);
    dy_agg_free(&d);
    return rc;
}

const char *dy_agg_strerror(int code)
{
    switch (code) {
    case DY_AGG_OK: return "ok";
    case DY_AGG_ENOMEM: return "out of memory";
    case DY_AGG_EOVERFLOW: return "a total would overflow int64 (aggregate unchanged)";
    case DY_AGG_EBY: return "aggregates group by different periods";
    case DY_AGG_EBROKEN: return "aggregate is incomplete after an out-of-memory failure";
    case DY_AGG_EINPUT: return "invalid document summary";
    default: return "unknown error";
    }
}

/* ---------------------------------------------------------------- serialize */

/* Canonical decimal of v (docs/AGGREGATE-FORMAT.md: optional '-', no leading zeros, no -0)
 * into dst, which has room for DY_AGG_INTLEN bytes; returns the length. The one integer
 * formatter of the text format (sprintf costs ~10x more per figure). */
#define DY_AGG_INTLEN 20
static size_t fmt_int(char *dst, int64_t v)
{
    char tmp[DY_AGG_INTLEN];
    size_t n = 0, len = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u != 0);
    if (v < 0) dst[len++] = '-';
    while (n > 0) dst[len++] = tmp[--n];
    return len;
}

/* Output goes through a buffer of OUT_BUF bytes, handed to the writer when full: lines
 * that fit are formatted straight into it; longer ones go byte run by byte run. */
#define OUT_BUF 8192

typedef struct {
    dy_agg_writer write;
    void *ud;
    size_t n;
    int failed;
    char buf[OUT_BUF];
} out_buf;

static void out_flush(out_buf *o)
{
    if (o->n && !o->failed && o->write(o->ud, o->buf, o->n) != 0) o->failed = 1;
    o->n = 0;
}

static void out_bytes(out_buf *o, const char *p, size_t n)
{
    if (n > sizeof o->buf - o->n) {
        out_flush(o);
        if (n > sizeof o->buf) {
            if (!o->failed && o->write(o->ud, p, n) != 0) o->failed = 1;
            return;
        }
    }
    memcpy(o->buf + o->n, p, n);
    o->n += n;
}

static void out_str(out_buf *o, const char *s)
{
    out_bytes(o, s, strlen(s));
}

static void out_int(out_buf *o, int64_t v)
{
    char tmp[1 + DY_AGG_INTLEN];
    tmp[0] = ' ';
    out_bytes(o, tmp, 1 + fmt_int(tmp + 1, v));
}

/* The escape of byte c (docs/AGGREGATE-FORMAT.md, Escaping) into esc; returns its length,
 * 0 when c is written as it is. */
static size_t escape_byte(unsigned char c, char esc[4])
{
    static const char hex[] = "0123456789abcdef";
    if (c > ' ' && c != '\\' && c != 0x7f) return 0;
    esc[0] = '\\';
    switch (c) {
    case '\\': esc[1] = '\\'; return 2;
    case ' ': esc[1] = 's'; return 2;
    case '\n': esc[1] = 'n'; return 2;
    case '\t': esc[1] = 't'; return 2;
    case '\r': esc[1] = 'r'; return 2;
    default: esc[1] = 'x'; esc[2] = hex[c >> 4]; esc[3] = hex[c & 15]; return 4;
    }
}

/* A field: space, then the string escaped so that it holds no space, newline or control byte. */
static void out_field(out_buf *o, const char *s, size_t len)
{
    size_t i, run = 0;
    out_bytes(o, " ", 1);
    if (len == 0) { out_bytes(o, "\\e", 2); return; }
    for (i = 0; i < len; i++) {
        char esc[4];
        size_t n = escape_byte((unsigned char)s[i], esc);
        if (n) {
            out_bytes(o, s + run, i - run);
            out_bytes(o, esc, n);
            run = i + 1;
        }
    }
    out_bytes(o, s + run, len - run);
}

/* The same field written at p, which has room for 1 + 4 * len (or 3) bytes; returns the end. */
static char *put_field(char *p, const char *s, size_t len)
{
    size_t i;
    *p++ = ' ';
    if (len == 0) { *p++ = '\\'; *p++ = 'e'; return p; }
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && c != '\\' && c != 0x7f) {
            *p++ = (char)c;
        } else {
            char esc[4];
            size_t n = escape_byte(c, esc);
            memcpy(p, esc, n);
            p += n;
        }
    }
    return p;
}

/* One record line: the tag, the escaped keys, the figures. */
static void out_line(out_buf *o, const dy_agg *a, const char *tag, size_t taglen, const uint32_t *keys,
                     int nkeys, const int64_t *vals, int nvals)
{
    const char *s[DY_AGG_MAXKEY];
    size_t len[DY_AGG_MAXKEY], need = taglen + (size_t)nvals * (1 + DY_AGG_INTLEN) + 1;
    int k, v;
    for (k = 0; k < nkeys; k++) {
        s[k] = dy_strtab_get(&a->strings, keys[k], &len[k]);
        need += len[k] > OUT_BUF ? OUT_BUF : 3 + 4 * len[k];  /* (an oversized bound means: no fit) */
    }
    if (need > sizeof o->buf - o->n) out_flush(o);
    if (need <= sizeof o->buf) {
        char *p = o->buf + o->n;
        memcpy(p, tag, taglen);
        p += taglen;
        for (k = 0; k < nkeys; k++) p = put_field(p, s[k], len[k]);
        for (v = 0; v < nvals; v++) {
            *p++ = ' ';
            p += fmt_int(p, vals[v]);
        }
        *p++ = '\n';
        o->n = (size_t)(p - o->buf);
        return;
    }
    out_bytes(o, tag, taglen);
    for (k = 0; k < nkeys; k++) out_field(o, s[k], len[k]);
    for (v = 0; v < nvals; v++) out_int(o, vals[v]);
    out_bytes(o, "\n", 1);
}

int dy_agg_serialize(dy_agg *a, dy_agg_writer write, void *ud)
{
    static const char *const tags[DY_T_COUNT] = { "skip", "p", "d", "s", "a" };
    out_buf o;
    int tb;
    size_t i;
    if (a->broken) return DY_AGG_EBROKEN;
    dy_agg_sort(a);
    o.write = write;
    o.ud = ud;
    o.n = 0;
    o.failed = 0;
    out_str(&o, "dyadic-aggregate");
    out_int(&o, DY_AGG_FORMAT_VERSION);
    out_str(&o, "\nby ");
    out_str(&o, dy_period_kind_name(a->by));
    out_str(&o, "\ndocuments");
    out_int(&o, a->documents);
    out_str(&o, "\nskipped");
    out_int(&o, a->skipped);
    out_str(&o, "\n");
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        const dy_agg_table *t = &a->t[tb];
        size_t taglen = strlen(tags[tb]);
        for (i = 0; i < t->n && !o.failed; i++) {
            out_line(&o, a, tags[tb], taglen, DY_AGG_KEYS(t, i), t->nkeys, DY_AGG_VALS(t, i), t->nvals);
        }
    }
    out_str(&o, "end\n");
    out_flush(&o);
    return o.failed ? DY_AGG_ENOMEM : DY_AGG_OK;
}

/* ---------------------------------------------------------------- load */

int dy_agg_valid_period(dy_period_kind kind, const char *s, size_t len)
{
    char label[32];
    int32_t days;
    int y, w;
    if (len == 7 && memcmp(s, "undated", 7) == 0) return 1;
    switch (kind) {
    case DY_BY_DAY:
        if (len != 10 || dy_parse_date(s, len, &days) != 0) return 0;
        break;
    case DY_BY_WEEK:
        if (len != 8 || s[4] != '-' || s[5] != 'W' || dy_parse_digits(s, 4, &y) || dy_parse_digits(s + 6, 2, &w)
            || w < 1 || w > 53) return 0;
        /* Monday of ISO week 1 is the Monday on or before January 4. */
        days = dy_days_from_civil(y, 1, 4);
        days -= (int32_t)(((long)days % 7 + 7 + 3) % 7);
        days += (w - 1) * 7;
        break;
    case DY_BY_MONTH:
        if (len != 7 || s[4] != '-' || dy_parse_digits(s, 4, &y) || dy_parse_digits(s + 5, 2, &w) || w < 1 || w > 12) {
            return 0;
        }
        days = dy_days_from_civil(y, w, 1);
        break;
    case DY_BY_YEAR:
        if (len != 4 || dy_parse_digits(s, 4, &y)) return 0;
        days = dy_days_from_civil(y, 1, 1);
        break;
    default:
        return len == 3 && memcmp(s, "all", 3) == 0;
    }
    /* The label must be exactly what dy_period_label writes for that day. */
    return dy_period_label(kind, days, label) == len && memcmp(label, s, len) == 0;
}

typedef struct {
    const char *f[16];
    size_t len[16];
    int n;
} fields;

static int split(const char *s, size_t len, fields *fs)
{
    size_t i, start = 0;
    fs->n = 0;
    for (i = 0; i <= len; i++) {
        if (i == len || s[i] == ' ') {
            if (fs->n == 16) return -1;
            fs->f[fs->n] = s + start;
            fs->len[fs->n] = i - start;
            fs->n++;
            start = i + 1;
        }
    }
    return 0;
}

static int parse_int(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    uint64_t v = 0, limit;
    if (n > 0 && s[0] == '-') { neg = 1; i = 1; }
    if (i == n) return -1;
    if (s[i] == '0' && (n - i > 1 || neg)) return -1;  /* canonical: no leading zeros, no -0 */
    limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < n; i++) {
        unsigned d;
        if (s[i] < '0' || s[i] > '9') return -1;
        d = (unsigned)(s[i] - '0');
        if (v > (limit - d) / 10) return -2;
        v = v * 10 + d;
    }
    if (neg) *out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
    else *out = (int64_t)v;
    return 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Unescape a field into *buf; returns its length, or -1 with err set. */
static long unescape(const char *s, size_t n, char **buf, size_t *cap, char *err, size_t errlen)
{
    size_t i, m = 0;
    if (n == 0) { snprintf(err, errlen, "empty field (two spaces?)"); return -1; }
    if (n == 2 && s[0] == '\\' && s[1] == 'e') return 0;
    if (DY_GROW(*buf, *cap, 0, n + 1) != 0) { snprintf(err, errlen, "out of memory"); return -1; }
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) {
            snprintf(err, errlen, "control byte 0x%02x in a field (write it escaped)", c);
            return -1;
        }
        if (c != '\\') { (*buf)[m++] = (char)c; continue; }
        if (i + 1 == n) { snprintf(err, errlen, "field ends inside an escape"); return -1; }
        c = (unsigned char)s[++i];
        switch (c) {
        case '\\': (*buf)[m++] = '\\'; break;
        case 's': (*buf)[m++] = ' '; break;
        case 'n': (*buf)[m++] = '\n'; break;
        case 't': (*buf)[m++] = '\t'; break;
        case 'r': (*buf)[m++] = '\r'; break;
        case 'x': {
            int hi = -1, lo = -1;
            if (i + 2 < n) { hi = hexval(s[i + 1]); lo = hexval(s[i + 2]); }
            if (hi < 0 || lo < 0) { snprintf(err, errlen, "bad \\x escape (two lowercase hex digits)"); return -1; }
            (*buf)[m++] = (char)(hi * 16 + lo);
            i += 2;
            break;
        }
        case 'e': snprintf(err, errlen, "\\e stands alone for the empty string"); return -1;
        default:
            if (c >= 0x20 && c < 0x7f) snprintf(err, errlen, "unknown escape '\\%c'", c);
            else snprintf(err, errlen, "unknown escape");
            return -1;
        }
    }
    return (long)m;
}

/* The table of a record tag (skip, p, d, s, a), DY_T_COUNT when none. */
static int tag_table(const char *s, size_t n)
{
    if (n == 1) {
        switch (s[0]) {
        case 'p': return DY_T_PERIOD;
        case 'd': return DY_T_DYAD;
        case 's': return DY_T_SECTOR;
        case 'a': return DY_T_ACTOR;
        default: return DY_T_COUNT;
        }
    }
    return n == 4 && memcmp(s, "skip", 4) == 0 ? DY_T_SKIP : DY_T_COUNT;
}

/* Byte equality of two short runs (a loop: cheaper than a memcmp call at these sizes). */
static int same_bytes(const char *x, const char *y, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (x[i] != y[i]) return 0;
    }
    return 1;
}

/* Whether a field is its own unescaped text: not empty, no escape, no control byte. */
static int plain_field(const char *s, size_t n)
{
    size_t i;
    if (n == 0) return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f || c == '\\') return 0;
    }
    return 1;
}

/* A field quoted in an error message: at most size - 1 bytes, control and non-ASCII bytes as '?'. */
static void printable(char *dst, size_t size, const char *s, size_t n)
{
    size_t i;
    if (n > size - 1) n = size - 1;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        dst[i] = c < 0x20 || c >= 0x7f ? '?' : (char)c;
    }
    dst[n] = '\0';
}

static int header_line(const fields *fs, const char *name)
{
    return fs->n == 2 && fs->len[0] == strlen(name) && memcmp(fs->f[0], name, fs->len[0]) == 0;
}

/* Is value slot v of table tb a count (never negative), rather than a signed sum? Both
 * readers (load, undump) refuse a negative count. */
static int is_count(int tb, int v)
{
    return tb == DY_T_SKIP || tb == DY_T_PERIOD || (tb == DY_T_DYAD && (v == DY_D_N || v == DY_D_HEDGED))
        || (tb == DY_T_ACTOR && (v == DY_A_MENTIONS || v == DY_A_DOCUMENTS));
}

int dy_agg_load(dy_agg *a, const char *s, size_t len, size_t *line, char *err, size_t errlen)
{
    static const char *const tags[DY_T_COUNT] = { "skip", "p", "d", "s", "a" };
    static const char *const what[DY_T_COUNT] = { "skip reason", "period", "dyad", "dyad sector", "actor" };
    size_t pos = 0, lineno = 0, scap = 0;
    char *sbuf = NULL;
    int state = 0, last_table = -1, ended = 0, rc = -1, cache_table = -1, k;
    int inorder[DY_T_COUNT] = { 1, 1, 1, 1, 1 };
    const char *cache_f[DY_AGG_MAXKEY] = { NULL, NULL, NULL, NULL };
    size_t cache_len[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
    uint32_t cache_id[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
    int64_t skips = 0, pdocs = 0;
    fields fs;
    err[0] = '\0';
    while (pos < len) {
        const char *l = s + pos;
        const char *nl = memchr(l, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - l) : len - pos;
        int tb, v;
        pos += ll + (nl ? 1 : 0);
        lineno++;
        *line = lineno;
        if (ll > 0 && l[ll - 1] == '\r') ll--;  /* tolerate CRLF line ends */
        if (ended) { snprintf(err, errlen, "data after 'end'"); goto done; }
        if (split(l, ll, &fs) != 0) { snprintf(err, errlen, "too many fields"); goto done; }
        if (state == 0) {
            int64_t version;
            if (!header_line(&fs, "dyadic-aggregate")) {
                snprintf(err, errlen, "not a dyadic aggregate (expected 'dyadic-aggregate %d')", DY_AGG_FORMAT_VERSION);
                goto done;
            }
            if (parse_int(fs.f[1], fs.len[1], &version) != 0 || version < 1) {
                snprintf(err, errlen, "bad format version");
                goto done;
            }
            if (version != DY_AGG_FORMAT_VERSION) {
                snprintf(err, errlen, "unsupported format version %lld (this reader knows %d)",
                         (long long)version, DY_AGG_FORMAT_VERSION);
                goto done;
            }
            state = 1;
            continue;
        }
        if (state == 1) {
            char kind[24];
            if (!header_line(&fs, "by")) { snprintf(err, errlen, "expected 'by <period kind>'"); goto done; }
            printable(kind, sizeof kind, fs.f[1], fs.len[1]);
            if (fs.len[1] >= sizeof kind || dy_parse_period_kind(kind, &a->by) != 0) {
                snprintf(err, errlen, "unknown period kind '%s' (day, week, month, year or all)", kind);
                goto done;
            }
            state = 2;
            continue;
        }
        if (state == 2 || state == 3) {
            const char *name = state == 2 ? "documents" : "skipped";
            int64_t *dst = state == 2 ? &a->documents : &a->skipped;
            int prc;
            if (!header_line(&fs, name)) { snprintf(err, errlen, "expected '%s <count>'", name); goto done; }
            prc = parse_int(fs.f[1], fs.len[1], dst);
            if (prc != 0 || *dst < 0) {
                snprintf(err, errlen, prc == -2 ? "%s: number out of int64 range" : "%s: expected a count",
                         name);
                goto done;
            }
            state++;
            continue;
        }
        if (fs.n == 1 && fs.len[0] == 3 && memcmp(fs.f[0], "end", 3) == 0) {
            if (skips != a->skipped) {
                snprintf(err, errlen, "skipped %lld but the skip records sum to %lld", (long long)a->skipped,
                         (long long)skips);
                goto done;
            }
            if (pdocs != a->documents) {
                snprintf(err, errlen, "documents %lld but the p records sum to %lld", (long long)a->documents,
                         (long long)pdocs);
                goto done;
            }
            ended = 1;
            continue;
        }
        tb = tag_table(fs.f[0], fs.len[0]);
        if (tb == DY_T_COUNT) {
            char tag[24];
            printable(tag, sizeof tag, fs.f[0], fs.len[0]);
            snprintf(err, errlen, "unknown record '%s' (expected skip, p, d, s, a or end)", tag);
            goto done;
        }
        if (tb < last_table) {
            snprintf(err, errlen, "'%s' record after '%s' records (order: skip, p, d, s, a)", tags[tb],
                     tags[last_table]);
            goto done;
        }
        last_table = tb;
        if (fs.n != 1 + dy_agg_nkeys[tb] + dy_agg_nvals[tb]) {
            snprintf(err, errlen, "'%s' record needs %d fields, got %d", tags[tb],
                     dy_agg_nkeys[tb] + dy_agg_nvals[tb], fs.n - 1);
            goto done;
        }
        if (tb != cache_table) {  /* the key cache holds the previous line's keys of this kind only */
            cache_table = tb;
            for (k = 0; k < DY_AGG_MAXKEY; k++) cache_len[k] = 0;
        }
        {
            dy_agg_table *t = &a->t[tb];
            uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
            int64_t vals[DY_AGG_MAXVAL] = { 0, 0, 0, 0, 0, 0, 0 };
            int created = 1;
            int64_t *e;
            for (k = 0; k < dy_agg_nkeys[tb]; k++) {
                const char *f = fs.f[1 + k], *u;
                size_t fl = fs.len[1 + k], n;
                if (fl != 0 && fl == cache_len[k] && same_bytes(f, cache_f[k], fl)) {
                    key[k] = cache_id[k];  /* same text as the line before: same string, checked already */
                    continue;
                }
                if (plain_field(f, fl)) {
                    u = f;
                    n = fl;
                } else {
                    long m = unescape(f, fl, &sbuf, &scap, err, errlen);
                    if (m < 0) goto done;
                    u = m ? sbuf : "";
                    n = (size_t)m;
                }
                if (k == 0 && tb != DY_T_SKIP) {
                    char quoted[40];
                    if (tb == DY_T_PERIOD) {
                        if (!dy_agg_valid_period(a->by, u, n)) {
                            printable(quoted, sizeof quoted, u, n);
                            snprintf(err, errlen, "'%s' is not a period label of an aggregate by %s", quoted,
                                     dy_period_kind_name(a->by));
                            goto done;
                        }
                    } else if ((key[0] = dy_strtab_find(&a->strings, u, n)) == 0
                               || tab_find(&a->t[DY_T_PERIOD], key) == NULL) {
                        printable(quoted, sizeof quoted, u, n);
                        snprintf(err, errlen, "period '%s' has no p record before it", quoted);
                        goto done;
                    }
                }
                key[k] = dy_strtab_intern(&a->strings, u, n);
                if (key[k] == 0) { snprintf(err, errlen, "out of memory"); goto done; }
                cache_f[k] = f;
                cache_len[k] = fl;
                cache_id[k] = key[k];
            }
            for (v = 0; v < dy_agg_nvals[tb]; v++) {
                const char *f = fs.f[1 + dy_agg_nkeys[tb] + v];
                size_t fl = fs.len[1 + dy_agg_nkeys[tb] + v];
                int prc = parse_int(f, fl, &vals[v]);
                if (prc != 0) {
                    snprintf(err, errlen, prc == -2 ? "field %d: number out of int64 range"
                             : "field %d: expected an integer", 1 + dy_agg_nkeys[tb] + v + 1);
                    goto done;
                }
                if (vals[v] < 0 && is_count(tb, v)) {
                    snprintf(err, errlen, "field %d: a count cannot be negative", 1 + dy_agg_nkeys[tb] + v + 1);
                    goto done;
                }
            }
            if (tb == DY_T_SKIP || tb == DY_T_PERIOD) {
                int64_t *sum = tb == DY_T_SKIP ? &skips : &pdocs;
                if (add_overflows(*sum, vals[0])) { snprintf(err, errlen, "counts overflow int64"); goto done; }
                *sum += vals[0];
            }
            /* Lines of a kind in strictly increasing key order (as every writer sorts them) cannot
             * repeat a key: the big tables then take them in order, unhashed, and get their slots
             * once at the end. The first line out of order hashes the table and checks from then on. */
            if (inorder[tb] && t->n > 0) {
                int c = dy_agg_cmp_keys(a, DY_AGG_KEYS(t, t->n - 1), key, t->nkeys);
                if (c == 0) created = 0;
                else if (c > 0) inorder[tb] = 0;
            }
            if (!created) { snprintf(err, errlen, "duplicate %s record", what[tb]); goto done; }
            if (inorder[tb] && tb >= DY_T_DYAD) {
                e = tab_append(t, key);
            } else {
                if (t->nslots == 0 && t->n > 0 && tab_reserve(t, t->n) != 0) e = NULL;
                else e = tab_get(t, key, &created);
            }
            if (e == NULL) { snprintf(err, errlen, "out of memory"); goto done; }
            if (!created) { snprintf(err, errlen, "duplicate %s record", what[tb]); goto done; }
            memcpy(e, vals, (size_t)dy_agg_nvals[tb] * sizeof *e);
        }
    }
    if (state < 4) {
        *line = lineno + 1;
        snprintf(err, errlen, state == 0 ? "empty input (expected 'dyadic-aggregate %d')" : "truncated header",
                 DY_AGG_FORMAT_VERSION);
        goto done;
    }
    if (!ended) {
        *line = lineno + 1;
        snprintf(err, errlen, "missing 'end' line (truncated input?)");
        goto done;
    }
    for (k = 0; k < DY_T_COUNT; k++) {
        dy_agg_table *t = &a->t[k];
        if (t->nslots == 0 && t->n > 0 && tab_reserve(t, t->n) != 0) {
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        t->sorted = inorder[k];
    }
    rc = 0;
done:
    free(sbuf);
    return rc;
}

/* ---------------------------------------------------------------- dump (internal) */

/* The dump: the aggregate's own arrays, in this machine's byte order, for handing an
 * aggregate to another process of the same build (dyadic corpus -j N): no sorting, no
 * decimal formatting or parsing. Not a file format (docs/AGGREGATE-FORMAT.md, "Dump"):
 *
 *   "dyadic-dump 1\n"  u32 0x01020304  u32 by  i64 documents  i64 skipped
 *   u32 nstrings  u32 length[nstrings]  bytes of the strings, one after the other
 *   for each table (skip, p, d, s, a): u32 n  u32 keys[n * nkeys]  i64 values[n * nvalues]
 *
 * Keys are string numbers 1..nstrings. */
#define DUMP_MAGIC "dyadic-dump 1\n"
#define DUMP_ORDER 0x01020304u

static void out_u32(out_buf *o, uint32_t v)
{
    out_bytes(o, (const char *)&v, sizeof v);
}

static void out_i64(out_buf *o, int64_t v)
{
    out_bytes(o, (const char *)&v, sizeof v);
}

int dy_agg_dump(const dy_agg *a, dy_agg_writer write, void *ud)
{
    out_buf o;
    size_t ns = dy_strtab_size(&a->strings), i;
    int tb;
    if (a->broken) return DY_AGG_EBROKEN;
    o.write = write;
    o.ud = ud;
    o.n = 0;
    o.failed = 0;
    out_str(&o, DUMP_MAGIC);
    out_u32(&o, DUMP_ORDER);
    out_u32(&o, (uint32_t)a->by);
    out_i64(&o, a->documents);
    out_i64(&o, a->skipped);
    out_u32(&o, (uint32_t)ns);  /* ids are uint32_t: ns < UINT32_MAX */
    for (i = 1; i <= ns; i++) out_u32(&o, a->strings.length[i]);
    for (i = 1; i <= ns; i++) {
        size_t len;
        const char *s = dy_strtab_get(&a->strings, (uint32_t)i, &len);
        out_bytes(&o, s, len);
    }
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        const dy_agg_table *t = &a->t[tb];
        out_u32(&o, (uint32_t)t->n);
        if (t->n == 0) continue;
        out_bytes(&o, (const char *)t->keys, t->n * (size_t)t->nkeys * sizeof *t->keys);
        out_bytes(&o, (const char *)t->vals, t->n * (size_t)t->nvals * sizeof *t->vals);
    }
    out_flush(&o);
    return o.failed ? DY_AGG_ENOMEM : DY_AGG_OK;
}

typedef struct {
    const char *p;
    size_t left;
} dump_reader;

static int take(dump_reader *r, void *dst, size_t n)
{
    if (n > r->left) return -1;
    if (n) memcpy(dst, r->p, n);
    r->p += n;
    r->left -= n;
    return 0;
}

/* Whether value v of an entry of table tb is a count (never negative). */
#define DUMP_FAIL(msg) do { snprintf(err, errlen, "%s", msg); goto done; } while (0)

int dy_agg_undump(dy_agg *a, const char *s, size_t len, char *err, size_t errlen)
{
    dump_reader r;
    uint32_t order, by, ns, i;
    int64_t skips = 0, pdocs = 0;
    unsigned char *period = NULL;  /* period[id]: string id is the period of a p entry */
    const char *lengths;
    int tb, k, v, rc = -1;
    err[0] = '\0';
    if (dy_strtab_size(&a->strings) != 0) DUMP_FAIL("dump: the aggregate is not empty");
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        if (a->t[tb].n != 0) DUMP_FAIL("dump: the aggregate is not empty");
    }
    r.p = s;
    r.left = len;
    if (len < sizeof DUMP_MAGIC - 1 || memcmp(s, DUMP_MAGIC, sizeof DUMP_MAGIC - 1) != 0) {
        DUMP_FAIL("not an aggregate dump (expected 'dyadic-dump 1')");
    }
    r.p += sizeof DUMP_MAGIC - 1;
    r.left -= sizeof DUMP_MAGIC - 1;
    if (take(&r, &order, 4) != 0 || take(&r, &by, 4) != 0 || take(&r, &a->documents, 8) != 0
        || take(&r, &a->skipped, 8) != 0 || take(&r, &ns, 4) != 0) DUMP_FAIL("dump: truncated header");
    if (order != DUMP_ORDER) DUMP_FAIL("dump: written on a machine of another byte order");
    if (by > (uint32_t)DY_BY_ALL) DUMP_FAIL("dump: unknown period kind");
    a->by = (dy_period_kind)by;
    if (a->documents < 0 || a->skipped < 0) DUMP_FAIL("dump: negative document count");
    if (ns >= UINT32_MAX - 1 || ns > r.left / 4) DUMP_FAIL("dump: truncated strings");
    lengths = r.p;
    r.p += (size_t)ns * 4;
    r.left -= (size_t)ns * 4;
    for (i = 1; i <= ns; i++) {
        uint32_t l, id;
        memcpy(&l, lengths + (size_t)(i - 1) * 4, 4);
        if (l > r.left) DUMP_FAIL("dump: truncated strings");
        id = dy_strtab_intern(&a->strings, r.p, l);
        if (id == 0) DUMP_FAIL("out of memory");
        if (id != i) DUMP_FAIL("dump: a string appears twice");
        r.p += l;
        r.left -= l;
    }
    period = calloc((size_t)ns + 1, 1);
    if (period == NULL) DUMP_FAIL("out of memory");
    for (tb = 0; tb < DY_T_COUNT; tb++) {
        dy_agg_table *t = &a->t[tb];
        size_t nk = (size_t)t->nkeys, nv = (size_t)t->nvals, j;
        uint32_t n;
        if (take(&r, &n, 4) != 0) DUMP_FAIL("dump: truncated table");
        if (n == 0) continue;
        if (n >= UINT32_MAX - 1 || n > r.left / (nk * sizeof *t->keys + nv * sizeof *t->vals)) {
            DUMP_FAIL("dump: truncated table");
        }
        if (DY_GROW(t->keys, t->capk, 0, n * nk) != 0 || DY_GROW(t->vals, t->capv, 0, n * nv) != 0
            || tab_reserve(t, n) != 0) DUMP_FAIL("out of memory");
        take(&r, t->keys, n * nk * sizeof *t->keys);
        take(&r, t->vals, n * nv * sizeof *t->vals);
        for (j = 0; j < n; j++) {
            const uint32_t *key = DY_AGG_KEYS(t, j);
            const int64_t *val = DY_AGG_VALS(t, j);
            size_t slot;
            for (k = 0; k < t->nkeys; k++) {
                if (key[k] == 0 || key[k] > ns) DUMP_FAIL("dump: key out of range");
            }
            for (v = 0; v < t->nvals; v++) {
                if (val[v] < 0 && is_count(tb, v)) DUMP_FAIL("dump: a count cannot be negative");
            }
            if (tb == DY_T_SKIP || tb == DY_T_PERIOD) {
                int64_t *sum = tb == DY_T_SKIP ? &skips : &pdocs;
                if (add_overflows(*sum, val[0])) DUMP_FAIL("dump: counts overflow int64");
                *sum += val[0];
            }
            if (tb == DY_T_PERIOD) {
                size_t pl;
                const char *p = dy_strtab_get(&a->strings, key[0], &pl);
                if (!dy_agg_valid_period(a->by, p, pl)) DUMP_FAIL("dump: not a period label of its kind");
                period[key[0]] = 1;
            } else if (tb != DY_T_SKIP && !period[key[0]]) {
                DUMP_FAIL("dump: a period without its p entry");
            }
            slot = find_slot(t, key);
            if (t->slots[slot] != 0) DUMP_FAIL("dump: a key appears twice");
            t->slots[slot] = (uint32_t)(j + 1);
            t->n = j + 1;  /* entries counted as they are checked: a failed load frees them all the same */
        }
        t->sorted = t->n <= 1;
    }
    if (r.left != 0) DUMP_FAIL("dump: data after the last table");
    if (skips != a->skipped) DUMP_FAIL("dump: skipped does not match the skip entries");
    if (pdocs != a->documents) DUMP_FAIL("dump: documents does not match the p entries");
    rc = 0;
done:
    free(period);
    return rc;
}
