-- Job searches as applicants make them: a keyword within 5 or 10 miles of a postcode, a
-- different one each request (so nothing is answered from a cache of one URL), paced like
-- paced.lua: the first argument is each connection's interval in ms.
local interval = 0
local searches = {}
local next_search = 1

function init(args)
  interval = tonumber(args[1]) or 0
  local keywords = { "dementia", "night", "reablement", "nurse", "driver", "support", "care", "healthcare assistant", "senior", "days" }
  local places = { "LS6", "LS11+5AA", "LS17", "LS1+4AP", "LS28", "LS9+7TF", "LS15", "LS22" }
  for k = 1, #keywords do
    for p = 1, #places do
      local miles = (k + p) % 2 == 0 and 5 or 10
      searches[#searches + 1] = "/jobs?Search.Keyword=" .. keywords[k]:gsub(" ", "+") .. "&Search.Postcode=" .. places[p] .. "&Search.Miles=" .. miles
    end
  end
  -- Each wrk thread starts at a different place in the list.
  next_search = (math.random(#searches))
end

function request()
  local path = searches[next_search]
  next_search = next_search % #searches + 1
  return wrk.format("GET", path)
end

function delay()
  return interval
end
