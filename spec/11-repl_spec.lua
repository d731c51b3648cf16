-- REPL ergonomics: help lists the API, show renders records, objects print usefully.
local dyadic = require "dyadic"

local function capture(f, ...)
  -- busted runs specs in their own environment, so replace the real global print
  local printed, old = {}, _G.print
  _G.print = function(...)
    local t = {}
    for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end
    printed[#printed + 1] = table.concat(t, "\t")
  end
  local ok, r = pcall(f, ...)
  _G.print = old
  assert(ok, r)
  return printed, r
end

describe("dyadic.help", function()
  it("lists one line per function and filters by name", function()
    local lines, n = capture(dyadic.help)
    assert.are.equal(#lines, n)
    assert.is_true(n > 30)
    local doc_lines, k = capture(dyadic.help, "doc:")
    assert.are.equal(#doc_lines, k)
    for _, l in ipairs(doc_lines) do assert.truthy(l:find("doc:", 1, true)) end
    assert.truthy(table.concat(doc_lines, "\n"):find("doc:evidence(a, b)", 1, true))
  end)

  it("names the argument when given a non-string", function()
    assert.has_error(function() dyadic.help(42) end, "bad argument #1 to 'help' (string expected, got number)")
  end)
end)

describe("dyadic.show", function()
  it("renders a list of records one per line with sorted keys", function()
    local lines, out = capture(dyadic.show, { { 1, 5, 2 }, { source = "RUS", target = "CHN", net = 0.5 } })
    assert.are.equal('[1] { 1, 5, 2 }\n[2] { net = 0.5, source = "RUS", target = "CHN" }', out)
    assert.are.same({ out }, lines)
  end)

  it("renders matcher results with 1-based offsets as Lua would read them back", function()
    local m = dyadic.matcher{ "Xi Jinping", "sanction*" }
    local _, out = capture(dyadic.show, m:find_all("Xi Jinping’s aides discussed sanctions."))
    assert.are.equal("[1] { 1, 10, 1 }\n[2] { 32, 40, 2 }", out)  -- ’ is 3 bytes
  end)

  it("stops at the depth limit and at cycles", function()
    local t = { a = { b = { c = { d = 1 } } } }
    t.self = t
    local _, out = capture(dyadic.show, t, 2)
    assert.are.equal("{ a = { b = {...} }, self = <cycle> }", out)
    local _, deep = capture(dyadic.show, t, 9)
    assert.truthy(deep:find("<cycle>", 1, true))
    assert.has_error(function() dyadic.show({}, "x") end, "bad argument #2 to 'show' (number expected, got string)")
  end)
end)

describe("objects at the prompt", function()
  it("print their kind and size", function()
    local lex = dyadic.lexicon()
    lex:add{ term = "Moscow", kind = "actor", code = "RUS", type = "capital" }
    lex:add{ term = "Beijing", kind = "actor", code = "CHN", type = "capital" }
    lex:add{ term = "relies on", kind = "cue", category = "dependency" }
    assert.truthy(tostring(lex):match("^dyadic%.lexicon: 3 entries"))
    local m = dyadic.matcher{ "a", "b c" }
    assert.truthy(tostring(m):match("^dyadic%.matcher: 2 patterns"))
    local doc = dyadic.analyzer{ lexicon = lex }:analyze("Moscow relies on Beijing.", { id = "x" })
    assert.truthy(tostring(doc):match("^dyadic%.document x: 1 sentences?, 2 actors"))
    local agg = dyadic.aggregate{ by = "month" }
    agg:add(doc)
    assert.truthy(tostring(agg):match("^dyadic%.aggregate by month: 1 documents?"))
  end)
end)
