/*
 * aggregate_test.c - C unit test of the aggregate core, without Lua: summaries built
 * by hand (as analyze.c hands them over), exactness of merge, overflow refusal,
 * the text format, and a mutation loop over the loader (run it under ASan/UBSan); then
 * load, merge and serialize with every allocation failing in turn (malloc, calloc and
 * realloc are wrapped with -Wl,--wrap).
 *
 *   sh spec/c/aggregate.sh            (builds with -fsanitize=address,undefined and runs)
 */
#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#include "fail_alloc.h"

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


/* Every entry is found by its own key (the lookup slots match the entries). */
static int slots_ok(const dy_agg *a)
{
    int t, ok = 1;
    size_t i;
    for (t = 0; t < DY_T_COUNT; t++) {
        for (i = 0; i < a->t[t].n; i++) {
            uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
            memcpy(key, DY_AGG_KEYS(&a->t[t], i), (size_t)a->t[t].nkeys * sizeof *key);
            if (dy_agg_lookup(a, t, key) != DY_AGG_VALS(&a->t[t], i)) ok = 0;
        }
    }
    return ok;
}

/* load(text), then serialize: 0 and the bytes in *out (malloc'ed), or -1 with the message in err. */
static int reload(const char *text, char **out, size_t *line, char *err, size_t errlen)
{
    dy_agg a;
    int rc;
    dy_agg_init(&a, DY_BY_ALL);
    rc = dy_agg_load(&a, text, strlen(text), line, err, errlen);
    *out = rc == 0 ? serialize(&a) : NULL;
    dy_agg_free(&a);
    return rc;
}

/* Figures at the edges of int64 and of each decimal length come back as they were written. */
static void test_int_format(void)
{
    static const char text[] =
        "dyadic-aggregate 1\nby all\ndocuments 9223372036854775807\nskipped 0\n"
        "p all 9223372036854775807\n"
        "d all A B 0 1 -9223372036854775808 9223372036854775807 -1 -10 10\n"
        "d all A C 9 99 100 -99 -100 999999 1000000\n"
        "d all B A 1000000000000000000 999999999999999999 -999999999999999999 -1000000000000000000 "
        "4294967296 -4294967295 2147483648\n"
        "s all A B x -9223372036854775807\n"
        "a all A 10 100 1000 10000 100000 -1000000 12345678901234567\n"
        "end\n";
    char *out, err[160];
    size_t line = 0;
    CHECK(reload(text, &out, &line, err, sizeof err) == 0);
    CHECK(out != NULL && strcmp(out, text) == 0);
    free(out);
}

/* Lines out of order load (a reader accepts any order) and serialize sorted; a repeated key
 * is refused whether it follows its twin or comes back later. */
