--- dyadic.report.dot: Graphviz DOT. A digraph with quoted ids, node size by
-- salience, edge colour by net score (red conflict, grey neutral, blue cooperation),
-- penwidth by volume, a dashed edge style for dyads that carry only dependency.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"

local q = util.dot
local fixed = util.fixed

return function(x)
  local m = model.build(x, "dot")
  local name = m.kind == "document" and (m.title or m.id or "document") or "aggregate"
  local maxv, maxs = 0, 0
  for _, d in ipairs(m.dyads) do if d.volume > maxv then maxv = d.volume end end
  for _, a in ipairs(m.actors) do if a.salience > maxs then maxs = a.salience end end
  local out = {}
  out[#out + 1] = ('digraph "%s" {'):format(q(name))
  out[#out + 1] = '  graph [layout=circo, overlap=false, splines=true, fontname="Helvetica"];'
  out[#out + 1] = '  node [shape=circle, style=filled, fillcolor="#f0f0f0", fontname="Helvetica"];'
  out[#out + 1] = '  edge [fontname="Helvetica", fontsize=9];'
  for _, a in ipairs(m.actors) do
    local w = 0.6 + (maxs > 0 and 0.8 * a.salience / maxs or 0)
    out[#out + 1] = ('  "%s" [label="%s", width=%s, tooltip="salience %s, mentions %s"];'):format(
      q(a.code), q(a.code), fixed(w), fixed(a.salience), util.num(a.mentions))
  end
  for _, d in ipairs(m.dyads) do
    local pw = 1 + (maxv > 0 and 5 * d.volume / maxv or 0)
    local style = (d.coop == 0 and d.conflict == 0 and d.dependency ~= 0) and ', style=dashed' or ""
    -- one concatenation per edge ("nil" where string.format's %s would write it)
    out[#out + 1] = '  "' .. q(d.source) .. '" -> "' .. q(d.target) .. '" [color="' .. util.net_colour(d.net)
      .. '", penwidth=' .. fixed(pw) .. ', label="' .. (d.net > 0 and "+" or "") .. fixed(d.net, 1) .. '"'
      .. style .. ', tooltip="net ' .. fixed(d.net) .. ', coop ' .. fixed(d.coop) .. ', conflict '
      .. fixed(d.conflict) .. ', dependency ' .. fixed(d.dependency) .. ', n ' .. (util.num(d.n) or "nil")
      .. '"];'
  end
  out[#out + 1] = '}'
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
