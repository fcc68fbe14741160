-- Sets the gate's stock to PostgreSQL's figure, only when nothing moved since the reconciler read it: the stock is
-- still what it saw and no order is being placed (no reservation), so the two must agree. Heals a give-back that
-- was lost (an instance died between a cancellation's commit and giving the gate back).
-- KEYS: 1 stock, 2 reserved (of one deal). ARGV: 1 stock seen, 2 PostgreSQL's remaining units
-- Answers 1 if the stock was changed, else 0.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
if ARGV[1] == ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
