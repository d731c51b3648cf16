#!/bin/sh
# demo.sh - `make demo` (after the build): analyze the bundled example op-ed with
# bin/dyadic, print the Markdown summary here and write the HTML report to a file.
cd "$(dirname "$0")/.." || exit 1
oped=$(ls examples/oped-*.txt 2>/dev/null | head -n 1)
if [ -z "$oped" ]; then
    echo "demo: no examples/oped-*.txt found" >&2
    exit 1
fi
runtime=lua5.4
command -v "$runtime" >/dev/null 2>&1 || runtime=luajit
date=$(sed -n 's/^Date: *\([0-9-]*\).*/\1/p' "$oped" | head -n 1)
title=$(head -n 1 "$oped")
if [ -n "$date" ]; then set -- --date "$date" --title "$title"; else set -- --title "$title"; fi
out=build/demo
mkdir -p "$out" || exit 1
html="$out/$(basename "$oped" .txt).html"
echo "== dyadic analyze $oped (Markdown summary)"
echo
"$runtime" bin/dyadic analyze "$@" "$oped" || exit 1
"$runtime" bin/dyadic analyze "$@" --format html -o "$html" "$oped" || exit 1
echo
echo "== HTML report written to $(pwd)/$html"
