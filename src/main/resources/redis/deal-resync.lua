-- An order found no stock in PostgreSQL behind a pass of the gate: the gate's stock becomes PostgreSQL's figure.
-- KEYS: 1 stock. ARGV: 1 remaining units. Answers 1 if set, 0 if the gate is not loaded.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
return 1
