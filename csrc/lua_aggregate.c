/* lua_aggregate.c - Lua binding for the aggregate part (being written). */
#include "binding.h"

void dy_open_aggregate(lua_State *L)
{
    (void)L;
}
