-- Tokens and sentences: dyadic.tokens, dyadic.sentences, dyadic.core.utf8_check.
-- Every sentence here was written for this spec.
local dyadic = require "dyadic"
local core = require "dyadic.core"
local helpers = require "spec.helpers"

-- Offsets are 1-based, inclusive, inside the text, ordered and non-overlapping.
local function check_spans(text, spans)
  local prev = 0
  for i, sp in ipairs(spans) do
    assert.is_true(sp[1] >= 1 and sp[2] <= #text and sp[1] <= sp[2],
      ("span %d = {%s, %s} outside [1, %d]"):format(i, tostring(sp[1]), tostring(sp[2]), #text))
    assert.is_true(sp[1] > prev, "span " .. i .. " overlaps the previous one")
    prev = sp[2]
  end
end

local function tokens(text)
  local toks = dyadic.tokens(text)
  check_spans(text, toks)
  return toks
end

-- "text/kind" for each token, kind as w, n or p.
local function tok_strings(text)
  local out = {}
  for i, t in ipairs(tokens(text)) do out[i] = text:sub(t[1], t[2]) .. "/" .. t[3]:sub(1, 1) end
  return out
end

local function words(text)
  local out = {}
  for i, t in ipairs(tokens(text)) do out[i] = text:sub(t[1], t[2]) end
  return out
end

local function find_token(text, str)
  for _, t in ipairs(tokens(text)) do
    if text:sub(t[1], t[2]) == str then return t end
  end
  error("no token " .. str)
end

local function has_flag(t, flag)
  return t[4] ~= nil and (" " .. t[4] .. " "):find(" " .. flag .. " ", 1, true) ~= nil
end

local function sentences(text)
  local sents = dyadic.sentences(text)
  check_spans(text, sents)
  local out = {}
  for i, s in ipairs(sents) do out[i] = text:sub(s[1], s[2]) end
  return out
end

describe("dyadic.tokens", function()
  it("returns {s, e, kind} triples with 1-based inclusive offsets", function()
    local text = "Talks resumed, 12 hours late."
    local toks = tokens(text)
    assert.are.same({ 1, 5, "word", "capitalized" }, toks[1])
    assert.are.same({ 7, 13, "word" }, toks[2])
    assert.are.same({ 14, 14, "punct" }, toks[3])
    assert.are.same({ 16, 17, "number" }, toks[4])
    assert.are.same({ "Talks/w", "resumed/w", ",/p", "12/n", "hours/w", "late/w", "./p" }, tok_strings(text))
  end)

  it("returns an empty table for empty and blank text", function()
    assert.are.same({}, dyadic.tokens(""))
    assert.are.same({}, dyadic.tokens(" \t\r\n\n  "))
  end)

  it("keeps letters of any script in one word, with combining marks", function()
    assert.are.same({ "Делегация/w", "прибыла/w", "в/w", "Тбилиси/w" }, tok_strings("Делегация прибыла в Тбилиси"))
    assert.are.same({ "Zürich/w", "Kraków/w", "Łódź/w", "São/w", "Paulo/w" },
      tok_strings("Zürich Kraków Łódź São Paulo"))
    -- e + U+0301 COMBINING ACUTE ACCENT stays inside the word
    assert.are.same({ "Mine\204\129ral/w" }, tok_strings("Mine\204\129ral"))
    assert.is_true(has_flag(find_token("Делегация прибыла", "Делегация"), "capitalized"))
    assert.is_nil(find_token("Делегация прибыла", "прибыла")[4])
  end)

  it("makes each Han, Kana and Thai character a word flagged ideo", function()
    assert.are.same({ "北/w", "京/w", "和/w", "平/w", "。/p" }, tok_strings("北京和平。"))
    assert.are.same({ "ニ/w", "ュ/w", "ー/w", "ス/w" }, tok_strings("ニュース"))
    -- Thai: the vowel mark U+0E34 attaches to the consonant before it
    local thai = "คิด"
    assert.are.same({ "คิ/w", "ด/w" }, tok_strings(thai))
    for _, t in ipairs(tokens("东京 Tokyo")) do
      if t[1] <= 6 then assert.are.equal("ideo", t[4]) else assert.are.equal("capitalized", t[4]) end
    end
  end)

  it("keeps thousands separators and decimals inside numbers", function()
    assert.are.same({ "1,200.5/n", "barrels/w" }, tok_strings("1,200.5 barrels"))
    assert.are.same({ "up/w", "3.5/n", "%/p" }, tok_strings("up 3.5%"))
    assert.are.same({ "5.93/n", "./p" }, tok_strings("5.93."))
    assert.are.same({ "1/n", ",/p", "2/n" }, tok_strings("1,2"))
    assert.are.same({ "12,000,000/n" }, tok_strings("12,000,000"))
    assert.are.same({ "$/p", "81.20/n" }, tok_strings("$81.20"))
    assert.are.same({ "G20/w", "1990s/w" }, tok_strings("G20 1990s"))
  end)

  it("keeps abbreviations with internal dots as one word including the final dot", function()
    local text = "the U.S. and U.K., e.g. Ph.D. holders, i.e. few"
    assert.are.same({ "the", "U.S.", "and", "U.K.", ",", "e.g.", "Ph.D.", "holders", ",", "i.e.", "few" }, words(text))
    assert.are.equal("abbrev capitalized", find_token(text, "U.S.")[4])
    assert.are.equal("abbrev", find_token(text, "e.g.")[4])
    -- a long word before a dot is no abbreviation
    assert.are.same({ "example", ".", "org" }, words("example.org"))
    assert.are.same({ "U", ".", "S" }, words("U.S"))
  end)

  it("splits the possessive 's and ’s off as a word flagged possessive", function()
    local text = "Russia's and Georgia’s envoys"
    assert.are.same({ "Russia", "'s", "and", "Georgia", "’s", "envoys" }, words(text))
    assert.are.equal("possessive", find_token(text, "'s")[4])
    assert.are.equal("possessive", find_token(text, "’s")[4])
    assert.are.equal("word", find_token(text, "’s")[3])
    -- plural possessive: the apostrophe is punctuation
    assert.are.same({ "the", "allies", "'", "talks" }, words("the allies' talks"))
  end)

  it("keeps apostrophes between letters inside the word", function()
    assert.are.same({ "O'Brien", "visited", "Côte", "d'Ivoire", "and", "didn’t", "stay" },
      words("O'Brien visited Côte d'Ivoire and didn’t stay"))
    assert.are.same({ "'", "quoted", "'" }, words("'quoted'"))
  end)

  it("splits hyphenated compounds, flags both parts and drops the hyphen", function()
    local text = "the Moscow-Beijing axis"
    local toks = tokens(text)
    assert.are.same({ "the", "Moscow", "Beijing", "axis" }, words(text))
    assert.are.equal("capitalized compound", toks[2][4])
    assert.are.equal("capitalized compound", toks[3][4])
    assert.are.same({ "Sino", "Russian", "Iranian" }, words("Sino-Russian-Iranian"))
    assert.is_true(has_flag(find_token("Sino-Russian-Iranian", "Russian"), "compound"))
    -- en dash joins too, an em dash or a spaced hyphen is punctuation
    assert.are.same({ "Moscow", "Beijing" }, words("Moscow–Beijing"))
    assert.are.same({ "war", "—", "and", "peace", "-", "now" }, words("war—and peace - now"))
    assert.is_nil(find_token("war—and", "war")[4])
  end)

  it("skips soft hyphens and other format characters inside words", function()
    local text = "co\194\173operation"          -- U+00AD SOFT HYPHEN
    assert.are.same({ { 1, #text, "word" } }, tokens(text))
    local zw = "\239\187\191Kyiv talks"      -- BOM before the first word is skipped
    assert.are.same({ "Kyiv", "talks" }, words(zw))
  end)

  it("makes one punctuation token per character", function()
    assert.are.same({ "wait/w", "./p", "./p", "./p", "?/p", "!/p", "…/p" }, tok_strings("wait...?!…"))
    assert.are.same({ "«/p", "Da/w", "»/p" }, tok_strings("«Da»"))
  end)

  it("treats invalid UTF-8 and NUL bytes as one-byte punctuation", function()
    local text = "ok\255\254 a\0b \226\128 end"
    local toks = tokens(text)
    assert.are.same({ "ok/w", "\255/p", "\254/p", "a/w", "\0/p", "b/w", "\226/p", "\128/p", "end/w" },
      tok_strings(text))
    for _, t in ipairs(toks) do
      if t[3] == "punct" then assert.are.equal(t[1], t[2]) end
    end
    assert.are.same({ { 1, 1, "punct" }, { 2, 2, "punct" } }, tokens("\255\254"))
    assert.are.same({ { 1, 1, "punct" } }, tokens("\0"))
  end)

  -- text.c reads plain ASCII words and numbers through a faster loop (letters 16 at a time)
  -- than other characters; these inputs sit on the edges between the two paths.
  it("gives the same tokens on the plain ASCII paths as the general rules", function()
    -- words longer than 16 letters, the bytes just outside A-Z and a-z, the end of the text
    assert.are.same({ "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/w", "reached/w" },
      tok_strings("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ reached"))
    assert.are.same({ "Zz/w", "@/p", "Aa/w", "[/p", "Bb/w", "`/p", "Cc/w", "{/p", "Dd/w" },
      tok_strings("Zz@Aa[Bb`Cc{Dd"))
    assert.are.equal("capitalized", tokens("Internationalization")[1][4])
    -- a short word before a dot is an abbreviation only with a second segment and dot
    assert.are.same({ "mln/w", "./p" }, tok_strings("mln."))
    assert.are.same({ "mln/w", "./p", "dlrs/w" }, tok_strings("mln. dlrs"))
    assert.are.same({ "ab.cd.ef./w" }, tok_strings("ab.cd.ef."))
    -- numbers: separators at the end of the text, four digits after a comma, trailing dots
    assert.are.same({ "rose/w", "1,234/n" }, tok_strings("rose 1,234"))
    assert.are.same({ "1/n", ",/p", "2345/n", "12/n", ",/p", "34/n" }, tok_strings("1,2345 12,34"))
    assert.are.same({ "1,000/n", ",/p" }, tok_strings("1,000,"))
    assert.are.same({ "3/n", "./p", "1.5/n", "./p" }, tok_strings("3. 1.5."))
    -- words and numbers followed by what the general scanner handles
    assert.are.same({ "42/n", "'s/w" }, tok_strings("42's"))
    assert.are.same({ "Ünder/w", "Zürich/w" }, tok_strings("Ünder Zürich"))
    assert.are.same({ "A/w", "\0/p", "B/w" }, tok_strings("A\0B"))
    assert.is_true(has_flag(find_token("1990-1995", "1995"), "compound"))
  end)

  it("tokenizes the fixtures with every offset inside the text", function()
    for _, name in ipairs{ "article_en.txt", "multilingual.txt", "invalid.bin", "format_chars.txt" } do
      local text = helpers.read(helpers.fixture("text/" .. name))
      local toks = tokens(text)
      assert.is_true(#toks > 5, name)
      for _, t in ipairs(toks) do
        assert.is_truthy(t[3] == "word" or t[3] == "number" or t[3] == "punct")
        assert.is_nil(text:sub(t[1], t[2]):find("^%s"), name)
        assert.is_nil(text:sub(t[1], t[2]):find("%s$"), name)
      end
    end
  end)

  it("handles a 10 MB line without newlines", function()
    local head = "Baku signed 2.5 deals with the U.S., "
    local unit = head .. string.rep("z", 256 - #head - 1) .. " "   -- 256 bytes, 9 tokens
    local text = string.rep(unit, 40960)
    assert.are.equal(10485760, #text)
    local toks = dyadic.tokens(text)
    assert.are.equal(40960 * 9, #toks)
    assert.are.same({ #text - 218, #text - 1, "word" }, toks[#toks])
    assert.are.same({ 32, 35, "word", "abbrev capitalized" }, toks[7])
    -- no sentence punctuation: cut into sentences of at most 512 tokens, each ending after
    -- the last comma of its final 128 tokens (see docs/DESIGN.md, text section)
    local sents = dyadic.sentences(text)
    assert.are.equal(1, sents[1][1])
    assert.are.equal(#text - 1, sents[#sents][2])
    local ti = 1
    for i, se in ipairs(sents) do
      if i > 1 then assert.is_true(se[1] > sents[i - 1][2]) end
      local n = 0
      while ti <= #toks and toks[ti][1] < se[1] do ti = ti + 1 end
      while ti <= #toks and toks[ti][2] <= se[2] do n = n + 1; ti = ti + 1 end
      assert.is_true(n >= 1 and n <= 512, "sentence " .. i .. " has " .. n .. " tokens")
      if i < #sents then assert.are.equal(",", text:sub(se[2], se[2])) end
    end
    assert.are.equal(math.ceil(40960 * 9 / 504), #sents)  -- 56 units of 9 tokens, cut after a comma
  end)

  it("cuts a run without sentence punctuation at the limit when it has no comma", function()
    local text = string.rep("word ", 1300)
    local sents = dyadic.sentences(text)
    assert.are.same({ { 1, 512 * 5 - 1 }, { 512 * 5 + 1, 1024 * 5 - 1 }, { 1024 * 5 + 1, 1300 * 5 - 1 } }, sents)
  end)

  it("names the argument on a wrong type", function()
    local ok, err = pcall(dyadic.tokens, nil)
    assert.is_false(ok)
    assert.matches("bad argument #1", err)
    assert.matches("string expected, got nil", err)
    ok, err = pcall(dyadic.tokens, 42)
    assert.is_false(ok)
    assert.matches("got number", err)
    ok, err = pcall(dyadic.sentences, {})
    assert.is_false(ok)
    assert.matches("bad argument #1.*string expected, got table", err)
  end)
end)

describe("dyadic.sentences", function()
  it("splits at . ! ? followed by a capital", function()
    assert.are.same({ "Talks stalled.", "Would they resume?", "Nobody knew!", "Then a call came." },
      sentences("Talks stalled. Would they resume? Nobody knew! Then a call came."))
  end)

  it("returns {s, e} pairs trimmed of white space", function()
    local text = "  \n Ankara agreed.  Baku too. \n"
    local sents = dyadic.sentences(text)
    assert.are.same({ { 5, 18 }, { 21, 29 } }, sents)
    assert.are.same({}, dyadic.sentences(""))
    assert.are.same({}, dyadic.sentences(" \n\t "))
  end)

  it("does not split before a lowercase word, or without a space", function()
    assert.are.same({ "He asked why? and left." }, sentences("He asked why? and left."))
    assert.are.same({ "version 2.Next" }, sentences("version 2.Next"))
  end)

  it("splits before a digit or an opening quote", function()
    assert.are.same({ "Exports fell.", "2025 was worse." }, sentences("Exports fell. 2025 was worse."))
    assert.are.same({ "It ended.", "\"Enough,\" she said." }, sentences("It ended. \"Enough,\" she said."))
  end)

  it("does not split after titles and other abbreviations", function()
    assert.are.same({ "Mr. Karimov met Dr. Osei and Gen. Ruiz in St. Louis on Jan. 4." },
      sentences("Mr. Karimov met Dr. Osei and Gen. Ruiz in St. Louis on Jan. 4."))
    assert.are.same({ "Prof. Lin and Sen. Ward, Mrs. Ward and Ms. Oduya agreed." },
      sentences("Prof. Lin and Sen. Ward, Mrs. Ward and Ms. Oduya agreed."))
    assert.are.same({ "They met (No. 10 vs. No. 11 Downing St.) at noon." },
      sentences("They met (No. 10 vs. No. 11 Downing St.) at noon."))
  end)

  it("continues after U.S. inside a sentence but ends before a sentence starter", function()
    assert.are.same({ "Officials in the U.S. Treasury and the U.K. said little." },
      sentences("Officials in the U.S. Treasury and the U.K. said little."))
    assert.are.same({ "Grain went to the U.S.", "The next cargo sails in May." },
      sentences("Grain went to the U.S. The next cargo sails in May."))
    assert.are.same({ "They sold oil, gas, etc.", "But prices fell." },
      sentences("They sold oil, gas, etc. But prices fell."))
    assert.are.same({ "Talks begin at 9 a.m.", "It is a first." },
      sentences("Talks begin at 9 a.m. It is a first."))
  end)

  it("does not split after initials", function()
    assert.are.same({ "J. R. R. Tolkien and W. E. B. Du Bois are quoted.", "A. Smith is not." },
      sentences("J. R. R. Tolkien and W. E. B. Du Bois are quoted. A. Smith is not."))
  end)

  it("does not split inside decimals or numbers", function()
    assert.are.same({ "The index rose 5.93 points to 1,204.17 on Friday.", "Bonds fell." },
      sentences("The index rose 5.93 points to 1,204.17 on Friday. Bonds fell."))
  end)

  it("keeps closing quotes and brackets with the sentence", function()
    assert.are.same({ "\"We signed.\"", "The minister smiled." },
      sentences("\"We signed.\" The minister smiled."))
    assert.are.same({ "(The deal was vague.)", "Critics said so." },
      sentences("(The deal was vague.) Critics said so."))
    assert.are.same({ "«Мы согласны.»", "Так сказал посол." },
      sentences("«Мы согласны.» Так сказал посол."))
    assert.are.same({ "“Is this final?”", "Nobody answered." },
      sentences("“Is this final?” Nobody answered."))
    assert.are.same({ "\"Stop!\" he shouted." }, sentences("\"Stop!\" he shouted."))
  end)

  it("treats ellipses and runs like ?! as one terminator", function()
    assert.are.same({ "The talks dragged on...", "Then they collapsed." },
      sentences("The talks dragged on... Then they collapsed."))
    assert.are.same({ "They waited… and waited." }, sentences("They waited… and waited."))
    assert.are.same({ "Really?!", "Yes." }, sentences("Really?! Yes."))
  end)

  it("splits Cyrillic, accented Latin and CJK text", function()
    assert.are.same({ "Переговоры завершились.", "Стороны довольны!" },
      sentences("Переговоры завершились. Стороны довольны!"))
    assert.are.same({ "Le sommet a eu lieu à Genève.", "Élysée a confirmé." },
      sentences("Le sommet a eu lieu à Genève. Élysée a confirmé."))
    assert.are.same({ "会谈结束。", "双方满意！", "下次见？" }, sentences("会谈结束。双方满意！下次见？"))
    -- a caseless script after a period starts a sentence
    assert.are.same({ "Talks ended.", "انتهت المحادثات." }, sentences("Talks ended. انتهت المحادثات."))
  end)

  it("always ends a sentence at a paragraph break", function()
    assert.are.same({ "the talks were held in", "Vienna and later in Oslo" },
      sentences("the talks were held in\n\nVienna and later in Oslo"))
    assert.are.same({ "first part", "second part" }, sentences("first part\r\n\r\nsecond part"))
    assert.are.same({ "first part", "second part" }, sentences("first part\n  \t\nsecond part"))
    -- a single line break inside a wrapped sentence does not end it
    local wrapped = "the delegation from Georgia arrived in Yerevan on Monday morning and met\n" ..
                    "the Armenian foreign minister."
    assert.are.same({ wrapped }, sentences(wrapped))
    -- a short first line that ends on a function word is a hard wrap, however short
    local short = "The state-owned maker of the\nTrabant said output fell."
    assert.are.same({ short }, sentences(short))
  end)

  it("makes a headline its own sentence", function()
    assert.are.same({ "Gas Deal Signed", "Moscow and Beijing agreed on prices." },
      sentences("Gas Deal Signed\n\nMoscow and Beijing agreed on prices."))
    -- short line, no final punctuation, next line capitalized
    assert.are.same({ "Gas Deal Signed", "Moscow and Beijing agreed on prices." },
      sentences("Gas Deal Signed\nMoscow and Beijing agreed on prices."))
    -- wrapped prose with a capitalized word at the start of the next line is not a headline
    local wrapped = "Delegations from both capitals met again on Tuesday to review the terms\n" ..
                    "Kazakhstan proposed last spring, officials said."
    assert.are.same({ wrapped }, sentences(wrapped))
  end)

  it("starts a sentence at each bullet and keeps the marker out of the span", function()
    local text = "Main points:\n• Tariffs fall\n• Quotas rise\n- Talks go on\n* Review in May\n" ..
                 "1. First tranche\n2) Second tranche\nThe rest is unchanged."
    assert.are.same({ "Main points:", "Tariffs fall", "Quotas rise", "Talks go on", "Review in May",
                      "First tranche", "Second tranche", "The rest is unchanged." }, sentences(text))
    -- a hyphen inside a line is no bullet
    assert.are.same({ "Prices - at last - fell." }, sentences("Prices - at last - fell."))
  end)

  it("never crashes on invalid UTF-8, NUL bytes or lone punctuation", function()
    assert.are.same({ "\255\254" }, sentences("\255\254"))
    assert.are.same({ "one\0two.", "Three." }, sentences("one\0two. Three."))
    assert.are.same({ "..." }, sentences("..."))
    assert.are.same({ "•" }, sentences("•"))
    assert.are.same({ "\"" }, sentences(" \" "))
  end)

  it("splits the English fixture as documented", function()
    local text = helpers.read(helpers.fixture("text/article_en.txt"))
    local got = sentences(text)
    assert.are.same({
      "Pipeline talks resume in Astana",
      "Energy ministers from Kazakhstan and Azerbaijan met on Monday in Astana.",
      "Mr. Aliyev's deputy, Dr. R. T. Mammadov, said the U.S. had \"no objection\" to the Caspian route.",
      "The next round is set for Feb. 12 in Baku.",
      "Prices for the blend rose 3.5% to $81.20 a barrel...",
      "Traders expect 1,200.5 million barrels to move through the Kazakh-Azerbaijani corridor by 2030.",
      "\"We are not done yet,\" one official said.",
      "\"Will it hold?\" asked another.",
      "Key points:",
      "Transit fees fall by a third",
      "A joint operator is created",
      "Gen. Sadykov will chair the board",
      "The first tranche is due in March",
      "The second in October (after review.)",
    }, got)
  end)

  it("splits the multilingual fixture", function()
    local text = helpers.read(helpers.fixture("text/multilingual.txt"))
    local got = sentences(text)
    assert.are.equal("Москва и Пекин подписали соглашение.", got[1])
    assert.are.equal("Переговоры продолжатся в среду.", got[2])
    assert.are.equal("Le ministre a rencontré son homologue à Abidjan, en Côte d’Ivoire.", got[3])
    assert.are.equal("L’accord sera signé à Genève.", got[4])
    assert.are.equal("东京和首尔今天举行会谈。", got[5])
    assert.are.equal("双方同意加强合作！", got[6])
    assert.are.equal("O’Brien’s report on the Moscow–Beijing axis was published in São Paulo.", got[#got])
  end)
end)

describe("dyadic.core.utf8_check", function()
  it("accepts valid UTF-8", function()
    assert.are.same({ true }, { core.utf8_check("Tbilisi, Тбилиси, 第比利斯 🙂") })
    assert.are.same({ true }, { core.utf8_check("") })
  end)

  it("returns false and the 1-based offset of the first invalid byte", function()
    assert.are.same({ false, 1 }, { core.utf8_check("\255\254") })
    assert.are.same({ false, 4 }, { core.utf8_check("abc\128") })
    assert.are.same({ false, 3 }, { core.utf8_check("ok\226\128") })        -- truncated sequence
    assert.are.same({ false, 2 }, { core.utf8_check("a\192\175") })         -- overlong '/'
    assert.are.same({ false, 1 }, { core.utf8_check("\237\160\128") })      -- surrogate U+D800
    assert.are.same({ true }, { core.utf8_check("a\0b") })
  end)

  it("names the argument on a wrong type", function()
    local ok, err = pcall(core.utf8_check)
    assert.is_false(ok)
    assert.matches("bad argument #1.*string expected, got no value", err)
  end)
end)

-- Every binding taking a text types it alike (core.c dy_check_text): a number is refused,
-- never converted to its decimal string.
describe("text arguments", function()
  local function err_of(f, ...)
    local ok, err = pcall(f, ...)
    assert.is_false(ok, "expected an error")
    return tostring(err)
  end

  it("are refused when they are numbers, with the same message everywhere", function()
    local function number_refused(n) return "bad argument #" .. n .. " to .-%(string expected, got number%)" end
    local m = dyadic.matcher { "1" }
    assert.matches(number_refused(1), err_of(function() local _ = m:count(1) end))
    assert.matches(number_refused(1), err_of(function() local _ = m:find_all(1) end))
    assert.equal(1, m:count("1"))
    local lex = dyadic.lexicon()
    lex:add { term = "Chad", kind = "actor", code = "TCD" }
    assert.matches(number_refused(1), err_of(function() local _ = lex:match(5) end))
    assert.equal(1, #lex:match("Chad"))
    assert.matches(number_refused(1), err_of(dyadic.tokens, 5))
    assert.matches(number_refused(1), err_of(dyadic.sentences, 5))
    assert.matches(number_refused(1), err_of(core.utf8_check, 5))
    assert.matches(number_refused(2), err_of(core.analyze, lex, 5))
    assert.matches(number_refused(4), err_of(core.analyze, lex, "x", nil, 5))
  end)

  it("integer arguments refuse NaN, infinities and huge numbers as non-integers", function()
    for _, bad in ipairs { 1e300, -1e300, 1 / 0, -1 / 0, 0 / 0, 2 ^ 63, 2 ^ 64 } do
      assert.matches("id must be an integer", err_of(dyadic.matcher, { { "a", id = bad } }))
      local lex = dyadic.lexicon()
      lex:add { term = "x", kind = "discard" }
      assert.matches("index must be an integer", err_of(function() local _ = lex:entry(bad) end))
    end
  end)
end)
