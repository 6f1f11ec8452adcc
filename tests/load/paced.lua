-- Sends each connection's requests at a fixed interval (ms, the script's first argument), so a
-- run holds a chosen rate instead of the most the server can take: p99 at half the maximum.
local interval = 0

function init(args)
  interval = tonumber(args[1]) or 0
end

function delay()
  return interval
end
