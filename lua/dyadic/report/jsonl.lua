--- dyadic.report.jsonl: JSON Lines, one object per line, keys in column order.
-- With a table name, that table's rows; without, every table, each object with a
-- leading "table" key. Missing values are left out of the object.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local tables = require "dyadic.report.tables"

-- Rows hold plain values (string, number, boolean or nil), so each object is written
-- directly into one list of pieces joined once: the keys encoded once per table (with
-- and without the comma before them), each distinct value encoded once.
local function emit(out, o, cols, rows, positional, tname, strings)
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
      local v
      if positional then v = r[i] else v = r[cols[i]] end
      if v ~= nil then
        local text = strings[v]  -- value -> its JSON text, false when left out
        if text == nil then
          local t = type(v)
          if t == "number" then
            if v == v and v ~= huge and v ~= -huge then text = num(v) else text = false end
          else
            text = scalar(v) or "null"
          end
          if v == v then strings[v] = text end
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
    local cols, rows, positional = tables.get(m, name, "jsonl", 2)
    o = emit(out, o, cols, rows, positional, nil, strings)
  else
    for _, t in ipairs(tables.names_of(m)) do
      local cols, rows, positional = tables.get(m, t, "jsonl", 2)
      o = emit(out, o, cols, rows, positional, t, strings)
    end
  end
  return table.concat(out, "", 1, o)
end
