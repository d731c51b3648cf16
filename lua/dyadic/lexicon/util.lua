--- Helpers shared by the dictionary loaders.
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
  local mdays = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  if y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) then mdays[2] = 29 end
  if m < 1 or m > 12 or d < 1 or d > mdays[m] then
    return nil, string.format("date '%s' is not a valid calendar date", s)
  end
  return string.format("%04d-%02d-%02d", y, m, d)
end

--- The day before / after an ISO date (for complements of validity intervals).
local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

function M.day_number(iso)
  return days_from_civil(tonumber(iso:sub(1, 4)), tonumber(iso:sub(6, 7)), tonumber(iso:sub(9, 10)))
end

function M.iso(days)
  return string.format("%04d-%02d-%02d", civil_from_days(days))
end

--- Turn a TABARI phrase ("RUSSIAN_PRESIDENT_PUTIN", "ARGENTIN", "CARAS GALADHON") into a
-- dyadic pattern. '_' and ' ' separate words; with stem = true, a last word not followed
-- by '_' is a stem (TABARI), written `word*` - except words shorter than 3 characters or
-- ending in punctuation, which stay whole words (so "US" never matches "use"). dyadic
-- patterns allow '*' on the last word only, so inner words are always whole words.
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
