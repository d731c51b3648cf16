--- The native "dyadic" lexicon format (docs/LEXICON-FORMAT.md).
--
--   #!dyadic-lexicon 1
--   @actor code=RUS type=state        block header: kind and default attributes
--   Russia
--   the Kremlin | type=capital role=GOV
--
-- Comments are whole lines starting with '#'; blank lines are ignored.
local util = require "dyadic.lexicon.util"

local M = {}

local KINDS = { actor = true, cue = true, sector = true, discard = true }
local KEYS = {
  code = true, type = true, role = true, from = true, to = true, case = true, category = true,
  weight = true, goldstein = true, cameo = true, direction = true, sector = true,
}
local NUMBER_KEYS = { weight = true, goldstein = true }

--- Parse "key=value key=\"a value\" ..." into a table; nil, message on error.
function M.attributes(s)
  local attrs, pos, len = {}, 1, #s
  while true do
    pos = s:find("%S", pos)
    if not pos or pos > len then break end
    local key, after = s:match("^([%a_][%w_]*)=()", pos)
    if not key then
      local word = s:match("^%S+", pos)
      return nil, string.format("expected key=value, got '%s'", word)
    end
    if not KEYS[key] then
      return nil, string.format("unknown key '%s' (code, type, role, from, to, case, category, weight, "
        .. "goldstein, cameo, direction, sector)", key)
    end
    local value
    if s:sub(after, after) == '"' then
      local close = s:find('"', after + 1, true)
      if not close then return nil, string.format("key '%s': unterminated quoted value", key) end
      value = s:sub(after + 1, close - 1)
      pos = close + 1
      if pos <= len and not s:sub(pos, pos):find("%s") then
        return nil, string.format("key '%s': expected a space after the quoted value", key)
      end
    else
      value = s:match("^[^%s\"]*", after)
      pos = after + #value
      if s:sub(pos, pos) == '"' then
        return nil, string.format("key '%s': stray quote in value", key)
      end
    end
    if value == "" then return nil, string.format("key '%s': empty value", key) end
    if NUMBER_KEYS[key] then
      local n = tonumber(value)
      if not n then return nil, string.format("key '%s': '%s' is not a number", key, value) end
      value = n
    end
    if attrs[key] ~= nil then return nil, string.format("key '%s' given twice", key) end
    attrs[key] = value
  end
  return attrs
end

function M.parse(text, _, emit, fail)
  local kind, defaults, bad_block
  for n, line in util.lines(text) do
    if n == 1 and line:find("^#!dyadic%-lexicon") then
      local version = line:match("^#!dyadic%-lexicon%s+(%S+)%s*$")
      if version ~= "1" then
        fail(n, string.format("unsupported format header '%s' (expected '#!dyadic-lexicon 1')", line))
      end
    elseif line:find("^%s*#") or not line:find("%S") then  -- luacheck: ignore 542
      -- comment or blank line
    elseif line:find("^%s*@") then
      local k, rest = line:match("^%s*@(%S*)(.*)$")
      if not KINDS[k] then
        fail(n, string.format("unknown block kind '@%s' (@actor, @cue, @sector or @discard)", k))
        kind, bad_block = nil, true
      else
        local attrs, err = M.attributes(rest)
        if not attrs then
          fail(n, err)
          kind, bad_block = nil, true
        else
          kind, defaults, bad_block = k, attrs, false
        end
      end
    else
      local term, rest = line:match('^%s*"([^"]*)"%s*|(.*)$')
      if not term then term, rest = line:match('^%s*"([^"]*)"%s*()$'), "" end
      if not term then term, rest = line:match("^([^|]*)|(.*)$") end
      if not term then term, rest = line, "" end
      term = util.trim(term):gsub("%s+", " ")
      local attrs, err = M.attributes(rest)
      if term == "" then
        fail(n, "empty term before '|'")
      elseif not attrs then
        fail(n, err)
      elseif not kind then
        -- after a malformed block header, its terms are not reported again
        if not bad_block then fail(n, "term line before any @actor/@cue/@sector/@discard header") end
      else
        local entry = { term = term, kind = kind }
        for key, value in pairs(defaults) do entry[key] = value end
        for key, value in pairs(attrs) do entry[key] = value end
        emit(entry, n)
      end
    end
  end
end

return M
