#!/bin/sh
# nvim.sh - host test: the repository as a Neovim plugin, in Debian's Neovim (0.7.2+, LuaJIT).
# Runs spec/hosts/nvim/test.lua twice in `nvim --headless --clean -u NONE` with the repository
# on 'runtimepath' and no LUA_PATH/LUA_CPATH help (the plugin must find build/luajit itself):
#   1. on the repository: :DyadicHighlight extmarks, BufWritePost updates, :DyadicSummary float,
#      <CR> -> quickfix evidence, :DyadicClear, setup{ lexicon = path };
#   2. on a copy of the plugin without build/: the "run `make`" message instead of an error.
# Needs: neovim, and `make all` (build/luajit/dyadic/core.so). Exit 0 = pass.
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd -P)
fail() { echo "nvim host test: FAILED: $*" >&2; exit 1; }

command -v nvim >/dev/null 2>&1 || fail "nvim not installed (make deps installs neovim)"
[ -f build/luajit/dyadic/core.so ] || fail "build/luajit/dyadic/core.so missing (run make all)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cp spec/fixtures/nvim/brief.txt "$tmp/brief.txt"

run() {  # run ROOT MODE: one headless Neovim session with ROOT on the runtimepath
    env -u LUA_PATH -u LUA_CPATH -u LUA_INIT HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" \
        XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
        DYADIC_ROOT="$1" DYADIC_TMP="$tmp" DYADIC_MODE="$2" \
        timeout 120 nvim --headless --clean -u NONE -i NONE -n \
        --cmd "set rtp^=$1" -c "luafile $root/spec/hosts/nvim/test.lua" </dev/null
}

# ROOT may be overridden to test another checkout (DYADIC_NVIM_ROOT), e.g. a mutated copy
target=${DYADIC_NVIM_ROOT:-$root}
run "$target" full >"$tmp/full.out" 2>&1
status=$?
if [ $status != 0 ] || ! grep -q "nvim host test (full): passed" "$tmp/full.out"; then
    cat "$tmp/full.out" >&2; echo >&2
    fail "full run exited $status"
fi

# a plugin checkout that was never built: same Lua files, no build/ directory
mkdir -p "$tmp/unbuilt"
cp -R "$target/lua" "$target/plugin" "$tmp/unbuilt/"
run "$tmp/unbuilt" not-built >"$tmp/nb.out" 2>&1
status=$?
if [ $status != 0 ] || ! grep -q "nvim host test (not-built): passed" "$tmp/nb.out"; then
    cat "$tmp/nb.out" >&2; echo >&2
    fail "not-built run exited $status"
fi
full=$(grep -o "passed, [0-9]* checks: .*" "$tmp/full.out" | sed 's/^passed, //')
echo "nvim host test: passed ($(nvim --version | head -n 1); $full; not-built message checked)"
