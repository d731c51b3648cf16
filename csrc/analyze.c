/*
 * analyze.c - the scoring engine: tokens, sentences and lexicon hits in, scored
 * contributions with their evidence out (docs/SCORING.md; choices and measurements
 * in docs/DESIGN.md (the scoring section)).
 *
 * One pass per stage over arrays the document keeps between analyses, so a pipeline
 * that reuses a document allocates nothing once the arrays have grown: hits are
 * placed on tokens and sentences by a merge walk, every sentence is scored from its
 * slice of the mention / cue / sector arrays, and summaries (records.h) are rebuilt
 * from the contributions only when read after a change.
 */
#include "analyze.h"
#include "date.h"
#include "unicode.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dy_score_params_default(dy_score_params *p)
{
    p->negation = -0.74;
    p->contrast_before = 0.5;
    p->contrast_after = 1.5;
    p->hedge = 0.5;
    p->mutual = 0.5;
    p->k_coop = NAN;
    p->k_conflict = NAN;
    p->lead_bonus = 1.0;
    p->title_bonus = 2.0;
    p->negation_window = 3;
    p->intensifier_window = 2;
    p->passive_window = 2;
    p->mutual_window = 8;
    p->carry = 0.5;
    p->ellipsis_window = 3;
    p->topic = 0.25;
}

void dy_score_params_from_lexicon(dy_score_params *p, const dy_lexicon *lex)
{
    double sc = 0, sx = 0;
    size_t i, n = dy_lexicon_size(lex), nc = 0, nx = 0;
    if (!isnan(p->k_coop) && !isnan(p->k_conflict)) return;
    for (i = 0; i < n; i++) {
        const dy_entry *en = dy_lexicon_entry(lex, (uint32_t)i);
        if (en == NULL || en->kind != DY_KIND_CUE || isnan(en->goldstein)) continue;
        if (en->subtype == DY_CUE_COOP) { sc += fabs(en->goldstein); nc++; }
        else if (en->subtype == DY_CUE_CONFLICT) { sx += fabs(en->goldstein); nx++; }
    }
    if (isnan(p->k_coop)) p->k_coop = nc ? sc / (double)nc : 1.0;
    if (isnan(p->k_conflict)) p->k_conflict = nx ? sx / (double)nx : 1.0;
}

static const char *const category_names[] = {
    "", "coop", "conflict", "dependency", "hedge", "certainty", "negation", "intensifier",
    "contrast", "passive", "agent", "coordination"
};
static const char *const type_names[] = {
    "", "state", "leader", "capital", "igo", "region", "group", "other"
};
static const char *const direction_names[] = {
    "", "forward", "passive", "reverse", "coordination", "one-side", "compound", "tone", "rule",
    "ellipsis", "carried", "topic"
};

const char *dy_cue_category_name(int c)
{
    return (c > 0 && c <= DY_CUE_COORDINATION) ? category_names[c] : "";
}

const char *dy_actor_type_name(int t)
{
    return (t > 0 && t <= DY_ACTOR_OTHER) ? type_names[t] : "";
}

const char *dy_direction_name(int d)
{
    return (d > 0 && d <= DY_DIR_TOPIC) ? direction_names[d] : "";
}

/* Round half away from zero, as llround does, without the libm call (it was 0.5% of
 * the pipeline's instructions): v - trunc(v) is exact for |v| < 2^52, and beyond that
 * v is already an integer. */
static int64_t micro(double x)
{
    double v = x * DY_MICRO, f;
    int64_t t;
    if (v > 9.0e18) v = 9.0e18;
    if (v < -9.0e18) v = -9.0e18;
    t = (int64_t)v;
    f = v - (double)t;
    if (f >= 0.5) t++;
    else if (f <= -0.5) t--;
    return t;
}

static void set_err(char *err, size_t errsz, const char *msg)
{
    if (err != NULL && errsz > 0) snprintf(err, errsz, "%s", msg);
}

/* ---------------------------------------------------------------- lifetime */

struct dy_doc *dy_doc_new(void)
{
    struct dy_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL) return NULL;
    dy_strtab_init(&doc->strings);
    doc->date = DY_NODATE;
    dy_score_params_default(&doc->params);
    return doc;
}

void dy_doc_free(struct dy_doc *doc)
{
    if (doc == NULL) return;
    dy_strtab_free(&doc->strings);
    dy_tokens_free(&doc->toks);
    dy_sentences_free(&doc->sents);
    dy_hits_free(&doc->hits);
    free(doc->mentions);
    free(doc->cues);
    free(doc->sectors);
    free(doc->sinfo);
    free(doc->parts);
    free(doc->contribs);
    free(doc->title);
    free(doc->sdyads);
    free(doc->ssectors);
    free(doc->sactors);
    free(doc->sfirst);
    free(doc->stotals);
    free(doc->map.keys);
    free(doc->map.vals);
    free(doc->map.occ);
    free(doc->scratch);
    free(doc->scratch2);
    free(doc->cslots);
    free(doc);
}

size_t dy_doc_sentences(const struct dy_doc *doc)
{
    return doc->sents.n;
}

const char *dy_doc_string(const struct dy_doc *doc, uint32_t id)
{
    if (id == 0 || id >= doc->strings.count) return "";
    return dy_strtab_get(&doc->strings, id, NULL);
}

uint32_t dy_doc_find_string(const struct dy_doc *doc, const char *s)
{
    return dy_strtab_find(&doc->strings, s, strlen(s));
}

/* Document id of a lexicon string; a small direct-mapped cache (reset per analysis)
 * saves hashing the same code for every mention. */
static uint32_t intern_lex(struct dy_doc *doc, const dy_lexicon *lex, uint32_t lexid)
{
    uint32_t slot = lexid & (DY_ICACHE - 1), id;
    const char *s;
    if (doc->icache_key[slot] == lexid && doc->icache_val[slot] != 0) return doc->icache_val[slot];
    s = dy_lexicon_string(lex, lexid);
    id = dy_strtab_intern(&doc->strings, s, strlen(s));
    doc->icache_key[slot] = lexid;
    doc->icache_val[slot] = id;
    return id;
}

/* ---------------------------------------------------------------- token helpers */

static int is_word(const dy_token *t)
{
    return t->kind == DY_TOK_WORD || t->kind == DY_TOK_NUMBER;
}

static int punct_is(const struct dy_doc *doc, const dy_token *t, char c)
{
    return t->kind == DY_TOK_PUNCT && t->e == t->s + 1 && doc->text[t->s] == c;
}

static int clause_break(const struct dy_doc *doc, const dy_token *t)
{
    return punct_is(doc, t, ';') || punct_is(doc, t, ':');
}

/* Does a modifier ending at token `mend` sit within `window` words before token `start`,
 * in the same clause? */
static int near_before(const struct dy_doc *doc, uint32_t mend, uint32_t start, int window)
{
    uint32_t t;
    int words = 1;
    if (mend >= start) return 0;
    for (t = mend + 1; t < start; t++) {
        const dy_token *tk = &doc->toks.v[t];
        if (is_word(tk)) {
            if (++words > window) return 0;
        } else if (clause_break(doc, tk)) {
            return 0;
        }
    }
    return 1;
}

/* Is the gap between two items exactly one hyphen or dash ("Moscow-Beijing")? */
static int hyphen_joined(const struct dy_doc *doc, const dy_item *a, const dy_item *b)
{
    uint32_t cp;
    size_t n;
    if (b->s <= a->e) return 0;
    n = dy_utf8_decode((const unsigned char *)doc->text + a->e, b->s - a->e, &cp);
    return a->e + n == b->s && dy_class(cp) == DY_CC_DASH;
}

