/*
 * bench_match.c - the phrase matcher against Hyperscan, on the Phoenix actor phrases
 * over the Reuters-21578 texts (../shared; see bench/parts/10-matcher.sh).
 *
 *   bench_match SHARED_DIR OUT_DIR [MB]
 *
 * Prints a Markdown section on stdout and writes the inputs the Lua/grep peers use into
 * OUT_DIR (text.txt, phrases-1k.txt, phrases-10k.txt, phrases-all.txt, phrases-100k.txt).
 * Times are thread CPU time, best of several repeats (the machine is shared); MB = 10^6 bytes.
 *
 * Hyperscan gets the same job: hs_compile_lit_multi (HS_FLAG_CASELESS |
 * HS_FLAG_SOM_LEFTMOST), word boundaries and the possessive rule checked in the match
 * callback, then the same leftmost-longest selection. Its literals only match the
 * phrase with single spaces, where dyadic also matches line breaks, runs of spaces and
 * hyphens: the correctness check counts and classifies the differences.
 */
#include "automaton.h"

#include <hs.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <math.h>

#define REPEATS 5

static double now(void)
{
    struct timespec ts;
    /* CPU time of this thread: the machine is shared, and wall time mostly measures
     * the other tenants; both peers are timed the same way. */
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) { fprintf(stderr, "out of memory\n"); exit(1); }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (p == NULL) { fprintf(stderr, "out of memory\n"); exit(1); }
    return p;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, r;
    if (f == NULL) return NULL;
    for (;;) {
        if (cap - n < 65536) { cap = cap ? cap * 2 : 1 << 20; buf = xrealloc(buf, cap + 1); }
        r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* ---- inputs -------------------------------------------------------------------------- */

typedef struct { char *v; size_t n, cap; } buf_t;

static void put(buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        while (b->n + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 1 << 20;
        b->v = xrealloc(b->v, b->cap);
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
    b->v[b->n] = 0;
}

static void put_utf8(buf_t *b, unsigned cp)
{
    char o[4];
    if (cp < 0x80) { o[0] = (char)cp; put(b, o, 1); }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); put(b, o, 2); }
    else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
        put(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
        put(b, o, 4);
    }
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* The "text" field of every JSON line, decoded, separated by blank lines. */
static void reuters_texts(const char *js, size_t len, buf_t *out, size_t *docs)
{
    const char *p = js, *end = js + len;
    *docs = 0;
    while ((p = strstr(p, "\"text\": \"")) != NULL && p < end) {
        p += 9;
        while (p < end && *p != '"') {
            if (*p == '\\' && p + 1 < end) {
                char c = p[1];
                p += 2;
                switch (c) {
                case 'n': put(out, "\n", 1); break;
                case 't': put(out, "\t", 1); break;
                case 'r': put(out, "\r", 1); break;
                case 'b': put(out, "\b", 1); break;
                case 'f': put(out, "\f", 1); break;
                case 'u': {
                    unsigned cp = hex4(p);
                    p += 4;
                    if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
                        p += 6;
                    }
                    put_utf8(out, cp);
                    break;
                }
                default: put(out, &c, 1); break;
                }
            } else {
                put(out, p, 1);
                p++;
            }
        }
        put(out, "\n\n", 2);
        (*docs)++;
    }
}

typedef struct { char **v; size_t n, cap; } strs;

static void push_str(strs *s, char *x)
{
    if (s->n == s->cap) { s->cap = s->cap ? s->cap * 2 : 1024; s->v = xrealloc(s->v, s->cap * sizeof *s->v); }
    s->v[s->n++] = x;
}

/* Phoenix .actors: the first token of every non-comment line (`+` lines are synonyms),
 * `_` for a space, trailing `_` stripped; codes in brackets skipped. */
