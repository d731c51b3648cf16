-- lpeg_match.lua PHRASES TEXT [LABEL]: the best a Lua user can do with LPeg: the phrases
-- factored into a trie of ordered choices (longest first), tried at every word start, with
-- the same separators (spaces, tabs, line breaks, hyphens) between words and a word
-- boundary at the end. ASCII case folding by character sets. Prints a Markdown table row.
local lpeg = require "lpeg"
local P, S, R, Cp, Ct = lpeg.P, lpeg.S, lpeg.R, lpeg.Cp, lpeg.Ct

local phrases_path, text_path, label = arg[1], arg[2], arg[3] or arg[1]
local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

local word = R("az", "AZ", "09")
local sep = S(" \t\r\n-") ^ 1

local t0 = os.clock()
local root, count = {}, 0
for line in read(phrases_path):gmatch("[^\n]+") do
  local node = line:lower():gsub("[%s%-]+", " ")
  local cur = root
  for i = 1, #node do
    local c = node:sub(i, i)
    cur[c] = cur[c] or {}
    cur = cur[c]
  end
  cur[""] = true
  count = count + 1
end

local function compile(node)
  local keys = {}
  for k in pairs(node) do if k ~= "" then keys[#keys + 1] = k end end
  table.sort(keys)
  local alt
  for _, k in ipairs(keys) do
    local pc
    if k == " " then pc = sep
    elseif k:match("%a") then pc = S(k .. k:upper())
    else pc = P(k) end
    local sub = pc * compile(node[k])
    alt = alt and (alt + sub) or sub
  end
  if node[""] then
    local fin = -word
    alt = alt and (alt + fin) or fin
  end
  return alt or P(false)
end

local ok, trie = pcall(compile, root)
if not ok then
  print(string.format("| LPeg trie | %s (%d) | failed to build: %s | | |", label, count, tostring(trie)))
  return
end
local scan = Ct(((Cp() * trie * Cp()) + word ^ 1 + (1 - word)) ^ 0)
local build = os.clock() - t0

local text = read(text_path)
local best, found = math.huge, nil
for _ = 1, 3 do
  local t1 = os.clock()
  local ok2, res = pcall(scan.match, scan, text)
  local dt = os.clock() - t1
  if not ok2 then
    print(string.format("| LPeg trie | %s (%d) | failed to match: %s | | |", label, count, tostring(res)))
    return
  end
  found = #res / 2
  if dt < best then best = dt end
end
print(string.format("| LPeg trie | %s (%d) | %.1f | %d | %.2f |", label, count, #text / best / 1e6, found, build))
