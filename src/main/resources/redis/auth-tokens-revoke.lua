-- Caches one logged-out token in its user's token cache (after PostgreSQL has it). Works on a cold hash too: the
-- field is merged by the next fill, never removed.
-- KEYS: the user's hash. ARGV: the token's jti, its expiry in ms, the hash's lifetime in ms (if it has none yet).
redis.call('HSET', KEYS[1], 'r:' .. ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 1
