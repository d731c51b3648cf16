-- lua_match.lua PHRASES TEXT: dyadic.matcher from Lua 5.4 (m:count and m:find_all), to show
-- what the binding costs over the C core. Prints Markdown table rows.
local dyadic = require "dyadic"

local function read(path) return assert(require("dyadic.util").read_file(path)) end

local phrases = {}
for line in read(arg[1]):gmatch("[^\n]+") do phrases[#phrases + 1] = line end
local text = read(arg[2])

local t0 = os.clock()
local ok, m = pcall(dyadic.matcher, phrases)
if not ok then
  -- a phrase dyadic rejects (no word characters): drop it, as the C harness does
  local kept = {}
  for _, p in ipairs(phrases) do
    if pcall(dyadic.matcher, { p }) then kept[#kept + 1] = p end
  end
  phrases = kept
  t0 = os.clock()
  m = dyadic.matcher(phrases)
end
local build = os.clock() - t0

local function best(f)
  local b, r = math.huge, nil
  for _ = 1, 3 do
    local t1 = os.clock()
    r = f()
    local dt = os.clock() - t1
    if dt < b then b = dt end
  end
  return b, r
end

local tc, n = best(function() return m:count(text) end)
local tf, all = best(function() return m:find_all(text) end)
local tg, k = best(function()
  local c = 0
  for _ in m:gmatch(text) do c = c + 1 end
  return c
end)
print(string.format("| m:count | %d | %.0f | %d | %.3f | %s |", #phrases, #text / tc / 1e6, n, build, tostring(m)))
print(string.format("| m:find_all | %d | %.0f | %d | | |", #phrases, #text / tf / 1e6, #all))
print(string.format("| m:gmatch loop | %d | %.0f | %d | | |", #phrases, #text / tg / 1e6, k))
