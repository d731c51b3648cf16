/* lua_lexicon.c - Lua binding for the lexicon part (being written). */
#include "binding.h"

void dy_open_lexicon(lua_State *L)
{
    (void)L;
}
