package io.livehall.realtime.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The subscribers of this instance, by destination, and the Redis channel subscription each destination
 * with local subscribers holds (and releases when its last local subscriber leaves).
 * <p>
 * Pub/sub loses what is published while a channel is down. Two faults are recovered, each counted:
 * <ul>
 * <li>a channel whose subscription fails or ends while it still has subscribers is subscribed again (backing off up
 *     to {@link #MAX_BACKOFF}; {@code livehall.realtime.channel.failures});</li>
 * <li>Redis or the pub/sub connection goes away and Lettuce reconnects and resubscribes by itself
 *     ({@link RedisReconnects}; {@code livehall.realtime.redis.reconnects}).</li>
 * </ul>
 * Either way the destination then <em>catches up</em>: an EVENT destination reads its replay stream after the newest
 * message it delivered, a LATEST destination its current value, while live messages are held back; so subscribers
 * get what they missed, in order, once (messages to users' queues are not kept and cannot be recovered).
 * <p>
 * A subscriber is told it is subscribed ({@link #add}'s Mono, which the STOMP RECEIPT waits for) only while the
 * channel is subscribed: a subscriber that joins while the channel is being subscribed again waits for Redis to
 * confirm it. What "delivered already" means is measured in stream ids, which are Redis's time: an EVENT destination
 * starts from the newest id in its stream before its channel was subscribed, never from this instance's clock (a
 * clock ahead of Redis's would drop the live messages of its first moments as old).
 */
@Component
class LocalSubscriptions {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Log log = LogFactory.getLog(LocalSubscriptions.class);

    private final class Destination {
        final String name;
        final DestinationKind kind;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        /** the starting mark read, then the first channel subscription; once */
        final Mono<Void> started;
        volatile Disposable channel;
        volatile boolean closed;
        /** the newest stream id delivered (EVENT); null until the starting mark is read */
        private String lastStreamId;
        /** completes while the channel is subscribed; a new, pending one once it failed or ended (guarded by this) */
        private Sinks.Empty<Void> subscribed = Sinks.empty();
        private boolean up;
        /** live messages held while catching up */
        private final HeldMessages held = new HeldMessages(false);

        Destination(String name, DestinationKind kind) {
            this.name = name;
            this.kind = kind;
            this.started = mark().then(Mono.defer(this::listen)).cache();
        }

        /** Completes when the channel is subscribed now (after a failure: once Redis confirmed it again). */
        Mono<Void> ready() {
            return started.then(Mono.defer(this::subscribedNow));
        }

        private synchronized Mono<Void> subscribedNow() {
            return subscribed.asMono();
        }

        private synchronized void up() {
            up = true;
            subscribed.tryEmitEmpty();
        }

        private synchronized void down() {
            if (up) {
                up = false;
                subscribed = Sinks.empty();
            }
        }

        /** Kept EVENT messages: the newest id in the stream before the channel is subscribed. */
        private Mono<Void> mark() {
            if (kind != DestinationKind.EVENT || UserDestinations.isUserDestination(name)) {
                return Mono.empty();
            }
            return bus.newestId(name).doOnNext(id -> {
                synchronized (this) {
                    if (lastStreamId == null) {
                        lastStreamId = id;
                    }
                }
            }).then();
        }

        private Mono<Void> listen() {
            return bus.channel(name, kind)
                    .doOnNext(flux -> {
                        Disposable d = flux.subscribe(this::onLive, this::failed, this::ended);
                        channel = d;
                        if (closed) {
                            d.dispose();
                        } else {
                            up();
                        }
                    })
                    .then();
        }

        private void failed(Throwable e) {
            down();
            log.warn("Redis channel of " + name + " failed; subscribing again", e);
            resubscribe(FIRST_BACKOFF);
        }

        private void ended() {
            if (!closed) {
                down();
                log.warn("Redis channel of " + name + " ended while it has subscribers; subscribing again");
                resubscribe(FIRST_BACKOFF);
            }
        }

        private void resubscribe(Duration backoff) {
            if (closed) {
                return;
            }
            channelFailures.increment();
            Mono.delay(backoff)
                    .then(Mono.defer(this::listen))
                    .subscribe(v -> { }, e -> {
                        log.warn("Subscribing again to " + name + " failed; next try in " + backoff.multipliedBy(2), e);
                        resubscribe(min(backoff.multipliedBy(2), MAX_BACKOFF));
                    }, this::catchUp);
        }

        void onLive(BrokerMessage message) {
            if (!held.keep(message)) {
                deliverOnce(message);
            }
        }

        /** Fans a message out unless it is not newer than what was delivered already. */
        private void deliverOnce(BrokerMessage message) {
            boolean deliver;
            synchronized (this) {
                deliver = advance(message);
            }
            if (deliver) {
                fanOut(message);
            }
        }

        /** Delivers what was missed (replay stream or current value), holding live messages until it is done. */
        void catchUp() {
            if (closed || !held.hold()) {
                return;
            }
            String since;
            synchronized (this) {
                since = lastStreamId;
            }
            Flux<BrokerMessage> missed = switch (kind) {
                // no mark yet: the channel was not subscribed, nothing can have been missed
                case EVENT -> UserDestinations.isUserDestination(name) || since == null ? Flux.empty() : bus.replay(name, since);
                case LATEST -> bus.lastValue(name).flux();
            };
            missed.doOnNext(this::deliverOnce)
                    .doFinally(signal -> held.release(this::deliverOnce))
                    .subscribe(v -> { }, e -> log.warn("Catching up " + name + " failed", e));
        }

        /** True when the message is new here (not older than the newest delivered); moves the mark. */
        private boolean advance(BrokerMessage message) {
            String id = message.streamId();
            if (id == null) {
                return true;
            }
            if (lastStreamId != null && RedisBus.compareIds(id, lastStreamId) <= 0) {
                return false;
            }
            lastStreamId = id;
            return true;
        }

        void fanOut(BrokerMessage message) {
            for (Subscriber subscriber : subscribers) {
                try {
                    subscriber.deliver(message);
                } catch (RuntimeException e) {
                    log.warn("Subscriber of " + name + " failed", e);
                }
            }
        }

        void close() {
            closed = true;
            Disposable d = channel;
            if (d != null) {
                d.dispose();
            }
        }
    }

    private final RedisBus bus;
    private final Counter channelFailures;
    private final Counter reconnects;
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

    LocalSubscriptions(RedisBus bus, MeterRegistry meters) {
        this.bus = bus;
        this.channelFailures = meters.counter("livehall.realtime.channel.failures");
        this.reconnects = meters.counter("livehall.realtime.redis.reconnects");
    }

    /** Adds a subscriber; the Mono completes when the destination's Redis channel is subscribed (now, not once). */
    Mono<Void> add(String destination, DestinationKind kind, Subscriber subscriber) {
        Destination d = destinations.compute(destination, (name, existing) -> {
            Destination target = existing != null ? existing : new Destination(name, kind);
            target.subscribers.add(subscriber);
            return target;
        });
        return d.ready();
    }

    void remove(String destination, Subscriber subscriber) {
        Destination[] closed = new Destination[1];
        destinations.computeIfPresent(destination, (name, d) -> {
            d.subscribers.remove(subscriber);
            if (d.subscribers.isEmpty()) {
                closed[0] = d;
                return null;
            }
            return d;
        });
        if (closed[0] != null) {
            // subscribe first so a failed or slow channel subscription is not left behind
            closed[0].started.subscribe(v -> { }, e -> { }, closed[0]::close);
        }
    }

    /** Removes the subscriber, or the catch-up wrapper registered for it. */
    void removeMatching(String destination, Subscriber subscriber) {
        Destination d = destinations.get(destination);
        if (d == null) {
            return;
        }
        Subscriber registered = d.subscribers.contains(subscriber) ? subscriber
                : d.subscribers.stream().filter(s -> s instanceof GaplessSubscriber g && g.wraps(subscriber))
                        .findFirst().orElse(subscriber);
        remove(destination, registered);
    }

    /** Redis came back (Lettuce reconnected and resubscribed): every destination catches up on what it missed. */
    void reconnected() {
        reconnects.increment();
        catchUpAll();
    }

    /** Every destination catches up on what it missed (a destination already catching up is left to finish). */
    void catchUpAll() {
        destinations.values().forEach(Destination::catchUp);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
