/*
 * text.c - tokens and sentences (see text.h and docs/DESIGN.md (the text section)).
 *
 * One left-to-right pass for tokens, one pass over the tokens for sentences; both
 * linear. ASCII bytes are classified through a 256-entry table and only bytes
 * >= 0x80 go through the UTF-8 decoder and the Unicode tables. Every span points
 * into the caller's bytes; nothing is copied.
 *
 * Speed (docs/DESIGN.md (the text section), "Measurements"): dy_tokenize is a tight loop over ASCII
 * white space, plain ASCII words and numbers and ASCII punctuation, writing tokens
 * through local copies of the array; every other case goes to slow_token, which applies
 * the full rules. The fast paths only take inputs where the full rules give the same
 * result. dy_split_sentences skips words and numbers separated by one space or none
 * before it looks at anything else.
 */
#include "text.h"
#include "unicode.h"
#include "vec.h"

#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define DY_TEXT_SSE2 1
#else
#define DY_TEXT_SSE2 0
#endif

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
 * are in the IDEO class with their script, hence this list. is_mark and mark_lead
 * shortcut the gaps of this table: change them with it. */
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
    /* the wide gaps of the table first: Greek to Devanagari, CJK and Hangul */
    if (cp < 0x300 || (cp > 0x036F && cp < 0x0E31) || (cp > 0x309A && cp < 0xFE00)) return 0;
    while (lo < hi) {  /* binary search over sorted, disjoint ranges */
        size_t mid = (lo + hi) / 2;
        if (cp < mark_ranges[mid][0]) hi = mid;
        else if (cp > mark_ranges[mid][1]) lo = mid + 1;
        else return 1;
    }
    return 0;
}

/* Can a character starting with byte c be in mark_ranges? Their UTF-8 lead bytes are CC-CD
 * (U+0300-036F), E0-E3 (U+0E31-309A), EF (U+FE00-FE2F) and F3 (U+E0100-E01EF); any other
 * byte (an ideograph after an ideograph, Cyrillic, ASCII) needs no decoding. */
static int mark_lead(unsigned c)
{
    return c == 0xCC || c == 0xCD || (c >= 0xE0 && c <= 0xE3) || c == 0xEF || c == 0xF3;
}

