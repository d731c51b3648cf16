/*
 * aggregate_test.c - C unit test of the aggregate core, without Lua: summaries built
 * by hand (as analyze.c hands them over), exactness of merge, overflow refusal,
 * the text format, and a mutation loop over the loader (run it under ASan/UBSan).
 *
 *   sh spec/c/aggregate.sh            (builds with -fsanitize=address,undefined and runs)
 */
#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
                                        failures++; } } while (0)

typedef struct { char *p; size_t n, cap; } sbuf;

static int sbuf_write(void *ud, const char *p, size_t n)
{
    sbuf *b = ud;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *q = realloc(b->p, cap);
        if (q == NULL) return -1;
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static char *serialize(dy_agg *a)
{
    sbuf b = { NULL, 0, 0 };
    if (dy_agg_serialize(a, sbuf_write, &b) != DY_AGG_OK) { free(b.p); return NULL; }
    return b.p;
}

static uint32_t lcg_state = 12345;
static uint32_t rnd(uint32_t n)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return (lcg_state >> 8) % n;
}

/* A document summary with random figures over a few codes. */
typedef struct {
    dy_strtab strings;
    dy_dyad_sum dyads[6];
    dy_dyad_sector sectors[6];
    dy_actor_sum actors[4];
    dy_doc_summary s;
} fake_doc;

static void fake_init(fake_doc *d)
{
    static const char *const names[] = { "RUS", "CHN", "USA", "EU", "energy", "finance" };
    size_t i;
    memset(d, 0, sizeof *d);
    dy_strtab_init(&d->strings);
    for (i = 0; i < 6; i++) dy_strtab_intern(&d->strings, names[i], strlen(names[i]));
    d->s.strings = &d->strings;
    d->s.date = rnd(8) == 0 ? DY_NODATE : dy_days_from_civil(2026, 1 + (int)rnd(12), 1 + (int)rnd(28));
    d->s.ndyads = 1 + rnd(6);
    for (i = 0; i < d->s.ndyads; i++) {
        dy_dyad_sum *x = &d->dyads[i];
        x->source = 1 + rnd(4);
        x->target = 1 + rnd(4);
        x->n = 1 + rnd(3);
        x->hedged = rnd(2);
        x->coop = rnd(3000000);
        x->conflict = rnd(2000000);
        x->dependency = rnd(1000000);
        x->gsum = (int64_t)rnd(20000000) - 10000000;
        x->wsum = rnd(5000000);
    }
    d->s.nsectors = rnd(6);
    for (i = 0; i < d->s.nsectors; i++) {
        d->sectors[i].source = 1 + rnd(4);
        d->sectors[i].target = 1 + rnd(4);
        d->sectors[i].sector = 5 + rnd(2);
        d->sectors[i].weight = rnd(2000000);
    }
    d->s.nactors = rnd(4);
    for (i = 0; i < d->s.nactors; i++) {
        d->actors[i].actor = 1 + rnd(4);
        d->actors[i].mentions = 1 + rnd(5);
        d->actors[i].salience = rnd(5000000);
    }
    d->s.dyads = d->dyads;
    d->s.sectors = d->sectors;
    d->s.actors = d->actors;
}

