#!/bin/sh
# 10-text.sh - throughput of the C tokenizer and sentence splitter (bench/text_speed.c):
# dy_tokenize, dy_split_sentences and both, in MB/s, best of 7 runs. Input: the title and
# body of the Reuters-21578 stories in $DYADIC_SHARED (default ../shared), or, when it is
# absent, the project's text fixtures repeated to 8 MB (said so in the results).
# Appends a section to bench/RESULTS.md. Run from the repository root (bench/run.sh does).
shared=${DYADIC_SHARED:-../shared}
corpus="$shared/corpora/reuters21578-part-a.jsonl"
results=${DYADIC_RESULTS:-bench/RESULTS.md}
mkdir -p build/bench
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Icsrc bench/text_speed.c csrc/text.c csrc/unicode.c \
   -o build/bench/text_speed || exit 1

if [ -f "$corpus" ] && lua5.4 -e 'require "cjson"' 2>/dev/null; then
    input="Reuters-21578 part A (title and body of each story, from $corpus)"
    DY_CORPUS="$corpus" lua5.4 -e '
        local cjson = require "cjson"
        local out = assert(io.open("build/bench/reuters.txt", "wb"))
        for line in io.lines(os.getenv("DY_CORPUS")) do
          local d = cjson.decode(line)
          out:write(d.title or "", "\n\n", d.text or "", "\n\n")
        end
        out:close()' || exit 1
    out=$(build/bench/text_speed build/bench/reuters.txt) || exit 1
else
    input="spec/fixtures/text repeated to 8 MB ($corpus is absent, or lua-cjson is missing)"
    out=$(build/bench/text_speed 2>/dev/null) || exit 1
fi
echo "$out"
{
    echo
    echo "### Tokens and sentences (bench/parts/10-text.sh)"
    echo
    echo "Input: $input."
    echo
    echo '```'
    echo "$out"
    echo '```'
} >> "$results"
