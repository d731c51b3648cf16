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
#include "binding.h"

#include <errno.h>
#include <string.h>

#if defined(__unix__) || defined(__unix) || (defined(__APPLE__) && defined(__MACH__))
#include <unistd.h>
#endif

#if defined(_POSIX_VERSION)
#define DY_HAS_FORK 1
#include <sys/types.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sched.h>
#endif
#else
#define DY_HAS_FORK 0
#endif

#define DY_NO_POSIX "process functions need a POSIX system (fork, waitpid)"

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

#else /* no POSIX */

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
        { NULL, NULL }
    };
    luaL_setfuncs(L, funcs, 0);
    lua_pushboolean(L, DY_HAS_FORK);
    lua_setfield(L, -2, "_has_fork");
}
