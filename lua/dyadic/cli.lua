--- dyadic.cli: the `dyadic` command line.
--
--   dyadic analyze FILE|- [--date D] [--id ID] [--title T] [--format F] [-o OUT]
--   dyadic corpus FILE.jsonl|DIR... [--by P] [-j N] [--format F] [-o OUT] [--keep-going]
--   dyadic lexicon check FILE [--format F]
--
-- M.main(argv) runs a command and returns the exit status: 0 success, 1 failure
-- (input problems, skipped records without --keep-going, a failed worker), 2 usage
-- errors. bin/dyadic calls os.exit(M.main(arg)). The corpus machinery (records,
-- forked or io.popen worker processes, progress) lives in dyadic.cli.corpus; shared
-- helpers in dyadic.cli.util.
local util = require "dyadic.cli.util"

local M = {}

local PROG = "dyadic"

local HELP = {}

HELP.main = [[
Usage: dyadic COMMAND [OPTION]... [ARG]...
Find the actors in news text and score the relationships between them.

Commands:
  analyze FILE|-            analyze one document and print a report
  corpus FILE.jsonl|DIR|-...  analyze a corpus of JSON Lines records and .txt files
  lexicon check FILE        report every malformed line of a dictionary file

Common options:
      --lexicon FILE   use this lexicon instead of the default one (repeatable:
                       the files are merged in order; "--lexicon default" names
                       the shipped lexicon, so "--lexicon default --lexicon my.txt"
                       adds to it); any supported format (dyadic, phoenix, agents,
                       liwc, yaml), auto-detected
      --rules FILE.lua a Lua file returning a rule or a list of rules (repeatable)
  -q, --quiet          no warnings or skip listings on stderr (the corpus summary
                       line is still printed)
  -h, --help           show help (also "dyadic COMMAND --help") and exit
      --version        print the version and exit

Exit status: 0 on success, 1 when input could not be read or records were
skipped (see "dyadic corpus --help"), 2 on usage errors.
]]