static void phoenix_phrases(const char *path, strs *out)
{
    size_t len;
    char *t = read_file(path, &len), *line, *save = NULL;
    if (t == NULL) return;
    for (line = strtok_r(t, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *p = line, *q, *ph;
        size_t n, i;
        while (*p == ' ' || *p == '\t' || *p == '\r') p++;
        if (*p == '+') p++;
        if (*p == 0 || *p == '#' || *p == '[' || *p == '<' || *p == '{') continue;
        for (q = p; *q && *q != ' ' && *q != '\t' && *q != '\r' && *q != '#'; q++) {}
        n = (size_t)(q - p);
        while (n > 0 && p[n - 1] == '_') n--;
        if (n == 0) continue;
        ph = xmalloc(n + 1);
        for (i = 0; i < n; i++) ph[i] = p[i] == '_' ? ' ' : p[i];
        ph[n] = 0;
        push_str(out, ph);
    }
    free(t);
}

static int cmp_ci(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    for (; *x && *y; x++, y++) {
        int cx = (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x, cy = (*y >= 'A' && *y <= 'Z') ? *y + 32 : *y;
        if (cx != cy) return cx - cy;
    }
    return (unsigned char)*x - (unsigned char)*y;
}

static uint32_t lcg(uint32_t *s) { *s = *s * 1664525u + 1013904223u; return *s >> 8; }

static void shuffle(char **v, size_t n, uint32_t seed)
{
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = lcg(&seed) % i;
        char *t = v[i - 1]; v[i - 1] = v[j]; v[j] = t;
    }
}

/* ---- Hyperscan with the same rules ---------------------------------------------------- */

typedef dy_match hit;  /* Hyperscan's hits take dyadic's selection, so one type for both */

typedef struct {
    const unsigned char *t;
    size_t n;
    hit *v;
    size_t nv, cap;
    size_t raw;
} hs_ctx;

static int aword(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* ASCII version of the boundary rules: no word character before a match that starts with
 * one, none after one that ends with one, a possessive 's or closing quote allowed. */
static int hs_on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *ctx)
{
    hs_ctx *c = ctx;
    const unsigned char *t = c->t;
    (void)flags;
    c->raw++;
    if (from > 0 && aword(t[from]) && aword(t[from - 1])) return 0;
    if (to < c->n && aword(t[to - 1])) {
        if (aword(t[to])) return 0;
        if (t[to] == '\'' && to + 1 < c->n && aword(t[to + 1])) {
            if (!((t[to + 1] == 's' || t[to + 1] == 'S') && (to + 2 >= c->n || !aword(t[to + 2])))) return 0;
        }
    }
    if (c->nv == c->cap) { c->cap = c->cap ? c->cap * 2 : 4096; c->v = xrealloc(c->v, c->cap * sizeof *c->v); }
    c->v[c->nv].s = (uint32_t)from;
    c->v[c->nv].e = (uint32_t)to;
    c->v[c->nv].id = id;
    c->nv++;
    return 0;
}

static int hit_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->e != y->e) return x->e > y->e ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

typedef struct {
    hs_database_t *db;
    hs_scratch_t *scratch;
    double compile_s;
    size_t bytes;
} hs_matcher;

static int hs_build(char **ph, size_t n, hs_matcher *h)
{
    unsigned *flags = xmalloc(n * sizeof *flags), *ids = xmalloc(n * sizeof *ids);
    size_t *lens = xmalloc(n * sizeof *lens), i, ssz = 0;
    hs_compile_error_t *err = NULL;
    double t0;
    for (i = 0; i < n; i++) { flags[i] = HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST; ids[i] = (unsigned)i; lens[i] = strlen(ph[i]); }
    t0 = now();
    if (hs_compile_lit_multi((const char *const *)ph, flags, ids, lens, (unsigned)n, HS_MODE_BLOCK, NULL, &h->db, &err)
        != HS_SUCCESS) {
        fprintf(stderr, "hyperscan: %s\n", err ? err->message : "?");
        hs_free_compile_error(err);
        free(flags); free(ids); free(lens);
        return -1;
    }
    h->compile_s = now() - t0;
    h->scratch = NULL;
    hs_alloc_scratch(h->db, &h->scratch);
    hs_database_size(h->db, &h->bytes);
    hs_scratch_size(h->scratch, &ssz);
    h->bytes += ssz;
    free(flags); free(ids); free(lens);
    return 0;
}

static size_t hs_find(hs_matcher *h, const char *text, size_t len, hs_ctx *c)
{
    c->t = (const unsigned char *)text;
    c->n = len;
    c->nv = 0;
    c->raw = 0;
    hs_scan(h->db, text, (unsigned)len, 0, h->scratch, hs_on_match, c);
    qsort(c->v, c->nv, sizeof *c->v, hit_cmp);
    c->nv = dy_select_leftmost_longest(c->v, c->nv);
    return c->nv;
}

/* ---- dyadic ------------------------------------------------------------------------- */

