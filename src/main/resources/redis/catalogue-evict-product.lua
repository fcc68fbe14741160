-- A product changed: bump its stamp (so a page read before the change is not stored) and drop its page.
-- KEYS: page, stamp (of one product). ARGV: stamp ttl ms.
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1])
return 1
