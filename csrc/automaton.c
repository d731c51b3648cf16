/*
 * automaton.c - the phrase matcher: Aho-Corasick over a normalized symbol stream.
 *
 * Text and patterns are both read as a stream of symbols (docs/DESIGN.md (the matcher section)):
 *   - the case-folded UTF-8 bytes of word characters, apostrophes as '\'', other
 *     punctuation as its (folded) bytes;
 *   - SYM_BOUND (0xFF, never a UTF-8 byte) before every character that can begin a
 *     match: a word character after a non-word one, every ideograph, and punctuation
 *     or an apostrophe outside a word;
 *   - nothing for runs of spaces and dashes, nothing for ignorable characters;
 *   - SYM_BAD (0xFE) for a byte that is not valid UTF-8 (no pattern contains it).
 * Every pattern starts with SYM_BOUND, so a plain Aho-Corasick automaton over this
 * alphabet only finds matches that start on a word boundary; the end boundary, the
 * possessive 's and the `word*` extension are checked against the original text at
 * the (rare) candidate ends. The start offset of a candidate is the offset of the
 * k-th last SYM_BOUND, k being the number of SYM_BOUND in the pattern: a small ring
 * of recent boundary offsets remembers them.
 *
 * Layout: states are numbered breadth first. The first `ndense` states (all of
 * them when the table fits the budget) have a full transition row over the byte
 * classes, premultiplied by the class count; the deeper ones keep their sorted
 * child edges and a failure link. A transition word carries MATCH_BIT when the
 * target state reports something, so the scan loop tests one bit per symbol.
 *
 * Speed: the first `nfast` states also have a table over raw ASCII byte classes with
 * the word/non-word state folded in (the "fast loop": one load per byte, no branch
 * but the exit test; a match is reported between two runs of it); everything else
 * (non-ASCII bytes, deep states) goes through the general per-character code. Texts of
 * 256 bytes or more are cut in two after a separator and the two halves walked in
 * lockstep, so that the cache misses of one overlap with the other's. Measurements in docs/DESIGN.md (the matcher section).
 */
#include "automaton.h"
#include "bigmem.h"
#include "unicode.h"
#include "vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYM_BOUND 0xFFu
#define SYM_BAD 0xFEu

#define MATCH_BIT 0x80000000u
#define SPARSE_BIT 0x40000000u
#define ID_MASK 0x3FFFFFFFu
#define NONE 0xFFFFFFFFu
#define PAIR_SLOW 0xFFFFFFFFu

/* Fast table entries: target (premultiplied by nbcls) plus flags. */
#define EXIT_BIT 0x40000000u   /* leave the fast loop: non-ASCII byte, or a target outside it */
#define BOUND_BIT 0x20000000u  /* a boundary symbol went before this byte */
#define FS_MASK 0x1FFFFFFFu
#define FAST_BUDGET ((size_t)24 << 20)

/* Dense transition table budget: rows beyond it become sparse states. DENSE_SMALL: the
 * budget when the fast table covers every state. */
#define DENSE_BUDGET ((size_t)6 << 20)
#define DENSE_SMALL ((size_t)1 << 20)

/* Pattern flags. */
#define PF_ENDCHK 0x01  /* ends inside a word: the next text character must not continue it */
#define PF_PREFIX 0x02  /* `word*`: extend the match to the end of the text word */
#define PF_SEG 0x04     /* one segment of a pattern with inner `word*` (chained after the scan) */

/* Kinds of ASCII bytes for the scan loop. */
enum { K_WORD, K_SEP, K_APOS, K_PUNCT, K_IGN };

typedef struct {
    uint32_t off, len;  /* symbols in a->sym */
    uint32_t id;
    uint32_t nb;        /* SYM_BOUND count */
    uint32_t flags;
    uint32_t seg, nseg; /* segment number (0-based) and count: inner `word*` splits a pattern */
} dy_pattern;

struct dy_automaton {
    unsigned flags;
    int built;
    unsigned char *sym;
    size_t nsym, capsym;
    dy_pattern *pat;         /* internal patterns: the segments of the patterns added */
    size_t npat, cappat;
    size_t nuser;            /* patterns added */
    uint32_t maxb;
    /* built */
    uint8_t cls[256];        /* symbol byte -> class (0 = used by no pattern) */
    uint8_t akind[128];      /* ASCII byte -> K_* */
    uint8_t acls[128];       /* ASCII byte -> class of its folded symbol */
    uint8_t wordb[256];      /* 1 for ASCII letters and digits */
    uint32_t *pair;          /* ncls * ncls: root, boundary, then two classes; PAIR_SLOW if it passes a match */
    /* The fast loop: the first nfast states, twice (outside / inside a word), over the
     * classes of raw bytes (nbcls), so that the symbol stream needs no branches. */
    uint8_t bcls[256];
    uint32_t nbcls, nfast;
    uint32_t *fast;
    uint64_t fmul;           /* fast_row(): fs / nbcls as (fs * fmul) >> 32, or 0: divide */
    uint32_t *r0map;         /* per fast state: its outside-a-word row (build_fast) */
    uint32_t *r0state;       /* per outside-a-word row (from row nfast on): its state */
    uint32_t nr0;            /* outside-a-word rows */
    uint32_t ncls, nstates, ndense;
    uint32_t *dense;         /* ndense * ncls encoded targets */
    uint32_t *cstart;        /* nstates + 1: children of each state in cto/ccls */
    uint8_t *ccls;
    uint32_t *cto;           /* encoded targets */
    uint32_t *fail;          /* encoded failure target of every state */
    uint32_t *out_first;     /* per state: first pattern ending there, or NONE */
    uint32_t *out_next;      /* per pattern: next pattern ending at the same state */
    uint32_t *dict;          /* per state: nearest failure ancestor with patterns, or NONE */
    /* One block holds every table above from dense on (dy_automaton_build): a single
     * dy_big_alloc, on huge pages where the system has them. */
    void *arena;
    size_t arena_map;        /* dy_big_free's argument */
};

/* ---- construction ---------------------------------------------------------------- */

dy_automaton *dy_automaton_new(unsigned flags)
{
    dy_automaton *a = calloc(1, sizeof *a);
    if (a != NULL) a->flags = flags;
    return a;
}

static void free_built(dy_automaton *a)
{
    dy_big_free(a->arena, a->arena_map);
    a->arena = NULL; a->arena_map = 0;
    a->pair = NULL; a->fast = NULL; a->r0map = NULL; a->r0state = NULL;
    a->dense = NULL; a->cstart = NULL; a->ccls = NULL; a->cto = NULL; a->fail = NULL;
    a->out_first = NULL; a->out_next = NULL; a->dict = NULL;
}

void dy_automaton_free(dy_automaton *a)
{
    if (a == NULL) return;
    free_built(a);
    free(a->sym);
    free(a->pat);
    free(a);
}

static int fail_msg(char *err, size_t errsz, const char *msg)
{
    if (err != NULL && errsz > 0) snprintf(err, errsz, "%s", msg);
    return -1;
}

static int is_word_class(int k) { return k == DY_CC_LETTER || k == DY_CC_DIGIT; }

static inline uint32_t fold_cp(unsigned flags, uint32_t cp)
{
    if (flags & DY_AC_CASE_EXACT) return cp;
    if (cp < 0x80) return cp - 'A' < 26u ? cp + ('a' - 'A') : cp;  /* dy_fold on ASCII */
    return dy_fold(cp);
}

/* Append the symbols of one valid character of class k to the pattern buffer. */
static inline int put_sym(dy_automaton *a, unsigned c)
{
    if (a->nsym == a->capsym && DY_GROW(a->sym, a->capsym, a->nsym, 1) != 0) return -1;
    a->sym[a->nsym++] = (unsigned char)c;
    return 0;
}

static inline int put_char(dy_automaton *a, uint32_t cp)
{
    unsigned char b[4];
    size_t i, l;
    if (cp < 0x80) return put_sym(a, cp);
    l = dy_utf8_encode(cp, b);
    for (i = 0; i < l; i++) if (put_sym(a, b[i]) != 0) return -1;
    return 0;
}

/* Close the pattern segment that starts at a->sym[start] (see dy_automaton_add). */
static int push_seg(dy_automaton *a, size_t start, uint32_t nb, uint32_t id, uint32_t flags)
{
    if (DY_GROW(a->pat, a->cappat, a->npat, 1) != 0) return -1;
    a->pat[a->npat].off = (uint32_t)start;
    a->pat[a->npat].len = (uint32_t)(a->nsym - start);
    a->pat[a->npat].id = id;
    a->pat[a->npat].nb = nb;
    a->pat[a->npat].flags = flags;
    a->pat[a->npat].seg = 0;
    a->pat[a->npat].nseg = 1;
    a->npat++;
    if (nb > a->maxb) a->maxb = nb;
    return 0;
}

/* A pattern with `word*` on an inner word is split after each such word into segments
 * ("sign* peace accord" -> "sign*" | "peace accord"), each an internal pattern of the
 * automaton; the scan chains them (join_segments). Segments of one pattern are
 * consecutive in a->pat; a plain pattern is one segment. */
