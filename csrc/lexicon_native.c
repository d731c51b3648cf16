/*
 * lexicon_native.c - the native "dyadic" lexicon format, parsed in one pass straight
 * into a dy_lexicon (docs/LEXICON-FORMAT.md; docs/DESIGN.md has the measurements).
 *
 * Lines end at '\n' (a '\r' before it is dropped; a UTF-8 byte order mark is skipped).
 * White space is what Lua's %s is in the C locale: space, \t, \n, \v, \f, \r. Values are
 * copied NUL-terminated into two scratch buffers: the block's default attributes (kept
 * until the next header) and the current line's term, attributes and source. Nothing
 * here calls Lua, so every scratch byte is freed before returning.
 */
#include "lexicon_native.h"
#include "vec.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const field_names[DY_F_COUNT] = {
    "term", "kind", "code", "type", "role", "from", "to", "case", "category", "weight",
    "goldstein", "cameo", "direction", "sector", "source"
};

#define KEY_LIST "(code, type, role, from, to, case, category, weight, goldstein, cameo, direction, sector)"
#define HEADER "#!dyadic-lexicon"
#define ERRSZ 512  /* as the Lua binding's try_add: messages naming a value are cut alike */

static const unsigned char field_lens[DY_F_COUNT] = { 4, 4, 4, 4, 4, 4, 2, 4, 8, 6, 9, 5, 9, 6, 6 };

int dy_entry_field(const char *key, size_t len)
{
    int i;
    for (i = 0; i < DY_F_COUNT; i++) {
        if (field_lens[i] == len && key[0] == field_names[i][0] && memcmp(field_names[i], key, len) == 0) return i;
    }
    return -1;
}

const char *dy_entry_field_name(int field)
{
    return field >= 0 && field < DY_F_COUNT ? field_names[field] : "";
}

int dy_entry_spec_set(dy_entry_spec *spec, int field, const char *v, size_t len, char *err, size_t errsz)
{
    int k;
    if (field < 0 || field >= DY_F_COUNT || field == DY_F_WEIGHT || field == DY_F_GOLDSTEIN) {
        snprintf(err, errsz, "field '%s': not a string field", dy_entry_field_name(field));
        return -1;
    }
    if (memchr(v, '\0', len) != NULL) {  /* the C lexicon takes C strings: never cut one short */
        snprintf(err, errsz, "field '%s' contains a NUL byte", field_names[field]);
        return -1;
    }
    switch (field) {
    case DY_F_TERM: spec->term = v; break;
    case DY_F_KIND:
        for (k = DY_KIND_ACTOR; k <= DY_KIND_DISCARD; k++) {
            if (strcmp(v, dy_kind_name(k)) == 0) break;
        }
        if (k > DY_KIND_DISCARD) {
            snprintf(err, errsz, "field 'kind': unknown kind '%s' (actor, cue, sector or discard)", v);
            return -1;
        }
        spec->kind = k;
        break;
    case DY_F_CODE: spec->code = v; break;
    case DY_F_TYPE: spec->type = v; break;
    case DY_F_ROLE: spec->role = v; break;
    case DY_F_FROM: spec->from = v; break;
    case DY_F_TO: spec->to = v; break;
    case DY_F_CATEGORY: spec->category = v; break;
    case DY_F_CAMEO: spec->cameo = v; break;
    case DY_F_SECTOR: spec->sector = v; break;
    case DY_F_SOURCE: spec->source = v; break;
    case DY_F_CASE:
        if (strcmp(v, "title") == 0) spec->titlecase = 1;
        else if (strcmp(v, "lower") == 0) spec->lowercase = 1;
        else if (strcmp(v, "any") != 0) {
            snprintf(err, errsz, "field 'case': expected \"title\", \"lower\" or \"any\", got '%s'", v);
            return -1;
        }
        break;
    case DY_F_DIRECTION:
        if (strcmp(v, "reverse") == 0) spec->reverse = 1;
        else if (strcmp(v, "forward") != 0) {
            snprintf(err, errsz, "field 'direction': expected \"reverse\" or \"forward\", got '%s'", v);
            return -1;
        }
        break;
    default:
        break;
    }
    return 0;
}

void dy_native_problems_free(dy_native_problems *p)
{
    free(p->v);
    free(p->text);
    memset(p, 0, sizeof *p);
}

