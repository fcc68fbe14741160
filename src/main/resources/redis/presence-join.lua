-- A connection joins a room. KEYS: the room's presence keys (presence-lib).
-- ARGV: instance, connection, now ms, viewer id ('' for an anonymous guest: not counted as a unique viewer),
--       lease ms, peak slot ms, key ttl ms
-- Answers the members counted now.
-- include: presence-lib
local instance, now, lease, slot = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[5]), tonumber(ARGV[6])
local member = instance .. '/' .. ARGV[2]
local t = tick()
local new = signed(instance, now, t)
if redis.call('ZADD', KEYS[1], now, member) == 1 then
  redis.call('HINCRBY', KEYS[6], instance, 1)
  if redis.call('ZCARD', KEYS[1]) == 1 then new = true end -- the room was empty: its keys may be new
end
redis.call('HSETNX', KEYS[2], member, now)
if ARGV[4] ~= '' then
  if redis.call('EXISTS', KEYS[3]) == 0 then new = true end -- the first unique viewer: a new key
  redis.call('PFADD', KEYS[3], ARGV[4])
end
local n, parts = counted(now, lease, false)
local proposed = propose(instance, now, t, n, parts, slot)
local settled = settle(now, lease, slot)
-- a key may be new (or the peak rewritten without its expiry) only then: a join in a steady room sets no expiry
if new or proposed or settled then keep(ARGV[7]) end
return n
