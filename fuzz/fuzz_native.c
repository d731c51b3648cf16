/*
 * fuzz_native.c - libFuzzer target for the native lexicon parser, dy_lexicon_load_native
 * (fuzz/run.sh builds and runs it).
 *
 * Properties on any input: at most one problem per line, in increasing line order, each
 * naming a line of the text, with a non-empty message; stopping at the first problem
 * gives exactly that problem and exactly the entries of the lines before it.
 * Oracle: a round trip. Every entry parsed is written back as native text (one "@kind"
 * header and one quoted term line with every attribute the entry carries), which must
 * parse with no problem into the same entries: term, kind, codes, role, type or
 * category, dates, weight, Goldstein value and flags.
 */
#include "date.h"
#include "lexicon.h"
#include "lexicon_native.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_native: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char *const type_names[] = { "", "state", "leader", "capital", "igo", "region", "group", "other" };
static const char *const category_names[] = {
    "", "coop", "conflict", "dependency", "hedge", "certainty", "negation", "intensifier",
    "contrast", "passive", "agent", "coordination"
};

typedef struct {
    char *v;
    size_t n, cap;
} text_buf;

static void put(text_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->v, cap);
        CHECK(p != NULL);
        b->v = p;
        b->cap = cap;
    }
    memcpy(b->v + b->n, s, n);
    b->n += n;
    b->v[b->n] = '\0';
}

