/*
 * text.c - tokens and sentences (see text.h and docs/design/text.md).
 *
 * One left-to-right pass for tokens, one pass over the tokens for sentences; both
 * linear. ASCII bytes are classified through a 256-entry table and only bytes
 * >= 0x80 go through the UTF-8 decoder and the Unicode tables. Every span points
 * into the caller's bytes; nothing is copied.
 */
#include "text.h"
#include "unicode.h"
#include "vec.h"

#include <string.h>

/* Classes of the ASCII table: the DY_CC_* values, plus CM for "decode me". */
#define O DY_CC_OTHER
#define L DY_CC_LETTER
#define D DY_CC_DIGIT
#define S DY_CC_SPACE
#define H DY_CC_DASH
#define A DY_CC_APOS
#define CM 8
#define M CM
static const unsigned char ascii_class[256] = {
    O,O,O,O,O,O,O,O,O,S,S,S,S,S,O,O,
    O,O,O,O,O,O,O,O,O,O,O,O,O,O,O,O,
    S,O,O,O,O,O,O,A,O,O,O,O,O,H,O,O,
    D,D,D,D,D,D,D,D,D,D,O,O,O,O,O,O,
    O,L,L,L,L,L,L,L,L,L,L,L,L,L,L,L,
    L,L,L,L,L,L,L,L,L,L,L,O,O,O,O,O,
    O,L,L,L,L,L,L,L,L,L,L,L,L,L,L,L,
    L,L,L,L,L,L,L,L,L,L,L,O,O,O,O,O,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
    M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,M,
};
#undef O
#undef L
#undef D
#undef S
#undef H
#undef A
#undef M

/* Class and length of the character at p[i] (i < n). Invalid bytes are one-byte OTHER. */
static int char_at(const unsigned char *p, size_t n, size_t i, uint32_t *cp, size_t *len)
{
    int k = ascii_class[p[i]];
    if (k != CM) { *cp = p[i]; *len = 1; return k; }
    *len = dy_utf8_decode(p + i, n - i, cp);
    return *cp == DY_INVALID ? DY_CC_OTHER : dy_class(*cp);
}

static int is_alnum_class(int k) { return k == DY_CC_LETTER || k == DY_CC_DIGIT; }

/* Combining marks that attach to the character before them even when that character
 * is a one-character token (an ideograph, a Thai consonant, an emoji). Inside words
 * marks are letters already (DY_CC_LETTER); the Thai/Lao/Khmer/Myanmar/Tibetan marks
 * are in the IDEO class with their script, hence this list. */
static const uint32_t mark_ranges[][2] = {
    {0x0300, 0x036F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1},
    {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD}, {0x0F18, 0x0F19}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37},
    {0x0F39, 0x0F39}, {0x0F3E, 0x0F3F}, {0x0F71, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC},
    {0x102B, 0x103E}, {0x1056, 0x1059}, {0x105E, 0x1060}, {0x1062, 0x1064}, {0x1067, 0x106D},
    {0x1071, 0x1074}, {0x1082, 0x108D}, {0x108F, 0x108F}, {0x109A, 0x109D}, {0x17B4, 0x17D3},
    {0x17DD, 0x17DD}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0x302A, 0x302F},
    {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF},
};

static int is_mark(uint32_t cp)
{
    size_t lo = 0, hi = sizeof mark_ranges / sizeof mark_ranges[0];
    if (cp < 0x300) return 0;
    while (lo < hi) {  /* binary search over sorted, disjoint ranges */
        size_t mid = (lo + hi) / 2;
        if (cp < mark_ranges[mid][0]) hi = mid;
        else if (cp > mark_ranges[mid][1]) lo = mid + 1;
        else return 1;
    }
    return 0;
}

