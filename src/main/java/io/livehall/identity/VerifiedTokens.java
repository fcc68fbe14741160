package io.livehall.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Tokens this instance has already verified, kept until they expire: a client sends the same token with every
 * request, and checking its RSA signature, parsing its JSON and converting its claims again each time was the
 * largest single cost of an authenticated request (measured in the order benchmark). The key is the whole token,
 * signature included, so only the exact bytes that were verified are recognised. Revocation is not cached: the
 * caller still asks Redis on every request.
 * <p>
 * Bounded: past {@code maxEntries} the expired entries are dropped, and if that is not enough, all of them.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries) {
        this(verifier, maxEntries, Clock.systemUTC());
    }

    /** {@code clock}: the one tokens are issued and validated by (the application's {@code Clock} bean). */
    VerifiedTokens(ReactiveJwtDecoder verifier, int maxEntries, Clock clock) {
        this.verifier = verifier;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= maxEntries) {
            Instant now = clock.instant();
            verified.values().removeIf(j -> !stillValid(j, now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    private static boolean stillValid(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
