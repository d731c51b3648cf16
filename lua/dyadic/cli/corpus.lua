--- dyadic.cli.corpus: `dyadic corpus`, records to one aggregate.
--
-- The inputs are planned first: each JSON Lines file cut into chunks of bytes, each
-- .txt file one unit (M.plan; the reasons are at the plan's code below). With -j N,
-- N processes take units until none is left, each adding its records to its own
-- aggregate, and write it (agg:dump) with its skips and warnings to an emit FILE.
-- On POSIX systems the workers are forked (dyadic.core._fork) after the parent has
-- built the analyzer, so they inherit the lexicon and rules and start analyzing at
-- once; the parent takes units too, and they all take the next free one from a counter
-- in shared memory (dyadic.core._counter). Elsewhere (or with DYADIC_NO_FORK=1) the
-- parent starts N worker processes with io.popen: the same interpreter running
-- bin/dyadic with the hidden --worker i/N --emit FILE --plan options, each taking every
-- N-th unit. The parent merges the aggregates: aggregates are exact integer sums, so
-- the report is byte-identical to the one -j 1 makes, whoever analyzed what.
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

-- ---------------------------------------------------------------- the work plan
--
-- Every JSON Lines input is cut into chunks of CHUNK bytes; a chunk holds the lines
-- that START inside it (the last one may run past its end: the chunk's reader follows
-- it, and the next chunk skips to its first line start). A .txt input is one unit. A
-- worker reads only the chunks it takes, so N workers read the corpus once between
-- them, not N times. Forked workers take the next chunk from a shared counter (a
-- worker on a busy core takes fewer); io.popen workers take every N-th.
--
-- Each record is numbered by where it starts: its file's base (the bytes of the inputs
-- before it, plus one per input so that empty and unreadable inputs get numbers of
-- their own) plus its byte offset. Sorting skips and warnings by it gives the input
-- order whatever worker read them. Line numbers are only needed for messages and for
-- the id of a record without one: a worker counts the newlines before a chunk the
-- first time it needs one there (never, on a clean corpus with ids).
local CHUNK = 65536
local BLOCK = 1048576
M.BLOCK = BLOCK
local find = string.find

-- Copy what the open handle f still holds to a new temporary file, in blocks (standard
-- input, a pipe: any size, never all in memory). Returns the copy's path and size, or
-- nil and a message (no file is left behind).
local function copy_to_temp(f)
  local copy = os.tmpname()
  local out, err = io.open(copy, "wb")
  if not out then os.remove(copy); return nil, tostring(err) end
  local total, ok = 0, true
  while true do
    local blk = f:read(BLOCK)
    if not blk then break end
    total = total + #blk
    ok, err = out:write(blk)
    if not ok then break end
  end
  if ok then ok, err = out:close() else out:close() end
  if not ok then os.remove(copy); return nil, copy .. ": " .. tostring(err) end
  return copy, total
end

