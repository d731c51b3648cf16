#!/bin/sh
# 40-pipeline.sh - throughput of the whole analysis pipeline (tokens, sentences, lexicon
# matching, scoring, per-document summary) on Reuters-21578 stories with the default
# lexicon: the C pipeline alone (bench/pipeline/pipeline.c linked with the C core, one
# reused document, single thread), and an:analyze from Lua 5.4 (bench/pipeline/lua_pipeline.lua).
# Figures are per core. Appends a section to bench/RESULTS.md. Run from the repository
# root (bench/run.sh does). Needs $DYADIC_SHARED/corpora/reuters21578-part-a.jsonl.
SHARED="${DYADIC_SHARED:-../shared}"
CORPUS="$SHARED/corpora/reuters21578-part-a.jsonl"
RESULTS="${DYADIC_RESULTS:-bench/RESULTS.md}"
REPEAT="${DYADIC_PIPELINE_REPEAT:-3}"
OUT="${TMPDIR:-/tmp}/dyadic-bench-pipeline.$$"
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT

section() { printf '\n### Pipeline throughput (bench/parts/40-pipeline.sh)\n\n%s\n' "$1" >> "$RESULTS"; }

if [ ! -f "$CORPUS" ]; then
    echo "40-pipeline: SKIPPED: $CORPUS is absent (needs ../shared)"
    section "Skipped: $CORPUS is absent."
    exit 0
fi
export LUA_PATH="lua/?.lua;lua/?/init.lua;;" LUA_CPATH="build/lua5.4/?.so;;"

# the default lexicon as a flat file the C harness reads without Lua
if ! lua5.4 bench/pipeline/dump_lexicon.lua > "$OUT/lexicon.tsv"; then
    echo "40-pipeline: FAILED: cannot dump the default lexicon"; section "Failed: cannot dump the default lexicon."; exit 1
fi
CORE=$(ls csrc/*.c | grep -v -e 'csrc/core.c' -e 'csrc/lua_')
if ! ${CC:-cc} -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -o "$OUT/pipeline" bench/pipeline/pipeline.c $CORE -lm; then
    echo "40-pipeline: FAILED: cannot build the harness"; section "Failed: cannot build bench/pipeline/pipeline.c."; exit 1
fi
if [ -x /usr/bin/time ]; then TIMEV="/usr/bin/time -v"; else TIMEV=""; fi
c_line=$($TIMEV "$OUT/pipeline" "$OUT/lexicon.tsv" "$CORPUS" "$REPEAT" 2> "$OUT/c.time") || {
    echo "40-pipeline: FAILED: C pipeline"; cat "$OUT/c.time"; section "Failed: the C pipeline exited with an error."; exit 1; }
lua_line=$(lua5.4 bench/pipeline/lua_pipeline.lua "$CORPUS" 2>&1) || lua_line="failed: $lua_line"
get() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
c_rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/c.time")
[ -n "$c_rss" ] || c_rss=$(get "$c_line" maxrss_kb)
echo "C:   $c_line"
echo "Lua: $lua_line"
section "$(cat <<EOT
Corpus: $CORPUS ($(get "$c_line" docs) stories, $(get "$c_line" bytes) bytes of text), default lexicon
($(get "$c_line" entries) entries, compiled in $(get "$c_line" compile_s) s), one core.

| pipeline | MB/s | documents/s | sentences/s | peak RSS |
| --- | ---: | ---: | ---: | ---: |
| C: tokens + sentences + match + score + summary ($REPEAT passes, one reused document) | $(get "$c_line" mb_s) | $(get "$c_line" docs_s) | $(get "$c_line" sentences_s) | ${c_rss} kB (corpus held in memory) |
| Lua 5.4: an:analyze + doc:dyads() + doc:close() per story | $(get "$lua_line" mb_s) | $(get "$lua_line" docs_s) | $(get "$lua_line" sentences_s) | - |

Per pass: $(get "$c_line" sentences) sentences, $(get "$c_line" contributions) scored contributions,
$(get "$c_line" dyads) directed dyad records. Stages alone (C, same corpus): tokens + sentences
$(get "$c_line" stage_text_mb_s) MB/s, lexicon matching $(get "$c_line" stage_match_mb_s) MB/s; placing hits, scoring and
the summary take the remaining $(get "$c_line" stage_score_share) of the pipeline's CPU time. Times are CPU time
(the machine is shared).
EOT
)"
