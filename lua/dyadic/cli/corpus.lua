--- dyadic.cli.corpus: `dyadic corpus`, records to one aggregate.
--
-- Records are numbered across all inputs in order (every non-blank JSON Lines line,
-- every .txt file, every unreadable input). With -j N, worker i takes the records
-- whose number % N == i, adds them to its own aggregate and writes it, serialized,
-- with its skips and warnings, to an emit FILE. On POSIX systems the workers are
-- forked (dyadic.core._fork) after the parent has built the analyzer, so they inherit
-- the lexicon and rules and start analyzing at once; the parent does share 0 itself.
-- Elsewhere (or with DYADIC_NO_FORK=1) the parent starts N worker processes with
-- io.popen: the same interpreter running bin/dyadic with the hidden --worker i/N
-- --emit FILE options. The parent merges the aggregates in worker order: aggregates
-- are exact integer sums, so the report is byte-identical to the one -j 1 makes.
local util = require "dyadic.cli.util"
local byte = string.byte

local M = {}

local json_decode
local json_null
local function get_json()
  if json_decode == nil then
    local ok, cjson = pcall(require, "cjson.safe")
    if ok then
      local inst = cjson.new and cjson.new() or cjson
      json_decode, json_null = inst.decode, inst.null
    else
      local dk = require "dkjson"  -- fallback: pure Lua
      json_null = dk.null
      json_decode = function(s)
        local v, pos, err = dk.decode(s, 1, dk.null)
        if err then return nil, string.format("%s (at character %s)", err, tostring(pos)) end
        return v
      end
    end
  end
  return json_decode
end

