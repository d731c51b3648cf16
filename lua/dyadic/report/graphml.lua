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

local function data(out, key, v)
  if v == nil then return end
  local text = type(v) == "number" and num(v) or esc(v)
  if text then out[#out + 1] = ('      <data key="%s">%s</data>'):format(key, text) end
end

return function(x)
  local m = model.build(x, "graphml")
  local first, last = {}, {}
  if m.kind == "aggregate" then
    for _, r in ipairs(m.series) do
      local key = r.source .. "\0" .. r.target
      if not first[key] or r.period < first[key] then first[key] = r.period end
      if not last[key] or r.period > last[key] then last[key] = r.period end
    end
  end
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
    out[#out + 1] = ('    <edge id="e%d" source="%s" target="%s" directed="true">'):format(
      i, esc(d.source), esc(d.target))
    local sectors = {}
    for _, s in ipairs(model.sector_list(d.sectors)) do sectors[#sectors + 1] = s.name .. ":" .. num(s.w) end
    local key = d.source .. "\0" .. d.target
    local values = { weight = d.volume, net = d.net, coop = d.coop, conflict = d.conflict,
                     dependency = d.dependency, asymmetry = d.asymmetry, n = d.n, hedged = d.hedged,
                     sectors = #sectors > 0 and table.concat(sectors, ";") or nil,
                     first_period = first[key], last_period = last[key] }
    for _, k in ipairs(EDGE_KEYS) do data(out, "e_" .. k[1], values[k[1]]) end
    out[#out + 1] = '    </edge>'
  end
  out[#out + 1] = '  </graph>'
  out[#out + 1] = '</graphml>'
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