int dy_automaton_add(dy_automaton *a, const char *pat, size_t len, uint32_t id, char *err, size_t errsz)
{
    const unsigned char *p = (const unsigned char *)pat;
    size_t i = 0, start = a->nsym, first = a->npat, symstart = a->nsym, k;
    uint32_t nb = 0, nword = 0, flags = 0;
    int inword = 0, endword = 0, last = -1, star = 0, starcls = -1, after_star_sep = 0, any = 0;
    char msg[96];

    if (a->built) return fail_msg(err, errsz, "pattern added after build");
    if (len >= UINT32_MAX / 2) return fail_msg(err, errsz, "pattern too long");
    while (i < len) {
        uint32_t cp;
        size_t l = dy_utf8_decode(p + i, len - i, &cp);
        int kc;
        if (cp == DY_INVALID) {
            snprintf(msg, sizeof msg, "invalid UTF-8 at byte %lu", (unsigned long)i + 1);
            a->nsym = symstart; a->npat = first;
            return fail_msg(err, errsz, msg);
        }
        kc = dy_class(cp);
        i += l;
        if (kc == DY_CC_IGNORE) continue;
        if (cp == '*') {
            if (star || (!is_word_class(last) && last != DY_CC_IDEO)) goto bad_star;
            star = 1;
            starcls = last;
            continue;
        }
        if (kc == DY_CC_SPACE || kc == DY_CC_DASH) {
            inword = 0;
            last = kc;
            if (star) after_star_sep = 1;
            continue;
        }
        any = 1;
        if (star) {
            if (!after_star_sep) goto bad_star;
            /* an inner `word*`: the segment ends here (after an ideograph, which is a
             * word by itself, the star changes nothing) */
            if (starcls != DY_CC_IDEO) {
                if (push_seg(a, start, nb, id, PF_PREFIX | PF_SEG) != 0) goto oom;
                start = a->nsym;
                nb = 0;
            }
            star = 0;
            after_star_sep = 0;
        }
        switch (kc) {
        case DY_CC_LETTER: case DY_CC_DIGIT:
            if (!inword) { if (put_sym(a, SYM_BOUND) != 0) goto oom; nb++; }
            inword = 1;
            nword++;
            if (put_char(a, fold_cp(a->flags, cp)) != 0) goto oom;
            break;
        case DY_CC_IDEO:
            if (put_sym(a, SYM_BOUND) != 0) goto oom;
            nb++;
            inword = 0;
            nword++;
            if (put_char(a, fold_cp(a->flags, cp)) != 0) goto oom;
            break;
        case DY_CC_APOS:
            if (!inword) { if (put_sym(a, SYM_BOUND) != 0) goto oom; nb++; }
            inword = 0;
            if (put_sym(a, '\'') != 0) goto oom;
            break;
        default:
            if (!inword) { if (put_sym(a, SYM_BOUND) != 0) goto oom; nb++; }
            inword = 0;
            if (put_char(a, fold_cp(a->flags, cp)) != 0) goto oom;
            break;
        }
        last = kc;
        endword = inword || (kc == DY_CC_APOS && endword);
    }
    if (!any) {
        a->nsym = symstart; a->npat = first;
        return fail_msg(err, errsz, star ? "'*' only at the end of a word" : "empty pattern");
    }
    if (nword == 0) { a->nsym = symstart; a->npat = first; return fail_msg(err, errsz, "no word characters"); }
    if (star && starcls != DY_CC_IDEO) flags |= PF_PREFIX;
    else if (endword) flags |= PF_ENDCHK;
    if (a->npat > first) flags |= PF_SEG;
    if (push_seg(a, start, nb, id, flags) != 0) goto oom;
    for (k = first; k < a->npat; k++) {
        a->pat[k].seg = (uint32_t)(k - first);
        a->pat[k].nseg = (uint32_t)(a->npat - first);
    }
    a->nuser++;
    return 0;
bad_star:
    a->nsym = symstart; a->npat = first;
    return fail_msg(err, errsz, "'*' only at the end of a word");
oom:
    a->nsym = symstart; a->npat = first;
    return fail_msg(err, errsz, DY_AC_NOMEM);
}

static uint32_t step_sparse(const dy_automaton *a, uint32_t sid, unsigned c);

/* Encoded state (premultiplied dense row, or SPARSE_BIT | number) and back. */
static uint32_t enc_state(const dy_automaton *a, uint32_t u)
{
    return u < a->ndense ? u * a->ncls : (SPARSE_BIT | u);
}

static uint32_t state_of(const dy_automaton *a, uint32_t sid)
{
    return (sid & SPARSE_BIT) ? (sid & ID_MASK) : sid / a->ncls;
}

/* Byte classes of the fast table: ASCII bytes of the same kind and symbol class share
 * one; class 0 holds the non-ASCII bytes. Returns their number (nbcls). */
static uint32_t byte_classes(dy_automaton *a, unsigned char rep[257])
{
    uint32_t nb = 0;
    int b;
    for (b = 0; b < 256; b++) {
        uint32_t x;
        if (b >= 0x80) { a->bcls[b] = 0; continue; }  /* class 0: every entry exits */
        for (x = 1; x < nb + 1; x++) {
            if (a->akind[rep[x]] == a->akind[b] && a->acls[rep[x]] == a->acls[b]) break;
        }
        if (x == nb + 1) rep[++nb] = (unsigned char)b;
        a->bcls[b] = (uint8_t)x;
    }
    return nb + 1;
}

/* One entry of the fast table: state u (< nfast), outside (inw = 0) or inside a word,
 * on the ASCII bytes of kind k whose folded symbol has class sc. */
static uint32_t fast_entry(const dy_automaton *a, uint32_t u, int inw, unsigned k, unsigned sc)
{
    uint32_t x = enc_state(a, u), t, flags = 0, tin, v;
    if (k == K_SEP) return a->r0map[u] * a->nbcls;
    if (k == K_IGN) return (inw ? u : a->r0map[u]) * a->nbcls;
    if (!inw) {
        x = step_sparse(a, x, a->cls[SYM_BOUND]) & ~MATCH_BIT;
        flags |= BOUND_BIT;
        if (state_of(a, x) >= a->nfast) return EXIT_BIT;
    }
    t = step_sparse(a, x, sc);
    v = state_of(a, t & ~MATCH_BIT);
    if (v >= a->nfast) return EXIT_BIT;
    tin = (k == K_WORD);
    return (tin ? v : a->r0map[v]) * a->nbcls | flags | (t & MATCH_BIT);
}

/* The byte-level table of the fast loop (see run()): one row per fast state for the
 * bytes read inside a word, and one "outside a word" row for the states that need
 * their own (R0: the root, states with a child on the boundary symbol, and states
 * entered by punctuation or an apostrophe, which leave the walk outside a word). Any
 * other state u reads outside a word exactly as its nearest failure ancestor in R0
 * (the next symbol there is always a boundary, and u has no child on it), so its
 * separators lead to that ancestor's row (r0map[u]): the walk forgets nothing that
 * could still match. Rows start as copies of the failure state's (breadth-first
 * numbering: already filled), then get their own self-loops and children; only the
 * root's rows and the R0 rows of states with a boundary child are computed entry by
 * entry. So the cost is about one copy of the table. rawfail: the failure links as plain
 * state numbers (a->fail decoded); edge j enters state j + 1 (breadth-first numbering). */
