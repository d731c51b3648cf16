--- dyadic.lexicon: make, load and check lexicons.
--
--   dyadic.lexicon()                      a new, empty lexicon (userdata "dyadic.lexicon")
--   dyadic.lexicon.load(path [, format])  lex | nil, "path:line: message"
--   dyadic.lexicon.parse(text, format [, name])  same, from a string
--   dyadic.lexicon.check(path [, format]) { {line=, message=}, ... } for every malformed line
--                                         (nil, message when the file cannot be read)
--   dyadic.lexicon.detect(path, text)     the format name load would use
--   dyadic.lexicon.default()              the shipped lexicon, built once and cached (built
--                                         again if a caller closed the cached one)
--
-- Formats: "dyadic" (native, docs/LEXICON-FORMAT.md), "phoenix" (TABARI/PETRARCH .actors),
-- "agents", "discards", "liwc" (.dic) and "yaml" (quanteda / newsmap dictionaries). The
-- native format is parsed in C (lex:load_native, csrc/lexicon_native.c); every other
-- loader is a module dyadic.lexicon.<name> with parse(text, name, emit, fail): it calls
-- emit(entry, line) for every entry and fail(line, message [, "warning"]) for every
-- malformed line, and never stops early, so check() sees every problem. Warnings are the
-- problems PETRARCH itself skips with a warning in legacy files (a bad date in one code
-- block, an agent line without a code): load() reports them but still succeeds.
local core = require "dyadic.core"
local read_file = require("dyadic.util").read_file

local M = {}

local PARSERS = {
  dyadic = "native",  -- lex:load_native
  phoenix = { "dyadic.lexicon.phoenix", "parse" },
  discards = { "dyadic.lexicon.phoenix", "parse_discards" },
  agents = { "dyadic.lexicon.agents", "parse" },
  liwc = { "dyadic.lexicon.liwc", "parse" },
  yaml = { "dyadic.lexicon.yaml", "parse" },
}

M.formats = { "dyadic", "phoenix", "agents", "discards", "liwc", "yaml" }

-- The parse function of a known format (the API functions check the format first).
local function parser(format)
  local p = PARSERS[format]
  return require(p[1])[p[2]]
end

--- The format of a dictionary file, from its first lines, then its name.
function M.detect(path, text)
  local name = (path or ""):lower()
  local head = (text or ""):sub(1, 4096)
  if head:find("^\239\187\191") then head = head:sub(4) end
  if head:find("^#!dyadic%-lexicon") or head:find("\n@[%a]+[ \t\r\n]") or head:find("^@[%a]+[ \t\r\n]") then
    return "dyadic"
  end
  if name:find("%.dic$") or head:find("^%s*%%%s*\n") then return "liwc" end
  if name:find("%.ya?ml$") then return "yaml" end
  if name:find("agents") then return "agents" end
  if name:find("discard") then return "discards" end
  if name:find("actors") then return "phoenix" end
  if name:find("%.lex$") or name:find("%.dyadic$") then return "dyadic" end
  -- by content: [~ABC] codes are agents, [ABC] codes actors, "key:" lines YAML
  if head:find("%[~%w") or head:find("%[%w+~%]") then return "agents" end
  if head:find("\n[^#\n]-%[[%w%-]+[^%]\n]*%]") or head:find("^[^#\n]-%[[%w%-]+[^%]\n]*%]") then return "phoenix" end
  if head:find("^[%w_\"']+:%s") or head:find("\n[%w_\"']+:%s") then return "yaml" end
  return nil
end

