-- dyadic.matcher: phrase matching on word boundaries, one pass over the text.
local dyadic = require "dyadic"
local helpers = require "spec.helpers"

-- The matched substrings, in order.
local function texts(m, text)
  local out = {}
  for s, e in m:gmatch(text) do out[#out + 1] = text:sub(s, e) end
  return out
end

describe("dyadic.matcher", function()
  local fixture = helpers.read(helpers.fixture("matcher/multilingual.txt"))

  it("finds phrases and returns 1-based inclusive offsets and ids", function()
    local m = dyadic.matcher({ "Vladimir Putin", "Putin", "Kremlin", "sanction*", { "Xi Jinping", id = 42 } })
    local text = "Vladimir Putin met Xi Jinping; the Kremlin said sanctions would stay."
    assert.are.same({ { 1, 14, 1 }, { 20, 29, 42 }, { 36, 42, 3 }, { 49, 57, 4 } }, m:find_all(text))
    assert.are.same({ "Vladimir Putin", "Xi Jinping", "Kremlin", "sanctions" }, texts(m, text))
    assert.are.equal(4, m:count(text))
  end)

  it("folds Cyrillic, accented and other cases", function()
    local m = dyadic.matcher({ "путин", "Élysée" })
    assert.are.same({ "ПУТИН", "Путин", "ÉLYSÉE", "Élysée" }, texts(m, fixture))
  end)

  it("matches ideographs inside a run of text written without spaces", function()
    local m = dyadic.matcher({ "习近平", "莫斯科", "中国" })
    assert.are.same({ "中国", "习近平", "莫斯科" }, texts(m, fixture))
    -- an ideograph pattern needs no boundary next to Latin letters either
    assert.are.same({ "习近平" }, texts(m, "abc习近平def"))
  end)

  it("treats apostrophe variants as equal and allows a possessive 's", function()
    local m = dyadic.matcher({ "Trump", "O'Brien" })
    assert.are.same({ "Trump" }, texts(m, fixture))
    assert.are.same({ "Trump", "Trump", "O’Brien", "O'Brien" },
      texts(m, "Trump's plan, Trump’s plan, O’Brien's note, 'O'Brien'"))
    -- a pattern may end with an apostrophe inside its word
    assert.are.same({ { 5, 9, 1 } }, dyadic.matcher({ "boys'" }):find_all("the boys' toys, boys'n"))
    -- a closing quote ends the word too
    assert.are.same({ "Trump" }, texts(m, "the 'Trump' doctrine"))
  end)

  it("does not match Xi inside Xi'an", function()
    local m = dyadic.matcher({ "Xi" })
    assert.are.same({}, texts(m, "Xi'an and Xi’an"))
    assert.are.same({ "Xi", "Xi" }, texts(m, "Xi's visit; Xi’S VISIT"))
    assert.are.same({ "Xi'an", "Xi’an" }, texts(dyadic.matcher({ "Xi'an" }), "Xi'an and Xi’an"))
  end)

  it("starts a word after an elided article", function()
    assert.are.same({ "ÉLYSÉE", "Élysée" }, texts(dyadic.matcher({ "elysee", "élysée" }), fixture))
  end)

  it("matches phrases broken across lines and across hyphens and dashes", function()
    local m = dyadic.matcher({ "Sino Russian", "State Department" })
    assert.are.same({ "Sino-\nRussian", "State Department" }, texts(m, fixture))
    assert.are.same({ "Sino-Russian", "Sino — Russian", "Sino\t\r\n Russian" },
      texts(m, "Sino-Russian, Sino — Russian, Sino\t\r\n Russian, SinoRussian, Sino, Russian"))
    -- hyphens in the pattern are separators too
    assert.are.same({ "Sino Russian" }, texts(dyadic.matcher({ "Sino-Russian" }), "the Sino Russian talks"))
  end)

  it("respects word boundaries at both ends", function()
    local m = dyadic.matcher({ "Putin", "Iran" })
    assert.are.same({ "Putin", "Iran" }, texts(m, "Rasputin Putinism Putin Iranian Tehran Iran."))
    assert.are.same({ "Putin", "Iran" }, texts(m, "(Putin)/Iran"))
  end)

  it("extends prefixes to the end of the word", function()
    local m = dyadic.matcher({ "sanction*", "gas pipeline*" })
    assert.are.same({ "sanctions", "sanctioned", "sanction", "gas pipelines", "Gas-Pipeline" },
      texts(m, "sanctions, sanctioned, sanction, unsanctioned; gas pipelines and Gas-Pipeline"))
    -- a possessive is not part of the word; an inner apostrophe is
    assert.are.same({ "sanctions", "sanction'ed" }, texts(m, "sanctions's effect; sanction'ed"))
  end)

  it("allows prefixes on inner words", function()
    local m = dyadic.matcher({ "sign* agreement" })
    assert.are.same({ "signed agreement", "signs-\nAgreement", "SIGNING  AGREEMENT" },
      texts(m, "they signed agreement; signing the agreement; signs-\nAgreement; SIGNING  AGREEMENT"))
    -- the tail word is whole: no "agreements", no glued words, no punctuation between
    assert.are.same({}, texts(m, "signed agreements, signedagreement, signed, agreement, sig agreement"))
    -- an apostrophe inside the stem's word is part of it; a possessive is not, and stops the chain
    assert.are.same({ "sign'd agreement" }, texts(m, "sign'd agreement; sign's agreement"))
    -- offsets span the stem's whole word
    assert.are.same({ { 5, 23, 1 } }, m:find_all("The signatory agreement"))
  end)

  it("chains several prefixes and multi-word tails", function()
    local m = dyadic.matcher({ "prime* minist*", "sign* peace accord*", "a* b* c" })
    assert.are.same({ "Prime Ministers", "PRIMER MINISTRY", "signed peace accords", "sign-\npeace-accord" },
      texts(m, "Prime Ministers; PRIMER MINISTRY; prim minister; signed peace accords; sign-\npeace-accord"))
    assert.are.same({ "signs peace accord" }, texts(m, "signs peace, signs peace accord"))
    assert.are.same({ "ab bc c", "a b c" }, texts(m, "ab bc c, a b c, aa bb cc, ab b"))
    -- a possessive after the last word is allowed, as for any pattern
    assert.are.same({ "Prime Minister", "signed peace accord" },
      texts(m, "the Prime Minister's office; the signed peace accord's terms"))
    -- a star after an ideograph changes nothing
    assert.are.same({ "中国" }, texts(dyadic.matcher({ "中* 国" }), "中国"))
  end)

  it("folds case in inner prefixes and keeps it with case = 'exact'", function()
    assert.are.same({ "ПРЕМЬЕР-МИНИСТР", "премьера министр" },
      texts(dyadic.matcher({ "премьер* министр" }), "ПРЕМЬЕР-МИНИСТР и премьера министр"))
    assert.are.same({ "Sign Deal" },
      texts(dyadic.matcher({ "Sign* Deal" }, { case = "exact" }), "sign deal, Sign Deal, Signs deal"))
  end)

  it("selects leftmost-longest and reports overlaps with inner prefixes", function()
    local pats = { "peace", "sign* peace accord", "peace accord*", "signed" }
    -- the chained match starts first and is longest: it wins
    assert.are.same({ { 1, 19, 2 } }, dyadic.matcher(pats):find_all("signed peace accord"))
    assert.are.same({ { 1, 19, 2 }, { 1, 6, 4 }, { 8, 19, 3 }, { 8, 12, 1 } },
      dyadic.matcher(pats, { overlap = true }):find_all("signed peace accord"))
    -- when the chain fails, the shorter matches come back
    assert.are.same({ "signed", "peace accords" }, texts(dyadic.matcher(pats), "signed peace accords"))
    -- one pattern whose first stem covers several word starts of one text word: one match per start
    assert.are.same({ { 1, 7, 1 }, { 3, 7, 1 }, { 5, 7, 1 } },
      dyadic.matcher({ "a* b" }, { overlap = true }):find_all("a'a'a b"))
    -- duplicates: the pattern added first wins, overlap reports both ids
    local dup = { { "sign* deal", id = 5 }, { "SIGN* DEAL", id = 6 } }
    assert.are.same({ { 1, 11, 5 } }, dyadic.matcher(dup):find_all("signed deal"))
    assert.are.same({ { 1, 11, 5 }, { 1, 11, 6 } }, dyadic.matcher(dup, { overlap = true }):find_all("signed deal"))
  end)

  it("chains inner prefixes across the two halves of a long text", function()
    local m = dyadic.matcher({ "sign* deal" })
    local unit = "They signed  deal; signing\ndeal, sign'd-deal and signs deals. "
    local big = string.rep(unit, math.floor(200000 / #unit))
    assert.is_true(#big > 65536)
    assert.are.equal(3 * math.floor(200000 / #unit), m:count(big))
  end)

  it("selects leftmost-longest non-overlapping matches by default", function()
    local m = dyadic.matcher({ "New York", "New York City", "York City Council", "City" })
    assert.are.same({ { 1, 13, 2 } }, m:find_all("New York City Council"))
    assert.are.same({ "New York", "City" }, texts(m, "New York and City"))
  end)

  it("reports every match with overlap = true, by start then longest first", function()
    local m = dyadic.matcher({ "New York", "New York City", "York City Council", "City" }, { overlap = true })
    assert.are.same({ { 1, 13, 2 }, { 1, 8, 1 }, { 5, 21, 3 }, { 10, 13, 4 } }, m:find_all("New York City Council"))
  end)

  it("defines duplicate patterns: earliest added wins, overlap reports each id", function()
    local pats = { { "Putin", id = 7 }, "Kremlin", { "PUTIN", id = 3 }, { "putin", id = 9 } }
    assert.are.same({ { 1, 5, 7 } }, dyadic.matcher(pats):find_all("Putin"))
    assert.are.same({ { 1, 5, 7 }, { 1, 5, 3 }, { 1, 5, 9 } },
      dyadic.matcher(pats, { overlap = true }):find_all("Putin"))
    -- exact case makes them different patterns again
    assert.are.same({ { 1, 5, 3 } }, dyadic.matcher(pats, { case = "exact" }):find_all("PUTIN"))
  end)

  it("compares exactly with case = 'exact'", function()
    local m = dyadic.matcher({ "Turkey", "Путин" }, { case = "exact" })
    assert.are.same({ "Turkey", "Путин" }, texts(m, "turkey Turkey TURKEY ПУТИН Путин"))
  end)

  it("matches punctuation literally", function()
    local m = dyadic.matcher({ "U.S.", "AT&T" })
    assert.are.same({ "U.S.", "AT&T" }, texts(m, "the U.S. and US and U.S and AT&T and AT T"))
    assert.are.same({ "U.S" }, texts(dyadic.matcher({ "U.S" }), "U.S. and USA"))
    assert.are.same({ "U.S." }, texts(m, fixture))
  end)

  it("skips soft hyphens in text and patterns", function()
    local m = dyadic.matcher({ "Kremlin", "Mos\194\173cow" })
    assert.are.same({ "Krem\194\173lin", "Moscow" }, texts(m, "Krem\194\173lin Moscow"))
  end)

  it("survives invalid UTF-8 and NUL bytes with offsets inside the text", function()
    local m = dyadic.matcher({ "Putin", "a\0b" })
    local text = "\255Putin\192\128Putin\0Putin\237\160\128 a\0b \226\130"
    local got = m:find_all(text)
    assert.are.same({ { 2, 6, 1 }, { 9, 13, 1 }, { 15, 19, 1 }, { 24, 26, 2 } }, got)
    for _, x in ipairs(got) do
      assert.is_true(x[1] >= 1 and x[2] <= #text and x[1] <= x[2])
    end
    -- random bytes: never crashes, offsets always inside
    local seed = 12345
    local bytes = {}
    for i = 1, 5000 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      bytes[i] = string.char(seed % 256)
    end
    local junk = table.concat(bytes)
    for s, e in dyadic.matcher({ "a", "é", "中" }, { overlap = true }):gmatch(junk) do
      assert.is_true(s >= 1 and e <= #junk and s <= e)
    end
  end)

  it("handles empty and large inputs", function()
    local m = dyadic.matcher({ "Putin", "Xi Jinping" })
    assert.are.same({}, m:find_all(""))
    assert.are.equal(0, m:count(""))
    local unit = "Putin met Xi\nJinping in Moscow, then Putinism failed. "
    local big = string.rep(unit, math.floor(10 * 1024 * 1024 / #unit))
    assert.is_true(#big > 10000000)
    local n = math.floor(10 * 1024 * 1024 / #unit)
    assert.are.equal(2 * n, m:count(big))
    local k = 0
    for _ in m:gmatch(big) do k = k + 1 end
    assert.are.equal(2 * n, k)
    -- an empty pattern list matches nothing
    assert.are.equal(0, dyadic.matcher({}):count(big))
  end)

  it("rejects empty and invalid patterns with a message naming them", function()
    local cases = {
      { { "a", "b", "foo*bar" }, "pattern 3 'foo*bar': '*' only at the end of a word" },
      { { "" }, "pattern 1 '': empty pattern" },
      { { "  - " }, "empty pattern" },
      { { "*" }, "'*' only at the end of a word" },
      { { "foo *" }, "'*' only at the end of a word" },
      { { "*foo" }, "'*' only at the end of a word" },
      { { "gas*. pipeline" }, "'*' only at the end of a word" },
      { { "gas** pipeline" }, "'*' only at the end of a word" },
      { { "gas * pipeline" }, "'*' only at the end of a word" },
      { { "..." }, "no word characters" },
      { { "ok", "bad\255" }, "pattern 2 'bad\255': invalid UTF-8 at byte 4" },
      { { 42 }, "pattern 1 must be a string or a table" },
      { { { id = 3 } }, "pattern 1 must be a string or a table" },
      { { { "x", id = -1 } }, "pattern 1: id must be an integer" },
      { { { "x", id = 1.5 } }, "pattern 1: id must be an integer" },
    }
    for _, c in ipairs(cases) do
      local ok, err = pcall(dyadic.matcher, c[1])
      assert.is_false(ok)
      assert.matches("bad argument #1 to", err, 1, true)
      assert.matches(c[2], err, 1, true)
    end
    assert.has_error(function() dyadic.matcher("Putin") end)
  end)

  it("rejects unknown options and bad option values", function()
    local ok, err = pcall(dyadic.matcher, { "a" }, { overlaps = true })
    assert.is_false(ok)
    assert.matches("bad argument #2 to", err, 1, true)
    assert.matches("unknown option 'overlaps'", err, 1, true)
    ok, err = pcall(dyadic.matcher, { "a" }, { case = "upper" })
    assert.is_false(ok)
    assert.matches("option 'case' must be", err, 1, true)
    ok, err = pcall(dyadic.matcher, { "a" }, { overlap = "yes" })
    assert.is_false(ok)
    assert.matches("option 'overlap' must be a boolean", err, 1, true)
  end)

  it("has a length, a meaningful tostring and an idempotent close", function()
    local m = dyadic.matcher({ "a", "b", "c d" })
    assert.are.equal(3, #m)
    assert.matches("^dyadic%.matcher: 3 patterns, [%d%.]+ [KM]B$", tostring(m))
    m:close()
    m:close()
    assert.are.equal("dyadic.matcher (closed)", tostring(m))
    local ok, err = pcall(m.count, m, "a")
    assert.is_false(ok)
    assert.matches("closed matcher", err, 1, true)
    assert.has_error(function() return #m end)
    assert.matches("^dyadic%.matcher: 1 pattern, ", tostring(dyadic.matcher({ "x" })))
  end)

  it("checks its text argument", function()
    local m = dyadic.matcher({ "a" })
    assert.has_error(function() m:count() end)
    assert.has_error(function() m:find_all({}) end)
    assert.has_error(function() m.count({}, "a") end)
  end)

  it("keeps iterating after the matcher is closed or collected", function()
    local m = dyadic.matcher({ "a" })
    local it = m:gmatch("a b a")
    m:close()
    m = nil -- luacheck: ignore
    collectgarbage()
    local s, e = it()
    assert.are.same({ 1, 1 }, { s, e })
    s = it()
    assert.are.equal(5, s)
    assert.is_nil(it())
  end)

  -- A naive reference on ASCII, written from the documented rules: every pattern
  -- is compared at every position where a word may start.
  describe("agrees with a naive reference on random ASCII", function()
    local function kind(c)
      if c:match("^%w$") then return "w" end
      if c == " " or c == "\t" or c == "\n" or c == "-" then return "sep" end
      if c == "'" then return "apos" end
      return "punct"
    end

    -- visible characters with their "a match may start here" flag
    local function visible(s)
      local out, inword = {}, false
      for i = 1, #s do
        local c = s:sub(i, i)
        local k = kind(c)
        if k == "sep" then
          inword = false
        else
          out[#out + 1] = { c = c:lower(), k = k, b = not inword, pos = i }
          inword = (k == "w")
        end
      end
      return out
    end

    local function isword(text, i) return i <= #text and kind(text:sub(i, i)) == "w" end

    -- the apostrophe at i ends the word: closing quote or possessive 's
    local function apos_ends(text, i)
      if not isword(text, i + 1) then return true end
      local c = text:sub(i + 1, i + 1)
      return (c == "s" or c == "S") and not isword(text, i + 2)
    end

    -- the pattern's visible characters; `star` marks the last character of a `word*`
    local function parse(pat)
      local p = visible(pat:gsub("%*", ""))
      local k = 0
      for i = 1, #pat do
        local c = pat:sub(i, i)
        if c == "*" then p[k].star = true elseif kind(c) ~= "sep" then k = k + 1 end
      end
      return p
    end

    -- the last byte of the text word that goes on after the word character at e
    local function extend(text, e)
      local y = e + 1
      while true do
        while isword(text, y) do e = y; y = y + 1 end
        if text:sub(y, y) == "'" and not apos_ends(text, y) then y = y + 1 else return e end
      end
    end

    local function naive(patterns, text, overlap)
      local t = visible(text)
      local hits = {}
      for idx, pat in ipairs(patterns) do
        local p = parse(pat)
        local j = #p
        while j > 0 and p[j].k == "apos" do j = j - 1 end
        local endchk = not p[#p].star and j > 0 and p[j].k == "w"
        for i = 1, #t do
          local ok, ti, e = t[i].b, i, nil
          local k = 1
          while ok and k <= #p do
            local x = t[ti]
            if not x or x.c ~= p[k].c or x.b ~= p[k].b then
              ok = false
            else
              e = x.pos
              ti = ti + 1
              if p[k].star then
                -- `word*`: the text word goes on; the pattern resumes after it
                e = extend(text, e)
                while t[ti] and t[ti].pos <= e do ti = ti + 1 end
              end
            end
            k = k + 1
          end
          if ok then
            if endchk then
              local y = e + 1
              if isword(text, y) or (text:sub(y, y) == "'" and not apos_ends(text, y)) then ok = false end
            end
            if ok then hits[#hits + 1] = { t[i].pos, e, idx } end
          end
        end
      end
      table.sort(hits, function(a, b)
        if a[1] ~= b[1] then return a[1] < b[1] end
        if a[2] ~= b[2] then return a[2] > b[2] end
        return a[3] < b[3]
      end)
      local out, last = {}, 0
      for _, h in ipairs(hits) do
        if overlap or h[1] > last then
          out[#out + 1] = h
          last = h[2]
        end
      end
      return out
    end

    local seed = 20261129
    local function rand(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return math.floor(seed / 65536) % n + 1
    end
    local words = { "a", "b", "ab", "ba", "s", "bab" }
    local glue = { " ", " ", "-", "\n", "'", ".", "" }
    local ttoks = { "a", "b", "ab", "ba", "s", "S", "A", "B", " ", " ", " ", "-", "'", ".", "\n", "x", ",", "'s",
                    "a ", "ab ", "b-", "ba\n" }

    -- words glued by separators or punctuation; `*` on any word before a separator and
    -- on the last one
    local function random_pattern()
      local parts = {}
      for i = 1, rand(3) do
        if i > 1 then
          local g = glue[rand(#glue)]
          if kind(g) == "sep" and rand(2) == 1 then parts[#parts + 1] = "*" end
          parts[#parts + 1] = g
        end
        parts[#parts + 1] = words[rand(#words)]
      end
      local r = rand(6)
      if r == 1 then parts[#parts + 1] = "*" elseif r == 2 then parts[#parts + 1] = "." end
      return table.concat(parts)
    end

    for _, overlap in ipairs({ false, true }) do
      it(overlap and "overlap = true" or "overlap = false", function()
        local compared, inner = 0, 0
        for _ = 1, 300 do
          local pats = {}
          for i = 1, rand(6) do pats[i] = random_pattern() end
          local ok, m = pcall(dyadic.matcher, pats, { overlap = overlap })
          if ok then
            local parts = {}
            for i = 1, rand(60) do parts[i] = ttoks[rand(#ttoks)] end
            local text = table.concat(parts)
            local want = naive(pats, text, overlap)
            local got = m:find_all(text)
            assert.are.same(want, got, "patterns " .. table.concat(pats, " | ") .. " text [" .. text .. "]")
            compared = compared + #want
            for _, x in ipairs(want) do
              if pats[x[3]]:find("%*[ \n%-]") then inner = inner + 1 end
            end
          end
        end
        assert.is_true(compared > 50)
        assert.is_true(inner > 10)  -- matches of patterns with an inner `word*`
      end)
    end

    it("on texts from 256 bytes to 2 KB (also cut in two halves, with matches across the cut)", function()
      local compared = 0
      for _ = 1, 60 do
        local pats = {}
        for i = 1, rand(6) do pats[i] = random_pattern() end
        if pcall(dyadic.matcher, pats) then
          local parts, n = {}, 0
          local want_len = 256 + rand(1800)
          while n < want_len do
            parts[#parts + 1] = ttoks[rand(#ttoks)]
            n = n + #parts[#parts]
          end
          local text = table.concat(parts)
          for _, overlap in ipairs({ false, true }) do
            local want = naive(pats, text, overlap)
            local got = dyadic.matcher(pats, { overlap = overlap }):find_all(text)
            assert.are.same(want, got, "patterns " .. table.concat(pats, " | ") .. " text [" .. text .. "]")
            compared = compared + #want
          end
        end
      end
      assert.is_true(compared > 1000)
    end)

    it("on a text long enough to be scanned in two interleaved halves", function()
      local pats = { "a b", "ab*", "b'", "ba.", "s", "a-ba b", "a* b", "b* a* ab" }
      local parts = {}
      for i = 1, 60000 do parts[i] = ttoks[rand(#ttoks)] end
      local text = table.concat(parts)
      assert.is_true(#text > 65536)
      for _, overlap in ipairs({ false, true }) do
        local want = naive(pats, text, overlap)
        local got = dyadic.matcher(pats, { overlap = overlap }):find_all(text)
        assert.are.equal(#want, #got)
        assert.are.same(want, got)
        assert.is_true(#want > 1000)
      end
    end)
  end)
end)
