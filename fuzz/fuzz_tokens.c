/*
 * fuzz_tokens.c - libFuzzer target for dy_tokenize (fuzz/run.sh builds and runs it).
 *
 * Invariants on any input: spans in bounds, ordered, non-empty; the bytes between tokens
 * are white space, ignorable format characters or the dash inside a compound; no letter or
 * digit is lost; an ASCII letter/digit run is never split across tokens; appending to a
 * non-empty array gives the same tokens; white space appended to the text changes none. Oracle: a naive reference tokenizer, written
 * separately here, must agree exactly on the ASCII-simplified copy of the input (bytes >=
 * 0x80 and the joiners . , ' - replaced by '!'), where words are plain alphanumeric runs.
 */
#include "text.h"
#include "unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_tokens: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int ref_alnum(unsigned c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static int ref_space(unsigned c) { return c == ' ' || (c >= 9 && c <= 13); }

/* The reference: maximal alphanumeric runs are words (numbers when all digits), white space
 * separates, every other byte is one punctuation token. */
static void reference_check(const unsigned char *s, size_t n, const dy_tokens *t)
{
    size_t i = 0, k = 0;
    while (i < n) {
        if (ref_space(s[i])) { i++; continue; }
        CHECK(k < t->n);
        CHECK(t->v[k].s == i);
        if (ref_alnum(s[i])) {
            size_t j = i;
            int alpha = 0;
            while (j < n && ref_alnum(s[j])) { alpha |= !(s[j] >= '0' && s[j] <= '9'); j++; }
            CHECK(t->v[k].e == j);
            CHECK(t->v[k].kind == (alpha ? DY_TOK_WORD : DY_TOK_NUMBER));
            CHECK(t->v[k].flags == ((s[i] >= 'A' && s[i] <= 'Z') ? DY_TF_CAPITALIZED : 0));
            i = j;
        } else {
            CHECK(t->v[k].e == i + 1);
            CHECK(t->v[k].kind == DY_TOK_PUNCT);
            CHECK(t->v[k].flags == 0);
            i++;
        }
        k++;
    }
    CHECK(k == t->n);
}

static int class_at(const unsigned char *s, size_t n, size_t i, size_t *len, uint32_t *cp)
{
    *len = dy_utf8_decode(s + i, n - i, cp);
    return *cp == DY_INVALID ? DY_CC_OTHER : dy_class(*cp);
}

static void invariants(const unsigned char *s, size_t n, const dy_tokens *t)
{
    size_t k, i = 0, cur = 0;
    for (k = 0; k < t->n; k++) {
        const dy_token *x = &t->v[k];
        CHECK(x->s < x->e && x->e <= n);
        CHECK(k == 0 || t->v[k - 1].e <= x->s);
        CHECK(x->kind >= DY_TOK_WORD && x->kind <= DY_TOK_PUNCT);
        CHECK((x->flags & ~0x1F) == 0);
        if (x->kind == DY_TOK_PUNCT) CHECK(x->flags == 0);
        if (x->flags & DY_TF_POSSESSIVE) CHECK(x->kind == DY_TOK_WORD && (s[x->e - 1] | 0x20) == 's');
        if (x->flags & DY_TF_ABBREV) CHECK(s[x->e - 1] == '.');
    }
    /* Walk the characters: outside tokens only space, ignorable, or a compound dash. */
    while (i < n) {
        size_t len;
        uint32_t cp;
        int c = class_at(s, n, i, &len, &cp);
        while (cur < t->n && t->v[cur].e <= i) cur++;
        if (cur < t->n && t->v[cur].s <= i) {  /* inside token cur: it must cover the whole character */
            CHECK(i + len <= t->v[cur].e);
        } else {
            if (c == DY_CC_DASH) {
                CHECK(cur > 0 && cur < t->n && t->v[cur - 1].e == i && t->v[cur].s == i + len);
                CHECK((t->v[cur - 1].flags & DY_TF_COMPOUND) && (t->v[cur].flags & DY_TF_COMPOUND));
            } else {
                CHECK(c == DY_CC_SPACE || c == DY_CC_IGNORE);
            }
        }
        i += len;
    }
    /* ASCII alphanumeric runs are never split. */
    for (i = 0, cur = 0; i < n;) {
        size_t j = i;
        if (!ref_alnum(s[i])) { i++; continue; }
        while (j < n && ref_alnum(s[j])) j++;
        while (cur < t->n && t->v[cur].e <= i) cur++;
        CHECK(cur < t->n && t->v[cur].s <= i && t->v[cur].e >= j);
        i = j;
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dy_tokens t = {NULL, 0, 0}, t2 = {NULL, 0, 0};
    unsigned char *simple;
    size_t i, k;
    if (dy_tokenize((const char *)data, size, &t) != 0) abort();
    invariants(data, size, &t);

    /* Appending after an earlier token gives the same tokens. */
    CHECK(dy_tokenize("x-", 2, &t2) == 0 && t2.n == 2);
    CHECK(dy_tokenize((const char *)data, size, &t2) == 0);
    CHECK(t2.n == t.n + 2);
    CHECK(t2.v[0].flags == 0);  /* a dash at the end of the first text joins nothing */
    for (i = 0; i < t.n; i++) {
        CHECK(t.v[i].s == t2.v[i + 2].s && t.v[i].e == t2.v[i + 2].e);
        CHECK(t.v[i].kind == t2.v[i + 2].kind && t.v[i].flags == t2.v[i + 2].flags);
    }

    /* White space after the text changes nothing: no rule looks past the last token into
     * white space differently than at the end of the text. This moves the end of the text
     * relative to the 16-byte blocks of the letter scanner, so a word ending near the end
     * is read by the block loop in one case and by the byte loop in the other. */
    {
        unsigned char *padded = (unsigned char *)malloc(size + 17);
        if (padded == NULL) abort();
        if (size) memcpy(padded, data, size);
        memset(padded + size, ' ', 17);
        for (i = 1; i <= 17; i += 8) {
            t2.n = 0;
            CHECK(dy_tokenize((const char *)padded, size + i, &t2) == 0);
            CHECK(t2.n == t.n);
            for (k = 0; k < t.n; k++) {
                CHECK(t.v[k].s == t2.v[k].s && t.v[k].e == t2.v[k].e);
                CHECK(t.v[k].kind == t2.v[k].kind && t.v[k].flags == t2.v[k].flags);
            }
        }
        free(padded);
    }

    /* The oracle on the simplified copy. */
    simple = (unsigned char *)malloc(size ? size : 1);
    if (simple == NULL) abort();
    for (i = 0; i < size; i++) {
        unsigned c = data[i];
        simple[i] = (c >= 0x80 || c == '.' || c == ',' || c == '\'' || c == '-') ? '!' : (unsigned char)c;
    }
    t.n = 0;
    CHECK(dy_tokenize((const char *)simple, size, &t) == 0);
    reference_check(simple, size, &t);
    free(simple);
    dy_tokens_free(&t);
    dy_tokens_free(&t2);
    return 0;
}
