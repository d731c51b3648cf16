-- spec/helpers.lua: loaded by busted before every spec file (see .busted).
-- Fixture paths resolve from the repository root, where `make test` runs busted.
local helpers = {}

helpers.root = "."

function helpers.fixture(name)
  return helpers.root .. "/spec/fixtures/" .. name
end

function helpers.read(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

function helpers.write_temp(content, suffix)
  -- os.tmpname() creates the file; with a suffix we write a sibling, so remove the original
  local base = os.tmpname()
  local path = base .. (suffix or "")
  if suffix and suffix ~= "" then os.remove(base) end
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

-- The interpreter running the suite, for tests that differ by runtime.
helpers.runtime = os.getenv("DYADIC_RUNTIME") or (jit and "luajit") or _VERSION

-- The first actor hit of lex:match(text, date) whose matched text is `term`
-- (case-insensitive), or nil.
function helpers.actor_hit(lex, text, date, term)
  for _, h in ipairs(lex:match(text, date)) do
    if h.kind == "actor" and text:sub(h.s, h.e):lower() == term:lower() then return h end
  end
  return nil
end

package.loaded["spec.helpers"] = helpers
return helpers
