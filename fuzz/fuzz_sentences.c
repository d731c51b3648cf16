/*
 * fuzz_sentences.c - libFuzzer target for dy_split_sentences (fuzz/run.sh builds and runs it).
 *
 * Invariants: sentences are in bounds, non-empty, ordered and non-overlapping; each span is
 * exactly its token range [tok_first, tok_end) (trimmed); every word token lies in a
 * sentence and the tokens outside all sentences are list markers (punctuation or a number
 * of at most two digits); no sentence crosses a paragraph break (a blank line); splitting
 * is deterministic and independent of tokens left in the arrays by an earlier text.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_sentences: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int blank_line_inside(const unsigned char *s, size_t a, size_t b)
{
    size_t i;
    for (i = a; i < b; i++) {
        if (s[i] == '\n') {
            size_t j = i + 1;
            while (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
            if (j < b && s[j] == '\n') return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dy_tokens t = {NULL, 0, 0};
    dy_sentences st = {NULL, 0, 0}, st2 = {NULL, 0, 0};
    size_t k, i, tk = 0;
    if (dy_tokenize((const char *)data, size, &t) != 0) abort();
    if (dy_split_sentences((const char *)data, size, &t, &st) != 0) abort();
    CHECK(t.n == 0 || st.n > 0);
    for (k = 0; k < st.n; k++) {
        const dy_sentence *x = &st.v[k];
        CHECK(x->s < x->e && x->e <= size);
        CHECK(x->tok_first < x->tok_end && x->tok_end <= t.n);
        CHECK(x->s == t.v[x->tok_first].s && x->e == t.v[x->tok_end - 1].e);
        CHECK(k == 0 || (st.v[k - 1].e <= x->s && st.v[k - 1].tok_end <= x->tok_first));
        CHECK(!blank_line_inside(data, x->s, x->e));
        for (; tk < x->tok_first; tk++) {  /* tokens between sentences: list markers only */
            const dy_token *y = &t.v[tk];
            CHECK(y->kind == DY_TOK_PUNCT || (y->kind == DY_TOK_NUMBER && y->e - y->s <= 2));
        }
        tk = x->tok_end;
    }
    CHECK(tk == t.n);  /* the text never ends in a list marker token */
    /* Deterministic, and blind to whatever the arrays held before. */
    {
        dy_tokens t0 = {NULL, 0, 0};
        CHECK(dy_tokenize("Hi. Yo", 6, &t0) == 0 && dy_split_sentences("Hi. Yo", 6, &t0, &st2) == 0);
        CHECK(st2.n == 2);
        dy_tokens_free(&t0);
        st2.n = 0;
    }
    CHECK(dy_split_sentences((const char *)data, size, &t, &st2) == 0);
    CHECK(st2.n == st.n);
    for (i = 0; i < st.n; i++) CHECK(memcmp(&st.v[i], &st2.v[i], sizeof st.v[i]) == 0);
    dy_tokens_free(&t);
    dy_sentences_free(&st);
    dy_sentences_free(&st2);
    return 0;
}
