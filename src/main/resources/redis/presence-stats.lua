-- A room's figures. KEYS: members, joined, watched, peak, unique (of one room). ARGV: now ms, window ms.
-- Answers {counted now, peak, unique viewers, watch time ms (finished plus running)}.
local now = tonumber(ARGV[1])
local n = redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[2]), '+inf')
local watching = 0
for _, joined in ipairs(redis.call('HVALS', KEYS[2])) do watching = watching + (now - tonumber(joined)) end
local done = tonumber(redis.call('GET', KEYS[3]) or '0')
return {n, tonumber(redis.call('GET', KEYS[4]) or '0'), redis.call('PFCOUNT', KEYS[5]), done + watching}
