--- dyadic.cli.util: the small operating-system helpers of the command line, in plain
-- Lua (5.1 to 5.4, LuaJIT) plus POSIX shell commands where Lua has no primitive
-- (process id, wall clock, terminal test, directory listing, core count).
local shared = require "dyadic.util"

local M = {}

--- Quote s for /bin/sh.
function M.quote(s)
  return "'" .. (tostring(s):gsub("'", "'\\''")) .. "'"
end

-- os.execute returns true/false (5.2+) or a status number (5.1).
local function succeeded(a, _, c)
  if type(a) == "number" then return a == 0 end
  return a == true and (c == nil or c == 0)
end

local function command_output(cmd)
  local p = io.popen(cmd)
  if not p then return nil end
  local out = p:read("*a")
  p:close()
  return out
end

local pid_cache
--- The process id of this interpreter (the parent of the shell io.popen starts).
function M.pid()
  if not pid_cache then
    local out = command_output("echo $PPID")
    pid_cache = out and out:match("%d+") or tostring(os.time())
  end
  return pid_cache
end

--- Wall-clock seconds (sub-second resolution when `date +%N` has it).
function M.now()
  local out = command_output("date +%s.%N 2>/dev/null")
  local t = out and tonumber(out:match("^[%d%.]+"))
  return t or os.time()
end

-- The C core's POSIX helpers when present (no shell started), else nil.
local function process_core()
  local ok, core = pcall(require, "dyadic.core")
  if ok and type(core) == "table" and type(core._isatty) == "function" then return core end
  return nil
end
M.process_core = process_core

--- Is the environment variable set to something other than "" or "0"? (the DYADIC_NO_*
-- switches the specs and the bench use)
function M.env_flag(name)
  local v = os.getenv(name)
  return v ~= nil and v ~= "" and v ~= "0"
end

--- Is file descriptor fd a terminal? (isatty through the C core, else `test -t`; run once
-- by the caller)
function M.isatty(fd)
  local core = process_core()
  if core then
    local yes = core._isatty(fd)
    if yes ~= nil then return yes end
  end
  return succeeded(os.execute("test -t " .. tostring(fd)))
end

--- Number of cores this process may use (the C core: the affinity mask, as nproc counts;
-- else nproc, else /proc/cpuinfo, else 1).
function M.ncores()
  local core = process_core()
  local c = core and core._ncores()
  if c and c > 0 then return c end
  local out = command_output("nproc 2>/dev/null")
  local n = out and tonumber(out:match("%d+"))
  if n and n > 0 then return n end
  local f = io.open("/proc/cpuinfo", "r")
  n = 0
  if f then
    for line in f:lines() do
      if line:match("^processor%s*:") then n = n + 1 end
    end
    f:close()
  end
  return n > 0 and n or 1
end

--- Read a whole file; nil, "path: reason" on failure (directories included).
M.read_file = shared.read_file

--- Is path a directory? (io.open succeeds on one on POSIX, reading fails with EISDIR)
function M.is_dir(path)
  -- path/. opens only when path is a directory: a named pipe is never opened here (that
  -- would wait for a writer, and read(0) would swallow the first buffer of its data)
  local f = io.open(path .. "/.", "rb")
  if not f then return false end
  local ok, _, code = f:read(0)
  f:close()
  return ok == nil and code == 21
end

--- Every *.jsonl and *.txt file under dir, sorted bytewise.
function M.list_dir(dir)
  local out = command_output("find " .. M.quote(dir) ..
    " -type f \\( -name '*.jsonl' -o -name '*.txt' \\) 2>/dev/null | LC_ALL=C sort")
  local files = {}
  for line in (out or ""):gmatch("[^\n]+") do files[#files + 1] = line end
  return files
end

-- The reason of an io/os error message, without the "file: " prefix Lua adds.
local function reason(err, file)
  err = tostring(err)
  if err:sub(1, #file + 2) == file .. ": " then return err:sub(#file + 3) end
  return err
end

--- Write text to path atomically: path.tmp.PID, then rename over path. Errors name
-- path ("out/report.md: No such file or directory"), never the temporary file.
function M.write_atomic(path, text)
  local tmp = path .. ".tmp." .. M.pid()
  local f, err = io.open(tmp, "wb")
  if not f then return nil, path .. ": " .. reason(err, tmp) end
  local ok, werr = f:write(text)
  if ok then ok, werr = f:close() else f:close() end
  if not ok then os.remove(tmp); return nil, path .. ": " .. reason(werr, tmp) end
  local rok, rerr = os.rename(tmp, path)
  if not rok then os.remove(tmp); return nil, path .. ": " .. reason(rerr, tmp) end
  return true
end

--- Is d an ISO date YYYY-MM-DD (optionally followed by a time "T..." or " ...")?
function M.valid_date(d)
  return shared.is_date(d, true)
end

-- Lua check: byte offset (1-based) of the first invalid UTF-8 sequence, or nil.
local function utf8_check_lua(s)
  local i, n = 1, #s
  local find, byte = string.find, string.byte
  while true do
    i = find(s, "[\128-\255]", i)
    if not i then return nil end
    local c = byte(s, i)
    local len
    local lo, hi = 128, 191
    if c >= 194 and c <= 223 then len = 1
    elseif c == 224 then len, lo = 2, 160
    elseif c >= 225 and c <= 236 or c == 238 or c == 239 then len = 2
    elseif c == 237 then len, hi = 2, 159
    elseif c == 240 then len, lo = 3, 144
    elseif c >= 241 and c <= 243 then len = 3
    elseif c == 244 then len, hi = 3, 143
    else return i end
    if i + len > n then return i end
    for k = 1, len do
      local b = byte(s, i + k)
      if b < lo or b > hi then return i end
      lo, hi = 128, 191
    end
    i = i + len + 1
  end
end
M.utf8_check_lua = utf8_check_lua

local core_check
--- Byte offset of the first invalid UTF-8 sequence in s, or nil when s is valid.
-- Uses dyadic.core.utf8_check (true, or false and the offset) when the C core has it.
function M.utf8_check(s)
  if core_check == nil then
    local ok, core = pcall(require, "dyadic.core")
    core_check = ok and type(core.utf8_check) == "function" and core.utf8_check or false
  end
  if core_check then
    local valid, at = core_check(s)
    if valid then return nil end
    return at
  end
  return utf8_check_lua(s)
end

--- "1:05" style duration.
function M.duration(sec)
  sec = math.floor(sec + 0.5)
  if sec >= 3600 then
    return string.format("%d:%02d:%02d", math.floor(sec / 3600), math.floor(sec / 60) % 60, sec % 60)
  end
  return string.format("%d:%02d", math.floor(sec / 60), sec % 60)
end

return M
