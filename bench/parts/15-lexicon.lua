-- 15-lexicon.lua - what building the default lexicon costs: the native-format text of
-- the dyadic.data modules parsed and added in C (lex:load_native), the automaton compile,
-- and dyadic.lexicon.default() as a whole (its load_seconds and os.clock around the call).
-- `dyadic corpus -j N` builds the default lexicon before it forks its workers, so this
-- serial time bounds the speed-up (issue 6). CPU seconds, best of 21 runs; under lua5.4
-- and, when installed, LuaJIT (this file runs itself again with `--child` there).
-- Needs no ../shared. Appends to bench/RESULTS.md.
--
-- Run from the repository root (bench/run.sh does):
--   LUA_PATH="lua/?.lua;lua/?/init.lua;;" LUA_CPATH="build/lua5.4/?.so;;" lua5.4 bench/parts/15-lexicon.lua
local RESULTS = os.getenv("DYADIC_RESULTS") or "bench/RESULTS.md"
local RUNS = 21

local function measure()
  local lexicon = require "dyadic.lexicon"
  local names = require "dyadic.data"
  local texts, bytes = {}, 0
  for i, m in ipairs(names) do
    texts[i] = require(m)
    bytes = bytes + #texts[i]
  end
  local function best(f)
    local b = math.huge
    for _ = 1, RUNS do
      local t = os.clock()
      local d = f()
      d = d or os.clock() - t
      if d < b then b = d end
    end
    return b
  end
  local entries
  local parse_add = best(function()
    local lex = lexicon()
    for i, m in ipairs(names) do
      assert(#lex:load_native(texts[i], m, true) == 0, m)
    end
    entries = #lex
    lex:close()
  end)
  local compile = best(function()
    local lex = lexicon()
    for i, m in ipairs(names) do lex:load_native(texts[i], m, true) end
    local t = os.clock()
    assert(lex:compile())
    local d = os.clock() - t
    lex:close()
    return d
  end)
  local load_seconds = math.huge
  local default = best(function()
    local lex = lexicon.default()
    load_seconds = math.min(load_seconds, lex.load_seconds)
    lex:close()  -- the next call builds it again
  end)
  return { entries = entries, bytes = bytes, parse_add = parse_add, compile = compile, default = default,
           load_seconds = load_seconds }
end

local function runtime()
  return rawget(_G, "jit") and "LuaJIT" or _VERSION
end

if arg[1] == "--child" then
  local r = measure()
  io.write(string.format("%s|%d|%d|%.6f|%.6f|%.6f|%.6f\n", runtime(), r.entries, r.bytes, r.parse_add, r.compile,
    r.default, r.load_seconds))
  os.exit(0)
end

local rows = {}
local function row(name, r)
  rows[#rows + 1] = string.format("| %s | %d | %.1f | %.3f | %.2f | %.2f | %.2f |", name, r.entries, r.bytes / 1024,
    r.parse_add * 1000, r.compile * 1000, r.default * 1000, r.load_seconds * 1000)
  print(string.format("15-lexicon: %s: parse+add %.3f ms, compile %.2f ms, default() %.2f ms (load_seconds %.2f ms)",
    name, r.parse_add * 1000, r.compile * 1000, r.default * 1000, r.load_seconds * 1000))
end
row(runtime(), measure())

local p = io.popen("command -v luajit >/dev/null 2>&1 && LUA_CPATH='build/luajit/?.so;;' "
  .. "luajit bench/parts/15-lexicon.lua --child 2>&1")
local out = p and p:read("*a") or ""
if p then p:close() end
local name, e, b, pa, c, d, l = out:match("^([^|]+)|(%d+)|(%d+)|([%d.]+)|([%d.]+)|([%d.]+)|([%d.]+)")
if name then
  row(name, { entries = tonumber(e), bytes = tonumber(b), parse_add = tonumber(pa), compile = tonumber(c),
              default = tonumber(d), load_seconds = tonumber(l) })
elseif out ~= "" then
  print("15-lexicon: the LuaJIT run failed: " .. out)
end

local f = assert(io.open(RESULTS, "a"))
f:write("\n### Default lexicon build (bench/parts/15-lexicon.lua)\n\n",
  "CPU ms, best of ", RUNS, " runs. parse+add: the native-format text of every dyadic.data module read by the C ",
  "parser into one lexicon (lex:load_native); compile: the automaton; default(): the whole ",
  "dyadic.lexicon.default() (os.clock around it; load_seconds is its own figure).\n\n",
  "| runtime | entries | KB of text | parse+add ms | compile ms | default() ms | load_seconds ms |\n",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n", table.concat(rows, "\n"), "\n")
f:close()
