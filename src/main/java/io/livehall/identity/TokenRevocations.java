package io.livehall.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stateless tokens made revocable. Logout records the token id until it would expire. Each user has a
 * token version, carried in the {@code ver} claim; a change of roles increments it, so tokens that carry
 * the old roles stop working at once. One Redis round trip per authenticated request.
 * <p>
 * If Redis loses its data, versions restart at zero: tokens issued before a role change would then be
 * accepted again until they expire (at most {@code livehall.jwt.ttl}).
 */
@Component
class TokenRevocations {

    static final String VERSION_CLAIM = "ver";
    private static final String REVOKED = "livehall:auth:revoked:";
    private static final String VERSION = "livehall:auth:token-version:";

    private final ReactiveStringRedisTemplate redis;

    TokenRevocations(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<Void> revoke(Jwt jwt) {
        Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
        if (jwt.getId() == null || left.isNegative() || left.isZero()) {
            return Mono.empty();
        }
        return redis.opsForValue().set(REVOKED + jwt.getId(), "1", left).then();
    }

    /** Every token of this user issued until now stops working (e.g. after a role change). */
    Mono<Void> revokeAllOf(long userId) {
        return redis.opsForValue().increment(VERSION + userId).then();
    }

    /** The version new tokens of this user carry. */
    Mono<Long> currentVersion(long userId) {
        return redis.opsForValue().get(VERSION + userId).map(Long::parseLong).defaultIfEmpty(0L);
    }

    Mono<Jwt> rejectIfRevoked(Jwt jwt) {
        List<String> keys = List.of(REVOKED + jwt.getId(), VERSION + jwt.getSubject());
        return redis.opsForValue().multiGet(keys).flatMap(values -> {
            if (values.get(0) != null) {
                return Mono.error(new RevokedTokenException("令牌已注销，请重新登录"));
            }
            long current = values.get(1) == null ? 0 : Long.parseLong(values.get(1));
            Object carried = jwt.getClaims().get(VERSION_CLAIM);
            long version = carried instanceof Number n ? n.longValue() : 0;
            if (version < current) {
                return Mono.error(new RevokedTokenException("账号权限已变更，请重新登录"));
            }
            return Mono.just(jwt);
        });
    }
}
