--- TABARI / PETRARCH / Phoenix actor dictionaries (.actors) and discard lists.
--
-- Actors: a record is a primary phrase line, optional `+synonym` lines, and code blocks
-- `[CODE]`, `[CODE yymmdd-yymmdd]`, `[CODE <date]`, `[CODE >date]` either on the phrase
-- lines or on following indented lines. Undated codes are the record's default: they
-- apply on the days no dated code covers. `[---]` is TABARI's null code: the phrase is
-- recognised but codes nothing, which we load as a discard; `[A/B]` is a compound actor
-- (both A and B). Rules and their reasons:
-- docs/DESIGN.md (the lexicon section).
local util = require "dyadic.lexicon.util"

local M = {}

local DATE_MIN, DATE_MAX = -math.huge, math.huge

-- Remove comments from a line: <!-- ... --> (possibly spanning lines: state.xml says we
-- are inside one), then '#' and ';' to the end of the line - outside [...] code blocks,
-- where "###" is TABARI's old discard code.
local function strip(line, state)
  local out = {}
  local pos = 1
  while pos <= #line do
    if state.xml then
      local close = line:find("-->", pos, true)
      if not close then return table.concat(out) end
      state.xml = false
      pos = close + 3
    else
      local open = line:find("<!--", pos, true)
      if not open then
        out[#out + 1] = line:sub(pos)
        break
      end
      out[#out + 1] = line:sub(pos, open - 1)
      state.xml = true
      pos = open + 4
    end
  end
  local s = table.concat(out)
  if not s:find("[#;]") then return s end
  local depth = 0
  for i = 1, #s do
    local c = s:byte(i)
    if c == 91 then depth = depth + 1            -- [
    elseif c == 93 then depth = 0                -- ]
    elseif (c == 35 or c == 59) and depth == 0 then  -- # ;
      return s:sub(1, i - 1)
    end
  end
  return s
end
M.strip = strip

-- Parse the inside of one [...] block. Returns { code=, from=, to=, null=, discard= } or nil, message.
local function parse_code(inner)
  local code, rest = inner:match("^%s*(%S+)%s*(.-)%s*$")
  if not code then return nil, "empty code block []" end
  -- a date glued to the code ("[ABC<990101]") is not TABARI syntax
  if code:find("[<>]") then return nil, string.format("bad code '%s'", code) end
  local c = { code = code:upper() }
  if c.code == "---" then c.null = true
  elseif c.code == "###" then c.discard = true end
  -- a dated "###" (old TABARI discard) codes nothing in its interval, like "---"
  if rest ~= "" then
    local op, d = rest:match("^([<>])%s*(%d+)$")
    local d1, d2 = rest:match("^(%d+)%s*%-%s*(%d+)$")
    local err
    if op == "<" then
      c.to, err = util.tabari_date(d)
    elseif op == ">" then
      c.from, err = util.tabari_date(d)
    elseif d1 then
      c.from, err = util.tabari_date(d1)
      if c.from then c.to, err = util.tabari_date(d2) end
    else
      return nil, string.format("bad date restriction '%s' in [%s] (expected <date, >date or date-date)",
        rest, inner)
    end
    if err then return nil, err .. " in [" .. inner .. "]" end
    if c.from and c.to and c.from > c.to then
      return nil, string.format("date range %s to %s ends before it starts", c.from, c.to)
    end
    c.dated = true
    if c.discard then c.discard, c.null = nil, true end
  end
  return c
end
M.parse_code = parse_code

-- Split a line into its phrase (before the first '[') and its code blocks; a block
-- that does not parse is reported as a warning and skipped, as PETRARCH does.
-- Returns phrase, codes (list), or nil, message.
local function split_line(s, n, fail)
  local first = s:find("[", 1, true)
  local phrase = first and s:sub(1, first - 1) or s
  local codes = {}
  local pos = first
  while pos do
    local close = s:find("[%]}]", pos + 1)
    local nextopen = s:find("[", pos + 1, true)
    if not close or (nextopen and nextopen < close) then return nil, "unclosed '[' in code block" end
    local c, err = parse_code(s:sub(pos + 1, close - 1))
    if not c then
      fail(n, err .. " (code block skipped)", "warning")
    elseif c.code:find("/", 1, true) and not c.null then
      -- TABARI compound actor: "[FRO/BIL/SAM]" is three actors at once
      for part in c.code:gmatch("[^/]+") do
        codes[#codes + 1] = { code = part, from = c.from, to = c.to, dated = c.dated }
      end
    else
      codes[#codes + 1] = c
    end
    pos = s:find("[", close + 1, true)
  end
  return util.trim(phrase), codes
end

-- Actor type from the code and whether the record is dated (a person's career).
local function actor_type(code, dated)
  local prefix = code:sub(1, 3)
  if prefix == "IGO" then return "igo" end
  if prefix == "NGO" or prefix == "NGM" or prefix == "IMG" or prefix == "MNC" or prefix == "UIS" then
    return "group"
  end
  if #code == 3 then return "state" end
  if dated then return "leader" end
  return "other"
end

-- Emit the entries of one record.
local function flush(rec, emit, fail)
  if not rec then return end
  local dated, defaults = {}, {}
  for _, c in ipairs(rec.codes) do
    if c.dated then dated[#dated + 1] = c else defaults[#defaults + 1] = c end
  end
  -- The days no dated code covers, as intervals (day numbers), for the default codes.
  local gaps = { { DATE_MIN, DATE_MAX } }
  if #dated > 0 then
    local spans = {}
    for _, c in ipairs(dated) do
      spans[#spans + 1] = { c.from and util.day_number(c.from) or DATE_MIN, c.to and util.day_number(c.to) or DATE_MAX }
    end
    table.sort(spans, function(a, b) return a[1] < b[1] end)
    gaps = {}
    local next_free = DATE_MIN
    for _, sp in ipairs(spans) do
      if sp[1] > next_free then gaps[#gaps + 1] = { next_free, sp[1] - 1 } end
      if sp[2] + 1 > next_free then next_free = sp[2] + 1 end
    end
    if next_free <= DATE_MAX and next_free ~= math.huge then gaps[#gaps + 1] = { next_free, DATE_MAX } end
  end
  local uses = {}  -- { code, from, to }
  for _, c in ipairs(dated) do
    if not c.null then uses[#uses + 1] = c end
  end
  for _, c in ipairs(defaults) do
    if not c.null then
      for _, g in ipairs(gaps) do
        uses[#uses + 1] = {
          code = c.code, discard = c.discard,
          from = g[1] ~= DATE_MIN and util.iso(g[1]) or nil,
          to = g[2] ~= DATE_MAX and util.iso(g[2]) or nil,
        }
      end
    end
  end
  local null_only = #uses == 0
  for _, p in ipairs(rec.phrases) do
    local term, err = util.tabari_term(p.text, true)
    if not term then
      fail(p.line, err .. " (phrase skipped)", "warning")
    elseif null_only then
      emit({ term = term, kind = "discard" }, p.line)
    else
      for _, u in ipairs(uses) do
        if u.discard then
          emit({ term = term, kind = "discard" }, p.line)
        else
          emit({ term = term, kind = "actor", code = u.code, type = actor_type(u.code, #dated > 0),
                 from = u.from, to = u.to }, p.line)
        end
      end
    end
  end
end

--- Parse a TABARI/PETRARCH .actors file.
function M.parse(text, _, emit, fail)
  local state = { xml = false }
  local rec, last = nil, 0
  for n, raw in util.lines(text) do
    last = n
    local s = strip(raw, state)
    if s:find("%S") then
      local indented = s:find("^%s")
      local body = util.trim(s)
      if indented and body:sub(1, 1) == "[" then
        local phrase, codes = split_line(body, n, fail)
        if not phrase then
          fail(n, codes)
        elseif not rec then
          fail(n, "code block without a phrase before it")
        else
          for _, c in ipairs(codes) do rec.codes[#rec.codes + 1] = c end
        end
      else
        local synonym = body:sub(1, 1) == "+"
        if synonym then body = body:sub(2) end
        local phrase, codes = split_line(body, n, fail)
        if not phrase then
          fail(n, codes)
          if not synonym then flush(rec, emit, fail); rec = nil end
        elseif phrase == "" then
          fail(n, synonym and "empty synonym after '+'" or "code block without a phrase")
        else
          if not synonym then
            flush(rec, emit, fail)
            rec = { phrases = {}, codes = {} }
          end
          if not rec then
            fail(n, "synonym line '+' before any primary phrase")
          else
            rec.phrases[#rec.phrases + 1] = { text = phrase, line = n }
            for _, c in ipairs(codes) do rec.codes[#rec.codes + 1] = c end
          end
        end
      end
    end
  end
  flush(rec, emit, fail)
  if state.xml then fail(last, "unterminated <!-- comment") end
end

--- Parse a PETRARCH discard list: one phrase a line; '+' marks a story-level discard
-- (we treat both alike); a final '_' means a whole word, otherwise the last word is a stem.
function M.parse_discards(text, _, emit, fail)
  local state = { xml = false }
  local last = 0
  for n, raw in util.lines(text) do
    last = n
    local s = util.trim(strip(raw, state))
    if s ~= "" then
      if s:sub(1, 1) == "+" then s = util.trim(s:sub(2)) end
      local term, err = util.tabari_term(s, true)
      if term then emit({ term = term, kind = "discard" }, n) else fail(n, err .. " (line skipped)", "warning") end
    end
  end
  if state.xml then fail(last, "unterminated <!-- comment") end
end

return M
