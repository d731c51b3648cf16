/*
 * automaton_test.c - C unit test of the automaton build (csrc/automaton.c, csrc/bigmem.c):
 *   - a dictionary large enough that the built tables take a large block of bigmem.c
 *     (over 2 MiB: huge pages in a normal build, malloc under ASan so that the block's
 *     end is checked) matches a text exactly as the naive reference matcher of the
 *     fuzzer (fuzz/naive_matcher.h) does, in both selection modes, with the normal
 *     layout and with the testing one that keeps most states sparse;
 *   - a small dictionary with every allocation failing in turn (malloc, calloc and
 *     realloc wrapped with -Wl,--wrap): add, build and find return -1 or the normal
 *     result, never crash, and leak nothing (ASan checks at exit).
 * Run by spec/c/automaton.sh.
 */
#include "automaton.h"
#include "naive_matcher.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "automaton_test: %s (line %d)\n", #c, __LINE__); exit(1); } } while (0)

#include "fail_alloc.h"

/* A deterministic generator (LCG) for the large dictionary and its text. */
static unsigned long rnd(unsigned long *x)
{
    *x = *x * 6364136223846793005ul + 1442695040888963407ul;
    return (*x >> 33) & 0x7FFFFFFFul;
}

/* Word w of a vocabulary of pseudo-words: 2 to 9 letters, a few with an apostrophe,
 * punctuation or a non-ASCII letter. */
static size_t word(unsigned w, char *out)
{
    static const char *const tails[] = { "", "", "", "", "", "'s", ".", "\xC3\xA9", "-x", "'" };
    unsigned long x = 977ul * w + 13ul;
    size_t n = 2 + rnd(&x) % 8, i, l;
    const char *t;
    for (i = 0; i < n; i++) out[i] = (char)('a' + rnd(&x) % 26);
    if (rnd(&x) % 5 == 0) out[0] = (char)(out[0] - 'a' + 'A');
    t = tails[rnd(&x) % 10];
    l = strlen(t);
    memcpy(out + n, t, l);
    return n + l;
}

#define VOCAB 2500u
#define NBIG 5000u
#define TEXT_WORDS 3000u

/* Both matchers over text, in both selection modes. */
static void compare(const dy_automaton *a, const nv_pat *np, size_t npat, unsigned flags, const char *text,
                    size_t len, size_t *nmatch)
{
    int ov;
    for (ov = 0; ov <= 1; ov++) {
        dy_matches m = { NULL, 0, 0 };
        size_t cap = 65536, k;
        dy_match *ref = malloc(cap * sizeof *ref);
        long nr;
        CHECK(ref != NULL);
        CHECK(dy_automaton_find(a, text, len, ov, &m) == 0);
        nr = nv_find(np, npat, flags, text, len, ov, ref, cap);
        CHECK(nr >= 0 && (size_t)nr < cap);
        if ((size_t)nr != m.n) fprintf(stderr, "overlap=%d: %lu matches, naive %ld\n", ov, (unsigned long)m.n, nr);
        CHECK((size_t)nr == m.n);
        for (k = 0; k < m.n; k++) {
            CHECK(m.v[k].s == ref[k].s && m.v[k].e == ref[k].e && m.v[k].id == ref[k].id);
        }
        nmatch[ov] = m.n;
        dy_matches_free(&m);
        free(ref);
    }
}

