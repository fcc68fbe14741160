-- Gives back the units of a reservation whose order was not placed (PostgreSQL refused or failed, or the instance
-- that took it died before writing it), at most once: only while the reservation is still the one the caller names
-- (its token), so an owner and a reconciler that both try give back once.
-- KEYS: 1 stock, 2 buyers, 3 reserved (all of one deal)
-- ARGV: 1 reservation field, 2 token, 3 buyer id,
--       4 '1' to return the units to the stock too ('0': PostgreSQL showed they are not there)
-- Answers the units given back, 0 when the reservation was already resolved.
local r = redis.call('HGET', KEYS[3], ARGV[1])
if not r then return 0 end
local token, units = string.match(r, '^([^|]*)|([^|]*)|')
if token ~= ARGV[2] then return 0 end
local n = tonumber(units)
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[4] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], n) end
if redis.call('EXISTS', KEYS[2]) == 1 then
  local held = redis.call('HINCRBY', KEYS[2], ARGV[3], -n)
  if held <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end
end
return n
