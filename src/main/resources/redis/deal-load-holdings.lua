-- Rebuilding a lost gate, step 1 (in batches): what each buyer holds according to PostgreSQL, only while the stock
-- key is missing (a gate that came back meanwhile is left alone).
-- KEYS: 1 stock, 2 buyers (of one deal). ARGV: 1 expiry (unix seconds), then buyer id, units, buyer id, units, ...
-- Answers 1 if loaded, 0 if the gate was there.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIREAT', KEYS[2], ARGV[1])
return 1