/* End of the run of combining marks starting at i. */
static size_t skip_marks(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && p[i] >= 0x80) {
        uint32_t cp;
        size_t l = dy_utf8_decode(p + i, n - i, &cp);
        if (cp == DY_INVALID || !is_mark(cp)) break;
        i += l;
    }
    return i;
}

/* Dashes that join compounds. Em dashes and the horizontal bar separate clauses instead. */
static int is_joiner_dash(uint32_t cp)
{
    return cp != 0x2014 && cp != 0x2015 && cp != 0x2E3A && cp != 0x2E3B && cp != 0xFE58;
}

/* Characters (not bytes: Thai or Cyrillic take 2-3 bytes each) in p[a..b). */
static size_t count_chars(const unsigned char *p, size_t a, size_t b)
{
    size_t i, n = 0;
    for (i = a; i < b; i++) n += (p[i] & 0xC0) != 0x80;
    return n;
}

static inline int push_token(dy_tokens *out, size_t s, size_t e, int kind, int flags)
{
    dy_token *t;
    if (out->n == out->cap && DY_GROW(out->v, out->cap, out->n, 1) != 0) return -1;
    t = &out->v[out->n++];
    t->s = (uint32_t)s;
    t->e = (uint32_t)e;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    return 0;
}

/* Does an abbreviation segment of 1..3 letters followed by '.' start at i? ("S." in "U.S.") */
static int abbrev_segment(const unsigned char *p, size_t n, size_t i)
{
    int count = 0;
    while (i < n) {
        uint32_t cp;
        size_t l;
        int k = char_at(p, n, i, &cp, &l);
        if (k == DY_CC_LETTER) {
            if (++count > 3) return 0;
            i += l;
        } else {
            return count > 0 && k == DY_CC_OTHER && p[i] == '.';
        }
    }
    return 0;
}

/* Scan the word or number starting at i (a letter or digit). Pushes it, and the possessive
 * token after it if any. Returns the position after what was consumed, or 0 on OOM
 * (a word is never empty, so 0 is never a valid answer). */
