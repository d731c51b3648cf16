/*
 * lua_lexicon.c - the "dyadic.lexicon" userdata: add, merge, entries, compile, match.
 *
 * The userdata owns the C lexicon and a scratch hit buffer, so a Lua error raised
 * while building result tables never leaks C memory.
 */
#include "binding.h"
#include "date.h"
#include "lexicon.h"
#include "lexicon_native.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define LEXICON_MT "dyadic.lexicon"

static const char *const type_names[] = {
    "", "state", "leader", "capital", "igo", "region", "group", "other"
};
static const char *const category_names[] = {
    "", "coop", "conflict", "dependency", "hedge", "certainty", "negation", "intensifier",
    "contrast", "passive", "agent", "coordination"
};

typedef struct {
    dy_lexicon *lex;      /* NULL once closed */
    dy_hits scratch;      /* reused by match() */
    dy_native_problems problems;  /* load_native()'s, until they are Lua tables */
    double load_seconds;  /* set by the Lua loaders; NAN when unknown */
} lexicon_ud;

static lexicon_ud *check_ud(lua_State *L, int arg)
{
    return (lexicon_ud *)luaL_checkudata(L, arg, LEXICON_MT);
}

static dy_lexicon *check_open(lua_State *L, int arg)
{
    lexicon_ud *u = check_ud(L, arg);
    if (u->lex == NULL) luaL_argerror(L, arg, "lexicon is closed");
    return u->lex;
}

struct dy_lexicon *dy_check_lexicon(lua_State *L, int arg)
{
    return check_open(L, arg);
}

struct dy_lexicon *dy_test_lexicon(lua_State *L, int idx)
{
    lexicon_ud *u = (lexicon_ud *)luaL_testudata(L, idx, LEXICON_MT);
    return u != NULL ? u->lex : NULL;
}

static int lexicon_new(lua_State *L)
{
    lexicon_ud *u = (lexicon_ud *)lua_newuserdata(L, sizeof *u);
    memset(u, 0, sizeof *u);
    u->load_seconds = NAN;
    luaL_getmetatable(L, LEXICON_MT);
    lua_setmetatable(L, -2);
    u->lex = dy_lexicon_new();
    if (u->lex == NULL) return luaL_error(L, "out of memory");
    return 1;
}

static int lexicon_close(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    dy_lexicon_free(u->lex);
    u->lex = NULL;
    dy_hits_free(&u->scratch);
    dy_native_problems_free(&u->problems);
    return 0;
}

/* Fill spec from the table at index t (fields and their checks: lexicon_native.h).
 * Returns NULL, or an error message (pushed). */
static const char *read_spec(lua_State *L, int t, dy_entry_spec *spec)
{
    char err[512];
    memset(spec, 0, sizeof *spec);
    spec->weight = NAN;
    spec->goldstein = NAN;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        const char *key;
        size_t klen;
        int field, vt = lua_type(L, -1);
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            return lua_pushfstring(L, "entry field names must be strings");
        }
        key = lua_tolstring(L, -2, &klen);
        if (strlen(key) != klen) {
            lua_pop(L, 2);
            return lua_pushfstring(L, "entry field names must not contain a NUL byte");
        }
        field = dy_entry_field(key, klen);
        if (field < 0) {
            lua_pop(L, 2);
            return lua_pushfstring(L, "unknown field '%s'", key);
        }
        if (field == DY_F_WEIGHT || field == DY_F_GOLDSTEIN) {
            if (vt != LUA_TNUMBER) {
                lua_pop(L, 2);
                return lua_pushfstring(L, "field '%s': expected a number, got %s", key, lua_typename(L, vt));
            }
            if (field == DY_F_WEIGHT) spec->weight = lua_tonumber(L, -1);
            else spec->goldstein = lua_tonumber(L, -1);
        } else {
            const char *v;
            size_t vlen;
            if (vt != LUA_TSTRING) {
                lua_pop(L, 2);
                return lua_pushfstring(L, "field '%s': expected a string, got %s", key, lua_typename(L, vt));
            }
            v = lua_tolstring(L, -1, &vlen);  /* stays alive: referenced by the table */
            if (dy_entry_spec_set(spec, field, v, vlen, err, sizeof err) != 0) {
                lua_pop(L, 2);
                return lua_pushfstring(L, "%s", err);
            }
        }
        lua_pop(L, 1);
    }
    if (spec->kind == 0) {
        lua_pushliteral(L, "field 'kind': missing");
        return lua_tostring(L, -1);
    }
    return NULL;
}

