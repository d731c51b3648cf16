/*
 * lua_process.c - the POSIX process primitives `dyadic corpus -j N` starts its workers
 * with: dyadic.core._fork, _waitpid and _exit (underscored: internal to the CLI, not
 * part of the API).
 *
 *   _fork()        -> pid in the parent, 0 in the child; nil, message on failure.
 *                     The caller flushes Lua's io.stdout / io.stderr first, so buffered
 *                     output is not written twice.
 *   _waitpid(pid)  -> the exit status (0-255) of child pid, or "signal", n when a
 *                     signal ended it; nil, message on failure. Retries on EINTR.
 *   _exit(status)  -> ends the process at once with _exit(2): no atexit handlers, no
 *                     flush of stdio buffers inherited from the parent, no Lua state
 *                     teardown. The child flushes its own output before calling it.
 *   _isatty(fd)    -> whether file descriptor fd (0-2) is a terminal (the progress bar).
 *   _ncores()      -> the number of processors this process may use (the default -j;
 *                     the affinity mask on Linux, as nproc counts, else the online ones),
 *                     or nil.
 *   _counter()     -> a counter shared with the processes forked after it was made
 *                     (one word of MAP_SHARED memory): counter:next() returns 0, 1, 2...
 *                     across all of them, each number once (an atomic fetch-and-add).
 *                     The workers of `corpus -j N` claim the next chunk of input with it,
 *                     so a worker on a busy core simply claims fewer. nil, message where
 *                     shared memory or atomics are not available (the CLI then deals the
 *                     chunks out in turn).
 * The last two spare the CLI a shell per question (`test -t 2`, `nproc`), which cost
 * milliseconds of wall time at every start.
 *
 * Without POSIX (no <unistd.h>, e.g. a Windows build) the functions exist and return
 * nil, "process functions need a POSIX system" (_exit raises; _ncores returns nil), so
 * the CLI can fall back to io.popen workers and to asking the shell.
 */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE  /* sched_getaffinity, CPU_COUNT: the CPUs this process may use */
#endif
#if defined(__APPLE__) && !defined(_DARWIN_C_SOURCE)
#define _DARWIN_C_SOURCE  /* MAP_ANON, which -D_POSIX_C_SOURCE alone hides */
#endif
#include "binding.h"

#include <errno.h>
#include <string.h>

#if defined(__unix__) || defined(__unix) || (defined(__APPLE__) && defined(__MACH__))
#include <unistd.h>
#endif

#if defined(_POSIX_VERSION)
#define DY_HAS_FORK 1
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sched.h>
#endif
#else
#define DY_HAS_FORK 0
#endif

#define DY_NO_POSIX "process functions need a POSIX system (fork, waitpid)"

/* Shared counters need anonymous shared mappings and the compiler's atomic builtins
 * (GCC and Clang; C99 itself has no atomics). */
#if DY_HAS_FORK && defined(__GNUC__) && (defined(MAP_ANONYMOUS) || defined(MAP_ANON))
#define DY_HAS_COUNTER 1
#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#else
#define DY_HAS_COUNTER 0
#endif

#define COUNTER_MT "dyadic.counter"

#if DY_HAS_FORK

static int l_fork(lua_State *L)
{
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        lua_pushnil(L);
        lua_pushfstring(L, "fork: %s", strerror(err));
        return 2;
    }
    dy_pushinteger(L, pid);
    return 1;
}

static int l_waitpid(lua_State *L)
{
    int status = 0;
    pid_t got;
    lua_Number n;
    luaL_argcheck(L, dy_isinteger(L, 1), 1, "process id (a whole number) expected");
    n = lua_tonumber(L, 1);
    luaL_argcheck(L, n > 0 && n <= 2147483647.0, 1, "process id out of range");
    do {
        got = waitpid((pid_t)n, &status, 0);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        int err = errno;
        lua_pushnil(L);
        lua_pushfstring(L, "waitpid %d: %s", (int)n, strerror(err));
        return 2;
    }
    if (WIFEXITED(status)) {
        dy_pushinteger(L, WEXITSTATUS(status));
        return 1;
    }
    if (WIFSIGNALED(status)) {
        lua_pushliteral(L, "signal");
        dy_pushinteger(L, WTERMSIG(status));
        return 2;
    }
    lua_pushnil(L);  /* stopped or continued: not asked for (no WUNTRACED), kept for safety */
    lua_pushfstring(L, "waitpid %d: unexpected status %d", (int)n, status);
    return 2;
}