static size_t scan_word(const unsigned char *p, size_t n, size_t i, int first_class, uint32_t first_cp,
                        size_t first_len, int compound, dy_tokens *out)
{
    size_t start = i, last = i + first_len, seg_start = i;
    int has_alpha = first_class == DY_CC_LETTER;
    int prev_digit = first_class == DY_CC_DIGIT;
    int seg_ok = has_alpha, dots = 0;  /* seg_ok: the current dot-separated segment has no digit */
    int flags = compound ? DY_TF_COMPOUND : 0;
    size_t poss_s = 0, poss_e = 0;
    if (first_cp < 0x80 ? (first_cp >= 'A' && first_cp <= 'Z') : dy_is_upper(first_cp)) flags |= DY_TF_CAPITALIZED;
    i = last;
    while (i < n) {
        unsigned c = p[i];
        int k = ascii_class[c];
        uint32_t cp;
        size_t l;
        if (k == DY_CC_LETTER) {  /* the hot loop: a run of ASCII letters */
            do i++; while (i < n && ascii_class[p[i]] == DY_CC_LETTER);
            has_alpha = 1; prev_digit = 0; last = i;
            continue;
        }
        if (k == DY_CC_DIGIT) {
            do i++; while (i < n && ascii_class[p[i]] == DY_CC_DIGIT);
            prev_digit = 1; seg_ok = 0; last = i;
            continue;
        }
        if (k == CM) {
            k = char_at(p, n, i, &cp, &l);
            if (k == DY_CC_LETTER) { has_alpha = 1; prev_digit = 0; i += l; last = i; continue; }
            if (k == DY_CC_DIGIT) { prev_digit = 1; seg_ok = 0; i += l; last = i; continue; }
            if (k == DY_CC_IGNORE) { i += l; continue; }  /* soft hyphen, ZWJ...: skipped, not split */
        } else {
            l = 1;
        }
        if (last != i) break;  /* ignorable characters and then something else: stop at the last letter */
        if (k == DY_CC_APOS) {
            size_t j = i + l;
            uint32_t cp2;
            size_t l2;
            if (j < n && char_at(p, n, j, &cp2, &l2) == DY_CC_LETTER) {
                if ((cp2 == 's' || cp2 == 'S')) {
                    uint32_t cp3;
                    size_t l3;
                    if (j + 1 >= n || !is_alnum_class(char_at(p, n, j + 1, &cp3, &l3))) {
                        poss_s = i; poss_e = j + 1;  /* Russia's: the word ends before the apostrophe */
                        break;
                    }
                }
                i = j;  /* O'Brien, d'Ivoire, don't: the apostrophe is inside the word */
                prev_digit = 0; seg_ok = 0;
                continue;
            }
            break;
        }
        if (c == '.') {
            if (prev_digit && i + 1 < n && ascii_class[p[i + 1]] == DY_CC_DIGIT) {  /* 5.93, 1,200.5 */
                i++; seg_ok = 0;
                continue;
            }
            if (seg_ok && i - seg_start <= 12 && count_chars(p, seg_start, i) <= 3) {
                if (abbrev_segment(p, n, i + 1)) {  /* U.S., e.g., Ph.D. */
                    dots++; i++; seg_start = i;
                    continue;
                }
                if (dots > 0) {
                    last = i + 1;  /* the final dot of U.S. belongs to the word */
                    flags |= DY_TF_ABBREV;
                }
            }
            break;
        }
        if (c == ',' && prev_digit && !has_alpha && i + 4 <= n) {  /* 1,200 but not 1,2 */
            if (ascii_class[p[i + 1]] == DY_CC_DIGIT && ascii_class[p[i + 2]] == DY_CC_DIGIT &&
                ascii_class[p[i + 3]] == DY_CC_DIGIT && (i + 4 == n || ascii_class[p[i + 4]] != DY_CC_DIGIT)) {
                i += 4; last = i;
                continue;
            }
        }
        break;
    }
    if (push_token(out, start, last, has_alpha ? DY_TOK_WORD : DY_TOK_NUMBER, flags) != 0) return 0;
    if (poss_e) {
        if (push_token(out, poss_s, poss_e, DY_TOK_WORD, DY_TF_POSSESSIVE) != 0) return 0;
        return poss_e;
    }
    return last;
}

int dy_tokenize(const char *text, size_t len, dy_tokens *out)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t base = out->n, i = 0;
    int compound = 0;  /* a joining dash was just passed: the next word is a compound part */
    /* About one token per 6 bytes of prose: reserve once instead of doubling from 8. */
    if (out->cap - out->n < len / 6 + 16) (void)DY_GROW(out->v, out->cap, out->n, len / 6 + 16);
    while (i < len) {
        uint32_t cp;
        size_t l, e;
        int k = ascii_class[p[i]];
        if (k == CM) {
            k = char_at(p, len, i, &cp, &l);
        } else {
            cp = p[i]; l = 1;
        }
        switch (k) {
        case DY_CC_SPACE:
        case DY_CC_IGNORE:
            i += l;
            compound = 0;
            continue;
        case DY_CC_LETTER:
        case DY_CC_DIGIT:
            e = scan_word(p, len, i, k, cp, l, compound, out);
            if (e == 0) return -1;
            i = e;
            compound = 0;
            continue;
        case DY_CC_IDEO:
            e = skip_marks(p, len, i + l);
            if (push_token(out, i, e, DY_TOK_WORD, DY_TF_IDEO) != 0) return -1;
            i = e;
            compound = 0;
            continue;
        case DY_CC_DASH:
            if (out->n > base && out->v[out->n - 1].e == i && out->v[out->n - 1].kind != DY_TOK_PUNCT &&
                !(out->v[out->n - 1].flags & (DY_TF_IDEO | DY_TF_POSSESSIVE)) && is_joiner_dash(cp) &&
                i + l < len) {
                uint32_t cp2;
                size_t l2;
                if (is_alnum_class(char_at(p, len, i + l, &cp2, &l2))) {
                    out->v[out->n - 1].flags |= DY_TF_COMPOUND;  /* Moscow-Beijing: no token for '-' */
                    compound = 1;
                    i += l;
                    continue;
                }
            }
            break;
        default:
            break;
        }
        /* Punctuation, symbols, invalid bytes, NUL: one token per character. */
        e = skip_marks(p, len, i + l);
        if (push_token(out, i, e, DY_TOK_PUNCT, 0) != 0) return -1;
        i = e;
        compound = 0;
    }
    return 0;
}

