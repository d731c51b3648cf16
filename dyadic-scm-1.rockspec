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
}
dependencies = {
  "lua >= 5.1",
}
build = {
  type = "builtin",
  modules = {
    ["dyadic.core"] = {
      sources = {
        "csrc/aggregate.c",
        "csrc/analyze.c",
        "csrc/automaton.c",
        "csrc/bigmem.c",
        "csrc/core.c",
        "csrc/date.c",
        "csrc/lexicon.c",
        "csrc/lexicon_native.c",
        "csrc/lua_aggregate.c",
        "csrc/lua_document.c",
        "csrc/lua_lexicon.c",
        "csrc/lua_matcher.c",
        "csrc/lua_process.c",
        "csrc/lua_text.c",
        "csrc/strtab.c",
        "csrc/text.c",
        "csrc/unicode.c",
      },
      incdirs = { "csrc" },
      defines = { "_POSIX_C_SOURCE=200809L" },
    },
    ["dyadic.aggregate"] = "lua/dyadic/aggregate.lua",
    ["dyadic.analyzer"] = "lua/dyadic/analyzer.lua",
    ["dyadic.cli"] = "lua/dyadic/cli.lua",
    ["dyadic.cli.corpus"] = "lua/dyadic/cli/corpus.lua",
    ["dyadic.cli.util"] = "lua/dyadic/cli/util.lua",
    ["dyadic.data.countries"] = "lua/dyadic/data/countries.lua",
    ["dyadic.data.cues"] = "lua/dyadic/data/cues.lua",
    ["dyadic.data.guards"] = "lua/dyadic/data/guards.lua",
    ["dyadic.data"] = "lua/dyadic/data/init.lua",
    ["dyadic.data.leaders"] = "lua/dyadic/data/leaders.lua",
    ["dyadic.data.organisations"] = "lua/dyadic/data/organisations.lua",
    ["dyadic.data.regions"] = "lua/dyadic/data/regions.lua",
    ["dyadic.data.sectors"] = "lua/dyadic/data/sectors.lua",
    ["dyadic.help"] = "lua/dyadic/help.lua",
    ["dyadic"] = "lua/dyadic/init.lua",
    ["dyadic.lexicon"] = "lua/dyadic/lexicon.lua",
    ["dyadic.lexicon.agents"] = "lua/dyadic/lexicon/agents.lua",
    ["dyadic.lexicon.liwc"] = "lua/dyadic/lexicon/liwc.lua",
    ["dyadic.lexicon.phoenix"] = "lua/dyadic/lexicon/phoenix.lua",
    ["dyadic.lexicon.util"] = "lua/dyadic/lexicon/util.lua",
    ["dyadic.lexicon.yaml"] = "lua/dyadic/lexicon/yaml.lua",
    ["dyadic.nvim"] = "lua/dyadic/nvim.lua",
    ["dyadic.report"] = "lua/dyadic/report.lua",
    ["dyadic.report.csv"] = "lua/dyadic/report/csv.lua",
    ["dyadic.report.dot"] = "lua/dyadic/report/dot.lua",
    ["dyadic.report.gexf"] = "lua/dyadic/report/gexf.lua",
    ["dyadic.report.graphml"] = "lua/dyadic/report/graphml.lua",
    ["dyadic.report.html"] = "lua/dyadic/report/html.lua",
    ["dyadic.report.jsonl"] = "lua/dyadic/report/jsonl.lua",
    ["dyadic.report.markdown"] = "lua/dyadic/report/markdown.lua",
    ["dyadic.report.model"] = "lua/dyadic/report/model.lua",
    ["dyadic.report.tables"] = "lua/dyadic/report/tables.lua",
    ["dyadic.report.util"] = "lua/dyadic/report/util.lua",
    ["dyadic.rule"] = "lua/dyadic/rule.lua",
    ["dyadic.show"] = "lua/dyadic/show.lua",
    ["dyadic.util"] = "lua/dyadic/util.lua",
  },
  install = {
    bin = { dyadic = "bin/dyadic" },
  },
}
