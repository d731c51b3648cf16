/*
 * unicode.c - lookups into the generated two-stage tables, and UTF-8 encoding.
 */
#include "unicode.h"
#include "unicode_tables.h"

static unsigned class_byte(uint32_t cp)
{
    if (cp > 0x10FFFF) return DY_CC_OTHER;
    return dy_class_stage2[dy_class_stage1[cp / DY_UNI_BLOCK] * DY_UNI_BLOCK + cp % DY_UNI_BLOCK];
}

int dy_class(uint32_t cp)
{
    return (int)(class_byte(cp) & 0x0F);
}

int dy_is_upper(uint32_t cp)
{
    return (class_byte(cp) & DY_UNI_UPPER_BIT) != 0;
}

uint32_t dy_fold(uint32_t cp)
{
    if (cp > 0x10FFFF) return cp;
    return (uint32_t)((int32_t)cp + dy_fold_stage2[dy_fold_stage1[cp / DY_UNI_BLOCK] * DY_UNI_BLOCK + cp % DY_UNI_BLOCK]);
}

size_t dy_utf8_encode(uint32_t cp, unsigned char out[4])
{
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int dy_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (p[i] < 0x80) { i++; continue; }
        i += dy_utf8_decode(p + i, n - i, &cp);
        if (cp == DY_INVALID) {
            if (bad_offset) *bad_offset = i - 1;
            return 0;
        }
    }
    return 1;
}
