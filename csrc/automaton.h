/*
 * automaton.h - the phrase matcher: many patterns, one pass over the text.
 *
 * Pattern syntax (docs/API.md): words separated by spaces; any run of white space
 * or hyphens/dashes in the text matches between words; `word*` matches any word
 * with that prefix; matching is on word boundaries (none needed inside scripts
 * written without spaces), Unicode case-insensitive unless DY_AC_CASE_EXACT,
 * apostrophe variants equal, and a possessive 's / ’s after a match allowed.
 */
#ifndef DYADIC_AUTOMATON_H
#define DYADIC_AUTOMATON_H

#include <stddef.h>
#include <stdint.h>

typedef struct dy_automaton dy_automaton;

typedef struct {
    uint32_t s, e;   /* byte span in the original text, 0-based, e exclusive */
    uint32_t id;     /* the id given to dy_automaton_add */
} dy_match;

typedef struct {
    dy_match *v;
    size_t n, cap;
} dy_matches;

#define DY_AC_CASE_EXACT 0x01  /* compare exactly instead of Unicode simple case folding */
#define DY_AC_TEST_SPARSE 0x80 /* testing only: keep just two dense states, to exercise the sparse ones */

dy_automaton *dy_automaton_new(unsigned flags);
void dy_automaton_free(dy_automaton *a);

/* Add a pattern. Returns 0, or -1 with a message in err (empty pattern, no word
 * characters, '*' anywhere but at the end of a word, pattern after build...).
 * `word*` may end any word of the pattern ("sign* peace accord*"). */
/* The message dy_automaton_add leaves in err when it ran out of memory (any other message
 * is about the pattern's syntax). */
#define DY_AC_NOMEM "not enough memory"
int dy_automaton_add(dy_automaton *a, const char *pat, size_t len, uint32_t id, char *err, size_t errsz);

/* Build after the last add. Returns 0, or -1 when memory runs out. */
int dy_automaton_build(dy_automaton *a);

/* Append the matches in text[0..len) to out, in text order (by start, then longer
 * first). overlap = 1: every match of every pattern; overlap = 0: leftmost-longest,
 * non-overlapping. Duplicate patterns: see docs/DESIGN.md. Returns 0 or -1 (out of
 * memory; out stays valid and freeable). The automaton is not modified, so one
 * built automaton may be shared by many threads. */
int dy_automaton_find(const dy_automaton *a, const char *text, size_t len, int overlap, dy_matches *out);

/* Scratch memory one caller reuses across dy_automaton_find_scratch calls (zero it
 * first; dy_find_scratch_free releases it). One scratch serves one call at a time. */
typedef struct {
    void *v, *v2;
    size_t cap, cap2;
} dy_find_scratch;

/* dy_automaton_find, reusing the candidate buffer of `scratch` (may be NULL) instead of
 * allocating one per call: what a pipeline matching many short texts calls. */
int dy_automaton_find_scratch(const dy_automaton *a, const char *text, size_t len, int overlap, dy_matches *out,
                              dy_find_scratch *scratch);
void dy_find_scratch_free(dy_find_scratch *s);

/* Reduce matches sorted as dy_automaton_find returns them to leftmost-longest,
 * non-overlapping, in place; returns the new count. Shared with the lexicon, which
 * selects per kind after one overlapping pass. */
size_t dy_select_leftmost_longest(dy_match *v, size_t n);

size_t dy_automaton_patterns(const dy_automaton *a);  /* number of patterns added */
size_t dy_automaton_memory(const dy_automaton *a);    /* bytes held */
void dy_matches_free(dy_matches *m);

#endif
