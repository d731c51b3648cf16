-- dump_lexicon.lua - write the default lexicon's entries as tab-separated lines for the
-- C pipeline harness (bench/pipeline/pipeline.c), which builds the same lexicon through
-- dy_lexicon_add without Lua. Columns:
--   kind term code role type category sector cameo from to weight goldstein case direction
-- Empty column: absent. Usage: lua5.4 bench/pipeline/dump_lexicon.lua > lexicon.tsv
local native = require "dyadic.lexicon.native"
local names = require "dyadic.data"
local cols = { "kind", "term", "code", "role", "type", "category", "sector", "cameo", "from", "to",
               "weight", "goldstein", "case", "direction" }
local out = {}
for _, modname in ipairs(names) do
  native.parse(require(modname), modname, function(entry)
    local row = {}
    for i, k in ipairs(cols) do
      local v = entry[k]
      row[i] = v == nil and "" or tostring(v):gsub("[\t\n]", " ")
    end
    out[#out + 1] = table.concat(row, "\t")
  end, function(line, message)
    io.stderr:write(modname, ":", line, ": ", message, "\n")
  end)
end
io.write(table.concat(out, "\n"), "\n")
