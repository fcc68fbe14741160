-- What the reconciler compares with PostgreSQL: the gate's stock and the open reservations, read together.
-- KEYS: 1 stock, 2 reserved (of one deal)
-- Answers { stock ('' when the gate is not loaded), field, reservation, field, reservation, ... }.
local out = { redis.call('GET', KEYS[1]) or '' }
local open = redis.call('HGETALL', KEYS[2])
for i = 1, #open do out[#out + 1] = open[i] end
return out
