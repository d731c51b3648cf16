/*
 * lexicon.c - entries with interned strings, one automaton over the distinct terms,
 * and the resolution of raw matches into hits (discards, case guards, leftmost-longest
 * per kind, validity dates).
 *
 * Every distinct term is one automaton pattern; entries sharing a term are chained
 * from that pattern (pat_head / entry_next), so a match of "Putin" reaches all of
 * Putin's dated entries at once. The automaton is rebuilt lazily: adding a new term
 * after a compile starts a fresh, unbuilt automaton holding every term so far.
 */
#include "lexicon.h"
#include "date.h"
#include "unicode.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define TITLE_BIT 0x80u  /* in pat_kinds: some entry of the pattern has case = "title" */
#define LOWER_BIT 0x40u  /* in pat_kinds: some entry of the pattern has case = "lower" */

/* Case tests a match passed (computed once per match, read by every entry of its pattern). */
#define CASE_TITLE 0x01u  /* the case = "title" test */
#define CASE_LOWER 0x02u  /* the case = "lower" test: no upper-case letter */

struct dy_lexicon {
    dy_strtab strings;
    dy_entry *entries;
    size_t n, cap;
    uint32_t *entry_next;     /* next entry with the same term, NONE at the end */
    size_t cap_next;
    uint32_t *term_pattern;   /* strtab id -> pattern id + 1, 0 when the string is no term */
    size_t cap_term;
    uint32_t *pat_head, *pat_tail;  /* pattern id -> first / last entry */
    uint32_t *pat_term;       /* pattern id -> strtab id of its term */
    uint8_t *pat_kinds;       /* pattern id -> bit (1 << kind) for every kind among its entries */
    size_t npat, cap_head, cap_tail, cap_pterm, cap_kinds;
    dy_automaton *ac;         /* NULL, or holds every pattern (built when `built`) */
    int built;
    /* scratch reused by dy_lexicon_match (one text at a time): the automaton's candidate
     * buffer and the raw matches, so that matching many short texts allocates nothing */
    dy_find_scratch scan;
    dy_matches all;
};

static const char *const kind_names[] = { NULL, "actor", "cue", "sector", "discard" };
/* Names as the API spells them (index = enum value). */
static const char *const type_names[] = {
    NULL, "state", "leader", "capital", "igo", "region", "group", "other"
};
static const char *const category_names[] = {
    NULL, "coop", "conflict", "dependency", "hedge", "certainty", "negation", "intensifier",
    "contrast", "passive", "agent", "coordination"
};

/* Codes naming no country: the whole code is the base (CAMEO transnational actors). */
static const char *const transnational[] = { "IGO", "NGO", "NGM", "IMG", "MNC", "UIS", NULL };

dy_lexicon *dy_lexicon_new(void)
{
    dy_lexicon *lex = calloc(1, sizeof *lex);
    if (lex == NULL) return NULL;
    dy_strtab_init(&lex->strings);
    return lex;
}

void dy_lexicon_free(dy_lexicon *lex)
{
    if (lex == NULL) return;
    dy_strtab_free(&lex->strings);
    free(lex->entries);
    free(lex->entry_next);
    free(lex->term_pattern);
    free(lex->pat_head);
    free(lex->pat_tail);
    free(lex->pat_term);
    free(lex->pat_kinds);
    dy_automaton_free(lex->ac);
    dy_find_scratch_free(&lex->scan);
    dy_matches_free(&lex->all);
    free(lex);
}

static int lookup_name(const char *const names[], int count, const char *s)
{
    int i;
    for (i = 1; i < count; i++) {
        if (strcmp(names[i], s) == 0) return i;
    }
    return 0;
}

static uint32_t intern(dy_lexicon *lex, const char *s, size_t len)
{
    return dy_strtab_intern(&lex->strings, s, len);
}

