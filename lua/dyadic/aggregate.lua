--- dyadic.aggregate: exact totals over many documents, grouped by period.
--
--   local aggregate = require "dyadic.aggregate"
--   local agg = aggregate{ by = "month" }        -- "day" | "week" | "month" | "year" | "all"
--   agg:add(doc)                                 -- a dyadic.document
--   agg:add_records{ date = "2026-11-28", dyads = {...}, actors = {...} }  -- totals from elsewhere
--   agg:merge(other)                             -- any order, same totals (int64 sums)
--   local s = agg:serialize()                    -- docs/AGGREGATE-FORMAT.md
--   local again, err = aggregate.load(s)         -- nil, "line N: message" on malformed input
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

--- A new, empty aggregate. opts.by: "day" | "week" | "month" (default) | "year" | "all".
function M.new(opts)
  return core.aggregate_new(opts)
end

--- Rebuild an aggregate from agg:serialize() text: agg, or nil, "line N: message".
function M.load(text)
  if type(text) ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. type(text) .. ")", 2)
  end
  return core.aggregate_load(text)
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
  return result or core.aggregate_new(opts)
end

setmetatable(M, {
  __call = function(_, opts) return core.aggregate_new(opts) end,
})

return M
