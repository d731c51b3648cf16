--- 20-places.lua - country detection accuracy against the Reuters-21578 indexers'
-- `places` labels (../shared/corpora/reuters21578-part-a.jsonl, 10,051 stories from 1987).
--
-- Per story, dyadic finds the actor mentions (doc:mentions() of an analyzer over the
-- title and the body, resolved on the story's date), keeps the ones that name a country
-- (types state, capital, leader, other; codes of organisations and regions are not
-- places) and predicts the countries the story is about from their salience: a country
-- named in the title or the first sentence, or with a weighted mention count of at least
-- MIN_COUNT (names of the state and its leaders weigh 1; capitals, cities, institutions,
-- currencies and companies' legal forms 0.5, since they are often venues or companies).
-- A capital or city used as a venue - after "in"/"at" ("talks in Paris"), or naming a
-- meeting or an agreement ("the Paris accord", "the London talks") - weighs 0.25 and does
-- not make its country salient by its position. The
-- Reuters place slugs are mapped to ISO 3166 codes by the table below. Reported: micro
-- precision, recall and F1 over (story, country) pairs, overall and without the USA
-- (the USA is the label of two thirds of the stories, mostly company reports that never
-- name the country), for the default lexicon and for the Phoenix country dictionary,
-- with the main error classes. Appends to bench/RESULTS.md.
--
-- Run from the repository root (bench/run.sh does):
--   LUA_PATH="lua/?.lua;lua/?/init.lua;;" LUA_CPATH="build/lua5.4/?.so;;" lua5.4 bench/parts/20-places.lua
local SHARED = os.getenv("DYADIC_SHARED") or "../shared"
local CORPUS = SHARED .. "/corpora/reuters21578-part-a.jsonl"
local PHOENIX = SHARED .. "/dictionaries/phoenix/Phoenix.Countries.actors.txt"
local RESULTS = os.getenv("DYADIC_RESULTS") or "bench/RESULTS.md"
local MIN_COUNT = tonumber(os.getenv("DYADIC_PLACES_MIN") or "") or 2  -- named this often: predicted
local LIMIT = tonumber(os.getenv("DYADIC_PLACES_LIMIT") or "")  -- for quick runs: first N stories
-- error analysis: print this many false positives and false negatives (with the matched terms)
local SAMPLES = tonumber(os.getenv("DYADIC_PLACES_SAMPLES") or "") or 0

local function append(text)
  local f = assert(io.open(RESULTS, "a"))
  f:write(text)
  f:close()
end

local f = io.open(CORPUS, "rb")
if not f then
  print("20-places: SKIPPED: " .. CORPUS .. " is absent (needs ../shared)")
  append("\n### Country detection vs Reuters places (bench/parts/20-places.lua)\n\nSkipped: "
    .. CORPUS .. " is absent.\n")
  os.exit(0)
end

local okjson, cjson = pcall(require, "cjson")
if not okjson then
  print("20-places: SKIPPED: lua-cjson is not installed")
  append("\n### Country detection vs Reuters places (bench/parts/20-places.lua)\n\nSkipped: lua-cjson "
    .. "is not installed.\n")
  f:close()
  os.exit(0)
end

local dyadic = require "dyadic"

-- Reuters-21578 place slugs -> ISO 3166 alpha-3 (ISO 3166-3 codes for the states of
-- 1987 that no longer exist: the USSR, East Germany, Yugoslavia, Czechoslovakia, South
-- Yemen). West Germany is DEU (the same ISO code), Zaire COD and Kampuchea KHM (the
-- same states under later names), North Yemen YEM.
local PLACES = {
  ["afghanistan"] = "AFG", ["albania"] = "ALB", ["algeria"] = "DZA", ["american-samoa"] = "ASM",
  ["andorra"] = "AND", ["angola"] = "AGO", ["anguilla"] = "AIA", ["antigua"] = "ATG", ["argentina"] = "ARG",
  ["aruba"] = "ABW", ["australia"] = "AUS", ["austria"] = "AUT", ["bahamas"] = "BHS", ["bahrain"] = "BHR",
  ["bangladesh"] = "BGD", ["barbados"] = "BRB", ["belgium"] = "BEL", ["belize"] = "BLZ", ["benin"] = "BEN",
  ["bermuda"] = "BMU", ["bhutan"] = "BTN", ["bolivia"] = "BOL", ["botswana"] = "BWA", ["brazil"] = "BRA",
  ["british-virgin-islands"] = "VGB", ["brunei"] = "BRN", ["bulgaria"] = "BGR", ["burkina-faso"] = "BFA",
  ["burma"] = "MMR", ["burundi"] = "BDI", ["cameroon"] = "CMR", ["canada"] = "CAN", ["cape-verde"] = "CPV",
  ["cayman-islands"] = "CYM", ["central-african-republic"] = "CAF", ["chad"] = "TCD", ["chile"] = "CHL",
  ["china"] = "CHN", ["colombia"] = "COL", ["comoros"] = "COM", ["congo"] = "COG", ["costa-rica"] = "CRI",
  ["cuba"] = "CUB", ["cyprus"] = "CYP", ["czechoslovakia"] = "CSK", ["denmark"] = "DNK", ["djibouti"] = "DJI",
  ["dominica"] = "DMA", ["dominican-republic"] = "DOM", ["east-germany"] = "DDR", ["ecuador"] = "ECU",
  ["egypt"] = "EGY", ["el-salvador"] = "SLV", ["equatorial-guinea"] = "GNQ", ["ethiopia"] = "ETH",
  ["falkland-islands"] = "FLK", ["faroe-islands"] = "FRO", ["fiji"] = "FJI", ["finland"] = "FIN",
  ["france"] = "FRA", ["french-guiana"] = "GUF", ["french-polynesia"] = "PYF", ["gabon"] = "GAB",
  ["gambia"] = "GMB", ["ghana"] = "GHA", ["gibraltar"] = "GIB", ["greece"] = "GRC", ["greenland"] = "GRL",
  ["grenada"] = "GRD", ["guadeloupe"] = "GLP", ["guam"] = "GUM", ["guatemala"] = "GTM", ["guinea"] = "GIN",
  ["guinea-bissau"] = "GNB", ["guyana"] = "GUY", ["haiti"] = "HTI", ["honduras"] = "HND",
  ["hong-kong"] = "HKG", ["hungary"] = "HUN", ["iceland"] = "ISL", ["india"] = "IND", ["indonesia"] = "IDN",
  ["iran"] = "IRN", ["iraq"] = "IRQ", ["ireland"] = "IRL", ["israel"] = "ISR", ["italy"] = "ITA",
  ["ivory-coast"] = "CIV", ["jamaica"] = "JAM", ["japan"] = "JPN", ["jordan"] = "JOR", ["kampuchea"] = "KHM",
  ["kenya"] = "KEN", ["kiribati"] = "KIR", ["kuwait"] = "KWT", ["laos"] = "LAO", ["lebanon"] = "LBN",
  ["lesotho"] = "LSO", ["liberia"] = "LBR", ["libya"] = "LBY", ["liechtenstein"] = "LIE",
  ["luxembourg"] = "LUX", ["macau"] = "MAC", ["madagascar"] = "MDG", ["malawi"] = "MWI",
  ["malaysia"] = "MYS", ["maldives"] = "MDV", ["mali"] = "MLI", ["malta"] = "MLT", ["martinique"] = "MTQ",
  ["mauritania"] = "MRT", ["mauritius"] = "MUS", ["mexico"] = "MEX", ["monaco"] = "MCO",
  ["mongolia"] = "MNG", ["montserrat"] = "MSR", ["morocco"] = "MAR", ["mozambique"] = "MOZ",
  ["namibia"] = "NAM", ["nauru"] = "NRU", ["nepal"] = "NPL", ["netherlands"] = "NLD",
  ["netherlands-antilles"] = "ANT", ["new-caledonia"] = "NCL", ["new-zealand"] = "NZL",
  ["nicaragua"] = "NIC", ["niger"] = "NER", ["nigeria"] = "NGA", ["north-korea"] = "PRK", ["norway"] = "NOR",
  ["oman"] = "OMN", ["pakistan"] = "PAK", ["panama"] = "PAN", ["papua-new-guinea"] = "PNG",
  ["paraguay"] = "PRY", ["peru"] = "PER", ["philippines"] = "PHL", ["poland"] = "POL", ["portugal"] = "PRT",
  ["puerto-rico"] = "PRI", ["qatar"] = "QAT", ["romania"] = "ROU", ["rwanda"] = "RWA",
  ["sao-tome"] = "STP", ["saudi-arabia"] = "SAU", ["senegal"] = "SEN", ["seychelles"] = "SYC",
  ["sierra-leone"] = "SLE", ["singapore"] = "SGP", ["solomon-islands"] = "SLB", ["somalia"] = "SOM",
  ["south-africa"] = "ZAF", ["south-korea"] = "KOR", ["spain"] = "ESP", ["sri-lanka"] = "LKA",
  ["st-kitts-nevis"] = "KNA", ["st-lucia"] = "LCA", ["st-vincent"] = "VCT", ["sudan"] = "SDN",
  ["suriname"] = "SUR", ["swaziland"] = "SWZ", ["sweden"] = "SWE", ["switzerland"] = "CHE", ["syria"] = "SYR",
  ["taiwan"] = "TWN", ["tanzania"] = "TZA", ["thailand"] = "THA", ["togo"] = "TGO", ["tonga"] = "TON",
  ["trinidad-tobago"] = "TTO", ["tunisia"] = "TUN", ["turkey"] = "TUR", ["turks-caicos"] = "TCA",
  ["tuvalu"] = "TUV", ["uae"] = "ARE", ["uganda"] = "UGA", ["uk"] = "GBR", ["uruguay"] = "URY",
  ["us-virgin-islands"] = "VIR", ["usa"] = "USA", ["ussr"] = "SUN", ["vanuatu"] = "VUT", ["vatican"] = "VAT",
  ["venezuela"] = "VEN", ["vietnam"] = "VNM", ["west-germany"] = "DEU", ["western-samoa"] = "WSM",
  ["yemen-arab-republic"] = "YEM", ["yemen-demo-republic"] = "YMD", ["yugoslavia"] = "YUG", ["zaire"] = "COD",
  ["zambia"] = "ZMB", ["zimbabwe"] = "ZWE",
}

-- Mentions of these types name a place; igo and region codes are not countries.
local PLACE_TYPES = { state = true, capital = true, leader = true, group = true, other = true }

local stories = {}
local unmapped = {}
for line in f:lines() do
  if line:find("%S") then
    local d = cjson.decode(line)
    if d.places and #d.places > 0 then
      local gold = {}
      for _, p in ipairs(d.places) do
        local code = PLACES[p]
        if code then gold[code] = true else unmapped[p] = (unmapped[p] or 0) + 1; gold["?" .. p] = true end
      end
      stories[#stories + 1] = { id = d.id, date = d.date, title = d.title or "", text = d.text or "", gold = gold }
      if LIMIT and #stories >= LIMIT then break end
    end
  end
end
f:close()

-- Nouns after a place name that make it the venue of a meeting or an agreement.
local VENUE_NOUNS = {
  accord = true, accords = true, agreement = true, agreements = true, pact = true, communique = true,
  declaration = true, protocol = true, talks = true, meeting = true, meetings = true, summit = true,
  conference = true,
}

-- Is the capital or city mention text[s..e] a venue? After "in"/"at" ("agreed in Paris"), or
-- followed (directly or after one word) by a meeting or agreement noun ("the Paris accord",
-- "the Paris currency accord"). Seats of power (role GOV: "the Kremlin") are never venues.
local function is_venue(text, m)
  if (m.type ~= "capital" and m.type ~= "other") or m.role == "GOV" or not m.s then return false end
  local before = text:sub(math.max(1, m.s - 12), m.s - 1):match("(%a+)%s*$")
  if before == "in" or before == "at" then return true end
  local after = text:sub(m.e + 1, m.e + 40)
  local w1, w2 = after:match("^%s*(%a+)%s+(%a+)")
  if not w1 then w1 = after:match("^%s*(%a+)") end
  return (w1 and VENUE_NOUNS[w1:lower()]) or (w2 and VENUE_NOUNS[w2:lower()]) or false
end

-- The mentions of one text: { {code=, type=, sentence=, term=, venue=}, ... }, via the analyzer.
local function mentions_of(an, text, date)
  local doc = an:analyze(text, { date = date })
  local out = {}
  for _, m in ipairs(doc:mentions()) do
    local r = { code = m.code or m[4], type = m.type or m[5], role = m.role or m[6], sentence = m.sentence or m[7],
      s = m.s or m[1], e = m.e or m[2] }
    r.term = r.s and text:sub(r.s, r.e):gsub("%s+", " ") or "?"
    r.venue = is_venue(text, r)
    out[#out + 1] = r
  end
  if doc.close then doc:close() end
  return out
end

-- Country codes: 3 letters, or a code from the place table (HKG...). Region codes
-- (EUR, WST, X..) never come with a place type, so the type test removes them.
local function country_of(m)
  if not m.code or not PLACE_TYPES[m.type] then return nil end
  local code = m.code
  if #code > 3 then code = code:sub(1, 3) end  -- hierarchical codes (RUSGOV -> RUS)
  if not code:find("^%u%u%u$") then return nil end
  return code
end

-- Weight of one mention by actor type: the state's names and its leaders 1, the rest
-- (capitals, cities, institutions, currencies, legal forms) 0.5; a venue 0.25.
local WEIGHT = { state = 1, leader = 1, capital = 0.5, group = 0.5, other = 0.5 }
local VENUE_WEIGHT = 0.25

-- Returns the predicted set, the set of every country named at all, and the matched
-- terms per country ("Paris@1": the term and its sentence, 0 for the title).
local function predict(an, s)
  local score = {}
  local function add(code, m, lead)
    local w = m.venue and VENUE_WEIGHT or WEIGHT[m.type]
    local e = score[code]
    if not e then e = { count = 0, lead = false, strong = false, terms = {} }; score[code] = e end
    e.count = e.count + w
    if lead and not m.venue then e.lead = true end
    if w >= 1 then e.strong = true end
    e.terms[#e.terms + 1] = m.term .. "@" .. (lead == "title" and 0 or (m.sentence or "?"))
  end
  for _, m in ipairs(mentions_of(an, s.title, s.date)) do
    local c = country_of(m)
    if c then add(c, m, "title") end
  end
  for _, m in ipairs(mentions_of(an, s.text, s.date)) do
    local c = country_of(m)
    if c then add(c, m, (m.sentence or 99) == 1) end
  end
  local pred, named, terms = {}, {}, {}
  for code, e in pairs(score) do
    named[code] = e.strong and "state" or "place"
    terms[code] = table.concat(e.terms, ", ")
    if e.lead or e.count >= MIN_COUNT then pred[code] = true end
  end
  return pred, named, terms
end

local function evaluate(name, an)
  local t0 = os.clock()
  local tp, fp, fn = { all = 0, nous = 0 }, { all = 0, nous = 0 }, { all = 0, nous = 0 }
  local fp_by, fn_by = {}, {}
  local unnamed = 0  -- labels (without USA) of countries the story never names
  local weak = 0     -- labels (without USA) named, but not saliently enough
  local fp_place = 0 -- false positives (without USA) named only by a capital, city or institution
  local samples = { fp = {}, fn = {} }
  local function sample(kind, s, code, terms)
    local list = samples[kind]
    if #list < SAMPLES and code ~= "USA" then
      list[#list + 1] = string.format("  %s %s %s [%s] %s", kind, s.id, code, terms or "", s.title)
    end
  end
  for _, s in ipairs(stories) do
    local pred, named, terms = predict(an, s)
    for code in pairs(pred) do
      local us = code == "USA"
      if s.gold[code] then
        tp.all = tp.all + 1; if not us then tp.nous = tp.nous + 1 end
      else
        fp.all = fp.all + 1; if not us then fp.nous = fp.nous + 1 end
        fp_by[code] = (fp_by[code] or 0) + 1
        if not us and named[code] == "place" then fp_place = fp_place + 1 end
        sample("fp", s, code, terms[code])
      end
    end
    for code in pairs(s.gold) do
      if not pred[code] then
        fn.all = fn.all + 1; if code ~= "USA" then fn.nous = fn.nous + 1 end
        if code ~= "USA" and not named[code] then unnamed = unnamed + 1 end
        if code ~= "USA" and named[code] then weak = weak + 1 end
        fn_by[code] = (fn_by[code] or 0) + 1
        sample("fn", s, code, terms[code])
      end
    end
  end
  for _, kind in ipairs { "fp", "fn" } do
    for _, line in ipairs(samples[kind]) do print(line) end
  end
  local seconds = os.clock() - t0
  local function prf(k)
    local p = tp[k] / math.max(1, tp[k] + fp[k])
    local r = tp[k] / math.max(1, tp[k] + fn[k])
    local f1 = (p + r > 0) and 2 * p * r / (p + r) or 0
    return p, r, f1
  end
  local function top(t, n)
    local list = {}
    for k, v in pairs(t) do list[#list + 1] = { k, v } end
    table.sort(list, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
    local out = {}
    for i = 1, math.min(n, #list) do out[i] = list[i][1] .. " " .. list[i][2] end
    return table.concat(out, ", ")
  end
  local r = { name = name, seconds = seconds, fp_top = top(fp_by, 12), fn_top = top(fn_by, 12) }
  r.p, r.r, r.f1 = prf("all")
  r.p_nous, r.r_nous, r.f1_nous = prf("nous")
  r.tp, r.fp, r.fn = tp, fp, fn
  -- the same without the labels of countries the story never names (no lexicon can find them)
  r.unnamed, r.weak, r.fp_place = unnamed, weak, fp_place
  r.r_named = tp.nous / math.max(1, tp.nous + fn.nous - unnamed)
  r.f1_named = 2 * r.p_nous * r.r_named / math.max(1e-9, r.p_nous + r.r_named)
  return r
end

local runs = {}
local function try_run(name, get_lexicon)
  local ok, lex, note = pcall(get_lexicon)
  if not ok or not lex then
    local why = tostring(note or lex)
    print(string.format("20-places: %s: unavailable (%s)", name, why))
    runs[#runs + 1] = { name = name, unavailable = why }
    return
  end
  local okan, an = pcall(dyadic.analyzer, { lexicon = lex })
  if not okan then
    print(string.format("20-places: %s: analyzer unavailable (%s)", name, tostring(an)))
    runs[#runs + 1] = { name = name, unavailable = "analyzer: " .. tostring(an) }
    return
  end
  local okev, r = pcall(evaluate, name, an)
  if not okev then
    print(string.format("20-places: %s: failed (%s)", name, tostring(r)))
    runs[#runs + 1] = { name = name, unavailable = tostring(r) }
    return
  end
  r.entries = #lex
  runs[#runs + 1] = r
  print(string.format("20-places: %-34s P %.3f R %.3f F1 %.3f | without USA: P %.3f R %.3f F1 %.3f (%.1f s)",
    name, r.p, r.r, r.f1, r.p_nous, r.r_nous, r.f1_nous, r.seconds))
  print(string.format("  labels never named in the story (w/o USA): %d of %d; recall on named labels %.3f, F1 %.3f",
    r.unnamed, r.tp.nous + r.fn.nous, r.r_named, r.f1_named))
  print("  false positives: " .. r.fp_top)
  print("  false negatives: " .. r.fn_top)
end

try_run("default lexicon", function() return dyadic.default_lexicon() end)
try_run("Phoenix.Countries.actors.txt", function()
  local g = io.open(PHOENIX, "rb")
  if not g then return nil, PHOENIX .. " is absent" end
  g:close()
  return dyadic.lexicon.load(PHOENIX)
end)

local out = {}
out[#out + 1] = "\n### Country detection vs Reuters places (bench/parts/20-places.lua)\n"
out[#out + 1] = string.format("%d labelled stories of %s (stories without places are left out). A country is "
  .. "predicted when it is named in the title or the first sentence, or its weighted mention count is at least %g "
  .. "(state names and leaders 1, capitals, cities, institutions, currencies 0.5; a capital or city used as a venue, "
  .. "\"talks in Paris\", \"the Paris accord\", 0.25 and never salient by position). Micro-averaged over "
  .. "(story, country) pairs. "
  .. "The last two columns leave out the labels of countries the story never names (no lexicon can find them: "
  .. "the datelines are stripped from the corpus).\n", #stories, CORPUS, MIN_COUNT)
out[#out + 1] = "| lexicon | entries | P | R | F1 | P w/o USA | R w/o USA | F1 w/o USA | R named | F1 named | seconds |"
out[#out + 1] = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for _, r in ipairs(runs) do
  if r.unavailable then
    out[#out + 1] = string.format("| %s | unavailable: %s | | | | | | | | | |", r.name, (r.unavailable:gsub("|", "/")))
  else
    out[#out + 1] = string.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.1f |",
      r.name, r.entries, r.p, r.r, r.f1, r.p_nous, r.r_nous, r.f1_nous, r.r_named, r.f1_named, r.seconds)
  end
end
out[#out + 1] = ""
for _, r in ipairs(runs) do
  if not r.unavailable then
    out[#out + 1] = string.format("- %s, error classes (without USA): %d of %d labels name a country the story "
      .. "never mentions; %d labels are named but below the salience rule; %d of %d false positives are "
      .. "countries named only by entries other than the state's names and leaders (capitals, cities, "
      .. "institutions: often venues, \"talks in Geneva\"), the rest are countries named by name that the "
      .. "indexers did not label",
      r.name, r.unnamed, r.tp.nous + r.fn.nous, r.weak, r.fp_place, r.fp.nous)
    out[#out + 1] = string.format("- %s, most frequent false positives: %s", r.name, r.fp_top)
    out[#out + 1] = string.format("- %s, most frequent false negatives: %s", r.name, r.fn_top)
  end
end
local um = {}
for p, n in pairs(unmapped) do um[#um + 1] = p .. " " .. n end
table.sort(um)
if #um > 0 then out[#out + 1] = "- place slugs without a code (counted as misses): " .. table.concat(um, ", ") end
out[#out + 1] = ""
append(table.concat(out, "\n"))
local default = runs[1]
if default and not default.unavailable then
  print(string.format("20-places: target F1 >= 0.80 without USA: %s", default.f1_nous >= 0.80 and "met" or "NOT met"))
end
