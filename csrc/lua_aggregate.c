/*
 * lua_aggregate.c - the "dyadic.aggregate" userdata: totals over many documents.
 *
 * The C aggregate (aggregate.c) stores int64 sums; this file converts them to Lua
 * numbers when read (micro-units / 1e6, net = gsum / (wsum + 1)). Every scratch
 * array lives in a Lua userdata, so a raised error never leaks C memory.
 */
#include "binding.h"
#include "aggregate.h"
#include "vec.h"

#include <stdio.h>
#include <string.h>

#define AGG_MT "dyadic.aggregate"
#define RECORDS_MT "dyadic.aggregate.records"

typedef struct {
    dy_agg agg;
    int open;
} lagg;

static lagg *to_lagg(lua_State *L, int i)
{
    return (lagg *)luaL_checkudata(L, i, AGG_MT);
}

static dy_agg *check_agg(lua_State *L, int i)
{
    lagg *a = to_lagg(L, i);
    if (!a->open) luaL_argerror(L, i, "aggregate is closed");
    return &a->agg;
}

static lagg *new_agg(lua_State *L, dy_period_kind by)
{
    lagg *a = (lagg *)lua_newuserdata(L, sizeof *a);
    dy_agg_init(&a->agg, by);
    a->open = 1;
    luaL_getmetatable(L, AGG_MT);
    lua_setmetatable(L, -2);
    return a;
}

static int agg_close(lua_State *L)
{
    lagg *a = to_lagg(L, 1);
    if (a->open) {
        dy_agg_free(&a->agg);
        a->open = 0;
    }
    return 0;
}

/* Raise for a failed C operation (no C memory is held by the callers at that point). */
static int agg_fail(lua_State *L, int rc)
{
    return luaL_error(L, "dyadic.aggregate: %s", dy_agg_strerror(rc));
}

static void push_micro(lua_State *L, int64_t v)
{
    lua_pushnumber(L, (lua_Number)v / DY_MICRO);
}

static lua_Number net_of(int64_t gsum, int64_t wsum)
{
    return ((lua_Number)gsum / DY_MICRO) / ((lua_Number)wsum / DY_MICRO + 1.0);
}

static void set_micro(lua_State *L, const char *k, int64_t v)
{
    push_micro(L, v);
    lua_setfield(L, -2, k);
}

