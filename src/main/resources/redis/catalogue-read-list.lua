-- The current list generation and the cached page of a query in it. All list keys share one hash tag, so the page's
-- key (built here from the generation) is in the same Redis Cluster slot as the generation key.
-- KEYS: generation. ARGV: page key prefix (ends with ':'), query key, generation to start with if none.
-- Answers {generation, page or ''}.
local gen = redis.call('GET', KEYS[1])
if not gen then
  redis.call('SET', KEYS[1], ARGV[3], 'NX')
  gen = redis.call('GET', KEYS[1])
end
return {gen, redis.call('GET', ARGV[1] .. gen .. ':' .. ARGV[2]) or ''}
