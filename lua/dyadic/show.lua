--- dyadic.show(value [, depth]): a one-screen rendering of result records for the REPL.
-- Records are plain tables ({s, e, id}, { source = "RUS", ... }), which Lua prints as
-- `table: 0x...`; show() prints them as Lua constructors, lists one element per line.
local M = {}

local function is_identifier(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil
end

local function scalar(v)
  if type(v) == "string" then return string.format("%q", v):gsub("\\\n", "\\n") end
  if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  return tostring(v)
end

local function render(v, depth, seen)
  if type(v) ~= "table" then return scalar(v) end
  if seen[v] then return "<cycle>" end
  if depth <= 0 then return "{...}" end
  seen[v] = true
  local parts, n = {}, #v
  for i = 1, n do parts[#parts + 1] = render(v[i], depth - 1, seen) end
  local keys = {}
  for k in pairs(v) do
    if not (type(k) == "number" and k >= 1 and k <= n and k == math.floor(k)) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local key = is_identifier(k) and k or "[" .. scalar(k) .. "]"
    parts[#parts + 1] = key .. " = " .. render(v[k], depth - 1, seen)
  end
  seen[v] = nil
  return "{ " .. table.concat(parts, ", ") .. " }"
end

--- Render `value` (default depth 3) and print it; a list prints one element per line.
-- Returns the rendered string.
function M.show(value, depth)
  if depth ~= nil and type(depth) ~= "number" then
    error("bad argument #2 to 'show' (number expected, got " .. type(depth) .. ")", 2)
  end
  depth = depth or 3
  local out
  if type(value) == "table" and #value > 0 and type(value[1]) == "table" then
    local lines = {}
    for i = 1, #value do lines[i] = ("[%d] %s"):format(i, render(value[i], depth - 1, {})) end
    out = table.concat(lines, "\n")
  else
    out = render(value, depth, {})
  end
  print(out)
  return out
end

return M
