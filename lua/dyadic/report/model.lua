--- dyadic.report.model: turn a Document or an Aggregate into one neutral structure,
-- so that every report writer is written once, against plain tables:
--
--   m.kind       "document" | "aggregate"
--   m.id, m.title, m.date          (document; nil for an aggregate)
--   m.documents, m.skipped         (aggregate counts; 1 and 0 for a document)
--   m.actors     { {code, salience, mentions, documents, first}, ... }  most salient first
--   m.dyads      { {source, target, n, coop, conflict, dependency, net, hedged, volume,
--                   hedged_share, asymmetry, sectors = {name = w}, periods = k}, ... }
--                directed totals, largest volume first
--   m.periods    { label, ... } in time order (aggregate; the document's date or
--                "undated" for a document)
--   m.series     { {period, source, target, n, coop, ...}, ... } dyad x period
--   m.evidence   { {source, target, sentence, s, e, text, coop, conflict, dependency,
--                   hedged, negated, mutual, cue, category, sector, rule, note}, ... }
--                (document only; in text order)
--   m.mentions   { {sentence, s, e, term, code, type, role}, ... } (document only)
--   m.mention_count, m.sentence_count  numbers of actor mentions and sentences (document only)
--   m.sentences  { {sentence, s, e, coop, conflict, dependency, hedged, dyads}, ... }
--                per-sentence totals of the evidence (document only)
--   (a document's evidence, mentions and sentences are built on first read)
--
-- volume = |coop| + |conflict| + |dependency|. The model only reads the objects,
-- through the methods of the API contract, so anything with those methods works.
local model = {}

local abs = math.abs

local function num(v)
  v = tonumber(v)
  if v == nil or v ~= v then return 0 end
  return v
end

--- "document", "aggregate" or nil for anything else.
function model.kind(x)
  local t = type(x)
  if t ~= "userdata" and t ~= "table" then return nil end
  local s = tostring(x)
  if s:find("^dyadic%.document") then return "document" end
  if s:find("^dyadic%.aggregate") then return "aggregate" end
  local ok, has = pcall(function() return x.sentences ~= nil and x.dyads ~= nil end)
  if ok and has then return "document" end
  ok, has = pcall(function() return x.periods ~= nil and x.dyads ~= nil end)
  if ok and has then return "aggregate" end
  return nil
end

local function copy_sectors(s)
  local out = {}
  if type(s) == "table" then
    for k, v in pairs(s) do out[tostring(k)] = num(v) end
  end
  return out
end

local function volume(d)
  return abs(d.coop) + abs(d.conflict) + abs(d.dependency)
end

local function dyad_record(r)
  local d = {
    source = tostring(r.source), target = tostring(r.target),
    n = num(r.n), coop = num(r.coop), conflict = num(r.conflict),
    dependency = num(r.dependency), net = num(r.net), hedged = num(r.hedged),
    sectors = copy_sectors(r.sectors), period = r.period and tostring(r.period) or nil,
    gsum = tonumber(r.gsum), wsum = tonumber(r.wsum),
  }
  d.volume = volume(d)
  d.hedged_share = d.n > 0 and d.hedged / d.n or 0
  return d
end

local function by_volume(a, b)
  if a.volume ~= b.volume then return a.volume > b.volume end
  if a.source ~= b.source then return a.source < b.source end
  return a.target < b.target
end

-- The order of `dyads` by by_volume, as the list of their indices, sorted as plain
-- numbers when that is exact: each distinct volume and actor code ranked once (default
-- comparisons, the same order as by_volume's), then one number per dyad, (volume rank,
-- source rank, target rank). A directed pair is one dyad, so the numbers are distinct
-- and the order is total.
local function volume_order(dyads)
  local vols, codes, vseen, cseen = {}, {}, {}, {}
  local fallback = false
  for _, d in ipairs(dyads) do
    local v, s, t = d.volume, d.source, d.target
    if v ~= v then fallback = true; break end
    if not vseen[v] then vseen[v] = true; vols[#vols + 1] = v end
    if not cseen[s] then cseen[s] = true; codes[#codes + 1] = s end
    if not cseen[t] then cseen[t] = true; codes[#codes + 1] = t end
  end
  local nv, nc = #vols, #codes
  local perm = {}
  if fallback or (nv + 1) * (nc + 1) * (nc + 1) >= 2 ^ 53 then
    for i = 1, #dyads do perm[i] = i end
    table.sort(perm, function(a, b) return by_volume(dyads[a], dyads[b]) end)
    return perm
  end
  table.sort(vols)
  table.sort(codes)
  local vrank, crank = {}, {}
  for i, v in ipairs(vols) do vrank[v] = nv - i end  -- largest volume first
  for i, c in ipairs(codes) do crank[c] = i end
  local keys, of = {}, {}
  for i, d in ipairs(dyads) do
    local k = (vrank[d.volume] * (nc + 1) + crank[d.source]) * (nc + 1) + crank[d.target]
    keys[i], of[k] = k, i
  end
  table.sort(keys)
  for i, k in ipairs(keys) do perm[i] = of[k] end
  return perm
end

-- asymmetry(A, B) from the directed dependency totals, nil when neither depends.
local function fill_asymmetry(dyads, method)
  local dep = {}
  for _, d in ipairs(dyads) do dep[d.source .. "\0" .. d.target] = d.dependency end
  for _, d in ipairs(dyads) do
    local v
    if method then v = tonumber(method(d.source, d.target)) end
    if v == nil or v ~= v then
      local ab, ba = d.dependency, dep[d.target .. "\0" .. d.source] or 0
      if ab + ba ~= 0 then v = (ab - ba) / (ab + ba) end
    end
    d.asymmetry = v
  end
end

local function sort_actors(actors)
  table.sort(actors, function(a, b)
    if a.salience ~= b.salience then return a.salience > b.salience end
    return a.code < b.code
  end)
end

-- Actors named by a dyad but missing from the actor list (defensive: reports must
-- never drop an edge's endpoint).
local function complete_actors(m)
  local seen, actors = {}, m.actors
  for _, a in ipairs(actors) do seen[a.code] = true end
  for _, d in ipairs(m.dyads) do
    local s, t = d.source, d.target
    if not seen[s] then
      seen[s] = true
      actors[#actors + 1] = { code = s, salience = 0, mentions = 0, documents = 0 }
    end
    if not seen[t] then
      seen[t] = true
      actors[#actors + 1] = { code = t, salience = 0, mentions = 0, documents = 0 }
    end
  end
end

-- The evidence rows of one directed dyad, in text order; `seq` keeps doc:evidence's own
-- order as the last tie-break.
local function pair_evidence(doc, source, target)
  local rows = {}
  for i, e in ipairs(doc:evidence(source, target) or {}) do
    rows[#rows + 1] = { seq = i,
      source = source, target = target, sentence = num(e.sentence),
      s = num(e.s), e = num(e.e), text = e.text and tostring(e.text) or "",
      coop = num(e.coop), conflict = num(e.conflict), dependency = num(e.dependency),
      hedged = e.hedged and true or false, negated = e.negated and true or false,
      rule = e.rule and tostring(e.rule) or nil, note = e.note and tostring(e.note) or nil,
      mutual = e.mutual and true or false, cue = e.cue and tostring(e.cue) or nil,
      category = e.category and tostring(e.category) or nil,
      sector = e.sector and tostring(e.sector) or nil,
    }
  end
  return rows
end

-- Text order, then pair, cue, sector, rule and note, then doc:evidence's own order: a
-- total order, so reports never depend on how table.sort breaks ties (carried sector
-- rows of one sentence differ only by sector).
local function in_text_order(a, b)
  if a.sentence ~= b.sentence then return a.sentence < b.sentence end
  if a.s ~= b.s then return a.s < b.s end
  if a.source ~= b.source then return a.source < b.source end
  if a.target ~= b.target then return a.target < b.target end
  if a.e ~= b.e then return a.e < b.e end
  for _, k in ipairs({ "cue", "sector", "rule", "note" }) do
    local x, y = a[k] or "", b[k] or ""
    if x ~= y then return x < y end
  end
  return (a.seq or 0) < (b.seq or 0)
end

local function document_evidence(doc, dyads)
  local evidence = {}
  for _, d in ipairs(dyads) do
    for _, row in ipairs(pair_evidence(doc, d.source, d.target)) do evidence[#evidence + 1] = row end
  end
  table.sort(evidence, in_text_order)
  return evidence
end

local function document_mentions(doc)
  local mentions = {}
  for _, r in ipairs(doc:mentions() or {}) do
    mentions[#mentions + 1] = {
      sentence = num(r.sentence), s = num(r.s), e = num(r.e), term = tostring(r.term or ""),
      code = tostring(r.code or ""), type = r.type and tostring(r.type) or nil,
      role = r.role and tostring(r.role) or nil,
    }
  end
  return mentions
end

local function document_sentences(doc, evidence)
  local sentences = {}
  for i, sp in ipairs(doc:sentences() or {}) do
    sentences[i] = { sentence = i, s = num(sp[1] or sp.s), e = num(sp[2] or sp.e),
                     coop = 0, conflict = 0, dependency = 0, hedged = false, dyads = 0 }
  end
  for _, e in ipairs(evidence) do
    local s = sentences[e.sentence]
    if s then
      s.coop = s.coop + e.coop
      s.conflict = s.conflict + e.conflict
      s.dependency = s.dependency + e.dependency
      s.hedged = s.hedged or e.hedged
      s.dyads = s.dyads + 1
    end
  end
  return sentences
end

local function from_document(doc)
  local m = { kind = "document", documents = 1, skipped = 0 }
  m.id = doc.id and tostring(doc.id) or nil
  m.date = doc.date and tostring(doc.date) or nil
  m.title = doc.title and tostring(doc.title) or nil

  m.actors = {}
  for _, a in ipairs(doc:actors() or {}) do
    m.actors[#m.actors + 1] = {
      code = tostring(a.code), salience = num(a.salience),
      mentions = num(a.count or a.mentions), documents = 1, first = tonumber(a.first),
    }
  end
  sort_actors(m.actors)

  m.dyads = {}
  for _, r in ipairs(doc:dyads() or {}) do
    local d = dyad_record(r)
    d.period = nil
    d.periods = 1
    m.dyads[#m.dyads + 1] = d
  end
  table.sort(m.dyads, by_volume)
  fill_asymmetry(m.dyads, doc.asymmetry and function(a, b) return doc:asymmetry(a, b) end)
  complete_actors(m)

  m.periods = { m.date or "undated" }
  m.series = {}
  for _, d in ipairs(m.dyads) do
    local row = {}
    for k, v in pairs(d) do row[k] = v end
    row.period = m.periods[1]
    m.series[#m.series + 1] = row
  end

  -- evidence, mentions and per-sentence totals are built when a writer first reads
  -- them: a CSV of dyads or a GEXF file needs none of them, and on a huge document
  -- (a 100 MB line has millions of mentions) they are most of the memory a report takes
  -- counted by the document when it can (a table of a million mentions just to count
  -- them would be most of a huge document's report), else by its lists
  local counts = type(doc._counts) == "function" and doc:_counts() or nil
  m.mention_count = counts and counts.mentions or #(doc:mentions() or {})
  m.sentence_count = counts and counts.sentences or #(doc:sentences() or {})
  -- one dyad's evidence without building all of it (the Markdown summary quotes a
  -- few sentences of the top dyads)
  function m.evidence_of(source, target)
    local all = rawget(m, "evidence")
    if all then
      local list = {}
      for _, e in ipairs(all) do
        if e.source == source and e.target == target then list[#list + 1] = e end
      end
      return list
    end
    local list = pair_evidence(doc, source, target)
    table.sort(list, in_text_order)
    return list
  end
  local lazy = {}
  function lazy.evidence() return document_evidence(doc, m.dyads) end
  function lazy.mentions() return document_mentions(doc) end
  function lazy.sentences(t) return document_sentences(doc, t.evidence) end
  return setmetatable(m, { __index = function(t, k)
    local build = lazy[k]
    if not build then return nil end
    local v = build(t)
    rawset(t, k, v)
    return v
  end })
end

local function period_label(p)
  if type(p) == "table" then return tostring(p.period or p.label or p.name or p[1]) end
  return tostring(p)
end

local function from_aggregate(agg)
  local m = { kind = "aggregate" }
  m.documents = num(agg.documents)
  m.skipped = num(agg.skipped)

  m.actors = {}
  for _, a in ipairs(agg:actors() or {}) do
    m.actors[#m.actors + 1] = {
      code = tostring(a.code), salience = num(a.salience),
      mentions = num(a.mentions or a.count), documents = num(a.documents),
    }
  end
  sort_actors(m.actors)

  -- per-period records, then directed totals over all periods. The records of the C
  -- aggregate are fresh tables of the right types: they are the model's records as they
  -- are (volume and hedged_share added: C makes them with room for both), not copies.
  local native = type(agg) == "userdata"
  -- totals[source][target] = the pair's index in `order` (no "source\0target" string
  -- per record); what only the build needs (sums of g and w, the records, whether the
  -- sectors table is still the first record's, any dependency) in lists by that index,
  -- so that a total is made with all its fields at once and never grows
  local series, totals, order = {}, {}, {}
  local G, W, records_of, shared, dep = {}, {}, {}, {}, {}
  local seen_period = {}
  for _, r in ipairs(agg:dyads() or {}) do
    local d
    if native then
      d = r
      d.volume = abs(d.coop) + abs(d.conflict) + abs(d.dependency)
      local n = d.n
      d.hedged_share = n > 0 and d.hedged / n or 0
      if d.period == nil then d.period = "all" end
    else
      d = dyad_record(r)
      d.period = d.period or "all"
    end
    series[#series + 1] = d
    seen_period[d.period] = true
    local source, target = d.source, d.target
    local row = totals[source]
    if not row then row = {}; totals[source] = row end
    local i = row[target]
    local w = d.wsum or (abs(d.coop) + abs(d.conflict))
    local g = d.gsum or d.net * (w + 1)
    if not i then
      -- 0 + x: the same sums as adding to zero totals (0 + -0 is 0); the first
      -- record's sectors are shared until a second record of the pair adds to them
      i = #order + 1
      order[i] = { source = source, target = target, n = 0 + d.n, coop = 0 + d.coop,
                   conflict = 0 + d.conflict, dependency = 0 + d.dependency, hedged = 0 + d.hedged,
                   sectors = d.sectors, periods = 1, net = 0, volume = 0, hedged_share = 0,
                   asymmetry = nil }
      row[target] = i
      G[i], W[i], records_of[i], shared[i], dep[i] = 0 + g, 0 + w, d, true, d.dependency ~= 0
    else
      local t = order[i]
      local records = records_of[i]
      if records[1] == nil then records = { records }; records_of[i] = records end
      records[#records + 1] = d
      t.n = t.n + d.n
      t.coop = t.coop + d.coop
      t.conflict = t.conflict + d.conflict
      t.dependency = t.dependency + d.dependency
      t.hedged = t.hedged + d.hedged
      t.periods = t.periods + 1
      local sectors = t.sectors
      if shared[i] then
        local copy = {}
        for k, v in pairs(sectors) do copy[k] = 0 + v end
        sectors = copy
        t.sectors, shared[i] = copy, false
      end
      for k, v in pairs(d.sectors) do sectors[k] = (sectors[k] or 0) + v end
      -- net = sum(g|w|) / (sum|w| + 1): recombined from each period's sums when the
      -- records carry them, otherwise with |coop| + |conflict| as that period's sum|w|
      G[i], W[i] = G[i] + g, W[i] + w
      if d.dependency ~= 0 then dep[i] = true end
    end
  end
  for i, t in ipairs(order) do
    t.net = G[i] / (W[i] + 1)
    t.volume = volume(t)
    t.hedged_share = t.n > 0 and t.hedged / t.n or 0
  end
  local perm = volume_order(order)
  local dyads = {}
  for j, i in ipairs(perm) do dyads[j] = order[i] end
  m.dyads = dyads
  if native then
    -- agg:asymmetry is nil for a pair without dependency either way: asked only of the
    -- pairs with some (a C call with two string look-ups per dyad otherwise)
    for _, i in ipairs(perm) do
      local d = order[i]
      local back = totals[d.target]
      back = back and back[d.source]
      local v
      if dep[i] or (back and dep[back]) then
        v = tonumber(agg:asymmetry(d.source, d.target))
        if v == nil or v ~= v then
          local ab, ba = d.dependency, back and order[back].dependency or 0
          if ab + ba ~= 0 then v = (ab - ba) / (ab + ba) end
        end
      end
      d.asymmetry = v
    end
  else
    fill_asymmetry(dyads, agg.asymmetry and function(a, b) return agg:asymmetry(a, b) end)
  end
  complete_actors(m)

  m.periods = {}
  local listed = {}
  if agg.periods then
    for _, p in ipairs(agg:periods() or {}) do
      local label = period_label(p)
      if not listed[label] then
        listed[label] = true
        m.periods[#m.periods + 1] = label
      end
    end
  end
  for p in pairs(seen_period) do
    if not listed[p] then m.periods[#m.periods + 1] = p; listed[p] = true end
  end
  local rank = {}
  local sorted = {}
  for i, p in ipairs(m.periods) do sorted[i] = p end
  table.sort(sorted)
  for i, p in ipairs(sorted) do rank[p] = i end
  m.periods = sorted

  -- dyad order of the totals, then time: each total's records came in the order of
  -- agg:dyads() (by period first), so when each total's list is in time order already
  -- the series is the lists one after the other, no sort
  local in_order = true
  for _, i in ipairs(perm) do
    local records = records_of[i]
    if records[1] ~= nil then
      for k = 2, #records do
        if rank[records[k - 1].period] > rank[records[k].period] then in_order = false; break end
      end
      if not in_order then break end
    end
  end
  if in_order then
    local out, o = {}, 0
    for _, i in ipairs(perm) do
      local records = records_of[i]
      if records[1] == nil then
        o = o + 1
        out[o] = records
      else
        for k = 1, #records do out[o + k] = records[k] end
        o = o + #records
      end
    end
    series = out
  else
    -- each record's rank computed once, not in the comparator: sorted as plain numbers
    -- (order x n + index: no Lua comparator call per comparison) when those stay exact
    -- doubles, which they do far beyond any real aggregate
    local dyad_rank = {}
    for j, i in ipairs(perm) do dyad_rank[i] = j end
    local nperiods, n = #sorted, #series
    local keys = {}
    for i, r in ipairs(series) do
      keys[i] = (dyad_rank[totals[r.source][r.target]] * (nperiods + 1) + rank[r.period]) * (n + 1) + i
    end
    if (#dyads + 1) * (nperiods + 1) * (n + 1) < 2 ^ 53 then
      table.sort(keys)
      local out = {}
      for i, k in ipairs(keys) do out[i] = series[k % (n + 1)] end
      series = out
    else
      local key_of = {}
      for i, r in ipairs(series) do key_of[r] = keys[i] end
      table.sort(series, function(x, y) return key_of[x] < key_of[y] end)
    end
  end
  m.series = series
  m.evidence, m.mentions, m.sentences = {}, {}, {}
  m.skips = {}
  if agg.skips then
    local ok, skips = pcall(function() return agg:skips() end)
    if ok and type(skips) == "table" then m.skips = skips end
  end
  return m
end

--- Build the neutral model of a Document or Aggregate. `fname` names the calling
-- function in the error raised for anything else.
function model.build(x, fname)
  local kind = model.kind(x)
  if kind == "document" then return from_document(x) end
  if kind == "aggregate" then return from_aggregate(x) end
  error(("bad argument #1 to '%s' (dyadic.document or dyadic.aggregate expected, got %s)")
    :format(fname or "report", type(x)), 3)
end

--- The series of one dyad as {period = record} (read-only: the tables are shared by
-- the calls on one model, indexed on the first call rather than scanned on each).
function model.series_of(m, source, target)
  local index = rawget(m, "_series_index")
  if not index then
    index = {}
    for _, r in ipairs(m.series) do
      local s = index[r.source]
      if not s then s = {}; index[r.source] = s end
      local list = s[r.target]
      if not list then list = {}; s[r.target] = list end
      list[r.period] = r
    end
    rawset(m, "_series_index", index)
  end
  local s = index[source]
  return s and s[target] or {}
end

--- The top `k` dyads: the pairs the text links most, i.e. the most sentences (documents'
-- sentences, for an aggregate) in which both appear, then the largest volume. Ranking by
-- volume alone would put a pair linked by one strongly worded sentence above one the
-- whole text is about. Both directions of a pair share `n`, so a direction with no
-- volume is left out when the other has some (it would only repeat the pair with
-- zeros), and a pair with no volume either way is shown once, in code order. Dyads with
-- neither sentences nor volume are left out.
function model.top_dyads(m, k)
  local volume_of, rank = {}, {}
  for i, d in ipairs(m.dyads) do
    local s = volume_of[d.source]
    if not s then s = {}; volume_of[d.source] = s end
    s[d.target] = d.volume
    rank[d] = i
  end
  local list = {}
  for _, d in ipairs(m.dyads) do
    local back = volume_of[d.target]
    back = back and back[d.source]
    local keep = d.volume > 0 or (d.n > 0 and (back or 0) == 0 and (d.source < d.target or back == nil))
    if keep then list[#list + 1] = d end
  end
  return model.first(list, k, function(a, b)
    if a.n ~= b.n then return a.n > b.n end
    return rank[a] < rank[b]
  end)
end

--- The first `k` items of `list` in the order `before` (a total order: the same items
-- as sorting the whole list and taking its head), as a new list. For a small k, one
-- pass that keeps the best k so far: no sort of thousands of rows to show ten.
function model.first(list, k, before)
  local n = #list
  k = math.floor(k)
  if k > n then k = n end
  local out = {}
  if k <= 0 then return out end
  if k > 32 then
    for i = 1, n do out[i] = list[i] end
    table.sort(out, before)
    for i = n, k + 1, -1 do out[i] = nil end
    return out
  end
  local c = 0
  for i = 1, n do
    local x = list[i]
    if c < k or before(x, out[c]) then
      local j = c < k and c or c - 1
      while j > 0 and before(x, out[j]) do
        out[j + 1] = out[j]
        j = j - 1
      end
      out[j + 1] = x
      if c < k then c = c + 1 end
    end
  end
  return out
end

-- Is sector (wa, na) before (wb, nb): heavier first, then by name.
local function sector_before(wa, na, wb, nb)
  if wa ~= wb then return wa > wb end
  return na < nb
end

--- Sectors of a dyad as two parallel lists, names and weights, heaviest first (then by
-- name), and their count. A dyad has a few sectors: an insertion sort, with no table
-- per sector and no comparator closure (table.sort past 32 of them).
function model.sector_order(sectors)
  local names, ws, n = {}, {}, 0
  for k, v in pairs(sectors or {}) do
    n = n + 1
    names[n], ws[n] = k, v
  end
  if n <= 32 then
    for i = 2, n do
      local k, v, j = names[i], ws[i], i - 1
      while j > 0 and sector_before(v, k, ws[j], names[j]) do
        names[j + 1], ws[j + 1] = names[j], ws[j]
        j = j - 1
      end
      names[j + 1], ws[j + 1] = k, v
    end
  else
    local w_of = {}
    for i = 1, n do w_of[names[i]] = ws[i] end
    table.sort(names, function(a, b) return sector_before(w_of[a], a, w_of[b], b) end)
    for i = 1, n do ws[i] = w_of[names[i]] end
  end
  return names, ws, n
end

--- The heaviest sector's name (then the first by name), or nil.
function model.top_sector(sectors)
  local top, tw
  for k, v in pairs(sectors or {}) do
    if top == nil or sector_before(v, k, tw, top) then top, tw = k, v end
  end
  return top
end

--- Sectors of a dyad as a sorted list { {name, w}, ... }, heaviest first.
function model.sector_list(sectors)
  local names, ws, n = model.sector_order(sectors)
  local list = {}
  for i = 1, n do list[i] = { name = names[i], w = ws[i] } end
  return list
end

--- Evidence of one directed dyad by sentence, strongest first: each sentence once, with
-- the sum of its contributions to the dyad.
function model.strongest_evidence(m, source, target, k)
  local rows = {}
  if m.evidence_of then
    rows = m.evidence_of(source, target)
  else
    for _, e in ipairs(m.evidence) do
      if e.source == source and e.target == target then rows[#rows + 1] = e end
    end
  end
  -- one entry per sentence: a sentence with two cues for the pair is quoted once, with
  -- the sum of what it contributes (rules and cues listed in text order)
  local list, by_sentence = {}, {}
  for _, e in ipairs(rows) do
    local g = by_sentence[e.sentence]
    if not g then
      g = {}
      for key, v in pairs(e) do g[key] = v end
      g.rules, g.cues = {}, {}
      by_sentence[e.sentence] = g
      list[#list + 1] = g
    else
      g.coop, g.conflict, g.dependency = g.coop + e.coop, g.conflict + e.conflict, g.dependency + e.dependency
      g.hedged, g.negated = g.hedged or e.hedged, g.negated or e.negated
    end
    if e.rule and not g.rules[e.rule] then g.rules[e.rule] = true; g.rules[#g.rules + 1] = e.rule end
    if e.cue and not g.cues[e.cue] then g.cues[e.cue] = true; g.cues[#g.cues + 1] = e.cue end
  end
  for _, g in ipairs(list) do
    g.rule = #g.rules > 0 and table.concat(g.rules, ", ") or nil
    g.cue = #g.cues > 0 and table.concat(g.cues, ", ") or nil
    g.rules, g.cues = nil, nil
  end
  local function strength(e) return abs(e.coop) + abs(e.conflict) + abs(e.dependency) end
  table.sort(list, function(a, b)
    local sa, sb = strength(a), strength(b)
    if sa ~= sb then return sa > sb end
    return a.sentence < b.sentence
  end)
  local out = {}
  for i = 1, math.min(k or #list, #list) do out[i] = list[i] end
  return out
end

return model
