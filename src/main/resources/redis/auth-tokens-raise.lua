-- Caches a user's raised token version (after PostgreSQL committed it). A cold hash (no 'v') stays cold: the next
-- request reads PostgreSQL. A fill in progress is cancelled, since it may have read the version before the raise.
-- KEYS: the user's hash. ARGV: the new version. Answers 1 if the cache now holds it, 0 if it is cold.
redis.call('HDEL', KEYS[1], 'fill')
local current = redis.call('HGET', KEYS[1], 'v')
if not current then
  return 0
end
if tonumber(ARGV[1]) > tonumber(current) then
  redis.call('HSET', KEYS[1], 'v', ARGV[1])
end
return 1