static void set_count(lua_State *L, const char *k, int64_t v)
{
    dy_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_string(lua_State *L, const dy_agg *a, const char *k, uint32_t id)
{
    size_t len;
    const char *s = dy_strtab_get(&a->strings, id, &len);
    lua_pushlstring(L, s, len);
    lua_setfield(L, -2, k);
}

static void push_id(lua_State *L, const dy_agg *a, uint32_t id)
{
    size_t len;
    const char *s = dy_strtab_get(&a->strings, id, &len);
    lua_pushlstring(L, s, len);
}

static uint32_t find_id(const dy_agg *a, lua_State *L, int i)
{
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    return dy_strtab_find(&a->strings, s, len);
}

static void add_checked(lua_State *L, int64_t *dst, int64_t v)
{
    if ((v > 0 && *dst > INT64_MAX - v) || (v < 0 && *dst < INT64_MIN - v)) {
        luaL_error(L, "dyadic.aggregate: a total overflows int64");
    }
    *dst += v;
}

/* ---------------------------------------------------------------- period bounds */

typedef struct {
    int has_from, has_to;
    char from[16], to[16];
    size_t from_len, to_len;
} bounds;

/* Read option `key` as a period bound, in the label form of the aggregate's kind. */
static void read_bound(lua_State *L, int arg, const dy_agg *a, const char *key, int is_to, bounds *b)
{
    const char *s = dy_opt_string(L, arg, key, NULL);
    char *out = is_to ? b->to : b->from;
    size_t len, *out_len = is_to ? &b->to_len : &b->from_len;
    int32_t days;
    int kind;  /* 0 year, 1 month, 2 day, 3 week */
    if (s == NULL) return;
    len = strlen(s);
    if (len == 4 && dy_agg_valid_period(DY_BY_YEAR, s, len)) kind = 0;
    else if (len == 7 && dy_agg_valid_period(DY_BY_MONTH, s, len)) kind = 1;
    else if (len == 10 && dy_parse_date(s, len, &days) == 0) kind = 2;
    else if (len == 8 && dy_agg_valid_period(DY_BY_WEEK, s, len)) kind = 3;
    else {
        luaL_argerror(L, arg, lua_pushfstring(L, "option '%s': expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www, got '%s'",
                                              key, s));
        return;
    }
    if (kind == 3 && a->by != DY_BY_WEEK && a->by != DY_BY_ALL) {
        luaL_argerror(L, arg, lua_pushfstring(L, "option '%s': a week bound needs an aggregate by week", key));
    }
    if (a->by == DY_BY_WEEK && (kind == 1 || kind == 2)) {
        /* Dates and months become the ISO week holding that day (a month's first or last day). */
        if (kind == 1) {
            int y, m;
            dy_parse_digits(s, 4, &y);  /* validated above */
            dy_parse_digits(s + 5, 2, &m);
            if (!is_to) days = dy_days_from_civil(y, m, 1);
            else days = (m == 12 ? dy_days_from_civil(y + 1, 1, 1) : dy_days_from_civil(y, m + 1, 1)) - 1;
        }
        *out_len = dy_period_label(DY_BY_WEEK, days, out);
    } else {
        memcpy(out, s, len + 1);
        *out_len = len;
    }
    if (is_to) b->has_to = 1;
    else b->has_from = 1;
}

static void read_bounds(lua_State *L, int arg, const dy_agg *a, bounds *b)
{
    memset(b, 0, sizeof *b);
    read_bound(L, arg, a, "from", 0, b);
    read_bound(L, arg, a, "to", 1, b);
}

/* Compare a period label with a bound on their common prefix: "2026-03-14" is inside
 * to = "2026-03", and "2026" is inside from = "2026-03" (the periods overlap). */
static int cmp_prefix(const char *p, size_t pl, const char *b, size_t bl)
{
    return memcmp(p, b, pl < bl ? pl : bl);
}

static int in_range(const dy_agg *a, uint32_t period, const bounds *b)
{
    size_t pl;
    const char *p = dy_strtab_get(&a->strings, period, &pl);
    if (!b->has_from && !b->has_to) return 1;
    if (pl == 7 && memcmp(p, "undated", 7) == 0) return 0;
    if (pl == 3 && memcmp(p, "all", 3) == 0) return 1;
    if (b->has_from && cmp_prefix(p, pl, b->from, b->from_len) < 0) return 0;
    if (b->has_to && cmp_prefix(p, pl, b->to, b->to_len) > 0) return 0;
    return 1;
}

/* ---------------------------------------------------------------- constructors */

static int l_new(lua_State *L)
{
    static const char *const known[] = { "by", NULL };
    const char *by;
    dy_period_kind kind;
    dy_check_options(L, 1, known);
    by = dy_opt_string(L, 1, "by", "month");
    if (dy_parse_period_kind(by, &kind) != 0) {
        return luaL_argerror(L, 1, lua_pushfstring(L, "option 'by': unknown period '%s' "
                                                      "(day, week, month, year or all)", by));
    }
    new_agg(L, kind);
    return 1;
}

static int l_load(lua_State *L)
{
    size_t len, line = 0;
    const char *s = dy_check_text(L, 1, &len);
    char err[160];
    lagg *a = new_agg(L, DY_BY_MONTH);
    if (dy_agg_load(&a->agg, s, len, &line, err, sizeof err) != 0) {
        dy_agg_free(&a->agg);
        a->open = 0;
        lua_pushnil(L);
        lua_pushfstring(L, "line %d: %s", (int)line, err);
        return 2;
    }
    return 1;
}

/* aggregate.undump(bytes): the aggregate of agg:dump() bytes, or nil, message. */
static int l_undump(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char err[160];
    lagg *a = new_agg(L, DY_BY_MONTH);
    if (dy_agg_undump(&a->agg, s, len, err, sizeof err) != 0) {
        dy_agg_free(&a->agg);
        a->open = 0;
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    return 1;
}

/* ---------------------------------------------------------------- adding */

typedef struct {
    dy_strtab strings;
    dy_dyad_sum *dyads;
    size_t nd, capd;
    dy_dyad_sector *sectors;
    size_t ns, caps;
    dy_actor_sum *actors;
    size_t na, capa;
} records_box;

static void records_free(records_box *r)
{
    dy_strtab_free(&r->strings);
    free(r->dyads);
    free(r->sectors);
    free(r->actors);
    r->dyads = NULL;
    r->sectors = NULL;
    r->actors = NULL;
    r->nd = r->ns = r->na = r->capd = r->caps = r->capa = 0;
}

static int records_gc(lua_State *L)
{
    records_free((records_box *)luaL_checkudata(L, 1, RECORDS_MT));
    return 0;
}

static void rec_error(lua_State *L, const char *where, int idx, const char *field, const char *msg)
{
    if (idx > 0) luaL_argerror(L, 2, lua_pushfstring(L, "%s[%d].%s: %s", where, idx, field, msg));
    luaL_argerror(L, 2, lua_pushfstring(L, "%s: %s", field, msg));
}

/* Value of field `k` of the table on top as micro-units (0 when absent). */
/* The number at the top of the stack in micro-units, rounded once; raises when out of range. */
static int64_t micro_at_top(lua_State *L, const char *where, int idx, const char *k)
{
    lua_Number y = lua_tonumber(L, -1) * DY_MICRO;
    if (!(y > -9.0e18 && y < 9.0e18)) rec_error(L, where, idx, k, "number out of range");
    return (int64_t)(y < 0 ? y - 0.5 : y + 0.5);
}

static int64_t rec_micro(lua_State *L, const char *where, int idx, const char *k)
{
    int64_t v = 0;
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TNUMBER) rec_error(L, where, idx, k, "expected a number");
        v = micro_at_top(L, where, idx, k);
    }
    lua_pop(L, 1);
    return v;
}

