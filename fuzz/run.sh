#!/bin/sh
# run.sh [SECONDS] - `make fuzz`: build every fuzz/fuzz_*.c as a libFuzzer target and run each
# for SECONDS (default 60).
#
# Convention for targets: one self-contained C file fuzz/fuzz_<name>.c defining
# LLVMFuzzerTestOneInput, linked with the C core (csrc/*.c without core.c and the Lua
# binding files lua_*.c, linked from the archive build/fuzz/libdycore.a). Each target gets build/fuzz/<name>, a corpus kept between runs
# in build/fuzz/corpus/<name> (seeded from spec/fixtures/text when empty) and crash
# artifacts in build/fuzz/artifacts/<name>/. Exits non-zero when a target does not build
# or finds a crash, leak, sanitizer report or timeout.
#
# Environment: FUZZ_TARGETS="fuzz_tokens fuzz_sentences" to run a subset, FUZZ_JOBS (default
# 1) parallel jobs per target, CC (default clang).
cd "$(dirname "$0")/.." || exit 1
seconds=${1:-60}
[ -n "$seconds" ] || seconds=60
cc=${CC_FUZZ:-clang}
command -v "$cc" >/dev/null 2>&1 || { echo "fuzz: $cc not found (make deps-fuzz)" >&2; exit 1; }

core=""
for f in csrc/*.c; do
    case "$f" in csrc/core.c|csrc/lua_*.c) ;; *) core="$core $f" ;; esac
done

targets=${FUZZ_TARGETS:-$(for f in fuzz/fuzz_*.c; do [ -f "$f" ] && basename "$f" .c; done)}
[ -n "$targets" ] || { echo "fuzz: no targets in fuzz/" >&2; exit 1; }

# The core goes into a static archive, so each target links only the objects it needs.
mkdir -p build/fuzz/obj
status=0
summary=""
objs=""
for f in $core; do
    o="build/fuzz/obj/$(basename "$f" .c).o"
    if ! "$cc" -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
            -std=c99 -D_POSIX_C_SOURCE=200809L -Icsrc -c "$f" -o "$o"; then
        echo "fuzz: $f does not compile" >&2; exit 1
    fi
    objs="$objs $o"
done
rm -f build/fuzz/libdycore.a
# shellcheck disable=SC2086
ar rcs build/fuzz/libdycore.a $objs || exit 1
for name in $targets; do
    src="fuzz/$name.c"
    bin="build/fuzz/$name"
    corpus="build/fuzz/corpus/$name"
    artifacts="build/fuzz/artifacts/$name/"
    echo "== fuzz: building $name"
    # shellcheck disable=SC2086
    if ! "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
            -std=c99 -D_POSIX_C_SOURCE=200809L -Icsrc "$src" build/fuzz/libdycore.a -o "$bin"; then
        summary="$summary
$name: BUILD FAILED"; status=1; continue
    fi
    mkdir -p "$corpus" "$artifacts"
    if [ -z "$(ls -A "$corpus")" ] && [ -d spec/fixtures/text ]; then
        for seed in spec/fixtures/text/*; do [ -f "$seed" ] && cp "$seed" "$corpus/"; done
    fi
    log="build/fuzz/$name.log"
    echo "== fuzz: running $name for ${seconds}s (log: $log)"
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
           -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ $rc -ne 0 ]; then
        tail -n 40 "$log" >&2
        summary="$summary
$name: FAILED (exit $rc) after ${execs:-?} executions; artifacts in $artifacts"; status=1
    else
        summary="$summary
$name: ok, ${execs:-?} executions in ${seconds}s, corpus $(find "$corpus" -type f | wc -l) inputs"
    fi
done
echo
echo "== fuzz summary =="
echo "$summary" | sed '/^$/d'
exit $status
