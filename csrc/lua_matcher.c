/*
 * lua_matcher.c - dyadic.matcher: the phrase automaton as a Lua userdata.
 *
 * The automaton lives in the userdata from the start, so a bad pattern (a Lua
 * error) leaves nothing behind but garbage the collector frees. Results are found
 * in one pass into a buffer owned by a second, internal userdata, then handed out.
 */
#include "binding.h"
#include "automaton.h"

#include <stdio.h>
#include <string.h>

#define MATCHER_MT "dyadic.matcher"
#define RESULTS_MT "dyadic.matcher.results"

typedef struct {
    dy_automaton *a;
    int overlap;
} lmatcher;

typedef struct {
    dy_matches m;
    size_t i;
} lresults;

static lmatcher *check_matcher(lua_State *L, int i)
{
    lmatcher *m = (lmatcher *)luaL_checkudata(L, i, MATCHER_MT);
    if (m->a == NULL) luaL_argerror(L, i, "attempt to use a closed matcher");
    return m;
}

static int results_gc(lua_State *L)
{
    lresults *r = (lresults *)luaL_checkudata(L, 1, RESULTS_MT);
    dy_matches_free(&r->m);
    return 0;
}

/* Run the matcher over argument 2; leaves the results userdata on the stack. */
static lresults *find(lua_State *L)
{
    lmatcher *m = check_matcher(L, 1);
    size_t len;
    const char *text = dy_check_text(L, 2, &len);
    lresults *r = (lresults *)lua_newuserdata(L, sizeof *r);
    memset(r, 0, sizeof *r);
    luaL_getmetatable(L, RESULTS_MT);
    lua_setmetatable(L, -2);
    if (dy_automaton_find(m->a, text, len, m->overlap, &r->m) != 0) {
        dy_matches_free(&r->m);
        luaL_error(L, "matcher: not enough memory");
    }
    return r;
}

static int matcher_iter(lua_State *L)
{
    lresults *r = (lresults *)lua_touserdata(L, lua_upvalueindex(1));
    const dy_match *x;
    if (r->i >= r->m.n) return 0;
    x = &r->m.v[r->i++];
    dy_pushinteger(L, x->s + 1);
    dy_pushinteger(L, x->e);
    dy_pushinteger(L, x->id);
    return 3;
}

/* m:gmatch(text) -> iterator of s, e, id (1-based, inclusive). */
static int matcher_gmatch(lua_State *L)
{
    find(L);
    lua_pushcclosure(L, matcher_iter, 1);
    return 1;
}