static uint32_t intern_z(dy_lexicon *lex, const char *s)
{
    return dy_strtab_intern(&lex->strings, s, strlen(s));
}

/* Start a fresh automaton holding every pattern so far (after a build, or at first). */
static int fresh_automaton(dy_lexicon *lex, char *err, size_t errsz)
{
    size_t p;
    dy_automaton_free(lex->ac);
    lex->built = 0;
    lex->ac = dy_automaton_new(0);
    if (lex->ac == NULL) { snprintf(err, errsz, "out of memory"); return -1; }
    for (p = 0; p < lex->npat; p++) {
        size_t len;
        const char *t = dy_strtab_get(&lex->strings, lex->pat_term[p], &len);
        if (dy_automaton_add(lex->ac, t, len, (uint32_t)p, err, errsz) != 0) {
            dy_automaton_free(lex->ac);
            lex->ac = NULL;
            return -1;
        }
    }
    return 0;
}

/* The pattern of term id `term`, adding it (and checking its syntax) when new. */
static long term_pattern(dy_lexicon *lex, uint32_t term, char *err, size_t errsz)
{
    size_t ids = dy_strtab_size(&lex->strings) + 1, len;
    const char *t;
    char why[200];
    uint32_t p;
    if (lex->cap_term < ids) {
        size_t old = lex->cap_term;
        if (DY_GROW(lex->term_pattern, lex->cap_term, old, ids - old) != 0) goto oom;
        memset(lex->term_pattern + old, 0, (lex->cap_term - old) * sizeof *lex->term_pattern);
    }
    if (lex->term_pattern[term] != 0) return (long)lex->term_pattern[term] - 1;
    if (lex->npat >= UINT32_MAX - 1) goto oom;
    if ((lex->ac == NULL || lex->built) && fresh_automaton(lex, err, errsz) != 0) return -1;
    t = dy_strtab_get(&lex->strings, term, &len);
    p = (uint32_t)lex->npat;
    if (dy_automaton_add(lex->ac, t, len, p, why, sizeof why) != 0) {
        /* the automaton's own failure is not the term's fault: say so as every other
         * allocation failure does, so callers raise instead of reporting a bad line */
        if (strcmp(why, DY_AC_NOMEM) == 0) goto oom;
        snprintf(err, errsz, "field 'term': '%s': %s", t, why);
        return -1;
    }
    if (DY_GROW(lex->pat_head, lex->cap_head, lex->npat, 1) != 0 ||
        DY_GROW(lex->pat_tail, lex->cap_tail, lex->npat, 1) != 0 ||
        DY_GROW(lex->pat_term, lex->cap_pterm, lex->npat, 1) != 0 ||
        DY_GROW(lex->pat_kinds, lex->cap_kinds, lex->npat, 1) != 0) {
        /* the automaton already holds pattern p: start over without it on the next add */
        dy_automaton_free(lex->ac);
        lex->ac = NULL;
        goto oom;
    }
    lex->pat_head[p] = lex->pat_tail[p] = NONE;
    lex->pat_term[p] = term;
    lex->pat_kinds[p] = 0;
    lex->npat++;
    lex->term_pattern[term] = p + 1;
    return (long)p;
oom:
    snprintf(err, errsz, "out of memory");
    return -1;
}

/* Append a complete entry (strings already interned). */
static long push_entry(dy_lexicon *lex, const dy_entry *e, char *err, size_t errsz)
{
    long p;
    uint32_t i;
    if (lex->n >= UINT32_MAX - 1 || DY_GROW(lex->entries, lex->cap, lex->n, 1) != 0 ||
        DY_GROW(lex->entry_next, lex->cap_next, lex->n, 1) != 0) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    p = term_pattern(lex, e->term, err, errsz);
    if (p < 0) return -1;
    i = (uint32_t)lex->n;
    lex->entries[i] = *e;
    lex->entry_next[i] = NONE;
    if (lex->pat_tail[p] == NONE) lex->pat_head[p] = i;
    else lex->entry_next[lex->pat_tail[p]] = i;
    lex->pat_tail[p] = i;
    lex->pat_kinds[p] |= (uint8_t)(1u << e->kind);
    if (e->flags & DY_ENTRY_TITLECASE) lex->pat_kinds[p] |= TITLE_BIT;
    if (e->flags & DY_ENTRY_LOWERCASE) lex->pat_kinds[p] |= LOWER_BIT;
    lex->n++;
    return (long)i;
}