static int build_fast(dy_automaton *a, const uint32_t *rawfail)
{
    unsigned char rep[257] = { 0 };
    uint32_t u, r, CB = a->cls[SYM_BOUND], nbcls, j, n0 = 0, nf = a->nfast;
    uint8_t rkind[257], rsc[257], nonword[256];
    uint8_t byc_first[256], byc_next[257];  /* byte classes by symbol class: lists, 0 = end */
    uint8_t sepign[257];                     /* the byte classes of separators and ignorables */
    uint32_t nsi = 0;
    size_t rowsz;

    nbcls = byte_classes(a, rep);
    if (nbcls != a->nbcls) return -1;  /* decided by dy_automaton_build */
    memset(byc_first, 0, sizeof byc_first);
    memset(nonword, 0, sizeof nonword);
    for (r = nbcls; r-- > 1;) {
        rkind[r] = a->akind[rep[r]];
        rsc[r] = a->acls[rep[r]];
        byc_next[r] = 0;
        if (rkind[r] == K_SEP || rkind[r] == K_IGN) continue;
        if (rkind[r] != K_WORD) nonword[rsc[r]] = 1;
        byc_next[r] = byc_first[rsc[r]];
        byc_first[rsc[r]] = (uint8_t)r;
    }
    /* R0 rows, numbered after the nf inside-a-word rows, and r0map for every state
     * (dy_automaton_build counted the R0 states, a->nr0, to size the block) */
    for (u = 0; u < nf; u++) {
        int own = (u == 0) || nonword[a->ccls[u - 1]];  /* edge u - 1 enters state u */
        for (j = a->cstart[u]; j < a->cstart[u + 1] && !own; j++) own = a->ccls[j] == CB;
        if (own) {
            if (n0 >= a->nr0) return -1;  /* not as counted: cannot happen */
            a->r0state[n0] = u;
            a->r0map[u] = nf + n0++;
        } else {
            a->r0map[u] = a->r0map[rawfail[u]];
        }
    }
    if (n0 != a->nr0) return -1;
    {
        /* x * m / 2^32 = x / d + x * e / (d * 2^32) with e = m * d - 2^32 < d: exact
         * while x * e < 2^32 for the largest offset x */
        uint64_t d = a->nbcls, m = ((uint64_t)1 << 32) / d + 1, e = m * d - ((uint64_t)1 << 32);
        uint64_t xmax = ((uint64_t)nf + n0) * d;
        a->fmul = (xmax * e < ((uint64_t)1 << 32)) ? m : 0;
    }
    rowsz = (size_t)nbcls * sizeof *a->fast;
    for (r = 1; r < nbcls; r++) if (rkind[r] == K_SEP || rkind[r] == K_IGN) sepign[nsi++] = (uint8_t)r;
    /* inside a word: from the failure state's row (shallower: filled) */
    for (u = 0; u < nf; u++) {
        uint32_t *row1 = a->fast + (size_t)u * nbcls;
        if (u == 0) {
            row1[0] = EXIT_BIT;
            for (r = 1; r < nbcls; r++) row1[r] = fast_entry(a, u, 1, rkind[r], rsc[r]);
            continue;
        }
        memcpy(row1, a->fast + (size_t)rawfail[u] * nbcls, rowsz);
        /* what fast_entry() gives, directly: separators leave the word (u's outside row),
         * ignorables keep the state */
        for (j = 0; j < nsi; j++) row1[sepign[j]] = (rkind[sepign[j]] == K_SEP ? a->r0map[u] : u) * nbcls;
        for (j = a->cstart[u]; j < a->cstart[u + 1]; j++) {
            /* the child's edge: cto[j] is the step fast_entry() would take */
            uint32_t t = a->cto[j], v = j + 1;
            for (r = byc_first[a->ccls[j]]; r != 0; r = byc_next[r]) {
                row1[r] = v >= nf ? EXIT_BIT : (rkind[r] == K_WORD ? v : a->r0map[v]) * nbcls | (t & MATCH_BIT);
            }
        }
    }
    /* outside a word, for the states with their own row (every inside-a-word row is
     * final now) */
    for (j = 0; j < n0; j++) {
        uint32_t *row0 = a->fast + (size_t)(nf + j) * nbcls, x = NONE, i;
        u = a->r0state[j];
        for (i = a->cstart[u]; i < a->cstart[u + 1]; i++) if (a->ccls[i] == CB) x = i + 1;
        if (x != NONE) {
            /* a child x on the boundary: a byte that is no separator goes to x first, then
             * on as inside a word at x (x's inside-a-word row), with BOUND_BIT */
            const uint32_t *row1x = a->fast + (size_t)x * nbcls;
            if (x >= nf) {
                for (r = 0; r < nbcls; r++) row0[r] = EXIT_BIT;
            } else {
                for (r = 0; r < nbcls; r++) row0[r] = (row1x[r] & EXIT_BIT) ? EXIT_BIT : row1x[r] | BOUND_BIT;
            }
            for (i = 0; i < nsi; i++) row0[sepign[i]] = a->r0map[u] * nbcls;  /* stays outside, at u (fast_entry) */
        } else if (u == 0) {
            row0[0] = EXIT_BIT;
            for (r = 1; r < nbcls; r++) row0[r] = fast_entry(a, u, 0, rkind[r], rsc[r]);
        } else {
            /* no child on the boundary: the failure ancestor's row holds */
            memcpy(row0, a->fast + (size_t)a->r0map[rawfail[u]] * nbcls, rowsz);
            for (i = 0; i < nsi; i++) row0[sepign[i]] = a->r0map[u] * nbcls;  /* stays outside, at u (fast_entry) */
        }
    }
    return 0;
}

/* Is pattern x before pattern y in symbol order (a prefix first)? head[] holds the first
 * 8 symbols of each big-endian (zeros after the end), so that two patterns whose heads
 * differ compare as their heads do, and only equal heads compare the symbols. */
static int pat_before(const dy_automaton *a, const uint64_t *head, uint32_t x, uint32_t y)
{
    const dy_pattern *p, *q;
    int c;
    if (head[x] != head[y]) return head[x] < head[y];
    p = &a->pat[x];
    q = &a->pat[y];
    c = memcmp(a->sym + p->off, a->sym + q->off, p->len < q->len ? p->len : q->len);
    return c != 0 ? c < 0 : p->len < q->len;
}

/* The pattern numbers idx[0..n) in symbol order: a bottom-up merge sort through tmp (the
 * same size). Returns the array that holds the result (idx or tmp). */
static uint32_t *sort_patterns(const dy_automaton *a, const uint64_t *head, uint32_t *idx, uint32_t *tmp, size_t n)
{
    size_t w, i;
    for (w = 1; w < n; w *= 2) {
        uint32_t *t;
        for (i = 0; i < n; i += 2 * w) {
            size_t m = (n - i > w) ? i + w : n, r = (n - i > 2 * w) ? i + 2 * w : n, x = i, y = m, k = i;
            while (x < m && y < r) tmp[k++] = pat_before(a, head, idx[y], idx[x]) ? idx[y++] : idx[x++];
            while (x < m) tmp[k++] = idx[x++];
            while (y < r) tmp[k++] = idx[y++];
        }
        t = idx; idx = tmp; tmp = t;
    }
    return idx;
}

static size_t hash_slot(uint64_t k, size_t mask)
{
    k *= 0x9E3779B97F4A7C15ull;
    return (size_t)(k >> 29) & mask;
}

/* Transition of state u (raw numbering) on class c during failure computation. */
static uint32_t delta_raw(const dy_automaton *a, const uint32_t *rawfail, uint32_t u, unsigned c, uint64_t dmul)
{
    while (u >= a->ndense) {
        uint32_t i;
        for (i = a->cstart[u]; i < a->cstart[u + 1]; i++) {
            if (a->ccls[i] == c) return a->cto[i];
            if (a->ccls[i] > c) break;
        }
        u = rawfail[u];
    }
    {
        /* dense rows hold encoded targets */
        uint32_t t = a->dense[(size_t)u * a->ncls + c] & ~MATCH_BIT;
        if (t & SPARSE_BIT) return t & ID_MASK;
        return dmul ? (uint32_t)((t * dmul) >> 32) : t / a->ncls;
    }
}

/* Offset of an array of n elements of `size` bytes in a block being laid out (64-byte
 * aligned); sets *bad when the block's size would overflow. */
static size_t place(size_t *end, size_t n, size_t size, int *bad)
{
    size_t o = (*end + 63) & ~(size_t)63;
    if (o < *end || n > (SIZE_MAX - o) / size) { *bad = 1; return 0; }
    *end = o + n * size;
    return o;
}