static int64_t rec_count(lua_State *L, const char *where, int idx, const char *k)
{
    int64_t v = 0;
    lua_getfield(L, -1, k);
    if (!lua_isnil(L, -1)) {
        lua_Number x;
        if (!dy_isinteger(L, -1)) rec_error(L, where, idx, k, "expected an integer count");
        x = lua_tonumber(L, -1);
        if (!(x >= 0 && x < 9.0e15)) rec_error(L, where, idx, k, "count out of range");
        v = (int64_t)x;
    }
    lua_pop(L, 1);
    return v;
}

static uint32_t rec_string(lua_State *L, records_box *r, const char *where, int idx, const char *k)
{
    size_t len;
    const char *s;
    uint32_t id;
    lua_getfield(L, -1, k);
    if (lua_type(L, -1) != LUA_TSTRING) rec_error(L, where, idx, k, "expected a string");
    s = lua_tolstring(L, -1, &len);
    id = dy_strtab_intern(&r->strings, s, len);
    if (id == 0) luaL_error(L, "dyadic.aggregate: out of memory");
    lua_pop(L, 1);
    return id;
}

static void rec_check_fields(lua_State *L, const char *where, int idx, const char *const known[])
{
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        int i, ok = 0;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            for (i = 0; known[i] != NULL; i++) if (strcmp(known[i], k) == 0) { ok = 1; break; }
            if (!ok) rec_error(L, where, idx, k, "unknown field");
        } else {
            rec_error(L, where, idx, "?", "field names must be strings");
        }
        lua_pop(L, 1);
    }
}

/* The list field `k` of the records table (arg 2), pushed; returns its length (0 if absent). */
static int rec_list(lua_State *L, const char *k)
{
    lua_getfield(L, 2, k);
    if (lua_isnil(L, -1)) return 0;
    if (lua_type(L, -1) != LUA_TTABLE) rec_error(L, k, 0, k, "expected a list of tables");
    return (int)lua_rawlen(L, -1);
}

/* agg:add_records{ date = "YYYY-MM-DD", dyads = {...}, actors = {...} }: one document's totals. */
static int l_add_records(lua_State *L)
{
    static const char *const top[] = { "date", "dyads", "actors", NULL };
    static const char *const dyad_fields[] = { "source", "target", "n", "hedged", "coop", "conflict",
                                               "dependency", "gsum", "wsum", "sectors", NULL };
    static const char *const actor_fields[] = { "code", "mentions", "salience", "coop", "conflict",
                                                "gsum", "wsum", NULL };
    dy_agg *a = check_agg(L, 1);
    records_box *r;
    dy_doc_summary s;
    const char *date;
    int32_t days = DY_NODATE;
    int n, i, rc;
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    dy_check_options(L, 2, top);
    date = dy_opt_string(L, 2, "date", NULL);
    if (date != NULL && dy_parse_date(date, strlen(date), &days) != 0) {
        return luaL_argerror(L, 2, lua_pushfstring(L, "date: expected YYYY-MM-DD, got '%s'", date));
    }
    r = (records_box *)lua_newuserdata(L, sizeof *r);  /* index 3 */
    memset(r, 0, sizeof *r);
    dy_strtab_init(&r->strings);
    luaL_getmetatable(L, RECORDS_MT);
    lua_setmetatable(L, -2);

    n = rec_list(L, "dyads");  /* index 4 */
    for (i = 1; i <= n; i++) {
        dy_dyad_sum *d;
        lua_rawgeti(L, 4, i);
        if (lua_type(L, -1) != LUA_TTABLE) rec_error(L, "dyads", i, "", "expected a table");
        rec_check_fields(L, "dyads", i, dyad_fields);
        if (DY_GROW(r->dyads, r->capd, r->nd, 1) != 0) return agg_fail(L, DY_AGG_ENOMEM);
        d = &r->dyads[r->nd];
        memset(d, 0, sizeof *d);
        d->source = rec_string(L, r, "dyads", i, "source");
        d->target = rec_string(L, r, "dyads", i, "target");
        d->n = rec_count(L, "dyads", i, "n");
        d->hedged = rec_count(L, "dyads", i, "hedged");
        d->coop = rec_micro(L, "dyads", i, "coop");
        d->conflict = rec_micro(L, "dyads", i, "conflict");
        d->dependency = rec_micro(L, "dyads", i, "dependency");
        d->gsum = rec_micro(L, "dyads", i, "gsum");
        d->wsum = rec_micro(L, "dyads", i, "wsum");
        r->nd++;
        lua_getfield(L, -1, "sectors");
        if (!lua_isnil(L, -1)) {
            if (lua_type(L, -1) != LUA_TTABLE) rec_error(L, "dyads", i, "sectors", "expected a table");
            lua_pushnil(L);
            while (lua_next(L, -2) != 0) {
                dy_dyad_sector *sec;
                size_t len;
                const char *name;
                if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER) {
                    rec_error(L, "dyads", i, "sectors", "expected { name = weight }");
                }
                if (DY_GROW(r->sectors, r->caps, r->ns, 1) != 0) return agg_fail(L, DY_AGG_ENOMEM);
                sec = &r->sectors[r->ns];
                name = lua_tolstring(L, -2, &len);
                sec->source = r->dyads[r->nd - 1].source;
                sec->target = r->dyads[r->nd - 1].target;
                sec->sector = dy_strtab_intern(&r->strings, name, len);
                if (sec->sector == 0) return agg_fail(L, DY_AGG_ENOMEM);
                sec->weight = micro_at_top(L, "dyads", i, "sectors");
                r->ns++;
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 2);
    }
    lua_settop(L, 3);

    n = rec_list(L, "actors");  /* index 4 */
    for (i = 1; i <= n; i++) {
        dy_actor_sum *act;
        lua_rawgeti(L, 4, i);
        if (lua_type(L, -1) != LUA_TTABLE) rec_error(L, "actors", i, "", "expected a table");
        rec_check_fields(L, "actors", i, actor_fields);
        if (DY_GROW(r->actors, r->capa, r->na, 1) != 0) return agg_fail(L, DY_AGG_ENOMEM);
        act = &r->actors[r->na];
        memset(act, 0, sizeof *act);
        act->actor = rec_string(L, r, "actors", i, "code");
        act->mentions = rec_count(L, "actors", i, "mentions");
        act->salience = rec_micro(L, "actors", i, "salience");
        act->coop = rec_micro(L, "actors", i, "coop");
        act->conflict = rec_micro(L, "actors", i, "conflict");
        act->gsum = rec_micro(L, "actors", i, "gsum");
        act->wsum = rec_micro(L, "actors", i, "wsum");
        r->na++;
        lua_pop(L, 1);
    }
    lua_settop(L, 3);

    s.strings = &r->strings;
    s.date = days;
    s.dyads = r->dyads;
    s.ndyads = r->nd;
    s.sectors = r->sectors;
    s.nsectors = r->ns;
    s.actors = r->actors;
    s.nactors = r->na;
    rc = dy_agg_add_summary(a, &s);
    records_free(r);  /* now rather than at the next collection */
    if (rc != DY_AGG_OK) return agg_fail(L, rc);
    lua_settop(L, 1);
    return 1;
}