static int has_space(const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') return 1;
    }
    return 0;
}

static int parse_bound(const char *s, const char *field, int32_t *out, char *err, size_t errsz)
{
    if (dy_parse_date(s, strlen(s), out) != 0 || strlen(s) != 10) {
        snprintf(err, errsz, "field '%s': '%s' is not a date YYYY-MM-DD", field, s);
        return -1;
    }
    return 0;
}

/* Split an actor code as given into base code and role (docs/DESIGN.md (the lexicon section)):
 * "~GOV" / "NGO~" are agents (no base, role = the code without '~'); codes starting
 * with a transnational prefix (IGO, NGO, ...) are whole; other codes of six or more
 * characters split after the third ("RUSGOV" -> RUS + GOV). */
static int split_code(dy_lexicon *lex, const char *code, uint32_t *base, uint32_t *role)
{
    size_t len = strlen(code), k;
    const char *tilde = strchr(code, '~');
    *base = *role = 0;
    if (len == 0) return 0;
    if (tilde != NULL) {
        char buf[64];
        size_t j = 0;
        for (k = 0; k < len && j < sizeof buf - 1; k++) {
            if (code[k] != '~') buf[j++] = code[k];
        }
        if (j > 0 && (*role = intern(lex, buf, j)) == 0) return -1;
        return 0;
    }
    if (len >= 6) {
        for (k = 0; transnational[k] != NULL; k++) {
            if (strncmp(code, transnational[k], 3) == 0) break;
        }
        if (transnational[k] == NULL) {
            if ((*base = intern(lex, code, 3)) == 0) return -1;
            if ((*role = intern(lex, code + 3, len - 3)) == 0) return -1;
            return 0;
        }
    }
    if ((*base = intern(lex, code, len)) == 0) return -1;
    return 0;
}

