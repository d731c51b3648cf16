--- dyadic.nvim: the Neovim side of dyadic (commands are defined in plugin/dyadic.lua).
--
--   :DyadicHighlight  mark actor mentions and relation cues in the current buffer (extmarks in the
--                     namespace "dyadic"); kept up to date on :DyadicHighlight and on BufWritePost
--   :DyadicClear      remove the marks and stop updating
--   :DyadicSummary    floating window with the buffer's actors and dyads; <CR> on a dyad line fills
--                     the quickfix list with its evidence sentences and jumps to the first
--
--   require("dyadic.nvim").setup{ lexicon = "path/to/file.actors" or a lexicon, date = "YYYY-MM-DD" }
--
-- The C module is found from this file's own location: <root>/build/luajit/?.so is prepended to
-- package.cpath, so a plugin manager only has to run `make` in the repository (a luarocks install
-- works too, through the default package.cpath).
local M = {}

local api = vim.api

--- The repository root: this file is <root>/lua/dyadic/nvim.lua.
local function find_root()
  local source = debug.getinfo(1, "S").source
  if source:sub(1, 1) ~= "@" then return nil end
  local path = source:sub(2)
  if path:sub(1, 1) ~= "/" then path = vim.loop.cwd() .. "/" .. path end
  local root = path:match("^(.*)/lua/dyadic/nvim%.lua$")
  if root then root = root:gsub("/%./", "/") end
  return root
end

M.root = find_root()
M.ns = api.nvim_create_namespace("dyadic")

-- highlight group per actor type and per cue category, linked to standard groups
M.actor_groups = {
  state = "DyadicState", leader = "DyadicLeader", capital = "DyadicCapital",
  igo = "DyadicIgo", region = "DyadicRegion", group = "DyadicGroup",
}
M.cue_groups = {
  coop = "DyadicCoop", conflict = "DyadicConflict", dependency = "DyadicDependency", hedge = "DyadicHedge",
}
local links = {
  DyadicState = "Type", DyadicLeader = "Identifier", DyadicCapital = "Constant", DyadicIgo = "Structure",
  DyadicRegion = "Special", DyadicGroup = "PreProc",
  DyadicCoop = "DiffAdd", DyadicConflict = "DiffDelete", DyadicDependency = "DiffChange", DyadicHedge = "Comment",
}

local config = { lexicon = nil, date = nil }
local analyzer -- built on first use for the current config
local state = {} -- bufnr -> { doc = document, starts = line start offsets, tick = changedtick }

local function notify_error(msg)
  vim.notify(msg, vim.log.levels.ERROR)
end

function M.define_highlights()
  for group, target in pairs(links) do
    api.nvim_set_hl(0, group, { link = target, default = true })
  end
end

--- Load the dyadic Lua module and its C core, or report why not (returns nil).
function M.load()
  if M.dyadic then return M.dyadic end
  if M.root then
    local entry = M.root .. "/build/luajit/?.so"
    if not package.cpath:find(entry, 1, true) then package.cpath = entry .. ";" .. package.cpath end
  end
  local ok, core = pcall(require, "dyadic.core")
  if not ok then
    notify_error(string.format("dyadic: the C module is not built; run `make` in %s\n%s",
      M.root or "the dyadic directory", tostring(core)))
    return nil
  end
  M.dyadic = require "dyadic"
  return M.dyadic
end

--- setup{ lexicon = path-or-lexicon, date = "YYYY-MM-DD" }: options for the next analyses.
function M.setup(opts)
  opts = opts or {}
  vim.validate{
    opts = { opts, "table" },
    lexicon = { opts.lexicon, { "string", "userdata", "table" }, true },
    date = { opts.date, "string", true },
  }
  if opts.date and not opts.date:match("^%d%d%d%d%-%d%d%-%d%d$") then
    error("dyadic.nvim.setup: option 'date' must be YYYY-MM-DD, got '" .. opts.date .. "'", 2)
  end
  for k in pairs(opts) do
    if k ~= "lexicon" and k ~= "date" then error("dyadic.nvim.setup: unknown option '" .. tostring(k) .. "'", 2) end
  end
  config = { lexicon = opts.lexicon, date = opts.date }
  analyzer = nil
  M.define_highlights()
end

local function get_analyzer()
  if analyzer then return analyzer end
  local dyadic = M.load()
  if not dyadic then return nil end
  local lex = config.lexicon
  if type(lex) == "string" then
    local loaded, err = dyadic.lexicon.load(vim.fn.expand(lex))
    if not loaded then
      notify_error("dyadic: cannot load the lexicon: " .. tostring(err))
      return nil
    end
    lex = loaded
  end
  analyzer = dyadic.analyzer{ lexicon = lex }
  return analyzer