/* ---------------------------------------------------------------- placing hits */

static int place_hits(struct dy_doc *doc, const dy_lexicon *lex)
{
    size_t h, ti = 0, si = 0, ntok = doc->toks.n, nsent = doc->sents.n;
    const dy_token *tok = doc->toks.v;
    if (nsent == 0) return 0;
    for (h = 0; h < doc->hits.n; h++) {
        const dy_hit *hit = &doc->hits.v[h];
        const dy_entry *en = dy_lexicon_entry(lex, hit->entry);
        dy_item *it;
        uint32_t code;
        size_t tj;
        if (en == NULL) continue;
        if (ti < ntok && tok[ti].e <= hit->s) {
            /* hits are sparse (one per ~8 tokens): gallop, then bisect, to the first
             * token ending after the hit's start (a linear walk was 1.3% of the pipeline) */
            size_t lo = ti, step = 1, hi;
            while (lo + step < ntok && tok[lo + step].e <= hit->s) { lo += step; step *= 2; }
            hi = lo + step < ntok ? lo + step : ntok;  /* tok[lo].e <= s; tok[hi].e > s or hi = ntok */
            while (hi - lo > 1) {
                size_t mid = lo + (hi - lo) / 2;
                if (tok[mid].e <= hit->s) lo = mid; else hi = mid;
            }
            ti = hi;
        }
        if (ti >= ntok || tok[ti].s >= hit->e) continue;  /* no token under the hit */
        tj = ti;
        while (tj + 1 < ntok && tok[tj + 1].s < hit->e) tj++;
        while (si + 1 < nsent && doc->sents.v[si].tok_end <= ti) si++;
        /* the item is written in place, in its kind's array */
        switch (en->kind) {
        case DY_KIND_ACTOR:
            code = intern_lex(doc, lex, en->code);
            if (code == 0 || DY_GROW(doc->mentions, doc->capmentions, doc->nmentions, 1) != 0) return -1;
            it = &doc->mentions[doc->nmentions++];
            break;
        case DY_KIND_CUE:
            code = 0;
            if (DY_GROW(doc->cues, doc->capcues, doc->ncues, 1) != 0) return -1;
            it = &doc->cues[doc->ncues++];
            break;
        case DY_KIND_SECTOR:
            code = intern_lex(doc, lex, en->code);
            if (code == 0 || DY_GROW(doc->sectors, doc->capsectors, doc->nsectors, 1) != 0) return -1;
            it = &doc->sectors[doc->nsectors++];
            break;
        default:
            continue;
        }
        it->s = hit->s;
        it->e = hit->e;
        it->entry = hit->entry;
        it->t0 = (uint32_t)ti;
        it->t1 = (uint32_t)tj;
        it->sentence = (uint32_t)si;
        it->code = code;
        it->subtype = en->subtype;
        it->flags = 0;
        it->weight = en->weight;
    }
    return 0;
}

/* Fill sinfo ranges and the participants of every sentence. */
static int index_sentences(struct dy_doc *doc)
{
    size_t s, m = 0, c = 0, x = 0;
    if (DY_GROW(doc->sinfo, doc->capsinfo, 0, doc->sents.n + 1) != 0) return -1;
    for (s = 0; s < doc->sents.n; s++) {
        dy_sinfo *si = &doc->sinfo[s];
        size_t k;
        memset(si, 0, sizeof *si);
        si->m0 = (uint32_t)m;
        while (m < doc->nmentions && doc->mentions[m].sentence == s) m++;
        si->m1 = (uint32_t)m;
        si->c0 = (uint32_t)c;
        while (c < doc->ncues && doc->cues[c].sentence == s) c++;
        si->c1 = (uint32_t)c;
        si->x0 = (uint32_t)x;
        while (x < doc->nsectors && doc->sectors[x].sentence == s) x++;
        si->x1 = (uint32_t)x;
        si->p0 = (uint32_t)doc->nparts;
        for (k = si->m0; k < si->m1; k++) {
            uint32_t code = doc->mentions[k].code, p;
            for (p = si->p0; p < doc->nparts; p++) if (doc->parts[p] == code) break;
            if (p == doc->nparts) {
                if (DY_GROW(doc->parts, doc->capparts, doc->nparts, 1) != 0) return -1;
                doc->parts[doc->nparts++] = code;
            }
        }
        si->p1 = (uint32_t)doc->nparts;
    }
    return 0;
}

/* ---------------------------------------------------------------- scoring */

/* The participants on one side of a cue: mention indices, distinct codes. */
typedef struct {
    int32_t m[16];
    int n;
    int joined;     /* joined by a coordination cue (or a list around one) */
    int compound;   /* joined by a hyphen */
} dy_group;

static void group_add(dy_group *g, const struct dy_doc *doc, int32_t mi)
{
    int i;
    for (i = 0; i < g->n; i++) {
        if (doc->mentions[g->m[i]].code == doc->mentions[mi].code) return;
    }
    if (g->n < 16) g->m[g->n++] = mi;
}

/* Is every token strictly between items a and b a coordination cue or a comma?
 * Returns 2 when a coordination cue is among them, 1 for commas only, 0 otherwise
 * (and 0 for a comma followed by a coordination cue: ", and" joins clauses). */
static int coordinated(const struct dy_doc *doc, const dy_sinfo *si, const dy_item *a, const dy_item *b)
{
    uint32_t t;
    int coord = 0, comma = 0;
    if (b->t0 <= a->t1 + 1) return 0;
    for (t = a->t1 + 1; t < b->t0; t++) {
        const dy_token *tk = &doc->toks.v[t];
        uint32_t c;
        int covered = 0;
        if (punct_is(doc, tk, ',')) { comma = 1; continue; }
        for (c = si->c0; c < si->c1; c++) {
            const dy_item *cu = &doc->cues[c];
            if (cu->subtype == DY_CUE_COORDINATION && cu->t0 <= t && t <= cu->t1) { covered = 1; break; }
        }
        if (covered && comma) return 0;
        if (!covered) return 0;
        coord = 1;
    }
    return coord ? 2 : 1;
}

/* Is there a coordination cue strictly between tokens ta and tb? */
static int coord_between(const struct dy_doc *doc, const dy_sinfo *si, uint32_t ta, uint32_t tb)
{
    uint32_t c;
    for (c = si->c0; c < si->c1; c++) {
        const dy_item *cu = &doc->cues[c];
        if (cu->subtype == DY_CUE_COORDINATION && cu->t0 > ta && cu->t1 < tb) return 1;
    }
    return 0;
}

/* Are the words strictly between tokens ta and tb all modifier cues (negation,
 * intensifier, hedge, certainty, passive auxiliary)? "and strongly warned", "and may
 * sanction" qualify; "and a partner", "and shared hostility" (noun phrases) do not. */
static int only_modifiers_between(const struct dy_doc *doc, const dy_sinfo *si, uint32_t ta, uint32_t tb)
{
    uint32_t t, c = si->c0;
    for (t = ta + 1; t < tb; t++) {
        int covered = 0;
        if (!is_word(&doc->toks.v[t])) continue;
        for (; c < si->c1 && doc->cues[c].t1 < t; c++) {}
        if (c < si->c1 && doc->cues[c].t0 <= t) {
            int k = doc->cues[c].subtype;
            covered = k == DY_CUE_NEGATION || k == DY_CUE_INTENSIFIER || k == DY_CUE_HEDGE ||
                      k == DY_CUE_CERTAINTY || k == DY_CUE_PASSIVE;
        }
        if (!covered) return 0;
    }
    return 1;
}

