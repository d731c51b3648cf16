#!/bin/sh
# test.sh [--specs-only] RUNTIME... - the whole suite, as `make test` runs it:
#   1. luacheck and the C static check (make lint)
#   2. the busted specs under each interpreter, against build/RUNTIME/dyadic/core.so
#   3. the C unit tests in spec/c/*.sh (ASan + UBSan) and the host tests in spec/hosts/*.sh
#      (Neovim, LÖVE, Chromium, luarocks)
# It prints one summary line per interpreter, C unit test and host test, then a last line
# "N passed, N failed" and exits non-zero when anything failed.
specs_only=0
if [ "$1" = "--specs-only" ]; then specs_only=1; shift; fi
cd "$(dirname "$0")/.." || exit 1

failed_total=0
passed_total=0
summary=""
note() { summary="$summary
$1"; }

if [ $specs_only = 0 ]; then
    if make --no-print-directory lint; then
        note "lint: passed"; passed_total=$((passed_total + 1))
    else
        note "lint: FAILED"; failed_total=$((failed_total + 1))
    fi
fi

for rt in "$@"; do
    if ! command -v "$rt" >/dev/null 2>&1; then
        note "$rt: FAILED (interpreter not installed)"; failed_total=$((failed_total + 1)); continue
    fi
    out=$(mktemp)
    LUA_CPATH="build/$rt/?.so;;" LUA_CPATH_5_3="build/$rt/?.so;;" LUA_CPATH_5_4="build/$rt/?.so;;" \
        DYADIC_RUNTIME="$rt" "$rt" /usr/bin/busted --output=utfTerminal 2>&1 | tee "$out"
    line=$(grep -E '[0-9]+ success(es)? / [0-9]+ failures? / [0-9]+ errors?' "$out" | tail -n 1 | sed 's/\x1b\[[0-9;]*m//g')
    ok=$(echo "$line" | sed -n 's/^\([0-9]*\) success.*/\1/p')
    bad=$(echo "$line" | sed -n 's/.* \([0-9]*\) failures\{0,1\} \/ \([0-9]*\) errors\{0,1\}.*/\1 \2/p')
    fails=$(echo "$bad" | awk '{print $1 + $2}')
    rm -f "$out"
    if [ -z "$ok" ]; then
        note "$rt: FAILED (busted did not finish)"; failed_total=$((failed_total + 1))
    elif [ "$fails" != 0 ] || [ "$ok" = 0 ]; then
        note "$rt: $ok passed, $fails failed"; failed_total=$((failed_total + fails + 1))
        passed_total=$((passed_total + ok))
    else
        note "$rt: $ok passed, 0 failed"; passed_total=$((passed_total + ok))
    fi
done

if [ $specs_only = 0 ]; then
    # C unit tests of the core (built under ASan + UBSan, allocation failures injected),
    # then the host tests; each reported as "c NAME" or "host NAME"
    for t in spec/c/*.sh spec/hosts/*.sh; do
        [ -f "$t" ] || continue
        case "$t" in spec/c/*) kind=c ;; *) kind=host ;; esac
        name=$(basename "$t" .sh)
        if sh "$t"; then
            note "$kind $name: passed"; passed_total=$((passed_total + 1))
        else
            note "$kind $name: FAILED"; failed_total=$((failed_total + 1))
        fi
    done
fi

echo
echo "== dyadic test summary =="
echo "$summary" | sed '/^$/d'
echo "$passed_total passed, $failed_total failed"
[ "$failed_total" = 0 ]
