/*
 * fuzz_aggregate.c - libFuzzer target for the aggregate text format (dy_agg_load).
 *
 * Invariants on any input: the loader never crashes and either refuses the text with a
 * line number and a message, or accepts it; an accepted text serializes to a canonical
 * form that loads again and serializes to the same bytes; merging it into an empty
 * aggregate of its kind, and merging it with itself, give the canonical bytes / the same
 * bytes as loading a copy twice and merging (or an overflow refusal that changes nothing).
 * Since arbitrary text rarely starts with the header, half of the inputs are prefixed with
 * a valid header so the fuzzer reaches the record parser. An accepted text also goes through
 * dy_agg_dump / dy_agg_undump and must come back with the same bytes; and every input is fed
 * to dy_agg_undump as it is (refused with a message, or an aggregate that serializes and loads).
 */
#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_aggregate: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

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

static sbuf serialize(dy_agg *a)
{
    sbuf b = { NULL, 0, 0 };
    CHECK(dy_agg_serialize(a, sbuf_write, &b) == DY_AGG_OK);
    return b;
}

static void check_text(const char *s, size_t n)
{
    dy_agg a, b, c;
    size_t line = 0;
    char err[160];
    sbuf one, two;
    int rc;
    dy_agg_init(&a, DY_BY_ALL);
    if (dy_agg_load(&a, s, n, &line, err, sizeof err) != 0) {
        CHECK(line >= 1 && err[0] != '\0');
        dy_agg_free(&a);
        return;
    }
    one = serialize(&a);
    dy_agg_init(&b, DY_BY_ALL);
    CHECK(dy_agg_load(&b, one.p, one.n, &line, err, sizeof err) == 0);
    two = serialize(&b);
    CHECK(one.n == two.n && memcmp(one.p, two.p, one.n) == 0);
    free(two.p);
    /* dump, undump: the same bytes */
    {
        sbuf d = { NULL, 0, 0 };
        dy_agg u;
        CHECK(dy_agg_dump(&a, sbuf_write, &d) == DY_AGG_OK);
        dy_agg_init(&u, DY_BY_ALL);
        CHECK(dy_agg_undump(&u, d.p, d.n, err, sizeof err) == 0);
        two = serialize(&u);
        CHECK(one.n == two.n && memcmp(one.p, two.p, one.n) == 0);
        free(two.p);
        free(d.p);
        dy_agg_free(&u);
    }
    /* merge into an empty aggregate of the same kind: the same bytes */
    dy_agg_init(&c, a.by);
    CHECK(dy_agg_merge(&c, &a) == DY_AGG_OK);
    two = serialize(&c);
    CHECK(one.n == two.n && memcmp(one.p, two.p, one.n) == 0);
    free(two.p);
    /* a + a, against a copy merged in: equal results, or an overflow that changed nothing */
    rc = dy_agg_merge(&a, &b);
    CHECK(rc == DY_AGG_OK || rc == DY_AGG_EOVERFLOW);
    if (rc == DY_AGG_OK) {
        sbuf x, y;
        CHECK(dy_agg_merge(&c, &c) == DY_AGG_OK);
        x = serialize(&a);
        y = serialize(&c);
        CHECK(x.n == y.n && memcmp(x.p, y.p, x.n) == 0);
        free(x.p);
        free(y.p);
    } else {
        two = serialize(&a);
        CHECK(one.n == two.n && memcmp(one.p, two.p, one.n) == 0);
        free(two.p);
    }
    free(one.p);
    dy_agg_free(&a);
    dy_agg_free(&b);
    dy_agg_free(&c);
}

/* Raw bytes as a dump: refused with a message, or an aggregate whose text loads again. */
static void check_dump(const char *s, size_t n)
{
    dy_agg a, b;
    size_t line = 0;
    char err[160];
    sbuf one;
    dy_agg_init(&a, DY_BY_ALL);
    if (dy_agg_undump(&a, s, n, err, sizeof err) != 0) {
        CHECK(err[0] != '\0');
        dy_agg_free(&a);
        return;
    }
    one = serialize(&a);
    dy_agg_init(&b, DY_BY_ALL);
    CHECK(dy_agg_load(&b, one.p, one.n, &line, err, sizeof err) == 0);
    free(one.p);
    dy_agg_free(&a);
    dy_agg_free(&b);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *const heads[] = { "dyadic-aggregate 1\nby month\n", "dyadic-aggregate 1\nby week\n",
                                         "dyadic-aggregate 1\nby day\n", "dyadic-aggregate 1\nby all\n" };
    char *s;
    size_t hl;
    if (size == 0) return 0;
    if (size > 14 && memcmp(data, "dyadic-dump 1\n", 14) == 0) {
        check_dump((const char *)data, size);
        return 0;
    }
    if ((data[0] & 1) == 0) {
        check_text((const char *)data, size);
        return 0;
    }
    hl = strlen(heads[(data[0] >> 1) & 3]);
    s = malloc(hl + size);
    if (s == NULL) return 0;
    memcpy(s, heads[(data[0] >> 1) & 3], hl);
    memcpy(s + hl, data + 1, size - 1);
    check_text(s, hl + size - 1);
    free(s);
    return 0;
}
