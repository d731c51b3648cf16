--- PETRARCH / Phoenix agents dictionaries (.agents): role words such as "minister", "police".
--
--   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set
--   POLICE!PERSON! [~COP]                         every item replaces the marker, no plural
--   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural; {} = no plural
--   HUMAN_RIGHTS_BODY [NGO~]                      prefix agent
--
-- An agent becomes an actor entry of type "group" with no country code: code is the
-- agent code as written ("~COP", "NGO~"), which the lexicon stores as role "COP" / "NGO"
-- with an empty base code. The analyzer composes it with an adjacent country mention
-- ("Russian police" -> RUS + COP); see docs/DESIGN.md (the lexicon section). Regular plurals are made
-- automatically (PETRARCH 0.5 semantics: words are whole words, not stems).
local util = require "dyadic.lexicon.util"
local phoenix = require "dyadic.lexicon.phoenix"

local M = {}

-- Expand every !NAME! marker; returns the list of phrases (or nil, message) and whether
-- a substitution happened.
local function expand(phrase, sets)
  local name = phrase:match("!([%w_]+)!")
  if not name then return { phrase }, false end
  local items = sets[name]
  if not items then return nil, string.format("undefined substitution set '!%s!'", name) end
  local out = {}
  for _, item in ipairs(items) do
    local s, e = phrase:find("!" .. name .. "!", 1, true)
    local sub, err = expand(phrase:sub(1, s - 1) .. item .. phrase:sub(e + 1), sets)
    if not sub then return nil, err end
    for _, p in ipairs(sub) do out[#out + 1] = p end
  end
  return out, true
end

local function pluralize(phrase)
  local body = phrase:gsub("[_%s]+$", "")
  local head, last = body:match("^(.-)([^_%s]+)$")
  if not last then return nil end
  return head .. util.plural(last)
end

function M.parse(text, _, emit, fail)
  local state = { xml = false }
  local sets = {}
  local last = 0
  for n, raw in util.lines(text) do
    last = n
    local s = util.trim(phoenix.strip(raw, state))
    if s ~= "" then
      local name, list = s:match("^!([%w_]+)!%s*=%s*(.*)$")
      if name then
        local items = {}
        for item in list:gmatch("[^,]+") do
          item = util.trim(item)
          if item ~= "" then items[#items + 1] = item end
        end
        if #items == 0 then fail(n, string.format("substitution set '!%s!' is empty", name))
        else sets[name] = items end
      else
        -- PETRARCH's own documentation writes [~LEG}: accept '}' closing the code too
        local phrase_part, code = s:match("^(.-)%[%s*([^%]}]*)%s*[%]}]%s*$")
        local plural_list
        if not phrase_part then
          if s:find("[", 1, true) then
            fail(n, "malformed agent code block (expected [~CODE] or [CODE~] at the end)")
          else  -- PETRARCH skips such lines with a warning
            fail(n, "missing agent code [~CODE] or [CODE~] (line skipped)", "warning")
          end
        elseif not (code:find("^~[%w]+$") or code:find("^[%w]+~$")) then
          fail(n, string.format("agent code '%s' must be ~CODE (suffix) or CODE~ (prefix)", code))
        else
          local phrase, braces = phrase_part:match("^(.-){([^}]*)}%s*$")
          if phrase then
            plural_list = {}
            for p in braces:gmatch("%S+") do plural_list[#plural_list + 1] = p end
          elseif phrase_part:find("[{}]") then
            phrase = nil
            fail(n, "unbalanced { } around the plural")
          else
            phrase = phrase_part
          end
          if phrase then
            phrase = util.trim(phrase)
            local variants, err = expand(phrase, sets)
            local substituted = err == true
            if not variants then
              fail(n, err)
            elseif phrase == "" then
              fail(n, "empty agent phrase")
            else
              local forms = {}
              for _, v in ipairs(variants) do
                forms[#forms + 1] = v
                if not plural_list and not substituted and not v:find("_%s*$") then
                  forms[#forms + 1] = pluralize(v)
                end
              end
              for _, p in ipairs(plural_list or {}) do forms[#forms + 1] = p end
              for _, f in ipairs(forms) do
                local term, terr = util.tabari_term(f, false)
                if term then
                  emit({ term = term, kind = "actor", code = code:upper(), type = "group" }, n)
                else
                  fail(n, terr .. " (phrase skipped)", "warning")
                end
              end
            end
          end
        end
      end
    end
  end
  if state.xml then fail(last, "unterminated <!-- comment") end
end

return M