static dy_automaton *dy_build(char **ph, size_t n, double *secs, size_t *rejected)
{
    double best = 1e9;
    dy_automaton *a = NULL;
    int r;
    for (r = 0; r < 3; r++) {
        double t0 = now();
        size_t i;
        char err[128];
        if (a) dy_automaton_free(a);
        a = dy_automaton_new(0);
        *rejected = 0;
        for (i = 0; i < n; i++) {
            if (dy_automaton_add(a, ph[i], strlen(ph[i]), (uint32_t)i, err, sizeof err) != 0) (*rejected)++;
        }
        if (dy_automaton_build(a) != 0) { fprintf(stderr, "dyadic: build failed\n"); exit(1); }
        if (now() - t0 < best) best = now() - t0;
    }
    *secs = best;
    return a;
}

static double time_dy(const dy_automaton *a, const char *text, size_t len, dy_matches *m, int reps)
{
    double best = 1e9;
    int r;
    for (r = 0; r < reps; r++) {
        double t0 = now(), dt;
        m->n = 0;
        if (dy_automaton_find(a, text, len, 0, m) != 0) { fprintf(stderr, "dyadic: find failed\n"); exit(1); }
        dt = now() - t0;
        if (dt < best) best = dt;
    }
    return best;
}

static double time_hs(hs_matcher *h, const char *text, size_t len, hs_ctx *c, int reps)
{
    double best = 1e9;
    int r;
    for (r = 0; r < reps; r++) {
        double t0 = now(), dt;
        hs_find(h, text, len, c);
        dt = now() - t0;
        if (dt < best) best = dt;
    }
    return best;
}

static int span_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    return x->e < y->e ? -1 : x->e > y->e;
}

/* Differences between the two match lists as spans, classified:
 * dyadic only: [0] the span contains a line break, tab, hyphen or several spaces, [1] the
 * phrase has a hyphen (dyadic: any separator; Hyperscan: the hyphen only), [2] it overlaps
 * a Hyperscan match (the selection went another way after an earlier difference), [3] other;
 * Hyperscan only: [4] overlaps a dyadic match, [5] other. */
static int overlaps(const hit *v, size_t n, uint32_t s, uint32_t e)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { size_t mid = (lo + hi) / 2; if (v[mid].e <= s) lo = mid + 1; else hi = mid; }
    /* v sorted by start; ends are increasing too after leftmost-longest selection */
    return lo < n && v[lo].s < e;
}

static void compare(const char *text, char **phrases, const dy_matches *m, const hs_ctx *c, size_t cls[6])
{
    hit *a = xmalloc((m->n + 1) * sizeof *a), *b = xmalloc((c->nv + 1) * sizeof *b);
    size_t i = 0, j = 0, k;
    for (k = 0; k < m->n; k++) { a[k].s = m->v[k].s; a[k].e = m->v[k].e; a[k].id = m->v[k].id; }
    for (k = 0; k < c->nv; k++) b[k] = c->v[k];
    qsort(a, m->n, sizeof *a, span_cmp);
    qsort(b, c->nv, sizeof *b, span_cmp);
    memset(cls, 0, 6 * sizeof *cls);
    while (i < m->n || j < c->nv) {
        int d = (i < m->n && j < c->nv) ? span_cmp(&a[i], &b[j]) : (i < m->n ? -1 : 1);
        if (d == 0) { i++; j++; continue; }
        if (d < 0) {
            uint32_t x;
            int sep = 0;
            for (x = a[i].s; x + 1 < a[i].e; x++) {
                char ch = text[x];
                if (ch == '\n' || ch == '\t' || ch == '\r' || ch == '-' || (ch == ' ' && text[x + 1] == ' ')) sep = 1;
            }
            if (sep) cls[0]++;
            else if (strchr(phrases[a[i].id], '-') != NULL) cls[1]++;
            else if (overlaps(b, c->nv, a[i].s, a[i].e)) cls[2]++;
            else {
                cls[3]++;
                if (getenv("BENCH_DIFFS")) fprintf(stderr, "dyadic only: %s [%.*s]\n", phrases[a[i].id], (int)(a[i].e - a[i].s), text + a[i].s);
            }
            i++;
        } else {
            if (overlaps(a, m->n, b[j].s, b[j].e)) cls[4]++;
            else {
                cls[5]++;
                if (getenv("BENCH_DIFFS")) fprintf(stderr, "HS only: %s [%.*s]\n", phrases[b[j].id], (int)(b[j].e - b[j].s), text + b[j].s);
            }
            j++;
        }
    }
    free(a); free(b);
}

