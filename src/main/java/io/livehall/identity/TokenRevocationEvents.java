package io.livehall.identity;

import java.time.Duration;

import io.livehall.common.redis.LastingSubscription;
import io.livehall.common.redis.RedisKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revocations as they happen, on every instance: whoever holds a token-authenticated resource for long (a STOMP
 * connection) listens here and ends it when its token is revoked, without knowing how identity stores revocations.
 * <p>
 * {@link #revocations()} is a hot stream of {@link RevokedAccess} events published by <em>all</em> instances (this one
 * included) on the Redis channel {@value #CHANNEL}: one per logout (the token's {@code jti}), one per change of a user's
 * rights (role change by an admin, a role granted by a business process such as merchant approval,
 * {@link Accounts#endSessions}: {@code jti} null and the user's new version; every token with a smaller {@code ver}
 * claim is revoked). Events are sent after the revocation is stored, so a token that an event names is already
 * refused over HTTP. Use {@link RevokedAccess#revokes} to match a connection's token.
 * <p>
 * Hot means: events published before a subscriber subscribes are not replayed, and a subscriber that cannot keep up
 * (no demand) misses events; subscribe with unbounded demand (a plain {@code subscribe(consumer)}) and do little work
 * per event. Delivery rides on Redis pub/sub: while the channel is down events are lost (the subscription is renewed
 * with backoff), but revocation itself is not affected (HTTP checks every request), and a socket's token still ends at
 * its {@code exp}.
 * <p>
 * Intended wiring (realtime): each STOMP connection keeps its token's {@code sub}, {@code jti} and {@code ver}; one
 * subscription per instance looks up the connections of {@link RevokedAccess#userId()} and closes those the event
 * revokes with ERROR "token revoked".
 */
@Component
public class TokenRevocationEvents implements SmartLifecycle {

    /** The Redis pub/sub channel all instances publish to and listen on. */
    public static final String CHANNEL = RedisKeys.PREFIX + "auth:revocations";

    private static final Log log = LogFactory.getLog(TokenRevocationEvents.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveRedisConnectionFactory connections;
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Sinks.Many<RevokedAccess> events = Sinks.many().multicast().directBestEffort();
    private volatile ReactiveRedisMessageListenerContainer container;
    private volatile LastingSubscription listening;

    TokenRevocationEvents(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.connections = connections;
        this.redis = redis;
        this.json = json;
    }

    /** Revocations from every instance, from the moment of subscription on (hot; see the class comment). */
    public Flux<RevokedAccess> revocations() {
        return events.asFlux();
    }

    /**
     * Whether the channel is subscribed now (Redis confirmed it and it has not failed since): while it is not, events
     * of other instances may be missed, and whoever remembers what a revocation would end must not rely on them.
     */
    public boolean listening() {
        LastingSubscription l = listening;
        return l != null && l.subscribed();
    }

    /** Announces a stored revocation to every instance; never fails (a lost announcement is logged). */
    Mono<Void> publish(RevokedAccess access) {
        return announce(access)
                .doOnError(e -> log.warn("Could not announce the revocation " + access
                        + " (connections holding the token end at their next token check)", e))
                .onErrorResume(e -> Mono.empty());
    }

    /** Announces a stored revocation to every instance; fails when Redis did not take it (the outbox retries). */
    Mono<Void> announce(RevokedAccess access) {
        return Mono.fromCallable(() -> json.writeValueAsString(access))
                .flatMap(text -> redis.convertAndSend(CHANNEL, text))
                .timeout(PUBLISH_TIMEOUT)
                .then();
    }

    private void deliver(String message) {
        RevokedAccess access;
        try {
            access = json.readValue(message, RevokedAccess.class);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed revocation event: " + message, e);
            return;
        }
        events.tryEmitNext(access);
    }

    /**
     * Subscribes to the channel, waiting (at most 10 s) until Redis confirmed it, so no event of ours is missed
     * ({@link LastingSubscription#start}).
     */
    @Override
    public void start() {
        ReactiveRedisMessageListenerContainer listener = new ReactiveRedisMessageListenerContainer(connections);
        container = listener;
        LastingSubscription subscription = new LastingSubscription("Revocation events", listener, CHANNEL,
                this::deliver);
        listening = subscription;
        subscription.start();
    }

    @Override
    public void stop() {
        LastingSubscription l = listening;
        if (l != null) {
            l.stop();
        }
        ReactiveRedisMessageListenerContainer c = container;
        if (c != null) {
            c.destroyLater().subscribe(v -> { }, e -> log.debug("Closing the revocation listener failed", e));
        }
        listening = null;
        container = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
