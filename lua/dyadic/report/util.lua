--- dyadic.report.util: helpers every report writer shares: number formatting,
-- escaping for XML/HTML, DOT and JSON, period labels to calendar dates, and the
-- red-grey-blue colour scale of net scores. Pure Lua, same on 5.1-5.4 and LuaJIT.
local util = {}

local floor, huge = math.floor, math.huge
local format, byte, char, gsub, find = string.format, string.byte, string.char, string.gsub, string.find

local function finite(x)
  return type(x) == "number" and x == x and x ~= huge and x ~= -huge
end
util.finite = finite

-- Memo tables of util.num and util.fixed: a report prints the same few hundred values
-- (counts, weights in micro-units) thousands of times, and each costs up to three
-- string.format calls and a tonumber. Keyed by the number itself (equal numbers give
-- equal text: 1 and 1.0, 0 and -0); emptied when they grow past MEMO entries, so memory
-- stays bounded whatever is printed.
local MEMO = 8192
local num_memo, num_count = {}, 0
local fixed_memo, fixed_count = {}, 0

local function shortest(x)
  if x == floor(x) and x > -2^53 and x < 2^53 then
    if x == 0 then return "0" end  -- also -0
    return format("%d", x)
  end
  -- 15 significant digits read back exactly for most values; 17 always do
  local s = format("%.15g", x)
  if tonumber(s) == x then return s end
  s = format("%.16g", x)
  if tonumber(s) == x then return s end
  return format("%.17g", x)
end

--- A number as its shortest text that reads back to the same value; integers
-- (and integral floats) without ".0". Non-finite values give nil.
function util.num(x)
  local s = num_memo[x]
  if s then return s end
  if type(x) ~= "number" or x ~= x or x == huge or x == -huge then return nil end
  s = shortest(x)
  if num_count >= MEMO then num_memo, num_count = {}, 0 end
  num_memo[x] = s
  num_count = num_count + 1
  return s
end

local fixed_formats = {}

--- A number rounded for people: `places` decimals (default 2), "-0.00" shown as "0.00".
-- Rounded here, half away from zero, before formatting: C's printf rounds an exact half
-- to even (5.625 -> "5.62") and LuaJIT's own formatter away from zero ("5.63"), and a
-- report must read the same on every runtime.
function util.fixed(x, places)
  places = places or 2
  local memo = fixed_memo[places]
  local s = memo and memo[x]
  if s then return s end
  if not finite(x) then return "" end
  local fmt = fixed_formats[places]
  if not fmt then
    fmt = "%." .. places .. "f"
    fixed_formats[places] = fmt
  end
  local scale = 10 ^ places
  local r = floor(math.abs(x) * scale + 0.5) / scale
  if x < 0 then r = -r end
  s = format(fmt, r)
  if tonumber(s) == 0 then s = format(fmt, 0) end
  if fixed_count >= MEMO or not memo then
    if fixed_count >= MEMO then fixed_memo, fixed_count = {}, 0 end
    memo = fixed_memo[places]
    if not memo then memo = {}; fixed_memo[places] = memo end
  end
  memo[x] = s
  fixed_count = fixed_count + 1
  return s
end