static void write_lines(const char *dir, const char *name, char **v, size_t n)
{
    char path[1024];
    FILE *f;
    size_t i;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (f == NULL) { perror(path); exit(1); }
    for (i = 0; i < n; i++) fprintf(f, "%s\n", v[i]);
    fclose(f);
}

static const char *const roles[] = {
    "PRESIDENT", "PRIME MINISTER", "FOREIGN MINISTER", "DEFENSE MINISTER", "FINANCE MINISTER", "AMBASSADOR",
    "EMBASSY", "GOVERNMENT", "ARMY", "NAVY", "POLICE", "PARLIAMENT", "OPPOSITION", "REBELS", "CENTRAL BANK",
    "SUPREME COURT", "NATIONAL GUARD", "INTERIOR MINISTRY", "TRADE DELEGATION", "SECURITY FORCES",
};

/* The real phrases, then "<phrase> <role>" combinations up to 100,000 (deterministic). */
static strs phrases_100k(const strs *all)
{
    strs big = { NULL, 0, 0 };
    uint32_t seed = 7;
    size_t i;
    for (i = 0; i < all->n; i++) push_str(&big, all->v[i]);
    while (big.n < 100000) {
        const char *p = all->v[lcg(&seed) % all->n], *r = roles[lcg(&seed) % (sizeof roles / sizeof *roles)];
        char *x = xmalloc(strlen(p) + strlen(r) + 2);
        sprintf(x, "%s %s", p, r);
        push_str(&big, x);
    }
    return big;
}