end

--- Byte offsets of each line start in table.concat(lines, "\n") .. "\n" (0-based).
local function line_starts(lines)
  local starts, pos = {}, 0
  for i = 1, #lines do
    starts[i] = pos
    pos = pos + #lines[i] + 1
  end
  return starts
end

--- 0-based byte offset -> 0-based (row, col).
local function locate(starts, off)
  local lo, hi = 1, #starts
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if starts[mid] <= off then lo = mid else hi = mid - 1 end
  end
  return lo - 1, off - starts[lo]
end
M.locate = locate

--- 1-based inclusive span {s, e} -> 0-based row/col start and exclusive end.
local function span(starts, s, e)
  local r1, c1 = locate(starts, s - 1)
  local r2, c2 = locate(starts, e - 1)
  return r1, c1, r2, c2 + 1
end

--- Analyse buffer `bufnr` (its current contents). Returns the state record or nil.
function M.analyze(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  local an = get_analyzer()
  if not an then return nil end
  local lines = api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local text = table.concat(lines, "\n") .. "\n"
  local ok, doc = pcall(an.analyze, an, text, { date = config.date })
  if not ok then
    notify_error("dyadic: analysis failed: " .. tostring(doc))
    return nil
  end
  local st = state[bufnr] or {}
  st.doc, st.text, st.starts = doc, text, line_starts(lines)
  st.tick = api.nvim_buf_get_changedtick(bufnr)
  state[bufnr] = st
  return st
end

local function mark(bufnr, starts, s, e, group)
  local r1, c1, r2, c2 = span(starts, s, e)
  api.nvim_buf_set_extmark(bufnr, M.ns, r1, c1, { end_row = r2, end_col = c2, hl_group = group })
end

--- Mark the buffer's actor mentions and cues; returns the number of marks placed.
function M.highlight(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  M.define_highlights()
  local st = M.analyze(bufnr)
  if not st then return nil end
  api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  local n = 0
  for _, m in ipairs(st.doc:mentions()) do
    mark(bufnr, st.starts, m.s, m.e, M.actor_groups[m.type] or "DyadicGroup")
    n = n + 1
  end
  for _, c in ipairs(st.doc:cues()) do
    local group = M.cue_groups[c.category]
    if group then
      mark(bufnr, st.starts, c.s, c.e, group)
      n = n + 1
    end
  end
  if not st.augroup then
    st.augroup = api.nvim_create_augroup("dyadic_buffer_" .. bufnr, { clear = true })
    api.nvim_create_autocmd("BufWritePost", {
      group = st.augroup, buffer = bufnr,
      callback = function() M.highlight(bufnr) end,
    })
    api.nvim_create_autocmd("BufWipeout", {
      group = st.augroup, buffer = bufnr,
      callback = function() M.clear(bufnr) end,
    })
  end
  return n
end

--- Remove the marks and the update autocommands of buffer `bufnr`.
function M.clear(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  if api.nvim_buf_is_valid(bufnr) then api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1) end
  local st = state[bufnr]
  if st and st.augroup then pcall(api.nvim_del_augroup_by_id, st.augroup) end
  state[bufnr] = nil
end

--- Is buffer `bufnr` highlighted (updates on write)?
function M.enabled(bufnr)
  local st = state[(bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr]
  return st ~= nil and st.augroup ~= nil
end

local function sector_list(sectors)
  local names = {}
  for name in pairs(sectors or {}) do names[#names + 1] = name end
  table.sort(names, function(a, b)
    if sectors[a] ~= sectors[b] then return sectors[a] > sectors[b] end
    return a < b
  end)
  for i, name in ipairs(names) do names[i] = string.format("%s %g", name, sectors[name]) end
  return table.concat(names, ", ")
end

--- The summary lines of buffer `bufnr` and, for each dyad line, its dyad record.
function M.summary_lines(bufnr)
  local st = M.analyze(bufnr)
  if not st then return nil end
  local doc = st.doc
  local lines, dyad_at = {}, {}
  local actors, dyads = doc:actors(), doc:dyads()
  lines[#lines + 1] = string.format("dyadic: %d actors, %d dyads", #actors, #dyads)
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Actors (mentions, salience)"
  for _, a in ipairs(actors) do
    lines[#lines + 1] = string.format("  %-8s %4d %8.2f", a.code, a.count, a.salience)
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Dyads (net, asymmetry, sentences, sectors)   <CR>: evidence to quickfix"
  for _, d in ipairs(dyads) do
    local asym = doc:asymmetry(d.source, d.target)
    lines[#lines + 1] = string.format("  %s -> %s  net %+.2f  asym %s  n %d  %s", d.source, d.target, d.net,
      asym and string.format("%+.2f", asym) or "-", d.n, sector_list(d.sectors))
    dyad_at[#lines] = d
  end
  return lines, dyad_at, st
end

--- Fill the quickfix list with the evidence sentences of dyad source -> target in buffer `bufnr`;
-- returns the number of entries. With `jump`, goes to the first one.
function M.evidence_to_quickfix(bufnr, source, target, jump)
  local st = state[bufnr]
  if not st or st.tick ~= api.nvim_buf_get_changedtick(bufnr) then st = M.analyze(bufnr) end
  if not st then return nil end
  local name = api.nvim_buf_get_name(bufnr)
  local items = {}
  for _, ev in ipairs(st.doc:evidence(source, target)) do
    -- point at the cue that produced the score (two cues of one sentence are two entries);
    -- rule-emitted evidence has no cue: the sentence start
    local row, col = locate(st.starts, (ev.cue_s or ev.s) - 1)
    local scores = {}
    for _, k in ipairs{ "coop", "conflict", "dependency" } do
      if ev[k] and ev[k] ~= 0 then scores[#scores + 1] = string.format("%s %+g", k, ev[k]) end
    end
    local text = (ev.text or ""):gsub("%s+", " ")
    items[#items + 1] = {
      bufnr = bufnr, filename = name ~= "" and name or nil, lnum = row + 1, col = col + 1,
      text = string.format("[%s%s] %s", table.concat(scores, ", "), ev.cue and (" '" .. ev.cue .. "'") or "", text),
    }
  end
  vim.fn.setqflist({}, " ", { title = string.format("dyadic evidence %s -> %s", source, target), items = items })
  if jump and #items > 0 then vim.cmd("cfirst") end
  return #items
end

--- Open the summary float for buffer `bufnr`; returns the float's window and buffer.
function M.summary(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and api.nvim_get_current_buf() or bufnr
  local lines, dyad_at = M.summary_lines(bufnr)
  if not lines then return nil end
  local width = 20
  for _, l in ipairs(lines) do width = math.max(width, vim.fn.strdisplaywidth(l)) end
  width = math.min(width + 2, math.max(20, vim.o.columns - 4))
  local height = math.min(#lines, math.max(1, vim.o.lines - 6))
  local fbuf = api.nvim_create_buf(false, true)
  api.nvim_buf_set_lines(fbuf, 0, -1, false, lines)
  api.nvim_buf_set_option(fbuf, "modifiable", false)
  api.nvim_buf_set_option(fbuf, "bufhidden", "wipe")
  api.nvim_buf_set_option(fbuf, "filetype", "dyadic-summary")
  local win = api.nvim_open_win(fbuf, true, {
    relative = "editor", style = "minimal", border = "rounded",
    width = width, height = height,
    row = math.max(0, math.floor((vim.o.lines - height) / 2) - 1),
    col = math.max(0, math.floor((vim.o.columns - width) / 2)),
  })
  local function close()
    if api.nvim_win_is_valid(win) then api.nvim_win_close(win, true) end
  end
  local function open_evidence()
    local row = api.nvim_win_get_cursor(win)[1]
    local d = dyad_at[row]
    if not d then return end
    close()
    M.evidence_to_quickfix(bufnr, d.source, d.target, true)
  end
  vim.keymap.set("n", "<CR>", open_evidence, { buffer = fbuf, nowait = true, desc = "dyadic: evidence" })
  -- leaving the float (another window, :wincmd p) closes it: it is a view, not a place to stay
  api.nvim_create_autocmd("WinLeave", { buffer = fbuf, once = true, callback = function()
    vim.schedule(close)
  end })
  vim.keymap.set("n", "q", close, { buffer = fbuf, nowait = true })
  vim.keymap.set("n", "<Esc>", close, { buffer = fbuf, nowait = true })
  -- start on the first dyad line
  for row = 1, #lines do
    if dyad_at[row] then api.nvim_win_set_cursor(win, { row, 0 }); break end
  end
  M.last_summary = { win = win, buf = fbuf, source_buf = bufnr, dyad_at = dyad_at, open_evidence = open_evidence }
  return win, fbuf
end

return M