HELP.analyze = [[
Usage: dyadic analyze [OPTION]... FILE|-
Analyze one document (a UTF-8 text file, or standard input with "-") and print
a report.

Options:
      --date DATE      document date, YYYY-MM-DD (resolves leaders' terms)
      --id ID          document id (default: the file name, or "stdin")
      --title TITLE    document title (adds salience to the actors it names)
  -f, --format FMT     md (default), html, csv, jsonl, gexf, graphml or dot
      --table NAME     table for csv/jsonl: dyads (default), actors, mentions,
                       evidence, sentences, series
  -o, --output OUT     write the report to OUT (atomically) instead of stdout
      --lexicon FILE   lexicon to use (repeatable; see "dyadic --help")
      --rules FILE.lua rules to run after the built-in pass (repeatable)
  -q, --quiet          do not print rule warnings
  -h, --help           show this help and exit
]]

HELP.corpus = [[
Usage: dyadic corpus [OPTION]... FILE.jsonl|DIR|-...
Analyze many documents and aggregate their dyads by period.

Input: JSON Lines files, one object a line with fields "id", "date" (YYYY-MM-DD),
"title" and "text" (others are ignored); "-" reads JSON Lines from standard input;
a directory stands for every *.jsonl and *.txt file under it (in byte order of
their paths); a .txt file is one document dated by --date. Every record is accounted for: analyzed, or skipped
with a reason (malformed JSON, not an object, missing text, empty text, text
not a string, invalid UTF-8, malformed date, unreadable file), listed on stderr
as FILE:LINE: reason.

Options:
      --by PERIOD      day, week, month (default), year or all
  -j, --jobs N         worker processes (default: the number of cores); the
                       result is identical whatever N
  -f, --format FMT     csv (default), jsonl, md, html, gexf, graphml or dot
      --table NAME     table for csv/jsonl: series (default), dyads, actors
  -o, --output OUT     write the report to OUT (atomically) instead of stdout
      --date DATE      date of the .txt documents
  -k, --keep-going     exit 0 even when records were skipped
      --lexicon FILE   lexicon to use (repeatable; see "dyadic --help")
      --rules FILE.lua rules to run after the built-in pass (repeatable)
  -q, --quiet          do not list skipped records and rule warnings
  -h, --help           show this help and exit

A progress bar is drawn on stderr when it is a terminal; a summary line is
always printed on stderr at the end. The report is written even when records
were skipped; the exit status is then 1 unless --keep-going.
]]

HELP.lexicon = [[
Usage: dyadic lexicon check [--format FMT] FILE
Report every malformed line of a dictionary file as FILE:LINE: message.

Options:
      --format FMT     dyadic, phoenix, agents, liwc or yaml (default: detected)
  -h, --help           show this help and exit

Exit status: 0 when the file is well formed, 1 otherwise.
]]

-- Option table: name -> { key, takes_argument, repeatable }.
local OPTIONS = {
  ["--date"] = { "date", true }, ["--id"] = { "id", true }, ["--title"] = { "title", true },
  ["--format"] = { "format", true }, ["-f"] = { "format", true },
  ["--table"] = { "table", true },
  ["--output"] = { "output", true }, ["-o"] = { "output", true },
  ["--lexicon"] = { "lexicon", true, true }, ["--rules"] = { "rules", true, true },
  ["--quiet"] = { "quiet", false }, ["-q"] = { "quiet", false },
  ["--help"] = { "help", false }, ["-h"] = { "help", false },
  ["--version"] = { "version", false },
  ["--by"] = { "by", true },
  ["--jobs"] = { "jobs", true }, ["-j"] = { "jobs", true },
  ["--keep-going"] = { "keep_going", false }, ["-k"] = { "keep_going", false },
  -- hidden: the worker mode of `corpus -j N`
  ["--worker"] = { "worker", true }, ["--emit"] = { "emit", true }, ["--progress"] = { "progress", false },
  ["--plan"] = { "plan", true },
}

-- Options each command accepts (beyond the common ones).
local ACCEPTS = {
  analyze = { date = true, id = true, title = true, format = true, table = true, output = true },
  corpus = { by = true, jobs = true, format = true, table = true, output = true, keep_going = true, date = true,
             worker = true, emit = true, progress = true, plan = true },
  lexicon = { format = true },
  [""] = {},
}
local COMMON = { lexicon = true, rules = true, quiet = true, help = true, version = true }

local UsageError = {}

local function usage(fmt, ...)
  error(setmetatable({ message = string.format(fmt, ...) }, UsageError), 0)
end

--- Parse argv (a list of strings) into { command=, args={...}, opts={...} }.
-- Raises a UsageError table for unknown options or missing arguments.
function M.parse(argv)
  local command, args, opts = nil, {}, { lexicon = {}, rules = {} }
  local i, only_args = 1, false
  local n = #argv
  while i <= n do
    local a = argv[i]
    if only_args or a == "-" or a:sub(1, 1) ~= "-" then
      if command == nil then command = a else args[#args + 1] = a end
    elseif a == "--" then
      only_args = true
    else
      local name, value = a:match("^(%-%-[^=]+)=(.*)$")
      if not name then
        name = a
        -- attached short option argument: -j2, -ofile
        if a:sub(1, 2) ~= "--" and #a > 2 then
          local short = a:sub(1, 2)
          if OPTIONS[short] and OPTIONS[short][2] then name, value = short, a:sub(3) end
        end
      end
      local spec = OPTIONS[name]
      if not spec then usage("unknown option '%s'", a) end
      local key, takes, multi = spec[1], spec[2], spec[3]
      if takes then
        if value == nil then
          i = i + 1
          value = argv[i]
          if value == nil then usage("option '%s' requires an argument", name) end
        end
        if multi then opts[key][#opts[key] + 1] = value else opts[key] = value end
      else
        if value ~= nil then usage("option '%s' takes no argument", name) end
        opts[key] = true
      end
      opts._seen = opts._seen or {}
      opts._seen[key] = name
    end
    i = i + 1
  end
  local accepts = ACCEPTS[command or ""]
  if accepts and opts._seen and not opts.help then
    for key, name in pairs(opts._seen) do
      if not accepts[key] and not COMMON[key] then
        usage("option '%s' does not apply to '%s'", name, command or "dyadic")
      end
    end
  end
  return { command = command, args = args, opts = opts }
end

local function say(fmt, ...)
  io.stderr:write(PROG, ": ", string.format(fmt, ...), "\n")
end
M.say = say

-- Build the lexicon from --lexicon options, or the default one.
local function build_lexicon(dyadic, files)
  if #files == 0 then return dyadic.default_lexicon() end
  if #files == 1 and files[1] == "default" then return dyadic.default_lexicon() end
  local lex = dyadic.lexicon()
  for _, path in ipairs(files) do
    local part, err
    if path == "default" then
      part = dyadic.default_lexicon()
    else
      part, err = dyadic.lexicon.load(path)
      if not part then return nil, err end
    end
    lex:merge(part)
  end
  return lex
end

local function load_rules(files)
  if #files == 0 then return {} end
  local rule = require "dyadic.rule"
  local all = {}
  for _, path in ipairs(files) do
    local list, err = rule.load(path)
    if not list then return nil, err end
    for _, r in ipairs(list) do all[#all + 1] = r end
  end
  return all
end

--- The analyzer the options ask for, or nil, message.
function M.analyzer(opts)
  local dyadic = require "dyadic"
  local lex, err = build_lexicon(dyadic, opts.lexicon or {})
  if not lex then return nil, err end
  local rules
  rules, err = load_rules(opts.rules or {})
  if not rules then return nil, err end
  return dyadic.analyzer { lexicon = lex, rules = rules }
end

local FORMATS = { md = "markdown", markdown = "markdown", html = "html", csv = "csv", jsonl = "jsonl",
                  gexf = "gexf", graphml = "graphml", dot = "dot" }
M.FORMATS = FORMATS

--- Render x (a Document or an Aggregate) in format fmt ("md", ...).
function M.render(x, fmt, tname)
  local report = require "dyadic.report"
  local fname = FORMATS[fmt]
  local f = report[fname]
  if fname == "csv" or fname == "jsonl" then return f(x, tname) end
  return f(x)
end

--- Write the report to OUT atomically (OUT.tmp.PID, then rename), or to stdout.
function M.output(text, out)
  if out == nil or out == "-" then
    io.stdout:write(text)
    io.stdout:flush()
    return true
  end
  return util.write_atomic(out, text)
end

-- tables: the --table names the command's report has
local function check_format(opts, default, tables)
  local fmt = opts.format or default
  if not FORMATS[fmt] then
    usage("unknown format '%s' (md, html, csv, jsonl, gexf, graphml or dot)", fmt)
  end
  if opts.table and FORMATS[fmt] ~= "csv" and FORMATS[fmt] ~= "jsonl" then
    usage("--table applies to the csv and jsonl formats only")
  end
  if opts.table then
    local known = false
    for _, t in ipairs(tables) do known = known or t == opts.table end
    if not known then usage("unknown table '%s' (%s)", opts.table, table.concat(tables, ", ")) end
  end
  return fmt
end

local function check_date(d)
  if d ~= nil and not util.valid_date(d) then usage("malformed date '%s' (expected YYYY-MM-DD)", d) end
end

-- dyadic analyze
local function cmd_analyze(p)
  local opts = p.opts
  if #p.args ~= 1 then usage("analyze takes one FILE (or - for standard input)") end
  local fmt = check_format(opts, "md", require("dyadic.report.tables").names)
  check_date(opts.date)
  local path = p.args[1]
  local text, err
  if path == "-" then
    text = io.stdin:read("*a")
  else
    text, err = util.read_file(path)
    if not text then say("%s", err); return 1 end
  end
  local bad = util.utf8_check(text)
  if bad then say("%s: invalid UTF-8 at byte %d", path == "-" and "stdin" or path, bad); return 1 end
  local an
  an, err = M.analyzer(opts)
  if not an then say("%s", err); return 1 end
  local meta = {
    id = opts.id or (path == "-" and "stdin" or (path:match("([^/]+)$") or path)),
    date = opts.date,
    title = opts.title,
  }
  local doc = an:analyze(text, meta)
  local warnings = require("dyadic.rule").warnings(doc)
  if not opts.quiet then
    for _, w in ipairs(warnings) do say("warning: %s", w) end
  end
  local ok
  ok, err = M.output(M.render(doc, fmt, opts.table), opts.output)
  if not ok then say("%s", err); return 1 end
  return 0
end

-- dyadic lexicon check FILE
local function cmd_lexicon(p)
  local sub = p.args[1]
  if sub ~= "check" then usage("unknown lexicon command '%s' (expected: lexicon check FILE)", tostring(sub)) end
  if #p.args ~= 2 then usage("lexicon check takes one FILE") end
  local path = p.args[2]
  local fmt = p.opts.format
  local lexicon = require "dyadic.lexicon"
  if fmt ~= nil then
    local known = false
    for _, f in ipairs(lexicon.formats) do known = known or f == fmt end
    if not known then
      usage("unknown lexicon format '%s' (%s)", tostring(fmt), table.concat(lexicon.formats, ", "))
    end
  end
  local problems, err = lexicon.check(path, fmt)
  if problems == nil then say("%s", err); return 1 end
  for _, pr in ipairs(problems) do
    io.stdout:write(string.format("%s:%d: %s\n", path, pr.line or 0, pr.message or "malformed line"))
  end
  if #problems > 0 then
    if not p.opts.quiet then
      say("%s: %d malformed line%s", path, #problems, #problems == 1 and "" or "s")
    end
    return 1
  end
  return 0
end

--- Run the command line argv; returns the exit status.
function M.main(argv)
  argv = argv or {}
  local list = {}
  for i = 1, #argv do list[i] = argv[i] end
  local ok, result = pcall(function()
    local p = M.parse(list)
    p.argv = argv
    if p.opts.version then
      io.stdout:write(PROG, " ", require("dyadic.core").version, "\n")
      return 0
    end
    if p.command == nil then
      if p.opts.help then io.stdout:write(HELP.main); return 0 end
      usage("missing command")
    end
    if p.command == "help" then
      local topic = p.args[1]
      io.stdout:write(HELP[topic or "main"] or HELP.main)
      return 0
    end
    if not ACCEPTS[p.command] or p.command == "" then usage("unknown command '%s'", p.command) end
    if p.opts.help then io.stdout:write(HELP[p.command]); return 0 end
    if p.command == "analyze" then return cmd_analyze(p) end
    if p.command == "lexicon" then return cmd_lexicon(p) end
    -- corpus
    local fmt = check_format(p.opts, "csv", require("dyadic.report.tables").aggregate_names)
    check_date(p.opts.date)
    return require("dyadic.cli.corpus").run(p, fmt, M)
  end)
  if ok then return result end
  if getmetatable(result) == UsageError then
    say("%s", result.message)
    io.stderr:write("Try 'dyadic --help' for more information.\n")
    return 2
  end
  say("%s", tostring(result))
  return 1
end

M.usage = usage
M.check_date = check_date
M.HELP = HELP

return M
