/*
 * lua_text.c - dyadic.tokens, dyadic.sentences, dyadic.core.utf8_check.
 *
 * The C arrays live in a scratch userdata with a __gc, so a Lua error raised while the
 * result tables are built (out of memory) never leaks them; on success they are freed
 * at once instead of waiting for the collector.
 */
#include "binding.h"
#include "text.h"
#include "unicode.h"

#include <limits.h>
#include <string.h>

#define SCRATCH "dyadic.text.scratch"

typedef struct {
    dy_tokens toks;
    dy_sentences sents;
} scratch;

static int scratch_gc(lua_State *L)
{
    scratch *sc = (scratch *)luaL_checkudata(L, 1, SCRATCH);
    dy_tokens_free(&sc->toks);
    dy_sentences_free(&sc->sents);
    return 0;
}

static int scratch_tostring(lua_State *L)
{
    scratch *sc = (scratch *)luaL_checkudata(L, 1, SCRATCH);
    lua_pushfstring(L, "dyadic.text.scratch: %d tokens, %d sentences", (int)sc->toks.n, (int)sc->sents.n);
    return 1;
}

static scratch *push_scratch(lua_State *L)
{
    scratch *sc = (scratch *)lua_newuserdata(L, sizeof(scratch));
    memset(sc, 0, sizeof *sc);
    luaL_getmetatable(L, SCRATCH);
    lua_setmetatable(L, -2);
    return sc;
}

static void release(scratch *sc)
{
    dy_tokens_free(&sc->toks);
    dy_sentences_free(&sc->sents);
}

static void push_flags(lua_State *L, int flags)
{
    static const struct { int bit; const char *name; } names[] = {
        {DY_TF_ABBREV, "abbrev"}, {DY_TF_POSSESSIVE, "possessive"}, {DY_TF_CAPITALIZED, "capitalized"},
        {DY_TF_IDEO, "ideo"}, {DY_TF_COMPOUND, "compound"},
    };
    char buf[64];
    size_t i, n = 0;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (flags & names[i].bit) {
            size_t l = strlen(names[i].name);
            if (n) buf[n++] = ' ';
            memcpy(buf + n, names[i].name, l);
            n += l;
        }
    }
    lua_pushlstring(L, buf, n);
}

/*** dyadic.tokens(text) --> { {s, e, kind [, flags]}, ... }
 * 1-based inclusive offsets; kind "word" | "number" | "punct"; flags, present only when
 * not empty, is a space-separated list of "abbrev", "possessive", "capitalized", "ideo",
 * "compound". */
static int l_tokens(lua_State *L)
{
    static const char *const kinds[] = {"", "word", "number", "punct"};
    size_t len, i;
    const char *text = dy_check_text(L, 1, &len);
    scratch *sc = push_scratch(L);
    if (dy_tokenize(text, len, &sc->toks) != 0) {
        release(sc);
        return luaL_error(L, "dyadic.tokens: out of memory");
    }
    if (sc->toks.n >= INT_MAX) {
        release(sc);
        return luaL_error(L, "dyadic.tokens: more than %d tokens", INT_MAX - 1);
    }
    lua_createtable(L, (int)sc->toks.n, 0);
    for (i = 0; i < sc->toks.n; i++) {
        const dy_token *t = &sc->toks.v[i];
        lua_createtable(L, t->flags ? 4 : 3, 0);
        dy_pushinteger(L, t->s + 1);
        lua_rawseti(L, -2, 1);
        dy_pushinteger(L, t->e);
        lua_rawseti(L, -2, 2);
        lua_pushstring(L, kinds[t->kind]);
        lua_rawseti(L, -2, 3);
        if (t->flags) {
            push_flags(L, t->flags);
            lua_rawseti(L, -2, 4);
        }
        lua_rawseti(L, -2, (int)(i + 1));
    }
    release(sc);
    return 1;
}

/*** dyadic.sentences(text) --> { {s, e}, ... } (1-based inclusive, trimmed of white space) */
static int l_sentences(lua_State *L)
{
    size_t len, i;
    const char *text = dy_check_text(L, 1, &len);
    scratch *sc = push_scratch(L);
    if (dy_tokenize(text, len, &sc->toks) != 0 || dy_split_sentences(text, len, &sc->toks, &sc->sents) != 0) {
        release(sc);
        return luaL_error(L, "dyadic.sentences: out of memory");
    }
    dy_tokens_free(&sc->toks);
    if (sc->sents.n >= INT_MAX) {
        release(sc);
        return luaL_error(L, "dyadic.sentences: more than %d sentences", INT_MAX - 1);
    }
    lua_createtable(L, (int)sc->sents.n, 0);
    for (i = 0; i < sc->sents.n; i++) {
        lua_createtable(L, 2, 0);
        dy_pushinteger(L, sc->sents.v[i].s + 1);
        lua_rawseti(L, -2, 1);
        dy_pushinteger(L, sc->sents.v[i].e);
        lua_rawseti(L, -2, 2);
        lua_rawseti(L, -2, (int)(i + 1));
    }
    release(sc);
    return 1;
}

/*** dyadic.core.utf8_check(text) --> true | false, offset of the first invalid byte (1-based) */
static int l_utf8_check(lua_State *L)
{
    size_t len, bad = 0;
    const char *text = dy_check_text(L, 1, &len);
    if (dy_utf8_valid(text, len, &bad)) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    dy_pushinteger(L, bad + 1);
    return 2;
}

void dy_open_text(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        {"tokens", l_tokens},
        {"sentences", l_sentences},
        {"utf8_check", l_utf8_check},
        {NULL, NULL}
    };
    static const luaL_Reg meta[] = {
        {"__gc", scratch_gc},
        {"__tostring", scratch_tostring},
        {NULL, NULL}
    };
    luaL_newmetatable(L, SCRATCH);
    luaL_setfuncs(L, meta, 0);
    lua_pop(L, 1);
    luaL_setfuncs(L, funcs, 0);
    dy_compat_unused();
}
