/*
 * unicode.h - UTF-8 decoding, simple case folding and the character classes that
 * decide where words start and end.
 *
 * The tables come from Debian's unicode-data (UnicodeData.txt, CaseFolding.txt,
 * Scripts.txt) through tools/gen_unicode.lua into unicode_tables.h; see
 * docs/DESIGN.md for why each class exists.
 */
#ifndef DYADIC_UNICODE_H
#define DYADIC_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#define DY_INVALID 0xFFFFFFFFu  /* code point reported for a byte that starts no valid sequence */

/* Character classes. */
enum dy_charclass {
    DY_CC_OTHER = 0,   /* punctuation, symbols, controls, NUL, unassigned, invalid bytes */
    DY_CC_LETTER = 1,  /* letters (L*), combining marks (M*), letter-like numbers (Nl, No) */
    DY_CC_DIGIT = 2,   /* decimal digits (Nd) */
    DY_CC_SPACE = 3,   /* Zs, Zl, Zp, ASCII white space, NEL, zero-width space */
    DY_CC_DASH = 4,    /* hyphens and dashes (Pd) and the minus sign: word separators */
    DY_CC_APOS = 5,    /* ' and its typographic variants (U+2018, U+2019, U+02BC, U+FF07) */
    DY_CC_IGNORE = 6,  /* format characters to skip inside words: soft hyphen, ZWJ, ZWNJ, BOM, bidi marks */
    DY_CC_IDEO = 7     /* letters of scripts written without spaces: Han, Hiragana, Katakana, Thai, Lao,
                          Khmer, Myanmar, Tibetan: each character is a word of its own */
};

/* Decode one character from s[0..n), n >= 1. Returns the bytes consumed (1..4) and the
 * code point in *cp. Overlong forms, surrogates, values above U+10FFFF and truncated
 * sequences consume exactly one byte and give DY_INVALID, so a scanner always advances
 * and never reads past n. */
static inline size_t dy_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) { *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); return 2; }
    } else if (c >= 0xE0 && c <= 0xEF) {
        if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
            uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
            uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
            if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
        }
    }
    *cp = DY_INVALID;
    return 1;
}

/* Encode a valid code point; returns its length (1..4). */
size_t dy_utf8_encode(uint32_t cp, unsigned char out[4]);

/* Simple case folding (CaseFolding.txt statuses C and S); other code points map to themselves.
 * DY_INVALID maps to itself. */
uint32_t dy_fold(uint32_t cp);

/* Class of a code point (enum dy_charclass); DY_INVALID is DY_CC_OTHER. */
int dy_class(uint32_t cp);

/* Is the code point an uppercase or titlecase letter (Lu, Lt)? Used by `case = "title"`. */
int dy_is_upper(uint32_t cp);

/* Is the whole string valid UTF-8? Returns 1, or 0 and the byte offset of the first bad byte. */
int dy_utf8_valid(const char *s, size_t n, size_t *bad_offset);

#endif
