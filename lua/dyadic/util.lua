--- dyadic.util: the small helpers the Lua layer shares (files and calendar dates), so
-- the analyzer, the dictionary loaders and the command line read files and check
-- dates one way. (The C core parses document dates itself: dy_parse_date.)
local M = {}

--- Read a whole file: its bytes, or nil, "path: reason" (a directory included).
function M.read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  -- one read of the known size, not a buffer doubled from 1 KiB (a pipe or a file that
  -- grew is then finished with "*a")
  local probe, perr = f:read(0)   -- a directory opens, but fails here (EISDIR)
  if probe == nil and perr then f:close(); return nil, path .. ": " .. tostring(perr) end
  local size = f:seek("end")
  local data, rerr
  if size and size > 0 and f:seek("set") then
    data, rerr = f:read(size)
    if data == nil and rerr == nil then data = "" end  -- it shrank to nothing meanwhile
    if data then
      local more = f:read("*a")
      if more and more ~= "" then data = data .. more end
    end
  else
    data, rerr = f:read("*a")
  end
  f:close()
  if not data then return nil, path .. ": " .. tostring(rerr) end
  return data
end

local MDAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

function M.is_leap(y)
  return y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)
end

--- Is (y, m, d) a day of the proleptic Gregorian calendar? (numbers)
function M.valid_ymd(y, m, d)
  if m < 1 or m > 12 or d < 1 then return false end
  if m == 2 and d == 29 then return M.is_leap(y) end
  return d <= MDAYS[m]
end

--- Is s an ISO date "YYYY-MM-DD" naming a real day? With allow_time, a time may
-- follow ("YYYY-MM-DDThh:mm..." or "YYYY-MM-DD hh:mm...").
function M.is_date(s, allow_time)
  if type(s) ~= "string" then return false end
  local y, m, d, rest = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
  if not y then return false end
  if rest ~= "" and not (allow_time and rest:match("^[T ]%d%d:%d%d")) then return false end
  return M.valid_ymd(tonumber(y), tonumber(m), tonumber(d))
end

--- Day number of a civil date (days since 1970-01-01; H. Hinnant's algorithm).
function M.days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

--- The civil date y, m, d of a day number.
function M.civil_from_days(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

return M
