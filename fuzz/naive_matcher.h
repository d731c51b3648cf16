/*
 * naive_matcher.h - a slow, direct reference for the phrase matcher (fuzz oracle).
 *
 * Written from the rules in docs/DESIGN.md (the matcher section) without the automaton: the text
 * and each pattern become arrays of characters; every pattern is tried at every
 * character where a match may start, by comparing characters one by one. Quadratic
 * and proud of it.
 */
#ifndef DYADIC_NAIVE_MATCHER_H
#define DYADIC_NAIVE_MATCHER_H

#include "automaton.h"
#include "unicode.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t cp;     /* folded, apostrophes as '\'', DY_INVALID for a bad byte */
    uint32_t raw;    /* the code point as written */
    int cls;         /* dy_class of the original character; -1 for a bad byte */
    int bound;       /* a match may start here (the automaton's boundary symbol) */
    int star;        /* patterns only: `word*` ends here (the text word goes on) */
    size_t s, e;     /* bytes in the text */
} nv_char;

typedef struct {
    nv_char *c;      /* visible characters only (no separators, no ignorables) */
    size_t n;
    int prefix, endchk;
    uint32_t id;
} nv_pat;

static int nv_wordish(int k) { return k == DY_CC_LETTER || k == DY_CC_DIGIT; }

/* Decode s into characters; all = 1 keeps separators and ignorables too. */
static nv_char *nv_chars(const char *str, size_t len, unsigned flags, size_t *count)
{
    const unsigned char *s = (const unsigned char *)str;
    nv_char *v = malloc((len + 1) * sizeof *v);
    size_t i = 0, n = 0;
    int inword = 0;
    if (v == NULL) return NULL;
    while (i < len) {
        uint32_t cp;
        size_t l = dy_utf8_decode(s + i, len - i, &cp);
        nv_char *c = &v[n++];
        c->s = i; c->e = i + l; c->bound = 0; c->star = 0;
        i += l;
        c->raw = cp;
        if (cp == DY_INVALID) { c->cp = DY_INVALID; c->cls = -1; inword = 0; continue; }
        c->cls = dy_class(cp);
        c->cp = (flags & DY_AC_CASE_EXACT) ? cp : dy_fold(cp);
        switch (c->cls) {
        case DY_CC_IGNORE: break;
        case DY_CC_SPACE: case DY_CC_DASH: inword = 0; break;
        case DY_CC_LETTER: case DY_CC_DIGIT: c->bound = !inword; inword = 1; break;
        case DY_CC_IDEO: c->bound = 1; inword = 0; break;
        case DY_CC_APOS: c->cp = '\''; c->bound = !inword; inword = 0; break;
        default: c->bound = !inword; inword = 0; break;
        }
    }
    *count = n;
    return v;
}

static int nv_visible(const nv_char *c)
{
    return c->cls != DY_CC_IGNORE && c->cls != DY_CC_SPACE && c->cls != DY_CC_DASH;
}

/* Parse a pattern. Returns 0, or -1 when the pattern is invalid (any reason).
 * `*` must follow a word character or an ideograph (ignorables between are fine) and be
 * followed by the end of the pattern or by a separator; after a letter or digit it
 * marks that word as a prefix, wherever the word is; after an ideograph it changes
 * nothing. */
static int nv_parse(const char *pat, size_t len, uint32_t id, unsigned flags, nv_pat *p)
{
    size_t n, i, k = 0, words = 0;
    int pending = 0, sep_after = 0;
    nv_char *c = nv_chars(pat, len, flags, &n);
    if (c == NULL) return -1;
    memset(p, 0, sizeof *p);
    p->id = id;
    for (i = 0; i < n; i++) {
        if (c[i].cls == -1) { free(c); return -1; }
        if (c[i].cp == '*' && c[i].cls == DY_CC_OTHER) {
            /* the previous non-ignorable character must be a word character */
            size_t j = i;
            int ok = 0;
            while (j > 0 && c[j - 1].cls == DY_CC_IGNORE) j--;
            if (j > 0 && (nv_wordish(c[j - 1].cls) || c[j - 1].cls == DY_CC_IDEO)) ok = 1;
            if (!ok || pending) { free(c); return -1; }
            pending = 1;
            sep_after = 0;
            if (nv_wordish(c[k - 1].cls)) c[k - 1].star = 1;
            continue;
        }
        if (c[i].cls == DY_CC_SPACE || c[i].cls == DY_CC_DASH) sep_after = 1;
        if (nv_visible(&c[i])) {
            if (pending && !sep_after) { free(c); return -1; }
            pending = 0;
        }
        if (nv_wordish(c[i].cls) || c[i].cls == DY_CC_IDEO) words++;
        if (nv_visible(&c[i])) c[k++] = c[i];
    }
    if (words == 0) { free(c); return -1; }
    p->c = c;
    p->n = k;
    if (c[k - 1].star) {
        p->prefix = 1;
    } else {
        /* ends inside a word: the last visible character is a word character, or
         * apostrophes right after one */
        size_t j = k;
        while (j > 0 && c[j - 1].cls == DY_CC_APOS) j--;
        p->endchk = j > 0 && nv_wordish(c[j - 1].cls);
    }
    return 0;
}

