-- The native lexicon format as the C parser reads it (lex:load_native, csrc/lexicon_native.c):
-- every message, the entry semantics, and inputs that must not break it.
local helpers = require "spec.helpers"
local lexicon = require "dyadic.lexicon"

local KEYS = "(code, type, role, from, to, case, category, weight, goldstein, cameo, direction, sector)"

-- "line: message" for every problem of text, parsed into a fresh lexicon (closed after).
local function problems(text, stop)
  local lex = lexicon()
  local out = {}
  for _, p in ipairs(lex:load_native(text, "t.lex", stop)) do
    assert.equal("error", p.severity)
    out[#out + 1] = p.line .. ": " .. p.message
  end
  lex:close()
  return out
end

-- The entries of text (which must have no problem).
local function entries(text)
  local lex = lexicon()
  assert.same({}, lex:load_native(text, "t.lex"))
  local e = lex:entries()
  lex:close()
  return e
end

describe("native lexicon format (C parser)", function()
  describe("lex:load_native", function()
    it("adds the entries with their source and returns the problems in line order", function()
      local lex = lexicon()
      local p = lex:load_native("@actor code=RUS type=state\nRussia\nMoscow | type=town\nthe Kremlin | role=GOV\n",
        "my.lex")
      assert.same({ { line = 3, severity = "error",
        message = "field 'type': unknown actor type 'town' (state, leader, capital, igo, region, group or other)" } },
        p)
      assert.equal(2, #lex)
      local e = lex:entries()
      assert.same({ "Russia", "actor", "RUS", "state", "my.lex:2" },
        { e[1].term, e[1].kind, e[1].code, e[1].type, e[1].source })
      assert.same({ "the Kremlin", "GOV", "my.lex:4" }, { e[2].term, e[2].role, e[2].source })
      lex:close()
    end)

    it("stops at the first problem when asked", function()
      local text = "x\n@actor code=A\ny | colour=red\nz | type=town\nw\n"
      assert.same({ "1: term line before any @actor/@cue/@sector/@discard header",
        "3: unknown key 'colour' " .. KEYS,
        "4: field 'type': unknown actor type 'town' (state, leader, capital, igo, region, group or other)" },
        problems(text))
      assert.same({ "1: term line before any @actor/@cue/@sector/@discard header" }, problems(text, true))
      assert.same({ "2: key 'type': empty value" }, problems("@actor code=A\nb | type=\nc | type=\n", true))
    end)

    it("checks its arguments and the lexicon", function()
      local lex = lexicon()
      assert.has_error(function() lex:load_native(nil, "x") end)
      assert.has_error(function() lex:load_native(42, "x") end)
      assert.has_error(function() lex:load_native("@discard\nx\n") end)
      assert.equal(0, #lex)
      lex:close()
      local ok, err = pcall(lex.load_native, lex, "@discard\nx\n", "x")
      assert.is_false(ok)
      assert.matches("lexicon is closed", err)
      assert.has_error(function() lexicon.load_native("@discard\nx\n", "x") end)
    end)
  end)

  describe("messages", function()
    local cases = {
      { "x | colour=red", "unknown key 'colour' " .. KEYS },
      { "x | term=y", "unknown key 'term' " .. KEYS },
      { "x | source=y", "unknown key 'source' " .. KEYS },
      { "x | note", "expected key=value, got 'note'" },
      { "x | code =RUS", "expected key=value, got 'code'" },
      { "x | 9a=1", "expected key=value, got '9a=1'" },
      { "x | code=RUS and more", "expected key=value, got 'and'" },
      { 'x | code="RUS', "key 'code': unterminated quoted value" },
      { 'x | code="RUS"x', "key 'code': expected a space after the quoted value" },
      { 'x | code=R"US', "key 'code': stray quote in value" },
      { "x | code=", "key 'code': empty value" },
      { 'x | code=""', "key 'code': empty value" },
      { "x | weight=heavy", "key 'weight': 'heavy' is not a number" },
      { "x | weight=inf", "key 'weight': 'inf' is not a number" },
      { "x | weight=nan", "key 'weight': 'nan' is not a number" },
      { "x | weight=1e", "key 'weight': '1e' is not a number" },
      { "x | weight=1,5", "key 'weight': '1,5' is not a number" },
      { "x | weight=1e999", "field 'weight': must be a finite number" },
      { "x | role=A role=B", "key 'role' given twice" },
      { "x | weight=1 weight=x", "key 'weight': 'x' is not a number" },
      { "x | weight=1 weight=2", "key 'weight' given twice" },
      { "| role=A", "empty term before '|'" },
      { '""', "empty term before '|'" },
      { '  ""  | colour=red', "empty term before '|'" },
      { "x | type=village",
        "field 'type': unknown actor type 'village' (state, leader, capital, igo, region, group or other)" },
      { "x | case=upper", "field 'case': expected \"title\", \"lower\" or \"any\", got 'upper'" },
      { "x | direction=up", "field 'direction': expected \"reverse\" or \"forward\", got 'up'" },
      { "x | direction=reverse", "field 'direction': only cues have a direction" },
      { "x | goldstein=3", "field 'goldstein': only cues carry a Goldstein value" },
      { "x | sector=energy", "field 'sector': only sector entries have it" },
      { "x | from=2020-02-30", "field 'from': '2020-02-30' is not a date YYYY-MM-DD" },
      { "x | from=2020-05-01 to=2020-01-01", "field 'to': 2020-01-01 is before from 2020-05-01" },
      { "sign*deal", "field 'term': 'sign*deal': '*' only at the end of a word" },
      { "x\0y", "field 'term' contains a NUL byte" },
      { "x | role=A\0B", "field 'role' contains a NUL byte" },
      { "x | weight=1\0", "key 'weight': '1\0' is not a number" },
      { "\255abc", "field 'term': '\255abc': invalid UTF-8 at byte 1" },
      { "@country code=X", "unknown block kind '@country' (@actor, @cue, @sector or @discard)" },
      { "@", "unknown block kind '@' (@actor, @cue, @sector or @discard)" },
      { "@actor|code=X", "unknown block kind '@actor|code=X' (@actor, @cue, @sector or @discard)" },
      { "@cue category=coop weight=2 weight=3", "key 'weight' given twice" },
    }
    for _, c in ipairs(cases) do
      it(string.format("%q", c[1]), function()
        assert.same({ "2: " .. c[2] }, problems("@actor code=RUS\n" .. c[1] .. "\n"))
      end)
    end

    it("checks the header version on line 1 only", function()
      assert.same({}, problems("#!dyadic-lexicon 1\n@discard\nx\n"))
      assert.same({}, problems("#!dyadic-lexicon\t1  \r\n@discard\nx\n"))
      for _, h in ipairs { "#!dyadic-lexicon 2", "#!dyadic-lexicon", "#!dyadic-lexicon1", "#!dyadic-lexicon 1 x",
                           "#!dyadic-lexicon 10" } do
        assert.same({ "1: unsupported format header '" .. h .. "' (expected '#!dyadic-lexicon 1')" },
          problems(h .. "\n@discard\nx\n"))
      end
      assert.same({}, problems("@discard\n#!dyadic-lexicon 2\nx\n"))  -- a comment after line 1
      assert.same({}, problems("\239\187\191#!dyadic-lexicon 1\n@discard\nx\n"))  -- after a byte order mark
    end)

    it("reports terms before any header, but not the terms of a malformed header", function()
      assert.same({ "1: term line before any @actor/@cue/@sector/@discard header" }, problems("Russia\n"))
      assert.same({ "1: unknown block kind '@country' (@actor, @cue, @sector or @discard)",
        "5: key 'code': empty value" }, problems("@country\nx\ny\n@actor code=A\nz | code=\n"))
      assert.same({ "1: unknown key 'colour' " .. KEYS }, problems("@actor colour=red\nx\ny\n"))
      -- a malformed header ends the block before it
      assert.same({ "2: key 'code': empty value" }, problems("@actor code=A\n@actor code=\nx\n"))
      -- a malformed term line is still reported after a malformed header
      assert.same({ "1: unknown block kind '@x' (@actor, @cue, @sector or @discard)",
        "2: expected key=value, got 'y'" }, problems("@x\nterm | y\n"))
    end)
  end)

  describe("entries", function()
    it("takes the block's attributes, overridden by the line's", function()
      local e = entries("@actor code=RUS type=state from=2000-01-01\nRussia\nthe Kremlin | type=capital role=GOV\n"
        .. "Putin | code=RUSGOV type=leader to=2030-12-31\n")
      assert.same({ "RUS", "state", "2000-01-01" }, { e[1].code, e[1].type, e[1].from })
      assert.same({ "RUS", "capital", "GOV" }, { e[2].code, e[2].type, e[2].role })
      assert.same({ "RUS", "RUSGOV", "GOV", "leader", "2000-01-01", "2030-12-31" },
        { e[3].code, e[3].full_code, e[3].role, e[3].type, e[3].from, e[3].to })
    end)

    it("trims terms and collapses their white space", function()
      local e = entries("@discard\n  New \t Mexico  \n\"  Xi \v Jinping \" \n  spaced\tterm  | \n")
      assert.same({ "New Mexico", "Xi Jinping", "spaced term" }, { e[1].term, e[2].term, e[3].term })
    end)

    it("reads quoted terms, which may start with @ or # or hold |", function()
      local e = entries('@actor code=X\n"@home" | type=group\n"#tag"\n  "a|b"  |role=R\n"a" b | role=S\n"c" "d"\n')
      assert.same({ "@home", "#tag", "a|b", '"a" b', '"c" "d"' },
        { e[1].term, e[2].term, e[3].term, e[4].term, e[5].term })
      assert.same({ "group", "R", "S" }, { e[1].type, e[3].role, e[4].role })
    end)

    it("reads quoted values, key=value after tabs, and every key", function()
      local e = entries('@sector sector="finance and settlement"\ncorrespondent bank*\t|\tweight=2.5\n'
        .. "@cue category=dependency cameo=057 goldstein=-2.5 direction=reverse case=lower\nrely on\n"
        .. "@actor role=GOV\nministers | case=title\n")
      assert.same({ "finance and settlement", 2.5 }, { e[1].sector, e[1].weight })
      assert.same({ "dependency", "057", -2.5, "reverse", "lower" },
        { e[2].category, e[2].cameo, e[2].goldstein, e[2].direction, e[2].case })
      assert.same({ "GOV", "title" }, { e[3].role, e[3].case })
    end)

    it("reads numbers as Lua 5.4's tonumber does, on every runtime", function()
      local e = entries('@cue category=intensifier\na | weight=0x10\nb | weight=1e1\nc | weight=" 2 "\n'
        .. "d | weight=+.5\ne | weight=0x1p-1\nf | weight=-3\n")
      assert.same({ 16, 10, 2, 0.5, 0.5, -3 },
        { e[1].weight, e[2].weight, e[3].weight, e[4].weight, e[5].weight, e[6].weight })
    end)

    it("skips comments, blank lines, a byte order mark and carriage returns", function()
      local lex = lexicon()
      assert.same({}, lex:load_native("\239\187\191# comment\r\n\r\n  # indented\r\n\t\r\n@discard\r\nx\r\ny", "crlf"))
      local e = lex:entries()
      assert.same({ "x", "crlf:6", "y", "crlf:7" }, { e[1].term, e[1].source, e[2].term, e[2].source })
      lex:close()
    end)

    it("keeps a carriage return inside a line as white space", function()
      local e = entries("@discard\na\rb\r\r\n")
      assert.equal("a b", e[1].term)
    end)
  end)

  describe("the API functions", function()
    it("parse fails at the first error, check lists them all", function()
      local text = "#!dyadic-lexicon 1\n@actor code=A\nx | colour=red\ny | type=town\n"
      local lex, err = lexicon.parse(text, "dyadic", "mine.lex")
      assert.is_nil(lex)
      assert.equal("mine.lex:3: unknown key 'colour' " .. KEYS, err)
      local path = helpers.write_temp(text, ".lex")
      local problems_ = lexicon.check(path)
      os.remove(path)
      assert.same({ 3, 4 }, { problems_[1].line, problems_[2].line })
      assert.same({ "error", "error" }, { problems_[1].severity, problems_[2].severity })
      assert.equal("field 'type': unknown actor type 'town' (state, leader, capital, igo, region, group or other)",
        problems_[2].message)
    end)

    it("builds the default lexicon with sources naming the data modules", function()
      local lex = lexicon.default()
      assert.is_true(#lex > 3000)
      assert.matches("^dyadic%.data%.countries:%d+$", lex:entry(1).source)
      assert.is_number(lex.load_seconds)
    end)
  end)

  describe("hostile input", function()
    it("takes a huge line, NUL bytes, invalid UTF-8 and binary noise", function()
      local big = ("w"):rep(1000000)
      local e = entries("@discard\n" .. big .. "\n")
      assert.equal(big, e[1].term)
      local lex = lexicon()
      local p = lex:load_native("@actor code=A\n" .. ('x | role="' .. ("r"):rep(100000)) .. "\n", "big")
      assert.same({ { line = 2, message = "key 'role': unterminated quoted value", severity = "error" } }, p)
      lex:close()
      -- every byte value, in lines: problems name lines that exist, in order
      local bytes = {}
      for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
      local noise = table.concat(bytes)
      local text = "@actor code=A\n" .. noise .. "\n" .. noise:reverse() .. "\n@cue " .. noise .. "\n"
      local nlines = select(2, text:gsub("\n", "")) + 1
      lex = lexicon()
      local last = 0
      for _, q in ipairs(lex:load_native(text, "noise")) do
        assert.is_true(q.line >= last and q.line <= nlines)
        last = q.line
      end
      lex:close()
    end)
  end)
end)
