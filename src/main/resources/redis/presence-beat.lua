-- An instance with members in a room renews its lease there (every beat, well within the lease), offers the count
-- as a peak candidate (its lease may have lapsed and come back) and settles the candidates its sign confirms.
-- KEYS: the room's presence keys (presence-lib). ARGV: instance, now ms, lease ms, peak slot ms, key ttl ms
-- Answers 1 if another instance's lease ran out with members since the last look (the count fell), else 0.
-- include: presence-lib
local instance, now, lease, slot = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local t = tick()
signed(instance, now, t)
local n, parts, lapsed = counted(now, lease, true)
propose(instance, now, t, n, parts, slot)
settle(now, lease, slot)
keep(ARGV[5])
return lapsed and 1 or 0
