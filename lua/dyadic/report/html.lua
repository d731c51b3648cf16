--- dyadic.report.html: one self-contained HTML file: inline CSS, inline SVG drawn
-- here in Lua, a few lines of inline script (table filter), no external resource.
--   * network of actors and dyads: circle layout ordered by salience (deterministic),
--     edge colour = net score on a red-grey-blue scale, width = volume, arrowheads on
--     dyads that carry dependency (source depends on target)
--   * aggregate: dyad x period heatmap of net scores, line charts of the top dyads'
--     net score and volume per period
--   * document: per-sentence timeline of cooperation (up) and conflict (down)
--   * tables: actors, dyads, evidence sentences (escaped)
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"

local esc, fixed, num = util.xml, util.fixed, util.num
local cos, sin, pi, max, min, abs, floor = math.cos, math.sin, math.pi, math.max, math.min, math.abs, math.floor

local PALETTE = { "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666" }

local CSS = [[
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#222;
background:#fafafa}
header{background:#263238;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cfd8dc;font-size:13px}
main{padding:12px 24px;max-width:1400px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;margin:12px 0;padding:10px 16px}
h2{font-size:17px;margin:6px 0 10px}
.row{display:flex;flex-wrap:wrap;gap:12px}.row>section{flex:1 1 460px;min-width:0}
svg text{font-size:11px;fill:#333}
svg .node circle{stroke:#37474f;stroke-width:1.5}
svg .node text{font-weight:600;font-size:12px}
svg .edge{fill:none;stroke-linecap:round;opacity:.85}
svg .edge:hover{opacity:1;stroke-dasharray:4 2}
svg .axis{stroke:#999;stroke-width:1}
svg .grid{stroke:#eee;stroke-width:1}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f5f5;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.legend span{display:inline-block;margin-right:12px;font-size:12px}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-2px;margin-right:4px}
.muted{color:#777;font-size:12px}
input[type=search]{width:320px;padding:4px;margin-bottom:6px}
.scroll{max-height:420px;overflow:auto}
]]

local SCRIPT = [[
(function(){
  var box=document.getElementById('evidence-filter');
  if(box){box.addEventListener('input',function(){
    var q=box.value.toLowerCase();
    var rows=document.querySelectorAll('#evidence tbody tr');
    for(var i=0;i<rows.length;i++){
      rows[i].style.display=rows[i].textContent.toLowerCase().indexOf(q)<0?'none':'';
    }
  });}
  var nodes=document.querySelectorAll('#network .node');
  for(var i=0;i<nodes.length;i++){
    nodes[i].addEventListener('mouseenter',function(){
      var c=this.getAttribute('data-code');
      var es=document.querySelectorAll('#network .edge');
      for(var j=0;j<es.length;j++){
        var on=es[j].getAttribute('data-source')===c||es[j].getAttribute('data-target')===c;
        es[j].style.opacity=on?'1':'0.15';
      }
    });
    nodes[i].addEventListener('mouseleave',function(){
      var es=document.querySelectorAll('#network .edge');
      for(var j=0;j<es.length;j++){es[j].style.opacity='';}
    });
  }
  document.documentElement.setAttribute('data-dyadic-report','ready');
})();
]]

local function f1(x) return string.format("%.1f", x) end

-- Network: actors on a circle (most salient at the top, clockwise), dyads as curves
-- bending to their left so that A->B and B->A stay apart.
local function network(out, m, opts)
  local W, H = opts.width or 640, opts.height or 520
  local cx, cy = W / 2, H / 2
  local n = #m.actors
  local R = min(W, H) / 2 - 60
  local maxs, maxv = 0, 0
  for _, a in ipairs(m.actors) do maxs = max(maxs, a.salience) end
  for _, d in ipairs(m.dyads) do maxv = max(maxv, d.volume) end
  local pos = {}
  for i, a in ipairs(m.actors) do
    local ang = -pi / 2 + 2 * pi * (i - 1) / max(n, 1)
    local r = n == 1 and 0 or R
    -- radius by salience, capped so neighbours on the circle do not overlap
    local cap = n > 1 and max(4, 0.45 * 2 * pi * R / n) or 26
    local rad = min(cap, 10 + (maxs > 0 and 16 * math.sqrt(a.salience / maxs) or 0))
    pos[a.code] = { x = cx + r * cos(ang), y = cy + r * sin(ang), r = rad, ang = ang }
  end
  out[#out + 1] = ('<svg id="network" viewBox="0 0 %d %d" width="%d" height="%d" role="img" '
    .. 'aria-label="network of actors and dyads" style="max-width:%dpx;width:100%%;height:auto">'):format(W, H, W, H, W)
  out[#out + 1] = '<defs>'
  -- one arrowhead per colour in use (SVG markers do not inherit the stroke colour)
  local colours = {}
  for _, d in ipairs(m.dyads) do
    if d.dependency ~= 0 then colours[util.net_colour(d.net)] = true end
  end
  local clist = {}
  for c in pairs(colours) do clist[#clist + 1] = c end
  table.sort(clist)
  for _, c in ipairs(clist) do
    out[#out + 1] = ('<marker id="dep%s" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="14" '
      .. 'markerHeight="14" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="%s"/></marker>')
      :format(c:sub(2), c)
  end
  out[#out + 1] = '</defs>'
  out[#out + 1] = '<g class="edges">'
  -- thin edges drawn last so they stay visible on top of thick ones: the model's dyads
  -- come by decreasing volume (by_volume in report/model.lua, for documents and aggregates)
  for _, d in ipairs(m.dyads) do
    local p, q = pos[d.source], pos[d.target]
    if p and q and d.source ~= d.target then
      local dx, dy = q.x - p.x, q.y - p.y
      local len = math.sqrt(dx * dx + dy * dy)
      if len > 0 then
        local ux, uy = dx / len, dy / len
        local x1, y1 = p.x + ux * p.r, p.y + uy * p.r
        local x2, y2 = q.x - ux * (q.r + 2), q.y - uy * (q.r + 2)
        local bend = min(40, len * 0.15)
        local mx, my = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        local colour = util.net_colour(d.net)
        local w = 1 + (maxv > 0 and 6 * d.volume / maxv or 0)
        local marker = d.dependency ~= 0 and (' marker-end="url(#dep%s)"'):format(colour:sub(2)) or ""
        local source, target = esc(d.source), esc(d.target)
        out[#out + 1] = '<path class="edge" data-source="' .. source .. '" data-target="' .. target
          .. '" d="M' .. f1(x1) .. ',' .. f1(y1) .. 'Q' .. f1(mx) .. ',' .. f1(my) .. ' ' .. f1(x2) .. ','
          .. f1(y2) .. '" stroke="' .. colour .. '" stroke-width="' .. f1(w) .. '"' .. marker .. '><title>'
          .. source .. ' → ' .. target .. ': net ' .. fixed(d.net) .. ', coop ' .. fixed(d.coop)
          .. ', conflict ' .. fixed(d.conflict) .. ', dependency ' .. fixed(d.dependency) .. ', '
          .. (num(d.n) or "nil") .. ' sentences</title></path>'
      end
    end
  end
  out[#out + 1] = '</g><g class="nodes">'
  for _, a in ipairs(m.actors) do
    local p = pos[a.code]
    local lx, ly = p.x + cos(p.ang) * (p.r + 12), p.y + sin(p.ang) * (p.r + 12) + 4
    local anchor = abs(cos(p.ang)) < 0.3 and "middle" or (cos(p.ang) > 0 and "start" or "end")
    if n == 1 then lx, ly, anchor = p.x, p.y - p.r - 6, "middle" end
    out[#out + 1] = ('<g class="node" data-code="%s"><circle class="node" cx="%s" cy="%s" r="%s" '
      .. 'fill="#eceff1"/><text x="%s" y="%s" text-anchor="%s">%s</text><title>%s: salience %s, '
      .. 'mentions %s</title></g>'):format(esc(a.code), f1(p.x), f1(p.y), f1(p.r), f1(lx), f1(ly), anchor,
      esc(a.code), esc(a.code), fixed(a.salience), num(a.mentions))
  end
  out[#out + 1] = '</g></svg>'
  out[#out + 1] = '<div class="legend"><span><i class="sw" style="background:#b2182b"></i>conflict</span>'
    .. '<span><i class="sw" style="background:#969696"></i>neutral</span>'
    .. '<span><i class="sw" style="background:#2166ac"></i>cooperation</span>'
    .. '<span>width = volume, arrowhead = dependency (source depends on target)</span></div>'
end

-- Heatmap: top dyads (rows) x periods (columns), cell colour = net score.
local function heatmap(out, m, dyads)
  local periods = m.periods
  local lw, cw, ch, top = 120, max(14, min(60, floor(760 / max(#periods, 1)))), 20, 70
  local W, H = lw + cw * #periods + 10, top + ch * #dyads + 10
  out[#out + 1] = ('<svg id="heatmap" viewBox="0 0 %d %d" width="%d" height="%d" role="img" '
    .. 'aria-label="dyad by period heatmap" style="max-width:%dpx;width:100%%;height:auto">'):format(W, H, W, H, W)
  for j, p in ipairs(periods) do
    local x = lw + (j - 0.5) * cw
    out[#out + 1] = ('<text transform="translate(%s,%d) rotate(-60)">%s</text>'):format(f1(x), top - 4, esc(p))
  end
  for i, d in ipairs(dyads) do
    local y = top + (i - 1) * ch
    out[#out + 1] = ('<text x="%d" y="%s" text-anchor="end">%s → %s</text>'):format(lw - 6, f1(y + ch * 0.7),
      esc(d.source), esc(d.target))
    local s = model.series_of(m, d.source, d.target)
    for j, p in ipairs(periods) do
      local r = s[p]
      local fill = r and util.net_colour(r.net) or "#f4f4f4"
      local tip = r and ("%s → %s %s: net %s, volume %s, %s sentences"):format(d.source, d.target, p,
        fixed(r.net), fixed(r.volume), num(r.n)) or ("%s → %s %s: none"):format(d.source, d.target, p)
      out[#out + 1] = ('<rect class="cell" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#fff">'
        .. '<title>%s</title></rect>'):format(lw + (j - 1) * cw, y, cw, ch, fill, esc(tip))
      if r and cw >= 36 then
        out[#out + 1] = ('<text x="%s" y="%s" text-anchor="middle" style="fill:%s;font-size:10px">%s</text>')
          :format(f1(lw + (j - 0.5) * cw), f1(y + ch * 0.68), abs(r.net) > 2.5 and "#fff" or "#222", fixed(r.net, 1))
      end
    end
  end
  out[#out + 1] = '</svg>'
end

-- Line chart of one field of the top dyads over the periods.
local function line_chart(out, m, dyads, field, label, id)
  local periods = m.periods
  local W, H, l, r, t, b = 560, 260, 46, 10, 12, 50
  local lo, hi = 0, 0
  local series = {}
  for i, d in ipairs(dyads) do
    series[i] = model.series_of(m, d.source, d.target)
    for _, row in pairs(series[i]) do lo, hi = min(lo, row[field]), max(hi, row[field]) end
  end
  if hi == lo then hi = lo + 1 end
  local pw, ph = W - l - r, H - t - b
  local function X(j) return l + (#periods > 1 and (j - 1) * pw / (#periods - 1) or pw / 2) end
  local function Y(v) return t + ph - (v - lo) / (hi - lo) * ph end
  out[#out + 1] = ('<svg id="%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" '
    .. 'style="max-width:%dpx;width:100%%;height:auto">'):format(id, W, H, W, H, esc(label), W)
  for k = 0, 4 do
    local v = lo + (hi - lo) * k / 4
    out[#out + 1] = ('<line class="grid" x1="%d" x2="%d" y1="%s" y2="%s"/><text x="%d" y="%s" '
      .. 'text-anchor="end">%s</text>'):format(l, W - r, f1(Y(v)), f1(Y(v)), l - 4, f1(Y(v) + 4), fixed(v, 1))
  end
  out[#out + 1] = ('<line class="axis" x1="%d" x2="%d" y1="%s" y2="%s"/>'):format(l, W - r, f1(Y(0)), f1(Y(0)))
  local step = max(1, math.ceil(#periods / 12))
  for j, p in ipairs(periods) do
    if (j - 1) % step == 0 then
      out[#out + 1] = ('<text transform="translate(%s,%d) rotate(-40)" text-anchor="end">%s</text>')
        :format(f1(X(j)), H - b + 14, esc(p))
    end
  end
  for i, d in ipairs(dyads) do
    local colour = PALETTE[(i - 1) % #PALETTE + 1]
    -- a period without the dyad has volume 0 but no net score: the net line breaks there
    local segments, pts = {}, {}
    for j, p in ipairs(periods) do
      local row = series[i][p]
      if row or field ~= "net" then
        pts[#pts + 1] = f1(X(j)) .. "," .. f1(Y(row and row[field] or 0))
      elseif #pts > 0 then
        segments[#segments + 1] = pts
        pts = {}
      end
    end
    if #pts > 0 then segments[#segments + 1] = pts end
    for _, seg in ipairs(segments) do
      out[#out + 1] = ('<polyline class="line" fill="none" stroke="%s" stroke-width="2" points="%s">'
        .. '<title>%s → %s</title></polyline>'):format(colour, table.concat(seg, " "), esc(d.source), esc(d.target))
    end
    for j, p in ipairs(periods) do
      local row = series[i][p]
      if row then
        out[#out + 1] = ('<circle cx="%s" cy="%s" r="2.5" fill="%s"><title>%s → %s %s: %s %s</title></circle>')
          :format(f1(X(j)), f1(Y(row[field])), colour, esc(d.source), esc(d.target), esc(p), label, fixed(row[field]))
      end
    end
  end
  out[#out + 1] = '</svg>'
end

local function chart_legend(out, dyads)
  local parts = {}
  for i, d in ipairs(dyads) do
    parts[#parts + 1] = ('<span><i class="sw" style="background:%s"></i>%s → %s</span>')
      :format(PALETTE[(i - 1) % #PALETTE + 1], esc(d.source), esc(d.target))
  end
  out[#out + 1] = '<div class="legend">' .. table.concat(parts) .. '</div>'
end

-- Document timeline: one bar up for cooperation, one down for conflict per sentence,
-- a dot for dependency.
local function timeline(out, m)
  local S = m.sentences
  local W, H, l, r, t, b = 1100, 220, 46, 10, 12, 34
  local hi = 0
  for _, s in ipairs(S) do hi = max(hi, abs(s.coop), abs(s.conflict), abs(s.dependency)) end
  if hi == 0 then hi = 1 end
  local pw, ph = W - l - r, H - t - b
  local bw = pw / max(#S, 1)
  local mid = t + ph / 2
  local function Y(v) return mid - v / hi * (ph / 2) end
  out[#out + 1] = ('<svg id="timeline" viewBox="0 0 %d %d" width="%d" height="%d" role="img" '
    .. 'aria-label="cooperation and conflict per sentence" style="max-width:%dpx;width:100%%;height:auto">')
    :format(W, H, W, H, W)
  out[#out + 1] = ('<line class="grid" x1="%d" x2="%d" y1="%s" y2="%s"/><line class="grid" x1="%d" x2="%d" '
    .. 'y1="%s" y2="%s"/>'):format(l, W - r, f1(Y(hi)), f1(Y(hi)), l, W - r, f1(Y(-hi)), f1(Y(-hi)))
  out[#out + 1] = ('<text x="%d" y="%s" text-anchor="end">+%s</text><text x="%d" y="%s" text-anchor="end">−%s'
    .. '</text>'):format(l - 4, f1(Y(hi) + 4), fixed(hi, 1), l - 4, f1(Y(-hi) + 4), fixed(hi, 1))
  for i, s in ipairs(S) do
    local x = l + (i - 1) * bw
    local w = max(1, bw * 0.8)
    local tip = ("sentence %d: coop %s, conflict %s, dependency %s%s"):format(i, fixed(s.coop),
      fixed(s.conflict), fixed(s.dependency), s.hedged and ", hedged" or "")
    out[#out + 1] = '<g class="sentence"><title>' .. esc(tip) .. '</title>'
    if s.coop ~= 0 then
      local y1, y2 = Y(s.coop), mid
      out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="#2166ac"%s/>'):format(f1(x),
        f1(min(y1, y2)), f1(w), f1(max(abs(y2 - y1), 1)), s.hedged and ' fill-opacity="0.5"' or "")
    end
    if s.conflict ~= 0 then
      local y2 = Y(-abs(s.conflict))
      out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="%s" fill="#b2182b"%s/>'):format(f1(x),
        f1(mid), f1(w), f1(max(y2 - mid, 1)), s.hedged and ' fill-opacity="0.5"' or "")
    end
    if s.dependency ~= 0 then
      out[#out + 1] = ('<circle cx="%s" cy="%s" r="3" fill="#e6ab02"/>'):format(f1(x + w / 2), f1(Y(s.dependency)))
    end
    if s.coop == 0 and s.conflict == 0 and s.dependency == 0 then
      out[#out + 1] = ('<rect x="%s" y="%s" width="%s" height="1" fill="#ccc"/>'):format(f1(x), f1(mid), f1(w))
    end
    out[#out + 1] = '</g>'
  end
  out[#out + 1] = ('<line class="axis" x1="%d" x2="%d" y1="%s" y2="%s"/>'):format(l, W - r, f1(mid), f1(mid))
  local step = max(1, math.ceil(#S / 25))
  for i = 1, #S, step do
    out[#out + 1] = ('<text x="%s" y="%d" text-anchor="middle">%d</text>'):format(f1(l + (i - 0.6) * bw), H - 16, i)
  end
  out[#out + 1] = ('<text x="%s" y="%d" text-anchor="middle">sentence</text>'):format(f1(l + pw / 2), H - 2)
  out[#out + 1] = '</svg>'
  out[#out + 1] = '<div class="legend"><span><i class="sw" style="background:#2166ac"></i>cooperation</span>'
    .. '<span><i class="sw" style="background:#b2182b"></i>conflict</span>'
    .. '<span><i class="sw" style="background:#e6ab02"></i>dependency</span>'
    .. '<span>faded = hedged sentence</span></div>'
end

-- "37%": a share as a whole percentage, the 101 usual ones made once
local PCT = {}
for i = 0, 100 do PCT[i] = string.format("%d%%", i) end
local function pct(share)
  local k = floor(share * 100 + 0.5)
  return PCT[k] or string.format("%d%%", k)
end

local function td(v, numeric)
  if numeric then return '<td class="n">' .. v .. '</td>' end
  return '<td>' .. v .. '</td>'
end

local KNOWN = { title = true, top = true, width = true, height = true }

return function(x, opts)
  local m = model.build(x, "html")
  if opts ~= nil and type(opts) ~= "table" then
    error(("bad argument #2 to 'html' (table expected, got %s)"):format(type(opts)), 2)
  end
  opts = opts or {}
  for k in pairs(opts) do
    if not KNOWN[k] then
      error(("bad argument #2 to 'html' (unknown option '%s')"):format(tostring(k)), 2)
    end
  end
  local title = opts.title or (m.kind == "document" and (m.title or m.id) or "Aggregate report") or "Document report"
  local top = model.top_dyads(m, opts.top or 12)
  local out = {}
  out[#out + 1] = '<!DOCTYPE html>'
  out[#out + 1] = '<html lang="en"><head><meta charset="utf-8">'
  out[#out + 1] = '<meta name="viewport" content="width=device-width, initial-scale=1">'
  out[#out + 1] = '<title>' .. esc(title) .. ' - dyadic report</title>'
  out[#out + 1] = '<style>' .. CSS .. '</style></head><body>'
  out[#out + 1] = '<header><h1>' .. esc(title) .. '</h1><p>'
  if m.kind == "document" then
    local meta = {}
    if m.id then meta[#meta + 1] = "id " .. esc(m.id) end
    if m.date then meta[#meta + 1] = "date " .. esc(m.date) end
    meta[#meta + 1] = m.sentence_count .. " sentences"
    meta[#meta + 1] = #m.actors .. " actors"
    meta[#meta + 1] = #m.dyads .. " directed dyads"
    out[#out + 1] = table.concat(meta, " · ")
  else
    out[#out + 1] = ("%s documents, %s skipped · %d periods%s · %d actors · %d directed dyads"):format(
      num(m.documents), num(m.skipped), #m.periods,
      #m.periods > 0 and (" (" .. esc(m.periods[1]) .. " to " .. esc(m.periods[#m.periods]) .. ")") or "",
      #m.actors, #m.dyads)
  end
  out[#out + 1] = '</p></header><main>'

  out[#out + 1] = '<div class="row"><section><h2>Network</h2>'
  network(out, m, opts)
  out[#out + 1] = '</section><section><h2>Actors</h2><div class="scroll"><table id="actors"><thead><tr>'
    .. '<th>#</th><th>Actor</th><th>Salience</th><th>Mentions</th>'
    .. (m.kind == "aggregate" and '<th>Documents</th>' or '') .. '</tr></thead><tbody>'
  for i, a in ipairs(m.actors) do
    out[#out + 1] = '<tr class="actor">' .. td(i, true) .. td(esc(a.code)) .. td(fixed(a.salience), true)
      .. td(num(a.mentions), true) .. (m.kind == "aggregate" and td(num(a.documents), true) or "") .. '</tr>'
  end
  out[#out + 1] = '</tbody></table></div></section></div>'

  if m.kind == "aggregate" and #m.periods > 0 and #top > 0 then
    out[#out + 1] = '<section><h2>Net score by dyad and period</h2>'
    heatmap(out, m, top)
    out[#out + 1] = '</section>'
    local lines = {}
    for i = 1, min(#top, 6) do lines[i] = top[i] end
    out[#out + 1] = '<div class="row"><section><h2>Net score of the top dyads</h2>'
    line_chart(out, m, lines, "net", "net", "chart-net")
    chart_legend(out, lines)
    out[#out + 1] = '</section><section><h2>Volume of the top dyads</h2>'
    line_chart(out, m, lines, "volume", "volume", "chart-volume")
    chart_legend(out, lines)
    out[#out + 1] = '</section></div>'
  elseif m.kind == "document" and #m.sentences > 0 then
    out[#out + 1] = '<section><h2>Cooperation and conflict through the text</h2>'
    timeline(out, m)
    out[#out + 1] = '</section>'
  end

  out[#out + 1] = '<section><h2>Dyads</h2><div class="scroll"><table id="dyads"><thead><tr><th>Source</th>'
    .. '<th>Target</th><th>Net</th><th>Coop</th><th>Conflict</th><th>Dependency</th><th>Asymmetry</th>'
    .. '<th>Sentences</th><th>Hedged</th><th>Sectors</th></tr></thead><tbody>'
  for _, d in ipairs(m.dyads) do
    local sectors = {}
    local names, ws, ns = model.sector_order(d.sectors)
    for i = 1, min(ns, 4) do sectors[i] = esc(names[i]) .. " " .. fixed(ws[i]) end
    -- one concatenation per row (the cells as td() writes them)
    out[#out + 1] = '<tr><td>' .. esc(d.source) .. '</td><td>' .. esc(d.target)
      .. '</td><td class="n" style="color:' .. util.net_colour(d.net) .. '">' .. fixed(d.net)
      .. '</td><td class="n">' .. fixed(d.coop) .. '</td><td class="n">' .. fixed(d.conflict)
      .. '</td><td class="n">' .. fixed(d.dependency) .. '</td><td class="n">'
      .. (d.asymmetry and fixed(d.asymmetry) or "") .. '</td><td class="n">' .. (num(d.n) or "nil")
      .. '</td><td class="n">' .. pct(d.hedged_share) .. '</td><td>' .. table.concat(sectors, ", ")
      .. '</td></tr>'
  end
  out[#out + 1] = '</tbody></table></div></section>'

  out[#out + 1] = '<section><h2>Evidence</h2>'
  if #m.evidence > 0 then
    out[#out + 1] = '<input type="search" id="evidence-filter" placeholder="filter sentences">'
    out[#out + 1] = '<div class="scroll"><table id="evidence"><thead><tr><th>Sentence</th><th>Dyad</th>'
      .. '<th>Coop</th><th>Conflict</th><th>Dependency</th><th>Flags</th><th>Text</th></tr></thead><tbody>'
    for _, e in ipairs(m.evidence) do
      local flags = {}
      if e.hedged then flags[#flags + 1] = "hedged" end
      if e.negated then flags[#flags + 1] = "negated" end
      if e.rule then flags[#flags + 1] = "rule " .. esc(e.rule) end
      if e.note then flags[#flags + 1] = esc(e.note) end
      out[#out + 1] = '<tr>' .. td(num(e.sentence), true) .. td(esc(e.source) .. " → " .. esc(e.target))
        .. td(fixed(e.coop), true) .. td(fixed(e.conflict), true) .. td(fixed(e.dependency), true)
        .. td(table.concat(flags, ", ")) .. td(esc(e.text)) .. '</tr>'
    end
    out[#out + 1] = '</tbody></table></div>'
  elseif m.kind == "aggregate" then
    out[#out + 1] = '<p class="muted">An aggregate keeps sums, not sentences: open a document report '
      .. 'for the evidence behind a number.</p>'
  else
    out[#out + 1] = '<p class="muted">No evidence sentences.</p>'
  end
  out[#out + 1] = '</section>'
  out[#out + 1] = '<p class="muted">Generated by dyadic. Net: Goldstein-weighted mean of cooperation and '
    .. 'conflict cues (−10 to +10); volume = |coop| + |conflict| + |dependency|; asymmetry (A→B) positive '
    .. 'when A depends on B.</p>'
  out[#out + 1] = '</main><script>' .. SCRIPT .. '</script></body></html>'
  out[#out + 1] = ""  -- the last line's end, without copying the whole text once more
  return table.concat(out, "\n")
end