--- Replace every byte sequence that is not valid UTF-8 with U+FFFD, so every writer
-- emits well-formed text whatever the input held. Valid text is returned as it is.
function util.utf8(s)
  s = tostring(s)
  if not s:find("[\128-\255]") then return s end
  local out, i, n = {}, 1, #s
  while i <= n do
    local c = byte(s, i)
    local len, min
    if c < 0x80 then len = 1
    elseif c >= 0xC2 and c <= 0xDF then len, min = 2, 0x80
    elseif c >= 0xE0 and c <= 0xEF then len, min = 3, 0x800
    elseif c >= 0xF0 and c <= 0xF4 then len, min = 4, 0x10000
    else len = 0 end
    local ok = len > 0
    if ok and len > 1 then
      local cp = c % (2 ^ (7 - len))
      for k = 1, len - 1 do
        local cc = byte(s, i + k)
        if not cc or cc < 0x80 or cc > 0xBF then ok = false; break end
        cp = cp * 64 + cc % 64
      end
      if ok and (cp < min or cp > 0x10FFFF or (cp >= 0xD800 and cp <= 0xDFFF)) then ok = false end
    end
    if ok then
      out[#out + 1] = s:sub(i, i + len - 1)
      i = i + len
    else
      out[#out + 1] = "\239\191\189"
      i = i + 1
    end
  end
  return table.concat(out)
end

local xml_entities = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

--- Escape text for XML/HTML content and attribute values. Control characters that
-- XML 1.0 forbids are dropped (tab, CR and LF stay); invalid UTF-8 becomes U+FFFD.
function util.xml(s)
  if type(s) ~= "string" then s = tostring(s) end
  -- most text (actor codes, numbers, dates) has nothing to escape: one scan says so
  if not find(s, "[%z\1-\8\11\12\14-\31&<>\"'\128-\255]") then return s end
  s = util.utf8(s)
  s = gsub(s, "[%z\1-\8\11\12\14-\31]", "")
  return (gsub(s, "[&<>\"']", xml_entities))
end

--- A function that escapes (or otherwise maps) each distinct value once: fn's results
-- memoized for the life of the returned function (one report).
function util.once(fn)
  local done = {}
  return function(v)
    local r = done[v]
    if r == nil then r = fn(v); done[v] = r end
    return r
  end
end

--- Escape text inside a DOT double-quoted string.
function util.dot(s)
  if type(s) ~= "string" then s = tostring(s) end
  if not find(s, '[%z\1-\31\\"\128-\255]') then return s end
  s = util.utf8(s)
  s = gsub(s, "[%z\1-\9\11-\31]", " ")
  s = gsub(s, "\\", "\\\\")
  s = gsub(s, '"', '\\"')
  s = gsub(s, "\r?\n", "\\n")
  return s
end

-- JSON string escapes (RFC 8259): quote, backslash and every control character.
local json_escapes = {
  ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
}
for c = 0, 31 do
  local ch = char(c)
  if not json_escapes[ch] then json_escapes[ch] = format("\\u%04x", c) end
end
json_escapes["\127"] = "\\u007f"

--- Encode a Lua value as JSON. Tables with a `__keys` list (see util.object) keep
-- that key order; other tables are arrays when they have a [1] or are empty
-- arrays made with util.array, objects (keys sorted) otherwise. nil and
-- non-finite numbers are null.
--- A string, number or boolean as JSON text (nil for any other type).
local function json_scalar(v)
  local t = type(v)
  if t == "string" then
    if v:find('[%z\1-\31"\\\127-\255]') then
      return '"' .. gsub(util.utf8(v), '[%z\1-\31"\\\127]', json_escapes) .. '"'
    end
    return '"' .. v .. '"'
  elseif t == "number" then
    return util.num(v) or "null"
  elseif t == "boolean" then
    return v and "true" or "false"
  end
  return nil
end
util.json_scalar = json_scalar

local function encode(v, out)
  local t = type(v)
  if t ~= "table" then
    out[#out + 1] = json_scalar(v) or "null"
  else
    local mt = getmetatable(v)
    local keys = mt and mt.__keys
    if keys then
      out[#out + 1] = "{"
      local first = true
      for _, k in ipairs(keys) do
        if not first then out[#out + 1] = "," end
        first = false
        encode(k, out)
        out[#out + 1] = ":"
        encode(v[k], out)
      end
      out[#out + 1] = "}"
    elseif v[1] ~= nil or (mt and mt.__array) then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encode(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local ks = {}
      for k in pairs(v) do ks[#ks + 1] = tostring(k) end
      table.sort(ks)
      out[#out + 1] = "{"
      for i, k in ipairs(ks) do
        if i > 1 then out[#out + 1] = "," end
        encode(k, out)
        out[#out + 1] = ":"
        local val = v[k]
        if val == nil then val = v[tonumber(k)] end
        encode(val, out)
      end
      out[#out + 1] = "}"
    end
  end
end

function util.json(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

--- An object whose JSON keys come out in the order of `keys`.
function util.object(t, keys)
  return setmetatable(t, { __keys = keys })
end

--- An array that stays an array in JSON even when empty.
function util.array(t)
  return setmetatable(t or {}, { __array = true })
end

local function days_from_civil(y, m, d)
  y = (m <= 2) and y - 1 or y
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local function iso(z)
  local y, m, d = civil_from_days(z)
  return format("%04d-%02d-%02d", y, m, d)
end

--- First and last day ("YYYY-MM-DD") of a period label as aggregates write them:
-- "2026-11-28", "2026-W48" (ISO week), "2026-11", "2026". Other labels ("all",
-- "undated") have no dates: nil.
function util.period_range(label)
  label = tostring(label)
  if label:match("^%d%d%d%d%-%d%d%-%d%d$") then return label, label end
  local wy, w = label:match("^(%d%d%d%d)%-W(%d%d)$")
  if wy then
    wy, w = tonumber(wy), tonumber(w)
    local jan4 = days_from_civil(wy, 1, 4)
    local weekday = (jan4 + 3) % 7  -- 0 = Monday (1970-01-01 was a Thursday)
    local monday = jan4 - weekday + (w - 1) * 7
    return iso(monday), iso(monday + 6)
  end
  local y, m = label:match("^(%d%d%d%d)%-(%d%d)$")
  if y then
    y, m = tonumber(y), tonumber(m)
    local ny, nm = y, m + 1
    if nm == 13 then ny, nm = y + 1, 1 end
    return format("%04d-%02d-01", y, m), iso(days_from_civil(ny, nm, 1) - 1)
  end
  y = label:match("^(%d%d%d%d)$")
  if y then return y .. "-01-01", y .. "-12-31" end
  return nil
end

local colour_memo, colour_count = {}, 0

--- Colour of a net score on the red (conflict) - grey - blue (cooperation) scale.
-- `scale` is the |net| that reaches the full colour (default 5); in between the colour
-- moves with sqrt(|net| / scale).
function util.net_colour(net, scale)
  scale = scale or 5
  local memo = scale == 5 and finite(net) and colour_memo or nil
  if memo then
    local c = memo[net]
    if c then return c end
  end
  local t = finite(net) and net / scale or 0
  if t > 1 then t = 1 elseif t < -1 then t = -1 end
  -- square root: the shrunk net scores of real text are mostly small (|net| < 2), and a
  -- linear scale would leave them all grey
  local a = math.sqrt(t >= 0 and t or -t)
  local r, g, b
  if t >= 0 then r, g, b = 33, 102, 172 else r, g, b = 178, 24, 43 end
  local c = format("#%02x%02x%02x", floor(150 + (r - 150) * a + 0.5), floor(150 + (g - 150) * a + 0.5),
    floor(150 + (b - 150) * a + 0.5))
  if memo then
    if colour_count >= MEMO then colour_memo, colour_count = {}, 0 end
    colour_memo[net] = c
    colour_count = colour_count + 1
  end
  return c
end

return util