int dy_automaton_build(dy_automaton *a)
{
    size_t i, nnodes, maxlen = 0;
    uint64_t *heads = NULL;
    uint32_t *idx = NULL, *path = NULL;
    uint32_t *par = NULL, *order = NULL, *newid = NULL, *pend = NULL, *cnt = NULL, *rawfail = NULL;
    uint8_t *ecls = NULL;
    uint32_t u, c, ncls = 1, nn;
    uint64_t dmul;
    int used[256];

    if (a->built) return 0;
    /* Byte classes: every symbol byte some pattern uses gets its own class. */
    memset(used, 0, sizeof used);
    for (i = 0; i < a->nsym; i++) used[a->sym[i]] = 1;
    for (i = 0; i < 256; i++) a->cls[i] = used[i] ? (uint8_t)ncls++ : 0;
    a->ncls = ncls;
    for (i = 0; i < 128; i++) {
        int k = dy_class((uint32_t)i);
        a->akind[i] = (uint8_t)(is_word_class(k) ? K_WORD : (k == DY_CC_SPACE || k == DY_CC_DASH) ? K_SEP
                                : k == DY_CC_APOS ? K_APOS : k == DY_CC_IGNORE ? K_IGN : K_PUNCT);
        a->acls[i] = a->cls[k == DY_CC_APOS ? '\'' : fold_cp(a->flags, (uint32_t)i) & 0x7F];
        a->wordb[i] = a->akind[i] == K_WORD;
    }

    /* Trie over classes. Node 0 is the root; at most nsym + 1 nodes. The patterns are
     * inserted in sorted order (classes number the symbol bytes in their order), so each
     * shares with the one before exactly the path of their common prefix: no lookup of
     * edges (the breadth-first numbering below depends only on the trie's shape). */
    if (a->nsym >= ID_MASK) return -1;
    nnodes = a->nsym + 1;
    for (i = 0; i < a->npat; i++) if (a->pat[i].len > maxlen) maxlen = a->pat[i].len;
    heads = malloc((a->npat ? a->npat : 1) * sizeof *heads);
    idx = malloc((a->npat ? 2 * a->npat : 1) * sizeof *idx);
    path = malloc((maxlen + 1) * sizeof *path);
    par = malloc(nnodes * sizeof *par);
    ecls = malloc(nnodes);
    pend = malloc((a->npat ? a->npat : 1) * sizeof *pend);
    if (!heads || !idx || !path || !par || !ecls || !pend) goto oom;
    for (i = 0; i < a->npat; i++) {
        const unsigned char *s = a->sym + a->pat[i].off;
        uint32_t j, len = a->pat[i].len;
        heads[i] = 0;
        for (j = 0; j < 8; j++) heads[i] = heads[i] << 8 | (j < len ? s[j] : 0);
        idx[i] = (uint32_t)i;
    }
    {
        const uint32_t *sorted = sort_patterns(a, heads, idx, idx + a->npat, a->npat);
        const unsigned char *prev = NULL;
        uint32_t plen = 0;
        nn = 1;
        par[0] = 0; ecls[0] = 0;
        path[0] = 0;
        for (i = 0; i < a->npat; i++) {
            const unsigned char *s = a->sym + a->pat[sorted[i]].off;
            uint32_t j = 0, len = a->pat[sorted[i]].len, m = plen < len ? plen : len;
            while (j < m && prev[j] == s[j]) j++;
            for (; j < len; j++) {
                par[nn] = path[j];
                ecls[nn] = a->cls[s[j]];
                path[j + 1] = nn++;
            }
            pend[sorted[i]] = path[len];
            prev = s;
            plen = len;
        }
    }
    free(heads); free(idx); free(path); heads = NULL; idx = NULL; path = NULL;
    a->nstates = nn;

    /* Breadth-first numbering: group children by parent (sorted by class) with two
     * counting sorts, then walk the levels. */
    cnt = calloc((nn > 256 ? nn : 256) + 1, sizeof *cnt);
    order = malloc(nn * sizeof *order);
    newid = malloc(nn * sizeof *newid);
    if (!cnt || !order || !newid) goto oom;
    {
        uint32_t *tmp = newid;  /* scratch: nodes 1..nn-1 sorted by class */
        for (u = 1; u < nn; u++) cnt[ecls[u] + 1]++;
        for (c = 1; c <= 256; c++) cnt[c] += cnt[c - 1];
        for (u = 1; u < nn; u++) tmp[cnt[ecls[u]]++] = u;  /* by class */
        memset(cnt, 0, (nn + 1) * sizeof *cnt);
        for (u = 1; u < nn; u++) cnt[par[u] + 1]++;
        for (u = 1; u <= nn; u++) cnt[u] += cnt[u - 1];
        /* stable by parent: kids[cnt[p] ...] lists the children of p in class order */
        {
            uint32_t *pos = malloc((nn + 1) * sizeof *pos);
            uint32_t *kid2 = malloc(nn * sizeof *kid2);
            uint32_t head, tail;
            if (!pos || !kid2) { free(pos); free(kid2); goto oom; }
            memcpy(pos, cnt, (nn + 1) * sizeof *pos);
            for (i = 0; i + 1 < nn; i++) { uint32_t v = tmp[i]; kid2[pos[par[v]]++] = v; }
            /* BFS: order[x] = old node at new position x */
            order[0] = 0; head = 0; tail = 1;
            while (head < tail) {
                uint32_t o = order[head++], j;
                for (j = cnt[o]; j < cnt[o + 1]; j++) order[tail++] = kid2[j];
            }
            free(pos); free(kid2);
        }
        for (u = 0; u < nn; u++) newid[order[u]] = u;
    }

    /* Dense prefix of the BFS order, and the states of the fast table (build_fast). The
     * fast table covers at most twice the states of the dense budget (most states have
     * one fast row, not two: about the memory the table took when it had two rows per
     * dense state; at 34k Phoenix phrases 44k fast states scan 25-30% faster than 22k).
     * When it covers every state (small dictionaries), the dense rows serve only the
     * general code (non-ASCII text), so they get a smaller budget: the rest of the table
     * would cost compile time (first touch of its memory) and buy nothing on ASCII text. */
    {
        unsigned char rep[257] = { 0 };
        size_t rows = DENSE_BUDGET / ((size_t)ncls * sizeof(uint32_t)), frows;
        if (rows < 1) rows = 1;
        if (rows > nn) rows = nn;
        if (rows * ncls >= SPARSE_BIT) rows = (SPARSE_BIT - 1) / ncls;
        a->nbcls = byte_classes(a, rep);
        frows = FAST_BUDGET / (2 * (size_t)a->nbcls * sizeof(uint32_t));
        if (frows > 2 * rows) frows = 2 * rows;
        if (frows > nn) frows = nn;
        if (frows == nn) {
            size_t small = DENSE_SMALL / ((size_t)ncls * sizeof(uint32_t));
            if (small < rows) rows = small < 1 ? 1 : small;
        }
        if (a->flags & DY_AC_TEST_SPARSE) {
            /* testing: two dense states, three fast ones (one of them sparse) */
            rows = nn < 2 ? nn : 2;
            frows = nn < 3 ? nn : 3;
        }
        a->ndense = (uint32_t)rows;
        a->nfast = (uint32_t)frows;
    }
    {
        /* delta_raw() decodes dense targets (state * ncls) as (x * dmul) >> 32 when that is
         * exact for every one (as build_fast() finds fmul), not by a division */
        uint64_t d = ncls, m = ((uint64_t)1 << 32) / d + 1, e = m * d - ((uint64_t)1 << 32);
        dmul = ((uint64_t)a->ndense * d * e < ((uint64_t)1 << 32)) ? m : 0;
    }
    {
        /* The states with their own outside-a-word row in the fast table (build_fast sets
         * them): the root, states entered by punctuation or an apostrophe, and states with
         * a child on the boundary symbol; counted here from the trie, so that one block
         * can hold every table. cnt (free since the numbering) marks the latter. */
        uint8_t nonword[256];
        const unsigned CB = a->cls[SYM_BOUND];
        memset(nonword, 0, sizeof nonword);
        for (i = 0; i < 128; i++) {
            unsigned k = a->akind[i];
            if (k != K_SEP && k != K_IGN && k != K_WORD) nonword[a->acls[i]] = 1;
        }
        memset(cnt, 0, (size_t)nn * sizeof *cnt);
        for (u = 1; u < nn; u++) if (ecls[u] == CB) cnt[par[u]] = 1;
        a->nr0 = 0;
        for (u = 0; u < a->nfast; u++) {
            uint32_t o = order[u];
            if (u == 0 || nonword[ecls[o]] || cnt[o]) a->nr0++;
        }
    }
    {
        /* One block: the fast table first (the scan's hot table, at the block's start),
         * then the rest. rawfail is only needed while building: its own allocation, freed
         * at the end, so the automaton does not keep 4 bytes per state it never reads. */
        size_t end = 0, o_dense, o_cstart, o_ccls, o_cto, o_fail, o_of, o_on, o_dict, o_pair, o_r0m, o_r0s;
        size_t o_fast;
        int bad = 0;
        char *b;
        o_fast = place(&end, (size_t)a->nfast + a->nr0, (size_t)a->nbcls * sizeof *a->fast, &bad);
        o_dense = place(&end, a->ndense, (size_t)ncls * sizeof *a->dense, &bad);
        o_cstart = place(&end, (size_t)nn + 1, sizeof *a->cstart, &bad);
        o_ccls = place(&end, nn, 1, &bad);
        o_cto = place(&end, nn, sizeof *a->cto, &bad);
        o_fail = place(&end, nn, sizeof *a->fail, &bad);
        o_of = place(&end, nn, sizeof *a->out_first, &bad);
        o_on = place(&end, a->npat ? a->npat : 1, sizeof *a->out_next, &bad);
        o_dict = place(&end, nn, sizeof *a->dict, &bad);
        o_pair = place(&end, (size_t)ncls * ncls, sizeof *a->pair, &bad);
        o_r0m = place(&end, a->nfast ? a->nfast : 1, sizeof *a->r0map, &bad);
        o_r0s = place(&end, a->nr0 ? a->nr0 : 1, sizeof *a->r0state, &bad);
        if (bad || (b = dy_big_alloc(end, &a->arena_map)) == NULL) goto oom;
        a->arena = b;
        a->fast = (uint32_t *)(void *)(b + o_fast);
        a->dense = (uint32_t *)(void *)(b + o_dense);
        a->cstart = (uint32_t *)(void *)(b + o_cstart);
        a->ccls = (uint8_t *)(b + o_ccls);
        a->cto = (uint32_t *)(void *)(b + o_cto);
        a->fail = (uint32_t *)(void *)(b + o_fail);
        a->out_first = (uint32_t *)(void *)(b + o_of);
        a->out_next = (uint32_t *)(void *)(b + o_on);
        a->dict = (uint32_t *)(void *)(b + o_dict);
        a->pair = (uint32_t *)(void *)(b + o_pair);
        a->r0map = (uint32_t *)(void *)(b + o_r0m);
        a->r0state = (uint32_t *)(void *)(b + o_r0s);
        memset(a->cstart, 0, ((size_t)nn + 1) * sizeof *a->cstart);
    }
    rawfail = malloc((size_t)nn * sizeof *rawfail);
    if (rawfail == NULL) goto oom;

    /* Children in new numbering: children of a node are consecutive in BFS order. */
    for (u = 1; u < nn; u++) a->cstart[newid[par[order[u]]] + 1]++;
    for (u = 0; u < nn; u++) a->cstart[u + 1] += a->cstart[u];
    for (u = 1; u < nn; u++) {
        /* BFS order appends the children of each parent in class order, so position
         * u - 1 in the edge arrays belongs to node u. */
        a->ccls[u - 1] = ecls[order[u]];
        a->cto[u - 1] = u;
    }

    /* Outputs: patterns per end state (in order of addition). */
    for (u = 0; u < nn; u++) a->out_first[u] = NONE;
    for (i = a->npat; i-- > 0;) {
        uint32_t s = newid[pend[i]];
        a->out_next[i] = a->out_first[s];
        a->out_first[s] = (uint32_t)i;
    }

    /* Encoded target: premultiplied row offset or SPARSE_BIT | state, plus MATCH_BIT. */
#define ENC(x) ((((x) < a->ndense) ? (x) * ncls : (SPARSE_BIT | (x))) \
                | ((a->out_first[(x)] != NONE || a->dict[(x)] != NONE) ? MATCH_BIT : 0))
    /* Failure links, dictionary links and dense rows, level by level: a state's failure
     * target is shallower, so its row and links are final when the state is reached,
     * and the rows are written encoded at once. */
    rawfail[0] = 0;
    a->dict[0] = NONE;
    for (c = 0; c < ncls; c++) a->dense[c] = 0;
    for (u = 0; u < nn; u++) {
        uint32_t j;
        if (u != 0 && u < a->ndense) {
            uint32_t *row = a->dense + (size_t)u * ncls;
            memcpy(row, a->dense + (size_t)rawfail[u] * ncls, ncls * sizeof *row);
        }
        for (j = a->cstart[u]; j < a->cstart[u + 1]; j++) {
            uint32_t v = a->cto[j], f;
            c = a->ccls[j];
            f = rawfail[v] = (u == 0) ? 0 : delta_raw(a, rawfail, rawfail[u], c, dmul);
            a->dict[v] = (a->out_first[f] != NONE) ? f : a->dict[f];
            if (u < a->ndense) a->dense[(size_t)u * ncls + c] = ENC(v);
        }
    }
    for (u = 0; u + 1 < nn; u++) a->cto[u] = ENC(a->cto[u]);
    for (u = 0; u < nn; u++) a->fail[u] = ENC(rawfail[u]) & ~MATCH_BIT;
