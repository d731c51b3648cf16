--- dyadic.help(): the API in one line per function, for REPL users.
local M = {}

M.entries = {
  { "dyadic.version", "the library version string" },
  { "dyadic.help([name])", "this list, or the lines whose name contains `name`" },
  { "dyadic.show(value [, depth])", "print result records readably (lists one per line)" },
  { "dyadic.utf8_check(text)", "true, or false and the offset of the first invalid byte" },
  { "dyadic.sentences(text)", "sentence spans { {s, e}, ... } (1-based, inclusive byte offsets)" },
  { "dyadic.tokens(text)", "token spans { {s, e, kind}, ... }, kind: word | number | punct" },
  { "dyadic.matcher(patterns [, {overlap=, case=}])", "compile phrases into one matcher" },
  { "m:gmatch(text)", "iterate s, e, id over the matches" },
  { "m:find_all(text)", "all matches { {s, e, id}, ... } in text order" },
  { "m:count(text)", "number of matches" },
  { "dyadic.lexicon()", "a new empty lexicon" },
  { "lex:add{term=, kind=, ...}", "add an actor, cue, sector or discard entry" },
  { "lex:merge(other)", "add every entry of another lexicon" },
  { "dyadic.lexicon.load(path [, format])", "load dyadic, phoenix, agents, liwc or yaml files" },
  { "dyadic.lexicon.check(path [, format])", "every malformed line of a dictionary file" },
  { "dyadic.default_lexicon()", "the shipped lexicon (built once, cached)" },
  { "dyadic.analyzer{lexicon=, rules=}", "an analyzer; rules are dyadic.rule objects" },
  { "an:analyze(text [, {id=, date=, title=}])", "analyze one document" },
  { "doc:sentences()", "the document's sentence spans" },
  { "doc:mentions()", "actor mentions {s, e, term, code, type, role, sentence}" },
  { "doc:actors()", "actors {code, count, first, salience}, most salient first" },
  { "doc:dyads([{undirected=true}])", "dyads {source, target, coop, conflict, dependency, net, n, hedged, sectors}" },
  { "doc:cues()", "cue mentions {s, e, term, category, weight, sentence}" },
  { "doc:evidence(a, b)", "the sentences behind a dyad's figures" },
  { "doc:asymmetry(a, b)", "dependency asymmetry in [-1, 1], > 0 when a depends on b (nil: no dependency)" },
  { "doc:sectors()", "sector weights of the document" },
  { "doc:hedging()", "hedged sentences and shares {sentences, hedged_sentences, share, ...}" },
  { "dyadic.aggregate{by=}", "sum documents by day | week | month | year | all" },
  { "agg:add(doc) / agg:merge(other)", "add a document / another aggregate (exact, any order)" },
  { "agg:serialize() / dyadic.aggregate.load(s)", "exact text round trip" },
  { "agg:dyads{from=, to=, undirected=}", "dyad records with a period field" },
  { "agg:series(a, b)", "one dyad's records per period" },
  { "agg:actors()", "per-actor totals" },
  { "dyadic.rule{name=, needs=, pattern=, apply=}", "a researcher's rule (LPeg pattern or phrase list)" },
  { "dyadic.report.markdown(x)", "Markdown summary of a document or aggregate" },
  { "dyadic.report.csv(x, table)", "CSV table: dyads | mentions | actors | series | evidence" },
  { "dyadic.report.jsonl(x [, table])", "JSON Lines table" },
  { "dyadic.report.gexf(x) / .graphml(x) / .dot(x)", "network files for Gephi, yEd, Graphviz" },
  { "dyadic.report.html(x)", "self-contained HTML report with charts" },
}

--- Print the API, or the lines whose name contains `filter`; returns the number of lines printed.
function M.help(filter)
  if filter ~= nil and type(filter) ~= "string" then
    error("bad argument #1 to 'help' (string expected, got " .. type(filter) .. ")", 2)
  end
  local width, shown = 0, {}
  for _, e in ipairs(M.entries) do
    if not filter or e[1]:find(filter, 1, true) then
      shown[#shown + 1] = e
      if #e[1] > width then width = #e[1] end
    end
  end
  for _, e in ipairs(shown) do
    print(("%-" .. width .. "s  %s"):format(e[1], e[2]))
  end
  return #shown
end

return M