/* Add the entry at arg 2. Returns its 1-based index, or nil and the message. */
static int add_entry(lua_State *L, int raise)
{
    dy_lexicon *lex = check_open(L, 1);
    dy_entry_spec spec;
    const char *msg;
    char err[512];
    long idx;
    luaL_checktype(L, 2, LUA_TTABLE);
    msg = read_spec(L, 2, &spec);
    if (msg == NULL) {
        idx = dy_lexicon_add(lex, &spec, err, sizeof err);
        if (idx >= 0) {
            dy_pushinteger(L, idx + 1);
            return 1;
        }
        if (strcmp(err, "out of memory") == 0) return luaL_error(L, "out of memory");
        lua_pushstring(L, err);
        msg = lua_tostring(L, -1);
    }
    if (raise) return luaL_argerror(L, 2, msg);
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
}

static int lexicon_add(lua_State *L)
{
    return add_entry(L, 1);
}

/* lex:try_add(t): like add, but returns nil, message for a bad entry (the loaders use it). */
static int lexicon_try_add(lua_State *L)
{
    return add_entry(L, 0);
}

/* lex:load_native(text, name [, stop_at_first]) -> problems: adds the entries of text in
 * the native format (lexicon_native.h), each with source "name:line", and returns every
 * malformed line as { {line=, message=, severity="error"}, ... } in line order (only the
 * first with stop_at_first). The problems stay in the userdata until they are Lua
 * tables, so a Lua error while building those leaks nothing. */
static int lexicon_load_native(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    dy_lexicon *lex = check_open(L, 1);
    size_t len, namelen, i;
    const char *text = dy_check_text(L, 2, &len);
    const char *name = luaL_checklstring(L, 3, &namelen);
    int stop = lua_toboolean(L, 4);
    long n;
    dy_native_problems_free(&u->problems);
    n = dy_lexicon_load_native(lex, text, len, name, namelen, stop, &u->problems);
    if (n < 0) {
        dy_native_problems_free(&u->problems);
        return luaL_error(L, "out of memory");
    }
    lua_createtable(L, u->problems.n < 1000000 ? (int)u->problems.n : 0, 0);
    for (i = 0; i < u->problems.n; i++) {
        const dy_native_problem *p = &u->problems.v[i];
        lua_createtable(L, 0, 3);
        dy_pushinteger(L, p->line);
        lua_setfield(L, -2, "line");
        lua_pushlstring(L, u->problems.text + p->msg, p->len);
        lua_setfield(L, -2, "message");
        lua_pushliteral(L, "error");
        lua_setfield(L, -2, "severity");
        lua_rawseti(L, -2, (int)i + 1);
    }
    dy_native_problems_free(&u->problems);
    return 1;
}

/* lex:merge(other) -> lex: appends every entry of `other` (duplicates included, in
 * other's order) and leaves `other` unchanged. Merging a lexicon into itself is a
 * no-op: it already holds every one of its entries. */
static int lexicon_merge(lua_State *L)
{
    dy_lexicon *dst = check_open(L, 1);
    dy_lexicon *src = check_open(L, 2);
    if (src != dst && dy_lexicon_merge(dst, src) != 0) return luaL_error(L, "out of memory");
    lua_settop(L, 1);
    return 1;
}

static int lexicon_len(lua_State *L)
{
    dy_pushinteger(L, dy_lexicon_size(check_open(L, 1)));
    return 1;
}

static void set_string(lua_State *L, const dy_lexicon *lex, const char *key, uint32_t id)
{
    if (id == 0) return;
    lua_pushstring(L, dy_lexicon_string(lex, id));
    lua_setfield(L, -2, key);
}

static void set_date(lua_State *L, const char *key, int32_t days)
{
    char buf[16];
    size_t n;
    if (days == DY_DATE_MIN || days == DY_DATE_MAX) return;
    n = dy_period_label(DY_BY_DAY, days, buf);
    lua_pushlstring(L, buf, n);
    lua_setfield(L, -2, key);
}

