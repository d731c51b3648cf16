/*
 * text.h - tokens and sentences over the caller's original bytes.
 *
 * Nothing is copied or normalized in place: every token and sentence is a byte
 * span [s, e) into the text as given (0-based, e exclusive; the Lua binding turns
 * them into 1-based inclusive offsets). Texts longer than UINT32_MAX bytes are
 * rejected by the callers.
 */
#ifndef DYADIC_TEXT_H
#define DYADIC_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum dy_token_kind { DY_TOK_WORD = 1, DY_TOK_NUMBER = 2, DY_TOK_PUNCT = 3 };

/* Token flags. */
#define DY_TF_ABBREV      0x01  /* word with internal dots: U.S., U.K., e.g. (the final dot is included) */
#define DY_TF_POSSESSIVE  0x02  /* the possessive 's / ’s after a word */
#define DY_TF_CAPITALIZED 0x04  /* first character is upper or title case */
#define DY_TF_IDEO        0x08  /* a character of a script written without spaces (Han, Kana, Thai...) */
#define DY_TF_COMPOUND    0x10  /* part of a hyphenated compound (Moscow-Beijing) */

typedef struct {
    uint32_t s, e;   /* byte span in the original text */
    uint8_t kind;    /* enum dy_token_kind */
    uint8_t flags;   /* DY_TF_* */
} dy_token;

typedef struct {
    dy_token *v;
    size_t n, cap;
} dy_tokens;

typedef struct {
    uint32_t s, e;                /* byte span, trimmed of surrounding white space */
    uint32_t tok_first, tok_end;  /* tokens [tok_first, tok_end) */
} dy_sentence;

typedef struct {
    dy_sentence *v;
    size_t n, cap;
} dy_sentences;

/* Append the tokens of text[0..len) to out (which may hold earlier tokens: callers reset n).
 * Returns 0, or -1 when memory runs out (out stays valid and freeable). */
int dy_tokenize(const char *text, size_t len, dy_tokens *out);

/* Split into sentences using the tokens of the same text. Returns 0 or -1 (out of memory). */
int dy_split_sentences(const char *text, size_t len, const dy_tokens *toks, dy_sentences *out);

void dy_tokens_free(dy_tokens *t);
void dy_sentences_free(dy_sentences *s);

#endif