/* End of the run of combining marks starting at i. */
static size_t skip_marks(const unsigned char *p, size_t n, size_t i)
{
    while (i < n && mark_lead(p[i])) {
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
    size_t i = a, n = b - a;
    /* bytes minus continuation bytes (10xxxxxx), eight bytes at a time: per byte, bit 7 set
     * and bit 6 clear; the multiply sums the eight 0/1 bytes into the top byte */
    while (b - i >= 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        w = (w & ~(w << 1) & 0x8080808080808080u) >> 7;
        n -= (size_t)((w * 0x0101010101010101u) >> 56);
        i += 8;
    }
    for (; i < b; i++) n -= (p[i] & 0xC0) == 0x80;
    return n;
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

/* What a word scan found: the word [start, last) and, when poss_e != 0, the possessive
 * token [poss_s, poss_e) after it. */
typedef struct {
    size_t last, poss_s, poss_e;
    int kind, flags;
} word_scan;

/* The general word scanner: the word or number starting at i (a letter or digit of class
 * first_class, code point first_cp, first_len bytes), any script, with abbreviations,
 * decimals, thousands separators, apostrophes and ignorable characters. The tokenizer's
 * fast paths handle plain ASCII runs themselves and come here for everything else. */
static void scan_word(const unsigned char *p, size_t n, size_t i, int first_class, uint32_t first_cp,
                      size_t first_len, int compound, word_scan *w)
{
    size_t last = i + first_len, seg_start = i;
    int has_alpha = first_class == DY_CC_LETTER;
    int prev_digit = first_class == DY_CC_DIGIT;
    int seg_ok = has_alpha, dots = 0;  /* seg_ok: the current dot-separated segment has no digit */
    int flags = compound ? DY_TF_COMPOUND : 0;
    w->poss_s = w->poss_e = 0;
    if (first_cp < 0x80 ? (first_cp >= 'A' && first_cp <= 'Z') : dy_is_upper(first_cp)) flags |= DY_TF_CAPITALIZED;
    i = last;
    while (i < n) {
        unsigned c = p[i];
        int k = ascii_class[c];
        uint32_t cp;
        size_t l;
        if (k == DY_CC_LETTER) {  /* a run of ASCII letters */
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
                        w->poss_s = i; w->poss_e = j + 1;  /* Russia's: the word ends before the apostrophe */
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
    w->last = last;
    w->kind = has_alpha ? DY_TOK_WORD : DY_TOK_NUMBER;
    w->flags = flags;
}

/* End of the run of ASCII letters starting at j. With SSE2 (every x86-64) 16 bytes at a time:
 * a byte is a letter when (byte | 0x20) - 'a' < 26 as an unsigned byte, tested as a signed
 * compare after flipping the high bit (x + 0x1F == (x - 'a') ^ 0x80); bytes >= 0x80 fail it.
 * Otherwise, and for the tail, a loop unrolled by four. */
static inline size_t letter_run(const unsigned char *p, size_t j, size_t len)
{
#if DY_TEXT_SSE2
    const __m128i fold = _mm_set1_epi8(0x20), bias = _mm_set1_epi8(0x1F), lim = _mm_set1_epi8(-128 + 26);
    while (len - j >= 16) {
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(p + j)), fold);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(x, bias), lim)) ^ 0xFFFFu;
        if (m) return j + (size_t)__builtin_ctz(m);
        j += 16;
    }
#endif
    while (len - j >= 4) {
        if (ascii_class[p[j]] != DY_CC_LETTER) return j;
        if (ascii_class[p[j + 1]] != DY_CC_LETTER) return j + 1;
        if (ascii_class[p[j + 2]] != DY_CC_LETTER) return j + 2;
        if (ascii_class[p[j + 3]] != DY_CC_LETTER) return j + 3;
        j += 4;
    }
    while (j < len && ascii_class[p[j]] == DY_CC_LETTER) j++;
    return j;
}

/* What may follow a plain ASCII letter or digit run, for the fast paths of dy_tokenize:
 * END ends any run (ASCII white space, '-', ASCII punctuation other than '.' and ','); DOT
 * and COMMA end a run only sometimes; 0 (letters, digits, the apostrophe, bytes >= 0x80)
 * sends the word to scan_word. */
#define END 1
#define DOT 2
#define COM 3
static const unsigned char run_stop[256] = {
    END,END,END,END,END,END,END,END,END,END,END,END,END,END,END,END,
    END,END,END,END,END,END,END,END,END,END,END,END,END,END,END,END,
    END,END,END,END,END,END,END, 0 ,END,END,END,END,COM,END,DOT,END,
     0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 ,END,END,END,END,END,END,
    END, 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 ,
     0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 ,END,END,END,END,END,
    END, 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 ,
     0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 , 0 ,END,END,END,END,END,
};  /* bytes 0x80..0xFF: 0 */

/* Keep the rare paths out of the hot loop of dy_tokenize, so that its few variables stay
 * in registers. */
#if defined(__GNUC__)
#define DY_NOINLINE __attribute__((noinline))
#else
#define DY_NOINLINE
#endif

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

/* Where slow_token stopped: the position after what it consumed (0 when memory ran out:
 * something is always consumed, so 0 is never valid), and whether a joining dash was just
 * passed. Returned by value so that dy_tokenize keeps its state in registers. */
typedef struct { size_t i; int compound; } slow_result;

/* Everything but white space and plain ASCII words and numbers: the token (or skipped
 * character) at i. compound is the state of dy_tokenize; base is where this text's tokens
 * begin in out. */
