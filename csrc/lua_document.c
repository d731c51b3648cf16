/*
 * lua_document.c - core.analyze and the "dyadic.document" userdata.
 *
 * The userdata holds only a pointer to the C document (freed by close / __gc). What
 * the document borrows (the lexicon userdata and the text string) and its metadata
 * (id, date, title, tags) live in a weak-keyed registry table keyed by the userdata:
 * that works on Lua 5.1 too, which has no user values. Offsets handed to Lua are
 * 1-based inclusive; weights are numbers (micro-units / 1e6).
 */
#include "analyze.h"
#include "binding.h"
#include "date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOC_MT "dyadic.document"
#define ANCHORS "dyadic.document.anchors"

typedef struct {
    struct dy_doc *doc;
} docbox;

static docbox *check_box(lua_State *L, int arg)
{
    return (docbox *)luaL_checkudata(L, arg, DOC_MT);
}

/* One closed document kept per Lua state for the next analysis to reuse: a corpus run
 * analyzes and closes documents one after another, and reusing the arrays of the last
 * one (tokens, sentences, hits, mentions...) saves the allocator about a sixth of the
 * time of analyze + close. The spare lives in a registry userdata (no C globals); its
 * __gc frees the document and marks it dead, so a document finalized later (at
 * lua_close) is freed rather than parked. Only documents of texts up to RECYCLE_MAX
 * bytes are kept, so one huge text does not pin its buffers. */
#define SPARE "dyadic.document.spare"
#define RECYCLE_MAX ((size_t)1 << 20)

typedef struct {
    struct dy_doc *doc;
    int dead;
} spare_doc;

static int spare_gc(lua_State *L)
{
    spare_doc *sp = (spare_doc *)lua_touserdata(L, 1);
    if (sp != NULL) {
        dy_doc_free(sp->doc);
        sp->doc = NULL;
        sp->dead = 1;
    }
    return 0;
}

/* The state's spare slot; created when `create` (never from a finalizer). */
static spare_doc *spare_slot(lua_State *L, int create)
{
    spare_doc *sp;
    lua_getfield(L, LUA_REGISTRYINDEX, SPARE);
    sp = (spare_doc *)lua_touserdata(L, -1);
    lua_pop(L, 1);
    if (sp != NULL || !create) return sp;
    sp = (spare_doc *)lua_newuserdata(L, sizeof *sp);
    sp->doc = NULL;
    sp->dead = 0;
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, spare_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, SPARE);
    return sp;
}

/* A document to analyze into: the spare when there is one, else a new one. */
static struct dy_doc *take_doc(lua_State *L)
{
    spare_doc *sp = spare_slot(L, 1);
    struct dy_doc *doc = sp->doc;
    if (doc != NULL && !sp->dead) { sp->doc = NULL; return doc; }
    return dy_doc_new();
}

/* Park a closed document as the spare, or free it. */
static void release_doc(lua_State *L, struct dy_doc *doc)
{
    spare_doc *sp = spare_slot(L, 0);
    if (sp != NULL && !sp->dead && sp->doc == NULL && doc->len <= RECYCLE_MAX) {
        sp->doc = doc;
        return;
    }
    dy_doc_free(doc);
}

struct dy_doc *dy_check_document(lua_State *L, int arg)
{
    docbox *b = check_box(L, arg);
    if (b->doc == NULL) luaL_argerror(L, arg, "document is closed");
    return b->doc;
}

/* Push the weak-keyed table stored in the registry under `name`, creating it on first use. */
static void push_weak_registry(lua_State *L, const char *name)
{
    lua_getfield(L, LUA_REGISTRYINDEX, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, name);
    }
}

static void push_anchors(lua_State *L)
{
    push_weak_registry(L, ANCHORS);
}

/* Push the anchor table of the document at index arg (absolute). */
static void push_anchor(lua_State *L, int arg)
{
    push_anchors(L);
    lua_pushvalue(L, arg);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
}

/* The lexicon the document was analysed with, checked open. The lexicon is not an
 * argument of the method, so a closed one raises a plain error, not an argerror. */
static const dy_lexicon *doc_lexicon(lua_State *L, int arg)
{
    const dy_lexicon *lex;
    push_anchor(L, arg);
    lua_getfield(L, -1, "lexicon");
    if (lua_isnil(L, -1)) luaL_error(L, "document has no lexicon");
    lex = dy_test_lexicon(L, -1);
    if (lex == NULL) luaL_error(L, "document's lexicon was closed");
    lua_pop(L, 2);
    return lex;
}

