-- Publishes many messages that are not kept (users' queues), in order, in one call. No keys (channels are not keys).
-- ARGV: channel 1, json 1, channel 2, json 2, ...
for i = 1, #ARGV, 2 do redis.call('PUBLISH', ARGV[i], '-|' .. ARGV[i + 1]) end
return #ARGV / 2
