-- Aggregates over many documents: exact int64 sums by period, merge in any order,
-- the versioned text format, and the read-time figures (net, asymmetry).
local helpers = require "spec.helpers"
local aggregate = require "dyadic.aggregate"

-- A small deterministic generator (Park-Miller: products stay below 2^53, so it gives the
-- same sequence on every runtime, unlike math.random).
local function lcg(seed)
  local state = seed % 2147483646 + 1
  return function(n)
    state = (state * 16807) % 2147483647
    return state % n + 1
  end
end

local function doc(date, dyads, actors)
  return { date = date, dyads = dyads or {}, actors = actors or {} }
end

local function find(records, source, target, period)
  for _, r in ipairs(records) do
    if r.source == source and r.target == target and (period == nil or r.period == period) then return r end
  end
  return nil
end

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok, "expected an error")
  return tostring(err)
end

describe("dyadic.aggregate", function()
  describe("construction", function()
    it("is callable, defaults to months and reads its fields", function()
      local agg = aggregate()
      assert.are.equal("month", agg.by)
      assert.are.equal(0, agg.documents)
      assert.are.equal(0, agg.skipped)
      assert.are.equal("week", aggregate{ by = "week" }.by)
      assert.are.equal("dyadic.aggregate by month: 0 documents, 0 skipped, 0 dyads, 0 periods", tostring(agg))
      assert.are.equal(aggregate.new{ by = "year" }.by, "year")
    end)

    it("names an unknown option and a bad period kind", function()
      assert.matches("unknown option 'bye'", errmsg(aggregate, { bye = "month" }))
      local err = errmsg(aggregate, { by = "fortnight" })
      assert.matches("by", err)
      assert.matches("fortnight", err)
      assert.matches("must be a string", errmsg(aggregate, { by = 7 }))
    end)

    it("is reachable from the dyadic module", function()
      local dyadic = require "dyadic"
      assert.are.equal(aggregate, dyadic.aggregate)
      assert.are.equal("day", dyadic.aggregate{ by = "day" }.by)
    end)

    it("closes idempotently and refuses use after close", function()
      local agg = aggregate()
      agg:close()
      agg:close()
      assert.are.equal("dyadic.aggregate (closed)", tostring(agg))
      assert.matches("closed", errmsg(agg.serialize, agg))
      assert.matches("closed", errmsg(aggregate().merge, aggregate(), agg))
    end)
  end)

  describe("sums and counts", function()
    local agg
    before_each(function()
      agg = aggregate{ by = "month" }
      agg:add_records(doc("2026-03-02", {
        { source = "RUS", target = "CHN", n = 2, hedged = 1, coop = 1.5, conflict = 0.25, dependency = 2,
          gsum = 4.5, wsum = 1.5, sectors = { energy = 1, finance = 0.5 } },
        { source = "USA", target = "RUS", n = 1, conflict = 1, gsum = -5, wsum = 1 },
      }, {
        { code = "RUS", mentions = 3, salience = 3.5, coop = 0.5, gsum = 1, wsum = 0.5 },
        { code = "CHN", mentions = 2, salience = 2 },
        { code = "USA", mentions = 1, salience = 1 },
      }))
      agg:add_records(doc("2026-03-20", {
        { source = "RUS", target = "CHN", n = 1, coop = 0.5, dependency = 1, gsum = 1.5, wsum = 0.5,
          sectors = { energy = 0.5 } },
      }, {
        { code = "RUS", mentions = 1, salience = 1 },
        { code = "CHN", mentions = 1, salience = 1 },
      }))
    end)

    it("adds directed dyad totals within a period", function()
      local records = agg:dyads()
      assert.are.equal(2, #records)
      local r = find(records, "RUS", "CHN")
      assert.are.equal("2026-03", r.period)
      assert.are.equal(3, r.n)
      assert.are.equal(1, r.hedged)
      assert.are.equal(2, r.coop)
      assert.are.equal(0.25, r.conflict)
      assert.are.equal(3, r.dependency)
      assert.are.equal(6, r.gsum)
      assert.are.equal(2, r.wsum)
      assert.are.equal(6 / (2 + 1), r.net)           -- net = gsum / (wsum + 1), computed when read
      assert.are.same({ energy = 1.5, finance = 0.5 }, r.sectors)
      local u = find(records, "USA", "RUS")
      assert.are.equal(-5 / 2, u.net)
      assert.is_nil(find(records, "CHN", "RUS"))
    end)

    it("counts documents overall, per period and per actor", function()
      assert.are.equal(2, agg.documents)
      assert.are.equal(2, agg:period_documents("2026-03"))
      assert.are.equal(0, agg:period_documents("2026-04"))
      local actors = agg:actors()
      assert.are.same({ "RUS", "CHN", "USA" }, { actors[1].code, actors[2].code, actors[3].code })
      assert.are.equal(4, actors[1].mentions)
      assert.are.equal(2, actors[1].documents)
      assert.are.equal(4.5, actors[1].salience)
      assert.are.equal(0.5, actors[1].coop)
      assert.are.equal(1 / 1.5, actors[1].net)
      assert.are.equal(1, actors[3].documents)
      local per = agg:actors{ by_period = true }
      assert.are.equal(3, #per)
      assert.are.equal("2026-03", per[1].period)
    end)

    it("counts an actor listed twice in one document as one document", function()
      local a = aggregate()
      a:add_records(doc("2026-01-01", {}, { { code = "X", mentions = 1 }, { code = "X", mentions = 2 } }))
      local r = a:actors()[1]
      assert.are.equal(3, r.mentions)
      assert.are.equal(1, r.documents)
    end)

    it("computes asymmetry from dependency in both directions", function()
      agg:add_records(doc("2026-04-01", { { source = "CHN", target = "RUS", dependency = 1 } }))
      assert.are.equal((3 - 1) / (3 + 1), agg:asymmetry("RUS", "CHN"))
      assert.are.equal(-0.5, agg:asymmetry("CHN", "RUS"))
      assert.are.equal(1, agg:asymmetry("RUS", "CHN", "2026-03"))
      assert.are.equal(-1, agg:asymmetry("RUS", "CHN", "2026-04"))
      assert.is_nil(agg:asymmetry("USA", "RUS"))       -- no dependency either way
      assert.is_nil(agg:asymmetry("RUS", "NOPE"))
    end)

    it("describes itself", function()
      assert.are.equal("dyadic.aggregate by month: 2 documents, 0 skipped, 2 dyads, 1 periods", tostring(agg))
      local st = agg:stats()
      assert.are.equal(2, st.dyads)
      assert.are.equal(2, st.dyad_entries)
      assert.are.equal(3, st.actor_entries)
      assert.is_true(st.memory > 0)
    end)

    it("rejects malformed records naming the field", function()
      assert.matches("dyads%[1%]%.coop: expected a number",
        errmsg(agg.add_records, agg, doc(nil, { { source = "A", target = "B", coop = "x" } })))
      assert.matches("dyads%[1%]%.target: expected a string",
        errmsg(agg.add_records, agg, doc(nil, { { source = "A" } })))
      assert.matches("dyads%[1%]%.n: expected an integer",
        errmsg(agg.add_records, agg, doc(nil, { { source = "A", target = "B", n = 1.5 } })))
      assert.matches("actors%[2%]%.colour: unknown field",
        errmsg(agg.add_records, agg, doc(nil, {}, { { code = "A" }, { code = "B", colour = 1 } })))
      assert.matches("unknown option 'dyad'", errmsg(agg.add_records, agg, { dyad = {} }))
      assert.matches("date: expected YYYY%-MM%-DD", errmsg(agg.add_records, agg, { date = "2026-02-30" }))
      assert.are.equal(2, agg.documents)  -- nothing was added by the failed calls
    end)
  end)

  describe("periods", function()
    local function label(by, date)
      local a = aggregate{ by = by }
      a:add_records(doc(date, { { source = "A", target = "B", n = 1 } }))
      return a:dyads()[1].period, a:period(date)
    end

    it("labels days, months, years and all", function()
      assert.are.same({ "2026-11-28", "2026-11-28" }, { label("day", "2026-11-28") })
      assert.are.same({ "2026-11", "2026-11" }, { label("month", "2026-11-28T10:00:00") })
      assert.are.same({ "2026", "2026" }, { label("year", "2026-11-28") })
      assert.are.same({ "all", "all" }, { label("all", "1999-01-01") })
    end)

    it("labels ISO 8601 weeks, across year ends", function()
      local cases = {
        ["2026-11-29"] = "2026-W48", ["2026-01-01"] = "2026-W01", ["2025-12-29"] = "2026-W01",
        ["2021-01-03"] = "2020-W53", ["2021-01-04"] = "2021-W01", ["2024-12-30"] = "2025-W01",
        ["2027-01-01"] = "2026-W53", ["2027-01-04"] = "2027-W01", ["2016-01-03"] = "2015-W53",
        ["2008-12-29"] = "2009-W01",
      }
      for date, want in pairs(cases) do
        assert.are.equal(want, (label("week", date)), date)
      end
    end)

    it("puts undated documents in the period 'undated'", function()
      local a = aggregate{ by = "week" }
      a:add_records(doc(nil, { { source = "A", target = "B", n = 1 } }))
      a:add_records(doc("2026-01-05", { { source = "A", target = "B", n = 2 } }))
      assert.are.same({ "2026-W02", "undated" }, a:periods())
      assert.are.equal(1, a:period_documents("undated"))
      assert.are.equal(1, find(a:dyads(), "A", "B", "undated").n)
    end)
  end)

  describe("from/to", function()
    local function month_agg()
      local a = aggregate{ by = "month" }
      for _, d in ipairs{ "2025-12-31", "2026-01-15", "2026-02-01", "2026-06-30", "2026-12-01", "2027-01-01" } do
        a:add_records(doc(d, { { source = "A", target = "B", n = 1 } }))
      end
      a:add_records(doc(nil, { { source = "A", target = "B", n = 1 } }))
      return a
    end

    local function periods_of(records)
      local out = {}
      for i, r in ipairs(records) do out[i] = r.period end
      return out
    end

    it("keeps the periods between the bounds, inclusive", function()
      local a = month_agg()
      assert.are.same({ "2026-01", "2026-02", "2026-06", "2026-12" },
        periods_of(a:dyads{ from = "2026-01", to = "2026-12" }))
      assert.are.same({ "2026-06", "2026-12", "2027-01" }, periods_of(a:dyads{ from = "2026-03" }))
      assert.are.same({ "2025-12", "2026-01" }, periods_of(a:dyads{ to = "2026-01" }))
      -- a year bound covers every month of that year; a day bound the month that holds it
      assert.are.same({ "2026-01", "2026-02", "2026-06", "2026-12" },
        periods_of(a:dyads{ from = "2026", to = "2026" }))
      assert.are.same({ "2026-02", "2026-06" }, periods_of(a:dyads{ from = "2026-02-15", to = "2026-06-01" }))
      assert.are.same({ "2026-01", "2026-02", "2026-06", "2026-12" },
        a:periods{ from = "2026-01", to = "2026-12" })
    end)

    it("keeps undated only without bounds", function()
      local a = month_agg()
      assert.are.equal(7, #a:dyads())
      assert.are.equal("undated", a:dyads()[7].period)
      assert.is_nil(find(a:dyads{ from = "1900" }, "A", "B", "undated"))
    end)

    it("compares day periods with month bounds by prefix", function()
      local a = aggregate{ by = "day" }
      for _, d in ipairs{ "2026-01-31", "2026-02-01", "2026-02-28", "2026-03-01" } do
        a:add_records(doc(d, { { source = "A", target = "B", n = 1 } }))
      end
      assert.are.same({ "2026-02-01", "2026-02-28" }, periods_of(a:dyads{ from = "2026-02", to = "2026-02" }))
    end)

    it("turns dates and months into ISO weeks for an aggregate by week", function()
      local a = aggregate{ by = "week" }
      for _, d in ipairs{ "2025-12-28", "2025-12-29", "2026-01-31", "2026-02-02" } do
        a:add_records(doc(d, { { source = "A", target = "B", n = 1 } }))
      end
      assert.are.same({ "2025-W52", "2026-W01", "2026-W05", "2026-W06" }, a:periods())
      -- January 2026 runs from 2026-W01 (Thu 1st) to 2026-W05 (Sat 31st)
      assert.are.same({ "2026-W01", "2026-W05" }, periods_of(a:dyads{ from = "2026-01", to = "2026-01" }))
      assert.are.same({ "2026-W05", "2026-W06" }, periods_of(a:dyads{ from = "2026-W05" }))
      assert.are.same({ "2025-W52" }, periods_of(a:dyads{ to = "2025-12-28" }))
    end)

    it("rejects malformed bounds and week bounds on other kinds", function()
      local a = month_agg()
      assert.matches("option 'from'", errmsg(a.dyads, a, { from = "March" }))
      assert.matches("option 'to'", errmsg(a.dyads, a, { to = "2026-13" }))
      assert.matches("week bound needs an aggregate by week", errmsg(a.dyads, a, { from = "2026-W05" }))
      assert.matches("unknown option 'since'", errmsg(a.dyads, a, { since = "2026" }))
    end)
  end)

  describe("undirected folding and series", function()
    local agg
    before_each(function()
      agg = aggregate{ by = "year" }
      agg:add_records(doc("2025-05-05", {
        { source = "RUS", target = "CHN", n = 1, coop = 1, gsum = 3, wsum = 1, sectors = { energy = 1 } },
      }))
      agg:add_records(doc("2026-05-05", {
        { source = "RUS", target = "CHN", n = 2, coop = 1, dependency = 1, gsum = 2, wsum = 1,
          sectors = { energy = 0.25, tech = 1 } },
        { source = "CHN", target = "RUS", n = 2, conflict = 0.5, gsum = -2, wsum = 0.5,
          sectors = { energy = 0.5, finance = 2 } },
        { source = "USA", target = "CHN", n = 1 },
      }))
      agg:add_records(doc("2024-01-01", { { source = "CHN", target = "RUS", n = 1, hedged = 1 } }))
    end)

    -- Weights add up over both directions; n, hedged and sector weights count the sentences
    -- in which both actors appear, which are the same in either direction, so the pair takes
    -- the larger direction's figure instead of double-counting those sentences.
    it("sums both directions under source < target", function()
      local records = agg:dyads{ undirected = true }
      local periods = {}
      for i, r in ipairs(records) do
        assert.is_true(r.source < r.target)
        periods[i] = r.period .. " " .. r.source .. "-" .. r.target
      end
      assert.are.same({ "2024 CHN-RUS", "2025 CHN-RUS", "2026 CHN-RUS", "2026 CHN-USA" }, periods)
      local r = records[3]
      assert.are.equal(2, r.n)
      assert.are.equal(1, r.coop)
      assert.are.equal(0.5, r.conflict)
      assert.are.equal(0, r.gsum)
      assert.are.equal(0, r.net)
      assert.are.same({ energy = 0.5, tech = 1, finance = 2 }, r.sectors)
      assert.are.equal(1, records[1].hedged)
    end)

    it("returns a dyad's series in period order", function()
      local s = agg:series("RUS", "CHN")
      assert.are.equal(2, #s)
      assert.are.same({ "2025", "2026" }, { s[1].period, s[2].period })
      assert.are.equal(3 / 2, s[1].net)
      local u = agg:series("RUS", "CHN", { undirected = true })
      assert.are.same({ "2024", "2025", "2026" }, { u[1].period, u[2].period, u[3].period })
      assert.are.equal("CHN", u[1].source)
      assert.are.equal(2, u[3].n)
      assert.are.same({}, agg:series("RUS", "NOPE"))
      assert.are.equal(1, #agg:series("RUS", "CHN", { from = "2026" }))
    end)

    it("fills periods where the dyad is absent when asked", function()
      local s = agg:series("USA", "CHN", { fill = true })
      assert.are.same({ "2024", "2025", "2026" }, { s[1].period, s[2].period, s[3].period })
      assert.are.same({ 0, 0, 1 }, { s[1].n, s[2].n, s[3].n })
    end)
  end)

  describe("merge", function()
    -- Random documents whose weights are exact in micro-units.
    local codes = { "RUS", "CHN", "USA", "EU", "IND", "TUR" }
    local sectors = { "energy", "finance", "tech" }
    local function random_doc(rand)
      local date = string.format("2026-%02d-%02d", rand(12), rand(28))
      if rand(10) == 1 then date = nil end
      local dyads, actors = {}, {}
      for i = 1, rand(4) do
        local s, t = codes[rand(#codes)], codes[rand(#codes)]
        local secs = {}
        if rand(2) == 1 then secs[sectors[rand(3)]] = rand(3000) / 1000 end
        dyads[i] = { source = s, target = t, n = rand(5), hedged = rand(2) - 1, coop = rand(2000000) / 1e6,
                     conflict = rand(999) / 1000, dependency = rand(4) / 4 - 0.25,
                     gsum = (rand(20001) - 10001) / 1e4, wsum = rand(50) / 10, sectors = secs }
      end
      for i = 1, rand(3) do
        actors[i] = { code = codes[rand(#codes)], mentions = rand(9), salience = rand(40) / 8,
                      coop = rand(10) / 10, conflict = rand(10) / 10, gsum = rand(100) / 10 - 5, wsum = rand(10) }
      end
      return doc(date, dyads, actors)
    end

    local function shuffled(n, rand)
      local order = {}
      for i = 1, n do order[i] = i end
      for i = n, 2, -1 do
        local j = rand(i)
        order[i], order[j] = order[j], order[i]
      end
      return order
    end

    it("gives byte-identical totals in any merge order", function()
      local rand = lcg(20261129)
      local docs = {}
      for i = 1, 240 do docs[i] = random_doc(rand) end
      local whole = aggregate{ by = "month" }
      for i = 1, #docs do whole:add_records(docs[i]) end
      whole:skip("empty")
      local want = whole:serialize()

      local nshards = 8
      local function shards()
        local list = {}
        for s = 1, nshards do list[s] = aggregate{ by = "month" } end
        for i = 1, #docs do list[(i * 7) % nshards + 1]:add_records(docs[i]) end
        list[3]:skip("empty")
        return list
      end
      for seed = 1, 6 do
        local order_rand = lcg(seed * 7919)
        local list = shards()
        local order = shuffled(nshards, order_rand)
        local acc = aggregate{ by = "month" }
        for _, k in ipairs(order) do acc:merge(list[k]) end
        assert.are.equal(want, acc:serialize(), "left fold, seed " .. seed)
        -- a random tree: merge random pairs until one is left
        list = shards()
        while #list > 1 do
          local i = order_rand(#list)
          local a = table.remove(list, i)
          local j = order_rand(#list)
          list[j]:merge(a)
        end
        assert.are.equal(want, list[1]:serialize(), "tree, seed " .. seed)
      end
      -- through the text format too
      local list = shards()
      local texts = {}
      for i = 1, nshards do texts[i] = list[i]:serialize() end
      assert.are.equal(want, assert(aggregate.merge_all(texts)):serialize())
    end)

    it("doubles when merged with itself", function()
      local a = aggregate()
      a:add_records(doc("2026-01-01", { { source = "A", target = "B", n = 1, coop = 0.5 } }, { { code = "A" } }))
      a:skip("bad date")
      a:merge(a)
      assert.are.equal(2, a.documents)
      assert.are.equal(2, a.skipped)
      assert.are.equal(1, a:dyads()[1].coop)
      assert.are.equal(2, a:actors()[1].documents)
    end)

    it("refuses aggregates grouped by different periods", function()
      local err = errmsg(aggregate{ by = "month" }.merge, aggregate{ by = "month" }, aggregate{ by = "week" })
      assert.matches("cannot merge an aggregate by week into one by month", err)
    end)

    it("refuses an int64 overflow and leaves the aggregate unchanged", function()
      local a = aggregate()
      local big = doc("2026-01-01", { { source = "A", target = "B", coop = 8e12 } })
      a:add_records(big)
      local before = a:serialize()
      assert.matches("overflow", errmsg(a.add_records, a, big))
      assert.are.equal(before, a:serialize())
      local b = assert(aggregate.load(before))
      assert.matches("overflow", errmsg(a.merge, a, b))
      assert.are.equal(before, a:serialize())
      local huge = doc(nil, { { source = "A", target = "B", coop = 1e13 } })
      assert.matches("out of range", errmsg(a.add_records, a, huge))
    end)
  end)

  describe("memory", function()
    it("does not grow with documents", function()
      local a = aggregate{ by = "month" }
      local d = doc("2026-05-17", {
        { source = "RUS", target = "CHN", n = 1, coop = 0.5, sectors = { energy = 1 } },
        { source = "CHN", target = "RUS", n = 1, dependency = 0.5 },
      }, { { code = "RUS", mentions = 2 }, { code = "CHN", mentions = 1 } })
      a:add_records(d)
      local first = a:stats()
      for _ = 1, 10000 do a:add_records(d) end
      local last = a:stats()
      assert.are.equal(10001, a.documents)
      assert.are.equal(first.dyad_entries, last.dyad_entries)
      assert.are.equal(first.sector_entries, last.sector_entries)
      assert.are.equal(first.actor_entries, last.actor_entries)
      assert.are.equal(first.strings, last.strings)
      assert.are.equal(first.memory, last.memory)
      assert.are.equal(10001 * 0.5, find(a:dyads(), "RUS", "CHN").coop)
      assert.are.equal(10001, a:actors()[1].documents)
    end)
  end)

  describe("skips", function()
    it("counts skipped documents by reason", function()
      local a = aggregate()
      a:skip("empty text")
      a:skip("empty text")
      a:skip("bad date", 3)
      assert.are.equal(5, a.skipped)
      assert.are.same({ ["empty text"] = 2, ["bad date"] = 3 }, a:skips())
      assert.are.equal(0, a.documents)
      local b = aggregate()
      b:skip("bad date")
      b:merge(a)
      assert.are.same({ ["empty text"] = 2, ["bad date"] = 4 }, b:skips())
      assert.matches("skip bad\\sdate 4\n", b:serialize())
      assert.matches("string expected", errmsg(a.skip, a))
      assert.matches("integer", errmsg(a.skip, a, "x", 1.5))
    end)

    it("refuses NaN, infinities and huge counts as non-integers", function()
      local a = aggregate()
      for _, bad in ipairs { 0 / 0, 1 / 0, -1 / 0, 1e300, -1e300, 2 ^ 63 } do
        assert.matches("expected an integer count", errmsg(a.skip, a, "x", bad))
        assert.matches("dyads%[1%]%.n: expected an integer count",
          errmsg(a.add_records, a, doc(nil, { { source = "A", target = "B", n = bad } })))
      end
      assert.matches("count out of range", errmsg(a.skip, a, "x", 1e17))
      assert.are.equal(0, a.skipped)
      assert.are.equal(0, a.documents)
    end)

    it("loads only a string, never a number converted to one", function()
      local core = require "dyadic.core"
      assert.matches("bad argument #1 to .-%(string expected, got number%)", errmsg(core.aggregate_load, 5))
      assert.matches("string expected, got number", errmsg(aggregate.load, 5))
    end)
  end)

  describe("text format", function()
    local function sample()
      local a = aggregate{ by = "day" }
      a:add_records(doc("2026-11-28", {
        { source = "A B", target = "back\\slash", n = 1, coop = -0.000001, gsum = 1e-6, wsum = 0.5,
          sectors = { ["line\nbreak"] = 1, ["tab\tand\rcr"] = 2, [""] = 3, ["ctl\1\127"] = 4 } },
        { source = "Ελλάδα", target = "中国", n = 3, dependency = 123456.789012 },
      }, { { code = "A B", mentions = 1, salience = 2 } }))
      a:add_records(doc(nil, { { source = "X", target = "Y", conflict = 2 } }))
      a:skip("no text here")
      return a
    end

    it("round-trips exactly, escaping what needs it", function()
      local a = sample()
      local text = a:serialize()
      assert.are.equal(1, select(2, text:gsub("^dyadic%-aggregate 1\nby day\ndocuments 2\nskipped 1\n", "")))
      assert.matches("\nd 2026%-11%-28 A\\sB back\\\\slash 1 0 %-1 0 0 1 500000\n", text)
      assert.matches("\ns 2026%-11%-28 A\\sB back\\\\slash \\e 3000000\n", text)
      assert.matches(" line\\nbreak ", text)
      assert.matches(" tab\\tand\\rcr ", text)
      assert.matches(" ctl\\x01\\x7f ", text)
      assert.matches(" 123456789012 0 0\n", text)
      assert.matches("\nend\n$", text)
      local b = assert(aggregate.load(text))
      assert.are.equal(text, b:serialize())
      assert.are.equal(tostring(a), tostring(b))
      assert.are.same(a:dyads(), b:dyads())
      assert.are.same(a:actors(), b:actors())
      assert.are.same(a:skips(), b:skips())
    end)

    it("reads the version 1 fixture and writes it back byte for byte", function()
      local text = helpers.read(helpers.fixture("aggregate/v1-week.txt"))
      local a = assert(aggregate.load(text))
      assert.are.equal(text, a:serialize())
      assert.are.equal("week", a.by)
      assert.are.equal(4, a.documents)
      local r = a:series("RUS", "CHN")
      assert.are.same({ "2026-W01", "2026-W53" }, { r[1].period, r[2].period })
      assert.are.equal(0.75, r[1].dependency)
    end)

    it("accepts records of one kind in any order and CRLF line ends", function()
      local text = "dyadic-aggregate 1\r\nby year\r\ndocuments 2\r\nskipped 0\r\np 2026 1\r\np 2025 1\r\n" ..
                   "d 2026 B A 1 0 0 0 0 0 0\r\nd 2026 A B 1 0 0 0 0 0 0\r\nend\r\n"
      local a = assert(aggregate.load(text))
      assert.are.equal("dyadic-aggregate 1\nby year\ndocuments 2\nskipped 0\np 2025 1\np 2026 1\n" ..
                       "d 2026 A B 1 0 0 0 0 0 0\nd 2026 B A 1 0 0 0 0 0 0\nend\n", a:serialize())
    end)

    it("reports malformed input with its line number", function()
      local head = "dyadic-aggregate 1\nby month\ndocuments 1\nskipped 0\n"
      local cases = {
        { "", "line 1: empty input" },
        { "hello\n", "line 1: not a dyadic aggregate" },
        { "dyadic-aggregate 2\n", "line 1: unsupported format version 2" },
        { "dyadic-aggregate x\n", "line 1: bad format version" },
        { "dyadic-aggregate 1\nby fortnight\n", "line 2: unknown period kind 'fortnight'" },
        { "dyadic-aggregate 1\nby month\n", "line 3: truncated header" },
        { "dyadic-aggregate 1\nby month\ndocuments -1\n", "line 3: documents: expected a count" },
        { "dyadic-aggregate 1\nby month\ndocuments 1\nskipped 99999999999999999999\n",
          "line 4: skipped: number out of int64 range" },
        { head .. "p 2026-01 1\n", "line 6: missing 'end'" },
        { head .. "p 2026-01 1\nend\nd\n", "line 7: data after 'end'" },
        { head .. "p 2026-13 1\nend\n", "line 5: '2026-13' is not a period label" },
        { head .. "p 2026-1 1\nend\n", "line 5: '2026-1' is not a period label" },
        { head .. "p 2026-01 1\nq 1\nend\n", "line 6: unknown record 'q'" },
        { head .. "p 2026-01 1\nd 2026-01 A B 1 0 0 0 0 0\nend\n", "line 6: 'd' record needs 10 fields, got 9" },
        { head .. "p 2026-01 1\nd 2026-01 A B 1 0 0 0 0 0 x\nend\n", "line 6: field 11: expected an integer" },
        { head .. "p 2026-01 1\nd 2026-01 A B 01 0 0 0 0 0 0\nend\n", "line 6: field 5: expected an integer" },
        { head .. "p 2026-01 1\nd 2026-01 A B -1 0 0 0 0 0 0\nend\n", "line 6: field 5: a count cannot be negative" },
        { head .. "p 2026-01 1\nd 2026-01 A B 0 0 9223372036854775808 0 0 0 0\nend\n",
          "line 6: field 7: number out of int64 range" },
        { head .. "p 2026-01 1\nd 2026-02 A B 1 0 0 0 0 0 0\nend\n", "line 6: period '2026-02' has no p record" },
        { head .. "p 2026-01 1\nd 2026-01 A B 1 0 0 0 0 0 0\nd 2026-01 A B 1 0 0 0 0 0 0\nend\n",
          "line 7: duplicate dyad record" },
        { head .. "p 2026-01 1\nd 2026-01 A  1 0 0 0 0 0 0\nend\n", "line 6: empty field" },
        { head .. "p 2026-01 1\nd 2026-01 A\\q B 1 0 0 0 0 0 0\nend\n", "line 6: unknown escape '\\q'" },
        { head .. "p 2026-01 1\nd 2026-01 A\\x4 B 1 0 0 0 0 0 0\nend\n", "line 6: bad \\x escape" },
        { head .. "p 2026-01 1\nd 2026-01 A\\ B 1 0 0 0 0 0 0\nend\n", "line 6: field ends inside an escape" },
        { head .. "p 2026-01 1\nd 2026-01 A\tB C 1 0 0 0 0 0 0\nend\n", "line 6: control byte 0x09" },
        { head .. "p 2026-01 1\na 2026-01 A 1 1 0 0 0 0 0\nd 2026-01 A B 1 0 0 0 0 0 0\nend\n",
          "line 7: 'd' record after 'a' records" },
        { head .. "p 2026-01 2\nend\n", "line 6: documents 1 but the p records sum to 2" },
        { head .. "p 2026-01 1\nskip x 1\nend\n", "line 6: 'skip' record after 'p' records" },
        { head .. "skip x 1\np 2026-01 1\nend\n", "line 7: skipped 0 but the skip records sum to 1" },
        { "dyadic-aggregate 1\nby week\ndocuments 1\nskipped 0\np 2025-W53 1\nend\n",
          "line 5: '2025-W53' is not a period label of an aggregate by week" },
      }
      for _, case in ipairs(cases) do
        local a, err = aggregate.load(case[1])
        assert.is_nil(a, case[2])
        assert.is_string(err)
        assert.are.equal(1, err:find(case[2], 1, true), "got '" .. err .. "' for: " .. case[1])
      end
      assert.has_error(function() aggregate.load(nil) end)
    end)

    it("never crashes on mangled input", function()
      local text = sample():serialize()
      local rand = lcg(7)
      local bytes = { " ", "\n", "\\", "x", "0", "-", "9", "\0", "W", "e" }
      for _ = 1, 2000 do
        local i = rand(#text)
        local mangled
        local op = rand(3)
        if op == 1 then
          mangled = text:sub(1, i - 1) .. text:sub(i + 1)
        elseif op == 2 then
          mangled = text:sub(1, i - 1) .. bytes[rand(#bytes)] .. text:sub(i + 1)
        else
          mangled = text:sub(1, i)
        end
        local a, err = aggregate.load(mangled)
        if a then
          assert.are.equal(a:serialize(), assert(aggregate.load(a:serialize())):serialize())
        else
          assert.matches("^line %d+: ", err)
        end
      end
    end)
  end)

  describe("dump", function()
    local function sample()
      local a = aggregate{ by = "week" }
      local rand = lcg(11)
      local codes = { "RUS", "CHN", "A B", "back\\slash", "" }
      for i = 1, 40 do
        a:add_records(doc(i % 5 == 0 and nil or string.format("2026-%02d-%02d", rand(12), rand(28)), {
          { source = codes[rand(4)], target = codes[rand(5)], n = rand(3), coop = rand(100) / 7,
            gsum = -rand(50) / 3, wsum = rand(9), sectors = { energy = rand(4), ["line\nbreak"] = 1 } },
        }, { { code = codes[rand(4)], mentions = rand(5), salience = rand(7) / 3 } }))
      end
      a:skip("no text")
      return a
    end

    it("gives back the same totals, sorted or not, without sorting", function()
      local a = sample()
      local d = a:dump()
      local b = assert(aggregate.undump(d))
      assert.are.equal("week", b.by)
      assert.are.equal(40, b.documents)
      assert.are.equal(a:serialize(), b:serialize())
      local c = assert(aggregate.undump(a:dump()))  -- a is sorted now
      assert.are.equal(a:serialize(), c:serialize())
      assert.are.same(a:dyads(), c:dyads())
      assert.are.equal(a:stats().strings, c:stats().strings)
    end)

    it("merges as the aggregate itself does", function()
      local a, b = sample(), aggregate{ by = "week" }
      b:add_records(doc("2026-03-04", { { source = "RUS", target = "CHN", n = 1, coop = 1 } }))
      local want = aggregate.merge_all{ b, a }:serialize()
      b:merge(assert(aggregate.undump(a:dump())))
      assert.are.equal(want, b:serialize())
      local m = aggregate{ by = "month" }
      assert.matches("cannot merge an aggregate by week into one by month",
        errmsg(m.merge, m, assert(aggregate.undump(a:dump()))))
    end)

    it("refuses truncated, extended and foreign bytes with a message", function()
      local d = sample():dump()
      for i = 0, #d - 1, 7 do
        local a, err = aggregate.undump(d:sub(1, i))
        assert.is_nil(a)
        assert.is_string(err)
      end
      assert.matches("after the last table", select(2, aggregate.undump(d .. "\0")))
      assert.matches("not an aggregate dump", select(2, aggregate.undump(sample():serialize())))
      assert.matches("not an aggregate dump", select(2, aggregate.undump("")))
      assert.has_error(function() aggregate.undump(nil) end)
      assert.has_error(function() aggregate.undump(12) end)
    end)

    it("never crashes on mangled bytes, and what it accepts is whole", function()
      local d = sample():dump()
      local rand = lcg(5)
      for _ = 1, 3000 do
        local i = rand(#d)
        local mangled = d:sub(1, i - 1) .. string.char(rand(256) - 1) .. d:sub(i + 1)
        local a, err = aggregate.undump(mangled)
        if a then
          local text = a:serialize()
          assert.are.equal(text, assert(aggregate.load(text)):serialize())
        else
          assert.is_string(err)
        end
      end
    end)
  end)

  describe("documents", function()
    local dyadic = require "dyadic"
    local function analyzer()
      local lex = dyadic.lexicon()
      lex:add{ term = "Moscow", kind = "actor", code = "RUS", type = "capital" }
      lex:add{ term = "Beijing", kind = "actor", code = "CHN", type = "capital" }
      lex:add{ term = "Washington", kind = "actor", code = "USA", type = "capital" }
      lex:add{ term = "relies on", kind = "cue", category = "dependency", weight = 1.0 }
      lex:add{ term = "sanctioned", kind = "cue", category = "conflict", weight = 1.0 }
      lex:add{ term = "gas", kind = "sector", sector = "energy" }
      return dyadic.analyzer{ lexicon = lex }
    end

    it("adds analyzed documents, the same as their summed records", function()
      local an = analyzer()
      local texts = {
        { "Moscow relies on Beijing for gas. Washington sanctioned Moscow.", "2026-03-02" },
        { "Moscow relies on Beijing.", "2026-03-09" },
        { "Washington sanctioned Moscow again.", nil },
      }
      local agg = aggregate{ by = "month" }
      for _, t in ipairs(texts) do agg:add(an:analyze(t[1], { date = t[2] })) end
      assert.are.equal(3, agg.documents)
      assert.are.same({ "2026-03", "undated" }, agg:periods())
      local dep = find(agg:dyads(), "RUS", "CHN", "2026-03")
      assert.is_not_nil(dep)
      assert.are.equal(2, dep.n)
      assert.is_true(dep.dependency > 0)
      assert.are.equal(1, agg:asymmetry("RUS", "CHN"))
      assert.is_true(dep.sectors.energy > 0)
      local sanc = find(agg:dyads(), "USA", "RUS", "undated")
      assert.is_true(sanc.conflict > 0)
      -- per-document figures add up to the aggregate
      local one = aggregate{ by = "month" }
      local d = an:analyze(texts[2][1], { date = texts[2][2] })
      one:add(d)
      one:add(d)
      assert.are.equal(2, one.documents)
      local per, both = find(d:dyads(), "RUS", "CHN"), find(one:dyads(), "RUS", "CHN")
      assert.are.equal(2 * per.n, both.n)
      assert.are.equal(2 * per.dependency, both.dependency)
      assert.are.equal(2 * per.coop, both.coop)
      local text = agg:serialize()
      assert.are.equal(text, assert(aggregate.load(text)):serialize())
    end)

    it("rejects what is not a document", function()
      local agg = aggregate()
      assert.has_error(function() agg:add({}) end)
      assert.are.equal(0, agg.documents)
    end)
  end)
end)
