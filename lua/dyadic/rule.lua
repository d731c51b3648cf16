--- dyadic.rule: rules written by researchers, run after the C pass of the analyzer.
--
-- A rule is { name, needs, pattern, apply }. The analyzer hands every document to
-- M.apply(rules, doc, meta). For each rule the candidate sentences come from the C
-- side (doc:_sentences_with(needs): sentences whose participants include every
-- needed code), so a rule costs nothing where it cannot fire; the pattern (an LPeg
-- pattern, or a list of phrases compiled with dyadic.matcher) then looks for a match
-- inside each candidate sentence, and apply(ctx) is called once per sentence where it
-- matches, with the first match. Offsets (ctx.s, ctx.e, lpeg.Cp() captures) are byte
-- offsets into the document text, like those of doc:mentions(). An error raised
-- inside a rule is caught: it becomes a warning naming the rule, the document and the
-- sentence, and the rest of the run goes on.
local core = require "dyadic.core"

local M = {}

local Rule = {}
Rule.__index = Rule
Rule.__name = "dyadic.rule"

local lpeg_module  -- loaded on first use: rules with phrase lists do not need LPeg

local function get_lpeg()
  if lpeg_module == nil then
    local ok, l = pcall(require, "lpeg")
    if not ok then
      l = rawget(_G, "vim") and vim.lpeg or false  -- Neovim bundles its copy
    end
    lpeg_module = l
  end
  return lpeg_module or nil
end

local function is_lpeg_pattern(v)
  if type(v) ~= "userdata" then return false end
  local lpeg = get_lpeg()
  return lpeg ~= nil and lpeg.type(v) == "pattern"
end

local function is_matcher(v)
  if type(v) ~= "userdata" then return false end
  local ok, f = pcall(function() return v.find_all end)
  return ok and type(f) == "function"
end

-- luaL_argerror style: "bad argument #1 to 'rule' (field 'name' must be ...)".
local function bad_field(field, msg, level)
  error(string.format("bad argument #1 to 'rule' (field '%s' %s)", field, msg), level or 0)
end

local MAX_NEEDS = 32

local known_fields = { name = true, needs = true, pattern = true, apply = true, description = true }

