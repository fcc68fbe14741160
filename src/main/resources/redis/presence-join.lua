-- A connection joins a room (all keys of one room: livehall:presence:{<type>:<id>}:*).
-- KEYS: members (zset member -> last refresh ms), joined (hash member -> join ms), unique (HyperLogLog of viewers),
--       peak (most members counted at once), watched (finished watch time, ms)
-- ARGV: member, now ms, viewer id ('' for an anonymous guest: not counted as a unique viewer), window ms, key ttl ms
-- Answers the members counted now.
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('PFADD', KEYS[3], ARGV[3]) end
local n = redis.call('ZCOUNT', KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[4]), '+inf')
local peak = tonumber(redis.call('GET', KEYS[4]) or '0')
if n > peak then redis.call('SET', KEYS[4], n) end
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
return n