long dy_lexicon_add(dy_lexicon *lex, const dy_entry_spec *spec, char *err, size_t errsz)
{
    dy_entry e;
    const char *t;
    memset(&e, 0, sizeof e);
    e.from = DY_DATE_MIN;
    e.to = DY_DATE_MAX;
    e.weight = 1.0;
    e.goldstein = NAN;
    if (spec->kind < DY_KIND_ACTOR || spec->kind > DY_KIND_DISCARD) {
        snprintf(err, errsz, "field 'kind': unknown kind (actor, cue, sector or discard)");
        return -1;
    }
    e.kind = (uint8_t)spec->kind;
    t = spec->term;
    if (t == NULL || *t == '\0') {
        snprintf(err, errsz, "field 'term': missing or empty");
        return -1;
    }
    if (spec->from != NULL && parse_bound(spec->from, "from", &e.from, err, errsz) != 0) return -1;
    if (spec->to != NULL && parse_bound(spec->to, "to", &e.to, err, errsz) != 0) return -1;
    if (e.from > e.to) {
        snprintf(err, errsz, "field 'to': %s is before from %s", spec->to, spec->from);
        return -1;
    }
    if (!isnan(spec->weight)) {
        if (!isfinite(spec->weight)) {
            snprintf(err, errsz, "field 'weight': must be a finite number");
            return -1;
        }
        e.weight = spec->weight;
    }
    if (!isnan(spec->goldstein)) {
        if (!(spec->goldstein >= -10.0 && spec->goldstein <= 10.0)) {
            snprintf(err, errsz, "field 'goldstein': %g is outside -10..10", spec->goldstein);
            return -1;
        }
        if (e.kind != DY_KIND_CUE) {
            snprintf(err, errsz, "field 'goldstein': only cues carry a Goldstein value");
            return -1;
        }
        e.goldstein = spec->goldstein;
    }
    if (spec->titlecase && spec->lowercase) {
        snprintf(err, errsz, "field 'case': an entry cannot be both \"title\" and \"lower\"");
        return -1;
    }
    if (spec->titlecase) e.flags |= DY_ENTRY_TITLECASE;
    if (spec->lowercase) e.flags |= DY_ENTRY_LOWERCASE;
    if (spec->reverse) {
        if (e.kind != DY_KIND_CUE) {
            snprintf(err, errsz, "field 'direction': only cues have a direction");
            return -1;
        }
        e.flags |= DY_ENTRY_REVERSE;
    }
    switch (e.kind) {
    case DY_KIND_ACTOR:
        if (spec->type != NULL) {
            int ty = lookup_name(type_names, 8, spec->type);
            if (ty == 0) {
                snprintf(err, errsz, "field 'type': unknown actor type '%s' (state, leader, capital, igo, "
                         "region, group or other)", spec->type);
                return -1;
            }
            e.subtype = (uint8_t)ty;
        } else {
            e.subtype = DY_ACTOR_OTHER;
        }
        if ((spec->code == NULL || *spec->code == '\0') && (spec->role == NULL || *spec->role == '\0')) {
            snprintf(err, errsz, "field 'code': an actor needs a code (or a role)");
            return -1;
        }
        if (spec->code != NULL && has_space(spec->code)) {
            snprintf(err, errsz, "field 'code': '%s' contains white space", spec->code);
            return -1;
        }
        break;
    case DY_KIND_CUE:
        if (spec->category == NULL) {
            snprintf(err, errsz, "field 'category': a cue needs a category");
            return -1;
        }
        e.subtype = (uint8_t)lookup_name(category_names, 12, spec->category);
        if (e.subtype == 0) {
            snprintf(err, errsz, "field 'category': unknown cue category '%s' (coop, conflict, dependency, "
                     "hedge, certainty, negation, intensifier, contrast, passive, agent or coordination)",
                     spec->category);
            return -1;
        }
        if (spec->reverse && e.subtype != DY_CUE_DEPENDENCY) {
            snprintf(err, errsz, "field 'direction': only dependency cues can be reversed");
            return -1;
        }
        break;
    case DY_KIND_SECTOR:
        if (spec->sector == NULL || *spec->sector == '\0') {
            snprintf(err, errsz, "field 'sector': a sector entry needs a sector name");
            return -1;
        }
        break;
    default:
        break;
    }
    /* fields that do not belong to the kind */
    if (e.kind != DY_KIND_ACTOR && (spec->code != NULL || spec->role != NULL || spec->type != NULL)) {
        snprintf(err, errsz, "field '%s': only actors have it", spec->code ? "code" : spec->role ? "role" : "type");
        return -1;
    }
    if (e.kind != DY_KIND_CUE && (spec->category != NULL || spec->cameo != NULL)) {
        snprintf(err, errsz, "field '%s': only cues have it", spec->category ? "category" : "cameo");
        return -1;
    }
    if (e.kind != DY_KIND_SECTOR && spec->sector != NULL) {
        snprintf(err, errsz, "field 'sector': only sector entries have it");
        return -1;
    }

    /* intern the strings */
    if ((e.term = intern_z(lex, t)) == 0) goto oom;
    if (spec->source != NULL && (e.source = intern_z(lex, spec->source)) == 0) goto oom;
    if (e.kind == DY_KIND_ACTOR) {
        if (spec->code != NULL && *spec->code != '\0') {
            if ((e.full_code = intern_z(lex, spec->code)) == 0) goto oom;
            if (split_code(lex, spec->code, &e.code, &e.role) != 0) goto oom;
        }
        if (spec->role != NULL && *spec->role != '\0' && (e.role = intern_z(lex, spec->role)) == 0) goto oom;
    } else if (e.kind == DY_KIND_CUE) {
        if (spec->cameo != NULL && *spec->cameo != '\0' && (e.code = intern_z(lex, spec->cameo)) == 0) goto oom;
    } else if (e.kind == DY_KIND_SECTOR) {
        if ((e.code = intern_z(lex, spec->sector)) == 0) goto oom;
    }
    return push_entry(lex, &e, err, errsz);
oom:
    snprintf(err, errsz, "out of memory");
    return -1;
}

