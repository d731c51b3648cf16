#!/bin/sh
# run.sh - `make bench`: runs every part in bench/parts/ in name order. Each part measures
# dyadic against its peers in the same run (ratios, since the machines are noisy) and
# appends its section to bench/RESULTS.md. Parts that need ../shared say so and skip
# when it is absent.
cd "$(dirname "$0")/.." || exit 1
export DYADIC_SHARED="${DYADIC_SHARED:-../shared}"
status=0
{
    echo
    echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -m), $(nproc) cores"
    echo
    echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
} >> bench/RESULTS.md
for part in bench/parts/*; do
    [ -f "$part" ] || continue
    echo "== bench: $(basename "$part")"
    case "$part" in
        *.sh) sh "$part" || status=1 ;;
        *.lua) LUA_CPATH="build/lua5.4/?.so;;" LUA_CPATH_5_4="build/lua5.4/?.so;;" \
               LUA_PATH="lua/?.lua;lua/?/init.lua;;" lua5.4 "$part" || status=1 ;;
    esac
done
exit $status
