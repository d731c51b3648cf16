--- dyadic.report.tables: the flat tables that the CSV and JSON Lines writers share.
-- Each table is a list of columns and a list of rows (plain values: string, number,
-- boolean or nil). docs/REPORTS.md documents every column.
local model = require "dyadic.report.model"
local util = require "dyadic.report.util"

local tables = {}

tables.names = { "dyads", "series", "actors", "mentions", "evidence", "sentences" }

local num, sector_order = util.num, model.sector_order
local concat = table.concat

-- The top sector's name and "name:w;name:w..." heaviest first (one sorted list for both).
local function sector_columns(sectors)
  local k1, w1
  if sectors then k1, w1 = next(sectors) end
  if k1 == nil then return nil, "" end
  if next(sectors, k1) == nil then return k1, k1 .. ":" .. num(w1) end
  local names, ws, n = sector_order(sectors)
  local parts = {}
  for i = 1, n do parts[i] = names[i] .. ":" .. num(ws[i]) end
  return names[1], concat(parts, ";")
end

local dyad_columns = { "source", "target", "n", "coop", "conflict", "dependency", "net", "volume",
                       "hedged", "hedged_share", "asymmetry", "top_sector", "sectors" }

local builders = {}

-- The dyads, series and actors rows are lists in column order (positional: see
-- tables.get); the document tables are the model's own records.
function builders.dyads(m)
  local cols = { "source", "target", "periods" }
  for i = 3, #dyad_columns do cols[#cols + 1] = dyad_columns[i] end
  local rows = {}
  for i, d in ipairs(m.dyads) do
    local top, text = sector_columns(d.sectors)
    rows[i] = { d.source, d.target, d.periods, d.n, d.coop, d.conflict, d.dependency, d.net, d.volume,
                d.hedged, d.hedged_share, d.asymmetry, top, text }
  end
  return cols, rows, true
end

function builders.series(m)
  local cols = { "period", "start", "end" }
  for _, c in ipairs(dyad_columns) do cols[#cols + 1] = c end
  -- asymmetry of each period's pair (dep[period][source][target])
  local dep = {}
  for _, r in ipairs(m.series) do
    local p = dep[r.period]
    if not p then p = {}; dep[r.period] = p end
    local s = p[r.source]
    if not s then s = {}; p[r.source] = s end
    s[r.target] = r.dependency
  end
  local rows, ranges = {}, {}
  for i, r in ipairs(m.series) do
    local period, dependency = r.period, r.dependency
    local back = dep[period][r.target]
    back = back and back[r.source] or 0
    local asym
    if dependency + back ~= 0 then asym = (dependency - back) / (dependency + back) end
    local range = ranges[period]  -- a few periods, thousands of rows
    if not range then
      range = { util.period_range(period) }
      ranges[period] = range
    end
    local top, text = sector_columns(r.sectors)
    rows[i] = { period, range[1], range[2], r.source, r.target, r.n, r.coop, r.conflict, dependency,
                r.net, r.volume, r.hedged, r.hedged_share, asym, top, text }
  end
  return cols, rows, true
end

function builders.actors(m)
  local cols = { "rank", "code", "salience", "mentions", "documents", "first",
                 "out_volume", "in_volume", "out_dependency", "in_dependency" }
  local flow = {}
  for _, a in ipairs(m.actors) do flow[a.code] = { ov = 0, iv = 0, od = 0, id = 0 } end
  for _, d in ipairs(m.dyads) do
    local s, t = flow[d.source], flow[d.target]
    if s then s.ov = s.ov + d.volume; s.od = s.od + d.dependency end
    if t then t.iv = t.iv + d.volume; t.id = t.id + d.dependency end
  end
  local rows = {}
  for i, a in ipairs(m.actors) do
    local f = flow[a.code]
    rows[i] = { i, a.code, a.salience, a.mentions, a.documents, a.first, f.ov, f.iv, f.od, f.id }
  end
  return cols, rows, true
end

function builders.mentions(m)
  return { "sentence", "s", "e", "term", "code", "type", "role" }, m.mentions
end

function builders.evidence(m)
  return { "source", "target", "sentence", "s", "e", "coop", "conflict", "dependency",
           "hedged", "negated", "mutual", "cue", "category", "sector", "rule", "note", "text" }, m.evidence
end

function builders.sentences(m)
  return { "sentence", "s", "e", "coop", "conflict", "dependency", "hedged", "dyads" }, m.sentences
end

-- The tables an aggregate has (it keeps sums, not sentences or mentions).
tables.aggregate_names = { "dyads", "series", "actors" }
local aggregate_has = { dyads = true, series = true, actors = true }

--- The table names model m has.
function tables.names_of(m)
  return m.kind == "aggregate" and tables.aggregate_names or tables.names
end

--- Columns and rows of table `name` of model `m`, and whether each row is a list in
-- column order (positional; otherwise a record keyed by column name); raises naming argument `arg` of
-- function `fname` for an unknown name, or a document-only table of an aggregate.
function tables.get(m, name, fname, arg)
  local b = builders[name]
  if not b then
    error(("bad argument #%d to '%s' (table name expected: %s; got %s)")
      :format(arg or 2, fname or "report", table.concat(tables.names, ", "), tostring(name)), 3)
  end
  if m.kind == "aggregate" and not aggregate_has[name] then
    error(("bad argument #%d to '%s' (an aggregate has no table '%s' (document only): expected %s)")
      :format(arg or 2, fname or "report", name, table.concat(tables.aggregate_names, ", ")), 3)
  end
  return b(m)
end

return tables
