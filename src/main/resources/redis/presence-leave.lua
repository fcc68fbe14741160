-- A connection leaves a room; its time in the room is added to the finished watch time.
-- KEYS: members, joined, watched (of one room)
-- ARGV: member, now ms
-- Answers 1 if the member was there, else 0.
local joined = redis.call('HGET', KEYS[2], ARGV[1])
if joined then
  redis.call('INCRBY', KEYS[3], math.max(0, tonumber(ARGV[2]) - tonumber(joined)))
  redis.call('HDEL', KEYS[2], ARGV[1])
end
return redis.call('ZREM', KEYS[1], ARGV[1])
