-- Publishes one message of a destination. EVENT messages are appended to the destination's capped replay stream
-- (their stream id goes with them), LATEST values are stored for new subscribers; both are kept for a day after the
-- last message. Then the message is PUBLISHed on the destination's channel as '<stream id or ->|<json>'.
-- KEYS: stream, last value (of one destination). ARGV: mode (EVENT, LATEST), json, stream length, channel, ttl s.
local id = '-'
if ARGV[1] == 'EVENT' then
  id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'd', ARGV[2])
  redis.call('EXPIRE', KEYS[1], ARGV[5])
elseif ARGV[1] == 'LATEST' then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[5])
end
redis.call('PUBLISH', ARGV[4], id .. '|' .. ARGV[2])
return id
