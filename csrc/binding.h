/*
 * binding.h - the parts of the Lua binding, one file per userdata type.
 *
 * Each dy_open_* adds its functions to the module table on top of the stack and
 * registers its metatable ("dyadic.matcher", "dyadic.lexicon", ...).
 */
#ifndef DYADIC_BINDING_H
#define DYADIC_BINDING_H

#include "compat.h"

void dy_open_text(lua_State *L);       /* lua_text.c: tokens, sentences, utf8 checks */
void dy_open_matcher(lua_State *L);    /* lua_matcher.c: dyadic.matcher */
void dy_open_lexicon(lua_State *L);    /* lua_lexicon.c: dyadic.lexicon userdata */
void dy_open_document(lua_State *L);   /* lua_document.c: analysis and dyadic.document */
void dy_open_aggregate(lua_State *L);  /* lua_aggregate.c: dyadic.aggregate */
void dy_open_process(lua_State *L);    /* lua_process.c: _fork, _waitpid, _exit (the CLI's workers) */

/* Common argument helpers (core.c). */

/* Raise a luaL_argerror for an option key that the function does not know. Every
 * function taking an options table calls this for keys outside `known`. */
void dy_check_options(lua_State *L, int arg, const char *const known[]);

/* Read an optional string / boolean / number field of the options table at `arg`. */
const char *dy_opt_string(lua_State *L, int arg, const char *key, const char *def);
int dy_opt_boolean(lua_State *L, int arg, const char *key, int def);

/* The text argument and its length. Raises "string expected, got <type>" unless it is an
 * actual string (numbers are not converted), and when it does not fit in 32-bit offsets.
 * Every binding taking a text uses it, so they all type the argument alike. */
const char *dy_check_text(lua_State *L, int arg, size_t *len);

/* lua_document.c: the C document behind a "dyadic.document" userdata; raises when the
 * value at arg is not one (or was closed). lua_aggregate.c uses it for agg:add(doc). */
struct dy_doc;
struct dy_doc *dy_check_document(lua_State *L, int arg);

/* lua_lexicon.c: the C lexicon behind a "dyadic.lexicon" userdata; raises when the value
 * at arg is not one (or was closed). The analyzer uses it for { lexicon = lex }. */
struct dy_lexicon;
struct dy_lexicon *dy_check_lexicon(lua_State *L, int arg);
/* The same without raising: NULL when the value at idx is not a lexicon or was closed. */
struct dy_lexicon *dy_test_lexicon(lua_State *L, int idx);

#endif
