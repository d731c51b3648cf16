/*
 * fuzz_matcher.c - dy_automaton_find against the naive reference (naive_matcher.h).
 *
 * The input is read as: byte 0 = options (bit 0: exact case, bits 1-3: pattern count - 1,
 * bit 4: DY_AC_TEST_SPARSE so that the sparse states, and fast states without a dense
 * row, are exercised too),
 * then a token stream; byte 0xFF closes the current string (the patterns come first,
 * the rest is the text) and every other byte picks a token from the table below:
 * ASCII words and punctuation, separators, apostrophe variants, letters that fold
 * across lengths (Kelvin sign, long s), Cyrillic, ideographs, a soft hyphen, NUL and
 * invalid or truncated UTF-8, and `word*` tokens so that prefixes land on inner words as
 * well as on the last one. Both selection modes are compared match for match.
 */
#include "automaton.h"
#include "naive_matcher.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tokens[] = {
    "a", "b", "ab", "ba", "s", "S", "A", "B", "x", "1",
    " ", " ", "  ", "-", "\n", "\t", "\xE2\x80\x94", "\xC2\xA0",              /* em dash, nbsp */
    "'", "\xE2\x80\x99", ".", ",", "*", "(", ")", "&",
    "\xC3\xA9", "\xC3\x89", "\xD0\x9F", "\xD0\xBF", "\xE2\x84\xAA", "k", "\xC5\xBF", /* é É П п K(kelvin) k ſ */
    "\xE4\xB8\xAD", "\xE5\x9B\xBD", "\xE0\xB8\x81",                       /* 中 国 Thai ko kai */
    "\xC2\xAD", "\xE2\x80\x8D",                                            /* soft hyphen, ZWJ */
    "\0", "\xFF", "\xC3", "\xE4\xB8", "\x80", "\xF0\x9F\x98\x80",          /* NUL, invalid, emoji */
    "ab ", " ba", "a'", "'s", "s ", "a-b", "a*", "b* ",
    "a* b", "ab* ", "s* ", "b*-", "a* a* ", "\xE4\xB8\xAD* ",           /* inner prefixes (中*) */
};
#define NTOK (sizeof tokens / sizeof tokens[0])

static size_t tok_len(size_t i)
{
    return tokens[i][0] == 0 ? 1 : strlen(tokens[i]);  /* the NUL token */
}

#define MAXPAT 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[MAXPAT + 1][512];
    size_t blen[MAXPAT + 1];
    nv_pat np[MAXPAT];
    size_t i, nstr = 0, npat;
    unsigned flags;
    dy_automaton *a;
    int ov;

    if (size < 1) return 0;
    flags = ((data[0] & 1) ? DY_AC_CASE_EXACT : 0) | ((data[0] & 0x10) ? DY_AC_TEST_SPARSE : 0);
    npat = ((data[0] >> 1) & 7) + 1;
    memset(blen, 0, sizeof blen);
    for (i = 1; i < size; i++) {
        if (data[i] == 0xFF) {
            if (nstr < npat) nstr++;
            continue;
        } else {
            size_t t = data[i] % NTOK, l = tok_len(t);
            if (blen[nstr] + l <= sizeof buf[0]) {
                memcpy(buf[nstr] + blen[nstr], tokens[t], l);
                blen[nstr] += l;
            }
        }
    }
    /* strings 0..npat-1 are patterns, string npat is the text */
    a = dy_automaton_new(flags);
    if (a == NULL) return 0;
    for (i = 0; i < npat; i++) {
        char err[128];
        int r1 = dy_automaton_add(a, buf[i], blen[i], (uint32_t)(i % 3), err, sizeof err);
        int r2 = nv_parse(buf[i], blen[i], (uint32_t)(i % 3), flags, &np[i]);
        if (r1 != r2) {
            fprintf(stderr, "pattern %lu accepted differently: automaton %d (%s), naive %d\n",
                    (unsigned long)i, r1, r1 ? err : "", r2);
            abort();
        }
        if (r1 != 0) np[i].c = NULL;
    }
    if (dy_automaton_build(a) != 0) abort();
    for (ov = 0; ov <= 1; ov++) {
        dy_matches m = { NULL, 0, 0 };
        dy_match ref[512];
        size_t k;
        long nr;
        /* the naive matcher tries only the patterns that parsed: compact them */
        nv_pat live[MAXPAT];
        size_t nl = 0;
        for (k = 0; k < npat; k++) if (np[k].c != NULL) live[nl++] = np[k];
        if (dy_automaton_find(a, buf[npat], blen[npat], ov, &m) != 0) abort();
        nr = nv_find(live, nl, flags, buf[npat], blen[npat], ov, ref, 512);
        if (nr < 0) abort();
        if ((size_t)nr != m.n) {
            fprintf(stderr, "overlap=%d: %lu matches, naive %ld\n", ov, (unsigned long)m.n, nr);
            for (k = 0; k < m.n; k++) fprintf(stderr, "  got %u %u %u\n", m.v[k].s, m.v[k].e, m.v[k].id);
            for (k = 0; k < (size_t)nr && k < 512; k++) fprintf(stderr, "  ref %u %u %u\n", ref[k].s, ref[k].e, ref[k].id);
            abort();
        }
        for (k = 0; k < m.n && k < 512; k++) {
            if (m.v[k].s != ref[k].s || m.v[k].e != ref[k].e || m.v[k].id != ref[k].id) {
                fprintf(stderr, "overlap=%d: match %lu differs: %u %u %u vs naive %u %u %u\n", ov,
                        (unsigned long)k, m.v[k].s, m.v[k].e, m.v[k].id, ref[k].s, ref[k].e, ref[k].id);
                abort();
            }
        }
        for (k = 0; k < m.n; k++) {
            if (m.v[k].s >= m.v[k].e || m.v[k].e > blen[npat]) abort();
        }
        {
            /* the same with a scratch buffer reused across calls (what the lexicon does):
             * twice, so that the second call starts from the first one's buffers */
            dy_find_scratch scr = { NULL, NULL, 0, 0 };
            int rep;
            for (rep = 0; rep < 2; rep++) {
                dy_matches m2 = { NULL, 0, 0 };
                if (dy_automaton_find_scratch(a, buf[npat], blen[npat], ov, &m2, &scr) != 0) abort();
                if (m2.n != m.n || (m.n > 0 && memcmp(m2.v, m.v, m.n * sizeof *m.v) != 0)) {
                    fprintf(stderr, "overlap=%d: find_scratch (call %d) differs from find\n", ov, rep + 1);
                    abort();
                }
                dy_matches_free(&m2);
            }
            dy_find_scratch_free(&scr);
        }
        dy_matches_free(&m);
    }
    for (i = 0; i < npat; i++) free(np[i].c);
    dy_automaton_free(a);
    return 0;
}