#undef ENC

    free(par); free(ecls); free(pend); free(cnt); free(order); free(newid);
    par = NULL; ecls = NULL; pend = NULL; cnt = NULL; order = NULL; newid = NULL;

    /* Word starts at the root: one lookup for the boundary and the first two symbols. */
    {
        uint32_t t0 = step_sparse(a, 0, a->cls[SYM_BOUND]) & ~MATCH_BIT, c1, c2;
        for (c1 = 0; c1 < ncls; c1++) {
            uint32_t t1 = step_sparse(a, t0, c1);
            for (c2 = 0; c2 < ncls; c2++) {
                a->pair[c1 * ncls + c2] = (t1 & MATCH_BIT) ? PAIR_SLOW : step_sparse(a, t1, c2);
            }
        }
    }
    if (build_fast(a, rawfail) != 0) goto oom;
    free(rawfail);
    a->built = 1;
    return 0;
oom:
    free(heads); free(idx); free(path);
    free(par); free(ecls); free(pend); free(cnt); free(order); free(newid); free(rawfail);
    free_built(a);
    return -1;
}

size_t dy_automaton_patterns(const dy_automaton *a) { return a->nuser; }

size_t dy_automaton_memory(const dy_automaton *a)
{
    size_t m = sizeof *a + a->capsym + a->cappat * sizeof(dy_pattern);
    if (a->built) {
        m += (size_t)a->ndense * a->ncls * 4;
        m += ((size_t)a->nstates + 1) * 4 + (size_t)a->nstates * (1 + 4 + 4 + 4 + 4);
        m += a->npat * 4 + (size_t)a->ncls * a->ncls * 4 + ((size_t)a->nfast + a->nr0) * a->nbcls * 4;
        m += (size_t)a->nfast * 2 * 4;  /* r0map, r0state */
    }
    return m;
}

void dy_matches_free(dy_matches *m)
{
    if (m == NULL) return;
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}

/* ---- scanning -------------------------------------------------------------------- */

typedef struct {
    uint32_t s, e, id, idx;
} cand;

/* One walk over part of the text. Two walks interleave on long texts (see run()). */
typedef struct {
    size_t p, end;       /* next byte; where the walk ends */
    uint32_t sid, nb;    /* state; boundary symbols so far */
    int inw;             /* inside a word */
    int settle;          /* past its end with a match under way: stop at the root */
    uint32_t *ring;      /* offsets of the last boundary symbols */
    size_t drop_from;    /* candidates starting here or later belong to the next walk */
} walker;

typedef struct {
    const dy_automaton *a;
    const unsigned char *t;
    size_t n;
    uint32_t *ring, *ring2;
    uint32_t mask;
    walker *w;           /* the walk that is reporting */
    size_t split;        /* where the second walk started, or 0 */
    cand *v;
    size_t nv, cap;
    size_t nseg;         /* candidates that are segments of patterns with inner `word*` */
    size_t we_from, we_to; /* the last word_end(): every e in [we_from, we_to] ends at we_to */
    int oom;
} scan;

/* Class of the character at p (IGNORE, APOS... ; invalid bytes are OTHER); sets its length. */
static int class_at(const unsigned char *t, size_t n, size_t p, uint32_t *cp, size_t *l)
{
    if (t[p] < 0x80) { *cp = t[p]; *l = 1; return dy_class(t[p]); }
    *l = dy_utf8_decode(t + p, n - p, cp);
    return dy_class(*cp);
}

static size_t skip_ignorable(const unsigned char *t, size_t n, size_t p)
{
    while (p < n) {
        uint32_t cp;
        size_t l;
        if (class_at(t, n, p, &cp, &l) != DY_CC_IGNORE) break;
        p += l;
    }
    return p;
}

/* Does an apostrophe at q (class APOS, length l) end the word, either as a closing quote
 * or as a possessive 's? Returns 1 when the word ends before q. */
static int apos_ends_word(const unsigned char *t, size_t n, size_t q, size_t l)
{
    uint32_t cp;
    size_t l2;
    q = skip_ignorable(t, n, q + l);
    if (q >= n) return 1;
    if (!is_word_class(class_at(t, n, q, &cp, &l2))) return 1;
    if (cp != 's' && cp != 'S') return 0;
    q = skip_ignorable(t, n, q + l2);
    if (q >= n) return 1;
    return !is_word_class(class_at(t, n, q, &cp, &l2));
}

/* Is the text position e (just after a word character) the end of its word? */
static int word_ends_at(const uint8_t *akind, const unsigned char *t, size_t n, size_t e)
{
    uint32_t cp;
    size_t l;
    int k;
    if (e >= n) return 1;
    if (t[e] < 0x80) {
        /* the usual case: an ASCII letter, digit, space or punctuation decides at once */
        k = akind[t[e]];
        if (k == K_WORD) return 0;
        if (k == K_SEP || k == K_PUNCT) return 1;
    }
    e = skip_ignorable(t, n, e);
    if (e >= n) return 1;
    k = class_at(t, n, e, &cp, &l);
    if (is_word_class(k)) return 0;
    if (k != DY_CC_APOS) return 1;
    return apos_ends_word(t, n, e, l);
}

/* End of the text word that continues at e (for `word*`): letters, digits, ignorable
 * characters and apostrophes followed by letters, but not a possessive 's. */
static size_t word_end(const unsigned char *t, size_t n, size_t e)
{
    for (;;) {
        size_t q = e, l = 0;
        uint32_t cp;
        int k = DY_CC_OTHER;
        while (q < n) {
            k = class_at(t, n, q, &cp, &l);
            if (is_word_class(k)) { q += l; e = q; }
            else if (k == DY_CC_IGNORE) q += l;
            else break;
        }
        if (q >= n || k != DY_CC_APOS || apos_ends_word(t, n, q, l)) return e;
        e = skip_ignorable(t, n, q + l);
    }
}

