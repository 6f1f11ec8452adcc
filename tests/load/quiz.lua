-- The quiz as a write: each connection is one signed-in learner (from setup.py) who goes round a
-- cycle: start the module again as a refresher (a write: a new round), read each lesson of the
-- round in order (a write each: lessons cannot be skipped, so the quiz opens only after the last),
-- open the quiz (a read, which tells us the round the form must name), and submit the right
-- answers (a write: a completion row). One connection per thread keeps each learner's requests in order.
-- Arguments: learners.lua, the form-encoded right answers, the module slug, pacing interval (ms).
local learners, answers, slug, interval
local count = 0
local threads = {}

function setup(thread)
  count = count + 1
  thread:set("number", count)
  table.insert(threads, thread)
end

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  learners = dofile(args[1])
  answers, slug, interval = args[2], args[3], tonumber(args[4]) or 0
  me = learners[number]
  submits, wrong, round = 0, 0, 0
  -- What to send next follows from the last response, not from a request count: wrk may build a
  -- request it never sends (at connect), and a count would then drift out of step.
  state = "start"
  headers = { ["Cookie"] = me.cookie, ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-Proto"] = "https" }
  token = "__RequestVerificationToken=" .. encode(me.token)
end

function delay()
  return interval
end

function request()
  sent = state
  if state == "start" then
    return wrk.format("POST", "/learn/" .. slug .. "?handler=Start", headers, token)
  elseif state == "lesson" then
    return wrk.format("POST", "/learn/" .. slug .. "/lessons/" .. lesson, headers, token .. "&version=" .. me.version)
  elseif state == "open" then
    return wrk.format("GET", "/learn/" .. slug .. "/quiz", { ["Cookie"] = me.cookie, ["X-Forwarded-Proto"] = "https" })
  end
  submits = submits + 1
  return wrk.format("POST", "/learn/" .. slug .. "/quiz", headers,
    token .. "&Input.Version=" .. me.version .. "&Input.Round=" .. round .. "&" .. answers)
end

function response(status, headers, body)
  if sent == "start" then
    if status == 302 then state = "lesson"; lesson = 1 else wrong = wrong + 1 end
  elseif sent == "lesson" then
    local location = headers["Location"] or ""
    if status ~= 302 then wrong = wrong + 1; state = "start"
    elseif location:sub(-5) == "/quiz" then state = "open"
    else lesson = lesson + 1 end
  elseif sent == "open" then
    round = tonumber(body:match('name="Input.Round" value="(%d+)"') or "0")
    if status == 200 and round > 0 then state = "submit" else wrong = wrong + 1; state = "start" end
  else
    -- A pass redirects to the new certificate; anything else means the write did not happen.
    if status ~= 302 or not (headers["Location"] or ""):find("/learn/certificates/", 1, true) then wrong = wrong + 1 end
    state = "start"
  end
end

function done(summary, latency, requests)
  local total_submits, total_wrong = 0, 0
  for _, thread in ipairs(threads) do
    total_submits = total_submits + thread:get("submits")
    total_wrong = total_wrong + thread:get("wrong")
  end
  io.write(string.format("quiz submits: %d, unexpected responses: %d\n", total_submits, total_wrong))
end
