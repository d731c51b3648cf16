/*
 * lexicon.h - phrases with payloads: actors, cues, sectors and discards.
 *
 * A lexicon stores entries, interns their strings, and compiles every distinct
 * term into one automaton. dy_lexicon_match runs that automaton over a text and
 * resolves the matches: discards block shorter matches inside their span, each
 * kind is reduced to leftmost-longest, `case = "title"` entries must start with
 * an upper-case letter (and, when the term has lower-case letters, an all-caps
 * match counts only on a line that is not all caps), `case = "lower"` entries must
 * have no upper-case letter, and actors resolve to the entries valid on the date.
 */
#ifndef DYADIC_LEXICON_H
#define DYADIC_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "automaton.h"
#include "strtab.h"

enum dy_entry_kind { DY_KIND_ACTOR = 1, DY_KIND_CUE, DY_KIND_SECTOR, DY_KIND_DISCARD };

enum dy_actor_type {
    DY_ACTOR_STATE = 1, DY_ACTOR_LEADER, DY_ACTOR_CAPITAL, DY_ACTOR_IGO, DY_ACTOR_REGION,
    DY_ACTOR_GROUP, DY_ACTOR_OTHER
};

/* Cue categories. The first eight are the API's; PASSIVE (auxiliaries such as "was",
 * "is being"), AGENT ("by" after a passive verb) and COORDINATION ("and", "together
 * with") are grammar cues the scoring model reads for direction, kept in lexicon
 * data so other languages can supply their own. */
enum dy_cue_category {
    DY_CUE_COOP = 1, DY_CUE_CONFLICT, DY_CUE_DEPENDENCY, DY_CUE_HEDGE, DY_CUE_CERTAINTY,
    DY_CUE_NEGATION, DY_CUE_INTENSIFIER, DY_CUE_CONTRAST, DY_CUE_PASSIVE, DY_CUE_AGENT,
    DY_CUE_COORDINATION
};

#define DY_ENTRY_TITLECASE 0x01  /* must appear with an upper-case first letter */
#define DY_ENTRY_REVERSE   0x02  /* dependency cue whose grammar names the provider first */
#define DY_ENTRY_LOWERCASE 0x04  /* must appear without any upper-case letter */

typedef struct {
    uint32_t term;       /* strtab id of the term as written */
    uint32_t code;       /* actor: base code ("RUS"); cue: CAMEO code or 0; sector: sector name */
    uint32_t full_code;  /* actor: the code as given ("RUSGOV"); 0 otherwise */
    uint32_t role;       /* actor: role ("GOV") or 0 */
    uint32_t source;     /* strtab id of where the entry came from ("file.txt:12") or 0 */
    int32_t from, to;    /* validity as day numbers, inclusive; DY_DATE_MIN / DY_DATE_MAX when open */
    double weight;       /* cue weight or intensifier factor; sector weight; 1 by default */
    double goldstein;    /* Goldstein value, NAN when not given */
    uint8_t kind;        /* enum dy_entry_kind */
    uint8_t subtype;     /* enum dy_actor_type or enum dy_cue_category; 0 otherwise */
    uint8_t flags;       /* DY_ENTRY_* */
} dy_entry;

/* An entry as the caller describes it, with strings (NULL when absent). */
typedef struct {
    const char *term, *code, *role, *category, *type, *sector, *cameo, *source;
    const char *from, *to;  /* "YYYY-MM-DD" or NULL */
    double weight;          /* NAN: the default (1) */
    double goldstein;       /* NAN: none */
    int kind;               /* enum dy_entry_kind */
    int titlecase, reverse;
    int lowercase;          /* case = "lower" (exclusive with titlecase) */
} dy_entry_spec;

typedef struct {
    uint32_t s, e;    /* byte span in the text */
    uint32_t entry;   /* index of the resolved entry */
} dy_hit;

typedef struct {
    dy_hit *v;
    size_t n, cap;
} dy_hits;

typedef struct dy_lexicon dy_lexicon;

dy_lexicon *dy_lexicon_new(void);
void dy_lexicon_free(dy_lexicon *lex);

/* Add an entry. Returns its index (>= 0), or -1 with a message in err naming the bad
 * field (unknown kind, type or category, malformed date, from after to, bad pattern...). */
long dy_lexicon_add(dy_lexicon *lex, const dy_entry_spec *spec, char *err, size_t errsz);
/* Add every entry of src. Returns 0 or -1 (out of memory). */
int dy_lexicon_merge(dy_lexicon *dst, const dy_lexicon *src);

size_t dy_lexicon_size(const dy_lexicon *lex);
const dy_entry *dy_lexicon_entry(const dy_lexicon *lex, uint32_t index);
const char *dy_lexicon_string(const dy_lexicon *lex, uint32_t id);  /* "" for id 0 */
uint32_t dy_lexicon_find_string(const dy_lexicon *lex, const char *s);  /* 0 when absent */

/* Compile the automaton if entries changed since the last compile. Returns 0 or -1
 * with a message. Matching compiles on demand; call this to pay the cost up front. */
int dy_lexicon_compile(dy_lexicon *lex, char *err, size_t errsz);

/* Find and resolve every entry in text[0..len) for the document date (DY_NODATE: the
 * most recent valid entry). Appends hits of every kind except discards to out, sorted
 * by start, then longer first. Returns 0 or -1 (out of memory, or compile failed).
 * Reuses scratch buffers held by the lexicon (and compiles on demand), so one lexicon
 * matches one text at a time. */
int dy_lexicon_match(dy_lexicon *lex, const char *text, size_t len, int32_t date, dy_hits *out);

size_t dy_lexicon_memory(const dy_lexicon *lex);
void dy_hits_free(dy_hits *h);

/* Name of an entry kind ("actor", "cue", "sector", "discard"); "" when out of range. */
const char *dy_kind_name(int kind);

#endif