/* ---------------------------------------------------------------- sentences */

typedef struct { const char *s; size_t len; } dy_word;
#define W(x) { x, sizeof(x) - 1 }

/* Abbreviations before a name: a following capital never starts a sentence. */
static const dy_word title_abbrevs[] = {
    W("Mr"), W("Mrs"), W("Ms"), W("Messrs"), W("Mme"), W("Dr"), W("Prof"), W("Gen"), W("Col"), W("Lt"),
    W("Sen"), W("Rep"), W("Gov"), W("Pres"), W("St"), W("Sgt"), W("Capt"), W("Maj"), W("Adm"), W("Cmdr"),
    W("Brig"), W("Rev"), W("Hon"), W("Fr"), W("Mt"), W("Ft"), W("Amb"), W("Supt"), W("Insp"), W("Det"),
    W("Atty"), W("Cpl"), W("Pvt"),
    {NULL, 0}
};

/* Abbreviations that may end a sentence: they end it only before a common sentence starter. */
static const dy_word other_abbrevs[] = {
    W("Jan"), W("Feb"), W("Mar"), W("Apr"), W("Jun"), W("Jul"), W("Aug"), W("Sep"), W("Sept"), W("Oct"),
    W("Nov"), W("Dec"), W("No"), W("Nos"), W("no"), W("vs"), W("etc"), W("Inc"), W("Ltd"), W("Corp"), W("Co"),
    W("Jr"), W("Sr"), W("approx"), W("est"), W("al"), W("cf"), W("Vol"), W("vol"), W("pp"), W("Fig"),
    W("fig"), W("Dept"), W("Univ"), W("Bros"), W("Ave"), W("Blvd"), W("Rd"), W("Art"), W("Sec"),
    {NULL, 0}
};

/* Capitalized words that commonly begin an English sentence (and rarely follow U.S. or an initial). */
static const dy_word starters[] = {
    W("The"), W("A"), W("An"), W("In"), W("On"), W("At"), W("For"), W("With"), W("But"), W("And"), W("Or"),
    W("So"), W("Yet"), W("It"), W("Its"), W("This"), W("That"), W("These"), W("Those"), W("There"),
    W("Their"), W("They"), W("He"), W("She"), W("His"), W("Her"), W("We"), W("Our"), W("I"), W("You"),
    W("However"), W("Meanwhile"), W("Moreover"), W("After"), W("Before"), W("When"), W("While"), W("If"),
    W("As"), W("Although"), W("Despite"), W("Since"), W("Still"), W("Then"), W("Thus"), W("Also"), W("Now"),
    W("One"), W("Some"), W("Many"), W("Most"), W("All"), W("Both"), W("Each"), W("Such"), W("What"), W("Why"),
    W("How"), W("Who"), W("Where"), W("Last"), W("Next"), W("Earlier"), W("Later"), W("Today"),
    W("Yesterday"), W("Tomorrow"), W("Officials"), W("Analysts"), W("According"), W("Under"), W("Over"),
    {NULL, 0}
};

static int in_list(const dy_word *list, const unsigned char *w, size_t n)
{
    for (; list->s != NULL; list++) {
        if (list->len == n && (unsigned char)list->s[0] == w[0] && memcmp(list->s, w, n) == 0) return 1;
    }
    return 0;
}