-- Compile the pattern field into find(text, ss, se, st) -> s, e, captures: the first
-- match inside the sentence text:sub(ss, se), as offsets into the document text
-- (1-based, inclusive), or nil. The caller visits a document's candidate sentences in
-- increasing order with one state table st per (rule, document): the pattern is run
-- over the document text, not sentence by sentence, and a match found beyond the
-- current sentence is kept for the later ones, so a pattern that rarely matches costs
-- one scan of the document, without cutting out any sentence.
local function compile_pattern(p)
  if p == nil then
    return function(_, ss, se) return ss, se, {} end, "every sentence"
  end
  if type(p) == "string" then p = { p } end
  if is_lpeg_pattern(p) then
    local lpeg = get_lpeg()
    -- (1 - p)^0 skips the positions where p does not match: no recursion, linear scan.
    local search = (1 - p) ^ 0 * lpeg.Cp() * lpeg.Ct(p) * lpeg.Cp()
    return function(text, ss, se, st)
      if st.done then return nil end
      if st.s == nil or st.s < ss then
        local s, caps, e = search:match(text, ss)
        if s == nil then st.done = true; return nil end
        st.s, st.e, st.caps = s, e - 1, caps
      end
      if st.s > se then return nil end
      if st.e <= se then return st.s, st.e, st.caps end
      -- the match runs past the sentence end: search again with the subject cut there
      local s, caps, e = search:match(text:sub(1, se), ss)
      if s == nil then return nil end
      return s, e - 1, caps
    end, "LPeg pattern"
  end
  local m, names, what
  if is_matcher(p) then
    m, what = p, "matcher"
  elseif type(p) == "table" then
    if #p == 0 then bad_field("pattern", "must not be an empty list") end
    for i = 1, #p do
      local v = p[i]
      if type(v) ~= "string" and not (type(v) == "table" and type(v[1]) == "string") then
        bad_field("pattern", string.format("item %d must be a phrase string, got %s", i, type(v)))
      end
    end
    local ok, compiled = pcall(core.matcher, p)
    if not ok then bad_field("pattern", "is not a valid phrase list: " .. tostring(compiled)) end
    m, names, what = compiled, {}, string.format("%d phrases", #p)
    for i = 1, #p do names[i] = type(p[i]) == "table" and p[i][1] or p[i] end
  else
    bad_field("pattern", "must be an LPeg pattern, a matcher or a list of phrases, got " .. type(p))
  end
  -- one find_all per document; hits are in text order
  return function(text, ss, se, st)
    local hits = st.hits
    if not hits then hits = m:find_all(text); st.hits = hits; st.i = 1 end
    local i = st.i
    while hits[i] and hits[i][1] < ss do i = i + 1 end
    st.i = i
    local h = hits[i]
    if h == nil then st.done = true; return nil end
    st.s = h[1]
    if h[2] > se then return nil end
    return h[1], h[2], { names and names[h[3]] or h[3] }
  end, what
end

--- Validate a rule specification and return a rule object.
-- Errors name the offending field.
function M.new(spec)
  if getmetatable(spec) == Rule then return spec end
  if type(spec) ~= "table" then
    error("bad argument #1 to 'rule' (table expected, got " .. type(spec) .. ")", 2)
  end
  for k in pairs(spec) do
    if type(k) ~= "string" then
      error("bad argument #1 to 'rule' (field names must be strings, got " .. type(k) .. ")", 2)
    end
    if not known_fields[k] then
      error(string.format("bad argument #1 to 'rule' (unknown field '%s')", k), 2)
    end
  end
  if type(spec.name) ~= "string" or spec.name == "" then
    bad_field("name", "must be a non-empty string, got " .. type(spec.name), 3)
  end
  local needs
  if spec.needs ~= nil then
    if type(spec.needs) == "string" then
      needs = { spec.needs }
    elseif type(spec.needs) == "table" then
      needs = {}
      for i = 1, #spec.needs do
        local c = spec.needs[i]
        if type(c) ~= "string" or c == "" then
          bad_field("needs", string.format("item %d must be an actor code string, got %s", i, type(c)), 3)
        end
        needs[i] = c
      end
      if #needs == 0 then bad_field("needs", "must not be an empty list", 3) end
      -- the C prefilter (doc:_sentences_with) takes at most MAX_NEEDS codes
      if #needs > MAX_NEEDS then
        bad_field("needs", string.format("must list at most %d codes, got %d", MAX_NEEDS, #needs), 3)
      end
    else
      bad_field("needs", "must be a list of actor codes, got " .. type(spec.needs), 3)
    end
  end
  if type(spec.apply) ~= "function" then
    bad_field("apply", "must be a function, got " .. type(spec.apply), 3)
  end
  local ok, search, what = pcall(compile_pattern, spec.pattern)
  if not ok then error(search, 2) end
  return setmetatable({
    name = spec.name,
    needs = needs,
    pattern = spec.pattern,
    description = spec.description,
    apply = spec.apply,
    _find = search,
    _what = what,
  }, Rule)
end

function Rule.__tostring(r)
  local needs = r.needs and (" needs " .. table.concat(r.needs, ",")) or ""
  return string.format("dyadic.rule: %s (%s%s)", r.name, r._what, needs)
end

--- Is v a rule object made by M.new?
function M.is_rule(v)
  return getmetatable(v) == Rule
end

--- Validate a list of rule specs or rule objects; returns a list of rule objects.
function M.compile(list)
  if list == nil then return {} end
  if type(list) ~= "table" then
    error("bad argument #1 to 'compile' (list of rules expected, got " .. type(list) .. ")", 2)
  end
  if M.is_rule(list) or (list.apply ~= nil and list.name ~= nil) then list = { list } end
  local out = {}
  for i = 1, #list do out[i] = M.new(list[i]) end
  return out
end

--- Load a rules file: a Lua chunk returning a rule (spec or object) or a list of them.
-- Returns the list of rule objects, or nil, "path: message".
function M.load(path)
  if type(path) ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. type(path) .. ")", 2)
  end
  local chunk, err = loadfile(path)
  if not chunk then return nil, err end
  local ok, result = pcall(chunk)
  if not ok then
    local msg = tostring(result)
    if msg:sub(1, #path + 1) ~= path .. ":" then msg = path .. ": " .. msg end
    return nil, msg
  end
  if type(result) ~= "table" then
    return nil, path .. ": a rules file must return a rule or a list of rules, got " .. type(result)
  end
  local ok2, rules = pcall(M.compile, result)
  if not ok2 then return nil, path .. ": " .. tostring(rules) end
  return rules
end

-- Group doc:mentions() / doc:cues() by sentence index.
local function by_sentence(list)
  local out = {}
  for i = 1, #list do
    local m = list[i]
    local k = m.sentence or m[7]
    local l = out[k]
    if not l then l = {}; out[k] = l end
    l[#l + 1] = m
  end
  return out
end

local EMPTY = setmetatable({}, { __newindex = function() error("read-only table", 2) end })
local NO_WARNINGS = setmetatable({}, { __newindex = function() error("read-only table", 2) end })

-- The context handed to apply(ctx).
-- ctx.text, ctx.mentions, ctx.cues and ctx.previous are filled on first use:
-- doc:mentions() and doc:cues() build Lua tables for the whole document, once per
-- document and only when some rule reads them.
local Ctx = {}
local lazy_fields = { mentions = true, cues = true, previous = true, text = true }

local function group(state)
  if not state.mentions then
    state.mentions = by_sentence(state.doc:mentions())
    state.cues = by_sentence(state.doc:cues())
  end
end

function Ctx.__index(ctx, key)
  if key == "text" then
    local t = rawget(ctx, "_text"):sub(rawget(ctx, "sentence_s"), rawget(ctx, "sentence_e"))
    rawset(ctx, "text", t)
    return t
  end
  if lazy_fields[key] then
    local state = rawget(ctx, "_state")
    group(state)
    local si = rawget(ctx, "sentence")
    local m, c, p = state.mentions[si] or EMPTY, state.cues[si] or EMPTY, state.mentions[si - 1] or EMPTY
    rawset(ctx, "mentions", m)
    rawset(ctx, "cues", c)
    rawset(ctx, "previous", p)
    return rawget(ctx, key)
  end
  return Ctx[key]
end

local emit_fields = { source = true, target = true, coop = true, conflict = true, dependency = true,
                      sector = true, note = true }

function Ctx:emit(t)
  if type(t) ~= "table" then
    error("bad argument #1 to 'emit' (table expected, got " .. type(t) .. ")", 2)
  end
  local rec = { sentence = self.sentence, rule = self.rule.name }
  for k, v in pairs(t) do
    if not emit_fields[k] then
      error(string.format("bad argument #1 to 'emit' (unknown field '%s')", tostring(k)), 2)
    end
    rec[k] = v
  end
  if type(rec.source) ~= "string" or rec.source == "" then
    error("bad argument #1 to 'emit' (field 'source' must be an actor code, got " .. type(rec.source) .. ")", 2)
  end
  if rec.target ~= nil and type(rec.target) ~= "string" then
    error("bad argument #1 to 'emit' (field 'target' must be an actor code, got " .. type(rec.target) .. ")", 2)
  end
  for _, k in ipairs { "coop", "conflict", "dependency" } do
    if rec[k] ~= nil and type(rec[k]) ~= "number" then
      error(string.format("bad argument #1 to 'emit' (field '%s' must be a number, got %s)", k, type(rec[k])), 2)
    end
  end
  self.doc:_emit(rec)
  self.emitted = self.emitted + 1
end

function Ctx:tag(tag)
  if type(tag) ~= "string" then
    error("bad argument #1 to 'tag' (string expected, got " .. type(tag) .. ")", 2)
  end
  self.doc:_tag(self.sentence, tag)
end

function Ctx:discard()
  self.doc:_discard(self.sentence)
end

M.counters = { documents = 0, candidates = 0, matched = 0, applied = 0, emitted = 0, failed = 0 }

-- Rule objects compiled from plain specs handed to M.apply (weak keys).
local spec_cache = setmetatable({}, { __mode = "k" })

-- Warnings per document (weak keys): M.warnings(doc).
local doc_warnings = setmetatable({}, { __mode = "k" })

--- The warnings recorded by the last M.apply on doc (a list of strings, maybe empty).
function M.warnings(doc)
  return doc_warnings[doc] or NO_WARNINGS
end

--- Run the rules over an analyzed document.
-- rules: list of rule objects or specs; meta: the analyze() metadata ({id=, date=, title=}).
-- Returns the list of warnings (strings; a shared read-only empty table when there are
-- none). M.counters sums, over every call in this process: documents, candidates
-- (sentences that passed the needs prefilter), matched (pattern matched), applied,
-- emitted, failed.
function M.apply(rules, doc, meta)
  local nrules = rules and #rules or 0
  if nrules == 0 then return NO_WARNINGS end
  local warnings
  local ncand, nmatched, napplied, nemitted, nfailed = 0, 0, 0, 0, 0
  local text, sentences
  local state  -- per document: mentions and cues by sentence, built when a rule reads them
  for r = 1, nrules do
    local rule = rules[r]
    if getmetatable(rule) ~= Rule then
      local compiled = spec_cache[rule]
      if not compiled then compiled = M.new(rule); spec_cache[rule] = compiled end
      rule = compiled
    end
    -- candidates: the prefiltered sentence indices, or nil for every sentence
    local candidates, st, n
    if rule.needs then
      candidates = doc:_sentences_with(rule.needs)
      n = #candidates
    else
      sentences = sentences or doc:sentences()
      n = #sentences
    end
    if n > 0 then
      text = text or doc:text()
      sentences = sentences or doc:sentences()
      meta = meta or {}
    end
    local last, c = 0, 1
    while c <= n do
      local si = candidates and candidates[c] or c
      local span = sentences[si]
      ncand = ncand + 1
      local ms, me, caps
      if span then
        local ss, se = span[1], span[2]
        if ss <= last or not st then st = {} end  -- out of order: search afresh
        last = ss
        ms, me, caps = rule._find(text, ss, se, st)
        if not ms then
          if st.done then break end  -- no match in the rest of the document
          if not candidates and st.s then
            -- jump to the sentence holding the next match
            while c < n and sentences[c + 1][2] < st.s do c = c + 1 end
          end
        else
          nmatched = nmatched + 1
          state = state or { doc = doc }
          local ctx = setmetatable({
            _state = state,
            _text = text,
            rule = rule,
            doc = doc,
            meta = meta,
            sentence = si,
            sentence_s = ss,
            sentence_e = se,
            s = ms,
            e = me,
            captures = caps,
            emitted = 0,
          }, Ctx)
          napplied = napplied + 1
          local ok, err = pcall(rule.apply, ctx)
          nemitted = nemitted + ctx.emitted
          if not ok then
            nfailed = nfailed + 1
            warnings = warnings or {}
            warnings[#warnings + 1] = string.format("rule '%s' failed on document '%s', sentence %d: %s",
              rule.name, tostring(meta.id or "?"), si, tostring(err))
          end
        end
      end
      c = c + 1
    end
  end
  -- only documents with warnings enter the weak table (10,000s of clean documents
  -- would otherwise load the collector with ephemeron entries)
  if warnings then doc_warnings[doc] = warnings end
  local k = M.counters
  k.documents = k.documents + 1
  k.candidates = k.candidates + ncand
  k.matched = k.matched + nmatched
  k.applied = k.applied + napplied
  k.emitted = k.emitted + nemitted
  k.failed = k.failed + nfailed
  return warnings or NO_WARNINGS
end

setmetatable(M, { __call = function(_, spec) return M.new(spec) end })

return M
