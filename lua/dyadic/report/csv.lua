--- dyadic.report.csv: RFC 4180 CSV. A header row, CRLF line ends, and fields that
-- hold a comma, a double quote, CR or LF (or start/end with a space) quoted, with
-- double quotes doubled. Numbers in their shortest exact form; booleans as
-- true/false; missing values as empty fields.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

local function field(v)
  if v == nil then return "" end
  local t = type(v)
  if t == "number" then return util.num(v) or "" end
  if t == "boolean" then return v and "true" or "false" end
  local s = util.utf8(v)
  if s:find('[,"\r\n]') or s:find("^%s") or s:find("%s$") then
    s = '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

return function(x, name)
  local m = model.build(x, "csv")
  if name == nil then name = "dyads" end
  if type(name) ~= "string" then
    error(("bad argument #2 to 'csv' (string expected, got %s)"):format(type(name)), 2)
  end
  local cols, rows = tables.get(m, name, "csv", 2)
  local out = {}
  local line = {}
  for i, c in ipairs(cols) do line[i] = field(c) end
  out[1] = table.concat(line, ",")
  for _, r in ipairs(rows) do
    line = {}
    for i, c in ipairs(cols) do line[i] = field(r[c]) end
    out[#out + 1] = table.concat(line, ",")
  end
  return table.concat(out, "\r\n") .. "\r\n"
end