-- Size of an input, or nil and the message it is unreadable with (a directory opens,
-- but read(0) fails with EISDIR). An input that cannot seek (a named pipe, `<(zcat
-- x.gz)`, /dev/stdin) is copied to a temporary file first, as `-` is: returns the size
-- and the copy's path, which the caller removes at the end.
local function input_size(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local probe, rerr = f:read(0)
  if probe == nil and rerr ~= nil then f:close(); return nil, path .. ": " .. tostring(rerr) end
  local size, serr = f:seek("end")
  if size then f:close(); return size end
  -- not seekable: copy what it holds (the same handle: read(0) may have buffered some)
  local copy, total = copy_to_temp(f)
  f:close()
  if not copy then return nil, path .. ": " .. tostring(serr) .. "; copying it: " .. tostring(total) end
  return total, copy
end

--- The plan: { units = { {file, first, last} or {file} }, bases = { per file },
-- skips = { {index, kind, where, message} } for unreadable inputs }. sizes: the sizes
-- the parent measured (io.popen workers are given them, so that every process cuts
-- the same chunks; false = unreadable); chunk: bytes per chunk (default CHUNK).
function M.plan(files, chunk, sizes)
  chunk = chunk or CHUNK
  local plan = { units = {}, bases = {}, skips = {}, sizes = {}, chunk = chunk, copies = {} }
  local units, base = plan.units, 0
  for fi, file in ipairs(files) do
    plan.bases[fi] = base
    local size = 0
    if file.kind == "txt" then
      units[#units + 1] = { fi }
    else
      local err
      if sizes then
        size = sizes[fi] or nil
      else
        local copy
        size, copy = input_size(file.path)
        if not size then err = copy elseif copy then
          file.path = copy
          plan.copies[#plan.copies + 1] = copy
        end
      end
      plan.sizes[fi] = size or false
      if not size then
        plan.skips[#plan.skips + 1] = { base, "unreadable file", file.name,
          "unreadable file: " .. one_line(err or "cannot be read") }
        size = 0
      end
      for first = 0, size - 1, chunk do
        units[#units + 1] = { fi, first, math.min(first + chunk, size) }
      end
    end
    base = base + size + 1
  end
  return plan
end

-- Call fn(buf, ls, le, pos, nth) for every line that starts in [first, last) of the
-- open file f: buf:sub(ls, le) is the line without its "\n", pos its offset in the
-- file, nth the number of lines of the chunk before it. Returns the span the chunk's
-- lines cover, [start, stop), and the number of newlines in it; nothing when the chunk
-- has no line.
local function each_line_in(f, first, last, fn)
  local from = first > 0 and first - 1 or 0   -- the byte before: is `first` a line start?
  f:seek("set", from)
  local buf = f:read(last - from)
  if not buf then return end
  local pos = 1
  if first > 0 then
    local nl = find(buf, "\n", 1, true)
    if not nl then return end   -- inside a line that began before: not ours
    pos = nl + 1
  end
  local start = from + pos - 1
  local limit, nth = math.min(last - from, #buf), 0
  while pos <= limit do
    local nl = find(buf, "\n", pos, true)
    if not nl then
      -- the last line runs past the chunk: follow it to its end (or the end of file), in
      -- reads that start small (lines are mostly short) and double up to BLOCK
      local parts, step, ended = { buf:sub(pos) }, 8192, false
      while true do
        local more = f:read(step)
        step = math.min(step * 2, BLOCK)
        if not more then break end
        local k = find(more, "\n", 1, true)
        if k then parts[#parts + 1] = more:sub(1, k - 1); ended = true; break end
        parts[#parts + 1] = more
      end
      local line = table.concat(parts)
      local at = from + pos - 1
      fn(line, 1, #line, at, nth)
      if ended then return start, at + #line + 1, nth + 1 end
      return start, at + #line, nth   -- the last line of the file, without its newline
    end
    fn(buf, pos, nl - 1, from + pos - 1, nth)
    nth = nth + 1
    pos = nl + 1
  end
  if nth > 0 then return start, from + pos - 1, nth end
end
M.each_line_in = each_line_in

-- Newline counter over the open file h. counter.lines_before(pos) = the number of "\n"
-- in [0, pos): reads forward from the last position asked (a worker's chunks come in
-- file order; it goes back to the start if asked about an earlier one) and puts h back
-- where it was, since the chunk being read goes on with it. counter.known(start, stop,
-- n): the span of a chunk this worker read, with its n newlines, so that counting
-- later skips it instead of reading it again (with -j 1 nothing is read twice).
local function newline_counter(h)
  local at, count = 0, 0
  local spans, next_span = {}, 1   -- known spans, in file order
  local counter = {}
  function counter.known(start, stop, n)
    if stop > at then spans[#spans + 1] = { start, stop, n } end
  end
  function counter.lines_before(pos)
    local back = h:seek()
    if pos < at then at, count, next_span = 0, 0, 1 end
    while at < pos do
      local span = spans[next_span]
      if span and span[2] <= at then
        next_span = next_span + 1                     -- behind us
      elseif span and span[1] <= at and span[2] <= pos then
        at, count = span[2], count + span[3]          -- read already: its count is known
        next_span = next_span + 1
      else
        -- a gap (another worker's chunks): read it, up to the next known span
        local to = (span and span[1] > at and span[1] < pos) and span[1] or pos
        h:seek("set", at)
        while at < to do
          local blk = h:read(math.min(to - at, BLOCK))
          if not blk then at = pos; break end
          at = at + #blk
          local i = find(blk, "\n", 1, true)
          while i do count = count + 1; i = find(blk, "\n", i + 1, true) end
        end
      end
    end
    at = pos
    h:seek("set", back)
    return count
  end
  return counter
end

--- Process the units that claim() returns (unit numbers, nil when there are none left).
-- Returns { agg=, docs=, bytes=, records=, skips={ {index, kind, where, message} },
--           warnings={ {index, where, message} } }.
-- progress(docs, bytes) is called after each record when given.
function M.process(files, plan, opts, an, claim, progress)
  local dyadic = require "dyadic"
  local rule = require "dyadic.rule"
  local decode = get_json()
  local agg = dyadic.aggregate { by = opts.by or "month" }
  local res = { agg = agg, docs = 0, bytes = 0, records = 0, skips = {}, warnings = {} }
  local units, bases = plan.units, plan.bases

  -- Where the current record is, for messages: "file:line" or the .txt path. The line
  -- number is worked out only when asked for: chunk_lines is the line number of the
  -- chunk's first line once known.
  local cur_file, lines, chunk_pos, chunk_lines, cur_nth, cur_txt
  local function line_number()
    if not chunk_lines then chunk_lines = lines.lines_before(chunk_pos) + 1 end
    return chunk_lines + cur_nth
  end
  local function where()
    if cur_txt then return cur_txt end
    return cur_file.name .. ":" .. line_number()
  end

  local function skip(idx, kind, message)
    res.skips[#res.skips + 1] = { idx, kind, where(), one_line(message) }
    agg:skip(kind)
  end

  local function analyze(idx, text, meta)
    if type(text) ~= "string" then
      if text == nil or text == json_null then return skip(idx, "missing text", "missing text") end
      return skip(idx, "text not a string", "text not a string (" .. type(text) .. ")")
    end
    if not text:find("%S") then return skip(idx, "empty text", "empty text") end
    local bad = util.utf8_check(text)
    if bad then return skip(idx, "invalid UTF-8", "invalid UTF-8 in text at byte " .. bad) end
    local d = meta.date
    if d == json_null or d == "" then d = nil end
    if d ~= nil and not util.valid_date(d) then
      return skip(idx, "malformed date", "malformed date '" .. one_line(d) .. "'")
    end
    meta.date = d and d:sub(1, 10)
    local ok, doc = pcall(an.analyze, an, text, meta)
    if not ok then return skip(idx, "analysis error", "analysis error: " .. tostring(doc)) end
    agg:add(doc)
    res.docs = res.docs + 1
    local ws = rule.warnings(doc)
    if #ws > 0 then
      local w_where = where()
      for _, w in ipairs(ws) do res.warnings[#res.warnings + 1] = { idx, w_where, one_line(w) } end
    end
  end

  local base
  local function record(buf, ls, le, pos, nth)
    -- a blank line is not a record (the first byte settles almost every line)
    local b = byte(buf, ls)
    if le < ls or b == 32 or (b >= 9 and b <= 13) then
      local first = buf:find("[^ \t\r\f\v]", ls)
      if not first or first > le then return end
    end
    cur_nth = nth
    local idx = base + pos
    local line = buf:sub(ls, le)
    res.records = res.records + 1
    res.bytes = res.bytes + #line + 1
    local rec, jerr = decode(line)
    if rec == nil then
      skip(idx, "malformed JSON", "malformed JSON: " .. tostring(jerr))
    elseif type(rec) ~= "table" or rec[1] ~= nil then
      skip(idx, "not an object", "record is not a JSON object")
    else
      local id = rec.id
      if type(id) == "number" then id = string.format("%.17g", id) end
      if type(id) ~= "string" or id == "" then id = cur_file.name .. ":" .. line_number() end
      local title = rec.title
      if type(title) ~= "string" then title = nil end
      local date = rec.date
      if date ~= nil and date ~= json_null and type(date) ~= "string" then
        skip(idx, "malformed date", "malformed date (" .. type(date) .. ")")
      else
        analyze(idx, rec.text, { id = id, date = date, title = title })
      end
    end
    if progress then progress(res.docs, res.bytes) end
  end

  -- one input open at a time: units come in input order, so a worker never goes back
  -- to a file it left (thousands of inputs must not hold thousands of descriptors)
  local open_fi, f
  local function close_current()
    if f then f:close() end
    open_fi, f = nil, nil
  end
  local ok, err = pcall(function()
    for u in claim do
      local unit = units[u]
      local fi = unit[1]
      local file = files[fi]
      base = bases[fi]
      if file.kind == "txt" then
        cur_txt = file.path
        res.records = res.records + 1
        local text, rerr = util.read_file(file.path)
        if not text then
          cur_txt = file.name
          skip(base, "unreadable file", "unreadable file: " .. tostring(rerr))
        else
          res.bytes = res.bytes + #text
          local id = file.path:match("([^/]+)%.txt$") or file.path
          analyze(base, text, { id = id, date = opts.date })
        end
        if progress then progress(res.docs, res.bytes) end
      else
        cur_txt = nil
        if open_fi ~= fi then
          close_current()
          local oerr
          f, oerr = io.open(file.path, "rb")
          if f then open_fi, lines = fi, newline_counter(f) end
          if not f then
            -- planned as readable, gone since (removed, permissions changed): this
            -- chunk's records are lost, so say which bytes
            cur_txt = file.name
            skip(base + unit[2], "unreadable file", string.format("unreadable file: %s (bytes %d-%d not read)",
              tostring(oerr), unit[2], unit[3] - 1))
          end
        end
        if f then
          cur_file, chunk_pos, chunk_lines = file, nil, nil
          -- the chunk's first line start, for line numbers: known once the chunk is read
          local start, stop, newlines = each_line_in(f, unit[2], unit[3], function(buf, ls, le, pos, nth)
            if nth == 0 then chunk_pos = pos end
            record(buf, ls, le, pos, nth)
          end)
          if start then lines.known(start, stop, newlines) end
        end
      end
    end
  end)
  close_current()
  if not ok then error(err, 0) end
  return res
end

-- Unit numbers 1..count: every n-th from i (all of them: i = 0, n = 1), or the next
-- one free in a counter shared by forked workers.
function M.claim_every(count, i, n)
  local u = i + 1 - n
  return function()
    u = u + n
    if u <= count then return u end
  end
end

function M.claim_shared(count, counter)
  return function()
    local u = counter:next() + 1
    if u <= count then return u end
  end
end

local MAGIC = "dyadic-worker 2\n"

-- A `where` (a file name: any bytes) in the tab-separated result lines: %XX escapes.
local function escape_field(s)
  return (s:gsub("[%%\t\r\n]", function(c) return string.format("%%%02X", c:byte()) end))
end
local function unescape_field(s)
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

-- Serialize a worker's result to the emit file. Written in place, not through a
-- temporary file: the parent made the file (os.tmpname), removes it, and trusts it
-- only when it ends with the "\nend\n" trailer, so a worker that dies mid-write
-- leaves nothing behind and is reported as failed.
local function write_result(path, res)
  local out = { MAGIC, string.format("stats %d %d %d %.6f\n", res.docs, res.bytes, res.records, os.clock()) }
  for _, s in ipairs(res.skips) do
    out[#out + 1] = string.format("skip %d\t%s\t%s\t%s\n", s[1], s[2], escape_field(s[3]), s[4])
  end
  for _, w in ipairs(res.warnings) do
    out[#out + 1] = string.format("warn %d\t%s\t%s\n", w[1], escape_field(w[2]), w[3])
  end
  -- the aggregate's arrays as they are (agg:dump): the parent is the same build on the
  -- same machine, so no sorted decimal text (serialize/load) is needed between them
  local blob = res.agg:dump()
  out[#out + 1] = string.format("dump %d\n", #blob)
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
      res.skips[#res.skips + 1] = { tonumber(i), kind, unescape_field(where), msg }
    elseif tag == "warn" then
      local i, where, msg = rest:match("^(%d+)\t([^\t]*)\t(.*)$")
      res.warnings[#res.warnings + 1] = { tonumber(i), unescape_field(where), msg }
    elseif tag == "dump" then
      local len = tonumber(rest)
      local blob = data:sub(pos, pos + len - 1)
      if #blob ~= len then return nil end
      res.dump = blob
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

-- Bytes of all inputs, for the progress bar: the sizes the plan measured, and the
-- .txt files' own.
local function total_size(files, plan)
  local total = 0
  for fi, f in ipairs(files) do
    local size = plan.sizes[fi]
    if size == nil then
      local h = io.open(f.path, "rb")
      if h then size = h:seek("end"); h:close() end
    end
    total = total + (size or 0)
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

-- Arguments a worker needs to analyze like the parent (and to cut the same chunks: the
-- input sizes the parent measured).
local function worker_args(p, plan_file)
  local o, a = p.opts, { "corpus" }
  a[#a + 1] = "--plan=" .. plan_file
  for _, l in ipairs(o.lexicon) do a[#a + 1] = "--lexicon=" .. l end
  for _, r in ipairs(o.rules) do a[#a + 1] = "--rules=" .. r end
  if o.by then a[#a + 1] = "--by=" .. o.by end
  if o.date then a[#a + 1] = "--date=" .. o.date end
  a[#a + 1] = "--quiet"
  -- no inputs: they are in the plan (a long list would not fit one `sh -c` argument)
  local q = {}
  for i, v in ipairs(a) do q[i] = util.quote(v) end
  return table.concat(q, " ")
end

-- The plan as io.popen workers read it (--plan FILE): the chunk size, then each input's
-- kind, size ("x": unreadable), path and name (length-prefixed: any bytes). A file,
-- not arguments: a directory of 100,000 inputs would not fit on a command line.
local PLAN_MAGIC = "dyadic-plan 1\n"

local function write_plan(path, files, plan)
  local out = { PLAN_MAGIC, string.format("chunk %d\n", plan.chunk) }
  for fi, file in ipairs(files) do
    local size = plan.sizes[fi]
    out[#out + 1] = string.format("input %s %s %d %d\n%s%s\n", file.kind, size == false and "x" or
      string.format("%d", size or 0), #file.path, #file.name, file.path, file.name)
  end
  return util.write_atomic(path, table.concat(out))
end

-- files, chunk, sizes from a plan file; nil, message when it is not one.
local function read_plan(path)
  local data, err = util.read_file(path)
  if not data then return nil, err end
  if data:sub(1, #PLAN_MAGIC) ~= PLAN_MAGIC then return nil, path .. ": not a plan" end
  local chunk, pos = data:match("^chunk (%d+)\n()", #PLAN_MAGIC + 1)
  if not chunk then return nil, path .. ": no chunk size" end
  local files, sizes = {}, {}
  while pos <= #data do
    local kind, size, lp, ln, at = data:match("^input (%a+) (%w+) (%d+) (%d+)\n()", pos)
    if not kind then return nil, path .. ": malformed at byte " .. pos end
    lp, ln = tonumber(lp), tonumber(ln)
    local fpath, name = data:sub(at, at + lp - 1), data:sub(at + lp, at + lp + ln - 1)
    if #name ~= ln or data:sub(at + lp + ln, at + lp + ln) ~= "\n" then
      return nil, path .. ": malformed at byte " .. at
    end
    files[#files + 1] = { kind = kind, path = fpath, name = name }
    sizes[#files] = tonumber(size) or false
    pos = at + lp + ln + 1
  end
  return files, tonumber(chunk), sizes
end
M.write_plan, M.read_plan = write_plan, read_plan

-- Run N workers and collect their results in worker order; nil, message on failure.
-- Every worker started is waited for, and every emit file and the plan file removed,
-- whatever happened.
local function run_workers(p, files, plan, n, argv, bar)
  local self = self_command(argv)
  if not self then return nil, "cannot locate the dyadic script to start workers" end
  local plan_file = os.tmpname()
  local pok, perr = write_plan(plan_file, files, plan)
  if not pok then os.remove(plan_file); return nil, "cannot write the workers' plan: " .. tostring(perr) end
  local common = worker_args(p, plan_file)
  local workers, failed = {}, nil
  for i = 0, n - 1 do
    local emit = os.tmpname()
    local cmd = string.format("%s --worker=%d/%d --emit=%s%s %s", self, i, n, util.quote(emit),
      (i == 0 and bar) and " --progress" or "", common)
    local pipe = io.popen(cmd, "r")
    if not pipe then
      os.remove(emit)
      failed = string.format("cannot start worker %d/%d; nothing written", i, n)
      break
    end
    workers[#workers + 1] = { pipe = pipe, emit = emit }
  end
  local results = {}
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
  os.remove(plan_file)
  if failed then return nil, failed end
  return results
end

-- dyadic.core when it can fork (POSIX), else nil: the caller then starts workers with
-- io.popen. DYADIC_NO_FORK=1 forces the io.popen path (the specs test both).
local function fork_core()
  if util.env_flag("DYADIC_NO_FORK") then return nil end
  local core = util.process_core()
  if core and core._has_fork and type(core._fork) == "function" then return core end
  return nil
end

local function describe_status(st, sig)
  if st == "signal" then return "killed by signal " .. tostring(sig) end
  if st == nil then return tostring(sig) end
  return "exit status " .. tostring(st)
end

-- Forked workers: the parent has built the analyzer (lexicon, rules) already; children
-- 1..n-1 inherit it copy-on-write, take chunks until none is left, write their result
-- to an emit file (as an io.popen worker does) and end with _exit. The parent takes
-- chunks too (drawing the progress bar, scaled by n), then reaps every child and
-- removes every emit file, whatever happened. Chunks are taken from a counter in shared
-- memory, or dealt out in turn where there is none. Returns the results in worker
-- order, and the parent's CPU seconds for its share; nil, message when a worker failed.
local function run_forked(core, files, plan, opts, an, n, bar)
  local count = #plan.units
  -- DYADIC_NO_SHARED_COUNTER=1: deal out in turn, as where there is no shared counter
  local shared = not util.env_flag("DYADIC_NO_SHARED_COUNTER") and core._counter and core._counter() or nil
  local function claim(k)
    if shared then return M.claim_shared(count, shared) end
    return M.claim_every(count, k, n)
  end
  local children, failed = {}, nil
  io.stdout:flush()
  io.stderr:flush()
  for k = 1, n - 1 do
    local emit = os.tmpname()
    local pid, ferr = core._fork()
    if pid == 0 then
      -- the child: never returns into the parent's code
      local ok, err = pcall(function()
        local res = M.process(files, plan, opts, an, claim(k), nil)
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
    local ok, res = pcall(M.process, files, plan, opts, an, claim(0), progress)
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
  if #p.args == 0 and not (opts.worker and opts.plan) then
    cli.usage("corpus needs at least one FILE.jsonl or DIR")
  end
  local by = opts.by or "month"
  local periods = { day = true, week = true, month = true, year = true, all = true }
  if not periods[by] then cli.usage("unknown period '%s' (day, week, month, year or all)", by) end
  opts.by = by

  -- "-": standard input (JSON Lines), copied to a temporary file that workers can read
  if not opts.worker then
    for i, a in ipairs(p.args) do
      if a == "-" then
        if opts.stdin_copy then cli.usage("'-' (standard input) can be given once") end
        local copy, err = copy_to_temp(io.stdin)
        if not copy then cli.say("standard input: %s", err); return 1 end
        opts.stdin_copy, p.args[i] = copy, copy
      end
    end
  end
  -- (an io.popen worker takes the inputs from the parent's plan instead)
  local files, empty_dirs = {}, {}
  if not (opts.worker and opts.plan) then files, empty_dirs = M.expand(p.args, opts.stdin_copy) end
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
    -- the parent's plan (without --plan, as when started by hand: its own, with the
    -- default chunks)
    local plan
    if opts.plan then
      local pfiles, chunk, sizes = read_plan(opts.plan)
      if not pfiles then cli.say("%s", chunk); return 1 end
      if chunk < 1 then cli.usage("bad --plan") end
      files = pfiles
      plan = M.plan(files, chunk, sizes)
    else
      plan = M.plan(files)
      opts.copies = plan.copies
    end
    local res = M.process(files, plan, opts, an, M.claim_every(#plan.units, wi, wn), progress)
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
  -- chunks: small enough that N workers finish within a chunk's time of each other; one
  -- process reads in blocks of BLOCK. DYADIC_CHUNK_BYTES: a test's tiny chunks.
  local chunk = tonumber(os.getenv("DYADIC_CHUNK_BYTES") or "") or (jobs == 1 and BLOCK or CHUNK)
  if chunk < 1 or chunk > 2 ^ 40 or chunk ~= math.floor(chunk) then
    cli.usage("DYADIC_CHUNK_BYTES must be a whole number from 1 to 2^40")
  end
  local plan = M.plan(files, chunk)
  opts.copies = plan.copies  -- copies of inputs that could not seek: removed at the end
  local tty = util.isatty(2)
  local bar = tty and progress_bar(total_size(files, plan), os.time()) or nil

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
    local res = M.process(files, plan, opts, an, M.claim_every(#plan.units, 0, 1), bar)
    agg = res.agg
    results = { res }
  else
    if core then
      results, err = run_forked(core, files, plan, opts, an, jobs, bar)
      if results then own_cpu = err; err = nil end
    else
      results, err = run_workers(p, files, plan, jobs, p.argv or arg or {}, bar)
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
      if not part then part, lerr = dyadic.aggregate.undump(res.dump) end
      if not part then
        cli.say("worker %d/%d: unreadable aggregate (%s); nothing written", i - 1, jobs, tostring(lerr))
        return 1
      end
      if agg then agg:merge(part) else agg = part end
    end
  end
  if bar then bar(0, 0, true) end
  -- inputs found unreadable when planning: skipped records no worker saw
  local docs, skips, warnings = 0, {}, {}
  for _, s in ipairs(plan.skips) do
    agg:skip(s[2])
    skips[#skips + 1] = s
  end
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
      for i, res in ipairs(results) do
        slowest = math.max(slowest, res.cpu or 0)
        -- each worker's share: how evenly the chunks were taken
        io.stderr:write(string.format("dyadic: timing: worker %d/%d: cpu %.3f s, %d documents, %d bytes\n",
          i - 1, jobs, res.cpu or 0, res.docs, res.bytes))
      end
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
  for _, copy in ipairs(p.opts.copies or {}) do os.remove(copy) end
  if not ok then error(status, 0) end
  return status
end

return M
