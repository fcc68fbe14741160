-- A room's figures, after settling the peak candidates that can be. KEYS: the room's presence keys (presence-lib).
-- ARGV: now ms, lease ms, peak slot ms, key ttl ms
-- Answers {counted now, peak, unique viewers, watch time ms (finished plus running)}.
-- include: presence-lib
local now, lease, slot = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if settle(now, lease, slot) then keep(ARGV[4]) end
local n = counted(now, lease, false)
local watching = 0
for _, joined in ipairs(redis.call('HVALS', KEYS[2])) do watching = watching + (now - tonumber(joined)) end
local done = tonumber(redis.call('GET', KEYS[5]) or '0')
return {n, tonumber(redis.call('GET', KEYS[4]) or '0'), redis.call('PFCOUNT', KEYS[3]), done + watching}