static DY_NOINLINE slow_result slow_token(const unsigned char *p, size_t len, size_t i, int compound, size_t base,
                                          dy_tokens *out)
{
    slow_result r;
    uint32_t cp;
    size_t l, e;
    int k = ascii_class[p[i]];
    if (k == CM) {
        k = char_at(p, len, i, &cp, &l);
    } else {
        cp = p[i]; l = 1;
    }
    r.compound = 0;
    switch (k) {
    case DY_CC_SPACE:
    case DY_CC_IGNORE:
        r.i = i + l;
        return r;
    case DY_CC_LETTER:
    case DY_CC_DIGIT: {
        word_scan w;
        scan_word(p, len, i, k, cp, l, compound, &w);
        r.i = w.poss_e ? w.poss_e : w.last;
        if (push_token(out, i, w.last, w.kind, w.flags) != 0 ||
            (w.poss_e && push_token(out, w.poss_s, w.poss_e, DY_TOK_WORD, DY_TF_POSSESSIVE) != 0))
            r.i = 0;
        return r;
    }
    case DY_CC_IDEO:
        e = skip_marks(p, len, i + l);
        r.i = push_token(out, i, e, DY_TOK_WORD, DY_TF_IDEO) != 0 ? 0 : e;
        return r;
    case DY_CC_DASH: {
        dy_token *prev = out->n > base ? &out->v[out->n - 1] : NULL;
        if (prev != NULL && prev->e == i && prev->kind != DY_TOK_PUNCT &&
            !(prev->flags & (DY_TF_IDEO | DY_TF_POSSESSIVE)) && is_joiner_dash(cp) && i + l < len) {
            uint32_t cp2;
            size_t l2;
            if (is_alnum_class(char_at(p, len, i + l, &cp2, &l2))) {
                prev->flags |= DY_TF_COMPOUND;  /* Moscow-Beijing: no token for '-' */
                r.compound = 1;
                r.i = i + l;
                return r;
            }
        }
        break;
    }
    default:
        break;
    }
    /* Punctuation, symbols, invalid bytes, NUL: one token per character. */
    e = skip_marks(p, len, i + l);
    r.i = push_token(out, i, e, DY_TOK_PUNCT, 0) != 0 ? 0 : e;
    return r;
}

/* Append a token through the local copies v, n, cap of dy_tokenize (kept in registers: a
 * store through out-> would alias the uint8_t fields). */
#define PUSH(S, E, K, F) do {                                                   \
        dy_token tk_;                                                           \
        if (n == cap) {                                                         \
            out->n = n;                                                         \
            if (DY_GROW(out->v, out->cap, n, 1) != 0) return -1;                \
            v = out->v; cap = out->cap;                                         \
        }                                                                       \
        tk_.s = (uint32_t)(S); tk_.e = (uint32_t)(E);                           \
        tk_.kind = (uint8_t)(K); tk_.flags = (uint8_t)(F);                      \
        v[n++] = tk_;                                                           \
    } while (0)

/* The hot loop: ASCII white space, and plain ASCII words and numbers (a letter or digit run
 * ended by something that cannot continue it) are handled here; anything else goes through
 * slow_token, which gives the same result for these cases too, only slower. */
