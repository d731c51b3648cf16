--- dyadic.report: a Document or an Aggregate in, a string out.
--   report.markdown(x)              a report to read
--   report.csv(x, table_name)       RFC 4180 CSV of one table (default "dyads")
--   report.jsonl(x [, table_name])  JSON Lines: one table, or every table with a "table" key
--   report.gexf(x)                  GEXF 1.3 for Gephi (dynamic over periods for an aggregate)
--   report.graphml(x)               GraphML
--   report.dot(x)                   Graphviz DOT
--   report.html(x [, opts])         one self-contained HTML file with SVG charts
-- Tables: "dyads", "series", "actors", "mentions", "evidence", "sentences"
-- (docs/REPORTS.md lists their columns). Writers are loaded on first use.
local report = {}

local writers = {
  markdown = "dyadic.report.markdown", csv = "dyadic.report.csv", jsonl = "dyadic.report.jsonl",
  gexf = "dyadic.report.gexf", graphml = "dyadic.report.graphml", dot = "dyadic.report.dot",
  html = "dyadic.report.html",
}

report.tables = { "dyads", "series", "actors", "mentions", "evidence", "sentences" }
report.formats = { "markdown", "csv", "jsonl", "gexf", "graphml", "dot", "html" }

-- Aliases the command line uses for --format.
local aliases = { md = "markdown" }

--- The writer for a format name (or alias), or nil.
function report.writer(name)
  name = aliases[name] or name
  if writers[name] then return report[name] end
  return nil
end

return setmetatable(report, {
  __index = function(t, key)
    local path = writers[key]
    if not path then return nil end
    local fn = require(path)
    rawset(t, key, fn)
    return fn
  end,
})