static uint32_t tok_cp(const unsigned char *p, const dy_token *t)
{
    uint32_t cp;
    dy_utf8_decode(p + t->s, t->e - t->s, &cp);
    return cp;
}

static int is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C || cp == 0x2047 ||
           cp == 0x2048 || cp == 0x2049 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

static int is_cjk_stop(uint32_t cp) { return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F; }

static int is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x2019 || cp == 0x201D ||
           cp == 0x00BB || cp == 0x203A || cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

static int is_opener(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
           cp == 0x201E || cp == 0x00AB || cp == 0x2039 || cp == 0x00BF || cp == 0x00A1 || cp == 0x300C ||
           cp == 0x300E || cp == 0xFF08;
}

/* Scripts with letter case; letters outside them (Arabic, Hebrew, Devanagari...) have no case,
 * so any word of theirs may start a sentence. */
static int is_cased_script(uint32_t cp)
{
    return cp < 0x0590 || (cp >= 0x10A0 && cp <= 0x10FF) || (cp >= 0x13A0 && cp <= 0x13FF) ||
           (cp >= 0x1C80 && cp <= 0x1CBF) || (cp >= 0x1D00 && cp <= 0x1FFF) ||
           (cp >= 0x2C00 && cp <= 0x2D2F) || (cp >= 0xA640 && cp <= 0xA69F) ||
           (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xABBF) ||
           (cp >= 0xFF21 && cp <= 0xFF5A) || (cp >= 0x10400 && cp <= 0x1044F) ||
           (cp >= 0x104B0 && cp <= 0x104FF) || (cp >= 0x10C80 && cp <= 0x10CFF) ||
           (cp >= 0x118A0 && cp <= 0x118FF) || (cp >= 0x16E40 && cp <= 0x16E9F) ||
           (cp >= 0x1E900 && cp <= 0x1E95F);
}

/* Can this token begin a sentence? A capitalized or caseless word, a number, an opening quote. */
static int starts_like_sentence(const unsigned char *p, const dy_token *t)
{
    uint32_t cp;
    if (t->kind == DY_TOK_NUMBER) return 1;
    if (t->kind == DY_TOK_WORD) {
        if (t->flags & (DY_TF_CAPITALIZED | DY_TF_IDEO)) return 1;
        if (t->flags & DY_TF_POSSESSIVE) return 0;
        cp = tok_cp(p, t);
        return cp >= 0x80 && !is_cased_script(cp);
    }
    return is_opener(tok_cp(p, t));
}

/* Lower-case function words a headline never ends on: a line ending in one ("State-run carmaker
 * Regie Nationale des") is a hard-wrapped sentence, not a headline. */
static const dy_word phrase_openers[] = {
    W("the"), W("a"), W("an"), W("of"), W("in"), W("on"), W("at"), W("to"), W("for"), W("with"), W("by"),
    W("from"), W("into"), W("and"), W("or"), W("but"), W("nor"), W("as"), W("than"), W("that"), W("which"),
    W("its"), W("their"), W("his"), W("her"), W("de"), W("des"), W("du"), W("la"), W("le"), W("les"),
    W("del"), W("der"), W("die"), W("und"), W("von"), W("van"), W("y"), W("e"),
    {NULL, 0}
};

/* Is token k a common sentence starter ("The"), and not itself an initial ("A. Smith")? */
static int is_starter(const unsigned char *p, const dy_token *t, size_t n, size_t k)
{
    if (t[k].kind != DY_TOK_WORD || !(t[k].flags & DY_TF_CAPITALIZED)) return 0;
    if (k + 1 < n && t[k + 1].s == t[k].e && t[k + 1].kind == DY_TOK_PUNCT && p[t[k + 1].s] == '.') return 0;
    return in_list(starters, p + t[k].s, t[k].e - t[k].s);
}

