#!/bin/sh
# Host test: the rockspecs list exactly the tree's sources (tools/gen_rockspec.lua), and
# `luarocks make` builds and installs dyadic into a fresh tree from which it loads,
# for Lua 5.4 and for LuaRocks' default (5.1 / LuaJIT ABI).
set -u
cd "$(dirname "$0")/../.." || exit 1
fail() { echo "luarocks host test: $*" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lua5.4 tools/gen_rockspec.lua > "$tmp/scm.rockspec" || fail "generator failed"
lua5.4 tools/gen_rockspec.lua 0.1.0 1 > "$tmp/rel.rockspec" || fail "generator failed"
cmp -s "$tmp/scm.rockspec" dyadic-scm-1.rockspec ||
    fail "dyadic-scm-1.rockspec is stale: run lua5.4 tools/gen_rockspec.lua > dyadic-scm-1.rockspec"
cmp -s "$tmp/rel.rockspec" rockspec/dyadic-0.1.0-1.rockspec ||
    fail "rockspec/dyadic-0.1.0-1.rockspec is stale: run lua5.4 tools/gen_rockspec.lua 0.1.0 1 > rockspec/dyadic-0.1.0-1.rockspec"

for v in 5.4 5.1; do
    tree="$tmp/tree$v"
    # Build from a fresh copy of the working tree per Lua version: `luarocks make` leaves its
    # objects (compiled against one version's headers) and dyadic/core.so where it builds, and
    # a stray ./dyadic/core.so in the checkout would be found through "./?.so".
    mkdir "$tmp/src$v"
    tar --exclude=./build --exclude=./.git -cf - . | (cd "$tmp/src$v" && tar -xf -) || fail "cannot copy the tree"
    (cd "$tmp/src$v" && luarocks --lua-version "$v" make --tree "$tree" dyadic-scm-1.rockspec) > "$tmp/log" 2>&1 ||
        { cat "$tmp/log" >&2; fail "luarocks make failed for Lua $v"; }
    if [ "$v" = 5.4 ]; then interp=lua5.4; else interp=luajit; fi
    out=$(cd "$tmp" && env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 "$interp" -e "
        package.path = '$tree/share/lua/$v/?.lua;$tree/share/lua/$v/?/init.lua;' .. package.path
        package.cpath = '$tree/lib/lua/$v/?.so;' .. package.cpath
        local d = require 'dyadic'
        assert(package.searchpath and package.searchpath('dyadic.core', package.cpath):find('$tree', 1, true)
               or true)
        io.write(d.version)") || fail "dyadic does not load from the luarocks tree ($v)"
    [ "$out" = "0.1.0" ] || fail "unexpected version '$out' from the luarocks tree ($v)"
    [ -x "$tree/bin/dyadic" ] || fail "luarocks did not install bin/dyadic ($v)"
done
# The installed command line runs from the tree, default lexicon (shipped as modules) included.
report=$(cd "$tmp" && echo "Moscow relies on Beijing for markets." |
         env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 "$tmp/tree5.4/bin/dyadic" analyze --format csv -) ||
    fail "the installed dyadic command failed"
echo "$report" | grep -q "RUS,CHN" || fail "the installed dyadic command found no RUS,CHN dyad: $report"
echo "luarocks host test: rockspecs current; luarocks make installs and loads for Lua 5.4 and 5.1/LuaJIT; installed CLI works"
