-- What the gate knows of one Idempotency-Key of a deal.
-- KEYS: 1 marker, 2 reserved (of one deal). ARGV: 1 reservation field (<buyer>:<sha256(key)>)
-- Answers KNOWN:<order id> (committed), PENDING:<reservation> (being placed) or NONE: (neither).
local marker = redis.call('GET', KEYS[1])
if marker then return 'KNOWN:' .. marker end
local pending = redis.call('HGET', KEYS[2], ARGV[1])
if pending then return 'PENDING:' .. pending end
return 'NONE:'