static uint32_t remap(dy_lexicon *dst, const dy_lexicon *src, uint32_t id, int *fail)
{
    size_t len;
    const char *s;
    uint32_t r;
    if (id == 0) return 0;
    s = dy_strtab_get(&src->strings, id, &len);
    r = intern(dst, s, len);
    if (r == 0) *fail = 1;
    return r;
}

int dy_lexicon_merge(dy_lexicon *dst, const dy_lexicon *src)
{
    size_t i, n = src->n;  /* src may be dst: merge only what was there */
    char err[256];
    if (dst == src) {
        for (i = 0; i < n; i++) {
            dy_entry e = dst->entries[i];
            if (push_entry(dst, &e, err, sizeof err) < 0) return -1;
        }
        return 0;
    }
    for (i = 0; i < n; i++) {
        dy_entry e = src->entries[i];
        int fail = 0;
        e.term = remap(dst, src, e.term, &fail);
        e.code = remap(dst, src, e.code, &fail);
        e.full_code = remap(dst, src, e.full_code, &fail);
        e.role = remap(dst, src, e.role, &fail);
        e.source = remap(dst, src, e.source, &fail);
        if (fail || push_entry(dst, &e, err, sizeof err) < 0) return -1;
    }
    return 0;
}

size_t dy_lexicon_size(const dy_lexicon *lex)
{
    return lex->n;
}

const dy_entry *dy_lexicon_entry(const dy_lexicon *lex, uint32_t index)
{
    return index < lex->n ? &lex->entries[index] : NULL;
}

const char *dy_lexicon_string(const dy_lexicon *lex, uint32_t id)
{
    if (id == 0 || id > dy_strtab_size(&lex->strings)) return "";
    return dy_strtab_get(&lex->strings, id, NULL);
}

uint32_t dy_lexicon_find_string(const dy_lexicon *lex, const char *s)
{
    return dy_strtab_find(&lex->strings, s, strlen(s));
}

int dy_lexicon_compile(dy_lexicon *lex, char *err, size_t errsz)
{
    if (lex->built) return 0;
    if (lex->ac == NULL && fresh_automaton(lex, err, errsz) != 0) return -1;
    if (dy_automaton_build(lex->ac) != 0) {
        snprintf(err, errsz, "out of memory while building the automaton");
        return -1;
    }
    lex->built = 1;
    return 0;
}

/* Is cp a character words are made of? */
static int word_char(uint32_t cp)
{
    int c = dy_class(cp);
    return c == DY_CC_LETTER || c == DY_CC_DIGIT || c == DY_CC_IDEO;
}

/* The words of s[0..n): returns how many there are and stores, for the first `max`,
 * whether each starts with an upper-case letter. */
static size_t word_initials(const char *s, size_t n, uint8_t *up, size_t max)
{
    size_t i = 0, k = 0;
    int in_word = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = dy_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        int c = dy_class(cp);
        if (word_char(cp)) {
            if (!in_word || c == DY_CC_IDEO) {
                if (k < max) up[k] = (uint8_t)dy_is_upper(cp);
                k++;
            }
            in_word = 1;
        } else if (!(in_word && (c == DY_CC_APOS || c == DY_CC_IGNORE))) {
            in_word = 0;
        }
        i += len;
    }
    return k;
}

