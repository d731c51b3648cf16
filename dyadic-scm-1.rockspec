package = "dyadic"
version = "scm-1"
source = {
  url = "git+file://.",
  branch = "main",
}
description = {
  summary = "Find the actors in news text and score the relationships between them",
  detailed = [==[
dyadic reads news and analysis text, finds the actors in it (states, leaders, capitals,
institutions and their aliases) and scores the relationships between pairs of them:
cooperation, conflict and dependency, by sector and over time, with the sentence behind
every number. A C core with a Lua API, rules in Lua/LPeg, reports and a command line.
]==],
  license = "MIT",
  homepage = "https://example.invalid/dyadic",
}
dependencies = {
  "lua >= 5.1",
}
build = {
  type = "builtin",
  modules = {
    ["dyadic.core"] = {
      sources = {
        "csrc/core.c",
        "csrc/date.c",
        "csrc/lua_aggregate.c",
        "csrc/lua_document.c",
        "csrc/lua_lexicon.c",
        "csrc/lua_matcher.c",
        "csrc/lua_text.c",
        "csrc/strtab.c",
        "csrc/unicode.c",
      },
      incdirs = { "csrc" },
      defines = { "_POSIX_C_SOURCE=200809L" },
    },
    ["dyadic"] = "lua/dyadic/init.lua",
  },
  install = {
    bin = { dyadic = "bin/dyadic" },
  },
}
