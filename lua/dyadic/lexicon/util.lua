--- Helpers shared by the dictionary loaders.
local util = require "dyadic.util"

local M = {}

--- Iterate over the lines of text: for lineno, line in M.lines(text) (no line ends).
function M.lines(text)
  local pos, n, len = 1, 0, #text
  if text:sub(1, 3) == "\239\187\191" then pos = 4 end  -- UTF-8 byte order mark
  return function()
    if pos > len then return nil end
    local nl = text:find("\n", pos, true)
    local line
    if nl then
      line = text:sub(pos, nl - 1)
      pos = nl + 1
    else
      line = text:sub(pos)
      pos = len + 1
    end
    if line:sub(-1) == "\r" then line = line:sub(1, -2) end
    n = n + 1
    return n, line
  end
end

function M.trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

--- A TABARI/PETRARCH date: YYMMDD (00-30 -> 20YY, else 19YY, as KEDS, TABARI and
-- PETRARCH read it) or YYYYMMDD. Returns "YYYY-MM-DD", or nil and a message.
function M.tabari_date(s)
  local y, m, d
  if #s == 6 and s:find("^%d+$") then
    local yy = tonumber(s:sub(1, 2))
    y = yy <= 30 and 2000 + yy or 1900 + yy
    m, d = tonumber(s:sub(3, 4)), tonumber(s:sub(5, 6))
  elseif #s == 8 and s:find("^%d+$") then
    y, m, d = tonumber(s:sub(1, 4)), tonumber(s:sub(5, 6)), tonumber(s:sub(7, 8))
  else
    return nil, string.format("date '%s' is neither YYMMDD nor YYYYMMDD", s)
  end
  if not util.valid_ymd(y, m, d) then
    return nil, string.format("date '%s' is not a valid calendar date", s)
  end
  return string.format("%04d-%02d-%02d", y, m, d)
end

--- The day number of an ISO date, and back (for complements of validity intervals).
function M.day_number(iso)
  return util.days_from_civil(tonumber(iso:sub(1, 4)), tonumber(iso:sub(6, 7)), tonumber(iso:sub(9, 10)))
end

function M.iso(days)
  return string.format("%04d-%02d-%02d", util.civil_from_days(days))
end

--- Turn a TABARI phrase ("RUSSIAN_PRESIDENT_PUTIN", "ARGENTIN", "CARAS GALADHON") into a
-- dyadic pattern. '_' and ' ' separate words; with stem = true, a last word not followed
-- by '_' is a stem (TABARI), written `word*` - except words shorter than 3 characters or
-- ending in punctuation, which stay whole words (so "US" never matches "use"). Inner
-- words are whole words (the matcher accepts `word*` on any word; this reading is kept).
-- Returns the pattern, or nil and a message.
function M.tabari_term(phrase, stem)
  local words = {}
  local pos, len = 1, #phrase
  while pos <= len do
    local s, e = phrase:find("[^_ \t]+", pos)
    if not s then break end
    local word = phrase:sub(s, e)
    local closed = phrase:sub(e + 1, e + 1) == "_"
    if word:find("*", 1, true) then
      return nil, string.format("phrase '%s': a literal '*' cannot be written in a dyadic pattern", phrase)
    end
    words[#words + 1] = word
    pos = e + 1
    if not phrase:find("[^_ \t]", pos) and stem and not closed and #word >= 3 and word:find("[%w\128-\255]$") then
      words[#words] = word .. "*"
    end
  end
  if #words == 0 then return nil, "empty phrase" end
  local term = table.concat(words, " ")
  if not term:find("[%w\128-\255]") then
    return nil, string.format("phrase '%s' has no letters or digits", phrase)
  end
  return term
end

--- Regular English plural of a word (PETRARCH's rule, with -es after s, x, z, ch, sh and
-- -ies only after a consonant).
function M.plural(word)
  local lower = word:lower()
  local upper = word:upper() == word
  local function suffix(s) return upper and s:upper() or s end
  if lower:find("[^aeiou]y$") then return word:sub(1, -2) .. suffix("ies") end
  if lower:find("[sxz]$") or lower:find("[cs]h$") then return word .. suffix("es") end
  return word .. suffix("s")
end

return M