/* Does s[0..n) contain an upper-case letter (upper = 1: Lu, Lt), or a letter that is
 * not upper case (upper = 0: lower case, or a script without case)? */
static int has_case(const char *s, size_t n, int upper)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += dy_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (dy_is_upper(cp)) {
            if (upper) return 1;
        } else if (!upper && dy_class(cp) == DY_CC_LETTER) {
            return 1;
        }
    }
    return 0;
}

/* case = "title": the words written with a capital in the term must be capitalized in the
 * matched text ("the West" needs "West", not "the"); a term written without capitals
 * needs a capital first letter. When the words cannot be paired (the text has more or
 * fewer words than the term), the first letter decides.
 * All caps: a match with no lower-case letter ("TURKEY") shows the capitals of a term
 * that has lower-case letters ("Turkey") only when the writer chose them, so it counts
 * only when its line has a lower-case letter somewhere; on an all-caps line (a
 * headline, a shouted telex) case tells nothing and the entry does not apply. A term
 * written all in capitals ("UK", "UAE") is matched exactly by an all-caps match and
 * stays accepted there. `line` caches the last line examined (matches come in text
 * order, so every line is scanned at most once). */
static int title_ok(const dy_lexicon *lex, uint32_t p, const char *text, size_t len, uint32_t s, uint32_t e,
                    size_t line[3])
{
    uint8_t tu[32], xu[32];
    size_t tlen, nt, nx, k, a, b;
    const char *t = dy_strtab_get(&lex->strings, lex->pat_term[p], &tlen);
    int any = 0;
    nt = word_initials(t, tlen, tu, 32);
    nx = word_initials(text + s, e - s, xu, 32);
    if (nx == 0) return 0;
    for (k = 0; k < nt && k < 32; k++) any |= tu[k];
    if (!any || nt != nx || nt > 32) {
        if (!xu[0]) return 0;
    } else {
        for (k = 0; k < nt; k++) {
            if (tu[k] && !xu[k]) return 0;
        }
    }
    if (has_case(text + s, e - s, 0) || !has_case(t, tlen, 0)) return 1;
    /* an all-caps match of a mixed-case term: look at its line */
    if (!(line[2] != 0 && s >= line[0] && e <= line[1])) {
        for (a = s; a > 0 && text[a - 1] != '\n'; a--) {}
        for (b = e; b < len && text[b] != '\n'; b++) {}
        line[0] = a;
        line[1] = b;
        line[2] = 1 + (size_t)has_case(text + a, b - a, 0);
    }
    return line[2] == 2;
}

/* Case tests passed by the match of pattern p at [s, e): CASE_* bits. */
static unsigned case_flags(const dy_lexicon *lex, uint32_t p, const char *text, size_t len, uint32_t s,
                           uint32_t e, size_t line[3])
{
    unsigned f = 0;
    if (!(lex->pat_kinds[p] & TITLE_BIT) || title_ok(lex, p, text, len, s, e, line)) f |= CASE_TITLE;
    if (!(lex->pat_kinds[p] & LOWER_BIT) || !has_case(text + s, e - s, 1)) f |= CASE_LOWER;
    return f;
}

/* Does the entry's case requirement hold for a match with case flags f? */
static int case_applies(const dy_entry *en, unsigned f)
{
    if ((en->flags & DY_ENTRY_TITLECASE) && !(f & CASE_TITLE)) return 0;
    if ((en->flags & DY_ENTRY_LOWERCASE) && !(f & CASE_LOWER)) return 0;
    return 1;
}

static int same_payload(const dy_entry *a, const dy_entry *b)
{
    return a->full_code == b->full_code && a->code == b->code && a->role == b->role &&
           a->subtype == b->subtype;
}

