#!/bin/sh
# love.sh - host test: the LÖVE example (examples/love) in Debian's LÖVE 11.x (LuaJIT).
#   1. `love examples/love --smoke-test --screenshot F`: loads dyadic from the repository
#      (package.path/cpath set by main.lua, no LUA_PATH/LUA_CPATH help), analyses
#      examples/love/sample.txt, clicks the strongest edge through the real hit test, draws one
#      frame, reads its pixels back (node fills, edge colours), writes a screenshot and exits 0;
#      the printed lines must name the expected counts, edge, evidence sentence and pixel checks,
#      and the PNG must be a real 1000x700 picture;
#   2. the same with a missing text file must exit 1 with the error on stderr (errorhandler).
# Runs under xvfb-run when there is no DISPLAY; SDL_AUDIODRIVER=dummy. Exit 0 = pass.
cd "$(dirname "$0")/../.." || exit 1
fail() { echo "love host test: FAILED: $*" >&2; exit 1; }

command -v love >/dev/null 2>&1 || fail "love not installed (make deps installs love)"
[ -f build/luajit/dyadic/core.so ] || fail "build/luajit/dyadic/core.so missing (run make all)"
if [ -z "$DISPLAY" ]; then
    command -v xvfb-run >/dev/null 2>&1 || fail "no DISPLAY and xvfb-run not installed"
    xvfb=1
else
    xvfb=0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

love_once() {  # love_once OUT ERR ARGS...: the example, clean environment, timeout, Xvfb if needed
    out=$1; err=$2; shift 2
    if [ $xvfb = 1 ]; then
        set -- xvfb-run -a -s "-screen 0 1280x1024x24" love examples/love "$@"
    else
        set -- love examples/love "$@"
    fi
    env -u LUA_PATH -u LUA_CPATH -u LUA_INIT SDL_AUDIODRIVER=dummy HOME="$tmp" XDG_DATA_HOME="$tmp/data" \
        timeout 120 "$@" >"$out" 2>"$err"
}
love_run() {  # same, retried once when xvfb-run itself failed (display race, cleanup error)
    love_once "$@"
    st=$?
    if [ $st != 0 ] && grep -q '^xvfb-run: error' "$2"; then
        love_once "$@"
        st=$?
    fi
    return $st
}

love_run "$tmp/out" "$tmp/err" --smoke-test --screenshot "$tmp/shot.png"
status=$?
if [ $status != 0 ]; then
    cat "$tmp/out" "$tmp/err" >&2
    fail "smoke test exited $status"
fi
expected="dyadic smoke test: 5 actors, 7 dyads; clicked ETH-SDN (net +4.00): Sudan depends on Ethiopia for cheap electricity, yet Khartoum also relies on Cairo for trade."
line=$(grep '^dyadic smoke test: [0-9]' "$tmp/out")
[ "$line" = "$expected" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "unexpected smoke line: $line"; }
# main.lua read the frame back: every node's fill at its centre, every edge's colour along it
pixels=$(grep '^dyadic smoke test: frame ' "$tmp/out")
echo "$pixels" | grep -q '^dyadic smoke test: frame 1000x700, nodes drawn 5/5, edges drawn 7/7$' \
    || fail "frame check: $pixels"

# the screenshot: a real picture (lua5.4 + the PNG decoder of the HTML host test)
[ -s "$tmp/shot.png" ] || fail "no screenshot written"
if command -v lua5.4 >/dev/null 2>&1 && [ -f spec/fixtures/report/png.lua ]; then
    stats=$(lua5.4 spec/fixtures/report/png.lua "$tmp/shot.png") || fail "unreadable screenshot PNG"
    echo "$stats" | awk '{
        split($1, wh, "x"); sub("colours=", "", $2); sub("ink=", "", $3)
        if (wh[1] != 1000 || wh[2] != 700) { print "screenshot is " $1 ", expected 1000x700"; exit 1 }
        if ($2 + 0 < 20) { print "only " $2 " colours: blank window?"; exit 1 }
        if ($3 + 0 < 0.02) { print "under 2% non-background pixels: blank window?"; exit 1 }
    }' >"$tmp/why" || fail "screenshot: $(cat "$tmp/why")"
else
    stats="$(wc -c <"$tmp/shot.png") bytes"
fi
if [ -n "$DYADIC_KEEP_SCREENSHOTS" ]; then cp "$tmp/shot.png" "$DYADIC_KEEP_SCREENSHOTS/love.png"; fi

# a Lua error must end the run with exit status 1 and the message on stderr
love_run "$tmp/out2" "$tmp/err2" --smoke-test "$tmp/no-such-file.txt"
status=$?
[ $status = 1 ] || { cat "$tmp/out2" "$tmp/err2" >&2; fail "error run exited $status, expected 1"; }
grep -q "dyadic smoke test: FAILED: cannot open .*no-such-file.txt" "$tmp/err2" \
    || { cat "$tmp/err2" >&2; fail "error run did not report the missing file"; }

echo "love host test: passed ($(love --version 2>&1 | head -n 1); 5 actors, 7 dyads, edge click ETH-SDN; ${pixels#dyadic smoke test: }; screenshot $stats; error exit 1)"
