-- Marks a user's token cache (a hash: 'v' = token version, 'r:<jti>' = a logged-out token's expiry in ms) as being
-- filled from PostgreSQL. The fill (auth-tokens-fill.lua) only lands if this mark is still there: if Redis lost the
-- hash meanwhile (FLUSHDB, restart, eviction) or a version was raised meanwhile (auth-tokens-raise.lua), what was read
-- from PostgreSQL may be older than a revocation written since, and the cache stays cold (read again next time).
-- KEYS: the user's hash. ARGV: a fresh nonce, the hash's lifetime in ms (if it has none yet). Answers 1.
redis.call('HSET', KEYS[1], 'fill', ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