/* Append a hit for match m resolved to entry `entry`. Returns 0 or -1 (out of memory). */
static int add_hit(dy_hits *out, const dy_match *m, uint32_t entry)
{
    if (DY_GROW(out->v, out->cap, out->n, 1) != 0) return -1;
    out->v[out->n].s = m->s;
    out->v[out->n].e = m->e;
    out->v[out->n].entry = entry;
    out->n++;
    return 0;
}

/* Resolve one selected match of `kind` into hits: the entries valid on the date (or the
 * most recent ones), one per distinct payload. */
static int resolve(const dy_lexicon *lex, const dy_match *m, int kind, unsigned cf, int32_t date, dy_hits *out)
{
    uint32_t i, j, p = m->id;
    int32_t best_to = 0, best_from = 0;
    int any = 0;
    i = lex->pat_head[p];
    if (i != NONE && lex->entry_next[i] == NONE) {
        /* one entry (most terms): it is its own most recent entry, and has no duplicate */
        const dy_entry *en = &lex->entries[i];
        if (en->kind != kind || !case_applies(en, cf)) return 0;
        if (date != DY_NODATE && (date < en->from || date > en->to)) return 0;
        return add_hit(out, m, i);
    }
    if (date == DY_NODATE) {
        for (i = lex->pat_head[p]; i != NONE; i = lex->entry_next[i]) {
            const dy_entry *en = &lex->entries[i];
            if (en->kind != kind || !case_applies(en, cf)) continue;
            if (!any || en->to > best_to || (en->to == best_to && en->from > best_from)) {
                best_to = en->to;
                best_from = en->from;
                any = 1;
            }
        }
        if (!any) return 0;
    }
    for (i = lex->pat_head[p]; i != NONE; i = lex->entry_next[i]) {
        const dy_entry *en = &lex->entries[i];
        int dup = 0;
        size_t k;
        if (en->kind != kind || !case_applies(en, cf)) continue;
        if (date == DY_NODATE) {
            if (en->to != best_to || en->from != best_from) continue;
        } else if (date < en->from || date > en->to) {
            continue;
        }
        /* one hit per distinct payload: skip when an earlier hit of this match has it */
        for (k = out->n; k > 0; k--) {
            const dy_hit *h = &out->v[k - 1];
            if (h->s != m->s || h->e != m->e) break;
            j = h->entry;
            if (lex->entries[j].kind == kind && same_payload(&lex->entries[j], en)) { dup = 1; break; }
        }
        if (dup) continue;
        if (add_hit(out, m, i) != 0) return -1;
    }
    return 0;
}

static int hit_less(const dy_hit *x, const dy_hit *y)
{
    if (x->s != y->s) return x->s < y->s;
    if (x->e != y->e) return x->e > y->e;
    return x->entry < y->entry;
}

/* Sort hits that come by selected match - by start, longer first, as dy_automaton_find
 * returns them - with the kinds and entries of one span interleaved in chain order:
 * insertion sort, moves bounded by the hits per span. */
static void sort_run(dy_hit *v, size_t n)
{
    size_t i, j;
    for (i = 1; i < n; i++) {
        dy_hit x;
        if (!hit_less(&v[i], &v[i - 1])) continue;
        x = v[i];
        j = i;
        do { v[j] = v[j - 1]; j--; } while (j > 0 && hit_less(&x, &v[j - 1]));
        v[j] = x;
    }
}

#define SELECT_BITS ((1u << DY_KIND_ACTOR) | (1u << DY_KIND_CUE) | (1u << DY_KIND_SECTOR))
#define KIND_BITS (SELECT_BITS | (1u << DY_KIND_DISCARD))

/* The kinds (bit 1 << kind) with an entry of pattern p that the case flags cf allow. A
 * pattern none of whose entries has a case requirement needs no walk. */
static unsigned applicable_kinds(const dy_lexicon *lex, uint32_t p, unsigned cf)
{
    unsigned mask = 0;
    uint32_t i;
    for (i = lex->pat_head[p]; i != NONE; i = lex->entry_next[i]) {
        const dy_entry *en = &lex->entries[i];
        if (case_applies(en, cf)) mask |= 1u << en->kind;
    }
    return mask;
}

