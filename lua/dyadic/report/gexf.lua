--- dyadic.report.gexf: GEXF 1.3 (http://gexf.net/1.3) for Gephi. Nodes are actors
-- (salience, mentions, documents), edges the directed dyads with weight = volume and
-- net, coop, conflict, dependency, asymmetry, n, hedged attributes. An aggregate with
-- dated periods gives mode="dynamic", timeformat="date": every edge carries one spell
-- per period it is present in and per-period attribute values (including "weight"),
-- and every node the spells of its edges, so Gephi's timeline plays the network.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"

local esc, num = util.xml, util.num

local function attr(out, indent, id, title, typ)
  out[#out + 1] = ('%s<attribute id="%s" title="%s" type="%s"/>'):format(indent, id, title, typ)
end

local EDGE_ATTRS = { "net", "coop", "conflict", "dependency", "asymmetry", "n", "hedged", "top_sector" }
local EDGE_TYPES = { net = "double", coop = "double", conflict = "double", dependency = "double",
                     asymmetry = "double", n = "integer", hedged = "integer", top_sector = "string" }

local function top_sector(d)
  return model.top_sector(d.sectors)
end

local function value_of(d, k)
  if k == "top_sector" then return top_sector(d) end
  return d[k]
end

local function attvalue(out, indent, k, v, s, e)
  if v == nil then return end
  local text = type(v) == "number" and num(v) or esc(v)
  if not text then return end
  if s then
    out[#out + 1] = ('%s<attvalue for="%s" value="%s" start="%s" end="%s"/>'):format(indent, k, text, s, e)
  else
    out[#out + 1] = ('%s<attvalue for="%s" value="%s"/>'):format(indent, k, text)
  end
end

-- The dynamic edges' attvalues, one line per attribute and period: the text before the
-- value is one string per attribute, the text after it one per period, and each
-- string value escaped once.
local DYN_INDENT = "          "
local function dyn_prefix(k) return DYN_INDENT .. '<attvalue for="' .. k .. '" value="' end
local DYN_WEIGHT = dyn_prefix("weight")
local DYN_KEYS, DYN_PREFIX = {}, {}
for _, k in ipairs(EDGE_ATTRS) do
  if k ~= "asymmetry" then
    DYN_KEYS[#DYN_KEYS + 1] = k
    DYN_PREFIX[#DYN_PREFIX + 1] = dyn_prefix(k)
  end
end

return function(x)
  local m = model.build(x, "gexf")
  local ranges, dynamic = {}, false
  if m.kind == "aggregate" then
    for _, p in ipairs(m.periods) do
      local s, e = util.period_range(p)
      if s then ranges[p] = { s, e }; dynamic = true end
    end
  end

  local out = {}
  out[#out + 1] = '<?xml version="1.0" encoding="UTF-8"?>'
  out[#out + 1] = '<gexf xmlns="http://gexf.net/1.3"'
    .. ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    .. ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">'
  local meta = '  <meta'
  if m.kind == "document" and m.date and m.date:match("^%d%d%d%d%-%d%d%-%d%d$") then
    meta = meta .. ' lastmodifieddate="' .. m.date .. '"'
  end
  out[#out + 1] = meta .. '>'
  out[#out + 1] = '    <creator>dyadic</creator>'
  local desc
  if m.kind == "document" then
    desc = "dyads of document " .. (m.title or m.id or "")
  else
    desc = ("dyads of %s documents over %d periods"):format(num(m.documents), #m.periods)
  end
  out[#out + 1] = '    <description>' .. esc(desc) .. '</description>'
  out[#out + 1] = '  </meta>'
  if dynamic then
    out[#out + 1] = '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date"'
      .. ' timerepresentation="interval">'
  else
    out[#out + 1] = '  <graph mode="static" defaultedgetype="directed">'
  end
  out[#out + 1] = '    <attributes class="node" mode="static">'
  attr(out, "      ", "salience", "salience", "double")
  attr(out, "      ", "mentions", "mentions", "integer")
  attr(out, "      ", "documents", "documents", "integer")
  out[#out + 1] = '    </attributes>'
  out[#out + 1] = '    <attributes class="edge" mode="' .. (dynamic and "dynamic" or "static") .. '">'
  if dynamic then attr(out, "      ", "weight", "Weight", "double") end
  for _, k in ipairs(EDGE_ATTRS) do attr(out, "      ", k, k, EDGE_TYPES[k]) end
  out[#out + 1] = '    </attributes>'

  -- per-dyad series (series[source][target]) and node spells (dynamic only)
  local node_periods = {}
  local series = {}
  if dynamic then
    for _, r in ipairs(m.series) do
      local source, target = r.source, r.target
      local by_source = series[source]
      if not by_source then by_source = {}; series[source] = by_source end
      local list = by_source[target]
      if not list then list = {}; by_source[target] = list end
      list[#list + 1] = r
      if ranges[r.period] then
        local set = node_periods[source]
        if not set then set = {}; node_periods[source] = set end
        set[r.period] = true
        set = node_periods[target]
        if not set then set = {}; node_periods[target] = set end
        set[r.period] = true
      end
    end
  end
  -- '" start="S" end="E"/>' of each dated period
  local tails = {}
  for p, rg in pairs(ranges) do tails[p] = '" start="' .. rg[1] .. '" end="' .. rg[2] .. '"/>' end
  local esc_once = util.once(esc)  -- codes and labels recur on every edge

  local function spells(indent, set)
    local list = {}
    for _, p in ipairs(m.periods) do
      if set[p] and ranges[p] then list[#list + 1] = p end
    end
    if #list == 0 then return end
    out[#out + 1] = indent .. '<spells>'
    for _, p in ipairs(list) do
      out[#out + 1] = ('%s  <spell start="%s" end="%s"/>'):format(indent, ranges[p][1], ranges[p][2])
    end
    out[#out + 1] = indent .. '</spells>'
  end

  -- each period's place in m.periods, and its spell line in an edge
  local period_rank, edge_spell = {}, {}
  for i, p in ipairs(m.periods) do
    if not period_rank[p] then period_rank[p] = i end
    local rg = ranges[p]
    if rg then edge_spell[p] = ('%s  <spell start="%s" end="%s"/>'):format("        ", rg[1], rg[2]) end
  end

  out[#out + 1] = '    <nodes>'
  for _, a in ipairs(m.actors) do
    out[#out + 1] = ('      <node id="%s" label="%s">'):format(esc(a.code), esc(a.code))
    out[#out + 1] = '        <attvalues>'
    attvalue(out, "          ", "salience", a.salience)
    attvalue(out, "          ", "mentions", a.mentions)
    attvalue(out, "          ", "documents", a.documents)
    out[#out + 1] = '        </attvalues>'
    if dynamic and node_periods[a.code] then spells("        ", node_periods[a.code]) end
    out[#out + 1] = '      </node>'
  end
  out[#out + 1] = '    </nodes>'

  out[#out + 1] = '    <edges>'
  for i, d in ipairs(m.dyads) do
    out[#out + 1] = ('      <edge id="e%d" source="%s" target="%s" weight="%s">'):format(
      i, esc_once(d.source), esc_once(d.target), num(d.volume) or "0")
    out[#out + 1] = '        <attvalues>'
    local rows = series[d.source]
    rows = rows and rows[d.target]
    if dynamic and rows then
      for _, r in ipairs(rows) do
        local tail = tails[r.period]
        if tail then
          local v = r.volume
          -- as attvalue: a number without a shortest form (inf) is written as esc gives it
          local text
          if v ~= nil then
            if type(v) == "number" then text = num(v) or esc_once(v) else text = esc_once(v) end
            if text then out[#out + 1] = DYN_WEIGHT .. text .. tail end
          end
          for j, k in ipairs(DYN_KEYS) do
            if k == "top_sector" then v = top_sector(r) else v = r[k] end
            if v ~= nil then
              if type(v) == "number" then text = num(v) or esc_once(v) else text = esc_once(v) end
              if text then out[#out + 1] = DYN_PREFIX[j] .. text .. tail end
            end
          end
        end
      end
      attvalue(out, "          ", "asymmetry", d.asymmetry)
    else
      for _, k in ipairs(EDGE_ATTRS) do attvalue(out, "          ", k, value_of(d, k)) end
    end
    out[#out + 1] = '        </attvalues>'
    if dynamic and rows then
      -- the rows come in period order, each period once (the model's series): their
      -- dated periods are the spells, as spells() would list them; otherwise spells()
      local ordered, last = true, 0
      for _, r in ipairs(rows) do
        local k = period_rank[r.period]
        if not k or k <= last then ordered = false; break end
        last = k
      end
      if ordered then
        local open = false
        for _, r in ipairs(rows) do
          local line = edge_spell[r.period]
          if line then
            if not open then out[#out + 1] = '        <spells>'; open = true end
            out[#out + 1] = line
          end
        end
        if open then out[#out + 1] = '        </spells>' end
      else
        local set = {}
        for _, r in ipairs(rows) do set[r.period] = true end
        spells("        ", set)
      end
    end
    out[#out + 1] = '      </edge>'
  end
  out[#out + 1] = '    </edges>'
  out[#out + 1] = '  </graph>'
  out[#out + 1] = '</gexf>'
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
