-- A connection leaves a room; its time in the room is added to the finished watch time.
-- KEYS: the room's presence keys (presence-lib). ARGV: instance, connection, now ms
-- Answers 1 if the member was there, else 0.
-- include: presence-lib
local instance, now = ARGV[1], tonumber(ARGV[3])
local member = instance .. '/' .. ARGV[2]
signed(instance, now, tick())
local joined = redis.call('HGET', KEYS[2], member)
if joined then
  redis.call('INCRBY', KEYS[5], math.max(0, now - tonumber(joined)))
  redis.call('HDEL', KEYS[2], member)
end
local removed = redis.call('ZREM', KEYS[1], member)
if removed == 1 then dropped(member) end
return removed