static void test_load_order(void)
{
    static const char sorted[] =
        "dyadic-aggregate 1\nby month\ndocuments 3\nskipped 2\n"
        "skip a 1\nskip b 1\n"
        "p 2026-01 2\np 2026-02 1\n"
        "d 2026-01 A B 1 0 0 0 0 0 0\nd 2026-01 A BB 1 0 0 0 0 0 0\nd 2026-01 B A 1 0 0 0 0 0 0\n"
        "d 2026-02 A B 1 0 0 0 0 0 0\n"
        "s 2026-01 A B e 1\ns 2026-01 A B f 2\ns 2026-02 A B e 3\n"
        "a 2026-01 A 1 1 0 0 0 0 0\na 2026-02 A 1 1 0 0 0 0 0\n"
        "end\n";
    static const char shuffled[] =
        "dyadic-aggregate 1\nby month\ndocuments 3\nskipped 2\n"
        "skip b 1\nskip a 1\n"
        "p 2026-02 1\np 2026-01 2\n"
        "d 2026-02 A B 1 0 0 0 0 0 0\nd 2026-01 A BB 1 0 0 0 0 0 0\nd 2026-01 A B 1 0 0 0 0 0 0\n"
        "d 2026-01 B A 1 0 0 0 0 0 0\n"
        "s 2026-02 A B e 3\ns 2026-01 A B f 2\ns 2026-01 A B e 1\n"
        "a 2026-02 A 1 1 0 0 0 0 0\na 2026-01 A 1 1 0 0 0 0 0\n"
        "end\n";
    static const char head[] = "dyadic-aggregate 1\nby month\ndocuments 1\nskipped 0\np 2026-01 1\n";
    char *out, err[160], text[512];
    size_t line = 0;
    dy_agg a;
    int t;
    CHECK(reload(sorted, &out, &line, err, sizeof err) == 0);
    CHECK(out != NULL && strcmp(out, sorted) == 0);
    free(out);
    CHECK(reload(shuffled, &out, &line, err, sizeof err) == 0);
    CHECK(out != NULL && strcmp(out, sorted) == 0);
    free(out);
    /* a text in order is known to be sorted once loaded; a shuffled one is not */
    dy_agg_init(&a, DY_BY_ALL);
    CHECK(dy_agg_load(&a, sorted, strlen(sorted), &line, err, sizeof err) == 0);
    for (t = 0; t < DY_T_COUNT; t++) CHECK(a.t[t].sorted);
    CHECK(slots_ok(&a));
    CHECK(dy_agg_lookup(&a, DY_T_DYAD, (uint32_t[DY_AGG_MAXKEY]){ dy_strtab_find(&a.strings, "2026-01", 7),
        dy_strtab_find(&a.strings, "A", 1), dy_strtab_find(&a.strings, "BB", 2), 0 }) != NULL);
    dy_agg_free(&a);
    dy_agg_init(&a, DY_BY_ALL);
    CHECK(dy_agg_load(&a, shuffled, strlen(shuffled), &line, err, sizeof err) == 0);
    CHECK(!a.t[DY_T_DYAD].sorted && !a.t[DY_T_SECTOR].sorted && slots_ok(&a));
    CHECK(dy_agg_lookup(&a, DY_T_DYAD, (uint32_t[DY_AGG_MAXKEY]){ dy_strtab_find(&a.strings, "2026-01", 7),
        dy_strtab_find(&a.strings, "A", 1), dy_strtab_find(&a.strings, "BB", 2), 0 }) != NULL);
    dy_agg_free(&a);
    /* duplicates: next to each other (in order so far), and after an earlier line out of order */
    snprintf(text, sizeof text, "%sd 2026-01 A B 1 0 0 0 0 0 0\nd 2026-01 A B 1 0 0 0 0 0 0\nend\n", head);
    CHECK(reload(text, &out, &line, err, sizeof err) == -1 && line == 7 && strcmp(err, "duplicate dyad record") == 0);
    snprintf(text, sizeof text, "%sd 2026-01 B A 1 0 0 0 0 0 0\nd 2026-01 A B 1 0 0 0 0 0 0\n"
             "d 2026-01 B A 1 0 0 0 0 0 0\nend\n", head);
    CHECK(reload(text, &out, &line, err, sizeof err) == -1 && line == 8 && strcmp(err, "duplicate dyad record") == 0);
    snprintf(text, sizeof text, "%sa 2026-01 B 1 1 0 0 0 0 0\na 2026-01 A 1 1 0 0 0 0 0\n"
             "a 2026-01 B 1 1 0 0 0 0 0\nend\n", head);
    CHECK(reload(text, &out, &line, err, sizeof err) == -1 && line == 8 && strcmp(err, "duplicate actor record") == 0);
    /* the key cache never carries a period across kinds: this d line's period has no p record */
    snprintf(text, sizeof text, "%sd 2026-02 A B 1 0 0 0 0 0 0\nend\n", head);
    CHECK(reload(text, &out, &line, err, sizeof err) == -1 && line == 6
          && strcmp(err, "period '2026-02' has no p record before it") == 0);
    /* nor does it take an escaped field for another one */
    snprintf(text, sizeof text, "%sd 2026-01 A\\sB B 1 0 0 0 0 0 0\nd 2026-01 A\\sB A\\x01 1 0 0 0 0 0 0\n"
             "d 2026-01 A\\sB A\\q 1 0 0 0 0 0 0\nend\n", head);
    CHECK(reload(text, &out, &line, err, sizeof err) == -1 && line == 8 && strcmp(err, "unknown escape '\\q'") == 0);
}

/* Keys longer than the output buffer, with every kind of escape, survive the round trip. */
static void test_long_keys(void)
{
    enum { LONG = 20000 };
    char *key = malloc(LONG), *out, err[160];
    dy_agg a, b;
    size_t i, line = 0;
    CHECK(key != NULL);
    if (key == NULL) return;
    for (i = 0; i < LONG; i++) key[i] = "ab \\\n\t\r\x01\x7f\xc3"[i % 10];
    dy_agg_init(&a, DY_BY_ALL);
    CHECK(dy_agg_skip(&a, key, LONG, 3) == DY_AGG_OK);
    CHECK(dy_agg_skip(&a, "", 0, 1) == DY_AGG_OK);
    CHECK(dy_agg_skip(&a, key, 5, 2) == DY_AGG_OK);
    out = serialize(&a);
    CHECK(out != NULL && strstr(out, "skip \\e 1\n") != NULL && strstr(out, "skip ab\\s\\\\\\n 2\n") != NULL);
    dy_agg_init(&b, DY_BY_ALL);
    CHECK(out && dy_agg_load(&b, out, strlen(out), &line, err, sizeof err) == 0);
    CHECK(b.skipped == 6 && dy_strtab_find(&b.strings, key, LONG) != 0);
    if (out) {
        char *again = serialize(&b);
        CHECK(again != NULL && strcmp(again, out) == 0);
        free(again);
    }
    free(out);
    free(key);
    dy_agg_free(&a);
    dy_agg_free(&b);
}

