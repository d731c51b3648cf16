-- lua_pipeline.lua - the same corpus through the Lua API: an:analyze(text, meta) per
-- story with the default lexicon, then doc:dyads() (what a Lua user pays on top of the
-- C pipeline). Prints one line of key=value figures. Needs lua-cjson.
--   LUA_PATH="lua/?.lua;lua/?/init.lua;;" LUA_CPATH="build/lua5.4/?.so;;" \
--     lua5.4 bench/pipeline/lua_pipeline.lua CORPUS.jsonl
local cjson = require "cjson"
local dyadic = require "dyadic"
local path = assert(arg[1], "usage: lua_pipeline.lua CORPUS.jsonl")
local docs, bytes = {}, 0
for line in io.lines(path) do
  local rec = cjson.decode(line)
  if type(rec.text) == "string" then
    docs[#docs + 1] = rec
    bytes = bytes + #rec.text
  end
end
local an = dyadic.analyzer{ lexicon = dyadic.default_lexicon() }
local t0 = os.clock()
local sentences, dyads = 0, 0
for i = 1, #docs do
  local rec = docs[i]
  local doc = an:analyze(rec.text, { id = rec.id, date = rec.date })
  dyads = dyads + #doc:dyads()
  sentences = sentences + #doc:sentences()
  doc:close()
end
local t = os.clock() - t0
print(string.format("docs=%d bytes=%d seconds=%.3f mb_s=%.1f docs_s=%.0f sentences_s=%.0f dyads=%d",
  #docs, bytes, t, bytes / t / 1e6, #docs / t, sentences / t, dyads))
