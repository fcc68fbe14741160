-- A cancelled order's units go back to a deal that is still running: to the stock and off the buyer's holding.
-- KEYS: 1 stock, 2 buyers (of one deal). ARGV: 1 buyer id, 2 units. Answers 1.
local n = tonumber(ARGV[2])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], n) end
if redis.call('EXISTS', KEYS[2]) == 1 then
  local held = redis.call('HINCRBY', KEYS[2], ARGV[1], -n)
  if held <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
end
return 1
