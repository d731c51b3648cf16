--- dyadic.report.graphml: GraphML (http://graphml.graphdrawing.org/xmlns). Key
-- declarations for every attribute, a directed graph, one node per actor and one
-- edge per directed dyad with its totals (for an aggregate, over all periods, with
-- the first and last period the dyad appears in).
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"

local esc, num = util.xml, util.num

local NODE_KEYS = { { "salience", "double" }, { "mentions", "int" }, { "documents", "int" } }
local EDGE_KEYS = { { "weight", "double" }, { "net", "double" }, { "coop", "double" },
                    { "conflict", "double" }, { "dependency", "double" }, { "asymmetry", "double" },
                    { "n", "int" }, { "hedged", "int" }, { "sectors", "string" },
                    { "first_period", "string" }, { "last_period", "string" } }

local sector_order = model.sector_order
-- '      <data key="e_weight">' ... in EDGE_KEYS order
local EDGE_OPEN = {}
for i, k in ipairs(EDGE_KEYS) do EDGE_OPEN[i] = '      <data key="e_' .. k[1] .. '">' end

local function data(out, key, v)
  if v == nil then return end
  local text = type(v) == "number" and num(v) or esc(v)
  if text then out[#out + 1] = ('      <data key="%s">%s</data>'):format(key, text) end
end

return function(x)
  local m = model.build(x, "graphml")
  -- first and last period of each pair: first[source][target]
  local first, last = {}, {}
  if m.kind == "aggregate" then
    for _, r in ipairs(m.series) do
      local source, target, p = r.source, r.target, r.period
      local f, l = first[source], last[source]
      if not f then f, l = {}, {}; first[source], last[source] = f, l end
      local fp, lp = f[target], l[target]
      if not fp or p < fp then f[target] = p end
      if not lp or p > lp then l[target] = p end
    end
  end
  local esc_once = util.once(esc)  -- codes and labels recur on every edge
  local out = {}
  out[#out + 1] = '<?xml version="1.0" encoding="UTF-8"?>'
  out[#out + 1] = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
    .. ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    .. ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    .. ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
  for _, k in ipairs(NODE_KEYS) do
    out[#out + 1] = ('  <key id="n_%s" for="node" attr.name="%s" attr.type="%s"/>'):format(k[1], k[1], k[2])
  end
  for _, k in ipairs(EDGE_KEYS) do
    out[#out + 1] = ('  <key id="e_%s" for="edge" attr.name="%s" attr.type="%s"/>'):format(k[1], k[1], k[2])
  end
  local gid = m.kind == "document" and (m.id or "document") or "aggregate"
  out[#out + 1] = ('  <graph id="%s" edgedefault="directed">'):format(esc(gid))
  for _, a in ipairs(m.actors) do
    out[#out + 1] = ('    <node id="%s">'):format(esc(a.code))
    data(out, "n_salience", a.salience)
    data(out, "n_mentions", a.mentions)
    data(out, "n_documents", a.documents)
    out[#out + 1] = '    </node>'
  end
  for i, d in ipairs(m.dyads) do
    local source, target = d.source, d.target
    out[#out + 1] = ('    <edge id="e%d" source="%s" target="%s" directed="true">'):format(
      i, esc_once(source), esc_once(target))
    local names, ws, ns = sector_order(d.sectors)
    local sectors
    if ns > 0 then
      local parts = {}
      for j = 1, ns do parts[j] = names[j] .. ":" .. num(ws[j]) end
      sectors = table.concat(parts, ";")
    end
    local f, l = first[source], last[source]
    local values = { d.volume, d.net, d.coop, d.conflict, d.dependency, d.asymmetry, d.n, d.hedged,
                     sectors, f and f[target], l and l[target] }
    for j = 1, #EDGE_KEYS do
      local v = values[j]
      if v ~= nil then
        local text
        if type(v) == "number" then text = num(v) or esc(v) else text = esc_once(v) end
        if text then out[#out + 1] = EDGE_OPEN[j] .. text .. "</data>" end
      end
    end
    out[#out + 1] = '    </edge>'
  end
  out[#out + 1] = '  </graph>'
  out[#out + 1] = '</graphml>'
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
