--- dyadic.report.jsonl: JSON Lines, one object per line, keys in column order.
-- With a table name, that table's rows; without, every table, each object with a
-- leading "table" key. Missing values are left out of the object.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

-- Rows hold plain values (string, number, boolean or nil), so each object is written
-- directly: the keys encoded once per table, each value by util.json_scalar.
local function emit(out, cols, rows, tname)
  local keys = {}
  for i, c in ipairs(cols) do keys[i] = util.json_scalar(c) .. ":" end
  local head = tname and ("{" .. util.json_scalar("table") .. ":" .. util.json_scalar(tname)) or nil
  local scalar, finite, parts = util.json_scalar, util.finite, {}
  for _, r in ipairs(rows) do
    local n = 0
    for i, c in ipairs(cols) do
      local v = r[c]
      if v ~= nil and (type(v) ~= "number" or finite(v)) then
        n = n + 1
        parts[n] = keys[i] .. scalar(v)
      end
    end
    local body = table.concat(parts, ",", 1, n)
    if head then
      out[#out + 1] = head .. (n > 0 and "," or "") .. body .. "}"
    else
      out[#out + 1] = "{" .. body .. "}"
    end
  end
end

return function(x, name)
  local m = model.build(x, "jsonl")
  if name ~= nil and type(name) ~= "string" then
    error(("bad argument #2 to 'jsonl' (string expected, got %s)"):format(type(name)), 2)
  end
  local out = {}
  if name then
    local cols, rows = tables.get(m, name, "jsonl", 2)
    emit(out, cols, rows)
  else
    for _, t in ipairs(tables.names_of(m)) do
      local cols, rows = tables.get(m, t, "jsonl", 2)
      emit(out, cols, rows, t)
    end
  end
  if #out == 0 then return "" end
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
