-- Counts one hit in a fixed window: the first hit starts the window (the key expires when it ends). One script, so a
-- counter can never be left without its expiry (an INCR whose EXPIRE was lost would count for ever).
-- KEYS: counter. ARGV: window ms, hits to add (default 1). Answers {hits in the window, ms until it ends}.
local n = redis.call('INCRBY', KEYS[1], tonumber(ARGV[2] or '1'))
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