int dy_tokenize(const char *text, size_t len, dy_tokens *out)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t base = out->n, i = 0, n, cap;
    dy_token *v;
    int compound = 0;  /* a joining dash was just passed: the next word is a compound part */
    /* About one token per 5.5 bytes of prose: reserve once instead of doubling from 8. */
    if (out->cap - out->n < len / 5 + 16) (void)DY_GROW(out->v, out->cap, out->n, len / 5 + 16);
    v = out->v; n = out->n; cap = out->cap;
    while (i < len) {
        int k = ascii_class[p[i]];
        if (k == DY_CC_SPACE) {  /* ASCII white space */
            do i++; while (i < len && ascii_class[p[i]] == DY_CC_SPACE);
            compound = 0;
            continue;
        }
        if (k == DY_CC_LETTER && !compound) {  /* plain ASCII words, one space apart */
            for (;;) {
                size_t j = letter_run(p, i + 1, len);
                int stop;
                if (j < len && p[j] == ' ') {  /* the usual end of a word */
                    PUSH(i, j, DY_TOK_WORD, p[i] <= 'Z' ? DY_TF_CAPITALIZED : 0);
                    i = j + 1;
                    if (i < len && ascii_class[p[i]] == DY_CC_LETTER) continue;
                    break;
                }
                /* ',' only continues numbers; '.' continues the word only as in U.S. (1-3 letters,
                 * a dot, 1-3 letters, a dot) */
                if (!(j == len || (stop = run_stop[p[j]]) == END || stop == COM ||
                      (stop == DOT && (j - i > 3 || !abbrev_segment(p, len, j + 1)))))
                    goto slow;  /* scan_word decides */
                PUSH(i, j, DY_TOK_WORD, p[i] <= 'Z' ? DY_TF_CAPITALIZED : 0);
                i = j;
                break;
            }
            continue;
        }
        if (k == DY_CC_DIGIT && !compound) {  /* a plain ASCII number: 1987, 5.93, 155,221 */
            size_t j = i + 1;
            for (;;) {
                while (j < len && ascii_class[p[j]] == DY_CC_DIGIT) j++;
                if (len - j < 2) break;
                if (p[j] == '.' && ascii_class[p[j + 1]] == DY_CC_DIGIT) {  /* a decimal point */
                    j += 2;
                } else if (p[j] == ',' && len - j >= 4 && ascii_class[p[j + 1]] == DY_CC_DIGIT &&
                           ascii_class[p[j + 2]] == DY_CC_DIGIT && ascii_class[p[j + 3]] == DY_CC_DIGIT &&
                           (len - j == 4 || ascii_class[p[j + 4]] != DY_CC_DIGIT)) {  /* thousands */
                    j += 4;
                } else {
                    break;
                }
            }
            /* any '.' or ',' here ends the number (it continues none of the forms above) */
            if (j == len || run_stop[p[j]] != 0) {
                PUSH(i, j, DY_TOK_NUMBER, 0);
                i = j;
                continue;
            }
        }
        if ((k == DY_CC_OTHER || k == DY_CC_APOS) && (i + 1 == len || p[i + 1] < 0x80)) {
            PUSH(i, i + 1, DY_TOK_PUNCT, 0);  /* ASCII punctuation, no combining mark after it */
            i++;
            compound = 0;
            continue;
        }
    slow: {
            slow_result r;
            out->n = n;
            r = slow_token(p, len, i, compound, base, out);
            if (r.i == 0) return -1;
            i = r.i;
            compound = r.compound;
            v = out->v; n = out->n; cap = out->cap;
        }
    }
    out->n = n;
    return 0;
}
#undef PUSH
#undef END
#undef DOT
#undef COM

/* ---------------------------------------------------------------- sentences */

/* A word list grouped by length: by_len[n] is the concatenation of its words of n bytes, so
 * a lookup only walks the words of the right length. */
typedef struct { const char *by_len[10]; } dy_wordset;

/* Abbreviations before a name: a following capital never starts a sentence. */
static const dy_wordset title_abbrevs = {{  /* 33 words */
    /* 0 */ NULL,
    /* 1 */ NULL,
    /* 2 */ "MrMsDrLtStFrMtFt",
    /* 3 */ "MrsMmeGenColSenRepGovSgtMajAdmRevHonAmbDetCplPvt",
    /* 4 */ "ProfPresCaptCmdrBrigSuptInspAtty",
    /* 5 */ NULL,
    /* 6 */ "Messrs",
}};

/* Abbreviations that may end a sentence: they end it only before a common sentence starter. */
static const dy_wordset other_abbrevs = {{  /* 40 words */
    /* 0 */ NULL,
    /* 1 */ NULL,
    /* 2 */ "NonovsCoJrSralcfppRd",
    /* 3 */ "JanFebMarAprJunJulAugSepOctNovDecNosetcIncLtdestVolvolFigfigAveArtSec",
    /* 4 */ "SeptCorpDeptUnivBrosBlvd",
    /* 5 */ NULL,
    /* 6 */ "approx",
}};

