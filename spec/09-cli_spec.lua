-- The `dyadic` command line, run as a subprocess of the interpreter running the suite.
local helpers = require "spec.helpers"

local function interpreter()
  local rt = os.getenv("DYADIC_RUNTIME")
  if rt and rt ~= "" then return rt end
  if rawget(_G, "jit") then return "luajit" end
  return "lua" .. _VERSION:match("%d+%.%d+")
end

local function q(s) return "'" .. (tostring(s):gsub("'", "'\\''")) .. "'" end

-- Run bin/dyadic with the arguments; returns stdout, stderr, exit status.
-- env: optional table of environment variables for the command.
local function dyadic(args, stdin, env)
  local out, err, st = os.tmpname(), os.tmpname(), os.tmpname()
  local cmd = q(interpreter()) .. " bin/dyadic"
  if env then
    local names = {}
    for k in pairs(env) do names[#names + 1] = k end
    table.sort(names)
    for i = #names, 1, -1 do cmd = names[i] .. "=" .. q(env[names[i]]) .. " " .. cmd end
  end
  for _, a in ipairs(args) do cmd = cmd .. " " .. q(a) end
  local inp
  if stdin then
    inp = helpers.write_temp(stdin)
    cmd = cmd .. " < " .. q(inp)
  end
  os.execute("sh -c " .. q(cmd .. " > " .. q(out) .. " 2> " .. q(err) .. "; echo $? > " .. q(st)))
  local o, e, s = helpers.read(out), helpers.read(err), tonumber(helpers.read(st):match("%d+"))
  os.remove(out); os.remove(err); os.remove(st)
  if inp then os.remove(inp) end
  return o, e, s
end

local fx = function(name) return helpers.fixture("cli/" .. name) end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

-- Did a shell command succeed? (Lua 5.1 and LuaJIT return the status, where a failure
-- such as 256 is still true; 5.2+ return true or nil.)
local function sh_ok(cmd)
  local r = os.execute(cmd)
  return r == true or r == 0
end

local function mkdir()
  local dir = os.tmpname()
  os.remove(dir)
  assert.is_true(sh_ok("mkdir " .. q(dir)))
  return dir
end

-- stderr without the run's duration, to compare two runs' messages
local function without_time(err) return (err:gsub(" in [%d%.]+ s\n$", "")) end

describe("dyadic command line", function()
  describe("help and usage", function()
    it("prints help on --help and exits 0", function()
      local out, err, status = dyadic { "--help" }
      assert.are.equal(0, status)
      assert.are.equal("", err)
      assert.truthy(out:find("^Usage: dyadic COMMAND"))
      for _, cmd in ipairs { "analyze", "corpus", "lexicon check" } do
        assert.truthy(out:find(cmd, 1, true), cmd)
      end
    end)

    it("prints each command's help", function()
      for _, cmd in ipairs { "analyze", "corpus", "lexicon" } do
        local out, _, status = dyadic { cmd, "--help" }
        assert.are.equal(0, status)
        assert.truthy(out:find("^Usage: dyadic " .. cmd), out)
      end
      local out = dyadic { "corpus", "--help" }
      assert.truthy(out:find("--keep-going", 1, true))
      assert.truthy(out:find("-j, --jobs N", 1, true))
    end)

    it("prints the version", function()
      local out, _, status = dyadic { "--version" }
      assert.are.equal(0, status)
      assert.are.equal("dyadic " .. require("dyadic").version .. "\n", out)
    end)

    it("exits 2 on usage errors, naming the problem", function()
      local cases = {
        { { "frobnicate" }, "unknown command 'frobnicate'" },
        { {}, "missing command" },
        { { "corpus", "--bogus", fx("good.jsonl") }, "unknown option '--bogus'" },
        { { "corpus", "-j" }, "option '-j' requires an argument" },
        { { "corpus", "-j", "zero", fx("good.jsonl") }, "-j needs a positive whole number" },
        { { "corpus", "--by", "decade", fx("good.jsonl") }, "unknown period 'decade'" },
        { { "analyze", "--format", "pdf", fx("dir/sub/b.txt") }, "unknown format 'pdf'" },
        { { "analyze", "--date", "2026-02-30", fx("dir/sub/b.txt") }, "malformed date '2026-02-30'" },
        { { "analyze", "--keep-going", fx("dir/sub/b.txt") }, "'--keep-going' does not apply to 'analyze'" },
        { { "analyze" }, "analyze takes one FILE" },
        { { "corpus" }, "corpus needs at least one" },
        { { "lexicon", "frob" }, "unknown lexicon command" },
      }
      for _, c in ipairs(cases) do
        local out, err, status = dyadic(c[1])
        assert.are.equal(2, status, table.concat(c[1], " ") .. ": " .. err)
        assert.are.equal("", out)
        assert.truthy(err:find(c[2], 1, true), err)
        assert.truthy(err:find("Try 'dyadic --help'", 1, true))
      end
    end)
  end)

  describe("analyze", function()
    it("prints a Markdown report of a file", function()
      local out, err, status = dyadic { "analyze", "--date", "2026-04-20", fx("dir/sub/b.txt") }
      assert.are.equal(0, status, err)
      assert.are.equal("", err)
      assert.truthy(#out > 0)
      assert.are.equal(require("dyadic.report").markdown(
        require("dyadic").analyzer { lexicon = require("dyadic").default_lexicon() }
          :analyze(helpers.read(fx("dir/sub/b.txt")), { id = "b.txt", date = "2026-04-20" })), out)
    end)

    it("reads standard input with -", function()
      local text = "Russia and China signed a gas agreement. Japan criticized the deal."
      local out, err, status = dyadic({ "analyze", "-", "--format", "csv", "--date", "2026-01-02" }, text)
      assert.are.equal(0, status, err)
      local doc = require("dyadic").analyzer { lexicon = require("dyadic").default_lexicon() }
        :analyze(text, { id = "stdin", date = "2026-01-02" })
      assert.are.equal(require("dyadic.report").csv(doc, "dyads"), out)
      assert.truthy(out:find("RUS", 1, true))
    end)

    it("writes every format", function()
      for _, fmt in ipairs { "md", "html", "csv", "jsonl", "gexf", "graphml", "dot" } do
        local out, err, status = dyadic { "analyze", "-f", fmt, fx("dir/sub/b.txt") }
        assert.are.equal(0, status, fmt .. ": " .. err)
        assert.truthy(#out > 0, fmt)
      end
    end)

    it("fails with exit 1 on a missing file or invalid UTF-8", function()
      local _, err, status = dyadic { "analyze", fx("no-such-file.txt") }
      assert.are.equal(1, status)
      assert.truthy(err:find("no-such-file.txt", 1, true))
      local bad = helpers.write_temp("Russia \255 China", ".txt")
      _, err, status = dyadic { "analyze", bad }
      os.remove(bad)
      assert.are.equal(1, status)
      assert.truthy(err:find("invalid UTF-8 at byte 8", 1, true), err)
    end)
  end)

  describe("corpus", function()
    it("analyzes a clean corpus, prints the summary line and exits 0", function()
      local out, err, status = dyadic { "corpus", "-j", "1", fx("good.jsonl") }
      assert.are.equal(0, status, err)
      assert.truthy(err:find("^dyadic: 4 documents analyzed, 0 skipped in [%d%.]+ s\n$"), err)
      -- default: the series table as CSV
      assert.truthy(out:find("^[^\r\n]*period"), out:sub(1, 200))
    end)

    it("accounts for every bad record with file:line and a reason", function()
      local _, err, status = dyadic { "corpus", "-j", "1", fx("mixed.jsonl") }
      assert.are.equal(1, status)
      local f = fx("mixed.jsonl")
      local expect = {
        f .. ":2: malformed JSON: ",
        f .. ":3: missing text",
        f .. ":4: empty text",
        f .. ":5: malformed date '2026-13-45'",
        f .. ":6: text not a string",
        f .. ":7: record is not a JSON object",
        f .. ":9: invalid UTF-8 in text at byte 17",
      }
      local pos = 1
      for _, e in ipairs(expect) do
        local s, en = err:find(e, pos, true)
        assert.truthy(s, "missing in order: " .. e .. "\n" .. err)
        pos = en + 1
      end
      assert.truthy(err:find("character %d+"), "cjson's byte offset: " .. err)
      assert.truthy(err:find("dyadic: 2 documents analyzed, 7 skipped (1 empty text, 1 invalid UTF-8, " ..
        "1 malformed JSON, 1 malformed date, 1 missing text, 1 not an object, 1 text not a string) in ",
        1, true), err)
    end)

    it("exits 0 with --keep-going, and --quiet keeps only the summary", function()
      local out, err, status = dyadic { "corpus", "-j", "1", "--keep-going", "--quiet", fx("mixed.jsonl") }
      assert.are.equal(0, status)
      assert.truthy(#out > 0)
      assert.truthy(err:find("^dyadic: 2 documents analyzed, 7 skipped %("), err)
      assert.are.equal(1, select(2, err:gsub("\n", "\n")))
    end)

    it("reads directories: every .jsonl and .txt under them", function()
      local _, err, status = dyadic { "corpus", "-j", "1", "--date", "2026-04-20", fx("dir") }
      assert.are.equal(0, status, err)
      assert.truthy(err:find("^dyadic: 3 documents analyzed, 0 skipped"), err)
    end)

    it("reads JSON Lines from standard input with -, with workers too", function()
      local data = helpers.read(fx("good.jsonl")) .. helpers.read(fx("mixed.jsonl"))
      local expected = dyadic { "corpus", "-j", "1", "--keep-going", fx("good.jsonl"), fx("mixed.jsonl") }
      for _, j in ipairs { "1", "2" } do
        local out, err, status = dyadic({ "corpus", "-j", j, "-" }, data)
        assert.are.equal(1, status)
        assert.are.equal(expected, out)
        assert.truthy(err:find("stdin:7: malformed JSON", 1, true), err)
        assert.truthy(err:find("6 documents analyzed, 7 skipped", 1, true), err)
      end
    end)

    it("reports an unreadable input as a skipped record", function()
      local _, err, status = dyadic { "corpus", "-j", "1", fx("good.jsonl"), fx("missing.jsonl") }
      assert.are.equal(1, status)
      assert.truthy(err:find(fx("missing.jsonl") .. ": unreadable file", 1, true), err)
      assert.truthy(err:find("4 documents analyzed, 1 skipped (1 unreadable file)", 1, true), err)
    end)


    it("gives byte-identical output with -j 1, 2 and 3, forked or started with io.popen", function()
      local inputs = { fx("good.jsonl"), fx("mixed.jsonl"), fx("dir") }
      for _, fmt in ipairs { "csv", "jsonl", "md" } do
        local function args(j)
          local a = { "corpus", "--keep-going", "--date", "2026-04-20", "-f", fmt, "-j", j }
          for _, i in ipairs(inputs) do a[#a + 1] = i end
          return a
        end
        local out1, err1, st1 = dyadic(args("1"))
        assert.are.equal(0, st1, err1)
        assert.truthy(#out1 > 0)
        assert.truthy(err1:find("7 skipped", 1, true), err1)
        for _, env in ipairs { {}, { DYADIC_NO_FORK = "1" }, { DYADIC_CHUNK_BYTES = "97" },
                               { DYADIC_CHUNK_BYTES = "97", DYADIC_NO_FORK = "1" } } do
          for _, j in ipairs { "2", "3" } do
            local what = fmt .. " -j " .. j .. (env.DYADIC_NO_FORK and " (io.popen)" or " (fork)")
              .. (env.DYADIC_CHUNK_BYTES and " chunks of " .. env.DYADIC_CHUNK_BYTES or "")
            local outj, errj, stj = dyadic(args(j), nil, env)
            assert.are.equal(0, stj, what .. ": " .. errj)
            assert.is_true(out1 == outj, what)
            -- same skips, listed in the same order, counted once
            assert.are.equal(without_time(err1), without_time(errj), what)
          end
        end
      end
    end)

    it("lists and counts rule warnings and skips once with workers", function()
      local args = function(j)
        return { "corpus", "-j", j, "-f", "jsonl", "--table", "dyads", "--rules", fx("../rules/failing.lua"),
                 fx("good.jsonl"), fx("mixed.jsonl"), fx("missing.jsonl") }
      end
      local out1, err1, st1 = dyadic(args("1"))
      assert.are.equal(1, st1)
      assert.truthy(err1:find("warning: rule 'always-fails' failed on document 'g1', sentence 1", 1, true), err1)
      local n = err1:match("dyadic: %d+ documents analyzed, 8 skipped %(.-%), (%d+) rule warnings in ")
      assert.truthy(n, err1)
      assert.truthy(err1:find("1 unreadable file", 1, true), err1)
      for _, j in ipairs { "2", "3" } do
        local outj, errj, stj = dyadic(args(j))
        assert.are.equal(1, stj)
        assert.is_true(out1 == outj, "-j " .. j)
        assert.are.equal(without_time(err1), without_time(errj), "-j " .. j)
      end
    end)

    it("matches the aggregate built through the API", function()
      local dyadic_mod = require "dyadic"
      local an = dyadic_mod.analyzer { lexicon = dyadic_mod.default_lexicon() }
      local agg = dyadic_mod.aggregate { by = "year" }
      for line in io.lines(fx("good.jsonl")) do
        if line:find("%S") then
          local rec = require("cjson").decode(line)
          agg:add(an:analyze(rec.text, { id = rec.id, date = rec.date, title = rec.title }))
        end
      end
      local out, err, status = dyadic { "corpus", "-j", "2", "--by", "year", "-f", "csv", "--table", "dyads",
                                        fx("good.jsonl") }
      assert.are.equal(0, status, err)
      assert.are.equal(require("dyadic.report").csv(agg, "dyads"), out)
    end)

    it("writes -o atomically and leaves no temporary file", function()
      local dir = mkdir()
      local target = dir .. "/report.csv"
      local out, err, status = dyadic { "corpus", "-j", "2", "-o", target, fx("good.jsonl") }
      assert.are.equal(0, status, err)
      assert.are.equal("", out)
      local stdout_version = dyadic { "corpus", "-j", "1", fx("good.jsonl") }
      assert.are.equal(stdout_version, helpers.read(target))
      local listing = io.popen("ls -A " .. q(dir)):read("*a")
      assert.are.equal("report.csv\n", listing)
      -- an output that cannot be written: exit 1, the old file untouched
      local _, err2, st2 = dyadic { "corpus", "-j", "1", "-o", dir .. "/no/such/dir/r.csv", fx("good.jsonl") }
      assert.are.equal(1, st2)
      assert.truthy(err2:find("no/such/dir", 1, true))
      os.execute("rm -rf " .. q(dir))
    end)

    it("stops on a bad --rules file before starting workers", function()
      local _, err, status = dyadic { "corpus", "-j", "2", "--rules", fx("no-such-rules.lua"), fx("good.jsonl") }
      assert.are.equal(1, status)
      assert.truthy(err:find("no-such-rules.lua", 1, true), err)
      assert.falsy(err:find("documents analyzed", 1, true))
    end)

    -- the leftover files a run could leave: worker emit files are os.tmpname()s
    -- (/tmp/lua_XXXXXX); those of this run name its unique input in their skip lines
    local function leftovers(unique)
      local p = io.popen("grep -l -F " .. q(unique) .. " /tmp/lua_* 2>/dev/null")
      local found = p:read("*a")
      p:close()
      return found
    end

    it("fails loudly when a forked worker dies, writing nothing and leaving no file", function()
      local input = helpers.write_temp(helpers.read(fx("good.jsonl")) .. helpers.read(fx("mixed.jsonl")), ".jsonl")
      local dir = mkdir()
      local target = dir .. "/out.csv"
      -- a clean run first: every share has skips, and nothing is left behind
      local _, err0, st0 = dyadic { "corpus", "-j", "3", "-o", target, input }
      assert.are.equal(1, st0)
      assert.truthy(err0:find("6 documents analyzed, 7 skipped", 1, true), err0)
      assert.are.equal("", leftovers(input))
      os.remove(target)
      for _, c in ipairs {
        { "3", {}, "worker [12]/3 failed %(killed by signal 9, no complete result%); nothing written" },
        { "2", { DYADIC_TEST_DEATH = "exit" },
          "worker 1/2 failed %(exit status 3, no complete result%); nothing written" },
      } do
        -- small chunks dealt out in turn: every worker has records to die on
        c[2].DYADIC_CHUNK_BYTES, c[2].DYADIC_NO_SHARED_COUNTER = "64", "1"
        local out, err, status = dyadic({ "corpus", "-j", c[1], "-o", target, "--rules", fx("worker-death.lua"),
                                          input }, nil, c[2])
        assert.are.equal(1, status, err)
        assert.are.equal("", out)
        assert.truthy(err:find("dyadic: " .. c[3] .. "\n"), err)
        assert.falsy(err:find("documents analyzed", 1, true), err)
        assert.falsy(exists(target))
        assert.are.equal("", io.popen("ls -A " .. q(dir)):read("*a"))
        assert.are.equal("", leftovers(input))
      end
      os.remove(input)
      os.execute("rm -rf " .. q(dir))
    end)

    it("fails loudly when an io.popen worker fails, writing nothing", function()
      -- worker-bomb.lua loads in the parent and raises in every worker process
      local dir = mkdir()
      local target = dir .. "/out.csv"
      local out, err, status = dyadic({ "corpus", "-j", "2", "-o", target, "--rules",
                                        helpers.fixture("rules/worker-bomb.lua"), fx("good.jsonl") },
                                      nil, { DYADIC_NO_FORK = "1" })
      assert.are.equal(1, status)
      assert.are.equal("", out)
      assert.truthy(err:find("worker 0/2 failed", 1, true), err)
      assert.truthy(err:find("refuses to load in a worker", 1, true), err)
      assert.falsy(exists(target))
      os.execute("rm -rf " .. q(dir))
    end)
  end)

  describe("process primitives (dyadic.core._fork, _waitpid, _exit)", function()
    local core = require "dyadic.core"

    it("forks a child whose exit status or signal the parent collects", function()
      assert.is_true(core._has_fork)
      io.stdout:flush()
      io.stderr:flush()
      local pid = assert(core._fork())
      if pid == 0 then core._exit(7) end
      assert.is_true(pid > 0)
      assert.are.equal(7, core._waitpid(pid))
      -- a second wait: the child is gone
      local none, msg = core._waitpid(pid)
      assert.is_nil(none)
      assert.truthy(msg:find("^waitpid %d+: No child processes$"), msg)
      io.stdout:flush()
      pid = assert(core._fork())
      if pid == 0 then
        os.execute("kill -TERM $PPID")
        core._exit(0)
      end
      local st, sig = core._waitpid(pid)
      assert.are.equal("signal", st)
      assert.are.equal(15, sig)
    end)

    it("the child inherits the parent's state", function()
      local d = require "dyadic"
      local an = d.analyzer { lexicon = d.default_lexicon() }
      local path = os.tmpname()
      io.stdout:flush()
      local pid = assert(core._fork())
      if pid == 0 then
        local ok = pcall(function()
          local doc = an:analyze("Russia and China signed a gas agreement.", { id = "x" })
          local f = assert(io.open(path, "wb"))
          f:write(#doc:mentions() > 0 and "mentions" or "none")
          f:close()
        end)
        core._exit(ok and 0 or 1)
      end
      assert.are.equal(0, core._waitpid(pid))
      assert.are.equal("mentions", helpers.read(path))
      os.remove(path)
    end)

    it("hands out each number of a shared counter once, across forked processes", function()
      local c = assert(core._counter())
      assert.are.equal(0, c:next())
      io.stdout:flush()
      local pids = {}
      for k = 1, 3 do
        local pid = core._fork()
        if pid == 0 then
          for _ = 1, 100 do c:next() end
          core._exit(0)
        end
        pids[k] = pid
      end
      local mine = {}
      for i = 1, 100 do mine[i] = c:next() end
      for _, pid in ipairs(pids) do assert.are.equal(0, core._waitpid(pid)) end
      -- 1 + 4 x 100 numbers taken: the next is 401, and this process's own rose strictly
      assert.are.equal(401, c:next())
      for i = 2, 100 do assert.is_true(mine[i] > mine[i - 1]) end
      assert.has_error(function() c.next({}) end)
    end)

    it("tells the number of online cores as nproc does, and whether a descriptor is a terminal", function()
      local p = io.popen("nproc")
      local want = tonumber(p:read("*a"):match("%d+"))
      p:close()
      assert.are.equal(want, core._ncores())
      -- limited to one CPU (taskset, as a CI runner or a cpuset would): one core, as nproc says
      if sh_ok("command -v taskset >/dev/null 2>&1") then
        local probe = os.tmpname()
        local pf = assert(io.open(probe, "wb"))
        pf:write(("package.cpath = %q\nio.stdout:write(tostring(require('dyadic.core')._ncores()))\n")
          :format(package.cpath))
        pf:close()
        local tp = io.popen("taskset -c 0 " .. q(interpreter()) .. " " .. q(probe))
        assert.are.equal("1", tp:read("*a"))
        tp:close()
        os.remove(probe)
      end
      -- a child whose standard error is a file: not a terminal
      local path = os.tmpname()
      local script = os.tmpname()
      local f = assert(io.open(script, "wb"))
      f:write(("package.cpath = %q\nlocal c = require 'dyadic.core'\nio.stdout:write(tostring(c._isatty(2)))\n")
        :format(package.cpath))
      f:close()
      local pipe = io.popen(q(interpreter()) .. " " .. q(script) .. " 2>" .. q(path))
      assert.are.equal("false", pipe:read("*a"))
      pipe:close()
      os.remove(path)
      os.remove(script)
      assert.has_error(function() core._isatty(7) end)
      assert.has_error(function() core._isatty("x") end)
    end)

    it("checks its arguments", function()
      assert.has_error(function() core._waitpid("x") end)
      assert.has_error(function() core._waitpid(1.5) end)
      assert.has_error(function() core._waitpid(0) end)
      assert.has_error(function() core._exit(256) end)
      assert.has_error(function() core._exit(-1) end)
      assert.has_error(function() core._exit() end)
    end)
  end)

  describe("lexicon check", function()
    it("reports every malformed line as file:line: message and exits 1", function()
      local path = fx("bad-lexicon.txt")
      local expected = require("dyadic.lexicon").check(path)
      assert.truthy(#expected >= 2)
      local out, err, status = dyadic { "lexicon", "check", path }
      assert.are.equal(1, status, err)
      local lines = {}
      for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
      assert.are.equal(#expected, #lines)
      for i, p in ipairs(expected) do
        assert.are.equal(string.format("%s:%d: %s", path, p.line, p.message), lines[i])
      end
    end)

    it("exits 1 on a file it cannot read", function()
      local out, err, status = dyadic { "lexicon", "check", fx("no-such-lexicon.txt") }
      assert.are.equal(1, status)
      assert.are.equal("", out)
      assert.truthy(err:find("no-such-lexicon.txt", 1, true), err)
    end)

    it("exits 0 on a well-formed file", function()
      local out, err, status = dyadic { "lexicon", "check", fx("good-lexicon.txt") }
      assert.are.equal(0, status, err)
      assert.are.equal("", out)
    end)
  end)

  describe("--lexicon and --rules", function()
    it("replaces the default lexicon, and 'default' adds it back", function()
      local text = "Russia and China signed a gas agreement."
      local out1 = dyadic({ "analyze", "-", "-f", "csv", "--lexicon", fx("good-lexicon.txt") }, text)
      local out2 = dyadic({ "analyze", "-", "-f", "csv" }, text)
      local out3 = dyadic({ "analyze", "-", "-f", "csv", "--lexicon", "default", "--lexicon",
                            fx("good-lexicon.txt") }, text)
      assert.are_not.equal(out1, out2)
      assert.truthy(out3:find("RUS", 1, true))
    end)

    it("runs rules files and prints rule warnings on stderr", function()
      local text = "Russia and China signed a gas agreement."
      local out, err, status = dyadic({ "analyze", "-", "-f", "jsonl", "--table", "evidence",
                                        "--rules", fx("../rules/failing.lua") }, text)
      assert.are.equal(0, status, err)
      assert.truthy(#out > 0)
      assert.truthy(err:find("warning: rule 'always-fails' failed on document 'stdin', sentence 1", 1, true), err)
    end)
  end)

  describe("review fixes", function()

    it("cuts inputs into chunks that hand out every line once, in order, with its line number", function()
      local corpus = require "dyadic.cli.corpus"
      local B = corpus.BLOCK
      -- lines shorter and longer than the chunks and the read blocks, empty ones, and a
      -- last line with and without its newline
      local lens = { 3, 0, 5, 1, 0, 0, 40, B + 3, 2, 0, 9000, 1, 17 }
      local parts = {}
      for i, n in ipairs(lens) do parts[i] = string.rep(string.char(97 + i % 26), n) end
      for _, last_nl in ipairs { true, false } do
        local text = table.concat(parts, "\n") .. (last_nl and "\n" or "")
        local path = helpers.write_temp(text, ".jsonl")
        local files = { { path = path, name = path, kind = "jsonl" } }
        for _, chunk in ipairs { 1, 2, 7, 64, 8191, B, 4 * B } do
          local plan = corpus.plan(files, chunk)
          assert.are.equal(math.ceil(#text / chunk), #plan.units)
          -- workers that take every n-th chunk see, between them, every line once
          for _, n in ipairs { 1, 3 } do
            local got, bad_spans = {}, 0
            local f = assert(io.open(path, "rb"))
            for w = 0, n - 1 do
              for u in corpus.claim_every(#plan.units, w, n) do
                local unit = plan.units[u]
                local before = #got
                local start, stop, newlines = corpus.each_line_in(f, unit[2], unit[3],
                  function(buf, ls, le, pos, nth)
                    got[#got + 1] = { pos = pos, line = buf:sub(ls, le), nth = nth, first = unit[2] }
                  end)
                -- the span it reports: from its first line to past its last, with its newlines
                if #got == before then
                  if start ~= nil then bad_spans = bad_spans + 1 end  -- (busted's assert is slow per chunk)
                else
                  local last_line = got[#got]
                  assert.are.equal(got[before + 1].pos, start)
                  assert.is_true(stop == last_line.pos + #last_line.line + 1
                    or (stop == #text and stop == last_line.pos + #last_line.line))
                  assert.are.equal(select(2, text:sub(start + 1, stop):gsub("\n", "")), newlines)
                end
              end
            end
            f:close()
            table.sort(got, function(a, b) return a.pos < b.pos end)
            local what = string.format("chunk %d, %d workers, last newline %s", chunk, n, tostring(last_nl))
            assert.are.equal(0, bad_spans, what .. ": a chunk without lines reported a span")
            assert.are.equal(#lens, #got, what)
            local offset = 0
            for i, n_i in ipairs(lens) do
              assert.are.equal(offset, got[i].pos, what .. ", line " .. i)
              assert.is_true(got[i].line == parts[i], what .. ", line " .. i)
              assert.is_true(got[i].pos >= got[i].first and got[i].pos < got[i].first + chunk, what)
              -- the line number from the chunk's first line and the newlines before it
              local first_line = i - got[i].nth
              local _, before = text:sub(1, got[first_line].pos):gsub("\n", "")
              assert.are.equal(first_line - 1, before, what)
              offset = offset + n_i + 1
            end
          end
        end
        os.remove(path)
      end
    end)

    it("reads more inputs than it may open files at once, with workers too", function()
      local dir = mkdir()
      for i = 1, 120 do
        local f = assert(io.open(string.format("%s/f%03d.jsonl", dir, i), "wb"))
        f:write(string.format('{"id": "r%d", "text": "Iran threatened Israel again."}\n', i))
        f:close()
      end
      for _, j in ipairs { "1", "2" } do
        for _, env in ipairs { "", "DYADIC_NO_FORK=1 " } do
          local err = os.tmpname()
          local cmd = string.format("ulimit -n 48; %s%s bin/dyadic corpus -j %s -o /dev/null %s 2> %s",
            env, q(interpreter()), j, q(dir), q(err))
          local ok = sh_ok("sh -c " .. q(cmd))
          local text = helpers.read(err)
          os.remove(err)
          assert.is_true(ok, text)
          assert.truthy(text:find("^dyadic: 120 documents analyzed, 0 skipped"), j .. " " .. env .. text)
        end
      end
      os.execute("rm -rf " .. q(dir))
    end)

    it("copies an input that cannot seek (a named pipe) and reads all of it", function()
      if not sh_ok("command -v mkfifo >/dev/null 2>&1") then return pending("no mkfifo") end
      local dir = mkdir()
      local fifo = dir .. "/fifo.jsonl"
      assert.is_true(sh_ok("mkfifo " .. q(fifo)))
      local expected, err1 = dyadic { "corpus", "-j", "1", "--keep-going", fx("good.jsonl"), fx("mixed.jsonl") }
      for _, j in ipairs { "1", "2" } do
        local outf, errf = os.tmpname(), os.tmpname()
        local cmd = string.format("cat %s %s > %s & %s bin/dyadic corpus -j %s --keep-going %s > %s 2> %s; wait",
          q(fx("good.jsonl")), q(fx("mixed.jsonl")), q(fifo), q(interpreter()), j, q(fifo), q(outf), q(errf))
        os.execute("sh -c " .. q(cmd))
        local out = helpers.read(outf)
        local err = helpers.read(errf)
        os.remove(outf); os.remove(errf)
        assert.are.equal(expected, out, err)
        assert.truthy(err:find("6 documents analyzed, 7 skipped", 1, true), err)
        -- messages name the pipe, with the same line numbers as the files' own
        assert.truthy(err:find(fifo .. ":7: malformed JSON", 1, true), err .. "\n" .. err1)
      end
      -- the copy is gone
      assert.are.equal("fifo.jsonl\n", io.popen("ls -A " .. q(dir)):read("*a"))
      os.execute("rm -rf " .. q(dir))
    end)

    it("reports the bytes of an input that vanished after it was planned", function()
      local dir = mkdir()
      local a, b = dir .. "/a.jsonl", dir .. "/b.jsonl"
      local fa = assert(io.open(a, "wb"))
      fa:write('{"id": "a1", "text": "Russia and China signed a gas deal."}\n')
      fa:close()
      local fb = assert(io.open(b, "wb"))
      fb:write('{"id": "b1", "text": "Iran threatened Israel."}\n{"id": "b2", "text": "Iran threatened Israel."}\n')
      fb:close()
      -- a rule that removes b.jsonl while a.jsonl is analyzed (-j 1 reads a first)
      local rules = helpers.write_temp(string.format(
        "return { { name = 'remover', apply = function() os.remove(%q) end } }\n", b), ".lua")
      local _, err, status = dyadic { "corpus", "-j", "1", "--rules", rules, "-o", "/dev/null", a, b }
      os.remove(rules)
      assert.are.equal(1, status, err)
      assert.truthy(err:find(b .. ": unreadable file: " .. b .. ": No such file or directory (bytes 0-", 1, true), err)
      assert.truthy(err:find("1 documents analyzed, 1 skipped (1 unreadable file)", 1, true), err)
      os.execute("rm -rf " .. q(dir))
    end)

    it("hands io.popen workers the plan in a file that keeps any file name", function()
      local corpus = require "dyadic.cli.corpus"
      local files = {
        { kind = "jsonl", path = "/x/a b.jsonl", name = "a b.jsonl" },
        { kind = "txt", path = "/x/line\nbreak.txt", name = "/x/line\nbreak.txt" },
        { kind = "jsonl", path = "/x/gone.jsonl", name = "gone.jsonl" },
        { kind = "jsonl", path = "/tmp/copy", name = "stdin" },
      }
      local plan = { chunk = 65536, sizes = { 123456789012, nil, false, 0 } }
      local path = os.tmpname()
      assert.truthy(corpus.write_plan(path, files, plan))
      local got, chunk, sizes = corpus.read_plan(path)
      assert.are.same(files, got)
      assert.are.equal(65536, chunk)
      assert.are.same({ 123456789012, 0, false, 0 }, sizes)
      -- a damaged plan is refused, not half read
      local f = assert(io.open(path, "ab")); f:write("input jsonl 5 99 1\nshort"); f:close()
      local none, msg = corpus.read_plan(path)
      assert.is_nil(none)
      assert.truthy(msg:find("malformed at byte", 1, true), msg)
      os.remove(path)
      -- and a run through such workers over names with spaces gives -j 1's output
      local dir = mkdir()
      os.execute(string.format("cp %s %s", q(fx("good.jsonl")), q(dir .. "/a b.jsonl")))
      os.execute(string.format("cp %s %s", q(fx("mixed.jsonl")), q(dir .. "/c\td.jsonl")))
      local out1, err1 = dyadic { "corpus", "-j", "1", "--keep-going", dir }
      local out2, err2 = dyadic({ "corpus", "-j", "2", "--keep-going", dir }, nil, { DYADIC_NO_FORK = "1" })
      assert.are.equal(out1, out2)
      assert.are.equal(without_time(err1), without_time(err2))
      assert.truthy(err1:find("6 documents analyzed", 1, true), err1)
      os.execute("rm -rf " .. q(dir))
    end)

    it("numbers records without an id and places skips by line when chunks cut the input finely", function()
      local lines = {}
      for i = 1, 40 do
        if i % 7 == 0 then lines[#lines + 1] = "{not json"
        elseif i % 5 == 0 then lines[#lines + 1] = ""
        else
          lines[#lines + 1] = string.format('{"date": "2026-03-%02d", "text": "Russia and China signed a gas deal %d. '
            .. 'The United States imposed sanctions on Iran."}', i % 28 + 1, i)
        end
      end
      local path = helpers.write_temp(table.concat(lines, "\n"), ".jsonl")
      -- a failing rule's warning names the document: ids of id-less records are file:line
      local rules = fx("../rules/failing.lua")
      local args = function(j) return { "corpus", "-j", j, "--keep-going", "--rules", rules, "-f", "jsonl", path } end
      local out1, err1, st1 = dyadic(args("1"))
      assert.are.equal(0, st1, err1)
      assert.truthy(err1:find(path .. ":7: malformed JSON", 1, true), err1)
      assert.truthy(err1:find(path .. ":14: malformed JSON", 1, true), err1)
      assert.truthy(err1:find(path .. ":1: warning: rule 'always-fails' failed on document '" .. path .. ":1'",
        1, true), err1)
      assert.truthy(err1:find(path .. ":13: warning: rule 'always-fails' failed on document '" .. path .. ":13'",
        1, true), err1)
      for _, env in ipairs { { DYADIC_CHUNK_BYTES = "50" }, { DYADIC_CHUNK_BYTES = "1" },
                             { DYADIC_CHUNK_BYTES = "50", DYADIC_NO_FORK = "1" } } do
        for _, j in ipairs { "1", "2", "3" } do
          local out, err, st = dyadic(args(j), nil, env)
          local what = "-j " .. j .. " chunk " .. env.DYADIC_CHUNK_BYTES .. (env.DYADIC_NO_FORK and " popen" or "")
          assert.are.equal(0, st, what .. ": " .. err)
          assert.is_true(out1 == out, what)
          assert.are.equal(without_time(err1), without_time(err), what)
        end
      end
      os.remove(path)
    end)

    it("analyzes a multi-megabyte JSON Lines record like the API does", function()
      local long = string.rep("Russia and China signed a gas deal. ", 90000)  -- about 3.2 MB: 4 blocks
      local recs = {
        { id = "long", date = "2026-02-03", text = long },
        { id = "short", date = "2026-02-04", text = "The United States imposed sanctions on Iran." },
      }
      local cjson = require "cjson"
      local lines = {}
      for i, r in ipairs(recs) do lines[i] = cjson.encode(r) end
      local path = helpers.write_temp(table.concat(lines, "\n") .. "\n", ".jsonl")
      local d = require "dyadic"
      local an = d.analyzer { lexicon = d.default_lexicon() }
      local agg = d.aggregate { by = "year" }
      for _, r in ipairs(recs) do agg:add(an:analyze(r.text, { id = r.id, date = r.date })) end
      local out, err, status = dyadic { "corpus", "-j", "1", "--by", "year", "-f", "csv", "--table", "dyads", path }
      os.remove(path)
      assert.are.equal(0, status, err)
      assert.truthy(err:find("^dyadic: 2 documents analyzed, 0 skipped"), err)
      assert.are.equal(require("dyadic.report").csv(agg, "dyads"), out)
    end)

    it("a worker writes its emit file in place (no temporary file to leave behind)", function()
      local dir = mkdir()
      local emit = dir .. "/emit"
      local f = assert(io.open(emit, "wb")); f:close()  -- as the parent's os.tmpname() does
      local function inode() return io.popen("ls -i " .. q(emit)):read("*a"):match("%d+") end
      local before = inode()
      local _, err, status = dyadic { "corpus", "--worker=0/1", "--emit=" .. emit, "--quiet", fx("good.jsonl") }
      assert.are.equal(0, status, err)
      assert.are.equal(before, inode())
      assert.are.equal("emit\n", io.popen("ls -A " .. q(dir)):read("*a"))
      local data = helpers.read(emit)
      assert.are.equal("dyadic-worker 2\n", data:sub(1, 16))
      assert.are.equal("\nend\n", data:sub(-5))
      os.execute("rm -rf " .. q(dir))
    end)

    it("-o errors name the output path, not a temporary file", function()
      local dir = mkdir()
      local _, err, status = dyadic { "corpus", "-j", "1", "-o", dir, fx("good.jsonl") }
      assert.are.equal(1, status)
      assert.truthy(err:find("dyadic: " .. dir .. ": Is a directory\n", 1, true), err)
      local missing = dir .. "/nodir/out.md"
      _, err, status = dyadic { "corpus", "-j", "1", "-o", missing, fx("good.jsonl") }
      assert.are.equal(1, status)
      assert.truthy(err:find("dyadic: " .. missing .. ": No such file or directory\n", 1, true), err)
      assert.falsy(err:find(".tmp.", 1, true), err)
      assert.are.equal("", io.popen("ls -A " .. q(dir)):read("*a"))
      os.execute("rm -rf " .. q(dir))
    end)

    it("says so and exits 1 when a directory holds no inputs (0 with --keep-going)", function()
      local dir = mkdir()
      local _, err, status = dyadic { "corpus", "-j", "1", dir }
      assert.are.equal(1, status)
      assert.truthy(err:find("dyadic: no *.jsonl or *.txt files under " .. dir .. "\n", 1, true), err)
      _, err, status = dyadic { "corpus", "-j", "2", "--keep-going", dir, fx("good.jsonl") }
      assert.are.equal(0, status, err)
      assert.truthy(err:find("no *.jsonl or *.txt files under " .. dir, 1, true), err)
      assert.truthy(err:find("4 documents analyzed", 1, true), err)
      os.execute("rm -rf " .. q(dir))
    end)

    it("rejects --table names the report does not have", function()
      local _, err, status = dyadic { "corpus", "-j", "1", "--table", "mentions", fx("good.jsonl") }
      assert.are.equal(2, status)
      assert.truthy(err:find("unknown table 'mentions' (dyads, series, actors)", 1, true), err)
      _, err, status = dyadic { "analyze", "-f", "csv", "--table", "bogus", fx("dir/sub/b.txt") }
      assert.are.equal(2, status)
      assert.truthy(err:find("unknown table 'bogus'", 1, true), err)
      _, err, status = dyadic { "lexicon", "check", "--format", "bogus", fx("good.jsonl") }
      assert.are.equal(2, status)
      assert.truthy(err:find("unknown lexicon format 'bogus'", 1, true), err)
    end)

    it("shares one date check and one file reader (dyadic.util)", function()
      local util = require "dyadic.util"
      local cli_util = require "dyadic.cli.util"
      local lutil = require "dyadic.lexicon.util"
      assert.are.equal(util.read_file, cli_util.read_file)
      for _, c in ipairs {
        { "2024-02-29", true, true }, { "2026-02-29", false, false }, { "2026-13-01", false, false },
        { "2026-04-31", false, false }, { "2026-01-05T10:00:00Z", false, true }, { "2026-01-05 09:30", false, true },
        { "2026-01-05x", false, false }, { "26-01-05", false, false },
      } do
        assert.are.equal(c[2], util.is_date(c[1]), c[1])
        assert.are.equal(c[3], util.is_date(c[1], true), c[1])
        assert.are.equal(c[3], cli_util.valid_date(c[1]), c[1])
      end
      assert.are.equal("2000-02-29", lutil.tabari_date("000229"))
      assert.is_nil(lutil.tabari_date("19000229"))
      assert.are.equal("2026-03-01", lutil.iso(lutil.day_number("2026-02-28") + 1))
      local ok, err = pcall(function()
        local d = require "dyadic"
        local doc = d.analyzer { lexicon = d.default_lexicon() }:analyze("Russia met China.",
          { id = "x", date = "2026-13-01" })
        return doc
      end)
      assert.is_false(ok)
      assert.truthy(err:find("document 'x': malformed date '2026-13-01'", 1, true), err)
      assert.are.equal(3, cli_util.utf8_check("ab\255c"))
      assert.is_nil(cli_util.utf8_check("abc"))
    end)
  end)
end)
