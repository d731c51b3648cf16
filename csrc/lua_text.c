/* lua_text.c - Lua binding for the text part (being written). */
#include "binding.h"

void dy_open_text(lua_State *L)
{
    (void)L;
}