/* The sort gives key order whichever way it goes: counting sort (few strings, many entries),
 * merge sort (many strings, few entries), in-place heap sort (no memory for either). */
static void test_sort_paths(void)
{
    enum { NS = 300 };
    dy_agg many, few;
    char name[16], *x, *y;
    int i;
    dy_agg_init(&many, DY_BY_ALL);
    dy_agg_init(&few, DY_BY_ALL);
    for (i = 0; i < NS; i++) {  /* many strings that no entry uses, in reverse order */
        snprintf(name, sizeof name, "z%03d", NS - i);
        CHECK(dy_strtab_intern(&many.strings, name, strlen(name)) != 0);
    }
    for (i = 0; i < 40; i++) {
        int64_t count = 1 + i;
        snprintf(name, sizeof name, "r%d", (i * 7) % 40);
        CHECK(dy_agg_skip(&many, name, strlen(name), count) == DY_AGG_OK);
        CHECK(dy_agg_skip(&few, name, strlen(name), count) == DY_AGG_OK);
    }
    x = serialize(&many);  /* 300+ ranks for 40 entries: merge sort */
    y = serialize(&few);   /* 40 ranks for 40 entries: counting sort */
    CHECK(x && y && strcmp(x, y) == 0);
    CHECK(y && strstr(y, "skip r0 1\nskip r1 ") != NULL);
    free(x);
    free(y);
    dy_agg_free(&many);
    dy_agg_free(&few);
}

/* Every allocation failing in turn: load returns -1 ("out of memory") or the whole text;
 * merge returns ENOMEM leaving the sums as they were, or the right sum; serialize gives
 * the same bytes (the sort falls back to a heap sort) or ENOMEM. ASan finds any leak. */
static void test_alloc_failures(void)
{
    dy_agg whole, part, base;
    char *want_part, *want_sum, *base_text;
    long k, nomem = 0, total;
    int i, done = 0;
    dy_agg_init(&whole, DY_BY_MONTH);
    dy_agg_init(&part, DY_BY_MONTH);
    dy_agg_init(&base, DY_BY_MONTH);
    for (i = 0; i < 60; i++) {
        fake_doc d;
        fake_init(&d);
        CHECK(dy_agg_add_summary(&whole, &d.s) == DY_AGG_OK);
        CHECK(dy_agg_add_summary(i % 2 ? &part : &base, &d.s) == DY_AGG_OK);
        dy_strtab_free(&d.strings);
    }
    CHECK(dy_agg_skip(&part, "odd\\one", 7, 2) == DY_AGG_OK && dy_agg_skip(&whole, "odd\\one", 7, 2) == DY_AGG_OK);
    want_part = serialize(&part);
    want_sum = serialize(&whole);
    base_text = serialize(&base);
    CHECK(want_part && want_sum && base_text);
    if (!want_part || !want_sum || !base_text) return;
    for (k = 1; !done; k++) {
        dy_agg a, b;
        size_t line = 0;
        char err[160], *got;
        int rc, lrc;
        /* load the part, under failure k */
        dy_agg_init(&b, DY_BY_ALL);
        allocs = 0;
        fail_at = k;
        lrc = dy_agg_load(&b, want_part, strlen(want_part), &line, err, sizeof err);
        total = allocs;
        fail_at = 0;
        if (lrc != 0) {
            CHECK(strcmp(err, "out of memory") == 0);
            nomem++;
            dy_agg_free(&b);
            continue;
        }
        /* merge it into a copy of base, under failure k - (allocations load made) */
        dy_agg_init(&a, DY_BY_ALL);
        CHECK(dy_agg_load(&a, base_text, strlen(base_text), &line, err, sizeof err) == 0);
        allocs = 0;
        fail_at = k - total;
        rc = dy_agg_merge(&a, &b);
        total += allocs;
        fail_at = 0;
        CHECK(rc == DY_AGG_OK || rc == DY_AGG_ENOMEM);
        CHECK(!a.broken && slots_ok(&a) && slots_ok(&b));
        if (rc != DY_AGG_OK) {
            nomem++;
            got = serialize(&a);
            CHECK(got && strcmp(got, base_text) == 0);
            free(got);
        } else {
            /* serialize the sum (entries out of order: it sorts) under failure k - (allocations so far) */
            sbuf out = { NULL, 0, 0 };
            CHECK(!a.t[DY_T_DYAD].sorted);
            allocs = 0;
            fail_at = k - total;
            rc = dy_agg_serialize(&a, sbuf_write, &out);
            total += allocs;
            fail_at = 0;
            CHECK(rc == DY_AGG_OK || rc == DY_AGG_ENOMEM);
            if (rc == DY_AGG_OK) CHECK(out.p && strcmp(out.p, want_sum) == 0);
            else nomem++;
            CHECK(slots_ok(&a));
            free(out.p);
            got = serialize(&a);
            CHECK(got && strcmp(got, want_sum) == 0);
            free(got);
        }
        done = k > total;  /* no failure reached any step */
        dy_agg_free(&a);
        dy_agg_free(&b);
    }
    CHECK(nomem > 0);
    printf("aggregate_test: %ld allocations failing in turn, %ld gave out of memory\n", k - 1, nomem);
    free(want_part);
    free(want_sum);
    free(base_text);
    dy_agg_free(&whole);
    dy_agg_free(&part);
    dy_agg_free(&base);
}