/* Push the table describing entry i (fields as add accepts, plus full_code). */
static void push_entry(lua_State *L, const dy_lexicon *lex, uint32_t i)
{
    const dy_entry *e = dy_lexicon_entry(lex, i);
    lua_createtable(L, 0, 10);
    set_string(L, lex, "term", e->term);
    lua_pushstring(L, dy_kind_name(e->kind));
    lua_setfield(L, -2, "kind");
    switch (e->kind) {
    case DY_KIND_ACTOR:
        lua_pushstring(L, dy_lexicon_string(lex, e->code));
        lua_setfield(L, -2, "code");
        set_string(L, lex, "full_code", e->full_code);
        set_string(L, lex, "role", e->role);
        lua_pushstring(L, type_names[e->subtype <= DY_ACTOR_OTHER ? e->subtype : 0]);
        lua_setfield(L, -2, "type");
        break;
    case DY_KIND_CUE:
        lua_pushstring(L, category_names[e->subtype <= DY_CUE_COORDINATION ? e->subtype : 0]);
        lua_setfield(L, -2, "category");
        set_string(L, lex, "cameo", e->code);
        if (!isnan(e->goldstein)) {
            lua_pushnumber(L, e->goldstein);
            lua_setfield(L, -2, "goldstein");
        }
        if (e->flags & DY_ENTRY_REVERSE) {
            lua_pushliteral(L, "reverse");
            lua_setfield(L, -2, "direction");
        }
        break;
    case DY_KIND_SECTOR:
        set_string(L, lex, "sector", e->code);
        break;
    default:
        break;
    }
    if (e->kind != DY_KIND_DISCARD) {
        lua_pushnumber(L, e->weight);
        lua_setfield(L, -2, "weight");
    }
    set_date(L, "from", e->from);
    set_date(L, "to", e->to);
    if (e->flags & DY_ENTRY_TITLECASE) {
        lua_pushliteral(L, "title");
        lua_setfield(L, -2, "case");
    }
    if (e->flags & DY_ENTRY_LOWERCASE) {
        lua_pushliteral(L, "lower");
        lua_setfield(L, -2, "case");
    }
    set_string(L, lex, "source", e->source);
}

static uint32_t check_index(lua_State *L, const dy_lexicon *lex, int arg)
{
    lua_Number n = luaL_checknumber(L, arg);
    size_t size = dy_lexicon_size(lex);
    luaL_argcheck(L, dy_isinteger(L, arg), arg, "index must be an integer");
    luaL_argcheck(L, n >= 1 && n <= (lua_Number)size, arg,
                  lua_pushfstring(L, "index out of range (1..%d)", (int)size));
    return (uint32_t)(n - 1);
}

static int lexicon_entry(lua_State *L)
{
    dy_lexicon *lex = check_open(L, 1);
    push_entry(L, lex, check_index(L, lex, 2));
    return 1;
}

static int lexicon_entries(lua_State *L)
{
    dy_lexicon *lex = check_open(L, 1);
    size_t i, n = dy_lexicon_size(lex);
    if (!lua_isnoneornil(L, 2)) {
        push_entry(L, lex, check_index(L, lex, 2));
        return 1;
    }
    lua_createtable(L, n < 1000000 ? (int)n : 0, 0);
    for (i = 0; i < n; i++) {
        push_entry(L, lex, (uint32_t)i);
        lua_rawseti(L, -2, (int)i + 1);
    }
    return 1;
}

