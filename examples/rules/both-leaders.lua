--- both-leaders: "The two leaders pledged ..." refers back to the pair named in the
-- previous sentence. The sentence has no actor mention of its own, so the C pass
-- scores nothing; this rule gives its cooperation (or conflict) cues to that pair,
-- mutually: half of each cue's weight in each direction.
return {
  name = "both-leaders",
  description = "'the two leaders' / 'both leaders' -> the previous sentence's pair, mutual",
  pattern = { "the two leaders", "both leaders", "the two presidents", "both presidents",
              "the two heads of state", "the two men", "both men", "the two sides", "both sides" },
  apply = function(ctx)
    -- the sentence names its own actors: the C pass has scored it already
    for _, m in ipairs(ctx.mentions) do
      if (m.type or m[5]) ~= "group" then return end
    end
    local codes, seen = {}, {}
    for _, m in ipairs(ctx.previous) do
      local code = m.code or m[4]
      if not seen[code] then seen[code] = true; codes[#codes + 1] = code end
    end
    if #codes ~= 2 then return end   -- "the two" needs exactly one pair to refer to
    local coop, conflict = 0, 0
    for _, c in ipairs(ctx.cues) do
      local cat, w = c.category or c[4], c.weight or c[5] or 1
      if cat == "coop" then coop = coop + w elseif cat == "conflict" then conflict = conflict + w end
    end
    if coop == 0 and conflict == 0 then return end
    local a, b = codes[1], codes[2]
    local note = "co-reference: " .. a .. " and " .. b .. " from the previous sentence"
    local c = coop > 0 and coop / 2 or nil
    local k = conflict > 0 and conflict / 2 or nil
    ctx:emit { source = a, target = b, coop = c, conflict = k, note = note }
    ctx:emit { source = b, target = a, coop = c, conflict = k, note = note }
  end,
}
