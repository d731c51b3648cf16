--- dyadic.report.jsonl: JSON Lines, one object per line, keys in column order.
-- With a table name, that table's rows; without, every table, each object with a
-- leading "table" key. Missing values are left out of the object.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

local function emit(out, cols, rows, tname)
  for _, r in ipairs(rows) do
    local obj, keys = {}, {}
    if tname then obj.table = tname; keys[1] = "table" end
    for _, c in ipairs(cols) do
      local v = r[c]
      if type(v) == "number" and not util.finite(v) then v = nil end
      if v ~= nil then obj[c] = v; keys[#keys + 1] = c end
    end
    out[#out + 1] = util.json(util.object(obj, keys))
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
  return table.concat(out, "\n") .. "\n"
end
