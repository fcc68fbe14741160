-- Raises fields of one scope's minute hash to at least the given values (a sample of viewers: two instances sampling
-- the same minute keep the larger). KEYS[1] the minute's hash, KEYS[2] the pending minutes (same hash tag)
-- ARGV[1] ttl ms, ARGV[2] the epoch minute, then pairs field, value
local i = 3
while i < #ARGV do
  local now = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
  if tonumber(ARGV[i + 1]) > now then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
  i = i + 2
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
