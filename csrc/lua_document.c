/* lua_document.c - Lua binding for the document part (being written). */
#include "binding.h"

void dy_open_document(lua_State *L)
{
    (void)L;
}
