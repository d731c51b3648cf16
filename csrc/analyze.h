/*
 * analyze.h - the relationship-scoring engine: one document in, sentences,
 * mentions, cues and scored contributions out (docs/SCORING.md, docs/DESIGN.md (the scoring section)).
 *
 * The document borrows the text and the lexicon it was analysed with: the caller keeps
 * both alive (and the lexicon open) while the document is used. The Lua binding anchors
 * them. Everything the aggregate needs (codes, sector and rule names) is interned into
 * the document's own string table, so dy_doc_summarize never reads the lexicon.
 * Offsets are 0-based [s, e); weights are int64 micro-units (records.h), rounded once.
 */
#ifndef DYADIC_ANALYZE_H
#define DYADIC_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "records.h"
#include "strtab.h"
#include "text.h"

/* The model's factors (docs/SCORING.md). dy_score_params_default gives the published
 * values; the analyzer may override any of them (analyzer option `scoring`). */
typedef struct {
    double negation;          /* coop/conflict weight factor when negated: -0.74 */
    double contrast_before;   /* cues in the clause before a contrast cue: 0.5 */
    double contrast_after;    /* cues in the clause after it: 1.5 */
    double hedge;             /* a hedged sentence's contributions: 0.5 */
    double mutual;            /* share of a mutual cue's weight in each direction: 0.5 */
    double k_coop;            /* Goldstein value of a coop cue without one: +w*k_coop */
    double k_conflict;        /* ... of a conflict cue without one: -w*k_conflict. Both NAN by default:
                                 derived from the lexicon (dy_score_params_from_lexicon) */
    double lead_bonus;        /* salience added per mention in the first sentence: 1 */
    double title_bonus;       /* salience added per mention in the title: 2 */
    int negation_window;      /* words before a cue where a negation applies: 3 */
    int intensifier_window;   /* ... an intensifier: 2 */
    int passive_window;       /* ... a passive auxiliary: 2 */
    int mutual_window;        /* words from a one-sided cue to the participants it makes mutual: 8 */
    double carry;             /* extension: sector weight a sentence with no actor passes to the dyads of
                                 the nearest preceding sentence with >= 2 participants in its block: 0.5
                                 (0 turns carry-over off) */
    int ellipsis_window;      /* extension: words between a coordination cue and a verb cue whose subject is
                                 elided ("Egypt condemned X and warned Ethiopia"): 3 (0 turns it off) */
    double topic;             /* extension: sector weight a sentence with no lead in its block passes to the
                                 dyads of its section's headline (>= 2 participants): 0.25 (0: off) */
} dy_score_params;

void dy_score_params_default(dy_score_params *p);
/* Fill k_coop / k_conflict left NAN with the mean |goldstein| of the lexicon's coop /
 * conflict cues that carry one (1 when none does). O(entries): pipelines call it once. */
void dy_score_params_from_lexicon(dy_score_params *p, const dy_lexicon *lex);

/* Item flags (cues, and contributions copy the relevant ones). */
#define DY_CF_NEGATED     0x01
#define DY_CF_INTENSIFIED 0x02
#define DY_CF_HEDGED      0x04
#define DY_CF_CONTRAST_BEFORE 0x08
#define DY_CF_CONTRAST_AFTER  0x10
#define DY_CF_PASSIVE     0x20
#define DY_CF_MUTUAL      0x40
#define DY_CF_RULE        0x80

/* How a contribution's direction was decided (evidence field `direction`). */
enum dy_direction {
    DY_DIR_FORWARD = 1,   /* nearest participant before -> nearest after */
    DY_DIR_PASSIVE,       /* passive auxiliary + agent: swapped */
    DY_DIR_REVERSE,       /* dependency entry with direction = reverse: swapped */
    DY_DIR_COORDINATION,  /* coordinated participants, mutual */
    DY_DIR_ONE_SIDE,      /* every participant on one side of the cue, mutual */
    DY_DIR_COMPOUND,      /* "Moscow-Beijing partnership": mutual */
    DY_DIR_TONE,          /* one participant: the actor's own tone */
    DY_DIR_RULE,          /* emitted by a Lua rule */
    DY_DIR_ELLIPSIS,      /* source = the subject of the previous coordinated clause */
    DY_DIR_CARRIED,       /* evidence only: a sector mention carried from the block's lead sentence */
    DY_DIR_TOPIC          /* evidence only: ... carried from the section's headline (its topic) */
};

