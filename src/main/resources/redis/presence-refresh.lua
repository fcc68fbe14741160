-- Refreshes one instance's members of a room (never re-adds one that is not there: it is answered as missing, and
-- the instance joins it again if it is still connected: Redis lost it, restarted empty, failed over, or swept it after
-- a pause longer than the window), sweeps members not refreshed within the window (a crashed instance's), adding their
-- time to the watch time, settles peak candidates and keeps the room's keys alive while anyone is in it. Every
-- instance runs it for every room in use.
-- KEYS: the room's presence keys (presence-lib).
-- ARGV: instance, now ms, window ms, lease ms, peak slot ms, key ttl ms, connection... (this instance's members)
-- Answers {members swept, members left, 1 if the count fell without a leave (swept, or a lease ran out) else 0,
--          missing connection...}.
-- include: presence-lib
local instance, now, lease, slot = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[4]), tonumber(ARGV[5])
if #ARGV > 6 then signed(instance, now, tick()) end
local missing = {}
for i = 7, #ARGV do
  local member = instance .. '/' .. ARGV[i]
  if redis.call('ZSCORE', KEYS[1], member) then
    redis.call('ZADD', KEYS[1], 'XX', now, member)
  else
    missing[#missing + 1] = ARGV[i]
  end
end
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[3])), 'WITHSCORES')
for i = 1, #stale, 2 do
  local joined = redis.call('HGET', KEYS[2], stale[i])
  if joined then
    redis.call('INCRBY', KEYS[5], math.max(0, tonumber(stale[i + 1]) - tonumber(joined)))
    redis.call('HDEL', KEYS[2], stale[i])
  end
  redis.call('ZREM', KEYS[1], stale[i])
  dropped(stale[i])
end
local _, _, lapsed = counted(now, lease, true)
local settled = settle(now, lease, slot)
local left = redis.call('ZCARD', KEYS[1])
if left > 0 or settled then keep(ARGV[6]) end
local answer = {#stale / 2, left, (lapsed or #stale > 0) and 1 or 0}
for i = 1, #missing do answer[#answer + 1] = missing[i] end
return answer