static int l_merge(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    dy_agg *b = check_agg(L, 2);
    int rc = dy_agg_merge(a, b);
    if (rc == DY_AGG_EBY) {
        return luaL_argerror(L, 2, lua_pushfstring(L, "cannot merge an aggregate by %s into one by %s",
                                                   dy_period_kind_name(b->by), dy_period_kind_name(a->by)));
    }
    if (rc != DY_AGG_OK) return agg_fail(L, rc);
    lua_settop(L, 1);
    return 1;
}

static int l_skip(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    size_t len;
    const char *reason = luaL_checklstring(L, 2, &len);
    lua_Number count = luaL_optnumber(L, 3, 1);
    int rc;
    luaL_argcheck(L, dy_isinteger(L, 3) || lua_isnoneornil(L, 3), 3, "expected an integer count");
    luaL_argcheck(L, count >= 1 && count < 9.0e15, 3, "count out of range");
    rc = dy_agg_skip(a, reason, len, (int64_t)count);
    if (rc != DY_AGG_OK) return agg_fail(L, rc);
    lua_settop(L, 1);
    return 1;
}

/* ---------------------------------------------------------------- reading */

static int buffer_writer(void *ud, const char *p, size_t n)
{
    luaL_addlstring((luaL_Buffer *)ud, p, n);
    return 0;
}

/* The bytes one of the aggregate's writers (serialize, dump) gives, as a Lua string. */
static int push_written(lua_State *L, int (*writer)(dy_agg *, dy_agg_writer, void *))
{
    dy_agg *a = check_agg(L, 1);
    luaL_Buffer b;
    int rc;
    lua_settop(L, 1);
    luaL_buffinit(L, &b);
    rc = writer(a, buffer_writer, &b);
    luaL_pushresult(&b);
    if (rc != DY_AGG_OK) return agg_fail(L, rc);
    return 1;
}

static int l_serialize(lua_State *L)
{
    return push_written(L, dy_agg_serialize);
}

/* agg:dump(): the aggregate's arrays as bytes for another process of the same build
 * (aggregate.undump); no sorting, no decimal text. Not a file format: use serialize to keep one. */
static int dump_writer(dy_agg *a, dy_agg_writer write, void *ud)
{
    return dy_agg_dump(a, write, ud);  /* push_written's type: serialize sorts, so takes non-const */
}

static int l_dump(lua_State *L)
{
    return push_written(L, dump_writer);
}

/* Totals of dyad (p, s, t), plus (p, t, s) when undirected; returns whether any exists. */
static int gather(lua_State *L, const dy_agg *a, uint32_t p, uint32_t s, uint32_t t, int undirected,
                  int64_t v[DY_D_COUNT])
{
    uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
    const int64_t *e;
    int i, found = 0;
    memset(v, 0, DY_D_COUNT * sizeof *v);
    key[0] = p; key[1] = s; key[2] = t;
    if ((e = dy_agg_lookup(a, DY_T_DYAD, key)) != NULL) {
        for (i = 0; i < DY_D_COUNT; i++) v[i] = e[i];
        found = 1;
    }
    if (undirected && s != t) {
        key[1] = t; key[2] = s;
        if ((e = dy_agg_lookup(a, DY_T_DYAD, key)) != NULL) {
            for (i = 0; i < DY_D_COUNT; i++) {
                /* n and hedged count sentences where both actors appear: the same sentences in
                 * either direction, so the pair's count is one direction's, not their sum. */
                if (i == DY_D_N || i == DY_D_HEDGED) { if (e[i] > v[i]) v[i] = e[i]; }
                else add_checked(L, &v[i], e[i]);
            }
            found = 1;
        }
    }
    return found;
}


