-- Researchers' rules: validation, the C prefilter, the context, evidence, errors, and
-- the example rules of examples/rules/ on hand-written sentences.
local helpers = require "spec.helpers"
local dyadic = require "dyadic"
local rule = require "dyadic.rule"
local lpeg = require "lpeg"

local function analyze(rules, text, meta)
  local an = dyadic.analyzer { lexicon = dyadic.default_lexicon(), rules = rules }
  return an:analyze(text, meta or { id = "spec-doc", date = "2026-03-10" })
end

local function field(m, name, i) if m[name] ~= nil then return m[name] end return m[i] end

local function dyad(doc, a, b)
  for _, d in ipairs(doc:dyads()) do
    if field(d, "source", 1) == a and field(d, "target", 2) == b then return d end
  end
end

local function rule_evidence(doc, a, b, name)
  local out = {}
  for _, ev in ipairs(doc:evidence(a, b)) do
    if ev.rule == name then out[#out + 1] = ev end
  end
  return out
end

local function load_example(name)
  local list = assert(rule.load("examples/rules/" .. name .. ".lua"))
  assert.are.equal(1, #list)
  return list[1]
end

local function noop() end

describe("dyadic.rule", function()
  describe("validation", function()
    it("returns a rule object with a meaningful tostring", function()
      local r = dyadic.rule { name = "r1", needs = { "RUS", "CHN" }, pattern = { "gas deal" }, apply = noop }
      assert.is_true(rule.is_rule(r))
      assert.are.equal("dyadic.rule: r1 (1 phrases needs RUS,CHN)", tostring(r))
      local r2 = rule.new { name = "r2", pattern = lpeg.P "pipeline", apply = noop }
      assert.are.equal("dyadic.rule: r2 (LPeg pattern)", tostring(r2))
      assert.are.equal(r2, rule.new(r2))
    end)

    it("names the offending field", function()
      local cases = {
        { "x", "table expected, got string" },
        { { pattern = { "a" }, apply = noop }, "field 'name' must be a non-empty string" },
        { { name = "", apply = noop }, "field 'name' must be a non-empty string" },
        { { name = "r" }, "field 'apply' must be a function, got nil" },
        { { name = "r", apply = "f" }, "field 'apply' must be a function, got string" },
        { { name = "r", apply = noop, needs = 3 }, "field 'needs' must be a list of actor codes" },
        { { name = "r", apply = noop, needs = {} }, "field 'needs' must not be an empty list" },
        { { name = "r", apply = noop, needs = { "RUS", 7 } }, "field 'needs' item 2 must be an actor code" },
        { { name = "r", apply = noop, needs = (function()
            local t = {}
            for i = 1, 33 do t[i] = string.format("A%02d", i) end
            return t
          end)() }, "field 'needs' must list at most 32 codes, got 33" },
        { { name = "r", apply = noop, pattern = 12 }, "field 'pattern' must be an LPeg pattern" },
        { { name = "r", apply = noop, pattern = {} }, "field 'pattern' must not be an empty list" },
        { { name = "r", apply = noop, pattern = { "ok", false } }, "field 'pattern' item 2 must be a phrase" },
        { { name = "r", apply = noop, colour = "red" }, "unknown field 'colour'" },
      }
      for _, c in ipairs(cases) do
        local ok, err = pcall(rule.new, c[1])
        assert.is_false(ok)
        assert.truthy(err:find("bad argument #1 to 'rule'", 1, true), err)
        assert.truthy(err:find(c[2], 1, true), err)
      end
    end)

    it("accepts 32 needs codes and still analyzes with them", function()
      local codes = { "RUS", "CHN" }
      for i = 3, 32 do codes[i] = string.format("Z%02d", i) end
      local calls = 0
      local r = rule.new { name = "wide", needs = codes, apply = function() calls = calls + 1 end }
      assert.are.equal(32, #r.needs)
      local doc = analyze({ r }, "Russia and China signed a gas deal.")
      assert.truthy(#doc:dyads() > 0)
      assert.are.equal(0, calls)
    end)

    it("loads rules files and reports their errors with the path", function()
      local list = assert(rule.load("examples/rules/energy-deal.lua"))
      assert.are.equal("energy-deal", list[1].name)
      local path = helpers.write_temp("return { { name = 'no-apply' } }", ".lua")
      local none, err = rule.load(path)
      assert.is_nil(none)
      assert.truthy(err:find(path, 1, true))
      assert.truthy(err:find("field 'apply'", 1, true))
      os.remove(path)
      none, err = rule.load("spec/fixtures/rules/no-such-file.lua")
      assert.is_nil(none)
      assert.truthy(err:find("no-such-file.lua", 1, true))
    end)
  end)

  describe("running", function()
    local text = "Russia and China signed a pipeline deal. Russia praised India. " ..
                 "Brazil and Argentina met in Buenos Aires. China and Russia held naval drills."

    it("applies a rule with needs only to the sentences that have every needed actor", function()
      local calls, sentences = 0, {}
      local r = rule.new { name = "count", needs = { "RUS", "CHN" }, apply = function(ctx)
        calls = calls + 1
        sentences[#sentences + 1] = ctx.sentence
      end }
      analyze({ r }, text)
      assert.are.equal(2, calls)
      assert.are.same({ 1, 4 }, sentences)
    end)

    it("never applies a rule whose needs cannot be met", function()
      local calls = 0
      local r = rule.new { name = "never", needs = { "RUS", "XYZ" }, apply = function() calls = calls + 1 end }
      local doc = analyze({ r }, text)
      assert.are.equal(0, calls)
      assert.truthy(#doc:sentences() == 4)
    end)

    it("applies a rule without needs to every sentence where its pattern matches", function()
      local seen = {}
      local r = rule.new { name = "drills", pattern = { "naval drills", "pipeline" }, apply = function(ctx)
        seen[#seen + 1] = { ctx.sentence, ctx.doc:text():sub(ctx.s, ctx.e) }
      end }
      analyze({ r }, text)
      assert.are.same({ { 1, "pipeline" }, { 4, "naval drills" } }, seen)
    end)

    it("matches inside sentences only, with offsets into the document", function()
      local fired = {}
      local across = lpeg.P "deal." * lpeg.S " " ^ 1 * lpeg.P "Russia"   -- spans sentences 1 and 2
      local at = lpeg.Cg(lpeg.Cp(), "at") * lpeg.P "Aires"
      local rules = {
        rule.new { name = "across", pattern = across, apply = function(ctx) fired[#fired + 1] = ctx.sentence end },
        rule.new { name = "at", pattern = at, apply = function(ctx)
          fired.at, fired.s, fired.e, fired.sentence = ctx.captures.at, ctx.s, ctx.e, ctx.sentence
        end },
      }
      analyze(rules, text)
      assert.are.same({}, { fired[1] })
      assert.are.equal(3, fired.sentence)
      assert.are.equal("Aires", text:sub(fired.s, fired.e))
      assert.are.equal(fired.s, fired.at)
      -- a match that runs past the sentence end is retried inside the sentence
      local seen = {}
      local greedy = lpeg.P "Russia" * (1 - lpeg.P "India") ^ 0 * lpeg.P "India" + lpeg.P "Russia"
      analyze({ rule.new { name = "greedy", pattern = greedy, apply = function(ctx)
        seen[#seen + 1] = { ctx.sentence, text:sub(ctx.s, ctx.e) }
      end } }, text)
      assert.are.same({ { 1, "Russia" }, { 2, "Russia praised India" }, { 4, "Russia" } }, seen)
    end)

    it("gives the context the sentence, its mentions, cues and the previous sentence", function()
      local got
      local word = lpeg.P "drills"
      local r = rule.new { name = "ctx", needs = { "CHN" }, pattern = word, apply = function(ctx)
        got = {
          text = ctx.text, sentence = ctx.sentence, match = ctx.doc:text():sub(ctx.s, ctx.e),
          codes = {}, previous = {}, meta_id = ctx.meta.id,
        }
        for _, m in ipairs(ctx.mentions) do got.codes[#got.codes + 1] = field(m, "code", 4) end
        for _, m in ipairs(ctx.previous) do got.previous[#got.previous + 1] = field(m, "code", 4) end
      end }
      analyze({ r }, text)
      assert.are.equal("China and Russia held naval drills.", got.text)
      assert.are.equal(4, got.sentence)
      assert.are.equal("drills", got.match)
      assert.are.same({ "CHN", "RUS" }, got.codes)
      assert.are.same({ "BRA", "ARG", "ARG" }, got.previous)
      assert.are.equal("spec-doc", got.meta_id)
    end)

    it("adds emitted contributions to the dyads, with the rule name as evidence", function()
      local plain = analyze({}, text)
      local r = rule.new { name = "extra-coop", needs = { "RUS", "CHN" }, pattern = { "naval drills" },
        apply = function(ctx)
          ctx:emit { source = "CHN", target = "RUS", coop = 2, sector = "defence", note = "joint drills" }
        end }
      local doc = analyze({ r }, text)
      local before = dyad(plain, "CHN", "RUS")
      local after = dyad(doc, "CHN", "RUS")
      assert.truthy(after)
      assert.are.equal((before and before.coop or 0) + 2, after.coop)
      local ev = rule_evidence(doc, "CHN", "RUS", "extra-coop")
      assert.are.equal(1, #ev)
      assert.are.equal(4, ev[1].sentence)
      assert.are.equal(2, ev[1].coop)
    end)

    it("rejects malformed emits as errors of the rule", function()
      local r = rule.new { name = "bad-emit", needs = { "RUS" }, apply = function(ctx)
        ctx:emit { source = "RUS", target = "CHN", coop = "lots" }
      end }
      local doc = analyze({ r }, text)
      local w = rule.warnings(doc)
      assert.truthy(#w >= 1)
      assert.truthy(w[1]:find("field 'coop' must be a number", 1, true), w[1])
    end)

    it("catches errors inside a rule, names rule, document and sentence, and goes on", function()
      local later = 0
      local rules = {
        rule.new { name = "explodes", needs = { "RUS", "CHN" }, apply = function(ctx)
          if ctx.sentence == 4 then error("bad day") end
        end },
        rule.new { name = "later", apply = function() later = later + 1 end },
      }
      local doc = analyze(rules, text, { id = "op-ed-7", date = "2026-03-10" })
      local w = rule.warnings(doc)
      assert.are.equal(1, #w)
      assert.truthy(w[1]:find("rule 'explodes' failed on document 'op-ed-7', sentence 4: ", 1, true), w[1])
      assert.truthy(w[1]:find("bad day", 1, true))
      assert.are.equal(4, later)
      -- the C pass results are all there
      assert.are.same(analyze({}, text):dyads(), doc:dyads())
    end)

    it("tags and discards sentences", function()
      local r = rule.new { name = "drop-drills", pattern = { "naval drills" }, apply = function(ctx)
        ctx:tag("exercise")
        ctx:discard()
      end }
      local function sentences_of(doc)
        local set = {}
        for _, ev in ipairs(doc:evidence("CHN", "RUS")) do set[ev.sentence] = true end
        for _, ev in ipairs(doc:evidence("RUS", "CHN")) do set[ev.sentence] = true end
        return set
      end
      local text2 = "China and Russia signed a pipeline deal. China and Russia praised their naval drills."
      assert.is_true(sentences_of(analyze({}, text2))[2])
      local doc = analyze({ r }, text2)
      assert.is_nil(sentences_of(doc)[2])
      assert.is_true(sentences_of(doc)[1])
    end)
  end)

  describe("example rules", function()
    it("energy-deal: two states, an energy term and a deal -> mutual energy cooperation", function()
      local r = load_example("energy-deal")
      local doc = analyze({ r }, "The Siberian oil pipeline agreement between Russia and China runs to 2040.")
      local ab = rule_evidence(doc, "RUS", "CHN", "energy-deal")
      local ba = rule_evidence(doc, "CHN", "RUS", "energy-deal")
      assert.are.equal(1, #ab)
      assert.are.equal(1, #ba)
      assert.are.equal(0.5, ab[1].coop)
      assert.truthy(dyad(doc, "RUS", "CHN").sectors.energy)
      -- no energy term: nothing from the rule
      local none = analyze({ r }, "The trade agreement between Russia and China runs to 2040.")
      assert.are.equal(0, #rule_evidence(none, "RUS", "CHN", "energy-deal"))
      -- three states: the parties are ambiguous, nothing from the rule
      local three = analyze({ r }, "The Kazakh oil pipeline agreement between Russia and China runs to 2040.")
      assert.are.equal(0, #rule_evidence(three, "RUS", "CHN", "energy-deal"))
      assert.are.equal(0, #rule_evidence(three, "KAZ", "RUS", "energy-deal"))
    end)

    it("sanctions-evasion: X helped Y evade sanctions imposed by Z", function()
      local r = load_example("sanctions-evasion")
      local doc = analyze({ r }, "Turkey helped Iran evade the sanctions imposed by the United States.")
      local xy = rule_evidence(doc, "TUR", "IRN", "sanctions-evasion")
      local xz = rule_evidence(doc, "TUR", "USA", "sanctions-evasion")
      assert.are.equal(1, #xy)
      assert.are.equal(1, xy[1].coop)
      assert.are.equal(1, #xz)
      assert.are.equal(1, xz[1].conflict)
    end)

    it("both-leaders: 'the two leaders' refers to the previous sentence's pair", function()
      local r = load_example("both-leaders")
      local doc = analyze({ r }, "Vladimir Putin met Xi Jinping in Moscow. The two leaders praised their partnership.")
      local ab = rule_evidence(doc, "RUS", "CHN", "both-leaders")
      local ba = rule_evidence(doc, "CHN", "RUS", "both-leaders")
      assert.are.equal(1, #ab)
      assert.are.equal(1, #ba)
      assert.are.equal(2, ab[1].sentence)
      assert.truthy(ab[1].coop > 0)
      assert.are.equal(ab[1].coop, ba[1].coop)
      -- three actors before: no single pair to refer to
      local none = analyze({ r }, "Russia, China and India met. The two leaders praised their partnership.")
      assert.are.equal(0, #rule_evidence(none, "RUS", "CHN", "both-leaders"))
    end)
  end)
end)