static void set_number(lua_State *L, const char *k, double v)
{
    lua_pushnumber(L, v);
    lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, long long v)
{
    dy_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_string(lua_State *L, const char *k, const char *v)
{
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void set_bool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

static double unmicro(int64_t v)
{
    return (double)v / DY_MICRO;
}

static dy_doc_summary *summary_of(lua_State *L, struct dy_doc *doc, dy_doc_summary *S)
{
    if (dy_doc_summarize(doc, S) != 0) luaL_error(L, "out of memory");
    return S;
}

/* ---------------------------------------------------------------- analyze */

static const char *const analyze_opts[] = { "id", "scoring", NULL };
static const char *const scoring_keys[] = {
    "negation", "contrast_before", "contrast_after", "hedge", "mutual", "goldstein_k", "k_coop", "k_conflict",
    "lead_bonus", "title_bonus", "negation_window", "intensifier_window", "passive_window", "mutual_window",
    "carry", "ellipsis_window", "topic", NULL
};

/* A window parameter (in tokens) at the top of the stack: an integer in 0..2^31-1, checked
 * before the cast to int (undefined for values outside int). */
static int window(lua_State *L, int arg, const char *key)
{
    lua_Number v = lua_tonumber(L, -1);
    if (!dy_isinteger(L, -1) || v < 0 || v > 2147483647.0)
        luaL_argerror(L, arg, lua_pushfstring(L, "scoring parameter '%s' must be an integer from 0 to 2^31-1", key));
    return (int)v;
}

static void read_scoring(lua_State *L, int arg, dy_score_params *p)
{
    int i;
    lua_getfield(L, arg, "scoring");
    if (lua_isnil(L, -1)) { lua_pop(L, 1); return; }
    if (!lua_istable(L, -1)) luaL_argerror(L, arg, "option 'scoring' must be a table");
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        int ok = 0;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            for (i = 0; scoring_keys[i]; i++) if (strcmp(k, scoring_keys[i]) == 0) ok = 1;
        }
        if (!ok) luaL_argerror(L, arg, lua_pushfstring(L, "unknown scoring parameter '%s'",
                                                       lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?"));
        if (lua_type(L, -1) != LUA_TNUMBER || !isfinite(lua_tonumber(L, -1)))
            luaL_argerror(L, arg, lua_pushfstring(L, "scoring parameter '%s' must be a finite number",
                                                  lua_tostring(L, -2)));
        lua_pop(L, 1);
    }
#define NUM(f) lua_getfield(L, -1, #f); if (!lua_isnil(L, -1)) p->f = lua_tonumber(L, -1); lua_pop(L, 1)
#define INT(f) lua_getfield(L, -1, #f); if (!lua_isnil(L, -1)) p->f = window(L, arg, #f); lua_pop(L, 1)
    NUM(negation); NUM(contrast_before); NUM(contrast_after); NUM(hedge); NUM(mutual);
    NUM(lead_bonus);
    lua_getfield(L, -1, "goldstein_k");
    if (!lua_isnil(L, -1)) p->k_coop = p->k_conflict = lua_tonumber(L, -1);
    lua_pop(L, 1);
    NUM(k_coop); NUM(k_conflict); NUM(title_bonus); NUM(carry); NUM(topic);
    INT(negation_window); INT(intensifier_window); INT(passive_window); INT(mutual_window);
    INT(ellipsis_window);
#undef NUM
#undef INT
    lua_pop(L, 1);
}

/* k_coop / k_conflict derived from the lexicon, cached per lexicon userdata (weak keys)
 * and recomputed when its size changes: one pass over the entries, not one per document. */
static void derive_k(lua_State *L, const dy_lexicon *lex, dy_score_params *p)
{
    dy_score_params q;
    size_t n = dy_lexicon_size(lex);
    if (!isnan(p->k_coop) && !isnan(p->k_conflict)) return;
    push_weak_registry(L, "dyadic.document.kcache");
    lua_pushvalue(L, 1);
    lua_rawget(L, -2);
    if (lua_istable(L, -1)) {
        lua_rawgeti(L, -1, 1);
        if ((size_t)lua_tonumber(L, -1) == n) {
            lua_rawgeti(L, -2, 2);
            lua_rawgeti(L, -3, 3);
            if (isnan(p->k_coop)) p->k_coop = lua_tonumber(L, -2);
            if (isnan(p->k_conflict)) p->k_conflict = lua_tonumber(L, -1);
            lua_pop(L, 5);
            return;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    dy_score_params_default(&q);
    dy_score_params_from_lexicon(&q, lex);
    lua_pushvalue(L, 1);
    lua_createtable(L, 3, 0);
    lua_pushnumber(L, (lua_Number)n);
    lua_rawseti(L, -2, 1);
    lua_pushnumber(L, q.k_coop);
    lua_rawseti(L, -2, 2);
    lua_pushnumber(L, q.k_conflict);
    lua_rawseti(L, -2, 3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    if (isnan(p->k_coop)) p->k_coop = q.k_coop;
    if (isnan(p->k_conflict)) p->k_conflict = q.k_conflict;
}

/* core.analyze(lexicon, text [, date [, title [, {id=, scoring={...}}]]]) -> document */
static int l_analyze(lua_State *L)
{
    dy_lexicon *lex = (dy_lexicon *)dy_check_lexicon(L, 1);
    size_t len, tlen = 0, dlen;
    const char *text = dy_check_text(L, 2, &len);
    const char *title = NULL, *id;
    int32_t date = DY_NODATE;
    dy_score_params params;
    docbox *box;
    char err[256];
    int top;

    if (!lua_isnoneornil(L, 3)) {
        const char *ds = luaL_checklstring(L, 3, &dlen);
        if (dy_parse_date(ds, dlen, &date) != 0)
            return luaL_argerror(L, 3, lua_pushfstring(L, "malformed date '%s'", ds));
    }
    if (!lua_isnoneornil(L, 4)) title = dy_check_text(L, 4, &tlen);
    dy_check_options(L, 5, analyze_opts);
    id = dy_opt_string(L, 5, "id", NULL);
    dy_score_params_default(&params);
    if (!lua_isnoneornil(L, 5)) read_scoring(L, 5, &params);
    lua_settop(L, 5);
    derive_k(L, lex, &params);

    box = (docbox *)lua_newuserdata(L, sizeof *box);
    box->doc = NULL;
    luaL_getmetatable(L, DOC_MT);
    lua_setmetatable(L, -2);
    top = lua_gettop(L);
    box->doc = take_doc(L);
    if (box->doc == NULL) return luaL_error(L, "out of memory");
    if (dy_doc_analyze(box->doc, lex, text, len, title, tlen, date, &params, err, sizeof err) != 0)
        return luaL_error(L, "%s", err);

    push_anchors(L);
    lua_pushvalue(L, top);
    lua_createtable(L, 0, 6);
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "lexicon");
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "text");
    if (id != NULL) set_string(L, "id", id);
    if (!lua_isnoneornil(L, 3)) { lua_pushvalue(L, 3); lua_setfield(L, -2, "date"); }
    if (title != NULL) { lua_pushvalue(L, 4); lua_setfield(L, -2, "title"); }
    lua_newtable(L);
    lua_setfield(L, -2, "tags");
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_pushvalue(L, top);
    return 1;
}

/* ---------------------------------------------------------------- reading */

static int d_text(lua_State *L)
{
    dy_check_document(L, 1);
    push_anchor(L, 1);
    lua_getfield(L, -1, "text");
    return 1;
}

static int d_sentences(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    size_t i;
    push_anchor(L, 1);
    lua_getfield(L, -1, "tags");
    lua_createtable(L, (int)doc->sents.n, 0);
    for (i = 0; i < doc->sents.n; i++) {
        const dy_sentence *s = &doc->sents.v[i];
        lua_createtable(L, 2, 4);
        dy_pushinteger(L, s->s + 1);
        lua_rawseti(L, -2, 1);
        dy_pushinteger(L, s->e);
        lua_rawseti(L, -2, 2);
        set_int(L, "s", s->s + 1);
        set_int(L, "e", s->e);
        if (doc->sinfo[i].flags & DY_SF_HEDGED) set_bool(L, "hedged", 1);
        if (doc->sinfo[i].flags & DY_SF_DISCARDED) set_bool(L, "discarded", 1);
        lua_rawgeti(L, -3, (int)(i + 1));
        if (!lua_isnil(L, -1)) lua_setfield(L, -2, "tags"); else lua_pop(L, 1);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

static void push_mention(lua_State *L, const struct dy_doc *doc, const dy_lexicon *lex, size_t i)
{
    const dy_item *m = &doc->mentions[i];
    const dy_entry *en = dy_lexicon_entry(lex, m->entry);
    lua_createtable(L, 7, 9);
    dy_pushinteger(L, m->s + 1); lua_pushvalue(L, -1); lua_rawseti(L, -3, 1); lua_setfield(L, -2, "s");
    dy_pushinteger(L, m->e); lua_pushvalue(L, -1); lua_rawseti(L, -3, 2); lua_setfield(L, -2, "e");
    lua_pushstring(L, en ? dy_lexicon_string(lex, en->term) : "");
    lua_pushvalue(L, -1); lua_rawseti(L, -3, 3); lua_setfield(L, -2, "term");
    lua_pushstring(L, dy_doc_string(doc, m->code));
    lua_pushvalue(L, -1); lua_rawseti(L, -3, 4); lua_setfield(L, -2, "code");
    lua_pushstring(L, dy_actor_type_name(m->subtype));
    lua_pushvalue(L, -1); lua_rawseti(L, -3, 5); lua_setfield(L, -2, "type");
    if (en && en->role) lua_pushstring(L, dy_lexicon_string(lex, en->role)); else lua_pushboolean(L, 0);
    lua_pushvalue(L, -1); lua_rawseti(L, -3, 6);
    if (lua_toboolean(L, -1)) lua_setfield(L, -2, "role"); else lua_pop(L, 1);
    dy_pushinteger(L, m->sentence + 1); lua_pushvalue(L, -1); lua_rawseti(L, -3, 7); lua_setfield(L, -2, "sentence");
    if (en && en->full_code) set_string(L, "full_code", dy_lexicon_string(lex, en->full_code));
    lua_pushlstring(L, doc->text + m->s, m->e - m->s);
    lua_setfield(L, -2, "text");
}

typedef void (*item_pusher)(lua_State *L, const struct dy_doc *doc, const dy_lexicon *lex, size_t i);

/* A list of n records made by push (mentions, cues), for the document at index 1. */
static int push_items(lua_State *L, size_t n, item_pusher push)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    const dy_lexicon *lex = doc_lexicon(L, 1);
    size_t i;
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        push(L, doc, lex, i);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

static int d_mentions(lua_State *L)
{
    return push_items(L, dy_check_document(L, 1)->nmentions, push_mention);
}

/* doc:_counts() -> { mentions =, cues =, sentences = }: the sizes of those lists without
 * building them (a report's header counts; a huge document has millions of mentions). */
static int d_counts(lua_State *L)
{
    const struct dy_doc *doc = dy_check_document(L, 1);
    lua_createtable(L, 0, 3);
    set_int(L, "mentions", (long long)doc->nmentions);
    set_int(L, "cues", (long long)doc->ncues);
    set_int(L, "sentences", (long long)doc->sents.n);
    return 1;
}

static void push_cue(lua_State *L, const struct dy_doc *doc, const dy_lexicon *lex, size_t i)
{
    const dy_item *c = &doc->cues[i];
    const dy_entry *en = dy_lexicon_entry(lex, c->entry);
    int scoring = c->subtype == DY_CUE_COOP || c->subtype == DY_CUE_CONFLICT || c->subtype == DY_CUE_DEPENDENCY;
    lua_createtable(L, 2, 12);
    dy_pushinteger(L, c->s + 1); lua_pushvalue(L, -1); lua_rawseti(L, -3, 1); lua_setfield(L, -2, "s");
    dy_pushinteger(L, c->e); lua_pushvalue(L, -1); lua_rawseti(L, -3, 2); lua_setfield(L, -2, "e");
    set_string(L, "term", en ? dy_lexicon_string(lex, en->term) : "");
    set_string(L, "category", dy_cue_category_name(c->subtype));
    set_number(L, "weight", en ? en->weight : 1.0);
    if (scoring) set_number(L, "score", c->weight);
    set_int(L, "sentence", c->sentence + 1);
    if (en && en->code) set_string(L, "cameo", dy_lexicon_string(lex, en->code));
    if (en && !isnan(en->goldstein)) set_number(L, "goldstein", en->goldstein);
    if (en && (en->flags & DY_ENTRY_REVERSE)) set_string(L, "direction", "reverse");
    if (c->flags & DY_CF_NEGATED) set_bool(L, "negated", 1);
    if (c->flags & DY_CF_INTENSIFIED) set_bool(L, "intensified", 1);
    if (c->flags & DY_CF_HEDGED) set_bool(L, "hedged", 1);
    if (c->flags & DY_CF_PASSIVE) set_bool(L, "passive", 1);
    if (c->flags & DY_CF_CONTRAST_BEFORE) set_string(L, "contrast", "before");
    if (c->flags & DY_CF_CONTRAST_AFTER) set_string(L, "contrast", "after");
}

static int d_cues(lua_State *L)
{
    return push_items(L, dy_check_document(L, 1)->ncues, push_cue);
}

/* Sort summary actors by salience, then mentions, then first mention, then code. */
typedef struct {
    const struct dy_doc *doc;
    const dy_actor_sum *a;
    uint32_t first;
} actor_ref;

static int cmp_actor(const void *x, const void *y)
{
    const actor_ref *p = x, *q = y;
    uint32_t fp = p->first ? p->first : UINT32_MAX, fq = q->first ? q->first : UINT32_MAX;
    if (p->a->salience != q->a->salience) return p->a->salience > q->a->salience ? -1 : 1;
    if (p->a->mentions != q->a->mentions) return p->a->mentions > q->a->mentions ? -1 : 1;
    if (fp != fq) return fp < fq ? -1 : 1;
    return strcmp(dy_doc_string(p->doc, p->a->actor), dy_doc_string(q->doc, q->a->actor));
}

static int d_actors(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    dy_doc_summary S;
    actor_ref *refs;
    size_t i;
    summary_of(L, doc, &S);
    refs = (actor_ref *)lua_newuserdata(L, (S.nactors ? S.nactors : 1) * sizeof *refs);
    for (i = 0; i < S.nactors; i++) {
        refs[i].doc = doc;
        refs[i].a = &S.actors[i];
        refs[i].first = dy_doc_actor_first(doc, i);
    }
    qsort(refs, S.nactors, sizeof *refs, cmp_actor);
    lua_createtable(L, (int)S.nactors, 0);
    for (i = 0; i < S.nactors; i++) {
        const dy_actor_sum *a = refs[i].a;
        lua_createtable(L, 0, 8);
        set_string(L, "code", dy_doc_string(doc, a->actor));
        set_int(L, "count", a->mentions);
        if (refs[i].first) set_int(L, "first", refs[i].first);
        set_number(L, "salience", unmicro(a->salience));
        set_number(L, "coop", unmicro(a->coop));
        set_number(L, "conflict", unmicro(a->conflict));
        set_number(L, "net", (double)a->gsum / ((double)a->wsum + DY_MICRO));
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

/* Dyad records, most co-occurring first (then most weight): directed, or folded to unordered pairs (source < target) summing both
 * directions except n and hedged, which count sentences (the same for both). */
typedef struct {
    uint32_t a, b;
    int64_t n, hedged, coop, conflict, dependency, gsum, wsum;
} dyad_acc;

static int cmp_dyad(const void *x, const void *y)
{
    const dyad_acc *p = x, *q = y;
    int64_t wp = p->wsum + (p->dependency < 0 ? -p->dependency : p->dependency);
    int64_t wq = q->wsum + (q->dependency < 0 ? -q->dependency : q->dependency);
    if (p->n != q->n) return p->n > q->n ? -1 : 1;
    if (wp != wq) return wp > wq ? -1 : 1;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int d_dyads(lua_State *L)
{
    static const char *const known[] = { "undirected", NULL };
    struct dy_doc *doc = dy_check_document(L, 1);
    dy_doc_summary S;
    dyad_acc *acc;
    size_t i, j, n = 0;
    int undirected;
    dy_check_options(L, 2, known);
    undirected = dy_opt_boolean(L, 2, "undirected", 0);
    summary_of(L, doc, &S);
    acc = (dyad_acc *)lua_newuserdata(L, (S.ndyads ? S.ndyads : 1) * sizeof *acc);
    for (i = 0; i < S.ndyads; i++) {
        const dy_dyad_sum *d = &S.dyads[i];
        uint32_t a = d->source, b = d->target;
        int merged = 0;
        if (undirected && strcmp(dy_doc_string(doc, a), dy_doc_string(doc, b)) > 0) { a = d->target; b = d->source; }
        if (undirected) {
            for (j = 0; j < n; j++) {
                if (acc[j].a == a && acc[j].b == b) {
                    acc[j].coop += d->coop; acc[j].conflict += d->conflict;
                    acc[j].dependency += d->dependency; acc[j].gsum += d->gsum; acc[j].wsum += d->wsum;
                    if (d->n > acc[j].n) acc[j].n = d->n;
                    if (d->hedged > acc[j].hedged) acc[j].hedged = d->hedged;
                    merged = 1;
                    break;
                }
            }
        }
        if (merged) continue;
        acc[n].a = a; acc[n].b = b; acc[n].n = d->n; acc[n].hedged = d->hedged;
        acc[n].coop = d->coop; acc[n].conflict = d->conflict; acc[n].dependency = d->dependency;
        acc[n].gsum = d->gsum; acc[n].wsum = d->wsum;
        n++;
    }
    qsort(acc, n, sizeof *acc, cmp_dyad);
    lua_createtable(L, (int)n, 0);
    for (i = 0; i < n; i++) {
        lua_createtable(L, 0, 11);
        set_string(L, "source", dy_doc_string(doc, acc[i].a));
        set_string(L, "target", dy_doc_string(doc, acc[i].b));
        set_number(L, "coop", unmicro(acc[i].coop));
        set_number(L, "conflict", unmicro(acc[i].conflict));
        set_number(L, "dependency", unmicro(acc[i].dependency));
        set_number(L, "net", (double)acc[i].gsum / ((double)acc[i].wsum + DY_MICRO));
        set_int(L, "n", acc[i].n);
        set_int(L, "hedged", acc[i].hedged);
        set_number(L, "gsum", unmicro(acc[i].gsum));
        set_number(L, "wsum", unmicro(acc[i].wsum));
        lua_newtable(L);
        for (j = 0; j < S.nsectors; j++) {
            const dy_dyad_sector *x = &S.sectors[j];
            int hit = (x->source == acc[i].a && x->target == acc[i].b) ||
                      (undirected && x->source == acc[i].b && x->target == acc[i].a);
            if (!hit) continue;
            /* Sector mentions go to both directions of each pair in the sentence, so the
             * undirected pair takes the larger direction's weight rather than their sum
             * (as with n and hedged above, and in agg:dyads). */
            lua_getfield(L, -1, dy_doc_string(doc, x->sector));
            if (lua_isnil(L, -1) || lua_tonumber(L, -1) < unmicro(x->weight)) {
                lua_pop(L, 1);
                lua_pushnumber(L, unmicro(x->weight));
                lua_setfield(L, -2, dy_doc_string(doc, x->sector));
            } else {
                lua_pop(L, 1);
            }
        }
        lua_setfield(L, -2, "sectors");
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

static int d_sectors(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    size_t i, n;
    const dy_sector_total *t = dy_doc_sector_totals(doc, &n);
    if (t == NULL && n == 0 && !doc->summary_valid) return luaL_error(L, "out of memory");
    lua_createtable(L, 0, (int)n);
    for (i = 0; i < n; i++) {
        lua_pushnumber(L, unmicro(t[i].weight));
        lua_setfield(L, -2, dy_doc_string(doc, t[i].sector));
    }
    return 1;
}

/* Set the fields sentence, s, e and text of the evidence record on top to sentence s's.
 * `cache` is the stack index of a table from sentence number to its string, so a sentence
 * behind many records is copied into Lua once per call, not once per record. */
static void set_sentence_fields(lua_State *L, const struct dy_doc *doc, uint32_t s, int cache)
{
    const dy_sentence *se = &doc->sents.v[s];
    set_int(L, "sentence", s + 1);
    set_int(L, "s", se->s + 1);
    set_int(L, "e", se->e);
    lua_rawgeti(L, cache, (int)s + 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushlstring(L, doc->text + se->s, se->e - se->s);
        lua_pushvalue(L, -1);
        lua_rawseti(L, cache, (int)s + 1);
    }
    lua_setfield(L, -2, "text");
}

static void push_contrib(lua_State *L, const struct dy_doc *doc, const dy_lexicon *lex, const dy_contrib *c,
                         int cache)
{
    lua_createtable(L, 0, 20);
    set_sentence_fields(L, doc, c->sentence, cache);
    set_string(L, "source", dy_doc_string(doc, c->source));
    if (c->target) set_string(L, "target", dy_doc_string(doc, c->target));
    set_number(L, "coop", unmicro(c->coop));
    set_number(L, "conflict", unmicro(c->conflict));
    set_number(L, "dependency", unmicro(c->dependency));
    if (c->wsum) set_number(L, "goldstein", (double)c->gsum / (double)c->wsum);
    set_bool(L, "hedged", (c->flags & DY_CF_HEDGED) != 0);
    set_bool(L, "negated", (c->flags & DY_CF_NEGATED) != 0);
    if (c->flags & DY_CF_MUTUAL) set_bool(L, "mutual", 1);
    set_string(L, "direction", dy_direction_name(c->direction));
    if (c->cue >= 0) {
        const dy_item *cu = &doc->cues[c->cue];
        const dy_entry *en = dy_lexicon_entry(lex, cu->entry);
        set_string(L, "cue", en ? dy_lexicon_string(lex, en->term) : "");
        set_string(L, "category", dy_cue_category_name(cu->subtype));
        set_int(L, "cue_s", cu->s + 1);
        set_int(L, "cue_e", cu->e);
    }
    if (c->src_mention >= 0) {
        set_int(L, "source_s", doc->mentions[c->src_mention].s + 1);
        set_int(L, "source_e", doc->mentions[c->src_mention].e);
    }
    if (c->tgt_mention >= 0) {
        set_int(L, "target_s", doc->mentions[c->tgt_mention].s + 1);
        set_int(L, "target_e", doc->mentions[c->tgt_mention].e);
    }
    if (c->rule) set_string(L, "rule", dy_doc_string(doc, c->rule));
    if (c->note) set_string(L, "note", dy_doc_string(doc, c->note));
    if (c->sector) {
        set_string(L, "sector", dy_doc_string(doc, c->sector));
        set_number(L, "sector_weight", 1);
    }
}

/* A carried sector mention (extension, docs/SCORING.md) as an evidence record: sentence
 * and text are the mention's sentence, `from` the lead sentence whose participants
 * (source, target) it was carried to. */
static void push_carried(lua_State *L, const struct dy_doc *doc, const dy_sinfo *si, uint32_t k,
                         uint32_t src, uint32_t tgt, int cache)
{
    const dy_item *x = &doc->sectors[k];
    lua_createtable(L, 0, 16);
    set_sentence_fields(L, doc, x->sentence, cache);
    set_string(L, "source", dy_doc_string(doc, src));
    set_string(L, "target", dy_doc_string(doc, tgt));
    set_number(L, "coop", 0);
    set_number(L, "conflict", 0);
    set_number(L, "dependency", 0);
    set_bool(L, "hedged", 0);
    set_bool(L, "negated", 0);
    set_string(L, "direction", dy_direction_name(dy_carried_direction(doc, x->sentence)));
    set_bool(L, "carried", 1);
    set_int(L, "from", si->carried_from);
    set_string(L, "sector", dy_doc_string(doc, x->code));
    set_number(L, "sector_weight", unmicro(dy_carried_weight(doc, x)));
    set_int(L, "sector_s", x->s + 1);
    set_int(L, "sector_e", x->e);
}

/* Evidence records of sentence s's carried sectors for a -> b (b 0: every target;
 * both: either direction). Returns the new count. */
static int push_carried_of(lua_State *L, const struct dy_doc *doc, size_t s, uint32_t a, uint32_t b, int both,
                           int n, int cache)
{
    const dy_sinfo *si = &doc->sinfo[s], *li;
    uint32_t k, pa, pb;
    if (!si->carried_from || (si->flags & DY_SF_DISCARDED)) return n;
    li = &doc->sinfo[si->carried_from - 1];
    if (li->flags & DY_SF_DISCARDED) return n;
    for (k = si->x0; k < si->x1; k++) {
        for (pa = li->p0; pa < li->p1; pa++) {
            for (pb = li->p0; pb < li->p1; pb++) {
                uint32_t x = doc->parts[pa], y = doc->parts[pb];
                int match;
                if (pa == pb) continue;
                if (b == 0) match = x == a;
                else match = (x == a && y == b) || (both && x == b && y == a);
                if (!match) continue;
                push_carried(L, doc, si, k, x, y, cache);
                lua_rawseti(L, -2, ++n);
            }
        }
    }
    return n;
}

/* doc:evidence(a [, b]) -> contributions a -> b (b nil: a's own tone and every
 * contribution with a as source); doc:evidence(a, b, {undirected = true}) both ways. */
static int d_evidence(lua_State *L)
{
    static const char *const known[] = { "undirected", NULL };
    struct dy_doc *doc = dy_check_document(L, 1);
    const char *a = luaL_checkstring(L, 2);
    const char *b = luaL_optstring(L, 3, NULL);
    const dy_lexicon *lex;
    uint32_t ia, ib = 0;
    size_t i, cs = 0;
    int n = 0, both, cache;
    dy_check_options(L, 4, known);
    both = dy_opt_boolean(L, 4, "undirected", 0);
    lex = doc_lexicon(L, 1);
    ia = dy_doc_find_string(doc, a);
    if (b) ib = dy_doc_find_string(doc, b);
    lua_newtable(L);
    if (ia == 0 || (b && ib == 0)) return 1;
    lua_newtable(L);  /* sentence texts already pushed */
    cache = lua_gettop(L);
    lua_pushvalue(L, -2);  /* the result on top: records are appended with rawseti(-2) */
    for (i = 0; i < doc->ncontribs; i++) {
        const dy_contrib *c = &doc->contribs[i];
        int match;
        /* carried records in sentence order among the cue contributions (rules come last) */
        if (c->direction != DY_DIR_RULE) {
            for (; cs < c->sentence; cs++) n = push_carried_of(L, doc, cs, ia, ib, both, n, cache);
        }
        if (doc->sinfo[c->sentence].flags & DY_SF_DISCARDED) continue;
        if (b == NULL) match = c->source == ia;
        else match = (c->source == ia && c->target == ib) || (both && c->source == ib && c->target == ia);
        if (!match) continue;
        push_contrib(L, doc, lex, c, cache);
        lua_rawseti(L, -2, ++n);
    }
    for (; cs < doc->sents.n; cs++) n = push_carried_of(L, doc, cs, ia, ib, both, n, cache);
    return 1;
}

/* doc:hedging() -> { sentences, hedged_sentences, dyad_sentences, hedged_dyad_sentences,
 * share, dyad_share } (shares nil when their denominator is 0). */
static int d_hedging(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    const dy_hedging *h = dy_doc_hedging(doc);
    if (h == NULL) return luaL_error(L, "out of memory");
    lua_createtable(L, 0, 6);
    set_int(L, "sentences", h->sentences);
    set_int(L, "hedged_sentences", h->hedged_sentences);
    set_int(L, "dyad_sentences", h->dyad_sentences);
    set_int(L, "hedged_dyad_sentences", h->hedged_dyad_sentences);
    if (h->sentences) set_number(L, "share", (double)h->hedged_sentences / h->sentences);
    if (h->dyad_sentences) set_number(L, "dyad_share", (double)h->hedged_dyad_sentences / h->dyad_sentences);
    return 1;
}

static int64_t dep_of(const dy_doc_summary *S, uint32_t a, uint32_t b)
{
    size_t i;
    for (i = 0; i < S->ndyads; i++) {
        if (S->dyads[i].source == a && S->dyads[i].target == b) return S->dyads[i].dependency;
    }
    return 0;
}

static int d_asymmetry(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    const char *a = luaL_checkstring(L, 2), *b = luaL_checkstring(L, 3);
    dy_doc_summary S;
    uint32_t ia = dy_doc_find_string(doc, a), ib = dy_doc_find_string(doc, b);
    int64_t ab, ba;
    summary_of(L, doc, &S);
    if (ia == 0 || ib == 0) { lua_pushnil(L); return 1; }
    ab = dep_of(&S, ia, ib);
    ba = dep_of(&S, ib, ia);
    if (ab + ba == 0) { lua_pushnil(L); return 1; }
    lua_pushnumber(L, (double)(ab - ba) / (double)(ab + ba));
    return 1;
}

/* ---------------------------------------------------------------- rule support */

static double opt_weight(lua_State *L, int arg, const char *key)
{
    double v = 0;
    lua_getfield(L, arg, key);
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_argerror(L, arg, lua_pushfstring(L, "field '%s' must be a number", key));
        v = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

static int d_emit(lua_State *L)
{
    static const char *const known[] = {
        "sentence", "source", "target", "coop", "conflict", "dependency", "goldstein", "sector", "note", "rule", NULL
    };
    struct dy_doc *doc = dy_check_document(L, 1);
    dy_emit_spec sp;
    char err[128];
    lua_Number si;
    luaL_checktype(L, 2, LUA_TTABLE);
    dy_check_options(L, 2, known);
    memset(&sp, 0, sizeof sp);
    lua_getfield(L, 2, "sentence");
    if (!dy_isinteger(L, -1)) luaL_argerror(L, 2, "field 'sentence' must be an integer");
    si = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (si < 1 || si > (lua_Number)doc->sents.n) {
        /* si is any integer within +-9.2e18 (dy_isinteger): "%.0f" prints it whole,
         * where an (int) cast would be undefined beyond INT_MAX */
        char num[32];
        snprintf(num, sizeof num, "%.0f", (double)si);
        luaL_argerror(L, 2, lua_pushfstring(L, "sentence %s out of range 1..%d", num, (int)doc->sents.n));
    }
    sp.sentence = (uint32_t)si - 1;
    sp.source = dy_opt_string(L, 2, "source", NULL);
    sp.target = dy_opt_string(L, 2, "target", NULL);
    sp.coop = opt_weight(L, 2, "coop");
    sp.conflict = opt_weight(L, 2, "conflict");
    sp.dependency = opt_weight(L, 2, "dependency");
    lua_getfield(L, 2, "goldstein");
    sp.goldstein = lua_isnil(L, -1) ? NAN : luaL_checknumber(L, -1);
    lua_pop(L, 1);
    sp.sector = dy_opt_string(L, 2, "sector", NULL);
    sp.note = dy_opt_string(L, 2, "note", NULL);
    sp.rule = dy_opt_string(L, 2, "rule", NULL);
    if (dy_doc_emit(doc, &sp, err, sizeof err) < 0) return luaL_argerror(L, 2, err);
    return 0;
}

static size_t check_sentence(lua_State *L, struct dy_doc *doc, int arg)
{
    lua_Number si;
    if (!dy_isinteger(L, arg)) luaL_argerror(L, arg, "sentence index must be an integer");
    si = lua_tonumber(L, arg);
    if (si < 1 || si > (lua_Number)doc->sents.n) luaL_argerror(L, arg, "sentence out of range");
    return (size_t)si - 1;
}

static int d_tag(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    size_t i = check_sentence(L, doc, 2);
    luaL_checkstring(L, 3);
    push_anchor(L, 1);
    lua_getfield(L, -1, "tags");
    if (lua_isnil(L, -1)) return 0;
    lua_rawgeti(L, -1, (int)(i + 1));
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, (int)(i + 1));
    }
    lua_pushvalue(L, 3);
    lua_rawseti(L, -2, (int)lua_rawlen(L, -2) + 1);
    return 0;
}

static int d_discard(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    size_t i = check_sentence(L, doc, 2);
    dy_doc_discard(doc, i);
    return 0;
}

static int d_sentences_with(lua_State *L)
{
    struct dy_doc *doc = dy_check_document(L, 1);
    const char *codes[32];
    size_t n, i, cap;
    uint32_t *buf;
    long k;
    luaL_checktype(L, 2, LUA_TTABLE);
    n = lua_rawlen(L, 2);
    luaL_argcheck(L, n <= 32, 2, "at most 32 codes");
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (int)(i + 1));
        if (lua_type(L, -1) != LUA_TSTRING) luaL_argerror(L, 2, "codes must be strings");
        codes[i] = lua_tostring(L, -1);
        lua_pop(L, 1);  /* still referenced by the table */
    }
    /* A code the document never interned is in no sentence: answer before allocating, so
     * a rule whose `needs` cannot match costs one lookup per code (the common case). */
    for (i = 0; i < n; i++) {
        if (dy_strtab_find(&doc->strings, codes[i], strlen(codes[i])) == 0) {
            lua_createtable(L, 0, 0);
            return 1;
        }
    }
    /* room for every sentence in a userdata: nothing to free if a Lua error follows */
    cap = doc->sents.n ? doc->sents.n : 1;
    buf = (uint32_t *)lua_newuserdata(L, cap * sizeof *buf);
    k = dy_doc_sentences_with(doc, codes, n, &buf, &cap);
    if (k < 0) return luaL_error(L, "out of memory");
    lua_createtable(L, (int)k, 0);
    for (i = 0; i < (size_t)k; i++) {
        dy_pushinteger(L, buf[i] + 1);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    return 1;
}

/* ---------------------------------------------------------------- lifetime */

static int d_close(lua_State *L)
{
    docbox *b = check_box(L, 1);
    if (b->doc != NULL) {
        release_doc(L, b->doc);
        b->doc = NULL;
    }
    return 0;
}

static int d_tostring(lua_State *L)
{
    docbox *b = check_box(L, 1);
    dy_doc_summary S;
    const char *id;
    if (b->doc == NULL) { lua_pushliteral(L, "dyadic.document (closed)"); return 1; }
    summary_of(L, b->doc, &S);
    push_anchor(L, 1);
    lua_getfield(L, -1, "id");
    id = lua_tostring(L, -1);
    lua_pushfstring(L, "dyadic.document%s%s: %d sentences, %d actors, %d dyads",
                    id ? " " : "", id ? id : "", (int)b->doc->sents.n, (int)S.nactors, (int)S.ndyads);
    return 1;
}

static const luaL_Reg doc_methods[] = {
    { "text", d_text },
    { "sentences", d_sentences },
    { "mentions", d_mentions },
    { "cues", d_cues },
    { "actors", d_actors },
    { "dyads", d_dyads },
    { "evidence", d_evidence },
    { "sectors", d_sectors },
    { "asymmetry", d_asymmetry },
    { "hedging", d_hedging },
    { "_emit", d_emit },
    { "_tag", d_tag },
    { "_discard", d_discard },
    { "_sentences_with", d_sentences_with },
    { "_counts", d_counts },
    { "close", d_close },
    { NULL, NULL }
};

/* __index: methods first, then the metadata fields id / date / title. */
static int d_index(lua_State *L)
{
    const char *k;
    check_box(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1)) return 1;
    lua_pop(L, 1);
    if (lua_type(L, 2) != LUA_TSTRING) return 0;
    k = lua_tostring(L, 2);
    if (strcmp(k, "id") == 0 || strcmp(k, "date") == 0 || strcmp(k, "title") == 0) {
        push_anchor(L, 1);
        lua_getfield(L, -1, k);
        return 1;
    }
    return 0;
}

void dy_open_document(lua_State *L)
{
    luaL_newmetatable(L, DOC_MT);
    luaL_newlib(L, doc_methods);
    lua_pushcclosure(L, d_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, d_close);
    lua_setfield(L, -2, "__gc");
#if DY_LUA_HAS_CLOSE
    lua_pushcfunction(L, d_close);
    lua_setfield(L, -2, "__close");
#endif
    lua_pushcfunction(L, d_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, DOC_MT);
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);
    lua_pushcfunction(L, l_analyze);
    lua_setfield(L, -2, "analyze");
}
