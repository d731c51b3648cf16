-- Lexicons: entries, validation, matching and resolution, and the dictionary loaders.
local helpers = require "spec.helpers"
local lexicon = require "dyadic.lexicon"

local function fx(name) return helpers.fixture("lexicon/" .. name) end

-- The hits of lex on text as "term=code" strings (role appended with '/').
local function codes(lex, text, date)
  local out = {}
  for _, h in ipairs(lex:match(text, date)) do
    local c = h.code or h.category or h.sector or "?"
    if h.role then c = c .. "/" .. h.role end
    out[#out + 1] = text:sub(h.s, h.e) .. "=" .. c
  end
  return out
end

local function add_error(entry)
  local lex = lexicon()
  local ok, err = pcall(lex.add, lex, entry)
  assert.is_false(ok)
  return err
end

describe("dyadic.lexicon", function()
  describe("entries", function()
    it("makes an empty lexicon by calling the module", function()
      local lex = lexicon()
      assert.equal(0, #lex)
      assert.equal("dyadic.lexicon", tostring(lex):match("^[%w.]+"))
      assert.same({}, lex:match("Russia and China"))
    end)

    it("adds entries and returns their tables", function()
      local lex = lexicon()
      assert.equal(1, lex:add { term = "Putin", kind = "actor", code = "RUS", type = "leader", role = "GOV",
                                from = "1999-12-31" })
      assert.equal(2, lex:add { term = "rely on", kind = "cue", category = "dependency", weight = 1.5 })
      assert.equal(3, lex:add { term = "gas pipeline*", kind = "sector", sector = "energy" })
      assert.equal(4, lex:add { term = "New Mexico", kind = "discard" })
      assert.equal(5, lex:add { term = "lifeline for", kind = "cue", category = "dependency",
                                direction = "reverse", cameo = "0233", goldstein = 3.4 })
      assert.equal(5, #lex)
      assert.same({ term = "Putin", kind = "actor", code = "RUS", full_code = "RUS", type = "leader",
                    role = "GOV", from = "1999-12-31", weight = 1 }, lex:entry(1))
      assert.same({ term = "rely on", kind = "cue", category = "dependency", weight = 1.5 }, lex:entry(2))
      assert.same({ term = "gas pipeline*", kind = "sector", sector = "energy", weight = 1 }, lex:entries(3))
      assert.same({ term = "New Mexico", kind = "discard" }, lex:entry(4))
      local e5 = lex:entry(5)
      assert.equal("reverse", e5.direction)
      assert.equal("0233", e5.cameo)
      assert.equal(3.4, e5.goldstein)
      assert.equal(5, #lex:entries())
    end)

    it("splits hierarchical CAMEO codes into base code and role", function()
      local lex = lexicon()
      lex:add { term = "Kremlin", kind = "actor", code = "RUSGOV" }
      lex:add { term = "African Union", kind = "actor", code = "IGOAFR" }
      lex:add { term = "police", kind = "actor", code = "~COP" }
      lex:add { term = "rights group", kind = "actor", code = "NGO~" }
      lex:add { term = "Wagner", kind = "actor", code = "RUSMILMER" }
      local e = lex:entries()
      assert.same({ "RUS", "RUSGOV", "GOV" }, { e[1].code, e[1].full_code, e[1].role })
      assert.same({ "IGOAFR", "IGOAFR" }, { e[2].code, e[2].full_code })
      assert.is_nil(e[2].role)
      assert.same({ "", "~COP", "COP" }, { e[3].code, e[3].full_code, e[3].role })
      assert.same({ "", "NGO~", "NGO" }, { e[4].code, e[4].full_code, e[4].role })
      assert.same({ "RUS", "MILMER" }, { e[5].code, e[5].role })
      assert.equal("other", e[1].type)  -- no type given
    end)

    it("rejects bad entries with a message naming the field", function()
      assert.matches("unknown field 'colour'", add_error { term = "x", kind = "actor", code = "A", colour = "red" })
      assert.matches("field 'kind': unknown kind 'country'", add_error { term = "x", kind = "country" })
      assert.matches("field 'kind': missing", add_error { term = "x", code = "A" })
      assert.matches("field 'term': missing", add_error { kind = "discard" })
      assert.matches("field 'type': unknown actor type 'village'",
        add_error { term = "x", kind = "actor", code = "A", type = "village" })
      assert.matches("field 'category': unknown cue category 'friendship'",
        add_error { term = "x", kind = "cue", category = "friendship" })
      assert.matches("field 'category': a cue needs a category", add_error { term = "x", kind = "cue" })
      assert.matches("field 'from': '2020%-02%-30' is not a date",
        add_error { term = "x", kind = "actor", code = "A", from = "2020-02-30" })
      assert.matches("field 'to': '2020/01/01' is not a date",
        add_error { term = "x", kind = "actor", code = "A", to = "2020/01/01" })
      assert.matches("field 'to': 2020%-01%-01 is before from 2020%-05%-01",
        add_error { term = "x", kind = "actor", code = "A", from = "2020-05-01", to = "2020-01-01" })
      assert.matches("field 'code': an actor needs a code", add_error { term = "x", kind = "actor" })
      assert.matches("field 'code': 'R U' contains white space", add_error { term = "x", kind = "actor", code = "R U" })
      assert.matches("field 'goldstein': 12 is outside", add_error { term = "x", kind = "cue", category = "coop",
                                                                    goldstein = 12 })
      assert.matches("field 'weight': expected a number, got string",
        add_error { term = "x", kind = "cue", category = "coop", weight = "heavy" })
      assert.matches("field 'direction': only dependency cues",
        add_error { term = "x", kind = "cue", category = "coop", direction = "reverse" })
      assert.matches("field 'direction': expected \"reverse\"",
        add_error { term = "x", kind = "cue", category = "dependency", direction = "sideways" })
      assert.matches("field 'case': expected \"title\", \"lower\" or \"any\", got 'upper'",
        add_error { term = "x", kind = "discard", case = "upper" })
      assert.matches("field 'sector': a sector entry needs", add_error { term = "x", kind = "sector" })
      assert.matches("field 'code': only actors", add_error { term = "x", kind = "sector", sector = "s", code = "A" })
      assert.matches("field 'term': 'a%*b': '%*' only at the end of a word",
        add_error { term = "a*b", kind = "discard" })
      assert.matches("field 'term': expected a string, got number", add_error { term = 5, kind = "discard" })
    end)

    it("try_add returns nil and the message instead of raising", function()
      local lex = lexicon()
      local ok, err = lex:try_add { term = "x", kind = "actor", code = "A", type = "village" }
      assert.is_nil(ok)
      assert.matches("^field 'type'", err)
      assert.equal(0, #lex)
      assert.equal(1, lex:try_add { term = "x", kind = "discard" })
    end)

    it("merges, counts and describes itself", function()
      local a, b = lexicon(), lexicon()
      a:add { term = "Russia", kind = "actor", code = "RUS", type = "state" }
      b:add { term = "China", kind = "actor", code = "CHN", type = "state" }
      b:add { term = "signed deal", kind = "discard" }
      b:add { term = "pipeline*", kind = "sector", sector = "energy" }
      b:add { term = "agree*", kind = "cue", category = "coop" }
      assert.equal(a, a:merge(b))
      assert.equal(5, #a)
      assert.equal(4, #b)
      assert.same({ "Russia=RUS", "China=CHN", "pipelines=energy" }, codes(a, "Russia, China pipelines"))
      assert.matches("^dyadic%.lexicon: 5 entries %(2 actors, 1 cues, 1 sectors, 1 discards%), %d+%.%d MB$",
        tostring(a))
      assert.equal(a, a:merge(a))  -- merging a lexicon into itself is a no-op
      assert.equal(5, #a)
      assert.equal(4, #b)
      a:merge(b)  -- merging another lexicon appends every entry, duplicates included
      assert.equal(9, #a)
      assert.same({ "Russia=RUS" }, codes(a, "Russia"))
      assert.same({ "China=CHN" }, codes(a, "China"))  -- identical payloads give one hit
      assert.is_true(a:memory() > 0)
    end)

    it("closes idempotently and refuses use after close", function()
      local lex = lexicon()
      lex:add { term = "Russia", kind = "actor", code = "RUS" }
      lex:close()
      lex:close()
      assert.equal("dyadic.lexicon (closed)", tostring(lex))
      assert.has_error(function() return #lex end)
      assert.has_error(function() lex:match("Russia") end)
      assert.has_error(function() lexicon():merge(lex) end)
    end)

    it("stores load_seconds and nothing else", function()
      local lex = lexicon()
      assert.is_nil(lex.load_seconds)
      lex.load_seconds = 0.25
      assert.equal(0.25, lex.load_seconds)
      assert.has_error(function() lex.anything = 1 end)
    end)

    it("reports entry indexes out of range", function()
      local lex = lexicon()
      lex:add { term = "x", kind = "discard" }
      assert.has_error(function() lex:entry(2) end)
      assert.has_error(function() lex:entry(0) end)
      assert.has_error(function() lex:entry(1.5) end)
      assert.has_error(function() lex:entry(1e300) end, "bad argument #1 to 'entry' (index must be an integer)")
      assert.has_error(function() lex:entry(0 / 0) end, "bad argument #1 to 'entry' (index must be an integer)")
      assert.has_error(function() lex:entry(2) end, "bad argument #1 to 'entry' (index out of range (1..1))")
    end)

    it("refuses fields with a NUL byte instead of cutting them short", function()
      assert.matches("field 'term' contains a NUL byte",
        add_error { term = "Sea\0of Japan", kind = "actor", code = "JPN", type = "state" })
      assert.matches("field 'code' contains a NUL byte",
        add_error { term = "Japan", kind = "actor", code = "JPN\0X", type = "state" })
      assert.matches("field 'type' contains a NUL byte",
        add_error { term = "Japan", kind = "actor", code = "JPN", type = "state\0" })
      assert.matches("field 'kind' contains a NUL byte", add_error { term = "Japan", kind = "actor\0x", code = "JPN" })
      assert.matches("field 'sector' contains a NUL byte",
        add_error { term = "gas", kind = "sector", sector = "energy\0x" })
      assert.matches("field names must not contain a NUL byte",
        add_error { term = "x", kind = "discard", ["to\0x"] = 1 })
      local lex = lexicon()
      local idx, msg = lex:try_add { term = "Sea\0of Japan", kind = "actor", code = "JPN", type = "state" }
      assert.is_nil(idx)
      assert.matches("field 'term' contains a NUL byte", msg)
      assert.equal(0, #lex)
      assert.has_error(function() lex.load_seconds = nil end)
      assert.has_error(function() lex["load_seconds\0x"] = 1 end)
      lex.load_seconds = 2
      assert.is_nil(lex["load_seconds\0x"])
    end)
  end)

  describe("matching", function()
    local lex
    before_each(function()
      lex = assert(lexicon.load(fx("basic.lex")))
    end)

    it("returns 1-based inclusive spans with the entry fields", function()
      local text = "Moscow reportedly signed agreement with Beijing."
      local hits = lex:match(text)
      assert.equal(4, #hits)
      local h = hits[1]
      assert.same({ 1, 6, "Moscow", "actor", "RUS", "capital" }, { h.s, h.e, h.term, h.kind, h.code, h.type })
      assert.equal("Moscow", text:sub(h.s, h.e))
      assert.same({ "reportedly", "hedge" }, { text:sub(hits[2].s, hits[2].e), hits[2].category })
      assert.same({ "signed agreement", "coop", "057", 8 },
        { text:sub(hits[3].s, hits[3].e), hits[3].category, hits[3].cameo, hits[3].goldstein })
      assert.same({ "Beijing", "CHN", "capital" }, { text:sub(hits[4].s, hits[4].e), hits[4].code, hits[4].type })
      assert.matches("basic%.lex:%d+$", h.source)
    end)

    it("keeps the longest match per kind and matches kinds independently", function()
      assert.same({ "the Kremlin=RUS/GOV", "relies on=dependency", "gas pipelines=energy" },
        codes(lex, "the Kremlin relies on gas pipelines"))
      local hits = lex:match("a lifeline for the yuan settlement")
      assert.same({ "lifeline for", "reverse", 1.5 }, { hits[1].term, hits[1].direction, hits[1].weight })
      assert.same({ "yuan settlement", "finance and settlement", 0.5 },
        { hits[2].term, hits[2].sector, hits[2].weight })
    end)

    it("lets a discard block every shorter match inside it", function()
      assert.same({ "Mexico=MEX" }, codes(lex, "New Mexico is not Mexico"))
      local h = lex:match("New Mexico is not Mexico")[1]
      assert.same({ 19, 24 }, { h.s, h.e })
      local d = lexicon()
      d:add { term = "Mexico", kind = "actor", code = "MEX" }
      d:add { term = "New Mexico", kind = "discard" }
      d:add { term = "Mexico City", kind = "actor", code = "MEX", type = "capital" }
      -- a longer actor starting inside the discard is not blocked (it is not inside)
      assert.same({ "Mexico City=MEX" }, codes(d, "New Mexico City"))
    end)

    it("requires a capital letter for case = \"title\" entries", function()
      assert.same({ "Turkey=TUR" }, codes(lex, "Turkey"))
      assert.same({}, codes(lex, "a roast turkey"))
      -- all caps in a mixed-case line: the writer chose the capitals
      assert.same({ "TURKEY=TUR" }, codes(lex, "He said TURKEY would"))
      local l2 = lexicon()
      l2:add { term = "Éire", kind = "actor", code = "IRL", case = "title" }
      assert.same({ "Éire=IRL" }, codes(l2, "Éire"))
      assert.same({}, codes(l2, "éire"))
      -- the capitalized words of the term must be capitalized in the text
      l2:add { term = "the West", kind = "actor", code = "WST", type = "region", case = "title" }
      l2:add { term = "north-west", kind = "actor", code = "NWR", type = "region", case = "title" }
      assert.same({ "the West=WST" }, codes(l2, "Moscow accused the West"))
      assert.same({ "The West=WST" }, codes(l2, "The West"))
      assert.same({}, codes(l2, "drove the west road"))
      assert.same({ "North-west=NWR" }, codes(l2, "North-west"))  -- lower-case term: first letter
      assert.same({}, codes(l2, "north-West"))
    end)

    it("does not let an all-caps line satisfy a mixed-case title term", function()
      local l = lexicon()
      l:add { term = "Turkey", kind = "actor", code = "TUR", type = "state", case = "title" }
      l:add { term = "UK", kind = "actor", code = "GBR", type = "state", case = "title" }
      l:add { term = "turkey", kind = "sector", sector = "poultry" }
      -- a headline in capitals tells nothing about case: the title entry does not apply,
      -- other entries of the same term still do
      assert.same({ "TURKEY=poultry" }, codes(l, "TURKEY PRICES RISE"))
      assert.same({ "Turkey=TUR", "Turkey=poultry" }, codes(l, "Turkey prices rise"))
      -- the line decides, not the text: a mixed-case body after an all-caps headline
      assert.same({ "TURKEY=poultry", "Turkey=TUR", "Turkey=poultry" },
        codes(l, "TURKEY TALKS\nTurkey said on Monday"))
      assert.same({ "TURKEY=TUR", "TURKEY=poultry" }, codes(l, "Trade with TURKEY rose"))
      -- a term written all in capitals is matched exactly by an all-caps line
      assert.same({ "UK=GBR" }, codes(l, "UK TRADE DEFICIT WIDENS"))
      assert.same({}, codes(l, "uk trade"))
      -- a line without cased letters other than the match is all caps too
      assert.same({ "TURKEY=poultry" }, codes(l, "TURKEY: 12, 14"))
    end)

    it("matches case = \"lower\" entries only without upper-case letters", function()
      local l = lexicon()
      l:add { term = "may", kind = "cue", category = "hedge", case = "lower" }
      l:add { term = "May", kind = "actor", code = "GBR", type = "leader", case = "title" }
      assert.same({ "may=hedge" }, codes(l, "talks may resume"))
      assert.same({ "May=GBR" }, codes(l, "talks resume in May"))
      assert.same({}, codes(l, "TALKS MAY RESUME"))
      assert.same({}, codes(l, "mAy"))
      assert.equal("lower", l:entry(1).case)
      local l2 = lexicon()
      l2:add { term = "rand", kind = "actor", code = "ZAF", type = "other", case = "lower" }
      assert.same({ "rand=ZAF" }, codes(l2, "the rand fell"))
      assert.same({}, codes(l2, "Rand Corp said"))
      -- the native format reads it
      local l3 = lexicon.parse("#!dyadic-lexicon 1\n@cue category=hedge case=lower\nmay\nmight\n", "dyadic")
      assert.same({ "may=hedge" }, codes(l3, "it May rain, it may"))
      assert.equal("lower", l3:entry(2).case)
    end)

    it("resolves by date with inclusive bounds", function()
      assert.same({ "Soviet Union=USR" }, codes(lex, "the Soviet Union", "1991-12-25"))
      assert.same({}, codes(lex, "the Soviet Union", "1991-12-26"))
      assert.same({}, codes(lex, "Russian Federation", "1991-12-25"))
      assert.same({ "Russian Federation=RUS" }, codes(lex, "Russian Federation", "1991-12-26"))
      assert.same({ "Xi Jinping=CHN/GOV" }, codes(lex, "Xi Jinping", "2013-03-14"))
      assert.same({}, codes(lex, "Xi Jinping", "2013-03-13"))
      assert.has_error(function() lex:match("x", "2013-13-01") end)
    end)

    it("compiles on demand and again after more entries", function()
      assert.is_true(lex:compile())
      assert.same({}, codes(lex, "Kazakhstan"))
      lex:add { term = "Kazakhstan", kind = "actor", code = "KAZ", type = "state" }
      assert.same({ "Kazakhstan=KAZ" }, codes(lex, "Kazakhstan"))
      assert.same({ "Russia=RUS" }, codes(lex, "Russia"))
    end)
  end)

  describe("native format", function()
    it("loads blocks with defaults and per-line attributes", function()
      local lex, warnings = lexicon.load(fx("basic.lex"))
      assert.is_nil(warnings)
      assert.equal(20, #lex)
      assert.is_number(lex.load_seconds)
      local e = lex:entries()
      assert.same({ "Russian Federation", "RUS", "state", "1991-12-26" },
        { e[2].term, e[2].code, e[2].type, e[2].from })
      assert.same({ "the Kremlin", "capital", "GOV" }, { e[3].term, e[3].type, e[3].role })
      assert.equal("title", e[6].case)
      assert.equal("Xi Jinping", e[10].term)
    end)

    it("fails with path:line at the first error", function()
      local lex, err = lexicon.load(fx("bad.lex"))
      assert.is_nil(lex)
      assert.equal(fx("bad.lex") .. ":2: term line before any @actor/@cue/@sector/@discard header", err)
    end)

    it("check reports every malformed line", function()
      local problems = lexicon.check(fx("bad.lex"))
      local lines, text = {}, {}
      for _, p in ipairs(problems) do
        lines[#lines + 1] = p.line
        text[#text + 1] = p.message
        assert.equal("error", p.severity)
      end
      assert.same({ 2, 4, 5, 6, 9, 10, 12, 14, 16, 17, 18, 20, 21 }, lines)
      assert.matches("unknown key 'colour'", text[2])
      assert.matches("field 'type': unknown actor type 'village'", text[3])
      assert.matches("unknown block kind '@country'", text[4])
      assert.matches("field 'from'", text[5])
      assert.matches("field 'to'", text[6])
      assert.matches("field 'category'", text[7])
      assert.matches("field 'goldstein'", text[8])
      assert.matches("key 'weight': 'heavy' is not a number", text[9])
      assert.matches("expected key=value, got 'note'", text[10])
      assert.matches("empty term", text[11])
      assert.matches("field 'sector'", text[12])
      assert.matches("unterminated quoted value", text[13])
    end)

    it("parses strings and checks the header version", function()
      local lex = assert(lexicon.parse("@cue category=negation\nnot\nnever\n", "dyadic"))
      assert.equal(2, #lex)
      local _, err = lexicon.parse("#!dyadic-lexicon 2\n@discard\nx\n", "dyadic", "v2.lex")
      assert.equal("v2.lex:1: unsupported format header '#!dyadic-lexicon 2' (expected '#!dyadic-lexicon 1')", err)
      assert.same({}, lexicon.check(fx("basic.lex")))
    end)

    it("says when a file cannot be read or its format told", function()
      local lex, err = lexicon.load(fx("no-such-file.lex"))
      assert.is_nil(lex)
      assert.matches("no%-such%-file", err)
      local path = helpers.write_temp("just some words\n", ".txt")
      local _, err2 = lexicon.load(path)
      os.remove(path)
      assert.matches(":1: cannot tell the dictionary format", err2)
      assert.has_error(function() lexicon.load(fx("basic.lex"), "klingon") end)
    end)
  end)

  describe("phoenix (TABARI / PETRARCH) actors", function()
    local lex
    setup(function() lex = assert(lexicon.load(fx("leaders.actors"))) end)

    it("resolves Putin by date: the government on 2015-01-01", function()
      assert.same({ "Putin=RUS/GOV" }, codes(lex, "Putin", "2015-01-01"))
      local h = lex:match("President Putin", "2015-01-01")[1]
      assert.same({ "PRESIDENT PUTIN", "RUSGOV", "leader", "2012-05-07" }, { h.term, h.full_code, h.type, h.from })
    end)

    it("applies the undated code on the days no dated code covers", function()
      assert.same({ "Putin=RUS/ELI" }, codes(lex, "Putin", "2010-01-01"))
      assert.same({ "Putin=RUS/ELI" }, codes(lex, "Putin", "1970-01-01"))
      assert.same({ "Putin=RUS/ELI" }, codes(lex, "Putin", "2008-05-08"))
      assert.same({ "Putin=RUS/GOV" }, codes(lex, "Putin", "2008-05-07"))
      assert.same({ "Putin=RUS/GOV" }, codes(lex, "Putin", "2012-05-07"))
      assert.same({ "Putin=RUS/ELI" }, codes(lex, "Putin", "2012-05-06"))
    end)

    it("gives one hit per code valid on the day (inclusive bounds overlap)", function()
      assert.same({ "Putin=RUS/ELI", "Putin=RUS/GOV" }, codes(lex, "Putin", "1999-08-09"))
    end)

    it("takes the most recent code without a date", function()
      assert.same({ "Putin=RUS/GOV" }, codes(lex, "Putin"))
      assert.same({ "Soviet Union=USR" }, codes(lex, "Soviet Union"))
    end)

    it("reads [CODE <date] and [CODE >date] with 6- and 8-digit dates", function()
      assert.same({ "USSR=USR" }, codes(lex, "USSR", "1991-12-25"))
      assert.same({}, codes(lex, "USSR", "1991-12-26"))
      assert.same({ "Wagner Group=RUS/MILMER" }, codes(lex, "Wagner Group", "2014-01-01"))
      assert.same({}, codes(lex, "Wagner Group", "2024-01-01"))
      -- spaces inside restrictions
      assert.same({ "Gollum=HOB" }, codes(lex, "Gollum", "1995-05-31"))
      assert.same({ "Gollum=HOB", "Gollum=HOB/GOV" }, codes(lex, "Gollum", "1995-06-01"))
      assert.same({ "Gollum=HOB/GOV" }, codes(lex, "Gollum", "1995-06-02"))
      assert.same({ "Gollum=HOB/REB" }, codes(lex, "Gollum", "1999-08-16"))
      assert.same({ "Gollum=HOB/GOV" }, codes(lex, "Gollum", "1999-08-15"))
    end)

    it("stems words without a final underscore and joins words with '_'", function()
      assert.same({ "Russians=RUS" }, codes(lex, "Russians"))
      assert.same({ "Russian Federation=RUS" }, codes(lex, "the Russian Federation"))
      assert.same({}, codes(lex, "Moscows"))  -- MOSCOW_ is a whole word
      assert.same({ "Moscow=RUS" }, codes(lex, "Moscow"))
      local e = lex:entries()
      assert.equal("RUSSIAN*", e[2].term)
      assert.equal("state", e[1].type)
    end)

    it("gives every code of a line, null codes as discards, ### with a date as no code", function()
      assert.same({ "Sino-Russian Commission=CHN", "Sino-Russian Commission=RUS" },
        codes(lex, "Sino-Russian Commission"))
      assert.same({ "Mexico=MEX" }, codes(lex, "New Mexico and Mexico"))
      assert.same({ "African Union=IGOAFR" }, codes(lex, "African Union"))
      assert.equal("igo", lex:match("African Union")[1].type)
      assert.same({}, codes(lex, "Isildur", "1980-01-01"))
      assert.same({ "Isildur=GON" }, codes(lex, "Isildur", "1990-01-01"))
      assert.same({ "Baltic states=EST", "Baltic states=LVA", "Baltic states=LTU" }, codes(lex, "Baltic states"))
    end)

    it("skips comments of every kind", function()
      assert.same({}, codes(lex, "XXX comment block"))
      for _, e in ipairs(lex:entries()) do
        assert.is_nil(e.term:find("comment"))
        assert.is_nil(e.term:find("[#;]"))
      end
    end)

    it("reports malformed lines: errors fail the load, bad dates are warnings", function()
      local problems = lexicon.check(fx("bad.actors"))
      local got = {}
      for _, p in ipairs(problems) do got[#got + 1] = p.line .. " " .. p.severity end
      assert.same({ "1 error", "2 error", "5 warning", "6 warning", "7 warning", "8 warning", "10 error",
                    "11 warning" }, got)
      assert.matches("neither YYMMDD nor YYYYMMDD", problems[3].message)
      assert.matches("not a valid calendar date", problems[4].message)
      assert.matches("ends before it starts", problems[5].message)
      assert.matches("expected <date, >date or date%-date", problems[6].message)
      assert.matches("unclosed '%['", problems[7].message)
      assert.matches("literal '%*'", problems[8].message)
      local lex2, err = lexicon.load(fx("bad.actors"))
      assert.is_nil(lex2)
      assert.equal(fx("bad.actors") .. ":1: synonym line '+' before any primary phrase", err)
    end)

    it("loads with warnings when only code blocks are malformed", function()
      local text = "GOOD_  [ABC]\nDATED_\n\t[ABC 9908223-991231]\n\t[ABD]\n"
      local l2, warnings = lexicon.parse(text, "phoenix", "w.actors")
      assert.equal(2, #l2)
      assert.same({ "w.actors:3: date '9908223' is neither YYMMDD nor YYYYMMDD in [ABC 9908223-991231] "
                    .. "(code block skipped)" }, warnings)
      assert.same({ "Dated=ABD" }, codes(l2, "Dated", "1999-06-01"))
    end)
  end)

  describe("agents", function()
    local lex
    setup(function() lex = assert(lexicon.load(fx("roles.agents"))) end)

    it("loads role-only actors with the agent code", function()
      local h = lex:match("the police")[1]
      assert.same({ "POLICE", "actor", "group", "", "~COP", "COP" },
        { h.term, h.kind, h.type, h.code, h.full_code, h.role })
      assert.same({ "human rights body=/NGO" }, codes(lex, "human rights body"))
    end)

    it("makes regular plurals, irregular ones from {}, none for {} or a final _", function()
      assert.same({ "ambassadors=/GOV" }, codes(lex, "ambassadors"))
      assert.same({ "deputies=/GOV" }, codes(lex, "deputies"))
      assert.same({ "congresses=/LEG" }, codes(lex, "congresses"))
      assert.same({ "spokesmen=/GOV" }, codes(lex, "spokesmen"))
      assert.same({}, codes(lex, "spokesmans"))
      assert.same({}, codes(lex, "polices"))
      assert.same({}, codes(lex, "armed forceses"))
      assert.same({ "armed forces=/MIL" }, codes(lex, "armed forces"))
      assert.same({ "human rights bodies=/NGO" }, codes(lex, "human rights bodies"))
    end)

    it("expands !SUBSTITUTION! sets without plurals", function()
      assert.same({ "policewomen=/COP" }, codes(lex, "policewomen"))
      assert.same({ "foreign ministry=/GOVFRM" }, codes(lex, "foreign ministry"))
      assert.same({ "foreign ministers=/GOVFRM" }, codes(lex, "foreign ministers"))
      assert.same({}, codes(lex, "foreign ministries"))
    end)

    it("warns about a line without a code and reports malformed lines", function()
      local _, warnings = lexicon.load(fx("roles.agents"))
      assert.same({ fx("roles.agents") .. ":14: missing agent code [~CODE] or [CODE~] (line skipped)" }, warnings)
      local lines = {}
      for _, p in ipairs(lexicon.check(fx("bad.agents"))) do lines[#lines + 1] = p.line .. ": " .. p.message end
      assert.same({
        "1: substitution set '!EMPTY!' is empty",
        "2: agent code 'BUS' must be ~CODE (suffix) or CODE~ (prefix)",
        "3: undefined substitution set '!NOSUCH!'",
        "4: unbalanced { } around the plural",
        "5: malformed agent code block (expected [~CODE] or [CODE~] at the end)",
      }, lines)
    end)
  end)

  describe("discards", function()
    it("loads discard lists, '+' and '_' included", function()
      local lex = assert(lexicon.load(fx("sports.discards")))
      assert.equal(3, #lex)
      assert.same({ "WORLD CUP", "NEW MEXICO", "BASEBALL*" },
        { lex:entry(1).term, lex:entry(2).term, lex:entry(3).term })
      lex:add { term = "Mexico", kind = "actor", code = "MEX" }
      lex:add { term = "Cup", kind = "sector", sector = "sport" }
      assert.same({}, codes(lex, "New Mexico World Cup"))
      assert.same({ "Mexico=MEX" }, codes(lex, "Mexico"))
    end)
  end)

  describe("LIWC .dic", function()
    it("maps cue category names to cues and other names to sectors", function()
      local lex = assert(lexicon.load(fx("topics.dic")))
      assert.equal(6, #lex)
      assert.same({ "agreed=coop", "rely on=dependency", "gas pipelines=energy", "gas pipelines=coop" },
        codes(lex, "agreed to rely on gas pipelines"))
      assert.same({ "swap lines=finance", "swap lines=dependency" }, codes(lex, "swap lines"))
    end)

    it("reports every malformed line", function()
      local lines = {}
      for _, p in ipairs(lexicon.check(fx("bad.dic"))) do lines[#lines + 1] = p.line end
      assert.same({ 4, 7, 8, 9, 10 }, lines)
      local _, err = lexicon.load(fx("bad.dic"))
      assert.equal(fx("bad.dic") .. ":4: header line 'x\tcoop' is not 'NUMBER<tab>category'", err)
    end)
  end)

  describe("YAML", function()
    it("reads newsmap country keys as actor codes", function()
      local lex = assert(lexicon.load(fx("regions.yml")))
      assert.equal(9, #lex)
      assert.same({ "Russians=RU", "Kyiv=UA", "Beijing=CN" }, codes(lex, "Russians in Kyiv and Beijing"))
      assert.equal("state", lex:match("Kyiv")[1].type)
    end)

    it("reads generic dictionaries as hierarchical sectors and cues", function()
      local lex = assert(lexicon.load(fx("topics.yaml")))
      assert.equal(8, #lex)
      assert.same({ "LNG=energy.gas", "crude oil=energy.oil", "oil fields=energy.oil" },
        codes(lex, "LNG, crude oil and oil fields"))
      assert.same({ "reportedly=hedge", "signed accord=coop" }, codes(lex, "reportedly signed accord"))
    end)

    it("reports every malformed line", function()
      local lines = {}
      for _, p in ipairs(lexicon.check(fx("bad.yml"))) do lines[#lines + 1] = p.line end
      assert.same({ 1, 2, 3, 5, 6, 7 }, lines)
    end)
  end)

  describe("format detection", function()
    it("tells formats from content and names", function()
      assert.equal("dyadic", lexicon.detect("x.txt", "#!dyadic-lexicon 1\n"))
      assert.equal("dyadic", lexicon.detect("x.txt", "# c\n@actor code=RUS\nRussia\n"))
      assert.equal("liwc", lexicon.detect("x.dic", ""))
      assert.equal("liwc", lexicon.detect("x.txt", "%\n1\tcoop\n%\n"))
      assert.equal("yaml", lexicon.detect("x.yml", ""))
      assert.equal("agents", lexicon.detect("Phoenix.agents.txt", ""))
      assert.equal("discards", lexicon.detect("Phoenix.discards.txt", ""))
      assert.equal("phoenix", lexicon.detect("Phoenix.Countries.actors.txt", ""))
      assert.equal("agents", lexicon.detect("x.txt", "POLICE [~COP]\n"))
      assert.equal("phoenix", lexicon.detect("x.txt", "RUSSIA_ [RUS]\n"))
      assert.equal("yaml", lexicon.detect("x.txt", "energy:\n  - gas\n"))
      assert.is_nil(lexicon.detect("x.txt", "plain words\n"))
    end)
  end)

  describe("default", function()
    it("builds the shipped lexicon once, or says the data is missing", function()
      local have = pcall(require, "dyadic.data")
      if have then
        local lex = lexicon.default()
        assert.is_true(#lex > 0)
        assert.equal(lex, lexicon.default())
        assert.is_number(lex.load_seconds)
      else
        assert.has_error(function() lexicon.default() end)
        local ok, err = pcall(lexicon.default)
        assert.is_false(ok)
        assert.matches("dyadic%.data", err)
      end
    end)

    -- default() reads the generated data files without Lua's lexer (read_data in
    -- lua/dyadic/lexicon.lua); what it reads must be what require would have returned
    it("holds, for each data module, the string Lua itself makes of the module's file", function()
      if not pcall(require, "dyadic.data") then return pending("the default lexicon data is not installed") end
      local names = require "dyadic.data"
      lexicon.default():close()
      for _, m in ipairs(names) do package.loaded[m] = nil end
      local lex = lexicon.default()
      assert.is_true(#lex > 2500)
      for _, m in ipairs(names) do
        local path = "lua/" .. m:gsub("%.", "/") .. ".lua"  -- the suite runs from the tree (.busted)
        local text = assert(loadfile(path))()
        assert.equal("string", type(package.loaded[m]), m)
        assert.is_true(text == package.loaded[m], m)
      end
    end)

    it("takes a data module from package.preload before its file", function()
      if not pcall(require, "dyadic.data") then return pending("the default lexicon data is not installed") end
      local m = "dyadic.data.regions"
      lexicon.default():close()
      local saved = package.loaded[m]
      package.loaded[m] = nil
      package.preload[m] = function()
        return "#!dyadic-lexicon 1\n@actor code=ZZZ type=region\nZyxland Plateau\n"
      end
      local ok, lex = pcall(lexicon.default)
      package.preload[m] = nil
      package.loaded[m] = saved
      assert.is_true(ok, lex)
      local found = false
      for _, h in ipairs(lex:match("Troops crossed the Zyxland Plateau.")) do
        if h.code == "ZZZ" then found = true end
      end
      lex:close()  -- the next default() builds from the shipped data again
      assert.is_true(found)
    end)
  end)

  describe("review fixes (Lua layer)", function()
    it("rebuilds the default lexicon when a caller closed the cached one", function()
      if not pcall(require, "dyadic.data") then return pending("the default lexicon data is not installed") end
      local dyadic = require "dyadic"
      local first = dyadic.default_lexicon()
      first:close()
      local again = dyadic.default_lexicon()
      assert.is_true(#again > 0)
      local an = dyadic.analyzer {}
      local doc = an:analyze("Russia and China signed a gas deal.")
      assert.is_true(#doc:dyads() > 0)
      assert.equal(again, lexicon.default())
    end)

    it("raises API-style argument errors at the caller's line", function()
      local function err_of(f)
        local ok, e = pcall(f)
        assert.is_false(ok)
        return e
      end
      local e = err_of(function() local l = lexicon.load(fx("basic.lex"), "bogus") return l end)
      assert.truthy(e:find("bad argument #2 to 'load' (unknown format 'bogus': expected dyadic, phoenix", 1, true), e)
      assert.truthy(e:find("04-lexicon_spec.lua:", 1, true), e)
      e = err_of(function() local l = lexicon.load(5) return l end)
      assert.truthy(e:find("bad argument #1 to 'load' (string expected, got number)", 1, true), e)
      assert.truthy(e:find("04-lexicon_spec.lua:", 1, true), e)
      e = err_of(function() local l = lexicon.check(5) return l end)
      assert.truthy(e:find("bad argument #1 to 'check' (string expected, got number)", 1, true), e)
      e = err_of(function() local l = lexicon.check(fx("basic.lex"), "nope") return l end)
      assert.truthy(e:find("bad argument #2 to 'check' (unknown format 'nope'", 1, true), e)
      e = err_of(function() local l = lexicon.parse(false) return l end)
      assert.truthy(e:find("bad argument #1 to 'parse' (string expected, got boolean)", 1, true), e)
      e = err_of(function() local l = lexicon.parse("", "nope") return l end)
      assert.truthy(e:find("bad argument #2 to 'parse' (unknown format 'nope'", 1, true), e)
      assert.is_falsy(e:find("lexicon.lua", 1, true), e)
    end)
  end)
end)
