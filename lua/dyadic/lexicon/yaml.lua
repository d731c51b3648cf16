--- YAML dictionaries as quanteda and newsmap write them:
--
--   energy:
--     gas: [gas pipeline*, LNG]
--     oil:
--       - crude
--       - oil field*
--   AFRICA:
--     EAST:
--       BI: [Burundi, Burundian*]
--
-- Nested keys give hierarchical category names ("energy.gas"); the terms are the list
-- values. A key of two capital letters holding terms (newsmap's ISO 3166-1 alpha-2
-- country codes) gives actor entries of type "state" with that code as written ("BI");
-- any other category gives cue entries when its last part is a cue category name, and
-- sector entries otherwise (sector = the full dotted name).
--
-- The reader handles the subset these files use (block mappings, block and flow lists,
-- quoted and plain scalars, comments); Debian's lua-yaml exists for Lua 5.1-5.3 only,
-- so one reader everywhere keeps results identical on every runtime.
local util = require "dyadic.lexicon.util"
local liwc = require "dyadic.lexicon.liwc"

local M = {}

local function unquote(s, n, fail)
  s = util.trim(s)
  local q = s:sub(1, 1)
  if q == '"' or q == "'" then
    if #s < 2 or s:sub(-1) ~= q then
      fail(n, string.format("unterminated quoted string %s", s))
      return nil
    end
    s = s:sub(2, -2)
    if q == "'" then s = s:gsub("''", "'") else s = s:gsub('\\"', '"') end
  end
  return s
end

-- Remove a comment: '#' at the start or after white space, outside quotes.
local function uncomment(line)
  local quote
  for i = 1, #line do
    local c = line:sub(i, i)
    if quote then
      if c == quote then quote = nil end
    elseif c == '"' or c == "'" then
      if i == 1 or line:sub(i - 1, i - 1):find("[%s%[,:-]") then quote = c end
    elseif c == "#" and (i == 1 or line:sub(i - 1, i - 1):find("%s")) then
      return line:sub(1, i - 1)
    end
  end
  return line
end

local function flow_list(s, n, fail)
  local inner = s:match("^%[(.*)%]$")
  if not inner then
    fail(n, "a flow list must open and close on the same line: [a, b]")
    return nil
  end
  local items, cur, quote = {}, {}, nil
  for i = 1, #inner do
    local c = inner:sub(i, i)
    if quote then
      cur[#cur + 1] = c
      if c == quote then quote = nil end
    elseif c == '"' or c == "'" then
      quote = c
      cur[#cur + 1] = c
    elseif c == "," then
      items[#items + 1] = table.concat(cur)
      cur = {}
    else
      cur[#cur + 1] = c
    end
  end
  if util.trim(table.concat(cur)) ~= "" or #items > 0 then items[#items + 1] = table.concat(cur) end
  local out = {}
  for _, it in ipairs(items) do
    local v = unquote(it, n, fail)
    if v == nil then return nil end
    if v == "" then
      fail(n, "empty item in flow list")
      return nil
    end
    out[#out + 1] = { value = v, line = n }
  end
  return out
end

local function new_map() return { kind = "map", keys = {}, values = {} } end

--- Read the YAML subset into nested { kind = "map", keys, values } / { kind = "seq", {value, line}... }.
function M.read(text, fail)
  local root = new_map()
  local stack = {}
  local pending  -- a key waiting for its nested block: { map =, key =, indent =, line = }
  for n, raw in util.lines(text) do
    local line = uncomment(raw):gsub("%s+$", "")
    if line:find("^%-%-%-") or line:find("^%.%.%.") or line:find("^%%") then  -- luacheck: ignore 542
      -- document markers and directives
    elseif line:find("%S") then
      local lead = line:match("^[ \t]*")
      local indent = #lead
      local content = line:sub(indent + 1)
      if lead:find("\t") then
        fail(n, "tab used for indentation (YAML allows spaces only)")
      else
        if #stack == 0 then stack[1] = { indent = indent, node = root } end
        if pending then
          if indent > pending.indent then
            local node = content:find("^%-") and { kind = "seq" } or new_map()
            pending.map.values[pending.key] = node
            stack[#stack + 1] = { indent = indent, node = node }
          else
            fail(pending.line, string.format("key '%s' has no value", pending.key))
          end
          pending = nil
        end
        while #stack > 1 and stack[#stack].indent > indent do stack[#stack] = nil end
        local top = stack[#stack]
        if top.indent ~= indent then
          fail(n, "indentation does not match any enclosing level")
        elseif content:find("^%-%s") or content == "-" then
          if top.node.kind ~= "seq" then
            fail(n, "list item where a 'key:' was expected")
          else
            local item = content:sub(2)
            if item:find("^%s*[^\"'%s][^:]*:%s") or item:find("^%s*[^\"'%s][^:]*:$") then
              fail(n, "lists of mappings are not supported in dictionaries")
            else
              local v = unquote(item, n, fail)
              if v == "" then fail(n, "empty list item")
              elseif v then top.node[#top.node + 1] = { value = v, line = n } end
            end
          end
        else
          local key, rest = content:match('^("[^"]*")%s*:%s*(.-)$')
          if not key then key, rest = content:match("^('[^']*')%s*:%s*(.-)$") end
          if not key then key, rest = content:match("^([^:]-)%s*:%s+(.-)$") end
          if not key then key, rest = content:match("^([^:]-)%s*:$"), "" end
          if not key or key == "" then
            fail(n, string.format("expected 'key: value' or '- item', got '%s'", content))
          elseif top.node.kind ~= "map" then
            fail(n, "'key:' inside a list")
          else
            key = unquote(key, n, fail)
            if key then
              if top.node.values[key] ~= nil then fail(n, string.format("key '%s' given twice", key)) end
              if top.node.values[key] == nil then top.node.keys[#top.node.keys + 1] = key end
              if rest == "" then
                top.node.values[key] = false
                pending = { map = top.node, key = key, indent = indent, line = n }
              elseif rest:sub(1, 1) == "[" then
                local items = flow_list(rest, n, fail)
                local seq = { kind = "seq" }
                for _, it in ipairs(items or {}) do seq[#seq + 1] = it end
                top.node.values[key] = seq
              elseif rest:sub(1, 1) == "{" or rest:sub(1, 1) == "|" or rest:sub(1, 1) == ">" then
                fail(n, "flow mappings and block scalars are not supported in dictionaries")
                top.node.values[key] = { kind = "seq" }
              else
                local v = unquote(rest, n, fail)
                top.node.values[key] = { kind = "seq", v and { value = v, line = n } or nil }
              end
            end
          end
        end
      end
    end
  end
  if pending then fail(pending.line, string.format("key '%s' has no value", pending.key)) end
  return root
end

local function walk(node, path, emit, fail)
  if node.kind == "map" then
    for _, key in ipairs(node.keys) do
      local child = node.values[key]
      if child then
        local sub = path and (path .. "." .. key) or key
        if child.kind == "seq" then
          for _, item in ipairs(child) do
            local term = util.trim(item.value)
            if term:find("?", 1, true) then
              fail(item.line, string.format("term '%s': the '?' wildcard is not supported", term))
            elseif key:find("^%u%u$") then
              emit({ term = term, kind = "actor", code = key, type = "state" }, item.line)
            else
              emit(liwc.entry(term, sub), item.line)
            end
          end
        else
          walk(child, sub, emit, fail)
        end
      end
    end
  end
end

function M.parse(text, _, emit, fail)
  local root = M.read(text, fail)
  walk(root, nil, emit, fail)
end

return M