/* Is character index j (in the all-characters array) followed, after ignorables, by
 * a word character? Returns that index or n. */
static size_t nv_next(const nv_char *t, size_t n, size_t j)
{
    while (j < n && t[j].cls == DY_CC_IGNORE) j++;
    return j;
}

/* An apostrophe at j ends the word before it (closing quote or possessive 's). */
static int nv_apos_ends(const nv_char *t, size_t n, size_t j)
{
    size_t x = nv_next(t, n, j + 1), y;
    uint32_t raw;
    if (x >= n || !nv_wordish(t[x].cls)) return 1;
    raw = t[x].raw;
    y = nv_next(t, n, x + 1);
    /* the letter s as written, either case (not the long s, not the Kelvin k's cousins) */
    if (raw != 's' && raw != 'S') return 0;
    return y >= n || !nv_wordish(t[y].cls);
}

/* The rest of the text word after character index `last` (a word character): letters,
 * digits, ignorables and apostrophes that do not end the word. Returns the index of
 * its last word character. */
static size_t nv_extend(const nv_char *t, size_t n, size_t last)
{
    size_t y = last + 1;
    for (;;) {
        while (y < n && (nv_wordish(t[y].cls) || t[y].cls == DY_CC_IGNORE)) {
            if (nv_wordish(t[y].cls)) last = y;
            y++;
        }
        if (y < n && t[y].cls == DY_CC_APOS && !nv_apos_ends(t, n, y)) { y++; continue; }
        return last;
    }
}

typedef struct { uint32_t s, e, id, idx; } nv_hit;

static int nv_hit_cmp(const void *x, const void *y)
{
    const nv_hit *a = x, *b = y;
    if (a->s != b->s) return a->s < b->s ? -1 : 1;
    if (a->e != b->e) return a->e > b->e ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* All matches of the patterns (those that parse) in text; returns the count or -1. */
static long nv_find(const nv_pat *pats, size_t npat, unsigned flags, const char *text, size_t len,
                    int overlap, dy_match *out, size_t outcap)
{
    size_t n, i, j, nh = 0, caph = 64;
    nv_char *t = nv_chars(text, len, flags, &n);
    nv_hit *h = malloc(caph * sizeof *h);
    long r = 0;
    if (t == NULL || h == NULL) { free(t); free(h); return -1; }
    for (i = 0; i < n; i++) {
        if (!nv_visible(&t[i]) || !t[i].bound || t[i].cls == -1) continue;
        for (j = 0; j < npat; j++) {
            const nv_pat *p = &pats[j];
            size_t k = 0, x = i, last = i;
            size_t e;
            if (p->c == NULL) continue;
            while (k < p->n) {
                while (x < n && !nv_visible(&t[x])) x++;
                if (x >= n) break;
                if (t[x].cp != p->c[k].cp || t[x].bound != p->c[k].bound || t[x].cls == -1) break;
                last = x;
                /* `word*`: the text word may go on; the pattern continues after it */
                if (p->c[k].star) last = nv_extend(t, n, x);
                k++; x = last + 1;
            }
            if (k < p->n) continue;
            e = t[last].e;
            if (p->endchk) {
                size_t y = nv_next(t, n, last + 1);
                if (y < n) {
                    if (nv_wordish(t[y].cls)) continue;
                    if (t[y].cls == DY_CC_APOS && !nv_apos_ends(t, n, y)) continue;
                }
            }
            if (nh == caph) {
                nv_hit *g = realloc(h, 2 * caph * sizeof *h);
                if (g == NULL) { free(t); free(h); return -1; }
                h = g; caph *= 2;
            }
            h[nh].s = (uint32_t)t[i].s; h[nh].e = (uint32_t)e; h[nh].id = p->id; h[nh].idx = (uint32_t)j;
            nh++;
        }
    }
    qsort(h, nh, sizeof *h, nv_hit_cmp);
    {
        uint32_t end = 0;
        for (i = 0; i < nh; i++) {
            if (!overlap && r > 0 && h[i].s < end) continue;
            if ((size_t)r < outcap) { out[r].s = h[i].s; out[r].e = h[i].e; out[r].id = h[i].id; }
            r++;
            end = h[i].e;
        }
    }
    free(t); free(h);
    return r;
}

#endif
