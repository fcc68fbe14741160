-- Orders of one deal are in PostgreSQL: each one's reservation (if it is still the one named by the token) turns
-- into a sale, and its Idempotency-Key's marker names the order, so a repeat is answered with it. The units stay
-- taken (they were taken when the reservation was made).
-- KEYS: 1 reserved, 2.. the orders' markers (all of one deal)
-- ARGV: 1 marker ttl ms, then per order (in the order of KEYS[2..]): reservation field, token ('' = none), order id
-- Answers the number of markers set.
for i = 2, #KEYS do
  local j = 2 + (i - 2) * 3
  local r = redis.call('HGET', KEYS[1], ARGV[j])
  if r and string.match(r, '^[^|]*') == ARGV[j + 1] then redis.call('HDEL', KEYS[1], ARGV[j]) end
  redis.call('SET', KEYS[i], ARGV[j + 2], 'PX', ARGV[1])
end
return #KEYS - 1
