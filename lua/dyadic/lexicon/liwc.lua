--- LIWC-style dictionaries (.dic), as quanteda and LIWC read them:
--
--   %
--   1	coop
--   2	energy
--   %
--   sign*	1
--   gas pipeline*	2 1
--
-- The header between the two '%' lines numbers the categories; every later line is a
-- term followed by category numbers. A category named like a cue category (coop,
-- conflict, dependency, hedge, ...) gives cue entries; any other name gives sector
-- entries with that sector name.
local util = require "dyadic.lexicon.util"

local M = {}

local CUES = {
  coop = true, conflict = true, dependency = true, hedge = true, certainty = true, negation = true,
  intensifier = true, contrast = true, passive = true, agent = true, coordination = true,
}
M.CUES = CUES

-- Entry for a term in a named category (shared with the YAML loader).
function M.entry(term, category)
  local leaf = category:match("([^%.]+)$")
  if CUES[category] then return { term = term, kind = "cue", category = category } end
  if CUES[leaf] then return { term = term, kind = "cue", category = leaf } end
  return { term = term, kind = "sector", sector = category }
end

function M.parse(text, _, emit, fail)
  local section = 0  -- 0 before the first '%', 1 in the header, 2 in the body
  local categories = {}
  for n, line in util.lines(text) do
    local s = util.trim(line)
    if s == "" or (section ~= 1 and s:find("^#")) then  -- luacheck: ignore 542
      -- blank or comment
    elseif s == "%" then
      if section < 2 then section = section + 1
      else fail(n, "a third '%' line: the header is already closed") end
    elseif section == 0 then
      fail(n, "expected '%' opening the category header")
    elseif section == 1 then
      local num, name = s:match("^(%d+)%s+(%S.-)$")
      if not num then
        fail(n, string.format("header line '%s' is not 'NUMBER<tab>category'", s))
      elseif categories[num] then
        fail(n, string.format("category number %s defined twice", num))
      else
        categories[num] = util.trim(name)
      end
    else
      -- term, then category numbers; the term ends at the first tab, or before the
      -- trailing numbers when the line has no tab
      local term, nums = s:match("^([^\t]+)\t(.*)$")
      if not term then term, nums = s:match("^(.-)%s+([%d%s]+)$") end
      if not term or util.trim(term) == "" then
        fail(n, string.format("expected 'term<tab>category numbers', got '%s'", s))
      else
        term = util.trim(term):gsub("%s+", " ")
        local any = false
        for tok in nums:gmatch("%S+") do
          any = true
          if not tok:find("^%d+$") then
            fail(n, string.format("'%s' is not a category number", tok))
          elseif not categories[tok] then
            fail(n, string.format("category %s is not defined in the header", tok))
          else
            emit(M.entry(term, categories[tok]), n)
          end
        end
        if not any then fail(n, string.format("term '%s' has no category numbers", term)) end
      end
    end
  end
  if section < 2 then fail(1, "missing the '%' ... '%' category header") end
end

return M
