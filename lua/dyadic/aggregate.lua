--- dyadic.aggregate: exact totals over many documents, grouped by period.
--
--   local aggregate = require "dyadic.aggregate"    -- also dyadic.aggregate
--   local agg = aggregate{ by = "month" }        -- "day" | "week" | "month" (default) | "year" | "all"
--   agg:add(doc)                                 -- a dyadic.document (an:analyze(...))
--   agg:add_records(records)                     -- one document's totals computed elsewhere (below)
--   agg:merge(other)                             -- any order, same totals (int64 sums); same `by` only
--   agg:skip(reason [, count])                   -- count skipped documents by reason
--   local s = agg:serialize()                    -- docs/AGGREGATE-FORMAT.md, deterministic bytes
--   local again, err = aggregate.load(s)         -- nil, "line N: message" on malformed input
--   aggregate.merge_all{ agg1, text2, ... }      -- a new aggregate: the sum of aggregates / texts
--   local d = agg:dump()                         -- internal: the arrays as bytes, for another
--   local part, err = aggregate.undump(d)        --   process of the same build (no sort, no
--                                                --   decimal text; not a file format)
--
-- Reading (weights are numbers: micro-units / 1e6; counts are integers):
--   agg.documents, agg.skipped, agg.by
--   agg:dyads{ from =, to =, undirected = false }
--       --> { {period, source, target, n, hedged, coop, conflict, dependency, gsum, wsum, net,
--              sectors = { name = weight }}, ... } sorted by period, source, target;
--           net = gsum / (wsum + 1); undirected sums both directions under source < target
--   agg:series(a, b, { undirected =, from =, to =, fill = false })
--       --> the records of dyad a->b in period order (fill: zero records for the other periods)
--   agg:actors{ from =, to =, by_period = false }
--       --> { {code, mentions, documents, salience, coop, conflict, gsum, wsum, net}, ... }
--           most salient first (with by_period, one record per period and actor, with `period`)
--   agg:periods{ from =, to = }       --> sorted period labels
--   agg:period_documents(period)      --> documents in that period
--   agg:asymmetry(a, b [, period])    --> (dep(a->b) - dep(b->a)) / (sum), nil without dependency
--   agg:skips()                       --> { reason = count }
--   agg:period(date)                  --> the label of the period holding "YYYY-MM-DD"
--   agg:stats()                       --> { dyads, dyad_entries, sector_entries, actor_entries,
--                                           periods, strings, memory }
--   agg:close()                       (also __gc and, on Lua 5.4, __close)
--
-- from / to: "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYY-Www", compared with period labels on
-- their common prefix (a bound keeps every period that overlaps it: by day, to = "2026-02"
-- keeps all of February). By week, dates and months become the ISO week that holds the day
-- (a month's first day for from, last day for to); a week bound on another kind is an error.
-- "undated" is kept only when neither bound is given.
--
-- agg:add_records(records) adds ONE document (documents + 1; each listed actor counts it once):
--   {
--     date = "2026-11-28",                      -- optional; absent: period "undated"
--     dyads = {                                 -- directed; every field but source/target optional
--       { source = "RUS", target = "CHN", n = 3, hedged = 1,           -- counts (integers >= 0)
--         coop = 1.5, conflict = 0, dependency = 2.0, gsum = 4.2, wsum = 1.5,  -- weights
--         sectors = { energy = 1.0, finance = 0.5 } },
--     },
--     actors = {
--       { code = "RUS", mentions = 4, salience = 5.0, coop = 0, conflict = 0, gsum = 0, wsum = 0 },
--     },
--   }
-- Weights are rounded once to micro-units (x 1e6); |weight| must stay below 9e12. gsum is
-- sum(goldstein * |w|) and wsum sum(|w|) over coop/conflict contributions (docs/SCORING.md).
-- Unknown fields raise an error naming them ("dyads[2].colour: unknown field").
--
-- The aggregate itself is the C userdata "dyadic.aggregate" (csrc/lua_aggregate.c);
-- this module is its front door: the constructor, the loader, and the Lua helpers
-- below, which it adds to the userdata's methods.
local core = require "dyadic.core"

local M = {}

local methods = core.aggregate_methods

--- agg:series(a, b, { fill = true, ... }) also returns, with fill, a zero record for each
-- period of the aggregate (in range) where the dyad does not appear.
local c_series = methods.series
function methods.series(self, a, b, opts)
  local fill = false
  local copts = opts
  if type(opts) == "table" and opts.fill ~= nil then
    if type(opts.fill) ~= "boolean" then
      error("bad argument #3 to 'series' (option 'fill' must be a boolean, got " .. type(opts.fill) .. ")", 2)
    end
    fill = opts.fill
    copts = {}
    for k, v in pairs(opts) do
      if k ~= "fill" then copts[k] = v end
    end
  end
  local records = c_series(self, a, b, copts)
  if not fill then return records end
  local periods = self:periods{ from = copts and copts.from, to = copts and copts.to }
  local undirected = copts and copts.undirected
  local source, target = a, b
  if undirected and target < source then source, target = target, source end
  local out, j = {}, 1
  for i = 1, #periods do
    local p = periods[i]
    local r = records[j]
    if r and r.period == p then
      out[i] = r
      j = j + 1
    else
      out[i] = { period = p, source = source, target = target, n = 0, hedged = 0, coop = 0, conflict = 0,
                 dependency = 0, gsum = 0, wsum = 0, net = 0, sectors = {} }
    end
  end
  return out
end

local PERIODS = { day = true, week = true, month = true, year = true, all = true }

-- Check the constructor options here, so that errors name the caller's line and the
-- API function (fname, argument n), never this file or the C binding.
local function check_options(opts, fname, n)
  if opts == nil then return end
  local function bad(msg)
    error(string.format("bad argument #%d to '%s' (%s)", n, fname, msg), 5)
  end
  if type(opts) ~= "table" then bad("table expected, got " .. type(opts)) end
  for k in pairs(opts) do
    if k ~= "by" then bad("unknown option '" .. tostring(k) .. "'") end
  end
  local by = opts.by
  if by ~= nil then
    if type(by) ~= "string" then bad("option 'by' must be a string, got " .. type(by)) end
    if not PERIODS[by] then
      bad("option 'by': unknown period '" .. by .. "': expected day, week, month, year or all")
    end
  end
end

local function new(opts, fname, n)
  check_options(opts, fname, n)
  local agg = core.aggregate_new(opts)
  return agg
end

--- A new, empty aggregate. opts.by: "day" | "week" | "month" (default) | "year" | "all".
function M.new(opts)
  local agg = new(opts, "aggregate", 1)
  return agg
end

--- Rebuild an aggregate from agg:serialize() text: agg, or nil, "line N: message".
function M.load(text)
  if type(text) ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. type(text) .. ")", 2)
  end
  return core.aggregate_load(text)
end

--- Rebuild an aggregate from agg:dump() bytes (same build, same machine): agg, or nil, message.
-- An internal fast path between processes (dyadic corpus -j N); files use serialize / load.
function M.undump(bytes)
  if type(bytes) ~= "string" then
    error("bad argument #1 to 'undump' (string expected, got " .. type(bytes) .. ")", 2)
  end
  return core.aggregate_undump(bytes)
end

--- Merge a list of aggregates (or serialized strings) into a new one.
function M.merge_all(list, opts)
  if type(list) ~= "table" then
    error("bad argument #1 to 'merge_all' (table expected, got " .. type(list) .. ")", 2)
  end
  local result
  for i = 1, #list do
    local part = list[i]
    if type(part) == "string" then
      local loaded, err = core.aggregate_load(part)
      if not loaded then return nil, string.format("part %d: %s", i, err) end
      part = loaded
    end
    if not result then result = core.aggregate_new{ by = part.by } end
    result:merge(part)
  end
  if result then return result end
  result = new(opts, "merge_all", 2)
  return result
end

setmetatable(M, {
  __call = function(_, opts)
    local agg = new(opts, "aggregate", 1)
    return agg
  end,
})

return M
