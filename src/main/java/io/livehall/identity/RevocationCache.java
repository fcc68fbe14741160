package io.livehall.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Redis cache of {@link RevocationStore}: per user one hash {@code livehall:auth:{<userId>}:tokens} with the token
 * version ({@code v}) and the logged-out tokens ({@code r:<jti>} → expiry in ms). The hash is <em>warm</em> only when it
 * holds {@code v}, which only a fill from PostgreSQL puts there; writes of new revocations merge into it (never
 * removing anything), so a missing hash or a missing {@code v} means "ask PostgreSQL", never "nothing revoked".
 * The hash lives {@code livehall.jwt.revocation-cache-ttl} from its first write, then is read again from PostgreSQL.
 * Scripts: {@code redis/auth-tokens-*.lua}.
 */
@Component
class RevocationCache {

    /** What the cache says about one token: the user's version (null: cold, ask PostgreSQL) and whether it is revoked. */
    record Cached(Long version, boolean revoked) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final RedisScript<Long> BEGIN_FILL = RedisScripts.load("auth-tokens-begin-fill", Long.class);
    private static final RedisScript<Long> FILL = RedisScripts.load("auth-tokens-fill", Long.class);
    private static final RedisScript<Long> REVOKE = RedisScripts.load("auth-tokens-revoke", Long.class);
    private static final RedisScript<Long> RAISE = RedisScripts.load("auth-tokens-raise", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final long ttlMillis;

    RevocationCache(ReactiveStringRedisTemplate redis, JwtProperties properties) {
        this.redis = redis;
        this.ttlMillis = properties.revocationCacheTtl().toMillis();
    }

    /** One round trip: the version and whether this token id is revoked. */
    Mono<Cached> lookup(long userId, String jti) {
        return redis.<String, String>opsForHash().multiGet(key(userId), List.of("v", revokedField(jti)))
                .timeout(TIMEOUT)
                .map(values -> new Cached(values.get(0) == null ? null : Long.parseLong(values.get(0)), values.get(1) != null));
    }

    /** Starts a fill; answers its nonce, to be passed to {@link #fill}. */
    Mono<String> beginFill(long userId) {
        String nonce = UUID.randomUUID().toString();
        return redis.execute(BEGIN_FILL, List.of(key(userId)), List.of(nonce, Long.toString(ttlMillis)))
                .next().timeout(TIMEOUT).thenReturn(nonce);
    }

    /** Fills the cache with what PostgreSQL said, unless the fill was superseded meanwhile; answers whether it landed. */
    Mono<Boolean> fill(long userId, String nonce, RevocationStore.UserTokens tokens) {
        List<String> args = new ArrayList<>(2 + tokens.revoked().size() * 2);
        args.add(nonce);
        args.add(Long.toString(tokens.version()));
        for (Map.Entry<String, Instant> revoked : tokens.revoked().entrySet()) {
            args.add(revoked.getKey());
            args.add(Long.toString(revoked.getValue().toEpochMilli()));
        }
        return redis.execute(FILL, List.of(key(userId)), args).next().timeout(TIMEOUT).map(done -> done == 1L);
    }

    Mono<Void> revoked(long userId, String jti, Instant expiresAt) {
        return redis.execute(REVOKE, List.of(key(userId)),
                        List.of(jti, Long.toString(expiresAt.toEpochMilli()), Long.toString(ttlMillis)))
                .next().timeout(TIMEOUT).then();
    }

    Mono<Void> versionRaised(long userId, long version) {
        return redis.execute(RAISE, List.of(key(userId)), List.of(Long.toString(version))).next().timeout(TIMEOUT).then();
    }

    static String key(long userId) {
        return RedisKeys.of("auth", userId, "tokens");
    }

    private static String revokedField(String jti) {
        return "r:" + (jti == null ? "" : jti);
    }
}
