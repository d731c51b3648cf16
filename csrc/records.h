/*
 * records.h - what one analyzed document hands to an aggregate.
 *
 * Every figure is an integer sum in micro-units (value x 1e6, rounded once when
 * the contribution is made), so adding documents and merging aggregates is exact
 * and gives the same totals in any order. Derived figures (net, asymmetry) are
 * computed when read.
 */
#ifndef DYADIC_RECORDS_H
#define DYADIC_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "strtab.h"

#define DY_MICRO 1000000  /* fixed-point scale of every stored weight */

/* One directed dyad's totals in one document. */
typedef struct {
    uint32_t source, target;  /* actor codes, as ids in the summary's strings */
    int64_t n;                /* sentences in which both appear */
    int64_t hedged;           /* of those, sentences whose contributions were hedged */
    int64_t coop, conflict, dependency;  /* micro-units */
    int64_t gsum;             /* sum of goldstein * |w| over coop/conflict contributions, micro-units */
    int64_t wsum;             /* sum of |w| over the same, micro-units */
} dy_dyad_sum;

/* A sector's weight on one directed dyad in one document. */
typedef struct {
    uint32_t source, target, sector;  /* ids in the summary's strings */
    int64_t weight;                   /* micro-units */
} dy_dyad_sector;

/* One actor's totals in one document. */
typedef struct {
    uint32_t actor;           /* id in the summary's strings */
    int64_t mentions;
    int64_t salience;         /* micro-units */
    int64_t coop, conflict;   /* the actor's own tone (one-actor sentences), micro-units */
    int64_t gsum, wsum;       /* Goldstein sums of that tone, micro-units */
} dy_actor_sum;

typedef struct {
    const dy_strtab *strings;  /* names every id above; owned by the document */
    int32_t date;              /* day number or DY_NODATE */
    dy_dyad_sum *dyads;
    size_t ndyads;
    dy_dyad_sector *sectors;
    size_t nsectors;
    dy_actor_sum *actors;
    size_t nactors;
} dy_doc_summary;

/* Implemented by analyze.c: fill *out with the document's totals (contributions of the
 * C pipeline and of Lua rules alike). The arrays belong to the document and stay valid
 * until it changes or is freed. Returns 0 or -1 (out of memory). */
struct dy_doc;
int dy_doc_summarize(struct dy_doc *doc, dy_doc_summary *out);

#endif
