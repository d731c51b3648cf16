--- dyadic: find the actors in news and analysis text and score the relationships
-- between them. This file is the thin front end over the C module `dyadic.core`
-- (luasystem's core + init.lua split): it re-exports the C functions and loads the
-- Lua parts (lexicon loaders, analyzer, aggregate, rules, reports) on first use, so
-- `require "dyadic"` stays cheap inside Neovim and LÖVE.

-- The C module comes from package.cpath (an installed dyadic). In a source checkout it is
-- also found in the build tree next to this file, <root>/build/<runtime>/dyadic/core.so, so
-- `lua5.4 -e 'package.path="lua/?.lua;lua/?/init.lua;"..package.path' -l dyadic` works after
-- `make` with no cpath editing.
local function load_core()
  local ok, core = pcall(require, "dyadic.core")
  if ok then return core end
  local source = debug.getinfo(1, "S").source
  local root = source:match("^@(.-)lua[/\\]dyadic[/\\]init%.lua$")
  if root then
    local runtime = rawget(_G, "jit") and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
    local path = (root == "" and "." or root:gsub("[/\\]$", "")) .. "/build/" .. runtime .. "/dyadic/core.so"
    local open = package.loadlib(path, "luaopen_dyadic_core")
    if open then
      core = open("dyadic.core")
      package.loaded["dyadic.core"] = core
      return core
    end
    error(tostring(core) .. "\n\tno file '" .. path .. "' (run `make` in the dyadic directory)", 0)
  end
  error(core, 0)
end

local core = load_core()

local dyadic = {
  version = core.version,
  core = core,
}

-- C functions exposed as they are.
dyadic.sentences = core.sentences
dyadic.tokens = core.tokens
dyadic.matcher = core.matcher
dyadic.utf8_check = core.utf8_check

-- Lua parts, loaded when first used: name -> function(module) returning the field.
local lazy = {
  lexicon = function() return require "dyadic.lexicon" end,
  default_lexicon = function() return require("dyadic.lexicon").default end,
  analyzer = function() return require("dyadic.analyzer").new end,
  aggregate = function() return require "dyadic.aggregate" end,
  rule = function() return require("dyadic.rule").new end,
  report = function() return require "dyadic.report" end,
  help = function() return require("dyadic.help").help end,
  show = function() return require("dyadic.show").show end,
}

setmetatable(dyadic, {
  __index = function(t, key)
    local load = lazy[key]
    if not load then return nil end
    local value = load()
    rawset(t, key, value)
    return value
  end,
})

return dyadic
