#!/bin/sh
# valgrind.sh - `make valgrind`: the busted suite under lua5.4 and valgrind's memcheck, against
# build/lua5.4/dyadic/core.so. Exits non-zero on any memory error or definite leak.
#
#   VALGRIND_DIR   directory holding dyadic/core.so (default build/lua5.4)
#   arguments      spec files to run instead of the whole suite
# Interpreter noise, if any shows up, is suppressed in tools/valgrind.supp (never a frame
# of dyadic's core.so). Valgrind's report goes to build/valgrind/valgrind.log (empty when clean).
# Both memory errors and failing specs make the script fail; the message says which.
cd "$(dirname "$0")/.." || exit 1
dir=${VALGRIND_DIR:-build/lua5.4}
so="$dir/dyadic/core.so"
[ -f "$so" ] || { echo "valgrind: $so is missing (run: make all)" >&2; exit 1; }
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed (make deps-bench)" >&2; exit 1; }
mkdir -p build/valgrind
log=build/valgrind/valgrind.log

LUA_CPATH="$dir/?.so;;" LUA_CPATH_5_4="$dir/?.so;;" DYADIC_RUNTIME=lua5.4 DYADIC_VALGRIND=1 \
valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
         --show-leak-kinds=definite --track-origins=yes --num-callers=30 \
         --suppressions=tools/valgrind.supp --log-file="$log" \
    lua5.4 /usr/bin/busted --output=utfTerminal "$@"
rc=$?
if [ -s "$log" ]; then
    cat "$log" >&2
    echo "valgrind: memory errors or definite leaks (exit $rc), log in $log" >&2
    exit 1
fi
if [ $rc -ne 0 ]; then
    echo "valgrind: no memory errors, but busted failed (exit $rc)" >&2
    exit $rc
fi
echo "valgrind: no memory errors, no definite leaks"
