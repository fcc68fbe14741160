-- The flash-deal gate: lets one order through (reserving its units) or says why not, in one call. All keys belong to
-- one deal (livehall:deal:{<id>}:*), so the script runs on one Redis Cluster slot.
-- KEYS: 1 stock (units the gate still lets through), 2 buyers (hash buyer -> units held),
--       3 reserved (hash <buyer>:<sha256(key)> -> reservation of an order being placed),
--       4 marker (the Idempotency-Key's committed order id), 5 attempts (the buyer's order attempts on this deal),
--       6 closed (why the deal was closed early)
-- ARGV: 1 buyer id, 2 units, 3 per-buyer limit, 4 reservation field (<buyer>:<sha256(key)>),
--       5 reservation (<token>|<units>|<taken at ms>|<key>; the token starts with the instance id),
--       6 attempt window ms ('' = do not count this attempt: a retry inside one request), 7 attempts per window
-- Answers '<OUTCOME>:<value>': TOO_MANY:<ms until the window ends>, KNOWN:<order id>, PENDING:<reservation>,
--   CLOSED:<why>, NOT_LOADED:, LIMIT_REACHED:<units held>, SOLD_OUT:0, SHORT:<units left>, PASSED:<units left>.
-- The limit is checked before the stock: a buyer who holds the limit is told so, even when the deal is sold out.
if ARGV[6] ~= '' then
  local hits = redis.call('INCR', KEYS[5])
  local ttl = redis.call('PTTL', KEYS[5])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[5], ARGV[6])
    ttl = tonumber(ARGV[6])
  end
  if hits > tonumber(ARGV[7]) then return 'TOO_MANY:' .. ttl end
end
local marker = redis.call('GET', KEYS[4])
if marker then return 'KNOWN:' .. marker end
local pending = redis.call('HGET', KEYS[3], ARGV[4])
if pending then return 'PENDING:' .. pending end
local closed = redis.call('GET', KEYS[6])
if closed then return 'CLOSED:' .. closed end
local stock = redis.call('GET', KEYS[1])
if not stock then return 'NOT_LOADED:' end
stock = tonumber(stock)
local n = tonumber(ARGV[2])
local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if held + n > tonumber(ARGV[3]) then return 'LIMIT_REACHED:' .. held end
if stock <= 0 then return 'SOLD_OUT:0' end
if stock < n then return 'SHORT:' .. stock end
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
redis.call('HINCRBY', KEYS[2], ARGV[1], n)
-- the buyers and reservations live as long as the stock (the deal's end plus an hour)
local life = redis.call('PTTL', KEYS[1])
if life > 0 then
  if redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], life) end
  if redis.call('PTTL', KEYS[2]) < 0 then redis.call('PEXPIRE', KEYS[2], life) end
end
return 'PASSED:' .. redis.call('DECRBY', KEYS[1], n)