/* Push the sectors table of dyad (p, s, t) (both directions when undirected); tables are sorted.
 * hint (NULL: none): a position of the sector table before which every entry's dyad is below
 * (p, s, t), as left by the previous call of a walk over dyads in increasing order; the run of
 * (p, s, t) starts there when that entry is not below (p, s, t) (no binary search), and *hint
 * is set past the run. */
static void push_sectors(lua_State *L, const dy_agg *a, uint32_t p, uint32_t s, uint32_t t, int undirected,
                         size_t *hint)
{
    const dy_agg_table *st = &a->t[DY_T_SECTOR];
    uint32_t k1[3], k2[3];
    size_t i, j, ei, ej, count;
    k1[0] = p; k1[1] = s; k1[2] = t;
    k2[0] = p; k2[1] = t; k2[2] = s;
    if (hint != NULL && *hint <= st->n
        && (*hint == st->n || dy_agg_cmp_keys(a, DY_AGG_KEYS(st, *hint), k1, 3) >= 0))  /* (period, source, target) */
        i = *hint;
    else
        i = dy_agg_lower_bound(a, DY_T_SECTOR, k1, 3);
    for (ei = i; ei < st->n && memcmp(DY_AGG_KEYS(st, ei), k1, sizeof k1) == 0; ei++) {}
    if (hint != NULL) *hint = ei;
    if (undirected && s != t) {
        j = dy_agg_lower_bound(a, DY_T_SECTOR, k2, 3);
        for (ej = j; ej < st->n && memcmp(DY_AGG_KEYS(st, ej), k2, sizeof k2) == 0; ej++) {}
    } else {
        j = ej = 0;
    }
    /* sized for both runs (a name in both is one entry: at most that many) */
    count = (ei - i) + (ej - j);
    lua_createtable(L, 0, count < 1000000 ? (int)count : 0);
    /* Merge the two runs by sector name. */
    while (i < ei || j < ej) {
        int c = i == ei ? 1 : j == ej ? -1 : dy_agg_strcmp(a, DY_AGG_KEYS(st, i)[3], DY_AGG_KEYS(st, j)[3]);
        int64_t w;
        uint32_t name;
        if (c < 0) { w = DY_AGG_VALS(st, i)[0]; name = DY_AGG_KEYS(st, i)[3]; i++; }
        else if (c > 0) { w = DY_AGG_VALS(st, j)[0]; name = DY_AGG_KEYS(st, j)[3]; j++; }
        else {
            /* Sector mentions are attributed to both directions of every pair in the sentence,
             * so the pair's weight is the larger direction's, not the sum (as in doc:dyads). */
            w = DY_AGG_VALS(st, i)[0];
            if (DY_AGG_VALS(st, j)[0] > w) w = DY_AGG_VALS(st, j)[0];
            name = DY_AGG_KEYS(st, i)[3];
            i++; j++;
        }
        push_id(L, a, name);
        push_micro(L, w);
        lua_rawset(L, -3);
    }
}

static void push_dyad(lua_State *L, const dy_agg *a, uint32_t p, uint32_t s, uint32_t t,
                      int undirected, const int64_t v[DY_D_COUNT], size_t *hint)
{
    lua_createtable(L, 0, 12);
    set_string(L, a, "period", p);
    set_string(L, a, "source", s);
    set_string(L, a, "target", t);
    set_count(L, "n", v[DY_D_N]);
    set_count(L, "hedged", v[DY_D_HEDGED]);
    set_micro(L, "coop", v[DY_D_COOP]);
    set_micro(L, "conflict", v[DY_D_CONFLICT]);
    set_micro(L, "dependency", v[DY_D_DEPENDENCY]);
    set_micro(L, "gsum", v[DY_D_GSUM]);
    set_micro(L, "wsum", v[DY_D_WSUM]);
    lua_pushnumber(L, net_of(v[DY_D_GSUM], v[DY_D_WSUM]));
    lua_setfield(L, -2, "net");
    push_sectors(L, a, p, s, t, undirected, hint);
    lua_setfield(L, -2, "sectors");
}

static int cmp_triples(const void *x, const void *y, void *ctx)
{
    const uint32_t *p = x, *q = y;
    int i, c;
    for (i = 0; i < 3; i++) {
        c = dy_agg_strcmp((const dy_agg *)ctx, p[i], q[i]);
        if (c != 0) return c;
    }
    return 0;
}

