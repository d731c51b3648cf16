/* lua_matcher.c - Lua binding for the matcher part (being written). */
#include "binding.h"

void dy_open_matcher(lua_State *L)
{
    (void)L;
}
