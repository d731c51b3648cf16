-- Host test for the Neovim plugin, run by spec/hosts/nvim.sh inside
--   nvim --headless --clean -u NONE --cmd "set rtp^=<repo>" -c "luafile spec/hosts/nvim/test.lua"
-- Environment: DYADIC_ROOT (the repository), DYADIC_TMP (a scratch directory), DYADIC_MODE:
--   "full"      the whole plugin on a copy of spec/fixtures/nvim/brief.txt
--   "not-built" the repository without build/: the commands must say how to build, not crash
-- Exits with :cquit (status 1) and the failure on stderr when anything is wrong.
-- luacheck: globals vim
local api = vim.api
local root = assert(os.getenv("DYADIC_ROOT"), "DYADIC_ROOT not set")
local tmp = assert(os.getenv("DYADIC_TMP"), "DYADIC_TMP not set")
local mode = os.getenv("DYADIC_MODE") or "full"

local checks = 0
local function check(cond, fmt, ...)
  checks = checks + 1
  if not cond then error(string.format(fmt, ...), 2) end
end
local function eq(got, want, what)
  check(got == want, "%s: expected %s, got %s", what, vim.inspect(want), vim.inspect(got))
end

-- what vim.notify was asked to show
local notes = {}
vim.notify = function(msg, level) notes[#notes + 1] = { msg = msg, level = level } end

local function marks(buf)
  local out = {}
  local ns = api.nvim_get_namespaces().dyadic
  if not ns then return out end
  for _, m in ipairs(api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
    local d = m[4]
    out[#out + 1] = { row = m[2], col = m[3], end_row = d.end_row, end_col = d.end_col, group = d.hl_group }
  end
  return out
end

local function floats()
  local out = {}
  for _, w in ipairs(api.nvim_list_wins()) do
    if api.nvim_win_get_config(w).relative ~= "" then out[#out + 1] = w end
  end
  return out
end

-- 0-based (row, col) of the n-th occurrence of `word` in the fixture lines, found here by plain
-- string search (independently of the plugin's offset arithmetic)
local function where(lines, word, n)
  n = n or 1
  for row, line in ipairs(lines) do
    local init = 1
    while true do
      local s, e = line:find(word, init, true)
      if not s then break end
      n = n - 1
      if n == 0 then return row - 1, s - 1, e end
      init = e + 1
    end
  end
  error("fixture has no '" .. word .. "'")
end

local function test_not_built()
  vim.cmd("runtime! plugin/dyadic.lua")
  eq(vim.fn.exists(":DyadicHighlight"), 2, ":DyadicHighlight defined")
  api.nvim_buf_set_lines(0, 0, -1, false, { "Japan praised Australia." })
  local ok, err = pcall(vim.cmd, "DyadicHighlight")
  check(ok, ":DyadicHighlight raised instead of notifying: %s", tostring(err))
  check(#notes >= 1, "no notification when the C module is missing")
  local want = "dyadic: the C module is not built; run `make` in " .. root
  check(notes[1].msg:sub(1, #want) == want, "message %q does not start with %q", notes[1].msg, want)
  eq(notes[1].level, vim.log.levels.ERROR, "notification level")
  ok, err = pcall(vim.cmd, "DyadicSummary")
  check(ok, ":DyadicSummary raised: %s", tostring(err))
  eq(#floats(), 0, "floats opened without the C module")
  return "not-built message shown"
end

local function test_full()
  local file = tmp .. "/brief.txt"
  vim.cmd("runtime! plugin/dyadic.lua")
  for _, c in ipairs{ "DyadicHighlight", "DyadicClear", "DyadicSummary" } do
    eq(vim.fn.exists(":" .. c), 2, ":" .. c .. " defined")
  end
  require("dyadic.nvim").setup{ date = "2026-11-28" }
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = api.nvim_get_current_buf()
  local lines = api.nvim_buf_get_lines(buf, 0, -1, false)

  -- :DyadicHighlight --------------------------------------------------------------------------
  vim.cmd("DyadicHighlight")
  eq(#notes, 0, "notifications during :DyadicHighlight (" .. vim.inspect(notes) .. ")")
  -- the C module came from the repository's own build, found by the plugin itself
  local so = package.searchpath("dyadic.core", package.cpath) -- luacheck: ignore 143 (LuaJIT has it)
  eq(so, root .. "/build/luajit/dyadic/core.so", "dyadic.core location")
  for _, g in ipairs{ "DyadicState", "DyadicLeader", "DyadicCapital", "DyadicIgo", "DyadicRegion", "DyadicGroup",
                      "DyadicCoop", "DyadicConflict", "DyadicDependency", "DyadicHedge" } do
    eq(vim.fn.hlexists(g), 1, "highlight group " .. g)
  end
  local ms = marks(buf)
  -- 10 actor mentions (Japan x3, Australia x2, Tokyo x2, North Korea, Seoul, Anthony Albanese) and
  -- 7 cues of the highlighted categories (signed, agreement, relies on, threatened, condemned,
  -- praised, may); the coordination cues ("and") are not highlighted
  eq(#ms, 17, "number of extmarks")
  local by_pos = {}
  for _, m in ipairs(ms) do by_pos[m.row .. ":" .. m.col] = m end
  local function expect(word, n, group, len)
    local row, col, e = where(lines, word, n)
    local m = by_pos[row .. ":" .. col]
    check(m ~= nil, "no mark on '%s' #%d at %d:%d", word, n, row, col)
    eq(m.group, group, "group of '" .. word .. "'")
    if len then
      eq(m.end_row, row, "end row of '" .. word .. "'")
      eq(m.end_col, col + len, "end col of '" .. word .. "'")
    else
      eq(m.end_row, row, "end row of '" .. word .. "'")
      eq(m.end_col, e, "end col of '" .. word .. "'")
    end
  end
  expect("Japan", 1, "DyadicState")
  expect("Japan", 2, "DyadicState")
  expect("Japan", 3, "DyadicState")
  expect("Australia", 2, "DyadicState")
  expect("Tokyo", 1, "DyadicCapital")
  expect("Tokyo", 2, "DyadicCapital")
  expect("North Korea", 1, "DyadicState")
  expect("Seoul", 1, "DyadicCapital")
  expect("signed", 1, "DyadicCoop")
  expect("relies on", 1, "DyadicDependency")
  expect("threatened", 1, "DyadicConflict")
  expect("condemned", 1, "DyadicConflict")
  expect("may", 1, "DyadicHedge")
  -- a leader's name broken across two lines: one mark from "Anthony" to the end of "Albanese"
  local arow, acol = where(lines, "Anthony", 1)
  local m = by_pos[arow .. ":" .. acol]
  check(m ~= nil, "no mark on 'Anthony Albanese'")
  eq(m.group, "DyadicLeader", "group of 'Anthony Albanese'")
  local brow, _, bend = where(lines, "Albanese", 1)
  eq(m.end_row, brow, "end row of 'Anthony Albanese'")
  eq(m.end_col, bend, "end col of 'Anthony Albanese'")
  check(brow == arow + 1, "fixture: Albanese should be on the line after Anthony")
  -- no mark on a coordination cue
  local _, andcol = where(lines, " and ", 1)
  check(by_pos[(where(lines, " and ", 1)) .. ":" .. (andcol + 1)] == nil, "'and' should not be marked")

  -- running it again replaces the marks instead of adding to them
  vim.cmd("DyadicHighlight")
  eq(#marks(buf), 17, "extmarks after a second :DyadicHighlight")

  -- BufWritePost updates them: add a sentence and write
  api.nvim_buf_set_lines(buf, -1, -1, false, { "Canada criticized China over the tariffs." })
  eq(#marks(buf), 17, "marks before the write")
  vim.cmd("silent write")
  ms = marks(buf)
  eq(#ms, 20, "extmarks after :write (Canada, China, criticized added)")
  local last = api.nvim_buf_line_count(buf) - 1
  local groups = {}
  for _, x in ipairs(ms) do if x.row == last then groups[#groups + 1] = x.col .. x.group end end
  table.sort(groups)
  eq(table.concat(groups, " "), "0DyadicState 18DyadicState 7DyadicConflict", "marks on the new line")

  -- :DyadicSummary --------------------------------------------------------------------------
  local source_win = api.nvim_get_current_win()
  vim.cmd("DyadicSummary")
  local fl = floats()
  eq(#fl, 1, "floating windows after :DyadicSummary")
  local fwin = fl[1]
  eq(api.nvim_get_current_win(), fwin, "focus in the summary float")
  local flines = api.nvim_buf_get_lines(api.nvim_win_get_buf(fwin), 0, -1, false)
  local text = table.concat(flines, "\n")
  local function find_line(pat)
    for i, l in ipairs(flines) do if l:find(pat) then return i end end
    error("summary has no line matching '" .. pat .. "':\n" .. text)
  end
  eq(flines[1], "dyadic: 6 actors, 10 dyads", "summary header")
  find_line("^  JPN%s+5%s+5%.00$")
  find_line("^  AUS%s+3%s+3%.00$")
  local jpn_aus = find_line("^  JPN %-> AUS  net %+4%.00  asym %+1%.00  n 3  .*energy 1")
  local prk_jpn = find_line("^  PRK %-> JPN  net %-2%.20  asym %-  n 1")
  find_line("^  AUS %-> JPN  net %+4%.00  asym %-1%.00  n 3")
  find_line("^  CAN %-> CHN  net %-")

  -- <CR> on the PRK -> JPN line: one evidence entry, at "threatened"
  api.nvim_win_set_cursor(fwin, { prk_jpn, 0 })
  api.nvim_feedkeys(api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  eq(#floats(), 0, "float closed after <CR>")
  eq(api.nvim_get_current_win(), source_win, "back in the text window")
  local qf = vim.fn.getqflist()
  eq(#qf, 1, "quickfix entries for PRK -> JPN")
  local trow, tcol = where(lines, "threatened", 1)
  eq(qf[1].bufnr, buf, "quickfix buffer")
  eq(vim.fn.fnamemodify(vim.fn.bufname(qf[1].bufnr), ":p"), vim.fn.fnamemodify(file, ":p"), "quickfix file")
  eq(qf[1].lnum, trow + 1, "quickfix line")
  eq(qf[1].col, tcol + 1, "quickfix column")
  check(qf[1].text:find("conflict +1", 1, true) and qf[1].text:find("North Korea threatened Japan", 1, true),
    "quickfix text: %s", qf[1].text)
  local cur = api.nvim_win_get_cursor(0)
  eq(cur[1], trow + 1, "cursor row after the jump")
  eq(cur[2], tcol, "cursor col after the jump")
  eq(vim.fn.getqflist({ title = 1 }).title, "dyadic evidence PRK -> JPN", "quickfix title")

  -- <CR> on JPN -> AUS: three entries (two cues of the first sentence, "relies on" in the second)
  vim.cmd("DyadicSummary")
  fwin = floats()[1]
  api.nvim_win_set_cursor(fwin, { jpn_aus, 0 })
  api.nvim_feedkeys(api.nvim_replace_termcodes("<CR>", true, false, true), "x", false)
  qf = vim.fn.getqflist()
  eq(#qf, 3, "quickfix entries for JPN -> AUS")
  local want = { { where(lines, "signed", 1) }, { where(lines, "agreement", 1) }, { where(lines, "relies on", 1) } }
  for i, w in ipairs(want) do
    eq(qf[i].lnum, w[1] + 1, "JPN -> AUS entry " .. i .. " line")
    eq(qf[i].col, w[2] + 1, "JPN -> AUS entry " .. i .. " column")
  end
  check(qf[3].text:find("dependency +1", 1, true), "third entry text: %s", qf[3].text)
  eq(api.nvim_win_get_cursor(0)[1], want[1][1] + 1, "cursor on the first entry")

  -- q closes the float without touching the quickfix list
  vim.cmd("DyadicSummary")
  eq(#floats(), 1, "float reopened")
  api.nvim_feedkeys("q", "x", false)
  eq(#floats(), 0, "q closes the float")
  eq(#vim.fn.getqflist(), 3, "quickfix unchanged by q")

  -- leaving the float for another window closes it
  vim.cmd("DyadicSummary")
  eq(#floats(), 1, "float opened again")
  vim.cmd("wincmd p")
  vim.wait(200, function() return #floats() == 0 end)
  eq(#floats(), 0, "float closed when leaving it")
  eq(api.nvim_get_current_win(), source_win, "in the text window after leaving the float")

  -- :DyadicClear ------------------------------------------------------------------------------
  vim.cmd("DyadicClear")
  eq(#marks(buf), 0, "extmarks after :DyadicClear")
  api.nvim_buf_set_lines(buf, -1, -1, false, { "Brazil praised Argentina." })
  vim.cmd("silent write")
  eq(#marks(buf), 0, "extmarks after a write once cleared (autocommand removed)")
  eq(#vim.api.nvim_get_autocmds({ event = "BufWritePost", buffer = buf }), 0, "BufWritePost autocommands left")

  -- setup{ lexicon = path }: a native lexicon file of our own replaces the default
  local lexfile = root .. "/spec/fixtures/nvim/tiny.lex"
  require("dyadic.nvim").setup{ lexicon = lexfile, date = "2026-11-28" }
  vim.cmd("DyadicHighlight")
  eq(#notes, 0, "notifications with a lexicon file (" .. vim.inspect(notes) .. ")")
  ms = marks(buf)
  -- the tiny lexicon knows Japan (3x), Australia (2x) and "signed"
  eq(#ms, 6, "extmarks with the tiny lexicon")
  require("dyadic.nvim").setup{ lexicon = tmp .. "/missing.lex" }
  vim.cmd("DyadicHighlight")
  check(#notes == 1 and notes[1].msg:find("cannot load the lexicon", 1, true) ~= nil,
    "missing lexicon file not reported: %s", vim.inspect(notes))
  return string.format("%d extmarks, summary %d lines, quickfix %d entries", 17, #flines, 3)
end

local ok, res = xpcall(mode == "not-built" and test_not_built or test_full, debug.traceback)
if ok then
  io.stdout:write(string.format("nvim host test (%s): passed, %d checks: %s\n", mode, checks, res))
  vim.cmd("qall!")
else
  io.stderr:write(string.format("nvim host test (%s): FAILED after %d checks: %s\n", mode, checks, res))
  vim.cmd("cquit 1")
end