/* Record the candidates of state u (raw number) ending at text offset `end`. */
static void report(scan *S, uint32_t u, size_t end)
{
    const dy_automaton *a = S->a;
    uint32_t x = (a->out_first[u] != NONE) ? u : a->dict[u];
    for (; x != NONE; x = a->dict[x]) {
        uint32_t i;
        for (i = a->out_first[x]; i != NONE; i = a->out_next[i]) {
            const dy_pattern *P = &a->pat[i];
            size_t e = end;
            uint32_t start;
            if (P->flags & PF_PREFIX) {
                /* several prefixes may end inside one word ("a'b'c" has three word
                 * starts): extend each in O(1) after the first */
                if (e < S->we_from || e > S->we_to) { S->we_from = e; S->we_to = word_end(S->t, S->n, e); }
                e = S->we_to;
            } else if ((P->flags & PF_ENDCHK) && !word_ends_at(a->akind, S->t, S->n, e)) continue;
            start = S->w->ring[(S->w->nb - P->nb) & S->mask];
            if (start >= S->w->drop_from) continue;  /* the next walk reports it */
            if (S->nv == S->cap && DY_GROW(S->v, S->cap, S->nv, 1) != 0) { S->oom = 1; return; }
            S->v[S->nv].s = start;
            S->v[S->nv].e = (uint32_t)e;
            S->v[S->nv].id = P->id;
            S->v[S->nv].idx = i;
            S->nv++;
            if (P->flags & PF_SEG) S->nseg++;
        }
    }
}

static uint32_t step_sparse(const dy_automaton *a, uint32_t sid, unsigned c)
{
    while (sid & SPARSE_BIT) {
        uint32_t u = sid & ID_MASK, j, end = a->cstart[u + 1];
        for (j = a->cstart[u]; j < end; j++) {
            if (a->ccls[j] == c) return a->cto[j];
            if (a->ccls[j] > c) break;
        }
        sid = a->fail[u];
    }
    return a->dense[sid + c];
}

#define STEP(sid, c) (((sid) & SPARSE_BIT) ? step_sparse(a, (sid), (c)) : D[(sid) + (c)])
#define STATE_OF(sid) (((sid) & SPARSE_BIT) ? ((sid) & ID_MASK) : (sid) / ncls)

/* Row of fast table offset fs: fs / nbcls, by a multiplication when build_fast found
 * one exact for every offset. */
static uint32_t fast_row(const dy_automaton *a, uint32_t fs)
{
    return a->fmul ? (uint32_t)(((uint64_t)fs * a->fmul) >> 32) : fs / a->nbcls;
}

/* The state of fast row r, and whether the walk is inside a word there; and back. */
static uint32_t row_state(const dy_automaton *a, uint32_t r, int *inw)
{
    *inw = r < a->nfast;
    return *inw ? r : a->r0state[r - a->nfast];
}

static uint32_t state_row(const dy_automaton *a, uint32_t u, int inw)
{
    return inw ? u : a->r0map[u];
}


typedef struct {
    uint32_t fs, nb;  /* fast table offset; boundary symbols so far */
    uint32_t t;       /* the entry that stopped the loop (MATCH_BIT or EXIT_BIT), 0 at the end */
} fast_walk;

/* The fast loop: one table lookup per byte from T[p], no branch but the exit test; stops
 * before a byte whose entry exits or matches, or at end. Returns where it stopped. Kept
 * out of line so that its variables stay in registers (step() calls report()). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t fast_scan(const uint32_t *F, const uint8_t *bcls, const unsigned char *T, size_t p, size_t end,
                        uint32_t *ring, uint32_t mask, fast_walk *fw)
{
    size_t fs = fw->fs;
    uint32_t nb = fw->nb;
    fw->t = 0;
    while (p < end) {
        uint32_t t = F[fs + bcls[T[p]]];
        if (t & (MATCH_BIT | EXIT_BIT)) { fw->t = t; break; }
        ring[nb & mask] = (uint32_t)p;
        nb += t >> 29;  /* BOUND_BIT alone in the top bits here */
        fs = t & FS_MASK;
        p++;
    }
    fw->fs = (uint32_t)fs;
    fw->nb = nb;
    return p;
}

/* Advance W by one character (or the rest of a word) of the general code: any byte,
 * any state. */
static void general(scan *S, walker *W)
{
    const dy_automaton *a = S->a;
    const unsigned char *T = S->t;
    const uint32_t *D = a->dense;
    const uint8_t *akind = a->akind, *acls = a->acls, *wordb = a->wordb;
    const uint32_t *pair = a->pair, ncls = a->ncls;
    const unsigned CB = a->cls[SYM_BOUND];
    size_t n = S->n, p = W->p;
    uint32_t sid = W->sid, t, nb = W->nb, mask = S->mask, *ring = W->ring;
    int inw = W->inw;

    S->w = W;
    do {
        unsigned ch;
        ch = T[p];
        if (ch < 0x80) {
            unsigned k = akind[ch];
            if (k == K_WORD) {
                if (!inw) {
                    inw = 1;
                    ring[nb++ & mask] = (uint32_t)p;
                    if (sid == 0 && p + 1 < n && wordb[T[p + 1]]
                        && (t = pair[acls[ch] * ncls + acls[T[p + 1]]]) != PAIR_SLOW) {
                        /* the common case: a word starts at the root; one lookup
                         * covers the boundary and the first two letters */
                        p += 2;
                    } else {
                        sid = STEP(sid, CB) & ~MATCH_BIT;
                        t = STEP(sid, acls[ch]);
                        p++;
                    }
                } else {
                    t = STEP(sid, acls[ch]);
                    p++;
                }
                sid = t & ~MATCH_BIT;
                if (t & MATCH_BIT) { W->nb = nb; report(S, STATE_OF(sid), p); if (S->oom) break; }
                /* the rest of the word */
                while (p < n && wordb[T[p]]) {
                    if (sid == 0) {
                        /* no pattern under way, and none starts inside a word */
                        do p++; while (p < n && wordb[T[p]]);
                        break;
                    }
                    t = STEP(sid, acls[T[p]]);
                    p++;
                    sid = t & ~MATCH_BIT;
                    if (t & MATCH_BIT) { W->nb = nb; report(S, STATE_OF(sid), p); if (S->oom) break; }
                }
                continue;
            }
            if (k == K_SEP) { inw = 0; p++; continue; }
            if (k == K_IGN) { p++; continue; }
            /* punctuation or apostrophe: a possible start outside a word; a word
             * start follows it either way (l'Élysée) */
            if (!inw) {
                ring[nb++ & mask] = (uint32_t)p;
                sid = STEP(sid, CB) & ~MATCH_BIT;
            }
            inw = 0;
            t = STEP(sid, acls[ch]);
            p++;
            sid = t & ~MATCH_BIT;
            if (t & MATCH_BIT) { W->nb = nb; report(S, STATE_OF(sid), p); if (S->oom) break; }
            continue;
        } else {
            uint32_t cp;
            size_t l = dy_utf8_decode(T + p, n - p, &cp), j;
            unsigned char b[4];
            int k;
            if (cp == DY_INVALID) { sid = 0; inw = 0; p++; continue; }
            k = dy_class(cp);
            if (k == DY_CC_IGNORE) { p += l; continue; }
            if (k == DY_CC_SPACE || k == DY_CC_DASH) { inw = 0; p += l; continue; }
            if (k == DY_CC_IDEO || !inw) {
                ring[nb++ & mask] = (uint32_t)p;
                sid = STEP(sid, CB) & ~MATCH_BIT;
            }
            if (k == DY_CC_APOS) {
                b[0] = '\'';
                j = 1;
            } else {
                j = dy_utf8_encode(fold_cp(a->flags, cp), b);
            }
            inw = is_word_class(k);
            p += l;
            {
                size_t x;
                for (x = 0; x < j; x++) {
                    t = STEP(sid, a->cls[b[x]]);
                    sid = t & ~MATCH_BIT;
                    if (t & MATCH_BIT) { W->nb = nb; report(S, STATE_OF(sid), p); if (S->oom) break; }
                }
            }
        }
    } while (0);
    W->p = p;
    W->sid = sid;
    W->nb = nb;
    W->inw = inw;
}

/* Advance W through the fast loop while its state has fast rows: up to an exit or the
 * end of the walk, reporting matches on the way when `more`, else stopping after the
 * first one. Returns 1 when the general code must take the next byte. */
