package io.livehall.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.livehall.common.cache.NearCache;
import io.livehall.common.cache.NearCaches;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless tokens made revocable, with PostgreSQL as the truth ({@link RevocationStore}) and Redis as a cache
 * ({@link RevocationCache}), so that losing Redis (FLUSHDB, a restart, eviction) never revives a revoked token.
 * <ul>
 *   <li>Logout records the token id until it would have expired (plus the validator's clock-skew allowance).</li>
 *   <li>Each user has a token version, carried in the {@code ver} claim; a change of rights raises it in the same
 *       transaction as the change, so every older token stops at once.</li>
 *   <li>A token that passed the check is remembered on this instance ({@link NearCache} {@value #ACCEPTED}) for
 *       {@code livehall.jwt.revocation-local-ttl} (10 s by default), so a client's next requests skip Redis: the round
 *       trip, and the hop of the rest of the request onto the one Redis connection's event loop, cost an authenticated
 *       request more than half of its time. Revocations forget it: on this instance before the revoking request is
 *       answered, on every other one when the announcement arrives (milliseconds); only an announcement lost while
 *       Redis stays connected (a lost connection empties every near cache) leaves it up to that TTL.</li>
 *   <li>Otherwise a request asks the cache once (one Redis round trip: the user's version and this token's id). Only
 *       when the cache is cold for the user (no version cached), or behind the token (a version newer than the cached
 *       one), or Redis fails, is PostgreSQL asked, and the cache filled from it.</li>
 *   <li>Stored revocations are announced to all instances ({@link TokenRevocationEvents}): a logout at once, a raised
 *       version at once after its commit and again through the outbox (which retries until Redis takes it).</li>
 * </ul>
 * A cache write that fails after PostgreSQL committed is retried twice; if it still fails, the cached answer can be out
 * of date until the user's cache entry expires ({@code livehall.jwt.revocation-cache-ttl}, 15 minutes by default).
 */
@Component
class TokenRevocations {

    static final String VERSION_CLAIM = RevokedAccess.VERSION_CLAIM;
    /** the near cache of tokens that passed the check, by token id */
    static final String ACCEPTED = "auth-accepted";
    static final int ACCEPTED_MAX = 20_000;
    /** the decoder accepts a token up to 60 s after its {@code exp} (clock skew): revocations are kept longer */
    static final Duration GRACE = Duration.ofMinutes(2);

    private static final Log log = LogFactory.getLog(TokenRevocations.class);
    /** outbox kind of a raised token version (its announcement to every instance) */
    static final String VERSION_RAISED = "token-version-raised";
    private static final Retry CACHE_WRITE_RETRY = Retry.backoff(2, Duration.ofMillis(50));

    private final RevocationStore store;
    private final RevocationCache cache;
    private final TokenRevocationEvents events;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter cacheFailures;
    private final NearCache<Accepted> accepted;

    /** A token (by its id) passed the check as this user's token of this version. */
    record Accepted(long userId, long version) {
    }

    TokenRevocations(RevocationStore store, RevocationCache cache, TokenRevocationEvents events, Clock clock,
                     MeterRegistry meters, Outbox outbox, JsonMapper json, NearCaches nearCaches, JwtProperties properties) {
        this.store = store;
        this.cache = cache;
        this.events = events;
        this.outbox = outbox;
        // trusted only while the revocation channel is subscribed: that is how other instances' revocations arrive
        this.accepted = nearCaches.create(ACCEPTED, ACCEPTED_MAX, properties.revocationLocalTtl(), events::listening);
        events.revocations().subscribe(this::forget, e -> log.error("Forgetting revoked tokens stopped", e));
        outbox.handle(VERSION_RAISED, (eventId, payload) -> events.announce(json.readValue(payload, RevokedAccess.class)));
        this.clock = clock;
        this.cacheFailures = Counter.builder("livehall.auth.revocation.cache.failures")
                .description("Revocation checks that fell back to PostgreSQL because Redis failed or timed out")
                .register(meters);
    }

    /** Logout: this token stops working on every instance. */
    Mono<Void> revoke(Jwt jwt) {
        if (jwt.getId() == null || jwt.getExpiresAt() == null) {
            return Mono.empty();
        }
        Instant keepUntil = jwt.getExpiresAt().plus(GRACE);
        if (!keepUntil.isAfter(clock.instant())) {
            return Mono.empty();
        }
        long userId = Long.parseLong(jwt.getSubject());
        RevokedAccess event = new RevokedAccess(userId, jwt.getId(), version(jwt));
        return store.revoke(jwt.getId(), userId, keepUntil)
                .then(Mono.defer(() -> cache.revoked(userId, jwt.getId(), keepUntil)
                        .retryWhen(CACHE_WRITE_RETRY)
                        .onErrorResume(e -> {
                            log.warn("Logout of user " + userId + " stored, but not cached", e);
                            forget(event);
                            return events.publish(event).then(Mono.error(e));
                        })
                        // forgotten here only now: a check that read Redis before the write could otherwise keep it
                        .then(Mono.fromRunnable(() -> forget(event)))
                        .then(events.publish(event))));
    }

    /**
     * Ends every token the user holds: raises the version in the caller's transaction (404 if there is no such
     * user), queues its announcement in the transactional outbox (so it reaches every instance even if Redis is away
     * at the commit, and after what the same transaction queued before it, e.g. the notification of an approval) and,
     * once that has committed (at once without a transaction), updates the cache. A login between the raise and the
     * commit gets a token of the old version, which is refused after the commit.
     */
    Mono<Void> revokeAllOf(long userId) {
        return store.raiseVersion(userId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("用户")))
                .flatMap(version -> outbox.append(VERSION_RAISED, new RevokedAccess(userId, null, version))
                        .then(afterCommit(Mono.defer(() -> versionRaised(userId, version)))));
    }

    private Mono<Void> versionRaised(long userId, long version) {
        RevokedAccess event = new RevokedAccess(userId, null, version);
        return cache.versionRaised(userId, version)
                .retryWhen(CACHE_WRITE_RETRY)
                .doOnError(e -> log.warn("Token version " + version + " of user " + userId + " stored, but not cached", e))
                .onErrorResume(e -> Mono.empty())
                // after the cache write (see revoke); other instances hear it at once, the outbox's copy follows
                .then(Mono.fromRunnable(() -> forget(event)))
                .then(events.publish(event));
    }

    /** Forgets the remembered checks of the tokens the event revokes. */
    private void forget(RevokedAccess event) {
        if (event.jti() != null) {
            accepted.evict(event.jti());
        } else {
            accepted.evictIf((jti, token) -> event.revokes(token.userId(), jti, token.version()));
        }
    }

    /** Refuses a revoked token ({@link RevokedTokenException}, shown to the user); answers it otherwise. */
    Mono<Jwt> rejectIfRevoked(Jwt jwt) {
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return Mono.error(new RevokedTokenException("令牌无效，请重新登录"));
        }
        long version = version(jwt);
        String jti = jwt.getId();
        if (jti == null) {
            return check(jwt, userId, version);
        }
        return accepted.get(jti, () -> check(jwt, userId, version).thenReturn(new Accepted(userId, version)))
                .flatMap(known -> known.userId() == userId && known.version() == version ? Mono.just(jwt)
                        : check(jwt, userId, version));
    }

    /** The check itself: Redis, and PostgreSQL when Redis cannot tell. */
    private Mono<Jwt> check(Jwt jwt, long userId, long version) {
        return cache.lookup(userId, jwt.getId())
                .map(Optional::of)
                .onErrorResume(e -> {
                    cacheFailures.increment();
                    log.debug("Revocation cache unavailable, asking PostgreSQL", e);
                    return Mono.just(Optional.empty());
                })
                .flatMap(cached -> {
                    if (cached.isEmpty()) {
                        return fromDatabase(jwt, userId, version, false);
                    }
                    RevocationCache.Cached c = cached.get();
                    if (c.revoked()) {
                        return Mono.error(loggedOut());
                    }
                    if (c.version() != null && version < c.version()) {
                        return Mono.error(rightsChanged());
                    }
                    if (c.version() != null && version == c.version()) {
                        return Mono.just(jwt);
                    }
                    return fromDatabase(jwt, userId, version, true); // cold, or behind this token
                });
    }

    private Mono<Jwt> fromDatabase(Jwt jwt, long userId, long version, boolean fillCache) {
        Mono<Optional<String>> fill = fillCache
                ? cache.beginFill(userId).map(Optional::of).onErrorResume(e -> Mono.just(Optional.empty()))
                : Mono.just(Optional.empty());
        return fill.flatMap(nonce -> store.load(userId, clock.instant())
                .switchIfEmpty(Mono.error(() -> new RevokedTokenException("令牌已失效，请重新登录")))
                .flatMap(tokens -> nonce.map(n -> cache.fill(userId, n, tokens).onErrorResume(e -> Mono.just(false)))
                        .orElse(Mono.just(false))
                        .then(Mono.defer(() -> decide(jwt, version, tokens)))));
    }

    private static Mono<Jwt> decide(Jwt jwt, long version, RevocationStore.UserTokens tokens) {
        if (jwt.getId() != null && tokens.revoked().containsKey(jwt.getId())) {
            return Mono.error(loggedOut());
        }
        if (version < tokens.version()) {
            return Mono.error(rightsChanged());
        }
        if (version > tokens.version()) {
            // not issued by this database (e.g. a token from before versions were kept in PostgreSQL)
            return Mono.error(new RevokedTokenException("令牌已失效，请重新登录"));
        }
        return Mono.just(jwt);
    }

    private static RevokedTokenException loggedOut() {
        return new RevokedTokenException("令牌已注销，请重新登录");
    }

    private static RevokedTokenException rightsChanged() {
        return new RevokedTokenException("账号权限已变更，请重新登录");
    }

    static long version(Jwt jwt) {
        Object carried = jwt.getClaims().get(VERSION_CLAIM);
        return carried instanceof Number n ? n.longValue() : 0;
    }

    private static Mono<Void> afterCommit(Mono<Void> action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .flatMap(tx -> {
                    tx.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return action;
                        }
                    });
                    return Mono.just(true);
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.defer(() -> action.thenReturn(false)))
                .then();
    }
}
