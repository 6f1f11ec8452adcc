-- Signing in as a write: each request posts the sign-in form (email, password, antiforgery token
-- from a signed-out visit to the form) and expects the redirect that sets the sign-in cookie.
-- The password check is deliberately slow (ASP.NET Core Identity's PBKDF2), so this shows how many
-- sign-ins a second one core can take. Arguments: email, password, cookie header, token, interval (ms).
local body, headers, interval
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function encode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  body = "Input.Email=" .. encode(args[1]) .. "&Input.Password=" .. encode(args[2]) .. "&__RequestVerificationToken=" .. encode(args[4])
  headers = { ["Cookie"] = args[3], ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Forwarded-Proto"] = "https" }
  interval = tonumber(args[5]) or 0
end

function delay()
  return interval
end

function request()
  return wrk.format("POST", "/Identity/Account/Login", headers, body)
end

wrong = 0
function response(status)
  -- Anything but the redirect after a good sign-in (a 200 is the form again, refused) is an error.
  if status ~= 302 then wrong = wrong + 1 end
end

function done()
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrong") end
  io.write(string.format("unexpected responses: %d\n", total))
end
