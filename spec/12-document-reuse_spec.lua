-- A closed document's memory is reused by the next analysis (lua_document.c keeps one
-- spare per Lua state). Whatever the previous document held, the next one must come out
-- exactly as if analyzed into fresh memory.
local dyadic = require "dyadic"

-- Everything a document exposes, as one string to compare.
local function fingerprint(doc)
  local parts = {}
  local function add(...) parts[#parts + 1] = table.concat({ ... }, "|") end
  for _, m in ipairs(doc:mentions()) do add("m", m.sentence, m.s, m.e, m.code, m.term, tostring(m.role)) end
  for _, c in ipairs(doc:cues()) do add("c", c.sentence, c.s, c.e, tostring(c.category), tostring(c.term)) end
  for _, d in ipairs(doc:dyads()) do
    add("d", d.source, d.target, d.n, d.coop, d.conflict, d.dependency, d.hedged, string.format("%.12g", d.net))
    for _, e in ipairs(doc:evidence(d.source, d.target)) do
      add("e", e.sentence, e.coop, e.conflict, e.dependency, tostring(e.rule), tostring(e.cue))
    end
  end
  for _, a in ipairs(doc:actors()) do add("a", a.code, a.count, string.format("%.12g", a.salience)) end
  for k, v in pairs(doc:sectors()) do add("s", tostring(k), type(v) == "table" and #v or tostring(v)) end
  table.sort(parts)
  return table.concat(parts, "\n")
end

local LONG = string.rep("Washington sanctioned Moscow over the war in Ukraine. "
  .. "Russia and China signed a gas deal in Beijing, and India relies on Russia for oil. ", 40)
local SHORT = "Japan and South Korea agreed to share military intelligence. Officials in New Mexico said nothing."

describe("document reuse", function()
  local an = dyadic.analyzer {}

  it("a document analyzed after a closed one equals the same document analyzed while the other is open", function()
    local held = an:analyze(LONG, { date = "2024-03-01", title = "Sanctions and gas" })
    local fresh = an:analyze(SHORT, { date = "2024-03-02" })  -- new memory: the long one is open
    local expected = fingerprint(fresh)
    held:close()                                             -- the long one is parked as the spare
    local reused = an:analyze(SHORT, { date = "2024-03-02" })  -- takes it: arrays grown by LONG
    fresh:close()
    assert.are.equal(expected, fingerprint(reused))
    assert.is_truthy(expected:find("JPN", 1, true))
    reused:close()
  end)

  it("a document reused under another lexicon and other scoring equals a fresh one", function()
    local other = dyadic.lexicon()
    other:add { term = "Tokyo", kind = "actor", code = "JPN", type = "capital" }
    other:add { term = "Seoul", kind = "actor", code = "KOR", type = "capital" }
    other:add { term = "agreed", kind = "cue", category = "coop", weight = 2 }
    other:add { term = "intelligence", kind = "sector", sector = "military" }
    local an2 = dyadic.analyzer { lexicon = other, scoring = { carry = 0, topic = 0 } }
    local text = "Tokyo and Seoul agreed to share intelligence."
    local open = an:analyze(LONG)                  -- keeps the spare slot empty while we measure
    local fresh = an2:analyze(text)
    local expected = fingerprint(fresh)
    open:close()                                   -- parked: grown by LONG, default lexicon
    local reused = an2:analyze(text)               -- takes it under the other lexicon
    fresh:close()
    assert.are.equal(expected, fingerprint(reused))
    assert.is_truthy(expected:find("d|JPN|KOR", 1, true))
    reused:close()
  end)

  it("a rule's contributions and tags do not survive into the next document", function()
    local rule = dyadic.rule {
      name = "always", pattern = "agreed",
      apply = function(ctx) ctx:emit { source = "JPN", target = "KOR", coop = 2, note = "test" } end,
    }
    local with_rule = dyadic.analyzer { rules = { rule } }
    local d1 = with_rule:analyze(SHORT)
    local ev = d1:evidence("JPN", "KOR")
    local ruled = 0
    for _, e in ipairs(ev) do if e.rule == "always" then ruled = ruled + 1 end end
    assert.are.equal(1, ruled)
    d1:close()
    local d2 = an:analyze(SHORT)  -- no rules: nothing of "always" may be left
    local ev2 = d2:evidence("JPN", "KOR")
    assert.is_true(#ev2 > 0)  -- the rows are there, only without the rule's
    for _, e in ipairs(ev2) do assert.are_not.equal("always", e.rule) end
    d2:close()
  end)

  it("documents that are collected rather than closed are reused or freed cleanly", function()
    local expected = fingerprint(an:analyze(SHORT))
    for _ = 1, 50 do an:analyze(LONG) end
    collectgarbage()
    collectgarbage()
    assert.are.equal(expected, fingerprint(an:analyze(SHORT)))
  end)
end)