static sbuf dump(const dy_agg *a)
{
    sbuf b = { NULL, 0, 0 };
    CHECK(dy_agg_dump(a, sbuf_write, &b) == DY_AGG_OK);
    return b;
}

/* undump(bytes), then serialize: the text (malloc'ed), or NULL with the message in err. */
static char *undump_text(const char *p, size_t n, char *err, size_t errlen)
{
    dy_agg a;
    char *out = NULL;
    dy_agg_init(&a, DY_BY_ALL);
    if (dy_agg_undump(&a, p, n, err, errlen) == 0) {
        CHECK(slots_ok(&a));
        out = serialize(&a);
        CHECK(out != NULL);
    } else {
        CHECK(err[0] != '\0');
    }
    dy_agg_free(&a);
    return out;
}

static int failing_writer(void *ud, const char *p, size_t n)
{
    (void)ud;
    (void)p;
    (void)n;
    return -1;
}

/* dump / undump: the same totals back (serialize gives the same bytes), from a sorted or an
 * unsorted aggregate; every truncation and every byte changed is refused or gives an
 * aggregate that is whole (slots, sums); hand-made bad dumps are refused with a message. */
static void test_dump(void)
{
    dy_agg a, b;
    sbuf d;
    char *want, *got, err[160];
    size_t i, line = 0;
    long k, nomem = 0;
    int bit;
    dy_agg_init(&a, DY_BY_WEEK);
    for (i = 0; i < 80; i++) {
        fake_doc f;
        fake_init(&f);
        CHECK(dy_agg_add_summary(&a, &f.s) == DY_AGG_OK);
        dy_strtab_free(&f.strings);
    }
    CHECK(dy_agg_skip(&a, "x y", 3, 2) == DY_AGG_OK);
    CHECK(!a.t[DY_T_DYAD].sorted);
    d = dump(&a);  /* unsorted */
    want = serialize(&a);
    CHECK(want != NULL);
    got = undump_text(d.p, d.n, err, sizeof err);
    CHECK(got && want && strcmp(got, want) == 0);
    free(got);
    free(d.p);
    d = dump(&a);  /* sorted now */
    got = undump_text(d.p, d.n, err, sizeof err);
    CHECK(got && want && strcmp(got, want) == 0);
    free(got);
    /* an empty aggregate, and a kind other than the default */
    dy_agg_init(&b, DY_BY_DAY);
    {
        sbuf e = dump(&b);
        got = undump_text(e.p, e.n, err, sizeof err);
        CHECK(got && strcmp(got, "dyadic-aggregate 1\nby day\ndocuments 0\nskipped 0\nend\n") == 0);
        free(got);
        free(e.p);
    }
    dy_agg_free(&b);
    /* truncations */
    for (i = 0; i < d.n; i++) {
        got = undump_text(d.p, i, err, sizeof err);
        CHECK(got == NULL);
        free(got);
    }
    /* one byte changed, each bit in turn at every position: refused, or whole */
    for (i = 0; i < d.n; i++) {
        for (bit = 0; bit < 8; bit += 3) {
            d.p[i] = (char)(d.p[i] ^ (1 << bit));
            got = undump_text(d.p, d.n, err, sizeof err);
            if (got != NULL) {
                dy_agg c;
                dy_agg_init(&c, DY_BY_ALL);
                CHECK(dy_agg_load(&c, got, strlen(got), &line, err, sizeof err) == 0);
                dy_agg_free(&c);
            }
            free(got);
            d.p[i] = (char)(d.p[i] ^ (1 << bit));
        }
    }
    /* into an aggregate that is not empty */
    dy_agg_init(&b, DY_BY_ALL);
    CHECK(dy_agg_skip(&b, "r", 1, 1) == DY_AGG_OK);
    CHECK(dy_agg_undump(&b, d.p, d.n, err, sizeof err) == -1 && strstr(err, "not empty") != NULL);
    dy_agg_free(&b);
    /* every allocation failing in turn */
    for (k = 1;; k++) {
        dy_agg_init(&b, DY_BY_ALL);
        allocs = 0;
        fail_at = k;
        i = (size_t)dy_agg_undump(&b, d.p, d.n, err, sizeof err);
        fail_at = 0;
        if (i != 0) {
            CHECK(strcmp(err, "out of memory") == 0);
            nomem++;
        } else {
            got = serialize(&b);
            CHECK(got && want && strcmp(got, want) == 0);
            free(got);
        }
        dy_agg_free(&b);
        if (k > allocs) break;
    }
    CHECK(nomem > 0);
    free(d.p);
    /* hand-made bad dumps: a repeated key, a negative count, a period without its p entry,
     * a period label of another kind */
    {
        dy_agg_table *t = &a.t[DY_T_DYAD];
        uint32_t saved[3];
        int64_t n0 = DY_AGG_VALS(t, 0)[DY_D_N];
        CHECK(t->n >= 2);
        memcpy(saved, DY_AGG_KEYS(t, 1), sizeof saved);
        memcpy(DY_AGG_KEYS(t, 1), DY_AGG_KEYS(t, 0), sizeof saved);
        d = dump(&a);
        CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "key appears twice") != NULL);
        free(d.p);
        memcpy(DY_AGG_KEYS(t, 1), saved, sizeof saved);
        DY_AGG_VALS(t, 0)[DY_D_N] = -1;
        d = dump(&a);
        CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "cannot be negative") != NULL);
        free(d.p);
        DY_AGG_VALS(t, 0)[DY_D_N] = n0;
        saved[0] = DY_AGG_KEYS(t, 0)[0];
        DY_AGG_KEYS(t, 0)[0] = DY_AGG_KEYS(t, 0)[1];  /* an actor code as the period */
        d = dump(&a);
        CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "period without") != NULL);
        free(d.p);
        DY_AGG_KEYS(t, 0)[0] = saved[0];
        a.by = DY_BY_MONTH;  /* week labels under month */
        d = dump(&a);
        CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "not a period label") != NULL);
        free(d.p);
        a.by = DY_BY_WEEK;
        a.documents++;
        d = dump(&a);
        CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "documents") != NULL);
        free(d.p);
        a.documents--;
    }
    /* a byte after the last table; a string twice ("CHN" made "RUS") */
    d = dump(&a);
    CHECK(sbuf_write(&d, "", 1) == 0);
    CHECK(undump_text(d.p, d.n, err, sizeof err) == NULL && strstr(err, "after the last table") != NULL);
    for (i = 0; i + 3 <= d.n && memcmp(d.p + i, "CHN", 3) != 0; i++) continue;
    CHECK(i + 3 <= d.n);
    if (i + 3 <= d.n) memcpy(d.p + i, "RUS", 3);
    CHECK(undump_text(d.p, d.n - 1, err, sizeof err) == NULL && strstr(err, "string appears twice") != NULL);
    free(d.p);
    CHECK(undump_text("dyadic-aggregate 1\n", 19, err, sizeof err) == NULL && strstr(err, "not an aggregate dump") != NULL);
    CHECK(dy_agg_dump(&a, failing_writer, NULL) == DY_AGG_ENOMEM);
    a.broken = 1;
    CHECK(dy_agg_dump(&a, failing_writer, NULL) == DY_AGG_EBROKEN);
    a.broken = 0;
    free(want);
    dy_agg_free(&a);
}

int main(void)
{
    test_int_format();
    test_load_order();
    test_long_keys();
    test_sort_paths();
    test_alloc_failures();
    test_dump();
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
