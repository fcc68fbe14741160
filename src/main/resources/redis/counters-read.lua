-- Reads counters without counting: for each key its value (0 if missing) and the ms until it expires (0 if missing).
-- KEYS: counters of one thing (one hash tag). Answers {count1, ttl1, count2, ttl2, ...}.
local out = {}
for i = 1, #KEYS do
  local n = tonumber(redis.call('GET', KEYS[i]) or '0')
  local ttl = redis.call('PTTL', KEYS[i])
  out[#out + 1] = n
  out[#out + 1] = ttl > 0 and ttl or 0
end
return out
