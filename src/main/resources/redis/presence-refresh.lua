-- Refreshes one instance's members of a room (XX: never re-adds a member that was swept), sweeps members not
-- refreshed within the window (a crashed instance's), adding their time to the watch time, and keeps the room's
-- keys alive while anyone is in it.
-- KEYS: members, joined, watched, unique, peak (of one room)
-- ARGV: now ms, window ms, key ttl ms, member...
-- Answers {members swept, members left}.
local now = tonumber(ARGV[1])
for i = 4, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i]) end
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
return {#stale / 2, left}