int main(int argc, char **argv)
{
    const char *shared = argc > 1 ? argv[1] : "../shared";
    const char *outdir = argc > 2 ? argv[2] : "/tmp";
    double target_mb = argc > 3 ? atof(argv[3]) : 32;
    char path[1024];
    size_t jlen, docs, i, j, rejected;
    char *js;
    buf_t one = { NULL, 0, 0 }, text = { NULL, 0, 0 }, line = { NULL, 0, 0 };
    strs all = { NULL, 0, 0 }, big;
    static const char *const files[] = { "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                         "Phoenix.MilNonState.actors.txt" };
    dy_matches m = { NULL, 0, 0 };
    hs_ctx hc;
    memset(&hc, 0, sizeof hc);

    snprintf(path, sizeof path, "%s/corpora/reuters21578-part-a.jsonl", shared);
    js = read_file(path, &jlen);
    if (js == NULL) { printf("(skipped: %s not found)\n", path); return 2; }
    reuters_texts(js, jlen, &one, &docs);
    free(js);
    /* Copies rotated by different amounts (at document boundaries): identical halves
     * would let the matcher's two interleaved walks share cache lines and flatter it. */
    for (i = 0; (double)text.n < target_mb * 1e6; i++) {
        size_t r = (size_t)((double)one.n * fmod(0.382 * (double)i, 1.0));
        char *q = strstr(one.v + r, "\n\n");
        r = q ? (size_t)(q - one.v) + 2 : 0;
        put(&text, one.v + r, one.n - r);
        put(&text, one.v, r);
    }
    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/dictionaries/phoenix/%s", shared, files[i]);
        phoenix_phrases(path, &all);
    }
    {
        size_t raw = all.n, k = 0;
        qsort(all.v, all.n, sizeof *all.v, cmp_ci);
        for (i = 0; i < all.n; i++) {
            if (k > 0 && cmp_ci(&all.v[k - 1], &all.v[i]) == 0) { free(all.v[i]); continue; }
            all.v[k++] = all.v[i];
        }
        all.n = k;
        fprintf(stderr, "phrases: %lu lines, %lu distinct\n", (unsigned long)raw, (unsigned long)k);
    }
    shuffle(all.v, all.n, 20261129u);  /* deterministic; subsets are prefixes */

    /* 100k: the real phrases plus "<phrase> <role>" combinations, deterministically; the
     * smaller sets are its prefixes */
    big = phrases_100k(&all);
    write_lines(outdir, "phrases-100k.txt", big.v, big.n);
    write_lines(outdir, "phrases-1k.txt", all.v, all.n < 1000 ? all.n : 1000);
    write_lines(outdir, "phrases-10k.txt", all.v, all.n < 10000 ? all.n : 10000);
    write_lines(outdir, "phrases-all.txt", all.v, all.n);
    snprintf(path, sizeof path, "%s/text.txt", outdir);
    {
        FILE *f = fopen(path, "wb");
        if (f == NULL) { perror(path); return 1; }
        fwrite(one.v, 1, one.n, f);
        fclose(f);
    }

    printf("Input: %lu Reuters-21578 texts (%.1f MB, ASCII), repeated in memory (rotated copies) to %.1f MB; "
           "%lu distinct Phoenix actor phrases (Countries, International, MilNonState). "
           "Thread CPU time, best of %d runs; MB = 10^6 bytes.\n\n", (unsigned long)docs, (double)one.n / 1e6,
           (double)text.n / 1e6, (unsigned long)all.n, REPEATS);
    printf("| patterns | dyadic MB/s | Hyperscan MB/s (filtered) | ratio | HS raw candidates | dyadic compile s | HS compile s "
           "| dyadic memory | bytes/pattern | HS memory | matches dyadic / HS | only dyadic: separator / hyphenated phrase / knock-on / other | only HS: knock-on / other |\n");
    printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    {
        size_t sets[4];
        const char *names[4] = { "1k", "10k", "all", "100k" };
        int si;
        sets[0] = 1000; sets[1] = 10000; sets[2] = all.n; sets[3] = 100000;
        const char *only = getenv("BENCH_SETS");
        for (si = 0; si < 4; si++) {
            size_t n = sets[si] < big.n ? sets[si] : big.n;
            double ct, tdy, ths;
            dy_automaton *a;
            hs_matcher h;
            size_t cl[6], mem;
            if (only != NULL && strstr(only, names[si]) == NULL) continue;
            a = dy_build(big.v, n, &ct, &rejected);
            mem = dy_automaton_memory(a);
            if (hs_build(big.v, n, &h) != 0) return 1;
            tdy = time_dy(a, text.v, text.n, &m, REPEATS);
            ths = time_hs(&h, text.v, text.n, &hc, REPEATS);
            /* correctness on one copy of the texts */
            m.n = 0;
            dy_automaton_find(a, one.v, one.n, 0, &m);
            hs_find(&h, one.v, one.n, &hc);
            compare(one.v, big.v, &m, &hc, cl);
            printf("| %s (%lu) | %.0f | %.0f | %.2fx | %lu | %.3f | %.3f | %.1f MB | %.0f | %.1f MB | %lu / %lu | %lu / %lu / %lu / %lu | %lu / %lu |\n",
                   names[si], (unsigned long)n, text.n / tdy / 1e6, text.n / ths / 1e6, ths / tdy,
                   (unsigned long)hc.raw, ct, h.compile_s, mem / 1e6, (double)mem / (double)n, h.bytes / 1e6,
                   (unsigned long)m.n, (unsigned long)hc.nv, (unsigned long)cl[0], (unsigned long)cl[1],
                   (unsigned long)cl[2], (unsigned long)cl[3], (unsigned long)cl[4], (unsigned long)cl[5]);
            fprintf(stderr, "RESULT %s %.1f %.1f %lu\n", names[si], text.n / tdy / 1e6, text.n / ths / 1e6,
                    (unsigned long)rejected);
            fflush(stdout);
            if (si == 2) {
                /* 100 MB on a single line: newlines folded to spaces */
                size_t k;
                double t1, t2;
                for (k = 0; k < text.n && line.n < 100000000; k++) {
                    char ch = text.v[k] == '\n' ? ' ' : text.v[k];
                    put(&line, &ch, 1);
                    if (k + 1 == text.n) k = (size_t)-1;
                }
                t1 = time_dy(a, line.v, line.n, &m, 3);
                t2 = time_hs(&h, line.v, line.n, &hc, 3);
                fprintf(stderr, "100MB line: %lu matches dyadic, %lu HS\n", (unsigned long)m.n, (unsigned long)hc.nv);
                printf("| all, 100 MB single line | %.0f | %.0f | %.2fx | %lu | | | | | | %lu / %lu | | |\n",
                       line.n / t1 / 1e6, line.n / t2 / 1e6, t2 / t1, (unsigned long)hc.raw,
                       (unsigned long)m.n, (unsigned long)hc.nv);
            }
            hs_free_scratch(h.scratch);
            hs_free_database(h.db);
            dy_automaton_free(a);
        }
        free(big.v);
    }
    (void)j;
    dy_matches_free(&m);
    free(hc.v); free(one.v); free(text.v); free(line.v);
    return 0;
}