static void large(unsigned flags)
{
    char *pats = malloc((size_t)NBIG * 64), *text = malloc((size_t)TEXT_WORDS * 24);
    size_t *plen = malloc(NBIG * sizeof *plen), tlen = 0, i, nmatch[2];
    nv_pat *np = malloc(NBIG * sizeof *np);
    unsigned long x = 42;
    dy_automaton *a = dy_automaton_new(flags);
    char err[128];
    CHECK(pats != NULL && text != NULL && plen != NULL && np != NULL && a != NULL);
    for (i = 0; i < NBIG; i++) {
        /* one to three words; every seventh pattern ends with `word*` */
        char *p = pats + i * 64;
        size_t n = 0, w, nw = 1 + rnd(&x) % 3;
        for (w = 0; w < nw; w++) {
            if (w > 0) p[n++] = ' ';
            n += word((unsigned)(rnd(&x) % VOCAB), p + n);
        }
        if (i % 7 == 0 && p[n - 1] >= 'a' && p[n - 1] <= 'z') p[n++] = '*';
        plen[i] = n;
        CHECK(dy_automaton_add(a, p, n, (uint32_t)i, err, sizeof err) == 0);
        CHECK(nv_parse(p, n, (uint32_t)i, flags, &np[i]) == 0);
    }
    for (i = 0; i < TEXT_WORDS; i++) {
        static const char *const seps[] = { " ", " ", " ", ", ", " - ", "\n", ". " };
        const char *s = seps[rnd(&x) % 7];
        tlen += word((unsigned)(rnd(&x) % (VOCAB + VOCAB / 4)), text + tlen);  /* some words no pattern has */
        memcpy(text + tlen, s, strlen(s));
        tlen += strlen(s);
    }
    CHECK(dy_automaton_build(a) == 0);
    /* the tables took a large block (the huge-page path in a build without ASan) */
    if (!(flags & DY_AC_TEST_SPARSE)) CHECK(dy_automaton_memory(a) > ((size_t)2 << 20));
    compare(a, np, NBIG, flags, text, tlen, nmatch);
    CHECK(nmatch[0] > 100 && nmatch[1] >= nmatch[0]);
    printf("automaton_test: %u patterns, %.1f MB, flags %u: %lu matches (%lu overlapping) as the naive matcher\n",
           NBIG, dy_automaton_memory(a) / 1048576.0, flags, (unsigned long)nmatch[0], (unsigned long)nmatch[1]);
    for (i = 0; i < NBIG; i++) free(np[i].c);
    dy_automaton_free(a);
    free(pats); free(text); free(plen); free(np);
}

static const char *const small_pats[] = {
    "Russia", "the Kremlin", "U.S.", "sign* peace accord*", "rock 'n' roll", "Côte d'Ivoire",
    "中国", "talks", "peace talks", "O'Neill", "sanction*", "Putin", "Xi Jinping", "e-mail",
};
#define NSMALL (sizeof small_pats / sizeof small_pats[0])

static const char small_text[] =
    "Putin's talks with Xi Jinping: the KREMLIN signed peace accords, the U.S. sanctioned "
    "C\xC3\xB4te d\xE2\x80\x99Ivoire over rock 'n' roll e\xE2\x80\x94mail; \xE4\xB8\xAD\xE5\x9B\xBD and "
    "O'Neill's peace   talks, sanctions.";

/* Add, build and find the small dictionary: 0 and the matches, or -1. */
static int small_run(unsigned flags, dy_matches *out)
{
    dy_automaton *a = dy_automaton_new(flags);
    char err[128];
    size_t i;
    int rc = -1;
    if (a == NULL) return -1;
    for (i = 0; i < NSMALL; i++) {
        if (dy_automaton_add(a, small_pats[i], strlen(small_pats[i]), (uint32_t)i, err, sizeof err) != 0) {
            CHECK(strcmp(err, DY_AC_NOMEM) == 0);
            goto done;
        }
    }
    if (dy_automaton_build(a) != 0) goto done;
    rc = dy_automaton_find(a, small_text, sizeof small_text - 1, 0, out);
done:
    dy_automaton_free(a);
    return rc;
}

int main(void)
{
    unsigned flags[2] = { 0, DY_AC_TEST_SPARSE };
    int f;
    large(0);
    large(DY_AC_TEST_SPARSE);
    for (f = 0; f < 2; f++) {
        dy_matches ref = { NULL, 0, 0 };
        long k, total, failures = 0;
        allocs = 0;
        CHECK(small_run(flags[f], &ref) == 0);
        total = allocs;
        /* Putin('s), talks, Xi Jinping, KREMLIN (the Kremlin), sign* peace accord*, U.S.,
         * sanction*, Côte d'Ivoire, rock 'n' roll, e-mail, 中国, O'Neill('s), peace talks,
         * sanction* */
        CHECK(ref.n == 14);
        CHECK(ref.v[0].id == 11 && ref.v[0].s == 0 && ref.v[0].e == 5);
        CHECK(ref.v[4].id == 3 && memcmp(small_text + ref.v[4].s, "signed peace accords", ref.v[4].e - ref.v[4].s) == 0);
        for (k = 1; k <= total + 1; k++) {
            dy_matches m = { NULL, 0, 0 };
            int rc;
            allocs = 0;
            fail_at = k;
            rc = small_run(flags[f], &m);
            fail_at = 0;
            if (rc != 0) failures++;
            else CHECK(m.n == ref.n && memcmp(m.v, ref.v, m.n * sizeof *m.v) == 0);
            dy_matches_free(&m);
        }
        CHECK(failures > 0);
        printf("automaton_test: ok (flags %u: %ld allocations, %ld of them failing in turn gave -1)\n", flags[f],
               total, failures);
        dy_matches_free(&ref);
    }
    return 0;
}
