--- dyadic in LÖVE 11.x: the actor network of one text.
--
--   love examples/love                     the bundled sample.txt
--   love examples/love path/to/text.txt    any UTF-8 text file
--   love examples/love --smoke-test [--screenshot out.png] [text]
--                                          load, analyse, click the strongest edge, draw one frame,
--                                          print "dyadic smoke test: ..." and exit 0 (1 on any error)
--
-- Nodes are actors (area ~ salience); an edge joins two actors that share sentences, its colour is
-- the pair's net score (green cooperative, red conflictual, grey neutral) and its width the number
-- of sentences. Click an edge to read its strongest evidence sentence, click a node for the actor,
-- drag a node to move it; Esc quits.
--
-- The module is loaded from the repository this example lives in: <root>/lua through package.path,
-- and the LuaJIT build <root>/build/luajit/dyadic/core.so through package.cpath (LÖVE's own
-- require only sees the game directory and cannot load C modules from outside the save directory).

-- Parse the command line first: the error handler needs to know whether this is a smoke test.
local options = { smoke = false, screenshot = nil, text = nil }
do
  local args = arg or {} -- arg[1] is the game directory, the game's own arguments follow
  local i = 2
  while i <= #args do
    local a = args[i]
    if a == "--smoke-test" then
      options.smoke = true
    elseif a == "--screenshot" then
      options.screenshot = args[i + 1]
      i = i + 1
    elseif a:sub(1, 2) ~= "--" then
      options.text = a
    end
    i = i + 1
  end
end

local default_errorhandler = love.errorhandler or love.errhand
function love.errorhandler(msg)
  if options.smoke then
    io.stderr:write("dyadic smoke test: FAILED: ", tostring(msg), "\n", debug.traceback("", 2), "\n")
    io.stderr:flush()
    return function() return 1 end
  end
  return default_errorhandler(msg)
end

local dyadic
local root
local view = {
  doc = nil, title = "", actors = {}, edges = {}, nodes = {}, by_code = {},
  selected = nil, selected_node = nil, hover = nil, dragging = nil, status = "",
}
local fonts = {}
local PANEL_H = 150
local NODE_COLOUR = { 0.22, 0.36, 0.62 }
local check_frame -- the smoke test's frame check, defined after the drawing functions
local MARGIN = 60
local smoke = { frames = 0, shot = nil, started = 0, line = nil }

--- <root> of the repository: this game directory is <root>/examples/love.
local function find_root()
  local source = love.filesystem.getSource()
  if source:sub(1, 1) ~= "/" and not source:match("^%a:[/\\]") then
    source = (os.getenv("PWD") or ".") .. "/" .. source
  end
  source = source:gsub("[/\\]+$", "")
  local r = source:match("^(.*)[/\\]examples[/\\]love$")
  if not r then error("cannot find the dyadic repository from the game directory " .. source) end
  return r
end

local function load_dyadic()
  root = find_root()
  package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
  package.cpath = root .. "/build/luajit/?.so;" .. package.cpath
  local ok, mod = pcall(require, "dyadic")
  if not ok then
    error("cannot load dyadic (run `make` in " .. root .. " to build build/luajit/dyadic/core.so):\n" .. mod, 0)
  end
  return mod
end

local function read_text(path)
  if path then
    local f, err = io.open(path, "rb")
    if not f then error("cannot open " .. tostring(err), 0) end
    local text = f:read("*a")
    f:close()
    return text, path
  end
  local text = love.filesystem.read("sample.txt")
  if not text then error("examples/love/sample.txt is missing", 0) end
  return text, "sample.txt"
end

