#!/bin/sh
# 10-matcher.sh - the phrase matcher (csrc/automaton.c) against Hyperscan, LPeg and GNU grep
# on the Phoenix actor phrases over the Reuters-21578 texts from $DYADIC_SHARED (../shared).
# Appends a section to bench/RESULTS.md. MATCHER_MB sets the in-memory text size (default 32).
cd "$(dirname "$0")/../.." || exit 1
SHARED="${DYADIC_SHARED:-../shared}"
OUT=bench/RESULTS.md
section() { printf '\n### Phrase matcher (bench/parts/10-matcher.sh)\n\n' >> "$OUT"; }
skip() { echo "10-matcher: skipped: $1"; section; echo "Skipped: $1." >> "$OUT"; exit 0; }

[ -f "$SHARED/corpora/reuters21578-part-a.jsonl" ] || skip "$SHARED/corpora/reuters21578-part-a.jsonl not found (set DYADIC_SHARED)"
[ -d "$SHARED/dictionaries/phoenix" ] || skip "$SHARED/dictionaries/phoenix not found (set DYADIC_SHARED)"
pkg-config --exists libhs 2>/dev/null || skip "Hyperscan (libhyperscan-dev) not installed"

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
CC=${CC:-cc}
$CC -O2 -march=native -std=c99 -D_POSIX_C_SOURCE=200809L -Icsrc bench/matcher/bench_match.c \
    csrc/automaton.c csrc/bigmem.c csrc/unicode.c $(pkg-config --cflags --libs libhs) -lm -o "$TMP/bench_match" || exit 1

echo "10-matcher: C harness (dyadic and Hyperscan)..."
"$TMP/bench_match" "$SHARED" "$TMP" "${MATCHER_MB:-32}" > "$TMP/c.md" 2> "$TMP/c.err" || { cat "$TMP/c.err"; exit 1; }
cat "$TMP/c.md"
# dyadic MB/s per set from the same run, for the ratios below
dy() { awk -v s="$1" '$1 == "RESULT" && $2 == s { print $3 }' "$TMP/c.err"; }
TEXT_BYTES=$(wc -c < "$TMP/text.txt")

echo "10-matcher: LPeg..."
{
    echo "| peer | patterns | MB/s | matches | build s | dyadic MB/s (same set, same run) | dyadic / peer |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$TMP/peers.md"
if lua5.4 -e 'require "lpeg"' 2>/dev/null; then
    for set in 1k 10k all; do
        row=$(timeout 900 lua5.4 bench/matcher/lpeg_match.lua "$TMP/phrases-$set.txt" "$TMP/text.txt" "$set" 2>&1 | tail -1)
        [ -n "$row" ] || row="| LPeg trie | $set | timed out (900 s) | | |"
        mbs=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }')
        d=$(dy "$set")
        ratio=$(awk -v a="$d" -v b="$mbs" 'BEGIN { if (b + 0 > 0) printf "%.1fx", a / b }')
        echo "$row $d | $ratio |" >> "$TMP/peers.md"
    done
else
    echo "| LPeg trie | | lua-lpeg not installed | | | | |" >> "$TMP/peers.md"
fi

echo "10-matcher: GNU grep..."
for set in 1k 10k; do
    if LC_ALL=C /usr/bin/time -f "%U %S" -o "$TMP/time" timeout 300 \
           grep -F -i -w -o -f "$TMP/phrases-$set.txt" "$TMP/text.txt" > "$TMP/grep.out" 2>/dev/null; then
        secs=$(awk '{ print $1 + $2 }' "$TMP/time")
        n=$(wc -l < "$TMP/grep.out")
        mbs=$(awk -v b="$TEXT_BYTES" -v s="$secs" 'BEGIN { if (s > 0) printf "%.1f", b / s / 1e6; else print "inf" }')
        d=$(dy "$set")
        ratio=$(awk -v a="$d" -v b="$mbs" 'BEGIN { if (b + 0 > 0) printf "%.1fx", a / b }')
        echo "| grep -F -i -w -o | $set | $mbs | $n | | $d | $ratio |" >> "$TMP/peers.md"
    else
        echo "| grep -F -i -w -o | $set | did not finish in 300 s | | | | |" >> "$TMP/peers.md"
    fi
done
cat "$TMP/peers.md"

echo "10-matcher: Lua binding..."
{
    echo "| Lua 5.4 call | patterns | MB/s | matches | build s | matcher |"
    echo "|---|---:|---:|---:|---:|---|"
    LUA_CPATH="build/lua5.4/?.so;;" LUA_PATH="lua/?.lua;lua/?/init.lua;;" \
        lua5.4 bench/matcher/lua_match.lua "$TMP/phrases-all.txt" "$TMP/text.txt"
} > "$TMP/lua.md" 2>&1
cat "$TMP/lua.md"

{
    section
    cat "$TMP/c.md"
    echo
    echo "Peers on one copy of the texts ($(awk -v b="$TEXT_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB). LPeg: a trie of"
    echo "ordered choices tried at each word start (bench/matcher/lpeg_match.lua); grep: LC_ALL=C, CPU time"
    echo "(user + sys), phrases with single spaces only (grep works per line), its own notion of words."
    echo
    cat "$TMP/peers.md"
    echo
    echo "The same matcher from Lua 5.4 on one copy of the texts, all phrases (binding overhead):"
    echo
    cat "$TMP/lua.md"
    echo
    echo "(The C core on the same phrases in this run: $(dy all) MB/s; Lua timings are os.clock, process CPU time.)"
    echo
    echo "C harness: \`dyadic MB/s\` and \`Hyperscan MB/s\` are thread CPU time, best of 5, same process."
    echo "Hyperscan literals match the phrase with single spaces only; dyadic also matches line breaks,"
    echo "runs of spaces and hyphens (and hyphenated phrases written with spaces). The difference columns"
    echo "count spans found by one side only on one copy of the texts (BENCH_DIFFS=1 lists the unexplained"
    echo "ones): dyadic-only spans containing such a separator, phrases with a hyphen found with a space,"
    echo "and knock-on spans overlapping a match of the other side (selection went another way after an earlier difference); see docs/DESIGN.md (the matcher section)."
} >> "$OUT"
echo "10-matcher: appended to $OUT"
