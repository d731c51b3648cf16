-- The scoring model (docs/SCORING.md) on hand-written sentences, with a small lexicon
-- built here so the expectations do not move with the shipped data.
local dyadic = require "dyadic"
local helpers = require "spec.helpers"

local function small_lexicon()
  local lex = dyadic.lexicon()
  local function actor(term, code, typ, extra)
    local e = { term = term, kind = "actor", code = code, type = typ }
    for k, v in pairs(extra or {}) do e[k] = v end
    lex:add(e)
  end
  local function cue(term, category, extra)
    local e = { term = term, kind = "cue", category = category }
    for k, v in pairs(extra or {}) do e[k] = v end
    lex:add(e)
  end
  actor("Washington", "USA", "capital")
  actor("United States", "USA", "state")
  actor("Moscow", "RUS", "capital")
  actor("Russia", "RUS", "state")
  actor("Russian", "RUS", "state")
  actor("Beijing", "CHN", "capital")
  actor("China", "CHN", "state")
  actor("Sino", "CHN", "state")
  actor("India", "IND", "state")
  actor("New Delhi", "IND", "capital")
  actor("Mexico", "MEX", "state")
  actor("Egypt", "EGY", "state")
  actor("Ethiopia", "ETH", "state")
  actor("Sudan", "SDN", "state")
  actor("Medvedev", "RUSHOS", "leader", { role = "HOS", from = "2008-05-07", to = "2012-05-07" })
  actor("Medvedev", "RUSHOG", "leader", { role = "HOG", from = "2012-05-08", to = "2020-01-15" })
  lex:add{ term = "New Mexico", kind = "discard" }
  cue("sanction*", "conflict")
  cue("condemn*", "conflict", { goldstein = -2 })
  cue("praise*", "coop")
  cue("warn*", "conflict")
  cue("signed", "coop")
  cue("partnership", "coop")
  cue("ties", "coop")
  cue("relies on", "dependency")
  cue("rely on", "dependency")
  cue("lifeline for", "dependency", { direction = "reverse" })
  cue("not", "negation")
  cue("strongly", "intensifier", { weight = 1.3 })
  cue("but", "contrast")
  cue("although", "contrast")
  cue("may", "hedge")
  cue("reportedly", "hedge")
  cue("clearly", "certainty")
  cue("was", "passive")
  cue("is", "passive")
  cue("by", "agent")
  cue("and", "coordination")
  cue("together with", "coordination")
  lex:add{ term = "gas", kind = "sector", sector = "energy" }
  lex:add{ term = "pipeline*", kind = "sector", sector = "energy" }
  lex:add{ term = "bank*", kind = "sector", sector = "finance", weight = 0.5 }
  lex:add{ term = "chip*", kind = "sector", sector = "technology" }
  return lex
end

local lex = small_lexicon()

local function analyze(text, meta, opts)
  local an = dyadic.analyzer{ lexicon = lex, scoring = opts }
  return an:analyze(text, meta)
end

local function dyad(doc, a, b, undirected)
  for _, d in ipairs(doc:dyads{ undirected = undirected or false }) do
    if d.source == a and d.target == b then return d end
  end
  return nil
end

local function near(expected, actual)
  assert.is_number(actual)
  assert.is_true(math.abs(expected - actual) < 1e-9,
    string.format("expected %.9g, got %.9g", expected, actual))
end

