-- Adds to a running total and keeps it for a while after its last change (one script: a total is never left
-- without its expiry). KEYS: total. ARGV: amount, ttl ms. Answers the new total.
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return total
