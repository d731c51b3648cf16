--- dyadic.report.markdown: a report to read. Title, the most salient actors, the
-- strongest dyads with their scores, dependency asymmetry, sectors and hedged share,
-- each with its strongest evidence sentences (quoted, with the sentence number);
-- for an aggregate, a table of the top dyads of every period.
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"

local fixed = util.fixed
local TOP_ACTORS, TOP_DYADS, TOP_EVIDENCE, TOP_PER_PERIOD = 10, 10, 3, 5

-- Inline text: one line, Markdown punctuation and table pipes escaped.
local function md(s)
  s = util.utf8(s or ""):gsub("[%z\1-\31]+", " ")
  return (s:gsub("[\\`*_%[%]<>|#]", "\\%0"))
end

local function arrow(d) return md(d.source) .. " → " .. md(d.target) end

local function sectors_text(sectors, k)
  local parts = {}
  for i, s in ipairs(model.sector_list(sectors)) do
    if i > (k or 3) then break end
    parts[#parts + 1] = md(s.name) .. " " .. fixed(s.w)
  end
  return #parts > 0 and table.concat(parts, ", ") or "-"
end

local function asym_text(d)
  local a = d.asymmetry
  if a == nil then return "-" end
  if a > 0 then return fixed(a) .. " (" .. md(d.source) .. " depends on " .. md(d.target) .. ")" end
  if a < 0 then return fixed(a) .. " (" .. md(d.target) .. " depends on " .. md(d.source) .. ")" end
  return "0.00 (balanced)"
end

local function pct(x) return string.format("%d%%", math.floor(x * 100 + 0.5)) end

local function dyad_table(out, dyads)
  out[#out + 1] = "| Dyad | Net | Coop | Conflict | Dependency | Asymmetry | Sentences | Hedged | Sectors |"
  out[#out + 1] = "|---|---:|---:|---:|---:|---|---:|---:|---|"
  for _, d in ipairs(dyads) do
    out[#out + 1] = ("| %s | %s | %s | %s | %s | %s | %s | %s | %s |"):format(
      arrow(d), fixed(d.net), fixed(d.coop), fixed(d.conflict), fixed(d.dependency),
      d.asymmetry and fixed(d.asymmetry) or "-", util.num(d.n), pct(d.hedged_share),
      sectors_text(d.sectors))
  end
end

return function(x)
  local m = model.build(x, "markdown")
  local out = {}
  if m.kind == "document" then
    out[#out + 1] = "# " .. md(m.title or m.id or "Document report")
    out[#out + 1] = ""
    local meta = {}
    if m.id then meta[#meta + 1] = "id `" .. util.utf8(m.id):gsub("`", "'") .. "`" end
    if m.date then meta[#meta + 1] = "date " .. md(m.date) end
    meta[#meta + 1] = m.sentence_count .. " sentences"
    meta[#meta + 1] = m.mention_count .. " actor mentions"
    meta[#meta + 1] = #m.dyads .. " directed dyads"
    out[#out + 1] = table.concat(meta, " · ")
  else
    out[#out + 1] = "# Aggregate report"
    out[#out + 1] = ""
    local span = #m.periods > 0 and (md(m.periods[1]) .. " to " .. md(m.periods[#m.periods])) or "no periods"
    out[#out + 1] = ("%s documents analyzed, %s skipped · %d periods (%s) · %d directed dyads")
      :format(util.num(m.documents), util.num(m.skipped), #m.periods, span, #m.dyads)
  end
  out[#out + 1] = ""

  out[#out + 1] = "## Top actors"
  out[#out + 1] = ""
  if #m.actors == 0 then
    out[#out + 1] = "No actors found."
  else
    out[#out + 1] = m.kind == "document" and "| # | Actor | Salience | Mentions |"
                                          or "| # | Actor | Salience | Mentions | Documents |"
    out[#out + 1] = m.kind == "document" and "|---:|---|---:|---:|" or "|---:|---|---:|---:|---:|"
    for i, a in ipairs(m.actors) do
      if i > TOP_ACTORS then break end
      local row = ("| %d | %s | %s | %s |"):format(i, md(a.code), fixed(a.salience), util.num(a.mentions))
      if m.kind == "aggregate" then row = row .. " " .. util.num(a.documents) .. " |" end
      out[#out + 1] = row
    end
  end
  out[#out + 1] = ""

  local top = model.top_dyads(m, TOP_DYADS)
  out[#out + 1] = "## Top dyads"
  out[#out + 1] = ""
  if #top == 0 then
    out[#out + 1] = "No dyads found."
    out[#out + 1] = ""
  else
    out[#out + 1] = "Net: Goldstein-weighted mean of the cooperation and conflict cues, −10 to +10. "
      .. "Asymmetry: (dep(A→B) − dep(B→A)) / sum, positive when A depends on B."
    out[#out + 1] = ""
    dyad_table(out, top)
    out[#out + 1] = ""
    for _, d in ipairs(top) do
      out[#out + 1] = "### " .. arrow(d)
      out[#out + 1] = ""
      out[#out + 1] = ("- net %s · coop %s · conflict %s · dependency %s"):format(
        fixed(d.net), fixed(d.coop), fixed(d.conflict), fixed(d.dependency))
      out[#out + 1] = "- dependency asymmetry: " .. asym_text(d)
      out[#out + 1] = "- sectors: " .. sectors_text(d.sectors, 6)
      out[#out + 1] = ("- hedged: %s of %s sentences (%s)"):format(util.num(d.hedged), util.num(d.n),
        pct(d.hedged_share))
      if m.kind == "aggregate" then
        out[#out + 1] = ("- present in %d of %d periods"):format(d.periods or 0, #m.periods)
      end
      local ev = model.strongest_evidence(m, d.source, d.target, TOP_EVIDENCE)
      if #ev > 0 then
        out[#out + 1] = ""
        out[#out + 1] = "Strongest evidence:"
        out[#out + 1] = ""
        for _, e in ipairs(ev) do
          local tags = {}
          if e.coop ~= 0 then tags[#tags + 1] = "coop " .. fixed(e.coop) end
          if e.conflict ~= 0 then tags[#tags + 1] = "conflict " .. fixed(e.conflict) end
          if e.dependency ~= 0 then tags[#tags + 1] = "dependency " .. fixed(e.dependency) end
          if e.hedged then tags[#tags + 1] = "hedged" end
          if e.negated then tags[#tags + 1] = "negated" end
          if e.rule then tags[#tags + 1] = "rule " .. md(e.rule) end
          out[#out + 1] = ("> **[s%d]** “%s” — %s"):format(e.sentence, md(e.text), table.concat(tags, ", "))
          out[#out + 1] = ""
        end
      else
        out[#out + 1] = ""
      end
    end
  end

  if m.kind == "aggregate" and #m.periods > 0 then
    out[#out + 1] = "## Top dyads by period"
    out[#out + 1] = ""
    out[#out + 1] = "| Period | Dyad | Net | Coop | Conflict | Dependency | Sentences | Hedged |"
    out[#out + 1] = "|---|---|---:|---:|---:|---:|---:|---:|"
    local per = {}
    for _, r in ipairs(m.series) do
      local list = per[r.period]
      if not list then list = {}; per[r.period] = list end
      list[#list + 1] = r
    end
    local function before(a, b)  -- as model.top_dyads: sentences, then volume
      if a.n ~= b.n then return a.n > b.n end
      if a.volume ~= b.volume then return a.volume > b.volume end
      if a.source ~= b.source then return a.source < b.source end
      return a.target < b.target
    end
    for _, p in ipairs(m.periods) do
      local rows = model.first(per[p] or {}, TOP_PER_PERIOD, before)
      if #rows == 0 then
        out[#out + 1] = ("| %s | - | | | | | | |"):format(md(p))
      end
      for i, r in ipairs(rows) do
        out[#out + 1] = ("| %s | %s | %s | %s | %s | %s | %s | %s |"):format(
          i == 1 and md(p) or "", arrow(r), fixed(r.net), fixed(r.coop), fixed(r.conflict),
          fixed(r.dependency), util.num(r.n), pct(r.hedged_share))
      end
    end
    out[#out + 1] = ""
  end
  if m.kind == "aggregate" then
    local reasons = {}
    for k, v in pairs(m.skips or {}) do
      if type(k) == "string" then reasons[#reasons + 1] = md(k) .. ": " .. tostring(v) end
    end
    table.sort(reasons)
    if #reasons > 0 then
      out[#out + 1] = "Skipped documents by reason: " .. table.concat(reasons, ", ")
      out[#out + 1] = ""
    end
  end
  return table.concat(out, "\n")
end