int dy_lexicon_match(dy_lexicon *lex, const char *text, size_t len, int32_t date, dy_hits *out)
{
    dy_matches all = lex->all;
    size_t i, start = out->n, line[3] = { 0, 0, 0 };
    uint32_t best_e = 0, best_s = 0;
    uint32_t last[DY_KIND_SECTOR + 1] = { 0, 0, 0, 0 };  /* end of each kind's last selected match (0: none) */
    int have_discard = 0, rc = -1;
    char err[256];

    if (dy_lexicon_compile(lex, err, sizeof err) != 0) return -1;
    if (lex->npat == 0 || len == 0) return 0;
    lex->all.v = NULL;  /* taken over by `all` until done */
    lex->all.n = lex->all.cap = 0;
    all.n = 0;
    if (dy_automaton_find_scratch(lex->ac, text, len, 1, &all, &lex->scan) != 0) goto done;

    /* One pass over the raw matches (they come by start, longer first). Discards: a match
     * lying inside a longer discard match is dropped (the discard reaching furthest so
     * far decides). Each kind: leftmost-longest among the matches with an entry of that
     * kind the case guards allow (dy_select_leftmost_longest per kind, fused). */
    for (i = 0; i < all.n; i++) {
        const dy_match *m = &all.v[i];
        uint32_t p = m->id;
        unsigned pk = lex->pat_kinds[p], cf, mask, km;
        int blocked;
        if (pk & (TITLE_BIT | LOWER_BIT)) {
            cf = case_flags(lex, p, text, len, m->s, m->e, line);
            mask = applicable_kinds(lex, p, cf);
        } else {
            cf = CASE_TITLE | CASE_LOWER;
            mask = pk & KIND_BITS;
        }
        blocked = have_discard && (best_e > m->e || (best_e == m->e && best_s < m->s));
        if (mask & (1u << DY_KIND_DISCARD)) {
            if (!have_discard || m->e > best_e || (m->e == best_e && m->s < best_s)) {
                best_e = m->e;
                best_s = m->s;
                have_discard = 1;
            }
        }
        if (blocked) continue;
        /* the kinds of the match, actor first (lowest bit first) */
        for (km = mask & SELECT_BITS; km != 0; km &= km - 1) {
            int kind = (km & (1u << DY_KIND_ACTOR)) ? DY_KIND_ACTOR : (km & (1u << DY_KIND_CUE)) ? DY_KIND_CUE
                                                                                                : DY_KIND_SECTOR;
            if (m->s < last[kind]) continue;  /* overlaps the kind's last selected match */
            if (resolve(lex, m, kind, cf, date, out) != 0) goto done;
            last[kind] = m->e;
        }
    }
    sort_run(out->v + start, out->n - start);
    rc = 0;
done:
    if (all.cap * sizeof *all.v <= ((size_t)4 << 20)) {
        lex->all = all;
    } else {
        dy_matches_free(&all);
    }
    return rc;
}

size_t dy_lexicon_memory(const dy_lexicon *lex)
{
    size_t m = sizeof *lex + dy_strtab_memory(&lex->strings);
    m += lex->cap * sizeof *lex->entries + lex->cap_next * sizeof *lex->entry_next;
    m += lex->cap_term * sizeof *lex->term_pattern;
    m += (lex->cap_head + lex->cap_tail + lex->cap_pterm) * sizeof(uint32_t) + lex->cap_kinds;
    if (lex->ac != NULL) m += dy_automaton_memory(lex->ac);
    return m;
}

void dy_hits_free(dy_hits *h)
{
    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
}


const char *dy_kind_name(int kind)
{
    return kind >= 1 && kind <= 4 ? kind_names[kind] : "";
}