/* Newlines in the white space between two tokens: 0, 1, or 2 for a paragraph break. */
static int gap_newlines(const unsigned char *p, size_t a, size_t b)
{
    int nl = 0;
    size_t i;
    for (i = a; i < b; i++) {
        unsigned c = p[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= b || p[i + 1] != '\n')) || c == 0x0B || c == 0x0C) nl++;
        else if (c == 0xE2 && i + 2 < b && p[i + 1] == 0x80 && p[i + 2] == 0xA9) nl += 2;  /* U+2029 */
        else if (c == 0xE2 && i + 2 < b && p[i + 1] == 0x80 && p[i + 2] == 0xA8) nl++;     /* U+2028 */
        else if (c == 0xC2 && i + 1 < b && p[i + 1] == 0x85) nl++;                         /* NEL */
        if (nl >= 2) return 2;
    }
    return nl;
}

/* Tokens of a list marker at the start of a line: "•", "-", "*" (1 token) or "12." / "3)" (2),
 * each followed by white space. 0 when token k is no marker. */
static size_t bullet_len(const unsigned char *p, const dy_token *t, size_t n, size_t k)
{
    uint32_t cp;
    if (t[k].kind == DY_TOK_PUNCT) {
        cp = tok_cp(p, &t[k]);
        if ((cp == 0x2022 || cp == '-' || cp == '*' || cp == 0x2013 || cp == 0x2014 || cp == 0x25AA ||
             cp == 0x25CF || cp == 0x25E6 || cp == 0x2023 || cp == 0x00B7 || cp == 0x2043) &&
            k + 1 < n && t[k + 1].s > t[k].e)
            return 1;
        return 0;
    }
    if (t[k].kind == DY_TOK_NUMBER && t[k].e - t[k].s <= 2 && k + 2 < n && t[k + 1].s == t[k].e &&
        t[k + 1].kind == DY_TOK_PUNCT && (p[t[k + 1].s] == '.' || p[t[k + 1].s] == ')') &&
        t[k + 2].s > t[k + 1].e) {
        size_t i;
        for (i = t[k].s; i < t[k].e; i++) {
            if (p[i] < '0' || p[i] > '9') return 0;
        }
        return 2;
    }
    return 0;
}

static int push_sentence(dy_sentences *out, const dy_token *t, size_t first, size_t last_excl)
{
    dy_sentence *s;
    if (last_excl <= first) return 0;
    if (DY_GROW(out->v, out->cap, out->n, 1) != 0) return -1;
    s = &out->v[out->n++];
    s->s = t[first].s;
    s->e = t[last_excl - 1].e;
    s->tok_first = (uint32_t)first;
    s->tok_end = (uint32_t)last_excl;
    return 0;
}

/* A headline: the line holds the whole sentence so far, ends in a word or number that is not
 * a function word opening a phrase, and the next line starts like a sentence; the line is short (< 40 characters) or the next line is
 * at least 1.5 times as long (a wrapped paragraph has lines of about equal length). */
static int headline_break(const unsigned char *p, size_t len, const dy_token *t, size_t k, size_t line_first)
{
    size_t line_len, next_len, next_end;
    const unsigned char *nl;
    if (t[k - 1].kind == DY_TOK_PUNCT || !starts_like_sentence(p, &t[k])) return 0;
    if (in_list(phrase_openers, p + t[k - 1].s, t[k - 1].e - t[k - 1].s)) return 0;
    if (t[k - 1].e - t[line_first].s > 400) return 0;
    line_len = count_chars(p, t[line_first].s, t[k - 1].e);
    if (line_len > 100) return 0;
    if (line_len < 40) return 1;
    nl = memchr(p + t[k].s, '\n', len - t[k].s);
    next_end = nl ? (size_t)(nl - p) : len;
    if (next_end - t[k].s >= 3 * 400) return 1;
    next_len = count_chars(p, t[k].s, next_end);
    return 2 * next_len >= 3 * line_len;
}

