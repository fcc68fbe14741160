-- A connection joins a room. KEYS: the room's presence keys (presence-lib).
-- ARGV: instance, connection, now ms, viewer id ('' for an anonymous guest: not counted as a unique viewer),
--       lease ms, peak slot ms, key ttl ms
-- Answers the members counted now.
-- include: presence-lib
local instance, now, lease, slot = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[6])
local member = instance .. '/' .. ARGV[2]
local t = tick()
signed(instance, now, t)
if redis.call('ZADD', KEYS[1], now, member) == 1 then redis.call('HINCRBY', KEYS[6], instance, 1) end
redis.call('HSETNX', KEYS[2], member, now)
if ARGV[4] ~= '' then redis.call('PFADD', KEYS[3], ARGV[4]) end
local n, parts = counted(now, lease, false)
propose(now, t, n, parts, slot)
settle(now, lease, slot)
keep(ARGV[7])
return n
