-- Hedge, certainty and sector vocabulary of the shipped lexicon (lua/dyadic/data/cues.lua,
-- sectors.lua) on hand-written sentences: which sentences the default lexicon counts as
-- hedged, and which words reach the finance and trade sectors (docs/SCORING.md, 7.3-7.5).
local dyadic = require "dyadic"

local ok_default, default = pcall(function() return dyadic.default_lexicon() end)

local function analyze(text)
  return dyadic.analyzer{ lexicon = default }:analyze(text)
end

-- Is each sentence hedged, by the engine's rule (more hedge than certainty cues)? Each
-- sentence is analyzed as its own document, so doc:hedging() tells.
local function hedged(...)
  local flags = {}
  for i, text in ipairs({ ... }) do
    local h = analyze(text):hedging()
    assert.are.equal(1, h.sentences, text)
    flags[i] = h.hedged_sentences == 1
  end
  return flags
end

local function need_default()
  if not ok_default or not default then
    pending("default lexicon unavailable: " .. tostring(default))
    return false
  end
  return true
end

describe("default lexicon: hedges", function()
  it("counts conditionals, open alternatives, predictions, hopes and hearsay as hedges", function()
    if not need_default() then return end
    local cases = {
      "If Washington sanctions Moscow, Beijing will protest.",
      "Moscow will retaliate unless Washington lifts the tariffs.",
      "Nobody knows whether Beijing will join the talks.",
      "India is expected to sign the accord next month.",
      "Tokyo hopes to close the deal before the summit.",
      "The minister is said to favour a compromise.",
      "Whether the truce holds remains to be seen.",
      "Analysts think India will buy more crude.",
      "Officials often meet in Geneva.",
      "The risk of escalation is rising.",
      "China is not necessarily betting on a recession.",
    }
    for _, text in ipairs(cases) do
      assert.are.same({ true }, hedged(text), text)
    end
  end)

  it("leaves plain assertions and the noun 'aims' unhedged", function()
    if not need_default() then return end
    assert.are.same({ false, false, false }, hedged("Washington sanctioned Moscow.",
      "The war aims to which Moscow clings are unchanged.", "India and Japan signed the accord."))
  end)

  it("cancels a hedge with a certainty cue, one for one", function()
    if not need_default() then return end
    assert.are.same({ false, true }, hedged("Of course Washington could sanction Moscow.",
      "Of course Washington could sanction Moscow if Beijing objects."))
  end)

  it("halves the contributions of a hedged sentence and counts it in doc:hedging()", function()
    if not need_default() then return end
    local doc = analyze("If Washington sanctions Moscow, prices will rise. Washington sanctioned Moscow.")
    local h = doc:hedging()
    assert.are.equal(2, h.sentences)
    assert.are.equal(1, h.hedged_sentences)
    local ev = doc:evidence("USA", "RUS")
    assert.are.equal(2, #ev)
    assert.is_true(ev[1].hedged)
    assert.is_true(math.abs(ev[1].conflict - ev[2].conflict / 2) < 1e-9)
  end)
end)

describe("default lexicon: sector vocabulary", function()
  it("finds settlement and payment vocabulary in the finance sector", function()
    if not need_default() then return end
    local doc = analyze("Lenders cut the financing. Interbank clearing houses stalled. "
      .. "Remittances and yuan payments rose.")
    local s = doc:sectors()
    -- lenders, financing; interbank, clearing houses; remittances, yuan, payments
    assert.is_true(math.abs(s.finance - 7) < 1e-9, "finance " .. tostring(s.finance))
  end)

  it("does not read 'important' as an import", function()
    if not need_default() then return end
    assert.is_nil(analyze("The meeting was important for both sides."):sectors().trade)
    local s = analyze("Imports fell while importers waited."):sectors()
    assert.is_true(math.abs(s.trade - 2) < 1e-9, "trade " .. tostring(s.trade))
  end)
end)
