/*
 * compat.h - every difference between the Lua C APIs dyadic builds against.
 *
 * The same sources build one module against the Lua 5.4 (and 5.3) headers and one
 * against the LuaJIT / Lua 5.1 headers. Nothing outside this file may test
 * LUA_VERSION_NUM.
 */
#ifndef DYADIC_COMPAT_H
#define DYADIC_COMPAT_H

#include <lua.h>
#include <lauxlib.h>

#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM == 501

/* Lua 5.1 and LuaJIT: no luaL_setfuncs, luaL_newlib, lua_rawlen, luaL_testudata. */
#ifndef luaL_newlibtable
#define luaL_newlibtable(L, l) lua_createtable((L), 0, sizeof(l) / sizeof((l)[0]) - 1)
#endif
#ifndef luaL_newlib
#define luaL_newlib(L, l) (luaL_newlibtable((L), (l)), luaL_setfuncs((L), (l), 0))
#endif

#ifndef DY_LUAJIT  /* LuaJIT 2.1 has both; the Makefile defines DY_LUAJIT for its build */
static void luaL_setfuncs(lua_State *L, const luaL_Reg *l, int nup)
{
    luaL_checkstack(L, nup + 1, "too many upvalues");
    for (; l->name != NULL; l++) {
        int i;
        for (i = 0; i < nup; i++) lua_pushvalue(L, -nup);
        lua_pushcclosure(L, l->func, nup);
        lua_setfield(L, -(nup + 2), l->name);
    }
    lua_pop(L, nup);
}

static void *luaL_testudata(lua_State *L, int i, const char *tname)
{
    void *p = lua_touserdata(L, i);
    if (p == NULL || !lua_getmetatable(L, i)) return NULL;
    luaL_getmetatable(L, tname);
    if (!lua_rawequal(L, -1, -2)) p = NULL;
    lua_pop(L, 2);
    return p;
}
#endif

#define lua_rawlen(L, i) lua_objlen((L), (i))
#define DY_LUA_HAS_CLOSE 0

/* Lua 5.1 has no integer subtype: integers travel as lua_Number. */
#define dy_pushinteger(L, n) lua_pushnumber((L), (lua_Number)(n))

#else /* Lua 5.2 and later */

#define dy_pushinteger(L, n) lua_pushinteger((L), (lua_Integer)(n))
#define DY_LUA_HAS_CLOSE (LUA_VERSION_NUM >= 504)

#endif

/* Functions every binding file uses, kept static inline so each file stays self-contained. */

/* Is the value at index i an integer-valued number? NaN, the infinities and numbers
 * beyond +-9.2e18 answer no: they are rejected before the cast, since converting a
 * value outside the range of long long is undefined (C99 6.3.1.4). Every caller
 * range-checks further, so the few integers in (9.2e18, 2^63) lost here do not matter. */
static inline int dy_isinteger(lua_State *L, int i)
{
    lua_Number n;
    if (lua_type(L, i) != LUA_TNUMBER) return 0;
    n = lua_tonumber(L, i);
    if (!(n >= -9.2e18 && n <= 9.2e18)) return 0;
    return n == (lua_Number)(long long)n;
}

/* Unused-function warnings for the 5.1 fallbacks above are expected in files that do not call them. */
static inline void dy_compat_unused(void)
{
#if !defined(LUA_VERSION_NUM) || LUA_VERSION_NUM == 501
#ifndef DY_LUAJIT  /* LuaJIT 2.1 has both; the Makefile defines DY_LUAJIT for its build */
    (void)luaL_setfuncs;
    (void)luaL_testudata;
#endif
#endif
}

#endif
