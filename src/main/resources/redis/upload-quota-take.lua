-- Takes one file of a given size from a user's upload quota, only if it fits: the count and the bytes go up together
-- or not at all (uploads racing for the last of the quota cannot both pass it). The first take starts the window;
-- both counters expire when it ends.
-- KEYS: the user's file counter, the user's byte counter (one hash tag: the user).
-- ARGV: window ms, max files, max bytes, this file's bytes.
-- Answers {1 if taken else 0, files counted, bytes counted, ms until the window ends}.
local files = tonumber(redis.call('GET', KEYS[1]) or '0')
local bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
local size = tonumber(ARGV[4])
local ttl = redis.call('PTTL', KEYS[1])
if files + 1 > tonumber(ARGV[2]) or bytes + size > tonumber(ARGV[3]) then
  return {0, files, bytes, ttl > 0 and ttl or 0}
end
files = redis.call('INCR', KEYS[1])
bytes = redis.call('INCRBY', KEYS[2], size)
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
redis.call('PEXPIRE', KEYS[2], ttl)
return {1, files, bytes, ttl}
