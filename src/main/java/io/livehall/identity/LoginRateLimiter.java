package io.livehall.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import io.livehall.common.web.ClientAddress;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing without handing attackers a way to lock the real owner out. Failed logins are counted in
 * Redis (shared by all instances) three ways:
 * <ul>
 *   <li>per (username, address): {@code max-failures} (10) per {@code window} (5 min): one address guessing a
 *       username is stopped, while the owner, from another address, still gets in;</li>
 *   <li>per username from all addresses: {@code max-failures-per-user} (50) per {@code user-window} (15 min): a slower
 *       ceiling against guessing from many addresses (it locks the owner out too; an admin can unlock);</li>
 *   <li>per address over all usernames: {@code max-failures-per-address} (50) per {@code window}: one address trying
 *       many usernames (IPv6 addresses are counted by their /64).</li>
 * </ul>
 * When any of them is full, attempts answer 429 with {@code Retry-After} until that window ends, even with the right
 * password. A wrong password answers 401 with {@code remainingAttempts} (the fewest left of the three). A successful
 * login clears its (username, address) counter only. The address is {@link ClientAddress}'s (the socket's, or
 * {@code X-Forwarded-For} only from trusted proxies). Keys: {@code livehall:login:{<username>}:...} (one hash tag per
 * username) and {@code livehall:login-addr:{<address>}:fail}.
 */
@Component
class LoginRateLimiter {

    /** What an admin's unlock cleared. */
    record Unlock(boolean wasLocked, long failures) {
    }

    /** Attempts left after a failure, and when the fullest counter's window ends. */
    record Remaining(long attempts, Duration resetsIn) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = RedisScripts.load("counters-read", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> FAILURE = RedisScripts.load("login-failure", List.class);

    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowCounter counter;
    private final LoginSettings settings;

    LoginRateLimiter(ReactiveStringRedisTemplate redis, FixedWindowCounter counter, LoginSettings settings) {
        this.redis = redis;
        this.counter = counter;
        this.settings = settings;
    }

    /** Empty if the attempt may go ahead; 429 if a counter of this username or address is full. */
    Mono<Void> checkAllowed(String username, String address) {
        String user = userId(username);
        String addr = ClientAddress.rateLimitKey(address);
        Mono<List<Long>> userCounters = read(List.of(pairKey(user, addr), userKey(user)));
        Mono<List<Long>> addressCounter = read(List.of(addressKey(addr)));
        return Mono.zip(userCounters, addressCounter).flatMap(counts -> {
            List<Long> u = counts.getT1();
            List<Long> a = counts.getT2();
            long wait = 0;
            if (u.get(0) >= settings.maxFailures()) {
                wait = Math.max(wait, u.get(1));
            }
            if (u.get(2) >= settings.maxFailuresPerUser()) {
                wait = Math.max(wait, u.get(3));
            }
            if (a.get(0) >= settings.maxFailuresPerAddress()) {
                wait = Math.max(wait, a.get(1));
            }
            boolean blocked = u.get(0) >= settings.maxFailures() || u.get(2) >= settings.maxFailuresPerUser()
                    || a.get(0) >= settings.maxFailuresPerAddress();
            return blocked ? Mono.error(tooMany(Duration.ofMillis(wait))) : Mono.empty();
        });
    }

    /** Counts a failed attempt; answers how many are left before 429. */
    Mono<Remaining> recordFailure(String username, String address) {
        String user = userId(username);
        String addr = ClientAddress.rateLimitKey(address);
        Mono<List<Long>> userCounters = redis.execute(FAILURE,
                        List.of(pairKey(user, addr), userKey(user), addressesKey(user)),
                        List.of(Long.toString(settings.window().toMillis()), Long.toString(settings.userWindow().toMillis()), addr))
                .next().timeout(TIMEOUT).map(LoginRateLimiter::longs);
        Mono<FixedWindowCounter.Window> addressCounter =
                counter.hit(addressKey(addr), settings.window(), 1).timeout(TIMEOUT);
        return Mono.zip(userCounters, addressCounter).map(counts -> {
            List<Long> u = counts.getT1();
            FixedWindowCounter.Window a = counts.getT2();
            long left = Math.min(settings.maxFailures() - u.get(0),
                    Math.min(settings.maxFailuresPerUser() - u.get(2), settings.maxFailuresPerAddress() - a.hits()));
            long resets = 0;
            if (u.get(0) >= settings.maxFailures()) {
                resets = Math.max(resets, u.get(1));
            }
            if (u.get(2) >= settings.maxFailuresPerUser()) {
                resets = Math.max(resets, u.get(3));
            }
            if (a.hits() >= settings.maxFailuresPerAddress()) {
                resets = Math.max(resets, a.endsIn().toMillis());
            }
            return new Remaining(Math.max(0, left), Duration.ofMillis(resets));
        });
    }

    /** After a successful login: this address starts afresh for this username (the username ceiling stays). */
    Mono<Void> recordSuccess(String username, String address) {
        String user = userId(username);
        String addr = ClientAddress.rateLimitKey(address);
        return redis.delete(pairKey(user, addr)).timeout(TIMEOUT)
                .then(redis.opsForSet().remove(addressesKey(user), addr).timeout(TIMEOUT))
                .then();
    }

    /** Clears every failure counter of the username (all addresses and the ceiling), as an admin's unlock does. */
    Mono<Unlock> unlock(String username) {
        String user = userId(username);
        return redis.opsForSet().members(addressesKey(user)).collectList().timeout(TIMEOUT).flatMap(addresses -> {
            List<String> counters = new ArrayList<>();
            counters.add(userKey(user));
            addresses.forEach(addr -> counters.add(pairKey(user, addr)));
            return read(counters).flatMap(values -> {
                boolean locked = values.get(0) >= settings.maxFailuresPerUser();
                for (int i = 2; i < values.size(); i += 2) {
                    locked |= values.get(i) >= settings.maxFailures();
                }
                List<String> all = new ArrayList<>(counters);
                all.add(addressesKey(user));
                return redis.delete(all.toArray(String[]::new)).timeout(TIMEOUT).thenReturn(new Unlock(locked, values.get(0)));
            });
        });
    }

    static ApiProblem tooMany(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ApiProblem.tooManyRequests("too-many-login-attempts",
                "登录失败次数过多，请 " + minutes(seconds) + " 分钟后再试", retryAfter);
    }

    static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    private Mono<List<Long>> read(List<String> keys) {
        return redis.execute(READ, keys, List.of()).next().timeout(TIMEOUT).map(LoginRateLimiter::longs);
    }

    private static List<Long> longs(List<?> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    /**
     * The username as it appears in keys: lower-case (usernames are unique regardless of case); anything that cannot be
     * a username (braces, odd characters, very long) by its hash, so no input can break the key scheme.
     */
    static String userId(String username) {
        String lower = username.strip().toLowerCase(Locale.ROOT);
        if (PLAIN_NAME.matcher(lower).matches()) {
            return lower;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lower.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pairKey(String user, String address) {
        return RedisKeys.of("login", user, "fail:" + address);
    }

    private static String userKey(String user) {
        return RedisKeys.of("login", user, "fail");
    }

    private static String addressesKey(String user) {
        return RedisKeys.of("login", user, "addrs");
    }

    private static String addressKey(String address) {
        return RedisKeys.of("login-addr", address, "fail");
    }
}
