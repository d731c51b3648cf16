--- dyadic.analyzer: a lexicon (and optional rules) bound together to analyse documents.
--
--   local an  = require("dyadic.analyzer").new{ lexicon = lex, rules = { ... } }
--   local doc = an:analyze(text, { id = "op-ed-1", date = "2026-11-28", title = "..." })
--
-- The C pass (core.analyze) scores the text (docs/SCORING.md); rules, when given, run
-- afterwards through dyadic.rule.apply and add their contributions to the document.
local core = require "dyadic.core"
local is_date = require("dyadic.util").is_date

local M = {}

local Analyzer = {}
Analyzer.__index = Analyzer

local new_options = { lexicon = true, rules = true, scoring = true }
local meta_fields = { id = true, date = true, title = true }

local function argerror(n, fname, msg, level)
  error(string.format("bad argument #%d to '%s' (%s)", n, fname, msg), (level or 1) + 1)
end

--- Create an analyzer. opts.lexicon defaults to the shipped lexicon; opts.rules is a
-- list of rules (dyadic.rule objects or specs); opts.scoring overrides model factors
-- (negation, contrast_before, contrast_after, hedge, mutual, goldstein_k, k_coop, k_conflict,
-- lead_bonus, title_bonus, negation_window, intensifier_window, passive_window, mutual_window,
-- and the extensions carry, topic and ellipsis_window; docs/SCORING.md). Unknown names raise.
function M.new(opts)
  if opts ~= nil and type(opts) ~= "table" then
    argerror(1, "analyzer", "table expected, got " .. type(opts), 2)
  end
  opts = opts or {}
  for k in pairs(opts) do
    if not new_options[k] then argerror(1, "analyzer", "unknown option '" .. tostring(k) .. "'", 2) end
  end
  local lex = opts.lexicon
  if lex == nil then lex = require("dyadic.lexicon").default() end
  if type(lex) ~= "userdata" and type(lex) ~= "table" then
    argerror(1, "analyzer", "option 'lexicon' must be a lexicon, got " .. type(lex), 2)
  end
  -- a Lua-side lexicon object may wrap the C userdata
  local ud = lex
  if type(lex) == "table" then ud = lex._ud or lex.ud end
  if type(ud) ~= "userdata" then argerror(1, "analyzer", "option 'lexicon' must be a lexicon", 2) end
  local rules = opts.rules
  if rules ~= nil and type(rules) ~= "table" then
    argerror(1, "analyzer", "option 'rules' must be a list of rules, got " .. type(rules), 2)
  end
  if rules and #rules > 0 then
    local rule = require "dyadic.rule"
    if rule.compile then rules = rule.compile(rules) end
  end
  local scoring = opts.scoring
  if scoring ~= nil and type(scoring) ~= "table" then
    argerror(1, "analyzer", "option 'scoring' must be a table, got " .. type(scoring), 2)
  end
  return setmetatable({ lexicon = lex, _ud = ud, rules = rules, scoring = scoring, documents = 0 }, Analyzer)
end

--- Analyse one text. meta: { id = string, date = "YYYY-MM-DD", title = string } (all optional).
-- A malformed date raises an error naming the document.
function Analyzer:analyze(text, meta)
  if type(text) ~= "string" then argerror(1, "analyze", "string expected, got " .. type(text), 2) end
  if meta ~= nil and type(meta) ~= "table" then argerror(2, "analyze", "table expected, got " .. type(meta), 2) end
  meta = meta or {}
  for k in pairs(meta) do
    if not meta_fields[k] then argerror(2, "analyze", "unknown field '" .. tostring(k) .. "'", 2) end
  end
  local id, date, title = meta.id, meta.date, meta.title
  if id ~= nil and type(id) ~= "string" and type(id) ~= "number" then
    argerror(2, "analyze", "field 'id' must be a string, got " .. type(id), 2)
  end
  if id ~= nil then id = tostring(id) end
  if title ~= nil and type(title) ~= "string" then
    argerror(2, "analyze", "field 'title' must be a string, got " .. type(title), 2)
  end
  if date ~= nil then
    if type(date) ~= "string" or not is_date(date) then
      error(string.format("document '%s': malformed date '%s'", id or "?", tostring(date)), 2)
    end
  end
  local options = { id = id, scoring = self.scoring }
  local doc = core.analyze(self._ud, text, date, title, options)
  self.documents = self.documents + 1
  local rules = self.rules
  if rules and #rules > 0 then
    require("dyadic.rule").apply(rules, doc, { id = id, date = date, title = title })
  end
  return doc
end

function Analyzer:__tostring()
  local n = self.rules and #self.rules or 0
  return string.format("dyadic.analyzer: %d lexicon entries, %d rules, %d documents analysed",
    #self.lexicon, n, self.documents)
end

M.Analyzer = Analyzer

return M
