-- spec/10-default-lexicon_spec.lua: the shipped default lexicon (lua/dyadic/data/*.lua):
-- it loads, covers every UN member state, resolves aliases, leaders and former states by
-- date, and its guards keep the usual traps (turkey the bird, New Mexico, Georgia the US
-- state) from producing a country. The sentences are written for these tests.
local lexicon = require "dyadic.lexicon"

-- The 193 UN member states (ISO 3166-1 alpha-3).
local UN_MEMBERS = [[
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE]]

local lex

-- Actor hits of text on date: list of { term=, code=, type=, role= }.
local function actors(text, date)
  local out = {}
  for _, h in ipairs(lex:match(text, date)) do
    if h.kind == "actor" then out[#out + 1] = h end
  end
  return out
end

-- The codes found in text on date, as a set.
local function codes(text, date)
  local set = {}
  for _, h in ipairs(actors(text, date)) do set[h.code] = true end
  return set
end

-- The first actor hit whose matched text is `term` (case-insensitive).
local function hit(text, date, term) return require("spec.helpers").actor_hit(lex, text, date, term) end

describe("default lexicon", function()
  setup(function()
    local t0 = os.clock()
    lex = lexicon.default()
    -- no timing assertion: the figure goes to docs/DESIGN.md (the default-lexicon section)
    print(string.format("\n  default lexicon: %s, loaded and compiled in %.1f ms (os.clock)",
      tostring(lex), (os.clock() - t0) * 1000))
  end)

  it("loads every data module named by dyadic.data, each in the native format", function()
    local names = require "dyadic.data"
    assert.is_true(#names >= 7)
    local total = 0
    for _, name in ipairs(names) do
      local text = require(name)
      assert.are.equal("string", type(text))
      assert.truthy(text:find("^#!dyadic%-lexicon 1\n"), name .. " must start with the format header")
      local part, err = lexicon.parse(text, "dyadic", name)
      assert.is_truthy(part, err)
      assert.is_true(#part > 0, name .. " is empty")
      total = total + #part
      part:close()
    end
    assert.are.equal(total, #lex)
    assert.is_true(#lex > 2500)
    assert.truthy(tostring(lex):find("^dyadic%.lexicon: %d+ entries"))
  end)

  it("is built once and cached", function()
    assert.are.equal(lex, lexicon.default())
  end)

  it("has every UN member state as a state actor, plus Taiwan, Kosovo, Palestine, the Holy See", function()
    local states = {}
    for _, e in ipairs(lex:entries()) do
      if e.kind == "actor" and e.type == "state" then states[e.code] = true end
    end
    local n = 0
    for code in UN_MEMBERS:gmatch("%u%u%u") do
      n = n + 1
      assert.is_true(states[code] == true, "missing UN member " .. code)
    end
    assert.are.equal(193, n)
    for _, code in ipairs({ "TWN", "XKX", "PSE", "VAT" }) do
      assert.is_true(states[code] == true, "missing " .. code)
    end
  end)

  it("resolves aliases, demonyms and seats of power", function()
    local date = "2024-03-01"
    local cases = {
      { "Officials at the Kremlin stayed silent.", "Kremlin", "RUS" },
      { "A statement from Zhongnanhai followed.", "Zhongnanhai", "CHN" },
      { "The Élysée denied the report.", "Élysée", "FRA" },
      { "The Elysee denied the report.", "Elysee", "FRA" },
      { "Downing Street declined to comment.", "Downing Street", "GBR" },
      { "Talks in the White House ended late.", "White House", "USA" },
      { "The U.S. and the UK agreed.", "U.S.", "USA" },
      { "The U.S. and the UK agreed.", "UK", "GBR" },
      { "Pyongyang fired a missile; the DPRK said so.", "DPRK", "PRK" },
      { "Seoul and the ROK navy responded.", "ROK", "KOR" },
      { "Iranian officials met Syrian envoys.", "Iranian", "IRN" },
      { "Iranian officials met Syrian envoys.", "Syrian", "SYR" },
      { "Russia's reliance on Chinese buyers grew.", "Russia", "RUS" },
      { "Britain and America disagreed.", "Britain", "GBR" },
      { "Burma's generals met in Naypyidaw.", "Burma", "MMR" },
      { "Ivory Coast exporters sold cocoa.", "Ivory Coast", "CIV" },
      { "The Pentagon ordered more drones.", "Pentagon", "USA" },
    }
    for _, c in ipairs(cases) do
      local h = hit(c[1], date, c[2])
      assert.is_truthy(h, "no actor for '" .. c[2] .. "' in: " .. c[1])
      assert.are.equal(c[3], h.code, c[1])
    end
    local k = hit("Officials at the Kremlin stayed silent.", date, "Kremlin")
    assert.are.equal("capital", k.type)
    assert.are.equal("GOV", k.role)
    local p = hit("The Pentagon ordered more drones.", date, "Pentagon")
    assert.are.equal("MIL", p.role)
  end)

  it("resolves Putin to RUS GOV as president and as prime minister, and not before 1999", function()
    for _, date in ipairs({ "2015-01-01", "2026-01-01", "2010-06-01", "2000-01-15" }) do
      local h = hit("Putin spoke by phone with his counterpart.", date, "Putin")
      assert.is_truthy(h, date)
      assert.are.equal("RUS", h.code)
      assert.are.equal("leader", h.type)
      assert.are.equal("GOV", h.role)
    end
    assert.is_nil(hit("Putin spoke by phone with his counterpart.", "1995-01-01", "Putin"))
  end)

  it("gives leaders their country only while in office", function()
    assert.are.equal("USA", hit("Trump signed the order.", "2018-05-01", "Trump").code)
    assert.are.equal("USA", hit("Trump signed the order.", "2025-06-01", "Trump").code)
    assert.is_nil(hit("Trump signed the order.", "2022-05-01", "Trump"))
    assert.are.equal("CHN", hit("Xi Jinping received the delegation.", "2013-01-01", "Xi Jinping").code)
    assert.is_nil(hit("Xi Jinping received the delegation.", "2010-01-01", "Xi Jinping"))
    assert.are.equal("DEU", hit("Merkel met the press.", "2010-01-01", "Merkel").code)
    assert.are.equal("SUN", hit("Gorbachev arrived in Reykjavik.", "1986-10-11", "Gorbachev").code)
  end)

  it("resolves the Soviet Union only before 1992 and Russia's names to the USSR before its end", function()
    assert.is_true(codes("The Soviet Union protested.", "1987-03-01").SUN)
    assert.is_nil(codes("The Soviet Union protested.", "1993-03-01").SUN)
    assert.are.equal("SUN", hit("Moscow protested.", "1987-03-01", "Moscow").code)
    assert.are.equal("RUS", hit("Moscow protested.", "2014-03-01", "Moscow").code)
    assert.are.equal("RUS", hit("Russia protested.", "1992-01-10", "Russia").code)
    assert.are.equal("SUN", hit("Ukraine's grain harvest fell.", "1987-03-01", "Ukraine").code)
    assert.are.equal("UKR", hit("Ukraine's grain harvest fell.", "2023-03-01", "Ukraine").code)
    assert.are.equal("DDR", hit("East Germany exported machine tools.", "1987-03-01", "East Germany").code)
    assert.is_nil(hit("East Germany exported machine tools.", "1995-03-01", "East Germany"))
    assert.are.equal("DEU", hit("West Germany raised rates.", "1987-03-01", "West Germany").code)
    assert.are.equal("YUG", hit("Yugoslavia rescheduled its debt.", "1987-03-01", "Yugoslavia").code)
    assert.are.equal("CSK", hit("Czechoslovakia signed.", "1988-03-01", "Czechoslovakia").code)
  end)

  it("reads Congo by date: Brazzaville before 1997, Kinshasa after; Zaire is the DR Congo", function()
    assert.are.equal("COG", hit("Congo exported timber.", "1987-03-01", "Congo").code)
    assert.are.equal("COD", hit("Congo exported cobalt.", "2020-03-01", "Congo").code)
    assert.are.equal("COD", hit("Zaire exported copper.", "1987-03-01", "Zaire").code)
    assert.are.equal("COD", hit("The Democratic Republic of the Congo exported cobalt.", "2020-03-01",
      "Democratic Republic of the Congo").code)
  end)

  it("keeps the traps from producing a country", function()
    local date = "2024-03-01"
    -- turkey the bird (lower case) versus Turkey the country
    assert.is_nil(codes("We roasted a turkey for the holiday.", date).TUR)
    assert.is_true(codes("Turkey closed the straits.", date).TUR)
    assert.is_nil(codes("Families ate turkey and stuffing.", date).TUR)
    -- chad, jordan as words or names in lower case
    assert.is_nil(codes("The hanging chad decided the count.", date).TCD)
    assert.is_true(codes("Chad and Jordan voted in favour.", date).TCD)
    -- New Mexico is a US state, not Mexico
    local nm = codes("Drought hit New Mexico farmers.", date)
    assert.is_nil(nm.MEX)
    assert.is_true(nm.USA)
    -- Jersey City and New Jersey are in the USA, not the Channel Islands
    local nj = codes("Jersey City officials and New Jersey voters", date)
    assert.is_nil(nj.JEY)
    assert.is_true(nj.USA)
    -- Georgia the US state versus Georgia the country
    assert.is_nil(codes("The company moved to Atlanta, Georgia last year.", date).GEO)
    assert.is_nil(codes("The Georgia governor signed the budget.", date).GEO)
    assert.is_nil(codes("Lawmakers in the state of Georgia voted.", date).GEO)
    assert.is_true(codes("Georgia and Armenia signed a transit deal.", date).GEO)
    -- Washington the capital versus the state, the university, the newspaper
    assert.is_true(codes("Washington imposed new tariffs.", date).USA)
    local wa = actors("He studied at the University of Washington and wrote for the Washington Post.", date)
    assert.are.equal(0, #wa)
    -- Paris Club is a creditors' group, not France
    assert.is_nil(codes("The Paris Club agreed to reschedule the debt.", date).FRA)
    -- word boundaries: Niger is not Nigeria; Dominica is not the Dominican Republic
    local ng = codes("Nigeria and Niger share a border.", date)
    assert.is_true(ng.NGA and ng.NER)
    local dm = codes("The Dominican Republic and Dominica", date)
    assert.is_true(dm.DOM and dm.DMA)
    -- Guinea variants are told apart by the longest name
    local gn = codes("Equatorial Guinea, Guinea-Bissau and Papua New Guinea", date)
    assert.is_true(gn.GNQ and gn.GNB and gn.PNG)
    assert.is_nil(gn.GIN)
    -- "Republic of China" is Taiwan, "People's Republic of China" is China
    assert.are.equal("TWN", hit("the Republic of China on Taiwan", date, "Republic of China").code)
    assert.is_nil(codes("the People's Republic of China", date).TWN)
  end)

  it("tells regions and organisations from countries", function()
    local date = "2024-03-01"
    local la = codes("Latin American exporters and South American buyers", date)
    assert.is_nil(la.USA)
    assert.is_true(la.XLA)
    local eu = hit("The European Union and NATO met in Brussels.", date, "European Union")
    assert.are.equal("EU", eu.code)
    assert.are.equal("igo", eu.type)
    assert.are.equal("NATO", hit("The European Union and NATO met in Brussels.", date, "NATO").code)
    -- Brussels is read as the EU (lua/dyadic/data/README.md); Belgium by its names
    assert.are.equal("EU", hit("The European Union and NATO met in Brussels.", date, "Brussels").code)
    assert.are.equal("BEL", hit("Belgium's king opened the session.", date, "Belgium").code)
    assert.are.equal("WST", hit("Moscow accused the West of hypocrisy.", date, "West").code)
    assert.is_nil(hit("Oil rose on the West Coast.", date, "West"))
    assert.is_nil(hit("They drove west of the river.", date, "west"))
  end)

  it("carries cues with CAMEO codes, Goldstein values and dependency directions", function()
    local by_term = {}
    for _, h in ipairs(lex:match("Moscow relies on Beijing, a lifeline for its economy, and sanctioned "
      .. "exporters signed agreements; the talks may not help.", "2024-03-01")) do
      if h.kind == "cue" then by_term[h.term] = h end
    end
    assert.are.equal("dependency", by_term["relies on"].category)
    assert.is_falsy(by_term["relies on"].direction == "reverse")
    assert.are.equal("dependency", by_term["lifeline for"].category)
    assert.are.equal("reverse", by_term["lifeline for"].direction)
    assert.are.equal("conflict", by_term["sanction*"].category)
    assert.are.equal(-8, by_term["sanction*"].goldstein)
    assert.are.equal("coop", by_term["signed"].category)
    assert.are.equal(8, by_term["signed"].goldstein)
    assert.are.equal("hedge", by_term["may"].category)
    assert.are.equal("negation", by_term["not"].category)
    assert.are.equal("coordination", by_term["and"].category)
  end)

  it("takes every Goldstein value from the CAMEO table when ../shared is present", function()
    local path = (os.getenv("DYADIC_SHARED") or "../shared") .. "/tables/CAMEO.goldsteinscale.txt"
    local f = io.open(path, "rb")
    if not f then
      pending("skipped: " .. path .. " is absent")
      return
    end
    local scale = {}
    for line in f:lines() do
      local code, value = line:match("^(%d+)%s+(%-?[%d.]+)")
      if code then scale[code] = tonumber(value) end
    end
    f:close()
    local n = 0
    for _, e in ipairs(lex:entries()) do
      if e.kind == "cue" and e.cameo then
        n = n + 1
        assert.is_truthy(scale[e.cameo], "unknown CAMEO code " .. e.cameo .. " for " .. e.term)
        assert.are.equal(scale[e.cameo], e.goldstein, e.term .. " (" .. e.cameo .. ")")
      end
    end
    assert.is_true(n > 100)
  end)

  it("reads currencies and economic principals as their state, by date", function()
    local d87 = "1987-03-10"
    local stg = hit("The Bank of England gave 250 mln stg of assistance.", d87, "stg")
    assert.same({ "GBR", "other", "CUR" }, { stg.code, stg.type, stg.role })
    assert.are.equal("DEU", hit("Net profit rose to 30 mln marks.", d87, "mln marks").code)
    assert.is_nil(hit("Net profit rose to 30 mln marks.", "2010-03-10", "mln marks"))  -- the euro by then
    assert.is_nil(codes("The result marks a turning point.", d87).DEU)
    assert.are.equal("JPN", hit("The yen rose against the dollar.", d87, "yen").code)
    -- case=lower: the currency, not the company named after it
    assert.are.equal("ZAF", hit("The rand weakened further.", d87, "rand").code)
    assert.is_nil(codes("Rand Corp published a study.", d87).ZAF)
    assert.is_nil(codes("Sterling Drug Inc raised its dividend.", d87).GBR)
    assert.are.equal("GBR", hit("sterling fell.", d87, "sterling").code)
    -- finance ministers and central bank governors only while in office
    assert.are.equal("GBR", hit("Chancellor Nigel Lawson cut taxes.", d87, "Nigel Lawson").code)
    assert.is_nil(hit("Lawson wrote a memoir.", "1995-03-10", "Lawson"))
    assert.are.equal("JPN", hit("Miyazawa told reporters.", d87, "Miyazawa").code)
    assert.are.equal("JPN", hit("Kiichi Miyazawa told reporters.", "1992-03-10", "Kiichi Miyazawa").code)  -- premier
    assert.is_nil(hit("Miyazawa told reporters.", "2000-03-10", "Miyazawa"))
    assert.are.equal("USA", hit("Greenspan testified.", "1990-03-10", "Greenspan").code)
    assert.are.equal("DEU", hit("Stoltenberg spoke in Bonn.", d87, "Stoltenberg").code)
    assert.are.equal("NATO", hit("Stoltenberg spoke in Brussels.", "2019-03-10", "Stoltenberg").code)
    -- a commercial bank named after the country is a business, not the central bank
    local ibj = hit("The Industrial Bank of Japan lent the money.", d87, "Industrial Bank of Japan")
    assert.same({ "JPN", "BUS" }, { ibj.code, ibj.role })
    assert.are.equal("GOV", hit("The Bank of Japan intervened.", d87, "Bank of Japan").role)
  end)

  it("reads case: the month is no hedge, an all-caps headline proves no capital", function()
    local cues = {}
    for _, h in ipairs(lex:match("Talks resumed in May and may end soon.", "2024-03-01")) do
      if h.kind == "cue" and h.category == "hedge" then cues[#cues + 1] = h end
    end
    assert.are.equal(1, #cues)
    assert.are.equal(26, cues[1].s)
    -- TURKEY in a headline in capitals may be the bird; Turkey in a sentence is the country
    assert.is_nil(codes("TURKEY PRICES FALL ON HEAVY SUPPLY", "1987-03-01").TUR)
    assert.is_true(codes("TURKEY PRICES FALL\nTurkey cut its export tariff.", "1987-03-01").TUR)
    -- acronyms written in capitals still count in a headline
    assert.is_true(codes("UK TRADE DEFICIT WIDENS", "1987-03-01").GBR)
    local plc = hit("FISONS PLC 1986 YEAR", "1987-03-01", "PLC")
    assert.same({ "GBR", "BUS" }, { plc.code, plc.role })
  end)

  it("does not take shared company forms or place-name prefixes for a country", function()
    local c = codes("It sold Measurex (South Africa Pty) Ltd and its Rio Tinto shares.", "1987-03-01")
    assert.is_true(c.ZAF)
    assert.is_nil(c.AUS)
    assert.is_nil(c.BRA)
    assert.is_true(codes("Carnival in Rio de Janeiro", "1987-03-01").BRA)
  end)

  it("tags sectors, independently of cues", function()
    local sectors = {}
    for _, h in ipairs(lex:match("Sanctions hit gas pipeline exports and yuan payments for semiconductors.",
      "2024-03-01")) do
      if h.kind == "sector" then sectors[h.sector or h.code] = true end
    end
    for _, s in ipairs({ "sanctions", "energy", "trade", "finance", "technology" }) do
      assert.is_true(sectors[s] == true, "no " .. s .. " sector")
    end
  end)
end)
