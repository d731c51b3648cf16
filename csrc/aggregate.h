/*
 * aggregate.h - totals over many documents, keyed by strings, grouped by period.
 *
 * An aggregate holds five hash tables of int64 sums keyed by interned strings:
 *   skip    (reason)                           -> count
 *   period  (period)                           -> documents
 *   dyad    (period, source, target)           -> n, hedged, coop, conflict, dependency, gsum, wsum
 *   sector  (period, source, target, sector)   -> weight
 *   actor   (period, actor)                    -> mentions, documents, salience, coop, conflict, gsum, wsum
 * Every figure is an integer (counts, or micro-units as in records.h), so adding
 * documents and merging aggregates is exact, commutative and associative. Keys are
 * strings (the aggregate's own dy_strtab), so aggregates built by different processes
 * with different lexicons merge. Memory grows with distinct keys, never with documents.
 *
 * Sums that would leave int64 are refused: the operation returns DY_AGG_EOVERFLOW and
 * the aggregate is left exactly as it was. A merge finds every entry and reserves all the
 * memory it needs before it adds anything, so running out of memory leaves the sums as
 * they were too (DY_AGG_ENOMEM; some new strings may stay interned). An aggregate is
 * marked broken (DY_AGG_EBROKEN from then on) only if adding failed anyway, which the
 * reservation rules out: it never silently holds a partial sum.
 */
#ifndef DYADIC_AGGREGATE_H
#define DYADIC_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "records.h"
#include "strtab.h"

#define DY_AGG_FORMAT_VERSION 1

enum {
    DY_AGG_OK = 0,
    DY_AGG_ENOMEM = -1,     /* out of memory (the aggregate's sums are unchanged) */
    DY_AGG_EOVERFLOW = -2,  /* a sum would leave int64 (the aggregate is unchanged) */
    DY_AGG_EBY = -3,        /* merge of aggregates grouped by different periods */
    DY_AGG_EBROKEN = -4,    /* an earlier out-of-memory left this aggregate incomplete */
    DY_AGG_EINPUT = -5      /* invalid input (summary ids out of range) */
};

enum { DY_T_SKIP, DY_T_PERIOD, DY_T_DYAD, DY_T_SECTOR, DY_T_ACTOR, DY_T_COUNT };

/* Value slots of a dyad entry. */
enum { DY_D_N, DY_D_HEDGED, DY_D_COOP, DY_D_CONFLICT, DY_D_DEPENDENCY, DY_D_GSUM, DY_D_WSUM, DY_D_COUNT };
/* Value slots of an actor entry. */
enum { DY_A_MENTIONS, DY_A_DOCUMENTS, DY_A_SALIENCE, DY_A_COOP, DY_A_CONFLICT, DY_A_GSUM, DY_A_WSUM, DY_A_COUNT };

#define DY_AGG_MAXKEY 4
#define DY_AGG_MAXVAL 7

/* One table: entry i has keys[i * nkeys ...] (string ids) and vals[i * nvals ...]. Keys and
 * values live in two flat arrays so that each kind pays only for what it holds (a sector
 * entry is 16 + 8 bytes, a dyad entry 12 + 56). */
typedef struct {
    uint32_t *keys;
    int64_t *vals;
    size_t n, capk, capv;
    uint32_t *slots;  /* open addressing: entry index + 1, 0 = empty */
    size_t nslots;    /* power of two, or 0 */
    int sorted;       /* entries are in key order (string byte order, key by key) */
    int nkeys, nvals;
} dy_agg_table;

#define DY_AGG_KEYS(t, i) ((t)->keys + (size_t)(i) * (size_t)(t)->nkeys)
#define DY_AGG_VALS(t, i) ((t)->vals + (size_t)(i) * (size_t)(t)->nvals)

typedef struct dy_agg {
    dy_period_kind by;
    int broken;
    int64_t documents, skipped;
    dy_strtab strings;
    dy_agg_table t[DY_T_COUNT];
} dy_agg;

/* Number of keys / values the entries of each table use. */
extern const unsigned char dy_agg_nkeys[DY_T_COUNT];
extern const unsigned char dy_agg_nvals[DY_T_COUNT];

void dy_agg_init(dy_agg *a, dy_period_kind by);
void dy_agg_free(dy_agg *a);

/* Add one document's totals (one document, dated or not). */
int dy_agg_add_summary(dy_agg *a, const dy_doc_summary *s);
/* Add b's totals to a (a may be b). */
int dy_agg_merge(dy_agg *a, const dy_agg *b);
/* Count `count` skipped documents under `reason`. */
int dy_agg_skip(dy_agg *a, const char *reason, size_t len, int64_t count);

/* The values of the entry with these key ids (NULL when absent). */
const int64_t *dy_agg_lookup(const dy_agg *a, int table, const uint32_t key[DY_AGG_MAXKEY]);
/* Put each table's entries in key order (cheap when already sorted; never fails). */
void dy_agg_sort(dy_agg *a);
/* Compare two string ids by their bytes (memcmp order, shorter prefix first). */
int dy_agg_strcmp(const dy_agg *a, uint32_t x, uint32_t y);
/* Compare the first nkeys string ids of two keys by their bytes, in table order. */
int dy_agg_cmp_keys(const dy_agg *a, const uint32_t *x, const uint32_t *y, int nkeys);
/* First entry index whose leading `nkeys` keys are >= key (table must be sorted). */
size_t dy_agg_lower_bound(const dy_agg *a, int table, const uint32_t *key, int nkeys);
/* In-place heap sort with a context pointer (C99 has no qsort_r). */
void dy_agg_heapsort(void *base, size_t n, size_t size,
                     int (*cmp)(const void *, const void *, void *), void *ctx);
/* Number of distinct directed (source, target) pairs over all periods (0 if out of memory). */
size_t dy_agg_distinct_dyads(const dy_agg *a);
/* Bytes held. */
size_t dy_agg_memory(const dy_agg *a);

/* Serialization (docs/AGGREGATE-FORMAT.md). The writer returns 0, or non-zero to stop. */
typedef int (*dy_agg_writer)(void *ud, const char *p, size_t n);
int dy_agg_serialize(dy_agg *a, dy_agg_writer write, void *ud);

/* Parse a serialized aggregate into a, which must be freshly initialized (any kind; the
 * text's `by` line sets it). Returns 0, or -1 with *line (1-based) and a message in
 * err[errlen]; a then holds a partial aggregate that the caller frees. */
int dy_agg_load(dy_agg *a, const char *s, size_t len, size_t *line, char *err, size_t errlen);

/* The dump: an aggregate's arrays as they are (this machine's byte order, unsorted), for
 * passing it to another process of the same build; not a file format (docs/AGGREGATE-FORMAT.md,
 * "Dump"). dy_agg_dump writes it (never sorts, so a is const); dy_agg_undump reads one into a
 * freshly initialized aggregate, checking everything dy_agg_load checks (counts, periods,
 * unique keys and strings, the header sums) so that a malformed dump is refused: it returns
 * 0, or -1 with a message in err[errlen], a then holding a partial aggregate to free. */
int dy_agg_dump(const dy_agg *a, dy_agg_writer write, void *ud);
int dy_agg_undump(dy_agg *a, const char *s, size_t len, char *err, size_t errlen);

/* Check a period label against a kind (the labels dy_period_label writes, or "undated"). */
int dy_agg_valid_period(dy_period_kind kind, const char *s, size_t len);

const char *dy_agg_strerror(int code);

#endif