/* One actor mention, cue or sector mention. */
typedef struct {
    uint32_t s, e;        /* byte span */
    uint32_t entry;       /* resolved lexicon entry */
    uint32_t t0, t1;      /* first and last token (inclusive) */
    uint32_t sentence;
    uint32_t code;        /* actor: base code, sector: sector name (document string ids); cue: 0 */
    uint8_t subtype;      /* actor type or cue category */
    uint8_t flags;        /* cues: DY_CF_* */
    double weight;        /* cue: entry weight x modifiers (before a mutual split); sector: weight */
} dy_item;

/* Per-sentence index into the item arrays. */
#define DY_SF_HEDGED    0x01
#define DY_SF_DISCARDED 0x02
#define DY_SF_TOPIC     0x04  /* carried_from is the section's headline (factor topic), not a block lead */

typedef struct {
    uint32_t m0, m1;      /* mentions [m0, m1) */
    uint32_t c0, c1;      /* cues */
    uint32_t x0, x1;      /* sector mentions */
    uint32_t p0, p1;      /* participants: distinct base codes, doc->parts[p0..p1) */
    uint32_t carried_from; /* extension: lead sentence + 1 whose participants get this sentence's
                              sectors x carry (x topic with DY_SF_TOPIC); a sentence with no actor, or
                              with one that is among the lead's participants; 0 none */
    uint16_t hedges, certainties;
    uint8_t flags;        /* DY_SF_* */
} dy_sinfo;

/* One scored contribution with its evidence. */
typedef struct {
    uint32_t sentence;
    uint32_t source, target;      /* document string ids; target 0: the source's own tone */
    int32_t cue;                  /* index in doc->cues, -1 for rule contributions */
    int32_t src_mention, tgt_mention;  /* index in doc->mentions or -1 */
    uint32_t rule, note, sector;  /* document string ids or 0 (sector: rule contributions) */
    int64_t coop, conflict, dependency;  /* micro-units */
    int64_t gsum, wsum;           /* goldstein * |w| and |w| of the coop/conflict part */
    uint8_t flags;                /* DY_CF_* */
    uint8_t direction;            /* enum dy_direction */
} dy_contrib;

/* Small open-addressing map from a (a, b, c) key to an index; scratch for summaries. */
typedef struct {
    uint32_t *keys;    /* 3 per slot */
    uint32_t *vals;    /* index + 1; 0 = empty */
    size_t nslots, used;
    uint32_t *occ;     /* occupied slots, so clearing costs what was used, not the table size */
    size_t capocc;
} dy_map3;

typedef struct {
    uint32_t sector;
    int64_t weight;
} dy_sector_total;

typedef struct {
    uint32_t code;
    uint32_t count;
} dy_code_count;

/* How hedged the document's language is (extension, docs/SCORING.md): sentences not
 * discarded, of them hedged (more hedge than certainty cues), sentences with at least
 * two participants (the ones that give a dyad its n), and of them hedged. */
typedef struct {
    uint32_t sentences, hedged_sentences, dyad_sentences, hedged_dyad_sentences;
} dy_hedging;

#define DY_ICACHE 64

/* Summary scratch per document string id: the summary actor and sector total of a code
 * (index + 1, 0 none), valid when gen is the summary's generation (no clearing). */
typedef struct {
    uint32_t gen, actor, total;
} dy_code_slot;

struct dy_doc {
    const dy_lexicon *lex;   /* borrowed */
    const char *text;        /* borrowed */
    size_t len;
    int32_t date;
    dy_score_params params;
    dy_strtab strings;       /* codes, sectors, rule names, notes */
    uint32_t icache_key[DY_ICACHE], icache_val[DY_ICACHE];  /* lexicon string id -> strings id */

    dy_tokens toks;
    dy_sentences sents;
    dy_hits hits;

    dy_item *mentions; size_t nmentions, capmentions;
    dy_item *cues; size_t ncues, capcues;
    dy_item *sectors; size_t nsectors, capsectors;
    dy_sinfo *sinfo; size_t capsinfo;   /* one per sentence (sents.n) */
    uint32_t *parts; size_t nparts, capparts;
    dy_contrib *contribs; size_t ncontribs, capcontribs;
    dy_code_count *title; size_t ntitle, captitle;  /* actor codes found in the title */

