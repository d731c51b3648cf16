--- dyadic.report.csv: RFC 4180 CSV. A header row, CRLF line ends, and fields that
-- hold a comma, a double quote, CR or LF (or start/end with a space) quoted, with
-- double quotes doubled. Numbers in their shortest exact form; booleans as
-- true/false; missing values as empty fields.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

local byte, num = string.byte, util.num

-- Is byte b white space (%s: space, \t, \n, \v, \f, \r)?
local function space(b) return b == 32 or (b ~= nil and b >= 9 and b <= 13) end

local function field(v)
  if v == nil then return "" end
  local t = type(v)
  if t == "number" then return num(v) or "" end
  if t == "boolean" then return v and "true" or "false" end
  local s = tostring(v)
  -- one scan settles most fields (codes, sector lists): nothing to quote or repair
  if s:find('[,"\r\n\128-\255]') or space(byte(s, 1)) or space(byte(s, -1)) then
    s = util.utf8(s)
    if s:find('[,"\r\n]') or s:find("^%s") or s:find("%s$") then
      s = '"' .. s:gsub('"', '""') .. '"'
    end
  end
  return s
end

return function(x, name)
  local m = model.build(x, "csv")
  if name == nil then name = "dyads" end
  if type(name) ~= "string" then
    error(("bad argument #2 to 'csv' (string expected, got %s)"):format(type(name)), 2)
  end
  local cols, rows, positional = tables.get(m, name, "csv", 2)
  -- every field and separator into one list, joined once; each distinct string (codes,
  -- periods, dates: the same few hundred on thousands of rows) checked for quoting once
  local out, o = {}, 0
  local ncols = #cols
  if ncols == 0 then return ("\r\n"):rep(#rows + 1) end
  for i, c in ipairs(cols) do
    out[o + 1], out[o + 2] = field(c), i < ncols and "," or "\r\n"
    o = o + 2
  end
  local seen = {}  -- value -> its field text (not NaN: not a key, and rare)
  for _, r in ipairs(rows) do
    for i = 1, ncols do
      local v
      if positional then v = r[i] else v = r[cols[i]] end
      local s = seen[v]
      if not s then
        if v == nil then
          s = ""
        else
          s = field(v)
          if v == v then seen[v] = s end
        end
      end
      out[o + 1], out[o + 2] = s, ","
      o = o + 2
    end
    out[o] = "\r\n"
  end
  return table.concat(out, "", 1, o)
end
