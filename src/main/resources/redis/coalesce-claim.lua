-- One coalesced topic of one thing (CoalescedPublisher): marks it changed and claims a publication window.
-- KEYS[1] the "changed" flag, KEYS[2] the last window claimed (same hash tag)
-- ARGV[1] the window (its index: epoch milliseconds / window length), ARGV[2] '1' when the caller has changes to mark,
-- ARGV[3] how long both keys live (ms)
-- Answers 1: claimed, the caller publishes now (the flag is consumed); -1: this window (or a later one) is claimed
-- already, try the next; 0: nothing changed that is not published or being published.
if ARGV[2] == '1' then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[3])
end
local claimed = redis.call('get', KEYS[2])
if claimed and tonumber(claimed) >= tonumber(ARGV[1]) then
  return -1
end
if redis.call('del', KEYS[1]) == 0 then
  return 0
end
redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[3])
return 1