/* ---- the parser ---- */

typedef struct {
    char *v;
    size_t n, cap;
} buffer;

/* Attributes of a header or a line: string values as offsets into their buffer. */
typedef struct {
    unsigned set;                     /* bit (1 << field) for each key given */
    size_t off[DY_F_COUNT], len[DY_F_COUNT];
    double num[DY_F_COUNT];           /* weight, goldstein */
} attrs;

typedef struct {
    dy_lexicon *lex;
    const char *name;
    size_t namelen;
    dy_native_problems *out;
    int stop_at_first, stopped;
    long count;
    int kind;                         /* kind of the current block, 0 when none */
    int bad_block;                    /* the last header was malformed */
    buffer dbuf, lbuf;                /* block defaults; the current line */
    attrs defaults, line;
} parser;

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_alpha_(unsigned char c)
{
    return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int is_alnum_(unsigned char c)
{
    return is_alpha_(c) || (c >= '0' && c <= '9');
}

/* Append s[0..n) and a NUL; the offset of the copy in *off. */
static int buf_add(buffer *b, const char *s, size_t n, size_t *off)
{
    if (DY_GROW(b->v, b->cap, b->n, n + 1 < n ? SIZE_MAX : n + 1) != 0) return -1;
    if (n > 0) memcpy(b->v + b->n, s, n);
    b->v[b->n + n] = '\0';
    if (off != NULL) *off = b->n;
    b->n += n + 1;
    return 0;
}

/* Record a problem on `line`: the message is the concatenation of `n` pieces, each a
 * (const char *, size_t) pair where the size SIZE_MAX means strlen. Returns 0 or -1. */
static int report(parser *P, size_t line, int n, ...)
{
    dy_native_problems *o = P->out;
    size_t start = o->tlen;
    va_list ap;
    int i;
    if (DY_GROW(o->v, o->cap, o->n, 1) != 0) return -1;
    va_start(ap, n);
    for (i = 0; i < n; i++) {
        const char *s = va_arg(ap, const char *);
        size_t len = va_arg(ap, size_t);
        if (len == SIZE_MAX) len = strlen(s);
        if (DY_GROW(o->text, o->tcap, o->tlen, len) != 0) {
            va_end(ap);
            return -1;
        }
        if (len > 0) memcpy(o->text + o->tlen, s, len);
        o->tlen += len;
    }
    va_end(ap);
    if (DY_GROW(o->text, o->tcap, o->tlen, 1) != 0) return -1;
    o->text[o->tlen++] = '\0';
    o->v[o->n].line = line;
    o->v[o->n].msg = start;
    o->v[o->n].len = o->tlen - 1 - start;
    o->n++;
    P->count++;
    if (P->stop_at_first) P->stopped = 1;
    return 0;
}

#define LIT(s) (const char *)(s), (size_t)SIZE_MAX
#define SPAN(s, n) (const char *)(s), (size_t)(n)

/* Lua's tonumber on s[0..len) (NUL-terminated at len) as Lua 5.4 reads it: decimal or
 * hexadecimal, integer or float, white space around; never "inf" or "nan". Returns 0 or -1. */
static int to_number(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    char *stop;
    double d;
    if (len == 0 || memchr(s, '\0', len) != NULL) return -1;
    if (memchr(s, 'n', len) != NULL || memchr(s, 'N', len) != NULL) return -1;
    /* hexadecimal integers wrap around (Lua 5.4), they do not round to a float */
    while (p < end && is_space((unsigned char)*p)) p++;
    {
        const char *q = p;
        int neg = 0;
        if (q < end && (*q == '-' || *q == '+')) neg = *q++ == '-';
        if (end - q > 2 && q[0] == '0' && (q[1] | 0x20) == 'x') {
            uint64_t a = 0;
            const char *digits = q += 2;
            for (; q < end; q++) {
                unsigned c = (unsigned char)*q, v;
                if (c >= '0' && c <= '9') v = c - '0';
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') v = (c | 0x20) - 'a' + 10;
                else break;
                a = a * 16 + v;
            }
            if (q > digits) {
                const char *r = q;
                while (r < end && is_space((unsigned char)*r)) r++;
                if (r == end) {
                    if (neg) a = 0 - a;
                    *out = a <= (uint64_t)INT64_MAX ? (double)(int64_t)a : -(double)(0 - a);
                    return 0;
                }
            }
        }
    }
    d = strtod(s, &stop);
    if (stop == s) goto other_locale;
    while (stop < end && is_space((unsigned char)*stop)) stop++;
    if (stop != end) goto other_locale;
    *out = d;
    return 0;
other_locale:  /* as Lua: a host that set LC_NUMERIC still reads "1.5" */
    {
        const char *dot = memchr(s, '.', len);
        char tmp[201];
        char point = localeconv()->decimal_point[0];
        if (dot == NULL || point == '.' || len >= sizeof tmp) return -1;
        memcpy(tmp, s, len + 1);
        tmp[dot - s] = point;
        d = strtod(tmp, &stop);
        if (stop == tmp) return -1;
        while (*stop != '\0' && is_space((unsigned char)*stop)) stop++;
        if (*stop != '\0') return -1;
        *out = d;
        return 0;
    }
}

/* Report "key 'K' given twice" for field f: 1, or -1 when out of memory. */
static int twice(parser *P, size_t line, int f)
{
    return report(P, line, 3, LIT("key '"), LIT(field_names[f]), LIT("' given twice")) ? -1 : 1;
}

/* Parse "key=value key=\"a value\" ..." in s[0..e) into a (values copied to b).
 * Returns 0, 1 after reporting a malformed attribute, or -1 (out of memory). */
static int parse_attrs(parser *P, size_t line, const char *s, const char *e, attrs *a, buffer *b)
{
    const char *pos = s;
    a->set = 0;
    for (;;) {
        const char *k0, *after, *v0, *v1;
        int f;
        while (pos < e && is_space((unsigned char)*pos)) pos++;
        if (pos == e) break;
        k0 = pos;
        after = NULL;
        if (is_alpha_((unsigned char)*pos)) {
            const char *q = pos + 1;
            while (q < e && is_alnum_((unsigned char)*q)) q++;
            if (q < e && *q == '=') after = q + 1;
        }
        if (after == NULL) {
            const char *w = pos;
            while (w < e && !is_space((unsigned char)*w)) w++;
            return report(P, line, 3, LIT("expected key=value, got '"), SPAN(pos, w - pos), LIT("'")) ? -1 : 1;
        }
        f = dy_entry_field(k0, (size_t)(after - 1 - k0));
        if (f < DY_F_CODE || f > DY_F_SECTOR) {
            return report(P, line, 3, LIT("unknown key '"), SPAN(k0, after - 1 - k0), LIT("' " KEY_LIST)) ? -1 : 1;
        }
        if (after < e && *after == '"') {
            const char *close = memchr(after + 1, '"', (size_t)(e - after - 1));
            if (close == NULL) {
                return report(P, line, 3, LIT("key '"), LIT(field_names[f]), LIT("': unterminated quoted value"))
                    ? -1 : 1;
            }
            v0 = after + 1;
            v1 = close;
            pos = close + 1;
            if (pos < e && !is_space((unsigned char)*pos)) {
                return report(P, line, 3, LIT("key '"), LIT(field_names[f]),
                              LIT("': expected a space after the quoted value")) ? -1 : 1;
            }
        } else {
            v0 = pos = after;
            while (pos < e && !is_space((unsigned char)*pos) && *pos != '"') pos++;
            v1 = pos;
            if (pos < e && *pos == '"') {
                return report(P, line, 3, LIT("key '"), LIT(field_names[f]), LIT("': stray quote in value")) ? -1 : 1;
            }
        }
        if (v1 == v0) return report(P, line, 3, LIT("key '"), LIT(field_names[f]), LIT("': empty value")) ? -1 : 1;
        if (f == DY_F_WEIGHT || f == DY_F_GOLDSTEIN) {
            size_t off;
            double d;
            if (buf_add(b, v0, (size_t)(v1 - v0), &off) != 0) return -1;
            if (to_number(b->v + off, (size_t)(v1 - v0), &d) != 0) {
                return report(P, line, 5, LIT("key '"), LIT(field_names[f]), LIT("': '"), SPAN(v0, v1 - v0),
                              LIT("' is not a number")) ? -1 : 1;
            }
            b->n = off;  /* the number is kept, not the text */
            if (a->set & (1u << f)) return twice(P, line, f);
            a->num[f] = d;
        } else {
            if (a->set & (1u << f)) return twice(P, line, f);
            if (buf_add(b, v0, (size_t)(v1 - v0), &a->off[f]) != 0) return -1;
            a->len[f] = (size_t)(v1 - v0);
        }
        a->set |= 1u << f;
    }
    return 0;
}

/* Did dy_lexicon_add fail for want of memory? (It then says exactly "out of memory".) */
static int is_oom(const char *err)
{
    return strcmp(err, "out of memory") == 0;
}

/* Add the entry of a term line: term and source are in lbuf at term_off / src_off. */
static int add_entry(parser *P, size_t line, size_t term_off, size_t term_len, size_t src_off, size_t src_len)
{
    dy_entry_spec spec;
    char err[ERRSZ];
    int f;
    memset(&spec, 0, sizeof spec);
    spec.weight = NAN;
    spec.goldstein = NAN;
    spec.kind = P->kind;
    if (dy_entry_spec_set(&spec, DY_F_TERM, P->lbuf.v + term_off, term_len, err, sizeof err) != 0) goto bad;
    for (f = DY_F_CODE; f <= DY_F_SECTOR; f++) {
        const attrs *a;
        if (!((P->line.set | P->defaults.set) & (1u << f))) continue;
        a = (P->line.set & (1u << f)) ? &P->line : &P->defaults;
        if (f == DY_F_WEIGHT) spec.weight = a->num[f];
        else if (f == DY_F_GOLDSTEIN) spec.goldstein = a->num[f];
        else if (dy_entry_spec_set(&spec, f, (a == &P->line ? P->lbuf.v : P->dbuf.v) + a->off[f], a->len[f],
                                   err, sizeof err) != 0) goto bad;
    }
    if (dy_entry_spec_set(&spec, DY_F_SOURCE, P->lbuf.v + src_off, src_len, err, sizeof err) != 0) goto bad;
    if (dy_lexicon_add(P->lex, &spec, err, sizeof err) >= 0) return 0;
    if (is_oom(err)) return -1;
bad:
    return report(P, line, 1, LIT(err));
}

/* A term line s[0..e). Returns 0 or -1. */
static int term_line(parser *P, size_t line, const char *s, const char *e)
{
    const char *t0, *t1, *rest, *p;
    size_t term_off, term_len, src_off, src_len;
    char num[24];
    int r;
    /* '"term" | attrs' or '"term"' (quoted), else 'term | attrs' or 'term' */
    rest = e;
    t0 = NULL;
    t1 = NULL;
    for (p = s; p < e && is_space((unsigned char)*p); p++) continue;
    if (p < e && *p == '"') {
        const char *close = memchr(p + 1, '"', (size_t)(e - p - 1));
        if (close != NULL) {
            const char *q = close + 1;
            while (q < e && is_space((unsigned char)*q)) q++;
            if (q == e || *q == '|') {
                t0 = p + 1;
                t1 = close;
                rest = q == e ? e : q + 1;
            }
        }
    }
    if (t0 == NULL) {
        const char *bar = memchr(s, '|', (size_t)(e - s));
        t0 = s;
        t1 = bar != NULL ? bar : e;
        rest = bar != NULL ? bar + 1 : e;
    }
    /* the term, trimmed, white space runs collapsed to one space */
    P->lbuf.n = 0;
    if (DY_GROW(P->lbuf.v, P->lbuf.cap, 0, (size_t)(t1 - t0) + 1) != 0) return -1;
    term_off = 0;
    term_len = 0;
    for (p = t0; p < t1; p++) {
        if (!is_space((unsigned char)*p)) {
            P->lbuf.v[term_len++] = *p;
        } else if (term_len > 0 && p + 1 < t1 && !is_space((unsigned char)p[1])) {
            P->lbuf.v[term_len++] = ' ';
        }
    }
    P->lbuf.v[term_len] = '\0';
    P->lbuf.n = term_len + 1;
    if (term_len == 0) return report(P, line, 1, LIT("empty term before '|'"));
    r = parse_attrs(P, line, rest, e, &P->line, &P->lbuf);
    if (r != 0) return r < 0 ? -1 : 0;
    if (P->kind == 0) {
        /* after a malformed block header, its terms are not reported again */
        if (P->bad_block) return 0;
        return report(P, line, 1, LIT("term line before any @actor/@cue/@sector/@discard header"));
    }
    {  /* ":<line>" (snprintf cost as much as the rest of the line) */
        char *d = num + sizeof num;
        size_t v = line;
        *--d = '\0';
        do *--d = (char)('0' + v % 10); while ((v /= 10) != 0);
        *--d = ':';
        src_len = (size_t)(num + sizeof num - 1 - d);
        memmove(num, d, src_len + 1);
    }
    if (DY_GROW(P->lbuf.v, P->lbuf.cap, P->lbuf.n, P->namelen + src_len + 1) != 0) return -1;
    src_off = P->lbuf.n;
    if (P->namelen > 0) memcpy(P->lbuf.v + src_off, P->name, P->namelen);
    memcpy(P->lbuf.v + src_off + P->namelen, num, src_len + 1);
    src_len += P->namelen;
    P->lbuf.n += src_len + 1;
    return add_entry(P, line, term_off, term_len, src_off, src_len);
}

/* A block header s[0..e) (s at the '@'). Returns 0 or -1. */
static int header_line(parser *P, size_t line, const char *s, const char *e)
{
    const char *k0 = s + 1, *k1 = k0;
    int k, r;
    while (k1 < e && !is_space((unsigned char)*k1)) k1++;
    for (k = DY_KIND_ACTOR; k <= DY_KIND_DISCARD; k++) {
        const char *name = dy_kind_name(k);  /* the kind names lexicon.c keeps */
        if (strlen(name) == (size_t)(k1 - k0) && memcmp(name, k0, (size_t)(k1 - k0)) == 0) break;
    }
    P->kind = 0;
    P->bad_block = 1;
    if (k > DY_KIND_DISCARD) {
        return report(P, line, 3, LIT("unknown block kind '@"), SPAN(k0, k1 - k0),
                      LIT("' (@actor, @cue, @sector or @discard)"));
    }
    P->dbuf.n = 0;
    r = parse_attrs(P, line, k1, e, &P->defaults, &P->dbuf);
    if (r != 0) return r < 0 ? -1 : 0;
    P->kind = k;
    P->bad_block = 0;
    return 0;
}

/* Line 1 starting with "#!dyadic-lexicon": the version must be 1. */
static int format_header(parser *P, const char *s, const char *e)
{
    const char *p = s + sizeof HEADER - 1, *v0;
    int ok = 0;
    if (p < e && is_space((unsigned char)*p)) {
        while (p < e && is_space((unsigned char)*p)) p++;
        v0 = p;
        while (p < e && !is_space((unsigned char)*p)) p++;
        if (p - v0 == 1 && *v0 == '1') {
            while (p < e && is_space((unsigned char)*p)) p++;
            ok = p == e;
        }
    }
    if (ok) return 0;
    return report(P, 1, 3, LIT("unsupported format header '"), SPAN(s, e - s),
                  LIT("' (expected '#!dyadic-lexicon 1')"));
}

long dy_lexicon_load_native(dy_lexicon *lex, const char *text, size_t len, const char *name,
                            size_t namelen, int stop_at_first, dy_native_problems *out)
{
    parser P;
    const char *p = text, *end = text + len;
    size_t line = 0;
    int r = 0;
    memset(&P, 0, sizeof P);
    P.lex = lex;
    P.name = name;
    P.namelen = namelen;
    P.out = out;
    P.stop_at_first = stop_at_first;
    if (len >= 3 && memcmp(text, "\357\273\277", 3) == 0) p += 3;  /* UTF-8 byte order mark */
    while (p < end && r == 0 && !P.stopped) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl != NULL ? nl : end, *q;
        const char *next = nl != NULL ? nl + 1 : end;
        if (le > p && le[-1] == '\r') le--;
        line++;
        for (q = p; q < le && is_space((unsigned char)*q); q++) continue;
        if (line == 1 && (size_t)(le - p) >= sizeof HEADER - 1 && memcmp(p, HEADER, sizeof HEADER - 1) == 0) {
            r = format_header(&P, p, le);
        } else if (q == le || *q == '#') {
            /* comment or blank line */
        } else if (*q == '@') {
            r = header_line(&P, line, q, le);
        } else {
            r = term_line(&P, line, p, le);
        }
        p = next;
    }
    free(P.dbuf.v);
    free(P.lbuf.v);
    return r != 0 ? -1 : P.count;
}
