--- sanctions-evasion: "X helped Y evade the sanctions imposed by Z".
--
-- A third party between a sanctioning and a sanctioned actor. The lexicon alone
-- sees a conflict cue ("sanctions") and scores the nearest actors around it; this
-- rule codes the triangle instead:
--   X -> Y  cooperation (X acts for Y)
--   X -> Z  conflict    (X works against Z's sanctions)
-- Z is the actor after "sanctions" ("imposed by Z", "of Z"), or the one named just
-- before it ("Z's sanctions", "Western sanctions" when the lexicon maps "Western").
-- When Z is not named, only X -> Y is coded.
local lpeg = require "lpeg"
local P, S, R, B, Cp, Cg = lpeg.P, lpeg.S, lpeg.R, lpeg.B, lpeg.Cp, lpeg.Cg

local letter = R("az", "AZ")

local function word(w)
  local p = P(true)
  for c in w:gmatch(".") do
    p = p * (c:match("%a") and S(c:lower() .. c:upper()) or P(c))
  end
  return -B(letter) * p * letter ^ 0   -- prefix: help, helped, helping
end

local function any_of(list)
  local p = P(false)
  for _, w in ipairs(list) do p = p + word(w) end
  return p
end

local help = any_of { "help", "aid", "assist", "allow", "enable" }
local evade = any_of { "evad", "circumvent", "bypass", "skirt", "get around", "dodg", "escap" }
local sanctions = any_of { "sanction", "embargo", "export control" }

local function skip_to(p) return (1 - p) ^ 0 end

return {
  name = "sanctions-evasion",
  description = "X helped Y evade sanctions imposed by Z -> coop X->Y, conflict X->Z",
  pattern = Cg(Cp(), "help") * help * skip_to(evade) * Cg(Cp(), "evade") * evade * skip_to(sanctions)
            * Cg(Cp(), "sanctions") * sanctions,
  apply = function(ctx)
    -- position captures are byte offsets in the document, like the mentions' s
    local help_at = ctx.captures.help
    local evade_at = ctx.captures.evade
    local sanc_at = ctx.captures.sanctions
    local x, y, z_after, z_before
    for _, m in ipairs(ctx.mentions) do
      local s, code = m.s or m[1], m.code or m[4]
      if s < help_at then
        x = code                                      -- nearest before "helped"
      elseif s < evade_at then
        if not y and code ~= x then y = code end      -- first between "helped" and "evade"
      elseif s < sanc_at then
        z_before = code                               -- "evade Washington's sanctions"
      elseif not z_after then
        z_after = code                                -- "sanctions imposed by Washington"
      end
    end
    if not x or not y or x == y then return end
    local note = "helps " .. y .. " evade sanctions"
    ctx:emit { source = x, target = y, coop = 1, note = note }
    local z = z_after or z_before
    if z and z ~= x and z ~= y then
      ctx:emit { source = x, target = z, conflict = 1, note = "undermines sanctions of " .. z }
    end
    ctx:tag("sanctions-evasion")
  end,
}
