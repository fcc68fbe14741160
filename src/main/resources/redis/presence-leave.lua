-- A connection leaves a room; its time in the room is added to the finished watch time.
-- KEYS: the room's presence keys (presence-lib). ARGV: instance, connection, now ms, key ttl ms
-- Answers 1 if the member was there, else 0.
-- include: presence-lib
local instance, now = ARGV[1], tonumber(ARGV[3])
local member = instance .. '/' .. ARGV[2]
local new = signed(instance, now, tick())
local joined = redis.call('HGET', KEYS[2], member)
if joined then
  local spent = math.max(0, now - tonumber(joined))
  if redis.call('INCRBY', KEYS[5], spent) == spent then new = true end -- the first watch time: a new key
  redis.call('HDEL', KEYS[2], member)
end
local removed = redis.call('ZREM', KEYS[1], member)
if removed == 1 then dropped(member) end
if new then keep(ARGV[4]) end
return removed