static int fast_walk_to_exit(scan *S, walker *W, int more)
{
    const dy_automaton *a = S->a;
    const uint32_t nbcls = a->nbcls, mask = S->mask;
    uint32_t fs, q;
    int inw;
    fast_walk fw = { 0, 0, 0 };
    if ((q = state_of(a, W->sid)) >= a->nfast) return 1;
    S->w = W;
    fs = state_row(a, q, W->inw) * nbcls;
    fw.nb = W->nb;
    for (;;) {
        fw.fs = fs;
        W->p = fast_scan(a->fast, a->bcls, S->t, W->p, W->end, W->ring, mask, &fw);
        fs = fw.fs;
        if (W->p >= W->end || (fw.t & EXIT_BIT)) break;
        W->ring[fw.nb & mask] = (uint32_t)W->p;
        fw.nb += (fw.t >> 29) & 1;
        fs = fw.t & FS_MASK;
        W->p++;
        W->nb = fw.nb;
        report(S, row_state(a, fast_row(a, fs), &inw), W->p);
        if (!more || S->oom || W->p >= W->end) { fw.t = 0; break; }
    }
    W->nb = fw.nb;
    q = row_state(a, fast_row(a, fs), &inw);
    W->sid = enc_state(a, q);
    W->inw = inw;
    return W->p < W->end && (fw.t & EXIT_BIT);
}

/* Advance W: with fast_ok, through the fast loop up to its exit or first match, else
 * by one character (or the rest of a word) of the general code. */
static void step(scan *S, walker *W, int fast_ok)
{
    if (fast_ok && !fast_walk_to_exit(S, W, 0)) return;
    if (W->p < S->n) general(S, W);
}

/* A single walk to its end: the fast loop with the matches reported inside it, the
 * general code where it exits. */
static void walk(scan *S, walker *W)
{
    while (W->p < W->end && !S->oom) {
        if (fast_walk_to_exit(S, W, 1)) general(S, W);
    }
}

typedef struct {
    size_t pa, pb;
    uint32_t fa, fb, nba, nbb;
    uint32_t ta, tb;  /* the entries that stopped the loop, 0 when a walk reached its end */
} fast_pair;

/* The lockstep loop proper: both walks until either meets an entry that exits or matches,
 * or reaches its end (its state in a struct, the reports in the caller: compilers inline
 * it with the loop's variables in registers). */
static void fast2_scan(const uint32_t *F, const uint8_t *bcls, const unsigned char *T, size_t ea, size_t eb,
                       uint32_t *ra, uint32_t *rb, uint32_t mask, fast_pair *w)
{
    size_t pa = w->pa, d = w->pb - w->pa, lim;  /* walk B is d bytes ahead of walk A */
    size_t fa = w->fa, fb = w->fb;
    uint32_t nba = w->nba, nbb = w->nbb;
    w->ta = w->tb = 0;
    if (pa >= ea || w->pb >= eb) return;
    lim = (ea - pa < eb - w->pb) ? ea : pa + (eb - w->pb);  /* either walk's end: one test per step */
    while (pa < lim) {
        uint32_t ta = F[fa + bcls[T[pa]]], tb = F[fb + bcls[T[pa + d]]];
        if ((ta | tb) & (MATCH_BIT | EXIT_BIT)) { w->ta = ta; w->tb = tb; break; }
        /* neither MATCH_BIT nor EXIT_BIT: the top bits hold BOUND_BIT alone */
        ra[nba & mask] = (uint32_t)pa;
        nba += ta >> 29;
        fa = ta & FS_MASK;
        rb[nbb & mask] = (uint32_t)(pa + d);
        nbb += tb >> 29;
        fb = tb & FS_MASK;
        pa++;
    }
    w->pa = pa; w->pb = pa + d; w->fa = (uint32_t)fa; w->fb = (uint32_t)fb; w->nba = nba; w->nbb = nbb;
}

/* Two walks step by step through the fast table at once, so that the cache misses of
 * one overlap with the other's (the loads do not depend on each other). Matches are
 * reported here; an entry that exits leaves for the general code. */
static void fast2(scan *S, walker *A, walker *B)
{
    const dy_automaton *a = S->a;
    const uint32_t nbcls = a->nbcls, mask = S->mask;
    fast_pair w = { 0, 0, 0, 0, 0, 0, 0, 0 };
    int inw;
    uint32_t q;
    w.pa = A->p; w.pb = B->p; w.nba = A->nb; w.nbb = B->nb;
    w.fa = state_row(a, state_of(a, A->sid), A->inw) * nbcls;
    w.fb = state_row(a, state_of(a, B->sid), B->inw) * nbcls;
    for (;;) {
        fast2_scan(a->fast, a->bcls, S->t, A->end, B->end, A->ring, B->ring, mask, &w);
        if (!((w.ta | w.tb) & (MATCH_BIT | EXIT_BIT)) || ((w.ta | w.tb) & EXIT_BIT)) break;
        /* a match in one walk or both: both take their byte */
        A->ring[w.nba & mask] = (uint32_t)w.pa;
        w.nba += (w.ta >> 29) & 1;
        w.fa = w.ta & FS_MASK;
        w.pa++;
        if (w.ta & MATCH_BIT) { S->w = A; A->nb = w.nba; report(S, row_state(a, fast_row(a, w.fa), &inw), w.pa); }
        B->ring[w.nbb & mask] = (uint32_t)w.pb;
        w.nbb += (w.tb >> 29) & 1;
        w.fb = w.tb & FS_MASK;
        w.pb++;
        if (w.tb & MATCH_BIT) { S->w = B; B->nb = w.nbb; report(S, row_state(a, fast_row(a, w.fb), &inw), w.pb); }
        if (S->oom) break;
    }
    A->p = w.pa; A->nb = w.nba; q = row_state(a, fast_row(a, w.fa), &inw); A->sid = enc_state(a, q); A->inw = inw;
    B->p = w.pb; B->nb = w.nbb; q = row_state(a, fast_row(a, w.fb), &inw); B->sid = enc_state(a, q); B->inw = inw;
}

/* The first walk stops at the split point x, or, when a match is under way there, at the
 * first character after x where its state is the root again (nothing pending); it drops
 * candidates starting at x or later, which the second walk (from x, at the root, right
 * after a separator) reports. */
static void settle_first(walker *W, size_t x, size_t n)
{
    if (!W->settle) {
        if (W->p < x) return;
        if (W->sid == 0) { W->end = W->p; return; }
        W->settle = 1;
        W->end = n;
    } else if (W->sid == 0) {
        W->end = W->p;
    }
}

#define SPLIT_MIN ((size_t)256)

/* Must the general code take W's next byte (state outside the fast table, non-ASCII
 * byte)? fast2() reports matches itself. */
static int needs_general(const scan *S, const walker *W)
{
    const dy_automaton *a = S->a;
    uint32_t t;
    uint32_t u;
    if (S->t[W->p] >= 0x80) return 1;  /* byte class 0: exits from every row */
    u = state_of(a, W->sid);
    if (u >= a->nfast) return 1;
    t = a->fast[state_row(a, u, W->inw) * a->nbcls + a->bcls[S->t[W->p]]];
    return (t & EXIT_BIT) != 0;
}

static void run(scan *S)
{
    const dy_automaton *a = S->a;
    size_t n = S->n, x = 0;
    walker W[2];
    memset(W, 0, sizeof W);
    W[0].ring = S->ring;
    W[1].ring = S->ring2;
    W[0].end = n;
    W[0].drop_from = W[1].drop_from = SIZE_MAX;
    if (S->ring2 != NULL) {
        for (x = n / 2; x < n && !(S->t[x - 1] < 0x80 && a->akind[S->t[x - 1]] == K_SEP); x++) {}
        if (x >= n) x = 0;
    }
    if (x == 0) {
        walk(S, &W[0]);
        return;
    }
    S->split = x;
    W[0].end = x;
    W[0].drop_from = x;
    W[1].p = x;
    W[1].end = n;
    while (!S->oom) {
        int live0 = W[0].p < W[0].end, live1 = W[1].p < W[1].end;
        if (live0 && live1 && !W[0].settle) {
            int g0 = needs_general(S, &W[0]), g1 = needs_general(S, &W[1]);
            if (!g0 && !g1) {
                fast2(S, &W[0], &W[1]);
            } else {
                if (g0) step(S, &W[0], 0);
                if (g1 && !S->oom) step(S, &W[1], 0);
            }
            settle_first(&W[0], x, n);
        } else if (live0) {
            step(S, &W[0], !W[0].settle && !live1);
            settle_first(&W[0], x, n);
        } else if (live1) {
            step(S, &W[1], 1);
        } else {
            break;
        }
    }
}

static int cand_less(const cand *a, const cand *b)
{
    if (a->s != b->s) return a->s < b->s;
    if (a->e != b->e) return a->e > b->e;
    return a->idx < b->idx;
}

static int cand_cmp(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    return cand_less(a, b) ? -1 : cand_less(b, a) ? 1 : 0;
}

/* Sort candidates by start, then longer first, then order of addition. They come in
 * the order of their ends, which is nearly that (a longer match sharing its start with
 * a shorter one comes after it): insertion sort, O(n + moves); qsort after 8n moves, so
 * the worst case stays O(n log n). */
static void sort_cands(cand *v, size_t n)
{
    size_t i, moves = 0, budget = 8 * n + 64;
    for (i = 1; i < n; i++) {
        cand x;
        size_t j = i;
        if (!cand_less(&v[i], &v[i - 1])) continue;
        x = v[i];
        do { v[j] = v[j - 1]; j--; moves++; } while (j > 0 && cand_less(&x, &v[j - 1]));
        v[j] = x;
        if (moves > budget) { qsort(v, n, sizeof *v, cand_cmp); return; }
    }
}