/* Abbreviation kind of the word before a single '.': 0 none, 1 title (never ends),
 * 2 other abbreviation or initial (ends only before a sentence starter). */
static int abbrev_kind(const unsigned char *p, const dy_token *w)
{
    size_t n = w->e - w->s;
    uint32_t cp;
    size_t l;
    if (n <= 6 && in_list(title_abbrevs, p + w->s, n)) return 1;
    if (n <= 6 && in_list(other_abbrevs, p + w->s, n)) return 2;
    l = dy_utf8_decode(p + w->s, n, &cp);
    if (l == n && (w->flags & DY_TF_CAPITALIZED)) return 2;  /* an initial: J. R. R. Tolkien */
    return 0;
}

int dy_split_sentences(const char *text, size_t len, const dy_tokens *toks, dy_sentences *out)
{
    const unsigned char *p = (const unsigned char *)text;
    const dy_token *t = toks->v;
    size_t n = toks->n, k = 0, first = 0, line_first = 0;
    while (k < n) {
        int nl = k == 0 ? 1 : gap_newlines(p, t[k - 1].e, t[k].s);
        if (nl) {  /* token k starts a line */
            size_t m = bullet_len(p, t, n, k);
            if (m || (first < k && (nl >= 2 || (first == line_first && headline_break(p, len, t, k, line_first))))) {
                if (push_sentence(out, t, first, k) != 0) return -1;
                first = k + m;
            }
            k += m;
            line_first = k;
            if (m) continue;
        }
        if (t[k].kind == DY_TOK_PUNCT && is_terminal(tok_cp(p, &t[k]))) {
            uint32_t cp = tok_cp(p, &t[k]);
            size_t j = k;
            int single_dot = cp == '.', cjk = is_cjk_stop(cp), brk = 0;
            while (j + 1 < n && t[j + 1].s == t[j].e && t[j + 1].kind == DY_TOK_PUNCT &&
                   is_terminal(cp = tok_cp(p, &t[j + 1]))) {
                j++;
                single_dot = 0;
                cjk |= is_cjk_stop(cp);
            }
            while (j + 1 < n && t[j + 1].s == t[j].e && t[j + 1].kind == DY_TOK_PUNCT &&
                   is_closer(tok_cp(p, &t[j + 1])))
                j++;
            if (j + 1 < n) {
                if (cjk) {
                    brk = 1;
                } else if (t[j + 1].s > t[j].e && starts_like_sentence(p, &t[j + 1])) {
                    int ak = 0;
                    if (single_dot && k > first && t[k - 1].e == t[k].s && t[k - 1].kind == DY_TOK_WORD)
                        ak = abbrev_kind(p, &t[k - 1]);
                    brk = ak == 0 ? 1 : ak == 2 ? is_starter(p, t, n, j + 1) : 0;
                }
            }
            if (brk) {
                if (push_sentence(out, t, first, j + 1) != 0) return -1;
                first = j + 1;
            }
            k = j + 1;
            continue;
        }
        if (t[k].kind == DY_TOK_WORD && (t[k].flags & DY_TF_ABBREV)) {  /* U.S. The ... */
            size_t j = k;
            while (j + 1 < n && t[j + 1].s == t[j].e && t[j + 1].kind == DY_TOK_PUNCT &&
                   is_closer(tok_cp(p, &t[j + 1])))
                j++;
            if (j + 1 < n && t[j + 1].s > t[j].e && is_starter(p, t, n, j + 1)) {
                if (push_sentence(out, t, first, j + 1) != 0) return -1;
                first = j + 1;
            }
            k = j + 1;
            continue;
        }
        k++;
    }
    return push_sentence(out, t, first, n);
}

void dy_tokens_free(dy_tokens *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

void dy_sentences_free(dy_sentences *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}
