-- spec/08-report_spec.lua: report writers (Markdown, CSV, JSON Lines, GEXF, GraphML,
-- DOT, HTML) on documents and aggregates: fixture objects with the API.md shape, and
-- real ones from dyadic.analyzer / dyadic.aggregate.
local helpers = require "spec.helpers"
local report = require "dyadic.report"
local util = require "dyadic.report.util"
local model = require "dyadic.report.model"
local objects = dofile(helpers.fixture("report/objects.lua"))
local cjson = require "cjson"

-- RFC 4180 reader: rows of fields; quoted fields may hold commas, quotes, CR and LF.
local function read_csv(s)
  local rows, row, i, n = {}, {}, 1, #s
  local field = {}
  local function end_field() row[#row + 1] = table.concat(field); field = {} end
  local function end_row() end_field(); rows[#rows + 1] = row; row = {} end
  while i <= n do
    local c = s:sub(i, i)
    if c == '"' and #field == 0 then
      local j = i + 1
      while true do
        local q = s:find('"', j, true)
        assert(q, "unterminated quoted field")
        field[#field + 1] = s:sub(j, q - 1)
        if s:sub(q + 1, q + 1) == '"' then
          field[#field + 1] = '"'
          j = q + 2
        else
          i = q + 1
          break
        end
      end
      local nxt = s:sub(i, i)
      assert(nxt == "," or nxt == "\r" or nxt == "", "text after closing quote at " .. i)
    elseif c == "," then
      end_field(); i = i + 1
    elseif c == "\r" and s:sub(i + 1, i + 1) == "\n" then
      end_row(); i = i + 2
    else
      assert(c ~= "\n" and c ~= "\r", "bare line break outside quotes at " .. i)
      field[#field + 1] = c; i = i + 1
    end
  end
  if #field > 0 or #row > 0 then end_row() end
  return rows
end

local function csv_records(s)
  local rows = read_csv(s)
  local header, out = rows[1], {}
  for r = 2, #rows do
    assert.are.equal(#header, #rows[r])
    local rec = {}
    for k, name in ipairs(header) do rec[name] = rows[r][k] end
    out[#out + 1] = rec
  end
  return out, header
end

local function count(s, pattern)
  local c = 0
  for _ in s:gmatch(pattern) do c = c + 1 end
  return c
end

local function lines(s)
  local out = {}
  for line in s:gmatch("([^\n]*)\n") do out[#out + 1] = line end
  return out
end

local function have(cmd)
  local p = io.popen("command -v " .. cmd .. " 2>/dev/null")
  local out = p:read("*a")
  p:close()
  return out ~= ""
end

local function shell(cmd)
  local p = io.popen(cmd .. " 2>&1; echo \"rc=$?\"")
  local out = p:read("*a")
  p:close()
  local rc = tonumber(out:match("rc=(%d+)%s*$"))
  return rc, out:gsub("rc=%d+%s*$", "")
end

local xmllint = have("xmllint")

local function xml_check(xml)
  local path = helpers.write_temp(xml)
  local rc, out = shell("xmllint --noout " .. path)
  return path, rc, out
end

local function xpath(path, expr)
  local rc, out = shell("xmllint --xpath \"" .. expr .. "\" " .. path)
  assert.are.equal(0, rc, out)
  return (out:gsub("%s+$", ""))
end

-- The checks every writer must pass, on a document or an aggregate.
local function check_all(obj)
  local m = model.build(obj)
  local function codes()
    local set = {}
    for _, a in ipairs(m.actors) do set[#set + 1] = a.code end
    return set
  end

  it("markdown names the top actors and dyads with their scores", function()
    local md = report.markdown(obj)
    assert.truthy(md:find("^# "))
    assert.truthy(md:find("## Top actors", 1, true))
    for _, c in ipairs(codes()) do assert.truthy(md:find("| " .. c .. " |", 1, true), c) end
    local top = m.dyads[1]
    assert.truthy(md:find("### " .. top.source .. " → " .. top.target, 1, true))
    assert.truthy(md:find(util.fixed(top.net), 1, true))
    assert.truthy(md:find("hedged: " .. util.num(top.hedged) .. " of " .. util.num(top.n), 1, true))
  end)

  it("csv of every table has a header and one row per record", function()
    local names = m.kind == "aggregate" and { "dyads", "series", "actors" } or report.tables
    for _, t in ipairs(names) do
      local s = report.csv(obj, t)
      assert.truthy(s:find("\r\n$"))
      local recs, header = csv_records(s)
      assert.truthy(#header > 2)
      local expected = ({ dyads = #m.dyads, series = #m.series, actors = #m.actors, mentions = #m.mentions,
                          evidence = #m.evidence, sentences = #m.sentences })[t]
      assert.are.equal(expected, #recs, t)
    end
    local recs = csv_records(report.csv(obj, "dyads"))
    assert.are.equal(m.dyads[1].source, recs[1].source)
    assert.are.equal(m.dyads[1].net, tonumber(recs[1].net))
  end)

  it("jsonl lines parse with cjson and carry the table name", function()
    local all = report.jsonl(obj)
    local n = 0
    for _, line in ipairs(lines(all)) do
      local rec = cjson.decode(line)
      assert.is_string(rec.table)
      n = n + 1
    end
    assert.are.equal(#m.dyads + #m.series + #m.actors + #m.mentions + #m.evidence + #m.sentences, n)
    local dy = lines(report.jsonl(obj, "dyads"))
    assert.are.equal(#m.dyads, #dy)
    local first = cjson.decode(dy[1])
    assert.is_nil(first.table)
    assert.are.equal(m.dyads[1].source, first.source)
    assert.are.equal(m.dyads[1].n, first.n)
    assert.falsy(dy[1]:find('"n":%d+%.0[,}]'))
  end)

  it("gexf is well-formed GEXF 1.3 with one node per actor and one edge per dyad", function()
    local g = report.gexf(obj)
    assert.truthy(g:find('xmlns="http://gexf.net/1.3"', 1, true))
    assert.truthy(g:find('version="1.3"', 1, true))
    assert.are.equal(#m.actors, count(g, "<node "))
    assert.are.equal(#m.dyads, count(g, "<edge "))
    if not xmllint then pending("xmllint not installed"); return end
    local path, rc, out = xml_check(g)
    assert.are.equal(0, rc, out)
    local ns = "namespace-uri(/*)"
    assert.are.equal("http://gexf.net/1.3", xpath(path, ns))
    assert.are.equal(tostring(#m.actors), xpath(path, "count(//*[local-name()='node'])"))
    assert.are.equal(tostring(#m.dyads), xpath(path, "count(//*[local-name()='edge'])"))
    assert.are.equal("directed", xpath(path, "string(//*[local-name()='graph']/@defaultedgetype)"))
    local top = m.dyads[1]
    assert.are.equal("1", xpath(path, ("count(//*[local-name()='edge'][@source='%s' and @target='%s'])")
      :format(top.source, top.target)))
    -- every edge end is a declared node
    assert.are.equal("0", xpath(path, "count(//*[local-name()='edge'][not(@source = //*[local-name()='node']/@id)"
      .. " or not(@target = //*[local-name()='node']/@id)])"))
    os.remove(path)
  end)

  it("graphml is well-formed with key declarations and directed edges", function()
    local g = report.graphml(obj)
    assert.are.equal(#m.actors, count(g, "<node "))
    assert.are.equal(#m.dyads, count(g, "<edge "))
    if not xmllint then pending("xmllint not installed"); return end
    local path, rc, out = xml_check(g)
    assert.are.equal(0, rc, out)
    assert.are.equal("http://graphml.graphdrawing.org/xmlns", xpath(path, "namespace-uri(/*)"))
    assert.are.equal("directed", xpath(path, "string(//*[local-name()='graph']/@edgedefault)"))
    -- every data key is declared for its element kind
    assert.are.equal("0", xpath(path, "count(//*[local-name()='data'][not(@key = //*[local-name()='key']/@id)])"))
    assert.are.equal(tostring(#m.dyads),
      xpath(path, "count(//*[local-name()='edge']/*[local-name()='data'][@key='e_net'])"))
    os.remove(path)
  end)

  it("dot is a digraph with quoted ids and coloured, weighted edges", function()
    local d = report.dot(obj)
    assert.truthy(d:find("^digraph \""))
    assert.truthy(d:find("}\n$"))
    assert.are.equal(count(d, "{"), count(d, "}"))
    for _, a in ipairs(m.actors) do assert.truthy(d:find('\n  "' .. a.code .. '" %[label=')) end
    for _, dy in ipairs(m.dyads) do
      local line = d:match('\n  "' .. dy.source .. '" %-> "' .. dy.target .. '" (%b[])')
      assert.truthy(line, dy.source .. "->" .. dy.target)
      assert.truthy(line:find('color="' .. util.net_colour(dy.net) .. '"', 1, true))
      assert.truthy(line:find("penwidth=%d"))
    end
    if not have("dot") then return end  -- Graphviz is optional: parse with it when present
    local path = helpers.write_temp(d)
    local rc, out = shell("dot -Tsvg -o /dev/null " .. path)
    os.remove(path)
    assert.are.equal(0, rc, out)
  end)

  it("html is self-contained with one network node per actor", function()
    local h = report.html(obj)
    assert.truthy(h:find("^<!DOCTYPE html>"))
    assert.falsy(h:find("https?://"))
    assert.falsy(h:lower():find("<script[^>]*src"))
    assert.falsy(h:lower():find("<link"))
    assert.are.equal(1, count(h, "<script>"))
    assert.truthy(h:find('<svg id="network"', 1, true))
    assert.are.equal(#m.actors, count(h, '<circle class="node"'))
    assert.are.equal(#m.dyads, count(h, '<path class="edge"'))
    for _, a in ipairs(m.actors) do assert.truthy(h:find('data-code="' .. a.code .. '"', 1, true)) end
  end)
end

describe("report writers on a document", function()
  check_all(objects.document())

  it("csv quotes commas, quotes and line breaks and reads back unchanged", function()
    local doc = objects.document()
    local recs = csv_records(report.csv(doc, "evidence"))
    local m = model.build(doc)
    assert.are.equal(#m.evidence, #recs)
    for i, e in ipairs(m.evidence) do
      assert.are.equal(e.text, recs[i].text)
      assert.are.equal(e.note or "", recs[i].note)
    end
    local texts = {}
    for _, r in ipairs(recs) do texts[#texts + 1] = r.text end
    local joined = table.concat(texts, "|")
    assert.truthy(joined:find('"Power of Siberia 2"', 1, true))
    assert.truthy(joined:find("reportedly,\r\n\"welcome\"", 1, true))
    local raw = report.csv(doc, "evidence")
    assert.truthy(raw:find('"Moscow and Beijing signed a gas deal, the ""Power of Siberia 2""."', 1, true))
  end)

  it("jsonl round-trips quotes, line breaks and non-ASCII text", function()
    local doc = objects.document()
    local m = model.build(doc)
    local ls = lines(report.jsonl(doc, "evidence"))
    assert.are.equal(#m.evidence, #ls)
    for i, line in ipairs(ls) do
      local rec = cjson.decode(line)
      assert.are.equal(m.evidence[i].text, rec.text)
      assert.are.equal(m.evidence[i].hedged, rec.hedged)
    end
    local found = false
    for _, line in ipairs(ls) do
      if line:find("über", 1, true) then
        found = true
        assert.truthy(line:find('reportedly,\\r\\n\\"welcome\\"', 1, true))
        assert.truthy(line:find("中国", 1, true))
      end
    end
    assert.is_true(found)
  end)

  it("markdown quotes the strongest evidence with its sentence number", function()
    local md = report.markdown(objects.document())
    assert.truthy(md:find('**[s2]** “Russia relies on China for chips.”', 1, true))
    assert.truthy(md:find("1.00 (RUS depends on CHN)", 1, true))
    assert.truthy(md:find("energy 1.00, technology 1.00", 1, true))
    assert.truthy(md:find("hedged: 1 of 1 sentences (100%)", 1, true))
    assert.truthy(md:find("\\<script\\>", 1, true))
  end)

  it("html escapes evidence text and draws the sentence timeline", function()
    local h = report.html(objects.document())
    assert.falsy(h:find("<script>alert", 1, true))
    assert.truthy(h:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    assert.truthy(h:find('<svg id="timeline"', 1, true))
    assert.are.equal(4, count(h, '<g class="sentence">'))
    assert.truthy(h:find("Gas, chips &amp; &quot;sanctions&quot; &lt;b&gt;", 1, true))
    assert.truthy(h:find('marker-end="url(#dep', 1, true))
  end)

  it("html takes a title option and rejects unknown options", function()
    local h = report.html(objects.document(), { title = "A <title>" })
    assert.truthy(h:find("<h1>A &lt;title&gt;</h1>", 1, true))
    assert.has_error(function() report.html(objects.document(), { colour = "red" }) end)
  end)

  it("gexf of a document is static", function()
    local g = report.gexf(objects.document())
    assert.truthy(g:find('mode="static"', 1, true))
    assert.falsy(g:find("<spell", 1, true))
  end)

  it("dot escapes quotes in the graph name", function()
    local d = report.dot(objects.document())
    assert.truthy(d:find('digraph "Gas, chips & \\"sanctions\\" <b>" {', 1, true))
  end)
end)

describe("report writers on an aggregate", function()
  check_all(objects.aggregate())

  it("series csv has one row per dyad and period with period dates", function()
    local recs = csv_records(report.csv(objects.aggregate(), "series"))
    assert.are.equal(6, #recs)
    assert.are.equal("RUS", recs[1].source)
    assert.are.equal("2026-01", recs[1].period)
    assert.are.equal("2026-01-01", recs[1].start)
    assert.are.equal("2026-02-28", recs[2]["end"])
  end)

  it("dyad totals sum the periods and recombine net", function()
    local m = model.build(objects.aggregate())
    local d = m.dyads[1]
    assert.are.same({ "RUS", "CHN", 6, 3, 7, 3, 3 }, { d.source, d.target, d.coop, d.dependency, d.n, d.hedged,
      d.periods })
    -- net = sum(net_p * (w_p + 1)) / (sum w_p + 1) with w_p = |coop| + |conflict|
    assert.are.near((2 * 3 + 1.5 * 2 + 3 * 4) / 7, d.net, 1e-12)
    assert.are.equal(1, d.asymmetry)
  end)

  it("markdown has a per-period table of top dyads", function()
    local md = report.markdown(objects.aggregate())
    assert.truthy(md:find("## Top dyads by period", 1, true))
    assert.truthy(md:find("| 2026-02 | RUS → CHN | 1.50 |", 1, true))
    assert.truthy(md:find("|  | USA → RUS | -4.00 |", 1, true))
    assert.truthy(md:find("7 documents analyzed, 1 skipped", 1, true))
  end)

  it("gexf is dynamic with date spells per period", function()
    local g = report.gexf(objects.aggregate())
    assert.truthy(g:find('mode="dynamic"', 1, true))
    assert.truthy(g:find('timeformat="date"', 1, true))
    assert.truthy(g:find('<attributes class="edge" mode="dynamic">', 1, true))
    if not xmllint then pending("xmllint not installed"); return end
    local path, rc, out = xml_check(g)
    assert.are.equal(0, rc, out)
    local edge = "//*[local-name()='edge'][@source='RUS' and @target='CHN']"
    assert.are.equal("3", xpath(path, "count(" .. edge .. "//*[local-name()='spell'])"))
    assert.are.equal("2026-02-01",
      xpath(path, "string((" .. edge .. "//*[local-name()='spell'])[2]/@start)"))
    assert.are.equal("1.5", xpath(path, "string(" .. edge
      .. "//*[local-name()='attvalue'][@for='net' and @start='2026-02-01']/@value)"))
    assert.are.equal("2", xpath(path,
      "count(//*[local-name()='node'][@id='USA']//*[local-name()='spell'])"))
    os.remove(path)
  end)

  it("html draws the heatmap and line charts", function()
    local h = report.html(objects.aggregate())
    assert.truthy(h:find('<svg id="heatmap"', 1, true))
    assert.truthy(h:find('<svg id="chart-net"', 1, true))
    assert.truthy(h:find('<svg id="chart-volume"', 1, true))
    assert.are.equal(3 * 3, count(h, '<rect class="cell"'))
  end)

  it("rejects document-only tables for an aggregate, naming the argument", function()
    local agg = objects.aggregate()
    for _, t in ipairs { "mentions", "evidence", "sentences" } do
      for _, w in ipairs { "csv", "jsonl" } do
        local ok, err = pcall(function() local s = report[w](agg, t) return s end)
        assert.is_false(ok)
        assert.truthy(err:find("bad argument #2 to '" .. w .. "' (an aggregate has no table '" .. t .. "'", 1, true),
          err)
        assert.truthy(err:find("08-report_spec.lua:", 1, true), err)
      end
    end
    -- every table of an aggregate: only the ones it has
    local seen = {}
    for line in report.jsonl(agg):gmatch("[^\n]+") do seen[line:match('^{"table":"(%a+)"')] = true end
    assert.is_true(seen.dyads and seen.series and seen.actors)
    assert.is_nil(seen.mentions or seen.evidence or seen.sentences)
  end)

  it("aggregate constructor errors name the API function, not library lines", function()
    local dyadic = require "dyadic"
    local ok, err = pcall(function() local a = dyadic.aggregate { by = "decade" } return a end)
    assert.is_false(ok)
    assert.truthy(err:find("08%-report_spec%.lua:%d+: bad argument #1 to 'aggregate' %(option 'by': " ..
      "unknown period 'decade': expected day, week, month, year or all%)$"), err)
    ok, err = pcall(function() local a = dyadic.aggregate.new { by = 7 } return a end)
    assert.is_false(ok)
    assert.truthy(err:find("08%-report_spec%.lua:%d+: bad argument #1 to 'aggregate' %(option 'by' must be a string"),
      err)
    ok, err = pcall(function() local a = dyadic.aggregate.merge_all({}, { bye = 1 }) return a end)
    assert.is_false(ok)
    assert.truthy(err:find("bad argument #2 to 'merge_all' (unknown option 'bye')", 1, true), err)
    assert.are.equal("year", dyadic.aggregate.merge_all({}, { by = "year" }).by)
  end)
end)

describe("report argument checks", function()
  it("raises for something that is not a document or aggregate", function()
    assert.has_error(function() report.markdown(42) end)
    local ok, err = pcall(report.csv, {}, "dyads")
    assert.is_false(ok)
    assert.truthy(tostring(err):find("bad argument #1 to 'csv'", 1, true))
  end)

  it("raises for an unknown table name", function()
    local ok, err = pcall(report.csv, objects.document(), "nope")
    assert.is_false(ok)
    assert.truthy(tostring(err):find("bad argument #2 to 'csv'", 1, true))
    assert.has_error(function() report.jsonl(objects.document(), "nope") end)
  end)

  it("finds writers by format name and alias", function()
    assert.are.equal(report.markdown, report.writer("md"))
    assert.are.equal(report.gexf, report.writer("gexf"))
    assert.is_nil(report.writer("pdf"))
  end)
end)

describe("report.util", function()
  it("rounds exact halves the same way on every runtime (away from zero)", function()
    -- 5.625 and 0.375 are exact in binary: C's printf would give 5.62 / 0.38, LuaJIT 5.63 / 0.38
    assert.are.equal("5.63", util.fixed(5.625))
    assert.are.equal("-5.63", util.fixed(-5.625))
    assert.are.equal("0.38", util.fixed(0.375))
    assert.are.equal("0.00", util.fixed(-0.001))
    assert.are.equal("0.1", util.fixed(0.125, 1))
  end)

  it("encodes JSON strings with escapes and valid UTF-8", function()
    local s = 'a"b\\c\n\r\t\1\31\127 é 中 😀'
    local js = util.json(s)
    assert.are.equal('"a\\"b\\\\c\\n\\r\\t\\u0001\\u001f\\u007f é 中 😀"', js)
    assert.are.equal(s, cjson.decode(js))
    -- invalid UTF-8 becomes U+FFFD, so the output stays valid
    assert.are.equal('"a\239\191\189b\239\191\189"', util.json("a\255b\192"))
    assert.are.equal('"' .. ("\239\191\189"):rep(3) .. '"', util.json("\237\160\128"))  -- surrogate
  end)

  it("formats numbers exactly, integers without .0, non-finite as null", function()
    assert.are.equal("3", util.json(3.0))
    assert.are.equal("-7", util.json(-7))
    assert.are.equal("0", util.json(-0.0))
    assert.are.equal("0.1", util.json(0.1))
    assert.are.equal("0.30000000000000004", util.json(0.1 + 0.2))
    assert.are.equal(1 / 3, tonumber(util.json(1 / 3)))
    assert.are.equal("1e+300", util.json(1e300))
    assert.are.equal("null", util.json(0 / 0))
    assert.are.equal("null", util.json(math.huge))
    assert.are.equal('{"b":1,"a":[1,2]}', util.json(util.object({ a = { 1, 2 }, b = 1 }, { "b", "a" })))
    assert.are.equal("[]", util.json(util.array()))
  end)

  it("maps period labels to first and last days", function()
    assert.are.same({ "2026-02-01", "2026-02-28" }, { util.period_range("2026-02") })
    assert.are.same({ "2028-02-01", "2028-02-29" }, { util.period_range("2028-02") })
    assert.are.same({ "2025-12-29", "2026-01-04" }, { util.period_range("2026-W01") })
    assert.are.same({ "2026-11-23", "2026-11-29" }, { util.period_range("2026-W48") })
    assert.are.same({ "2026-01-01", "2026-12-31" }, { util.period_range("2026") })
    assert.are.same({ "2026-11-28", "2026-11-28" }, { util.period_range("2026-11-28") })
    assert.is_nil(util.period_range("all"))
    assert.is_nil(util.period_range("undated"))
  end)

  it("escapes XML and colours net scores red-grey-blue", function()
    assert.are.equal("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", util.xml("<a href=\"x\">&'"))
    assert.are.equal("ab", util.xml("a\1b"))
    assert.are.equal("#969696", util.net_colour(0))
    assert.are.equal("#2166ac", util.net_colour(9))
    assert.are.equal("#b2182b", util.net_colour(-9))
  end)
end)

-- Real documents and aggregates, from a lexicon built here.
local TEXTS = {
  { id = "real-1", date = "2026-01-14", title = 'Gas & "grain" <deal>',
    text = 'Moscow and Beijing signed a gas deal, the "Power of Siberia 2". '
      .. "Russia relies on China for chips, turbines and credit. "
      .. "Washington sanctioned Moscow; <script>alert(1)</script> ran the headline.\n" },
  { id = "real-2", date = "2026-02-03", title = "Sanctions",
    text = "Washington sanctioned Moscow again.\nBrussels may welcome\r\ntalks with Beijing, über-cautiously. "
      .. "Russia relies on China for gas revenue." },
  { id = "real-3", date = "2026-03-20", title = "Summit",
    text = "Beijing and Moscow signed a gas pipeline accord. Washington sanctioned Beijing." },
}

-- An analyzer over the report fixtures' lexicon (spec/fixtures/report/lexicon.lua).
local function fixture_analyzer(rules)
  local dyadic = require "dyadic"
  return dyadic.analyzer { lexicon = dofile("spec/fixtures/report/lexicon.lua")(dyadic), rules = rules }
end

local function real_objects()
  local ok, dyadic = pcall(require, "dyadic")
  if not ok then return nil, tostring(dyadic) end
  local ok2, docs, agg = pcall(function()
    local an = fixture_analyzer()
    local list = {}
    local ag = dyadic.aggregate { by = "month" }
    for i, t in ipairs(TEXTS) do
      list[i] = an:analyze(t.text, { id = t.id, date = t.date, title = t.title })
      ag:add(list[i])
    end
    return list, ag
  end)
  if not ok2 then return nil, tostring(docs) end
  return docs, agg
end

local real_docs, real_agg = real_objects()

describe("report writers on a real document", function()
  if not real_docs then
    it("needs dyadic.analyzer and dyadic.aggregate", function()
      pending("real objects not available yet: " .. tostring(real_agg))
    end)
    return
  end
  check_all(real_docs[1])

  it("finds the RUS -> CHN dependency with its evidence sentence", function()
    local recs = csv_records(report.csv(real_docs[1], "dyads"))
    local found
    for _, r in ipairs(recs) do if r.source == "RUS" and r.target == "CHN" then found = r end end
    assert.truthy(found)
    assert.truthy(tonumber(found.dependency) > 0)
    local ev = csv_records(report.csv(real_docs[1], "evidence"))
    local texts = {}
    for _, e in ipairs(ev) do texts[#texts + 1] = e.text end
    local joined = table.concat(texts, "\n")
    assert.truthy(joined:find('the "Power of Siberia 2".', 1, true))
    assert.truthy(joined:find("Russia relies on China for chips, turbines and credit.", 1, true))
  end)

  it("round-trips evidence text through jsonl and escapes it in html", function()
    local doc = real_docs[1]
    for _, line in ipairs(lines(report.jsonl(doc, "evidence"))) do
      local rec = cjson.decode(line)
      assert.are.equal(doc:text():sub(rec.s, rec.e), rec.text)
    end
    local h = report.html(doc)
    assert.falsy(h:find("<script>alert", 1, true))
    assert.truthy(h:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
  end)

  it("ranks the Markdown top dyads by the sentences that link the pair, then by volume", function()
    local an = fixture_analyzer()
    -- USA -> CHN: one sentence with a strong cue (volume 2); RUS - EU: four sentences, no cue
    local doc = an:analyze("Washington sanctioned Beijing. Moscow and Brussels met. Moscow and Brussels talked. "
      .. "Moscow and Brussels dined. Moscow and Brussels parted.")
    local md = report.markdown(doc)
    local eu = md:find("| EU → RUS |", 1, true) or md:find("| RUS → EU |", 1, true)
    local usa = md:find("| USA → CHN |", 1, true)
    assert.truthy(eu and usa)
    assert.is_true(eu < usa)
    -- the CSV table keeps its documented order: largest volume first
    local recs = csv_records(report.csv(doc, "dyads"))
    assert.are.equal("USA", recs[1].source)
    doc:close()
  end)

  it("quotes a sentence once per dyad in the Markdown evidence, with the sum of its contributions", function()
    local an = fixture_analyzer()
    local doc = an:analyze("Washington signed and sanctioned and welcome Beijing.")
    local ev = doc:evidence("USA", "CHN")
    assert.is_true(#ev >= 2)  -- several contributions from the one sentence
    local coop, conflict = 0, 0
    for _, e in ipairs(ev) do coop, conflict = coop + e.coop, conflict + e.conflict end
    local md = report.markdown(doc)
    local section = md:match("### USA → CHN\n(.-)\n###") or md:match("### USA → CHN\n(.*)$")
    assert.truthy(section)
    local quoted = select(2, section:gsub("Washington signed and sanctioned", ""))
    assert.are.equal(1, quoted)
    assert.truthy(section:find(("coop %.2f"):format(coop), 1, true))
    assert.truthy(section:find(("conflict %.2f"):format(conflict), 1, true))
    doc:close()
  end)

  it("counts every actor mention in the Markdown header as the mentions table does (discards included)", function()
    local dyadic = require "dyadic"
    local drop = dyadic.rule { name = "drop", pattern = "quietly", apply = function(ctx) ctx:discard() end }
    local an = fixture_analyzer { drop }
    local doc = an:analyze("Moscow quietly sold gas to Beijing. Washington sanctioned Moscow.")
    local rows = #csv_records(report.csv(doc, "mentions"))
    assert.are.equal(4, rows)
    assert.truthy(report.markdown(doc):find("· 4 actor mentions ·", 1, true))
    doc:close()
  end)

  it("orders evidence rows that differ only by sector the same way in both directions", function()
    local an = fixture_analyzer()
    local doc = an:analyze("Moscow and Beijing signed a deal.\n- finance and gas\n")
    local function sectors(src, dst)
      local out = {}
      for _, e in ipairs(csv_records(report.csv(doc, "evidence"))) do
        if e.source == src and e.target == dst and e.sector ~= "" then out[#out + 1] = e.sector end
      end
      return table.concat(out, ",")
    end
    assert.are.equal("energy,finance", sectors("RUS", "CHN"))
    assert.are.equal(sectors("RUS", "CHN"), sectors("CHN", "RUS"))
    doc:close()
  end)

  it("keeps a line break inside a sentence intact in csv", function()
    local ev = csv_records(report.csv(real_docs[2], "evidence"))
    local hit = false
    for _, e in ipairs(ev) do
      if e.text:find("welcome\r\ntalks", 1, true) then hit = true end
    end
    assert.is_true(hit)
  end)
end)

describe("report writers on a real aggregate", function()
  if not real_agg or not real_docs then
    it("needs dyadic.analyzer and dyadic.aggregate", function()
      pending("real objects not available yet")
    end)
    return
  end
  check_all(real_agg)

  it("has one series row per dyad and month, and a dynamic gexf", function()
    local recs = csv_records(report.csv(real_agg, "series"))
    local months = {}
    for _, r in ipairs(recs) do months[r.period] = true end
    assert.truthy(months["2026-01"] and months["2026-02"] and months["2026-03"])
    local g = report.gexf(real_agg)
    assert.truthy(g:find('mode="dynamic"', 1, true))
    assert.truthy(g:find('<spell start="2026-03-01" end="2026-03-31"/>', 1, true))
  end)
end)

describe("report writers on edge cases", function()
  local weird = objects.custom_document {
    id = "w", title = "weird",
    sentences = { { 1, 10 } },
    actors = { { code = 'X"&<Y>', count = 1, salience = 2 }, { code = "Z\\Q", count = 1, salience = 1 } },
    dyads = { { source = 'X"&<Y>', target = "Z\\Q", coop = 0, conflict = 1, dependency = 0, net = -2, n = 1,
                hedged = 0, sectors = {} } },
    evidence = { ['X"&<Y>\0Z\\Q'] = { { sentence = 1, s = 1, e = 10, text = "a\0b\1c & <d>", coop = 0,
                                          conflict = 1, dependency = 0 } } },
  }
  local empty_doc = objects.custom_document { id = "empty", sentences = { { 1, 5 } } }
  local empty_agg = objects.custom_aggregate {}
  local all_agg = objects.custom_aggregate {
    documents = 2, periods = { "all" },
    actors = { { code = "A", mentions = 1, documents = 1, salience = 1 },
               { code = "B", mentions = 1, documents = 1, salience = 1 } },
    records = { { period = "all", source = "A", target = "B", coop = 1, conflict = 0, dependency = 0, net = 1,
                  n = 1, hedged = 0, sectors = {} } },
  }

  it("every writer handles empty documents and aggregates", function()
    for _, x in ipairs({ empty_doc, empty_agg }) do
      for _, f in ipairs(report.formats) do
        local s = report[f](x)
        assert.is_string(s)
      end
      assert.are.equal(1, #read_csv(report.csv(x, "dyads")))
      assert.are.equal("", report.jsonl(x, "dyads"))
    end
    assert.truthy(report.markdown(empty_doc):find("No dyads found.", 1, true))
    if xmllint then
      for _, x in ipairs({ empty_doc, empty_agg }) do
        for _, f in ipairs({ "gexf", "graphml" }) do
          local path, rc, out = xml_check(report[f](x))
          assert.are.equal(0, rc, out)
          os.remove(path)
        end
      end
    end
  end)

  it("escapes actor codes in XML, DOT and HTML and drops XML-illegal characters", function()
    local g = report.gexf(weird)
    assert.truthy(g:find('<node id="X&quot;&amp;&lt;Y&gt;"', 1, true))
    local d = report.dot(weird)
    assert.truthy(d:find('"X\\"&<Y>" -> "Z\\\\Q"', 1, true))
    if have("dot") then
      local path = helpers.write_temp(d)
      local rc, out = shell("dot -Tsvg -o /dev/null " .. path)
      os.remove(path)
      assert.are.equal(0, rc, out)
    end
    local h = report.html(weird)
    assert.truthy(h:find('data-code="X&quot;&amp;&lt;Y&gt;"', 1, true))
    assert.truthy(h:find("abc &amp; &lt;d&gt;", 1, true))
    if xmllint then
      for _, s in ipairs({ g, report.graphml(weird) }) do
        local path, rc, out = xml_check(s)
        assert.are.equal(0, rc, out)
        assert.are.equal("X\"&<Y>", xpath(path, "string(//*[local-name()='edge']/@source)"))
        os.remove(path)
      end
    end
    local rec = cjson.decode(lines(report.jsonl(weird, "evidence"))[1])
    assert.are.equal("a\0b\1c & <d>", rec.text)
  end)

  it("an aggregate over \"all\" gives a static gexf", function()
    local g = report.gexf(all_agg)
    assert.truthy(g:find('mode="static"', 1, true))
    assert.falsy(g:find("<spell", 1, true))
    local recs = csv_records(report.csv(all_agg, "series"))
    assert.are.equal("all", recs[1].period)
    assert.are.equal("", recs[1].start)
  end)
end)