/* agg:dyads{ from =, to =, undirected = } */
static int l_dyads(lua_State *L)
{
    static const char *const known[] = { "from", "to", "undirected", NULL };
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *t = &a->t[DY_T_DYAD];
    bounds b;
    int undirected, out = 0;
    size_t i;
    int64_t v[DY_D_COUNT];
    dy_check_options(L, 2, known);
    read_bounds(L, 2, a, &b);
    undirected = dy_opt_boolean(L, 2, "undirected", 0);
    lua_settop(L, 2);
    dy_agg_sort(a);
    if (!undirected) {
        size_t hint = 0;  /* the dyads come in key order: their sector runs in the same order */
        lua_createtable(L, (int)(t->n < 1000000 ? t->n : 0), 0);
        for (i = 0; i < t->n; i++) {
            const uint32_t *k = DY_AGG_KEYS(t, i);
            if (!in_range(a, k[0], &b)) continue;
            push_dyad(L, a, k[0], k[1], k[2], 0, DY_AGG_VALS(t, i), &hint);
            lua_rawseti(L, -2, ++out);
        }
        return 1;
    } else {
        /* Fold (p, s, t) and (p, t, s) into (p, min, max), then sort and visit each once. */
        uint32_t *keys;
        size_t n = 0;
        if (t->n > ((size_t)-1) / (3 * sizeof *keys) - 1) return agg_fail(L, DY_AGG_ENOMEM);
        keys = (uint32_t *)lua_newuserdata(L, (t->n + 1) * 3 * sizeof *keys);  /* index 3 */
        for (i = 0; i < t->n; i++) {
            const uint32_t *k = DY_AGG_KEYS(t, i);
            int swap;
            if (!in_range(a, k[0], &b)) continue;
            swap = dy_agg_strcmp(a, k[1], k[2]) > 0;
            keys[3 * n] = k[0];
            keys[3 * n + 1] = swap ? k[2] : k[1];
            keys[3 * n + 2] = swap ? k[1] : k[2];
            n++;
        }
        dy_agg_heapsort(keys, n, 3 * sizeof *keys, cmp_triples, a);
        lua_createtable(L, (int)(n < 1000000 ? n : 0), 0);
        for (i = 0; i < n; i++) {
            if (i > 0 && memcmp(keys + 3 * i, keys + 3 * (i - 1), 3 * sizeof *keys) == 0) continue;
            gather(L, a, keys[3 * i], keys[3 * i + 1], keys[3 * i + 2], 1, v);
            push_dyad(L, a, keys[3 * i], keys[3 * i + 1], keys[3 * i + 2], 1, v, NULL);
            lua_rawseti(L, -2, ++out);
        }
        return 1;
    }
}

/* agg:series(a, b [, { undirected =, from =, to = }]): the dyad's records in period order. */
static int l_series(lua_State *L)
{
    static const char *const known[] = { "from", "to", "undirected", NULL };
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *pt = &a->t[DY_T_PERIOD];
    uint32_t s = find_id(a, L, 2), t = find_id(a, L, 3);
    bounds b;
    int undirected, out = 0;
    size_t i;
    int64_t v[DY_D_COUNT];
    dy_check_options(L, 4, known);
    read_bounds(L, 4, a, &b);
    undirected = dy_opt_boolean(L, 4, "undirected", 0);
    dy_agg_sort(a);
    lua_newtable(L);
    if (s == 0 || t == 0) return 1;
    if (undirected && dy_agg_strcmp(a, s, t) > 0) { uint32_t x = s; s = t; t = x; }
    for (i = 0; i < pt->n; i++) {
        uint32_t p = DY_AGG_KEYS(pt, i)[0];
        if (!in_range(a, p, &b) || !gather(L, a, p, s, t, undirected, v)) continue;
        push_dyad(L, a, p, s, t, undirected, v, NULL);
        lua_rawseti(L, -2, ++out);
    }
    return 1;
}

static void push_actor(lua_State *L, const dy_agg *a, uint32_t p, uint32_t code, const int64_t *v)
{
    lua_createtable(L, 0, 10);
    if (p != 0) set_string(L, a, "period", p);
    set_string(L, a, "code", code);
    set_count(L, "mentions", v[DY_A_MENTIONS]);
    set_count(L, "documents", v[DY_A_DOCUMENTS]);
    set_micro(L, "salience", v[DY_A_SALIENCE]);
    set_micro(L, "coop", v[DY_A_COOP]);
    set_micro(L, "conflict", v[DY_A_CONFLICT]);
    set_micro(L, "gsum", v[DY_A_GSUM]);
    set_micro(L, "wsum", v[DY_A_WSUM]);
    lua_pushnumber(L, net_of(v[DY_A_GSUM], v[DY_A_WSUM]));
    lua_setfield(L, -2, "net");
}

typedef struct { const dy_agg *a; const int64_t *sums; } actor_order;

/* Most salient first, then by code. */
static int cmp_actors(const void *x, const void *y, void *ctx)
{
    const actor_order *o = ctx;
    uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
    int64_t sp = o->sums[(size_t)p * DY_A_COUNT + DY_A_SALIENCE], sq = o->sums[(size_t)q * DY_A_COUNT + DY_A_SALIENCE];
    if (sp != sq) return sp > sq ? -1 : 1;
    return dy_agg_strcmp(o->a, p, q);
}