static void test_merge_orders(void)
{
    enum { NDOCS = 300, NSHARDS = 7 };
    dy_agg whole, shards[NSHARDS], acc;
    char *want, *got;
    int i, round;
    dy_agg_init(&whole, DY_BY_WEEK);
    for (i = 0; i < NSHARDS; i++) dy_agg_init(&shards[i], DY_BY_WEEK);
    for (i = 0; i < NDOCS; i++) {
        fake_doc d;
        fake_init(&d);
        CHECK(dy_agg_add_summary(&whole, &d.s) == DY_AGG_OK);
        CHECK(dy_agg_add_summary(&shards[i % NSHARDS], &d.s) == DY_AGG_OK);
        dy_strtab_free(&d.strings);
    }
    CHECK(whole.documents == NDOCS);
    want = serialize(&whole);
    CHECK(want != NULL);
    for (round = 0; round < 5; round++) {
        int order[NSHARDS];
        for (i = 0; i < NSHARDS; i++) order[i] = i;
        for (i = NSHARDS - 1; i > 0; i--) {
            int j = (int)rnd((uint32_t)i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        dy_agg_init(&acc, DY_BY_WEEK);
        for (i = 0; i < NSHARDS; i++) CHECK(dy_agg_merge(&acc, &shards[order[i]]) == DY_AGG_OK);
        got = serialize(&acc);
        CHECK(got != NULL && strcmp(want, got) == 0);
        free(got);
        dy_agg_free(&acc);
    }
    /* load(serialize(a)) serializes to the same bytes */
    {
        dy_agg back;
        size_t line = 0;
        char err[160];
        dy_agg_init(&back, DY_BY_ALL);
        CHECK(dy_agg_load(&back, want, strlen(want), &line, err, sizeof err) == 0);
        got = serialize(&back);
        CHECK(got != NULL && strcmp(want, got) == 0);
        free(got);
        /* mutation loop: every mangled text is rejected with a line number, or reloads stably */
        for (round = 0; round < 20000; round++) {
            size_t len = strlen(want), pos = rnd((uint32_t)len);
            char *m = malloc(len + 2);
            static const char bytes[] = " \n\\x0-9We\t";
            dy_agg t;
            CHECK(m != NULL);
            if (m == NULL) break;
            memcpy(m, want, len + 1);
            switch (rnd(3)) {
            case 0: memmove(m + pos, m + pos + 1, len - pos); len--; break;
            case 1: m[pos] = bytes[rnd(sizeof bytes - 1)]; break;
            default: len = pos; break;
            }
            dy_agg_init(&t, DY_BY_ALL);
            if (dy_agg_load(&t, m, len, &line, err, sizeof err) == 0) {
                char *again = serialize(&t);
                dy_agg u;
                CHECK(again != NULL);
                dy_agg_init(&u, DY_BY_ALL);
                CHECK(again && dy_agg_load(&u, again, strlen(again), &line, err, sizeof err) == 0);
                if (again) {
                    char *third = serialize(&u);
                    CHECK(third != NULL && strcmp(third, again) == 0);
                    free(third);
                }
                dy_agg_free(&u);
                free(again);
            } else {
                CHECK(line >= 1 && err[0] != '\0');
            }
            dy_agg_free(&t);
            free(m);
        }
        dy_agg_free(&back);
    }
    free(want);
    dy_agg_free(&whole);
    for (i = 0; i < NSHARDS; i++) dy_agg_free(&shards[i]);
}

static void test_overflow_and_input(void)
{
    dy_agg a, b;
    fake_doc d;
    char *before, *after;
    fake_init(&d);
    d.s.ndyads = 1;
    d.dyads[0].coop = INT64_MAX - 5;
    d.dyads[0].gsum = 0;
    dy_agg_init(&a, DY_BY_MONTH);
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_OK);
    before = serialize(&a);
    d.dyads[0].coop = 6;
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_EOVERFLOW);
    after = serialize(&a);
    CHECK(before && after && strcmp(before, after) == 0);  /* unchanged, documents included */
    free(after);
    /* INT64_MIN side */
    d.dyads[0].coop = 0;
    d.dyads[0].gsum = INT64_MIN + 1;
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_OK);
    d.dyads[0].gsum = -2;
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_EOVERFLOW);
    /* ids outside the summary's strings are refused, not read */
    d.dyads[0].gsum = 0;
    d.dyads[0].target = 99;
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_EINPUT);
    d.dyads[0].target = 0;
    CHECK(dy_agg_add_summary(&a, &d.s) == DY_AGG_EINPUT);
    /* different kinds do not merge */
    dy_agg_init(&b, DY_BY_DAY);
    CHECK(dy_agg_merge(&a, &b) == DY_AGG_EBY);
    /* merge into itself doubles */
    dy_agg_free(&b);
    dy_agg_init(&b, DY_BY_MONTH);
    d.dyads[0].target = 2;
    d.dyads[0].coop = 1;
    CHECK(dy_agg_add_summary(&b, &d.s) == DY_AGG_OK);
    CHECK(dy_agg_skip(&b, "x", 1, 2) == DY_AGG_OK);
    CHECK(dy_agg_merge(&b, &b) == DY_AGG_OK);
    CHECK(b.documents == 2 && b.skipped == 4);
    free(before);
    dy_agg_free(&a);
    dy_agg_free(&b);
    dy_strtab_free(&d.strings);
}

static void test_periods(void)
{
    CHECK(dy_agg_valid_period(DY_BY_WEEK, "2026-W53", 8));
    CHECK(dy_agg_valid_period(DY_BY_WEEK, "2020-W53", 8));
    CHECK(!dy_agg_valid_period(DY_BY_WEEK, "2025-W53", 8));
    CHECK(!dy_agg_valid_period(DY_BY_WEEK, "2026-W00", 8));
    CHECK(dy_agg_valid_period(DY_BY_DAY, "2024-02-29", 10));
    CHECK(!dy_agg_valid_period(DY_BY_DAY, "2025-02-29", 10));
    CHECK(dy_agg_valid_period(DY_BY_MONTH, "undated", 7));
    CHECK(!dy_agg_valid_period(DY_BY_MONTH, "2026-1x", 7));
    CHECK(dy_agg_valid_period(DY_BY_ALL, "all", 3));
    CHECK(!dy_agg_valid_period(DY_BY_YEAR, "all", 3));
}

int main(void)
{
    test_periods();
    test_overflow_and_input();
    test_merge_orders();
    if (failures) {
        fprintf(stderr, "aggregate_test: %d failures\n", failures);
        return 1;
    }
    printf("aggregate_test: ok\n");
    return 0;
}
