--- dyadic.report.jsonl: JSON Lines, one object per line, keys in column order.
-- With a table name, that table's rows; without, every table, each object with a
-- leading "table" key. Missing values are left out of the object.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

-- Rows hold plain values (string, number, boolean or nil), so each object is written
-- directly into one list of pieces joined once: the keys encoded once per table (with
-- and without the comma before them), each distinct string value encoded once.
local function emit(out, o, cols, rows, tname, strings)
  local keys, ckeys = {}, {}
  for i, c in ipairs(cols) do
    keys[i] = util.json_scalar(c) .. ":"
    ckeys[i] = "," .. keys[i]
  end
  local head = tname and ("{" .. util.json_scalar("table") .. ":" .. util.json_scalar(tname)) or "{"
  local scalar, num, ncols = util.json_scalar, util.num, #cols
  local huge = math.huge
  for _, r in ipairs(rows) do
    o = o + 1
    out[o] = head
    local first = not tname
    for i = 1, ncols do
      local v = r[cols[i]]
      if v ~= nil then
        local text
        local t = type(v)
        if t == "number" then
          if v == v and v ~= huge and v ~= -huge then text = num(v) end
        elseif t == "string" then
          text = strings[v]
          if not text then text = scalar(v); strings[v] = text end
        else
          text = scalar(v) or "null"
        end
        if text then
          out[o + 1], out[o + 2] = first and keys[i] or ckeys[i], text
          o = o + 2
          first = false
        end
      end
    end
    o = o + 1
    out[o] = "}\n"
  end
  return o
end

return function(x, name)
  local m = model.build(x, "jsonl")
  if name ~= nil and type(name) ~= "string" then
    error(("bad argument #2 to 'jsonl' (string expected, got %s)"):format(type(name)), 2)
  end
  local out, o, strings = {}, 0, {}
  if name then
    local cols, rows = tables.get(m, name, "jsonl", 2)
    o = emit(out, o, cols, rows, nil, strings)
  else
    for _, t in ipairs(tables.names_of(m)) do
      local cols, rows = tables.get(m, t, "jsonl", 2)
      o = emit(out, o, cols, rows, t, strings)
    end
  end
  return table.concat(out, "", 1, o)
end
