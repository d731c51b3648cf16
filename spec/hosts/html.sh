#!/bin/sh
# html.sh - host test: render dyadic's HTML reports (a document and an aggregate) and
# open them in Debian's headless Chromium. For each report it checks that
#   - the page ran its inline script to the end (marker in --dump-dom) and shows the
#     SVG network with one node per actor, and the browser logged no console error;
#   - the 1200x900 screenshot is a real picture: spec/fixtures/report/png.lua decodes
#     the PNG and counts distinct colours and non-background pixels.
# Needs: chromium, lua5.4 (Debian packages chromium, lua5.4). Exit 0 = pass.
cd "$(dirname "$0")/../.." || exit 1
fail() { echo "html host test: FAILED: $*" >&2; exit 1; }

command -v chromium >/dev/null 2>&1 || fail "chromium not installed (make deps installs it)"
command -v lua5.4 >/dev/null 2>&1 || fail "lua5.4 not installed"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export LUA_PATH="lua/?.lua;lua/?/init.lua;;"
export LUA_CPATH="build/lua5.4/?.so;;"

lua5.4 spec/fixtures/report/render.lua "$tmp" || fail "rendering the reports"

browse() {  # browse PROFILE ARGS... : one headless Chromium run, no network, no profile reuse
    profile="$1"; shift
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 --window-size=1200,900 "$@"
}

for name in document aggregate; do
    page="$tmp/$name.html"
    [ -s "$page" ] || fail "$name.html was not written"
    browse "$tmp/profile-$name-dom" --dump-dom "file://$page" >"$tmp/$name.dom" 2>"$tmp/$name.dom.log" \
        || fail "$name: chromium --dump-dom exited non-zero"
    browse "$tmp/profile-$name-png" --screenshot="$tmp/$name.png" "file://$page" \
        >/dev/null 2>"$tmp/$name.png.log" || fail "$name: chromium --screenshot exited non-zero"

    # the page logs nothing itself: any console line (console.error, an uncaught exception,
    # a blocked resource) is a failure
    if grep -E 'Uncaught|:CONSOLE' "$tmp/$name.dom.log" "$tmp/$name.png.log" >"$tmp/errors" 2>/dev/null; then
        cat "$tmp/errors" >&2
        fail "$name: console errors"
    fi
    grep -q 'data-dyadic-report="ready"' "$tmp/$name.dom" || fail "$name: inline script did not finish"
    grep -q '<svg id="network"' "$tmp/$name.dom" || fail "$name: no network SVG in the DOM"
    actors=$(grep -o '<tr class="actor">' "$tmp/$name.dom" | wc -l)
    nodes=$(grep -o '<circle class="node"' "$tmp/$name.dom" | wc -l)
    [ "$nodes" -gt 0 ] || fail "$name: the network has no nodes"
    [ "$nodes" = "$actors" ] || fail "$name: $nodes network nodes for $actors actors"
    if [ "$name" = aggregate ]; then
        grep -q '<svg id="heatmap"' "$tmp/$name.dom" || fail "aggregate: no heatmap"
        grep -q '<svg id="chart-net"' "$tmp/$name.dom" || fail "aggregate: no line chart"
    else
        grep -q '<svg id="timeline"' "$tmp/$name.dom" || fail "document: no sentence timeline"
        grep -q '<script>alert' "$tmp/$name.dom" && fail "document: evidence text was not escaped"
    fi

    [ -s "$tmp/$name.png" ] || fail "$name: no screenshot"
    stats=$(lua5.4 spec/fixtures/report/png.lua "$tmp/$name.png") || fail "$name: unreadable PNG"
    echo "$stats" | awk '{
        split($1, wh, "x"); sub("colours=", "", $2); sub("ink=", "", $3)
        if (wh[1] != 1200 || wh[2] != 900) { print "screenshot is " $1 ", expected 1200x900"; exit 1 }
        if ($2 + 0 < 50) { print "only " $2 " colours: blank page?"; exit 1 }
        if ($3 + 0 < 0.05) { print "under 5% non-background pixels: blank page?"; exit 1 }
    }' >"$tmp/why" || fail "$name: $(cat "$tmp/why")"
    echo "html host test: $name: $nodes actors, screenshot $stats"
    if [ -n "$DYADIC_KEEP_SCREENSHOTS" ]; then cp "$tmp/$name.png" "$DYADIC_KEEP_SCREENSHOTS/$name.png"; fi
done
echo "html host test: passed"
