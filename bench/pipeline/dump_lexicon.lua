-- dump_lexicon.lua - write the default lexicon's entries as tab-separated lines for the
-- C pipeline harness (bench/pipeline/pipeline.c), which builds the same lexicon through
-- dy_lexicon_add without Lua. Columns:
--   kind term code role type category sector cameo from to weight goldstein case direction
-- Empty column: absent. Usage: lua5.4 bench/pipeline/dump_lexicon.lua > lexicon.tsv
-- An actor's code is written as given (full_code: "RUSGOV"), with the role the lexicon
-- resolved; adding both again gives the same entry.
local lexicon = require "dyadic.lexicon"
local cols = { "kind", "term", "code", "role", "type", "category", "sector", "cameo", "from", "to",
               "weight", "goldstein", "case", "direction" }
local out = {}
for _, entry in ipairs(lexicon.default():entries()) do
  if entry.kind == "actor" then entry.code = entry.full_code end
  local row = {}
  for i, k in ipairs(cols) do
    local v = entry[k]
    row[i] = v == nil and "" or tostring(v):gsub("[\t\n]", " ")
  end
  out[#out + 1] = table.concat(row, "\t")
end
io.write(table.concat(out, "\n"), "\n")
