#!/bin/sh
# sanitize.sh - `make sanitize` runs this after building build/sanitize/dyadic/core.so with
# -fsanitize=address,undefined against the Lua 5.4 headers: the busted suite under lua5.4
# with the ASan and UBSan runtimes preloaded (the interpreter itself is not instrumented),
# leak detection on. Exits non-zero when busted fails or any sanitizer reports.
#
#   SANITIZE_DIR   directory holding dyadic/core.so (default build/sanitize)
#   arguments      spec files to run instead of the whole suite
# Suppressions for leaks that belong to the interpreter or busted's C modules live in
# tools/lsan.supp; reports are written to $SANITIZE_DIR/logs/<tool>.<executable>.<pid>.
#
# LD_PRELOAD is inherited by the programs the specs start (sh, date, sort, dot...). They are
# not instrumented and their own leaks are none of our business, so leak reports do not change
# any exit code (LSAN exitcode=0) and only reports written by a Lua interpreter count; the
# others are listed and ignored.
cd "$(dirname "$0")/.." || exit 1
dir=${SANITIZE_DIR:-build/sanitize}
so="$dir/dyadic/core.so"
[ -f "$so" ] || { echo "sanitize: $so is missing (run: make sanitize)" >&2; exit 1; }
command -v lua5.4 >/dev/null 2>&1 || { echo "sanitize: lua5.4 not installed" >&2; exit 1; }

asan=$(gcc -print-file-name=libasan.so)
ubsan=$(gcc -print-file-name=libubsan.so)
for lib in "$asan" "$ubsan"; do
    [ -f "$lib" ] || { echo "sanitize: runtime $lib not found" >&2; exit 1; }
done

logs="$dir/logs"
rm -rf "$logs"
mkdir -p "$logs"

LD_PRELOAD="$asan $ubsan" \
ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:log_exe_name=1:log_path=$logs/asan" \
LSAN_OPTIONS="suppressions=$(pwd)/tools/lsan.supp:print_suppressions=0:exitcode=0" \
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_exe_name=1:log_path=$logs/ubsan" \
LUA_CPATH="$dir/?.so;;" LUA_CPATH_5_4="$dir/?.so;;" DYADIC_RUNTIME=lua5.4 DYADIC_SANITIZE=1 \
    lua5.4 /usr/bin/busted --output=utfTerminal "$@"
rc=$?

ours=0
others=""
for f in "$logs"/*; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    case "$name" in
        *.lua*.[0-9]*|*.luajit.[0-9]*) echo "== $f" >&2; cat "$f" >&2; ours=$((ours + 1)) ;;
        *) others="$others $(echo "$name" | cut -d. -f2)" ;;
    esac
done
if [ -n "$others" ]; then
    echo "sanitize: ignored reports from programs the specs ran:$(echo "$others" | tr ' ' '\n' | sort | uniq -c | awk 'NF == 2 {printf " %s x%d", $2, $1}')"
fi
if [ $ours -ne 0 ]; then
    echo "sanitize: $ours sanitizer report(s) from the Lua interpreter in $logs" >&2
    exit 1
fi
if [ $rc -ne 0 ]; then
    echo "sanitize: busted exited with $rc" >&2
    exit $rc
fi
echo "sanitize: no ASan/UBSan/LSan reports"