/* m:find_all(text) -> { {s, e, id}, ... } */
static int matcher_find_all(lua_State *L)
{
    lresults *r = find(L);
    size_t i;
    lua_createtable(L, r->m.n < 0x7FFFFFFF ? (int)r->m.n : 0, 0);
    for (i = 0; i < r->m.n; i++) {
        const dy_match *x = &r->m.v[i];
        lua_createtable(L, 3, 0);
        dy_pushinteger(L, x->s + 1);
        lua_rawseti(L, -2, 1);
        dy_pushinteger(L, x->e);
        lua_rawseti(L, -2, 2);
        dy_pushinteger(L, x->id);
        lua_rawseti(L, -2, 3);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    dy_matches_free(&r->m);
    return 1;
}

/* m:count(text) -> number of matches */
static int matcher_count(lua_State *L)
{
    lresults *r = find(L);
    size_t n = r->m.n;
    dy_matches_free(&r->m);
    dy_pushinteger(L, n);
    return 1;
}

static int matcher_close(lua_State *L)
{
    lmatcher *m = (lmatcher *)luaL_checkudata(L, 1, MATCHER_MT);
    dy_automaton_free(m->a);
    m->a = NULL;
    return 0;
}

static int matcher_len(lua_State *L)
{
    lmatcher *m = check_matcher(L, 1);
    dy_pushinteger(L, dy_automaton_patterns(m->a));
    return 1;
}

static int matcher_tostring(lua_State *L)
{
    lmatcher *m = (lmatcher *)luaL_checkudata(L, 1, MATCHER_MT);
    if (m->a == NULL) {
        lua_pushliteral(L, "dyadic.matcher (closed)");
    } else {
        size_t n = dy_automaton_patterns(m->a), b = dy_automaton_memory(m->a);
        char buf[96];
        if (b < 1024 * 1024) {
            snprintf(buf, sizeof buf, "dyadic.matcher: %lu pattern%s, %.1f KB", (unsigned long)n,
                     n == 1 ? "" : "s", (double)b / 1024.0);
        } else {
            snprintf(buf, sizeof buf, "dyadic.matcher: %lu pattern%s, %.1f MB", (unsigned long)n,
                     n == 1 ? "" : "s", (double)b / (1024.0 * 1024.0));
        }
        lua_pushstring(L, buf);
    }
    return 1;
}

/* Quote a pattern for an error message, shortened when long. */
static const char *short_pattern(lua_State *L, const char *s, size_t len)
{
    if (len > 40) {
        lua_pushlstring(L, s, 37);
        lua_pushliteral(L, "...");
        lua_concat(L, 2);
    } else {
        lua_pushlstring(L, s, len);
    }
    return lua_tostring(L, -1);
}

/* dyadic.matcher(patterns [, opts]) */
static int matcher_new(lua_State *L)
{
    static const char *const known[] = { "overlap", "case", NULL };
    lmatcher *m;
    const char *cs;
    unsigned flags = 0;
    size_t i, n;
    int overlap;

    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    dy_check_options(L, 2, known);
    overlap = dy_opt_boolean(L, 2, "overlap", 0);
    cs = dy_opt_string(L, 2, "case", "fold");
    if (strcmp(cs, "exact") == 0) flags |= DY_AC_CASE_EXACT;
    else if (strcmp(cs, "fold") != 0) luaL_argerror(L, 2, lua_pushfstring(L, "option 'case' must be \"fold\" or \"exact\", got \"%s\"", cs));

    m = (lmatcher *)lua_newuserdata(L, sizeof *m);
    m->a = NULL;
    m->overlap = overlap;
    luaL_getmetatable(L, MATCHER_MT);
    lua_setmetatable(L, -2);
    m->a = dy_automaton_new(flags);
    if (m->a == NULL) return luaL_error(L, "matcher: not enough memory");

    n = lua_rawlen(L, 1);
    for (i = 1; i <= n; i++) {
        const char *pat;
        size_t len;
        lua_Number id = (lua_Number)i;
        char err[128];
        int top = lua_gettop(L);
        lua_rawgeti(L, 1, (int)i);
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_getfield(L, -1, "id");
            if (!lua_isnil(L, -1)) {
                if (!dy_isinteger(L, -1) || lua_tonumber(L, -1) < 0 || lua_tonumber(L, -1) > 4294967295.0)
                    return luaL_argerror(L, 1, lua_pushfstring(L, "pattern %d: id must be an integer from 0 to 2^32-1", (int)i));
                id = lua_tonumber(L, -1);
            }
            lua_pop(L, 1);
            lua_rawgeti(L, -1, 1);
            lua_replace(L, -2);
        }
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_argerror(L, 1, lua_pushfstring(L, "pattern %d must be a string or a table {\"phrase\", id = n}, got %s",
                                                       (int)i, luaL_typename(L, -1)));
        pat = lua_tolstring(L, -1, &len);
        if (dy_automaton_add(m->a, pat, len, (uint32_t)id, err, sizeof err) != 0) {
            const char *q = short_pattern(L, pat, len);
            return luaL_argerror(L, 1, lua_pushfstring(L, "pattern %d '%s': %s", (int)i, q, err));
        }
        lua_settop(L, top);
    }
    if (dy_automaton_build(m->a) != 0) return luaL_error(L, "matcher: not enough memory");
    return 1;
}

void dy_open_matcher(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "gmatch", matcher_gmatch },
        { "find_all", matcher_find_all },
        { "count", matcher_count },
        { "close", matcher_close },
        { NULL, NULL }
    };
    luaL_newmetatable(L, RESULTS_MT);
    lua_pushcfunction(L, results_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newmetatable(L, MATCHER_MT);
    luaL_newlib(L, methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, matcher_close);
    lua_setfield(L, -2, "__gc");
#if DY_LUA_HAS_CLOSE
    lua_pushcfunction(L, matcher_close);
    lua_setfield(L, -2, "__close");
#endif
    lua_pushcfunction(L, matcher_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, matcher_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);

    lua_pushcfunction(L, matcher_new);
    lua_setfield(L, -2, "matcher");
}
