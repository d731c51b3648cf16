/*
 * lexicon_native_test.c - C unit test of the native lexicon parser (csrc/lexicon_native.c):
 * results on a small lexicon, and every allocation failing in turn (malloc, calloc and
 * realloc are wrapped with -Wl,--wrap): the parser must return -1 or its normal result,
 * never crash, and leak nothing (ASan checks at exit). Run by spec/c/lexicon_native.sh.
 */
#include "lexicon.h"
#include "lexicon_native.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "lexicon_native_test: %s (line %d)\n", #c, __LINE__); exit(1); } } while (0)

#include "fail_alloc.h"

static const char text[] =
    "\357\273\277#!dyadic-lexicon 1\r\n"
    "# a comment\n"
    "@actor code=RUS type=state\n"
    "Russia\n"
    "the   Kremlin | type=capital role=GOV\n"
    "Moscow | type=town\n"
    "@cue category=dependency weight=1.5\n"
    "rely on\n"
    "lifeline for | direction=reverse goldstein=-0x2\n"
    "@sector sector=\"finance and settlement\"\n"
    "correspondent bank*\n"
    "\"@home\" | weight=heavy\n"
    "@village\n"
    "nowhere\n";

static const char *message(const dy_native_problems *p, size_t i)
{
    return p->text + p->v[i].msg;
}

static void check_result(const dy_lexicon *lex, const dy_native_problems *p)
{
    const dy_entry *e;
    if (p->n != 3) { size_t i; for (i = 0; i < p->n; i++) fprintf(stderr, "%lu: %s\n", (unsigned long)p->v[i].line, message(p, i)); }
    CHECK(p->n == 3);
    CHECK(p->v[0].line == 6 && strcmp(message(p, 0), "field 'type': unknown actor type 'town' "
                                      "(state, leader, capital, igo, region, group or other)") == 0);
    CHECK(p->v[1].line == 12 && strcmp(message(p, 1), "key 'weight': 'heavy' is not a number") == 0);
    CHECK(p->v[2].line == 13 && strcmp(message(p, 2), "unknown block kind '@village' "
                                      "(@actor, @cue, @sector or @discard)") == 0);
    CHECK(dy_lexicon_size(lex) == 5);
    e = dy_lexicon_entry(lex, 1);
    CHECK(strcmp(dy_lexicon_string(lex, e->term), "the Kremlin") == 0);
    CHECK(strcmp(dy_lexicon_string(lex, e->source), "test.lex:5") == 0);
    CHECK(e->subtype == DY_ACTOR_CAPITAL && strcmp(dy_lexicon_string(lex, e->role), "GOV") == 0);
    e = dy_lexicon_entry(lex, 3);
    CHECK(e->kind == DY_KIND_CUE && e->weight == 1.5 && e->goldstein == -2.0 && (e->flags & DY_ENTRY_REVERSE));
    e = dy_lexicon_entry(lex, 4);
    CHECK(strcmp(dy_lexicon_string(lex, e->code), "finance and settlement") == 0);
}

int main(void)
{
    long k, total, failures = 0;
    dy_native_problems p;
    dy_lexicon *lex;
    long n;

    /* the result without failures, and how many allocations it takes */
    memset(&p, 0, sizeof p);
    allocs = 0;
    lex = dy_lexicon_new();
    CHECK(lex != NULL);
    n = dy_lexicon_load_native(lex, text, sizeof text - 1, "test.lex", 8, 0, &p);
    CHECK(n == 3);
    check_result(lex, &p);
    total = allocs;
    dy_lexicon_free(lex);
    dy_native_problems_free(&p);

    /* stop at the first problem */
    lex = dy_lexicon_new();
    CHECK(dy_lexicon_load_native(lex, text, sizeof text - 1, "test.lex", 8, 1, &p) == 1);
    CHECK(p.n == 1 && p.v[0].line == 6 && dy_lexicon_size(lex) == 2);
    dy_lexicon_free(lex);
    dy_native_problems_free(&p);

    /* every allocation failing in turn */
    for (k = 1; k <= total + 1; k++) {
        memset(&p, 0, sizeof p);
        allocs = 0;
        fail_at = k;
        lex = dy_lexicon_new();
        if (lex != NULL) {
            n = dy_lexicon_load_native(lex, text, sizeof text - 1, "test.lex", 8, 0, &p);
            if (n < 0) failures++;
            else check_result(lex, &p);
            dy_lexicon_free(lex);
        }
        dy_native_problems_free(&p);
        fail_at = 0;
    }
    CHECK(failures > 0);
    printf("lexicon_native_test: ok (%ld allocations, %ld of them failing in turn gave -1)\n", total, failures);
    return 0;
}