/* Capitalized words that commonly begin an English sentence (and rarely follow U.S. or an initial). */
static const dy_wordset starters = {{  /* 72 words */
    /* 0 */ NULL,
    /* 1 */ "AI",
    /* 2 */ "AnInOnAtOrSoItHeWeIfAs",
    /* 3 */ "TheForButAndYetItsSheHisHerOurYouNowOneAllWhyHowWho",
    /* 4 */ "WithThisThatTheyWhenThenThusAlsoSomeManyMostBothEachSuchWhatLastNextOver",
    /* 5 */ "TheseThoseThereTheirAfterWhileSinceStillWhereLaterTodayUnder",
    /* 6 */ "Before",
    /* 7 */ "HoweverDespiteEarlier",
    /* 8 */ "MoreoverAlthoughTomorrowAnalysts",
    /* 9 */ "MeanwhileYesterdayOfficialsAccording",
}};

static int in_set(const dy_wordset *ws, const unsigned char *w, size_t n)
{
    const char *g;
    if (n == 0 || n >= sizeof ws->by_len / sizeof ws->by_len[0] || (g = ws->by_len[n]) == NULL) return 0;
    for (; *g; g += n) {
        if ((unsigned char)g[0] == w[0] && memcmp(g, w, n) == 0) return 1;
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
static const dy_wordset phrase_openers = {{  /* 39 words */
    /* 0 */ NULL,
    /* 1 */ "aye",
    /* 2 */ "anofinonattobyorasdedulale",
    /* 3 */ "theforandbutnoritshisherdeslesdelderdieundvonvan",
    /* 4 */ "withfromintothanthat",
    /* 5 */ "whichtheir",
}};

/* Is token k a common sentence starter ("The"), and not itself an initial ("A. Smith")? */
static int is_starter(const unsigned char *p, const dy_token *t, size_t n, size_t k)
{
    if (t[k].kind != DY_TOK_WORD || !(t[k].flags & DY_TF_CAPITALIZED)) return 0;
    if (k + 1 < n && t[k + 1].s == t[k].e && t[k + 1].kind == DY_TOK_PUNCT && p[t[k + 1].s] == '.') return 0;
    return in_set(&starters, p + t[k].s, t[k].e - t[k].s);
}

/* Newlines in the white space between two tokens: 0, 1, or 2 for a paragraph break. */
static int gap_newlines(const unsigned char *p, size_t a, size_t b)
{
    int nl = 0;
    size_t i;
    for (i = a; i < b; i++) {
        unsigned c = p[i];
        if (c == ' ' || c == '\t') continue;
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

/* Longest sentence, in tokens. No sentence of news prose comes near it (the longest in the
 * Reuters corpus has 219 tokens), but text without sentence punctuation (a 100 MB line of
 * comma-separated clauses, a table dump) would otherwise be one sentence, and the scoring
 * engine's per-sentence work grows with the square of the mentions in a sentence. Cutting
 * such runs keeps the whole pipeline linear in the text. */
#define DY_MAX_SENTENCE_TOKENS 512
#define DY_CUT_SEARCH 128  /* look this far back from the limit for , ; or : to cut after */

static int push_span(dy_sentences *out, const dy_token *t, size_t first, size_t last_excl)
{
    dy_sentence *s;
    if (out->n == out->cap && DY_GROW(out->v, out->cap, out->n, 1) != 0) return -1;
    s = &out->v[out->n++];
    s->s = t[first].s;
    s->e = t[last_excl - 1].e;
    s->tok_first = (uint32_t)first;
    s->tok_end = (uint32_t)last_excl;
    return 0;
}

/* Push the sentence of tokens [first, last_excl), cut into pieces of at most
 * DY_MAX_SENTENCE_TOKENS, each ending after the last , ; or : of its final DY_CUT_SEARCH tokens
 * when there is one (else at the limit). */
static int push_sentence(dy_sentences *out, const unsigned char *p, const dy_token *t, size_t first,
                         size_t last_excl)
{
    while (last_excl > first && last_excl - first > DY_MAX_SENTENCE_TOKENS) {
        size_t limit = first + DY_MAX_SENTENCE_TOKENS, cut = limit, k;
        for (k = limit; k > limit - DY_CUT_SEARCH; k--) {
            const dy_token *q = &t[k - 1];
            if (q->kind == DY_TOK_PUNCT && q->e - q->s == 1 &&
                (p[q->s] == ',' || p[q->s] == ';' || p[q->s] == ':')) { cut = k; break; }
        }
        if (push_span(out, t, first, cut) != 0) return -1;
        first = cut;
    }
    if (last_excl <= first) return 0;
    return push_span(out, t, first, last_excl);
}

/* A headline: the line holds the whole sentence so far, ends in a word or number that is not
 * a function word opening a phrase, and the next line starts like a sentence; the line is short (< 40 characters) or the next line is
 * at least 1.5 times as long (a wrapped paragraph has lines of about equal length). */
static int headline_break(const unsigned char *p, size_t len, const dy_token *t, size_t k, size_t line_first)
{
    size_t line_len, next_len, next_end;
    const unsigned char *nl;
    if (t[k - 1].kind == DY_TOK_PUNCT || !starts_like_sentence(p, &t[k])) return 0;
    if (in_set(&phrase_openers, p + t[k - 1].s, t[k - 1].e - t[k - 1].s)) return 0;
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
    if (n <= 6 && in_set(&title_abbrevs, p + w->s, n)) return 1;
    if (n <= 6 && in_set(&other_abbrevs, p + w->s, n)) return 2;
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
        const dy_token *x;
        int nl;
        if (k == 0) {
            nl = 1;
        } else {
            /* The common case first: a word or number (not an abbreviation) after no white
             * space or one space neither starts a line nor ends a sentence: skip it. */
            const dy_token *end = t + n;
            uint32_t pe = t[k - 1].e;
            x = t + k;
            while (x->kind != DY_TOK_PUNCT && !(x->flags & DY_TF_ABBREV) &&
                   (x->s == pe || (x->s == pe + 1 && p[pe] == ' '))) {
                pe = x->e;
                if (++x == end) return push_sentence(out, p, t, first, n);
            }
            k = (size_t)(x - t);
            /* the white space before token k may hold line breaks */
            nl = x->s == pe || (x->s == pe + 1 && p[pe] == ' ') ? 0 : gap_newlines(p, pe, x->s);
        }
        if (nl) {  /* token k starts a line */
            size_t m = bullet_len(p, t, n, k);
            if (m || (first < k && (nl >= 2 || (first == line_first && headline_break(p, len, t, k, line_first))))) {
                if (push_sentence(out, p, t, first, k) != 0) return -1;
                first = k + m;
            }
            k += m;
            line_first = k;
            if (m) continue;
        }
        x = &t[k];
        if (x->kind == DY_TOK_PUNCT) {
            /* cheap test first: an ASCII punctuation byte is a terminator only as . ! ? */
            unsigned c = p[x->s];
            uint32_t cp = c < 0x80 ? c : tok_cp(p, x);
            size_t j = k;
            int single_dot, cjk, brk = 0;
            if (c < 0x80 ? c != '.' && c != '!' && c != '?' : !is_terminal(cp)) {
                k++;
                continue;
            }
            single_dot = cp == '.';
            cjk = is_cjk_stop(cp);
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
                if (push_sentence(out, p, t, first, j + 1) != 0) return -1;
                first = j + 1;
            }
            k = j + 1;
            continue;
        }
        if (x->kind == DY_TOK_WORD && (x->flags & DY_TF_ABBREV)) {  /* U.S. The ... */
            size_t j = k;
            while (j + 1 < n && t[j + 1].s == t[j].e && t[j + 1].kind == DY_TOK_PUNCT &&
                   is_closer(tok_cp(p, &t[j + 1])))
                j++;
            if (j + 1 < n && t[j + 1].s > t[j].e && is_starter(p, t, n, j + 1)) {
                if (push_sentence(out, p, t, first, j + 1) != 0) return -1;
                first = j + 1;
            }
            k = j + 1;
            continue;
        }
        k++;
    }
    return push_sentence(out, p, t, first, n);
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
