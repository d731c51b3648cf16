#!/usr/bin/env lua5.4
-- gen_rockspec.lua VERSION REVISION > FILE: writes a LuaRocks rockspec whose module list is the
-- source tree's (every csrc/*.c into dyadic.core, every lua/dyadic/**.lua as a module), so the
-- rockspecs never drift from the tree. spec/hosts/luarocks.sh checks that the committed
-- rockspecs equal this script's output, then builds and loads one with `luarocks make`.
local version, revision = arg[1] or "scm", arg[2] or "1"

local function list(cmd)
  local out, p = {}, assert(io.popen(cmd))
  for line in p:lines() do out[#out + 1] = line end
  p:close()
  table.sort(out)
  return out
end

local c_sources = list("ls csrc/*.c")
local lua_files = list("find lua/dyadic -name '*.lua'")

local source
if version == "scm" then
  source = '  url = "git+file://.",\n  branch = "main",'
else
  source = ('  url = "git+file://.",\n  tag = "v%s",'):format(version)
end

local lines = {}
local function add(s) lines[#lines + 1] = s end
add(('package = "dyadic"\nversion = "%s-%s"\nsource = {\n%s\n}'):format(version, revision, source))
add([[description = {
  summary = "Find the actors in news text and score the relationships between them",
  detailed = [==[
dyadic reads news and analysis text, finds the actors in it (states, leaders, capitals,
institutions and their aliases) and scores the relationships between pairs of them:
cooperation, conflict and dependency, by sector and over time, with the sentence behind
every number. A C core with a Lua API, rules in Lua/LPeg, reports and a command line.
]==],
  license = "MIT",
}
dependencies = {
  "lua >= 5.1",
}
build = {
  type = "builtin",
  modules = {
    ["dyadic.core"] = {
      sources = {]])
for _, f in ipairs(c_sources) do add(('        "%s",'):format(f)) end
add([[      },
      incdirs = { "csrc" },
      defines = { "_POSIX_C_SOURCE=200809L" },
    },]])
for _, f in ipairs(lua_files) do
  local mod = f:gsub("^lua/", ""):gsub("%.lua$", ""):gsub("/init$", ""):gsub("/", ".")
  add(('    ["%s"] = "%s",'):format(mod, f))
end
add([[  },
  install = {
    bin = { dyadic = "bin/dyadic" },
  },
}]])
io.write(table.concat(lines, "\n"), "\n")