--- Evidence of a pair in both directions, strongest first (|coop| + |conflict| + |dependency|).
local function strongest_evidence(doc, a, b)
  local best, best_w
  for _, dir in ipairs{ { a, b }, { b, a } } do
    for _, ev in ipairs(doc:evidence(dir[1], dir[2])) do
      local w = math.abs(ev.coop or 0) + math.abs(ev.conflict or 0) + math.abs(ev.dependency or 0)
      if not best_w or w > best_w or (w == best_w and ev.s < best.s) then best, best_w = ev, w end
    end
  end
  return best, best_w
end

--- A deterministic force-directed layout (Fruchterman-Reingold) in the unit square. Actors with no
-- edge take no part in it: they sit in a row along the bottom.
local function layout(all_nodes, edges)
  local linked = {}
  for _, e in ipairs(edges) do linked[e.a], linked[e.b] = true, true end
  local nodes, isolated = {}, {}
  for _, node in ipairs(all_nodes) do
    if linked[node] then nodes[#nodes + 1] = node else isolated[#isolated + 1] = node end
  end
  local n = #nodes
  for i, node in ipairs(nodes) do
    local angle = 2 * math.pi * (i - 1) / math.max(n, 1)
    node.x, node.y = 0.5 + 0.35 * math.cos(angle), 0.5 + 0.35 * math.sin(angle)
  end
  local k = math.sqrt(1 / math.max(n, 1)) * 0.8
  local temp = 0.1
  for _ = 1, (n >= 2) and 300 or 0 do
    for _, v in ipairs(nodes) do v.dx, v.dy = 0, 0 end
    for i = 1, n do
      for j = i + 1, n do
        local u, v = nodes[i], nodes[j]
        local dx, dy = u.x - v.x, u.y - v.y
        local d = math.max(math.sqrt(dx * dx + dy * dy), 1e-3)
        local f = k * k / d
        u.dx, u.dy = u.dx + dx / d * f, u.dy + dy / d * f
        v.dx, v.dy = v.dx - dx / d * f, v.dy - dy / d * f
      end
    end
    for _, e in ipairs(edges) do
      local u, v = e.a, e.b
      local dx, dy = u.x - v.x, u.y - v.y
      local d = math.max(math.sqrt(dx * dx + dy * dy), 1e-3)
      local f = d * d / k
      u.dx, u.dy = u.dx - dx / d * f, u.dy - dy / d * f
      v.dx, v.dy = v.dx + dx / d * f, v.dy + dy / d * f
    end
    for _, v in ipairs(nodes) do
      -- weak gravity keeps separate components of the network close together
      v.dx, v.dy = v.dx - (v.x - 0.5) * 0.3, v.dy - (v.y - 0.5) * 0.3
      local d = math.max(math.sqrt(v.dx * v.dx + v.dy * v.dy), 1e-9)
      local step = math.min(d, temp)
      v.x = math.min(0.95, math.max(0.05, v.x + v.dx / d * step))
      v.y = math.min(0.95, math.max(0.05, v.y + v.dy / d * step))
    end
    temp = temp * 0.985
  end
  -- stretch to fill the unit square (leaving the bottom row to isolated actors)
  local bottom = #isolated > 0 and 0.85 or 1
  local x0, x1, y0, y1 = math.huge, -math.huge, math.huge, -math.huge
  for _, v in ipairs(nodes) do
    x0, x1 = math.min(x0, v.x), math.max(x1, v.x)
    y0, y1 = math.min(y0, v.y), math.max(y1, v.y)
  end
  for _, v in ipairs(nodes) do
    v.x = (x1 > x0) and (v.x - x0) / (x1 - x0) or 0.5
    v.y = ((y1 > y0) and (v.y - y0) / (y1 - y0) or 0.5) * bottom
  end
  for i, v in ipairs(isolated) do
    v.x, v.y = (#isolated == 1) and 0 or (i - 1) / math.max(#isolated - 1, 1) * 0.5, 1
  end
end

local function analyse(text, name)
  local an = dyadic.analyzer{}
  local doc = an:analyze(text, { id = name })
  view.doc, view.title = doc, name
  view.actors = doc:actors()
  view.nodes, view.by_code, view.edges = {}, {}, {}
  local max_sal = 0
  for _, a in ipairs(view.actors) do max_sal = math.max(max_sal, a.salience) end
  for _, a in ipairs(view.actors) do
    local node = { code = a.code, count = a.count, salience = a.salience,
                   r = 10 + 26 * math.sqrt(a.salience / math.max(max_sal, 1e-9)) }
    view.nodes[#view.nodes + 1] = node
    view.by_code[a.code] = node
  end
  for _, d in ipairs(doc:dyads{ undirected = true }) do
    local a, b = view.by_code[d.source], view.by_code[d.target]
    if a and b then view.edges[#view.edges + 1] = { a = a, b = b, d = d } end
  end
  layout(view.nodes, view.edges)
  view.selected, view.selected_node = nil, nil
  view.status = string.format("%d actors, %d dyads", #view.nodes, #view.edges)
end

--- Screen position of a node (layout coordinates -> window, above the evidence panel).
local function pos(node)
  local w, h = love.graphics.getDimensions()
  return MARGIN + node.x * (w - 2 * MARGIN), MARGIN + node.y * (h - PANEL_H - 2 * MARGIN)
end

local function seg_distance(px, py, x1, y1, x2, y2)
  local dx, dy = x2 - x1, y2 - y1
  local len2 = dx * dx + dy * dy
  local t = len2 > 0 and ((px - x1) * dx + (py - y1) * dy) / len2 or 0
  t = math.max(0, math.min(1, t))
  local cx, cy = x1 + t * dx, y1 + t * dy
  return math.sqrt((px - cx) ^ 2 + (py - cy) ^ 2)
end

local function node_at(x, y)
  for i = #view.nodes, 1, -1 do
    local node = view.nodes[i]
    local nx, ny = pos(node)
    if (x - nx) ^ 2 + (y - ny) ^ 2 <= node.r ^ 2 then return node end
  end
end

local function edge_at(x, y)
  local best, best_d = nil, 8
  for _, e in ipairs(view.edges) do
    local x1, y1 = pos(e.a)
    local x2, y2 = pos(e.b)
    local d = seg_distance(x, y, x1, y1, x2, y2)
    if d <= best_d then best, best_d = e, d end
  end
  return best
end

local function select_edge(e)
  view.selected, view.selected_node = e, nil
  if e then
    e.evidence = e.evidence or strongest_evidence(view.doc, e.a.code, e.b.code)
  end
end

local function net_colour(net)
  local t = math.max(-1, math.min(1, net / 2))
  if t >= 0 then return 0.55 - 0.45 * t, 0.55 + 0.25 * t, 0.55 - 0.35 * t end
  return 0.55 - 0.35 * t, 0.55 + 0.45 * t, 0.55 + 0.45 * t
end

function love.load()
  love.graphics.setBackgroundColor(0.97, 0.97, 0.95)
  fonts.label = love.graphics.newFont(14)
  fonts.small = love.graphics.newFont(12)
  fonts.title = love.graphics.newFont(16)
  dyadic = load_dyadic()
  local text, name = read_text(options.text)
  analyse(text, name)
  if options.smoke then
    smoke.started = love.timer.getTime()
    -- exercise the real hit test: click the middle of the strongest edge
    local strongest
    for _, e in ipairs(view.edges) do
      if not strongest or math.abs(e.d.net) > math.abs(strongest.d.net) then strongest = e end
    end
    if strongest then
      local x1, y1 = pos(strongest.a)
      local x2, y2 = pos(strongest.b)
      love.mousepressed((x1 + x2) / 2, (y1 + y2) / 2, 1)
      if view.selected ~= strongest then
        error(string.format("click on the middle of %s-%s did not select it", strongest.a.code, strongest.b.code))
      end
      if not strongest.evidence then
        error(string.format("no evidence for %s-%s", strongest.a.code, strongest.b.code))
      end
    end
    local sel = view.selected
    smoke.line = string.format("dyadic smoke test: %d actors, %d dyads%s", #view.nodes, #view.edges,
      sel and string.format("; clicked %s-%s (net %+.2f): %s", sel.a.code, sel.b.code, sel.d.net,
        (sel.evidence.text:gsub("%s+", " "))) or "")
  end
end

function love.update()
  if not options.smoke then return end
  if smoke.shot then
    if smoke.shot ~= true then error("frame check: " .. smoke.shot) end
    print(smoke.line)
    print(smoke.pixels)
    io.stdout:flush()
    love.event.quit(0)
  elseif love.timer.getTime() - smoke.started > 20 then
    error("no frame drawn within 20 s")
  end
end

local function draw_edges()
  for _, e in ipairs(view.edges) do
    local x1, y1 = pos(e.a)
    local x2, y2 = pos(e.b)
    local r, g, b = net_colour(e.d.net)
    local width = 1.5 + math.min(e.d.n, 8)
    if e == view.selected or e == view.hover then
      love.graphics.setColor(1, 0.78, 0.1, 0.7)
      love.graphics.setLineWidth(width + 8)
      love.graphics.line(x1, y1, x2, y2)
    end
    love.graphics.setColor(r, g, b)
    love.graphics.setLineWidth(width)
    love.graphics.line(x1, y1, x2, y2)
  end
end

local function draw_nodes()
  for _, node in ipairs(view.nodes) do
    local x, y = pos(node)
    love.graphics.setColor(NODE_COLOUR)
    love.graphics.circle("fill", x, y, node.r)
    love.graphics.setColor(1, 1, 1)
    love.graphics.setLineWidth(node == view.selected_node and 4 or 2)
    love.graphics.circle("line", x, y, node.r)
    love.graphics.setColor(0.05, 0.05, 0.05)
    love.graphics.setFont(fonts.label)
    local label = node.code
    love.graphics.print(label, x - fonts.label:getWidth(label) / 2, y + node.r + 3)
  end
end

local function draw_panel()
  local w, h = love.graphics.getDimensions()
  local top = h - PANEL_H
  love.graphics.setColor(1, 1, 1)
  love.graphics.rectangle("fill", 0, top, w, PANEL_H)
  love.graphics.setColor(0.75, 0.75, 0.72)
  love.graphics.setLineWidth(1)
  love.graphics.line(0, top, w, top)
  love.graphics.setColor(0.1, 0.1, 0.1)
  local e, node = view.selected, view.selected_node
  if e then
    local d = e.d
    local asym = view.doc:asymmetry(d.source, d.target)
    love.graphics.setFont(fonts.title)
    love.graphics.print(string.format("%s - %s   net %+.2f   coop %g  conflict %g  dependency %g   %d sentences%s",
      d.source, d.target, d.net, d.coop, d.conflict, d.dependency, d.n,
      asym and string.format("   asymmetry %+.2f", asym) or ""), 16, top + 12)
    love.graphics.setFont(fonts.label)
    local ev = e.evidence
    local body = ev and ("\"" .. ev.text:gsub("%s+", " ") .. "\"") or "(no scored sentence for this pair)"
    love.graphics.printf(body, 16, top + 42, w - 32)
  elseif node then
    love.graphics.setFont(fonts.title)
    love.graphics.print(string.format("%s   %d mentions   salience %g", node.code, node.count, node.salience),
      16, top + 12)
  else
    love.graphics.setFont(fonts.label)
    love.graphics.print("Click an edge to read its strongest evidence sentence; click a node for the actor.",
      16, top + 14)
  end
end

local function close_to(image, x, y, r, g, b)
  local pr, pg, pb = image:getPixel(math.floor(x + 0.5), math.floor(y + 0.5))
  return math.abs(pr - r) < 0.06 and math.abs(pg - g) < 0.06 and math.abs(pb - b) < 0.06
end

--- Smoke test: read the first frame back and check that what was meant to be drawn is there:
-- every node's fill at its centre and every edge's colour along it. Writes the PNG when
-- --screenshot was given.
check_frame = function(image)
  local nodes_ok, edges_ok = 0, 0
  for _, node in ipairs(view.nodes) do
    local x, y = pos(node)
    if close_to(image, x, y, NODE_COLOUR[1], NODE_COLOUR[2], NODE_COLOUR[3]) then nodes_ok = nodes_ok + 1 end
  end
  for _, e in ipairs(view.edges) do
    local x1, y1 = pos(e.a)
    local x2, y2 = pos(e.b)
    local r, g, b = net_colour(e.d.net)
    -- the colour must be the one meant (an antialiased pixel may differ a little) and read right:
    -- green for a cooperative pair, red for a conflictual one, grey for a neutral one. Several
    -- points along the edge, outside the nodes: one of them may lie under a crossing edge.
    local good = false
    for _, t in ipairs{ 0.5, 0.4, 0.6, 0.3, 0.7 } do
      local x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
      local node = node_at(x, y)
      if not node then
        local pr, pg, pb = image:getPixel(math.floor(x + 0.5), math.floor(y + 0.5))
        local reads
        if e.d.net > 0.05 then reads = pg > pr + 0.1 and pg > pb + 0.1
        elseif e.d.net < -0.05 then reads = pr > pg + 0.1 and pr > pb + 0.1
        else reads = math.abs(pr - pg) < 0.06 and math.abs(pg - pb) < 0.06 and pr < 0.8 end
        if reads and close_to(image, x, y, r, g, b) then good = true; break end
      end
    end
    if good then edges_ok = edges_ok + 1 end
  end
  smoke.pixels = string.format("dyadic smoke test: frame %dx%d, nodes drawn %d/%d, edges drawn %d/%d",
    image:getWidth(), image:getHeight(), nodes_ok, #view.nodes, edges_ok, #view.edges)
  if nodes_ok < #view.nodes or edges_ok < #view.edges then
    smoke.shot = "the frame does not show the network: " .. smoke.pixels
    return
  end
  if options.screenshot then
    local f, err = io.open(options.screenshot, "wb")
    if not f then smoke.shot = tostring(err); return end
    f:write(image:encode("png"):getString())
    f:close()
  end
  smoke.shot = true
end

function love.draw()
  draw_edges()
  draw_nodes()
  love.graphics.setColor(0.1, 0.1, 0.1)
  love.graphics.setFont(fonts.title)
  love.graphics.print(string.format("%s: %s", view.title, view.status), 12, 10)
  love.graphics.setFont(fonts.small)
  love.graphics.setColor(0.35, 0.35, 0.35)
  love.graphics.print("edge colour: net score (green cooperative, red conflictual), width: sentences", 12, 32)
  draw_panel()
  if options.smoke then
    smoke.frames = smoke.frames + 1
    if smoke.frames == 1 then love.graphics.captureScreenshot(check_frame) end
  end
end

function love.mousepressed(x, y, button)
  if button ~= 1 then return end
  local node = node_at(x, y)
  if node then
    view.selected, view.selected_node, view.dragging = nil, node, node
    return
  end
  select_edge(edge_at(x, y))
end

function love.mousereleased()
  view.dragging = nil
end

function love.mousemoved(x, y)
  if view.dragging then
    local w, h = love.graphics.getDimensions()
    view.dragging.x = math.max(0, math.min(1, (x - MARGIN) / (w - 2 * MARGIN)))
    view.dragging.y = math.max(0, math.min(1, (y - MARGIN) / (h - PANEL_H - 2 * MARGIN)))
  else
    view.hover = edge_at(x, y)
  end
end

function love.keypressed(key)
  if key == "escape" then love.event.quit(0) end
end
