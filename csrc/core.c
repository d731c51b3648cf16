/*
 * core.c - luaopen_dyadic_core: assembles the module from its binding files,
 * and the argument helpers they share.
 */
#include "binding.h"

#include <stdint.h>
#include <string.h>

#define DYADIC_VERSION "0.1.0"

void dy_check_options(lua_State *L, int arg, const char *const known[])
{
    if (lua_isnoneornil(L, arg)) return;
    luaL_checktype(L, arg, LUA_TTABLE);
    lua_pushnil(L);
    while (lua_next(L, arg) != 0) {
        int i, ok = 0;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *key = lua_tostring(L, -2);
            for (i = 0; known[i] != NULL; i++) {
                if (strcmp(known[i], key) == 0) { ok = 1; break; }
            }
            if (!ok) {
                luaL_argerror(L, arg, lua_pushfstring(L, "unknown option '%s'", key));
            }
        } else {
            luaL_argerror(L, arg, "option names must be strings");
        }
        lua_pop(L, 1);
    }
}

const char *dy_opt_string(lua_State *L, int arg, const char *key, const char *def)
{
    const char *s;
    if (lua_isnoneornil(L, arg)) return def;
    lua_getfield(L, arg, key);
    if (lua_isnil(L, -1)) { lua_pop(L, 1); return def; }
    if (lua_type(L, -1) != LUA_TSTRING) {
        luaL_argerror(L, arg, lua_pushfstring(L, "option '%s' must be a string, got %s", key, luaL_typename(L, -1)));
    }
    s = lua_tostring(L, -1);
    lua_pop(L, 1);  /* still referenced by the options table */
    return s;
}

int dy_opt_boolean(lua_State *L, int arg, const char *key, int def)
{
    int b;
    if (lua_isnoneornil(L, arg)) return def;
    lua_getfield(L, arg, key);
    if (lua_isnil(L, -1)) { lua_pop(L, 1); return def; }
    if (lua_type(L, -1) != LUA_TBOOLEAN) {
        luaL_argerror(L, arg, lua_pushfstring(L, "option '%s' must be a boolean, got %s", key, luaL_typename(L, -1)));
    }
    b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

const char *dy_check_text(lua_State *L, int arg, size_t *len)
{
    const char *s;
    if (lua_type(L, arg) != LUA_TSTRING) {  /* numbers are not silently converted */
        luaL_argerror(L, arg, lua_pushfstring(L, "string expected, got %s", luaL_typename(L, arg)));
    }
    s = lua_tolstring(L, arg, len);
    luaL_argcheck(L, *len < UINT32_MAX, arg, "text longer than 4 GiB");
    return s;
}

/* The one exported symbol: the build hides everything else (-fvisibility=hidden). */
#if defined(__GNUC__)
#define DY_EXPORT __attribute__((visibility("default")))
#else
#define DY_EXPORT
#endif

DY_EXPORT int luaopen_dyadic_core(lua_State *L);

DY_EXPORT int luaopen_dyadic_core(lua_State *L)
{
    lua_newtable(L);
    lua_pushliteral(L, DYADIC_VERSION);
    lua_setfield(L, -2, "version");
    dy_open_text(L);
    dy_open_matcher(L);
    dy_open_lexicon(L);
    dy_open_document(L);
    dy_open_aggregate(L);
    dy_open_process(L);
    return 1;
}
