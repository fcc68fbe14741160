-- Stores a product page read from the database, unless the product changed while it was read.
-- KEYS: page, stamp (of one product). ARGV: stamp seen before reading, page, ttl ms. Answers 1 if stored.
if (redis.call('GET', KEYS[2]) or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
