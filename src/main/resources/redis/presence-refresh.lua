-- Refreshes one instance's members of a room (never re-adds one that is not there: it is answered as missing, and
-- the instance joins it again if it is still connected: Redis lost it, restarted empty or failed over), sweeps members
-- not refreshed within the window (a crashed instance's), adding their time to the watch time, and keeps the room's
-- keys alive while anyone is in it.
-- KEYS: members, joined, watched, unique, peak (of one room)
-- ARGV: now ms, window ms, key ttl ms, member...
-- Answers {members swept, members left, missing member...}.
local now = tonumber(ARGV[1])
local missing = {}
for i = 4, #ARGV do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
    redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i])
  else
    missing[#missing + 1] = ARGV[i]
  end
end
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])), 'WITHSCORES')
for i = 1, #stale, 2 do
  local joined = redis.call('HGET', KEYS[2], stale[i])
  if joined then
    redis.call('INCRBY', KEYS[3], math.max(0, tonumber(stale[i + 1]) - tonumber(joined)))
    redis.call('HDEL', KEYS[2], stale[i])
  end
  redis.call('ZREM', KEYS[1], stale[i])
end
local left = redis.call('ZCARD', KEYS[1])
if left > 0 then
  for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
end
local answer = {#stale / 2, left}
for i = 1, #missing do answer[#answer + 1] = missing[i] end
return answer
