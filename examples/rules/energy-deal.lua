--- energy-deal: two state actors (exactly two), an energy term and a deal in one
-- sentence make a mutual cooperation in the energy sector, whatever the verb.
--
-- "Russia and China signed a 30-year gas supply agreement" already scores through
-- the lexicon when "signed" is a cue; this rule catches the sentences that state
-- the deal without a cooperation verb ("the Power of Siberia pipeline deal between
-- Moscow and Beijing ...") and files them under the energy sector.
--
-- Usage: dyadic analyze --rules examples/rules/energy-deal.lua FILE
local lpeg = require "lpeg"
local P, S, R, B, Cp = lpeg.P, lpeg.S, lpeg.R, lpeg.B, lpeg.Cp

local letter = R("az", "AZ")

-- A case-insensitive word (or word prefix when open = true), on word boundaries.
local function word(w, open)
  local p = P(true)
  for c in w:gmatch(".") do
    p = p * (c:match("%a") and S(c:lower() .. c:upper()) or P(c))
  end
  p = -B(letter) * p
  if open then return p * letter ^ 0 end
  return p * -letter
end

local function any_of(list, open)
  local p = P(false)
  for _, w in ipairs(list) do p = p + word(w, open) end
  return p
end

local deal = any_of({ "deal", "agreement", "contract", "accord", "memorandum" }, true)
local energy = any_of({ "gas", "oil", "crude", "pipeline", "LNG", "energy", "power", "nuclear", "coal",
                        "electricity", "petroleum", "refinery", "refineries" }, true)
local search_energy = (1 - energy) ^ 0 * energy

-- Actor types that stand for a state.
local STATE = { state = true, leader = true, capital = true }

return {
  name = "energy-deal",
  description = "two states + an energy term + a deal/agreement -> mutual energy cooperation",
  pattern = Cp() * deal,
  apply = function(ctx)
    if not search_energy:match(ctx.text) then return end
    local codes, seen = {}, {}
    for _, m in ipairs(ctx.mentions) do
      if STATE[m.type or m[5]] then
        local code = m.code or m[4]
        if not seen[code] then seen[code] = true; codes[#codes + 1] = code end
      end
    end
    if #codes ~= 2 then return end   -- one pair, or the deal's parties are ambiguous
    local a, b = codes[1], codes[2]
    local note = "energy deal: " .. ctx.text:sub(ctx.s - ctx.sentence_s + 1, ctx.e - ctx.sentence_s + 1)
    -- mutual: half of the weight in each direction
    ctx:emit { source = a, target = b, coop = 0.5, sector = "energy", note = note }
    ctx:emit { source = b, target = a, coop = 0.5, sector = "energy", note = note }
  end,
}