static int l_exit(lua_State *L)
{
    lua_Number n;
    luaL_argcheck(L, dy_isinteger(L, 1), 1, "exit status (a whole number) expected");
    n = lua_tonumber(L, 1);
    luaL_argcheck(L, n >= 0 && n <= 255, 1, "exit status out of range 0-255");
    _exit((int)n);
    return 0;  /* not reached */
}

static int l_isatty(lua_State *L)
{
    lua_Number n;
    luaL_argcheck(L, dy_isinteger(L, 1), 1, "file descriptor (a whole number) expected");
    n = lua_tonumber(L, 1);
    luaL_argcheck(L, n >= 0 && n <= 2, 1, "file descriptor out of range 0-2");
    lua_pushboolean(L, isatty((int)n) == 1);
    return 1;
}

static int l_ncores(lua_State *L)
{
#if defined(__linux__) && defined(CPU_COUNT)
    /* as nproc: the CPUs this process may run on (taskset, cpusets, CI limits), which can
     * be fewer than the machine's online CPUs */
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
        dy_pushinteger(L, CPU_COUNT(&set));
        return 1;
    }
#endif
#if defined(_SC_NPROCESSORS_ONLN)
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n > 0 && n < 1000000) { dy_pushinteger(L, n); return 1; }
#endif
    lua_pushnil(L);
    return 1;
}

#endif

#if DY_HAS_COUNTER

typedef struct {
    long *shared;  /* one word in a MAP_SHARED mapping, or NULL once released */
} counter_ud;

static int l_counter(lua_State *L)
{
    counter_ud *c = (counter_ud *)lua_newuserdata(L, sizeof *c);
    void *m;
    c->shared = NULL;
    luaL_getmetatable(L, COUNTER_MT);
    lua_setmetatable(L, -2);
    m = mmap(NULL, sizeof(long), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        int err = errno;
        lua_pushnil(L);
        lua_pushfstring(L, "shared counter: %s", strerror(err));
        return 2;
    }
    c->shared = (long *)m;
    *c->shared = 0;
    return 1;
}

static int counter_next(lua_State *L)
{
    counter_ud *c = (counter_ud *)luaL_checkudata(L, 1, COUNTER_MT);
    if (c->shared == NULL) return luaL_error(L, "counter is released");
    dy_pushinteger(L, __atomic_fetch_add(c->shared, 1L, __ATOMIC_RELAXED));
    return 1;
}

static int counter_gc(lua_State *L)
{
    counter_ud *c = (counter_ud *)luaL_checkudata(L, 1, COUNTER_MT);
    if (c->shared != NULL) munmap(c->shared, sizeof(long));
    c->shared = NULL;
    return 0;
}

static void counter_metatable(lua_State *L)
{
    static const luaL_Reg methods[] = { { "next", counter_next }, { NULL, NULL } };
    luaL_newmetatable(L, COUNTER_MT);
    lua_pushcfunction(L, counter_gc);
    lua_setfield(L, -2, "__gc");
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}

#else

static int l_counter(lua_State *L)
{
    lua_pushnil(L);
    lua_pushliteral(L, "shared counters need a POSIX system with anonymous shared memory and atomics");
    return 2;
}

static void counter_metatable(lua_State *L)
{
    (void)L;
}

#endif

#if !DY_HAS_FORK /* no POSIX */

static int l_isatty(lua_State *L)
{
    lua_pushnil(L);
    lua_pushliteral(L, DY_NO_POSIX);
    return 2;
}

static int l_ncores(lua_State *L)
{
    lua_pushnil(L);
    return 1;
}

static int l_fork(lua_State *L)
{
    lua_pushnil(L);
    lua_pushliteral(L, DY_NO_POSIX);
    return 2;
}

static int l_waitpid(lua_State *L)
{
    lua_pushnil(L);
    lua_pushliteral(L, DY_NO_POSIX);
    return 2;
}

static int l_exit(lua_State *L)
{
    return luaL_error(L, DY_NO_POSIX);
}

#endif

void dy_open_process(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        { "_fork", l_fork },
        { "_waitpid", l_waitpid },
        { "_exit", l_exit },
        { "_isatty", l_isatty },
        { "_ncores", l_ncores },
        { "_counter", l_counter },
        { NULL, NULL }
    };
    counter_metatable(L);
    luaL_setfuncs(L, funcs, 0);
    lua_pushboolean(L, DY_HAS_FORK);
    lua_setfield(L, -2, "_has_fork");
}