    /* summary (rebuilt on demand after a change) */
    int summary_valid;
    dy_doc_summary summary;
    dy_dyad_sum *sdyads; size_t capsdyads;
    dy_dyad_sector *ssectors; size_t capssectors;
    dy_actor_sum *sactors; size_t capsactors;
    uint32_t *sfirst; size_t capsfirst;        /* first mention offset + 1 per summary actor */
    dy_sector_total *stotals; size_t nstotals, capstotals;
    dy_map3 map;
    uint32_t *scratch; size_t nscratch, capscratch;
    uint32_t *scratch2; size_t nscratch2, capscratch2;
    dy_hedging hedging;      /* filled by dy_doc_summarize */
    dy_code_slot *cslots; size_t capcslots;   /* by string id: actors and sector totals */
    uint32_t cgen;           /* generation of cslots entries written by the last summary */
};

/* Analyse text[0..len) (len < 4 GiB) with the lexicon on the date (DY_NODATE: undated).
 * title (may be NULL) is matched separately for actors: it adds salience and never
 * appears among the mentions, whose offsets point into text. params NULL: defaults.
 * Returns the document or NULL with a message in err. */
struct dy_doc *dy_analyze_ex(dy_lexicon *lex, const char *text, size_t len, const char *title,
                             size_t tlen, int32_t date, const dy_score_params *params,
                             char *err, size_t errsz);
struct dy_doc *dy_analyze(dy_lexicon *lex, const char *text, size_t len, int32_t date,
                          char *err, size_t errsz);

/* Reuse an existing document (and its memory) for another text; what pipelines call
 * in a loop. Returns 0 or -1 with a message. */
struct dy_doc *dy_doc_new(void);
int dy_doc_analyze(struct dy_doc *doc, dy_lexicon *lex, const char *text, size_t len,
                   const char *title, size_t tlen, int32_t date, const dy_score_params *params,
                   char *err, size_t errsz);
void dy_doc_free(struct dy_doc *doc);

/* Read accessors. */
size_t dy_doc_sentences(const struct dy_doc *doc);
const char *dy_doc_string(const struct dy_doc *doc, uint32_t id);  /* "" for 0 */
uint32_t dy_doc_find_string(const struct dy_doc *doc, const char *s);  /* 0 when absent */
const char *dy_cue_category_name(int category);
const char *dy_actor_type_name(int type);
const char *dy_direction_name(int direction);

/* Rule support (lua/dyadic/rule.lua through the binding). */
typedef struct {
    uint32_t sentence;               /* 0-based */
    const char *source, *target;     /* actor codes, distinct; target NULL: the source's tone */
    double coop, conflict, dependency;
    double goldstein;                /* NAN: +coop*k - conflict*k */
    const char *sector, *note, *rule;  /* may be NULL */
} dy_emit_spec;

/* Add a rule contribution. Returns its index, or -1 with a message (bad sentence,
 * missing or equal codes, non-finite weight, out of memory). */
long dy_doc_emit(struct dy_doc *doc, const dy_emit_spec *spec, char *err, size_t errsz);
/* Drop every contribution, co-occurrence and sector of sentence i (0-based). 0 or -1. */
int dy_doc_discard(struct dy_doc *doc, size_t sentence);
/* Sentences whose participants include every code; indices appended to *out (0-based).
 * Returns the count or -1 (out of memory). */
long dy_doc_sentences_with(const struct dy_doc *doc, const char *const *codes, size_t ncodes,
                           uint32_t **out, size_t *cap);

/* Document-wide sector totals (after dy_doc_summarize). */
const dy_sector_total *dy_doc_sector_totals(struct dy_doc *doc, size_t *n);
/* The weight (micro-units) a carried sector mention adds to each directed dyad of its
 * lead sentence's participants: round(weight x carry), or x topic when carried from the
 * section's headline. */
int64_t dy_carried_weight(const struct dy_doc *doc, const dy_item *sector);
/* How sentence s's sectors were carried: DY_DIR_CARRIED (block lead), DY_DIR_TOPIC
 * (section headline), 0 not carried. */
int dy_carried_direction(const struct dy_doc *doc, size_t s);
/* Hedged-language counts (summarizes first). NULL when out of memory. */
const dy_hedging *dy_doc_hedging(struct dy_doc *doc);
/* First mention (byte offset + 1, 0 if only in the title) of summary actor i. */
uint32_t dy_doc_actor_first(const struct dy_doc *doc, size_t i);

#endif