/* Grow a group from mention `start` in direction dir (-1: backwards, +1: forwards)
 * across coordination cues, list commas and hyphens, within the sentence's mentions.
 * A chain of commas alone is not a list ("In Moscow, Beijing's envoy said"): the group
 * is then the start mention only. */
static void build_group(const struct dy_doc *doc, const dy_sinfo *si, int32_t lo, int32_t hi, int32_t start,
                        int dir, dy_group *g)
{
    int32_t cur = start, chain[16];
    int n = 0, i;
    memset(g, 0, sizeof *g);
    chain[n++] = start;
    for (;;) {
        int32_t nxt = cur + dir;
        const dy_item *a, *b;
        int how;
        if (nxt < lo || nxt >= hi || n >= 16) break;
        a = &doc->mentions[dir < 0 ? nxt : cur];
        b = &doc->mentions[dir < 0 ? cur : nxt];
        if (hyphen_joined(doc, a, b) || b->t0 == a->t1 + 1) {
            g->compound = 1;  /* "Moscow-Beijing", or juxtaposed: "the Putin China visit" */
        } else {
            how = coordinated(doc, si, a, b);
            if (how == 0) break;
            if (how == 2) g->joined = 1;
        }
        chain[n++] = nxt;
        cur = nxt;
    }
    if (!g->joined && !g->compound) n = 1;
    for (i = 0; i < n; i++) group_add(g, doc, chain[i]);
}

static int push_contrib(struct dy_doc *doc, const dy_contrib *c)
{
    if (DY_GROW(doc->contribs, doc->capcontribs, doc->ncontribs, 1) != 0) return -1;
    doc->contribs[doc->ncontribs++] = *c;
    return 0;
}

/* Record one directed (or tone) contribution of a cue with weight w and Goldstein g. */
static int contribute(struct dy_doc *doc, const dy_item *cue, uint32_t ci, int32_t sm, int32_t tm,
                      double w, double g, uint8_t flags, uint8_t direction)
{
    dy_contrib c;
    memset(&c, 0, sizeof c);
    c.sentence = cue->sentence;
    c.source = doc->mentions[sm].code;
    c.target = tm >= 0 ? doc->mentions[tm].code : 0;
    c.cue = (int32_t)ci;
    c.src_mention = sm;
    c.tgt_mention = tm;
    c.flags = (uint8_t)(cue->flags | flags);
    c.direction = direction;
    switch (cue->subtype) {
    case DY_CUE_COOP: c.coop = micro(w); break;
    case DY_CUE_CONFLICT: c.conflict = micro(w); break;
    default: c.dependency = micro(w); break;
    }
    if (cue->subtype != DY_CUE_DEPENDENCY) {
        c.wsum = micro(fabs(w));
        c.gsum = micro(g * fabs(w));
    }
    return push_contrib(doc, &c);
}