-- Expand the inputs into { {path=, name=, kind="jsonl"|"txt"} }: name is how messages
-- call the file ("stdin" for the copy of standard input). Also returns the list of
-- directories that hold no *.jsonl or *.txt file.
function M.expand(inputs, stdin_copy)
  local files, empty = {}, {}
  for _, path in ipairs(inputs) do
    if util.is_dir(path) then
      local listed = util.list_dir(path)
      if #listed == 0 then empty[#empty + 1] = path end
      for _, f in ipairs(listed) do
        files[#files + 1] = { path = f, name = f, kind = f:match("%.txt$") and "txt" or "jsonl" }
      end
    else
      local name = (path == stdin_copy) and "stdin" or path
      files[#files + 1] = { path = path, name = name, kind = path:match("%.txt$") and "txt" or "jsonl" }
    end
  end
  return files, empty
end

local function one_line(s)
  return (tostring(s):gsub("[\r\n\t]+", " "))
end

-- Call fn(buf, s, e, lineno) for every line of f, where buf:sub(s, e) is the line
-- without its "\n". Reads blocks and finds line ends with plain find: a worker pays
-- nothing but that scan for the lines of the other workers (no string per line).
-- Lines inside a block are passed as offsets into the block; a line that spans
-- blocks is kept as a list of pieces and concatenated once, when its end is found
-- (only the new block is ever searched, so a very long line costs linear time).
local BLOCK = 1048576
M.BLOCK = BLOCK
local function each_line(f, fn)
  local parts, lineno = {}, 0   -- the pieces of the line not yet ended
  local find = string.find
  while true do
    local chunk = f:read(BLOCK)
    if not chunk then
      if #parts > 0 then
        local line = table.concat(parts)
        fn(line, 1, #line, lineno + 1)
      end
      return
    end
    local pos = 1
    local nl = find(chunk, "\n", 1, true)
    if nl and #parts > 0 then
      parts[#parts + 1] = chunk:sub(1, nl - 1)
      local line = table.concat(parts)
      parts = {}
      lineno = lineno + 1
      fn(line, 1, #line, lineno)
      pos = nl + 1
      nl = find(chunk, "\n", pos, true)
    end
    while nl do
      lineno = lineno + 1
      fn(chunk, pos, nl - 1, lineno)
      pos = nl + 1
      nl = find(chunk, "\n", pos, true)
    end
    if pos <= #chunk then parts[#parts + 1] = chunk:sub(pos) end
  end
end
M.each_line = each_line

--- Process this share of the records (index % n == i).
-- Returns { agg=, docs=, bytes=, records=, skips={ {index, kind, where, message} },
--           warnings={ {index, where, message} } }.
-- progress(docs, bytes) is called after each record of the share when given.
function M.process(files, opts, an, share_i, share_n, progress)
  local dyadic = require "dyadic"
  local rule = require "dyadic.rule"
  local decode = get_json()
  local agg = dyadic.aggregate { by = opts.by or "month" }
  local res = { agg = agg, docs = 0, bytes = 0, records = 0, skips = {}, warnings = {} }
  local index = 0

  local function mine()
    local m = index % share_n == share_i
    index = index + 1
    return m
  end

  local function skip(idx, kind, where, message)
    res.skips[#res.skips + 1] = { idx, kind, where, one_line(message) }
    agg:skip(kind)
  end

  local function analyze(idx, where, text, meta)
    if type(text) ~= "string" then
      if text == nil or text == json_null then return skip(idx, "missing text", where, "missing text") end
      return skip(idx, "text not a string", where, "text not a string (" .. type(text) .. ")")
    end
    if not text:find("%S") then return skip(idx, "empty text", where, "empty text") end
    local bad = util.utf8_check(text)
    if bad then return skip(idx, "invalid UTF-8", where, "invalid UTF-8 in text at byte " .. bad) end
    local d = meta.date
    if d == json_null or d == "" then d = nil end
    if d ~= nil and not util.valid_date(d) then
      return skip(idx, "malformed date", where, "malformed date '" .. one_line(d) .. "'")
    end
    meta.date = d and d:sub(1, 10)
    local ok, doc = pcall(an.analyze, an, text, meta)
    if not ok then return skip(idx, "analysis error", where, "analysis error: " .. tostring(doc)) end
    agg:add(doc)
    res.docs = res.docs + 1
    for _, w in ipairs(rule.warnings(doc)) do
      res.warnings[#res.warnings + 1] = { idx, where, one_line(w) }
    end
  end

  for _, file in ipairs(files) do
    if file.kind == "txt" then
      local idx = index
      if mine() then
        res.records = res.records + 1
        local text, err = util.read_file(file.path)
        if not text then
          skip(idx, "unreadable file", file.name, "unreadable file: " .. tostring(err))
        else
          res.bytes = res.bytes + #text
          local id = file.path:match("([^/]+)%.txt$") or file.path
          analyze(idx, file.path, text, { id = id, date = opts.date })
        end
        if progress then progress(res.docs, res.bytes) end
      end
    else
      local f, err = io.open(file.path, "rb")
      if f then
        -- read(0): "" or nil at end of file; nil, message, code on an error (EISDIR...)
        local probe, rerr = f:read(0)
        if probe == nil and rerr ~= nil then f:close(); f = nil; err = file.path .. ": " .. tostring(rerr) end
      end
      if not f then
        local idx = index
        if mine() then
          res.records = res.records + 1
          skip(idx, "unreadable file", file.name, "unreadable file: " .. tostring(err))
        end
      else
        each_line(f, function(buf, ls, le, lineno)
          -- a blank line is not a record (the first byte settles almost every line: a
          -- worker pays this for the lines of the others too)
          local b = byte(buf, ls)
          if le < ls or b == 32 or (b >= 9 and b <= 13) then
            local first = buf:find("[^ \t\r\f\v]", ls)
            if not first or first > le then return end
          end
          local idx = index
          if not mine() then return end
          local line = buf:sub(ls, le)
          res.records = res.records + 1
          res.bytes = res.bytes + #line + 1
          local where = file.name .. ":" .. lineno
          local rec, jerr = decode(line)
          if rec == nil then
            skip(idx, "malformed JSON", where, "malformed JSON: " .. tostring(jerr))
          elseif type(rec) ~= "table" or rec[1] ~= nil then
            skip(idx, "not an object", where, "record is not a JSON object")
          else
            local id = rec.id
            if type(id) == "number" then id = string.format("%.17g", id) end
            if type(id) ~= "string" or id == "" then id = file.name .. ":" .. lineno end
            local title = rec.title
            if type(title) ~= "string" then title = nil end
            local date = rec.date
            if date ~= nil and date ~= json_null and type(date) ~= "string" then
              skip(idx, "malformed date", where, "malformed date (" .. type(date) .. ")")
            else
              analyze(idx, where, rec.text, { id = id, date = date, title = title })
            end
          end
          if progress then progress(res.docs, res.bytes) end
        end)
        f:close()
      end
    end
  end
  return res
end

local MAGIC = "dyadic-worker 1\n"

-- Serialize a worker's result to the emit file. Written in place, not through a
-- temporary file: the parent made the file (os.tmpname), removes it, and trusts it
-- only when it ends with the "\nend\n" trailer, so a worker that dies mid-write
-- leaves nothing behind and is reported as failed.
local function write_result(path, res)
  local out = { MAGIC, string.format("stats %d %d %d %.6f\n", res.docs, res.bytes, res.records, os.clock()) }
  for _, s in ipairs(res.skips) do
    out[#out + 1] = string.format("skip %d\t%s\t%s\t%s\n", s[1], s[2], one_line(s[3]), s[4])
  end
  for _, w in ipairs(res.warnings) do
    out[#out + 1] = string.format("warn %d\t%s\t%s\n", w[1], one_line(w[2]), w[3])
  end
  local blob = res.agg:serialize()
  out[#out + 1] = string.format("agg %d\n", #blob)
  out[#out + 1] = blob
  out[#out + 1] = "\nend\n"
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  local ok, werr = f:write(table.concat(out))
  if ok then ok, werr = f:close() else f:close() end
  if not ok then return nil, path .. ": " .. tostring(werr) end
  return true
end

local function read_result(path)
  local data = util.read_file(path)
  if not data or data:sub(1, #MAGIC) ~= MAGIC or data:sub(-5) ~= "\nend\n" then return nil end
  local res = { skips = {}, warnings = {} }
  local pos = #MAGIC + 1
  while true do
    local nl = data:find("\n", pos, true)
    if not nl then return nil end
    local line = data:sub(pos, nl - 1)
    pos = nl + 1
    local tag, rest = line:match("^(%a+) (.*)$")
    if tag == "stats" then
      local d, b, r, c = rest:match("^(%d+) (%d+) (%d+) ([%d%.]+)$")
      res.docs, res.bytes, res.records, res.cpu = tonumber(d), tonumber(b), tonumber(r), tonumber(c)
    elseif tag == "skip" then
      local i, kind, where, msg = rest:match("^(%d+)\t([^\t]*)\t([^\t]*)\t(.*)$")
      res.skips[#res.skips + 1] = { tonumber(i), kind, where, msg }
    elseif tag == "warn" then
      local i, where, msg = rest:match("^(%d+)\t([^\t]*)\t(.*)$")
      res.warnings[#res.warnings + 1] = { tonumber(i), where, msg }
    elseif tag == "agg" then
      local len = tonumber(rest)
      local blob = data:sub(pos, pos + len - 1)
      if #blob ~= len then return nil end
      res.blob = blob
      return res
    else
      return nil
    end
  end
end

-- Progress bar on stderr: documents, documents/s, MB/s, ETA from the bytes read.
local function progress_bar(total_bytes, t0)
  local last = -1
  return function(docs, bytes, final)
    if final then io.stderr:write("\r\027[K"); io.stderr:flush(); return end
    local now = os.time()
    if now == last and not final then return end
    last = now
    local elapsed = os.difftime(now, t0)
    local frac = total_bytes > 0 and math.min(bytes / total_bytes, 1) or 0
    local width = 24
    local fill = math.floor(frac * width + 0.5)
    local rate, mbs, eta = "", "", ""
    if elapsed >= 1 then
      rate = string.format("  %.0f docs/s", docs / elapsed)
      mbs = string.format("  %.1f MB/s", bytes / elapsed / 1e6)
      if frac > 0 and frac < 1 then eta = "  ETA " .. util.duration(elapsed * (1 - frac) / frac) end
    end
    io.stderr:write(string.format("\r[%s%s] %3d%%  %d docs%s%s%s\027[K", string.rep("#", fill),
      string.rep(".", width - fill), math.floor(frac * 100), docs, rate, mbs, eta))
    io.stderr:flush()
  end
end

local function total_size(files)
  local total = 0
  for _, f in ipairs(files) do
    local h = io.open(f.path, "rb")
    if h then total = total + (h:seek("end") or 0); h:close() end
  end
  return total
end

-- The interpreter and script running us: arg[lowest negative index], arg[0].
local function self_command(argv)
  local lo = 0
  while argv[lo - 1] ~= nil do lo = lo - 1 end
  if lo == 0 or not argv[0] then return nil end
  return util.quote(argv[lo]) .. " " .. util.quote(argv[0])
end

-- Arguments a worker needs to analyze like the parent.
local function worker_args(p)
  local o, a = p.opts, { "corpus" }
  for _, l in ipairs(o.lexicon) do a[#a + 1] = "--lexicon=" .. l end
  for _, r in ipairs(o.rules) do a[#a + 1] = "--rules=" .. r end
  if o.by then a[#a + 1] = "--by=" .. o.by end
  if o.date then a[#a + 1] = "--date=" .. o.date end
  if o.stdin_copy then a[#a + 1] = "--stdin-copy=" .. o.stdin_copy end
  a[#a + 1] = "--quiet"
  local q = {}
  for i, v in ipairs(a) do q[i] = util.quote(v) end
  q[#q + 1] = "--"
  for _, input in ipairs(p.args) do q[#q + 1] = util.quote(input) end
  return table.concat(q, " ")
end

-- Run N workers and collect their results in worker order; nil, message on failure.
local function run_workers(p, n, argv, bar)
  local self = self_command(argv)
  if not self then return nil, "cannot locate the dyadic script to start workers" end
  local common = worker_args(p)
  local workers = {}
  for i = 0, n - 1 do
    local emit = os.tmpname()
    local cmd = string.format("%s --worker=%d/%d --emit=%s%s %s", self, i, n, util.quote(emit),
      (i == 0 and bar) and " --progress" or "", common)
    local pipe = io.popen(cmd, "r")
    if not pipe then return nil, "cannot start worker " .. i end
    workers[#workers + 1] = { pipe = pipe, emit = emit }
  end
  local results, failed = {}, nil
  for i, w in ipairs(workers) do
    for line in w.pipe:lines() do
      local d, b = line:match("^progress (%d+) (%d+)$")
      if d and bar then bar(tonumber(d) * n, tonumber(b) * n) end
    end
    w.pipe:close()
    local res = read_result(w.emit)
    os.remove(w.emit)
    if not res then
      failed = failed or string.format("worker %d/%d failed (no complete result); nothing written", i - 1, n)
    end
    results[i] = res
  end
  if failed then return nil, failed end
  return results
end

-- dyadic.core when it can fork (POSIX), else nil: the caller then starts workers with
-- io.popen. DYADIC_NO_FORK=1 forces the io.popen path (the specs test both).
local function fork_core()
  local no = os.getenv("DYADIC_NO_FORK")
  if no and no ~= "" and no ~= "0" then return nil end
  local ok, core = pcall(require, "dyadic.core")
  if ok and core._has_fork and type(core._fork) == "function" then return core end
  return nil
end

local function describe_status(st, sig)
  if st == "signal" then return "killed by signal " .. tostring(sig) end
  if st == nil then return tostring(sig) end
  return "exit status " .. tostring(st)
end

-- Forked workers: the parent has built the analyzer (lexicon, rules) already; children
-- 1..n-1 inherit it copy-on-write, process their share, write their result to an emit
-- file (as an io.popen worker does) and end with _exit. The parent does share 0 itself
-- (drawing the progress bar, scaled by n), then reaps every child and removes every
-- emit file, whatever happened. Returns the results in worker order, and the parent's
-- CPU seconds for its share; nil, message when a worker failed.
local function run_forked(core, files, opts, an, n, bar)
  local children, failed = {}, nil
  io.stdout:flush()
  io.stderr:flush()
  for k = 1, n - 1 do
    local emit = os.tmpname()
    local pid, ferr = core._fork()
    if pid == 0 then
      -- the child: never returns into the parent's code
      local ok, err = pcall(function()
        local res = M.process(files, opts, an, k, n, nil)
        local wok, werr = write_result(emit, res)
        if not wok then error(werr, 0) end
      end)
      if not ok then
        pcall(io.stderr.write, io.stderr, string.format("dyadic: worker %d/%d: %s\n", k, n, tostring(err)))
      end
      pcall(io.stdout.flush, io.stdout)
      pcall(io.stderr.flush, io.stderr)
      core._exit(ok and 0 or 1)
    end
    if not pid then
      os.remove(emit)
      failed = string.format("cannot start worker %d/%d (%s); nothing written", k, n, tostring(ferr))
      break
    end
    children[#children + 1] = { pid = pid, emit = emit, k = k }
  end
  local results, own_cpu, own_err = {}, 0, nil
  if not failed then
    local c0 = os.clock()
    local progress = bar and function(docs, bytes) bar(docs * n, bytes * n) end
    local ok, res = pcall(M.process, files, opts, an, 0, n, progress)
    own_cpu = os.clock() - c0
    if ok then res.cpu = own_cpu; results[1] = res else own_err = res end
  end
  for _, c in ipairs(children) do
    local st, sig = core._waitpid(c.pid)
    local res = read_result(c.emit)
    os.remove(c.emit)
    if st ~= 0 or not res then
      failed = failed or string.format("worker %d/%d failed (%s%s); nothing written", c.k, n,
        describe_status(st, sig), res and "" or ", no complete result")
    end
    results[c.k + 1] = res
  end
  if own_err then error(own_err, 0) end
  if failed then return nil, failed end
  return results, own_cpu
end

local function by_index(a, b) return a[1] < b[1] end

local function run(p, fmt, cli)
  local opts = p.opts
  local dyadic = require "dyadic"
  if #p.args == 0 then cli.usage("corpus needs at least one FILE.jsonl or DIR") end
  local by = opts.by or "month"
  local periods = { day = true, week = true, month = true, year = true, all = true }
  if not periods[by] then cli.usage("unknown period '%s' (day, week, month, year or all)", by) end
  opts.by = by

  -- "-": standard input (JSON Lines), copied to a temporary file that workers can read
  if not opts.worker then
    for i, a in ipairs(p.args) do
      if a == "-" then
        if opts.stdin_copy then cli.usage("'-' (standard input) can be given once") end
        local copy = os.tmpname()
        local ok, err = util.write_atomic(copy, io.stdin:read("*a") or "")
        if not ok then cli.say("%s", err); return 1 end
        opts.stdin_copy, p.args[i] = copy, copy
      end
    end
  end
  local files, empty_dirs = M.expand(p.args, opts.stdin_copy)
  if not opts.worker then
    -- a directory without inputs is most likely a wrong path: say so, and fail at the
    -- end (like a skipped record) unless --keep-going
    for _, d in ipairs(empty_dirs) do cli.say("no *.jsonl or *.txt files under %s", d) end
  end

  if opts.worker then
    local wi, wn = opts.worker:match("^(%d+)/(%d+)$")
    wi, wn = tonumber(wi), tonumber(wn)
    if not wi or wn < 1 or wi >= wn or not opts.emit then cli.usage("bad --worker / --emit") end
    local an, err = cli.analyzer(opts)
    if not an then cli.say("%s", err); return 1 end
    local progress
    if opts.progress then
      local every = 0
      progress = function(docs, bytes)
        every = every + 1
        if every % 100 == 0 then io.stdout:write("progress ", docs, " ", bytes, "\n"); io.stdout:flush() end
      end
    end
    local res = M.process(files, opts, an, wi, wn, progress)
    local ok, werr = write_result(opts.emit, res)
    if not ok then cli.say("%s", werr); return 1 end
    return 0
  end

  local jobs
  if opts.jobs then jobs = tonumber(opts.jobs) else jobs = util.ncores() end
  if not jobs or jobs < 1 or jobs ~= math.floor(jobs) then
    cli.usage("-j needs a positive whole number, got '%s'", tostring(opts.jobs))
  end

  local t0 = util.now()
  local tty = util.isatty(2)
  local bar = tty and progress_bar(total_size(files), os.time()) or nil

  -- The analyzer: with -j 1 and forked workers to use it (children inherit it), with
  -- io.popen workers only to check --lexicon / --rules files before starting them (the
  -- default lexicon needs no check).
  local core = jobs > 1 and fork_core() or nil
  local an, err
  if jobs == 1 or core or #opts.lexicon > 0 or #opts.rules > 0 then
    an, err = cli.analyzer(opts)
    if not an then cli.say("%s", err); return 1 end
  end

  local timing = os.getenv("DYADIC_TIMING")
  local t_analysis = timing and util.now()
  local agg, results
  local own_cpu = 0  -- CPU seconds this process spent on a worker's share (forked runs)
  if jobs == 1 then
    local res = M.process(files, opts, an, 0, 1, bar)
    agg = res.agg
    results = { res }
  else
    if core then
      results, err = run_forked(core, files, opts, an, jobs, bar)
      if results then own_cpu = err; err = nil end
    else
      results, err = run_workers(p, jobs, p.argv or arg or {}, bar)
    end
    if not results then
      if bar then bar(0, 0, true) end
      cli.say("%s", err)
      return 1
    end
    for i, res in ipairs(results) do
      -- the share this process did itself (forked runs) is an aggregate already, and
      -- the first one is the base the others merge into (sums: the order is immaterial)
      local part, lerr = res.agg, nil
      if not part then part, lerr = dyadic.aggregate.load(res.blob) end
      if not part then
        cli.say("worker %d/%d: unreadable aggregate (%s); nothing written", i - 1, jobs, tostring(lerr))
        return 1
      end
      if agg then agg:merge(part) else agg = part end
    end
  end
  if bar then bar(0, 0, true) end

  local docs, skips, warnings = 0, {}, {}
  for _, res in ipairs(results) do
    docs = docs + res.docs
    for _, s in ipairs(res.skips) do skips[#skips + 1] = s end
    for _, w in ipairs(res.warnings) do warnings[#warnings + 1] = w end
  end
  table.sort(skips, by_index)
  -- warnings: by record, keeping each record's own order
  for i, w in ipairs(warnings) do w.seq = i end
  table.sort(warnings, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a.seq < b.seq
  end)

  local LIST = 20
  if not opts.quiet then
    for i = 1, math.min(#skips, LIST) do
      io.stderr:write(skips[i][3], ": ", skips[i][4], "\n")
    end
    if #skips > LIST then io.stderr:write("dyadic: ", #skips - LIST, " more skipped records\n") end
    for i = 1, math.min(#warnings, LIST) do
      io.stderr:write(warnings[i][2], ": warning: ", warnings[i][3], "\n")
    end
    if #warnings > LIST then io.stderr:write("dyadic: ", #warnings - LIST, " more rule warnings\n") end
  end

  local t_report = timing and util.now()
  local cpu_report = os.clock()
  local text = cli.render(agg, fmt, opts.table or (cli.FORMATS[fmt] == "csv" or cli.FORMATS[fmt] == "jsonl")
    and "series" or nil)
  local ok, werr = cli.output(text, opts.output)
  if timing then
    -- wall clock, and CPU seconds on the critical path: this process until the aggregate
    -- is ready, plus the slowest worker (an io.popen worker's CPU includes its own
    -- start-up; a forked run counts the share this process did as a worker, not twice)
    local t_end = util.now()
    local slowest = 0
    if jobs > 1 then
      for _, res in ipairs(results) do slowest = math.max(slowest, res.cpu or 0) end
    end
    local own = cpu_report - own_cpu
    io.stderr:write(string.format("dyadic: timing: wall start %.3f s, analysis %.3f s, report %.3f s; "
      .. "cpu to aggregate %.3f s (this process %.3f s + slowest worker %.3f s), report %.3f s\n",
      t_analysis - t0, t_report - t_analysis, t_end - t_report,
      own + slowest, own, slowest, os.clock() - cpu_report))
  end

  -- summary: "dyadic: 10051 documents analyzed, 3 skipped (2 malformed JSON, 1 empty text) in 4.2 s"
  local counts, kinds = {}, {}
  for _, s in ipairs(skips) do
    if not counts[s[2]] then counts[s[2]] = 0; kinds[#kinds + 1] = s[2] end
    counts[s[2]] = counts[s[2]] + 1
  end
  table.sort(kinds, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  local parts = {}
  for i, k in ipairs(kinds) do parts[i] = counts[k] .. " " .. k end
  local reasons = #parts > 0 and (" (" .. table.concat(parts, ", ") .. ")") or ""
  local warn = #warnings > 0 and string.format(", %d rule warning%s", #warnings, #warnings == 1 and "" or "s") or ""
  io.stderr:write(string.format("dyadic: %d documents analyzed, %d skipped%s%s in %.1f s\n",
    docs, #skips, reasons, warn, util.now() - t0))
  if not ok then cli.say("%s", werr); return 1 end
  if (#skips > 0 or #empty_dirs > 0) and not opts.keep_going then return 1 end
  return 0
end

--- `dyadic corpus` (also the hidden worker mode). Returns the exit status.
function M.run(p, fmt, cli)
  local ok, status = pcall(run, p, fmt, cli)
  if p.opts.stdin_copy and not p.opts.worker then os.remove(p.opts.stdin_copy) end
  if not ok then error(status, 0) end
  return status
end

return M
