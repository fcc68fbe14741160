-- Loads a deal's stock: when the deal opens, or (step 2 of a rebuild) from PostgreSQL's remaining units. SET NX, so
-- instances rebuilding at once agree. A stock newly set drops reservations left from the lost gate: PostgreSQL's
-- figure already counts what their orders took, and their owners' give-backs must not add to it.
-- KEYS: 1 stock, 2 reserved (of one deal). ARGV: 1 units, 2 expiry (unix seconds)
-- Answers 1 if set, 0 if the stock was there.
local set = redis.call('SET', KEYS[1], ARGV[1], 'NX')
redis.call('EXPIREAT', KEYS[1], ARGV[2])
if set then
  redis.call('DEL', KEYS[2])
  return 1
end
return 0
