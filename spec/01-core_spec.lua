-- The module loads from the build tree, under every interpreter, without globals.
describe("dyadic module", function()
  it("loads the C core and reports its version", function()
    local dyadic = require "dyadic"
    assert.are.equal("0.1.0", dyadic.version)
    assert.are.equal(dyadic.version, require("dyadic.core").version)
  end)

  it("creates no globals when loaded", function()
    package.loaded["dyadic"], package.loaded["dyadic.core"] = nil, nil
    local before = {}
    for k in pairs(_G) do before[k] = true end
    require "dyadic"
    for k in pairs(_G) do
      assert.is_true(before[k] ~= nil, "new global: " .. tostring(k))
    end
  end)

  it("returns nil for names that are not part of the API", function()
    assert.is_nil(require("dyadic").no_such_function)
  end)

  it("finds the C module in the build tree when it is not on package.cpath", function()
    local runtime = os.getenv("DYADIC_RUNTIME") or "lua5.4"
    local cmd = "env -u LUA_CPATH -u LUA_CPATH_5_3 -u LUA_CPATH_5_4 -u LUA_PATH -u LUA_PATH_5_3 -u LUA_PATH_5_4 "
      .. runtime .. [[ -e 'package.path="lua/?.lua;lua/?/init.lua;"..package.path' ]]
      .. [[-e 'local d = require "dyadic"; io.write(d.version, " ", d.matcher{"x"}:count("x y x"))' 2>&1]]
    local p = assert(io.popen(cmd))
    local out = p:read("*a")
    p:close()
    assert.are.equal("0.1.0 2", out)
  end)
end)