-- Run the parser of `format` over text, adding entries to lex.
-- Returns the list of problems { {line=, message=, severity=}, ... } sorted by line.
local function run(text, format, name, lex, stop_at_first)
  if format == "dyadic" then return lex:load_native(text, name, stop_at_first) end
  local parse = parser(format)
  local problems = {}
  local stopped = false
  local function fail(line, message, severity)
    if stopped then return end
    severity = severity or "error"
    problems[#problems + 1] = { line = line, message = message, severity = severity }
    if stop_at_first and severity == "error" then stopped = true end
  end
  local function emit(entry, line)
    if stopped then return end
    entry.source = entry.source or (name .. ":" .. line)
    local ok, err = lex:try_add(entry)
    if not ok then fail(line, err) end
  end
  parse(text, name, emit, fail)
  -- stable sort by line (parsers may report a record's problems after later lines)
  for i, p in ipairs(problems) do p.order = i end
  table.sort(problems, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    return a.order < b.order
  end)
  for _, p in ipairs(problems) do p.order = nil end
  return problems
end

-- API argument errors, raised at the caller of the API function (level 3 from here).
local function argerror(n, fname, msg, level)
  error(string.format("bad argument #%d to '%s' (%s)", n, fname, msg), level or 3)
end

local function check_format(format, fname, n)
  if format ~= nil and not PARSERS[format] then
    argerror(n, fname, string.format("unknown format '%s': expected %s", tostring(format),
      table.concat(M.formats, ", ")), 4)
  end
end

local function resolve_format(path, text, format)
  if format then return format end
  return M.detect(path, text)
end

--- Build a lexicon from text in `format`; name labels the messages and entry sources.
-- Returns lex [, warnings] (warnings: list of "name:line: message"), or nil, "name:line: message".
function M.parse(text, format, name)
  if type(text) ~= "string" then argerror(1, "parse", "string expected, got " .. type(text)) end
  check_format(format, "parse", 2)
  if name ~= nil and type(name) ~= "string" then argerror(3, "parse", "string expected, got " .. type(name)) end
  name = name or "(string)"
  format = resolve_format(name, text, format)
  if not format then return nil, name .. ":1: cannot tell the dictionary format (give it explicitly)" end
  local t0 = os.clock()
  local lex = core.lexicon_new()
  local problems = run(text, format, name, lex, true)
  local warnings
  for _, p in ipairs(problems) do
    local msg = string.format("%s:%d: %s", name, p.line, p.message)
    if p.severity == "error" then
      lex:close()
      return nil, msg
    end
    warnings = warnings or {}
    warnings[#warnings + 1] = msg
  end
  lex.load_seconds = os.clock() - t0
  return lex, warnings
end

--- Load a dictionary file: lex [, warnings], or nil, "path:line: message" at its first error.
function M.load(path, format)
  if type(path) ~= "string" then argerror(1, "load", "string expected, got " .. type(path)) end
  check_format(format, "load", 2)
  local text, err = read_file(path)
  if not text then return nil, err end
  format = resolve_format(path, text, format)
  if not format then return nil, path .. ":1: cannot tell the dictionary format (give it explicitly)" end
  return M.parse(text, format, path)
end

--- Every malformed line of a dictionary file: { {line=, message=, severity=}, ... } (empty
-- when clean); severity is "error" (load fails) or "warning" (load skips it).
function M.check(path, format)
  if type(path) ~= "string" then argerror(1, "check", "string expected, got " .. type(path)) end
  check_format(format, "check", 2)
  local text, err = read_file(path)
  if not text then return nil, err end
  format = resolve_format(path, text, format)
  if not format then return { { line = 1, message = "cannot tell the dictionary format (give it explicitly)" } } end
  local scratch = core.lexicon_new()
  local problems = run(text, format, path, scratch, false)
  scratch:close()
  return problems
end

local default_lexicon

-- The directory of this file: the data modules of the same installation are in data/ there.
local here = (debug.getinfo(1, "S").source or ""):match("^@(.*[/\\])lexicon%.lua$")

-- The text of data module `modname` ("dyadic.data.<name>"), read straight from its file
-- next to this one when that file is what tools/gen_*.lua write: comment lines, then
-- `return [==[` and a newline, the text, `]==]` (no carriage return anywhere). That is
-- the string require returns, without Lua's lexer going through the 117 KB byte by byte
-- (0.45 of the 0.7 ms the seven modules took); it goes to package.loaded as require's
-- would. nil for anything else (already loaded or preloaded, another shape, no such
-- file): require loads it then.
local function read_data(modname)
  local name = modname:match("^dyadic%.data%.([%w_]+)$")
  if not (name and here) or package.loaded[modname] ~= nil or package.preload[modname] ~= nil then return nil end
  local s = read_file(here .. "data/" .. name .. ".lua")
  if not s or s:find("\r", 1, true) then return nil end
  local pos = 1
  while true do
    local line, nxt = s:match("^([^\n]*)\n()", pos)
    if not line then return nil end
    local eq = line:match("^return%s*%[(=*)%[$")
    if eq then
      -- Lua drops the newline after the opening bracket; the string ends at the first
      -- closing bracket of the same level, and nothing but white space may follow it
      local close = s:find("]" .. eq .. "]", nxt, true)
      if not close or s:find("%S", close + #eq + 2) then return nil end
      local text = s:sub(nxt, close - 1)
      package.loaded[modname] = text
      return text
    end
    if not (line:find("^%s*$") or (line:find("^%-%-") and not line:find("^%-%-%["))) then return nil end
    pos = nxt
  end
end

-- Is lex still open? (#lex raises "lexicon is closed" once it was closed)
local function is_open(lex)
  return (pcall(function() return #lex end))
end

--- The shipped lexicon: every module named by dyadic.data (each returns native-format text).
-- Built once and cached; a caller that closes it does not break the others: the next
-- call builds it again.
function M.default()
  if default_lexicon and is_open(default_lexicon) then return default_lexicon end
  default_lexicon = nil
  local ok, names = pcall(require, "dyadic.data")
  if not ok then
    error("dyadic.lexicon.default: the default lexicon data (module dyadic.data) is not installed: "
      .. tostring(names), 2)
  end
  assert(type(names) == "table", "dyadic.data must return a list of module names")
  local t0 = os.clock()
  local lex = core.lexicon_new()
  for _, modname in ipairs(names) do
    local text = read_data(modname) or require(modname)
    assert(type(text) == "string", modname .. " must return the lexicon text")
    -- parsed straight into the one lexicon (no per-module lexicon to merge and copy)
    for _, p in ipairs(lex:load_native(text, modname, true)) do
      if p.severity == "error" then
        lex:close()
        error(string.format("dyadic.lexicon.default: %s:%d: %s", modname, p.line, p.message), 2)
      end
    end
  end
  assert(lex:compile())
  lex.load_seconds = os.clock() - t0
  default_lexicon = lex
  return lex
end

return setmetatable(M, {
  __call = function() return core.lexicon_new() end,
})
