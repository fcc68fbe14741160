-- Counts one failed login for a username: in its (username, address) window, in its username-wide window, and notes
-- the address so an admin's unlock can find every counter of the username. One script: no counter is ever left
-- without its expiry.
-- KEYS: the pair counter, the username counter, the username's set of addresses (one hash tag: the username).
-- ARGV: pair window ms, username window ms, the address.
-- Answers {pair count, pair ms left, username count, username ms left}.
local function hit(key, window)
  local n = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, window)
    ttl = tonumber(window)
  end
  return n, ttl
end
local pair, pairTtl = hit(KEYS[1], ARGV[1])
local user, userTtl = hit(KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
local keep = math.max(tonumber(ARGV[1]), redis.call('PTTL', KEYS[3]))
redis.call('PEXPIRE', KEYS[3], keep)
return {pair, pairTtl, user, userTtl}