describe("scoring: direction", function()
  it("takes the source before the cue and the target after it", function()
    local doc = analyze("Washington sanctioned Moscow.")
    local d = dyad(doc, "USA", "RUS")
    near(1, d.conflict)
    near(0, d.coop)
    assert.are.equal(1, d.n)
    -- g = -w * k_conflict, k_conflict = 2: the mean |goldstein| of the lexicon's conflict
    -- cues that carry one (condemn*: -2); net = g|w| / (|w| + 1)
    near(-2 / 2, d.net)
    local back = dyad(doc, "RUS", "USA")
    near(0, back.conflict)
    assert.are.equal(1, back.n)  -- both appear: the reverse record exists with no weight
  end)

  it("swaps a passive verb with an agent", function()
    local doc = analyze("Moscow was sanctioned by Washington.")
    near(1, dyad(doc, "USA", "RUS").conflict)
    near(0, dyad(doc, "RUS", "USA").conflict)
    local ev = doc:evidence("USA", "RUS")
    assert.are.equal("passive", ev[1].direction)
  end)

  it("does not swap an auxiliary without an agent", function()
    local doc = analyze("Moscow is sanctioning Washington.")
    near(1, dyad(doc, "RUS", "USA").conflict)
  end)

  it("makes coordinated actors mutual, half the weight each way, and adds sectors", function()
    local doc = analyze("Russia and China signed a gas deal.")
    local rc, cr = dyad(doc, "RUS", "CHN"), dyad(doc, "CHN", "RUS")
    near(0.5, rc.coop)
    near(0.5, cr.coop)
    near(1, rc.sectors.energy)
    near(1, cr.sectors.energy)
    assert.are.equal("coordination", doc:evidence("RUS", "CHN")[1].direction)
    assert.is_true(doc:evidence("RUS", "CHN")[1].mutual)
    local u = dyad(doc, "CHN", "RUS", true)
    near(1, u.coop)
    assert.are.equal(1, u.n)
    near(1, u.sectors.energy)  -- one sentence's sector mention, not counted once per direction
    assert.is_nil(dyad(doc, "RUS", "CHN", true))
    near(1, doc:sectors().energy)
  end)

  it("treats a coordinated source group acting on a target as one contribution each", function()
    local doc = analyze("Russia and China condemned Washington.")
    near(1, dyad(doc, "RUS", "USA").conflict)
    near(1, dyad(doc, "CHN", "USA").conflict)
    near(0, dyad(doc, "RUS", "CHN").conflict)
  end)

  it("makes a cue mutual when every participant is on one side", function()
    local doc = analyze("Talks on a partnership between Moscow together with Beijing.")
    assert.are.equal("coordination", doc:evidence("RUS", "CHN")[1].direction)
    near(0.5, dyad(doc, "RUS", "CHN").coop)
  end)

  it("reads hyphenated compounds as mutual", function()
    local doc = analyze("The Moscow-Beijing partnership deepened.")
    near(0.5, dyad(doc, "RUS", "CHN").coop)
    near(0.5, dyad(doc, "CHN", "RUS").coop)
    assert.are.equal("compound", doc:evidence("CHN", "RUS")[1].direction)
    doc = analyze("Sino-Russian ties grew.")
    near(0.5, dyad(doc, "RUS", "CHN").coop)
    near(0.5, dyad(doc, "CHN", "RUS").coop)
  end)

  it("names the dependent party as the source of a dependency", function()
    local doc = analyze("Moscow relies on Beijing for markets.")
    near(1, dyad(doc, "RUS", "CHN").dependency)
    near(0, dyad(doc, "CHN", "RUS").dependency)
    near(1, doc:asymmetry("RUS", "CHN"))
    near(-1, doc:asymmetry("CHN", "RUS"))
  end)

  it("reverses dependency entries marked direction = reverse", function()
    local doc = analyze("Beijing is a lifeline for Moscow.")
    near(1, dyad(doc, "RUS", "CHN").dependency)
    near(0, dyad(doc, "CHN", "RUS").dependency)
    assert.are.equal("reverse", doc:evidence("RUS", "CHN")[1].direction)
  end)

  it("gives a one-actor sentence to the actor's tone, not to a dyad", function()
    local doc = analyze("Washington condemned the decision.")
    assert.are.equal(0, #doc:dyads())
    local a = doc:actors()[1]
    assert.are.equal("USA", a.code)
    near(1, a.conflict)
    near(-2 * 1 / (1 + 1), a.net)
    assert.are.equal("tone", doc:evidence("USA")[1].direction)
  end)
end)

describe("scoring: the sentence table (spec/fixtures/scoring/sentences.tsv)", function()
  local lines = {}
  for line in io.lines(helpers.fixture("scoring/sentences.tsv")) do
    if not line:find("^#") and line:find("%S") then lines[#lines + 1] = line end
  end
  it("has cases", function() assert.is_true(#lines >= 10) end)
  for i, line in ipairs(lines) do
    local text, a, b, field, value, how = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
    it(string.format("line %d: %s", i, tostring(text)), function()
      assert.is_string(text, "malformed fixture line " .. i)
      local doc = analyze(text)
      local d = dyad(doc, a, b)
      assert.is_table(d, a .. "->" .. b .. " missing")
      near(tonumber(value), d[field])
      if how ~= "-" then assert.are.equal(how, doc:evidence(a, b)[1].direction) end
    end)
  end
end)

describe("scoring: modifiers", function()
  it("negates coop/conflict cues by -0.74", function()
    local doc = analyze("India did not condemn Russia.")
    local d = dyad(doc, "IND", "RUS")
    near(-0.74, d.conflict)
    assert.is_true(d.net > 0)
    local ev = doc:evidence("IND", "RUS")[1]
    assert.is_true(ev.negated)
    assert.are.equal("condemn*", ev.cue)
  end)

  it("does not negate beyond three words", function()
    local doc = analyze("India did not , as everyone expected in the end , condemn Russia.")
    near(1, dyad(doc, "IND", "RUS").conflict)
  end)

  it("zeroes a negated dependency and records it", function()
    local doc = analyze("Moscow does not rely on Beijing.")
    local d = dyad(doc, "RUS", "CHN")
    near(0, d.dependency)
    assert.is_true(doc:evidence("RUS", "CHN")[1].negated)
    assert.is_nil(doc:asymmetry("RUS", "CHN"))
  end)

  it("multiplies by the intensifier's factor", function()
    local doc = analyze("Washington strongly condemned Moscow.")
    near(1.3, dyad(doc, "USA", "RUS").conflict)
    local cues = doc:cues()
    local found
    for _, c in ipairs(cues) do if c.term == "condemn*" then found = c end end
    assert.is_true(found.intensified)
    near(1.3, found.score)
  end)

  it("halves a hedged sentence and counts it", function()
    local doc = analyze("Washington may sanction Moscow.")
    local d = dyad(doc, "USA", "RUS")
    near(0.5, d.conflict)
    assert.are.equal(1, d.hedged)
    assert.is_true(doc:sentences()[1].hedged)
  end)

  it("lets a certainty cue cancel a hedge", function()
    local doc = analyze("Reportedly, Washington clearly sanctioned Moscow.")
    local d = dyad(doc, "USA", "RUS")
    near(1, d.conflict)
    assert.are.equal(0, d.hedged)
  end)

  it("weighs the clause before a contrast by 0.5 and after it by 1.5", function()
    local doc = analyze("Moscow praised Beijing, but Washington sanctioned Moscow.")
    near(0.5, dyad(doc, "RUS", "CHN").coop)
    near(1.5, dyad(doc, "USA", "RUS").conflict)
    doc = analyze("Although Moscow praised Beijing, Washington sanctioned Moscow.")
    near(0.5, dyad(doc, "RUS", "CHN").coop)
    near(1.5, dyad(doc, "USA", "RUS").conflict)
  end)

  it("takes the model's factors from the analyzer's scoring option", function()
    local doc = analyze("India did not condemn Russia.", nil, { negation = -0.5 })
    near(-0.5, dyad(doc, "IND", "RUS").conflict)
    assert.has_error(function() dyadic.analyzer{ lexicon = lex, scoring = { nope = 1 } }:analyze("x") end)
  end)
end)

describe("scoring: mentions, sectors, figures", function()
  it("adds sector mentions to every dyad of the sentence and to the document", function()
    local doc = analyze("Moscow relies on Beijing for gas, pipelines and banks. Washington sanctioned banks.")
    local d = dyad(doc, "RUS", "CHN")
    near(2, d.sectors.energy)
    near(0.5, d.sectors.finance)
    local s = doc:sectors()
    near(2, s.energy)
    near(1, s.finance)
  end)

  it("lets a discard block a shorter match inside it", function()
    local doc = analyze("Officials in New Mexico met Russian diplomats. Mexico praised Russia.")
    local codes = {}
    for _, m in ipairs(doc:mentions()) do codes[#codes + 1] = m.code end
    assert.are.same({ "RUS", "MEX", "RUS" }, codes)
  end)

  it("resolves date-bounded actors with the document date", function()
    local text = "Medvedev praised Beijing."
    local m1 = analyze(text, { date = "2010-03-01" }):mentions()[1]
    local m2 = analyze(text, { date = "2015-03-01" }):mentions()[1]
    assert.are.equal("HOS", m1.role)
    assert.are.equal("HOG", m2.role)
    assert.are.equal("RUSHOS", m1.full_code)
    assert.are.equal(m1.code, m2.code)
  end)

  it("reports mentions with 1-based inclusive offsets into the caller's text", function()
    local text = "Yesterday Washington sanctioned Moscow."
    local doc = analyze(text)
    local m = doc:mentions()
    assert.are.equal("Washington", text:sub(m[1].s, m[1].e))
    assert.are.equal("Washington", text:sub(m[1][1], m[1][2]))
    assert.are.equal("USA", m[1].code)
    assert.are.equal("capital", m[1].type)
    assert.are.equal(1, m[1].sentence)
    assert.are.equal("Moscow", text:sub(m[2].s, m[2].e))
  end)

  it("keeps evidence: the sentence span, the cue and the actor mentions", function()
    local text = "Nothing happened. Then Washington sanctioned Moscow again."
    local doc = analyze(text)
    local ev = doc:evidence("USA", "RUS")
    assert.are.equal(1, #ev)
    assert.are.equal(2, ev[1].sentence)
    assert.are.equal("Then Washington sanctioned Moscow again.", text:sub(ev[1].s, ev[1].e))
    assert.are.equal(text:sub(ev[1].s, ev[1].e), ev[1].text)
    assert.are.equal("sanctioned", text:sub(ev[1].cue_s, ev[1].cue_e))
    assert.are.equal("Washington", text:sub(ev[1].source_s, ev[1].source_e))
    assert.are.equal("Moscow", text:sub(ev[1].target_s, ev[1].target_e))
    assert.are.same({}, doc:evidence("RUS", "USA"))
    assert.are.equal(1, #doc:evidence("RUS", "USA", { undirected = true }))
  end)

  it("computes net as sum(g|w|) / (sum|w| + 1) with cue Goldstein values", function()
    local doc = analyze("Washington sanctioned Moscow. Washington condemned Moscow.")
    local d = dyad(doc, "USA", "RUS")
    -- sanction: g = -2 (k_conflict derived from condemn*), condemn: g = -2 (entry), |w| = 1 each
    near((-2 - 2) / (2 + 1), d.net)
    assert.are.equal(2, d.n)
    doc = analyze("Washington sanctioned Moscow.", nil, { goldstein_k = 4 })
    near(-4 / 2, dyad(doc, "USA", "RUS").net)
    doc = analyze("Moscow praised Beijing.")  -- no coop cue carries a Goldstein value: k_coop = 1
    near(1 / 2, dyad(doc, "RUS", "CHN").net)
    doc = analyze("Moscow praised Beijing.", nil, { k_coop = 3 })
    near(3 / 2, dyad(doc, "RUS", "CHN").net)
  end)

  it("computes asymmetry from both directions' dependency", function()
    local doc = analyze("Moscow relies on Beijing. Moscow relies on Beijing. Beijing relies on Moscow.")
    near((2 - 1) / (2 + 1), doc:asymmetry("RUS", "CHN"))
    assert.is_nil(doc:asymmetry("RUS", "USA"))
  end)

  it("ranks actors by salience with a bonus for the title and the first sentence", function()
    local doc = analyze("India praised Mexico. Russia spoke. Russia spoke again.", { title = "India" })
    local a = doc:actors()
    assert.are.equal("IND", a[1].code)
    near(1 + 1 + 2, a[1].salience)
    assert.are.equal(1, a[1].count)
    assert.are.equal(1, a[1].first)
    local by = {}
    for _, r in ipairs(a) do by[r.code] = r end
    near(2, by.RUS.salience)
    near(2, by.MEX.salience)
  end)
end)

describe("document object", function()
  it("exposes meta fields, text and a meaningful tostring", function()
    local text = "Washington sanctioned Moscow. Beijing praised Moscow."
    local doc = analyze(text, { id = "t-1", date = "2026-11-28", title = "A title" })
    assert.are.equal("t-1", doc.id)
    assert.are.equal("2026-11-28", doc.date)
    assert.are.equal("A title", doc.title)
    assert.are.equal(text, doc:text())
    assert.are.equal("dyadic.document t-1: 2 sentences, 3 actors, 4 dyads", tostring(doc))
    assert.are.same({ { 1, 29, s = 1, e = 29 }, { 31, 53, s = 31, e = 53 } }, doc:sentences())
  end)

  it("closes idempotently and refuses use afterwards", function()
    local doc = analyze("Washington sanctioned Moscow.")
    doc:close()
    doc:close()
    assert.are.equal("dyadic.document (closed)", tostring(doc))
    assert.has_error(function() doc:dyads() end)
  end)

  if _VERSION == "Lua 5.4" then
    it("closes at the end of a to-be-closed scope", function()
      local chunk = assert(load([[
        local analyze = ...
        local kept
        do
          local doc <close> = analyze("Washington sanctioned Moscow.")
          kept = doc
        end
        return kept
      ]]))
      assert.are.equal("dyadic.document (closed)", tostring(chunk(analyze)))
    end)
  end

  it("raises naming the argument on a malformed date or a bad option", function()
    local core = require "dyadic.core"
    assert.has_error(function() core.analyze(lex, "x", "2026-13-01") end,
      "bad argument #3 to 'analyze' (malformed date '2026-13-01')")
    assert.has_error(function() analyze("x", { id = "x", date = "2026-13-01" }) end,
      "document 'x': malformed date '2026-13-01'")
    assert.has_error(function() analyze("x", { id = "x", colour = "red" }) end)
    assert.has_error(function() analyze("x"):dyads{ directed = true } end)
  end)

  it("raises a plain error, naming no argument, when the document's lexicon was closed", function()
    local own = dyadic.lexicon()
    own:add { term = "Washington", kind = "actor", code = "USA", type = "capital" }
    own:add { term = "Moscow", kind = "actor", code = "RUS", type = "capital" }
    own:add { term = "sanctioned", kind = "cue", category = "conflict" }
    local doc = dyadic.analyzer { lexicon = own }:analyze("Washington sanctioned Moscow.")
    assert.are.equal(2, #doc:mentions())
    own:close()
    for _, call in ipairs {
      function() doc:mentions() end,
      function() doc:cues() end,
      function() doc:evidence("USA", "RUS") end,
    } do
      local ok, err = pcall(call)
      assert.is_false(ok)
      assert.matches("document's lexicon was closed", err)
      assert.is_nil(err:find("bad argument", 1, true))
    end
    assert.is_not_nil(dyad(doc, "USA", "RUS"))  -- what needs no lexicon still works
  end)

  it("refuses out-of-range integers before converting them", function()
    local doc = analyze("India spoke. China listened.")
    assert.has_error(function() doc:_emit { sentence = 1e10, source = "IND", target = "CHN" } end,
      "bad argument #1 to '_emit' (sentence 10000000000 out of range 1..2)")
    assert.has_error(function() doc:_emit { sentence = 1e300, source = "IND", target = "CHN" } end,
      "bad argument #1 to '_emit' (field 'sentence' must be an integer)")
    assert.has_error(function() doc:_emit { sentence = 0 / 0, source = "IND", target = "CHN" } end,
      "bad argument #1 to '_emit' (field 'sentence' must be an integer)")
    assert.has_error(function() doc:_discard(1 / 0) end,
      "bad argument #1 to '_discard' (sentence index must be an integer)")
    for _, bad in ipairs { 1e300, -1e300, -1, 0.5, 2 ^ 31 } do
      local ok, err = pcall(analyze, "x", nil, { negation_window = bad })
      assert.is_false(ok)
      assert.matches("scoring parameter 'negation_window' must be an integer from 0 to 2%^31%-1", err)
    end
    assert.is_not_nil(analyze("India spoke.", nil, { negation_window = 2 ^ 31 - 1 }))
  end)

  it("analyses undated documents and empty texts", function()
    local doc = analyze("")
    assert.are.equal(0, #doc:sentences())
    assert.are.same({}, doc:dyads())
    assert.is_nil(doc.date)
  end)

  it("takes rule contributions, tags and discards", function()
    local text = "Moscow relies on Beijing. Washington sanctioned Moscow. India spoke."
    local doc = analyze(text)
    assert.are.same({ 1, 2 }, doc:_sentences_with{ "RUS" })
    assert.are.same({ 1 }, doc:_sentences_with{ "RUS", "CHN" })
    assert.are.same({}, doc:_sentences_with{ "XYZ" })
    doc:_emit{ sentence = 3, source = "IND", target = "CHN", coop = 2, sector = "trade", note = "n", rule = "r1" }
    local d = dyad(doc, "IND", "CHN")
    near(2, d.coop)
    assert.are.equal(1, d.n)
    near(1, d.sectors.trade)
    local ev = doc:evidence("IND", "CHN")[1]
    assert.are.equal("r1", ev.rule)
    assert.are.equal("n", ev.note)
    assert.are.equal("rule", ev.direction)
    doc:_tag(2, "sanctions")
    assert.are.same({ "sanctions" }, doc:sentences()[2].tags)
    doc:_discard(2)
    assert.is_nil(dyad(doc, "USA", "RUS"))
    assert.are.same({}, doc:evidence("USA", "RUS"))
    assert.has_error(function() doc:_emit{ sentence = 9, source = "IND", target = "CHN" } end)
    assert.has_error(function() doc:_emit{ sentence = 1, source = "IND", target = "IND" } end)
    assert.has_error(function() doc:_emit{ sentence = 1, source = "IND", colour = 1 } end)
  end)

  it("runs rules after the C pass when the analyzer has some", function()
    local seen = {}
    local an = dyadic.analyzer{ lexicon = lex, rules = {
      { name = "gas-deal", needs = { "RUS", "CHN" }, pattern = { "gas deal" },
        apply = function(ctx)
          seen[#seen + 1] = ctx.sentence
          ctx:emit{ source = "RUS", target = "CHN", dependency = 2, sector = "energy", note = "gas deal" }
        end },
    } }
    local doc = an:analyze("Russia and China signed a gas deal. Moscow praised a gas deal with India.", { id = "r" })
    assert.are.same({ 1 }, seen)  -- the needs prefilter skipped sentence 2 (no CHN)
    local d = dyad(doc, "RUS", "CHN")
    near(2, d.dependency)
    near(0.5, d.coop)
    near(1 + 1, d.sectors.energy)  -- the sector mention and the rule's sector
    local ev = doc:evidence("RUS", "CHN")
    assert.are.equal("gas-deal", ev[#ev].rule)
    assert.matches("1 rules", tostring(an))
  end)

  it("prints the analyzer", function()
    local an = dyadic.analyzer{ lexicon = lex }
    assert.matches("^dyadic%.analyzer: %d+ lexicon entries, 0 rules", tostring(an))
  end)
end)

describe("the example op-ed with the default lexicon", function()
  local ok_default, default = pcall(function() return dyadic.default_lexicon() end)
  local text = helpers.read(helpers.fixture("../../examples/oped-india-russia-oil.txt"))

  it("finds what an expert reader concludes", function()
    if not ok_default or not default then
      pending("default lexicon unavailable: " .. tostring(default))
      return
    end
    local an = dyadic.analyzer{ lexicon = default }
    local doc = an:analyze(text, { id = "oped-india-russia", date = "2026-11-20",
                                   title = "Discounted Barrels, Expensive Friendship" })
    local actors = doc:actors()
    local top = {}
    for i = 1, 3 do top[actors[i].code] = true end
    -- India and Russia are the protagonists, the United States the third party
    assert.is_true(top.IND and top.RUS and top.USA, "top actors")
    assert.are.equal("IND", actors[1].code)
    -- the central pair is India-Russia, cooperative, with energy its main sector
    local u = doc:dyads{ undirected = true }
    local first = u[1]
    assert.are.same({ "IND", "RUS" }, { first.source, first.target })
    assert.is_true(first.net > 0, "IND-RUS net > 0")
    local best, bw = nil, 0
    for k, w in pairs(first.sectors) do if w > bw then best, bw = k, w end end
    assert.are.equal("energy", best)
    -- Russia depends on India more than the reverse
    assert.is_true(doc:asymmetry("RUS", "IND") > 0, "RUS depends on IND")
    -- the United States' pressure on India is conflictual
    local usa_ind = dyad(doc, "USA", "IND")
    assert.is_true(usa_ind.conflict > 0)
    assert.is_true(usa_ind.conflict > usa_ind.coop)
    -- Washington and Moscow: conflict
    assert.is_true(dyad(doc, "RUS", "USA", true).net < 0)
  end)
end)

-- The sectors of dyad a -> b ({} when there is none).
local function sectors_of(doc, a, b)
  local d = dyad(doc, a, b)
  return d and d.sectors or {}
end

describe("extension: sector carry-over from a lead sentence", function()

  it("gives bullet points that name no actor to the lead sentence's dyads, x carry", function()
    local text = "Russia and China signed a deal.\n- Energy: discounted gas, a new pipeline.\n- Finance: bank loans."
    local doc = analyze(text)
    local rc, cr = dyad(doc, "RUS", "CHN"), dyad(doc, "CHN", "RUS")
    near(2 * 0.5, rc.sectors.energy)        -- gas + pipeline, weight 1 each, x 0.5
    near(2 * 0.5, cr.sectors.energy)
    near(0.5 * 0.5, rc.sectors.finance)     -- bank*: weight 0.5
    assert.are.equal(1, rc.n)               -- sectors only: the bullets are no co-occurrence
    near(0.5, rc.coop)
    near(2, doc:sectors().energy)           -- document totals count each mention once
    near(0.5, doc:sectors().finance)
    local carried = {}
    for _, e in ipairs(doc:evidence("RUS", "CHN")) do
      if e.carried then carried[#carried + 1] = e end
    end
    assert.are.equal(3, #carried)
    local e = carried[1]
    assert.are.equal("carried", e.direction)
    assert.are.equal(1, e.from)
    assert.are.equal(2, e.sentence)
    assert.are.equal("Energy: discounted gas, a new pipeline.", e.text)
    assert.are.equal("energy", e.sector)
    near(0.5, e.sector_weight)
    near(0, e.coop)
    assert.is_nil(e.cue)
    assert.are.equal("gas", text:sub(e.sector_s, e.sector_e))
    assert.are.equal("pipeline", text:sub(carried[2].sector_s, carried[2].sector_e))
    local from_chn = 0
    for _, x in ipairs(doc:evidence("CHN")) do if x.carried and x.target == "RUS" then from_chn = from_chn + 1 end end
    assert.are.equal(3, from_chn)
  end)

  it("carries to a follow-up sentence of the same paragraph", function()
    local doc = analyze("Moscow relies on Beijing. Gas exports matter most.\nNew chips too.")
    near(0.5, sectors_of(doc, "RUS", "CHN").energy)
    near(0.5, sectors_of(doc, "CHN", "RUS").technology)
    near(1, dyad(doc, "RUS", "CHN").dependency)
  end)

  it("continues across a blank line into a list, and stops at a blank line before prose", function()
    local doc = analyze("Moscow relies on Beijing for:\n\n- gas exports\n\n- pipelines\n\nGas prices fell.")
    near(2 * 0.5, sectors_of(doc, "RUS", "CHN").energy)
    doc = analyze("Moscow relies on Beijing.\n\nGas exports matter most.")
    assert.is_nil(sectors_of(doc, "RUS", "CHN").energy)
  end)

  it("stops at a headline and at a plain line after a list", function()
    local doc = analyze("Moscow relies on Beijing.\nPipelines and banks\nGas exports matter most.")
    assert.are.same({}, sectors_of(doc, "RUS", "CHN"))
    doc = analyze("Moscow relies on Beijing.\nWhat Russia gets from China\n- more gas")
    near(0.5, sectors_of(doc, "RUS", "CHN").energy)  -- a headline with two participants leads its list
    assert.are.equal(2, doc:evidence("RUS", "CHN")[2].from)
    doc = analyze("Russia and China signed a deal.\n- more gas\nBanks matter.")
    local s = sectors_of(doc, "RUS", "CHN")
    near(0.5, s.energy)
    assert.is_nil(s.finance)
  end)

  it("takes the nearest lead with two participants, and only sentences with no actor inherit", function()
    local doc = analyze("Moscow relies on Beijing. India praised Mexico. Gas flows. Russia spoke of banks.")
    assert.is_nil(sectors_of(doc, "RUS", "CHN").energy)
    near(0.5, sectors_of(doc, "IND", "MEX").energy)
    assert.is_nil(sectors_of(doc, "IND", "MEX").finance)  -- "Russia spoke": one actor, no carry
  end)

  it("takes its factor from the scoring option and drops with a discarded lead", function()
    local text = "Russia and China signed a deal. Gas flows."
    near(1, sectors_of(analyze(text, nil, { carry = 1 }), "RUS", "CHN").energy)
    assert.is_nil(sectors_of(analyze(text, nil, { carry = 0 }), "RUS", "CHN").energy)
    local doc = analyze(text)
    near(0.5, sectors_of(doc, "RUS", "CHN").energy)
    doc:_discard(1)
    assert.is_nil(dyad(doc, "RUS", "CHN"))
    assert.are.same({}, doc:evidence("RUS", "CHN"))
    near(1, doc:sectors().energy)
  end)
end)

describe("extension: section topic from a headline", function()

  it("gives a section's bullets under a one-actor lead to the headline's dyads, x topic", function()
    local text = "What Russia wants from China\n\nMoscow has a long list:\n\n- gas pipelines\n- bank loans\n- chips"
    local doc = analyze(text)
    local rc = sectors_of(doc, "RUS", "CHN")
    near(2 * 0.25, rc.energy)                 -- gas + pipelines, weight 1 each, x 0.25
    near(0.5 * 0.25, rc.finance)              -- bank*: weight 0.5
    near(0.25, rc.technology)
    near(0.5, sectors_of(doc, "CHN", "RUS").energy)
    assert.are.equal(1, dyad(doc, "RUS", "CHN").n)   -- the headline only: no co-occurrence added
    near(2, doc:sectors().energy)             -- document totals count each mention once
    local topic = {}
    for _, e in ipairs(doc:evidence("RUS", "CHN")) do
      if e.direction == "topic" then topic[#topic + 1] = e end
    end
    assert.are.equal(4, #topic)
    assert.is_true(topic[1].carried)
    assert.are.equal(1, topic[1].from)
    assert.are.equal(3, topic[1].sentence)
    assert.are.equal("gas", text:sub(topic[1].sector_s, topic[1].sector_e))
    near(0.25, topic[1].sector_weight)
    near(0.125, topic[3].sector_weight)
    -- without the extension the bullets reach no dyad (the blank line ended the headline's block)
    assert.are.same({}, sectors_of(analyze(text, nil, { topic = 0 }), "RUS", "CHN"))
    near(2, sectors_of(analyze(text, nil, { topic = 1 }), "RUS", "CHN").energy)
  end)

  it("lets the block lead win over the topic, and the topic apply when carry-over is off", function()
    local text = "What Russia wants from China\n\nRussia and China signed a deal.\n- gas pipelines\n"
    local function energy_rows(doc)
      local out = {}
      for _, e in ipairs(doc:evidence("RUS", "CHN")) do
        if e.carried and e.sector == "energy" then out[#out + 1] = e.direction end
      end
      return table.concat(out, ",")
    end
    local lead = analyze(text)
    local off = analyze(text, nil, { carry = 0 })
    assert.is_true(#energy_rows(lead) > 0)
    assert.is_nil(energy_rows(lead):find("topic"))          -- 7.1: the bullet takes the lead's dyad
    assert.is_nil(energy_rows(off):find("carried"))         -- carry = 0: no lead ...
    assert.truthy(energy_rows(off):find("topic"))           -- ... the headline's topic instead
    near(sectors_of(lead, "RUS", "CHN").energy / 2, sectors_of(off, "RUS", "CHN").energy)  -- x0.25, not x0.5
    assert.is_nil(sectors_of(analyze(text, nil, { carry = 0, topic = 0 }), "RUS", "CHN").energy)
  end)

  it("takes a one-actor sentence only when its actor is one of the headline's", function()
    local doc = analyze("Russia and China\n\nRussia sells gas. India buys chips. Mexico and Egypt\n")
    near(0.25, sectors_of(doc, "RUS", "CHN").energy)
    assert.is_nil(sectors_of(doc, "RUS", "CHN").technology)  -- India is not a party of the topic
    assert.is_nil(dyad(doc, "IND", "RUS"))
    -- no headline: a one-actor sentence inherits nothing from a lead of its block
    doc = analyze("Russia and China signed a deal. Russia sells gas.")
    assert.is_nil(sectors_of(doc, "RUS", "CHN").energy)
  end)

  it("ends at the next headline, and a headline without a dyad has no topic", function()
    local doc = analyze("What Russia wants from China\n\nGas flows.\n\nThe markets\n\nBanks lend.")
    local s = sectors_of(doc, "RUS", "CHN")
    near(0.25, s.energy)
    assert.is_nil(s.finance)
    doc = analyze("Russia and China\n\nGas flows.\n\nChina at home\n\nChina sells chips. Banks lend.")
    s = sectors_of(doc, "RUS", "CHN")
    near(0.25, s.energy)
    assert.is_nil(s.finance)
    assert.is_nil(s.technology)
  end)

  it("yields to the lead of the sentence's own block", function()
    local doc = analyze("Russia and China\n\nIndia praised Mexico. Gas flows.")
    near(0.5, sectors_of(doc, "IND", "MEX").energy)   -- carried from the block's lead
    assert.is_nil(sectors_of(doc, "RUS", "CHN").energy)
    -- a headline followed directly by its list is the list's lead (x carry, "carried")
    doc = analyze("Russia and China\n- gas\n\nRussia buys chips.")
    local s = sectors_of(doc, "RUS", "CHN")
    near(0.5, s.energy)
    near(0.25, s.technology)
    local dirs = {}
    for _, e in ipairs(doc:evidence("RUS", "CHN")) do dirs[#dirs + 1] = e.direction end
    assert.are.same({ "carried", "topic" }, dirs)
  end)

  it("does not take a line ending in an abbreviation's period for a headline", function()
    near(0.25, sectors_of(analyze("Russia and China met the UK\n\nRussia sells gas."), "RUS", "CHN").energy)
    assert.is_nil(sectors_of(analyze("Russia and China met the U.K.\n\nRussia sells gas."), "RUS", "CHN").energy)
  end)

  it("drops with a discarded headline", function()
    local doc = analyze("Russia and China\n\nRussia sells gas.")
    near(0.25, sectors_of(doc, "RUS", "CHN").energy)
    doc:_discard(1)
    assert.is_nil(dyad(doc, "RUS", "CHN"))
    assert.are.same({}, doc:evidence("RUS", "CHN"))
    near(1, doc:sectors().energy)
  end)
end)

describe("extension: subject ellipsis in coordinated verb phrases", function()
  it("gives the cue after 'and' the subject of the previous clause", function()
    local doc = analyze("Egypt condemned the filling of the dam and warned Ethiopia against further steps.")
    local d = dyad(doc, "EGY", "ETH")
    near(1, d.conflict)
    near(0, dyad(doc, "ETH", "EGY").conflict)
    local ev = doc:evidence("EGY", "ETH")
    assert.are.equal(1, #ev)
    assert.are.equal("warn*", ev[1].cue)
    assert.are.equal("ellipsis", ev[1].direction)
    assert.are.equal("Egypt", doc:text():sub(ev[1].source_s, ev[1].source_e))
    -- "condemned" has no target in its clause: Egypt's own tone, no invented dyad
    local tone = doc:evidence("EGY")
    assert.are.equal("condemn*", tone[1].cue)
    assert.are.equal("tone", tone[1].direction)
    assert.is_nil(tone[1].target)
    assert.are.same({}, doc:evidence("ETH"))
  end)

  it("keeps the subject, not the previous object", function()
    local doc = analyze("Egypt condemned Sudan and strongly warned Ethiopia.")
    near(1, dyad(doc, "EGY", "SDN").conflict)
    near(1.3, dyad(doc, "EGY", "ETH").conflict)
    near(0, dyad(doc, "SDN", "ETH").conflict)
    doc = analyze("Russia and China condemned the plan and warned Washington.")
    near(1, dyad(doc, "RUS", "USA").conflict)
    near(1, dyad(doc, "CHN", "USA").conflict)
  end)

  it("does not read a noun phrase after 'and' as an elided verb phrase", function()
    local doc = analyze("Egypt condemned Sudan and a partnership with Ethiopia.")
    near(1, dyad(doc, "EGY", "SDN").conflict)
    near(0, dyad(doc, "EGY", "ETH").coop)
    doc = analyze("Egypt condemned Sudan and reportedly praised Ethiopia.")  -- a modifier cue may sit between
    near(0.5, dyad(doc, "EGY", "ETH").coop)
  end)

  it("does not apply when the clause names its own subject, or across a semicolon", function()
    local doc = analyze("Moscow praised the deal and Beijing sanctioned Washington.")
    near(1, dyad(doc, "CHN", "USA").conflict)
    near(0, dyad(doc, "RUS", "USA").conflict)
    doc = analyze("Egypt condemned the plan; and warned Ethiopia.")
    near(0, dyad(doc, "EGY", "ETH").conflict)
  end)

  it("gives the subject its tone when the second verb has no target, and can be turned off", function()
    local doc = analyze("Egypt condemned Sudan and warned of consequences.")
    near(1, dyad(doc, "EGY", "SDN").conflict)
    local by = {}
    for _, a in ipairs(doc:actors()) do by[a.code] = a end
    near(1, by.EGY.conflict)
    near(0, by.SDN.conflict)
    doc = analyze("Egypt condemned the plan and warned Ethiopia.", nil, { ellipsis_window = 0 })
    near(0, dyad(doc, "EGY", "ETH").conflict)
  end)
end)

describe("extension: doc:hedging()", function()
  it("counts hedged sentences and hedged dyad sentences", function()
    local doc = analyze("Washington may sanction Moscow. Russia and China signed a deal. "
      .. "Reportedly, Washington clearly sanctioned Moscow. India may act.")
    local h = doc:hedging()
    assert.are.equal(4, h.sentences)
    assert.are.equal(2, h.hedged_sentences)        -- 1 and 4; in 3 "clearly" cancels the hedge
    assert.are.equal(3, h.dyad_sentences)
    assert.are.equal(1, h.hedged_dyad_sentences)
    near(0.5, h.share)
    near(1 / 3, h.dyad_share)
    doc:_discard(1)
    h = doc:hedging()
    assert.are.equal(3, h.sentences)
    assert.are.equal(1, h.hedged_sentences)
    assert.are.equal(0, h.hedged_dyad_sentences)
  end)

  it("gives zeros and no shares for an empty document", function()
    local h = analyze(""):hedging()
    assert.are.same({ sentences = 0, hedged_sentences = 0, dyad_sentences = 0, hedged_dyad_sentences = 0 }, h)
  end)
end)