static void puts_(text_buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* ` key="value"` (values never hold a double quote: the format cannot write one) */
static void attr(text_buf *b, const char *key, const char *value)
{
    CHECK(strchr(value, '"') == NULL);
    puts_(b, " ");
    puts_(b, key);
    puts_(b, "=\"");
    puts_(b, value);
    puts_(b, "\"");
}

static void attr_num(text_buf *b, const char *key, double v)
{
    char num[40];
    snprintf(num, sizeof num, "%.17g", v);
    attr(b, key, num);
}

static void attr_date(text_buf *b, const char *key, int32_t days)
{
    char d[16];
    size_t n = dy_period_label(DY_BY_DAY, days, d);
    d[n] = '\0';
    attr(b, key, d);
}

/* The native text of entry i of lex. */
static void write_entry(text_buf *b, const dy_lexicon *lex, uint32_t i)
{
    const dy_entry *e = dy_lexicon_entry(lex, i);
    const char *term = dy_lexicon_string(lex, e->term);
    puts_(b, "@");
    puts_(b, dy_kind_name(e->kind));
    puts_(b, "\n");
    if (strchr(term, '"') == NULL) {
        puts_(b, "\"");
        puts_(b, term);
        puts_(b, "\" |");
    } else {  /* read unquoted, so it holds no '|' and does not start with '@' or '#' */
        CHECK(strchr(term, '|') == NULL && term[0] != '@' && term[0] != '#');
        puts_(b, term);
        puts_(b, " |");
    }
    switch (e->kind) {
    case DY_KIND_ACTOR:
        if (e->full_code) attr(b, "code", dy_lexicon_string(lex, e->full_code));
        if (e->role) attr(b, "role", dy_lexicon_string(lex, e->role));
        attr(b, "type", type_names[e->subtype]);
        break;
    case DY_KIND_CUE:
        attr(b, "category", category_names[e->subtype]);
        if (e->code) attr(b, "cameo", dy_lexicon_string(lex, e->code));
        if (!isnan(e->goldstein)) attr_num(b, "goldstein", e->goldstein);
        if (e->flags & DY_ENTRY_REVERSE) attr(b, "direction", "reverse");
        break;
    case DY_KIND_SECTOR:
        attr(b, "sector", dy_lexicon_string(lex, e->code));
        break;
    default:
        break;
    }
    attr_num(b, "weight", e->weight);
    if (e->from != DY_DATE_MIN) attr_date(b, "from", e->from);
    if (e->to != DY_DATE_MAX) attr_date(b, "to", e->to);
    if (e->flags & DY_ENTRY_TITLECASE) attr(b, "case", "title");
    if (e->flags & DY_ENTRY_LOWERCASE) attr(b, "case", "lower");
    puts_(b, "\n");
}

static int same_string(const dy_lexicon *a, uint32_t ia, const dy_lexicon *b, uint32_t ib)
{
    return strcmp(dy_lexicon_string(a, ia), dy_lexicon_string(b, ib)) == 0;
}

/* The line number at the end of an entry's source "fuzz:<line>". */
static size_t source_line(const dy_lexicon *lex, uint32_t i)
{
    const char *s = dy_lexicon_string(lex, dy_lexicon_entry(lex, i)->source);
    CHECK(strncmp(s, "fuzz:", 5) == 0);
    return (size_t)strtoul(s + 5, NULL, 10);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *text = (const char *)data;
    dy_native_problems all, first;
    dy_lexicon *lex, *lex1, *lex2;
    size_t nlines = 1, k, n, before;
    long np, np1;
    text_buf b;

    for (k = 0; k < size; k++) nlines += data[k] == '\n';
    memset(&all, 0, sizeof all);
    memset(&first, 0, sizeof first);
    lex = dy_lexicon_new();
    lex1 = dy_lexicon_new();
    lex2 = dy_lexicon_new();
    CHECK(lex != NULL && lex1 != NULL && lex2 != NULL);

    np = dy_lexicon_load_native(lex, text, size, "fuzz", 4, 0, &all);
    CHECK(np >= 0 && (size_t)np == all.n);
    for (k = 0; k < all.n; k++) {
        CHECK(all.v[k].line >= 1 && all.v[k].line <= nlines);
        CHECK(k == 0 || all.v[k].line > all.v[k - 1].line);
        CHECK(all.v[k].len > 0 && all.v[k].msg + all.v[k].len < all.tlen);
        CHECK(all.text[all.v[k].msg + all.v[k].len] == '\0');
    }
    n = dy_lexicon_size(lex);
    for (k = 0; k < n; k++) {
        size_t line = source_line(lex, (uint32_t)k);
        CHECK(line >= 1 && line <= nlines);
        CHECK(k == 0 || line > source_line(lex, (uint32_t)k - 1));
    }

    /* stopping at the first problem: that problem, and the entries before it */
    np1 = dy_lexicon_load_native(lex1, text, size, "fuzz", 4, 1, &first);
    CHECK(np1 == (np > 0 ? 1 : 0));
    before = n;
    if (np > 0) {
        CHECK(first.v[0].line == all.v[0].line && first.v[0].len == all.v[0].len);
        CHECK(memcmp(first.text + first.v[0].msg, all.text + all.v[0].msg, all.v[0].len) == 0);
        for (before = 0; before < n && source_line(lex, (uint32_t)before) < all.v[0].line; before++) continue;
    }
    CHECK(dy_lexicon_size(lex1) == before);

    /* the round trip */
    memset(&b, 0, sizeof b);
    puts_(&b, "#!dyadic-lexicon 1\n");
    for (k = 0; k < n; k++) write_entry(&b, lex, (uint32_t)k);
    dy_native_problems_free(&first);
    np1 = dy_lexicon_load_native(lex2, b.v, b.n, "fuzz", 4, 0, &first);
    if (np1 != 0) {
        fprintf(stderr, "fuzz_native: round trip problem: line %lu: %s\n%s\n",
                (unsigned long)first.v[0].line, first.text + first.v[0].msg, b.v);
    }
    CHECK(np1 == 0);
    CHECK(dy_lexicon_size(lex2) == n);
    for (k = 0; k < n; k++) {
        const dy_entry *x = dy_lexicon_entry(lex, (uint32_t)k), *y = dy_lexicon_entry(lex2, (uint32_t)k);
        CHECK(same_string(lex, x->term, lex2, y->term));
        CHECK(same_string(lex, x->code, lex2, y->code));
        CHECK(same_string(lex, x->full_code, lex2, y->full_code));
        CHECK(same_string(lex, x->role, lex2, y->role));
        CHECK(x->kind == y->kind && x->subtype == y->subtype && x->flags == y->flags);
        CHECK(x->from == y->from && x->to == y->to);
        CHECK(x->weight == y->weight);
        CHECK((isnan(x->goldstein) && isnan(y->goldstein)) || x->goldstein == y->goldstein);
    }

    free(b.v);
    dy_native_problems_free(&all);
    dy_native_problems_free(&first);
    dy_lexicon_free(lex);
    dy_lexicon_free(lex1);
    dy_lexicon_free(lex2);
    return 0;
}