static int score_sentence(struct dy_doc *doc, const dy_lexicon *lex, uint32_t s)
{
    dy_sinfo *si = &doc->sinfo[s];
    const dy_sentence *se = &doc->sents.v[s];
    const dy_score_params *p = &doc->params;
    uint32_t c, ct0 = 0, ct1 = 0, split = 0;
    int contrast = 0;  /* 0 none, 1 inside the sentence, 2 sentence-initial */
    int hedged, nbnd;
    uint32_t bnd[64];
    int32_t subj = -1;       /* the source mention of the last scoring cue that had one (ellipsis) */
    uint32_t subj_cue = 0;   /* ... and that cue's last token */
    int scoring = 0;         /* coop / conflict / dependency cues in the sentence */

    if (si->c0 == si->c1) return 0;
    /* hedges, certainty, the first contrast cue */
    for (c = si->c0; c < si->c1; c++) {
        const dy_item *cu = &doc->cues[c];
        if (cu->subtype == DY_CUE_COOP || cu->subtype == DY_CUE_CONFLICT || cu->subtype == DY_CUE_DEPENDENCY) scoring++;
        else if (cu->subtype == DY_CUE_HEDGE) si->hedges++;
        else if (cu->subtype == DY_CUE_CERTAINTY) si->certainties++;
        else if (cu->subtype == DY_CUE_CONTRAST && contrast == 0) {
            uint32_t t, first_word = se->tok_first;
            while (first_word < cu->t0 && !is_word(&doc->toks.v[first_word])) first_word++;
            ct0 = cu->t0;
            ct1 = cu->t1;
            contrast = 1;
            if (first_word == cu->t0) {
                /* "Although X, Y" / "However, Y" / "Yet Y": the clause up to the first comma
                 * is conceded (x before), the rest stressed (x after) */
                contrast = 2;
                split = cu->t1 + 1;
                for (t = cu->t1 + 1; t < se->tok_end; t++) {
                    if (punct_is(doc, &doc->toks.v[t], ',')) { split = t; break; }
                }
            }
        }
    }
    hedged = si->hedges > si->certainties;
    if (hedged) si->flags |= DY_SF_HEDGED;

    /* clause boundaries: ; and :, a comma before a contrast cue (", but"), a contrast cue
     * inside the sentence, the comma closing an initial "Although X," clause. Direction
     * looks for participants inside the cue's clause. (", and" is not one: it also closes
     * lists; a coordination cue between a cue and a participant is handled below.) */
    nbnd = 0;
    if (scoring == 0) return 0;  /* hedges counted; nothing to score */
    if (si->m1 - si->m0 > 0 && contrast == 0) {
        /* no contrast cue in the sentence: only ; and : end clauses */
        uint32_t t;
        for (t = se->tok_first; t < se->tok_end && nbnd < 64; t++) {
            const dy_token *tk = &doc->toks.v[t];
            if (tk->kind == DY_TOK_PUNCT && clause_break(doc, tk)) bnd[nbnd++] = t;
        }
    } else if (si->m1 - si->m0 > 0) {  /* only a sentence with actors needs its clauses */
        uint32_t t, d2 = si->c0;
        for (t = se->tok_first; t < se->tok_end && nbnd < 64; t++) {
            const dy_token *tk = &doc->toks.v[t];
            int b = clause_break(doc, tk);
            while (d2 < si->c1 && doc->cues[d2].t0 < t) d2++;
            if (!b && punct_is(doc, tk, ',')) {
                if (contrast == 2 && t == split) b = 1;
                else if (d2 < si->c1 && doc->cues[d2].t0 == t + 1 && doc->cues[d2].subtype == DY_CUE_CONTRAST)
                    b = 1;
            }
            if (!b && d2 < si->c1 && doc->cues[d2].t0 == t && doc->cues[d2].subtype == DY_CUE_CONTRAST &&
                !(contrast == 2 && t == ct0))
                b = 1;
            if (b) bnd[nbnd++] = t;
        }
    }

    for (c = si->c0; c < si->c1; c++) {
        dy_item *cu = &doc->cues[c];
        const dy_entry *en;
        double w, g, factor = 1.0;
        int32_t k, nb = -1, na = -1, neg = 0, mlo, mhi;
        uint32_t d;
        uint8_t dir = DY_DIR_FORWARD;
        dy_group before, after, *src, *tgt;
        int swap = 0, npart = (int)(si->p1 - si->p0), ellipsis = 0;

        if (cu->subtype != DY_CUE_COOP && cu->subtype != DY_CUE_CONFLICT && cu->subtype != DY_CUE_DEPENDENCY)
            continue;
        en = dy_lexicon_entry(lex, cu->entry);
        w = en->weight;

        /* modifiers: the nearest negation / intensifier / passive auxiliary before it */
        for (d = si->c0; d < c; d++) {
            const dy_item *m = &doc->cues[d];
            if (m->subtype == DY_CUE_NEGATION && near_before(doc, m->t1, cu->t0, p->negation_window)) neg = 1;
            else if (m->subtype == DY_CUE_INTENSIFIER && near_before(doc, m->t1, cu->t0, p->intensifier_window)) {
                factor = m->weight;
                cu->flags |= DY_CF_INTENSIFIED;
            } else if (m->subtype == DY_CUE_PASSIVE && near_before(doc, m->t1, cu->t0, p->passive_window)) {
                cu->flags |= DY_CF_PASSIVE;
            }
        }
        w *= factor;
        if (!isnan(en->goldstein)) g = en->goldstein;
        else g = cu->subtype == DY_CUE_CONFLICT ? -w * p->k_conflict : w * p->k_coop;
        if (neg) {
            cu->flags |= DY_CF_NEGATED;
            if (cu->subtype == DY_CUE_DEPENDENCY) w = 0;
            else { w *= p->negation; g *= p->negation; }
        }
        if (g > 10) g = 10;
        if (g < -10) g = -10;
        if ((contrast == 1 && cu->t1 < ct0) || (contrast == 2 && cu->t0 > ct1 && cu->t0 < split)) {
            w *= p->contrast_before;
            cu->flags |= DY_CF_CONTRAST_BEFORE;
        } else if ((contrast == 1 && cu->t0 > ct1) || (contrast == 2 && cu->t0 >= split)) {
            w *= p->contrast_after;
            cu->flags |= DY_CF_CONTRAST_AFTER;
        }
        if (hedged) { w *= p->hedge; cu->flags |= DY_CF_HEDGED; }
        cu->weight = w;

        if (npart == 0) continue;
        /* the cue's clause, as a range of mentions [mlo, mhi) */
        {
            uint32_t blo = se->tok_first, bhi = se->tok_end;
            int b;
            for (b = 0; b < nbnd; b++) {
                if (bnd[b] < cu->t0) blo = bnd[b] + 1;
                else if (bnd[b] > cu->t1) { bhi = bnd[b]; break; }
            }
            mlo = (int32_t)si->m0;
            while (mlo < (int32_t)si->m1 && doc->mentions[mlo].t0 < blo) mlo++;
            mhi = mlo;
            while (mhi < (int32_t)si->m1 && doc->mentions[mhi].t1 < bhi) mhi++;
        }
        /* nearest participant mentions before and after the cue; distinct codes */
        npart = 0;
        for (k = mlo; k < mhi; k++) {
            const dy_item *m = &doc->mentions[k];
            int32_t q;
            if (m->t1 < cu->t0) nb = k;
            else if (m->t0 > cu->t1 && na < 0) na = k;
            for (q = mlo; q < k; q++) if (doc->mentions[q].code == m->code) break;
            if (q == k) npart++;
        }
        if (npart == 0) continue;
        if (npart == 1) {
            int32_t only = nb >= 0 ? nb : (na >= 0 ? na : mlo);
            if (cu->subtype == DY_CUE_DEPENDENCY) continue;  /* dependency needs two parties */
            if (contribute(doc, cu, c, only, -1, w, g, 0, DY_DIR_TONE)) return -1;
            continue;
        }
        /* a coordination cue between the cue and its nearest participant starts another
         * phrase ("the Russia threat and the China challenge"): not a party of this cue */
        {
            int32_t nb_raw = nb;
            if (nb >= 0 && coord_between(doc, si, doc->mentions[nb].t1, cu->t0)) nb = -1;
            if (na >= 0 && coord_between(doc, si, cu->t1, doc->mentions[na].t0)) na = -1;
            /* subject ellipsis (extension): "Egypt condemned the plan and warned Ethiopia" -
             * no participant of its own before the cue, a coordination cue right before it
             * (within ellipsis_window words, no mention in between) and an earlier scoring
             * cue of the same clause with a source: that source is this cue's source too */
            if (nb < 0 && subj >= mlo && subj < mhi && p->ellipsis_window > 0) {
                for (d = si->c0; d < c; d++) {
                    const dy_item *co = &doc->cues[d];
                    if (co->subtype != DY_CUE_COORDINATION || co->t0 <= subj_cue) continue;
                    if (nb_raw >= 0 && doc->mentions[nb_raw].t1 >= co->t0) continue;
                    if (near_before(doc, co->t1, cu->t0, p->ellipsis_window) &&
                        only_modifiers_between(doc, si, co->t1, cu->t0)) { ellipsis = 1; break; }
                }
            }
            if (ellipsis) {
                nb = subj;
                if (na < 0) {  /* no target: the subject's own tone, when it is one actor */
                    build_group(doc, si, mlo, mhi, nb, -1, &before);
                    if (cu->subtype != DY_CUE_DEPENDENCY && before.n == 1 &&
                        contribute(doc, cu, c, nb, -1, w, g, 0, DY_DIR_TONE))
                        return -1;
                    continue;
                }
            }
        }
        if (nb >= 0 && !ellipsis) { subj = nb; subj_cue = cu->t1; }
        if (nb < 0 && na < 0) continue;
        memset(&before, 0, sizeof before);
        memset(&after, 0, sizeof after);
        if (nb >= 0) build_group(doc, si, mlo, mhi, nb, -1, &before);
        if (na >= 0) build_group(doc, si, mlo, mhi, na, +1, &after);

        if (ellipsis) dir = DY_DIR_ELLIPSIS;
        /* a compound right before the cue: "Moscow-Beijing partnership" */
        if (!ellipsis && before.compound && before.n >= 2 && near_before(doc, doc->mentions[nb].t1, cu->t0, 1)) {
            after.n = 0;
            dir = DY_DIR_COMPOUND;
        } else if (nb < 0 || na < 0) {
            /* participants on one side only: mutual among the nearest one's group and the
             * participants within mutual_window words of the cue; a lone one: its tone */
            int32_t near = nb >= 0 ? nb : na;
            dy_group *side = nb >= 0 ? &before : &after;
            const dy_item *nm = &doc->mentions[near];
            int within = nb >= 0 ? near_before(doc, nm->t1, cu->t0, p->mutual_window)
                                 : near_before(doc, cu->t1, nm->t0, p->mutual_window);
            dir = side->joined ? DY_DIR_COORDINATION : (side->compound ? DY_DIR_COMPOUND : DY_DIR_ONE_SIDE);
            if (!within) {
                side->n = 1;
                side->m[0] = near;
            } else {
                for (k = mlo; k < mhi; k++) {
                    const dy_item *m = &doc->mentions[k];
                    if ((nb >= 0 && m->t1 < cu->t0 && near_before(doc, m->t1, cu->t0, p->mutual_window)) ||
                        (nb < 0 && m->t0 > cu->t1 && near_before(doc, cu->t1, m->t0, p->mutual_window)))
                        group_add(side, doc, k);
                }
            }
            if (side != &before) before = *side;
            after.n = 0;
        } else {
            /* passive: an auxiliary right before the verb and an agent before the target */
            if (cu->flags & DY_CF_PASSIVE) {
                for (d = c + 1; d < si->c1; d++) {
                    const dy_item *m = &doc->cues[d];
                    if (m->subtype == DY_CUE_AGENT && m->t0 > cu->t1 && m->t1 < doc->mentions[na].t0) {
                        swap = 1;
                        dir = DY_DIR_PASSIVE;
                        break;
                    }
                }
            }
            if (cu->subtype == DY_CUE_DEPENDENCY && (en->flags & DY_ENTRY_REVERSE)) {
                swap = !swap;
                dir = swap ? DY_DIR_REVERSE : (ellipsis ? DY_DIR_ELLIPSIS : DY_DIR_FORWARD);
            }
        }
        if (after.n == 0) {
            /* mutual among the group, half the weight each way */
            int i, j;
            if (before.n < 2) {
                if (cu->subtype == DY_CUE_DEPENDENCY) continue;
                if (contribute(doc, cu, c, before.n ? before.m[0] : mlo, -1, w, g, 0, DY_DIR_TONE))
                    return -1;
                continue;
            }
            for (i = 0; i < before.n; i++) {
                for (j = 0; j < before.n; j++) {
                    if (i == j) continue;
                    if (contribute(doc, cu, c, before.m[i], before.m[j], w * p->mutual, g, DY_CF_MUTUAL, dir))
                        return -1;
                }
            }
            continue;
        }
        src = swap ? &after : &before;
        tgt = swap ? &before : &after;
        {
            int i, j;
            for (i = 0; i < src->n; i++) {
                for (j = 0; j < tgt->n; j++) {
                    if (doc->mentions[src->m[i]].code == doc->mentions[tgt->m[j]].code) continue;
                    if (contribute(doc, cu, c, src->m[i], tgt->m[j], w, g, 0, dir)) return -1;
                }
            }
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- carry-over */

int64_t dy_carried_weight(const struct dy_doc *doc, const dy_item *sector)
{
    int topic = (doc->sinfo[sector->sentence].flags & DY_SF_TOPIC) != 0;
    return micro(sector->weight * (topic ? doc->params.topic : doc->params.carry));
}

int dy_carried_direction(const struct dy_doc *doc, size_t s)
{
    if (s >= doc->sents.n || doc->sinfo[s].carried_from == 0) return 0;
    return (doc->sinfo[s].flags & DY_SF_TOPIC) ? DY_DIR_TOPIC : DY_DIR_CARRIED;
}

/* How sentence s starts, from the bytes between the previous sentence and it (the
 * splitter leaves list markers out of sentences): *nl = newlines (0, 1, 2 = blank line),
 * *bullet = a list marker stands before it on its line. */
static void sentence_start(const struct dy_doc *doc, size_t s, int *nl, int *bullet)
{
    const unsigned char *p = (const unsigned char *)doc->text;
    size_t a = s ? doc->sents.v[s - 1].e : 0, b = doc->sents.v[s].s, i;
    int lines = s ? 0 : 1, mark = 0;
    for (i = a; i < b; i++) {
        unsigned ch = p[i];
        if (ch == '\n' || ch == '\r' || ch == 0x0B || ch == 0x0C) {
            if (!(ch == '\r' && i + 1 < b && p[i + 1] == '\n')) lines++;
            mark = 0;
        } else if (ch != ' ' && ch != '\t') {
            mark = 1;  /* a marker, or a multi-byte space / separator (rare: counted as text) */
        }
    }
    *nl = lines > 2 ? 2 : lines;
    *bullet = mark && lines > 0;
}

/* A headline: a sentence alone on its line(s) that does not end in punctuation, nor in
 * an abbreviation's period (a wrapped line cut after "U.K." is prose, not a headline). */
static int is_headline(const struct dy_doc *doc, size_t s, int nl, int bullet)
{
    const dy_sentence *se = &doc->sents.v[s];
    size_t i, end = s + 1 < doc->sents.n ? doc->sents.v[s + 1].s : doc->len;
    if (nl == 0 || bullet || se->tok_end == se->tok_first) return 0;
    if (doc->toks.v[se->tok_end - 1].kind == DY_TOK_PUNCT) return 0;
    if (doc->text[doc->toks.v[se->tok_end - 1].e - 1] == '.') return 0;
    for (i = se->e; i < end; i++) if (doc->text[i] == '\n' || doc->text[i] == '\r') return 1;
    return 0;
}

/* Carry-over state while the sentences are scored in order. */
typedef struct {
    int32_t lead;     /* sentence with >= 2 participants whose set is carried, -1 none */
    int32_t topic;    /* the section's headline when it has >= 2 participants, -1 none */
    int in_list;      /* the current line is a list item */
} dy_carry;

/* May a sentence with no participant, or one, inherit the participant set of the headline
 * l? A lone participant must be one of l's: the sentence elaborates the section's dyad. */
static int inherits(const struct dy_doc *doc, const dy_sinfo *si, int32_t l)
{
    const dy_sinfo *li;
    uint32_t p;
    if (l < 0) return 0;
    if (si->p1 == si->p0) return 1;
    li = &doc->sinfo[l];
    for (p = li->p0; p < li->p1; p++) if (doc->parts[p] == doc->parts[si->p0]) return 1;
    return 0;
}

/* A sentence with sector mentions and no actor records the block's lead sentence; failing
 * one, a sentence with no actor or with one of the headline's records the section's
 * headline. Its sectors go, x carry (x topic from a headline), to every directed dyad of
 * that sentence's participants when the summary is built, and doc:evidence lists them as
 * "carried" / "topic" (docs/SCORING.md). One index per sentence, no contribution records. */
static void carry_sentence(struct dy_doc *doc, dy_carry *st, uint32_t s)
{
    dy_sinfo *si = &doc->sinfo[s];
    uint32_t np = si->p1 - si->p0;
    int nl, bullet;
    sentence_start(doc, s, &nl, &bullet);
    if (nl > 0) {
        if (is_headline(doc, s, nl, bullet)) {
            st->lead = -1;
            st->topic = np >= 2 ? (int32_t)s : -1;  /* a new section; its topic when it names a dyad */
        } else if (!bullet && (nl >= 2 || st->in_list)) {
            st->lead = -1;
        }
        st->in_list = bullet;
    }
    if (np >= 2) { st->lead = (int32_t)s; return; }
    if (si->x0 == si->x1) return;
    if (np == 0 && doc->params.carry != 0 && st->lead >= 0) {
        si->carried_from = (uint32_t)st->lead + 1;
    } else if (doc->params.topic != 0 && inherits(doc, si, st->topic)) {
        si->carried_from = (uint32_t)st->topic + 1;
        si->flags |= DY_SF_TOPIC;
    }
}

/* Carry-over for the whole document. Only sentences from the first one with >= 2
 * participants (before it no lead exists) to the last one with sectors and at most one
 * actor (after it nothing is carried) are walked; the list state entering that range is the
 * marker of the last line start before it. Most news stories have no such range. */
static void carry_document(struct dy_doc *doc)
{
    size_t s, first = doc->sents.n, last = 0, n = doc->sents.n;
    dy_carry st;
    for (s = 0; s < n; s++) {
        if (doc->sinfo[s].p1 - doc->sinfo[s].p0 >= 2) { first = s; break; }
    }
    for (s = n; s > first + 1; s--) {
        const dy_sinfo *si = &doc->sinfo[s - 1];
        if (si->p1 - si->p0 <= 1 && si->x0 < si->x1) { last = s - 1; break; }
    }
    if (last <= first) return;
    st.lead = -1;
    st.topic = -1;
    st.in_list = 0;
    for (s = first; s > 0; s--) {
        int nl, bullet;
        sentence_start(doc, s - 1, &nl, &bullet);
        if (nl > 0) { st.in_list = bullet; break; }
    }
    for (s = first; s <= last; s++) carry_sentence(doc, &st, (uint32_t)s);
}

/* ---------------------------------------------------------------- analysis */

static void doc_reset(struct dy_doc *doc)
{
    /* empty the string table but keep its memory (the struct is public in strtab.h) */
    if (doc->strings.slots) memset(doc->strings.slots, 0, doc->strings.nslots * sizeof *doc->strings.slots);
    doc->strings.nbytes = 0;
    doc->strings.count = 0;
    memset(doc->icache_val, 0, sizeof doc->icache_val);
    doc->toks.n = doc->sents.n = doc->hits.n = 0;
    doc->nmentions = doc->ncues = doc->nsectors = doc->nparts = doc->ncontribs = doc->ntitle = 0;
    doc->summary_valid = 0;
    doc->nstotals = 0;
}

static int match_title(struct dy_doc *doc, dy_lexicon *lex, const char *title, size_t tlen)
{
    size_t h;
    if (title == NULL || tlen == 0) return 0;
    doc->hits.n = 0;
    if (dy_lexicon_match(lex, title, tlen, doc->date, &doc->hits) != 0) return -1;
    for (h = 0; h < doc->hits.n; h++) {
        const dy_entry *en = dy_lexicon_entry(lex, doc->hits.v[h].entry);
        uint32_t code;
        size_t i;
        if (en == NULL || en->kind != DY_KIND_ACTOR) continue;
        code = intern_lex(doc, lex, en->code);
        if (code == 0) return -1;
        for (i = 0; i < doc->ntitle; i++) if (doc->title[i].code == code) break;
        if (i == doc->ntitle) {
            if (DY_GROW(doc->title, doc->captitle, doc->ntitle, 1) != 0) return -1;
            doc->title[doc->ntitle].code = code;
            doc->title[doc->ntitle].count = 0;
            doc->ntitle++;
        }
        doc->title[i].count++;
    }
    doc->hits.n = 0;
    return 0;
}

int dy_doc_analyze(struct dy_doc *doc, dy_lexicon *lex, const char *text, size_t len,
                   const char *title, size_t tlen, int32_t date, const dy_score_params *params,
                   char *err, size_t errsz)
{
    size_t s;
    if (len >= UINT32_MAX || tlen >= UINT32_MAX) { set_err(err, errsz, "text longer than 4 GiB"); return -1; }
    doc_reset(doc);
    doc->lex = lex;
    doc->text = text;
    doc->len = len;
    doc->date = date;
    if (params != NULL) doc->params = *params; else dy_score_params_default(&doc->params);
    dy_score_params_from_lexicon(&doc->params, lex);
    if (match_title(doc, lex, title, tlen) != 0) goto fail;
    /* one allocation sized from the text instead of a chain of doublings (news text:
     * about one token per 5.5 bytes); a reused document already has the room */
    if (DY_GROW(doc->toks.v, doc->toks.cap, 0, len / 5 + 16) != 0) goto oom;
    if (dy_tokenize(text, len, &doc->toks) != 0) goto oom;
    if (dy_split_sentences(text, len, &doc->toks, &doc->sents) != 0) goto oom;
    if (dy_lexicon_match(lex, text, len, date, &doc->hits) != 0) goto fail;
    if (place_hits(doc, lex) != 0) goto oom;
    if (index_sentences(doc) != 0) goto oom;
    for (s = 0; s < doc->sents.n; s++) {
        if (doc->sinfo[s].c0 != doc->sinfo[s].c1 && score_sentence(doc, lex, (uint32_t)s) != 0) goto oom;
    }
    if (doc->params.carry != 0 || doc->params.topic != 0) carry_document(doc);
    return 0;
fail:
    set_err(err, errsz, "lexicon matching failed (out of memory or the lexicon did not compile)");
    return -1;
oom:
    set_err(err, errsz, "out of memory");
    return -1;
}

struct dy_doc *dy_analyze_ex(dy_lexicon *lex, const char *text, size_t len, const char *title,
                             size_t tlen, int32_t date, const dy_score_params *params,
                             char *err, size_t errsz)
{
    struct dy_doc *doc = dy_doc_new();
    if (doc == NULL) { set_err(err, errsz, "out of memory"); return NULL; }
    if (dy_doc_analyze(doc, lex, text, len, title, tlen, date, params, err, errsz) != 0) {
        dy_doc_free(doc);
        return NULL;
    }
    return doc;
}

struct dy_doc *dy_analyze(dy_lexicon *lex, const char *text, size_t len, int32_t date,
                          char *err, size_t errsz)
{
    return dy_analyze_ex(lex, text, len, NULL, 0, date, NULL, err, errsz);
}

/* ---------------------------------------------------------------- rules */

long dy_doc_emit(struct dy_doc *doc, const dy_emit_spec *sp, char *err, size_t errsz)
{
    dy_contrib c;
    double g, wc = sp->coop, wx = sp->conflict, wabs;
    if (sp->sentence >= doc->sents.n) { set_err(err, errsz, "sentence out of range"); return -1; }
    if (sp->source == NULL || sp->source[0] == '\0') { set_err(err, errsz, "missing source"); return -1; }
    if (sp->target != NULL && sp->target[0] == '\0') { set_err(err, errsz, "empty target"); return -1; }
    if (sp->target != NULL && strcmp(sp->source, sp->target) == 0) { set_err(err, errsz, "source and target are the same actor"); return -1; }
    if (!isfinite(sp->coop) || !isfinite(sp->conflict) || !isfinite(sp->dependency)) {
        set_err(err, errsz, "weights must be finite numbers");
        return -1;
    }
    if (!isnan(sp->goldstein) && (sp->goldstein < -10 || sp->goldstein > 10)) {
        set_err(err, errsz, "goldstein must lie in [-10, 10]");
        return -1;
    }
    memset(&c, 0, sizeof c);
    c.sentence = sp->sentence;
    c.cue = c.src_mention = c.tgt_mention = -1;
    c.flags = DY_CF_RULE;
    if (doc->sinfo[sp->sentence].flags & DY_SF_HEDGED) c.flags |= DY_CF_HEDGED;
    c.direction = DY_DIR_RULE;
    c.source = dy_strtab_intern(&doc->strings, sp->source, strlen(sp->source));
    c.target = sp->target ? dy_strtab_intern(&doc->strings, sp->target, strlen(sp->target)) : 0;
    if (c.source == 0 || (sp->target && c.target == 0)) goto oom;
    if (sp->rule && !(c.rule = dy_strtab_intern(&doc->strings, sp->rule, strlen(sp->rule)))) goto oom;
    if (sp->note && !(c.note = dy_strtab_intern(&doc->strings, sp->note, strlen(sp->note)))) goto oom;
    if (sp->sector && !(c.sector = dy_strtab_intern(&doc->strings, sp->sector, strlen(sp->sector)))) goto oom;
    c.coop = micro(wc);
    c.conflict = micro(wx);
    c.dependency = micro(sp->dependency);
    wabs = fabs(wc) + fabs(wx);
    if (wabs > 0) {
        g = isnan(sp->goldstein) ? wc * doc->params.k_coop - wx * doc->params.k_conflict : sp->goldstein;
        if (g > 10) g = 10;
        if (g < -10) g = -10;
        c.wsum = micro(wabs);
        c.gsum = micro(g * wabs);
    }
    if (push_contrib(doc, &c) != 0) goto oom;
    doc->summary_valid = 0;
    return (long)(doc->ncontribs - 1);
oom:
    set_err(err, errsz, "out of memory");
    return -1;
}

int dy_doc_discard(struct dy_doc *doc, size_t sentence)
{
    if (sentence >= doc->sents.n) return -1;
    doc->sinfo[sentence].flags |= DY_SF_DISCARDED;
    doc->summary_valid = 0;
    return 0;
}

long dy_doc_sentences_with(const struct dy_doc *doc, const char *const *codes, size_t ncodes,
                           uint32_t **out, size_t *cap)
{
    uint32_t ids[32];
    size_t i, s, n = 0;
    if (ncodes > 32) ncodes = 32;
    for (i = 0; i < ncodes; i++) {
        ids[i] = dy_strtab_find(&doc->strings, codes[i], strlen(codes[i]));
        if (ids[i] == 0) return 0;
    }
    for (s = 0; s < doc->sents.n; s++) {
        const dy_sinfo *si = &doc->sinfo[s];
        int all = 1;
        for (i = 0; i < ncodes && all; i++) {
            uint32_t p;
            int found = 0;
            for (p = si->p0; p < si->p1; p++) if (doc->parts[p] == ids[i]) { found = 1; break; }
            all = found;
        }
        if (!all) continue;
        if (DY_GROW(*out, *cap, n, 1) != 0) return -1;
        (*out)[n++] = (uint32_t)s;
    }
    return (long)n;
}

/* ---------------------------------------------------------------- summaries */

static uint32_t hash3(uint32_t a, uint32_t b, uint32_t c)
{
    uint64_t h = ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Full)
               ^ ((uint64_t)c * 0x165667B19E3779F9ull);
    return (uint32_t)(h ^ (h >> 29));
}

static void map_clear(dy_map3 *m)
{
    size_t i;
    for (i = 0; i < m->used; i++) m->vals[m->occ[i]] = 0;
    m->used = 0;
}

/* Index stored for key (a,b,c), inserting `next` when absent (*added = 1). -1: out of memory. */
static long map_get(dy_map3 *m, uint32_t a, uint32_t b, uint32_t c, uint32_t next, int *added)
{
    size_t i, mask;
    *added = 0;
    if ((m->used + 1) * 2 > m->nslots) {
        size_t ns = m->nslots ? m->nslots * 2 : 64, j;
        uint32_t *k = malloc(ns * 3 * sizeof *k), *v = calloc(ns, sizeof *v);
        if (k == NULL || v == NULL || DY_GROW(m->occ, m->capocc, 0, ns / 2 + 1) != 0) {
            free(k); free(v); return -1;
        }
        for (j = 0; j < m->used; j++) {
            size_t q, o = m->occ[j];
            q = hash3(m->keys[3 * o], m->keys[3 * o + 1], m->keys[3 * o + 2]) & (ns - 1);
            while (v[q] != 0) q = (q + 1) & (ns - 1);
            memcpy(k + 3 * q, m->keys + 3 * o, 3 * sizeof *k);
            v[q] = m->vals[o];
            m->occ[j] = (uint32_t)q;
        }
        free(m->keys);
        free(m->vals);
        m->keys = k;
        m->vals = v;
        m->nslots = ns;
    }
    mask = m->nslots - 1;
    i = hash3(a, b, c) & mask;
    while (m->vals[i] != 0) {
        if (m->keys[3 * i] == a && m->keys[3 * i + 1] == b && m->keys[3 * i + 2] == c) return (long)m->vals[i] - 1;
        i = (i + 1) & mask;
    }
    m->keys[3 * i] = a;
    m->keys[3 * i + 1] = b;
    m->keys[3 * i + 2] = c;
    m->vals[i] = next + 1;
    m->occ[m->used++] = (uint32_t)i;
    *added = 1;
    return (long)next;
}

/* Keys in the one map: (src, tgt, 0) dyads; (src, tgt, sector) dyad sectors. Codes are
 * >= 1. (Actors and sector totals: code_slot.) */
static long dyad_index(struct dy_doc *doc, uint32_t a, uint32_t b)
{
    dy_doc_summary *S = &doc->summary;
    int added;
    long i = map_get(&doc->map, a, b, 0, (uint32_t)S->ndyads, &added);
    if (i < 0 || !added) return i;
    if (DY_GROW(doc->sdyads, doc->capsdyads, S->ndyads, 1) != 0) return -1;
    memset(&doc->sdyads[S->ndyads], 0, sizeof *doc->sdyads);
    doc->sdyads[S->ndyads].source = a;
    doc->sdyads[S->ndyads].target = b;
    S->ndyads++;
    S->dyads = doc->sdyads;
    return i;
}

static int add_dyad_sector(struct dy_doc *doc, uint32_t a, uint32_t b, uint32_t sector, int64_t w)
{
    dy_doc_summary *S = &doc->summary;
    int added;
    long i = map_get(&doc->map, a, b, sector, (uint32_t)S->nsectors, &added);
    if (i < 0) return -1;
    if (added) {
        if (DY_GROW(doc->ssectors, doc->capssectors, S->nsectors, 1) != 0) return -1;
        doc->ssectors[S->nsectors].source = a;
        doc->ssectors[S->nsectors].target = b;
        doc->ssectors[S->nsectors].sector = sector;
        doc->ssectors[S->nsectors].weight = 0;
        S->nsectors++;
        S->sectors = doc->ssectors;
    }
    doc->ssectors[i].weight += w;
    return 0;
}

/* The slot of document string id `code` in this summary's generation. */
static dy_code_slot *code_slot(struct dy_doc *doc, uint32_t code)
{
    dy_code_slot *cs = &doc->cslots[code];
    if (cs->gen != doc->cgen) {
        cs->gen = doc->cgen;
        cs->actor = cs->total = 0;
    }
    return cs;
}

/* Actors and sector totals are keyed by one string id: a direct index (the document's
 * ids are small and dense) instead of the hash map. */
static long actor_index(struct dy_doc *doc, uint32_t code)
{
    dy_doc_summary *S = &doc->summary;
    dy_code_slot *cs = code_slot(doc, code);
    if (cs->actor != 0) return (long)cs->actor - 1;
    if (DY_GROW(doc->sactors, doc->capsactors, S->nactors, 1) != 0) return -1;
    if (DY_GROW(doc->sfirst, doc->capsfirst, S->nactors, 1) != 0) return -1;
    memset(&doc->sactors[S->nactors], 0, sizeof *doc->sactors);
    doc->sactors[S->nactors].actor = code;
    doc->sfirst[S->nactors] = 0;
    S->nactors++;
    S->actors = doc->sactors;
    cs->actor = (uint32_t)S->nactors;
    return (long)S->nactors - 1;
}

static int add_total(struct dy_doc *doc, uint32_t sector, int64_t w)
{
    dy_code_slot *cs = code_slot(doc, sector);
    if (cs->total == 0) {
        if (DY_GROW(doc->stotals, doc->capstotals, doc->nstotals, 1) != 0) return -1;
        doc->stotals[doc->nstotals].sector = sector;
        doc->stotals[doc->nstotals].weight = 0;
        doc->nstotals++;
        cs->total = (uint32_t)doc->nstotals;
    }
    doc->stotals[cs->total - 1].weight += w;
    return 0;
}

static int cmp_u32_pair(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

int dy_doc_summarize(struct dy_doc *doc, dy_doc_summary *out)
{
    dy_doc_summary *S = &doc->summary;
    size_t s, i, r = 0, nrule;
    int64_t salience = micro(1.0), lead_salience = micro(1.0 + doc->params.lead_bonus);
    if (doc->summary_valid) { *out = *S; return 0; }
    if (doc->capcslots < doc->strings.count) {
        size_t old = doc->capcslots;
        if (DY_GROW(doc->cslots, doc->capcslots, old, doc->strings.count - old) != 0) return -1;
        memset(doc->cslots + old, 0, (doc->capcslots - old) * sizeof *doc->cslots);
    }
    if (++doc->cgen == 0) {  /* wrapped: no entry may look current */
        memset(doc->cslots, 0, doc->capcslots * sizeof *doc->cslots);
        doc->cgen = 1;
    }
    memset(S, 0, sizeof *S);
    S->strings = &doc->strings;
    S->date = doc->date;
    S->dyads = doc->sdyads;
    S->sectors = doc->ssectors;
    S->actors = doc->sactors;
    doc->nstotals = 0;
    memset(&doc->hedging, 0, sizeof doc->hedging);
    map_clear(&doc->map);

    /* codes emitted by rules, per sentence: (sentence, code) pairs sorted */
    doc->nscratch = 0;
    for (i = 0; i < doc->ncontribs; i++) {
        const dy_contrib *c = &doc->contribs[i];
        if (!(c->flags & DY_CF_RULE)) continue;
        if (DY_GROW(doc->scratch, doc->capscratch, doc->nscratch, 4) != 0) return -1;
        doc->scratch[doc->nscratch++] = c->sentence;
        doc->scratch[doc->nscratch++] = c->source;
        doc->scratch[doc->nscratch++] = c->sentence;
        doc->scratch[doc->nscratch++] = c->target ? c->target : c->source;
    }
    nrule = doc->nscratch / 2;
    if (nrule > 1) qsort(doc->scratch, nrule, 2 * sizeof *doc->scratch, cmp_u32_pair);

    for (s = 0; s < doc->sents.n; s++) {
        const dy_sinfo *si = &doc->sinfo[s];
        size_t a, b, np;
        uint32_t k;
        while (r < nrule && doc->scratch[2 * r] < s) r++;
        if (si->flags & DY_SF_DISCARDED) continue;
        if (si->m0 == si->m1 && si->x0 == si->x1 && !(r < nrule && doc->scratch[2 * r] == s)) {
            /* nothing to add but the hedging counts (most sentences) */
            doc->hedging.sentences++;
            if (si->flags & DY_SF_HEDGED) doc->hedging.hedged_sentences++;
            continue;
        }
        /* actors */
        for (k = si->m0; k < si->m1; k++) {
            const dy_item *m = &doc->mentions[k];
            long ai = actor_index(doc, m->code);
            if (ai < 0) return -1;
            doc->sactors[ai].mentions++;
            doc->sactors[ai].salience += s == 0 ? lead_salience : salience;
            if (doc->sfirst[ai] == 0) doc->sfirst[ai] = m->s + 1;
        }
        /* the sentence's codes: participants, then codes its rule contributions name */
        doc->nscratch2 = 0;
        for (k = si->p0; k < si->p1; k++) {
            if (DY_GROW(doc->scratch2, doc->capscratch2, doc->nscratch2, 1) != 0) return -1;
            doc->scratch2[doc->nscratch2++] = doc->parts[k];
        }
        for (; r < nrule && doc->scratch[2 * r] == s; r++) {
            uint32_t code = doc->scratch[2 * r + 1];
            size_t q;
            for (q = 0; q < doc->nscratch2; q++) if (doc->scratch2[q] == code) break;
            if (q < doc->nscratch2) continue;
            if (DY_GROW(doc->scratch2, doc->capscratch2, doc->nscratch2, 1) != 0) return -1;
            doc->scratch2[doc->nscratch2++] = code;
        }
        np = doc->nscratch2;
        doc->hedging.sentences++;
        if (si->flags & DY_SF_HEDGED) doc->hedging.hedged_sentences++;
        if (np >= 2) {
            doc->hedging.dyad_sentences++;
            if (si->flags & DY_SF_HEDGED) doc->hedging.hedged_dyad_sentences++;
        }
        for (k = si->x0; k < si->x1; k++) {
            if (add_total(doc, doc->sectors[k].code, micro(doc->sectors[k].weight)) != 0) return -1;
        }
        for (a = 0; a < np; a++) {
            for (b = 0; b < np; b++) {
                long di;
                if (a == b) continue;
                di = dyad_index(doc, doc->scratch2[a], doc->scratch2[b]);
                if (di < 0) return -1;
                doc->sdyads[di].n++;
                if (si->flags & DY_SF_HEDGED) doc->sdyads[di].hedged++;
                for (k = si->x0; k < si->x1; k++) {
                    if (add_dyad_sector(doc, doc->scratch2[a], doc->scratch2[b], doc->sectors[k].code,
                                        micro(doc->sectors[k].weight)) != 0) return -1;
                }
            }
        }
        /* carried sectors: to the lead sentence's participant pairs (not a co-occurrence) */
        if (si->carried_from && !(doc->sinfo[si->carried_from - 1].flags & DY_SF_DISCARDED)) {
            const dy_sinfo *li = &doc->sinfo[si->carried_from - 1];
            uint32_t pa, pb;
            for (k = si->x0; k < si->x1; k++) {
                int64_t w = dy_carried_weight(doc, &doc->sectors[k]);
                for (pa = li->p0; pa < li->p1; pa++) {
                    for (pb = li->p0; pb < li->p1; pb++) {
                        if (pa != pb && add_dyad_sector(doc, doc->parts[pa], doc->parts[pb],
                                                        doc->sectors[k].code, w) != 0) return -1;
                    }
                }
            }
        }
    }
    /* title bonus (actors named only in the title appear with no mentions) */
    for (i = 0; i < doc->ntitle; i++) {
        long ai = actor_index(doc, doc->title[i].code);
        if (ai < 0) return -1;
        doc->sactors[ai].salience += micro(doc->params.title_bonus * doc->title[i].count);
    }
    /* contributions */
    for (i = 0; i < doc->ncontribs; i++) {
        const dy_contrib *c = &doc->contribs[i];
        if (doc->sinfo[c->sentence].flags & DY_SF_DISCARDED) continue;
        if (c->target == 0) {
            long ai = actor_index(doc, c->source);
            if (ai < 0) return -1;
            doc->sactors[ai].coop += c->coop;
            doc->sactors[ai].conflict += c->conflict;
            doc->sactors[ai].gsum += c->gsum;
            doc->sactors[ai].wsum += c->wsum;
        } else {
            long di = dyad_index(doc, c->source, c->target);
            dy_dyad_sum *d;
            if (di < 0) return -1;
            d = &doc->sdyads[di];
            d->coop += c->coop;
            d->conflict += c->conflict;
            d->dependency += c->dependency;
            d->gsum += c->gsum;
            d->wsum += c->wsum;
            if (c->sector != 0) {
                if (add_dyad_sector(doc, c->source, c->target, c->sector, DY_MICRO) != 0) return -1;
                if (add_total(doc, c->sector, DY_MICRO) != 0) return -1;
            }
        }
    }
    S->dyads = doc->sdyads;
    S->sectors = doc->ssectors;
    S->actors = doc->sactors;
    doc->summary_valid = 1;
    *out = *S;
    return 0;
}

const dy_sector_total *dy_doc_sector_totals(struct dy_doc *doc, size_t *n)
{
    dy_doc_summary tmp;
    if (dy_doc_summarize(doc, &tmp) != 0) { *n = 0; return NULL; }
    *n = doc->nstotals;
    return doc->stotals;
}

const dy_hedging *dy_doc_hedging(struct dy_doc *doc)
{
    dy_doc_summary tmp;
    if (dy_doc_summarize(doc, &tmp) != 0) return NULL;
    return &doc->hedging;
}

uint32_t dy_doc_actor_first(const struct dy_doc *doc, size_t i)
{
    return i < doc->summary.nactors ? doc->sfirst[i] : 0;
}
