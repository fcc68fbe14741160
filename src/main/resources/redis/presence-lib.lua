-- Shared by the presence scripts (each pulls it in with "-- include: presence-lib"). Every presence script takes the
-- same KEYS, all of one room (livehall:presence:{<type>:<id>}:*):
--  1 members  zset '<instance>/<connection>' -> last refresh ms      2 joined  hash member -> join ms
--  3 unique   HyperLogLog of viewers                                 4 peak    most members counted at once (confirmed)
--  5 watched  finished watch time ms                                 6 counts  hash instance -> its members here
--  7 leases   hash instance -> ms of its last sign of life here      8 signs   hash instance -> room clock at that sign
--  9 pending  hash time slot -> peak candidate not yet confirmed (JSON {t = clock, n = count, parts = {instance = n}})
-- 10 clock    the room's logical clock: one tick per script run that an instance makes as a sign of life
-- 11 lapsed   set of instances whose lease ran out while they still had members (told once)
-- An instance's members count while its lease is fresh (it signed within the lease); a crashed instance's stop
-- counting when its lease runs out, long before the window sweeps them. A count becomes the peak only for the
-- instances that signed after it was taken (clock order, not wall clocks): an instance that dies leaves its part
-- of later counts unconfirmed, so viewers it lost and who came back through another instance are never counted twice.

local function tick()
  return redis.call('INCR', KEYS[10])
end

-- the instance running this script is alive at room clock t; answers whether it had no lease here yet
local function signed(instance, now, t)
  local new = redis.call('HSET', KEYS[7], instance, now) == 1
  redis.call('HSET', KEYS[8], instance, t)
  redis.call('SREM', KEYS[11], instance)
  return new
end

-- a member left the sorted set: its instance has one fewer here
local function dropped(member)
  local instance = string.match(member, '^([^/]+)/')
  if instance and redis.call('HINCRBY', KEYS[6], instance, -1) <= 0 then
    redis.call('HDEL', KEYS[6], instance)
  end
end

-- the members counted now (instances with a fresh lease): answers count, parts by instance, and (with note) whether
-- an instance's lease ran out with members since the last look (the count fell without a leave)
local function counted(now, lease, note)
  local total, parts, lapsed = 0, {}, false
  local leases = redis.call('HGETALL', KEYS[7])
  for i = 1, #leases, 2 do
    local instance = leases[i]
    local n = tonumber(redis.call('HGET', KEYS[6], instance) or '0')
    if now - tonumber(leases[i + 1]) <= lease then
      if n > 0 then
        parts[instance] = n
        total = total + n
      end
    elseif n > 0 then
      if note and redis.call('SADD', KEYS[11], instance) == 1 then lapsed = true end
    else
      redis.call('HDEL', KEYS[7], instance)
      redis.call('HDEL', KEYS[8], instance)
      redis.call('SREM', KEYS[11], instance)
    end
  end
  return total, parts, lapsed
end

-- raises the peak to a value (the key keeps its expiry); answers whether the key is new (it has none then)
local function raise(peak)
  return redis.call('SET', KEYS[4], peak, 'KEEPTTL', 'GET') == false
end

-- a count taken at clock t by the instance running the script: its own part is sure at once (it is alive), so
-- with one instance the peak rises at once; with others' parts the count is kept as a peak candidate (the highest
-- of its time slot). Answers whether it wrote a key that may be new.
local function propose(instance, now, t, total, parts, slot)
  local before = tonumber(redis.call('GET', KEYS[4]) or '0')
  if total <= before then return false end
  local mine = parts[instance] or 0
  local new = mine > before and raise(mine)
  if total == mine then return new end
  local at = tostring(math.floor(now / slot))
  local old = redis.call('HGET', KEYS[9], at)
  if old and cjson.decode(old).n >= total then return new end
  redis.call('HSET', KEYS[9], at, cjson.encode({t = t, n = total, parts = parts}))
  return true
end

-- raises the peak by the confirmed parts of each candidate (instances that signed at or after it was taken); a
-- candidate is done when all its parts are confirmed or a lease after its slot (the rest are dead then). Answers
-- whether it made the peak key (new: the caller keeps the room's keys alive then).
local function settle(now, lease, slot)
  local pending = redis.call('HGETALL', KEYS[9])
  if #pending == 0 then return false end
  local before = tonumber(redis.call('GET', KEYS[4]) or '0')
  local peak = before
  for i = 1, #pending, 2 do
    local c = cjson.decode(pending[i + 1])
    local sure, all = 0, true
    for instance, n in pairs(c.parts) do
      if tonumber(redis.call('HGET', KEYS[8], instance) or '0') >= c.t then sure = sure + n else all = false end
    end
    if sure > peak then peak = sure end
    if all or now >= (tonumber(pending[i]) + 1) * slot + lease then redis.call('HDEL', KEYS[9], pending[i]) end
  end
  return peak > before and raise(peak)
end

-- every key of the room expires ttl ms from now (scripts that may create a key call it, so none is left without)
local function keep(ttl)
  for i = 1, 11 do redis.call('PEXPIRE', KEYS[i], ttl) end
end