static int lexicon_compile(lua_State *L)
{
    dy_lexicon *lex = check_open(L, 1);
    char err[512];
    if (dy_lexicon_compile(lex, err, sizeof err) != 0) {
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

static int32_t check_date(lua_State *L, int arg)
{
    size_t len;
    const char *s;
    int32_t days;
    if (lua_isnoneornil(L, arg)) return DY_NODATE;
    s = luaL_checklstring(L, arg, &len);
    if (dy_parse_date(s, len, &days) != 0) luaL_argerror(L, arg, "expected a date YYYY-MM-DD");
    return days;
}

static int lexicon_match(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    size_t len, i;
    const char *text;
    int32_t date;
    dy_lexicon *lex = check_open(L, 1);
    text = dy_check_text(L, 2, &len);
    date = check_date(L, 3);
    u->scratch.n = 0;
    if (dy_lexicon_match(lex, text, len, date, &u->scratch) != 0) {
        char err[512];
        if (dy_lexicon_compile(lex, err, sizeof err) != 0) return luaL_error(L, "%s", err);
        return luaL_error(L, "out of memory");
    }
    lua_createtable(L, (int)u->scratch.n, 0);
    for (i = 0; i < u->scratch.n; i++) {
        const dy_hit *h = &u->scratch.v[i];
        push_entry(L, lex, h->entry);
        dy_pushinteger(L, h->s + 1);
        lua_setfield(L, -2, "s");
        dy_pushinteger(L, h->e);
        lua_setfield(L, -2, "e");
        dy_pushinteger(L, h->entry + 1);
        lua_setfield(L, -2, "entry");
        lua_rawseti(L, -2, (int)i + 1);
    }
    return 1;
}

static int lexicon_tostring(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    size_t counts[5] = { 0, 0, 0, 0, 0 }, i, n;
    if (u->lex == NULL) {
        lua_pushliteral(L, "dyadic.lexicon (closed)");
        return 1;
    }
    n = dy_lexicon_size(u->lex);
    for (i = 0; i < n; i++) counts[dy_lexicon_entry(u->lex, (uint32_t)i)->kind]++;
    {
        char buf[200];
        snprintf(buf, sizeof buf, "dyadic.lexicon: %lu entries (%lu actors, %lu cues, %lu sectors, %lu discards), "
                 "%.1f MB", (unsigned long)n, (unsigned long)counts[DY_KIND_ACTOR],
                 (unsigned long)counts[DY_KIND_CUE], (unsigned long)counts[DY_KIND_SECTOR],
                 (unsigned long)counts[DY_KIND_DISCARD], (double)dy_lexicon_memory(u->lex) / 1048576.0);
        lua_pushstring(L, buf);
    }
    return 1;
}

/* lex:memory() -> bytes held, including the compiled automaton. */
static int lexicon_memory(lua_State *L)
{
    lua_pushnumber(L, (lua_Number)dy_lexicon_memory(check_open(L, 1)));
    return 1;
}

static const luaL_Reg methods[] = {
    { "add", lexicon_add },
    { "try_add", lexicon_try_add },
    { "load_native", lexicon_load_native },
    { "merge", lexicon_merge },
    { "entry", lexicon_entry },
    { "entries", lexicon_entries },
    { "compile", lexicon_compile },
    { "match", lexicon_match },
    { "memory", lexicon_memory },
    { "close", lexicon_close },
    { NULL, NULL }
};

/* Is the value at idx the string "load_seconds" (whole: not cut at a NUL byte)? */
static int is_load_seconds(lua_State *L, int idx)
{
    size_t len;
    const char *k;
    if (lua_type(L, idx) != LUA_TSTRING) return 0;
    k = lua_tolstring(L, idx, &len);
    return len == sizeof "load_seconds" - 1 && memcmp(k, "load_seconds", len) == 0;
}

/* __index: methods first, then the `load_seconds` property. */
static int lexicon_index(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(1));
    if (!lua_isnil(L, -1)) return 1;
    if (is_load_seconds(L, 2) && !isnan(u->load_seconds)) {
        lua_pushnumber(L, u->load_seconds);
    }
    return 1;
}

static int lexicon_newindex(lua_State *L)
{
    lexicon_ud *u = check_ud(L, 1);
    const char *key = luaL_checkstring(L, 2);
    luaL_argcheck(L, is_load_seconds(L, 2), 2,
                  lua_pushfstring(L, "cannot set field '%s' (only load_seconds)", key));
    u->load_seconds = luaL_checknumber(L, 3);
    return 0;
}

static const luaL_Reg metamethods[] = {
    { "__len", lexicon_len },
    { "__tostring", lexicon_tostring },
    { "__gc", lexicon_close },
    { "__newindex", lexicon_newindex },
#if DY_LUA_HAS_CLOSE
    { "__close", lexicon_close },
#endif
    { NULL, NULL }
};

void dy_open_lexicon(lua_State *L)
{
    luaL_newmetatable(L, LEXICON_MT);
    luaL_setfuncs(L, metamethods, 0);
    luaL_newlib(L, methods);
    lua_pushcclosure(L, lexicon_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
    lua_pushcfunction(L, lexicon_new);
    lua_setfield(L, -2, "lexicon_new");
}
