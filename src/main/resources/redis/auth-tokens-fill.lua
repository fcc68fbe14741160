-- Fills a user's token cache with what PostgreSQL said, if the fill begun by auth-tokens-begin-fill.lua is still the
-- current one. Merges only: the version never goes down, logged-out tokens are added, nothing is removed (a
-- revocation cached while PostgreSQL was being read stays).
-- KEYS: the user's hash. ARGV: the nonce, the version, then pairs of a logged-out token's jti and its expiry in ms.
-- Answers 1 if filled, 0 if the fill was superseded.
if redis.call('HGET', KEYS[1], 'fill') ~= ARGV[1] then
  return 0
end
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
if tonumber(ARGV[2]) > current then
  redis.call('HSET', KEYS[1], 'v', ARGV[2])
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], 'r:' .. ARGV[i], ARGV[i + 1])
end
redis.call('HDEL', KEYS[1], 'fill')
return 1