/* ---- chaining the segments of patterns with inner `word*` --------------------------- */

/* Partial matches waiting for segment `idx` to start at text offset `pos`: a list of
 * the starts of the whole matches (nodes), under the key (idx, pos). */
typedef struct {
    uint64_t key;
    uint32_t head, tail;
} join_slot;

typedef struct {
    uint32_t s1, next;
} join_node;

/* First character at or after e that is not a separator or ignorable (or n). */
static size_t next_visible(const unsigned char *t, size_t n, size_t e)
{
    while (e < n) {
        uint32_t cp;
        size_t l;
        int k = class_at(t, n, e, &cp, &l);
        if (cp == DY_INVALID) break;
        if (k != DY_CC_SPACE && k != DY_CC_DASH && k != DY_CC_IGNORE) break;
        e += l;
    }
    return e;
}

static join_slot *join_find(join_slot *tab, size_t mask, uint64_t key)
{
    size_t h = hash_slot(key, mask);
    while (tab[h].key != key && tab[h].key != UINT64_MAX) h = (h + 1) & mask;
    return &tab[h];
}

/* Replace the segment candidates in v[0..*nv) by the matches of their patterns: segment
 * k + 1 must start at the first character after the (word-extended) end of segment k
 * that is not a separator. Candidates come in the order of their ends, so segment k of
 * a chain is always seen before segment k + 1 (also across the two walks: the first
 * walk's candidates all start before the second's). A chain is determined by its start,
 * so a list holds at most one node per first-segment candidate, and each list is taken
 * over whole by the one candidate (segment, start) that continues it: O(candidates)
 * time and memory, plus one pass over each separator run after a segment (memoized).
 * Plain candidates are compacted in place; the matches go to *fin (unsorted). */
static int join_segments(const dy_automaton *a, const unsigned char *t, size_t n, cand *v, size_t *nv,
                         size_t nseg, cand **fin, size_t *nfin)
{
    size_t cap = 16, i, k = 0, nn = 0, nf = 0, last_e = SIZE_MAX, last_q = 0;
    join_slot *tab;
    join_node *node;
    cand *f;
    while (cap < 2 * nseg) cap *= 2;
    tab = malloc(cap * sizeof *tab);
    node = malloc(nseg * sizeof *node);
    f = malloc(nseg * sizeof *f);
    if (tab == NULL || node == NULL || f == NULL) { free(tab); free(node); free(f); return -1; }
    for (i = 0; i < cap; i++) tab[i].key = UINT64_MAX;
    for (i = 0; i < *nv; i++) {
        const cand c = v[i];
        const dy_pattern *P = &a->pat[c.idx];
        uint32_t head, tail;
        if (!(P->flags & PF_SEG)) { v[k++] = c; continue; }
        if (P->seg == 0) {
            node[nn].s1 = c.s;
            node[nn].next = NONE;
            head = tail = (uint32_t)nn++;
        } else {
            join_slot *sl = join_find(tab, cap - 1, ((uint64_t)c.idx << 32) | c.s);
            if (sl->key == UINT64_MAX || sl->head == NONE) continue;
            head = sl->head;
            tail = sl->tail;
            sl->head = NONE;
        }
        if (P->seg + 1 == P->nseg) {
            uint32_t x = head;
            for (;;) {
                f[nf].s = node[x].s1;
                f[nf].e = c.e;
                f[nf].id = c.id;
                f[nf].idx = c.idx - P->seg;  /* the first segment: order of addition */
                nf++;
                if (x == tail) break;
                x = node[x].next;
            }
        } else {
            join_slot *sl;
            uint64_t key;
            if (c.e != last_e) { last_e = c.e; last_q = next_visible(t, n, c.e); }
            key = ((uint64_t)(c.idx + 1) << 32) | last_q;
            sl = join_find(tab, cap - 1, key);
            if (sl->key == UINT64_MAX) { sl->key = key; sl->head = NONE; }
            if (sl->head == NONE) {
                sl->head = head;
            } else {
                node[sl->tail].next = head;
            }
            sl->tail = tail;
        }
    }
    free(tab);
    free(node);
    *nv = k;
    *fin = f;
    *nfin = nf;
    return 0;
}

size_t dy_select_leftmost_longest(dy_match *v, size_t n)
{
    size_t i, k = 0;
    uint32_t last = 0;
    for (i = 0; i < n; i++) {
        if (k > 0 && v[i].s < last) continue;
        v[k++] = v[i];
        last = v[i].e;
    }
    return k;
}

/* Keep the candidate buffer for the next call, unless it grew past this. */
#define SCRATCH_KEEP ((size_t)4 << 20)

int dy_automaton_find_scratch(const dy_automaton *a, const char *text, size_t len, int overlap, dy_matches *out,
                              dy_find_scratch *scratch)
{
    scan S;
    uint32_t ring_local[128];
    cand *fin = NULL, *spare = NULL;
    size_t i, k, r = 1, nfin = 0, spare_cap = 0;
    int rc = -1;

    if (!a->built || len >= UINT32_MAX) return -1;
    if (a->npat == 0 || len == 0) return 0;
    memset(&S, 0, sizeof S);
    if (scratch != NULL) {
        S.v = scratch->v;
        S.cap = scratch->cap;
        spare = scratch->v2;
        spare_cap = scratch->cap2;
        scratch->v = scratch->v2 = NULL;
        scratch->cap = scratch->cap2 = 0;
    }
    S.a = a;
    S.t = (const unsigned char *)text;
    S.n = len;
    S.we_from = SIZE_MAX;
    while (r < a->maxb + 1) r *= 2;  /* + 1: the fast loop stores one slot ahead */
    S.mask = (uint32_t)r - 1;
    S.ring = (r <= 64) ? ring_local : malloc(2 * r * sizeof *S.ring);
    if (S.ring == NULL) goto done;
    if (len >= SPLIT_MIN || ((a->flags & DY_AC_TEST_SPARSE) && len >= 8)) S.ring2 = S.ring + r;
    run(&S);
    if (S.ring != ring_local) free(S.ring);
    if (S.oom) goto done;
    if (S.split > 0 && S.nv > 1) {
        /* the two walks interleave their candidates: the first walk's all start before
         * the split, so a stable partition restores the order without a sort */
        cand *tmp = spare;
        size_t na = 0, nbb = 0;
        if (tmp == NULL || spare_cap < S.nv) {
            free(spare);
            spare = NULL;
            spare_cap = 0;
            if ((tmp = malloc(S.cap * sizeof *tmp)) == NULL) goto done;
            spare_cap = S.cap;
        }
        for (i = 0; i < S.nv; i++) if (S.v[i].s < S.split) tmp[na++] = S.v[i];
        for (i = 0; i < S.nv; i++) if (S.v[i].s >= S.split) tmp[na + nbb++] = S.v[i];
        /* swap: the old buffer becomes the spare */
        spare = S.v;
        S.v = tmp;
        i = spare_cap;
        spare_cap = S.cap;
        S.cap = i;
    }
    if (S.nseg > 0 && join_segments(a, S.t, S.n, S.v, &S.nv, S.nseg, &fin, &nfin) != 0) goto done;
    sort_cands(S.v, S.nv);
    sort_cands(fin, nfin);
    if (S.nv + nfin == 0) { rc = 0; goto done; }
    if (DY_GROW(out->v, out->cap, out->n, S.nv + nfin) != 0) goto done;
    {
        /* merge the plain candidates and the chained matches */
        dy_match *m = out->v + out->n;
        size_t x = 0, y = 0;
        while (x < S.nv || y < nfin) {
            const cand *c = (y >= nfin || (x < S.nv && !cand_less(&fin[y], &S.v[x]))) ? &S.v[x++] : &fin[y++];
            m->s = c->s; m->e = c->e; m->id = c->id;
            m++;
        }
    }
    k = overlap ? S.nv + nfin : dy_select_leftmost_longest(out->v + out->n, S.nv + nfin);
    out->n += k;
    rc = 0;
done:
    free(fin);
    if (scratch != NULL && S.cap * sizeof *S.v <= SCRATCH_KEEP) {
        scratch->v = S.v;
        scratch->cap = S.cap;
    } else {
        free(S.v);
    }
    if (scratch != NULL && spare_cap * sizeof *spare <= SCRATCH_KEEP) {
        scratch->v2 = spare;
        scratch->cap2 = spare_cap;
    } else {
        free(spare);
    }
    return rc;
}

int dy_automaton_find(const dy_automaton *a, const char *text, size_t len, int overlap, dy_matches *out)
{
    return dy_automaton_find_scratch(a, text, len, overlap, out, NULL);
}

void dy_find_scratch_free(dy_find_scratch *s)
{
    if (s == NULL) return;
    free(s->v);
    free(s->v2);
    s->v = s->v2 = NULL;
    s->cap = s->cap2 = 0;
}
