-- Adds to one scope's tallies (common/tally/Tally), all under the scope's hash tag: the minute's hash, the day's hash
-- and the index of minutes not yet rolled up into PostgreSQL.
-- KEYS[1] the minute's hash, KEYS[2] the day's hash, KEYS[3] the pending minutes (sorted set, score = epoch minute)
-- ARGV[1] ttl ms, ARGV[2] the epoch minute, ARGV[3] how many pairs follow that go to the minute and the day,
-- then pairs field, amount (first the minute-and-day ones, then the day-only ones)
local n = tonumber(ARGV[3])
local i = 4
local pair = 0
while i < #ARGV do
  if pair < n then
    redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
  end
  redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
  pair = pair + 1
  i = i + 2
end
if n > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[2])
  redis.call('PEXPIRE', KEYS[3], ARGV[1])
end
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
