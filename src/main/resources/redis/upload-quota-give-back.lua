-- Gives back what upload-quota-take.lua took for a file that was not stored after all. Only while the window that
-- counted it lasts (a new window never starts from a give-back), and never below zero.
-- KEYS: the user's file counter, the user's byte counter. ARGV: the file's bytes. Answers 1 if given back.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local files = redis.call('DECR', KEYS[1])
if files < 0 then
  redis.call('SET', KEYS[1], 0, 'KEEPTTL')
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  local bytes = redis.call('DECRBY', KEYS[2], tonumber(ARGV[1]))
  if bytes < 0 then
    redis.call('SET', KEYS[2], 0, 'KEEPTTL')
  end
end
return 1