/* agg:actors{ from =, to =, by_period = false } */
static int l_actors(lua_State *L)
{
    static const char *const known[] = { "from", "to", "by_period", NULL };
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *t = &a->t[DY_T_ACTOR];
    size_t ns = dy_strtab_size(&a->strings), i, n = 0;
    bounds b;
    int by_period, out = 0;
    dy_check_options(L, 2, known);
    read_bounds(L, 2, a, &b);
    by_period = dy_opt_boolean(L, 2, "by_period", 0);
    lua_settop(L, 2);
    dy_agg_sort(a);
    if (by_period) {
        lua_newtable(L);
        for (i = 0; i < t->n; i++) {
            if (!in_range(a, DY_AGG_KEYS(t, i)[0], &b)) continue;
            push_actor(L, a, DY_AGG_KEYS(t, i)[0], DY_AGG_KEYS(t, i)[1], DY_AGG_VALS(t, i));
            lua_rawseti(L, -2, ++out);
        }
        return 1;
    } else {
        int64_t *sums;
        uint32_t *ids;
        unsigned char *seen;
        actor_order o;
        size_t per = DY_A_COUNT * sizeof *sums + sizeof *ids + 1;
        if (ns + 1 > ((size_t)-1) / per) return agg_fail(L, DY_AGG_ENOMEM);
        sums = (int64_t *)lua_newuserdata(L, (ns + 1) * per);  /* index 3, freed by the collector */
        ids = (uint32_t *)(sums + (ns + 1) * DY_A_COUNT);
        seen = (unsigned char *)(ids + ns + 1);
        memset(sums, 0, (ns + 1) * per);
        for (i = 0; i < t->n; i++) {
            const uint32_t *key = DY_AGG_KEYS(t, i);
            const int64_t *val = DY_AGG_VALS(t, i);
            int k;
            if (!in_range(a, key[0], &b)) continue;
            for (k = 0; k < DY_A_COUNT; k++) add_checked(L, &sums[(size_t)key[1] * DY_A_COUNT + k], val[k]);
            if (!seen[key[1]]) { seen[key[1]] = 1; ids[n++] = key[1]; }
        }
        o.a = a;
        o.sums = sums;
        dy_agg_heapsort(ids, n, sizeof *ids, cmp_actors, &o);
        lua_createtable(L, (int)n, 0);
        for (i = 0; i < n; i++) {
            push_actor(L, a, 0, ids[i], sums + (size_t)ids[i] * DY_A_COUNT);
            lua_rawseti(L, -2, ++out);
        }
        return 1;
    }
}

/* agg:periods{ from =, to = }: sorted period labels. */
static int l_periods(lua_State *L)
{
    static const char *const known[] = { "from", "to", NULL };
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *pt = &a->t[DY_T_PERIOD];
    bounds b;
    size_t i;
    int out = 0;
    dy_check_options(L, 2, known);
    read_bounds(L, 2, a, &b);
    dy_agg_sort(a);
    lua_newtable(L);
    for (i = 0; i < pt->n; i++) {
        if (!in_range(a, DY_AGG_KEYS(pt, i)[0], &b)) continue;
        push_id(L, a, DY_AGG_KEYS(pt, i)[0]);
        lua_rawseti(L, -2, ++out);
    }
    return 1;
}

/* agg:documents_in(period) -> documents counted in that period (0 when absent). */
static int l_period_documents(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
    const int64_t *e;
    key[0] = find_id(a, L, 2);
    e = key[0] ? dy_agg_lookup(a, DY_T_PERIOD, key) : NULL;
    dy_pushinteger(L, e ? e[0] : 0);
    return 1;
}

/* agg:asymmetry(a, b [, period]) = (dep(a->b) - dep(b->a)) / (dep(a->b) + dep(b->a)), nil without dependency. */
static int l_asymmetry(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *pt = &a->t[DY_T_PERIOD];
    uint32_t s = find_id(a, L, 2), t = find_id(a, L, 3), only = 0;
    int64_t ab = 0, ba = 0;
    size_t i;
    if (!lua_isnoneornil(L, 4)) {
        only = find_id(a, L, 4);
        if (only == 0) { lua_pushnil(L); return 1; }
    }
    if (s == 0 || t == 0) { lua_pushnil(L); return 1; }
    for (i = 0; i < pt->n; i++) {
        uint32_t key[DY_AGG_MAXKEY] = { 0, 0, 0, 0 };
        const int64_t *e;
        key[0] = DY_AGG_KEYS(pt, i)[0];
        if (only && key[0] != only) continue;
        key[1] = s; key[2] = t;
        if ((e = dy_agg_lookup(a, DY_T_DYAD, key)) != NULL) add_checked(L, &ab, e[DY_D_DEPENDENCY]);
        key[1] = t; key[2] = s;
        if ((e = dy_agg_lookup(a, DY_T_DYAD, key)) != NULL) add_checked(L, &ba, e[DY_D_DEPENDENCY]);
    }
    if (ab + (lua_Number)ba <= 0) { lua_pushnil(L); return 1; }
    lua_pushnumber(L, ((lua_Number)ab - (lua_Number)ba) / ((lua_Number)ab + (lua_Number)ba));
    return 1;
}

static int l_skips(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    const dy_agg_table *t = &a->t[DY_T_SKIP];
    size_t i;
    lua_newtable(L);
    for (i = 0; i < t->n; i++) {
        push_id(L, a, DY_AGG_KEYS(t, i)[0]);
        dy_pushinteger(L, DY_AGG_VALS(t, i)[0]);
        lua_rawset(L, -3);
    }
    return 1;
}

/* agg:period(date) -> the label of the period holding that day. */
static int l_period(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    int32_t days;
    char label[32];
    if (dy_parse_date(s, len, &days) != 0) return luaL_argerror(L, 2, "expected a date YYYY-MM-DD");
    len = dy_period_label(a->by, days, label);
    lua_pushlstring(L, label, len);
    return 1;
}

static int l_stats(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    lua_createtable(L, 0, 8);
    set_count(L, "dyads", (int64_t)dy_agg_distinct_dyads(a));
    set_count(L, "dyad_entries", (int64_t)a->t[DY_T_DYAD].n);
    set_count(L, "sector_entries", (int64_t)a->t[DY_T_SECTOR].n);
    set_count(L, "actor_entries", (int64_t)a->t[DY_T_ACTOR].n);
    set_count(L, "periods", (int64_t)a->t[DY_T_PERIOD].n);
    set_count(L, "strings", (int64_t)dy_strtab_size(&a->strings));
    set_count(L, "memory", (int64_t)dy_agg_memory(a));
    return 1;
}

static int l_tostring(lua_State *L)
{
    lagg *la = to_lagg(L, 1);
    char buf[200];
    if (!la->open) {
        lua_pushliteral(L, "dyadic.aggregate (closed)");
        return 1;
    }
    sprintf(buf, "dyadic.aggregate by %s: %lld documents, %lld skipped, %lu dyads, %lu periods",
            dy_period_kind_name(la->agg.by), (long long)la->agg.documents, (long long)la->agg.skipped,
            (unsigned long)dy_agg_distinct_dyads(&la->agg), (unsigned long)la->agg.t[DY_T_PERIOD].n);
    lua_pushstring(L, buf);
    return 1;
}

/* Fields first (documents, skipped, by), then methods (upvalue 1). */
static int l_index(lua_State *L)
{
    lagg *la = to_lagg(L, 1);
    const char *k = lua_tostring(L, 2);
    if (k != NULL && la->open) {
        if (strcmp(k, "documents") == 0) { dy_pushinteger(L, la->agg.documents); return 1; }
        if (strcmp(k, "skipped") == 0) { dy_pushinteger(L, la->agg.skipped); return 1; }
        if (strcmp(k, "by") == 0) { lua_pushstring(L, dy_period_kind_name(la->agg.by)); return 1; }
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    return 1;
}

/* agg:add(doc): the document's totals, through dy_doc_summarize (analyze.c). */
static int l_add(lua_State *L)
{
    dy_agg *a = check_agg(L, 1);
    struct dy_doc *doc = dy_check_document(L, 2);
    dy_doc_summary s;
    int rc;
    if (dy_doc_summarize(doc, &s) != 0) return agg_fail(L, DY_AGG_ENOMEM);
    rc = dy_agg_add_summary(a, &s);
    if (rc != DY_AGG_OK) return agg_fail(L, rc);
    lua_settop(L, 1);
    return 1;
}

static const luaL_Reg agg_methods[] = {
    { "add", l_add },
    { "add_records", l_add_records },
    { "merge", l_merge },
    { "skip", l_skip },
    { "skips", l_skips },
    { "serialize", l_serialize },
    { "dump", l_dump },
    { "dyads", l_dyads },
    { "series", l_series },
    { "actors", l_actors },
    { "periods", l_periods },
    { "period_documents", l_period_documents },
    { "asymmetry", l_asymmetry },
    { "period", l_period },
    { "stats", l_stats },
    { "close", agg_close },
    { NULL, NULL }
};

void dy_open_aggregate(lua_State *L)
{
    luaL_newmetatable(L, RECORDS_MT);
    lua_pushcfunction(L, records_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newmetatable(L, AGG_MT);
    lua_newtable(L);
    luaL_setfuncs(L, agg_methods, 0);
    lua_pushvalue(L, -1);
    lua_setfield(L, -4, "aggregate_methods");  /* module table: Lua helpers add methods here */
    lua_pushcclosure(L, l_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, agg_close);
    lua_setfield(L, -2, "__gc");
#if DY_LUA_HAS_CLOSE
    lua_pushcfunction(L, agg_close);
    lua_setfield(L, -2, "__close");
#endif
    lua_pushcfunction(L, l_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, AGG_MT);
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);

    lua_pushcfunction(L, l_new);
    lua_setfield(L, -2, "aggregate_new");
    lua_pushcfunction(L, l_load);
    lua_setfield(L, -2, "aggregate_load");
    lua_pushcfunction(L, l_undump);
    lua_setfield(L, -2, "aggregate_undump");
}
